"""The shipped rail curation in ``geodata/rail/``: where it lives and how it is read.

Station coordinates (``stations.geojson``), routing preferences (``preferences.geojson``)
and main-line gauges by country (``gauges.csv``), each sourced in ``geodata/README.md``.
A file that is missing or cannot be read raises :class:`NetworkError` naming it.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from routes.paths import GEODATA_DIR

if TYPE_CHECKING:
    import shapely

#: Shipped rail curation: station coordinates, patches, gauges by country.
RAIL_DIR = GEODATA_DIR / "rail"
STATIONS_PATH = RAIL_DIR / "stations.geojson"
GAUGES_PATH = RAIL_DIR / "gauges.csv"
PREFERENCES_PATH = RAIL_DIR / "preferences.geojson"


class NetworkError(ValueError):
    """The rail data is missing or cannot be read; the message names the file."""


def read_stations(path: Path) -> list[dict[str, Any]]:
    """Station properties with ``lon``/``lat`` from a GeoJSON points file."""
    try:
        features = json.loads(path.read_text(encoding="utf-8"))["features"]
        return [
            {
                **(f.get("properties") or {}),
                "lon": float(f["geometry"]["coordinates"][0]),
                "lat": float(f["geometry"]["coordinates"][1]),
            }
            for f in features
        ]
    except (OSError, ValueError, KeyError, TypeError, IndexError) as exc:
        msg = f"Cannot read the stations file {path}: {exc}"
        raise NetworkError(msg) from exc


def read_preferences(path: Path = PREFERENCES_PATH) -> list[tuple[shapely.Geometry, float]]:
    """``(polygon, factor)`` of every sourced routing preference in ``path``."""
    import shapely

    try:
        features = json.loads(path.read_text(encoding="utf-8"))["features"]
        out = []
        for feature in features:
            props = feature["properties"]
            if not props.get("source") or not 1.0 <= float(props["factor"]) <= 10.0:
                msg = f"preference {props.get('id')!r} needs a source and a factor in 1-10"
                raise ValueError(msg)
            out.append((shapely.geometry.shape(feature["geometry"]), float(props["factor"])))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        msg = f"Cannot read the routing preferences {path}: {exc}"
        raise NetworkError(msg) from exc
    return out


def read_gauges(path: Path = GAUGES_PATH) -> dict[str, int]:
    """Main-line track gauge (mm) by ISO country code, from ``gauges.csv``."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return {row["country"]: int(row["gauge_mm"]) for row in csv.DictReader(handle)}
    except (OSError, ValueError, KeyError) as exc:
        msg = f"Cannot read the gauges file {path}: {exc}"
        raise NetworkError(msg) from exc
