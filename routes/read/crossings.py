"""Border crossings as data (``geodata/crossings.json``), for borders described in words.

Reports name a crossing by the countries it joins ("North Korea's border with China", "the
Polish-Ukrainian border"); the file says which crossing that is. :func:`load_crossings`
reads it once and checks it, failing with a message naming the file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from routes.model import Kind, Place
from routes.paths import GEODATA_DIR

#: The crossings file.
CROSSINGS_PATH = GEODATA_DIR / "crossings.json"
#: The id prefix of a crossing's own point (an entry that names no gazetteer place).
_OWN_POINT = "crossing:"


@dataclass(frozen=True)
class Crossing:
    """A border crossing between two countries.

    Attributes
    ----------
    countries
        The two ISO 3166-1 alpha-2 codes it joins.
    place
        The place a description of it resolves to: the gazetteer entry the file names (the
        station where the crossing is made), or a point of its own on the border.
    """

    id: str
    countries: tuple[str, str]
    place: Place


def crossing_place(entry: dict, gazetteer_get) -> Place:
    """The place of one ``crossings.json`` entry (``gazetteer_get``: id → Place or None)."""
    named = gazetteer_get(entry["place"]) if entry.get("place") else None
    if named is not None:
        return named
    return Place(
        id=f"{_OWN_POINT}{entry['id']}",
        name=entry["name"],
        kind=Kind.BORDER_CROSSING,
        lat=float(entry["lat"]),
        lon=float(entry["lon"]),
        country="",
        source=entry.get("source", ""),
    )


def is_own_point(place: Place) -> bool:
    """Whether ``place`` is a crossing's own point on the border, no town or station."""
    return place.id.startswith(_OWN_POINT)


@cache
def _entries(path: Path = CROSSINGS_PATH) -> tuple[dict, ...]:
    """The checked entries of the crossings file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = tuple(data["crossings"])
        for entry in entries:
            codes = entry["countries"]
            if len(codes) != 2 or not all(isinstance(c, str) and len(c) == 2 for c in codes):
                raise ValueError(f"{entry.get('id')}: countries must be two ISO codes")
            float(entry["lat"]), float(entry["lon"]), str(entry["id"]), str(entry["name"])
    except (OSError, ValueError, KeyError, TypeError) as error:
        msg = f"{path.name}: not a valid crossings file ({error})"
        raise ValueError(msg) from error
    return entries


def load_crossings(gazetteer_get, path: Path = CROSSINGS_PATH) -> tuple[Crossing, ...]:
    """Every crossing of the file, its place resolved through ``gazetteer_get``.

    Raises
    ------
    ValueError
        When the file is missing, not JSON, or an entry lacks its countries or point.
    """
    return tuple(
        Crossing(e["id"], (e["countries"][0], e["countries"][1]), crossing_place(e, gazetteer_get))
        for e in _entries(path)
    )
