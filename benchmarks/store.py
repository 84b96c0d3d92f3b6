"""Each benchmark's last outcome kept as JSON, so one ``--only`` run updates only its own rows.

``results.md`` is drawn from every stored outcome: running one benchmark replaces that
benchmark's figures and notes and keeps the others' (each says when and how it last ran).
"""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from pathlib import Path

from benchmarks.common import Figure, Outcome


def folder_for(results: Path) -> Path:
    """Where the outcomes behind ``results`` are kept: the folder named after its stem.

    ``benchmarks/results.md`` -> ``benchmarks/results/``.
    """
    return results.with_name(results.stem)


def save(folder: Path, outcome: Outcome) -> Path:
    """Write ``outcome`` as ``folder/<name>.json`` (replacing the last one) and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{outcome.name}.json"
    data = asdict(outcome)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def load_all(folder: Path, order: list[str]) -> list[Outcome]:
    """Every stored outcome, in the benchmarks' canonical ``order``; unreadable files skipped."""
    outcomes = []
    for name in order:
        path = folder / f"{name}.json"
        if path.exists():
            outcome = _read(path)
            if outcome is not None:
                outcomes.append(outcome)
    return outcomes


def _read(path: Path) -> Outcome | None:
    """One stored outcome, or None when the file is not one (an older layout, a bad edit)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        figures = [Figure(**figure) for figure in data.pop("figures")]
        known = {f.name for f in fields(Outcome)}
        data = {key: value for key, value in data.items() if key in known}
        data["load"] = tuple(data.get("load", (0.0, 0.0)))
        return Outcome(figures=figures, **data)
    except (OSError, ValueError, TypeError, KeyError):
        return None
