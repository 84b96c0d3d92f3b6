"""A leg is cut at its border where shapely's substring would cut it, on every kind of line."""

from __future__ import annotations

import random

import pytest
from shapely.geometry import LineString, Point
from shapely.ops import substring

from routes.model import Leg, LegKind
from routes.publish.legs import cut_at, leg_pieces, piece_countries


def _lines(count: int) -> list[tuple[tuple[tuple[float, float], ...], tuple[float, float]]]:
    """Random lines in metres, some with a repeated vertex, and points to cut them at: some
    off the line, some on a vertex (where a border point often lies)."""
    rng = random.Random(7)
    cases = []
    for i in range(count):
        pts = [(rng.uniform(-1e6, 1e6), rng.uniform(-1e6, 1e6)) for _ in range(rng.randint(2, 40))]
        if i % 5 == 0:
            pts.insert(1, pts[0])
        point = pts[rng.randrange(len(pts))] if i % 3 == 0 else (rng.uniform(-1e6, 1e6), 0.0)
        cases.append((tuple(pts), point))
    return cases


@pytest.mark.parametrize(("coords", "point"), _lines(200))
def test_the_cut_gives_the_pieces_shapely_substring_gives(coords, point) -> None:
    line = LineString(coords)
    at = line.project(Point(point))
    before, after = cut_at(coords, point)
    if at <= 0.0 or at >= line.length:
        assert (before, after) == ((), ())
        return
    for piece, expected in (
        (before, substring(line, 0.0, at)),
        (after, substring(line, at, line.length)),
    ):
        drawn = LineString(piece)
        assert drawn.length == pytest.approx(expected.length, abs=1e-6)
        assert drawn.hausdorff_distance(expected) < 1e-6
    assert before[-1] == after[0]  # the two pieces meet at the cut
    assert before[0] == coords[0] and after[-1] == coords[-1]


def test_the_countries_of_a_legs_pieces_are_told_without_cutting_it() -> None:
    coords = ((0.0, 0.0), (10.0, 0.0), (20.0, 0.0))
    inside = Leg("a", "b", LegKind.RAIL, coords, 20.0, ("KP", "RU"), border_point=(12.0, 1.0))
    at_end = Leg("a", "b", LegKind.RAIL, coords, 20.0, ("KP", "RU"), border_point=(25.0, 0.0))
    for leg in (inside, at_end):
        assert piece_countries(leg, {}) == tuple(c for _, c in leg_pieces(leg, {}))
    assert piece_countries(inside, {}) == ("KP", "RU")
    assert piece_countries(at_end, {}) == ("KP",)
