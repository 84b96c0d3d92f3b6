"""The places on the map: numbered stop markers that never hide each other, and small grey dots
for the other places the reports mention."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from routes.model import AREA_KINDS, STOP_PRIORITY, UNDRAWN_ROLES, Journey, Role, Stop
from routes.publish import style
from routes.publish.png.callouts import callout_text
from routes.publish.png.frame import MapFrame
from routes.publish.png.labels import Label
from routes.publish.png.text import DENSE_STOPS

#: Diameter (points) of a stop marker with one or two digits; wider text widens it.
MARKER_PT = 17.0
#: Width (points) a marker grows by per character beyond two ("2–4", "12–15").
_MARKER_PT_PER_CHAR = 5.0
#: The widest marker (points), whatever its text.
_MAX_MARKER_PT = 27.0
#: Clear space (points) kept between two stop markers.
_MARKER_GAP_PT = 2.0
#: From this many markers on, close pairs are found with a KD-tree instead of all pairs.
_KDTREE_FROM = 400


@dataclass(frozen=True)
class StopMarker:
    """One numbered marker: a stop, or stops so close that their markers would overlap.

    ``x``/``y`` are projected metres; ``numbers`` the stops' 1-based travel order; ``text`` what
    the marker reads ("3", or "2–4" for a group); ``diameter`` in points.
    """

    x: float
    y: float
    numbers: tuple[int, ...]
    text: str
    colour: str
    diameter: float
    #: One of its stops was added by hand: drawn with a dashed ring (style.ADDED_RING_*).
    by_hand: bool = False


def number_text(numbers: tuple[int, ...]) -> str:
    """ "3"; "2–4" for a run of consecutive stops; "2, 5" for two; else "12+4" (stop 12 and
    four more, all listed in the stop key under a crowded map)."""
    if len(numbers) == 1:
        return str(numbers[0])
    if numbers == tuple(range(numbers[0], numbers[-1] + 1)):
        return f"{numbers[0]}–{numbers[-1]}"
    if len(numbers) == 2:
        return f"{numbers[0]}, {numbers[1]}"
    return f"{numbers[0]}+{len(numbers) - 1}"


def stop_markers(
    frame: MapFrame, stops: tuple[Stop, ...], by_hand: frozenset[str] = frozenset()
) -> list[StopMarker]:
    """The journey's stop markers, stops whose markers would touch merged into one.

    Merging repeats until no two markers (each at its stops' mean position) come closer than
    their radii plus a small gap, so no marker hides another whatever the zoom.  ``by_hand``
    holds the ids of stops added by hand (:func:`routes.publish.style.added_by_hand`).
    """
    if not stops:
        return []
    px = frame.pixels([s.place.lon for s in stops], [s.place.lat for s in stops])
    groups = [[i] for i in range(len(stops))]
    to_px = frame.dpi / 72.0
    while True:
        centres = np.array([px[g].mean(axis=0) for g in groups])
        radii = np.array([_diameter(number_text(_numbers(g))) / 2 * to_px for g in groups])
        reach = 2 * float(radii.max()) + _MARKER_GAP_PT * to_px
        pairs = [
            (i, j)
            for i, j in close_pairs(centres, reach)
            if math.dist(centres[i], centres[j]) < radii[i] + radii[j] + _MARKER_GAP_PT * to_px
        ]
        if not pairs:
            break
        groups = _merged(groups, pairs)
    x, y = frame.project([s.place.lon for s in stops], [s.place.lat for s in stops])
    return [_marker(g, stops, x, y, by_hand) for g in groups]


def close_pairs(points: np.ndarray, reach: float) -> list[tuple[int, int]]:
    """Sorted index pairs ``(i, j)``, ``i < j``, of (n, 2) ``points`` at most ``reach`` apart.

    All pairs are compared directly up to :data:`_KDTREE_FROM` points; beyond that a
    KD-tree finds them (scipy.spatial is imported only then: it costs a cold run 0.2 s).
    """
    if len(points) >= _KDTREE_FROM:
        from scipy.spatial import cKDTree

        return sorted(cKDTree(points).query_pairs(reach))
    gaps = np.hypot(*(points[:, None, :] - points[None, :, :]).transpose(2, 0, 1))
    rows, cols = np.nonzero(np.triu(gaps <= reach, k=1))
    return list(zip(rows.tolist(), cols.tolist(), strict=True))


def _numbers(group: list[int]) -> tuple[int, ...]:
    """1-based stop numbers of a group of stop indexes."""
    return tuple(i + 1 for i in sorted(group))


def _diameter(text: str) -> float:
    """Marker diameter (points) that fits ``text`` (set smaller beyond three characters)."""
    return min(MARKER_PT + _MARKER_PT_PER_CHAR * max(len(text) - 2, 0), _MAX_MARKER_PT)


def marker_font_size(text: str) -> float:
    """Font size (points) of a marker's number: smaller for long group numbers."""
    return 8.5 if len(text) <= 3 else 7.0


def _merged(groups: list[list[int]], pairs: list[tuple[int, int]]) -> list[list[int]]:
    """Groups joined along ``pairs`` (indexes into ``groups``), in first-stop order."""
    parent = list(range(len(groups)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in pairs:
        parent[root(j)] = root(i)
    joined: dict[int, list[int]] = {}
    for index, group in enumerate(groups):
        joined.setdefault(root(index), []).extend(group)
    return sorted((sorted(g) for g in joined.values()), key=lambda g: g[0])


def _marker(group: list[int], stops: tuple[Stop, ...], x, y, by_hand: frozenset[str]) -> StopMarker:
    """The marker of one group: mean position, the strongest role's colour."""
    roles = [stops[i].role for i in group]
    role = min(roles, key=lambda r: STOP_PRIORITY.index(r) if r in STOP_PRIORITY else 99)
    text = number_text(_numbers(group))
    return StopMarker(
        float(np.mean(x[group])),
        float(np.mean(y[group])),
        _numbers(group),
        text,
        style.role_colour(role),
        _diameter(text),
        any(stops[i].place.id in by_hand for i in group),
    )


def draw_places(ax, frame: MapFrame, journey: Journey) -> tuple[list[Label], list[StopMarker]]:
    """Numbered stop markers, callouts for them and small grey context places.

    Returns the labels waiting for a place and the stop markers drawn.
    """
    labels = _context_labels(ax, frame, journey)
    markers = stop_markers(frame, journey.route.stops, style.added_by_hand(journey))
    dense = len(journey.route.stops) > DENSE_STOPS
    for marker in markers:
        ax.text(
            marker.x,
            marker.y,
            marker.text,
            fontsize=marker_font_size(marker.text),
            fontweight="bold",
            color=style.MARKER_TEXT_COLOUR,
            ha="center",
            va="center_baseline",
            zorder=11,
        )
        for numbers in _numbers_by_place(journey, marker.numbers):
            labels.append(_stop_label(journey, marker, numbers, dense=dense))
    _scatter(ax, [(m.x, m.y, m.colour) for m in markers], [m.diameter for m in markers], 1.8, 10)
    _hand_rings(ax, [m for m in markers if m.by_hand])
    return labels, markers


def _hand_rings(ax, markers: list[StopMarker]) -> None:
    """A dashed ring around each marker of a stop added by hand (as on the HTML map)."""
    if not markers:
        return
    ax.scatter(
        [m.x for m in markers],
        [m.y for m in markers],
        s=[(m.diameter + 6) ** 2 for m in markers],
        facecolors="none",
        edgecolors=style.ADDED_RING_COLOUR,
        linewidths=1.3,
        linestyles=[(0, style.ADDED_RING_DASH)],
        zorder=10,
        gid="rr-added",
    )


def _numbers_by_place(journey: Journey, numbers: tuple[int, ...]) -> list[tuple[int, ...]]:
    """A marker's stop numbers grouped by place, in the order of their first: a place
    passed out and back is one label for both its numbers."""
    groups: dict[str, list[int]] = {}
    for number in numbers:
        groups.setdefault(journey.route.stops[number - 1].place.id, []).append(number)
    return [tuple(g) for g in groups.values()]


def _stop_label(
    journey: Journey, marker: StopMarker, numbers: tuple[int, ...], *, dense: bool
) -> Label:
    """A place's label: its name alone on a crowded map, else a quote callout; numbered
    ("2, 4 Ostrava") when its marker stands for more than one stop."""
    stop = journey.route.stops[numbers[0] - 1]
    number = ", ".join(map(str, numbers))
    name = f"{number} {stop.place.name}" if len(marker.numbers) > 1 else stop.place.name
    radius = marker.diameter / 2
    if dense:  # names only, dropped where they would collide: the footer key lists all
        return Label(
            marker.x,
            marker.y,
            name,
            9.0,
            style.STOP_NAME_TEXT,
            "bold",
            0,
            radius + 3,
            max_clash=0.15,
        )
    title, body = callout_text(journey, stop)
    if len(marker.numbers) > 1:
        title = f"{number} {title}"
    return Label(
        marker.x,
        marker.y,
        title,
        10.0,
        style.STOP_NAME_TEXT,
        "bold",
        0,
        radius + 6,
        max_clash=0.0,
        detail=body,
    )


def _context_labels(ax, frame: MapFrame, journey: Journey) -> list[Label]:
    """Grey dots for other places near the route and names of unoutlined regions."""
    labels: list[Label] = []
    x0, y0, x1, y1 = frame.bounds
    stop_ids = {s.place.id for s in journey.route.stops}
    dots: list[tuple[float, float, str]] = []
    for located in journey.places:
        place = located.place
        if place.id in stop_ids or (place.kind in AREA_KINDS and place.outline):
            continue
        if located.role in UNDRAWN_ROLES:  # a government or a dateline: no place on the map
            continue
        x, y = frame.project([place.lon], [place.lat])
        if not (x0 < x[0] < x1 and y0 < y[0] < y1):
            continue
        if place.kind in AREA_KINDS:  # a country or region without outline: a spaced name
            name = " ".join(place.name.upper())
            labels.append(
                Label(float(x[0]), float(y[0]), name, 10, style.AREA_NAME_COLOUR, "normal", 3, 0)
            )
            continue
        dots.append((float(x[0]), float(y[0]), style.role_colour(Role.CONTEXT)))
        labels.append(
            Label(float(x[0]), float(y[0]), place.name, 8.5, style.CONTEXT_TEXT, "normal", 1, 5)
        )
    _scatter(ax, dots, [4.5] * len(dots), 0.8, 9)
    return labels


def _scatter(ax, points: list[tuple[float, float, str]], sizes: list[float], edge: float, z):
    """White-edged round markers ``sizes`` points across, one collection for all of them."""
    if points:
        xs, ys, colours = zip(*points, strict=True)
        ax.scatter(
            xs,
            ys,
            s=[size**2 for size in sizes],
            c=list(colours),
            edgecolors="white",
            linewidths=edge,
            zorder=z,
        )
