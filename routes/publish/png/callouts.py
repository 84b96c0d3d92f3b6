"""Quote callouts: for each stop, the words of the report behind it and who said them."""

from __future__ import annotations

import re
import textwrap

from routes.model import NOT_CURRENT, Journey, Mention, Stop
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
#: Longest source name before it is cut.
_SOURCE_CHARS = 32


def stop_mention(journey: Journey, stop: Stop) -> Mention | None:
    """The mention a stop's callout quotes: a current one with a named source if any.

    Mentions that are denied, ruled out or superseded come last; among the rest, the first
    with a source in report order.
    """
    located = next((lp for lp in journey.places if lp.place.id == stop.place.id), None)
    if located is None or not located.mentions:
        return None
    ranked = sorted(
        located.mentions,
        key=lambda m: (m.status in NOT_CURRENT, not m.source.strip()),
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
    if source and quote.lower().startswith(source.lower()):
        said = _ATTRIBUTION.match(quote, len(source))
        if said and said.end() <= at:  # never cut the place wording itself
            at -= said.end()
            quote = quote[said.end() :]
    quote = quote.rstrip(" .")
    if len(quote) <= limit:
        return quote
    wording = len(mention.text)
    # From the sentence's start when the place fits in, else centred on the place wording.
    start = 0 if at + wording <= limit - 12 else max(0, min(at - limit // 2, len(quote) - limit))
    end = start + limit
    piece = quote[start:end]
    if start > 0:
        piece = "…" + piece.split(" ", 1)[-1]
    if end < len(quote):
        piece = piece.rsplit(" ", 1)[0] + "…"
    return piece


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
    return shorten(stop.place.name, 48), "\n".join(lines)
