"""``python -m benchmarks --quick`` runs end to end on tiny inputs and writes its table.

That it runs, on the same corpus every time, scoring the peer in our ids and saying by how
much a target is missed; no timing or memory target is asserted here (see benchmarks/results.md).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.__main__ import BENCHMARKS

pytestmark = pytest.mark.slow

PROJECT = Path(__file__).resolve().parent.parent
COMMITTED = PROJECT / "benchmarks" / "results.md"


def _committed() -> bytes | None:
    return COMMITTED.read_bytes() if COMMITTED.exists() else None


def test_quick_run_writes_a_row_per_benchmark_to_the_chosen_file_only(tmp_path: Path) -> None:
    before = _committed()
    results = tmp_path / "results.md"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--no-profile", "--results", str(results)],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    text = results.read_text(encoding="utf-8")
    printed = done.stdout.splitlines()
    for name in BENCHMARKS:
        assert f"| {name} |" in text, f"no row for {name} in {results}"
        assert any(line.startswith(f"{name} ") for line in printed), f"no row for {name} printed"
    assert "quick mode" in text
    assert "## Machine" in text
    assert "| error |" not in text
    assert _committed() == before, "a --results run must leave benchmarks/results.md alone"


def test_an_unknown_benchmark_name_is_refused_with_the_valid_names() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--only", "nonsense"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode != 0
    assert "nonsense" in done.stderr
    assert "gazetteer" in done.stderr


def test_the_corpus_is_the_same_on_every_run_and_as_big_as_issue_7_asks() -> None:
    from benchmarks.corpus import MIN_BYTES, MIN_REPORTS, corpus_bytes, generate

    first, second = generate(), generate()
    assert first == second
    assert len(first) >= MIN_REPORTS
    assert corpus_bytes(first) >= MIN_BYTES
    assert len({r.id for r in first}) == len(first)


def test_the_peer_is_scored_in_our_place_ids() -> None:
    from benchmarks.peer import Peer
    from routes.read.gazetteer import load_gazetteer

    peer = Peer(load_gazetteer())
    found = peer.places("Officials in Vladivostok and Nairobi said Russia would not comment.")
    assert "vladivostok" in found  # a curated place, not gn:<id>
    assert "russia" in found  # a country, by ISO code
    assert any(place.startswith("gn:") for place in found)  # Nairobi, from GeoNames


def test_a_missed_target_says_by_how_much() -> None:
    from benchmarks.common import Figure

    slow = Figure("warm", 200.0, "ms", target=150.0)
    fast = Figure("warm", 100.0, "ms", target=150.0)
    ratio = Figure("ratio", 0.5, "ratio", target=1.0, better="higher")
    assert (slow.status, fast.status, ratio.status) == ("miss", "pass", "miss")
    assert slow.margin == "+50.0 ms (+33%)"
    assert ratio.margin.endswith("(-50%)")
