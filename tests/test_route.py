"""Routing stops along the railway: order, legs, km, border, off-network stops and timing."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from pyproj import Geod, Transformer
from shapely import LineString, Point

from routes.model import Kind, LegKind, Place, Role, Route, Settings
from routes.rail.network import RailNetwork, load_network
from routes.rail.route import (
    RouteError,
    order_stops,
    position_along,
    rail_path,
    route,
    route_by_names,
)
from routes.rail.track import network_from_lines
from routes.rail.world import TrackLine
from routes.read.gazetteer import Gazetteer, load_gazetteer
from tests.test_network import synthetic_network

GEOD = Geod(ellps="WGS84")


def place(pid: str, lon: float, lat: float, country: str = "RU", kind: str = Kind.TOWN) -> Place:
    """A gazetteer-like place for the synthetic network."""
    return Place(id=pid, name=pid.title(), kind=kind, lat=lat, lon=lon, country=country)


# Places of the synthetic network (tests/test_network.py): the towns sit a little off
# their stations, as a town centre sits off its station.
ALPHA = place("alpha", 129.0, 42.01, "KP")
CHARLIE = place("charlie", 130.1, 42.01)
DELTA = place("delta", 131.0, 42.01)
ECHO = place("echo", 130.5, 42.51)
ISLAND = place("island", 140.0, 50.01, "JP")
#: About 3 km off the east line, with no station of its own.
SIDING = place("siding", 130.3, 42.027)
#: About 33 km south of the east line: off the network.
FARM = place("farm", 130.3, 41.7)


@pytest.fixture
def network() -> RailNetwork:
    """The synthetic KP/RU network with an unconnected island line."""
    return synthetic_network()


def _same_time(a: datetime | None, b: datetime) -> bool:
    """Whether two times agree to the second."""
    return a is not None and abs(a - b) < timedelta(seconds=1)


def _geodesic_km(a: Place, b: Place) -> float:
    return GEOD.inv(a.lon, a.lat, b.lon, b.lat)[2] / 1000.0


def test_order_puts_origin_first_destination_last_and_vias_by_rail_km(
    network: RailNetwork,
) -> None:
    stops = [
        (DELTA, Role.DESTINATION),
        (ECHO, Role.VIA),
        (CHARLIE, Role.BORDER),
        (ALPHA, Role.ORIGIN),
    ]
    ordered = order_stops(stops, network)
    assert [p.id for p, _ in ordered] == ["alpha", "charlie", "echo", "delta"]


def test_order_follows_the_track_not_the_straight_line() -> None:
    # A line out east and back west 55 km further north: the last via is the nearest to
    # the origin in a straight line but the farthest along the track.
    line = TrackLine(((30.0, 60.0), (31.0, 60.0), (31.0, 60.5), (30.1, 60.5)), "RU")
    net = network_from_lines([line])
    stops = [
        (place("back", 30.2, 60.5), Role.VIA),
        (place("end", 30.1, 60.5), Role.DESTINATION),
        (place("turn", 31.0, 60.25), Role.VIA),
        (place("start", 30.0, 60.0), Role.ORIGIN),
        (place("out", 30.6, 60.01), Role.VIA),
    ]
    assert [p.id for p, _ in order_stops(stops, net)] == ["start", "out", "turn", "back", "end"]


def test_position_along_a_path_is_track_km_from_its_start(network: RailNetwork) -> None:
    path = rail_path(ALPHA, DELTA, network)
    assert path is not None
    assert position_along(path, ALPHA) == pytest.approx(0.0, abs=0.01)
    assert position_along(path, DELTA) == pytest.approx(path.km, rel=1e-6)
    halfway = position_along(path, place("mid", 130.0, 42.3))  # 33 km off the junction
    assert halfway == pytest.approx(rail_path(ALPHA, CHARLIE, network).km - 8.2, abs=0.5)
    assert position_along(path, place("lost", float("nan"), 0.0)) == float("inf")


def test_order_removes_a_place_listed_twice_keeping_its_strongest_role(
    network: RailNetwork,
) -> None:
    stops = [
        (ALPHA, Role.ORIGIN),
        (DELTA, Role.VIA),
        (CHARLIE, Role.VIA),
        (DELTA, Role.DESTINATION),
    ]
    ordered = order_stops(stops, network)
    assert ordered == [(ALPHA, Role.ORIGIN), (CHARLIE, Role.VIA), (DELTA, Role.DESTINATION)]


def test_order_falls_back_to_ground_distance_off_the_rail(network: RailNetwork) -> None:
    # The island is not reachable by rail from Alpha: its (long) geodesic distance
    # still places it after the nearby stops.
    stops = [
        (ISLAND, Role.VIA),
        (CHARLIE, Role.VIA),
        (ALPHA, Role.ORIGIN),
        (DELTA, Role.DESTINATION),
    ]
    ordered = order_stops(stops, network)
    assert [p.id for p, _ in ordered] == ["alpha", "charlie", "island", "delta"]


def test_order_without_origin_starts_at_the_first_stop(network: RailNetwork) -> None:
    stops = [(CHARLIE, Role.VIA), (DELTA, Role.DESTINATION), (ALPHA, Role.VIA)]
    assert [p.id for p, _ in order_stops(stops, network)] == ["charlie", "alpha", "delta"]
    assert order_stops([], network) == []


def test_route_follows_the_track_with_cumulative_km(network: RailNetwork) -> None:
    result = route(
        [(ALPHA, Role.ORIGIN), (CHARLIE, Role.BORDER), (DELTA, Role.DESTINATION)],
        Settings(),
        network=network,
    )
    assert [leg.kind for leg in result.legs] == [LegKind.RAIL, LegKind.RAIL]
    first, second = result.legs
    assert first.coords[0] == (129.0, 42.0) and first.coords[-1] == (130.1, 42.0)
    assert second.coords[0] == (130.1, 42.0) and second.coords[-1] == (131.0, 42.0)
    drawn = GEOD.line_length(*zip(*first.coords, strict=True)) / 1000.0
    assert first.km == pytest.approx(drawn, rel=1e-5)
    assert [s.km for s in result.stops] == pytest.approx([0.0, first.km, first.km + second.km])
    assert result.total_km == pytest.approx(result.rail_km)
    assert result.warnings == ()


def test_a_leg_names_the_countries_and_the_border_point(network: RailNetwork) -> None:
    result = route(
        [(ALPHA, Role.ORIGIN), (CHARLIE, Role.BORDER), (DELTA, Role.DESTINATION)],
        Settings(),
        network=network,
    )
    crossing, domestic = result.legs
    assert crossing.countries == ("KP", "RU") and crossing.border_point is not None
    assert crossing.border_point in crossing.coords or crossing.border_point[1] == 42.0
    assert domestic.countries == ("RU",) and domestic.border_point is None


def test_stops_snap_to_their_station_then_to_the_nearest_track(network: RailNetwork) -> None:
    result = route([(ALPHA, Role.ORIGIN), (SIDING, Role.DESTINATION)], Settings(), network=network)
    alpha, siding = result.stops
    assert alpha.node == network.station_point("alpha").id
    assert alpha.snap_km == pytest.approx(_geodesic_km(ALPHA, place("s", 129.0, 42.0)))
    assert siding.node == network.snap(SIDING.lon, SIDING.lat).id
    assert 2.5 < siding.snap_km < 3.5 and not siding.off_network
    assert result.legs[0].kind == LegKind.RAIL
    assert result.legs[0].coords[-1] == pytest.approx((130.3, 42.0))  # onto the segment


def test_a_stop_far_from_rail_is_flagged_not_snapped(network: RailNetwork) -> None:
    result = route(
        [(ALPHA, Role.ORIGIN), (FARM, Role.VIA), (DELTA, Role.DESTINATION)],
        Settings(max_snap_km=10.0),
        network=network,
    )
    farm = result.stops[1]
    assert farm.off_network and farm.node is None and farm.snap_km > 10.0
    assert [leg.kind for leg in result.legs] == [LegKind.NO_RAIL, LegKind.NO_RAIL]
    assert result.legs[0].coords[-1] == (FARM.lon, FARM.lat)
    assert result.legs[1].coords[0] == (FARM.lon, FARM.lat)
    assert any("Farm" in w and "no-rail" in w for w in result.warnings)


def test_the_snap_limit_is_a_setting(network: RailNetwork) -> None:
    stops = [(ALPHA, Role.ORIGIN), (FARM, Role.DESTINATION)]
    assert route(stops, Settings(max_snap_km=50.0), network=network).stops[1].off_network is False
    assert route(stops, Settings(max_snap_km=10.0), network=network).stops[1].off_network


def test_disconnected_stops_get_a_labelled_great_circle_leg(network: RailNetwork) -> None:
    result = route([(ALPHA, Role.ORIGIN), (ISLAND, Role.DESTINATION)], Settings(), network=network)
    (leg,) = result.legs
    assert leg.kind == LegKind.NO_RAIL
    assert leg.coords[0] == (129.0, 42.0) and leg.coords[-1] == (140.0, 50.0)
    straight = GEOD.inv(129.0, 42.0, 140.0, 50.0)[2] / 1000.0
    assert leg.km == pytest.approx(straight, rel=1e-6)
    assert len(leg.coords) > straight / 20  # densified, drawn as a curve on the map
    assert leg.countries == ("KP", "JP")
    assert any("No railway joins Alpha and Island" in w for w in result.warnings)
    assert result.rail_km == 0.0 and result.total_km == pytest.approx(leg.km)


def test_a_stop_without_coordinates_is_left_out_and_named(network: RailNetwork) -> None:
    lost = place("lost", float("nan"), float("nan"))
    result = route(
        [(ALPHA, Role.ORIGIN), (lost, Role.VIA), (DELTA, Role.DESTINATION)],
        Settings(),
        network=network,
    )
    assert [s.place.id for s in result.stops] == ["alpha", "delta"]
    assert [s.order for s in result.stops] == [1, 2]
    assert len(result.legs) == 1 and result.legs[0].kind == LegKind.RAIL
    assert any("Lost" in w and "left off" in w for w in result.warnings)


def test_eta_adds_running_time_dwell_and_border_dwell(network: RailNetwork) -> None:
    depart = datetime(2023, 9, 10, 21, 0)
    settings = Settings(
        speed_kmh=50.0, depart=depart, dwell_min=15.0, border_dwell_min=60.0, gauge_change_min=180.0
    )
    result = route(
        [(ALPHA, Role.ORIGIN), (CHARLIE, Role.VIA), (ECHO, Role.VIA), (DELTA, Role.DESTINATION)],
        settings,
        network=network,
    )
    alpha, charlie, echo, delta = result.stops
    to_charlie, to_echo, to_delta = (leg.km for leg in result.legs)
    assert alpha.eta == depart
    assert _same_time(charlie.eta, depart + timedelta(hours=to_charlie / 50.0))
    # Charlie is the first stop after the KP-RU crossing: customs and gauge change there.
    assert len(set(result.legs[0].gauges)) == 2
    assert _same_time(echo.eta, charlie.eta + timedelta(hours=to_echo / 50, minutes=60 + 180))
    assert _same_time(delta.eta, echo.eta + timedelta(hours=to_delta / 50, minutes=15))


def test_a_border_role_gets_the_border_dwell(network: RailNetwork) -> None:
    settings = Settings(speed_kmh=40.0, depart=datetime(2023, 9, 10), border_dwell_min=100.0)
    result = route(
        [(CHARLIE, Role.ORIGIN), (ECHO, Role.BORDER), (DELTA, Role.DESTINATION)],
        settings,
        network=network,
    )
    echo, delta = result.stops[1:]
    assert _same_time(delta.eta, echo.eta + timedelta(hours=result.legs[1].km / 40, minutes=100))


def test_a_crossing_straight_to_the_destination_still_costs_the_border_dwell(
    network: RailNetwork,
) -> None:
    depart = datetime(2023, 9, 10, 21, 0)
    settings = Settings(speed_kmh=50.0, depart=depart, border_dwell_min=60.0, gauge_change_min=0)
    result = route([(ALPHA, Role.ORIGIN), (DELTA, Role.DESTINATION)], settings, network=network)
    (leg,) = result.legs
    assert _same_time(result.stops[1].eta, depart + timedelta(hours=leg.km / 50, minutes=60))


def test_a_border_without_a_change_of_gauge_costs_only_the_checks(network: RailNetwork) -> None:
    depart = datetime(2023, 9, 10, 21, 0)
    settings = Settings(speed_kmh=50.0, depart=depart, border_dwell_min=60.0, gauge_change_min=180)
    result = route([(CHARLIE, Role.ORIGIN), (ECHO, Role.BORDER), (DELTA, Role.DESTINATION)],
                   settings, network=network)  # fmt: skip
    echo, delta = result.stops[1:]
    assert len(set(result.legs[0].gauges)) <= 1  # the leg into the border stop
    assert _same_time(delta.eta, echo.eta + timedelta(hours=result.legs[1].km / 50, minutes=60))


def test_no_departure_means_no_eta(network: RailNetwork) -> None:
    result = route([(ALPHA, Role.ORIGIN), (DELTA, Role.DESTINATION)], Settings(), network=network)
    assert [s.eta for s in result.stops] == [None, None]
    assert [s.delta_hours for s in result.stops] == [None, None]


def test_reported_times_are_compared_with_the_eta(network: RailNetwork) -> None:
    depart = datetime(2023, 9, 10, 21, 0)
    reported = datetime(2023, 9, 11, 6, 0)
    result = route(
        [(ALPHA, Role.ORIGIN), (CHARLIE, Role.BORDER), (DELTA, Role.DESTINATION)],
        Settings(depart=depart),
        reported_times={"charlie": reported},
        network=network,
    )
    charlie = result.stops[1]
    assert charlie.reported == reported
    assert charlie.delta_hours == pytest.approx((charlie.eta - reported).total_seconds() / 3600)
    assert charlie.delta_hours < 0  # the model says earlier than reported: shown, signed
    assert result.stops[2].reported is None and result.stops[2].delta_hours is None


def _timed_three_stops(network: RailNetwork, reported: dict | None = None) -> Route:
    """alpha → charlie → delta from Sunday 21:00 at the default speed, with ``reported``."""
    stops = [(ALPHA, Role.ORIGIN), (CHARLIE, Role.VIA), (DELTA, Role.DESTINATION)]
    depart = datetime(2023, 9, 10, 21, 0)
    return route(stops, Settings(depart=depart), reported_times=reported, network=network)


def test_a_reported_day_after_the_estimate_is_flagged_and_the_journey_runs_on_from_it(
    network: RailNetwork,
) -> None:
    # "reached charlie on Wednesday": the estimate says Monday night, the report a later day
    alone = _timed_three_stops(network)
    told = _timed_three_stops(network, {"charlie": date(2023, 9, 13)})
    charlie, delta = told.stops[1:]
    assert charlie.reported is None and charlie.reported_day == date(2023, 9, 13)
    assert charlie.eta == alone.stops[1].eta  # its own estimate is kept, to compare
    start = datetime(2023, 9, 13)
    assert charlie.delta_hours == pytest.approx((charlie.eta - start).total_seconds() / 3600)
    assert charlie.estimate_disagrees
    # the leg after it runs from the start of the reported day, not from the estimate
    assert delta.eta - start == alone.stops[2].eta - alone.stops[1].eta
    assert delta.reported_day is None and delta.delta_hours is None


def test_a_reported_day_holding_the_estimate_agrees_and_an_earlier_one_never_turns_back_the_clock(
    network: RailNetwork,
) -> None:
    alone = _timed_three_stops(network)
    same = _timed_three_stops(network, {"charlie": alone.stops[1].eta.date()})
    assert same.stops[1].delta_hours == 0 and not same.stops[1].estimate_disagrees
    # a day before the departure's ("left alpha for charlie on Sunday" dates charlie) is
    # flagged where it disagrees, but the journey does not run backwards from it
    early = _timed_three_stops(network, {"charlie": date(2023, 9, 8)})
    assert early.stops[1].delta_hours > 0
    assert [s.eta for s in early.stops] == [s.eta for s in alone.stops]


class _Gazetteer:
    """The two lookups ``route_by_names`` makes of a gazetteer, over the test places."""

    places = (ALPHA, CHARLIE, DELTA, ECHO)

    def candidates(self, name: str) -> tuple[Place, ...]:
        return tuple(p for p in self.places if p.name.lower() == name.lower())

    def search(self, q: str, limit: int = 10) -> list[Place]:
        return [p for p in self.places if p.name.lower().startswith(q.lower())][:limit]


def test_route_by_names_routes_in_the_order_given(network: RailNetwork) -> None:
    result = route_by_names(["alpha", "Echo", "Delta"], Settings(), _Gazetteer(), network)
    assert [(s.place.id, s.role) for s in result.stops] == [
        ("alpha", Role.ORIGIN),
        ("echo", Role.VIA),
        ("delta", Role.DESTINATION),
    ]


def test_route_by_names_suggests_a_name_for_an_unknown_one(network: RailNetwork) -> None:
    with pytest.raises(RouteError, match=r"No place called 'Echoo'\. Did you mean 'Echo'\?"):
        route_by_names(["Alpha", "Echoo"], Settings(), _Gazetteer(), network)
    with pytest.raises(RouteError, match="No place called 'Zzz'"):
        route_by_names(["Alpha", "Zzz"], Settings(), _Gazetteer(), network)


def test_route_by_names_needs_two_places(network: RailNetwork) -> None:
    with pytest.raises(RouteError, match="Give between 2 and"):
        route_by_names(["Alpha"], Settings(), _Gazetteer(), network)


# --- Acceptance on the shipped (world) railway: these are the accuracy tests. ---

#: Reported rail length of the journey Pyongyang -> Khasan -> Vladivostok.
JOURNEY_KM = 1180.0
#: Khasan - Baranovsky line length (Russian Railways, Far Eastern Railway).
KHASAN_BARANOVSKY_KM = 238.0
#: Trans-Siberian km posts: Vladivostok 9288, Khabarovsk 8521 (Russian Railways timetable).
VLADIVOSTOK_KHABAROVSK_KM = 9288.0 - 8521.0
STATIONS_FILE = Path(__file__).resolve().parent.parent / "geodata" / "rail" / "stations.geojson"


def _station_coords() -> dict[str, tuple[float, float]]:
    """Published station coordinates of the shipped station table, by station id."""
    features = json.loads(STATIONS_FILE.read_text(encoding="utf-8"))["features"]
    return {f["properties"]["id"]: tuple(f["geometry"]["coordinates"]) for f in features}


@pytest.fixture(scope="module")
def shipped() -> tuple[RailNetwork, Gazetteer]:
    """The shipped rail network and gazetteer."""
    return load_network(), load_gazetteer()


@pytest.fixture(scope="module")
def journey(shipped) -> Route:
    """The bundled story's journey: Pyongyang - Khasan - Vladivostok."""
    return _route_ids(shipped, "pyongyang", "khasan", "vladivostok")


def _route_ids(shipped: tuple[RailNetwork, Gazetteer], *ids: str, **settings) -> Route:
    network, gazetteer = shipped
    places = [gazetteer.get(pid) for pid in ids]
    assert all(places), f"missing gazetteer places among {ids}"
    roles = [Role.ORIGIN, *([Role.VIA] * (len(ids) - 2)), Role.DESTINATION]
    return route(list(zip(places, roles, strict=True)), Settings(**settings), network=network)


def _distance_to_track_km(lon: float, lat: float, result: Route) -> float:
    """Ground distance from ``(lon, lat)`` to the nearest point of any leg, in km."""
    local = Transformer.from_crs(
        "EPSG:4326",
        f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84 +units=m",
        always_xy=True,
    )
    lines = []
    for leg in result.legs:
        xs, ys = local.transform(*zip(*leg.coords, strict=True))
        lines.append(LineString(zip(xs, ys, strict=True)))
    return min(line.distance(Point(0.0, 0.0)) for line in lines) / 1000.0


def test_pyongyang_khasan_vladivostok_is_the_reported_length(journey: Route) -> None:
    assert [leg.kind for leg in journey.legs] == [LegKind.RAIL, LegKind.RAIL]
    assert journey.warnings == ()
    assert not any(stop.off_network for stop in journey.stops)
    assert journey.total_km == pytest.approx(JOURNEY_KM, rel=0.05)


def test_khasan_baranovsky_is_the_line_length(shipped) -> None:
    result = _route_ids(shipped, "khasan", "baranovsky")
    assert result.legs[0].kind == LegKind.RAIL
    assert result.total_km == pytest.approx(KHASAN_BARANOVSKY_KM, rel=0.05)


def test_ussuriysk_khabarovsk_is_the_line_length(shipped) -> None:
    result = _route_ids(shipped, "ussuriysk", "khabarovsk")
    assert result.legs[0].kind == LegKind.RAIL
    assert result.total_km == pytest.approx(652.0, rel=0.03)


def test_vladivostok_khabarovsk_matches_the_trans_siberian_km_posts(shipped) -> None:
    result = _route_ids(shipped, "vladivostok", "khabarovsk")
    assert result.legs[0].kind == LegKind.RAIL
    assert result.total_km == pytest.approx(VLADIVOSTOK_KHABAROVSK_KM, rel=0.05)


@pytest.mark.parametrize(
    "station", ["hamhung", "kilju", "chongjin", "rajin", "tumangang", "khasan", "vladivostok"]
)
def test_the_journey_follows_the_east_coast_line(journey: Route, station: str) -> None:
    assert _distance_to_track_km(*_station_coords()[station], journey) <= 3.0


def test_khasan_to_khabarovsk_runs_through_ussuriysk(shipped) -> None:
    result = _route_ids(shipped, "khasan", "khabarovsk")
    assert _distance_to_track_km(*_station_coords()["ussuriysk"], result) <= 3.0
    assert result.legs[0].countries == ("RU",)


def test_the_border_point_is_the_tumen_crossing_between_tumangang_and_khasan(
    shipped, journey: Route
) -> None:
    crossing, domestic = journey.legs
    assert crossing.countries == ("KP", "RU")
    assert domestic.countries == ("RU",) and domestic.border_point is None
    bridge = shipped[1].get("friendship-bridge")
    assert crossing.border_point is not None
    assert _geodesic_km(bridge, place("x", *crossing.border_point)) <= 3.0


def test_the_journey_timing_compares_with_the_reported_crossing(shipped) -> None:
    network, gazetteer = shipped
    depart = datetime(2023, 9, 10, 23, 0)  # "left Pyongyang late on Sunday"
    reported = datetime(2023, 9, 12, 6, 0)  # the crossing reported early on Tuesday
    stops = [
        (gazetteer.get("pyongyang"), Role.ORIGIN),
        (gazetteer.get("khasan"), Role.BORDER),
        (gazetteer.get("vladivostok"), Role.DESTINATION),
    ]
    result = route(
        stops,
        Settings(speed_kmh=50.0, depart=depart),
        reported_times={"khasan": reported},
        network=network,
    )
    khasan = result.stops[1]
    assert _same_time(khasan.eta, depart + timedelta(hours=result.legs[0].km / 50.0))
    assert khasan.delta_hours == pytest.approx((khasan.eta - reported).total_seconds() / 3600)


@pytest.mark.slow  # loads the world rail network
def test_a_stop_far_from_any_track_is_flagged_on_the_shipped_network(shipped) -> None:
    network, gazetteer = shipped
    at_sea = place("at-sea", 135.0, 40.0, "")  # the Sea of Japan, 340 km from any line
    result = route(
        [(gazetteer.get("vladivostok"), Role.ORIGIN), (at_sea, Role.DESTINATION)],
        Settings(),
        network=network,
    )
    stop = result.stops[1]
    assert stop.off_network and stop.node is None and stop.snap_km > 300.0
    assert result.legs[0].kind == LegKind.NO_RAIL
    assert any("At-Sea" in warning for warning in result.warnings)


def test_an_island_line_without_a_link_is_a_no_rail_leg(shipped) -> None:
    network, gazetteer = shipped
    sakhalin = place("yuzhno-sakhalinsk", 142.74, 46.96)  # Sakhalin's own railway
    result = route(
        [(gazetteer.get("vladivostok"), Role.ORIGIN), (sakhalin, Role.DESTINATION)],
        Settings(),
        network=network,
    )
    assert not result.stops[1].off_network
    assert result.legs[0].kind == LegKind.NO_RAIL
    assert any("No railway joins" in warning for warning in result.warnings)


def test_the_crossing_leg_shows_the_gauge_change_and_its_border_in_geojson(
    journey: Route,
) -> None:
    from routes.publish.export import route_geojson

    crossing, domestic = journey.legs
    assert crossing.gauges == (1435, 1520) and domestic.gauges == (1520,)
    legs = [f for f in route_geojson(journey)["features"] if f["geometry"]["type"] == "LineString"]
    assert legs[0]["properties"]["gauges"] == [1435, 1520]
    assert legs[0]["properties"]["border"] == pytest.approx(list(crossing.border_point), abs=1e-5)
    assert legs[1]["properties"]["border"] is None


def test_a_river_crossed_between_two_stops_is_placed_on_the_track_between_them() -> None:
    # A river's gazetteer point is one spot on a long line, here ~20 km off the railway.
    net = network_from_lines([TrackLine(((30.0, 60.0), (31.0, 60.0)), "RU")])
    river = place("river", 30.5, 60.18, kind=Kind.RIVER)
    stops = [
        (place("west", 30.0, 60.0), Role.ORIGIN),
        (river, Role.VIA),
        (place("east", 31.0, 60.0), Role.DESTINATION),
    ]
    result = route(stops, Settings(), network=net)
    assert [leg.kind for leg in result.legs] == [LegKind.RAIL, LegKind.RAIL]
    assert not result.stops[1].off_network and not result.warnings
    assert result.stops[1].km == pytest.approx(result.stops[2].km / 2, rel=0.05)
    # the same point as a town is off the network, joined by no-rail legs
    town = place("river", 30.5, 60.18)
    alone = route([stops[0], (town, Role.VIA), stops[2]], Settings(), network=net)
    assert alone.stops[1].off_network and LegKind.NO_RAIL in {leg.kind for leg in alone.legs}


def test_a_place_visited_out_and_back_is_two_stops_with_their_own_km_and_eta(
    network: RailNetwork,
) -> None:
    depart = datetime(2023, 9, 10, 21, 0)
    reported = datetime(2023, 9, 11, 6, 0)
    result = route(
        [(ALPHA, Role.ORIGIN), (CHARLIE, Role.VIA), (DELTA, Role.DESTINATION),
         (CHARLIE, Role.VIA), (ALPHA, Role.ORIGIN)],
        Settings(depart=depart, speed_kmh=60.0),
        reported_times={"charlie": reported},
        network=network,
    )  # fmt: skip
    ids = [s.place.id for s in result.stops]
    assert ids == ["alpha", "charlie", "delta", "charlie", "alpha"]
    assert [s.order for s in result.stops] == [1, 2, 3, 4, 5]
    assert [(leg.from_id, leg.to_id) for leg in result.legs] == list(pairwise(ids))
    kms = [s.km for s in result.stops]
    assert kms == sorted(kms) and kms[3] > kms[2] > kms[1]
    assert result.stops[3].eta > result.stops[2].eta > result.stops[1].eta
    # the way back retraces the way out: as many km from delta back to alpha
    assert kms[4] - kms[2] == pytest.approx(kms[2], rel=0.01)
    # the reported time is the first visit's; the return visit has none to disagree with
    assert result.stops[1].reported == reported
    assert result.stops[3].reported is None and result.stops[3].delta_hours is None


def _out_and_back(network: RailNetwork, reported: dict) -> Route:
    """alpha → charlie → delta → charlie → alpha from Sunday 21:00 at 60 km/h."""
    return route(
        [(ALPHA, Role.ORIGIN), (CHARLIE, Role.VIA), (DELTA, Role.DESTINATION),
         (CHARLIE, Role.VIA), (ALPHA, Role.ORIGIN)],
        Settings(depart=datetime(2023, 9, 10, 21, 0), speed_kmh=60.0),
        reported_times=reported,
        network=network,
    )  # fmt: skip


def test_a_return_visit_is_set_against_the_time_reported_for_the_return(
    network: RailNetwork,
) -> None:
    out, back = datetime(2023, 9, 11, 6, 0), datetime(2023, 9, 14, 18, 0)
    result = _out_and_back(network, {"charlie": (back, out)})
    first, again = result.stops[1], result.stops[3]
    assert (first.reported, again.reported) == (out, back)
    assert again.delta_hours == pytest.approx((again.eta - back).total_seconds() / 3600)
    # the estimate home runs on from the reported return, days after the estimate
    assert result.stops[4].eta > back


def test_a_return_visit_takes_no_time_told_before_the_stops_between(
    network: RailNetwork,
) -> None:
    # Both times of charlie come before delta's: the arrival and the departure of the
    # first visit, not the return.
    reported = {
        "charlie": (datetime(2023, 9, 11, 6, 0), datetime(2023, 9, 11, 9, 0)),
        "delta": datetime(2023, 9, 12, 12, 0),
    }
    again = _out_and_back(network, reported).stops[3]
    assert (again.reported, again.reported_day, again.delta_hours) == (None, None, None)


def test_a_return_reported_only_by_its_day_is_that_day(network: RailNetwork) -> None:
    reported = {"charlie": (datetime(2023, 9, 11, 6, 0), date(2023, 9, 13))}
    result = _out_and_back(network, reported)
    assert result.stops[1].reported == datetime(2023, 9, 11, 6, 0)
    assert (result.stops[3].reported, result.stops[3].reported_day) == (None, date(2023, 9, 13))
