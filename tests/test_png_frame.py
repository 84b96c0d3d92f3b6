"""Where the static map looks: journeys across the antimeridian and around the world."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from routes.publish import style
from routes.publish.lonlat import lon_window, lonlat_pieces, unwrap
from routes.publish.png import draw
from routes.publish.png.frame import map_frame
from tests.journey_fixture import PACIFIC, hand_made_journey

#: Stops on every continent but Antarctica: no half of the world holds them all.
AROUND_THE_WORLD = ("Santiago", "Cape Town", "Moscow", "Sydney", "Seattle")


@pytest.mark.parametrize(
    ("lons", "window"),
    [
        ([10.0, -10.0, 3.0], (-10.0, 10.0)),
        ([170.0, -170.0], (170.0, 190.0)),
        ([150.8, 158.6, -149.9, -122.3], (150.8, 237.7)),
        ([42.0], (42.0, 42.0)),
    ],
)
def test_the_longitude_window_is_the_shortest_arc_holding_every_point(lons, window):
    west, east = lon_window(np.array(lons))
    assert (west, east) == pytest.approx(window)


def test_outline_pieces_stay_within_the_world_and_off_the_seam():
    # A box from 150E to 120W (240 unwrapped), seam (the map's back meridian) at 15E.
    pieces = lonlat_pieces((150.0, 40.0, 240.0, 70.0), seam=15.0)
    boxes = sorted(box for box, _ in pieces)
    assert boxes == [(-180.0, 40.0, -120.0, 70.0), (150.0, 40.0, 180.0, 70.0)]
    assert {box: shift for box, shift in pieces}[(-180.0, 40.0, -120.0, 70.0)] == 360.0
    world = lonlat_pieces((-200.0, -90.0, 200.0, 90.0), seam=100.0)
    assert all(-180.0 <= box[0] < box[2] <= 180.0 for box, _ in world)
    assert all(abs(box[0] - 100.0) > 0 and abs(box[2] - 100.0) > 0 for box, _ in world)
    assert sum(box[2] - box[0] for box, _ in world) == pytest.approx(360.0)


@pytest.fixture(scope="module")
def pacific():
    """The hand-made North Pacific journey."""
    return hand_made_journey(PACIFIC)


def test_a_journey_across_the_antimeridian_is_centred_over_the_ocean_it_crosses(pacific):
    frame = map_frame(pacific)
    assert not frame.world
    assert 150.0 < unwrap(np.asarray(frame.centre_lon), 180.0) < 240.0
    stops = pacific.route.stops
    left, top, width, height = frame.panel
    cols, rows = frame.pixels([s.place.lon for s in stops], [s.place.lat for s in stops]).T
    assert np.all((cols > left) & (cols < left + width) & (rows > top) & (rows < top + height))


@pytest.mark.slow
@pytest.mark.parametrize("size", ["tall", "1:1", "16:9"])
def test_land_on_both_sides_of_the_antimeridian_is_drawn(pacific, size):
    pixels = np.asarray(Image.open(io.BytesIO(draw.render_png(pacific, size=size))).convert("RGB"))
    frame = map_frame(pacific, size=size)
    land = np.array([int(style.LAND_COLOUR[i : i + 2], 16) for i in (1, 3, 5)])
    # Inland Kamchatka (west of the antimeridian) and inland Alaska (east of it).
    for col, row in np.rint(frame.pixels([160.0, -155.0], [58.0, 67.0])).astype(int):
        window = pixels[row - 2 : row + 3, col - 2 : col + 3].reshape(-1, 3).astype(int)
        assert (np.abs(window - land).sum(axis=1) <= 12).any(), (col, row)


@pytest.mark.slow
@pytest.mark.parametrize("size", ["tall", "1:1", "16:9", "4:5"])
def test_a_journey_around_the_world_gets_a_world_map_in_every_size(size):
    journey = hand_made_journey(AROUND_THE_WORLD)
    frame = map_frame(journey, size=size)
    assert frame.world
    svg = draw.render_map(journey, "svg", size=size).decode()
    assert "Miller cylindrical projection" in svg
    stops = journey.route.stops
    left, top, width, height = frame.panel
    cols, rows = frame.pixels([s.place.lon for s in stops], [s.place.lat for s in stops]).T
    assert np.all((cols > left) & (cols < left + width) & (rows > top) & (rows < top + height))
