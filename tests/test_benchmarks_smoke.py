"""``python -m benchmarks --quick`` runs end to end on tiny inputs and writes its table.

Only that it runs: no timing or memory target is asserted here (issue 7, GUIDE.md).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from benchmarks.__main__ import BENCHMARKS

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
