"""The static map drawn in a second process: the same files, errors reach the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from routes.publish import drawer, outputs
from tests.journey_fixture import fixture_journey

pytestmark = pytest.mark.slow  # forks a process that draws the PNG, SVG and PDF


def _started() -> drawer.Drawer:
    started = drawer.start()
    assert started is not None, "this Linux machine with two cores can fork a drawer"
    return started


def test_the_drawer_writes_the_same_bytes_as_drawing_in_process(tmp_path: Path) -> None:
    journey = fixture_journey()
    alone = outputs.write_all(journey, tmp_path / "alone")
    draw = _started()
    try:
        beside = outputs.write_all(journey, tmp_path / "beside", drawer=draw)
    finally:
        draw.close()
    assert tuple(beside) == outputs.OUTPUT_FILES
    assert {o.file for o in drawer.DRAWN} == {"map.png", "map.svg", "map.pdf"}
    for name in outputs.OUTPUT_FILES:
        assert beside[name].read_bytes() == alone[name].read_bytes(), name


def test_an_error_in_the_drawer_is_raised_in_the_build(tmp_path: Path) -> None:
    draw = _started()
    try:
        draw.draw(fixture_journey(), tmp_path / "no-such-folder")
        with pytest.raises(OSError):
            draw.wait()
    finally:
        draw.close()
    assert not draw.process.is_alive()


def test_a_drawer_never_sent_a_journey_stops_when_closed() -> None:
    draw = _started()
    draw.close()
    assert not draw.process.is_alive()
    assert draw.process.exitcode == 0
