"""The command line a newcomer meets first: help, build, parse, route and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from routes.__main__ import EXIT_BAD_INPUT, EXIT_OK, main
from routes.publish.outputs import OUTPUT_FILES

pytestmark = pytest.mark.slow

PROJECT = Path(__file__).resolve().parent.parent


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m routes`` as a user would, from the project folder."""
    return subprocess.run(
        [sys.executable, "-m", "routes", *args],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_help_lists_every_command_and_option() -> None:
    result = _cli("--help")
    assert result.returncode == 0
    for word in ("build", "parse", "route", "bundled sample report"):
        assert word in result.stdout
    build_help = _cli("build", "--help").stdout
    for name in OUTPUT_FILES:  # a new output in the registry is offered by the CLI
        assert name in result.stdout + build_help, name
    for option in ("--out", "--speed", "--depart", "--title", "--basemap"):
        assert option in build_help


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess, Path]:
    """``python -m routes build`` on the bundled report, once for the module."""
    out = tmp_path_factory.mktemp("build")
    return _cli("build", "--out", str(out), "--title", "Kim's train"), out


def test_build_with_no_report_writes_every_registered_output_for_the_bundled_report(built) -> None:
    result, out = built
    assert result.returncode == EXIT_OK, result.stderr
    for name in OUTPUT_FILES:
        assert (out / name).stat().st_size > 0, name
    assert "[routes]" in result.stderr  # progress goes to stderr, not stdout


def test_build_title_option_reaches_the_map(built) -> None:
    _, out = built
    assert (
        "Kim&#x27;s train" in (out / "map.html").read_text()
        or "Kim's train" in (out / "map.html").read_text()
    )


def test_build_geojson_routes_pyongyang_to_vladivostok(built) -> None:
    _, out = built
    collection = json.loads((out / "route.geojson").read_text())
    roles = {
        f["properties"]["name"]: f["properties"]["role"]
        for f in collection["features"]
        if (f["geometry"] or {}).get("type") == "Point"
    }
    assert roles["Pyongyang"] == "origin"
    assert roles["Vladivostok"] == "destination"
    legs = [f for f in collection["features"] if (f["geometry"] or {}).get("type") == "LineString"]
    assert legs and all(leg["properties"]["kind"] == "rail" for leg in legs)


def test_speed_option_changes_the_arrival_time(tmp_path: Path) -> None:
    slow, fast = tmp_path / "slow", tmp_path / "fast"
    depart = "2023-09-10T21:00"
    assert main(["build", "--out", str(slow), "--speed", "30", "--depart", depart]) == EXIT_OK
    assert main(["build", "--out", str(fast), "--speed", "60", "--depart", depart]) == EXIT_OK

    def last_eta(folder: Path) -> str:
        points = json.loads((folder / "route.geojson").read_text())["features"]
        etas = [f["properties"]["eta"] for f in points if f["properties"].get("eta")]
        return max(etas)

    assert last_eta(fast) < last_eta(slow)


def test_bad_report_gets_a_clear_message_and_a_nonzero_exit(tmp_path: Path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text("{not json", encoding="utf-8")
    result = _cli("build", str(bad), "--out", str(tmp_path / "out"))
    assert result.returncode == EXIT_BAD_INPUT
    assert "broken.json" in result.stderr
    assert "Traceback" not in result.stderr


def test_good_reports_still_build_beside_a_bad_one(tmp_path: Path, bundled_report: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    out = tmp_path / "out"
    result = _cli("build", str(bundled_report), str(bad), "--out", str(out))
    assert result.returncode == EXIT_BAD_INPUT  # the user is told something failed …
    assert "empty.txt" in result.stderr
    assert (out / "route.geojson").exists()  # … and the good report is still mapped


def test_bad_speed_is_refused_with_the_reason() -> None:
    result = _cli("build", "--speed", "fast")
    assert result.returncode == 2
    assert "speed" in result.stderr


def test_parse_geojson_prints_places_with_exact_mentions(bundled_report: Path) -> None:
    result = _cli("parse", str(bundled_report), "--geojson")
    assert result.returncode == EXIT_OK, result.stderr
    collection = json.loads(result.stdout)
    text = bundled_report.read_text(encoding="utf-8")
    body = text.split("---", 2)[2].lstrip("\n")
    khasan = next(f for f in collection["features"] if f["properties"]["name"] == "Khasan")
    assert khasan["properties"]["role"] == "border"
    for mention in khasan["properties"]["mentions"]:
        assert body[mention["start"] : mention["end"]] in mention["quote"]


def test_route_command_prints_legs_between_named_places() -> None:
    result = _cli("route", "Pyongyang", "Khasan", "Vladivostok", "--geojson")
    assert result.returncode == EXIT_OK, result.stderr
    features = json.loads(result.stdout)["features"]
    total = sum(
        f["properties"]["km"] for f in features if (f["geometry"] or {}).get("type") == "LineString"
    )
    assert 1180 * 0.92 <= total <= 1180 * 1.08


def test_route_command_names_an_unknown_place() -> None:
    result = _cli("route", "Pyongyang", "Atlantis-on-Amur")
    assert result.returncode == EXIT_BAD_INPUT
    assert "Atlantis-on-Amur" in result.stderr
    assert "Traceback" not in result.stderr
