"""A day-by-day series read as one journey, scored against its single itinerary."""

from __future__ import annotations

from pathlib import Path

import pytest

from routes.evaluate.devset import ItineraryStop, Series, load_devset
from routes.evaluate.score import SeriesScore, score_series
from tests.journey_fixture import fixture_journey


def _stop(name: str, lat: float, lon: float) -> ItineraryStop:
    return ItineraryStop(name=name, country="", lat=lat, lon=lon)


#: Out to the border and the city beyond, and back the same way.
OUT_AND_BACK = (
    _stop("Pyongyang", 39.03, 125.75),
    _stop("Khasan", 42.43, 130.64),
    _stop("Vladivostok", 43.12, 131.89),
    _stop("Khasan", 42.43, 130.64),
    _stop("Pyongyang", 39.03, 125.75),
)


def _series(itinerary: tuple[ItineraryStop, ...]) -> Series:
    return Series("fixture", "fixture", itinerary, "", (), Path("fixture"))


def test_a_journey_that_stops_at_the_far_end_follows_only_the_outbound_half() -> None:
    score = score_series(_series(OUT_AND_BACK), fixture_journey(with_xss=False))
    assert score.found == ("Pyongyang", "Khasan", "Vladivostok")
    assert score.stops_found == 1.0  # every place of the itinerary is a stop
    assert score.in_order == pytest.approx(3 / 5)  # the return visits are missing
    assert score.extra == 0


def test_stops_out_of_order_or_off_the_itinerary_count_against_it() -> None:
    score = SeriesScore("x", ("A", "B", "C", "D"), ("C", "A", "?", "B", "D"))
    assert score.in_order == pytest.approx(3 / 4)  # A, B, D follow in order; C does not
    assert score.extra == 1
    assert SeriesScore("x", ("A", "B"), ("A", "B")).in_order == 1.0
    assert SeriesScore("x", ("A", "B"), ()).in_order == 0.0


def test_a_place_drawn_more_often_than_the_itinerary_visits_it_is_an_extra_stop() -> None:
    # a city's district drawn as a second stop there, next to the city itself
    assert SeriesScore("x", ("A", "B", "A"), ("A", "B", "B", "A")).extra == 1
    assert SeriesScore("x", ("A", "B", "A"), ("A", "B", "A")).extra == 0


#: Floors of the series built as one journey each (means over the series; the issue asks for
#: the single itinerary: 1.0). Reached 0.974 and 0.980 on 2026-12-03 (0.917 and 0.938 when
#: each report's days were first read against its publication; 0.454 without return
#: visits); the misses left are a station named by a description ("the nearby station").
SERIES_FLOORS = {"stops found": 0.96, "in order": 0.97}
#: Most stops over all the series that are off their itineraries or repeat a place more often
#: than the itinerary does (none since the Hanoi series stopped drawing a district of Hanoi).
SERIES_MOST_EXTRA = 0


@pytest.mark.slow
def test_the_devset_series_built_as_one_journey_each_score_at_least_the_floors() -> None:
    from routes.pipeline import build
    from routes.rail.network import load_network
    from routes.read.gazetteer import load_gazetteer

    gazetteer, network = load_gazetteer(), load_network()
    scores = [
        score_series(s, build([c.report for c in s.reports], gazetteer=gazetteer, network=network))
        for s in load_devset().series
    ]
    got = {
        "stops found": sum(s.stops_found for s in scores) / len(scores),
        "in order": sum(s.in_order for s in scores) / len(scores),
    }
    below = {k: round(v, 3) for k, v in got.items() if v < SERIES_FLOORS[k]}
    assert not below, f"below the floors {SERIES_FLOORS}: {below}"
    extra = {s.journey: s.extra for s in scores if s.extra}
    assert sum(extra.values()) <= SERIES_MOST_EXTRA, f"extra stops: {extra}"
