"""Visit order: stops a report gives no time for go where they lie on the journey."""

from __future__ import annotations

from datetime import date

import pytest

from routes.model import Kind, Place, Report, Role, Status
from routes.pipeline import build
from routes.read.geoparse import parse
from routes.read.parse.visits import (
    EventTime,
    crossed_between_countries,
    event_times,
    from_the_earliest,
    home_first,
    one_visit_per_station,
    order_by_event_time,
    passed_twice,
    returned_to,
    untimed_routes,
)
from routes.read.reports import report_from_text


def _stop(name: str, lon: float, role: str = Role.VIA) -> tuple[Place, str]:
    """A stop on a line of latitude 50, ``lon`` degrees east."""
    return (Place(name, name.title(), Kind.CITY, 50.0, lon), role)


def _names(stops: list[tuple[Place, str]]) -> list[str]:
    return [s[0].id for s in stops]


def test_a_stop_without_a_time_goes_between_the_dated_stops_it_lies_between() -> None:
    # track order from a misplaced anchor puts "c" first; the dates say a, b, d
    stops = [_stop("c", 12.0), _stop("a", 10.0), _stop("b", 11.0), _stop("d", 13.0)]
    times = {"a": "2023-09-10", "b": "2023-09-11", "d": "2023-09-12"}
    assert _names(order_by_event_time(stops, times)) == ["a", "b", "c", "d"]


def test_of_two_timed_origins_the_earlier_starts_the_journey() -> None:
    # "the car left x station on Monday"; "the train had come overnight from a through b":
    # a, told as earlier, starts the journey though x lies first on the track
    stops = [
        _stop("x", 13.0, Role.ORIGIN),
        _stop("a", 10.0, Role.ORIGIN),
        _stop("b", 11.0),
        _stop("z", 13.1, Role.DESTINATION),
    ]
    times = {
        "x": EventTime("2023-09-11", 0),
        "a": EventTime("2023-09-11", -1, told=2),
        "b": EventTime("2023-09-11", -1, told=3),
        "z": EventTime("2023-09-11", 0, told=1),
    }
    assert _names(order_by_event_time(stops, times)) == ["a", "b", "x", "z"]


def test_an_origin_first_on_the_track_stays_first_over_a_later_told_stop() -> None:
    # one origin: stops told as earlier than its sentence do not move it
    stops = [_stop("a", 10.0, Role.ORIGIN), _stop("b", 11.0), _stop("c", 12.0, Role.DESTINATION)]
    times = {"a": EventTime("2023-09-11", 0), "b": EventTime("2023-09-11", -1, told=2)}
    assert _names(order_by_event_time(stops, times)) == ["a", "b", "c"]


def test_a_stop_without_a_time_beyond_the_last_dated_one_comes_after_it() -> None:
    stops = [_stop("a", 10.0), _stop("z", 14.0), _stop("b", 11.0), _stop("c", 12.0)]
    times = {"a": "2023-09-10", "b": "2023-09-11", "c": "2023-09-11"}
    assert _names(order_by_event_time(stops, times)) == ["a", "b", "c", "z"]


def test_the_destination_bound_for_ends_the_journey_after_dated_destinations() -> None:
    # "arrived in b on Monday", "the train bound for d": d has no time and ends the journey;
    # c, an undated stop of the way, goes between b and d
    stops = [
        _stop("a", 10.0, Role.ORIGIN),
        _stop("b", 11.0, Role.DESTINATION),
        _stop("c", 12.0, Role.DESTINATION),
        _stop("d", 13.0, Role.DESTINATION),
    ]
    times = {"b": EventTime("2023-09-11")}
    assert _names(order_by_event_time(stops, times)) == ["a", "b", "c", "d"]


def test_a_destination_reached_before_later_stops_beyond_it_is_a_stop_on_the_way() -> None:
    # "entered b on the 10th; on the 11th it passed c" with c farther on: the journey went on
    stops = [_stop("a", 10.0, Role.BORDER), _stop("b", 10.1, Role.DESTINATION), _stop("c", 12.0)]
    times = {"a": "2023-09-10", "b": "2023-09-10", "c": "2023-09-11"}
    assert _names(order_by_event_time(stops, times)) == ["a", "b", "c"]


def test_a_destination_dated_before_every_other_stop_is_where_the_journey_went_on_from() -> None:
    # "arrived in b on Monday … on Tuesday the train passed a": no origin, b is no end
    stops = [_stop("a", 11.0), _stop("b", 10.0, Role.DESTINATION)]
    times = {"a": "2023-09-12", "b": "2023-09-11"}
    assert _names(order_by_event_time(stops, times)) == ["b", "a"]


def test_an_origin_the_train_came_to_earlier_does_not_start_the_journey() -> None:
    # "reached c on Sunday … toured o, a district of c, on Tuesday before leaving the city"
    stops = [
        _stop("o", 10.0, Role.ORIGIN),
        _stop("c", 10.1, Role.DESTINATION),
        _stop("x", 14.0),
    ]
    times = {"o": "2023-09-12", "c": "2023-09-10", "x": "2023-09-13"}
    assert _names(order_by_event_time(stops, times)) == ["c", "o", "x"]


def test_a_later_stop_on_the_way_to_the_destination_leaves_it_last() -> None:
    # "began the journey to c on the 10th … expected to pass b on the 11th"
    stops = [_stop("a", 10.0, Role.ORIGIN), _stop("c", 20.0, Role.DESTINATION), _stop("b", 12.0)]
    times = {"a": "2023-09-09", "c": "2023-09-10", "b": "2023-09-11"}
    assert _names(order_by_event_time(stops, times)) == ["a", "b", "c"]


def test_stops_of_one_day_told_in_two_sentences_keep_the_order_told() -> None:
    # "On the 16th Kim arrived in a. That morning he drove on to b." b lies before a on the
    # track from the origin, but the report tells a first
    stops = [_stop("o", 10.0, Role.ORIGIN), _stop("b", 11.0), _stop("a", 11.1)]
    times = {
        "a": EventTime("2023-09-16", 0, told=1, sentence=("t", 0)),
        "b": EventTime("2023-09-16", 0, told=2, sentence=("t", 80)),
    }
    assert _names(order_by_event_time(stops, times)) == ["o", "a", "b"]


def _route_names(report: Report, gazetteer) -> list[str]:
    """The names of the route's stops, in order, built from ``report`` alone."""
    return [s.place.name for s in build([report], gazetteer=gazetteer).route.stops]


def _report_times(text: str, language: str, gazetteer) -> dict[str, EventTime]:
    """Event times of the stops of ``text`` (published Friday 15 September 2023), by name."""
    report = report_from_text(
        text, source="Test Wire", published=date(2023, 9, 15), report_id="t", language=language
    )
    places = parse([report], gazetteer).places
    names = {p.place.id: p.place.name for p in places}
    return {names[pid]: when for pid, when in event_times(places).items()}


#: A stop told after another but said to come before it: the text, its language, that stop,
#: the stop told first, and whether both fall on the same day.
TOLD_AS_EARLIER = [
    pytest.param(
        "В среду поезд прибыл во Владивосток. Ранее днём состав остановился в Хасане.",
        "ru", "Khasan", "Vladivostok", True, id="russian-earlier",
    ),
    pytest.param(
        "The sleeper pulled into Vladivostok on Saturday evening. Before reaching the city "
        "the delegation toured Ussuriysk.",
        "en", "Ussuriysk", "Vladivostok", True, id="before-reaching",
    ),
    pytest.param(
        "The tourist train reached Irkutsk on Friday evening. Overnight it had run through "
        "Krasnoyarsk.",
        "en", "Krasnoyarsk", "Irkutsk", False, id="had-run-past-perfect",
    ),
    pytest.param(
        "The delegation's train left Przemyśl on Thursday evening. The minister had flown "
        "to Rzeszów on Thursday afternoon.",
        "en", "Rzeszów", "Przemyśl", True, id="had-flown-past-perfect",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "language", "earlier", "told_first", "same_day"), TOLD_AS_EARLIER)
def test_a_stop_told_as_earlier_comes_before_the_one_told_first(
    gazetteer, text: str, language: str, earlier: str, told_first: str, same_day: bool
) -> None:
    times = _report_times(text, language, gazetteer)
    if same_day:
        assert times[earlier].day == times[told_first].day
    assert times[earlier].rank < times[told_first].rank


#: A stop told at an earlier day the report does not name: the text, its language, that
#: stop and the stop told first.
UNDATED_EARLIER = [
    pytest.param(
        "The king reached Lisbon by train on Friday. Earlier this week, he spent two days "
        "in Porto.",
        "en", "Porto", "Lisbon", id="opening-its-sentence",
    ),
    pytest.param(
        "The minister held talks in Kazan on Friday. She had toured a truck plant in Samara "
        "the week before.",
        "en", "Samara", "Kazan", id="right-after-the-place",
    ),
    pytest.param(
        "The minister held talks in Kazan on Friday. Last week, she visited Samara and Ufa, "
        "aides said.",
        "en", "Ufa", "Kazan", id="over-a-list",
    ),
    pytest.param(
        "대통령은 15일 열차로 블라디보스토크에 도착했다. 그는 지난주 하바롭스크를 방문했다.",
        "ko", "Khabarovsk", "Vladivostok", id="korean-last-week",
    ),
    pytest.param(
        "Президент в пятницу прибыл во Владивосток. На прошлой неделе он посетил Хабаровск.",
        "ru", "Khabarovsk", "Vladivostok", id="russian-last-week",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "language", "earlier", "told_first"), UNDATED_EARLIER)
def test_a_stop_told_at_an_earlier_day_left_unnamed_comes_a_day_before(
    gazetteer, text: str, language: str, earlier: str, told_first: str
) -> None:
    times = _report_times(text, language, gazetteer)
    assert times[earlier].day < times[told_first].day


def test_last_week_comes_before_the_days_of_this_week(gazetteer) -> None:
    times = _report_times(
        "The tourist train reached Omsk on Thursday. Last week it passed Kazan, and on Monday "
        "it stopped in Perm.",
        "en",
        gazetteer,
    )
    assert times["Kazan"].day < times["Perm"].day < times["Omsk"].day


@pytest.mark.parametrize(
    ("text", "language", "place", "day"),
    [
        (
            "The express reached Omsk on Friday, a week after leaving Chita.",
            "en", "Chita", "2023-09-08",
        ),
        (
            "Поезд в пятницу прибыл в Омск, через неделю после отправления из Читы.",
            "ru", "Chita", "2023-09-08",
        ),
        (
            "The delegation toured a dam near Bratsk on Friday, the day after its train brought "
            "it from Irkutsk.",
            "en", "Irkutsk", "2023-09-14",
        ),
        (
            "The train reached Kazan on Friday, a day after leaving Perm and running through "
            "Izhevsk.",
            "en", "Izhevsk", "2023-09-14",
        ),
    ],
)  # fmt: skip
def test_a_place_told_a_while_after_leaving_takes_the_day_that_long_before(
    gazetteer, text: str, language: str, place: str, day: str
) -> None:
    report = report_from_text(
        text, source="Test Wire", published=date(2023, 9, 15), language=language
    )
    places = {p.place.name: p for p in parse([report], gazetteer).places}
    assert [m.date for m in places[place].mentions] == [day]


def test_a_place_left_a_day_before_a_stop_of_a_sentence_without_a_day_comes_a_day_before(
    gazetteer,
) -> None:
    times = _report_times(
        "The train reached Omsk on Thursday. Later it pulled into Kazan, a day after it left Perm.",
        "en",
        gazetteer,
    )
    assert times["Perm"].day < times["Kazan"].day == times["Omsk"].day


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "The minister reached Riga on Friday. She had been in Vilnius and Kaunas by train "
            "the previous day.",
            "en",
        ),
        ("Министр в пятницу прибыл в Ригу. Накануне он побывал в Вильнюсе и Каунасе.", "ru"),
    ],
)
def test_one_day_word_after_a_list_dates_every_place_of_it_alike(
    gazetteer, text: str, language: str
) -> None:
    times = _report_times(text, language, gazetteer)
    assert times["Vilnius"].day == times["Kaunas"].day < times["Riga"].day


def test_a_place_toured_earlier_in_the_week_takes_no_day_of_its_sentence(gazetteer) -> None:
    text = (
        "The king reached Lisbon by train on Friday, having toured a cork plant in Evora "
        "earlier in the week."
    )
    report = report_from_text(text, source="Test Wire", published=date(2023, 9, 15))
    places = {p.place.name: p for p in parse([report], gazetteer).places}
    assert all(m.date is None for m in places["Évora"].mentions)
    assert _route_names(report, gazetteer) == ["Évora", "Lisbon"]


@pytest.mark.parametrize(
    "text",
    [
        "Last week the minister visited Samara; on Friday she reached Kazan by train.",
        "Earlier this week the minister toured Samara, and on Friday she reached Kazan by train.",
    ],
)
def test_an_earlier_week_opening_a_sentence_ends_at_its_next_clause(gazetteer, text: str) -> None:
    report = report_from_text(text, source="Test Wire", published=date(2023, 9, 15))
    places = {p.place.name: p for p in parse([report], gazetteer).places}
    assert [m.date for m in places["Kazan"].mentions] == ["2023-09-15"]
    assert _route_names(report, gazetteer) == ["Samara", "Kazan"]


def test_korean_then_puts_a_stop_after_the_one_told_last(gazetteer) -> None:
    times = _report_times(
        "열차는 14일 치치하얼을 지나 다칭에 멈췄다. 열차는 이어 하얼빈을 지나 남쪽으로 향했다.",
        "ko",
        gazetteer,
    )
    assert (times["Harbin"].day, times["Harbin"].rank) > (times["Daqing"].day, times["Daqing"].rank)


@pytest.mark.parametrize(
    "second",
    [
        "Later on Friday he travelled on to Samara.",
        "In the afternoon he is to take the train to Samara, where he will stay tonight.",
    ],
)
def test_a_later_word_puts_a_stop_after_the_one_told_before_on_the_day_both_name(
    gazetteer, second: str
) -> None:
    times = _report_times(f"The leader arrived in Kazan on Friday. {second}", "en", gazetteer)
    assert times["Samara"].day == times["Kazan"].day
    assert times["Samara"].rank > times["Kazan"].rank


def test_then_of_a_planned_stop_follows_the_latest_event_of_the_report(gazetteer) -> None:
    times = _report_times(
        "The train reached Khasan on Thursday. The previous day it had passed Tumangang. "
        "From Khasan the route will then pass through Baranovsky, officials said.",
        "en",
        gazetteer,
    )
    assert (times["Baranovsky"].day, times["Baranovsky"].rank) > (times["Khasan"].day, 0)


def test_a_round_trip_home_begins_where_the_train_came_back_to() -> None:
    # "returned to h, ending a trip to n and on to f; on the way back it passed m"
    stops = [
        _stop("n", 11.0, Role.DESTINATION),
        _stop("f", 20.0),
        _stop("m", 10.5),
        _stop("h", 10.0),
    ]
    assert _names(home_first(stops, {"h"})) == ["h", "n", "f", "m"]


def test_a_journey_still_going_away_when_it_came_home_is_only_the_way_home() -> None:
    # the last stop told lies far from home: no sign of the train coming back out of it
    stops = [_stop("h", 10.0, Role.DESTINATION), _stop("n", 11.0), _stop("f", 20.0)]
    assert _names(home_first(stops, {"h"})) == ["n", "f", "h"]


def test_a_stop_passed_again_tells_a_round_trip_from_home_however_far_its_ends() -> None:
    # "returned to h … left h for f through n, came back along the same line, passing n again"
    stops = [_stop("h", 10.0, Role.DESTINATION), _stop("n", 16.0), _stop("f", 20.0)]
    assert _names(home_first(stops, {"h"})) == ["n", "f", "h"]
    assert _names(home_first(stops, {"h"}, twice=True)) == ["h", "n", "f"]


def test_passing_a_place_again_is_told_of_the_report(gazetteer) -> None:
    text = (
        "The delegation returned to Irkutsk on Saturday. It came home along the same line, "
        "passing Tayshet again late on Thursday."
    )
    report = report_from_text(text, source="Test Wire", published=date(2019, 9, 14))
    assert passed_twice(parse([report], gazetteer).places)
    once = report_from_text("The delegation passed Tayshet on Thursday.", source="Test Wire")
    assert not passed_twice(parse([once], gazetteer).places)


def test_the_way_home_alone_ends_where_the_train_came_back_to() -> None:
    stops = [_stop("h", 10.0, Role.DESTINATION), _stop("f", 20.0), _stop("n", 11.0)]
    assert _names(home_first(stops, {"h"})) == ["f", "n", "h"]


def test_a_journey_with_an_origin_is_not_moved_by_a_return() -> None:
    stops = [_stop("o", 15.0, Role.ORIGIN), _stop("n", 11.0), _stop("h", 10.0)]
    assert _names(home_first(stops, {"h"})) == ["o", "n", "h"]


def test_a_report_of_a_return_journey_starts_at_home(gazetteer) -> None:
    text = (
        "Kim Jong Un's train returned to Pyongyang on Thursday, ending a trip that had taken "
        "him to Dandong on Monday night and on to Beijing by Tuesday morning. On the way back "
        "it crossed into Sinuiju shortly after noon."
    )
    report = report_from_text(text, source="Test Wire", published=date(2019, 1, 10))
    names = _route_names(report, gazetteer)
    assert names[0] == "Pyongyang"
    assert names.index("Dandong") < names.index("Beijing") < names.index("Sinuiju")


def test_words_of_coming_back_find_the_place_returned_to(gazetteer) -> None:
    for text, language in [
        ("The train arrived back in Pyongyang on Tuesday.", "en"),
        ("김 위원장이 10일 평양에 돌아왔다.", "ko"),
        ("Во вторник поезд вернулся в Пхеньян.", "ru"),
    ]:
        report = report_from_text(text, published=date(2019, 3, 5), language=language)
        places = parse([report], gazetteer).places
        names = {p.place.id: p.place.name for p in places}
        assert {names[i] for i in returned_to(places)} == {"Pyongyang"}, text


def test_a_stop_told_as_done_wins_over_an_earlier_plan_for_it(gazetteer) -> None:
    first = report_from_text(
        "The train reached Khasan on Tuesday. Kim is expected to visit Vladivostok next.",
        source="Test Wire",
        published=date(2023, 9, 12),
        report_id="one",
    )
    later = report_from_text(
        "Kim arrived in Vladivostok on Saturday after touring Artyom on Friday.",
        source="Test Wire",
        published=date(2023, 9, 16),
        report_id="two",
    )
    places = parse([first, later], gazetteer).places
    names = {p.place.id: p.place.name for p in places}
    times = {names[pid]: when for pid, when in event_times(places).items()}
    assert times["Vladivostok"].day == "2023-09-16"
    assert not times["Vladivostok"].planned


def test_a_sentence_told_in_the_afternoon_follows_the_morning_told_before(gazetteer) -> None:
    times = _report_times(
        "The train pulled into Artyom on Saturday morning. In the afternoon Kim was driven "
        "into Vladivostok.",
        "en",
        gazetteer,
    )
    assert times["Vladivostok"].day == times["Artyom"].day
    assert times["Vladivostok"].rank > times["Artyom"].rank


def _placed(name: str, kind: str, country: str, lon: float) -> tuple[Place, str]:
    """A stop of ``kind`` in ``country`` on a line of latitude 50, ``lon`` degrees east."""
    return (Place(name, name.title(), kind, 50.0, lon, country=country), Role.VIA)


def test_a_border_river_goes_where_the_journey_passes_from_one_country_to_the_other() -> None:
    # "crossing the river from a to b": told first, it was crossed between a and b
    river = _placed("river", Kind.RIVER, "", 10.02)
    a, b = _placed("a", Kind.CITY, "AA", 10.0), _placed("b", Kind.CITY, "BB", 10.04)
    c = _placed("c", Kind.CITY, "BB", 12.0)
    assert _names(crossed_between_countries([river, a, b, c])) == ["a", "river", "b", "c"]
    assert _names(crossed_between_countries([a, b, river, c])) == ["a", "river", "b", "c"]


def test_a_border_river_crossed_at_a_town_goes_after_it_toward_a_far_stop_across() -> None:
    # "crossed back over the river at h" (h on the bank), then on to p far inland across it
    k, h = _placed("k", Kind.CITY, "AA", 5.0), _placed("h", Kind.CITY, "AA", 10.0)
    river, p = _placed("river", Kind.RIVER, "", 10.1), _placed("p", Kind.CITY, "BB", 15.0)
    assert _names(crossed_between_countries([k, river, h, p])) == ["k", "h", "river", "p"]


def test_a_border_river_far_from_any_change_of_country_or_of_one_country_stays() -> None:
    far = _placed("river", Kind.RIVER, "", 14.0)
    a, b = _placed("a", Kind.CITY, "AA", 10.0), _placed("b", Kind.CITY, "BB", 10.04)
    assert _names(crossed_between_countries([far, a, b])) == ["river", "a", "b"]
    inland = _placed("inland", Kind.RIVER, "BB", 10.02)
    assert _names(crossed_between_countries([inland, a, b])) == ["inland", "a", "b"]


def test_a_border_bridge_at_the_first_stop_of_one_country_was_crossed_into_it() -> None:
    # "crossed the bridge at a into the country and ran on through c": no stop across named
    bridge = _placed("bridge", Kind.BRIDGE, "", 10.01)
    a, c = _placed("a", Kind.CITY, "AA", 10.0), _placed("c", Kind.CITY, "AA", 14.0)
    assert _names(crossed_between_countries([a, bridge, c])) == ["bridge", "a", "c"]
    # the journey started at a: the bridge is crossed on the way out of it
    origin = (a[0], Role.ORIGIN)
    assert _names(crossed_between_countries([origin, bridge, c])) == ["a", "bridge", "c"]


def test_a_river_told_before_its_two_banks_is_crossed_between_them(gazetteer) -> None:
    text = (
        "A delegation's special train reached Shenyang at noon on Friday, a station guard "
        "said. Before dawn it had crossed the Yalu from Sinuiju into Dandong."
    )
    report = report_from_text(text, source="Test Wire", published=date(2019, 3, 1))
    assert _route_names(report, gazetteer) == ["Sinuiju", "Yalu River", "Dandong", "Shenyang"]


def test_a_city_and_its_named_station_are_one_visit_the_station_where_the_first_was() -> None:
    city = (Place("c", "Novograd", Kind.CITY, 50.0, 20.0), Role.DESTINATION)
    station = (Place("s", "Novograd Central", Kind.STATION, 50.01, 20.02), Role.DESTINATION)
    before = _stop("b", 18.0)
    assert _names(one_visit_per_station([before, city, station])) == ["b", "s"]
    assert _names(one_visit_per_station([before, station, city])) == ["b", "s"]


def test_a_station_of_another_name_or_far_away_stays_a_visit_of_its_own() -> None:
    city = (Place("c", "Novograd", Kind.CITY, 50.0, 20.0), Role.VIA)
    other = (Place("o", "Staritsa Junction", Kind.STATION, 50.01, 20.02), Role.VIA)
    far = (Place("f", "Novograd North", Kind.STATION, 51.0, 22.0), Role.VIA)
    assert _names(one_visit_per_station([city, other, far])) == ["c", "o", "f"]


def test_a_round_trip_from_a_city_back_to_its_station_keeps_both_ends() -> None:
    city = (Place("c", "Novograd", Kind.CITY, 50.0, 20.0), Role.ORIGIN)
    station = (Place("s", "Novograd Central", Kind.STATION, 50.01, 20.02), Role.DESTINATION)
    away = _stop("a", 25.0)
    assert _names(one_visit_per_station([city, away, station])) == ["c", "a", "s"]


@pytest.mark.parametrize(
    "leaving",
    [
        "The tourist train left Irkutsk on Monday morning for the long run across Siberia",
        "The tourist train left Irkutsk on Monday morning on the long journey west across Siberia",
    ],
)
def test_a_place_the_train_is_only_bound_for_takes_no_time_and_ends_the_journey(
    gazetteer, leaving: str
) -> None:
    text = f"{leaving} to Moscow. It is due to reach Krasnoyarsk on Tuesday and Omsk on Wednesday."
    report = report_from_text(text, source="Test Wire", published=date(2019, 6, 3))
    places = parse([report], gazetteer).places
    moscow = next(p for p in places if p.place.name == "Moscow")
    assert all(m.date is None for m in moscow.mentions)
    names = _route_names(report, gazetteer)
    assert names == ["Irkutsk", "Krasnoyarsk", "Omsk", "Moscow"]


@pytest.mark.parametrize(
    ("second", "names"),
    [
        pytest.param(
            "Its train arrived at the station of Tyumen after an overnight run from Yekaterinburg.",
            ["Yekaterinburg", "Tyumen", "Omsk"],
            id="arrived-at-comes-before-the-dated-destination",
        ),
        pytest.param(
            "The minister visited a school in Tyumen after an overnight run from Yekaterinburg.",
            ["Yekaterinburg", "Tyumen", "Omsk"],
            id="visited-is-reached-not-bound-for",
        ),
        pytest.param(
            "Its train is now heading for Novosibirsk.",
            ["Omsk", "Novosibirsk"],
            id="heading-for-still-ends-the-journey",
        ),
    ],
)
def test_an_undated_destination_told_as_reached_is_a_stop_on_the_way(
    second: str, names: list[str], gazetteer
) -> None:
    # a sentence without a day that tells the train got somewhere: no place it was bound for
    text = (
        "The delegation visited a tractor works in Omsk on Thursday, the governor's office "
        f"said. {second}"
    )
    report = report_from_text(text, source="Test Wire", published=date(2019, 6, 7))
    assert _route_names(report, gazetteer) == names


def test_a_destination_told_as_reached_does_not_end_the_journey_for_lack_of_a_time() -> None:
    stops = [
        _stop("a", 10.0, Role.ORIGIN),
        _stop("b", 11.0, Role.DESTINATION),
        _stop("c", 12.0, Role.DESTINATION),
    ]
    times = {"a": EventTime("2023-09-10"), "c": EventTime("2023-09-11")}
    assert _names(order_by_event_time(stops, times)) == ["a", "c", "b"]
    assert _names(order_by_event_time(stops, times, reached={"b"})) == ["a", "b", "c"]


def test_a_trip_told_in_a_month_of_the_year_before_is_history_not_a_stop(gazetteer) -> None:
    # published in February: "In October" is the October before, an earlier trip
    text = (
        "The minister's train reached Kazan from Moscow on Tuesday, railway staff said. "
        "In October she flew to Samara for a forum."
    )
    report = report_from_text(text, source="Test Wire", published=date(2019, 2, 5))
    roles = {p.place.name: p.role for p in parse([report], gazetteer).places}
    assert roles["Samara"] == Role.HISTORICAL
    assert _route_names(report, gazetteer) == ["Moscow", "Kazan"]


def test_a_place_left_after_an_event_there_takes_no_time_of_its_sentence(gazetteer) -> None:
    # Friday is when the train passed Krasnoyarsk; the talks, and leaving Irkutsk, came before
    text = (
        "The minister's train, heading home after the Irkutsk talks, passed Krasnoyarsk on "
        "Friday without stopping. The previous day it had left Angarsk."
    )
    report = report_from_text(text, source="Test Wire", published=date(2019, 6, 7))
    irkutsk = next(p for p in parse([report], gazetteer).places if p.place.name == "Irkutsk")
    assert [m.date for m in irkutsk.mentions] == [None]
    assert _route_names(report, gazetteer) == ["Irkutsk", "Angarsk", "Krasnoyarsk"]


def test_before_reaching_puts_a_stop_right_before_the_arrival_told_last(gazetteer) -> None:
    # "after flying into Rzeszów" came first; "before reaching the city" is told of the arrival
    text = (
        "The prime minister arrived in Lviv on Monday after flying into Rzeszów. Before "
        "reaching the city she visited Przemyśl."
    )
    report = report_from_text(text, source="Test Wire", published=date(2023, 2, 21))
    assert _route_names(report, gazetteer) == ["Rzeszów", "Przemyśl", "Lviv"]


def test_planned_stops_without_a_time_come_after_the_arrival_told_as_done(gazetteer) -> None:
    # on the track both lie before Irkutsk; the report tells them as plans after the arrival
    text = (
        "The delegation's train left Krasnoyarsk on Monday and arrived in Irkutsk on Tuesday "
        "morning, regional officials said. The guests are due to visit Usolye-Sibirskoye. They "
        "are also expected to tour a refinery in Angarsk."
    )
    report = report_from_text(text, source="Test Wire", published=date(2019, 6, 4))
    names = _route_names(report, gazetteer)
    assert names == ["Krasnoyarsk", "Irkutsk", "Usol’ye-Sibirskoye", "Angarsk"]


def test_a_sentence_telling_the_route_keeps_its_order_when_no_stop_has_a_time(gazetteer) -> None:
    # the track alone, from the origin, would take the nearer Artyom before Khabarovsk
    text = (
        "The delegation's train set out from Vladivostok last week. It ran north through "
        "Ussuriysk to Khabarovsk, then back south to Artyom and on to Nakhodka, a railway "
        "official said."
    )
    report = report_from_text(text, source="Test Wire", published=date(2019, 6, 3))
    names = _route_names(report, gazetteer)
    assert names == ["Vladivostok", "Ussuriysk", "Khabarovsk", "Artyom", "Nakhodka"]


def test_a_destination_told_before_later_stops_of_a_route_sentence_is_not_the_end() -> None:
    stops = [_stop("o", 0.0, Role.ORIGIN), _stop("d", 20.0, Role.DESTINATION), _stop("v", 10.0)]
    times = {"d": EventTime("", 0), "v": EventTime("", 1)}
    assert _names(order_by_event_time(stops, times)) == ["o", "d", "v"]


def _journey_names(text: str, gazetteer, published: date = date(2019, 1, 11)) -> list[str]:
    report = report_from_text(text, source="Test Wire", published=published)
    return _route_names(report, gazetteer)


def test_a_place_passed_on_the_way_out_and_again_on_the_way_back_is_two_visits(
    gazetteer,
) -> None:
    names = _journey_names(
        "Kim Jong Un's train left Pyongyang on Monday and crossed the border at Dandong "
        "that night. It reached Beijing on Tuesday morning. On the way back it passed "
        "Dandong again on Thursday before crossing into Sinuiju.",
        gazetteer,
    )
    assert names.count("Dandong") == 2
    assert names.index("Dandong") < names.index("Beijing")
    assert names[names.index("Beijing") + 1 :][:1] == ["Dandong"]


def test_a_place_dated_before_and_after_the_turn_is_passed_again(gazetteer) -> None:
    names = _journey_names(
        "Kim Jong Un's train left Pyongyang on Monday and passed Dandong that night. It "
        "reached Beijing on Tuesday morning. On Thursday the train passed through Dandong.",
        gazetteer,
    )
    assert names == ["Pyongyang", "Dandong", "Beijing", "Dandong"]


def test_headed_home_from_the_turn_closes_the_journey_at_its_origin(gazetteer) -> None:
    names = _journey_names(
        "Kim Jong Un's train left Pyongyang on Monday and reached Beijing on Tuesday "
        "morning. On Thursday his train left Beijing for home.",
        gazetteer,
    )
    assert names == ["Pyongyang", "Beijing", "Pyongyang"]


def test_heading_home_from_where_the_report_begins_does_not_return_there(gazetteer) -> None:
    # the train left Beijing for home: Beijing starts this report's journey, home is not it
    names = _journey_names(
        "Kim Jong Un's train left Beijing for home on Thursday and passed Tianjin that "
        "evening on its way to Dandong.",
        gazetteer,
    )
    assert names.count("Beijing") == 1


def test_a_turn_dated_by_the_departure_for_it_still_has_the_way_back_after_it(gazetteer) -> None:
    # "left Pyongyang for Beijing on Monday" puts Monday on Beijing; it was reached Wednesday
    names = _journey_names(
        "Kim Jong Un's train left Pyongyang for Beijing on Monday and passed Dandong on "
        "Tuesday. It reached Beijing on Wednesday. On Friday it passed through Dandong.",
        gazetteer,
    )
    assert names == ["Pyongyang", "Dandong", "Beijing", "Dandong"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        pytest.param(
            "Поезд Ким Чен Ына выехал из Пхеньяна в понедельник и во вторник прибыл во "
            "Владивосток. В пятницу поезд из Владивостока отправился домой.",
            "ru", id="russian",
        ),
        pytest.param(
            "김정은 위원장의 열차는 11일 평양을 출발해 12일 블라디보스토크에 도착했다. 김 "
            "위원장은 15일 블라디보스토크에서 귀국길에 올랐다.",
            "ko", id="korean",
        ),
    ],
)  # fmt: skip
def test_korean_and_russian_words_of_heading_home_close_the_journey(
    gazetteer, text: str, language: str
) -> None:
    report = report_from_text(
        text, source="Test Wire", published=date(2023, 9, 16), language=language
    )
    assert _route_names(report, gazetteer) == ["Pyongyang", "Vladivostok", "Pyongyang"]


def test_a_stop_told_after_the_destination_the_same_day_comes_after_it(gazetteer) -> None:
    # the destination is the earliest event; "later" the same day puts the next stop after it
    names = _journey_names(
        "The delegation arrived in Minsk on Wednesday. Later the empty train stopped at Orsha.",
        gazetteer,
        date(2023, 9, 15),
    )
    assert names == ["Minsk", "Orsha"]


def test_a_stop_where_the_train_waits_for_the_return_comes_after_the_destination(
    gazetteer,
) -> None:
    # "stopped at X for the journey home" (``[order] way_back_after``): after the latest event
    names = _journey_names(
        "The summit opened in Minsk on Wednesday. Railway staff said the train stopped at "
        "Orsha for the journey home.",
        gazetteer,
        date(2023, 9, 15),
    )
    assert names == ["Minsk", "Orsha"]


def test_a_stop_told_on_the_way_back_comes_after_a_destination_it_lies_before(
    gazetteer,
) -> None:
    # Smolensk lies between Moscow and Minsk, but "on the way back" puts it after the turn
    names = _journey_names(
        "The train left Moscow on Monday and reached Minsk on Tuesday for talks. On the way "
        "back it passed Smolensk late on Thursday.",
        gazetteer,
        date(2023, 9, 15),
    )
    assert names.index("Minsk") < names.index("Smolensk")


def test_a_stop_told_later_the_same_day_comes_after_a_destination_it_lies_before(
    gazetteer,
) -> None:
    # Orsha lies between Smolensk and Minsk, but "then", the day Minsk was reached, puts it after
    names = _journey_names(
        "The train left Smolensk on Monday and reached Minsk on Tuesday. It then went on "
        "through Orsha.",
        gazetteer,
        date(2023, 9, 15),
    )
    assert names.index("Minsk") < names.index("Orsha")


def test_stops_of_one_time_told_in_two_sentences_back_and_forth_follow_the_way() -> None:
    # "passed a on Sunday"; "heading for c on Monday, staff in c said …"; "seen near b early
    # on Monday": c and b share a time, and the told order runs to c and back to b
    stops = [_stop("a", 10.0), _stop("c", 20.0, Role.BORDER), _stop("b", 14.0)]
    times = {
        "a": EventTime("2023-09-10", 0, told=2, sentence=("t", 90)),
        "c": EventTime("2023-09-11", 0, told=1, sentence=("t", 0)),
        "b": EventTime("2023-09-11", 0, told=3, sentence=("t", 90)),
    }
    assert _names(order_by_event_time(stops, times)) == ["a", "b", "c"]


def test_a_stop_of_the_same_day_told_first_in_the_lead_follows_the_way_there(gazetteer) -> None:
    names = _journey_names(
        "The tourist train was nearing the Chinese frontier on Tuesday, with customs officers "
        "in the border town of Zabaikalsk saying the platform had been cleared. The train "
        "passed through Irkutsk on Monday and was seen near Chita early on Tuesday, according "
        "to local media.",
        gazetteer,
        date(2023, 9, 15),
    )
    assert names.index("Irkutsk") < names.index("Chita") < names.index("Zabaykalsk")


def test_a_place_reached_before_every_other_stop_and_come_back_to_begins_the_round_trip(
    gazetteer,
) -> None:
    names = _journey_names(
        "The delegation's train pulled into Irkutsk on Wednesday morning, regional officials "
        "said. The group is scheduled to travel on to Ulan-Ude, about 450 km to the east, and "
        "then to come back to Irkutsk before heading west.",
        gazetteer,
        date(2023, 9, 15),
    )
    assert names == ["Irkutsk", "Ulan-Ude", "Irkutsk"]


#: A sentence telling two stops with words between them that put the second before the first:
#: the text, its language, the stop told second and the one told first.
BEFORE_THAT_WITHIN = [
    pytest.param(
        "The leader toured a shipyard in Khabarovsk on Thursday, and before that spent two "
        "days in Birobidzhan.",
        "en", "Birobidzhan", "Khabarovsk", id="english-before-that",
    ),
    pytest.param(
        "김 위원장은 전날 하얼빈에서 공장을 둘러본 뒤 밤새 열차로 이동했으며, 그에 앞서 "
        "치치하얼에서 이틀을 머물렀다.",
        "ko", "Qiqihar", "Harbin", id="korean-before-that",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "language", "earlier", "told_first"), BEFORE_THAT_WITHIN)
def test_before_that_between_two_stops_of_a_sentence_puts_the_second_first(
    gazetteer, text: str, language: str, earlier: str, told_first: str
) -> None:
    times = _report_times(text, language, gazetteer)
    assert (times[earlier].day, times[earlier].rank) < (
        times[told_first].day,
        times[told_first].rank,
    )


def test_then_between_two_planned_stops_of_a_sentence_puts_the_second_after(gazetteer) -> None:
    # the second stop, read alone, would take the time of the sentence before ("then": after
    # Krasnoyarsk); told after "then" it follows Ulan-Ude
    names = _journey_names(
        "The delegation's train arrived in Irkutsk on Monday. The leader had earlier toured a "
        "factory in Krasnoyarsk, after a first stop in Omsk on Friday. He is widely expected "
        "to travel next to Ulan-Ude and then to Chita for talks.",
        gazetteer,
        date(2023, 9, 13),
    )
    assert names == ["Omsk", "Krasnoyarsk", "Irkutsk", "Ulan-Ude", "Chita"]


def test_a_korean_report_of_crossing_into_the_country_puts_the_bridge_first(gazetteer) -> None:
    report = report_from_text(
        "열차는 12일 밤 단둥에서 압록강철교를 건너 중국으로 들어왔으며 선양을 거쳐 다롄에 닿았다.",
        source="Test Wire",
        published=date(2023, 9, 13),
        language="ko",
    )
    names = _route_names(report, gazetteer)
    assert names[:2] == ["Sino-Korean Friendship Bridge", "Dandong"]


#: A place told at a later day the sentence does not name, in a sentence dated otherwise: the
#: text, its language, the place, and the stop the sentence dates.
AT_AN_UNDATED_LATER_DAY = [
    pytest.param(
        "The leader left Moscow by train on Tuesday for a tour that is expected to include "
        "talks in Minsk later this week, officials said.",
        "en", "Minsk", "Moscow", id="english-later-this-week",
    ),
    pytest.param(
        "열차는 12일 하바롭스크에 도착했으며, 김 위원장은 이번 주 후반 블라디보스토크에서 "
        "정상회담을 할 것으로 예상된다.",
        "ko", "Vladivostok", "Khabarovsk", id="korean-later-this-week",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "language", "later", "dated"), AT_AN_UNDATED_LATER_DAY)
def test_a_place_told_at_a_later_unnamed_day_takes_no_day_of_its_sentence(
    gazetteer, text: str, language: str, later: str, dated: str
) -> None:
    times = _report_times(text, language, gazetteer)
    assert dated in times
    assert later not in times or times[later].day > times[dated].day


def test_russian_end_of_the_week_puts_a_stop_a_day_after_the_one_told_before(gazetteer) -> None:
    times = _report_times(
        "Во вторник поезд прибыл в Смоленск. Как ожидается, в конце недели в Минске "
        "состоится встреча президентов.",
        "ru",
        gazetteer,
    )
    assert times["Minsk"].day > times["Smolensk"].day


def test_the_place_a_way_home_started_from_is_no_second_visit(gazetteer) -> None:
    # "on its way home from X": X is where the way home began, not a stop passed on it
    names = _journey_names(
        "The special train approached the border at Smolensk on Thursday on its way home "
        "from Minsk, staff said. It had left the Belarusian capital the previous afternoon.",
        gazetteer,
        date(2023, 9, 15),
    )
    assert names == ["Minsk", "Smolensk"]


def test_an_origin_the_train_is_only_expected_to_leave_later_does_not_start_the_journey(
    gazetteer,
) -> None:
    names = _journey_names(
        "The delegation spent Sunday in Ussuriysk touring a tractor plant, regional officials "
        "said. Its train was expected to leave from Spassk-Dalny later in the day and head "
        "north toward Khabarovsk.",
        gazetteer,
        date(2023, 9, 17),
    )
    assert names == ["Ussuriysk", "Spassk-Dalny", "Khabarovsk"]


def test_a_stop_told_days_earlier_comes_before_the_day_told_before(gazetteer) -> None:
    times = _report_times(
        "The prime minister's train reached Lviv on Thursday. She had been in Przemyśl and "
        "Rzeszów three days earlier, her office said.",
        "en",
        gazetteer,
    )
    assert times["Przemyśl"].day < times["Lviv"].day
    assert times["Rzeszów"].day < times["Lviv"].day


def test_a_new_clause_of_a_later_event_closes_an_after_clause(gazetteer) -> None:
    # "reached Y after passing X": X came first; "…, then drove to Z" is no part of it
    names = _journey_names(
        "The envoy left his train at Zamyn-Uud on Monday morning after a long night from "
        "Erenhot, then drove on to Sainshand by car.",
        gazetteer,
    )
    assert names.index("Zamyn-Üüd") < names.index("Saynshand")
    names = _journey_names(
        "The express reached Omsk on Tuesday after passing Tyumen, Ishim and Nazyvayevsk.",
        gazetteer,
    )
    assert names == ["Tyumen", "Ishim", "Nazyvayevsk", "Omsk"]


def test_a_destination_the_train_was_bound_for_comes_after_the_stops_told_after_it(
    gazetteer,
) -> None:
    names = _journey_names(
        "The express set off from Beijing for Moscow via Ulaanbaatar and Irkutsk.", gazetteer
    )
    assert names == ["Beijing", "Ulan Bator", "Irkutsk", "Moscow"]
    # a destination the train went to keeps its place in the told route
    names = _journey_names(
        "After going through Khasan and Ussuriysk, the train swung north to Belogorsk, then "
        "east to Khabarovsk and down to Vladivostok.",
        gazetteer,
    )
    assert names == ["Khasan", "Ussuriysk", "Belogorsk", "Khabarovsk", "Vladivostok"]


def test_without_an_origin_the_track_runs_from_the_stop_told_first_in_time() -> None:
    # the track was laid from the wrong end; the one dated stop says where it began
    stops = [_stop("w", 21.0), _stop("r", 22.0), _stop("p", 22.8), _stop("k", 30.5)]
    assert _names(from_the_earliest(stops, {"k": "2023-02-20"})) == ["k", "p", "r", "w"]
    assert _names(from_the_earliest(stops, {"w": "2023-02-20"})) == ["w", "r", "p", "k"]
    with_origin = [_stop("w", 21.0, Role.ORIGIN), *stops[1:]]
    assert from_the_earliest(with_origin, {"k": "2023-02-20"}) == with_origin


def test_a_journey_told_from_its_end_starts_where_the_earliest_time_puts_it(gazetteer) -> None:
    names = _journey_names(
        "The chancellor was back in Berlin on Thursday, a day after a visit to Kyiv that ended "
        "late on Wednesday. The night train took her to Przemysl, from where she drove to "
        "Rzeszow and flew on to Berlin.",
        gazetteer,
        published=date(2024, 5, 2),
    )
    assert names == ["Kyiv", "Przemyśl", "Rzeszów", "Berlin"]


def test_a_place_told_as_left_takes_no_day_of_a_clause_told_as_a_plan(gazetteer) -> None:
    # "left X at 6 p.m. and is expected to arrive in Y on Friday evening": Friday evening is
    # Y's, a plan, not the day the train left X
    times = _report_times(
        "The train pulled out of Tyumen at 6 p.m. and is expected to arrive in Omsk on Friday "
        "evening.",
        "en",
        gazetteer,
    )
    assert times["Omsk"].day == "2023-09-15"
    assert "Tyumen" not in times


def test_a_border_told_in_words_after_its_crossing_town_is_that_town_s_visit(gazetteer) -> None:
    # "will cross at X … left for the frontier": the frontier is X's crossing, one visit
    names = _journey_names(
        "The weekly train from Beijing called at Datong on Tuesday. Passengers will cross "
        "into Mongolia at Zamyn-Üüd, a border town in the Gobi, travel agents said. The "
        "train left for the Mongolian frontier on Wednesday evening.",
        gazetteer,
        date(2023, 9, 13),
    )
    assert names == ["Beijing", "Datong", "Zamyn-Üüd"]


def test_a_border_told_beside_the_last_town_before_it_stays_a_stop_of_its_own(
    gazetteer,
) -> None:
    names = _journey_names(
        "The weekly train from Beijing called at Datong on Tuesday and reached Erenhot, the "
        "last Chinese station before the Mongolian border, on Wednesday.",
        gazetteer,
        date(2023, 9, 13),
    )
    assert names[:3] == ["Beijing", "Datong", "Erenhot"]
    assert len(names) == 4 and "border crossing" in names[3]


def test_stops_told_back_from_a_before_clause_come_in_the_order_travelled(gazetteer) -> None:
    # "Before boarding the train at X, she had driven from Y, where her plane landed after a
    # stop at Z": Z, then Y, then X, then the arrival told before
    times = _report_times(
        "The minister reached Lviv on Friday evening. Before boarding the train at Chełm, she "
        "had driven for two hours from Lublin, where her plane landed after a refuelling stop "
        "at Berlin, aides said.",
        "en",
        gazetteer,
    )
    ranks = [(times[name].day, times[name].rank) for name in ("Berlin", "Lublin", "Chełm", "Lviv")]
    assert ranks == sorted(ranks) and len(set(ranks)) == 4


def test_a_where_clause_right_after_a_place_dates_it(gazetteer) -> None:
    # "out of X, where they spent the evening late on Tuesday": Tuesday is X's, not the
    # Wednesday of the main clause
    times = _report_times(
        "The delegation was back in Chełm on Friday morning after a night train out of Lviv, "
        "where it held talks with the mayor late on Thursday.",
        "en",
        gazetteer,
    )
    assert times["Lviv"].day == "2023-09-14"
    assert times["Chełm"].day == "2023-09-15"


def test_a_river_crossed_at_a_city_follows_the_track_past_its_station(gazetteer) -> None:
    # the rail bridge lies east of the city's main station: an eastbound train stops first
    names = _journey_names(
        "The eastbound express crossed the Yenisei at Krasnoyarsk on Sunday evening, a day "
        "after leaving Novosibirsk, and was due in Irkutsk on Tuesday.",
        gazetteer,
        date(2023, 9, 17),
    )
    assert names == ["Novosibirsk", "Krasnoyarsk", "Yenisei River", "Irkutsk"]


def test_a_river_and_a_stop_of_one_time_and_sentence_keep_the_track_order() -> None:
    # "crossed the river r at b": told first, but the track puts b's station before it
    river = (Place("r", "R River", Kind.RIVER, 50.0, 11.1), Role.VIA)
    stops = [_stop("a", 10.0, Role.ORIGIN), _stop("b", 11.0), river, _stop("c", 12.0)]
    sentence = ("t", 0)
    times = {
        "r": EventTime("2023-09-11", 0, told=1, sentence=sentence),
        "b": EventTime("2023-09-11", 0, told=2, sentence=sentence),
        "c": EventTime("2023-09-12", 0, told=3, sentence=("t", 80)),
    }
    assert _names(order_by_event_time(stops, times)) == ["a", "b", "r", "c"]


def test_a_station_a_ceremony_is_planned_at_is_the_next_stop(gazetteer) -> None:
    # the station is named only as where a ceremony will be held: the train is due there
    names = _journey_names(
        "The envoy's train left Minsk on Monday and crossed into Russia at Smolensk in the "
        "afternoon. A welcome ceremony at Tver station is planned for Tuesday.",
        gazetteer,
        date(2023, 9, 11),
    )
    assert names == ["Minsk", "Smolensk", "Tver"]


def test_a_river_border_a_leg_is_told_from_comes_before_the_stops_of_that_leg(gazetteer) -> None:
    names = _journey_names(
        "Railway staff in Ussuriysk said the armoured train passed through on Tuesday night "
        "on its way from the Tumen River border to Khabarovsk.",
        gazetteer,
        date(2023, 9, 13),
    )
    assert names == ["Tumen River", "Ussuriysk", "Khabarovsk"]


def test_a_stop_passed_before_a_crossing_told_from_a_border_town_comes_first(gazetteer) -> None:
    # "crossed the bridge from X into Y": X is where the train crossed out, no origin that
    # must come first; the town it passed before, told without a day, comes before it
    names = _journey_names(
        "The leader's train crossed the Tumen River bridge from Tumangang into Khasan on "
        "Friday morning and reached Ussuriysk at night. It had passed Rajin around dawn "
        "without stopping.",
        gazetteer,
        date(2023, 9, 15),
    )
    assert names[:2] == ["Rajin", "Tumangang"]
    assert names[-2:] == ["Khasan", "Ussuriysk"]


def test_a_border_bridge_named_in_passing_is_crossed_between_stops_on_its_banks(
    gazetteer,
) -> None:
    told = (
        "Fishermen said the riverbank below the Korea-Russia Friendship Bridge was closed on "
        "Tuesday. The armoured train left Rajin in the morning and called at Tumangang"
    )
    names = _journey_names(f"{told} before it crosses to Khasan in the evening.", gazetteer)
    assert names == ["Rajin", "Tumangang", "Korea–Russia Friendship Bridge", "Khasan"]
    # with stops on one bank only, nothing tells the train crossed it
    assert _journey_names(f"{told}.", gazetteer) == ["Rajin", "Tumangang"]


def test_a_stop_the_train_came_from_comes_before_the_one_told_ahead_of_it(gazetteer) -> None:
    names = _journey_names(
        "The armoured train rolled into Khasan on Sunday evening as it crossed from Tumangang.",
        gazetteer,
    )
    assert names == ["Tumangang", "Khasan"]
    # "then" before the "from" tells the order the other way
    times = _report_times(
        "The minister flew to Lublin on Sunday evening and then took the night train from Chełm.",
        "en",
        gazetteer,
    )
    lublin, chelm = times["Lublin"], times["Chełm"]
    assert (chelm.day, chelm.rank) >= (lublin.day, lublin.rank)


def test_an_after_phrase_ends_where_a_comma_and_opens_a_new_clause(gazetteer) -> None:
    times = _report_times(
        "The train pulled into Ussuriysk on Monday morning after passing Khasan overnight, and "
        "the guests visited a depot at Baranovsky.",
        "en",
        gazetteer,
    )
    rank = {name: (when.day, when.rank) for name, when in times.items()}
    assert rank["Khasan"] < rank["Ussuriysk"] == rank["Baranovsky"]
    # the serial comma of a list of places passed keeps them all in the "after" phrase
    times = _report_times(
        "The train reached Vladivostok on Monday after passing Khasan, Baranovsky, and Artyom.",
        "en",
        gazetteer,
    )
    rank = {name: (when.day, when.rank) for name, when in times.items()}
    assert max(rank["Khasan"], rank["Baranovsky"], rank["Artyom"]) < rank["Vladivostok"]


def test_a_facility_told_by_its_kind_follows_the_town_it_was_visited_from(gazetteer) -> None:
    names = _journey_names(
        "The minister's train left Krasnoyarsk on Sunday and reached Novosibirsk on Monday, "
        "where he toured an aviation plant. It is expected in Omsk on Tuesday.",
        gazetteer,
        date(2023, 9, 11),
    )
    assert names == ["Krasnoyarsk", "Novosibirsk", "Novosibirsk Aviation Plant", "Omsk"]


def test_a_place_told_a_day_after_another_clause_s_day_is_at_the_day_after(gazetteer) -> None:
    # "left X on Monday and reached Y the next morning": Monday is X's day; Y's is Tuesday
    times = _report_times(
        "The train left Kazan on Monday and reached Perm the next morning.", "en", gazetteer
    )
    assert times["Kazan"].day == "2023-09-11"
    assert times["Perm"].day == "2023-09-12"
    # the day after is of the clause it stands in, not of the next place's
    times = _report_times(
        "The train left Kazan on Monday. It reached Perm the next morning and pulled into "
        "Kirov at noon.",
        "en",
        gazetteer,
    )
    assert times["Perm"].day == times["Kirov"].day == "2023-09-12"


def test_a_plan_told_after_a_stop_in_its_sentence_does_not_come_before_it(gazetteer) -> None:
    # "due in X at the weekend … before travelling on to Y": nothing puts Y before X
    names = _journey_names(
        "The charter left Chita on Monday and was past Ulan-Ude by Wednesday. The group is "
        "due in Irkutsk at the weekend, where it will rest before travelling on to "
        "Krasnoyarsk.",
        gazetteer,
        published=date(2024, 6, 5),
    )
    assert names == ["Chita", "Ulan-Ude", "Irkutsk", "Krasnoyarsk"]


def test_a_later_sentence_after_a_flashback_goes_on_from_the_stop_told_as_done(gazetteer) -> None:
    # "ran through Y … Earlier it had stopped at X. It later called at Z": Z after Y, not
    # between X and Y — the flashback ends with the sentence that told it
    text = (
        "The night express ran through Kirov at about 2 a.m. on Wednesday on its way from "
        "Moscow. Earlier it had stopped at Nizhny Novgorod. It later called at Perm."
    )
    times = _report_times(text, "en", gazetteer)
    rank = {name: (when.day, when.rank) for name, when in times.items()}
    assert rank["Nizhniy Novgorod"] < rank["Kirov"] < rank["Perm"]
    assert _journey_names(text, gazetteer, date(2023, 9, 15)) == [
        "Moscow", "Nizhniy Novgorod", "Kirov", "Perm"
    ]  # fmt: skip


#: Another person's leg told with a lower-case phrase in a report whose train names nobody:
#: the text, and the stops of the journey.
OTHERS_NAMED_IN_LOWER_CASE = [
    pytest.param(
        "The prime minister's train reached Lviv on Thursday morning. Her aides had flown to "
        "Rzeszów the day before.",
        ["Lviv"], id="her-aides",
    ),
    pytest.param(
        "The prime minister's train reached Lviv on Thursday morning. The foreign minister "
        "drove to Chełm to meet her.",
        ["Lviv"], id="the-foreign-minister",
    ),
    pytest.param(
        "The chancellor arrived in Vilnius by train on Monday. The Lithuanian foreign minister "
        "had driven from Kaunas to greet her.",
        ["Vilnius"], id="a-nationality-before-the-title",
    ),
    pytest.param(
        "The president's train arrived in Minsk on Monday. A delegation of officials flew "
        "ahead to Brest to prepare the visit.",
        ["Minsk"], id="officials-of-a-delegation",
    ),
    pytest.param(
        "The chancellor arrived in Vilnius by train on Monday. Her host drove to Kaunas in "
        "the afternoon.",
        ["Vilnius"], id="her-host",
    ),
    # the phrase the train is told with is the traveller's
    pytest.param(
        "The prime minister's train reached Lviv on Thursday morning. The prime minister "
        "then drove to Zhovkva.",
        ["Lviv", "Zhovkva"], id="the-traveller-by-title",
    ),
    # a bare title may be the traveller's
    pytest.param(
        "Kim Jong Un's train reached Khasan on Wednesday. The leader later drove to Razdolnoye.",
        ["Khasan", "Razdolnoye"], id="the-leader",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "stops"), OTHERS_NAMED_IN_LOWER_CASE)
def test_a_leg_of_people_named_in_lower_case_is_no_stop_of_the_train(
    gazetteer, text: str, stops: list[str]
) -> None:
    assert _journey_names(text, gazetteer, date(2023, 9, 15)) == stops


def test_a_report_of_the_way_home_that_tells_the_way_out_starts_at_home(gazetteer) -> None:
    # "back in X after a night train from Y … had left X on Tuesday": out from X, back to X
    names = _journey_names(
        "The envoy was back in Brest on Thursday after a night train from Minsk, where she "
        "had held talks on Wednesday. She had left Brest on Tuesday evening.",
        gazetteer,
        date(2023, 9, 15),
    )
    assert names == ["Brest", "Minsk", "Brest"]
    # told only as the way home, home comes last
    names = _journey_names(
        "The envoy was back in Brest on Thursday after a night train from Minsk, where she "
        "had held talks on Wednesday.",
        gazetteer,
        date(2023, 9, 15),
    )
    assert names == ["Minsk", "Brest"]


def test_an_origin_told_left_a_day_after_the_stops_told_next_is_where_the_leg_ended(
    gazetteer,
) -> None:
    # the motorcade left the station the train had come to: the train's stops told after it,
    # a day earlier, came first
    names = _journey_names(
        "A convoy of limousines carrying the president left Minsk railway station at 10 a.m. "
        "on Wednesday. His train had crossed into Belarus at Brest late on Tuesday and run "
        "overnight through Baranovichi.",
        gazetteer,
        date(2023, 9, 15),
    )
    assert names == ["Brest", "Baranovichi", "Minsk"]
    # a sentence's day that is its arrival's leaves the origin where the journey began
    names = _journey_names(
        "The special train, which left Moscow a week ago, reached Kazan on Wednesday. On "
        "Tuesday it had passed Nizhny Novgorod.",
        gazetteer,
        date(2023, 9, 15),
    )
    assert names == ["Moscow", "Nizhniy Novgorod", "Kazan"]


def test_a_stop_told_as_done_after_a_plan_is_not_placed_after_the_plan(gazetteer) -> None:
    # "was due back in X early on Monday. Before leaving Y, he met …": Y was left before
    names = _journey_names(
        "The prime minister left Ukraine by train late on Sunday. The train was due back in "
        "Przemysl in the early hours of Monday, his office said. Before leaving Kyiv, he met "
        "the president. Earlier in the day he had toured Irpin and Bucha.",
        gazetteer,
        date(2022, 7, 4),
    )
    assert names.index("Kyiv") < names.index("Przemyśl")
    assert names.count("Przemyśl") == 1


def test_an_origin_left_a_day_after_a_stop_of_its_own_sentence_is_where_the_leg_ended(
    gazetteer,
) -> None:
    # "the train, which entered the country on Tuesday at Y, was seen leaving X late on
    # Wednesday": the day before is Y's, told in the clause of X's departure
    names = _journey_names(
        "His train, which crossed into Belarus on Tuesday at Brest, was seen leaving Minsk "
        "station late on Wednesday.",
        gazetteer,
        date(2023, 9, 14),
    )
    assert names == ["Brest", "Minsk"]


def test_a_later_day_told_of_the_place_reached_last_before_a_planned_turn_is_a_stay(
    gazetteer,
) -> None:
    # a second report tells the way there again ("after his visit to X on Wednesday, had
    # continued to Y") and the next leg, only planned: Y once, not again after the plan
    reports = [
        report_from_text(
            "The president's train reached Yekaterinburg on Thursday.",
            source="Test Wire",
            published=date(2023, 9, 14),
            report_id="r1",
        ),
        report_from_text(
            "After his visit to Perm on Wednesday, the president had continued to "
            "Yekaterinburg, officials said on Friday. He leaves for Tyumen on Saturday.",
            source="Test Wire",
            published=date(2023, 9, 15),
            report_id="r2",
        ),
    ]
    stops = build(reports, gazetteer=gazetteer).route.stops
    assert [s.place.name for s in stops] == ["Perm", "Yekaterinburg", "Tyumen"]


def test_the_night_before_reaching_a_place_is_no_day_before(gazetteer) -> None:
    # "ran through the night before reaching X": X came after, not a day before
    times = _report_times(
        "The train left Kazan on Monday afternoon and ran east through the night before "
        "reaching Perm around dawn.",
        "en",
        gazetteer,
    )
    assert times["Kazan"].day == "2023-09-11"
    assert "Perm" not in times or times["Perm"].day >= times["Kazan"].day


def test_the_end_of_a_leg_told_from_its_start_comes_after_the_stops_told_later(
    gazetteer,
) -> None:
    # "on the way from X to Z": the sentence's time is when the train was elsewhere, so Z,
    # where the leg ends, takes none and follows the stops the report tells after it
    names = _journey_names(
        "The president's train passed through Almaty at 1 a.m. on Tuesday on the way from "
        "the Khorgos border to Astana. It later went through Balkhash and Karaganda.",
        gazetteer,
    )
    assert names[-3:] == ["Balqash", "Karagandy", "Astana"]


def test_an_untimed_route_told_in_one_sentence_goes_in_as_one_block_in_its_order() -> None:
    # out to t and back to o on one line: each of a, b, c costs nothing on either leg, so
    # stop by stop they could land on the way back; told as one route they stay together
    stops = [
        _stop("o", 10.0, Role.ORIGIN),
        _stop("c", 13.0),
        _stop("t", 14.0, Role.DESTINATION),
        _stop("a", 11.0),
        _stop("b", 12.0),
        _stop("r", 10.1, Role.DESTINATION),
    ]
    times = {"t": EventTime("2023-09-10"), "r": EventTime("2023-09-10", 1)}
    order = order_by_event_time(stops, times, routes=[["a", "b", "c"]])
    assert _names(order) == ["o", "a", "b", "c", "t", "r"]


#: A day out and back: the way out told as a route in one sentence, the way back passing
#: near its first stop.
OUT_AND_BACK_ROUTE = (
    "FRANKFURT, May 4 (Wire) - The president arrived here by train on Thursday for the "
    "opening of the book fair. The special train left Berlin shortly after 6 a.m. and ran "
    "through Halle, Erfurt and Eisenach, where crowds waved beside the tracks, before running "
    "on by way of Fulda and Hanau. In the afternoon the train is to carry him north to Kassel "
    "for a dinner, before returning to Berlin tonight."
)


def test_the_way_out_told_as_a_route_stays_on_the_way_out(gazetteer) -> None:
    report = report_from_text(OUT_AND_BACK_ROUTE, source="Test Wire", published=date(2023, 5, 4))
    assert _route_names(report, gazetteer) == [
        "Berlin", "Halle", "Erfurt", "Eisenach", "Fulda", "Hanau am Main", "Frankfurt am Main",
        "Kassel", "Berlin",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("opening", "found"),
    [
        ("The special train left Vienna shortly after 7 a.m. and ran through", True),
        ("The special train left Vienna after 7 a.m. and ran through", True),
        ("The special train reached Vienna after running through", False),
    ],
)
def test_an_after_of_a_clock_time_tells_no_order_of_the_route(
    gazetteer, opening: str, found: bool
) -> None:
    text = f"The president reached Salzburg on Thursday. {opening} St. Polten, Amstetten and Wels."
    report = report_from_text(text, source="Test Wire", published=date(2023, 5, 4))
    places = parse([report], gazetteer).places
    names = {p.place.id: p.place.name for p in places}
    routes = [[names[i] for i in route] for route in untimed_routes(places, event_times(places))]
    assert routes == ([["Vienna", "Sankt Pölten", "Amstetten", "Wels"]] if found else [])


@pytest.mark.parametrize(
    ("text", "last_two"),
    [
        (
            "REIMS, France, May 4 (Wire) - The minister arrived here by train on Thursday, "
            "having left Versailles shortly after dawn and run through Meaux and "
            "Château-Thierry. In the afternoon the train is to carry her back across Grand Est "
            "to Épernay, to open a wine museum, before returning to Paris tonight.",
            ["Épernay", "Paris"],
        ),
        (
            "ARLES, France, May 4 (Wire) - The president arrived here by train on Thursday from "
            "Lyon, after running through Valence and Avignon. Later the train is due to take "
            "her on to Nîmes, where she will open a museum, before returning to Paris tonight.",
            ["Nîmes", "Paris"],
        ),
    ],
)
def test_a_place_told_after_before_going_on_comes_after_the_stop_before_it(
    gazetteer, text: str, last_two: list[str]
) -> None:
    report = report_from_text(text, source="Test Wire", published=date(2024, 5, 4))
    assert _route_names(report, gazetteer)[-2:] == last_two


@pytest.mark.parametrize(
    ("text", "stops"),
    [
        (
            "VLADIVOSTOK, Russia (Wire) - The writer flew from Anchorage to Magadan and then on "
            "to Vladivostok, officials said. He plans to travel on to Moscow by train, with "
            "stops in Khabarovsk, Irkutsk and Novosibirsk.",
            [
                "Anchorage",
                "Magadan",
                "Vladivostok",
                "Khabarovsk",
                "Irkutsk",
                "Novosibirsk",
                "Moscow",
            ],
        ),
        (
            "The singer arrived in Perth after crossing the Nullarbor from Adelaide, her agent "
            "said. She will go on to Kalgoorlie and Esperance next.",
            ["Adelaide", "Perth", "Kalgoorlie", "Esperance"],
        ),
        (
            "Поезд с делегацией прибыл во Владивосток из Хабаровска, сообщили в администрации. "
            "Далее делегация намерена отправиться поездом в Уссурийск и Находку.",
            ["Khabarovsk", "Vladivostok", "Ussuriysk", "Nakhodka"],
        ),
    ],
)
def test_an_undated_report_tells_its_plans_after_what_has_happened(
    gazetteer, text: str, stops: list[str]
) -> None:
    report = report_from_text(text, source="Test Wire", published=date(2024, 5, 4))
    assert _route_names(report, gazetteer) == stops


def test_stops_trailing_a_plan_are_planned(gazetteer) -> None:
    text = "The writer plans to travel on to Moscow by train, with stops in Kazan and Perm."
    report = report_from_text(text, source="Test Wire", published=date(2024, 5, 4))
    statuses = {p.place.name: p.mentions[0].status for p in parse([report], gazetteer).places}
    assert statuses["Kazan"] == statuses["Perm"] == Status.EXPECTED


def test_a_district_toured_is_where_the_train_was_not_where_it_was_bound(gazetteer) -> None:
    text = (
        "Kim toured a computer company in the Zhongguancun district of Beijing, officials "
        "said. His train left Beijing late in the afternoon and reached Sinuiju the next day."
    )
    report = report_from_text(text, source="Test Wire", published=date(2000, 6, 2))
    assert _route_names(report, gazetteer)[-1] == "Sinuiju"


@pytest.mark.parametrize(
    ("text", "stops"),
    [
        (
            "The sleeper from Kazan to Irkutsk was near Omsk on Tuesday night, passengers "
            "said. It was due in Novosibirsk on Wednesday.",
            ["Kazan", "Omsk", "Novosibirsk", "Irkutsk"],
        ),
        (
            "The tourist train from Lanzhou to Lhasa was climbing on Thursday morning after a "
            "stop in Golmud. Officials said it would reach Nagqu around midday.",
            ["Lanzhou", "Golmud", "Nagqu", "Lhasa"],
        ),
    ],
)
def test_the_ends_of_a_train_named_by_them_take_no_time_of_the_sentence(
    gazetteer, text: str, stops: list[str]
) -> None:
    # "the sleeper from X to Y was near Z on Tuesday": Tuesday is when it was near Z; X and
    # Y are where the service runs, so the dated stops go between them
    report = report_from_text(text, source="Test Wire", published=date(2025, 7, 2))
    assert _route_names(report, gazetteer) == stops


def test_where_a_train_left_for_takes_no_day_of_the_departure(gazetteer) -> None:
    # "left X on Wednesday morning for Y": Wednesday morning is X's, so the stops told after
    # come before Y, the end of the run
    text = (
        "The tourist train left Zermatt on Wednesday morning for Chur, a trip of six hours. "
        "It was due to call at Brig and Andermatt, the railway said."
    )
    report = report_from_text(text, source="Test Wire", published=date(2025, 6, 25))
    assert _route_names(report, gazetteer) == ["Zermatt", "Brig", "Andermatt", "Chur"]


def test_a_weekday_of_a_timetable_handed_out_lies_ahead_of_the_departure(gazetteer) -> None:
    # "handed" is past, but what the timetable shows is to come: Wednesday is the next one,
    # after the Tuesday departure, so the stops it dates come after the origin
    text = (
        "The weekly express left Graz on Tuesday afternoon, bound for Vienna. The timetable "
        "handed to passengers shows it calling at Leoben and Bruck an der Mur on Wednesday "
        "morning."
    )
    report = report_from_text(text, source="Test Wire", published=date(2025, 3, 11))
    parsed = parse([report], gazetteer)
    leoben = next(p for p in parsed.places if p.place.name == "Leoben")
    assert str(leoben.mentions[0].date).startswith("2025-03-12")
    assert _route_names(report, gazetteer) == ["Graz", "Leoben", "Bruck an der Mur", "Vienna"]


def test_a_stop_a_later_report_tells_as_earlier_is_not_visited_again(gazetteer) -> None:
    # day by day: the last report looks back on stops already dated; "earlier in the trip it
    # had stopped in X" tells no day of its own, so X is not come back to
    days = [
        ("The train left Moscow on Monday morning and reached Kazan in the evening.", 2),
        ("The train called at Yekaterinburg on Tuesday and reached Omsk late on Wednesday.", 4),
        (
            "The train arrived in Novosibirsk on Thursday morning. After Omsk on Wednesday it "
            "ran through the night. Earlier in the trip it had stopped in Kazan and "
            "Yekaterinburg.",
            5,
        ),
    ]
    reports = [
        report_from_text(
            text, source="Test Wire", published=date(2024, 9, day), report_id=f"d{day}"
        )
        for text, day in days
    ]
    names = [s.place.name for s in build(reports, gazetteer=gazetteer).route.stops]
    assert names == ["Moscow", "Kazan", "Yekaterinburg", "Omsk", "Novosibirsk"]


def test_a_count_of_days_after_leaving_dates_the_departure(gazetteer) -> None:
    text = "The train arrived in Vladivostok on Sunday morning, four days after leaving Irkutsk."
    report = report_from_text(text, source="Test Wire", published=date(2024, 9, 8))
    irkutsk = next(p for p in parse([report], gazetteer).places if p.place.name == "Irkutsk")
    assert irkutsk.mentions[0].date == "2024-09-04"


def test_a_stop_planned_for_later_the_same_day_comes_after_the_destination_reached(
    gazetteer,
) -> None:
    # "X is scheduled for Monday evening" is a plan of its own (the place is what is
    # planned), and it comes after the morning's arrival told as done
    text = (
        "The train reached Broken Hill on Monday morning. Adelaide is scheduled for Monday evening."
    )
    report = report_from_text(text, source="Test Wire", published=date(2025, 10, 13))
    parsed = parse([report], gazetteer)
    adelaide = next(p for p in parsed.places if p.place.name == "Adelaide")
    assert adelaide.mentions[0].status == Status.EXPECTED
    assert _route_names(report, gazetteer) == ["Broken Hill", "Adelaide"]


def test_where_a_journey_named_set_out_is_its_origin_without_the_arrival_s_day(
    gazetteer,
) -> None:
    text = "The train arrived in Perth on Wednesday evening, completing its crossing from Sydney."
    report = report_from_text(text, source="Test Wire", published=date(2025, 10, 16))
    sydney = next(p for p in parse([report], gazetteer).places if p.place.name == "Sydney")
    assert sydney.role == Role.ORIGIN
    assert sydney.mentions[0].date is None
    assert _route_names(report, gazetteer) == ["Sydney", "Perth"]


def test_the_end_of_a_crossing_named_takes_no_time_of_the_departure(gazetteer) -> None:
    text = (
        "The train left Sydney on Sunday afternoon on its four-day crossing to Perth. It was "
        "due to reach Broken Hill on Monday morning."
    )
    report = report_from_text(text, source="Test Wire", published=date(2025, 10, 12))
    assert _route_names(report, gazetteer) == ["Sydney", "Broken Hill", "Perth"]


@pytest.mark.parametrize(
    "text",
    [
        # a service named by its end after a possessive, opening the report after a dateline
        "PRAGUE, May 3 (Wire) - Czechia's first sleeper train to Warsaw was due to leave the "
        "capital on Sunday evening. It is to call at Pardubice and Ostrava on the way.",
        # and in a sentence that does not open the report
        "Tickets sold out. The sleeper from Prague to Warsaw left on Sunday evening, officials "
        "said. It was due in Pardubice and Ostrava on Monday morning.",
    ],
)
def test_the_end_of_a_train_named_by_it_comes_last(gazetteer, text: str) -> None:
    report = report_from_text(text, source="Test Wire", published=date(2025, 5, 4))
    assert _route_names(report, gazetteer) == ["Prague", "Pardubice", "Ostrava", "Warsaw"]


def test_where_the_passengers_train_came_from_takes_no_time_of_the_arrival(gazetteer) -> None:
    text = (
        "Passengers on the train from Tynda reached Yakutsk on Wednesday morning. The train "
        "left Tynda on Monday evening and called at Neryungri and at Aldan on Tuesday."
    )
    report = report_from_text(text, source="Test Wire", published=date(2024, 8, 7))
    assert _route_names(report, gazetteer) == ["Tynda", "Neryungri", "Aldan", "Yakutsk"]


def test_a_count_of_hours_after_leaving_dates_the_departure_that_many_hours_back(
    gazetteer,
) -> None:
    text = "The train arrived in Cape Town on Tuesday afternoon, 27 hours after leaving Pretoria."
    report = report_from_text(text, source="Test Wire", published=date(2024, 5, 14))
    pretoria = next(p for p in parse([report], gazetteer).places if p.place.name == "Pretoria")
    assert pretoria.mentions[0].date == "2024-05-13T12:00"


def test_a_place_where_travellers_left_the_train_is_a_stop_on_the_way(gazetteer) -> None:
    text = (
        "The train left Pretoria on Monday morning. On Monday afternoon guests had left the "
        "train at Kimberley for a tour of the mine, and on Tuesday it reached Cape Town."
    )
    report = report_from_text(text, source="Test Wire", published=date(2024, 5, 14))
    assert _route_names(report, gazetteer) == ["Pretoria", "Kimberley", "Cape Town"]


def test_a_list_that_is_the_subject_of_a_plan_is_planned_whole(gazetteer) -> None:
    # "X and Y are expected to be among the stops": X's own clause ends at "and", but the
    # plan is X's too, so it comes after what the report tells as done
    text = (
        "The writer flew from Anchorage to Magadan and then on to Vladivostok on Friday. "
        "Khabarovsk and Novosibirsk are expected to be among the stops on his way to Moscow."
    )
    report = report_from_text(text, source="Test Wire", published=date(1994, 5, 27))
    places = {p.place.name: p for p in parse([report], gazetteer).places}
    assert places["Khabarovsk"].mentions[0].status == Status.EXPECTED
    names = _route_names(report, gazetteer)
    assert names.index("Vladivostok") < names.index("Khabarovsk") < names.index("Novosibirsk")


#: A preview that reads out a timetable: a plan with days, then sentences in the timetable's
#: present (no tense of their own) that go on with it.
TIMETABLE_READ_OUT = (
    "VIENNA, March 6 (Wire) - The night train to Bregenz left Vienna on Friday evening with "
    "every berth sold.\n\n"
    "According to the timetable, the sleeper calls at Linz and Salzburg overnight and is due "
    "in Innsbruck by mid-morning on Saturday.\n\n"
    "Before dawn the train makes a short halt at Wels, where the crew changes.\n\n"
    "After Innsbruck the line climbs to the Arlberg and down to Bludenz, then follows the "
    "valley through Feldkirch and Dornbirn."
)


def test_a_timetable_read_out_in_the_present_keeps_its_order_after_the_plan(gazetteer) -> None:
    # the present-tense sentences are the rest of the plan: "then … Feldkirch" comes after
    # Innsbruck (the plan's latest day), not right after the departure told as done, and the
    # halt at Wels, told with no day, goes where the track puts it
    report = report_from_text(TIMETABLE_READ_OUT, source="Wire", published=date(2026, 3, 6))
    names = _route_names(report, gazetteer)
    assert names[0] == "Vienna" and names[-1] == "Bregenz"
    order = ["Linz", "Wels", "Salzburg", "Innsbruck", "Bludenz", "Feldkirch", "Dornbirn"]
    assert [n for n in names if n in order] == order


def test_an_after_phrase_opening_a_clause_of_its_own_keeps_the_order_told(gazetteer) -> None:
    # "and, after Linz, ran on to Salzburg": Linz came after the departure, not before it
    # (as in "reached Salzburg after passing Linz", where the "after" phrase looks back)
    text = "The sleeper left Vienna on Friday morning and, after Linz, ran on to Salzburg."
    times = _report_times(text, "en", gazetteer)
    assert (times["Vienna"].day, times["Vienna"].rank) <= (times["Linz"].day, times["Linz"].rank)
    looking_back = _report_times(
        "The sleeper reached Salzburg on Friday after passing Linz.", "en", gazetteer
    )
    assert looking_back["Linz"].rank < looking_back["Salzburg"].rank


#: A day's run told as done: the route sentence's "ran along the valley to Amstetten" tells
#: the train got there, so Amstetten is a stop on the way, not where it was bound.
RAN_ON_TO = (
    "INNSBRUCK, May 9 (Wire) - A group of 30 hikers from Vienna reached Innsbruck on Saturday "
    "evening after a day on the train.\n\n"
    "Their train left Vienna at 7:30 a.m. and, after St. Pölten, ran along the valley to "
    "Amstetten and on into the hills, calling at Linz and Wels. Before reaching Innsbruck it "
    "had stopped at Salzburg."
)


def test_a_place_the_train_ran_on_to_is_reached_not_only_headed_for(gazetteer) -> None:
    report = report_from_text(RAN_ON_TO, source="Wire", published=date(2026, 5, 9))
    names = _route_names(report, gazetteer)
    assert names == ["Vienna", "Sankt Pölten", "Amstetten", "Linz", "Wels", "Salzburg", "Innsbruck"]


#: A visit told in one report: out from the border town, back to it, and on by air.
OUT_BACK_AND_ON = (
    "KYIV, Nov 3 (Wire) - The Czech prime minister arrived in Kyiv by train on Tuesday after "
    "an overnight journey of about nine hours from Przemyśl, his office said. He was expected "
    "to return to Przemyśl by train on Wednesday and then fly on to Prague."
)


def test_the_way_back_home_comes_before_the_legs_planned_after_it(gazetteer) -> None:
    # the return to Przemyśl is told before "then fly on to Prague": home is not the end
    report = report_from_text(OUT_BACK_AND_ON, source="Wire", published=date(2026, 11, 3))
    assert _route_names(report, gazetteer) == ["Przemyśl", "Kyiv", "Przemyśl", "Prague"]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # the future of the sentence is the trip's; "its organiser said" is when it was told
        (
            "The delegation will spend two nights in Linz and travel on to Graz on Sunday, "
            "its organiser said.",
            "2023-09-17",
        ),
        # with no other tense, who said it tells of the past
        ("The delegation was in Graz on Sunday, its organiser said.", "2023-09-10"),
    ],
)
def test_who_said_it_does_not_turn_a_planned_weekday_into_the_past(
    gazetteer, text: str, day: str
) -> None:
    report = report_from_text(text, source="Wire", published=date(2023, 9, 15), report_id="t")
    dates = {p.place.name: [m.date for m in p.mentions] for p in parse([report], gazetteer).places}
    assert dates["Graz"] == [day]


@pytest.mark.parametrize(
    "text",
    [
        "The sleeper leaves Vienna on Monday. Arrival in Graz is timed for noon on Wednesday.",
        "The sleeper leaves Vienna on Monday. Its call at Graz is slated for Wednesday.",
    ],
)
def test_a_stop_timed_or_slated_for_a_weekday_is_planned_for_the_coming_one(
    gazetteer, text: str
) -> None:
    # published Sunday 14 September 2025: "timed for … Wednesday" is the 17th, a plan
    report = report_from_text(text, source="Wire", published=date(2025, 9, 14), report_id="t")
    graz = next(p for p in parse([report], gazetteer).places if p.place.name == "Graz")
    assert [m.date[:10] for m in graz.mentions] == ["2025-09-17"]
    assert [m.status for m in graz.mentions] == [Status.EXPECTED]


def test_a_start_told_without_a_day_is_not_moved_to_the_day_of_the_trip_back(gazetteer) -> None:
    # the train from g reached s; the plan to ride back to g next week is a second visit
    names = _journey_names(
        "The pilgrims reached Salzburg on Thursday. After calling at Linz, the 9 a.m. train "
        "from Graz reached Salzburg at noon. Most will ride back to Graz next week.",
        gazetteer,
        published=date(2026, 3, 5),
    )
    assert names == ["Graz", "Linz", "Salzburg", "Graz"]


def test_and_before_that_at_a_place_is_a_stop_that_came_first(gazetteer) -> None:
    names = _journey_names(
        "The special train left Vienna on Saturday morning and reached Salzburg at noon. "
        "Earlier it called at Linz, beside the Danube, and before that at St. Pölten.",
        gazetteer,
        published=date(2026, 3, 7),
    )
    assert names == ["Vienna", "Sankt Pölten", "Linz", "Salzburg"]


def test_a_place_left_and_to_be_come_back_to_is_where_the_journey_began(gazetteer) -> None:
    # s is reached and a coach leg is told from it; v, left in the morning, is come back to
    names = _journey_names(
        "SALZBURG, March 7 (Wire) - The special train left Vienna at 8:15 a.m. on Saturday "
        "and arrived here at 1 p.m. after calling at Linz. From Salzburg, the group's coach "
        "was due to reach Hallein by dinner; the group plans to fly back to Vienna on Monday.",
        gazetteer,
        published=date(2026, 3, 7),
    )
    assert names[:3] == ["Vienna", "Linz", "Salzburg"]
    assert names[-1] == "Vienna"


def test_a_year_written_before_a_noun_dates_no_stop(gazetteer) -> None:
    # "the 1854 mountain line" tells when the line was built: the start stays undated and
    # first, and the return on Monday is the second visit
    names = _journey_names(
        "SALZBURG, May 17 (Wire) - The orchestra arrived in Salzburg on Saturday afternoon. "
        "The players boarded in Vienna at 6:25 a.m. and rode the 1854 mountain line past "
        "Linz. They fly back to Vienna on Monday.",
        gazetteer,
        published=date(2025, 5, 17),
    )
    assert names == ["Vienna", "Linz", "Salzburg", "Vienna"]


def test_a_place_on_the_way_out_told_as_gone_back_to_is_a_second_visit(gazetteer) -> None:
    # "back to" tells the way back even on the day the turn was reached
    names = _journey_names(
        "The special train left Vienna on Monday, called at Linz and reached Salzburg at noon "
        "on Tuesday. The group is due to take the same train back to Linz on Tuesday night.",
        gazetteer,
        published=date(2026, 3, 3),
    )
    assert names == ["Vienna", "Linz", "Salzburg", "Linz"]


def test_a_plan_told_beside_a_done_days_arrival_does_not_take_its_day(gazetteer) -> None:
    # Innsbruck is where the two-week trip will end, not where they were on Friday
    report = report_from_text(
        "SALZBURG, Nov 21 (Wire) - Forty enthusiasts arrived in Salzburg on Friday, the first "
        "leg of a two-week trip that is to take them by train to Innsbruck.",
        source="Test Wire",
        published=date(2025, 11, 21),
    )
    dates = {p.place.name: [m.date for m in p.mentions] for p in parse([report], gazetteer).places}
    assert dates == {"Salzburg": ["2025-11-21", "2025-11-21"], "Innsbruck": [None]}


def test_a_past_perfect_closed_by_a_new_clause_puts_nothing_after_it_earlier(gazetteer) -> None:
    # "had left Vienna" is its clause's: the plan to reach Salzburg comes after Linz
    report = report_from_text(
        "LINZ, July 9 (Wire) - The special train passed through Linz early on Monday. On "
        "Sunday evening the train had left Vienna, and it was expected to reach Salzburg in "
        "the evening.",
        source="Test Wire",
        published=date(2018, 7, 9),
        report_id="r",
    )
    places = parse([report], gazetteer).places
    ids = {p.place.name: p.place.id for p in places}
    times = event_times(places, {"r": "2018-07-09"})
    assert (times[ids["Salzburg"]].day, times[ids["Salzburg"]].rank) > (
        times[ids["Linz"]].day,
        times[ids["Linz"]].rank,
    )


def test_a_past_perfect_of_no_day_comes_before_the_arrival_not_the_start_days_before(
    gazetteer,
) -> None:
    # the start last Thursday is where the trip began; "had left Linz" is Monday's
    names = _journey_names(
        "INNSBRUCK, Nov 25 (Wire) - Forty enthusiasts who set out from Vienna last Thursday "
        "reached Innsbruck late on Monday. The train had left Linz at 8:10 a.m. and called "
        "at Salzburg before noon.",
        gazetteer,
        published=date(2025, 11, 25),
    )
    assert names == ["Vienna", "Linz", "Salzburg", "Innsbruck"]


def test_a_timetable_told_on_with_then_comes_after_the_planned_stops_before_it(
    gazetteer,
) -> None:
    # "It then crosses into X and is scheduled to reach Y": the plan told on, so X comes
    # after Tuesday's stop, not after the last stop told as done (Monday's border)
    names = _journey_names(
        "BUDAPEST, May 4 (Wire) - The Danube Express left Budapest on Monday on its "
        "four-night run to Istanbul, crossing into Romania at Curtici within hours, the "
        "operator said.\n\nThe train is due to call at Brasov on Monday evening, Sighisoara "
        "on Tuesday and Bucharest, from where guests take a coach tour of the Danube Delta. "
        "It then crosses into Bulgaria at Ruse and is scheduled to reach Istanbul on "
        "Thursday, after a stop at Veliko Tarnovo.",
        gazetteer,
        date(2026, 5, 4),
    )
    assert names.index("Sighișoara") < names.index("Ruse") < names.index("Istanbul")


def test_a_plan_for_next_month_opening_its_sentence_comes_after_this_days_stops(
    gazetteer,
) -> None:
    text = (
        "SEOUL, Nov 30 (Wire) - A survey train crossed into North Korea on Friday, officials "
        "said. It left Seoul at dawn and passed through Dorasan before crossing the line to "
        "Panmun Station. It was then expected to run through Kaesong to Sinuiju. Next month "
        "the engineers are to move to the east coast and survey the line from Wonsan to "
        "Tumangang, before heading back south."
    )
    report = report_from_text(text, source="Test Wire", published=date(2018, 11, 30))
    places = parse([report], gazetteer).places
    names = {p.place.id: p.place.name for p in places}
    times = {names[pid]: when for pid, when in event_times(places).items()}
    assert times["Sinuiju"].day == "2018-11-30"
    assert times["Tumangang"].day > times["Sinuiju"].day  # not the Friday told before


def test_stops_told_after_an_after_phrase_and_earlier_go_back_in_turn(gazetteer) -> None:
    # "had stopped at W in the afternoon, after a long stop at X, and earlier called at Y and
    # Z": X before W (the "after" phrase, not the afternoon of W), Y and Z before X, one list
    names = _journey_names(
        "KOSICE, Slovakia, June 19 (Wire) - A special train with lawmakers reached Kosice on "
        "Thursday evening after a long ride across the country. It had stopped at Spisska "
        "Nova Ves in the afternoon, after a long stop at Poprad, and earlier called at "
        "Zilina and Ruzomberok.",
        gazetteer,
        date(2026, 6, 19),
    )
    assert names == ["Žilina", "Ružomberok", "Poprad", "Spišská Nová Ves", "Košice"]
