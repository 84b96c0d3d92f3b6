"""Loading reports: every format, exact offsets, and clear problems for bad input."""

from __future__ import annotations

import itertools
import json
from datetime import date
from pathlib import Path

import pytest

from routes.read import reports
from routes.read.reports import (
    MAX_REPORT_BYTES,
    ReportError,
    bundled_report_paths,
    load_bytes,
    load_paths,
    report_from_text,
    sentence_spans,
)

GOOD = "---\ntitle: Train leaves\npublished: 2023-09-11\n---\nKim left Pyongyang on Sunday.\n"


def _write(folder: Path, name: str, data: str | bytes) -> Path:
    path = folder / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


# --- formats -----------------------------------------------------------------


def test_bundled_report_loads_with_its_front_matter(bundled_report: Path) -> None:
    assert bundled_report in bundled_report_paths()
    result = load_paths([bundled_report])
    assert result.problems == ()
    (report,) = result.reports
    assert report.id == "2023-09-11-kim-train-to-russia"
    assert report.published == date(2023, 9, 11)
    assert report.title.startswith("North Korea's Kim boards train")
    assert report.source == "wire report"
    assert report.text.startswith("North Korean leader Kim Jong Un")
    assert "---" not in report.text
    assert report.filename == bundled_report.name  # the base name only: no user folders


def test_txt_first_line_is_the_headline_and_the_rest_the_text(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.txt", "\n\nKim heads east\n\nThe train left Pyongyang.\n")
    (report,) = load_paths([path]).reports
    assert report.title == "Kim heads east"
    assert report.text == "The train left Pyongyang."
    assert report.id == "a"


def test_txt_of_one_paragraph_is_all_text(tmp_path: Path) -> None:
    path = _write(tmp_path, "one.txt", "The train left Pyongyang.")
    (report,) = load_paths([path]).reports
    assert report.title == ""
    assert report.text == "The train left Pyongyang."


def test_txt_with_front_matter_reads_every_key(tmp_path: Path) -> None:
    text = (
        "---\ntitle: 'Kim in Russia'\npublished: 2023-09-13\nsource: Example Wire\n"
        "url: https://example.org/a\nlanguage: en\nid: kim-13\n---\n\nKim arrived.\n"
    )
    (report,) = load_paths([_write(tmp_path, "b.txt", text)]).reports
    assert (report.id, report.title, report.source) == ("kim-13", "Kim in Russia", "Example Wire")
    assert report.published == date(2023, 9, 13)
    assert report.url == "https://example.org/a"
    assert report.text == "Kim arrived."


def test_json_object_and_list_give_stable_numbered_ids(tmp_path: Path) -> None:
    one = {"text": "Kim left.", "title": "T", "published": "2023-09-11", "source": "S"}
    many = [{"text": "First."}, {"text": "Second.", "id": "named"}, {"text": "Third."}]
    a = _write(tmp_path, "one.json", json.dumps(one))
    b = _write(tmp_path, "many.json", json.dumps(many))
    result = load_paths([a, b])
    assert result.problems == ()
    assert [r.id for r in result.reports] == ["one", "many#1", "named", "many#3"]
    assert result.reports[0].published == date(2023, 9, 11)
    assert [r.text for r in result.reports][1:] == ["First.", "Second.", "Third."]
    assert load_paths([a, b]) == result


def test_jsonl_loads_one_report_a_line_and_skips_blank_lines(tmp_path: Path) -> None:
    lines = [json.dumps({"text": "One."}), "", json.dumps({"text": "Two.", "source": "X"})]
    result = load_paths([_write(tmp_path, "feed.jsonl", "\n".join(lines))])
    assert [(r.id, r.text, r.source) for r in result.reports] == [
        ("feed#1", "One.", ""),
        ("feed#2", "Two.", "X"),
    ]


def test_folder_loads_its_report_files_sorted(tmp_path: Path) -> None:
    _write(tmp_path, "b.md", "Second report.")
    _write(tmp_path, "a.txt", "First report.")
    _write(tmp_path, "c.json", json.dumps({"text": "Third report."}))
    _write(tmp_path, "notes.csv", "not,a,report")
    result = load_paths([tmp_path])
    assert [r.id for r in result.reports] == ["a", "b", "c"]
    assert result.problems == ()


def test_colliding_ids_are_made_unique(tmp_path: Path) -> None:
    first = _write(tmp_path, "r.txt", "A.")
    second = _write(tmp_path, "r.md", "B.")
    third = _write(tmp_path, "r.json", json.dumps({"text": "C.", "id": "r"}))
    ids = [r.id for r in load_paths([first, second, third]).reports]
    assert ids == ["r", "r-2", "r-3"]


def test_load_bytes_reads_an_upload_by_its_name() -> None:
    result = load_bytes("upload.md", GOOD.encode())
    (report,) = result.reports
    assert (report.id, report.title, report.text) == (
        "upload",
        "Train leaves",
        "Kim left Pyongyang on Sunday.",
    )
    assert load_bytes("a.json", b'[{"text": "x"}]').reports[0].id == "a#1"


def test_offsets_index_the_report_text_exactly(tmp_path: Path) -> None:
    body = "Kim left Pyongyang.\r\nHe crossed at Khasan.\r\n"
    (report,) = load_paths(
        [_write(tmp_path, "crlf.txt", ("---\nid: c\n---\n" + body).encode())]
    ).reports
    assert "\r" not in report.text
    start = report.text.index("Khasan")
    assert report.text[start : start + 6] == "Khasan"
    assert _sentences(report.text) == ["Kim left Pyongyang.", "He crossed at Khasan."]


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    path = _write(tmp_path, "bom.md", "\ufeff".encode() + GOOD.encode())
    (report,) = load_paths([path]).reports
    assert report.title == "Train leaves"
    assert not report.text.startswith("\ufeff")


# --- bad input ---------------------------------------------------------------

BAD_FILES: list[tuple[str, bytes, str]] = [
    ("empty.txt", b"", "empty"),
    ("blank.md", b"  \n\n\t", "empty"),
    ("binary.txt", b"Kim\x00\x01\x02left", "binary"),
    ("latin1.txt", "Kim left Khasan café".encode("latin-1"), "not UTF-8"),
    ("utf16.txt", "Kim".encode("utf-16"), "UTF-16"),
    ("broken.json", b'{"text": "Kim left",', "line 1, column"),
    ("list.json", b"[1, 2", "malformed JSON"),
    ("unterminated.md", b"---\ntitle: x\nKim left.", "no closing '---'"),
    ("badline.md", b"---\ntitle: x\nthis is not a key value\n---\nKim.", "line 3"),
    ("baddate.md", b"---\npublished: 2023-02-30\n---\nKim.", "bad published date"),
    ("words.md", b"---\npublished: last Monday\n---\nKim.", "YYYY-MM-DD"),
    ("notext.json", b'{"title": "only a title"}', "missing text"),
    ("emptytext.json", b'{"text": "   "}', "missing text"),
    ("nobody.md", b"---\ntitle: x\n---\n\n", "no report text"),
    ("report.pdf", b"%PDF-1.4", "unsupported file type"),
]


@pytest.mark.parametrize(("name", "data", "reason"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_file_is_a_named_problem_and_the_good_file_still_loads(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    bad = _write(tmp_path, name, data)
    good = _write(tmp_path, "good.md", GOOD)
    result = load_paths([bad, good])
    assert [r.id for r in result.reports] == ["good"]
    (problem,) = result.problems
    assert problem.name == str(bad)
    assert reason in problem.reason
    assert str(bad) in str(problem)


@pytest.mark.parametrize(("name", "data", "reason"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_upload_is_a_named_problem(name: str, data: bytes, reason: str) -> None:
    result = load_bytes(name, data)
    assert result.reports == ()
    assert [p.name for p in result.problems] == [name]
    assert reason in result.problems[0].reason


def test_missing_file_and_empty_folder_are_problems(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = load_paths([tmp_path / "nope.txt", tmp_path / "empty"])
    assert [p.reason for p in result.problems] == [
        "no such file",
        "no .txt, .md, .json or .jsonl files in this folder",
    ]


def test_bad_json_items_are_named_and_the_others_load(tmp_path: Path) -> None:
    items = [{"text": "Good one."}, {"text": 5}, "just a string", {"text": "Good two."}]
    path = _write(tmp_path, "mixed.json", json.dumps(items))
    result = load_paths([path])
    assert [r.id for r in result.reports] == ["mixed#1", "mixed#4"]
    assert [p.name for p in result.problems] == [f"{path} item 2", f"{path} item 3"]


def test_bad_jsonl_line_names_its_line_and_column(tmp_path: Path) -> None:
    path = _write(tmp_path, "feed.jsonl", '{"text": "Good."}\n{"text": oops}\n')
    result = load_paths([path])
    assert [r.text for r in result.reports] == ["Good."]
    (problem,) = result.problems
    assert problem.name == f"{path} line 2"
    assert "column 10" in problem.reason


def test_report_over_one_megabyte_is_refused(tmp_path: Path) -> None:
    big = _write(tmp_path, "big.txt", "Kim left. " * (MAX_REPORT_BYTES // 10 + 1))
    good = _write(tmp_path, "good.md", GOOD)
    result = load_paths([big, good])
    assert [r.id for r in result.reports] == ["good"]
    assert "over the limit of 1,000,000 bytes" in result.problems[0].reason
    big_json = json.dumps([{"text": "x" * (MAX_REPORT_BYTES + 1)}, {"text": "small"}])
    from_json = load_bytes("two.json", big_json.encode())
    assert [r.text for r in from_json.reports] == ["small"]
    assert from_json.problems[0].name == "two.json item 1"


def test_batch_over_the_report_limit_names_each_refused_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reports, "MAX_REPORTS", 2)
    paths = [_write(tmp_path, f"r{i}.txt", f"Report {i}.") for i in range(4)]
    result = load_paths(paths)
    assert [r.id for r in result.reports] == ["r0", "r1"]
    assert [p.name for p in result.problems] == [str(paths[2]), str(paths[3])]
    assert all("at most 2 reports" in p.reason for p in result.problems)


# --- pasted text -------------------------------------------------------------


def test_pasted_text_gets_a_stable_id_and_its_metadata() -> None:
    first = report_from_text("  Kim left Pyongyang.\n", title="Paste", published=date(2023, 9, 11))
    again = report_from_text("Kim left Pyongyang.", title="Paste", published=date(2023, 9, 11))
    assert first == again
    assert first.id.startswith("pasted-")
    assert first.text == "Kim left Pyongyang."
    assert report_from_text("x", report_id="mine").id == "mine"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        (" \n\t ", "empty"),
        ("a\x00b", "binary"),
        ("x" * (MAX_REPORT_BYTES + 1), "limit"),
    ],
)
def test_pasted_text_that_cannot_be_a_report_raises(text: str, reason: str) -> None:
    with pytest.raises(ReportError, match=reason):
        report_from_text(text)


# --- sentences ---------------------------------------------------------------


def test_every_line_of_the_bundled_report_is_whole_sentences(bundled_report: Path) -> None:
    (report,) = load_paths([bundled_report]).reports
    spans = sentence_spans(report.text)
    starts = {s for s, _ in spans}
    ends = {e for _, e in spans}
    offset = 0
    for line in report.text.split("\n"):
        assert offset in starts
        assert offset + len(line) in ends
        offset += len(line) + 1
    quote = 'was expected to visit Russia\'s far east "in the coming days".'
    assert any(report.text[s:e].endswith(quote) for s, e in spans)
    assert any(report.text[s:e].endswith('by pooling efforts."') for s, e in spans)
    assert any("former U.S. President Donald Trump." in report.text[s:e] for s, e in spans)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Officials from the U.S. State Department met N. Korea envoys. They left.",
            ["Officials from the U.S. State Department met N. Korea envoys.", "They left."],
        ),
        (
            "Mr. Putin met Gen. Kim on Sept. 12 in Vladivostok. Dr. Lee said so.",
            ["Mr. Putin met Gen. Kim on Sept. 12 in Vladivostok.", "Dr. Lee said so."],
        ),
        (
            "The train left on Jan. 5 at 10 p.m. The talks began later.",
            ["The train left on Jan. 5 at 10 p.m.", "The talks began later."],
        ),
        ("Talks with the U.S. The train left.", ["Talks with the U.S.", "The train left."]),
        (
            "It covered 3.5 km. Donald J. Trump waited.",
            ["It covered 3.5 km.", "Donald J. Trump waited."],
        ),
        (
            'He said: "We will go. It is decided." Then he left.',
            ['He said: "We will go. It is decided."', "Then he left."],
        ),
        ("He said “Go. Now.” Then left!", ["He said “Go. Now.”", "Then left!"]),
        (
            'He said "Go. Now.\nThe train left. It was late.',
            ['He said "Go. Now.\nThe train left.', "It was late."],
        ),
        (
            'A "quoted. Thing" here. Then “more. Words” end. Last.',
            ['A "quoted. Thing" here.', "Then “more. Words” end.", "Last."],
        ),
        (
            "Where is it? Nobody knows… Maybe Khasan.",
            ["Where is it?", "Nobody knows…", "Maybe Khasan."],
        ),
        ("Kim left e.g. by train. It was late.", ["Kim left e.g. by train.", "It was late."]),
        ("  First.\n\nSecond line\ncontinues.  ", ["First.", "Second line\ncontinues."]),
        (
            "# Heading\nBody text.\n- item one\n- item two",
            ["# Heading", "Body text.", "- item one", "- item two"],
        ),
        ("북한 열차가 출발했다. 러시아에 도착.", ["북한 열차가 출발했다.", "러시아에 도착."]),
    ],
)
def test_sentence_splitting_handles_abbreviations_and_quotes(
    text: str, expected: list[str]
) -> None:
    assert _sentences(text) == expected


def test_sentence_spans_are_trimmed_ordered_and_cover_all_words() -> None:
    text = ' Kim left.  "Fine," he said.\n\n Done. '
    spans = sentence_spans(text)
    assert all(text[s:e] == text[s:e].strip() for s, e in spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == text.replace(" ", "").replace(
        "\n", ""
    )
    assert sentence_spans("") == ()
