"""Keep a cold build from loading pandas, geopandas and pyarrow, which it never uses.

folium imports pandas when it can, only to accept DataFrames as locations; pyogrio imports
pyarrow, geopandas and pandas when it can, only for its DataFrame and Arrow readers and
writers. This package passes neither a DataFrame nor an Arrow table to either (the KML and
GPX writers use pyogrio's array writer), and loading them was about a second of a cold
``python -m routes build``. :class:`DeclineOptional` declines exactly those optional
imports while those two modules are first run; a module already loaded is left as it is.

Only the command line installs it (``python -m routes``, :func:`install`): in that process
pyogrio's own DataFrame functions (``read_dataframe``, ``write_dataframe``) then report
geopandas as missing, which nothing there asks for. Library users, the dashboard and the
tests keep folium and pyogrio as they come.
"""

from __future__ import annotations

import sys
from importlib.abc import MetaPathFinder

#: Module being first run → the optional imports it is told are not installed.
DECLINED: dict[str, frozenset[str]] = {
    "folium.utilities": frozenset({"pandas"}),
    "pyogrio._compat": frozenset({"pandas", "geopandas", "pyarrow"}),
}


class DeclineOptional(MetaPathFinder):
    """Raises ImportError for the :data:`DECLINED` imports of a module while it first runs."""

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        """Decline ``name`` when a module that lists it is being first run; else pass."""
        for importer, names in DECLINED.items():
            if name in names and _initialising(importer):
                raise ModuleNotFoundError(f"{name} is not needed here", name=name)


def _initialising(module: str) -> bool:
    """Whether ``module`` is being run for the first time right now."""
    spec = getattr(sys.modules.get(module), "__spec__", None)
    return bool(getattr(spec, "_initializing", False))


def install() -> None:
    """Put :class:`DeclineOptional` first on ``sys.meta_path`` (once)."""
    if not any(isinstance(finder, DeclineOptional) for finder in sys.meta_path):
        sys.meta_path.insert(0, DeclineOptional())
