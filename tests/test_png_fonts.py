"""Place names in Hangul and Cyrillic draw with real glyphs in PNG, SVG and PDF."""

from __future__ import annotations

import io
import warnings
from dataclasses import replace

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from routes.publish.png import draw

pytestmark = pytest.mark.slow  # every test here draws a static map with matplotlib

KOREAN = "평양"
RUSSIAN = "Хасан"


def _missing_glyph_warnings(make) -> list[str]:
    """Warnings about glyphs missing from the fonts raised while ``make()`` runs."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        make()
    return [str(w.message) for w in caught if "missing from" in str(w.message)]


def test_a_font_without_hangul_is_caught_by_the_check():
    def draw_with_default_font():
        figure = Figure()
        FigureCanvasAgg(figure)
        figure.text(0.5, 0.5, KOREAN, family="DejaVu Sans")
        figure.savefig(io.BytesIO(), format="png")

    assert _missing_glyph_warnings(draw_with_default_font)


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_korean_and_russian_place_names_draw_without_missing_glyphs(journey, fmt):
    first, second, *rest = journey.route.stops
    stops = (
        replace(first, place=replace(first.place, name=f"{KOREAN} Pyongyang")),
        replace(second, place=replace(second.place, name=RUSSIAN)),
        *rest,
    )
    named = replace(journey, route=replace(journey.route, stops=stops))
    data: list[bytes] = []
    assert _missing_glyph_warnings(lambda: data.append(draw.render_map(named, fmt))) == []
    if fmt == "svg":  # kept as text an editor can restyle
        assert KOREAN in data[0].decode("utf-8") and RUSSIAN in data[0].decode("utf-8")
