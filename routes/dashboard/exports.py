"""Downloads, the map as streamlit-folium embeds it, and batch archives opened in the dashboard."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from routes.model import STOP_ROLES, Journey
from routes.publish.outputs import OUTPUTS, render_all, to_bytes
from routes.publish.web.inline import data_url

if TYPE_CHECKING:
    import pandas as pd


# --- exports ---------------------------------------------------------------------------


def light_exports(journey: Journey) -> dict[str, bytes]:
    """The quick outputs (``Output.quick``: GeoJSON, CSV, project file), as the CLI writes them."""
    return {o.file: to_bytes(o.make(journey, "")) for o in OUTPUTS if o.quick}


def all_exports(journey: Journey, html_text: str) -> dict[str, bytes]:
    """Every file ``python -m routes build`` writes, as bytes, from the same registry.

    Parameters
    ----------
    journey
        The journey to export.
    html_text
        The map page, ``render.map_html(journey, basemap=…)``, as the CLI passes it.

    Returns
    -------
    dict[str, bytes]
        File name (``routes.publish.outputs.OUTPUT_FILES``) to its bytes.
    """
    return render_all(journey, html_text)


#: Where the embed snippet points until the user says where map.html will be published.
DEFAULT_MAP_URL = "map.html"


@dataclass(frozen=True)
class ShareTexts:
    """What an editor pastes beside the downloads: the embed code, alt texts and a caption."""

    embed: str
    map_alt: str
    png_alt: str
    caption: str


def share_texts(journey: Journey, url: str = DEFAULT_MAP_URL) -> ShareTexts:
    """The iframe snippet for map.html at ``url``, and the alt texts and caption of the maps.

    The texts come from the renderers that write the files (map.html's description, the
    PNG's alt text and caption), so what the dashboard offers matches what they carry.

    Raises
    ------
    ValueError
        For an address an embed must not point at (``javascript:``, ``data:``).
    """
    from routes.publish.png.draw import alt_text as png_alt_text
    from routes.publish.png.draw import caption
    from routes.publish.web.share import alt_text, embed_snippet

    map_alt = alt_text(journey)
    return ShareTexts(
        embed=embed_snippet(url.strip() or DEFAULT_MAP_URL, title=journey.title or map_alt),
        map_alt=map_alt,
        png_alt=png_alt_text(journey),
        caption=caption(journey),
    )


# --- the map inside the dashboard -----------------------------------------------------------


def embeddable(fmap: Any) -> Any:
    """``fmap`` with its vendored ``asset:`` script and style links turned into ``data:`` URLs.

    streamlit-folium loads a map's links inside its own frame, where ``asset:`` (the
    offline links of ``routes.publish.web.render``) means nothing; ``data:`` URLs load with no
    network and no file server.

    Parameters
    ----------
    fmap
        A folium map from ``routes.publish.web.render.build_map``; changed in place.

    Returns
    -------
    folium.Map
        The same map.
    """
    scripts: dict[str, str] = {}
    styles: dict[str, str] = {}
    stack = [fmap]
    while stack:  # depth first, in drawing order: Leaflet itself before its plugins
        element = stack.pop()
        for attribute, found in (("default_js", scripts), ("default_css", styles)):
            links = [(name, data_url(url)) for name, url in getattr(element, attribute, None) or []]
            if links:
                setattr(element, attribute, links)
            for name, url in links:
                found.setdefault(url, name)
        stack.extend(reversed(list(getattr(element, "_children", {}).values())))
    # streamlit-folium loads only the links it finds on folium's own plugin classes and drops
    # script tags from the page header, so the map carries every link for the whole page.
    fmap.default_js = [(name, url) for url, name in scripts.items()]
    fmap.default_css = [(name, url) for url, name in styles.items()]
    return fmap


# --- batches (GeoParquet written by ``python -m routes batch``) ---------------


def batch_journeys(mentions_parquet: bytes, reports_parquet: bytes) -> pd.DataFrame:
    """The journeys of a batch, one row each, from its mentions and reports tables.

    Parameters
    ----------
    mentions_parquet, reports_parquet
        The bytes of a batch's ``mentions.parquet`` and ``reports.parquet``.

    Returns
    -------
    pandas.DataFrame
        ``journey``, ``first``, ``last``, ``reports``, ``mentions`` and ``stops``
        (the places most mentioned as origin, via, border or destination), one row
        per journey, by traveller then first day.
    """
    import io

    import pandas as pd

    from routes.batch.journeys import group_rows

    reports = pd.read_parquet(io.BytesIO(reports_parquet))
    keys = group_rows(reports[["report_id", "traveller", "published"]].to_dict("records"))
    mentions = _batch_mentions(mentions_parquet, keys)
    rows = []
    for key in sorted(set(keys.values()), key=lambda k: (k.traveller, k.first)):
        own = mentions[mentions["journey"] == key.title]
        stops = own[own["role"].isin(STOP_ROLES)]["name"].value_counts().index[:6]
        rows.append(
            {
                "journey": key.title,
                "first": key.first,
                "last": key.last,
                "reports": sum(1 for k in keys.values() if k == key),
                "mentions": len(own),
                "stops": ", ".join(stops),
            }
        )
    return pd.DataFrame(rows, columns=["journey", "first", "last", "reports", "mentions", "stops"])


def batch_journey_places(
    mentions_parquet: bytes, reports_parquet: bytes, journey: str
) -> pd.DataFrame:
    """Places of one journey of a batch: ``name``, ``role``, ``mentions``, ``lat``, ``lon``."""
    import io

    import pandas as pd
    import shapely

    from routes.batch.journeys import group_rows

    reports = pd.read_parquet(io.BytesIO(reports_parquet))
    keys = group_rows(reports[["report_id", "traveller", "published"]].to_dict("records"))
    mentions = _batch_mentions(mentions_parquet, keys)
    own = mentions[mentions["journey"] == journey]
    points = shapely.from_wkb(own["geometry"].to_numpy())
    own = own.assign(lon=shapely.get_x(points), lat=shapely.get_y(points))
    table = own.groupby("place_id", sort=False).agg(
        name=("name", "first"),
        role=("role", lambda roles: roles.mode().iloc[0]),
        mentions=("name", "size"),
        lat=("lat", "first"),
        lon=("lon", "first"),
    )
    return table.reset_index(drop=True).sort_values("mentions", ascending=False)


def _batch_mentions(mentions_parquet: bytes, keys: Mapping[str, Any]) -> pd.DataFrame:
    """mentions.parquet as a frame with each row's ``journey`` title (None outside one)."""
    import io

    import pandas as pd

    columns = ["report_id", "place_id", "name", "role", "geometry"]
    mentions = pd.read_parquet(io.BytesIO(mentions_parquet), columns=columns)
    titles = {report_id: key.title for report_id, key in keys.items()}
    return mentions.assign(journey=mentions["report_id"].map(titles))
