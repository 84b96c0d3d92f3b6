"""The journey timeline (one row per visit) and the dated events per source, conflicts marked."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from routes.model import CONFLICT_STATUSES, HIDDEN_ROLES, NOT_CURRENT, STATUSES, Journey, Mention
from routes.publish import style


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


# --- the journey timeline: one row per visit ---------------------------------------------

#: What every view calls a stop the user added: the one wording of the map's key and popup.
ADDED_BY_HAND = style.ADDED_BY_HAND


def reported_text(value: str, part: str = "") -> str:
    """A reported date at its own precision: "Sun 10 Sep 2023" or "Sun 10 Sep 2023, 21:00",
    or "Sun 10 Sep 2023, evening" when only a ``part`` of the day was said.

    A year or a month ("2019", "2023-09") stays as written; the date format matches
    :func:`routes.publish.web.text.when_text` for times to the minute.
    """
    from routes.publish.web.text import reported_when_text, weekday_text

    try:
        if len(value) > len("2023-09-10"):
            return reported_when_text(datetime.fromisoformat(value), part)
        if len(value) == len("2023-09-10"):
            return weekday_text(date.fromisoformat(value))
    except ValueError:
        return value
    return value


def visit_rows(journey: Journey) -> list[dict[str, Any]]:
    """The journey timeline: one row per visit (stop), in travel order.

    Parameters
    ----------
    journey
        The pipeline's result.

    Returns
    -------
    list of dict
        Keys ``id``, ``#``, ``place``, ``reported`` (the first current reported time, at
        its precision, "" when none), ``estimated`` ("est. …", "" when unknown),
        ``sources`` (attributed sources), ``status`` (every status its mentions carry;
        a mention as an actor, or as history, is left out),
        ``conflict`` (the reports disagree or took a date back, or a reported time is
        more than :data:`routes.model.ESTIMATE_TOLERANCE_HOURS` from the estimate) and
        ``reports`` (which
        report added the stop and which changed it; the user's own stops say
        :data:`ADDED_BY_HAND`).
    """
    from routes.publish.web.text import estimate_text

    places = {p.place.id: p for p in journey.places}
    rows = []
    for stop in journey.route.stops:
        located = places.get(stop.place.id)
        mentions = [m for m in located.mentions if m.role not in HIDDEN_ROLES] if located else []
        dated = [m for m in mentions if m.date and m.status not in NOT_CURRENT]
        statuses = {m.status for m in mentions}
        days = {m.date[:10] for m in dated if len(m.date) >= len("2023-09-10")}
        rows.append(
            {
                "id": stop.place.id,
                "#": stop.order,
                "place": stop.place.name,
                "reported": reported_text(dated[0].date, dated[0].part) if dated else "",
                "estimated": estimate_text(stop.eta) if stop.eta else "",
                "sources": ", ".join(attributed_sources(journey, mentions)),
                "status": ", ".join(s for s in STATUSES if s in statuses),
                "conflict": bool(statuses & set(CONFLICT_STATUSES))
                or len(days) > 1
                or stop.estimate_disagrees,
                "reports": _contributions(journey, stop.place.id, mentions),
            }
        )
    return rows


def attributed_sources(journey: Journey, mentions: Sequence[Mention]) -> list[str]:
    """Who ``mentions`` are attributed to, in first-seen order.

    A mention whose source is only its report's own byline (no one named in the
    sentence) is not attributed to anyone.
    """
    bylines = {r.id: r.source for r in journey.reports}
    named = (m.source for m in mentions if m.source and m.source != bylines.get(m.report_id))
    return list(dict.fromkeys(named))


def _contributions(journey: Journey, place_id: str, mentions: Sequence[Mention]) -> str:
    """Which report added a stop and which later ones changed its date or status."""
    if place_id in journey.corrections.added or not mentions:
        return ADDED_BY_HAND
    if len(journey.reports) < 2:
        return ""
    by_report: dict[str, set[tuple[str | None, str]]] = {}
    for mention in mentions:
        by_report.setdefault(mention.report_id, set()).add((mention.date, mention.status))
    ordered = [r for r in journey.reports if r.id in by_report]
    first = ordered[0]
    parts = [f"added by “{first.title or first.id}”"]
    seen = set(by_report[first.id])
    for report in ordered[1:]:
        if not by_report[report.id] <= seen:
            parts.append(f"changed by “{report.title or report.id}”")
        seen |= by_report[report.id]
    return "; ".join(parts)
