"""The dashboard end to end in Debian's Chromium: map, card, uploads, corrections, downloads."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest
from playwright.sync_api import FrameLocator, Page, expect

from tests.conftest import PROJECT

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


def _idle(page: Page) -> None:
    """Wait until Streamlit has finished the run an action started."""
    page.wait_for_timeout(300)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=STEP_MS * 3)


def _open(page: Page, url: str) -> FrameLocator:
    """Load the dashboard and wait for the stop markers; returns the map's frame."""
    page.goto(url, wait_until="domcontentloaded")
    expect(page.get_by_role("heading", name="Reported Routes")).to_be_visible(timeout=FIRST_RUN_MS)
    frame = page.frame_locator(MAP_FRAME)
    expect(frame.locator(".rr-stop-icon").first).to_be_visible(timeout=FIRST_RUN_MS)
    _idle(page)
    return frame


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
    page.get_by_role("option", name=option).first.click()
    _idle(page)


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
    page.wait_for_timeout(1500)  # let tiles that cannot load give up, for a calm screenshot
    shot = artifacts_dir / "dashboard-first-screen.png"
    page.screenshot(path=str(shot))
    (artifacts_dir / "dashboard-first-screen-seconds.txt").write_text(f"{seconds:.2f}\n")
    docs = PROJECT / "docs"
    docs.mkdir(exist_ok=True)
    shutil.copyfile(shot, docs / "dashboard.png")


def test_clicking_the_khasan_marker_shows_the_japanese_media_sentence(
    page: Page, dashboard_url: str, artifacts_dir: Path
) -> None:
    frame = _open(page, dashboard_url)
    frame.locator(".rr-place-khasan").click()
    card = page.get_by_text(JAPANESE_MEDIA)
    expect(card).to_be_visible(timeout=STEP_MS)
    expect(page.locator("mark", has_text="Khasan").first).to_be_visible()
    _idle(page)
    _no_exception(page)
    page.screenshot(path=str(artifacts_dir / "dashboard-selected-place.png"))


def test_uploading_a_second_report_adds_its_places(page: Page, dashboard_url: str) -> None:
    _open(page, dashboard_url)
    assert not any("Ussuriysk" in option for option in _options(page, "Place"))
    uploader = page.get_by_test_id("stFileUploaderDropzoneInput").first
    uploader.set_input_files(
        files=[{"name": "second.md", "mimeType": "text/markdown", "buffer": SECOND_REPORT}]
    )
    expect(page.get_by_text(re.compile(r"· 2 reports ·"))).to_be_visible(timeout=STEP_MS)
    _idle(page)
    assert any("Ussuriysk" in option for option in _options(page, "Place"))
    _no_exception(page)


def test_excluding_a_stop_changes_the_rail_km_in_the_summary(
    page: Page, dashboard_url: str
) -> None:
    _open(page, dashboard_url)
    before = _summary(page)
    stops = [o for o in _options(page, "Place") if re.match(r"\d+\. ", o)]
    _pick(page, "Place", stops[-1])
    page.get_by_role("button", name="Exclude from the map").click()
    _idle(page)
    after = _summary(page)
    assert after.group(2) != before.group(2)
    assert int(after.group(1)) == int(before.group(1)) - 1
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
    expect(table).to_be_visible(timeout=STEP_MS)
    page.wait_for_timeout(800)  # the grid lays itself out after it appears
    fewer = page.get_by_text(re.compile(rf"(?<!\d){stops - 1} stops? · "))
    # The grid is a canvas: focus its first cell, walk to "exclude" of the last stop, tick it.
    for _attempt in range(3):
        table.click(position={"x": 30, "y": 35 + 17})
        page.wait_for_timeout(200)
        for key in ["ArrowRight"] * 3 + ["ArrowDown"] * (stops - 1):
            page.keyboard.press(key)
        page.keyboard.press(" ")
        try:
            expect(fewer.first).to_be_visible(timeout=8_000)
            break
        except AssertionError:
            if _summary(page).group(1) != str(stops):
                break
    expect(fewer.first).to_be_visible(timeout=STEP_MS)
    _idle(page)
    assert _summary(page).group(2) != before.group(2)
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
    page.get_by_role("button", name="Add pasted report").click()
    expect(page.get_by_text(re.compile(r"· 2 reports ·"))).to_be_visible(timeout=STEP_MS)
    _idle(page)
    _pick(page, "Place", re.compile("Vladivostok"))
    expect(page.get_by_text("<script>alert(1)</script>", exact=False).first).to_be_visible(
        timeout=STEP_MS
    )
    page.wait_for_timeout(500)
    assert page.dialogs == []  # type: ignore[attr-defined]
    assert page.locator("img[src='x']").count() == 0
    _no_exception(page)
