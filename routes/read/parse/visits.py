"""Visits in the order they happened: event time first, then where they lie on the way.

Reports tell a journey out of order ("Earlier, the train had pulled in to X"), so text order
alone says little. Each stop carries an event time (:class:`EventTime`): the date the
sentence puts on its mention, or, in a sentence without a date, a time read against the
sentences told before it ("earlier", "the previous day", "then", "on the way back", "had
pulled in": the ``[order]`` words of ``routes/read/lang/<code>.toml``), and, inside a
sentence, places told after "after" ("reached Y after passing X") come before the rest, and
words between two stops ("X and then Y", "X, and before that Y") order them.
What a report tells as done wins over what one tells as planned.
:func:`order_by_event_time` sorts the stops that have a time by it (the told order breaking
ties) and puts each stop without one where it adds the fewest km between them;
:func:`home_first` puts a place the train came back to ("returned to X") first when the
journey went out from it and back, last when the report tells only the way home;
:func:`crossed_between_countries` puts a border river or bridge where the journey passes from
one of its banks' countries to the other; :func:`return_visits` adds the second visits of an
out-and-back journey: a place passed on the way out and again on the way back, and the origin
the train headed home to; :func:`visits_between` a place come back to after stops made from it.

A day-by-day series is read in the order its reports were published, each report's days
against its own publication day (``published``, report id → ISO day): within a day an
earlier report's events come first, a day a report puts after its publication is a plan,
and a place a report tells passed without a day was there by that day (:func:`seen_by`).
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any, NamedTuple, TypeVar

from routes.model import NOT_CURRENT, STOP_ROLES, Kind, LocatedPlace, Mention, Role, Status
from routes.read.crossings import is_own_point
from routes.read.lexicon import LANG_DIR, alternation, language_file
from routes.read.when import plans_without_a_past

#: Characters of an ISO date-time compared: the day, or the day and the hour and minute.
_DAY, _MINUTE = 10, 16

T = TypeVar("T", bound=tuple)


class EventTime(NamedTuple):
    """When a stop was visited: its day and its rank among the events of that day.

    ``rank`` orders what a report tells of one day ("earlier" is one less than the event it
    is told against, "then" one more); two stops of the same day and rank keep their order
    along the track. ``iso`` is the time as precise as the report said it ("" when read
    from words alone).
    """

    day: str
    rank: int = 0
    iso: str = ""
    told: int = 0  # where it was told: the index of its mention in report and text order
    sentence: tuple[str, int] = ("", -1)  # the report id and start of its sentence
    planned: bool = False  # told as a plan or an expectation, not as done
    report: int = 0  # the place of its report in the order the reports are read
    back: bool = False  # told on the way back ("on the way back it passed X", "X again")


class OrderWords(NamedTuple):
    """The words that place a sentence in time against the one told before it, compiled.

    From ``[order]`` of every ``routes/read/lang/<language>.toml`` (their scripts differ, so
    one set serves every report): see en.toml for what each list means.
    """

    earlier: re.Pattern[str]  # before the place: before the event told last
    before_arrival: re.Pattern[str]  # opening the sentence: before the arrival told last
    day_before: re.Pattern[str]  # in the sentence: a day before the earliest told before
    day_after: re.Pattern[str]  # … a day after the latest
    later: re.Pattern[str]  # before the place: after the event told last
    after: re.Pattern[str]  # inside a sentence: what follows it came first (not a time)
    home_before: re.Pattern[str]  # right before the place: the train came back to it
    home_after: re.Pattern[str]  # right after it: the same
    way_back: re.Pattern[str]  # before the place: on the way back, after the turn
    way_back_after: re.Pattern[str]  # right after the place: readied there for the way back
    again: re.Pattern[str]  # right before or after the place: passed a second time
    home_bound: re.Pattern[str]  # in the sentence: the train set off back home
    arrived: re.Pattern[str]  # right before the place (a few words between): it got there
    earlier_within: re.Pattern[str]  # between two stops of a sentence: the second came first
    undated_later: re.Pattern[str]  # right before or after the place: a later day, unnamed
    undated_earlier: re.Pattern[str]  # the same for an earlier day, or opening its sentence
    week_earlier: re.Pattern[str]  # the same for a week or more before
    week_before_then: re.Pattern[str]  # in the clause before the place: a week before its event
    days_before_then: re.Pattern[str]  # … a day or more before it
    hours_before_then: re.Pattern[str]  # … hours before it, after their count
    bound_for: re.Pattern[str]  # right before the place: where the train was headed
    list_glue: re.Pattern[str]  # all that stands between two places of one list
    after_opening: re.Pattern[str]  # right before an "after" word: it opens a clause of its own


#: A pattern that matches nothing, for an empty word list.
_NOTHING = "(?!x)x"
#: What may stand between a word of arriving and the place: up to six lower-case words
#: ("reached the X station", "arrived at the station of X", "toured a computer company in
#: the X district"), no other name.
_ARRIVED_GAP = r"(?:\s+(?-i:[a-z][\w'’-]*)){0,6}\s+"


@functools.cache
def order_words() -> OrderWords:
    """The ``[order]`` words of every language file, compiled (see :class:`OrderWords`)."""
    lists: dict[str, list[str]] = {}
    for table in _order_tables():
        for key, words in table.items():
            if isinstance(words, list):
                lists.setdefault(key, []).extend(words)
    opening = _alternatives(lists.get("earlier_opening", []))
    perfect = (
        rf"(?<!\w)(?:{_alternatives(lists.get('perfect_auxiliaries', []))})\s+"
        rf"(?:(?:{_alternatives(lists.get('perfect_adverbs', []))})\s+)*"
        rf"\w*(?:{'|'.join(map(re.escape, lists.get('perfect_endings', []))) or _NOTHING})(?!\w)"
    )
    earlier = rf"^\W*(?:{opening})|{_alternatives(lists.get('earlier', []))}|{perfect}"
    return OrderWords(
        *(
            re.compile(pattern, re.IGNORECASE)
            for pattern in (
                earlier,
                rf"^\W*(?:{_alternatives(lists.get('before_arrival', []))})",
                _alternatives(lists.get("day_before", [])),
                _alternatives(lists.get("day_after", [])),
                _alternatives(lists.get("later", [])),
                rf"{_alternatives(lists.get('after', []))}"
                rf"(?!\s+(?:\d|{_alternatives(lists.get('after_time', []))}))",
                _alternatives(lists.get("home_before", [])),
                _alternatives(lists.get("home_after", [])),
                _alternatives(lists.get("way_back", [])),
                rf"^\s*(?:{_alternatives(lists.get('way_back_after', []))})",
                _alternatives(lists.get("again", [])),
                _alternatives(lists.get("home_bound", [])),
                rf"(?:{_alternatives(lists.get('arrived', []))}){_ARRIVED_GAP}$",
                _alternatives(lists.get("earlier_within", [])),
                _alternatives(lists.get("undated_later", [])),
                _alternatives(lists.get("undated_earlier", [])),
                _alternatives(lists.get("week_earlier", [])),
                _alternatives(lists.get("week_before_then", [])),
                _alternatives(lists.get("days_before_then", [])),
                _alternatives(lists.get("hours_before_then", [])),
                rf"(?:{_alternatives(lists.get('bound_for', []))})(?:\s+the)?\s+$",
                rf"\s*(?:{_alternatives(lists.get('list_glue', []))})\s*",
                rf"(?:{_alternatives(lists.get('after_opening', []))})[\s,]*$",
            )
        )
    )


def _alternatives(phrases: Sequence[str]) -> str:
    """One regex alternative per phrase (the lexicon's phrase syntax: a word ending in "*"
    a stem, "return* to": returned to, returning to), each starting at a word's start."""
    alternatives = alternation([p for p in phrases if p.split()])
    # one word-start check before the group, not one per phrase: the same matches, but the
    # regex engine no longer tries every phrase's check at every position
    return rf"(?<!\w)(?:{alternatives})" if alternatives else _NOTHING


#: The day each report was published (ISO), by report id: what it dates later is a plan.
Published = Mapping[str, str]


def event_times(
    places: Sequence[LocatedPlace], published: Published | None = None
) -> dict[str, EventTime]:
    """The earliest event time of each stop place, by place id.

    What a report tells as done wins over what one tells as planned or expected ("the leader will
    then travel to X" in Wednesday's report, "arrived in X on Saturday"
    in Sunday's). Only current stop mentions count (not superseded, denied or ruled out);
    a year alone is too vague to order visits and is left out. Mentions without a date of
    their own get one from the words of their sentence read against the sentences told
    before them in the same report (:func:`mention_times`). A time after the day its report
    was published (``published``) is a plan however it is told: a report of Tuesday telling
    the train "boards a train to X on Wednesday" cannot have seen it there.
    """
    times: dict[str, EventTime] = {}
    current = _current_mentions(places, published)
    for place_id, when in mention_times(current, published) or route_sentence_times(current):
        held = times.get(place_id)
        if held is None or (when.planned, _key(when)) < (held.planned, _key(held)):
            times[place_id] = when
    seen = seen_by(current, published)
    return {pid: when for pid, when in times.items() if not when.day > seen.get(pid, when.day)}


def seen_by(
    mentions: Iterable[tuple[str, Mention]], published: Published | None = None
) -> dict[str, str]:
    """The day each stop place was visited by at the latest, by place id: the publication day
    of the first report that tells it passed or reached, as done and without a date ("the
    train crossed at X"; not "a trip to X", where it was headed).

    A place's time later than that is of a later visit (the way back): its first visit has
    no time, and :func:`event_times` gives it none.
    """
    published = published or {}
    days: dict[str, str] = {}
    for place_id, mention in mentions:
        day = published.get(mention.report_id)
        if day is None or mention.date:
            continue
        if _told_passed(mention) and day < days.get(place_id, "~"):
            days[place_id] = day
    return days


#: Fewest stops one sentence lists for its words to tell the route in travel order.
_ROUTE_SENTENCE_STOPS = 3


def route_sentence_times(mentions: Sequence[tuple[str, Mention]]) -> list[tuple[str, EventTime]]:
    """Times in told order for the stops of a sentence that tells the route, for a report
    that dates no stop.

    "After going through X and Y, the train swung north to Z, then east to W and down
    through V" lists its stops as they came: a sentence naming at least
    :data:`_ROUTE_SENTENCE_STOPS` stops gives them ranks in the order told (the places told
    after "after" in a main clause excepted, see :func:`mention_times`), so the track does
    not reorder them. Stops of other sentences get no time and are placed by the track; so
    are those of a sentence telling only plans ("plans to go on to X, with stops in Y and
    Z" names its end first): they follow the stops told as done (:func:`plans_after_done`).
    """
    out = []
    for told, (key, stops) in enumerate(_route_sentences(mentions).items()):
        if all(mention.status == Status.EXPECTED for _, mention in stops):
            continue
        for rank, (place_id, mention) in enumerate(stops):
            planned = mention.status == Status.EXPECTED
            out.append((place_id, EventTime("", rank, "", told, key, planned)))
    return out


def untimed_routes(
    places: Sequence[LocatedPlace],
    times: Mapping[str, EventTime],
    published: Published | None = None,
) -> list[list[str]]:
    """The ids of the places without a time (``times``, :func:`event_times`) of each sentence
    that tells the route (see :func:`route_sentence_times`), in travel order, where two or
    more are left.

    "left the capital at dawn and ran through A, B, C and D before crossing the hills by way
    of E" in a report that dates other stops: the list goes where it fits the journey as one
    block, in the order told (:func:`order_by_event_time`), not stop by stop, where a place
    passed again on the way back would pull it apart. A stop of the list that has a time
    parts it: the places told before it and those told after it are two blocks ("A, B, C
    and D", C dated: A-B, then D), so the dated stop stays between them. A place of an
    earlier list is left out of a later one.
    """
    seen: set[str] = set()
    out: list[list[str]] = []
    for stops in _route_sentences(_current_mentions(places, published)).values():
        for run in _untimed_runs(dict.fromkeys(pid for pid, _ in stops), times):
            ids = [pid for pid in run if pid not in seen]
            if len(ids) >= 2:
                out.append(ids)
                seen.update(ids)
    return out


def _untimed_runs(ids: Iterable[str], times: Mapping[str, EventTime]) -> list[list[str]]:
    """``ids`` cut into the runs between the ids that have a time (those left out)."""
    runs: list[list[str]] = [[]]
    for pid in ids:
        if pid in times:
            runs.append([])
        else:
            runs[-1].append(pid)
    return [run for run in runs if run]


def _route_sentences(
    mentions: Sequence[tuple[str, Mention]],
) -> dict[tuple[str, int], list[tuple[str, Mention]]]:
    """The stop mentions of each sentence that names at least :data:`_ROUTE_SENTENCE_STOPS`
    stops in travel order, by (report id, sentence start): not one that tells a place after
    "after" in a main clause ("reached Y after passing X": told out of order); a destination
    only bound for comes last (:func:`_bound_for_last`)."""
    by_sentence: dict[tuple[str, int], list[tuple[str, Mention]]] = {}
    for place_id, mention in mentions:
        if mention.role in STOP_ROLES:
            by_sentence.setdefault((mention.report_id, mention.sentence_start), []).append(
                (place_id, mention)
            )
    return {
        key: _bound_for_last(stops)
        for key, stops in by_sentence.items()
        if len({place_id for place_id, _ in stops}) >= _ROUTE_SENTENCE_STOPS
        and not any(_told_before(m.quote[: max(0, m.start - m.sentence_start)]) for _, m in stops)
    }


def _bound_for_last(stops: Sequence[tuple[str, Mention]]) -> list[tuple[str, Mention]]:
    """A route sentence's stops in travel order: as told, except that a destination the
    train was only bound for ("left X for Z via A and B", "on its way to Z, calling at A")
    comes after the stops told after it; one it went to ("swung north to Z, then east to
    A") keeps its place."""
    bound = [
        pair
        for k, pair in enumerate(stops)
        if pair[1].role == Role.DESTINATION
        and (_told_bound(pair[1]) or _routed_via_next(pair[1], stops[k + 1 : k + 2]))
    ]
    return [pair for pair in stops if pair not in bound] + bound


def _routed_via_next(mention: Mention, following: Sequence[tuple[str, Mention]]) -> bool:
    """Whether the stop told right after a destination in its sentence is joined to it by
    a word of the way there only ("из X в Y через Z": ``via_after`` of ``[order]``): the
    train reached Z on its way to Y."""
    if not following:
        return False
    start = mention.sentence_start
    between = mention.quote[mention.end - start : following[0][1].start - start]
    return _via_after_words().fullmatch(between) is not None


@functools.cache
def _via_after_words() -> re.Pattern[str]:
    """The ``via_after`` words of every language's ``[order]``, alone between two places."""
    phrases = [p for table in _order_tables() for p in table.get("via_after", [])]
    return re.compile(rf"\s*{_alternatives(phrases)}\s+", re.IGNORECASE)


def _told_bound(mention: Mention) -> bool:
    """Whether the words right before ``mention`` tell where the train was headed ("left X
    for", "on its way to"; ``bound_for`` of ``[order]``), not where it went."""
    head = mention.quote[: max(0, mention.start - mention.sentence_start)]
    return order_words().bound_for.search(head) is not None


def _current_mentions(
    places: Sequence[LocatedPlace], published: Published | None = None
) -> list[tuple[str, Mention]]:
    """``(place id, mention)`` of every current mention, in the order the reports are read
    (by the day each was published, ``published``, then by report id) and in text order."""
    days = published or {}
    found = [
        (located.place.id, mention)
        for located in places
        for mention in located.mentions
        if mention.status not in NOT_CURRENT and mention.role != Role.HISTORICAL
    ]
    return sorted(
        found, key=lambda pair: (days.get(pair[1].report_id, ""), pair[1].report_id, pair[1].start)
    )


def mention_times(
    mentions: Iterable[tuple[str, Mention]], published: Published | None = None
) -> list[tuple[str, EventTime]]:
    """An event time for each stop ``(place id, mention)`` that has one, read in text order.

    A dated mention takes its day; a mention of a sentence without a date takes the day of
    the sentence told before it in the same report (the time of its first place that has
    one, any place: "the leader toured the airfield in X on Saturday" dates the next
    sentence's stops), one rank lower after "earlier" or a past perfect ("had pulled in"),
    one higher after "then" or "later" (than the latest stop told as done when the sentence
    before told only what came before it: :func:`_resumed`), a day less after "the
    previous day", a day more after "the next day"; "on the way back" (the return leg
    comes after the turn) and "then" of a planned stop ("the route will then pass X") put
    it one higher than the latest event the report told before it; a planned stop without
    such words, one higher than the latest stop the report told before it as done
    ("arrived in X on Tuesday … the guests are due to visit Y": a plan comes after what has
    happened), unless the sentence before planned a later day (:func:`_plan_days_ahead`: the
    track places it). Within one sentence, the places told after "after" come one rank before the
    places told ahead of it. A time is planned when told as expected or when it lies after
    the day its report was published.
    """
    published = published or {}
    out: list[tuple[str, EventTime]] = []
    told_before: _Span | None = None  # the times of the sentence told before this one
    reached_before: _Span | None = None  # … of its stops other than where a leg began
    latest: EventTime | None = None  # the latest time the report told so far
    done: EventTime | None = None  # the latest time of a stop it told as done
    stops: list[EventTime] = []  # the stop times of this sentence
    reached: list[EventTime] = []  # … of its stops other than where a leg began
    others: list[EventTime] = []  # the times of its other places
    prior: tuple[Mention, EventTime] | None = None  # the last stop of this sentence with one
    sentence = None
    report = -1  # the place of the mention's report in the order read
    for told, (place_id, mention) in enumerate(mentions):
        if (mention.report_id, mention.sentence_start) != sentence:
            if sentence is not None and mention.report_id == sentence[0]:
                told_before = _span(stops or others) or told_before
                reached_before = _span(reached) or told_before
            else:
                told_before = reached_before = latest = done = None
                report += 1
            sentence, stops, others = (mention.report_id, mention.sentence_start), [], []
            reached = []
            prior = None
        when = _within_sentence(
            mention, prior, _mention_time(mention, told_before, latest, done, reached_before)
        )
        if when is None:
            continue
        when = when._replace(
            told=told,
            sentence=sentence,
            report=report,
            planned=mention.status == Status.EXPECTED
            or when.day > published.get(mention.report_id, when.day),
            back=_told_on_the_way_back(mention),
        )
        if mention.role not in _SAYING_ROLES and (latest is None or _key(when) > _key(latest)):
            latest = when
        if mention.role in STOP_ROLES:
            out.append((place_id, when))
            stops.append(when)
            if mention.role != Role.ORIGIN:
                reached.append(when)
            prior = mention, when
            if (
                not when.planned
                and mention.status == Status.REPORTED
                and (done is None or _key(when) > _key(done))
            ):
                done = when
        elif mention.role not in _SAYING_ROLES:
            others.append(when)
    return out


#: The earliest and the latest event time of a sentence.
_Span = tuple[EventTime, EventTime]


def _span(times: Sequence[EventTime]) -> _Span | None:
    """The earliest and latest of ``times`` (by day and rank), None for none."""
    if not times:
        return None
    ordered = sorted(times, key=lambda t: (t.day, t.rank))
    return ordered[0], ordered[-1]


#: Roles whose dates are when something was said or filed, not where the train was.
_SAYING_ROLES = (Role.DATELINE, Role.ACTOR)


def _mention_time(
    mention: Mention,
    told_before: _Span | None,
    latest: EventTime | None = None,
    done: EventTime | None = None,
    reached_before: _Span | None = None,
) -> EventTime | None:
    """One mention's event time, given the times of the sentence told before it and the
    latest time told so far in its report (``reached_before``: the times of that sentence's
    stops other than where a leg began, which a mention of no day of its own told as earlier
    comes before: "reached Y on Monday, having set out from Z last Thursday. It had left X at
    8 a.m.": X on Monday, not last Wednesday).

    See :func:`mention_times`: "earlier" and "the previous day" are read against the
    earliest of those times, "then", "later" and "the next day" against the latest ("then"
    of a planned stop against the latest of the report), a planned stop without such words
    against ``done``, the latest time of a stop the report told as done so far.
    """
    head = mention.quote[: max(0, mention.start - mention.sentence_start)]
    words = order_words()
    after = -1 if _told_before(head) else 0
    before = _told_earlier_than(head, told_before if mention.date else reached_before)
    following = _told_later_than(mention, head, told_before, latest, done)
    if mention.date and len(mention.date) >= _DAY:
        day = mention.date[:_DAY]
        if before is not None and before.day == day:
            return EventTime(day, before.rank - 1 + after, mention.date[:_MINUTE])
        if following is not None and following.day == day:
            return EventTime(day, following.rank + 1 + after, mention.date[:_MINUTE])
        return EventTime(day, after, mention.date[:_MINUTE])
    if told_before is None:
        return None
    earliest, last_told = told_before
    at, end = mention.start - mention.sentence_start, mention.end - mention.sentence_start
    if at_an_undated_later_day(mention.quote, at, end):
        return EventTime(_shift((latest or last_told).day, 1), after)
    earlier_by = undated_days_earlier(mention.quote, at, end)
    if earlier_by:
        return EventTime(_shift(earliest.day, -earlier_by), after)
    if words.day_before.search(mention.quote):
        return EventTime(_shift(earliest.day, -1), after)
    if words.day_after.search(mention.quote):
        return EventTime(_shift(last_told.day, 1), after)
    if before is not None:
        return EventTime(before.day, before.rank - 1 + after)
    if latest is not None and _told_for_the_way_back(mention, head):
        return EventTime(latest.day, latest.rank + 1 + after)
    if following is not None:
        return EventTime(following.day, following.rank + 1 + after)
    if (
        mention.status == Status.EXPECTED
        and done is not None
        and not _plan_days_ahead(last_told, done)
    ):
        return EventTime(done.day, done.rank + 1 + after)
    return None


def _plan_days_ahead(last_told: EventTime, done: EventTime) -> bool:
    """Whether the sentence told before planned a day after the latest stop told as done
    ("left X on Tuesday … the train calls at W overnight and is due in Y on Wednesday"): a
    plan told on after it without a day of its own ("Before dawn it halts at Z") may fall on
    either day, so the track places it, not the day of what was done."""
    return last_told.planned and last_told.day > done.day


def _told_later_than(
    mention: Mention,
    head: str,
    told_before: _Span | None,
    latest: EventTime | None,
    done: EventTime | None,
) -> EventTime | None:
    """The event ``mention`` is told to come after by a ``later`` word in ``head`` (the words
    before it: "then", "in the afternoon"), None for none: the latest event of the sentence
    told before (of the report, for a planned stop), or the latest stop told as done when
    that sentence told only what came before it (:func:`_resumed`) or, for a stop told as
    done, only a plan (unless its own sentence tells the plan on:
    :func:`routes.read.when.plans_without_a_past`)."""
    if told_before is None or not order_words().later.search(head):
        return None
    last = told_before[1]
    if mention.status == Status.EXPECTED and latest is not None:
        last = latest
    elif (
        mention.status == Status.REPORTED
        and last.planned
        and not plans_without_a_past(mention.quote)
    ):
        return done  # "was due back in X early on Monday. Before leaving Y, he met …": Y was
        # left before the plan told, not after it; "It then crosses into X and is scheduled
        # to reach Y" tells the plan on
    return _resumed(last, done)


def _resumed(last_told: EventTime, done: EventTime | None) -> EventTime:
    """What a "later" of a sentence told after a flashback reads against: the latest stop
    told as done so far when the sentence before told only what came before it ("passed X
    at 1 a.m. on Tuesday. Earlier it had run through W. It later went through Y": Y after
    X, not after W), else ``last_told``, the latest event of that sentence."""
    if done is not None and _key(done) > _key(last_told):
        return done
    return last_told


def _within_sentence(
    mention: Mention, prior: tuple[Mention, EventTime] | None, when: EventTime | None
) -> EventTime | None:
    """``when``, the time of ``mention``, or, where it contradicts the words between the
    mention and the stop before it in its sentence (``prior``, its mention and time), a time
    those words give.

    "earlier called at X and Y": listed right after it (``list_glue`` alone between), Y takes
    X's time; "expected to travel next to X and then to Y": a ``later`` word between the two puts Y
    one rank after X when its own time would not put it after; "toured X the previous day,
    and before that spent two days in Y": an ``earlier_within`` word, one rank before X when
    its own time would not put it before; so do a past perfect after a stop told in an opening
    "before" clause ("Before boarding at X, she had driven from Y") and an "after" whose phrase
    runs up to the place ("Y, where the plane landed after a stop at Z"). A date of the
    mention's own on another day wins.
    """
    if prior is None:
        return when
    before, at = prior
    words = order_words()
    start = mention.sentence_start
    between = mention.quote[before.end - start : mention.start - start]
    own = mention.date[:_DAY] if mention.date and len(mention.date) >= _DAY else ""
    if own and own != at.day:
        return when
    iso = mention.date[:_MINUTE] if own else ""
    ours = None if when is None else (when.day, when.rank)
    if not own and words.list_glue.fullmatch(between):
        return EventTime(at.day, at.rank)  # "called at X and Y": one list, one time
    apart = _day_apart(mention, between) if not own else 0
    if apart:  # "left X on Monday and reached Y the next morning": Y on Tuesday
        return EventTime(_shift(at.day, apart), 0)
    back = days_before_then(between, len(between)) if not own else 0
    if back:  # "reached X, a week after leaving Y": Y a week before X
        return EventTime(_shift(at.day, -back), 0)
    later = words.later.search(between) and not _after_right_before(between)
    if later and (ours is None or ours < (at.day, at.rank)):
        # (an "after" phrase running up to the place is nearer than a time of the stop
        # before: "stopped at X in the afternoon, after a long stop at Y": Y before X)
        return EventTime(at.day, at.rank + 1, iso)
    earlier = (
        words.earlier_within.search(between)
        or _perfect_after_before(before, between)
        or _after_right_before(between)
        or _told_came_from(between)
    )
    if earlier and (ours is None or ours >= (at.day, at.rank)):
        return EventTime(at.day, at.rank - 1, iso)
    if not earlier and not own and ours is not None and ours < (at.day, at.rank):
        # "due in X at the weekend … before travelling on to Y": nothing says Y came before
        # X, so it is no earlier (the track or the text orders the two)
        return EventTime(at.day, at.rank, iso)
    return when


def _day_apart(mention: Mention, between: str) -> int:
    """+1 when the mention's own clause (``between`` runs from the stop before it in its
    sentence) tells it a day later ("… and reached Y the next morning"), -1 a day earlier
    ("… Y, which it had left the previous day"), else 0."""
    words = order_words()
    if words.list_glue.fullmatch(between):
        return 0  # "had been in X and Y two days earlier": one phrase dates both
    rest = mention.quote[mention.end - mention.sentence_start :]
    end = _PHRASE_END.search(rest)
    breaks = list(_PHRASE_END.finditer(between))
    head = between[breaks[-1].end() :] if breaks else between
    clause = head + mention.text + rest[: end.start() if end else len(rest)]
    if words.day_after.search(clause):
        return 1
    before = (
        m for m in words.day_before.finditer(clause) if not _OPENS_A_CLAUSE.match(clause, m.end())
    )
    return -1 if next(before, None) is not None else 0


#: A verb of "-ing" right after "the night before" makes it a conjunction ("ran through the
#: night before reaching X"), not a day before another.
_OPENS_A_CLAUSE = re.compile(r"\s+\w+ing\b", re.IGNORECASE)


#: What may not stand right before a word of coming from: a distance ("100 km from X").
_NOT_A_DISTANCE = r"(?<!\d\s)(?<!km\s)(?<!kilometres\s)(?<!kilometers\s)(?<!miles\s)"


@functools.cache
def _came_from_words() -> re.Pattern[str]:
    """The ``came_from`` words of every language's ``[order]``, ending the words before a
    stop ("crossed from X"), with no distance before them ("100 km from X")."""
    phrases = [p for table in _order_tables() for p in table.get("came_from", [])]
    return re.compile(
        rf"{_NOT_A_DISTANCE}{_alternatives(phrases)}\s+(?:the\s+)?$",
        re.IGNORECASE,
    )


def _told_came_from(between: str) -> bool:
    """Whether the words between two stops of a sentence end in a word of coming from
    (``came_from``: "X was sealed off before a train crossed from Y"): Y came first; not
    after a ``later`` word ("flew to X and then took the train from Y": Y after X)."""
    return _came_from_words().search(between) is not None and not order_words().later.search(
        between
    )


def _perfect_after_before(prior: Mention, between: str) -> bool:
    """Whether a past perfect follows a stop told in an opening "before" clause ("Before
    boarding the train at X, she had driven from Y"): Y came before X."""
    words = order_words()
    head = prior.quote[: max(0, prior.start - prior.sentence_start)]
    return bool(words.before_arrival.search(head) and words.earlier.search(between))


#: What ends the phrase an "after" opens: a clause break.
_PHRASE_END = re.compile(r"[,;:()—–]|\band\b|\bbut\b")


def _after_right_before(between: str) -> bool:
    """Whether the words between two stops end in a phrase "after" opens ("X, where the plane
    landed after a refuelling stop at Y"): Y came before X. An "after" whose phrase ends
    before the stop ("left X after a ceremony and reached Y") says nothing of the two."""
    found = None
    for found in order_words().after.finditer(between):  # noqa: B007 - the last one is wanted
        pass
    return (
        found is not None
        and not _PHRASE_END.search(between, found.end())
        and not _opens_a_clause(between, found.start())
    )


def _opens_a_clause(words: str, after_at: int) -> bool:
    """Whether the "after" at ``after_at`` in ``words`` opens a clause of its own (right
    after "and", "then": ``after_opening`` of ``[order]``): "left X at dawn and, after Y,
    ran on to Z" tells Y after X and before Z, in the order told."""
    return order_words().after_opening.search(words, 0, after_at) is not None


#: Characters right before and after a place searched for a later day it is told at.
_LATER_BEFORE, _LATER_AFTER = 24, 24


def at_an_undated_later_day(text: str, start: int, end: int, opening: int = 0) -> bool:
    """Whether the words of the place at ``text[start:end]`` put it at a later day they do
    not name ("a summit in X later this week", "в конце недели во X": the ``undated_later``
    words of ``[order]``), right around it, in its clause before it or opening its sentence
    (which starts at ``opening``: "Next month the engineers are to move to the east coast and
    survey the line to X"): the day its sentence names is not its own."""
    return _told_around(order_words().undated_later, text, start, end, opening)


def undated_days_earlier(text: str, start: int, end: int, opening: int = 0) -> int:
    """How many days before the events told before it the words of the place at
    ``text[start:end]`` put it, at an earlier day they do not name: 7 for the
    ``week_earlier`` words of ``[order]`` ("last week", "a week earlier"), 1 for the
    ``undated_earlier`` ones ("earlier this week"), 0 for none. The words count right around
    the place ("toured a plant in X earlier in the week"), in its clause before it ("지난주
    X를 방문했다"), or opening its sentence (which starts at ``opening``) with no new clause
    between ("Earlier this week, he spent two days in X"). The day its sentence names is not
    its own."""
    order = order_words()
    for words, days in ((order.week_earlier, 7), (order.undated_earlier, 1)):
        if _told_around(words, text, start, end, opening):
            return days
    return 0


def days_before_then(text: str, start: int, opening: int = 0) -> int:
    """How many days before the event its sentence tells the words in the clause before the
    place at ``text[start:]`` put it ("a week after leaving X": the ``week_before_then``
    words of ``[order]``, 7; ``days_before_then``, 1, or the count before it: "four days
    after leaving X", 4), 0 for none; ``opening``: where the sentence starts."""
    order = order_words()
    head = text[opening:start]
    clause = _last_clause(head)
    for words, days in ((order.week_before_then, 7), (order.days_before_then, 1)):
        found = words.search(clause)
        if found:
            return _counted_days(clause[: found.start()]) or days
    return 0


def hours_before_then(text: str, start: int, opening: int = 0) -> int:
    """How many hours before the event its sentence tells a count of hours in the clause
    before the place at ``text[start:]`` puts it ("about 27 hours after leaving X": the
    ``hours_before_then`` words of ``[order]`` after a number), 0 for none."""
    clause = _last_clause(text[opening:start])
    found = order_words().hours_before_then.search(clause)
    if found is None:
        return 0
    words = clause[: found.start()].split()
    return int(words[-1]) if words and words[-1].isdigit() and len(words[-1]) < 4 else 0


def _counted_days(before: str) -> int:
    """The count of days the word right before "days after" gives ("four days after", "4
    days after": ``day_counts`` of ``[order]``), 0 for none."""
    words = before.split()
    if not words:
        return 0
    word = words[-1].lower()
    return int(word) if word.isdigit() and len(word) < 3 else _day_counts().get(word, 0)


@functools.cache
def _day_counts() -> dict[str, int]:
    """The ``day_counts`` of ``[order]`` of every language file, by lower-case word."""
    counts: dict[str, int] = {}
    for table in _order_tables():
        counts |= {str(k).lower(): int(v) for k, v in table.get("day_counts", {}).items()}
    return counts


def _order_tables() -> list[dict]:
    """The ``[order]`` table of every language file, in file-name order (each file read
    once per process: :func:`routes.read.lexicon.language_file`)."""
    return [language_file(path.stem).get("order", {}) for path in sorted(LANG_DIR.glob("*.toml"))]


def _last_clause(head: str) -> str:
    """The words of ``head`` (a sentence up to a place) after its last comma or semicolon."""
    return head[max(head.rfind(","), head.rfind(";")) + 1 :]


def _told_around(words: re.Pattern[str], text: str, start: int, end: int, opening: int) -> bool:
    """Whether ``words`` stand right around the place at ``text[start:end]``, in its clause
    before it, or open its sentence (from ``opening``) with no new clause before the place."""
    head = text[opening:start]
    clause = _last_clause(head)
    near = text[max(opening, start - _LATER_BEFORE) : start]
    if (
        words.search(near)
        or words.search(clause)
        or words.match(text[end:].lstrip()[:_LATER_AFTER])
    ):
        return True
    body = head.lstrip(_OPENING_MARKS)
    first = words.match(body)
    return first is not None and not _NEW_CLAUSE.search(body, first.end())


#: What may stand before a sentence's first word: blanks and opening quotes.
_OPENING_MARKS = " \t\n\"'“‘«"
#: A break after which a sentence's opening words no longer govern what follows.
_NEW_CLAUSE = re.compile(r";|,\s+(?:and|but)\s|\s(?:and|but)\s+(?:then\s+)?(?:on|later)\b")


def tells_a_day_apart(words: str) -> bool:
    """Whether ``words`` (a clause) tell their event a day before or after another ("reached
    Y the next morning", "had left X the previous day": ``day_before`` and ``day_after`` of
    ``[order]``): the day another clause names is not theirs."""
    order = order_words()
    return bool(order.day_after.search(words) or order.day_before.search(words))


def _told_for_the_way_back(mention: Mention, head: str) -> bool:
    """Whether ``mention`` tells its place on the way back ("on the way back, X") or as where
    the train waits for it ("serviced at X for the return"): after the latest event told."""
    words = order_words()
    tail = mention.quote[max(0, mention.end - mention.sentence_start) :]
    return bool(words.way_back.search(head) or words.way_back_after.match(tail))


def _told_earlier_than(head: str, told_before: _Span | None) -> EventTime | None:
    """The event of the sentence told before that ``head`` (the words before a place) tells
    its place came before, None for none.

    "Earlier", "previously" or a past perfect: the earliest event of that sentence; "Before
    reaching the capital" opening the sentence: the arrival, its latest ("arrived in X on
    Monday after flying into Y. Before reaching the capital he visited Z": Z after Y). A
    past perfect of a clause that ", and" has closed is that clause's ("had left Y, and it
    was expected to reach X in the evening": X is no earlier).
    """
    if told_before is None:
        return None
    words = order_words()
    if words.before_arrival.search(head):
        return told_before[1]
    earlier = [m.end() for m in words.earlier.finditer(head)]
    if not earlier or _closed_by_a_new_clause(head, earlier[-1]):
        return None
    return told_before[0]


def _told_before(head: str) -> bool:
    """Whether the place after ``head`` is told in an "after" clause that follows a main
    clause ("reached Y after passing X"), one no new clause of a later event has closed
    ("stepped off at Y after a journey from Z, then drove to X": X came last)."""
    words = order_words()
    m = words.after.search(head)
    if m is None or not head[: m.start()].strip(" ,\"'“”‘’"):
        return False
    if _opens_a_clause(head, m.start()):
        return False
    clauses = _LATER_CLAUSE.finditer(head, m.end())
    if any(words.later.match(head, clause.end()) for clause in clauses):
        return False
    return not _closed_by_a_new_clause(head, m.end())


#: ", and" opening a new clause after a phrase.
_COMMA_AND = re.compile(r",\s+and\s")


def _closed_by_a_new_clause(head: str, start: int) -> bool:
    """Whether the phrase from ``start`` in ``head`` is closed by ", and" opening a new
    clause ("pulled into X after passing Y overnight, and the minister showed him the
    airfield at Z": Z is not in the "after" phrase); not when the phrase lists places with
    commas before it ("after passing X, Y, and Z": the serial comma of a list)."""
    m = _COMMA_AND.search(head, start)
    return m is not None and "," not in head[start : m.start()]


#: Where a new clause may open after a comma or a semicolon ("…, then drove to X",
#: "…, and later"): the words right after it are checked for a ``later`` word.
_LATER_CLAUSE = re.compile(r"[,;]\s+(?:and\s+)?")


def _shift(day: str, days: int) -> str:
    """The ISO day ``days`` after ``day`` (``day`` as given when it is not a full date)."""
    try:
        return (date.fromisoformat(day) + timedelta(days=days)).isoformat()
    except ValueError:
        return day


#: The sort key of an event time: its day, the report that told it, its rank, where told.
_Key = tuple[str, int, int, int]


def _key(value: EventTime | str) -> _Key:
    """The sort key of an event time given as :class:`EventTime` or as an ISO string.

    Within a day, the events a report tells come before those a later report (in the order
    the reports are read: :func:`_current_mentions`) tells first: each report tells the day
    up to when it was filed, and the ranks of two reports ("earlier", "then") say nothing of
    each other.
    """
    if isinstance(value, EventTime):
        return value.day, value.report, value.rank, value.told
    return value[:_DAY], 0, 0, 0


def order_by_event_time(
    stops: Sequence[T],
    times: Mapping[str, EventTime | str],
    distance: Distance | None = None,
    *,
    reached: Collection[str] = (),
    routes: Sequence[Sequence[str]] = (),
) -> list[T]:
    """``(place, role, …)`` stops sorted by event time, the track placing the rest.

    Parameters
    ----------
    stops
        Stops in order along the track, each a tuple whose first item is a :class:`Place`.
    times
        Event times by place id (:func:`event_times`; an ISO string is a day of rank 0).
    distance
        km between two places, for placing stops without a time (geodesic when None).
    reached
        Ids of the places a report tells the train got to (:func:`reached_places`): a
        destination among them is no place it was only bound for.
    routes
        Ids of stops without a time that one sentence lists in travel order
        (:func:`untimed_routes`): each list goes in as one block, in its order.

    Returns
    -------
    list
        The stops with a time by event time: day, then rank within the day
        (:class:`EventTime`), then the order the report told them in ("through Khabarovsk,
        Chita and Novosibirsk" lists the stops as they came; a report telling a day
        backwards says so: "earlier", "had pulled in"; stops of one time told in two
        sentences follow the way when that order runs back and forth:
        :func:`_untangle_ties`), then the track; clock times within
        a day are not compared (they are often when something was said, not when the train
        was there).
        A stop without a time goes where it adds the fewest km to the journey so ordered
        (between the two stops it lies between, or at an end), on a tie right after the
        stop before it on the track, so the track order stands wherever the reports give
        no time; a list of ``routes`` goes so as one block, before the single stops. The
        origin (first on the track) comes first, unless told only as a plan after a stop
        told as done, or as left a day after stops told next (:func:`_left_later`). The
        destination of the latest event time (the last on the track when no destination
        has a day) comes last; further destinations are stops on the way, ordered like the
        others.
    """
    distance = distance or _geodesic_km
    keys = {i: _key(times[stop[0].id]) for i, stop in enumerate(stops) if stop[0].id in times}
    final = _final_destination(stops, times, reached, distance)
    first = _first_origin(stops, keys, distance)
    if first is not None and _left_later(first, stops, times, keys):
        first = None  # a planned departure after stops told as done: not where it began
    back = {i for i, stop in enumerate(stops) if _back(times.get(stop[0].id))}
    if final is not None and (
        _passed_on_the_way(final, stops, keys, first, distance, back)
        or _planned_after_the_same_day(final, stops, times)
    ):
        final = None  # reached before stops on later days that lie beyond it
    ends = {i for i in (first, final) if i is not None}
    middle = sorted((i for i in keys if i not in ends), key=lambda i: (keys[i], i))
    head = [] if first is None else [first]
    tail = [] if final is None or final == first else [final]
    placed = _insert_untimed(
        _rivers_by_track(
            _untangle_ties([*head, *middle, *tail], times, stops, distance, start=len(head)),
            times,
            stops,
        ),
        [i for i in range(len(stops)) if i not in keys and i not in ends],
        stops,
        distance,
        fixed=(len(head), len(tail)),
        routes=routes,
    )
    return [stops[i] for i in placed]


#: Most km a told order of stops of one time may go back and forth over before the way
#: between them orders them instead (a short hop back to a suburb is a real excursion).
_BACKTRACK_KM = 50.0
#: Most stops of one time whose orders along the way are all compared.
_TIE_STOPS = 7


def _untangle_ties(
    order: list[int],
    times: Mapping[str, EventTime | str],
    stops: Sequence[tuple],
    distance: Distance,
    *,
    start: int = 0,
) -> list[int]:
    """``order`` (indices into ``stops``) with each run of stops of one time, told in more
    than one sentence, put in the order the way between its neighbours runs.

    Two sentences telling stops of one day and rank say nothing of which came first ("was
    heading home on Monday, with staff in X saying …"; "was seen near Y early on Monday"):
    the told order stands unless it goes back and forth more than :data:`_BACKTRACK_KM`
    farther than the shortest order that keeps each sentence's own told order, on from the
    stop before the run (what comes after may lie back the way the train came: no run at
    the start moves). Positions before ``start`` (the origin) stay.
    """
    out = list(order)
    at = start
    while at < len(out):
        end = at + 1
        while end < len(out) and _tie_key(times, stops, out[end]) == _tie_key(
            times, stops, out[at]
        ):
            end += 1
        run = out[at:end]
        sentences = {_sentence_of(times, stops, i) for i in run}
        if at > 0 and len(sentences) > 1 and len(run) <= _TIE_STOPS:
            before = stops[out[at - 1]][0]

            def length(seq: Sequence[int], before: Any = before) -> float:
                places = [before, *(stops[i][0] for i in seq)]
                return sum(distance(x, y) for x, y in itertools.pairwise(places))

            kept = [
                list(p)
                for p in itertools.permutations(run)
                if _keeps_sentences(p, run, times, stops)
            ]
            best = min(kept, key=length)
            if length(run) - length(best) > _BACKTRACK_KM:
                out[at:end] = best
        at = end
    return out


def _rivers_by_track(
    order: list[int], times: Mapping[str, EventTime | str], stops: Sequence[tuple]
) -> list[int]:
    """``order`` (indices into ``stops``, which run along the track) with a river and a stop
    of one time told in one sentence in their order along the track.

    "Crossed the X River at Y on Friday" says where the river was crossed, not whether before
    or after the station of Y: the track does (the bridge may lie either side of it).
    """
    out = list(order)
    for at in range(len(out) - 1):
        a, b = out[at], out[at + 1]
        if Kind.RIVER not in (stops[a][0].kind, stops[b][0].kind) or a < b:
            continue
        same = _tie_key(times, stops, a) == _tie_key(times, stops, b)
        if same and _sentence_of(times, stops, a) == _sentence_of(times, stops, b):
            out[at], out[at + 1] = b, a
    return out


def _tie_key(times: Mapping[str, EventTime | str], stops: Sequence[tuple], i: int) -> tuple:
    """The day, report and rank of stop ``i``'s time (its index alone for none): stops equal
    in it are a tie."""
    when = times.get(stops[i][0].id)
    return (i,) if when is None else _key(when)[:3]


def _sentence_of(
    times: Mapping[str, EventTime | str], stops: Sequence[tuple], i: int
) -> tuple[str, int]:
    """The sentence stop ``i``'s time was told in (one unknown sentence for an ISO string)."""
    when = times.get(stops[i][0].id)
    return when.sentence if isinstance(when, EventTime) else ("", -1)


def _keeps_sentences(
    seq: Sequence[int],
    told: Sequence[int],
    times: Mapping[str, EventTime | str],
    stops: Sequence[tuple],
) -> bool:
    """Whether ``seq`` keeps the stops of each sentence in their order in ``told``."""
    by_sentence: dict[tuple[str, int], list[int]] = {}
    for i in told:
        by_sentence.setdefault(_sentence_of(times, stops, i), []).append(i)
    return all(
        [i for i in seq if _sentence_of(times, stops, i) == sentence] == ordered
        for sentence, ordered in by_sentence.items()
    )


def _first_origin(
    stops: Sequence[tuple], keys: Mapping[int, _Key], distance: Distance
) -> int | None:
    """The index of the origin the journey starts at: the first stop on the track when it is
    an origin, None when it is not.

    When a report names two origins and both have an event time, the earlier one starts the
    journey ("the motorcade left X station on Tuesday … the train had travelled overnight
    from Y": Y, told as earlier, comes first even when X lies first on the track). An origin
    the train came to before it left (a stop within :data:`_ARRIVED_BEFORE_KM` of it has an
    earlier time: "arrived in X on Sunday … toured Y on Tuesday before leaving the city")
    starts nothing: the journey reached it first.
    """
    if not stops or stops[0][1] != Role.ORIGIN:
        return None
    if 0 not in keys:
        return 0
    timed = [i for i, stop in enumerate(stops) if stop[1] == Role.ORIGIN and i in keys]
    earliest = min(timed, key=lambda i: (keys[i][:3], i))
    start = earliest if keys[earliest][:3] < keys[0][:3] else 0
    place = stops[start][0]
    for index, key in keys.items():
        if key[:3] < keys[start][:3] and distance(place, stops[index][0]) <= _ARRIVED_BEFORE_KM:
            return None
    return start


def _left_later(
    origin: int,
    stops: Sequence[tuple],
    times: Mapping[str, EventTime | str],
    keys: Mapping[int, _Key],
) -> bool:
    """Whether the origin at ``origin`` is told as a plan ("was expected to leave from X later
    in the day") at a time after a stop told as done, or is told from the end of the leg
    (:func:`_told_from_its_end`): the train came there first."""
    when = times.get(stops[origin][0].id)
    if not isinstance(when, EventTime):
        return False
    done = [
        i
        for i, stop in enumerate(stops)
        if i in keys and isinstance(times[stop[0].id], EventTime) and not times[stop[0].id].planned
    ]
    if not when.planned:
        return _told_from_its_end(origin, when, done, stops, times, keys)
    return any(keys[i][:3] < keys[origin][:3] for i in done)


def _told_from_its_end(
    origin: int,
    when: EventTime,
    done: Sequence[int],
    stops: Sequence[tuple],
    times: Mapping[str, EventTime | str],
    keys: Mapping[int, _Key],
) -> bool:
    """Whether the origin at ``origin``, told as done at ``when``, is the end of a leg the
    report tells backwards: stops told after it as done (``done``, indices) lie on an
    earlier day ("the motorcade swept out of X station on Tuesday … the train had entered
    the country at Y on Monday"; or in its own sentence: "the train, which entered China on
    Thursday at Y, was seen leaving X late on Friday"), and no other stop of its sentence has
    its day (in "left X a week ago and reached Z on Wednesday" the day is Z's)."""
    day = keys[origin][0]
    told = {i: times[stops[i][0].id] for i in keys}
    if any(
        i != origin and isinstance(t, EventTime) and t.sentence == when.sentence and t.day == day
        for i, t in told.items()
    ):
        return False
    return any(
        keys[i][0] < day and (_key(told[i])[3] > when.told or told[i].sentence == when.sentence)
        for i in done
    )


#: Most km between an origin and a stop of an earlier time that tell the train came there
#: first (a district or a station and its city).
_ARRIVED_BEFORE_KM = 30.0


def _passed_on_the_way(
    final: int,
    stops: Sequence[tuple],
    keys: Mapping[int, _Key],
    first: int | None,
    distance: Distance,
    back: Collection[int] = (),
) -> bool:
    """Whether the dated destination ``final`` came before stops of later days beyond it.

    A report that dates arrival at a destination and then stops on later days ("entered
    Manzhouli on the 25th; on the 26th it passed Qiqihar") tells a journey that went on.
    A destination that is the earliest event of all came before any stop told after it, the
    same day included ("opened in X on Wednesday … stopped at Y for the journey home").
    A later stop lying on the way to the destination from the journey's start (a date of
    the sentence put on "the journey to Moscow") does not move it, unless the report tells
    it on the way back (``back``, indices of such stops) or told it later the same day
    ("reached X on Tuesday. It then went on through Y": a higher rank of that day and report).
    """
    if final not in keys:
        return False
    if not keys[final][0]:  # a rank told in a route sentence: the stops told after came after
        return any(key[:3] > keys[final][:3] for key in keys.values())
    start = first if first is not None else min(keys, key=lambda i: (keys[i][:3], i))
    if start == final:  # the earliest event of all: stops told after it came after it
        return any(key[:3] > keys[final][:3] for key in keys.values())
    a, f = stops[start][0], stops[final][0]
    for index, key in keys.items():
        if key[:3] <= keys[final][:3] or index == start:
            continue
        if index in back or (key[:2] == keys[final][:2] and key[2] > keys[final][2]):
            return True
        x = stops[index][0]
        detour = distance(a, x) + distance(x, f) - distance(a, f)
        if detour > min(distance(a, x), distance(x, f)):
            return True
    return False


def _planned_after_the_same_day(
    final: int, stops: Sequence[tuple], times: Mapping[str, EventTime | str]
) -> bool:
    """Whether the destination ``final``, told as done, has a stop planned for a later part
    of its day ("reached X on Monday morning. Y is scheduled for Monday evening"): the plan
    comes after what has happened, so the journey goes on past X."""
    end = times.get(stops[final][0].id)
    if not isinstance(end, EventTime) or end.planned or len(end.iso) < _MINUTE:
        return False
    return any(
        isinstance(when, EventTime)
        and when.planned
        and when.day == end.day
        and len(when.iso) >= _MINUTE
        and when.iso[_DAY:_MINUTE] > end.iso[_DAY:_MINUTE]  # a later clock the same day
        for when in (times.get(stop[0].id) for stop in stops)
    )


def _back(when: EventTime | str | None) -> bool:
    """Whether an event time was told on the way back (an ISO string never is)."""
    return isinstance(when, EventTime) and when.back


#: km between two places.
Distance = Callable[[Any, Any], float]


def _geodesic_km(a: Any, b: Any) -> float:
    """Great-circle km between two places (mean Earth radius), inf without coordinates."""
    try:
        lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    except (TypeError, ValueError):
        return math.inf
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


_EARTH_KM = 6371.0
#: Insertion costs closer than this (km) are a tie, broken by the track.
_TIE_KM = 1.0


def _insert_untimed(
    order: list[int],
    untimed: Sequence[int],
    stops: Sequence[tuple],
    distance: Distance,
    *,
    fixed: tuple[int, int],
    routes: Sequence[Sequence[str]] = (),
) -> list[int]:
    """``order`` with each ``untimed`` stop put where it adds the fewest km.

    ``fixed``: how many stops at the head (the origin) and the tail (the final destination)
    of ``order`` nothing goes before or after. On a tie a stop goes right after the stop
    before it on the track (its index in ``stops``), as :func:`order_by_event_time` says.
    ``routes``: place ids of untimed stops told as one route, each list inserted first as
    one block in its order (its stops of ``untimed`` only).
    """
    out = list(order)
    left = list(untimed)
    for route in routes:
        block = [i for pid in route for i in left if stops[i][0].id == pid]
        if len(block) < 2 or not out:
            continue
        at = _cheapest_gap(out, block[0], block[-1], stops, distance, fixed)
        out[at:at] = block
        left = [i for i in left if i not in block]
    for index in left:
        lo, hi = fixed[0], len(out) - fixed[1]
        if not out:
            out.append(index)
            continue
        before = [i for i in out if i < index]  # placed stops before it on the track
        default = out.index(max(before)) + 1 if before else lo
        default = min(max(default, lo), hi)
        costs = _gap_costs(out, index, index, stops, distance, (lo, hi))
        finite = {p: c for p, c in costs.items() if math.isfinite(c)}
        if not finite:
            out.insert(default, index)
            continue
        best = min(finite.values())
        ties = [p for p, c in finite.items() if c - best <= _TIE_KM]
        out.insert(min(ties, key=lambda p: abs(p - default)), index)
    return out


def _gap_costs(
    out: Sequence[int],
    first: int,
    last: int,
    stops: Sequence[tuple],
    distance: Distance,
    bounds: tuple[int, int],
) -> dict[int, float]:
    """The km added by putting a run from stop ``first`` to stop ``last`` (indices into
    ``stops``) at each position from ``bounds[0]`` to ``bounds[1]`` of ``out``."""

    def cost(p: int) -> float:
        prev = stops[out[p - 1]][0] if p > 0 else None
        nxt = stops[out[p]][0] if p < len(out) else None
        head, tail = stops[first][0], stops[last][0]
        if prev is None:
            return distance(tail, nxt)
        if nxt is None:
            return distance(prev, head)
        return distance(prev, head) + distance(tail, nxt) - distance(prev, nxt)

    return {p: cost(p) for p in range(bounds[0], bounds[1] + 1)}


def _cheapest_gap(
    out: Sequence[int],
    first: int,
    last: int,
    stops: Sequence[tuple],
    distance: Distance,
    fixed: tuple[int, int],
) -> int:
    """Where in ``out`` a block from stop ``first`` to stop ``last`` adds the fewest km
    (the first such place; nothing before the ``fixed`` head or after the fixed tail)."""
    lo, hi = fixed[0], len(out) - fixed[1]
    costs = _gap_costs(out, first, last, stops, distance, (lo, hi))
    finite = {p: c for p, c in costs.items() if math.isfinite(c)}
    return min(finite, key=lambda p: (finite[p], p)) if finite else hi


def _final_destination(
    stops: Sequence[tuple],
    times: Mapping[str, EventTime | str],
    reached: Collection[str] = (),
    distance: Distance | None = None,
) -> int | None:
    """The index of the destination the journey ends at.

    A destination with no time of its own is where the train is bound for ("heading to X",
    "the X-Y train"): the last of those on the track, unless the report tells the train got
    there (``reached``: "reached the X station" in a sentence without a day is a stop on the
    way to a dated destination) or it lies on the way from the first stop to a destination
    planned for a day ("will go on to X. Talks will be held in Y on Friday": Y is where the
    journey goes). When every other destination has a time, the one of the latest time (the
    last on the track on a tie).
    """
    ends = [i for i, stop in enumerate(stops) if stop[1] == Role.DESTINATION]
    if not ends:
        return None
    latest = max(ends, key=lambda i: (_key_of(times.get(stops[i][0].id)), i))
    bound = [i for i in ends if stops[i][0].id not in times and stops[i][0].id not in reached]
    if bound and not _on_the_way_to_a_plan(stops, bound[-1], latest, times, distance):
        return bound[-1]
    return latest


def _on_the_way_to_a_plan(
    stops: Sequence[tuple],
    bound: int,
    planned: int,
    times: Mapping[str, EventTime | str],
    distance: Distance | None,
) -> bool:
    """Whether the destination ``bound`` (no time) lies on the way from the first stop to
    ``planned``, a destination told as planned for a day: then it is passed on the way."""
    when = times.get(stops[planned][0].id)
    if not isinstance(when, EventTime) or not when.planned or bound == 0:
        return False
    measure = distance or _geodesic_km
    a, x, f = stops[0][0], stops[bound][0], stops[planned][0]
    detour = measure(a, x) + measure(x, f) - measure(a, f)
    return detour <= min(measure(a, x), measure(x, f))


def _key_of(when: EventTime | str | None) -> _Key:
    """The sort key of an event time, lowest for none."""
    return _EARLIEST if when is None else _key(when)


#: Characters before and after a place searched for a word of coming back ("returned to").
_HOME_BEFORE, _HOME_AFTER = 30, 12
#: Most words between such a word and the place ("back in the capital, X").
_HOME_GAP_WORDS = 3
#: Most characters between the place and a word of coming back after it (a particle and
#: its blank: "으로 ", or the word for station first: "역으로 ").
_HOME_PARTICLE = 4
#: A round trip: the first and the last stop away from home lie within this share of the
#: farthest stop's distance from home.
_OUT_AND_BACK = 0.5


def returned_to(places: Sequence[LocatedPlace]) -> set[str]:
    """Ids of the stop places a current mention says the train came back to.

    "returned to X", "arrived back in X", "X에 돌아왔다", "вернулся в
    X" (the ``home_before`` and ``home_after`` words of ``[order]``).
    """
    return {
        place_id
        for place_id, mention in _current_mentions(places)
        if mention.role in STOP_ROLES and told_came_back(mention)
    }


def told_came_back(mention: Mention) -> bool:
    """Whether the words right around ``mention`` tell the train came back to its place (see
    :func:`returned_to`)."""
    words = order_words()
    at, end = mention.start - mention.sentence_start, mention.end - mention.sentence_start
    head = mention.quote[max(0, at - _HOME_BEFORE) : at]
    before = [m.end() for m in words.home_before.finditer(head)]
    after = words.home_after.search(mention.quote[end : end + _HOME_AFTER])
    return bool(before and len(head[before[-1] :].split()) <= _HOME_GAP_WORDS) or (
        after is not None and after.start() <= _HOME_PARTICLE
    )


def there_first(places: Sequence[LocatedPlace], published: Published | None = None) -> set[str]:
    """Ids of the stop places told there as done, not as come back to, at an event time
    before every other stop's (:func:`mention_times`): "pulled into X on Wednesday … is to
    travel on to Y and then come back to X" went out from X."""
    current = _current_mentions(places, published)
    first: dict[str, tuple] = {}
    stayed: dict[str, tuple] = {}
    for place_id, when in mention_times(current, published):
        key = _key(when)[:3]  # day, report, rank
        first[place_id] = min(key, first.get(place_id, key))
        if not when.planned and not told_came_back(current[when.told][1]):
            stayed[place_id] = min(key, stayed.get(place_id, key))
    return {
        pid
        for pid, key in stayed.items()
        if all(key < other for o, other in first.items() if o != pid)
    }


def reached_places(places: Sequence[LocatedPlace]) -> set[str]:
    """Ids of the stop places a current mention tells the train got to, not only headed for.

    "reached the X station", "arrived at the station of X", "pulled into X" (the ``arrived``
    words of ``[order]``, then up to four lower-case words): told as done (not as expected).
    """
    return {
        place_id
        for place_id, mention in _current_mentions(places)
        if mention.role in STOP_ROLES
        and mention.status == Status.REPORTED
        and _told_reached(mention)
    }


def _told_passed(mention: Mention) -> bool:
    """Whether ``mention`` tells as done that the train passed, reached or left its place (a
    via, border or origin stop, or "reached X"), not only where it was headed ("a trip to
    X")."""
    passed = mention.role in (Role.VIA, Role.BORDER, Role.ORIGIN) or _told_reached(mention)
    return passed and mention.status == Status.REPORTED


def _told_reached(mention: Mention) -> bool:
    """Whether the clause before ``mention`` tells the train got there (see
    :func:`reached_places`)."""
    head = mention.quote[: max(0, mention.start - mention.sentence_start)]
    clause = _last_clause(head)
    return order_words().arrived.search(clause) is not None


def home_first(
    stops: Sequence[T],
    home: Collection[str],
    distance: Distance | None = None,
    *,
    twice: bool = False,
    first: Collection[str] = (),
) -> list[T]:
    """``stops`` (in travel order) with a place the train came back to where it belongs.

    When the journey has no origin and the train came back to a place ("returned to
    X"), the journey either went out from there and back (its first and last stops
    lie near home and it went farther in between, the report tells a stop passed a
    second time, ``twice``: :func:`passed_twice`, or tells it there before every other
    stop, ``first``: :func:`there_first`; home comes first, where the trip began;
    :func:`return_visits` brings it back last) or is only the way home (home comes last).
    An origin of the journey keeps its place unless home is told there first: "was back in
    X on Thursday after a night train from Y … had left X on Tuesday" went out from X, and
    Y is where the way home began.
    """
    if not home:
        return list(stops)
    if any(stop[1] == Role.ORIGIN for stop in stops) and not home & set(first):
        return list(stops)
    distance = distance or _geodesic_km
    at = next((i for i, stop in enumerate(stops) if stop[0].id in home), None)
    if at is None:
        return list(stops)
    rest = [stop for i, stop in enumerate(stops) if i != at]
    if not rest:
        return list(stops)
    place = stops[at][0]
    farthest = max(distance(place, stop[0]) for stop in rest)
    out_and_back = (
        twice
        or place.id in first
        or all(distance(place, stop[0]) < _OUT_AND_BACK * farthest for stop in (rest[0], rest[-1]))
    )
    return [stops[at], *rest] if out_and_back else [*rest, stops[at]]


def passed_twice(places: Sequence[LocatedPlace]) -> bool:
    """Whether a current stop mention tells its place passed a second time ("passing X
    again", the ``again`` words of ``[order]``): the report tells the way out and back."""
    return any(
        mention.role in STOP_ROLES and _told_again(mention)
        for _place_id, mention in _current_mentions(places)
    )


def track_order(stops: Sequence[T], order: Callable[[Sequence[T]], list[T]]) -> list[T]:
    """``stops`` along the track by ``order`` (``routes.rail.route.order_stops`` on a network).

    ``order`` runs from the origin. A report that names where the train is going but not
    where it came from ("the train reached Chita on its way to Moscow") is ordered from the
    destination backwards instead: the stop farthest from it first.
    """
    if any(stop[1] == Role.ORIGIN for stop in stops):
        return order(stops)
    destinations = [stop for stop in stops if stop[1] == Role.DESTINATION]
    if len({stop[0].id for stop in destinations}) != 1:
        return order(stops)
    end = destinations[0]
    flipped = [
        (stop[0], Role.ORIGIN, *stop[2:]) if stop[0].id == end[0].id else stop for stop in stops
    ]
    backwards = order(flipped)[::-1]
    return [end if stop[0].id == end[0].id else stop for stop in backwards]


def from_the_earliest(stops: Sequence[T], times: Mapping[str, EventTime | str]) -> list[T]:
    """``stops`` along the track (:func:`track_order`), turned round when no origin fixes
    which way they run and the stop of the earliest event time lies in the far half: a
    report telling where the train was first ("a day after a visit to X that ended late on
    Monday") tells which end the journey started from."""
    if any(stop[1] == Role.ORIGIN for stop in stops):
        return list(stops)
    timed = [i for i, stop in enumerate(stops) if stop[0].id in times]
    if not timed:
        return list(stops)
    first = min(timed, key=lambda i: (_key(times[stops[i][0].id])[:3], i))
    return list(stops[::-1]) if first > (len(stops) - 1) / 2 else list(stops)


#: A station this close (km) to a city whose name its own name starts with is in that city.
_STATION_IN_CITY_KM = 30.0


def one_visit_per_station(stops: Sequence[T], distance: Distance | None = None) -> list[T]:
    """``stops`` (in travel order) with a city and its named station as one visit.

    "arrived in X on Saturday … pulled into X's Central station" tells one stop, not two:
    the station (the more specific place) stands where the first of the two was. A station
    is the city's when its name starts with the city's name ("X Yaroslavsky", "X
    railway station") and it lies within :data:`_STATION_IN_CITY_KM`. A city left from and
    a station come back to (or the reverse) stay two visits: the journey starts and ends
    there.
    """
    distance = distance or _geodesic_km
    out = list(stops)
    for station in [s for s in stops if s[0].kind == Kind.STATION]:
        city = next((s for s in out if _station_of(station, s, distance)), None)
        if city is None or {station[1], city[1]} == {Role.ORIGIN, Role.DESTINATION}:
            continue
        at = min(out.index(city), out.index(station))
        out = [s for s in out if s is not city and s is not station]
        out.insert(at, station)
    return out


#: Most km from a border crossing described in words to a town of it named as a stop.
_CROSSING_TOWN_KM = 30.0
#: The kinds of place a crossing's town is named as.
_SETTLEMENTS = (Kind.CITY, Kind.TOWN, Kind.STATION, Kind.BORDER_CROSSING)


def one_visit_per_crossing(
    stops: Sequence[T], places: Sequence[LocatedPlace], distance: Distance | None = None
) -> list[T]:
    """``stops`` (in travel order) with a border crossing told only in words ("left for the
    Russian frontier") and the one place near it told as where the border is crossed (a
    border stop: "will cross into Russia at X") as one visit, that place's.

    A description told in a sentence that names that place too tells two places ("boarded
    at X, the last station before the border"); a crossing with settlements on both of its
    sides ("first at X on one side, then at Y") is crossed between them: both stay.
    """
    distance = distance or _geodesic_km
    sentences = _sentences_by_place(places)
    out = list(stops)
    for crossing in [s for s in stops if is_own_point(s[0])]:
        near = [
            s
            for s in out
            if not is_own_point(s[0])
            and s[0].kind in _SETTLEMENTS
            and distance(s[0], crossing[0]) <= _CROSSING_TOWN_KM
        ]
        if (
            len(near) == 1
            and near[0][1] == Role.BORDER
            and not sentences.get(near[0][0].id, set()) & sentences.get(crossing[0].id, set())
        ):
            out = [s for s in out if s is not crossing]
    return out


def _sentences_by_place(places: Sequence[LocatedPlace]) -> dict[str, set[tuple[str, int]]]:
    """The sentences (report id, start) each place is mentioned in, by place id."""
    return {
        located.place.id: {(m.report_id, m.sentence_start) for m in located.mentions}
        for located in places
    }


def _station_of(station: tuple, city: tuple, distance: Distance) -> bool:
    """Whether stop ``station`` is a station of the settlement stop ``city``."""
    s, c = station[0], city[0]
    if c.kind not in (Kind.CITY, Kind.TOWN) or s.id == c.id:
        return False
    named = re.match(rf"{re.escape(c.name)}(?!\w)", s.name) is not None
    return named and distance(s, c) <= _STATION_IN_CITY_KM


#: Most km from a border river or bridge to the nearer of the two stops it is crossed between.
_CROSSED_NEAR_KM = 50.0


def crossed_between_countries(stops: Sequence[T], distance: Distance | None = None) -> list[T]:
    """``stops`` (in travel order) with each border river or bridge where the border is crossed.

    A river or bridge of no one country (the Yalu, a friendship bridge) is crossed where the
    journey passes from a stop of one country to a stop of another: "crossing the Yalu from
    X to Y" tells all three at one time, so their told order says nothing. Such a stop goes
    between the two consecutive stops of different countries nearest it, one of them within
    :data:`_CROSSED_NEAR_KM` (the town at the crossing; the next stop across may lie far
    inland); it stays where it is when it already stands between two countries' stops or
    none lie near it.
    """
    distance = distance or _geodesic_km
    out = list(stops)
    for stop in [s for s in stops if _border_span(s[0])]:
        rest = [s for s in out if s is not stop]
        at = out.index(stop)
        if 0 < at < len(out) - 1 and _countries_differ(out[at - 1][0], out[at + 1][0]):
            continue
        gaps = [
            (distance(a[0], stop[0]) + distance(stop[0], b[0]), i + 1)
            for i, (a, b) in enumerate(itertools.pairwise(rest))
            if _countries_differ(a[0], b[0])
            and min(distance(a[0], stop[0]), distance(stop[0], b[0])) <= _CROSSED_NEAR_KM
        ]
        if gaps:
            cut = min(gaps)[1]
            out = [*rest[:cut], stop, *rest[cut:]]
        elif _came_from_across(stop, rest, distance):
            out = [stop, *rest]
    return out


def bridges_crossed(
    located: Sequence[LocatedPlace], distance: Distance | None = None
) -> list[LocatedPlace]:
    """``located`` with a border bridge named only in passing made a border stop where the
    journey has stops on both its banks.

    "Hotel rooms overlooking the X Bridge were closed … the train is expected to cross into
    Y": a bridge of no one country (:func:`_border_span`) with a stop of one country and a
    stop of another each within :data:`_CROSSED_NEAR_KM` of it is where the train crossed
    from one to the other, whatever the sentence naming it says of the train. A bridge of
    one country (a landmark beside the crossing) stays as it is.
    """
    distance = distance or _geodesic_km
    stops = [p.place for p in located if p.role in STOP_ROLES]
    out = []
    for p in located:
        if p.role == Role.CONTEXT and p.place.kind == Kind.BRIDGE and _border_span(p.place):
            banks = {
                s.country for s in stops if s.country and distance(s, p.place) <= _CROSSED_NEAR_KM
            }
            if len(banks) > 1:
                p = replace(p, role=Role.BORDER)
        out.append(p)
    return out


def _came_from_across(stop: tuple, rest: Sequence[tuple], distance: Distance) -> bool:
    """Whether border stop ``stop`` was crossed before ``rest``, stops of one country (none
    of another named): the first of them, no origin, lies within :data:`_CROSSED_NEAR_KM`
    of it and nearer than any other ("crossed the bridge at X into the country and went on
    through Y": the train came from across the border)."""
    if not rest or rest[0][1] == Role.ORIGIN:
        return False
    if len({s[0].country for s in rest if s[0].country}) > 1:
        return False
    near = [distance(s[0], stop[0]) for s in rest]
    return near[0] <= _CROSSED_NEAR_KM and near[0] == min(near)


def _border_span(place: Any) -> bool:
    """Whether ``place`` is a river or a bridge of no one country (it spans a border)."""
    return place.kind in (Kind.RIVER, Kind.BRIDGE) and not place.country


def _countries_differ(a: Any, b: Any) -> bool:
    """Whether two places lie in two different (known) countries."""
    return bool(a.country and b.country and a.country != b.country)


#: Characters right before and after a place searched for "again" ("passing X again").
_AGAIN_BEFORE, _AGAIN_AFTER = 30, 8


def return_visits(
    stops: Sequence[T],
    places: Sequence[LocatedPlace],
    distance: Distance | None = None,
    *,
    published: Published | None = None,
) -> list[T]:
    """``stops`` (in travel order, each place once) with the second visits of the way back.

    The turn is the stop farthest from the first. A place before the turn is passed again
    after it when a current mention tells it on the way back ("on the way back it passed
    X", "passing X again") and another one does not, or when its mentions' event times lie
    on both sides of the turn's (passed on Monday and on Friday, the turn on Wednesday).
    Each second visit goes after the turn where it adds the fewest km (the nearest to the
    turn first). The journey closes back at its first stop (a second visit, last) when the
    train came back to it ("returned to X"), when its times lie on both sides of the turn's
    too, or, for an origin, headed home from the turn or beyond (:func:`_closes_home`); that
    visit goes before the legs told as coming after the return ("return to X and then fly on
    to Y": :func:`_back_home_before_later_stops`). The
    two sides of a border crossing are passed again together (:func:`_crossed_back_with`).
    ``published``: the day of each report by id (see :func:`event_times`, :func:`seen_by`).
    """
    distance = distance or _geodesic_km
    if len(stops) < 2:
        return list(stops)
    home = stops[0][0]
    turn = max(range(len(stops)), key=lambda i: (distance(home, stops[i][0]), -i))
    again = _passed_again(places, [stop[0].id for stop in stops[: turn + 1]], published)
    again |= _crossed_back_with(again, stops[: turn + 1], distance)
    out = list(stops)
    closes = home.id in again or _closes_home(stops, turn, places)
    if stops[-1][0].id != home.id and closes:
        out.append(stops[0])
        out = _back_home_before_later_stops(out, places, published)
    home_last = len(out) > 1 and out[-1][0].id == home.id
    for index in sorted(range(1, turn), key=lambda i: -i):
        if stops[index][0].id in again and stops[index][0].id != home.id:
            _insert_after(out, stops[index], turn, distance, before_end=home_last)
    return out


def _back_home_before_later_stops(
    stops: list[T], places: Sequence[LocatedPlace], published: Published | None
) -> list[T]:
    """``stops`` ending in the visit back home, that visit moved before the stops at its end
    whose event times (:func:`event_times`) come after the time the report tells the train
    came back there, other than times of the way back (:func:`_told_after`): "was expected
    to return to X by train and then fly on to Y" puts Y after the return to X, not before
    it. Without a time of coming back, ``stops`` as they are."""
    home = stops[-1][0].id
    current = _current_mentions(places, published)
    back = [
        _key(when)
        for place_id, when in mention_times(current, published)
        if place_id == home and told_came_back(current[when.told][1])
    ]
    if not back:
        return stops
    times = event_times(places, published)
    at = len(stops) - 1
    while at > 1 and _told_after(times.get(stops[at - 1][0].id), max(back)):
        at -= 1
    return [*stops[:at], stops[-1], *stops[at:-1]]


def _told_after(when: EventTime | None, back: _Key) -> bool:
    """Whether ``when`` comes after the time ``back`` of coming home, and is not a time of
    the way back there ("On the way back it crossed into X", told after "returned home on
    Thursday", is before home however it is ranked)."""
    return when is not None and not when.back and _key(when) > back


def visits_between(
    stops: Sequence[T], places: Sequence[LocatedPlace], published: Published | None = None
) -> list[T]:
    """``stops`` (in travel order) with a second visit of a place the train came back to
    after other stops: "pulled into X on Saturday … was driven into Y … on Sunday toured Z,
    then returned by car to X"; "stepped off in X on Thursday and drove out to Y … left X
    on Friday".

    A place visited once in ``stops`` told there as done (:func:`_there_and_back`) on two
    days, with another stop's time (:func:`event_times`) between them, is visited again
    right after the latest stop whose time comes before its later one.
    """
    times = event_times(places, published)
    keys = [_key(times[s[0].id]) if s[0].id in times else None for s in stops]
    out = list(stops)
    for place_id, (first, later) in _there_and_back(places, published).items():
        if sum(s[0].id == place_id for s in stops) != 1:
            continue
        between = [i for i, k in enumerate(keys) if k is not None and first < k < later]
        if between:
            at = max(between, key=lambda i: keys[i])
            visit = next(s for s in stops if s[0].id == place_id)
            out.insert(out.index(stops[at]) + 1, visit)
    return out


def _there_and_back(
    places: Sequence[LocatedPlace], published: Published | None
) -> dict[str, tuple[_Key, _Key]]:
    """The first and the last time each stop place is told there as done, by place id, where
    the last falls on a later day: the first a time of being there (not of a destination only
    headed for, "left Y for X on Monday"), the last one of coming there or of leaving it (the
    train left X after a stop made from it: it came back to X first). A time read only as
    earlier than another event ("Earlier in the trip it had stopped in X", told in a later
    report) says nothing of a day there: it is left out."""
    spans: dict[str, tuple[_Key, _Key]] = {}
    current = _current_mentions(places, published)  # as event_times reads them
    for place_id, when in mention_times(current, published):
        mention, key = current[when.told][1], _key(when)
        if when.planned or (not when.iso and when.rank < 0):
            continue  # a plan; or only "earlier" than an event told, no day of its own
        first, last = spans.get(place_id, (_LATEST, _EARLIEST))
        if mention.role != Role.DESTINATION or _told_reached(mention):
            first = min(first, key)
        last = max(last, key)
        spans[place_id] = (first, last)
    return {pid: (a, b) for pid, (a, b) in spans.items() if a != _LATEST and b[0] > a[0]}


#: Sort keys before and after every event time.
_EARLIEST: _Key = ("", 0, 0, 0)
_LATEST: _Key = ("~", 0, 0, 0)


def _crossed_back_with(
    again: Collection[str], outbound: Sequence[tuple], distance: Distance
) -> set[str]:
    """Ids of the border stops crossed back with one passed again: the two sides of one
    crossing ("crossed at X and Y"; "expected to cross back at Y").

    Two border stops one after the other on the way out, in two countries and within
    :data:`_CROSSED_NEAR_KM` of each other, are one crossing: a way back through one of them
    passes the other too.
    """
    found = set()
    for a, b in itertools.pairwise(outbound):
        if a[1] != Role.BORDER or b[1] != Role.BORDER or not _countries_differ(a[0], b[0]):
            continue
        if distance(a[0], b[0]) > _CROSSED_NEAR_KM:
            continue
        if a[0].id in again or b[0].id in again:
            found |= {a[0].id, b[0].id}
    return found


def _insert_after(
    out: list[T], stop: T, turn: int, distance: Distance, *, before_end: bool
) -> None:
    """Put ``stop`` after position ``turn`` of ``out`` where it adds the fewest km (the
    earliest position on a tie), before the last stop when ``before_end``."""

    def cost(p: int) -> float:
        prev = out[p - 1][0]
        if p == len(out):
            return distance(prev, stop[0])
        nxt = out[p][0]
        return distance(prev, stop[0]) + distance(stop[0], nxt) - distance(prev, nxt)

    costs = {p: cost(p) for p in range(turn + 1, len(out) + (0 if before_end else 1))}
    finite = {p: c for p, c in costs.items() if math.isfinite(c)}
    best = min(finite, key=lambda p: (finite[p], p)) if finite else len(out)
    out.insert(best, stop)


def _passed_again(
    places: Sequence[LocatedPlace], outbound: Sequence[str], published: Published | None = None
) -> set[str]:
    """Ids of the stop places told passed on the way out and again on the way back.

    ``outbound``: the place ids of the stops up to the turn, in travel order, the turn
    last. See :func:`return_visits`: a mention on the way back beside one that is not, or
    event times on both sides of the turn: the first no later than the turn was reached
    (the latest first time of the way out: a date put on the turn by "left for X" is not
    when it was reached), told as done (or by the day a report told it passed:
    :func:`seen_by`), another on a later day, told as done or planned in a report published
    after the turn was reached (the way home a last report only expects). When the turn is
    only planned, the place the train reached last (:func:`_reached_last`) is not passed
    again by a later day told of it: the train stayed there.
    """
    turn_id = outbound[-1]
    current = [(pid, m) for pid, m in _current_mentions(places, published) if m.role in STOP_ROLES]
    homeward = _told_between_turn_and_home(current, turn_id, outbound[0])
    back: dict[str, list[bool]] = {}
    for place_id, mention in current:
        told = _passed_on_the_way_back(mention) or id(mention) in homeward
        back.setdefault(place_id, []).append(told)
    found = {pid for pid, told in back.items() if any(told) and not all(told)}
    done, told = _visit_times(current, published)
    firsts = [min(done[pid]) for pid in outbound if pid in done]
    if firsts:
        turned = max(firsts)
        if turn_id not in done:  # the turn only planned: where the train got to stays there
            turn_id = _reached_last(outbound, done)
        after = {day for day in (published or {}).values() if day > turned[0]}
        for place_id, seen in done.items():
            back_told = any(
                t[0] > turned[0] and (t in seen or report_day in after)
                for t, report_day in told.get(place_id, [])
            )
            if place_id != turn_id and min(seen) <= turned and back_told:
                found.add(place_id)
    return found - {turn_id, outbound[-1]}


def _told_between_turn_and_home(
    current: Sequence[tuple[str, Mention]], turn_id: str, home_id: str
) -> set[int]:
    """The ids of the stop mentions a sentence tells between leaving the turn and coming back
    home ("부산역을 출발하는 상행 열차가 울산역과 대전역에 정차하며 서울역으로 돌아온다",
    "left X and, after calls at Y and Z, returned to W"): the way back, in whatever order
    the language puts its verbs."""
    found: set[int] = set()
    sentences: dict[tuple[str, int], list[tuple[str, Mention]]] = {}
    for place_id, mention in current:
        sentences.setdefault((mention.report_id, mention.sentence_start), []).append(
            (place_id, mention)
        )
    for told in sentences.values():
        left = [m.end for pid, m in told if pid == turn_id and m.role == Role.ORIGIN]
        home = [m.start for pid, m in told if pid == home_id and told_came_back(m)]
        if not left or not home or min(left) >= max(home):
            continue
        found |= {
            id(m)
            for pid, m in told
            if pid not in (turn_id, home_id) and min(left) <= m.start < max(home)
        }
    return found


def _reached_last(outbound: Sequence[str], done: Mapping[str, list[_Visit]]) -> str:
    """Of the ``outbound`` places told as done (``done``: their visits), the one the train
    reached last: of the latest first visit, the farthest along the way out. A later day
    told of it is a stay there, not a second visit on the way back."""
    told = [pid for pid in outbound if pid in done]
    return max(told, key=lambda pid: (min(done[pid]), outbound.index(pid)))


#: A visit's day and rank within the day.
_Visit = tuple[str, int]


def _visit_times(
    current: Sequence[tuple[str, Mention]], published: Published | None
) -> tuple[dict[str, list[_Visit]], dict[str, list[tuple[_Visit, str]]]]:
    """The visits of each place told as done (with the :func:`seen_by` day of a report that
    tells it passed without a date: it was there by then), and every later one told, with
    its report's day ("" unknown), by place id.

    A place told passed as done in a sentence without a time is there no earlier than the
    latest day its report told before it ("boarded at X on Saturday. The train crossed at Y
    an hour later"): one rank after it.
    """
    days = published or {}
    done: dict[str, list[_Visit]] = {}
    told: dict[str, list[tuple[_Visit, str]]] = {}
    timed = {when.told: (pid, when) for pid, when in mention_times(current, published)}
    latest: dict[str, _Visit] = {}
    for index, (place_id, mention) in enumerate(current):
        report_day = days.get(mention.report_id, "")
        if index in timed and timed[index][1].day:
            when = timed[index][1]
            visit = (when.day, when.rank)
            told.setdefault(place_id, []).append((visit, report_day))
            if not when.planned:
                done.setdefault(place_id, []).append(visit)
            latest[mention.report_id] = max(visit, latest.get(mention.report_id, visit))
        elif mention.report_id in latest and _told_passed(mention) and not mention.date:
            day, rank = latest[mention.report_id]
            told.setdefault(place_id, []).append(((day, rank + 1), report_day))
    for place_id, day in seen_by(current, published).items():
        done.setdefault(place_id, []).append((day, 0))
    return done, told


def _passed_on_the_way_back(mention: Mention) -> bool:
    """Whether ``mention`` tells its place passed on the way back ("on the way back it passed
    X", "take the same train back to X"), not where the way back began ("on its way home
    from X": X is the turn, an origin of the way home)."""
    return mention.role != Role.ORIGIN and (
        _told_on_the_way_back(mention) or told_came_back(mention)
    )


def _told_on_the_way_back(mention: Mention) -> bool:
    """Whether ``mention`` tells its place passed on the way back or a second time."""
    head = mention.quote[: max(0, mention.start - mention.sentence_start)]
    return bool(order_words().way_back.search(head)) or _told_again(mention)


def _told_again(mention: Mention) -> bool:
    """Whether the words right around ``mention`` tell its place passed a second time
    ("passing X again", "again passed through X": the ``again`` words of ``[order]``)."""
    at, end = mention.start - mention.sentence_start, mention.end - mention.sentence_start
    head = mention.quote[: max(0, at)]
    near = head[-_AGAIN_BEFORE:] + " " + mention.quote[end : end + _AGAIN_AFTER]
    return order_words().again.search(near) is not None


def _closes_home(stops: Sequence[tuple], turn: int, places: Sequence[LocatedPlace]) -> bool:
    """Whether the journey of ``stops`` ends back at its first stop.

    See :func:`return_visits`: the train came back to it ("returned to X"), or, when it is
    an origin, a sentence that names the turn or a stop after it tells the train heading
    home ("left Y for home") and does not name the origin (the train left X for home: X is
    not home; "heading home, it passed Z" of a stop before the turn tells the way home
    itself, from wherever the report begins it).
    """
    origin = stops[0]
    if origin[0].id in returned_to(places):
        return True
    if origin[1] != Role.ORIGIN:
        return False
    words = order_words()
    named: dict[tuple[str, int], set[str]] = {}
    for located in places:
        for m in located.mentions:
            if words.home_bound.search(m.quote):
                named.setdefault((m.report_id, m.sentence_start), set()).add(located.place.id)
    beyond = {stop[0].id for stop in stops[turn:]}
    return any(origin[0].id not in ids and ids & beyond for ids in named.values())


def plans_after_done(
    stops: Sequence[T],
    places: Sequence[LocatedPlace],
    times: Mapping[str, EventTime | str],
    distance: Distance | None = None,
) -> list[T]:
    """``stops`` (in travel order) with the stops told only as plans after those told as
    done, when no stop has a day to order them by and the plans no time at all.

    "flew from X to Y and then on to Z … plans to travel on by train to W, with stops in U
    and V" dates nothing, yet tells what has happened before what will: the origin stays
    first, the stops told as done keep their order, and the planned ones follow from the
    last of them, each next the nearest of those left (from Z: U, V, then W).
    """
    if not stops or any(_key_of(times.get(stop[0].id))[0] for stop in stops):
        return list(stops)  # a stop with a day: the days order the journey
    planned = _only_planned(places) - set(times)
    head = 1 if stops[0][1] == Role.ORIGIN else 0
    done = [s for s in stops[head:] if s[0].id not in planned]
    plans = [s for s in stops[head:] if s[0].id in planned]
    if not done or not plans:
        return list(stops)
    measure = distance or _geodesic_km
    chain, at = [], done[-1][0]
    while plans:
        nearest = min(plans, key=lambda s: measure(at, s[0]))
        plans.remove(nearest)
        chain.append(nearest)
        at = nearest[0]
    return [*stops[:head], *done, *chain]


def _only_planned(places: Sequence[LocatedPlace]) -> set[str]:
    """Ids of the places whose current stop mentions all tell a plan or an expectation."""
    out = set()
    for located in places:
        told = [
            m.status
            for m in located.mentions
            if m.role in STOP_ROLES and m.status not in NOT_CURRENT
        ]
        if told and all(status in (Status.EXPECTED, Status.SPECULATIVE) for status in told):
            out.add(located.place.id)
    return out
