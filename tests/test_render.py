"""The interactive map: quotes in popups, escaping, layers, legend, determinism, offline page."""

from __future__ import annotations

import html
import json
import os
import re
from dataclasses import replace

import markupsafe
import pytest
from folium.map import Layer

from routes.model import Journey, Leg, LocatedPlace, Mention, Place, Report, Route
from routes.paths import WEB_ASSETS_DIR
from routes.publish import style
from routes.publish.geojson import to_geojson
from routes.publish.style import ROLE_LAYERS
from routes.publish.web.card import MAX_MENTIONS
from routes.publish.web.places import CLUSTER_MIN
from routes.publish.web.popups import ARROW, MAX_REPORT_LAYERS, POPUP_TABLE
from routes.publish.web.render import (
    BASEMAPS,
    build_map,
    map_html,
)
from routes.publish.web.share import alt_text
from routes.publish.web.text import estimate_text, js_literal
from routes.read.gazetteer import country_names
from tests.journey_fixture import (
    KHASAN_SENTENCE_START,
    XSS_IMG,
    XSS_REPORT,
    XSS_SCRIPT,
    fixture_journey,
    with_stop_added_by_hand,
)

_DECODER = json.JSONDecoder()


def escape(text: str) -> str:
    """``text`` as the card template writes it (Jinja's autoescape)."""
    return str(markupsafe.escape(text))


@pytest.fixture(scope="module")
def page(journey: Journey) -> str:
    """The map page of the fixture journey on the default basemap."""
    return map_html(journey)


def _bound(page: str, method: str) -> list[str]:
    """Every string bound with ``layer.<method>(...)`` (bindPopup, bindTooltip) in the page."""
    found = []
    for match in re.finditer(rf"\.{method}\((?=\")", page):
        value, _end = _DECODER.raw_decode(page, match.end())
        found.append(value)
    return found


def _popups(page: str) -> list[str]:
    """Every popup of the page: the HTML strings of its one popup table."""
    marker = f"var {POPUP_TABLE} = "
    table, _end = _DECODER.raw_decode(page, page.index(marker) + len(marker))
    return table


def _popup_of(page: str, name: str) -> str:
    """The popup whose heading is ``name``."""
    heading = f'<div class="rr-name">{escape(name)}</div>'
    matches = [p for p in _popups(page) if heading in p]
    assert len(matches) >= 1, f"no popup for {name}"
    return matches[0]


def _geojson_layers(page: str) -> dict[str, dict]:
    """Every folium GeoJson layer of the page: its variable and the FeatureCollection it draws."""
    return {
        match.group(1): _DECODER.raw_decode(page, match.end())[0]
        for match in re.finditer(r"(geo_json_\w+?)_add\((?=\{)", page)
    }


def _stop_features(page: str) -> list[dict]:
    """The stop markers: features of the page's GeoJson layers that carry a numbered icon."""
    layers = _geojson_layers(page).values()
    return [f for layer in layers for f in layer["features"] if "html" in f["properties"]]


def _polylines(page: str) -> list[tuple[list, dict]]:
    """(locations, options) of every L.polyline in the page."""
    found = []
    for match in re.finditer(r"L\.polyline\(\s*(?=\[\[)", page):
        locations, end = _DECODER.raw_decode(page, match.end())
        rest = page[end:].lstrip(", \n")
        if rest.startswith('{"'):  # folium's JSON options (the minimap's are plain JS)
            found.append((locations, _DECODER.raw_decode(rest)[0]))
    return found


def _overlays(journey: Journey, **kwargs: object) -> dict[str, bool]:
    """Layer-control overlay names of the map, with whether each is shown at first."""
    fmap = build_map(journey, **kwargs)
    return {
        child.layer_name: child.show
        for child in fmap._children.values()
        if isinstance(child, Layer) and child.overlay and child.control
    }


def test_popup_shows_the_quote_with_the_place_words_marked(journey: Journey, page: str) -> None:
    khasan = next(p for p in journey.places if p.place.id == "khasan")
    mention = khasan.mentions[0]
    start = mention.start - mention.sentence_start
    end = mention.end - mention.sentence_start
    expected = (
        escape(mention.quote[:start])
        + f"<mark>{escape(mention.quote[start:end])}</mark>"
        + escape(mention.quote[end:])
    )
    popup = _popup_of(page, "Khasan")
    assert expected in popup
    assert KHASAN_SENTENCE_START in popup
    assert escape(mention.source) in popup
    assert mention.status in popup


def test_popup_lists_every_mention_with_source_date_title_and_stop_facts(
    journey: Journey, page: str
) -> None:
    vladivostok = next(p for p in journey.places if p.place.id == "vladivostok")
    stop = next(s for s in journey.route.stops if s.place.id == "vladivostok")
    popup = _popup_of(page, "Vladivostok")
    assert popup.count("<mark>") == len(vladivostok.mentions)
    for mention in vladivostok.mentions:
        assert escape(mention.source) in popup
        assert mention.date is not None and mention.date[:4] in popup
    assert escape(journey.reports[0].title) in popup
    assert f"Stop {stop.order}" in popup
    assert f"{stop.km:,.0f} km" in popup
    assert "est. arrival" in popup and stop.eta is not None
    assert estimate_text(stop.eta).removeprefix("est. ") in popup  # to the hour, never minutes


def test_report_title_links_only_to_web_urls(journey: Journey) -> None:
    web = replace(journey.reports[0], url="https://example.org/kim-train?a=1&b=2")
    page = map_html(replace(journey, reports=(web, XSS_REPORT)))
    popup = _popup_of(page, "Khasan")
    assert 'href="https://example.org/kim-train?a=1&amp;b=2"' in popup
    assert 'rel="noopener noreferrer"' in popup
    assert "javascript:" not in page  # the hostile report's url is never a link


def test_hostile_report_text_is_escaped_everywhere(journey: Journey, page: str) -> None:
    assert XSS_SCRIPT not in page
    assert "<img src=x" not in page
    popup = _popup_of(page, "Vladivostok")
    assert escape(XSS_SCRIPT) in popup
    assert escape(XSS_IMG) in popup
    for text in _popups(page) + _bound(page, "bindTooltip"):
        assert "<script" not in text and "<img" not in text


def test_layer_names_are_escaped_too(journey: Journey) -> None:
    names = _overlays(journey)
    report_layers = [n for n in names if n.startswith("Report: ")]
    assert len(report_layers) == len(journey.reports)
    assert all("<" not in n for n in report_layers)
    assert any(html.escape("<script>") in n for n in report_layers)


def test_layers_per_role_and_report_with_off_route_roles_hidden(journey: Journey) -> None:
    names = _overlays(journey)
    for role in ("origin", "border", "destination", "context"):
        assert ROLE_LAYERS[role] in names
    assert names[ROLE_LAYERS["origin"]] is True
    assert ROLE_LAYERS["actor"] not in names  # "denials from Moscow" is no place on the map
    assert {"Route", "Areas", "Coast &amp; borders (offline)"} <= set(names)
    assert all(shown is False for name, shown in names.items() if name.startswith("Report: "))


def _legend(page: str) -> str:
    """The HTML of the page's key."""
    return next(
        _DECODER.raw_decode(page, m.end())[0]
        for m in re.finditer(r"box\.innerHTML = ", page)
        if "rr-legend-title" in _DECODER.raw_decode(page, m.end())[0]
    )


def test_legend_names_roles_and_the_countries_the_rail_runs_through(page: str) -> None:
    legend = _legend(page)
    for label in ("Origin", "Border crossing", "Destination"):
        assert label in legend
    for code in ("KP", "RU"):
        assert country_names()[code] in legend
        assert style.COUNTRY_COLOURS[code] in legend
    assert "Sources:" in legend and html.escape(XSS_IMG) in legend


def _credited(text: str) -> list[str]:
    """The source names of a "Sources: A, B and 2 more" credit, unescaped."""
    named = re.sub(r" and \d+ more$", "", html.unescape(text).strip())
    return [name.strip() for name in named.split(", ")]


@pytest.mark.slow  # draws a static map
def test_the_key_and_the_static_map_credit_the_same_attributed_sources(
    journey: Journey, page: str
) -> None:
    from routes.publish.png import draw as static_map

    key = re.search(r'class="rr-key-sources"><b>Sources:</b> (.*?)</div>', _legend(page))
    svg = static_map.render_map(journey, "svg").decode("utf-8")
    texts = re.findall(r"<text\b.*?>(.*?)</text>", svg, flags=re.S)
    words = " ".join(" ".join(re.sub(r"<[^>]+>", " ", t) for t in texts).split())
    credit = re.search(r"Sources: (.*?) · Rail:", html.unescape(words))
    assert key and credit
    in_key, in_svg = _credited(key.group(1)), _credited(credit.group(1))
    assert in_key == in_svg
    said = {m.source for lp in journey.places for m in lp.mentions}
    assert len(in_key) >= 3 and set(in_key) <= said  # who the quotes are attributed to
    assert XSS_IMG in in_key and XSS_IMG not in key.group(1)  # named, and escaped in HTML


def test_same_journey_gives_the_same_bytes(journey: Journey, page: str) -> None:
    assert map_html(journey) == page
    assert map_html(fixture_journey(with_xss=False)) != page


def test_one_numbered_marker_per_stop(journey: Journey, page: str) -> None:
    stops = _stop_features(page)
    assert len(stops) == len(journey.route.stops)
    for stop in journey.route.stops:
        own = [f for f in stops if f["properties"]["id"] == stop.place.id]
        assert len(own) == 1
        assert f"<span>{stop.order}</span>" in own[0]["properties"]["html"]
        assert own[0]["properties"]["role"] == stop.role
        lonlat = [round(stop.place.lon, 6), round(stop.place.lat, 6)]
        assert own[0]["geometry"] == {"type": "Point", "coordinates": lonlat}
    border = next(f for f in stops if f["properties"]["role"] == "border")
    assert "rr-border" in border["properties"]["html"]  # the crossing is drawn as a diamond


def test_a_stop_added_by_hand_has_a_ringed_marker_and_a_key_row(
    journey: Journey, page: str
) -> None:
    added = map_html(with_stop_added_by_hand(journey, "khasan"))
    icons = [f["properties"] for f in _stop_features(added)]
    ringed = [i for i in icons if 'class="rr-stop rr-border rr-added"' in i["html"]]
    assert len(ringed) == 1 and ringed[0]["id"] == "khasan"
    assert sum("rr-added" in i["html"] for i in icons) == 1  # the other stops stay plain
    css = added[added.index(".rr-stop.rr-added") :]
    assert "dashed var(--rr-added)" in css[: css.index("}")]
    assert f"--rr-added:{style.ADDED_RING_COLOUR};" in added
    key = f'<span class="rr-key-stop rr-added" style="background:{style.role_colour("via")}">'
    assert f"{key}</span>{style.ADDED_BY_HAND}</div>" in _legend(added)
    assert style.ADDED_BY_HAND not in _legend(page) and '"rr-stop rr-added' not in page
    assert style.ADDED_BY_HAND_NOTE in _popup_of(added, "Khasan")


def _in_other_countries(journey: Journey, codes: dict[str, str]) -> Journey:
    """The journey with its stops and legs moved to other countries (``codes``: old → new)."""
    route = journey.route
    legs = tuple(
        replace(leg, countries=tuple(codes.get(c, c) for c in leg.countries)) for leg in route.legs
    )
    stops = tuple(
        replace(s, place=replace(s.place, country=codes.get(s.place.country, s.place.country)))
        for s in route.stops
    )
    return replace(journey, route=replace(route, legs=legs, stops=stops))


def test_two_countries_with_no_colour_of_their_own_get_two_colours_and_their_names() -> None:
    journey = _in_other_countries(fixture_journey(with_xss=False), {"KP": "PL", "RU": "UA"})
    page = map_html(journey)
    rail = [opts["color"] for _c, opts in _polylines(page) if opts.get("className") == "rr-rail"]
    assert rail[0] != rail[1] and set(rail) <= set(style.SPARE_COUNTRY_COLOURS)
    legend = _legend(page)
    for name, colour in (("Poland", rail[0]), ("Ukraine", rail[1])):
        assert f'background:{colour}"></span>Rail in {name}</div>' in legend


def test_rail_legs_are_split_and_coloured_by_country(page: str) -> None:
    rail = [opts for _coords, opts in _polylines(page) if opts.get("className") == "rr-rail"]
    # Pyongyang-Khasan in North Korea up to the border bridge, then Russia, then Russia again.
    expected = [style.COUNTRY_COLOURS[c] for c in ("KP", "RU", "RU")]
    assert [opts["color"] for opts in rail] == expected
    assert all(opts["dashArray"] is None for opts in rail)
    texts = [
        _DECODER.raw_decode(page, m.end())[0] for m in re.finditer(r"\.setText\(\s*(?=\")", page)
    ]
    arrows = [t for t in texts if ARROW in t]
    assert len(arrows) == len(rail)  # direction arrows along every rail piece


def test_no_rail_leg_is_dashed_and_labelled(journey: Journey) -> None:
    rail, second = journey.route.legs
    gap = replace(second, kind="no-rail", coords=(second.coords[0], second.coords[-1]))
    page = map_html(replace(journey, route=replace(journey.route, legs=(rail, gap))))
    lines = _polylines(page)
    dashed = [opts for _coords, opts in lines if opts.get("className") == "rr-no-rail"]
    assert len(dashed) == 1
    assert dashed[0]["dashArray"] == " ".join(str(n) for n in style.NO_RAIL_DASH)
    assert dashed[0]["color"] == style.NO_RAIL_COLOUR
    assert sum(opts.get("className") == "rr-rail" for _c, opts in lines) == 2
    assert "no rail link" in page


def test_page_is_self_contained(page: str) -> None:
    assert not re.search(r"<script[^>]*\ssrc=", page)
    assert not re.search(r"<link[^>]*stylesheet", page)
    assert "L.map(" in page and "L.Control.MiniMap" in page and "fullscreen" in page
    assert "L.control.scale" in page


def test_offline_basemap_has_no_tiles_but_the_outlines(journey: Journey) -> None:
    offline = map_html(journey, basemap="offline")
    assert "L.tileLayer(" not in offline
    assert "rr_outlines" in offline and '"coast"' in offline and '"borders"' in offline
    assert "tile.openstreetmap.org" in map_html(journey, basemap="osm")
    assert "cartocdn" in map_html(journey, basemap="light")
    assert set(BASEMAPS) == {"osm", "light", "offline"}


def test_unknown_basemap_is_refused(journey: Journey) -> None:
    with pytest.raises(ValueError, match="unknown basemap"):
        build_map(journey, basemap="satellite")


def test_popup_is_bounded_with_a_count_of_the_rest(journey: Journey) -> None:
    report, place = _many_sentences_report(MAX_MENTIONS + 7)
    page = map_html(_with_place(journey, report, place))
    popup = _popup_of(page, place.place.name)
    assert popup.count("<mark>") == MAX_MENTIONS
    assert "+7 more" in popup


def test_many_context_places_are_clustered_but_stops_never(journey: Journey) -> None:
    few = map_html(journey)
    assert "markerClusterGroup" not in few
    crowd = _with_context_places(journey, CLUSTER_MIN)
    page = map_html(crowd)
    assert "L.markerClusterGroup(" in page
    cluster = re.search(r"var (marker_cluster_\w+) = L\.markerClusterGroup", page)
    assert cluster is not None
    context = sum(p.role == "context" and not p.place.outline for p in crowd.places)
    assert context >= CLUSTER_MIN
    clustered = [
        layer
        for name, layer in _geojson_layers(page).items()
        if f"{name}.addTo({cluster.group(1)})" in page
    ]
    assert len(clustered) == 1  # the context places' one GeoJson layer, inside the cluster
    assert len(clustered[0]["features"]) == context
    assert {f["properties"]["role"] for f in clustered[0]["features"]} == {"context"}
    assert len(_stop_features(page)) == len(journey.route.stops)


def test_context_places_can_be_left_off(journey: Journey) -> None:
    assert ROLE_LAYERS["context"] in _overlays(journey)
    assert ROLE_LAYERS["context"] not in _overlays(journey, show_context=False)
    heading = '<div class="rr-name">North Korea</div>'
    assert any(heading in p for p in _popups(map_html(journey)))
    assert not any(heading in p for p in _popups(map_html(journey, show_context=False)))


def test_long_sentences_are_cut_around_the_place_words(journey: Journey) -> None:
    filler = "word " * 300
    text = f"{filler}the train reached Ussuriysk at noon {filler}."
    report = Report(id="long", text=text, title="Long", source="Agency")
    start = text.index("Ussuriysk")
    place = Place("ussuriysk", "Ussuriysk", "city", 43.8, 131.95, "RU")
    mention = Mention("long", "ussuriysk", start, start + 9, "Ussuriysk", 0, len(text), text, "A")
    page = map_html(_with_place(journey, report, LocatedPlace(place, "context", (mention,))))
    popup = _popup_of(page, "Ussuriysk")
    assert "<mark>Ussuriysk</mark>" in popup
    assert "\u2026" in popup and len(popup) < len(text)


def _many_sentences_report(count: int) -> tuple[Report, LocatedPlace]:
    """A report naming Ussuriysk in ``count`` sentences, and the place with those mentions."""
    sentences = [f"Train {i} passed Ussuriysk." for i in range(count)]
    text = " ".join(sentences)
    report = Report(id="many", text=text, title="Many", source="Agency")
    place = Place("ussuriysk", "Ussuriysk", "city", 43.8, 131.95, "RU")
    mentions, cursor = [], 0
    for sentence in sentences:
        begin = text.index(sentence, cursor)
        start = text.index("Ussuriysk", begin)
        mentions.append(
            Mention("many", place.id, start, start + 9, "Ussuriysk", begin,
                    begin + len(sentence), sentence, "Agency")
        )  # fmt: skip
        cursor = begin + len(sentence)
    return report, LocatedPlace(place, "context", tuple(mentions))


def _with_place(journey: Journey, report: Report, place: LocatedPlace) -> Journey:
    """``journey`` with one more report and place."""
    return replace(journey, reports=(*journey.reports, report), places=(*journey.places, place))


def _with_context_places(journey: Journey, count: int) -> Journey:
    """``journey`` with ``count`` extra context places on a grid over the Korean peninsula."""
    report = journey.reports[0]
    mention = next(p for p in journey.places if p.place.id == "north-korea").mentions[0]
    extra = tuple(
        LocatedPlace(
            Place(f"town-{i}", f"Town {i}", "town", 38.0 + (i % 10) * 0.3, 126.0 + i // 10 * 0.4),
            "context",
            (replace(mention, place_id=f"town-{i}"),),
        )
        for i in range(count)
    )
    return replace(journey, reports=(report,), places=(*journey.places, *extra))


def test_leg_without_countries_takes_the_colour_of_its_first_stop(journey: Journey) -> None:
    first, second = journey.route.legs
    bare = Leg(second.from_id, second.to_id, "rail", second.coords, second.km)
    page = map_html(replace(journey, route=replace(journey.route, legs=(first, bare))))
    assert page.count('"rr-rail"') == 3
    assert style.COUNTRY_COLOURS["RU"] in page


def test_a_journey_with_nothing_located_still_gives_a_map() -> None:
    empty = Journey(title="Nothing found", reports=(XSS_REPORT,), places=(), route=Route())
    page = map_html(empty)
    assert "L.map(" in page and "Nothing found" in page
    assert _stop_features(page) == [] and _polylines(page) == []


def test_report_layers_are_capped_and_the_legend_says_so(journey: Journey) -> None:
    report = journey.reports[0]
    place = next(p for p in journey.places if p.place.id == "north-korea")
    count = MAX_REPORT_LAYERS + 5
    copies = tuple(replace(report, id=f"copy-{i}", title=f"Copy {i}") for i in range(count))
    mentions = tuple(replace(place.mentions[0], report_id=r.id) for r in copies)
    crowded = replace(
        journey, reports=copies, places=(replace(place, mentions=mentions),), route=Route()
    )
    names = _overlays(crowded)
    assert sum(n.startswith("Report: ") for n in names) == MAX_REPORT_LAYERS
    assert f"first {MAX_REPORT_LAYERS} of {count} reports" in map_html(crowded)


def test_page_title_is_the_escaped_journey_title(journey: Journey) -> None:
    title = f"Kim's train {XSS_SCRIPT}"
    page = map_html(replace(journey, title=title))
    assert f"<title>{html.escape(title)}</title>" in page


def test_every_marker_takes_its_popup_from_the_one_table(journey: Journey) -> None:
    page = map_html(_with_context_places(journey, CLUSTER_MIN))
    table = _popups(page)
    assert len(table) == len(set(table))  # each distinct popup is written once
    used = {int(n) for n in re.findall(rf"\.bindPopup\({POPUP_TABLE}\[(\d+)\]", page)}
    for layer in _geojson_layers(page).values():  # places off the route and report rings
        used |= {f["properties"]["popup"] for f in layer["features"] if "popup" in f["properties"]}
    assert used == set(range(len(table)))
    assert '.bindPopup("' not in page  # no popup is written inline beside its marker
    sentence = next(p for p in journey.places if p.place.id == "north-korea").mentions[0].quote
    assert any(escape(sentence) in re.sub("</?mark>", "", popup) for popup in table)
    assert XSS_SCRIPT not in page and "<img src=x" not in page


def test_template_syntax_in_a_report_is_shown_never_run(journey: Journey) -> None:
    # branca compiles each element's output as a Jinja template again: report text carrying
    # "{{ ... }}" must reach the page as text, not run on the machine that builds the map.
    probe = '{{ "RAN" ~ "-AS-CODE" }} {{ cycler.__init__.__globals__.os.getcwd() }} {% raw %} {# x'
    hostile = replace(XSS_REPORT, title=f"T {probe}", source=f"S {probe}")
    mentions = tuple(
        replace(m, source=f"S {probe}") if m.report_id == XSS_REPORT.id else m
        for m in next(p for p in journey.places if p.place.id == "vladivostok").mentions
    )
    places = tuple(
        replace(p, mentions=mentions) if p.place.id == "vladivostok" else p for p in journey.places
    )
    page = map_html(replace(journey, title=f"Title {probe}", reports=(journey.reports[0], hostile),
                            places=places))  # fmt: skip
    assert "RAN-AS-CODE" not in page and os.getcwd() not in page
    names = _overlays(replace(journey, reports=(journey.reports[0], hostile), places=places))
    assert any('{{ "RAN" ~' in html.unescape(n) for n in names)
    popup = _popup_of(page, "Vladivostok")
    assert "S {{ &#34;RAN&#34; ~" in popup and "{% raw %}" in popup
    assert "Title &#123;&#123; &quot;RAN&quot;" in page  # the page title, as HTML text


def test_the_page_says_its_language_lets_people_zoom_and_describes_itself(
    journey: Journey, page: str
) -> None:
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert "user-scalable=no" not in page and "maximum-scale" not in page
    assert '<meta name="viewport" content="width=device-width, initial-scale=1.0" />' in page
    description = alt_text(journey)
    assert all(s.place.name in description for s in journey.route.stops)
    for tag in ('name="description"', 'property="og:description"', 'name="twitter:description"'):
        assert f'<meta {tag} content="{html.escape(description)}" />' in page
    assert f'<meta property="og:title" content="{html.escape(journey.title)}" />' in page
    assert f'<p class="rr-alt" id="rr-alt">{html.escape(description)}</p>' in page
    assert 'setAttribute("aria-describedby", "rr-alt")' in page


def test_the_title_is_a_block_above_the_map_and_the_key_has_a_button(page: str) -> None:
    body = page[page.index("<body>") :]
    assert body.index('<header class="rr-title"') < body.index('class="folium-map"')
    button = '<button class="rr-key-toggle" type="button" aria-expanded="false"'
    assert js_literal(button)[1:-1] in page  # in the key's box, written by the map script
    assert 'L.control.scale({"position": "bottomright"})' in page  # above the attribution


def test_every_stop_marker_carries_its_story_order_and_name(journey: Journey, page: str) -> None:
    stops = {f["properties"]["id"]: f["properties"] for f in _stop_features(page)}
    for stop in journey.route.stops:
        assert stops[stop.place.id]["order"] == stop.order
        assert html.unescape(stops[stop.place.id]["tip"]) == stop.place.name
    assert "layer.options.rrStop = p.order;" in page  # what page.js steps through
    assert "rrPage(" in page


def test_places_off_the_route_are_drawn_from_the_project_geojson(
    journey: Journey, page: str
) -> None:
    contract = {
        f["properties"]["id"]: f
        for f in to_geojson(journey)["features"]
        if f["geometry"] and f["geometry"]["type"] == "Point"
    }
    layers = _geojson_layers(page).values()
    drawn = [f for layer in layers for f in layer["features"]]
    ids = {f["properties"]["id"] for f in drawn}
    assert "north-korea" in ids
    assert "moscow" not in ids  # an actor (the Kremlin's Moscow) has no geometry: no dot
    for feature in drawn:
        place = feature["properties"]["id"]
        assert feature["geometry"] == contract[place]["geometry"]
        assert "mentions" not in feature["properties"]  # the sentences live in the popup table


def test_the_project_scripts_and_styles_survive_brancas_second_template_pass() -> None:
    # branca compiles each element's output as a Jinja template again: an asset carrying a
    # Jinja opener would break the page (or run as template code).
    for asset in ("page.js", "textpath-centre.js", "map.css", "card.css"):
        text = (WEB_ASSETS_DIR / asset).read_text(encoding="utf-8")
        assert not re.search(r"\{[{%#]", text), asset
