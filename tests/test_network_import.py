"""Bring your own OpenStreetMap extract: railway ways read with pyosmium, merged over the
world graph, chosen with --network."""

from __future__ import annotations

from pathlib import Path

import osmium
import pytest
from osmium.osm.mutable import Node, Way
from pyproj import Geod

from routes.__main__ import main
from routes.rail.network import load_network
from routes.rail.osm import ExtractError, merge, read_rail_ways
from routes.rail.track import RailNetwork
from routes.rail.world import TrackLine, arrays_from_lines

GEOD = Geod(ellps="WGS84")
#: The extract's winding main line (a bow north of the world graph's straight chord).
MAIN = [(1, 30.0, 60.0), (2, 30.25, 60.04), (3, 30.5, 60.05), (4, 30.75, 60.04), (5, 31.0, 60.0)]


def write_extract(path: Path) -> Path:
    """A tiny .osm.pbf: a main line with gauge and name, a yard siding and a road."""
    writer = osmium.SimpleWriter(str(path))
    for node_id, lon, lat in [*MAIN, (6, 30.5, 60.2), (7, 30.6, 60.3)]:
        writer.add_node(Node(id=node_id, location=(lon, lat)))
    main_nodes = [n for n, _, _ in MAIN]
    writer.add_way(Way(id=10, nodes=main_nodes, tags={"railway": "rail", "gauge": "1520"}))
    writer.add_way(Way(id=11, nodes=[3, 6], tags={"railway": "rail", "service": "yard"}))
    writer.add_way(Way(id=12, nodes=[6, 7], tags={"highway": "primary"}))
    writer.close()
    return path


def _world():
    """A stand-in world graph: one straight line through the extract's region."""
    line = TrackLine(((29.0, 60.0), (30.0, 60.0), (31.0, 60.0), (32.0, 60.0)), "RU", 1520)
    return arrays_from_lines([line])


def test_only_running_track_is_read(tmp_path: Path) -> None:
    (line,) = read_rail_ways(write_extract(tmp_path / "region.osm.pbf"))
    assert line.coords == tuple((lon, lat) for _, lon, lat in MAIN)
    assert line.gauge_mm == 1520


def test_an_extract_without_railways_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "roads.osm.pbf"
    writer = osmium.SimpleWriter(str(path))
    writer.add_node(Node(id=1, location=(30.0, 60.0)))
    writer.add_node(Node(id=2, location=(30.1, 60.0)))
    writer.add_way(Way(id=1, nodes=[1, 2], tags={"highway": "primary"}))
    writer.close()
    with pytest.raises(ExtractError, match=r"roads\.osm\.pbf holds no railway"):
        read_rail_ways(path)
    with pytest.raises(ExtractError, match="not found"):
        read_rail_ways(tmp_path / "missing.osm.pbf")


@pytest.mark.slow  # loads the world rail network
def test_the_extract_replaces_the_world_track_in_its_region(tmp_path: Path) -> None:
    extract = arrays_from_lines(read_rail_ways(write_extract(tmp_path / "r.osm.pbf")))
    merged, joins = merge(_world(), extract)
    assert joins >= 2
    network = RailNetwork(merged)
    found = network.path(network.snap(29.0, 60.0), network.snap(32.0, 60.0))
    assert found is not None
    assert (30.5, 60.05) in found.coords  # the extract's detailed line, not the chord
    bow = GEOD.line_length(*zip(*[(lon, lat) for _, lon, lat in MAIN], strict=True)) / 1000
    straight = GEOD.inv(29.0, 60.0, 30.0, 60.0)[2] / 1000 * 2
    assert found.km == pytest.approx(bow + straight, rel=1e-3)


@pytest.mark.slow
def test_network_import_writes_a_file_that_build_and_route_use(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    extract = write_extract(tmp_path / "region.osm.pbf")
    out = tmp_path / "region.npz"
    assert main(["network", "import", str(extract), "--out", str(out)]) == 0
    assert out.is_file() and str(out) in capsys.readouterr().out
    network = load_network(out)
    found = network.path(network.snap(30.0, 60.0), network.snap(31.0, 60.0))
    assert found is not None and (30.5, 60.05) in found.coords
    assert main(["route", "Pyongyang", "Khasan", "--network", str(out)]) == 0
    assert "by rail" in capsys.readouterr().out


def test_a_missing_network_file_is_one_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere.npz"
    assert main(["route", "Pyongyang", "Khasan", "--network", str(missing)]) != 0
    assert "nowhere.npz" in capsys.readouterr().err
    assert main(["network", "import", str(tmp_path / "none.osm.pbf")]) != 0
    assert "none.osm.pbf" in capsys.readouterr().err
