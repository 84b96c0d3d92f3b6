"""People are told by the shape of their names, not by a list: a surname told again alone
is the person the report named in full, not a town of that name."""

from __future__ import annotations

from datetime import date

from routes.read.gazetteer import Gazetteer
from routes.read.geoparse import parse
from routes.read.parse.people import surnames
from routes.read.reports import report_from_text


def _names(text: str, gazetteer: Gazetteer) -> set[str]:
    report = report_from_text(text, source="Test Wire", published=date(2024, 5, 2), report_id="p")
    return {p.place.name for p in parse([report], gazetteer).places}


def test_a_name_after_a_title_or_a_first_name_gives_its_surname() -> None:
    text = (
        "Transport Minister Ada Lincoln met Kim Jong Un's envoy. "
        "Governor Oleg Kozhemyako of the region joined them, as did the Mayor."
    )
    # both ends of each name: the surname stands first in "Kim Jong Un", last in "Ada Lincoln"
    assert surnames(text) == {"ada", "lincoln", "kim", "un", "oleg", "kozhemyako"}


def test_a_surname_told_again_alone_is_the_person_not_a_town(gazetteer: Gazetteer) -> None:
    trip = "rode the night train from Przemyśl to Lviv."
    later = " The journey took nine hours, Lincoln told reporters. Photographs showed Lincoln."
    unnamed = _names("The minister " + trip + later, gazetteer)
    assert "Lincoln" in unnamed  # nobody of that name told: the word may be the town
    names = _names("Transport Minister Ada Lincoln " + trip + later, gazetteer)
    assert {"Przemyśl", "Lviv"} <= names
    assert "Lincoln" not in names


def test_the_town_of_a_persons_surname_after_a_word_of_place_stays_a_place(
    gazetteer: Gazetteer,
) -> None:
    text = "Transport Minister Ada Lincoln rode the train to Lviv. Her aides later flew to Lincoln."
    assert "Lincoln" in _names(text, gazetteer)


def test_a_surname_told_first_is_the_person_when_told_again(gazetteer: Gazetteer) -> None:
    text = (
        "Kim held talks with Chinese President Hu Jintao in Changchun on Friday. Hu had "
        "travelled north for the talks, an official said."
    )
    assert _names(text, gazetteer) == {"Changchun"}  # no "Hu" read as Shanghai's short name


def test_a_given_name_that_is_a_town_stays_a_place_after_a_word_of_place(
    gazetteer: Gazetteer,
) -> None:
    text = "President Vladimir Putin met him in Moscow. On Sunday the train passed Vladimir."
    assert "Vladimir" in _names(text, gazetteer)


def test_a_name_with_an_age_after_it_is_a_person_whatever_its_first_word() -> None:
    text = '"We saw the lights," said June Paterson, 71, a nurse. Others joined Lincoln.'
    assert surnames(text) == {"june", "paterson"}


def test_a_person_told_with_an_age_is_not_the_town_of_their_surname(gazetteer: Gazetteer) -> None:
    text = (
        "The senator rode the train from Newark to Trenton. "
        '"It was long," said June Paterson, 71, who sat beside him.'
    )
    names = _names(text, gazetteer)
    assert {"Newark", "Trenton"} <= names
    assert "Paterson" not in names
