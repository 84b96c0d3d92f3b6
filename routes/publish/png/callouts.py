"""Quote callouts: for each stop, the words of the report behind it and who said them."""

from __future__ import annotations

import re
import textwrap

from routes.model import NOT_CURRENT, Journey, Mention, Stop
from routes.publish import style
from routes.publish.png.text import shorten, stop_details

#: Longest quote excerpt in a callout (characters), and its line width.
QUOTE_CHARS = 120
_LINE_CHARS = 42
#: The attribution after a source's name at the start of a sentence: up to two more words
#: ("newspaper", "on Monday") then a reporting verb and an optional "that".
_ATTRIBUTION = re.compile(
    r"(?:\s+[\w'’-]+){0,2}?\s+(?:said|says|reported|reports|added|noted|claimed|wrote)"
    r"(?:\s+that)?\s+",
    re.IGNORECASE,
)
#: How far into a sentence the source's name may stand for its attribution to be left out.
_SOURCE_LEAD_CHARS = 40
#: Longest source name before it is cut.
_SOURCE_CHARS = 32


def stop_mention(journey: Journey, stop: Stop) -> Mention | None:
    """The mention a stop's callout quotes: a current one with a named source if any.

    Mentions that are denied, ruled out or superseded come last; then those with no source;
    then those whose sentence does not spell the stop's name (e.g. "the border"); among the
    rest, the first in report order.
    """
    located = next((lp for lp in journey.places if lp.place.id == stop.place.id), None)
    if located is None or not located.mentions:
        return None
    ranked = sorted(
        located.mentions,
        key=lambda m: (
            m.status in NOT_CURRENT,
            not m.source.strip(),
            stop.place.name.lower() not in m.quote.lower(),
        ),
    )
    return ranked[0]


def quote_excerpt(mention: Mention, limit: int = QUOTE_CHARS) -> str:
    """The part of the mention's sentence around the place, at most ``limit`` characters.

    The attribution at the start of the sentence ("Japanese media reported ...") is left out
    when the source is named beside it anyway; cuts fall on word boundaries and show "…".
    """
    quote = " ".join(mention.quote.split())
    at = max(mention.start - mention.sentence_start, 0)
    source = " ".join(mention.source.split())
    found = quote.lower().find(source.lower()) if source else -1
    if 0 <= found <= _SOURCE_LEAD_CHARS:  # "The Kremlin said", "South Korea's X newspaper said"
        said = _ATTRIBUTION.match(quote, found + len(source))
        if said and said.end() <= at:  # never cut the place wording itself
            at -= said.end()
            quote = quote[said.end() :]
    quote = quote.rstrip(" .")
    if len(quote) <= limit:
        return quote
    wording = len(mention.text)
    if at + wording <= limit - 12:  # the place is near the start: the sentence's beginning
        return quote[:limit].rsplit(" ", 1)[0] + "…"
    # Else the sentence's first words, an ellipsis, and the words around the place.
    head = quote[: limit // 3].rsplit(" ", 1)[0]
    room = limit - len(head) - 3
    start = max(len(head) + 1, min(at - room // 2, len(quote) - room))
    tail = quote[start : start + room]
    if start > 0 and quote[start - 1] != " ":
        tail = tail.split(" ", 1)[-1]
    if start + room < len(quote):
        tail = tail.rsplit(" ", 1)[0] + "…"
    return f"{head} … {tail}"


def callout_text(journey: Journey, stop: Stop) -> tuple[str, str]:
    """A stop's callout: the name (title) and, below it, distance, time and the quote.

    ``("Khasan", "850 km · est. 11 Sep 14:00\\nJapanese media: “…security was …”")``.
    """
    lines = [stop_details(stop)]
    mention = stop_mention(journey, stop)
    if mention is not None:
        source = shorten(mention.source, _SOURCE_CHARS) or "A report"
        said = f"{source}: “{quote_excerpt(mention)}”"
        lines += textwrap.wrap(said, width=_LINE_CHARS, break_on_hyphens=False)
    elif stop.place.id in style.added_by_hand(journey):
        lines.append(style.ADDED_BY_HAND_NOTE)
    return shorten(stop.place.name, 48), "\n".join(lines)
