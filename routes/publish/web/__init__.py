"""The interactive HTML map (folium): ``render.map_html``, the place card, sharing helpers.

folium imports pandas when it can, only to accept DataFrames as locations (this package
never passes one), and pandas with pyarrow is half a second of a cold ``python -m routes
build``. :class:`_FoliumWithoutPandas` lets folium load without it; a process that has
already imported pandas (the dashboard, through streamlit) is left as it is.
"""

from __future__ import annotations

import sys
from importlib.abc import MetaPathFinder

#: The folium module whose optional ``import pandas`` is declined, and what it asks for.
_FOLIUM_UTILITIES, _PANDAS = "folium.utilities", "pandas"


class _FoliumWithoutPandas(MetaPathFinder):
    """Declines ``import pandas`` while (and only while) folium.utilities is first run."""

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        """Raise ImportError for pandas asked for by a loading folium.utilities, else pass."""
        if name == _PANDAS:
            loading = sys.modules.get(_FOLIUM_UTILITIES)
            spec = getattr(loading, "__spec__", None)
            if getattr(spec, "_initializing", False):
                raise ModuleNotFoundError(f"{_PANDAS} is not needed by this map", name=name)


if not any(isinstance(finder, _FoliumWithoutPandas) for finder in sys.meta_path):
    sys.meta_path.insert(0, _FoliumWithoutPandas())

from routes.publish.web.share import alt_text, embed_snippet  # noqa: E402

__all__ = ["alt_text", "embed_snippet"]
