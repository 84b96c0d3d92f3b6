"""Distances to the shipped national borders (geodata/outlines/country-borders.geojson).

Coordinates are the stations' published points; the borders are GSHHG/WDBII at about 1 km,
so a town on a border river reads within a few km of it and a capital far inland hundreds.
"""

from __future__ import annotations

import pytest

from routes.rail.borders import km_to_border


@pytest.mark.parametrize(
    ("lon", "lat", "lo", "hi"),
    [
        (130.64528, 42.42806, 0.0, 5.0),  # Khasan station, on the Tumen at the KP-RU border
        (23.6867, 52.0976, 0.0, 8.0),  # Brest-Tsentralny, on the Bug at the BY-PL border
        (126.1946, 41.1282, 0.0, 8.0),  # Ji'an, on the Yalu at the CN-KP border
        (37.6173, 55.7558, 400.0, 2000.0),  # Moscow, far inland
        (114.9793, 27.1172, 300.0, 2000.0),  # Ji'an, Jiangxi, deep in China
    ],
)
def test_km_to_the_nearest_national_border(lon: float, lat: float, lo: float, hi: float) -> None:
    assert lo <= km_to_border(lon, lat) <= hi
