"""Sharing the HTML map: its alt text and description, and a copyable iframe embed snippet."""

from __future__ import annotations

from routes.model import Journey
from routes.publish.web.text import clip_text, escape

#: Height of an embedded map when none is asked for (a 16:9-ish frame in an article column).
EMBED_HEIGHT_PX = 480
#: Longest alt text / description written (search and social cards cut longer text anyway).
MAX_ALT_CHARS = 300


def alt_text(journey: Journey) -> str:
    """A one-sentence description of the map for screen readers, search and social cards.

    E.g. "Map of a reported rail journey: Pyongyang to Khasan to Vladivostok, 1,176 km by
    rail, from 2 reports."  Plain text (escape it where it reaches HTML).
    """
    stops = [s.place.name for s in journey.route.stops]
    count = len(journey.reports)
    reports = f"from {count} report{'s' if count != 1 else ''}"
    if not stops:
        places = len(journey.places)
        return clip_text(
            f"Map of {places} place{'s' if places != 1 else ''} named in news reports, {reports}.",
            MAX_ALT_CHARS,
        )
    route = " to ".join(stops)
    km = f", {journey.route.rail_km:,.0f} km by rail" if journey.route.rail_km else ""
    return clip_text(f"Map of a reported rail journey: {route}{km}, {reports}.", MAX_ALT_CHARS)


def embed_snippet(
    url: str,
    *,
    title: str = "Reported route",
    height: int = EMBED_HEIGHT_PX,
    width: str = "100%",
) -> str:
    """A copyable ``<iframe>`` that embeds map.html in an article or a CMS.

    Parameters
    ----------
    url
        Where map.html is published (absolute, or relative to the embedding page).
    title
        The frame's accessible name (use the journey's title or :func:`alt_text`).
    height
        Frame height in CSS pixels; below 700 px wide the map shows its title above the
        map, the key as a button and popups as a bottom sheet, so small frames stay usable.
    width
        Frame width as CSS (``"100%"`` fills the column).

    Returns
    -------
    str
        One line of HTML with every value attribute-escaped.

    Raises
    ------
    ValueError
        For a ``javascript:``/``data:`` address, or a height that is not a positive number.
    """
    scheme = url.strip().split(":", 1)[0].lower() if ":" in url else ""
    if scheme in ("javascript", "data", "vbscript"):
        msg = f"an embed snippet cannot point at a {scheme}: address"
        raise ValueError(msg)
    if not isinstance(height, int) or height <= 0:
        msg = f"embed height must be a positive number of pixels, not {height!r}"
        raise ValueError(msg)
    attributes = {
        "src": url,
        "title": clip_text(title, 140),
        "width": width,
        "height": str(height),
        "style": "border:0;max-width:100%",
        "loading": "lazy",
        "allowfullscreen": "",
        "referrerpolicy": "no-referrer-when-downgrade",
    }
    written = " ".join(
        f'{name}="{escape(value)}"' if value else name for name, value in attributes.items()
    )
    return f"<iframe {written}></iframe>"
