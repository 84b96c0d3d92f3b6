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
import json
import math
import os
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from routes.rail.geodesy import geod, unique, unit_vectors
from routes.rail.world import (
    GraphArrays,
    TrackLine,
    arrays_from_lines,
    to_csr,
)

if TYPE_CHECKING:  # shapely, scipy and the borders load on first routing, not on a cold load
    import scipy.sparse as sp
    import shapely

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
#: Least weight of the spare node's edges: a search starting exactly at a node still
#: has an edge there (a zero would read as no edge).
SPARE_MIN_WEIGHT = 1e-12
#: When the searches from both ends do not meet, the bound grows this many times (plus
#: one border penalty) at most BOUND_STEPS times before one unbounded search.
BOUND_GROWTH = 1.5
BOUND_STEPS = 5
#: What ``RailNetwork._meet`` returns as weight when one side's track is used up
#: without meeting the other: no track joins them.
NO_TRACK = -1.0


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
        in routing (the line through trains take, see ``preferences.geojson``); or a
        function returning them, called on first routing.
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
        preferences: Sequence[tuple[shapely.Geometry, float]]
        | Callable[[], Sequence[tuple[shapely.Geometry, float]]] = (),
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
        self._preferences = preferences
        #: Guards the spare row of the routing matrix (see :attr:`_weights`).
        self._search_lock = threading.Lock()
        #: Where the stations' track points are kept between processes (None: nowhere).
        self.station_cache = station_cache

    def __repr__(self) -> str:
        return f"RailNetwork({self.arrays.node_count} nodes, {self.edge_count} edges)"

    @property
    def edge_count(self) -> int:
        """Number of undirected track segments."""
        return int(self.arrays.indices.size // 2)

    @cached_property
    def preferences(self) -> list[tuple[shapely.Geometry, float]]:
        """``(polygon, factor)`` routing preferences (``preferences.geojson``)."""
        found = self._preferences() if callable(self._preferences) else self._preferences
        return list(found)

    @cached_property
    def _rows(self) -> np.ndarray:
        """The row (from-node) of every stored edge of the CSR adjacency."""
        a = self.arrays
        return np.repeat(np.arange(a.node_count, dtype=np.int32), np.diff(a.indptr))

    @cached_property
    def _edge_keys(self) -> np.ndarray:
        """``row * node_count + column`` of every stored edge, ascending (CSR order)."""
        return self._rows.astype(np.int64) * self.arrays.node_count + self.arrays.indices

    @cached_property
    def _weights(self) -> sp.csr_array:
        """CSR routing weights: track km times any preference factor, plus the border
        penalty on country changes.

        The matrix has one spare node after the real ones, with two edges: a search
        points them at the two ends of its segment, weighted by the share of the
        segment to each end, and starts there (one search instead of one per end).
        """
        import shapely

        a = self.arrays
        rows = self._rows
        crossing = a.country[rows] != a.country[a.indices]
        factor = np.ones(a.node_count)
        for polygon, value in self.preferences:
            inside = shapely.contains_xy(polygon, a.lon, a.lat)
            factor[inside] = value
        edge_factor = np.where(factor[rows] == factor[a.indices], factor[rows], 1.0)
        weight = a.km.astype(np.float64) * edge_factor + BORDER_PENALTY_KM * crossing
        return _with_spare_row(to_csr(a, np.maximum(weight, 1e-9)))

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
        km = geod().inv(lon, lat, x, y)[2] / 1000.0
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

    def _search(
        self, point: TrackPoint, limit: float, *, predecessors: bool = True
    ) -> tuple[np.ndarray, np.ndarray | None]:
        """Routing weight (and predecessors) from ``point`` to every node within ``limit``.

        One dijkstra from the spare node joined to both ends of ``point``'s segment
        (:attr:`_weights`); a node's predecessor is the spare node when it is reached
        straight from ``point``. Arrays are one longer than the node count.
        """
        weights = self._weights
        spare = slice(weights.indptr[-2], weights.indptr[-1])
        (a, off_a), (b, off_b) = self._ends(point)
        with self._search_lock:
            weights.indices[spare] = (a, b)
            weights.data[spare] = (max(off_a, SPARE_MIN_WEIGHT), max(off_b, SPARE_MIN_WEIGHT))
            found = _dijkstra()(
                weights,
                directed=True,
                indices=self.arrays.node_count,
                return_predecessors=predecessors,
                limit=limit,
            )
        return found if predecessors else (found, None)

    def path(self, start: TrackPoint, end: TrackPoint) -> RailPath | None:
        """The shortest track from ``start`` to ``end``; None when no track joins them."""
        weight, nodes = self._route(start, end)
        if {start.a, start.b} == {end.a, end.b}:
            direct = abs(_t_from(start, end.a) - _t_from(end, end.a))
            if direct * self._segment_weight(end.a, end.b) <= weight:
                return self._direct(start, end)
        if not math.isfinite(weight):
            return None
        return self._build(start, nodes, end)

    def _route(self, start: TrackPoint, end: TrackPoint) -> tuple[float, list[int]]:
        """``(routing weight, nodes)`` of the shortest route; ``(inf, [])`` when none.

        The search is bounded (:meth:`_limit`) and runs from both ends, each out to half
        the bound; the best meeting of the two is the shortest route whenever it is
        within the bound. A meeting beyond the bound is still a route, so a second pass
        bounded by its weight is exact. When the searches do not meet the bound grows
        (:data:`BOUND_GROWTH`), ending in one unbounded search, so the answer is always
        exact; a search that used up its side's track before meeting proves no track
        joins the two.
        """
        bound = self._limit(start, end)
        for _ in range(BOUND_STEPS):
            weight, nodes = self._meet(start, end, bound / 2.0)
            if weight == NO_TRACK:
                return math.inf, []
            if weight <= bound:
                return weight, nodes
            grown = bound * BOUND_GROWTH + BORDER_PENALTY_KM
            bound = weight * (1.0 + 1e-9) + 1e-6 if math.isfinite(weight) else grown
        return self._one_way(start, end)

    def _one_way(self, start: TrackPoint, end: TrackPoint) -> tuple[float, list[int]]:
        """``(weight, nodes)`` of the shortest route by one unbounded search from ``start``."""
        dist, pred = self._search(start, math.inf)
        weight, target = min((dist[node] + off, node) for node, off in self._ends(end))
        if not math.isfinite(weight):
            return math.inf, []
        return float(weight), _walk(pred, target)

    def _meet(self, start: TrackPoint, end: TrackPoint, radius: float) -> tuple[float, list[int]]:
        """``(weight, nodes)`` of the best route joining searches from both ends.

        Each search reaches ``radius``; any route no longer than twice that has a point
        reached from ``start`` followed, at it or one segment on, by a point reached from
        ``end`` (the first and last segment shares count as segments), so the best such
        meeting is exact when its weight is at most ``2 * radius``. The weight is inf when
        the searches do not meet, :data:`NO_TRACK` when the start's search used up its
        track without meeting.
        """
        n = self.arrays.node_count
        from_start, pred_start = self._search(start, radius)
        from_end, pred_end = self._search(end, radius)
        at_node = from_start[:n] + from_end[:n]
        best_node = int(np.argmin(at_node))
        across, shell = self._across(from_start, from_end, radius)
        candidates = [
            (float(at_node[best_node]), best_node, best_node),
            across,
            *((off + float(from_end[node]), None, node) for node, off in self._ends(start)),
            *((float(from_start[node]) + off, node, None) for node, off in self._ends(end)),
        ]
        weight, first, second = min(candidates, key=lambda c: c[0])
        if not math.isfinite(weight):
            used_up = shell == 0 and max(off for _, off in self._ends(start)) <= radius
            return (NO_TRACK if used_up else math.inf), []
        head = _walk(pred_start, first) if first is not None else []
        tail = _walk(pred_end, second)[::-1] if second is not None else []
        return weight, head + tail[1:] if first is not None and first == second else head + tail

    def _across(
        self, from_start: np.ndarray, from_end: np.ndarray, radius: float
    ) -> tuple[tuple[float, int | None, int | None], int]:
        """The best meeting across one segment, ``(weight, node before, node after)``,
        and how many nodes could have a segment reaching past ``radius``.

        Only a node the end's search missed whose heaviest segment reaches past
        ``radius`` can matter (elsewhere a meeting at a node is as short).
        """
        n = self.arrays.node_count
        shell = np.flatnonzero(
            np.isfinite(from_start[:n])
            & np.isinf(from_end[:n])
            & (from_start[:n] + self._longest_segment > radius)
        )
        weights = self._weights
        counts = weights.indptr[shell + 1] - weights.indptr[shell]
        slots = np.repeat(weights.indptr[shell] - np.cumsum(counts) + counts, counts)
        slots += np.arange(slots.size)
        rows = np.repeat(shell, counts)
        across = from_start[rows] + weights.data[slots] + from_end[weights.indices[slots]]
        if across.size == 0:
            return (math.inf, None, None), int(shell.size)
        best = int(np.argmin(across))
        meeting = (float(across[best]), int(rows[best]), int(weights.indices[slots[best]]))
        return meeting, int(shell.size)

    @cached_property
    def _longest_segment(self) -> np.ndarray:
        """The routing weight of each node's heaviest segment (0 for a node without)."""
        longest = np.zeros(self.arrays.node_count)
        weights = self._weights
        real = weights.indptr[-2]
        np.maximum.at(longest, self._rows, weights.data[:real])
        return longest

    def _limit(self, start: TrackPoint, end: TrackPoint) -> float:
        """The first search bound: a track 1.5 times the straight line, plus the border
        penalty a route between the two countries pays (one when they differ)."""
        straight = geod().inv(start.lon, start.lat, end.lon, end.lat)[2] / 1000.0
        crossings = int(self.country(start.a) != self.country(end.a))
        return 1.5 * straight + 30.0 + BORDER_PENALTY_KM * crossings

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

    def _path_km(self, nodes: Sequence[int]) -> float:
        """Track km along consecutive ``nodes`` (each pair joined by a segment)."""
        ids = np.asarray(nodes, dtype=np.int64)
        keys = ids[:-1] * self.arrays.node_count + ids[1:]
        at = np.searchsorted(self._edge_keys, keys)
        return sum(self.arrays.km[at].astype(np.float64).tolist())

    def _build(self, start: TrackPoint, nodes: list[int], end: TrackPoint) -> RailPath:
        """A RailPath from ``start`` through ``nodes`` to ``end``."""
        first, last = nodes[0], nodes[-1]
        km = _t_from(start, first) * self.segment_km(start.a, start.b)
        km += _t_from(end, last) * self.segment_km(end.a, end.b)
        km += self._path_km(nodes)
        arr = self.arrays
        inner = list(zip(arr.lon[nodes].tolist(), arr.lat[nodes].tolist(), strict=True))
        coords = [(start.lon, start.lat), *inner, (end.lon, end.lat)]
        inner_countries = [arr.codes[c] for c in arr.country[nodes].tolist()]
        countries = [self.point_country(start), *inner_countries, self.point_country(end)]
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
        from routes.rail.borders import crossing_point

        cross = crossing_point(a, b)
        span = math.hypot(b[0] - a[0], b[1] - a[1])
        at = math.hypot(cross[0] - a[0], cross[1] - a[1]) / span if span else 0.5
        return first if point.t <= at else second

    def _border_between(
        self, inside: tuple[float, float], outside: tuple[float, float]
    ) -> tuple[float, float]:
        """Where the track from ``inside`` to ``outside`` (other countries) crosses."""
        from routes.rail.borders import crossing_point

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
        dist, _ = self._search(start, limit, predecessors=False)
        return dist[: self.arrays.node_count]

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
    drawn = np.asarray(geod().line_lengths(xy[:, 0], xy[:, 1])) / 1000.0
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
    """Nodes from the search's first real node to ``target`` following ``pred``.

    The spare start node (the last index, see ``RailNetwork._weights``) is left out.
    """
    spare = pred.size - 1
    nodes = [int(target)]
    while 0 <= (before := int(pred[nodes[-1]])) != spare:
        nodes.append(before)
    nodes.reverse()
    return nodes


def _with_spare_row(matrix: sp.csr_array) -> sp.csr_array:
    """``matrix`` with one more node whose row holds two placeholder edges (to node 0)."""
    import scipy.sparse as sp

    n = matrix.shape[0]
    indptr = np.append(matrix.indptr, matrix.indptr[-1] + 2).astype(matrix.indptr.dtype)
    indices = np.append(matrix.indices, [0, 0]).astype(matrix.indices.dtype)
    data = np.append(matrix.data, [1.0, 1.0])
    return sp.csr_array((data, indices, indptr), shape=(n + 1, n + 1))


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
