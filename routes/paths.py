"""Where the package finds its shipped data: one definition for every stage."""

from __future__ import annotations

from pathlib import Path

#: The checkout (or install) root that holds ``geodata/``.
PROJECT_DIR = Path(__file__).resolve().parent.parent
#: Shipped data about the real world; every source is named in its README.
GEODATA_DIR = PROJECT_DIR / "geodata"
#: Vendored JS/CSS/images of the HTML map (see its README for licences).
WEB_ASSETS_DIR = Path(__file__).resolve().parent / "publish" / "web" / "assets"
