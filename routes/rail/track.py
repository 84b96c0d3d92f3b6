"""The rail network the pipeline routes on: OpenStreetMap-derived track
(``routes.rail.world``) as CSR arrays, with snapping onto the nearest point of a track
segment and shortest paths by scipy. Its acceptance routes are tested in
``tests/test_world_rail.py``.

Routing weights are track km plus :data:`BORDER_PENALTY_KM` for every edge whose two
ends lie in different countries, so that a train between two stops in one country
stays in it unless a stop puts it abroad; reported km are track km only.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import itertools
import json
import math
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import shapely

from routes.paths import GEODATA_DIR
from routes.rail.borders import crossing_point, unit_vectors
from routes.rail.geodesy import GEOD, unique
from routes.rail.world import (
    GraphArrays,
    TrackLine,
    WorldNetworkError,
    arrays_from_lines,
    cache_path,
    load_world,
    to_csr,
)
from routes.read.gazetteer import default_cache_dir

#: Shipped rail curation: station coordinates, patches, gauges by country.
RAIL_DIR = GEODATA_DIR / "rail"
STATIONS_PATH = RAIL_DIR / "stations.geojson"
GAUGES_PATH = RAIL_DIR / "gauges.csv"
PREFERENCES_PATH = RAIL_DIR / "preferences.geojson"
#: A station farther than this from the track is listed in ``RailNetwork.problems``.
STATION_TOLERANCE_KM = 2.0
#: A station farther than this from the track is not attached (its stop snaps alone).
STATION_ATTACH_KM = 10.0
#: Most ground distance between the points along a segment that snapping searches (km).
SAMPLE_KM = 2.0
#: Mean Earth radius (km), to turn ground distance into chord length on the unit sphere.
EARTH_RADIUS_KM = 6371.0
#: Added to the routing weight of an edge that changes country (km). Larger than any
#: detour a foreign shortcut saves on one journey (Moscow - Vladivostok through
#: Manchuria saves ~1,270 km over two crossings), far below the length of a route
#: that must cross (it is paid by every alternative alike).
BORDER_PENALTY_KM = 1000.0


class NetworkError(ValueError):
    """The rail data is missing or cannot be read; the message names the file."""


@dataclass(frozen=True)
class TrackPoint:
    """A point on the track: on the segment from node ``a`` to node ``b`` at ``t``.

    ``t`` is the fraction of the segment from ``a`` (0) to ``b`` (1); ``lon``/``lat``
    the point; ``km`` the ground distance from the point that was snapped.
    """

    a: int
    b: int
    t: float
    lon: float
    lat: float
    km: float = 0.0

    @property
    def id(self) -> str:
        """A stable label: the segment and the position on it."""
        return f"{self.a}-{self.b}@{self.t:.4f}"


@dataclass(frozen=True)
class RailPath:
    """The shortest track between two track points."""

    coords: tuple[tuple[float, float], ...]
    #: Track km (the package's per-segment track lengths, pro rata on split segments).
    km: float
    countries: tuple[str, ...]
    #: First vertex in a new country, or None.
    border_point: tuple[float, float] | None
    #: Track gauges in mm in travel order where known (by country, see gauges.csv).
    gauges: tuple[int, ...] = ()
    #: Number of country changes along the path.
    crossings: int = 0


class RailNetwork:
    """A rail graph with stations, snapping and shortest paths.

    Parameters
    ----------
    arrays
        Nodes, CSR adjacency with track km, node countries.
    stations
        Station properties (``id``, ``name``, ``place_id``) with ``lon``/``lat``.
    gauges
        Track gauge in mm by country code, where known.
    preferences
        ``(polygon, factor)``: segments inside a polygon weigh ``factor`` times their km
        in routing (the line through trains take, see ``preferences.geojson``).
    source
        Where the data came from, for messages.
    station_cache
        A file keeping the stations' track points between processes, so a cold start
        whose stops are all stations need not index the segments.
    """

    def __init__(
        self,
        arrays: GraphArrays,
        stations: Sequence[dict[str, Any]] = (),
        *,
        gauges: dict[str, int] | None = None,
        preferences: Sequence[tuple[shapely.Geometry, float]] = (),
        source: str = "",
        station_cache: Path | None = None,
    ) -> None:
        self.arrays = arrays
        self.source = source
        self.gauges = dict(gauges or {})
        self.problems: list[str] = []
        self._stations: dict[str, TrackPoint] = {}
        self._places: dict[str, TrackPoint] = {}
        self._raw_stations = list(stations)
        self._attached = False
        #: ``(polygon, factor)`` routing preferences (``preferences.geojson``).
        self.preferences: list[tuple[shapely.Geometry, float]] = list(preferences)
        #: Where the stations' track points are kept between processes (None: nowhere).
        self.station_cache = station_cache

    def __repr__(self) -> str:
        return f"RailNetwork({self.arrays.node_count} nodes, {self.edge_count} edges)"

    @property
    def edge_count(self) -> int:
        """Number of undirected track segments."""
        return int(self.arrays.indices.size // 2)

    @cached_property
    def _weights(self):
        """CSR routing weights: track km times any preference factor, plus the border
        penalty on country changes."""
        a = self.arrays
        rows = np.repeat(np.arange(a.node_count), np.diff(a.indptr))
        crossing = a.country[rows] != a.country[a.indices]
        factor = np.ones(a.node_count)
        for polygon, value in self.preferences:
            inside = shapely.contains_xy(polygon, a.lon, a.lat)
            factor[inside] = value
        edge_factor = np.where(factor[rows] == factor[a.indices], factor[rows], 1.0)
        weight = a.km.astype(np.float64) * edge_factor + BORDER_PENALTY_KM * crossing
        return to_csr(a, np.maximum(weight, 1e-9))

    @cached_property
    def _segments(self) -> tuple[np.ndarray, np.ndarray, Any, np.ndarray]:
        """Each undirected segment once (``u < v``), and a KD-tree of points along them.

        The points lie every :data:`SAMPLE_KM` or closer along each segment (its ends
        included), on the unit sphere; ``owner`` maps each point to its segment. About
        0.8 million points for the world graph (~30 MB, far less than a tree of line
        geometries).
        """
        from scipy.spatial import cKDTree

        a = self.arrays
        rows = np.repeat(np.arange(a.node_count, dtype=np.int32), np.diff(a.indptr))
        once = rows < a.indices
        u, v = rows[once], a.indices[once]
        # Segment lengths for the spacing only: equirectangular, well within 1 % here.
        dlat = np.radians(a.lat[v] - a.lat[u])
        dlon = np.radians(a.lon[v] - a.lon[u]) * np.cos(np.radians((a.lat[u] + a.lat[v]) / 2))
        chord = EARTH_RADIUS_KM * np.hypot(dlat, dlon)
        steps = np.maximum(np.ceil(chord / SAMPLE_KM).astype(np.int64), 1)
        owner = np.repeat(np.arange(u.size, dtype=np.int64), steps + 1)
        starts = np.repeat(np.cumsum(steps + 1) - (steps + 1), steps + 1)
        t = (np.arange(owner.size) - starts) / steps[owner]
        lon = a.lon[u][owner] + t * (a.lon[v][owner] - a.lon[u][owner])
        lat = a.lat[u][owner] + t * (a.lat[v][owner] - a.lat[u][owner])
        return u, v, cKDTree(unit_vectors(lon, lat)), owner

    def coords(self, node: int) -> tuple[float, float]:
        """The ``(lon, lat)`` of ``node``."""
        return (float(self.arrays.lon[node]), float(self.arrays.lat[node]))

    def country(self, node: int) -> str:
        """The country code of ``node`` ("" when unknown)."""
        return self.arrays.codes[int(self.arrays.country[node])]

    def segment_km(self, a: int, b: int) -> float:
        """Track km of the segment ``a``–``b``."""
        arr = self.arrays
        row = slice(arr.indptr[a], arr.indptr[a + 1])
        hit = np.nonzero(arr.indices[row] == b)[0]
        if hit.size == 0:
            msg = f"No track segment joins nodes {a} and {b}"
            raise KeyError(msg)
        return float(arr.km[row][hit[0]])

    def snap(self, lon: float, lat: float) -> TrackPoint:
        """The nearest point of any track segment to ``(lon, lat)``.

        The nearest segment is found in a local equirectangular frame around the point
        (exact to well under 1 % within tens of km); the distance is geodesic.

        Raises
        ------
        ValueError
            If the coordinates are not finite or the network is empty.
        """
        if not (math.isfinite(lon) and math.isfinite(lat)):
            msg = f"Cannot snap non-finite coordinates ({lon}, {lat}) to the rail network"
            raise ValueError(msg)
        u, v, tree, owner = self._segments
        if u.size == 0:
            msg = f"The rail network from {self.source or 'memory'} has no track"
            raise ValueError(msg)
        here = unit_vectors(np.array([lon]), np.array([lat]))[0]
        nearest, _ = tree.query(here)
        # Every segment has a point within SAMPLE_KM / 2 of its nearest point to here, so
        # the nearest segment has a point within the nearest point's distance plus that.
        radius = (nearest + SAMPLE_KM / 2.0 / EARTH_RADIUS_KM) * 1.1 + 1e-12
        candidates = np.unique(owner[tree.query_ball_point(here, radius)])
        best, t, x, y = self._closest(lon, lat, u[candidates], v[candidates])
        km = GEOD.inv(lon, lat, x, y)[2] / 1000.0
        index = candidates[best]
        return TrackPoint(a=int(u[index]), b=int(v[index]), t=t, lon=x, lat=y, km=km)

    def _closest(
        self, lon: float, lat: float, u: np.ndarray, v: np.ndarray
    ) -> tuple[int, float, float, float]:
        """Index of the nearest of segments ``u``–``v``, its fraction and the point."""
        a = self.arrays
        scale = math.cos(math.radians(lat))
        ax, ay = (a.lon[u] - lon) * scale, a.lat[u] - lat
        bx, by = (a.lon[v] - lon) * scale, a.lat[v] - lat
        dx, dy = bx - ax, by - ay
        length2 = dx * dx + dy * dy
        t = np.clip(-(ax * dx + ay * dy) / np.where(length2 > 0, length2, 1.0), 0.0, 1.0)
        px, py = ax + t * dx, ay + t * dy
        best = int(np.argmin(px * px + py * py))
        x = lon + px[best] / scale
        return best, float(t[best]), float(x), float(lat + py[best])

    def at_node(self, node: int) -> TrackPoint:
        """A track point exactly at ``node`` (on one of its segments)."""
        arr = self.arrays
        if arr.indptr[node] == arr.indptr[node + 1]:
            msg = f"Node {node} has no track"
            raise KeyError(msg)
        other = int(arr.indices[arr.indptr[node]])
        return TrackPoint(
            a=node, b=other, t=0.0, lon=self.coords(node)[0], lat=self.coords(node)[1]
        )

    @property
    def stations(self) -> dict[str, TrackPoint]:
        """Station id to its point on the track, for stations within tolerance."""
        self._attach()
        return dict(self._stations)

    def station_point(self, place_id: str) -> TrackPoint | None:
        """The track point of the station serving gazetteer place ``place_id``."""
        self._attach()
        return self._places.get(place_id)

    def _attach(self) -> None:
        """Snap the stations onto the track (once, or read from ``station_cache``)."""
        if self._attached:
            return
        self._attached = True
        snapped = self._cached_snaps()
        if snapped is None:
            snapped = [self.snap(float(s["lon"]), float(s["lat"])) for s in self._raw_stations]
            self._save_snaps(snapped)
        for station, point in zip(self._raw_stations, snapped, strict=True):
            attached = point.km <= STATION_ATTACH_KM
            if point.km > STATION_TOLERANCE_KM:
                self.problems.append(
                    f"station {station.get('id')!r} ({station.get('name')}) is "
                    f"{point.km:.1f} km from the nearest track; "
                    + ("attached there" if attached else "not attached")
                )
            if not attached:
                continue
            self._stations[str(station.get("id"))] = point
            if station.get("place_id"):
                self._places.setdefault(str(station["place_id"]), point)

    def _cached_snaps(self) -> list[TrackPoint] | None:
        """The stations' track points from ``station_cache`` when it matches, else None."""
        if self.station_cache is None:
            return None
        try:
            rows = json.loads(self.station_cache.read_text(encoding="utf-8"))
            points = [TrackPoint(int(a), int(b), t, x, y, km) for a, b, t, x, y, km in rows]
        except (OSError, ValueError, TypeError):
            return None
        return points if len(points) == len(self._raw_stations) else None

    def _save_snaps(self, points: Sequence[TrackPoint]) -> None:
        """Write the stations' track points to ``station_cache`` (skipped when read-only)."""
        if self.station_cache is None:
            return
        rows = [[p.a, p.b, p.t, p.lon, p.lat, p.km] for p in points]
        tmp = self.station_cache.with_name(f".{self.station_cache.name}.{os.getpid()}.tmp")
        with contextlib.suppress(OSError):
            self.station_cache.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_text(json.dumps(rows), encoding="utf-8")
            tmp.replace(self.station_cache)

    def _ends(self, point: TrackPoint) -> tuple[tuple[int, float], tuple[int, float]]:
        """``(node, routing weight to it)`` for both ends of ``point``'s segment."""
        weight = self._segment_weight(point.a, point.b)
        return (point.a, point.t * weight), (point.b, (1.0 - point.t) * weight)

    def _segment_weight(self, a: int, b: int) -> float:
        """Routing weight of segment ``a``–``b``."""
        row = slice(self._weights.indptr[a], self._weights.indptr[a + 1])
        hit = np.nonzero(self._weights.indices[row] == b)[0]
        return float(self._weights.data[row][hit[0]])

    def path(self, start: TrackPoint, end: TrackPoint) -> RailPath | None:
        """The shortest track from ``start`` to ``end``; None when no track joins them.

        The search is bounded (:meth:`_limits`): a route found within a bound is the
        shortest, since every node nearer than the bound has its exact distance; when
        none is found the bound grows, ending unbounded, so the answer is always exact.
        """
        sources = [n for n, _ in self._ends(start)]
        for limit in self._limits(start, end):
            dist, pred = _dijkstra()(
                self._weights,
                directed=True,
                indices=sources,
                return_predecessors=True,
                limit=limit,
            )
            best = self._best(start, end, dist)
            if best[0] <= limit or not math.isfinite(limit):
                break
        if {start.a, start.b} == {end.a, end.b}:
            direct = abs(_t_from(start, end.a) - _t_from(end, end.a))
            if direct * self._segment_weight(end.a, end.b) <= best[0]:
                return self._direct(start, end)
        if not math.isfinite(best[0]):
            return None
        _, source, target = best
        nodes = _walk(pred[source], target)
        return self._build(start, nodes, end)

    def _best(self, start: TrackPoint, end: TrackPoint, dist: np.ndarray) -> tuple[float, int, int]:
        """``(weight, source row, end node)`` of the best way between the segment ends."""
        best = (math.inf, -1, -1)
        for i, (_, off_a) in enumerate(self._ends(start)):
            for node, off_b in self._ends(end):
                total = off_a + dist[i, node] + off_b
                if total < best[0]:
                    best = (total, i, node)
        return best

    def _limits(self, start: TrackPoint, end: TrackPoint) -> tuple[float, ...]:
        """Growing search bounds: a track 1.5 and 3 times the straight line, then none.

        Each bound adds the border penalties a route between the two countries pays
        (one when they differ) and, the second, two more crossings.
        """
        straight = GEOD.inv(start.lon, start.lat, end.lon, end.lat)[2] / 1000.0
        crossings = int(self.country(start.a) != self.country(end.a))
        return (
            1.5 * straight + 30.0 + BORDER_PENALTY_KM * crossings,
            3.0 * straight + 100.0 + BORDER_PENALTY_KM * (crossings + 2),
            math.inf,
        )

    def _direct(self, start: TrackPoint, end: TrackPoint) -> RailPath:
        """The path between two points on one segment."""
        km = abs(_t_from(start, end.a) - _t_from(end, end.a)) * self.segment_km(end.a, end.b)
        country = self.country(end.a)
        return RailPath(
            coords=((start.lon, start.lat), (end.lon, end.lat)),
            km=km,
            countries=(country,) if country else (),
            border_point=None,
            gauges=self._gauges_of([country]),
        )

    def _build(self, start: TrackPoint, nodes: list[int], end: TrackPoint) -> RailPath:
        """A RailPath from ``start`` through ``nodes`` to ``end``."""
        first, last = nodes[0], nodes[-1]
        km = _t_from(start, first) * self.segment_km(start.a, start.b)
        km += _t_from(end, last) * self.segment_km(end.a, end.b)
        km += sum(self.segment_km(a, b) for a, b in itertools.pairwise(nodes))
        coords = [(start.lon, start.lat), *(self.coords(n) for n in nodes), (end.lon, end.lat)]
        countries = [self.point_country(start), *map(self.country, nodes), self.point_country(end)]
        border, crossings, previous = None, 0, ""
        for index, country in enumerate(countries):
            if country and previous and country != previous:
                crossings += 1
                border = border or self._border_between(coords[index - 1], coords[index])
            previous = country or previous
        ordered = unique(c for c in countries if c)
        return RailPath(
            coords=tuple(_dedupe_coords(coords)),
            km=km,
            countries=ordered,
            border_point=border,
            gauges=self._gauges_of(ordered),
            crossings=crossings,
        )

    def point_country(self, point: TrackPoint) -> str:
        """The country of a track point.

        On a segment whose ends lie in different countries, the side of the shipped
        border (:func:`routes.rail.borders.crossing_point`) the point is on.
        """
        first, second = self.country(point.a), self.country(point.b)
        if first == second or not (first and second):
            return first or second
        a, b = self.coords(point.a), self.coords(point.b)
        cross = crossing_point(a, b)
        span = math.hypot(b[0] - a[0], b[1] - a[1])
        at = math.hypot(cross[0] - a[0], cross[1] - a[1]) / span if span else 0.5
        return first if point.t <= at else second

    def _border_between(
        self, inside: tuple[float, float], outside: tuple[float, float]
    ) -> tuple[float, float]:
        """Where the track from ``inside`` to ``outside`` (other countries) crosses."""
        return crossing_point(inside, outside)

    def _gauges_of(self, countries: Iterable[str]) -> tuple[int, ...]:
        """Known gauges of ``countries`` in order, consecutive repeats merged."""
        out: list[int] = []
        for country in countries:
            gauge = self.gauges.get(country)
            if gauge and (not out or out[-1] != gauge):
                out.append(gauge)
        return tuple(out)

    def distances_from(self, start: TrackPoint, *, limit: float = np.inf) -> np.ndarray:
        """Routing weight from ``start`` to every node (inf where unreachable)."""
        ends = self._ends(start)
        dist = _dijkstra()(self._weights, directed=True, indices=[n for n, _ in ends], limit=limit)
        return np.minimum(dist[0] + ends[0][1], dist[1] + ends[1][1])

    def distance_to(self, distances: np.ndarray, point: TrackPoint) -> float:
        """Routing weight to ``point`` given :meth:`distances_from` of some start."""
        return float(
            min(dist + off for (node, off) in self._ends(point) for dist in [distances[node]])
        )


def position_along(path: RailPath, lon: float, lat: float) -> float:
    """Track km from the start of ``path`` to the point of it nearest ``(lon, lat)``.

    The nearest point is found segment by segment in a local equirectangular frame
    around ``(lon, lat)``; the km are the drawn (geodesic) length to it scaled to the
    path's track km, so a stop at the end of the path is at ``path.km``.

    Raises
    ------
    ValueError
        If the coordinates are not finite.
    """
    if not (math.isfinite(lon) and math.isfinite(lat)):
        msg = f"Cannot place non-finite coordinates ({lon}, {lat}) along a rail path"
        raise ValueError(msg)
    xy = np.asarray(path.coords, dtype=np.float64)
    if len(xy) < 2:
        return 0.0
    scale = math.cos(math.radians(lat))
    ax, ay = (xy[:-1, 0] - lon) * scale, xy[:-1, 1] - lat
    dx, dy = (xy[1:, 0] - xy[:-1, 0]) * scale, xy[1:, 1] - xy[:-1, 1]
    length2 = dx * dx + dy * dy
    t = np.clip(-(ax * dx + ay * dy) / np.where(length2 > 0, length2, 1.0), 0.0, 1.0)
    px, py = ax + t * dx, ay + t * dy
    best = int(np.argmin(px * px + py * py))
    drawn = GEOD.inv(xy[:-1, 0], xy[:-1, 1], xy[1:, 0], xy[1:, 1])[2] / 1000.0
    total = float(drawn.sum())
    along = float(drawn[:best].sum() + t[best] * drawn[best])
    return along * (path.km / total) if total > 0 else 0.0


def _dijkstra():
    """scipy's dijkstra, imported on first routing (scipy.sparse.csgraph takes ~0.2 s)."""
    from scipy.sparse.csgraph import dijkstra

    return dijkstra


def _t_from(point: TrackPoint, node: int) -> float:
    """Fraction of ``point``'s segment between ``node`` (one of its ends) and the point."""
    return point.t if node == point.a else 1.0 - point.t


def _walk(pred: np.ndarray, target: int) -> list[int]:
    """Nodes from the dijkstra source to ``target`` following ``pred``."""
    nodes = [int(target)]
    while pred[nodes[-1]] >= 0:
        nodes.append(int(pred[nodes[-1]]))
    nodes.reverse()
    return nodes


def _dedupe_coords(coords: Iterable[tuple[float, float]]) -> list[tuple[float, float]]:
    """``coords`` without consecutive repeats (at least two positions kept)."""
    out: list[tuple[float, float]] = []
    for c in coords:
        if not out or out[-1] != c:
            out.append(c)
    return out if len(out) > 1 else out * 2


def network_from_lines(
    lines: Sequence[TrackLine],
    stations: Sequence[dict[str, Any]] = (),
    *,
    gauges: dict[str, int] | None = None,
    source: str = "lines",
) -> RailNetwork:
    """A network of the given track lines (tests, imported extracts); see ``arrays_from_lines``."""
    return RailNetwork(arrays_from_lines(lines), stations, gauges=gauges, source=source)


def load_world_network(path: Path | None = None, *, stations: Path = STATIONS_PATH) -> RailNetwork:
    """The rail network: the world graph from the cache, or an imported ``.npz``.

    Parameters
    ----------
    path
        A network file written by ``python -m routes network import`` (the world
        graph with an OpenStreetMap extract merged in); the world graph when None.
    stations
        The station coordinates to attach.

    Raises
    ------
    NetworkError
        If a file is missing or cannot be read; the message names it.
    """
    if path is not None and not Path(path).is_file():
        msg = f"Rail network file not found: {path}"
        raise NetworkError(msg)
    key = str(Path(path).resolve()) if path is not None else ""
    return _load_cached(key, stations.resolve(), _mtime(Path(key)) if key else 0)


@lru_cache(maxsize=4)
def _load_cached(key: str, stations: Path, _stamp: int) -> RailNetwork:
    """The network for ``key`` (a file, or "" for the world graph), cached per process."""
    try:
        graph_file = Path(key) if key else cache_path()
        arrays = GraphArrays.load(graph_file) if key else load_world()
    except WorldNetworkError as exc:
        raise NetworkError(str(exc)) from exc
    digest = hashlib.sha256(f"{graph_file.resolve()}|{_stamp}|".encode())
    digest.update(stations.read_bytes() if stations.is_file() else b"")
    return RailNetwork(
        arrays,
        read_stations(stations),
        gauges=read_gauges(),
        preferences=read_preferences(),
        source=key or "world graph",
        station_cache=default_cache_dir() / f"rail-stations-{digest.hexdigest()[:16]}.json",
    )


def _mtime(path: Path) -> int:
    """Modification time of ``path`` in ns."""
    return path.stat().st_mtime_ns


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
