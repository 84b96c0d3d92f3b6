"""Which places a report's words find: names with lower-case or geographic words inside,
city-states, namesakes by their own name, Russian adjective endings in transliteration."""

from __future__ import annotations

from datetime import date

import pytest

from routes.model import STOP_ROLES, Kind, Parsed, Role
from routes.read.gazetteer import Gazetteer, spelling_variants
from routes.read.geoparse import parse
from routes.read.reports import report_from_text


def _parse(text: str, gazetteer: Gazetteer) -> Parsed:
    report = report_from_text(text, source="Test Wire", published=date(2024, 5, 2), report_id="f")
    return parse([report], gazetteer)


def _found(text: str, gazetteer: Gazetteer) -> dict[str, str]:
    """Place id → the words that named it."""
    parsed = _parse(text, gazetteer)
    return {p.place.id: p.mentions[0].text for p in parsed.places}


def test_a_curated_name_with_lower_case_words_inside_is_found_whole(gazetteer: Gazetteer) -> None:
    found = _found("Engineers at the Bureya hydro-power station met the delegation.", gazetteer)
    assert found.get("bureya-hps") == "Bureya hydro-power station"
    assert "bureya" not in found  # the town is not read out of the plant's name


@pytest.mark.parametrize(
    ("text", "town"),
    [
        (
            "Staff at Harbin West station said the special train passed through before dawn.",
            "Harbin",
        ),
        ("The special train pulled out of Changchun South railway station at dawn.", "Changchun"),
    ],
)
def test_a_compass_point_before_a_station_word_is_the_town_s_station(
    gazetteer: Gazetteer, text: str, town: str
) -> None:
    parsed = _parse(text, gazetteer)
    assert [p.place.name for p in parsed.places] == [town]
    assert parsed.places[0].role in STOP_ROLES


def test_a_compass_point_before_a_name_is_still_part_of_the_name(gazetteer: Gazetteer) -> None:
    found = _found("Officials at Dandong station said North Korea had asked for quiet.", gazetteer)
    assert set(found) >= {"dandong", "north-korea"}


def test_a_curated_name_that_starts_with_a_geographic_word_is_found(gazetteer: Gazetteer) -> None:
    found = _found("Passengers photographed Lake Baikal from the dining car.", gazetteer)
    assert found.get("lake-baikal") == "Lake Baikal"


def test_a_curated_name_with_the_inside_is_found_in_any_case(gazetteer: Gazetteer) -> None:
    found = _found(
        "the banquet was held in the great hall of the people, state media said.", gazetteer
    )
    assert "great-hall-of-the-people" in found


def test_a_word_listed_as_no_place_stays_none_even_as_a_curated_phrase(
    gazetteer: Gazetteer,
) -> None:
    found = _found("Tension on the Korean peninsula rose again this week.", gazetteer)
    assert "korean-peninsula" not in found


def test_a_city_state_is_the_city_not_the_country(gazetteer: Gazetteer) -> None:
    parsed = _parse("The minister flew to Singapore on Friday for a security forum.", gazetteer)
    kinds = {p.place.name: p.place.kind for p in parsed.places}
    assert kinds.get("Singapore") == Kind.CITY


def test_a_country_that_is_not_one_city_stays_the_country(gazetteer: Gazetteer) -> None:
    parsed = _parse("Officials in Mexico welcomed the delegation on Friday.", gazetteer)
    kinds = {p.place.name: p.place.kind for p in parsed.places}
    assert kinds.get("Mexico") == Kind.COUNTRY


def test_of_two_small_namesakes_the_one_called_so_wins_over_an_alias(
    gazetteer: Gazetteer,
) -> None:
    text = "After Irkutsk the group drove to Listvyanka for a boat trip."
    parsed = _parse(text, gazetteer)
    place = next(p.place for p in parsed.places if p.mentions[0].text == "Listvyanka")
    assert place.name == "Listvyanka"
    assert place.lon > 100  # on Lake Baikal, not the Listvyanskiy near Novosibirsk


def test_a_short_russian_adjective_ending_finds_the_long_geonames_spelling(
    gazetteer: Gazetteer,
) -> None:
    assert spelling_variants("novobureysky") == ("novobureyskiy",)
    assert spelling_variants("sosnovy bor") == ("sosnovyy bor",)
    assert spelling_variants("nizhny bestyakh") == ("nizhnyy bestyakh", "nizhniy bestyakh")
    assert spelling_variants("kyiv") == ()
    found = _found("The convoy stopped in Novobureysky, in the Amur region of Russia.", gazetteer)
    assert "Novobureysky" in found.values()


def test_new_curated_places_resolve_by_their_report_wordings(gazetteer: Gazetteer) -> None:
    text = (
        "The express left Yaroslavsky station, crossed the Urals and the Ob River, and "
        "later passed through Zamyn-Üüd into Mongolia's Gobi."
    )
    found = _found(text, gazetteer)
    for place_id in ("moscow-yaroslavsky", "ural-mountains", "ob-river", "zamyn-uud", "gobi"):
        assert place_id in found, place_id


def _roles(text: str, gazetteer: Gazetteer) -> dict[str, str]:
    """Place name → the role its mentions add up to."""
    return {p.place.name: p.role for p in _parse(text, gazetteer).places}


def test_a_place_before_a_title_is_no_visit(gazetteer: Gazetteer) -> None:
    roles = _roles("An aide to the Irkutsk governor met the train on Tuesday.", gazetteer)
    assert roles.get("Irkutsk") == Role.CONTEXT


def test_a_place_in_a_comparison_is_beside_the_journey(gazetteer: Gazetteer) -> None:
    text = (
        "The train ran on to Kazan, which lies farther from Vladivostok than Lisbon is from Moscow."
    )
    roles = _roles(text, gazetteer)
    assert roles.get("Kazan") in STOP_ROLES
    assert roles.get("Vladivostok") == Role.CONTEXT


def test_rather_than_rules_out_only_what_follows_it(gazetteer: Gazetteer) -> None:
    text = "The delegation took the night train to Lviv rather than a flight to Warsaw."
    roles = _roles(text, gazetteer)
    assert roles.get("Lviv") in STOP_ROLES
    assert roles.get("Warsaw") == Role.RULED_OUT


def test_a_move_that_did_not_happen_still_starts_where_the_traveller_is(
    gazetteer: Gazetteer,
) -> None:
    text = "Rumours that the envoy would fly on from Harbin to Seoul proved unfounded."
    roles = _roles(text, gazetteer)
    assert roles.get("Harbin") == Role.ORIGIN
    assert roles.get("Seoul") == Role.RULED_OUT


def test_a_stay_stuck_train_or_border_check_makes_a_stop(gazetteer: Gazetteer) -> None:
    roles = _roles(
        "The group spent two days on Olkhon Island. On the way back the express was stranded "
        "for a night outside Irkutsk, and customs checks at Zamyn-Üüd took three hours.",
        gazetteer,
    )
    assert roles.get("Olkhon Island") in STOP_ROLES
    assert roles.get("Irkutsk") in STOP_ROLES
    assert roles.get("Zamyn-Üüd") == Role.BORDER


def test_a_landmark_named_after_a_person_is_not_the_city_of_that_name(
    gazetteer: Gazetteer,
) -> None:
    parsed = _parse("She laid flowers at the mausoleum of Ho Chi Minh on Monday.", gazetteer)
    assert parsed.places == ()


def test_a_year_before_an_event_word_or_last_year_tells_history(gazetteer: Gazetteer) -> None:
    text = (
        "The envoy recalled a 2015 tour that took him to Irkutsk. "
        "He had first visited Omsk last year."
    )
    roles = _roles(text, gazetteer)
    assert roles.get("Irkutsk") == Role.HISTORICAL
    assert roles.get("Omsk") == Role.HISTORICAL


def test_since_last_year_is_no_history(gazetteer: Gazetteer) -> None:
    roles = _roles("The express has travelled daily to Harbin since last year.", gazetteer)
    assert roles.get("Harbin") in STOP_ROLES


def test_a_far_namesake_with_several_readings_is_dropped_like_one_with_one(
    gazetteer: Gazetteer,
) -> None:
    text = "Kim Jong Il arrived in Khabarovsk and later toured the Hermitage with his hosts."
    names = {p.place.name for p in _parse(text, gazetteer).places}
    assert "Hermitage" not in names  # towns of that name lie in the US and Britain only


def test_a_train_that_would_not_be_diverted_is_ruled_out(gazetteer: Gazetteer) -> None:
    text = "Officials in Mongolia said the train would not be diverted through Choir."
    roles = {p.mentions[0].text: p.role for p in _parse(text, gazetteer).places}
    assert roles.get("Choir") == Role.RULED_OUT


def test_a_common_word_opening_the_sentence_does_not_hide_the_name_after_it(
    gazetteer: Gazetteer,
) -> None:
    text = "The express left Moscow on Monday. Since Novosibirsk it has run two hours late."
    roles = _roles(text, gazetteer)
    assert roles.get("Novosibirsk") in STOP_ROLES


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Leaving Hanoi before dawn, the train ran north to the border.", "Hanoi"),
        ("Reaching Kazan at noon, the express halted for an hour.", "Kazan"),
        ("The delegation slept aboard. Passing Omsk at dawn, the train kept going.", "Omsk"),
    ],
)
def test_a_participle_opening_the_sentence_does_not_hide_the_name_after_it(
    gazetteer: Gazetteer, text: str, place: str
) -> None:
    assert _roles(text, gazetteer).get(place) in STOP_ROLES


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("The train crossed Sichuan province overnight and pulled into Chengdu.", "sichuan"),
        ("Snow slowed the express across Dornogovi aimag before Ulaanbaatar.", "dornogovi"),
        ("Police closed crossings in North Pyongan Province as the train passed.", "north-pyongan"),
        ("열차는 함경남도를 지나 북쪽으로 향했다.", "south-hamgyong"),
        ("Поезд прошёл через Татарстан и прибыл в Казань.", "tatarstan"),
    ],
)
def test_a_province_named_after_no_city_is_found_as_the_region(
    gazetteer: Gazetteer, text: str, region: str
) -> None:
    assert region in _found(text, gazetteer)


def _regions(text: str, gazetteer: Gazetteer) -> dict[str, str]:
    """Region name → its country, for the regions a report's words find."""
    found = _parse(text, gazetteer).places
    return {p.place.name: p.place.country for p in found if p.place.kind == Kind.REGION}


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("The Glacier Express left Zermatt and crossed Graubünden to St. Moritz.", "CH"),
        ("The Ghan crossed into the Northern Territory on Monday before Darwin.", "AU"),
        ("Snow closed the line through Tyrol to Innsbruck, the railway said.", "AT"),
        ("The train slowed through Sverdlovsk Oblast before Yekaterinburg.", "RU"),
        ("열차는 경기도를 지나 서울역에 도착했다.", "KR"),
        ("Поезд прошёл через Свердловскую область и прибыл в Екатеринбург.", "RU"),
    ],
)
def test_a_first_level_subdivision_anywhere_is_found_as_its_region(
    gazetteer: Gazetteer, text: str, country: str
) -> None:
    assert country in _regions(text, gazetteer).values()


def test_a_town_beside_its_country_is_not_outweighed_by_a_foreign_region_of_its_name(
    gazetteer: Gazetteer,
) -> None:
    text = "LORETO, Italy, Oct 4 (Wire) - The pope arrived here by train from Rome on Thursday."
    places = {(p.place.name, p.place.kind, p.place.country) for p in _parse(text, gazetteer).places}
    assert ("Loreto", Kind.TOWN, "IT") in places  # not Peru's Loreto region
    assert not [p for p in places if p[2] == "PE"]


def test_a_region_named_in_common_words_only_is_no_region(gazetteer: Gazetteer) -> None:
    text = "The train ran through Central and North-West districts before it reached Gaborone."
    assert _regions(text, gazetteer) == {}


def test_a_curated_university_campus_is_a_place(gazetteer: Gazetteer) -> None:
    found = _found("Talks were held at the Far Eastern Federal University on Thursday.", gazetteer)
    assert "fefu" in found


def test_a_big_city_is_not_swapped_for_a_small_namesake_in_a_named_country(
    gazetteer: Gazetteer,
) -> None:
    text = "Officials in Washington were cautious, while Moscow welcomed the talks."
    places = {p.place.name: p.place.country for p in _parse(text, gazetteer).places}
    assert places.get("Moscow") == "RU"  # not Moscow, Idaho, though the US is named


def test_a_lone_first_name_after_a_preposition_of_place_is_the_town(
    gazetteer: Gazetteer,
) -> None:
    text = "The Rossiya left Moscow at midnight and ran through Vladimir, where it paused."
    roles = _roles(text, gazetteer)
    assert roles.get("Vladimir") in STOP_ROLES
    assert "Vladimir" not in _roles("Talks with Vladimir Putin ran late.", gazetteer)


def _russian_roles(text: str, gazetteer: Gazetteer) -> dict[str, str]:
    report = report_from_text(text, source="Test", published=date(2024, 5, 2), report_id="r")
    return {p.place.name: p.role for p in parse([report], gazetteer).places}


def test_a_russian_capital_beside_a_subjectless_speech_verb_is_its_government(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "Делегация прибыла в Хабаровск на поезде. В Токио и Сеуле заявили, что следят за "
        "визитом. Как подчеркнули в Пекине, визит важен."
    )
    roles = _russian_roles(text, gazetteer)
    assert roles.get("Khabarovsk") in STOP_ROLES
    assert roles.get("Tokyo") == Role.ACTOR
    assert roles.get("Seoul") == Role.ACTOR
    assert roles.get("Beijing") == Role.ACTOR


def test_a_russian_attribution_after_a_comma_leaves_the_stop_a_stop(
    gazetteer: Gazetteer,
) -> None:
    roles = _russian_roles("Поезд прибыл в Москву в среду, заявили в РЖД.", gazetteer)
    assert roles.get("Moscow") in STOP_ROLES


def test_a_curated_city_written_in_lower_case_after_a_preposition_is_found(
    gazetteer: Gazetteer,
) -> None:
    text = "The Prime Minister returned to Warsaw on Friday after a short trip to kyiv by rail."
    roles = _roles(text, gazetteer)
    assert roles.get("Kyiv") in STOP_ROLES
    assert _roles(
        "The delegates went back to their soul-searching in Warsaw.", gazetteer
    ).keys() <= {"Warsaw"}


#: Lower-case writing, read with every word capitalised: a person's name ("Sergei Is Now
#: Being Driven Into Kazan") or a title ("The President Will Travel On To Kazan") starts a
#: run that must not swallow the place after it.
LOWER_CASE_RUNS = {
    "name": (
        "live updates. 09:20 - the train has been standing at the platform for an hour. "
        "11:05 - sergei is now being driven into kazan, the local channel says."
    ),
    "title": (
        "posted at 10:00. the president will travel on to kazan by train on monday, "
        "an aide said. the delegation is small."
    ),
}


@pytest.mark.parametrize("text", LOWER_CASE_RUNS.values(), ids=LOWER_CASE_RUNS)
def test_in_lower_case_writing_a_name_or_title_does_not_swallow_the_place_after_it(
    text: str, gazetteer: Gazetteer
) -> None:
    kazan = [p for p in _parse(text, gazetteer).places if p.place.name == "Kazan"]
    assert kazan and kazan[0].mentions[0].text == "kazan"
    assert kazan[0].role == Role.DESTINATION


def test_a_title_and_the_name_after_it_are_no_place(gazetteer: Gazetteer) -> None:
    assert not _found("President Vladimir Putin Spoke.", gazetteer)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The train left Rome and stopped at Santa Maria degli Angeli, in Italy.",
            "Santa Maria degli Angeli",
        ),
        ("In France the train passed Aix-en-Provence at noon.", "Aix-en-Provence"),
        ("The Czech train passed Ústí nad Labem on its way to Dresden.", "Ústí nad Labem"),
    ],
)
def test_a_name_joined_by_a_small_word_of_its_language_is_found_whole(
    gazetteer: Gazetteer, text: str, name: str
) -> None:
    assert name in _found(text, gazetteer).values()


def test_a_city_state_named_as_its_country_is_its_city(gazetteer: Gazetteer) -> None:
    # GeoNames names the country "Vatican" and its one city "Vatican City"
    parsed = _parse("The pope's special train left the Vatican at dawn.", gazetteer)
    kinds = {p.place.name: (p.place.kind, p.role) for p in parsed.places}
    assert kinds == {"Vatican City": (Kind.TOWN, Role.ORIGIN)}


def test_a_small_capital_is_found_as_its_country_is(gazetteer: Gazetteer) -> None:
    # a few hundred people: any other town so small and so far off would be dropped
    assert (
        "Vatican City" in _found("The pope's train left Vatican City at dawn.", gazetteer).values()
    )
    # another name of a capital is not the capital's own name ("Victoria" for Hong Kong)
    assert _found("Victoria is where the train began.", gazetteer) == {}


@pytest.mark.parametrize(
    "text",
    [
        "He was shown the launch complex for the Angara rocket.",
        "Officials showed him a Kursk-class submarine in the port.",
    ],
)
def test_a_craft_named_after_a_place_is_not_the_place(gazetteer: Gazetteer, text: str) -> None:
    assert _found(text, gazetteer) == {}


def test_a_small_namesake_in_the_country_the_report_names_beats_a_bigger_one_abroad(
    gazetteer: Gazetteer,
) -> None:
    # GeoNames' Loreto in Mexico has three times the people of the Italian one
    parsed = _parse("The pope went by train to Loreto and on to Assisi in Italy.", gazetteer)
    loreto = next(p.place for p in parsed.places if p.place.name == "Loreto")
    assert loreto.country == "IT"


def test_a_capital_the_train_entered_is_a_stop_not_its_government(gazetteer: Gazetteer) -> None:
    roles = _roles("The express entered Ulaanbaatar shortly after noon on Thursday.", gazetteer)
    assert roles.get("Ulan Bator") in STOP_ROLES


def test_a_place_a_town_lies_on_the_road_to_is_beside_the_journey(gazetteer: Gazetteer) -> None:
    text = "The train halted at Datong. The city lies on the main line to Erenhot."
    roles = _roles(text, gazetteer)
    assert roles.get("Datong") in STOP_ROLES
    assert roles.get("Erenhot") == Role.CONTEXT


def test_the_towns_a_train_is_calling_at_are_stops(gazetteer: Gazetteer) -> None:
    roles = _roles("The Rossiya left on time, calling at Perm, Tyumen and Omsk.", gazetteer)
    assert [roles.get(name) for name in ("Perm", "Tyumen", "Omsk")] == [Role.VIA] * 3


def test_a_nationality_word_points_at_its_country_for_small_towns(gazetteer: Gazetteer) -> None:
    roles = _roles("The Swiss train left Zermatt on Monday and reached Davos.", gazetteer)
    assert roles.get("Zermatt") == Role.ORIGIN and roles.get("Davos") == Role.DESTINATION


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The motorcade was seen in Tianjin on Wednesday before the train left.", "Tianjin"),
        ("After three days in Irkutsk, the envoy boarded the train for Moscow.", "Irkutsk"),
    ],
)
def test_a_place_the_traveller_was_seen_in_or_spent_days_in_is_a_stop(
    gazetteer: Gazetteer, text: str, place: str
) -> None:
    assert _roles(text, gazetteer).get(place) in STOP_ROLES


def test_a_place_where_the_train_is_due_is_its_destination(gazetteer: Gazetteer) -> None:
    text = "Police sealed off the square in Omsk, where the train is due on Friday morning."
    assert _roles(text, gazetteer).get("Omsk") == Role.DESTINATION


def test_a_town_of_one_reading_far_from_the_rest_of_a_long_journey_is_kept(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "VLADIVOSTOK, Russia (Wire) - The writer flew from Anchorage to Magadan and then on "
        "to Vladivostok, officials said."
    )
    assert "Magadan" in {p.place.name for p in _parse(text, gazetteer).places}


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("The Glacier Express crossed the Oberalp Pass before Disentis.", "oberalp-pass"),
        ("The sleeper ran over the Landwasser Viaduct at dawn.", "landwasser-viaduct"),
        ("The train ran through the Gotthard Base Tunnel to Lugano.", "gotthard-base-tunnel"),
        ("The Ghan's sister train crossed the Nullarbor overnight.", "nullarbor-plain"),
        ("Поезд пересёк Альпы и прибыл в Милан.", "alps"),
        ("열차는 알프스산맥을 넘어 밀라노에 도착했다.", "alps"),
    ],
)
def test_a_pass_a_tunnel_a_viaduct_or_a_range_a_line_crosses_is_found(
    gazetteer: Gazetteer, text: str, feature: str
) -> None:
    assert feature in _found(text, gazetteer)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            'The train left Paris on Friday with a dining car nicknamed "L\'Oriental".',
            "L'Oriental",
        ),
        ('The train left Kazan. Its locomotive, dubbed "Moskva" by the crew, is old.', "Moscow"),
        ("The train left Brest on Monday pulled by a locomotive named Minsk.", "Minsk"),
    ],
)
def test_a_name_given_to_a_carriage_or_a_locomotive_is_no_place(
    gazetteer: Gazetteer, text: str, name: str
) -> None:
    assert name not in {p.place.name for p in _parse(text, gazetteer).places}


def test_a_place_called_by_its_name_is_still_a_place(gazetteer: Gazetteer) -> None:
    text = "The train stopped at a village called Dubki before it reached Kazan."
    assert "Dubki" in {p.place.name for p in _parse(text, gazetteer).places}


@pytest.mark.parametrize(
    "text",
    [
        "VIA Rail's Canadian left Toronto's Union Station on Wednesday morning.",
        "VIA Rail's Canadian left Toronto Union Station on Wednesday morning.",
    ],
)
def test_a_town_s_named_station_is_the_town(gazetteer: Gazetteer, text: str) -> None:
    assert {p.place.name for p in _parse(text, gazetteer).places} == {"Toronto"}


def test_a_curated_name_far_from_every_place_of_the_report_is_none_of_them(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "The Eastern and Oriental Express left Singapore on Monday for Bangkok. Passengers "
        "can take a connection to the Thai-Lao Friendship Bridge at Nong Khai."
    )
    found = {p.place.name for p in _parse(text, gazetteer).places}
    assert not {"Sino-Korean Friendship Bridge", "Korea–Russia Friendship Bridge"} & found
    near = "Kim's train crossed the Friendship Bridge from Sinuiju into Dandong on Monday."
    assert "Sino-Korean Friendship Bridge" in {p.place.name for p in _parse(near, gazetteer).places}


def test_the_largest_reading_in_context_stands_at_the_far_end_of_a_long_journey(
    gazetteer: Gazetteer,
) -> None:
    # 3,300 km from Toronto, as far as the namesake in Washington state: the Canadian city
    text = "The Canadian left Toronto on Wednesday for Vancouver, four nights away."
    places = {p.place.name: p.place.country for p in _parse(text, gazetteer).places}
    assert places.get("Vancouver") == "CA"


@pytest.mark.parametrize(
    ("text", "pass_id", "role"),
    [
        ("The train climbed over the Oberalp Pass and reached Disentis.", "oberalp-pass", Role.VIA),
        (
            "The train crossed the Oberalp Pass at noon and reached Disentis.",
            "oberalp-pass",
            Role.VIA,
        ),
        ("After Golmud the train climbed past the Kunlun Pass at night.", "kunlun-pass", Role.VIA),
        # a pass on a border (no country) crossed is where the border was crossed
        (
            "The train crossed the Brenner Pass into Italy and reached Verona.",
            "brenner-pass",
            Role.BORDER,
        ),
    ],
)
def test_a_pass_the_train_crosses_is_a_point_it_passes(
    gazetteer: Gazetteer, text: str, pass_id: str, role: str
) -> None:
    parsed = _parse(text, gazetteer)
    place = next(p for p in parsed.places if p.place.id == pass_id)
    assert place.place.kind == Kind.PASS
    assert place.role == role


def test_a_pass_only_compared_is_no_stop(gazetteer: Gazetteer) -> None:
    text = "The train reached Verona. The Brenner Pass is far lower than the Simplon Pass."
    roles = {p.place.id: p.role for p in _parse(text, gazetteer).places}
    assert roles.get("simplon-pass") not in STOP_ROLES


def test_a_place_before_was_near_is_not_told_as_lying_beside_the_next(
    gazetteer: Gazetteer,
) -> None:
    # "the train to X was near Y" says where the train was, not that X lies near Y: X is
    # still the city of that name, however far from Y
    found = _found("The train to Irkutsk was near Omsk on Tuesday night.", gazetteer)
    assert {"Irkutsk", "Omsk"} <= set(found.values())


@pytest.mark.parametrize(
    ("text", "towns"),
    [
        ("The night train left Oslo for Bergen, calling at Gol and Geilo.", {"Gol", "Geilo"}),
        ("The train from Cusco stopped at Urcos and Sicuani before reaching Puno.", {"Sicuani"}),
        ("The train left Zermatt for Chur. It called at Brig and Andermatt.", {"Andermatt"}),
    ],
)
def test_a_small_town_on_the_line_in_the_country_of_the_stops_is_found(
    gazetteer: Gazetteer, text: str, towns: set[str]
) -> None:
    # small towns are taken only where the report points: here the named stops of their own
    # country, a line's length away (more than the 50 km of the small town across a border)
    assert towns <= set(_found(text, gazetteer).values())


def test_small_towns_of_one_line_point_at_their_country_together(gazetteer: Gazetteer) -> None:
    # three small towns of British Columbia and no city of Canada: their namesakes in the
    # United States are larger, but the towns lie together, so Canada is the country meant
    parsed = _parse(
        "The train left Jasper for Smithers, calling at McBride and Burns Lake.", gazetteer
    )
    countries = {p.place.name: p.place.country for p in parsed.places}
    assert countries.get("Jasper") == "CA"
    assert {"Smithers", "McBride"} <= set(countries)


def test_a_namesake_far_from_the_others_points_at_no_country(gazetteer: Gazetteer) -> None:
    # two names only, one of them a name towns share the world over: no country by chance
    text = "The pope went back across Umbria to Assisi, to pray at the tomb of St Francis."
    assert all(p.place.country != "US" for p in _parse(text, gazetteer).places)


@pytest.mark.parametrize(
    ("text", "place", "found"),
    [
        ("The train left Vancouver for Prince Rupert on Monday.", "Prince Rupert", True),
        ("The train left Vancouver for Prince George on Monday.", "Prince George", True),
        ("The minister met Prince George in London on Monday.", "Prince George", False),
    ],
)
def test_a_place_named_with_a_title_is_the_place_after_a_word_of_place(
    gazetteer: Gazetteer, text: str, place: str, found: bool
) -> None:
    assert (place in {p.place.name for p in _parse(text, gazetteer).places}) is found


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # the city bearing the name as its own, not a larger one GeoNames also calls so
        ("The luxury train left Calais for Venice on Thursday.", "Venice", "IT"),
        # a former name of a far larger city stays that city's
        ("The delegation flew from Delhi to Bombay on Friday.", "Mumbai", "IN"),
    ],
)
def test_a_name_is_first_the_town_that_bears_it_as_its_own(
    gazetteer: Gazetteer, text: str, name: str, country: str
) -> None:
    places = {p.place.name: p.place.country for p in _parse(text, gazetteer).places}
    assert places.get(name) == country


def test_words_of_the_railway_that_towns_bear_are_no_places(gazetteer: Gazetteer) -> None:
    text = "The Orient-Express left Calais with its Pullman carriages for Venice on Thursday."
    names = {p.place.name for p in _parse(text, gazetteer).places}
    assert names == {"Calais", "Venice"}


def test_a_feature_the_gazetteer_lacks_is_not_the_town_its_name_holds(
    gazetteer: Gazetteer,
) -> None:
    # "Lake Onega" is the lake: the town of Onega lies on another shore of Russia
    found = _found("The train stopped at Petrozavodsk near the shore of Lake Onega.", gazetteer)
    assert "Onega" not in found.values()
    # a feature the gazetteer knows whole is still found whole
    assert (
        "Lake Baikal" in _found("The train ran along Lake Baikal to Irkutsk.", gazetteer).values()
    )


@pytest.mark.parametrize(
    ("text", "town"),
    [
        (
            "CUSCO, Peru (Wire) - The sleeper left Cusco for Puno and climbed to La Raya "
            "pass, at 4,319 metres.",
            "La Raya",
        ),
        ("The sleeper left Cusco for Puno on Wednesday past the La Raya gorge.", "La Raya"),
        (
            "The train left Kamloops for Jasper, Alberta, and ran up the Thompson canyon.",
            "Thompson",
        ),
    ],
)
def test_a_name_closed_by_a_feature_word_is_not_the_town_of_that_name(
    gazetteer: Gazetteer, text: str, town: str
) -> None:
    found = _found(text, gazetteer)
    assert town not in found.values()
    assert len(found) >= 2  # the towns of the journey are still found


def test_a_feature_word_that_is_a_verb_leaves_the_town_before_it(gazetteer: Gazetteer) -> None:
    text = "Trains from Vladivostok pass through Ussuriysk, as the mercury in Khabarovsk falls."
    assert {"Vladivostok", "Ussuriysk", "Khabarovsk"} <= set(_found(text, gazetteer).values())


def test_a_name_another_place_also_bears_does_not_anchor_that_place_s_country(
    gazetteer: Gazetteer,
) -> None:
    # GeoNames gives Dayton, Ohio the other name "Venice": read as the largest "Venice", it
    # made the United States a country of the report, and "Kent" a town near Dayton
    text = (
        "LONDON (Wire) - The luxury sleeper to Venice left London on Thursday for the Kent "
        "coast and Folkestone, the operator said."
    )
    parsed = _parse(text, gazetteer)
    assert {p.place.country for p in parsed.places} <= {"GB", "IT", "FR"}
    assert "Folkestone" in {p.place.name for p in parsed.places}


def test_a_name_said_often_does_not_make_its_own_country_the_report_s(
    gazetteer: Gazetteer,
) -> None:
    # "Tirano" is also another name of Tirana: said three times, it must not point at Albania
    # three times and so outweigh the Italy the report names
    text = (
        "CHUR, Switzerland (Wire) - The Bernina Express left Chur for Tirano in Italy on "
        "Saturday. The train reached Tirano at noon. Tirano's station sits on the piazza."
    )
    countries = {p.place.country for p in _parse(text, gazetteer).places}
    assert "AL" not in countries and "IT" in countries


def test_a_city_named_by_its_english_name_far_from_the_journey_is_still_found(
    gazetteer: Gazetteer,
) -> None:
    # "Hanover" is GeoNames' Hannover by its English name; the towns named Hanover in the
    # United States do not displace it, however far Germany is from the journey
    text = (
        'LIVINGSTONE, Zambia (Wire) - The train reached Victoria Falls on Friday. "It was '
        'loud," said a retired teacher from Hanover in Germany.'
    )
    names = {p.place.name for p in _parse(text, gazetteer).places}
    assert "Hannover" in names


def test_a_word_a_place_bears_only_as_another_name_is_not_that_place(
    gazetteer: Gazetteer,
) -> None:
    # a report read in lower case: "us" is the United States only as another name of it,
    # and the reading bearing "Us" as its own name is a common word
    text = (
        "10:05 - there is no plan to travel east to kharkiv, an official travelling with him "
        "told us, and the train left przemysl at dawn."
    )
    names = {p.place.name for p in _parse(text, gazetteer).places}
    assert "United States" not in names
    assert {"Kharkiv", "Przemyśl"} <= names
    # a country named as its city-state's city stays the city ("the Vatican")
    text = "The Vatican said the pope would take the train to Assisi on Friday."
    assert "Vatican City" in {p.place.name for p in _parse(text, gazetteer).places}


def test_a_pass_the_gazetteer_knows_whole_is_still_the_pass(gazetteer: Gazetteer) -> None:
    assert "brenner-pass" in _found("The train climbed to the Brenner Pass at noon.", gazetteer)


@pytest.mark.parametrize(
    ("text", "river"),
    [
        ("On Tuesday it called at Tommot before crossing the Aldan River.", "aldan-river"),
        ("At first light the train crossed the Rhine at Kehl.", "rhine-river"),
        ("Поезд пересёк Иртыш у Омска и пошёл дальше на восток.", "irtysh-river"),
    ],
)
def test_a_river_a_line_crosses_is_found(gazetteer: Gazetteer, text: str, river: str) -> None:
    assert river in _found(text, gazetteer)


def test_a_river_s_name_a_town_bears_stays_the_town(gazetteer: Gazetteer) -> None:
    # the town of Aldan is not the river of that name unless the words make it one
    found = _found("On Tuesday it called at the gold-mining town of Aldan.", gazetteer)
    assert "aldan-river" not in found and "Aldan" in found.values()


@pytest.mark.parametrize(
    ("text", "water"),
    [
        ("The train stopped at Petrozavodsk near the shore of Lake Onega.", "lake-onega"),
        ("At dawn it stood at Kandalaksha on the White Sea.", "white-sea"),
        ("Поезд шёл вдоль Белого моря к Кандалакше.", "white-sea"),
        ("Туристы едут на Кольский полуостров смотреть северное сияние.", "kola-peninsula"),
    ],
)
def test_a_lake_or_a_sea_the_line_runs_beside_is_found(
    gazetteer: Gazetteer, text: str, water: str
) -> None:
    assert water in _found(text, gazetteer)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The train climbed to Arthur's Pass, where some walkers got off.", "Arthur's Pass"),
        ("The special train reached King’s Lynn on Monday.", "King’s Lynn"),
    ],
)
def test_a_name_with_a_possessive_inside_is_found_whole(
    gazetteer: Gazetteer, text: str, name: str
) -> None:
    assert list(_found(text, gazetteer).values()) == [name]


def test_a_possessive_that_no_name_holds_still_ends_the_name_before_it(
    gazetteer: Gazetteer,
) -> None:
    found = _found("The train reached Toronto's Union Station on Monday.", gazetteer)
    assert list(found.values()) == ["Toronto"]
    # a country's possessive before a part of it: the country is told too
    names = {p.place.kind for p in _parse("He toured Russia's Far East.", gazetteer).places}
    assert Kind.COUNTRY in names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('The group stayed at the hotel "Moskva" near the station.', "Moscow"),
        ("The band sailed on the ferry “Lalibela” after the ride.", "Lalibela"),
    ],
)
def test_a_things_name_in_quotation_marks_after_its_noun_is_no_place(
    gazetteer: Gazetteer, text: str, name: str
) -> None:
    assert name not in {p.place.name for p in _parse(text, gazetteer).places}
