"""What the words around a place say in a Korean or Russian report: role, status, source.

The words are data (``routes/read/lang/ko.toml``, ``ru.toml``), read once into a frozen
:class:`CueBook`. Korean cues stand after the place (평양을 출발해, 하산으로 향했다) and are
matched on the text and on Kiwi's morpheme forms; Russian cues stand before it (отправился
из Пхеньяна, прибыл во Владивосток) and are matched on pymorphy3 lemmas. Offsets are
always those of the original text.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from routes.model import Role, Status
from routes.read import morph
from routes.read.gazetteer import KOREAN_STATION_WORD, normalize
from routes.read.lexicon import LANG_DIR, language_file, language_table

#: Characters before a Russian place read for its cue and its title.
RU_BEFORE_CHARS = 160
#: Statuses in the order their words are tried (each read from the ``[status]`` key of
#: its name, "-" written "_": ``ruled_out``).
_STATUS_ORDER: tuple[Status, ...] = (
    Status.RULED_OUT,
    Status.DENIED,
    Status.SPECULATIVE,
    Status.EXPECTED,
)
_YEAR = {"ko": re.compile(r"((?:19|20)\d\d)년"), "ru": re.compile(r"\b((?:19|20)\d\d)\s+год")}


@dataclass(frozen=True)
class Cue:
    """Words that give a place a journey role, standing before or after it."""

    role: Role
    position: str  # "before" or "after"
    phrases: tuple[tuple[str, ...], ...]  # Russian: lemma tuples; Korean: one string each


@dataclass(frozen=True)
class CueBook:
    """The cue words of one language (see ``routes/read/lang/<language>.toml``)."""

    language: str
    cues: tuple[Cue, ...]
    statuses: tuple[tuple[Status, tuple[tuple[str, ...], ...]], ...]
    status_reach: int
    reach: int  # Korean: characters after a place its cue may start within
    gap: int  # Russian: words between a cue and its place at most
    fold: dict[str, str]
    travel: frozenset[str]
    blocking: tuple[str, ...]
    unblocking: tuple[str, ...]
    not_places: frozenset[str]
    titles: frozenset[str]
    landmarks: tuple[str, ...]
    named_after: tuple[str, ...]
    exonyms: dict[str, str]
    #: Countries whose places GeoNames spells in the BGN/PCGN romanisation of this script: a
    #: name the gazetteer lacks is looked up so romanised, among their places (Russian).
    romanized: frozenset[str]
    #: Whether a name the gazetteer lacks may be a transcription of a town's Latin name by
    #: its sound, looked up so among the countries its report names (Korean).
    by_sound: bool
    #: Countries whose places the language's reports name as home, unnamed ("문산역" needs no
    #: "한국" beside it): their towns may be found by sound too.
    home: frozenset[str]
    heads: frozenset[str]
    tails: frozenset[str]
    datelines: tuple[re.Pattern[str], ...]
    here: tuple[str, ...]
    attributions: tuple[re.Pattern[str], ...]
    not_sources: frozenset[str]
    actor_marks: frozenset[str]
    #: Speech verbs (lemmas) that make "в X" beside them a government speaking (Russian).
    speech: frozenset[str]
    #: Nouns of relations (lemmas) that make "между X и Y" after them governments (Russian).
    relations: frozenset[str]
    glue: tuple[str, ...]
    future_is_expected: bool
    particles: KoreanParticles
    #: Words after a place left that say the train left it for home (lemma tuples in
    #: Russian, strings in Korean): the place is the journey's far end, not its start.
    way_home: tuple[tuple[str, ...], ...] = ()
    #: Korean: words right after a place's particle that make it where the traveller is
    #: only bound ("X로 가기 위해"): it takes no time from its sentence.
    bound_for: tuple[str, ...] = ()
    #: Words that say the train went over a river: right after its particle in Korean
    #: ("X강을 건너"), lemma phrases right before it in Russian ("пересёк реку X").
    river_crossed: tuple[tuple[str, ...], ...] = ()
    river_not_crossed: tuple[str, ...] = ()  # Korean: nouns opening like them ("건너편")
    asides: tuple[str, ...] = ()  # Russian: openers of an aside between commas ("по словам")
    comparison: tuple[str, ...] = ()  # Russian: "чем" before a place compared with
    #: Russian: "как от" in the clause before a place likened ("как от Парижа до Рима")
    comparison_pairs: tuple[tuple[str, str], ...] = ()
    clause_openers: tuple[tuple[str, ...], ...] = ()  # Russian: "после того как" …
    #: Events ("переговоры", "회담") and verbs of their taking place ("пройти", "열리") that
    #: make the place a planned event is held at ("на X", "X에서") where the journey goes.
    venue_events: frozenset[str] = frozenset()
    venue_verbs: frozenset[str] = frozenset()
    #: Korean: a sentence's subject that is another person travelling, not the train's
    #: passenger ("… 대통령은 이튿날 X로 떠난다"): the places after it are no stops.
    #: Russian: the lemmas of nouns naming such people ("помощники вылетели в X").
    other_travellers: frozenset[str] = frozenset()
    #: Korean: titles written after a person's name ("… 코발렌코 대통령"), a bare word between.
    person_titles: tuple[str, ...] = ()
    #: Korean: words of riding the train ("열차"): a title opening a sentence with one is
    #: the traveller's own, not another leader's.
    train_words: tuple[str, ...] = ()
    #: Verbs of arriving or setting out: the leader whose title is the subject of a report's
    #: first sentence told with one of them is its traveller ("윤 대통령이 … 키이우에 도착했다").
    lede_travel: tuple[str, ...] = ()
    #: Lemmas of a word that names a train by where it runs, right before its ends ("поезд,
    #: следующий из X в Y"): the places take no time of their sentence.
    service_participles: frozenset[str] = frozenset()
    #: Words after a place's particle that make it what is spoken of, not gone to ("평양에
    #: 대한 압박": pressure on X): no cue after them is the place's.
    about: tuple[str, ...] = ()
    #: Korean: words right after a place (its particle, the next word) that make it where a
    #: person comes from or lives ("대구에서 왔다는 교사", "목포 출신의"), not a stop.
    home_of: tuple[str, ...] = ()
    #: A party met, after the words of its coming ("X에서 출발한 본진과 만난다"): the ending of
    #: its noun and the meeting verb after it.
    met_party: tuple[str, ...] = ()
    #: Korean comparison: the particle ("보다") and the nouns of a stretch it may follow.
    than: tuple[str, ...] = ()
    compared_stretches: tuple[str, ...] = ()
    #: Modals that with a deadline in their clause ("к утру вторника может достичь X",
    #: "이르면 10일 … 떠날 수 있다") hedge the time, not the trip, and those deadlines
    #: (lemma tuples in Russian, one-string tuples in Korean).
    time_modals: frozenset[str] = frozenset()
    #: What the clause after a place's says when what was expected or rumoured there did
    #: not happen (lemma tuples in Russian, one-string tuples in Korean), and the Korean
    #: endings of a clause chain in contrast that such a clause follows.
    overturns_before: tuple[tuple[str, ...], ...] = ()
    contrast_endings: tuple[str, ...] = ()
    #: Words beside a place that set it apart from what its clause denies: right after it in
    #: Korean ("X 외에 다른 지역은 검토하지 않았다"), lemmas right before it in Russian ("кроме X").
    excepted: tuple = ()
    #: Korean: words ending a clause chain that say there is no plan for what it tells
    #: ("…넘어갈 계획은 없다"): every place of the chain is ruled out.
    no_plan: tuple[str, ...] = ()
    #: Words right after a place that deny a stop but tell the train went by ("정차하지 않고
    #: 지나친다", passes without stopping): the place is passed, not ruled out.
    passed_by: tuple[str, ...] = ()
    deadlines: tuple[tuple[str, ...], ...] = ()
    #: Conjunctions joining clauses in contrast (Russian "а", "но"), and those of them read
    #: with the clause they open.
    contrast: tuple[str, ...] = ()
    contrast_opening: frozenset[str] = frozenset()
    #: Lemmas opening a relative clause (Russian "который", "где"), first or second word.
    relative_openers: frozenset[str] = frozenset()
    #: Words naming a year before publication ("지난해", "в прошлом году"), lower case.
    earlier_year: tuple[str, ...] = ()
    #: Words that tell what a sentence says as done once before ("방문한 바 있다"), lower case.
    past_experience: tuple[str, ...] = ()
    #: Prepositions of place (Russian "в", "на"): the word before a place, never a source.
    place_prepositions: frozenset[str] = frozenset()
    #: Words (lemmas) that govern a place: after one, a name read as a person's is a town.
    place_governors: frozenset[str] = frozenset()


@dataclass(frozen=True)
class KoreanParticles:
    """What the particle after a Korean place does to its cue (``[cue_options]`` of ko.toml)."""

    subject: frozenset[str] = frozenset()
    at: frozenset[str] = frozenset()
    towards: frozenset[str] = frozenset()
    direction: tuple[str, ...] = ()
    meeting: tuple[str, ...] = ()
    possessive: frozenset[str] = frozenset()
    facilities: tuple[str, ...] = ()
    span_ends: tuple[str, ...] = ()
    departing: frozenset[str] = frozenset()
    bound: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Reading:
    """What the words around one mention say: its cue role (or None) and status."""

    role: Role | None
    status: Status
    title: bool = False  # a title: "하바롭스크 주지사", "губернатор Хабаровского края"
    actor_form: bool = False  # written as a government would be (subject, possessor)


@functools.cache
def load_cues(language: str) -> CueBook:
    """The cue book of ``language`` ("ko" or "ru"), read once per process.

    Raises
    ------
    ValueError
        When a table or list is missing or of the wrong type (the message names the file).
    """
    path = LANG_DIR / f"{language}.toml"
    data = language_file(language)
    names = _get(data, "names", dict, path)
    options = _get(data, "cue_options", dict, path)
    fold = {str(k): str(v) for k, v in options.get("fold", {}).items()}
    lemma = _lemmatiser(language, fold)
    status = _get(data, "status", dict, path)
    return CueBook(
        language=language,
        cues=tuple(_cue(raw, lemma, path) for raw in _get(data, "cues", list, path)),
        statuses=tuple(
            (value, tuple(lemma(w) for w in _strings(status, value.replace("-", "_"), path)))
            for value in _STATUS_ORDER
        ),
        status_reach=int(status.get("reach", 40)),
        reach=int(options.get("reach", 24)),
        gap=int(options.get("gap", 3)),
        fold=fold,
        travel=frozenset(options.get("travel", ())),
        blocking=tuple(options.get("blocking", ())),
        unblocking=tuple(options.get("unblocking", ())),
        asides=tuple(w.lower() for w in options.get("asides", ())),
        comparison=tuple(options.get("comparison", ())),
        comparison_pairs=tuple(
            tuple(pair.split(maxsplit=1)) for pair in options.get("comparison_pairs", ())
        ),
        clause_openers=tuple(lemma(w) for w in options.get("clause_openers", ())),
        about=tuple(options.get("about", ())),
        home_of=tuple(options.get("home_of", ())),
        met_party=tuple(options.get("met_party", ())),
        than=tuple(options.get("than", ())),
        compared_stretches=tuple(options.get("compared_stretches", ())),
        not_places=frozenset(normalize(n) for n in _strings(names, "not_places", path)),
        titles=frozenset(names.get("titles_after", ()) or names.get("titles_before", ())),
        landmarks=tuple(names.get("landmarks_after", ())),
        named_after=tuple(names.get("named_after", ())),
        exonyms={normalize(k): _exonym(v) for k, v in data.get("exonyms", {}).items()},
        romanized=frozenset(names.get("romanized_countries", ())),
        by_sound=bool(names.get("transcribed_by_sound", False)),
        home=frozenset(names.get("home_countries", ())),
        heads=frozenset(names.get("heads", ())),
        tails=frozenset(names.get("tails", ())),
        datelines=tuple(re.compile(p) for p in _get(data, "dateline", dict, path)["patterns"]),
        here=tuple(data["dateline"].get("here", ())),
        attributions=tuple(
            re.compile(p) for p in _strings(_get(data, "attribution", dict, path), "patterns", path)
        ),
        not_sources=frozenset(data["attribution"].get("not_sources", ())),
        actor_marks=frozenset(
            data.get(Role.ACTOR, {}).get("particles", ())
            or data.get(Role.ACTOR, {}).get("cases", ())
        ),
        speech=frozenset(data.get(Role.ACTOR, {}).get("speech", ())),
        relations=frozenset(data.get(Role.ACTOR, {}).get("relations", ())),
        glue=tuple(_get(data, "list", dict, path).get("glue", ())),
        future_is_expected=bool(status.get("future_is_expected", False)),
        particles=KoreanParticles(
            subject=frozenset(options.get("subject", ())),
            at=frozenset(options.get("at", ())),
            towards=frozenset(options.get("towards", ())),
            direction=tuple(options.get("direction", ())),
            meeting=tuple(options.get("meeting", ())),
            possessive=frozenset(options.get("possessive", ())),
            facilities=tuple(options.get("facilities", ())),
            span_ends=tuple(options.get("span_ends", ())),
            departing=frozenset(options.get("departing", ())),
            bound=frozenset(options.get("bound", ())),
        ),
        way_home=tuple(lemma(w) for w in options.get("way_home", ())),
        bound_for=tuple(options.get("bound_for", ())),
        river_crossed=tuple(lemma(w) for w in options.get("river_crossed", ())),
        river_not_crossed=tuple(options.get("river_not_crossed", ())),
        venue_events=frozenset(options.get("venue_events", ())),
        venue_verbs=frozenset(options.get("venue_verbs", ())),
        other_travellers=frozenset(names.get("other_travellers", ())),
        train_words=tuple(names.get("train_words", ())),
        lede_travel=tuple(names.get("lede_travel", ())),
        person_titles=tuple(names.get("person_titles", ())),
        time_modals=frozenset(status.get("time_modals", ())),
        contrast_endings=tuple(status.get("contrast_endings", ())),
        excepted=tuple(
            lemma(phrase) if language == "ru" else phrase for phrase in status.get("excepted", ())
        ),
        overturns_before=tuple(lemma(w) for w in status.get("overturns_before", ())),
        no_plan=tuple(status.get("no_plan", ())),
        passed_by=tuple(status.get("passed_by", ())),
        deadlines=tuple(lemma(w) for w in status.get("deadlines", ())),
        contrast=tuple(data["list"].get("contrast", ())),
        contrast_opening=frozenset(data["list"].get("contrast_opening", ())),
        relative_openers=frozenset(data["list"].get("relative_openers", ())),
        service_participles=frozenset(data["list"].get("service_participles", ())),
        place_prepositions=frozenset(data["list"].get("place_prepositions", ())),
        earlier_year=tuple(data.get("dates", {}).get("earlier_year", ())),
        past_experience=tuple(data.get("dates", {}).get("past_experience", ())),
        place_governors=frozenset(
            w.replace("ё", "е") for w in data["list"].get("place_governors", ())
        ),
    )


def _exonym(value: str) -> str:
    """An exonym's target as a lookup key, keeping a "|CC" country qualifier."""
    name, _, country = value.partition("|")
    return normalize(name) + (f"|{country.strip().upper()}" if country else "")


def _get(data: dict[str, Any], key: str, kind: type, path: Path) -> Any:
    """``data[key]``, which must be a ``kind``."""
    value = data.get(key)
    if not isinstance(value, kind):
        msg = f"{path.name}: [{key}] is missing or not a {kind.__name__}"
        raise ValueError(msg)
    return value


def _strings(table: dict[str, Any], key: str, path: Path) -> tuple[str, ...]:
    """The list of strings ``key`` of a table."""
    items = table.get(key)
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        msg = f"{path.name}: {key} must be a list of strings"
        raise ValueError(msg)
    return tuple(items)


def _lemmatiser(language: str, fold: dict[str, str]):
    """How a cue phrase of the file is stored: lemma tuple (Russian), one string (Korean)."""
    if language == "ru":
        return lambda phrase: tuple(_ru_lemma(w, fold) for w in phrase.split())
    return lambda phrase: (phrase,)


def _cue(raw: Any, lemma, path: Path) -> Cue:
    """One ``[[cues]]`` entry."""
    if not isinstance(raw, dict) or "role" not in raw or "words" not in raw:
        msg = f"{path.name}: every [[cues]] entry needs a role and words"
        raise ValueError(msg)
    return Cue(
        role=Role(raw["role"]),
        position=str(raw.get("position", "before")),
        phrases=tuple(lemma(w) for w in _strings(raw, "words", path)),
    )


def _ru_lemma(word: str, fold: dict[str, str]) -> str:
    """A Russian word's lemma with the file's folds ("во" → "в")."""
    lower = word.lower().replace("ё", "е")
    if lower in fold:
        return fold[lower]
    return fold.get(morph.russian_lemma(lower), morph.russian_lemma(lower))


# --- datelines, sources, history ---------------------------------------------------------


def dateline_span(book: CueBook, text: str) -> tuple[int, int] | None:
    """Where the dateline city stands in ``text`` ("[서울=뉴시스]", "ВЛАДИВОСТОК, 12 …")."""
    for pattern in book.datelines:
        m = pattern.match(text)
        if m:
            return m.span("place")
    return None


@functools.lru_cache(maxsize=8192)
def attribution(language: str, sentence: str) -> str:
    """Who a Korean or Russian sentence says said it ("조선일보", "ТАСС"), or ""."""
    book = load_cues(language)
    best: tuple[int, str] | None = None
    for pattern in book.attributions:
        m = pattern.search(sentence)
        if m and (best is None or m.start() < best[0]):
            name = m.group("name").strip(' «»"')
            prepositional = normalize(name) in book.place_prepositions
            if name and name not in book.not_sources and not prepositional:
                best = (m.start(), name)
    return best[1] if best else ""


def is_past(book: CueBook, sentence: str, year: int | None) -> bool:
    """Whether the sentence names a year before ``year`` ("2019년", "в 2019 году") or a
    year before publication in words (``earlier_year``: "지난해", "в прошлом году"), or
    tells what it says as done once before (``past_experience``: "방문한 바 있다")."""
    if year is None:
        return False
    if any(int(y) < year for y in _YEAR[book.language].findall(sentence)):
        return True
    lowered = sentence.lower()
    return any(words in lowered for words in (*book.earlier_year, *book.past_experience))


def joins_next(book: CueBook, between: str) -> bool:
    """Whether a Korean place takes the cue read after the next one: one list ("함흥과
    청진을 지나", "경주역, 포항역에": the word for station may stand before the glue), a place
    inside the next ("루스키섬의 극동연방대학교를 찾아"), or where the train came from
    ("단둥에서 조중우의교를 건너")."""
    rest = between.strip().removeprefix(KOREAN_STATION_WORD)
    return is_list_glue(book, between) or is_list_glue(book, rest) or rest in book.particles.at


def is_list_glue(book: CueBook, between: str) -> bool:
    """Whether ``between`` only joins two places of one list ("과", ", ", " и "); in
    Russian an adjective may stand before the next place ("и затем российские X")."""
    rest = between.strip()
    if not rest:
        return True
    if rest in book.glue or rest.rstrip(",").strip() in book.glue:
        return True
    if book.language == "ko":
        dated = _korean_day_after_glue(book.language).sub("", rest).strip()
        return dated != rest and dated in book.glue
    return book.language == "ru" and _glue_and_adjectives(book, rest)


@functools.cache
def _korean_day_after_glue(language: str) -> re.Pattern[str]:
    """A day of the month, maybe with a part of the day, ending the words between two Korean
    places of a list ("10일 X, 11일 Y, 12일 Z를 차례로 방문했다": each place its own day)."""
    parts = sorted(language_table(language, "dates").get("parts", {}), key=len, reverse=True)
    part = "|".join(map(re.escape, parts)) or "(?!x)x"
    return re.compile(rf"\s*\d{{1,2}}일(?:\s*(?:{part}))?$")


def _glue_and_adjectives(book: CueBook, between: str) -> bool:
    """Whether Russian ``between`` is list glue followed by adjectives only."""
    tokens = morph.russian_tokens(between)
    adjectives = [t for t in tokens if t.tag.startswith("ADJF")]
    if not adjectives or tokens[-len(adjectives) :] != tuple(adjectives):
        return False
    glue = between[: adjectives[0].start].strip()
    return glue in book.glue or glue.rstrip(",").strip() in book.glue


def word_end(text: str, start: int, limit: int | None = None) -> int:
    """Where the word running on from ``start`` ends (the next blank, else ``limit``, else
    the text's end): past the particle of a Korean place ("평양에서|"), or its next eojeol."""
    stop = len(text) if limit is None else limit
    end = start
    while end < stop and not text[end].isspace():
        end += 1
    return end


def bound_for(book: CueBook, text: str, end: int) -> bool:
    """Whether a Korean place is where the traveller is bound: one of ``bound_for`` right
    after its particle ("하노이로 가기 위해"), or the noun of a train's destination written
    onto it (``bound``: "울란바토르행 열차에 올랐다")."""
    after = word_end(text, end)
    if text[end:after] in book.particles.bound:
        return True
    return bool(book.bound_for) and text[after : after + 16].lstrip().startswith(book.bound_for)


def leaves_for_home(book: CueBook, text: str, end: int, limit: int) -> bool:
    """Whether the words after a place left, up to ``limit`` or a clause break, say the
    train left it for home ("отправился из X в обратный путь", "X을 떠나 귀로에 올랐다")."""
    if not book.way_home:
        return False
    stop = CLAUSE_PUNCTUATION.search(text, end, limit)
    rest = text[end : stop.start() if stop else limit]
    if book.language == "ko":
        return any(phrase in rest for (phrase,) in book.way_home)
    lemmas = tuple(fold_lemma(book, t.form) for t in morph.russian_tokens(rest))
    return any(
        lemmas[i : i + len(phrase)] == phrase
        for phrase in book.way_home
        for i in range(len(lemmas) - len(phrase) + 1)
    )


def crosses_river(book: CueBook, text: str, start: int, end: int) -> bool:
    """Whether the words beside a river at ``text[start:end]`` say the train went over it:
    one of ``river_crossed`` right after its particle in Korean ("X강을 건너 Y에 도착했다"),
    right before it in Russian, "река" maybe between ("пересёк реку X")."""
    if not book.river_crossed:
        return False
    if book.language == "ko":
        particle_end = word_end(text, end)  # the particle: "을", "를"
        after = text[particle_end : particle_end + 16].lstrip()
        if book.river_not_crossed and after.startswith(book.river_not_crossed):
            return False  # "압록강 건너편으로": the far bank seen, not the river crossed
        return after.startswith(tuple(phrase for (phrase,) in book.river_crossed))
    lemmas = [
        fold_lemma(book, t.form) for t in morph.russian_tokens(text[max(0, start - 60) : start])
    ]
    while lemmas and lemmas[-1] in _RIVER_WORDS:
        lemmas.pop()
    return any(tuple(lemmas[-len(p) :]) == p for p in book.river_crossed if len(lemmas) >= len(p))


#: Russian words for a river between a verb of crossing and the river's name ("реку", "р.").
_RIVER_WORDS = frozenset({"река", "р"})


#: Punctuation that ends a clause (a conjunction does not: "уехал из X и направляется домой").
CLAUSE_PUNCTUATION = re.compile(r"[,;:.()]")


# --- role and status of one mention --------------------------------------------------------


def fold_lemma(book: CueBook, lemma: str) -> str:
    """A lemma with the file's folds."""
    return book.fold.get(lemma, lemma)
