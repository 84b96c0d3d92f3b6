"""The later blind sets are well formed: they load, they are large enough, each series is
one journey.

``tests/blind2/`` to ``tests/blind10/`` were written without reading the reader's rules (see
their READMEs); like the first blind set they are measured (``benchmarks/devset.py``),
never a target, so these tests check their format only: their gold places, roles and visits
are checked with the other sets' in ``tests/test_blind.py``; there is no accuracy floor here.
"""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

import pytest

from routes.evaluate.devset import DevReport, Devset, load_devset
from routes.paths import PROJECT_DIR


class BlindSet(NamedTuple):
    """A blind set and what an honest figure from it needs."""

    name: str
    #: Reports per language, distinct journeys, series of at least five reports.
    min_reports: dict[str, int]
    min_journeys: int = 9
    min_series: int = 1


SETS = (
    BlindSet("blind2", {"en": 32, "ko": 9, "ru": 9}),
    BlindSet("blind3", {"en": 24, "ko": 8, "ru": 8}),
    BlindSet("blind4", {"en": 25, "ko": 8, "ru": 8}),
    BlindSet("blind5", {"en": 16, "ko": 6, "ru": 6}),
    # its one series has four reports, one fewer than MIN_SERIES_REPORTS
    BlindSet("blind6", {"en": 12, "ko": 5, "ru": 5}, min_series=0),
    BlindSet("blind7", {"en": 12, "ko": 5, "ru": 5}),
    BlindSet("blind8", {"en": 12, "ko": 6, "ru": 6}),
    BlindSet("blind9", {"en": 12, "ko": 6, "ru": 6}),
    BlindSet("blind10", {"en": 12, "ko": 7, "ru": 7}),
)
#: Reports a series must hold to count.
MIN_SERIES_REPORTS = 5
#: Every set whose ids and journeys a blind set must keep apart from.
ALL_SETS = (
    "devset",
    "blind",
    "blind2",
    "blind3",
    "blind4",
    "blind5",
    "blind6",
    "blind7",
    "blind8",
    "blind9",
    "blind10",
    "heldout",
    "heldout2",
)


def _load(name: str) -> Devset:
    return load_devset(PROJECT_DIR / "tests" / name)


def _all(devset: Devset) -> list[DevReport]:
    return [*devset.reports, *(r for s in devset.series for r in s.reports)]


@pytest.mark.parametrize("blind", SETS, ids=lambda s: s.name)
def test_the_set_is_as_large_as_an_honest_figure_needs(blind: BlindSet) -> None:
    devset = _load(blind.name)
    counts = Counter(r.report.language for r in devset.reports)
    for language, least in blind.min_reports.items():
        assert counts[language] >= least, f"{language}: {counts[language]} reports"
    assert len({r.journey for r in devset.reports}) >= blind.min_journeys
    long_series = [s for s in devset.series if len(s.reports) >= MIN_SERIES_REPORTS]
    assert len(long_series) >= blind.min_series


@pytest.mark.parametrize(
    ("blind", "other"),
    [(b, o) for b in SETS for o in ALL_SETS if o != b.name],
    ids=lambda v: v if isinstance(v, str) else v.name,
)
def test_ids_and_journeys_are_apart_from_the_other_sets(blind: BlindSet, other: str) -> None:
    ours = _all(_load(blind.name))
    ids = [r.report.id for r in ours]
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    assert all(i.startswith(f"dev-{blind.name}-") for i in ids)
    theirs = _all(_load(other))
    assert not set(ids) & {r.report.id for r in theirs}
    assert not {r.journey for r in ours} & {r.journey for r in theirs}


@pytest.mark.parametrize("blind", SETS, ids=lambda s: s.name)
def test_each_series_is_one_journey_read_in_published_order(blind: BlindSet) -> None:
    for series in _load(blind.name).series:
        assert series.itinerary, series.path
        assert all(r.journey == series.journey for r in series.reports), series.path
        days = [r.report.published for r in series.reports]
        assert days == sorted(days), f"{series.path}: reports not in published order"
        stops = {p.name for r in series.reports for p in r.places}
        assert {stop.name for stop in series.itinerary} <= stops, series.path
