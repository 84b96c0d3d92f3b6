"""One place's card: the popup of the HTML map and the dashboard's place card.

:func:`place_card` builds the model (plain strings, frozen); :func:`card_html` renders it with
the one Jinja template ``templates/place.html``, autoescaped, so report text reaches the page
only as text.  The map and the dashboard both call :func:`card_html`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import jinja2

from routes.model import Journey, LocatedPlace, Mention, Report, Stop
from routes.paths import WEB_ASSETS_DIR
from routes.publish import style
from routes.publish.style import ROLE_LABELS
from routes.publish.web.inline import read_asset
from routes.publish.web.text import (
    clip_text,
    day_text,
    estimate_text,
    kind_label,
    reported_when_text,
    slug,
    weekday_text,
    when_text,
)

#: Most sentences listed in one card; the rest are counted ("+N more").
MAX_MENTIONS = 20
#: Longest quote shown in full; longer sentences are cut around the place words.
MAX_QUOTE_CHARS = 480
#: The folder of the card's one template.
TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
#: The card's stylesheet, shared by map.html and the dashboard.
CARD_CSS = WEB_ASSETS_DIR / "card.css"
_TEMPLATE = "place.html"


@dataclass(frozen=True)
class Quote:
    """One sentence of a card: its pieces (text, marked?), who said it, when, where, how sure."""

    pieces: tuple[tuple[str, bool], ...]
    source: str
    date: str
    title: str
    url: str | None
    statuses: tuple[str, ...]


@dataclass(frozen=True)
class PlaceCard:
    """What a place's card shows: name, a facts line, timing rows and its sentences."""

    name: str
    facts: tuple[str, ...]
    timing: tuple[tuple[str, str], ...] = ()
    quotes: tuple[Quote, ...] = ()
    more: int = 0
    #: Shown instead of sentences when none places it (a stop added by hand).
    note: str = ""


def place_card(
    located: LocatedPlace,
    reports: dict[str, Report],
    stop: Stop | None = None,
    *,
    rank: dict[str, int] | None = None,
    later: Sequence[Stop] = (),
) -> PlaceCard:
    """The card of ``located``: role, kind, the stop's km and times, every sentence naming it.

    Parameters
    ----------
    located
        The place and the mentions to list (all of its mentions, or one report's).
    reports
        Reports by id, in the journey's order (for titles, links, dates and the order).
    stop
        The place's stop on the route (its first visit), when it is one.
    rank
        Each report's position in ``reports`` (computed when not given; pass it when
        building many cards).
    later
        The place's later visits, in travel order (passed again on the way back): the
        facts name every stop number, a timing row tells each return visit.
    """
    place = located.place
    role = stop.role if stop else located.role
    facts = [ROLE_LABELS.get(role, str(role)), kind_label(place, role)]
    if stop is not None:
        numbers = _and_list([str(v.order) for v in (stop, *later)])
        facts = [f"Stop {numbers}", *facts, f"{stop.km:,.0f} km by rail"]
    if rank is None:
        rank = {report_id: number for number, report_id in enumerate(reports)}
    groups = _mention_groups(located.mentions, rank)
    return PlaceCard(
        name=place.name,
        facts=tuple(f for f in facts if f),
        timing=_timing_rows(stop) + _return_rows(later) if stop is not None else (),
        quotes=tuple(_quote(group, reports) for group in groups[:MAX_MENTIONS]),
        more=max(len(groups) - MAX_MENTIONS, 0),
        note="" if groups else style.ADDED_BY_HAND_NOTE,
    )


def card_html(card: PlaceCard) -> str:
    """``card`` as HTML through the one template (autoescaped)."""
    return _template().render(card=card)


def dashboard_card_html(journey: Journey, place_id: str) -> str:
    """The dashboard's card of ``place_id``: the map popup's HTML with its stylesheet.

    Returns
    -------
    str
        Safe HTML (a ``<style>`` block, then the card); a short note when the place is gone.
    """
    located = next((p for p in journey.places if p.place.id == place_id), None)
    if located is None:
        return "<p>This place is no longer on the map.</p>"
    visits = journey.route.visits_of(place_id)
    reports = {r.id: r for r in journey.reports}
    stop = visits[0] if visits else None
    body = card_html(place_card(located, reports, stop, later=visits[1:]))
    return f'<style>{card_css()}</style><div class="rr-card">{body}</div>'


def card_css() -> str:
    """The card's look: the status colours of :mod:`routes.publish.style` and ``card.css``."""
    return style.css_variables() + read_asset(CARD_CSS)


@cache
def _template() -> jinja2.Template:
    """The card template, compiled once: autoescape always on, read from the package."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        autoescape=True,
        auto_reload=False,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["slug"] = slug
    return env.get_template(_TEMPLATE)


def _timing_rows(stop: Stop) -> tuple[tuple[str, str], ...]:
    """(label, value) rows of a stop's ETA, reported time, difference and snap distance.

    The first stop's time is the departure, not an estimate: it shows once, as reported
    (at the precision it was said with) or as set.
    """
    rows = []
    if stop.order == 1:
        if stop.reported is not None:
            rows.append(("Departure", reported_when_text(stop.reported, stop.reported_part)))
        elif stop.eta is not None:
            rows.append(("Departure", when_text(stop.eta)))
    else:
        if stop.eta is not None:
            rows.append(("est. arrival", estimate_text(stop.eta).removeprefix("est. ")))
        if stop.reported is not None:
            rows.append(("Reported", reported_when_text(stop.reported, stop.reported_part)))
        elif stop.reported_day is not None:
            rows.append(("Reported", weekday_text(stop.reported_day)))
        if stop.delta_hours is not None:
            flag = " ⚠ the report and the estimate disagree" if stop.estimate_disagrees else ""
            beside = " outside that day" if stop.reported is None and stop.delta_hours else ""
            rows.append(("Difference", f"{stop.delta_hours:+.1f} h{beside}{flag}"))
    if stop.off_network:
        rows.append(("Off the rail network", f"by {stop.snap_km:,.0f} km"))
    return tuple(rows)


def _return_rows(later: Sequence[Stop]) -> tuple[tuple[str, str], ...]:
    """(label, value) rows of a place's later visits: stop number, km and estimated arrival."""
    rows = []
    for visit in later:
        when = (
            f" · est. arrival {estimate_text(visit.eta).removeprefix('est. ')}" if visit.eta else ""
        )
        rows.append((f"Again, stop {visit.order}", f"{visit.km:,.0f} km{when}"))
    return tuple(rows)


def _and_list(items: Sequence[str]) -> str:
    """``items`` as English prose: "2", "2 and 4", "2, 4 and 6"."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def _mention_groups(mentions: Sequence[Mention], rank: dict[str, int]) -> list[tuple[Mention, ...]]:
    """Mentions grouped by the sentence they stand in, in report then text order."""
    ordered = sorted(mentions, key=lambda m: (rank.get(m.report_id, len(rank)), m.start))
    groups: dict[tuple[str, int, int], list[Mention]] = {}
    for mention in ordered:
        key = (mention.report_id, mention.sentence_start, mention.sentence_end)
        groups.setdefault(key, []).append(mention)
    return [tuple(g) for g in groups.values()]


def _quote(group: Sequence[Mention], reports: dict[str, Report]) -> Quote:
    """One sentence with its place words marked, then source, date, report and statuses."""
    first = group[0]
    report = reports.get(first.report_id)
    spans = [s for s in (span_in_quote(m) for m in group) if s is not None]
    parts = quote_parts(first.quote, spans)
    when = first.date or (report.published.isoformat() if report and report.published else "")
    url = report.url if report else None
    return Quote(
        pieces=tuple((part, bool(n % 2)) for n, part in enumerate(parts) if part or n % 2),
        source=clip_text(first.source or "unattributed"),
        date=day_text(when) if when else "",
        title=clip_text((report.title if report else "") or first.report_id),
        url=url if url and _is_web_url(url) else None,
        statuses=tuple(dict.fromkeys(str(m.status) for m in group)),
    )


def span_in_quote(mention: Mention) -> tuple[int, int] | None:
    """Where the place words sit in the quote, from the offsets or else by search."""
    start = mention.start - mention.sentence_start
    end = mention.end - mention.sentence_start
    in_quote = 0 <= start < end <= len(mention.quote)
    if in_quote and (not mention.text or mention.quote[start:end] == mention.text):
        return start, end
    if mention.text:
        found = mention.quote.find(mention.text)
        if found >= 0:
            return found, found + len(mention.text)
    return None


def quote_parts(quote: str, spans: Sequence[tuple[int, int]]) -> list[str]:
    """The quote cut around long sentences, as plain and marked pieces in turn (plain first)."""
    spans = _merge(spans)
    lo, hi = 0, len(quote)
    if len(quote) > MAX_QUOTE_CHARS:
        centre = spans[0][0] if spans else 0
        lo = max(0, min(centre - MAX_QUOTE_CHARS // 2, len(quote) - MAX_QUOTE_CHARS))
        hi = lo + MAX_QUOTE_CHARS
    parts = ["\u2026" if lo > 0 else ""]
    cursor = lo
    for start, end in spans:
        start, end = max(start, lo), min(end, hi)
        if start >= end:
            continue
        parts[-1] += quote[cursor:start]
        parts += [quote[start:end], ""]
        cursor = end
    parts[-1] += quote[cursor:hi] + ("\u2026" if hi < len(quote) else "")
    return parts


def _merge(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlaps merged."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _is_web_url(url: str) -> bool:
    """Whether ``url`` is an absolute http(s) address (no javascript:, data:, file:)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)
