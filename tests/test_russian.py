"""Russian reports: case forms, roles, status, sources, datelines and titles, exact offsets."""

from __future__ import annotations

from datetime import date

import pytest

from routes.evaluate.devset import load_devset
from routes.evaluate.score import SetScore, score_report
from routes.model import STOP_ROLES, Parsed, Report, Role, Status
from routes.pipeline import build
from routes.read.gazetteer import Gazetteer
from routes.read.geoparse import parse
from routes.read.native import romanized
from routes.read.reports import report_from_text

#: What the reader reaches on the Russian development set (tests/devset/ru); a floor, so a
#: change that reads Russian worse fails here. The goal is 0.90 / 0.90 / 0.85 (order).
RECALL_FLOOR = 0.98
PRECISION_FLOOR = 0.98
#: Share of multi-stop reports whose stops come out in the gold order (goal 0.85). 0.914
#: reached (32 of 35); the misses left are a plant and a cosmodrome the reader does not
#: find as stops and a stop told before the one it followed.
ORDER_FLOOR = 0.90


def _report(text: str, published: date = date(2023, 9, 12)) -> Report:
    """A test report of ``text``, published on ``published`` (12 September 2023, a Tuesday,
    unless told)."""
    return report_from_text(text, source="Test", published=published, report_id="r")


def _parse(text: str, gazetteer: Gazetteer, published: date = date(2023, 9, 12)) -> Parsed:
    return parse([_report(text, published)], gazetteer)


def _roles(parsed: Parsed) -> dict[str, str]:
    return {p.place.id: p.role for p in parsed.places}


def _stops(report: Report, gazetteer: Gazetteer) -> list[tuple[str, str]]:
    journey = build([report], gazetteer=gazetteer)
    return [(s.place.id, str(s.role)) for s in journey.route.stops]


@pytest.fixture(scope="module")
def devset_ru():
    return [case for case in load_devset().reports if case.report.language == "ru"]


def test_case_forms_are_found_with_their_roles(gazetteer: Gazetteer) -> None:
    text = (
        "Поезд отправился из Пхеньяна, проследовал через Уссурийск и прибыл во Владивосток. "
        "Затем состав направился в Комсомольск-на-Амуре."
    )
    roles = _roles(_parse(text, gazetteer))
    assert roles["pyongyang"] == Role.ORIGIN
    assert roles["ussuriysk"] == Role.VIA
    assert roles["vladivostok"] == Role.DESTINATION
    assert roles["komsomolsk"] == Role.DESTINATION


def test_offsets_point_at_the_inflected_form(gazetteer: Gazetteer) -> None:
    text = "Состав прибыл в Комсомольске-на-Амуре после остановки в Хабаровске и Хасане."
    parsed = _parse(text, gazetteer)
    written = {m.text for p in parsed.places for m in p.mentions}
    assert written == {"Комсомольске-на-Амуре", "Хабаровске", "Хасане"}
    for place in parsed.places:
        for m in place.mentions:
            assert text[m.start : m.end] == m.text


def test_a_border_crossing_in_words_is_a_border(gazetteer: Gazetteer) -> None:
    parsed = _parse("Поезд пересёк границу по мосту Дружбы и прибыл на станцию Хасан.", gazetteer)
    roles = _roles(parsed)
    assert roles["friendship-bridge"] == Role.BORDER
    assert roles["khasan"] == Role.BORDER


def test_the_bundled_journey_told_in_russian_gives_the_english_stops(
    gazetteer: Gazetteer, bundled_reports, devset_ru
) -> None:
    russian = next(c.report for c in devset_ru if c.report.id == "dev-ru-000")
    english = _stops(bundled_reports[0], gazetteer)
    assert english == [
        ("pyongyang", "origin"),
        ("khasan", "border"),
        ("vladivostok", "destination"),
    ]
    assert _stops(russian, gazetteer) == english


def test_a_dateline_city_is_no_stop(gazetteer: Gazetteer) -> None:
    parsed = _parse("ХАБАРОВСК, 12 сентября — РИА Новости. Поезд прибыл в Уссурийск.", gazetteer)
    khabarovsk = next(p for p in parsed.places if p.place.id == "khabarovsk")
    assert khabarovsk.mentions[0].role == Role.DATELINE
    assert khabarovsk.role == Role.DATELINE  # shown as who wrote from where, never a stop
    assert _roles(parsed)["ussuriysk"] == Role.DESTINATION


def test_a_governors_title_is_no_visit(gazetteer: Gazetteer) -> None:
    parsed = _parse("Поезд встречал губернатор Хабаровского края и мэр Хабаровска.", gazetteer)
    roles = _roles(parsed)
    assert roles["khabarovsk-krai"] == Role.CONTEXT
    assert roles["khabarovsk"] == Role.CONTEXT


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Ожидается, что поезд прибудет во Владивосток.", Status.EXPECTED),
        ("Песков опроверг, что Ким поедет во Владивосток.", Status.DENIED),
        ("Возможно, поезд заедет в Хабаровск.", Status.SPECULATIVE),
        ("Поезд не остановится во Владивостоке.", Status.RULED_OUT),
        # the negated verb of going after the place; "не исключено" is "possibly"
        ("До Владивостока поезд не пойдёт, уточнили организаторы.", Status.RULED_OUT),
        ("Не исключено, что поезд сделает остановку во Владивостоке.", Status.SPECULATIVE),
    ],
)
def test_status_words_set_the_status(text: str, status: Status, gazetteer: Gazetteer) -> None:
    parsed = _parse(text, gazetteer)
    mention = next(m for p in parsed.places for m in p.mentions)
    assert mention.status == status


def test_a_negated_list_rules_out_every_place(gazetteer: Gazetteer) -> None:
    text = "На обратном пути поезд не останавливался ни во Владивостоке, ни в Уссурийске."
    roles = _roles(_parse(text, gazetteer))
    assert roles["vladivostok"] == roles["ussuriysk"] == Role.RULED_OUT


@pytest.mark.parametrize(
    "sentence",
    [
        "В Тюмени поезд не останавливался.",  # the imperfective, as often as the perfective
        "В Тюмени состав не заходил, сообщили на железной дороге.",
        "Поезд не сделал остановку в Тюмени.",
        "В Тюмени кортеж не задерживался.",
    ],
)
def test_a_stop_not_made_is_ruled_out_in_either_aspect(gazetteer: Gazetteer, sentence: str) -> None:
    parsed = _parse(f"Поезд прибыл в Омск в среду. {sentence}", gazetteer)
    roles = {p.place.name: p.role for p in parsed.places}
    assert roles["Tyumen"] == Role.RULED_OUT
    assert roles["Omsk"] in STOP_ROLES


def test_a_place_the_traveller_was_met_at_is_on_the_way_and_news_met_there_is_not(
    gazetteer: Gazetteer,
) -> None:
    def role(text: str) -> str:
        return {p.place.name: p.role for p in _parse(text, gazetteer).places}["Kazan"]

    assert role("В Казани гостя встречали глава республики и мэр.") in STOP_ROLES
    assert role("В Казани его встретил губернатор.") in STOP_ROLES
    assert role("В Казани встретили новость с тревогой.") not in STOP_ROLES


def test_an_agency_is_quoted_as_the_source(gazetteer: Gazetteer) -> None:
    parsed = _parse("Как передаёт ТАСС, поезд прибыл в Уссурийск.", gazetteer)
    assert parsed.places[0].mentions[0].source == "ТАСС"


def test_a_persons_name_is_no_town(gazetteer: Gazetteer) -> None:
    parsed = _parse("Переговоры с Владимиром Путиным пройдут в Хабаровске.", gazetteer)
    assert set(_roles(parsed)) == {"khabarovsk"}


@pytest.mark.slow  # scores a whole development set
def test_russian_devset_scores_stay_at_what_the_reader_reaches(
    gazetteer: Gazetteer, devset_ru
) -> None:
    scores = [score_report(c, build([c.report], gazetteer=gazetteer)) for c in devset_ru]
    result = SetScore(tuple(scores))
    assert len(scores) >= 30
    assert result.recall >= RECALL_FLOOR
    assert result.precision >= PRECISION_FLOOR
    assert result.order_accuracy >= ORDER_FLOOR
    assert result.denied_kept_off >= 0.95


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("Поезд в воскресенье вечером отправился из Пхеньяна.", "2023-09-10T19:00"),
        ("Накануне поезд отправился из Пхеньяна.", "2023-09-11"),
        ("Поезд 10 сентября отправился из Пхеньяна.", "2023-09-10"),
        ("Поезд во вторник утром прибудет в Пхеньян.", "2023-09-12T09:00"),
    ],
)
def test_russian_dates_and_times_date_the_mention(
    text: str, when: str, gazetteer: Gazetteer
) -> None:
    parsed = _parse(text, gazetteer)  # published 2023-09-12, a Tuesday
    pyongyang = next(p for p in parsed.places if p.place.id == "pyongyang")
    assert pyongyang.mentions[0].date == when


@pytest.mark.parametrize(
    ("text", "when", "part"),
    [
        # a part of the day keeps its precision: the reader sees "evening", not 19:00
        ("Поезд в воскресенье вечером отправился из Пхеньяна.", "2023-09-10T19:00", "evening"),
        ("Поезд 11 сентября ночью прошёл через Пхеньян.", "2023-09-11T23:00", "night"),
        # a clock time after the day or its part is the time, to the minute
        ("Поезд 10 сентября в 21:40 отправился из Пхеньяна.", "2023-09-10T21:40", ""),
        ("Поезд 10 сентября около 22 часов отправился из Пхеньяна.", "2023-09-10T22:00", ""),
        ("Поезд 10 сентября в 3 часа дня отправился из Пхеньяна.", "2023-09-10T15:00", ""),
        ("Поезд 11 сентября в 2 часа ночи прошёл через Пхеньян.", "2023-09-11T02:00", ""),
        ("Поезд в воскресенье в 8 вечера отправился из Пхеньяна.", "2023-09-10T20:00", ""),
        (
            "Поезд 11 сентября в 6.15 по местному времени прибыл в Пхеньян.",
            "2023-09-11T06:15",
            "",
        ),
        # a clock of another zone is not the place's: only the day stays
        ("Поезд 11 сентября в 6:15 по московскому времени прибыл в Пхеньян.", "2023-09-11", ""),
    ],
)
def test_a_russian_time_keeps_the_precision_it_was_said_with(
    text: str, when: str, part: str, gazetteer: Gazetteer
) -> None:
    parsed = _parse(text, gazetteer)  # published 2023-09-12, a Tuesday
    mention = next(p for p in parsed.places if p.place.id == "pyongyang").mentions[0]
    assert (mention.date, mention.part) == (when, part)


def test_a_visit_of_an_earlier_year_is_history(gazetteer: Gazetteer) -> None:
    parsed = _parse("В 2019 году Ким прибыл во Владивосток на переговоры.", gazetteer)
    assert _roles(parsed)["vladivostok"] == Role.HISTORICAL


def test_a_long_cyrillic_word_is_read_as_no_place(gazetteer: Gazetteer) -> None:
    parsed = _parse("Москва" + "ж" * 100_000 + " и Хасан.", gazetteer)
    assert [p.place.id for p in parsed.places] == ["khasan"]


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        ("Спецпоезд прибыл на остров Русский.", "russky-island"),
        ("Делегация побывала на острове Русский.", "russky-island"),
        ("Поезд проследовал через Забайкальск.", "zabaykalsk"),
        ("Гость осмотрел Бурейскую ГЭС.", "bureya-hps"),
    ],
)
def test_curated_places_are_found_in_their_case_forms(
    text: str, place_id: str, gazetteer: Gazetteer
) -> None:
    parsed = _parse(text, gazetteer)
    assert place_id in _roles(parsed)
    mention = next(p for p in parsed.places if p.place.id == place_id).mentions[0]
    assert text[mention.start : mention.end] == mention.text


def test_travel_words_make_bare_prepositions_cues(gazetteer: Gazetteer) -> None:
    # "у X" after a crossing, "провёл день в X", "следующей остановкой станет X"
    roles = _roles(_parse("Накануне поезд пересёк Амур у Хабаровска.", gazetteer))
    assert roles["khabarovsk"] == Role.VIA
    roles = _roles(_parse("По дороге гость провёл день в Уссурийске.", gazetteer))
    assert roles == {"ussuriysk": Role.VIA}
    roles = _roles(_parse("По данным агентства, следующей остановкой станет Артём.", gazetteer))
    assert roles == {"artyom": Role.VIA}


@pytest.mark.parametrize(
    "text",
    [
        "Следующей остановкой, по словам сопровождающих, станет Артём.",
        "Поезд, как сообщили в РЖД, прибыл в Артём утром.",
    ],
)
def test_an_aside_between_a_cue_and_its_place_leaves_the_cue(
    gazetteer: Gazetteer, text: str
) -> None:
    assert _roles(_parse(text, gazetteer))["artyom"] in STOP_ROLES


def test_a_place_compared_with_is_no_stop(gazetteer: Gazetteer) -> None:
    text = (
        "Поезд прибыл в Иркутск во вторник. Журналисты отметили, что встречавших было "
        "меньше, чем во Владивостоке, но разговор шёл дольше."
    )
    roles = {p.place.name: p.role for p in _parse(text, gazetteer).places}
    assert roles["Vladivostok"] not in STOP_ROLES
    assert roles["Irkutsk"] in STOP_ROLES


@pytest.mark.parametrize(
    "text",
    [
        "Поезд прибыл в Хабаровск. Продлевать маршрут до Владивостока, вопреки слухам, пока "
        "не планируют, добавили в РЖД.",
        "Поезд прибыл в Хабаровск. Ехать дальше во Владивосток делегация не собирается.",
    ],
)
def test_a_plan_denied_by_the_predicate_after_an_infinitive_rules_its_place_out(
    gazetteer: Gazetteer, text: str
) -> None:
    roles = {p.place.name: p.role for p in _parse(text, gazetteer).places}
    assert roles["Vladivostok"] == Role.RULED_OUT
    assert roles["Khabarovsk"] in STOP_ROLES


def test_where_people_come_from_is_no_start_of_the_train(gazetteer: Gazetteer) -> None:
    text = (
        "Поезд останавливался в Хабаровске, где к ветеранам присоединились горняки из "
        "соседнего Бикина."
    )
    roles = {p.place.name: p.role for p in _parse(text, gazetteer).places}
    assert roles["Bikin"] not in STOP_ROLES
    # people of a group named in the genitive: where the group comes from
    text = "Группа школьников из Бикина, приехавшая в Хабаровск поездом, вернулась домой."
    roles = {p.place.name: p.role for p in _parse(text, gazetteer).places}
    assert roles["Bikin"] not in STOP_ROLES
    # people the train carries from a place: the train came from there
    text = "Днём ранее поезд доставил туристов из Хабаровска в Бикин."
    roles = {p.place.name: p.role for p in _parse(text, gazetteer).places}
    assert roles["Khabarovsk"] == Role.ORIGIN


def test_places_of_a_comparison_clause_are_no_stops(gazetteer: Gazetteer) -> None:
    text = "Поезд прибыл в Иркутск. Дорога оказалась длиннее, чем из Москвы в Сочи."
    roles = {p.place.name: p.role for p in _parse(text, gazetteer).places}
    assert roles["Sochi"] not in STOP_ROLES and roles["Moscow"] not in STOP_ROLES


def test_a_place_opening_a_clause_after_a_conjunction_takes_no_cue_before_it(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "Поезд прибыл в Иркутск. Поездки прекратились после того как Пекин ужесточил "
        "правила въезда."
    )
    roles = {p.place.name: p.role for p in _parse(text, gazetteer).places}
    assert roles["Beijing"] not in STOP_ROLES
    # the preposition alone is still a cue: "после Хабаровска" is after a stop there
    text = "После Хабаровска поезд прибыл в Иркутск."
    roles = {p.place.name: p.role for p in _parse(text, gazetteer).places}
    assert roles["Khabarovsk"] in STOP_ROLES


def test_a_modal_of_a_later_predicate_leaves_the_places_before_it_reported(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "Состав движется по восточному побережью через Хамхын и Чхонджин "
        "и к утру вторника может достичь станции Туманган."
    )
    parsed = _parse(text, gazetteer)
    status = {p.place.id: p.mentions[0].status for p in parsed.places}
    assert _roles(parsed)["hamhung"] == Role.VIA and _roles(parsed)["chongjin"] == Role.VIA
    assert status["hamhung"] == Status.REPORTED
    # the modal of a deadline hedges the hour, not the trip (gold of dev-ru-001: expected)
    assert status["tumangang"] == Status.EXPECTED


def test_a_weekday_with_a_future_verb_is_the_coming_one(gazetteer: Gazetteer) -> None:
    # published Tuesday 2023-09-12
    text = "Часть гостей, по их словам, в субботу вылетят прямо в Улан-Удэ."
    parsed = _parse(text, gazetteer)
    assert any(ref.date == "2023-09-16" for ref in parsed.timerefs)
    text = (
        "Дальше поезд пойдёт к Бурейской ГЭС, которую гость, как ожидается, осмотрит в воскресенье."
    )
    parsed = _parse(text, gazetteer)
    assert any(ref.date == "2023-09-17" for ref in parsed.timerefs)


def test_visit_and_heading_words_give_stops(gazetteer: Gazetteer) -> None:
    roles = _roles(_parse("Накануне Ким Чен Ын побывал на острове Русский.", gazetteer))
    assert roles["russky-island"] == Role.VIA
    roles = _roles(_parse("В воскресенье гость осмотрел Бурейскую ГЭС.", gazetteer))
    assert roles["bureya-hps"] == Role.VIA
    roles = _roles(_parse("Поезд миновал Читу и направился к Забайкальску.", gazetteer))
    assert roles["zabaykalsk"] == Role.BORDER
    text = "Поезд после космодрома Восточный направится в Комсомольск-на-Амуре."
    roles = _roles(_parse(text, gazetteer))
    assert roles["vostochny"] == Role.VIA
    assert roles["komsomolsk"] == Role.DESTINATION
    roles = _roles(_parse("Конечной точкой поездки остаётся Владивосток.", gazetteer))
    assert roles["vladivostok"] == Role.DESTINATION


def test_a_bridge_named_by_its_river_is_the_border_bridge(gazetteer: Gazetteer) -> None:
    text = "Поезд пересёк мост через Туманную и остановился на станции Хасан."
    parsed = _parse(text, gazetteer)
    bridge = next(p for p in parsed.places if p.place.id == "friendship-bridge")
    assert bridge.role == Role.BORDER
    assert text[bridge.mentions[0].start : bridge.mentions[0].end] == "мост"
    text = "Поезд прошёл по мосту Дружбы и прибыл на станцию Хасан."
    assert _roles(_parse(text, gazetteer))["friendship-bridge"] == Role.BORDER


def test_a_place_is_dated_by_the_time_written_before_it_in_its_clause(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "Спецпоезд в воскресенье вечером отправился из Уссурийска и "
        "в понедельник утром пересёк границу через Хасан."
    )
    dates = {p.place.id: p.mentions[0].date for p in _parse(text, gazetteer).places}
    assert dates["ussuriysk"] == "2023-09-10T19:00"  # published Tuesday 12 September
    assert dates["khasan"] == "2023-09-11T09:00"


def test_a_dateline_city_with_its_region_in_brackets_is_the_dateline(
    gazetteer: Gazetteer,
) -> None:
    parsed = _parse(
        "ХАСАН (Приморский край), 12 сентября. /ТАСС/. Поезд прибыл во Владивосток.", gazetteer
    )
    roles = _roles(parsed)
    assert roles["khasan"] == Role.DATELINE
    assert roles["vladivostok"] == Role.DESTINATION


def test_a_leg_driven_from_a_station_is_a_journey_leg(gazetteer: Gazetteer) -> None:
    parsed = _parse(
        "Состав прибыл в Уссурийск. Оттуда гость проехал на машине до Владивостока.", gazetteer
    )
    assert _roles(parsed)["vladivostok"] == Role.DESTINATION


def test_a_place_left_for_home_is_a_stop_on_the_way_not_the_start(gazetteer: Gazetteer) -> None:
    text = "В понедельник днём спецпоезд покинул Уссурийск и направился домой через Хасан."
    assert _roles(_parse(text, gazetteer))["ussuriysk"] == Role.VIA
    text = "В понедельник днём спецпоезд отправился из Уссурийска к Хасану."
    assert _roles(_parse(text, gazetteer))["ussuriysk"] == Role.ORIGIN


def test_the_day_before_told_after_a_departure_comes_first(gazetteer: Gazetteer) -> None:
    report = _report(
        "В понедельник днём спецпоезд отправился из Хабаровска в обратный путь. "
        "Накануне гость побывал в Комсомольске-на-Амуре.",
    )
    assert [place for place, _ in _stops(report, gazetteer)] == ["komsomolsk", "khabarovsk"]


def test_an_evening_without_a_day_comes_after_the_day_told_before(gazetteer: Gazetteer) -> None:
    report = _report(
        "В понедельник утром поезд прибыл в Уссурийск. "
        "Вечером гость на машине отправится во Владивосток, а затем на остров Русский.",
    )
    stops = [place for place, _ in _stops(report, gazetteer)]
    assert stops == ["ussuriysk", "vladivostok", "russky-island"]


def test_a_day_written_past_a_contrast_does_not_date_the_place_before_it(
    gazetteer: Gazetteer,
) -> None:
    report = _report(
        "В пятницу поезд прибыл в Хабаровск. "
        "Ночью состав прошёл Бикин, а ещё раньше, в четверг, миновал Уссурийск.",
    )
    stops = [place for place, _ in _stops(report, gazetteer)]
    assert stops == ["ussuriysk", "bikin", "khabarovsk"]
    text = "Поезд прошёл Бикин, по данным ТАСС, в четверг."
    dates = {p.place.id: p.mentions[0].date for p in _parse(text, gazetteer).places}
    assert dates["bikin"] == "2023-09-07"


def test_the_venue_of_planned_talks_is_where_the_journey_goes(gazetteer: Gazetteer) -> None:
    report = _report(
        "В понедельник спецпоезд прибыл во Владивосток. Ранее днём он проехал Уссурийск. "
        "Переговоры сторон пройдут в среду на острове Русский.",
    )
    stops = _stops(report, gazetteer)
    assert stops[-1] == ("russky-island", "destination")
    assert [place for place, _ in stops] == ["ussuriysk", "vladivostok", "russky-island"]
    text = "Переговоры сторон прошли на острове Русский, куда гостя доставил кортеж."
    assert _roles(_parse(text, gazetteer))["russky-island"] == Role.VIA


def test_a_listed_place_after_an_adjective_shares_the_list_role(gazetteer: Gazetteer) -> None:
    roles = _roles(_parse("Ночью поезд миновал Бикин и затем приморский Уссурийск.", gazetteer))
    assert roles["bikin"] == Role.VIA
    assert roles["ussuriysk"] == Role.VIA


def test_a_name_told_before_the_train_and_its_verb_is_a_stop(gazetteer: Gazetteer) -> None:
    text = "Бикин состав миновал около полуночи, сообщили железнодорожники."
    assert _roles(_parse(text, gazetteer))["bikin"] == Role.VIA
    text = "Бикин, по словам железнодорожников, готовится к празднику."
    assert _roles(_parse(text, gazetteer))["bikin"] == Role.CONTEXT


def test_a_modal_of_the_deadline_hedges_the_hour_not_the_trip(gazetteer: Gazetteer) -> None:
    parsed = _parse("Спецпоезд к вечеру среды может прибыть в Уссурийск.", gazetteer)
    place = next(p for p in parsed.places if p.place.id == "ussuriysk")
    assert (place.role, place.mentions[0].status) == (Role.DESTINATION, Status.EXPECTED)
    parsed = _parse("Спецпоезд, по слухам, к вечеру среды может прибыть в Уссурийск.", gazetteer)
    place = next(p for p in parsed.places if p.place.id == "ussuriysk")
    assert place.mentions[0].status == Status.SPECULATIVE
    parsed = _parse("Спецпоезд может прибыть в Уссурийск.", gazetteer)
    place = next(p for p in parsed.places if p.place.id == "ussuriysk")
    assert place.mentions[0].status == Status.SPECULATIVE


@pytest.mark.parametrize(
    ("text", "name", "is_place"),
    [
        ("Лидер встретился с Владимиром Путиным в Хабаровске.", "Vladimir", False),
        ("Поезд из Москвы прибыл во Владимир утром.", "Vladimir", True),
        ("Он осмотрел завод имени Гагарина в Комсомольске-на-Амуре.", "Gagarin", False),
        ("Поезд остановился в Гагарине по пути в Москву.", "Gagarin", True),
    ],
)
def test_a_surname_is_a_town_only_after_a_preposition_of_place(
    gazetteer: Gazetteer, text: str, name: str, is_place: bool
) -> None:
    names = {p.place.name for p in _parse(text, gazetteer).places}
    assert (name in names) is is_place


@pytest.mark.parametrize(
    "text",
    [
        "Поезд покинул Читу утром. Ожидалось, что он остановится в Улан-Удэ, "
        "но этого не произошло.",
        "Поезд покинул Читу утром. Сообщения о том, что он сделает остановку в Улан-Удэ, "
        "оказались ошибочными.",
        "Поезд покинул Читу утром. Нет планов ехать в Улан-Удэ, сообщил источник.",
    ],
)
def test_an_expected_stop_the_next_clause_says_did_not_happen_is_ruled_out(
    gazetteer: Gazetteer, text: str
) -> None:
    roles = {p.place.name: p.role for p in _parse(text, gazetteer).places}
    assert roles["Ulan-Ude"] == Role.RULED_OUT
    assert roles["Chita"] == Role.ORIGIN


def test_an_expected_stop_followed_by_another_stays_expected(gazetteer: Gazetteer) -> None:
    text = "Поезд покинул Читу утром. Ожидалось, что он остановится в Улан-Удэ, а затем в Иркутске."
    roles = {p.place.name: p.role for p in _parse(text, gazetteer).places}
    assert roles["Ulan-Ude"] != Role.RULED_OUT


def test_a_sentence_of_last_year_tells_history(gazetteer: Gazetteer) -> None:
    text = "Поезд прибыл в Хабаровск в пятницу. В прошлом году делегация посетила Иркутск."
    roles = {p.place.name: p.role for p in _parse(text, gazetteer).places}
    assert roles["Irkutsk"] == Role.HISTORICAL
    assert roles["Khabarovsk"] == Role.DESTINATION


@pytest.mark.parametrize(
    ("text", "is_stop"),
    [
        ("Отношения Москвы с Токио после встречи в Осаке остаются сложными.", False),
        ("После саммита в Осаке делегация направилась поездом в Киото.", True),
    ],
)
def test_a_place_of_an_earlier_event_is_a_stop_only_when_the_sentence_travels(
    gazetteer: Gazetteer, text: str, is_stop: bool
) -> None:
    roles = {p.place.name: p.role for p in _parse(text, gazetteer).places}
    assert (roles["Osaka"] in (Role.ORIGIN, Role.VIA, Role.DESTINATION)) is is_stop


def test_a_bridge_named_by_an_adjective_before_it_is_found_in_any_case(
    gazetteer: Gazetteer,
) -> None:
    roles = _roles(_parse("Кортеж проехал по Русскому мосту на остров Русский.", gazetteer))
    assert "russky-bridge" in roles


def test_a_place_typed_in_lower_case_after_a_preposition_is_found(gazetteer: Gazetteer) -> None:
    roles = _roles(_parse("Состав прошёл через хасан и прибыл во владивосток утром.", gazetteer))
    assert {"khasan", "vladivostok"} <= set(roles)
    # ordinary words after the same prepositions stay words
    text = "Он ездил на юг, в центр, на север, по пути в столицу, на восток и в горы."
    assert _parse(text, gazetteer).places == ()


def test_a_head_word_and_a_lower_case_name_after_it_are_the_place_they_name(
    gazetteer: Gazetteer,
) -> None:
    text = "Делегация осмотрела причалы, затем направилась в порт восточный."
    assert _roles(_parse(text, gazetteer)) == {"vostochny-port": Role.DESTINATION}
    airport = _parse("Премьер вылетел домой из аэропорта нойбай.", gazetteer)
    assert "noi-bai-airport" in _roles(airport)
    # a head word before an ordinary lower-case word names nothing
    assert _parse("На станции ожидали поезд, он пришёл на станцию поздно.", gazetteer).places == ()


@pytest.mark.parametrize(
    ("text", "name", "found"),
    [
        # "буча" is also a word (a row): a place where one is due
        ("Премьер-министр провёл день в Ирпене и Буче, куда приехал поездом.", "Bucha", True),
        # an adjective before its noun describes the noun, not a town of that name
        ("Поезд прибыл в Москву, на Ярославский вокзал.", "Yaroslavskiy", False),
        ("Гость провёл понедельник в Северной столице.", "Severnyy", False),
    ],
)
def test_a_word_that_is_also_ordinary_is_a_town_only_where_a_place_is_due(
    gazetteer: Gazetteer, text: str, name: str, found: bool
) -> None:
    names = {p.place.name for p in _parse(text, gazetteer).places}
    assert (name in names) is found


def test_leaders_who_arrived_make_the_city_their_destination(gazetteer: Gazetteer) -> None:
    # "прибыли" (they arrived) is also "прибыли" (of profit) to pymorphy3
    text = "Премьер Чехии и канцлер Австрии прибыли в Киев."
    roles = {p.place.name: p.role for p in _parse(text, gazetteer).places}
    assert roles["Kyiv"] == Role.DESTINATION


def test_a_river_crossed_is_a_stop_and_one_run_along_is_not(gazetteer: Gazetteer) -> None:
    crossed = _roles(_parse("Вечером поезд пересёк реку Амур и прибыл в Хабаровск.", gazetteer))
    along = _roles(_parse("Поезд шёл вдоль Амура до Хабаровска.", gazetteer))
    assert crossed["amur-river"] == Role.VIA
    assert along["amur-river"] == Role.CONTEXT


def test_a_last_year_told_in_a_later_clause_leaves_the_places_before_it(
    gazetteer: Gazetteer,
) -> None:
    text = "Поезд проследует через Читу в Хабаровск, в прошлом году он шёл через Благовещенск."
    roles = {p.place.name: p.role for p in _parse(text, gazetteer).places}
    assert roles["Chita"] == Role.VIA
    assert roles["Khabarovsk"] == Role.DESTINATION
    assert roles["Blagoveshchensk"] == Role.HISTORICAL


def test_days_spent_in_a_place_make_it_a_stop(gazetteer: Gazetteer) -> None:
    roles = _roles(_parse("Ранее премьер провёл два дня в Варшаве.", gazetteer))
    assert roles["gn:756135"] == Role.VIA


def test_another_persons_travel_told_by_surname_gives_no_stop(gazetteer: Gazetteer) -> None:
    text = (
        "Премьер Иван Соколов прибыл в Тверь утром поездом из Тюмени, а Лавров прилетел из "
        "Самары. Накануне Соколов проехал через Ишим."
    )
    roles = {p.place.name: p.role for p in _parse(text, gazetteer).places}
    assert roles["Samara"] == Role.CONTEXT
    # the traveller's own moves, told by the surname alone, stay stops
    assert roles["Tyumen"] == Role.ORIGIN
    assert roles["Ishim"] == Role.VIA


def test_stops_told_with_the_imperfective_of_stopping_are_stops_before_the_arrival(
    gazetteer: Gazetteer,
) -> None:
    report = _report(
        "Поезд прибыл в Пермь в четверг. До этого он останавливался в Вологде и Кирове."
    )
    stops = build([report], gazetteer=gazetteer).route.stops
    assert [s.place.name for s in stops] == ["Vologda", "Kirov", "Perm"]
    # "не останавливался в X" is a stop not made: ruled out, as "did not stop in X" is
    # (tests/devset/README.md)
    roles = {
        p.place.name: p.role
        for p in _parse("Поезд прибыл в Пермь. Он не останавливался в Кирове.", gazetteer).places
    }
    assert roles["Kirov"] == Role.RULED_OUT


def test_another_persons_travel_told_by_a_noun_gives_no_stop(gazetteer: Gazetteer) -> None:
    text = (
        "Поезд президента прибыл в Пермь во вторник. Министр иностранных дел накануне "
        "прилетел в Уфу, а его помощники вылетели в Ижевск в среду."
    )
    roles = {p.place.name: p.role for p in _parse(text, gazetteer).places}
    assert roles["Perm"] in STOP_ROLES
    assert roles["Ufa"] == roles["Izhevsk"] == Role.CONTEXT
    # the noun the train is told with names the traveller
    text = "Поезд министра прибыл в Пермь во вторник. Затем министр вылетел в Уфу."
    roles = {p.place.name: p.role for p in _parse(text, gazetteer).places}
    assert roles["Ufa"] in STOP_ROLES


def test_a_capital_that_judges_the_visit_with_an_object_first_speaks(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "Поезд прибыл в Тверь. В Мадриде визит восприняли сдержанно, в Лиссабоне его назвали шагом."
    )
    roles = {p.place.name: p.role for p in _parse(text, gazetteer).places}
    assert roles["Madrid"] == roles["Lisbon"] == Role.ACTOR


def test_a_negation_ends_where_a_new_predicate_joined_by_i_begins(gazetteer: Gazetteer) -> None:
    parsed = _parse(
        "Состав не стал задерживаться в Тайшете и проследовал прямо в Иркутск.", gazetteer
    )
    roles = {p.place.name: p.role for p in parsed.places}
    assert roles["Tayshet"] == Role.RULED_OUT
    assert roles["Irkutsk"] in STOP_ROLES
    # "и" between two places joins them under the one negated verb
    parsed = _parse("Поезд не остановится в Тайшете и Зиме.", gazetteer)
    assert {p.place.name: p.role for p in parsed.places}.get("Zima") == Role.RULED_OUT


@pytest.mark.parametrize(
    "text",
    [
        "В воскресенье поезд прибыл в Омск, а накануне сделал остановку в Новосибирске.",
        "8 сентября поезд прибыл в Тюмень. Накануне он проследовал через Омск.",
    ],
)
def test_the_day_before_a_day_told_before_it_is_the_day_before_that_day(
    text: str, gazetteer: Gazetteer
) -> None:
    # published on Tuesday 12 September: "накануне" is the day before the day told before it
    # (Saturday the 9th, the 7th), not Monday the 11th, so the stop it dates came first
    report = _report(text)
    parsed = parse([report], gazetteer)
    dates = {p.place.name: p.mentions[0].date for p in parsed.places if p.role in STOP_ROLES}
    earlier = min(dates, key=lambda name: dates[name] or "")
    stops = [s.place.name for s in build([report], gazetteer=gazetteer).route.stops]
    assert dates[earlier] in ("2023-09-09", "2023-09-07")
    assert stops[0] == earlier and len(stops) == 2


def test_the_day_before_with_no_day_told_before_it_is_the_day_before_publication(
    gazetteer: Gazetteer,
) -> None:
    parsed = _parse("Накануне поезд прибыл в Омск.", gazetteer)
    assert next(p for p in parsed.places if p.place.name == "Omsk").mentions[0].date == "2023-09-11"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a soft stem whose "ь" the ending drops: Тяньцзинь, Чанчунь
        ("Во вторник он побывал в Тяньцзине.", "Tianjin"),
        # a town's dative that pymorphy3 guesses first as a verb's future
        ("Поезд с делегацией прибыл к Даньдуну.", "Dandong"),
    ],
)
def test_a_foreign_town_in_a_case_form_pymorphy3_guesses_is_found(
    text: str, name: str, gazetteer: Gazetteer
) -> None:
    assert name in [p.place.name for p in _parse(text, gazetteer).places]


def test_a_town_pymorphy3_guesses_as_a_future_verb_leaves_its_clause_reported(
    gazetteer: Gazetteer,
) -> None:
    # "Даньдуну" is guessed first as a future of "даньдунуть"; a name inside the clause
    # is no verb, so the train that went there went there
    parsed = _parse("В воскресенье поезд прибыл к Даньдуну.", gazetteer)
    dandong = next(p for p in parsed.places if p.place.name == "Dandong")
    assert dandong.mentions[0].status == Status.REPORTED
    assert dandong.mentions[0].date == "2023-09-10"  # the Sunday past, not the coming one


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Делегация заночевала в Тюмени.", "Tyumen"),
        ("В Хабаровске делегация пробыла два дня.", "Khabarovsk"),
        ("Делегация разместилась в гостинице Перми.", "Perm"),
        ("Во вторник поезд прибыл в Красноярск. Днем ранее он был в Новосибирске.", "Novosibirsk"),
        ("Поезд миновал Шэньян и продолжил путь к Даньдуну.", "Dandong"),
        ("Следующая остановка — Красноярск.", "Krasnoyarsk"),
        ("Красноярск станет следующей остановкой поезда.", "Krasnoyarsk"),
    ],
)
def test_words_of_staying_being_and_the_next_stop_make_a_stop(
    text: str, name: str, gazetteer: Gazetteer
) -> None:
    stops = [s.place.name for s in build([_report(text)], gazetteer=gazetteer).route.stops]
    assert name in stops


@pytest.mark.parametrize(
    "text",
    [
        "В прошлом году делегация пробыла в Омске два дня.",
        "Возможно, делегация заночует в Омске.",
        "Делегация не стала ночевать в Омске.",
    ],
)
def test_a_stay_of_last_year_rumoured_or_not_made_is_no_stop(
    text: str, gazetteer: Gazetteer
) -> None:
    assert not build([_report(text)], gazetteer=gazetteer).route.stops


def test_a_clause_leaving_out_the_verb_before_it_shares_its_role_plan_and_order(
    gazetteer: Gazetteer,
) -> None:
    text = "Затем делегация отправится в Ухань, а оттуда — в Гуанчжоу."
    parsed = _parse(text, gazetteer)
    guangzhou = next(p for p in parsed.places if p.place.name == "Guangzhou")
    assert guangzhou.role == Role.DESTINATION
    assert guangzhou.mentions[0].status == Status.EXPECTED
    stops = [s.place.name for s in build([_report(text)], gazetteer=gazetteer).route.stops]
    assert stops == ["Wuhan", "Guangzhou"]


def test_a_negation_of_the_clause_before_does_not_carry_over_a_contrast(
    gazetteer: Gazetteer,
) -> None:
    stops = [
        s.place.name
        for s in build(
            [_report("Поезд не поехал в Омск, а — в Тюмень.")], gazetteer=gazetteer
        ).route.stops
    ]
    assert stops == ["Tyumen"]


def test_the_venue_of_an_event_told_after_the_place_is_where_the_journey_goes(
    gazetteer: Gazetteer,
) -> None:
    parsed = _parse("Как ожидается, в пятницу в Чите состоятся переговоры.", gazetteer)
    chita = next(p for p in parsed.places if p.place.name == "Chita")
    assert chita.role == Role.DESTINATION  # not a stop on the way


@pytest.mark.parametrize(
    ("text", "order"),
    [
        # the undated destination lies on the way to the one planned for Friday
        (
            "Поезд выехал из Иркутска и проследует в Читу. "
            "Переговоры пройдут в пятницу в Хабаровске.",
            ["Irkutsk", "Chita", "Khabarovsk"],
        ),
        # the undated destination lies beyond: the train is bound there
        (
            "Поезд выехал из Иркутска и следует в Хабаровск. В пятницу он прибудет в Читу.",
            ["Irkutsk", "Chita", "Khabarovsk"],
        ),
    ],
)
def test_a_destination_without_a_day_on_the_way_to_one_planned_for_a_day_comes_first(
    text: str, order: list[str], gazetteer: Gazetteer
) -> None:
    stops = [s.place.name for s in build([_report(text)], gazetteer=gazetteer).route.stops]
    assert stops == order


def test_a_place_the_route_goes_through_to_a_destination_comes_before_it(
    gazetteer: Gazetteer,
) -> None:
    report = _report("Поезд идет из Омска в Тюмень через Ишим.")
    stops = [s.place.name for s in build([report], gazetteer=gazetteer).route.stops]
    assert stops == ["Omsk", "Ishim", "Tyumen"]
    # told after the destination as a later leg, it comes after
    report = _report("Поезд прибыл из Омска в Ишим, затем проследовал через Тюмень.")
    stops = [s.place.name for s in build([report], gazetteer=gazetteer).route.stops]
    assert stops == ["Omsk", "Ishim", "Tyumen"]


@pytest.mark.parametrize(
    ("key", "latin"),
    [
        ("таксимо", "taksimo"),
        ("новыи ургал", "novyy urgal"),  # a key has lost the breve of "й"
        ("северобаикальск", "severobaykal sk"),
        ("ерофеи павлович", "yerofey pavlovich"),
    ],
)
def test_a_name_is_romanised_as_geonames_writes_russian_places(key: str, latin: str) -> None:
    assert romanized(key) == latin


def test_a_small_town_known_only_by_its_romanised_name_is_found(gazetteer: Gazetteer) -> None:
    text = "В России поезд во вторник прошёл Таксимо, а в среду прибыл в Новый Ургал."
    names = {p.place.name: p.role for p in _parse(text, gazetteer).places}
    assert names == {"Russia": Role.CONTEXT, "Taksimo": Role.VIA, "Novyy Urgal": Role.DESTINATION}


@pytest.mark.parametrize(
    "text",
    [
        "В России поезд ушёл на восток, куда именно, не сообщается.",
        "Встречу провёл глава Приморского региона.",
    ],
)
def test_common_words_are_not_romanised_into_towns(gazetteer: Gazetteer, text: str) -> None:
    assert {p.place.name for p in _parse(text, gazetteer).places} <= {"Russia"}


@pytest.mark.parametrize(
    ("text", "stops"),
    [
        (
            "Поезд президента выехал из Москвы в понедельник. "
            "Среди возможных остановок называют Казань и Екатеринбург.",
            ["Kazan", "Yekaterinburg"],
        ),
        (
            "Делегация отправилась из Хабаровска во вторник. "
            "В числе остановок поезда — Биробиджан и Облучье.",
            ["Birobidzhan", "Obluchye"],
        ),
        (
            "Поезд покинул Владивосток в среду. "
            "Как ожидается, Уссурийск станет одной из остановок на пути в Хабаровск.",
            ["Ussuriysk"],
        ),
    ],
)
def test_a_place_told_among_the_stops_is_a_stop(
    gazetteer: Gazetteer, text: str, stops: list[str]
) -> None:
    roles = {p.place.name: p.role for p in _parse(text, gazetteer).places}
    assert all(roles.get(name) == Role.VIA for name in stops), roles


def test_towns_told_among_others_than_stops_are_no_stops(gazetteer: Gazetteer) -> None:
    text = (
        "Поезд покинул Иркутск в четверг. "
        "Среди пострадавших от наводнения городов называют Тулун и Нижнеудинск."
    )
    roles = {p.place.name: p.role for p in _parse(text, gazetteer).places}
    assert roles.get("Tulun") == roles.get("Nizhneudinsk") == Role.CONTEXT


def test_a_likely_stop_is_expected_as_in_english(gazetteer: Gazetteer) -> None:
    text = "Поезд вышел из Москвы. Вероятно, он остановится в Казани."
    statuses = {p.place.name: p.mentions[0].status for p in _parse(text, gazetteer).places}
    assert statuses.get("Kazan") == Status.EXPECTED  # "likely": English reads it so too


def test_where_the_trip_began_is_its_origin(gazetteer: Gazetteer) -> None:
    text = (
        "МОСКВА, 21 июля. /Корр. Вайр/. Писатель в четверг прибыл в Москву, завершив "
        "почти двухмесячное путешествие по стране, начавшееся во Владивостоке. Накануне "
        "поезд прошёл через Ярославль."
    )
    stops = [s.place.name for s in build([_report(text)], gazetteer=gazetteer).route.stops]
    assert stops == ["Vladivostok", "Yaroslavl", "Moscow"]


def test_talks_beginning_in_a_town_make_it_no_origin(gazetteer: Gazetteer) -> None:
    text = "Министр в пятницу прибыл в Казань поездом. Переговоры начнутся в Казани в субботу."
    roles = {p.place.name: p.role for p in _parse(text, gazetteer).places}
    assert roles.get("Kazan") == Role.DESTINATION


@pytest.mark.parametrize(
    "text",
    [
        "Поезд из Санкт-Петербурга прибыл в Рускеалу утром.",
        "Туристический поезд вышел из Рускеалы и прибыл в Санкт-Петербург.",
    ],
)
def test_a_small_town_pymorphy_does_not_know_is_found_in_any_case(
    gazetteer: Gazetteer, text: str
) -> None:
    # GeoNames writes the village in Latin only (Ruskeala); its case forms are read back to
    # the nominative in "-а" before they are romanised
    assert "Ruskeala" in {p.place.name for p in _parse(text, gazetteer).places}


def test_a_trip_the_subject_of_a_denying_predicate_is_ruled_out(gazetteer: Gazetteer) -> None:
    text = (
        "Поезд вышел из Иркутска. Поездка в Улан-Удэ, о которой писали местные СМИ, "
        "в программу не входила."
    )
    roles = {p.place.name: p.role for p in _parse(text, gazetteer).places}
    assert roles["Ulan-Ude"] == Role.RULED_OUT
    kept = (
        "Поезд вышел из Иркутска. Остановка в Улан-Удэ, как сообщили организаторы, продлится час."
    )
    assert {p.place.name: p.role for p in _parse(kept, gazetteer).places}["Ulan-Ude"] in STOP_ROLES


def test_a_ferry_crossing_and_a_ride_on_lead_to_their_places(gazetteer: Gazetteer) -> None:
    text = "Туристы переправились на пароме из Иркутска в Листвянку."
    roles = {p.place.name: p.role for p in _parse(text, gazetteer).places}
    assert roles["Listvyanka"] == Role.DESTINATION


@pytest.mark.parametrize(
    "invitation",
    ["пригласил делегацию проехать до Хабаровска", "предложил делегации отправиться в Хабаровск"],
)
def test_a_place_one_is_invited_to_go_to_is_no_stop(gazetteer: Gazetteer, invitation: str) -> None:
    text = f"Губернатор {invitation}. Поезд прибыл в Уссурийск в понедельник."
    roles = {p.place.name: p.role for p in _parse(text, gazetteer).places}
    assert roles["Khabarovsk"] not in STOP_ROLES
    assert roles["Ussuriysk"] in STOP_ROLES


@pytest.mark.parametrize(
    "text",
    [
        "Поезд нигде не останавливался, кроме Омска, и прибыл в Новосибирск.",
        "Помимо Омска, поезд нигде не останавливался до Новосибирска.",
        "За исключением Омска, поезд нигде не останавливался.",
    ],
)
def test_the_exception_to_a_denial_is_a_stop(gazetteer: Gazetteer, text: str) -> None:
    roles = {p.place.name: p.role for p in _parse(text, gazetteer).places}
    assert roles["Omsk"] == Role.VIA


def test_a_case_form_another_country_s_town_bears_is_the_town_of_the_report(
    gazetteer: Gazetteer,
) -> None:
    # "в Кеми" is written as Finland's Kemi is in Russian, and is the prepositional case of
    # Кемь, a smaller town of Karelia: the report's other places are Russian
    text = "Поезд прибыл в Петрозаводск, а затем остановился в Кеми и Кандалакше."
    countries = {p.place.name: p.place.country for p in _parse(text, gazetteer).places}
    assert countries.get("Kem’") == "RU"
    assert "Kemi" not in countries


def test_a_service_s_run_from_and_through_places_is_a_journey(gazetteer: Gazetteer) -> None:
    text = (
        "Губернатор сообщил, что экспресс курсирует между Сортавалой и Питкярантой. Рейсы из "
        "Санкт-Петербурга, которые идут через Лахденпохью, пользовались спросом."
    )
    roles = {p.place.name: p.role for p in _parse(text, gazetteer).places}
    assert roles["Saint Petersburg"] == Role.ORIGIN
    assert roles["Sortavala"] in STOP_ROLES


def test_the_urals_in_russian_are_the_range_not_a_town(gazetteer: Gazetteer) -> None:
    text = "До Урала писатель провёл несколько дней в Новосибирске."
    found = {p.place.id: p.role for p in _parse(text, gazetteer).places}
    assert found.get("ural-mountains") not in (None, *STOP_ROLES)


def test_the_ends_of_a_train_named_by_where_it_runs_take_no_time(gazetteer: Gazetteer) -> None:
    text = (
        "ПЕТРОЗАВОДСК, 14 марта. /Корр. Вайр/. Поезд, следующий из Москвы в Мурманск, в "
        "четверг днём остановился в Петрозаводске. Дальше поезд пойдёт на север — через "
        "Сегежу к Кандалакше."
    )
    report = _report(text, date(2024, 3, 14))
    stops = [s.place.name for s in build([report], gazetteer=gazetteer).route.stops]
    assert stops == ["Moscow", "Petrozavodsk", "Segezha", "Kandalaksha", "Murmansk"]


def test_a_name_as_written_and_as_romanised_lets_the_report_choose(gazetteer: Gazetteer) -> None:
    # "Колу" is Poland's Koło as GeoNames writes it in Cyrillic, and Kola by the
    # romanisation of "Кола"; the report's places are Russian
    text = "Поезд прибыл в Апатиты, а затем через Оленегорск и Колу пришёл в Мурманск."
    countries = {p.place.name: p.place.country for p in _parse(text, gazetteer).places}
    assert countries.get("Kola") == "RU"
    assert "Koło" not in countries


def test_a_region_named_after_a_title_is_still_found(gazetteer: Gazetteer) -> None:
    # "Губернатор Мурманской области": an adjective then a geographic tail names the region,
    # the governor's title makes it no stop
    text = "Губернатор Мурманской области заявил, что регион ждёт туристов."
    found = {p.place.kind: p.role for p in _parse(text, gazetteer).places}
    assert found.get("region") == Role.CONTEXT


def test_an_arrival_told_with_no_place_is_at_the_dateline_city(gazetteer: Gazetteer) -> None:
    text = (
        "ТВЕРЬ, 23 августа. /Корр. Вайр/. Дополнительная «Ласточка» с участниками ярмарки "
        "из Москвы прибыла в субботу в 11:20, сообщили в пресс-службе перевозчика."
    )
    stops = [pid for pid, _ in _stops(_report(text), gazetteer)]
    names = {p.place.id: p.place.name for p in _parse(text, gazetteer).places}
    assert [names[pid] for pid in stops] == ["Moscow", "Tver"]


@pytest.mark.parametrize(
    "told",
    [
        # the way round a place
        "Из-за ремонта путей состав пустили в обход Твери.",
        # a wish that fell through
        "Турнир сначала хотели провести в Твери, но переговоры сорвались.",
    ],
)
def test_a_place_gone_round_or_only_wished_for_is_no_stop(gazetteer: Gazetteer, told: str) -> None:
    text = f"Поезд из Москвы прибыл в Санкт-Петербург в субботу утром. {told}"
    names = {p.place.name: p.role for p in _parse(text, gazetteer).places}
    assert names["Tver"] not in STOP_ROLES


def test_children_told_to_come_back_home_close_the_journey(gazetteer: Gazetteer) -> None:
    text = (
        "Поезд с юными шахматистами из Москвы прибыл в Сочи в субботу утром. "
        "Вернутся в Москву дети 12 сентября тем же поездом."
    )
    parsed = _parse(text, gazetteer)
    names = {p.place.id: p.place.name for p in parsed.places}
    assert [names[pid] for pid, _ in _stops(_report(text), gazetteer)] == [
        "Moscow",
        "Sochi",
        "Moscow",
    ]


def test_a_hotels_name_in_guillemets_is_no_place(gazetteer: Gazetteer) -> None:
    text = "Поезд из Москвы прибыл в Сочи в субботу утром. Жить дети будут в пансионате «Магадан»."
    assert "Magadan" not in {p.place.name for p in _parse(text, gazetteer).places}


def test_a_stop_planned_and_then_cancelled_is_ruled_out(gazetteer: Gazetteer) -> None:
    text = (
        "Поезд из Москвы прибыл в Санкт-Петербург в субботу утром. Поезд должен был сделать "
        "техническую стоянку в Твери, но её отменили, рассказал начальник поезда."
    )
    tver = next(p for p in _parse(text, gazetteer).places if p.place.name == "Tver")
    assert tver.role not in STOP_ROLES


@pytest.mark.parametrize(
    "told",
    [
        "Такие поездки стали возможны после договорённости между Москвой и Пекином.",
        "Переговоры между Москвой и Пекином продолжаются.",
    ],
)
def test_capitals_after_a_noun_of_relations_and_between_are_governments(
    gazetteer: Gazetteer, told: str
) -> None:
    text = f"Туристический поезд прибыл в Иркутск в среду утром. {told}"
    roles = {p.place.name: p.role for p in _parse(text, gazetteer).places}
    assert roles["Moscow"] not in STOP_ROLES and roles["Beijing"] not in STOP_ROLES
    # a train between them is a leg
    leg = "Поезд между Москвой и Пекином прошёл через Иркутск в среду."
    assert {p.place.name: p.role for p in _parse(leg, gazetteer).places}["Beijing"] in STOP_ROLES


@pytest.mark.parametrize(
    "told",
    [
        # an adjective in lower case after a preposition is no town ("northern", not Severny)
        "Состав вышел со станции на северном берегу Байкала во вторник днём.",
        # a distance likened
        "Маршрут длиной примерно как от Парижа до Рима прошёл через Сибирь.",
    ],
)
def test_an_adjective_and_a_distance_likened_are_no_stops(gazetteer: Gazetteer, told: str) -> None:
    text = f"Поезд с ветеранами прибыл в четверг утром в Тынду. {told}"
    stops = {p.place.name for p in _parse(text, gazetteer).places if p.role in STOP_ROLES}
    assert stops == {"Tynda"}


def test_towns_passed_and_a_hard_stem_town_in_another_case_are_found(gazetteer) -> None:
    # "прошёл Кант": a verb of passing governs the name pymorphy3 reads as a surname;
    # "в Токмоке": the nominative of an unknown hard-stem name is its stem
    text = (
        "БАЛЫКЧЫ, 18 июля. Летний поезд из Бишкека пришёл в субботу в Балыкчы. Ещё раньше "
        "он прошёл Кант без остановки и простоял полчаса в Токмоке."
    )
    roles = {p.place.name: p.role for p in _parse(text, gazetteer, date(2026, 7, 18)).places}
    assert roles["Kant"] == Role.VIA
    assert roles["Tokmok"] == Role.VIA


def test_a_gorge_named_by_an_adjective_is_found_in_any_case(gazetteer) -> None:
    text = "Последний час состав медленно шёл по Боомскому ущелью."
    parsed = _parse(text, gazetteer, date(2026, 7, 18))
    assert "Boom Gorge" in {p.place.name for p in parsed.places}
