"""Pass 6, role: the journey role each mention gives its place, and what its mentions add up to."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import replace

from routes.model import POINT_KINDS, STOP_PRIORITY, STOP_ROLES, Mention, Place
from routes.read.gazetteer import Gazetteer
from routes.read.parse.candidates import Match
from routes.read.parse.sentences import Sentence
from routes.read.parse.words import MEMO_SIZE, holds_any

_W = r"(?:[\w'’.-]+\s+)"


_ROLE_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "origin",
        re.compile(
            rf"\b(?:left|leaving|leaves|leave|departed|departs|departing|depart|set\s+off|"
            rf"setting\s+off|set\s+out|started\s+out|departure)\s+(?:from\s+)?(?:the\s+)?"
            rf"{_W}{{0,4}}$",
            re.IGNORECASE,
        ),
    ),
    (
        "via",
        re.compile(
            rf"\b(?:through|via|passed|passing|passes|transited|transiting|"
            rf"(?:stopped|stopping|stops|stop|paused|halted|called|turn(?:ed|ing|s)?|"
            rf"join(?:ed|ing|s)?)\s+(?:[\w'’-]+\s+){{0,4}}(?:in|at)|approach(?:ed|ing|es)?|"
            rf"between|platforms?\s+(?:in|at)|"
            rf"stopover\s+in|stay(?:ed|ing|s)?\s+(?:on\s+)?(?:in|at)|"
            rf"spent\s+(?:the\s+|a\s+)?(?:\w+\s+){{0,2}}in|overn?ight(?:ed)?\s+in)\s+(?:through\s+)?(?:the\s+)?{_W}{{0,3}}$",
            re.IGNORECASE,
        ),
    ),
    (
        "border",
        re.compile(
            rf"(?:\b(?:cross(?:ed|es|ing)?|enter(?:ed|s|ing)?)\b[^.;]{{0,40}}\b(?:at|via|"
            rf"through|near)\s+(?:the\s+)?{_W}{{0,3}}|\bcross(?:ed|es|ing)?\s+(?:the\s+)?"
            rf"{_W}{{0,2}}|\bcross(?:ed|es|ing)?\b[^.;]{{0,60}}\b(?:into|on|over)\s+(?:the\s+)?"
            rf"(?:city\s+of\s+|town\s+of\s+)?{_W}{{0,2}}|"
            rf"\bborder\s+(?:city|town|station|crossing|post|point|village|"
            rf"settlement|area|checkpoint)\s+(?:of|at|in)\s+|\bborder\s+(?:at|near)\s+"
            rf"(?:the\s+)?{_W}{{0,2}}|\bcrossing\s+(?:at|of)\s+)$",
            re.IGNORECASE,
        ),
    ),
    (
        "destination",
        re.compile(
            rf"\b(?:bound\s+for|head(?:s|ed|ing)?\s+(?:to|toward|towards|for)|"
            rf"en\s+route\s+to|on\s+(?:its|his|the|their)\s+way\s+to|"
            rf"arriv(?:e|ed|es|ing|al)\s+(?:in|at)|reach(?:ed|es|ing)?|"
            rf"(?:pull|roll|draw|drew|steam|chug)(?:ed|s|ing)?\s+into|tour(?:ed|ing|s)?|"
            rf"destination(?:\s+of|\s+is|\s+was)?|travel(?:l)?(?:ed|ing|s)?\s+(?:on\s+)?to|"
            rf"(?:trip|journey|visit|ride)\s+to|visit(?:ed|ing|s)?|go(?:ing)?\s+to|"
            rf"went\s+to|take\s+\w+\s+to|bring\s+\w+\s+to|"
            rf"(?:would|will|to)\s+be\s+in|summit\s+in|talks\s+in|meet(?:ing)?\s+(?:\w+\s+)?in|"
            rf"met\s+(?:\w+\s+)?(?:in|at)|meet(?:ing)?\s+(?:\w+\s+)?at|towards?|"
            rf"(?:summit|talks|meeting)\s+at|take\s+place\s+(?:at|in)|"
            rf"(?:line|branch|spur|route|railway|road)\s+(?:\w+\s+)?to|"
            rf"(?:expected|due)\s+(?:back\s+)?in|continu(?:e|ed|es|ing)\s+(?:on\s+)?to|"
            rf"return(?:ed|s|ing)?\s+(?:home\s+)?to|link\w*\b[^.;]{{0,40}}\bwith|"
            rf"(?:moved|shipped|sent|carried|taken|transported)\b[^.;]{{0,60}}\bto\s+"
            rf"(?:[\w'’-]+\s+){{0,2}}(?:near|in|at|outside)|"
            rf"held\s+(?:in|at)|hold\s+(?:the\s+|a\s+)?(?:summit|talks)\s+(?:in|at))\s+(?:the\s+)?"
            rf"{_W}{{0,4}}$",
            re.IGNORECASE,
        ),
    ),
    (
        "origin",
        re.compile(
            r"\blink(?:ing|s|ed)?\s+(?:the\s+)?(?:(?:city|port|town)\s+of\s+)?$", re.IGNORECASE
        ),
    ),
)


#: For each pattern of :data:`_ROLE_CUES`, words of which every match holds one in lower
#: case: ASCII text without any of them is not searched.
_ROLE_CUE_WORDS: tuple[tuple[str, ...], ...] = (
    ("left", "leav", "depart", "set", "started"),
    (
        "through",
        "via",
        "pass",
        "transit",
        "stop",
        "paused",
        "halted",
        "called",
        "turn",
        "join",
        "approach",
        "between",
        "platform",
        "stay",
        "spent",
        "over",
    ),
    ("cross", "enter", "border"),
    (
        "bound",
        "head",
        "route",
        "way",
        "arriv",
        "reach",
        "into",
        "tour",
        "destination",
        "travel",
        "trip",
        "journey",
        "visit",
        "ride",
        "go",
        "went",
        "take",
        "bring",
        "be",
        "summit",
        "talks",
        "meet",
        "met",
        "toward",
        "line",
        "branch",
        "spur",
        "railway",
        "road",
        "expected",
        "due",
        "continu",
        "return",
        "link",
        "moved",
        "shipped",
        "sent",
        "carried",
        "taken",
        "transported",
        "held",
        "hold",
    ),
    ("link",),
)


_FROM = re.compile(
    r"(?<!km )(?<!miles )(?<!kilometres )(?<!kilometers )(?<!away )(?<!far )"
    r"\bfrom\s+(?:the\s+)?(?:(?:railway\s+|train\s+)?station\s+(?:at|in|of)\s+)?$",
    re.IGNORECASE,
)


#: Words after a place that make it where a trip began ("… in Wonsan before he boarded").
_ORIGIN_AFTER = re.compile(
    r"^[^.;]{0,40}\bbefore\s+(?:\w+\s+)?(?:boarding|boarded|board|leaving|departing|"
    r"setting\s+off)\b",
    re.IGNORECASE,
)


#: Words after a place that make it a border crossing ("Khasan, where … is due to cross").
_BORDER_AFTER = re.compile(
    r"^(?:,?\s+where\b[^.;]{0,60}\b(?:cross|enter)|"
    r"[^.;]{0,40}\bbefore\s+the\s+(?:\w+\s+)?(?:bridge|border)\b|"
    r",\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,4}(?:on|near|at)\s+the\s+border\b|"
    r"\s+(?:and\s+(?:then\s+)?|before\s+)cross(?:ed|ing)?\s+(?:the\s+border\s+)?into\b)",
    re.IGNORECASE,
)


#: "Pyongyang-bound": the place is where the train is going.
_BOUND_AFTER = re.compile(r"^[-‐\s]bound\b", re.IGNORECASE)


#: Glue between places of one list ("through Kowon, Hamhung and Tanchon", "Rajin (라진)").
_LIST_GLUE = re.compile(
    r"\)?\s*(?:\([^()]*\)\s*)?(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s*\()(?:the\s+)?"
)


_TO = re.compile(r"\b(?:to|for|toward|towards)\s+(?:the\s+)?$", re.IGNORECASE)


_ACTOR_AFTER = re.compile(
    r"^(?:['’]s\s+(?:response|reaction|denial|position|stance|decision|warning|statement)|"
    r"\s+(?:has\s+|have\s+|had\s+|also\s+|has\s+also\s+|repeatedly\s+)?"
    r"(?:said|says|warned|warns|denied|denies|announced|responded|claimed|insisted|stated|"
    r"accused|condemned|vowed|rejected|confirmed|agreed|threatened|criticised|criticized|"
    r"protested|urged|called|demanded|welcomed|declined|refused|signalled|signaled|"
    r"maintains|wants|sought|seeks|hopes|(?:would|will)\s+[\"“]?(?:pay|face|respond|regret)|"
    r"did\s+not|does\s+not|has\s+not|have\s+not)\b)",
)


_ACTOR_BEFORE = re.compile(
    r"\b(?:denials?|statements?|responses?|warnings?|protests?|objections?|pressure|"
    r"criticism|approval|comments?|reaction|condemnation|demands?|threats?|messages?|"
    r"officials?|diplomats?|sanctions\s+on|ties\s+with|relations\s+with)\s+(?:from|by|of|"
    r"in|on|with)\s+(?:[A-Z][\w'’-]+\s+(?:and|or)\s+)?$"
)


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
    before = text[max(sentence.start, match.start - 120) : match.start]
    cue = match.role or _cue_role(before, after)
    if cue is None and sentence.travel:
        cue = _travel_cue(before)
    if cue is None and gazetteer.is_capital(place) and _is_actor(before, after):
        return "actor"
    if status == "ruled-out":
        return "ruled-out"
    if cue is None:
        return "context"
    if place.kind == "border-crossing" and cue in ("via", "destination"):
        return "border"
    return cue


def _cue_role(before: str, after: str) -> str | None:
    """The journey role the words around a mention give it ("left", "bound for" …).

    Bare "from X" and "to X" count only in a sentence about travel: see :func:`_travel_cue`.
    """
    if _BORDER_AFTER.match(after):
        return "border"
    if _BOUND_AFTER.match(after):
        return "destination"
    best = _cue_before(before)
    if best:
        return best
    if _ORIGIN_AFTER.match(after):
        return "origin"
    return None


@functools.lru_cache(maxsize=MEMO_SIZE)
def _cue_before(before: str) -> str | None:
    """The role of the last cue ("left", "bound for" …) that the words before a place end with.

    Memoised on those words alone: wire copy repeats them before many places.
    """
    lowered = before.lower() if before.isascii() else None
    best: tuple[int, str] | None = None
    for (role, pattern), hints in zip(_ROLE_CUES, _ROLE_CUE_WORDS, strict=True):
        if lowered is not None and not holds_any(lowered, hints):
            continue
        m = pattern.search(before)
        if m and (best is None or m.start() > best[0]):
            best = (m.start(), role)
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
    if _ACTOR_AFTER.match(after) or _ACTOR_BEFORE.search(before):
        return True
    return _LOCATIVE_BEFORE.search(before) is None


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
        if latest.role == "ruled-out" or not roles & set(STOP_PRIORITY):
            return "ruled-out"
        if "origin" in roles and "via" in roles and "destination" not in roles:
            roles.discard("origin")  # left from a place it had passed: a stop on the way
        return next(role for role in STOP_PRIORITY if role in roles)
    if any(m.role == "actor" for m in current):
        return "actor"
    if current:
        return "context"
    return "historical" if any(m.role == "historical" for m in mentions) else "context"
