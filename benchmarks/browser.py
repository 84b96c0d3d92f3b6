"""Headless Debian Chromium for the benchmarks: offline, and a stopwatch for map readiness."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
#: Headless launch flags for a machine with no network and no GPU.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
VIEWPORT = {"width": 1400, "height": 900}
#: Longest wait for a map to become interactive before the run counts as failed.
TIMEOUT_MS = 120_000

#: True once a folium map is loaded, shows Leaflet markers and is not animating.
MAP_READY_JS = """() => {
  const maps = Object.keys(window)
    .filter((k) => k.startsWith("map_"))
    .map((k) => window[k])
    .filter((m) => m && typeof m.getCenter === "function");
  if (!maps.length) return false;
  const markers = document.querySelectorAll(".leaflet-marker-icon, path.leaflet-interactive");
  if (!markers.length) return false;
  const moving = (m) => m._animatingZoom || (m._panAnim && m._panAnim._inProgress);
  return maps.every((m) => m._loaded && !moving(m));
}"""
#: Two animation frames later (layout and paint done): ms since navigation start.
AFTER_PAINT_JS = """() => new Promise((resolve) =>
  requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))))"""
#: Load event end and how many marker elements the page shows.
PAGE_FACTS_JS = """() => ({
  load: performance.getEntriesByType("navigation")[0]?.loadEventEnd ?? null,
  markers: document.querySelectorAll(".leaflet-marker-icon").length,
  vectors: document.querySelectorAll("path.leaflet-interactive").length,
})"""


@dataclass
class Blocker:
    """Aborts every request outside ``allowed`` prefixes and counts what it blocked."""

    allowed: tuple[str, ...] = ("file:", "data:", "blob:", "about:")
    blocked: list[str] = field(default_factory=list)

    def __call__(self, route: Any) -> None:
        """Playwright route handler."""
        url = route.request.url
        if url.startswith(self.allowed):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium (Playwright ``Browser``) closed on exit."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        msg = f"Chromium not found at {CHROMIUM}: install Debian's chromium package"
        raise RuntimeError(msg)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


def time_to_interactive(browser: Any, html: Path) -> dict[str, Any]:
    """Open ``html`` in a fresh offline context; ms from navigation to an idle map with markers.

    Returns
    -------
    dict
        ``interactive_ms`` (from navigation start, as the page's own clock reads it),
        ``load_ms`` (load event end), ``markers`` (marker icons shown), ``vectors``
        (clickable circle markers and lines), ``errors`` (script errors) and
        ``blocked`` (requests aborted because they left the machine).
    """
    blocker = Blocker()
    context = browser.new_context(viewport=VIEWPORT)
    try:
        context.route("**/*", blocker)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(html.resolve().as_uri(), wait_until="commit", timeout=TIMEOUT_MS)
        try:
            page.wait_for_function(MAP_READY_JS, polling="raf", timeout=TIMEOUT_MS)
        except Exception as error:
            msg = f"map never became interactive: {error}; page errors: {errors[:3]}"
            raise RuntimeError(msg) from None
        interactive = page.evaluate(AFTER_PAINT_JS)
        facts = page.evaluate(PAGE_FACTS_JS)
    finally:
        context.close()
    return {
        "interactive_ms": interactive,
        "load_ms": facts["load"],
        "markers": facts["markers"],
        "vectors": facts["vectors"],
        "blocked": len(blocker.blocked),
        "errors": errors,
    }


def poll(check: Callable[[], bool], *, timeout_s: float, every_s: float = 0.1) -> bool:
    """Call ``check`` until it returns True or ``timeout_s`` passes; whether it did."""
    import time

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(every_s)
    return False


#: Chromium's own counters (CDP ``Performance.getMetrics``) worth reading for a slow page.
METRICS = (
    "TaskDuration",
    "ScriptDuration",
    "LayoutDuration",
    "RecalcStyleDuration",
    "LayoutCount",
    "Nodes",
    "JSEventListeners",
    "JSHeapUsedSize",
)


def page_profile(browser: Any, html: Path) -> str:
    """Where Chromium spent its time opening ``html``: CDP performance counters, as text.

    Parameters
    ----------
    browser
        A Playwright ``Browser`` from :func:`chromium`.
    html
        The map page.

    Returns
    -------
    str
        One line per counter: seconds for durations, MB for the JS heap, counts otherwise.
    """
    context = browser.new_context(viewport=VIEWPORT)
    try:
        context.route("**/*", Blocker())
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Performance.enable")
        page.goto(html.resolve().as_uri(), wait_until="commit", timeout=TIMEOUT_MS)
        page.wait_for_function(MAP_READY_JS, polling="raf", timeout=TIMEOUT_MS)
        interactive = page.evaluate(AFTER_PAINT_JS)
        metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    finally:
        context.close()
    lines = [f"Chromium counters up to interactive ({interactive / 1000:.2f} s):"]
    for name in METRICS:
        value = metrics.get(name)
        if value is None:
            continue
        if name.endswith("Duration"):
            lines.append(f"  {name:<20} {value:8.2f} s")
        elif name == "JSHeapUsedSize":
            lines.append(f"  {name:<20} {value / 1e6:8.1f} MB")
        else:
            lines.append(f"  {name:<20} {value:8.0f}")
    return "\n".join(lines)
