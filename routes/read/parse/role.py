"""Pass 6, role: the journey role each mention gives its place, and what its mentions add up to."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import replace

from routes.model import POINT_KINDS, STOP_PRIORITY, STOP_ROLES, Mention, Place
from routes.read.gazetteer import Gazetteer
from routes.read.lexicon import Cue, compile_phrase, load_lexicon
from routes.read.parse.candidates import Match
from routes.read.parse.sentences import Sentence
from routes.read.parse.words import MEMO_SIZE, holds_any

#: The English cues (routes/read/lang/en.toml ``[[cues]]``), before and after the place.
_LEXICON = load_lexicon("en")
_BEFORE_CUES = _LEXICON.cues
_FIRST_AFTER = tuple(cue for cue in _LEXICON.after_cues if cue.first)
_LAST_AFTER = tuple(cue for cue in _LEXICON.after_cues if not cue.first)
_CAP = r"[A-ZÀ-ÖØ-Þ][\w'’.]*"
_SERVICE = "|".join(_LEXICON.frames.get("route_name", ()))
#: "the Moscow-Vladivostok train": after the first name of a service's name …
_SERVICE_FROM = re.compile(rf"^[-‐–]{_CAP}(?:\s{_CAP})?\s+(?i:{_SERVICE})\b")
#: … and around the second one.
_SERVICE_TO_BEFORE = re.compile(rf"{_CAP}[-‐–]$")
_SERVICE_TO_AFTER = re.compile(rf"^\s+(?:{_SERVICE})\b", re.IGNORECASE)
#: "slowed but did not stop at X": the train went past X.
_PASSING = re.compile(
    r"\b(?:" + "|".join(compile_phrase(p) for p in _LEXICON.frames.get("passing", ())) + ")",
    re.IGNORECASE,
)

_FROM = re.compile(
    r"(?<!km )(?<!miles )(?<!kilometres )(?<!kilometers )(?<!away )(?<!far )"
    r"\bfrom\s+(?:the\s+)?(?:(?:railway\s+|train\s+)?station\s+(?:at|in|of)\s+)?$",
    re.IGNORECASE,
)


#: Glue between places of one list ("through Kowon, Hamhung and Tanchon", "Rajin (라진)").
_LIST_GLUE = re.compile(
    r"\)?\s*(?:\([^()]*\)\s*)?(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s*\()(?:the\s+)?"
)


_TO = re.compile(r"\b(?:to|for|toward|towards)\s+(?:the\s+)?$", re.IGNORECASE)


#: Metonymy frames (lang/en.toml ``[actors]``): a capital standing for its government.
_ACTOR_BEFORE = _LEXICON.actor_before
_ACTOR_AFTER = _LEXICON.actor_after


def inherit_role(text: str, previous: Mention, mention: Mention, place: Place) -> Mention:
    """A mention listed right after another takes its journey role.

    "through Kowon, Hamhung and Tanchon" makes all three via; "Pyongyang (평양)"
    gives the Korean spelling Pyongyang's role.
    """
    if mention.role not in ("context", "actor") or previous.role not in STOP_ROLES:
        return mention
    if previous.sentence_start != mention.sentence_start:
        return mention
    glue = _LIST_GLUE.fullmatch(text, previous.end, mention.start)
    if glue is None or (mention.role == "actor" and "(" not in glue.group()):
        return mention
    role = previous.role
    if place.kind == "border-crossing" and role in ("via", "destination"):
        role = "border"
    return replace(mention, role=role)


def mention_role(
    place: Place,
    match: Match,
    text: str,
    sentence: Sentence,
    status: str,
    gazetteer: Gazetteer,
) -> str:
    """The journey role one mention gives its place."""
    if sentence.historical:
        return "historical"
    if place.kind not in POINT_KINDS:
        return "context"
    after = text[match.end : sentence.end]
    if _ATTRIBUTIVE.match(after):
        return "context"  # "Moscow-based", "Pyongyang-backed"
    if match.dateline:
        return "dateline"
    before = text[max(sentence.start, match.start - 120) : match.start]
    capital = gazetteer.is_capital(place)
    if capital and match.role is None and actor_frame(before, after):
        return "actor"  # "talks between Beijing and Pyongyang", "pressure from Washington"
    cue = match.role or _service_role(before, after) or _cue_role(before, after)
    if status == "speculative":
        return "context"  # "could detour to X": never a stop by itself
    if cue is None and sentence.travel:
        cue = _travel_cue(before)
    if cue is None and capital and _is_actor(before, after):
        return "actor"
    if status == "ruled-out":
        passing = cue in ("via", "border") and _PASSING.search(sentence.quote)
        return cue if passing else "ruled-out"
    if cue is None:
        return "context"
    if place.kind == "border-crossing" and cue in ("via", "destination"):
        return "border"
    return cue


def _service_role(before: str, after: str) -> str | None:
    """Origin or destination from a service's name ("the Beijing-Moscow express")."""
    if _SERVICE_FROM.match(after):
        return "origin"
    if _SERVICE_TO_BEFORE.search(before) and _SERVICE_TO_AFTER.match(after):
        return "destination"
    return None


def _cue_role(before: str, after: str) -> str | None:
    """The journey role the words around a mention give it ("left", "bound for" …).

    Cues after the place marked ``first`` ("Khasan, where it crossed") win; then the cue
    before the place that ends nearest it; then the other cues after it. Bare "from X" and
    "to X" count only in a sentence about travel: see :func:`_travel_cue`.
    """
    role = _after_role(after, _FIRST_AFTER)
    if role:
        return role
    return cue_before(before) or _after_role(after, _LAST_AFTER)


def _after_role(after: str, cues: Sequence[Cue]) -> str | None:
    """The role of the first of ``cues`` that the words after a place start with."""
    lowered = after[:80].lower()
    for cue in cues:
        if holds_any(lowered, cue.gates) and cue.pattern.match(after):
            return cue.role
    return None


@functools.lru_cache(maxsize=MEMO_SIZE)
def cue_before(before: str) -> str | None:
    """The role of the last cue ("left", "bound for" …) that the words before a place end with.

    Memoised on those words alone: wire copy repeats them before many places.
    """
    lowered = before.lower()
    best: tuple[int, str] | None = None
    for cue in _BEFORE_CUES:
        if not holds_any(lowered, cue.gates):
            continue
        m = cue.pattern.search(before)
        if m and (best is None or m.start() > best[0]):
            best = (m.start(), cue.role)
    return best[1] if best else None


@functools.lru_cache(maxsize=MEMO_SIZE)
def _travel_cue(before: str) -> str | None:
    """The role "from X" (origin) or "to X" (destination) gives in a sentence about travel."""
    lowered = before.lower() if before.isascii() else None
    if (lowered is None or "from" in lowered) and _FROM.search(before):
        return "origin"
    if (lowered is None or "to" in lowered or "for" in lowered) and _TO.search(before):
        return "destination"
    return None


def _is_actor(before: str, after: str) -> bool:
    """Whether a capital stands for its government here.

    It does when it speaks or acts ("Seoul warned", "denials from Pyongyang",
    "accused Moscow"), that is unless a preposition of place puts something
    in it ("in Washington", "the streets of Pyongyang").
    """
    if actor_frame(before, after):
        return True
    return _LOCATIVE_BEFORE.search(before) is None


def actor_frame(before: str, after: str) -> bool:
    """Whether the words around a place are a metonymy frame ("ties with", "Moscow said")."""
    for cue, words in ((_ACTOR_AFTER, after[:60]), (_ACTOR_BEFORE, before)):
        if cue is None or not holds_any(words.lower(), cue.gates):
            continue
        if (cue.pattern.match if cue is _ACTOR_AFTER else cue.pattern.search)(words):
            return True
    return False


#: A place used as an adjective ("Moscow-based officials"): never a stop.
_ATTRIBUTIVE = re.compile(
    r"^[-‐](?:based|born|backed|led|made|run|linked|friendly|style|era|funded|controlled|"
    r"allied|aligned|educated|trained)\b",
    re.IGNORECASE,
)


_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|to|near|outside|around|into|via|through|toward|towards|of|across|inside|"
    r"within|over|beyond|past)\s+(?:the\s+)?(?:[\w'’-]+\s+)?$",
    re.IGNORECASE,
)


def _passed_in(mentions: Sequence[Mention], report_id: str) -> bool:
    """Whether a report says the train passed the place ("passed through X … did not stop")."""
    return any(
        m.report_id == report_id and m.role == "via" and m.status == "reported" for m in mentions
    )


def place_role(mentions: Sequence[Mention], published: dict[str, tuple]) -> str:
    """The role a place's mentions add up to.

    The strongest journey role (:data:`STOP_PRIORITY`) over the current
    mentions (not historical, superseded or denied), a place both passed and
    left being a via — unless the latest of them (by published date, then
    report order, then position) rules the place out; else actor, context, and
    historical when the place is only mentioned as history.
    """
    current = [m for m in mentions if m.role != "historical" and m.status != "superseded"]
    journey = [
        m
        for m in current
        if (m.role in STOP_ROLES and m.status != "denied") or m.role == "ruled-out"
    ]
    if journey:
        latest = max(journey, key=lambda m: (published[m.report_id], m.start))
        roles = {m.role for m in journey}
        if not roles & set(STOP_PRIORITY):
            return "ruled-out"
        if latest.role == "ruled-out" and not _passed_in(journey, latest.report_id):
            return "ruled-out"
        if "origin" in roles and "via" in roles and "destination" not in roles:
            roles.discard("origin")  # left from a place it had passed: a stop on the way
        return next(role for role in STOP_PRIORITY if role in roles)
    if any(m.role == "actor" for m in current):
        return "actor"
    if any(m.role == "dateline" for m in current):
        return "dateline"
    if current:
        return "context"
    return "historical" if any(m.role == "historical" for m in mentions) else "context"
