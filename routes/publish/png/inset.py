"""The locator inset: a small overview map with the main map's outline on it."""

from __future__ import annotations

import math

import numpy as np
import shapely
from matplotlib.collections import PolyCollection

from routes.outlines import clipped_layer, outline_scope
from routes.publish import style
from routes.publish.lonlat import lonlat_pieces
from routes.publish.png.frame import MapFrame

#: Inset width as a share of the map panel's width.
_WIDTH_SHARE = 0.22
#: The inset shows this many times the main map's span, at least the spans in degrees below.
_ZOOM_OUT = 5.0
_MIN_LON_SPAN, _MIN_LAT_SPAN = 36.0, 22.0
#: Gap between the inset and the panel edge, as a share of the panel width.
_MARGIN = 0.018


def inset_extent(frame: MapFrame) -> tuple[float, float, float, float]:
    """The inset's (lon_min, lat_min, lon_max, lat_max): the main view zoomed out."""
    lon0, lat0, lon1, lat1 = frame.lonlat_box()
    lon_mid, lat_mid = (lon0 + lon1) / 2, (lat0 + lat1) / 2
    half_lon = max((lon1 - lon0) * _ZOOM_OUT, _MIN_LON_SPAN) / 2
    half_lat = max((lat1 - lat0) * _ZOOM_OUT, _MIN_LAT_SPAN) / 2
    lat_lo, lat_hi = max(lat_mid - half_lat, -80.0), min(lat_mid + half_lat, 84.0)
    # Within -180 … 180, or as far past the antimeridian as the main map itself reaches.
    lon_lo = max(lon_mid - half_lon, min(lon0, -180.0))
    lon_hi = min(lon_mid + half_lon, max(lon1, 180.0))
    return lon_lo, lat_lo, lon_hi, lat_hi


def draw_inset(figure, ax, frame: MapFrame, corner: str) -> tuple[float, float, float, float]:
    """The locator inset in the panel's ``corner`` ("upper left" or "upper right").

    Returns
    -------
    tuple
        Its box in display pixels (x0, y0, x1, y1), for keeping labels off it.
    """
    box = inset_extent(frame)
    lon0, lat0, lon1, lat1 = box
    squash = math.cos(math.radians((lat0 + lat1) / 2))  # plate carrée, true at mid-latitude
    aspect = (lat1 - lat0) / ((lon1 - lon0) * squash)
    panel = ax.get_position()
    width = panel.width * _WIDTH_SHARE
    height = width * aspect * figure.bbox.width / figure.bbox.height
    margin = panel.width * _MARGIN
    left = panel.x0 + margin if corner == "upper left" else panel.x1 - margin - width
    bottom = panel.y1 - margin * figure.bbox.width / figure.bbox.height - height
    inset = figure.add_axes((left, bottom, width, height))
    inset.set_facecolor(style.SEA_COLOUR)
    inset.set_xticks([])
    inset.set_yticks([])
    inset.set_zorder(25)
    for spine in inset.spines.values():
        spine.set_edgecolor(style.FRAME_COLOUR)
        spine.set_linewidth(0.8)
    inset.set_xlim(lon0 * squash, lon1 * squash)
    inset.set_ylim(lat0, lat1)
    scope = outline_scope(box)
    rings = []
    for piece, shift in lonlat_pieces(box, frame.centre_lon + 180.0):
        for geom in clipped_layer(scope, "land", piece):
            for poly in getattr(geom, "geoms", [geom]):
                if poly.geom_type == "Polygon" and not poly.is_empty:
                    xy = shapely.get_coordinates(poly.exterior)
                    rings.append(np.column_stack([(xy[:, 0] + shift) * squash, xy[:, 1]]))
    inset.add_collection(
        PolyCollection(
            rings, facecolors=style.LAND_COLOUR, edgecolors=style.COAST_COLOUR, linewidths=0.4
        )
    )
    outline = _view_outline(frame)
    inset.plot(outline[:, 0] * squash, outline[:, 1], color=style.INSET_FRAME_COLOUR, linewidth=1.6)
    extent = inset.get_window_extent(figure.canvas.get_renderer())
    return (extent.x0, extent.y0, extent.x1, extent.y1)


def _view_outline(frame: MapFrame) -> np.ndarray:
    """The main map's edge as a closed lon/lat polyline (curved in plate carrée)."""
    x0, y0, x1, y1 = frame.bounds
    t = np.linspace(0.0, 1.0, 21)
    xs = np.concatenate([x0 + (x1 - x0) * t, np.full_like(t, x1), x1 - (x1 - x0) * t, [x0] * 21])
    ys = np.concatenate(
        [np.full_like(t, y0), y0 + (y1 - y0) * t, np.full_like(t, y1), y1 - (y1 - y0) * t]
    )
    lons, lats = frame.inverse(xs, ys)
    return np.column_stack([lons, lats])
