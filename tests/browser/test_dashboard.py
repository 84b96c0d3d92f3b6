"""The dashboard end to end in Debian's Chromium: map, card, uploads, corrections, downloads."""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, FrameLocator, Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from routes.dashboard.mapview import HIGHLIGHT_CLASS
from routes.publish import style
from tests.browser.docs_images import readme_image

#: streamlit-folium draws the map in a component frame with this title.
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
#: The map's height in the dashboard (app.MAP_HEIGHT).
MAP_HEIGHT_PX = 560
#: Tiles of the main map (the minimap in its corner has tiles of its own).
MAIN_TILES = "#map_div > .leaflet-map-pane img.leaflet-tile"
#: Generous waits: the first run of a fresh server loads the gazetteer and the network.
FIRST_RUN_MS = 90_000
STEP_MS = 30_000
#: How long one attempt to open a select box's list waits for its options.
OPEN_LIST_MS = 3_000
SUMMARY = re.compile(r"(\d+) stops? · ([\d,]+) rail km")
JAPANESE_MEDIA = "Japanese media reported security was being stepped up"
SECOND_REPORT = b"""---
title: Kim's train arrives in Vladivostok
source: test wire
published: 2023-09-16
---
Kim Jong Un's armoured train crossed into Russia at Khasan and stopped in Ussuriysk on
Wednesday before it arrived in Vladivostok, Russian state media reported.
"""
HOSTILE_TEXT = (
    "Witnesses said <script>alert(1)</script> the train reached Vladivostok "
    "<img src=x onerror=alert(2)> at dawn."
)


#: The number of the last finished run: app.py draws a marker numbering them, last of all.
FINISHED_RUNS_JS = """(marks) => Math.max(0, ...marks.map((mark) => Number(mark.dataset.run)))"""
#: True once a run numbered above ``after`` has finished and no other is going: no status
#: widget, and no element left stale by the run (Streamlit keeps the previous run's elements,
#: marked ``data-stale``, until the script-finished message, so a map whose place in the page
#: moved shows twice until then).
FINISHED_AFTER_JS = """(after) => {
  const marks = document.querySelectorAll(".rr-run-finished");
  const last = Math.max(0, ...Array.from(marks, (mark) => Number(mark.dataset.run)));
  return last > after && !document.querySelector('[data-testid="stStatusWidget"]')
    && !document.querySelector('[data-testid="stElementContainer"][data-stale="true"]');
}"""
#: The id of a cell of a data grid (its accessible table): column, in the row whose ``key``
#: column holds ``value``.
GRID_CELL_JS = """(element, [column, key, value]) => {
  for (const table of element.querySelectorAll("table[role=grid]")) {
    const heads = Array.from(table.querySelectorAll("th"), (th) => th.textContent);
    const col = heads.indexOf(column) + 1, keyCol = heads.indexOf(key) + 1;
    for (const row of table.querySelectorAll("tbody tr")) {
      const cell = row.querySelector(`td[aria-colindex="${keyCol}"]`);
      if (col && cell && cell.textContent === value) {
        return row.querySelector(`td[aria-colindex="${col}"]`).id;
      }
    }
  }
  return null;
}"""


def _finished_runs(page: Page) -> int:
    """How many runs of this page's session have drawn the whole page."""
    return page.locator(".rr-run-finished").evaluate_all(FINISHED_RUNS_JS)


def _wait_finished(page: Page, after: int, timeout_ms: float = STEP_MS * 3) -> None:
    """Wait until a run numbered above ``after`` has drawn the whole page, none running."""
    page.wait_for_function(FINISHED_AFTER_JS, arg=after, timeout=timeout_ms)


@contextmanager
def _rerun(page: Page) -> Iterator[None]:
    """Around an action that reruns the script: wait until that run has finished drawing."""
    before = _finished_runs(page)
    yield
    _wait_finished(page, before)


def _click_marker(page: Page, frame: FrameLocator, place: str) -> None:
    """Click the marker of ``place`` (its slug) once the map stands still, and wait for the
    run the click starts to finish.

    After a pick the map flies to the selection: a marker clicked while it moves is missed
    (the click lands where it was). The marker's box is read until two reads 250 ms apart
    agree; a click still met by no run within :data:`STEP_MS` (the map's own view report can
    redraw it right then) is made once more.
    """
    marker = frame.locator(f".rr-place-{place}")
    for attempt in range(2):
        _wait_still(page, marker)
        before = _finished_runs(page)
        marker.click()
        try:
            _wait_finished(page, before, timeout_ms=STEP_MS)
            return
        except PlaywrightTimeoutError:
            if attempt:
                raise


def _wait_still(page: Page, locator: Locator, timeout_ms: float = STEP_MS) -> None:
    """Wait until ``locator``'s box is the same in two reads 250 ms apart."""
    deadline = time.monotonic() + timeout_ms / 1000
    last = locator.bounding_box()
    while time.monotonic() < deadline:
        page.wait_for_timeout(250)
        box = locator.bounding_box()
        if box is not None and box == last:
            return
        last = box
    raise AssertionError(f"{locator} kept moving for {timeout_ms / 1000:.0f} s")


def _offline(page: Page) -> None:
    """Abort every request that is not to the local dashboard (map tiles): no network."""
    page.route(re.compile(r"^https?://(?!127\.0\.0\.1[:/])"), lambda route: route.abort())


def _open(page: Page, url: str) -> FrameLocator:
    """Load the dashboard, wait for its first run and the stop markers; returns the map frame."""
    _offline(page)
    page.goto(url, wait_until="domcontentloaded")
    _wait_finished(page, 0, timeout_ms=FIRST_RUN_MS)
    expect(page.get_by_role("heading", name="Reported Routes")).to_be_visible()
    frame = page.frame_locator(MAP_FRAME)
    expect(frame.locator(".rr-stop-icon").first).to_be_visible(timeout=FIRST_RUN_MS)
    # The map's frame takes its full height once drawn; until then everything below it moves.
    page.wait_for_function(
        "([sel, h]) => document.querySelector(sel)?.getBoundingClientRect().height >= h",
        arg=[MAP_FRAME, MAP_HEIGHT_PX],
        timeout=STEP_MS,
    )
    return frame


def _summary_with(page: Page, stops: int) -> re.Match[str]:
    """The summary's numbers, once it shows ``stops`` stops."""
    expect(page.get_by_text(re.compile(rf"(?<!\d){stops} stops? · ")).first).to_be_visible(
        timeout=STEP_MS
    )
    return _summary(page)


def _summary_is(page: Page, numbers: str) -> None:
    """Wait until the summary shows ``numbers`` (its "3 stops · 1,152 rail km" part)."""
    expect(page.get_by_text(SUMMARY).first).to_contain_text(numbers, timeout=STEP_MS)


def _summary(page: Page) -> re.Match[str]:
    """The numbers of the one-line summary."""
    text = page.get_by_text(SUMMARY).first.inner_text()
    match = SUMMARY.search(text)
    assert match, text
    return match


def _pick(page: Page, label: str, option: str | re.Pattern[str]) -> None:
    """Choose ``option`` in the select box labelled ``label``."""
    _open_list(page, label)
    with _rerun(page):
        page.get_by_role("option", name=option).first.click()


def _open_list(page: Page, label: str) -> None:
    """Open the option list of the select box ``label`` from the keyboard.

    Focus and a key press do not depend on where the box stands, so a layout still
    settling (the map's frame growing above it on a phone) cannot make them miss.
    A rerun the map starts once it has loaded (it reports its view) can redraw the box
    between the focus and the key and swallow the key: then the list is opened again,
    until it shows or :data:`STEP_MS` has passed.
    """
    box = page.get_by_test_id("stSelectbox").filter(has_text=label).first
    options = page.get_by_role("option").first
    deadline = time.monotonic() + STEP_MS / 1000
    while True:
        box.get_by_role("combobox").focus()
        page.keyboard.press("ArrowDown")
        try:
            expect(options).to_be_visible(timeout=OPEN_LIST_MS)
            return
        except AssertionError:
            if time.monotonic() > deadline:
                raise


def _options(page: Page, label: str) -> list[str]:
    """The option texts of the select box labelled ``label`` (the list is closed again)."""
    _open_list(page, label)
    texts = page.get_by_role("option").all_inner_texts()
    page.keyboard.press("Escape")
    return texts


def _scale(frame: FrameLocator) -> str:
    """The map's scale bar text (e.g. "30 km"): it changes with the zoom level."""
    return frame.locator(".leaflet-control-scale-line").first.inner_text()


def _zoom_in(frame: FrameLocator) -> str:
    """Zoom the map in once; returns the scale bar's new text."""
    before = _scale(frame)
    frame.locator(".leaflet-control-zoom-in").click()
    expect(frame.locator(".leaflet-control-scale-line").first).not_to_have_text(
        before, timeout=STEP_MS
    )
    return _scale(frame)


def _click_button(page: Page, name: str) -> None:
    """Click the dashboard button ``name`` and wait for the run it starts."""
    with _rerun(page):
        page.get_by_role("button", name=name, exact=True).click()


def _ring_near_the_centre(page: Page) -> None:
    """The selected place's ring is on the map, within 40 px of the map's centre."""
    frame = page.frame_locator(MAP_FRAME)
    ring = frame.locator(f"path.{HIGHLIGHT_CLASS}")
    expect(ring).to_have_count(1, timeout=STEP_MS)
    page.wait_for_function(
        """([frameSel, cls]) => {
          const doc = document.querySelector(frameSel).contentDocument;
          const ring = doc.querySelector("path." + cls);
          const map = doc.querySelector(".leaflet-container");
          if (!ring || !map) { return false; }
          const r = ring.getBoundingClientRect(), m = map.getBoundingClientRect();
          return Math.abs(r.x + r.width / 2 - (m.x + m.width / 2)) < 40
            && Math.abs(r.y + r.height / 2 - (m.y + m.height / 2)) < 40;
        }""",
        arg=[MAP_FRAME, HIGHLIGHT_CLASS],
        timeout=STEP_MS,
    )


def _ring_on(page: Page, place: str) -> None:
    """The selection ring is drawn around the marker of ``place`` (its slug)."""
    page.wait_for_function(
        """([frameSel, cls, place]) => {
          const doc = document.querySelector(frameSel).contentDocument;
          const ring = doc.querySelector("path." + cls);
          const marker = doc.querySelector(".leaflet-marker-icon.rr-place-" + place);
          if (!ring || !marker) { return false; }
          const r = ring.getBoundingClientRect(), m = marker.getBoundingClientRect();
          return Math.abs(r.x + r.width / 2 - (m.x + m.width / 2)) < 20
            && Math.abs(r.y + r.height / 2 - (m.y + m.height / 2)) < 20;
        }""",
        arg=[MAP_FRAME, HIGHLIGHT_CLASS, place],
        timeout=STEP_MS,
    )


def _rgb(colour: str) -> str:
    """A ``#RRGGBB`` colour as the browser's computed style writes it."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({red}, {green}, {blue})"


def _no_exception(page: Page) -> None:
    assert page.get_by_test_id("stException").count() == 0
    assert page.dialogs == []  # type: ignore[attr-defined]


def test_the_first_screen_shows_the_map_with_every_stop(
    page: Page, dashboard_url: str, artifacts_dir: Path
) -> None:
    _open(page, dashboard_url)  # warm: a fresh server loads the gazetteer once
    started = time.monotonic()
    frame = _open(page, dashboard_url)
    seconds = time.monotonic() - started
    stops = int(_summary(page).group(1))
    assert stops >= 2
    expect(frame.locator(".rr-stop-icon")).to_have_count(stops)
    expect(frame.locator(".rr-place-khasan")).to_be_visible()
    _no_exception(page)
    # Offline (no tiles), the sea behind the shipped outlines is the export's, not Leaflet's grey.
    expect(frame.locator("#map_div")).to_have_css("background-color", _rgb(style.SEA_COLOUR))
    # A calm screenshot: every image of the map (tiles aborted offline) has loaded or failed.
    map_frame = page.locator(MAP_FRAME).element_handle().content_frame()
    assert map_frame is not None
    map_frame.wait_for_function("() => Array.from(document.images).every((i) => i.complete)")
    shot = artifacts_dir / "dashboard-first-screen.png"
    page.screenshot(path=str(shot))
    (artifacts_dir / "dashboard-first-screen-seconds.txt").write_text(f"{seconds:.2f}\n")
    shutil.copyfile(shot, readme_image("dashboard.png"))


def test_clicking_the_khasan_marker_shows_the_japanese_media_sentence(
    page: Page, dashboard_url: str, artifacts_dir: Path
) -> None:
    frame = _open(page, dashboard_url)
    _click_marker(page, frame, "khasan")
    expect(page.get_by_text(JAPANESE_MEDIA)).to_be_visible(timeout=STEP_MS)
    expect(page.locator("mark", has_text="Khasan").first).to_be_visible()
    _no_exception(page)
    page.screenshot(path=str(artifacts_dir / "dashboard-selected-place.png"))


def test_uploading_a_second_report_adds_its_places(page: Page, dashboard_url: str) -> None:
    _open(page, dashboard_url)
    assert not any("Ussuriysk" in option for option in _options(page, "Place"))
    uploader = page.get_by_test_id("stFileUploaderDropzoneInput").first
    with _rerun(page):
        uploader.set_input_files(
            files=[{"name": "second.md", "mimeType": "text/markdown", "buffer": SECOND_REPORT}]
        )
    expect(page.get_by_text(re.compile(r"· 2 reports ·"))).to_be_visible(timeout=STEP_MS)
    assert any("Ussuriysk" in option for option in _options(page, "Place"))
    _no_exception(page)


def test_excluding_a_stop_changes_the_rail_km_in_the_summary(
    page: Page, dashboard_url: str
) -> None:
    _open(page, dashboard_url)
    before = _summary(page)
    stops = [o for o in _options(page, "Place") if re.match(r"\d+\. ", o)]
    _pick(page, "Place", stops[-1])
    with _rerun(page):
        page.get_by_role("button", name="Exclude", exact=True).click()
    after = _summary_with(page, int(before.group(1)) - 1)
    assert after.group(2) != before.group(2)
    _no_exception(page)


def test_ticking_exclude_in_the_places_table_changes_the_rail_km(
    page: Page, dashboard_url: str
) -> None:
    _open(page, dashboard_url)
    before = _summary(page)
    stops = int(before.group(1))
    with _rerun(page):  # a tab is made when it is opened
        page.get_by_role("tab", name="All places").click()
    table = page.get_by_test_id("stDataFrame").filter(has_text="exclude").first
    table.scroll_into_view_if_needed()
    first = table.get_by_test_id("glide-cell-0-0")
    expect(first).to_be_attached(timeout=STEP_MS)
    target = table.evaluate(GRID_CELL_JS, ["exclude", "order", str(stops)])
    assert target, "no row of the places table has the last stop's order"
    # The grid is a canvas: select its first cell, walk to "exclude" of the last stop, tick it.
    table.get_by_test_id("stDataFrameResizable").click(position={"x": 30, "y": 35 + 17})
    expect(first).to_have_attribute("aria-selected", "true")
    for key in ["ArrowRight"] * 3 + ["ArrowDown"] * (stops - 1):
        page.keyboard.press(key)
    expect(table.get_by_test_id(target)).to_have_attribute("aria-selected", "true")
    with _rerun(page):
        page.keyboard.press(" ")
    assert _summary_with(page, stops - 1).group(2) != before.group(2)
    _no_exception(page)


@pytest.mark.parametrize(
    ("label", "magic"),
    [("Map (HTML)", b"<!DOCTYPE html>"), ("Map (PNG)", b"\x89PNG\r\n\x1a\n")],
)
def test_the_html_and_png_downloads_return_files(
    page: Page, dashboard_url: str, label: str, magic: bytes
) -> None:
    _open(page, dashboard_url)
    with _rerun(page):  # a tab is made when it is opened
        page.get_by_role("tab", name="Share").click()
    with page.expect_download(timeout=STEP_MS * 4) as download:
        page.get_by_role("button", name=label).click()
    data = Path(download.value.path()).read_bytes()
    assert data.startswith(magic)
    assert len(data) > 10_000
    _no_exception(page)


def test_a_pasted_report_with_script_runs_nothing_and_shows_its_text(
    page: Page, dashboard_url: str
) -> None:
    _open(page, dashboard_url)
    page.get_by_text("Paste a report").click()
    page.get_by_role("textbox", name="Report text", exact=True).fill(HOSTILE_TEXT)
    title = page.get_by_role("textbox", name="Title", exact=True)
    title.fill("<script>alert(3)</script> Train seen")
    page.get_by_role("textbox", name="Source", exact=True).fill("<img src=x onerror=alert(4)>")
    with _rerun(page):
        page.get_by_role("button", name="Add pasted report").click()
    expect(page.get_by_text(re.compile(r"· 2 reports ·"))).to_be_visible(timeout=STEP_MS)
    _pick(page, "Place", re.compile("Vladivostok"))
    expect(page.get_by_text("<script>alert(1)</script>", exact=False).first).to_be_visible(
        timeout=STEP_MS
    )
    # Every image has loaded or failed, so an injected onerror would have run by now.
    page.wait_for_function("() => Array.from(document.images).every((i) => i.complete)")
    assert page.dialogs == []  # type: ignore[attr-defined]
    assert page.locator("img[src='x']").count() == 0
    _no_exception(page)


def test_zooming_in_then_changing_a_setting_keeps_the_zoom(page: Page, dashboard_url: str) -> None:
    frame = _open(page, dashboard_url)
    _zoom_in(frame)
    zoomed = _zoom_in(frame)
    before = _summary(page)
    with _rerun(page):
        page.get_by_text("Show context places and areas").click()  # a new map is drawn
    expect(frame.locator(".rr-stop-icon")).to_have_count(int(before.group(1)), timeout=STEP_MS)
    expect(frame.locator(".leaflet-control-scale-line").first).to_have_text(zoomed)
    _no_exception(page)


def test_changing_the_basemap_switches_tiles_without_redrawing_the_map(
    page: Page, dashboard_url: str
) -> None:
    frame = _open(page, dashboard_url)
    zoomed = _zoom_in(frame)
    map_frame = page.locator(MAP_FRAME).element_handle().content_frame()
    assert map_frame is not None
    map_frame.evaluate("() => { window.rrSameMap = true; }")  # gone if the map is rebuilt
    _pick(page, "Basemap", re.compile("Positron"))
    expect(frame.locator(f"{MAIN_TILES}[src*='cartocdn']").first).to_be_attached(timeout=STEP_MS)
    assert map_frame.evaluate("() => window.rrSameMap === true")
    expect(frame.locator(".leaflet-control-scale-line").first).to_have_text(zoomed)
    _pick(page, "Basemap", re.compile("Offline"))
    expect(frame.locator(MAIN_TILES)).to_have_count(0, timeout=STEP_MS)
    assert map_frame.evaluate("() => window.rrSameMap === true")
    _no_exception(page)


def test_a_place_picked_in_the_list_is_ringed_and_centred_on_the_map(
    page: Page, dashboard_url: str
) -> None:
    frame = _open(page, dashboard_url)
    expect(frame.locator(f"path.{HIGHLIGHT_CLASS}")).to_have_count(0)
    _pick(page, "Place", re.compile("Vladivostok"))
    _ring_near_the_centre(page)
    _pick(page, "Place", re.compile("Khasan"))
    _ring_near_the_centre(page)
    _no_exception(page)


def test_clicking_a_marker_rings_it_and_shows_its_card(page: Page, dashboard_url: str) -> None:
    frame = _open(page, dashboard_url)
    _click_marker(page, frame, "vladivostok")
    expect(frame.locator(f"path.{HIGHLIGHT_CLASS}")).to_have_count(1, timeout=STEP_MS)
    expect(page.locator(".rr-card .rr-name", has_text="Vladivostok")).to_be_visible()
    _no_exception(page)


def test_after_a_marker_click_a_place_picked_again_in_the_list_is_the_one_ringed(
    page: Page, dashboard_url: str
) -> None:
    frame = _open(page, dashboard_url)
    _pick(page, "Place", re.compile("Vladivostok"))
    _ring_near_the_centre(page)
    _click_marker(page, frame, "khasan")
    expect(page.locator(".rr-card .rr-name", has_text="Khasan")).to_be_visible()
    _pick(page, "Place", re.compile("Vladivostok"))
    expect(page.locator(".rr-card .rr-name", has_text="Vladivostok")).to_be_visible()
    _ring_on(page, "vladivostok")  # not left on Khasan
    expect(frame.locator(f"path.{HIGHLIGHT_CLASS}")).to_have_count(1)
    _no_exception(page)


def test_a_row_of_the_journey_timeline_selects_its_place(page: Page, dashboard_url: str) -> None:
    _open(page, dashboard_url)
    page.get_by_role("tab", name="Journey timeline").click()
    table = page.get_by_test_id("stDataFrame").filter(has_text="est. arrival").last
    table.scroll_into_view_if_needed()
    expect(table.get_by_test_id("glide-cell-1-1")).to_be_attached(timeout=STEP_MS)
    row = table.evaluate(GRID_CELL_JS, ["place", "#", "2"])
    assert row, "the journey timeline has no second visit"
    grid = table.get_by_test_id("stDataFrameResizable")
    with _rerun(page):  # the row-selection box of the second row (rows are 35 px high)
        grid.click(position={"x": 16, "y": 35 + 35 + 17})
    expect(page.locator(".rr-card .rr-name", has_text="Khasan")).to_be_visible(timeout=STEP_MS)
    _ring_near_the_centre(page)
    _no_exception(page)


#: Buttons of the side panel whose labels must be read whole at a laptop's width.
_PANEL_BUTTONS = ("Previous stop", "Next stop", "Undo", "Redo", "Add stop")


def test_the_side_panel_buttons_show_their_whole_labels(page: Page, dashboard_url: str) -> None:
    _open(page, dashboard_url)
    for name in _PANEL_BUTTONS:
        button = page.get_by_role("button", name=name)
        expect(button).to_be_visible(timeout=STEP_MS)
        cut = button.evaluate(
            "b => [...b.querySelectorAll('p, span, div')].some("
            "e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflow !== 'visible')"
        )
        assert not cut, f"the label of {name!r} is cut short"


def test_story_mode_steps_through_every_stop_showing_its_quotes_on_the_centred_map(
    page: Page, dashboard_url: str
) -> None:
    _open(page, dashboard_url)
    stops = int(_summary(page).group(1))
    names = [re.sub(r"^\d+\. ", "", o) for o in _options(page, "Place") if re.match(r"\d+\. ", o)]
    assert len(names) == stops > 1
    for number, name in enumerate(names, start=1):
        _click_button(page, "Next stop")
        expect(page.locator(".rr-card .rr-name", has_text=name)).to_be_visible(timeout=STEP_MS)
        expect(page.get_by_text(f"Stop {number} of {stops}", exact=True)).to_be_visible()
        assert page.locator(".rr-card blockquote").count() >= 1, f"no quote on the card of {name}"
        _ring_near_the_centre(page)
    expect(page.get_by_role("button", name="Next stop")).to_be_disabled()
    _click_button(page, "Previous stop")
    expect(page.locator(".rr-card .rr-name", has_text=names[-2])).to_be_visible(timeout=STEP_MS)
    _ring_near_the_centre(page)
    _no_exception(page)


def test_card_corrections_change_the_map_and_summary_and_undo_restores_each_step(
    page: Page, dashboard_url: str, artifacts_dir: Path
) -> None:
    frame = _open(page, dashboard_url)
    first = _summary(page)
    stops = int(first.group(1))
    _pick(page, "Place", re.compile(rf"^{stops}\. "))
    last_label = frame.locator(".rr-stop-icon").last.inner_text()
    _click_button(page, "Earlier")
    moved = _summary(page)
    assert moved.group(2) != first.group(2)
    expect(frame.locator(".rr-stop-icon").last).not_to_have_text(last_label, timeout=STEP_MS)
    _click_button(page, "Exclude")
    _summary_with(page, stops - 1)
    expect(frame.locator(".rr-stop-icon")).to_have_count(stops - 1, timeout=STEP_MS)
    page.screenshot(path=str(artifacts_dir / "dashboard-corrections.png"))
    _click_button(page, "Undo")
    expect(frame.locator(".rr-stop-icon")).to_have_count(stops, timeout=STEP_MS)
    _summary_is(page, moved.group(0))
    _click_button(page, "Undo")
    _summary_is(page, first.group(0))
    expect(page.get_by_role("button", name="Undo", exact=True)).to_be_disabled()
    _click_button(page, "Redo")
    _summary_is(page, moved.group(0))
    _no_exception(page)


def test_a_role_changed_on_the_card_changes_the_map_and_summary(
    page: Page, dashboard_url: str
) -> None:
    frame = _open(page, dashboard_url)
    stops = int(_summary(page).group(1))
    _pick(page, "Place", re.compile("Khasan"))
    _pick(page, "Role", "Context")
    _summary_with(page, stops - 1)
    expect(frame.locator(".rr-stop-icon")).to_have_count(stops - 1, timeout=STEP_MS)
    _no_exception(page)


def test_a_stop_added_from_the_search_is_drawn_as_added_by_hand(
    page: Page, dashboard_url: str
) -> None:
    frame = _open(page, dashboard_url)
    stops = int(_summary(page).group(1))
    search = page.get_by_role("textbox", name="Add a stop")
    with _rerun(page):
        search.fill("Qzxqzx")
        search.press("Enter")
    expect(page.get_by_role("button", name="Add stop")).to_be_disabled()
    with _rerun(page):
        search.fill("Khabarovsk")
        search.press("Enter")
    assert _options(page, "Matches")[0] == "Khabarovsk — city, Russia"
    _pick(page, "Matches", "Khabarovsk — city, Russia")
    _click_button(page, "Add stop")
    _summary_with(page, stops + 1)
    # one dashed ring, the map's own (the dashboard adds no second one)
    expect(frame.locator(".rr-stop.rr-added")).to_have_count(1, timeout=STEP_MS)
    expect(frame.locator(".rr-legend")).to_contain_text(style.ADDED_BY_HAND)
    _no_exception(page)


def test_on_a_phone_the_card_corrections_and_the_timeline_fit_and_work(
    browser: Browser, dashboard_url: str, artifacts_dir: Path
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.dialogs = []  # type: ignore[attr-defined]
        _open(page, dashboard_url)
        first = _summary(page)
        _pick(page, "Place", re.compile("Khasan"))
        later = page.get_by_role("button", name="Later", exact=True)
        later.scroll_into_view_if_needed()
        box = later.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
        with _rerun(page):
            later.click()
        assert _summary(page).group(2) != first.group(2)
        page.get_by_role("tab", name="Journey timeline").click()
        table = page.get_by_test_id("stDataFrame").filter(has_text="est. arrival").last
        table.scroll_into_view_if_needed()
        expect(table).to_be_visible(timeout=STEP_MS)
        grid = table.bounding_box()
        assert grid is not None and grid["width"] >= 300 and grid["x"] + grid["width"] <= 390
        shot = artifacts_dir / "dashboard-phone.png"
        page.screenshot(path=str(shot), full_page=True)
        shutil.copyfile(shot, readme_image("dashboard-phone.png"))
        _no_exception(page)
    finally:
        context.close()
