"""Fonts of the static map: DejaVu Sans (matplotlib's own: Latin, Cyrillic, Greek) and, for
Hangul, NanumGothic as shipped by the ``koreanize-matplotlib`` package from PyPI.

NanumGothic is © NHN Corporation under the SIL Open Font License 1.1. The package is only
used for its font files: importing it would change matplotlib's global settings, so its folder
is found without importing it and the files are registered with matplotlib's font manager.
Matplotlib falls back glyph by glyph along :data:`FAMILY`, in PNG, SVG and PDF alike.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

from matplotlib import font_manager

#: The font list of every text on the map, first choice first.
FAMILY: tuple[str, ...] = ("DejaVu Sans", "NanumGothic")
#: The distribution that ships NanumGothic, and its font folder inside the package.
_FONT_PACKAGE = "koreanize_matplotlib"
_FONT_FOLDER = "fonts"


@lru_cache(maxsize=1)
def register_fonts() -> tuple[str, ...]:
    """Register the shipped Hangul font files with matplotlib, once; return :data:`FAMILY`.

    Raises
    ------
    RuntimeError
        When the font package is not installed (it is in requirements.txt).
    """
    spec = find_spec(_FONT_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        msg = (
            f"the Hangul font package {_FONT_PACKAGE!r} is not installed: "
            "pip install -r requirements.txt"
        )
        raise RuntimeError(msg)
    folder = Path(next(iter(spec.submodule_search_locations))) / _FONT_FOLDER
    for path in sorted(folder.glob("NanumGothic*.ttf")):
        font_manager.fontManager.addfont(str(path))
    logging.getLogger("fontTools.subset").addFilter(_hinting_tables_dropped)
    return FAMILY


def _hinting_tables_dropped(record: logging.LogRecord) -> bool:
    """False for fontTools' notes that NanumGothic's VTT hinting tables (TSI0-TSI5) are left
    out of a PDF's font subset: expected every time, and no loss in print."""
    return not record.getMessage().startswith("TSI")
