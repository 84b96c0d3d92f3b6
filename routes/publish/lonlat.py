"""Longitudes of a journey that may cross the antimeridian: the shortest arc holding it,
longitudes unwrapped around its middle, and outline boxes cut to fit the -180 … 180 data.

Both maps use these: the static map to centre its projection, the HTML map to draw a
journey across the Pacific as one piece (Leaflet draws longitude 190 east of 180).
"""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

import numpy as np

from routes.model import Journey, Leg, Place


def unwrap(lons: np.ndarray, centre: float) -> np.ndarray:
    """``lons`` moved by whole turns to within 180 degrees of ``centre``."""
    return centre + (lons - centre + 180.0) % 360.0 - 180.0


def lon_window(lons: np.ndarray) -> tuple[float, float]:
    """The shortest arc of longitude holding every one of ``lons``, as (west, east) with
    west in -180 … 180 and east ≥ west (east passes 180 for a journey across the
    antimeridian): the arc left when the widest gap between neighbouring longitudes is cut out.
    """
    ordered = np.sort(np.asarray(lons, float) % 360.0)
    gaps = np.diff(np.append(ordered, ordered[0] + 360.0))  # the gap after each longitude
    widest = int(np.argmax(gaps))
    west = float((ordered[(widest + 1) % len(ordered)] + 180.0) % 360.0 - 180.0)
    return west, west + 360.0 - float(gaps[widest])


def lonlat_pieces(
    box: tuple[float, float, float, float], seam: float
) -> list[tuple[tuple[float, float, float, float], float]]:
    """A lon/lat box with unwrapped longitudes as boxes within -180 … 180 that do not cross
    the projection's ``seam`` meridian, each with the degrees (0 or ±360) that move its
    longitudes back into the unwrapped box.

    Outlines (kept within -180 … 180) are clipped piece by piece, so a coast crossing the
    antimeridian inside the map is drawn whole and none is stretched across the seam.
    """
    lon0, lat0, lon1, lat1 = box
    if lon1 - lon0 >= 360.0:
        lon0, lon1 = seam - 360.0, seam
    seam = float(unwrap(np.asarray(seam), (lon0 + lon1) / 2.0))
    inside = (c for c in (seam, -540.0, -180.0, 180.0, 540.0) if lon0 < c < lon1)
    cuts = sorted({lon0, lon1, *inside})
    pieces = []
    for west, east in pairwise(cuts):
        shift = 360.0 * np.floor((west + east) / 2.0 / 360.0 + 0.5)
        # Kept a hair off the seam itself, which projects to either edge of the map.
        west += _SEAM_GAP * _on_meridian(west, seam)
        east -= _SEAM_GAP * _on_meridian(east, seam)
        pieces.append(((west - shift, lat0, east - shift, lat1), float(shift)))
    return pieces


#: Degrees kept between an outline piece and the projection's seam.
_SEAM_GAP = 1e-6


def _on_meridian(lon: float, meridian: float) -> bool:
    """Whether longitude ``lon`` is ``meridian``, give or take whole turns."""
    return abs((lon - meridian + 180.0) % 360.0 - 180.0) < 1e-9


def journey_lons(journey: Journey) -> np.ndarray:
    """Every longitude a map of ``journey`` draws: stops, legs and point places."""
    lons = [s.place.lon for s in journey.route.stops]
    lons += [lon for leg in journey.route.legs for lon, _ in leg.coords]
    lons += [p.place.lon for p in journey.places if not p.place.outline]
    return np.asarray(lons, float)


def display_journey(journey: Journey) -> Journey:
    """``journey`` with every longitude within 180° of the middle of its shortest arc, so a
    journey across the antimeridian draws as one piece; unchanged when it does not cross.

    For drawing only: exports keep the -180 … 180 longitudes of the data.
    """
    lons = journey_lons(journey)
    if not len(lons):
        return journey
    west, east = lon_window(lons)
    if east <= 180.0:
        return journey
    centre = (west + east) / 2.0
    located = tuple(replace(p, place=_moved_place(p.place, centre)) for p in journey.places)
    stops = tuple(replace(s, place=_moved_place(s.place, centre)) for s in journey.route.stops)
    legs = tuple(_moved_leg(leg, centre) for leg in journey.route.legs)
    return replace(journey, places=located, route=replace(journey.route, stops=stops, legs=legs))


def _moved_place(place: Place, centre: float) -> Place:
    """``place`` with its point and outline unwrapped around ``centre``."""
    outline = tuple(_moved_coords(ring, centre) for ring in place.outline)
    lon = float(unwrap(np.asarray(place.lon), centre))
    return replace(place, lon=lon, outline=outline)


def _moved_leg(leg: Leg, centre: float) -> Leg:
    """``leg`` with its line and border point unwrapped around ``centre``."""
    border = leg.border_point
    if border is not None:
        border = (float(unwrap(np.asarray(border[0]), centre)), border[1])
    return replace(leg, coords=_moved_coords(leg.coords, centre), border_point=border)


def _moved_coords(coords, centre: float) -> tuple[tuple[float, float], ...]:
    """(lon, lat) pairs unwrapped around ``centre``."""
    if not len(coords):
        return tuple(coords)
    lons = unwrap(np.asarray([c[0] for c in coords], float), centre)
    return tuple((float(lon), c[1]) for lon, c in zip(lons, coords, strict=True))
