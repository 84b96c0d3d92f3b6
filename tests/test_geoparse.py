"""Geoparsing: places, exact spans, sources, dates, status and roles, as a map reader needs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from routes.model import STOP_ROLES, LocatedPlace, Parsed, Report
from routes.read.gazetteer import Gazetteer
from routes.read.geoparse import parse
from routes.read.reports import load_paths, report_from_text

COUNTRIES = ("north-korea", "russia", "south-korea", "ukraine", "united-states")


@pytest.fixture(scope="module")
def bundled(bundled_report: Path) -> Report:
    """The sample report: Kim's train to Russia, 2023-09-11."""
    return load_paths([bundled_report]).reports[0]


@pytest.fixture(scope="module")
def parsed(bundled: Report, gazetteer: Gazetteer) -> Parsed:
    """What geoparsing finds in the sample report."""
    return parse([bundled], gazetteer)


def _place(parsed: Parsed, place_id: str) -> LocatedPlace:
    found = {p.place.id: p for p in parsed.places}
    assert place_id in found, f"{place_id} not found among {sorted(found)}"
    return found[place_id]


def _parse(text: str, gazetteer: Gazetteer, published: date = date(2023, 9, 11)) -> Parsed:
    report = report_from_text(text, source="Test Wire", published=published, report_id="t")
    return parse([report], gazetteer)


def _roles(parsed: Parsed) -> dict[str, str]:
    return {p.place.id: p.role for p in parsed.places}


# --- the acceptance on the bundled report ----------------------------------------------------


def test_pyongyang_is_the_origin_from_the_chosun_ilbo_sentence(parsed: Parsed) -> None:
    pyongyang = _place(parsed, "pyongyang")
    assert pyongyang.role == "origin"
    origin = [m for m in pyongyang.mentions if m.role == "origin"]
    assert len(origin) == 1
    assert origin[0].source == "Chosun Ilbo"
    assert origin[0].date is not None and origin[0].date.startswith("2023-09-10")
    assert "Kim left Pyongyang late on Sunday" in origin[0].quote


def test_khasan_is_the_border_from_japanese_media_and_ytn(parsed: Parsed) -> None:
    khasan = _place(parsed, "khasan")
    assert khasan.role == "border"
    by_source = {m.source: m for m in khasan.mentions}
    assert by_source["Japanese media"].text == "Khasan"
    assert by_source["YTN"].text == "North Korea's northeastern border with Russia"
    assert all(m.role == "border" for m in khasan.mentions)


def test_vladivostok_is_the_destination_and_its_2019_mention_history(parsed: Parsed) -> None:
    vladivostok = _place(parsed, "vladivostok")
    assert vladivostok.role == "destination"
    kremlin = [m for m in vladivostok.mentions if m.source == "Kremlin"]
    assert [m.role for m in kremlin] == ["destination"]
    assert kremlin[0].text == "Vladivostok"
    history = [m for m in vladivostok.mentions if "2019" in m.quote]
    assert [(m.role, m.date) for m in history] == [("historical", "2019")]


def test_the_far_east_is_an_area_in_context(parsed: Parsed) -> None:
    far_east = _place(parsed, "russian-far-east")
    assert far_east.place.kind == "area"
    assert far_east.role == "context"
    assert [m.text for m in far_east.mentions] == ["Russia's far east"]
    assert far_east.mentions[0].source == "Interfax"


def test_countries_are_only_context(parsed: Parsed) -> None:
    roles = _roles(parsed)
    for country in COUNTRIES:
        assert roles.get(country) == "context", country
    countries = {p.place.id for p in parsed.places if p.place.kind == "country"}
    assert countries == set(COUNTRIES)


def test_the_only_stops_are_pyongyang_khasan_and_vladivostok(parsed: Parsed) -> None:
    stops = {
        p.place.id: p.role
        for p in parsed.places
        if p.role in ("origin", "via", "border", "destination")
    }
    assert stops == {"pyongyang": "origin", "khasan": "border", "vladivostok": "destination"}


def test_no_un_no_outlets_no_weekdays_become_places(parsed: Parsed, bundled: Report) -> None:
    words = {m.text for p in parsed.places for m in p.mentions}
    for trap in (
        "Un",
        "Kim",
        "Interfax",
        "YTN",
        "Chosun Ilbo",
        "Sunday",
        "Tuesday",
        "Both",
        "Officials",
        "Eastern Economic Forum",
        "National Intelligence Service",
    ):
        assert trap not in words
    assert all(not p.place.id.startswith("gn:") for p in parsed.places)


def test_moscow_is_an_actor_not_a_stop(parsed: Parsed) -> None:
    moscow = _place(parsed, "moscow")
    assert moscow.role == "actor"
    assert {m.text for m in moscow.mentions} == {"Kremlin", "Moscow"}


def test_pyongyang_as_government_is_an_actor_mention(parsed: Parsed) -> None:
    pyongyang = _place(parsed, "pyongyang")
    actor = [m for m in pyongyang.mentions if m.role == "actor"]
    assert len(actor) == 2
    assert any("pay a price" in m.quote for m in actor)
    assert any("denials from Pyongyang and Moscow" in m.quote for m in actor)


def test_ytn_tuesday_versus_wednesday_is_superseded(parsed: Parsed) -> None:
    ytn = [t for t in parsed.timerefs if t.source == "YTN"]
    assert {(t.text, t.status) for t in ytn} == {
        ("Tuesday", "expected"),
        ("Wednesday", "superseded"),
    }
    wednesday = next(t for t in ytn if t.text == "Wednesday")
    assert wednesday.date == "2023-09-13"


def test_every_mention_quotes_the_report_exactly(parsed: Parsed, bundled: Report) -> None:
    text = bundled.text
    for located in parsed.places:
        for m in located.mentions:
            assert text[m.start : m.end] == m.text
            assert text[m.sentence_start : m.sentence_end] == m.quote
            assert m.sentence_start <= m.start < m.end <= m.sentence_end
            assert m.report_id == bundled.id and m.place_id == located.place.id


def test_unattributed_sentences_carry_the_reports_own_source(parsed: Parsed) -> None:
    north_korea = _place(parsed, "north-korea")
    first = north_korea.mentions[0]
    assert "one of the few countries" in first.quote
    assert first.source == "wire report"


def test_places_come_in_order_of_first_mention(parsed: Parsed) -> None:
    firsts = [p.mentions[0].start for p in parsed.places]
    assert firsts == sorted(firsts)
    for located in parsed.places:
        starts = [m.start for m in located.mentions]
        assert starts == sorted(starts)


def test_parsing_twice_gives_the_same_result(bundled: Report, gazetteer: Gazetteer) -> None:
    assert parse([bundled], gazetteer) == parse([bundled], gazetteer)


def test_each_gazetteer_finds_only_its_own_places(gazetteer: Gazetteer) -> None:
    curated_only = Gazetteer(
        gazetteer.curated_places(),
        [(key, place.id) for key, places in gazetteer.curated_names() for place in places],
    )
    text = "The delegation flew from Vladivostok to Lima and Nairobi."
    assert {"lima", "nairobi"} <= {p.place.name.lower() for p in _parse(text, gazetteer).places}
    assert _roles(_parse(text, curated_only)) == {"vladivostok": "origin"}
    assert _parse(text, gazetteer) == _parse(text, gazetteer)
    assert len(_parse(text, gazetteer).places) == 3


# --- attribution -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("South Korea's Chosun Ilbo newspaper said Kim left Pyongyang.", "Chosun Ilbo"),
        ("The broadcaster YTN reported the train left Pyongyang.", "YTN"),
        ("Japanese media reported the train left Pyongyang.", "Japanese media"),
        ("The Kremlin said the train left Pyongyang.", "Kremlin"),
        ("Russia's Interfax news agency reported the train left Pyongyang.", "Interfax"),
        ("South Korean media reported the train left Pyongyang.", "South Korean media"),
        ("The train left Pyongyang, according to Yonhap.", "Yonhap"),
        ("The train left Pyongyang on Sunday.", "Test Wire"),
    ],
)
def test_the_source_is_read_from_the_attribution(
    gazetteer: Gazetteer, sentence: str, source: str
) -> None:
    pyongyang = _place(_parse(sentence, gazetteer), "pyongyang")
    assert pyongyang.mentions[0].source == source


# --- status ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Kim arrived in Vladivostok on Tuesday.", "reported"),
        ("Kim is expected to arrive in Vladivostok on Tuesday.", "expected"),
        ("Kim would likely arrive in Vladivostok as early as Tuesday.", "expected"),
        ("The Kremlin denied Kim would stop in Vladivostok.", "denied"),
        ("Kim's train will not stop in Vladivostok after all.", "ruled-out"),
        ("A stop in Vladivostok was ruled out on Tuesday.", "ruled-out"),
        ("A planned stop in Vladivostok was cancelled.", "ruled-out"),
    ],
)
def test_status_follows_the_hedging(gazetteer: Gazetteer, sentence: str, status: str) -> None:
    vladivostok = _place(_parse(sentence, gazetteer), "vladivostok")
    assert vladivostok.mentions[0].status == status


def test_a_ruled_out_stop_is_not_a_stop(gazetteer: Gazetteer) -> None:
    parsed = _parse(
        "Kim's train will not stop in Vladivostok after all, officials said. "
        "It will instead head for Khabarovsk.",
        gazetteer,
    )
    assert _roles(parsed)["vladivostok"] == "ruled-out"
    assert _roles(parsed)["khabarovsk"] == "destination"


def test_an_initially_reported_venue_is_superseded(gazetteer: Gazetteer) -> None:
    parsed = _parse(
        "The summit will take place at the Vostochny Cosmodrome, the Kremlin said, "
        "although Russian media had initially reported it would be held in Vladivostok.",
        gazetteer,
    )
    vladivostok = _place(parsed, "vladivostok")
    assert [m.status for m in vladivostok.mentions] == ["superseded"]
    assert vladivostok.role == "context"
    assert _roles(parsed)["vostochny"] == "destination"


# --- dates -----------------------------------------------------------------------------------


def test_mention_dates_come_from_their_sentence(gazetteer: Gazetteer) -> None:
    parsed = _parse(
        "Kim left Pyongyang late on Sunday. He is due to arrive in Khabarovsk on September 13.",
        gazetteer,
    )
    assert _place(parsed, "pyongyang").mentions[0].date == "2023-09-10T21:00"
    assert _place(parsed, "khabarovsk").mentions[0].date == "2023-09-13"


def test_a_mention_carries_the_part_of_the_day_it_was_said_with(gazetteer: Gazetteer) -> None:
    parsed = _parse(
        "Kim left Pyongyang late on Sunday. He is due to arrive in Khabarovsk on September 13.",
        gazetteer,
    )
    # "late on Sunday" is the evening of 10 September: the 21:00 of its date is a convention
    assert _place(parsed, "pyongyang").mentions[0].part == "evening"
    assert _place(parsed, "khabarovsk").mentions[0].part == ""


def test_a_past_year_makes_a_mention_historical(gazetteer: Gazetteer) -> None:
    parsed = _parse(
        "In 2019 Kim travelled by train to Vladivostok for his first summit.", gazetteer
    )
    vladivostok = _place(parsed, "vladivostok")
    assert vladivostok.role == "historical"
    assert vladivostok.mentions[0].date == "2019"


def test_since_a_year_is_not_history(gazetteer: Gazetteer) -> None:
    parsed = _parse(
        "Putin and Kim met at Vostochny on Wednesday, their first meeting since 2019.", gazetteer
    )
    assert _roles(parsed)["vostochny"] == "destination"


# --- roles -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "place_id", "role"),
    [
        ("The train departed from Hamhung on Monday.", "hamhung", "origin"),
        ("The train set off from Chongjin at dawn.", "chongjin", "origin"),
        ("The train passed through Ussuriysk overnight.", "ussuriysk", "via"),
        ("The train stopped briefly in Artyom.", "artyom", "via"),
        ("The train crossed into Russia at Khasan.", "khasan", "border"),
        ("The train is bound for Vladivostok.", "vladivostok", "destination"),
        ("The train is heading to Khabarovsk.", "khabarovsk", "destination"),
        ("Kim will arrive in Komsomolsk-on-Amur on Friday.", "komsomolsk", "destination"),
        ("Officials in Seoul watched the trip closely.", "seoul", "context"),
        ("Seoul warned that any arms deal would be punished.", "seoul", "actor"),
        ("Washington said the talks were advancing.", "washington", "actor"),
        ("Tokyo is in close contact with Washington and Seoul.", "seoul", "actor"),
        ("The Pyongyang-bound train left Khasan at dawn.", "pyongyang", "destination"),
        ("The train left Moscow-based diplomats puzzled.", "moscow", "context"),
        ("Kim will meet Putin in Vladivostok, the Kremlin said.", "moscow", "actor"),
        # a speaker in or from a capital: the frame after it is theirs ("… said")
        ("A trader in Seoul said the border shops had closed early.", "seoul", "context"),
        ("Backpackers who rode on from Beijing said the night was quiet.", "beijing", "origin"),
        ("Officials from Seoul said nothing about the train.", "seoul", "actor"),
        ("There was no comment from Washington, which said little.", "washington", "actor"),
    ],
)
def test_roles_follow_the_cues(
    gazetteer: Gazetteer, sentence: str, place_id: str, role: str
) -> None:
    assert _roles(_parse(sentence, gazetteer))[place_id] == role


def test_places_listed_together_share_their_role(gazetteer: Gazetteer) -> None:
    parsed = _parse("The train travelled through Kowon, Hamhung and Tanchon on Sunday.", gazetteer)
    assert {_roles(parsed)[p] for p in ("kowon", "hamhung", "tanchon")} == {"via"}


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        # what a stop is for, or how long, before the next item
        (
            "The train is due in Kazan on Thursday, then Perm for the salt mines, Tyumen and Omsk.",
            ("Perm", "Tyumen", "Omsk"),
        ),
        (
            "The train stopped in Irkutsk for a day, Ulan-Ude for a night and Chita before "
            "reaching Khabarovsk.",
            ("Irkutsk", "Ulan-Ude", "Chita"),
        ),
        # what a stop is, a region named inside it
        (
            "The train will call at Kazan, the capital of Tatarstan, and Yekaterinburg before "
            "reaching Omsk.",
            ("Kazan", "Yekaterinburg"),
        ),
    ],
)
def test_a_short_phrase_of_a_listed_stop_does_not_end_the_list(
    gazetteer: Gazetteer, text: str, listed: tuple[str, ...]
) -> None:
    roles = {p.place.name: p.role for p in _parse(text, gazetteer).places}
    assert all(roles.get(name) in STOP_ROLES for name in listed), roles


def test_an_attribution_between_two_places_is_no_list_item(gazetteer: Gazetteer) -> None:
    text = "The train stopped in Kazan, the agency said, and Moscow offered no comment."
    roles = {p.place.name: p.role for p in _parse(text, gazetteer).places}
    assert roles["Kazan"] in STOP_ROLES
    assert roles["Moscow"] not in STOP_ROLES


def test_a_move_denied_beyond_a_place_does_not_rule_the_place_out(gazetteer: Gazetteer) -> None:
    text = (
        "The leaders' train reached Kyiv on Saturday morning. They did not travel outside the "
        "capital, officials said, nor to Bucha."
    )
    parsed = _parse(text, gazetteer, published=date(2025, 5, 11))
    kyiv = next(p for p in parsed.places if p.place.name == "Kyiv")
    assert kyiv.role in STOP_ROLES
    assert all(m.status != "ruled-out" for m in kyiv.mentions)
    assert next(p for p in parsed.places if p.place.name == "Bucha").role == "ruled-out"


def test_a_past_year_in_a_clause_of_what_happened_there_dates_no_visit(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "She went first to Bucha and then to Irpin, where a bridge blown up in 2022 still lies "
        "in the river, her office said."
    )
    parsed = _parse(text, gazetteer, published=date(2023, 2, 22))
    for name in ("Bucha", "Irpin"):
        place = next(p for p in parsed.places if p.place.name == name)
        assert place.role in STOP_ROLES, name
        assert all(m.date is None or not m.date.startswith("2022") for m in place.mentions)


def test_a_place_one_is_invited_to_go_to_is_no_stop(gazetteer: Gazetteer) -> None:
    text = (
        "The governor invited the delegation to ride on to Lanzhou. The train reached Xining "
        "on Monday."
    )
    roles = {p.place.name: p.role for p in _parse(text, gazetteer).places}
    assert roles["Lanzhou"] not in STOP_ROLES
    assert roles["Xining"] in STOP_ROLES


@pytest.mark.parametrize(
    "text",
    [
        "The train did not stop anywhere except Omsk before reaching Novosibirsk.",
        "The train made no stops other than Omsk on its way to Novosibirsk.",
        "Apart from Omsk, the train did not stop before reaching Novosibirsk.",
    ],
)
def test_the_exception_to_a_denial_is_a_stop_and_what_follows_it_is_reached(
    gazetteer: Gazetteer, text: str
) -> None:
    roles = {p.place.name: p.role for p in _parse(text, gazetteer).places}
    assert roles == {"Omsk": "via", "Novosibirsk": "destination"}


def test_a_denied_stop_stays_ruled_out_without_an_exception(gazetteer: Gazetteer) -> None:
    roles = {
        p.place.name: p.role for p in _parse("The train did not stop in Omsk.", gazetteer).places
    }
    assert roles == {"Omsk": "ruled-out"}


def test_a_town_far_from_every_border_told_as_crossed_is_passed(gazetteer: Gazetteer) -> None:
    text = "After crossing the Blue Mountains on Sunday evening, the train reached Broken Hill."
    roles = {p.place.name: p.role for p in _parse(text, gazetteer).places}
    assert roles["Blue Mountains"] == "via"
    # a town at a border told as crossed is still where the border was crossed
    roles = {
        p.place.name: p.role for p in _parse("The train crossed at Przemysl.", gazetteer).places
    }
    assert roles["Przemyśl"] == "border"


def test_a_service_that_will_not_run_to_a_place_rules_it_out(gazetteer: Gazetteer) -> None:
    text = "The train stops in Kamloops. It will not run to Jasper on this route, she said."
    roles = {p.place.name: p.role for p in _parse(text, gazetteer).places}
    assert roles["Jasper"] == "ruled-out"


def test_a_country_entered_is_no_stop_when_the_next_sentence_names_its_town(
    gazetteer: Gazetteer,
) -> None:
    text = "The train left Basel on Monday and crossed into Germany. It called at Freiburg."
    roles = {p.place.name: p.role for p in _parse(text, gazetteer).places}
    assert roles["Germany"] == "context"
    # with no town of it told, the country entered is where the train went
    alone = "The train left Basel on Monday and crossed into Germany. Officials said nothing."
    assert {p.place.name: p.role for p in _parse(alone, gazetteer).places}["Germany"] == "via"


def test_a_list_repeating_its_preposition_shares_its_role(gazetteer: Gazetteer) -> None:
    text = "On Tuesday it called at the mining town of Aldan and at Tommot before noon."
    roles = {p.place.name: p.role for p in _parse(text, gazetteer).places}
    assert roles["Tommot"] == roles["Aldan"] == "via"


def test_an_expectation_told_in_the_past_perfect_is_no_stop(gazetteer: Gazetteer) -> None:
    text = (
        "The train reached Lhasa on Thursday. Some analysts had expected him to travel on to "
        "Shigatse, but state media made no mention of it."
    )
    roles = {p.place.name: p.role for p in _parse(text, gazetteer).places}
    assert roles["Rikaze"] not in STOP_ROLES
    assert roles["Lhasa"] in STOP_ROLES


def test_a_stop_told_later_with_its_preposition_again_is_a_stop(gazetteer: Gazetteer) -> None:
    text = "It stopped at Petrozavodsk near the shore of a lake and later at Segezha."
    roles = {p.place.name: p.role for p in _parse(text, gazetteer).places}
    assert roles["Segezha"] == roles["Petrozavodsk"] == "via"


def test_a_stop_named_by_an_indefinite_description_takes_the_cue(gazetteer: Gazetteer) -> None:
    text = "The train from Irkutsk stopped at a small station called Zima on Tuesday."
    roles = {p.place.name: p.role for p in _parse(text, gazetteer).places}
    assert roles["Zima"] == "via"


def test_a_stop_that_could_not_be_confirmed_is_a_guess(gazetteer: Gazetteer) -> None:
    text = (
        "A former diplomat said the train probably halted at Dandong for a change of crews, "
        "though this could not be confirmed. The train reached Beijing on Tuesday."
    )
    roles = {p.place.name: p.role for p in _parse(text, gazetteer).places}
    assert roles["Dandong"] not in STOP_ROLES
    assert roles["Beijing"] in STOP_ROLES


def test_a_train_that_will_not_continue_to_a_place_rules_it_out(gazetteer: Gazetteer) -> None:
    text = "The train reached Puno on Tuesday. It will not continue to Lima, a spokesman said."
    roles = {p.place.name: p.role for p in _parse(text, gazetteer).places}
    assert roles["Lima"] == "ruled-out"


def test_a_capital_left_is_an_origin_not_an_actor(gazetteer: Gazetteer) -> None:
    parsed = _parse(
        "Kim left Pyongyang on Sunday. Pyongyang would pay a price, Washington warned.",
        gazetteer,
    )
    assert _roles(parsed)["pyongyang"] == "origin"


# --- disambiguation and traps ------------------------------------------------------------------


def test_hassan_next_to_primorye_is_khasan(gazetteer: Gazetteer) -> None:
    parsed = _parse("The train reached Hassan in Primorye on Tuesday.", gazetteer)
    assert "khasan" in _roles(parsed)
    assert all(p.place.country != "IN" for p in parsed.places)


def test_hassan_in_an_indian_report_is_hassan_india(gazetteer: Gazetteer) -> None:
    parsed = _parse(
        "Farmers in Hassan, in the Indian state of Karnataka, protested on Monday, "
        "officials in India said.",
        gazetteer,
    )
    hassan = [p for p in parsed.places if p.mentions[0].text == "Hassan"]
    assert len(hassan) == 1 and hassan[0].place.country == "IN"


def test_a_tiny_namesake_town_never_beats_the_country(gazetteer: Gazetteer) -> None:
    parsed = _parse(
        "Officials in Washington said Russia might help North Korea, Kyodo reported.", gazetteer
    )
    assert "russia" in _roles(parsed)
    assert all(not p.place.id.startswith("gn:") for p in parsed.places)


def test_geonames_places_resolve_with_population_when_context_is_silent(
    gazetteer: Gazetteer,
) -> None:
    parsed = _parse("The delegation flew on to Irkutsk and Novosibirsk.", gazetteer)
    names = {p.place.name: p.place for p in parsed.places}
    assert names["Irkutsk"].country == "RU" and names["Novosibirsk"].country == "RU"


@pytest.mark.parametrize(
    ("text", "trap"),
    [
        ("Kim Jong Un left Pyongyang on Sunday.", "Un"),
        ("President Vladimir Putin met him in Vladivostok.", "Putin"),
        ("Former U.S. President Donald Trump met Kim in Hanoi.", "Trump"),
        ("Summit preparations were under way in Vladivostok.", "Summit"),
        ("Train traffic was halted in Ussuriysk.", "Train"),
        ("Officials in Khabarovsk declined to comment.", "Officials"),
        ("Both leaders met in Vladivostok.", "Both"),
        ("The train leaves at 10:00 Moscow time from Khabarovsk.", "Moscow"),
        ("Yonhap and TASS reported the train reached Khasan.", "TASS"),
        ("NHK and Kyodo said the train had reached Khasan.", "Kyodo"),
        ("On Monday, May 1, the train reached Khasan.", "May"),
        ("Ships of the Pacific Fleet were in Vladivostok.", "Fleet"),
        ("Jordan Peterson and Paris Hilton visited Khabarovsk.", "Jordan"),
        ("Jordan Peterson and Paris Hilton visited Khabarovsk.", "Paris"),
    ],
)
def test_traps_are_no_places(gazetteer: Gazetteer, text: str, trap: str) -> None:
    parsed = _parse(text, gazetteer)
    start = text.index(trap)
    for located in parsed.places:
        for m in located.mentions:
            assert not (m.start < start + len(trap) and start < m.end), (trap, m.text)


def test_the_far_eastern_city_of_vladivostok_is_one_mention(gazetteer: Gazetteer) -> None:
    parsed = _parse("Putin will be in the far eastern city of Vladivostok on Tuesday.", gazetteer)
    assert [(p.place.id, [m.text for m in p.mentions]) for p in parsed.places] == [
        ("vladivostok", ["Vladivostok"])
    ]


@pytest.mark.parametrize("phrase", ["Russia's far east", "the Russian Far East", "the far east"])
def test_descriptions_of_the_far_east_are_the_area(gazetteer: Gazetteer, phrase: str) -> None:
    text = f"Kim was expected to visit {phrase} in the coming days."
    far_east = _place(_parse(text, gazetteer), "russian-far-east")
    mention = far_east.mentions[0]
    assert text[mention.start : mention.end] == mention.text
    assert mention.text.lower().endswith("far east")


def test_korean_and_russian_spellings_in_the_text_are_found(gazetteer: Gazetteer) -> None:
    text = "The train left 평양 and crossed at Хасан before reaching Владивосток."
    parsed = _parse(text, gazetteer)
    texts = {p.place.id: [m.text for m in p.mentions] for p in parsed.places}
    assert texts["pyongyang"] == ["평양"]
    assert texts["khasan"] == ["Хасан"]
    assert texts["vladivostok"] == ["Владивосток"]


def test_several_reports_keep_their_own_ids_and_order(gazetteer: Gazetteer) -> None:
    first = report_from_text("Kim left Pyongyang on Sunday.", report_id="a", source="A")
    second = report_from_text("The train crossed into Russia at Khasan.", report_id="b", source="B")
    parsed = parse([first, second], gazetteer)
    assert [p.place.id for p in parsed.places] == ["pyongyang", "russia", "khasan"]
    assert _place(parsed, "khasan").mentions[0].report_id == "b"
    assert _place(parsed, "pyongyang").mentions[0].source == "A"


def test_no_reports_give_nothing(gazetteer: Gazetteer) -> None:
    assert parse([], gazetteer) == Parsed()


def test_a_place_the_line_bypasses_is_ruled_out_and_the_next_one_is_where_it_went(
    gazetteer: Gazetteer,
) -> None:
    parsed = _parse(
        "The convoy took a freight loop that bypasses Kazan. It then ran on to Samara.", gazetteer
    )
    kazan = next(p for p in parsed.places if p.place.name == "Kazan")
    assert kazan.mentions[0].status == "ruled-out"
    assert next(p for p in parsed.places if p.place.name == "Samara").role == "destination"


def test_a_train_still_hours_from_a_city_is_heading_there(gazetteer: Gazetteer) -> None:
    parsed = _parse("By noon on Monday the train was still two hours from Irkutsk.", gazetteer)
    assert next(p for p in parsed.places if p.place.name == "Irkutsk").role == "destination"
