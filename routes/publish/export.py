"""The shareable exports of a Journey, by format, importable from one place.

Each format has its own module: the GeoJSON contract (:mod:`routes.publish.geojson`), KML and
GPX through GDAL (:mod:`routes.publish.kml_gpx`), ``places.csv``
(:mod:`routes.publish.csv_table`) and the project file (:mod:`routes.publish.project`).  Which
files a build writes, and writing them all, is the output registry
(:mod:`routes.publish.outputs`).
"""

from __future__ import annotations

from routes.model import PROJECT_FORMAT
from routes.publish.csv_table import CSV_COLUMNS, places_csv
from routes.publish.geojson import (
    COORD_DECIMALS,
    KM_DECIMALS,
    dumps_geojson,
    geojson_bytes,
    places_geojson,
    route_geojson,
    to_geojson,
)
from routes.publish.kml_gpx import gpx_bytes, kml_bytes, write_gpx, write_kml
from routes.publish.project import (
    MAX_PROJECT_CHARS,
    MAX_PROJECT_REPORTS,
    MAX_REPORT_CHARS,
    PROJECT_VERSION,
    is_project_file,
    load_project,
    project_json,
    project_text_of,
    read_project_file,
)

__all__ = [
    "COORD_DECIMALS",
    "CSV_COLUMNS",
    "KM_DECIMALS",
    "MAX_PROJECT_CHARS",
    "MAX_PROJECT_REPORTS",
    "MAX_REPORT_CHARS",
    "PROJECT_FORMAT",
    "PROJECT_VERSION",
    "dumps_geojson",
    "geojson_bytes",
    "gpx_bytes",
    "is_project_file",
    "kml_bytes",
    "load_project",
    "places_csv",
    "places_geojson",
    "project_json",
    "project_text_of",
    "read_project_file",
    "route_geojson",
    "to_geojson",
    "write_gpx",
    "write_kml",
]
