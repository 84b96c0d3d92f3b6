"""The dashboard's view-model (no Streamlit): reports in play, corrections, cards, exports.

``app.py`` draws widgets and calls these functions; each module holds one concern.
"""

from __future__ import annotations

from routes.dashboard.cards import (
    highlighted_quote,
    located_place,
    place_at,
    place_card_html,
    place_options,
    summary,
    travel_hours,
)
from routes.dashboard.corrections import (
    EDITABLE_COLUMNS,
    TABLE_COLUMNS,
    add_stop,
    apply_edits,
    places_table,
    remove_stop,
    reset_order,
    restore,
    set_role,
)
from routes.dashboard.exports import (
    ShareTexts,
    all_exports,
    batch_journey_places,
    batch_journeys,
    embeddable,
    light_exports,
    share_texts,
)
from routes.dashboard.reports import (
    SETTING_KEYS,
    Project,
    add_reports,
    admit_upload,
    bundled_in,
    project_text,
    read_project,
    remove_report,
    settings_from_widgets,
    widget_values,
    with_bundled,
)
from routes.dashboard.timeline import timeline_points, timeline_rows

__all__ = [
    "EDITABLE_COLUMNS",
    "SETTING_KEYS",
    "TABLE_COLUMNS",
    "Project",
    "ShareTexts",
    "add_reports",
    "add_stop",
    "admit_upload",
    "all_exports",
    "apply_edits",
    "batch_journey_places",
    "batch_journeys",
    "bundled_in",
    "embeddable",
    "highlighted_quote",
    "light_exports",
    "located_place",
    "place_at",
    "place_card_html",
    "place_options",
    "places_table",
    "project_text",
    "read_project",
    "remove_report",
    "remove_stop",
    "reset_order",
    "restore",
    "set_role",
    "settings_from_widgets",
    "share_texts",
    "summary",
    "timeline_points",
    "timeline_rows",
    "travel_hours",
    "widget_values",
    "with_bundled",
]
