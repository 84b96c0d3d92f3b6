"""Hostile input: run-on sentences and repeated names stay bounded in work and output."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from unittest.mock import patch
from xml.etree import ElementTree

import pytest

from routes import dashboard as session
from routes.__main__ import EXIT_BAD_INPUT, EXIT_OK, main
from routes.model import NO_PLACES_MESSAGE, Corrections, Settings
from routes.pipeline import build
from routes.publish.export import CSV_COLUMNS
from routes.publish.outputs import OUTPUT_FILES, write_all
from routes.publish.png.draw import render_png
from routes.publish.png.text import sources_line as _sources_line
from routes.publish.web.render import map_html
from routes.read.geoparse import MAX_MENTIONS_PER_REPORT, QUOTE_CONTEXT
from routes.read.reports import (
    MAX_REPORTS,
    MAX_SENTENCE_CHARS,
    bundled_report_paths,
    load_bytes,
    load_paths,
    report_from_text,
    sentence_spans,
)

pytestmark = pytest.mark.slow  # subprocesses, worker pools, whole builds

PROJECT = Path(__file__).resolve().parent.parent


def _cli(*args: str, cwd: Path = PROJECT, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m routes`` as a user would (from ``cwd``, with extra ``env``)."""
    environ = {**os.environ, "PYTHONPATH": str(PROJECT), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "routes", *args],
        cwd=cwd,
        env=environ,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


#: How much larger than the report an export may be (the README's stated bound).
OUTPUT_FACTOR = 20


def _repeated(name: str, size: int) -> str:
    """One sentence, no full stop, repeating ``name`` up to ``size`` characters."""
    return " ".join([name] * (size // (len(name) + 1)))


def test_a_run_on_sentence_is_quoted_in_pieces_of_bounded_length() -> None:
    text = _repeated("Khasan", 20_000)
    spans = sentence_spans(text)
    assert all(end - start <= MAX_SENTENCE_CHARS for start, end in spans)
    assert all(text[start:end].split() and " " not in text[start:end][:1] for start, end in spans)
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == text.replace(" ", "")


def test_a_long_sentence_is_cut_after_a_clause_mark_not_inside_a_word() -> None:
    text = "Kim travelled on, " * 300 + "and arrived"
    spans = sentence_spans(text)
    assert len(spans) > 1
    assert all(text[start:end].endswith(",") for start, end in spans[:-1])


def test_a_normal_sentence_is_still_one_span() -> None:
    text = "Kim left Pyongyang on Sunday. He reached Khasan on Tuesday."
    assert sentence_spans(text) == ((0, 29), (30, 59))


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict, Path]:
    """Every export of a 35 KB report that repeats one place name, with no full stop."""
    text = _repeated("Khasan", 35_000)
    journey = build([report_from_text(text, report_id="hostile", title="Hostile")])
    out = tmp_path_factory.mktemp("hostile")
    write_all(journey, out)
    collection = json.loads((out / "route.geojson").read_text(encoding="utf-8"))
    return text, collection, out


def test_repeated_names_give_outputs_linear_in_the_input(hostile_build) -> None:
    text, _, out = hostile_build
    for name in ("route.geojson", "route.kml", "route.gpx", "places.csv", "project.json"):
        assert (out / name).stat().st_size <= OUTPUT_FACTOR * len(text), name


def test_kept_mentions_keep_the_contract_and_the_rest_are_counted(hostile_build) -> None:
    text, collection, out = hostile_build
    khasan = next(f for f in collection["features"] if f["properties"].get("name") == "Khasan")
    props = khasan["properties"]
    assert len(props["mentions"]) == MAX_MENTIONS_PER_REPORT
    total = text.count("Khasan")
    assert len(props["mentions"]) + props["mentions_omitted"] == total
    for mention in props["mentions"]:
        assert text[mention["start"] : mention["end"]] == "Khasan"
        assert len(mention["quote"]) <= 2 * QUOTE_CONTEXT + len("Khasan")
        assert "Khasan" in mention["quote"]
    rows = list(csv.DictReader(io.StringIO((out / "places.csv").read_text(encoding="utf-8"))))
    assert int(next(r for r in rows if r["name"] == "Khasan")["mention_count"]) == total


def test_the_quote_is_a_window_of_whole_words_around_the_mention() -> None:
    words = [f"word{n}" for n in range(400)]
    text = " ".join([*words[:200], "Vladivostok", *words[200:]])
    journey = build([report_from_text(text, report_id="long")])
    mention = next(p for p in journey.places if p.place.name == "Vladivostok").mentions[0]
    assert text[mention.sentence_start : mention.sentence_end] == mention.quote
    assert mention.quote.split()[0] in words and mention.quote.split()[-1] in words
    assert mention.sentence_start < mention.start < mention.end < mention.sentence_end
    assert len(mention.quote) <= 2 * QUOTE_CONTEXT + len("Vladivostok")


# --- empty results are results ----------------------------------------------------------------

NO_PLACE_TEXT = "Nothing here\nThe weather was fine and nobody went anywhere at all.\n"


@pytest.fixture(scope="module")
def empty_build(tmp_path_factory: pytest.TempPathFactory):
    """``build`` of a report that names no place: exit code, stderr and the output folder."""
    folder = tmp_path_factory.mktemp("empty")
    report = folder / "weather.txt"
    report.write_text(NO_PLACE_TEXT, encoding="utf-8")
    out = folder / "out"
    result = _cli("build", str(report), "--out", str(out))
    return result, out


def test_a_report_with_no_place_writes_every_file_and_exits_0(empty_build) -> None:
    result, out = empty_build
    assert result.returncode == EXIT_OK, result.stderr
    for name in OUTPUT_FILES:
        assert (out / name).stat().st_size > 0, name
    lines = [line for line in result.stderr.splitlines() if NO_PLACES_MESSAGE in line]
    assert len(lines) == 1


def test_the_empty_exports_are_valid_and_hold_no_feature(empty_build) -> None:
    import pyogrio

    _, out = empty_build
    collection = json.loads((out / "route.geojson").read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection" and collection["features"] == []
    for name in ("route.kml", "route.gpx"):
        ElementTree.parse(out / name)  # well-formed XML
    assert len(pyogrio.read_dataframe(out / "route.kml")) == 0
    rows = list(csv.reader(io.StringIO((out / "places.csv").read_text(encoding="utf-8"))))
    assert rows == [list(CSV_COLUMNS)]


def test_the_empty_png_says_no_places_were_found() -> None:
    journey = build([report_from_text(NO_PLACE_TEXT, report_id="weather")])
    with patch("matplotlib.axes.Axes.text", wraps=None) as drawn:
        drawn.side_effect = lambda *args, **kwargs: None
        render_png(journey)
    texts = [call.args[2] for call in drawn.call_args_list if len(call.args) > 2]
    assert NO_PLACES_MESSAGE in texts
    assert render_png(journey).startswith(b"\x89PNG")


def test_the_dashboard_says_no_places_and_every_download_works() -> None:
    journey = build([report_from_text(NO_PLACE_TEXT, report_id="weather")])
    assert session.summary(journey).startswith(NO_PLACES_MESSAGE)
    files = session.all_exports(journey, map_html(journey))
    assert set(files) == set(OUTPUT_FILES)
    assert all(files[name] for name in OUTPUT_FILES)
    assert json.loads(session.light_exports(journey)["route.geojson"])["features"] == []


# --- files and folders as users have them -----------------------------------------------------


def test_a_folder_skips_hidden_and_non_report_files_with_one_line_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "kim.txt").write_text("Kim\nKim left Pyongyang for Khasan.\n", encoding="utf-8")
    (folder / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (folder / ".gitkeep").write_bytes(b"")
    (folder / "README").write_text("How to use this folder\n", encoding="utf-8")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    code = main(["build", str(folder), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == EXIT_OK, err
    for name in (".DS_Store", ".gitkeep", "README", "notes.docx"):
        assert err.count(f"skipped {name}: not a report") == 1
    assert "error" not in err
    geojson = json.loads((tmp_path / "out" / "route.geojson").read_text(encoding="utf-8"))
    assert {"Pyongyang", "Khasan"} <= {f["properties"].get("name") for f in geojson["features"]}


def test_a_file_named_explicitly_without_a_report_type_is_an_error(tmp_path: Path) -> None:
    readme = tmp_path / "README"
    readme.write_text("Kim left Pyongyang.\n", encoding="utf-8")
    loaded = load_paths([readme])
    assert loaded.reports == ()
    assert [p.name for p in loaded.problems] == [str(readme)]
    assert "unsupported file type" in loaded.problems[0].reason


@pytest.mark.parametrize("kind", ["existing file", "under a file"])
def test_out_that_cannot_be_a_folder_gets_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    blocker = tmp_path / "taken"
    blocker.write_text("not a folder", encoding="utf-8")
    out = blocker if kind == "existing file" else blocker / "maps"
    assert main(["build", "--out", str(out)]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"error: --out {out}")
    assert "Traceback" not in err[0]
    assert blocker.read_text(encoding="utf-8") == "not a folder"


# --- same input, same bytes -------------------------------------------------------------------


def test_same_input_gives_the_same_bytes_in_any_time_zone_and_folder(
    tmp_path: Path, bundled_report: Path
) -> None:
    copy = tmp_path / bundled_report.name
    copy.write_bytes(bundled_report.read_bytes())
    first, second = tmp_path / "here", tmp_path / "there"
    first.mkdir()
    second.mkdir()
    runs = [
        (first, "Asia/Tokyo", f"../{copy.name}"),
        (second, "America/Los_Angeles", str(copy)),
    ]
    for folder, zone, report in runs:
        result = _cli("build", report, "--out", "out", cwd=folder, env={"TZ": zone})
        assert result.returncode == EXIT_OK, result.stderr
    for name in OUTPUT_FILES:
        assert (first / "out" / name).read_bytes() == (second / "out" / name).read_bytes(), name
    project = json.loads((first / "out" / "project.json").read_text(encoding="utf-8"))
    assert [r["filename"] for r in project["reports"]] == [bundled_report.name]
    assert str(tmp_path) not in (first / "out" / "project.json").read_text(encoding="utf-8")


def test_the_png_dates_itself_from_the_latest_report_not_the_clock() -> None:
    reports = [
        report_from_text("Kim left Pyongyang.", report_id="a", published=date(2023, 9, 10)),
        report_from_text("Kim reached Khasan.", report_id="b", published=date(2023, 9, 11)),
    ]
    line = _sources_line(build(reports))
    assert line.endswith("Reports to 11 Sep 2023")
    assert date.today().isoformat() not in line


# --- the project file is an input -------------------------------------------------------------


@pytest.fixture(scope="module")
def saved_project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A project file with a correction and a setting, as the dashboard saves it."""
    reports = load_paths(bundled_report_paths()).reports
    corrections = session.set_role(Corrections(), "vladivostok", "via")
    settings = Settings(speed_kmh=45.0, title="Kim's train, corrected")
    text = session.project_text(session.Project(reports, corrections, settings))
    path = tmp_path_factory.mktemp("project") / "project.json"
    path.write_text(text, encoding="utf-8")
    return path, text


def test_build_project_writes_the_bytes_the_dashboard_downloads(saved_project, tmp_path) -> None:
    path, text = saved_project
    result = _cli("build", "--project", str(path), "--out", str(tmp_path / "out"))
    assert result.returncode == EXIT_OK, result.stderr
    project = session.read_project(text)
    journey = build(project.reports, project.settings, project.corrections)
    downloads = session.all_exports(journey, map_html(journey, basemap="osm"))
    for name in OUTPUT_FILES:
        assert (tmp_path / "out" / name).read_bytes() == downloads[name], name
    geojson = json.loads(downloads["route.geojson"])
    assert geojson["title"] == "Kim's train, corrected"
    vladivostok = next(f for f in geojson["features"] if f["properties"]["id"] == "vladivostok")
    assert vladivostok["properties"]["role"] == "via"


def test_a_project_file_given_as_a_report_is_restored_with_a_note(saved_project, tmp_path) -> None:
    path, _ = saved_project
    result = _cli("build", str(path), "--out", str(tmp_path / "out"))
    assert result.returncode == EXIT_OK, result.stderr
    assert "is a project file" in result.stderr
    geojson = json.loads((tmp_path / "out" / "route.geojson").read_text(encoding="utf-8"))
    assert geojson["title"] == "Kim's train, corrected"


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda t: t.replace("corrected", "corrig\u00e9").encode("latin-1"), "not UTF-8 text"),
        (lambda t: t.replace('"version": 1', '"version": 99').encode(), "unsupported project"),
        (lambda t: t.replace('"settings"', '"settingz"').encode(), "missing field 'settings'"),
    ],
    ids=["latin-1", "wrong version", "missing field"],
)
def test_a_bad_project_file_gets_one_clear_line(
    saved_project, tmp_path: Path, capsys: pytest.CaptureFixture[str], change, words: str
) -> None:
    _, text = saved_project
    bad = tmp_path / "bad.json"
    bad.write_bytes(change(text))
    assert main(["build", "--project", str(bad), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"error: {bad}: ") and words in err[0]
    with pytest.raises(ValueError, match=words):
        session.read_project(change(text))


# --- small ones -------------------------------------------------------------------------------


def test_a_broken_jsonl_line_gets_the_whole_reason_with_its_line() -> None:
    data = b'{"text": "Kim left Pyongyang."}\n{"text": "Kim reached\n'
    loaded = load_bytes("wire.jsonl", data)
    assert len(loaded.reports) == 1
    (problem,) = loaded.problems
    assert problem.name == "wire.jsonl line 2"
    assert problem.reason == (
        "malformed JSON on line 2, column 10: Unterminated string starting at column 10"
    )


def test_routing_from_a_place_to_itself_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["route", "Pyongyang", "Pyongyang"]) == EXIT_BAD_INPUT
    captured = capsys.readouterr()
    assert "both Pyongyang" in captured.err
    assert "0.0 km" not in captured.out


def test_an_oversized_upload_gets_one_left_out_message() -> None:
    items = [{"id": f"r{n}", "text": f"Report {n} about Khasan."} for n in range(5001)]
    data = json.dumps(items).encode()
    loaded = load_bytes("archive.json", data)
    bundled = load_paths(bundled_report_paths()).reports
    reports, added, problems = session.admit_upload(
        bundled, "archive.json", loaded, limit=MAX_REPORTS
    )
    assert len(reports) == MAX_REPORTS
    assert len(added) == MAX_REPORTS - len(bundled)
    assert problems == [
        f"archive.json: {5001 - len(added):,} report(s) left out, "
        f"{MAX_REPORTS:,} reports are the most the dashboard maps at once"
    ]


def test_a_project_file_among_reports_is_named_as_one(saved_project, bundled_report) -> None:
    path, _ = saved_project
    loaded = load_paths([bundled_report, path])
    assert len(loaded.reports) == 1
    (problem,) = loaded.problems
    assert problem.name == str(path) and "build --project" in problem.reason


def test_the_dashboard_shows_reports_with_no_place_in_words_without_an_error() -> None:
    from streamlit.testing.v1 import AppTest

    report = report_from_text(NO_PLACE_TEXT, report_id="weather")
    project = session.project_text(session.Project((report,), Corrections(), Settings()))
    app = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=120).run()
    app.file_uploader(key="project_0").upload("weather.json", project.encode("utf-8")).run()
    assert [r.id for r in app.session_state["reports"]] == ["weather"]
    assert not app.exception and not app.error
    assert any(NO_PLACES_MESSAGE in info.value for info in app.info)
    assert any(m.value.endswith(f"{NO_PLACES_MESSAGE} · 1 report") for m in app.markdown)
