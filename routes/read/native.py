"""The reader's Korean and Russian passes: names by morphology, roles and status by cue words.

:mod:`routes.read.geoparse` reads English itself and hands a Korean or Russian report's
three language-dependent steps to this module (each a single call there):

- :func:`find_matches`: names found by :func:`routes.read.morph.name_spans`, looked up in
  the gazetteer directly or through the language's exonyms (``lang/<language>.toml``);
- :func:`resolve`: which of a name's places is meant;
- :func:`read_mention`: the mention's role, status and source from
  :mod:`routes.read.cues`.

Offsets stay those of the original text throughout.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import replace
from typing import Any

import iuliia

from routes.model import POINT_KINDS, Kind, Mention, Place, Report, Role, Status, TimeRef
from routes.read import cues, cues_ko, cues_ru, morph
from routes.read.gazetteer import Gazetteer, normalize
from routes.read.language import DEFAULT_LANGUAGE, resolve_language
from routes.read.sound import hangul_sound, worth_matching

#: Languages read by this module (English is read by geoparse itself).
NATIVE_LANGUAGES = ("ko", "ru")
#: GeoNames places smaller than this are taken only when the report points at their country.
MIN_POPULATION = 15_000
#: Share of letters in Hangul or Cyrillic from which a report marked (or defaulted to)
#: English is read in the language detected instead.
NATIVE_SHARE = 0.3
#: Characters of a report sampled for :data:`NATIVE_SHARE`.
_SAMPLE = 2000


def report_language(report: Report) -> str:
    """The language a report is read in: "ko" or "ru" when so marked or plainly so written.

    A report's own ``language`` wins; the model's default "en" on a text mostly in Hangul
    or Cyrillic is taken as unknown and the language is detected.
    """
    declared = report.language
    if declared in NATIVE_LANGUAGES:
        return declared
    if declared not in ("", DEFAULT_LANGUAGE, None) and declared.split("-")[0] != "en":
        return resolve_language(declared, report.text)
    sample = report.text[:_SAMPLE]
    if sample.isascii() or _NATIVE_LETTER.search(sample) is None:
        return DEFAULT_LANGUAGE  # no Hangul nor Cyrillic: nothing to count
    letters = sum(map(str.isalpha, sample))
    if not letters:
        return DEFAULT_LANGUAGE
    if len(_NATIVE_LETTER.findall(sample)) / letters < NATIVE_SHARE:
        return DEFAULT_LANGUAGE
    return resolve_language(None, report.text)


#: A letter in Hangul syllables or Cyrillic.
_NATIVE_LETTER = re.compile("[가-힣Ѐ-ӿ]")


def find_matches(
    text: str,
    gazetteer: Gazetteer,
    language: str,
    new_match: Callable[..., Any],
    readings: Callable[[tuple[Place, ...]], Any],
) -> tuple[list[Any], set[str]]:
    """The names of a Korean or Russian ``text`` as geoparse matches, in text order.

    Parameters
    ----------
    text
        The report text.
    gazetteer
        Where names are looked up.
    language
        "ko" or "ru".
    new_match, readings
        geoparse's constructors of a match and of a name's readings.

    Returns
    -------
    tuple
        The matches and an empty set of demonym countries.
    """
    book = cues.load_cues(language)
    spans = morph.name_spans(
        text,
        language,
        _lookup(gazetteer, book.exonyms, book.romanized, by_sound=book.by_sound, home=book.home),
        heads=book.heads,
        tails=book.tails,
        skip=book.not_places,
        governors=book.place_governors,
    )
    kept = [
        s
        for s in spans
        if _trusted(text, language, s, book) and not _names_a_landmark(text, s, book)
    ]
    if language == "ru":
        kept = sorted(kept + _river_bridges(text, kept, gazetteer), key=lambda s: s.start)
    return [new_match(s.start, s.end, readings(s.found)) for s in kept], set()


#: "мост через реку X", "по мосту через Туманную": a bridge named by the river it crosses.
_RU_BRIDGE = re.compile(r"\b(?P<bridge>[Мм]ост(?:а|у|ом|е)?)\s+через\s+(?:реку\s+|р\.\s*)?$")


def _river_bridges(
    text: str, spans: Sequence[morph.NameSpan], gazetteer: Gazetteer
) -> list[morph.NameSpan]:
    """Bridges a Russian report names by their river, where the gazetteer knows the bridge
    as "<river> bridge" (the Friendship Bridge as "Tumen River bridge")."""
    found = []
    for span in spans:
        rivers = [p for p in span.found if p.kind == Kind.RIVER]
        m = _RU_BRIDGE.search(text, max(0, span.start - 40), span.start) if rivers else None
        if m is None:
            continue
        key = normalize(f"{rivers[0].name} bridge")
        bridges = gazetteer.lookup_keys({key}).get(key, ())
        bridges = tuple(p for p in bridges if p.kind == Kind.BRIDGE)
        if bridges:
            found.append(morph.NameSpan(m.start("bridge"), m.end("bridge"), key, bridges))
    return found


def _trusted(text: str, language: str, span: morph.NameSpan, book: cues.CueBook) -> bool:
    """Whether a name found only in GeoNames is written as a proper noun of a place.

    Curated places and exonyms are always taken; a Korean GeoNames name must be a proper
    noun to Kiwi or a foreign name Kiwi does not know (read as noun pieces, or run into
    the noun after it: "창춘역"), not a Korean word of its own ("예산", budget); a Russian
    one a geographic name to pymorphy3, or a word that is also an ordinary one where a
    place is due (after a word that governs a place, or listed after another name: "в
    Киеве и Буче"); one read first as a person's name or surname must
    follow a word that governs a place (``place_governors``).
    """
    if span.key in book.exonyms or any(p.curated or p.kind == Kind.COUNTRY for p in span.found):
        return True
    if language == "ko":
        return morph.korean_proper_noun_at(text, span.start) or morph.korean_unknown_noun_at(
            text, span.start, span.end
        )
    name = text[span.start : span.end]
    if morph.russian_person_name(name):
        return _after_governor(text, span.start, book)
    if morph.russian_geographic(name):
        return True
    if " " in name and morph.russian_lemma(name.split()[-1]) in book.tails:
        return True  # "Мурманской области": a name closed by a geographic tail is a place's
    # a capitalised noun that is also an ordinary one ("Буча", a row) names a place where a
    # place is due: after a preposition of place, or listed after another name (not an
    # adjective: "на Ярославский вокзал", "в Северной столице" describe the noun after)
    if morph.russian_adjective(name):
        return False
    return (
        _after_governor(text, span.start, book)
        or _RU_LISTED.search(text, max(0, span.start - 40), span.start) is not None
    )


#: A capitalised name and list glue right before a Russian name ("в Киеве и Буче").
_RU_LISTED = re.compile(r"[А-ЯЁ][а-яё-]+(?:,| и| или)\s+$")


def _after_governor(text: str, start: int, book: cues.CueBook) -> bool:
    """Whether the Russian word right before ``start`` governs a place ("во", "города")."""
    before = text[max(0, start - 30) : start]
    words = morph.russian_tokens(before)
    return (
        bool(words)
        and not before[words[-1].end :].strip()
        and words[-1].form in book.place_governors
    )


def _names_a_landmark(text: str, span: morph.NameSpan, book: cues.CueBook) -> bool:
    """Whether a name only GeoNames knows names a plant, landmark, craft or person here.

    Either the name stands alone in its word and the next word starts with one of the
    language's ``landmarks_after`` ("X 항공기 공장": the plant, not a town named X), or a
    bare word and then one of its ``person_titles`` follow ("X 코발렌코 대통령": a first
    name), or it is followed by one of its ``named_after`` phrases ("X의 이름을 땄다").
    """
    if any(p.curated for p in span.found) or span.key in book.exonyms:
        return False
    if book.named_after and text.startswith(book.named_after, span.end):
        return True
    end = span.end
    while end < len(text) and text[end] in _CLOSING_QUOTES:
        end += 1  # "'유리 가가린' 항공기 공장": the quoted name of the plant
    if end < len(text) and not text[end].isspace():
        return False
    following = text[end : end + 40].split(maxsplit=3)[:3]
    if book.landmarks and following and following[0].startswith(book.landmarks):
        return True
    return _a_first_name(following, book.person_titles)


#: Quotation marks that may close a name before the word that tells what it names.
_CLOSING_QUOTES = frozenset("'\"’”」』»")
#: A bare Korean word (no particle or punctuation after it): a name, not yet a clause.
_BARE_HANGUL = re.compile("[가-힣]+")


def _a_first_name(following: Sequence[str], titles: tuple[str, ...]) -> bool:
    """Whether the words after a name are a bare name, then (maybe after one more bare word,
    a country) a person's title: "블라디미르 | 코발렌코 (우크라이나) 대통령"."""
    if not titles or len(following) < 2 or not _BARE_HANGUL.fullmatch(following[0]):
        return False
    if following[1].startswith(titles):
        return True
    return (
        len(following) == 3
        and _BARE_HANGUL.fullmatch(following[1]) is not None
        and following[2].startswith(titles)
    )


def _lookup(
    gazetteer: Gazetteer,
    exonyms: dict[str, str],
    countries: frozenset[str] = frozenset(),
    *,
    by_sound: bool = False,
    home: frozenset[str] = frozenset(),
) -> morph.Lookup:
    """Keys → places: a key's exonym (its English name) first, else the key itself and
    (a Cyrillic key that may be a name: :func:`_romanizable`) its BGN/PCGN romanisation,
    the spelling GeoNames gives Russian places (:func:`romanized`: "таксимо" → "taksimo"),
    among the points of ``countries`` whose own name it is (not another name of theirs:
    "уссури", the river, is no other name of a town; "кола" is Poland's Koło as written and
    Kola by its romanisation, the report's places choose); else, with
    ``by_sound``, the towns whose name sounds as the key (:func:`_by_sound`) in a country
    the report names or in one of ``home``."""

    def lookup(keys: Iterable[str]) -> dict[str, tuple[Place, ...]]:
        keys = set(keys)
        english = {key: exonyms[key].partition("|") for key in keys if key in exonyms}
        latin = {key: romanized(key) for key in keys if countries and _romanizable(key)}
        found = gazetteer.lookup_keys(
            keys | {name for name, _, _ in english.values()} | set(latin.values())
        )
        out = {key: found[key] for key in keys if key in found}
        for key, name in latin.items():
            places = tuple(
                p
                for p in found.get(name, ())
                if p.country in countries and p.kind in POINT_KINDS and normalize(p.name) == name
            )
            if places:  # beside what the key names as written ("кола": Poland's Koło too)
                out[key] = tuple(dict.fromkeys((*out.get(key, ()), *places)))
        for key, (name, _, country) in english.items():
            places = _exonym_places(found.get(name, ()), country)
            if places:
                out[key] = places
        if by_sound:
            named = home | {
                p.country
                for key, places in out.items()
                for p in places
                if p.kind == Kind.COUNTRY or p.curated or key in english
            }
            unknown = {k for k in keys - set(out) if not _extends_a_name(k, out)}
            out |= _by_sound(gazetteer, unknown, named)
        return out

    return lookup


#: A key of Cyrillic words of at least four letters each: one that may be romanised.
_CYRILLIC_NAME = re.compile(r"[\u0400-\u04FF]{4,}(?:[ -][\u0400-\u04FF]{4,})*")


def _extends_a_name(key: str, names: Collection[str]) -> bool:
    """Whether ``key`` opens with a name of ``names`` (a known name and the start of its
    particle, "핑샹으" of "핑샹으로": no other name to sound out)."""
    return any(key[:end] in names for end in range(1, len(key)))


def _by_sound(
    gazetteer: Gazetteer, keys: Iterable[str], named: Collection[str]
) -> dict[str, tuple[Place, ...]]:
    """Hangul keys of two syllables or more that sound as a GeoNames town's name
    (:func:`routes.read.sound.hangul_sound`: "이르핀" as Irpin), by key: the towns of that
    sound in a country the report names (``named``: of the countries, curated places and
    exonyms it names), for a transcription of an unknown name sounds like towns the world
    over (Irving, Texas, as much as Irpin)."""
    sounds = {
        key: sound
        for key in keys
        if len(key) >= 2 and (sound := hangul_sound(key)) and worth_matching(sound)
    }
    if not named or not sounds:
        return {}
    found = gazetteer.sounding(sounds.values())
    out = {}
    for key, sound in sounds.items():
        places = tuple(p for p in found.get(sound, ()) if p.country in named)
        if places:
            out[key] = places
    return out


def _romanizable(key: str) -> bool:
    """Whether ``key`` may be a name to look up romanised: Cyrillic words of four letters
    or more, not a single word pymorphy3 reads first as something else ("куда", "восток",
    "городок", the adjective "украинский") or as a case form of a name it knows ("Кирове":
    its nominative is looked up); a word it reads first as a geographical noun in the
    nominative, or does not know, may be one."""
    if not _CYRILLIC_NAME.fullmatch(key):
        return False
    if " " in key or "-" in key:
        return True
    parses = morph.russian_parses(_SHORT_I.sub("й", key))
    if not parses or not any(p.is_known for p in parses):
        return True
    first = parses[0].tag
    return "Geox" in first and first.POS == "NOUN" and "nomn" in first


@functools.lru_cache(maxsize=8192)
def romanized(key: str) -> str:
    """The lookup key of ``key`` (a Cyrillic name's key) romanised by BGN/PCGN, the system
    GeoNames writes Russian names in ("новый ургал" → "novyy urgal"). A key has lost the
    breve of "й" (:func:`normalize`), so an "и" right after a vowel is read as the "й" it
    nearly always is ("северобаикальск" → "severobaykal'sk")."""
    return normalize(iuliia.BGN_PCGN.translate(_SHORT_I.sub("й", key)))


#: An "и" right after a vowel: in a Russian name nearly always "й" written without its breve.
_SHORT_I = re.compile(r"(?<=[аеёиоуыэюя])и")


def _exonym_places(places: tuple[Place, ...], country: str) -> tuple[Place, ...]:
    """The places an exonym's English name gives: of its country when it names one,
    curated ones first when there are any."""
    if country:
        places = tuple(p for p in places if p.country == country)
    curated = tuple(p for p in places if p.curated)
    return curated or places


def home_countries(language: str) -> frozenset[str]:
    """The countries of ``language``'s own media (``[names] home_countries``: Korean
    reports' two Koreas), whose readings of a name come first among those in context."""
    return cues.load_cues(language).home


def resolve(
    match: Any,
    counts: Counter[str],
    in_context: Callable[[str, Counter[str], Any], bool],
    home: frozenset[str] = frozenset(),
) -> Place | None:
    """The place a Korean or Russian name means, or None when it is probably none.

    Curated places and countries are always taken; a GeoNames town needs the report
    to point at its country or :data:`MIN_POPULATION` people. Among several readings
    the first in context wins, one in a ``home`` country first ("원산" beside 신의주 and
    단둥 is North Korea's Wonsan, not China's larger Wenshan), a small one too when the
    best reading is in no country the report points at ("в Кеми" is Kem in Karelia, not
    Finland's larger Kemi); else the first.
    """
    from routes.read.parse.resolve import comparable  # parse imports this module

    own = match.default.country if match.default is not None else None
    best = match.ranked[0][0]
    largest = max(p.population for p, _ in match.ranked)
    foreign = not in_context(best.country, counts, own)
    ranked = sorted(match.ranked, key=lambda r: r[0].country not in home) if home else match.ranked
    for place, plausible in ranked:
        if (
            (plausible or foreign)
            and in_context(place.country, counts, own)
            and comparable(place, largest)
        ):
            best = place
            break
    if best.curated or best.kind == Kind.COUNTRY:
        return best
    if best.population < MIN_POPULATION and not in_context(best.country, counts, own):
        return None
    return best


def attribution(language: str, sentence: str) -> str:
    """Who a Korean or Russian sentence is attributed to ("조선일보", "ТАСС"), or ""."""
    return cues.attribution(language, sentence)


def read_mention(
    report: Report,
    language: str,
    mention: Mention,
    place: Place,
    previous: Mention | None,
    matches: Sequence[Any],
    gazetteer: Gazetteer,
) -> Mention:
    """``mention`` with the role and status its Korean or Russian words give it."""
    book = cues.load_cues(language)
    text = report.text
    sentence = (mention.sentence_start, mention.sentence_end)
    cue_from, bound = _cue_window(book, text, matches, mention.end, sentence[1])
    reading = _cue_reading(book, text, sentence, (mention.start, mention.end), bound, cue_from)
    status = reading.status
    year = report.published.year if report.published else None
    if cues.dateline_span(book, text) == (mention.start, mention.end):
        names = [(m.start, m.end) for m in matches if m.start >= mention.end and _a_point(m)]
        here = cues_ko.here_role(book, text, names) if place.kind in POINT_KINDS else None
        if here is not None:
            here = _role(place, cues.Reading(here, Status.REPORTED), gazetteer)
        return replace(mention, role=here or Role.DATELINE, status=Status.REPORTED)
    if mention.role == Role.HISTORICAL or cues.is_past(
        book, _through_its_clause(text, mention), year
    ):
        return replace(mention, role=Role.HISTORICAL, status=status)
    role = _role(place, reading, gazetteer)
    if place.kind == Kind.RIVER and _crossed(book, text, mention, status):
        role = Role.VIA  # "X강을 건너", "пересёк реку X": over the river, a stop on the way
    if role == Role.ORIGIN and cues.leaves_for_home(book, text, mention.end, sentence[1]):
        role = Role.VIA  # left for home: the far end of the journey, a stop on the way
    if role == Role.CONTEXT and reading.role is None and previous is not None:
        role = _listed_role(book, text, previous, mention, place, role)
    if previous is not None and _elided(book, text, previous, mention, role):
        role = Role(previous.role)  # "отправится в X, а оттуда — в Y": Y as X
    before = _date_before(report, mention)
    date = before or _date_not_past_a_break(report, mention)
    if _left_before_its_sentence_time(language, role, before, text, mention):
        date = None  # "X를 출발한 팀이 18일 Y에 도착해": left before that day
    if role == Role.DESTINATION and cues.bound_for(book, text, mention.end):
        date = None  # "X로 가기 위해 23일 출발했다": the time is the departure's
    if language == "ru" and cues_ru.names_a_service(book, text, mention.start, sentence[0]):
        date = None  # "поезд, следующий из X в Y, в четверг остановился в Z": Z's day
    return replace(mention, role=role, status=status, date=date)


def _left_before_its_sentence_time(
    language: str, role: Role, before: str | None, text: str, mention: Mention
) -> bool:
    """Whether a Korean place a leg began at, with no time before it in its clause, is told
    in a clause describing the traveller (:func:`cues_ko.left_before_the_main_verb`)."""
    return (
        language == "ko"
        and role == Role.ORIGIN
        and before is None
        and cues_ko.left_before_the_main_verb(text, mention.end)
    )


def _a_point(match: Any) -> bool:
    """Whether a match's first reading is a town, station or other point (not a country or
    region: "북한 국무위원장이 … 이곳에 도착했다" names no other place the lodging may be in)."""
    default = match.default
    return default is not None and default.kind in POINT_KINDS


def _through_its_clause(text: str, mention: Mention) -> str:
    """The words of a mention's sentence up to the end of the mention's own clause: a year
    told in a later clause ("X를 거쳐 돌아갈 것으로 보이며, 지난해와 달리 Y에는 …") is not
    the mention's."""
    stop = cues.CLAUSE_PUNCTUATION.search(text, mention.end, mention.sentence_end)
    return text[mention.sentence_start : stop.start() if stop else mention.sentence_end]


#: What ends a clause between a time and a place in Korean or Russian text.
_CLAUSE_BREAK = re.compile(r"[,;:()]|\s(?:а|но|однако|хотя)\s|지만|는데")


def _date_before(report: Report, mention: Mention) -> str | None:
    """The day a Korean or Russian place is dated by: the last time written before it in
    its clause ("в воскресенье вечером отправился из X и в понедельник утром пересёк …";
    "17일 오후 아르툠에서"), or None when its clause has none before it."""
    text = report.text
    best = None
    for ref in _report_times(report):
        if ref.end > mention.start:
            break
        if ref.start < mention.sentence_start or len(ref.date) < len("2000-01-01"):
            continue
        if _CLAUSE_BREAK.search(text, ref.end, mention.start) is None:
            best = ref.date
    return best


def _date_not_past_a_break(report: Report, mention: Mention) -> str | None:
    """The sentence's date of a Russian place with no time before it in its clause,
    unless that date is written after the place past a contrast: "Ночью прошёл X, а ещё
    раньше, в четверг, миновал Y" dates Y, not X (X then takes its place along the way).
    A comma alone does not part them ("X, по данным ТАСС, будет закрыта в субботу")."""
    if not mention.date or report_language(report) != "ru":
        return mention.date
    text = report.text
    for ref in _report_times(report):
        if ref.end <= mention.sentence_start or len(ref.date) < len("2000-01-01"):
            continue
        if ref.start >= mention.sentence_end or ref.start < mention.end:
            return mention.date
        if _contrast().search(text, mention.end, ref.start) is not None:
            return None
        return mention.date
    return mention.date


@functools.cache
def _contrast() -> re.Pattern[str]:
    """What parts two clauses of a Russian sentence more than a comma does."""
    return re.compile(r";|" + cues_ru.contrast("ru"))


def _report_times(report: Report) -> tuple[TimeRef, ...]:
    """The report's time expressions, in text order (kept for the report being read)."""
    held = _TIMES.get(report.id)
    if held is None or held[0] is not report:
        from routes.read.when import find_times  # when.py hands these back to when_native

        _TIMES.clear()
        held = (report, find_times(report))
        _TIMES[report.id] = held
    return held[1]


_TIMES: dict[str, tuple[Report, tuple[TimeRef, ...]]] = {}


def remember_times(report: Report, times: Sequence[TimeRef]) -> None:
    """Keep ``times``, the report's time expressions (``find_times(report)``), for the
    report being read, so that its mentions do not find them again."""
    _TIMES.clear()
    _TIMES[report.id] = (report, tuple(times))


def _role(place: Place, reading: cues.Reading, gazetteer: Gazetteer) -> Role:
    """The journey role a reading gives a place."""
    if place.kind not in POINT_KINDS or reading.title:
        return Role.CONTEXT
    if reading.status == Status.RULED_OUT:
        return Role.RULED_OUT
    if reading.role is None:
        actor = reading.actor_form and gazetteer.is_capital(place)
        return Role.ACTOR if actor else Role.CONTEXT
    if reading.status == Status.SPECULATIVE:
        return Role.CONTEXT
    if _on_a_border(place) and reading.role in (Role.VIA, Role.DESTINATION):
        return Role.BORDER
    return reading.role


def _crossed(book: cues.CueBook, text: str, mention: Mention, status: Status) -> bool:
    """Whether the report tells the train crossed the river of ``mention``, as done or as
    expected (not rumoured or denied)."""
    if status not in (Status.REPORTED, Status.EXPECTED):
        return False
    return cues.crosses_river(book, text, mention.start, mention.end)


def _on_a_border(place: Place) -> bool:
    """Whether passing ``place`` is crossing a border: a border crossing, or a bridge
    between two countries (the gazetteer gives those no country)."""
    return place.kind == Kind.BORDER_CROSSING or (place.kind == Kind.BRIDGE and not place.country)


def _elided(book: cues.CueBook, text: str, previous: Mention, mention: Mention, role: Role) -> bool:
    """Whether a Russian place on the way or at an end takes the role of the place before
    it in its sentence, its clause leaving out that place's verb
    (:func:`routes.read.cues_ru.elided_predicate`)."""
    legs = (Role.VIA, Role.DESTINATION)
    if book.language != "ru" or role not in legs or previous.role not in legs:
        return False
    if previous.sentence_start != mention.sentence_start or previous.role == role:
        return False
    sentence = (mention.sentence_start, mention.sentence_end)
    return cues_ru.elided_predicate(book, text, sentence, (mention.start, mention.end))


def _listed_role(
    book: cues.CueBook, text: str, previous: Mention, mention: Mention, place: Place, role: Role
) -> Role:
    """A place listed right after another takes its journey role ("через Хамхын и Чхонджин").

    In Korean the cue follows the list, so the earlier places take the later one's role:
    that is done by reading each Korean place's cue past the places after it.
    """
    if previous.sentence_start != mention.sentence_start or place.kind not in POINT_KINDS:
        return role
    if previous.role not in (Role.ORIGIN, Role.VIA, Role.BORDER, Role.DESTINATION):
        return role
    if not cues.is_list_glue(book, text[previous.end : mention.start]):
        return role
    if _on_a_border(place) and previous.role in (Role.VIA, Role.DESTINATION):
        return Role.BORDER
    return Role(previous.role)


def _cue_window(
    book: cues.CueBook, text: str, matches: Sequence[Any], end: int, limit: int
) -> tuple[int, int]:
    """Where a Korean place's cue is read from and up to: past the places listed after it.

    "함흥과 청진을 지나": 함흥's cue is read after 청진, up to the next place or ``limit``.
    """
    cue_from = end
    starts = _starts(matches)
    for index in range(bisect.bisect_left(starts, end), len(matches)):
        match = matches[index]
        if match.start >= limit:
            break
        between = text[cue_from : match.start]
        if book.language == "ko" and cues.joins_next(book, between):
            if not between.strip() and _a_station(match):
                return cue_from, match.start  # "서울 용산역을 출발해": the station's town
            cue_from = match.end
            continue
        return cue_from, match.start
    return cue_from, limit


def _a_station(match: Any) -> bool:
    """Whether the likeliest reading of ``match`` is a station: a name right before it with
    nothing between ("서울 용산역", "부산 부전역") is the town it stands in, not a list."""
    return bool(match.candidates) and match.candidates[0].kind == Kind.STATION


_STARTS: dict[int, tuple[Sequence[Any], list[int]]] = {}


def _starts(matches: Sequence[Any]) -> list[int]:
    """The start offsets of ``matches`` (in text order), kept for the report being read."""
    held = _STARTS.get(id(matches))
    if held is None or held[0] is not matches:
        _STARTS.clear()
        held = (matches, [m.start for m in matches])
        _STARTS[id(matches)] = held
    return held[1]


def _cue_reading(
    book: cues.CueBook,
    text: str,
    sentence: tuple[int, int],
    span: tuple[int, int],
    bound: int,
    cue_from: int | None,
) -> cues.Reading:
    """The role cue and status the words around ``text[span[0]:span[1]]`` give: Korean cues
    after the name, read up to ``bound`` (where the sentence's next place starts) from
    ``cue_from`` (after the places listed with this one; the name's end by default);
    Russian cues before it."""
    if book.language == "ko":
        return cues_ko.read_korean(book, text, sentence, span, bound, cue_from or span[1])
    return cues_ru.read_russian(book, text, sentence, span)
