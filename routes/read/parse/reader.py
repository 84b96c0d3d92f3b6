"""The reader: the passes run in order over each report (candidates → resolve → attribution →
status/modality → time → role), the mentions bounded and windowed.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta

from routes.model import (
    POINT_KINDS,
    STOP_ROLES,
    LocatedPlace,
    Mention,
    Parsed,
    Place,
    Report,
    Role,
    Status,
    TimeRef,
)
from routes.read import native
from routes.read.gazetteer import Gazetteer
from routes.read.parse.candidates import Match, find_candidates, register_candidates
from routes.read.parse.match import new_match, readings_of
from routes.read.parse.references import (
    arrived_at_the_dateline,
    capitals_named,
    described_places,
    facilities_described,
)
from routes.read.parse.resolve import (
    LowerWords,
    choose_namesakes,
    context_countries,
    in_context,
    needs_common_check,
    read_place,
    region_place,
)
from routes.read.parse.role import (
    crossed_within,
    heads_for,
    inherit_role,
    inherit_status,
    journey_began,
    left_after_event,
    mention_role,
    names_a_service,
    place_role,
)
from routes.read.parse.sentences import Sentence, mention_time, read_sentence, sentences_with_times
from routes.read.parse.status import (
    clause_span,
    excepted,
    list_subject_of_plan,
    negation_ended,
    opening_stay_status,
    overturned,
    status_of,
    stayed_within,
    subject_denied,
    subject_of_plan,
    told_by_a_plan,
    trailing_stops_status,
    unconfirmed,
)
from routes.read.parse.visits import (
    at_an_undated_later_day,
    bridges_crossed,
    days_before_then,
    hours_before_then,
    tells_a_day_apart,
    told_came_back,
    undated_days_earlier,
)
from routes.read.reports import sentence_spans
from routes.read.when import find_times, tells_a_tense

#: Statuses of what a following clause can say did not happen (an expectation, a rumour,
#: a plan told as superseded).
_OVERTURNABLE = frozenset({Status.EXPECTED, Status.SPECULATIVE, Status.SUPERSEDED})
#: A clause that offers another branch of the one before it ("…, or to Vladivostok").
_ALTERNATIVE = re.compile(r"[\s,;]*(?:or|either)\b", re.IGNORECASE)

#: Mentions of one place kept per report; the rest are counted
#: (``LocatedPlace.omitted_mentions``) but not stored, so output stays linear in the input
#: however often a report repeats a name.  The place's role still weighs every mention.
MAX_MENTIONS_PER_REPORT = 50


#: Characters of a sentence quoted either side of a mention (whole sentences when shorter).
QUOTE_CONTEXT = 300


def _native_finder(language: str):
    """The candidate finder of a language read by morphology (:mod:`routes.read.native`)."""

    def find(text: str, gazetteer: Gazetteer):
        return native.find_matches(text, gazetteer, language, new_match, readings_of)

    return find


for _language in native.NATIVE_LANGUAGES:
    register_candidates(_language, _native_finder(_language))


def parse(reports: Sequence[Report], gazetteer: Gazetteer) -> Parsed:
    """Find every place ``reports`` mention, with its mentions and journey role.

    Parameters
    ----------
    reports
        The reports, in the user's order.
    gazetteer
        Where names are looked up (:func:`routes.read.gazetteer.load_gazetteer`).

    Returns
    -------
    Parsed
        Places in order of first mention (report order, then text order), each
        with its mentions in the same order (at most :data:`MAX_MENTIONS_PER_REPORT`
        per report, the rest counted in ``omitted_mentions``, each quoting a window of
        :data:`QUOTE_CONTEXT` characters either side); every time expression of every
        report with its source and status filled in.
    """
    mentions: dict[str, list[Mention]] = {}
    places: dict[str, Place] = {}
    published: dict[str, tuple] = {}
    timerefs: list[TimeRef] = []
    for number, report in enumerate(reports):
        published[report.id] = (report.published.toordinal() if report.published else 0, number)
        found, times = _parse_report(report, gazetteer)
        timerefs += times
        for place, mention in found:
            places.setdefault(place.id, place)
            mentions.setdefault(place.id, []).append(mention)
    texts = {report.id: report.text for report in reports}
    located = []
    for place_id, found in mentions.items():
        kept = _kept_mentions(found)
        located.append(
            LocatedPlace(
                place=places[place_id],
                role=place_role(found, published),
                mentions=tuple(_windowed(m, texts[m.report_id]) for m in kept),
                omitted_mentions=len(found) - len(kept),
            )
        )
    return Parsed(places=tuple(bridges_crossed(one_origin(located))), timerefs=tuple(timerefs))


def one_origin(located: Sequence[LocatedPlace]) -> list[LocatedPlace]:
    """Places both arrived at and left are the origin only when no other place is one.

    :func:`place_role` makes a place visited and then left ("the train left Beijing on
    Tuesday" after "a visit to Beijing") the origin: where the journey told starts. When
    the reports name another origin ("from Ulaanbaatar to Beijing"), it was a destination. A
    place only come back to besides being left ("left X at 8 a.m. … will fly back to X")
    is such an other origin: the journey went out from there.
    """
    others = {
        p.place.id
        for p in located
        if p.role == Role.ORIGIN
        and not any(m.role == Role.DESTINATION and not told_came_back(m) for m in p.mentions)
    }
    if not others:
        return list(located)
    return [
        replace(p, role=Role.DESTINATION)
        if p.role == Role.ORIGIN and p.place.id not in others
        else p
        for p in located
    ]


def _kept_mentions(found: Sequence[Mention]) -> list[Mention]:
    """The first :data:`MAX_MENTIONS_PER_REPORT` mentions of a place in each report."""
    counts: dict[str, int] = {}
    kept = []
    for mention in found:
        seen = counts.get(mention.report_id, 0)
        if seen < MAX_MENTIONS_PER_REPORT:
            kept.append(mention)
        counts[mention.report_id] = seen + 1
    return kept


def _windowed(mention: Mention, text: str) -> Mention:
    """``mention`` quoting at most :data:`QUOTE_CONTEXT` characters either side of it.

    The window is cut at blank space inside its sentence, so it never splits a word
    (unless a word is longer than the window); ``text[sentence_start:sentence_end]`` is
    still the quote.  A sentence that fits the window is quoted whole.
    """
    low, high = mention.sentence_start, mention.sentence_end
    if high - low <= 2 * QUOTE_CONTEXT + (mention.end - mention.start):
        return mention
    start = max(low, mention.start - QUOTE_CONTEXT)
    end = min(high, mention.end + QUOTE_CONTEXT)
    if start > low:
        blank = text.find(" ", start, mention.start)
        start = blank + 1 if blank >= 0 else start
    if end < high:
        blank = text.rfind(" ", mention.end, end)
        end = blank if blank >= 0 else end
    return replace(mention, sentence_start=start, sentence_end=end, quote=text[start:end])


def _parse_report(
    report: Report, gazetteer: Gazetteer
) -> tuple[list[tuple[Place, Mention]], list[TimeRef]]:
    """The (place, mention) pairs of one report in text order, and its time expressions.

    Korean and Russian reports (:data:`routes.read.native.NATIVE_LANGUAGES`) find, resolve
    and read their names with :mod:`routes.read.native`; the shared passes then run with
    the English words, and ``native.read_mention`` sets the role and status from the
    report's own cue words.
    """
    text = report.text
    language = native.report_language(report)
    is_native = language in native.NATIVE_LANGUAGES
    words = "en" if is_native else language
    spans = sentence_spans(text)
    starts = [start for start, _ in spans]
    found_times = find_times(report, spans)
    if is_native:
        native.remember_times(report, found_times)
    sentences = sentences_with_times(
        report, spans, starts, found_times, language=language, words=words
    )
    times = [ref for index in sorted(sentences) for ref in sentences[index].times]
    matches, demonyms = find_candidates(text, gazetteer, language)
    counts = context_countries(matches, demonyms, text)
    found: list[tuple[Place, Mention]] = []
    resolved = _resolved(matches, counts, text, is_native, gazetteer, language)
    resolved = capitals_named(text, resolved, gazetteer, language)
    if not is_native:
        resolved = described_places(text, resolved, gazetteer)
        resolved = facilities_described(text, resolved, gazetteer)
    for match, place in resolved:
        index = max(bisect.bisect_right(starts, match.start) - 1, 0)
        if index not in sentences:
            sentences[index] = read_sentence(
                report, spans[index], (), language=language, words=words
            )
        mention = _mention(report, match, place, sentences[index], gazetteer, words)
        if is_native:
            previous = found[-1][1] if found else None
            mention = native.read_mention(
                report, language, mention, place, previous, matches, gazetteer
            )
        elif found and place.kind in POINT_KINDS:
            mention = timetable_told_on(found, mention)
            previous = _listed_before(found)
            mention = inherit_role(text, previous, mention, place)
            mention = inherit_status(text, previous, mention)
        role = crossed_within(place, mention.role)  # every language's regions alike
        if role != mention.role:
            mention = replace(mention, role=role)
        found.append((place, mention))
    return arrived_at_the_dateline(found, text, language, spans), times


def timetable_told_on(found: Sequence[tuple[Place, Mention]], mention: Mention) -> Mention:
    """``mention``, planned when its sentence tells no tense of its own (a timetable's
    present: "Before dawn the express halts at X", :func:`routes.read.when.tells_a_tense`)
    and the last sentence before it that told stops (``found``, in text order) told them all
    as planned ("According to the timetable, the train calls at W overnight."): the report
    goes on reading out the plan. A sentence of a past verb ("The express halted at X") or
    of a stop told as done ends it."""
    if mention.status != Status.REPORTED:
        return mention
    last: list[Mention] = []  # the stops of the last sentence before it that told any
    for _, told in reversed(found):
        if told.sentence_start >= mention.sentence_start or told.role not in STOP_ROLES:
            continue
        if last and told.sentence_start != last[0].sentence_start:
            break
        last.append(told)
    if not last or any(m.status != Status.EXPECTED for m in last):
        return mention
    return mention if tells_a_tense(mention.quote) else replace(mention, status=Status.EXPECTED)


def _listed_before(found: Sequence[tuple[Place, Mention]]) -> Mention:
    """The mention a new point is listed after: the last one found, or, when that is an
    area inside the words between ("X, the capital of Tatarstan, and Y"), the last point
    before it in the same sentence."""
    last_place, last = found[-1]
    if last_place.kind in POINT_KINDS:
        return last
    for place, mention in reversed(found[:-1]):
        if mention.sentence_start != last.sentence_start:
            break
        if place.kind in POINT_KINDS:
            return mention
    return last


def _resolved(
    matches: Sequence[Match],
    counts,
    text: str,
    is_native: bool,
    gazetteer: Gazetteer,
    language: str = "en",
) -> list[tuple[Match, Place]]:
    """Each match with the place it means, namesakes chosen; unresolved matches dropped."""
    if is_native:
        home = native.home_countries(language)
        pairs = ((match, native.resolve(match, counts, in_context, home)) for match in matches)
        return [(match, place) for match, place in pairs if place is not None]
    lowered = LowerWords(text)
    resolved: list[tuple[Match, Place | None]] = []
    small: dict[int, Place] = {}  # small towns in no country of the report, by match id
    for match in matches:
        if needs_common_check(match):
            lowered.active = True
        place, is_small = read_place(match, counts, text, lowered, gazetteer.names_capital)
        if is_small and place is not None and not match.region:
            small[id(match)], place = place, None
        resolved.append((match, region_place(place) if match.region else place))
    chosen = choose_namesakes(
        _as_the_dateline(resolved), counts, text, small, is_capital=gazetteer.is_capital
    )
    return list(chosen)


def _as_the_dateline(
    resolved: list[tuple[Match, Place | None]],
) -> list[tuple[Match, Place | None]]:
    """``resolved`` with each reference to the dateline's place ("arrived here", "this border
    town") meaning what the dateline was read as: its words are no name to judge."""
    dateline = next((place for match, place in resolved if match.dateline), None)
    return [(match, dateline if match.refers else place) for match, place in resolved]


def _mention(
    report: Report,
    match: Match,
    place: Place,
    sentence: Sentence,
    gazetteer: Gazetteer,
    words: str,
) -> Mention:
    """The mention of ``place`` at ``match`` with its source, date, status and role.

    ``words``: the language whose word lists the status and role passes read.
    """
    text = report.text
    span = (sentence.start, sentence.end)
    clause = clause_span(sentence.break_starts, sentence.break_ends, span, match.start, match.end)
    status = status_of(text[clause[0] : clause[1]], words)
    if _overturned(text, clause, match.start, sentence.end, words):
        status = Status.RULED_OUT  # "had expected him to stop in X, but that did not happen"
    elif clause[0] == sentence.start and subject_denied(text, clause[1], sentence.end, words):
        status = Status.RULED_OUT  # "A visit to X, mentioned by some, did not take place"
    if status == Status.RULED_OUT and (
        stayed_within(text, clause[0], match.start, words)  # "did not travel outside X"
        or negation_ended(text, clause[0], match.start, words)  # "… before reaching X"
    ):
        status = Status.REPORTED
    exception = sentence.travel and excepted(text, clause[0], match.start, words)
    if exception and status == Status.RULED_OUT:
        status = Status.REPORTED  # "did not stop anywhere except X": it stopped at X
    if status in (Status.SPECULATIVE, Status.EXPECTED) and not subject_of_plan(
        text, match.end, clause[1], words
    ):
        # a modal governs the words after it: "could detour to X", not "X so passengers
        # could" (but "X is scheduled for Monday": the place is what is planned)
        status = status_of(text[clause[0] : match.end], words)
    if status in (Status.REPORTED, Status.EXPECTED) and unconfirmed(
        text, clause[1], sentence.end, words
    ):
        status = Status.SPECULATIVE  # "probably halted at X, though this could not be confirmed"
    if status == Status.REPORTED and list_subject_of_plan(text, match.end, sentence.end, words):
        status = Status.EXPECTED  # "X and Y are expected to be among the stops"
    if status == Status.REPORTED and _ALTERNATIVE.match(text, clause[0], match.start):
        # "might stop in X, or travel on to Y": the other branch is as sure as the first
        status = status_of(text[sentence.start : clause[0]], words)
    elif status == Status.REPORTED and _second_of_a_pair(text, clause, match.start):
        # "might be moved to buses between X and Y": Y is told as X is
        before = clause_span(
            sentence.break_starts, sentence.break_ends, span, clause[0] - 1, clause[0] - 1
        )
        status = status_of(text[before[0] : clause[0]], words)
    if status == Status.REPORTED:
        # "After a day in X, they will cross into Y": X is as sure as the crossing
        status = (
            opening_stay_status(text, clause, span, match.start, words)
            or trailing_stops_status(text, clause, span, match.start, words)
            or status
        )
    if status == Status.REPORTED and told_by_a_plan(text, sentence.start, match.start, words):
        status = Status.EXPECTED  # "According to the itinerary, the train crosses at X"
    role = mention_role(place, match, text, sentence, status, gazetteer, words)
    if exception and place.kind in POINT_KINDS and role in (Role.CONTEXT, Role.ORIGIN):
        role = Role.VIA  # "Apart from X, the train did not stop": the one stop on the way
    when = _mention_time(text, match, sentence, clause, role, words)
    if (
        when is not None
        and status == Status.REPORTED
        and not clause[0] <= when.start < clause[1]
        and _told_as_a_plan(text, sentence, when, words)
    ):
        when = None  # "left X at 3 p.m. and was expected to reach Y on Thursday": not X's day
    elif (
        when is not None
        and status == Status.EXPECTED
        and when.start < clause[0]
        and not _told_as_a_plan(text, sentence, when, words)
    ):
        when = None  # "arrived in X on Friday, the first leg of a trip that is to take them
        # to Y": the day of what was done before is not the plan's
    return Mention(
        report_id=report.id,
        place_id=place.id,
        start=match.start,
        end=match.end,
        text=text[match.start : match.end],
        sentence_start=sentence.start,
        sentence_end=sentence.end,
        quote=sentence.quote,
        source=sentence.source,
        date=when.date if when is not None else None,
        status=status,
        role=role,
        part=when.part if when is not None else "",
    )


def _second_of_a_pair(text: str, clause: tuple[int, int], place_start: int) -> bool:
    """Whether the place's clause is cut off the one before only by an "and" right before
    the place ("between X and Y", "X and the Y"): it is the second of a pair of names, not
    a clause of its own."""
    return _AND_BEFORE.search(text, max(0, clause[0] - 5), clause[0]) is not None and (
        _THE_ONLY.fullmatch(text, clause[0], place_start) is not None
    )


#: The clause break "and" (English), right before a clause's start.
_AND_BEFORE = re.compile(r"\sand\s$")
#: Nothing, or "the", between a clause's start and a place.
_THE_ONLY = re.compile(r"(?:the\s+)?", re.IGNORECASE)


def _told_as_a_plan(text: str, sentence: Sentence, when: TimeRef, words: str) -> bool:
    """Whether the clause ``when`` stands in tells a plan or an expectation ("and was
    expected to reach Y on Thursday"): its day is not that of a place told as done."""
    span = (sentence.start, sentence.end)
    clause = clause_span(sentence.break_starts, sentence.break_ends, span, when.start, when.end)
    return status_of(text[clause[0] : clause[1]], words) != Status.REPORTED


def _overturned(
    text: str, clause: tuple[int, int], start: int, sentence_end: int, words: str
) -> bool:
    """Whether the clause of a place at ``start`` expected or rumoured it and the next clause
    says that did not happen. The clause is read from its last full stop before the place,
    and one running on past a full stop after it is not overturned: a sentence the splitter
    kept whole ("… left dandong heading west. some said it might stop in X; it did not")
    holds two statements, and only the one the next clause answers is overturned."""
    if not overturned(text, clause[1], sentence_end, words):
        return False  # the common case, one anchored match: decided before any slicing
    if text.find(". ", start, clause[1]) >= 0:
        return False  # the clause goes on past a full stop: the next is not its own
    left = max(clause[0], text.rfind(". ", clause[0], start) + 1)
    return status_of(text[left : clause[1]], words) in _OVERTURNABLE


def _mention_time(
    text: str, match: Match, sentence: Sentence, clause: tuple[int, int], role: str, words: str
) -> TimeRef | None:
    """The time of a mention: its sentence's nearest current time, if it takes one.

    The ends of a service name ("the X-Y express"), a place the train is only bound for
    ("on its way to X"), one it left after an event there ("heading home after the X
    summit") and one told at a later or earlier day left unnamed ("in X later this week",
    "toured X earlier in the week") take no time; one told a while before its sentence's
    event ("on Friday, a week after leaving X") takes the day that long before; in a
    sentence without current times neither is asked.
    """
    if not sentence.current:
        return None
    if role == Role.DESTINATION and heads_for(text, match, sentence, words):
        return None
    if role == Role.ORIGIN and left_after_event(text, match, sentence, words):
        return None
    if role == Role.ORIGIN and journey_began(text, match, sentence, words):
        return None  # "completing its four-day crossing from X": not when it left X
    if names_a_service(text, match, sentence, words):
        return None
    if at_an_undated_later_day(text, match.start, match.end, sentence.start):
        return None  # "a summit in X later this week": not the day the sentence names
    if undated_days_earlier(text, match.start, match.end, sentence.start):
        return None  # "toured X earlier in the week": nor here
    when = mention_time(sentence, clause, match.start, words, match.end)
    if when is not None and role != Role.HISTORICAL and when.start in sentence.past:
        return None  # "then to X, where a bridge blown up in 2022 lies": not X's visit
    back = days_before_then(text, match.start, sentence.start)
    if when is not None and back:
        return _days_before(when, back)  # "on Tuesday, the day after leaving X": Monday
    hours = hours_before_then(text, match.start, sentence.start)
    if when is not None and hours:
        return _hours_before(when, hours)  # "on Tuesday, 27 hours after leaving X"
    if (
        when is not None
        and not clause[0] <= when.start < clause[1]
        and tells_a_day_apart(text[clause[0] : clause[1]])
    ):
        return None  # "left X on Monday and reached Y the next morning": a day after X's
    return when


def _hours_before(when: TimeRef, hours: int) -> TimeRef:
    """``when`` moved ``hours`` back: to the hour when it has a clock time or a part of the
    day, else by the whole days they make (a day alone says no hour to count from)."""
    if len(when.date) < len("2000-01-01T00:00"):
        return _days_before(when, round(hours / 24)) if hours >= 12 else when
    moved = datetime.fromisoformat(when.date) - timedelta(hours=hours)
    return replace(when, date=moved.isoformat(timespec="minutes"), part="")


def _days_before(when: TimeRef, days: int) -> TimeRef:
    """``when`` moved ``days`` days back, its day alone (the clock and part were another
    event's); a month or a year alone stays as it is."""
    if len(when.date) < len("2000-01-01"):
        return when
    day = date.fromisoformat(when.date[:10]) - timedelta(days=days)
    return replace(when, date=day.isoformat(), part="")
