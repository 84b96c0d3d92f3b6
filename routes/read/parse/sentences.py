"""Pass 5, time: each sentence's time expressions with their status and source, and history."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from routes.model import Report, Status, TimeRef
from routes.read import native
from routes.read.lexicon import alternation, gate_words, lexicon_for
from routes.read.parse.attribution import attribution_of
from routes.read.parse.framing import in_dateline_date
from routes.read.parse.status import CLAUSE_BREAK, clause_span, clause_status
from routes.read.parse.words import LEXICON, letter_words

#: A sentence that speaks of travel (makes "to X" and "from X" journey cues): one of the
#: ``[frames] travel_words`` of ``lang/en.toml``.
_TRAVEL = re.compile(
    rf"\b(?:{alternation(LEXICON.frames.get('travel_words', ())) or '(?!)'})", re.IGNORECASE
)


@dataclass(frozen=True)
class Sentence:
    """What one sentence says about who, when and how sure."""

    start: int
    end: int
    quote: str  # its text
    source: str
    times: tuple[TimeRef, ...]
    historical: bool
    break_starts: tuple[int, ...] = ()  # where its clause breaks (commas, "and" …) start
    break_ends: tuple[int, ...] = ()
    current: tuple[TimeRef, ...] = ()  # its times that are not superseded
    past: tuple[int, ...] = ()  # where its times of a year before publication start
    filed: tuple[int, ...] = ()  # where the date of its dateline starts (the day it was filed)

    @functools.cached_property
    def travel(self) -> bool:
        """Whether the sentence speaks of travel (makes "to X" and "from X" journey cues)."""
        return _TRAVEL.search(self.quote) is not None

    def travel_at(self, position: int) -> bool:
        """Whether the part of the sentence between semicolons that holds ``position`` (a
        text offset) speaks of travel: "Many guests had flown into Rome; the patriarch came
        from X" tells no travel around X."""
        at = position - self.start
        low = self.quote.rfind(";", 0, at) + 1
        high = self.quote.find(";", at)
        part = self.quote[low : high if high >= 0 else len(self.quote)]
        return _TRAVEL.search(part) is not None


def sentences_with_times(
    report: Report,
    spans: Sequence[tuple[int, int]],
    starts: Sequence[int],
    times,
    *,
    language: str = "en",
    words: str = "en",
) -> dict[int, Sentence]:
    """Sentences (by index) that hold time expressions, their times' status and source set.

    ``language`` is the report's (it picks the attribution reader); ``words`` the language
    whose word lists the status pass reads (see :func:`read_sentence`).
    """
    grouped: dict[int, list[TimeRef]] = {}
    for ref in times:
        index = max(bisect.bisect_right(starts, ref.start) - 1, 0)
        grouped.setdefault(index, []).append(ref)
    return {
        index: read_sentence(report, spans[index], refs, language=language, words=words)
        for index, refs in grouped.items()
    }


def read_sentence(
    report: Report,
    span: tuple[int, int],
    refs: Sequence[TimeRef],
    *,
    language: str = "en",
    words: str = "en",
) -> Sentence:
    """Who a sentence quotes, its time expressions with status, whether it is history.

    A Korean or Russian sentence's source comes from :func:`routes.read.native.attribution`.
    """
    text = report.text
    start, end = span
    quote = text[start:end]
    if language in native.NATIVE_LANGUAGES:
        source = native.attribution(language, quote) or report.source
    else:
        source = attribution_of(quote) or report.source
    breaks = [(start + m.start(), start + m.end()) for m in CLAUSE_BREAK.finditer(quote)]
    starts = tuple(s for s, _ in breaks)
    ends = tuple(e for _, e in breaks)
    times = tuple(
        replace(
            ref,
            status=clause_status(text, clause_span(starts, ends, span, ref.start, ref.end), words),
            source=source,
        )
        for ref in refs
    )
    year = report.published.year if report.published else None
    past = tuple(
        ref.start
        for ref in times
        if year is not None and (_is_past(text, ref, year) or _opens_since(text, start, ref, year))
    )
    historical = bool(past)
    return Sentence(
        start=start,
        end=end,
        quote=quote,
        source=source,
        times=times,
        historical=historical,
        break_starts=starts,
        break_ends=ends,
        current=tuple(
            t
            for t in times
            if t.status != Status.SUPERSEDED
            and not _tells_speech(text, t, words)
            and not _names_a_things_year(text, t)
            and not _dates_a_made_thing(text, t)
        ),
        past=past,
        filed=tuple(t.start for t in times if in_dateline_date(text, t.start)),
    )


def _tells_speech(text: str, ref: TimeRef, words: str) -> bool:
    """Whether ``ref`` dates a telling, not the journey: a speech verb right before it
    ("said on Saturday", "told reporters on Monday") or right after it ("on Monday said"),
    the ``[frames] speech_time`` phrases of the language."""
    before, after, gate = _speech_patterns(words)
    low = max(0, ref.start - _SPEECH_REACH)
    return (
        _may_hold(text[low : ref.start], gate) and before.search(text, low, ref.start) is not None
    ) or after.match(text, ref.end) is not None


def _may_hold(window: str, gate: tuple[frozenset[str], tuple[str, ...]]) -> bool:
    """Whether ``window`` holds a word that a ``speech_time`` phrase starts with."""
    whole, stems = gate
    present = letter_words(window)
    if not whole.isdisjoint(present):
        return True
    return bool(stems) and any(word.startswith(stems) for word in present)


#: Characters before a time read for a speech verb.
_SPEECH_REACH = 60


@functools.cache
def _speech_patterns(
    words: str,
) -> tuple[re.Pattern[str], re.Pattern[str], tuple[frozenset[str], tuple[str, ...]]]:
    """The compiled ``speech_time`` (ending before a time) and ``speech_time_after`` phrases,
    and the gate words of the first (:func:`routes.read.lexicon.gate_words`)."""
    frames = lexicon_for(words).frames
    phrases = list(frames.get("speech_time", ()))
    before = alternation(phrases) or "(?!)"
    after = alternation(frames.get("speech_time_after", ())) or "(?!)"
    return (
        re.compile(rf"\b(?:{before})\s+$", re.IGNORECASE),
        re.compile(rf"\s+(?:{after})", re.IGNORECASE),
        gate_words(phrases),
    )


_YEAR_WRITTEN = re.compile(r"\b(?:1[89]|20)\d\d\b")
#: Characters of an ISO year ("2019") and of a year and month ("2019-05").
_YEAR_CHARS, _MONTH_CHARS = 4, 7


_IN_BEFORE = re.compile(r"\b(?:in|of|during)\s+$", re.IGNORECASE)
#: ", a loop of track finished in", ", built in", "the line that opened", "the bridge that
#: partisans blew up in": a thing described by when it was made or unmade (``[frames]
#: made_in``), right before its year.
_DETERMINERS = "|".join(map(re.escape, LEXICON.frames.get("made_in_determiners", ()))) or "(?!)"
_MADE_IN = re.compile(
    rf"(?:,\s+(?:(?:{_DETERMINERS})\s+(?:[\w'’-]+\s+){{0,5}}?)?"
    rf"|\b(?:{'|'.join(map(re.escape, LEXICON.frames.get('made_in_relatives', ()))) or '(?!)'})"
    r"\s+(?:[\w'’-]+\s+){0,3}?(?:was\s+|were\s+)?)"
    rf"(?:{'|'.join(map(re.escape, LEXICON.frames.get('made_in', ()))) or '(?!)'})\s+(?:in\s+)?$",
    re.IGNORECASE,
)


_SINCE_BEFORE = re.compile(r"\b(?:since|until|till|from)\s+$", re.IGNORECASE)


#: "a 2011 tour": a year followed by an event word of ``[frames] past_events``.
_EVENT_AFTER = re.compile(
    r"\s+(?:" + "|".join(re.escape(w) for w in LEXICON.frames.get("past_events", ())) + r")\b"
    if LEXICON.frames.get("past_events")
    else r"(?!)",
    re.IGNORECASE,
)


def _names_a_things_year(text: str, ref: TimeRef) -> bool:
    """Whether ``ref`` is a bare year written before a noun after "the", "a" … ("on the 1854
    mountain line", "its 1923 tunnel"): it tells when the thing was made, not when anything
    of the sentence happened (an event word after it, "a 2011 tour", is an earlier trip)."""
    return (
        _YEAR_ALONE.fullmatch(ref.text) is not None
        and _DETERMINER_BEFORE.search(text, max(0, ref.start - 8), ref.start) is not None
        and _NOUN_AFTER.match(text, ref.end) is not None
        and _EVENT_AFTER.match(text, ref.end) is None
    )


_YEAR_ALONE = re.compile(r"\d{4}")
_DETERMINER_BEFORE = re.compile(rf"\b(?:{_DETERMINERS})\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"\s+[a-z]")


def _dates_a_made_thing(text: str, ref: TimeRef) -> bool:
    """Whether ``ref`` tells when a thing the sentence describes was made or unmade (right
    after :data:`_MADE_IN`: "a loop of track finished in 1908", "the bridge that partisans
    blew up in 1943"): no time of the journey, nor history of the sentence."""
    return _MADE_IN.search(text, max(0, ref.start - 80), ref.start) is not None


def _is_past(text: str, ref: TimeRef, year: int) -> bool:
    """Whether a time expression puts its sentence in a year before publication.

    A written year counts as a date ("April 25, 2019"), after "in", "of", "during"
    ("in 2019") or before an event word ("a 2011 tour"); not in "since 2019" or "until
    1951", nor when it dates a thing described ("a loop of track finished in 1908", "the line
    that opened last year": :data:`_MADE_IN`). A year said without digits ("last year", or
    a month alone of the year before: "In May" in a January report) counts unless "since"
    comes before it.
    """
    if int(ref.date[:4]) >= year:
        return False
    if _dates_a_made_thing(text, ref):
        return False
    if not _YEAR_WRITTEN.search(ref.text):
        return len(ref.date) in (_YEAR_CHARS, _MONTH_CHARS) and not _SINCE_BEFORE.search(
            text, max(0, ref.start - 12), ref.start
        )
    return (
        len(ref.date) > 4
        or _IN_BEFORE.search(text, max(0, ref.start - 12), ref.start) is not None
        or _EVENT_AFTER.match(text, ref.end) is not None
    )


def _opens_since(text: str, start: int, ref: TimeRef, year: int) -> bool:
    """Whether the sentence opens with "since" and a year before publication ("Since 2022
    the line has carried leaders from X to Y"): it tells years of a habit up to now, not a
    leg of the journey reported."""
    return int(ref.date[:4]) < year and _SINCE_OPENING.fullmatch(text, start, ref.start) is not None


#: A sentence's opening words up to a time: "since" (or "ever since") alone.
_SINCE_OPENING = re.compile(r"\W*(?:ever\s+)?since\s+", re.IGNORECASE)


def mention_time(
    sentence: Sentence, clause: tuple[int, int], start: int, words: str = "en", end: int = -1
) -> TimeRef | None:
    """The sentence's time expression nearest the mention (same clause first), if any.

    A time in another clause that a relative pronoun opens (``[frames] relative_openers``:
    "…, which opened on Sunday") tells of the noun before it, not of the place. The date of
    a dateline ("SEOUL, Aug 18 (Wire) -") is the day the report was filed: it dates only the
    dateline's place, before it. A clause that opens right after the mention (it ends at
    ``end``) with a word of ``[frames] place_relative_openers`` ("out of X, where they spent
    hours late on Tuesday") tells what happened there: its time comes first.
    """
    there = _time_told_there(sentence, clause, end, words)
    if there is not None:
        return there
    times = [
        t
        for t in sentence.current
        if (clause[0] <= t.start < clause[1] or not _in_relative_clause(sentence, t, words))
        and (t.start not in sentence.filed or start < t.start)
    ]
    if not times:
        return None
    return min(
        times,
        key=lambda t: (not (clause[0] <= t.start < clause[1]), abs(t.start - start)),
    )


def _time_told_there(
    sentence: Sentence, clause: tuple[int, int], end: int, words: str
) -> TimeRef | None:
    """The first time of the clause right after a mention ending at ``end`` when that clause
    opens with a place relative word ("X, where …"), None otherwise."""
    if end < 0 or sentence.quote[end - sentence.start : clause[1] - sentence.start].strip():
        return None
    span = (sentence.start, sentence.end)
    after = bisect.bisect_left(sentence.break_starts, clause[1])
    if after >= len(sentence.break_ends):
        return None
    opens = sentence.break_ends[after]
    following = clause_span(sentence.break_starts, sentence.break_ends, span, opens, opens)
    opening = sentence.quote[opens - sentence.start : following[1] - sentence.start].split()
    if not opening or opening[0].lower() not in _openers(words, "place_relative_openers"):
        return None
    return next((t for t in sentence.current if following[0] <= t.start < following[1]), None)


def _in_relative_clause(sentence: Sentence, ref: TimeRef, words: str) -> bool:
    """Whether ``ref`` stands in a clause that opens with a relative pronoun."""
    span = (sentence.start, sentence.end)
    left, _ = clause_span(sentence.break_starts, sentence.break_ends, span, ref.start, ref.end)
    opening = sentence.quote[left - sentence.start : ref.start - sentence.start].split()
    return bool(opening) and opening[0].lower() in _relative_openers(words)


def _relative_openers(words: str) -> frozenset[str]:
    """The ``[frames] relative_openers`` of the language, lower case."""
    return _openers(words, "relative_openers")


@functools.cache
def _openers(words: str, key: str) -> frozenset[str]:
    """The ``[frames]`` word list ``key`` of the language, lower case."""
    return frozenset(w.lower() for w in lexicon_for(words).frames.get(key, ()))
