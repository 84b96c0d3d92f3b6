"""Korean cue reading: the role and status the words after a place give.

Cues, particles and Kiwi's morpheme forms, all from ``lang/ko.toml`` (via :class:`CueBook`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from routes.model import Role, Status
from routes.read import morph
from routes.read.cues import CueBook, KoreanParticles, Reading, load_cues, word_end
from routes.read.gazetteer import KOREAN_STATION_WORD

_KO_CLAUSE_END = re.compile(r"[,.;:]")


def read_korean(
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
    eojeol_end = word_end(text, end)
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
    if _a_facility_of_it(book, attached, text[eojeol_end:stop].split()[:2]):
        return Reading(_facility_visit(book, text, eojeol_end, sentence[1]), status)
    following = text[eojeol_end : sentence[1]].split(maxsplit=1)[:1]
    if attached in book.particles.departing and _a_train_named(book, following):
        return Reading(Role.ORIGIN, status)  # "X발 Y행 열차": the train from X
    if attached in book.particles.bound and _a_train_named(book, following):
        return Reading(Role.DESTINATION, status)  # "X행 국제열차에 올랐다": bound for X
    if any(phrase in near for phrase in book.passed_by):
        return Reading(Role.VIA, status)  # "X은 정차하지 않고 지나친다": passed, even as a topic
    spoken_of = bool(book.about) and f"{attached} {' '.join(next_word[:1])}".startswith(book.about)
    home = f"{attached} {' '.join(next_word[:1])} ".lstrip()
    if (
        title
        or blocked
        or spoken_of
        or home.startswith(book.home_of)
        or attached in book.particles.subject
        or _list_is_subject(book, text, cue_from, listed)
    ):
        return Reading(None, status, title=title, actor_form=actor_form)
    if _another_traveller(book, text, text[sentence[0] : span[0]]):
        return Reading(None, status)  # another person's travel, not the train's
    if _a_party_met(book, text, eojeol_end, sentence[1]):
        return Reading(None, status)  # "X에서 출발한 본진과 만난다": the others' travel
    if _compared(book, text, end, sentence[1]):
        return Reading(None, status)  # "X에서 Y까지 가는 KTX보다 빠르다": beside the journey
    role = _korean_cue(book, text, cue_from, window_end)
    if role is None and _korean_venue(book, text[sentence[0] : span[0]], text[cue_from:stop]):
        return Reading(Role.DESTINATION, status)  # "회담은 25일 X에서 열린다"
    if role is None and _from_here_to_the_next(book, text, attached, end, bound, sentence[1]):
        return Reading(Role.ORIGIN, status)  # "X에서 열차로 Y에 도착했다"
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


def _list_is_subject(book: CueBook, text: str, cue_from: int, listed: bool) -> bool:
    """Whether the list a place opens ends in a subject or topic particle ("워싱턴과
    바르샤바는 이번 방문을 환영했다"): the verbs after it say what the list does."""
    if not listed:
        return False
    return text[cue_from : word_end(text, cue_from)] in book.particles.subject


def left_before_the_main_verb(text: str, end: int) -> bool:
    """Whether the Korean word after a place (ending at ``end``, its particle attached) is
    a verb in its adnominal form (Kiwi's ETM: "X를 출발한 팀이", "X에서 떠난 열차는"): the
    place is told in a clause that describes the traveller, so a time written after it is
    the main verb's, not the departure's. (Only called for places read as where a leg began,
    and only when no time stands before the place in its clause.)"""
    return _next_word_adnominal(text, word_end(text, end))


def _next_word_adnominal(text: str, after: int) -> bool:
    """Whether the first word at or after ``after`` ends, to Kiwi, in an adnominal ending
    (:data:`_ADNOMINAL`: "출발한", "떠난"): a verb describing the noun after it."""
    words = text[after:].split(maxsplit=1)
    if not words:
        return False
    start = text.index(words[0], after)
    tokens = morph.korean_tokens_between(text, start, start + len(words[0]))
    return bool(tokens) and tokens[-1].tag == _ADNOMINAL


#: Kiwi's tag of an adnominal ending ("-ㄴ", "-는", "-을").
_ADNOMINAL = "ETM"


def _compared(book: CueBook, text: str, end: int, limit: int) -> bool:
    """Whether the Korean place ending at ``end`` is told in what its clause compares
    against: the particle of comparison (``than``, Kiwi's JKB) on a noun right after a verb
    in its adnominal form ("X에서 Y까지 가는 KTX보다") or on a noun of a stretch ("X와 Y
    사이보다"), before the clause ends."""
    if not book.than:
        return False
    stop = _KO_CLAUSE_END.search(text, end, limit)
    tokens = morph.korean_tokens_between(text, end, stop.start() if stop else limit)
    for k, token in enumerate(tokens):
        if token.form in book.than and token.tag == "JKB" and k >= 1:
            noun = tokens[k - 1]
            described = k >= 2 and tokens[k - 2].tag == _ADNOMINAL
            if described or noun.form in book.compared_stretches:
                return True
    return False


def _a_party_met(book: CueBook, text: str, after: int, end: int) -> bool:
    """Whether the words after a Korean place tell of a party that came from it and is met
    ("X에서 출발한 본진과 만난다", "X에서 떠나온 일행과 합류했다"): a verb in its adnominal form
    (Kiwi's ETM), then a noun whose last syllable and the next word open one of
    ``met_party`` ("과 만나")."""
    words = text[after:end].split(maxsplit=3)[:3]
    if not book.met_party or len(words) < 3:
        return False
    if not f"{words[1][-1]} {words[2]}".startswith(book.met_party):
        return False
    return _next_word_adnominal(text, after)


def _another_traveller(book: CueBook, text: str, head: str) -> bool:
    """Whether a Korean sentence opens with another leader as its topic ("… 대통령은
    이튿날 X로 떠난다") and the place is not in what that person is quoted saying.

    A leader is named by a title of ``other_travellers``; the title of a sentence that
    rides the train (``train_words``) is the traveller's own (a prime minister's trip:
    "총리는 … 열차로" is the traveller, "대통령은" the host), so only the other titles
    turn a sentence away from the journey.
    """
    words = head.split()[:_KO_TOPIC_WORDS]
    own = _travellers_titles(book.other_travellers, book.train_words, text) | _lede_title(
        book.other_travellers, book.lede_travel, text
    )
    if not book.other_travellers.difference(own).intersection(words):
        return False
    return not _QUOTES.intersection(head)


@functools.lru_cache(maxsize=64)
def _travellers_titles(
    titles: frozenset[str], train_words: tuple[str, ...], text: str
) -> frozenset[str]:
    """The leaders' titles of a Korean report's traveller: those opening a sentence that
    rides the train ("총리는 바르샤바에서 열차로 …")."""
    sentences = _korean_sentences(text)
    topics = [titles.intersection(s.split()[:_KO_TOPIC_WORDS]) for s in sentences]
    riding = [
        topic
        for topic, sentence in zip(topics, sentences, strict=True)
        if any(word in sentence for word in train_words)
    ]
    return frozenset().union(*riding)


@functools.lru_cache(maxsize=64)
def _lede_title(titles: frozenset[str], travel: tuple[str, ...], text: str) -> frozenset[str]:
    """The leader's title of a Korean report's traveller told in its first sentence: a title
    of ``titles`` (its stem, with any subject or topic particle: "대통령이") that the
    sentence tells arriving or setting out (``travel``: "윤석열 대통령이 … 키이우에
    도착했다")."""
    sentences = _korean_sentences(text)
    if not sentences or not any(word in sentences[0] for word in travel):
        return frozenset()
    first = sentences[0]
    return frozenset(
        title
        for title in titles
        if any(title[:-1] + particle in first.split() for particle in _KO_SUBJECT_PARTICLES)
    )


#: The particles a subject or topic takes ("대통령이", "대통령은").
_KO_SUBJECT_PARTICLES = ("이", "가", "은", "는")


#: Where a Korean sentence ends (for reading whole sentences of a report).
_KO_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")


@functools.lru_cache(maxsize=64)
def _korean_sentences(text: str) -> tuple[str, ...]:
    """The non-blank sentences of a Korean report, split once for every reader of them."""
    return tuple(s for s in _KO_SENTENCE.split(text) if s.strip())


def _from_here_to_the_next(
    book: CueBook, text: str, attached: str, end: int, bound: int, sentence_end: int
) -> bool:
    """Whether a Korean place the train set out from is told with the leg's end: an "at"
    particle and no cue of its own, then in the same clause chain the next place with a
    destination cue ("X에서 열차로 Y에 도착했다": from X, by train, to Y).

    ``end`` is the place's end, ``bound`` where the sentence's next place starts.
    """
    if attached.removeprefix(KOREAN_STATION_WORD) not in book.particles.at or bound >= sentence_end:
        return False
    if _KO_CHAIN_END.search(text, end, bound):
        return False
    next_end = word_end(text, bound, sentence_end)
    if text[bound:next_end].endswith(tuple(book.particles.at)):
        return False  # "Y에서 …": the next place is itself on the way
    chain = _clause_head(text[next_end:sentence_end], breaks=_KO_CHAIN_END)
    reach = next_end + min(len(chain), book.reach)
    return _korean_cue(book, text, next_end, reach) == Role.DESTINATION


def _a_train_named(book: CueBook, next_word: Sequence[str]) -> bool:
    """Whether the word after "X발" names a train ("열차", "특별열차") or where it is bound
    ("Y행"); "X발 보도" is a report filed from X."""
    if not next_word:
        return False
    word = next_word[0]
    return any(train in word for train in book.train_words) or word.endswith(
        tuple(book.particles.bound)
    )


def _a_facility_of_it(book: CueBook, attached: str, next_words: Sequence[str]) -> bool:
    """Whether a Korean place is the town of the facility named after it ("X시의 비행장에서",
    "X의 자동차 공장을"): its particle is a possessive one and the next word, or the one after
    a bare word naming its kind, is a facility noun of ko.toml."""
    if attached not in book.particles.possessive or not next_words:
        return False
    facilities = book.particles.facilities
    if next_words[0].startswith(facilities):
        return True
    return (
        len(next_words) == 2
        and _bare(book, next_words[0])
        and _BARE_HANGUL_WORD.fullmatch(next_words[0]) is not None
        and next_words[1].startswith(facilities)
    )


#: A word of Hangul alone (no digits, marks or particles of its own to Python's eye).
_BARE_HANGUL_WORD = re.compile("[가-힣]+")


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
    if role == Role.DESTINATION and attached.removeprefix(KOREAN_STATION_WORD) in particles.at:
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
    particle = attached.removeprefix(KOREAN_STATION_WORD)
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
    shorter = parts[0].rstrip() if len(parts) == 2 and _bare(book, parts[1]) else ""
    for role, phrases in _korean_before_cues(book.language):
        if words.endswith(phrases) or (shorter and shorter.endswith(phrases)):
            return role
    return None


def _bare(book: CueBook, word: str) -> bool:
    """Whether a Korean word between a description and a place is a bare name (its region,
    "연해주"), not a place of its own with a particle ("국경역인 동당에서 하노이까지": the
    description is Dong Dang's)."""
    particles = book.particles
    endings = (
        *particles.at,
        *particles.towards,
        *particles.subject,
        *particles.possessive,
        *particles.span_ends,
    )
    return not word.endswith(endings)


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
    local = _clause_head(near, breaks=_KO_CHAIN_END)
    chain = _clause_head(_unquoted(rest), breaks=_KO_CHAIN_END)
    if _excepted(book, local):
        # "X 외에 다른 지역은 검토하지 않았다": what is denied (or left unconsidered) is all
        # but X, which the clause's words leave as told
        negated = dict(book.statuses)[Status.RULED_OUT]
        if any(phrase in chain for (phrase,) in negated):
            return Status.REPORTED
        local = ""
    if _KO_EMBEDDED.search(local):
        local = _clause_head(
            rest
        )  # "X를 둘러봤다는 일본 매체 보도를 부인했다": the report is denied
    if any(phrase in local for phrase in book.passed_by):
        return Status.REPORTED  # "X는 정차하지 않고 지나친다": passed without stopping
    if book.no_plan and any(phrase in chain for phrase in book.no_plan):
        return Status.RULED_OUT  # "X를 건너 러시아 쪽으로 넘어갈 계획은 없다": no plan for it
    for status, phrases in book.statuses:
        scope = local if status in (Status.RULED_OUT, Status.DENIED) else chain
        if any(phrase in scope for (phrase,) in phrases):
            if status == Status.SPECULATIVE and _hedges_the_korean_time(book, before, chain):
                return Status.EXPECTED
            if status in (Status.SPECULATIVE, Status.EXPECTED) and _overturned(book, rest):
                return Status.RULED_OUT  # "…정차할 것으로 내다봤으나, 열차는 서지 않고"
            return status
    if any(word in before for word in _KO_HEARSAY):
        return Status.SPECULATIVE
    return Status.REPORTED


def _excepted(book: CueBook, local: str) -> bool:
    """Whether the words after a place (after the list it ends, if any) open with one of the
    words that set it apart from its clause ("외에", "말고": ``[status] excepted``)."""
    return bool(book.excepted) and local.lstrip().startswith(book.excepted)


def _overturned(book: CueBook, rest: str) -> bool:
    """Whether a Korean place's clause chain ends in contrast and the clause after it says
    the train did not stop ("…할 것으로 내다봤으나, 열차는 이들 도시에 서지 않고")."""
    text = _unquoted(rest)
    cut = _KO_CHAIN_END.search(text)
    if cut is None or not text[: cut.end()].rstrip(" ,").endswith(book.contrast_endings):
        return False
    after = text[cut.end() :].lstrip(" ,")
    following = _KO_CHAIN_END.search(after)
    clause = after[: following.start()] if following else after
    return any(phrase in clause for (phrase,) in book.overturns_before)


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


def here_role(book: CueBook, text: str, names: Sequence[tuple[int, int]] = ()) -> Role | None:
    """The journey role the body gives the dateline city by "here" ("이곳에 도착했다").

    The first "here" followed by a travel cue within the language's reach decides;
    None when the body says nothing of the kind. A "here" after another place named in
    its sentence (``names``: the spans of the report's places past the dateline) is that
    place ("X에 도착한 김 위원장은 곧바로 숙소로 이동했다": the lodging is in X).
    """
    if book.language != "ko":
        return None
    for word in book.here:
        for m in re.finditer(re.escape(word), text):
            if _named_before_in_its_sentence(text, m.start(), names):
                continue
            end = m.end()
            eojeol_end = word_end(text, end)
            stop = _KO_CLAUSE_END.search(text, end)
            high = min(stop.start() if stop else len(text), end + book.reach)
            role = _korean_cue(book, text, end, high)
            if role is not None:
                after = text[eojeol_end:high]
                return _particle_role(book.particles, role, text[end:eojeol_end], (), after)
    return None


def _named_before_in_its_sentence(text: str, at: int, names: Sequence[tuple[int, int]]) -> bool:
    """Whether one of ``names`` (spans) stands in the sentence of ``text[at]``, before it."""
    starts = [m.end() for m in _KO_SENTENCE.finditer(text, 0, at)]
    low = starts[-1] if starts else 0
    return any(low <= start and end <= at for start, end in names)
