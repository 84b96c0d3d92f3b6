"""Maps from 1, 100 and 1,000 reports: build time, HTML size, load to interactive in Chromium."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from benchmarks import browser, htmlsize
from benchmarks.common import (
    BUNDLED_REPORT,
    Figure,
    Options,
    Outcome,
    kb,
    profile_call,
)
from benchmarks.corpus import SHORT_REPORT_CHARS, generate
from routes.model import Journey

TITLE = "Scale: maps from 1, 100 and 1,000 reports in headless Chromium"
SIZES = (1, 100, 1_000)
QUICK_SIZES = (1, 5)
#: Target: the 1,000-report map interactive in at most 3 s.
TARGET_INTERACTIVE_S = 3.0
BROWSER_REPEATS = 3


def run(options: Options) -> Outcome:
    """Build each map warm, write it, then open it offline in Chromium (median of repeats)."""
    outcome = Outcome(name="scale", title=TITLE)
    pages = _build_maps(outcome, options)
    _open_maps(outcome, options, pages)
    outcome.notes.append(
        "Interactive = a folium map object loaded, at least one Leaflet marker (or clickable "
        "vector) in the DOM, no zoom or pan animation running, then two animation frames; "
        "timed by the page's own clock from navigation start. Each run uses a fresh browser "
        "context; every request that is not file:/data:/blob: is aborted."
    )
    return outcome


def _label(n: int) -> str:
    """``1 report``, ``100 reports``, ``1,000 reports``."""
    return f"{n:,} report{'s' if n > 1 else ''}"


def _build_maps(outcome: Outcome, options: Options) -> dict[int, tuple[Path, Journey]]:
    """Journeys and map pages for each size, timed with the gazetteer and network loaded."""
    from routes.pipeline import build
    from routes.publish.web.render import map_html
    from routes.rail.network import load_network
    from routes.read.gazetteer import load_gazetteer
    from routes.read.reports import load_paths

    sizes = QUICK_SIZES if options.quick else SIZES
    bundled = list(load_paths([BUNDLED_REPORT]).reports)
    corpus = generate(max(sizes), min_bytes=0, chars=SHORT_REPORT_CHARS)
    gazetteer, network = load_gazetteer(), load_network()
    build(bundled, gazetteer=gazetteer, network=network)  # warm-up
    pages = {}
    for n in sizes:
        reports = bundled if n == 1 else corpus[:n]
        started = time.perf_counter()
        journey = build(reports, gazetteer=gazetteer, network=network)
        built = time.perf_counter()
        html = map_html(journey)
        rendered = time.perf_counter()
        path = options.workdir / f"scale-{n}.html"
        path.write_text(html, encoding="utf-8")
        pages[n] = (path, journey)
        mentions = sum(len(p.mentions) for p in journey.places)
        outcome.add(
            Figure(f"{_label(n)}: mentions", mentions, "mentions"),
            Figure(f"{_label(n)}: places", len(journey.places), "places"),
            Figure(f"{_label(n)}: build + HTML", rendered - started, "s"),
            Figure(f"{_label(n)}: map.html size", kb(len(html.encode("utf-8"))), "kB"),
        )
        outcome.notes.append(
            f"{_label(n)}: pipeline {built - started:.2f} s, map HTML {rendered - built:.2f} s; "
            f"{len(journey.route.stops)} stops, {len(journey.places)} places, {mentions:,} "
            "mentions" + (" (the bundled report)." if n == 1 else " (short corpus reports).")
        )
    return pages


def _open_maps(outcome: Outcome, options: Options, pages: dict[int, tuple[Path, Journey]]) -> None:
    """Load to interactive of each page in Chromium; profile the largest when it misses."""
    from routes.publish.web.render import map_html

    repeats = 1 if options.quick else BROWSER_REPEATS
    with browser.chromium() as chrome:
        for n, (path, journey) in pages.items():
            runs = [browser.time_to_interactive(chrome, path) for _ in range(repeats)]
            seconds = statistics.median(r["interactive_ms"] for r in runs) / 1000
            target = TARGET_INTERACTIVE_S if n == max(SIZES) else None
            outcome.add(Figure(f"{_label(n)}: load to interactive", seconds, "s", target=target))
            last = runs[-1]
            each = ", ".join(f"{r['interactive_ms']:.0f}" for r in runs)
            outcome.notes.append(
                f"{_label(n)} in Chromium: interactive {each} ms "
                f"(load event {last['load_ms'] or 0:.0f} ms), {last['markers']} marker icons "
                f"(clusters included) and {last['vectors']} clickable vectors drawn, "
                f"{last['blocked']} off-machine requests blocked"
                + (f", page errors: {last['errors'][:2]}" if last["errors"] else "")
                + "."
            )
            if target is not None and seconds > target and options.profile:
                page = path.read_text(encoding="utf-8")
                outcome.profiles[f"{_label(n)}: the page in Chromium"] = "\n".join(
                    (browser.page_profile(chrome, path), htmlsize.describe(page))
                )
                outcome.profiles[f"{_label(n)}: map_html() (Python side)"] = profile_call(
                    lambda journey=journey: map_html(journey)
                )
