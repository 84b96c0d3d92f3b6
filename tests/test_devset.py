"""The development set is well formed: every gold entry can be scored against the reader."""

from __future__ import annotations

from collections import Counter

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

#: What the accuracy measurements need: >= 100 English reports over >= 10 journeys and
#: >= 3 day-by-day series of >= 5 reports each.
MIN_EN_REPORTS = 100
MIN_EN_JOURNEYS = 10
MIN_SERIES = 3
MIN_SERIES_REPORTS = 5
#: Korean and Russian reports each, in the agencies' styles.
MIN_KO_RU_REPORTS = 30

DEVSET = load_devset()
ALL_REPORTS: tuple[DevReport, ...] = DEVSET.reports + tuple(
    r for s in DEVSET.series for r in s.reports
)


def _ids(reports: tuple[DevReport, ...]) -> list[str]:
    return [r.report.id for r in reports]


@pytest.mark.parametrize("case", ALL_REPORTS, ids=_ids(ALL_REPORTS))
def test_every_gold_place_is_a_span_of_its_report(case: DevReport) -> None:
    text = case.report.text
    for place in case.places:
        assert place.text and text.find(place.text) >= 0, f"{case.path}: {place.text!r}"


@pytest.mark.parametrize("case", ALL_REPORTS, ids=_ids(ALL_REPORTS))
def test_every_gold_place_uses_the_documented_vocabulary(case: DevReport) -> None:
    for place in case.places:
        where = f"{case.path}: {place.name}"
        assert place.role in DEV_ROLES, where
        assert place.status in DEV_STATUSES, where
        assert place.kind in DEV_KINDS, where
        assert place.arrived_by is None or place.arrived_by in DEV_MODES, where
        assert -90 <= place.lat <= 90 and -180 <= place.lon <= 180, where
        assert not (place.lat == 0 and place.lon == 0), where
        assert place.country == "" or (len(place.country) == 2 and place.country.isupper())
    assert set(case.traps) <= set(DEV_TRAPS), f"{case.path}: {set(case.traps) - set(DEV_TRAPS)}"
    assert case.traps, f"{case.path}: no trap named"


@pytest.mark.parametrize("case", ALL_REPORTS, ids=_ids(ALL_REPORTS))
def test_visits_name_only_stops_of_the_report(case: DevReport) -> None:
    stops = {p.name for p in case.places if p.role in DEV_STOP_ROLES}
    assert set(case.visits) <= stops, f"{case.path}: {set(case.visits) - stops}"
    names = [p.name for p in case.places]
    assert len(names) == len(set(names)), f"{case.path}: a place listed twice"


@pytest.mark.parametrize("case", ALL_REPORTS, ids=_ids(ALL_REPORTS))
def test_report_header_is_complete(case: DevReport) -> None:
    report = case.report
    assert report.id and report.title and report.source and report.language, case.path
    assert report.published is not None, case.path
    assert case.path.parent.name in (report.language, case.journey) or (
        case.path.parent.parent.name == "series"
    ), f"{case.path}: language folder and language differ"
    assert 100 <= len(report.text) <= 4000, f"{case.path}: {len(report.text)} characters"


def test_report_ids_are_unique_across_the_set() -> None:
    counts = Counter(_ids(ALL_REPORTS))
    assert [i for i, n in counts.items() if n > 1] == []


def test_series_have_an_itinerary_and_reports_of_their_journey() -> None:
    assert DEVSET.series
    for series in DEVSET.series:
        assert series.itinerary, series.path
        for stop in series.itinerary:
            assert -90 <= stop.lat <= 90 and -180 <= stop.lon <= 180, series.path
        assert all(r.journey == series.journey for r in series.reports), series.path
        days = [r.report.published for r in series.reports]
        assert days == sorted(days), f"{series.path}: reports not in published order"


def test_the_set_is_as_large_as_the_accuracy_runs_need() -> None:
    english = [r for r in DEVSET.reports if r.report.language == "en"]
    assert len(english) >= MIN_EN_REPORTS
    assert len({r.journey for r in english}) >= MIN_EN_JOURNEYS
    long_series = [s for s in DEVSET.series if len(s.reports) >= MIN_SERIES_REPORTS]
    assert len(long_series) >= MIN_SERIES
    for language in ("ko", "ru"):
        assert sum(r.report.language == language for r in DEVSET.reports) >= MIN_KO_RU_REPORTS


#: Floors of the reader on the English development set: the issue's goal for visit order
#: (0.90, reached at 0.902), else what it reaches now less about 0.01 (above the goal of 0.95 /
#: 0.95 / 0.95): recall, precision, visit order, denied or speculative places kept off the route.
EN_FLOORS = {"recall": 0.97, "precision": 0.966, "visit order": 0.90, "denied kept off": 0.99}


@pytest.mark.slow
def test_the_english_devset_scores_at_least_the_floors() -> None:
    from routes.evaluate.score import SetScore, score_report
    from routes.pipeline import build
    from routes.rail.network import load_network
    from routes.read.gazetteer import load_gazetteer

    gazetteer, network = load_gazetteer(), load_network()
    english = [case for case in DEVSET.reports if case.report.language == "en"]
    scores = SetScore(
        tuple(
            score_report(case, build([case.report], gazetteer=gazetteer, network=network))
            for case in english
        )
    )
    got = {
        "recall": scores.recall,
        "precision": scores.precision,
        "visit order": scores.order_accuracy,
        "denied kept off": scores.denied_kept_off,
    }
    below = {name: round(value, 3) for name, value in got.items() if value < EN_FLOORS[name]}
    assert not below, f"below the floors {EN_FLOORS}: {below}"
