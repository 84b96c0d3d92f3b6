"""The world rail network: cold load from the cache, first-ever build, leg queries anywhere,
the bundled report end to end (warm) and the cold CLI."""

from __future__ import annotations

import random
import resource
import statistics
import subprocess
import sys
import time

from benchmarks.common import (
    BUNDLED_REPORT,
    PEAK_SNIPPET,
    PROJECT,
    Figure,
    Options,
    Outcome,
    median_time,
    mib_from_kib,
    profile_call,
    python_env,
    run_python,
)

TITLE = "World rail network: cold load, leg queries, bundled report, cold CLI"
#: Targets (issue: the real railway, worldwide).
TARGET_LOAD_MS = 300.0
TARGET_LOAD_MIB = 200.0
TARGET_QUERY_MS = 50.0
TARGET_WARM_MS = 150.0
TARGET_CLI_S = 3.0
#: The environment variable naming the cache folder (routes.read.gazetteer.CACHE_ENV).
CACHE_ENV = "REPORTED_ROUTES_CACHE"
COLD_REPEATS = 5
QUERY_PAIRS = 40
WARM_REPEATS = 15
CLI_REPEATS = 3
SEED = 20260101

#: The child: load the network from the cache, attach the stations, route one leg.
CHILD = (
    PEAK_SNIPPET
    + """
import json, time
from routes.rail.network import load_network
network = load_network()
loaded, loaded_cpu = time.monotonic(), time.process_time()
stations = network.stations
path = network.path(stations["pyongyang"], stations["khasan"])
done, done_cpu = time.monotonic(), time.process_time()
print(json.dumps({"loaded": loaded, "done": done, "peak_kib": peak_kib(), "km": path.km,
                  "loaded_cpu": loaded_cpu, "done_cpu": done_cpu, "stations": len(stations)}))
"""
)
#: The child that builds the world graph into an empty cache.
BUILD = (
    PEAK_SNIPPET
    + """
import json, time
from routes.rail.world import load_world
arrays = load_world()
print(json.dumps({"done": time.monotonic(), "peak_kib": peak_kib(), "nodes": arrays.node_count}))
"""
)


def run(options: Options) -> Outcome:
    """Every figure of the rail network."""
    outcome = Outcome(name="rail", title=TITLE)
    _first_build(outcome, options)
    _cold_load(outcome, options)
    _queries(outcome, options)
    _warm_report(outcome, options)
    _cold_cli(outcome, options)
    return outcome


def _first_build(outcome: Outcome, options: Options) -> None:
    """The once-per-install build from scgraph-data into an empty cache folder."""
    if options.quick:
        outcome.notes.append("Quick mode: the first-ever build (about 20 s, 2 GB) is not run.")
        return
    env = {**python_env(), CACHE_ENV: str(options.workdir / "rail-cache")}
    started = time.monotonic()
    result = run_python(BUILD, env=env)
    outcome.add(
        Figure("first-ever build (once per install)", result["done"] - started, "s"),
        Figure("first-ever build peak RSS", mib_from_kib(result["peak_kib"]), "MiB"),
    )


def _cold_load(outcome: Outcome, options: Options) -> None:
    """Fresh processes loading the network from the (built) cache."""
    repeats = 1 if options.quick else COLD_REPEATS
    runs = []
    for _ in range(repeats):
        started = time.monotonic()
        result = run_python(CHILD)
        runs.append(
            (
                (result["loaded"] - started) * 1000,
                (result["done"] - started) * 1000,
                result["peak_kib"],
                result["loaded_cpu"] * 1000,
                result["done_cpu"] * 1000,
            )
        )
    load_ms = statistics.median(r[0] for r in runs)
    ready_ms = statistics.median(r[1] for r in runs)
    peak = mib_from_kib(max(r[2] for r in runs))
    outcome.add(
        Figure("cold load from the cache (median)", load_ms, "ms", target=TARGET_LOAD_MS),
        Figure("  its CPU time in the child", statistics.median(r[3] for r in runs), "ms"),
        Figure("cold load + stations + first leg (median)", ready_ms, "ms"),
        Figure("  its CPU time in the child", statistics.median(r[4] for r in runs), "ms"),
        Figure("cold load peak RSS (max)", peak, "MiB", target=TARGET_LOAD_MIB),
    )
    outcome.notes.append(
        "Cold load: a new `python -c` process, spawn to `load_network()` returning (imports "
        "and the 13 MB .npz); then attaching the station table (the segment index is built "
        "here only when a station moved; the stations' track points are cached) and one "
        "Pyongyang - Khasan leg between their stations. Peak RSS is the child's VmHWM. Medians of "
        f"{repeats}: load {', '.join(f'{r[0]:.0f}' for r in runs)} ms, ready "
        f"{', '.join(f'{r[1]:.0f}' for r in runs)} ms."
    )


def _queries(outcome: Outcome, options: Options) -> None:
    """Legs between random pairs of the station table's stations, all over the map."""
    from routes.rail.network import load_network

    network = load_network()
    points = list(network.stations.values())
    rng = random.Random(SEED)
    count = 5 if options.quick else QUERY_PAIRS
    pairs = [tuple(rng.sample(points, 2)) for _ in range(count)]
    network.path(*pairs[0])  # warm-up: the routing weights are built on first use
    times, cpu = [], []
    for a, b in pairs:
        started, started_cpu = time.perf_counter(), time.process_time()
        network.path(a, b)
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    moscow, vladivostok = network.snap(37.6575, 55.7765), network.snap(131.8826, 43.1114)
    long_s, _ = median_time(lambda: network.path(moscow, vladivostok), 1 if options.quick else 5)
    outcome.add(
        Figure(
            "leg query, random station pairs (median)",
            statistics.median(times),
            "ms",
            target=TARGET_QUERY_MS,
        ),
        Figure("  its CPU time (median)", statistics.median(cpu), "ms"),
        Figure("leg query, random station pairs (max)", max(times), "ms"),
        Figure("leg query Moscow - Vladivostok", long_s * 1000, "ms"),
    )
    outcome.notes.append(
        f"Leg queries: {count} random pairs (seed {SEED}) of the {len(points)} stations "
        "attached (Korea, the Russian Far East, the Trans-Siberian, Mongolia, China, Vietnam, "
        "Poland, Ukraine), in one warm process; each is two bounded scipy dijkstras, one from "
        "each end, meeting in the middle (the Moscow - Vladivostok figure leaves out snapping)."
    )


def _warm_report(outcome: Outcome, options: Options) -> None:
    """The bundled report through ``build()`` with the gazetteer and network loaded."""
    from routes.pipeline import build
    from routes.rail.network import load_network
    from routes.read.gazetteer import load_gazetteer
    from routes.read.reports import load_paths

    reports = load_paths([BUNDLED_REPORT]).reports
    gazetteer, network = load_gazetteer(), load_network()

    def once():
        return build(reports, gazetteer=gazetteer, network=network)

    once()
    repeats = 1 if options.quick else WARM_REPEATS
    total, _ = median_time(once, repeats)
    cpu_started = time.process_time()
    for _ in range(repeats):
        journey = once()
    cpu_ms = (time.process_time() - cpu_started) / repeats * 1000
    outcome.add(
        Figure("bundled report build(), warm (median)", total * 1000, "ms", target=TARGET_WARM_MS),
        Figure("  its CPU time (mean)", cpu_ms, "ms"),
        Figure("bundled report rail km", journey.route.rail_km, "km"),
    )
    if options.profile and total * 1000 > TARGET_WARM_MS:
        outcome.profiles["bundled report build, warm"] = profile_call(once)


def _cold_cli(outcome: Outcome, options: Options) -> None:
    """``python -m routes build`` of the bundled report in a fresh process, every output."""
    repeats = 1 if options.quick else CLI_REPEATS
    times, cpu = [], []
    for index in range(repeats):
        out = options.workdir / f"rail-cli-{index}"
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.monotonic()
        subprocess.run(
            [sys.executable, "-m", "routes", "build", "--out", str(out)],
            cwd=PROJECT,
            env=python_env(),
            check=True,
            capture_output=True,
        )
        times.append(time.monotonic() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    outcome.add(
        Figure(
            "cold CLI build, bundled report (median)",
            statistics.median(times),
            "s",
            target=TARGET_CLI_S,
        ),
        Figure("  its CPU time (user + system, median)", statistics.median(cpu), "s"),
    )
    outcome.notes.append(
        "Cold CLI: `python -m routes build --out DIR` of the bundled report, a new process "
        f"each time, writing every output (map.html, PNG, SVG, PDF, GeoJSON ...): "
        f"{', '.join(f'{t:.2f}' for t in times)} s."
    )
