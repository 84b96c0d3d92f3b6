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
from pyproj import Transformer
from shapely import LineString, Point

from routes.rail.geodesy import point_km
from routes.rail.network import load_world_network
from routes.rail.track import RailNetwork

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
    "Novosibirsk": (82.8990, 55.0350),
    "Irkutsk": (104.2594, 52.2828),
    "Chita": (113.5010, 52.0270),
    "Ulan-Ude": (107.6120, 51.8300),
}


def _passes(paths, name: str, km: float = 5.0) -> bool:
    """Whether any of ``paths`` comes within ``km`` of the named station."""
    lon, lat = STATIONS[name]
    local = Transformer.from_crs(
        "EPSG:4326", f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84", always_xy=True
    )
    lines = [
        LineString(zip(*local.transform(*zip(*p.coords, strict=True)), strict=True)) for p in paths
    ]
    return min(line.distance(Point(0, 0)) for line in lines) <= km * 1000.0


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
    assert all(_passes([path], city) for city in ("Novosibirsk", "Chita", "Khabarovsk"))
    assert _passes([path], "Irkutsk", km=10.0)  # a long chord of the graph along the Angara


def test_the_trans_mongolian_route_runs_through_mongolia(world: RailNetwork) -> None:
    paths = _route(world, "Beijing", "Ulaanbaatar", "Moscow")
    assert sum(p.km for p in paths) == pytest.approx(7621, rel=0.05)
    assert paths[0].countries == ("CN", "MN") and paths[1].countries == ("MN", "RU")
    assert _passes(paths, "Ulan-Ude")


def test_other_reported_journeys_are_all_rail(world: RailNetwork) -> None:
    (kyiv,) = _route(world, "Przemysl", "Kyiv")
    assert kyiv.countries == ("PL", "UA") and kyiv.gauges == (1435, 1520)
    hanoi = _route(world, "Pyongyang", "Dandong", "Beijing", "Nanning", "Dong Dang")
    assert sum(p.km for p in hanoi) == pytest.approx(3800, rel=0.08)
    assert hanoi[0].countries == ("KP", "CN") and hanoi[-1].countries == ("CN", "VN")


@pytest.mark.parametrize(
    ("station", "country"),
    [
        ("dong-dang", "VN"),
        ("pingxiang-guangxi", "CN"),
        ("przemysl-glowny", "PL"),
        ("mostyska-2", "UA"),
        ("naushki", "RU"),
        ("sukhbaatar", "MN"),
        ("khasan", "RU"),
        ("tumangang", "KP"),
    ],
)
def test_a_border_station_is_on_its_own_side(world: RailNetwork, station: str, country: str):
    assert world.point_country(world.stations[station]) == country


#: The places on either side of a border crossing (GeoNames points; the Erenhot and
#: Zamyn-Üüd stations of the station table).
CROSSINGS = {
    ("PL", "UA"): ((22.92229, 49.80526), (22.97485, 49.80126)),  # Medyka, Shehyni
    ("MN", "RU"): ((106.20778, 50.23139), (106.10556, 50.38278)),  # Sükhbaatar, Naushki
    ("CN", "MN"): ((111.978, 43.656), (111.904, 43.718)),  # Erenhot, Zamyn-Üüd
}


@pytest.mark.parametrize(
    "stops", [("Beijing", "Ulaanbaatar", "Moscow"), ("Przemysl", "Kyiv")], ids=str
)
def test_a_leg_changes_country_at_its_border_crossing(world: RailNetwork, stops) -> None:
    for path in _route(world, *stops):
        near, far = CROSSINGS[tuple(sorted(path.countries))]
        span = point_km(near, far)
        assert path.crossings == 1 and path.border_point is not None
        assert point_km(path.border_point, near) < span, path.countries
        assert point_km(path.border_point, far) < span, path.countries


def test_a_stop_snaps_onto_the_track_near_it(world: RailNetwork) -> None:
    point = world.snap(*STATIONS["Khasan"])
    assert point.km < 2.0


@pytest.mark.parametrize(
    ("first", "last"),
    [
        ("Moscow", "Vladivostok"),  # within the first search bound
        ("Przemysl", "Nanning"),  # far longer than the straight line: the bound grows
        ("Khasan", "Vladivostok"),  # starts on the border bridge, a segment past the bound
        ("Dong Dang", "Ulaanbaatar"),
    ],
)
def test_a_leg_is_the_shortest_track_however_far(world: RailNetwork, first: str, last: str) -> None:
    start, end = world.snap(*STATIONS[first]), world.snap(*STATIONS[last])
    found = world.path(start, end)
    weight, nodes = world._one_way(start, end)  # one unbounded dijkstra: the reference
    reference = world._build(start, nodes, end)
    assert found is not None and weight < float("inf")
    # the same length and countries (the graph holds exact ties between parallel tracks)
    assert found.km == pytest.approx(reference.km, abs=1e-6)
    assert found.countries == reference.countries
