"""The places on the map: numbered stop markers and small grey dots for other places."""

from __future__ import annotations

import math

from routes.model import AREA_KINDS, Journey, Role
from routes.publish import style
from routes.publish.png.frame import MapFrame
from routes.publish.png.labels import Label
from routes.publish.png.text import DENSE_STOPS, stop_label


def draw_places(ax, frame: MapFrame, journey: Journey) -> list[Label]:
    """Numbered stop markers and small grey context places; returns their labels."""
    labels: list[Label] = []
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
            labels.append(Label(float(x[0]), float(y[0]), name, 10, "#8C8C8C", "normal", 3, 0))
            continue
        dots.append((float(x[0]), float(y[0])))
        labels.append(Label(float(x[0]), float(y[0]), place.name, 8.5, "#6E6E6E", "normal", 1, 5))
    dense = len(journey.route.stops) > DENSE_STOPS
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
            text, size, clash = stop_label(stop), 10.5, math.inf
        labels.append(
            Label(float(x[0]), float(y[0]), text, size, "#1A1A1A", "bold", 0, 12, max_clash=clash)
        )
    _scatter(ax, [(x, y, style.role_colour(Role.CONTEXT)) for x, y in dots], 4.5, 0.8, 9)
    _scatter(ax, markers, 17, 1.8, 10)
    return labels


def _scatter(ax, points: list[tuple[float, float, str]], size: float, edge: float, z: float):
    """White-edged round markers ``size`` points across, one collection for all of them."""
    if points:
        xs, ys, colours = zip(*points, strict=True)
        ax.scatter(
            xs, ys, s=size**2, c=list(colours), edgecolors="white", linewidths=edge, zorder=z
        )
