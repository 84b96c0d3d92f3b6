"""The world rail network from OpenStreetMap-derived track: real routes, real lengths.

Published lengths: Pyongyang-Khasan-Vladivostok ~1,180 km (the Korean State Railway's
east-coast line and the Far Eastern Railway), Khasan-Baranovsky 238 km and
Ussuriysk-Khabarovsk 652 km (Russian Railways), Moscow-Vladivostok 9,289 km (the
Trans-Siberian), Beijing-Ulaanbaatar-Moscow 7,621 km (the Trans-Mongolian route).
The network builds once per install into the cache (about 20 s here).
"""

from __future__ import annotations

from itertools import pairwise

import pytest

from routes.rail.track import RailNetwork, load_world_network

pytestmark = pytest.mark.slow

#: Station coordinates (lon, lat) from public station records.
STATIONS: dict[str, tuple[float, float]] = {
    "Pyongyang": (125.7432, 39.0160),
    "Khasan": (130.6431, 42.4306),
    "Vladivostok": (131.8826, 43.1114),
    "Baranovsky": (131.9650, 43.6990),
    "Ussuriysk": (131.9513, 43.7963),
    "Khabarovsk": (135.0691, 48.4864),
    "Moscow": (37.6575, 55.7765),
    "Beijing": (116.4270, 39.9030),
    "Ulaanbaatar": (106.8850, 47.9100),
    "Przemysl": (22.7794, 49.7839),
    "Kyiv": (30.4880, 50.4400),
    "Dandong": (124.3930, 40.1370),
    "Nanning": (108.3160, 22.8290),
    "Dong Dang": (106.7000, 21.9740),
}


@pytest.fixture(scope="module")
def world() -> RailNetwork:
    """The world network, built from the installed package on first use."""
    return load_world_network()


def _route(world: RailNetwork, *names: str):
    """The rail paths joining the named stations in order."""
    points = [world.snap(*STATIONS[name]) for name in names]
    paths = [world.path(a, b) for a, b in pairwise(points)]
    assert all(path is not None for path in paths), names
    return paths


def test_pyongyang_khasan_vladivostok_is_the_published_length(world: RailNetwork) -> None:
    km = sum(p.km for p in _route(world, "Pyongyang", "Khasan", "Vladivostok"))
    assert km == pytest.approx(1180, rel=0.05)


def test_russian_lines_match_their_published_lengths(world: RailNetwork) -> None:
    (khasan_baranovsky,) = _route(world, "Khasan", "Baranovsky")
    (ussuriysk_khabarovsk,) = _route(world, "Ussuriysk", "Khabarovsk")
    assert khasan_baranovsky.km == pytest.approx(238, rel=0.05)
    assert ussuriysk_khabarovsk.km == pytest.approx(652, rel=0.03)


def test_moscow_to_vladivostok_stays_in_russia(world: RailNetwork) -> None:
    (path,) = _route(world, "Moscow", "Vladivostok")
    assert path.km == pytest.approx(9289, rel=0.04)
    assert set(path.countries) == {"RU"}


def test_the_trans_mongolian_route_runs_through_mongolia(world: RailNetwork) -> None:
    paths = _route(world, "Beijing", "Ulaanbaatar", "Moscow")
    assert sum(p.km for p in paths) == pytest.approx(7621, rel=0.05)
    assert "MN" in paths[0].countries and "RU" in paths[1].countries


def test_other_reported_journeys_are_all_rail(world: RailNetwork) -> None:
    (kyiv,) = _route(world, "Przemysl", "Kyiv")
    assert kyiv.countries[0] == "PL" and kyiv.countries[-1] == "UA"
    hanoi = _route(world, "Pyongyang", "Dandong", "Beijing", "Nanning", "Dong Dang")
    assert sum(p.km for p in hanoi) == pytest.approx(3800, rel=0.08)


def test_a_stop_snaps_onto_the_track_near_it(world: RailNetwork) -> None:
    point = world.snap(*STATIONS["Khasan"])
    assert point.km < 2.0
