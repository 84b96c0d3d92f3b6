"""Static map render time (PNG) from 1 and 1,000 reports, and its growth between them.

Wall time on a shared 2-core machine swings with the load, so CPU time (``process_time``) of
the same renders is measured too and the growth target is judged on it; the wall ratio is
reported beside it.
"""

from __future__ import annotations

import statistics
import time

from benchmarks.common import BUNDLED_REPORT, Figure, Options, Outcome, median_time, profile_call
from benchmarks.corpus import SHORT_REPORT_CHARS, generate

TITLE = "Static map: PNG render time from 1 and 1,000 reports"
SIZES = (1, 1_000)
QUICK_SIZES = (1, 5)
#: The render at 1,000 reports at most ten times the one-report render.
TARGET_RATIO = 10.0
REPEATS = 3


def _cpu_median(run, repeats: int) -> float:
    """Median CPU seconds of this process over ``repeats`` calls of ``run``."""
    times = []
    for _ in range(repeats):
        started = time.process_time()
        run()
        times.append(time.process_time() - started)
    return statistics.median(times)


def run(options: Options) -> Outcome:
    """Build each journey once (untimed), then time ``render_png`` of it (median of repeats)."""
    from routes.pipeline import build
    from routes.publish.png.draw import render_png
    from routes.rail.network import load_network
    from routes.read.gazetteer import load_gazetteer
    from routes.read.reports import load_paths

    outcome = Outcome(name="static-map", title=TITLE)
    sizes = QUICK_SIZES if options.quick else SIZES
    gazetteer, network = load_gazetteer(), load_network()
    bundled = list(load_paths([BUNDLED_REPORT]).reports)
    corpus = generate(max(sizes), min_bytes=0, chars=SHORT_REPORT_CHARS)
    wall, cpu = {}, {}
    for n in sizes:
        journey = build(bundled if n == 1 else corpus[:n], gazetteer=gazetteer, network=network)
        render_png(journey)  # warm-up: fonts and outlines
        wall[n], _ = median_time(lambda journey=journey: render_png(journey), REPEATS)
        cpu[n] = _cpu_median(lambda journey=journey: render_png(journey), REPEATS)
        outcome.add(
            Figure(f"{n:,} report(s): PNG render (wall)", wall[n], "s"),
            Figure(f"{n:,} report(s): PNG render (CPU)", cpu[n], "s"),
            Figure(f"{n:,} report(s): stops drawn", len(journey.route.stops), "stops"),
        )
    big, one = sizes[-1], sizes[0]
    ratio = cpu[big] / cpu[one]
    outcome.add(Figure("largest / one-report render time (wall)", wall[big] / wall[one], "×"))
    outcome.add(Figure("largest / one-report render time (CPU)", ratio, "×", target=TARGET_RATIO))
    if ratio > TARGET_RATIO:
        outcome.profiles["largest render"] = profile_call(lambda: render_png(journey))
    return outcome
