"""Map furniture: legend, scale bar, north arrow, title, subtitle, stop key and credits."""

from __future__ import annotations

import math

import numpy as np
from matplotlib.collections import CircleCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from pyproj import CRS, Proj

from routes.model import AREA_KINDS, STOP_ROLES, Journey, LegKind, Role
from routes.publish import style
from routes.publish.png.basemap import shaded
from routes.publish.png.frame import CREDIT_LINE_PX, KEY_LINE_PX, MapFrame
from routes.publish.png.labels import HALO, Label, densified
from routes.publish.png.text import credit_lines, shorten, stop_key_lines, subtitle
from routes.publish.web.text import country_name


def draw_legend(
    ax,
    journey: Journey,
    route: np.ndarray,
    labels: list[Label],
    colours: dict[str, str],
    *,
    border_mark: bool,
):
    """The legend, in the panel corner that covers the least of the route; rail in the
    journey's country ``colours``; ``border_mark`` says whether a border-crossing mark is on
    the map."""
    handles = []
    countries: list[str] = []
    for leg in journey.route.legs:
        if leg.kind == LegKind.RAIL:
            countries += [c for c in leg.countries if c not in countries]
    for country in countries:
        handles.append(
            Line2D(
                [],
                [],
                color=style.route_colour(LegKind.RAIL, (country,), colours),
                linewidth=3.4,
                label=f"Rail route in {country_name(country)}",
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
                label=f"Stop: {style.ROLE_LABELS[role].lower()}",
            )
        )
    if style.added_by_hand(journey):
        handles.append(
            CircleCollection(
                [13.0**2],
                facecolors="none",
                edgecolors=style.ADDED_RING_COLOUR,
                linewidths=1.3,
                linestyles=[(0, style.ADDED_RING_DASH)],
                label=style.ADDED_BY_HAND,
            )
        )
    if border_mark:
        handles.append(
            Line2D(
                [],
                [],
                marker="X",
                markersize=10,
                color=style.INK_COLOUR,
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
                color=style.role_colour(Role.CONTEXT),
                linestyle="none",
                label="Other place mentioned",
            )
        )
    if any(
        shaded(journey, lp.role)
        for lp in journey.places
        if lp.place.kind in AREA_KINDS and lp.place.outline
    ):
        handles.append(
            Patch(
                facecolor=style.AREA_FILL,
                alpha=0.35,
                edgecolor=style.AREA_EDGE,
                linestyle=(0, (4, 3)),
                label="Area on the journey"
                if journey.settings.shade_areas == "journey"
                else "Area mentioned",
            )
        )
    handles.append(
        Line2D([], [], color=style.BORDER_COLOUR, linewidth=1.1, label="National border")
    )
    legend = ax.legend(
        handles=handles,
        loc="lower right",
        fontsize=9,
        frameon=True,
        framealpha=0.92,
        edgecolor=style.CALLOUT_EDGE,
        borderpad=0.8,
        labelspacing=0.6,
    )
    best = None
    for loc in ("lower right", "upper left", "upper right", "lower left"):
        legend.set_loc(loc)  # one legend tried in each corner: laid out once, not four times
        cost = _legend_cost(ax, legend, route)
        if best is None or cost < best[0]:
            best = (cost, loc)
    legend.set_loc(best[1])
    legend.set_zorder(20)
    return legend


def _legend_cost(ax, legend, route: np.ndarray) -> int:
    """How many route vertices a legend would hide."""
    if not len(route):
        return 0
    box = legend.get_window_extent(ax.figure.canvas.get_renderer())
    px = densified(ax.transData.transform(route))
    return int(
        (
            (px[:, 0] > box.x0) & (px[:, 0] < box.x1) & (px[:, 1] > box.y0) & (px[:, 1] < box.y1)
        ).sum()
    )


def _nice_km(target: float) -> float:
    """The largest 1-2-2.5-5 × 10^n length not above ``target`` km."""
    exponent = 10 ** math.floor(math.log10(max(target, 1e-6)))
    return max(s * exponent for s in (1, 2, 2.5, 5) if s * exponent <= target)


def draw_scale_and_north(ax, frame: MapFrame, legend) -> list[tuple[float, ...]]:
    """A km scale bar in a lower corner and a north arrow in an upper corner, both clear of
    the legend; returns their boxes in data coordinates (for the label placer).

    A world map has neither: its scale changes across it several times over, and north is
    up everywhere on it.
    """
    if frame.world:
        return []
    x0, y0, x1, y1 = frame.bounds
    w, h = x1 - x0, y1 - y0
    loc = legend._loc  # 1 upper right, 2 upper left, 3 lower left, 4 lower right
    bar_x = x0 + 0.035 * w
    if loc == 3:
        bar_x = x1 - 0.035 * w - 0.3 * w
    bar_y = y0 + 0.035 * h
    lon, lat = (float(v[0]) for v in frame.inverse([bar_x], [bar_y]))
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
                facecolor=style.INK_COLOUR if i % 2 == 0 else "white",
                edgecolor=style.INK_COLOUR,
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
            bbox=HALO,
        )
    # The north arrow beside the scale bar, on the side away from the panel's edge.
    north_x = bar_x - 0.03 * w if loc == 3 else bar_x + length + 0.04 * w
    north_y = bar_y
    _draw_north(ax, frame, north_x, north_y, h)
    left, right = min(bar_x, north_x) - 0.02 * w, max(bar_x + length, north_x) + 0.03 * w
    return [(left, bar_y - 0.01 * h, right, bar_y + 0.09 * h)]


def _draw_north(ax, frame: MapFrame, x: float, y: float, h: float) -> None:
    """A north arrow rising from projected (x, y), turned to true north there."""
    lon, lat = (float(v[0]) for v in frame.inverse([x], [y]))
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
            "color": style.INK_COLOUR,
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
        bbox=HALO,
    )


def draw_titles(figure: Figure, frame: MapFrame, journey: Journey) -> None:
    """Title, a subtitle with the date and distances, and the sources line."""
    width, height = frame.size
    left = frame.panel[0] / width
    top = frame.panel[1]
    title = shorten(journey.title or "Reported route", 110)
    size = 18 if len(title) <= 70 else max(12, 18 * 70 / len(title))
    figure.text(
        left,
        1 - 0.28 * top / height,
        title,
        fontsize=size,
        fontweight="bold",
        va="center",
        ha="left",
        color=style.TITLE_TEXT,
    )
    figure.text(
        left,
        1 - 0.62 * top / height,
        subtitle(journey),
        fontsize=11,
        va="center",
        ha="left",
        color=style.SUBTITLE_TEXT,
    )
    scale = frame.dpi / 150.0
    panel_bottom = frame.panel[1] + frame.panel[3]
    for row, line in enumerate(stop_key_lines(journey, width)):
        y_px = panel_bottom + (10 + (row + 0.5) * KEY_LINE_PX) * scale
        figure.text(
            left,
            1 - y_px / height,
            line,
            fontsize=8.5,
            va="center",
            ha="left",
            color=style.INK_COLOUR,
        )
    lines = credit_lines(journey, width, frame.projection_name)
    first = panel_bottom + (len(stop_key_lines(journey, width)) * KEY_LINE_PX + 14) * scale
    for row, line in enumerate(lines):
        y = 1 - (first + (row + 0.5) * CREDIT_LINE_PX * scale) / height
        last = row == len(lines) - 1
        figure.text(
            1 - left if last else left,
            y,
            line,
            fontsize=8,
            va="center",
            ha="right" if last else "left",
            color=style.CREDIT_TEXT,
        )
