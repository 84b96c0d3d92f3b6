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
_KO_DAY = re.compile(r"(?<![\d월])(?<!월 )(?P<day>[1-3]?\d)일(?![가-힣]*간)")
_KO_YEAR = re.compile(r"(?P<year>(?:19|20)\d\d)년(?!\s*\d{1,2}월)")
_RU_DATE = re.compile(
    r"\b(?P<day>[1-3]?\d)\s+(?P<month>[а-яё]+)(?:\s+(?P<year>(?:19|20)\d\d)\s*(?:года|г\.|год)?)?"
)
_RU_WEEKDAY = re.compile(r"\b(?:[Вв]о?\s+)(?P<weekday>[а-яё]+)")
_RU_YEAR = re.compile(r"\b(?P<year>(?:19|20)\d\d)\s+(?:году|года|год)\b")


@functools.cache
def _words(language: str) -> dict:
    """The ``[dates]`` table of the language's file."""
    dates = language_table(language, "dates")
    if "weekdays" not in dates or "parts" not in dates:
        msg = f"{language}.toml: [dates] needs weekdays and parts"
        raise ValueError(msg)
    return dates


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

    return time_refs(report, spans, found)


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


def _with_part(text: str, end: int, day: date, parts: dict[str, str]) -> tuple[int, str]:
    """The end and ISO value of a day with the part of the day written right after it."""
    rest = text[end : end + 8]
    stripped = rest.lstrip()
    for word in sorted(parts, key=len, reverse=True):
        if stripped.startswith(word):
            return end + len(rest) - len(stripped) + len(word), f"{day.isoformat()}T{parts[word]}"
    return end, day.isoformat()


def _ahead(
    text: str, spans: Sequence[tuple[int, int]], start: int, pattern: re.Pattern[str]
) -> bool:
    """Whether the clause after ``start`` (to its comma or full stop) looks ahead."""
    end = next((high for low, high in spans if low <= start < high), len(text))
    stop = _CLAUSE_END.search(text, start, end)
    return pattern.search(text, start, stop.start() if stop else end) is not None


_CLAUSE_END = re.compile(r"[,.;]")
_CLAUSE_MARK = re.compile(r"[,.;:]")


def _clause_around(text: str, spans: Sequence[tuple[int, int]], start: int) -> str:
    """The clause of ``text`` holding ``start``: from the mark before it to the one after."""
    low, high = next(((a, b) for a, b in spans if a <= start < b), (0, len(text)))
    before = [m.end() for m in _CLAUSE_MARK.finditer(text, low, start)]
    after = _CLAUSE_MARK.search(text, start, high)
    return text[before[-1] if before else low : after.start() if after else high]


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

    words = _words("ko")
    parts = words["parts"]
    for m in _KO_DATE.finditer(text):
        year = int(m.group("year")) if m.group("year") else None
        day = _explicit_date(int(m.group("month")), int(m.group("day")), year, published)
        if day is not None:
            end, value = _with_part(text, m.end(), day, parts)
            yield m.start(), end, value
    for m in _KO_YEAR.finditer(text):
        yield m.start(), m.end(), m.group("year")
    if published is None:
        return
    for m in _KO_DAY.finditer(text):
        day = _month_day(int(m.group("day")), published)
        if day is not None:
            end, value = _with_part(text, m.end(), day, parts)
            yield m.start(), end, value
    for index, name in enumerate(words["weekdays"]):
        for m in re.finditer(rf"(?:(?P<mod>지난|오는|다음)\s*)?{name}", text):
            mod = m.group("mod")
            ahead = mod in ("오는", "다음") or (
                mod is None and _ahead(text, spans, m.start(), _ahead_words("ko"))
            )
            day = _weekday_date(index, published, ahead=ahead, strict=mod is not None)
            end, value = _with_part(text, m.end(), day, parts)
            yield m.start(), end, value
    yield from _relative(text, published, words, parts)


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
    text: str, published: date, words: dict, parts: dict[str, str]
) -> Iterator[tuple[int, int, str]]:
    """Today, yesterday, tomorrow words ("이날", "вчера") with any part of the day; words of
    the day before or after another day ("накануне", "이튿날") as if that day were today
    (:func:`_a_day_apart` dates them against the day told before them)."""
    shifts = (("today", 0), ("yesterday", -1), ("tomorrow", 1))
    for key, shift in (*shifts, ("previous_day", -1), ("next_day", 1)):
        for word in words.get(key, ()):
            for m in re.finditer(rf"(?<![\w]){re.escape(word)}(?![\w])", text, re.IGNORECASE):
                end, value = _with_part(text, m.end(), published + timedelta(days=shift), parts)
                yield m.start(), end, value


def _russian(
    text: str, published: date | None, spans: Sequence[tuple[int, int]]
) -> Iterator[tuple[int, int, str]]:
    """Russian time expressions as (start, end, ISO value), most specific first."""
    from routes.read.when import _explicit_date, _weekday_date

    words = _words("ru")
    parts = words["parts"]
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
            end, value = _with_part(text, end, day, parts)
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
        ahead = _ahead_words("ru").search(clause) is not None or _future(clause)
        day = _weekday_date(weekday, published, ahead=ahead, strict=False)
        end, value = _with_part(text, m.end(), day, parts)
        yield m.start(), end, value
    yield from _relative(text, published, words, parts)
