"""The project file: the reports, the user's corrections and settings, saved and read back."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from routes.model import PROJECT_FORMAT, ROLES, SPEED_SET_BY_USER, Corrections, Report, Settings

#: The project file's version (its format tag is routes.model.PROJECT_FORMAT).
PROJECT_VERSION = 1
#: Largest project file accepted, in characters, and most reports in one (the README's
#: batch limit: 5,000 reports of at most 1 MB each; a project is meant to be shared).
MAX_PROJECT_CHARS = 64 * 1024 * 1024
MAX_PROJECT_REPORTS = 5000
MAX_REPORT_CHARS = 1024 * 1024


def project_json(reports: Sequence[Report], corrections: Corrections, settings: Settings) -> str:
    """A versioned, self-contained project: the reports, the user's corrections and settings.

    :func:`load_project` reads it back; ``project_json(*load_project(text)) == text``.
    """
    document = {
        "format": PROJECT_FORMAT,
        "version": PROJECT_VERSION,
        "reports": [_report_dict(r) for r in reports],
        "corrections": {
            "roles": [list(pair) for pair in corrections.roles],
            "excluded": list(corrections.excluded),
            "added": list(corrections.added),
            "order": list(corrections.order),
        },
        "settings": {
            "speed_kmh": _speed_set(settings),
            "depart": settings.depart.isoformat() if settings.depart else None,
            "dwell_min": settings.dwell_min,
            "border_dwell_min": settings.border_dwell_min,
            "max_snap_km": settings.max_snap_km,
            "title": settings.title,
        },
    }
    return json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def _speed_set(settings: Settings) -> float | None:
    """The speed the user set, or None when it is the one the reports give (worked out again
    on load, so a project keeps following its reports)."""
    if settings.speed_basis and settings.speed_basis != SPEED_SET_BY_USER:
        return None
    return settings.speed_kmh


def _report_dict(report: Report) -> dict:
    """A report's fields as JSON values."""
    return {
        "id": report.id,
        "text": report.text,
        "title": report.title,
        "source": report.source,
        "published": report.published.isoformat() if report.published else None,
        "url": report.url,
        "language": report.language,
        "filename": report.filename,
    }


def project_text_of(data: bytes) -> str:
    """The text of a project file's bytes: UTF-8 (a BOM allowed), else a clear ValueError."""
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        msg = (
            f"not UTF-8 text (byte 0x{data[err.start]:02x} on line {line}); a project file is "
            "UTF-8 JSON as the dashboard and build save it"
        )
        raise ValueError(msg) from None


def read_project_file(path: Path) -> tuple[tuple[Report, ...], Corrections, Settings]:
    """:func:`load_project` of the file at ``path``; every problem a ValueError for the user."""
    try:
        size = Path(path).stat().st_size
        if size > 4 * MAX_PROJECT_CHARS:
            msg = f"project file too large: {size:,} bytes"
            raise ValueError(msg)
        data = Path(path).read_bytes()
    except OSError as err:
        msg = f"cannot be read ({err.strerror or err})"
        raise ValueError(msg) from None
    return load_project(project_text_of(data))


def is_project_file(path: Path) -> bool:
    """Whether ``path`` is a .json file that says it is a Reported Routes project."""
    if Path(path).suffix.lower() != ".json":
        return False
    try:
        with Path(path).open("rb") as handle:
            head = handle.read(1 << 20)
    except OSError:
        return False
    return f'"format": "{PROJECT_FORMAT}"'.encode() in head or (
        f'"format":"{PROJECT_FORMAT}"'.encode() in head
    )


def load_project(text: str) -> tuple[tuple[Report, ...], Corrections, Settings]:
    """Read a project written by :func:`project_json`.

    Raises
    ------
    ValueError
        With a message naming the problem, for text that is too large, not JSON, of another
        format or version, or with a missing or mistyped field.
    """
    if len(text) > MAX_PROJECT_CHARS:
        msg = f"project file too large: {len(text):,} characters (limit {MAX_PROJECT_CHARS:,})"
        raise ValueError(msg)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        msg = f"project file is not valid JSON: {error}"
        raise ValueError(msg) from None
    if not isinstance(document, dict) or document.get("format") != PROJECT_FORMAT:
        msg = f'not a Reported Routes project (expected "format": "{PROJECT_FORMAT}")'
        raise ValueError(msg)
    if document.get("version") != PROJECT_VERSION:
        msg = (
            f"unsupported project version {document.get('version')!r}; "
            f"this version reads version {PROJECT_VERSION}"
        )
        raise ValueError(msg)
    reports = _load_reports(_field(document, "reports", list))
    corrections = _load_corrections(_field(document, "corrections", dict))
    settings = _load_settings(_field(document, "settings", dict))
    return reports, corrections, settings


def _field(mapping: dict, key: str, kind: type | tuple[type, ...], where: str = "project"):
    """``mapping[key]`` checked to be of ``kind``; a clear ValueError otherwise."""
    if key not in mapping:
        msg = f"{where}: missing field {key!r}"
        raise ValueError(msg)
    value = mapping[key]
    if not isinstance(value, kind) or (isinstance(value, bool) and kind in (int, float)):
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        msg = f"{where}: field {key!r} must be {names}, got {type(value).__name__}"
        raise ValueError(msg)
    return value


def _load_reports(items: list) -> tuple[Report, ...]:
    """Reports from their JSON dicts, bounded in count and size, ids unique."""
    if len(items) > MAX_PROJECT_REPORTS:
        msg = f"project has {len(items):,} reports (limit {MAX_PROJECT_REPORTS:,})"
        raise ValueError(msg)
    reports = []
    for index, item in enumerate(items):
        where = f"report {index + 1}"
        if not isinstance(item, dict):
            msg = f"{where}: expected an object, got {type(item).__name__}"
            raise ValueError(msg)
        text = _field(item, "text", str, where)
        if len(text) > MAX_REPORT_CHARS:
            msg = f"{where}: text of {len(text):,} characters (limit {MAX_REPORT_CHARS:,})"
            raise ValueError(msg)
        published_date = _iso_field(item, "published", date.fromisoformat, where, "date")
        reports.append(
            Report(
                id=_field(item, "id", str, where),
                text=text,
                title=_field(item, "title", str, where),
                source=_field(item, "source", str, where),
                published=published_date,
                url=_field(item, "url", (str, type(None)), where),
                language=_field(item, "language", str, where),
                filename=_field(item, "filename", str, where),
            )
        )
    ids = [r.id for r in reports]
    if len(set(ids)) != len(ids):
        msg = "project: report ids must be unique"
        raise ValueError(msg)
    return tuple(reports)


def _iso_field(
    item: dict, key: str, parse: Callable[[str], Any], where: str, what: str
) -> Any | None:
    """The optional ISO ``what`` (a date, a date-time) at ``key``, parsed; None when empty."""
    value = _field(item, key, (str, type(None)), where)
    try:
        return parse(value) if value else None
    except ValueError:
        msg = f"{where}: {key!r} is not an ISO {what}: {value!r}"
        raise ValueError(msg) from None


def _load_corrections(item: dict) -> Corrections:
    """Corrections from JSON, each role one of routes.model.ROLES."""
    where = "corrections"
    roles = []
    for pair in _field(item, "roles", list, where):
        if not (
            isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str) for p in pair)
        ):
            msg = f"{where}: each role must be [place_id, role], got {pair!r}"
            raise ValueError(msg)
        if pair[1] not in ROLES:
            msg = f"{where}: unknown role {pair[1]!r}; roles are {', '.join(ROLES)}"
            raise ValueError(msg)
        roles.append((pair[0], pair[1]))
    lists = {}
    for key in ("excluded", "added", "order"):
        values = _field(item, key, list, where)
        if not all(isinstance(v, str) for v in values):
            msg = f"{where}: {key!r} must be a list of place ids"
            raise ValueError(msg)
        lists[key] = tuple(values)
    return Corrections(roles=tuple(roles), **lists)


def _load_settings(item: dict) -> Settings:
    """Settings from JSON: positive finite numbers and an optional ISO departure."""
    where = "settings"
    numbers = {}
    for key in ("speed_kmh", "dwell_min", "border_dwell_min", "max_snap_km"):
        if key == "speed_kmh" and item.get(key, 0) is None:
            numbers[key] = None  # the speed the reports give
            continue
        value = _field(item, key, (int, float), where)
        if isinstance(value, bool) or not math.isfinite(value) or value < 0:
            msg = f"{where}: {key!r} must be a finite number >= 0, got {value!r}"
            raise ValueError(msg)
        numbers[key] = value
    if numbers["speed_kmh"] is not None and numbers["speed_kmh"] <= 0:
        msg = f"{where}: 'speed_kmh' must be above 0 (or null: as the reports give it)"
        raise ValueError(msg)
    depart_at = _iso_field(item, "depart", datetime.fromisoformat, where, "date-time")
    return Settings(depart=depart_at, title=_field(item, "title", str, where), **numbers)
