"""What one worker does with a chunk of reports: parse it, return compact Arrow batches.

A worker process loads the gazetteer once (:func:`init_worker`, or lazily on its first
chunk under Dask) and returns :class:`ChunkResult` with two record batches, which travel
between processes as Arrow buffers rather than pickled dataclass graphs.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import pyarrow as pa
import shapely

from routes.batch.parquet import MENTIONS, REPORTS
from routes.memory import peak_rss_kib
from routes.model import Mention, Place, Report
from routes.read.gazetteer import Gazetteer, load_gazetteer
from routes.read.geoparse import parse

#: A traveller: a run of two to four capitalised words, then (within three words) a
#: travel verb or their vehicle ("Kim Jong Un left …", "Putin's motorcade …").
_TRAVELLER = re.compile(
    r"\b((?:[A-Z][\w'-]+ ){1,3}[A-Z][\w-]+)(?:'s (?:\w+ )?(?:train|motorcade|plane|jet|convoy)\b"
    r"|(?: [a-z]+){0,3} (?:left|departed|arrived|travell?ed|travels|crossed|boarded|reached"
    r"|headed|entered)\b)"
)
#: Capitalised words that open a sentence rather than a name.
_NOT_NAMES = frozenset({"The", "A", "An", "On", "In", "After", "Before", "When", "It"})


@dataclass(frozen=True)
class ChunkResult:
    """The rows one chunk adds to mentions.parquet and reports.parquet."""

    mentions: pa.RecordBatch
    reports: pa.RecordBatch
    pid: int
    peak_rss_kib: int


@cache
def _gazetteer() -> Gazetteer:
    """The gazetteer, loaded once per process."""
    return load_gazetteer()


def init_worker() -> None:
    """Pool initializer: load the gazetteer before the first chunk arrives."""
    _gazetteer()


def parse_chunk(reports: Sequence[Report]) -> ChunkResult:
    """Parse ``reports`` and return their mention and report rows.

    A chunk whose parse fails is parsed again report by report, so only the
    failing report gets an ``error`` and no mentions.
    """
    gazetteer = _gazetteer()
    mentions: list[list] = []
    errors: dict[str, str] = {}
    try:
        mentions = _rows(reports, gazetteer)
    except Exception:  # isolate the report that fails, keep the rest
        for report in reports:
            try:
                mentions += _rows([report], gazetteer)
            except Exception as err:  # recorded in reports.parquet
                errors[report.id] = f"{type(err).__name__}: {err}"[:500]
    counts = Counter(row[0] for row in mentions)
    report_rows = [_report_row(r, counts[r.id], errors.get(r.id)) for r in reports]
    return ChunkResult(
        mentions=_batch(MENTIONS, mentions),
        reports=_batch(REPORTS, report_rows),
        pid=os.getpid(),
        peak_rss_kib=peak_rss_kib(),
    )


def traveller(report: Report) -> str:
    """Who (or whose vehicle) travels in ``report``: the name most often said to travel.

    Returns "" when no capitalised name stands before a travel verb or a vehicle.
    """
    names: Counter[str] = Counter()
    for text in (report.title, report.text):
        for match in _TRAVELLER.finditer(text):
            words = match.group(1).split()
            while words and words[0] in _NOT_NAMES:
                words = words[1:]
            if len(words) >= 2:
                names[" ".join(words)] += 1
    return names.most_common(1)[0][0] if names else ""


def precision(value: str | None) -> str | None:
    """How precise an ISO time is: year, month, day, hour or minute (None when unknown)."""
    if not value:
        return None
    if "T" in value:
        clock = value.split("T", 1)[1]
        return "minute" if len(clock) >= 5 and clock[3:5] != "00" else "hour"
    return {4: "year", 7: "month"}.get(len(value), "day")


def _rows(reports: Sequence[Report], gazetteer: Gazetteer) -> list[list]:
    """Mention rows of ``reports`` in report order, then text order."""
    by_id = {r.id: (n, r) for n, r in enumerate(reports)}
    found = [(m, lp.place) for lp in parse(reports, gazetteer).places for m in lp.mentions]
    found.sort(key=lambda pair: (by_id[pair[0].report_id][0], pair[0].start, pair[0].end))
    return [_mention_row(by_id[m.report_id][1], m, place) for m, place in found]


def _mention_row(report: Report, mention: Mention, place: Place) -> list:
    """One row of :data:`MENTIONS`."""
    return [
        report.id,
        report.title,
        report.source,
        report.published,
        place.id,
        place.name,
        place.kind,
        (place.lon, place.lat),
        mention.role,
        mention.status,
        mention.source,
        mention.date,
        precision(mention.date),
        mention.text,
        mention.quote,
        mention.start,
        mention.end,
    ]


def _report_row(report: Report, n_mentions: int, error: str | None) -> list:
    """One row of :data:`REPORTS`."""
    return [
        report.id,
        report.title,
        report.source,
        report.published,
        report.language,
        traveller(report),
        n_mentions,
        error,
    ]


def _batch(schema: pa.Schema, rows: list[list]) -> pa.RecordBatch:
    """A record batch of ``schema`` from row lists."""
    columns = [list(c) for c in zip(*rows, strict=True)] if rows else [[] for _ in schema]
    if "geometry" in schema.names and rows:
        at = schema.names.index("geometry")
        columns[at] = list(shapely.to_wkb(shapely.points(columns[at])))
    return pa.RecordBatch.from_arrays(
        [pa.array(c, type=f.type) for c, f in zip(columns, schema, strict=True)],
        schema=schema,
    )
