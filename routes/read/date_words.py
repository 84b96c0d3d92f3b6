"""The English date words of :mod:`routes.read.when`, read from ``[dates]`` of ``lang/en.toml``.

Weekdays, months, parts of the day, the words that put a weekday ahead of or behind
publication and the words that make a number a quantity are data: a new short month or a
tense cue is a line in the file, never a change to a regex. :func:`date_words` validates
the table and compiles each list into the regex source :mod:`routes.read.when` builds its
patterns from; a missing or mistyped list fails at once naming the file and the key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from routes.read.lexicon import alternation, language_table, literal_phrase

#: Lists of ``[dates]`` that every file must give (each a list of strings).
_LISTS = (
    "weekdays",
    "months",
    "ordinals",
    "day_of",
    "today",
    "yesterday",
    "tomorrow",
    "next",
    "last",
    "this",
    "year",
    "month_alone_before",
    "titles_after",
    "modifier_glue",
    "part_article",
    "part_of",
    "tonight",
    "last_night",
    "ahead",
    "perfect",
    "past",
    "past_endings",
    "clause_words",
    "quantities_after",
    "quantities_before",
    "clock_before",
    "clock_am",
    "clock_pm",
    "clock_after",
)
#: Lists of ``[dates]`` a language may leave out (read as empty).
_OPTIONAL_LISTS = ("earlier_phrase", "past_of_plans")
#: Tables of ``[dates]`` that map a word to what it stands for.
_TABLES = ("short_months", "modifiers", "parts")


@dataclass(frozen=True)
class DateWords:
    """The date words of one language, as data and as regex sources.

    Attributes
    ----------
    weekdays, months
        As written, Monday and January first.
    month_numbers
        Every month word and short form in lower case → its number (1–12).
    relative_days
        "today", "yesterday", "tomorrow" (lower case) → days after publication.
    next_words, last_words, this_words
        Lower-case words before a weekday or "year" ("next Tuesday", "last year").
    modifiers, parts
        Lower-case words → the modifier ("early", "late") or part of the day ("morning")
        they name, the keys of :data:`routes.read.when.PART_OF_DAY`.
    tonight, last_night
        Lower-case phrases, blanks normalised to one space.
    """

    weekdays: tuple[str, ...]
    months: tuple[str, ...]
    month_numbers: dict[str, int]
    relative_days: dict[str, int]
    next_words: frozenset[str]
    last_words: frozenset[str]
    this_words: frozenset[str]
    modifiers: dict[str, str]
    parts: dict[str, str]
    tonight: frozenset[str]
    last_night: frozenset[str]
    raw: dict[str, tuple[str, ...]]

    def alternation(self, *keys: str, as_written: bool = False) -> str:
        """The words of the lists ``keys`` as one regex group, longest first.

        Words are matched as written when ``as_written``; otherwise a word in lower case
        also matches with its first letter capitalised (it may open a sentence).
        """
        words = sorted((w for key in keys for w in self.raw[key]), key=len, reverse=True)
        return "(?:" + "|".join(w if as_written else _either_case(w) for w in words) + ")"

    def phrases(self, key: str) -> str:
        """The phrases of list ``key`` (phrase syntax of :func:`compile_phrase`) as one group."""
        return "(?:" + alternation(self.raw[key]) + ")"

    def hints(self, *keys: str) -> tuple[str, ...]:
        """The words of ``keys`` without their first letter: substrings a text must hold
        (in either case of that letter) for one of the words to be in it."""
        return tuple(dict.fromkeys(w[1:] for key in keys for w in self.raw[key]))


def _either_case(word: str) -> str:
    """``word`` escaped, its first letter in either case ("[Ll]ate\\s+night")."""
    escaped = literal_phrase(word)
    first = word[:1]
    if first.isalpha() and first.islower():
        return f"[{first.upper()}{first}]" + escaped[len(re.escape(first)) :]
    return escaped


@cache
def date_words(language: str = "en") -> DateWords:
    """The ``[dates]`` words of ``lang/<language>.toml``, read once per process.

    Raises
    ------
    ValueError
        When the table, a list or a word table is missing or mistyped.
    """
    table = language_table(language, "dates")
    name = f"{language}.toml"
    raw = {key: _strings(table, key, name) for key in _LISTS}
    raw |= {key: _strings(table, key, name) for key in _OPTIONAL_LISTS if key in table}
    raw |= {key: () for key in _OPTIONAL_LISTS if key not in table}
    maps = {key: _mapping(table, key, name) for key in _TABLES}
    months = raw["months"]
    month_numbers = {m.lower(): i for i, m in enumerate(months, start=1)}
    month_numbers |= {k.lower(): int(v) for k, v in maps["short_months"].items()}
    raw["short_months"] = tuple(maps["short_months"])
    raw["modifiers"] = tuple(maps["modifiers"])
    raw["parts"] = tuple(maps["parts"])
    relative = {w.lower(): 0 for w in raw["today"]}
    relative |= {w.lower(): -1 for w in raw["yesterday"]}
    relative |= {w.lower(): 1 for w in raw["tomorrow"]}
    return DateWords(
        weekdays=raw["weekdays"],
        months=months,
        month_numbers=month_numbers,
        relative_days=relative,
        next_words=_lower(raw["next"]),
        last_words=_lower(raw["last"]),
        this_words=_lower(raw["this"]),
        modifiers={k.lower(): str(v) for k, v in maps["modifiers"].items()},
        parts={k.lower(): str(v) for k, v in maps["parts"].items()},
        tonight=_lower(raw["tonight"]),
        last_night=_lower(raw["last_night"]),
        raw=raw,
    )


def normal(words: str) -> str:
    """``words`` in lower case with blanks as single spaces (how phrases are compared)."""
    return " ".join(words.lower().split())


def _lower(words: tuple[str, ...]) -> frozenset[str]:
    """The phrases ``words`` as :func:`normal` gives them."""
    return frozenset(normal(w) for w in words)


def _strings(table: dict[str, Any], key: str, name: str) -> tuple[str, ...]:
    """The list of strings ``key`` of ``[dates]``, as written."""
    items = table.get(key)
    if not isinstance(items, list) or not all(isinstance(i, str) and i for i in items):
        msg = f"{name}: [dates] {key} must be a list of words"
        raise ValueError(msg)
    return tuple(items)


def _mapping(table: dict[str, Any], key: str, name: str) -> dict[str, Any]:
    """The word table ``key`` of ``[dates]``."""
    items = table.get(key)
    if not isinstance(items, dict) or not items:
        msg = f"{name}: [dates] {key} must be a table of words"
        raise ValueError(msg)
    return items
