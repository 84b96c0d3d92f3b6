"""Which places a report's words find: names with lower-case or geographic words inside,
city-states, namesakes by their own name, Russian adjective endings in transliteration."""

from __future__ import annotations

from datetime import date

from routes.model import Kind, Parsed
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
