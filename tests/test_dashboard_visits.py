"""The dashboard with a place passed out and back: one row, one pick, both stop numbers."""

from __future__ import annotations

from routes.dashboard.cards import place_options
from routes.dashboard.corrections import places_table
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
