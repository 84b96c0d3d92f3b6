"""The route: each leg in its countries' colours (one border split, shared with the web map),
direction arrows and the border-crossing mark."""

from __future__ import annotations

import math

import numpy as np

from routes.model import Journey, Leg, LegKind
from routes.publish import style
from routes.publish.legs import leg_pieces, stop_countries
from routes.publish.png.frame import MapFrame


def draw_route(ax, frame: MapFrame, journey: Journey) -> np.ndarray:
    """Legs in country colours (no-rail dashed grey) with direction arrows; border crossings.

    Returns the route's projected vertices, for keeping labels and the legend off it.
    """
    points = []
    countries = stop_countries(journey)
    for leg in journey.route.legs:
        for coords, country in leg_pieces(leg, countries):
            if len(coords) < 2:
                continue
            colour = style.route_colour(leg.kind, (country,))
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
                linestyle=(0, style.NO_RAIL_DASH) if dashed else "-",
                solid_capstyle="round",
                solid_joinstyle="round",
            )
            _draw_arrow(ax, x, y, colour)
        if shows_border_mark(frame, journey, leg):
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


def shows_border_mark(frame: MapFrame, journey: Journey, leg: Leg) -> bool:
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
