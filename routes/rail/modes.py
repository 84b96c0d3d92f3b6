"""How each leg was travelled, from the words of the reports: rail unless they say
flown ("flew to", "by plane", an airfield) or driven ("by car", "motorcade").

The cue words are data: the ``[leg_modes]`` table of ``routes/read/lang/<language>.toml``.
A mention sets the mode of the leg *into* its place when a cue stands within
:data:`WINDOW_CHARS` before or after the place wording in its sentence; the nearest cue
wins, a rail cue wins a tie. Of a place's current mentions (not denied, ruled out or
superseded) the most common mode wins, rail on a tie.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache

from routes.model import NOT_CURRENT, LegKind, LocatedPlace, Mention
from routes.read.lexicon import language_table

#: Characters either side of the place wording searched for a cue (about ten words).
WINDOW_CHARS = 60
#: The modes a ``[leg_modes]`` table may list.
MODES: tuple[LegKind, ...] = (LegKind.RAIL, LegKind.AIR, LegKind.ROAD)


@cache
def mode_cues(language: str = "en") -> dict[LegKind, re.Pattern[str]]:
    """One whole-word pattern of cue phrases per mode, from the language's file.

    Raises
    ------
    ValueError
        When the file has no ``[leg_modes]`` table or a list is not of strings; the
        message names the file.
    """
    table = language_table(language, "leg_modes")
    path = f"{language}.toml"
    cues: dict[LegKind, re.Pattern[str]] = {}
    for mode in MODES:
        words = table.get(str(mode), [])
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            msg = f"{path}: [leg_modes] {mode} must be a list of strings"
            raise ValueError(msg)
        if words:
            alternatives = "|".join(re.escape(w.lower()) for w in sorted(words, key=len))
            cues[mode] = re.compile(rf"\b(?:{alternatives})\b")
    return cues


def mention_mode(mention: Mention, language: str = "en") -> LegKind | None:
    """The mode a mention's sentence gives the way to its place, or None."""
    start = mention.start - mention.sentence_start
    end = mention.end - mention.sentence_start
    quote = mention.quote.lower()
    if not 0 <= start <= end <= len(quote):
        return None
    best: tuple[int, int, LegKind] | None = None
    for rank, (mode, pattern) in enumerate(mode_cues(language).items()):
        for found in pattern.finditer(quote, max(0, start - WINDOW_CHARS), end + WINDOW_CHARS):
            gap = start - found.end() if found.end() <= start else found.start() - end
            if found.start() < end and found.end() > start:
                continue  # the cue is inside the place wording itself
            key = (max(gap, 0), rank, mode)
            if best is None or key[:2] < best[:2]:
                best = key
    return best[2] if best else None


def arrival_modes(places: Iterable[LocatedPlace], language: str = "en") -> dict[str, LegKind]:
    """Place id → how the reports say it was reached, for places not reached by rail."""
    modes: dict[str, LegKind] = {}
    for located in places:
        found = _votes(located.mentions, language)
        if found and found != LegKind.RAIL:
            modes[located.place.id] = found
    return modes


def _votes(mentions: Sequence[Mention], language: str) -> LegKind | None:
    """The most common mode of the current mentions (rail on a tie), or None."""
    counts = Counter(
        mode
        for mention in mentions
        if mention.status not in NOT_CURRENT
        for mode in [mention_mode(mention, language)]
        if mode is not None
    )
    if not counts:
        return None
    top = max(counts.values())
    return next(mode for mode in MODES if counts.get(mode) == top)
