"""The dated events of a journey for the timeline, per source, conflicts marked."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from routes.model import CONFLICT_STATUSES, Journey


def timeline_rows(journey: Journey) -> list[dict[str, Any]]:
    """Dated events for the timeline: a place mention or a time phrase, per source.

    A date a report later took back (``superseded``, ``denied``) is a conflict,
    and so is every other date the same source gives in that sentence (YTN's
    Tuesday versus its earlier Wednesday).

    Returns
    -------
    list of dict
        Keys ``what``, ``source``, ``date`` (ISO), ``status``, ``quote``,
        ``report``, ``conflict``; sorted by date.
    """
    rows: list[dict[str, Any]] = []
    for located in journey.places:
        for mention in located.mentions:
            if mention.date:
                rows.append(
                    _event(located.place.name, mention.source, mention.date, mention.status,
                           mention.quote, mention.report_id, mention.sentence_start)
                )  # fmt: skip
    for ref in journey.timerefs:
        report = journey.report(ref.report_id)
        quote = report.text[ref.sentence_start : ref.sentence_end] if report else ref.text
        rows.append(
            _event(f"“{ref.text}”", ref.source, ref.date, ref.status, quote, ref.report_id,
                   ref.sentence_start)
        )  # fmt: skip
    disputed = {
        (row["report"], row["_sentence"], row["source"])
        for row in rows
        if row["status"] in CONFLICT_STATUSES
    }
    for row in rows:
        row["conflict"] = (row["report"], row.pop("_sentence"), row["source"]) in disputed
    unique = {tuple(sorted(row.items())): row for row in rows}
    return sorted(unique.values(), key=lambda row: (row["date"], row["source"], row["what"]))


def timeline_points(rows: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Timeline rows merged into one point per source, day and status, for drawing.

    Only dates to the day (or finer) are kept: a bare year ("2019") is history,
    not part of the journey's days.

    Parameters
    ----------
    rows
        From :func:`timeline_rows`.

    Returns
    -------
    list of dict
        Keys ``source``, ``day`` (ISO date), ``status``, ``what`` (the places and
        time phrases, joined), ``quote`` (the first sentence), ``count`` and
        ``conflict``; in date order.
    """
    points: dict[tuple[str, str, str], dict[str, Any]] = {}
    for row in rows:
        if len(row["date"]) < len("2023-09-11"):
            continue
        day = row["date"][:10]
        key = (row["source"], day, row["status"])
        point = points.setdefault(
            key,
            {"source": row["source"], "day": day, "status": row["status"], "what": [],
             "quote": row["quote"], "count": 0, "conflict": False},
        )  # fmt: skip
        if row["what"] not in point["what"]:
            point["what"].append(row["what"])
        point["count"] += 1
        point["conflict"] = point["conflict"] or row["conflict"]
    for point in points.values():
        point["what"] = ", ".join(point["what"])
    return sorted(points.values(), key=lambda p: (p["day"], p["source"], p["status"]))


def _event(
    what: str, source: str, when: str, status: str, quote: str, report_id: str, sentence: int
) -> dict[str, Any]:
    """One timeline row."""
    return {
        "what": what,
        "source": source or "unattributed",
        "date": when,
        "status": status,
        "quote": quote,
        "report": report_id,
        "_sentence": sentence,
    }
