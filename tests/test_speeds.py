"""The train is timed at the speed its reports give: one they state, else that of the kind
of train they describe, else a general default, never one story's train."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from routes.model import DEFAULT_SPEED_KMH, SPEED_SET_BY_USER, Corrections, Report, Settings
from routes.pipeline import build
from routes.publish.project import load_project, project_json
from routes.publish.web.text import speed_note
from routes.read.speeds import CAPPED, DEFAULT, STATED, presets, reported_speed


def _report(text: str, language: str = "en", report_id: str = "s") -> Report:
    return Report(id=report_id, text=text, published=date(2024, 3, 4), language=language)


@pytest.mark.parametrize(
    ("text", "language", "kmh"),
    [
        ("The overnight train averages about 70 km/h between the two cities.", "en", 70.0),
        ("Witnesses said the train was moving at 40 to 50 kilometres per hour.", "en", 45.0),
        ("The express ran at 50 mph across the plain.", "en", 50 * 1.609344),
        ("열차는 시속 60㎞로 달려 이튿날 아침 국경에 닿는다.", "ko", 60.0),
        ("Поезд идёт со скоростью 55–65 км/ч.", "ru", 60.0),
    ],
)
def test_a_speed_stated_for_the_train_is_its_speed(text: str, language: str, kmh: float) -> None:
    speed = reported_speed([_report(text, language)])
    assert speed.kmh == pytest.approx(kmh)
    assert speed.basis == STATED


def test_speeds_of_planes_cars_and_plain_numbers_are_not_the_trains() -> None:
    texts = [
        "His plane cruised at 850 km/h while the train waited at the station.",
        "The motorcade drove at 90 km/h to the station.",
        "The 1,000 km trip took a day and a night.",
    ]
    speed = reported_speed([_report(t, report_id=str(i)) for i, t in enumerate(texts)])
    assert (speed.kmh, speed.basis) == (DEFAULT_SPEED_KMH, DEFAULT)


def test_several_stated_speeds_give_their_median_and_a_top_speed_only_caps() -> None:
    said = [_report(f"The train kept to {n} km/h.", report_id=str(n)) for n in (30, 40, 80)]
    assert reported_speed(said).kmh == 40.0
    capped = reported_speed([_report("The heavy train has a top speed of 35 km/h.")])
    assert (capped.kmh, capped.basis) == (35.0, CAPPED)
    loose = reported_speed([_report("The heavy train can reach up to 160 km/h.")])
    assert loose.kmh == DEFAULT_SPEED_KMH  # a cap above the default changes nothing


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The leader boarded his armoured train on Monday.", "en"),
        ("그는 방탄열차를 타고 국경으로 향했다.", "ko"),
        ("Бронепоезд покинул столицу ночью.", "ru"),
    ],
)
def test_a_described_kind_of_train_gives_its_preset(text: str, language: str) -> None:
    label, kmh = presets()["armoured"]
    assert reported_speed([_report(text, language)]).kmh == kmh
    assert reported_speed([_report(text, language)]).basis == label


def test_the_build_times_the_train_at_the_reported_speed_unless_the_user_sets_one() -> None:
    text = "The night train left Przemyśl for Kyiv on Monday evening, running at about 40 km/h."
    report = _report(text)
    journey = build([report])
    assert (journey.settings.speed_kmh, journey.settings.speed_basis) == (40.0, STATED)
    set_by_hand = build([report], Settings(speed_kmh=70.0))
    assert (set_by_hand.settings.speed_kmh, set_by_hand.settings.speed_basis) == (
        70.0,
        SPEED_SET_BY_USER,
    )
    first, last = journey.route.stops[0], journey.route.stops[-1]
    assert first.eta is not None and last.eta is not None
    fast_first, fast_last = set_by_hand.route.stops[0], set_by_hand.route.stops[-1]
    assert (last.eta - first.eta) > (fast_last.eta - fast_first.eta)


def test_a_project_keeps_following_its_reports_speed_but_keeps_a_speed_the_user_set() -> None:
    report = _report("The train left Przemyśl for Kyiv, running at about 40 km/h.")
    journey = build([report])
    reports, _, settings = load_project(project_json([report], Corrections(), journey.settings))
    assert settings.speed_kmh is None  # worked out from the reports again
    assert build(list(reports), settings).settings.speed_kmh == 40.0
    fixed = build([report], Settings(speed_kmh=65.0)).settings
    assert load_project(project_json([report], Corrections(), fixed))[2].speed_kmh == 65.0


def test_the_estimates_say_what_speed_they_assume_and_why() -> None:
    assert speed_note(Settings(speed_kmh=50.0, speed_basis="an armoured leader's train")) == (
        "estimated times at 50 km/h (an armoured leader's train)"
    )
    assert speed_note(Settings(speed_kmh=70.0, speed_basis=SPEED_SET_BY_USER)) == (
        "estimated times at 70 km/h"
    )


def test_a_preset_without_a_speed_is_refused_naming_its_file(tmp_path: Path) -> None:
    broken = tmp_path / "trains.toml"
    broken.write_text('[presets.slow]\nlabel = "a slow train"\n', "utf-8")
    with pytest.raises(ValueError, match=r"trains\.toml: \[presets\.slow\] needs a speed_kmh"):
        presets.__wrapped__(broken)
