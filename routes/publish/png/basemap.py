"""The ground under the route: land, lakes, coast, borders, graticule and shaded areas."""

from __future__ import annotations

import math

import numpy as np
import shapely
from matplotlib.collections import LineCollection, PolyCollection

from routes.model import AREA_KINDS, STOP_ROLES, Journey
from routes.outlines import clipped_layer, outline_scope
from routes.publish import style
from routes.publish.lonlat import lonlat_pieces
from routes.publish.png.frame import MapFrame
from routes.publish.png.labels import Label

#: Longest straight stretch (degrees) of an outline before projection: longer ones are split.
_SEGMENT_DEG = 0.5
#: How the graticule is drawn: faint, under the route.
_GRATICULE = {
    "color": style.GRATICULE_COLOUR,
    "alpha": style.GRATICULE_ALPHA,
    "linewidth": 0.4,
    "zorder": 1.5,
}


def draw_basemap(ax, frame: MapFrame) -> None:
    """Land, lakes, coastline and national borders from the shipped GSHHG outlines."""
    box = frame.lonlat_box()
    margin = (box[0] - 1, max(box[1] - 1, -90.0), box[2] + 1, min(box[3] + 1, 90.0))
    scope = outline_scope(margin)
    for layer, colour in (("land", style.LAND_COLOUR), ("lakes", style.SEA_COLOUR)):
        rings = [
            shapely.get_coordinates(poly.exterior)
            for geom in _projected(frame, _clipped(frame, scope, layer, margin))
            for poly in getattr(geom, "geoms", [geom])
            if poly.geom_type == "Polygon" and not poly.is_empty
        ]
        ax.add_collection(PolyCollection(rings, facecolors=colour, linewidths=0, zorder=1))
    for layer, colour, width in (
        ("coast", style.COAST_COLOUR, 0.7),
        ("borders", style.BORDER_COLOUR, 1.1),
    ):
        paths = [
            shapely.get_coordinates(line)
            for geom in _projected(frame, _clipped(frame, scope, layer, margin))
            for line in getattr(geom, "geoms", [geom])
        ]
        ax.add_collection(
            LineCollection(paths, colors=colour, linewidths=width, zorder=2, capstyle="round")
        )


def _projected(frame: MapFrame, geoms: np.ndarray) -> list:
    """Shapely geometries moved from WGS84 to the map's projected metres (one projection
    call for all of them)."""

    def forward(xy: np.ndarray) -> np.ndarray:
        return np.column_stack(frame.project(xy[:, 0], xy[:, 1])) if len(xy) else xy

    return list(shapely.transform(geoms, forward)) if len(geoms) else []


def _clipped(
    frame: MapFrame, scope: str, layer: str, box: tuple[float, float, float, float]
) -> np.ndarray:
    """One outline layer clipped to a lon/lat box (unwrapped longitudes, as
    :meth:`MapFrame.lonlat_box` gives), piece by piece of :func:`lonlat_pieces`, its edges
    densified."""
    # Clipping leaves long straight edges along the box: densify them so that, projected, they
    # follow the curved parallels and meridians instead of cutting across the map.
    seam = frame.centre_lon + 180.0
    pieces = [clipped_layer(scope, layer, piece) for piece, _ in lonlat_pieces(box, seam)]
    return shapely.segmentize(np.concatenate(pieces), _SEGMENT_DEG)


def draw_graticule(ax, frame: MapFrame) -> None:
    """Faint meridians and parallels every 2, 5 or 10 degrees."""
    lon0, lat0, lon1, lat1 = frame.lonlat_box()
    step = (
        2
        if max(lon1 - lon0, lat1 - lat0) <= 16
        else 5
        if max(lon1 - lon0, lat1 - lat0) <= 40
        else 10
    )
    fine = np.linspace(lat0 - 1, lat1 + 1, 60)
    for lon in np.arange(math.floor(lon0 / step) * step, lon1 + step, step):
        x, y = frame.project(np.full_like(fine, lon), fine)
        ax.plot(x, y, **_GRATICULE)
    fine = np.linspace(lon0 - 1, lon1 + 1, 60)
    for lat in np.arange(math.floor(lat0 / step) * step, lat1 + step, step):
        x, y = frame.project(fine, np.full_like(fine, lat))
        ax.plot(x, y, **_GRATICULE)


def shaded(journey: Journey, role: str) -> bool:
    """Whether an area of journey ``role`` is shaded under ``journey.settings.shade_areas``:
    by default only an area named as a stop of the journey (e.g. a region as destination)."""
    choice = journey.settings.shade_areas
    return choice == "all" or (choice == "journey" and role in STOP_ROLES)


def draw_areas(ax, frame: MapFrame, journey: Journey) -> list[Label]:
    """Areas that matter to the journey lightly shaded with a dashed edge; returns the
    (italic) name labels of every outlined area, shaded or not."""
    labels = []
    for located in journey.places:
        place = located.place
        if place.kind not in AREA_KINDS or not place.outline:
            continue
        if shaded(journey, located.role):
            _shade(ax, frame, place.outline)
        anchor = _area_label_point(frame, place.outline)
        if anchor is not None:
            labels.append(Label(*anchor, place.name, 11, style.AREA_TEXT, "normal", 2, 0, "italic"))
    return labels


def _shade(ax, frame: MapFrame, outline) -> None:
    """One area's rings filled lightly and edged with a dashed line."""
    for ring in outline:
        if len(ring) < 3:
            continue
        dense = shapely.segmentize(shapely.LineString([*ring, ring[0]]), _SEGMENT_DEG)
        lonlat = shapely.get_coordinates(dense)
        x, y = frame.project(lonlat[:, 0], lonlat[:, 1])
        ax.fill(x, y, color=style.AREA_FILL, alpha=style.AREA_FILL_OPACITY, linewidth=0, zorder=3)
        ax.plot(
            np.append(x, x[0]),
            np.append(y, y[0]),
            color=style.AREA_EDGE,
            linewidth=1.0,
            linestyle=(0, (4, 3)),
            zorder=3,
        )


def _area_label_point(frame: MapFrame, outline) -> tuple[float, float] | None:
    """A point inside the area and inside the map to print its name at, if any.

    Both shapes are made valid first: a map of a whole continent inverse-projects its
    frame into a lon/lat ring that may cross itself, and an outline may too.
    """
    polys = [shapely.make_valid(shapely.Polygon(r)) for r in outline if len(r) >= 3]
    area = shapely.make_valid(shapely.union_all(polys))
    try:
        visible = shapely.intersection(area, shapely.make_valid(_frame_polygon(frame)))
    except shapely.errors.GEOSException:
        return None  # no safe spot for the name: the area is still shaded, unlabelled
    if visible.is_empty or visible.area <= 0:
        return None
    point = visible.representative_point()
    x, y = frame.project([point.x], [point.y])
    return float(x[0]), float(y[0])


def _frame_polygon(frame: MapFrame):
    """The map panel inset by 8% as a lon/lat polygon."""
    x0, y0, x1, y1 = frame.bounds
    dx, dy = (x1 - x0) * 0.08, (y1 - y0) * 0.08
    t = np.linspace(0, 1, 20)
    xs = np.concatenate(
        [
            x0 + dx + (x1 - x0 - 2 * dx) * t,
            np.full_like(t, x1 - dx),
            x1 - dx - (x1 - x0 - 2 * dx) * t,
            np.full_like(t, x0 + dx),
        ]
    )
    ys = np.concatenate(
        [
            np.full_like(t, y0 + dy),
            y0 + dy + (y1 - y0 - 2 * dy) * t,
            np.full_like(t, y1 - dy),
            y1 - dy - (y1 - y0 - 2 * dy) * t,
        ]
    )
    lons, lats = frame.inverse(xs, ys)
    return shapely.Polygon(np.column_stack([lons, lats]))
