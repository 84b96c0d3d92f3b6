"""Where the static map sits: its projection, the image size and the map panel inside it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from pyproj import Transformer

from routes.model import AREA_KINDS, STOP_ROLES, Journey
from routes.publish.lonlat import lon_window, unwrap
from routes.publish.png.text import credit_lines, stop_key_lines

#: Fixed bands around the map, in pixels at 150 dpi (scaled with the dpi).
TITLE_PX = 150
FOOTER_PX = 24
#: Height of one line of the credits under the map (px at 150 dpi).
CREDIT_LINE_PX = 22
_SIDE_PX = 36
#: Height / width of the map panel is kept between these, whatever the route's shape.
_MIN_ASPECT, _MAX_ASPECT = 0.62, 1.15
#: Padding around the route, as a share of its extent, and the smallest map span (m).
_PAD = 0.18
_MIN_SPAN_M = 350_000.0
#: Context places farther than this share of the route span outside it are left off the map.
_CONTEXT_REACH = 0.35
#: Widest arc of longitude (degrees) a conic map holds; a journey spread wider gets a world
#: map, in the Miller cylindrical projection (every point of its rectangle is somewhere).
_CONIC_MAX_LON_SPAN = 200.0
#: The name printed under the map for each projection (a world map or not).
PROJECTION_NAMES = {
    False: "Lambert conformal conic projection",
    True: "Miller cylindrical projection",
}
#: Where the map falls back to when a journey has no located point at all (Korea and Primorye).
_FALLBACK_LONLAT = ((124.0, 37.5), (132.5, 43.5))
#: Image (width, height) in pixels of each map shape; no height: it follows the route.
SIZE_PRESETS: dict[str, tuple[int, int | None]] = {
    "tall": (1800, None),
    "16:9": (1920, 1080),
    "1:1": (1800, 1800),
    "4:5": (1600, 2000),
}
#: Height of one line of the numbered stop key (px at 150 dpi).
KEY_LINE_PX = 24


@dataclass(frozen=True)
class MapFrame:
    """The projection and pixel layout of one PNG, so points can be located in it.

    ``crs`` is a Lambert conformal conic centred on the journey (``world``: a Miller
    cylindrical map of the whole world) with central meridian ``centre_lon``; ``bounds``
    the map panel in projected metres ``(x0, y0, x1, y1)``; ``panel`` the panel in image
    pixels ``(left, top, width, height)``; ``size`` the image ``(width, height)`` in pixels.
    """

    crs: str
    bounds: tuple[float, float, float, float]
    panel: tuple[int, int, int, int]
    size: tuple[int, int]
    dpi: int
    centre_lon: float = 0.0
    world: bool = False

    @property
    def projection_name(self) -> str:
        """The projection's name as the map's credits print it."""
        return PROJECTION_NAMES[self.world]

    def inverse(self, xs, ys) -> tuple[np.ndarray, np.ndarray]:
        """WGS84 ``(lons, lats)`` of projected points, longitudes unwrapped around
        ``centre_lon`` (a map across the antimeridian gets 170 … 190, not 170 … -170).

        A world map's points beyond its rectangle (the margin past the poles and the seam)
        are taken at its edge, where they still name a place.
        """
        xs, ys = np.asarray(xs, float), np.asarray(ys, float)
        if self.world:
            x_max, y_max = _world_edge(self.crs, self.centre_lon)
            xs, ys = np.clip(xs, -x_max, x_max), np.clip(ys, -y_max, y_max)
        count = xs.size
        if count == 1:  # pyproj takes its deprecated scalar path for one-element arrays
            xs, ys = np.repeat(xs.ravel(), 2), np.repeat(ys.ravel(), 2)
        lons, lats = transformer(self.crs, "EPSG:4326").transform(xs, ys)
        lons, lats = np.asarray(lons, float)[:count], np.asarray(lats, float)[:count]
        return unwrap(lons, self.centre_lon), lats

    def project(self, lons: Sequence[float], lats: Sequence[float]) -> tuple[np.ndarray, ...]:
        """Projected ``(x, y)`` metres of WGS84 ``lons``/``lats``."""
        return project_to(self.crs, lons, lats)

    def pixels(self, lons: Sequence[float], lats: Sequence[float]) -> np.ndarray:
        """Image ``(column, row)`` pixel of each WGS84 point, as an (n, 2) float array."""
        x, y = self.project(lons, lats)
        x0, y0, x1, y1 = self.bounds
        left, top, width, height = self.panel
        cols = left + (x - x0) / (x1 - x0) * width
        rows = top + (y1 - y) / (y1 - y0) * height
        return np.column_stack([cols, rows])

    def lonlat_box(self) -> tuple[float, float, float, float]:
        """The WGS84 box ``(lon_min, lat_min, lon_max, lat_max)`` around the whole panel,
        its longitudes unwrapped as :meth:`inverse` gives them (see :func:`lonlat_pieces`)."""
        if self.world:
            return (self.centre_lon - 180.0, -90.0, self.centre_lon + 180.0, 90.0)
        x0, y0, x1, y1 = self.bounds
        t = np.linspace(0.0, 1.0, 41)
        xs = np.concatenate(
            [x0 + (x1 - x0) * t, np.full_like(t, x1), x1 - (x1 - x0) * t, np.full_like(t, x0)]
        )
        ys = np.concatenate(
            [np.full_like(t, y0), y0 + (y1 - y0) * t, np.full_like(t, y1), y1 - (y1 - y0) * t]
        )
        lons, lats = self.inverse(xs, ys)
        box = [float(lons.min()), float(lats.min()), float(lons.max()), float(lats.max())]
        for pole in (-90.0, 90.0):  # a panel around a pole holds every longitude up to it
            if self.holds(self.centre_lon, pole):
                box[0], box[2] = self.centre_lon - 180.0, self.centre_lon + 180.0
                box[1 if pole < 0 else 3] = pole
        return (box[0], box[1], box[2], box[3])

    def holds(self, lon: float, lat: float) -> bool:
        """Whether the WGS84 point lies inside the map panel."""
        x, y = self.project([lon], [lat])
        x0, y0, x1, y1 = self.bounds
        return bool(np.isfinite(x[0]) and x0 <= x[0] <= x1 and y0 <= y[0] <= y1)

    @property
    def needs_inset(self) -> bool:
        """Whether a locator inset helps: not on a map of half the world or more."""
        lon0, _, lon1, _ = self.lonlat_box()
        return not self.world and lon1 - lon0 < 180.0


def project_to(
    crs: str, lons: Sequence[float], lats: Sequence[float]
) -> tuple[np.ndarray, np.ndarray]:
    """Projected ``(x, y)`` of WGS84 ``lons``/``lats`` in ``crs``, as arrays of any length."""
    lons, lats = np.atleast_1d(np.asarray(lons, float)), np.atleast_1d(np.asarray(lats, float))
    count = len(lons)
    if count == 1:  # pyproj takes its deprecated scalar path for one-element arrays
        lons, lats = np.repeat(lons, 2), np.repeat(lats, 2)
    x, y = transformer("EPSG:4326", crs).transform(lons, lats)
    return np.asarray(x)[:count], np.asarray(y)[:count]


@lru_cache(maxsize=8)
def _world_edge(crs: str, centre_lon: float) -> tuple[float, float]:
    """Half the width and height (m) of a world map's rectangle: its seam and its poles."""
    x, y = project_to(crs, [centre_lon + 179.999, centre_lon], [0.0, 89.999])
    return abs(float(x[0])), abs(float(y[1]))


@lru_cache(maxsize=32)
def transformer(source: str, target: str) -> Transformer:
    """A cached (lon, lat)-ordered transformer between two CRS."""
    return Transformer.from_crs(source, target, always_xy=True)


def image_size(size: str, width_px: int | None = None) -> tuple[int, int | None]:
    """Image ``(width, height)`` in pixels of a :data:`~routes.model.MAP_SIZES` shape.

    ``height`` is None for ``"tall"`` (it follows the route). ``width_px`` scales the preset.
    """
    if size not in SIZE_PRESETS:
        msg = f"map size must be one of {', '.join(SIZE_PRESETS)}, not {size!r}"
        raise ValueError(msg)
    width, height = SIZE_PRESETS[size]
    if width_px is None:
        return width, height
    return width_px, None if height is None else round(width_px * height / width)


def map_frame(
    journey: Journey, *, width_px: int | None = None, dpi: int = 150, size: str | None = None
) -> MapFrame:
    """The projection and layout :func:`render_png` uses for ``journey``.

    Parameters
    ----------
    journey
        The pipeline's result.
    width_px
        Image width in pixels (at least 1600 for print); by default the size's own width.
    dpi
        Dots per inch: the pixel size of text and lines.
    size
        One of :data:`~routes.model.MAP_SIZES`; by default ``journey.settings.map_size``.
    """
    width_px, height_px = image_size(size or journey.settings.map_size, width_px)
    lonlats = _extent_points(journey)
    lons, lats = lonlats[:, 0], lonlats[:, 1]
    lat_lo, lat_hi = float(lats.min()), float(lats.max())
    west, east = lon_window(lons)
    world = east - west > _CONIC_MAX_LON_SPAN
    lon_mid = round(((west + east) / 2.0 + 180.0) % 360.0 - 180.0, 4)
    crs = _world_crs(lon_mid) if world else _conic_crs(lon_mid, lat_lo, lat_hi)
    x, y = project_to(crs, lons, lats)
    scale = dpi / 150.0
    side, title, footer = (round(v * scale) for v in (_SIDE_PX, TITLE_PX, FOOTER_PX))
    footer += round(len(stop_key_lines(journey, width_px)) * KEY_LINE_PX * scale)
    credits = credit_lines(journey, width_px, PROJECTION_NAMES[world])
    footer += round(len(credits) * CREDIT_LINE_PX * scale)
    panel_w = width_px - 2 * side
    (x0, x1), (y0, y1) = _padded(x), _padded(y)
    if height_px is None:
        aspect = min(max((y1 - y0) / (x1 - x0), _MIN_ASPECT), _MAX_ASPECT)
        panel_h = round(panel_w * aspect)
    else:
        panel_h = max(height_px - title - footer, 100)
    x0, y0, x1, y1 = _fit(x0, y0, x1, y1, panel_h / panel_w)
    return MapFrame(
        crs=crs,
        bounds=(x0, y0, x1, y1),
        panel=(side, title, panel_w, panel_h),
        size=(width_px, title + panel_h + footer),
        dpi=dpi,
        centre_lon=lon_mid,
        world=world,
    )


def _conic_crs(lon_mid: float, lat_lo: float, lat_hi: float) -> str:
    """A Lambert conformal conic centred on the journey, true at a third of its latitude
    span either side of the middle (at least 2 degrees of span)."""
    span = max(lat_hi - lat_lo, 2.0)
    lat_mid = (lat_lo + lat_hi) / 2.0
    return (
        f"+proj=lcc +lat_0={lat_mid:.4f} +lon_0={lon_mid:.4f} +lat_1={lat_mid - span / 3:.4f} "
        f"+lat_2={lat_mid + span / 3:.4f} +datum=WGS84 +units=m +no_defs"
    )


def _world_crs(lon_mid: float) -> str:
    """A Miller cylindrical world map centred on meridian ``lon_mid``."""
    return f"+proj=mill +lon_0={lon_mid:.4f} +datum=WGS84 +units=m +no_defs"


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
