"""The HTML map of a journey across the antimeridian: drawn as one piece over the ocean."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest

from routes.publish.lonlat import display_journey
from routes.publish.web.render import map_html
from tests.journey_fixture import PACIFIC, fixture_journey, hand_made_journey


@pytest.fixture(scope="module")
def pacific():
    """The hand-made North Pacific journey."""
    return hand_made_journey(PACIFIC)


def test_a_journey_that_does_not_cross_the_antimeridian_is_drawn_as_it_is():
    journey = fixture_journey()
    assert display_journey(journey) is journey


def test_every_drawn_longitude_lies_on_the_short_arc_and_each_leg_is_one_line(pacific):
    shown = display_journey(pacific)
    lons = [s.place.lon for s in shown.route.stops]
    lons += [lon for leg in shown.route.legs for lon, _ in leg.coords]
    assert min(lons) >= 150.0 and max(lons) <= 240.0
    for leg in shown.route.legs:
        steps = np.abs(np.diff([lon for lon, _ in leg.coords]))
        assert steps.max() < 10.0  # no jump of a whole turn inside a leg
    # the same places, only moved by whole turns
    for before, after in zip(pacific.route.stops, shown.route.stops, strict=True):
        turns = (after.place.lon - before.place.lon) / 360.0
        assert turns == pytest.approx(round(turns), abs=1e-9)


def test_the_map_opens_on_the_pacific_not_on_the_whole_world(pacific):
    html = map_html(pacific, basemap="offline")
    (_, west), (_, east) = json.loads(re.search(r"fitBounds\((\[\[.*?\]\]), window", html)[1])
    assert east - west < 120.0  # Magadan to Seattle the short way is ~87 degrees
    assert west >= 150.0 and east <= 240.0
