"""Hostile input: one run-on sentence repeating a place name, built by the CLI.

A report of 14 KB or 900 KB that is nothing but "Khasan Khasan …" (no full stop) once
made every mention carry its own copy of the sentence: 28 MB of GeoJSON at 14 KB, the
kernel killing the build at 140 KB. This row keeps that bounded: wall time, peak memory
and the bytes of every output of ``python -m routes build`` in a fresh process.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

from benchmarks.common import PROJECT, Figure, Options, Outcome, python_env

TITLE = "Hostile input: a run-on sentence repeating one place name"
#: Report sizes in bytes (the README's limit is 1 MB per report).
SIZES = (14_000, 900_000)
QUICK_SIZES = (14_000,)
#: Targets for the largest report.
TARGET_WALL_S = 30.0
TARGET_RSS_MIB = 1024.0
TARGET_OUTPUT_FACTOR = 20.0
NAME = "Khasan"


def run(options: Options) -> Outcome:
    """Build each hostile report in a fresh ``python -m routes build``; measure it."""
    outcome = Outcome(name="hostile", title=TITLE)
    sizes = QUICK_SIZES if options.quick else SIZES
    for size in sizes:
        _measure(outcome, options, size, targets=size == max(SIZES))
    outcome.notes.append(
        f"Each report is one line of '{NAME} {NAME} …' with no full stop, in a .txt file with a "
        "headline. Peak RSS is the child process's ru_maxrss (os.wait4). The output factor is "
        "the largest output file over the report size; map.html carries a fixed ~300 KB of "
        "inlined Leaflet and styles, so at 14 KB it is reported without a target. Mentions "
        "beyond 50 per place per report are counted (mentions_omitted), not stored."
    )
    return outcome


def _measure(outcome: Outcome, options: Options, size: int, *, targets: bool) -> None:
    """One build of a ``size``-byte hostile report: time, memory, output bytes."""
    folder = options.workdir / f"hostile-{size}"
    folder.mkdir(parents=True, exist_ok=True)
    report = folder / "hostile.txt"
    report.write_text(_hostile_text(size), encoding="utf-8")
    out = folder / "out"
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "routes", "build", str(report), "--out", str(out)],
        cwd=PROJECT,
        env=python_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    stderr = child.stderr.read().decode("utf-8", "replace") if child.stderr else ""
    if child.returncode != 0:
        msg = f"build of the {size:,}-byte report exited {child.returncode}: {stderr[-800:]}"
        raise RuntimeError(msg)
    sizes = {path.name: path.stat().st_size for path in sorted(out.iterdir())}
    largest = max(sizes, key=sizes.get)
    label = f"{size / 1000:,.0f} KB"
    outcome.add(
        Figure(f"{label}: wall time", wall, "s", target=TARGET_WALL_S if targets else None),
        Figure(
            f"{label}: peak RSS",
            usage.ru_maxrss / 1024,
            "MiB",
            target=TARGET_RSS_MIB if targets else None,
        ),
        Figure(
            f"{label}: largest output / input ({largest})",
            sizes[largest] / size,
            "ratio",
            target=TARGET_OUTPUT_FACTOR if targets else None,
        ),
        Figure(f"{label}: all outputs", sum(sizes.values()) / 1e6, "MB"),
        Figure(f"{label}: route.geojson", sizes["route.geojson"] / 1000, "KB"),
    )


def _hostile_text(size: int) -> str:
    """A headline and one sentence of ``NAME`` repeated to about ``size`` bytes."""
    words = " ".join([NAME] * (size // (len(NAME) + 1)))
    return f"Hostile report\n{words}\n"
