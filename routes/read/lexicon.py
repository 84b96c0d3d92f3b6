"""The reader's word lists per language, read from ``routes/read/lang/<language>.toml``.

Lists are data (like spaCy's patterns): a new title, outlet or demonym is a line in the
language's TOML file, never a change to a regex. :func:`load_lexicon` validates a file and
returns a frozen :class:`Lexicon`; a file with a missing or mistyped list fails at once
with a message naming the file and the key.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

#: Where the per-language files live.
LANG_DIR = Path(__file__).resolve().parent / "lang"


@dataclass(frozen=True)
class Lexicon:
    """The word lists of one language, lower case.

    Attributes
    ----------
    not_places
        Names never taken as places (outlets, weekdays, institutions, time zones).
    people
        People's names that a gazetteer also holds as towns.
    person_heads, titles
        First words of people's names, and titles before them.
    demonyms
        Nationality word → ISO country code ("" for none).
    common
        Ordinary words that are also small towns somewhere.
    tails, geo, connectors
        Words that end, join or sit inside place names.
    """

    not_places: tuple[str, ...]
    people: tuple[str, ...]
    person_heads: frozenset[str]
    titles: frozenset[str]
    demonyms: dict[str, str]
    common: frozenset[str]
    tails: frozenset[str]
    geo: frozenset[str]
    connectors: frozenset[str]


@cache
def load_lexicon(language: str) -> Lexicon:
    """The lexicon of ``language`` (``"en"``), read once per process.

    Raises
    ------
    FileNotFoundError
        When the language has no file.
    ValueError
        When a list is missing or holds something other than strings.
    """
    path = LANG_DIR / f"{language}.toml"
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    names, words = _table(data, "names", path), _table(data, "words", path)
    return Lexicon(
        not_places=_strings(names, "not_places", path),
        people=_strings(names, "people", path),
        person_heads=frozenset(_strings(names, "person_heads", path)),
        titles=frozenset(_strings(names, "titles", path)),
        demonyms={str(k): str(v) for k, v in _table(data, "demonyms", path).items()},
        common=frozenset(_strings(words, "common", path)),
        tails=frozenset(_strings(words, "tails", path)),
        geo=frozenset(_strings(words, "geo", path)),
        connectors=frozenset(_strings(words, "connectors", path)),
    )


def _table(data: dict[str, Any], key: str, path: Path) -> dict[str, Any]:
    """The table ``[key]`` of a lexicon file."""
    table = data.get(key)
    if not isinstance(table, dict):
        msg = f"{path.name}: the table [{key}] is missing"
        raise ValueError(msg)
    return table


def _strings(table: dict[str, Any], key: str, path: Path) -> tuple[str, ...]:
    """The list of strings ``key`` of a table, lower case."""
    items = table.get(key)
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        msg = f"{path.name}: {key} must be a list of strings"
        raise ValueError(msg)
    return tuple(item.lower() for item in items)
