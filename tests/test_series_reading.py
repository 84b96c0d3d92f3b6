"""A series of reports read as one journey: rules a user's own day-by-day series relies on.

Each series here is written for these tests (journeys not in the development set); each
report's days are read against its own publication date.
"""

from __future__ import annotations

from datetime import date

from routes.model import Report
from routes.pipeline import build
from routes.read.reports import report_from_text


def _series(*days: tuple[date, str]) -> list[Report]:
    """The reports of a series, one a day, in published order."""
    return [
        report_from_text(text, source="Test Wire", published=day, report_id=f"t-{i:02d}")
        for i, (day, text) in enumerate(days, start=1)
    ]


def _stops(reports: list[Report], gazetteer) -> list[str]:
    """The names of the journey's stops, in order, built from all ``reports``."""
    return [s.place.name for s in build(reports, gazetteer=gazetteer).route.stops]


def test_a_day_told_by_two_reports_keeps_the_earlier_reports_events_first(gazetteer) -> None:
    # Monday's report tells Kazan, then "later in the day" Yekaterinburg; Tuesday's adds
    # Tyumen late on Monday: its rank says nothing against the first report's "later"
    reports = _series(
        (
            date(2024, 5, 6),
            "The delegation's train left Moscow on Sunday evening. By Monday morning it had "
            "reached Kazan. It was seen later in the day pulling through Yekaterinburg.",
        ),
        (
            date(2024, 5, 7),
            "The delegation's train arrived in Omsk on Tuesday morning. It had passed "
            "Tyumen late on Monday.",
        ),
    )
    names = _stops(reports, gazetteer)
    assert names.index("Kazan") < names.index("Yekaterinburg") < names.index("Tyumen")
    assert names.index("Tyumen") < names.index("Omsk")
