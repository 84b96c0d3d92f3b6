"""Pass 4, status and modality: how sure a clause is (reported, expected, denied, ruled out …)."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence

from routes.model import Status
from routes.read.lexicon import alternation, lexicon_for
from routes.read.parse.words import MEMO_SIZE, letter_words

#: A clause break: ``[;:,]|\s(?:but|though|although|while|whereas|and)\s``, written to open
#: with one character class so that the regex engine skips to those characters at C speed.
CLAUSE_BREAK = re.compile(
    r"[;:,\s](?:(?<=[;:,])|(?<=\s)(?:but|though|although|while|whereas|and)\s)"
)


def clause_span(
    starts: Sequence[int], ends: Sequence[int], span: tuple[int, int], start: int, end: int
) -> tuple[int, int]:
    """The clause of a sentence that holds ``start:end`` (cut at commas, "and", "though" …)."""
    before = bisect.bisect_right(ends, start)
    after = bisect.bisect_left(starts, end)
    left = ends[before - 1] if before else span[0]
    right = starts[after] if after < len(starts) else span[1]
    return left, right


def clause_status(text: str, clause: tuple[int, int], language: str = "en") -> str:
    """How sure the clause is: ruled-out, superseded, denied, expected or reported."""
    return status_of(text[clause[0] : clause[1]], language)


@functools.lru_cache(maxsize=MEMO_SIZE)
def status_of(words: str, language: str = "en") -> str:
    """How sure these words are: the first status one of whose phrases they hold.

    The statuses and their phrases are ``language``'s (``[[statuses]]`` of its file).

    Memoised: wire copy repeats its clauses.
    """
    present = letter_words(words)
    for status in lexicon_for(language).statuses:
        if status.may_match(present) and status.pattern.search(words):
            return status.role
    return Status.REPORTED


def overturned(text: str, clause_end: int, sentence_end: int, language: str = "en") -> bool:
    """Whether the clause after ``clause_end`` says what the clause before it expected did
    not happen ("…, but that did not happen": ``overturns_before`` of ``[frames]``)."""
    pattern = _frame_after(language, "overturns_before", _CLAUSE_BREAK)
    return pattern is not None and pattern.match(text, clause_end, sentence_end) is not None


def unconfirmed(text: str, clause_end: int, sentence_end: int, language: str = "en") -> bool:
    """Whether the clause after ``clause_end`` says what the clause before it told could not
    be confirmed ("…, though this could not be confirmed": ``unconfirmed_before`` of
    ``[frames]``): what it told is a guess."""
    pattern = _frame_after(language, "unconfirmed_before", _CLAUSE_BREAK)
    return pattern is not None and pattern.match(text, clause_end, sentence_end) is not None


def subject_denied(text: str, clause_end: int, sentence_end: int, language: str = "en") -> bool:
    """Whether the sentence goes on from the opening clause ending at ``clause_end``, past a
    clause between commas, to a predicate that denies it ("A visit to X, mentioned by some
    local media, did not take place": ``subject_denied`` of ``[frames]``)."""
    pattern = _frame_after(language, "subject_denied", _CLAUSE_BETWEEN_COMMAS)
    return pattern is not None and pattern.match(text, clause_end, sentence_end) is not None


def stayed_within(text: str, clause_start: int, place_start: int, language: str = "en") -> bool:
    """Whether the place at ``place_start`` follows words that put a denied move beyond it
    ("did not travel outside the capital", ``stayed_within`` of ``[frames]``): what was not
    done is going past it, so it is where the traveller stayed, not a stop ruled out."""
    pattern = _ending_frame(language, "stayed_within")
    return pattern is not None and pattern.search(text, clause_start, place_start) is not None


def excepted(text: str, clause_start: int, place_start: int, language: str = "en") -> bool:
    """Whether the place at ``place_start`` is named as the exception to its clause ("did not
    stop anywhere except X", "made no stops other than X", "Apart from X, …": ``excepted``
    of ``[frames]``): what the clause denies of every other place happened there."""
    pattern = _ending_frame(language, "excepted")
    return pattern is not None and pattern.search(text, clause_start, place_start) is not None


def subject_of_plan(text: str, place_end: int, clause_end: int, language: str = "en") -> bool:
    """Whether the words right after the place make it the subject of a plan ("Adelaide is
    scheduled for Monday evening", "Omsk is due on Tuesday": ``subject_of_plan`` of
    ``[frames]``): the plan's words after it are its own."""
    pattern = _frame_after(language, "subject_of_plan", r"\s+")
    return pattern is not None and pattern.match(text, place_end, clause_end) is not None


#: Other names of a list the place opens, before the list's predicate ("X, Y and Z are").
_LIST_OF_NAMES = (
    r"(?:(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
    r"(?-i:[A-ZÀ-ÖØ-Þ][\w'’-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w'’-]*)*))+"  # capitalised, in any case mode
)


def list_subject_of_plan(
    text: str, place_end: int, sentence_end: int, language: str = "en"
) -> bool:
    """Whether the place opens a list of names that is the subject of a plan ("Khabarovsk
    and Omsk are expected to be among the stops": ``subject_of_plan`` of ``[frames]`` after
    the list): the plan is every name's, the first one's too, whose clause ends at "and"."""
    pattern = _frame_after(language, "subject_of_plan", _LIST_OF_NAMES + r"\s+")
    return pattern is not None and pattern.match(text, place_end, sentence_end) is not None


def negation_ended(text: str, clause_start: int, place_start: int, language: str = "en") -> bool:
    """Whether words between a negation and the place open an event that did happen ("did
    not stop before reaching X", "ran without a halt until it reached X": ``negation_ends``
    of ``[frames]``, a few words of the place's description between)."""
    pattern = _ending_frame(language, "negation_ends", words=3)
    return pattern is not None and pattern.search(text, clause_start, place_start) is not None


@functools.cache
def _ending_frame(language: str, frame: str, words: int = 0) -> re.Pattern[str] | None:
    """The phrases of ``frame`` in ``[frames]`` ending right before a place ("the" between,
    and up to ``words`` lower-case words: "the Pacific port of")."""
    phrases = lexicon_for(language).frames.get(frame, ())
    if not phrases:
        return None
    between = rf"(?:[a-z][\w'’-]*\s+){{0,{words}}}" if words else ""
    return re.compile(
        rf"\b(?:{alternation(phrases)})\s+(?:the\s+)?{between}(?:of\s+)?$", re.IGNORECASE
    )


def opening_stay_status(
    text: str,
    clause: tuple[int, int],
    sentence: tuple[int, int],
    place_start: int,
    language: str = "en",
) -> str | None:
    """The status of the rest of the sentence when the place at ``place_start`` ends an
    opening phrase with no verb of its own that tells a time spent there ("After a day in X,
    they will cross into Y": ``opening_stay`` of ``[frames]``) and that rest is a plan or a
    guess; None otherwise. Such a phrase is as sure as the clause it opens.
    """
    pattern = _opening_stay(language)
    if pattern is None or not pattern.fullmatch(text, sentence[0], place_start):
        return None
    rest = status_of(text[clause[1] : sentence[1]], language)
    return rest if rest in (Status.EXPECTED, Status.SPECULATIVE) else None


def told_by_a_plan(text: str, sentence_start: int, place_start: int, language: str = "en") -> bool:
    """Whether the sentence opens by naming a plan's document as its source ("According to
    the itinerary, the train crosses into X": ``plan_source`` of ``[frames]``): what the
    timetable shows is planned, whatever the tense. Named later ("There was no stop at X,
    the timetable shows, and the train ran through Y"), it vouches for one clause only."""
    pattern = _frame_after(language, "plan_source", r"[\W_]*")
    return pattern is not None and pattern.match(text, sentence_start, place_start) is not None


def trailing_stops_status(
    text: str, clause: tuple[int, int], sentence: tuple[int, int], place_start: int, words: str
) -> str | None:
    """The status of the clause before when the place at ``place_start`` is told in a phrase
    with no verb of its own trailing it ("plans to go on to X, with stops in Y":
    ``trailing_stops`` of ``[frames]``) and that clause is a plan or a guess; None
    otherwise."""
    pattern = _trailing_stops(words)
    if pattern is None or clause[0] <= sentence[0]:
        return None
    if not pattern.fullmatch(text, clause[0], place_start):
        return None
    before = status_of(text[sentence[0] : clause[0]], words)
    return before if before in (Status.EXPECTED, Status.SPECULATIVE) else None


@functools.cache
def _trailing_stops(language: str) -> re.Pattern[str] | None:
    """The phrases of ``trailing_stops`` as the whole of a clause's opening up to a place."""
    phrases = lexicon_for(language).frames.get("trailing_stops", ())
    if not phrases:
        return None
    return re.compile(rf"[\s,;—–-]*(?:{alternation(phrases)})\s+", re.IGNORECASE)


@functools.cache
def _opening_stay(language: str) -> re.Pattern[str] | None:
    """The phrases of ``opening_stay`` as the whole of a sentence's opening up to a place,
    after at most one word ("And after a day in")."""
    phrases = lexicon_for(language).frames.get("opening_stay", ())
    if not phrases:
        return None
    return re.compile(rf"\W*(?:\w+\s+)?(?:{alternation(phrases)})\s+", re.IGNORECASE)


#: What may stand between a clause's end and the phrase of a frame read after it: a clause
#: break with an optional conjunction (``overturns_before``), or one clause between commas
#: (``subject_denied``).
_CLAUSE_BREAK = r"[\s,;:—–-]*(?:(?:but|yet|though|although|and)\s+)?"
_CLAUSE_BETWEEN_COMMAS = r",\s[^,.;:]{1,80},\s+"


@functools.cache
def _frame_after(language: str, frame: str, lead: str) -> re.Pattern[str] | None:
    """The phrases of ``frame`` in ``[frames]``, each after ``lead``, or None for none."""
    phrases = lexicon_for(language).frames.get(frame, ())
    if not phrases:
        return None
    alternatives = alternation(phrases)
    return re.compile(rf"{lead}(?:{alternatives})(?![\w'’])", re.IGNORECASE)
