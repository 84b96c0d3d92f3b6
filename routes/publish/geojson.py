"""The GeoJSON contract of ``route.geojson``: a Point per place, a LineString per leg, areas."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from routes.model import (
    AREA_KINDS,
    UNDRAWN_ROLES,
    Journey,
    Leg,
    LocatedPlace,
    Mention,
    Place,
    Route,
    Stop,
)

#: Decimal places of coordinates (~0.1 m) and of kilometres (1 m) in every export.
COORD_DECIMALS = 6
KM_DECIMALS = 3


def to_geojson(journey: Journey) -> dict:
    """The journey as the GeoJSON contract of ``route.geojson`` (WGS84 lon/lat).

    Parameters
    ----------
    journey
        The pipeline's result.

    Returns
    -------
    dict
        A FeatureCollection: a Point per located place (stops first, in travel order), a
        LineString per leg, then a Polygon or MultiPolygon per area with a known outline.
    """
    route = journey.route
    stops = route.first_visits
    located = {lp.place.id: lp for lp in journey.places}
    points = [_located_feature(lp, route.visits_of(pid)) for pid, lp in located.items()]
    points += [
        _place_feature(stop.place, stop.role, (), route.visits_of(pid))
        for pid, stop in stops.items()
        if pid not in located
    ]
    points.sort(key=_feature_rank)
    legs = [_leg_feature(leg) for leg in journey.route.legs if leg.coords]
    areas = [_area_feature(lp) for lp in journey.places if _has_outline(lp.place)]
    areas.sort(key=lambda f: (f["properties"]["name"], f["properties"]["id"]))
    return _collection(points + legs + areas, title=journey.title)


def geojson_bytes(journey: Journey) -> bytes:
    """:func:`to_geojson` serialised deterministically: same journey, same bytes."""
    return dumps_geojson(to_geojson(journey))


def dumps_geojson(collection: dict) -> bytes:
    """A GeoJSON dict as UTF-8 bytes: sorted keys, compact, with a trailing newline."""
    text = json.dumps(collection, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (text + "\n").encode("utf-8")


def route_geojson(route: Route) -> dict:
    """The stops (Points, no mentions) and legs (LineStrings) of ``route`` as GeoJSON."""
    points = [
        _place_feature(s.place, s.role, (), route.visits_of(pid))
        for pid, s in route.first_visits.items()
    ]
    points.sort(key=_feature_rank)
    legs = [_leg_feature(leg) for leg in route.legs if leg.coords]
    return _collection(points + legs)


def places_geojson(parsed_places: Sequence[LocatedPlace]) -> dict:
    """Geoparsed places as Points with their mentions (no route: order, km and eta null)."""
    points = [_located_feature(lp, ()) for lp in parsed_places]
    points.sort(key=_feature_rank)
    return _collection(points)


def _collection(features: list[dict], *, title: str | None = None) -> dict:
    """A FeatureCollection of ``features``, with a title member when one is given."""
    collection: dict = {"type": "FeatureCollection", "features": features}
    if title:
        collection["title"] = title
    return collection


def _located_feature(located: LocatedPlace, visits: Sequence[Stop]) -> dict:
    """The Point of a geoparsed place; ``mentions_omitted`` counts mentions not kept."""
    feature = _place_feature(located.place, located.role, located.mentions, visits)
    if located.omitted_mentions:
        feature["properties"]["mentions_omitted"] = located.omitted_mentions
    return feature


def _place_feature(
    place: Place, role: str, mentions: Sequence[Mention], visits: Sequence[Stop]
) -> dict:
    """The Point feature of one place; route fields come from its ``visits`` (stops of the
    route, in travel order): ``order``, ``km`` and ``eta`` from the first, every one in
    ``visits`` (``[]`` for a place that is no stop)."""
    stop = visits[0] if visits else None
    properties = {
        "id": place.id,
        "name": place.name,
        "kind": place.kind,
        "role": role,
        "country": place.country or None,
        "order": stop.order if stop is not None else None,
        "km": _km(stop.km) if stop is not None else None,
        "eta": _iso(stop.eta) if stop is not None else None,
        "visits": [_visit(v) for v in visits],
        "mentions": [_mention(m) for m in reading_order(mentions)],
    }
    if stop is not None and stop.off_network:
        properties["off_network"] = True
    drawn = stop is not None or role not in UNDRAWN_ROLES
    point = {"type": "Point", "coordinates": _lonlat(place.lon, place.lat)}
    return {"type": "Feature", "geometry": point if drawn else None, "properties": properties}


def _visit(stop: Stop) -> dict:
    """One visit of a place as the contract's ``{order, km, eta}``."""
    return {"order": stop.order, "km": _km(stop.km), "eta": _iso(stop.eta)}


def _mention(mention: Mention) -> dict:
    """One mention as the contract's ``{report, source, quote, start, end, date, status}``."""
    return {
        "report": mention.report_id,
        "source": mention.source,
        "quote": mention.quote,
        "text": mention.text,
        "start": mention.start,
        "end": mention.end,
        "date": mention.date,
        "part": mention.part,
        "status": mention.status,
    }


def reading_order(mentions: Iterable[Mention]) -> list[Mention]:
    """Mentions by report, then position in the text: the order a reader meets them."""
    return sorted(mentions, key=lambda m: (m.report_id, m.start, m.end))


def _leg_feature(leg: Leg) -> dict:
    """The LineString feature of one leg (a single coordinate is repeated to stay valid)."""
    coords = [_lonlat(lon, lat) for lon, lat in leg.coords]
    if len(coords) == 1:
        coords.append(coords[0])
    return {
        "type": "Feature",
        "geometry": {"type": "LineString", "coordinates": coords},
        "properties": {
            "kind": leg.kind,
            "from": leg.from_id,
            "to": leg.to_id,
            "km": _km(leg.km),
            "countries": list(leg.countries),
            "border": _lonlat(*leg.border_point) if leg.border_point else None,
            "gauges": list(leg.gauges),
        },
    }


def _has_outline(place: Place) -> bool:
    """Whether ``place`` is an area whose outline we can draw."""
    return place.kind in AREA_KINDS and any(len(ring) >= 3 for ring in place.outline)


def _area_feature(located: LocatedPlace) -> dict:
    """The Polygon (one ring) or MultiPolygon (several rings) of an area."""
    place = located.place
    rings = [_closed([_lonlat(lon, lat) for lon, lat in ring]) for ring in place.outline]
    rings = [ring for ring in rings if len(ring) >= 4]
    if len(rings) == 1:
        geometry = {"type": "Polygon", "coordinates": rings}
    else:
        geometry = {"type": "MultiPolygon", "coordinates": [[ring] for ring in rings]}
    return {
        "type": "Feature",
        "geometry": geometry,
        "properties": {
            "id": place.id,
            "name": place.name,
            "kind": place.kind,
            "role": located.role,
            "country": place.country or None,
        },
    }


def _closed(ring: list[list[float]]) -> list[list[float]]:
    """``ring`` with its first position repeated at the end, as GeoJSON requires."""
    return [*ring, ring[0]] if ring and ring[0] != ring[-1] else ring


def _feature_rank(feature: dict) -> tuple:
    """Sort key of place points: stops in travel order, then the rest by name and id."""
    props = feature["properties"]
    order = props["order"]
    return (order is None, order if order is not None else 0, props["name"], props["id"])


def _lonlat(lon: float, lat: float) -> list[float]:
    """A GeoJSON position rounded to :data:`COORD_DECIMALS`."""
    return [rounded(lon, COORD_DECIMALS), rounded(lat, COORD_DECIMALS)]


def _km(value: float) -> float:
    """Kilometres rounded to :data:`KM_DECIMALS`."""
    return rounded(value, KM_DECIMALS)


def rounded(value: float, decimals: int) -> float:
    """``value`` rounded, with -0.0 written as 0.0 so equal inputs give equal text."""
    rounded = round(float(value), decimals)
    return rounded + 0.0 if rounded == 0 else rounded


def _iso(value: datetime | date | None) -> str | None:
    """ISO 8601 text of a date or datetime (minutes precision for datetimes)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    return value.isoformat()
