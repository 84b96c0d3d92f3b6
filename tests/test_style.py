"""One home for colours and labels: every role and status has them, and the map's CSS reads them."""

from __future__ import annotations

import itertools
import re

from routes.model import Role, Status
from routes.paths import WEB_ASSETS_DIR
from routes.publish import style


def test_every_role_has_a_colour_a_label_and_a_layer_name() -> None:
    for role in Role:
        assert role in style.ROLE_COLOURS
        assert style.ROLE_LABELS[role]
        assert style.ROLE_LAYERS[role]


def test_every_status_has_a_chart_colour_and_a_chip() -> None:
    for status in Status:
        assert re.fullmatch(r"#[0-9A-Fa-f]{3,6}", style.STATUS_COLOURS[status])
        assert len(style.STATUS_CHIPS[status]) == 2


def test_the_map_stylesheet_uses_only_variables_the_style_module_declares() -> None:
    declared = set(re.findall(r"--(rr-[\w-]+):", style.css_variables()))
    used = set(re.findall(r"var\(--(rr-[\w-]+)\)", (WEB_ASSETS_DIR / "map.css").read_text()))
    assert used, "map.css reads its colours from routes.publish.style"
    assert used <= declared


def test_a_status_chip_class_exists_for_every_status() -> None:
    css = (WEB_ASSETS_DIR / "card.css").read_text()  # the chips style the place card
    for status in Status:
        if status is not Status.REPORTED:  # the plain .rr-status chip
            assert f".rr-status-{status}" in css


def test_a_country_keeps_its_own_colour_and_the_others_get_distinct_spare_ones() -> None:
    colours = style.country_colours(["pl", "RU", "UA", "VN"])
    assert list(colours) == ["PL", "RU", "UA", "VN"]
    assert colours["RU"] == style.COUNTRY_COLOURS["RU"]
    spares = [colours[c] for c in ("PL", "UA", "VN")]
    assert spares == list(style.SPARE_COUNTRY_COLOURS[:3])


def test_when_spare_colours_run_out_neighbours_in_travel_order_still_differ() -> None:
    codes = ["PL", "UA", "BY", "LT", "LV", "EE", "FI"]
    assert len(codes) > len(style.SPARE_COUNTRY_COLOURS)
    colours = style.country_colours(codes)
    assert all(colours[a] != colours[b] for a, b in itertools.pairwise(codes))


def test_a_rail_leg_in_no_known_country_is_drawn_in_the_default_colour() -> None:
    colours = style.country_colours(["KP"])
    assert style.route_colour("rail", (), colours) == style.DEFAULT_ROUTE_COLOUR
    assert style.route_colour("rail", ("kp",), colours) == style.COUNTRY_COLOURS["KP"]
    assert style.route_colour("air", ("KP",), colours) == style.AIR_COLOUR
