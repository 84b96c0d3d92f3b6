"""A place referred back to ("this border town", "here") is the dateline's place."""

from __future__ import annotations

from datetime import date

from routes.model import Role
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


def test_without_a_dateline_here_refers_to_nothing(gazetteer: Gazetteer) -> None:
    places = _places("The night train to Lviv left here late on Thursday.", gazetteer)
    assert list(places) == ["Lviv"]
