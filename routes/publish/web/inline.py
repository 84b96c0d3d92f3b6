"""The HTML map's vendored files (``asset:`` links), inlined once for every page that needs them.

The map page (``render.map_html``) inlines them as ``<script>``/``<style>`` text so the page
opens from disk with no network; the dashboard (``routes.dashboard.embeddable``) turns them
into ``data:`` URLs for streamlit-folium's frame. Both read the files through here.
"""

from __future__ import annotations

import base64
import re
from functools import cache
from pathlib import Path

from routes.paths import WEB_ASSETS_DIR

#: The link scheme of a vendored file: ``asset:leaflet/leaflet.js``.
ASSET_SCHEME = "asset:"
#: MIME types of the vendored files and the images their stylesheets use.
MIME: dict[str, str] = {
    ".js": "text/javascript",
    ".css": "text/css",
    ".png": "image/png",
    ".svg": "image/svg+xml",
}
#: Vendored JS/CSS per folium resource name (see assets/README.md), then the project's own.
LEAFLET_JS = [("leaflet", f"{ASSET_SCHEME}leaflet/leaflet.js")]
LEAFLET_CSS = [("leaflet_css", f"{ASSET_SCHEME}leaflet/leaflet.css")]
FULLSCREEN_JS = [("Control.Fullscreen.js", f"{ASSET_SCHEME}fullscreen/Control.FullScreen.js")]
FULLSCREEN_CSS = [("Control.FullScreen.css", f"{ASSET_SCHEME}fullscreen/Control.FullScreen.css")]
MINIMAP_JS = [("Control_MiniMap_js", f"{ASSET_SCHEME}minimap/Control.MiniMap.min.js")]
MINIMAP_CSS = [("Control_MiniMap_css", f"{ASSET_SCHEME}minimap/Control.MiniMap.min.css")]
CLUSTER_JS = [("markerclusterjs", f"{ASSET_SCHEME}markercluster/leaflet.markercluster.js")]
CLUSTER_CSS = [
    ("markerclustercss", f"{ASSET_SCHEME}markercluster/MarkerCluster.css"),
    ("markerclusterdefaultcss", f"{ASSET_SCHEME}markercluster/MarkerCluster.Default.css"),
]
TEXTPATH_JS = [("polylinetextpath", f"{ASSET_SCHEME}textpath/leaflet.textpath.js")]
MAP_CSS = WEB_ASSETS_DIR / "map.css"
#: Centres the gap legs' labels without measuring them (see the file's comment).
TEXTPATH_CENTRE_JS = WEB_ASSETS_DIR / "textpath-centre.js"
_CSS_URL = re.compile(r"url\(([^)#\"']+)\)")


def asset_path(url: str) -> Path:
    """The vendored file behind an ``asset:`` link.

    Raises
    ------
    ValueError
        For any other link: the map would need the network for it.
    FileNotFoundError
        When the link names no file inside the assets folder.
    """
    if not url.startswith(ASSET_SCHEME):
        msg = f"the map would load {url} from the network; vendor it in {WEB_ASSETS_DIR}"
        raise ValueError(msg)
    path = (WEB_ASSETS_DIR / url[len(ASSET_SCHEME) :]).resolve()
    if WEB_ASSETS_DIR not in path.parents or not path.is_file():
        msg = f"vendored asset {url} is missing from {WEB_ASSETS_DIR}"
        raise FileNotFoundError(msg)
    return path


@cache
def read_asset(path: Path) -> str:
    """The text of one of the project's own static files, read once per process."""
    return path.read_text(encoding="utf-8")


@cache
def script_text(url: str) -> str:
    """A vendored script's text, safe inside a ``<script>`` element."""
    return read_asset(asset_path(url)).replace("</script", "<\\/script")


@cache
def stylesheet_text(url: str) -> str:
    """A vendored stylesheet with its relative images as ``data:`` URIs, safe in ``<style>``."""
    path = asset_path(url)
    inlined = _CSS_URL.sub(lambda m: _image_uri(path.parent, m), read_asset(path))
    return inlined.replace("</style", "<\\/style")


@cache
def data_url(url: str) -> str:
    """A ``data:`` URL holding a vendored file (stylesheet images inlined); other links as is."""
    if not url.startswith(ASSET_SCHEME):
        return url
    path = asset_path(url)
    data = stylesheet_text(url).encode("utf-8") if path.suffix == ".css" else path.read_bytes()
    mime = MIME.get(path.suffix, "application/octet-stream")
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def _image_uri(folder: Path, match: re.Match[str]) -> str:
    """A stylesheet's relative image reference as an inline ``data:`` URL (``none`` if unsafe)."""
    image = (folder / match.group(1).strip()).resolve()
    if WEB_ASSETS_DIR not in image.parents or not image.is_file() or image.suffix not in MIME:
        return "none"
    encoded = base64.b64encode(image.read_bytes()).decode("ascii")
    return f"url(data:{MIME[image.suffix]};base64,{encoded})"
