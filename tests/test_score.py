"""The development-set score: places matched on the ground, order, denials kept off."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from routes.evaluate.devset import DevReport, GoldPlace
from routes.evaluate.score import SetScore, score_report
from routes.model import Journey, LocatedPlace, Place, Report, Route, Stop

_A = Place("a", "Alpha", "city", 40.0, 125.0, "KP")
_B = Place("b", "Bravo", "city", 41.0, 128.0, "KP")
_C = Place("c", "Charlie", "city", 42.0, 130.0, "RU")


def _gold(name: str, lat: float, lon: float, role: str, status: str = "reported") -> GoldPlace:
    return GoldPlace(name, name, "KP", lat, lon, "city", role, status)


def _case(*places: GoldPlace, visits: tuple[str, ...]) -> DevReport:
    report = Report("r1", "Alpha Bravo Charlie", published=date(2023, 9, 1))
    return DevReport(report, "j", (), places, visits, (), Path("r1.json"))


def _journey(places: tuple[Place, ...], stops: tuple[Place, ...]) -> Journey:
    located = tuple(LocatedPlace(p, "via", ()) for p in places)
    route = Route(stops=tuple(Stop(p, "via", i + 1) for i, p in enumerate(stops)))
    return Journey("t", (), located, route)


def test_places_match_within_the_distance_and_order_is_checked() -> None:
    case = _case(
        _gold("Alpha", 40.05, 125.05, "origin"),  # ~7 km from the found Alpha
        _gold("Bravo", 41.0, 128.0, "destination"),
        visits=("Alpha", "Bravo"),
    )
    right = score_report(case, _journey((_A, _B), (_A, _B)))
    assert (right.matched, right.found, right.gold) == (2, 2, 2)
    assert right.order_checked and right.order_right
    reversed_order = score_report(case, _journey((_A, _B), (_B, _A)))
    assert not reversed_order.order_right


def test_a_far_namesake_is_wrong_and_the_gold_place_missed() -> None:
    case = _case(_gold("Alpha", 45.0, 135.0, "origin"), visits=("Alpha",))
    result = score_report(case, _journey((_A,), (_A,)))
    assert result.matched == 0
    assert result.missed == ("Alpha",) and result.wrong == ("Alpha",)


def test_a_denied_place_made_a_stop_counts_against_denied_kept_off() -> None:
    case = _case(
        _gold("Alpha", 40.0, 125.0, "origin"),
        _gold("Charlie", 42.0, 130.0, "ruled-out", "denied"),
        visits=("Alpha",),
    )
    kept_off = score_report(case, _journey((_A, _C), (_A,)))
    made_stop = score_report(case, _journey((_A, _C), (_A, _C)))
    assert SetScore((kept_off,)).denied_kept_off == 1.0
    assert SetScore((made_stop,)).denied_kept_off == 0.0
    assert SetScore((kept_off, made_stop)).recall == 1.0


def test_of_two_bridges_side_by_side_the_one_of_the_gold_name_is_the_gold_bridge() -> None:
    gold = GoldPlace("Weir Bridge", "Weir Bridge", "", 50.0, 20.0, "bridge", "border", "reported")
    case = _case(gold, visits=("Weir Bridge",))
    old = Place("old", "Old Mill Bridge", "bridge", 50.0015, 20.0)  # ~170 m away, a landmark
    named = Place("weir", "Weir Bridge", "bridge", 49.998, 20.0)  # ~220 m away
    result = score_report(case, _journey((old, named), (named,)))
    assert result.wrong == ("Old Mill Bridge",)
    assert result.missed == ()


def test_visits_in_order_gives_partial_credit_where_the_order_gives_none() -> None:
    case = _case(
        _gold("Alpha", 40.0, 125.0, "origin"),
        _gold("Bravo", 41.0, 128.0, "via"),
        GoldPlace("Charlie", "Charlie", "RU", 42.0, 130.0, "city", "destination", "reported"),
        visits=("Alpha", "Bravo", "Charlie"),
    )
    one_missed = score_report(case, _journey((_A, _C), (_A, _C)))
    swapped = score_report(case, _journey((_A, _B, _C), (_B, _A, _C)))
    assert not one_missed.order_right and not swapped.order_right
    assert SetScore((one_missed,)).visits_in_order == 2 / 3
    assert SetScore((swapped,)).visits_in_order == 2 / 3
    right = score_report(case, _journey((_A, _B, _C), (_A, _B, _C)))
    assert SetScore((right, one_missed)).visits_in_order == 5 / 6
