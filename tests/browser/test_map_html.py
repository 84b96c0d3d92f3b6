"""map.html opened from disk in headless Chromium with every network request blocked.

Uses the shared ``page`` fixture of ``tests/browser/conftest.py`` (Debian's Chromium through
Playwright, dialogs recorded in ``page.dialogs``); under ``CI=true`` a Chromium that cannot
start fails these tests, it never skips them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, Route, expect

from routes.model import Journey
from routes.pipeline import build
from routes.publish import style
from routes.publish.web.render import map_html
from routes.publish.web.text import slug
from routes.read.reports import load_paths, sentence_spans
from tests.journey_fixture import (
    BUNDLED_REPORT,
    KHASAN_SENTENCE_START,
    PACIFIC,
    XSS_IMG,
    XSS_SCRIPT,
    fixture_journey,
    hand_made_journey,
    with_stop_added_by_hand,
)

#: Hosts the tiled basemaps load from: the only requests a map may make, and only for tiles.
TILE_HOSTS = ("tile.openstreetmap.org", "basemaps.cartocdn.com")


@pytest.fixture(scope="module")
def journey() -> Journey:
    """The fixture journey of the bundled report plus the hostile report."""
    return fixture_journey()


@pytest.fixture(scope="module")
def map_file(journey: Journey, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """map.html of the fixture journey on the OpenStreetMap basemap, written to disk."""
    path = tmp_path_factory.mktemp("map") / "map.html"
    path.write_text(map_html(journey), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def bundled_map(tmp_path_factory: pytest.TempPathFactory) -> tuple[Journey, Path]:
    """The bundled report run through the whole pipeline, and its map.html on disk."""
    loaded = load_paths([BUNDLED_REPORT])
    assert loaded.reports, loaded.problems
    journey = build(loaded.reports)
    path = tmp_path_factory.mktemp("bundled") / "map.html"
    path.write_text(map_html(journey), encoding="utf-8")
    return journey, path


def open_offline(page: Page, path: Path) -> list[tuple[str, str]]:
    """Open ``path`` with every non-file request aborted; returns (resource type, url) tried."""
    blocked: list[tuple[str, str]] = []

    def handle(route: Route) -> None:
        request = route.request
        if request.url.startswith("file://"):
            route.continue_()
        else:
            blocked.append((request.resource_type, request.url))
            route.abort()

    page.route("**/*", handle)
    page.goto(path.as_uri())
    page.wait_for_selector(".rr-stop-icon", state="visible")
    return blocked


def test_map_draws_stops_route_and_outlines_with_no_network(
    page: Page, map_file: Path, journey: Journey, artifacts_dir: Path
) -> None:
    blocked = open_offline(page, map_file)
    assert page.locator(".leaflet-marker-icon.rr-stop-icon").count() == len(journey.route.stops)
    for stop in journey.route.stops:
        marker = page.locator(f".rr-stop-icon.rr-place-{stop.place.id}")
        assert marker.inner_text().strip() == str(stop.order)
        assert marker.is_visible()
    rail = page.locator("path.rr-rail")
    assert rail.count() == 3
    box = rail.first.bounding_box()
    assert box is not None and box["width"] > 50 and box["height"] > 50
    assert page.locator(".leaflet-rr-base-pane path").count() > 10  # coast and borders
    assert page.locator(".rr-title").inner_text().startswith(journey.title[:20])
    assert "key" in page.locator(".rr-legend").inner_text().lower()
    # Leaflet, plugins and styles are inlined: the only requests tried are map tiles.
    assert blocked, "the osm basemap asks for tiles"
    assert all(kind == "image" and any(h in url for h in TILE_HOSTS) for kind, url in blocked)
    page.screenshot(path=str(artifacts_dir / "map-fixture.png"))


def test_bundled_report_khasan_marker_shows_the_japanese_media_sentence(
    page: Page, bundled_map: tuple[Journey, Path], artifacts_dir: Path
) -> None:
    journey, path = bundled_map
    report = journey.reports[0]
    sentence = next(
        report.text[start:end]
        for start, end in sentence_spans(report.text)
        if report.text[start:end].startswith(KHASAN_SENTENCE_START)
    )
    open_offline(page, path)
    assert page.locator(".leaflet-marker-icon.rr-stop-icon").count() == len(journey.route.stops)
    popup = _one_popup(page, "khasan")
    assert " ".join(sentence.split()) in " ".join(popup.inner_text().split())
    assert "Khasan" in popup.locator("mark").all_inner_texts()
    assert "Japanese media" in popup.inner_text()
    page.screenshot(path=str(artifacts_dir / "map-bundled-khasan.png"))


def test_hostile_report_runs_nothing_and_shows_its_text(
    page: Page, map_file: Path, artifacts_dir: Path
) -> None:
    open_offline(page, map_file)
    popup = _one_popup(page, "vladivostok")
    popup.locator("li").last.scroll_into_view_if_needed()
    text = popup.inner_text()
    assert XSS_SCRIPT in text and XSS_IMG in text
    page.locator(".leaflet-control-layers").hover()  # report names are in the layer menu
    assert XSS_SCRIPT in page.locator(".leaflet-control-layers-overlays").inner_text()
    _images_settled(page)
    assert page.dialogs == []  # type: ignore[attr-defined]
    assert page.locator("[onerror]").count() == 0  # no injected element exists at all
    assert page.locator(".folium-map script, .folium-map img[src='x']").count() == 0
    page.screenshot(path=str(artifacts_dir / "map-xss-popup.png"))


def test_offline_basemap_makes_no_request_at_all(
    page: Page, journey: Journey, tmp_path: Path, artifacts_dir: Path
) -> None:
    path = tmp_path / "map-offline.html"
    path.write_text(map_html(journey, basemap="offline"), encoding="utf-8")
    blocked = open_offline(page, path)
    assert blocked == []
    assert page.locator(".leaflet-marker-icon.rr-stop-icon").count() == len(journey.route.stops)
    assert page.locator(".leaflet-control-minimap").is_visible()
    page.screenshot(path=str(artifacts_dir / "map-offline.png"))


def test_a_journey_across_the_antimeridian_is_drawn_in_one_piece_over_the_ocean(
    page: Page, tmp_path: Path, artifacts_dir: Path
) -> None:
    journey = hand_made_journey(PACIFIC)
    path = tmp_path / "map-pacific.html"
    path.write_text(map_html(journey, basemap="offline"), encoding="utf-8")
    open_offline(page, path)
    view = page.viewport_size
    assert view is not None
    xs = []
    for stop in journey.route.stops:
        box = page.locator(f".rr-stop-icon.rr-place-{slug(stop.place.id)}").bounding_box()
        assert box is not None
        assert 0 <= box["x"] <= view["width"] and 0 <= box["y"] <= view["height"]
        xs.append(box["x"])
    # west to east across the ocean, the stops spread over the map, not bunched at its ends
    assert xs == sorted(xs) and xs[-1] - xs[0] > view["width"] / 2
    for line in page.locator("path.rr-no-rail").all():
        box = line.bounding_box()
        assert box is not None and box["width"] < view["width"] / 2  # no leg around the world
    assert page.locator(".leaflet-rr-base-pane path").count() > 10  # coasts on both sides
    page.screenshot(path=str(artifacts_dir / "map-pacific.png"))


def test_a_stop_added_by_hand_is_ringed_and_keyed_in_the_browser(
    page: Page, journey: Journey, tmp_path: Path, artifacts_dir: Path
) -> None:
    path = tmp_path / "map-added.html"
    path.write_text(map_html(with_stop_added_by_hand(journey, "khasan")), encoding="utf-8")
    open_offline(page, path)
    ringed = page.locator(".rr-stop-icon.rr-place-khasan .rr-stop.rr-added")
    expect(ringed).to_have_count(1)
    assert ringed.evaluate("e => getComputedStyle(e).outlineStyle") == "dashed"
    plain = page.locator(".rr-stop-icon.rr-place-vladivostok .rr-stop")
    assert plain.evaluate("e => getComputedStyle(e).outlineStyle") == "none"
    assert style.ADDED_BY_HAND in page.locator(".rr-legend").inner_text()
    assert style.ADDED_BY_HAND_NOTE in _one_popup(page, "khasan").inner_text()
    page.screenshot(path=str(artifacts_dir / "map-added-by-hand.png"))


def _images_settled(page: Page) -> None:
    """Wait until every image has loaded or failed: an injected onerror would have run."""
    page.wait_for_function("() => Array.from(document.images).every((i) => i.complete)")


def _one_popup(page: Page, place_id: str) -> Locator:
    """Click the stop marker of ``place_id`` once no popup is open; returns its one popup.

    Leaflet keeps a closed popup in the page for its 200 ms fade-out, so the wait for none
    comes first and the popup shown is then the only one.
    """
    expect(page.locator(".leaflet-popup")).to_have_count(0)
    page.locator(f".rr-stop-icon.rr-place-{place_id}").click()
    popup = page.locator(".leaflet-popup-content")
    expect(popup).to_have_count(1)
    expect(popup).to_be_visible()
    return popup


#: Every popup a map shows on opening, by the class naming its layer, as the browser holds it.
#: Each is read from its own popup element: a popup just closed stays in the page while it
#: fades out, so the first ``.leaflet-popup-content`` of the document may be another one.
POPUPS_JS = """() => {
  const map = Object.values(window).find((v) => v instanceof L.Map);
  const layers = [];
  map.eachLayer((layer) => layers.push(layer));
  const found = {};
  layers.forEach((layer) => {
    if (!layer.getPopup || !layer.getPopup()) return;
    const key = layer.options.icon ? layer.options.icon.options.className : layer.options.className;
    layer.openPopup();
    found[key] = layer.getPopup().getElement().querySelector(".leaflet-popup-content").innerHTML;
    layer.closePopup();
  });
  return found;
}"""


def test_each_marker_opens_the_popup_of_its_own_place(
    page: Page, journey: Journey, map_file: Path
) -> None:
    open_offline(page, map_file)
    shown = page.evaluate(POPUPS_JS)
    places = [s.place.id for s in journey.route.stops] + ["north-korea"]
    assert all(any(f"rr-place-{place}" in key for key in shown) for place in places)
    for stop in journey.route.stops:  # each marker's own popup, not another one's
        name = f'<div class="rr-name">{stop.place.name}</div>'
        own = [html for key, html in shown.items() if f"rr-place-{stop.place.id} " in f"{key} "]
        assert own and all(name in html for html in own)
    _images_settled(page)
    assert page.dialogs == []  # type: ignore[attr-defined]
    assert page.locator("[onerror]").count() == 0


#: Boxes of the name labels shown (not hidden for a clash), by the place id of their marker.
_SHOWN_LABELS_JS = """() => Array.from(document.querySelectorAll(".leaflet-tooltip.rr-label"))
  .filter((label) => getComputedStyle(label).visibility !== "hidden")
  .map((label) => { const b = label.getBoundingClientRect();
                    return [label.textContent, b.left, b.top, b.right, b.bottom]; })"""


def _labels_placed(page: Page, tmp_path: Path, text: str) -> tuple[Journey, list]:
    """The journey of one report ``text`` and the boxes of the name labels its map.html
    shows once they are placed (:data:`_SHOWN_LABELS_JS`), opened offline in ``page``."""
    from datetime import date

    from routes.read.reports import report_from_text

    report = report_from_text(text, source="Wire", published=date(2024, 5, 6), report_id="r")
    journey = build([report])
    path = tmp_path / "map.html"
    path.write_text(map_html(journey), encoding="utf-8")
    open_offline(page, path)
    page.wait_for_function("() => Number(document.querySelector('.folium-map')"
                           ".dataset.labelsPlaced || 0) > 0")  # fmt: skip
    return journey, page.evaluate(_SHOWN_LABELS_JS)


def test_overlapping_name_labels_keep_the_journeys_ends_and_never_cover_each_other(
    page: Page, tmp_path: Path
) -> None:
    journey, shown = _labels_placed(
        page, tmp_path,
        "The train left Pyongyang on Monday, stopped in Sinuiju and crossed into China at "
        "Dandong, then went on to Shenyang and Beijing.",
    )  # fmt: skip
    names = {text for text, *_ in shown}
    assert {"Pyongyang", "Beijing"} <= names  # the ends of the journey stay named
    assert len(shown) < len(journey.route.stops)  # Sinuiju and Dandong cannot both be named
    for i, (_, left, top, right, bottom) in enumerate(shown):
        for _, other_left, other_top, other_right, other_bottom in shown[i + 1 :]:
            apart = right <= other_left or other_right <= left
            assert apart or bottom <= other_top or other_bottom <= top


def test_a_name_label_at_the_maps_right_edge_stays_whole_on_a_phone(
    page: Page, tmp_path: Path
) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    _, shown = _labels_placed(
        page, tmp_path,
        "The special train left Khabarovsk on Friday, halted in Birobidzhan and Belogorsk, "
        "reached Chita and returned to Khabarovsk on Tuesday.",
    )  # fmt: skip
    frame = page.locator(".folium-map").bounding_box()
    assert frame is not None
    # The eastmost place, where the journey begins and ends, is named whole ("… (1, 5)").
    assert any(text.startswith("Khabarovsk (1,") for text, *_ in shown)
    for text, left, _, right, _ in shown:
        assert frame["x"] <= left and right <= frame["x"] + frame["width"], text
