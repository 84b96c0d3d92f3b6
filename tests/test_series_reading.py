"""A series of reports read as one journey: rules a user's own day-by-day series relies on.

Each series here is written for these tests (journeys not in the development set); each
report's days are read against its own publication date.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pytest

from routes.model import Report
from routes.pipeline import build
from routes.read.geoparse import parse
from routes.read.reports import report_from_text


def _series(*days: tuple[date, str], ids: Sequence[str] = ()) -> list[Report]:
    """The reports of a series, one a day, in published order (ids ``ids``, else numbered)."""
    ids = ids or [f"t-{i:02d}" for i in range(1, len(days) + 1)]
    return [
        report_from_text(text, source="Test Wire", published=day, report_id=report_id)
        for report_id, (day, text) in zip(ids, days, strict=True)
    ]


def _stops(reports: list[Report], gazetteer) -> list[str]:
    """The names of the journey's stops, in order, built from all ``reports``."""
    return [s.place.name for s in build(reports, gazetteer=gazetteer).route.stops]


#: Monday's report tells Kazan, then "later in the day" Yekaterinburg; Tuesday's adds Tyumen
#: late on Monday: its rank says nothing against the first report's "later".
ONE_DAY_TWO_REPORTS = (
    (
        date(2024, 5, 6),
        "The delegation's train left Moscow on Sunday evening. By Monday morning it had "
        "reached Kazan. It was seen later in the day pulling through Yekaterinburg.",
    ),
    (
        date(2024, 5, 7),
        "The delegation's train arrived in Omsk on Tuesday morning. It had passed "
        "Tyumen late on Monday.",
    ),
)


@pytest.mark.parametrize("ids", [("t-01", "t-02"), ("z-monday", "a-tuesday")])
def test_a_day_told_by_two_reports_keeps_the_earlier_reports_events_first(
    gazetteer, ids: tuple[str, str]
) -> None:
    # the reports are read by the day they were published, whatever their ids or the order
    # they are given in
    reports = _series(*ONE_DAY_TWO_REPORTS, ids=ids)[::-1]
    names = _stops(reports, gazetteer)
    assert names.index("Kazan") < names.index("Yekaterinburg") < names.index("Tyumen")
    assert names.index("Tyumen") < names.index("Omsk")


#: Out by air and rail to a capital and back the same way, told over four days: a plan, the
#: arrival, the departure, the way home.
OUT_AND_BACK_BY_NIGHT_TRAIN = (
    (
        date(2024, 3, 4),
        "WARSAW, March 4 (Wire) - The president is expected to fly to Gdansk on Tuesday and "
        "board a night train to Vilnius, two officials said.",
    ),
    (
        date(2024, 3, 7),
        "VILNIUS, March 7 (Wire) - The president stepped off a night train in Vilnius on "
        "Wednesday morning. He had flown into Gdansk on Tuesday and been driven to Malbork, "
        "where he boarded late in the evening. The train crossed into Lithuania at Kaunas "
        "soon after dawn.",
    ),
    (
        date(2024, 3, 8),
        "WARSAW, March 8 (Wire) - The president left Vilnius late on Thursday on the same "
        "train. The train was expected to reach Malbork on Friday morning, passing back "
        "through Kaunas overnight.",
    ),
    (
        date(2024, 3, 9),
        "WARSAW, March 9 (Wire) - The president was back in Poland on Friday morning after "
        "his train from Vilnius reached Malbork, and was driven to Gdansk to fly home.",
    ),
)


def test_a_day_a_report_puts_after_its_own_publication_is_only_a_plan(gazetteer) -> None:
    # Monday's "board a night train to Vilnius on Tuesday" is no arrival: Thursday's report
    # tells the train boarded at Malbork and Vilnius reached the next morning
    names = _stops(_series(*OUT_AND_BACK_BY_NIGHT_TRAIN), gazetteer)
    assert names[:2] == ["Gdańsk", "Malbork"]
    assert names.index("Malbork") < names.index("Vilnius")


def test_a_place_told_passed_before_its_later_date_is_passed_out_and_back(gazetteer) -> None:
    # Thursday's report tells Kaunas passed (no day); Friday's dates it on the way back
    names = _stops(_series(*OUT_AND_BACK_BY_NIGHT_TRAIN), gazetteer)
    turn = names.index("Vilnius")
    assert "Kaunas" in names[:turn]
    assert "Kaunas" in names[turn + 1 :]


def test_an_origin_dated_again_after_the_turn_closes_the_journey(gazetteer) -> None:
    names = _stops(_series(*OUT_AND_BACK_BY_NIGHT_TRAIN), gazetteer)
    assert names == ["Gdańsk", "Malbork", "Kaunas", "Vilnius", "Kaunas", "Malbork", "Gdańsk"]


#: To a capital and back, the last report telling the way home only as far as it had gone.
HOME_AS_FAR_AS_TOLD = (
    (
        date(2024, 4, 2),
        "MINSK, April 2 (Wire) - The leader's train left Minsk on Monday morning and passed "
        "Smolensk in the afternoon. It passed Vyazma late on Monday.",
    ),
    (
        date(2024, 4, 3),
        "MOSCOW, April 3 (Wire) - The leader's train pulled into Moscow on Tuesday morning "
        "for two days of talks.",
    ),
    (
        date(2024, 4, 5),
        "MOSCOW, April 5 (Wire) - The leader set off for home on Thursday, leaving Moscow by "
        "train shortly after noon. The train passed Vyazma a few hours later, witnesses said. "
        "The train is expected to cross back at Smolensk early on Friday.",
    ),
)


def test_a_place_passed_after_the_days_told_on_the_way_home_is_a_second_visit(
    gazetteer,
) -> None:
    # "passed Vyazma a few hours later" has no day: it is no earlier than Thursday's
    names = _stops(_series(*HOME_AS_FAR_AS_TOLD), gazetteer)
    turn = names.index("Moscow")
    assert names[turn + 1 :][:1] == ["Vyaz’ma"]


def test_the_way_home_a_last_report_only_expects_is_still_the_way_back(gazetteer) -> None:
    names = _stops(_series(*HOME_AS_FAR_AS_TOLD), gazetteer)
    assert names == ["Minsk", "Smolensk", "Vyaz’ma", "Moscow", "Vyaz’ma", "Smolensk", "Minsk"]


def test_a_place_come_back_to_after_other_stops_on_a_later_day_is_a_second_visit(
    gazetteer,
) -> None:
    # the train waits at Tuapse while the leader is driven to Sochi and Adler and back
    reports = _series(
        (
            date(2024, 6, 7),
            "MOSCOW, June 7 (Wire) - The leader's train left Moscow on Thursday evening for "
            "the south.",
        ),
        (
            date(2024, 6, 8),
            "SOCHI, June 8 (Wire) - The leader's train pulled into Tuapse on Saturday "
            "morning, and in the afternoon he was driven by motorcade into Sochi, where he "
            "toured the port.",
        ),
        (
            date(2024, 6, 9),
            "SOCHI, June 9 (Wire) - The leader toured the Olympic park in Adler on Sunday "
            "morning, then returned by car to Tuapse, where his train left for home in the "
            "afternoon.",
        ),
    )
    assert _stops(reports, gazetteer) == ["Moscow", "Tuapse", "Sochi", "Adler", "Tuapse", "Moscow"]


def test_crossing_back_at_one_side_of_a_border_passes_its_other_side_too(gazetteer) -> None:
    # out through Brest and Terespol, the two sides of one crossing; back "at Brest"
    reports = _series(
        (
            date(2024, 7, 2),
            "MINSK, July 2 (Wire) - The leader's train left Minsk on Monday morning. It "
            "crossed the border at Brest and Terespol on Monday afternoon and reached Warsaw "
            "late on Monday.",
        ),
        (
            date(2024, 7, 4),
            "WARSAW, July 4 (Wire) - The leader left Warsaw for home on Wednesday evening. "
            "His train is expected to cross back into Belarus at Brest early on Thursday.",
        ),
    )
    assert _stops(reports, gazetteer) == [
        "Minsk", "Brest", "Terespol", "Warsaw", "Terespol", "Brest", "Minsk",
    ]  # fmt: skip


def test_stepping_off_a_train_in_a_city_and_a_drive_out_from_it_are_stops(gazetteer) -> None:
    reports = _series(
        (
            date(2024, 8, 4),
            "WARSAW, Aug 4 (Wire) - The chancellor's night train left Przemysl late on Sunday.",
        ),
        (
            date(2024, 8, 5),
            "LVIV, Aug 5 (Wire) - The chancellor stepped off the night train in Lviv on Monday "
            "morning. He was due to drive out to Zhovkva before talks with the mayor.",
        ),
    )
    assert _stops(reports, gazetteer) == ["Przemyśl", "Lviv", "Zhovkva"]


def test_a_place_left_after_a_stop_made_from_it_is_come_back_to(gazetteer) -> None:
    # the envoy steps off at Kursk, is driven back up the road to Fatezh, and the train leaves
    # Kursk the next day: it is come back to, though Fatezh lies nearer home
    reports = _series(
        (
            date(2024, 9, 6),
            "MOSCOW, Sept 6 (Wire) - The envoy's train left Moscow on Thursday evening.",
        ),
        (
            date(2024, 9, 7),
            "KURSK, Sept 7 (Wire) - The envoy stepped off the train in Kursk on Friday morning "
            "and was driven to Fatezh in the afternoon.",
        ),
        (
            date(2024, 9, 8),
            "KURSK, Sept 8 (Wire) - The envoy's train left Kursk for home on Saturday.",
        ),
    )
    assert _stops(reports, gazetteer)[:4] == ["Moscow", "Kursk", "Fatezh", "Kursk"]


def test_a_weekday_a_report_expects_lies_after_its_publication(gazetteer) -> None:
    # published on Monday 2 September 2024: "expected to cross … on Tuesday" is the 3rd
    (report,) = _series(
        (
            date(2024, 9, 2),
            "The leader's train left Minsk late on Sunday. The train is expected to cross at "
            "Brest and Terespol on Tuesday morning.",
        )
    )
    places = {p.place.name: p for p in parse([report], gazetteer).places}
    assert [m.date[:10] for m in places["Brest"].mentions] == ["2024-09-03"]
