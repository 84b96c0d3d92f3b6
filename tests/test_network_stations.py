"""The shipped station table against the world rail network: on the track, in the right
country, and the published distances between stations."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import pytest

from routes.rail.geodesy import point_km
from routes.rail.network import RailNetwork, load_network
from routes.rail.track import STATION_TOLERANCE_KM

pytestmark = pytest.mark.slow

STATIONS_FILE = Path(__file__).resolve().parent.parent / "geodata" / "rail" / "stations.geojson"
#: A listed distance from the track must match the measured one this closely (km).
LISTED_TOLERANCE_KM = 0.5
#: Published rail distances between stations (km), relative tolerance and source.
PUBLISHED_DISTANCES = [
    ("khasan", "baranovsky", 238.0, 0.05, "Baranovsky–Khasan line, 238 km"),
    ("vladivostok", "ussuriysk", 112.0, 0.05, "Trans-Siberian km posts 9288 − 9177"),
    ("vladivostok", "khabarovsk", 766.0, 0.05, "Trans-Siberian km posts 9288 − 8523"),
    ("ussuriysk", "khabarovsk", 652.0, 0.03, "Russian Railways, Ussuriysk – Khabarovsk"),
    ("rajin", "khasan", 54.0, 0.08, "ru.wikipedia Хасан (станция)"),
    ("pyongyang", "vladivostok", 1180.0, 0.05, "reported length of the 2019/2023 journeys"),
]
#: Chainages whose km posts are checked stretch by stretch.
CHAINAGES = ("transsib", "khasan-baranovsky")


def _features() -> list[dict]:
    return json.loads(STATIONS_FILE.read_text(encoding="utf-8"))["features"]


@pytest.fixture(scope="module")
def network() -> RailNetwork:
    return load_network()


@pytest.fixture(scope="module")
def points(network: RailNetwork) -> dict:
    """Each station's nearest track point, by station id."""
    return {f["properties"]["id"]: network.snap(*f["geometry"]["coordinates"]) for f in _features()}


def test_the_table_covers_the_journeys_users_map() -> None:
    countries = {f["properties"]["country"] for f in _features()}
    assert {"KP", "RU", "CN", "MN", "VN", "PL", "UA"} <= countries
    assert all(f["properties"]["source"] for f in _features())


def test_stations_for_geonames_places_serve_them() -> None:
    from routes.read.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    checked = 0
    for feature in _features():
        props = feature["properties"]
        if (props.get("place_id") or "").startswith("gn:"):
            place = gazetteer.get(props["place_id"])
            assert place is not None, props["id"]
            lon, lat = feature["geometry"]["coordinates"]
            assert place.country == props["country"], props["id"]
            assert abs(place.lon - lon) < 0.1 and abs(place.lat - lat) < 0.1, props["id"]
            checked += 1
    assert checked >= 20


def test_every_station_is_on_the_track_or_lists_its_distance(points) -> None:
    for feature in _features():
        props = feature["properties"]
        found = points[props["id"]].km
        listed = props.get("off_track_km")
        if listed is None:
            assert found <= STATION_TOLERANCE_KM, f"{props['id']} is {found:.1f} km off"
        else:
            assert listed > STATION_TOLERANCE_KM, props["id"]
            assert found == pytest.approx(listed, abs=LISTED_TOLERANCE_KM), props["id"]


def test_every_station_is_in_its_own_country_on_the_track(network, points) -> None:
    for feature in _features():
        props = feature["properties"]
        if not props["country"]:
            continue
        assert network.point_country(points[props["id"]]) == props["country"], props["id"]


@pytest.mark.parametrize(("start", "end", "km", "tolerance", "source"), PUBLISHED_DISTANCES)
def test_rail_distances_match_published_figures(
    network, points, start: str, end: str, km: float, tolerance: float, source: str
) -> None:
    found = network.path(points[start], points[end])
    assert found is not None
    assert found.km == pytest.approx(km, rel=tolerance), f"{start}–{end}: {found.km:.0f} ({source})"


@pytest.mark.parametrize("chain", CHAINAGES)
def test_km_posts_hold_along_the_line(network, points, chain: str) -> None:
    # Station to station along the chainage (the route pinned by every station), the
    # track km add up to the published km posts.
    posts = sorted(
        (f["properties"]["km"][chain], f["properties"]["id"])
        for f in _features()
        if chain in (f["properties"].get("km") or {})
    )
    total = 0.0
    for (km_a, a), (km_b, b) in pairwise(posts):
        found = network.path(points[a], points[b])
        assert found is not None, (a, b)
        assert found.km == pytest.approx(km_b - km_a, rel=0.15, abs=5.0), (a, b, found.km)
        total += found.km
    assert total == pytest.approx(posts[-1][0] - posts[0][0], rel=0.05)


def test_every_approximate_station_says_why_and_how_far_it_is(network, points) -> None:
    from routes.read.gazetteer import load_gazetteer
    from tools.stations import KEPT_BECAUSE, is_approximate

    gazetteer = load_gazetteer()
    checked = 0
    for feature in _features():
        props = feature["properties"]
        if not is_approximate(props):
            assert "check" not in props, props["id"]
            continue
        check = props["check"]
        assert check["kept"] == KEPT_BECAUSE, props["id"]
        assert check["track_km"] == pytest.approx(points[props["id"]].km, abs=0.01), props["id"]
        place = gazetteer.get(props["place_id"]) if props.get("place_id") else None
        if place is None:
            assert check["place_km"] is None, props["id"]
        else:
            lon, lat = feature["geometry"]["coordinates"]
            found = point_km((lon, lat), (place.lon, place.lat))
            assert check["place_km"] == pytest.approx(found, abs=0.01), props["id"]
        checked += 1
    assert checked > 0
