"""Peak memory of the Streamlit dashboard after it has shown the bundled report's map."""

from __future__ import annotations

import time
from pathlib import Path

from benchmarks import browser
from benchmarks.common import (
    PEAK_SNIPPET,
    Figure,
    Options,
    Outcome,
    mib_from_kib,
    run_python,
)
from routes.dashboard.server import free_port, start_streamlit, stop, wait_until_healthy

TITLE = "Dashboard (streamlit run app.py) peak memory after showing the bundled report"
#: Target: dashboard peak RSS at most 500 MB.
TARGET_PEAK_MIB = 500.0
#: Target: on a warm server, the map is visible within 3 s of opening the page.
TARGET_WARM_VISIT_S = 3.0
#: Target: a marker click shows its card within half a second.
TARGET_CLICK_S = 0.5
STARTUP_TIMEOUT_S = 90
MAP_TIMEOUT_S = 120
#: A marker in any frame: streamlit-folium draws the map inside an iframe.
MARKER = ".leaflet-marker-icon"
#: Build the gazetteer's on-disk index if it is missing, so the server measures a normal start.
PREPARE = """
import json
from routes.read.gazetteer import load_gazetteer
print(json.dumps({"found": len(load_gazetteer().candidates("Nairobi"))}))
"""
#: The dashboard's heavy steps in one plain process, peak RSS after each (a memory profile).
MEMORY_STEPS = (
    PEAK_SNIPPET
    + """
import json
steps = []
def mark(label):
    steps.append((label, peak_kib()))
mark("python")
import altair, pandas, streamlit, streamlit_folium
mark("import streamlit, altair, pandas, streamlit-folium")
from routes.read.gazetteer import load_gazetteer
from routes.rail.network import load_network
from routes.pipeline import build
from routes.publish.web.render import map_html
from routes.read.reports import bundled_report_paths, load_paths
mark("import routes")
gazetteer = load_gazetteer()
mark("load_gazetteer()")
network = load_network()
mark("load_network()")
journey = build(load_paths(bundled_report_paths()).reports, gazetteer=gazetteer, network=network)
mark("build(bundled report)")
html = map_html(journey)
mark("map_html()")
from routes.publish.png.draw import render_png
render_png(journey)
mark("render_png() (only when a PNG download is asked for)")
print(json.dumps({"steps": steps}))
"""
)


def run(options: Options) -> Outcome:
    """Start the server, open it once in Chromium, wait for the map, read VmHWM."""
    outcome = Outcome(name="dashboard", title=TITLE)
    run_python(PREPARE)  # the GeoNames index on disk, as after any earlier run
    port = free_port()
    log = options.workdir / "streamlit.log"
    server = start_streamlit(port, log)
    try:
        url = f"http://127.0.0.1:{port}"
        started = time.monotonic()
        wait_until_healthy(url, server, log, timeout_s=STARTUP_TIMEOUT_S)
        ready_s = time.monotonic() - started
        idle = _status(server.pid)
        with browser.chromium() as chrome:
            map_s, markers, blocked = _open_once(chrome, url, port)
            again_s = None if options.quick else _open_once(chrome, url, port)[0]
            click_s, correct_s = _interactions(chrome, url, port)
        time.sleep(0.5)
        status = _status(server.pid)
    finally:
        stop(server, timeout_s=15)
    peak = mib_from_kib(status["VmHWM"])
    outcome.add(
        Figure("server peak RSS (VmHWM)", peak, "MiB", target=TARGET_PEAK_MIB),
        Figure("server RSS after the map (VmRSS)", mib_from_kib(status["VmRSS"]), "MiB"),
        Figure("server RSS before any page (VmRSS)", mib_from_kib(idle["VmRSS"]), "MiB"),
        Figure("first visit: page open to map markers", map_s, "s"),
    )
    if again_s is not None:
        outcome.add(
            Figure("second visit (server caches warm)", again_s, "s", target=TARGET_WARM_VISIT_S)
        )
    outcome.add(
        Figure("marker click to its card", click_s, "s", target=TARGET_CLICK_S),
        Figure("correction (card's Later button) to the redrawn map", correct_s, "s"),
    )
    outcome.notes += [
        f"`streamlit run app.py` on 127.0.0.1:{port} answered its health check after "
        f"{ready_s:.1f} s; a Chromium page opened it and waited until {markers} Leaflet "
        "markers showed in the streamlit-folium frame, then a second page in a fresh context "
        "did the same (the first visit runs the pipeline; the second finds it cached); "
        f"{blocked} requests that would have left the machine (tiles, fonts) were aborted.",
        "The gazetteer's GeoNames index was on disk before the server started (a server "
        "that must build it first peaks far higher: see the gazetteer's first-ever load).",
        "VmHWM is the peak resident set of the server process (Streamlit runs the script in "
        "threads of that process), read from /proc/<pid>/status half a second after the "
        "second page showed the map.",
    ]
    if not options.quick:
        steps = run_python(MEMORY_STEPS)["steps"]
        lines = [f"{label}: {mib_from_kib(kib):.0f} MiB" for label, kib in steps]
        profile = "Peak RSS after each step of the dashboard's work in one plain process:\n"
        profile += "\n".join(f"  {line}" for line in lines)
        if peak > TARGET_PEAK_MIB:
            outcome.profiles["dashboard memory by step"] = profile
        else:
            outcome.notes.append(profile.replace(":\n  ", ": ", 1).replace("\n  ", "; "))
    return outcome


def _local_only(port: int) -> browser.Blocker:
    """A request blocker letting through only the page's own assets and the local server."""
    return browser.Blocker(
        allowed=(*browser.Blocker().allowed, f"http://127.0.0.1:{port}", f"ws://127.0.0.1:{port}")
    )


def _open_once(chrome, url: str, port: int) -> tuple[float, int, int]:
    """Open the dashboard; seconds until map markers show, their count, requests blocked."""
    blocker = _local_only(port)
    context = chrome.new_context(viewport=browser.VIEWPORT)
    try:
        context.route("**/*", blocker)
        page = context.new_page()
        started = time.monotonic()
        page.goto(url, wait_until="commit", timeout=MAP_TIMEOUT_S * 1000)
        found: list[int] = []

        def markers_shown() -> bool:
            for frame in page.frames:
                try:
                    count = frame.locator(MARKER).count()
                except Exception:
                    continue
                if count:
                    found.append(count)
                    return True
            return False

        if not browser.poll(markers_shown, timeout_s=MAP_TIMEOUT_S):
            msg = f"no map markers in the dashboard within {MAP_TIMEOUT_S} s"
            raise RuntimeError(msg)
        elapsed = time.monotonic() - started
    finally:
        context.close()
    return elapsed, found[-1], len(blocker.blocked)


def _status(pid: int) -> dict[str, int]:
    """The kB figures of /proc/<pid>/status (VmHWM, VmRSS, …)."""
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        parts = rest.split()
        if len(parts) == 2 and parts[1] == "kB":
            values[key] = int(parts[0])
    return values


#: In the map's frame: note the time of every click (capturing, before Leaflet sees it).
NOTE_CLICKS_JS = """() => document.addEventListener(
  "click", () => { window.rrClickedAt = Date.now(); }, true)"""
#: In the page: the time the card of ``name`` first shows (checked on every animation frame).
CARD_SHOWN_JS = """(name) => {
  const line = document.querySelector(".rr-card .rr-name");
  return line && line.offsetParent !== null && line.textContent.includes(name) ? Date.now() : 0;
}"""


def _interactions(chrome, url: str, port: int) -> tuple[float, float]:
    """Seconds from a click on the Khasan marker to its card, and from the card's "Later"
    button to the map redrawn with the new stop order (a warm server, a fresh page).

    The click is timed from the moment the map's frame receives it to the first animation
    frame that shows the card (both clocks in the browser), so neither Playwright's own
    click checks nor the growing pauses between its retries of an expectation count.
    """
    from playwright.sync_api import expect

    blocker = _local_only(port)
    context = chrome.new_context(viewport=browser.VIEWPORT)
    try:
        context.route("**/*", blocker)
        page = context.new_page()
        page.goto(url, wait_until="commit", timeout=MAP_TIMEOUT_S * 1000)
        frame = page.frame_locator('iframe[title="streamlit_folium.st_folium"]')
        expect(frame.locator(".rr-place-khasan")).to_be_visible(timeout=MAP_TIMEOUT_S * 1000)
        map_frame = next(f for f in page.frames if "streamlit_folium" in f.url)
        map_frame.evaluate(NOTE_CLICKS_JS)
        frame.locator(".rr-place-khasan").click()
        shown = page.wait_for_function(CARD_SHOWN_JS, arg="Khasan", polling="raf", timeout=60_000)
        click_s = (shown.json_value() - map_frame.evaluate("window.rrClickedAt")) / 1000
        last = frame.locator(".rr-stop-icon").last.inner_text()
        started = time.monotonic()
        page.get_by_role("button", name="Later", exact=True).click()
        redrawn = page.frame_locator('iframe[title="streamlit_folium.st_folium"]').last
        expect(redrawn.locator(".rr-stop-icon").last).not_to_have_text(last, timeout=60_000)
        correct_s = time.monotonic() - started
    finally:
        context.close()
    return click_s, correct_s
