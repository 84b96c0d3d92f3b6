"""Words for the dashboard's messages: report titles, and untrusted text made safe for Markdown."""

from __future__ import annotations

import re
from collections.abc import Sequence

from routes.model import Report

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~$])")
#: Report titles named in a message before the rest are counted.
SHOWN_TITLES = 3


def md_escaped(text: str) -> str:
    """``text`` with Markdown punctuation escaped, for messages naming untrusted things."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def report_titles(reports: Sequence[Report]) -> str:
    """Report titles (or ids) for a message; the first few, then a count."""
    shown = ", ".join(f"“{r.title or r.id}”" for r in reports[:SHOWN_TITLES])
    more = len(reports) - SHOWN_TITLES
    return shown if more <= 0 else f"{shown} and {more:,} more"
