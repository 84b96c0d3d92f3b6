"""Running one benchmark updates only its own figures in results.md; the others are kept."""

from __future__ import annotations

from pathlib import Path

from benchmarks import report, store
from benchmarks.common import Figure, Outcome


def _outcome(name: str, value: float) -> Outcome:
    return Outcome(name=name, title=f"{name} title", figures=[Figure("speed", value, "ms", 10)])


def test_a_later_run_of_one_benchmark_replaces_its_figures_and_keeps_the_others(
    tmp_path: Path,
) -> None:
    folder = store.folder_for(tmp_path / "results.md")
    store.save(folder, _outcome("alpha", 5.0))
    store.save(folder, _outcome("beta", 20.0))
    store.save(folder, _outcome("alpha", 7.0))
    kept = store.load_all(folder, ["beta", "alpha", "gamma"])
    assert [(o.name, o.figures[0].value) for o in kept] == [("beta", 20.0), ("alpha", 7.0)]
    text = report.markdown(kept, {"cores": "2"})
    assert "| alpha | speed | 7.0 ms |" in text and "| beta | speed | 20.0 ms |" in text


def test_a_stored_outcome_that_cannot_be_read_is_left_out_not_fatal(tmp_path: Path) -> None:
    folder = store.folder_for(tmp_path / "results.md")
    store.save(folder, _outcome("alpha", 5.0))
    (folder / "beta.json").write_text("{not json", encoding="utf-8")
    assert [o.name for o in store.load_all(folder, ["alpha", "beta"])] == ["alpha"]


def test_figures_keep_their_target_and_direction_through_the_store(tmp_path: Path) -> None:
    folder = store.folder_for(tmp_path / "results.md")
    original = Outcome(
        name="alpha",
        title="t",
        figures=[Figure("rate", 3.0, "x", 1.7, "higher", note="n")],
        notes=["a note"],
        load=(1.5, 2.5),
        ran_at="2026-01-01 00:00",
        command="python -m benchmarks --only alpha",
    )
    store.save(folder, original)
    (back,) = store.load_all(folder, ["alpha"])
    assert back == original
