"""Pass 6, role: the journey role each mention gives its place, and what its mentions add up to."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from routes.model import POINT_KINDS, STOP_PRIORITY, STOP_ROLES, Kind, Mention, Place, Role, Status
from routes.rail.borders import km_to_border
from routes.read.date_words import date_words
from routes.read.gazetteer import Gazetteer, normalize
from routes.read.lexicon import (
    GAP_WORD,
    NUMBER_COMMA,
    Cue,
    Lexicon,
    alternation,
    language_file,
    lexicon_for,
    literal_phrase,
)
from routes.read.parse.match import Match
from routes.read.parse.people import surnames
from routes.read.parse.sentences import Sentence
from routes.read.parse.status import clause_span, status_of
from routes.read.parse.visits import order_words
from routes.read.parse.words import LEXICON, MEMO_SIZE, holds_any, may_hold
from routes.read.when import tells_a_tense

_CAP = r"[A-ZÀ-ÖØ-Þ][\w'’.]*"
#: A person's name (two or more capitalised words), maybe an age after it, and a comma:
#: "Anna Berg, 34, " before what describes her.
_NAMED_PERSON = rf"{_CAP}(?:\s+{_CAP})+\s*,\s*(?:\d{{1,3}}\s*,\s*)?"
#: A run of up to four capitalised words ("Czech President Ivan Petrov", "Park's").
_NAME_RUN = r"[A-ZÀ-ÖØ-Þ][\w'’-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w'’-]*){0,3}"


@dataclass(frozen=True, eq=False)
class RoleCues:
    """One language's role cues and frames, compiled (from ``lang/<code>.toml``).

    Compared and hashed by identity (one per language, :func:`role_cues`): memos keyed on
    it need not hash its fifty fields on every call.
    """

    before: tuple[Cue, ...]
    first_after: tuple[Cue, ...]
    last_after: tuple[Cue, ...]
    service_from: re.Pattern[str]
    service_to_after: re.Pattern[str]
    service_phrase: re.Pattern[str]
    journey_from: re.Pattern[str]
    passing: re.Pattern[str]
    actor_before: Cue | None
    actor_after: Cue | None
    actor_speaker: Cue | None
    comparison: re.Pattern[str]
    comparison_gates: tuple[str, ...]
    title_after: re.Pattern[str]
    negates_after: re.Pattern[str]
    elapsed_after: re.Pattern[str]
    since: re.Pattern[str]
    river_crossed: re.Pattern[str]
    bound_for: re.Pattern[str]
    witness_before: re.Pattern[str]
    witness_speakers: re.Pattern[str]
    witness_after: re.Pattern[str]
    facility_before: re.Pattern[str]
    facility_after: re.Pattern[str]
    passage: re.Pattern[str]
    not_names: frozenset[str]
    naming: re.Pattern[str]
    #: The words a travel verb may follow (``[frames] other_travel_auxiliaries``), lower case.
    auxiliaries: frozenset[str]
    country_entered: re.Pattern[str]
    country_left: re.Pattern[str]
    country_entered_at: re.Pattern[str]
    country_named_after: re.Pattern[str]
    other_subject: re.Pattern[str]
    #: ", where he met …": a clause of what happened at a place the train reached
    happened_there: re.Pattern[str]
    other_relative: re.Pattern[str]
    other_people: re.Pattern[str]
    #: "the foreign minister drove to X": a lower-case phrase naming others, then travel
    other_titled: re.Pattern[str]
    #: The words that end such a phrase with no word before them (``other_travel_people``,
    #: ``other_travel_roles``), lower case.
    people_heads: frozenset[str]
    people_nouns: re.Pattern[str]
    other_craft: re.Pattern[str]
    departure: re.Pattern[str]
    plan_noun: re.Pattern[str]
    plan_gates: tuple[str, ...]
    event_gates: tuple[str, ...]
    event_before: re.Pattern[str]
    event_after: re.Pattern[str]
    vehicles: re.Pattern[str]
    vehicle_gates: tuple[str, ...]
    trip_summary: re.Pattern[str]
    trip_summary_gates: tuple[str, ...]
    follows_earlier: re.Pattern[str]
    follows_earlier_gates: tuple[str, ...]
    another_trip: re.Pattern[str]
    another_trip_gates: tuple[str, ...]
    habitual: re.Pattern[str]
    habitual_gates: tuple[str, ...]
    #: "The first section, between X and Y, could open in 2027": track not there yet
    works_noun: re.Pattern[str]
    works_gates: tuple[str, ...]
    works_ahead: re.Pattern[str]
    visit_before_leaving: re.Pattern[str]
    crossing_untold: re.Pattern[str]
    common: frozenset[str]
    person_heads: frozenset[str]
    titles: frozenset[str]
    #: "is then due at X", "had also called at X": adverbs inside a cue phrase
    cue_adverbs: re.Pattern[str]
    #: "At X the train waited", "After X it crept along the lake", "called at Y around
    #: midnight, at X in the small hours": a sentence, or a part after a comma or "and",
    #: opening on the place the train was at or had passed
    fronted_stop: re.Pattern[str]
    #: "Some passengers went on by coach to X": a part of the party opening a clause
    subgroup: re.Pattern[str]
    subgroup_with: re.Pattern[str]
    #: "said Anna Berg, a nurse from X": where a person named just before is from
    home_apposition: re.Pattern[str]
    #: "the regional commissioner for X": an office for the place
    office_for: re.Pattern[str]
    #: "said a retired signalman from X": where a speaker told by what they are is from
    home_of_speaker: re.Pattern[str]
    #: "Fiona McLeod, who had come down from X": where a person named just before came from
    home_relative: re.Pattern[str]
    #: '"I came from X for this match," said …': the speaker's own way to the trip
    own_way_from: re.Pattern[str]


@functools.cache
def role_cues(language: str = "en") -> RoleCues:
    """The compiled cues of ``language`` (English when it has no file of its own)."""
    lexicon = lexicon_for(language)
    service = "|".join(lexicon.frames.get("route_name", ())) or "(?!)"
    passing = alternation(lexicon.frames.get("passing", ())) or "(?!)"
    return RoleCues(
        before=lexicon.cues,
        first_after=tuple(cue for cue in lexicon.after_cues if cue.first),
        last_after=tuple(cue for cue in lexicon.after_cues if not cue.first),
        # "the Kazan-Irkutsk train": after the first name of a service's name …
        service_from=re.compile(rf"^[-‐–]{_CAP}(?:\s{_CAP})?\s+(?i:{service})\b"),
        # … and after the second one (before it: the first name and a dash)
        service_to_after=re.compile(rf"^\s+(?:{service})\b", re.IGNORECASE),
        # "The sleeper from X to Y was near Z", "Austria's first sleeper train to Y was due
        # to leave on Sunday", "The first through sleeper between X and Y pulled in on
        # Saturday": a service named by its ends, opening a sentence or a clause, ending
        # right before one of them
        service_phrase=re.compile(
            rf"(?:^|[,;:–—-]\s+|\b(?i:that|on|aboard|of)\s+)"
            rf"(?:(?i:the|a|an|its|his|her|their)|[A-Z][\w-]*['’]s)\s+"
            rf"(?:[\w-]+\s+){{0,3}}?(?i:{service})\s+"
            rf"(?:(?i:from)\s+{_NAME_RUN}\s+|(?i:between)\s+{_NAME_RUN}\s+(?i:and)\s+)?"
            rf"(?i:from|to|between)\s+(?:the\s+)?$"
        ),
        # "slowed but did not stop at X": the train went past X
        passing=re.compile(rf"\b(?:{passing})", re.IGNORECASE),
        actor_before=lexicon.actor_before,
        actor_after=lexicon.actor_after,
        actor_speaker=lexicon.actor_speaker,
        # "farther from Canberra than", "the distance from Beijing to": beside the journey
        comparison=re.compile(
            rf"\b(?:{_alternatives(lexicon.frames.get('comparison', ()))})\s+(?:the\s+)?$",
            re.IGNORECASE,
        ),
        # "rather than", "nor": rule out only what follows them
        negates_after=_anywhere(lexicon, "negates_after"),
        subgroup=re.compile(
            rf"[\W_]*(?:(?:{_alternatives(lexicon.frames.get('subgroup_openers', ()))})\s+)?"
            rf"(?:{_alternatives(lexicon.frames.get('subgroup', ()))})\b"
            rf"(?!\s+(?:\d|of\s+(?:the\s+)?\d"
            rf"|(?:{_alternatives(lexicon.frames.get('subgroup_not_before', ()))})\b))",
            re.IGNORECASE,
        ),
        subgroup_with=_anywhere(lexicon, "subgroup_with"),
        # a person's name (two or more capitalised words, maybe an age after it), a comma,
        # then the phrase describing them, right before the place
        home_apposition=re.compile(
            rf"{_NAMED_PERSON}(?i:{_alternatives(lexicon.frames.get('home_apposition', ()))})\s+$"
        ),
        # the speaker of a quote opening a clause, then words up to the place
        own_way_from=re.compile(
            rf"(?:^|[\"“‘',;:]\s*)(?i:{_alternatives(lexicon.frames.get('speaker_self', ()))})"
            r"\s+(?:the\s+)?$"
        ),
        home_of_speaker=_ending_before(lexicon.frames.get("home_of_speaker", ())),
        office_for=_ending_before(lexicon.frames.get("office_for", ())),
        # … or a relative clause of that person's, with no comma before the place
        home_relative=re.compile(
            rf"{_NAMED_PERSON}(?i:{_alternatives(lexicon.frames.get('home_relative', ()))})"
            r"\s[^,;]*$"
        ),
        fronted_stop=re.compile(
            rf"(?:^[\W_]*|[,;]\s+(?:and\s+|then\s+)?|\s+and\s+)"
            rf"(?:{_alternatives(lexicon.frames.get('fronted_stop', ()))})\s+(?:the\s+)?$",
            re.IGNORECASE,
        ),
        cue_adverbs=re.compile(
            rf"(?<=\s)(?:{_alternatives(lexicon.frames.get('cue_adverbs', ()))})\s+(?=\w)",
            re.IGNORECASE,
        ),
        # "a week after it crossed X": an earlier event of the trip
        elapsed_after=_anywhere(lexicon, "elapsed_after"),
        # "the summit in X was the first since … in 2011": the past begins after them
        since=_anywhere(lexicon, "past_begins"),
        # "bound for X", "for the six-day run to X": where the train is going, not where it is
        bound_for=_ending_before(lexicon.frames.get("bound_for", ())),
        # "completing its four-day crossing from X": where the journey named set out
        journey_from=_ending_before(lexicon.frames.get("journey_from", ())),
        # "crossed the X River", "across the X": the train went over the river
        river_crossed=_ending_before(lexicon.frames.get("river_crossed", ())),
        # "Residents of X said …", "tracks near X": someone at the place ([frames] witness_*)
        witness_before=_before_frame(lexicon.frames.get("witness_before", ())),
        witness_speakers=_before_frame(lexicon.frames.get("witness_speakers", ())),
        witness_after=re.compile(
            rf"\s+(?:{_alternatives(lexicon.frames.get('witness_after', ()))})", re.IGNORECASE
        ),
        # "at the nearby X airfield": an event at a facility of the place ([frames] facility_*)
        facility_before=re.compile(
            rf"\b(?:{_alternatives(lexicon.frames.get('facility_before', ()))})\s+"
            r"(?:[\w'’-]+\s+)?$",
            re.IGNORECASE,
        ),
        facility_after=re.compile(
            rf"^\s+(?:{_alternatives(lexicon.frames.get('facility_after', ()))})\b",
            re.IGNORECASE,
        ),
        # "… held to let the convoy pass": the train went by ([frames] passage)
        passage=_anywhere(lexicon, "passage"),
        not_names=frozenset(lexicon.not_places),
        # "the Chinese town of", "the port city of": a description that names the place next
        naming=_naming_description(language),
        auxiliaries=frozenset(lexicon.frames.get("other_travel_auxiliaries", ())),
        # "crossed back into North Korea", "flying into Poland": a country entered
        country_entered=_ending_before(lexicon.frames.get("country_entered", ())),
        # "will leave Poland at Przemyśl": the country (group 1) was left at the place
        country_left=re.compile(
            rf"\b(?:{_alternatives(lexicon.frames.get('country_left', ()))})\s+(?:the\s+)?"
            r"(?-i:([A-ZÀ-ÖØ-Þ][\w'’-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w'’-]+)?))\s+"
            rf"(?:{_alternatives(lexicon.frames.get('country_left_at', ()))})\s+(?:the\s+)?$",
            re.IGNORECASE,
        ),
        # "heading home after the X summit", "… after a wreath-laying in X": left from X
        departure=_anywhere(lexicon, "departure"),
        event_before=_ending_before(lexicon.frames.get("event_before", ())),
        # "did not say where he would cross": no crossing of a border described in words
        crossing_untold=_anywhere(lexicon, "crossing_untold"),
        # "the trip took him to X": the whole trip summed up, not a leg told
        trip_summary=_anywhere(lexicon, "trip_summary"),
        trip_summary_gates=_first_words(lexicon.frames.get("trip_summary", ())),
        # "the trip comes a week after he went to X": an earlier trip told after them
        follows_earlier=_anywhere(lexicon, "follows_earlier"),
        follows_earlier_gates=_first_words(lexicon.frames.get("follows_earlier", ())),
        # "the train's next departure runs the other way to X": a trip after the one told
        another_trip=_anywhere(lexicon, "another_trip"),
        another_trip_gates=_first_words(lexicon.frames.get("another_trip", ())),
        # "the northbound train, which usually halts at X": what trains do, not this trip
        habitual=_anywhere(lexicon, "habitual"),
        habitual_gates=_first_words(lexicon.frames.get("habitual", ())),
        works_noun=_anywhere(lexicon, "works_noun"),
        works_gates=_first_words(lexicon.frames.get("works_noun", ())),
        works_ahead=_anywhere(lexicon, "works_ahead"),
        # "a planned stop in X … was dropped": the plan's fate is told after the place
        plan_noun=_ending_before(lexicon.frames.get("plan_noun", ())),
        # "left Y after his visit to X": X was seen before the leg began
        visit_before_leaving=_ending_before(lexicon.frames.get("visit_before_leaving", ())),
        plan_gates=_first_words(lexicon.frames.get("plan_noun", ())),
        event_gates=(*_first_words(lexicon.frames.get("event_before", ())), "after"),
        event_after=re.compile(
            rf"\s+(?:{_alternatives(lexicon.frames.get('event_after', ()))})\b", re.IGNORECASE
        ),
        # "Petrov had left for Brno" ("an aide said Petrov …"): a person's clause telling
        # that person's movements
        other_subject=re.compile(
            rf"(?:[^,;.]{{0,80}}?\b(?:{_alternatives(lexicon.frames.get('other_travel_told', ()))})"
            rf"\s+)?"
            rf"\s*(?P<name>{_NAME_RUN})\s+"
            rf"(?:(?:{_alternatives(lexicon.frames.get('other_travel_auxiliaries', ()))})\s+)*"
            rf"(?:{_alternatives(lexicon.frames.get('other_travel_verbs', ()))})\b"
        ),
        # "Petrov, who had flown in from Brno": the same, told in a relative clause
        happened_there=re.compile(
            rf",\s+(?:{_alternatives(lexicon.frames.get('happened_there', ()))})\b"
        ),
        other_relative=re.compile(
            rf"(?P<name>{_NAME_RUN}),\s+"
            rf"(?:{_alternatives(lexicon.frames.get('relative_openers', ()))})\s+"
            rf"(?:(?:{_alternatives(lexicon.frames.get('other_travel_auxiliaries', ()))})\s+)*"
            rf"(?:{_alternatives(lexicon.frames.get('other_travel_verbs', ()))})\b"
        ),
        # "Many guests had flown into X", "A plane carrying officials landed at X"
        other_people=re.compile(
            r"\s*(?P<subject>(?:[\w'’-]+\s+){0,8}?)"
            rf"(?P<noun>(?i:{_alternatives(lexicon.frames.get('other_travel_people', ()))}))\s+"
            rf"(?:(?:{_alternatives(lexicon.frames.get('other_travel_auxiliaries', ()))})\s+)*"
            rf"(?:{_alternatives(lexicon.frames.get('other_travel_verbs', ()))})\b"
        ),
        # "the foreign minister drove to X", "her aides had flown in from X"
        other_titled=re.compile(
            rf"\s*(?P<phrase>"
            rf"(?i:{_alternatives(lexicon.frames.get('other_travel_determiners', ()))})\s+"
            rf"(?:[\w'’-]+\s+){{0,3}}?"
            rf"(?i:{_alternatives([*lexicon.titles, *_people_heads(lexicon.frames)])}))\s+"
            rf"(?:(?:{_alternatives(lexicon.frames.get('other_travel_auxiliaries', ()))})\s+)*"
            rf"(?:{_alternatives(lexicon.frames.get('other_travel_verbs', ()))})\b"
        ),
        people_heads=frozenset(_people_heads(lexicon.frames)),
        people_nouns=_anywhere(lexicon, "other_travel_people"),
        other_craft=_anywhere(lexicon, "other_craft"),
        vehicles=_anywhere(lexicon, "traveller_vehicles"),
        vehicle_gates=_first_words(lexicon.frames.get("traveller_vehicles", ())),
        common=lexicon.common,
        person_heads=lexicon.person_heads,
        titles=lexicon.titles | frozenset(lexicon.demonyms),
        # "… into Poland at Przemyśl": the place of the country it was entered at
        country_entered_at=_name_after(lexicon.frames.get("country_entered_at", ())),
        country_named_after=_name_after(lexicon.frames.get("country_named_after", ())),
        # "the Krasnoyarsk mayor", "the Khabarovsk governor's office": a title, no visit
        comparison_gates=_first_words(lexicon.frames.get("comparison", ())),
        title_after=re.compile(
            rf"^\s+(?:{'|'.join(sorted(map(re.escape, lexicon.titles))) or '(?!)'})\b",
            re.IGNORECASE,
        ),
    )


def _people_heads(frames: dict) -> list[str]:
    """The nouns that name others on their own ("aides", "the host"): ``[frames]
    other_travel_people`` and ``other_travel_roles``."""
    return [*frames.get("other_travel_people", ()), *frames.get("other_travel_roles", ())]


def _references(language: str) -> dict:
    """The ``[references]`` table of ``language``'s file (English when it has no file)."""
    try:
        return language_file(language).get("references", {})
    except FileNotFoundError:  # read with the English words (:func:`lexicon_for`)
        return language_file("en").get("references", {})


def _naming_description(language: str) -> re.Pattern[str]:
    """A description right before a place that names it ("the Chinese town of", "the port
    city of", "a small station called"): an article of ``[references] naming_articles``
    (else ``articles``), up to two words ("Chinese", "industrial"), a
    ``[[references.kinds]]`` word and a ``named_after`` word, at the end of the text."""
    table = _references(language)
    heads = sorted(
        {" ".join(str(w).split()) for k in table.get("kinds", ()) for w in k.get("words", ())},
        key=len,
        reverse=True,
    )
    words = table.get("naming_articles", ()) or table.get("articles", ())
    articles = "|".join(literal_phrase(str(a)) for a in words) or "(?!)"
    names = "|".join(literal_phrase(str(w)) for w in table.get("named_after", ())) or "(?!)"
    return re.compile(
        rf"(?<!\w)(?i:{articles})\s+(?:[\w'’-]+\s+){{0,2}}"
        rf"(?i:{'|'.join(literal_phrase(h) for h in heads) or '(?!)'})\s+(?i:{names})\s+$"
    )


def _before_naming(before: str, cues: RoleCues) -> str:
    """The words before a place less a description that names it ("stopped in Dalian and
    the port city of" → "stopped in Dalian and"), so the cue before it reaches the place;
    ``before`` itself when none ends it."""
    m = cues.naming.search(before)
    return before[: m.start()] if m else before


def _first_words(phrases: Sequence[str]) -> tuple[str, ...]:
    """The lower-case first words (stems without ``*``) of ``phrases``: one stands in any
    text a phrase matches, so text without any need not be searched."""
    return tuple(sorted({w.rstrip("*").lower() for p in phrases for w in p.split()[0].split("|")}))


def _anywhere(lexicon: Lexicon, frame: str) -> re.Pattern[str]:
    """The phrases of ``[frames] <frame>`` as one pattern found anywhere (whole words, any
    case)."""
    return re.compile(rf"\b(?:{_alternatives(lexicon.frames.get(frame, ()))})\b", re.IGNORECASE)


def _ending_before(phrases: Sequence[str]) -> re.Pattern[str]:
    """A frame of ``phrases`` ending right before a place, maybe with "the" between."""
    return re.compile(rf"(?<!\w)(?:{_alternatives(phrases)})\s+(?:the\s+)?$", re.IGNORECASE)


def _name_after(words: Sequence[str]) -> re.Pattern[str]:
    """One of ``words``, maybe "the", then a capitalised name (group 1) of up to three words."""
    return re.compile(
        rf"\b(?:{_alternatives(words)})\s+(?:the\s+)?"
        r"(?-i:([A-ZÀ-ÖØ-Þ][\w'’-]+(?:[ -][A-ZÀ-ÖØ-Þ][\w'’-]+){0,2}))",
        re.IGNORECASE,
    )


def _before_frame(phrases: Sequence[str]) -> re.Pattern[str]:
    """A frame of ``phrases`` ending right before a place, then maybe "the" and up to
    :data:`_FRAME_GAP` words ("staff in the border city of")."""
    return re.compile(
        rf"\b(?:{_alternatives(phrases)})\s+(?:the\s+)?{GAP_WORD}{{0,{_FRAME_GAP}}}$",
        re.IGNORECASE,
    )


#: Words a frame before a place may leave between itself and the place.
_FRAME_GAP = 3


def _alternatives(phrases: Sequence[str]) -> str:
    """One regex alternation of cue ``phrases`` (never matching when there are none)."""
    return alternation(phrases) or "(?!)"


#: Characters either side of a ruled-out place read for "slowed", "passed" (went past it).
_PASSING_CHARS = 60
#: Characters after a place that its cues and frames may reach ("~" spans 60 of them).
_AFTER_CHARS = 120
_SERVICE_TO_BEFORE = re.compile(rf"{_CAP}[-‐–]$")
_FROM = re.compile(
    r"(?<!km )(?<!miles )(?<!kilometres )(?<!kilometers )(?<!away )(?<!far )"
    r"(?<!hour )(?<!hours )(?<!minutes )"  # "now two hours from X": a distance, not a start
    r"\bfrom\s+(?:the\s+)?(?:(?:railway\s+|train\s+)?station\s+(?:at|in|of)\s+)?$",
    re.IGNORECASE,
)


#: A preposition a list may repeat before its next item ("called at X and at Y",
#: ``[frames] list_prepositions``), as a regex group that may be absent.
_LIST_PREPOSITION = rf"(?:(?:{_alternatives(LEXICON.frames.get('list_prepositions', ()))})\s+)?"
#: Glue between places of one list ("through Kowon, Hamhung and Tanchon", "Rajin (라진)").
_LIST_GLUE = re.compile(
    r"\)?\s*(?:\([^()]*\)\s*)?(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s*\()"
    rf"{_LIST_PREPOSITION}(?:the\s+)?"
)
#: A word of attribution, which no phrase of a list's item holds ("X, the agency said, and").
_SAID = rf"(?!(?:{_alternatives(LEXICON.frames.get('item_phrase_not', ()))})\b)"
#: A short phrase of a list's item, then the list's glue: what the stop is for ("X for the
#: tiger reserve, Y", "X for a night and Y") or what it is ("X, the capital of Z, and Y"):
#: ``[frames] item_phrase_openers`` or a comma, one of ``item_phrase_determiners`` (or a
#: number), up to five words. The list goes on past it.
_ITEM_PHRASE = re.compile(
    rf"(?:\s+(?:{_alternatives(LEXICON.frames.get('item_phrase_openers', ()))})\s+|,\s+)"
    rf"(?:{_alternatives(LEXICON.frames.get('item_phrase_determiners', ()))}|\d+)\s+"
    rf"(?:{_SAID}[\w'’-]+\s+){{0,4}}?{_SAID}[\w'’-]+"
    r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:then\s+)?(?:the\s+)?"
)


def _listed_after(between: str) -> bool:
    """Whether the words between two places join them as items of one list: glue alone
    ("X, Y and Z"), glue after a short phrase of the first item (:data:`_ITEM_PHRASE`), or
    glue around names the gazetteer lacks (:data:`_UNKNOWN_ITEMS`: "called at X, Shin-Osaka,
    Shin-Kobe and Y": an unknown item does not end the list)."""
    return (
        _LIST_GLUE.fullmatch(between) is not None
        or _ITEM_PHRASE.fullmatch(between) is not None
        or _UNKNOWN_ITEMS.fullmatch(between) is not None
    )


#: List glue around one or more capitalised names of up to three words each.
_UNKNOWN_ITEMS = re.compile(
    r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
    r"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+))+"
)


_FOR = re.compile(r"\bfor\s+(?:the\s+)?$", re.IGNORECASE)
_TO = re.compile(r"\b(?:to|for|toward|towards)\s+(?:the\s+)?$", re.IGNORECASE)


def inherit_role(text: str, previous: Mention, mention: Mention, place: Place) -> Mention:
    """A mention listed right after another takes its journey role.

    "through Kowon, Hamhung and Tanchon" makes all three via; "Pyongyang (평양)"
    gives the Korean spelling its role; "X for the tiger reserve, Y and Z" and "X, the
    capital of R, and Y" list them as well, and so do names the gazetteer lacks between
    them ("X, Shin-Osaka, Shin-Kobe and Y"); "ran through X, where …, and then Y",
    "passing X late on Thursday and Y early on Friday" and "held on X, at the campus of Y"
    make Y a stop like X, and the timed list makes a capital told in it a stop, not its
    government ("due to call at X on Monday evening and Bucharest on Tuesday").
    """
    if mention.role not in (Role.CONTEXT, Role.ACTOR) or previous.role not in STOP_ROLES:
        return mention
    if previous.sentence_start != mention.sentence_start:
        return mention
    between = text[previous.end : mention.start]
    glue = _LIST_GLUE.fullmatch(_before_naming(between, role_cues())) or (
        _UNKNOWN_ITEMS.fullmatch(between)  # "X, Shin-Osaka, Shin-Kobe and Y": one list
    )
    timed = _timed_and(between)
    then = (
        mention.role == Role.CONTEXT
        and (
            _then_before(between)
            or timed
            or _WITHIN.fullmatch(between) is not None
            or _ITEM_PHRASE.fullmatch(between) is not None
        )
    ) or (mention.role == Role.ACTOR and timed)  # "at X on Monday and Bucharest on Tuesday"
    if (glue is None and not then) or (
        mention.role == Role.ACTOR and not timed and (glue is None or "(" not in glue.group())
    ):
        return mention
    role = previous.role
    if place.kind == Kind.BORDER_CROSSING and role in (Role.VIA, Role.DESTINATION):
        role = Role.BORDER
    if glue is not None:  # "for Y and Z": one list, told at one time (or at none)
        return replace(mention, role=role, date=previous.date, part=previous.part)
    return replace(mention, role=role)


def inherit_status(text: str, previous: Mention, mention: Mention) -> Mention:
    """A mention listed right after an expected one is expected too, and one whose verb
    goes on with an expected or speculative one's is as sure (:func:`_plan_goes_on`).

    "is expected to run through X, Y and Z": the list's own clauses (cut at its commas and
    "and") hold no modal, but the one before the first place governs them all.
    """
    if mention.status != Status.REPORTED or previous.sentence_start != mention.sentence_start:
        return mention
    between = text[previous.end : mention.start]
    if previous.status == Status.EXPECTED and _listed_after(between):
        return replace(mention, status=Status.EXPECTED)
    if previous.status in (Status.EXPECTED, Status.SPECULATIVE) and _plan_goes_on(between):
        return replace(mention, status=previous.status)
    return mention


def _plan_goes_on(between: str) -> bool:
    """Whether the words between two places go on with the first one's verb phrase: "and"
    (maybe "then") and words of no tense of their own (:func:`routes.read.when.tells_a_tense`):
    "was expected to return to X by train and then fly on to Y", "might stop at X and go on
    to Y" (the modal governs both verbs); not "was due in X, and the train reached Y"."""
    m = _AND_GOES_ON.fullmatch(between)
    return m is not None and not tells_a_tense(m.group(1))


#: A short phrase of the first place, "and", and the words up to the next (no break).
_AND_GOES_ON = re.compile(r"[^,;.]{0,40}?\s+and\s+([a-z][^,;.]{0,40})", re.IGNORECASE)


def _then_before(between: str) -> bool:
    """Whether the words between a stop and the next place end in a bare "and then" ("ran
    through X, where …, and then Y at dawn": ``[order] later`` words right before the place,
    after a comma or "and"), or "and before that" (``earlier_within``: "called at X, beside
    the mine, and before that at Y"), which goes on the same way."""
    return _LATER_PLAIN.search(between) is not None


#: A place told as inside the one before ("held on X, at the campus of Y", "stopped in X, at
#: its main station Y"): a comma, a preposition of place, up to three words and "of".
_WITHIN = re.compile(
    r",\s+(?:at|in|on|inside)\s+(?:the\s+|its\s+)?(?:[\w'’-]+\s+){0,3}?(?:of\s+)?(?:the\s+)?",
    re.IGNORECASE,
)


def _timed_aside(after: str) -> bool:
    """Whether a time set off by commas follows the place ("At X, about 4 a.m., …", "At X,
    late on Friday evening, …"): the place is where the train was at that time."""
    m = _ASIDE.match(after)
    return m is not None and _tells_a_time(m.group(1))


#: A comma, up to six words, a comma.
_ASIDE = re.compile(r",((?:\s+[\w'’.-]+){1,6}),")


def _timed_and(between: str) -> bool:
    """Whether only a time of the first place and "and" or a comma (or a time of the second
    set off by commas after them) stand between two places ("passing X again late on Thursday
    and Y early on Friday", "called at X around midnight, at Y in the small hours", "stopped
    at X around midnight and, late on Friday evening, at Y": ``[frames] coordinated_time``
    words), so the second is told the same way."""
    m = _TIMED_AND.fullmatch(between)
    if m is None:
        return False
    if m.group(2) is not None and not _tells_a_time(m.group(2)):
        return False  # "…, officials in Y said": no time of the second place
    return _tells_a_time(f"{m.group(1)} {m.group(2) or ''}")


def _tells_a_time(words: str) -> bool:
    """Whether ``words`` hold a word of a time (:data:`_TIME_WORDS`)."""
    return not _TIME_WORDS.isdisjoint(w.lower() for w in _WORD.findall(words))


#: Up to six words without a break, then "and" or a comma (maybe both), maybe a time set off
#: by commas or told before "in"/"at", maybe "then", maybe "in"/"at" and "the" ("called at X
#: around midnight, at Y in the small hours and at Z"; "stopped at X around midnight and,
#: late on Friday, at Y"; "called at X in the morning, and before dawn at Y").
_TIMED_AND = re.compile(
    r"((?:\s+[\w'’.-]+){0,6}?)(?:\s+and|,(?:\s+and)?)"
    r"(,(?:\s+[\w'’.-]+){1,5},|(?:\s+[\w'’.-]+){1,4}?(?=\s+(?:in|at)\s))?\s+"
    r"(?:then\s+)?(?:(?:in|at|through|past)\s+)?(?:the\s+)?"
)
_WORD = re.compile(r"[\w'’.-]+")
#: Words that make what stands between two places a time (``[frames] coordinated_time``).
_TIME_WORDS = frozenset(
    (
        *lexicon_for("en").frames.get("coordinated_time", ()),
        *(w.lower() for w in date_words("en").weekdays),
        *date_words("en").parts,
        *date_words("en").relative_days,
        *date_words("en").tonight,
    )
)


#: A comma or "and" (or both), then a word of ``[order] later`` or ``earlier_within``
#: ("and before that at X"), maybe "the", at the end.
_LATER_PLAIN = re.compile(
    rf"(?:,|\band)\s+(?:and\s+)?"
    rf"(?:{order_words().later.pattern}|{order_words().earlier_within.pattern})\s+"
    rf"{_LIST_PREPOSITION}(?:the\s+)?$",  # "and later at X": the preposition again
    re.IGNORECASE,
)


def crossed_within(place: Place, role: str) -> str:
    """``role``, adjusted for a region or area told as a stop. One from GeoNames' divisions,
    placed at the centre of its people, is no point of the route ("will cross northern
    Ontario overnight": a stop there would be drawn near Toronto): context. A curated one
    told as crossed ("crossed the Nullarbor") is passed through: via, for only a country's
    border is a border crossed; so is a pass inside one country ("crossed the X Pass"), while
    one on a border (no country) is where the border was crossed; a town far from every
    national border told as crossed is passed on the way."""
    if place.kind == Kind.REGION and not place.curated and role in STOP_ROLES:
        return Role.CONTEXT
    if role == Role.BORDER and (
        place.kind in (Kind.REGION, Kind.AREA) or (place.kind == Kind.PASS and place.country)
    ):
        return Role.VIA
    if role == Role.BORDER and place.kind in (Kind.CITY, Kind.TOWN) and _far_from_a_border(place):
        return Role.VIA  # "after crossing the Blue Mountains": a town crossed is passed
    return role


#: A town farther than this (km) from every national border is no border crossing.
BORDER_TOWN_REACH_KM = 75.0


def _far_from_a_border(place: Place) -> bool:
    """Whether ``place`` lies more than :data:`BORDER_TOWN_REACH_KM` from every national
    border line (``routes.rail.borders``)."""
    return km_to_border(place.lon, place.lat) > BORDER_TOWN_REACH_KM


def mention_role(
    place: Place,
    match: Match,
    text: str,
    sentence: Sentence,
    status: str,
    gazetteer: Gazetteer,
    language: str = "en",
) -> str:
    """The journey role one mention gives its place, read with ``language``'s cues."""
    cues = role_cues(language)
    if (
        sentence.historical
        and not _before_the_past(text, match, sentence, cues)
        and not _dated_apart_from_the_past(match, sentence)
    ):
        return Role.HISTORICAL
    after = text[match.end : min(sentence.end, match.end + _AFTER_CHARS)]
    before = text[max(sentence.start, match.start - 120) : match.start]
    if _sums_up_trip(text, match, sentence, cues):
        return Role.HISTORICAL  # "a six-day trip that took him from X": the trip summed up
    if place.kind == Kind.RIVER:
        return _river_role(before, status, cues)
    if place.kind == Kind.COUNTRY:
        rest = text[match.end : sentence.end]
        following = _next_sentence(text, sentence.end)
        return _country_role(place, before, rest, status, gazetteer, cues, following)
    if place.kind not in POINT_KINDS:
        return Role.CONTEXT
    if _ATTRIBUTIVE.match(after):
        return Role.CONTEXT  # "Moscow-based", "Pyongyang-backed"
    if match.dateline:
        return Role.DATELINE
    if match.role is None and (
        cues.title_after.match(after) or _compares(before, cues) or cues.office_for.search(before)
    ):
        return Role.CONTEXT  # "the Khabarovsk governor", "further north than Harbin", "the
        # regional commissioner for X"
    if match.role is None and actor_frame(before, after, language) and gazetteer.is_capital(place):
        return Role.ACTOR  # "talks between Beijing and Pyongyang", "pressure from Washington"
    if match.role == Role.BORDER and cues.crossing_untold.search(sentence.quote):
        return Role.CONTEXT  # "towards the border, but did not say where he would cross"
    cue = match.role or _service_role(before, after, cues) or _cue_role(before, after, language)
    bare = before if cue is not None else _before_naming(before, cues)
    if bare is not before:
        cue = _cue_role(bare, after, language)  # "into the Chinese town of X": as "into X"
    if cue == Role.DESTINATION and match.role is None and _FROM.search(bare):
        cue = Role.ORIGIN  # "reached Moscow from Pyongyang": where the leg began
    elif cue == Role.ORIGIN and match.role is None and _FOR.search(bare):
        cue = Role.DESTINATION  # "left Khabarovsk for Vladivostok": where it was going
    elif cue == Role.ORIGIN and match.role is None and _left_country(before, gazetteer, cues):
        cue = Role.BORDER  # "will leave Poland at Przemyśl": where it crossed out
    if status == Status.RULED_OUT and cues.negates_after.search(after):
        status = _status_before_negation(
            before, text[match.start : match.end], after, cues, language
        )
    if status != Status.RULED_OUT and _plan_dropped(text, match, sentence, cues, language):
        status = Status.RULED_OUT  # "a planned stop in X, across the river, was dropped"
    if status == Status.SPECULATIVE:
        return Role.CONTEXT  # "could detour to X": never a stop by itself
    if cue is None and sentence.travel_at(match.start):
        cue = _travel_cue(bare)
    if (
        cue is None
        and match.role is None
        and (sentence.travel or _timed_aside(after))
        and cues.fronted_stop.search(before)
    ):
        cue = Role.VIA  # "At X the train waited for an engine", "At X, about 4 a.m., the
        # governor boarded": where the train was
    if (
        cue == Role.ORIGIN
        and match.role is None
        and _crossed_out_from(place, before, after, gazetteer, language)
    ):
        cue = Role.BORDER  # "crossed the bridge from X into Y": where it crossed out
    if cue is None and cues.facility_after.match(after) and cues.facility_before.search(before):
        cue = Role.VIA  # "showed him the bombers at the X airfield": the traveller was there
    if cue is None and _at_its_station(text, match, before, after, language):
        cue = Role.VIA  # "a welcome ceremony at X station is planned": the train stops there
    if match.role is None and _visited_before_leaving(text, match, sentence, cues):
        return Role.HISTORICAL  # "left Y on Sunday after his visit to X": before the leg told
    if match.role is None and _left_after_event(text, match, sentence, cues):
        cue = Role.ORIGIN  # "heading home after the X summit": the leg began there
    if (
        cue in STOP_ROLES
        and match.role is None
        and _another_traveller(text, match, sentence, gazetteer, cues)
    ):
        return Role.CONTEXT  # "Petrov had left for Brno": someone else's journey
    if cue == Role.ORIGIN and match.role is None and _home_beside_a_name(before, cues):
        return Role.CONTEXT  # "said Anna Berg, a nurse from X": her home, not the start
    if cue == Role.ORIGIN and match.role is None and cues.own_way_from.search(before):
        return Role.CONTEXT  # '"I came from X for this match," said …': the speaker's way
    if (
        match.role is None
        and _came_from_before(cue, text, match, sentence, bare)
        and cues.home_relative.search(before) is not None
    ):
        return Role.CONTEXT  # "Fiona McLeod, who had come down from X": before the trip
    if (
        (cue == Role.DESTINATION or _came_from_before(cue, text, match, sentence, bare))
        and match.role is None
        and _a_part_of_the_party(text, match, sentence, cues)
    ):
        return Role.CONTEXT  # "Some passengers went on by coach to X": their side trip;
        # "Others had travelled from X": where they came from before the trip
    if cue in STOP_ROLES and _follows_earlier(text, match, sentence, cues):
        return Role.HISTORICAL  # "the trip comes a week after he went to X": an earlier trip
    if cue in STOP_ROLES and _of_another_trip(text, match, sentence, cues):
        return Role.CONTEXT  # "its next departure runs the other way to X": a later trip
    if cue in STOP_ROLES and _told_as_a_habit(text, match, sentence, cues):
        return Role.CONTEXT  # "the train, which usually halts at X": no leg of this trip
    if cue in STOP_ROLES and _track_not_yet_there(text, match, sentence, cues):
        return Role.CONTEXT  # "the first section, to X, could open in 2027": no leg yet
    if cue is None and _witnessed(place, match, text, sentence, gazetteer, cues):
        cue = Role.VIA
    if cue is None and gazetteer.is_capital(place) and _is_actor(before, after, language):
        return Role.ACTOR
    if status == Status.RULED_OUT:
        passing = cue in (Role.VIA, Role.BORDER) and cues.passing.search(_own_clause(before, after))
        # "would travel on from Beijing to Shanghai … proved wrong": the move not made starts
        # where the traveller is; the ends of a service's name are where it runs
        start = cue == Role.ORIGIN and match.role is None and _FROM.search(before) is not None
        if passing or start or _service_role(before, after, cues) is not None:
            return cue
        return Role.RULED_OUT
    if cue is None:
        return Role.CONTEXT
    if place.kind == Kind.BORDER_CROSSING and cue in (Role.VIA, Role.DESTINATION):
        return Role.BORDER
    return cue


def _crossed_out_from(
    place: Place, before: str, after: str, gazetteer: Gazetteer, language: str = "en"
) -> bool:
    """Whether a crossing is told from the place into a place of another country ("crossed
    the bridge from X into Y", ``[frames] crossed_from`` and ``crossed_into``)."""
    crossed_from, crossed_into = _crossing_frames(language)
    if not place.country or crossed_from.search(before) is None:
        return False
    into = crossed_into.match(after)
    if into is None:
        return False
    return any(
        other.country and other.country != place.country
        for other in gazetteer.candidates(into.group(1))
    )


@functools.cache
def _crossing_frames(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The compiled ``crossed_from`` frame (ending right before a place, maybe "the"
    between) and ``crossed_into`` words with the capitalised name after them (group 1)."""
    frames = lexicon_for(language).frames
    return _ending_before(frames.get("crossed_from", ())), re.compile(
        rf"\s+(?:{_alternatives(frames.get('crossed_into', ()))})\s+(?:the\s+)?"
        r"(?-i:([A-ZÀ-ÖØ-Þ][\w'’-]+(?:[ -][A-ZÀ-ÖØ-Þ][\w'’-]+){0,2}))",
        re.IGNORECASE,
    )


def _at_its_station(text: str, match: Match, before: str, after: str, language: str) -> bool:
    """Whether the place is named as the station something happens at ("a ceremony at X
    station", ``[frames] station_at_before`` and ``station_at_after``): the station word ends
    the name as matched ("X station") or follows it."""
    station_before, station_word = _station_at_frames(language)
    if station_before.search(before) is None:
        return False
    name = text[match.start : match.end]
    ends = station_word.search(name)
    return (ends is not None and ends.end() == len(name)) or station_word.match(after) is not None


@functools.cache
def _station_at_frames(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The compiled ``station_at_before`` frame (ending right before a name) and the
    ``station_at_after`` words, each after a blank (ending a name, or right after it)."""
    frames = lexicon_for(language).frames
    before = re.compile(
        rf"(?<!\w)(?:{_alternatives(frames.get('station_at_before', ()))})\s+$", re.IGNORECASE
    )
    word = re.compile(
        rf"\s+(?:{_alternatives(frames.get('station_at_after', ()))})(?!\w)", re.IGNORECASE
    )
    return before, word


def _witnessed(
    place: Place, match: Match, text: str, sentence: Sentence, gazetteer: Gazetteer, cues: RoleCues
) -> bool:
    """Whether someone at the place saw the train go by: the words before it are a witness
    frame ("Residents of X", "tracks near X"; speakers such as "officials in X" only for a
    place that is no capital) or its station is told closed right after it ("X station
    closed"), and its sentence tells a passage (``[frames] passage``: "the train would pass
    there", "held to let the convoy pass") that no other name follows ("passed through Y":
    that passage is Y's; "crossed from Y" still comes to the place)."""
    head = _clause_head(text[max(sentence.start, match.start - 120) : match.start])
    framed = (
        cues.witness_before.search(head) is not None
        or cues.witness_after.match(text, _last_word(text, match), sentence.end) is not None
        or (cues.witness_speakers.search(head) is not None and not gazetteer.is_capital(place))
    )
    if not framed:
        return False
    passages = cues.passage.finditer(text, sentence.start, sentence.end)
    return any(not _named_next(text, m.end(), sentence.end, cues) for m in passages)


def _last_word(text: str, match: Match) -> int:
    """Where the last word of a name of several words starts, less the blank before it
    ("X station" read with the words after it: "X station closed"), else its end."""
    at = text.rfind(" ", match.start, match.end)
    return at if at > match.start else match.end


def _named_next(text: str, at: int, end: int, cues: RoleCues) -> bool:
    """Whether a name (not a weekday, month or other ``[names] not_places`` word) follows
    ``at``, maybe after one word (not "from") and "the" ("passed through Nanning")."""
    m = _NAMED_NEXT.match(text, at, end)
    return m is not None and m.group(1).lower() not in cues.not_names


#: A capitalised word right after a passage, maybe after one word (not "from") and "the".
_NAMED_NEXT = re.compile(r"\s+(?:(?!from\s)[a-z]+\s+)?(?:the\s+)?([A-ZÀ-ÖØ-Þ][\w'’-]*)")


def _left_country(before: str, gazetteer: Gazetteer, cues: RoleCues) -> bool:
    """Whether the words before a place leave a country at it ("will leave Russia at X",
    ``[frames] country_left`` and ``country_left_at``)."""
    m = cues.country_left.search(before)
    return m is not None and any(p.kind == Kind.COUNTRY for p in gazetteer.candidates(m.group(1)))


def _country_role(
    place: Place,
    before: str,
    rest: str,
    status: str,
    gazetteer: Gazetteer,
    cues: RoleCues,
    following: str = "",
) -> str:
    """The role of a country: a stop on the way when the traveller went into it and the
    rest of the sentence names no town of it ("crossed back into North Korea", "after
    flying into Poland", "by plane to Poland and then by train": ``[frames]
    country_entered``), else context ("crossed into Poland at Przemyśl": ``country_entered_at``
    any town; "crossed into China, passing Pingxiang": ``country_named_after`` a town of
    the country; the ``following`` sentence naming a town of it either way: "… into Germany.
    It called at Munich"; "a trip to Russia")."""
    if status not in (Status.REPORTED, Status.EXPECTED):
        return Role.CONTEXT
    if not cues.country_entered.search(_clause_head(before)):
        return Role.CONTEXT
    if _names_a_town(cues.country_entered_at, rest, gazetteer, ""):
        return Role.CONTEXT
    if _names_a_town(cues.country_named_after, rest, gazetteer, place.country):
        return Role.CONTEXT
    if any(
        _names_a_town(words, following, gazetteer, place.country)
        for words in (cues.country_entered_at, cues.country_named_after)
    ):
        return Role.CONTEXT
    return Role.VIA


#: Most characters of the sentence after a place's read for a town of its country.
_FOLLOWING_CHARS = 300


def _next_sentence(text: str, end: int) -> str:
    """The words of the sentence after the one ending at ``end`` (up to
    :data:`_FOLLOWING_CHARS`)."""
    window = text[end : end + _FOLLOWING_CHARS]
    stop = window.find(". ", 1)
    return window if stop < 0 else window[: stop + 1]


def _names_a_town(pattern: re.Pattern[str], rest: str, gazetteer: Gazetteer, country: str) -> bool:
    """Whether ``pattern`` finds in ``rest`` a name the gazetteer holds as a town (of
    ``country`` when one is given)."""
    return any(
        p.kind in POINT_KINDS and (not country or p.country == country)
        for m in pattern.finditer(rest)
        for p in gazetteer.candidates(m.group(1))
    )


def _plan_dropped(
    text: str, match: Match, sentence: Sentence, cues: RoleCues, language: str
) -> bool:
    """Whether the place is that of a plan named as a noun (``[frames] plan_noun``: "a
    planned stop in X") and the rest of its sentence rules the plan out ("…, across the
    river from China, was dropped")."""
    head = text[max(sentence.start, match.start - 60) : match.start]
    if not holds_any(head.lower(), cues.plan_gates) or not cues.plan_noun.search(head):
        return False
    return status_of(text[match.end : sentence.end], language) == Status.RULED_OUT


def _left_after_event(text: str, match: Match, sentence: Sentence, cues: RoleCues) -> bool:
    """Whether the place is where an event stood that a departure followed ("expected to
    travel home by train, via X, after a wreath-laying in Y", "heading home after the Y
    summit"): ``[frames] event_before`` right before it, or "after the" before it and
    ``event_after`` right after it, with a ``departure`` word earlier in the sentence."""
    head = text[max(sentence.start, match.start - 120) : match.start]
    if not holds_any(head.lower(), cues.event_gates):
        return False  # both frames start with one of these words ("after")
    event = cues.event_before.search(head)
    if event is None and _AFTER_THE.search(head) and cues.event_after.match(text, match.end):
        event = _AFTER_THE.search(head)
    if event is None:
        return False
    start = match.start - len(head) + event.start()
    return cues.departure.search(text, sentence.start, start) is not None


def _visited_before_leaving(text: str, match: Match, sentence: Sentence, cues: RoleCues) -> bool:
    """Whether the place was visited before a departure from another place the sentence
    names ("left Y on Sunday evening after his visit to X": ``[frames]
    visit_before_leaving`` right before it, a ``departure`` word right before a capitalised
    name earlier)."""
    head = text[max(sentence.start, match.start - 120) : match.start]
    visit = cues.visit_before_leaving.search(head)
    if visit is None:
        return False
    end = match.start - len(head) + visit.start()
    departures = cues.departure.finditer(text, sentence.start, end)
    return any(_NAME_NEXT.match(text, m.end()) for m in departures)


#: A capitalised name right after a word, maybe after "the" ("left Novograd", "left the X").
_NAME_NEXT = re.compile(r"\s+(?:the\s+)?[A-ZÀ-ÖØ-Þ]")


#: "after the" right before a place used as an attribute ("after the X summit").
_AFTER_THE = re.compile(r"\bafter\s+the\s+$", re.IGNORECASE)


def _another_traveller(
    text: str, match: Match, sentence: Sentence, gazetteer: Gazetteer, cues: RoleCues
) -> bool:
    """Whether the place's clause tells the movements of a person who is not a traveller of
    the report ("Petrov had left for Brno the same morning", ``[frames]
    other_travel_verbs``): its subject is a person (by :func:`_person_words`, or a lone
    capitalised word the gazetteer does not know), a travel verb follows, and the report
    names travellers (:func:`travellers`) of whom that person is none. The subject may
    also be people named by a noun (:func:`_others_travel`: "Many guests had flown into
    X"), or the person a relative clause tells of (:func:`_relative_traveller`: "…
    alongside President Petrov, who came to X from Y")."""
    start = _clause_start(text, match, sentence)
    if _titled_others(text, start, match, cues):
        return True
    known = travellers(text, cues)
    if not known:
        return False
    m = cues.other_subject.match(text, start, match.start)
    if m is not None:
        name = m.group("name")
        person = _person_words(name, surnames(text), cues) or _unknown_word(name, gazetteer, cues)
        if person:
            return person.isdisjoint(known)
    return _others_travel(text, start, match, known, cues) or _relative_traveller(
        text, start, match, known, gazetteer, cues
    )


def _came_from_before(
    cue: str | None, text: str, match: Match, sentence: Sentence, bare: str
) -> bool:
    """Whether the place is where someone had come from before the journey told: "from X"
    after a past perfect or "earlier" (``[order]`` words: "Others had travelled from X"),
    not "were to fly from X", where they leave the party at the place the train is."""
    if cue != Role.ORIGIN or not _FROM.search(bare):
        return False
    start = _clause_start(text, match, sentence)
    return order_words().earlier.search(text, start, match.start) is not None


def _home_beside_a_name(before: str, cues: RoleCues) -> bool:
    """Whether the place ends a phrase that describes a person named right before it
    (``[frames] home_apposition``: "said Anna Berg, a nurse from X", "Anna Berg, 34, a
    teacher from X, said"), or a speaker told by what they are (``home_of_speaker``: "said a
    retired signalman from X"): where that person is from, not where the journey began. A
    phrase naming a train describes the train ("The Sapsan, an express from X, …")."""
    if cues.home_of_speaker.search(before) is not None:
        return True  # "said a retired signalman from X"
    if cues.home_apposition.search(before) is None:
        return False
    return cues.vehicles.search(before, before.rfind(",") + 1) is None


def _a_part_of_the_party(text: str, match: Match, sentence: Sentence, cues: RoleCues) -> bool:
    """Whether the place's clause opens with a part of the party as its subject ("Some
    passengers went on by coach to X", "Others took the regional train towards X":
    ``[frames] subgroup``) that does not go with the traveller (``subgroup_with``)."""
    start = _clause_start(text, match, sentence)
    if cues.subgroup.match(text, start, match.start) is None:
        return False
    return cues.subgroup_with.search(text, start, match.start) is None


def _titled_others(text: str, start: int, match: Match, cues: RoleCues) -> bool:
    """Whether the clause's subject names others by a lower-case phrase ("the foreign
    minister drove to X", "her aides had flown to X", ``[frames] other_travel_determiners``)
    with a travel verb after it, in a report that has a train: the phrase ends in an
    ``other_travel_people`` or ``other_travel_roles`` noun, or in a title with a word before
    it that is no title or nationality ("the leader" may be the traveller), no train stands
    in it, and the phrase (nationality words left out; of a noun, the noun alone) stands in
    none of the clauses that tell the train."""
    m = cues.other_titled.match(text, start, match.start)
    if m is None or cues.vehicles.search(m.group("phrase")):
        return False  # "the train carrying the officials arrived": the journey's
    words = [normalize(_POSSESSIVE.sub("", w)) for w in m.group("phrase").split()[1:]]
    words = [w for w in words[:-1] if w not in cues.titles] + words[-1:]
    if words[-1] in cues.people_heads:
        words = words[-1:]  # "the Slovak officials": the noun the train is told with
    elif len(words) < 2:
        return False
    phrase = re.compile(rf"\b{re.escape(' '.join(words))}\b", re.IGNORECASE)
    clauses = [part for part in _CLAUSE_END.split(text) if cues.vehicles.search(part)]
    return bool(clauses) and not any(phrase.search(part) for part in clauses)


def _clause_start(text: str, match: Match, sentence: Sentence) -> int:
    """Where the place's clause starts: its sentence, a part of it after a semicolon, or
    the words after a dateline ("PORTO, May 2 (Wire) - A plane …")."""
    start = max(sentence.start, text.rfind(";", sentence.start, match.start) + 1)
    dateline = _DATELINE_END.search(text, start, match.start)
    return dateline.end() if dateline is not None else start


#: The end of a dateline: its bracketed outlet and a dash ("(Wire) - ").
_DATELINE_END = re.compile(r"\([^()\n]{1,40}\)\s*[-‐–—]\s+")


def _others_travel(
    text: str, start: int, match: Match, known: frozenset[str], cues: RoleCues
) -> bool:
    """Whether the clause's subject is people named by a noun (``[frames]
    other_travel_people``: "Many guests had flown into X", "A plane carrying officials
    landed at X") with a travel verb after it, none of them a traveller: the noun is not
    one the report has travel (:func:`travellers`) unless the subject puts them on another
    craft (``other_craft``: "a plane carrying"), and the subject names no traveller and no
    train ("The train carrying the officials left X" is the journey's)."""
    m = cues.other_people.match(text, start, match.start)
    if m is None:
        return False
    subject = m.group("subject")
    if m.group("noun").lower() in known and not cues.other_craft.search(subject):
        return False
    if cues.vehicles.search(subject):
        return False
    told = surnames(text)
    return all(
        _person_words(run.group(), told, cues).isdisjoint(known)
        for run in re.finditer(_NAME_RUN, subject)
    )


def _relative_traveller(
    text: str,
    start: int,
    match: Match,
    known: frozenset[str],
    gazetteer: Gazetteer,
    cues: RoleCues,
) -> bool:
    """Whether the place stands in a relative clause telling a person's movements ("…
    alongside President Petrov, who came to X from Y": ``[frames] relative_openers`` then
    a travel verb), with no comma or semicolon between, and that person is no traveller."""
    found = next(reversed(list(cues.other_relative.finditer(text, start, match.start))), None)
    if found is None or _BREAK.search(text, found.end(), match.start):
        return False
    name = found.group("name")
    person = _person_words(name, surnames(text), cues) or _unknown_word(name, gazetteer, cues)
    return bool(person) and person.isdisjoint(known)


_BREAK = re.compile(r"[,;]")


def _unknown_word(name: str, gazetteer: Gazetteer, cues: RoleCues) -> frozenset[str]:
    """A lone capitalised word that is no place, no common word, no title and none of the
    auxiliaries a travel verb may follow ("Having arrived in X" opens with no person) —
    "Petrov" — as the words of a person's name; else empty."""
    word = _POSSESSIVE.sub("", name)
    key = normalize(word)
    if " " in word or key in cues.titles or key in cues.common or key in cues.auxiliaries:
        return frozenset()
    return frozenset() if gazetteer.candidates(key) else frozenset({key})


@functools.lru_cache(maxsize=64)
def travellers(text: str, cues: RoleCues) -> frozenset[str]:
    """The name words of the people a report has travel: those named in a clause (a
    sentence, or a part of one between semicolons) with a ``[frames] traveller_vehicles``
    word ("Park's train", "Park … boarded his train"), not in a "where" or "when" clause
    after it (", where he met President Varga": Varga did not ride), and the
    ``other_travel_people`` nouns of such a clause ("took a train with 200 guests"), lower
    case."""
    told = surnames(text)
    words: set[str] = set()
    for part in _CLAUSE_END.split(text):
        vehicle = cues.vehicles.search(part) if may_hold(part, cues.vehicle_gates) else None
        if vehicle is not None:
            # "Park's train reached X, where he met President Varga": who was met is no rider
            there = cues.happened_there.search(part, vehicle.end())
            part = part[: there.start()] if there else part
            for run in re.finditer(_NAME_RUN, part):
                words |= _person_words(run.group(), told, cues)
            words.update(m.group().lower() for m in cues.people_nouns.finditer(part))
    return frozenset(words)


#: Where a sentence or a clause between semicolons ends.
_CLAUSE_END = re.compile(r"(?<=[.!?;])\s+")


def _person_words(run: str, told: frozenset[str], cues: RoleCues) -> frozenset[str]:
    """The words of a capitalised run that names a person ("Ivan Petrov", "President
    Petrov", "Park's", or a surname of ``told``: the people the report names in full, see
    :func:`routes.read.parse.people.surnames`), titles and nationality words left out;
    empty when it names none."""
    words = [normalize(_POSSESSIVE.sub("", w)) for w in run.split()]
    named = (
        words[-1] in told
        or any(w in cues.person_heads for w in words)
        or any(w in cues.titles for w in words[:-1])
    )
    return frozenset(w for w in words if w not in cues.titles) if named else frozenset()


_POSSESSIVE = re.compile(r"['’]s$")


def _before_the_past(text: str, match: Match, sentence: Sentence, cues: RoleCues) -> bool:
    """Whether a place stands before a word that opens the past its sentence's earlier year
    belongs to ("the summit on X was the first since his father's talks in 2011"): the
    place is of the journey now, only what follows that word is history."""
    return all(
        at > match.end and cues.since.search(text, match.end, at) is not None
        for at in sentence.past
    )


def _dated_apart_from_the_past(match: Match, sentence: Sentence) -> bool:
    """Whether the place's clause holds a time of now and none of the sentence's earlier
    year ("The minister, on her first visit since taking office in October, flew from X to
    Y on Monday evening": the October is another clause's)."""
    span = (sentence.start, sentence.end)
    clause = clause_span(sentence.break_starts, sentence.break_ends, span, match.start, match.end)
    inside = [t for t in sentence.times if clause[0] <= t.start < clause[1]]
    return bool(inside) and not any(t.start in sentence.past for t in inside)


def _follows_earlier(text: str, match: Match, sentence: Sentence, cues: RoleCues) -> bool:
    """Whether the place is of an earlier trip the journey is told to follow ("The trip
    comes six weeks after he went to X", ``[frames] follows_earlier``): those words stand
    before it in its sentence, and no main clause opens between ("…, and the train will
    reach Y" is of the journey again), and no weekday after the place dates it in the
    week of the report (:func:`_this_week_after`: "follows its stay in X, where it arrived
    on Tuesday" is a stop of this trip)."""
    if not _told_in_its_clause(
        text, match, sentence, cues.follows_earlier, cues.follows_earlier_gates
    ):
        return False
    return not _this_week_after(match, sentence)


def _of_another_trip(text: str, match: Match, sentence: Sentence, cues: RoleCues) -> bool:
    """Whether the place is of a trip after the one the report tells ("The train's next
    departure, on Sunday, runs the other way to X", ``[frames] another_trip``): those words
    stand before it in its sentence with no main clause opening between."""
    return _told_in_its_clause(text, match, sentence, cues.another_trip, cues.another_trip_gates)


def _told_as_a_habit(text: str, match: Match, sentence: Sentence, cues: RoleCues) -> bool:
    """Whether the place's clause tells what trains usually do ("the northbound train,
    which usually halts at X", ``[frames] habitual``): those words stand before it in its
    sentence with no main clause opening between."""
    return _told_in_its_clause(text, match, sentence, cues.habitual, cues.habitual_gates)


def _track_not_yet_there(text: str, match: Match, sentence: Sentence, cues: RoleCues) -> bool:
    """Whether the place's clause names track still to be built or opened ("The first
    section, between X and Y, could open in 2027", "a new line to X is due to be finished
    next year"): a noun of works before it in its clause (``[frames] works_noun``) and, in
    its sentence, words telling the track opens later (``works_ahead``)."""
    if not _told_in_its_clause(text, match, sentence, cues.works_noun, cues.works_gates):
        return False
    return cues.works_ahead.search(text, sentence.start, sentence.end) is not None


def _told_in_its_clause(
    text: str, match: Match, sentence: Sentence, frame: re.Pattern[str], gates: tuple[str, ...]
) -> bool:
    """Whether ``frame`` matches before the place in its sentence (``gates``: words one of
    which it holds) and no main clause (:data:`_MAIN_CLAUSE`) opens between it and the place."""
    if not gates or not may_hold(text[sentence.start : match.start], gates):
        return False
    found = list(frame.finditer(text, sentence.start, match.start))
    return bool(found) and _MAIN_CLAUSE.search(text, found[-1].end(), match.start) is None


def _this_week_after(match: Match, sentence: Sentence) -> bool:
    """Whether a current time of the sentence after the place is told by a weekday (weekdays
    resolve within the week around publication: the trip the report tells)."""
    return any(t.start >= match.end and _WEEKDAY.search(t.text) for t in sentence.current)


#: A weekday word in a time expression (the languages with ``follows_earlier`` frames).
_WEEKDAY = re.compile(rf"\b(?:{'|'.join(date_words('en').weekdays)})\b", re.IGNORECASE)


#: Where a sentence's next main clause opens: a semicolon, or a comma and a conjunction.
_MAIN_CLAUSE = re.compile(r";|,\s+(?:and|but|while|whereas)\s", re.IGNORECASE)


def _sums_up_trip(text: str, match: Match, sentence: Sentence, cues: RoleCues) -> bool:
    """Whether the place's clause sums up the whole trip ("The trip took him to X", "a
    six-day trip that took him from X", ``[frames] trip_summary``) without a day for it.

    A summary that dates its legs ("a trip that had taken him to X on Monday night and on
    to Y by Tuesday") tells them: a time after the summary's words keeps them legs.
    """
    before = text[max(sentence.start, match.start - 120) : match.start]
    head = _clause_head(before)
    if not may_hold(head, cues.trip_summary_gates):
        return False
    found = cues.trip_summary.search(head)
    if found is None:
        return False
    start = match.start - len(head) + found.start()
    return not any(t.start > start for t in sentence.current)


def _river_role(before: str, status: str, cues: RoleCues) -> str:
    """The role of a river: a stop on the way when the train crossed it ("crossed the X
    River", "crossed back over the X", "across the X to Y": ``[frames]
    river_crossed``), history when the crossing is only the reference point of a span of
    time ("a week after it crossed the X River"), else context ("along the X", "the
    X River separates …")."""
    if status not in (Status.REPORTED, Status.EXPECTED):
        return Role.CONTEXT
    if not cues.river_crossed.search(before[-_RIVER_CHARS:]):
        return Role.CONTEXT
    return Role.HISTORICAL if cues.elapsed_after.search(_clause_head(before)) else Role.VIA


#: Characters before a river's name searched for the words of crossing it.
_RIVER_CHARS = 40


def names_a_service(text: str, match: Match, sentence: Sentence, language: str = "en") -> bool:
    """Whether the place is an end of a service's name ("the Kazan-Irkutsk express",
    "the sleeper from Kazan to Irkutsk was near Omsk").

    Such a name says where the train runs, not where it is when the sentence speaks.
    """
    after = text[match.end : min(sentence.end, match.end + _AFTER_CHARS)]
    before = text[max(sentence.start, match.start - 120) : match.start]
    cues = role_cues(language)
    if _service_role(before, after, cues) is not None:
        return True
    return cues.service_phrase.search(text[sentence.start : match.start]) is not None


def left_after_event(text: str, match: Match, sentence: Sentence, language: str = "en") -> bool:
    """Whether the place is where an event stood that a departure followed ("heading home
    after the X summit", ``[frames] event_before`` and ``event_after``).

    The time of such a sentence is when the train was somewhere else, after it left X.
    """
    return _left_after_event(text, match, sentence, role_cues(language))


def journey_began(text: str, match: Match, sentence: Sentence, language: str = "en") -> bool:
    """Whether the place is where a journey the sentence names set out ("completing its
    four-day crossing from X", ``[frames] journey_from``): the time of such a sentence is
    when the journey ended or went on, not when it left X."""
    before = text[max(sentence.start, match.start - 120) : match.start]
    return role_cues(language).journey_from.search(_clause_head(before)) is not None


def heads_for(text: str, match: Match, sentence: Sentence, language: str = "en") -> bool:
    """Whether the place is only where the train is bound ("bound for X", "on its way to X",
    "for the six-day run across Mongolia to X", ``[frames] bound_for``).

    The time of such a sentence is when the train was somewhere else, not when it reached X.
    """
    before = text[max(sentence.start, match.start - 120) : match.start]
    return role_cues(language).bound_for.search(_clause_head(before)) is not None


def _status_before_negation(
    before: str, name: str, after: str, cues: RoleCues, language: str
) -> str:
    """The status of a place's clause up to a phrase that negates only what follows it.

    "ride the rails to the Hanoi summit rather than fly": Hanoi is as sure as the words
    before "rather than".
    """
    tail = after[: _own_clause_end(after)]
    cut = cues.negates_after.search(tail)
    if cut is None:
        return Status.RULED_OUT
    return status_of(_clause_head(before) + name + tail[: cut.start()], language)


def _own_clause_end(after: str) -> int:
    """Where the place's own clause ends in the words after it."""
    ends = [i for i in (after.find(","), after.find(";")) if i >= 0]
    return min(ends) if ends else len(after)


def _compares(before: str, cues: RoleCues) -> bool:
    """Whether the place's clause puts it in a comparison ("farther from X than")."""
    head = _clause_head(before, len(before))  # "shorter than the X run of … from Y to"
    return holds_any(head.lower(), cues.comparison_gates) and bool(cues.comparison.search(head))


def _clause_head(before: str, reach: int = 0) -> str:
    """The words of the place's own clause before it (up to ``reach`` characters, by default
    :data:`_PASSING_CHARS`)."""
    head = before[-(reach or _PASSING_CHARS) :]
    breaks = [m.end() for m in _CLAUSE_MARK.finditer(head)]
    return head[breaks[-1] :] if breaks else head


#: A comma or semicolon that ends a clause (not the comma of a number: "4,000 km").
_CLAUSE_MARK = re.compile(rf";|(?!{NUMBER_COMMA}),")


def _own_clause(before: str, after: str) -> str:
    """The words of the place's own clause around it (up to :data:`_PASSING_CHARS` a side)."""
    head = before[-_PASSING_CHARS:]
    tail = after[:_PASSING_CHARS]
    cut = max(head.rfind(","), head.rfind(";"))
    ends = [i for i in (tail.find(","), tail.find(";")) if i >= 0]
    return head[cut + 1 :] + " " + tail[: min(ends)] if ends else head[cut + 1 :] + " " + tail


def _service_role(before: str, after: str, cues: RoleCues) -> str | None:
    """Origin or destination from a service's name ("the Beijing-Moscow express")."""
    if cues.service_from.match(after):
        return Role.ORIGIN
    if cues.service_to_after.match(after) and _SERVICE_TO_BEFORE.search(before):
        return Role.DESTINATION
    return None


@functools.lru_cache(maxsize=MEMO_SIZE)
def _cue_role(before: str, after: str, language: str = "en") -> str | None:
    """The journey role the words around a mention give it ("left", "bound for" …).

    Cues after the place marked ``first`` ("Khasan, where it crossed") win; then the cue
    before the place that ends nearest it; then the other cues after it. Bare "from X" and
    "to X" count only in a sentence about travel: see :func:`_travel_cue`.
    """
    cues = role_cues(language)
    role = _after_role(after, cues.first_after)
    if role == Role.ORIGIN and _travel_cue(before) == Role.DESTINATION:
        return Role.VIA  # "flew from Y to X and boarded the train": a leg into it, then on
    if role:
        return role
    return cue_before(before, language) or _after_role(after, cues.last_after)


def _after_role(after: str, cues: Sequence[Cue]) -> str | None:
    """The role of the first of ``cues`` that the words after a place start with."""
    lowered = after[:80].lower()
    for cue in cues:
        if holds_any(lowered, cue.gates) and cue.pattern.match(after):
            return cue.role
    return None


@functools.lru_cache(maxsize=MEMO_SIZE)
def cue_before(before: str, language: str = "en") -> str | None:
    """The role of the last cue ("left", "bound for" …) that the words before a place end with.

    Memoised on those words alone: wire copy repeats them before many places.
    """
    cues = role_cues(language)
    before = cues.cue_adverbs.sub("", before)  # "It is then due at X": "is due at"
    lowered = before.lower()
    best: tuple[int, str] | None = None
    for cue in cues.before:
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
        return Role.ORIGIN
    if (lowered is None or "to" in lowered or "for" in lowered) and _TO.search(before):
        return Role.DESTINATION
    return None


def _is_actor(before: str, after: str, language: str = "en") -> bool:
    """Whether a capital stands for its government here.

    It does when it speaks or acts ("Seoul warned", "denials from Pyongyang",
    "accused Moscow"), that is unless a preposition of place puts something
    in it ("in Washington", "the streets of Pyongyang").
    """
    if actor_frame(before, after, language):
        return True
    if _event_after(language).match(after):
        return False  # "the chancellor's X trip", "the X summit": where it was
    return _LOCATIVE_BEFORE.search(before) is None


@functools.cache
def _event_after(language: str) -> re.Pattern[str]:
    """The ``event_after`` words of ``[frames]`` right after a place: the place names where
    a trip, visit or meeting was ("the Warsaw trip"), not its government."""
    words = lexicon_for(language).frames.get("event_after", ())
    return re.compile(rf"\s+(?:{alternation(words) or '(?!)'})", re.IGNORECASE)


@functools.lru_cache(maxsize=MEMO_SIZE)
def actor_frame(before: str, after: str, language: str = "en") -> bool:
    """Whether the words around a place are a metonymy frame ("ties with", "Moscow said").

    A frame after the place is the speaker's, not the place's, when words before it put a
    speaker there ("a diplomat in Beijing said", "travellers from X said").
    """
    cues = role_cues(language)
    after_cue, before_cue = cues.actor_after, cues.actor_before
    head = after[:60]
    if (
        after_cue is not None
        and not _speaker_there(before, cues)
        and holds_any(head.lower(), after_cue.gates)
        and after_cue.pattern.match(head)
    ):
        return True
    if before_cue is not None and holds_any(before.lower(), before_cue.gates):
        return before_cue.pattern.search(before) is not None
    return False


def _speaker_there(before: str, cues: RoleCues) -> bool:
    """Whether the words before a place put the one who speaks after it there."""
    speaker = cues.actor_speaker
    if speaker is None or not holds_any(before.lower(), speaker.gates):
        return False
    return speaker.pattern.search(before) is not None


#: A place used as an adjective ("Moscow-based officials"): never a stop.
_ATTRIBUTIVE = re.compile(
    r"^[-‐](?:based|born|backed|led|made|run|linked|friendly|style|era|funded|controlled|"
    r"allied|aligned|educated|trained)\b",
    re.IGNORECASE,
)


#: A preposition of place, maybe "the" and a word, right before a place ("in X", "the
#: streets of X"), or before a list the place ends ("went on to X and Y", "in X, Y or Z":
#: names, commas and "and"/"or").
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|to|near|outside|around|into|via|through|toward|towards|of|across|inside|"
    r"within|over|beyond|past)\s+(?:the\s+)?"
    r"(?:[\w'’-]+\s+|(?:(?-i:[A-Z])[\w'’.-]*(?:\s*,\s*|\s+)(?:(?:and|or)\s+)?){1,4})?$",
    re.IGNORECASE,
)


def _passed_in(mentions: Sequence[Mention], report_id: str) -> bool:
    """Whether a report says the train passed the place ("passed through X … did not stop")."""
    return any(
        m.report_id == report_id and m.role == Role.VIA and m.status == Status.REPORTED
        for m in mentions
    )


def place_role(mentions: Sequence[Mention], published: dict[str, tuple]) -> str:
    """The role a place's mentions add up to.

    The strongest journey role (:data:`STOP_PRIORITY`) over the current
    mentions (not historical, superseded or denied), a place both passed and
    left being a via — unless the latest of them (by published date, then
    report order, then position) rules the place out; else actor, context, and
    historical when the place is only mentioned as history.
    """
    current = [m for m in mentions if m.role != Role.HISTORICAL and m.status != Status.SUPERSEDED]
    journey = [
        m
        for m in current
        if (m.role in STOP_ROLES and m.status != Status.DENIED) or m.role == Role.RULED_OUT
    ]
    if journey:
        latest = max(journey, key=lambda m: (published[m.report_id], m.start))
        roles = {m.role for m in journey}
        if not roles & set(STOP_PRIORITY):
            return Role.RULED_OUT
        if latest.role == Role.RULED_OUT and not _passed_in(journey, latest.report_id):
            return Role.RULED_OUT
        if Role.ORIGIN in roles and Role.VIA in roles and Role.DESTINATION not in roles:
            roles.discard(Role.ORIGIN)  # left from a place it had passed: a stop on the way
        if Role.ORIGIN in roles and Role.DESTINATION in roles and Role.BORDER not in roles:
            return Role.ORIGIN  # visited and left, or left and back home: the journey starts there
        return next(role for role in STOP_PRIORITY if role in roles)
    if any(m.role == Role.ACTOR for m in current):
        return Role.ACTOR
    if any(m.role == Role.DATELINE for m in current):
        return Role.DATELINE
    if current:
        return Role.CONTEXT
    return Role.HISTORICAL if any(m.role == Role.HISTORICAL for m in mentions) else Role.CONTEXT
