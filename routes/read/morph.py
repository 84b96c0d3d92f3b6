"""Morphology for the Korean and Russian reader: where a name stands and its dictionary form.

Korean writes particles and endings onto the noun (평양에서, 하산으로, 두만강역을); Kiwi
(``kiwipiepy`` with ``kiwipiepy-model``) segments a report into morphemes with character
offsets. Russian inflects names (из Пхеньяна, в Комсомольске-на-Амуре); pymorphy3 (with
``pymorphy3-dicts-ru``) gives each word its dictionary forms. Both analysers are loaded on
first use and shared by the process; results are memoised.

:func:`name_spans` finds the stretches of a report that name something the caller's
``lookup`` knows, with offsets on the ORIGINAL characters of the name part (the
inflected form in Russian, the noun without its particle in Korean), never on a lemma.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from routes.read.gazetteer import normalize
from routes.read.lexicon import LANG_DIR

#: Entries kept by each memoised analysis (wire copy repeats its words and sentences).
_MEMO = 16384
#: Longest name, in words (Russian) or eojeols (Korean), ever tried.
MAX_NAME_WORDS = 4
#: Shortest Korean name part, in syllables: one syllable is a particle or a prefix (북, 중).
MIN_KOREAN_CHARS = 2
#: Longest name part tried, in characters (bounds the work on a run of letters without
#: blanks in hostile text; the longest curated names are under 20).
MAX_NAME_CHARS = 40
#: Forms of a Russian word tried as parts of a name key (surface, then dictionary forms).
MAX_FORMS = 3
#: Characters a Korean report may have for Kiwi (longer ones are segmented in pieces).
KIWI_CHUNK = 20_000

#: A lookup: normalised keys → what each key names (only keys that name something).
Lookup = Callable[[Iterable[str]], Mapping[str, Any]]


@dataclass(frozen=True)
class Token:
    """One morpheme (Korean) or word (Russian) of a text, at ``text[start:end]``."""

    start: int
    end: int
    form: str  # the dictionary form (Kiwi's morpheme form, pymorphy's normal form)
    tag: str  # Kiwi's Sejong tag or pymorphy's part of speech


@dataclass(frozen=True)
class NameSpan:
    """A stretch of text naming something: ``text[start:end]`` and the key it was found by."""

    start: int
    end: int
    key: str
    found: Any  # what ``lookup`` gave for ``key``


def name_spans(
    text: str,
    language: str,
    lookup: Lookup,
    *,
    heads: frozenset[str] = frozenset(),
    tails: frozenset[str] = frozenset(),
    skip: frozenset[str] = frozenset(),
    governors: frozenset[str] = frozenset(),
) -> list[NameSpan]:
    """Names of a Korean (``"ko"``) or Russian (``"ru"``) text that ``lookup`` knows.

    See :func:`korean_name_spans` and :func:`russian_name_spans`; ``heads``, ``tails`` and
    ``governors`` are used for Russian only.
    """
    if language == "ko":
        return korean_name_spans(text, lookup, skip)
    if language == "ru":
        return russian_name_spans(
            text, lookup, heads=heads, tails=tails, skip=skip, governors=governors
        )
    msg = f"no morphology for language {language!r} (only 'ko' and 'ru')"
    raise ValueError(msg)


# --- Korean -------------------------------------------------------------------------------

_HANGUL_RUN = re.compile(r"[가-힣]+")
#: Kiwi tags that may follow a name inside one eojeol: particles, endings, copula, suffixes.
_KO_AFTER_NAME = ("J", "E", "XS", "VCP", "VCN")


@functools.cache
def _kiwi() -> Any:
    """The Kiwi analyser with the curated Korean place names as proper nouns (built once)."""
    from kiwipiepy import Kiwi

    kiwi = Kiwi(load_multi_dict=False)
    for name in _korean_user_words():
        kiwi.add_user_word(name, "NNP")
    return kiwi


def _korean_user_words() -> tuple[str, ...]:
    """Single-word Korean names of the curated gazetteer (segmented whole by Kiwi)."""
    import json

    from routes.read.gazetteer import PLACES_PATH

    data = json.loads(PLACES_PATH.read_text(encoding="utf-8"))
    names: dict[str, None] = {}
    for item in data["places"]:
        for name in (item.get("ko") or "", *item.get("aliases", ())):
            if name and " " not in name and _HANGUL_RUN.fullmatch(name):
                names.setdefault(name)
    return tuple(names)


@functools.lru_cache(maxsize=64)
def korean_tokens(text: str) -> tuple[Token, ...]:
    """Kiwi's morphemes of ``text`` with offsets into it (memoised per text)."""
    tokens: list[Token] = []
    for base in range(0, len(text), KIWI_CHUNK):
        chunk = text[base : base + KIWI_CHUNK]
        for t in _kiwi().tokenize(chunk):
            tokens.append(Token(base + t.start, base + t.start + t.len, t.form, t.tag))
    return tuple(tokens)


def korean_name_spans(
    text: str, lookup: Lookup, skip: frozenset[str] = frozenset()
) -> list[NameSpan]:
    """Names in Korean ``text`` that ``lookup`` knows, particles left off.

    Each eojeol (run of Hangul) is tried as the start of a name of up to
    :data:`MAX_NAME_WORDS` eojeols; the longest known prefix wins when what follows it
    in its eojeol is nothing, a particle or ending Kiwi finds there, or one of the
    ``particles`` of ``lang/ko.toml`` (역, 에서, 으로 …).

    Parameters
    ----------
    text
        The report text.
    lookup
        Normalised keys → what they name (only known keys are returned).
    skip
        Normalised names never taken (outlets, people: ``lang/ko.toml``).
    """
    words = [(m.start(), m.end()) for m in _HANGUL_RUN.finditer(text)]
    tried: dict[str, list[tuple[int, int, int]]] = {}
    for i, (start, _end) in enumerate(words):
        for stop, end in _korean_candidates(text, words, i):
            tried.setdefault(text[start:end], []).append((i, stop, end))
    found = lookup(set(tried) - skip)
    boundaries = _korean_boundaries(text) if found else frozenset()
    particles = _ko_particles()
    spans: list[NameSpan] = []
    i = 0
    while i < len(words):
        best = _korean_best(text, words, i, found, boundaries, particles)
        if best is None or best[1] - words[i][0] <= _skipped(text, words[i], skip):
            i += 1  # a name never taken, unless a longer place starts with it (김일성광장)
            continue
        stop, end, key = best
        spans.append(NameSpan(words[i][0], end, key, found[key]))
        i = stop + 1
    return spans


def _skipped(text: str, word: tuple[int, int], skip: frozenset[str]) -> int:
    """How long a name never taken that an eojeol opens with is ("조로친선관계를",
    "조선중앙통신은"), or 0."""
    start, end = word
    end = min(end, start + MAX_NAME_CHARS)
    return next((stop - start for stop in range(end, start + 1, -1) if text[start:stop] in skip), 0)


def _korean_candidates(
    text: str, words: Sequence[tuple[int, int]], i: int
) -> Iterable[tuple[int, int]]:
    """(last eojeol index, end offset) of every name that may start at eojeol ``i``."""
    for stop in range(i, min(len(words), i + MAX_NAME_WORDS)):
        if stop > i and text[words[stop - 1][1] : words[stop][0]] != " ":
            break  # a name runs over single spaces only
        low = words[stop][0] + (MIN_KOREAN_CHARS if stop == i else 1)
        high = min(words[stop][1], words[i][0] + MAX_NAME_CHARS)
        for end in range(high, low - 1, -1):
            yield stop, end


def _korean_best(
    text: str,
    words: Sequence[tuple[int, int]],
    i: int,
    found: Mapping[str, Any],
    boundaries: frozenset[int],
    particles: tuple[str, ...],
) -> tuple[int, int, str] | None:
    """The longest known name starting at eojeol ``i`` that ends where a name may end."""
    best = None
    for stop, end in _korean_candidates(text, words, i):
        key = text[words[i][0] : end]  # Hangul and single spaces: its own key
        if key not in found:
            continue
        rest = text[end : words[stop][1]]
        ends_here = not rest or end in boundaries or rest.startswith(particles)
        if ends_here and (best is None or end > best[1]):
            best = (stop, end, key)
    return best


def korean_tokens_between(text: str, low: int, high: int) -> tuple[Token, ...]:
    """Kiwi's morphemes of ``text`` that start in ``low:high``."""
    tokens, starts = _korean_index(text)
    return tokens[bisect.bisect_left(starts, low) : bisect.bisect_left(starts, high)]


@functools.lru_cache(maxsize=64)
def _korean_index(text: str) -> tuple[tuple[Token, ...], tuple[int, ...]]:
    """The morphemes of ``text`` and their start offsets (sorted), for range look-ups."""
    tokens = korean_tokens(text)
    return tokens, tuple(t.start for t in tokens)


def korean_proper_noun_at(text: str, start: int) -> bool:
    """Whether Kiwi reads the morpheme starting at ``start`` as a proper noun (NNP).

    Korean words that GeoNames also holds as town names (위해 "for", 나가 "go out",
    세부 "details") are verbs or common nouns to Kiwi.
    """
    return any(t.tag == "NNP" for t in korean_tokens_between(text, start, start + 1))


def korean_unknown_noun_at(text: str, start: int, end: int) -> bool:
    """Whether Kiwi knows ``text[start:end]`` as no word of its own but reads it as nouns:
    a foreign name it has not learnt, split into noun pieces ("창춘" as 창 + 춘, "무단장" as
    the prefix 무 + 단장) or run into the noun after it ("창춘역" as one noun). A Korean
    word that is also a town's name ("예산", budget; "음성", voice) is one morpheme of its
    own and is no such name."""
    tokens = korean_tokens_between(text, start, end)
    if not tokens or tokens[0].start != start:
        return False
    if not all(t.tag.startswith(_KO_NOUN) or t.tag == _KO_PREFIX for t in tokens):
        return False
    return len(tokens) > 1 or tokens[0].end > end


#: Kiwi's tags of a noun (common, proper, bound) and of a noun prefix.
_KO_NOUN = "NN"
_KO_PREFIX = "XPN"


def _korean_boundaries(text: str) -> frozenset[int]:
    """Offsets where Kiwi starts a particle, ending or suffix after a noun."""
    return frozenset(t.start for t in korean_tokens(text) if t.tag.startswith(_KO_AFTER_NAME))


@functools.cache
def _ko_particles() -> tuple[str, ...]:
    """The particles and suffix nouns that may follow a Korean name (``lang/ko.toml``)."""
    import tomllib

    with (LANG_DIR / "ko.toml").open("rb") as handle:
        data = tomllib.load(handle)
    items = data.get("names", {}).get("particles")
    if not isinstance(items, list) or not all(isinstance(p, str) for p in items):
        msg = "ko.toml: names.particles must be a list of strings"
        raise ValueError(msg)
    return tuple(sorted(items, key=len, reverse=True))


# --- Russian ------------------------------------------------------------------------------

_RU_WORD = re.compile(r"[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*")


@functools.cache
def _morph() -> Any:
    """The pymorphy3 analyser for Russian (built once)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@functools.lru_cache(maxsize=_MEMO)
def russian_forms(word: str) -> tuple[str, ...]:
    """Lower-case forms of a Russian word a name may be indexed by, surface form first.

    The surface form, then a soft stem a guessed noun may have ("Тяньцзине" → "тяньцзинь"),
    then each analysis' nominative singular in its own gender ("Южной" → "южная",
    "Приморского" → "приморский") and its normal form, a verb's last, at most
    :data:`MAX_FORMS` forms (memoised).
    """
    lower = word.lower()
    parses = sorted(_morph().parse(lower)[:4], key=_verbal)
    forms = {lower: None}
    adjective = bool(parses) and parses[0].tag.POS == "ADJF"  # "Боомскому": боомское too
    forms |= {p.normal_form + "ь": None for p in parses if not adjective and _soft_stem_guess(p)}
    forms |= dict.fromkeys(_first_declension_guess(lower, parses))
    forms |= dict.fromkeys(_second_declension_guess(lower, parses))
    for parse in parses:
        nominative = parse.inflect({"nomn"})
        for form in (nominative.word if nominative else "", parse.normal_form):
            if form:
                forms.setdefault(form)
    return tuple(forms)[:MAX_FORMS]


@functools.lru_cache(maxsize=8192)
def russian_parses(word: str) -> tuple[Any, ...]:
    """pymorphy3's analyses of a lower-case Russian ``word`` (memoised)."""
    return tuple(_morph().parse(word))


def _verbal(parse: Any) -> bool:
    """Whether an analysis of a word is a verb's (tried after the others: "Даньдуну" is a
    town's dative before it is a guessed verb's future)."""
    return parse.tag.POS in _VERBAL_POS


#: pymorphy3's parts of speech of verb forms.
_VERBAL_POS = frozenset({"VERB", "INFN", "PRTF", "PRTS", "GRND"})


def _soft_stem_guess(parse: Any) -> bool:
    """Whether a guessed masculine noun may as well be a soft stem whose "ь" its endings
    drop ("Тяньцзине": Тяньцзинь, guessed as "тяньцзин"); that form is tried first."""
    tag = parse.tag
    form = parse.normal_form
    return (
        not parse.is_known
        and tag.POS == "NOUN"
        and tag.gender == "masc"
        and form[-1:] in _HARD_CONSONANTS
    )


def _first_declension_guess(word: str, parses: Sequence[Any]) -> tuple[str, ...]:
    """The nominative in "-а"/"-я" of a name pymorphy3 does not know and reads as an
    indeclinable one, when its ending is a case ending of such nouns ("в Рускеалу",
    "из Рускеалы": Рускеала); tried after the surface form."""
    if not parses or parses[0].is_known or "Fixd" not in parses[0].tag:
        return ()
    for ending, nominative in _FIRST_DECLENSION_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return (word[: -len(ending)] + nominative,)
    return ()


def _second_declension_guess(word: str, parses: Sequence[Any]) -> tuple[str, ...]:
    """The nominative of a masculine name with a hard stem that pymorphy3 does not know and
    guesses as another noun, when its ending is a case ending of such nouns ("в Токмоке",
    "из Токмока", "к Токмоку", "под Токмоком": Токмок); tried after the surface form."""
    if not parses or parses[0].is_known or parses[0].tag.POS != "NOUN":
        return ()
    for ending in _SECOND_DECLENSION_ENDINGS:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) > 2 and stem[-1] in _HARD_STEM_ENDS:
            return (stem,)
    return ()


#: Case endings of masculine nouns with a hard stem (Токмок, Кант), longest first.
_SECOND_DECLENSION_ENDINGS = ("ом", "е", "а", "у")
#: Consonants a hard masculine stem may end with before those endings.
_HARD_STEM_ENDS = frozenset("бвгдзклмнпрстфх")


#: Case endings of first-declension nouns ("-а", "-я") and their nominative, longest first.
_FIRST_DECLENSION_ENDINGS = (
    ("ой", "а"), ("ою", "а"), ("ей", "я"), ("ею", "я"),
    ("у", "а"), ("ы", "а"), ("е", "а"), ("ю", "я"), ("и", "я"),
)  # fmt: skip


#: Consonants a soft sign may follow at the end of a masculine noun (Тяньцзинь, Чанчунь).
_HARD_CONSONANTS = frozenset("бвдзлмнпрстф")


@functools.lru_cache(maxsize=_MEMO)
def _russian_parse(word: str) -> tuple[str, str]:
    """(lemma with ё read as е, pymorphy tag) of a lower-case Russian word (memoised)."""
    parses = _morph().parse(word)
    if not parses:
        return word.replace("ё", "е"), ""
    return parses[0].normal_form.replace("ё", "е"), str(parses[0].tag)


def russian_lemma(word: str) -> str:
    """The dictionary form of a Russian word ("прибыл" → "прибыть"), ё read as е."""
    return _russian_parse(word.lower())[0]


@functools.lru_cache(maxsize=_MEMO)
def russian_cases(word: str) -> frozenset[str]:
    """The grammatical cases a Russian word may stand in ("Москву" → accs; "Токио": Fixd)."""
    cases: set[str] = set()
    for parse in _morph().parse(word.lower())[:4]:
        if parse.tag.case:
            cases.add(str(parse.tag.case))
        if "Fixd" in parse.tag:
            cases.add("Fixd")
    return frozenset(cases)


@functools.lru_cache(maxsize=_MEMO)
def russian_adjective(name: str) -> bool:
    """Whether pymorphy3's likeliest reading of a name's last word is an adjective."""
    parses = _morph().parse(name.split()[-1].lower())
    return bool(parses) and parses[0].tag.POS in ("ADJF", "ADJS", "PRTF")


def _geox(word: str) -> bool:
    """Whether pymorphy3 has a reading of ``word`` as a place name (Geox)."""
    return any("Geox" in p.tag for p in _morph().parse(word.lower()))


def _likely_geox(word: str) -> bool:
    """Whether pymorphy3 reads ``word`` as a place name (:func:`_geox`) and its likeliest
    reading is no adjective (:func:`russian_adjective`): "тайшет", "тында"; not "северном",
    far likelier the adjective "northern" than the town Severny."""
    return _geox(word) and not russian_adjective(word)


def russian_geographic(name: str) -> bool:
    """Whether pymorphy3 reads a name as a place (Geox) or does not know its last word."""
    last = name.split()[-1].lower()
    parses = _morph().parse(last)
    return any("Geox" in p.tag for p in parses) or all(not p.is_known for p in parses)


#: pymorphy3's tags of a person's first name, surname and patronymic.
_PERSON_TAGS = ("Name", "Surn", "Patr")


def russian_person_name(name: str) -> bool:
    """Whether pymorphy3's likeliest reading of a name's last word is a person's name.

    "Владимиром" and "Гагарина" are read first as a first name and a surname, though
    GeoNames knows towns of those names; "Кирове" and "Казани" are read as places.
    """
    parses = _morph().parse(name.split()[-1].lower())
    return bool(parses) and any(tag in parses[0].tag for tag in _PERSON_TAGS)


def russian_tokens(text: str) -> tuple[Token, ...]:
    """The Cyrillic words of ``text`` with their lemmas and pymorphy tags."""
    tokens = []
    for m in _RU_WORD.finditer(text):
        lemma, tag = _russian_parse(m.group().lower())
        tokens.append(Token(m.start(), m.end(), lemma, tag))
    return tuple(tokens)


def russian_future(text: str, tokens: Sequence[Token] | None = None) -> bool:
    """Whether ``text`` (a clause) holds a verb in the future tense (``tokens``: its
    :func:`russian_tokens`, when known). A capitalised word inside it is a name, whatever
    pymorphy3 guesses ("к Даньдуну" is no future of a verb "даньдунуть")."""
    words = russian_tokens(text) if tokens is None else tokens
    return any(
        "futr" in t.tag and (i == 0 or not text[t.start : t.start + 1].isupper())
        for i, t in enumerate(words)
    )


def russian_past(text: str) -> bool:
    """Whether ``text`` (a clause) holds a verb in the past tense (a capitalised word inside
    it is a name, as in :func:`russian_future`)."""
    return any(
        "past" in t.tag and (i == 0 or not text[t.start : t.start + 1].isupper())
        for i, t in enumerate(russian_tokens(text))
    )


def russian_name_spans(
    text: str,
    lookup: Lookup,
    *,
    heads: frozenset[str] = frozenset(),
    tails: frozenset[str] = frozenset(),
    skip: frozenset[str] = frozenset(),
    governors: frozenset[str] = frozenset(),
) -> list[NameSpan]:
    """Names in Russian ``text`` that ``lookup`` knows, in any case form.

    A name is a run of capitalised words, maybe opened by a lower-case head word
    ("космодроме Восточный", "мосту Дружбы") and closed by a tail ("Приморского края"),
    or one lower-case word that pymorphy3 knows as a place right after a word governing a
    place (``governors``: "прошёл через тайшет", typed in haste); its keys join each word's
    forms (:func:`russian_forms`). The longest known stretch of a run wins; the span
    covers the words as written.

    Parameters
    ----------
    text
        The report text.
    lookup
        Normalised keys → what they name.
    heads, tails
        Lemmas of lower-case words that may open or close a name (``lang/ru.toml``).
    skip
        Normalised names never taken (outlets, people, institutions).
    governors
        Lemmas of the words after which a lower-case place name is read.
    """
    runs = _russian_runs(text, heads, tails, governors)
    wanted: set[str] = set()
    for run in runs:
        for i in range(len(run)):
            for j in range(i, min(len(run), i + MAX_NAME_WORDS)):
                wanted.update(_russian_keys(text, run[i : j + 1]))
    found = lookup(wanted - skip)
    spans: list[NameSpan] = []
    for run in runs:
        i = 0
        while i < len(run):
            hit = _russian_best(text, run, i, found, heads, skip)
            if hit is None:
                i += 1
                continue
            j, keys = hit
            if keys:
                spans.append(NameSpan(run[i][0], run[j][1], keys[0], _readings_of(keys, found)))
            i = j + 1
    headed = _headed_lower_case(text, lookup, heads, skip)
    return sorted(spans + [h for h in headed if not _overlaps(h, spans)], key=lambda s: s.start)


def _headed_lower_case(
    text: str, lookup: Lookup, heads: frozenset[str], skip: frozenset[str]
) -> list[NameSpan]:
    """Names typed in lower case as a head word and the word after it that together are a
    name ``lookup`` knows ("на остров X", "в аэропорт Y" with X and Y in lower case): the
    pair only, so the lower-case word alone never becomes a place."""
    words = list(_RU_WORD.finditer(text))
    pairs = [
        (a, b)
        for a, b in itertools.pairwise(words)
        if text[a.end() : b.start()] == " "
        and a.group().islower()
        and b.group().islower()
        and russian_lemma(a.group()) in heads
        and russian_lemma(b.group()) not in heads
    ]
    keys = {(a, b): _russian_keys(text, [a.span(), b.span()]) for a, b in pairs}
    found = lookup({k for ks in keys.values() for k in ks} - skip)
    spans = []
    for (a, b), options in keys.items():
        key = next((k for k in options if k in found), None)
        if key is not None:
            spans.append(NameSpan(a.start(), b.end(), key, found[key]))
    return spans


def _overlaps(span: NameSpan, spans: Sequence[NameSpan]) -> bool:
    """Whether ``span`` shares a character with any of ``spans``."""
    return any(span.start < other.end and other.start < span.end for other in spans)


def _russian_best(
    text: str,
    run: Sequence[tuple[int, int]],
    i: int,
    found: Mapping[str, Any],
    heads: frozenset[str],
    skip: frozenset[str],
) -> tuple[int, tuple[str, ...]] | None:
    """The last word index of the longest known name starting at word ``i``, and its keys
    that ``found`` knows (its forms, surface form first).

    The keys are none when the words are a longer name never taken (they are skipped whole).
    """
    for j in range(min(len(run), i + MAX_NAME_WORDS) - 1, i - 1, -1):
        if j == i and russian_lemma(text[run[i][0] : run[i][1]]) in heads:
            continue  # a head word alone ("мост") names nothing
        keys = _russian_keys(text, run[i : j + 1])
        if j > i and any(key in skip for key in keys):
            return j, ()  # a longer non-place ("Владимир Путин") takes its words
        known = tuple(key for key in keys if key in found and key not in skip)
        if known:
            return j, known
    return None


def _readings_of(keys: Sequence[str], found: Mapping[str, Any]) -> Any:
    """What a name's known ``keys`` (its forms) name: the first key's, with the other forms'
    too when ``found`` holds tuples of places ("в Кеми" is Finland's Kemi as written and
    Karelia's Kem' as the form of "Кемь", and the report's other places choose)."""
    first = found[keys[0]]
    if not isinstance(first, tuple):
        return first
    merged = dict.fromkeys(first)
    for other in keys[1:]:
        if isinstance(found[other], tuple):
            merged.update(dict.fromkeys(found[other]))
    return tuple(merged)


def _russian_keys(text: str, words: Sequence[tuple[int, int]]) -> tuple[str, ...]:
    """Normalised keys of a stretch of words: every mix of each word's forms."""
    options = [russian_forms(text[s:e]) for s, e in words]
    keys = (normalize(" ".join(combo)) for combo in itertools.product(*options))
    return tuple(dict.fromkeys(keys))


def _russian_runs(
    text: str,
    heads: frozenset[str],
    tails: frozenset[str],
    governors: frozenset[str] = frozenset(),
) -> list[list[tuple[int, int]]]:
    """Runs of words that may make a name: capitalised words, a head before, tails after;
    a hyphenated compound in lower case alone; a lower-case place word after a governor."""
    runs: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    last_end = -2
    previous = ""  # the lemma of the word before, when it stands right before this one
    lower_names: set[tuple[int, int]] = set()  # lower-case place words after a governor
    for m in _RU_WORD.finditer(text):
        governed = previous in governors and text[last_end : m.start()] == " "
        word = m.group()
        if len(word) > MAX_NAME_CHARS:  # no name: ends any run
            if current:
                runs.append(current)
            current, last_end = [], m.end()
            continue
        adjacent = text[last_end : m.start()] == " " if current else False
        capital = word[0].isupper()
        lemma = None if capital else russian_lemma(word)
        previous = lemma or ""  # governors are lower-case words ("через", "во")
        if capital and (adjacent or not current):
            current.append((m.start(), m.end()))
        elif capital:
            runs.append(current)
            current = [(m.start(), m.end())]
        elif lemma in tails and adjacent and current:
            current.append((m.start(), m.end()))  # "Еврейская автономная область"
        elif ("-" in word and lemma not in heads) or (governed and _likely_geox(word)):
            if current:  # "комсомольск-на-амуре", "через тайшет" in lower case
                runs.append(current)
            runs.append([(m.start(), m.end())])
            lower_names.add((m.start(), m.end()))
            current = []
        elif lemma in heads:
            if current:
                runs.append(current)
            current = [(m.start(), m.end())]
        else:
            if current:
                runs.append(current)
            current = []
        last_end = m.end()
    if current:
        runs.append(current)
    return [
        run
        for run in runs
        if any(text[s].isupper() or "-" in text[s:e] or (s, e) in lower_names for s, e in run)
    ]
