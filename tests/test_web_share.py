"""Sharing map.html: the copyable iframe snippet and the alt text beside it."""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser

import pytest

from routes.model import Journey, Route
from routes.publish.web import alt_text, embed_snippet
from tests.journey_fixture import XSS_SCRIPT


class _Tags(HTMLParser):
    """Every start tag of a snippet with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _parse(snippet: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(snippet)
    return parser.tags


def test_the_snippet_is_one_iframe_of_the_map_with_a_title_and_size() -> None:
    snippet = embed_snippet(
        "https://example.org/maps/kim/map.html", title="Kim's train", height=420
    )
    [(tag, attrs)] = _parse(snippet)
    assert tag == "iframe" and snippet.endswith("</iframe>") and "\n" not in snippet
    assert attrs["src"] == "https://example.org/maps/kim/map.html"
    assert attrs["title"] == "Kim's train"
    assert attrs["height"] == "420" and attrs["width"] == "100%"
    assert "allowfullscreen" in attrs and attrs["loading"] == "lazy"


def test_a_hostile_title_or_address_cannot_add_markup_to_the_snippet() -> None:
    snippet = embed_snippet('map.html" onload="alert(1)', title=f'"><b>{XSS_SCRIPT}')
    [(tag, attrs)] = _parse(snippet)
    assert tag == "iframe" and "onload" not in attrs
    assert attrs["title"] == f'"><b>{XSS_SCRIPT}'
    with pytest.raises(ValueError, match="javascript"):
        embed_snippet(" JavaScript:alert(1)")
    with pytest.raises(ValueError, match="height"):
        embed_snippet("map.html", height=0)


def test_alt_text_names_the_stops_in_order_the_distance_and_the_reports(journey: Journey) -> None:
    text = alt_text(journey)
    names = [s.place.name for s in journey.route.stops]
    assert " to ".join(names) in text
    assert f"{journey.route.rail_km:,.0f} km by rail" in text
    assert f"{len(journey.reports)} reports" in text
    unrouted = alt_text(replace(journey, route=Route()))
    assert unrouted.startswith(f"Map of {len(journey.places)} places named in news reports")
