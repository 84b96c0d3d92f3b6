"""Label placement: each label measured once, candidate spots scored together against the
labels placed so far, the markers, the route and the map furniture."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.offsetbox import AnnotationBbox, TextArea, VPacker

from routes.publish import style

#: A white backing under labels, as a box rather than a stroked path effect so that the SVG
#: keeps every label as text.
HALO = {"boxstyle": "round,pad=0.12", "facecolor": "white", "edgecolor": "none", "alpha": 0.78}


@dataclass
class Label:
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
    #: Smaller regular text under ``text``: makes the label a boxed callout with a leader line.
    detail: str = ""

    @property
    def is_callout(self) -> bool:
        """Whether this label is a boxed quote callout (never dropped, never overlapped)."""
        return bool(self.detail)


#: Spots tried for a callout, in multiples of its gap: 16 directions on 4 rings, nearest
#: first, so a callout moves away (with its leader line) only when nearer spots are taken.
_CALLOUT_OFFSETS = tuple(
    (
        0.0 if abs(math.cos(a)) < 0.3 else round(r * math.cos(a), 3),
        0.0 if abs(math.sin(a)) < 0.3 else round(r * math.sin(a), 3),
    )
    for r in (1.0, 2.4, 4.0, 6.0, 8.5)
    for a in (math.pi / 4 + k * math.pi / 8 for k in range(16))
)
#: Cost weights: per px² on another label, per route point covered, per px outside the map,
#: and per px of leader line (a callout stays near its marker when it can).
_CLASH_COST, _CALLOUT_CLASH_COST, _ROUTE_COST, _OUTSIDE_COST, _DISTANCE_COST = (
    1.0,
    1000.0,
    60.0,
    400.0,
    3.0,
)
#: Cost of each sampled point of a callout's leader line that runs over another callout, a
#: marker or the map furniture (as much as covering 20 px² of another callout).
_LEADER_CROSS_COST = 20.0 * _CALLOUT_CLASH_COST


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


def place_labels(
    figure: Figure,
    ax,
    labels: list[Label],
    route: np.ndarray,
    boxes: list[tuple],
) -> list[tuple[Label, tuple[float, float, float, float]]]:
    """Place labels greedily where they overlap least with each other, the route and the
    obstacles in ``boxes`` (pixels: markers, legend, scale bar, inset).

    Each label is measured once; its candidate positions are that box shifted, and all of them
    are scored at once against the boxes taken so far and a summed-area table of the route, so
    the work grows with labels × placed labels, not with text layouts. Callouts are placed
    first, never dropped and kept off every other box whenever a spot allows.

    Returns
    -------
    list of (label, box)
        The labels placed and their pixel boxes (x0, y0, x1, y1).
    """
    renderer = figure.canvas.get_renderer()
    to_px = ax.transData
    dots = [_marker_box(to_px, label) for label in labels if label.priority > 0 and label.gap]
    taken = _Taken(dots + list(boxes))
    route_px = densified(to_px.transform(route)) if len(route) else np.empty((0, 2))
    panel = box_tuple(ax.get_window_extent(renderer))
    route_cells = _RouteCells(route_px, figure.bbox.width, figure.bbox.height)
    points_to_px = figure.dpi / 72.0
    placed = []
    for label in sorted(labels, key=lambda item: (item.priority, not item.is_callout)):
        if label.is_callout:
            offsets = np.asarray(_CALLOUT_OFFSETS, float)
        else:
            offsets = np.asarray(((0, 0), *_OFFSETS) if label.gap == 0 else _OFFSETS, float)
        gap = max(label.gap, 14)
        anchor = to_px.transform((label.x, label.y))
        shifts = offsets * gap * points_to_px
        if label.is_callout:
            artist = _artist(ax, label, 1, 1, gap)
            measured = box_tuple(artist.get_window_extent(renderer))
            artist.remove()
        elif _surely_clashes(label, anchor, shifts, taken, points_to_px):
            continue  # skipped before any text is measured: most labels of a crowded map
        else:
            measured = (0.0, 0.0, *_text_size(label, renderer))
        if label.is_callout:
            pad = _CALLOUT_PAD_PT * points_to_px  # the frame's padding outside the aligned point
            offsets, candidates = _callout_spots(
                anchor, measured, offsets, gap * points_to_px, pad, panel
            )
            shifts = offsets * gap * points_to_px
        else:
            candidates = _candidate_boxes(anchor, measured, shifts)
        clash = taken.overlap(candidates)
        weight = _CALLOUT_CLASH_COST if label.is_callout else _CLASH_COST
        cost = weight * clash + _ROUTE_COST * route_cells.count(candidates)
        cost += _outside_cost(label, candidates, panel)
        if label.is_callout:  # near its marker, its leader line crossing no other callout
            cost += _DISTANCE_COST * np.hypot(shifts[:, 0], shifts[:, 1])
            crossed = taken.crossed(anchor, candidates, label.gap * points_to_px)
            cost += _LEADER_CROSS_COST * crossed
        best = int(np.argmin(cost))
        if not label.is_callout and clash[best] / _area(candidates[best]) > label.max_clash:
            continue  # better no label than one printed over another
        dx, dy = offsets[best]
        box = tuple(float(v) for v in candidates[best])
        artist = _artist(ax, label, dx, dy, gap, leader=label.is_callout)
        if label.is_callout:
            artist.update_positions(renderer)
            box = box_tuple(artist.patch.get_window_extent(renderer))
        if label.is_callout:  # a margin between callouts; and they keep off its leader line
            taken.add(_grown(box, _CALLOUT_MARGIN_PX))
            _occupy_leader(taken, anchor, box, label.gap * points_to_px)
        else:
            taken.add(box)
        placed.append((label, box))
    return placed


_HA = {1: "left", -1: "right", 0: "center"}
_VA = {1: "bottom", -1: "top", 0: "center"}


#: A lower bound of a character's width and a line's height, in ems, for DejaVu Sans.
_EM_WIDTH, _EM_HEIGHT = 0.5, 1.1


#: Line spacing of labels, and the halo's padding around them, in ems.
_LINE_SPACING, _HALO_PAD = 1.15, 0.12


def _text_size(label: Label, renderer) -> tuple[float, float]:
    """Pixel (width, height) of a plain label with its halo, from the font's own metrics
    (one FreeType call per line: no text artist is built for a label that is not placed)."""
    font = FontProperties(size=label.size, weight=label.weight, style=label.fontstyle)
    sizes = [
        renderer.get_text_width_height_descent(line or " ", font, ismath=False)
        for line in label.text.split("\n")
    ]
    em = renderer.points_to_pixels(label.size)
    width = max(w for w, _, _ in sizes)
    line = max(h for _, h, _ in sizes)
    height = line + (len(sizes) - 1) * em * _LINE_SPACING * 1.17
    pad = 2 * _HALO_PAD * em
    return width + pad, height + pad


def _surely_clashes(label: Label, anchor, shifts: np.ndarray, taken, points_to_px) -> bool:
    """Whether even a box smaller than the label's text clashes more than its ``max_clash``
    at every candidate spot (so measuring the real text would be wasted)."""
    lines = label.text.split("\n")
    em = label.size * points_to_px
    width = max(len(line) for line in lines) * em * _EM_WIDTH
    height = len(lines) * em * _EM_HEIGHT
    candidates = _candidate_boxes(anchor, (0.0, 0.0, width, height), shifts)
    share = taken.overlap(candidates) / max(width * height, 1.0)
    return bool(share.min() > label.max_clash)


def _candidate_boxes(anchor, measured: tuple[float, ...], shifts: np.ndarray) -> np.ndarray:
    """Pixel boxes (n, 4) of a label measured left/bottom-aligned at ``shifts`` from ``anchor``,
    each aligned away from the anchor as :func:`_annotation` aligns it."""
    width, height = measured[2] - measured[0], measured[3] - measured[1]
    dx, dy = shifts[:, 0], shifts[:, 1]
    x0 = anchor[0] + dx - np.where(dx > 0, 0.0, np.where(dx < 0, width, width / 2))
    y0 = anchor[1] + dy - np.where(dy > 0, 0.0, np.where(dy < 0, height, height / 2))
    return np.column_stack([x0, y0, x0 + width, y0 + height])


def _callout_spots(
    anchor, measured: tuple[float, ...], offsets: np.ndarray, gap_px: float, pad: float, panel
) -> tuple[np.ndarray, np.ndarray]:
    """Offsets (gap units) and pixel boxes of the spots a callout may take.

    First the rings of :data:`_CALLOUT_OFFSETS` around its marker; then those rings' boxes
    that poke out of the panel slid back in, and a grid of spots over the whole panel, each
    kept only where the box lies wholly to one side of the marker on both axes (so it is
    drawn aligned away from the marker, joined by its leader line). The distance cost keeps a
    callout near its marker; the far spots are there for when every near one is taken.
    ``pad`` is the frame's padding (px) outside the aligned point.
    """
    rings = _candidate_boxes(anchor, measured, offsets * gap_px)
    rings -= np.tile(np.sign(offsets) * pad, 2)  # the frame stands its padding outside
    far = np.vstack([_slid_inside(rings, panel), _panel_grid(rings[0], panel)])
    far_offsets, aside = _offsets_of(far, anchor, gap_px, pad)
    return np.vstack([offsets, far_offsets[aside]]), np.vstack([rings, far[aside]])


def _slid_inside(boxes: np.ndarray, panel) -> np.ndarray:
    """The boxes that poke out of the panel, each moved the least distance back inside."""
    x0, y0, x1, y1 = panel
    slide_x = np.maximum(0, x0 - boxes[:, 0]) - np.maximum(0, boxes[:, 2] - x1)
    slide_y = np.maximum(0, y0 - boxes[:, 1]) - np.maximum(0, boxes[:, 3] - y1)
    moved = (slide_x != 0) | (slide_y != 0)
    return (boxes + np.column_stack([slide_x, slide_y, slide_x, slide_y]))[moved]


def _panel_grid(box, panel) -> np.ndarray:
    """Copies of ``box`` on a grid over the panel, half a box height apart."""
    width, height = box[2] - box[0], box[3] - box[1]
    step = max(height / 2.0, 8.0)
    xs = np.arange(panel[0], panel[2] - width + 1e-9, step)
    ys = np.arange(panel[1], panel[3] - height + 1e-9, step)
    if not len(xs) or not len(ys):
        return np.empty((0, 4))
    gx, gy = (g.ravel() for g in np.meshgrid(xs, ys))
    return np.column_stack([gx, gy, gx + width, gy + height])


def _offsets_of(boxes: np.ndarray, anchor, gap_px: float, pad: float):
    """The (dx, dy) offsets, in gaps, at which a callout box is drawn at ``boxes``, and
    whether each box lies wholly to one side of ``anchor`` on both axes (drawable there)."""
    offsets = np.zeros((len(boxes), 2))
    aside = np.ones(len(boxes), bool)
    for axis in (0, 1):
        low, high = boxes[:, axis] + pad - anchor[axis], boxes[:, axis + 2] - pad - anchor[axis]
        after, before = low > 0, high < 0
        offsets[:, axis] = np.where(after, low, high) / gap_px
        aside &= after | before
    return offsets, aside


def _area(box) -> float:
    """Area of a pixel box, at least one pixel."""
    return max(float((box[2] - box[0]) * (box[3] - box[1])), 1.0)


def _outside_cost(label: Label, candidates: np.ndarray, panel: tuple[float, ...]) -> np.ndarray:
    """What poking out of the map panel costs each candidate box of ``label``.

    A plain label pays per pixel out. A callout cut by the frame loses a whole strip of its
    quote, so each pixel out costs as much as covering another callout with a strip of the
    same size (``_CALLOUT_CLASH_COST`` × the box's side): it leaves the panel only when every
    spot inside is taken.
    """
    out = _outside(candidates, panel)
    if not label.is_callout:
        return _OUTSIDE_COST * out
    side = np.maximum(candidates[:, 2] - candidates[:, 0], candidates[:, 3] - candidates[:, 1])
    return _CALLOUT_CLASH_COST * side * out


def _outside(candidates: np.ndarray, panel: tuple[float, ...]) -> np.ndarray:
    """How far (px) each box pokes out of the map panel, summed over its four sides."""
    x0, y0, x1, y1 = panel
    return (
        np.maximum(0, x0 - candidates[:, 0])
        + np.maximum(0, candidates[:, 2] - x1)
        + np.maximum(0, y0 - candidates[:, 1])
        + np.maximum(0, candidates[:, 3] - y1)
    )


#: Points sampled along a callout's leader line to see what it crosses.
_LEADER_SAMPLES = 24
#: Clear space (px) kept around a placed callout.
_CALLOUT_MARGIN_PX = 4.0
#: Half the side (px) of the small boxes a placed leader line occupies.
_LEADER_HALF_PX = 3.0


def _occupy_leader(taken: _Taken, anchor, box: tuple, skip_px: float) -> None:
    """Occupy small boxes along the leader line from ``anchor`` to a placed callout ``box``."""
    x, y, shown = _leader_points(anchor, np.asarray([box]), skip_px)
    for px, py in zip(x[0][shown[0]], y[0][shown[0]], strict=True):
        taken.add(
            (px - _LEADER_HALF_PX, py - _LEADER_HALF_PX, px + _LEADER_HALF_PX, py + _LEADER_HALF_PX)
        )


def _grown(box: tuple, by: float) -> tuple[float, float, float, float]:
    """``box`` (x0, y0, x1, y1) grown by ``by`` px on every side."""
    return (box[0] - by, box[1] - by, box[2] + by, box[3] + by)


def _inside(x: np.ndarray, y: np.ndarray, box) -> np.ndarray:
    """Whether each point (``x``, ``y``) lies in ``box`` (x0, y0, x1, y1; broadcast)."""
    box = np.asarray(box)
    return (box[..., 0] <= x) & (x <= box[..., 2]) & (box[..., 1] <= y) & (y <= box[..., 3])


def _leader_points(
    anchor, boxes: np.ndarray, skip_px: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(x, y, shown) arrays (boxes × :data:`_LEADER_SAMPLES`) of points along each box's
    leader line, from ``anchor`` past its first ``skip_px`` (the marker) to the box's centre;
    ``shown`` is False for the points inside the box itself (the line is drawn up to it)."""
    centre = (boxes[:, :2] + boxes[:, 2:]) / 2.0
    length = np.maximum(np.hypot(*(centre - anchor).T), 1.0)
    t = np.linspace(0.0, 1.0, _LEADER_SAMPLES)[None, :]
    start = np.minimum(skip_px / length, 1.0)[:, None]
    along = start + (1.0 - start) * t
    x = anchor[0] + along * (centre[:, 0] - anchor[0])[:, None]
    y = anchor[1] + along * (centre[:, 1] - anchor[1])[:, None]
    return x, y, ~_inside(x, y, boxes[:, None, :])


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

    def crossed(self, anchor, candidates: np.ndarray, skip_px: float) -> np.ndarray:
        """How many points of each candidate's leader line (:func:`_leader_points`) fall
        inside an occupied box."""
        x, y, shown = _leader_points(anchor, candidates, skip_px)
        hits = np.zeros(x.shape, bool)
        for box in self._boxes[: self._count]:
            hits |= _inside(x, y, box)
        return (hits & shown).sum(axis=1)

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


def _artist(ax, label: Label, dx: float, dy: float, gap: float, *, leader: bool = False):
    """A label's artist offset by (``dx``, ``dy``) ``gap`` points from its anchor, aligned
    away from it: a haloed text, or for a callout a framed box (with a leader line)."""
    if label.is_callout:
        return _callout(ax, label, dx, dy, gap, leader=leader)
    return ax.annotate(
        label.text,
        (label.x, label.y),
        xytext=(dx * gap, dy * gap),
        textcoords="offset points",
        ha=_HA[int(np.sign(dx))],
        va=_VA[int(np.sign(dy))],
        fontsize=label.size,
        color=label.colour,
        fontweight=label.weight,
        zorder=12,
        fontstyle=label.fontstyle,
        bbox=HALO,
        linespacing=_LINE_SPACING,
    )


def _callout(ax, label: Label, dx: float, dy: float, gap: float, *, leader: bool):
    """A framed callout: the bold title over the detail lines, joined to its marker by a
    thin leader line when ``leader``."""
    title = TextArea(
        label.text,
        textprops={"fontsize": label.size, "fontweight": label.weight, "color": label.colour},
    )
    body = TextArea(
        label.detail,
        textprops={
            "fontsize": label.size * 0.86,
            "color": style.CALLOUT_TEXT,
            "linespacing": 1.25,
        },
    )
    pack = VPacker(children=[title, body], align="left", pad=0, sep=2)
    arrow = None
    if leader:
        arrow = {
            "arrowstyle": "-",
            "color": style.LEADER_COLOUR,
            "linewidth": 0.9,
            "shrinkA": 0,
            "shrinkB": max(label.gap - 5, 0),
        }
    box = AnnotationBbox(
        pack,
        (label.x, label.y),
        xybox=(dx * gap, dy * gap),
        xycoords="data",
        boxcoords="offset points",
        box_alignment=(_ALIGN[int(np.sign(dx))], _ALIGN[int(np.sign(dy))]),
        pad=_CALLOUT_PAD_PT / 10.0,
        fontsize=10.0,
        bboxprops={
            "boxstyle": "round,pad=0.45,rounding_size=0.3",
            "facecolor": "white",
            "edgecolor": style.CALLOUT_EDGE,
            "linewidth": 0.7,
            "alpha": 0.96,
        },
        arrowprops=arrow,
        zorder=12,
    )
    ax.add_artist(box)
    return box


#: Padding (points) between a callout's text and its frame.
_CALLOUT_PAD_PT = 4.5
#: AnnotationBbox alignment of a box offset right/up (1), left/down (-1) or centred (0).
_ALIGN = {1: 0.0, -1: 1.0, 0: 0.5}


def densified(points: np.ndarray, step: float = 4.0) -> np.ndarray:
    """Pixel points every ``step`` pixels along consecutive ``points`` (one polyline)."""
    if len(points) < 2:
        return points
    segments = np.diff(points, axis=0)
    counts = np.maximum((np.hypot(segments[:, 0], segments[:, 1]) // step).astype(int), 1)
    index = np.repeat(np.arange(len(segments)), counts)
    starts = np.repeat(np.cumsum(counts) - counts, counts)
    share = (np.arange(counts.sum()) - starts + 1) / np.repeat(counts, counts)
    return np.vstack([points[:1], points[index] + segments[index] * share[:, None]])


def data_box_px(ax, box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """A data-coordinate box (x0, y0, x1, y1) in display pixels."""
    (a, b), (c, d) = ax.transData.transform([(box[0], box[1]), (box[2], box[3])])
    return (min(a, c), min(b, d), max(a, c), max(b, d))


def _marker_box(transform, label: Label) -> tuple[float, float, float, float]:
    """A small pixel box around a label's marker."""
    px, py = transform.transform((label.x, label.y))
    r = 11 if label.priority == 0 else 5
    return (px - r, py - r, px + r, py + r)


def box_tuple(box) -> tuple[float, float, float, float]:
    """A matplotlib Bbox as (x0, y0, x1, y1)."""
    return (box.x0, box.y0, box.x1, box.y1)
