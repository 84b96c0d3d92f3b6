"""The static map (PNG, SVG, PDF from one drawing): the figure assembled from its layers.

``frame`` places the map (projection and size), ``basemap`` draws the ground and the areas,
``route`` the legs, ``places`` the numbered markers, ``callouts`` words their quotes,
``names`` adds country and sea names, ``labels`` places all text, ``inset`` the locator map,
``furniture`` the legend, scale, north arrow, title and credits, ``fonts`` the typefaces.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass
from pathlib import Path

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from routes.model import NO_PLACES_MESSAGE, Journey
from routes.publish import style
from routes.publish.legs import route_colours
from routes.publish.png.basemap import draw_areas, draw_basemap, draw_graticule
from routes.publish.png.fonts import lean_pdf_subsets, register_fonts
from routes.publish.png.frame import MapFrame, map_frame
from routes.publish.png.furniture import draw_legend, draw_scale_and_north, draw_titles
from routes.publish.png.inset import draw_inset
from routes.publish.png.labels import box_tuple, data_box_px, place_labels
from routes.publish.png.names import name_labels
from routes.publish.png.places import StopMarker, draw_places
from routes.publish.png.route import draw_route
from routes.publish.png.text import sources_line

__all__ = [
    "MapDrawing",
    "MapFrame",
    "MapLayout",
    "alt_text",
    "caption",
    "map_frame",
    "map_layout",
    "render_map",
    "render_png",
    "write_png",
]

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


def _rc() -> dict:
    """:data:`_RC` with the map's fonts (Latin, Cyrillic and Hangul) registered and chosen."""
    return {**_RC, "font.family": list(register_fonts())}


class MapDrawing:
    """One drawing of a journey's static map, saved as PNG, SVG or PDF.

    Drawing (projection, outlines, label placement) is most of the work; saving is the rest.
    A build that writes all three formats draws once and saves three times.
    """

    def __init__(
        self,
        journey: Journey,
        *,
        width_px: int | None = None,
        dpi: int = 150,
        size: str | None = None,
    ) -> None:
        with matplotlib.rc_context(_rc()):
            self.frame = map_frame(journey, width_px=width_px, dpi=dpi, size=size)
            self.figure, self.layout = _draw(journey, self.frame)
        self._lock = threading.Lock()  # one save at a time: savefig draws the figure again

    def save(self, fmt: str = "png") -> bytes:
        """The drawing as a ``fmt`` file (``png``, ``svg`` or ``pdf``); same journey, same bytes."""
        if fmt not in _FORMAT_METADATA:
            msg = f"map format must be one of {', '.join(_FORMAT_METADATA)}, not {fmt!r}"
            raise ValueError(msg)
        buffer = io.BytesIO()
        with self._lock, matplotlib.rc_context(_rc()), lean_pdf_subsets():
            self.figure.savefig(
                buffer, format=fmt, dpi=self.frame.dpi, metadata=_FORMAT_METADATA[fmt]
            )
        return buffer.getvalue()


def render_map(
    journey: Journey,
    fmt: str = "png",
    *,
    width_px: int | None = None,
    dpi: int = 150,
    size: str | None = None,
) -> bytes:
    """The journey as a publishable map in ``fmt`` (``png``, ``svg`` or ``pdf``), drawn offline.

    All three formats come from one drawing (:class:`MapDrawing`); the bytes depend on the
    journey only.

    Parameters
    ----------
    journey
        The pipeline's result.
    fmt
        ``"png"``, ``"svg"`` or ``"pdf"``.
    width_px
        Image width in pixels; by default the size's own (at least 1600 for print).
    dpi
        Dots per inch; text sizes are in points, so a higher dpi gives larger text.
    size
        ``"tall"`` (the route's own shape), ``"16:9"``, ``"1:1"`` or ``"4:5"``; by default
        ``journey.settings.map_size``.

    Returns
    -------
    bytes
        The file.
    """
    if fmt not in _FORMAT_METADATA:
        raise ValueError(f"map format must be one of {', '.join(_FORMAT_METADATA)}, not {fmt!r}")
    return MapDrawing(journey, width_px=width_px, dpi=dpi, size=size).save(fmt)


def render_png(
    journey: Journey, *, width_px: int | None = None, dpi: int = 150, size: str | None = None
) -> bytes:
    """:func:`render_map` as PNG."""
    return render_map(journey, "png", width_px=width_px, dpi=dpi, size=size)


def alt_text(journey: Journey) -> str:
    """A description of the static map for screen readers (the image's alt text)."""
    stops = journey.route.stops
    if not stops:
        return "Map of the region the reports cover; no stop of the journey could be located."
    names = ", ".join(stop.place.name for stop in stops)
    km = stops[-1].km
    return (
        f"Map of a {km:,.0f} km rail journey with {len(stops)} numbered stops in order: {names}. "
        f"Each stop is labelled with its rail distance from {stops[0].place.name}, a reported "
        "or estimated time and a short quote from the report that places the train there, "
        "with its source."
    )


def caption(journey: Journey) -> str:
    """A suggested caption: the route, who reported it and the data credits."""
    stops = journey.route.stops
    route = " → ".join(stop.place.name for stop in stops) if stops else "No located stops"
    return f"{route}, as reported. {sources_line(journey)}."


def write_png(journey: Journey, path: Path, *, width_px: int | None = None, dpi: int = 150) -> Path:
    """Write :func:`render_png` of ``journey`` to ``path``; returns the path."""
    path = Path(path)
    path.write_bytes(render_png(journey, width_px=width_px, dpi=dpi))
    return path


@dataclass(frozen=True)
class MapLayout:
    """Where the drawing put its stop markers and labels, in image pixels (origin top left).

    ``markers`` are ``(text, column, row, radius)``; ``labels`` are ``(text, detail, box)``
    with ``box`` = ``(left, top, right, bottom)``; a callout has a non-empty ``detail``.
    """

    markers: tuple[tuple[str, float, float, float], ...]
    labels: tuple[tuple[str, str, tuple[float, float, float, float]], ...]


def map_layout(journey: Journey, *, size: str | None = None, dpi: int = 150) -> MapLayout:
    """The layout :func:`render_map` draws for ``journey``: markers and placed labels."""
    return MapDrawing(journey, dpi=dpi, size=size).layout


def _draw(journey: Journey, frame: MapFrame) -> tuple[Figure, MapLayout]:
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
        spine.set_edgecolor(style.FRAME_COLOUR)
        spine.set_linewidth(0.8)
    x0, y0, x1, y1 = frame.bounds
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_autoscale_on(False)
    draw_basemap(ax, frame)
    draw_graticule(ax, frame)
    area_labels = draw_areas(ax, frame, journey)
    colours = route_colours(journey)  # one country → colour table for route and legend
    route, border_mark = draw_route(ax, frame, journey, colours)
    labels, markers = draw_places(ax, frame, journey)
    labels += area_labels + name_labels(frame, journey)
    legend = draw_legend(ax, journey, route, labels, colours, border_mark=border_mark)
    furniture = draw_scale_and_north(ax, frame, legend)
    legend_box = box_tuple(legend.get_window_extent(figure.canvas.get_renderer()))
    circles = _marker_circles(ax, markers)
    boxes = [legend_box] + [data_box_px(ax, box) for box in furniture]
    if (journey.route.stops or journey.places) and frame.needs_inset:
        boxes.append(draw_inset(figure, ax, frame, _inset_corner(ax, legend, route)))
    boxes += [(x - r, y - r, x + r, y + r) for _, x, y, r in circles]
    placed = place_labels(figure, ax, labels, route, boxes)
    draw_titles(figure, frame, journey)
    if not journey.places and not journey.route.stops:
        ax.text(
            0.5,
            0.5,
            NO_PLACES_MESSAGE,
            transform=ax.transAxes,
            fontsize=20,
            ha="center",
            va="center",
            color=style.CALLOUT_TEXT,
            bbox={
                "facecolor": "white",
                "edgecolor": style.FRAME_COLOUR,
                "boxstyle": "round,pad=0.6",
            },
        )
    return figure, _layout(height, circles, placed)


def _inset_corner(ax, legend, route) -> str:
    """The upper corner for the locator inset: not the legend's, else the one over less of
    the route."""
    loc = legend._loc  # 1 upper right, 2 upper left, 3 lower left, 4 lower right
    if loc in (1, 2):
        return "upper left" if loc == 1 else "upper right"
    if not len(route):
        return "upper right"
    px = ax.transData.transform(route)
    box = ax.get_window_extent()
    high = px[:, 1] > box.y0 + box.height * 0.7
    mid = box.x0 + box.width / 2
    right, left = int((high & (px[:, 0] > mid)).sum()), int((high & (px[:, 0] <= mid)).sum())
    return "upper left" if right > left else "upper right"


def _marker_circles(ax, markers: list[StopMarker]) -> list[tuple[str, float, float, float]]:
    """Each stop marker as (text, x, y, radius) in display pixels (origin bottom left)."""
    to_px = ax.figure.dpi / 72.0
    circles = []
    for marker in markers:
        x, y = ax.transData.transform((marker.x, marker.y))
        circles.append((marker.text, float(x), float(y), marker.diameter / 2 * to_px))
    return circles


def _layout(height: float, circles: list, placed: list) -> MapLayout:
    """Display-pixel circles and boxes as a :class:`MapLayout` in image pixels."""
    return MapLayout(
        markers=tuple((text, x, height - y, r) for text, x, y, r in circles),
        labels=tuple(
            (label.text, label.detail, (x0, height - y1, x1, height - y0))
            for label, (x0, y0, x1, y1) in placed
        ),
    )
