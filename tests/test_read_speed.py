"""The reader's quick paths give what the slow ones they replace gave."""

from __future__ import annotations

import random
import re
import sys
import weakref
from datetime import date

import pytest

from routes.model import Kind, Place, Report, TimeRef
from routes.read import when as when_module
from routes.read.gazetteer import Gazetteer
from routes.read.geoparse import parse
from routes.read.lexicon import Cue, by_first_letter, gate_words
from routes.read.native import report_language
from routes.read.parse import candidates, people, resolve
from routes.read.parse import sentences as sentence_pass
from routes.read.parse.candidates import word_before
from routes.read.parse.match import readings_of
from routes.read.parse.words import (
    LETTERS,
    WORD_RE,
    case_blind_strays,
    letter_words,
    may_hold,
    word_set,
)
from routes.read.reports import report_from_text
from routes.read.when import find_times

#: The regex :func:`word_before` stands for, searched as the candidate pass searched it.
_WORD_BEFORE = re.compile(r"\b([A-Za-z]+)\.?\s+$")

_TEXTS = (
    "The train left Pyongyang for Khasan. Gen. Kim  Vladivostok",
    "visited Mt. Paektu,\nthen\t Ussuriysk; café Moscow _x Tokyo 3. Beijing U.S. Seoul",
    "éa Moscow, a_b Kyiv.  \n  Hanoi—Lang Son. … St. Petersburg",
    "  ",
    "",
)


@pytest.mark.parametrize("text", _TEXTS)
def test_word_before_is_what_the_regex_captured_at_every_position(text: str) -> None:
    for start in range(len(text) + 1):
        found = _WORD_BEFORE.search(text, max(0, start - 30), start)
        assert word_before(text, start) == (found.group(1) if found else ""), text[:start]


def test_word_before_needs_a_word_boundary_before_the_window() -> None:
    text = "x" * 40 + "said Kim"  # the word runs on before the 30 characters read
    assert word_before(text, len(text) - 3, reach=6) == ""
    assert word_before("the said Kim", 9, reach=6) == "said"


def _speech_ungated(text: str, ref: TimeRef) -> bool:
    """The speech-verb check without its gate: both patterns always searched."""
    before, after, _ = sentence_pass._speech_patterns("en")
    low = max(0, ref.start - sentence_pass._SPEECH_REACH)
    return bool(before.search(text, low, ref.start) or after.match(text, ref.end))


@pytest.mark.parametrize(
    "text",
    [
        "The Kremlin said on Saturday that the train would reach Vladivostok.",
        "Officials told reporters on Monday the leader had left Pyongyang.",
        "Yonhap, citing sources, reported late on Sunday the train crossed at Khasan.",
        "The ministry said in a statement on Tuesday that the visit had ended.",
        "At a press conference on Friday, the spokesman declined to comment.",
        "The train arrived on Wednesday and left on Thursday.",
        "On Monday said the agency, the train was in Ussuriysk.",
    ],
)
def test_the_speech_gate_never_hides_a_speech_verb(text: str) -> None:
    report = report_from_text(text, source="Wire", published=date(2023, 9, 11), report_id="t")
    refs = find_times(report)
    assert refs
    for ref in refs:
        assert sentence_pass._tells_speech(text, ref, "en") == _speech_ungated(text, ref)


def test_a_time_told_with_a_speech_verb_still_dates_the_telling() -> None:
    text = "The Kremlin said on Saturday that the train would reach Vladivostok."
    report = report_from_text(text, source="Wire", published=date(2023, 9, 11), report_id="t")
    assert any(sentence_pass._tells_speech(text, ref, "en") for ref in find_times(report))


def test_gate_words_are_the_first_words_of_the_phrases() -> None:
    whole, stems = gate_words(["told reporters on", "at a|an briefing", "speculat* that"])
    assert whole == {"told", "at"}
    assert stems == ("speculat",)


def test_a_cue_with_stems_may_match_a_word_starting_with_one() -> None:
    cue = Cue("expected", re.compile("x"), (), whole=frozenset({"plan"}), stems=("speculat",))
    assert cue.may_match({"the", "speculation"})
    assert cue.may_match({"plan"})
    assert not cue.may_match({"the", "train", "spec"})
    assert not Cue("expected", re.compile("x"), ()).may_match({"speculation"})


def _town(name: str, lat: float, lon: float) -> Place:
    return Place(id=name, name=name, kind=Kind.TOWN, lat=lat, lon=lon, country="RU")


def test_distances_to_the_nearest_anchor_in_one_call_are_those_of_one_call_each() -> None:
    readings = [_town("a", 43.1, 131.9), _town("b", 48.5, 135.1), _town("c", 55.7, 37.6)]
    anchors = [_town("x", 42.4, 130.6), _town("y", 50.3, 127.5), _town("x2", 42.4, 130.6)]
    together = resolve._kms_to_nearest(readings, anchors)
    assert together == [resolve._km_to_nearest(p, anchors) for p in readings]
    assert together[0] == pytest.approx(132, abs=2)  # Vladivostok to Khasan, about


def test_the_distance_to_a_crossing_is_remembered_by_position() -> None:
    place = _town("Khasan", 42.43, 130.64)
    points = resolve._crossing_points()
    assert resolve._km_to_crossing(place) == resolve._km_to_nearest(place, points)
    assert resolve._km_to_crossing(_town("other name", 42.43, 130.64)) == (
        resolve._km_to_crossing(place)
    )


def test_a_name_s_readings_are_worked_out_once_and_alike_every_time(
    gazetteer: Gazetteer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(candidates, "_READINGS", weakref.WeakKeyDictionary())
    places = gazetteer.lookup_keys(["vladivostok"])["vladivostok"]
    first = candidates._readings(gazetteer, "vladivostok", places)
    assert first == readings_of(places, "vladivostok")
    assert candidates._readings(gazetteer, "vladivostok", places) is first
    monkeypatch.setattr(candidates, "_RUN_MEMO_SIZE", 2)
    for key in ("khasan", "ussuriysk", "khabarovsk"):
        candidates._readings(gazetteer, key, gazetteer.lookup_keys([key])[key])
    assert len(candidates._READINGS[gazetteer]) <= 2


def test_two_reports_with_the_same_sentence_read_its_places_alike(gazetteer: Gazetteer) -> None:
    sentence = "The train left Pyongyang and crossed into Russia at Khasan on Tuesday, Yonhap said."
    found = []
    for number, lead in enumerate(("Officials were silent.", "Nothing was said in Moscow.")):
        text = f"{lead} {sentence}"
        report = report_from_text(
            text, source="Wire", published=date(2023, 9, 11), report_id=str(number)
        )
        offset = text.index(sentence)
        found.append(
            [
                (p.place.id, m.start - offset, m.role, m.status, m.date, m.source)
                for p in parse([report], gazetteer).places
                for m in p.mentions
                if m.start >= offset
            ]
        )
    assert found[0] == found[1]
    assert {place for place, *_ in found[0]} >= {"pyongyang", "khasan"}


def test_russian_cues_found_by_last_lemma_are_those_every_phrase_tried_everywhere() -> None:
    from routes.read import cues_ru
    from routes.read.cues import load_cues

    book = load_cues("ru")
    words = sorted({w for cue in book.cues for p in cue.phrases for w in p} | {"x", "в", "на"})
    rng = random.Random(7)
    cases_seen = (frozenset(), frozenset({"accs"}), frozenset({"loct"}), frozenset({"Fixd"}))
    roles = set()
    for _ in range(3000):
        lemmas = [rng.choice(words) for _ in range(rng.randint(0, 7))]
        cases, travel = rng.choice(cases_seen), rng.random() < 0.5
        role = cues_ru._russian_cue(book, lemmas, cases, travel)
        assert role == cues_ru._russian_cue_scan(book, lemmas, cases, travel), lemmas
        roles.add(role)
    assert len(roles) > 2  # the sample reaches several roles, not only "no cue"


_SCANNED = (
    "On Monday, Sept. 12 or Sep. 3, the May Day train left; in March (Mar. 4) and Jun. 1, "
    "July, June, Wednesdays. Dec.December MondayMay xMonday ",
    "President Ivan Petrov and PARK Min Jun's aide; O'Neil-Smith Jr. met Kim Jong Un ÉLe "
    "Mr Lee\tKim. Seo-yeon Kim's train; eKim Jong; _Kim Il; 3Park Min; ’Park Min",
    "",
)


@pytest.mark.parametrize("text", _SCANNED)
def test_day_anchors_are_what_the_plain_alternation_found(text: str) -> None:
    plain = re.compile(rf"{when_module._WEEKDAY}|{when_module._MONTH}")
    assert [m.span() for m in when_module._DAY_ANCHOR.finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]


def test_by_first_letter_refuses_what_it_cannot_group() -> None:
    assert by_first_letter(["ab", "ac", "b"]) == "(?:a(?:b|c)|b(?:))"
    for alternative in ("\\d", "a*b", "(ab)"):
        with pytest.raises(ValueError, match="plain letter"):
            by_first_letter([alternative])


@pytest.mark.parametrize("text", _SCANNED)
def test_name_runs_are_what_the_word_boundary_regex_found(text: str) -> None:
    plain = re.compile(r"\b[A-Z][\w’'-]*(?:[ ][A-Z][\w’'-]*)*")
    assert [m.span() for m in people._NAME_RUN.finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]


_WORD_START = r"(?<![\w'’-])"


@pytest.mark.parametrize(
    "text",
    [
        "North Korea's border with China; on the Russia-North Korea border near the Chinese "
        "border town, close to the Chinese border, along the Russian frontier and the Chinese "
        "border crossing; xthe Chinese border; -the Russian border",
        "the Russian border. Russia's long border with North Korea and the border; reached "
        "the Russia-China border and the Chinese border",
    ],
)
def test_border_patterns_match_as_with_the_word_start_look_behind_last(text: str) -> None:
    from routes.read.parse.words import LEXICON

    for pattern in LEXICON.borders:
        assert pattern.pattern.startswith(_WORD_START)
        barred, rest = pattern.pattern[len(_WORD_START) :].split("(?:", 1)
        before = re.compile(barred + _WORD_START + "(?:" + rest, pattern.flags)
        assert [m.span() for m in pattern.finditer(text)] == [
            m.span() for m in before.finditer(text)
        ]


@pytest.mark.parametrize(
    "text",
    [
        "The Kremlin said the train left; the Chosun Ilbo daily reported; KCNA said. It said",
        "the South Korean spy agency said; Russia's Interfax news agency; the Yonhap agency",
        "Officials in the Tass Agency and the TV Asahi network said; Mr. Kim's aide said.",
    ],
)
def test_attribution_patterns_match_as_without_their_first_character_check(text: str) -> None:
    from routes.read.parse import attribution

    lead = attribution._CAPITAL_OR_THE
    for pattern in attribution._ATTRIBUTIONS:
        plain = re.compile(pattern.pattern.removeprefix(lead), pattern.flags)
        assert [m.span("name") for m in pattern.finditer(text)] == [
            m.span("name") for m in plain.finditer(text)
        ]


_PHRASE_LISTS = (
    ["ruled out", "cancel*", "called off", "no longer", "nor", "Could", "could", "c-section"],
    ["that|this|it did not happen", "they never arrived", "plans changed", "tours* of"],
    ["будет", "в конце недели", "Выехал", "выехал*"],
    ["i|ı went", "I left"],  # letters that match each other without regard to case
    ["will", "'ll", "would", "we'll"],  # a phrase opening with a sign written as itself
    ["{a} visited", "arrived at"],  # a slot: joined as it is
    ["… arrived", "left"],  # a gap first: joined as it is
)
_PHRASE_TEXTS = (
    "The stop was ruled out, then Cancelled; it was called off. COULD it? could not, nor"
    " it. That did not happen, THIS did not happen and they never arrived. Plans changed."
    " The c-section tours of Brno; tourists. ı went, I went, i left; Petrov visited Brno"
    " I'll go, we'll see; WE'LL, 'll, would",
    "Поезд будет в конце недели. Выехал поезд, выехали все. он выехал",
)


@pytest.mark.parametrize("phrases", _PHRASE_LISTS)
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_an_alternation_grouped_by_first_letter_matches_as_the_phrases_joined(
    phrases: list[str], flags: int
) -> None:
    from routes.read.lexicon import alternation, compile_phrase

    plain = re.compile(r"(?<!\w)(?:" + "|".join(map(compile_phrase, phrases)) + ")", flags)
    grouped = re.compile(r"(?<!\w)(?:" + alternation(phrases) + ")", flags)
    for text in _PHRASE_TEXTS:
        assert [m.group() for m in grouped.finditer(text)] == [
            m.group() for m in plain.finditer(text)
        ]
        assert [m.span() for m in grouped.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ]


def test_an_alternation_groups_only_what_it_can() -> None:
    from routes.read.lexicon import alternation, compile_phrase

    assert alternation(["train", "trains", "motorcade"]) == r"t(?:rain\b|rains\b)|motorcade\b"
    for phrases in (["{a} visited", "arrived"], ["… arrived", "left"], ["i went", "ı went"]):
        assert alternation(phrases) == "|".join(map(compile_phrase, phrases))
    assert alternation([]) == ""


@pytest.mark.parametrize(
    "text",
    (*_TEXTS, "Park_2 said: it's 3pm, Don't", "KELVIN \u212a-band, İstanbul ſ", "Ёлка и Хасан"),
)
def test_word_sets_are_the_runs_the_regexes_find(text: str) -> None:
    assert letter_words(text) == set(LETTERS.findall(text.lower()))
    assert word_set(text) == set(WORD_RE.findall(text))


def test_a_report_without_hangul_or_cyrillic_is_english_without_counting_its_letters() -> None:
    accented = Report(id="a", text="The train left Đồng Đăng — café stop — for Hà Nội.")
    native = Report(id="b", text="Поезд прибыл в Хасан в понедельник утром.")
    assert report_language(accented) == "en"
    assert report_language(native) == "ru"


def test_the_case_blind_strays_are_every_character_matching_an_ascii_letter() -> None:
    everything = "".join(map(chr, range(128, sys.maxunicode + 1)))
    assert case_blind_strays() == set(re.findall("[a-z]", everything, re.IGNORECASE))


@pytest.mark.parametrize("text", ("a strip of land", "A STRIP", "the ſtrip", "the İsland", "é"))
def test_a_gate_lets_through_every_text_its_pattern_matches(text: str) -> None:
    pattern = re.compile(r"\b(?:strip|island)\b", re.IGNORECASE)
    assert pattern.search(text) is None or may_hold(text, ("strip", "island"))


def test_a_gate_stops_a_text_without_its_words() -> None:
    assert not may_hold("the train left Hà Nội", ("strip", "island"))
