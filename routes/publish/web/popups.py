"""What a place's popup says, the page's title box, legend and credits (all text escaped).

:func:`popup_data` is the popup model: plain strings that ``assets/popups.js`` sets as
text in the browser; :func:`popup_html` renders the same content as HTML for small maps.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from routes.model import HIDDEN_ROLES, Journey, LegKind, LocatedPlace, Mention, Report, Stop
from routes.outlines import ATTRIBUTION as OUTLINES_ATTRIBUTION
from routes.publish import style
from routes.publish.legs import route_countries
from routes.publish.style import ROLE_LABELS, ROLE_LAYERS
from routes.publish.web.text import (
    clip_text,
    country_name,
    day_text,
    escape,
    has_role,
    js_literal,
    kind_label,
    slug,
    when_text,
)
from routes.rail.world import RAIL_ATTRIBUTION

#: Most reports that get their own layer in the layer control.
MAX_REPORT_LAYERS = 20
#: Arrow glyph repeated along rail legs (and shown in the legend).
ARROW = "\u25ba"

#: Credit for place coordinates (GeoNames data is CC BY 4.0, https://www.geonames.org/).
GEONAMES_CREDIT = 'Places: <a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0)'


#: Most sentences listed in one popup; the rest are counted ("+N more").
MAX_MENTIONS = 20


#: Longest quote shown in full; longer sentences are cut around the place words.
MAX_QUOTE_CHARS = 480


#: Most report sources named in the credits line.
MAX_CREDITED_SOURCES = 6


class PageIndex:
    """What a map build shares between popups: reports by id and order, and lazy popup data."""

    def __init__(self, journey: Journey, *, lazy: bool = False) -> None:
        self.reports: dict[str, Report] = {}
        for report in journey.reports:
            self.reports.setdefault(report.id, report)
        self.rank = {r.id: i for i, r in enumerate(journey.reports)}
        self.lazy = lazy
        self.tables: dict[str, dict[Any, int]] = {"sources": {}, "reports": {}}
        self.popups: list[list] = []
        self.named: dict[str, str] = {}

    def report(self, report_id: str) -> Report | None:
        """The report with id ``report_id``, if loaded."""
        return self.reports.get(report_id)

    def number(self, table: str, value: Any) -> int:
        """The position of ``value`` in one of the data block's tables, added when new."""
        return self.tables[table].setdefault(value, len(self.tables[table]))

    def popup(self, located: LocatedPlace, stop: Stop | None = None) -> str:
        """The popup content of ``located`` as JavaScript: an HTML string, or lazily built."""
        if not self.lazy:
            return js_literal(popup_html(located, self, stop))
        self.popups.append(popup_data(located, self, stop))
        return f"rr_popup({len(self.popups) - 1})"

    def named_popup(self, located: LocatedPlace) -> tuple[str, str]:
        """A variable for a marker with this popup, and the popup, for :meth:`same_popup`."""
        content = self.popup(located)
        if self.lazy:
            return "", content
        name = f"rr_place_{len(self.named)}"
        self.named.setdefault(content, name)
        return f"var {name} = ", content

    def same_popup(self, located: LocatedPlace) -> str:
        """The popup of ``located``, taken from a marker already showing the same one if any."""
        content = self.popup(located)
        if content in self.named:
            return f"function () {{ return {self.named[content]}.getPopup().getContent(); }}"
        return content

    def data(self) -> dict[str, list]:
        """The data block the lazy popups are built from."""
        return {
            "sources": list(self.tables["sources"]),
            "reports": [list(r) for r in self.tables["reports"]],
            "popups": self.popups,
        }


def popup_html(located: LocatedPlace, index: PageIndex, stop: Stop | None = None) -> str:
    """Name, role, km and ETA of a place, then every sentence that mentions it (escaped)."""
    place = located.place
    role = stop.role if stop else located.role
    facts = [ROLE_LABELS.get(role, role), kind_label(place, role)]
    if stop is not None:
        facts = [f"Stop {stop.order}", *facts, f"{stop.km:,.0f} km by rail"]
    parts = [
        '<div class="rr-popup">',
        f'<div class="rr-name">{escape(place.name)}</div>',
        f'<div class="rr-facts">{" · ".join(escape(f) for f in facts if f)}</div>',
    ]
    if stop is not None:
        parts.append(_timing_html(stop))
    groups = _mention_groups(located.mentions, index)
    if groups:
        items = "".join(_mention_html(group, index) for group in groups[:MAX_MENTIONS])
        parts.append(f'<ol class="rr-mentions">{items}</ol>')
        if len(groups) > MAX_MENTIONS:
            parts.append(f'<div class="rr-more">+{len(groups) - MAX_MENTIONS} more</div>')
    else:
        parts.append('<div class="rr-none">Added by hand; no report mentions it.</div>')
    parts.append("</div>")
    return "".join(parts)


def _timing_html(stop: Stop) -> str:
    """ETA, the time a report gives, and the difference, for a stop popup."""
    rows = [f"<b>{label}</b> {escape(value)}" for label, value in _timing_rows(stop)]
    return f'<div class="rr-timing">{"<br>".join(rows)}</div>' if rows else ""


def _timing_rows(stop: Stop) -> list[list[str]]:
    """(label, value) rows of a stop's ETA, reported time, difference and snap distance."""
    rows = []
    if stop.eta is not None:
        rows.append(["ETA", when_text(stop.eta)])
    if stop.reported is not None:
        rows.append(["Reported", when_text(stop.reported)])
    if stop.delta_hours is not None:
        rows.append(["Difference", f"{stop.delta_hours:+.1f} h"])
    if stop.off_network:
        rows.append(["Off the rail network", f"by {stop.snap_km:,.0f} km"])
    return rows


def _mention_groups(mentions: Sequence[Mention], index: PageIndex) -> list[tuple[Mention, ...]]:
    """Mentions grouped by the sentence they stand in, in report then text order."""
    rank = index.rank
    ordered = sorted(mentions, key=lambda m: (rank.get(m.report_id, len(rank)), m.start))
    groups: dict[tuple[str, int, int], list[Mention]] = {}
    for mention in ordered:
        key = (mention.report_id, mention.sentence_start, mention.sentence_end)
        groups.setdefault(key, []).append(mention)
    return [tuple(g) for g in groups.values()]


def _mention_html(group: Sequence[Mention], index: PageIndex) -> str:
    """One sentence with the place words in <mark>, then source, date, report and status."""
    first = group[0]
    report = index.report(first.report_id)
    spans = [span_in_quote(m) for m in group]
    quote = marked_quote(first.quote, [s for s in spans if s is not None])
    cite = [f'<span class="rr-source">{escape(clip_text(first.source or "unattributed"))}</span>']
    when = first.date or (report.published.isoformat() if report and report.published else "")
    if when:
        cite.append(f'<span class="rr-date">{escape(day_text(when))}</span>')
    cite.append(_report_html(report, first.report_id))
    statuses = dict.fromkeys(m.status for m in group)
    chips = "".join(
        f'<span class="rr-status rr-status-{slug(s)}">{escape(s)}</span>' for s in statuses
    )
    return (
        f'<li><blockquote class="rr-quote">{quote}</blockquote>'
        f'<div class="rr-cite">{" · ".join(cite)} {chips}</div></li>'
    )


def popup_data(located: LocatedPlace, index: PageIndex, stop: Stop | None = None) -> list:
    """What :func:`popup_html` shows, as plain strings for the browser to set as text.

    ``[name, facts, timing rows [label, value], sentences, count not listed]``; a sentence
    is ``[quote pieces (plain and marked in turn), source number, date, report number,
    [[status, css class], ...]]``, numbers indexing the sources and reports of the block.
    """
    place = located.place
    role = stop.role if stop else located.role
    facts = [ROLE_LABELS.get(role, role), kind_label(place, role)]
    if stop is not None:
        facts = [f"Stop {stop.order}", *facts, f"{stop.km:,.0f} km by rail"]
    groups = _mention_groups(located.mentions, index)
    sentences = []
    for group in groups[:MAX_MENTIONS]:
        first = group[0]
        report = index.report(first.report_id)
        spans = [span_in_quote(m) for m in group]
        when = first.date or (report.published.isoformat() if report and report.published else "")
        statuses = dict.fromkeys(m.status for m in group)
        sentences.append(
            [
                quote_parts(first.quote, [s for s in spans if s is not None]),
                index.number("sources", clip_text(first.source or "unattributed")),
                day_text(when) if when else "",
                index.number("reports", _report_data(report, first.report_id)),
                [[status, f"rr-status-{slug(status)}"] for status in statuses],
            ]
        )
    timing = _timing_rows(stop) if stop is not None else []
    more = max(len(groups) - MAX_MENTIONS, 0)
    return [place.name, " · ".join(f for f in facts if f), timing, sentences, more]


def _report_data(report: Report | None, report_id: str) -> tuple[str, str | None]:
    """The report's title and its url when that is http(s), as :func:`_report_html` shows."""
    title = clip_text((report.title if report else "") or report_id)
    url = report.url if report else None
    return (title, url if url and _is_web_url(url) else None)


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


def marked_quote(quote: str, spans: Sequence[tuple[int, int]]) -> str:
    """The quote html-escaped, with each span wrapped in <mark>, cut around long sentences."""
    parts = quote_parts(quote, spans)
    return "".join(
        f"<mark>{escape(part)}</mark>" if number % 2 else escape(part)
        for number, part in enumerate(parts)
    )


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


def _report_html(report: Report | None, report_id: str) -> str:
    """The report's title, a link only when its url is http(s)."""
    title = escape(clip_text((report.title if report else "") or report_id))
    url = report.url if report else None
    if url and _is_web_url(url):
        return (
            f'<a class="rr-report" href="{escape(url)}" target="_blank" '
            f'rel="noopener noreferrer">{title}</a>'
        )
    return f'<cite class="rr-report">{title}</cite>'


def _is_web_url(url: str) -> bool:
    """Whether ``url`` is an absolute http(s) address (no javascript:, data:, file:)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def title_html(journey: Journey) -> str:
    """The title box: headline and a line of what the map shows."""
    stops = journey.route.stops
    facts = []
    if stops:
        facts.append(f"{len(stops)} stops")
    if journey.route.rail_km:
        facts.append(f"{journey.route.rail_km:,.0f} km by rail")
    gap = journey.route.total_km - journey.route.rail_km
    if gap > 0:
        facts.append(f"{gap:,.0f} km with no known rail link")
    count = len(journey.reports)
    facts.append(f"{count} report{'s' if count != 1 else ''}")
    published = sorted(r.published for r in journey.reports if r.published)
    if published:
        first, last = day_text(published[0].isoformat()), day_text(published[-1].isoformat())
        facts.append(f"published {first}" if first == last else f"published {first} to {last}")
    title = escape(clip_text(journey.title or "Reported route", 140))
    return (
        f'<div class="rr-title-main">{title}</div>'
        f'<div class="rr-title-sub">{escape(" · ".join(facts))}</div>'
        '<div class="rr-title-hint">Click a point for the sentences that place it there.</div>'
    )


def legend_html(journey: Journey) -> str:
    """The legend: stop roles, route colours by country, line styles and place kinds."""
    rows = []
    roles = [r for r in ("origin", "via", "border", "destination") if has_role(journey, r)]
    for role in roles:
        shape_class = "rr-key-stop rr-border" if role == "border" else "rr-key-stop"
        rows.append(
            f'<div class="rr-key"><span class="{shape_class}" '
            f'style="background:{style.role_colour(role)}"></span>{ROLE_LABELS[role]}</div>'
        )
    for country in route_countries(journey):
        colour = style.country_colour(country) if country else style.DEFAULT_ROUTE_COLOUR
        rows.append(
            f'<div class="rr-key"><span class="rr-key-line" style="background:{colour}"></span>'
            f"Rail in {escape(country_name(country))}</div>"
        )
    if any(leg.kind == LegKind.RAIL for leg in journey.route.legs):
        rows.append(
            f'<div class="rr-key"><span class="rr-key-arrow">{ARROW}</span>'
            "Direction of travel</div>"
        )
    kinds = {leg.kind for leg in journey.route.legs}
    for kind, (colour, _dash) in style.LEG_STYLES.items():
        if kind in kinds:
            rows.append(
                '<div class="rr-key"><span class="rr-key-line rr-key-dash" '
                f'style="border-top-color:{colour}"></span>{style.LEG_LABELS[kind]}</div>'
            )
    if any(p.place.outline for p in journey.places):
        rows.append('<div class="rr-key"><span class="rr-key-area"></span>Area mentioned</div>')
    if any(p.role == "context" for p in journey.places if not p.place.outline):
        rows.append(
            '<div class="rr-key"><span class="rr-key-dot"></span>Mentioned, not on the route</div>'
        )
    hidden = [ROLE_LAYERS[r] for r in HIDDEN_ROLES if any(p.role == r for p in journey.places)]
    if hidden:
        rows.append(
            f'<div class="rr-key-note">More in the layer menu: {escape(", ".join(hidden))}</div>'
        )
    reported = len({m.report_id for p in journey.places for m in p.mentions})
    if reported > MAX_REPORT_LAYERS:
        rows.append(
            f'<div class="rr-key-note">The layer menu has the first {MAX_REPORT_LAYERS} '
            f"of {reported} reports.</div>"
        )
    rows.append(_sources_html(journey))
    return f'<div class="rr-legend-title">Legend</div>{"".join(rows)}'


def credits_html() -> str:
    """Credits for place coordinates and the offline outlines, for the attribution line."""
    return (
        f"{GEONAMES_CREDIT} | Outlines: {escape(OUTLINES_ATTRIBUTION)} | {escape(RAIL_ATTRIBUTION)}"
    )


def _sources_html(journey: Journey) -> str:
    """The legend's line naming the reports' sources (escaped, at most a few)."""
    sources = list(dict.fromkeys(r.source.strip() for r in journey.reports if r.source.strip()))
    if not sources:
        return ""
    named = ", ".join(escape(clip_text(s, 40)) for s in sources[:MAX_CREDITED_SOURCES])
    if len(sources) > MAX_CREDITED_SOURCES:
        named += f" and {len(sources) - MAX_CREDITED_SOURCES} more"
    return f'<div class="rr-key-sources"><b>Sources:</b> {named}</div>'
