"""Run a batch: stream the sources, parse chunks on worker processes or Dask, write Parquet."""

from __future__ import annotations

import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

import pyarrow as pa

from routes.batch.parquet import MENTIONS, PLACES, REPORTS, TableWriter
from routes.batch.sources import stream
from routes.batch.workers import ChunkResult, init_worker, parse_chunk
from routes.model import LoadProblem, Report

#: Reports sent to a worker at once: big enough to amortise a round trip, small enough
#: that a worker's results stay a few MB.
CHUNK_REPORTS = 200
#: Chunks in flight per worker: one parsing, one queued, so no worker waits on the parent.
IN_FLIGHT_PER_WORKER = 2
#: The output files, by table.
FILES = {"mentions": "mentions.parquet", "places": "places.parquet", "reports": "reports.parquet"}

Submit = Callable[[list[Report]], "Future[ChunkResult]"]


@dataclass
class Summary:
    """What a batch read, found and wrote."""

    reports: int = 0
    mentions: int = 0
    places: int = 0
    errors: int = 0
    skipped: list[LoadProblem] = field(default_factory=list)
    seconds: float = 0.0
    worker_rss_kib: dict[int, int] = field(default_factory=dict)
    written: dict[str, Path] = field(default_factory=dict)

    def line(self) -> str:
        """The one-line summary printed at the end."""
        rate = self.reports / self.seconds if self.seconds else 0.0
        return (
            f"{self.reports:,} reports, {self.mentions:,} mentions, {self.places:,} places, "
            f"{self.errors:,} errors, {len(self.skipped):,} skipped; "
            f"{rate:,.1f} reports/s in {self.seconds:.1f} s"
        )


def run_batch(
    sources: Sequence[str | Path],
    out_dir: Path,
    *,
    workers: int | None = None,
    dask: str | None = None,
    chunk_reports: int = CHUNK_REPORTS,
    progress: bool = True,
) -> Summary:
    """Parse every report of ``sources`` in parallel and write the three Parquet tables.

    Parameters
    ----------
    sources
        Files, folders and ``.jsonl``/``.jsonl.gz`` archives.
    out_dir
        Folder that receives mentions.parquet, places.parquet and reports.parquet.
    workers
        Local worker processes (default: the core count); 1 parses in this process.
        With ``dask``, the workers of a ``local`` cluster.
    dask
        ``"local"`` for a LocalCluster, or a scheduler address such as
        ``tcp://host:8786``; None for local processes.
    chunk_reports
        Reports per task.
    progress
        Show a progress bar and the skipped records on stderr.

    Returns
    -------
    Summary
    """
    from tqdm import tqdm

    started = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    summary = Summary()
    n = workers or os.cpu_count() or 1
    bar = tqdm(unit="report", file=sys.stderr, disable=not progress, desc="batch")
    tables = _Tables(out_dir)

    def skipped(problem: LoadProblem) -> None:
        summary.skipped.append(problem)
        tables.reports.write(_problem_batch(problem))
        if progress:
            bar.write(f"skipped: {problem}", file=sys.stderr)

    with _executor(n, dask) as (submit, window):
        chunks = _chunks(stream(sources), chunk_reports, skipped)
        for result in _ordered(submit, chunks, window):
            tables.add(result)
            summary.worker_rss_kib[result.pid] = max(
                result.peak_rss_kib, summary.worker_rss_kib.get(result.pid, 0)
            )
            summary.reports += result.reports.num_rows
            summary.mentions += result.mentions.num_rows
            summary.errors += result.reports.num_rows - result.reports.column("error").null_count
            bar.update(result.reports.num_rows)
    bar.close()
    summary.places = tables.close()
    summary.written = {name: out_dir / file for name, file in FILES.items()}
    summary.seconds = time.perf_counter() - started
    return summary


def _chunks(
    items: Iterable[Report | LoadProblem], size: int, skipped: Callable[[LoadProblem], None]
) -> Iterator[list[Report]]:
    """Reports in lists of ``size``; each problem handed to ``skipped`` as it comes."""
    chunk: list[Report] = []
    for item in items:
        if isinstance(item, LoadProblem):
            skipped(item)
            continue
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _ordered(submit: Submit, chunks: Iterable[list[Report]], window: int) -> Iterator[ChunkResult]:
    """Results in the order of ``chunks``, with at most ``window`` chunks in flight."""
    pending: deque[Future[ChunkResult]] = deque()
    for chunk in chunks:
        pending.append(submit(chunk))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


@contextmanager
def _executor(workers: int, dask: str | None) -> Iterator[tuple[Submit, int]]:
    """(submit, window) for this process, a spawn pool or a Dask client."""
    if dask is not None:
        with _dask_client(dask, workers) as client:
            size = max(1, len(client.scheduler_info().get("workers", {})))
            yield (lambda chunk: client.submit(parse_chunk, chunk, pure=False)), size * 2
        return
    if workers <= 1:
        yield _in_process, 1
        return
    context = get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=init_worker) as pool:
        yield (lambda chunk: pool.submit(parse_chunk, chunk)), workers * IN_FLIGHT_PER_WORKER


def _in_process(chunk: list[Report]) -> Future[ChunkResult]:
    """A done future of ``chunk`` parsed here (the one-worker batch)."""
    future: Future[ChunkResult] = Future()
    future.set_result(parse_chunk(chunk))
    return future


def _dask_client(address: str, workers: int) -> AbstractContextManager:
    """A Dask client of a new LocalCluster (``local``) or of the scheduler at ``address``."""
    from dask.distributed import Client, LocalCluster

    if address == "local":
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        return _closing_both(Client(cluster), cluster)
    return Client(address)


@contextmanager
def _closing_both(client, cluster) -> Iterator:
    """``client`` while in use; then the client and its cluster closed."""
    try:
        yield client
    finally:
        client.close()
        cluster.close()


def _problem_batch(problem: LoadProblem) -> pa.RecordBatch:
    """A reports.parquet row for a record that could not be read."""
    columns = {name: [None] for name in REPORTS.names}
    columns["n_mentions"] = [0]
    columns["error"] = [str(problem)]
    return pa.RecordBatch.from_pydict(columns, schema=REPORTS)


class _Tables:
    """The three Parquet files being written and the running per-place totals."""

    def __init__(self, out_dir: Path) -> None:
        self.mentions = TableWriter(out_dir / FILES["mentions"], MENTIONS)
        self.reports = TableWriter(out_dir / FILES["reports"], REPORTS)
        self._places_path = out_dir / FILES["places"]
        self._places: dict[str, list] = {}

    def add(self, result: ChunkResult) -> None:
        """Append a chunk's rows and fold its mentions into the place totals."""
        self.mentions.write(result.mentions)
        self.reports.write(result.reports)
        self._fold(result.mentions)

    def _fold(self, mentions: pa.RecordBatch) -> None:
        """Per place of ``mentions``: count, reports, first and last published date."""
        if not mentions.num_rows:
            return
        table = pa.Table.from_batches([mentions])
        grouped = table.group_by("place_id", use_threads=False).aggregate(
            [
                ("place_id", "count"),
                ("report_id", "count_distinct"),
                ("published", "min"),
                ("published", "max"),
                ("name", "first"),
                ("kind", "first"),
                ("geometry", "first"),
            ]
        )
        for row in grouped.to_pylist():
            self._merge(row)

    def _merge(self, row: dict) -> None:
        """Add one chunk's totals of a place to the running ones."""
        known = self._places.get(row["place_id"])
        first, last = row["published_min"], row["published_max"]
        if known is None:
            self._places[row["place_id"]] = [
                row["name_first"],
                row["kind_first"],
                row["geometry_first"],
                row["place_id_count"],
                row["report_id_count_distinct"],
                first,
                last,
            ]
            return
        known[3] += row["place_id_count"]
        known[4] += row["report_id_count_distinct"]
        known[5] = min(filter(None, (known[5], first)), default=None)
        known[6] = max(filter(None, (known[6], last)), default=None)

    def close(self) -> int:
        """Finish the files; write places.parquet; return the number of places."""
        self.mentions.close()
        self.reports.close()
        ids = sorted(self._places)
        rows = [self._places[i] for i in ids]
        columns = [ids, *([list(c) for c in zip(*rows, strict=True)] if rows else [[]] * 7)]
        names = ["place_id", "name", "kind", "geometry", "n_mentions", "n_reports"]
        names += ["first_mention", "last_mention"]
        batch = pa.RecordBatch.from_arrays(
            [pa.array(c, type=PLACES.field(n).type) for c, n in zip(columns, names, strict=True)],
            names=names,
        )
        writer = TableWriter(self._places_path, PLACES)
        writer.write(batch)
        writer.close()
        return len(ids)
