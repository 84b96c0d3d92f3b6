"""Find the time expressions of a report and resolve them against its published date."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterator, Sequence
from datetime import date, timedelta

from routes.model import Report, TimeRef
from routes.read.date_words import date_words, normal
from routes.read.lexicon import alternation, by_first_letter, lexicon_for
from routes.read.reports import sentence_spans

#: The English date words (``[dates]`` of ``lang/en.toml``).
_WORDS = date_words("en")
WEEKDAYS = _WORDS.weekdays
MONTHS = _WORDS.months
#: Clock time given to a part of the day (our convention; reports rarely say more).
#: "late on Sunday" reads as the evening, "early on Tuesday" as the small hours.
PART_OF_DAY: dict[tuple[str, str], str] = {
    ("", "morning"): "09:00",
    ("", "noon"): "12:00",
    ("", "midday"): "12:00",
    ("", "afternoon"): "15:00",
    ("", "evening"): "19:00",
    ("", "night"): "23:00",
    ("early", ""): "06:00",
    ("late", ""): "21:00",
    ("early", "morning"): "06:00",
    ("late", "morning"): "11:00",
    ("early", "afternoon"): "13:00",
    ("late", "afternoon"): "17:00",
    ("early", "evening"): "18:00",
    ("late", "evening"): "22:00",
    ("early", "night"): "21:00",
    ("late", "night"): "23:00",
}

#: What a part of the day says, as a reader would put it: the precision "late on Sunday"
#: was reported with (the clock of :data:`PART_OF_DAY` is only for ordering and timing).
PART_LABELS: dict[tuple[str, str], str] = {
    ("", "morning"): "morning",
    ("", "noon"): "midday",
    ("", "midday"): "midday",
    ("", "afternoon"): "afternoon",
    ("", "evening"): "evening",
    ("", "night"): "night",
    ("early", ""): "early morning",
    ("late", ""): "evening",
    ("early", "morning"): "early morning",
    ("late", "morning"): "late morning",
    ("early", "afternoon"): "early afternoon",
    ("late", "afternoon"): "late afternoon",
    ("early", "evening"): "early evening",
    ("late", "evening"): "late evening",
    ("early", "night"): "night",
    ("late", "night"): "late night",
}

#: An explicit date without a year falls in the published year, unless it lies over
#: half a year away and within a quarter year across New Year ("January 3" in a
#: December report is next January).
_YEAR_TURN_DAYS = (183, 92)
#: The month names and their short forms, escaped, longest first.
_MONTH_WORDS = [re.escape(m) for m in sorted((*MONTHS, *_WORDS.raw["short_months"]), key=len)[::-1]]
_MONTH = "(?:" + "|".join(_MONTH_WORDS) + ")"
_ORD = rf"{_WORDS.alternation('ordinals', as_written=True)}?"
_YEAR_TAIL = r"(?:,?\s+(?:1[89]|20)\d\d(?!\d))?"
_WEEKDAY = _WORDS.alternation("weekdays", as_written=True)
_DAY_OF = _WORDS.alternation("day_of")
_EXPLICIT = (
    rf"(?:{_MONTH}\s+\d{{1,2}}{_ORD}(?!\d){_YEAR_TAIL}"
    rf"|\d{{1,2}}{_ORD}\s+(?:{_DAY_OF}\s+)?{_MONTH}{_YEAR_TAIL})"
)
_WEEK_WORD = _WORDS.alternation("next", "last", "this")
_RELATIVE = _WORDS.alternation("today", "yesterday", "tomorrow")
_DAY = rf"(?:(?:{_WEEKDAY},?\s+)?{_EXPLICIT}|(?:{_WEEK_WORD}\s+)?{_WEEKDAY}|{_RELATIVE})"
_PART = _WORDS.alternation("parts")
_MODIFIER_WORD = _WORDS.alternation("modifiers")
_GLUE = _WORDS.alternation("modifier_glue")
_DAY_EXPR = re.compile(
    rf"\b(?:(?P<mod>{_MODIFIER_WORD})\s+(?:{_GLUE}\s+)?(?:(?P<part1>{_PART})\s+(?:{_GLUE}\s+)?)?"
    rf"|(?:{_WORDS.alternation('part_article')}\s+)?(?P<part2>{_PART})\s+"
    rf"{_WORDS.alternation('part_of')}\s+)?"
    rf"(?P<day>{_DAY})"
    rf"(?:\s+(?P<part3>{_PART}))?(?![\w-])"
    rf"(?!\s+{_WORDS.alternation('titles_after', as_written=True)}\b)"
)
_NOW_PART = re.compile(
    rf"\b(?:(?P<tonight>{_WORDS.alternation('tonight')})|(?P<last>{_WORDS.alternation('last_night')})"
    rf"|{_WORDS.alternation('this')}\s+(?P<part>{_PART}))\b"
)
#: A clock time (:func:`_clock_value`): "8 a.m.", "8.30 pm", "10:30", "22h15".
_CLOCK = (
    rf"(?:(?P<hour>1[0-2]|0?\d)(?:[:.](?P<minute>[0-5]\d))?\s*"
    rf"(?:(?P<am>{_WORDS.alternation('clock_am')})|(?P<pm>{_WORDS.alternation('clock_pm')}))"
    rf"(?![\w.])|(?P<hour24>2[0-3]|[01]?\d)[:h](?P<minute24>[0-5]\d)(?![\d:]))"
)
_CLOCK_TAIL = rf"(?:\s+{_WORDS.alternation('clock_after')})?"
#: A clock time told right before a day expression ("at 8 a.m. on Monday"), searched in the
#: words before it: a word of ``clock_before``, the clock, maybe "local time", then maybe "on".
_CLOCK_BEFORE_DAY = re.compile(
    rf"(?<![\w-]){_WORDS.alternation('clock_before')}\s+{_CLOCK}{_CLOCK_TAIL},?\s+"
    rf"(?:{_GLUE}\s+)?$",
    re.IGNORECASE,
)
#: … or right after it ("on Monday at 8 a.m.", "Tuesday, shortly after 22:00").
_CLOCK_AFTER_DAY = re.compile(
    rf",?\s+{_WORDS.alternation('clock_before')}\s+{_CLOCK}{_CLOCK_TAIL}", re.IGNORECASE
)
#: Most characters a clock time and the words before it take ("shortly before 11.45 p.m.
#: local time on").
_CLOCK_REACH = 48
#: The look-behinds of the next two patterns follow their first characters (same meaning),
#: so that the regex engine can skip to the possible first characters at C speed.
_ISO = re.compile(r"(\d{4})(?<![\d-]\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?(?![\d-])")
_MONTH_YEAR = re.compile(rf"\b({_MONTH})\s+((?:1[89]|20)\d\d)(?!\d)")
_YEAR = re.compile(r"((?:18|19|20)(?<![\w$£€.,/-]\d\d)\d\d)(?![\w%/-]|[.,]\d)")
_YEAR_WORD = re.compile(rf"\b(?P<which>{_WEEK_WORD})\s+{_WORDS.alternation('year')}\b")
#: A month named alone ("In May he flew …"): a word of ``month_alone_before``, then a full
#: month name as written, followed by no day and no year.
_MONTH_ALONE = re.compile(
    rf"(?<![\w-]){_WORDS.alternation('month_alone_before')}\s+"
    rf"(?P<month>{_WORDS.alternation('months', as_written=True)})\b(?![ \t]*[,.]?[ \t]*\d)"
)
#: Words after a number that make it a quantity, not a year ("2000 km").
_QUANTITY = re.compile(
    r"\s*(?:"
    + "|".join(
        re.escape(w[:-1]) if w.endswith("*") else re.escape(w) + (r"\b" if w[-1].isalnum() else "")
        for w in _WORDS.raw["quantities_after"]
    )
    + ")",
    re.IGNORECASE,
)
_QUANTITY_BEFORE = re.compile(
    "(?:" + "|".join(map(re.escape, _WORDS.raw["quantities_before"])) + r")\s*$", re.IGNORECASE
)
#: Cues that a weekday lies ahead of the report: future, plans, hedged expectation, and a
#: plan's document named as the source ("the timetable handed out shows it calling at X on
#: Wednesday": ``plan_source`` of ``[frames]``).
_FUTURE = re.compile(
    rf"\b(?:{_WORDS.phrases('ahead')}|{alternation(lexicon_for('en').frames['plan_source'])})",
    re.IGNORECASE,
)
#: Who said it, closing a sentence ("its organiser said."): a few words, then a speech verb
#: (``[frames] speech_time_after``); its past tells when the report was told, not the trip's.
_ATTRIBUTION_TAIL = re.compile(
    rf"(?:[\w'’.-]+\s+){{0,4}}?(?:{alternation(lexicon_for('en').frames['speech_time_after'])})"
    r"[\s.,;:!?\"'”’)]*",
    re.IGNORECASE,
)
#: Characters around a weekday read for its tense (a clause is rarely longer).
_CLAUSE_WINDOW = 300
_PERFECT = re.compile(rf"\b{_WORDS.phrases('perfect')}", re.IGNORECASE)
_BREAK_WORDS = "(?:" + "|".join(map(re.escape, _WORDS.raw["clause_words"])) + ")"
_CLAUSE_BREAK = re.compile(rf"[,;:()—–]|\b{_BREAK_WORDS}\b", re.IGNORECASE)
#: The two kinds of :data:`_CLAUSE_BREAK`: marks, and words.
_BREAK_MARKS = ",;:()—–"
_BREAK_WORD = re.compile(rf"\b{_BREAK_WORDS}\b", re.IGNORECASE)
_MONTH_NUMBER = _WORDS.month_numbers
_WEEKDAY_INDEX = {w.lower(): i for i, w in enumerate(WEEKDAYS)}
_EXPLICIT_PARTS = re.compile(
    rf"({_MONTH})\s+(\d{{1,2}})|(\d{{1,2}}){_ORD}\s+(?:{_DAY_OF}\s+)?({_MONTH})"
)
_YEAR_AT_END = re.compile(r"(?:1[89]|20)\d\d$")
_PAST_ENDINGS = "|".join(map(re.escape, _WORDS.raw["past_endings"]))
#: Only ever asked whether it matches: a word ending in a past ending matches from its start,
#: so the ending is tried from word starts alone (not from every letter of every word).
_PAST = re.compile(
    rf"(?<!\w)\w+(?:{_PAST_ENDINGS})\b|\b{_WORDS.alternation('past', as_written=True)}\b"
)
#: A phrase set off by commas that opens with a participle ("X, linked to Y by a bridge,"):
#: it describes a place or a person, so its "-ed" tells no tense of the clause around it.
_APPOSITION = re.compile(rf",\s*\w+(?:{_PAST_ENDINGS})\b[^,;.]*,")
#: A past verb right before a word of the coming week ("was due to"): a plan as it stood.
_PLAN_PAST = re.compile(
    rf"\b{_WORDS.alternation('past_of_plans', as_written=True)}\s+(?={_WORDS.phrases('ahead')})",
    re.IGNORECASE,
)
#: Words every day expression holds (a weekday or a month; the words of :data:`_DAY_WORD`
#: are found apart): :data:`_DAY_EXPR` is only tried just before them. ``_WEEKDAY|_MONTH``,
#: written grouped by first letter (:func:`by_first_letter`) to scan a report quicker.
_DAY_ANCHOR = re.compile(
    by_first_letter([*sorted(_WORDS.raw["weekdays"], key=len, reverse=True), *_MONTH_WORDS])
)
_DAY_WORD = re.compile(_RELATIVE)
_DAY_WORD_HINTS = _WORDS.hints("today", "yesterday", "tomorrow")
#: Most words a day expression has before its weekday or month ("late on evening on
#: 10th of September").
_LEAD_WORDS = 6
_LEAD_KEYS = ("modifiers", "modifier_glue", "part_article", "part_of", "day_of", "parts")
#: A blank-separated word that may come before the weekday or month of a day expression.
_LEAD_TOKEN = re.compile(
    r"\b(?:"
    + "|".join(re.escape(w) for k in (*_LEAD_KEYS, "next", "last", "this") for w in _WORDS.raw[k])
    + rf"|\d{{1,2}}{_ORD})$",
    re.IGNORECASE,
)
_WORD_START = re.compile(r"\b\w")
#: Words without which the patterns of "tonight", "this morning" and "next year" cannot match.
_NOW_HINTS = _WORDS.hints("tonight", "last_night", "parts")


def find_times(
    report: Report, spans: Sequence[tuple[int, int]] | None = None
) -> tuple[TimeRef, ...]:
    """The dates and times a report speaks of, resolved against its published date.

    Weekdays resolve within the week around publication: to the latest such day
    on or before the published date, or, when the clause looks ahead ("would
    meet … Tuesday", "expected", "as early as"), to the first on or after it.
    Explicit dates without a year take the year that puts them nearest the
    published date.  "late on Sunday" and other parts of the day add the clock
    times of :data:`PART_OF_DAY`.  A bare year ("in 2019") gives ``date`` "2019".
    Expressions that need a published date are skipped when the report has none.

    Parameters
    ----------
    report
        The report; ``report.published`` anchors relative expressions.
    spans
        Its sentence spans (:func:`routes.read.reports.sentence_spans`), computed
        when not given.

    Returns
    -------
    tuple of TimeRef
        In text order; ``report.text[start:end]`` is exactly the time words
        (e.g. "late on Sunday", "Tuesday", "September 10", "2019"), ``status``
        "reported" and ``source`` "" (geoparsing fills both).
    """
    text = report.text
    spans = sentence_spans(text) if spans is None else spans
    from routes.read.native import report_language  # Korean, Russian: routes/read/when_native

    language = report_language(report)
    if language != "en":
        from routes.read.when_native import find_times as find_native_times

        return find_native_times(report, spans, language)
    found: list[tuple[int, int, str]] = []
    taken = bytearray(len(text))
    for start, end, value in _candidates(text, report.published, spans):
        if value and not any(taken[start:end]):
            found.append((start, end, value))
            taken[start:end] = b"\x01" * (end - start)
    return time_refs(report, spans, found)


def _candidates(
    text: str, published: date | None, spans: Sequence[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """Every time expression as (start, end, ISO value), most specific kinds first."""
    out: list[tuple[int, int, str]] = []
    for m in _ISO.finditer(text):
        out.append((m.start(), m.end(), _iso_value(m)))
    anchors = [m.start() for m in _DAY_ANCHOR.finditer(text)]
    for m in _day_matches(text, anchors):
        sentence = _sentence_of(spans, m.start(), m.end())
        value = _day_value(m, text, sentence, published)
        out.append(_with_clock(text, m.start(), m.end(), value, sentence))
    if any(hint in text for hint in _NOW_HINTS):
        for m in _NOW_PART.finditer(text):
            out.append((m.start(), m.end(), _now_value(m, published)))
    for m in _month_years(text, anchors):
        month = _MONTH_NUMBER[m.group(1).lower()]
        out.append((m.start(), m.end(), f"{m.group(2)}-{month:02d}"))
    if published is not None:
        for m in _month_alones(text, anchors):
            sentence = _sentence_of(spans, m.start(), m.end())
            out.append(
                (m.start("month"), m.end(), _month_alone_value(m, text, sentence, published))
            )
    if any(word in text for word in _WORDS.raw["year"]):
        for m in _YEAR_WORD.finditer(text):
            out.append((m.start(), m.end(), _year_word_value(m, published)))
    for m in _YEAR.finditer(text):
        if _is_year(text, m):
            out.append((m.start(), m.end(), m.group(1)))
    return out


def _day_matches(text: str, anchors: Sequence[int]) -> Iterator[re.Match[str]]:
    """What ``_DAY_EXPR.finditer(text)`` finds, trying it only just before its anchors.

    Every day expression holds a weekday, a month or today/yesterday/tomorrow and
    starts at most :data:`_LEAD_WORDS` words before the first of them, so the
    pattern is tried only at the word starts there, in text order, each match
    ending where the search goes on (as ``finditer`` does).
    """
    if any(hint in text for hint in _DAY_WORD_HINTS):
        anchors = sorted({*anchors, *(m.start() for m in _DAY_WORD.finditer(text))})
    done = 0  # every position before this was tried, or lies inside a match
    for anchor in anchors:
        if anchor < done:
            continue
        pos = max(_lead_start(text, anchor), done)
        while (word := _WORD_START.search(text, pos, anchor + 1)) is not None:
            m = _DAY_EXPR.match(text, word.start())
            if m is None:
                pos = word.start() + 1
                continue
            yield m
            pos = m.end()
            if pos > anchor:
                break
        done = max(pos, anchor + 1)


def _lead_start(text: str, anchor: int) -> int:
    """Where the words that may lead up to a day expression's ``anchor`` start."""
    start = anchor
    for _ in range(_LEAD_WORDS):
        end = start
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if end == start or end == 0:
            break
        first = end
        while first > 0 and not text[first - 1].isspace():
            first -= 1
        if _LEAD_TOKEN.search(text, first, end) is None:
            break
        start = first
    return start


def _month_years(text: str, anchors: Sequence[int]) -> Iterator[re.Match[str]]:
    """What ``_MONTH_YEAR.finditer(text)`` finds: each match starts at a month anchor."""
    end = 0
    for anchor in anchors:
        if anchor >= end and (m := _MONTH_YEAR.match(text, anchor)) is not None:
            yield m
            end = m.end()


def _month_alones(text: str, anchors: Sequence[int]) -> Iterator[re.Match[str]]:
    """The months named alone (:data:`_MONTH_ALONE`): each ends a word before a month anchor."""
    for anchor in anchors:
        m = _MONTH_ALONE.match(text, _lead_word_start(text, anchor))
        if m is not None and m.start("month") == anchor:
            yield m


def _lead_word_start(text: str, anchor: int) -> int:
    """Where the word before ``anchor`` (after its blanks) starts; ``anchor`` when none."""
    end = anchor
    while end > 0 and text[end - 1].isspace():
        end -= 1
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return start if end < anchor else anchor


def _month_alone_value(
    m: re.Match[str], text: str, sentence: tuple[int, int], published: date
) -> str:
    """The ISO year-month of a month named alone: the nearest such month on or before
    the published one, or on or after it when the words of its clause before it look ahead
    ("will be held in March"; the sentence around is not read: "In May" is no modal)."""
    month = _MONTH_NUMBER[m.group("month").lower()]
    before = text[sentence[0] : m.start()]
    clause = before[_last_clause_start(before) :]
    ahead = bool(_FUTURE.search(clause)) and not _PERFECT.search(clause)
    year = published.year
    if ahead and month < published.month:
        year += 1
    elif not ahead and month > published.month:
        year -= 1
    return f"{year}-{month:02d}"


def _iso_value(m: re.Match[str]) -> str:
    """An ISO date (or date and minute) as written, or "" when not a real date."""
    try:
        day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return ""
    if m.group(4) and int(m.group(4)) < 24 and int(m.group(5)) < 60:
        return f"{day.isoformat()}T{m.group(4)}:{m.group(5)}"
    return day.isoformat()


def _day_value(
    m: re.Match[str], text: str, sentence: tuple[int, int], published: date | None
) -> str:
    """The ISO value of a day expression with its part of the day, "" if unresolved."""
    day = _resolve_day(m.group("day"), text, m.start(), m.end(), sentence, published)
    if day is None:
        return ""
    modifier = _WORDS.modifiers.get((m.group("mod") or "").lower(), "")
    said = m.group("part1") or m.group("part2") or m.group("part3") or ""
    part = _WORDS.parts.get(said.lower(), "")
    clock = PART_OF_DAY.get((modifier, part)) or PART_OF_DAY.get(("", part))
    return f"{day.isoformat()}T{clock}" if clock else day.isoformat()


def _with_clock(
    text: str, start: int, end: int, value: str, sentence: tuple[int, int]
) -> tuple[int, int, str]:
    """A day expression ``text[start:end]`` (ISO ``value``) with a clock time told right
    before or after it in its sentence: the span grows over it and the value takes its hour
    and minute ("at 8 a.m. on Monday" → "…T08:00"); unchanged when there is none."""
    if not value:
        return start, end, value
    before = _CLOCK_BEFORE_DAY.search(text, max(sentence[0], start - _CLOCK_REACH), start)
    found = before or _CLOCK_AFTER_DAY.match(text, end, sentence[1])
    clock = _clock_value(found) if found else None
    if clock is None:
        return start, end, value
    day = value.split("T", 1)[0]
    return min(start, found.start()), max(end, found.end()), f"{day}T{clock}"


def _clock_value(m: re.Match[str]) -> str | None:
    """The "HH:MM" of a :data:`_CLOCK` match ("8.30 pm" → "20:30"), None for "0 a.m."."""
    if m.group("hour24") is not None:
        return f"{int(m.group('hour24')):02d}:{m.group('minute24')}"
    if int(m.group("hour")) == 0:
        return None  # "0 a.m." is no time a report gives
    hour = int(m.group("hour")) % 12 + (12 if m.group("pm") else 0)
    return f"{hour:02d}:{m.group('minute') or '00'}"


def _resolve_day(
    words: str,
    text: str,
    start: int,
    end: int,
    sentence: tuple[int, int],
    published: date | None,
) -> date | None:
    """The date of a weekday, an explicit date, or today/yesterday/tomorrow."""
    explicit = _EXPLICIT_PARTS.search(words)
    if explicit:
        month_word = explicit.group(1) or explicit.group(4)
        day_number = int(explicit.group(2) or explicit.group(3))
        year = _YEAR_AT_END.search(words)
        return _explicit_date(
            _MONTH_NUMBER[month_word.lower()],
            day_number,
            int(year.group()) if year else None,
            published,
        )
    if published is None:
        return None
    lowered = words.lower()
    if lowered in _WORDS.relative_days:
        return published + timedelta(days=_WORDS.relative_days[lowered])
    *head, name = lowered.split()
    prefix = head[0] if head else ""
    weekday = _WEEKDAY_INDEX[name]
    last = prefix in _WORDS.last_words
    if not prefix:
        bound = _main_clause_day(text, start, sentence, published)
        if bound is not None:
            return _weekday_date(weekday, bound, ahead=False, strict=False)
    ahead = _looks_ahead(text, start, end, sentence) if not prefix else not last
    if ahead is None:
        ahead = _nearer_ahead(weekday, published)
    return _weekday_date(
        weekday, published, ahead=ahead, strict=last or prefix in _WORDS.next_words
    )


def _nearer_ahead(weekday: int, published: date) -> bool:
    """Whether the coming ``weekday`` lies nearer ``published`` than the last one (the day
    itself, and a tie, count as the past: what a report tells is most often done)."""
    return 0 < (weekday - published.weekday()) % 7 < (published.weekday() - weekday) % 7


#: A word opening a phrase of what came before its main clause's event ("after stops in X").
_EARLIER_PHRASE = re.compile(
    rf"\b{_WORDS.phrases('earlier_phrase')}\b" if _WORDS.raw["earlier_phrase"] else "(?!)",
    re.IGNORECASE,
)
_WEEKDAY_WORD = re.compile(rf"\b{_WEEKDAY}\b")


def _main_clause_day(
    text: str, start: int, sentence: tuple[int, int], published: date
) -> date | None:
    """The day of the main clause a weekday at ``start`` is told after, when the weekday
    stands in an "after" phrase with no tense of its own ("is due in X on Saturday after
    stops in Y on Thursday"): the main clause's weekday resolved, else None."""
    before = text[sentence[0] : start]
    opener = None
    for opener in _EARLIER_PHRASE.finditer(before):  # noqa: B007 - the last one is wanted
        pass
    if opener is None:
        return None
    phrase = before[opener.end() :]
    if ";" in phrase or _FUTURE.search(phrase) or _PAST.search(phrase):
        return None
    mains = list(_WEEKDAY_WORD.finditer(before, 0, opener.start()))
    if not mains:
        return None
    main = mains[-1]
    at = sentence[0] + main.start()
    return _resolve_day(main.group(), text, at, at + len(main.group()), sentence, published)


def _explicit_date(month: int, day: int, year: int | None, published: date | None) -> date | None:
    """``month``/``day`` in ``year``, else in the published year (see _YEAR_TURN_DAYS)."""
    if year is not None:
        years = [year]
    elif published is not None:
        years = [published.year - 1, published.year, published.year + 1]
    else:
        return None
    dates = []
    for candidate in years:
        try:
            dates.append(date(candidate, month, day))
        except ValueError:
            continue
    if not dates:
        return None
    if published is None or year is not None:
        return dates[0]
    same = next((d for d in dates if d.year == published.year), None)
    nearest = min(dates, key=lambda d: abs((d - published).days))
    if same is None or (
        abs((same - published).days) > _YEAR_TURN_DAYS[0]
        and abs((nearest - published).days) <= _YEAR_TURN_DAYS[1]
    ):
        return nearest
    return same


def _weekday_date(weekday: int, published: date, *, ahead: bool, strict: bool) -> date:
    """The ``weekday`` nearest ``published``: on/after it when ``ahead``, else on/before."""
    if ahead:
        shift = (weekday - published.weekday()) % 7
        if strict and shift == 0:
            shift = 7
        return published + timedelta(days=shift)
    shift = (published.weekday() - weekday) % 7
    if strict and shift == 0:
        shift = 7
    return published - timedelta(days=shift)


def _looks_ahead(text: str, start: int, end: int, sentence: tuple[int, int]) -> bool | None:
    """Whether the clause around a weekday speaks of the future; None when nothing in its
    sentence tells a tense.

    The words between the last clause break and the weekday decide; when they
    hold no tense cue, the words after it up to the next break do, and then the
    sentence before it ("Others will stay on board …, reaching Moscow on
    Wednesday").  A past verb ("said", "left", "opened") reads as the past; a sentence
    of no tense cue at all ("The train stops overnight in X before climbing the pass on
    Tuesday": a timetable's present) is None, and the weekday is the nearest.
    """
    before = text[max(sentence[0], start - _CLAUSE_WINDOW) : start]
    clause = before[_last_clause_start(before) :]
    if _FUTURE.search(clause):
        return not _PERFECT.search(clause)
    if _PAST.search(clause):
        return False
    after = text[end : min(sentence[1], end + _CLAUSE_WINDOW)]
    after = after.lstrip(" ,")
    stop = _CLAUSE_BREAK.search(after)
    clause = after[: stop.start()] if stop else after
    if _ATTRIBUTION_TAIL.fullmatch(clause) and _FUTURE.search(before):
        # "will spend two nights in X and fly home on Sunday, its organiser said": the past
        # of who said it is when it was told; the sentence's future is the trip's tense
        clause = ""
    if _FUTURE.search(clause) or _PAST.search(clause):
        return bool(_FUTURE.search(clause)) and not _PERFECT.search(clause)
    rest = _FUTURE.sub(" ", _PLAN_PAST.sub(" ", before))  # "is|was expected to": no past verb
    rest = _APPOSITION.sub(",", rest)  # ", linked to the city by a bridge,": no past verb
    if not _FUTURE.search(before) and not _PAST.search(rest) and not _PERFECT.search(before):
        return None  # no tense told at all
    return bool(_FUTURE.search(before)) and not (_PERFECT.search(before) or _PAST.search(rest))


@functools.lru_cache(maxsize=256)
def tells_a_tense(words: str) -> bool:
    """Whether ``words`` (a sentence) tell a tense of their own: a future or a plan, a past
    verb or a perfect; a timetable's present tells none ("Before dawn the express halts at
    X", "After Y the track climbs to Z"). A plan told in the past ("was due to") and a phrase
    describing a place (", linked to Y by a bridge,") hold no past verb."""
    if _FUTURE.search(words) or _PERFECT.search(words):
        return True
    return _PAST.search(_APPOSITION.sub(",", _PLAN_PAST.sub(" ", words))) is not None


def plans_without_a_past(words: str) -> bool:
    """Whether ``words`` (an English sentence) tell a plan and no past verb besides the
    plan's own words: a timetable told on ("It then crosses into X and is scheduled to reach
    Y on Thursday"), not something done ("Before leaving X, he met …")."""
    if _FUTURE.search(words) is None:
        return False
    rest = _FUTURE.sub(" ", _PLAN_PAST.sub(" ", words))
    return _PAST.search(_APPOSITION.sub(",", rest)) is None


def _last_clause_start(words: str) -> int:
    """Where the last clause of ``words`` starts: after its last :data:`_CLAUSE_BREAK`.

    Breaks are single marks or whole words, so the last one is the last word
    break after the last mark, else that mark; only the words after it are searched.
    """
    start = max(words.rfind(mark) for mark in _BREAK_MARKS) + 1
    last = None
    for last in _BREAK_WORD.finditer(words, start):  # noqa: B007 - the last one is wanted
        pass
    return last.end() if last is not None else start


def _now_value(m: re.Match[str], published: date | None) -> str:
    """The ISO value of "tonight", "last night", "this morning"…"""
    if published is None:
        return ""
    if m.group("last"):
        return f"{(published - timedelta(days=1)).isoformat()}T{PART_OF_DAY[('', 'night')]}"
    part = _WORDS.parts[m.group("part").lower()] if m.group("part") else "night"
    return f"{published.isoformat()}T{PART_OF_DAY[('', part)]}"


def _year_word_value(m: re.Match[str], published: date | None) -> str:
    """The year of "last year", "next year", "this year"."""
    if published is None:
        return ""
    which = m.group("which").lower()
    shift = -1 if which in _WORDS.last_words else 1 if which in _WORDS.next_words else 0
    return str(published.year + shift)


def _is_year(text: str, m: re.Match[str]) -> bool:
    """Whether the four digits in ``m`` are a year, not a quantity or a number."""
    if _QUANTITY.match(text, m.end()):
        return False
    return not _QUANTITY_BEFORE.search(text[max(0, m.start() - 20) : m.start()])


def time_refs(
    report: Report,
    spans: Sequence[tuple[int, int]],
    found: Sequence[tuple[int, int, str]],
    part_of: Callable[[str], str] | None = None,
) -> tuple[TimeRef, ...]:
    """``(start, end, ISO value)`` time expressions of ``report`` as TimeRefs in text order,
    each with the sentence that holds it and the part of the day its words say
    (``part_of``, English's :func:`part_said` by default; shared by every language)."""
    part_of = part_of or part_said
    text = report.text
    refs = []
    for start, end, value in sorted(found):
        sentence = _sentence_of(spans, start, end)
        refs.append(
            TimeRef(
                report_id=report.id,
                start=start,
                end=end,
                text=text[start:end],
                date=value,
                sentence_start=sentence[0],
                sentence_end=sentence[1],
                part=part_of(text[start:end]) if "T" in value else "",
            )
        )
    return tuple(refs)


_MODIFIER = re.compile(rf"\b({_MODIFIER_WORD})\b", re.IGNORECASE)
_CLOCK_IN_WORDS = re.compile(_CLOCK, re.IGNORECASE)
_PART_WORD = re.compile(rf"\b({_PART})\b", re.IGNORECASE)


def part_said(words: str) -> str:
    """The part of the day ``words`` say (:data:`PART_LABELS`), "" for a clock time or none.

    "late on Sunday" → "evening", "Saturday morning" → "morning", "tonight" → "night".
    """
    if normal(words) in _WORDS.tonight:
        return PART_LABELS[("", "night")]
    if _CLOCK_IN_WORDS.search(words):
        return ""
    mod = _MODIFIER.search(words)
    part = _PART_WORD.search(words)
    key = (
        _WORDS.modifiers[mod.group(1).lower()] if mod else "",
        _WORDS.parts[part.group(1).lower()] if part else "",
    )
    return PART_LABELS.get(key) or PART_LABELS.get(("", key[1]), "")


def _sentence_of(spans: Sequence[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """The sentence span holding ``start``; the expression itself when none does."""
    index = bisect.bisect_right(spans, (start, float("inf"))) - 1
    if index >= 0 and spans[index][0] <= start < spans[index][1]:
        return spans[index][0], spans[index][1]
    return start, end
