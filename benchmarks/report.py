"""The printed table and results.md: figures, targets, pass or miss and by how much."""

from __future__ import annotations

import os
from collections.abc import Sequence

from benchmarks.common import Figure, Outcome, format_value

HEADER = ("benchmark", "metric", "value", "target", "status")


def table_rows(outcomes: Sequence[Outcome]) -> list[tuple[str, ...]]:
    """One row per figure (and one per benchmark that failed to run)."""
    rows: list[tuple[str, ...]] = []
    for outcome in outcomes:
        if outcome.error and not outcome.figures:
            rows.append((outcome.name, "(did not run)", "—", "—", "error"))
        for figure in outcome.figures:
            rows.append((outcome.name, figure.metric, *_cells(figure)))
    return rows


def text_table(outcomes: Sequence[Outcome]) -> str:
    """The table for a terminal: aligned plain-text columns."""
    rows = [HEADER, *table_rows(outcomes)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADER))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def markdown(outcomes: Sequence[Outcome], machine: dict[str, str]) -> str:
    """results.md: the table, the machine, notes, misses with their profiles, and errors.

    ``outcomes`` are each benchmark's last run; each section says when and how it ran.
    """
    caveat = " **Some figures come from quick mode (tiny inputs) and are not comparable.**"
    out = [
        "# Benchmark results",
        "",
        "Each benchmark's figures come from its last run (date, command and machine load in "
        "its notes below); running one benchmark replaces only its own. Targets are the "
        "figures users asked for. Reproduce with `python -m benchmarks` (`--quick` for tiny "
        "inputs, `--only NAME` for one benchmark, `--results PATH` to write elsewhere)."
        + (caveat if any(o.quick for o in outcomes) else ""),
        "",
        _summary(outcomes),
        "",
        "| " + " | ".join(HEADER) + " |",
        "| " + " | ".join("---" for _ in HEADER) + " |",
    ]
    out += ["| " + " | ".join(_md(cell) for cell in row) + " |" for row in table_rows(outcomes)]
    out += ["", "## Machine", ""]
    out += [f"- **{label}**: {value}" for label, value in machine.items()]
    out += ["", "## Notes per benchmark", ""]
    for outcome in outcomes:
        out += [f"### {outcome.name}: {outcome.title}", ""]
        out.append(
            f"Last run {outcome.ran_at or 'at an unrecorded time'} UTC with "
            f"`{outcome.command or 'python -m benchmarks'}`"
            + (" (quick mode)" if outcome.quick else "")
            + f"; ran in {outcome.seconds:.1f} s; 1-minute load average "
            f"{outcome.load[0]:.1f} before, {outcome.load[1]:.1f} after ({_cores()} cores)."
        )
        out += [f"- {note}" for note in outcome.notes]
        if outcome.error:
            out += ["", "**Error:**", "", "```", outcome.error.strip(), "```"]
        out.append("")
    misses = [(o, f) for o in outcomes for f in o.misses]
    out += ["## Missed targets", ""]
    if not misses:
        out += ["None.", ""]
    for outcome, figure in misses:
        out.append(
            f"- **{outcome.name} / {figure.metric}**: {format_value(figure.value, figure.unit)} "
            f"against {_target(figure)}, missed by {figure.margin}."
            + (f" {figure.note}" if figure.note else "")
            + _profile_gist(outcome)
        )
    out.append("")
    for outcome in outcomes:
        for label, profile in outcome.profiles.items():
            out += [f"### Profile: {outcome.name} / {label}", "", "```", profile, "```", ""]
    return "\n".join(out).rstrip() + "\n"


def _summary(outcomes: Sequence[Outcome]) -> str:
    """One line: how many targets passed and missed, and which benchmarks failed to run."""
    figures = [f for o in outcomes for f in o.figures]
    passed = sum(f.status == "pass" for f in figures)
    missed = [f"{o.name} / {f.metric}" for o in outcomes for f in o.misses]
    failed = [o.name for o in outcomes if o.error]
    line = f"**{passed} of {passed + len(missed)} targets met.**"
    if missed:
        line += " Missed: " + "; ".join(missed) + "."
    if failed:
        line += " Failed to run: " + ", ".join(failed) + " (see Notes)."
    return line


def _profile_gist(outcome: Outcome, *, top: int = 5) -> str:
    """The heaviest project functions of an outcome's profiles, as one sentence."""
    gists = []
    for label, profile in outcome.profiles.items():
        lines = profile.splitlines()
        if "  project functions, inclusive time:" not in lines:
            continue
        start = lines.index("  project functions, inclusive time:") + 1
        spots = []
        for line in lines[start : start + top]:
            parts = line.split()
            if len(parts) < 4 or not parts[2].endswith("%"):
                break
            spots.append(f"`{parts[3]}` {parts[2]}")
        if spots:
            gists.append(f"Profile of {label}: {', '.join(spots)} of the time")
    return (" " + "; ".join(gists) + " (details below).") if gists else ""


def _cores() -> int:
    """Logical cores of this machine."""
    return os.cpu_count() or 1


def _cells(figure: Figure) -> tuple[str, str, str]:
    """value, target and status cells of one figure."""
    status = figure.status
    if status == "miss":
        status = f"MISS by {figure.margin}"
    return format_value(figure.value, figure.unit), _target(figure), status


def _target(figure: Figure) -> str:
    """The target with its direction, e.g. ``≤ 300 ms``; ``—`` when none."""
    if figure.target is None:
        return "—"
    sign = "≤" if figure.better == "lower" else "≥"
    return f"{sign} {format_value(figure.target, figure.unit)}"


def _md(cell: str) -> str:
    """A table cell safe for Markdown."""
    return cell.replace("|", "\\|")
