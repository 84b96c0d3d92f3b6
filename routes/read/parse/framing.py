"""What the words around a name say it is: part of pass 1 (candidates).

Datelines ("IRKUTSK, July 31 (Wire) -"), regions ("the Sumy region"), models, craft and
landmarks that are no town ("Tu-160", "the cruiser Aurora", "St Michael's Cathedral"),
writing in lower case (live blogs, quoted posts), and places described rather than named:
border crossings ("North Korea's border with China", from ``geodata/crossings.json``) and the
``[[descriptions]]`` of the language file ("Russia's Far East").
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterator, Sequence
from dataclasses import replace

from routes.model import Kind, Role
from routes.read.crossings import Crossing, load_crossings
from routes.read.gazetteer import Gazetteer, normalize
from routes.read.parse.match import Match, new_match, readings_of
from routes.read.parse.words import LEXICON, holds_any

#: Border crossings described in words (lang/en.toml ``[borders]``), with the country words.
_BORDERS = LEXICON.borders
_BORDER_ANCHORS = LEXICON.border_anchors


_BORDER_WORDS = LEXICON.border_words


#: Places described in words (lang/en.toml ``[[descriptions]]``): place id, pattern, gates.
_PLACE_DESCRIPTIONS = LEXICON.descriptions


#: Words for a country's first-level region, after its name or before it with "of".
_REGION_WORDS = "region|province|oblast|krai|kray|territory|prefecture|autonomous region"


_REGION_AFTER = re.compile(rf"\s+({_REGION_WORDS})\b", re.IGNORECASE)


_REGION_BEFORE = re.compile(rf"\b(?:the\s+)?({_REGION_WORDS})\s+of\s+$", re.IGNORECASE)


def as_region(text: str, match: Match) -> Match:
    """``match`` read as a region when the words around it say so ("the Sumy region").

    The region word after the name joins the match; see
    :func:`routes.read.parse.resolve.region_place` for the place it becomes.
    """
    after = _REGION_AFTER.match(text, match.end)
    if after is not None:
        return replace(match, end=after.end(), region=after.group(1).lower())
    low = max(0, match.start - 30)
    before = (
        _REGION_BEFORE.search(text, low, match.start)
        if _ends_with_of(text, low, match.start)
        else None
    )
    if before is not None:
        return replace(match, region=before.group(1).lower())
    return match


def _ends_with_of(text: str, low: int, high: int) -> bool:
    """Whether ``text[low:high]`` ends with "of" (any case) and a blank, as every match of
    the "… of " patterns ending before a place does: others need not be searched."""
    window = text[low:high]
    stripped = window.rstrip()
    return len(stripped) < len(window) and stripped[-2:].lower() == "of"


_DATELINE_CAP = r"[A-ZÀ-ÖØ-Þ][\w'’.]*"


_MONTHS = "|".join(LEXICON.frames.get("dateline_months", ()))


#: What follows the place of a dateline: a country or region maybe, then a date or an outlet.
_DATELINE_AFTER = re.compile(
    rf"(?:,\s*{_DATELINE_CAP}(?:\s{_DATELINE_CAP}){{0,2}})?(?:,\s+(?i:{_MONTHS})\.?\s+\d{{1,2}}\b|"
    rf",?\s*\([^()\n]{{1,40}}\)\s*[-‐–—:])",
)


#: A dateline's date ("SEOUL, Sept 18 (Wire) -", "ULAN-UDE, Russia, Aug. 24 -"): a place
#: opening a line, maybe a country or region, then the date (group "date").
_DATELINE_DATE = re.compile(
    rf"[ \t\ufeff]*{_DATELINE_CAP}(?:[ -]{_DATELINE_CAP}){{0,3}}"
    rf"(?:,\s*{_DATELINE_CAP}(?:\s{_DATELINE_CAP}){{0,2}})?"
    rf",\s+(?P<date>(?i:{_MONTHS})\.?\s+\d{{1,2}}\b)"
)


def in_dateline_date(text: str, start: int) -> bool:
    """Whether ``start`` lies in the date of a dateline ("SEOUL, Aug 18 (Wire) -"): the day
    the report was filed, which dates nothing it tells."""
    line = text.rfind("\n", 0, start) + 1
    m = _DATELINE_DATE.match(text, line)
    return m is not None and m.start("date") <= start < m.end("date")


def is_dateline(text: str, start: int, end: int) -> bool:
    """Whether the place at ``start:end`` is the dateline ("SEOUL, Sept 18 (Wire) -").

    It opens the report (or a line of it) and is followed by a date or a bracketed outlet.
    """
    line = text.rfind("\n", 0, start) + 1
    if text[line:start].strip(" \t\ufeff"):
        return False
    return _DATELINE_AFTER.match(text, end) is not None


#: "Tu-160", "Il-62": a model, not a place (its maker's letters are short: "Yak-130" at most;
#: a longer name before a number is a numbered station, "Almaty-2", "Moskva-3").
_MODEL_AFTER = re.compile(r"[-‐]?\d")
_MODEL_LETTERS = 3


#: "the cruiser Aurora", "a dining car nicknamed \"L'Oriental\"": a craft's name (maybe
#: quoted).
_VESSEL_BEFORE = re.compile(
    r"\b(?:" + "|".join(re.escape(w) for w in LEXICON.vessels) + r")\s+[\"“‘']?$",
    re.IGNORECASE,
)


#: "a dining car nicknamed \"L'Oriental\"": a thing given the name (``named_things``).
_NAMED_THING_BEFORE = re.compile(
    r"\b(?:" + ("|".join(re.escape(w) for w in LEXICON.named_things) or "(?!)") + r")\s+[\"“‘']?$",
    re.IGNORECASE,
)


#: "the Angara rocket", "a Kursk-class submarine": a model of craft named after the place.
_VESSEL_AFTER = re.compile(
    r"[ -](?:" + "|".join(re.escape(w) for w in LEXICON.vessels_after) + r")\b", re.IGNORECASE
)


_LANDMARK_AFTER = re.compile(
    r"(?:['’]s)?(?-i:(?:[ -][A-Z][\w'’-]*){0,3})\s+(?:"
    + "|".join(re.escape(w) for w in LEXICON.landmarks)
    + r")\b",
    re.IGNORECASE,
)


#: "the mausoleum of Ho Chi Minh", "the museum of Gagarin": a landmark named after the name.
_LANDMARK_OF_BEFORE = re.compile(
    r"\b(?:" + "|".join(re.escape(w) for w in LEXICON.landmarks) + r")\s+of\s+$",
    re.IGNORECASE,
)


def names_something_else(text: str, match: Match) -> bool:
    """Whether a name only GeoNames knows is a model, a craft or a landmark here, or any
    name is one given to a thing.

    "Tu-160" (Tsu; but "Almaty-2 station" is Almaty's), "the cruiser Aurora", "the Angara
    rocket" (Ankara), "St Michael's Cathedral" (Saint Michael, USA), "the mausoleum of Ho Chi
    Minh" (the city); "a dining car nicknamed \"L'Oriental\"", "dubbed \"Moskva\""
    (``named_things``) whatever the name.
    """
    if _NAMED_THING_BEFORE.search(text, max(0, match.start - 20), match.start):
        return True
    if not match.global_only:
        return False
    if match.end - match.start <= _MODEL_LETTERS and _MODEL_AFTER.match(text, match.end):
        return True
    if _VESSEL_BEFORE.search(text, max(0, match.start - 30), match.start):
        return True
    if _VESSEL_AFTER.match(text, match.end):
        return True
    low = max(0, match.start - 30)
    if _ends_with_of(text, low, match.start) and _LANDMARK_OF_BEFORE.search(text, low, match.start):
        return True
    return _LANDMARK_AFTER.match(text, match.end) is not None


#: A report is written in lower case (a live blog, a ticker) when fewer than this share of
#: its words (of at least :data:`_LOWER_CASE_WORDS`) start with a capital (wire copy: 15-25%).
LOWER_CASE_SHARE = 0.10


_LOWER_CASE_WORDS = 20


#: In such a report a name matches only a curated place or a GeoNames place this big.
LOWER_CASE_POPULATION = 100_000


_LETTER_WORD = re.compile(r"(?<![\w'’])[^\W\d_]")


def lower_case(text: str) -> bool:
    """Whether ``text`` is written in lower case throughout (names too: "to kyiv")."""
    firsts = _LETTER_WORD.findall(text[:2000])
    if len(firsts) < _LOWER_CASE_WORDS:
        return False
    return sum(map(str.isupper, firsts)) < LOWER_CASE_SHARE * len(firsts)


#: A quoted passage ("finally left ulaanbaatar, next stop russia") of this many words or more
#: is read as lower-case writing when none of its words starts with a capital.
_QUOTE_WORDS = 4


_QUOTE = re.compile(r"[\"“]([^\"“”\n]{10,400})[\"”]")


def lower_case_quotes(text: str) -> list[tuple[int, int]]:
    """The quoted passages of ``text`` written all in lower case (posts, messages)."""
    spans = []
    for m in _QUOTE.finditer(text):
        firsts = _LETTER_WORD.findall(m.group(1))
        if len(firsts) >= _QUOTE_WORDS and not any(c.isupper() for c in firsts):
            spans.append(m.span(1))
    return spans


def capitalised(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` with every word's first letter in ``spans`` a capital, offsets unchanged."""
    out = text
    for low, high in spans:
        part = _LETTER_WORD.sub(lambda m: m.group().upper(), text[low:high])
        if len(part) == high - low:
            out = out[:low] + part + out[high:]
    return out


def uncased(match: Match, spans: Sequence[tuple[int, int]], text: str = "") -> Match | None:
    """A match found in lower-case writing kept only when a curated or big place, or one
    right after a word of place ("has left przemysl", "near the medyka border post":
    ``[frames] place_before``, maybe "the" between), else as is."""
    if not any(low <= match.start < high for low, high in spans):
        return match
    big = any(p.curated or p.population >= LOWER_CASE_POPULATION for p in match.candidates)
    if not big and not _PLACE_WORD_BEFORE.search(text, max(0, match.start - 30), match.start):
        return None
    return replace(match, cased=False, embedded=False, initial=False)


#: A word of place (``[frames] place_before``), maybe then "the", right before a name.
_PLACE_WORD_BEFORE = re.compile(
    r"(?<![\w'’])(?:"
    + ("|".join(map(re.escape, LEXICON.frames.get("place_before", ()))) or "(?!)")
    + r")\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def description_matches(text: str, gazetteer: Gazetteer) -> Iterator[Match]:
    """Places described, not named: border crossings ("North Korea's border with China") and
    the descriptions of ``[[descriptions]]`` ("Russia's Far East")."""
    lowered = text.lower()
    taken: list[tuple[int, int]] = []
    if holds_any(lowered, _BORDER_ANCHORS):
        for m in _border_descriptions(text, gazetteer):
            if not any(s < m.end and m.start < e for s, e in taken):
                taken.append((m.start, m.end))
                yield m
    for description in _PLACE_DESCRIPTIONS:
        if not holds_any(lowered, description.gates):
            continue
        place = gazetteer.get(description.role)
        if place is None:
            continue
        for m in description.pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            yield new_match(m.start(), m.end(), readings_of((place,)))


def _border_descriptions(text: str, gazetteer: Gazetteer) -> Iterator[Match]:
    """Crossings described by the countries they join, each with the crossings it may be.

    With both countries named there is one reading (the first crossing the file lists for
    the pair); with one ("the Chinese border"), every crossing of that country, each with
    the country on its other side, for :func:`routes.read.parse.resolve.resolve_place`.
    """
    crossings = _crossings(gazetteer)
    lowered = text.lower()
    windows = [
        (max(0, at - _BORDER_REACH), at + _BORDER_REACH)
        for word in _BORDER_ANCHORS
        for at in _occurrences(lowered, word)
    ]
    for pattern, (low, high) in ((p, w) for p in _BORDERS for w in _merged(windows)):
        m = pattern.search(text, low, high)
        while m is not None:
            groups = m.groupdict()
            a = country_code(groups["a"], gazetteer) if groups.get("a") else None
            b = country_code(groups["b"], gazetteer) if groups.get("b") else None
            if b is None or (groups.get("a") and a is None):
                m = pattern.search(text, m.start() + 1, high)  # "Kim's train … North Korea's"
                continue
            following = pattern.search(text, m.end(), high)
            if a is not None:
                found = [c for c in crossings if set(c.countries) == {a, b}][:1]
                sides = ("",) * len(found)
            else:
                found = [c for c in crossings if b in c.countries]
                sides = tuple(c.countries[c.countries[0] == b] for c in found)
            if found:
                match = new_match(
                    m.start(), m.end(), readings_of(tuple(c.place for c in found)), role=Role.BORDER
                )
                yield replace(match, sides=sides)
            m = following


#: Characters either side of "border" or "frontier" a border description can reach.
_BORDER_REACH = 90


def _occurrences(text: str, word: str) -> Iterator[int]:
    """Where ``word`` stands in ``text``."""
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


def _merged(windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping windows joined, in text order."""
    merged: list[tuple[int, int]] = []
    for low, high in sorted(windows):
        if merged and low <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(high, merged[-1][1]))
        else:
            merged.append((low, high))
    return merged


def country_code(words: str, gazetteer: Gazetteer) -> str | None:
    """The ISO code a country word or name stands for ("Chinese", "North Korea", "Sino")."""
    key = normalize(words)
    if key in _BORDER_WORDS:
        return _BORDER_WORDS[key]
    key = key.removeprefix("the ")
    if key in _BORDER_WORDS:
        return _BORDER_WORDS[key]
    for place in gazetteer.candidates(key):
        if place.kind == Kind.COUNTRY:
            return place.country
    return None


_CROSSINGS: weakref.WeakKeyDictionary[Gazetteer, tuple[Crossing, ...]] = weakref.WeakKeyDictionary()


def _crossings(gazetteer: Gazetteer) -> tuple[Crossing, ...]:
    """The crossings of ``geodata/crossings.json`` with places from ``gazetteer``."""
    held = _CROSSINGS.get(gazetteer)
    if held is None:
        held = _CROSSINGS.setdefault(gazetteer, load_crossings(gazetteer.get))
    return held
