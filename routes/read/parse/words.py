"""The English word lists the passes share (from ``lang/en.toml``), and small text helpers."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from routes.read.gazetteer import normalize
from routes.read.lexicon import load_lexicon

#: Entries kept by each memoised helper (sentences, clauses and cue windows repeat).
MEMO_SIZE = 8192


#: The English word lists (routes/read/lang/en.toml).
LEXICON = load_lexicon("en")


PERSON_HEADS: frozenset[str] = LEXICON.person_heads


TITLES: frozenset[str] = LEXICON.titles


DEMONYMS: dict[str, str] = LEXICON.demonyms


COMMON_WORDS: frozenset[str] = LEXICON.common


TAIL_WORDS: frozenset[str] = LEXICON.tails


GEO_WORDS: frozenset[str] = LEXICON.geo


#: Geographic words that open a feature's name ("Lake Onega"): with a name the gazetteer does
#: not know whole, the name after them is the feature's, not a town's.
FEATURE_HEADS: frozenset[str] = LEXICON.feature_heads


#: Geographic words that close a feature's name ("Rogers Pass", "La Raya pass"): a name the
#: gazetteer knows only without them is the feature's, not a town's of that name.
FEATURE_TAILS: frozenset[str] = LEXICON.feature_tails
#: Those that are verbs too: in lower case they close a name only before punctuation.
FEATURE_TAILS_VERBS: frozenset[str] = LEXICON.feature_tails_verbs


CONNECTORS: frozenset[str] = LEXICON.connectors


#: Normalised names that are never a place: outlets, weekdays, institutions, time zones.
#: (People's names are told by their shape: routes/read/parse/people.py.)
NOT_PLACES: frozenset[str] = frozenset(normalize(name) for name in LEXICON.not_places) - {""}


WORD_RE = re.compile(r"\w+")


#: A word as a run of letters: no digits, no underscore.
LETTERS = re.compile(r"[^\W\d_]+")
#: Each ASCII byte as itself when a letter, else a blank (for :func:`letter_words`).
_ASCII_LETTER_BYTES = bytes(c if chr(c).isalpha() else ord(" ") for c in range(256))
#: Each ASCII byte as itself when a word character (:data:`WORD_RE`), else a blank.
_ASCII_WORD_BYTES = bytes(c if chr(c).isalnum() or chr(c) == "_" else ord(" ") for c in range(256))


def word_set(text: str) -> set[str]:
    """The words of ``text`` as written, as runs of word characters (:data:`WORD_RE`);
    ASCII text is split after one byte translation (as :func:`letter_words`)."""
    if text.isascii():
        return set(text.encode().translate(_ASCII_WORD_BYTES).decode().split())
    return set(WORD_RE.findall(text))


def letter_words(text: str) -> set[str]:
    """The words of ``text`` in lower case, as runs of letters (:data:`LETTERS`).

    ASCII text (most of it) is split after one byte translation, several times quicker
    than the regex, with the same words: its only letters are A-Z and a-z.
    """
    lowered = text.lower()
    if lowered.isascii():
        return set(lowered.encode().translate(_ASCII_LETTER_BYTES).decode().split())
    return set(LETTERS.findall(lowered))


def holds_any(text: str, words: Sequence[str]) -> bool:
    """Whether ``text`` holds one of ``words`` (a plain loop: quicker than ``any``)."""
    for word in words:  # noqa: SIM110 - a loop, not any(), on the hot path
        if word in text:
            return True
    return False


def may_hold(text: str, gates: Sequence[str]) -> bool:
    """Whether ``text`` may hold a match of a case-blind pattern each of whose matches opens
    with one of ``gates`` (lower case): when its lower case holds one, or when it holds a
    letter such a pattern matches to an ASCII letter that is not its lower case
    (:func:`case_blind_strays`: the pattern's "s" matches "ſ")."""
    if holds_any(text.lower(), gates):
        return True
    return not text.isascii() and not case_blind_strays().isdisjoint(text)


@functools.cache
def case_blind_strays() -> frozenset[str]:
    """The characters beyond ASCII that a case-blind regex matches to an ASCII letter ("ſ"
    to "s", "ı" and "İ" to "i", the Kelvin sign to "k"). They are all in the Basic
    Multilingual Plane, which alone is scanned (the rest would take a tenth of a second)."""
    plane = "".join(map(chr, range(128, 0x10000)))
    return frozenset(re.findall("[a-z]", plane, re.IGNORECASE))


def words_back(text: str, pos: int, count: int) -> int:
    """Where the ``count``-th space-separated chunk before the one holding ``pos`` starts.

    A chunk holds one or more blank-separated words, so no stretch of text of at
    most ``count`` words before the word at ``pos`` starts before the result.
    """
    start = text.rfind(" ", 0, pos) + 1
    for _ in range(count):
        end = start
        while end > 0 and text[end - 1] == " ":
            end -= 1
        if end == 0:
            return 0
        start = text.rfind(" ", 0, end) + 1
    return start
