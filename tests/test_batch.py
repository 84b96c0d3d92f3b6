"""The batch: streamed archives in, the same GeoParquet tables from any number of workers."""

from __future__ import annotations

import gzip
import json
from datetime import date, timedelta
from pathlib import Path

import geopandas
import pandas as pd
import pyarrow.parquet as pq
import pytest

from routes.__main__ import main
from routes.batch.journeys import group
from routes.batch.parquet import MENTIONS, PLACES, REPORTS
from routes.batch.run import run_batch
from routes.batch.sources import stream
from routes.batch.workers import traveller
from routes.model import LoadProblem, Report
from routes.read.reports import load_paths

pytestmark = pytest.mark.slow  # subprocesses, worker pools, whole builds

TRAVEL = (
    "{who} left Pyongyang late on Sunday aboard a special train bound for Vladivostok, "
    "Yonhap reported. The train passed through Hamhung and Chongjin and crossed into Russia "
    "at Khasan on Tuesday, officials said."
)


def _records(n: int) -> list[dict]:
    """``n`` small wire-style records, two travellers, dates a week apart."""
    start = date(2023, 9, 1)
    return [
        {
            "id": f"r{i:03d}",
            "title": f"Report {i}",
            "source": "Wire",
            "published": (start + timedelta(days=7 * (i // 2))).isoformat(),
            "text": TRAVEL.format(who=("Kim Jong Un" if i % 2 else "Vladimir Putin")),
        }
        for i in range(n)
    ]


def _jsonl(records: list[dict], extra: list[str] = ()) -> bytes:
    """JSON Lines bytes of ``records`` followed by ``extra`` raw lines."""
    lines = [json.dumps(r) for r in records] + list(extra)
    return ("\n".join(lines) + "\n").encode("utf-8")


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A .jsonl archive of 24 reports."""
    path = tmp_path_factory.mktemp("archive") / "wire.jsonl"
    path.write_bytes(_jsonl(_records(24)))
    return path


def _mentions(out: Path) -> pd.DataFrame:
    """mentions.parquet as read by geopandas, geometry as WKT for comparison."""
    frame = geopandas.read_parquet(out / "mentions.parquet")
    return pd.DataFrame(frame.drop(columns="geometry")).assign(wkt=frame.geometry.to_wkt())


def test_one_two_workers_and_dask_write_the_same_mentions(archive: Path, tmp_path: Path) -> None:
    runs = {
        "one": dict(workers=1),
        "two": dict(workers=2),
        "dask": dict(workers=2, dask="local"),
    }
    frames = {}
    for name, options in runs.items():
        summary = run_batch([archive], tmp_path / name, chunk_reports=5, progress=False, **options)
        assert summary.reports == 24
        frames[name] = _mentions(tmp_path / name)
    assert len(frames["one"]) > 24 * 4
    keys = ["report_id", "start", "end"]
    for name in ("two", "dask"):
        pd.testing.assert_frame_equal(frames["one"], frames[name])
        pd.testing.assert_frame_equal(
            frames["one"].sort_values(keys, ignore_index=True),
            frames[name].sort_values(keys, ignore_index=True),
        )


def test_bad_lines_are_skipped_with_file_and_line_and_the_rest_loads(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(_jsonl(_records(3), ["{not json", '{"title": "no text"}', ""]))
    items = list(stream([path]))
    reports = [i for i in items if isinstance(i, Report)]
    problems = [str(i) for i in items if isinstance(i, LoadProblem)]
    assert [r.id for r in reports] == ["r000", "r001", "r002"]
    assert problems[0].startswith(f"{path} line 4: malformed JSON")
    assert problems[1].startswith(f"{path} line 5: missing text")
    summary = run_batch([path], tmp_path / "out", workers=1, progress=False)
    assert (summary.reports, len(summary.skipped)) == (3, 2)
    table = pd.read_parquet(tmp_path / "out" / "reports.parquet")
    assert table["error"].notna().sum() == 2
    assert "skipped" in summary.line() and "3 reports" in summary.line()


def test_a_gzipped_stream_reads_like_the_plain_one(archive: Path, tmp_path: Path) -> None:
    packed = tmp_path / "wire.jsonl.gz"
    packed.write_bytes(gzip.compress(archive.read_bytes()))
    plain = [r for r in stream([archive]) if isinstance(r, Report)]
    unpacked = [r for r in stream([packed]) if isinstance(r, Report)]
    assert [(r.id, r.text, r.published) for r in unpacked] == [
        (r.id, r.text, r.published) for r in plain
    ]


def test_a_record_reads_like_build_reads_it(archive: Path) -> None:
    built = load_paths([archive]).reports
    streamed = [r for r in stream([archive]) if isinstance(r, Report)]
    assert streamed == list(built)


def test_a_folder_tree_is_walked_and_hidden_or_unknown_files_skipped(
    tmp_path: Path, bundled_report: Path
) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.jsonl").write_bytes(_jsonl(_records(1)))
    (tmp_path / "a" / "one.jsonl").write_bytes(_jsonl(_records(2)))
    (tmp_path / "a" / "b" / "kim.md").write_bytes(bundled_report.read_bytes())
    (tmp_path / "a" / "b" / "photo.jpg").write_bytes(b"\xff\xd8")
    (tmp_path / "a" / ".draft.md").write_text("secret", encoding="utf-8")
    items = list(stream([tmp_path]))
    ids = [i.id for i in items if isinstance(i, Report)]
    skipped = sorted(Path(i.name).name for i in items if isinstance(i, LoadProblem))
    assert ids == ["r000", "r001", "kim"]
    assert skipped == [".draft.md", ".git", "photo.jpg"]


def test_repeated_ids_across_files_stay_unique(tmp_path: Path) -> None:
    for name in ("x.jsonl", "y.jsonl"):
        (tmp_path / name).write_bytes(_jsonl(_records(2)))
    ids = [r.id for r in stream(sorted(tmp_path.iterdir())) if isinstance(r, Report)]
    assert ids == ["r000", "r001", "r000-2", "r001-2"]


def test_parquet_tables_read_back_with_geopandas_and_their_schema(
    archive: Path, tmp_path: Path
) -> None:
    run_batch([archive], tmp_path, workers=1, progress=False)
    for name, schema in (("mentions", MENTIONS), ("places", PLACES)):
        frame = geopandas.read_parquet(tmp_path / f"{name}.parquet")
        assert frame.crs.to_epsg() == 4326 or frame.crs.to_string() == "OGC:CRS84"
        assert list(frame.columns) == schema.names
        assert set(frame.geom_type) == {"Point"}
    read = pq.read_schema(tmp_path / "reports.parquet")
    assert read.names == REPORTS.names
    mentions = geopandas.read_parquet(tmp_path / "mentions.parquet")
    places = geopandas.read_parquet(tmp_path / "places.parquet")
    khasan = places.set_index("place_id").loc["khasan"]
    assert khasan["n_mentions"] == (mentions["place_id"] == "khasan").sum()
    assert khasan["n_reports"] == 24
    assert str(khasan["first_mention"]) == "2023-09-01"
    assert str(khasan["last_mention"]) == "2023-11-17"  # 11 weeks on
    row = mentions[mentions["place_id"] == "khasan"].iloc[0]
    text = TRAVEL.format(who="Vladimir Putin")
    assert text[row["start"] : row["end"]] == row["text"] == "Khasan"
    assert row["outlet"] == "Wire" and row["title"] == "Report 0"
    assert mentions["event_precision"].isin(["year", "month", "day", "hour", "minute", None]).all()


def test_the_traveller_is_who_the_report_says_travels() -> None:
    report = Report(id="x", text=TRAVEL.format(who="Kim Jong Un"), title="Summit nears")
    assert traveller(report) == "Kim Jong Un"
    assert traveller(Report(id="y", text="Rain fell on Tuesday.")) == ""


def test_journeys_split_by_traveller_and_time_window(archive: Path, tmp_path: Path) -> None:
    far = tmp_path / "late.jsonl"
    late = _records(2)
    for record in late:
        record["id"] += "-late"
        record["published"] = "2024-06-01"
    far.write_bytes(_jsonl(late))
    run_batch([archive, far], tmp_path, workers=1, progress=False)
    keys = group(tmp_path / "reports.parquet")
    journeys = sorted({(k.traveller, k.first.isoformat()) for k in keys.values()})
    assert journeys == [
        ("Kim Jong Un", "2023-09-01"),
        ("Kim Jong Un", "2024-06-01"),
        ("Vladimir Putin", "2023-09-01"),
        ("Vladimir Putin", "2024-06-01"),
    ]


def test_cli_batch_with_journeys_writes_tables_and_a_map_per_journey(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["batch", str(archive), "--out", str(tmp_path), "--workers", "1", "--journeys"])
    assert code == 0
    printed = capsys.readouterr()
    assert "24 reports" in printed.err and "reports/s" in printed.err
    folders = sorted(p.name for p in (tmp_path / "journeys").iterdir())
    assert folders == ["kim-jong-un-2023-09-01", "vladimir-putin-2023-09-01"]
    collection = json.loads((tmp_path / "journeys" / folders[0] / "route.geojson").read_text())
    names = {f["properties"].get("name") for f in collection["features"]}
    assert {"Pyongyang", "Khasan", "Vladivostok"} <= names
    assert (tmp_path / "journeys" / folders[0] / "map.html").stat().st_size > 0


def test_the_dashboard_lists_the_journeys_of_a_batch(archive: Path, tmp_path: Path) -> None:
    from routes.dashboard import batch_journey_places, batch_journeys

    run_batch([archive], tmp_path, workers=1, progress=False)
    mentions = (tmp_path / "mentions.parquet").read_bytes()
    reports = (tmp_path / "reports.parquet").read_bytes()
    journeys = batch_journeys(mentions, reports)
    assert journeys["journey"].tolist() == ["Kim Jong Un, Sep 2023", "Vladimir Putin, Sep 2023"]
    assert journeys["reports"].tolist() == [12, 12]
    assert "Khasan" in journeys["stops"].iloc[0]
    places = batch_journey_places(mentions, reports, "Kim Jong Un, Sep 2023")
    khasan = places.set_index("name").loc["Khasan"]
    assert khasan["mentions"] == 12
    assert 130 < khasan["lon"] < 131 and 42 < khasan["lat"] < 43


@pytest.mark.slow
def test_a_process_started_by_a_large_one_reports_its_own_peak_memory() -> None:
    import subprocess
    import sys

    from routes.memory import peak_rss_kib

    ballast = bytearray(300 * 1024 * 1024)  # the parent holds 300 MiB more than the child needs
    ballast[::4096] = b"x" * len(ballast[::4096])  # touch every page: resident
    code = "from routes.memory import peak_rss_kib; print(peak_rss_kib())"
    child = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert peak_rss_kib() >= 300 * 1024
    assert int(child.stdout) < 200 * 1024  # not the parent's peak carried over by exec
    del ballast
