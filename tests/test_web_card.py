"""A place's card: one template for the map popup and the dashboard card, report text as text."""

from __future__ import annotations

import json
import re
from dataclasses import replace

from routes import dashboard
from routes.model import Journey, LocatedPlace, Mention, Place, Report
from routes.publish import style
from routes.publish.web.card import card_html, dashboard_card_html, place_card
from routes.publish.web.popups import POPUP_TABLE
from routes.publish.web.render import map_html
from tests.journey_fixture import XSS_IMG, XSS_REPORT, XSS_SCRIPT, with_stop_added_by_hand

#: A report whose every field tries to break out of the HTML it lands in.
HOSTILE = {
    "title": '"><svg onload=alert(1)> </li></ol></div><script>alert(2)</script>',
    "source": "<b onmouseover=alert(3)>Agency</b> {{ 7*7 }}",
    "url": "javascript:alert(4)",
}


def _map_popups(journey: Journey) -> list[str]:
    """The popup table of the journey's map page."""
    page = map_html(journey)
    marker = f"var {POPUP_TABLE} = "
    return json.JSONDecoder().raw_decode(page, page.index(marker) + len(marker))[0]


def _hostile_journey(journey: Journey) -> tuple[Journey, str]:
    """``journey`` with a hostile report naming a new place, and that place's id."""
    text = f"Witnesses {XSS_SCRIPT} saw the train in Ussuriysk {XSS_IMG} {{% raw %}} at noon."
    report = Report(id="evil", text=text, **HOSTILE)
    start = text.index("Ussuriysk")
    place = Place("ussuriysk", "Ussuriysk <i>", "city", 43.8, 131.95, "RU")
    mention = Mention(
        "evil", place.id, start, start + 9, "Ussuriysk", 0, len(text), text, HOSTILE["source"]
    )
    located = LocatedPlace(place, "context", (mention,))
    hostile = replace(
        journey, reports=(*journey.reports, report), places=(*journey.places, located)
    )
    return hostile, place.id


def test_the_dashboard_card_is_the_map_popup_of_the_same_place(journey: Journey) -> None:
    popups = _map_popups(journey)
    for stop in journey.route.stops:
        card = dashboard.place_card_html(journey, stop.place.id)
        body = card[card.index('<div class="rr-popup">') : card.rindex("</div>")]
        assert body in popups  # the very same HTML, from the one template
    assert "<style>" in dashboard.place_card_html(journey, "khasan")  # styled where it is shown


def test_a_hostile_report_adds_no_element_or_attribute_to_a_card(journey: Journey) -> None:
    hostile, place_id = _hostile_journey(journey)
    card = dashboard_card_html(hostile, place_id)
    popup = next(p for p in _map_popups(hostile) if "Ussuriysk &lt;i&gt;" in p)
    for html in (card[card.index("</style>") :], popup):
        tags = set(re.findall(r"<(\w+)", html))
        assert tags <= {"div", "ol", "li", "blockquote", "mark", "span", "cite", "style"}
        assert "onload" not in re.sub(r"&[^;]+;", "", html).split('"')[::2][0]
        assert "href" not in html  # a javascript: url is never a link
        assert "{{" in html and "49" not in html  # template syntax in a report stays text
        assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html
        assert "&lt;b onmouseover=alert(3)&gt;Agency&lt;/b&gt;" in html
        assert "<mark>Ussuriysk</mark>" in html


def test_a_card_lists_a_sentence_once_with_all_its_place_words_marked(journey: Journey) -> None:
    vladivostok = next(p for p in journey.places if p.place.id == "vladivostok")
    reports = {r.id: r for r in journey.reports}
    card = place_card(vladivostok, reports)
    assert len(card.quotes) == len({(m.report_id, m.sentence_start) for m in vladivostok.mentions})
    html = card_html(card)
    assert html.count("<li>") == len(card.quotes)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and XSS_SCRIPT not in html
    assert XSS_REPORT.title not in html  # the hostile title is escaped too


def test_card_and_popup_of_a_stop_added_by_hand_say_so_in_the_one_wording(
    journey: Journey,
) -> None:
    added = with_stop_added_by_hand(journey, "khasan")
    card = dashboard_card_html(added, "khasan")
    note = f'<div class="rr-none">{style.ADDED_BY_HAND_NOTE}</div>'
    assert note in card
    assert sum(note in popup for popup in _map_popups(added)) == 1
    assert style.ADDED_BY_HAND_NOTE.startswith(style.ADDED_BY_HAND)
    assert note not in dashboard_card_html(journey, "khasan")
