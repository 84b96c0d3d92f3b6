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


def test_map_text_reaches_the_text_minimum_on_its_background():
    on_land = (style.CONTEXT_TEXT, style.AREA_NAME_COLOUR, style.AREA_TEXT)
    for colour in on_land:
        assert contrast(colour, style.LAND_COLOUR) >= TEXT, colour
    assert contrast(style.CALLOUT_TEXT, WHITE) >= TEXT
    for background, text in style.STATUS_CHIPS.values():
        assert contrast(text, background) >= TEXT, (background, text)


def test_callout_frames_and_leader_lines_are_visible_on_white_and_land():
    for colour in (style.CALLOUT_EDGE, style.LEADER_COLOUR):
        assert contrast(colour, WHITE) >= GRAPHICS
        assert contrast(colour, style.LAND_COLOUR) >= GRAPHICS


#: Every colour the maps draw a route, a leg, a marker or a ring in, named for the failure message.
DRAWN: dict[str, str] = {
    **{f"rail in {code}": colour for code, colour in style.COUNTRY_COLOURS.items()},
    "rail elsewhere": style.DEFAULT_ROUTE_COLOUR,
    **{f"{kind} leg": colour for kind, (colour, _dash) in style.LEG_STYLES.items()},
    **{f"{role} marker": colour for role, colour in style.ROLE_COLOURS.items()},
    **{f"report ring {n}": colour for n, colour in enumerate(style.REPORT_RING_COLOURS)},
    "added-by-hand ring": style.ADDED_RING_COLOUR,
    "area outline": style.AREA_EDGE,
    "national border": style.BORDER_COLOUR,
    "inset frame": style.INSET_FRAME_COLOUR,
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
