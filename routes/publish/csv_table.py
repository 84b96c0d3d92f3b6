"""``places.csv``: one row per place, defused against spreadsheet formula injection."""

from __future__ import annotations

import csv
import io
from datetime import datetime

from routes.model import Journey
from routes.publish.geojson import to_geojson
from routes.publish.web.text import to_the_hour

#: Characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: Columns of places.csv, in order.
CSV_COLUMNS: tuple[str, ...] = (
    "name",
    "id",
    "kind",
    "role",
    "order",
    "km",
    "est_arrival",
    "lat",
    "lon",
    "country",  # not a Kind/Role/Status: a column
    "first_source",
    "first_report",
    "mention_count",
    "later_visits",  # a place passed again on the way back: "4: 1624.800 km, <eta>"
)


def places_csv(journey: Journey) -> str:
    """One row per place (:data:`CSV_COLUMNS`), stops first in travel order.

    ``order``, ``km`` and ``est_arrival`` are those of a stop's first visit; a place passed
    again on the way back lists its later visits in ``later_visits``.

    Text that comes from reports or the gazetteer is defused against spreadsheet formula
    injection: a cell starting with ``= + - @`` (or a tab or carriage return) gets a leading
    ``'``.
    """
    features = [
        f
        for f in to_geojson(journey)["features"]
        if f["geometry"] is None or f["geometry"]["type"] == "Point"
    ]
    order = {report.id: i for i, report in enumerate(journey.reports)}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for feature in features:
        props = feature["properties"]
        lonlat = feature["geometry"]["coordinates"] if feature["geometry"] else None
        first = min(
            props["mentions"],
            key=lambda m: (order.get(m["report"], len(order)), m["start"]),
            default=None,
        )
        writer.writerow(
            [
                _defuse(props["name"]),
                _defuse(props["id"]),
                _defuse(props["kind"]),
                _defuse(props["role"]),
                "" if props["order"] is None else props["order"],
                "" if props["km"] is None else f"{props['km']:.3f}",
                _to_the_hour(props["eta"]),
                f"{lonlat[1]:.6f}" if lonlat else "",
                f"{lonlat[0]:.6f}" if lonlat else "",
                _defuse(props["country"] or ""),
                _defuse(first["source"]) if first else "",
                _defuse(first["report"]) if first else "",
                len(props["mentions"]) + props.get("mentions_omitted", 0),
                _later_visits(props.get("visits", [])[1:]),
            ]
        )
    return out.getvalue()


def _later_visits(visits: list[dict]) -> str:
    """A place's visits after its first as ``order: km, est. arrival`` joined by "; "."""
    return "; ".join(
        f"{v['order']}: {v['km']:.3f} km" + (f", {_to_the_hour(v['eta'])}" if v["eta"] else "")
        for v in visits
    )


def _to_the_hour(eta: str | None) -> str:
    """An estimated arrival (ISO) rounded to the hour, its precision: "2023-09-11T13:00"."""
    if not eta:
        return ""
    return to_the_hour(datetime.fromisoformat(eta)).isoformat(timespec="minutes")


def _defuse(text: str) -> str:
    """``text`` with a leading ``'`` when a spreadsheet would read it as a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text
