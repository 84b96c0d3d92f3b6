"""Small text helpers of the HTML map: escaping, clipping, dates and names for people."""

from __future__ import annotations

import html
import json
import re
from datetime import date, datetime, timedelta
from typing import Any

from routes.model import SPEED_SET_BY_USER, Journey, Place, Settings
from routes.publish.style import ROLE_LABELS
from routes.read.gazetteer import country_names

#: Longest one-line label (sources, report titles) before it is cut with an ellipsis.
MAX_LABEL_CHARS = 110
#: A brace that would open a Jinja tag (``{{``, ``{%``, ``{#``): branca compiles every
#: MacroElement's output as a template again before writing it, so report text carrying one
#: would be run as template code on the server.  Each literal writer breaks these up.
_JINJA_OPEN = re.compile(r"\{(?=[{%#])")
_SCRIPT_OPENERS = re.compile(r"<(?=!|/?script)", re.IGNORECASE)


def js_literal(value: Any, separators: tuple[str, str] = (",", ":")) -> str:
    """``value`` as a JSON literal that cannot close a <script> element or open a Jinja tag."""
    text = json.dumps(value, ensure_ascii=False, separators=separators)
    return (
        _JINJA_OPEN.sub(r"\\u007b", text)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def script_json(value: Any) -> str:
    """``value`` as a compact JavaScript literal for a <script> element holding HTML strings.

    Lighter than :func:`js_literal` for markup: ``</`` becomes ``<\\/`` and only a ``<`` that
    could open a comment or a script tag (``<!``, ``<script``, ``</script``, any case) is
    written as ``\\u003c``, so nothing in the text can end the script element or change how
    the parser reads it.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = _SCRIPT_OPENERS.sub(r"\\u003c", _JINJA_OPEN.sub(r"\\u007b", text))
    text = text.replace("</", "<\\/")
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def escape(text: str) -> str:
    """Untrusted text as HTML text (quotes escaped too, for attributes; braces as entities)."""
    return html.escape(text, quote=True).replace("{", "&#123;")


def clip_text(text: str, limit: int = MAX_LABEL_CHARS) -> str:
    """``text`` on one line, cut with an ellipsis past ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def slug(text: str) -> str:
    """``text`` as a CSS class fragment: lower-case letters, digits and hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def when_text(moment: datetime) -> str:
    """A datetime for people: "Mon 11 Sep 2023, 09:58" (with the zone when known)."""
    zone = f" {moment.tzname()}" if moment.tzinfo else ""
    return moment.strftime("%a %d %b %Y, %H:%M") + zone


def weekday_text(day: date) -> str:
    """A day for people with its weekday: "Tue 12 Sep 2023"."""
    return f"{day:%a %d %b %Y}"


def reported_when_text(moment: datetime, part: str = "") -> str:
    """A reported time at the precision it was said with.

    "Sun 10 Sep 2023, evening" when only a part of the day was given (its clock is a
    convention for timing, not news), else :func:`when_text`.
    """
    if part:
        return f"{weekday_text(moment)}, {part}"
    return when_text(moment)


def estimate_text(moment: datetime) -> str:
    """An estimate from an assumed speed, rounded to the hour: "est. Mon 11 Sep 2023, 14:00".

    It is no better than the hour, so it never shows minutes.
    """
    return f"est. {when_text(to_the_hour(moment))}"


def to_the_hour(moment: datetime) -> datetime:
    """``moment`` rounded to the nearest hour: the precision of an estimate."""
    return (moment + timedelta(minutes=30)).replace(minute=0, second=0, microsecond=0)


def day_text(value: str) -> str:
    """An ISO date or datetime as "11 Sep 2023"; other strings (e.g. "2019") unchanged."""
    try:
        return date.fromisoformat(value[:10]).strftime("%d %b %Y").lstrip("0")
    except ValueError:
        return value


def kind_label(place: Place, role: str) -> str:
    """Kind and country of a place, e.g. "city, Russia" (no kind when the role says it)."""
    kind = place.kind.replace("-", " ")
    if kind.lower() == ROLE_LABELS.get(role, role).lower():
        kind = ""
    country = country_name(place.country) if place.country else ""
    return ", ".join(p for p in (kind, country) if p)


def country_name(code: str) -> str:
    """Readable name of an ISO country code (GeoNames' name; the code itself when unknown)."""
    return country_names().get(code.upper(), code.upper()) if code else "unknown country"


def has_role(journey: Journey, role: str) -> bool:
    """Whether any stop has ``role``."""
    return any(s.role == role for s in journey.route.stops)


def speed_note(settings: Settings) -> str:
    """ "estimated times at 50 km/h (an armoured leader's train)": the speed the estimates
    assume and what it rests on (nothing added for a speed the user set)."""
    note = f"estimated times at {settings.running_speed_kmh:g} km/h"
    basis = settings.speed_basis
    return note + (f" ({basis})" if basis and basis != SPEED_SET_BY_USER else "")
