"""Load the development set (``tests/devset/``): team-written reports with gold places.

The set is data, not tests: benchmarks score the reader on it and the tests check its
format, so the loader lives in the package. Each report file holds the report, the journey
it belongs to, the traps it contains, every located place with its role and status, the
stops in travel order and words that are no place. A series folder adds ``series.json``
with the single itinerary its day-by-day reports add up to. See ``tests/devset/README.md``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from routes.model import STOP_ROLES, Kind, Report, Role, Status
from routes.paths import PROJECT_DIR

#: Where the development set lives in a checkout.
DEVSET_DIR = PROJECT_DIR / "tests" / "devset"
#: Roles a gold place may have: every role the reader knows.
DEV_ROLES: tuple[Role, ...] = tuple(Role)
#: Roles that make a place a stop of the journey, the only ones ``visits`` may name.
DEV_STOP_ROLES: tuple[Role, ...] = STOP_ROLES
#: Statuses a gold place may have: every status the reader knows.
DEV_STATUSES: tuple[Status, ...] = tuple(Status)
#: Kinds of place: the reader's, and two the set names that the reader has no kind for.
DEV_KINDS: tuple[str, ...] = (*Kind, "island", "sea")
#: Trap labels a report may carry (what each means: tests/devset/README.md).
DEV_TRAPS: tuple[str, ...] = (
    "order",
    "later-report",
    "return",
    "negation",
    "speculation",
    "metonymy",
    "dateline",  # not a Kind/Role/Status: the trap of a dateline read as a place
    "namesake",
    "lookalike",
    "region",  # not a Kind/Role/Status: a trap label
    "title",
    "comparison",
    "diacritics",
    "lowercase",
    "island",
    "facility",  # not a Kind/Role/Status: a trap label
    "border-words",
    "mixed-mode",
    "attribution",
    "relative-time",
    "historical",  # not a Kind/Role/Status: the trap of a past visit told as present
    "case-forms",
    "particles",
    "bridge",  # not a Kind/Role/Status: a trap label
)
#: How a leg to a place was travelled, when the report says it was not by train alone.
DEV_MODES: tuple[str, ...] = ("air", "road", "rail")
#: Keys every report file must have.
REPORT_FILE_KEYS: tuple[str, ...] = ("report", "journey", "traps", "places", "visits")
#: Keys of the ``report`` object.
REPORT_KEYS: tuple[str, ...] = ("id", "title", "source", "published", "language", "text")
#: Keys of each place entry.
PLACE_KEYS: tuple[str, ...] = (
    "text",
    "name",
    "country",  # not a Kind/Role/Status: a trap label
    "lat",
    "lon",
    "kind",
    "role",
    "status",
)


class DevsetError(ValueError):
    """A development-set file that is not in the documented format."""


@dataclass(frozen=True)
class GoldPlace:
    """One located place of a report as the annotator read it."""

    text: str
    name: str
    country: str
    lat: float
    lon: float
    kind: str
    role: str
    status: str
    arrived_by: str | None = None


@dataclass(frozen=True)
class DevReport:
    """One report of the development set with its gold reading."""

    report: Report
    journey: str
    traps: tuple[str, ...]
    places: tuple[GoldPlace, ...]
    visits: tuple[str, ...]
    not_places: tuple[str, ...]
    path: Path


@dataclass(frozen=True)
class ItineraryStop:
    """One stop of a series' expected itinerary."""

    name: str
    country: str
    lat: float
    lon: float


@dataclass(frozen=True)
class Series:
    """Day-by-day reports of one journey and the single itinerary they add up to."""

    journey: str
    title: str
    itinerary: tuple[ItineraryStop, ...]
    notes: str
    reports: tuple[DevReport, ...]
    path: Path


@dataclass(frozen=True)
class Devset:
    """Every single report (per language folder) and every series of the set."""

    reports: tuple[DevReport, ...]
    series: tuple[Series, ...]


def load_devset(folder: Path = DEVSET_DIR) -> Devset:
    """The whole development set under ``folder``.

    Single reports are the ``*.json`` files of each language folder (``en/``, ``ko/``,
    ``ru/``, ...); series are the folders under ``series/``.

    Parameters
    ----------
    folder
        The set's root, ``tests/devset`` by default.

    Returns
    -------
    Devset
        Reports in path order, series in folder-name order.

    Raises
    ------
    DevsetError
        Naming the first file that is not in the format.
    """
    reports = tuple(
        load_dev_report(path)
        for lang in sorted(p for p in folder.iterdir() if p.is_dir() and p.name != "series")
        for path in sorted(lang.glob("*.json"))
    )
    series_root = folder / "series"
    series = (
        tuple(load_series(d) for d in sorted(series_root.iterdir()) if d.is_dir())
        if series_root.is_dir()
        else ()
    )
    return Devset(reports=reports, series=series)


def load_dev_report(path: Path) -> DevReport:
    """One report file, checked for its keys and value types.

    Parameters
    ----------
    path
        A report file in the format of ``tests/devset/README.md``.

    Returns
    -------
    DevReport
        The report with ``published`` parsed as a date.

    Raises
    ------
    DevsetError
        If a key is missing or a value has the wrong type, naming ``path``.
    """
    data = _read_json(path)
    try:
        _require(data, REPORT_FILE_KEYS, "report file")
        raw = data["report"]
        _require(raw, REPORT_KEYS, "report")
        report = Report(
            id=str(raw["id"]),
            text=str(raw["text"]),
            title=str(raw["title"]),
            source=str(raw["source"]),
            published=date.fromisoformat(str(raw["published"])),
            language=str(raw["language"]),
            filename=path.name,
        )
        return DevReport(
            report=report,
            journey=str(data["journey"]),
            traps=tuple(str(t) for t in data["traps"]),
            places=tuple(_place(p) for p in data["places"]),
            visits=tuple(str(v) for v in data["visits"]),
            not_places=tuple(str(w) for w in data.get("not_places", ())),
            path=path,
        )
    except (KeyError, TypeError, ValueError) as err:
        raise DevsetError(f"{path}: {err}") from None


def load_series(folder: Path) -> Series:
    """One series folder: ``series.json`` plus its numbered reports.

    Parameters
    ----------
    folder
        A folder holding ``series.json`` and ``01.json``, ``02.json``, ...

    Returns
    -------
    Series
        Reports in file-name (day) order.

    Raises
    ------
    DevsetError
        Naming the file that is missing or not in the format.
    """
    meta_path = folder / "series.json"
    if not meta_path.is_file():
        raise DevsetError(f"{folder}: no series.json")
    meta = _read_json(meta_path)
    try:
        _require(meta, ("journey", "title", "itinerary"), "series.json")
        itinerary = tuple(
            ItineraryStop(
                name=str(s["name"]),
                country=str(s["country"]),
                lat=float(s["lat"]),
                lon=float(s["lon"]),
            )
            for s in meta["itinerary"]
        )
    except (KeyError, TypeError, ValueError) as err:
        raise DevsetError(f"{meta_path}: {err}") from None
    reports = tuple(
        load_dev_report(p) for p in sorted(folder.glob("*.json")) if p.name != "series.json"
    )
    return Series(
        journey=str(meta["journey"]),
        title=str(meta["title"]),
        itinerary=itinerary,
        notes=str(meta.get("notes", "")),
        reports=reports,
        path=folder,
    )


def _read_json(path: Path) -> dict[str, Any]:
    """The JSON object in ``path``, or a DevsetError naming it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise DevsetError(f"{path}: {err}") from None
    if not isinstance(data, dict):
        raise DevsetError(f"{path}: the top level is not a JSON object")
    return data


def _require(obj: Any, keys: tuple[str, ...], what: str) -> None:
    """Raise ValueError unless ``obj`` is a mapping holding every one of ``keys``."""
    if not isinstance(obj, dict):
        raise ValueError(f"the {what} is not a JSON object")
    missing = [k for k in keys if k not in obj]
    if missing:
        raise ValueError(f"the {what} lacks {', '.join(missing)}")


def _place(raw: Any) -> GoldPlace:
    """One place entry as a GoldPlace (``arrived_by`` optional)."""
    _require(raw, PLACE_KEYS, "place entry")
    mode = raw.get("arrived_by")
    return GoldPlace(
        text=str(raw["text"]),
        name=str(raw["name"]),
        country=str(raw["country"]),
        lat=float(raw["lat"]),
        lon=float(raw["lon"]),
        kind=str(raw["kind"]),
        role=str(raw["role"]),
        status=str(raw["status"]),
        arrived_by=None if mode is None else str(mode),
    )
