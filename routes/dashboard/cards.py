"""What the dashboard says about a journey: the summary line, the place picker, the card."""

from __future__ import annotations

import html
from collections.abc import Sequence

from routes.dashboard.timeline import attributed_sources
from routes.model import NO_PLACES_MESSAGE, STOP_ROLES, Journey, LocatedPlace, Mention, Report
from routes.publish.web.card import dashboard_card_html

#: Largest distance (degrees) between a map click and the place it selects.
_CLICK_TOLERANCE_DEG = 0.05


# --- summary, cards and timeline ---------------------------------------------------


def travel_hours(journey: Journey) -> float | None:
    """Estimated hours from the first stop to the last, dwell included, or None."""
    stops = journey.route.stops
    if len(stops) < 2:
        return None
    first, last = stops[0].eta, stops[-1].eta
    if first is not None and last is not None:
        return (last - first).total_seconds() / 3600
    speed = journey.settings.running_speed_kmh
    return journey.route.total_km / speed if speed > 0 else None


def summary(journey: Journey) -> str:
    """The one-line summary: stops, rail km, estimated travel time, reports, sources.

    Sources are those the stops' sentences are attributed to by name (see
    :func:`routes.dashboard.timeline.attributed_sources`), not every outlet or country
    a report mentions.
    """
    stops = len(journey.route.stops)
    if not journey.places and not stops:
        reports = len(journey.reports)
        return f"{NO_PLACES_MESSAGE} · {reports} report{'s' if reports != 1 else ''}"
    hours = travel_hours(journey)
    travel = "no travel time" if hours is None else f"≈ {_duration(hours)} estimated travel"
    on_route = [m for p in journey.places for m in p.mentions if m.role in STOP_ROLES]
    sources = attributed_sources(journey, on_route)
    reports = len(journey.reports)
    parts = [
        f"{stops} stop{'s' if stops != 1 else ''}",
        f"{journey.route.rail_km:,.0f} rail km",
        travel,
        f"{reports} report{'s' if reports != 1 else ''}",
        f"{len(sources)} named source{'s' if len(sources) != 1 else ''} for the stops",
        _languages(journey),
    ]
    return " · ".join(parts)


def _languages(journey: Journey) -> str:
    """The languages the reports were read in ("read in Korean, English")."""
    from routes.read.language import language_names

    return f"read in {language_names([r.language for r in journey.reports]) or 'English'}"


def _duration(hours: float) -> str:
    """``hours`` as ``1 d 7 h``, ``31 h 20 min`` style text."""
    minutes = round(hours * 60)
    days, rest = divmod(minutes, 24 * 60)
    h, m = divmod(rest, 60)
    if days:
        return f"{days} d {h} h"
    return f"{h} h {m:02d} min" if h else f"{m} min"


def place_options(journey: Journey) -> list[tuple[str, str]]:
    """``(place_id, label)`` for the place picker: stops in order, then the others by name."""
    orders: dict[str, list[str]] = {}
    for stop in journey.route.stops:  # a place passed out and back: "2, 4. Ostrava"
        orders.setdefault(stop.place.id, []).append(str(stop.order))
    names = journey.route.first_visits
    stops = [(pid, f"{', '.join(n)}. {names[pid].place.name}") for pid, n in orders.items()]
    on_route = {pid for pid, _ in stops}
    others = sorted(
        (p.place.name, p.place.id) for p in journey.places if p.place.id not in on_route
    )
    return stops + [(pid, f"{name} ({_role(journey, pid)})") for name, pid in others]


def _role(journey: Journey, place_id: str) -> str:
    """The role of ``place_id`` in ``journey`` ("" when absent)."""
    located = located_place(journey, place_id)
    return located.role if located else ""


def located_place(journey: Journey, place_id: str) -> LocatedPlace | None:
    """The located place with id ``place_id``, if on the map."""
    return next((p for p in journey.places if p.place.id == place_id), None)


def place_at(
    journey: Journey,
    *,
    tooltip: str | None = None,
    lat: float | None = None,
    lon: float | None = None,
) -> str | None:
    """The place a map click selected: by its tooltip text, else the nearest point.

    Parameters
    ----------
    journey
        The journey drawn on the map.
    tooltip
        The clicked marker's tooltip (it names the place).
    lat, lon
        Where the click landed.

    Returns
    -------
    str or None
        A place id, or None when the click hit no place.
    """
    if tooltip:
        text = " ".join(tooltip.split()).casefold()
        by_length = sorted(journey.places, key=lambda p: -len(p.place.name))
        for located in by_length:
            if located.place.name.casefold() in text:
                return located.place.id
    if lat is None or lon is None:
        return None
    best = min(
        journey.places,
        key=lambda p: (p.place.lat - lat) ** 2 + _lon_apart(p.place.lon, lon) ** 2,
        default=None,
    )
    if best is None:
        return None
    far = max(abs(best.place.lat - lat), _lon_apart(best.place.lon, lon))
    return best.place.id if far <= _CLICK_TOLERANCE_DEG else None


def _lon_apart(a: float, b: float) -> float:
    """Degrees between two longitudes the short way round (a map across the antimeridian
    reports 190 for what the data calls -170)."""
    return abs((a - b + 180.0) % 360.0 - 180.0)


def highlighted_quote(report: Report | None, mentions: Sequence[Mention]) -> str:
    """The sentence of ``mentions`` as safe HTML, the place words wrapped in ``<mark>``.

    All of ``mentions`` must stand in the same sentence.  Every character of
    the (untrusted) report text is escaped; ``<mark>`` is the only markup added.
    """
    first = mentions[0]
    sentence = report.text[first.sentence_start : first.sentence_end] if report else first.quote
    spans = sorted(
        {(m.start - first.sentence_start, m.end - first.sentence_start) for m in mentions}
    )
    parts: list[str] = []
    cursor = 0
    for start, end in spans:
        if start < cursor or end > len(sentence) or start >= end:
            continue
        parts.append(html.escape(sentence[cursor:start]))
        parts.append(f"<mark>{html.escape(sentence[start:end])}</mark>")
        cursor = end
    parts.append(html.escape(sentence[cursor:]))
    return "".join(parts)


def place_card_html(journey: Journey, place_id: str) -> str:
    """The card of one place: the map popup's template (role, km, times, every quote).

    Returns
    -------
    str
        Safe HTML (autoescaped) with its stylesheet: ``routes.publish.web.card``.
    """
    return dashboard_card_html(journey, place_id)
