"""``python -m benchmarks``: run benchmarks, print a table, redraw results.md from all."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from benchmarks import machine, report, store
from benchmarks.common import PROJECT, Options, Outcome

#: Benchmark name -> module in this package with ``TITLE`` and ``run(options) -> Outcome``.
BENCHMARKS = {
    "gazetteer": "benchmarks.gazetteer_load",
    "geoparse": "benchmarks.throughput",
    "ner-peer": "benchmarks.ner_peer",
    "languages": "benchmarks.languages",
    "accuracy": "benchmarks.accuracy",
    "devset": "benchmarks.devset",
    "end-to-end": "benchmarks.end_to_end",
    "scale": "benchmarks.scale",
    "dashboard": "benchmarks.dashboard",
    "hostile": "benchmarks.hostile",
    "batch": "benchmarks.batch",
    "static-map": "benchmarks.static_map",
    "rail": "benchmarks.rail",
}
RESULTS = PROJECT / "benchmarks" / "results.md"
EXIT_OK = 0
EXIT_ERROR = 1


def main(argv: Sequence[str] | None = None) -> int:
    """Run the chosen benchmarks; return 1 when any of them failed to run, else 0."""
    args = _parser().parse_args(argv)
    names = _chosen(args.only)
    outcomes: list[Outcome] = []
    command = "python -m benchmarks" + "".join(f" {a}" for a in (argv or sys.argv[1:]))
    folder = store.folder_for(args.results)
    with tempfile.TemporaryDirectory(prefix="routes-bench-") as tmp:
        options = Options(quick=args.quick, workdir=Path(tmp), profile=not args.no_profile)
        for name in names:
            print(f"[benchmarks] {name} …", file=sys.stderr, flush=True)
            outcome = _run_one(name, options)
            outcome.command, outcome.quick = command, args.quick
            store.save(folder, outcome)
            outcomes.append(outcome)
    print(report.text_table(outcomes))
    kept = store.load_all(folder, list(BENCHMARKS))
    text = report.markdown(kept, machine.describe())
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(text, encoding="utf-8")
    print(f"[benchmarks] wrote {args.results} (outcomes kept in {folder})", file=sys.stderr)
    return EXIT_ERROR if any(o.error for o in outcomes) else EXIT_OK


def _parser() -> argparse.ArgumentParser:
    """The command-line options."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Speed, memory and accuracy of Reported Routes beside a peer.",
    )
    parser.add_argument(
        "--quick", action="store_true", help="tiny inputs, a few repeats: checks that it runs"
    )
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="NAME",
        help=f"run only this benchmark (repeatable or comma-separated): {', '.join(BENCHMARKS)}",
    )
    parser.add_argument(
        "--results",
        type=Path,
        default=RESULTS,
        metavar="PATH",
        help=f"where to write the Markdown results (default: {RESULTS.relative_to(PROJECT)})",
    )
    parser.add_argument(
        "--no-profile", action="store_true", help="do not profile the benchmarks that miss"
    )
    return parser


def _chosen(only: Sequence[str]) -> list[str]:
    """The benchmark names to run, in the canonical order; exits on an unknown name."""
    wanted = {name.strip() for item in only for name in item.split(",") if name.strip()}
    unknown = wanted - set(BENCHMARKS)
    if unknown:
        msg = (
            f"unknown benchmark(s): {', '.join(sorted(unknown))}; "
            f"choose from {', '.join(BENCHMARKS)}"
        )
        raise SystemExit(f"python -m benchmarks: error: {msg}")
    return [name for name in BENCHMARKS if not wanted or name in wanted]


def _run_one(name: str, options: Options) -> Outcome:
    """Run one benchmark; a crash becomes an outcome with its traceback, not an abort."""
    started = time.perf_counter()
    load_before = os.getloadavg()[0]
    module = None
    try:
        module = importlib.import_module(BENCHMARKS[name])
        outcome = module.run(options)
    except Exception:
        title = getattr(module, "TITLE", name)
        outcome = Outcome(name=name, title=title, error=traceback.format_exc(limit=8))
    outcome.seconds = time.perf_counter() - started
    outcome.load = (load_before, os.getloadavg()[0])
    outcome.ran_at = datetime.now(UTC).strftime("%Y-%m-%d %H:%M")
    return outcome


if __name__ == "__main__":
    sys.exit(main())
