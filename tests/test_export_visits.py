"""A place passed out and back in every output: two visits, one place (issue #13)."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pyogrio

from routes.model import Journey, Route
from routes.pipeline import build
from routes.publish import export
from routes.publish.csv_table import places_csv
from routes.publish.web.card import dashboard_card_html
from routes.publish.web.render import map_html
from routes.read.reports import report_from_text
from tests.journey_fixture import fixture_journey


def out_and_back_journey() -> Journey:
    """The fixture's Pyongyang - Khasan - Vladivostok, and back by Khasan to Pyongyang."""
    journey = fixture_journey(with_xss=False)
    out = journey.route
    back = tuple(
        replace(leg, from_id=leg.to_id, to_id=leg.from_id, coords=leg.coords[::-1])
        for leg in reversed(out.legs)
    )
    stops = list(out.stops)
    km, eta = stops[-1].km, stops[-1].eta
    for leg, visit in zip(back, (stops[1], stops[0]), strict=True):
        km += leg.km
        eta = eta + timedelta(hours=leg.km / 60.0)
        stops.append(
            replace(visit, order=len(stops) + 1, km=km, eta=eta, reported=None, delta_hours=None)
        )
    return replace(journey, route=Route(stops=tuple(stops), legs=out.legs + back))


def _points(journey: Journey) -> dict[str, dict]:
    features = export.to_geojson(journey)["features"]
    return {
        f["properties"]["id"]: f["properties"]
        for f in features
        if f["geometry"] is None or f["geometry"]["type"] == "Point"
    }


def test_a_place_passed_out_and_back_is_one_point_with_two_visits() -> None:
    journey = out_and_back_journey()
    props = _points(journey)
    khasan = props["khasan"]
    assert [v["order"] for v in khasan["visits"]] == [2, 4]
    assert (khasan["order"], khasan["km"]) == (2, khasan["visits"][0]["km"])
    assert khasan["visits"][1]["km"] > props["vladivostok"]["km"] > khasan["km"]
    assert khasan["visits"][1]["eta"] > props["vladivostok"]["eta"]
    assert [v["order"] for v in props["pyongyang"]["visits"]] == [1, 5]
    assert [v["order"] for v in props["vladivostok"]["visits"]] == [3]
    assert props["north-korea"]["visits"] == []
    points = [f for f in export.to_geojson(journey)["features"] if f["properties"].get("id")]
    ids = [f["properties"]["id"] for f in points if "visits" in f["properties"]]
    assert len(ids) == len(set(ids))  # one Point per place


def test_a_one_way_journey_has_one_visit_per_stop_matching_order_km_and_eta() -> None:
    for props in _points(fixture_journey(with_xss=False)).values():
        if props["order"] is None:
            assert props["visits"] == []
        else:
            assert props["visits"] == [
                {"order": props["order"], "km": props["km"], "eta": props["eta"]}
            ]


def test_the_card_of_a_place_passed_twice_names_both_stops_and_the_return() -> None:
    html = dashboard_card_html(out_and_back_journey(), "khasan")
    assert "Stop 2 and 4" in html
    assert "Again, stop 4" in html
    one_way = dashboard_card_html(fixture_journey(with_xss=False), "khasan")
    assert "Stop 2 ·" in one_way and "Again" not in one_way


def test_a_place_passed_twice_without_a_departure_time_still_has_its_card() -> None:
    journey = out_and_back_journey()
    untimed = tuple(replace(stop, eta=None) for stop in journey.route.stops)
    journey = replace(journey, route=replace(journey.route, stops=untimed))
    html = dashboard_card_html(journey, "khasan")
    assert "Again, stop 4" in html and "est. arrival" not in html
    assert map_html(journey).count("Again, stop 4") >= 1


def test_the_map_page_draws_a_marker_per_visit_and_the_card_lists_the_visits() -> None:
    page = map_html(out_and_back_journey())
    assert page.count('"order": 4') == 1 and page.count('"order": 5') == 1
    assert "Again, stop 4" in page


def test_the_map_page_names_a_place_passed_twice_once_with_both_stop_numbers() -> None:
    # two markers on one spot would carry two name labels over each other
    page = map_html(out_and_back_journey())
    assert page.count('"label": "Pyongyang (1, 5)"') == 1
    assert page.count('"label": "Khasan (2, 4)"') == 1
    assert page.count('"label": "Vladivostok"') == 1
    assert page.count('"label": ""') == 2  # the return visits: named on hover only


def test_the_csv_has_a_row_per_place_and_lists_its_later_visits() -> None:
    rows = list(csv.DictReader(io.StringIO(places_csv(out_and_back_journey()))))
    assert [r["id"] for r in rows].count("khasan") == 1
    khasan = next(r for r in rows if r["id"] == "khasan")
    assert khasan["order"] == "2"
    assert khasan["later_visits"].startswith("4: ")
    assert next(r for r in rows if r["id"] == "vladivostok")["later_visits"] == ""


def test_gpx_has_a_waypoint_per_visit_and_kml_describes_the_return(tmp_path: Path) -> None:
    journey = out_and_back_journey()
    waypoints = pyogrio.read_dataframe(
        export.write_gpx(journey, tmp_path / "r.gpx"), layer="waypoints"
    )
    assert list(waypoints["name"]) == [
        "1. Pyongyang", "2. Khasan", "3. Vladivostok", "4. Khasan", "5. Pyongyang",
    ]  # fmt: skip
    kml = export.write_kml(journey, tmp_path / "r.kml").read_text(encoding="utf-8")
    assert "again stop 4" in kml


def test_an_out_and_back_report_read_end_to_end_gives_its_point_two_visits(gazetteer) -> None:
    report = report_from_text(
        "Kim Jong Un's train left Pyongyang on Monday and crossed the border at Dandong "
        "that night. It reached Beijing on Tuesday morning. On Thursday his train left "
        "Beijing for home, passing Dandong again late that evening.",
        source="Test Wire",
        published=date(2019, 1, 11),
    )
    props = _points(build([report], gazetteer=gazetteer))
    dandong = [p for p in props.values() if p["name"] == "Dandong"]
    assert len(dandong) == 1
    visits = dandong[0]["visits"]
    beijing = next(p for p in props.values() if p["name"] == "Beijing")
    assert len(visits) == 2 and visits[0]["order"] == dandong[0]["order"]
    assert visits[0]["km"] < beijing["km"] < visits[1]["km"]
    home = next(p for p in props.values() if p["name"] == "Pyongyang")
    # Pyongyang 1, Dandong 2, Beijing 3, Dandong 4, and home again: Pyongyang 5
    assert [v["order"] for v in home["visits"]] == [1, 5]
