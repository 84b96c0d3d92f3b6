"""Where the bytes of a folium map page go: inlined libraries, styles and the map's own layers."""

from __future__ import annotations

import re
from collections import Counter

_BLOCK = re.compile(r"<(script|style)\b[^>]*>(.*?)</\1>", re.S | re.I)
#: ``var circle_marker_0a1b = L.circleMarker(`` → name ``circle_marker``, maker ``L.circleMarker``.
_VAR = re.compile(r"\n\s*var (\w+) = ")
_ID = re.compile(r"_[0-9a-f]{4,}(?=_|$)|_\d+$")
_MAKER = re.compile(r"\s*([\w.]+)")
_COMMENT_NOISE = re.compile(r"/\*!?|\*/|^\s*\*|@preserve|@license", re.M)


def breakdown(html: str, *, top: int = 10) -> list[tuple[str, int]]:
    """The largest parts of a map page, as (label, bytes), largest first.

    Inlined ``<style>`` and library ``<script>`` blocks are labelled by their first
    comment line (e.g. "Leaflet 1.9.4, a JS library…"); the map's own script (the
    largest block that creates variables) is split by variable name without its numeric
    suffix (``circle_marker``, ``poly_line``, …), each with the statements that follow it
    up to the next variable; everything else is "page markup".

    Parameters
    ----------
    html
        A page written by ``routes.publish.web.render.map_html``.
    top
        Most parts listed; the rest are summed as "other parts".

    Returns
    -------
    list of (str, int)
        Labels and UTF-8 sizes.
    """
    sizes: Counter[str] = Counter()
    blocks = list(_BLOCK.finditer(html))
    map_script = max(
        (m for m in blocks if m.group(1).lower() == "script" and " = L." in m.group(2)),
        key=lambda m: len(m.group(2)),
        default=None,
    )
    for block in blocks:
        body = block.group(2)
        if block is map_script:
            sizes.update(_map_parts(body))
        else:
            sizes[f"{block.group(1).lower()}: {_title(body)}"] += _size(body)
    sizes["page markup"] = _size(html) - sum(_size(m.group(2)) for m in blocks)
    ranked = sizes.most_common()
    rest = sum(size for _, size in ranked[top:])
    return ranked[:top] + ([("other parts", rest)] if rest else [])


def describe(html: str, *, top: int = 10) -> str:
    """:func:`breakdown` as aligned text lines with kB and shares."""
    total = _size(html)
    lines = [f"map page {total / 1000:,.0f} kB:"]
    for label, size in breakdown(html, top=top):
        lines.append(f"  {size / 1000:>9,.1f} kB  {size / total:>4.0%}  {label}")
    return "\n".join(lines)


def _map_parts(script: str) -> Counter[str]:
    """Bytes of the map script by folium variable name."""
    parts: Counter[str] = Counter()
    pieces = _VAR.split(script)
    parts["map script: setup"] += _size(pieces[0])
    for i in range(1, len(pieces) - 1, 2):
        name, body = _ID.sub("", pieces[i]), pieces[i + 1]
        maker = _MAKER.match(body)
        label = f"{name} ({maker.group(1)})" if maker and maker.group(1).startswith("L.") else name
        parts[f"map script: {label}"] += _size(body)
    return parts


def _title(body: str) -> str:
    """The first comment line of an inlined asset, or its opening characters."""
    head = _COMMENT_NOISE.sub(" ", body[:400]) if body.lstrip().startswith("/*") else body
    line = next((line.strip() for line in head.splitlines() if len(line.strip()) > 2), "")
    return " ".join(line.split())[:60] or "(empty)"


def _size(text: str) -> int:
    """UTF-8 size of ``text``."""
    return len(text.encode("utf-8"))
