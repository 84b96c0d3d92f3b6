"""The bundled report end to end: warm in-process, cold CLI, the PNG, and output sizes."""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks import htmlsize
from benchmarks.common import (
    BUNDLED_REPORT,
    PROJECT,
    Figure,
    Options,
    Outcome,
    kb,
    median_time,
    profile_call,
    profile_subprocess,
    python_env,
)

TITLE = "Bundled report end to end: parse → route → HTML + GeoJSON"
#: Targets.
TARGET_WARM_MS = 150.0
TARGET_COLD_S = 3.0
TARGET_HTML_KB = 400.0
WARM_REPEATS = 20
COLD_REPEATS = 5
PNG_REPEATS = 3


def run(options: Options) -> Outcome:
    """Warm in-process timing, then ``python -m routes build`` in fresh processes."""
    outcome = Outcome(name="end-to-end", title=TITLE)
    _warm(outcome, options)
    _cold(outcome, options)
    return outcome


def _warm(outcome: Outcome, options: Options) -> None:
    """Median of repeated in-process builds with the gazetteer and network already loaded."""
    from routes.pipeline import build
    from routes.publish.export import geojson_bytes
    from routes.publish.png.draw import render_png
    from routes.publish.web.render import map_html
    from routes.rail.network import load_network
    from routes.read.gazetteer import load_gazetteer
    from routes.read.geoparse import parse
    from routes.read.reports import load_paths

    reports = load_paths([BUNDLED_REPORT]).reports
    gazetteer, network = load_gazetteer(), load_network()

    def end_to_end() -> tuple[str, bytes]:
        journey = build(reports, gazetteer=gazetteer, network=network)
        return map_html(journey), geojson_bytes(journey)

    end_to_end()  # warm-up: imports, caches, first-call costs
    repeats = 1 if options.quick else WARM_REPEATS
    total, times = median_time(end_to_end, repeats)
    journey = build(reports, gazetteer=gazetteer, network=network)
    parse_s, _ = median_time(lambda: parse(reports, gazetteer), repeats)
    build_s, _ = median_time(lambda: build(reports, gazetteer=gazetteer, network=network), repeats)
    html_s, _ = median_time(lambda: map_html(journey), repeats)
    json_s, _ = median_time(lambda: geojson_bytes(journey), repeats)
    png_repeats = 1 if options.quick else PNG_REPEATS
    png_s, _ = median_time(lambda: render_png(journey), png_repeats)
    outcome.add(
        Figure("warm in-process (median)", total * 1000, "ms", target=TARGET_WARM_MS),
        Figure("  of which parse", parse_s * 1000, "ms"),
        Figure("  of which build (parse + route)", build_s * 1000, "ms"),
        Figure("  of which map HTML", html_s * 1000, "ms"),
        Figure("  of which GeoJSON", json_s * 1000, "ms"),
        Figure("PNG (render_png, warm)", png_s, "s"),
    )
    outcome.notes.append(
        f"Warm: `build()` + `map_html()` + `geojson_bytes()` with the gazetteer and network "
        f"preloaded, median of {repeats} after one warm-up (min {min(times) * 1000:.0f} ms, "
        f"max {max(times) * 1000:.0f} ms); {len(journey.route.stops)} stops, "
        f"{len(journey.places)} places, {journey.route.rail_km:,.0f} rail km. "
        f"PNG: median of {png_repeats}."
    )
    if total * 1000 > TARGET_WARM_MS and options.profile:
        outcome.profiles["warm end to end"] = profile_call(end_to_end)


def _cold(outcome: Outcome, options: Options) -> None:
    """``python -m routes build`` in a fresh interpreter (gazetteer index cached on disk)."""
    out = options.workdir / "cli"
    command = [sys.executable, "-m", "routes", "build", "--out", str(out)]
    if not options.quick:
        _cli(command)  # the first run may build the gazetteer index cache; not timed
    repeats = 1 if options.quick else COLD_REPEATS
    times, cpu = [], []
    for _ in range(repeats):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        _cli(command)
        times.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    cold = statistics.median(times)
    html, geojson = out / "map.html", out / "route.geojson"
    outcome.add(
        Figure("cold CLI `python -m routes build`", cold, "s", target=TARGET_COLD_S),
        Figure("  its CPU time (user + system)", statistics.median(cpu), "s"),
        Figure("map.html size", kb(html.stat().st_size), "kB", target=TARGET_HTML_KB),
        Figure("route.geojson size", kb(geojson.stat().st_size), "kB"),
        Figure("map.png size", kb(_size(out / "map.png")), "kB"),
    )
    outcome.notes.append(
        f"Cold CLI: wall time of `python -m routes build --out DIR` (every output, PNG, SVG "
        f"and PDF included) in a new process, median of {repeats} "
        f"({', '.join(f'{t:.2f}' for t in times)} s), after one untimed run that fills the "
        "gazetteer's on-disk index cache. Its CPU time (the child's user + system) shows how "
        "much of the wall time was waiting for a busy machine."
    )
    if kb(html.stat().st_size) > TARGET_HTML_KB:
        page = html.read_text(encoding="utf-8")
        outcome.profiles["map.html size by part"] = htmlsize.describe(page)
    if cold > TARGET_COLD_S and options.profile:
        outcome.profiles["cold CLI build"] = profile_subprocess(
            ["-m", "routes", "build", "--out", str(options.workdir / "cli-profile")],
            workdir=options.workdir,
        )


def _cli(command: list[str]) -> None:
    """Run the CLI; raise with its stderr when it fails."""
    done = subprocess.run(
        command, cwd=PROJECT, env=python_env(), capture_output=True, text=True, timeout=600
    )
    if done.returncode != 0:
        msg = f"{' '.join(command[1:])} exited {done.returncode}: {done.stderr.strip()[-1500:]}"
        raise RuntimeError(msg)


def _size(path: Path) -> int:
    """Size of ``path`` in bytes, 0 when it is missing."""
    return path.stat().st_size if path.exists() else 0
