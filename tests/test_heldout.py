"""The held-out set is well formed: it loads, its gold can be scored, and it is large enough.

The held-out set (``tests/heldout/``) was written blind, without reading the reader's rules or
the development and blind sets' report texts, and it is measured, never a target (see its
README): nobody reads its misses to tune the reader. These tests check its format only; there
is no accuracy floor here.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from routes.evaluate.devset import (
    DEV_TRAPS,
    DevReport,
    load_devset,
)
from routes.paths import PROJECT_DIR

HELDOUT_DIR: Path = PROJECT_DIR / "tests" / "heldout"
BLIND_DIR: Path = PROJECT_DIR / "tests" / "blind"
#: What an honest held-out figure needs: reports per language and distinct journeys.
MIN_REPORTS = {"en": 30, "ko": 8, "ru": 8}
MIN_JOURNEYS = 8
#: Every held-out id starts so, which keeps it apart from the development and blind sets' ids.
ID_PREFIX = "dev-heldout-"

HELDOUT = load_devset(HELDOUT_DIR)
REPORTS: tuple[DevReport, ...] = HELDOUT.reports


def _ids(reports: tuple[DevReport, ...]) -> list[str]:
    return [r.report.id for r in reports]


def _other_sets() -> tuple[DevReport, ...]:
    dev, blind = load_devset(), load_devset(BLIND_DIR)
    return (*dev.reports, *(r for s in dev.series for r in s.reports), *blind.reports)


@pytest.mark.parametrize("case", REPORTS, ids=_ids(REPORTS))
def test_words_that_are_no_place_occur_in_their_report(case: DevReport) -> None:
    for word in case.not_places:
        assert word in case.report.text, f"{case.path}: {word!r}"


def test_ids_are_unique_and_apart_from_the_other_sets() -> None:
    ids = _ids(REPORTS)
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    assert all(i.startswith(ID_PREFIX) for i in ids)
    assert not set(ids) & set(_ids(_other_sets()))


def test_its_journeys_are_new() -> None:
    assert not {r.journey for r in REPORTS} & {r.journey for r in _other_sets()}


def test_the_set_is_as_large_as_an_honest_figure_needs() -> None:
    counts = Counter(r.report.language for r in REPORTS)
    for language, least in MIN_REPORTS.items():
        assert counts[language] >= least, f"{language}: {counts[language]} reports"
    assert len({r.journey for r in REPORTS}) >= MIN_JOURNEYS


def test_every_trap_label_is_covered() -> None:
    covered = {t for r in REPORTS for t in r.traps}
    assert set(DEV_TRAPS) <= covered, set(DEV_TRAPS) - covered
