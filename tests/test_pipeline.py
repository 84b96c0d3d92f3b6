"""The whole pipeline on the bundled report, and the user's corrections replayed on it."""

from __future__ import annotations

from datetime import datetime

import pytest

from routes.model import Corrections, Journey, Settings
from routes.pipeline import build


def _stop_ids(journey: Journey) -> list[str]:
    return [stop.place.id for stop in journey.route.stops]


def test_bundled_report_routes_from_pyongyang_over_khasan_to_vladivostok(built_journey) -> None:
    stops = _stop_ids(built_journey)
    assert stops[0] == "pyongyang"
    assert stops[-1] == "vladivostok"
    assert "khasan" in stops
    assert stops.index("pyongyang") < stops.index("khasan") < stops.index("vladivostok")


def test_every_drawn_point_has_a_quote_behind_it(built_journey) -> None:
    for located in built_journey.places:
        assert located.mentions, located.place.name
        for mention in located.mentions:
            report = built_journey.report(mention.report_id)
            assert report is not None
            assert report.text[mention.start : mention.end] == mention.text
            assert mention.text in mention.quote


def test_departure_comes_from_late_sunday_when_none_is_set(built_journey) -> None:
    depart = built_journey.settings.depart
    assert depart is not None
    assert depart.date().isoformat() == "2023-09-10"
    assert depart.hour >= 18  # "late on Sunday"
    assert built_journey.route.stops[0].eta == depart


def test_a_time_said_as_a_part_of_the_day_is_shown_at_that_precision(built_journey) -> None:
    from routes.dashboard.timeline import visit_rows
    from routes.publish.png.text import stop_details
    from routes.publish.web.card import dashboard_card_html

    origin = built_journey.route.stops[0]
    assert origin.reported is not None and origin.reported_part == "evening"  # "late on Sunday"
    clock = f"{origin.reported:%H:%M}"
    assert stop_details(origin).endswith("reported 10 Sep evening")
    card = dashboard_card_html(built_journey, origin.place.id)
    assert "Sun 10 Sep 2023, evening" in card and clock not in card
    row = next(r for r in visit_rows(built_journey) if r["id"] == origin.place.id)
    assert row["reported"] == "Sun 10 Sep 2023, evening"


def test_a_set_departure_wins_over_the_reports(bundled_reports) -> None:
    depart = datetime(2023, 9, 10, 12, 0)
    journey = build(bundled_reports, Settings(depart=depart))
    assert journey.route.stops[0].eta == depart


def test_excluding_a_stop_removes_it_from_the_route_and_changes_km(
    bundled_reports, built_journey
) -> None:
    fixed = build(bundled_reports, corrections=Corrections(excluded=("vladivostok",)))
    assert _stop_ids(fixed)[-1] == "khasan"  # the built_journey now ends at the border
    assert "vladivostok" not in {p.place.id for p in fixed.places}
    assert fixed.route.rail_km < built_journey.route.rail_km - 100


def test_a_role_correction_moves_a_place_off_the_route(bundled_reports) -> None:
    fixed = build(bundled_reports, corrections=Corrections(roles=(("khasan", "context"),)))
    assert "khasan" not in _stop_ids(fixed)
    khasan = next(p for p in fixed.places if p.place.id == "khasan")
    assert khasan.role == "context"
    assert khasan.mentions  # the quotes stay with the place


def test_an_added_stop_is_routed_in_rail_order(bundled_reports) -> None:
    fixed = build(bundled_reports, corrections=Corrections(added=("chongjin",)))
    stops = _stop_ids(fixed)
    assert stops.index("pyongyang") < stops.index("chongjin") < stops.index("khasan")


def test_an_explicit_order_is_kept(bundled_reports) -> None:
    order = ("pyongyang", "vladivostok", "khasan")
    fixed = build(bundled_reports, corrections=Corrections(order=order))
    assert [s for s in _stop_ids(fixed) if s in order] == list(order)


def test_same_input_gives_the_same_journey(bundled_reports, built_journey) -> None:
    assert build(bundled_reports) == built_journey


def test_a_date_said_before_departure_is_not_taken_for_an_arrival(built_journey) -> None:
    # "The Kremlin said on Saturday Putin would be in … Vladivostok": Saturday is when it
    # was said (before the Sunday departure), so it gives Vladivostok no reported time.
    vladivostok = next(s for s in built_journey.route.stops if s.place.id == "vladivostok")
    assert vladivostok.reported is None
    assert vladivostok.delta_hours is None


def test_a_reported_clock_time_is_compared_with_the_eta() -> None:
    from routes.read.reports import report_from_text

    report = report_from_text(
        "Kim left Pyongyang late on Sunday. "
        "The train crossed into Russia at Khasan early on Tuesday, Japanese media reported.",
        title="Crossing",
        source="wire report",
        published=datetime(2023, 9, 12).date(),
    )
    journey = build([report], Settings(speed_kmh=50))
    khasan = next(s for s in journey.route.stops if s.place.id == "khasan")
    assert khasan.reported == datetime(2023, 9, 12, 6, 0)
    expected = (khasan.eta - khasan.reported).total_seconds() / 3600
    assert khasan.delta_hours == pytest.approx(expected)
    assert khasan.delta_hours < 0  # at 50 km/h the train would be there before the report says


def test_a_reported_time_far_from_the_estimate_is_flagged_everywhere(built_journey) -> None:
    from dataclasses import replace as replaced

    from routes.dashboard.timeline import visit_rows
    from routes.model import ESTIMATE_TOLERANCE_HOURS, Route
    from routes.publish.png.text import stop_details
    from routes.publish.web.card import dashboard_card_html

    stop = built_journey.route.stops[-1]
    assert stop.eta is not None
    off = ESTIMATE_TOLERANCE_HOURS + 2
    late = replaced(stop, reported=stop.eta, delta_hours=off)
    near = replaced(stop, reported=stop.eta, delta_hours=ESTIMATE_TOLERANCE_HOURS - 1)
    assert late.estimate_disagrees and not near.estimate_disagrees

    def with_stop(changed):
        stops = (*built_journey.route.stops[:-1], changed)
        route = Route(stops=stops, legs=built_journey.route.legs)
        return replaced(built_journey, route=route)

    flagged, calm = with_stop(late), with_stop(near)
    assert "the report and the estimate disagree" in dashboard_card_html(flagged, stop.place.id)
    assert "disagree" not in dashboard_card_html(calm, stop.place.id)
    assert "⚠" in stop_details(late) and "⚠" not in stop_details(near)
    rows = {r["id"]: r for r in visit_rows(flagged)}
    assert rows[stop.place.id]["conflict"] is True


def test_a_reported_day_the_estimate_misses_is_flagged_and_shown_as_a_day() -> None:
    from datetime import date

    from routes.dashboard.timeline import visit_rows
    from routes.publish.png.text import stop_details
    from routes.publish.web.card import dashboard_card_html
    from routes.read.reports import report_from_text

    report = report_from_text(
        "The delegation's train left Novosibirsk early on Monday. It reached Omsk only "
        "on Wednesday after a long halt, then went on to Tyumen, officials said.",
        source="Wire", published=date(2024, 4, 26), report_id="slow",
    )  # fmt: skip
    journey = build([report], Settings(speed_kmh=60))
    stops = {s.place.name: s for s in journey.route.stops}
    omsk, tyumen = stops["Omsk"], stops["Tyumen"]
    assert omsk.reported is None and omsk.reported_day == date(2024, 4, 24)
    assert omsk.eta is not None and omsk.eta.date() == date(2024, 4, 22)  # 600 km at 60 km/h
    assert omsk.estimate_disagrees
    details = stop_details(omsk)
    assert "reported 24 Apr · est. 22 Apr" in details and details.endswith("⚠")
    card = dashboard_card_html(journey, omsk.place.id)
    assert "Wed 24 Apr 2024" in card and "outside that day" in card and "disagree" in card
    assert {r["id"]: r for r in visit_rows(journey)}[omsk.place.id]["conflict"] is True
    # the estimate for Tyumen runs on from Wednesday, not from Omsk's estimate on Monday
    assert tyumen.eta is not None and tyumen.eta.date() == date(2024, 4, 24)
    assert not tyumen.estimate_disagrees


def _out_and_back_reports() -> list:
    """Two reports of one round trip: out from Harbin, then back from Qiqihar."""
    from datetime import date

    from routes.read.reports import report_from_text

    out = report_from_text(
        "The delegation left Harbin by train on Monday morning, bound for Qiqihar.",
        source="Wire", published=date(2024, 5, 6), report_id="out",
    )  # fmt: skip
    back = report_from_text(
        "The delegation left Qiqihar on Wednesday and was back in Harbin by the evening.",
        source="Wire", published=date(2024, 5, 8), report_id="back",
    )  # fmt: skip
    return [out, back]


def test_a_journey_has_one_origin_where_a_later_leg_set_out_from_is_a_destination() -> None:
    stops = build(_out_and_back_reports()).route.stops
    assert [(s.place.name, s.role) for s in stops] == [
        ("Harbin", "origin"),
        ("Qiqihar", "destination"),
        ("Harbin", "destination"),
    ]


def test_a_first_stop_told_only_as_reached_begins_the_journey_and_a_lone_one_ends_it() -> None:
    from datetime import date

    from routes.read.reports import report_from_text

    flown = report_from_text(
        "The ministers are expected to fly to Poznan on Tuesday. From there the night train "
        "took them to Berlin.",
        source="Wire", published=date(2024, 5, 6), report_id="flown",
    )  # fmt: skip
    stops = build([flown]).route.stops
    assert [(s.place.name, s.role) for s in stops] == [
        ("Poznań", "origin"),
        ("Berlin", "destination"),
    ]
    lone = report_from_text(
        "The envoy is expected to arrive in Poznan on Tuesday.",
        source="Wire", published=date(2024, 5, 6), report_id="lone",
    )  # fmt: skip
    assert [(s.place.name, s.role) for s in build([lone]).route.stops] == [
        ("Poznań", "destination")
    ]


def test_coming_back_to_the_origin_is_dated_by_the_report_of_the_return() -> None:
    # "was back in Harbin" on Wednesday: the return visit's day, not Monday's departure
    from datetime import date, datetime

    home, _away, back = build(_out_and_back_reports()).route.stops
    assert (home.reported, home.reported_part) == (datetime(2024, 5, 6, 9, 0), "morning")
    assert back.place.id == home.place.id
    assert (back.reported, back.reported_day) == (None, date(2024, 5, 8))
    assert back.delta_hours is not None


def test_a_role_the_user_set_on_a_later_stop_is_kept() -> None:
    reports = _out_and_back_reports()
    plain = build(reports).route.stops
    qiqihar = next(s.place.id for s in plain if s.place.name == "Qiqihar")
    corrected = build(reports, corrections=Corrections(roles=((qiqihar, "origin"),)))
    assert [s.role for s in corrected.route.stops if s.place.id == qiqihar] == ["origin"]
