"""The dashboard's state logic: reports in play, table edits, project files, cards, timeline."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime

import pytest

from routes import dashboard as session
from routes.dashboard import mapview
from routes.model import Corrections, Report, Role, Settings, Status, TimeRef
from routes.publish.web.text import to_the_hour
from tests.journey_fixture import KHASAN_SENTENCE_START, PACIFIC, XSS_REPORT, hand_made_journey


def _row(rows, place_id):
    return next(i for i, row in enumerate(rows) if row["id"] == place_id)


# --- reports in play -------------------------------------------------------------------


def test_adding_the_same_report_twice_keeps_one_copy() -> None:
    first = Report(id="a", text="Kim left Pyongyang.")
    reports, added = session.add_reports([first], [first])
    assert reports == (first,)
    assert added == ()


def test_a_different_report_with_a_taken_id_is_kept_under_a_fresh_id() -> None:
    first = Report(id="a", text="Kim left Pyongyang.")
    other = Report(id="a", text="The train reached Khasan.")
    reports, added = session.add_reports([first], [other])
    assert [r.id for r in reports] == ["a", "a-2"]
    assert added[0].text == other.text


def test_picking_bundled_samples_keeps_uploads_and_their_order() -> None:
    sample_a, sample_b = Report(id="s1", text="one"), Report(id="s2", text="two")
    upload = Report(id="up", text="uploaded")
    current = (sample_a, upload)
    assert session.with_bundled(current, [sample_a, sample_b], ["s2"]) == (upload, sample_b)
    assert session.with_bundled(current, [sample_a, sample_b], ["s1", "s2"]) == (
        sample_a,
        upload,
        sample_b,
    )
    assert session.bundled_in((upload, sample_b), [sample_a, sample_b]) == ["s2"]


def test_removing_a_report_takes_only_that_one_out() -> None:
    reports = (Report(id="a", text="x"), Report(id="b", text="y"))
    assert session.remove_report(reports, "a") == (reports[1],)


# --- settings ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "settings",
    [Settings(), Settings(speed_kmh=45.0, depart=datetime(2023, 9, 10, 21, 15), title="Trip")],
)
def test_settings_survive_the_trip_through_the_sidebar_widgets(settings: Settings) -> None:
    values = session.widget_values(settings, fallback_day=date(2023, 9, 11))
    assert session.settings_from_widgets(values, title=settings.title) == settings


# --- the places table --------------------------------------------------------------------


def test_the_table_lists_stops_first_in_route_order_with_their_km(journey) -> None:
    rows = session.places_table(journey)
    stops = journey.route.stops
    assert [row["id"] for row in rows[: len(stops)]] == [s.place.id for s in stops]
    assert rows[1]["km"] == pytest.approx(stops[1].km, abs=0.1)
    assert {row["id"] for row in rows} == {p.place.id for p in journey.places}
    assert set(rows[0]) == set(session.TABLE_COLUMNS)


def test_an_excluded_place_stays_in_the_table_so_it_can_come_back(journey) -> None:
    excluded = replace(journey, corrections=Corrections(excluded=("tumangang",)))
    rows = session.places_table(excluded, lookup={})
    row = rows[_row(rows, "tumangang")]
    assert row["exclude"] is True
    assert row["order"] is None


def test_changing_a_role_in_the_table_records_it(journey) -> None:
    rows = session.places_table(journey)
    edits = {"edited_rows": {str(_row(rows, "moscow")): {"role": Role.VIA}}}
    corrections = session.apply_edits(rows, edits, Corrections())
    assert corrections.role_of("moscow") == Role.VIA


def test_ticking_exclude_drops_the_place_and_unticking_brings_it_back(journey) -> None:
    rows = session.places_table(journey)
    index = _row(rows, "khasan")
    dropped = session.apply_edits(rows, {"edited_rows": {index: {"exclude": True}}}, Corrections())
    assert dropped.excluded == ("khasan",)
    shown = session.places_table(replace(journey, corrections=dropped))
    back = session.apply_edits(
        shown, {"edited_rows": {_row(shown, "khasan"): {"exclude": False}}}, dropped
    )
    assert back.excluded == ()


def test_excluding_a_stop_the_user_added_just_removes_it(journey) -> None:
    corrections = Corrections(added=("ussuriysk",), roles=(("ussuriysk", Role.VIA),))
    removed = session.remove_stop(corrections, "ussuriysk")
    assert removed.added == ()
    assert removed.excluded == ()
    assert removed.role_of("ussuriysk") is None


def test_renumbering_the_order_column_reorders_the_stops(journey) -> None:
    rows = session.places_table(journey)
    edits = {
        "edited_rows": {
            _row(rows, "vladivostok"): {"order": 1},
            _row(rows, "pyongyang"): {"order": 3},
        }
    }
    corrections = session.apply_edits(rows, edits, Corrections())
    assert corrections.order == ("vladivostok", "khasan", "pyongyang")


def test_an_edit_that_changes_nothing_leaves_the_corrections_alone(journey) -> None:
    rows = session.places_table(journey)
    edits = {"edited_rows": {0: {"role": rows[0]["role"], "exclude": False}}}
    assert session.apply_edits(rows, edits, Corrections()) == Corrections()


def test_adding_a_gazetteer_place_makes_it_a_stop(journey) -> None:
    present = {p.place.id: p.role for p in journey.places}
    added = session.add_stop(Corrections(excluded=("ussuriysk",)), "ussuriysk", present=present)
    assert added.added == ("ussuriysk",)
    assert added.excluded == ()
    assert session.add_stop(added, "ussuriysk", present=present) == added


def test_adding_a_context_place_as_a_stop_turns_it_into_a_via(journey) -> None:
    present = {p.place.id: p.role for p in journey.places}
    corrections = session.add_stop(Corrections(), "moscow", present=present)
    assert corrections.added == ()
    assert corrections.role_of("moscow") == Role.VIA


def test_an_unknown_role_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown role"):
        session.set_role(Corrections(), "khasan", "teleport")


def test_following_the_rail_order_again_drops_the_explicit_order() -> None:
    assert session.reset_order(Corrections(order=("a", "b"))).order == ()


# --- the project file -------------------------------------------------------------------


def test_a_project_file_reads_back_to_the_same_project(journey) -> None:
    project = session.Project(
        journey.reports,
        Corrections(roles=(("moscow", Role.VIA),), excluded=("north-korea",), order=("pyongyang",)),
        Settings(speed_kmh=42.0, depart=datetime(2023, 9, 10, 21, 0), title="Kim's train"),
    )
    assert session.read_project(session.project_text(project)) == project


def test_a_file_that_is_not_a_project_gives_a_clear_error() -> None:
    with pytest.raises(ValueError, match="not a Reported Routes project"):
        session.read_project('{"hello": "world"}')


# --- summary, map clicks, cards ----------------------------------------------------------


def test_the_summary_gives_stops_rail_km_travel_time_reports_and_sources(journey) -> None:
    line = session.summary(journey)
    assert f"{len(journey.route.stops)} stops" in line
    assert f"{journey.route.rail_km:,.0f} rail km" in line
    assert "estimated travel" in line
    assert f"{len(journey.reports)} reports" in line
    # Chosun Ilbo, Japanese media and the Kremlin are named for the stops; a country
    # an actor sentence names, and a report's own byline, are no sources.
    assert "3 named sources for the stops" in line


def test_travel_time_runs_from_the_first_eta_to_the_last(journey) -> None:
    stops = journey.route.stops
    hours = (stops[-1].eta - stops[0].eta).total_seconds() / 3600
    assert session.travel_hours(journey) == pytest.approx(hours)


def test_a_marker_click_selects_its_place_by_tooltip_or_position(journey) -> None:
    assert session.place_at(journey, tooltip="2. Khasan (border)") == "khasan"
    assert session.place_at(journey, lat=43.1114, lon=131.8822) == "vladivostok"
    assert session.place_at(journey, lat=10.0, lon=10.0) is None


def test_a_click_on_a_map_across_the_antimeridian_selects_the_place_it_hit() -> None:
    pacific = hand_made_journey(PACIFIC)
    anchorage = next(s.place for s in pacific.route.stops if s.place.name == "Anchorage")
    # the map draws it a whole turn east (about 210 degrees) and reports the click there
    lat, lon = mapview.centre_of(pacific, anchorage.id)
    assert lon == pytest.approx(anchorage.lon + 360.0)
    assert session.place_at(pacific, lat=lat, lon=lon) == anchorage.id


def test_the_place_picker_lists_stops_in_order_then_the_rest(journey) -> None:
    options = session.place_options(journey)
    assert [pid for pid, _ in options[:3]] == [s.place.id for s in journey.route.stops]
    assert {pid for pid, _ in options} == {p.place.id for p in journey.places}


def test_the_khasan_card_quotes_the_japanese_media_sentence_with_the_place_marked(
    journey,
) -> None:
    card = session.place_card_html(journey, "khasan")
    assert KHASAN_SENTENCE_START in card
    assert "<mark>Khasan</mark>" in card
    assert "Japanese media" in card
    assert Status.EXPECTED in card
    stop = next(s for s in journey.route.stops if s.place.id == "khasan")
    assert f"{stop.km:,.0f}" in card
    assert to_the_hour(stop.eta).strftime("%H:%M") in card  # an estimate: to the hour
    assert stop.eta.minute == 0 or stop.eta.strftime("%H:%M") not in card


def test_report_text_in_a_card_is_escaped_and_only_mark_tags_are_added(journey) -> None:
    card = session.place_card_html(journey, "vladivostok")
    assert "<script" not in card
    assert "<img" not in card
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in card
    quote = session.highlighted_quote(
        XSS_REPORT,
        [m for p in journey.places for m in p.mentions if m.report_id == XSS_REPORT.id],
    )
    assert set(re.findall(r"</?(\w+)", quote)) == {"mark"}


def test_a_place_no_longer_on_the_map_gets_a_plain_note(journey) -> None:
    assert "no longer on the map" in session.place_card_html(journey, "atlantis")


# --- timeline ------------------------------------------------------------------------------


def _ytn_refs(journey):
    report = journey.reports[0]
    begin = report.text.index("The broadcaster YTN reported")
    end = report.text.index(".", report.text.index("Wednesday")) + 1

    def ref(word: str, when: str, status: str) -> TimeRef:
        start = report.text.index(word, begin)
        return TimeRef(report.id, start, start + len(word), word, when, status, "YTN", begin, end)

    return (
        ref("Tuesday", "2023-09-12", Status.EXPECTED),
        ref("Wednesday", "2023-09-13", Status.SUPERSEDED),
    )


def test_the_timeline_flags_ytns_tuesday_against_its_earlier_wednesday(journey) -> None:
    with_refs = replace(journey, timerefs=_ytn_refs(journey))
    rows = session.timeline_rows(with_refs)
    ytn = [row for row in rows if row["source"] == "YTN"]
    assert {row["what"] for row in ytn if row["conflict"]} >= {"“Tuesday”", "“Wednesday”"}
    assert not any(row["conflict"] for row in rows if row["source"] == "The Kremlin")
    assert [row["date"] for row in rows] == sorted(row["date"] for row in rows)


def test_the_timeline_holds_every_dated_mention(journey) -> None:
    rows = session.timeline_rows(journey)
    dated = {(p.place.name, m.date) for p in journey.places for m in p.mentions if m.date}
    assert {(row["what"], row["date"]) for row in rows} == dated


def test_timeline_points_put_ytns_two_days_side_by_side_and_leave_out_bare_years(
    journey,
) -> None:
    rows = session.timeline_rows(replace(journey, timerefs=_ytn_refs(journey)))
    points = session.timeline_points(rows)
    ytn = [p for p in points if p["source"] == "YTN"]
    assert {(p["day"], p["status"]) for p in ytn if p["conflict"]} >= {
        ("2023-09-12", Status.EXPECTED),
        ("2023-09-13", Status.SUPERSEDED),
    }
    assert all(len(p["day"]) == 10 for p in points)
    assert "2019" not in {p["day"][:4] for p in points}
    assert sum(p["count"] for p in points) == sum(len(r["date"]) >= 10 for r in rows)
