"""Group a batch's reports into journeys and draw each one with ``build``.

A journey is one traveller (the person or vehicle the report says travels, found by
:func:`routes.batch.workers.traveller`) within one time window: that traveller's reports
in published order, cut wherever two consecutive ones lie more than
:data:`WINDOW_GAP_DAYS` apart.  Each journey gets ``route.geojson`` and ``map.html``
from the same code as ``python -m routes build``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq

from routes.batch.run import FILES
from routes.batch.sources import stream
from routes.model import Report, Settings
from routes.read.reports import MAX_REPORTS

#: Reports of one traveller further apart than this start a new journey.
WINDOW_GAP_DAYS = 14


@dataclass(frozen=True)
class JourneyKey:
    """One traveller's reports within one time window."""

    traveller: str
    first: date
    last: date

    @property
    def slug(self) -> str:
        """A folder name: the traveller and the window's first day."""
        name = re.sub(r"[^a-z0-9]+", "-", self.traveller.lower()).strip("-") or "journey"
        return f"{name}-{self.first.isoformat()}"

    @property
    def title(self) -> str:
        """A map title such as "Kim Jong Un, Sep 2023"."""
        return f"{self.traveller}, {self.first:%b %Y}"


def group(reports_parquet: Path) -> dict[str, JourneyKey]:
    """Report id → its journey, for every report with a traveller and a published date."""
    table = pq.read_table(reports_parquet, columns=["report_id", "traveller", "published"])
    return group_rows(table.to_pylist())


def group_rows(rows: Iterable[dict]) -> dict[str, JourneyKey]:
    """Report id → journey from ``{report_id, traveller, published}`` rows (reports.parquet)."""
    rows = [r for r in rows if r["report_id"] and r["traveller"] and r["published"]]
    rows.sort(key=lambda r: (r["traveller"], r["published"], r["report_id"]))
    found: dict[str, JourneyKey] = {}
    window: list[dict] = []
    for row in [*rows, None]:
        if window and (
            row is None
            or row["traveller"] != window[-1]["traveller"]
            or (row["published"] - window[-1]["published"]).days > WINDOW_GAP_DAYS
        ):
            key = JourneyKey(
                window[0]["traveller"], window[0]["published"], window[-1]["published"]
            )
            found.update((r["report_id"], key) for r in window)
            window = []
        if row is not None:
            window.append(row)
    return found


def write_journeys(
    sources: Sequence[str | Path],
    out_dir: Path,
    *,
    progress: Callable[[str], None] | None = None,
) -> list[Path]:
    """Write ``journeys/<slug>/route.geojson`` and ``map.html`` for each journey of a batch.

    ``out_dir`` must hold the batch's reports.parquet; the sources are read again to
    collect each journey's reports (at most :data:`MAX_REPORTS` per journey).
    """
    from routes.pipeline import build
    from routes.publish.export import geojson_bytes
    from routes.publish.web.render import map_html
    from routes.rail.network import load_network
    from routes.read.gazetteer import load_gazetteer

    say = progress or (lambda _message: None)
    keys = group(out_dir / FILES["reports"])
    members: dict[JourneyKey, list[Report]] = {}
    for item in stream(sources):
        key = keys.get(item.id) if isinstance(item, Report) else None
        if key is not None and len(members.setdefault(key, [])) < MAX_REPORTS:
            members[key].append(item)
    gazetteer, network = load_gazetteer(), load_network()
    written: list[Path] = []
    for key, reports in sorted(members.items(), key=lambda kv: kv[0].slug):
        say(f"journey {key.title}: {len(reports)} report(s)")
        journey = build(reports, Settings(title=key.title), gazetteer=gazetteer, network=network)
        folder = out_dir / "journeys" / key.slug
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "route.geojson").write_bytes(geojson_bytes(journey))
        written.append(folder / "route.geojson")
        try:
            html = map_html(journey)
        except Exception as err:  # one map that fails does not stop the rest
            say(f"journey {key.title}: map.html not drawn ({type(err).__name__}: {err})")
            continue
        (folder / "map.html").write_text(html, encoding="utf-8", newline="")
        written.append(folder / "map.html")
    return written
