"""The dashboard's view-model for corrections beside the map and the journey timeline."""

from __future__ import annotations

import base64
from dataclasses import replace
from pathlib import Path

from routes.dashboard.corrections import History, match_label, move_stop, stop_matches
from routes.dashboard.mapview import LiveSent, live_to_send, one_script
from routes.dashboard.networks import NETWORKS_ENV, WORLD_NETWORK, network_choices
from routes.dashboard.story import story_position, story_step
from routes.dashboard.timeline import ADDED_BY_HAND, reported_text, visit_rows
from routes.model import Corrections, Kind, Place, Status

STOPS = ("pyongyang", "khasan", "vladivostok")


def test_moving_a_stop_earlier_swaps_it_with_the_one_before() -> None:
    moved = move_stop(Corrections(), STOPS, "vladivostok", -1)
    assert moved.order == ("pyongyang", "vladivostok", "khasan")


def test_moving_the_first_stop_earlier_keeps_the_order() -> None:
    assert move_stop(Corrections(), STOPS, "pyongyang", -1).order == STOPS


def test_moving_a_place_that_is_no_stop_changes_nothing() -> None:
    assert move_stop(Corrections(), STOPS, "moscow", 1) == Corrections()


def test_undo_goes_back_one_step_at_a_time_and_redo_forward() -> None:
    first = Corrections(excluded=("khasan",))
    second = replace(first, added=("ussuriysk",))
    history = History().apply(first).apply(second)
    assert history.undo().current == first
    assert history.undo().undo().current == Corrections()
    assert history.undo().undo().undo().current == Corrections()
    assert history.undo().undo().redo().redo().current == second


def test_a_new_step_after_undo_drops_the_redo_steps() -> None:
    history = History().apply(Corrections(excluded=("a",))).undo()
    history = history.apply(Corrections(excluded=("b",)))
    assert history.future == ()
    assert history.redo().current == Corrections(excluded=("b",))


def test_the_same_corrections_again_are_no_step() -> None:
    history = History().apply(Corrections())
    assert history.past == ()


def _place(pid: str, name: str, kind: str, country: str, population: int = 0) -> Place:
    return Place(pid, name, kind, 0.0, 0.0, country, population)


def test_the_stop_search_puts_the_city_before_the_region_of_its_name() -> None:
    krai = _place("krai", "Khabarovsk Krai", Kind.AREA, "RU", 1_300_000)
    city = _place("city", "Khabarovsk", Kind.CITY, "RU", 618_000)
    found = stop_matches([krai, city], "Khabarovsk", limit=10)
    assert [p.id for p in found] == ["city", "krai"]


def test_the_stop_search_shows_each_name_once_per_country() -> None:
    big = _place("a", "Tumen", Kind.TOWN, "CN", 78_000)
    small = _place("b", "Tumen", Kind.TOWN, "CN", 13_000)
    river = _place("r", "Tumen River", Kind.RIVER, "")
    found = stop_matches([river, small, big], "Tumen", limit=10)
    assert [p.id for p in found] == ["a", "r"]
    assert match_label(found[0]) == "Tumen — town, China"


def test_reported_times_keep_their_precision() -> None:
    assert reported_text("2023-09-10") == "Sun 10 Sep 2023"
    assert reported_text("2023-09-10T21:00") == "Sun 10 Sep 2023, 21:00"
    assert reported_text("2019") == "2019"
    assert reported_text("2023-09-10T21:00", "evening") == "Sun 10 Sep 2023, evening"


def test_the_timeline_has_one_row_per_visit_with_est_arrival_and_named_sources(
    journey,
) -> None:
    rows = visit_rows(journey)
    assert [row["id"] for row in rows] == [s.place.id for s in journey.route.stops]
    khasan = next(row for row in rows if row["id"] == "khasan")
    assert khasan["reported"] == "Mon 11 Sep 2023"
    assert khasan["estimated"].startswith("est. ")
    assert khasan["sources"] == "Japanese media"
    assert khasan["status"] == Status.EXPECTED
    pyongyang = next(row for row in rows if row["id"] == "pyongyang")
    assert "United States" not in pyongyang["sources"]  # an actor sentence names no source


def test_a_stop_the_reports_disagree_on_is_a_conflict(journey) -> None:
    rows = {row["id"]: row for row in visit_rows(journey)}
    # The Kremlin expects Vladivostok on the 9th, the witnesses report the 12th.
    assert rows["vladivostok"]["conflict"]
    assert not rows["khasan"]["conflict"]


def test_with_several_reports_the_timeline_says_which_report_added_or_changed_a_stop(
    journey,
) -> None:
    rows = {row["id"]: row for row in visit_rows(journey)}
    first, second = journey.reports
    assert rows["vladivostok"]["reports"] == (
        f"added by “{first.title}”; changed by “{second.title}”"
    )
    assert rows["khasan"]["reports"] == f"added by “{first.title}”"


def test_a_stop_added_by_hand_says_so(journey) -> None:
    added = replace(journey, corrections=Corrections(added=("khasan",)))
    rows = {row["id"]: row for row in visit_rows(added)}
    assert rows["khasan"]["reports"] == ADDED_BY_HAND


def test_story_next_starts_at_the_first_stop_and_walks_to_the_last() -> None:
    walked, current = [], None
    for _ in range(len(STOPS) + 1):
        current = story_step(STOPS, current, 1)
        walked.append(current)
    assert walked == [*STOPS, STOPS[-1]]  # Next on the last stop stays there


def test_story_previous_walks_back_and_starts_at_the_last_stop_from_a_place_off_the_route() -> None:
    assert story_step(STOPS, "moscow", -1) == "vladivostok"
    assert story_step(STOPS, "vladivostok", -1) == "khasan"
    assert story_step(STOPS, "pyongyang", -1) == "pyongyang"
    assert story_step((), None, 1) is None


def test_story_position_says_which_stop_of_how_many() -> None:
    assert story_position(STOPS, "khasan") == "Stop 2 of 3"
    assert story_position(STOPS, None) == "3 stops: step through them"


def test_the_world_network_is_the_only_choice_when_none_is_imported() -> None:
    assert network_choices([], {}) == {WORLD_NETWORK: ""}


def test_networks_named_on_the_command_line_and_in_the_environment_are_offered_once(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "networks"
    folder.mkdir()
    for name in ("east.npz", "west.npz", "notes.txt"):
        (folder / name).write_bytes(b"")
    argv = ["--network", str(folder / "east.npz"), "--other", "x"]
    choices = network_choices(argv, {NETWORKS_ENV: str(folder)})
    assert choices == {
        WORLD_NETWORK: "",
        "east.npz (imported)": str((folder / "east.npz").resolve()),
        "west.npz (imported)": str((folder / "west.npz").resolve()),
    }


def test_a_marker_click_the_browser_ringed_resends_no_live_layer() -> None:
    last = LiveSent("map-a", "ring(none)", None)
    sent = live_to_send(last, frame_key="map-a", script="ring(khasan)", selected="khasan",
                        ringed="khasan")  # fmt: skip
    assert sent == LiveSent("map-a", "ring(none)", "khasan")


def test_a_place_picked_after_a_click_is_ringed_again_even_with_the_last_layers_script() -> None:
    after_click = LiveSent("map-a", "ring(vladivostok)", "khasan")
    sent = live_to_send(after_click, frame_key="map-a", script="ring(vladivostok)",
                        selected="vladivostok", ringed=None)  # fmt: skip
    assert sent.script != after_click.script  # streamlit-folium evaluates only a changed layer
    assert sent.ring == "vladivostok"


def test_a_new_map_or_a_click_the_browser_did_not_ring_gets_this_runs_live_layer() -> None:
    last = LiveSent("map-a", "ring(none)", None)
    for frame_key, ringed in (("map-b", "khasan"), ("map-a", None)):
        sent = live_to_send(last, frame_key=frame_key, script="ring(khasan)", selected="khasan",
                            ringed=ringed)  # fmt: skip
        assert sent == LiveSent(frame_key, "ring(khasan)", "khasan")


def _script_url(code: str) -> str:
    """``code`` as a base64 ``data:`` script URL, as ``embeddable`` links vendored scripts."""
    return "data:text/javascript;base64," + base64.b64encode(code.encode()).decode()


def test_inline_scripts_load_as_one_script_that_runs_them_in_order() -> None:
    links = [_script_url("var first = 1"), _script_url("var second = first + 1")]
    (joined,) = one_script(links)
    code = base64.b64decode(joined.split(",", 1)[1]).decode()
    assert code.index("var first = 1") < code.index("var second = first + 1")


def test_a_script_that_is_not_inline_keeps_its_place_between_the_joined_ones() -> None:
    links = [
        _script_url("var a"),
        _script_url("var b"),
        "https://example.org/x.js",
        _script_url("c"),
    ]
    joined = one_script(links)
    assert len(joined) == 3
    assert joined[1] == "https://example.org/x.js"
    assert base64.b64decode(joined[2].split(",", 1)[1]).decode() == "c"
