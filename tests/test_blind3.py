"""The third blind set is well formed: it loads, it is large enough, its series is one journey.

``tests/blind3/`` was written without reading the reader's rules (see its README); like the
other blind sets it is measured (``benchmarks/devset.py``), never a target, so these tests
check its format only: its gold places, roles and visits are checked with the other sets' in
``tests/test_blind.py``; there is no accuracy floor here.
"""

from __future__ import annotations

from collections import Counter

import pytest

from routes.evaluate.devset import DevReport, load_devset
from routes.paths import PROJECT_DIR

BLIND3 = load_devset(PROJECT_DIR / "tests" / "blind3")
#: What an honest figure needs: reports per language, distinct journeys, series and their size.
MIN_REPORTS = {"en": 24, "ko": 8, "ru": 8}
MIN_JOURNEYS = 9
MIN_SERIES, MIN_SERIES_REPORTS = 1, 5
#: Every id starts so, which keeps it apart from the other sets' ids.
ID_PREFIX = "dev-blind3-"
OTHER_SETS = ("devset", "blind", "blind2", "heldout", "heldout2")


def _all(devset) -> list[DevReport]:
    return [*devset.reports, *(r for s in devset.series for r in s.reports)]


def test_the_set_is_as_large_as_an_honest_figure_needs() -> None:
    counts = Counter(r.report.language for r in BLIND3.reports)
    for language, least in MIN_REPORTS.items():
        assert counts[language] >= least, f"{language}: {counts[language]} reports"
    assert len({r.journey for r in BLIND3.reports}) >= MIN_JOURNEYS
    long_series = [s for s in BLIND3.series if len(s.reports) >= MIN_SERIES_REPORTS]
    assert len(long_series) >= MIN_SERIES


@pytest.mark.parametrize("other", OTHER_SETS)
def test_ids_and_journeys_are_apart_from_the_other_sets(other: str) -> None:
    ours = _all(BLIND3)
    ids = [r.report.id for r in ours]
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    assert all(i.startswith(ID_PREFIX) for i in ids)
    theirs = _all(load_devset(PROJECT_DIR / "tests" / other))
    assert not set(ids) & {r.report.id for r in theirs}
    assert not {r.journey for r in ours} & {r.journey for r in theirs}


def test_each_series_is_one_journey_read_in_published_order() -> None:
    for series in BLIND3.series:
        assert series.itinerary, series.path
        assert all(r.journey == series.journey for r in series.reports), series.path
        days = [r.report.published for r in series.reports]
        assert days == sorted(days), f"{series.path}: reports not in published order"
        stops = {p.name for r in series.reports for p in r.places}
        assert {stop.name for stop in series.itinerary} <= stops, series.path
