"""Load the annotated set (``tests/annotated/*.json``) for the tests and the benchmarks."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import NamedTuple

from routes.model import Report
from routes.paths import PROJECT_DIR
from routes.read.reports import load_paths, report_from_text

#: Where the annotated files live.
ANNOTATED_DIR = PROJECT_DIR / "tests" / "annotated"


@dataclass(frozen=True)
class AnnotatedCase:
    """One annotated report: the places it must yield and words that are no place."""

    report: Report
    expected: tuple[dict[str, str], ...]
    not_places: tuple[str, ...]
    path: Path


def load_cases(folder: Path = ANNOTATED_DIR) -> list[AnnotatedCase]:
    """Every annotated case in ``folder``, in file-name order.

    Each file holds ``{"report": {id, title, source, published, text}}`` (or
    ``{"report_path": "<file under the project root>"}`` for a shipped report),
    ``"expected": [{"place": <place id>, "role": <role>}, ...]`` listing every
    located place of the report, and optionally ``"not_places": [...]``, words
    that must not become a place.

    Parameters
    ----------
    folder
        The folder of ``*.json`` case files.

    Returns
    -------
    list of AnnotatedCase
    """
    return [_case(path) for path in sorted(folder.glob("*.json"))]


class AnnotatedItem(NamedTuple):
    """A report and its expected ``{"place", "role"}`` entries (a plain 2-tuple too)."""

    report: Report
    expected: list[dict[str, str]]

    @property
    def places(self) -> tuple[str, ...]:
        """The place ids the report must yield."""
        return tuple(entry["place"] for entry in self.expected)


def load_annotated(folder: Path = ANNOTATED_DIR) -> list[AnnotatedItem]:
    """The annotated reports with their expected ``{"place", "role"}`` entries.

    Each item unpacks as ``(report, expected)``; ``item.places`` lists the ids.
    """
    return [AnnotatedItem(case.report, list(case.expected)) for case in load_cases(folder)]


def _case(path: Path) -> AnnotatedCase:
    """One case file, its report built as the loader builds pasted or shipped text."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if "report_path" in data:
        result = load_paths([PROJECT_DIR / data["report_path"]])
        if result.problems or len(result.reports) != 1:
            msg = f"{path.name}: cannot load {data['report_path']}: {result.problems}"
            raise ValueError(msg)
        report = result.reports[0]
    else:
        meta = data["report"]
        report = report_from_text(
            meta["text"],
            title=meta.get("title", ""),
            source=meta.get("source", ""),
            published=date.fromisoformat(meta["published"]) if meta.get("published") else None,
            report_id=meta["id"],
            filename=path.name,
        )
    expected = tuple({"place": e["place"], "role": e["role"]} for e in data["expected"])
    return AnnotatedCase(report, expected, tuple(data.get("not_places", ())), path)
