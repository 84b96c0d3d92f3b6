"""Stops to route: snap stops to the rail network, join them by legs, add km and timing.

The rules a user can rely on:

- **Order** (:func:`order_stops`): the origin first, the destination(s) last and the
  vias and borders between them by their position along the rail path from the origin
  to the destination (:func:`position_along`; rail, then geodesic, distance from the
  origin when there is no such path). A place listed twice is kept once, in its
  strongest role (border > destination > origin > via).
- **Visits**: :func:`route` keeps the stops it is given, so a place passed out and back
  is two stops (two visits, see :func:`routes.read.parse.visits.return_visits`), each with
  its own ``order``, ``km`` and ``eta``; legs join consecutive visits. A reported time of
  the place is set against its first visit only (it is the earliest the reports give).
- **Snapping**: a stop snaps to its station (the station whose ``place_id`` is the
  stop's place id), otherwise to the nearest point of any track segment. A stop farther
  than ``Settings.max_snap_km`` from the track is *not* snapped: it is marked
  ``Stop.off_network`` and named in ``Route.warnings``, and the legs to and from it are
  geodesic ``"no-rail"`` legs.
- **Legs**: the shortest track between consecutive stops (``routes.rail.track``: a train
  between two stops stays in their countries unless a stop puts it abroad), its length,
  the countries of the track in travel order and the ``border_point`` where the country
  changes. A rail leg's ``km`` is track km (the OpenStreetMap-derived segment lengths);
  a no-rail leg's ``km`` is its geodesic length. When no track joins two stops the leg
  is a densified great circle of kind ``"no-rail"`` and a warning says so — never a
  silent straight line.
- **Air and road**: a leg into a place the reports say was flown to or driven to
  (``modes``, from :func:`routes.rail.modes.arrival_modes`) is a geodesic arc of kind
  ``"air"`` or ``"road"`` between the two places, timed at :data:`MODE_SPEED_KMH`;
  ``"no-rail"`` is kept for legs where no track joins two stops.
- **Unknown stop**: a stop whose coordinates are missing or not finite cannot be drawn
  or timed; it is left out of the route and named in ``Route.warnings``.
- **Timing**: from ``Settings.depart`` the train runs at ``Settings.running_speed_kmh`` and
  stops ``dwell_min`` at every intermediate stop, or ``border_dwell_min`` at a border
  stop: one whose role is ``"border"`` or the first stop after a leg that crosses a
  country border (the checks happen there), plus ``gauge_change_min`` when the track
  gauge changes along that leg (bogies are changed at the border). When the leg
  into the destination crosses a border farther than ``max_snap_km`` from it, the border
  dwell is added to that leg's running time instead. ``Stop.eta`` is the arrival time
  (the departure time at the origin); with a reported time for the place,
  ``Stop.delta_hours`` is ``eta - reported`` in hours; with only a reported day, it is how
  far the ETA falls outside that day (0 inside it). The clock is then set by the report:
  the legs after a stop reported later than its estimate run from the reported time (the
  start of the reported day when only a day was given: a long stay, a slow train), so one
  stay of days does not put every later estimate days early; the clock never goes back.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import pairwise
from typing import Protocol

from routes.model import STOP_PRIORITY, Kind, Leg, LegKind, Place, Role, Route, Settings, Stop
from routes.rail.geodesy import geod, path_km, point_km
from routes.rail.network import RailNetwork, load_network
from routes.rail.track import RailPath, TrackPoint
from routes.rail.track import position_along as track_position

#: What a report gives for reaching a place: a time, or only the day.
Told = datetime | date

#: Spacing of the points of a geodesic "no-rail" leg; 10 km keeps the drawn great circle
#: within metres of the true one at map scale.
NO_RAIL_STEP_KM = 10.0
#: Most intermediate points on one no-rail leg (bounds the output size).
NO_RAIL_MAX_POINTS = 500
#: Fewest names ``route_by_names`` accepts: a route needs somewhere to start and end.
MIN_NAMES = 2
#: Most names ``route_by_names`` accepts (bounds the work of one request).
MAX_NAMES = 50
#: Average speed of a flown or driven leg, gate to gate (a state jet ~700 km/h less
#: taxi and climb; a motorcade on main roads), used instead of the train's speed.
MODE_SPEED_KMH: dict[str, float] = {LegKind.AIR: 600.0, LegKind.ROAD: 60.0}


class RouteError(ValueError):
    """A route cannot be built from what was asked (e.g. an unknown place name)."""


class GazetteerLike(Protocol):
    """What :func:`route_by_names` needs of ``routes.read.gazetteer.Gazetteer``."""

    def candidates(self, name: str) -> tuple[Place, ...]: ...

    def search(self, query: str, limit: int = ...) -> Sequence[Place]: ...


@dataclass(frozen=True)
class _Snap:
    """Where a stop meets the network (``point`` None when it is off the network)."""

    point: TrackPoint | None
    km: float
    off_network: bool

    @property
    def node(self) -> str | None:
        """The label of the snapped track point, for ``Stop.node``."""
        return self.point.id if self.point is not None else None


def order_stops(
    stops: Sequence[tuple[Place, str]], network: RailNetwork
) -> list[tuple[Place, str]]:
    """Put ``(place, role)`` stops in travel order.

    The first origin comes first and the destinations last. Every other stop (vias,
    borders, further origins) goes between them by its position along the rail path
    from the origin to the farthest destination (:func:`position_along`); without such
    a path (no destination, no track) by rail km from the origin, and by geodesic km
    when a stop has no rail path from it either. Destinations are ordered the same way
    among themselves. A place id listed twice is kept once, with its strongest role
    (:data:`routes.model.STOP_PRIORITY`). Without an origin, the first stop given
    anchors the order. Stops without finite coordinates go last before the
    destinations, in the order given.

    Parameters
    ----------
    stops
        The places on the route and their roles, in any order.
    network
        The rail network giving the track.

    Returns
    -------
    list of (Place, str)
        The same stops, deduplicated and in travel order.
    """
    unique = _dedupe(stops)
    if not unique:
        return []
    origin = next((s for s in unique if s[1] == Role.ORIGIN), unique[0])
    rest = [s for s in unique if s is not origin]
    ends = [s for s in rest if s[1] == Role.DESTINATION]
    distance = _along_track(origin[0], [p for p, _ in ends], network)
    middle = sorted((s for s in rest if s[1] != Role.DESTINATION), key=lambda s: distance(s[0]))
    return [origin, *middle, *sorted(ends, key=lambda s: distance(s[0]))]


def position_along(path: RailPath, place: Place) -> float:
    """Track km from the start of ``path`` to where ``place`` lies along it.

    The reader can order the places a report names between a first and a last stop by
    this (see :func:`order_stops`); ``math.inf`` for a place without coordinates.
    """
    if not _has_coords(place):
        return math.inf
    return track_position(path, place.lon, place.lat)


def rail_path(a: Place, b: Place, network: RailNetwork) -> RailPath | None:
    """The rail path between two places (their stations, else the nearest track)."""
    if not (_has_coords(a) and _has_coords(b)):
        return None
    return network.path(_track_point(a, network), _track_point(b, network))


def route(
    stops: Sequence[tuple[Place, str]],
    settings: Settings,
    *,
    reported_times: Mapping[str, datetime | date | Sequence[datetime | date]] | None = None,
    network: RailNetwork | None = None,
    modes: Mapping[str, str] | None = None,
) -> Route:
    """Join ``stops`` (already in travel order) along the railway and time the journey.

    Parameters
    ----------
    stops
        ``(place, role)`` in travel order (see :func:`order_stops`).
    settings
        Speed, departure, dwell times and the snapping limit ``max_snap_km``.
    reported_times
        Times reports give for reaching places, by place id: a ``datetime``, or a ``date``
        when only the day was given, or several of them for a place visited more than once
        (each visit takes the earliest told after the stops before it); compared with the
        ETAs, and the clock of the legs after them.
    network
        The rail network; the shipped one when None.
    modes
        Place id → ``LegKind`` of the leg into that place when not rail (``air``,
        ``road``), from :func:`routes.rail.modes.arrival_modes`.

    Returns
    -------
    Route
        Stops with cumulative km, ETA and delta, the legs between them and warnings
        for everything that could not follow the track (see the module docstring).
    """
    network = network if network is not None else load_network()
    warnings: list[str] = []
    placed: list[tuple[Place, str, _Snap]] = []
    for place, role in stops:
        if not _has_coords(place):
            warnings.append(
                f"{place.name or place.id} has no usable coordinates; left off the route"
            )
            continue
        placed.append((place, role, _snap(place, network, settings.max_snap_km)))
    placed = _cross_rivers(placed, network)
    for place, _role_name, snap in placed:
        if snap.off_network:
            warnings.append(
                f"{place.name} is {snap.km:.1f} km from the nearest railway (limit "
                f"{settings.max_snap_km:g} km); joined by a straight no-rail line"
            )
    modes = modes or {}
    legs = [
        _mode_leg(a[0], b[0], modes[b[0].id])
        if modes.get(b[0].id) in MODE_SPEED_KMH
        else _leg(a, b, network, warnings)
        for a, b in pairwise(placed)
    ]
    route_stops = _timed_stops(placed, legs, settings, reported_times or {})
    return Route(stops=tuple(route_stops), legs=tuple(legs), warnings=tuple(warnings))


def route_by_names(
    names: Sequence[str],
    settings: Settings,
    gazetteer: GazetteerLike,
    network: RailNetwork | None = None,
    *,
    reported_times: Mapping[str, datetime] | None = None,
) -> Route:
    """Route through places given by name, in the order given.

    The first name is the origin, the last the destination and the others vias (a
    place whose kind is ``border-crossing`` is a border stop). Each name takes the
    gazetteer's best candidate.

    Raises
    ------
    RouteError
        For fewer than two or more than ``MAX_NAMES`` names, or a name the gazetteer
        does not know ("No place called 'X'. Did you mean …?").
    """
    if not MIN_NAMES <= len(names) <= MAX_NAMES:
        msg = f"Give between {MIN_NAMES} and {MAX_NAMES} place names; got {len(names)}"
        raise RouteError(msg)
    places = [_lookup(name, gazetteer) for name in names]
    stops = [(place, _role(i, len(places), place)) for i, place in enumerate(places)]
    return route(stops, settings, reported_times=reported_times, network=network)


def _lookup(name: str, gazetteer: GazetteerLike) -> Place:
    """The gazetteer's best place for ``name``; RouteError with suggestions if none."""
    found = gazetteer.candidates(name)
    if found:
        return found[0]
    suggestions = _suggestions(name, gazetteer)
    hint = f" Did you mean {', '.join(repr(s) for s in suggestions)}?" if suggestions else ""
    msg = f"No place called {name!r}.{hint}"
    raise RouteError(msg)


def _suggestions(name: str, gazetteer: GazetteerLike, limit: int = 3) -> list[str]:
    """Up to ``limit`` distinct place names starting like ``name``, loosest match last.

    Tries the whole name, its first word, then its first four and three letters, so that
    "Vladivostock" still suggests "Vladivostok".
    """
    words = name.split()
    prefixes = [name, words[0] if words else "", name[:4], name[:3]]
    names: dict[str, None] = {}
    for prefix in dict.fromkeys(p.strip() for p in prefixes if len(p.strip()) >= 3):
        for place in gazetteer.search(prefix, limit):
            names.setdefault(place.name)
        if names:
            break
    return list(names)[:limit]


def _role(index: int, count: int, place: Place) -> str:
    """The role of the ``index``-th of ``count`` named stops."""
    if index == 0:
        return Role.ORIGIN
    if index == count - 1:
        return Role.DESTINATION
    return Role.BORDER if place.kind == Kind.BORDER_CROSSING else Role.VIA


def _dedupe(stops: Sequence[tuple[Place, str]]) -> list[tuple[Place, str]]:
    """One entry per place id, in first-seen position, with the strongest role."""
    best: dict[str, tuple[Place, str]] = {}
    for place, role in stops:
        held = best.get(place.id)
        if held is None or _stop_rank(role) < _stop_rank(held[1]):
            best[place.id] = (place, role)
    return list(best.values())


def _stop_rank(role: str) -> int:
    """Position of ``role`` in :data:`routes.model.STOP_PRIORITY` (strongest is 0)."""
    return STOP_PRIORITY.index(role) if role in STOP_PRIORITY else len(STOP_PRIORITY)


def _along_track(
    origin: Place, ends: Sequence[Place], network: RailNetwork
) -> Callable[[Place], float]:
    """A key function: where a place lies along the track from ``origin``.

    Along the path to the farthest of ``ends`` when there is one; else rail km from
    the origin, falling back to geodesic km (see :func:`order_stops`).
    """
    located = [p for p in ends if _has_coords(p)]
    if _has_coords(origin) and located:
        last = max(located, key=lambda p: point_km((origin.lon, origin.lat), (p.lon, p.lat)))
        path = rail_path(origin, last, network)
        if path is not None:
            return lambda place: _station_position(path, place, network)
    return _distance_from(origin, network)


def _station_position(path: RailPath, place: Place, network: RailNetwork) -> float:
    """Where ``place`` lies along ``path``: its station's point when it has one (a city's
    centre may lie across a river from its station), else its own."""
    station = network.station_point(place.id)
    if station is None:
        return position_along(path, place)
    return track_position(path, station.lon, station.lat)


def _distance_from(origin: Place, network: RailNetwork) -> Callable[[Place], float]:
    """A key function: km from ``origin`` to a place, by rail when possible."""
    rail = None
    if _has_coords(origin):
        rail = network.distances_from(_track_point(origin, network))

    def distance(place: Place) -> float:
        if not (_has_coords(place) and _has_coords(origin)):
            return math.inf
        if rail is not None:
            found = network.distance_to(rail, _track_point(place, network))
            if math.isfinite(found):
                return found
        return point_km((origin.lon, origin.lat), (place.lon, place.lat))

    return distance


#: A river stop is placed where the track between its neighbours passes nearest its
#: representative point, if within this many km (a river's point is one spot on a long line).
RIVER_CROSSING_KM = 60.0


def _cross_rivers(
    placed: list[tuple[Place, str, _Snap]], network: RailNetwork
) -> list[tuple[Place, str, _Snap]]:
    """Put each river crossed between two stops on the track joining them.

    "Crossed the X River" names a river, not a station: its gazetteer point may lie far
    from the bridge, and snapping it like a town would draw two no-rail legs. Between two
    stops on the track, the river is placed at the point of their rail path nearest to it.
    """
    out = list(placed)
    for i in range(1, len(out) - 1):
        place, role, _unplaced = out[i]
        before, after = out[i - 1][2].point, out[i + 1][2].point
        if place.kind != Kind.RIVER or before is None or after is None:
            continue
        found = network.path(before, after)
        if found is None or not found.coords:
            continue
        lon, lat = _nearest_on(found.coords, (place.lon, place.lat))
        km = point_km((place.lon, place.lat), (lon, lat))
        if km <= RIVER_CROSSING_KM:
            out[i] = (place, role, _Snap(point=network.snap(lon, lat), km=km, off_network=False))
    return out


def _nearest_on(
    coords: Sequence[tuple[float, float]], point: tuple[float, float]
) -> tuple[float, float]:
    """The point of the line ``coords`` nearest to ``point`` (lon/lat, locally planar)."""
    from shapely import LineString, Point

    if len(coords) < 2:
        return coords[0]
    line = LineString(coords)
    nearest = line.interpolate(line.project(Point(point)))
    return (nearest.x, nearest.y)


def _track_point(place: Place, network: RailNetwork) -> TrackPoint:
    """The track point of ``place``: its station's, else the nearest point of the track."""
    return network.station_point(place.id) or network.snap(place.lon, place.lat)


def _has_coords(place: Place) -> bool:
    """Whether ``place`` has finite, in-range coordinates."""
    try:
        lon, lat = float(place.lon), float(place.lat)
    except (TypeError, ValueError):
        return False
    return math.isfinite(lon) and math.isfinite(lat) and -180 <= lon <= 180 and -90 <= lat <= 90


def _snap(place: Place, network: RailNetwork, max_snap_km: float) -> _Snap:
    """Where a stop meets the track: its station, else the nearest point within the limit."""
    station = network.station_point(place.id)
    if station is not None:
        km = point_km((place.lon, place.lat), (station.lon, station.lat))
        return _Snap(point=station, km=km, off_network=False)
    point = network.snap(place.lon, place.lat)
    if point.km > max_snap_km:
        return _Snap(point=None, km=point.km, off_network=True)
    return _Snap(point=point, km=point.km, off_network=False)


def _leg(
    a: tuple[Place, str, _Snap],
    b: tuple[Place, str, _Snap],
    network: RailNetwork,
    warnings: list[str],
) -> Leg:
    """The leg from stop ``a`` to stop ``b``: track when there is a path, else no-rail."""
    (place_a, _, snap_a), (place_b, _, snap_b) = a, b
    if snap_a.point is not None and snap_b.point is not None:
        found = network.path(snap_a.point, snap_b.point)
        if found is not None:
            return Leg(
                from_id=place_a.id,
                to_id=place_b.id,
                kind=LegKind.RAIL,
                coords=found.coords,
                km=found.km,
                countries=found.countries,
                border_point=found.border_point,
                gauges=found.gauges,
            )
        warnings.append(
            f"No railway joins {place_a.name} and {place_b.name}; "
            f"the leg between them is a straight no-rail line"
        )
    coords = _great_circle(_drawn_at(place_a, snap_a), _drawn_at(place_b, snap_b))
    return Leg(
        from_id=place_a.id,
        to_id=place_b.id,
        kind=LegKind.NO_RAIL,
        coords=coords,
        km=path_km(coords),
        countries=tuple(dict.fromkeys(c for c in (place_a.country, place_b.country) if c)),
    )


def _mode_leg(a: Place, b: Place, kind: str) -> Leg:
    """A flown or driven leg: the geodesic arc between the two places."""
    coords = _great_circle((a.lon, a.lat), (b.lon, b.lat))
    return Leg(
        from_id=a.id,
        to_id=b.id,
        kind=LegKind(kind),
        coords=coords,
        km=path_km(coords),
        countries=tuple(dict.fromkeys(c for c in (a.country, b.country) if c)),
    )


def _drawn_at(place: Place, snap: _Snap) -> tuple[float, float]:
    """Where a leg to or from ``place`` starts: its track point, else the place itself."""
    if snap.point is None:
        return (place.lon, place.lat)
    return (snap.point.lon, snap.point.lat)


def _great_circle(
    start: tuple[float, float], end: tuple[float, float]
) -> tuple[tuple[float, float], ...]:
    """Points along the geodesic from ``start`` to ``end``, about every 10 km."""
    _, _, metres = geod().inv(*start, *end)
    count = min(int(metres / 1000.0 // NO_RAIL_STEP_KM), NO_RAIL_MAX_POINTS)
    middle = geod().npts(*start, *end, count) if count > 0 else []
    return (start, *((float(x), float(y)) for x, y in middle), end)


def _timed_stops(
    placed: Sequence[tuple[Place, str, _Snap]],
    legs: Sequence[Leg],
    settings: Settings,
    reported: Mapping[str, Told | Sequence[Told]],
) -> list[Stop]:
    """Stops with cumulative km, ETA and the difference from any reported time or day (a
    place visited twice: its first visit the earliest, a later visit the earliest told after
    every time reported for the stops before it, :func:`_told_for_visit`); the clock follows
    what is reported (:func:`_clock_after`)."""
    stops: list[Stop] = []
    km = 0.0
    clock = settings.depart
    visited: set[str] = set()
    latest: Told | None = None  # the last time or day reported along the route so far
    given: dict[str, Told | None] = {}  # what each place's last visit was given
    for index, (place, role, snap) in enumerate(placed):
        if index > 0:
            leg = legs[index - 1]
            km += leg.km
            if clock is not None:
                clock += _running_time(leg, settings, index == len(placed) - 1, place, role)
        eta = clock
        again = place.id in visited
        told = _told_for_visit(
            _candidates(reported.get(place.id)), given.get(place.id), again, latest
        )
        visited.add(place.id)
        given[place.id] = told or given.get(place.id)
        latest = _later_of(latest, told)
        when = told if isinstance(told, datetime) else None
        day = told if told is not None and when is None else None
        stops.append(
            Stop(
                place=place,
                role=role,
                order=index + 1,
                km=km,
                eta=eta,
                node=snap.node,
                snap_km=snap.km,
                off_network=snap.off_network,
                reported=when,
                reported_day=day,
                delta_hours=_delta_hours(eta, when) if day is None else _day_delta(eta, day),
            )
        )
        clock = _clock_after(clock, told)
        if clock is not None and 0 < index < len(placed) - 1:
            clock += timedelta(minutes=_dwell_min(role, legs[index - 1], settings))
    return stops


def _candidates(value: Told | Sequence[Told] | None) -> tuple[Told, ...]:
    """The times or days reported for one place, earliest first (one, several or none)."""
    if value is None:
        return ()
    if isinstance(value, (datetime, date)):
        return (value,)
    return tuple(sorted(value, key=_moment))


def _moment(told: Told) -> tuple[date, time]:
    """Sort key of a reported time or day, a day at its start; a time's own clock, its
    zone aside (reports give local times)."""
    if isinstance(told, datetime):
        return told.date(), told.time()
    return told, time(0)


def _after(told: Told, than: Told) -> bool:
    """Whether ``told`` is surely later than ``than``: a later day, or a later clock time
    the same day when both give one (a day and a time on it say nothing of which came
    first)."""
    (day, clock), (than_day, than_clock) = _moment(told), _moment(than)
    if day != than_day:
        return day > than_day
    return isinstance(told, datetime) and isinstance(than, datetime) and clock > than_clock


def _told_for_visit(
    candidates: Sequence[Told], before: Told | None, again: bool, latest: Told | None
) -> Told | None:
    """What a report gives for one visit of a place: the earliest of ``candidates`` for
    the first visit; for a later one (``again``: out and back, "was back in X on Friday"),
    the earliest surely after ``before`` (what its visit before was given) and not before
    ``latest`` (the last time reported along the route so far), or none: the day it first
    arrived is not the day it came back."""
    if not again:
        return candidates[0] if candidates else None
    if latest is None:
        return None
    return next(
        (c for c in candidates if (before is None or _after(c, before)) and not _after(latest, c)),
        None,
    )


def _later_of(latest: Told | None, told: Told | None) -> Told | None:
    """The later of two reported times or days (either may be None)."""
    if told is None or latest is None:
        return told if latest is None else latest
    return told if _moment(told) > _moment(latest) else latest


def _day_window(day: date, like: datetime) -> tuple[datetime, datetime]:
    """The start and end of ``day`` in the time zone of ``like``."""
    start = datetime.combine(day, time(0), tzinfo=like.tzinfo)
    return start, start + timedelta(days=1)


def _day_delta(eta: datetime | None, day: date) -> float | None:
    """How many hours ``eta`` falls outside ``day``: negative before it, positive after it,
    0 within it; None without an ETA."""
    if eta is None:
        return None
    start, end = _day_window(day, eta)
    outside = eta - start if eta < start else eta - end if eta > end else timedelta(0)
    return outside.total_seconds() / 3600.0


def _clock_after(clock: datetime | None, told: datetime | date | None) -> datetime | None:
    """The clock at a stop once what a report gives for it is known: a reported time later
    than the estimate is the arrival; a reported day after the estimate, its start. The
    clock never goes back: a report's day may be the departure's for the place the train was
    bound for ("left X for Y on Monday")."""
    if clock is None or told is None:
        return clock
    if isinstance(told, datetime):
        return max(clock, _in_zone_of(told, clock))
    return max(clock, _day_window(told, clock)[0])


def _running_time(
    leg: Leg, settings: Settings, to_destination: bool, place: Place, role: str
) -> timedelta:
    """Time on ``leg`` at the settings' speed, plus a border wait not spent at a stop."""
    speed = MODE_SPEED_KMH.get(leg.kind, settings.running_speed_kmh)
    hours = leg.km / speed if speed > 0 else 0.0
    minutes = 0.0
    if to_destination and role != Role.BORDER and _crosses_border(leg):
        at_stop = leg.border_point is not None and (
            path_km([leg.border_point, (place.lon, place.lat)]) <= settings.max_snap_km
        )
        minutes = 0.0 if at_stop else _border_min(leg, settings)
    return timedelta(hours=hours, minutes=minutes)


def _dwell_min(role: str, leg_in: Leg, settings: Settings) -> float:
    """Minutes stopped at an intermediate stop reached by ``leg_in``."""
    if role == Role.BORDER or _crosses_border(leg_in):
        return _border_min(leg_in, settings)
    return settings.dwell_min


def _border_min(leg: Leg, settings: Settings) -> float:
    """Minutes at a border reached by ``leg``: the checks, and the gauge change when the
    track gauge changes along the leg (1,435 to 1,520 mm: bogies changed)."""
    changes = len(set(leg.gauges)) > 1
    return settings.border_dwell_min + (settings.gauge_change_min if changes else 0.0)


def _crosses_border(leg: Leg) -> bool:
    """Whether ``leg`` runs through more than one country."""
    return len(leg.countries) > 1


def _delta_hours(eta: datetime | None, reported: datetime | None) -> float | None:
    """``eta - reported`` in hours; a naive time is read in the other's time zone."""
    if eta is None or reported is None:
        return None
    return (_in_zone_of(eta, reported) - reported).total_seconds() / 3600.0


def _in_zone_of(moment: datetime, like: datetime) -> datetime:
    """``moment`` comparable with ``like``: a naive time read in the other's time zone, an
    aware one beside a naive time read as its wall clock."""
    if (moment.tzinfo is None) == (like.tzinfo is None):
        return moment
    return moment.replace(tzinfo=like.tzinfo)
