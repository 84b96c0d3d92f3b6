"""Ground distances on the WGS84 ellipsoid, shared by the rail modules."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
from pyproj import Geod

GEOD = Geod(ellps="WGS84")


def geodesic_km(lons1: Any, lats1: Any, lons2: Any, lats2: Any) -> np.ndarray:
    """Geodesic km on WGS84 between paired points, as an array (any input size)."""
    arrays = [np.atleast_1d(np.asarray(v, dtype=float)) for v in (lons1, lats1, lons2, lats2)]
    arrays = np.broadcast_arrays(*arrays)
    if arrays[0].size == 1:  # pyproj's scalar fast path warns on 1-element arrays
        return np.array([GEOD.inv(*(float(a[0]) for a in arrays))[2] / 1000.0])
    return np.asarray(GEOD.inv(*(np.ascontiguousarray(a) for a in arrays))[2]) / 1000.0


def point_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Geodesic km between two ``(lon, lat)`` points."""
    return GEOD.inv(a[0], a[1], b[0], b[1])[2] / 1000.0


def path_km(coords: Sequence[tuple[float, float]]) -> float:
    """Geodesic length in km of the polyline through ``coords`` on WGS84."""
    if len(coords) < 2:
        return 0.0
    lons, lats = zip(*coords, strict=True)
    return GEOD.line_length(lons, lats) / 1000.0


def unique(values: Iterable[str]) -> tuple[str, ...]:
    """``values`` in first-seen order without repeats."""
    return tuple(dict.fromkeys(values))
