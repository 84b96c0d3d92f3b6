"""A Korean or Russian report's time expressions are found once and serve its mentions."""

from __future__ import annotations

from datetime import date

import pytest

from routes.read import native
from routes.read.geoparse import parse
from routes.read.reports import report_from_text
from routes.read.when import find_times

_TEXT = "평양에서 17일 오후 출발한 열차가 18일 하산에 도착했다."


def _dates(reports, gazetteer) -> dict[str, list]:
    found: dict[str, list] = {}
    for place in parse(reports, gazetteer).places:
        for m in place.mentions:
            found.setdefault(m.report_id, []).append((m.start, m.date))
    return {key: sorted(value) for key, value in found.items()}


def test_the_times_remembered_are_the_reports_own(gazetteer) -> None:
    report = report_from_text(_TEXT, published=date(2023, 9, 19), report_id="k1")
    native.remember_times(report, find_times(report))
    assert native._report_times(report) == find_times(report)


def test_a_report_read_after_another_keeps_its_own_times(gazetteer) -> None:
    first = report_from_text(_TEXT, published=date(2023, 9, 19), report_id="k1")
    later = report_from_text(_TEXT, published=date(2023, 10, 19), report_id="k2")
    together = _dates([first, later], gazetteer)
    assert together["k2"] == _dates([later], gazetteer)["k2"]
    assert together["k1"] == _dates([first], gazetteer)["k1"]
    assert any(d and d.startswith("2023-10") for _, d in together["k2"])


def test_a_part_of_the_day_without_a_label_is_refused_naming_its_file(monkeypatch) -> None:
    # Every part of the day must say how it is shown (its precision), or a report's "밤"
    # would be printed as the clock 22:00.
    from routes.read import when_native

    table = {"weekdays": [], "parts": {"밤": {"clock": "22:00"}}}
    monkeypatch.setattr(when_native, "language_table", lambda language, name: table)
    when_native._words.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"xx\.toml: \[dates\.parts\] '밤' needs a clock"):
            when_native._words("xx")
    finally:
        when_native._words.cache_clear()


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("다음 달 5일까지", "2018-12-05"),
        ("지난달 28일", "2018-10-28"),
        ("이달 3일", "2018-11-03"),
        ("5일", "2018-11-05"),  # a bare day stays in the month of publication
    ],
)
def test_a_korean_day_after_a_month_word_is_in_that_month(words: str, expected: str) -> None:
    text = f"조사단은 {words} 개성을 살펴볼 계획이다."
    report = report_from_text(text, source="t", published=date(2018, 11, 30), report_id="k")
    assert [t.date for t in find_times(report)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clause of no tense takes the sentence's: "должен прибыть" looks ahead
        (
            "Утром в среду у него стоянка в Тайшете, а в Иркутск он должен прибыть днём.",
            "2025-09-10",
        ),
        # a past verb of its own keeps the weekday behind
        ("В среду он стоял в Тайшете, а в Иркутск он должен прибыть днём.", "2025-09-03"),
    ],
)
def test_a_russian_weekday_of_a_clause_of_no_tense_reads_the_sentences_tense(
    text: str, expected: str
) -> None:
    # published on Tuesday 9 September 2025
    report = report_from_text(text, source="t", published=date(2025, 9, 9), report_id="r")
    assert [t.date[:10] for t in find_times(report)] == [expected]
