"""Ground distances on the WGS84 ellipsoid and unit-sphere vectors, shared by the rail modules.

pyproj is imported on first use (:func:`geod`): a cold start that only loads the network
from the cache does not pay for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from pyproj import Geod


@lru_cache(maxsize=1)
def geod() -> Geod:
    """The WGS84 ellipsoid's geodesic calculator (pyproj), made once."""
    from pyproj import Geod

    return Geod(ellps="WGS84")


def geodesic_km(lons1: Any, lats1: Any, lons2: Any, lats2: Any) -> np.ndarray:
    """Geodesic km on WGS84 between paired points, as an array (any input size)."""
    arrays = [np.atleast_1d(np.asarray(v, dtype=float)) for v in (lons1, lats1, lons2, lats2)]
    arrays = np.broadcast_arrays(*arrays)
    if arrays[0].size == 1:  # pyproj's scalar fast path warns on 1-element arrays
        return np.array([geod().inv(*(float(a[0]) for a in arrays))[2] / 1000.0])
    return np.asarray(geod().inv(*(np.ascontiguousarray(a) for a in arrays))[2]) / 1000.0


def point_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Geodesic km between two ``(lon, lat)`` points."""
    return geod().inv(a[0], a[1], b[0], b[1])[2] / 1000.0


def path_km(coords: Sequence[tuple[float, float]]) -> float:
    """Geodesic length in km of the polyline through ``coords`` on WGS84."""
    if len(coords) < 2:
        return 0.0
    lons, lats = zip(*coords, strict=True)
    return geod().line_length(lons, lats) / 1000.0


def unit_vectors(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """Points on the unit sphere, so that Euclidean nearest is great-circle nearest."""
    lam, phi = np.radians(lon), np.radians(lat)
    return np.column_stack([np.cos(phi) * np.cos(lam), np.cos(phi) * np.sin(lam), np.sin(phi)])


def unique(values: Iterable[str]) -> tuple[str, ...]:
    """``values`` in first-seen order without repeats."""
    return tuple(dict.fromkeys(values))
