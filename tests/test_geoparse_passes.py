"""Each pass of the reader on its own: candidates, resolve, attribution, status, role, visits."""

from __future__ import annotations

from datetime import date

import pytest

from routes.model import STOP_ROLES, Kind, Parsed, Place, Role, Status
from routes.read.gazetteer import Gazetteer
from routes.read.geoparse import parse
from routes.read.parse.attribution import attribution_of
from routes.read.parse.candidates import find_candidates
from routes.read.parse.framing import is_dateline, lower_case
from routes.read.parse.role import cue_before
from routes.read.parse.status import status_of
from routes.read.parse.visits import EventTime, event_times, order_by_event_time
from routes.read.reports import report_from_text


def _parse(text: str, gazetteer: Gazetteer) -> Parsed:
    report = report_from_text(text, source="Test Wire", published=date(2023, 9, 11), report_id="t")
    return parse([report], gazetteer)


def _by_name(parsed: Parsed) -> dict[str, str]:
    return {p.place.name: p.role for p in parsed.places}


# --- candidates --------------------------------------------------------------------------------


def test_a_border_named_by_its_two_countries_is_the_crossing_between_them(
    gazetteer: Gazetteer,
) -> None:
    text = "The train reached the Polish-Ukrainian border after dark."
    matches, _ = find_candidates(text, gazetteer)
    crossing = [m for m in matches if m.role == Role.BORDER]
    assert len(crossing) == 1
    assert text[crossing[0].start : crossing[0].end] == "the Polish-Ukrainian border"
    assert [p.id for p in crossing[0].candidates] == ["crossing:pl-ua-przemysl-mostyska"]


def test_north_koreas_border_with_china_is_not_the_russian_crossing(gazetteer: Gazetteer) -> None:
    parsed = _parse("Kim's train crossed North Korea's border with China on Tuesday.", gazetteer)
    crossings = [p for p in parsed.places if p.place.kind == Kind.BORDER_CROSSING]
    assert [p.place.id for p in crossings] == ["crossing:cn-kp-sinuiju-dandong"]
    assert crossings[0].role == Role.BORDER


def test_one_named_country_takes_the_crossing_toward_the_country_of_the_report(
    gazetteer: Gazetteer,
) -> None:
    text = "The train left Hanoi for the Chinese border. Vietnam gave it an honour guard."
    ids = {p.place.id for p in _parse(text, gazetteer).places}
    assert "crossing:cn-vn-pingxiang-dong-dang" in ids


@pytest.mark.parametrize(
    ("text", "crossing"),
    [
        (
            "SEOUL (Wire) - A test train from Munsan crossed the Korean border on Thursday, "
            "officials in Seoul said.",
            "dorasan",
        ),
        (
            "The train crossed the Korean border on Thursday on its way to Vladivostok, "
            "Russian railways said.",
            "khasan",
        ),
    ],
)
def test_the_korean_border_is_the_crossing_toward_the_country_the_report_points_at(
    gazetteer: Gazetteer, text: str, crossing: str
) -> None:
    roles = {p.place.id: p.role for p in _parse(text, gazetteer).places}
    assert roles.get(crossing) == Role.BORDER, roles


def test_a_border_used_as_an_adjective_or_a_location_is_no_crossing(gazetteer: Gazetteer) -> None:
    for text in (
        "The train crossed the Yalu into the Chinese border city of Dandong.",
        "Blagoveshchensk, the regional capital on the Chinese border, was quiet.",
    ):
        matches, _ = find_candidates(text, gazetteer)
        assert not [m for m in matches if m.role == Role.BORDER], text


def test_a_report_written_in_lower_case_still_has_its_places(gazetteer: Gazetteer) -> None:
    text = (
        "10:05 - kim's train has pulled into artyom, a town just north of vladivostok, after "
        "an overnight run from khabarovsk, a local outlet says. 14:40 - kim is now being "
        "driven into vladivostok and will spend the night in the city."
    )
    assert lower_case(text)
    names = _by_name(_parse(text, gazetteer))
    assert {"Artyom", "Vladivostok", "Khabarovsk"} <= set(names)
    assert not lower_case("The train left Pyongyang on Sunday and reached Khasan on Tuesday.")


@pytest.mark.parametrize(
    "text",
    [
        # every word is capitalised to read lower case: no title swallows the place after it,
        # and no run that ends before "time" is a time zone
        "officials say the leader arrived in kyiv by train this afternoon local time. later "
        "he went on to lviv and then to odesa for talks.",
        "officials say the leader arrived in kyiv on tuesday. later he went on to lviv and "
        "then to odesa for talks.",
    ],
)
def test_in_lower_case_writing_a_place_after_a_title_or_before_time_is_found(
    gazetteer: Gazetteer, text: str
) -> None:
    assert "Kyiv" in _by_name(_parse(text, gazetteer))


def test_a_small_town_in_lower_case_writing_counts_after_a_word_of_place(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "07:50 - the delegation's train has left tarnow, regional radio says, and the "
        "ministers are heading for lviv. 10:20 - it crossed near the medyka border post, a "
        "polish border guard tells us; tarnow's mayor waved it off."
    )
    names = set(_by_name(_parse(text, gazetteer)))
    assert {"Tarnów", "Medyka", "Lviv"} <= names


@pytest.mark.parametrize(
    ("text", "namesake"),
    [
        ("Shoigu showed Kim a Tu-160 strategic bomber at the airfield.", "Tsu"),
        ("Kim toured the cruiser Aurora on Tuesday.", "Aurora"),
        ("Seoul blamed the sinking of the South Korean warship Cheonan on Pyongyang.", "Cheonan"),
        ("He walked past St Michael's Golden-Domed Monastery.", "Saint Michael"),
    ],
)
def test_models_craft_and_landmarks_never_become_a_namesake_town(
    gazetteer: Gazetteer, text: str, namesake: str
) -> None:
    assert namesake not in _by_name(_parse(text, gazetteer))


# --- resolve -----------------------------------------------------------------------------------


def test_a_small_town_beside_another_named_place_is_kept_and_one_far_from_all_is_not(
    gazetteer: Gazetteer,
) -> None:
    # a border town of a few thousand people, its country never named: the town across the
    # border (or a small town next to it) says it is the place meant
    names = set(
        _by_name(_parse("The night train crossed from Chop into Zahony at dawn.", gazetteer))
    )
    assert {"Chop", "Záhony"} <= names
    names = set(_by_name(_parse("The train crossed from Brest into Terespol.", gazetteer)))
    assert {"Brest", "Terespol"} <= names
    # the same town told beside nothing near it is no place the report is sure of
    names = set(_by_name(_parse("The train left Moscow and later passed Zahony.", gazetteer)))
    assert "Záhony" not in names and "Moscow" in names


def test_a_name_opening_with_a_geographic_word_is_found_whole(gazetteer: Gazetteer) -> None:
    text = "The train ran from Adelaide past Port Pirie to Port Augusta in Australia."
    assert {"Port Pirie", "Port Augusta"} <= set(_by_name(_parse(text, gazetteer)))


def test_a_world_city_far_off_beats_a_small_namesake_nearer_the_rest(
    gazetteer: Gazetteer,
) -> None:
    # Lagos lies 4,000 km from Lyon, Leeds and Turin, the Portuguese town of 33,000 near
    # them: the city of 15 million is the one a list of crew's home cities means
    text = "The sleeper reached Lyon on Friday. Its crew come from Leeds, Lagos and Turin."
    [lagos] = [p.place for p in _parse(text, gazetteer).places if p.place.name == "Lagos"]
    assert lagos.country == "NG"


def test_a_namesake_beside_the_line_in_another_named_country_beats_a_far_one(
    gazetteer: Gazetteer,
) -> None:
    # the report names Australia, so GeoNames' largest Newcastle (New South Wales) is read
    # first; beside York and Peterborough the English city is meant, while the Newcastle
    # written with its state stays the Australian one
    text = (
        "The special leaves London on Saturday and calls at Peterborough, York and Newcastle "
        "before Edinburgh.\n\nIn 1988 the engine crossed Australia as far as Alice Springs. "
        "Tickets went to buyers from as far away as Newcastle, New South Wales."
    )
    readings = [
        (p.place.country, p.role)
        for p in _parse(text, gazetteer).places
        if p.place.name.startswith("Newcastle")
    ]
    assert sorted(readings) == [("AU", Role.CONTEXT), ("GB", Role.VIA)]


def test_a_border_town_is_the_namesake_by_the_border_not_the_bigger_city(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "Kim's train crossed southern China and was expected to reach the border town of "
        "Pingxiang on Tuesday morning, on the line to Vietnam."
    )
    [pingxiang] = [p.place for p in _parse(text, gazetteer).places if p.place.name == "Pingxiang"]
    assert pingxiang.lat < 23.0  # Pingxiang, Guangxi, not the city of 890,000 in Jiangxi


@pytest.mark.parametrize(
    ("text", "name", "lat"),
    [
        # no known crossing lies near: the national border line decides, however small
        ("The train halted at the border town of Hekou before crossing into Vietnam.", "Hekou",
         22.5),
        ("Kim's train entered China through the little-used crossing at Ji'an.", "Ji’an", 41.1),
    ],
)  # fmt: skip
def test_a_border_town_is_the_namesake_on_a_national_border_however_small(
    gazetteer: Gazetteer, text: str, name: str, lat: float
) -> None:
    [town] = [p.place for p in _parse(text, gazetteer).places if p.place.name == name]
    assert town.lat == pytest.approx(lat, abs=0.1)


def test_a_small_namesake_beside_the_journey_beats_a_big_one_far_from_it(
    gazetteer: Gazetteer,
) -> None:
    near = "Kim's train ran from Manpo in North Korea to Ji'an in China on Thursday."
    [jian] = [p.place for p in _parse(near, gazetteer).places if p.place.name == "Ji’an"]
    assert jian.lat == pytest.approx(41.1, abs=0.1)  # on the Yalu, across from Manpo
    alone = "Ji'an, a city in Jiangxi, is on the line south from Nanchang."
    [jian] = [p.place for p in _parse(alone, gazetteer).places if p.place.name == "Ji’an"]
    assert jian.lat == pytest.approx(27.1, abs=0.1)  # nothing near the small one: the big one


def test_a_shared_name_far_from_the_whole_journey_is_none_of_its_readings(
    gazetteer: Gazetteer,
) -> None:
    # "Kent" here is the English county the gazetteer lacks, not a city in Washington state
    text = "The train left London on Thursday for Folkestone, on the Kent coast."
    assert set(_by_name(_parse(text, gazetteer))) == {"London", "Folkestone"}
    # a far name of one plausible reading, or a capital, is still the place
    far = _by_name(_parse("The writer flew from Anchorage to Magadan on Monday.", gazetteer))
    assert {"Anchorage", "Magadan"} <= set(far)
    home = "Modi flew home to New Delhi from Rzeszów after the night train from Kyiv."
    assert "New Delhi" in _by_name(_parse(home, gazetteer))


def test_rolling_stock_named_for_its_maker_is_no_town(gazetteer: Gazetteer) -> None:
    text = "Passengers sipped champagne in restored Pullman carriages on the way to Dover."
    assert set(_by_name(_parse(text, gazetteer))) == {"Dover"}


def test_a_journey_of_the_nineteenth_century_is_history(gazetteer: Gazetteer) -> None:
    roles = _by_name(
        _parse("The first Orient Express ran from Paris to Istanbul in 1883.", gazetteer)
    )
    assert roles == {"Paris": Role.HISTORICAL, "Istanbul": Role.HISTORICAL}


def test_a_namesake_is_chosen_near_the_rest_of_the_journey(gazetteer: Gazetteer) -> None:
    text = "The train passed through Nanning late on Monday and reached Pingxiang at 3 a.m."
    [pingxiang] = [p.place for p in _parse(text, gazetteer).places if p.place.name == "Pingxiang"]
    assert pingxiang.lat < 23.0


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (  # Salisbury is also Harare's old name; Harare is thirty times its size
            "The royal train left London on Tuesday morning and stopped at Salisbury before "
            "reaching Exeter, Britain's Network Rail said.",
            "Salisbury",
            "GB",
        ),
        (  # Broken Hill is also Kabwe's old name; the journey's other towns are all large
            "The Indian Pacific left Sydney on Monday for Perth, stopping at Broken Hill and "
            "Adelaide on the way, the Australian operator said.",
            "Broken Hill",
            "AU",
        ),
    ],
)
def test_a_town_of_that_name_in_the_story_beats_a_bigger_city_once_called_so(
    gazetteer: Gazetteer, text: str, name: str, country: str
) -> None:
    places = {p.place.name: p.place.country for p in _parse(text, gazetteer).places}
    assert places.get(name) == country, places


def test_a_seat_of_government_named_for_its_government_is_no_place(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "The French president left Paris by train on Monday, and the Elysee declined to "
        "comment on his route to Kyiv."
    )
    assert {p.place.name for p in _parse(text, gazetteer).places} == {"Paris", "Kyiv"}


@pytest.mark.parametrize(
    ("text", "bridge_id"),
    [
        (
            "The train left Sinuiju at dawn and rolled over the Friendship Bridge into Dandong.",
            "sino-korean-friendship-bridge",
        ),
        (
            "After Tumangang the train crossed the Friendship Bridge and stopped in Khasan.",
            "friendship-bridge",
        ),
    ],
)
def test_a_name_shared_by_curated_places_is_the_one_near_the_journey(
    gazetteer: Gazetteer, text: str, bridge_id: str
) -> None:
    ids = {p.place.id for p in _parse(text, gazetteer).places}
    assert bridge_id in ids
    assert not ids & ({"sino-korean-friendship-bridge", "friendship-bridge"} - {bridge_id})


# --- attribution and status -------------------------------------------------------------------


def test_attribution_names_the_outlet_without_its_owner() -> None:
    assert attribution_of("South Korea's Chosun Ilbo newspaper said Kim left.") == "Chosun Ilbo"


@pytest.mark.parametrize(
    ("clause", "status"),
    [
        ("he may stop at Ulan-Ude", Status.SPECULATIVE),
        ("it could also detour to Irkutsk", Status.SPECULATIVE),
        ("the train may have taken the inland line", Status.EXPECTED),
        ("the train did not stop in Chita", Status.RULED_OUT),
        ("nor in Omsk", Status.RULED_OUT),
        ("predictions that he would stop in Perm proved wrong", Status.RULED_OUT),
        ("the Kremlin denied he would go to Moscow", Status.DENIED),
        ("Kim is expected to reach Khasan", Status.EXPECTED),
        ("in May he left Pyongyang", Status.REPORTED),
        ("there is no plan to travel east to Odesa", Status.RULED_OUT),
        ("reports of a stop in Lviv on the way in were wrong", Status.RULED_OUT),
        ("no trip to Poltava or Sumy is planned", Status.RULED_OUT),
        ("a visit to Chernihiv is not planned", Status.RULED_OUT),
        ("the dam at Kaniv is not on the agenda either", Status.RULED_OUT),
        (
            "the ministry declined to comment on reports that she would go to Riga",
            Status.SPECULATIVE,
        ),
        ("officials would not confirm that the train would stop in Tartu", Status.SPECULATIVE),
        (
            "replacing an earlier plan under which the train was to wait at Tartu",
            Status.SUPERSEDED,
        ),
        ("the original plan had the convoy calling at Narva", Status.SUPERSEDED),
    ],
)
def test_status_and_modality_words_give_the_clause_its_status(clause: str, status: str) -> None:
    assert status_of(clause) == status


def _statuses(parsed: Parsed) -> dict[str, set[str]]:
    return {p.place.name: {m.status for m in p.mentions} for p in parsed.places}


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("After two nights in Irkutsk, the delegation is expected to fly on to Omsk.", "expected"),
        ("And after a day in Irkutsk, they will cross into Mongolia.", "expected"),
        ("Following talks in Irkutsk, the minister may go on to Omsk.", "speculative"),
        ("After two nights in Irkutsk, the delegation flew on to Omsk.", "reported"),
        ("The delegation spent a day in Irkutsk and will fly on to Omsk.", "reported"),
    ],
)
def test_a_verbless_opening_stay_is_as_sure_as_the_clause_it_opens(
    gazetteer: Gazetteer, sentence: str, status: str
) -> None:
    # "After a day in X, they will …": the day in X is as much a plan as what follows it
    assert _statuses(_parse(sentence, gazetteer))["Irkutsk"] == {status}


@pytest.mark.parametrize(
    "sentence",
    [
        "Aides had expected him to stop in Qiqihar as well, but that did not happen.",
        "He was due to call at Qiqihar on the way, but it never took place.",
        "He was expected to visit Qiqihar, though that turned out wrong.",
        "A side trip to Qiqihar was also expected, but it never took place.",
    ],
)
def test_an_expected_stop_a_later_clause_says_did_not_happen_is_ruled_out(
    gazetteer: Gazetteer, sentence: str
) -> None:
    text = f"The train left Harbin at dawn and reached Daqing by noon. {sentence}"
    roles = _by_name(_parse(text, gazetteer))
    assert roles["Qiqihar"] == Role.RULED_OUT
    assert roles["Daqing"] in STOP_ROLES


def test_a_stop_in_a_run_on_lower_case_sentence_is_not_overturned_by_the_next_statement(
    gazetteer: Gazetteer,
) -> None:
    # the splitter keeps "… west. some …" whole: the answer "it did not" is Daqing's alone
    text = (
        "06:30 - the train left harbin station heading west. some bloggers said it might "
        "stop in daqing; it did not, and ran on."
    )
    roles = _by_name(_parse(text, gazetteer))
    assert roles.get("Harbin") != Role.RULED_OUT


def test_a_clause_after_an_expected_stop_that_goes_on_keeps_it_expected(
    gazetteer: Gazetteer,
) -> None:
    text = "The train left Harbin at dawn. It was expected to stop in Qiqihar, and then in Daqing."
    roles = _by_name(_parse(text, gazetteer))
    assert roles["Qiqihar"] != Role.RULED_OUT


# --- role --------------------------------------------------------------------------------------


def test_a_capital_ending_a_list_of_places_the_train_went_to_is_a_stop_not_a_government(
    gazetteer: Gazetteer,
) -> None:
    roles = _by_name(_parse("The night train went on to Lublin and Warsaw.", gazetteer))
    assert roles["Warsaw"] == Role.DESTINATION
    roles = _by_name(_parse("It called at Brest, Minsk or Vilnius, officials said.", gazetteer))
    assert roles["Vilnius"] in STOP_ROLES
    # a capital that speaks is still its government, listed or not
    roles = _by_name(_parse("Envoys from Tokyo and Warsaw protested.", gazetteer))
    assert roles["Warsaw"] == Role.ACTOR


def test_a_cue_phrase_spanning_words_stops_at_a_comma(gazetteer: Gazetteer) -> None:
    # "crossed … on" must not reach past the comma into "then went on to Y"
    text = "The delegation crossed into Poland at Przemysl, then went on to Krakow."
    roles = _by_name(_parse(text, gazetteer))
    assert roles["Przemyśl"] == Role.BORDER
    assert roles["Kraków"] == Role.DESTINATION


def test_negation_covers_every_place_of_its_list(gazetteer: Gazetteer) -> None:
    roles = _by_name(_parse("The train did not stop in Khabarovsk, nor in Ussuriysk.", gazetteer))
    assert roles["Khabarovsk"] == Role.RULED_OUT
    assert roles["Ussuriysk"] == Role.RULED_OUT


@pytest.mark.parametrize(
    "text",
    [
        "The train reached Ussuriysk on Friday. It did not cross the river to Khabarovsk.",
        "The train reached Ussuriysk on Friday. It did not continue to Khabarovsk.",
        "The train reached Ussuriysk on Friday but didn't proceed to Khabarovsk.",
    ],
)
def test_a_crossing_or_a_leg_not_made_rules_its_place_out(gazetteer: Gazetteer, text: str) -> None:
    roles = _by_name(_parse(text, gazetteer))
    assert roles["Khabarovsk"] == Role.RULED_OUT
    assert roles["Ussuriysk"] in STOP_ROLES


@pytest.mark.parametrize(
    ("hedge", "role"),
    [
        (", though officials would not say where it would cross", Role.CONTEXT),
        ("", Role.BORDER),
    ],
)
def test_a_border_described_where_the_crossing_is_untold_is_no_stop(
    hedge: str, role: str, gazetteer: Gazetteer
) -> None:
    text = (
        "The delegation's train left Ulan-Ude on Friday and was expected to travel south "
        f"towards the Mongolian border{hedge}."
    )
    crossing = next(
        p for p in _parse(text, gazetteer).places if p.place.kind == Kind.BORDER_CROSSING
    )
    assert crossing.role == role


def test_a_visit_before_leaving_another_place_is_history_not_a_stop(gazetteer: Gazetteer) -> None:
    left_elsewhere = _by_name(
        _parse(
            "The minister's train left Angarsk on Sunday evening after her visit to the "
            "Irkutsk reservoir and ran west through Zima overnight.",
            gazetteer,
        )
    )
    assert left_elsewhere == {
        "Angarsk": Role.ORIGIN,
        "Irkutsk": Role.HISTORICAL,
        "Zima": Role.VIA,
    }
    # an event held there before the leg is the same
    after_talks = _by_name(
        _parse(
            "The minister's train left Kaluga on Sunday evening after talks with the governor "
            "at the Tula arms works.",
            gazetteer,
        )
    )
    assert after_talks["Tula"] == Role.HISTORICAL
    # no place left from named: the visit is the journey's own
    home = _by_name(
        _parse("The minister's train headed home after her visit to Irkutsk.", gazetteer)
    )
    assert home["Irkutsk"] != Role.HISTORICAL


def test_a_summary_of_the_whole_trip_is_history_unless_it_dates_its_legs(
    gazetteer: Gazetteer,
) -> None:
    summed_up = _by_name(
        _parse(
            "The ministers' train left Omsk on Sunday, ending a nine-day trip that took them "
            "from Novosibirsk to the Urals and back.",
            gazetteer,
        )
    )
    assert summed_up["Novosibirsk"] == Role.HISTORICAL
    assert summed_up["Omsk"] == Role.ORIGIN
    dated = _by_name(
        _parse(
            "The ministers' train reached Tyumen on Sunday, ending a trip that had taken them "
            "to Omsk on Friday and on to Ishim by Saturday.",
            gazetteer,
        )
    )
    assert dated["Omsk"] == dated["Ishim"] == Role.DESTINATION


@pytest.mark.parametrize(
    "text",
    [
        "The ministers made a similar trip in March. On that trip they also toured Irpin.",
        "On his last visit, in 2019, the leader stopped in Irpin.",
    ],
)
def test_a_place_of_an_earlier_trip_told_back_is_history(gazetteer: Gazetteer, text: str) -> None:
    assert _by_name(_parse(text, gazetteer))["Irpin"] == Role.HISTORICAL


def test_an_earlier_trip_the_journey_is_told_to_follow_is_history(gazetteer: Gazetteer) -> None:
    roles = _by_name(
        _parse(
            "The chancellor's train reached Lviv on Tuesday. The trip comes a month after she "
            "flew to Ankara. This visit follows her spring visits to Oslo and Riga, which "
            "drew criticism from Madrid.",
            gazetteer,
        )
    )
    assert roles["Lviv"] == Role.DESTINATION
    assert roles["Ankara"] == roles["Oslo"] == roles["Riga"] == Role.HISTORICAL
    assert roles["Madrid"] == Role.ACTOR  # a capital speaking there is still its government
    # a main clause after the earlier trip is of the journey again
    again = _by_name(
        _parse(
            "The trip comes a week after talks in Ankara, and the train will reach Kaunas today.",
            gazetteer,
        )
    )
    assert again["Ankara"] == Role.HISTORICAL
    assert again["Kaunas"] == Role.DESTINATION
    # a stay dated by a weekday after it is of this trip, not an earlier one
    stay = _by_name(
        _parse(
            "The delegation arrived in Tallinn on Thursday. The visit follows its stay in "
            "Tartu, where it arrived on Tuesday.",
            gazetteer,
        )
    )
    assert stay["Tartu"] in STOP_ROLES
    # a trip that follows a line still runs through its places
    line = _by_name(_parse("The journey follows the old main line through Kaunas.", gazetteer))
    assert line["Kaunas"] == Role.VIA


def test_a_sentence_opening_with_since_an_earlier_year_tells_a_habit_not_a_leg(
    gazetteer: Gazetteer,
) -> None:
    habit = _by_name(
        _parse("Since 2021 the sleeper has carried delegations from Gdansk to Krakow.", gazetteer)
    )
    assert habit["Gdańsk"] == habit["Kraków"] == Role.HISTORICAL
    # a span of this trip's days is the journey's own
    leg = _by_name(
        _parse("Since Monday the sleeper has travelled from Gdansk to Krakow.", gazetteer)
    )
    assert leg["Gdańsk"] in STOP_ROLES and leg["Kraków"] in STOP_ROLES


def test_an_expectation_covers_every_place_of_its_list(gazetteer: Gazetteer) -> None:
    text = "The tourist train is expected to run through Omsk, Tyumen and Perm this week."
    parsed = _parse(text, gazetteer)
    statuses = {p.place.name: [m.status for m in p.mentions] for p in parsed.places}
    assert statuses == {name: [Status.EXPECTED] for name in ("Omsk", "Tyumen", "Perm")}


def test_speculation_is_never_a_stop_until_a_later_mention_confirms_it(
    gazetteer: Gazetteer,
) -> None:
    alone = _by_name(_parse("Analysts said the train could detour to Ussuriysk.", gazetteer))
    assert alone["Ussuriysk"] == Role.CONTEXT
    confirmed = _by_name(
        _parse(
            "Analysts said the train could detour to Ussuriysk. On Tuesday it stopped in "
            "Ussuriysk for an hour.",
            gazetteer,
        )
    )
    assert confirmed["Ussuriysk"] == Role.VIA


def test_a_place_passed_without_stopping_is_on_the_way(gazetteer: Gazetteer) -> None:
    roles = _by_name(_parse("The train slowed but did not stop at Ussuriysk.", gazetteer))
    assert roles["Ussuriysk"] == Role.VIA


def test_a_services_name_gives_its_origin_and_destination(gazetteer: Gazetteer) -> None:
    roles = _by_name(_parse("The Moscow-Vladivostok express crossed the Amur.", gazetteer))
    assert roles["Moscow"] == Role.ORIGIN
    assert roles["Vladivostok"] == Role.DESTINATION


@pytest.mark.parametrize(
    "text",
    [
        "Talks between Beijing and Moscow focused on trade.",
        "Pressure from Moscow has kept the talks alive.",
        "Moscow said the visit would go ahead.",
        "Moscow's allies welcomed the visit.",
    ],
)
def test_a_capital_standing_for_its_government_is_an_actor(gazetteer: Gazetteer, text) -> None:
    assert _by_name(_parse(text, gazetteer))["Moscow"] == Role.ACTOR


def test_the_dateline_city_is_a_dateline_unless_it_is_also_a_stop(gazetteer: Gazetteer) -> None:
    text = "SEOUL, Sept 18 (Wire) - Kim's train left Pyongyang on Monday."
    assert is_dateline(text, 0, 5)
    assert _by_name(_parse(text, gazetteer))["Seoul"] == Role.DATELINE
    stop = "KHABAROVSK, Sept 14 (Wire) - Kim's train stopped in Khabarovsk for two hours."
    assert _by_name(_parse(stop, gazetteer))["Khabarovsk"] == Role.VIA


@pytest.mark.parametrize(
    ("before", "role"),
    [
        ("Kim arrived on Friday in ", Role.DESTINATION),
        ("a day out of ", Role.ORIGIN),
        ("the train calls at ", Role.VIA),
        ("the train rolled over the long bridge into ", Role.DESTINATION),
        ("the express rolled over the new double-track Amur rail bridge into ", Role.DESTINATION),
        ("the sleeper rumbled across the old ", Role.VIA),
        ("the sleeper was due here on Sunday night and in ", Role.DESTINATION),
        # a cue word is a whole word: "tourists", "visitors" are no tour or visit
        ("Tourists were kept off the ", None),
        ("Visitors were kept away from the ", None),
        # "visit" is the journey's verb, not the noun after a determiner
        ("The minister will visit ", Role.DESTINATION),
        ("Her delegation visited the port city of ", Role.DESTINATION),
        ("The visit came as ", None),
        ("Officials said his visit signalled a thaw in ", None),
    ],
)
def test_cue_words_from_the_language_file_fire(before: str, role: str | None) -> None:
    assert cue_before(before) == role


# --- visits ------------------------------------------------------------------------------------


def _stop(place_id: str, role: str, lon: float = 0.0) -> tuple[Place, str]:
    return (Place(place_id, place_id.title(), Kind.CITY, 0.0, lon), role)


def test_visits_follow_event_time_between_origin_and_destination() -> None:
    # the stops lie on one line (the equator), d where c is: d adds no km between any two,
    # and no stop is where the origin is (an origin the train came to earlier starts nothing)
    stops = [
        _stop("a", Role.ORIGIN, 0.0),
        _stop("b", Role.VIA, 1.0),
        _stop("c", Role.VIA, 2.0),
        _stop("d", Role.VIA, 2.0),
        _stop("e", Role.DESTINATION, 4.0),
    ]
    times = {"a": "2023-09-14", "b": "2023-09-13", "c": "2023-09-11", "e": "2023-09-10"}
    ordered = [s[0].id for s in order_by_event_time(stops, times)]
    # the origin first and the destination last whatever their dates; c before b by date;
    # d (no date) keeps the time of c, the stop before it on the track, and stays after it
    assert ordered == ["a", "c", "d", "b", "e"]


def _times(text: str, gazetteer: Gazetteer) -> dict[str, EventTime]:
    """Event times of the stops of ``text`` (published Friday 15 September 2023), by name."""
    report = report_from_text(text, source="Test Wire", published=date(2023, 9, 15), report_id="t")
    places = parse([report], gazetteer).places
    names = {p.place.id: p.place.name for p in places}
    return {names[pid]: when for pid, when in event_times(places).items()}


def test_the_date_of_a_dateline_dates_only_the_dateline_place(gazetteer: Gazetteer) -> None:
    # Friday 4 August: the dateline's day is nearer Krasnoyarsk than the Wednesday it passed
    text = (
        "TOMSK, Aug 4 (Wire) - After going through Krasnoyarsk and Achinsk on Wednesday, the "
        "tourist train pulled into Omsk on Thursday."
    )
    report = report_from_text(text, source="Test Wire", published=date(2023, 8, 4))
    dates = {p.place.name: [m.date for m in p.mentions] for p in parse([report], gazetteer).places}
    assert dates["Tomsk"] == ["2023-08-04"]
    assert dates["Krasnoyarsk"] == dates["Achinsk"] == ["2023-08-02"]
    assert dates["Omsk"] == ["2023-08-03"]


def test_earlier_and_the_past_perfect_put_a_stop_before_the_one_told_first(
    gazetteer: Gazetteer,
) -> None:
    times = _times(
        "The train stopped at Ussuriysk on Thursday. Earlier, it had pulled out of Khasan.",
        gazetteer,
    )
    assert times["Khasan"].day == times["Ussuriysk"].day == "2023-09-14"
    assert times["Khasan"].rank < times["Ussuriysk"].rank


def test_the_previous_day_and_then_move_a_stop_off_the_day_told_last(
    gazetteer: Gazetteer,
) -> None:
    times = _times(
        "The train reached Khabarovsk on Thursday. The previous day it passed Birobidzhan. "
        "It then passed through Ussuriysk.",
        gazetteer,
    )
    assert times["Birobidzhan"].day == "2023-09-13"
    assert times["Khabarovsk"].day == "2023-09-14"
    # "then" is told against Birobidzhan, the stop told last: one rank after it, same day
    assert (times["Ussuriysk"].day, times["Ussuriysk"].rank) > (times["Birobidzhan"].day, 0)


def test_a_place_told_after_after_comes_before_the_main_clause(gazetteer: Gazetteer) -> None:
    times = _times(
        "The train arrived in Artyom on Thursday after passing through Khabarovsk overnight.",
        gazetteer,
    )
    assert times["Khabarovsk"].rank < times["Artyom"].rank


def test_a_destination_reached_before_the_last_one_is_ordered_by_its_time() -> None:
    stops = [
        _stop("a", Role.ORIGIN),
        _stop("b", Role.VIA),
        _stop("c", Role.DESTINATION),
        _stop("d", Role.DESTINATION),
    ]
    times = {"b": "2023-09-14", "c": "2023-09-16", "d": "2023-09-12"}
    ordered = [s[0].id for s in order_by_event_time(stops, times)]
    # d, reached on the 12th, is a stop on the way before b; c, of the latest day, ends it
    assert ordered == ["a", "d", "b", "c"]


def test_stops_of_one_sentence_day_and_rank_come_in_the_order_it_told_them() -> None:
    stops = [_stop(i, Role.VIA) for i in "abcd"] + [_stop("e", Role.DESTINATION)]
    one, other = ("t", 10), ("t", 90)
    times = {
        "a": EventTime("2023-09-14", 0, told=2, sentence=one),
        "b": EventTime("2023-09-14", 0, told=1, sentence=one),
        "c": EventTime("2023-09-14", 0, told=4, sentence=other),
        "d": EventTime("2023-09-14", 0, told=3, sentence=other),
        "e": EventTime("2023-09-15", 0, told=0, sentence=("t", 0)),
    }
    # within a sentence as told (b before a, d before c), and the sentences as told
    assert [s[0].id for s in order_by_event_time(stops, times)] == ["b", "a", "d", "c", "e"]


def test_a_place_arrived_at_and_later_left_is_where_the_journey_starts(
    gazetteer: Gazetteer,
) -> None:
    text = "Kim arrived in Beijing on Sunday for talks. The train left Beijing on Tuesday."
    assert _by_name(_parse(text, gazetteer))["Beijing"] == Role.ORIGIN


def test_a_place_visited_and_left_stays_the_destination_beside_another_origin(
    gazetteer: Gazetteer,
) -> None:
    text = "Kim travelled by train from Pyongyang to Beijing. The train left Beijing on Tuesday."
    roles = _by_name(_parse(text, gazetteer))
    assert (roles["Pyongyang"], roles["Beijing"]) == (Role.ORIGIN, Role.DESTINATION)


def test_a_station_or_an_airport_named_after_its_city_is_found_as_the_city(
    gazetteer: Gazetteer,
) -> None:
    # (an airport the gazetteer holds is found as itself: Rzeszów-Jasionka, see below)
    text = (
        "The delegation flew to Katowice-Pyrzowice on Tuesday and went by road to Przemyśl "
        "Główny, where it boarded the night train."
    )
    assert {"Katowice", "Przemyśl"} <= set(_by_name(_parse(text, gazetteer)))


def test_the_ends_of_a_service_name_get_no_time_from_the_sentence(gazetteer: Gazetteer) -> None:
    times = _times("The Moscow-Vladivostok express reached Krasnoyarsk on Thursday.", gazetteer)
    assert times["Krasnoyarsk"].day == "2023-09-14"
    assert "Vladivostok" not in times  # where the train runs to, not where it was on Thursday


def test_from_after_an_arrival_cue_is_where_the_leg_began(gazetteer: Gazetteer) -> None:
    roles = _by_name(
        _parse("A day after the train reached Moscow from Pyongyang, talks began.", gazetteer)
    )
    assert roles["Pyongyang"] == Role.ORIGIN
    assert roles["Moscow"] == Role.DESTINATION


def test_left_x_for_y_makes_y_where_the_train_was_going(gazetteer: Gazetteer) -> None:
    roles = _by_name(_parse("The train left Khabarovsk on Monday for Vladivostok.", gazetteer))
    assert (roles["Khabarovsk"], roles["Vladivostok"]) == (Role.ORIGIN, Role.DESTINATION)


def test_the_other_branch_of_a_hedged_plan_is_as_unsure(gazetteer: Gazetteer) -> None:
    roles = _by_name(
        _parse("Experts said Kim might next travel to Moscow, or to Vladivostok.", gazetteer)
    )
    assert roles["Vladivostok"] not in (Role.ORIGIN, Role.VIA, Role.BORDER, Role.DESTINATION)


def test_a_stop_denied_beside_a_place_passed_elsewhere_stays_off(gazetteer: Gazetteer) -> None:
    text = (
        "The train did not stop in Dalian, nor did it divert to Shenyang; it passed "
        "Dandong at dawn."
    )
    roles = _by_name(_parse(text, gazetteer))
    assert roles["Dalian"] == Role.RULED_OUT
    assert roles["Dandong"] == Role.VIA


def test_a_dropped_stop_is_ruled_out(gazetteer: Gazetteer) -> None:
    roles = _by_name(_parse("A planned stop in Ussuriysk was dropped, officials said.", gazetteer))
    assert roles["Ussuriysk"] == Role.RULED_OUT


@pytest.mark.parametrize(
    ("text", "name", "lat"),
    [
        # the Kirov on the Vyatka, not the small one nearer Moscow: both lie about as near
        # the journey's places, and the larger wins
        ("The train left Moscow on Monday and passed Kirov before reaching Perm.", "Kirov", 58.6),
        # the Pingxiang near Nanning, at the Vietnamese border, not the bigger one in Jiangxi
        (
            "The train left Pyongyang on Saturday, passed Nanning and stopped at Pingxiang.",
            "Pingxiang",
            22.1,
        ),
        # no namesake near the journey's places: the likeliest (the provincial capital)
        ("Analysts in Seoul said the train had passed Changsha by Monday.", "Changsha", 28.2),
    ],
)
def test_a_namesake_is_the_one_on_the_journey(
    gazetteer: Gazetteer, text: str, name: str, lat: float
) -> None:
    place = next(p.place for p in _parse(text, gazetteer).places if p.place.name == name)
    assert place.lat == pytest.approx(lat, abs=0.2)


def test_a_quoted_post_in_lower_case_still_names_its_places(gazetteer: Gazetteer) -> None:
    text = (
        'Posts by passengers offer a log of the trip. "just pulled out of krasnoyarsk after '
        'twenty minutes," one wrote. The train reached Novosibirsk on Monday.'
    )
    assert "Krasnoyarsk" in _by_name(_parse(text, gazetteer))


def test_without_an_origin_the_stops_run_toward_the_destination() -> None:
    from routes.read.parse.visits import track_order

    def by_id(stops):  # a stand-in for the rail order: ascending id from the origin
        origin = next(s for s in stops if s[1] == Role.ORIGIN)
        return [origin, *sorted((s for s in stops if s is not origin), key=lambda s: s[0].id)]

    stops = [_stop("b", Role.VIA), _stop("c", Role.DESTINATION), _stop("a", Role.VIA)]
    ordered = track_order(stops, by_id)
    # from the destination c the order is c, a, b: read backwards, b is farthest and comes first
    assert [(s[0].id, s[1]) for s in ordered] == [
        ("b", Role.VIA),
        ("a", Role.VIA),
        ("c", Role.DESTINATION),
    ]


def test_a_modal_after_the_place_does_not_make_the_stop_speculation(gazetteer: Gazetteer) -> None:
    text = "The train stopped for 20 minutes at Ussuriysk so passengers could buy food."
    assert _by_name(_parse(text, gazetteer))["Ussuriysk"] == Role.VIA


def _roles_of(text: str, gazetteer: Gazetteer, published: date = date(2020, 5, 4)) -> dict:
    """The role of each place ``text`` names, by place name."""
    report = report_from_text(text, source="Test Wire", published=published)
    return {p.place.name: p.role for p in parse([report], gazetteer).places}


@pytest.mark.parametrize(
    ("text", "river"),
    [
        ("The sleeper crossed the Amur River before dawn on Monday and pulled into "
         "Khabarovsk an hour later.", "Amur River"),
        ("On Friday the special train crossed back over the Yalu River.", "Yalu River"),
        ("The trip took the envoy across the Yalu River to Dandong.", "Yalu River"),
    ],
)  # fmt: skip
def test_a_river_the_train_crossed_or_went_across_is_a_stop_on_the_way(
    gazetteer: Gazetteer, text: str, river: str
) -> None:
    assert _roles_of(text, gazetteer)[river] == Role.VIA


def test_a_river_only_named_or_crossed_long_ago_is_not_a_stop(gazetteer: Gazetteer) -> None:
    beside = _roles_of(
        "The line to Khabarovsk runs for hours along the Amur River, officials said.", gazetteer
    )
    assert beside["Amur River"] == Role.CONTEXT
    earlier = _roles_of(
        "The delegation reached Omsk on Tuesday, nine days after it crossed the Tumen River.",
        gazetteer,
    )
    assert earlier["Tumen River"] == Role.HISTORICAL
    assert earlier["Omsk"] in (Role.DESTINATION, Role.VIA)


def test_a_place_before_since_an_earlier_year_is_of_the_journey_now(gazetteer: Gazetteer) -> None:
    roles = _roles_of(
        "The visitors toured Irkutsk on Sunday, the first such stop since a delegation "
        "went to Chita in 2009.",
        gazetteer,
    )
    assert roles["Irkutsk"] in (Role.DESTINATION, Role.VIA)
    assert roles["Chita"] == Role.HISTORICAL
    past = _roles_of("In 2009 a delegation went to Chita and Irkutsk.", gazetteer)
    assert past["Irkutsk"] == Role.HISTORICAL


def test_and_then_after_a_stops_relative_clause_goes_on_the_same_way(gazetteer: Gazetteer) -> None:
    roles = _roles_of(
        "The express ran through Omsk, where crowds waved from the platform, and then "
        "Novosibirsk before dawn.",
        gazetteer,
    )
    assert roles["Omsk"] == Role.VIA
    assert roles["Novosibirsk"] == Role.VIA


# --- role: witnesses at a place of the train's passage -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Shopkeepers in Ussuriysk said the street by the station was closed while the train "
        "crossed on Tuesday.",
        "Officials in Birobidzhan said the train would pass the town without stopping.",
        "Another witness said tracks near Belogorsk had been cleared of goods trains overnight.",
        "Locals near Belogorsk were told to stay away from the tracks until noon, one said.",
        '"no lights on it, belogorsk station closed at midnight," a passer-by posted as the '
        "train went by.",
    ],
)
def test_a_place_where_witnesses_saw_the_train_pass_is_on_the_way(
    gazetteer: Gazetteer, text: str
) -> None:
    roles = _by_name(_parse(text, gazetteer))
    assert Role.VIA in roles.values(), roles


@pytest.mark.parametrize(
    "text",
    [
        # the passage is another place's
        "Residents of Ussuriysk said the train passed through Khabarovsk at dawn.",
        # a capital's officials speak for the government
        "Officials in Moscow said the train would pass without stopping.",
        # no passage told
        "Residents of Ussuriysk said the weather had been cold all week.",
    ],
)
def test_a_witness_frame_without_a_passage_of_its_own_is_no_stop(
    gazetteer: Gazetteer, text: str
) -> None:
    roles = _by_name(_parse(text, gazetteer))
    assert roles.get("Ussuriysk", Role.CONTEXT) == Role.CONTEXT
    assert roles.get("Moscow", Role.CONTEXT) in (Role.CONTEXT, Role.ACTOR)


def test_a_place_after_the_time_of_the_one_before_and_and_is_told_the_same_way(
    gazetteer: Gazetteer,
) -> None:
    text = "The train passed Belogorsk late on Monday and Svobodny early on Tuesday."
    roles = _by_name(_parse(text, gazetteer))
    assert roles["Belogorsk"] == Role.VIA
    assert roles["Svobodny"] == Role.VIA
    # without a time between them "and" joins nothing of the journey
    other = "The train passed Belogorsk, a town much larger than Svobodny."
    assert _by_name(_parse(other, gazetteer))["Svobodny"] != Role.VIA


def test_a_place_in_a_comparison_of_journeys_is_beside_the_journey(gazetteer: Gazetteer) -> None:
    text = "The train left Ussuriysk on Monday; it takes longer than the flight from Khabarovsk."
    roles = _by_name(_parse(text, gazetteer))
    assert roles["Ussuriysk"] == Role.ORIGIN
    assert roles["Khabarovsk"] == Role.CONTEXT
    # "less than an hour from X" is a distance to where the train goes, no comparison
    near = "The train is now less than an hour from Khabarovsk."
    assert _by_name(_parse(near, gazetteer))["Khabarovsk"] == Role.DESTINATION


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("The delegation went by plane to Mongolia and then on by train.", Role.VIA),
        ("After two days the sleeper rolled back into Mongolia before dawn.", Role.VIA),
        # where the country was entered is named: the town is the stop, not the country
        ("The sleeper crossed into Mongolia at Sükhbaatar on Friday.", Role.CONTEXT),
        ("The sleeper left Ulan-Ude and crossed into Mongolia at Naushki.", Role.CONTEXT),
        ("The sleeper crossed into Mongolia, passing Sükhbaatar at noon.", Role.CONTEXT),
        # a country only named
        ("The delegation's trip to Mongolia was long planned.", Role.CONTEXT),
    ],
)
def test_a_country_entered_with_no_town_of_it_named_is_on_the_way(
    gazetteer: Gazetteer, text: str, role: str
) -> None:
    assert _by_name(_parse(text, gazetteer))["Mongolia"] == role


def test_another_persons_travel_gives_its_places_no_journey_role(gazetteer: Gazetteer) -> None:
    lead = "Kim Jong Un's train reached Ussuriysk on Monday."
    other = _by_name(_parse(lead + " Lavrov had flown to Khabarovsk the day before.", gazetteer))
    assert other["Ussuriysk"] == Role.DESTINATION
    assert other["Khabarovsk"] == Role.CONTEXT
    # the traveller's own movements stay journey stops, whatever name they go by
    own = _by_name(_parse(lead + " Kim had travelled to Khabarovsk the day before.", gazetteer))
    assert own["Khabarovsk"] in (Role.DESTINATION, Role.VIA)
    # a traveller is one told with the train in the same clause, not only the same sentence
    one = "Lavrov flew in from Khabarovsk; Kim Jong Un arrived in Ussuriysk by train."
    assert _by_name(_parse(one, gazetteer))["Khabarovsk"] == Role.CONTEXT


def test_other_leaders_boarding_elsewhere_is_not_the_journeys(gazetteer: Gazetteer) -> None:
    lead = "Polish Prime Minister Donald Tusk travelled to Kyiv on Saturday by train."
    roles = _by_name(_parse(f"{lead} The other three leaders had boarded at Przemysl.", gazetteer))
    assert roles["Przemyśl"] == Role.CONTEXT
    # leaders told with the train are the travellers: where they boarded is the origin
    own = "The three leaders boarded the night train at Przemysl and reached Kyiv on Saturday."
    assert _by_name(_parse(own, gazetteer))["Przemyśl"] == Role.ORIGIN


@pytest.mark.parametrize(
    "told",
    [
        # the person met where the train went is no rider of it
        "Hu had travelled from Beijing for the talks, an official said.",
        # told by someone: the subject is the one after the words of telling
        "An official said Hu had travelled from Beijing for the talks.",
    ],
)
def test_the_travel_of_someone_met_on_the_way_is_not_the_journeys(
    gazetteer: Gazetteer, told: str
) -> None:
    lead = "Kim Jong Il's train left Jilin on Friday for Changchun, where he met President Hu."
    roles = _by_name(_parse(f"{lead} {told}", gazetteer))
    assert roles["Beijing"] == Role.CONTEXT
    own = _by_name(_parse(f"{lead} An official said Kim then travelled on to Harbin.", gazetteer))
    assert own["Harbin"] in STOP_ROLES


@pytest.mark.parametrize(
    ("other", "own"),
    [
        # a relative clause telling of a person who is no traveller
        (
            " She will meet President Lena Varga, who flew in from Samara overnight.",
            " Kral, who had travelled from Samara overnight, was met by Lena Varga.",
        ),
        # people named by a noun; the same noun told with the train is the traveller's
        (
            " Many guests had flown into Samara the day before.",
            " The train carried 40 guests. The guests arrived in Samara the day before.",
        ),
        # on another craft, people of the train's noun are others
        (
            " A chartered plane carrying Slovak officials landed at Samara the same day.",
            " The train carrying Slovak officials arrived at Samara the same day.",
        ),
    ],
)
def test_others_travel_told_by_a_noun_or_a_relative_clause_gives_no_stop(
    gazetteer: Gazetteer, other: str, own: str
) -> None:
    lead = "Prime Minister Ivo Kral's train reached Tver on Tuesday with his officials."
    assert _by_name(_parse(lead + other, gazetteer))["Samara"] == Role.CONTEXT
    assert _by_name(_parse(lead + own, gazetteer))["Samara"] in STOP_ROLES


def test_others_named_by_a_common_noun_opening_the_sentence_travel_on_their_own(
    gazetteer: Gazetteer,
) -> None:
    lead = "Prime Minister Ivo Kral's train reached Tver on Tuesday."
    other = _by_name(_parse(lead + " Officials flew to Samara the day before.", gazetteer))
    assert other["Samara"] == Role.CONTEXT
    own = _by_name(
        _parse(lead + " His officials on the train arrived in Samara the day before.", gazetteer)
    )
    assert own["Samara"] in STOP_ROLES


def test_a_sentence_opening_with_a_participle_tells_no_other_persons_travel(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "Prime Minister Ada Lincoln was back in Lviv on Friday after a night on the train. "
        "Having arrived in Kyiv on Thursday, the group was driven to Irpin."
    )
    roles = _by_name(_parse(text, gazetteer))
    assert roles["Kyiv"] in STOP_ROLES
    assert roles["Irpin"] in STOP_ROLES


def test_a_place_left_by_boarding_the_train_there_is_where_the_leg_began(
    gazetteer: Gazetteer,
) -> None:
    text = "The envoy toured a shipyard in Ussuriysk on Friday and boarded his train at dusk."
    assert _by_name(_parse(text, gazetteer))["Ussuriysk"] == Role.ORIGIN


@pytest.mark.parametrize(
    "text",
    [
        "The envoy flew from Khabarovsk to Ussuriysk on Friday and boarded his train at dusk.",
        "The envoy drove to Ussuriysk on Friday and boarded the train at dusk.",
    ],
)
def test_a_place_reached_and_left_by_boarding_the_train_is_passed_through(
    gazetteer: Gazetteer, text: str
) -> None:
    roles = _by_name(_parse(text, gazetteer))
    assert roles["Ussuriysk"] == Role.VIA
    assert roles.get("Khabarovsk", Role.ORIGIN) == Role.ORIGIN


@pytest.mark.parametrize(
    "text",
    [
        "The delegation was expected to leave by train, via Ussuriysk, after a banquet in "
        "Khabarovsk.",
        "The sleeper, heading home after the Khabarovsk talks, passed Ussuriysk on Monday.",
    ],
)
def test_a_place_of_an_event_a_departure_followed_is_where_the_leg_began(
    gazetteer: Gazetteer, text: str
) -> None:
    roles = _by_name(_parse(text, gazetteer))
    assert roles["Khabarovsk"] == Role.ORIGIN
    assert roles["Ussuriysk"] == Role.VIA


def test_an_event_before_an_arrival_is_no_departure(gazetteer: Gazetteer) -> None:
    text = "The sleeper reached Ussuriysk after a stopover in Khabarovsk."
    assert _by_name(_parse(text, gazetteer))["Khabarovsk"] == Role.VIA


def test_a_place_told_as_inside_the_stop_before_it_is_a_stop_too(gazetteer: Gazetteer) -> None:
    text = (
        "The talks will be held in Vladivostok, at the campus of the Far Eastern Federal "
        "University."
    )
    roles = _by_name(_parse(text, gazetteer))
    assert roles["Vladivostok"] == Role.DESTINATION
    assert roles["Far Eastern Federal University"] == Role.DESTINATION


def test_a_planned_stop_the_rest_of_its_sentence_drops_is_ruled_out(gazetteer: Gazetteer) -> None:
    dropped = "A planned stop in Ussuriysk, the junction north of the port, was cancelled."
    assert _by_name(_parse(dropped, gazetteer))["Ussuriysk"] == Role.RULED_OUT
    kept = "A planned stop in Ussuriysk, the junction north of the port, went ahead."
    assert _by_name(_parse(kept, gazetteer))["Ussuriysk"] != Role.RULED_OUT


def test_a_place_a_country_is_left_at_is_where_the_border_was_crossed(gazetteer: Gazetteer) -> None:
    text = "The sleeper left Ulan-Ude on Sunday and will leave Russia at Naushki on Monday."
    roles = _by_name(_parse(text, gazetteer))
    assert roles["Ulan-Ude"] == Role.ORIGIN
    assert roles["Naushki"] == Role.BORDER


@pytest.mark.parametrize(
    ("text", "name", "kept"),
    [
        # the only Sosnovy Bor GeoNames knows lies near St Petersburg, not near Chita
        (
            "The delegation toured the Sosnovy Bor camp outside Chita on Friday.",
            "Sosnovyy Bor",
            False,
        ),
        ("The train stopped in Pushkin, just outside St Petersburg.", "Pushkin", True),
        # "near" after a verb is where the train was seen, not where the place before lies
        ("The train passed through Wuhan on Sunday and was seen near Shijiazhuang.", "Wuhan", True),
    ],
)
def test_a_place_told_as_beside_another_is_a_namesake_near_it_or_none(
    gazetteer: Gazetteer, text: str, name: str, kept: bool
) -> None:
    assert (name in _by_name(_parse(text, gazetteer))) is kept


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "As talks between the two sides opened in Hanoi on Wednesday, crowds gathered.",
            "Hanoi",
            Role.DESTINATION,
        ),
        (
            "Officials said the train was being serviced at Ussuriysk for the return.",
            "Ussuriysk",
            Role.VIA,
        ),
        ("The empty train was parked in Bikin overnight.", "Bikin", Role.VIA),
    ],
)
def test_talks_opening_in_a_place_and_a_train_kept_there_make_it_a_stop(
    gazetteer: Gazetteer, text: str, name: str, role: str
) -> None:
    assert _by_name(_parse(text, gazetteer))[name] == role


@pytest.mark.parametrize(
    "sentence",
    [
        "A visit to Qiqihar, mentioned by some local media, did not take place.",
        "A stop in Qiqihar, officials said, was called off.",
    ],
)
def test_a_place_whose_sentence_denies_it_past_a_clause_between_commas_is_ruled_out(
    gazetteer: Gazetteer, sentence: str
) -> None:
    roles = _by_name(_parse(f"The train left Harbin at dawn. {sentence}", gazetteer))
    assert roles["Qiqihar"] == Role.RULED_OUT
    assert roles["Harbin"] == Role.ORIGIN


def test_a_description_that_names_the_place_passes_on_the_cue_before_it(
    gazetteer: Gazetteer,
) -> None:
    roles = _by_name(
        _parse(
            "The train crossed the Amur overnight into the Russian city of Khabarovsk. Earlier "
            "it had made stops in Harbin and the industrial city of Jiamusi.",
            gazetteer,
        )
    )
    assert roles["Khabarovsk"] in STOP_ROLES
    assert roles["Jiamusi"] == roles["Harbin"] == Role.VIA


def test_an_event_at_a_named_facility_of_a_place_is_a_stop(gazetteer: Gazetteer) -> None:
    roles = _by_name(
        _parse(
            "The minister's train reached Saratov on Monday. The air force showed him its new "
            "bombers at the nearby Engels airfield, the ministry said. Officials from Taganrog "
            "joined the tour.",
            gazetteer,
        )
    )
    assert roles["Engels"] == Role.VIA
    assert roles["Taganrog"] == Role.CONTEXT
    # with no article: "At Engels airfield he walked past the wreck"
    text = "The minister's train reached Saratov on Monday. At Engels airfield he saw a bomber."
    assert _by_name(_parse(text, gazetteer))["Engels"] == Role.VIA


def test_a_place_a_bridge_is_crossed_from_into_another_country_is_a_border(
    gazetteer: Gazetteer,
) -> None:
    roles = _by_name(
        _parse(
            "The train crossed the border bridge from Brest into Terespol on Friday morning.",
            gazetteer,
        )
    )
    assert roles["Brest"] == Role.BORDER


def test_a_place_a_bridge_is_crossed_from_within_one_country_is_the_origin(
    gazetteer: Gazetteer,
) -> None:
    roles = _by_name(
        _parse("The train crossed the old bridge from Novosibirsk to Omsk.", gazetteer)
    )
    assert roles["Novosibirsk"] == Role.ORIGIN


@pytest.mark.parametrize(
    ("text", "river"),
    [
        (
            "Railway staff in Ussuriysk said the armoured train passed through on Tuesday "
            "night on its way from the Tumen River border to Khabarovsk.",
            "Tumen River",
        ),
        ("The run from the Amur to Chita took the special train two days.", "Amur River"),
    ],
)
def test_a_river_a_leg_is_told_from_is_a_stop_on_the_way(
    gazetteer: Gazetteer, text: str, river: str
) -> None:
    assert _by_name(_parse(text, gazetteer))[river] == Role.VIA


@pytest.mark.parametrize(
    "sentence",
    [
        "A welcome ceremony at Kazan station is planned for 7 p.m.",
        "Hundreds of well-wishers waited at Kazan railway station with flowers.",
    ],
)
def test_an_event_at_a_named_station_is_a_stop(gazetteer: Gazetteer, sentence: str) -> None:
    roles = _by_name(_parse(f"The delegation's train left Perm on Sunday. {sentence}", gazetteer))
    assert roles["Kazan"] == Role.VIA


def test_a_station_told_without_an_event_at_it_is_no_stop(gazetteer: Gazetteer) -> None:
    roles = _by_name(
        _parse(
            "The delegation's train left Perm on Sunday. Kazan station was rebuilt by a German "
            "firm.",
            gazetteer,
        )
    )
    assert roles["Kazan"] == Role.CONTEXT


def test_a_visit_to_a_site_described_at_length_is_a_visit_to_its_place(
    gazetteer: Gazetteer,
) -> None:
    roles = _by_name(
        _parse(
            "Before boarding his train on Tuesday the president visited a rocket engine plant "
            "run by the state space agency in Samara, officials said.",
            gazetteer,
        )
    )
    assert roles["Samara"] in STOP_ROLES


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The delegation was due back at Harbin by train late on Sunday.", "Harbin"),
        ("On Monday the minister was greeted by cheering crowds in Omsk.", "Omsk"),
    ],
)
def test_a_return_due_at_a_place_or_a_welcome_in_it_is_a_stop(
    text: str, name: str, gazetteer: Gazetteer
) -> None:
    assert _by_name(_parse(text, gazetteer))[name] in STOP_ROLES


def test_the_yenisei_crossed_and_the_jasionka_airport_landed_at_are_stops(
    gazetteer: Gazetteer,
) -> None:
    roles = _by_name(
        _parse(
            "The chancellor landed at Rzeszów-Jasionka airport on Monday. Her train had "
            "crossed the Yenisei at dawn a week earlier.",
            gazetteer,
        )
    )
    assert roles["Rzeszów-Jasionka Airport"] == Role.DESTINATION
    assert roles["Yenisei River"] == Role.VIA
    assert "Rzeszów" not in roles


@pytest.mark.parametrize(
    ("text", "river"),
    [
        ("Overnight the express crossed the Ob at Novosibirsk.", "Ob River"),
        ("The tourist train crossed the Vyatka at Kirov on Monday.", "Vyatka River"),
    ],
)
def test_a_river_crossed_is_found_by_its_bare_name(
    text: str, river: str, gazetteer: Gazetteer
) -> None:
    assert _by_name(_parse(text, gazetteer))[river] == Role.VIA


def test_a_capital_naming_where_a_trip_or_meeting_was_is_not_its_government(
    gazetteer: Gazetteer,
) -> None:
    roles = _by_name(_parse("The chancellor's Vilnius trip ended on Friday.", gazetteer))
    assert roles["Vilnius"] != Role.ACTOR
    roles = _by_name(_parse("Vilnius protested on Friday.", gazetteer))
    assert roles["Vilnius"] == Role.ACTOR


@pytest.mark.parametrize(
    "sentence",
    [
        "In Kirov, the delegation toured a tractor plant before reboarding.",
        "The special train spent the night in a siding outside Kirov.",
        "The train was sighted near Kirov on Wednesday morning.",
    ],
)
def test_a_place_the_traveller_or_the_train_was_seen_at_is_on_the_way(
    gazetteer: Gazetteer, sentence: str
) -> None:
    text = f"The train left Kazan on Monday. {sentence}"
    assert _by_name(_parse(text, gazetteer))["Kirov"] in STOP_ROLES


def test_a_single_aide_or_minister_travelling_ahead_is_no_leg_unless_on_the_train(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "President Ilves's train reached Tartu on Tuesday. His foreign minister flew ahead "
        "to Riga to prepare the talks."
    )
    assert _by_name(_parse(text, gazetteer))["Riga"] not in STOP_ROLES
    # the minister whose train it is travels on
    text = (
        "The foreign minister's train reached Tartu on Tuesday. The minister then went on to Riga."
    )
    assert _by_name(_parse(text, gazetteer))["Riga"] == Role.DESTINATION
    text = "The train reached Tartu on Tuesday. It then went on to Riga."
    assert _by_name(_parse(text, gazetteer))["Riga"] == Role.DESTINATION


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ("The special train is due at Kirov on Friday.", Role.DESTINATION),
        ("The special train came into Kirov at dawn.", Role.DESTINATION),
        ("The trip ended in Kirov on Friday.", Role.DESTINATION),
        ("He wrapped up his visit in Kirov on Friday.", Role.DESTINATION),
        (
            "The express ended its four-night run from Perm at the main station in Kirov.",
            Role.DESTINATION,
        ),
        ("The sleeper completed its first journey from Perm in Kirov at dawn.", Role.DESTINATION),
        ("The special train rested in Kirov overnight.", Role.VIA),
        ("The special train took on water at Kirov.", Role.VIA),
        ("The train changed locomotives at Kirov.", Role.VIA),
        ("The train had been held for about 40 minutes at Kirov by a signal fault.", Role.VIA),
        ("The express stopped for about half an hour at Kirov to change crews.", Role.VIA),
        ("The sleeper waited for more than an hour at Kirov for a freight train.", Role.VIA),
        ("The express later stood for twenty minutes at Kirov.", Role.VIA),
        ("It left Perm at dawn and is then due at Kirov on Friday.", Role.DESTINATION),
        ("The sleeper is also due at Kirov on Friday.", Role.DESTINATION),
        ("The express was held up at Kirov by snow.", Role.VIA),
        ("The sleeper picks up at Kirov before running overnight to Perm.", Role.VIA),
        ("It climbs past Perm to Kazan and on to Kirov.", Role.DESTINATION),
        ("The trip began in Kirov on Monday.", Role.ORIGIN),
    ],
)
def test_wire_wordings_of_arriving_stopping_and_starting_give_their_roles(
    gazetteer: Gazetteer, sentence: str, role: str
) -> None:
    assert _by_name(_parse(sentence, gazetteer))["Kirov"] == role


def test_places_listed_after_for_are_all_where_the_train_is_bound(gazetteer: Gazetteer) -> None:
    parsed = _parse("The special train left Vienna for Graz and Linz on Monday.", gazetteer)
    by_name = {p.place.name: p for p in parsed.places}
    assert by_name["Vienna"].role == Role.ORIGIN
    assert by_name["Graz"].role == by_name["Linz"].role == Role.DESTINATION
    # bound for, not yet there: the list shares its first item's time (none), not the
    # Monday of the departure
    assert by_name["Linz"].mentions[0].date == by_name["Graz"].mentions[0].date


@pytest.mark.parametrize(
    "text",
    [
        "The cruise train reached Graz on Friday. Its next departure, on Monday, runs to Linz.",
        "The cruise train reached Graz on Friday; the following season's trips go to Linz.",
    ],
)
def test_places_of_a_later_trip_of_the_train_are_no_stops(gazetteer: Gazetteer, text: str) -> None:
    roles = _by_name(_parse(text, gazetteer))
    assert roles["Graz"] == Role.DESTINATION
    assert roles["Linz"] not in STOP_ROLES


def test_a_trip_told_as_the_first_of_its_kind_is_the_trip_of_the_report(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "The president arrived in Linz on Wednesday on his first trip abroad since the war, "
        "after a journey that began on an overnight train out of Graz."
    )
    roles = _by_name(_parse(text, gazetteer))
    assert roles["Graz"] == Role.ORIGIN
    # an earlier trip told back stays history
    text = "The president reached Linz on Wednesday. On his last visit he stopped in Graz."
    assert _by_name(_parse(text, gazetteer))["Graz"] == Role.HISTORICAL


def test_a_trip_told_as_coming_weeks_after_another_leaves_that_one_history(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "The president's train reached Linz on Friday. It was his first visit, and came three "
        "weeks after two ministers made a similar journey to the city from Graz."
    )
    roles = _by_name(_parse(text, gazetteer))
    assert roles["Graz"] == Role.HISTORICAL
    assert roles["Linz"] in STOP_ROLES


def test_a_place_coordinated_after_a_time_of_the_first_is_told_the_same_way(
    gazetteer: Gazetteer,
) -> None:
    text = "The train left Perm on Monday. It called at Kirov in the small hours and at Kazan."
    assert _by_name(_parse(text, gazetteer))["Kazan"] == Role.VIA


def test_the_ends_of_a_run_compared_with_are_no_stops_even_past_a_number(
    gazetteer: Gazetteer,
) -> None:
    # the comma of "4,000" ends no clause, and the comparison reaches past the run's length
    text = (
        "The express reached Linz on Wednesday. The journey is shorter than the rival line's "
        "run of more than 4,000 km from Graz to Innsbruck, a crew member noted."
    )
    roles = _by_name(_parse(text, gazetteer))
    assert roles["Graz"] not in STOP_ROLES and roles["Innsbruck"] not in STOP_ROLES
    assert roles["Linz"] in STOP_ROLES


def test_what_another_train_usually_does_is_no_leg_of_the_trip(gazetteer: Gazetteer) -> None:
    text = (
        "The cruise train reached Graz on Friday. The southbound service, which usually "
        "halts at Linz, was fully booked."
    )
    roles = _by_name(_parse(text, gazetteer))
    assert roles["Linz"] not in STOP_ROLES
    # a feature drawing the usual route tells it in a main clause: that is the route
    text = "For visiting leaders the road to Graz usually begins on a platform at Linz."
    assert _by_name(_parse(text, gazetteer))["Linz"] in STOP_ROLES


def test_the_next_stop_or_leg_of_the_trip_told_is_still_a_stop(gazetteer: Gazetteer) -> None:
    text = "The cruise train reached Graz on Friday. On the next leg it goes on to Linz."
    assert _by_name(_parse(text, gazetteer))["Linz"] in STOP_ROLES


@pytest.mark.parametrize(
    "text",
    [
        "The royal train left Vienna on Monday and took in Graz and Linz on Tuesday.",
        "Before heading home on Friday, the delegation took in Graz and Linz, aides said.",
    ],
)
def test_the_places_a_tour_took_in_are_stops(gazetteer: Gazetteer, text: str) -> None:
    roles = _by_name(_parse(text, gazetteer))
    assert roles["Graz"] in STOP_ROLES
    assert roles["Linz"] in STOP_ROLES


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The train left Berlin at noon. Its next stop, Poznan, came four hours later.", "Poznań"),
        ("The sleeper crossed into Poland overnight; its first stop was Przemysl.", "Przemyśl"),
        ("After Irkutsk, the train's second halt was Ulan-Ude, officials said.", "Ulan-Ude"),
        ("The Lviv leg of the journey passed without incident, aides said.", "Lviv"),
        ("Security was tight for the Omsk stretch of the trip on Tuesday.", "Omsk"),
    ],
)
def test_a_stop_named_by_its_place_in_the_journey_is_a_stop(
    gazetteer: Gazetteer, text: str, place: str
) -> None:
    assert _by_name(_parse(text, gazetteer))[place] == Role.VIA


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        (
            "Tomsk and Kemerovo are expected to be among the stops, aides said.",
            {"Tomsk": Role.VIA, "Kemerovo": Role.VIA},
        ),
        ("Omsk was one of the train's halts on Tuesday.", {"Omsk": Role.VIA}),
        ("Omsk is among the cities hit by floods.", {"Omsk": Role.CONTEXT}),
        (
            "The train left Perth on Sunday. Kalgoorlie is scheduled for Monday morning.",
            {"Perth": Role.ORIGIN, "Kalgoorlie": Role.VIA},
        ),
    ],
)
def test_a_place_told_as_among_the_stops_or_on_the_timetable_is_a_stop(
    gazetteer: Gazetteer, text: str, roles: dict[str, str]
) -> None:
    assert _by_name(_parse(text, gazetteer)) == roles


def test_a_stop_planned_by_its_place_in_the_journey_keeps_the_plans_status(
    gazetteer: Gazetteer,
) -> None:
    parsed = _parse("Officials said the last halt would be Omsk before Moscow.", gazetteer)
    assert _by_name(parsed)["Omsk"] == Role.VIA
    assert _statuses(parsed)["Omsk"] == {Status.EXPECTED}


@pytest.mark.parametrize(
    "text",
    [
        "The chancellor, now in Odense, will travel on to Aalborg on Saturday, his office said.",
        "The train, which left Copenhagen on Wednesday, is now in Odense and will reach "
        "Aalborg on Saturday.",
    ],
)
def test_where_the_traveller_is_now_is_a_stop_before_the_next(
    gazetteer: Gazetteer, text: str
) -> None:
    roles = _by_name(_parse(text, gazetteer))
    assert roles["Odense"] == Role.VIA
    assert roles["Aalborg"] == Role.DESTINATION


def test_the_stops_before_an_nth_stop_are_stops(gazetteer: Gazetteer) -> None:
    text = "The train pulled into Utrecht on Thursday, its third stop after Antwerp and Rotterdam."
    roles = _by_name(_parse(text, gazetteer))
    assert roles["Antwerp"] in STOP_ROLES
    assert roles["Rotterdam"] in STOP_ROLES


@pytest.mark.parametrize(
    "text",
    [
        "The envoy's train halted in Leuven on Wednesday and on Thursday in Liege, officials said.",
        "The train will call at Leuven on Friday and on Saturday at Liege, officials said.",
    ],
)
def test_a_second_stop_told_with_its_verb_left_out_is_a_stop(
    gazetteer: Gazetteer, text: str
) -> None:
    roles = _by_name(_parse(text, gazetteer))
    assert roles["Leuven"] == Role.VIA
    assert roles["Liège"] == Role.VIA


def test_a_past_perfect_recap_of_the_trip_ending_tells_its_legs(gazetteer: Gazetteer) -> None:
    text = (
        "The pope arrived back in Rome on Friday, ending a five-day tour that had taken him "
        "through Bari and Lecce."
    )
    roles = _by_name(_parse(text, gazetteer))
    assert roles["Bari"] == Role.VIA
    assert roles["Lecce"] == Role.VIA
    # a 2019 tour told so is an earlier trip, and a plain summary sums the trip up
    earlier = _by_name(_parse("A 2019 tour had taken him through Bari and Lecce.", gazetteer))
    assert earlier["Bari"] == Role.HISTORICAL
    summed = _by_name(_parse("The five-day tour took him to Bari and Lecce.", gazetteer))
    assert summed["Bari"] == Role.HISTORICAL


def test_where_a_tour_ends_is_its_destination(gazetteer: Gazetteer) -> None:
    text = "The royal train will call at Angers and Poitiers before ending in Limoges on Friday."
    roles = _by_name(_parse(text, gazetteer))
    assert roles["Limoges"] == Role.DESTINATION


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The train pulled into Lodz on Thursday.", "Łódź"),
        ("The train left Bialystok on Thursday.", "Białystok"),
        ("The train left Białystok on Thursday.", "Białystok"),
    ],
)
def test_a_name_written_without_its_stroked_letters_is_that_town(
    gazetteer: Gazetteer, text: str, name: str
) -> None:
    assert _by_name(_parse(text, gazetteer)).get(name) in STOP_ROLES


@pytest.mark.parametrize(
    ("text", "place", "role"),
    [
        # the noun: a journey across the land to the place
        ("The train left Adelaide on Sunday for the crossing to Perth.", "Perth", Role.DESTINATION),
        (
            "The train left Adelaide. The long crossing to Perth takes three days.",
            "Perth",
            Role.DESTINATION,
        ),
        # the verb: the train crosses a border to it
        ("The train crossing to Dandong was seen at noon.", "Dandong", Role.BORDER),
    ],
)
def test_a_crossing_to_a_place_is_a_journey_there_unless_a_train_crosses(
    gazetteer: Gazetteer, text: str, place: str, role: str
) -> None:
    assert _by_name(_parse(text, gazetteer))[place] == role


def test_the_place_where_the_trip_began_is_its_origin(gazetteer: Gazetteer) -> None:
    text = (
        "The train reached Bangkok on Thursday. The bridge is far shorter than the causeway "
        "at Singapore where the trip began."
    )
    assert _by_name(_parse(text, gazetteer))["Singapore"] == Role.ORIGIN


def test_a_clause_dated_now_is_no_history_beside_an_earlier_month(gazetteer: Gazetteer) -> None:
    text = (
        "Meloni, on her first visit to Ukraine since taking office in October, flew from "
        "Warsaw to Rzeszow on Monday evening."
    )
    report = report_from_text(text, source="Test Wire", published=date(2023, 2, 21))
    roles = _by_name(parse([report], gazetteer))
    assert roles["Rzeszów"] in STOP_ROLES
    # a place of the earlier year's own clause stays history
    old = "In 2019 Kim flew to Vladivostok, and on Monday he reached Khasan."
    report = report_from_text(old, source="Test Wire", published=date(2023, 2, 21))
    assert _by_name(parse([report], gazetteer))["Vladivostok"] == Role.HISTORICAL


@pytest.mark.parametrize(
    "told",
    [
        "The visit was seen as a message to Moscow.",
        "The visit was a signal to Moscow that Europe stands firm.",
    ],
)
def test_a_message_to_a_capital_is_to_its_government(gazetteer: Gazetteer, told: str) -> None:
    roles = _by_name(_parse(f"The train left Warsaw on Monday. {told}", gazetteer))
    assert roles["Moscow"] == Role.ACTOR


def test_a_region_crossed_is_passed_through_not_a_border(gazetteer: Gazetteer) -> None:
    # a GeoNames region stands at the centre of its people: no point of the route
    text = "The Canadian left Toronto on Wednesday for Winnipeg. It will cross northern Ontario."
    assert _by_name(_parse(text, gazetteer))["Ontario"] == Role.CONTEXT
    # a country's border crossed stays a border
    text = "The train left Harbin on Monday and crossed into Russia at Suifenhe."
    assert _by_name(_parse(text, gazetteer))["Suifenhe"] == Role.BORDER


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The ferry train left Dar es Salaam on Monday night.", "Dar es Salaam"),
        ("The night train reached Bergen op Zoom at dawn.", "Bergen op Zoom"),
        ("The cargo train was due at Mogi das Cruzes by noon.", "Mogi das Cruzes"),
    ],
)
def test_a_name_with_a_lower_case_particle_inside_is_read_whole(
    gazetteer: Gazetteer, text: str, name: str
) -> None:
    # "es", "op", "das": the particles of Arabic, Dutch and Portuguese names join the name
    names = [p.place.name for p in _parse(text, gazetteer).places]
    assert name in names


@pytest.mark.parametrize(
    "text",
    [
        "According to the itinerary, the sleeper calls at Graz and reaches Linz on Friday.",
        "The timetable given to passengers shows the sleeper calling at Graz and Linz.",
    ],
)
def test_what_a_timetable_or_itinerary_shows_is_planned(gazetteer: Gazetteer, text: str) -> None:
    parsed = _parse(text, gazetteer)
    by_name = {p.place.name: p for p in parsed.places}
    for name in ("Graz", "Linz"):
        assert by_name[name].role in STOP_ROLES
        assert by_name[name].mentions[0].status == Status.EXPECTED


@pytest.mark.parametrize(
    ("after", "status"),
    [
        # the timetable's present goes on with the plan
        ("Before dawn the sleeper halts at Villach for ten minutes.", Status.EXPECTED),
        ("After Linz the line follows the river to Villach.", Status.EXPECTED),
        # a past verb tells what happened, not the plan
        ("Before dawn the sleeper halted at Villach for ten minutes.", Status.REPORTED),
    ],
)
def test_a_sentence_of_no_tense_after_a_timetable_goes_on_with_the_plan(
    gazetteer: Gazetteer, after: str, status: str
) -> None:
    text = "According to the timetable, the sleeper calls at Graz and Linz on Friday. " + after
    villach = next(p for p in _parse(text, gazetteer).places if p.place.name == "Villach")
    assert villach.mentions[0].status == status


def test_a_sentence_of_no_tense_after_stops_told_as_done_stays_as_told(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "The sleeper called at Graz and Linz on Friday. "
        "After Linz the line follows the river to Villach."
    )
    villach = next(p for p in _parse(text, gazetteer).places if p.place.name == "Villach")
    assert villach.mentions[0].status == Status.REPORTED


@pytest.mark.parametrize(
    "text",
    [
        "The train reached Voi on time, said its guide, Hassan Omar, who grew up on the coast.",
        "Hassan Omar, a guide, met the train at Voi.",
    ],
)
def test_another_name_of_a_place_inside_a_longer_unknown_name_is_no_place(
    gazetteer: Gazetteer, text: str
) -> None:
    # "Hassan" is another name of Khasan; before "Omar" it is a man's first name
    names = {p.place.name for p in _parse(text, gazetteer).places}
    assert names == {"Voi"}


def test_another_name_of_a_place_alone_is_still_the_place(gazetteer: Gazetteer) -> None:
    roles = _by_name(_parse("The train crossed into Russia at Hasan on Monday.", gazetteer))
    assert roles["Khasan"] == Role.BORDER


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # the modal governs the second verb of one subject
        ("The minister was expected to return to Graz and then fly on to Linz.", Status.EXPECTED),
        ("The train might stop at Graz and go on to Linz.", Status.SPECULATIVE),
        # a clause of its own with a past verb tells what happened
        ("The train was due in Graz at noon and the minister reached Linz.", Status.REPORTED),
    ],
)
def test_a_second_verb_of_a_plan_is_as_sure_as_the_first(
    gazetteer: Gazetteer, text: str, status: str
) -> None:
    linz = next(p for p in _parse(text, gazetteer).places if p.place.name == "Linz")
    assert linz.mentions[0].status == status


def test_a_journey_measured_in_hours_from_a_place_began_there(gazetteer: Gazetteer) -> None:
    text = "The minister reached Linz on Friday after an overnight journey of nine hours from Graz."
    assert _by_name(_parse(text, gazetteer))["Graz"] == Role.ORIGIN
    # a bare distance in hours puts the place beside the journey
    text = "The minister reached Linz on Friday, a town two hours from Graz."
    assert _by_name(_parse(text, gazetteer))["Graz"] not in STOP_ROLES


def test_where_a_part_of_the_party_had_come_from_is_no_start(gazetteer: Gazetteer) -> None:
    text = (
        "The sleeper reached Graz on Friday with 200 fans. "
        "Others in the carriage had travelled from Linz and Salzburg."
    )
    roles = _by_name(_parse(text, gazetteer))
    assert roles["Linz"] not in STOP_ROLES and roles["Salzburg"] not in STOP_ROLES


def test_names_the_gazetteer_lacks_do_not_end_a_list_of_stops(gazetteer: Gazetteer) -> None:
    # two halts no gazetteer holds stand between Graz and Villach in one list of calls
    text = (
        "The sleeper left Vienna on Friday and then called at Graz, Kleinfeld-Nord, "
        "Ober Grünbach and Villach before dawn."
    )
    roles = _by_name(_parse(text, gazetteer))
    assert roles["Graz"] == roles["Villach"] == Role.VIA


def test_a_timetable_named_inside_a_sentence_vouches_for_its_own_clause_only(
    gazetteer: Gazetteer,
) -> None:
    # "the timetable shows" attributes the first clause; the train's run through Linz after
    # it is told as done
    text = "There was no stop at Graz, the timetable shows, and the train ran through Linz."
    linz = next(p for p in _parse(text, gazetteer).places if p.place.name == "Linz")
    assert linz.mentions[0].status == Status.REPORTED


def test_the_border_stations_of_two_towns_are_both_border_points(gazetteer: Gazetteer) -> None:
    text = "The night train stops before the border stations of Subotica and Kelebia."
    roles = _by_name(_parse(text, gazetteer))
    assert roles["Subotica"] == roles["Kelebia"] == Role.BORDER


@pytest.mark.parametrize(
    "text",
    [
        "The sleeper reached Graz on Friday. Some passengers went on by coach to Linz.",
        "The sleeper reached Graz on Friday. Others took a regional train towards Linz.",
        "The sleeper reached Graz on Friday. A few of the guests will fly on to Linz.",
    ],
)
def test_where_a_part_of_the_party_went_on_to_is_their_side_trip(
    gazetteer: Gazetteer, text: str
) -> None:
    roles = _by_name(_parse(text, gazetteer))
    assert roles["Graz"] == Role.DESTINATION
    assert roles["Linz"] not in STOP_ROLES


@pytest.mark.parametrize(
    "text",
    [
        # a count: "some" is "about"
        "Some 600 passengers travelled on the sleeper from Graz to Linz on Friday.",
        # the part that stays on board goes on with the train
        "The sleeper reached Graz on Friday. Others will stay on board and travel on to Linz.",
        # a part that goes with the traveller
        "The chancellor reached Graz on Friday. Some aides accompanied her as she went on to Linz.",
    ],
)
def test_a_count_or_a_part_going_on_with_the_train_is_the_journey(
    gazetteer: Gazetteer, text: str
) -> None:
    assert _by_name(_parse(text, gazetteer))["Linz"] == Role.DESTINATION


@pytest.mark.parametrize(
    "text",
    [
        "At Kirov the train waited for a maintenance engine to clear the line.",
        "After Kirov it had crept along the river behind a freight train.",
    ],
)
def test_a_sentence_about_travel_opening_on_a_place_puts_the_train_there(
    gazetteer: Gazetteer, text: str
) -> None:
    assert _by_name(_parse(text, gazetteer))["Kirov"] == Role.VIA


def test_a_sentence_opening_on_a_place_tells_no_stop_when_not_about_travel(
    gazetteer: Gazetteer,
) -> None:
    text = "At Kirov the mayor opened a museum of toys."
    assert _by_name(_parse(text, gazetteer))["Kirov"] not in STOP_ROLES


def test_the_second_of_a_pair_of_names_is_told_as_the_first(gazetteer: Gazetteer) -> None:
    # "and" between two names is no clause of its own: Linz is as hedged as Graz
    text = "Passengers might be moved to buses between Graz and Linz if snow blocks the line."
    parsed = _parse(text, gazetteer)
    statuses = {p.place.name: p.mentions[0].status for p in parsed.places}
    assert statuses["Graz"] == statuses["Linz"] == Status.SPECULATIVE


@pytest.mark.parametrize(
    "text",
    [
        "The sleeper reached Kehl, across the river from Strasbourg, on Friday.",
        "The sleeper reached Kehl, just across from Strasbourg, on Friday.",
    ],
)
def test_a_place_told_across_water_from_a_stop_is_no_start(gazetteer: Gazetteer, text: str) -> None:
    roles = _by_name(_parse(text, gazetteer))
    assert roles["Kehl"] == Role.DESTINATION
    assert roles["Strasbourg"] not in STOP_ROLES


@pytest.mark.parametrize(
    "text",
    [
        "The sleeper reached Graz at noon. No stop was made in Kirchdorf because of a fault.",
        "The sleeper reached Graz at noon; there was no halt at Kirchdorf.",
    ],
)
def test_no_stop_made_at_a_place_rules_it_out(gazetteer: Gazetteer, text: str) -> None:
    parsed = _parse(text, gazetteer)
    place = next(p for p in parsed.places if p.place.name.startswith("Kirchdorf"))
    assert place.mentions[0].status == Status.RULED_OUT


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The train called at Leoben at midnight and, before dawn, at Bruck an der Mur.",
            "Bruck an der Mur",
        ),
        (
            "The train left Vienna at dawn and, after Wiener Neustadt, ran along the hills.",
            "Wiener Neustadt",
        ),
    ],
)
def test_a_part_of_a_travel_sentence_opening_on_at_or_after_a_place_puts_the_train_there(
    gazetteer: Gazetteer, text: str, name: str
) -> None:
    assert _by_name(_parse(text, gazetteer))[name] == Role.VIA


def test_stops_told_as_following_in_a_timetable_are_stops(gazetteer: Gazetteer) -> None:
    text = (
        "The sleeper is due in Linz on Tuesday morning. "
        "Salzburg and Innsbruck follow in the afternoon."
    )
    roles = _by_name(_parse(text, gazetteer))
    assert roles["Salzburg"] == roles["Innsbruck"] == Role.VIA


@pytest.mark.parametrize(
    "told",
    [
        '"We loved every minute of the ride," said Greta Lind, a retired nurse from Graz.',
        "Greta Lind, 61, an amateur photographer from Graz, said the ride was worth it.",
        '"It was a long trip," said Greta Lind, a member of parliament from Graz.',
    ],
)
def test_where_a_person_named_beside_it_is_from_is_no_start(
    gazetteer: Gazetteer, told: str
) -> None:
    lead = "The special train left Vienna for Salzburg on Saturday morning."
    assert _by_name(_parse(f"{lead} {told}", gazetteer))["Graz"] == Role.CONTEXT
    # a phrase naming the train tells where the train came from
    train = "The Westbahn Express, an overnight train from Graz, reached Salzburg on Saturday."
    assert _by_name(_parse(train, gazetteer))["Graz"] == Role.ORIGIN


@pytest.mark.parametrize(
    "told",
    [
        "The first section, between Linz and Wels, could open in 2027, officials said.",
        "A new line between Linz and Wels is due to open in 2027.",
        "The planned extension to Linz will not be finished before 2030.",
        "Talks between Vienna and Bern on a high-speed link to Linz have revived interest.",
    ],
)
def test_track_still_to_be_built_or_opened_is_no_leg(gazetteer: Gazetteer, told: str) -> None:
    lead = "The special train left Vienna for Salzburg on Saturday morning."
    roles = _by_name(_parse(f"{lead} {told}", gazetteer))
    assert roles["Linz"] not in STOP_ROLES
    assert roles["Salzburg"] in STOP_ROLES


def test_track_opened_long_ago_or_told_in_another_clause_keeps_its_stops(
    gazetteer: Gazetteer,
) -> None:
    lead = "The special train left Vienna for Salzburg on Saturday morning."
    opened = "It ran on the new line between Linz and Wels, which was opened in 2012."
    roles = _by_name(_parse(f"{lead} {opened}", gazetteer))
    assert roles["Linz"] in STOP_ROLES and roles["Wels"] in STOP_ROLES
    apart = "A new line to Linz will be finished next year, but the train ran on to Wels."
    roles = _by_name(_parse(f"{lead} {apart}", gazetteer))
    assert roles["Linz"] not in STOP_ROLES and roles["Wels"] in STOP_ROLES


@pytest.mark.parametrize(
    "told",
    [
        # a part of the party, with "had come" as the past perfect
        "Others in her carriage had come from Graz and Linz.",
        # a person named just before, in a relative clause of theirs
        '"Loud and late," said Greta Lind, who had come down from Graz to ride it.',
    ],
)
def test_where_people_had_come_from_before_the_trip_is_no_start(
    gazetteer: Gazetteer, told: str
) -> None:
    lead = "The special train left Vienna for Salzburg on Saturday morning."
    assert _by_name(_parse(f"{lead} {told}", gazetteer))["Graz"] == Role.CONTEXT


def test_a_speakers_own_way_to_the_trip_is_no_start(gazetteer: Gazetteer) -> None:
    lead = "The special train left Vienna for Salzburg on Saturday morning."
    quote = '"I came from Graz for this match, and the ride was the best part," said one fan.'
    assert _by_name(_parse(f"{lead} {quote}", gazetteer))["Graz"] == Role.CONTEXT
    # the party's own start, told in a quote, stays the start
    ours = 'The special train reached Salzburg on Saturday. "We left Graz at dawn," the guide said.'
    assert _by_name(_parse(ours, gazetteer))["Graz"] == Role.ORIGIN


@pytest.mark.parametrize(
    "told",
    [
        "Earlier it called at Linz, after crossing the Danube bridge, a span finished in 1908.",
        "Earlier it crossed the bridge, built in 1890, and called at Linz.",
    ],
)
def test_a_year_that_dates_a_thing_described_is_no_history_of_the_trip(
    gazetteer: Gazetteer, told: str
) -> None:
    lead = "The special train left Vienna on Saturday and reached Salzburg at noon."
    assert _by_name(_parse(f"{lead} {told}", gazetteer))["Linz"] == Role.VIA
    # the year of an earlier trip still makes its places history
    earlier = "In 1998 the same train called at Linz."
    assert _by_name(_parse(f"{lead} {earlier}", gazetteer))["Linz"] == Role.HISTORICAL


@pytest.mark.parametrize(
    ("told", "status"),
    [
        ("A visit to Graz was considered but dropped because of the weather.", Status.RULED_OUT),
        ("A stop at Graz is being considered, an aide said.", Status.SPECULATIVE),
    ],
)
def test_a_plan_weighed_is_no_stop_and_one_dropped_is_ruled_out(
    gazetteer: Gazetteer, told: str, status: str
) -> None:
    lead = "The special train left Vienna for Salzburg on Saturday morning."
    parsed = _parse(f"{lead} {told}", gazetteer)
    graz = next(p for p in parsed.places if p.place.name == "Graz")
    assert graz.role not in STOP_ROLES
    assert graz.mentions[0].status == status


@pytest.mark.parametrize(
    "told",
    [
        '"It felt like the old night train from Graz to Linz," said one passenger.',
        '"We loved every minute of it," said a retired signalman from Graz.',
    ],
)
def test_a_trip_likened_to_and_a_speakers_home_are_no_stops(
    gazetteer: Gazetteer, told: str
) -> None:
    lead = "The special train left Vienna for Salzburg on Saturday morning."
    assert _by_name(_parse(f"{lead} {told}", gazetteer))["Graz"] not in STOP_ROLES


@pytest.mark.parametrize(
    ("lead", "role"),
    [
        # the arrival names no place: the train arrived at the dateline's city
        (
            "The special train from Graz arrived on Saturday at 11:20, the operator said.",
            Role.DESTINATION,
        ),
        # it names where: the dateline's city is only where the report was filed
        ("The special train from Graz arrived in Linz on Saturday.", Role.DATELINE),
        # a plan to arrive is no arrival
        ("The special train from Graz will arrive on Saturday.", Role.DATELINE),
    ],
)
def test_an_arrival_with_no_place_named_is_at_the_dateline(
    gazetteer: Gazetteer, lead: str, role: str
) -> None:
    roles = _by_name(_parse(f"SALZBURG, May 17 (Wire) - {lead}", gazetteer))
    assert roles["Salzburg"] == role


def test_a_line_that_opened_last_year_makes_no_history_of_the_trip(gazetteer: Gazetteer) -> None:
    text = (
        "SALZBURG, Jan 28 (Wire) - Lawmakers rode the train from Vienna to Salzburg on "
        "Tuesday, a trip of four hours on the line that opened last year."
    )
    places = {p.place.name: p for p in _parse(text, gazetteer).places}
    assert [m.role for m in places["Salzburg"].mentions] == [Role.DATELINE, Role.DESTINATION]
    assert places["Vienna"].role == Role.ORIGIN


@pytest.mark.parametrize(
    "told", ["the regional commissioner for Graz came aboard", "the envoy for Graz met them"]
)
def test_an_office_for_a_place_is_no_leg_to_it(gazetteer: Gazetteer, told: str) -> None:
    text = f"The express left Vienna for Salzburg on Tuesday and stopped at Linz, where {told}."
    assert _by_name(_parse(text, gazetteer))["Graz"] not in STOP_ROLES


@pytest.mark.parametrize(
    "told",
    [
        '"It is about as far as from Graz to Innsbruck," said the train\'s chef.',
        '"It is a long ride," said the train\'s chef, who comes from Graz.',
    ],
)
def test_a_distance_likened_and_a_home_told_in_the_present_are_no_stops(
    gazetteer: Gazetteer, told: str
) -> None:
    lead = "The special train left Vienna for Salzburg on Saturday morning."
    roles = _by_name(_parse(f"{lead} {told}", gazetteer))
    assert roles["Graz"] not in STOP_ROLES
    assert roles.get("Innsbruck", Role.CONTEXT) not in STOP_ROLES


def test_a_clubs_home_and_track_still_talked_of_are_no_stops(gazetteer: Gazetteer) -> None:
    text = (
        "The weekly train from Vienna reached Salzburg on Thursday. \"It's like crossing "
        'France on a sand road," said Tom Selby, who leads a walking club from Graz. Vienna '
        "and Bern are in talks on rebuilding the track north to Linz, officials said."
    )
    roles = _by_name(_parse(text, gazetteer))
    assert roles["Graz"] not in STOP_ROLES and roles["Linz"] not in STOP_ROLES
    assert roles["Salzburg"] in STOP_ROLES


def test_a_clock_time_between_a_cue_and_its_place_keeps_the_cue(gazetteer: Gazetteer) -> None:
    text = "The special train reached Salzburg at 11:20. The day began at 8:01 a.m. in Graz."
    assert _by_name(_parse(text, gazetteer))["Graz"] == Role.ORIGIN
    # talks that began somewhere were held there: no leg began there
    talks = "The special train reached Salzburg at 11:20. The talks began at noon in Graz."
    assert _by_name(_parse(talks, gazetteer))["Graz"] != Role.ORIGIN


def test_taking_water_at_a_place_is_a_stop_there(gazetteer: Gazetteer) -> None:
    text = "The steam special left Vienna for Salzburg on Saturday. It took water again at Linz."
    assert _by_name(_parse(text, gazetteer))["Linz"] == Role.VIA


def test_stops_each_told_with_a_time_and_a_comma_are_one_list(gazetteer: Gazetteer) -> None:
    text = (
        "The night train left Vienna for Salzburg on Friday. Passengers said it called at "
        "St. Pölten around midnight, at Linz in the small hours and at Wels shortly after dawn."
    )
    roles = _by_name(_parse(text, gazetteer))
    assert roles["Linz"] == roles["Wels"] == Role.VIA


def test_a_capital_told_in_a_timed_list_of_stops_is_a_stop_not_its_government(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "The Danube Express left Budapest on Monday. The train is due to call at Brasov on "
        "Monday evening and Bucharest on Tuesday."
    )
    assert _by_name(_parse(text, gazetteer))["Bucharest"] == Role.VIA


def test_a_service_named_between_two_places_runs_from_the_first_to_the_second(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "The first through sleeper between Bratislava and Kosice in a decade pulled into the "
        "eastern city on Sunday morning. It ran between Zilina and Poprad in the dark."
    )
    parsed = _parse(text, gazetteer)
    roles = _by_name(parsed)
    assert roles["Bratislava"] == Role.ORIGIN
    assert roles["Košice"] == Role.DESTINATION
    assert roles["Žilina"] == roles["Poprad"] == Role.VIA  # a plain "between" stays a via
    dates = {p.place.name: m.date for p in parsed.places for m in p.mentions}
    assert dates["Bratislava"] is None  # Sunday is the arrival's day, not the departure's


def test_a_stop_whose_time_is_set_off_by_commas_after_and_is_listed(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "The sleeper reached Kosice on Sunday. Before that it stopped at Poprad around "
        "midnight and, late on Saturday evening, at Zilina."
    )
    assert _by_name(_parse(text, gazetteer))["Žilina"] == Role.VIA


def test_a_numbered_station_is_its_town_and_a_short_model_name_is_not(
    gazetteer: Gazetteer,
) -> None:
    text = "The sleeper left Almaty-2 station on Friday. Guests saw an Il-76 at the airfield."
    names = {p.place.name for p in _parse(text, gazetteer).places}
    assert names == {"Almaty"}  # "Almaty-2" names its town; "Il-76" is an aircraft


def test_a_year_that_dates_what_was_unmade_in_a_relative_clause_is_no_history(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "The special reached Banja Luka on Saturday. Earlier it called at Zenica and ran "
        "slowly through Doboj, past the bridge that floods washed away in 2014."
    )
    parsed = _parse(text, gazetteer)
    roles = _by_name(parsed)
    assert roles["Zenica"] == roles["Doboj"] == Role.VIA
    assert all(m.date is None for p in parsed.places if p.place.name == "Doboj" for m in p.mentions)


def test_a_run_through_from_a_place_began_there(gazetteer: Gazetteer) -> None:
    text = "The first train to run through from Zagreb to Split in a decade arrived on Saturday."
    assert _by_name(_parse(text, gazetteer))["Zagreb"] == Role.ORIGIN


def test_leaving_a_station_of_a_long_name_in_a_town_began_in_the_town(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "The sleeper stopped at Ayutthaya soon after leaving Krung Thep Aphiwat station in "
        "Bangkok, officials said."
    )
    assert _by_name(_parse(text, gazetteer))["Bangkok"] == Role.ORIGIN


def test_a_place_fronted_with_a_time_set_off_by_commas_is_where_the_train_was(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "The sleeper reached Chiang Mai on Tuesday. At Lampang, about 4 a.m., the governor "
        "of the province boarded to brief ministers."
    )
    assert _by_name(_parse(text, gazetteer))["Lampang"] == Role.VIA


def test_flown_in_from_and_to_are_legs_but_not_in_a_clause_of_no_travel(
    gazetteer: Gazetteer,
) -> None:
    legs = "The sleeper reached Puno on Friday. The group had flown in from Lima to Cusco."
    roles = _by_name(_parse(legs, gazetteer))
    assert roles["Lima"] == Role.ORIGIN
    assert roles["Cusco"] in (Role.DESTINATION, Role.VIA)
    # a clause of its own after a semicolon speaks of no travel of its own
    other = "Many guests had flown into Rome in recent days; the patriarch came from Istanbul."
    assert _by_name(_parse(other, gazetteer))["Istanbul"] not in STOP_ROLES


def test_a_stop_with_its_own_time_told_after_and_is_listed_but_a_speaker_is_not(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "The Chief reached Albuquerque on Tuesday. In the morning it called at Emporia, and "
        "before dawn at Dodge City. It passed Raton early on Tuesday, officials in Denver said."
    )
    roles = _by_name(_parse(text, gazetteer))
    assert roles["Dodge City"] == Role.VIA
    assert roles["Denver"] not in STOP_ROLES


def test_a_station_for_a_place_and_a_railway_named_after_one_are_no_stops(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "The Chief left Chicago on Monday, marking 90 years since the Santa Fe railway's Super "
        "Chief first ran. On Tuesday it called for a minute at Lamy, the stop for Santa Fe."
    )
    roles = _by_name(_parse(text, gazetteer))
    assert roles["Lamy"] == Role.VIA
    assert roles["Santa Fe"] not in STOP_ROLES


def test_a_station_named_for_its_standing_is_no_town_of_that_name(gazetteer: Gazetteer) -> None:
    text = (
        "The Chief left Chicago Union Station on Monday. On Friday the members stepped off at "
        "Union Station in the morning."
    )
    names = {p.place.name for p in _parse(text, gazetteer).places}
    assert names == {"Chicago"}  # no Union, South Carolina


def test_a_town_written_with_its_region_is_read_in_that_region(gazetteer: Gazetteer) -> None:
    text = "The Chief left Chicago on Monday and stopped at Trinidad, Colorado, on Tuesday."
    trinidad = next(p for p in _parse(text, gazetteer).places if p.place.name == "Trinidad")
    assert trinidad.place.country == "US"  # not Bolivia's larger Trinidad


def test_a_closed_line_asked_to_reopen_is_no_leg_of_the_trip(gazetteer: Gazetteer) -> None:
    text = (
        "The students reached Kars on Saturday. Yerevan has long asked for the closed line "
        "from Kars to Gyumri to reopen."
    )
    assert _by_name(_parse(text, gazetteer))["Gyumri"] not in STOP_ROLES


def test_the_home_of_a_party_of_students_is_no_start(gazetteer: Gazetteer) -> None:
    text = (
        "Forty-five university students from Izmir stepped off the express at Kars on "
        "Saturday. The train had left Ankara on Thursday afternoon."
    )
    roles = _by_name(_parse(text, gazetteer))
    assert roles["İzmir"] not in STOP_ROLES
    assert roles["Ankara"] == Role.ORIGIN


def test_stepping_off_the_train_at_a_place_is_a_stop_there(gazetteer: Gazetteer) -> None:
    text = (
        "The students stepped off the Eastern Express into minus 24 degrees at Kars on "
        "Saturday morning."
    )
    assert _by_name(_parse(text, gazetteer))["Kars"] == Role.VIA


def test_a_titled_place_opening_the_dateline_is_the_place(gazetteer: Gazetteer) -> None:
    text = (
        "PRINCE GEORGE, British Columbia, Sept 26 (Wire) - Thirty rail enthusiasts reached this "
        "city on Thursday evening after a day's run from Jasper."
    )
    names = {p.place.name: p.role for p in _parse(text, gazetteer).places}
    assert names["Prince George"] == Role.DESTINATION


def test_a_small_namesake_beside_the_journey_in_its_main_country_is_meant(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "The Chief left Chicago on Monday and passed Kansas City and Dodge City. On Tuesday it "
        "stopped at Raton and, earlier, at Trinidad."
    )
    trinidad = next(p for p in _parse(text, gazetteer).places if p.place.name == "Trinidad")
    assert trinidad.place.country == "US"  # beside Raton, not Bolivia's larger Trinidad


def test_a_leg_that_could_be_added_is_speculative(gazetteer: Gazetteer) -> None:
    text = "The train reached Luau on Wednesday. A side trip to Kolwezi could be added."
    parsed = _parse(text, gazetteer)
    kolwezi = next(p for p in parsed.places if p.place.name == "Kolwezi")
    assert kolwezi.role not in STOP_ROLES
    assert kolwezi.mentions[0].status == Status.SPECULATIVE
