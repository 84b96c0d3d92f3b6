"""Pass 3, attribution: who a sentence says said it ("Chosun Ilbo", "YTN", "Japanese media")."""

from __future__ import annotations

import functools
import re

from routes.read.parse.words import MEMO_SIZE, word_set, words_back

_NAME = r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}"


_VERB = (
    r"(?:has\s+|have\s+|had\s+)?(?:said|says|reported|reports|announced|confirmed|denied|"
    r"told|stated|added|quoted|cited|wrote|claimed)\b"
)


#: Ahead of a pattern whose every match opens with a capital or "the": the one character the
#: regex engine checks at a place where no match can start (the rest of the pattern opens
#: with optional words and look-behinds, tried at every place otherwise).
_CAPITAL_OR_THE = r"(?=[A-Zt])"


#: Attribution patterns, each giving the source's name in group "name" (the forms wire copy uses).
_ATTRIBUTIONS: tuple[re.Pattern[str], ...] = (
    re.compile(
        rf"{_CAPITAL_OR_THE}(?:\b{_NAME}['’]s\s+)?(?<![\w'’])(?P<name>{_NAME})\s+(?:newspaper|daily|"
        r"news\s+agency|agency|broadcaster|television|TV|radio|news\s+service|channel|outlet|"
        r"website|wire\s+service|network|media\s+outlet)\b"
    ),
    re.compile(
        r"\b(?:[Tt]he\s+)?(?:broadcaster|newspaper|news\s+agency|agency|daily|outlet|website|"
        rf"channel|network|wire\s+service)\s+(?P<name>{_NAME})"
    ),
    re.compile(rf"(?P<name>\b{_NAME}['’]s\s+state\s+media)\b"),
    re.compile(r"(?P<name>\b[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}\s+media)\b"),
    re.compile(
        rf"(?P<name>\b{_NAME}['’]s\s+(?:[a-z]+\s+){{0,2}}(?:ministry|military|government|"
        rf"office|army|intelligence\s+service|spy\s+agency|presidential\s+office))\s+{_VERB}"
    ),
    re.compile(rf"\baccording\s+to\s+(?:the\s+)?(?P<name>{_NAME})"),
    re.compile(rf"{_CAPITAL_OR_THE}(?:\b[Tt]he\s+)?(?<![\w'’])(?P<name>{_NAME})\s+{_VERB}"),
)


_VERB_WORDS = frozenset(
    [
        "said",
        "says",
        "reported",
        "reports",
        "announced",
        "confirmed",
        "denied",
        "told",
        "stated",
        "added",
        "quoted",
        "cited",
        "wrote",
        "claimed",
    ]
)


#: For each pattern of :data:`_ATTRIBUTIONS`, groups of words of which every match holds
#: one of each group as a whole word (the first word of each of its alternatives): a
#: sentence without them is not searched (the patterns are slow).
_ATTRIBUTION_WORDS: tuple[tuple[frozenset[str], ...], ...] = (
    (
        frozenset(
            [
                "newspaper",
                "daily",
                "news",
                "agency",
                "broadcaster",
                "television",
                "TV",
                "radio",
                "channel",
                "outlet",
                "website",
                "wire",
                "network",
                "media",
            ]
        ),
    ),
    (
        frozenset(
            [
                "broadcaster",
                "newspaper",
                "news",
                "agency",
                "daily",
                "outlet",
                "website",
                "channel",
                "network",
                "wire",
            ]
        ),
    ),
    (frozenset(["state"]), frozenset(["media"])),
    (frozenset(["media"]),),
    (
        frozenset(
            [
                "ministry",
                "military",
                "government",
                "office",
                "army",
                "intelligence",
                "spy",
                "presidential",
            ]
        ),
        _VERB_WORDS,
    ),
    (frozenset(["according"]),),
    (_VERB_WORDS,),
)


#: For each pattern of :data:`_ATTRIBUTIONS`, how many words at most stand before the first
#: of the words of its first group in a match (the owner's and the source's names, "The",
#: "has"): the search starts that many words before them. 0: search the whole sentence.
_ATTRIBUTION_REACH: tuple[int, ...] = (8, 0, 0, 0, 0, 0, 6)


#: Words that open a sentence but are not a source ("Both reports cited …").
_NOT_SOURCES = frozenset(
    [
        "it",
        "he",
        "she",
        "they",
        "we",
        "i",
        "this",
        "that",
        "these",
        "those",
        "both",
        "officials",
        "analysts",
        "sources",
        "experts",
        "reports",
        "the",
        "a",
        "an",
        "one",
        "some",
        "many",
    ]
)


@functools.lru_cache(maxsize=MEMO_SIZE)
def attribution_of(sentence: str) -> str:
    """Who a sentence says said it ("Chosun Ilbo", "YTN", "Japanese media"), or ""."""
    best: tuple[int, str] | None = None
    words = word_set(sentence)
    for pattern, needs, reach in zip(
        _ATTRIBUTIONS, _ATTRIBUTION_WORDS, _ATTRIBUTION_REACH, strict=True
    ):
        if any(words.isdisjoint(group) for group in needs):
            continue
        start = 0
        if reach:
            first = min(sentence.find(word) for word in needs[0] & words)
            start = words_back(sentence, first, reach)
        if best is not None and start >= best[0]:
            continue  # nothing here could start earlier than the source found
        for m in pattern.finditer(sentence, start):
            if best is not None and m.start() >= best[0]:
                break
            name = _clean_source(m.group("name"))
            if name and (best is None or m.start() < best[0]):
                best = (m.start(), name)
            if name:
                break
    return best[1] if best else ""


def _clean_source(name: str) -> str:
    """A source name without a leading "The" or an owner ("Russia's Interfax" → "Interfax")."""
    name = name.strip()
    if not name.endswith("media") and not name.endswith(("ministry", "office", "government")):
        name = _OWNER.split(name)[-1]
    name = _LEADING_THE.sub("", name)
    if name.endswith(".") and not _INITIAL_END.search(name):
        name = name[:-1]  # the full stop of the sentence, not of an initial ("U.S.")
    first = name.split()[0].lower() if name.split() else ""
    if not first or first in _NOT_SOURCES:
        return ""
    return name


_OWNER = re.compile(r"['’]s\s+")


_LEADING_THE = re.compile(r"^[Tt]he\s+")


_INITIAL_END = re.compile(r"\b[A-Z]\.$")
