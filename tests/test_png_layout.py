"""The static map's shapes, markers and quote callouts, as an editor publishing it relies on."""

from __future__ import annotations

import html
import io
import re
from dataclasses import replace

import pytest
from PIL import Image

from routes.__main__ import main
from routes.model import Role
from routes.publish import style
from routes.publish.png import callouts, draw, places

pytestmark = pytest.mark.slow  # every test here draws a static map with matplotlib


def _png_size(data: bytes) -> tuple[int, int]:
    """(width, height) of a PNG."""
    return Image.open(io.BytesIO(data)).size


@pytest.mark.parametrize(("size", "ratio"), [("16:9", 16 / 9), ("1:1", 1.0), ("4:5", 0.8)])
def test_each_fixed_size_gives_the_asked_aspect_ratio(journey, size, ratio):
    width, height = _png_size(draw.render_png(journey, size=size))
    assert width >= 1600
    assert width / height == pytest.approx(ratio, rel=0.002)


def test_the_tall_size_follows_the_route_and_the_settings_choose_the_size(journey):
    tall = _png_size(draw.render_png(journey))
    assert tall[1] > tall[0] * 0.62
    square = replace(journey, settings=replace(journey.settings, map_size="1:1"))
    width, height = _png_size(draw.render_png(square))
    assert width == height


def test_an_unknown_size_is_refused_with_the_sizes_named(journey):
    with pytest.raises(ValueError, match="16:9"):
        draw.render_png(journey, size="3:2")


@pytest.mark.slow  # a whole build of the bundled report
def test_build_size_option_writes_maps_of_that_shape(tmp_path):
    assert main(["build", "--out", str(tmp_path), "--size", "16:9", "--byline", "Desk"]) == 0
    width, height = _png_size((tmp_path / "map.png").read_bytes())
    assert width / height == pytest.approx(16 / 9, rel=0.002)
    svg = (tmp_path / "map.svg").read_text(encoding="utf-8")
    match = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg)
    assert match and float(match[1]) / float(match[2]) == pytest.approx(16 / 9, rel=0.002)
    assert "Graphic: Desk" in svg


def _svg_words(svg: str) -> str:
    """The words of every <text> element of an SVG, markup removed, whitespace folded."""
    texts = " ".join(re.findall(r"<text\b.*?</text>", svg, flags=re.S))
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", texts)).split())


def _crowded(journey):
    """The fixture journey with two more stops within a few km of Khasan, as the Tumen bridge
    and Tumangang are in the real story: stops 2-4 fall on one spot at map scale."""
    pyongyang, khasan, vladivostok = journey.route.stops
    near = [
        replace(
            khasan,
            place=replace(khasan.place, id=f"near-{i}", name=f"Near {i}", lat=lat, lon=lon),
            role=Role.VIA,
        )
        for i, (lat, lon) in enumerate(((42.41, 130.61), (42.44, 130.66)), start=1)
    ]
    stops = tuple(
        replace(stop, order=n)
        for n, stop in enumerate((pyongyang, near[0], khasan, near[1], vladivostok), start=1)
    )
    return replace(journey, route=replace(journey.route, stops=stops))


def _overlap(a, b) -> float:
    """Overlap area of two (left, top, right, bottom) boxes."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return max(w, 0.0) * max(h, 0.0)


@pytest.mark.parametrize("size", ["tall", "16:9", "1:1", "4:5"])
def test_no_two_stop_markers_overlap_even_when_stops_share_a_spot(journey, size):
    layout = draw.map_layout(_crowded(journey), size=size)
    markers = layout.markers
    for i, (_, x1, y1, r1) in enumerate(markers):
        for _, x2, y2, r2 in markers[i + 1 :]:
            assert ((x1 - x2) ** 2 + (y1 - y2) ** 2) ** 0.5 >= r1 + r2
    # Every stop number is on a marker, the three close stops under one "2–4".
    texts = [text for text, *_ in markers]
    assert "2–4" in texts
    assert {"1", "5"} <= set(texts)


def test_grouped_stops_are_read_as_one_numbered_marker_in_the_svg(journey):
    words = _svg_words(draw.render_map(_crowded(journey), "svg").decode("utf-8"))
    assert "2–4" in words
    for name in ("2 Near 1", "3 Khasan", "4 Near 2"):  # each callout names its number
        assert name in words


@pytest.mark.parametrize("size", ["tall", "16:9"])
def test_every_stop_has_a_callout_and_no_callout_overlaps_another_label(journey, size):
    crowded = _crowded(journey)
    layout = draw.map_layout(crowded, size=size)
    callouts = [box for _, detail, box in layout.labels if detail]
    assert len(callouts) == len(crowded.route.stops)
    boxes = [box for *_, box in layout.labels]
    for i, a in enumerate(callouts):
        assert all(_overlap(a, b) == 0 for b in boxes if b is not a), i
        for _, x, y, r in layout.markers:  # nor covers a stop marker
            assert _overlap(a, (x - r, y - r, x + r, y + r)) == 0


def _crowded_at_the_edge(journey, extra: int = 4):
    """The fixture journey with ``extra`` more stops around Vladivostok, its east-most stop
    (so at the map's edge), each quoted at length as Vladivostok is."""
    vladivostok = next(lp for lp in journey.places if lp.place.id == "vladivostok")
    last = journey.route.stops[-1]
    clones, stops = [], list(journey.route.stops)
    for i in range(1, extra + 1):
        place = replace(
            vladivostok.place,
            id=f"edge-{i}",
            name=f"Edge {i}",
            lat=vladivostok.place.lat + 0.12 * (i % 2) - 0.06 * i,
            lon=vladivostok.place.lon + 0.05 * i,
        )
        mentions = tuple(replace(m, place_id=place.id) for m in vladivostok.mentions)
        clones.append(replace(vladivostok, place=place, mentions=mentions, role=Role.VIA))
        stops.append(replace(last, place=place, role=Role.VIA, order=len(stops) + 1))
    return replace(
        journey,
        places=journey.places + tuple(clones),
        route=replace(journey.route, stops=tuple(stops)),
    )


@pytest.mark.parametrize("size", ["tall", "16:9", "1:1", "4:5"])
def test_callouts_of_stops_at_the_maps_edge_stay_inside_it_and_apart(journey, size):
    drawing = draw.MapDrawing(_crowded_at_the_edge(journey), dpi=150, size=size)
    left, top, width, height = drawing.frame.panel
    callouts = [box for _, detail, box in drawing.layout.labels if detail]
    assert len(callouts) == 3 + 4
    for box in callouts:
        assert left - 1 <= box[0] and box[2] <= left + width + 1, box
        assert top - 1 <= box[1] and box[3] <= top + height + 1, box
    for i, a in enumerate(callouts):
        assert all(_overlap(a, b) == 0 for b in callouts[i + 1 :]), i


def test_svg_carries_each_stops_callout_quote_and_its_source(journey):
    words = _svg_words(draw.render_map(journey, "svg").decode("utf-8"))
    for stop in journey.route.stops:
        mention = callouts.stop_mention(journey, stop)
        assert mention is not None
        assert f"{mention.source}:" in words
        excerpt = callouts.quote_excerpt(mention).strip("…")
        assert " ".join(excerpt.split()[:4]) in words
    assert "Japanese media:" in words and "Khasan" in words


def test_a_quote_excerpt_keeps_the_place_and_drops_the_attribution(journey):
    khasan = next(s for s in journey.route.stops if s.place.id == "khasan")
    mention = callouts.stop_mention(journey, khasan)
    excerpt = callouts.quote_excerpt(mention)
    assert "Khasan" in excerpt
    assert not excerpt.startswith("Japanese media")
    assert len(excerpt) <= callouts.QUOTE_CHARS + 2
    sentence = " ".join(mention.quote.split())
    for part in excerpt.split("…"):  # every piece is the report's own words
        assert part.strip() in sentence
    assert excerpt.startswith("security was being stepped up")  # what happened, then where


def test_credit_names_each_attributed_source_the_data_and_the_byline(journey):
    bylined = replace(journey, settings=replace(journey.settings, byline="Maps desk"))
    words = _svg_words(draw.render_map(bylined, "svg").decode("utf-8"))
    sources = {m.source for lp in journey.places for m in lp.mentions if m.source}
    assert len(sources) > 4
    for source in sources:
        assert " ".join(source.split()) in words, source
    for credit in ("OpenStreetMap", "GeoNames", "GSHHG", "Graphic: Maps desk"):
        assert credit in words
    assert "Graphic:" not in _svg_words(draw.render_map(journey, "svg").decode("utf-8"))


def test_country_and_sea_names_in_view_are_printed(journey):
    words = _svg_words(draw.render_map(journey, "svg").decode("utf-8"))
    assert "Sea of Japan (East Sea)" in words
    assert "C H I N A" in words
    assert "N O R T H K O R E A" in words  # named by the reports: printed once
    assert words.count("N O R T H K O R E A") == 1


def test_the_map_has_a_locator_inset_outlining_the_main_view(journey):
    svg = draw.render_map(journey, "svg").decode("utf-8")
    assert 'id="axes_2"' in svg  # the inset's own axes
    inset = svg[svg.index('id="axes_2"') :]
    assert style.INSET_FRAME_COLOUR.lower() in inset.lower()


@pytest.mark.parametrize(("choice", "shaded"), [("journey", False), ("all", True), ("none", False)])
def test_areas_are_shaded_only_when_they_matter_unless_asked(journey, choice, shaded):
    # The fixture's Russian Far East is only context: not shaded by default, only with "all".
    chosen = replace(journey, settings=replace(journey.settings, shade_areas=choice))
    svg = draw.render_map(chosen, "svg").decode("utf-8").lower()
    assert (style.AREA_FILL.lower() in svg) is shaded
    assert "Russian Far East" in _svg_words(draw.render_map(chosen, "svg").decode("utf-8"))


def test_an_area_named_as_destination_is_shaded(journey):
    places = tuple(
        replace(lp, role=Role.DESTINATION) if lp.place.id == "russian-far-east" else lp
        for lp in journey.places
    )
    svg = draw.render_map(replace(journey, places=places), "svg").decode("utf-8").lower()
    assert style.AREA_FILL.lower() in svg


def test_a_shared_marker_says_which_stops_it_stands_for():
    assert places.number_text((3,)) == "3"
    assert places.number_text((2, 3, 4)) == "2–4"
    assert places.number_text((2, 5)) == "2, 5"
    assert places.number_text((12, 14, 19, 30, 31)) == "12+4"  # the stop key lists them all
