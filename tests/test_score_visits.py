"""Scoring a journey with return visits: series follow them, a report's order compares
first visits (issue #13)."""

from __future__ import annotations

import pytest

from routes.evaluate.score import score_report, score_series
from tests.test_export_visits import out_and_back_journey
from tests.test_score import _A, _B, _C, _case, _gold, _journey
from tests.test_series import OUT_AND_BACK, _series


def test_a_series_journey_with_its_return_visits_follows_the_whole_itinerary() -> None:
    score = score_series(_series(OUT_AND_BACK), out_and_back_journey())
    assert score.found == ("Pyongyang", "Khasan", "Vladivostok", "Khasan", "Pyongyang")
    assert score.in_order == 1.0
    assert score.stops_found == 1.0 and score.extra == 0


def test_a_return_visit_out_of_place_costs_the_series_order() -> None:
    journey = out_and_back_journey()
    stops = journey.route.stops
    shuffled = (stops[0], stops[3], stops[1], stops[2], stops[4])  # Khasan twice, then on
    score = score_series(
        _series(OUT_AND_BACK),
        type(journey)(
            journey.title, journey.reports, journey.places, type(journey.route)(shuffled)
        ),
    )
    assert score.in_order == pytest.approx(4 / 5)


def test_a_reports_visit_order_compares_first_visits_on_both_sides() -> None:
    case = _case(
        _gold("Alpha", 40.0, 125.0, "origin"),
        _gold("Bravo", 41.0, 128.0, "via"),
        _gold("Charlie", 42.0, 130.0, "destination"),
        visits=("Alpha", "Bravo", "Charlie", "Bravo", "Alpha"),
    )
    there_and_back = score_report(case, _journey((_A, _B, _C), (_A, _B, _C, _B, _A)))
    assert there_and_back.order_checked and there_and_back.order_right
    outbound_only = score_report(case, _journey((_A, _B, _C), (_A, _B, _C)))
    assert outbound_only.order_right  # the return is scored by the series, not here
    wrong_first = score_report(case, _journey((_A, _B, _C), (_A, _C, _B, _A)))
    assert not wrong_first.order_right
