"""The development-set score pairs a found place with the gold place of its own kind first."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from routes.evaluate.devset import DevReport, GoldPlace
from routes.evaluate.score import SetScore, score_report
from routes.model import Journey, LocatedPlace, Place, Report, Route, Stop


def test_a_found_city_pairs_with_the_gold_city_not_a_nearer_gold_facility() -> None:
    city = Place("port", "Portville", "city", 43.1114, 131.8822, "RU")
    gold = (
        GoldPlace("Portville", "Portville", "RU", 43.116, 131.886, "city", "origin", "reported"),
        # a naval headquarters in the city, nearer the city's point than the gold city is
        GoldPlace("HQ", "Fleet HQ", "RU", 43.11, 131.88, "facility", "ruled-out", "ruled-out"),
    )
    report = Report("r", "Portville text", published=date(2024, 1, 1))
    case = DevReport(report, "j", (), gold, ("Portville",), (), Path("r.json"))
    journey = Journey(
        "t", (), (LocatedPlace(city, "origin", ()),), Route(stops=(Stop(city, "origin", 1),))
    )
    result = score_report(case, journey)
    assert result.missed == ("Fleet HQ",)
    assert SetScore((result,)).denied_kept_off == 1.0  # the stop is the city, not the HQ


def test_a_found_area_pairs_with_the_gold_region_not_a_gold_river_beside_it() -> None:
    area = Place("gn:1", "Lakeland", "area", 41.3, 122.6, "CN")
    gold = (
        # listed first: a river with no country, within reach of the area's point
        GoldPlace("Blue", "Blue River", "", 40.1, 124.4, "river", "context", "reported"),
        GoldPlace("Lakeland", "Lakeland", "CN", 41.3, 122.6, "region", "context", "reported"),
    )
    report = Report("r", "Lakeland text", published=date(2024, 1, 1))
    case = DevReport(report, "j", (), gold, (), (), Path("r.json"))
    journey = Journey("t", (), (LocatedPlace(area, "context", ()),), Route(stops=()))
    assert score_report(case, journey).missed == ("Blue River",)


def test_a_found_area_pairs_with_a_gold_area() -> None:
    # a mountain range or a lake is an area in the gold too: matched as areas are, by country
    # or within reach, not as a point
    found = Place("range", "High Range", "area", 46.5, 10.0, "")
    gold = (GoldPlace("High Range", "High Range", "", 46.4, 10.2, "area", "context", "reported"),)
    report = Report("r", "High Range text", published=date(2024, 1, 1))
    case = DevReport(report, "j", (), gold, (), (), Path("r.json"))
    journey = Journey("t", (), (LocatedPlace(found, "context", ()),), Route(stops=()))
    result = score_report(case, journey)
    assert (result.missed, result.wrong) == ((), ())


def test_a_gold_area_still_pairs_with_a_found_point_in_it() -> None:
    # a district the gold calls an area, found as the town point inside it
    found = Place("town", "Parkton", "town", 39.98, 116.31, "CN")
    gold = (GoldPlace("Parkton", "Parkton", "CN", 39.98, 116.31, "area", "via", "reported"),)
    report = Report("r", "Parkton text", published=date(2024, 1, 1))
    case = DevReport(report, "j", (), gold, (), (), Path("r.json"))
    journey = Journey("t", (), (LocatedPlace(found, "context", ()),), Route(stops=()))
    assert score_report(case, journey).missed == ()


def test_a_gold_island_pairs_with_a_found_area_or_town_and_areas_pair_by_nearness() -> None:
    # an island group found as an area, and a region of the same country beside it: each
    # found area pairs with its own gold (the nearest of one sort), neither is "wrong"
    islands = Place("isl", "Gull Islands", "area", 65.07, 35.69, "RU")
    region = Place("reg", "Lakeshire", "region", 63.8, 33.0, "RU")
    gold = (
        GoldPlace(
            "Lakeshire", "Lakeshire Republic", "RU", 63.8, 33.0, "region", "context", "reported"
        ),
        GoldPlace("Gull", "Gull Islands", "RU", 65.08, 35.67, "island", "context", "reported"),
    )
    report = Report("r", "Gull text", published=date(2024, 1, 1))
    case = DevReport(report, "j", (), gold, (), (), Path("r.json"))
    places = (LocatedPlace(islands, "context", ()), LocatedPlace(region, "context", ()))
    journey = Journey("t", (), places, Route(stops=()))
    result = score_report(case, journey)
    assert (result.missed, result.wrong) == ((), ())
    # an island found as a town still pairs with its gold island
    town = Place("rus", "Gull Island", "town", 43.0, 131.8, "RU")
    gold = (GoldPlace("Gull", "Gull Island", "RU", 43.0, 131.8, "island", "via", "reported"),)
    case = DevReport(report, "j", (), gold, (), (), Path("r.json"))
    journey = Journey("t", (), (LocatedPlace(town, "via", ()),), Route(stops=()))
    assert score_report(case, journey).missed == ()


def test_a_found_pass_pairs_with_the_gold_pass_however_the_gold_classes_it() -> None:
    # a pass is a point: a gold "region" or "area" of the same name and place is it
    found = Place("pass", "High Pass", "pass", 51.30, -117.52, "CA")
    for kind in ("region", "area", "pass"):
        gold = (GoldPlace("High", "High Pass", "CA", 51.301, -117.519, kind, "via", "reported"),)
        report = Report("r", "High Pass text", published=date(2024, 1, 1))
        case = DevReport(report, "j", (), gold, (), (), Path("r.json"))
        journey = Journey("t", (), (LocatedPlace(found, "via", ()),), Route(stops=()))
        result = score_report(case, journey)
        assert (result.missed, result.wrong) == ((), ()), kind
    # but not one far off
    gold = (GoldPlace("High", "High Pass", "CA", 52.5, -118.5, "region", "via", "reported"),)
    case = DevReport(report, "j", (), gold, (), (), Path("r.json"))
    journey = Journey("t", (), (LocatedPlace(found, "via", ()),), Route(stops=()))
    assert score_report(case, journey).missed == ("High Pass",)


def test_a_found_place_of_the_gold_name_pairs_with_it_before_a_nearer_area() -> None:
    # the found town of the site's name is the gold site (an area in the gold), not the
    # found region around it, which pairs with the gold region
    site = Place("site", "Old-Ruins", "town", 20.667, -88.567, "MX")
    region = Place("reg", "Lowland", "region", 20.7, -88.9, "MX")
    gold = (
        GoldPlace(
            "Lowland Peninsula",
            "Lowland Peninsula",
            "MX",
            19.5,
            -89.0,
            "region",
            "context",
            "reported",
        ),
        GoldPlace("Old Ruins", "Old Ruins", "MX", 20.684, -88.568, "area", "via", "reported"),
    )
    report = Report("r", "Old Ruins text", published=date(2024, 1, 1))
    case = DevReport(report, "j", (), gold, ("Old Ruins",), (), Path("r.json"))
    places = (LocatedPlace(region, "context", ()), LocatedPlace(site, "via", ()))
    journey = Journey("t", (), places, Route(stops=(Stop(site, "via", 1),)))
    result = score_report(case, journey)
    assert (result.missed, result.wrong) == ((), ())
