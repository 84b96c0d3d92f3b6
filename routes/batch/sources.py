"""Stream reports from files, folders and (gzipped) JSON Lines archives of any size.

Nothing here holds an archive in memory: a ``.jsonl``/``.jsonl.gz`` file is read one
line at a time and each line is turned into a :class:`~routes.model.Report` by
:func:`routes.read.reports.load_bytes`, so a record obeys exactly the rules of ``build``.
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from routes.model import LoadProblem, Report
from routes.read.reports import MAX_REPORT_BYTES, SUFFIXES, load_bytes, load_paths

#: Endings read one record a line (plain or gzip-compressed).
STREAM_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
#: Longest JSON line read: a report of at most MAX_REPORT_BYTES, every character escaped.
MAX_LINE_BYTES = 6 * MAX_REPORT_BYTES + 64_000

Item = Report | LoadProblem


def stream(paths: Iterable[str | Path]) -> Iterator[Item]:
    """Every report of ``paths`` in order, and a problem for each record that is not one.

    Parameters
    ----------
    paths
        Files and folders; folders are walked recursively in name order, hidden
        entries (a name starting with ``.``) and unknown file types skipped with
        one problem each.

    Yields
    ------
    Report or LoadProblem
        Reports with ids unique across the whole stream (``id-2``, ``id-3`` …
        for repeats) and problems naming the file (and line) and the reason.
    """
    taken: set[str] = set()
    for path, problem in _files(paths):
        if problem is not None:
            yield problem
            continue
        for item in _file_items(path):
            yield _unique(item, taken) if isinstance(item, Report) else item


def is_stream(path: Path) -> bool:
    """Whether ``path`` is a JSON Lines archive read line by line."""
    return path.name.lower().endswith(STREAM_SUFFIXES)


def _known(path: Path) -> bool:
    """Whether ``path`` has an ending the batch reads."""
    return is_stream(path) or path.suffix.lower() in SUFFIXES


def _files(paths: Iterable[str | Path]) -> Iterator[tuple[Path, LoadProblem | None]]:
    """(file, None) for each readable file named or found; (path, problem) otherwise."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        elif not path.exists():
            yield path, LoadProblem(str(path), "no such file")
        elif not _known(path):
            yield path, LoadProblem(str(path), _skipped(path))
        else:
            yield path, None


def _walk(folder: Path) -> Iterator[tuple[Path, LoadProblem | None]]:
    """The files under ``folder`` in name order, hidden and unknown ones as problems."""
    for root, dirs, files in os.walk(folder):
        hidden = sorted(d for d in dirs if d.startswith("."))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in hidden:
            yield Path(root, name), LoadProblem(str(Path(root, name)), "skipped: hidden folder")
        for name in sorted(files):
            path = Path(root, name)
            if name.startswith("."):
                yield path, LoadProblem(str(path), "skipped: hidden file")
            elif not _known(path):
                yield path, LoadProblem(str(path), _skipped(path))
            else:
                yield path, None


def _skipped(path: Path) -> str:
    """Why a file of an unknown type is skipped."""
    endings = ", ".join([*SUFFIXES, ".jsonl.gz"])
    return f"skipped: unsupported file type {path.suffix or '(none)'}; the batch reads {endings}"


def _file_items(path: Path) -> Iterator[Item]:
    """The reports and problems of one file."""
    if not is_stream(path):
        loaded = load_paths([path])
        yield from loaded.problems
        yield from loaded.reports
        return
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        with opener(path, "rb") as handle:
            yield from _lines(path, handle)
    except (OSError, EOFError) as err:
        yield LoadProblem(str(path), f"cannot be read ({getattr(err, 'strerror', None) or err})")


def _lines(path: Path, handle: BinaryIO) -> Iterator[Item]:
    """One report (or problem) per non-blank line of an open JSON Lines file."""
    stem = path.name.split(".")[0] or "report"
    number = 0
    while True:
        line = handle.readline(MAX_LINE_BYTES)
        if not line:
            return
        number += 1
        where = f"{path} line {number}"
        if len(line) >= MAX_LINE_BYTES and not line.endswith(b"\n"):
            _skip_rest(handle)
            yield LoadProblem(where, f"the line is over the limit of {MAX_LINE_BYTES:,} bytes")
            continue
        if not line.strip():
            continue
        yield from _record(line, where, f"{stem}#{number}", str(path))


def _skip_rest(handle: BinaryIO) -> None:
    """Read past the end of the current (over-long) line."""
    while True:
        piece = handle.readline(MAX_LINE_BYTES)
        if not piece or piece.endswith(b"\n"):
            return


def _record(line: bytes, where: str, default_id: str, filename: str) -> Iterator[Item]:
    """The report of one JSON line, read by the loader's own rules for a JSON object."""
    loaded = load_bytes(f"{default_id}.json", line)
    for problem in loaded.problems:
        yield LoadProblem(where, problem.reason)
    for report in loaded.reports:
        yield replace(report, filename=Path(filename).name)


def _unique(report: Report, taken: set[str]) -> Report:
    """``report`` under an id not yet taken in this stream."""
    report_id, n = report.id, 2
    while report_id in taken:
        report_id = f"{report.id}-{n}"
        n += 1
    taken.add(report_id)
    return report if report_id == report.id else replace(report, id=report_id)
