"""Which country a point of track lies in, and where a track crosses a border.

Both read the national borders of the whole world shipped in
``geodata/outlines/country-borders.geojson`` (GSHHG/WDBII at intermediate resolution,
about 1 km, see ``geodata/README.md``). The shipped borders do not close into country
polygons (they stop short of some coasts), so a point's country is decided against the
border *lines*: it is the country of the nearest GeoNames populated place that no border
line separates from the point (the straight line between them crosses no border). Away
from borders that is simply the nearest place's country; at a border it is the nearest
place on the point's own side (Khasan station reads RU, not the KP of Tumangang across
the river; Đồng Đăng reads VN, not the CN of Pingxiang).
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from routes.outlines import COUNTRY_BORDERS_FILE, OUTLINES_DIR
from routes.rail.geodesy import point_km, unit_vectors

#: The world's national borders (written by ``python -m tools.outlines``).
BORDERS_PATH = OUTLINES_DIR / COUNTRY_BORDERS_FILE
#: Nearest places tried per point before falling back to the nearest of all.
CANDIDATES = 32
#: Decimals kept of a computed border point (about 0.1 m).
POINT_DECIMALS = 6

if TYPE_CHECKING:  # shapely loads on first use: the network's cold load reads only the path
    import shapely


@lru_cache(maxsize=1)
def border_segments() -> tuple[shapely.STRtree, np.ndarray]:
    """An STRtree of every shipped border segment and the segments themselves."""
    import shapely

    features = json.loads(BORDERS_PATH.read_text(encoding="utf-8"))["features"]
    segments = []
    for feature in features:
        coords = np.asarray(feature["geometry"]["coordinates"], dtype=np.float64)
        segments.extend(shapely.linestrings(np.stack([coords[:-1], coords[1:]], axis=1)))
    array = np.array(segments, dtype=object)
    return shapely.STRtree(array), array


def crossing_point(
    inside: tuple[float, float], outside: tuple[float, float]
) -> tuple[float, float]:
    """Where the straight track from ``inside`` to ``outside`` meets a shipped border.

    The crossing nearest ``inside``; the middle of the two when the shipped lines miss
    the segment (a border drawn a little off the real crossing).
    """
    import shapely

    tree, segments = border_segments()
    track = shapely.LineString([inside, outside])
    hits = segments[tree.query(track, predicate="intersects")]
    points = shapely.get_parts(shapely.intersection(track, shapely.union_all(hits)))
    points = [p for p in points if isinstance(p, shapely.Point)]
    if not points:
        x, y = (inside[0] + outside[0]) / 2.0, (inside[1] + outside[1]) / 2.0
    else:
        start = shapely.Point(inside)
        best = min(points, key=start.distance)
        x, y = best.x, best.y
    return (round(float(x), POINT_DECIMALS), round(float(y), POINT_DECIMALS))


@lru_cache(maxsize=4096)
def km_to_border(lon: float, lat: float) -> float:
    """Geodesic km from a point to the nearest shipped national border line."""
    import shapely

    tree, segments = border_segments()
    point = shapely.Point(lon, lat)
    segment = segments[tree.nearest(point)]
    nearest = segment.interpolate(segment.project(point))
    return point_km((lon, lat), (nearest.x, nearest.y))


def separated(
    lon: np.ndarray, lat: np.ndarray, other_lon: np.ndarray, other_lat: np.ndarray
) -> np.ndarray:
    """Whether a shipped border line crosses the straight line between paired points."""
    import shapely

    starts = np.column_stack([lon, lat])
    ends = np.column_stack([other_lon, other_lat])
    lines = shapely.linestrings(np.stack([starts, ends], axis=1))
    tree, _ = border_segments()
    hit = np.zeros(lon.size, dtype=bool)
    pairs = tree.query(lines, predicate="intersects")
    hit[pairs[0]] = True
    hit &= np.abs(starts[:, 0] - ends[:, 0]) < 180.0  # never across the antimeridian
    return hit


def point_countries(
    lon: np.ndarray,
    lat: np.ndarray,
    place_lon: np.ndarray,
    place_lat: np.ndarray,
    place_code: np.ndarray,
) -> np.ndarray:
    """The country (an index into the places' codes) of each point.

    That of the nearest of :data:`CANDIDATES` places no border separates from the
    point, else of the nearest place (see the module docstring).
    """
    from scipy.spatial import cKDTree  # build time only: kept out of the routing imports

    _, near = cKDTree(unit_vectors(place_lon, place_lat)).query(
        unit_vectors(lon, lat), k=CANDIDATES
    )
    chosen = near[:, 0].copy()
    open_ = np.arange(lon.size)
    for k in range(CANDIDATES):
        candidate = near[open_, k]
        blocked = separated(lon[open_], lat[open_], place_lon[candidate], place_lat[candidate])
        chosen[open_[~blocked]] = candidate[~blocked]
        open_ = open_[blocked]
        if open_.size == 0:
            break
    return place_code[chosen]
