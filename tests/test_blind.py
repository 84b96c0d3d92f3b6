"""The blind set is well formed: it loads, its gold can be scored, and it is large enough.

The blind set (``tests/blind/``) was written without reading the reader's rules and is not a
target (its misses have been read to find kinds of failure: see its README), so these tests
check its format only; there is no accuracy floor here.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from routes.evaluate.devset import (
    DEV_KINDS,
    DEV_MODES,
    DEV_ROLES,
    DEV_STATUSES,
    DEV_STOP_ROLES,
    DEV_TRAPS,
    DevReport,
    load_devset,
)
from routes.paths import PROJECT_DIR

BLIND_DIR: Path = PROJECT_DIR / "tests" / "blind"
#: What an honest held-out figure needs: reports per language and distinct journeys.
MIN_REPORTS = {"en": 30, "ko": 8, "ru": 8}
MIN_JOURNEYS = 8
#: Every blind id starts so, which keeps it apart from the development set's ids.
ID_PREFIX = "dev-blind-"

BLIND = load_devset(BLIND_DIR)
REPORTS: tuple[DevReport, ...] = BLIND.reports
BLIND2 = load_devset(PROJECT_DIR / "tests" / "blind2")
BLIND3 = load_devset(PROJECT_DIR / "tests" / "blind3")
BLIND4 = load_devset(PROJECT_DIR / "tests" / "blind4")
BLIND5 = load_devset(PROJECT_DIR / "tests" / "blind5")
BLIND6 = load_devset(PROJECT_DIR / "tests" / "blind6")
BLIND7 = load_devset(PROJECT_DIR / "tests" / "blind7")
BLIND8 = load_devset(PROJECT_DIR / "tests" / "blind8")
BLIND9 = load_devset(PROJECT_DIR / "tests" / "blind9")
BLIND10 = load_devset(PROJECT_DIR / "tests" / "blind10")
#: The reports whose gold format is checked here: the blind sets' (the later sets'
#: day-by-day series too, their own checks in
#: ``tests/test_blind_sets.py``) and the held-out set's (``tests/heldout/``, whose own checks are
#: in ``tests/test_heldout.py``).
FORMATTED: tuple[DevReport, ...] = (
    *REPORTS,
    *BLIND2.reports,
    *(r for s in BLIND2.series for r in s.reports),
    *BLIND3.reports,
    *(r for s in BLIND3.series for r in s.reports),
    *BLIND4.reports,
    *(r for s in BLIND4.series for r in s.reports),
    *BLIND5.reports,
    *(r for s in BLIND5.series for r in s.reports),
    *BLIND6.reports,
    *(r for s in BLIND6.series for r in s.reports),
    *BLIND7.reports,
    *(r for s in BLIND7.series for r in s.reports),
    *BLIND8.reports,
    *(r for s in BLIND8.series for r in s.reports),
    *BLIND9.reports,
    *(r for s in BLIND9.series for r in s.reports),
    *BLIND10.reports,
    *(r for s in BLIND10.series for r in s.reports),
    *load_devset(PROJECT_DIR / "tests" / "heldout").reports,
)


def _ids(reports: tuple[DevReport, ...]) -> list[str]:
    return [r.report.id for r in reports]


@pytest.mark.parametrize("case", FORMATTED, ids=_ids(FORMATTED))
def test_every_gold_place_is_a_span_of_its_report(case: DevReport) -> None:
    for place in case.places:
        assert place.text and case.report.text.find(place.text) >= 0, f"{case.path}: {place.text!r}"


@pytest.mark.parametrize("case", FORMATTED, ids=_ids(FORMATTED))
def test_every_gold_place_uses_the_documented_vocabulary(case: DevReport) -> None:
    for place in case.places:
        where = f"{case.path}: {place.name}"
        assert place.role in DEV_ROLES and place.status in DEV_STATUSES, where
        assert place.kind in DEV_KINDS, where
        assert place.arrived_by is None or place.arrived_by in DEV_MODES, where
        assert -90 <= place.lat <= 90 and -180 <= place.lon <= 180, where
        assert place.country == "" or (len(place.country) == 2 and place.country.isupper()), where
    assert case.traps and set(case.traps) <= set(DEV_TRAPS), case.path


@pytest.mark.parametrize("case", FORMATTED, ids=_ids(FORMATTED))
def test_visits_name_only_stops_and_no_place_is_listed_twice(case: DevReport) -> None:
    stops = {p.name for p in case.places if p.role in DEV_STOP_ROLES}
    assert set(case.visits) <= stops, f"{case.path}: {set(case.visits) - stops}"
    names = [p.name for p in case.places]
    assert len(names) == len(set(names)), f"{case.path}: a place listed twice"
    in_series = case.path.parent.parent.name == "series"
    assert in_series or case.path.parent.name == case.report.language, case.path


def test_ids_are_unique_and_apart_from_the_development_set() -> None:
    ids = _ids(REPORTS)
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    assert all(i.startswith(ID_PREFIX) for i in ids)
    dev = load_devset()
    dev_ids = set(_ids(dev.reports)) | {r.report.id for s in dev.series for r in s.reports}
    assert not set(ids) & dev_ids


def test_the_set_is_as_large_as_an_honest_figure_needs() -> None:
    counts = Counter(r.report.language for r in REPORTS)
    for language, least in MIN_REPORTS.items():
        assert counts[language] >= least, f"{language}: {counts[language]} reports"
    assert len({r.journey for r in REPORTS}) >= MIN_JOURNEYS
