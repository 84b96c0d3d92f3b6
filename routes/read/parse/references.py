"""Places referred back to rather than named: the dateline's place.

Wire copy names the place it is filed from once, in the dateline, and then refers back to
it: "PRZEMYŚL, Poland (Wire) - … the train that left this border town late on Thursday".
:func:`referred_places` makes each such reference a mention of the dateline's place, so the
role its words give ("left this border town": where the leg began) reaches the place. The
words are ``[references] dateline`` of ``routes/read/lang/en.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from routes.read.lexicon import language_table, literal_phrase
from routes.read.parse.match import Match


def referred_places(text: str, matches: Sequence[Match]) -> list[Match]:
    """Mentions of the dateline's place for the references to it after the dateline ("this
    border town", "here"); none overlaps ``matches``; none without a dateline."""
    dateline = next((m for m in matches if m.dateline), None)
    if dateline is None:
        return []
    taken = [(m.start, m.end) for m in matches]
    found = [
        replace(dateline, start=m.start(), end=m.end(), dateline=False, initial=False, region="")
        for m in _dateline_words().finditer(text, dateline.end)
    ]
    return [f for f in found if not any(s < f.end and f.start < e for s, e in taken)]


@cache
def _dateline_words() -> re.Pattern[str]:
    """The ``[references] dateline`` words as one pattern, longest first."""
    phrases = sorted(language_table("en", "references").get("dateline", ()), key=len, reverse=True)
    words = "|".join(literal_phrase(str(p)) for p in phrases)
    return re.compile(rf"\b(?:{words or '(?!)'})\b", re.IGNORECASE)
