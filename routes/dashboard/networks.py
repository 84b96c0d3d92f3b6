"""Which rail networks the dashboard offers: the world graph and any imported network files.

The CLI takes ``--network FILE`` on ``build`` and ``route``; the dashboard takes the same
option after Streamlit's own (``streamlit run app.py -- --network poland.npz``, repeatable)
and the files or folders of ``.npz`` files listed in :data:`NETWORKS_ENV`.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Mapping, Sequence
from pathlib import Path

#: Network files (or folders of them) the dashboard offers, separated like ``PATH``.
NETWORKS_ENV = "ROUTES_NETWORKS"
#: The label of the network every install has (``load_network()`` with no file).
WORLD_NETWORK = "World rail network (OpenStreetMap)"


def network_choices(argv: Sequence[str], environ: Mapping[str, str]) -> dict[str, str]:
    """Label → network file ("" for the world graph), the world graph first.

    Parameters
    ----------
    argv
        The script's arguments (``sys.argv[1:]``): ``--network FILE`` may repeat; others
        are ignored.
    environ
        The environment: :data:`NETWORKS_ENV` lists files and folders (their ``*.npz``).

    Returns
    -------
    dict[str, str]
        Only the world graph when no other network is available.  A file named twice is
        offered once; its label is the file's name.
    """
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--network", action="append", default=[])
    named, _ = parser.parse_known_args(list(argv))
    listed = [p for p in environ.get(NETWORKS_ENV, "").split(os.pathsep) if p.strip()]
    files: list[Path] = []
    for entry in [*named.network, *listed]:
        path = Path(entry).expanduser()
        files.extend(sorted(path.glob("*.npz")) if path.is_dir() else [path])
    choices = {WORLD_NETWORK: ""}
    for path in dict.fromkeys(p.resolve() for p in files):
        choices.setdefault(f"{path.name} (imported)", str(path))
    return choices
