"""A leg cut at its border into one piece per country: the one split both maps draw."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import shapely

from routes.model import Journey, Leg, LegKind
from routes.publish import style

Coords = tuple[tuple[float, float], ...]


def leg_pieces(leg: Leg, stop_countries: Mapping[str, str]) -> list[tuple[Coords, str]]:
    """The leg split at its border point into ``(coords, country)`` pieces, in travel order.

    Parameters
    ----------
    leg
        The leg; ``leg.countries`` (travel order) and ``leg.border_point`` say where it
        changes country.
    stop_countries
        Place id → country of the journey's stops, for a leg that knows no countries.

    Returns
    -------
    list of (coords, country)
        One piece when the leg stays in one country or has no border point.
    """
    first, last = _end_countries(leg, stop_countries)
    if leg.border_point is None or first == last or len(leg.coords) < 2:
        return [(leg.coords, first)]
    before, after = cut_at(leg.coords, leg.border_point)
    if not before or not after:
        return [(leg.coords, first)]
    return [(before, first), (after, last)]


def piece_countries(leg: Leg, stop_countries: Mapping[str, str]) -> tuple[str, ...]:
    """The countries of :func:`leg_pieces`, in travel order, without cutting the line."""
    first, last = _end_countries(leg, stop_countries)
    if leg.border_point is None or first == last or len(leg.coords) < 2:
        return (first,)
    _, at, length = _located(np.asarray(leg.coords, dtype=float), leg.border_point)
    return (first, last) if 0.0 < at < length else (first,)


def _end_countries(leg: Leg, stop_countries: Mapping[str, str]) -> tuple[str, str]:
    """The countries a leg starts and ends in (its own, else its stops')."""
    first = leg.countries[0] if leg.countries else stop_countries.get(leg.from_id, "")
    last = leg.countries[-1] if leg.countries else stop_countries.get(leg.to_id, "")
    return first, last


def _located(xy: np.ndarray, point: tuple[float, float]) -> tuple[shapely.LineString, float, float]:
    """The line of ``xy``, how far along it ``point`` projects, and its length."""
    line = shapely.linestrings(xy)
    at = float(shapely.line_locate_point(line, shapely.points(point)))
    return line, at, float(shapely.length(line))


def cut_at(coords: Coords, point: tuple[float, float]) -> tuple[Coords, Coords]:
    """``coords`` cut where ``point`` projects onto the line, into the pieces from the start
    to there and from there to the end; both empty when it projects onto an end.

    The pieces are those of ``shapely.ops.substring`` (a vertex that lies on the cut is
    kept once, not beside the cut point), found with numpy in one pass instead of two loops
    over the vertices in Python: a map of hundreds of long legs cuts each.
    """
    xy = np.asarray(coords, dtype=float)
    line, at, length = _located(xy, point)
    if at <= 0.0 or at >= length:
        return (), ()
    cut = shapely.get_coordinates(shapely.line_interpolate_point(line, at))[0]
    step = np.diff(xy, axis=0)
    along = np.concatenate(([0.0], np.cumsum(np.sqrt(step[:, 0] ** 2 + step[:, 1] ** 2))))
    before = np.vstack((xy[:1], xy[(along > 0.0) & (along < at)], cut[None]))
    after = np.vstack((cut[None], xy[(along > at) & (along < length)], xy[-1:]))
    return _tuples(before), _tuples(after)


def _tuples(xy: np.ndarray) -> Coords:
    """Rows of an (n, 2) array as coordinate tuples."""
    return tuple(map(tuple, xy.tolist()))


def stop_countries(journey: Journey) -> dict[str, str]:
    """Place id → country of every stop of the journey's route."""
    return {stop.place.id: stop.place.country for stop in journey.route.stops}


def route_countries(journey: Journey) -> list[str]:
    """Countries the rail legs run through, in travel order, each once."""
    countries = stop_countries(journey)
    seen: dict[str, None] = {}
    for leg in journey.route.legs:
        if leg.kind == LegKind.RAIL:
            for country in piece_countries(leg, countries):
                seen.setdefault(country, None)
    return list(seen)


def route_colours(journey: Journey) -> dict[str, str]:
    """Country → rail colour for this journey's map (``style.country_colours`` over the
    countries its rail runs through, in travel order), the one table every drawing reads."""
    countries = [c for c in route_countries(journey) if c]
    for leg in journey.route.legs:
        if leg.kind == LegKind.RAIL:
            countries += [c for c in leg.countries if c not in countries]
    return style.country_colours(countries)
