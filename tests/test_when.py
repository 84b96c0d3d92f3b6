"""Time expressions: found with exact offsets and resolved against the published date."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from routes.model import Report
from routes.read import date_words as date_words_module
from routes.read import lexicon, when
from routes.read.gazetteer import Gazetteer
from routes.read.geoparse import parse
from routes.read.reports import load_paths, sentence_spans
from routes.read.when import PART_OF_DAY, find_times

MONDAY = date(2023, 9, 11)  # the bundled report's published date


def _times(text: str, published: date | None = MONDAY) -> list[tuple[str, str]]:
    report = Report(id="r", text=text, published=published)
    return [(t.text, t.date) for t in find_times(report)]


@pytest.fixture(scope="module")
def bundled(bundled_report: Path) -> Report:
    (report,) = load_paths([bundled_report]).reports
    return report


def _in_sentence(report: Report, words: str, sentence_part: str) -> str:
    """The date found for ``words`` in the sentence holding ``sentence_part``."""
    refs = [
        t
        for t in find_times(report)
        if t.text == words and sentence_part in report.text[t.sentence_start : t.sentence_end]
    ]
    assert len(refs) == 1, refs
    return refs[0].date


@pytest.mark.parametrize(
    ("words", "sentence", "expected"),
    [
        ("late on Sunday", "Kim left Pyongyang", f"2023-09-10T{PART_OF_DAY[('late', '')]}"),
        ("Tuesday", "as early as Tuesday", "2023-09-12"),
        ("Tuesday", "likely to be on Tuesday", "2023-09-12"),
        ("Wednesday", "initially reported", "2023-09-13"),
        ("Saturday", "The Kremlin said on Saturday", "2023-09-09"),
        ("Sunday", "which opened on Sunday", "2023-09-10"),
        ("Monday", "South Korean media reported on Monday", "2023-09-11"),
        ("Monday", "reported earlier on Monday", "2023-09-11"),
        ("2019", "last trip abroad in 2019", "2019"),
    ],
)
def test_bundled_report_dates(bundled: Report, words: str, sentence: str, expected: str) -> None:
    assert _in_sentence(bundled, words, sentence) == expected


def test_timerefs_carry_exact_offsets_and_their_sentence(bundled: Report) -> None:
    refs = find_times(bundled)
    spans = sentence_spans(bundled.text)
    assert refs
    for ref in refs:
        assert bundled.text[ref.start : ref.end] == ref.text
        assert (ref.sentence_start, ref.sentence_end) in spans
        assert ref.sentence_start <= ref.start < ref.end <= ref.sentence_end
        assert ref.report_id == bundled.id
        assert (ref.status, ref.source) == ("reported", "")
    assert [r.start for r in refs] == sorted(r.start for r in refs)
    assert find_times(bundled, spans) == refs


def test_last_week_is_not_a_date_but_last_year_is_the_year_before(bundled: Report) -> None:
    texts = {t.text: t.date for t in find_times(bundled)}
    assert "last week" not in texts
    assert texts["last year"] == "2022"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kim left Pyongyang on Sunday.", [("Sunday", "2023-09-10")]),
        ("The train departed on Monday.", [("Monday", "2023-09-11")]),
        ("Kim would meet Putin on Tuesday.", [("Tuesday", "2023-09-12")]),
        ("Kim will arrive on Monday.", [("Monday", "2023-09-11")]),
        ("Kim is expected to arrive in Vladivostok on Wednesday.", [("Wednesday", "2023-09-13")]),
        ("On Thursday, Kim will tour the cosmodrome.", [("Thursday", "2023-09-14")]),
        ("The summit was held on Wednesday.", [("Wednesday", "2023-09-06")]),
        ("Kim may have crossed on Sunday.", [("Sunday", "2023-09-10")]),
        ("Talks are set for next Monday.", [("next Monday", "2023-09-18")]),
        ("They met last Monday.", [("last Monday", "2023-09-04")]),
    ],
)
def test_weekdays_resolve_within_the_week_around_publication(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _times(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He left early on Tuesday.", ("early on Tuesday", "2023-09-05T06:00")),
        ("It arrived on Sunday morning.", ("Sunday morning", "2023-09-10T09:00")),
        ("It arrived on the afternoon of Sunday.", ("the afternoon of Sunday", "2023-09-10T15:00")),
        ("It stopped on Saturday evening.", ("Saturday evening", "2023-09-09T19:00")),
        ("It left late Sunday night.", ("late Sunday night", "2023-09-10T23:00")),
        ("It left on Sunday night.", ("Sunday night", "2023-09-10T23:00")),
        ("Last night the train stopped.", ("Last night", "2023-09-10T23:00")),
        ("This morning it rained.", ("This morning", "2023-09-11T09:00")),
        ("The evening of Sunday was quiet.", ("The evening of Sunday", "2023-09-10T19:00")),
        ("Late evening on Sunday it left.", ("Late evening on Sunday", "2023-09-10T22:00")),
    ],
)
def test_parts_of_the_day_add_a_clock_time(text: str, expected: tuple[str, str]) -> None:
    assert _times(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The forum opened on September 10.", ("September 10", "2023-09-10")),
        ("Kim arrived on Sept. 12.", ("Sept. 12", "2023-09-12")),
        ("Kim arrived on 10 September.", ("10 September", "2023-09-10")),
        ("The first summit was on April 25.", ("April 25", "2023-04-25")),
        ("They met on April 25, 2019.", ("April 25, 2019", "2019-04-25")),
        ("The visit began on 2023-09-12.", ("2023-09-12", "2023-09-12")),
        ("He came on Sunday, September 10.", ("Sunday, September 10", "2023-09-10")),
        ("The train left late on September 10.", ("late on September 10", "2023-09-10T21:00")),
        ("In September 2019 he travelled.", ("September 2019", "2019-09")),
    ],
)
def test_explicit_dates_take_the_published_year_unless_given(
    text: str, expected: tuple[str, str]
) -> None:
    assert _times(text) == [expected]


def test_a_date_across_new_year_takes_the_nearer_year() -> None:
    assert _times("Talks resume on January 3.", date(2023, 12, 20)) == [("January 3", "2024-01-03")]
    assert _times("Talks ended on December 30.", date(2024, 1, 2)) == [
        ("December 30", "2023-12-30")
    ]
    assert _times("Talks resume on January 3.") == [("January 3", "2023-01-03")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kim's last trip abroad in 2019 was to Vladivostok.", [("2019", "2019")]),
        ("Kim's 2019 trip ended early.", [("2019", "2019")]),
        ("The line, about 2000 km long, is old.", []),
        ("It carried 2019 passengers.", []),
        ("The invasion of Ukraine last year.", [("last year", "2022")]),
        (
            "Kim left yesterday and returns tomorrow.",
            [("yesterday", "2023-09-10"), ("tomorrow", "2023-09-12")],
        ),
        ("The talks are today.", [("today", "2023-09-11")]),
    ],
)
def test_years_and_relative_days(text: str, expected: list[tuple[str, str]]) -> None:
    assert _times(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Putin pledged last week to expand ties.",
        "Marchers may march.",
        "The summit is 2023-02-30.",
        "The Sunday Times said so.",
    ],
)
def test_words_that_are_not_dates_give_none(text: str) -> None:
    assert _times(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Monday 11 September 2023: a month named alone is the nearest one before it …
        (
            "In October he flew to Omsk, and in July to Perm.",
            [("October", "2022-10"), ("July", "2023-07")],
        ),
        # … or after it when its clause looks ahead; with a day or a year it is a date
        ("The fair will be held in March, the mayor said.", [("March", "2024-03")]),
        ("Marchers may march in May.", [("May", "2024-05")]),
        ("He was there in May 2019.", [("May 2019", "2019-05")]),
        ("Theresa May spoke in Omsk.", []),
    ],
)
def test_a_month_named_alone_is_the_nearest_such_month(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _times(text) == expected


def test_without_a_published_date_only_absolute_dates_resolve() -> None:
    text = "Kim left on Sunday, yesterday. He met Putin on April 25, 2019, and in 2019."
    assert _times(text, None) == [("April 25, 2019", "2019-04-25"), ("2019", "2019")]


def test_a_weekday_in_a_clause_without_tense_takes_the_future_of_its_sentence() -> None:
    # Monday 11 September: "will stay …, reaching Moscow on Wednesday" is the coming one,
    # "left …, arriving on Saturday" the one before
    assert _times("Others will stay on board, reaching Moscow on Wednesday.") == [
        ("Wednesday", "2023-09-13")
    ]
    assert _times("The train left Irkutsk, arriving in Chita on Saturday.") == [
        ("Saturday", "2023-09-09")
    ]


def test_a_plan_told_in_the_past_tense_still_looks_ahead() -> None:
    # Monday 11 September: "was due to … reach X, the city …, on Wednesday" is the coming
    # Wednesday, though "was" stands before the clause the weekday ends
    text = (
        "The train was due to cross the hills in the afternoon and reach Perm, the city on "
        "the Kama, on Wednesday."
    )
    assert _times(text) == [("Wednesday", "2023-09-13")]
    assert _times("The train left Irkutsk, arriving in Chita on Saturday.") == [
        ("Saturday", "2023-09-09")
    ]


def test_a_present_tense_travel_verb_puts_its_weekday_in_the_coming_week() -> None:
    # Monday 11 September: "flies home on Thursday", "returns to Omsk on Friday" tell a
    # plan in the present tense, so the coming Thursday and Friday
    assert _times("The delegation flies home from Tomsk airport on Thursday.") == [
        ("Thursday", "2023-09-14")
    ]
    assert _times("The choir returns to Omsk by bus on Friday, its organiser said.") == [
        ("Friday", "2023-09-15")
    ]


def test_a_participle_set_off_by_commas_gives_its_sentence_no_past() -> None:
    # Monday 11 September: "will visit the fort, perched above the harbour, before heading
    # on … on Thursday" is the coming Thursday; the participle describes the fort
    assert _times(
        "The tourists will visit the old fort, perched above the harbour, before heading "
        "on to the coast on Thursday."
    ) == [("Thursday", "2023-09-14")]
    assert _times(
        "The tourists visited the old fort, perched above the harbour, before heading "
        "on to the coast on Thursday."
    ) == [("Thursday", "2023-09-07")]


@pytest.mark.parametrize(
    ("text", "words", "part"),
    [
        ("Kim left Pyongyang late on Sunday.", "late on Sunday", "evening"),
        ("It stopped on Saturday morning.", "Saturday morning", "morning"),
        ("It crossed early on Tuesday.", "early on Tuesday", "early morning"),
        ("It reached Khasan on Tuesday.", "Tuesday", ""),
    ],
)
def test_a_part_of_the_day_keeps_the_precision_it_was_said_with(
    text: str, words: str, part: str
) -> None:
    (ref,) = find_times(Report(id="r", text=text, published=MONDAY))
    assert (ref.text, ref.part) == (words, part)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The convoy left Tbilisi at 8 a.m. on Friday.",
         ("at 8 a.m. on Friday", "2023-09-08T08:00")),
        ("It reached Batumi on Saturday at 10:30 local time.",
         ("Saturday at 10:30 local time", "2023-09-09T10:30")),
        ("At 8.30 p.m. on Sunday it was still at Kutaisi.",
         ("At 8.30 p.m. on Sunday", "2023-09-10T20:30")),
        ("It pulled out shortly after 6 pm Thursday.",
         ("shortly after 6 pm Thursday", "2023-09-07T18:00")),
        ("It left on Saturday morning at about 7 a.m.",
         ("Saturday morning at about 7 a.m.", "2023-09-09T07:00")),
        ("It crossed at 12 a.m. on Sunday, and at 12 p.m. on Sunday it was in Gori.",
         [("at 12 a.m. on Sunday", "2023-09-10T00:00"),
          ("at 12 p.m. on Sunday", "2023-09-10T12:00")]),
        # no word before the number: a score, not a time of day
        ("The team won 3:20 on Sunday.", ("Sunday", "2023-09-10")),
        # a clock in another sentence belongs to that sentence
        ("It was 8 a.m. It left on Sunday.", ("Sunday", "2023-09-10")),
    ],
)  # fmt: skip
def test_a_clock_time_beside_a_day_gives_its_hour_and_minute(text: str, expected) -> None:
    assert _times(text) == (expected if isinstance(expected, list) else [expected])


def test_a_day_told_with_a_clock_time_keeps_no_part_of_the_day() -> None:
    report = Report(id="r", text="It left on Sunday evening at 9.15 p.m.", published=MONDAY)
    (ref,) = find_times(report)
    assert (ref.date, ref.part) == ("2023-09-10T21:15", "")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an expectation before the weekday puts it in the coming week (published Tuesday)
        ("В Москву гостя ждут в субботу.", "2001-08-04"),
        # a plain past clause keeps the weekday just gone
        ("Поезд прибыл в Омск в субботу.", "2001-07-28"),
    ],
)
def test_a_russian_weekday_with_an_expectation_anywhere_in_its_clause_lies_ahead(
    text: str, expected: str
) -> None:
    report = Report(id="r", text=text, published=date(2001, 7, 31), language="ru")
    assert [t.date for t in find_times(report)] == [expected]


@pytest.fixture
def language_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of en.toml that the date reader is rebuilt from; the real one is put back after."""
    copy = tmp_path / "en.toml"
    copy.write_text((lexicon.LANG_DIR / "en.toml").read_text("utf-8"), "utf-8")
    monkeypatch.setattr(lexicon, "LANG_DIR", tmp_path)
    yield copy
    monkeypatch.undo()
    lexicon.language_file.cache_clear()
    date_words_module.date_words.cache_clear()
    importlib.reload(when)


def _reread(language_file: Path, old: str, new: str) -> None:
    """Edit the copied language file and rebuild the date reader from it."""
    text = language_file.read_text("utf-8")
    assert old in text
    language_file.write_text(text.replace(old, new, 1), "utf-8")
    lexicon.language_file.cache_clear()
    date_words_module.date_words.cache_clear()
    importlib.reload(when)


def test_a_short_month_added_to_the_language_file_is_read(language_file: Path) -> None:
    report = Report(id="r", text="The train left on Spt 9.", published=MONDAY)
    assert [t.text for t in when.find_times(report)] == []
    _reread(language_file, '"Sept." = 9,', '"Sept." = 9, "Spt" = 9,')
    assert [(t.text, t.date) for t in when.find_times(report)] == [("Spt 9", "2023-09-09")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The train left on Aug 20 and returned on Sept. 2.",
            [("Aug 20", "2023-08-20"), ("Sept. 2", "2023-09-02")],
        ),
        ("Jan Novak said the train left on Monday.", [("Monday", "2023-09-11")]),
        ("The talks in Dec 2021 failed.", [("Dec 2021", "2021-12")]),
    ],
)
def test_a_short_month_with_or_without_its_stop_is_a_month_before_a_day_or_a_year(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _times(text) == expected


def test_a_tense_word_added_to_the_language_file_turns_a_weekday_ahead(
    language_file: Path,
) -> None:
    report = Report(id="r", text="The envoy intends a rail visit on Friday.", published=MONDAY)
    assert [t.date for t in when.find_times(report)] == ["2023-09-08"]
    _reread(language_file, '"upcoming",', '"upcoming", "intends",')
    assert [t.date for t in when.find_times(report)] == ["2023-09-15"]


def test_a_missing_date_list_is_named_with_its_file(language_file: Path) -> None:
    text = language_file.read_text("utf-8")
    language_file.write_text(text.replace("past_endings = [", "old_endings = ["), "utf-8")
    lexicon.language_file.cache_clear()
    with pytest.raises(ValueError, match=r"en\.toml: \[dates\] past_endings must be a list"):
        date_words_module.date_words.__wrapped__("en")


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        ("The ministry said on Saturday the express would reach Lviv.", None),
        ("Officials on Friday said the express would stop in Omsk.", None),
        ("The railway told reporters on Monday that the express had left Kyiv.", None),
        ("The agency said in a statement on Monday that the train would call at Omsk.", None),
        ("The express reached Lviv on Sunday, the ministry said on Monday.", "2024-03-03"),
        ("The express left for Omsk and the fair, which opened on Sunday.", None),
        ("The express reached Omsk, where crowds waited on Sunday.", "2024-03-03"),
    ],
)
def test_a_time_of_a_telling_or_of_another_nouns_clause_does_not_date_the_place(
    gazetteer: Gazetteer, text: str, dated: str | None
) -> None:
    report = Report(id="s", text=text, published=date(2024, 3, 5))
    (place,) = parse([report], gazetteer).places
    assert [m.date for m in place.mentions] == [dated]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # published on a Friday: the stops before Sunday's arrival were this week's
        (
            "The king is due in Malaga on Sunday after stops in Jaen on Thursday and Almeria "
            "on Friday.",
            date(2025, 3, 14),
            [("Sunday", "2025-03-16"), ("Thursday", "2025-03-13"), ("Friday", "2025-03-14")],
        ),
        # published on a Wednesday: a stop on Friday before Saturday's arrival is ahead
        (
            "The king will reach Malaga on Saturday following a stop in Jaen on Friday.",
            date(2025, 3, 12),
            [("Saturday", "2025-03-15"), ("Friday", "2025-03-14")],
        ),
    ],
)
def test_a_weekday_told_before_the_main_clause_is_on_or_before_its_day(
    text: str, published: date, expected: list[tuple[str, str]]
) -> None:
    assert _times(text, published) == expected


def test_each_bulleted_line_of_an_itinerary_is_its_own_sentence(gazetteer: Gazetteer) -> None:
    text = (
        "김 위원장의 방중 일정은 다음과 같다.\n"
        "▲29일 = 단둥 통과 뒤 베이징 도착, 댜오위타이 국빈관 투숙\n"
        "▲30일 = 장쩌민 주석과 회담"
    )
    assert len(sentence_spans(text)) == 3
    report = Report("k", text, source="Test", published=date(2000, 6, 2))
    dates = {p.place.id: p.mentions[0].date for p in parse([report], gazetteer).places}
    assert dates["diaoyutai"] == "2000-05-29"  # its own line's day, not the next line's


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a timetable's present tells no tense: the nearest such weekday
        ("The train stops overnight in Kamloops before climbing the pass on Tuesday.",
         date(2023, 4, 17), "2023-04-18"),
        ("The train stops overnight in Kamloops before climbing the pass on Tuesday.",
         date(2023, 4, 20), "2023-04-18"),
        # a past verb still reads the weekday as past, however near the coming one
        ("The train climbed the pass on Tuesday.", date(2023, 4, 17), "2023-04-11"),
        # and a plan as the future
        ("The train will climb the pass on Tuesday.", date(2023, 4, 20), "2023-04-25"),
    ],
)  # fmt: skip
def test_a_weekday_with_no_tense_told_is_the_nearest(
    text: str, published: date, expected: str
) -> None:
    assert _times(text, published) == [("Tuesday", expected)]
