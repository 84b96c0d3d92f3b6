"""The reports in play, the sidebar's settings and the project file of a dashboard session."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from typing import Any

from routes.model import DEFAULT_SPEED_KMH, Corrections, LoadResult, Report, Settings

#: Keys of the settings widgets, filled from a project file (see :func:`widget_values`).
SETTING_KEYS: tuple[str, ...] = (
    "speed",
    "use_reported_speed",
    "use_reported_depart",
    "depart_date",
    "depart_time",
)


@dataclass(frozen=True)
class Project:
    """Everything a project file restores: the reports, the user's fixes, the settings."""

    reports: tuple[Report, ...]
    corrections: Corrections
    settings: Settings


# --- reports in play ----------------------------------------------------------


def add_reports(
    current: Sequence[Report], new: Sequence[Report]
) -> tuple[tuple[Report, ...], tuple[Report, ...]]:
    """Append ``new`` reports to ``current``, skipping ones already loaded.

    A report whose id is taken by a different text gets a fresh id (``id-2``…),
    so two uploads named alike both stay.

    Parameters
    ----------
    current
        The reports in play, in order.
    new
        Reports just loaded from files or pasted text.

    Returns
    -------
    tuple
        The reports in play afterwards, and those of ``new`` actually added.
    """
    reports = list(current)
    added: list[Report] = []
    for report in new:
        if any(r.id == report.id and r.text == report.text for r in reports):
            continue
        taken = {r.id for r in reports}
        report_id, n = report.id, 2
        while report_id in taken:
            report_id, n = f"{report.id}-{n}", n + 1
        fresh = replace(report, id=report_id)
        reports.append(fresh)
        added.append(fresh)
    return tuple(reports), tuple(added)


def remove_report(current: Sequence[Report], report_id: str) -> tuple[Report, ...]:
    """The reports in play without the one with id ``report_id``."""
    return tuple(r for r in current if r.id != report_id)


def with_bundled(
    current: Sequence[Report], bundled: Sequence[Report], selected: Collection[str]
) -> tuple[Report, ...]:
    """The reports in play after the user picks which bundled samples to include.

    Parameters
    ----------
    current
        The reports in play, in order.
    bundled
        Every bundled sample report.
    selected
        Ids of the bundled samples the user wants.

    Returns
    -------
    tuple of Report
        ``current`` without the unselected samples, with newly selected ones appended.
    """
    unwanted = {r.id for r in bundled if r.id not in selected}
    kept = [r for r in current if r.id not in unwanted]
    present = {r.id for r in kept}
    return tuple(kept) + tuple(r for r in bundled if r.id in selected and r.id not in present)


def bundled_in(reports: Sequence[Report], bundled: Sequence[Report]) -> list[str]:
    """Ids of the bundled samples that are in play, identical text and all."""
    return [b.id for b in bundled if any(r == b for r in reports)]


# --- settings -----------------------------------------------------------------


def settings_from_widgets(values: Mapping[str, Any], *, title: str = "") -> Settings:
    """Settings from the sidebar's widget values (keys :data:`SETTING_KEYS`).

    Parameters
    ----------
    values
        ``speed`` (km/h), ``use_reported_speed`` and ``use_reported_depart`` (bool),
        ``depart_date`` and ``depart_time``; missing keys keep the defaults.
    title
        The map title ("" for the report headline).

    Returns
    -------
    Settings
    """
    defaults = Settings()
    depart = None
    if not values.get("use_reported_depart", True):
        day = values.get("depart_date") or date.today()
        clock = values.get("depart_time") or time(0, 0)
        depart = datetime.combine(day, clock)
    return replace(
        defaults,
        speed_kmh=_speed_set(values),
        depart=depart,
        title=title,
    )


def _speed_set(values: Mapping[str, Any]) -> float | None:
    """The speed the user set in the sidebar, or None while "Speed as reported" is ticked."""
    if values.get("use_reported_speed", True):
        return None
    return float(values.get("speed", DEFAULT_SPEED_KMH))


def widget_values(settings: Settings, *, fallback_day: date | None = None) -> dict[str, Any]:
    """The sidebar widget values that give back ``settings`` (inverse of the above).

    Parameters
    ----------
    settings
        Settings, e.g. from a project file.
    fallback_day
        Date shown in the (disabled) departure field when no departure is set.

    Returns
    -------
    dict
        Values for the keys :data:`SETTING_KEYS`.
    """
    depart = settings.depart
    return {
        "speed": float(settings.running_speed_kmh),
        "use_reported_speed": settings.speed_kmh is None,
        "use_reported_depart": depart is None,
        "depart_date": depart.date() if depart else (fallback_day or date.today()),
        "depart_time": depart.time().replace(second=0, microsecond=0) if depart else time(21, 0),
    }


def admit_upload(
    current: Sequence[Report], name: str, loaded: LoadResult, *, limit: int
) -> tuple[tuple[Report, ...], tuple[Report, ...], list[str]]:
    """Add an uploaded file's reports up to ``limit`` in play; one message per problem.

    Reports the loader refused for the batch limit and those beyond the room left in
    the dashboard are counted together in ONE "left out" message for the file.

    Returns
    -------
    tuple
        The reports in play afterwards, those added, and the problem messages.
    """
    refused = 0
    problems: list[str] = []
    for problem in loaded.problems:
        count = _left_out(problem.reason)
        if count is None:
            problems.append(str(problem))
        else:
            refused += count
    room = max(0, limit - len(current))
    refused += max(0, len(loaded.reports) - room)
    if refused:
        problems.append(
            f"{name}: {refused:,} report(s) left out, "
            f"{limit:,} reports are the most the dashboard maps at once"
        )
    reports, added = add_reports(current, loaded.reports[:room])
    return reports, added, problems


def _left_out(reason: str) -> int | None:
    """How many reports a loader problem refused for the batch limit, or None."""
    from routes.read.reports import TOO_MANY_REASON

    if TOO_MANY_REASON not in reason:
        return None
    match = re.match(r"([\d,]+) report", reason)
    return int(match.group(1).replace(",", "")) if match else 1


# --- the project file ------------------------------------------------------------


def project_text(project: Project) -> str:
    """The project file (JSON) for ``project``, as ``routes.publish.export`` writes it."""
    from routes.publish.export import project_json

    return project_json(project.reports, project.corrections, project.settings)


def read_project(text: str | bytes) -> Project:
    """A project from the text (or the uploaded bytes) of a project file.

    Raises
    ------
    ValueError
        With a message for the user when the file is not a project file.
    """
    from routes.publish.export import load_project, project_text_of

    try:
        if isinstance(text, bytes):
            text = project_text_of(text)
        reports, corrections, settings = load_project(text)
    except (KeyError, TypeError, ValueError) as error:
        msg = f"not a Reported Routes project file ({error})"
        raise ValueError(msg) from error
    return Project(tuple(reports), corrections, settings)
