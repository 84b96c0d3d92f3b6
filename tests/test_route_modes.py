"""Flown and driven legs: cue words in the reports set the leg kind; drawn as arcs."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from routes.model import Kind, LegKind, LocatedPlace, Mention, Place, Role, Settings, Status
from routes.rail.geodesy import point_km
from routes.rail.modes import arrival_modes, mention_mode
from routes.rail.route import route
from tests.test_network import synthetic_network

ALPHA = Place(id="alpha", name="Alpha", kind=Kind.TOWN, lat=42.01, lon=129.0, country="KP")
DELTA = Place(id="delta", name="Delta", kind=Kind.TOWN, lat=42.01, lon=131.0, country="RU")


def _mention(sentence: str, name: str, status: str = Status.REPORTED) -> Mention:
    """A mention of ``name`` in a one-sentence report."""
    start = sentence.index(name)
    return Mention(
        report_id="r",
        place_id=name.lower(),
        start=start,
        end=start + len(name),
        text=name,
        sentence_start=0,
        sentence_end=len(sentence),
        quote=sentence,
        source="",
        status=status,
    )


@pytest.mark.parametrize(
    ("sentence", "mode"),
    [
        ("Kim flew to Delta on Tuesday.", LegKind.AIR),
        ("He arrived in Delta by plane late on Monday.", LegKind.AIR),
        ("His jet landed at the Delta airfield.", LegKind.AIR),
        ("The motorcade drove to Delta.", LegKind.ROAD),
        ("His armoured train reached Delta at dawn.", LegKind.RAIL),
        ("Officials met in Delta.", None),
    ],
)
def test_cue_words_near_the_place_give_the_mode(sentence: str, mode: LegKind | None) -> None:
    assert mention_mode(_mention(sentence, "Delta")) == mode


def test_a_cue_far_from_the_place_does_not_count() -> None:
    sentence = "Putin flew home after the summit, " + "and officials said much later " * 3
    sentence += "that the train was in Delta."
    assert mention_mode(_mention(sentence, "Delta")) == LegKind.RAIL


def test_denied_mentions_do_not_set_the_mode() -> None:
    denied = _mention("Reports that he flew to Delta were denied.", "Delta", status=Status.DENIED)
    located = LocatedPlace(place=DELTA, role=Role.DESTINATION, mentions=(denied,))
    assert arrival_modes([located]) == {}
    flown = _mention("Kim flew to Delta.", "Delta")
    located = LocatedPlace(place=DELTA, role=Role.DESTINATION, mentions=(flown,))
    assert arrival_modes([located]) == {"delta": LegKind.AIR}


@pytest.mark.parametrize("kind", [LegKind.AIR, LegKind.ROAD])
def test_a_flown_or_driven_leg_is_a_geodesic_arc_of_its_kind(kind: LegKind) -> None:
    result = route(
        [(ALPHA, Role.ORIGIN), (DELTA, Role.DESTINATION)],
        Settings(),
        network=synthetic_network(),
        modes={"delta": kind},
    )
    (leg,) = result.legs
    assert leg.kind == kind
    assert leg.coords[0] == (ALPHA.lon, ALPHA.lat) and leg.coords[-1] == (DELTA.lon, DELTA.lat)
    assert leg.km == pytest.approx(point_km(leg.coords[0], leg.coords[-1]), rel=1e-6)
    assert len(leg.coords) > 10  # densified: drawn as a curve
    assert leg.countries == ("KP", "RU") and result.warnings == ()


def test_a_flight_is_timed_at_flying_speed_not_train_speed() -> None:
    depart = datetime(2023, 9, 10, 12, 0)
    result = route(
        [(ALPHA, Role.ORIGIN), (DELTA, Role.DESTINATION)],
        Settings(depart=depart, speed_kmh=50.0, border_dwell_min=0.0),
        network=synthetic_network(),
        modes={"delta": LegKind.AIR},
    )
    hours = (result.stops[1].eta - depart).total_seconds() / 3600
    assert hours < 1.0 < result.legs[0].km / 50.0


def _flown_journey():
    """The fixture journey with its second leg flown."""
    from tests.journey_fixture import fixture_journey

    journey = fixture_journey(with_xss=False)
    first, second = journey.route.legs
    flown = replace(second, kind=LegKind.AIR)
    return replace(journey, route=replace(journey.route, legs=(first, flown)))


def test_the_map_draws_a_flown_leg_in_its_own_style_and_legend() -> None:
    from routes.publish import style
    from routes.publish.web.render import map_html

    html = map_html(_flown_journey())
    assert "rr-air" in html and style.AIR_COLOUR in html
    assert style.LEG_LABELS[LegKind.AIR] in html and "flown" in html


@pytest.mark.slow  # draws a static map
def test_the_static_map_draws_a_flown_leg_in_its_own_colour_and_legend() -> None:
    from routes.publish import style
    from routes.publish.png.draw import render_map

    svg = render_map(_flown_journey(), "svg").decode("utf-8")
    assert style.LEG_LABELS[LegKind.AIR] in svg
    assert style.AIR_COLOUR.lower() in svg.lower()
