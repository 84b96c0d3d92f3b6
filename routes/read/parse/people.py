"""People a report names, so that a surname told again alone is the person, not a town.

Wire copy names a person in full once ("Defence Secretary Lloyd Austin", "Park Min Jun")
and by surname after ("Austin said"). The full name is recognised by its shape: a title
before it, or a first word that starts people's names (``person_heads`` and ``titles`` of
``lang/en.toml``). No list of people is kept: the report itself says who its people are.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from routes.read.gazetteer import normalize
from routes.read.parse.match import Match
from routes.read.parse.words import LEXICON, PERSON_HEADS, TITLES

#: Most words a person's name runs to after its title or first word is taken as the name
#: (given name, patronymic and surname, or a Korean name of three syllable words).
NAME_WORDS = 4
#: Capitalised words joined by single blanks (a possessive ends the name: "Park Min Jun's").
#: ``\b[A-Z]…`` written capital first, then the look-behind that is ``\b``, so that the
#: regex engine skips at C speed to the capitals that can start one (the same matches).
_NAME_RUN = re.compile(r"[A-Z](?<!\w[A-Z])[\w’'-]*(?:[ ][A-Z][\w’'-]*)*")
_POSSESSIVE = re.compile(r"['’]s$")
#: An age told right after a name, between commas ("Ingrid Boden, 34,"): only people have one.
_AGE_AFTER = re.compile(r",\s*\d{1,3}\s*,")
#: Words right before a name that make it a place ("flew to Austin"), from ``[frames]``.
_PLACE_BEFORE = frozenset(LEXICON.frames.get("place_before", ()))
_WORD_BEFORE = re.compile(r"\b([A-Za-z]+)\s+$")


@functools.lru_cache(maxsize=64)
def surnames(text: str) -> frozenset[str]:
    """The first and last words (normalised) of the people's names ``text`` tells in full.

    A name is a run of capitalised words that starts with a title and has a word after it
    ("President Ivan Petrov" → "ivan", "petrov"), or that starts with a first word of
    people's names and has two or more words ("Park Min Jun" → "park", "jun"); at most
    :data:`NAME_WORDS` words after the title, or from the first word, count, and both ends
    of the name are told (:func:`_name_ends`). A run of two or more words with an age after
    it ("Ingrid Boden, 34,") is a name too, whatever its first word.
    """
    found: set[str] = set()
    for run in _NAME_RUN.finditer(text):
        if " " not in run.group():
            continue  # one word: no title or first name with a word after it
        words = [_POSSESSIVE.sub("", w) for w in run.group().split(" ")]
        if _AGE_AFTER.match(text, run.end()):  # "said Ingrid Boden, 34, a nurse": a person
            words = words[-NAME_WORDS:]
            found.update(normalize(w) for w in (words[0], words[-1]))
        found.update(normalize(w) for w in _name_ends(words))
    return frozenset(found - {""})


def _name_ends(words: Sequence[str]) -> tuple[str, ...]:
    """The first and last words of the first person's name in a run of capitalised
    ``words``, or none: the surname stands last in "Ivan Petrov" and first in "Hu Jintao"
    or "Park Min Jun", and a report tells the person again by either."""
    for i, word in enumerate(words):
        key = normalize(word)
        if key in TITLES and i + 1 < len(words):
            return words[i + 1], words[min(len(words), i + 1 + NAME_WORDS) - 1]
        if key in PERSON_HEADS and i + 1 < len(words):
            return word, words[min(len(words), i + NAME_WORDS) - 1]
    return ()


def drop_surnames(text: str, matches: Sequence[Match]) -> list[Match]:
    """``matches`` without the one-word names that only GeoNames holds and that are the
    surname of a person the report names in full, unless a word of place stands right
    before them ("Austin added" is the person; "flew to Austin" stays a place)."""
    told = surnames(text)
    if not told:
        return list(matches)
    return [m for m in matches if not _is_told_person(text, m, told)]


def _is_told_person(text: str, match: Match, told: frozenset[str]) -> bool:
    """Whether ``match`` is the surname of a person named in full in ``text``."""
    words = text[match.start : match.end]
    if not match.global_only or " " in words or normalize(words) not in told:
        return False
    before = _WORD_BEFORE.search(text, max(0, match.start - 30), match.start)
    return before is None or before.group(1).lower() not in _PLACE_BEFORE
