"""The rail graph: junctions, track km, snapping onto segments, stations and bad files."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import numpy as np
import pytest
from pyproj import Geod

from routes.rail.curation import read_stations
from routes.rail.network import NetworkError, RailNetwork, load_network
from routes.rail.track import STATION_TOLERANCE_KM, network_from_lines
from routes.rail.world import TrackLine, arrays_from_lines

GEOD = Geod(ellps="WGS84")

#: A small network: a KP line meeting a RU line at (130, 42), a RU branch north from
#: (130.5, 42), and an island line nothing connects to.
LINES = [
    TrackLine(((129.0, 42.0), (129.5, 42.0), (130.0, 42.0)), "KP", 1435),
    TrackLine(((130.0, 42.0), (130.1, 42.0), (130.5, 42.0), (131.0, 42.0)), "RU", 1520),
    TrackLine(((130.5, 42.0), (130.5, 42.5)), "RU", 1520),
    TrackLine(((140.0, 50.0), (140.5, 50.0)), "JP", 1067),
]
STATIONS = [
    {"id": "alpha-station", "lon": 129.0, "lat": 42.0, "place_id": "alpha"},
    {"id": "charlie-station", "lon": 130.1, "lat": 42.0, "place_id": "charlie"},
    {"id": "delta-station", "lon": 131.0, "lat": 42.0, "place_id": "delta"},
    {"id": "echo-station", "lon": 130.5, "lat": 42.5, "place_id": "echo"},
    {"id": "island-station", "lon": 140.0, "lat": 50.0, "place_id": "island"},
    {"id": "halt", "lon": 129.5, "lat": 42.0, "place_id": None},
]
GAUGES = {"KP": 1435, "RU": 1520, "JP": 1067}


def synthetic_network(stations: list[dict] | None = None) -> RailNetwork:
    """The small synthetic network with its stations."""
    return network_from_lines(LINES, STATIONS if stations is None else stations, gauges=GAUGES)


@pytest.fixture
def network() -> RailNetwork:
    """The small synthetic network."""
    return synthetic_network()


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return GEOD.inv(*a, *b)[2] / 1000.0


def _station(network: RailNetwork, place_id: str):
    point = network.station_point(place_id)
    assert point is not None, place_id
    return point


def test_lines_meeting_at_a_shared_vertex_are_one_track(network: RailNetwork) -> None:
    found = network.path(_station(network, "alpha"), _station(network, "delta"))
    assert found is not None
    assert found.coords[0] == (129.0, 42.0) and found.coords[-1] == (131.0, 42.0)
    assert found.countries == ("KP", "RU")
    assert found.km == pytest.approx(sum(_km(a, b) for a, b in pairwise(found.coords)), rel=1e-5)
    # Two degrees of longitude at 42 N are about 165 km on the ground, not 222.
    assert 160 < found.km < 170


def test_a_route_takes_the_branch_at_the_junction(network: RailNetwork) -> None:
    found = network.path(_station(network, "alpha"), _station(network, "echo"))
    assert found is not None
    assert (130.5, 42.0) in found.coords and (131.0, 42.0) not in found.coords


def test_lines_that_do_not_share_a_vertex_are_not_joined() -> None:
    lines = [
        TrackLine(((129.0, 42.0), (130.0, 42.0)), "KP"),
        TrackLine(((130.002, 42.0), (131.0, 42.0)), "RU"),  # 165 m short of the first
    ]
    net = network_from_lines(lines)
    assert net.path(net.snap(129.0, 42.0), net.snap(131.0, 42.0)) is None


def test_track_km_are_the_edge_lengths_both_ways(network: RailNetwork) -> None:
    there = network.path(_station(network, "charlie"), _station(network, "delta"))
    back = network.path(_station(network, "delta"), _station(network, "charlie"))
    assert there is not None and back is not None
    assert there.km == pytest.approx(_km((130.1, 42.0), (131.0, 42.0)), rel=1e-5)
    assert back.km == pytest.approx(there.km)
    assert back.coords == tuple(reversed(there.coords))


def test_edge_km_come_from_the_data_not_the_drawing() -> None:
    # The world graph's segments carry the track km the package gives (the real line
    # winds; the drawn segment is straight): routing sums those, never the chord.
    arrays = arrays_from_lines([TrackLine(((130.0, 42.0), (130.5, 42.0)), "RU")])
    winding = type(arrays)(**{**arrays.__dict__, "km": arrays.km * np.float32(1.3)})
    net = RailNetwork(winding)
    found = net.path(net.snap(130.0, 42.0), net.snap(130.5, 42.0))
    assert found is not None
    assert found.km == pytest.approx(1.3 * _km((130.0, 42.0), (130.5, 42.0)), rel=1e-6)


def test_border_point_is_where_the_track_changes_country(network: RailNetwork) -> None:
    found = network.path(_station(network, "alpha"), _station(network, "charlie"))
    assert found is not None and found.countries == ("KP", "RU")
    assert found.border_point is not None and 129.5 <= found.border_point[0] <= 130.1
    assert found.gauges == (1435, 1520)
    domestic = network.path(_station(network, "charlie"), _station(network, "delta"))
    assert domestic is not None and domestic.border_point is None
    assert domestic.countries == ("RU",) and domestic.gauges == (1520,)


def test_disconnected_points_have_no_path(network: RailNetwork) -> None:
    island, alpha = _station(network, "island"), _station(network, "alpha")
    assert network.path(alpha, island) is None
    assert network.path(island, alpha) is None


def test_a_stop_snaps_onto_the_middle_of_a_segment(network: RailNetwork) -> None:
    lon, lat = GEOD.fwd(129.75, 42.0, 0.0, 3000.0)[:2]  # 3 km north of a long segment
    point = network.snap(lon, lat)
    assert point.lon == pytest.approx(129.75, abs=1e-3) and point.lat == pytest.approx(42.0)
    assert point.km == pytest.approx(3.0, abs=0.01)
    assert 0.0 < point.t < 1.0


def test_snap_is_nearest_on_the_ground_not_in_degrees() -> None:
    # At 60 N a degree of longitude is half a degree of latitude on the ground: the
    # line 0.03 degrees east (1.7 km) is nearer than the one 0.02 degrees north (2.2 km).
    lines = [
        TrackLine(((30.03, 59.5), (30.03, 60.5)), "RU"),
        TrackLine(((29.5, 60.02), (29.9, 60.02)), "RU"),
    ]
    point = network_from_lines(lines).snap(30.0, 60.0)
    assert point.lon == pytest.approx(30.03)
    assert point.km == pytest.approx(_km((30.0, 60.0), (30.03, 60.0)), rel=1e-3)


def test_snap_refuses_missing_coordinates(network: RailNetwork) -> None:
    with pytest.raises(ValueError, match="non-finite"):
        network.snap(float("nan"), 42.0)


def test_stations_attach_to_the_track_and_serve_their_places(network: RailNetwork) -> None:
    echo = _station(network, "echo")
    assert (echo.lon, echo.lat) == pytest.approx((130.5, 42.5))
    assert network.station_point("atlantis") is None
    assert "halt" in network.stations  # a station without a place still attaches
    assert network.problems == []


def test_a_station_far_from_any_track_is_reported() -> None:
    net = synthetic_network([*STATIONS, {"id": "ghost", "lon": 135.0, "lat": 45.0}])
    assert "ghost" not in net.stations
    assert any("ghost" in problem for problem in net.problems)


def test_a_station_a_few_km_off_the_track_is_attached_and_listed() -> None:
    lon, lat = GEOD.fwd(130.3, 42.0, 0.0, 5000.0)[:2]
    net = synthetic_network([{"id": "far", "name": "Far", "lon": lon, "lat": lat}])
    assert "far" in net.stations
    assert net.problems == ["station 'far' (Far) is 5.0 km from the nearest track; attached there"]


def test_a_station_just_off_the_track_is_attached() -> None:
    lon, lat = GEOD.fwd(130.3, 42.0, 0.0, (STATION_TOLERANCE_KM - 0.5) * 1000)[:2]
    net = synthetic_network([{"id": "near", "lon": lon, "lat": lat, "place_id": "near"}])
    assert net.station_point("near") is not None and net.problems == []


def test_a_missing_network_file_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(NetworkError, match=r"rail\.npz"):
        load_network(tmp_path / "rail.npz")


def test_an_unreadable_network_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.npz"
    path.write_bytes(b"not a numpy archive")
    with pytest.raises(NetworkError, match=r"broken\.npz"):
        load_network(path)


def test_a_network_file_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "mine.npz"
    arrays_from_lines(LINES).save(path)
    net = load_network(path)
    found = net.path(net.snap(129.0, 42.0), net.snap(131.0, 42.0))
    assert found is not None and found.countries == ("KP", "RU")
    assert load_network(path) is net  # cached until the file changes


def test_an_invalid_station_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "stations.geojson"
    path.write_text("[]", encoding="utf-8")
    with pytest.raises(NetworkError, match=r"stations\.geojson"):
        read_stations(path)


def test_station_points_are_kept_between_processes(tmp_path: Path) -> None:
    cache = tmp_path / "stations.json"
    first = network_from_lines(LINES, STATIONS, gauges=GAUGES)
    first.station_cache = cache
    assert first.stations and cache.is_file()
    again = network_from_lines(LINES, STATIONS, gauges=GAUGES)
    again.station_cache = cache
    assert again.stations == first.stations
    assert "_segments" not in again.__dict__  # read back, not snapped again
    cache.write_text("not json", encoding="utf-8")
    broken = network_from_lines(LINES, STATIONS, gauges=GAUGES)
    broken.station_cache = cache
    assert broken.stations == first.stations  # a bad cache is rebuilt, never trusted


def test_a_stop_on_a_long_segment_leaves_by_its_shorter_way_on() -> None:
    # The stop sits 200 km along a straight 222 km segment whose far end is 11 km from the
    # destination; its near end leads there too, by a 298 km loop. The search bound around
    # each end is shorter than the stop's share of its segment, and the loop still loses.
    straight = TrackLine(((0.0, 0.0), (2.0, 0.0), (2.1, 0.0)), "XX")
    loop = TrackLine(((0.0, 0.0), (0.5, 0.3), (2.1, 0.3), (2.1, 0.0)), "XX")
    net = network_from_lines([straight, loop])
    found = net.path(net.snap(0.2, 0.0), net.snap(2.1, 0.0))
    assert found is not None
    assert found.km == pytest.approx(_km((0.2, 0.0), (2.1, 0.0)), rel=1e-6)
    assert max(lat for _, lat in found.coords) == 0.0
