"""Score the reader's journeys against the development set's gold, by place on the ground.

Gold places carry coordinates, not gazetteer ids, so the set stays valid as the
gazetteer grows: a found place matches a gold place of the same report when they lie
within :data:`MATCH_KM` of each other (countries and regions: same country and kind
family). Four figures, the ones a newsroom asks of a map:

- **recall** and **precision** of located places (micro-averaged over reports);
- **visit order**: share of reports with two or more gold visits whose found stops, in
  route order, are exactly the gold visits (each place once, at its first visit, on both
  sides: a return visit neither counts nor costs here; the series score follows it);
- **denied kept off**: share of gold places the report denies or only speculates about
  that the journey does not make a stop.

A day-by-day series is built as one journey and scored against its single itinerary
(:func:`score_series`): the share of its places that are stops, and how much of the
itinerary, repeat visits included, the stops follow in order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from pyproj import Geod

from routes.evaluate.devset import DEV_STOP_ROLES, DevReport, GoldPlace, ItineraryStop, Series
from routes.model import AREA_KINDS, Journey, Kind, Place, Status
from routes.read.parse.words import normalize

#: Largest distance between a found and a gold point that are the same place.
MATCH_KM = 25.0
#: Largest distance between the points of two areas with no shared country (seas, rivers).
AREA_MATCH_KM = 500.0
#: Gold kinds that are areas: matched by country, not distance.
#: Gold kinds scored as areas; "sea" is a kind of the development set only.
_GOLD_AREAS = frozenset({Kind.REGION, Kind.COUNTRY, "sea", Kind.RIVER})
_GEOD = Geod(ellps="WGS84")


@dataclass(frozen=True)
class ReportScore:
    """What one report's journey got right and wrong."""

    report_id: str
    matched: int
    found: int
    gold: int
    order_checked: bool
    order_right: bool
    denied: int
    denied_kept_off: int
    missed: tuple[str, ...]
    wrong: tuple[str, ...]
    #: Gold visits (repeats included), and how many of them the stops follow in order (the
    #: longest common subsequence): partial credit the all-or-nothing order leaves out.
    visits: int = 0
    visits_in_order: int = 0


@dataclass(frozen=True)
class SetScore:
    """Totals over a set of reports."""

    reports: tuple[ReportScore, ...]

    @property
    def recall(self) -> float:
        """Share of gold places found."""
        gold = sum(r.gold for r in self.reports)
        return sum(r.matched for r in self.reports) / gold if gold else 1.0

    @property
    def precision(self) -> float:
        """Share of found places that are gold places."""
        found = sum(r.found for r in self.reports)
        return sum(r.matched for r in self.reports) / found if found else 1.0

    @property
    def order_accuracy(self) -> float:
        """Share of multi-stop reports whose stops come out in the gold travel order."""
        checked = [r for r in self.reports if r.order_checked]
        return sum(r.order_right for r in checked) / len(checked) if checked else 1.0

    @property
    def visits_in_order(self) -> float:
        """Share of gold visits (repeats included) that the stops follow in order, over all
        reports: a route right but for one stop missed counts nearly whole."""
        visits = sum(r.visits for r in self.reports)
        return sum(r.visits_in_order for r in self.reports) / visits if visits else 1.0

    @property
    def denied_kept_off(self) -> float:
        """Share of denied or speculative gold places that did not become stops."""
        denied = sum(r.denied for r in self.reports)
        return sum(r.denied_kept_off for r in self.reports) / denied if denied else 1.0


def score_report(case: DevReport, journey: Journey) -> ReportScore:
    """Compare the journey built from ``case.report`` with its gold.

    Parameters
    ----------
    case
        One development-set report with its gold places and visits.
    journey
        What the pipeline built from that report alone.
    """
    found = [lp.place for lp in journey.places]
    pairs = _match(case.places, found)
    gold_by_place = {place.id: gold for gold, place in pairs}
    place_by_gold = {id(gold): place for gold, place in pairs}
    stop_ids = {stop.place.id for stop in journey.route.stops}
    gold_visits = list(dict.fromkeys(case.visits))
    found_visits = [
        gold_by_place[place_id].name if place_id in gold_by_place else "?"
        for place_id in dict.fromkeys(stop.place.id for stop in journey.route.stops)
    ]
    denied = [g for g in case.places if _kept_off_wanted(g)]
    kept_off = sum(
        1 for g in denied if id(g) not in place_by_gold or place_by_gold[id(g)].id not in stop_ids
    )
    matched_found = {place.id for _, place in pairs}
    return ReportScore(
        report_id=case.report.id,
        matched=len(pairs),
        found=len(found),
        gold=len(case.places),
        order_checked=len(gold_visits) >= 2,
        order_right=found_visits == gold_visits,
        denied=len(denied),
        denied_kept_off=kept_off,
        missed=tuple(g.name for g in case.places if id(g) not in place_by_gold),
        wrong=tuple(p.name for p in found if p.id not in matched_found),
        visits=len(case.visits),
        visits_in_order=_common_subsequence(_stop_names(journey, gold_by_place), case.visits),
    )


def _stop_names(journey: Journey, gold_by_place: dict[str, GoldPlace]) -> list[str]:
    """The route's stops (every visit) named as the gold place each is ("?" for none)."""
    return [
        gold_by_place[stop.place.id].name if stop.place.id in gold_by_place else "?"
        for stop in journey.route.stops
    ]


def _kept_off_wanted(gold: GoldPlace) -> bool:
    """Whether the report says the train did not, or only might, go to ``gold``."""
    return gold.role not in DEV_STOP_ROLES and gold.status in (
        Status.DENIED,
        Status.RULED_OUT,
        Status.SPECULATIVE,
    )


#: Gold kinds that a found settlement (city or town) is the same sort of place as.
_SETTLEMENT_KINDS = frozenset({Kind.CITY, Kind.TOWN, "island"})
#: Kinds of a part of a country: a found GeoNames area is the gold region it outlines (and
#: a found area the gold island group it is: the Solovetsky Islands).
_REGION_KINDS = frozenset({Kind.REGION, Kind.AREA, "island"})
#: Kinds of a mountain pass: the annotators' sets class passes as areas or regions.
_PASS_KINDS = frozenset({Kind.AREA, Kind.REGION, Kind.PASS})
_SAME_SORT = (_SETTLEMENT_KINDS, _REGION_KINDS, _PASS_KINDS)


def _match(gold: Sequence[GoldPlace], found: Sequence[Place]) -> list[tuple[GoldPlace, Place]]:
    """Pairs of gold and found places that are the same place, nearest pairs first.

    A pair of the same name (accents and hyphens aside) comes first: of two bridges side by
    side, the found bridge of the gold name is the gold bridge, and the found town of
    Chichén-Itzá is the gold site, not the region around it. Then a pair of the same kind
    of place comes before one of another kind however near: a found city pairs with the
    gold city, not with a gold facility a few hundred metres from the city's point (a naval
    headquarters inside a port city).
    """
    candidates = []
    for g in gold:
        for p in found:
            km = _distance_km(g, p)
            if km is not None:
                named = _same_name(g, p)
                candidates.append(((not named, not _same_kind(g, p), km), g, p))
    candidates.sort(key=lambda c: c[0])
    used_gold: set[int] = set()
    used_found: set[int] = set()
    pairs = []
    for _rank, g, p in candidates:
        if id(g) in used_gold or id(p) in used_found:
            continue
        used_gold.add(id(g))
        used_found.add(id(p))
        pairs.append((g, p))
    return pairs


def _same_name(gold: GoldPlace, place: Place) -> bool:
    """Whether a gold and a found place bear the same name (case, accents and hyphens
    aside: "Chichén Itzá" is "Chichén-Itzá")."""
    return normalize(gold.name) == normalize(place.name)


def _same_kind(gold: GoldPlace, place: Place) -> bool:
    """Whether a gold and a found place are the same sort of place (settlements alike,
    regions and areas alike)."""
    if gold.kind == place.kind:
        return True
    return any(gold.kind in kinds and place.kind in kinds for kinds in _SAME_SORT)


def _distance_km(gold: GoldPlace, place: Place) -> float | None:
    """How far apart a gold and a found place are, or None when they cannot be the same."""
    if place.kind == Kind.PASS:  # a point, however the gold classes it (area, region)
        km = _ground_km(gold, place)
        return km if km <= MATCH_KM else None
    found_area = place.kind in AREA_KINDS or place.kind == Kind.RIVER
    # a gold area (a range, a lake, a district) is the found area it is, or a point in it;
    # so is a gold island (Russky Island a town, the Solovetsky Islands an area)
    gold_area = gold.kind in _GOLD_AREAS or (gold.kind in (Kind.AREA, "island") and found_area)
    if gold_area or found_area:
        if gold_area != found_area or (gold.kind == Kind.COUNTRY) != (place.kind == Kind.COUNTRY):
            return None
        # any area of the gold area's country may be it, the nearest first (of the found
        # Solovetsky Islands and Karelia, each pairs with its own gold, not the other's)
        km = _ground_km(gold, place)
        same = gold.country and gold.country == place.country
        return km if same or km <= AREA_MATCH_KM else None
    km = _ground_km(gold, place)
    return km if km <= MATCH_KM else None


def _ground_km(gold: GoldPlace | ItineraryStop, place: Place) -> float:
    """Geodesic km between a gold point (a place or an itinerary stop) and a found one."""
    return _GEOD.inv(gold.lon, gold.lat, place.lon, place.lat)[2] / 1000.0


@dataclass(frozen=True)
class SeriesScore:
    """A series' journey beside its itinerary, both as itinerary names in travel order."""

    journey: str
    itinerary: tuple[str, ...]
    #: The route's stops, each named as the itinerary stop it is ("?" for none).
    found: tuple[str, ...]

    @property
    def stops_found(self) -> float:
        """Share of the itinerary's places (each once) that are stops of the journey."""
        places = set(self.itinerary)
        return len(places & set(self.found)) / len(places) if places else 1.0

    @property
    def in_order(self) -> float:
        """Share of the itinerary's visits, repeats included, that the stops follow in order
        (the longest common subsequence of the two): 1.0 only for the whole itinerary."""
        if not self.itinerary:
            return 1.0
        return _common_subsequence(self.found, self.itinerary) / len(self.itinerary)

    @property
    def extra(self) -> int:
        """Stops that are no place of the itinerary, or visit one of its places more often
        than the itinerary does (a district of a city drawn as a second stop there)."""
        told = Counter(self.itinerary)  # "?" is none of its names: each one counts
        return sum(max(0, n - told[name]) for name, n in Counter(self.found).items())


def score_series(series: Series, journey: Journey) -> SeriesScore:
    """Compare the journey built from all of ``series``' reports with its itinerary."""
    return SeriesScore(
        journey=series.journey,
        itinerary=tuple(stop.name for stop in series.itinerary),
        found=tuple(_itinerary_name(series.itinerary, s.place) for s in journey.route.stops),
    )


def _itinerary_name(itinerary: Sequence[ItineraryStop], place: Place) -> str:
    """The name of the itinerary stop nearest ``place`` within :data:`MATCH_KM` ("?")."""
    best, best_km = "?", MATCH_KM
    for stop in itinerary:
        km = _ground_km(stop, place)
        if km <= best_km:
            best, best_km = stop.name, km
    return best


def _common_subsequence(a: Sequence[str], b: Sequence[str]) -> int:
    """Length of the longest common subsequence of ``a`` and ``b``."""
    row = [0] * (len(b) + 1)
    for x in a:
        previous = 0
        for j, y in enumerate(b, start=1):
            previous, row[j] = row[j], previous + 1 if x == y else max(row[j], row[j - 1])
    return row[-1]
