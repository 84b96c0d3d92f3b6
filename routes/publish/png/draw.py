"""The offline PNG map: coast, borders, the rail route, numbered stops, legend and credits."""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path

import matplotlib
import numpy as np
import shapely
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from pyproj import CRS, Proj, Transformer
from shapely.ops import substring

from routes.model import AREA_KINDS, NO_PLACES_MESSAGE, STOP_ROLES, Journey, Leg, LegKind
from routes.outlines import load_outlines
from routes.publish import style
from routes.rail.world import RAIL_ATTRIBUTION

#: Fixed bands around the map, in pixels at 150 dpi (scaled with the dpi).
_TITLE_PX = 150
_FOOTER_PX = 70
_SIDE_PX = 36
#: Height / width of the map panel is kept between these, whatever the route's shape.
_MIN_ASPECT, _MAX_ASPECT = 0.62, 1.15
#: Padding around the route, as a share of its extent, and the smallest map span (m).
_PAD = 0.18
_MIN_SPAN_M = 350_000.0
#: Above this many stops, stop labels shrink to names and a numbered key goes in the footer.
_DENSE_STOPS = 12
#: Characters per line of that key at 1800 px, and the height of one of its lines (px at 150 dpi).
_KEY_CHARS_PER_1800PX = 175
_KEY_LINE_PX = 24
#: Context places farther than this share of the route span outside it are left off the map.
_CONTEXT_REACH = 0.35
#: Where the map falls back to when a journey has no located point at all (Korea and Primorye).
_FALLBACK_LONLAT = ((124.0, 37.5), (132.5, 43.5))
#: Attribution of the shipped data every map draws on.
DATA_CREDITS = "Places: GeoNames (CC BY 4.0) · Coast and borders: GSHHG (LGPL-3.0)"
#: Longest straight stretch (degrees) of an outline before projection: longer ones are split.
_SEGMENT_DEG = 0.5
#: A white backing under labels, as a box rather than a stroked path effect so that the SVG
#: keeps every label as text.
_HALO = {"boxstyle": "round,pad=0.12", "facecolor": "white", "edgecolor": "none", "alpha": 0.78}


@dataclass(frozen=True)
class MapFrame:
    """The projection and pixel layout of one PNG, so points can be located in it.

    ``crs`` is a Lambert conformal conic centred on the journey; ``bounds`` the map panel in
    projected metres ``(x0, y0, x1, y1)``; ``panel`` the panel in image pixels
    ``(left, top, width, height)``; ``size`` the image ``(width, height)`` in pixels.
    """

    crs: str
    bounds: tuple[float, float, float, float]
    panel: tuple[int, int, int, int]
    size: tuple[int, int]
    dpi: int

    def project(self, lons: Sequence[float], lats: Sequence[float]) -> tuple[np.ndarray, ...]:
        """Projected ``(x, y)`` metres of WGS84 ``lons``/``lats``."""
        lons, lats = np.atleast_1d(np.asarray(lons, float)), np.atleast_1d(np.asarray(lats, float))
        count = len(lons)
        if count == 1:  # pyproj takes its deprecated scalar path for one-element arrays
            lons, lats = np.repeat(lons, 2), np.repeat(lats, 2)
        x, y = _transformer("EPSG:4326", self.crs).transform(lons, lats)
        return np.asarray(x)[:count], np.asarray(y)[:count]

    def pixels(self, lons: Sequence[float], lats: Sequence[float]) -> np.ndarray:
        """Image ``(column, row)`` pixel of each WGS84 point, as an (n, 2) float array."""
        x, y = self.project(lons, lats)
        x0, y0, x1, y1 = self.bounds
        left, top, width, height = self.panel
        cols = left + (x - x0) / (x1 - x0) * width
        rows = top + (y1 - y) / (y1 - y0) * height
        return np.column_stack([cols, rows])

    def lonlat_box(self) -> tuple[float, float, float, float]:
        """The WGS84 box ``(lon_min, lat_min, lon_max, lat_max)`` around the whole panel."""
        inverse = _transformer(self.crs, "EPSG:4326")
        x0, y0, x1, y1 = self.bounds
        t = np.linspace(0.0, 1.0, 41)
        xs = np.concatenate(
            [x0 + (x1 - x0) * t, np.full_like(t, x1), x1 - (x1 - x0) * t, np.full_like(t, x0)]
        )
        ys = np.concatenate(
            [np.full_like(t, y0), y0 + (y1 - y0) * t, np.full_like(t, y1), y1 - (y1 - y0) * t]
        )
        lons, lats = inverse.transform(xs, ys)
        return (float(lons.min()), float(lats.min()), float(lons.max()), float(lats.max()))


@lru_cache(maxsize=32)
def _transformer(source: str, target: str) -> Transformer:
    """A cached (lon, lat)-ordered transformer between two CRS."""
    return Transformer.from_crs(source, target, always_xy=True)


def map_frame(journey: Journey, *, width_px: int = 1800, dpi: int = 150) -> MapFrame:
    """The projection and layout :func:`render_png` uses for ``journey``.

    Parameters
    ----------
    journey
        The pipeline's result.
    width_px
        Image width in pixels (at least 1600 for print).
    dpi
        Dots per inch: the pixel size of text and lines.
    """
    lonlats = _extent_points(journey)
    lons, lats = lonlats[:, 0], lonlats[:, 1]
    lat_lo, lat_hi = float(lats.min()), float(lats.max())
    lon_mid = (float(lons.min()) + float(lons.max())) / 2.0
    span = max(lat_hi - lat_lo, 2.0)
    lat_mid = (lat_lo + lat_hi) / 2.0
    crs = (
        f"+proj=lcc +lat_0={lat_mid:.4f} +lon_0={lon_mid:.4f} +lat_1={lat_mid - span / 3:.4f} "
        f"+lat_2={lat_mid + span / 3:.4f} +datum=WGS84 +units=m +no_defs"
    )
    forward = _transformer("EPSG:4326", crs)
    x, y = forward.transform(lons, lats)
    scale = dpi / 150.0
    side, title, footer = (round(v * scale) for v in (_SIDE_PX, _TITLE_PX, _FOOTER_PX))
    footer += round(len(_stop_key_lines(journey, width_px)) * _KEY_LINE_PX * scale)
    panel_w = width_px - 2 * side
    (x0, x1), (y0, y1) = _padded(x), _padded(y)
    aspect = min(max((y1 - y0) / (x1 - x0), _MIN_ASPECT), _MAX_ASPECT)
    panel_h = round(panel_w * aspect)
    x0, y0, x1, y1 = _fit(x0, y0, x1, y1, panel_h / panel_w)
    return MapFrame(
        crs=crs,
        bounds=(x0, y0, x1, y1),
        panel=(side, title, panel_w, panel_h),
        size=(width_px, title + panel_h + footer),
        dpi=dpi,
    )


#: Output formats of :func:`render_map` and what ``savefig`` must leave out so that the same
#: journey always gives the same bytes (no software version, no creation date).
_FORMAT_METADATA: dict[str, dict[str, None]] = {
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": None},
    "pdf": {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None},
}
#: Drawing settings for every format: SVG text stays text (editors can restyle it), SVG ids
#: come from a fixed salt instead of a random one.
_RC = {"svg.fonttype": "none", "svg.hashsalt": "reported-routes", "pdf.fonttype": 42}


def render_map(
    journey: Journey, fmt: str = "png", *, width_px: int = 1800, dpi: int = 150
) -> bytes:
    """The journey as a publishable map in ``fmt`` (``png``, ``svg`` or ``pdf``), drawn offline.

    All three formats come from one drawing; the bytes depend on the journey only.

    Parameters
    ----------
    journey
        The pipeline's result.
    fmt
        ``"png"``, ``"svg"`` or ``"pdf"``.
    width_px
        Image width in pixels; 1800 by default (at least 1600 for print).
    dpi
        Dots per inch; text sizes are in points, so a higher dpi gives larger text.

    Returns
    -------
    bytes
        The file.
    """
    if fmt not in _FORMAT_METADATA:
        raise ValueError(f"map format must be one of {', '.join(_FORMAT_METADATA)}, not {fmt!r}")
    with matplotlib.rc_context(_RC):
        frame = map_frame(journey, width_px=width_px, dpi=dpi)
        figure = _draw(journey, frame)
        buffer = io.BytesIO()
        figure.savefig(buffer, format=fmt, dpi=dpi, metadata=_FORMAT_METADATA[fmt])
    return buffer.getvalue()


def render_png(journey: Journey, *, width_px: int = 1800, dpi: int = 150) -> bytes:
    """:func:`render_map` as PNG."""
    return render_map(journey, "png", width_px=width_px, dpi=dpi)


def alt_text(journey: Journey) -> str:
    """A description of the static map for screen readers (the image's alt text)."""
    stops = journey.route.stops
    if not stops:
        return "Map of the region the reports cover; no stop of the journey could be located."
    names = ", ".join(stop.place.name for stop in stops)
    km = stops[-1].km
    return (
        f"Map of a {km:,.0f} km rail journey with {len(stops)} numbered stops in order: {names}. "
        f"Each stop is labelled with its rail distance from {stops[0].place.name} and a reported "
        "or estimated time."
    )


def caption(journey: Journey) -> str:
    """A suggested caption: the route, who reported it and the data credits."""
    stops = journey.route.stops
    route = " → ".join(stop.place.name for stop in stops) if stops else "No located stops"
    return f"{route}, as reported. {_sources_line(journey)} · {RAIL_ATTRIBUTION}."


def write_png(journey: Journey, path: Path, *, width_px: int = 1800, dpi: int = 150) -> Path:
    """Write :func:`render_png` of ``journey`` to ``path``; returns the path."""
    path = Path(path)
    path.write_bytes(render_png(journey, width_px=width_px, dpi=dpi))
    return path


# --- layout -----------------------------------------------------------------------------------


def _extent_points(journey: Journey) -> np.ndarray:
    """(lon, lat) points the map must show: the route, and context places near it."""
    route = [(s.place.lon, s.place.lat) for s in journey.route.stops]
    route += [pt for leg in journey.route.legs for pt in leg.coords]
    others = [
        (lp.place.lon, lp.place.lat)
        for lp in journey.places
        if lp.place.kind not in AREA_KINDS and lp.role not in STOP_ROLES
    ]
    if not route:
        route = [(lp.place.lon, lp.place.lat) for lp in journey.places if lp.role in STOP_ROLES]
    if not route:
        route = others or list(_FALLBACK_LONLAT)
        return np.asarray(route, float)
    points = np.asarray(route, float)
    lo, hi = points.min(axis=0), points.max(axis=0)
    reach = np.maximum(hi - lo, 2.0) * _CONTEXT_REACH
    near = [p for p in others if np.all(p >= lo - reach) and np.all(p <= hi + reach)]
    return np.asarray(route + near, float)


def _padded(values: np.ndarray) -> tuple[float, float]:
    """The range of ``values`` padded by :data:`_PAD` and widened to :data:`_MIN_SPAN_M`."""
    lo, hi = float(np.min(values)), float(np.max(values))
    span = max(hi - lo, _MIN_SPAN_M / (1 + 2 * _PAD))
    mid = (lo + hi) / 2.0
    half = span * (0.5 + _PAD)
    return mid - half, mid + half


def _fit(x0: float, y0: float, x1: float, y1: float, aspect: float) -> tuple[float, ...]:
    """The box grown on one axis (about its centre) to height/width ``aspect``."""
    cx, cy = (x0 + x1) / 2.0, (y0 + y1) / 2.0
    w, h = x1 - x0, y1 - y0
    if h / w < aspect:
        h = w * aspect
    else:
        w = h / aspect
    return cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2


# --- drawing ----------------------------------------------------------------------------------


def _draw(journey: Journey, frame: MapFrame) -> Figure:
    """The whole figure: basemap, areas, route, places, then the map furniture."""
    width, height = frame.size
    # A tenth of a pixel more: matplotlib truncates inches × dpi to whole pixels.
    inches = ((width + 0.1) / frame.dpi, (height + 0.1) / frame.dpi)
    figure = Figure(figsize=inches, dpi=frame.dpi)  # no pyplot: nothing global to close
    FigureCanvasAgg(figure)
    figure.patch.set_facecolor("white")
    left, top, pw, ph = frame.panel
    ax = figure.add_axes((left / width, 1 - (top + ph) / height, pw / width, ph / height))
    ax.set_facecolor(style.SEA_COLOUR)
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_edgecolor("#555555")
        spine.set_linewidth(0.8)
    x0, y0, x1, y1 = frame.bounds
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_autoscale_on(False)
    _draw_basemap(ax, frame)
    _draw_graticule(ax, frame)
    area_labels = _draw_areas(ax, frame, journey)
    route = _draw_route(ax, frame, journey)
    labels = _draw_places(ax, frame, journey) + area_labels
    legend = _draw_legend(ax, frame, journey, route, labels)
    furniture = _draw_scale_and_north(ax, frame, legend)
    legend_box = _box_tuple(legend.get_window_extent(figure.canvas.get_renderer()))
    boxes = [legend_box] + [_data_box_px(ax, box) for box in furniture]
    _place_labels(figure, ax, labels, route, boxes)
    _draw_titles(figure, frame, journey)
    if not journey.places and not journey.route.stops:
        ax.text(
            0.5,
            0.5,
            NO_PLACES_MESSAGE,
            transform=ax.transAxes,
            fontsize=20,
            ha="center",
            va="center",
            color="#333333",
            bbox={"facecolor": "white", "edgecolor": "#555555", "boxstyle": "round,pad=0.6"},
        )
    return figure


def _draw_basemap(ax, frame: MapFrame) -> None:
    """Land, lakes, coastline and national borders from the shipped GSHHG outlines."""
    box = frame.lonlat_box()
    margin = (box[0] - 1, box[1] - 1, box[2] + 1, box[3] + 1)
    outlines = load_outlines(margin)
    for layer, colour in (("land", style.LAND_COLOUR), ("lakes", style.SEA_COLOUR)):
        rings = [
            shapely.get_coordinates(poly.exterior)
            for geom in _projected(frame, _clipped(outlines[layer], margin))
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
            for geom in _projected(frame, _clipped(outlines[layer], margin))
            for line in getattr(geom, "geoms", [geom])
        ]
        ax.add_collection(
            LineCollection(paths, colors=colour, linewidths=width, zorder=2, capstyle="round")
        )


def _projected(frame: MapFrame, geoms: list) -> list:
    """Shapely geometries moved from WGS84 to the map's projected metres."""

    def forward(xy: np.ndarray) -> np.ndarray:
        return np.column_stack(frame.project(xy[:, 0], xy[:, 1])) if len(xy) else xy

    return [shapely.transform(geom, forward) for geom in geoms]


def _clipped(collection: dict, box: tuple[float, float, float, float]) -> list:
    """The shapely geometries of a FeatureCollection clipped to a lon/lat box."""
    geoms = [shapely.geometry.shape(f["geometry"]) for f in collection["features"]]
    clipped = [shapely.clip_by_rect(g, *box) for g in geoms]
    # Clipping leaves long straight edges along the box: densify them so that, projected, they
    # follow the curved parallels and meridians instead of cutting across the map.
    return [shapely.segmentize(g, _SEGMENT_DEG) for g in clipped if not g.is_empty]


def _draw_graticule(ax, frame: MapFrame) -> None:
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
        ax.plot(x, y, color="#9BB0BF", linewidth=0.4, alpha=0.6, zorder=1.5)
    fine = np.linspace(lon0 - 1, lon1 + 1, 60)
    for lat in np.arange(math.floor(lat0 / step) * step, lat1 + step, step):
        x, y = frame.project(fine, np.full_like(fine, lat))
        ax.plot(x, y, color="#9BB0BF", linewidth=0.4, alpha=0.6, zorder=1.5)


def _draw_areas(ax, frame: MapFrame, journey: Journey) -> list[_Label]:
    """Areas with an outline, lightly shaded; returns their (italic) name labels."""
    labels = []
    for located in journey.places:
        place = located.place
        if place.kind not in AREA_KINDS or not place.outline:
            continue
        for ring in place.outline:
            if len(ring) < 3:
                continue
            dense = shapely.segmentize(shapely.LineString([*ring, ring[0]]), _SEGMENT_DEG)
            lonlat = shapely.get_coordinates(dense)
            x, y = frame.project(lonlat[:, 0], lonlat[:, 1])
            ax.fill(
                x, y, color=style.AREA_FILL, alpha=style.AREA_FILL_OPACITY, linewidth=0, zorder=3
            )
            ax.plot(
                np.append(x, x[0]),
                np.append(y, y[0]),
                color=style.AREA_FILL,
                alpha=0.6,
                linewidth=1.0,
                linestyle=(0, (4, 3)),
                zorder=3,
            )
        anchor = _area_label_point(frame, place.outline)
        if anchor is not None:
            labels.append(_Label(*anchor, place.name, 11, "#8A6A10", "normal", 2, 0, "italic"))
    return labels


def _area_label_point(frame: MapFrame, outline) -> tuple[float, float] | None:
    """A point inside the area and inside the map to print its name at, if any."""
    polys = [shapely.Polygon(r) for r in outline if len(r) >= 3]
    area = shapely.make_valid(shapely.union_all(polys))
    visible = shapely.intersection(area, _frame_polygon(frame))
    if visible.is_empty or visible.area <= 0:
        return None
    point = visible.representative_point()
    x, y = frame.project([point.x], [point.y])
    return float(x[0]), float(y[0])


def _frame_polygon(frame: MapFrame):
    """The map panel inset by 8% as a lon/lat polygon."""
    inverse = _transformer(frame.crs, "EPSG:4326")
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
    lons, lats = inverse.transform(xs, ys)
    return shapely.Polygon(np.column_stack([lons, lats]))


def leg_pieces(leg: Leg) -> list[tuple[str, tuple[tuple[float, float], ...]]]:
    """A leg split at its border point: ``(colour, coords)`` per country it runs through.

    A rail leg that crosses a border (``Leg.border_point`` set, two countries or more) is cut
    where the border point projects onto it, so each side takes its own country's colour.
    """
    coords = tuple(leg.coords)
    if (
        leg.kind != LegKind.RAIL
        or leg.border_point is None
        or len(leg.countries) < 2
        or len(coords) < 2
    ):
        return [(style.route_colour(leg.kind, leg.countries), coords)]
    line = shapely.LineString(coords)
    at = line.project(shapely.Point(leg.border_point))
    parts = (substring(line, 0.0, at), substring(line, at, line.length))
    colours = (style.country_colour(leg.countries[0]), style.country_colour(leg.countries[-1]))
    return [
        (colour, tuple(part.coords))
        for colour, part in zip(colours, parts, strict=True)
        if part.geom_type == "LineString" and len(part.coords) >= 2
    ]


def _draw_route(ax, frame: MapFrame, journey: Journey) -> np.ndarray:
    """Legs in country colours (no-rail dashed grey) with direction arrows; border crossings.

    Returns the route's projected vertices, for keeping labels and the legend off it.
    """
    points = []
    for leg in journey.route.legs:
        for colour, coords in leg_pieces(leg):
            x, y = frame.project(*zip(*coords, strict=True))
            points.append(np.column_stack([x, y]))
            dashed = leg.kind != LegKind.RAIL
            ax.plot(x, y, color="white", linewidth=6.5, solid_capstyle="round", zorder=5)
            ax.plot(
                x,
                y,
                color=colour,
                linewidth=3.4,
                zorder=6,
                linestyle=(0, style.leg_dash_style(leg.kind)[1]) if dashed else "-",
                solid_capstyle="round",
                solid_joinstyle="round",
            )
            _draw_arrow(ax, x, y, colour)
        if _shows_border_mark(frame, journey, leg):
            bx, by = frame.project([leg.border_point[0]], [leg.border_point[1]])
            ax.plot(
                bx,
                by,
                marker="X",
                markersize=11,
                color="#222222",
                markeredgecolor="white",
                markeredgewidth=1.2,
                zorder=8,
                linestyle="none",
            )
    return np.vstack(points) if points else np.empty((0, 2))


def _shows_border_mark(frame: MapFrame, journey: Journey, leg: Leg) -> bool:
    """Whether a leg's border crossing gets its own mark: not when a stop marker covers it."""
    if leg.border_point is None:
        return False
    bx, by = frame.pixels([leg.border_point[0]], [leg.border_point[1]])[0]
    stops = [(s.place.lon, s.place.lat) for s in journey.route.stops]
    if not stops:
        return True
    px = frame.pixels(*zip(*stops, strict=True))
    return bool(np.min(np.hypot(px[:, 0] - bx, px[:, 1] - by)) > 16 * frame.dpi / 150)


def _draw_arrow(ax, x: np.ndarray, y: np.ndarray, colour: str) -> None:
    """A direction arrowhead halfway along a projected line."""
    steps = np.hypot(np.diff(x), np.diff(y))
    total = float(steps.sum())
    if total <= 0:
        return
    along = np.concatenate([[0.0], np.cumsum(steps)])
    mid, ahead = total * 0.5, min(total * 0.5 + total * 0.02, total)
    xm, ym = np.interp(mid, along, x), np.interp(mid, along, y)
    xa, ya = np.interp(ahead, along, x), np.interp(ahead, along, y)
    if math.hypot(xa - xm, ya - ym) <= 0:
        return
    ax.annotate(
        "",
        xy=(xa, ya),
        xytext=(xm, ym),
        zorder=7,
        arrowprops={
            "arrowstyle": "-|>,head_length=0.9,head_width=0.5",
            "color": colour,
            "linewidth": 0,
            "shrinkA": 0,
            "shrinkB": 0,
        },
    )


@dataclass
class _Label:
    """A label waiting for a spot: anchor in data coordinates, text and text style."""

    x: float
    y: float
    text: str
    size: float
    colour: str
    weight: str
    priority: int
    gap: float
    fontstyle: str = "normal"
    #: Dropped when more than this share of it would lie on labels already placed.
    max_clash: float = 0.05


def _draw_places(ax, frame: MapFrame, journey: Journey) -> list[_Label]:
    """Numbered stop markers and small grey context places; returns their labels."""
    labels: list[_Label] = []
    x0, y0, x1, y1 = frame.bounds
    stop_ids = {s.place.id for s in journey.route.stops}
    dots: list[tuple[float, float]] = []
    markers: list[tuple[float, float, str]] = []
    for located in journey.places:
        place = located.place
        if place.id in stop_ids or (place.kind in AREA_KINDS and place.outline):
            continue
        x, y = frame.project([place.lon], [place.lat])
        if not (x0 < x[0] < x1 and y0 < y[0] < y1):
            continue
        if place.kind in AREA_KINDS:  # a country or region without outline: a spaced name
            name = " ".join(place.name.upper())
            labels.append(_Label(float(x[0]), float(y[0]), name, 10, "#8C8C8C", "normal", 3, 0))
            continue
        dots.append((float(x[0]), float(y[0])))
        labels.append(_Label(float(x[0]), float(y[0]), place.name, 8.5, "#6E6E6E", "normal", 1, 5))
    dense = len(journey.route.stops) > _DENSE_STOPS
    for number, stop in enumerate(journey.route.stops, start=1):
        x, y = frame.project([stop.place.lon], [stop.place.lat])
        markers.append((float(x[0]), float(y[0]), style.role_colour(stop.role)))
        ax.text(
            x[0],
            y[0],
            str(number),
            fontsize=8.5,
            fontweight="bold",
            color="white",
            ha="center",
            va="center_baseline",
            zorder=11,
        )
        if dense:  # names only, dropped where they would collide: the footer key lists all
            text, size, clash = stop.place.name, 9.0, 0.15
        else:
            text, size, clash = _stop_label(stop), 10.5, math.inf
        labels.append(
            _Label(float(x[0]), float(y[0]), text, size, "#1A1A1A", "bold", 0, 12, max_clash=clash)
        )
    _scatter(ax, [(x, y, style.role_colour("context")) for x, y in dots], 4.5, 0.8, 9)
    _scatter(ax, markers, 17, 1.8, 10)
    return labels


def _scatter(ax, points: list[tuple[float, float, str]], size: float, edge: float, z: float):
    """White-edged round markers ``size`` points across, one collection for all of them."""
    if points:
        xs, ys, colours = zip(*points, strict=True)
        ax.scatter(
            xs, ys, s=size**2, c=list(colours), edgecolors="white", linewidths=edge, zorder=z
        )


def _stop_label(stop) -> str:
    """A stop's label: its name, then km and the estimated arrival."""
    details = [f"{stop.km:,.0f} km"]
    if stop.reported is not None:
        details.append(f"reported {_reported_time(stop.reported)}")
    elif stop.eta is not None:
        details.append(f"est. {_estimated_time(stop.eta)}")
    if stop.off_network:
        details.append("off the rail network")
    return f"{stop.place.name}\n{' · '.join(details)}"


def _estimated_time(when: datetime) -> str:
    """An estimate from an assumed speed, rounded to the hour: it is no better than that."""
    rounded = (when + timedelta(minutes=30)).replace(minute=0, second=0, microsecond=0)
    return f"{rounded:%d %b %H}:00"


def _reported_time(when: datetime) -> str:
    """A reported time as given: the day alone when no time of day came with it."""
    if (when.hour, when.minute, when.second) == (0, 0, 0):
        return f"{when:%d %b}"
    return f"{when:%d %b %H:%M}"


_OFFSETS = (
    (1, 1),
    (1, -1),
    (-1, 1),
    (-1, -1),
    (1.3, 0),
    (-1.3, 0),
    (0, 1.3),
    (0, -1.3),
    (2.2, 1.4),
    (2.2, -1.4),
    (-2.2, 1.4),
    (-2.2, -1.4),
    (0, 2.6),
    (0, -2.6),
)


def _place_labels(
    figure: Figure, ax, labels: list[_Label], route: np.ndarray, boxes: list[tuple]
) -> None:
    """Place labels greedily where they overlap least with each other, markers, the route,
    the legend and the scale bar (``boxes``, in pixels).

    Each label is measured once; its candidate positions are that box shifted, and all of them
    are scored at once against the boxes taken so far and a summed-area table of the route, so
    the work grows with labels × placed labels, not with text layouts.
    """
    renderer = figure.canvas.get_renderer()
    to_px = ax.transData
    taken = _Taken([_marker_box(to_px, label) for label in labels if label.gap > 0] + list(boxes))
    route_px = _densified(to_px.transform(route)) if len(route) else np.empty((0, 2))
    panel = _box_tuple(ax.get_window_extent(renderer))
    route_cells = _RouteCells(route_px, figure.bbox.width, figure.bbox.height)
    points_to_px = figure.dpi / 72.0
    for label in sorted(labels, key=lambda item: item.priority):
        offsets = np.asarray(((0, 0), *_OFFSETS) if label.gap == 0 else _OFFSETS, float)
        gap = max(label.gap, 14)
        text = _annotation(ax, label, 1, 1, gap)
        measured = _box_tuple(text.get_window_extent(renderer))
        anchor = to_px.transform((label.x, label.y))
        candidates = _candidate_boxes(anchor, measured, offsets * gap * points_to_px)
        cost = taken.overlap(candidates) + 60.0 * route_cells.count(candidates)
        cost += 400.0 * _outside(candidates, panel)
        best = int(np.argmin(cost))
        if taken.overlap(candidates[best : best + 1])[0] / _area(candidates[best]) > (
            label.max_clash
        ):
            text.remove()  # better no label than one printed over another
            continue
        dx, dy = offsets[best]
        text.xyann = (dx * gap, dy * gap)
        text.set_horizontalalignment("left" if dx > 0 else "right" if dx < 0 else "center")
        text.set_verticalalignment("bottom" if dy > 0 else "top" if dy < 0 else "center")
        taken.add(tuple(candidates[best]))


def _candidate_boxes(anchor, measured: tuple[float, ...], shifts: np.ndarray) -> np.ndarray:
    """Pixel boxes (n, 4) of a label measured left/bottom-aligned at ``shifts`` from ``anchor``,
    each aligned away from the anchor as :func:`_annotation` aligns it."""
    width, height = measured[2] - measured[0], measured[3] - measured[1]
    dx, dy = shifts[:, 0], shifts[:, 1]
    x0 = anchor[0] + dx - np.where(dx > 0, 0.0, np.where(dx < 0, width, width / 2))
    y0 = anchor[1] + dy - np.where(dy > 0, 0.0, np.where(dy < 0, height, height / 2))
    return np.column_stack([x0, y0, x0 + width, y0 + height])


def _area(box) -> float:
    """Area of a pixel box, at least one pixel."""
    return max(float((box[2] - box[0]) * (box[3] - box[1])), 1.0)


def _outside(candidates: np.ndarray, panel: tuple[float, ...]) -> np.ndarray:
    """How far (px) each box pokes out of the map panel, summed over its four sides."""
    x0, y0, x1, y1 = panel
    return (
        np.maximum(0, x0 - candidates[:, 0])
        + np.maximum(0, candidates[:, 2] - x1)
        + np.maximum(0, y0 - candidates[:, 1])
        + np.maximum(0, candidates[:, 3] - y1)
    )


class _Taken:
    """Pixel boxes already occupied, kept as one growing array for vectorised overlap sums."""

    def __init__(self, boxes: list[tuple]) -> None:
        self._boxes = np.empty((max(len(boxes), 16) * 2, 4))
        self._count = 0
        for box in boxes:
            self.add(box)

    def add(self, box: tuple) -> None:
        """Occupy ``box`` (x0, y0, x1, y1)."""
        if self._count == len(self._boxes):
            self._boxes = np.vstack([self._boxes, np.empty_like(self._boxes)])
        self._boxes[self._count] = box
        self._count += 1

    def overlap(self, candidates: np.ndarray) -> np.ndarray:
        """Summed overlap area (px²) of each candidate box with the occupied ones."""
        taken = self._boxes[: self._count]
        if not len(taken):
            return np.zeros(len(candidates))
        w = np.minimum(candidates[:, None, 2], taken[None, :, 2]) - np.maximum(
            candidates[:, None, 0], taken[None, :, 0]
        )
        h = np.minimum(candidates[:, None, 3], taken[None, :, 3]) - np.maximum(
            candidates[:, None, 1], taken[None, :, 1]
        )
        return (np.clip(w, 0, None) * np.clip(h, 0, None)).sum(axis=1)


class _RouteCells:
    """Route points counted per pixel cell, as a summed-area table: points in a box in O(1)."""

    _CELL = 4.0

    def __init__(self, points: np.ndarray, width: float, height: float) -> None:
        cols, rows = int(width // self._CELL) + 2, int(height // self._CELL) + 2
        grid = np.zeros((rows + 1, cols + 1))
        if len(points):
            i = np.clip((points[:, 1] // self._CELL).astype(int), 0, rows - 1) + 1
            j = np.clip((points[:, 0] // self._CELL).astype(int), 0, cols - 1) + 1
            np.add.at(grid, (i, j), 1.0)
        self._table = grid.cumsum(axis=0).cumsum(axis=1)
        self._shape = (rows, cols)

    def count(self, boxes: np.ndarray) -> np.ndarray:
        """Route points inside each box (to the nearest cell)."""
        rows, cols = self._shape
        j0 = np.clip((boxes[:, 0] // self._CELL).astype(int), 0, cols)
        i0 = np.clip((boxes[:, 1] // self._CELL).astype(int), 0, rows)
        j1 = np.clip((boxes[:, 2] // self._CELL).astype(int), 0, cols)
        i1 = np.clip((boxes[:, 3] // self._CELL).astype(int), 0, rows)
        t = self._table
        return t[i1, j1] - t[i0, j1] - t[i1, j0] + t[i0, j0]


def _annotation(ax, label: _Label, dx: float, dy: float, gap: float):
    """A label offset by (``dx``, ``dy``) ``gap`` points from its anchor, aligned away from it."""
    ha = "left" if dx > 0 else "right" if dx < 0 else "center"
    va = "bottom" if dy > 0 else "top" if dy < 0 else "center"
    return ax.annotate(
        label.text,
        (label.x, label.y),
        xytext=(dx * gap, dy * gap),
        textcoords="offset points",
        ha=ha,
        va=va,
        fontsize=label.size,
        color=label.colour,
        fontweight=label.weight,
        zorder=12,
        fontstyle=label.fontstyle,
        bbox=_HALO,
        linespacing=1.15,
    )


def _densified(points: np.ndarray, step: float = 4.0) -> np.ndarray:
    """Pixel points every ``step`` pixels along consecutive ``points`` (one polyline)."""
    if len(points) < 2:
        return points
    segments = np.diff(points, axis=0)
    counts = np.maximum((np.hypot(segments[:, 0], segments[:, 1]) // step).astype(int), 1)
    index = np.repeat(np.arange(len(segments)), counts)
    starts = np.repeat(np.cumsum(counts) - counts, counts)
    share = (np.arange(counts.sum()) - starts + 1) / np.repeat(counts, counts)
    return np.vstack([points[:1], points[index] + segments[index] * share[:, None]])


def _data_box_px(ax, box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """A data-coordinate box (x0, y0, x1, y1) in display pixels."""
    (a, b), (c, d) = ax.transData.transform([(box[0], box[1]), (box[2], box[3])])
    return (min(a, c), min(b, d), max(a, c), max(b, d))


def _marker_box(transform, label: _Label) -> tuple[float, float, float, float]:
    """A small pixel box around a label's marker."""
    px, py = transform.transform((label.x, label.y))
    r = 11 if label.priority == 0 else 5
    return (px - r, py - r, px + r, py + r)


def _box_tuple(box) -> tuple[float, float, float, float]:
    """A matplotlib Bbox as (x0, y0, x1, y1)."""
    return (box.x0, box.y0, box.x1, box.y1)


def _draw_legend(ax, frame: MapFrame, journey: Journey, route: np.ndarray, labels: list[_Label]):
    """The legend, in the panel corner that covers the least of the route."""
    handles = []
    countries: list[str] = []
    for leg in journey.route.legs:
        if leg.kind == LegKind.RAIL:
            countries += [c for c in leg.countries if c not in countries]
    for country in countries:
        name = style.COUNTRY_NAMES.get(country.upper(), country)
        handles.append(
            Line2D(
                [],
                [],
                color=style.country_colour(country),
                linewidth=3.4,
                label=f"Rail route in {name}",
            )
        )
    if any(leg.kind == LegKind.RAIL and not leg.countries for leg in journey.route.legs):
        handles.append(Line2D([], [], color=style.DEFAULT_ROUTE_COLOUR, lw=3.4, label="Rail route"))
    kinds = {leg.kind for leg in journey.route.legs}
    for kind, (colour, dash) in style.LEG_STYLES.items():
        if kind in kinds:
            handles.append(
                Line2D(
                    [],
                    [],
                    color=colour,
                    linewidth=3.4,
                    linestyle=(0, dash),
                    label=style.LEG_LABELS[kind],
                )
            )
    roles = [r for r in STOP_ROLES if any(s.role == r for s in journey.route.stops)]
    for role in roles:
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                markersize=11,
                color=style.role_colour(role),
                markeredgecolor="white",
                linestyle="none",
                label=f"Stop: {role}",
            )
        )
    if any(_shows_border_mark(frame, journey, leg) for leg in journey.route.legs):
        handles.append(
            Line2D(
                [],
                [],
                marker="X",
                markersize=10,
                color="#222222",
                markeredgecolor="white",
                linestyle="none",
                label="Border crossing",
            )
        )
    if any(label.priority == 1 for label in labels):  # a grey context marker is drawn
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                markersize=5,
                color=style.role_colour("context"),
                linestyle="none",
                label="Other place mentioned",
            )
        )
    if any(label.priority == 2 for label in labels):  # an area shows on the map
        handles.append(
            Patch(
                facecolor=style.AREA_FILL,
                alpha=0.35,
                edgecolor=style.AREA_FILL,
                label="Area mentioned",
            )
        )
    handles.append(
        Line2D([], [], color=style.BORDER_COLOUR, linewidth=1.1, label="National border")
    )
    best = None
    for loc in ("lower right", "upper left", "upper right", "lower left"):
        legend = ax.legend(
            handles=handles,
            loc=loc,
            fontsize=9,
            frameon=True,
            framealpha=0.92,
            edgecolor="#999999",
            borderpad=0.8,
            labelspacing=0.6,
        )
        cost = _legend_cost(ax, legend, route)
        if best is None or cost < best[0]:
            best = (cost, loc)
    legend = ax.legend(
        handles=handles,
        loc=best[1],
        fontsize=9,
        frameon=True,
        framealpha=0.92,
        edgecolor="#999999",
        borderpad=0.8,
        labelspacing=0.6,
    )
    legend.set_zorder(20)
    return legend


def _legend_cost(ax, legend, route: np.ndarray) -> int:
    """How many route vertices a legend would hide."""
    if not len(route):
        return 0
    box = legend.get_window_extent(ax.figure.canvas.get_renderer())
    px = _densified(ax.transData.transform(route))
    return int(
        (
            (px[:, 0] > box.x0) & (px[:, 0] < box.x1) & (px[:, 1] > box.y0) & (px[:, 1] < box.y1)
        ).sum()
    )


def _nice_km(target: float) -> float:
    """The largest 1-2-2.5-5 × 10^n length not above ``target`` km."""
    exponent = 10 ** math.floor(math.log10(max(target, 1e-6)))
    return max(s * exponent for s in (1, 2, 2.5, 5) if s * exponent <= target)


def _draw_scale_and_north(ax, frame: MapFrame, legend) -> list[tuple[float, ...]]:
    """A km scale bar in a lower corner and a north arrow in an upper corner, both clear of
    the legend; returns their boxes in data coordinates (for the label placer)."""
    x0, y0, x1, y1 = frame.bounds
    w, h = x1 - x0, y1 - y0
    loc = legend._loc  # 1 upper right, 2 upper left, 3 lower left, 4 lower right
    bar_x = x0 + 0.035 * w
    if loc == 3:
        bar_x = x1 - 0.035 * w - 0.3 * w
    bar_y = y0 + 0.035 * h
    lon, lat = _transformer(frame.crs, "EPSG:4326").transform(bar_x, bar_y)
    k = Proj(CRS.from_user_input(frame.crs)).get_factors(lon, lat).parallel_scale
    km = _nice_km(w * 0.25 / 1000.0 / k)
    length = km * 1000.0 * k
    if loc == 3:
        bar_x = x1 - 0.035 * w - length
    pieces = 4 if (km / 4) % 1 == 0 or km in (1, 2, 5) else 2
    bar_h = h * 0.008
    for i in range(pieces):
        ax.add_patch(
            Rectangle(
                (bar_x + i * length / pieces, bar_y),
                length / pieces,
                bar_h,
                facecolor="#222222" if i % 2 == 0 else "white",
                edgecolor="#222222",
                linewidth=0.8,
                zorder=15,
            )
        )
    ticks = [(0.0, 0.0), (km / 2, 0.5), (km, 1.0)] if pieces == 4 else [(0.0, 0.0), (km, 1.0)]
    for value, share in ticks:
        text = f"{value:g} km" if value == km else f"{value:g}"
        ax.text(
            bar_x + share * length,
            bar_y + bar_h * 1.8,
            text,
            fontsize=8.5,
            ha="center",
            va="bottom",
            zorder=15,
            bbox=_HALO,
        )
    north_x = x1 - 0.045 * w if loc == 2 else x0 + 0.045 * w
    north_y = y1 - 0.12 * h
    _draw_north(ax, frame, north_x, north_y, h)
    return [
        (bar_x - 0.02 * w, bar_y - 0.01 * h, bar_x + length + 0.03 * w, bar_y + 0.05 * h),
        (north_x - 0.025 * w, north_y - 0.01 * h, north_x + 0.025 * w, y1),
    ]


def _draw_north(ax, frame: MapFrame, x: float, y: float, h: float) -> None:
    """A north arrow rising from projected (x, y), turned to true north there."""
    inverse = _transformer(frame.crs, "EPSG:4326")
    lon, lat = inverse.transform(x, y)
    nx, ny = frame.project([lon, lon], [lat, lat + 0.2])
    dx, dy = nx[1] - nx[0], ny[1] - ny[0]
    norm = math.hypot(dx, dy) or 1.0
    size = h * 0.055
    tip = (x + dx / norm * size, y + dy / norm * size)
    ax.annotate(
        "",
        xy=tip,
        xytext=(x, y),
        zorder=15,
        arrowprops={
            "arrowstyle": "-|>,head_length=0.9,head_width=0.5",
            "color": "#222222",
            "linewidth": 2.0,
        },
    )
    ax.text(
        tip[0] + dx / norm * size * 0.1,
        tip[1] + dy / norm * size * 0.1,
        "N",
        fontsize=12,
        fontweight="bold",
        ha="center",
        va="bottom",
        zorder=15,
        bbox=_HALO,
    )


def _draw_titles(figure: Figure, frame: MapFrame, journey: Journey) -> None:
    """Title, a subtitle with the date and distances, and the sources line."""
    width, height = frame.size
    left = frame.panel[0] / width
    top = frame.panel[1]
    title = _shorten(journey.title or "Reported route", 110)
    size = 18 if len(title) <= 70 else max(12, 18 * 70 / len(title))
    figure.text(
        left,
        1 - 0.28 * top / height,
        title,
        fontsize=size,
        fontweight="bold",
        va="center",
        ha="left",
        color="#111111",
    )
    figure.text(
        left,
        1 - 0.62 * top / height,
        _subtitle(journey),
        fontsize=11,
        va="center",
        ha="left",
        color="#444444",
    )
    scale = frame.dpi / 150.0
    panel_bottom = frame.panel[1] + frame.panel[3]
    for row, line in enumerate(_stop_key_lines(journey, width)):
        y_px = panel_bottom + (10 + (row + 0.5) * _KEY_LINE_PX) * scale
        figure.text(
            left, 1 - y_px / height, line, fontsize=8.5, va="center", ha="left", color="#222222"
        )
    footer_y = 0.5 * _FOOTER_PX * scale / height
    figure.text(
        left, footer_y, _sources_line(journey), fontsize=8, va="center", ha="left", color="#555555"
    )
    line_gap = 9 * scale / height  # the right column holds two short lines
    figure.text(
        1 - left,
        footer_y + line_gap,
        RAIL_ATTRIBUTION,
        fontsize=8,
        va="center",
        ha="right",
        color="#555555",
    )
    figure.text(
        1 - left,
        footer_y - line_gap,
        "Lambert conformal conic projection",
        fontsize=8,
        va="center",
        ha="right",
        color="#777777",
    )


def _stop_key_lines(journey: Journey, width_px: int) -> list[str]:
    """The numbered stop list printed under a dense map, wrapped to the image width."""
    stops = journey.route.stops
    if len(stops) <= _DENSE_STOPS:
        return []
    # No-break spaces keep each "12 Saint Petersburg" whole when the key wraps.
    entries = [
        f"{n} {_shorten(s.place.name, 40)}".replace(" ", "\u00a0")
        for n, s in enumerate(stops, start=1)
    ]
    width = max(40, int(_KEY_CHARS_PER_1800PX * width_px / 1800))
    return textwrap.wrap("Stops: " + " · ".join(entries), width=width, break_on_hyphens=False)


def _subtitle(journey: Journey) -> str:
    """Dates of the reports, the number of stops, rail distance and the speed assumed."""
    parts = []
    published = sorted({r.published for r in journey.reports if r.published})
    if published:
        parts.append(f"Reported {_date_range(published)}")
    stops = journey.route.stops
    if stops:
        parts.append(
            f"{len(stops)} stops, {journey.route.total_km:,.0f} km "
            f"({journey.route.rail_km:,.0f} km by rail)"
        )
    if any(s.eta for s in stops):
        parts.append(f"estimated times at {journey.settings.speed_kmh:g} km/h")
    count = len(journey.reports)
    parts.append(f"{count} report{'s' if count != 1 else ''}")
    return " · ".join(parts)


def _date_range(days: Sequence[date]) -> str:
    """ "11 Sep 2023" or "11–14 Sep 2023" style text for sorted dates."""
    first, last = days[0], days[-1]
    if first == last:
        return f"{first.day} {first:%b %Y}"
    return f"{first.day} {first:%b %Y} – {last.day} {last:%b %Y}"


def _sources_line(journey: Journey) -> str:
    """ "Sources: …" naming who the quotes behind the map are attributed to (up to four, in
    the order the journey meets them), then the data credits."""
    stop_ids = [stop.place.id for stop in journey.route.stops]
    order = {pid: i for i, pid in enumerate(stop_ids)}
    places = sorted(journey.places, key=lambda lp: order.get(lp.place.id, len(order)))
    names: list[str] = []
    for located in places:
        for mention in located.mentions:
            label = _shorten(mention.source, 40)
            if label and label not in names:
                names.append(label)
    shown = ", ".join(names[:4]) + (f" and {len(names) - 4} more" if len(names) > 4 else "")
    line = f"Sources: {shown or 'none'} · {DATA_CREDITS}"
    published = [r.published for r in journey.reports if r.published]
    if published:  # the reports' own date, never the clock: same input, same image
        latest = max(published)
        line += f" · Reports to {latest.day} {latest:%b %Y}"
    return line


def _shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
