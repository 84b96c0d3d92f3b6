"""Pass 2, resolve: which place a candidate means, or that it is probably not a place."""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence

from pyproj import Geod

from routes.model import POINT_KINDS, Kind, Place
from routes.rail.borders import km_to_border
from routes.read.crossings import load_crossings
from routes.read.gazetteer import normalize
from routes.read.parse.match import MIN_POPULATION, Match
from routes.read.parse.words import COMMON_WORDS, LEXICON


def context_countries(matches: Sequence[Match], demonyms: set[str], text: str = "") -> Counter[str]:
    """How often each country is pointed at: named countries, places, nationality words.

    Each name counts once for the country of its default reading (curated
    first, then countries, then the most populous GeoNames place of 100,000 or
    more); nationality words count as if said a hundred times; a country small towns of
    several names lie close together in counts once more (:func:`clustered_countries`).
    """
    counts: Counter[str] = Counter({code: 100 for code in demonyms if code})
    named: set[str] = set()  # each name once: a name said thrice points at its country once
    for match in matches:
        place = match.default
        if match.sides:
            continue  # "the Korean border": its first crossing is no country of the report
        if place is not None and place.id not in named:
            named.add(place.id)
            counts[place.country] += 1
    for country in clustered_countries(matches, text):
        counts[country] += 1
    counts.pop("", None)
    return counts


#: Readings of names this close (km) in one country point at it together …
CLUSTER_KM = 300.0
#: … when at least this many names have one (two could be chance: a name shared by a dozen
#: towns the world over has one near almost any other).
CLUSTER_NAMES = 3


def clustered_countries(matches: Sequence[Match], text: str = "") -> set[str]:
    """Countries in which towns of :data:`CLUSTER_NAMES` or more names with no reading to go
    by (no default reading: small GeoNames towns only, no common word of ``text``, no
    reference to the dateline) each lie within :data:`CLUSTER_KM` of a town of another of
    them: "left Jasper for Smithers, calling at McBride" names three small towns of British
    Columbia, and towns of one line together point at their country as a city of it would.
    Namesakes scattered over a large country seldom fall so close."""
    by_country: dict[str, dict[frozenset[str], list[Place]]] = {}
    for match in matches:
        if match.default is not None or match.embedded or match.sides or match.refers:
            continue
        if text and normalize(text[match.start : match.end]) in COMMON_WORDS:
            continue
        name = frozenset(p.id for p in match.candidates)
        for place in match.candidates:
            if place.kind in (Kind.CITY, Kind.TOWN) and place.country:
                by_country.setdefault(place.country, {}).setdefault(name, []).append(place)
    return {
        country
        for country, names in by_country.items()
        if len(names) >= CLUSTER_NAMES and _clustered(list(names.values())) >= CLUSTER_NAMES
    }


def _clustered(names: Sequence[Sequence[Place]]) -> int:
    """How many of ``names`` (each its readings) have a reading within :data:`CLUSTER_KM` of
    a reading of another."""
    near: set[int] = set()
    for a, b in itertools.combinations(range(len(names)), 2):
        if min(_kms_to_nearest(names[a], names[b])) <= CLUSTER_KM:
            near.update((a, b))
    return len(near)


def resolve_place(
    match: Match,
    counts: Counter[str],
    text: str,
    lowered: LowerWords,
    capital: Callable[[str, str], bool] = lambda _key, _country: False,
) -> Place | None:
    """The place a match most likely means, or None when it is probably not a place
    (:func:`read_place`; a small town out of context is None too)."""
    place, small = read_place(match, counts, text, lowered, capital)
    return None if small else place


def _by_another_name(place: Place, text: str, match: Match) -> bool:
    """Whether ``match`` writes ``place`` by one of its other names, not its own: inside a
    longer name nobody knows ("said their guide, Hassan Omar": "Hassan" is another name of
    a curated border station, and here a man's) such a name is part of that name, not the
    place."""
    return normalize(text[match.start : match.end]) != normalize(place.name)


def read_place(
    match: Match,
    counts: Counter[str],
    text: str,
    lowered: LowerWords,
    capital: Callable[[str, str], bool] = lambda _key, _country: False,
) -> tuple[Place | None, bool]:
    """The place a match most likely means (None when it is probably not a place), and
    whether it is a small GeoNames town in no country the report points at: such a town is
    only taken beside a place the report names without doubt (:func:`choose_namesakes`).

    The countries the rest of the report points at decide first (Loreto beside Italy is
    the Italian town, however much bigger the Mexican one), then a curated place beats a
    GeoNames one, then population.  A GeoNames-only reading must look like a proper name: not a
    common word, an acronym or part of a longer unknown name, and big enough or
    in a country the report is about (or written as the name of its country's capital:
    ``capital(key, country)``; "Vatican City", "Ulaanbaatar" are known as their country
    is); a one-word other name of a town ("Angara" for Ankara) needs that country too, not
    its own name written without its stroked letters ("Lodz" for Łódź, :func:`_plain`).
    """
    own = match.default
    own_country = own.country if own is not None else None
    candidates = match.candidates
    if len(candidates) == 1:
        best = candidates[0]
    else:  # the first ranked reading in context (of any size), else the first
        key = normalize(text[match.start : match.end])
        best = _own_named_first(match, key)
        for place, _plausible in match.ranked:  # a small reading counts in a named country
            if not in_context(place.country, counts, own_country):
                continue
            if comparable(place, _rival_population(place, candidates, key)):
                best = place
                break
    if best.curated:
        return (None if match.embedded and _by_another_name(best, text, match) else best), False
    if best.kind == Kind.COUNTRY:
        return (None if match.embedded else best), False
    surface = text[match.start : match.end]
    key = normalize(surface)
    single = " " not in key
    near = (
        in_context(best.country, counts, own_country)
        or capital(key, best.country)
        or _named_as_its_country(match, best, key)
    )
    acronym = not match.dateline and _ACRONYM.search(surface)  # datelines are in capitals
    if match.embedded or key in COMMON_WORDS or acronym or _generic_region(best, key):
        return None, False
    written_lower = match.cased and key in lowered
    if single and (written_lower or (not near and _plain(normalize(best.name)) != _plain(key))):
        return None, False
    if match.initial and single and not near and best.population < 1_000_000:
        return None, False
    return best, not near and best.population < MIN_POPULATION


def _own_named_first(match: Match, key: str) -> Place:
    """The first ranked reading of ``match``, or the first that bears ``key`` as its own name
    when the first bears it only as another name: instead of a country so called ("us" of
    a lower-case report is no United States), or of a place it has at least
    :data:`CONTEXT_POPULATION_SHARE` of the people of ("Venice": the Italian town, not
    Dayton, which GeoNames also calls so; but "St Petersburg" is still Russia's, not the
    Florida city written so). Another curated first reading stands ("Vostochny" is the
    cosmodrome), and a country so named does not displace a place of its own ("the
    Vatican" is Vatican City)."""
    first = match.ranked[0][0]
    own = next(iter(_own_named((p for p, _ok in match.ranked), key)), first)
    if own is first or (own.kind == Kind.COUNTRY and first.country == own.country):
        return first
    if first.kind == Kind.COUNTRY:
        return own
    return first if first.curated or not comparable(own, first.population) else own


def _generic_region(place: Place, key: str) -> bool:
    """Whether a GeoNames region is named only in common words ("Central", "North-West",
    "Free State"): such words in a report point somewhere, they name no region."""
    return place.kind == Kind.REGION and all(word in COMMON_WORDS for word in key.split())


#: Letters that Unicode does not decompose into a plain letter and an accent ("Łódź" is
#: written "Lodz" in English copy), with the plain letters they are written as.
_PLAIN_LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "ŧ": "t"})


def _plain(key: str) -> str:
    """``key`` (a :func:`normalize` key) with the letters of :data:`_PLAIN_LETTERS` made plain:
    the spelling of a name in English copy ("łodz" → "lodz")."""
    return key.translate(_PLAIN_LETTERS)


def _named_as_its_country(match: Match, place: Place, key: str) -> bool:
    """Whether ``place`` is written as the name of its country, a reading of the same
    name ("the Vatican": the city-state's city, which ranks before its country)."""
    return any(
        p.kind == Kind.COUNTRY and p.country == place.country and normalize(p.name) == key
        for p in match.candidates
    )


#: A namesake in a country the report points at wins only when it has at least this share
#: of the largest reading's people: "Moscow" beside "Washington" is still Russia's capital,
#: not Moscow, Idaho.
CONTEXT_POPULATION_SHARE = 0.1


def _rival_population(place: Place, candidates: Sequence[Place], key: str) -> int:
    """People of the largest reading a reading in context must stand beside to win: of the
    readings bearing the name as their own when ``place`` does (a town called "Broken Hill"
    is not outweighed by a city once known by that name), else of them all; a region counts
    beside regions only (Loreto beside Italy is the town, not Peru's Loreto region)."""
    if place.curated or place.kind == Kind.COUNTRY:
        return 0
    if place.kind != Kind.REGION:  # a region's people are its towns': they outweigh no town
        candidates = [p for p in candidates if p.kind != Kind.REGION] or [place]
    own = [p.population for p in _own_named(candidates, key)]
    return (
        max(own) if own and normalize(place.name) == key else max(p.population for p in candidates)
    )


def _own_named(places: Iterable[Place], key: str) -> list[Place]:
    """Those of ``places`` (in their order) that bear ``key`` (a :func:`normalize` key) as
    their own name, not only as another name of theirs."""
    return [p for p in places if normalize(p.name) == key]


def comparable(place: Place, largest: int) -> bool:
    """Whether ``place`` is big enough beside the largest reading for context to choose it."""
    if place.curated or place.kind == Kind.COUNTRY:
        return True
    return place.population >= CONTEXT_POPULATION_SHARE * largest


def in_context(country: str, counts: Counter[str], own_country: str | None) -> bool:
    """Whether the rest of the report (the match's own default reading aside) points at it."""
    return counts.get(country, 0) - (1 if own_country == country else 0) > 0


_ACRONYM = re.compile(r"\b[A-Z]{2,}\b")


def needs_common_check(match: Match) -> bool:
    """Whether resolving ``match`` may need the report's lower-case words."""
    return match.global_only


class LowerWords:
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


def region_place(place: Place | None) -> Place | None:
    """The region named after ``place`` ("the Irkutsk region" → Irkutsk Region).

    A region or country reading stands as it is. A city of :data:`FAR_POPULATION` or more
    gives a region of its country with the city as its label point (such a region is
    named after its capital); a smaller town gives nothing: it is not what "the region"
    means.
    """
    if place is None or place.kind not in POINT_KINDS:
        return place
    if place.population < FAR_POPULATION and not place.curated:
        return None
    return Place(
        id=f"region:{place.id}",
        name=f"{place.name} region",
        kind=Kind.REGION,
        lat=place.lat,
        lon=place.lon,
        country=place.country,
        curated=place.curated,
        source=f"the region named after {place.name}; label point at the city",
    )


#: A GeoNames-only town smaller than :data:`FAR_POPULATION` more than this far from every
#: other place the report locates is a namesake of nothing in the story: dropped.
FAR_KM = 1500.0
#: Farthest a small town in no country the report points at may lie from a place read
#: without doubt to be taken as the one meant.
SMALL_TOWN_BESIDE_KM = 50.0
#: Farthest such a town may lie from a place of its own country the report names (two
#: stops of one line: "call at Brig and Andermatt", 56 km apart).
SMALL_TOWN_SAME_COUNTRY_KM = 150.0
FAR_POPULATION = 100_000
#: How near a known border crossing a "border town" reading must lie to be preferred.
BORDER_TOWN_KM = 60.0
#: A word beside a name that makes it a border town (``[borders] town_words``).
_BORDER_WORD = re.compile(
    r"\b(?:" + ("|".join(map(re.escape, LEXICON.border_town_words)) or "(?!)") + r")\b",
    re.IGNORECASE,
)
#: How near an international border line a "border town" reading must lie to be preferred.
BORDER_LINE_KM = 10.0
_GEOD = Geod(ellps="WGS84")


def choose_namesakes(
    resolved: Sequence[tuple[Match, Place | None]],
    counts: Counter[str],
    text: str,
    small: Mapping[int, Place] | None = None,
    is_capital: Callable[[Place], bool] = lambda _place: False,
) -> Iterator[tuple[Match, Place]]:
    """The places of ``resolved`` with namesakes chosen by where the journey is.

    ``small``: for a match left unresolved (None) because it read as a small town in no
    country the report points at, that town (by the match's id): it is taken when it lies
    within :data:`SMALL_TOWN_BESIDE_KM` of another point place the report names ("from
    Brest into X": the small town across the border).

    Anchors are the point places read without doubt (curated under a name no other curated
    place shares, a name with one reading, or the largest reading of a name in a country
    the report points at). A name shared by curated places of one kind
    (a "Friendship Bridge" over each of two border rivers) is the one nearest an anchor.
    Of several GeoNames readings of a name in the country the context chose, the one near a
    border crossing wins when the words beside it speak of a border ("the border town of
    Pingxiang"), else the one nearest an anchor; a small GeoNames-only town far from every
    anchor is dropped, and a reading more than :data:`UNKNOWN_NAMESAKE_KM` from every anchor
    whose name other plausible places share (no capital: ``is_capital``) gives way to the
    nearest of those within it, or to none (:func:`_far_namesake`). A described
    crossing ("the Chinese border") is the one whose other side the report points at.
    """
    anchors = list(
        {
            place.id: place
            for match, place in resolved
            if place is not None
            and place.kind in POINT_KINDS
            and (
                len(match.candidates) == 1
                or (place.curated and not _curated_namesakes(match, place))
                or _largest_in_context(match, place, counts, text)
            )
            and not match.sides
        }.values()
    )  # each anchor once: distances go to the nearest, however often it is named
    beside = _beside_next(resolved, text)
    resolved = _as_qualified(resolved, text)
    qualified = _qualified(resolved, text)
    named = set(counts)  # the countries a reading far off may give way to one of
    main = counts.most_common(1)[0][0] if counts else ""
    for match, place in resolved:
        if match.sides:
            yield match, _crossing_by_context(match, counts)
            continue
        if place is not None and place.curated and place.kind in POINT_KINDS:
            chosen = _curated_reading(match, place, anchors)
            if chosen is not None:
                yield match, chosen
            continue
        if place is None and small and id(match) in small:
            if _beside_a_named_place(small[id(match)], resolved, small):
                yield match, small[id(match)]
            continue
        if place is None or place.curated or place.kind not in POINT_KINDS:
            if place is not None:
                yield match, place
            continue
        sure = _largest_in_context(match, place, counts, text)
        chosen = _nearest_reading(
            match,
            place,
            anchors,
            text,
            is_capital,
            sure=sure,
            countries=() if id(match) in qualified else named,
            main="" if id(match) in qualified else main,
        )
        if chosen is not None and id(match) in beside:
            chosen = _reading_beside(match, chosen, beside[id(match)])
        if chosen is not None:
            yield match, chosen


def _beside_a_named_place(
    town: Place, resolved: Sequence[tuple[Match, Place | None]], small: Mapping[int, Place]
) -> bool:
    """Whether ``town`` lies within :data:`SMALL_TOWN_BESIDE_KM` of another point place of
    ``resolved`` or another small town of ``small`` (the two towns of a crossing), or within
    :data:`SMALL_TOWN_SAME_COUNTRY_KM` of a named one of its own country."""
    named = [p for _, p in resolved if p is not None and p.kind in POINT_KINDS]
    others = [p for p in (*named, *small.values()) if p.id != town.id]
    if not others:
        return False
    if _km_to_nearest(town, others) <= SMALL_TOWN_BESIDE_KM:
        return True
    compatriots = [p for p in named if p.id != town.id and p.country == town.country]
    return bool(compatriots) and _km_to_nearest(town, compatriots) <= SMALL_TOWN_SAME_COUNTRY_KM


def _largest_in_context(match: Match, place: Place, counts: Counter[str], text: str) -> bool:
    """Whether ``place`` is both the most populous reading of its name and in a country the
    rest of the report points at (Sydney beside Australia): read without doubt, as a name
    with one reading is. Of the readings bearing the name written as their own, when one
    does and is not dwarfed by the largest ("Venice": the Italian town and two American
    ones, not Dayton, which GeoNames also calls so; but "Hanover" is Hannover, whose English
    name it is)."""
    own_country = match.default.country if match.default is not None else None
    key = normalize(text[match.start : match.end])
    largest = max(match.candidates, key=lambda p: p.population)
    own = _own_named(match.candidates, key)
    largest_own = max(own, key=lambda p: p.population) if own else None
    if largest_own is not None and comparable(largest_own, largest.population):
        largest = largest_own  # not when an exonym's city dwarfs them: "Hanover" in
        # Germany is Hannover, not a Hanover of the United States
    return place is largest and in_context(place.country, counts, own_country)


def _curated_namesakes(match: Match, place: Place) -> list[Place]:
    """The other curated readings of ``match`` of ``place``'s kind (places sharing its name)."""
    return [p for p in match.candidates if p.curated and p.kind == place.kind and p.id != place.id]


def _curated_reading(match: Match, place: Place, anchors: Sequence[Place]) -> Place | None:
    """Of the curated places of one kind sharing the match's name, the one nearest an anchor;
    None when even that one lies farther than :data:`UNKNOWN_NAMESAKE_KM` from every anchor
    (the "Friendship Bridge" of a report on Bangkok is none of the Korean border's).

    ``place`` (the first in the gazetteer's order) stands when the name is its own alone or
    the report has no anchor to measure from.
    """
    readings = [place, *_curated_namesakes(match, place)]
    if len(readings) == 1:
        return place
    ids = {p.id for p in readings}
    others = [a for a in anchors if a.id not in ids]
    if not others:
        return place
    km = _kms_to_nearest(readings, others)
    if min(km) > UNKNOWN_NAMESAKE_KM:
        return None
    return readings[km.index(min(km))]


#: Farthest a place told as beside another ("X outside Y") may lie from it.
BESIDE_KM = 150.0
_BESIDE_WORDS = LEXICON.frames.get("beside_next", ())
#: Words that are no part of what a place is told as beside another (``[frames]
#: beside_not``: a past "was": "the train to X was near Y" tells where something moving was).
_NOT_BESIDE = "|".join(map(re.escape, LEXICON.frames.get("beside_not", ()))) or "(?!)"
#: At most two lower-case words of what it is ("military garrison"), none of those.
_BESIDE = re.compile(
    rf",?\s+(?:(?!(?:{_NOT_BESIDE})\b)[a-z][\w-]*\s+){{0,2}}(?:"
    + ("|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _BESIDE_WORDS) or "(?!)")
    + r")\s+(?:the\s+)?",
)


def _as_qualified(
    resolved: Sequence[tuple[Match, Place | None]], text: str
) -> list[tuple[Match, Place | None]]:
    """``resolved`` with each GeoNames name written with its region or country right after a
    comma read in that country ("Trinidad, Colorado": the Colorado town, not Bolivia's
    larger one): of its readings there, the one nearest the region's point."""
    out = list(resolved)
    for i, ((match, place), (after, region)) in enumerate(itertools.pairwise(resolved)):
        if (
            place is None
            or place.curated
            or region is None
            or region.kind not in (Kind.REGION, Kind.COUNTRY)
            or region.country == place.country
            or not _COMMA.fullmatch(text, match.end, after.start)
        ):
            continue
        there = [
            p for p, _ in match.ranked if p.kind in POINT_KINDS and p.country == region.country
        ]
        if there:
            out[i] = (match, min(there, key=lambda p: _km_to_nearest(p, (region,))))
    return out


def _qualified(resolved: Sequence[tuple[Match, Place | None]], text: str) -> set[int]:
    """Ids of the matches written with their region or country right after a comma
    ("Newcastle, New South Wales"): the writer chose the reading, nearness does not."""
    return {
        id(match)
        for (match, place), (after, region) in itertools.pairwise(resolved)
        if place is not None
        and region is not None
        and region.kind in (Kind.REGION, Kind.COUNTRY)
        and region.country == place.country
        and _COMMA.fullmatch(text, match.end, after.start)
    }


#: A comma between a place and its region.
_COMMA = re.compile(r",\s*")


def _beside_next(resolved: Sequence[tuple[Match, Place | None]], text: str) -> dict[int, Place]:
    """For each match told as beside the place named right after it ("the X garrison
    outside Y", ``beside_next`` of ``[frames]``), that place (by the match's id)."""
    located = [(m, p) for m, p in resolved if p is not None and p.kind in POINT_KINDS]
    beside: dict[int, Place] = {}
    for (match, _), (after, place) in itertools.pairwise(located):
        if _BESIDE.fullmatch(text, match.end, after.start):
            beside[id(match)] = place
    return beside


def _reading_beside(match: Match, chosen: Place, other: Place) -> Place | None:
    """The reading of a GeoNames name within :data:`BESIDE_KM` of the place it is told as
    beside: ``chosen`` if it is, else the nearest plausible reading that is, else None
    (the place meant is one the gazetteer does not hold)."""
    readings = [chosen, *(p for p, ok in match.ranked if ok and p.kind in POINT_KINDS)]
    km = _kms_to_nearest(readings, (other,))
    near = [p for p, d in zip(readings, km, strict=True) if d <= BESIDE_KM]
    return near[0] if near else None


def _crossing_by_context(match: Match, counts: Counter[str]) -> Place:
    """Of a described border's crossings, the one whose other country the report names most."""
    best = max(range(len(match.candidates)), key=lambda i: (counts.get(match.sides[i], 0), -i))
    return match.candidates[best]


def _nearest_reading(
    match: Match,
    place: Place,
    anchors: Sequence[Place],
    text: str,
    is_capital: Callable[[Place], bool] = lambda _place: False,
    *,
    sure: bool = False,
    countries: Collection[str] = (),
    main: str = "",
) -> Place | None:
    """The reading of a GeoNames name that fits the journey best, or None (see above);
    ``main``: the country the report points at most, where a small reading beside the
    journey may stand for a larger one far off (:func:`_small_reading_beside`);
    ``sure``: the name's largest reading, in a country the report points at, is never
    dropped for lying far from the rest (a long journey: Magadan 2,000 km from the towns
    either side of it, Vancouver 3,300 km from Toronto). A reading far from the rest gives
    way to one beside it in another country the report points at (``countries``,
    :func:`_beside_in_another_country`)."""
    others = [a for a in anchors if a.id != place.id]
    readings = [
        p
        for p, plausible in match.ranked
        if plausible and p.kind in POINT_KINDS and p.country == place.country
    ]
    window = text[max(0, match.start - 40) : match.end + 40]
    if _BORDER_WORD.search(window):
        near_border = _reading_at_a_border(match, place)
        if near_border is not None:
            return near_border
    if len(readings) > 1 and others:
        place = _likeliest_near(readings, others, normalize(text[match.start : match.end]))
    if others:
        place = _small_reading_beside(match, place, others, main) or place
        place = _beside_in_another_country(match, place, others, countries) or place
    far = others and _km_to_nearest(place, others) > FAR_KM
    if far and place.population < FAR_POPULATION and not (sure and len(match.candidates) == 1):
        return None
    return _far_namesake(match, place, others, is_capital, sure=sure) if others else place


#: Farther than this from every place the report names, a name shared by other plausible
#: places is none of the gazetteer's readings.
UNKNOWN_NAMESAKE_KM = 3000.0


def _far_namesake(
    match: Match,
    place: Place,
    anchors: Sequence[Place],
    is_capital: Callable[[Place], bool],
    *,
    sure: bool = False,
) -> Place | None:
    """``place``, or, when it (a GeoNames reading, no capital: ``is_capital``) lies farther
    than :data:`UNKNOWN_NAMESAKE_KM` from every anchor while other plausible places share its
    name, the nearest of those within that distance, else None: the place meant is then one
    the gazetteer lacks ("the Kent coast" beside London and Folkestone is no city in
    Washington state); but with no reading nearer, a ``sure`` one (the largest, in a country
    the report points at) stands: Vancouver 3,300 km from Toronto on a Canadian journey."""
    if place.curated or place.kind not in POINT_KINDS or is_capital(place):
        return place
    rivals = [
        p
        for p, plausible in match.ranked
        if plausible and p.id != place.id and p.kind in POINT_KINDS
    ]
    if not rivals or _km_to_nearest(place, anchors) <= UNKNOWN_NAMESAKE_KM:
        return place
    rival, km = _nearest_to(rivals, anchors)
    if km <= UNKNOWN_NAMESAKE_KM:
        # a world city stands beside a small namesake nearer the rest ("students from
        # Manchester, Lagos and Seoul": Nigeria's Lagos, not the Portuguese town)
        return rival if comparable(rival, place.population) else place
    return place if sure else None  # no nearer reading: the largest in context stands


def _beside_in_another_country(
    match: Match, place: Place, anchors: Sequence[Place], countries: Collection[str]
) -> Place | None:
    """The plausible reading of ``match`` nearest the anchors, in another country the report
    points at (``countries``), when ``place`` lies farther than :data:`NAMESAKE_NEAR_KM` from
    every anchor and that reading within it: "call at York and Newcastle" in a report that
    also names New South Wales is Newcastle upon Tyne, not the Australian city; None
    otherwise (St Petersburg beside Moscow stays the Russian city, whatever else is named;
    Lagos stays the city of 15 million beside a Portuguese town of 33,000 nearer: the
    rival must be comparable in size)."""
    rivals = [
        p
        for p, plausible in match.ranked
        if plausible
        and p.kind in POINT_KINDS
        and p.country != place.country
        and p.country in countries
    ]
    if not rivals or _km_to_nearest(place, anchors) <= NAMESAKE_NEAR_KM:
        return None
    rival, km = _nearest_to(rivals, anchors)
    return rival if km <= NAMESAKE_NEAR_KM and comparable(rival, place.population) else None


def _nearest_to(readings: Sequence[Place], anchors: Sequence[Place]) -> tuple[Place, float]:
    """The reading nearest an anchor (the first of a tie) and its geodesic km to it."""
    km = _kms_to_nearest(readings, anchors)
    nearest = min(range(len(readings)), key=km.__getitem__)
    return readings[nearest], km[nearest]


def _small_reading_beside(
    match: Match, place: Place, anchors: Sequence[Place], main: str = ""
) -> Place | None:
    """A reading of ``match`` too small to be plausible alone that lies within
    :data:`SMALL_TOWN_BESIDE_KM` of an anchor, in ``place``'s country or in ``main``, the
    country the report points at most, when ``place`` lies farther than
    :data:`NAMESAKE_NEAR_KM` from every anchor: the small town beside the journey ("crossed
    from Manpo to Ji'an"; "at Raton and, earlier, at Trinidad" on a run through Colorado,
    not Bolivia's larger Trinidad), not the namesake far off; None otherwise."""
    if _km_to_nearest(place, anchors) <= NAMESAKE_NEAR_KM:
        return None
    small = [
        p
        for p, plausible in match.ranked
        if not plausible and p.kind in POINT_KINDS and p.country in (place.country, main)
    ]
    near = [p for p in small if _km_to_nearest(p, anchors) <= SMALL_TOWN_BESIDE_KM]
    return near[0] if near else None


def _reading_at_a_border(match: Match, place: Place) -> Place | None:
    """The first reading of ``match`` in ``place``'s country that lies at a border, however
    small: within :data:`BORDER_TOWN_KM` of a known crossing or :data:`BORDER_LINE_KM` of a
    national border line ("the crossing at Ji'an": the town on the Yalu, not the city of the
    same name in Jiangxi); None when no reading does."""
    readings = [p for p, _ in match.ranked if p.kind in POINT_KINDS and p.country == place.country]
    for reading in readings:
        if (
            _km_to_crossing(reading) <= BORDER_TOWN_KM
            or km_to_border(reading.lon, reading.lat) <= BORDER_LINE_KM
        ):
            return reading
    return None


#: Farthest a namesake may lie from the nearest anchor for nearness to choose it; beyond,
#: every reading is as far off and the likeliest (largest) one stands.
NAMESAKE_NEAR_KM = 400.0
#: Readings at most twice as far from an anchor as the nearest, or this much farther,
#: count as near as it (an anchor is only one point of a long line).
NAMESAKE_SLACK_KM = 30.0


def _likeliest_near(readings: Sequence[Place], anchors: Sequence[Place], key: str = "") -> Place:
    """The likeliest of ``readings`` among those nearest the anchors.

    Nearness decides only where it tells the readings apart: those at most twice as far
    as the nearest (or :data:`NAMESAKE_SLACK_KM` farther) are as near, and when even the
    nearest lies beyond :data:`NAMESAKE_NEAR_KM` all are; then a reading whose own name is
    the one written (``key``, normalised) beats one that only has it as another name (the
    Listvyanka on Baikal, not a bigger Listvyanskiy), and among those the first (the
    largest) wins: the Kirov on the Vyatka beside the small one near Moscow, but the
    Pingxiang at the Vietnamese border near Nanning, not the bigger one in Jiangxi.
    """
    km = _kms_to_nearest(readings, anchors)
    nearest = min(km)
    limit = max(2 * nearest, nearest + NAMESAKE_SLACK_KM)
    near = [
        p for p, d in zip(readings, km, strict=True) if nearest > NAMESAKE_NEAR_KM or d <= limit
    ]
    own = [p for p in near if normalize(p.name) == key]
    return (own or near)[0]


def _km_to_nearest(place: Place, others: Sequence[Place]) -> float:
    """Geodesic km from ``place`` to the nearest of ``others``."""
    return _kms_to_nearest((place,), others)[0]


def _kms_to_nearest(places: Sequence[Place], others: Sequence[Place]) -> list[float]:
    """Geodesic km from each of ``places`` to the nearest of ``others`` (one geodesic call)."""
    n = len(others)
    _, _, metres = _GEOD.inv(
        [p.lon for p in places for _ in range(n)],
        [p.lat for p in places for _ in range(n)],
        [o.lon for o in others] * len(places),
        [o.lat for o in others] * len(places),
    )
    return [min(metres[i * n : (i + 1) * n]) / 1000.0 for i in range(len(places))]


def _km_to_crossing(place: Place) -> float:
    """Geodesic km from ``place`` to the nearest border crossing of ``geodata/crossings.json``."""
    return _crossing_km(place.lon, place.lat)


@functools.lru_cache(maxsize=4096)
def _crossing_km(lon: float, lat: float) -> float:
    """Geodesic km from a point to the nearest border crossing (the crossings never change)."""
    points = _crossing_points()
    if not points:
        return float("inf")
    spot = Place(id="", name="", kind=Kind.TOWN, lat=lat, lon=lon, country="")
    return _km_to_nearest(spot, points)


@functools.cache
def _crossing_points() -> tuple[Place, ...]:
    """The crossings' own points (no gazetteer needed for their coordinates)."""
    return tuple(c.place for c in load_crossings(lambda _id: None))
