"""Country and sea names on the static map, from the label points in geodata/map-labels.json."""

from __future__ import annotations

import json
from functools import lru_cache

from routes import paths
from routes.model import AREA_KINDS, Journey
from routes.publish import style
from routes.publish.png.frame import MapFrame
from routes.publish.png.labels import Label

#: The shipped label points.
LABELS_FILE = "map-labels.json"
#: A name is printed only at a point this share of the view inside its edges.
_INSET = 0.06


@lru_cache(maxsize=1)
def load_map_labels() -> dict[str, dict[str, list[tuple[float, float]]]]:
    """``{"countries": {name: [(lon, lat), ...]}, "seas": {...}}`` from geodata.

    Raises
    ------
    ValueError
        When the file is not the expected JSON, naming the file.
    """
    path = paths.GEODATA_DIR / LABELS_FILE
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        return {
            group: {name: [tuple(p) for p in points] for name, points in document[group].items()}
            for group in ("countries", "seas")
        }
    except (OSError, ValueError, KeyError, TypeError) as error:
        msg = f"{path}: not a map label file ({error})"
        raise ValueError(msg) from error


def name_labels(frame: MapFrame, journey: Journey) -> list[Label]:
    """Labels for the countries and seas in view: countries in spaced capitals, seas in
    italics; a country the reports already name as a place is left to that place's label.
    Both have the lowest priority, so they give way to every other label."""
    named = {lp.place.name for lp in journey.places if lp.place.kind in AREA_KINDS}
    labels = []
    groups = load_map_labels()
    for name, points in groups["countries"].items():
        if name in named:
            continue
        point = _first_in_view(frame, points)
        if point is not None:
            text = " ".join(name.upper())
            labels.append(
                Label(*point, text, 10, style.AREA_NAME_COLOUR, "normal", 3, 0, max_clash=0.02)
            )
    for name, points in groups["seas"].items():
        point = _first_in_view(frame, points)
        if point is not None:
            labels.append(
                Label(*point, name, 10, style.SEA_TEXT, "normal", 3, 0, "italic", max_clash=0.02)
            )
    return labels


def _first_in_view(frame: MapFrame, points: list[tuple[float, float]]):
    """Projected (x, y) of the first lon/lat point well inside the view, or None."""
    x0, y0, x1, y1 = frame.bounds
    dx, dy = (x1 - x0) * _INSET, (y1 - y0) * _INSET
    lons, lats = zip(*points, strict=True)
    xs, ys = frame.project(lons, lats)
    for x, y in zip(xs, ys, strict=True):
        if x0 + dx < x < x1 - dx and y0 + dy < y < y1 - dy:
            return float(x), float(y)
    return None
