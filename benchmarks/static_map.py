"""Static map render time (PNG) from 1 and 1,000 reports, and its growth between them."""

from __future__ import annotations

from benchmarks.common import BUNDLED_REPORT, Figure, Options, Outcome, median_time, profile_call
from benchmarks.corpus import SHORT_REPORT_CHARS, generate

TITLE = "Static map: PNG render time from 1 and 1,000 reports"
SIZES = (1, 1_000)
QUICK_SIZES = (1, 5)
#: The render at 1,000 reports at most ten times the one-report render.
TARGET_RATIO = 10.0
REPEATS = 3


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
    times = {}
    for n in sizes:
        journey = build(bundled if n == 1 else corpus[:n], gazetteer=gazetteer, network=network)
        render_png(journey)  # warm-up: fonts and outlines
        times[n], _ = median_time(lambda journey=journey: render_png(journey), REPEATS)
        outcome.add(
            Figure(f"{n:,} report(s): PNG render", times[n], "s"),
            Figure(f"{n:,} report(s): stops drawn", len(journey.route.stops), "stops"),
        )
    ratio = times[sizes[-1]] / times[sizes[0]]
    outcome.add(Figure("largest / one-report render time", ratio, "×", target=TARGET_RATIO))
    if ratio > TARGET_RATIO:
        outcome.profiles["largest render"] = profile_call(lambda: render_png(journey))
    return outcome
