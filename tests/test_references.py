"""Places referred back to: "this border town" or "here" is the dateline's place; "the
capital", "the Heilongjiang capital", "the launch site" the nearest earlier place of its kind."""

from __future__ import annotations

from datetime import date

import pytest

from routes.model import STOP_ROLES, Role
from routes.read.gazetteer import Gazetteer
from routes.read.geoparse import parse
from routes.read.reports import report_from_text


def _places(text: str, gazetteer: Gazetteer) -> dict[str, tuple[str, list[str]]]:
    report = report_from_text(text, source="Test Wire", published=date(2024, 8, 23), report_id="r")
    return {
        p.place.name: (p.role, [m.text for m in p.mentions])
        for p in parse([report], gazetteer).places
    }


def test_a_reference_to_the_dateline_town_gives_it_the_role_its_words_say(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "PRZEMYŚL, Poland, Aug 23 (Wire) - The night train to Lviv left this border town late "
        "on Thursday, officials said."
    )
    places = _places(text, gazetteer)
    role, texts = places["Przemyśl"]
    assert role == Role.ORIGIN
    assert texts == ["PRZEMYŚL", "this border town"]
    assert places["Lviv"][0] == Role.DESTINATION


def test_a_reference_named_by_its_sea_is_the_dateline_town_and_the_sea_no_place(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "VARNA, Bulgaria, July 2 (Wire) - A holiday train from Sofia reached this Black Sea "
        "port on Tuesday evening, the railway said."
    )
    places = _places(text, gazetteer)
    role, texts = places["Varna"]
    assert role == Role.DESTINATION
    assert texts == ["VARNA", "this Black Sea port"]
    assert "Black Sea" not in places


def test_without_a_dateline_here_refers_to_nothing(gazetteer: Gazetteer) -> None:
    places = _places("The night train to Lviv left here late on Thursday.", gazetteer)
    assert list(places) == ["Lviv"]


def test_the_capital_is_the_capital_named_last_with_the_role_its_words_give(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "The delegation toured a brewery in Graz on Monday and then visited Vienna. "
        "The train left the capital at dawn on Tuesday and reached Budapest by noon."
    )
    places = _places(text, gazetteer)
    assert places["Vienna"] == (Role.ORIGIN, ["Vienna", "the capital"])
    assert places["Graz"][1] == ["Graz"]


def test_a_region_capital_is_the_city_named_last_and_the_region_no_mention(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "Some had expected a stop in Harbin. The train passed the Heilongjiang capital "
        "before dawn without stopping and reached Beijing on Friday."
    )
    places = _places(text, gazetteer)
    assert places["Harbin"] == (Role.VIA, ["Harbin", "the Heilongjiang capital"])
    assert "Heilongjiang" not in places


def test_a_capital_named_by_its_nationality_is_that_country_s_capital(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "Officials met in Beijing and in Pyongyang last week. The envoy left the Chinese "
        "capital for Tianjin on Monday."
    )
    places = _places(text, gazetteer)
    assert places["Beijing"] == (Role.ORIGIN, ["Beijing", "the Chinese capital"])
    assert places["Pyongyang"][1] == ["Pyongyang"]


def test_a_launch_site_is_the_facility_named_last(gazetteer: Gazetteer) -> None:
    text = (
        "The envoy was due at the Vostochny Cosmodrome this week. He drove to the launch "
        "site on Tuesday morning, officials said."
    )
    role, texts = _places(text, gazetteer)["Vostochny Cosmodrome"]
    assert role == Role.DESTINATION
    assert texts[-1] == "the launch site"


def test_a_description_with_its_own_name_or_beside_a_name_refers_to_nothing(
    gazetteer: Gazetteer,
) -> None:
    told = _places("The envoy visited Debrecen. He left the town by car at noon.", gazetteer)
    assert told["Debrecen"][1] == ["Debrecen", "the town"]
    named = _places("The envoy visited Szeged. He then left for the town of Debrecen.", gazetteer)
    assert named["Szeged"][1] == ["Szeged"]
    beside = _places(
        "The envoy later went on to Debrecen, the regional capital, by car.", gazetteer
    )
    assert beside["Debrecen"][1] == ["Debrecen"]


def test_a_capital_that_speaks_quoted_or_without_one_earlier_refers_to_nothing(
    gazetteer: Gazetteer,
) -> None:
    told = _places("The envoy met ministers in Vienna. He left the capital by train.", gazetteer)
    assert told["Vienna"][1] == ["Vienna", "the capital"]
    spoken = _places(
        "The envoy met ministers in Vienna. The capital said talks went well.", gazetteer
    )
    assert spoken["Vienna"][1] == ["Vienna"]
    quoted = _places(
        'Officials met in Vienna. "We will leave the capital tonight," a guide in Graz said.',
        gazetteer,
    )
    assert quoted["Vienna"][1] == ["Vienna"]
    assert (
        _places("The envoy drove from the station to the launch site on Monday.", gazetteer) == {}
    )


def test_two_capitals_named_together_leave_the_capital_unresolved(gazetteer: Gazetteer) -> None:
    one = _places(
        "The envoy flew to Vienna on Monday. The train left the capital on Tuesday.", gazetteer
    )
    assert one["Vienna"][1] == ["Vienna", "the capital"]
    text = (
        "The envoy flew from Vienna to Budapest on Monday. The train left the capital on Tuesday."
    )
    places = _places(text, gazetteer)
    assert places["Vienna"][1] == ["Vienna"]
    assert places["Budapest"][1] == ["Budapest"]


def test_the_city_does_not_refer_to_the_dateline_place(gazetteer: Gazetteer) -> None:
    body = _places("The night train passed Graz and left the town late.", gazetteer)
    assert body["Graz"][1] == ["Graz", "the town"]
    text = "GRAZ, Austria, May 2 (Wire) - The night train to Vienna left the city late on Monday."
    assert _places(text, gazetteer)["Graz"][1] == ["GRAZ"]


def test_the_arrival_a_sentence_opens_with_is_no_new_mention(gazetteer: Gazetteer) -> None:
    told = _places("The envoy reached Debrecen at noon. He left the town at dusk.", gazetteer)
    assert told["Debrecen"][1] == ["Debrecen", "the town"]
    text = "The envoy reached Debrecen at noon. Before reaching the town he toured Szolnok."
    assert _places(text, gazetteer)["Debrecen"][1] == ["Debrecen"]


def test_the_border_town_may_be_a_crossing_named_last(gazetteer: Gazetteer) -> None:
    text = (
        "The delegation crossed into Russia at Khasan on Monday. "
        "The train left the border town after dark."
    )
    assert _places(text, gazetteer)["Khasan"][1] == ["Khasan", "the border town"]
    town = _places("The train reached Khasan. It left the town at dusk.", gazetteer)
    assert town["Khasan"][1] == ["Khasan"]


def test_the_bridge_is_the_bridge_named_last_and_crossing_it_a_border(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "Crowds waited near the Sino-Korean Friendship Bridge on Monday. "
        "The train crossed the bridge at noon, a guard said."
    )
    role, texts = _places(text, gazetteer)["Sino-Korean Friendship Bridge"]
    assert role == Role.BORDER
    assert texts[-1] == "the bridge"


def test_the_station_is_none_once_a_town_is_named_after_the_last_station(
    gazetteer: Gazetteer,
) -> None:
    told = "The train pulled into Beijing railway station at dawn. Police cleared the station."
    assert _places(told, gazetteer)["Beijing railway station"][1] == [
        "Beijing railway station",
        "the station",
    ]
    text = (
        "The train pulled into Beijing railway station at dawn. The envoy later drove to "
        "Tianjin. Police cleared the station before noon."
    )
    assert _places(text, gazetteer)["Beijing railway station"][1] == ["Beijing railway station"]


def test_a_reference_to_the_dateline_town_may_carry_a_nationality(gazetteer: Gazetteer) -> None:
    text = (
        "BREST, Belarus, Aug 23 (Wire) - The express from Warsaw crossed the Bug into this "
        "Belarusian border town early on Friday, railway staff said."
    )
    role, texts = _places(text, gazetteer)["Brest"]
    assert texts == ["BREST", "this Belarusian border town"]
    assert role in STOP_ROLES


def test_here_refers_to_a_dateline_town_only_geonames_knows(gazetteer: Gazetteer) -> None:
    text = (
        "TAYSHET, Russia, July 4 (Wire) - The tourist train left here shortly after dawn on "
        "Tuesday for Irkutsk, railway staff said."
    )
    role, texts = _places(text, gazetteer)["Tayshet"]
    assert texts == ["TAYSHET", "here"]
    assert role == Role.ORIGIN


def test_a_country_s_capital_described_by_its_demonym_names_that_capital_outright(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "The prime minister flew from the Indian capital to Warsaw on Wednesday and reached "
        "the Ukrainian capital by night train on Friday."
    )
    places = _places(text, gazetteer)
    assert places["New Delhi"] == (Role.ORIGIN, ["the Indian capital"])
    assert places["Kyiv"][0] in STOP_ROLES


def test_a_capital_described_by_its_demonym_that_speaks_is_no_stop(gazetteer: Gazetteer) -> None:
    text = "The express reached Erenhot at dusk. Ties with the Mongolian capital were warm."
    places = _places(text, gazetteer)
    assert places.get("Ulan Bator", (Role.ACTOR,))[0] not in STOP_ROLES


@pytest.mark.parametrize(
    ("text", "language", "role"),
    [
        ("The night train reached the capital of Kazakhstan on Sunday.", "en", Role.DESTINATION),
        ("Поезд отправился из столицы Казахстана в Омск.", "ru", Role.ORIGIN),
        ("열차는 카자흐스탄의 수도에 도착했다.", "ko", Role.DESTINATION),
    ],
)
def test_a_country_named_for_its_capital_gives_the_capital_the_role_of_its_words(
    gazetteer: Gazetteer, text: str, language: str, role: str
) -> None:
    report = report_from_text(
        text, source="Test Wire", published=date(2024, 8, 23), report_id="c", language=language
    )
    roles = {p.place.name: p.role for p in parse([report], gazetteer).places}
    assert roles["Astana"] == role
    assert roles["Kazakhstan"] == Role.CONTEXT  # the country stays named


def test_the_capital_region_is_no_capital(gazetteer: Gazetteer) -> None:
    report = report_from_text(
        "열차는 카자흐스탄 수도권을 지났다.", source="Test Wire", published=date(2024, 8, 23),
        report_id="k", language="ko",
    )  # fmt: skip
    assert "Astana" not in {p.place.name for p in parse([report], gazetteer).places}


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("and he toured the aircraft factory there, officials said.", "aircraft factory"),
        ("and spent three hours at an aviation plant.", "aviation plant"),
    ],
)
def test_a_facility_told_by_its_kind_is_the_facility_of_the_town_named_before_it(
    gazetteer: Gazetteer, sentence: str, words: str
) -> None:
    text = f"The defence minister's train pulled into Novosibirsk on Tuesday morning {sentence}"
    role, texts = _places(text, gazetteer)["Novosibirsk Aviation Plant"]
    assert role in STOP_ROLES
    assert texts == [words]


def test_a_facility_told_by_its_kind_with_none_near_its_town_is_no_mention(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "The defence minister's train pulled into Omsk on Tuesday and he toured the aircraft plant."
    )
    assert set(_places(text, gazetteer)) == {"Omsk"}


def test_a_facility_told_by_its_kind_and_named_after_someone_is_no_mention(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "The defence minister's train pulled into Novosibirsk on Tuesday and he toured the "
        "aircraft factory named after Valery Chkalov."
    )
    assert "Novosibirsk Aviation Plant" not in _places(text, gazetteer)


@pytest.mark.parametrize(
    "text",
    [
        "SIENA, Italy, May 4 (Wire) - The president arrived here by train on Thursday.",
        "SIENA, Italy, May 4 (Wire) - The special train pulled in here on Thursday.",
        "SIENA, Italy, May 4 (Wire) - The president's train reached this central Italian "
        "city on Thursday.",
    ],
)
def test_the_dateline_s_place_arrived_at_by_reference_is_the_destination(
    gazetteer: Gazetteer, text: str
) -> None:
    # "arrived here", "this central Italian city": the dateline's town is where the train came
    role, texts = _places(text, gazetteer)["Siena"]
    assert role == Role.DESTINATION
    assert len(texts) == 2
