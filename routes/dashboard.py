"""The dashboard's state logic: reports in play, corrections from table edits, cards, exports."""

from __future__ import annotations

import html
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from routes.model import (
    CONFLICT_STATUSES,
    NO_PLACES_MESSAGE,
    ROLES,
    STOP_ROLES,
    Corrections,
    Journey,
    LoadResult,
    LocatedPlace,
    Mention,
    Place,
    Report,
    Settings,
)
from routes.publish.outputs import OUTPUTS, render_all, to_bytes
from routes.publish.web.card import dashboard_card_html
from routes.publish.web.inline import data_url

if TYPE_CHECKING:
    import pandas as pd

#: Columns of the places table the user edits, in display order.
TABLE_COLUMNS: tuple[str, ...] = (
    "id",
    "name",
    "kind",
    "role",
    "exclude",
    "order",
    "km",
    "mentions",
    "sources",
)
#: Columns the user may change; the others are shown read-only.
EDITABLE_COLUMNS: tuple[str, ...] = ("role", "exclude", "order")
#: Statuses that mark a date a report later took back or denied.
#: Keys of the settings widgets, filled from a project file (see :func:`widget_values`).
SETTING_KEYS: tuple[str, ...] = ("speed", "use_reported_depart", "depart_date", "depart_time")
#: The export files, named as ``python -m routes build`` names them (the project file aside).
#: Largest distance (degrees) between a map click and the place it selects.
_CLICK_TOLERANCE_DEG = 0.05


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
        ``speed`` (km/h), ``use_reported_depart`` (bool), ``depart_date`` and
        ``depart_time``; missing keys keep the defaults.
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
        speed_kmh=float(values.get("speed", defaults.speed_kmh)),
        depart=depart,
        title=title,
    )


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
        "speed": float(settings.speed_kmh),
        "use_reported_depart": depart is None,
        "depart_date": depart.date() if depart else (fallback_day or date.today()),
        "depart_time": depart.time().replace(second=0, microsecond=0) if depart else time(21, 0),
    }


# --- the places table and corrections ------------------------------------------


def places_table(
    journey: Journey, *, lookup: Mapping[str, Place] | None = None
) -> list[dict[str, Any]]:
    """One row per place for the editable places table, stops first in route order.

    Excluded places stay in the table (``exclude`` ticked) so a user can bring
    them back; their name comes from ``lookup`` (e.g. the gazetteer) when given.

    Parameters
    ----------
    journey
        The current result of the pipeline.
    lookup
        Place by id for the places the corrections excluded.

    Returns
    -------
    list of dict
        Rows with the keys :data:`TABLE_COLUMNS`.
    """
    stops = {s.place.id: s for s in journey.route.stops}
    excluded = journey.corrections.excluded
    rows: list[dict[str, Any]] = []
    for located in journey.places:
        if located.place.id in excluded:
            continue
        stop = stops.get(located.place.id)
        rows.append(
            {
                "id": located.place.id,
                "name": located.place.name,
                "kind": located.place.kind,
                "role": located.role,
                "exclude": False,
                "order": stop.order if stop else None,
                "km": round(stop.km, 1) if stop else None,
                "mentions": len(located.mentions),
                "sources": ", ".join(_sources(located.mentions)),
            }
        )
    shown = {p.place.id: p.place for p in journey.places}
    for place_id in excluded:
        place = (lookup or {}).get(place_id) or shown.get(place_id)
        rows.append(
            {
                "id": place_id,
                "name": place.name if place else place_id,
                "kind": place.kind if place else "",
                "role": journey.corrections.role_of(place_id) or "context",
                "exclude": True,
                "order": None,
                "km": None,
                "mentions": 0,
                "sources": "",
            }
        )
    big = len(rows) + 1
    rows.sort(key=lambda row: (row["order"] if row["order"] is not None else big, row["name"]))
    return rows


def apply_edits(
    rows: Sequence[Mapping[str, Any]], edits: Mapping[str, Any], corrections: Corrections
) -> Corrections:
    """Corrections after the user's edits of the places table.

    Parameters
    ----------
    rows
        The table as shown (:func:`places_table`).
    edits
        ``st.data_editor`` state: ``{"edited_rows": {row_index: {column: value}}}``;
        row indexes may be ints or strings.
    corrections
        The corrections the table was built with.

    Returns
    -------
    Corrections
        With role changes, exclusions (or un-exclusions) and a new stop order
        when an ``order`` cell changed.
    """
    changed = {int(i): dict(v) for i, v in (edits.get("edited_rows") or {}).items()}
    result = corrections
    for index, change in sorted(changed.items()):
        if not 0 <= index < len(rows):
            continue
        row = rows[index]
        role = change.get("role")
        if role in ROLES and role != row["role"]:
            result = set_role(result, row["id"], role)
        if "exclude" in change and bool(change["exclude"]) != bool(row["exclude"]):
            result = (
                remove_stop(result, row["id"]) if change["exclude"] else restore(result, row["id"])
            )
    if any("order" in change for change in changed.values()):
        result = replace(result, order=_new_order(rows, changed, result))
    return result


def set_role(corrections: Corrections, place_id: str, role: str) -> Corrections:
    """Corrections with ``place_id`` given the role ``role``."""
    if role not in ROLES:
        msg = f"unknown role {role!r}; expected one of {', '.join(ROLES)}"
        raise ValueError(msg)
    roles = tuple((pid, r) for pid, r in corrections.roles if pid != place_id)
    return replace(corrections, roles=(*roles, (place_id, role)))


def add_stop(
    corrections: Corrections, place_id: str, *, present: Mapping[str, str] | None = None
) -> Corrections:
    """Corrections with ``place_id`` (a gazetteer id) on the route as a stop.

    Parameters
    ----------
    corrections
        The current corrections.
    place_id
        The place to add.
    present
        Role by place id of the places the reports already mention: such a
        place is turned into a ``via`` stop rather than added twice.

    Returns
    -------
    Corrections
    """
    result = restore(corrections, place_id)
    role = (present or {}).get(place_id)
    if role is not None:
        return result if role in STOP_ROLES else set_role(result, place_id, "via")
    if place_id in result.added:
        return result
    return replace(result, added=(*result.added, place_id))


def remove_stop(corrections: Corrections, place_id: str) -> Corrections:
    """Corrections without ``place_id`` on the map: an added stop is dropped, others excluded."""
    order = tuple(pid for pid in corrections.order if pid != place_id)
    if place_id in corrections.added:
        added = tuple(pid for pid in corrections.added if pid != place_id)
        roles = tuple((pid, r) for pid, r in corrections.roles if pid != place_id)
        return replace(corrections, added=added, roles=roles, order=order)
    if place_id in corrections.excluded:
        return replace(corrections, order=order)
    return replace(corrections, excluded=(*corrections.excluded, place_id), order=order)


def restore(corrections: Corrections, place_id: str) -> Corrections:
    """Corrections with ``place_id`` no longer excluded."""
    excluded = tuple(pid for pid in corrections.excluded if pid != place_id)
    return replace(corrections, excluded=excluded)


def reset_order(corrections: Corrections) -> Corrections:
    """Corrections that let the stops follow the rail again (no explicit order)."""
    return replace(corrections, order=())


def _new_order(
    rows: Sequence[Mapping[str, Any]],
    changed: Mapping[int, Mapping[str, Any]],
    corrections: Corrections,
) -> tuple[str, ...]:
    """Stop ids sorted by the edited ``order`` values; ties keep the old order."""
    excluded = set(corrections.excluded)
    keyed: list[tuple[float, int, str]] = []
    for index, row in enumerate(rows):
        change = changed.get(index, {})
        role = change.get("role", row["role"])
        value = change.get("order", row["order"])
        if role not in STOP_ROLES or row["id"] in excluded or change.get("exclude"):
            continue
        rank = float(value) if value is not None else float("inf")
        old = row["order"] if row["order"] is not None else len(rows)
        keyed.append((rank, old, row["id"]))
    return tuple(pid for _rank, _old, pid in sorted(keyed))


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


# --- summary, cards and timeline ---------------------------------------------------


def travel_hours(journey: Journey) -> float | None:
    """Estimated hours from the first stop to the last, dwell included, or None."""
    stops = journey.route.stops
    if len(stops) < 2:
        return None
    first, last = stops[0].eta, stops[-1].eta
    if first is not None and last is not None:
        return (last - first).total_seconds() / 3600
    speed = journey.settings.speed_kmh
    return journey.route.total_km / speed if speed > 0 else None


def summary(journey: Journey) -> str:
    """The one-line summary: stops, rail km, estimated travel time, reports, sources."""
    stops = len(journey.route.stops)
    if not journey.places and not stops:
        reports = len(journey.reports)
        return f"{NO_PLACES_MESSAGE} · {reports} report{'s' if reports != 1 else ''}"
    hours = travel_hours(journey)
    travel = "no travel time" if hours is None else f"≈ {_duration(hours)} estimated travel"
    sources = {m.source for p in journey.places for m in p.mentions if m.source}
    reports = len(journey.reports)
    parts = [
        f"{stops} stop{'s' if stops != 1 else ''}",
        f"{journey.route.rail_km:,.0f} rail km",
        travel,
        f"{reports} report{'s' if reports != 1 else ''}",
        f"{len(sources)} source{'s' if len(sources) != 1 else ''}",
        _languages(journey),
    ]
    return " · ".join(parts)


def _languages(journey: Journey) -> str:
    """The languages the reports were read in ("read in Korean, English")."""
    from routes.read.language import language_names

    return f"read in {language_names([r.language for r in journey.reports]) or 'English'}"


def _duration(hours: float) -> str:
    """``hours`` as ``1 d 7 h``, ``31 h 20 min`` style text."""
    minutes = round(hours * 60)
    days, rest = divmod(minutes, 24 * 60)
    h, m = divmod(rest, 60)
    if days:
        return f"{days} d {h} h"
    return f"{h} h {m:02d} min" if h else f"{m} min"


def place_options(journey: Journey) -> list[tuple[str, str]]:
    """``(place_id, label)`` for the place picker: stops in order, then the others by name."""
    stops = [(s.place.id, f"{s.order}. {s.place.name}") for s in journey.route.stops]
    on_route = {pid for pid, _ in stops}
    others = sorted(
        (p.place.name, p.place.id) for p in journey.places if p.place.id not in on_route
    )
    return stops + [(pid, f"{name} ({_role(journey, pid)})") for name, pid in others]


def _role(journey: Journey, place_id: str) -> str:
    """The role of ``place_id`` in ``journey`` ("" when absent)."""
    located = located_place(journey, place_id)
    return located.role if located else ""


def located_place(journey: Journey, place_id: str) -> LocatedPlace | None:
    """The located place with id ``place_id``, if on the map."""
    return next((p for p in journey.places if p.place.id == place_id), None)


def place_at(
    journey: Journey,
    *,
    tooltip: str | None = None,
    lat: float | None = None,
    lon: float | None = None,
) -> str | None:
    """The place a map click selected: by its tooltip text, else the nearest point.

    Parameters
    ----------
    journey
        The journey drawn on the map.
    tooltip
        The clicked marker's tooltip (it names the place).
    lat, lon
        Where the click landed.

    Returns
    -------
    str or None
        A place id, or None when the click hit no place.
    """
    if tooltip:
        text = " ".join(tooltip.split()).casefold()
        by_length = sorted(journey.places, key=lambda p: -len(p.place.name))
        for located in by_length:
            if located.place.name.casefold() in text:
                return located.place.id
    if lat is None or lon is None:
        return None
    best = min(
        journey.places,
        key=lambda p: (p.place.lat - lat) ** 2 + (p.place.lon - lon) ** 2,
        default=None,
    )
    if best is None:
        return None
    far = max(abs(best.place.lat - lat), abs(best.place.lon - lon))
    return best.place.id if far <= _CLICK_TOLERANCE_DEG else None


def highlighted_quote(report: Report | None, mentions: Sequence[Mention]) -> str:
    """The sentence of ``mentions`` as safe HTML, the place words wrapped in ``<mark>``.

    All of ``mentions`` must stand in the same sentence.  Every character of
    the (untrusted) report text is escaped; ``<mark>`` is the only markup added.
    """
    first = mentions[0]
    sentence = report.text[first.sentence_start : first.sentence_end] if report else first.quote
    spans = sorted(
        {(m.start - first.sentence_start, m.end - first.sentence_start) for m in mentions}
    )
    parts: list[str] = []
    cursor = 0
    for start, end in spans:
        if start < cursor or end > len(sentence) or start >= end:
            continue
        parts.append(html.escape(sentence[cursor:start]))
        parts.append(f"<mark>{html.escape(sentence[start:end])}</mark>")
        cursor = end
    parts.append(html.escape(sentence[cursor:]))
    return "".join(parts)


def place_card_html(journey: Journey, place_id: str) -> str:
    """The card of one place: the map popup's template (role, km, times, every quote).

    Returns
    -------
    str
        Safe HTML (autoescaped) with its stylesheet: ``routes.publish.web.card``.
    """
    return dashboard_card_html(journey, place_id)


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


def _sources(mentions: Sequence[Mention]) -> list[str]:
    """The distinct sources of ``mentions``, in first-seen order."""
    return list(dict.fromkeys(m.source for m in mentions if m.source))


# --- exports ---------------------------------------------------------------------------


def light_exports(journey: Journey) -> dict[str, bytes]:
    """The quick outputs (``Output.quick``: GeoJSON, CSV, project file), as the CLI writes them."""
    return {o.file: to_bytes(o.make(journey, "")) for o in OUTPUTS if o.quick}


def all_exports(journey: Journey, html_text: str) -> dict[str, bytes]:
    """Every file ``python -m routes build`` writes, as bytes, from the same registry.

    Parameters
    ----------
    journey
        The journey to export.
    html_text
        The map page, ``render.map_html(journey, basemap=…)``, as the CLI passes it.

    Returns
    -------
    dict[str, bytes]
        File name (``routes.publish.outputs.OUTPUT_FILES``) to its bytes.
    """
    return render_all(journey, html_text)


# --- the map inside the dashboard -----------------------------------------------------------


def embeddable(fmap: Any) -> Any:
    """``fmap`` with its vendored ``asset:`` script and style links turned into ``data:`` URLs.

    streamlit-folium loads a map's links inside its own frame, where ``asset:`` (the
    offline links of ``routes.publish.web.render``) means nothing; ``data:`` URLs load with no
    network and no file server.

    Parameters
    ----------
    fmap
        A folium map from ``routes.publish.web.render.build_map``; changed in place.

    Returns
    -------
    folium.Map
        The same map.
    """
    scripts: dict[str, str] = {}
    styles: dict[str, str] = {}
    stack = [fmap]
    while stack:  # depth first, in drawing order: Leaflet itself before its plugins
        element = stack.pop()
        for attribute, found in (("default_js", scripts), ("default_css", styles)):
            links = [
                (name, data_url(url)) for name, url in getattr(element, attribute, None) or []
            ]
            if links:
                setattr(element, attribute, links)
            for name, url in links:
                found.setdefault(url, name)
        stack.extend(reversed(list(getattr(element, "_children", {}).values())))
    # streamlit-folium loads only the links it finds on folium's own plugin classes and drops
    # script tags from the page header, so the map carries every link for the whole page.
    fmap.default_js = [(name, url) for url, name in scripts.items()]
    fmap.default_css = [(name, url) for url, name in styles.items()]
    return fmap


# --- batches (GeoParquet written by ``python -m routes batch``) ---------------


def batch_journeys(mentions_parquet: bytes, reports_parquet: bytes) -> pd.DataFrame:
    """The journeys of a batch, one row each, from its mentions and reports tables.

    Parameters
    ----------
    mentions_parquet, reports_parquet
        The bytes of a batch's ``mentions.parquet`` and ``reports.parquet``.

    Returns
    -------
    pandas.DataFrame
        ``journey``, ``first``, ``last``, ``reports``, ``mentions`` and ``stops``
        (the places most mentioned as origin, via, border or destination), one row
        per journey, by traveller then first day.
    """
    import io

    import pandas as pd

    from routes.batch.journeys import group_rows

    reports = pd.read_parquet(io.BytesIO(reports_parquet))
    keys = group_rows(reports[["report_id", "traveller", "published"]].to_dict("records"))
    mentions = _batch_mentions(mentions_parquet, keys)
    rows = []
    for key in sorted(set(keys.values()), key=lambda k: (k.traveller, k.first)):
        own = mentions[mentions["journey"] == key.title]
        stops = own[own["role"].isin(STOP_ROLES)]["name"].value_counts().index[:6]
        rows.append(
            {
                "journey": key.title,
                "first": key.first,
                "last": key.last,
                "reports": sum(1 for k in keys.values() if k == key),
                "mentions": len(own),
                "stops": ", ".join(stops),
            }
        )
    return pd.DataFrame(rows, columns=["journey", "first", "last", "reports", "mentions", "stops"])


def batch_journey_places(
    mentions_parquet: bytes, reports_parquet: bytes, journey: str
) -> pd.DataFrame:
    """Places of one journey of a batch: ``name``, ``role``, ``mentions``, ``lat``, ``lon``."""
    import io

    import pandas as pd
    import shapely

    from routes.batch.journeys import group_rows

    reports = pd.read_parquet(io.BytesIO(reports_parquet))
    keys = group_rows(reports[["report_id", "traveller", "published"]].to_dict("records"))
    mentions = _batch_mentions(mentions_parquet, keys)
    own = mentions[mentions["journey"] == journey]
    points = shapely.from_wkb(own["geometry"].to_numpy())
    own = own.assign(lon=shapely.get_x(points), lat=shapely.get_y(points))
    table = own.groupby("place_id", sort=False).agg(
        name=("name", "first"),
        role=("role", lambda roles: roles.mode().iloc[0]),
        mentions=("name", "size"),
        lat=("lat", "first"),
        lon=("lon", "first"),
    )
    return table.reset_index(drop=True).sort_values("mentions", ascending=False)


def _batch_mentions(mentions_parquet: bytes, keys: Mapping[str, Any]) -> pd.DataFrame:
    """mentions.parquet as a frame with each row's ``journey`` title (None outside one)."""
    import io

    import pandas as pd

    columns = ["report_id", "place_id", "name", "role", "geometry"]
    mentions = pd.read_parquet(io.BytesIO(mentions_parquet), columns=columns)
    titles = {report_id: key.title for report_id, key in keys.items()}
    return mentions.assign(journey=mentions["report_id"].map(titles))
