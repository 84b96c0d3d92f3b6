"""Dates and times in Korean and Russian reports, resolved against the published date.

Korean: "9월 10일", "2019년 4월 25일", "10일 오후", "일요일 밤", "지난 일요일", "이날", "전날",
"2019년". Russian: "10 сентября", "25 апреля 2019 года", "в воскресенье", "во вторник утром",
"накануне", "сегодня", "в 2019 году". The words (weekdays, months, today/yesterday/tomorrow,
parts of the day) are those of ``[dates]`` in ``routes/read/lang/<language>.toml``; the rules
of resolution are :mod:`routes.read.when`'s (nearest year, the week around publication).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from datetime import date, timedelta

from routes.model import Report, TimeRef
from routes.read import morph
from routes.read.lexicon import language_table

#: Days a bare Korean day of the month ("10일") may lie after publication and still be in
#: the published month; a later one is of the month before.
_DAY_AHEAD = 7
_KO_DATE = re.compile(
    r"(?:(?P<year>(?:19|20)\d\d)년\s*)?(?P<month>1[0-2]|0?[1-9])월\s*(?P<day>[1-3]?\d)일"
)
#: A bare day of the month ("10일"), not a count of days: "사흘간", "8박 9일", "9일 만에",
#: "5일 동안", "3일째" tell how long, not which day.
_KO_DAY = re.compile(
    r"(?<![\d월])(?<!월 )(?<!박 )(?<!박)(?P<day>[1-3]?\d)일(?![가-힣]*간)(?!\s*(?:만에|동안|째))"
)
_KO_YEAR = re.compile(r"(?P<year>(?:19|20)\d\d)년(?!\s*\d{1,2}월)")
_RU_DATE = re.compile(
    r"\b(?P<day>[1-3]?\d)\s+(?P<month>[а-яё]+)(?:\s+(?P<year>(?:19|20)\d\d)\s*(?:года|г\.|год)?)?"
)
_RU_WEEKDAY = re.compile(r"\b(?:[Вв]о?\s+)(?P<weekday>[а-яё]+)")
_RU_YEAR = re.compile(r"\b(?P<year>(?:19|20)\d\d)\s+(?:году|года|год)\b")


@functools.cache
def _words(language: str) -> dict:
    """The ``[dates]`` table of the language's file, checked: every part of the day has a
    clock and a label a reader can be shown (one of :data:`routes.read.when.PART_LABELS`)."""
    from routes.read.when import PART_LABELS

    dates = language_table(language, "dates")
    if "weekdays" not in dates or "parts" not in dates:
        msg = f"{language}.toml: [dates] needs weekdays and parts"
        raise ValueError(msg)
    labels = set(PART_LABELS.values())
    for word, part in dates["parts"].items():
        if not isinstance(part, dict) or set(part) != {"clock", "label"}:
            msg = f"{language}.toml: [dates.parts] {word!r} needs a clock and a label"
            raise ValueError(msg)
        if part["label"] not in labels:
            msg = (
                f"{language}.toml: [dates.parts] {word!r}: label {part['label']!r} "
                f"is none of {sorted(labels)}"
            )
            raise ValueError(msg)
    return dates


def _alternation(words) -> str:
    """A regex alternation of ``words``, longest first; one that never matches for none."""
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True))) or "(?!x)x"


@functools.cache
def _clock_pattern(language: str) -> re.Pattern[str]:
    """A clock time of ``[dates.clock]`` right at a position, after a day or its part:
    maybe a word before it, the hour with its minutes ("8:30"), with the words of the
    hour ("8시 30분", "8 часов") or with a word of the morning or afternoon ("8 утра")."""
    clock = _words(language).get("clock", {})
    before = _alternation(clock.get("before", ()))
    hour_words = _alternation(clock.get("hour_words", ()))
    minute_words = _alternation(clock.get("minute_words", ()))
    half = _alternation(clock.get("half", ()))
    after = _alternation((*clock.get("am_after", ()), *clock.get("pm_after", {})))
    tail = _alternation(clock.get("after", ()))
    lead = rf"(?:{before})\s+" if clock.get("before") else ""
    return re.compile(
        rf"\s*{lead}(?P<hour>2[0-3]|[01]?\d)(?:[:.](?P<minute>[0-5]\d)(?!\d)"
        rf"|\s*(?:{hour_words})(?:\s*(?P<minutes>[0-5]?\d)\s*(?:{minute_words})|\s*(?P<half>{half}))?"
        rf"|(?=\s+(?:{after})(?!\w)))"
        rf"(?:\s+(?P<after>{after}))?(?![\w:])(?:\s+(?:{tail})(?!\w))?",
        re.IGNORECASE,
    )


@functools.cache
def _clock_in_words(language: str) -> re.Pattern[str]:
    """A number with the words of an hour or of the morning or afternoon after it, or an
    hour with its minutes: the words of a time expression include a clock time."""
    clock = _words(language).get("clock", {})
    marks = (*clock.get("hour_words", ()), *clock.get("am_after", ()), *clock.get("pm_after", {}))
    return re.compile(rf"\d[:.][0-5]\d|\d\s*(?:{_alternation(marks)})", re.IGNORECASE)


def _clock_at(text: str, at: int, part: str, language: str) -> tuple[int, str] | None:
    """The end and "HH:MM" of a clock time told right at ``at`` (after a day, or after its
    ``part`` of the day), None when there is none or the report says it is not local time.

    "오후 3시 반" → 15:30, "밤 11시" → 23:00, "в 8 часов вечера" → 20:00, "в 8:30" → 08:30.
    """
    clock = _words(language).get("clock", {})
    m = _clock_pattern(language).match(text, at)
    if m is None:
        return None
    hour = int(m.group("hour"))
    minute = int(m.group("minute") or m.group("minutes") or (30 if m.group("half") else 0))
    after = (m.group("after") or "").lower()
    shift_from = clock.get("pm_after", {}).get(after) or clock.get("pm_parts", {}).get(part)
    if shift_from is not None and shift_from <= hour < 12:
        hour += 12
    if _said_not_local(text, at, m.end(), clock.get("not_local", ())):
        return None
    return m.end(), f"{hour:02d}:{minute:02d}"


#: How far before a clock time a word saying it is not local may stand ("한국시간으로 11일
#: 오전 8시": before the day the clock follows).
_NOT_LOCAL_REACH = 24


def _said_not_local(text: str, start: int, end: int, words) -> bool:
    """Whether a word of ``not_local`` ("по московскому времени", "한국시간") stands right
    after the clock (``text[start:end]``) or before it in its sentence: the clock is another
    zone's."""
    after = text[end:].lstrip(" ,(").lower()
    before = text[max(0, start - _NOT_LOCAL_REACH) : start].lower()
    before = re.split(r"[.!?]", before)[-1]
    return any(after.startswith(w.lower()) or w.lower() in before for w in words)


@functools.cache
def _ahead_words(language: str) -> re.Pattern[str]:
    """The ``ahead`` stems of the language's ``[dates]``: words of a clause that put its
    weekday in the coming week (plans, expectations: 예정, ожидается, ждут)."""
    stems = _words(language).get("ahead", [])
    return re.compile("|".join(map(re.escape, stems)) or "(?!x)x", re.IGNORECASE)


def find_times(
    report: Report, spans: Sequence[tuple[int, int]], language: str
) -> tuple[TimeRef, ...]:
    """The time expressions of a Korean or Russian report, in text order.

    Parameters
    ----------
    report
        The report; ``report.published`` anchors relative expressions (skipped without it).
    spans
        Its sentence spans.
    language
        "ko" or "ru".

    Returns
    -------
    tuple of TimeRef
        ``report.text[start:end]`` is exactly the time words; ``date`` an ISO date, a
        datetime for a part of the day, or a year.
    """
    text = report.text
    finder = _korean if language == "ko" else _russian
    taken = bytearray(len(text))
    found = []
    for start, end, value in finder(text, report.published, spans):
        if value and not any(taken[start:end]):
            taken[start:end] = b"\x01" * (end - start)
            found.append((start, end, value))
    words = _words(language)
    found = _that_day(text, sorted(found), spans, words.get("that_day", ()))
    found = _a_day_apart(text, found, words)
    from routes.read.when import time_refs  # when.py hands Korean and Russian to this module

    return time_refs(report, spans, found, part_of=functools.partial(part_said, language))


def _that_day(
    text: str, found: list[tuple[int, int, str]], spans: Sequence[tuple[int, int]], words
) -> list[tuple[int, int, str]]:
    """``found`` (in text order) with each "that day" word (``that_day``: "이날") dated by
    the day written last before it in its sentence ("7일 오후 프라하를 떠난 열차는 이날 밤
    …": the 7th), not by publication; with no day before it, it keeps its own reading."""
    if not words:
        return found
    kept: list[tuple[int, int, str]] = []
    for start, end, value in found:
        named = text[start:end]
        word = next((w for w in words if named.startswith(w)), None)
        low = next((a for a, b in spans if a <= start < b), 0)
        before = [v for s, _, v in kept if low <= s < start and _ISO_DAY.match(v)]
        if word is not None and before:
            day = before[-1][:10]
            part = value[10:] if len(value) > 10 else ""
            value = day + part
        kept.append((start, end, value))
    return kept


def _a_day_apart(
    text: str, found: list[tuple[int, int, str]], words: dict
) -> list[tuple[int, int, str]]:
    """``found`` (in text order) with each word of the day before or after another day
    (``previous_day``: "накануне", "전날"; ``next_day``: "이튿날") dated against the day
    written last before it in the report ("В понедельник прибыл в X, а накануне …": the
    Sunday; "10일 … 도착했다. 전날 …": the 9th), not against publication; with no day before
    it, it keeps its own reading (a day from publication)."""
    shifts = {w: -1 for w in words.get("previous_day", ())}
    shifts |= {w: 1 for w in words.get("next_day", ())}
    if not shifts:
        return found
    kept: list[tuple[int, int, str]] = []
    for start, end, value in found:
        named = text[start:end].lower()
        word = max((w for w in shifts if named.startswith(w.lower())), key=len, default=None)
        before = [v for _, _, v in kept if _ISO_DAY.match(v)]
        if word is not None and before:
            day = date.fromisoformat(before[-1][:10]) + timedelta(days=shifts[word])
            value = day.isoformat() + (value[10:] if len(value) > 10 else "")
        kept.append((start, end, value))
    return kept


#: An ISO day, maybe with a time ("2023-09-10", "2023-09-10T21:00").
_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def _with_part(text: str, end: int, day: date, language: str) -> tuple[int, str]:
    """The end and ISO value of a day with the part of the day and the clock time written
    right after it ("11일 오전 8시 30분" → …T08:30, "10일 밤" → …T22:00, the part's clock)."""
    parts = _words(language)["parts"]
    rest = text[end : end + 8]
    stripped = rest.lstrip()
    word = next((w for w in sorted(parts, key=len, reverse=True) if stripped.startswith(w)), "")
    value = f"{day.isoformat()}T{parts[word]['clock']}" if word else day.isoformat()
    if word:
        end += len(rest) - len(stripped) + len(word)
    clock = _clock_at(text, end, word, language)
    if clock is not None:
        end, value = clock[0], f"{day.isoformat()}T{clock[1]}"
    return end, value


def part_said(language: str, words: str) -> str:
    """The part of the day Korean or Russian ``words`` say, as a reader would put it ("10일
    밤" → "night", "в воскресенье вечером" → "evening"), "" for a clock time or none."""
    parts = _words(language)["parts"]
    if _clock_in_words(language).search(words):
        return ""
    found = [w for w in parts if w in words]
    return parts[max(found, key=len)]["label"] if found else ""


def _ahead(
    text: str, spans: Sequence[tuple[int, int]], start: int, pattern: re.Pattern[str]
) -> bool:
    """Whether the clause after ``start`` (to its comma or full stop) looks ahead."""
    _, end = _sentence_span(spans, text, start)
    stop = _CLAUSE_END.search(text, start, end)
    return pattern.search(text, start, stop.start() if stop else end) is not None


_CLAUSE_END = re.compile(r"[,.;]")
_CLAUSE_MARK = re.compile(r"[,.;:]")


def _clause_around(text: str, spans: Sequence[tuple[int, int]], start: int) -> str:
    """The clause of ``text`` holding ``start``: from the mark before it to the one after."""
    low, high = _sentence_span(spans, text, start)
    before = [m.end() for m in _CLAUSE_MARK.finditer(text, low, start)]
    after = _CLAUSE_MARK.search(text, start, high)
    return text[before[-1] if before else low : after.start() if after else high]


def _looks_ahead_ru(clause: str) -> bool:
    """Whether a Russian clause looks ahead: an ``ahead`` word or a verb in the future."""
    return _ahead_words("ru").search(clause) is not None or _future(clause)


def _sentence_around(spans: Sequence[tuple[int, int]], text: str, start: int) -> str:
    """The sentence of ``text`` holding ``start``."""
    low, high = _sentence_span(spans, text, start)
    return text[low:high]


def _sentence_span(spans: Sequence[tuple[int, int]], text: str, start: int) -> tuple[int, int]:
    """The span of the sentence (of ``spans``) holding ``start``; the whole text when none
    does."""
    return next(((low, high) for low, high in spans if low <= start < high), (0, len(text)))


def _future(clause: str) -> bool:
    """Whether a Russian clause has a verb in the future tense.

    "в субботу они вылетят в Улан-Удэ", "которую, как ожидается, осмотрит в воскресенье":
    the weekday is the coming one whichever side of it the verb stands (so are the
    ``ahead`` words: "в Москву гостя ждут в субботу").
    """
    return morph.russian_future(clause)


def _korean(
    text: str, published: date | None, spans: Sequence[tuple[int, int]]
) -> Iterator[tuple[int, int, str]]:
    """Korean time expressions as (start, end, ISO value), most specific first."""
    from routes.read.when import _explicit_date, _weekday_date

    language = "ko"
    words = _words(language)
    for m in _KO_DATE.finditer(text):
        year = int(m.group("year")) if m.group("year") else None
        day = _explicit_date(int(m.group("month")), int(m.group("day")), year, published)
        if day is not None:
            end, value = _with_part(text, m.end(), day, language)
            yield m.start(), end, value
    for m in _KO_YEAR.finditer(text):
        yield m.start(), m.end(), m.group("year")
    if published is None:
        return
    for m in _KO_DAY.finditer(text):
        shift = _month_named_before(text, m.start(), words)
        day = (
            _month_day(int(m.group("day")), published)
            if shift is None
            else _day_of_month_shifted(int(m.group("day")), published, shift)
        )
        if day is not None:
            end, value = _with_part(text, m.end(), day, language)
            yield m.start(), end, value
    for index, name in enumerate(words["weekdays"]):
        for m in re.finditer(rf"(?:(?P<mod>지난|오는|다음)\s*)?{name}", text):
            mod = m.group("mod")
            ahead = mod in ("오는", "다음") or (
                mod is None and _ahead(text, spans, m.start(), _ahead_words("ko"))
            )
            day = _weekday_date(index, published, ahead=ahead, strict=mod is not None)
            end, value = _with_part(text, m.end(), day, language)
            yield m.start(), end, value
    yield from _relative(text, published, words, language)


#: Most characters between a word naming a month and the day after it ("다음 달 5일").
_MONTH_WORD_REACH = 6


def _month_named_before(text: str, start: int, words: dict) -> int | None:
    """The months from publication a word right before a bare day names ("다음 달 5일": 1,
    "지난달 28일": -1, "이달 3일": 0: ``next_month``, ``last_month``, ``this_month`` of
    ``[dates]``), None for none."""
    before = text[max(0, start - _MONTH_WORD_REACH) : start].rstrip()
    for key, shift in (("next_month", 1), ("last_month", -1), ("this_month", 0)):
        if any(before.endswith(word) for word in words.get(key, ())):
            return shift
    return None


def _day_of_month_shifted(number: int, published: date, months: int) -> date | None:
    """Day ``number`` of the month ``months`` after publication's (before, when negative)."""
    month_index = published.year * 12 + published.month - 1 + months
    try:
        return date(month_index // 12, month_index % 12 + 1, number)
    except ValueError:
        return None


def _month_day(number: int, published: date) -> date | None:
    """A bare day of the month: in the published month, or the one before when it lies ahead."""
    try:
        day = published.replace(day=number)
    except ValueError:
        return None
    if (day - published).days > _DAY_AHEAD:
        previous = published.replace(day=1) - timedelta(days=1)
        try:
            return previous.replace(day=number)
        except ValueError:
            return None
    return day


def _relative(
    text: str, published: date, words: dict, language: str
) -> Iterator[tuple[int, int, str]]:
    """Today, yesterday, tomorrow words ("이날", "вчера") with any part of the day; words of
    the day before or after another day ("накануне", "이튿날") as if that day were today
    (:func:`_a_day_apart` dates them against the day told before them)."""
    shifts = (("today", 0), ("yesterday", -1), ("tomorrow", 1))
    for key, shift in (*shifts, ("previous_day", -1), ("next_day", 1)):
        for word in words.get(key, ()):
            for m in re.finditer(rf"(?<![\w]){re.escape(word)}(?![\w])", text, re.IGNORECASE):
                end, value = _with_part(text, m.end(), published + timedelta(days=shift), language)
                yield m.start(), end, value


def _russian(
    text: str, published: date | None, spans: Sequence[tuple[int, int]]
) -> Iterator[tuple[int, int, str]]:
    """Russian time expressions as (start, end, ISO value), most specific first."""
    from routes.read.when import _explicit_date, _weekday_date

    language = "ru"
    words = _words(language)
    months = {name: i + 1 for i, name in enumerate(words["months"])}
    weekdays = {name: i for i, name in enumerate(words["weekdays"])}
    weekdays |= {form: weekdays[name] for form, name in words.get("weekday_forms", {}).items()}
    for m in _RU_DATE.finditer(text):
        month = months.get(morph.russian_lemma(m.group("month")))
        if month is None:
            continue
        year = int(m.group("year")) if m.group("year") else None
        day = _explicit_date(month, int(m.group("day")), year, published)
        if day is not None:
            end = m.end() if year else m.end("month")
            end, value = _with_part(text, end, day, language)
            yield m.start(), end, value
    for m in _RU_YEAR.finditer(text):
        yield m.start(), m.end(), m.group("year")
    if published is None:
        return
    for m in _RU_WEEKDAY.finditer(text):
        word = m.group("weekday").lower()
        weekday = weekdays.get(word, weekdays.get(morph.russian_lemma(word)))
        if weekday is None:
            continue
        clause = _clause_around(text, spans, m.start())
        if not _looks_ahead_ru(clause) and not morph.russian_past(clause):
            clause = _sentence_around(spans, text, m.start())  # a clause of no tense: the
            # sentence's ("Утром в среду у него стоянка в X, а в Y он должен прибыть")
        day = _weekday_date(weekday, published, ahead=_looks_ahead_ru(clause), strict=False)
        end, value = _with_part(text, m.end(), day, language)
        yield m.start(), end, value
    yield from _relative(text, published, words, language)
