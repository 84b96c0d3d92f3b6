"""The static map's shapes, markers and quote callouts, as an editor publishing it relies on."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import pytest
from PIL import Image

from routes.__main__ import main
from routes.publish.png import draw


def _png_size(data: bytes) -> tuple[int, int]:
    """(width, height) of a PNG."""
    return Image.open(io.BytesIO(data)).size


@pytest.mark.parametrize(("size", "ratio"), [("16:9", 16 / 9), ("1:1", 1.0), ("4:5", 0.8)])
def test_each_fixed_size_gives_the_asked_aspect_ratio(journey, size, ratio):
    width, height = _png_size(draw.render_png(journey, size=size))
    assert width >= 1600
    assert width / height == pytest.approx(ratio, rel=0.002)


def test_the_tall_size_follows_the_route_and_the_settings_choose_the_size(journey):
    tall = _png_size(draw.render_png(journey))
    assert tall[1] > tall[0] * 0.62
    square = replace(journey, settings=replace(journey.settings, map_size="1:1"))
    width, height = _png_size(draw.render_png(square))
    assert width == height


def test_an_unknown_size_is_refused_with_the_sizes_named(journey):
    with pytest.raises(ValueError, match="16:9"):
        draw.render_png(journey, size="3:2")


@pytest.mark.slow  # a whole build of the bundled report
def test_build_size_option_writes_maps_of_that_shape(tmp_path):
    assert main(["build", "--out", str(tmp_path), "--size", "16:9", "--byline", "Desk"]) == 0
    width, height = _png_size((tmp_path / "map.png").read_bytes())
    assert width / height == pytest.approx(16 / 9, rel=0.002)
    svg = (tmp_path / "map.svg").read_text(encoding="utf-8")
    match = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg)
    assert match and float(match[1]) / float(match[2]) == pytest.approx(16 / 9, rel=0.002)
    assert "Graphic: Desk" in svg
