"""The journey timeline: one row per visit (a row picked selects its place), dated events."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from routes.dashboard.charts import sources_chart
from routes.dashboard.messages import md_escaped
from routes.dashboard.timeline import visit_rows
from routes.model import Journey

#: The background of a visit the reports disagree about.
CONFLICT_SHADE = "background-color: #fbe3dc"


def timeline_tab(journey: Journey) -> None:
    """The journey visit by visit, then the dated events per source."""
    st.caption("One row per visit: the time a report gives, the estimated arrival at the "
               "set speed, who said it. Pick a row to show the place on the map.")  # fmt: skip
    visits(journey, key="visits_tab")
    _sources_chart(journey)


def visits(journey: Journey, *, key: str, compact: bool = False) -> None:
    """The journey timeline, one row per visit; picking a row selects its place on the map.

    ``compact``: for a narrow column, the stop, its place and one time (the reported one,
    else the estimate) — every column fits without scrolling sideways.
    """
    rows = visit_rows(journey)
    if not rows:
        st.info("No stops yet: add one below, or give a place the role of a stop.")
        return
    frame = pd.DataFrame(rows)
    disputed = frame["conflict"].tolist()
    frame = _compact(frame) if compact else _full(frame)
    ids = frame.pop("id").tolist()

    def shade(row: pd.Series) -> list[str]:
        return [CONFLICT_SHADE if disputed[row.name] else ""] * len(row)

    widget_key = f"{key}_{st.session_state.visits_n}"
    st.dataframe(
        frame.style.apply(shade, axis=1), key=widget_key, hide_index=True, width="stretch",
        on_select=lambda: _on_visit_row(widget_key, ids), selection_mode="single-row",
        column_config={
            "#": st.column_config.NumberColumn("#", width=30),
            "estimated": st.column_config.TextColumn("est. arrival"),
            "conflict": st.column_config.TextColumn("⚠"),
        },
    )  # fmt: skip


def _full(frame: pd.DataFrame) -> pd.DataFrame:
    """Every column of :func:`visit_rows` (``reports`` only when a row has one), the
    conflict spelled out."""
    if not frame["reports"].any():
        frame = frame.drop(columns="reports")
    return frame.assign(conflict=frame["conflict"].map({True: _DISAGREE, False: ""}))


def _compact(frame: pd.DataFrame) -> pd.DataFrame:
    """The columns of a narrow timeline: ``id``, ``#``, ``place`` and ``when`` (the reported
    time, else the estimate), flagged "⚠" when the reports disagree."""
    when = frame["reported"].where(frame["reported"] != "", frame["estimated"])
    flag = frame["conflict"].map({True: "⚠ ", False: ""})
    return frame[["id", "#", "place"]].assign(when=flag + when)


#: How the full timeline flags a visit the reports disagree about.
_DISAGREE = "⚠ disagree (see the card)"


def _on_visit_row(key: str, ids: list[str]) -> None:
    """A row picked in the journey timeline selects its place and pans the map to it."""
    state = st.session_state
    rows = state[key].selection.rows
    if rows and 0 <= rows[0] < len(ids):
        state.selected = ids[rows[0]]
        state.pan_to = ids[rows[0]]
    state.visits_n += 1  # a fresh table, so picking the same row again works


def _sources_chart(journey: Journey) -> None:
    """Dated events per source, made only while its section is open.

    The chart's script loads in the browser (and Altair validates the chart on the server)
    only for a reader who opens it, not on every visit before the map shows.
    """
    section = st.expander("Dated events per source", key="sources_open", on_change="rerun")
    if section.open:
        with section:
            _draw_sources_chart(journey)


def _draw_sources_chart(journey: Journey) -> None:
    """Dated events per source; dates a source changed are ringed in red and listed."""
    chart, changes = sources_chart(journey)
    if chart is None:
        st.info("No dated events in these reports.")
        return
    st.altair_chart(chart, width="stretch")
    for source, change in changes:
        st.caption(f"Ringed in red, {md_escaped(source)} changed its date: {md_escaped(change)}")
