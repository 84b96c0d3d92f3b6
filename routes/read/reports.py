"""Load news reports (.txt, .md, .json, .jsonl, pasted text); sentences: ``sentences.py``."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field
from datetime import date
from pathlib import Path
from typing import Any

from routes.model import PROJECT_FORMAT, LoadProblem, LoadResult, Report
from routes.paths import GEODATA_DIR
from routes.read.language import resolve_language
from routes.read.sentences import MAX_SENTENCE_CHARS, sentence_spans  # noqa: F401 - re-exported

#: Largest report accepted, in bytes of UTF-8 (a long feature is ~50 kB; 1 MB bounds the work).
MAX_REPORT_BYTES = 1_000_000
#: Most reports accepted in one batch; the rest are refused, each with a problem.
MAX_REPORTS = 5000
#: Largest .json/.jsonl file read at all (it may hold many reports of up to 1 MB).
MAX_FILE_BYTES = 50_000_000
#: The sample reports shipped with the project, the default input.
DEFAULT_REPORTS_DIR = GEODATA_DIR / "reports"
#: File name endings read as reports, by format.
SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".markdown": "text",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
#: Metadata keys of a front-matter block or a JSON object (besides ``text``).
META_KEYS = ("title", "source", "published", "url", "language", "id")

_BOM = "\ufeff"
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.+\-Z]*)?")
_FRONT_KEY = re.compile(r"([A-Za-z_][\w-]*)\s*:\s?(.*)")


class ReportError(ValueError):
    """A report that cannot be read, with a message meant for the user."""


@dataclass(frozen=True)
class _Batch:
    """Running state of one load: reports so far and the ids already taken."""

    reports: list[Report]
    problems: list[LoadProblem]
    ids: set[str]
    skipped: list[LoadProblem] = dataclass_field(default_factory=list)


def bundled_report_paths() -> list[Path]:
    """The sample reports shipped in ``geodata/reports/``, sorted by name.

    Returns
    -------
    list of Path
        Every ``*.md`` file of :data:`DEFAULT_REPORTS_DIR`.
    """
    return sorted(DEFAULT_REPORTS_DIR.glob("*.md"))


def load_paths(paths: Iterable[str | Path]) -> LoadResult:
    """Load report files and folders; a bad file becomes a problem, not an error.

    Parameters
    ----------
    paths
        Files (.txt, .md, .json, .jsonl) and folders; a folder loads its report
        files (not its subfolders) in name order.

    Returns
    -------
    LoadResult
        The reports that loaded, in order, and one problem per file (or JSON
        item) that did not, naming it and saying why.
    """
    batch = _Batch([], [], set())
    for name, path in _expand(paths, batch):
        if len(batch.reports) >= MAX_REPORTS:
            batch.problems.append(LoadProblem(name, _too_many()))
            continue
        data = _read(name, path, batch)
        if data is not None:
            _add_file(batch, name, data)
    return LoadResult(tuple(batch.reports), tuple(batch.problems), tuple(batch.skipped))


def load_bytes(name: str, data: bytes) -> LoadResult:
    """Load one uploaded file from its bytes; the format follows the name's ending.

    Parameters
    ----------
    name
        The file name as the user gave it (also names any problem).
    data
        The raw file contents.

    Returns
    -------
    LoadResult
        The report(s) in the file, or the problem(s) reading it.
    """
    batch = _Batch([], [], set())
    if _format_of(name) is None:
        batch.problems.append(LoadProblem(name, _unsupported(name)))
    elif _size_ok(name, len(data), batch):
        _add_file(batch, name, data)
    return LoadResult(tuple(batch.reports), tuple(batch.problems))


def report_from_text(
    text: str,
    *,
    title: str = "",
    source: str = "",
    published: date | None = None,
    url: str | None = None,
    language: str = "",
    report_id: str | None = None,
    filename: str = "",
) -> Report:
    """A report from pasted text; the text is taken as the body, as is.

    Parameters
    ----------
    text
        The report body; line endings are normalised, surrounding blank space
        dropped, so offsets into ``Report.text`` are offsets into this body.
    title, source, published, url, language, filename
        Metadata the user gave with the text; without a ``language`` ("en", "ko",
        "ru") it is detected (:func:`routes.read.language.resolve_language`).
    report_id
        The report's id; by default ``pasted-`` plus a hash of the text, so the
        same text always gets the same id.

    Returns
    -------
    Report

    Raises
    ------
    ReportError
        When the text is empty, binary or larger than :data:`MAX_REPORT_BYTES`.
    """
    size = len(text.encode("utf-8", errors="replace"))
    if size > MAX_REPORT_BYTES:
        msg = f"the text is {size:,} bytes, over the limit of {MAX_REPORT_BYTES:,} bytes"
        raise ReportError(msg)
    if "\x00" in text:
        msg = "the text holds binary data (NUL characters)"
        raise ReportError(msg)
    body = _clean(text)
    if not body:
        msg = "the text is empty"
        raise ReportError(msg)
    digest = hashlib.sha1(body.encode("utf-8")).hexdigest()[:10]
    return Report(
        id=report_id or f"pasted-{digest}",
        text=body,
        title=title.strip(),
        source=source.strip(),
        published=published,
        url=url or None,
        language=resolve_language(language, body),
        filename=filename,
    )


# --- files -----------------------------------------------------------------


def _expand(paths: Iterable[str | Path], batch: _Batch) -> Iterator[tuple[str, Path]]:
    """Each report file named by ``paths``, folders opened; problems for the rest."""
    for raw in paths:
        path = Path(raw)
        name = str(raw)
        if path.is_dir():
            files = _folder_reports(path, batch)
            if not files:
                reason = "no .txt, .md, .json or .jsonl files in this folder"
                batch.problems.append(LoadProblem(name, reason))
            yield from ((str(p), p) for p in files)
        elif not path.exists():
            batch.problems.append(LoadProblem(name, "no such file"))
        elif _format_of(path.name) is None:
            batch.problems.append(LoadProblem(name, _unsupported(path.name)))
        else:
            yield name, path


def _folder_reports(folder: Path, batch: _Batch) -> list[Path]:
    """The report files of ``folder`` in name order; hidden and other files are skipped.

    A folder holds what users keep there (``.DS_Store``, ``.gitkeep``, a ``README``), so
    those are noted in ``batch.skipped`` rather than refused; subfolders are ignored.
    """
    files = []
    for path in sorted(folder.iterdir()):
        if not path.is_file():
            continue
        if path.name.startswith(".") or _format_of(path.name) is None:
            batch.skipped.append(LoadProblem(path.name, "not a report"))
        else:
            files.append(path)
    return files


def _read(name: str, path: Path, batch: _Batch) -> bytes | None:
    """The bytes of ``path`` if it can be read and is not too large."""
    try:
        if not _size_ok(name, path.stat().st_size, batch):
            return None
        return path.read_bytes()
    except OSError as err:
        batch.problems.append(LoadProblem(name, f"cannot be read ({err.strerror or err})"))
        return None


def _size_ok(name: str, size: int, batch: _Batch) -> bool:
    """Whether a file of ``size`` bytes is within the limit of its format."""
    limit = MAX_REPORT_BYTES if _format_of(name) == "text" else MAX_FILE_BYTES
    if size > limit:
        reason = f"the file is {size:,} bytes, over the limit of {limit:,} bytes"
        batch.problems.append(LoadProblem(name, reason))
        return False
    return True


def _format_of(name: str) -> str | None:
    """``text``, ``json`` or ``jsonl`` for a file name; None when not a report file."""
    return SUFFIXES.get(Path(name).suffix.lower())


def _unsupported(name: str) -> str:
    """Why a file with an unknown ending is refused."""
    suffix = Path(name).suffix or "(none)"
    return f"unsupported file type {suffix}; use .txt, .md, .json or .jsonl"


#: The words of every refusal for the batch limit (the dashboard counts them as one).
TOO_MANY_REASON = "not loaded: a batch holds at most"


def _too_many() -> str:
    """Why a report beyond the batch limit is refused."""
    return f"{TOO_MANY_REASON} {MAX_REPORTS:,} reports"


def _add_file(batch: _Batch, name: str, data: bytes) -> None:
    """Decode ``data`` and add its report(s), or a problem, to ``batch``."""
    try:
        text = _decode(data)
    except ReportError as err:
        batch.problems.append(LoadProblem(name, str(err)))
        return
    stem = Path(name).stem or "report"
    fmt = _format_of(name)
    try:
        if fmt == "json":
            items = _json_items(text)
        elif fmt == "jsonl":
            items = _jsonl_items(text)
        else:
            _add(batch, name, _text_report(text, stem=stem, filename=Path(name).name))
            return
    except ReportError as err:
        batch.problems.append(LoadProblem(name, str(err)))
        return
    _add_items(batch, name, stem, items)


def _add_items(batch: _Batch, name: str, stem: str, items: list[tuple[str, Any]]) -> None:
    """Add the reports of a JSON file: one object (label ""), or numbered items."""
    for position, (label, item) in enumerate(items, start=1):
        where = f"{name} {label}" if label else name
        if len(batch.reports) >= MAX_REPORTS:
            left = len(items) - position + 1
            batch.problems.append(LoadProblem(where, f"{left:,} report(s) {_too_many()}"))
            return
        default_id = f"{stem}#{position}" if label else stem
        try:
            report = _json_report(item, default_id=default_id, filename=Path(name).name)
        except ReportError as err:
            batch.problems.append(LoadProblem(where, str(err)))
            continue
        _add(batch, where, report)


def _add(batch: _Batch, name: str, report: Report) -> None:
    """Add ``report`` under an id not yet taken in the batch."""
    report_id = _unique(report.id, batch.ids)
    batch.ids.add(report_id)
    batch.reports.append(replace(report, id=report_id) if report_id != report.id else report)


def _unique(report_id: str, taken: set[str]) -> str:
    """``report_id``, or ``report_id-2``, ``-3``… when already taken."""
    if report_id not in taken:
        return report_id
    n = 2
    while f"{report_id}-{n}" in taken:
        n += 1
    return f"{report_id}-{n}"


# --- decoding --------------------------------------------------------------


def _decode(data: bytes) -> str:
    """UTF-8 text from ``data`` (a BOM dropped), or a ReportError saying why not."""
    if not data.strip():
        msg = "empty file"
        raise ReportError(msg)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        msg = "UTF-16 text; save the file as UTF-8"
        raise ReportError(msg)
    if b"\x00" in data:
        msg = "binary data (NUL bytes), not a text report"
        raise ReportError(msg)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        msg = f"not UTF-8 text (byte 0x{data[err.start]:02x} on line {line}); save it as UTF-8"
        raise ReportError(msg) from None
    text = text.removeprefix(_BOM)
    if not text.strip():
        msg = "empty file"
        raise ReportError(msg)
    return text


def _clean(text: str) -> str:
    """``text`` with a BOM dropped, line endings as ``\\n``, NFC form, blank ends trimmed."""
    text = text.removeprefix(_BOM).replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text).strip()


def _text_report(text: str, *, stem: str, filename: str) -> Report:
    """A report from a .txt/.md file: front matter, else the first line as headline."""
    text = _clean(text)
    meta: dict[str, str] = {}
    if text.startswith("---") and text.split("\n", 1)[0].strip() == "---":
        meta, body = _front_matter(text)
        title = meta.get("title", "")
    else:
        title, body = _headline(text)
    body = _clean(body)
    if not body:
        msg = "no report text after the front matter" if meta else "empty file"
        raise ReportError(msg)
    _check_size(body)
    return Report(
        id=meta.get("id") or stem,
        text=body,
        title=title,
        source=meta.get("source", ""),
        published=_published(meta.get("published")),
        url=meta.get("url") or None,
        language=resolve_language(meta.get("language"), body),
        filename=filename,
    )


def _headline(text: str) -> tuple[str, str]:
    """The first line as a headline and the rest as the body; one line is all body."""
    first, _, rest = text.partition("\n")
    if not rest.strip():
        return "", text
    return first.strip().lstrip("#").strip(), rest


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """The ``key: value`` lines between the opening and closing ``---`` and the body."""
    lines = text.split("\n")
    meta: dict[str, str] = {}
    for number, line in enumerate(lines[1:], start=2):
        stripped = line.strip()
        if stripped == "---":
            return meta, "\n".join(lines[number:])
        if not stripped or stripped.startswith("#"):
            continue
        match = _FRONT_KEY.fullmatch(stripped)
        if match is None and not any(rest.strip() == "---" for rest in lines[number:]):
            break
        if match is None:
            shown = stripped if len(stripped) <= 60 else stripped[:57] + "..."
            msg = f"malformed front matter on line {number}: expected 'key: value', got {shown!r}"
            raise ReportError(msg)
        key, value = match.group(1).lower(), _unquote(match.group(2).strip())
        if key in META_KEYS:
            meta[key] = value
    msg = "malformed front matter: the opening '---' has no closing '---' line"
    raise ReportError(msg)


def _unquote(value: str) -> str:
    """``value`` without one pair of surrounding quotes."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _published(value: object) -> date | None:
    """A published date from ``YYYY-MM-DD`` (a time after it is ignored)."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        msg = f"bad published date {value!r}: expected text YYYY-MM-DD"
        raise ReportError(msg)
    match = _DATE.fullmatch(value.strip())
    try:
        if match is None:
            raise ValueError
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        msg = f"bad published date {value!r}: expected a real date as YYYY-MM-DD"
        raise ReportError(msg) from None


def _check_size(text: str) -> None:
    """Raise ReportError when ``text`` is larger than one report may be."""
    size = len(text.encode("utf-8"))
    if size > MAX_REPORT_BYTES:
        msg = f"the report text is {size:,} bytes, over the limit of {MAX_REPORT_BYTES:,} bytes"
        raise ReportError(msg)


# --- JSON ------------------------------------------------------------------


def _json_items(text: str) -> list[tuple[str, Any]]:
    """The objects of a .json file labelled ``item n``; a lone object has no label."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as err:
        raise ReportError(_json_reason(err, err.lineno)) from None
    except RecursionError:
        msg = "malformed JSON: nested too deeply"
        raise ReportError(msg) from None
    if isinstance(value, list):
        if not value:
            msg = "the JSON list holds no reports"
            raise ReportError(msg)
        return [(f"item {n}", item) for n, item in enumerate(value, start=1)]
    return [("", value)]


def _jsonl_items(text: str) -> list[tuple[str, Any]]:
    """The objects of a .jsonl file, one a line, labelled by line number."""
    items: list[tuple[str, Any]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            items.append((f"line {number}", json.loads(line)))
        except json.JSONDecodeError as err:
            items.append((f"line {number}", _BadLine(_json_reason(err, number))))
        except RecursionError:
            items.append((f"line {number}", _BadLine("nested too deeply")))
    if not items:
        msg = "empty file"
        raise ReportError(msg)
    return items


def _json_reason(err: json.JSONDecodeError, line: int) -> str:
    """The whole reason of a JSON error, with its line and column, as one sentence.

    The decoder's messages may end in "at" and lean on its own position suffix
    ("Unterminated string starting at"), so that position is written out.
    """
    reason = err.msg
    if reason.endswith(" at"):
        reason = f"{reason} column {err.colno}"
    return f"malformed JSON on line {line}, column {err.colno}: {reason}"


@dataclass(frozen=True)
class _BadLine:
    """A .jsonl line that is not JSON (reported as a problem, the rest still load)."""

    reason: str


def _json_report(item: Any, *, default_id: str, filename: str) -> Report:
    """A report from one JSON object with ``text`` and optional metadata keys."""
    if isinstance(item, _BadLine):
        raise ReportError(item.reason)
    if not isinstance(item, dict):
        msg = f"expected a JSON object with a 'text' key, got {type(item).__name__}"
        raise ReportError(msg)
    raw = item.get("text")
    if item.get("format") == PROJECT_FORMAT:
        msg = "a Reported Routes project file, not a report; rebuild it with build --project FILE"
        raise ReportError(msg)
    if not isinstance(raw, str) or not raw.strip():
        msg = "missing text: the object needs a non-empty 'text' string"
        raise ReportError(msg)
    if "\x00" in raw:
        msg = "binary data (NUL characters) in 'text'"
        raise ReportError(msg)
    text = _clean(raw)
    _check_size(text)
    meta = {key: _meta_value(item, key) for key in ("title", "source", "url", "language", "id")}
    return Report(
        id=meta["id"] or default_id,
        text=text,
        title=meta["title"],
        source=meta["source"],
        published=_published(item.get("published")),
        url=meta["url"] or None,
        language=resolve_language(meta["language"], text),
        filename=filename,
    )


def _meta_value(item: dict[str, Any], key: str) -> str:
    """A metadata string of a JSON object; numbers allowed for ``id``."""
    value = item.get(key)
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if key == "id" and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    msg = f"bad {key!r}: expected text, got {type(value).__name__}"
    raise ReportError(msg)
