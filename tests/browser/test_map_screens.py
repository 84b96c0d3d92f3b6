"""map.html on a desktop, a phone and in a small embed, in headless Chromium, offline.

Each test runs at 1440×900, at 390×844 (a phone) and inside a 680×420 iframe written by
``embed_snippet``: the key can be reached, the title covers no marker, a popup fits the
screen, Escape closes it, story mode steps through every stop, and the hostile report's
text shows as text with no dialog.  Every wait is on a condition in the page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Frame, Locator, Page, Route, expect

from routes.model import Journey, Stop
from routes.publish.web import embed_snippet
from routes.publish.web.render import map_html
from tests.journey_fixture import XSS_IMG, XSS_SCRIPT, fixture_journey

#: (name, browser viewport, size of the iframe holding the map or None for the page itself)
VIEWS = {
    "desktop": ((1440, 900), None),
    "phone": ((390, 844), None),
    "embed": ((1000, 700), (680, 420)),
}
_KEY = re.compile("key", re.IGNORECASE)


@dataclass
class View:
    """The map as one screen shows it: the page, the frame the map is in, its visible box."""

    page: Page
    frame: Frame
    box: dict[str, float]
    narrow: bool

    def wait_inside(self, selector: str) -> None:
        """Wait until the element of ``selector`` lies wholly in the frame's viewport."""
        self.frame.wait_for_function(INSIDE_JS, arg=selector)


#: Whether the element of a selector lies wholly in the viewport (1 px of rounding allowed).
INSIDE_JS = """(selector) => {
  const element = document.querySelector(selector);
  if (!element) return false;
  const box = element.getBoundingClientRect();
  return box.width > 0 && box.left >= -1 && box.top >= -1
    && box.right <= innerWidth + 1 && box.bottom <= innerHeight + 1;
}"""
#: Whether nothing covers any corner of the element of a selector (the credits, the scale).
UNCOVERED_JS = """(selector) => {
  const element = document.querySelector(selector);
  const box = element.getBoundingClientRect();
  return [[box.left + 2, box.top + 2], [box.right - 2, box.top + 2],
          [box.left + 2, box.bottom - 2], [box.right - 2, box.bottom - 2]]
    .every(([x, y]) => element.contains(document.elementFromPoint(x, y)));
}"""
#: Whether exactly one popup is open and it is the one of the named place.
ONLY_POPUP_JS = """(name) => {
  const popups = document.querySelectorAll(".leaflet-popup");
  return popups.length === 1 && popups[0].querySelector(".rr-name").textContent === name;
}"""
#: Whether a marker sits wholly above the bottom sheet.
ABOVE_SHEET_JS = """(selector) => {
  const marker = document.querySelector(selector);
  const sheet = document.querySelector(".leaflet-popup.rr-sheet");
  return Boolean(marker && sheet)
    && marker.getBoundingClientRect().bottom <= sheet.getBoundingClientRect().top;
}"""


@pytest.fixture(scope="module")
def journey() -> Journey:
    """The fixture journey with the hostile report."""
    return fixture_journey()


@pytest.fixture(scope="module")
def site(journey: Journey, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """map.html (offline basemap) and an article embedding it with the snippet."""
    folder = tmp_path_factory.mktemp("site")
    (folder / "map.html").write_text(map_html(journey, basemap="offline"), encoding="utf-8")
    snippet = embed_snippet("map.html", title=journey.title, width="680", height=420)
    article = f"<!DOCTYPE html><html><body style='margin:0'><p>Story.</p>{snippet}</body></html>"
    (folder / "article.html").write_text(article, encoding="utf-8")
    return folder


@pytest.fixture(params=list(VIEWS))
def view(request: pytest.FixtureRequest, browser: Browser, site: Path) -> Iterator[View]:
    """The map opened offline in one of :data:`VIEWS`; dialogs recorded, then checked none."""
    (width, height), frame_size = VIEWS[request.param]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.route("**/*", _offline)
    if frame_size is None:
        page.goto((site / "map.html").as_uri())
        frame = page.main_frame
        box = {"x": 0.0, "y": 0.0, "width": float(width), "height": float(height)}
    else:
        page.goto((site / "article.html").as_uri())
        iframe = page.locator("iframe")
        expect(iframe).to_have_attribute("height", str(frame_size[1]))
        frame = iframe.element_handle().content_frame()
        assert frame is not None
        box = iframe.bounding_box()
    frame.wait_for_selector(".rr-stop-icon", state="visible")
    narrow = box["width"] <= 700 or box["height"] <= 500
    yield View(page, frame, box, narrow)
    assert dialogs == []
    assert frame.locator("[onerror], .folium-map script").count() == 0
    context.close()


def _offline(route: Route) -> None:
    """Let file: requests through, abort everything else."""
    if route.request.url.startswith("file://"):
        route.continue_()
    else:
        route.abort()


def test_the_key_can_be_reached_on_every_screen(view: View) -> None:
    body = view.frame.locator(".rr-key-body")
    button = view.frame.get_by_role("button", name=_KEY)
    if not view.narrow:
        expect(body).to_be_visible()
        expect(button).to_be_hidden()
        view.wait_inside(".rr-key-body")
        return
    expect(body).to_be_hidden()
    expect(button).to_be_visible()
    view.wait_inside(".rr-key-toggle")
    assert view.frame.evaluate(UNCOVERED_JS, ".rr-key-toggle"), "the key's button is covered"
    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(body).to_be_visible()
    expect(body).to_contain_text("Border crossing")
    view.wait_inside(".rr-legend")
    button.click()
    expect(body).to_be_hidden()


def test_the_title_covers_no_marker_and_sits_above_the_map_when_narrow(
    view: View, journey: Journey
) -> None:
    title = view.frame.locator(".rr-title")
    expect(title).to_contain_text(journey.title[:30])
    box = title.bounding_box()
    assert box is not None
    markers = view.frame.locator(".rr-stop-icon")
    expect(markers).to_have_count(len(journey.route.stops))
    for number in range(markers.count()):
        marker = markers.nth(number).bounding_box()
        assert marker is not None and not _overlap(box, marker)
    if view.narrow:
        map_box = view.frame.locator(".folium-map").bounding_box()
        assert map_box is not None and map_box["y"] >= box["y"] + box["height"] - 1
        expect(view.frame.locator(".leaflet-control-minimap")).to_be_hidden()
    else:
        expect(view.frame.locator(".leaflet-control-minimap")).to_be_visible()
    scale = view.frame.locator(".leaflet-control-scale").bounding_box()
    credits = view.frame.locator(".leaflet-control-attribution").bounding_box()
    assert scale is not None and credits is not None and not _overlap(scale, credits)


def test_each_popup_fits_the_screen_and_escape_closes_it(view: View, journey: Journey) -> None:
    for stop in journey.route.stops:
        popup = _open_popup(view, stop.place.id)
        expect(popup.locator(".rr-name")).to_have_text(stop.place.name)
        view.wait_inside(".leaflet-popup-content-wrapper")
        if stop.place.id == "vladivostok":  # the hostile report's sentence, as text
            text = popup.inner_text()
            assert XSS_SCRIPT in text and XSS_IMG in text
        view.frame.locator(".folium-map").focus()
        view.page.keyboard.press("Escape")
        expect(view.frame.locator(".leaflet-popup")).to_have_count(0)


def test_story_mode_steps_through_every_stop_by_buttons_and_arrow_keys(
    view: View, journey: Journey
) -> None:
    stops = journey.route.stops
    story = view.frame.locator(".rr-story")
    expect(story).to_be_visible()
    following = view.frame.get_by_role("button", name="Next stop")
    for stop in stops:
        following.click()
        _expect_story_at(view, stop, len(stops))
    expect(following).to_be_disabled()
    view.frame.locator(".folium-map").focus()
    for stop in reversed(stops[:-1]):
        view.page.keyboard.press("ArrowLeft")
        _expect_story_at(view, stop, len(stops))
    for stop in stops[1:]:
        view.page.keyboard.press("ArrowRight")
        _expect_story_at(view, stop, len(stops))


def _expect_story_at(view: View, stop: Stop, total: int) -> None:
    """Story mode shows ``stop``: label, its popup open and its marker on screen."""
    order, name = stop.order, stop.place.name
    container = view.frame.locator(".folium-map")
    expect(container).to_have_attribute("data-story-stop", str(order))
    expect(view.frame.locator(".rr-story-label")).to_have_text(f"Stop {order} of {total} · {name}")
    # only this stop's popup: the one before fades out for 200 ms after the step
    view.frame.wait_for_function(ONLY_POPUP_JS, arg=name)
    view.wait_inside(".leaflet-popup-content-wrapper")
    marker = f".rr-stop-icon.rr-place-{stop.place.id}"
    view.wait_inside(marker)
    if view.narrow:  # the stop stays in sight above the sheet
        view.frame.wait_for_function(ABOVE_SHEET_JS, arg=marker)
    else:
        expect(view.frame.locator(".leaflet-popup.rr-sheet")).to_have_count(0)


def _open_popup(view: View, place_id: str) -> Locator:
    """Click the stop marker of ``place_id`` once no popup is open; returns the one popup."""
    expect(view.frame.locator(".leaflet-popup")).to_have_count(0)
    view.frame.locator(f".rr-stop-icon.rr-place-{place_id}").click()
    popup = view.frame.locator(".leaflet-popup-content")
    expect(popup).to_have_count(1)
    expect(popup).to_be_visible()
    return popup


def _overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    """Whether two boxes share any area."""
    return (
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    )
