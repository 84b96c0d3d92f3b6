"""The rail graph: junctions, geodesic lengths, nearest track, stations and bad data files."""

from __future__ import annotations

import json
import os
import time
from itertools import pairwise
from pathlib import Path

import pytest
from pyproj import Geod

from routes.rail.network import (
    SNAP_TOLERANCE_M,
    NetworkError,
    RailNetwork,
    load_network,
)

GEOD = Geod(ellps="WGS84")


def write_rail(folder: Path, lines: list[dict], stations: list[dict] | None = None) -> Path:
    """Write ``lines.geojson`` (and ``stations.geojson``) into ``folder``; return it."""
    folder.mkdir(parents=True, exist_ok=True)
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "LineString", "coordinates": line["coords"]},
            "properties": {
                "id": line["id"],
                "line": line.get("line", line["id"]),
                "country": line["country"],
                "gauge_mm": line.get("gauge", 1435),
                "length_factor": line.get("length_factor"),
                "source": "test fixture",
            },
        }
        for line in lines
    ]
    collection = {"type": "FeatureCollection", "features": features}
    (folder / "lines.geojson").write_text(json.dumps(collection), encoding="utf-8")
    if stations is not None:
        points = [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": s["coords"]},
                "properties": {
                    "id": s["id"],
                    "name": s["id"].title(),
                    "country": s.get("country", ""),
                    "place_id": s.get("place_id"),
                    "source": "test fixture",
                },
            }
            for s in stations
        ]
        stations_doc = {"type": "FeatureCollection", "features": points}
        (folder / "stations.geojson").write_text(json.dumps(stations_doc), encoding="utf-8")
    return folder


#: A small network: a KP line meeting a RU line at (130, 42), a RU branch whose end is
#: drawn 16 m off the junction vertex, and an island line nothing connects to.
LINES = [
    {"id": "west", "country": "KP", "coords": [[129.0, 42.0], [129.5, 42.0], [130.0, 42.0]]},
    {
        "id": "east",
        "country": "RU",
        "gauge": 1520,
        "coords": [[130.0, 42.0], [130.1, 42.0], [130.5, 42.0], [131.0, 42.0]],
    },
    {"id": "north", "country": "RU", "gauge": 1520, "coords": [[130.5002, 42.0], [130.5, 42.5]]},
    {"id": "island", "country": "JP", "coords": [[140.0, 50.0], [140.5, 50.0]]},
]
STATIONS = [
    {"id": "alpha-station", "coords": [129.0, 42.0], "place_id": "alpha"},
    {"id": "charlie-station", "coords": [130.1, 42.0], "place_id": "charlie"},
    {"id": "delta-station", "coords": [131.0, 42.0], "place_id": "delta"},
    {"id": "echo-station", "coords": [130.5, 42.5], "place_id": "echo"},
    {"id": "island-station", "coords": [140.0, 50.0], "place_id": "island"},
    {"id": "halt", "coords": [129.5, 42.0], "place_id": None},
]


@pytest.fixture
def rail_dir(tmp_path: Path) -> Path:
    """The small synthetic network on disk."""
    return write_rail(tmp_path / "rail", LINES, STATIONS)


@pytest.fixture
def network(rail_dir: Path) -> RailNetwork:
    """The small synthetic network, loaded."""
    return load_network(rail_dir)


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return GEOD.inv(*a, *b)[2] / 1000.0


def test_lines_meeting_at_a_shared_vertex_are_one_track(network: RailNetwork) -> None:
    found = network.shortest_path(network.station_node("alpha"), network.station_node("delta"))
    assert found is not None
    coords, km, countries = found
    assert coords[0] == (129.0, 42.0) and coords[-1] == (131.0, 42.0)
    assert countries == ("KP", "RU")
    expected = sum(_km(a, b) for a, b in pairwise(coords))
    assert km == pytest.approx(expected, rel=1e-9)
    # Two degrees of longitude at 42 N are about 165 km on the ground, not 222.
    assert 160 < km < 170


def test_a_line_end_within_the_snap_tolerance_joins_the_junction(network: RailNetwork) -> None:
    assert _km((130.5002, 42.0), (130.5, 42.0)) * 1000 < SNAP_TOLERANCE_M
    found = network.path(network.station_node("alpha"), network.station_node("echo"))
    assert found is not None
    assert found.lines == ("west", "east", "north")


def test_a_line_end_beyond_the_snap_tolerance_stays_apart(tmp_path: Path) -> None:
    offset = 0.002  # about 165 m east at 42 N: more than the tolerance
    assert _km((130.0 + offset, 42.0), (130.0, 42.0)) * 1000 > SNAP_TOLERANCE_M
    lines = [
        {"id": "a", "country": "KP", "coords": [[129.0, 42.0], [130.0, 42.0]]},
        {"id": "b", "country": "RU", "coords": [[130.0 + offset, 42.0], [131.0, 42.0]]},
    ]
    net = load_network(write_rail(tmp_path / "gap", lines))
    start, _ = net.nearest_node(129.0, 42.0)
    end, _ = net.nearest_node(131.0, 42.0)
    assert net.shortest_path(start, end) is None


def test_rail_km_applies_the_published_length_factor(tmp_path: Path) -> None:
    # A drawn line shorter than the track carries published km / drawn km; rail km
    # along it scale by that factor, the drawn (geodesic) km stay as measured.
    lines = [
        {"id": "drawn", "country": "RU", "coords": [[130.0, 42.0], [130.5, 42.0]]},
        {
            "id": "published",
            "country": "RU",
            "length_factor": 1.25,
            "coords": [[130.5, 42.0], [131.0, 42.0]],
        },
    ]
    net = load_network(write_rail(tmp_path / "factor", lines))
    west, east = _km((130.0, 42.0), (130.5, 42.0)), _km((130.5, 42.0), (131.0, 42.0))
    found = net.path(net.nearest_node(130.0, 42.0)[0], net.nearest_node(131.0, 42.0)[0])
    assert found is not None
    assert found.drawn_km == pytest.approx(west + east)
    assert found.km == pytest.approx(west + 1.25 * east)
    backwards = net.shortest_path(found.nodes[-1], found.nodes[0])
    assert backwards is not None and backwards[1] == pytest.approx(found.km)


@pytest.mark.parametrize("factor", [0.1, 5.0, "long"])
def test_an_implausible_length_factor_names_the_file(tmp_path: Path, factor) -> None:
    lines = [{"id": "x", "country": "RU", "length_factor": factor, "coords": LINES[0]["coords"]}]
    folder = write_rail(tmp_path / "bad-factor", lines)
    with pytest.raises(NetworkError, match="length_factor") as caught:
        load_network(folder)
    assert "lines.geojson" in str(caught.value)


def test_edges_carry_line_country_and_gauge(network: RailNetwork) -> None:
    node = network.station_node("charlie")
    edge = next(iter(network.graph.edges(node, data=True)))[2]
    assert edge["country"] == "RU" and edge["gauge"] == 1520 and edge["line"] == "east"
    assert edge["km"] > 0


def test_border_point_is_where_the_track_changes_country(network: RailNetwork) -> None:
    found = network.path(network.station_node("alpha"), network.station_node("charlie"))
    assert found is not None and found.border_point == (130.0, 42.0)
    domestic = network.path(network.station_node("charlie"), network.station_node("delta"))
    assert domestic is not None and domestic.border_point is None
    assert domestic.countries == ("RU",)


def test_disconnected_nodes_have_no_path(network: RailNetwork) -> None:
    island = network.station_node("island")
    assert network.shortest_path(network.station_node("alpha"), island) is None
    assert network.path(island, network.station_node("alpha")) is None


def test_unknown_node_is_an_error_not_a_missing_path(network: RailNetwork) -> None:
    with pytest.raises(KeyError, match="nowhere"):
        network.path("nowhere", network.station_node("alpha"))


def test_stations_label_their_nodes(network: RailNetwork) -> None:
    node = network.station_node("echo")
    assert network.coords(node) == (130.5, 42.5)
    data = network.graph.nodes[node]
    assert data["station_id"] == "echo-station" and data["name"] == "Echo-Station"
    assert data["place_id"] == "echo"
    assert network.station_node("atlantis") is None
    assert "halt" in network.stations  # a station without a place still labels its node


def test_nearest_node_reports_ground_distance(network: RailNetwork) -> None:
    lon, lat = GEOD.fwd(130.1, 42.0, 0.0, 3000.0)[:2]  # 3 km north of Charlie
    node, km = network.nearest_node(lon, lat)
    assert node == network.station_node("charlie")
    assert km == pytest.approx(3.0, abs=1e-6)


def test_nearest_node_is_nearest_on_the_ground_not_in_degrees(tmp_path: Path) -> None:
    # At 60 N a degree of longitude is half a degree of latitude on the ground: the
    # vertex 0.03 degrees east (1.7 km) is nearer than the one 0.02 degrees north (2.2 km).
    lines = [
        {"id": "east", "country": "RU", "coords": [[30.03, 60.0], [30.5, 60.0]]},
        {"id": "north", "country": "RU", "coords": [[30.0, 60.02], [30.0, 60.5]]},
    ]
    net = load_network(write_rail(tmp_path / "north", lines))
    node, km = net.nearest_node(30.0, 60.0)
    assert net.coords(node) == (30.03, 60.0)
    assert km == pytest.approx(_km((30.0, 60.0), (30.03, 60.0)))


def test_nearest_node_refuses_missing_coordinates(network: RailNetwork) -> None:
    with pytest.raises(ValueError, match="non-finite"):
        network.nearest_node(float("nan"), 42.0)


def test_a_station_far_from_any_track_is_reported(tmp_path: Path) -> None:
    stations = [*STATIONS, {"id": "ghost", "coords": [135.0, 45.0], "place_id": "ghost"}]
    net = load_network(write_rail(tmp_path / "ghost", LINES, stations))
    assert net.station_node("ghost") is None
    assert any("ghost" in problem for problem in net.problems)


def test_a_station_just_off_a_vertex_is_attached_to_it(tmp_path: Path) -> None:
    stations = [{"id": "near", "coords": [130.1, 42.003], "place_id": "near"}]  # 330 m
    net = load_network(write_rail(tmp_path / "near", LINES, stations))
    assert net.station_node("near") == net.nearest_node(130.1, 42.0)[0]
    assert net.problems == []


def test_the_network_is_cached_until_its_files_change(rail_dir: Path) -> None:
    first = load_network(rail_dir)
    assert load_network(rail_dir) is first
    assert load_network(rail_dir / "lines.geojson") is first
    lines = rail_dir / "lines.geojson"
    later = time.time() + 5
    os.utime(lines, (later, later))
    assert load_network(rail_dir) is not first


def test_missing_rail_file_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(NetworkError, match=r"lines\.geojson"):
        load_network(tmp_path / "empty")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{not json", "Cannot read"),
        ('{"type": "Feature"}', "not a GeoJSON FeatureCollection"),
        ('{"type": "FeatureCollection", "features": []}', "no lines"),
        (
            '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {},'
            ' "geometry": {"type": "Point", "coordinates": [1, 2]}}]}',
            "not a LineString",
        ),
        (
            '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {},'
            ' "geometry": {"type": "LineString", "coordinates": [[1, 2], [200, 2]]}}]}',
            "valid lon/lat",
        ),
        (
            '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {},'
            ' "geometry": {"type": "LineString", "coordinates": [[1, 2], ["x"]]}}]}',
            "malformed",
        ),
    ],
)
def test_invalid_rail_data_names_the_file_and_the_problem(
    tmp_path: Path, content: str, reason: str
) -> None:
    path = tmp_path / "lines.geojson"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(NetworkError, match=reason) as caught:
        load_network(path)
    assert str(path) in str(caught.value)


def test_invalid_station_file_names_the_file(rail_dir: Path) -> None:
    (rail_dir / "stations.geojson").write_text("[]", encoding="utf-8")
    with pytest.raises(NetworkError, match=r"stations\.geojson"):
        load_network(rail_dir)
