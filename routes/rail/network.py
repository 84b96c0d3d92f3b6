"""The rail network the pipeline routes on: one entry point for every caller.

The network is the world graph of OpenStreetMap-derived track (``routes.rail.world``,
built once per install into the cache) with the shipped station table attached
(``routes.rail.track``). ``load_network()`` returns it, cached per process; a path
chooses a network file written by ``python -m routes network import`` instead.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from routes.rail.curation import (
    RAIL_DIR,
    STATIONS_PATH,
    NetworkError,
    read_gauges,
    read_preferences,
    read_stations,
)
from routes.rail.track import RailNetwork
from routes.rail.world import GraphArrays, WorldNetworkError, cache_path, load_world
from routes.read.gazetteer import default_cache_dir

__all__ = ["RAIL_DIR", "NetworkError", "RailNetwork", "load_network", "load_world_network"]


def load_network(path: Path | str | None = None) -> RailNetwork:
    """The rail network: the world graph, or the network file at ``path``.

    Raises
    ------
    NetworkError
        If a file is missing or cannot be read; the message names it.
    """
    return load_world_network(Path(path) if path is not None else None)


def load_world_network(path: Path | None = None, *, stations: Path = STATIONS_PATH) -> RailNetwork:
    """The rail network: the world graph from the cache, or an imported ``.npz``.

    Parameters
    ----------
    path
        A network file written by ``python -m routes network import`` (the world
        graph with an OpenStreetMap extract merged in); the world graph when None.
    stations
        The station coordinates to attach.

    Raises
    ------
    NetworkError
        If a file is missing or cannot be read; the message names it.
    """
    if path is not None and not Path(path).is_file():
        msg = f"Rail network file not found: {path}"
        raise NetworkError(msg)
    key = str(Path(path).resolve()) if path is not None else ""
    return _load_cached(key, stations.resolve(), _mtime(Path(key)) if key else 0)


@lru_cache(maxsize=4)
def _load_cached(key: str, stations: Path, _stamp: int) -> RailNetwork:
    """The network for ``key`` (a file, or "" for the world graph), cached per process."""
    try:
        graph_file = Path(key) if key else cache_path()
        arrays = GraphArrays.load(graph_file) if key else load_world()
    except WorldNetworkError as exc:
        raise NetworkError(str(exc)) from exc
    digest = hashlib.sha256(f"{graph_file.resolve()}|{_stamp}|".encode())
    digest.update(stations.read_bytes() if stations.is_file() else b"")
    return RailNetwork(
        arrays,
        read_stations(stations),
        gauges=read_gauges(),
        preferences=read_preferences,
        source=key or "world graph",
        station_cache=default_cache_dir() / f"rail-stations-{digest.hexdigest()[:16]}.json",
    )


def _mtime(path: Path) -> int:
    """Modification time of ``path`` in ns."""
    return path.stat().st_mtime_ns
