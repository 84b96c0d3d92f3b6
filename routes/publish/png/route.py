"""The route: each leg in its countries' colours (one border split, shared with the web map),
direction arrows and the border-crossing mark."""

from __future__ import annotations

import math

import numpy as np
from matplotlib.collections import LineCollection

from routes.model import Journey, LegKind
from routes.publish import style
from routes.publish.legs import leg_pieces, stop_countries
from routes.publish.png.frame import MapFrame

#: A leg piece shorter than this (pixels at 150 dpi) gets no direction arrow.
_ARROW_MIN_PX = 80.0


def draw_route(
    ax, frame: MapFrame, journey: Journey, colours: dict[str, str]
) -> tuple[np.ndarray, bool]:
    """Legs in the journey's country ``colours`` (``legs.route_colours``; no-rail dashed
    grey) with direction arrows; border crossings.

    All legs go into three line collections (white casing, solid rail, dashed gaps), so the
    cost stays flat per leg on a journey of hundreds of stops.

    Returns
    -------
    tuple
        The route's projected vertices (for keeping labels and the legend off it), and
        whether a border-crossing mark was drawn.
    """
    points, solid, dashed = [], [], []
    countries = stop_countries(journey)
    min_px = _ARROW_MIN_PX * frame.dpi / 150.0
    metres_per_px = (frame.bounds[2] - frame.bounds[0]) / frame.panel[2]
    pieces = [
        (leg, coords, country)
        for leg in journey.route.legs
        for coords, country in leg_pieces(leg, countries)
        if len(coords) >= 2
    ]
    for (leg, _, country), line in zip(pieces, _projected(frame, pieces), strict=True):
        x, y = line[:, 0], line[:, 1]
        colour = style.route_colour(leg.kind, (country,) if country else (), colours)
        points.append(line)
        if leg.kind == LegKind.RAIL:
            solid.append((line, colour))
        else:  # flown, driven or no known rail: dashed in that kind's style
            kind = leg.kind if leg.kind in style.LEG_STYLES else LegKind.NO_RAIL
            dashed.append((line, colour, kind))
        if _length(line) / metres_per_px >= min_px:
            _draw_arrow(ax, x, y, colour)
    lines = solid + [(line, colour) for line, colour, _ in dashed]
    ax.add_collection(
        LineCollection(
            [line for line, _ in lines], colors="white", linewidths=6.5, capstyle="round", zorder=5
        )
    )
    groups = [(solid, "solid")] + [
        ([(line, colour) for line, colour, k in dashed if k == kind], (0, dash))
        for kind, (_, dash) in style.LEG_STYLES.items()
    ]
    for group, linestyle in groups:
        if group:
            ax.add_collection(
                LineCollection(
                    [line for line, _ in group],
                    colors=[colour for _, colour in group],
                    linewidths=3.4,
                    linestyles=[linestyle],
                    capstyle="round",
                    joinstyle="round",
                    zorder=6,
                )
            )
    marks = border_marks(frame, journey)
    if marks:
        bx, by = zip(*marks, strict=True)
        ax.plot(
            bx,
            by,
            marker="X",
            markersize=11,
            color=style.INK_COLOUR,
            markeredgecolor="white",
            markeredgewidth=1.2,
            zorder=8,
            linestyle="none",
        )
    return (np.vstack(points) if points else np.empty((0, 2))), bool(marks)


def _projected(frame: MapFrame, pieces: list[tuple]) -> list[np.ndarray]:
    """Each piece's ``coords`` projected to (n, 2) map metres, in one pyproj call for all
    (one call per piece costs more than the projecting on a map of hundreds of legs)."""
    if not pieces:
        return []
    lonlat = np.concatenate([np.asarray(coords, dtype=float) for _, coords, _ in pieces])
    x, y = frame.project(lonlat[:, 0], lonlat[:, 1])
    ends = np.cumsum([len(coords) for _, coords, _ in pieces])[:-1]
    return np.split(np.column_stack([x, y]), ends)


def _length(line: np.ndarray) -> float:
    """Length of a projected polyline (metres)."""
    return float(np.hypot(*np.diff(line, axis=0).T).sum())


def border_marks(frame: MapFrame, journey: Journey) -> list[tuple[float, float]]:
    """Projected border crossings that get their own mark: those no stop marker covers."""
    borders = [leg.border_point for leg in journey.route.legs if leg.border_point is not None]
    if not borders:
        return []
    bx, by = frame.project(*zip(*borders, strict=True))
    stops = [(s.place.lon, s.place.lat) for s in journey.route.stops]
    if not stops:
        return list(zip(bx.tolist(), by.tolist(), strict=True))
    stop_px = frame.pixels(*zip(*stops, strict=True))
    border_px = frame.pixels(*zip(*borders, strict=True))
    gaps = border_px[:, None, :] - stop_px[None, :, :]
    near = np.hypot(gaps[..., 0], gaps[..., 1]).min(axis=1)  # to the nearest stop, in pixels
    clear = near > 16 * frame.dpi / 150
    return [(float(x), float(y)) for x, y, keep in zip(bx, by, clear, strict=True) if keep]


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
