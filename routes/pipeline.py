"""The whole pipeline in one call: reports in, a Journey out."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime

from routes.model import (
    NOT_CURRENT,
    SPEED_SET_BY_USER,
    STOP_ROLES,
    Corrections,
    Journey,
    LoadProblem,
    LocatedPlace,
    Mention,
    Place,
    Report,
    Role,
    Route,
    Settings,
)
from routes.rail.modes import arrival_modes
from routes.rail.network import RailNetwork, load_network
from routes.rail.route import order_stops, route
from routes.read.gazetteer import Gazetteer, load_gazetteer
from routes.read.geoparse import parse
from routes.read.parse.visits import (
    crossed_between_countries,
    event_times,
    from_the_earliest,
    home_first,
    one_visit_per_crossing,
    one_visit_per_station,
    order_by_event_time,
    passed_twice,
    plans_after_done,
    reached_places,
    return_visits,
    returned_to,
    there_first,
    track_order,
    untimed_routes,
    visits_between,
)
from routes.read.speeds import reported_speed

Progress = Callable[[str], None]


def build(
    reports: Sequence[Report],
    settings: Settings = Settings(),
    corrections: Corrections = Corrections(),
    *,
    problems: Sequence[LoadProblem] = (),
    gazetteer: Gazetteer | None = None,
    network: RailNetwork | None = None,
    progress: Progress | None = None,
) -> Journey:
    """Geoparse ``reports``, apply the user's ``corrections`` and route the stops.

    Parameters
    ----------
    reports
        The loaded reports, in the order the user gave them.
    settings
        Speed, departure and dwell times used for the timing.
    corrections
        Role changes, exclusions, added stops and stop order set by the user.
    problems
        Files that failed to load; carried through so every view can show them.
    gazetteer, network
        Preloaded heavy objects (the dashboard caches them); loaded when None.
    progress
        Called with a short message before each stage.

    Returns
    -------
    Journey
        Everything the map and the exports draw.
    """
    say = progress or (lambda _msg: None)
    say("loading the gazetteer")
    gazetteer = gazetteer or load_gazetteer()
    say(f"reading {len(reports)} report(s)")
    parsed = parse(reports, gazetteer)
    places = apply_corrections(parsed.places, corrections, gazetteer)
    say("routing along the rail network")
    network = network or load_network()
    stops = _stops(places, corrections, network, published=_published(reports))
    settings = _with_departure(_with_speed(settings, reports), places)
    reported = _reported_times(places, not_before=settings.depart)
    days = _reported_days(places, not_before=settings.depart)
    journey_route = route(
        stops,
        settings,
        reported_times=_told_by_place(reported, days),
        network=network,
        modes=arrival_modes(places),
    )
    journey_route = _with_reported_parts(journey_route, reported)
    return Journey(
        title=settings.title or _default_title(reports),
        reports=tuple(reports),
        places=places,
        route=journey_route,
        timerefs=parsed.timerefs,
        problems=tuple(problems),
        settings=settings,
        corrections=corrections,
    )


def _with_speed(settings: Settings, reports: Sequence[Report]) -> Settings:
    """``settings`` with the speed used and what it rests on: the user's, else the one the
    reports give (a stated speed, the kind of train, else the default)."""
    if settings.speed_kmh is not None:
        return replace(settings, speed_basis=SPEED_SET_BY_USER)
    speed = reported_speed(reports)
    return replace(settings, speed_kmh=speed.kmh, speed_basis=speed.basis)


def apply_corrections(
    places: Sequence[LocatedPlace], corrections: Corrections, gazetteer: Gazetteer
) -> tuple[LocatedPlace, ...]:
    """Drop excluded places, set user roles and add user stops to ``places``."""
    excluded = set(corrections.excluded)
    kept = [p for p in places if p.place.id not in excluded]
    fixed = [replace(p, role=corrections.role_of(p.place.id) or p.role) for p in kept]
    present = {p.place.id for p in fixed}
    for place_id in corrections.added:
        place = gazetteer.get(place_id)
        if place is not None and place_id not in present and place_id not in excluded:
            role = corrections.role_of(place_id) or Role.VIA
            fixed.append(LocatedPlace(place=place, role=role, mentions=()))
            present.add(place_id)
    return tuple(fixed)


def _published(reports: Sequence[Report]) -> dict[str, str]:
    """The ISO day each report was published, by report id (reports without a date left out)."""
    return {r.id: r.published.isoformat() for r in reports if r.published is not None}


def _stops(
    places: Sequence[LocatedPlace],
    corrections: Corrections,
    network: RailNetwork,
    *,
    published: Mapping[str, str] | None = None,
) -> list[tuple[Place, str]]:
    """The places on the route: in the user's order, or else by when the reports put them
    there, the rail placing the rest, a round trip starting from home, a border river or
    bridge where the border is crossed, a city and its named station one visit, a place
    passed out and back two visits, a place come back to after other stops a second visit
    (:mod:`routes.read.parse.visits`); ``published``, the day
    of each report by id, makes what a report dates after it a plan."""
    stops = [(p.place, p.role) for p in places if p.role in STOP_ROLES]
    if corrections.order:
        rank = {pid: i for i, pid in enumerate(corrections.order)}
        return sorted(stops, key=lambda s: rank.get(s[0].id, len(rank)))
    times = event_times(places, published)
    along = from_the_earliest(track_order(stops, lambda given: order_stops(given, network)), times)
    timed = plans_after_done(
        order_by_event_time(
            along,
            times,
            reached=reached_places(places),
            routes=untimed_routes(places, times, published),
        ),
        places,
        times,
    )
    ordered = home_first(
        timed,
        returned_to(places),
        twice=passed_twice(places),
        first=there_first(places, published),
    )
    crossed = crossed_between_countries(ordered)
    one_visit = one_visit_per_crossing(one_visit_per_station(crossed), places)
    back = return_visits(one_visit, places, published=published)
    stops = visits_between(back, places, published)
    fixed = {p.place.id for p in places if corrections.role_of(p.place.id)}
    return later_origins_reached(stops, fixed)


def later_origins_reached(
    stops: Sequence[tuple[Place, str]], fixed: Collection[str] = ()
) -> list[tuple[Place, str]]:
    """``stops`` with one origin, where the journey drawn begins: a first stop told only as
    reached ("expected to fly to X", then the train on) is where it begins when other stops
    follow, and a place a later leg set out from ("left X by car" on the way home, or
    home itself at the end) was reached first, so it is a destination there. A place whose
    role the user set (``fixed``, ids) keeps it."""
    many = len(stops) > 1
    return [
        (place, role if place.id in fixed else _journey_role(i, role, many))
        for i, (place, role) in enumerate(stops)
    ]


def _journey_role(index: int, role: str, many: bool) -> str:
    """The role of the stop at ``index`` of a route of one stop or ``many``: see
    :func:`later_origins_reached`."""
    if index == 0 and many and role == Role.DESTINATION:
        return Role.ORIGIN
    if index > 0 and role == Role.ORIGIN:
        return Role.DESTINATION
    return role


def _reported_times(
    places: Sequence[LocatedPlace], *, not_before: datetime | None = None
) -> dict[str, dict[datetime, str]]:
    """The clock times reports give for each place, by place id, each with the part of the
    day it was said with ("late on Sunday": 21:00, "evening"; "" for a clock time).

    Only dates with a time of day count ("late on Sunday" -> 21:00): a bare date
    ("on Tuesday") says too little to set against an ETA.  Times before
    ``not_before`` (the departure) are when something was *said* ("The Kremlin
    said on Saturday …"), not when the train arrives, and are left out too.  Of two
    mentions at the same time, one said as a part of the day gives the part.
    """
    times: dict[str, dict[datetime, str]] = {}
    for when, located, mention in _current_mentions(places, not_before):
        if not isinstance(when, datetime):
            continue
        parts = times.setdefault(located.place.id, {})
        parts[when] = parts.get(when) or mention.part
    return times


def _reported_days(
    places: Sequence[LocatedPlace], *, not_before: datetime | None = None
) -> dict[str, set[date]]:
    """The days a report gives for each place with no time of day ("reached X on
    Tuesday"), by place id: not a day a plan was taken back on, nor one before the
    departure's day."""
    days: dict[str, set[date]] = {}
    for when, located, _mention in _current_mentions(places, not_before):
        if not isinstance(when, datetime):
            days.setdefault(located.place.id, set()).add(when)
    return days


def _current_mentions(
    places: Sequence[LocatedPlace], not_before: datetime | None
) -> Iterator[tuple[datetime | date, LocatedPlace, Mention]]:
    """Each mention's time or day, for the mentions still current (no plan taken back)
    whose time is not before the departure (``not_before``) or its day."""
    for located in places:
        for mention in located.mentions:
            if mention.status in NOT_CURRENT:
                continue
            when = _parse_when(mention.date) or _parse_day(mention.date)
            if when is not None and not _before(when, not_before):
                yield when, located, mention


def _before(when: datetime | date, departure: datetime | None) -> bool:
    """Whether a time is before the departure, or a day before the departure's day."""
    if departure is None:
        return False
    if isinstance(when, datetime):
        return when < departure
    return when < departure.date()


def _told_by_place(
    times: Mapping[str, Mapping[datetime, str]], days: Mapping[str, set[date]]
) -> dict[str, tuple[datetime | date, ...]]:
    """What the reports give for reaching each place, by place id: its clock times, and the
    days no clock time of it falls on (a day is the coarser telling of the same arrival);
    :func:`routes.rail.route.route` gives each visit its own."""
    told: dict[str, tuple[datetime | date, ...]] = {}
    for place_id in times.keys() | days.keys():
        clocks = set(times.get(place_id, {}))
        dated = {c.date() for c in clocks}
        told[place_id] = (*clocks, *(d for d in days.get(place_id, ()) if d not in dated))
    return told


def _parse_day(value: str | None) -> date | None:
    """A mention's day when it gives a whole date and no time of day, else None."""
    if not value or len(value) != len("2000-01-01"):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _with_reported_parts(
    journey_route: Route, reported: Mapping[str, Mapping[datetime, str]]
) -> Route:
    """The route with each stop's reported time marked with the part of the day it was said
    with ("late on Sunday": "evening"), so no output prints its conventional clock."""
    stops = tuple(
        replace(s, reported_part=reported.get(s.place.id, {}).get(s.reported, ""))
        if s.reported is not None
        else replace(s, reported_part="")
        for s in journey_route.stops
    )
    return replace(journey_route, stops=stops)


def _with_departure(settings: Settings, places: Sequence[LocatedPlace]) -> Settings:
    """Settings with a departure taken from the origin's report when none is set."""
    if settings.depart is not None:
        return settings
    origin = next((p for p in places if p.role == Role.ORIGIN), None)
    if origin is None:
        return settings
    reported = _reported_times([origin]).get(origin.place.id)
    return replace(settings, depart=min(reported)) if reported else settings


def _parse_when(value: str | None) -> datetime | None:
    """A mention's date-time; None for missing, year-only or date-only values."""
    if not value or "T" not in value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _default_title(reports: Sequence[Report]) -> str:
    """A map title from the reports: the first headline, or a count."""
    if len(reports) == 1 and reports[0].title:
        return reports[0].title
    return f"Reported route from {len(reports)} reports" if reports else "Reported route"
