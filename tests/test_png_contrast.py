"""WCAG 2.1 contrast of the map colours, computed from routes/publish/style.py (the one home
of the colours the PNG, the HTML map and the dashboard draw with)."""

from __future__ import annotations

import re

import pytest

from routes.model import STOP_ROLES, Role
from routes.paths import WEB_ASSETS_DIR
from routes.publish import style

#: WCAG 2.1 minimums: text (1.4.3) and graphical objects (1.4.11).
TEXT, GRAPHICS = 4.5, 3.0
WHITE = "#FFFFFF"


def _luminance(colour: str) -> float:
    """Relative luminance of a #RGB or #RRGGBB colour (WCAG 2.1 definition)."""
    hex_ = colour.lstrip("#")
    if len(hex_) == 3:
        hex_ = "".join(c * 2 for c in hex_)
    channels = [int(hex_[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two colours, 1 to 21."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_contrast_formula_matches_wcag_reference_values():
    assert contrast("#000000", WHITE) == pytest.approx(21.0)
    assert contrast("#767676", WHITE) == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("role", STOP_ROLES)
def test_white_stop_numbers_are_readable_on_every_stop_marker(role):
    assert contrast(style.MARKER_TEXT_COLOUR, style.ROLE_COLOURS[role]) >= TEXT


@pytest.mark.parametrize("ground", [style.LAND_COLOUR, style.SEA_COLOUR])
def test_markers_dots_and_area_outlines_stand_out_from_land_and_sea(ground):
    for role in (*STOP_ROLES, Role.CONTEXT):
        assert contrast(style.ROLE_COLOURS[role], ground) >= GRAPHICS, role
    assert contrast(style.AREA_EDGE, ground) >= GRAPHICS


#: Every colour the static map writes text in, with what it is written on: names on the land,
#: sea names on the sea, and the rest on white (the page, the callout boxes, the text halo).
TEXT_ON: dict[str, tuple[str, str]] = {
    "context place names": (style.CONTEXT_TEXT, style.LAND_COLOUR),
    "country and region names": (style.AREA_NAME_COLOUR, style.LAND_COLOUR),
    "area names": (style.AREA_TEXT, style.LAND_COLOUR),
    "sea names": (style.SEA_TEXT, style.SEA_COLOUR),
    "callout text": (style.CALLOUT_TEXT, WHITE),
    "stop names": (style.STOP_NAME_TEXT, WHITE),
    "title": (style.TITLE_TEXT, WHITE),
    "subtitle": (style.SUBTITLE_TEXT, WHITE),
    "stop key and scale figures": (style.INK_COLOUR, WHITE),
    "credit line": (style.CREDIT_TEXT, WHITE),
    **{f"{status} chip": (text, bg) for status, (bg, text) in style.STATUS_CHIPS.items()},
}


@pytest.mark.parametrize("name", TEXT_ON)
def test_map_text_reaches_the_text_minimum_on_its_background(name):
    colour, background = TEXT_ON[name]
    assert contrast(colour, background) >= TEXT


#: Every colour the maps draw a route, a leg, a marker or a ring in, named for the failure message.
DRAWN: dict[str, str] = {
    **{f"rail in {code}": colour for code, colour in style.COUNTRY_COLOURS.items()},
    **{f"rail spare {n}": colour for n, colour in enumerate(style.SPARE_COUNTRY_COLOURS)},
    "rail elsewhere": style.DEFAULT_ROUTE_COLOUR,
    **{f"{kind} leg": colour for kind, (colour, _dash) in style.LEG_STYLES.items()},
    **{f"{role} marker": colour for role, colour in style.ROLE_COLOURS.items()},
    **{f"report ring {n}": colour for n, colour in enumerate(style.REPORT_RING_COLOURS)},
    "added-by-hand ring": style.ADDED_RING_COLOUR,
    "area outline": style.AREA_EDGE,
    "national border": style.BORDER_COLOUR,
    "coastline": style.COAST_COLOUR,
    "inset frame": style.INSET_FRAME_COLOUR,
    "map and inset frame": style.FRAME_COLOUR,
    "scale bar, north arrow, border mark": style.INK_COLOUR,
    "callout and legend edges": style.CALLOUT_EDGE,
    "leader lines": style.LEADER_COLOUR,
}
#: What they are drawn on: the basemap's land and sea, and the white casing of the route lines.
GROUNDS = {"land": style.LAND_COLOUR, "sea": style.SEA_COLOUR, "white": WHITE}


@pytest.mark.parametrize("ground", GROUNDS)
@pytest.mark.parametrize("name", DRAWN)
def test_every_route_leg_and_marker_colour_stands_out_where_it_is_drawn(name, ground):
    assert contrast(DRAWN[name], GROUNDS[ground]) >= GRAPHICS


@pytest.mark.parametrize("kind", style.LEG_STYLES)
def test_labels_written_in_a_leg_colour_are_readable_on_their_white_halo(kind):
    assert contrast(style.leg_dash_style(kind)[0], WHITE) >= TEXT


@pytest.mark.parametrize("status", style.STATUS_COLOURS)
def test_timeline_status_colours_stand_out_from_the_white_chart(status):
    assert contrast(style.STATUS_COLOURS[status], WHITE) >= GRAPHICS


def _css_variables() -> dict[str, str]:
    """The --rr-* colours style.css_variables() gives the HTML map and the dashboard."""
    return dict(re.findall(r"--rr-([\w-]+):(#[0-9A-Fa-f]{3,6});", style.css_variables()))


def test_css_colours_of_the_html_map_meet_the_same_minimums():
    variables = _css_variables()
    grounds = {"sea", "land", "area-fill"}  # the basemap itself and the faint area fill
    for name, colour in variables.items():
        if name in grounds or name.endswith("-bg"):
            continue
        floor = TEXT if name.endswith("-fg") else GRAPHICS
        background = variables.get(name.removesuffix("-fg") + "-bg")
        for ground in [background] if background else [style.LAND_COLOUR, style.SEA_COLOUR]:
            assert contrast(colour, ground) >= floor, (name, colour, ground)


def test_every_colour_variable_map_css_reads_is_generated_from_style():
    used = set(re.findall(r"var\(--rr-([\w-]+)\)", (WEB_ASSETS_DIR / "map.css").read_text()))
    assert used and used <= set(_css_variables())


#: Colours exempt from a minimum: the grounds everything else is measured on, the faint fill of
#: an area (its dashed edge carries it) and the graticule (decoration: nothing is read from it).
UNMEASURED = {style.LAND_COLOUR, style.SEA_COLOUR, style.AREA_FILL, style.GRATICULE_COLOUR}


def _style_colours() -> dict[str, str]:
    """Every colour style.py defines, by where: ``NAME[key][n]`` (key empty for a plain value,
    n the position in a tuple)."""
    found: dict[str, str] = {}
    for name, value in vars(style).items():
        if not name.isupper():
            continue
        values = value.items() if isinstance(value, dict) else [("", value)]
        for key, item in values:
            for n, colour in enumerate(item if isinstance(item, tuple) else (item,)):
                if isinstance(colour, str) and re.fullmatch(r"#[0-9A-Fa-f]{3,6}", colour):
                    found[f"{name}[{key}][{n}]"] = colour
    return found


def test_every_colour_in_style_is_measured_against_what_it_is_drawn_on():
    measured = {c.upper() for c in DRAWN.values()}
    measured |= {c.upper() for pair in TEXT_ON.values() for c in pair}
    measured |= {c.upper() for c in (*style.STATUS_COLOURS.values(), style.MARKER_TEXT_COLOUR)}
    measured |= {c.upper() for c in UNMEASURED}
    unmeasured = {k: c for k, c in _style_colours().items() if c.upper() not in measured}
    assert not unmeasured
