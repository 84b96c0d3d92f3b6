"""The words of the static map: stop labels, honest times, subtitle, stop key and credit line."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from datetime import date, datetime

from routes.model import Journey, Stop
from routes.publish.credits import sources_credit
from routes.publish.web.text import speed_note, to_the_hour

#: Attribution of the shipped data every map draws on.
DATA_CREDITS = (
    "Rail: © OpenStreetMap contributors (ODbL) · Places: GeoNames (CC BY 4.0) · "
    "Coast and borders: GSHHG (LGPL-3.0)"
)
#: Characters per line of the credit at 1800 px.
_CREDIT_CHARS_PER_1800PX = 185
#: Above this many stops, stop labels shrink to names and a numbered key goes in the footer.
DENSE_STOPS = 12
#: Characters per line of that key at 1800 px.
_KEY_CHARS_PER_1800PX = 175


def stop_label(stop: Stop) -> str:
    """A stop's label: its name, then km and the reported or estimated arrival."""
    return f"{stop.place.name}\n{stop_details(stop)}"


def stop_details(stop: Stop) -> str:
    """ "850 km · est. 11 Sep 14:00": rail km from the origin and the honest arrival time."""
    details = [f"{stop.km:,.0f} km"]
    told = _reported_text(stop)
    if told:
        details.append(f"reported {told}")
        if stop.estimate_disagrees and stop.eta is not None:
            details.append(f"est. {_estimated_time(stop.eta)} ⚠")
    elif stop.eta is not None:
        details.append(f"est. {_estimated_time(stop.eta)}")
    if stop.off_network:
        details.append("off the rail network")
    return " · ".join(details)


def _estimated_time(when: datetime) -> str:
    """An estimate from an assumed speed, rounded to the hour: it is no better than that."""
    return f"{to_the_hour(when):%d %b %H}:00"


def _reported_text(stop: Stop) -> str:
    """What a report gives for the stop: its time (:func:`_reported_time`), else its day,
    else ""."""
    if stop.reported is not None:
        return _reported_time(stop.reported, stop.reported_part)
    return f"{stop.reported_day:%d %b}" if stop.reported_day is not None else ""


def _reported_time(when: datetime, part: str = "") -> str:
    """A reported time as given: the day alone when no time of day came with it, the part
    of the day ("10 Sep evening") when only that was said."""
    if part:
        return f"{when:%d %b} {part}"
    if (when.hour, when.minute, when.second) == (0, 0, 0):
        return f"{when:%d %b}"
    return f"{when:%d %b %H:%M}"


def stop_key_lines(journey: Journey, width_px: int) -> list[str]:
    """The numbered stop list printed under a dense map, wrapped to the image width."""
    stops = journey.route.stops
    if len(stops) <= DENSE_STOPS:
        return []
    # No-break spaces keep each "12 Saint Petersburg" whole when the key wraps.
    entries = [
        f"{n} {shorten(s.place.name, 40)}".replace(" ", "\u00a0")
        for n, s in enumerate(stops, start=1)
    ]
    width = max(40, int(_KEY_CHARS_PER_1800PX * width_px / 1800))
    return textwrap.wrap("Stops: " + " · ".join(entries), width=width, break_on_hyphens=False)


def subtitle(journey: Journey) -> str:
    """Dates of the reports, the number of stops, rail distance and the speed assumed."""
    parts = []
    published = sorted({r.published for r in journey.reports if r.published})
    if published:
        parts.append(f"Reported {_date_range(published)}")
    stops = journey.route.stops
    if stops:
        parts.append(
            f"{len(stops)} stops, {journey.route.total_km:,.0f} km "
            f"({journey.route.rail_km:,.0f} km by rail)"
        )
    if any(s.eta for s in stops):
        parts.append(speed_note(journey.settings))
    count = len(journey.reports)
    parts.append(f"{count} report{'s' if count != 1 else ''}")
    return " · ".join(parts)


def _date_range(days: Sequence[date]) -> str:
    """ "11 Sep 2023" or "11–14 Sep 2023" style text for sorted dates."""
    first, last = days[0], days[-1]
    if first == last:
        return f"{first.day} {first:%b %Y}"
    return f"{first.day} {first:%b %Y} – {last.day} {last:%b %Y}"


def sources_line(journey: Journey) -> str:
    """ "Sources: …" naming each source the quotes behind the map are attributed to
    (:func:`routes.publish.credits.sources_credit`, as the HTML map's key), then the data
    credits."""
    line = f"Sources: {sources_credit(journey) or 'none'} · {DATA_CREDITS}"
    published = [r.published for r in journey.reports if r.published]
    if published:  # the reports' own date, never the clock: same input, same image
        latest = max(published)
        line += f" · Reports to {latest.day} {latest:%b %Y}"
    return line


def credit_lines(journey: Journey, width_px: int, projection: str) -> list[str]:
    """The footer: :func:`sources_line` wrapped to the image width, then the byline and the
    ``projection``'s name on a line of their own."""
    width = max(60, int(_CREDIT_CHARS_PER_1800PX * width_px / 1800))
    lines = textwrap.wrap(sources_line(journey), width=width, break_on_hyphens=False)
    last = projection
    byline = shorten(journey.settings.byline, 80)
    if byline:
        last = f"Graphic: {byline} · {last}"
    return [*lines, last]


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
