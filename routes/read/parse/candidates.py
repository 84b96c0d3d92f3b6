"""Pass 1, candidates: every stretch of text that may name a place, with the places it may mean.

Capitalised word runs looked up in the gazetteer (longest name first) and curated names
written in lower case; people's names, outlets, titles and demonyms consume their words
without a match. :mod:`routes.read.parse.framing` adds descriptions ("North Korea's border
with China"), datelines, regions and lower-case writing, and drops crafts and landmarks.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, replace

from routes.model import Kind, Place
from routes.read.gazetteer import Gazetteer, normalize
from routes.read.lexicon import alternation
from routes.read.parse.framing import (
    as_region,
    capitalised,
    description_matches,
    is_dateline,
    lower_case,
    lower_case_quotes,
    names_something_else,
    uncased,
)
from routes.read.parse.match import Match, Readings, new_match, readings_of
from routes.read.parse.people import NAME_WORDS, drop_surnames
from routes.read.parse.references import referred_places, without_names_inside
from routes.read.parse.words import (
    COMMON_WORDS,
    CONNECTORS,
    DEMONYMS,
    FEATURE_HEADS,
    FEATURE_TAILS,
    FEATURE_TAILS_VERBS,
    GEO_WORDS,
    LEXICON,
    NOT_PLACES,
    PERSON_HEADS,
    TAIL_WORDS,
    TITLES,
)

_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽА-ЯЁ"


_WORD = rf"(?:(?:St|Mt|Ft)\.|[{_UPPER}][\w'’]*|(?:[A-Z]\.)+(?![\w])|[가-힣]+)"


_JOIN = rf"(?:[ \t]+|[ \t]*[-‐–][ \t]*)(?:(?:{'|'.join(sorted(CONNECTORS))})(?:[ \t]+|[-‐]))?"


_TAIL_RE = "|".join(sorted(TAIL_WORDS))


#: The first word of a run is ``_WORD`` written as its first character, then the check of
#: the character before it, then the rest by the kind of that first character: the same
#: matches, but the regex engine skips at C speed to the characters that can start one.
_FIRST_WORD = (
    rf"[{_UPPER}가-힣](?<![\w.'’].)"
    rf"(?:(?<=[SMF])t\.|(?<=[{_UPPER}])[\w'’]*|(?<=[A-Z])\.(?:[A-Z]\.)*(?![\w])|(?<=[가-힣])[가-힣]*)"
)


#: A run of capitalised words (with connectors such as "of" or "-on-", and maybe a
#: lower-case tail such as "region") or of Hangul words.
_RUN = re.compile(rf"{_FIRST_WORD}(?:{_JOIN}{_WORD})*(?:[ \t]+(?:{_TAIL_RE})\b)?")


_TOKEN = re.compile(r"(?:[A-Z]\.)+|[^\W\d_]+(?:['’][^\W\d_]+)*|\d+")


_POSSESSIVE = ("'s", "’s")


_SENTENCE_OPENERS = frozenset(".!?\"“‘'(:\n")


#: Candidate finders of languages that need their own (inflected names, no capitals): a
#: finder takes the text and the gazetteer and returns what :func:`find_candidates` does.
CandidateFinder = Callable[[str, Gazetteer], tuple[list["Match"], set[str]]]
CANDIDATE_FINDERS: dict[str, CandidateFinder] = {}


def register_candidates(language: str, finder: CandidateFinder) -> None:
    """Read the candidates of reports in ``language`` with ``finder`` (Korean, Russian …)."""
    CANDIDATE_FINDERS[language] = finder


def find_candidates(
    text: str, gazetteer: Gazetteer, language: str = "en"
) -> tuple[list[Match], set[str]]:
    """Places named or described in ``text`` in text order, never overlapping; demonyms.

    A language registered with :func:`register_candidates` is read by its own finder;
    any other with the English one (which also matches Hangul words as names).
    """
    finder = CANDIDATE_FINDERS.get(language) or english_candidates
    matches, demonyms = finder(text, gazetteer)
    return [m for m in matches if not names_a_thing(text, m)], demonyms


def names_a_thing(text: str, match: Match) -> bool:
    """Whether ``match`` is a thing's name in quotation marks after the noun for it ("the
    ship "Lalibela"", "в пансионате «Магадан»", "the hotel “Moskva”"): a hotel, a ship or a
    train named after a place is no place. The marks enclose the name alone, and the word
    before them is lower case (the noun)."""
    opening = text[match.start - 1 : match.start]
    closing = text[match.end : match.end + 1]
    if not opening or _QUOTE_PAIRS.get(opening) is None or closing not in _QUOTE_PAIRS[opening]:
        return False
    noun = _WORD_BEFORE_MARK.search(text, max(0, match.start - 40), match.start - 1)
    return noun is not None and noun.group(1).islower()


#: Opening quotation marks and the marks that close them.
_QUOTE_PAIRS = {"«": "»", "„": "“”", "“": "”", '"': '"', "‘": "’"}
#: The word and the blank right before an opening mark.
_WORD_BEFORE_MARK = re.compile(r"([^\W\d_]+)\s$")


def english_candidates(text: str, gazetteer: Gazetteer) -> tuple[list[Match], set[str]]:
    """Capitalised names, curated lower-case names and descriptions (see the module)."""
    matches = list(description_matches(text, gazetteer))
    matches += _phrase_matches(text, gazetteer, matches)
    taken = sorted((m.start, m.end) for m in matches)
    spans = [(0, len(text))] if lower_case(text) else lower_case_quotes(text)
    if spans:
        names, demonyms = _name_matches(capitalised(text, spans), gazetteer, taken)
        names = [m for m in (uncased(m, spans, text) for m in names) if m is not None]
    else:
        names, demonyms = _name_matches(text, gazetteer, taken)
        names += _lowercase_towns(text, gazetteer, names)
    names = [as_region(text, m) for m in names if not names_something_else(text, m)]
    names = [replace(m, dateline=True) if is_dateline(text, m.start, m.end) else m for m in names]
    names = drop_surnames(text, names)
    names = _rivers_crossed(text, gazetteer, names)
    references = referred_places(text, [*matches, *names])
    names = [*without_names_inside(names, references), *references]
    matches = without_names_inside(matches, references)
    return sorted(matches + names, key=lambda m: m.start), demonyms


def _rivers_crossed(text: str, gazetteer: Gazetteer, names: list[Match]) -> list[Match]:
    """``names`` with each river named bare after words of crossing it ("crossed the Amur
    at X", ``[frames] river_crossed``) read as the river the gazetteer knows as "<name>
    River", in place of any other reading of the word (a town of that name far away)."""
    found: dict[int, Match] = {}
    for m in _BARE_RIVER.finditer(text):
        key = normalize(f"{m.group(1)} river")
        rivers = tuple(p for p in gazetteer.lookup_keys({key}).get(key, ()) if p.kind == Kind.RIVER)
        if rivers:
            found[m.start(1)] = new_match(m.start(1), m.end(1), readings_of(rivers, key))
    if not found:
        return names
    kept = [
        n for n in names if not any(n.start < f.end and f.start < n.end for f in found.values())
    ]
    return sorted([*kept, *found.values()], key=lambda n: n.start)


#: Words of crossing a river, "the", then one capitalised word and no other name after it.
_BARE_RIVER = re.compile(
    r"\b(?:"
    + (alternation(LEXICON.frames.get("river_crossed", ())) or "(?!)")
    + r")\s+the\s+(?-i:([A-ZÀ-ÖØ-Þ][\w'’]+)\b(?![ \t]+[A-ZÀ-ÖØ-Þ])(?![-‐]))",
    re.IGNORECASE,
)


#: A word in lower case right after a preposition of place (``[frames] place_before``).
_LOWER_AFTER_PLACE_WORD = re.compile(
    r"\b(?:" + "|".join(sorted(LEXICON.frames.get("place_before", ()))) + r")\s+([a-z][a-z'’-]+)\b"
    if LEXICON.frames.get("place_before")
    else r"(?!)"
)
_LOWERCASE_TOWNS: dict[int, tuple[Gazetteer, dict[str, Readings]]] = {}


def _lowercase_towns(text: str, gazetteer: Gazetteer, names: Sequence[Match]) -> list[Match]:
    """Curated towns written in lower case after a preposition of place ("a visit to kyiv").

    Only in a report otherwise cased (a report all in lower case is read as such); only the
    one-word own names (no aliases: "soul") of curated cities and towns that are no common
    English word.
    """
    cached = _LOWERCASE_TOWNS.get(id(gazetteer))
    if cached is None or cached[0] is not gazetteer:
        towns = {
            key: readings_of(places, key)
            for key, places in gazetteer.curated_names()
            if key.isascii()
            and key.isalpha()
            and key not in COMMON_WORDS
            and key not in NOT_PLACES
            and any(p.kind in (Kind.CITY, Kind.TOWN) and normalize(p.name) == key for p in places)
        }
        cached = (gazetteer, towns)
        _LOWERCASE_TOWNS[id(gazetteer)] = cached
    towns = cached[1]
    found = []
    for m in _LOWER_AFTER_PLACE_WORD.finditer(text):
        readings = towns.get(m.group(1))
        if readings is None or any(n.start < m.end(1) and m.start(1) < n.end for n in names):
            continue
        found.append(new_match(m.start(1), m.end(1), readings))
    return found


def _phrase_matches(text: str, gazetteer: Gazetteer, taken: Sequence[Match]) -> list[Match]:
    """Curated names written in lower case ("the cosmodrome", "far east")."""
    pattern, by_key = _lowercase_names(gazetteer)
    if pattern is None:
        return []
    found = []
    for start, end in _phrase_spans(text, pattern, _PHRASE_NEEDLES[id(gazetteer)]):
        if any(t.start < end and start < t.end for t in taken):
            continue
        if _PART_OF_NAME.search(text[max(0, start - 40) : start]):
            continue
        if _GENERIC_AFTER.match(text, end):
            continue
        found.append(new_match(start, end, by_key[normalize(text[start:end])]))
    return found


def _phrase_spans(
    text: str, pattern: re.Pattern[str], needles: Sequence[tuple[str, bool]]
) -> list[tuple[int, int]]:
    """Where ``pattern`` matches, found with ``str.find`` per name (many times quicker).

    ``needles``: each name of the pattern, lower-cased unless it is matched as written
    (``True``). The spans are those ``pattern.finditer`` gives: leftmost first, the longest
    name at a position, never overlapping, each between word boundaries.
    """
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lower case is longer: offsets would move
        return [m.span() for m in pattern.finditer(text)]
    hits = []
    for needle, exact in needles:
        haystack = text if exact else lowered
        at = haystack.find(needle)
        while at >= 0:
            end = at + len(needle)
            if _boundary(text, at) and _boundary(text, end):
                hits.append((at, end))
            at = haystack.find(needle, at + 1)
    hits.sort(key=lambda h: (h[0], h[0] - h[1]))
    spans: list[tuple[int, int]] = []
    for start, end in hits:
        if not spans or start >= spans[-1][1]:
            spans.append((start, end))
    return spans


def _boundary(text: str, at: int) -> bool:
    """Whether ``at`` is a word boundary of ``text`` as the ``re`` module's ``\\b`` sees it."""
    before = at > 0 and (text[at - 1].isalnum() or text[at - 1] == "_")
    after = at < len(text) and (text[at].isalnum() or text[at] == "_")
    return before != after


_PART_OF_NAME = re.compile(r"[A-Z][\w'’-]*\s+$")


_GENERIC_AFTER = re.compile(
    r"\s+(?:city|town|port|village|island|settlement|coast|of)\b|[-‐]?ern\b"
)


_LOWERCASE_NAMES: dict[int, tuple] = {}
#: Per gazetteer, the names of its phrase pattern for :func:`_phrase_spans`.
_PHRASE_NEEDLES: dict[int, list[tuple[str, bool]]] = {}


def _lowercase_names(
    gazetteer: Gazetteer,
) -> tuple[re.Pattern[str] | None, dict[str, Readings]]:
    """A regex of the curated names a capitalised run cannot read whole, and their places.

    Those are the names that start lower case ("far east"), matched as written, and the
    names with a lower-case word inside ("Bureya hydro-power station", "Great Hall of the
    People") or a geographic word first ("Lake Baikal"), matched in any case.
    """
    cached = _LOWERCASE_NAMES.get(id(gazetteer))
    if cached is not None and cached[2] is gazetteer:
        return cached[0], cached[1]
    names: dict[str, str] = {}
    phrases: dict[str, str] = {}
    for place in gazetteer.curated_places():
        for name in (place.name, *place.aliases):
            if name[:1].islower() and not name.startswith("the "):
                names.setdefault(name, normalize(name))
            elif _needs_phrase(name) and normalize(name) not in NOT_PLACES:
                phrases.setdefault(name, normalize(name))
    keys = {*names.values(), *phrases.values()}
    by_key = {key: readings_of(gazetteer.lookup_keys([key]).get(key, ()), key) for key in keys}
    _PHRASE_NEEDLES[id(gazetteer)] = [(n, True) for n in names] + [
        (n.lower(), False) for n in phrases
    ]
    if not names and not phrases:
        pattern = None
    else:
        words = sorted(
            [(n, re.escape(n)) for n in names]
            + [(n, "(?i:" + re.escape(n) + ")") for n in phrases],
            key=lambda pair: len(pair[0]),
            reverse=True,
        )
        pattern = re.compile(r"\b(?:" + "|".join(w for _, w in words) + r")\b")
    _LOWERCASE_NAMES[id(gazetteer)] = (pattern, by_key, gazetteer)
    return pattern, by_key


def _needs_phrase(name: str) -> bool:
    """Whether a capitalised name has words a capitalised run would not read with it."""
    if " " not in name.strip() or not name[:1].isupper():
        return False
    first = normalize(name.split()[0])
    return first in GEO_WORDS or _RUN.fullmatch(name) is None


def _name_matches(
    text: str, gazetteer: Gazetteer, taken: Sequence[tuple[int, int]]
) -> tuple[list[Match], set[str]]:
    """Capitalised names found in the gazetteer, and countries named by demonyms.

    Capitalised word runs are split into segments at possessives; each segment
    is matched greedily, longest name first.  People's names, outlets, weekdays,
    months, titles and time-zone phrases consume their words without a match.
    A name next to capitalised words that explain nothing ("Pacific Fleet", "Baikal-Amur
    Mainline", "Hassan Omar") is marked ``embedded``: a GeoNames-only one, or a curated
    place written by another name, is then no place (:func:`routes.read.parse.resolve.read_place`).
    """
    memo = _run_memo(gazetteer)
    runs = [(m.start(), m.group()) for m in _RUN.finditer(text)]
    missing = {run for _, run in runs if run not in memo}
    if missing:
        learnt = _learn_runs(gazetteer, missing)
        if len(memo) + len(learnt) > _RUN_MEMO_SIZE:
            memo.clear()
        memo.update(learnt)
    else:
        learnt = {}
    matches: list[Match] = []
    demonyms: set[str] = set()
    for offset, run in runs:
        segments = learnt.get(run) or memo.get(run)
        if segments is None:
            segments = _segments_of(gazetteer, run)
        for segment in segments:
            matches += _segment_places(text, gazetteer, offset, segment, taken, demonyms)
    return matches, demonyms


def _segment_places(
    text: str,
    gazetteer: Gazetteer,
    offset: int,
    segment: _Segment,
    taken: Sequence[tuple[int, int]],
    demonyms: set[str],
) -> list[Match]:
    """The places of one segment of a run at ``offset`` (none in a person's name)."""
    if _is_person(text, segment, offset + segment.tokens[0][0]):
        return [
            match
            for start, part in _after_a_name(text, gazetteer, offset, segment)
            for match in _segment_places(text, gazetteer, start, part, taken, demonyms)
        ]
    if segment.single is not None:
        match = _single_match(text, offset, segment, segment.single, taken)
        return [] if match is None else [match]
    tokens = [(offset + s, offset + e, kind) for s, e, kind in segment.tokens]
    return _segment_matches(text, tokens, segment, taken, demonyms)


def _after_a_name(
    text: str, gazetteer: Gazetteer, offset: int, segment: _Segment
) -> list[tuple[int, _Segment]]:
    """The segments, with their offsets, of a run's words beyond the longest name a person
    has: in writing read as lower case every word is capitalised, so "sergei is now being
    driven into kazan" is one run that a person's name must not swallow whole."""
    if len(segment.tokens) <= NAME_WORDS:
        return []
    start, end = offset + segment.tokens[NAME_WORDS][0], offset + segment.tokens[-1][1]
    rest = text[start:end]
    return [(start, part) for part in _segments_of(gazetteer, rest)]


def _segments_of(gazetteer: Gazetteer, run: str) -> tuple[_Segment, ...]:
    """The segments of one run: remembered, or learnt now and remembered."""
    memo = _run_memo(gazetteer)
    segments = memo.get(run)
    if segments is None:
        if len(memo) >= _RUN_MEMO_SIZE:
            memo.clear()
        segments = memo[run] = _learn_runs(gazetteer, {run})[run]
    return segments


def _single_match(
    text: str,
    offset: int,
    segment: _Segment,
    readings: Readings,
    taken: Sequence[tuple[int, int]],
) -> Match | None:
    """What :func:`_segment_matches` finds in a one-word segment that names a place."""
    start, end = offset + segment.tokens[0][0], offset + segment.tokens[0][1]
    if _TIME_ZONE.match(text, end) or _feature_after(text, end):
        return None
    if taken and not readings.country and _overlaps(taken, start, end):
        return None
    return new_match(start, end, readings, initial=_initial(text, start))


def _overlaps(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether one of ``spans`` (sorted by start) overlaps ``start:end``."""
    for low, high in spans:
        if low >= end:
            return False  # every span after it starts later still
        if start < high:
            return True
    return False


def _segment_matches(
    text: str,
    tokens: Sequence[tuple[int, int, int]],
    segment: _Segment,
    taken: Sequence[tuple[int, int]],
    demonyms: set[str],
) -> list[Match]:
    """The names matched in one segment (``tokens`` at their offsets in ``text``)."""
    explained = [False] * len(tokens)
    local: list[tuple[int, int, Match]] = []
    i = 0
    while i < len(tokens):
        step, match, known = _match_at(text, tokens, i, segment, taken, demonyms)
        if known:
            explained[i:step] = [True] * (step - i)
        if match is not None:
            local.append((i, step - 1, match))
        i = step
    matches = []
    for i, j, match in local:
        if _odd_neighbour(text, tokens, i, j, explained):
            match = replace(match, embedded=True)
        matches.append(match)
    return matches


@dataclass(frozen=True)
class _Segment:
    """A stretch of a capitalised run between possessives that may name something.

    Offsets are relative to the run.  ``keys[i]`` holds, for a word token ``i``,
    the lookup keys of the names starting there as ``(j, key)`` for each last
    token ``j``, longest first (empty for connectors and tails); ``found`` the
    places of those keys that name one.
    """

    tokens: tuple[tuple[int, int, int], ...]
    keys: tuple[tuple[tuple[int, str], ...], ...]
    found: dict[str, Readings]
    person: bool  # its first word starts people's names ("Kim", "Sergei")
    single: Readings | None = None  # a one-word segment's readings when nothing else matters


#: Runs whose segments are remembered per gazetteer (wire copy repeats its names).
_RUN_MEMO_SIZE = 50_000


_RUN_MEMOS: weakref.WeakKeyDictionary[Gazetteer, dict[str, tuple[_Segment, ...]]] = (
    weakref.WeakKeyDictionary()
)


def _run_memo(gazetteer: Gazetteer) -> dict[str, tuple[_Segment, ...]]:
    """The segments of the runs seen so far with ``gazetteer``, by run text."""
    memo = _RUN_MEMOS.get(gazetteer)
    if memo is None:
        memo = _RUN_MEMOS.setdefault(gazetteer, {})
    return memo


def _learn_runs(gazetteer: Gazetteer, runs: set[str]) -> dict[str, tuple[_Segment, ...]]:
    """The segments of ``runs`` that hold a known name or a demonym (one batch lookup)."""
    max_tokens = gazetteer.max_tokens
    whole = _possessives_named(gazetteer, runs)
    split = {
        run: [_segment_keys(run, t, max_tokens) for t in _run_tokens(run, whole.get(run, ()))]
        for run in runs
    }
    wanted = {
        key for parts in split.values() for _, keys in parts for own in keys for _, key in own
    }
    found = gazetteer.lookup_keys(wanted - NOT_PLACES)
    learnt: dict[str, tuple[_Segment, ...]] = {}
    for run, parts in split.items():
        segments = []
        for tokens, keys in parts:
            own = [key for options in keys for _, key in options]
            if not any(key in found or key in DEMONYMS for key in own):
                continue  # nothing here can become a place or name a country
            mine = {key: _readings(gazetteer, key, found[key]) for key in own if key in found}
            person = keys[0][-1][1] in PERSON_HEADS  # keys[0][-1]: the first word alone
            single = _single_readings(tokens, keys, mine)
            segments.append(_Segment(tuple(tokens), keys, mine, person, single))
        learnt[run] = tuple(segments)
    return learnt


def _possessives_named(gazetteer: Gazetteer, runs: Collection[str]) -> dict[str, set[int]]:
    """For each run, the offsets of its possessive words that a name holds with the word or
    two after them ("Arthur's Pass", "King's Lynn"; not "Toronto's Union Station"), by one
    batch lookup of those spans."""
    spans: dict[str, list[tuple[int, str]]] = {}
    for run in runs:
        for word in _POSSESSIVE_WORD.finditer(run):
            end = word.end()
            for _ in range(2):
                after = _NEXT_WORD.match(run, end)
                if after is None:
                    break
                end = after.end()
                spans.setdefault(run, []).append((word.start(), normalize(run[word.start() : end])))
    if not spans:
        return {}
    known = gazetteer.lookup_keys({key for found in spans.values() for _, key in found})
    return {
        run: {at for at, key in found if key in known and not _names_a_country(gazetteer, run, at)}
        for run, found in spans.items()
    }


def _names_a_country(gazetteer: Gazetteer, run: str, at: int) -> bool:
    """Whether the possessive word at ``at`` of ``run`` names a country ("Russia's Far
    East": the country is told too, and its part is a name of its own after it)."""
    word = _POSSESSIVE_WORD.match(run, at)
    owner = normalize(word.group()[:-2]) if word else ""
    return any(p.kind == Kind.COUNTRY for p in gazetteer.candidates(owner))


#: A capitalised word with a possessive before another capitalised word ("Arthur's Pass"),
#: and such a following word.
_POSSESSIVE_WORD = re.compile(r"[A-Z]\w*['’]s(?= [A-Z])")
_NEXT_WORD = re.compile(r" [A-Z][\w-]*")


_READINGS: weakref.WeakKeyDictionary[Gazetteer, dict[str, Readings]] = weakref.WeakKeyDictionary()


def _readings(gazetteer: Gazetteer, key: str, places: tuple[Place, ...]) -> Readings:
    """The readings of the places ``key`` names in ``gazetteer``, worked out once per key
    (many runs hold the same name: "Ostrava", "Ostrava Mayor", "In Ostrava").

    ``places`` is what the gazetteer gives for ``key``, which never changes; at most
    :data:`_RUN_MEMO_SIZE` keys are remembered.
    """
    memo = _READINGS.get(gazetteer)
    if memo is None:
        memo = _READINGS.setdefault(gazetteer, {})
    readings = memo.get(key)
    if readings is None:
        if len(memo) >= _RUN_MEMO_SIZE:
            memo.clear()
        readings = memo[key] = readings_of(places, key)
    return readings


def _single_readings(
    tokens: Sequence[tuple[int, int, int]],
    keys: Sequence[Sequence[tuple[int, str]]],
    found: dict[str, Readings],
) -> Readings | None:
    """The readings of a one-word segment whose word names a place and is nothing else.

    Such a segment is matched by :func:`_single_match`: its word is no title, "the",
    geographic word, known non-place, demonym or "North"/"South" (which need "the").
    """
    if len(tokens) != 1 or tokens[0][2] != _WORD_TOKEN:
        return None
    key = keys[0][-1][1]
    readings = found.get(key)
    if readings is None or not readings.places:
        return None
    if key in TITLES or key == "the" or key in GEO_WORDS or key in NOT_PLACES:
        return None
    if key in DEMONYMS or key in _NEEDS_THE:
        return None
    return readings


def _segment_keys(
    run: str, tokens: list[tuple[int, int, int]], max_tokens: int
) -> tuple[list[tuple[int, int, int]], tuple[tuple[tuple[int, str], ...], ...]]:
    """A segment's tokens and, per word token, the keys of the names starting there."""
    keys = []
    for i, first in enumerate(tokens):
        if first[2] != _WORD_TOKEN:
            keys.append(())
            continue
        last = min(len(tokens), i + max_tokens) - 1
        keys.append(
            tuple(
                (j, normalize(run[first[0] : tokens[j][1]]))
                for j in range(last, i - 1, -1)
                if tokens[j][2] != _CONNECTOR
            )
        )
    return tokens, tuple(keys)


def _match_at(
    text: str,
    tokens: Sequence[tuple[int, int, int]],
    i: int,
    segment: _Segment,
    taken: Sequence[tuple[int, int]],
    demonyms: set[str],
) -> tuple[int, Match | None, bool]:
    """Match the longest name starting at token ``i``.

    Returns
    -------
    tuple
        The next token index, the match (or None), and whether the words taken
        are accounted for (a curated place, a country, a title, a known non-place).
    """
    start = tokens[i][0]
    if tokens[i][2] != _WORD_TOKEN:
        return i + 1, None, tokens[i][2] == _TAIL
    options = segment.keys[i]
    first = options[-1][1]
    after_name = i > 0 or _AFTER_POSSESSIVE.search(text, max(0, start - 4), start) is not None
    if after_name and _names_a_station(text, tokens[i][1], first):
        return i + 1, None, True  # "Shenyang North station": one of the town's stations
    if first in TITLES and not _titled_place(text, start, segment, i):
        # a title and the name after it (never the rest of a long run)
        return i + 1 + _name_after_title(text, tokens, i), None, True
    if first in FEATURE_HEADS and i + 1 < len(tokens) and not _names_with_next(segment, i):
        return i + 2, None, True  # "Lake Onega" unknown: the lake, not the town of Onega
    if first == "the" or (first in GEO_WORDS and not _names_with_next(segment, i)):
        return i + 1, None, True  # "the", or a geographic word alone ("Port" of "Port Arthur"
        # is a place only when the gazetteer knows the two: "Port Augusta")
    for j, key in options:
        end = tokens[j][1]
        if key in NOT_PLACES:
            return j + 1, None, True
        if key in DEMONYMS:
            demonyms.add(DEMONYMS[key])
            return j + 1, None, True
        readings = segment.found.get(key)
        if readings is None or not readings.places:
            continue
        if _TIME_ZONE.match(text, end):  # "Moscow time": a clock, no place
            return j + 1, None, True
        if _feature_after(text, end):  # "Rogers Pass" unknown: the pass, not Rogers
            return j + 2, None, True
        if key in _NEEDS_THE and not _THE_BEFORE.search(text, max(0, start - 5), start):
            continue
        if taken and not readings.country and _overlaps(taken, start, end):
            return j + 1, None, True
        initial = i == 0 and _initial(text, start)
        match = new_match(start, end, readings, initial=initial)
        return j + 1, match, not readings.global_only
    return i + 1, None, False


def _name_after_title(text: str, tokens: Sequence[tuple[int, int, int]], i: int) -> int:
    """How many tokens after the title at token ``i`` its name takes: at most
    :data:`NAME_WORDS`, and none past a common word after its first (in writing read as
    lower case every word is capitalised: "the leader arrived in kyiv" names no "Arrived In
    Kyiv")."""
    last = min(len(tokens), i + 1 + NAME_WORDS)
    for j in range(i + 2, last):
        start, end, _kind = tokens[j]
        if text[start:end].lower() in COMMON_WORDS:
            return j - i - 1
    return last - i - 1


def _titled_place(text: str, start: int, segment: _Segment, i: int) -> bool:
    """Whether a name opening with a title at token ``i`` (at ``start``) is a place: the
    gazetteer knows it whole and a word of place stands right before it ("left Jasper for
    Prince Rupert", "flew to Prince George"; ``[frames] place_before`` and
    ``titled_place_before``) or it opens a line (a dateline), not a person ("met Prince
    George")."""
    word = word_before(text, start).lower()
    placed = word in _PLACE_BEFORE or word in _TITLED_PLACE_BEFORE or _opens_a_line(text, start)
    return placed and _names_with_next(segment, i)


def _opens_a_line(text: str, start: int) -> bool:
    """Whether ``start`` opens the text or a line of it, where a dateline stands ("PRINCE
    RUPERT, British Columbia, Sept 27 (Wire) -"): a titled name there is the place."""
    return not text[text.rfind("\n", 0, start) + 1 : start].strip(" \t\ufeff")


def _names_with_next(segment: _Segment, i: int) -> bool:
    """Whether a name of two or more words that starts at token ``i`` names a place."""
    return any(
        j > i and (readings := segment.found.get(key)) is not None and readings.places
        for j, key in segment.keys[i]
    )


def _names_a_station(text: str, end: int, word: str) -> bool:
    """Whether ``word``, ending at ``end`` after a name (or its possessive), is a point of the
    compass or a station's naming word that a station word follows ("Harbin West railway
    station", "Toronto's Union Station": ``[frames] station_points``)."""
    return word in _STATION_POINTS and _STATION_POINT_AFTER.match(text, end) is not None


_STATION_POINTS = frozenset(LEXICON.frames.get("station_points", ()))
#: A name's possessive right before a word ("Toronto's Union Station").
_AFTER_POSSESSIVE = re.compile(r"\w['’]s\s+$")
_STATION_POINT_AFTER = re.compile(
    rf"\s+(?:{alternation(LEXICON.frames.get('station_point_after', ())) or '(?!)'})\b",
    re.IGNORECASE,
)


def _global_only(match: Match) -> bool:
    """Whether only GeoNames entries could be meant (no curated place)."""
    return match.global_only


def _odd_neighbour(
    text: str, tokens: Sequence[tuple[int, int, int]], i: int, j: int, explained: Sequence[bool]
) -> bool:
    """Whether tokens ``i..j`` sit next to a capitalised word that nothing explains.

    A word hyphenated after the name is its part ("Rzeszów-Jasionka", an airport named
    after its city and village), not an unknown name around it.
    """
    for k, step in ((i - 1, -1), (j + 1, 1)):
        while 0 <= k < len(tokens) and tokens[k][2] == _CONNECTOR:
            k += step
        if step == 1 and k == j + 1 < len(tokens) and _hyphenated(text, tokens, j):
            continue
        inside = 0 <= k < len(tokens) and not explained[k]
        if inside and not _explains_itself(text, tokens[k]):
            return True
    return False


def _explains_itself(text: str, token: tuple[int, int, int]) -> bool:
    """Whether a capitalised word beside a name is no unknown name: a geographic word, or a
    common word or a participle capitalised only because it opens the sentence ("Since
    Irkutsk it had …", "Reaching Kazan, the train …"). Only words that name nothing reach
    here (a place called "Reading" explains itself), so an opening "-ing" word is the verb.
    """
    word = normalize(text[token[0] : token[1]])
    if word in GEO_WORDS:
        return True
    return (word in COMMON_WORDS or _PARTICIPLE.fullmatch(word) is not None) and _initial(
        text, token[0]
    )


#: An English present participle ("leaving", "nearing"): a verb, not a name, when it opens
#: a sentence before a place.
_PARTICIPLE = re.compile(r"[a-z]{3,}ing")


def _hyphenated(text: str, tokens: Sequence[tuple[int, int, int]], j: int) -> bool:
    """Whether token ``j + 1`` is joined to token ``j`` by a hyphen alone."""
    return text[tokens[j][1] : tokens[j + 1][0]] in _HYPHENS


_HYPHENS = frozenset({"-", "‐"})


_NEEDS_THE = frozenset({"north", "south"})


_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")


_TIME_ZONE = re.compile(r"\s+(?:[Tt]ime|[Ss]tandard\s+[Tt]ime)\b")


#: The word right after a name, and a comma, colon, semicolon or bracket after it if one is.
_WORD_AFTER = re.compile(r"[ \t]+(\w+)([,;:)])?")


def _feature_after(text: str, end: int) -> bool:
    """Whether a word that closes a feature's name follows the name ending at ``end``
    (``[words] feature_tails``: "the Fraser canyon"; ``feature_tails_verbs`` capitalised or
    before a comma, colon, semicolon or bracket: "Rogers Pass", "La Raya pass, at 4,319
    metres", but not "trains from X pass through Y" nor "as the mercury in X falls.")."""
    m = _WORD_AFTER.match(text, end)
    if m is None:
        return False
    word = m.group(1).lower()
    if word in FEATURE_TAILS:
        return True
    return word in FEATURE_TAILS_VERBS and (m.group(1)[0].isupper() or m.group(2) is not None)


_WORD_TOKEN, _CONNECTOR, _TAIL = 0, 1, 2


def _run_tokens(run: str, whole: Collection[int] = ()) -> Iterator[list[tuple[int, int, int]]]:
    """Token lists (start, end, kind) of one capitalised run, cut at possessives (except
    those starting at an offset of ``whole``: a name holds them, "Arthur's Pass").

    A token's kind is a word, a connector ("of", "-on-") or a lower-case tail
    ("region", "krai", "station") that may end a name but never start one.
    Offsets are relative to the run.
    """
    tokens: list[tuple[int, int, int]] = []
    for tm in _TOKEN.finditer(run):
        word = tm.group()
        start, end = tm.start(), tm.end()
        possessive = word.endswith(_POSSESSIVE) and len(word) > 2 and start not in whole
        if possessive:
            end -= 2
        if word in CONNECTORS:
            kind = _CONNECTOR
        elif word in TAIL_WORDS:
            kind = _TAIL
        else:
            kind = _WORD_TOKEN
        tokens.append((start, end, kind))
        if possessive:
            yield _trim(tokens)
            tokens = []
    if tokens:
        yield _trim(tokens)


def _trim(tokens: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Tokens without leading connectors or tails, nor trailing connectors."""
    while tokens and tokens[-1][2] == _CONNECTOR:
        tokens.pop()
    while tokens and tokens[0][2] != _WORD_TOKEN:
        tokens.pop(0)
    return tokens


def _is_person(text: str, segment: _Segment, start: int) -> bool:
    """Whether a segment (at ``start``) is a person's name: a known first word or a title.

    A first name alone after a preposition of place ("through Vladimir, where") is the town.
    """
    if segment.person and len(segment.tokens) > 1:
        return True
    word = word_before(text, start).lower()
    if segment.person:
        return word not in _PLACE_BEFORE
    return word in TITLES


_PLACE_BEFORE = frozenset(LEXICON.frames.get("place_before", ()))
_TITLED_PLACE_BEFORE = frozenset(LEXICON.frames.get("titled_place_before", ()))


#: Characters before a name read for the word before it (:func:`word_before`).
_WORD_REACH = 30
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def word_before(text: str, start: int, reach: int = _WORD_REACH) -> str:
    """The ASCII word (maybe with a full stop, then blank space) right before ``start``.

    What ``\\b([A-Za-z]+)\\.?\\s+$`` searched from ``start - reach`` to ``start`` captures ("" when
    nothing), read backwards from ``start`` instead of tried at every position.
    """
    low = max(0, start - reach)
    i = start
    while i > low and text[i - 1].isspace():
        i -= 1
    if i == start:
        return ""
    if i > low and text[i - 1] == ".":
        i -= 1
    end = i
    while i > low and text[i - 1] in _ASCII_LETTERS:
        i -= 1
    if i == end or (i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_")):
        return ""  # no word, or one that goes on before it (no word boundary)
    return text[i:end]


def _initial(text: str, start: int) -> bool:
    """Whether ``start`` opens a sentence (or a quote, a heading, the text)."""
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_OPENERS
