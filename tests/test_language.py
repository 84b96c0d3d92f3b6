"""Which language a report is read in: its own field when given, else detected."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from routes.model import Report
from routes.read.language import detect_language, resolve_language
from routes.read.native import report_language
from routes.read.reports import load_paths, report_from_text

KOREAN = (
    "김정은 국무위원장을 태운 특별열차가 평양에서 출발해 하산으로 향했다고 정부 소식통이 밝혔다."
)
RUSSIAN = "Специальный поезд лидера КНДР во вторник прибыл на станцию Хасан, передаёт ТАСС."
ENGLISH = "Kim Jong Un's armoured train left Pyongyang for the Russian border on Sunday."


@pytest.mark.parametrize(("text", "language"), [(KOREAN, "ko"), (RUSSIAN, "ru"), (ENGLISH, "en")])
def test_each_language_we_read_is_detected(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_an_english_report_quoting_hangul_and_cyrillic_names_stays_english() -> None:
    text = ENGLISH + " Pyongyang (평양) and Khasan (Хасан) are linked by one line."
    assert detect_language(text) == "en"


def test_a_text_without_letters_reads_as_english() -> None:
    assert detect_language("12.09.2023 — 10:45") == "en"


def test_the_reports_own_field_wins_over_detection() -> None:
    assert resolve_language("ru", KOREAN) == "ru"
    assert resolve_language("ko-KR", ENGLISH) == "ko"
    assert resolve_language("", RUSSIAN) == "ru"
    assert resolve_language("de", KOREAN) == "ko"  # a language we do not read: detected


def test_pasted_text_gets_its_detected_language_unless_one_is_given() -> None:
    assert report_from_text(KOREAN).language == "ko"
    assert report_from_text(RUSSIAN).language == "ru"
    assert report_from_text(RUSSIAN, language="en").language == "en"


def test_loaded_files_carry_their_language(tmp_path: Path) -> None:
    (tmp_path / "ko.txt").write_text("특별열차\n\n" + KOREAN, encoding="utf-8")
    (tmp_path / "ru.md").write_text("---\ntitle: Поезд\n---\n" + RUSSIAN, encoding="utf-8")
    items = [{"id": "a", "text": RUSSIAN, "language": "ru"}, {"id": "b", "text": KOREAN}]
    (tmp_path / "two.json").write_text(json.dumps(items), encoding="utf-8")
    loaded = load_paths([tmp_path])
    assert loaded.problems == ()
    assert {r.id: r.language for r in loaded.reports} == {
        "ko": "ko",
        "ru": "ru",
        "a": "ru",
        "b": "ko",
    }


def test_the_reader_reads_a_report_built_in_code_in_the_language_of_its_text() -> None:
    # Report's own default is "en": a text plainly in Hangul or Cyrillic is read as such.
    assert report_language(Report(id="x", text=KOREAN)) == "ko"
    assert report_language(Report(id="x", text=RUSSIAN)) == "ru"
    assert report_language(Report(id="x", text=ENGLISH)) == "en"
    assert report_language(Report(id="x", text=KOREAN, language="ru")) == "ru"


def test_the_dashboard_summary_names_the_languages_read(gazetteer) -> None:
    from routes.dashboard import summary
    from routes.pipeline import build

    reports = [report_from_text(KOREAN, report_id="k"), report_from_text(ENGLISH, report_id="e")]
    assert summary(build(reports, gazetteer=gazetteer)).endswith("read in Korean, English")
    assert summary(build(reports[1:], gazetteer=gazetteer)).endswith("read in English")
