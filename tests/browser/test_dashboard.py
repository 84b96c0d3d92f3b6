"""The dashboard end to end in Debian's Chromium: map, card, uploads, corrections, downloads."""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import FrameLocator, Page, expect

from tests.browser.docs_images import readme_image

#: streamlit-folium draws the map in a component frame with this title.
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
#: Generous waits: the first run of a fresh server loads the gazetteer and the network.
FIRST_RUN_MS = 90_000
STEP_MS = 30_000
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
#: True once a run numbered above ``after`` has finished and no other is going.
FINISHED_AFTER_JS = """(after) => {
  const marks = document.querySelectorAll(".rr-run-finished");
  const last = Math.max(0, ...Array.from(marks, (mark) => Number(mark.dataset.run)));
  return last > after && !document.querySelector('[data-testid="stStatusWidget"]');
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
    return frame


def _summary_with(page: Page, stops: int) -> re.Match[str]:
    """The summary's numbers, once it shows ``stops`` stops."""
    expect(page.get_by_text(re.compile(rf"(?<!\d){stops} stops? · ")).first).to_be_visible(
        timeout=STEP_MS
    )
    return _summary(page)


def _summary(page: Page) -> re.Match[str]:
    """The numbers of the one-line summary."""
    text = page.get_by_text(SUMMARY).first.inner_text()
    match = SUMMARY.search(text)
    assert match, text
    return match


def _pick(page: Page, label: str, option: str | re.Pattern[str]) -> None:
    """Choose ``option`` in the select box labelled ``label``."""
    box = page.get_by_test_id("stSelectbox").filter(has_text=label).first
    box.click()
    with _rerun(page):
        page.get_by_role("option", name=option).first.click()


def _options(page: Page, label: str) -> list[str]:
    """The option texts of the select box labelled ``label`` (the list is closed again)."""
    page.get_by_test_id("stSelectbox").filter(has_text=label).first.click()
    options = page.get_by_role("option")
    expect(options.first).to_be_visible(timeout=STEP_MS)
    texts = options.all_inner_texts()
    page.keyboard.press("Escape")
    return texts


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
    with _rerun(page):
        frame.locator(".rr-place-khasan").click()
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
        page.get_by_role("button", name="Exclude from the map").click()
    after = _summary_with(page, int(before.group(1)) - 1)
    assert after.group(2) != before.group(2)
    _no_exception(page)


def test_ticking_exclude_in_the_places_table_changes_the_rail_km(
    page: Page, dashboard_url: str
) -> None:
    _open(page, dashboard_url)
    before = _summary(page)
    stops = int(before.group(1))
    page.get_by_role("tab", name="Correct").click()
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
