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
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from routes.model import Role, Status
from routes.read import morph
from routes.read.gazetteer import normalize
from routes.read.lexicon import LANG_DIR

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
_RU_CLAUSE_BREAK = re.compile(r"[,;:—()]|\s(?:но|а|однако|хотя|тогда как)\s")
_KO_CLAUSE_END = re.compile(r"[,.;:]")


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
    heads: frozenset[str]
    tails: frozenset[str]
    datelines: tuple[re.Pattern[str], ...]
    here: tuple[str, ...]
    attributions: tuple[re.Pattern[str], ...]
    not_sources: frozenset[str]
    actor_marks: frozenset[str]
    #: Speech verbs (lemmas) that make "в X" beside them a government speaking (Russian).
    speech: frozenset[str]
    glue: tuple[str, ...]
    future_is_expected: bool
    particles: KoreanParticles
    #: Words after a place left that say the train left it for home (lemma tuples in
    #: Russian, strings in Korean): the place is the journey's far end, not its start.
    way_home: tuple[tuple[str, ...], ...] = ()
    #: Events ("переговоры", "회담") and verbs of their taking place ("пройти", "열리") that
    #: make the place a planned event is held at ("на X", "X에서") where the journey goes.
    venue_events: frozenset[str] = frozenset()
    venue_verbs: frozenset[str] = frozenset()
    #: Korean: a sentence's subject that is another person travelling, not the train's
    #: passenger ("… 대통령은 이튿날 X로 떠난다"): the places after it are no stops.
    other_travellers: frozenset[str] = frozenset()
    #: Modals that with a deadline in their clause ("к утру вторника может достичь X",
    #: "이르면 10일 … 떠날 수 있다") hedge the time, not the trip, and those deadlines
    #: (lemma tuples in Russian, one-string tuples in Korean).
    time_modals: frozenset[str] = frozenset()
    deadlines: tuple[tuple[str, ...], ...] = ()


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
    with path.open("rb") as handle:
        data = tomllib.load(handle)
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
        not_places=frozenset(normalize(n) for n in _strings(names, "not_places", path)),
        titles=frozenset(names.get("titles_after", ()) or names.get("titles_before", ())),
        landmarks=tuple(names.get("landmarks_after", ())),
        named_after=tuple(names.get("named_after", ())),
        exonyms={normalize(k): _exonym(v) for k, v in data.get("exonyms", {}).items()},
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
        ),
        way_home=tuple(lemma(w) for w in options.get("way_home", ())),
        venue_events=frozenset(options.get("venue_events", ())),
        venue_verbs=frozenset(options.get("venue_verbs", ())),
        other_travellers=frozenset(names.get("other_travellers", ())),
        time_modals=frozenset(status.get("time_modals", ())),
        deadlines=tuple(lemma(w) for w in status.get("deadlines", ())),
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


def here_role(book: CueBook, text: str) -> Role | None:
    """The journey role the body gives the dateline city by "here" ("이곳에 도착했다").

    The first "here" followed by a travel cue within the language's reach decides;
    None when the body says nothing of the kind.
    """
    if book.language != "ko":
        return None
    for word in book.here:
        for m in re.finditer(re.escape(word), text):
            end = m.end()
            eojeol_end = end
            while eojeol_end < len(text) and not text[eojeol_end].isspace():
                eojeol_end += 1
            stop = _KO_CLAUSE_END.search(text, end)
            high = min(stop.start() if stop else len(text), end + book.reach)
            role = _korean_cue(book, text, end, high)
            if role is not None:
                after = text[eojeol_end:high]
                return _particle_role(book.particles, role, text[end:eojeol_end], (), after)
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
            if name and name not in book.not_sources and normalize(name) not in _GEO_WORDS:
                best = (m.start(), name)
    return best[1] if best else ""


_GEO_WORDS = frozenset({"в", "на"})


def is_past(book: CueBook, sentence: str, year: int | None) -> bool:
    """Whether the sentence names a year before ``year`` ("2019년", "в 2019 году")."""
    if year is None:
        return False
    return any(int(y) < year for y in _YEAR[book.language].findall(sentence))


def joins_next(book: CueBook, between: str) -> bool:
    """Whether a Korean place takes the cue read after the next one: one list ("함흥과
    청진을 지나"), a place inside the next ("루스키섬의 극동연방대학교를 찾아"), or where the
    train came from ("단둥에서 조중우의교를 건너")."""
    return is_list_glue(book, between) or between.strip().removeprefix("역") in book.particles.at


def is_list_glue(book: CueBook, between: str) -> bool:
    """Whether ``between`` only joins two places of one list ("과", ", ", " и "); in
    Russian an adjective may stand before the next place ("и затем российские X")."""
    rest = between.strip()
    if not rest:
        return True
    if rest in book.glue or rest.rstrip(",").strip() in book.glue:
        return True
    return book.language == "ru" and _glue_and_adjectives(book, rest)


def _glue_and_adjectives(book: CueBook, between: str) -> bool:
    """Whether Russian ``between`` is list glue followed by adjectives only."""
    tokens = morph.russian_tokens(between)
    adjectives = [t for t in tokens if t.tag.startswith("ADJF")]
    if not adjectives or tokens[-len(adjectives) :] != tuple(adjectives):
        return False
    glue = between[: adjectives[0].start].strip()
    return glue in book.glue or glue.rstrip(",").strip() in book.glue


def leaves_for_home(book: CueBook, text: str, end: int, limit: int) -> bool:
    """Whether the words after a place left, up to ``limit`` or a clause break, say the
    train left it for home ("отправился из X в обратный путь", "X을 떠나 귀로에 올랐다")."""
    if not book.way_home:
        return False
    stop = _CLAUSE_PUNCTUATION.search(text, end, limit)
    rest = text[end : stop.start() if stop else limit]
    if book.language == "ko":
        return any(phrase in rest for (phrase,) in book.way_home)
    lemmas = tuple(_fold(book, t.form) for t in morph.russian_tokens(rest))
    return any(
        lemmas[i : i + len(phrase)] == phrase
        for phrase in book.way_home
        for i in range(len(lemmas) - len(phrase) + 1)
    )


#: Punctuation that ends a clause (a conjunction does not: "уехал из X и направляется домой").
_CLAUSE_PUNCTUATION = re.compile(r"[,;:.()]")


# --- role and status of one mention --------------------------------------------------------


def read_mention(
    book: CueBook,
    text: str,
    sentence: tuple[int, int],
    span: tuple[int, int],
    bound: int,
    *,
    cue_from: int | None = None,
) -> Reading:
    """The role cue and status the words around ``text[span[0]:span[1]]`` give.

    Parameters
    ----------
    book
        The language's cue book.
    text
        The report text.
    sentence
        The sentence's ``(start, end)``.
    span
        The mention's ``(start, end)`` (the name as written).
    bound
        Where the next place of the sentence starts (or the sentence end): Korean cues
        and statuses are read up to it.
    cue_from
        Korean: where the cue is read from (after the places listed with this one);
        the mention's end by default.
    """
    if book.language == "ko":
        return _read_korean(book, text, sentence, span, bound, cue_from or span[1])
    return _read_russian(book, text, sentence, span)


def _read_korean(
    book: CueBook,
    text: str,
    sentence: tuple[int, int],
    span: tuple[int, int],
    bound: int,
    cue_from: int,
) -> Reading:
    """Korean: the cue after the name, its particle, a title after it, the clause status."""
    end = span[1]
    stop = min(bound, sentence[1])
    eojeol_end = end
    while eojeol_end < len(text) and not text[eojeol_end].isspace():
        eojeol_end += 1
    attached = text[end:eojeol_end]
    next_word = text[eojeol_end:stop].split(maxsplit=1)
    title = bool(next_word) and next_word[0] in book.titles
    window_end = min(stop, cue_from + book.reach)
    near = text[cue_from : min(stop, cue_from + book.status_reach)]
    status = _korean_status(book, near, text[cue_from : sentence[1]], text[sentence[0] : end])
    actor_form = attached in book.actor_marks
    described = _korean_description(book, text[max(sentence[0], span[0] - 16) : span[0]])
    if described is not None and not title:
        return Reading(described, status)
    listed = cue_from != end
    blocked = (
        attached.startswith(book.blocking)
        and not listed
        and not (book.unblocking and next_word and next_word[0].startswith(book.unblocking))
    )
    if _a_facility_of_it(book, attached, next_word[:1]):
        return Reading(_facility_visit(book, text, eojeol_end, sentence[1]), status)
    if title or blocked or attached in book.particles.subject:
        return Reading(None, status, title=title, actor_form=actor_form)
    if _another_traveller(book, text[sentence[0] : span[0]]):
        return Reading(None, status)  # another person's travel, not the train's
    role = _korean_cue(book, text, cue_from, window_end)
    if role is None and _korean_venue(book, text[sentence[0] : span[0]], text[cue_from:stop]):
        return Reading(Role.DESTINATION, status)  # "회담은 25일 X에서 열린다"
    if not attached and next_word and next_word[0].startswith(book.particles.meeting):
        role = None  # "하노이 회담": an event named by its place
    if role is not None and listed:
        role = _listed_particle_role(book.particles, role, attached)
    elif role is not None:
        after = text[eojeol_end:window_end]
        role = _particle_role(book.particles, role, attached, next_word[:1], after)
    return Reading(role, status, actor_form=actor_form and role is None)


#: Words at the start of a Korean sentence within which its topic stands.
_KO_TOPIC_WORDS = 4
#: Quotation marks: a place quoted after the topic is what that person said, not did.
_QUOTES = frozenset("\"“”「」‘’'")


def _another_traveller(book: CueBook, head: str) -> bool:
    """Whether a Korean sentence opens with another leader as its topic ("… 대통령은
    이튿날 X로 떠난다") and the place is not in what that person is quoted saying."""
    words = head.split()[:_KO_TOPIC_WORDS]
    if not book.other_travellers.intersection(words):
        return False
    return not _QUOTES.intersection(head)


def _a_facility_of_it(book: CueBook, attached: str, next_word: Sequence[str]) -> bool:
    """Whether a Korean place is the town of the facility named after it ("X시의 비행장에서"):
    its particle is a possessive one and the next word is a facility noun of ko.toml."""
    if attached not in book.particles.possessive or not next_word:
        return False
    return next_word[0].startswith(book.particles.facilities)


def _facility_visit(book: CueBook, text: str, low: int, high: int) -> Role | None:
    """Via when a cue of visiting or passing ends the clause chain after a town's facility
    ("X시의 비행장에서 … 전투기를 료해하시였다"): the train stopped at the town."""
    chain = _clause_head(text[low:high], breaks=_KO_CHAIN_END)
    role = _korean_cue(book, text, low, low + len(chain))
    return Role.VIA if role in (Role.VIA, Role.DESTINATION) else None


def _korean_venue(book: CueBook, before: str, after: str) -> bool:
    """Whether a Korean place is where a meeting of the sentence is held ("회담은 25일
    X에서 열린다"): a meeting word before it, an "at" particle and a holding verb after."""
    if not book.venue_events or not any(event in before for event in book.venue_events):
        return False
    for particle in sorted(book.particles.at, key=len, reverse=True):
        if after.startswith(particle):
            rest = after[len(particle) :].lstrip()
            return rest.startswith(tuple(book.venue_verbs))
    return False


def _listed_particle_role(particles: KoreanParticles, role: Role, attached: str) -> Role:
    """The role a Korean place takes from the cue after the places that follow it.

    "평양에서 하산으로 향했다": the place the train came from is the origin of the
    leg the cue describes; any other list shares the cue's role.
    """
    if role == Role.DESTINATION and attached.removeprefix("역") in particles.at:
        return Role.ORIGIN
    return role


def _particle_role(
    particles: KoreanParticles,
    role: Role,
    attached: str,
    next_word: Sequence[str],
    after: str,
) -> Role:
    """A Korean cue's role as the place's own particle bends it.

    "평양으로 출발" is the destination, not the origin; "X에서 … 도착" and "X 방면으로
    향하다" put X on the way (via), not at the journey's end, unless a summit is held
    there (``after``: the words read for the cue).
    """
    particle = attached.removeprefix("역")
    heading = attached.startswith(particles.direction) or (
        not attached and bool(next_word) and next_word[0].startswith(particles.direction)
    )
    if role == Role.ORIGIN and (
        particle in particles.towards or _towards_a_direction(particles, attached, next_word)
    ):
        return Role.DESTINATION
    if role != Role.DESTINATION or any(word in after for word in particles.meeting):
        return role
    return Role.VIA if particle in particles.at or heading else role


def _towards_a_direction(
    particles: KoreanParticles, attached: str, next_word: Sequence[str]
) -> bool:
    """Whether a direction word with a "towards" particle follows a Korean place
    ("X 방향으로 떠났다": left towards X; "X 쪽에서" is where it came from)."""
    word = attached or (next_word[0] if next_word else "")
    for direction in particles.direction:
        if word.startswith(direction):
            return word[len(direction) :] in particles.towards
    return False


def _korean_description(book: CueBook, before: str) -> Role | None:
    """The role a description right before a Korean place gives it ("접경 도시 하산"),
    maybe with one word between, its region ("다음 목적지는 연해주 아르툠")."""
    words = before.rstrip()
    parts = words.rsplit(maxsplit=1)
    shorter = parts[0].rstrip() if len(parts) == 2 else ""
    for role, phrases in _korean_before_cues(book.language):
        if words.endswith(phrases) or (shorter and shorter.endswith(phrases)):
            return role
    return None


@functools.cache
def _korean_before_cues(language: str) -> tuple[tuple[Role, tuple[str, ...]], ...]:
    """Each before-cue's role with its phrases."""
    return tuple(
        (cue.role, tuple(p for (p,) in cue.phrases))
        for cue in load_cues(language).cues
        if cue.position == "before"
    )


def _korean_cue(book: CueBook, text: str, low: int, high: int) -> Role | None:
    """The role of the nearest cue in ``text[low:high]`` (text or Kiwi forms)."""
    phrases, lengths = _korean_after_cues(book.language)
    window = text[low:high]
    spots = [(at, window) for at in range(len(window))]
    spots += [(pos - low, joined) for pos, joined in _korean_forms(text, low, high)]
    best: tuple[int, int, Role] | None = None
    for at, string in sorted(spots, key=lambda spot: spot[0]):
        if best is not None and at > best[0]:
            break
        base = at if string is window else 0
        for size in lengths:
            hit = phrases.get(string[base : base + size])
            if hit is not None and (best is None or (at, hit[0]) < best[:2]):
                best = (at, hit[0], hit[1])
    return best[2] if best else None


@functools.cache
def _korean_after_cues(language: str) -> tuple[dict[str, tuple[int, Role]], tuple[int, ...]]:
    """Each after-cue phrase with (rank of its cue, role), and the phrases' lengths."""
    phrases: dict[str, tuple[int, Role]] = {}
    for rank, cue in enumerate(load_cues(language).cues):
        if cue.position == "after":
            for (phrase,) in cue.phrases:
                phrases.setdefault(phrase, (rank, cue.role))
    return phrases, tuple(sorted({len(p) for p in phrases}))


def _korean_forms(text: str, low: int, high: int) -> list[tuple[int, str]]:
    """(offset, morpheme forms joined from there) for each Kiwi morpheme in ``low:high``."""
    tokens = morph.korean_tokens_between(text, low, high)
    return [(t.start, "".join(u.form for u in tokens[k : k + 4])) for k, t in enumerate(tokens)]


def _korean_status(book: CueBook, near: str, rest: str, before: str) -> Status:
    """The status of a Korean place.

    Negation and denial bind the words right after the place, up to the next place
    (``near``: "블라디보스토크 방면이 아닌"); speculation and expectation close the whole
    clause chain, so they are read up to the end of the clause (``rest``: "라진을 거쳐
    두만강을 건너 러시아로 향할 가능성이 크다"); a sentence opened as hearsay ("일각에서는")
    is speculative throughout (``before``).
    """
    local = _clause_head(near)
    if _KO_EMBEDDED.search(local):
        local = _clause_head(
            rest
        )  # "X를 둘러봤다는 일본 매체 보도를 부인했다": the report is denied
    chain = _clause_head(_unquoted(rest), breaks=_KO_CHAIN_END)
    for status, phrases in book.statuses:
        scope = local if status in (Status.RULED_OUT, Status.DENIED) else chain
        if any(phrase in scope for (phrase,) in phrases):
            if status == Status.SPECULATIVE and _hedges_the_korean_time(book, before, chain):
                return Status.EXPECTED
            return status
    if any(word in before for word in _KO_HEARSAY):
        return Status.SPECULATIVE
    return Status.REPORTED


def _hedges_the_korean_time(book: CueBook, before: str, chain: str) -> bool:
    """Whether a Korean clause is speculative only by a modal of its time ("이르면 10일
    밤 X를 떠날 수 있다": the departure is expected, how early it is hedged).

    ``before`` is the sentence up to the place, ``chain`` its clause chain after it: a
    deadline word must stand in either, and no speculative word but the modal in ``chain``.
    """
    if not book.time_modals or not book.deadlines:
        return False
    if not any(modal in chain for modal in book.time_modals):
        return False
    if not any(word in before or word in chain for (word,) in book.deadlines):
        return False
    speculative = dict(book.statuses)[Status.SPECULATIVE]
    others = [p for (p,) in speculative if p not in book.time_modals]
    return not any(word in chain for word in others)


#: Where a Korean clause chain ends: a full stop, or a contrast ("…지만", "…나,").
_KO_CHAIN_END = re.compile(r"[.,;]|지만|으나\s|는데\s|(?<=라며)\s")
#: A clause made a noun's content ("…했다는 보도", "…라는 주장"): the verb after the noun
#: (부인했다) decides what the place's clause is.
_KO_EMBEDDED = re.compile(r"[다라]는\s")
#: Words opening hearsay: what follows them is speculation.
_KO_HEARSAY = ("일각에서는", "일각에서", "관측통들은", "추측이")


def _unquoted(window: str) -> str:
    """``window`` without its quotation marks: '…닿을 것"이라며' reads as '…닿을 것이라며'."""
    return "".join(char for char in window if char not in _QUOTES)


def _clause_head(window: str, breaks: re.Pattern[str] = _KO_CLAUSE_END) -> str:
    """``window`` up to its first clause break."""
    cut = breaks.search(window)
    return window[: cut.start()] if cut else window


def _read_russian(
    book: CueBook, text: str, sentence: tuple[int, int], span: tuple[int, int]
) -> Reading:
    """Russian: the cue lemmas before the name, a title before it, the clause status."""
    start, end = span
    low = max(sentence[0], start - RU_BEFORE_CHARS)
    before = [(t, _fold(book, t.form)) for t in morph.russian_tokens(text[low:start])]
    lemmas = [lemma for _, lemma in before]
    cases = morph.russian_cases(text[start:end].split()[0].split("-")[0])
    status = _russian_status(book, text, sentence, span)
    title = bool(lemmas) and lemmas[-1] in book.titles
    if title:
        return Reading(None, status, title=True)
    if _speaks(book, text, sentence, span, lemmas):
        return Reading(None, status, actor_form=True)
    role = _russian_cue(book, lemmas, cases, _travel(book, text, sentence))
    if role is None:
        role = _russian_after_cue(book, text, span[1], sentence[1])
    if role == Role.VIA and status == Status.EXPECTED and _planned_venue(book, lemmas):
        role = Role.DESTINATION
    actor_form = role is None and bool(cases & book.actor_marks)
    return Reading(role, status, actor_form=actor_form)


def _russian_after_cue(book: CueBook, text: str, end: int, limit: int) -> Role | None:
    """The role of a cue phrase right after a Russian name, in its clause: the name told
    before its verb ("X поезд прошёл около восьми утра")."""
    stop = _CLAUSE_PUNCTUATION.search(text, end, limit)
    lemmas = tuple(
        _fold(book, t.form)
        for t in morph.russian_tokens(text[end : stop.start() if stop else limit])
    )
    for cue in book.cues:
        if cue.position == "after" and any(lemmas[: len(p)] == p for p in cue.phrases):
            return cue.role
    return None


def _planned_venue(book: CueBook, lemmas: Sequence[str]) -> bool:
    """Whether a place after a bare "в"/"на" is where a planned event will be held
    ("Переговоры пройдут в четверг на острове X"): the journey goes there."""
    if not lemmas or lemmas[-1] not in ("в", "на"):
        return False
    return bool(book.venue_events.intersection(lemmas)) and bool(
        book.venue_verbs.intersection(lemmas)
    )


#: Characters after a Russian place read for a speech verb ("… и Сеуле заявили").
_RU_SPEECH_CHARS = 40


def _speaks(
    book: CueBook, text: str, sentence: tuple[int, int], span: tuple[int, int], lemmas: list[str]
) -> bool:
    """Whether "в X" stands beside a speech verb with no subject: the government speaks.

    "как отметили в Пхеньяне" (the verb right before "в"), "В Вашингтоне и Сеуле заявили"
    (the first word after the place and the places listed with it).
    """
    listed = len(lemmas) >= 3 and lemmas[-1] in book.glue and lemmas[-3] == "в"
    if not book.speech or not lemmas or (lemmas[-1] != "в" and not listed):
        return False
    if lemmas[-1] == "в" and len(lemmas) >= 2 and lemmas[-2] in book.speech:
        return True
    after = text[span[1] : min(sentence[1], span[1] + _RU_SPEECH_CHARS)]
    for token in morph.russian_tokens(after):
        word = after[token.start : token.end]
        if token.form in book.glue or word[:1].isupper():
            continue  # "и Сеуле": another place of the same list
        # the verb of the same clause, not an attribution after a comma ("…, заявили в РЖД")
        return token.form in book.speech and "," not in after[: token.start]
    return False


def _fold(book: CueBook, lemma: str) -> str:
    """A lemma with the file's folds."""
    return book.fold.get(lemma, lemma)


_BARE_DIRECTION = frozenset({("в",), ("на",), ("до",), ("из",), ("у",), ("по",), ("в", "сторона")})


def _russian_cue(
    book: CueBook, lemmas: Sequence[str], cases: frozenset[str], travel: bool
) -> Role | None:
    """The role of the nearest cue phrase ending at most ``book.gap`` words before the name."""
    best: tuple[int, int, Role] | None = None
    n = len(lemmas)
    for rank, cue in enumerate(book.cues):
        if cue.position != "before":
            continue
        for phrase in cue.phrases:
            size = len(phrase)
            for gap in range(min(book.gap, n - size) + 1):
                at = n - gap - size
                if tuple(lemmas[at : at + size]) != phrase:
                    continue
                if not _cue_fits(phrase, cue.role, cases, travel, gap):
                    continue
                if best is None or (gap, -size, rank) < (best[0], best[1], rank):
                    best = (gap, -size, cue.role)
                break
    return best[2] if best else None


def _cue_fits(
    phrase: tuple[str, ...], role: Role, cases: frozenset[str], travel: bool, gap: int
) -> bool:
    """Whether a cue phrase fits the name's case ("в Москву" goes there, "в Москве" is in it)."""
    last = phrase[-1]
    if phrase in _BARE_DIRECTION and (not travel or gap > 1):
        return False
    if gap:
        return True  # a word between ("на станцию в городе X") carries the case
    if role == Role.DESTINATION and last in ("в", "на") and "accs" not in cases:
        return not cases or "Fixd" in cases
    if role == Role.VIA and last in ("в", "на") and "loct" not in cases and "loc2" not in cases:
        return not cases or "Fixd" in cases
    return True


def _travel(book: CueBook, text: str, sentence: tuple[int, int]) -> bool:
    """Whether a Russian sentence speaks of travel (bare "в X", "из X" are then cues)."""
    return _travel_words(book.language, text[sentence[0] : sentence[1]])


@functools.lru_cache(maxsize=8192)
def _travel_words(language: str, sentence: str) -> bool:
    """Whether ``sentence`` holds one of the travel lemmas of ``language``."""
    book = load_cues(language)
    return any(t.form in book.travel for t in morph.russian_tokens(sentence))


def _russian_status(
    book: CueBook, text: str, sentence: tuple[int, int], span: tuple[int, int]
) -> Status:
    """The status of the clause holding a Russian place."""
    low, high = sentence
    for m in _RU_CLAUSE_BREAK.finditer(text, sentence[0], sentence[1]):
        if m.end() <= span[0]:
            low = m.start() if m.group().strip() in ("а", "но", "однако") else m.end()
        elif m.start() >= span[1]:
            high = m.start()
            break
    status = _russian_clause_status(book.language, text[low:high])
    if status == Status.SPECULATIVE:
        status = _own_predicate_status(book, text, (low, high), span[1])
    if status == Status.SPECULATIVE and _hedges_the_time(book, text[low:high]):
        status = Status.EXPECTED
    if status != Status.REPORTED and status != Status.EXPECTED:
        return status
    prefix = _russian_clause_status(book.language, text[sentence[0] : span[0]])
    if prefix == Status.SPECULATIVE and _hedges_the_time(book, text[sentence[0] : span[0]]):
        prefix = Status.EXPECTED
    if prefix in (Status.DENIED, Status.SPECULATIVE):
        return prefix  # "опроверг, что … поедет во Владивосток", "Возможно, поезд заедет в …"
    if _negated_list(book, text, sentence[0], span[0]):
        return Status.RULED_OUT  # "не останавливался ни во Владивостоке, ни в Уссурийске"
    return status


def _hedges_the_time(book: CueBook, clause: str) -> bool:
    """Whether a Russian clause is speculative only by a modal of its deadline ("к утру
    вторника может достичь X": the train is expected there, the hour is hedged)."""
    if not book.time_modals or not book.deadlines:
        return False
    lemmas = tuple(_fold(book, t.form) for t in morph.russian_tokens(clause))
    if not book.time_modals.intersection(lemmas):
        return False
    if not any(_holds(lemmas, phrase) for phrase in book.deadlines):
        return False
    speculative = dict(book.statuses)[Status.SPECULATIVE]
    others = [p for p in speculative if p[0] not in book.time_modals]
    return not any(_holds(lemmas, phrase) for phrase in others)


def _holds(lemmas: Sequence[str], phrase: Sequence[str]) -> bool:
    """Whether the lemma sequence ``phrase`` occurs in ``lemmas``."""
    size = len(phrase)
    return any(tuple(lemmas[i : i + size]) == tuple(phrase) for i in range(len(lemmas) - size + 1))


def _own_predicate_status(book: CueBook, text: str, clause: tuple[int, int], end: int) -> Status:
    """The status of a Russian clause once a later predicate joined by "и" is cut off.

    "через Хамхын и Чхонджин и к утру может достичь Тумангана": the modal belongs to the
    second predicate, so Хамхын and Чхонджин are read on their own words.
    """
    low, high = clause
    cut = text.rfind(" и ", end, high)
    if cut < 0:
        return Status.SPECULATIVE
    return _russian_clause_status(book.language, text[low:cut])


def _negated_list(book: CueBook, text: str, low: int, start: int) -> bool:
    """Whether a negated verb governs a list the place is in ("не … ни в X, ни в Y")."""
    lemmas = [_fold(book, t.form) for t in morph.russian_tokens(text[low:start])]
    return "ни" in lemmas[-2:] and "не" in lemmas[:-2]


@functools.lru_cache(maxsize=8192)
def _russian_clause_status(language: str, clause: str) -> Status:
    """The status of a Russian clause by its lemmas (memoised)."""
    book = load_cues(language)
    tokens = morph.russian_tokens(clause)
    lemmas = tuple(_fold(book, t.form) for t in tokens)
    for status, phrases in book.statuses:
        for phrase in phrases:
            size = len(phrase)
            if any(lemmas[i : i + size] == phrase for i in range(len(lemmas) - size + 1)):
                return status
    if book.future_is_expected and any("futr" in t.tag for t in tokens):
        return Status.EXPECTED
    return Status.REPORTED
