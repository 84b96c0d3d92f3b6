"""Split report text into sentences, each bounded in length, with offsets into the text."""

from __future__ import annotations

import itertools
import re

#: Longest sentence kept whole, in characters; a longer one is split at clause marks
#: (, ; : and dashes) or, failing those, at blank space, so every quote is bounded.
MAX_SENTENCE_CHARS = 2000

#: Titles before a name: never the end of a sentence ("Mr. Putin", "Gen. Kim").
_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "messrs",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cmdr",
        "adm",
        "sgt",
        "cpl",
        "pvt",
        "brig",
        "gov",
        "sen",
        "rep",
        "rev",
        "hon",
        "pres",
        "amb",
        "supt",
        "insp",
        "det",
        "st",
        "mt",
        "ft",
    ]
)
#: Abbreviations that end a sentence only before a word that usually starts one.
_ABBREVIATIONS = frozenset(
    [
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "no",
        "nos",
        "vol",
        "co",
        "corp",
        "inc",
        "ltd",
        "jr",
        "sr",
        "vs",
        "etc",
        "approx",
        "est",
        "dept",
        "univ",
        "ave",
        "blvd",
        "rd",
        "fig",
        "al",
        "e.g",
        "i.e",
    ]
)
#: Words that commonly open a sentence (after "U.S." the next word decides).
_STARTERS = frozenset(
    [
        "the",
        "a",
        "an",
        "it",
        "its",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "but",
        "and",
        "or",
        "so",
        "yet",
        "however",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "in",
        "on",
        "at",
        "after",
        "before",
        "when",
        "while",
        "if",
        "as",
        "for",
        "with",
        "by",
        "from",
        "his",
        "her",
        "their",
        "our",
        "officials",
        "some",
        "many",
        "both",
        "meanwhile",
        "earlier",
        "later",
        "still",
    ]
)
#: A possible sentence end: ``[.!?…]+["'”’)\]]*(?=\s)`` or a blank line, written to open with
#: one character class so that the regex engine skips to those characters at C speed.
_CANDIDATE = re.compile(r"[.!?…\n](?:(?<=[.!?…])[.!?…]*[\"'”’)\]]*(?=\s)|(?<=\n)[ \t]*\n)")
#: A line opening a Markdown heading or list item, or a bullet of news copy ("▲29일 = …",
#: "■ Monday: …"): a new sentence, whatever the line before ended with.
_BLOCK_START = re.compile(r"\n[ \t]*(?:#{1,6}\s|[-*+>]\s|\d+[.)]\s|[▲△■□●○◆◇•‣▶►])")
_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t].*$", re.MULTILINE)
_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_NEXT_WORD = re.compile(r"\s+(\S+)")
#: Longest word looked at before a full stop (abbreviations are short).
_WORD_WINDOW = 40
_OPENERS = "\"'“‘([«"


def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Character offsets of the sentences of ``text``, trimmed of blank space.

    A sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quotes or
    brackets after it) before blank space and a capital, a digit or an opening
    quote; at a blank line; and before a Markdown heading or list item or a bulleted line
    ("▲29일 = …").  It does
    not end inside double quotes, after titles ("Mr.", "Gen."), after initials and
    dotted acronyms ("N. Korea", "U.S. President") or abbreviations ("Sept. 12")
    unless a common sentence opener ("The", "He", …) follows.

    Parameters
    ----------
    text
        The report text (``Report.text``).

    Returns
    -------
    tuple of (start, end)
        ``text[start:end]`` is one sentence; in text order, never overlapping.
    """
    cuts = {0, len(text)}
    quotes = _QuoteState(text)
    for match in _CANDIDATE.finditer(text):
        end = match.end()
        if text[match.start()] == "\n" or (not quotes.inside(end) and _ends_sentence(text, match)):
            cuts.add(end)
    if "\n" in text:
        cuts.update(m.start() for m in _BLOCK_START.finditer(text))
        if "#" in text:
            cuts.update(m.end() for m in _HEADING.finditer(text))
    ordered = sorted(cuts)
    spans = []
    for start, end in itertools.pairwise(ordered):
        piece = text[start:end]
        stripped = piece.lstrip()
        if stripped:
            lead = len(piece) - len(stripped)
            trail = len(stripped) - len(stripped.rstrip())
            spans.extend(_bounded(text, start + lead, end - trail))
    return tuple(spans)


_CLAUSE_MARKS = ",;:\u2013\u2014"


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``(start, end)`` cut into pieces of at most :data:`MAX_SENTENCE_CHARS` characters.

    Each cut falls after the last clause mark (``, ; : – —``) in the second half of the
    allowed length, else after the last blank space there, else hard at the limit; the
    pieces are trimmed of blank space.
    """
    pieces = []
    while end - start > MAX_SENTENCE_CHARS:
        cut = _last_cut(text, start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        pieces.append((start, piece_end))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        pieces.append((start, end))
    return pieces


def _last_cut(text: str, low: int, high: int) -> int:
    """Just after the last clause mark in ``text[low:high]``, else its last blank, else high."""
    mark = max(text.rfind(char, low, high) for char in _CLAUSE_MARKS)
    if mark >= 0:
        return mark + 1
    blank = max(text.rfind(char, low, high) for char in " \t\n\u00a0\u3000")
    return blank + 1 if blank >= 0 else high


class _QuoteState:
    """Whether positions of a text lie inside double quotes (reset at each line).

    Positions are asked in increasing order; each answer scans only the text
    since the last one, with ``str`` methods rather than a loop over characters.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._pos = 0
        self._inside = False
        self._plain = '"' not in text and "“" not in text

    def inside(self, pos: int) -> bool:
        """Whether ``text[:pos]`` ends inside double quotes (``pos`` never decreasing)."""
        if self._plain:
            return False
        text, start, inside = self._text, self._pos, self._inside
        line = text.rfind("\n", start, pos)
        if line >= 0:
            start, inside = line + 1, False
        opening, closing = text.rfind("“", start, pos), text.rfind("”", start, pos)
        if opening >= 0 or closing >= 0:
            inside = opening > closing
            start = max(opening, closing) + 1
        if text.count('"', start, pos) % 2:
            inside = not inside
        self._pos, self._inside = pos, inside
        return inside


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    """Whether the punctuation in ``match`` (outside quotes) closes a sentence."""
    following = _NEXT_WORD.match(text, match.end())
    if following is None:
        return True
    after = following.group(1)
    if not _may_open(after):
        return False
    if text[match.start()] != ".":
        return True
    token = _last_word(text, max(0, match.start() - _WORD_WINDOW), match.start())
    token = token.lstrip(_OPENERS)
    lowered = token.lower()
    if lowered in _TITLES:
        return False
    if len(token) == 1 and token.isupper():
        return _starter(after)
    if lowered in _ABBREVIATIONS or _ACRONYM.fullmatch(token):
        return _starter(after)
    return True


def _last_word(text: str, low: int, end: int) -> str:
    r"""The blank-free word that ends ``text[low:end]`` ("" if none), read backwards.

    The same as ``(\S+)$`` searched there, whose ``$`` also matches before a
    final newline.
    """
    if end > low and text[end - 1] == "\n":
        end -= 1
    start = end
    while start > low and not text[start - 1].isspace():
        start -= 1
    return text[start:end]


def _starter(word: str) -> bool:
    """Whether ``word`` (trailing punctuation aside) commonly opens a sentence."""
    return _TRAILING_NON_WORD.sub("", word).lower() in _STARTERS


_TRAILING_NON_WORD = re.compile(r"\W+$")


def _may_open(word: str) -> bool:
    """Whether ``word`` can open a sentence: not a lower-case letter first."""
    first = word[0]
    if not first.isalpha():
        return True
    return first.isupper() or first.lower() == first.upper()  # caseless: Korean
