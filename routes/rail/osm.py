"""Bring your own OpenStreetMap extract: full-detail track merged over the world graph.

``python -m routes network import REGION.osm.pbf`` reads the extract's ``railway=rail``
ways with pyosmium (their ``usage``, ``service``, ``gauge`` and ``name`` tags), builds the
same array form as the world graph (``routes.rail.world.GraphArrays``), and merges it over
the world graph: inside the extract's outline (the convex hull of its track) the world
graph's segments give way to the extract's, and the two are joined where a line of one
ends within :data:`JOIN_KM` of the other. The result is one ``.npz`` that ``--network``
on ``build`` and ``route`` loads instead of the world graph.

Extract data is © OpenStreetMap contributors, ODbL, like the world graph.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely

from routes.rail.geodesy import geodesic_km, unit_vectors
from routes.rail.world import GraphArrays, TrackLine, arrays_from_lines, assemble

#: ``service=*`` values of tracks no through train runs on (yards, sidings, spurs).
SKIPPED_SERVICE = frozenset({"yard", "siding", "spur", "crossover"})
#: ``usage=*`` values that are not the railway network a journey uses.
SKIPPED_USAGE = frozenset({"tourism", "military", "test"})
#: A line end of one graph joins the nearest node of the other within this (km).
JOIN_KM = 1.0
#: Source mark of edges from an imported extract (``GraphArrays.source``).
EXTRACT_ORIGIN = 2
#: Most ways read from one extract (bounds the work; a country's extract has ~100,000).
MAX_WAYS = 2_000_000


class ExtractError(ValueError):
    """The extract cannot be read or holds no railway; the message names the file."""


@dataclass(frozen=True)
class ImportSummary:
    """What an import did: ways read, nodes and km of extract track, joins made."""

    ways: int
    nodes: int
    km: float
    joins: int
    path: Path


def read_rail_ways(path: Path) -> list[TrackLine]:
    """The main-line ``railway=rail`` ways of an ``.osm.pbf`` (or ``.osm``) extract.

    Raises
    ------
    ExtractError
        If the file is missing, unreadable or holds no such way.
    """
    import osmium  # optional at run time: only imports need it

    if not Path(path).is_file():
        msg = f"OpenStreetMap extract not found: {path}"
        raise ExtractError(msg)
    lines: list[TrackLine] = []
    try:
        processor = osmium.FileProcessor(str(path)).with_locations()
        processor = processor.with_filter(osmium.filter.KeyFilter("railway"))
        for obj in processor:
            if obj.is_way() and _is_main_line(obj.tags):
                coords = tuple((n.lon, n.lat) for n in obj.nodes if n.location.valid())
                if len(coords) >= 2:
                    lines.append(TrackLine(coords, "", _gauge(obj.tags.get("gauge"))))
                if len(lines) > MAX_WAYS:
                    msg = f"{path} holds more than {MAX_WAYS:,} railway ways; cut a smaller extract"
                    raise ExtractError(msg)
    except (RuntimeError, OSError) as exc:
        msg = f"Cannot read the OpenStreetMap extract {path}: {exc}"
        raise ExtractError(msg) from exc
    if not lines:
        msg = f"{path} holds no railway=rail ways"
        raise ExtractError(msg)
    return lines


def _is_main_line(tags) -> bool:
    """Whether a way's tags make it running track (``railway=rail``, no yard or siding)."""
    return (
        tags.get("railway") == "rail"
        and tags.get("service", "") not in SKIPPED_SERVICE
        and tags.get("usage", "") not in SKIPPED_USAGE
    )


def _gauge(value: str | None) -> int:
    """The first gauge of a ``gauge`` tag in mm ("1435;1520" gives 1435), 0 when unknown."""
    try:
        return int(str(value).split(";")[0].strip())
    except (TypeError, ValueError):
        return 0


def merge(world: GraphArrays, extract: GraphArrays) -> tuple[GraphArrays, int]:
    """The world graph with ``extract`` laid over it; also the number of joins made."""
    hull = shapely.convex_hull(shapely.multipoints(np.column_stack([extract.lon, extract.lat])))
    inside = shapely.intersects_xy(hull, world.lon, world.lat)
    rows = np.repeat(np.arange(world.node_count), np.diff(world.indptr))
    once = rows < world.indices
    u, v = rows[once], world.indices[once]
    keep = ~(inside[u] & inside[v])
    u, v = u[keep], v[keep]
    km, gauge, origin = (x[once][keep] for x in (world.km, world.gauge, world.source))
    offset = world.node_count
    eu, ev, ekm, egauge, eorigin = _edges(extract)
    joins = _joins(world, extract, u, v, offset, inside)
    ju = np.array([a for a, _, _ in joins], dtype=np.int64)
    jv = np.array([b for _, b, _ in joins], dtype=np.int64)
    jkm = np.array([k for _, _, k in joins], dtype=np.float64)
    codes = [world.codes[i] for i in world.country] + [extract.codes[i] for i in extract.country]
    merged = assemble(
        np.concatenate([world.lon, extract.lon]),
        np.concatenate([world.lat, extract.lat]),
        np.concatenate([u, eu + offset, ju]),
        np.concatenate([v, ev + offset, jv]),
        np.concatenate([km.astype(np.float64), ekm, jkm]),
        np.concatenate([gauge, egauge, np.zeros(len(joins), dtype=np.int16)]),
        np.concatenate([origin, eorigin, np.full(len(joins), EXTRACT_ORIGIN, dtype=np.int8)]),
        countries=codes,
    )
    return merged, len(joins)


def _edges(arrays: GraphArrays) -> tuple[np.ndarray, ...]:
    """Each undirected edge of ``arrays`` once: ``u, v, km, gauge, origin``."""
    rows = np.repeat(np.arange(arrays.node_count), np.diff(arrays.indptr))
    once = rows < arrays.indices
    return (
        rows[once].astype(np.int64),
        arrays.indices[once].astype(np.int64),
        arrays.km[once].astype(np.float64),
        arrays.gauge[once],
        arrays.source[once],
    )


def _joins(
    world: GraphArrays,
    extract: GraphArrays,
    u: np.ndarray,
    v: np.ndarray,
    offset: int,
    inside: np.ndarray,
) -> list[tuple[int, int, float]]:
    """Links between the graphs: kept world nodes inside the hull and extract line ends,
    each to the nearest node of the other graph within :data:`JOIN_KM`."""
    from scipy.spatial import cKDTree

    world_degree = np.bincount(np.concatenate([u, v]), minlength=world.node_count)
    extract_degree = np.diff(extract.indptr)
    joins: list[tuple[int, int, float]] = []
    world_ends = np.nonzero(inside & (world_degree > 0))[0]
    extract_ends = np.nonzero(extract_degree == 1)[0]
    kept = np.nonzero(world_degree > 0)[0]
    for sources, targets, src_graph, dst_graph, src_off, dst_off in (
        (world_ends, np.arange(extract.node_count), world, extract, 0, offset),
        (extract_ends, kept, extract, world, offset, 0),
    ):
        if sources.size == 0 or targets.size == 0:
            continue
        tree = cKDTree(unit_vectors(dst_graph.lon[targets], dst_graph.lat[targets]))
        _, nearest = tree.query(unit_vectors(src_graph.lon[sources], src_graph.lat[sources]))
        hit = targets[nearest]
        kms = geodesic_km(
            src_graph.lon[sources], src_graph.lat[sources], dst_graph.lon[hit], dst_graph.lat[hit]
        )
        for a, b, km in zip(sources.tolist(), hit.tolist(), kms.tolist(), strict=True):
            if km <= JOIN_KM:
                joins.append((a + src_off, b + dst_off, km))
    return joins


def import_extract(source: Path, out: Path, world: GraphArrays) -> ImportSummary:
    """Read ``source``, merge it over ``world`` and write the network file ``out``."""
    lines = read_rail_ways(source)
    extract = arrays_from_lines(lines, origin=EXTRACT_ORIGIN)
    merged, joins = merge(world, extract)
    merged.save(out)
    return ImportSummary(
        ways=len(lines),
        nodes=extract.node_count,
        km=float(extract.km.sum() / 2.0),
        joins=joins,
        path=out,
    )
