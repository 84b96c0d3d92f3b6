"""The dashboard with a place passed out and back: one row, one pick, both stop numbers."""

from __future__ import annotations

from routes.dashboard.cards import place_options
from routes.dashboard.corrections import places_table
from routes.dashboard.story import story_step, story_stops
from tests.test_export_visits import out_and_back_journey


def test_the_place_picker_lists_a_place_passed_twice_once_with_both_numbers() -> None:
    options = place_options(out_and_back_journey())
    ids = [pid for pid, _ in options]
    assert len(ids) == len(set(ids))
    labels = dict(options)
    assert labels["khasan"] == "2, 4. Khasan"
    assert labels["pyongyang"] == "1, 5. Pyongyang"
    assert ids[:3] == ["pyongyang", "khasan", "vladivostok"]


def test_the_places_table_gives_a_place_passed_twice_its_first_visit() -> None:
    rows = {row["id"]: row for row in places_table(out_and_back_journey())}
    assert rows["khasan"]["order"] == 2
    assert rows["pyongyang"]["order"] == 1


def test_story_mode_steps_through_every_place_once_and_reaches_the_end() -> None:
    stops = story_stops(out_and_back_journey())
    assert stops == ["pyongyang", "khasan", "vladivostok"]
    current, seen = None, []
    for _ in range(5):
        current = story_step(stops, current, 1)
        seen.append(current)
    assert seen == ["pyongyang", "khasan", "vladivostok", "vladivostok", "vladivostok"]
