"""Places referred back to rather than named: the dateline's place, and described places.

Wire copy names the place it is filed from once, in the dateline, and then refers back to
it: "PRZEMYŚL, Poland (Wire) - … the train that left this border town late on Thursday".
:func:`referred_places` makes each such reference a mention of the dateline's place, so the
role its words give ("left this border town": where the leg began) reaches the place. The
words are ``[references] dateline`` of ``routes/read/lang/en.toml``.

It then names a place once and describes it after: "… toured a factory in Beijing. The
train left the capital at about 3 p.m.". :func:`described_places` makes each such
definite description ("the capital", "the Liaoning capital", "the port city", "the launch
site") a mention of the nearest earlier named place of its kind, found in one pass over
the report's resolved places; the words and kinds are ``[[references.kinds]]``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from routes.model import Kind, Mention, Place, Role, Status
from routes.rail.geodesy import point_km
from routes.read.gazetteer import Gazetteer, normalize
from routes.read.lexicon import language_file, language_table, literal_phrase
from routes.read.parse.match import Match, new_match, readings_of
from routes.read.parse.role import actor_frame
from routes.read.parse.visits import order_words
from routes.read.parse.words import LEXICON, may_hold

#: A place found in a report with the match that names it.
Named = tuple[Match, Place]


def referred_places(text: str, matches: Sequence[Match]) -> list[Match]:
    """Mentions of the dateline's place for the references to it after the dateline ("this
    border town", "here"); none without a dateline. None overlaps ``matches`` but those it
    holds whole, names in its modifier ("this Gulf of Mexico port" holds Mexico), which
    :func:`without_names_inside` then drops."""
    dateline = next((m for m in matches if m.dateline), None)
    if dateline is None:
        return []
    taken = [(m.start, m.end) for m in matches]
    found = [
        replace(
            dateline,
            start=m.start(),
            end=m.end(),
            dateline=False,
            initial=False,
            region="",
            refers=True,
        )
        for m in _dateline_words().finditer(text, dateline.end)
    ]
    return [f for f in found if not any(_apart_across(f, s, e) for s, e in taken)]


def _apart_across(reference: Match, start: int, end: int) -> bool:
    """Whether the span ``start:end`` overlaps ``reference`` without lying inside it."""
    overlaps = start < reference.end and reference.start < end
    return overlaps and not (reference.start <= start and end <= reference.end)


def without_names_inside(names: Sequence[Match], references: Sequence[Match]) -> list[Match]:
    """``names`` but those lying inside one of ``references`` (the sea of "this Gulf of Mexico
    port" is part of the reference, no mention of its own)."""
    return [m for m in names if not any(r.start <= m.start and m.end <= r.end for r in references)]


def arrived_at_the_dateline(
    found: Sequence[tuple[Place, Mention]],
    text: str,
    language: str,
    spans: Sequence[tuple[int, int]],
) -> list[tuple[Place, Mention]]:
    """``found`` (a report's places and mentions, in text order) with the dateline's mention
    made where the train arrived when the report's first sentence tells an arrival and names
    no place it arrived at ("NIZHNY NOVGOROD … The extra train from Moscow arrived on
    Saturday at 11:20": the dateline's city; ``[references] arrived_here`` of the
    language's file, past forms only). A place after the arrival word in that sentence,
    other than where the train came from, or any destination told in it, is where it
    arrived instead ("arrived in Russia", "arrived here")."""
    at = next((i for i, (_, m) in enumerate(found) if m.role == Role.DATELINE), None)
    pattern = _arrival_words(language)
    if at is None or pattern is None:
        return list(found)
    dateline = found[at][1]
    lead = _lead_sentence(text, dateline.end, spans)
    arrived = pattern.search(text, dateline.end, lead[1])
    if arrived is None:
        return list(found)
    for _, mention in found:
        inside = lead[0] <= mention.start < lead[1] and mention is not dateline
        if inside and (
            mention.role == Role.DESTINATION
            or (mention.start >= arrived.end() and mention.role != Role.ORIGIN)
        ):
            return list(found)
    out = list(found)
    out[at] = (found[at][0], replace(dateline, role=Role.DESTINATION, status=Status.REPORTED))
    return out


#: Fewest words the first sentence of a report's body holds (a Russian dateline's date and
#: outlet, "23 августа. /Корр. Вайр/.", are sentences of their own to the splitter).
_LEAD_WORDS = 8


def _lead_sentence(text: str, after: int, spans: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """The span of the first of the report's sentences (``spans``) ending after ``after``
    that holds :data:`_LEAD_WORDS` words or more (the rest of the text when none does)."""
    for start, end in spans:
        if end > after and len(text[max(start, after) : end].split()) >= _LEAD_WORDS:
            return max(start, after), end
    return after, len(text)


@cache
def _arrival_words(language: str) -> re.Pattern[str] | None:
    """The ``[references] arrived_here`` words of ``language`` as one pattern, or None."""
    table = language_file(language).get("references", {})
    words = "|".join(literal_phrase(str(w)) for w in table.get("arrived_here", ()))
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE) if words else None


@cache
def _dateline_words() -> re.Pattern[str]:
    """The ``[references] dateline`` words as one pattern, longest first; a word of
    ``dateline_modifiers`` and a capitalised word may stand after a phrase's first word
    ("this Chinese border city", "this eastern Chinese city")."""
    table = language_table("en", "references")
    phrases = sorted(table.get("dateline", ()), key=len, reverse=True)
    modifiers = "|".join(literal_phrase(str(m)) for m in table.get("dateline_modifiers", ()))
    words = "|".join(_modified(literal_phrase(str(p)), modifiers) for p in phrases)
    return re.compile(rf"\b(?:{words or '(?!)'})\b", re.IGNORECASE)


def _modified(phrase: str, modifiers: str = "") -> str:
    """The regex of a dateline phrase of two words or more with room after its first word
    for one of ``modifiers`` (an alternation: "this eastern city"), then a capitalised name of
    up to three words, maybe joined by "of" (a demonym or a sea: "this eastern Chinese city",
    "this Black Sea resort", "this Gulf of Mexico port")."""
    first, blank, rest = phrase.partition(r"\s+")
    if not blank:
        return phrase
    modifier = rf"(?:(?:{modifiers})\s+)?" if modifiers else ""
    return rf"{first}\s+{modifier}(?:{_NAME_MODIFIER}\s+)?{rest}"


#: A capitalised name before a dateline phrase's noun ("Chinese", "Black Sea", "Gulf of Mexico").
_NAME_MODIFIER = r"(?-i:[A-ZÀ-ÖØ-Þ][\w'’-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-ZÀ-ÖØ-Þ][\w'’-]*){0,2})"


@dataclass(frozen=True)
class Description:
    """One ``[[references.kinds]]`` entry: what kinds of place its words may refer to."""

    kinds: frozenset[str]
    capital: bool = False  # only a country's capital ("the capital")
    modified: bool = False  # may carry a capitalised modifier ("the Liaoning capital")
    local: bool = False  # of the town named last: none once a town follows its place


@dataclass(frozen=True)
class _Hit:
    """A description found in the text, with the span of its modifier if any."""

    start: int
    end: int
    description: Description
    modifier: tuple[int, int] | None


class _Latest:
    """The places named so far: per description the latest that fits it and the one before
    (a different place), and capitals and cities by country."""

    def __init__(self, text: str, gazetteer: Gazetteer, descriptions: Sequence[Description]):
        self._text = text
        self._gazetteer = gazetteer
        self._descriptions = descriptions
        self.fitting: dict[Description, tuple[Named, Named | None]] = {}
        self.capitals: dict[str, Named] = {}  # by country
        self.cities: dict[str, Named] = {}  # cities and towns by country
        self.dateline_capital: Named | None = None  # the dateline's place, when a capital
        self.countries: list[tuple[int, str]] = []  # where each country was named, and which

    def add(self, named: Named) -> None:
        """Remember ``named`` as the latest of what it fits; a dateline is no place the story
        names (it is referred to as "this city" or "here": :func:`referred_places`), but a
        capital's dateline is kept for a description of its country's capital."""
        place = named[1]
        if named[0].dateline:
            if place.kind in _SETTLEMENTS and self._gazetteer.is_capital(place):
                self.dateline_capital = named
            return
        if place.kind == Kind.COUNTRY:
            self.countries.append((named[0].start, place.country))
        capital = place.kind in _SETTLEMENTS and self._gazetteer.is_capital(place)
        for description in self._descriptions:
            if place.kind in description.kinds and (capital or not description.capital):
                last = self.fitting.get(description)
                if last is None or last[0][1].id == place.id:
                    self.fitting[description] = (named, last[1] if last else None)
                else:
                    self.fitting[description] = (named, last[0])
        if place.kind in _SETTLEMENTS:
            self.cities[place.country] = named
            if capital:
                self.capitals[place.country] = named

    def referent(self, hit: _Hit, modifier: str, modifier_place: Place | None) -> Named | None:
        """The place ``hit`` refers to, if any: the latest that fits, none when another place
        that fits was named in the sentence of the latest or the one before it ("from
        Beijing to Ulaanbaatar … the capital"); with a modifier, the capital named last of
        the country it names ("the Chinese capital") or the city named last of a named
        region's country ("the Liaoning capital")."""
        if hit.modifier is None:
            latest, rival = self.fitting.get(hit.description, (None, None))
            own = self._sentence_country_capital(hit) if hit.description.capital else None
            if own is not None and (latest is None or latest[1].country != own[1].country):
                return own  # "Austria's first sleeper to Paris was to leave the capital"
            if latest is None or (rival is not None and self._near(rival, latest)):
                return None
            town = self._last_town()
            if hit.description.local and town is not None and town[0].start > latest[0].start:
                return None
            return latest
        country = LEXICON.demonyms.get(modifier.lower())
        if country:
            return self._capital(country, hit)
        if modifier_place is None:
            return None
        if modifier_place.kind == Kind.COUNTRY:
            return self._capital(modifier_place.country, hit)
        if modifier_place.kind in (Kind.REGION, Kind.AREA) and modifier_place.country:
            return self.cities.get(modifier_place.country)
        return None

    def _capital(self, country: str, hit: _Hit) -> Named | None:
        """The capital of ``country`` named last; else, as a description of ``country``'s
        capital names it outright ("arrived in the Ukrainian capital"), the gazetteer's."""
        named = self.capitals.get(country)
        if named is not None:
            return named
        place = self._gazetteer.capital_of(country)
        if place is None or not hit.description.capital:
            return None
        return new_match(hit.start, hit.end, readings_of((place,))), place

    def _sentence_country_capital(self, hit: _Hit) -> Named | None:
        """The capital of the country named last before ``hit`` in its sentence, when the
        report names it (the dateline's place included): the capital of the country the
        sentence is about, whatever other capital it names."""
        opening = self._text.rfind(". ", 0, hit.start)
        countries = [c for at, c in self.countries if opening < at < hit.start]
        if not countries:
            return None
        country = countries[-1]
        if self.dateline_capital is not None and self.dateline_capital[1].country == country:
            return self.dateline_capital
        return self.capitals.get(country)

    def _last_town(self) -> Named | None:
        """The city or town named last, if any."""
        return max(self.cities.values(), key=lambda n: n[0].start, default=None)

    def _near(self, rival: Named, latest: Named) -> bool:
        """Whether ``rival`` is named in the sentence of ``latest`` or the one before it."""
        stop = self._text.rfind(". ", 0, latest[0].start)
        before = self._text.rfind(". ", 0, stop) if stop > 0 else -1
        return rival[0].start > before


_SETTLEMENTS = (Kind.CITY, Kind.TOWN)


def described_places(text: str, named: Sequence[Named], gazetteer: Gazetteer) -> list[Named]:
    """``named`` (in text order) with a mention for each description that refers back to one
    of them ("the capital": the capital named last), in text order.

    A modifier naming a region ("the Liaoning capital") is part of the description and no
    mention of its own once the description refers to a place.
    """
    starts = [m.start for m, _ in named]
    hits = [h for h in _hits(text) if not _refers_to_nothing(text, h, named, starts)]
    if not hits:
        return list(named)
    at = {m.start: (m, p) for m, p in named}
    latest = _Latest(text, gazetteer, _description_words()[2])
    quotes = _quoted(text)
    found: list[Named] = []
    dropped: set[int] = set()
    index = 0
    for hit in hits:
        while index < len(named) and named[index][0].start < hit.start:
            latest.add(named[index])
            index += 1
        owner = _modifier_name(hit, at)
        modifier = text[hit.modifier[0] : hit.modifier[1]] if hit.modifier else ""
        referent = latest.referent(hit, modifier, owner[1] if owner else None)
        if referent is None or _quote_of(quotes, hit.start) != _quote_of(quotes, referent[0].start):
            continue
        if owner is not None:
            dropped.add(owner[0].start)
        found.append((_mention_at(referent[0], hit), referent[1]))
    kept = [n for n in named if n[0].start not in dropped]
    return sorted([*kept, *found], key=lambda n: n[0].start)


#: Most km between a facility told by its kind and the town named before it.
_FACILITY_KM = 30.0


def facilities_described(text: str, named: Sequence[Named], gazetteer: Gazetteer) -> list[Named]:
    """``named`` (in text order) with a mention for each facility told by its kind alone
    ("toured the aircraft plant", ``[[references.facilities]]``) after a town named in its
    sentence or the one before: the gazetteer's facility whose name or an alias holds one of
    the kind's names, nearest that town and within :data:`_FACILITY_KM` of it. A description
    that overlaps a name, has a name of its own after it (``[references] named_after``: "the
    aircraft works named after X") or finds no such facility is no mention."""
    pattern, names_by_word, gates = _facility_words()
    found: list[Named] = []
    matches = pattern.finditer(text) if may_hold(text, gates) else ()
    for m in matches:
        if any(match.start < m.end() and m.start() < match.end for match, _ in named):
            continue
        if _named_after().match(text, m.end()):
            continue  # "the aircraft works named after X": it has a name of its own
        town = _town_before(text, named, m.start())
        words = names_by_word[" ".join(m.group("head").lower().split())]
        place = _facility_near(gazetteer, town, words) if town is not None else None
        if place is not None:
            found.append((new_match(*m.span("head"), readings_of((place,))), place))
    return sorted([*named, *found], key=lambda n: n[0].start)


def _town_before(text: str, named: Sequence[Named], start: int) -> Place | None:
    """The city or town named last before ``start`` in its sentence or the one before."""
    stop = text.rfind(". ", 0, start)
    earliest = text.rfind(". ", 0, stop) if stop > 0 else -1
    towns = [p for m, p in named if earliest < m.start < start and p.kind in _SETTLEMENTS]
    return towns[-1] if towns else None


def _facility_near(gazetteer: Gazetteer, town: Place, names: Sequence[str]) -> Place | None:
    """The curated facility nearest ``town`` within :data:`_FACILITY_KM` whose name or an
    alias holds one of ``names``, if any."""
    keys = [normalize(name) for name in names]
    near = [
        (point_km((town.lon, town.lat), (p.lon, p.lat)), p)
        for p in gazetteer.curated_places()
        if p.kind == Kind.FACILITY
        and any(key in normalize(n) for n in (p.name, *p.aliases) for key in keys)
    ]
    near = [(km, p) for km, p in near if km <= _FACILITY_KM]
    return min(near, key=lambda pair: pair[0])[1] if near else None


@cache
def _facility_words() -> tuple[re.Pattern[str], dict[str, tuple[str, ...]], tuple[str, ...]]:
    """``[references] facility_articles`` then the words of a ``[[references.facilities]]``
    entry (group "head"), each entry's names by its words (lower case), and the first words
    of those words: a text holding none (in lower case) holds no match."""
    table = language_table("en", "references")
    names_by_word = {
        " ".join(str(word).lower().split()): tuple(str(n) for n in entry.get("names", ()))
        for entry in table.get("facilities", ())
        for word in entry.get("words", ())
    }

    def alternatives(words: Sequence[str]) -> str:
        return "|".join(literal_phrase(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"

    articles = alternatives([str(a) for a in table.get("facility_articles", ())])
    pattern = re.compile(
        rf"\b(?:{articles})\s+(?P<head>{alternatives(list(names_by_word))})\b", re.IGNORECASE
    )
    return pattern, names_by_word, tuple(sorted({w.split()[0] for w in names_by_word if w}))


def _modifier_name(hit: _Hit, at: dict[int, Named]) -> Named | None:
    """The place named as ``hit``'s modifier ("Liaoning" of "the Liaoning capital"), if any."""
    if hit.modifier is None:
        return None
    owner = at.get(hit.modifier[0])
    return owner if owner is not None and owner[0].end == hit.modifier[1] else None


def _mention_at(referent: Match, hit: _Hit) -> Match:
    """``referent``'s match moved to the description ``hit``, with nothing of its wording."""
    return replace(
        referent,
        start=hit.start,
        end=hit.end,
        role=None,
        initial=False,
        embedded=False,
        dateline=False,
        region="",
    )


def _hits(text: str) -> list[_Hit]:
    """Every description in ``text``, in text order (see ``[[references.kinds]]``)."""
    pattern, by_word, _ = _description_words()
    hits = []
    for m in pattern.finditer(text):
        description = by_word[" ".join(m.group("head").split())]
        modifier = m.span("mod") if m.group("mod") else None
        if modifier is None or description.modified:
            hits.append(_Hit(m.start(), m.end(), description, modifier))
    return hits


def _refers_to_nothing(text: str, hit: _Hit, named: Sequence[Named], starts: list[int]) -> bool:
    """Whether ``hit`` names its own place, stands beside a name, overlaps one or is a
    government ("the capital said"); ``starts``: the starts of ``named``."""
    index = bisect.bisect_left(starts, hit.start)
    for match, _ in named[max(index - 1, 0) : index + 3]:
        inside = (match.start, match.end) == hit.modifier
        if match.start < hit.end and hit.start < match.end and not inside:
            return True
        if match.end <= hit.start and _APPOSITION.fullmatch(text, match.end, hit.start):
            return True  # "X, the regional capital": the name already says it
        if hit.end <= match.start and _APPOSITION.fullmatch(text, hit.end, match.start):
            return True  # "the capital, X" / "the port X"
    if _named_after().match(text, hit.end) or _the_arrival_told(text, hit.start):
        return True
    return actor_frame(text[max(0, hit.start - 80) : hit.start], text[hit.end : hit.end + 60])


def _the_arrival_told(text: str, start: int) -> bool:
    """Whether a description at ``start`` is what opens its sentence as the arrival the
    sentence before told ("Before reaching the capital he toured X": ``[order]
    before_arrival``), which the visit order reads as that arrival, no event of its own."""
    head = text[text.rfind(". ", 0, start) + 1 : start]
    opening = order_words().before_arrival.search(head)
    return opening is not None and not head[opening.end() :].strip()


_APPOSITION = re.compile(r"\s*,?\s*")


_QUOTED = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"")


def _quoted(text: str) -> list[tuple[int, int]]:
    """The spans of the quoted passages of ``text``."""
    return [m.span() for m in _QUOTED.finditer(text)]


def _quote_of(quotes: Sequence[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The quoted passage of ``quotes`` (in text order) holding ``offset``, if any."""
    index = bisect.bisect_right(quotes, offset, key=lambda quote: quote[0]) - 1
    if index >= 0 and quotes[index][0] <= offset < quotes[index][1]:
        return quotes[index]
    return None


@cache
def _named_after() -> re.Pattern[str]:
    """``[references] named_after`` words followed by a capitalised name."""
    words = language_table("en", "references").get("named_after", ())
    joined = "|".join(literal_phrase(str(w)) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\s+(?:{joined or '(?!)'})\s+[A-Z]")


@cache
def _description_words() -> tuple[re.Pattern[str], dict[str, Description], tuple[Description, ...]]:
    """One pattern for every description, the entry each head word belongs to, and the
    entries."""
    table = language_table("en", "references")
    by_word: dict[str, Description] = {}
    descriptions: list[Description] = []
    for entry in table.get("kinds", ()):
        description = Description(
            kinds=frozenset(str(k) for k in entry.get("kinds", ())),
            capital=bool(entry.get("capital", False)),
            modified=bool(entry.get("modified", False)),
            local=bool(entry.get("local", False)),
        )
        descriptions.append(description)
        for word in entry.get("words", ()):
            by_word[" ".join(str(word).split())] = description
    heads = "|".join(literal_phrase(w) for w in sorted(by_word, key=len, reverse=True))
    articles = "|".join(literal_phrase(str(a)) for a in table.get("articles", ()))
    name = r"[A-Z][\w'’-]*"
    return (
        re.compile(
            rf"\b(?i:{articles or '(?!)'})\s+(?:(?P<mod>{name}(?:\s+{name})?)\s+)?"
            rf"(?P<head>{heads or '(?!)'})\b(?![-‐])"
        ),
        by_word,
        tuple(descriptions),
    )


def capitals_named(
    text: str, named: Sequence[Named], gazetteer: Gazetteer, language: str
) -> list[Named]:
    """``named`` (in text order) and, for each country named for its capital ("reached the
    capital of Mongolia", "в столицу Монголии", "몽골의 수도에"), a mention of that capital
    over the words and the name (``[capitals]`` of the language file), so the words around
    them give the capital its role; the country stays named too."""
    before, after = _capital_words(language)
    found: list[Named] = []
    for match, place in named:
        found.append((match, place))
        capital = gazetteer.capital_of(place.country) if place.kind == Kind.COUNTRY else None
        if capital is None:
            continue
        head = before.search(text, max(0, match.start - _CAPITAL_REACH), match.start)
        tail = after.match(text, match.end)
        if head is not None or tail is not None:
            start = head.start() if head else match.start
            end = tail.end() if tail else match.end
            found.append((new_match(start, end, readings_of((capital,))), capital))
    return sorted(found, key=lambda named_place: named_place[0].start)


#: Characters before a country's name searched for the words of its capital.
_CAPITAL_REACH = 40


@cache
def _capital_words(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The ``[capitals]`` words before a name (ending right at it) and after it (not followed
    by one of ``not_then``)."""
    table = language_file(language).get("capitals", {})

    def alternatives(key: str) -> str:
        words = sorted((str(w) for w in table.get(key, ())), key=len, reverse=True)
        return "|".join(literal_phrase(w) for w in words) or "(?!)"

    return (
        re.compile(rf"(?<!\w)(?:{alternatives('before')})\s+$", re.IGNORECASE),
        re.compile(rf"\s*(?:{alternatives('after')})(?!{alternatives('not_then')})", re.IGNORECASE),
    )
