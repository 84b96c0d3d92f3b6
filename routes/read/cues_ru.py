"""Russian cue reading: the role and status the words before a place give.

Cues matched on pymorphy3 lemmas, all from ``lang/ru.toml`` (via :class:`CueBook`).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Sequence

from routes.model import Role, Status
from routes.read import morph
from routes.read.cues import (
    CLAUSE_PUNCTUATION,
    RU_BEFORE_CHARS,
    CueBook,
    Reading,
    fold_lemma,
    load_cues,
)

#: Marks that end a Russian clause (its contrast conjunctions are ``[list] contrast``).
_CLAUSE_MARKS = ",;:—()"


@functools.cache
def contrast(language: str = "ru") -> str:
    """The regex of a contrast conjunction between blanks (``[list] contrast`` of the
    language's file; one that never matches when it has none)."""
    words = sorted(load_cues(language).contrast, key=len, reverse=True)
    if not words:
        return "(?!)"
    return r"\s(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\s"


@functools.cache
def _clause_break(language: str) -> re.Pattern[str]:
    """A clause break of a Russian sentence: a mark, or a contrast conjunction."""
    return re.compile(f"[{re.escape(_CLAUSE_MARKS)}]|" + contrast(language))


def read_russian(
    book: CueBook, text: str, sentence: tuple[int, int], span: tuple[int, int]
) -> Reading:
    """Russian: the cue lemmas before the name, a title before it, the clause status."""
    start, end = span
    low = max(sentence[0], start - RU_BEFORE_CHARS)
    words = _without_asides(book, text[low:start])
    before = [(t, fold_lemma(book, t.form)) for t in morph.russian_tokens(words)]
    lemmas = [lemma for _, lemma in before]
    cases = morph.russian_cases(text[start:end].split()[0].split("-")[0])
    status = _russian_status(book, text, sentence, span)
    title = bool(lemmas) and lemmas[-1] in book.titles
    if title:
        return Reading(None, status, title=True)
    if _compared(book, words, before) or _ends_with_any(lemmas, book.clause_openers):
        return Reading(None, status)  # "меньше, чем во Владивостоке": compared with, no stop
    if _ends_with_any(lemmas, book.excepted) and _travel(book, text, sentence):
        # "нигде не останавливался, кроме X": what the clause denies of every other place
        # happened at the exception
        return Reading(Role.VIA, Status.REPORTED)
    if _speaks(book, text, sentence, span, lemmas):
        return Reading(None, status, actor_form=True)
    if _relations_between(book, lemmas):
        return Reading(None, status, actor_form=True)  # "договорённость между X и Y"
    if _after_an_event_there(book, lemmas) and not _moves(book, text[slice(*sentence)]):
        return Reading(None, status)  # "после встречи в Ханое": a time reference, no stop
    role = _russian_cue(book, lemmas, cases, _travel(book, text, sentence))
    if role == Role.ORIGIN and _people_from(book, before):
        role = None  # "горняки из соседнего Чегдомына": where people come from, not the train
    if role is None:
        role = _russian_after_cue(book, text, span[1], sentence[1])
    if role is not None and _another_traveller(book, text, sentence, span[0]):
        return Reading(None, status)  # "…, а Петров прилетел из X": another person's travel
    if role == Role.ORIGIN and _venue(book, text, span[1], sentence[1], lemmas):
        role = Role.VIA  # "переговоры начались в X": where the talks began, not the trip
    if (
        role == Role.VIA
        and status == Status.EXPECTED
        and _venue(book, text, span[1], sentence[1], lemmas)
    ):
        role = Role.DESTINATION
    actor_form = role is None and bool(cases & book.actor_marks)
    return Reading(role, status, actor_form=actor_form)


def _people_from(book: CueBook, before: Sequence[tuple[morph.Token, str]]) -> bool:
    """Whether the words before a place end in "из" (maybe with adjectives between) right
    after a noun of living beings in the nominative that is no train word ("к ветеранам
    присоединились горняки из соседнего X", miners from neighbouring X joined): the place
    is where they come from; so is one in the genitive after a noun of their group in the
    nominative ("группа школьников из X"). People carried ("доставил туристов из X в Y") are
    an object, and X where the train came from."""
    i = len(before) - 1
    while i >= 0 and before[i][0].tag.startswith(("ADJF", "PRTF")):
        i -= 1
    if i < 1 or before[i][1] != "из":
        return False
    noun = before[i - 1][0]
    if not noun.tag.startswith("NOUN") or "anim" not in noun.tag:
        return False
    if before[i - 1][1] in book.train_words:
        return False
    if "nomn" in noun.tag:
        return True
    # "группа школьников из X": the people in the genitive after a noun of the group
    group = before[i - 2][0] if i >= 2 else None
    return (
        "gent" in noun.tag
        and group is not None
        and group.tag.startswith("NOUN")
        and "nomn" in group.tag
    )


def _compared(book: CueBook, words: str, before: Sequence[tuple[morph.Token, str]]) -> bool:
    """Whether the place's clause, up to it, opens with a comparison word (``[cue_options]
    comparison``: "…, чем во X", "длиннее, чем из Москвы в X") or holds a pair that likens a
    distance (``comparison_pairs``: "как от X до Y"); ``words`` are those before the place
    in its sentence, ``before`` their tokens."""
    if not book.comparison:
        return False
    opening = max(words.rfind(mark) for mark in _CLAUSE_MARKS) + 1
    clause = [lemma for t, lemma in before if t.start >= opening]
    if any(pair in book.comparison_pairs for pair in itertools.pairwise(clause)):
        return True  # "примерно как от X до Y": a distance likened
    first = next((t for t, _lemma in before if t.start >= opening), None)
    return first is not None and first.form in book.comparison


def _ends_with_any(lemmas: Sequence[str], phrases: Iterable[tuple[str, ...]]) -> bool:
    """Whether ``lemmas`` end in one of the lemma ``phrases`` ("после того как X", a
    conjunction opening a clause: ``[cue_options] clause_openers``; "кроме X", the
    exception to its clause: ``[status] excepted``)."""
    return any(
        len(lemmas) >= len(phrase) and tuple(lemmas[-len(phrase) :]) == phrase for phrase in phrases
    )


def _without_asides(book: CueBook, words: str) -> str:
    """``words`` (before a place) without the asides set off by commas that they hold
    (``[cue_options] asides``: "остановкой, по словам сопровождающих, станет" reads as
    "остановкой станет")."""
    if not book.asides or "," not in words:
        return words
    return _aside_pattern(book.asides).sub(" ", words)


@functools.cache
def _aside_pattern(openers: tuple[str, ...]) -> re.Pattern[str]:
    """An aside of one of ``openers`` between two commas (at most 60 characters)."""
    alternatives = "|".join(re.escape(o) for o in openers)
    return re.compile(rf",\s*(?:{alternatives})\b[^,]{{0,60}},", re.IGNORECASE)


#: Most words between a train's running word and one of its ends ("следующий из Москвы в").
_SERVICE_WORDS = 4


def names_a_service(book: CueBook, text: str, start: int, sentence_start: int) -> bool:
    """Whether the Russian place at ``start`` is an end of a train named by where it runs
    ("Поезд «Арктика», следующий из Москвы в Мурманск, …": ``[list] service_participles``,
    with only prepositions and the other end between): its sentence's time is another
    event's, not when the train was there."""
    if not book.service_participles:
        return False
    tokens = morph.russian_tokens(text[max(sentence_start, start - 80) : start])
    for token in reversed(tokens[-_SERVICE_WORDS:]):
        if token.form in book.service_participles:
            return True
        if not token.tag.startswith(("PREP", "NOUN")):
            return False
    return False


def _russian_after_cue(book: CueBook, text: str, end: int, limit: int) -> Role | None:
    """The role of a cue phrase right after a Russian name, in its clause: the name told
    before its verb ("X поезд прошёл около восьми утра")."""
    stop = CLAUSE_PUNCTUATION.search(text, end, limit)
    lemmas = tuple(
        fold_lemma(book, t.form)
        for t in morph.russian_tokens(text[end : stop.start() if stop else limit])
    )
    for cue in book.cues:
        if cue.position == "after" and any(lemmas[: len(p)] == p for p in cue.phrases):
            return cue.role
    return None


def _after_an_event_there(book: CueBook, lemmas: Sequence[str]) -> bool:
    """Whether the words before a Russian place are "после" and an event held there ("после
    встречи в Осаке", "после саммита в Риге"): the place dates what follows, and
    in a sentence that tells no travel it is no stop ("отношения … после встречи в X")."""
    return (
        len(lemmas) >= 3
        and lemmas[-3] == "после"
        and lemmas[-2] in book.venue_events
        and lemmas[-1] in book.place_prepositions
    )


def _moves(book: CueBook, sentence: str) -> bool:
    """Whether a Russian sentence tells someone travelling: a ``travel`` lemma that is no
    event (``venue_events``: a meeting is no movement)."""
    moving = book.travel - book.venue_events
    return any(fold_lemma(book, t.form) in moving for t in morph.russian_tokens(sentence))


def _venue(book: CueBook, text: str, end: int, limit: int, lemmas: Sequence[str]) -> bool:
    """Whether a place after a bare "в"/"на" is where an event its clause tells is held,
    told before it or after it (:func:`_planned_venue`, :func:`_venue_after`)."""
    return _planned_venue(book, lemmas) or _venue_after(book, text, end, limit, lemmas)


def _planned_venue(book: CueBook, lemmas: Sequence[str]) -> bool:
    """Whether a place after a bare "в"/"на" is where a planned event will be held
    ("Переговоры пройдут в четверг на острове X"): the journey goes there."""
    if not lemmas or lemmas[-1] not in book.place_prepositions:
        return False
    return bool(book.venue_events.intersection(lemmas)) and bool(
        book.venue_verbs.intersection(lemmas)
    )


def _venue_after(book: CueBook, text: str, end: int, limit: int, lemmas: Sequence[str]) -> bool:
    """Whether a place after a bare "в"/"на" is where the event its clause then tells will
    be held ("в конце недели во X состоится встреча", "в X в пятницу пройдут переговоры"):
    a venue verb and a venue event after the place, before the clause ends."""
    if not lemmas or lemmas[-1] not in book.place_prepositions:
        return False
    stop = _clause_break(book.language).search(text, end, limit)
    after = {
        fold_lemma(book, t.form)
        for t in morph.russian_tokens(text[end : stop.start() if stop else limit])
    }
    return bool(book.venue_events & after) and bool(book.venue_verbs & after)


#: Characters after a Russian place read for a speech verb ("… и Сеуле заявили").
_RU_SPEECH_CHARS = 40


def _relations_between(book: CueBook, lemmas: Sequence[str]) -> bool:
    """Whether the words before a place are a noun of relations and "между", maybe with the
    first place and "и" between ("договорённости между Москвой и Пекином", "переговоры
    между X и Y"): the places are the governments, not a leg between them."""
    if "между" not in lemmas[-_RELATION_REACH:]:
        return False
    at = len(lemmas) - 1 - lemmas[::-1].index("между")
    return at > 0 and lemmas[at - 1] in book.relations


#: Most lemmas back from a place that "между" may stand (the first place and "и" between).
_RELATION_REACH = 3


def _speaks(
    book: CueBook, text: str, sentence: tuple[int, int], span: tuple[int, int], lemmas: list[str]
) -> bool:
    """Whether "в X" stands beside a speech verb with no subject: the government speaks.

    "как отметили в Пхеньяне" (the verb right before "в"), "В Вашингтоне и Сеуле заявили"
    (the first word after the place and the places listed with it, but for the words of
    an object told before the verb: "В X встречу восприняли с оптимизмом").
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
        if token.tag.startswith(_OBJECT_TAGS):
            continue  # "встречу (трёх лидеров)": the object before the verb
        # the verb of the same clause, not an attribution after a comma ("…, заявили в РЖД")
        return token.form in book.speech and "," not in after[: token.start]
    return False


def _another_traveller(book: CueBook, text: str, sentence: tuple[int, int], start: int) -> bool:
    """Whether a Russian place's clause tells the travel of a person who is not the report's
    traveller ("…, а Петров прилетел из X").

    Before the place, the clause (cut at marks and contrast conjunctions) holds a travel
    verb (a ``travel`` lemma tagged as a verb) whose subject, in the nominative before it,
    names a person by surname (:func:`_is_person`). None of its names may be a traveller's
    (:func:`_travellers`), and the report must name travellers. A subject by title alone
    ("руководитель КНДР отправится в X") may be the traveller's: it is read as usual.
    The subject may also be people named by a noun (:func:`_others_by_noun`: "его
    помощники вылетели в X").
    """
    breaks = list(_clause_break(book.language).finditer(text, sentence[0], start))
    tokens = morph.russian_tokens(text[breaks[-1].end() if breaks else sentence[0] : start])
    verb = next((i for i, t in enumerate(tokens) if _is_travel_verb(book, t)), None)
    if verb is None:
        return False
    if _others_by_noun(book, text, tokens[:verb]):
        return True
    known = _travellers(book.language, text)
    subject = {t.form for t in tokens[:verb] if "nomn" in t.tag and _is_person(t)}
    return bool(known) and bool(subject) and subject.isdisjoint(known)


def _others_by_noun(book: CueBook, text: str, before: Sequence[morph.Token]) -> bool:
    """Whether the words before a travel verb (``before``) hold its subject as a noun naming
    other people (``[names] other_travellers``, in the nominative: "министр иностранных
    дел прилетел в X", "его помощники вылетели в X") in a report that has a train, the noun
    standing in none of the clauses that tell the train ("поезд министра … министр затем
    вылетел в X" is the traveller's)."""
    nouns = {t.form for t in before if "nomn" in t.tag and t.form in book.other_travellers}
    riding = _train_clause_lemmas(book.language, text)
    return bool(nouns) and riding is not None and nouns.isdisjoint(riding)


@functools.lru_cache(maxsize=64)
def _train_clause_lemmas(language: str, text: str) -> frozenset[str] | None:
    """The lemmas of the clauses of a Russian report that hold a ``train_words`` lemma, None
    when none does (cut as :func:`_travellers` cuts them)."""
    book = load_cues(language)
    lemmas: set[str] = set()
    riding = False
    for part in re.split(rf"[.!?]|{_clause_break(language).pattern}", text):
        forms = {t.form for t in morph.russian_tokens(part)}
        if forms.intersection(book.train_words):
            riding = True
            lemmas |= forms
    return frozenset(lemmas) if riding else None


def _is_travel_verb(book: CueBook, token: morph.Token) -> bool:
    """Whether a Russian token is a verb of travel (a ``travel`` lemma tagged as a verb)."""
    return token.tag.startswith("VERB") and token.form in book.travel


#: pymorphy3's tag of a surname (a first name alone is too often a town's: "Хасан").
_SURNAME_TAG = "Surn"


def _is_person(token: morph.Token) -> bool:
    """Whether a Russian token is a person's surname (pymorphy3 tags it so)."""
    return _SURNAME_TAG in token.tag


@functools.lru_cache(maxsize=64)
def _travellers(language: str, text: str) -> frozenset[str]:
    """The surnames (lemmas) of the persons a Russian report has travel: those of a clause (cut
    at marks, full stops and contrast conjunctions) holding a ``train_words`` lemma
    ("прибыл поездом", "на бронепоезде")."""
    book = load_cues(language)
    known: set[str] = set()
    for part in re.split(rf"[.!?]|{_clause_break(language).pattern}", text):
        tokens = morph.russian_tokens(part)
        if any(t.form in book.train_words for t in tokens):
            known.update(t.form for t in tokens if _is_person(t))
    return frozenset(known)


#: pymorphy3's parts of speech of the words of a noun phrase (noun, adjective, numeral,
#: pronoun): an object may stand between a place and its clause's verb.
_OBJECT_TAGS = ("NOUN", "ADJF", "NUMR", "NPRO")


_BARE_DIRECTION = frozenset({("в",), ("на",), ("до",), ("из",), ("у",), ("по",), ("в", "сторона")})


def _russian_cue(
    book: CueBook, lemmas: Sequence[str], cases: frozenset[str], travel: bool
) -> Role | None:
    """The role of the nearest cue phrase ending at most ``book.gap`` words before the name.

    Nearest: the fewest words between; then the longest phrase; then the first in the book.
    Only the phrases ending in the lemma ``gap`` words before the name are tried there
    (:func:`_phrases_by_last`).
    """
    index = _phrases_by_last(book)
    if index is None:
        return _russian_cue_scan(book, lemmas, cases, travel)
    n = len(lemmas)
    for gap in range(min(book.gap, n - 1) + 1):
        best: tuple[int, int, Role] | None = None
        for size, order, role, phrase in index.get(lemmas[n - gap - 1], ()):
            at = n - gap - size
            if at < 0 or tuple(lemmas[at : at + size]) != phrase:
                continue
            if _cue_fits(phrase, role, cases, travel, gap) and (
                best is None or (-size, order) < best[:2]
            ):
                best = (-size, order, role)
        if best is not None:
            return best[2]
    return None


#: Per cue book (by identity), its "before" phrases by their last lemma (see below).
_BY_LAST: dict[int, tuple[CueBook, dict[str, list] | None]] = {}


def _phrases_by_last(
    book: CueBook,
) -> dict[str, list[tuple[int, int, Role, tuple[str, ...]]]] | None:
    """The book's "before" cue phrases by their last lemma, each as (size, order in the book,
    role, phrase); None when a phrase is empty (then every phrase is tried everywhere)."""
    known = _BY_LAST.get(id(book))
    if known is not None and known[0] is book:
        return known[1]
    index: dict[str, list[tuple[int, int, Role, tuple[str, ...]]]] | None = {}
    order = 0
    for cue in book.cues:
        if cue.position != "before":
            continue
        for phrase in cue.phrases:
            if not phrase:
                index = None
                break
            index.setdefault(phrase[-1], []).append((len(phrase), order, cue.role, phrase))
            order += 1
        if index is None:
            break
    _BY_LAST[id(book)] = (book, index)
    return index


def _russian_cue_scan(
    book: CueBook, lemmas: Sequence[str], cases: frozenset[str], travel: bool
) -> Role | None:
    """:func:`_russian_cue` trying every phrase at every gap (a book with an empty phrase)."""
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
    starts = [low]
    for m in _clause_break(book.language).finditer(text, sentence[0], sentence[1]):
        if m.end() <= span[0]:
            low = m.start() if m.group().strip() in book.contrast_opening else m.end()
            starts.append(low)
        elif m.start() >= span[1]:
            high = m.start()
            break
    status = _russian_clause_status(book.language, text[low:high])
    if status == Status.REPORTED and low == sentence[0] and _verbless(text[low:high], _FINITE_TAGS):
        subject = _subject_predicate_status(book, text, high, sentence[1])
        if subject != Status.REPORTED:
            return subject  # "Поездка в X, о которой писали СМИ, в программу не входила"
    if status == Status.REPORTED:
        status = _elided_predicate_status(book, text, starts, high)
    if status == Status.SPECULATIVE:
        status = _own_predicate_status(book, text, (low, high), span[1])
    if status in (Status.RULED_OUT, Status.DENIED):
        low = _after_an_earlier_predicate(text, low, span[0])
        status = _russian_clause_status(book.language, text[low:high])
    if status == Status.SPECULATIVE and _hedges_the_time(book, text[low:high]):
        status = Status.EXPECTED
    if status in (Status.SPECULATIVE, Status.EXPECTED) and _overturned(
        book, text, high, sentence[1]
    ):
        return Status.RULED_OUT  # "…остановится в X, но этого не произошло"
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


def _subject_predicate_status(book: CueBook, text: str, low: int, high: int) -> Status:
    """A ruled-out or denied status of the predicate a Russian sentence opening with a place
    in its subject goes on to, past a relative clause ("Поездка в X, о которой писали СМИ,
    в программу не входила": the trip to X did not happen); else reported."""
    breaks = list(_clause_break(book.language).finditer(text, low, high))
    clauses = [
        (a.end(), b.start() if b else high) for a, b in itertools.zip_longest(breaks, breaks[1:])
    ]
    for start, end in clauses:
        opening = [fold_lemma(book, t.form) for t in morph.russian_tokens(text[start:end])[:2]]
        if book.relative_openers.intersection(opening):
            continue  # the relative clause between commas ("о которой писали СМИ")
        if text[start:end].lstrip().lower().startswith(book.asides):
            continue  # an aside ("вопреки слухам в соцсетях")
        status = _russian_clause_status(book.language, text[start:end])
        return status if status in (Status.RULED_OUT, Status.DENIED) else Status.REPORTED
    return Status.REPORTED


def _elided_predicate_status(book: CueBook, text: str, starts: Sequence[int], high: int) -> Status:
    """The plan or hedge of the predicate a Russian clause without a verb of its own leaves
    out ("Затем он отправится в X, а оттуда — в Y": Y is expected as X is).

    ``starts`` are where the clauses of the sentence up to the place's open, the place's
    own last; the clause before the nearest one with a verb is read, and only an expected
    or speculative status carries over (a negation does not: "не поехал в X, а — в Y").
    """
    for low in reversed(starts[:-1]):
        if not _verbless(text[low:high]):
            status = _russian_clause_status(book.language, text[low:high])
            return status if status in (Status.EXPECTED, Status.SPECULATIVE) else Status.REPORTED
    return Status.REPORTED


def elided_predicate(
    book: CueBook, text: str, sentence: tuple[int, int], span: tuple[int, int]
) -> bool:
    """Whether a Russian place stands after a bare preposition of place in a clause of its
    own without a verb ("…, а оттуда — в Y", "…, а затем — во Y"): the verb left out is
    the one of the clause before, and so is the place's role."""
    breaks = list(_clause_break(book.language).finditer(text, sentence[0], span[0]))
    if not breaks:
        return False
    after = _clause_break(book.language).search(text, span[1], sentence[1])
    clause = text[breaks[-1].end() : after.start() if after else sentence[1]]
    before = morph.russian_tokens(text[breaks[-1].end() : span[0]])
    bare = bool(before) and fold_lemma(book, before[-1].form) in book.place_prepositions
    return bare and _verbless(clause)


#: pymorphy3's tags of a verb that can be a predicate of its own: a clause without one
#: ("Продлевать маршрут до X, …, пока не планируют": an infinitive) depends on a predicate
#: elsewhere.
_FINITE_TAGS = frozenset({"VERB", "PRTS"})


def _verbless(clause: str, tags: frozenset[str] | None = None) -> bool:
    """Whether a Russian clause holds no verb form (``tags``: of these pymorphy3 tags, any
    verb form by default; a capitalised word inside it is a name, whatever pymorphy3
    guesses)."""
    tags = _VERB_TAGS if tags is None else tags
    tokens = morph.russian_tokens(clause)
    return not any(
        t.tag.split(",")[0].split()[0] in tags
        and (i == 0 or not clause[t.start : t.start + 1].isupper())
        for i, t in enumerate(tokens)
    )


def _overturned(book: CueBook, text: str, low: int, high: int) -> bool:
    """Whether the Russian clause from ``low`` (a clause break after a place's clause, maybe
    followed by a contrast word) says that what was expected there did not happen."""
    if not book.overturns_before:
        return False
    words = _clause_break(book.language)
    start = low
    while (m := words.match(text, start, high)) or text[start : start + 1].isspace():
        start = m.end() if m else start + 1
    cut = words.search(text, start, high)
    lemmas = [
        fold_lemma(book, t.form)
        for t in morph.russian_tokens(text[start : cut.start() if cut else high])
    ]
    return any(_holds(lemmas, phrase) for phrase in book.overturns_before)


def _hedges_the_time(book: CueBook, clause: str) -> bool:
    """Whether a Russian clause is speculative only by a modal of its deadline ("к утру
    вторника может достичь X": the train is expected there, the hour is hedged)."""
    if not book.time_modals or not book.deadlines:
        return False
    lemmas = tuple(fold_lemma(book, t.form) for t in morph.russian_tokens(clause))
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


def _after_an_earlier_predicate(text: str, low: int, start: int) -> int:
    """Where the predicate holding a Russian place at ``start`` opens: past the last "и"
    before it that a verb follows ("не стал останавливаться в X и направился прямо в Y": Y is
    read on "направился" alone), else ``low``; "и" between two places ("не остановится в X
    и Y") opens no predicate."""
    cut = text.rfind(" и ", low, start)
    if cut < 0:
        return low
    tokens = morph.russian_tokens(text[cut + 3 : start])
    verbs = [t for t in tokens if t.tag.split(",")[0].split()[0] in _VERB_TAGS]
    return cut + 3 if verbs else low


#: pymorphy3's parts of speech of a verb (finite, infinitive, participle, gerund).
_VERB_TAGS = frozenset({"VERB", "INFN", "PRTF", "PRTS", "GRND"})


def _negated_list(book: CueBook, text: str, low: int, start: int) -> bool:
    """Whether a negated verb governs a list the place is in ("не … ни в X, ни в Y")."""
    lemmas = [fold_lemma(book, t.form) for t in morph.russian_tokens(text[low:start])]
    return "ни" in lemmas[-2:] and "не" in lemmas[:-2]


@functools.lru_cache(maxsize=8192)
def _russian_clause_status(language: str, clause: str) -> Status:
    """The status of a Russian clause by its lemmas (memoised)."""
    book = load_cues(language)
    tokens = morph.russian_tokens(clause)
    lemmas = tuple(fold_lemma(book, t.form) for t in tokens)
    present = frozenset(lemmas)
    for status, phrases in book.statuses:
        for phrase in phrases:
            if phrase and phrase[0] not in present:
                continue  # its first lemma is nowhere in the clause
            size = len(phrase)
            if any(lemmas[i : i + size] == phrase for i in range(len(lemmas) - size + 1)):
                return status
    if book.future_is_expected and morph.russian_future(clause, tokens):
        return Status.EXPECTED
    return Status.REPORTED
