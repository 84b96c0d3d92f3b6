"""The rail network the pipeline routes on: one entry point for every caller.

The network is the world graph of OpenStreetMap-derived track (``routes.rail.world``,
built once per install into the cache) with the shipped station table attached
(``routes.rail.track``). ``load_network()`` returns it, cached per process; a path
chooses a network file written by ``python -m routes network import`` instead.
"""

from __future__ import annotations

from pathlib import Path

from routes.rail.track import RAIL_DIR, NetworkError, RailNetwork, load_world_network

__all__ = ["RAIL_DIR", "NetworkError", "RailNetwork", "load_network"]


def load_network(path: Path | str | None = None) -> RailNetwork:
    """The rail network: the world graph, or the network file at ``path``.

    Raises
    ------
    NetworkError
        If a file is missing or cannot be read; the message names it.
    """
    return load_world_network(Path(path) if path is not None else None)
