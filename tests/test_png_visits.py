"""The static map of a place passed out and back: one marker numbering both visits."""

from __future__ import annotations

from routes.publish.png import draw
from tests.test_export_visits import out_and_back_journey
from tests.test_png_layout import _svg_words


def test_a_place_passed_out_and_back_is_one_marker_numbering_both_visits() -> None:
    journey = out_and_back_journey()
    texts = [text for text, *_ in draw.map_layout(journey, size="16:9").markers]
    assert "2, 4" in texts and "1, 5" in texts and "3" in texts
    words = _svg_words(draw.render_map(journey, "svg").decode("utf-8"))
    assert "2, 4 Khasan" in words  # one callout for both visits, not one per visit
    assert "4 Khasan" not in words.replace("2, 4 Khasan", "")
