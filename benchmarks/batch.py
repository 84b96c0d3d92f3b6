"""Batch: the benchmark corpus as one .jsonl archive through 1 and 2 workers and Dask."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from benchmarks.common import PROJECT, Figure, Options, Outcome, mb, python_env
from benchmarks.corpus import generate

TITLE = "Batch: 20,000 corpus reports to GeoParquet on 1, 2 workers and Dask"
N_REPORTS = 20_000
QUICK_REPORTS = 60
#: The issue's targets: speed-up of 2 workers over 1, peak RSS of every process.
TARGET_SPEEDUP = 1.7
TARGET_RSS_MB = 500.0
#: Runs measured, by label: the ``run_batch`` options.
RUNS = {
    "1 worker": {"workers": 1},
    "2 workers": {"workers": 2},
    "dask local, 2 workers": {"workers": 2, "dask": "local"},
}
#: Run in a fresh interpreter so each run's peak RSS is its own.
_CHILD = """
import json, resource, sys, time
from pathlib import Path
from routes.batch.run import run_batch
from routes.memory import peak_rss_kib
options = json.loads(sys.argv[3])
summary = run_batch([sys.argv[1]], Path(sys.argv[2]), progress=False, **options)
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({
    "reports": summary.reports, "mentions": summary.mentions, "places": summary.places,
    "seconds": summary.seconds, "parent_rss_kib": peak_rss_kib(),
    "parent_cpu_s": usage.ru_utime + usage.ru_stime,
    "workers_rss_kib": sorted(summary.worker_rss_kib.values()),
    "bytes": {k: p.stat().st_size for k, p in summary.written.items()},
}))
"""


def run(options: Options) -> Outcome:
    """Write the corpus as .jsonl, run each configuration in a fresh process, compare."""
    outcome = Outcome(name="batch", title=TITLE)
    n = QUICK_REPORTS if options.quick else N_REPORTS
    archive = options.workdir / "batch-corpus.jsonl"
    _write_archive(archive, n)
    results = {}
    for label, run_options in RUNS.items():
        results[label] = _measure(archive, options.workdir / f"batch-{label}", run_options)
        _figures(outcome, label, results[label])
    one, two = results["1 worker"], results["2 workers"]
    speedup = one["seconds"] / two["seconds"]
    outcome.add(Figure("2 workers over 1: speed-up", speedup, "x", TARGET_SPEEDUP, "higher"))
    _scaling_note(outcome, one, two)
    return outcome


def _write_archive(path: Path, n: int) -> None:
    """The benchmark corpus of ``n`` reports as JSON Lines."""
    with path.open("w", encoding="utf-8") as handle:
        for report in generate(n, min_bytes=0):
            record = {
                "id": report.id,
                "title": report.title,
                "source": report.source,
                "published": report.published.isoformat(),
                "text": report.text,
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def _measure(archive: Path, out: Path, run_options: dict) -> dict:
    """One batch run in a child interpreter; its summary and resource use."""
    command = [sys.executable, "-c", _CHILD, str(archive), str(out), json.dumps(run_options)]
    done = subprocess.run(
        command, cwd=PROJECT, env=python_env(), capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def _figures(outcome: Outcome, label: str, result: dict) -> None:
    """Throughput, memory and bytes written of one run."""
    rate = result["reports"] / result["seconds"]
    workers = result["workers_rss_kib"]
    outcome.add(
        Figure(f"{label}: throughput", rate, "reports/s", better="higher"),
        Figure(f"{label}: peak RSS, parent", result["parent_rss_kib"] / 1024, "MB", TARGET_RSS_MB),
        Figure(f"{label}: peak RSS, largest worker", max(workers) / 1024, "MB", TARGET_RSS_MB),
        Figure(f"{label}: bytes written", mb(sum(result["bytes"].values())), "MB"),
    )
    outcome.notes.append(
        f"{label}: {result['reports']:,} reports, {result['mentions']:,} mentions, "
        f"{result['places']:,} places in {result['seconds']:.1f} s; worker peak RSS "
        f"{', '.join(f'{k / 1024:.0f}' for k in workers)} MB; files "
        + ", ".join(f"{k} {mb(v):.1f} MB" for k, v in result["bytes"].items())
    )


def _scaling_note(outcome: Outcome, one: dict, two: dict) -> None:
    """Where adding cores stops paying: the parent's CPU per report (read, merge, write)."""
    per_report = two["parent_cpu_s"] / two["reports"]
    worker_cost = one["seconds"] / one["reports"]
    ceiling = 1 / per_report if per_report else float("inf")
    outcome.add(
        Figure("parent CPU per report (read, merge, write)", per_report * 1000, "ms"),
        Figure("parse cost per report, 1 worker", worker_cost * 1000, "ms"),
        Figure("ceiling of one parent", ceiling, "reports/s", better="higher"),
    )
    outcome.notes.append(
        f"Scaling: each worker parses independently, so throughput grows with cores until the "
        f"single parent (reading, JSON, pickling chunks out, folding place totals, writing "
        f"Parquet) saturates: {per_report * 1000:.2f} ms of parent CPU per report against "
        f"{worker_cost * 1000:.1f} ms of parsing, a ceiling near {ceiling:,.0f} reports/s, "
        f"about {worker_cost / per_report:.0f} busy workers on one parent. Measured on "
        f"{os.cpu_count()} cores shared with other jobs (see the load figures)."
    )
