"""The held-out sets are well formed: they load, their gold can be scored, they are large enough.

The held-out sets (``tests/heldout/``, ``tests/heldout2/``) were written blind, without
reading the reader's rules or the development and blind sets' report texts, and they are
measured, never a target (see their READMEs): nobody reads their misses to tune the reader.
These tests check their format only; there is no accuracy floor here.
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
HELDOUT2_DIR: Path = PROJECT_DIR / "tests" / "heldout2"
BLIND_DIR: Path = PROJECT_DIR / "tests" / "blind"
#: What an honest held-out figure needs, per set: reports per language and distinct journeys.
#: The second set was cut short at 30 reports over 5 journeys (its README says so): its figure
#: is given with its size, and these floors keep it from shrinking.
MIN_SIZE: dict[str, tuple[dict[str, int], int]] = {
    "heldout": ({"en": 30, "ko": 8, "ru": 8}, 8),
    "heldout2": ({"en": 17, "ko": 7, "ru": 6}, 5),
}
#: Every held-out id starts so, which keeps it apart from the development and blind sets' ids.
ID_PREFIX = "dev-heldout-"

SETS: dict[str, tuple[DevReport, ...]] = {
    "heldout": load_devset(HELDOUT_DIR).reports,
    "heldout2": load_devset(HELDOUT2_DIR).reports,
}
CASES: list[DevReport] = [r for reports in SETS.values() for r in reports]


def _ids(reports: tuple[DevReport, ...] | list[DevReport]) -> list[str]:
    return [r.report.id for r in reports]


def _other_sets() -> tuple[DevReport, ...]:
    dev, blind = load_devset(), load_devset(BLIND_DIR)
    return (*dev.reports, *(r for s in dev.series for r in s.reports), *blind.reports)


@pytest.mark.parametrize("case", CASES, ids=_ids(CASES))
def test_words_that_are_no_place_occur_in_their_report(case: DevReport) -> None:
    for word in case.not_places:
        assert word in case.report.text, f"{case.path}: {word!r}"


def test_ids_are_unique_and_apart_from_the_other_sets() -> None:
    ids = _ids(CASES)
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    assert all(i.startswith(ID_PREFIX) for i in ids)
    assert not set(ids) & set(_ids(_other_sets()))


def test_its_journeys_are_new() -> None:
    others = {r.journey for r in _other_sets()}
    assert not {r.journey for r in CASES} & others
    first, second = ({r.journey for r in reports} for reports in SETS.values())
    assert not first & second


@pytest.mark.parametrize("name", SETS)
def test_the_set_is_as_large_as_an_honest_figure_needs(name: str) -> None:
    reports = SETS[name]
    least_reports, least_journeys = MIN_SIZE[name]
    counts = Counter(r.report.language for r in reports)
    for language, least in least_reports.items():
        assert counts[language] >= least, f"{name} {language}: {counts[language]} reports"
    assert len({r.journey for r in reports}) >= least_journeys


@pytest.mark.parametrize("name", SETS)
def test_every_trap_label_is_covered(name: str) -> None:
    covered = {t for r in SETS[name] for t in r.traps}
    assert set(DEV_TRAPS) <= covered, set(DEV_TRAPS) - covered
