"""Pass 4, status and modality: how sure a clause is (reported, expected, denied, ruled out …)."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence

from routes.read.parse.words import MEMO_SIZE, WORD_RE

#: A clause break: ``[;:,]|\s(?:but|though|although|while|whereas|and)\s``, written to open
#: with one character class so that the regex engine skips to those characters at C speed.
CLAUSE_BREAK = re.compile(
    r"[;:,\s](?:(?<=[;:,])|(?<=\s)(?:but|though|although|while|whereas|and)\s)"
)


_RULED_OUT = re.compile(
    r"\bafter\s+all\b|\bruled\s+out\b|\bcancell?ed\b|\bscrapped\b|\bcalled\s+off\b|"
    r"\b(?:will|would|is|are)\s+not\s+(?:\w+\s+)?(?:stop|travel|go|visit|"
    r"pass|head|call|be\s+stopping|be\s+visiting)\b|\b(?:won['’]t|wouldn['’]t)\s+"
    r"(?:\w+\s+)?(?:stop|travel|go|visit|pass|head)\b|\bno\s+longer\b",
    re.IGNORECASE,
)


_SUPERSEDED = re.compile(
    r"\b(?:initially|originally|previously|first|earlier)\s+(?:had\s+)?(?:reported|said|"
    r"announced|planned|scheduled|expected|stated|claimed)\b|\bhad\s+(?:initially\s+|"
    r"earlier\s+|originally\s+)?(?:reported|said)\b",
    re.IGNORECASE,
)


_DENIED = re.compile(r"\bden(?:ied|ies|y|ying|ial|ials)\b", re.IGNORECASE)


_EXPECTED = re.compile(
    r"\b(?:expected|expects|would|will|likely|as\s+early\s+as|could|may|might|plans?\s+to|"
    r"planned|planning|bound\s+for|set\s+to|due\s+to|scheduled|possibl[ey]|is\s+to|are\s+to|"
    r"intends?|aims?\s+to|poised|appears?\s+to|apparently|reportedly|probably)\b",
    re.IGNORECASE,
)


#: Statuses in the order they are tried, each with words of which every match of its
#: (case-blind) pattern holds one as a whole word (the first word of each alternative, or
#: "not"): ASCII clauses without any of them in lower case skip the search.
_STATUSES: tuple[tuple[re.Pattern[str], str, frozenset[str]], ...] = (
    (
        _RULED_OUT,
        "ruled-out",
        frozenset(
            [
                "after",
                "ruled",
                "canceled",
                "cancelled",
                "scrapped",
                "called",
                "not",
                "won",
                "wouldn",
                "no",
            ]
        ),
    ),
    (
        _SUPERSEDED,
        "superseded",
        frozenset(["initially", "originally", "previously", "first", "earlier", "had"]),
    ),
    (_DENIED, "denied", frozenset(["denied", "denies", "deny", "denying", "denial", "denials"])),
    (
        _EXPECTED,
        "expected",
        frozenset(
            [
                "expected",
                "expects",
                "would",
                "will",
                "likely",
                "as",
                "could",
                "may",
                "might",
                "plan",
                "plans",
                "planned",
                "planning",
                "bound",
                "set",
                "due",
                "scheduled",
                "possible",
                "possibly",
                "is",
                "are",
                "intend",
                "intends",
                "aim",
                "aims",
                "poised",
                "appear",
                "appears",
                "apparently",
                "reportedly",
                "probably",
            ]
        ),
    ),
)


def clause_span(
    starts: Sequence[int], ends: Sequence[int], span: tuple[int, int], start: int, end: int
) -> tuple[int, int]:
    """The clause of a sentence that holds ``start:end`` (cut at commas, "and", "though" …)."""
    before = bisect.bisect_right(ends, start)
    after = bisect.bisect_left(starts, end)
    left = ends[before - 1] if before else span[0]
    right = starts[after] if after < len(starts) else span[1]
    return left, right


def clause_status(text: str, clause: tuple[int, int]) -> str:
    """How sure the clause is: ruled-out, superseded, denied, expected or reported."""
    return status_of(text[clause[0] : clause[1]])


@functools.lru_cache(maxsize=MEMO_SIZE)
def status_of(words: str) -> str:
    """How sure these words are (memoised: wire copy repeats its clauses)."""
    present = set(WORD_RE.findall(words.lower())) if words.isascii() else None
    for pattern, status, needs in _STATUSES:
        if present is not None and present.isdisjoint(needs):
            continue
        if pattern.search(words):
            return status
    return "reported"
