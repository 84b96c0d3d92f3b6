"""A leg cut at its border into one piece per country: the one split both maps draw."""

from __future__ import annotations

from collections.abc import Mapping

from shapely.geometry import LineString, Point
from shapely.ops import substring

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
    first = leg.countries[0] if leg.countries else stop_countries.get(leg.from_id, "")
    last = leg.countries[-1] if leg.countries else stop_countries.get(leg.to_id, "")
    if leg.border_point is None or first == last or len(leg.coords) < 2:
        return [(leg.coords, first)]
    line = LineString(leg.coords)
    at = line.project(Point(leg.border_point))
    if at <= 0.0 or at >= line.length:
        return [(leg.coords, first)]
    before = tuple(substring(line, 0.0, at).coords)
    after = tuple(substring(line, at, line.length).coords)
    return [(before, first), (after, last)]


def stop_countries(journey: Journey) -> dict[str, str]:
    """Place id → country of every stop of the journey's route."""
    return {stop.place.id: stop.place.country for stop in journey.route.stops}


def route_countries(journey: Journey) -> list[str]:
    """Countries the rail legs run through, in travel order, each once."""
    countries = stop_countries(journey)
    seen: dict[str, None] = {}
    for leg in journey.route.legs:
        if leg.kind == LegKind.RAIL:
            for _coords, country in leg_pieces(leg, countries):
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
