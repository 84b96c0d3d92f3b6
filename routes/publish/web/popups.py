"""The map page's popup table, title box, legend and credits (all text escaped).

Each place's popup is its card (:mod:`routes.publish.web.card`, one template); the page
carries each distinct card once, in one data block, and markers refer to it by number.
"""

from __future__ import annotations

from collections.abc import Sequence

from routes.model import (
    HIDDEN_ROLES,
    STOP_ROLES,
    Journey,
    LegKind,
    LocatedPlace,
    Report,
    Role,
    Stop,
)
from routes.outlines import ATTRIBUTION as OUTLINES_ATTRIBUTION
from routes.publish import style
from routes.publish.credits import sources_credit
from routes.publish.legs import route_countries
from routes.publish.style import ROLE_LABELS, ROLE_LAYERS
from routes.publish.web.card import card_html, place_card
from routes.publish.web.text import clip_text, country_name, day_text, escape, has_role
from routes.rail.world import RAIL_ATTRIBUTION

#: Most reports that get their own layer in the layer control.
MAX_REPORT_LAYERS = 20
#: Arrow glyph repeated along rail legs (and shown in the legend).
ARROW = "\u25ba"
#: The page's variable holding every distinct popup, as HTML strings.
POPUP_TABLE = "rr_popups"

#: Credit for place coordinates (GeoNames data is CC BY 4.0, https://www.geonames.org/).
GEONAMES_CREDIT = 'Places: <a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0)'


class PageIndex:
    """The popups of one map page: each distinct card rendered once, referred to by number."""

    def __init__(self, journey: Journey) -> None:
        self.reports: dict[str, Report] = {}
        for report in journey.reports:
            self.reports.setdefault(report.id, report)
        self.rank = {report_id: number for number, report_id in enumerate(self.reports)}
        self.numbers: dict[str, int] = {}

    def number(
        self, located: LocatedPlace, stop: Stop | None = None, later: Sequence[Stop] = ()
    ) -> int:
        """The position of ``located``'s popup in the table, added when new (``stop`` its
        first visit, ``later`` the visits after it)."""
        html = card_html(place_card(located, self.reports, stop, rank=self.rank, later=later))
        return self.numbers.setdefault(html, len(self.numbers))

    def popup(self, located: LocatedPlace, stop: Stop | None = None) -> str:
        """The popup of ``located`` as a JavaScript expression: its entry in the table."""
        return f"{POPUP_TABLE}[{self.number(located, stop)}]"

    def table(self) -> list[str]:
        """Every distinct popup, in the order first asked for."""
        return list(self.numbers)


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


def legend_html(journey: Journey, colours: dict[str, str]) -> str:
    """The legend: stop roles, route colours by country (``colours``: the journey's
    ``legs.route_colours``), line styles and place kinds."""
    rows = []
    roles = [r for r in STOP_ROLES if has_role(journey, r)]
    for role in roles:
        shape_class = "rr-key-stop rr-border" if role == Role.BORDER else "rr-key-stop"
        rows.append(
            f'<div class="rr-key"><span class="{shape_class}" '
            f'style="background:{style.role_colour(role)}"></span>{ROLE_LABELS[role]}</div>'
        )
    if style.added_by_hand(journey):
        rows.append(
            '<div class="rr-key"><span class="rr-key-stop rr-added" '
            f'style="background:{style.role_colour(Role.VIA)}"></span>{style.ADDED_BY_HAND}</div>'
        )
    for country in route_countries(journey):
        colour = style.route_colour(LegKind.RAIL, (country,) if country else (), colours)
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
    if any(p.role == Role.CONTEXT for p in journey.places if not p.place.outline):
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
    button = (
        '<button class="rr-key-toggle" type="button" aria-expanded="false" '
        'aria-controls="rr-key-body">Key</button>'
    )
    body = f'<div class="rr-legend-title">Key</div>{"".join(rows)}'
    # the button after the key, so an opened key grows upwards from a button that stays put
    return f'<div class="rr-key-body" id="rr-key-body">{body}</div>{button}'


def credits_html() -> str:
    """Credits for place coordinates and the offline outlines, for the attribution line."""
    return (
        f"{GEONAMES_CREDIT} | Outlines: {escape(OUTLINES_ATTRIBUTION)} | {escape(RAIL_ATTRIBUTION)}"
    )


def _sources_html(journey: Journey) -> str:
    """The key's line naming the sources the quotes are attributed to, escaped: the same
    names as the static map's credit (:func:`routes.publish.credits.sources_credit`)."""
    named = sources_credit(journey)
    if not named:
        return ""
    return f'<div class="rr-key-sources"><b>Sources:</b> {escape(named)}</div>'
