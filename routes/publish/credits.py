"""Who the map credits: the sources its quotes are attributed to, for every output alike.

The HTML map's key, the PNG/SVG/PDF credit line and the suggested caption all name the
sources from :func:`credited_sources`, so no output credits a source another leaves out.
"""

from __future__ import annotations

from routes.model import Journey
from routes.publish.web.text import clip_text

#: At most this many sources are named; the rest are counted ("and 3 more").
MAX_SOURCES = 12
#: Longest source name before it is cut with an ellipsis.
SOURCE_CHARS = 40


def credited_sources(journey: Journey) -> list[str]:
    """Every source the journey's quotes are attributed to, in the order the journey meets
    them (stops first, in route order, then the other places), each once and shortened.

    A mention's source is who the report says said it ("Japanese media"), else the report's
    own source; so a report that quotes two outlets is credited with both.
    """
    order = {place_id: i for i, place_id in enumerate(journey.route.first_visits)}
    places = sorted(journey.places, key=lambda lp: order.get(lp.place.id, len(order)))
    names: list[str] = []
    for located in places:
        for mention in located.mentions:
            label = clip_text(mention.source, SOURCE_CHARS)
            if label and label not in names:
                names.append(label)
    return names


def sources_credit(journey: Journey) -> str:
    """The sources as plain text, "A, B, C and 2 more" (empty when none is known).

    Plain text: the HTML map escapes it, the static map prints it as is.
    """
    names = credited_sources(journey)
    shown = ", ".join(names[:MAX_SOURCES])
    if len(names) > MAX_SOURCES:
        shown += f" and {len(names) - MAX_SOURCES} more"
    return shown
