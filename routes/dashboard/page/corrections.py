"""Corrections in the Streamlit page: on the card beside the map and in the table of places.

Every correction is one step of the session's undo history (``state.history``); the
editors get fresh keys after each, so they show the rebuilt journey.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from routes import dashboard as session
from routes.dashboard.corrections import match_label, move_stop, stop_matches
from routes.model import ROLES, Corrections, Journey
from routes.publish import style
from routes.read.gazetteer import Gazetteer

#: Most gazetteer matches listed for "add a stop".
MAX_MATCHES = 25


def apply_table_edits() -> None:
    """Turn edits of the places table (last run) into corrections before this run builds."""
    state = st.session_state
    edits = state.get(f"editor_{state.editor_n}")
    if not edits or not any(edits.get(k) for k in ("edited_rows", "added_rows", "deleted_rows")):
        return
    set_corrections(session.apply_edits(state.table_rows, edits, state.corrections))


def set_corrections(new: Corrections) -> None:
    """Make ``new`` the corrections, one undo step; fresh editors show the rebuilt journey."""
    state = st.session_state
    state.history = state.history.apply(new)
    state.corrections = state.history.current
    state.editor_n += 1


def correct(change: Callable[[Corrections], Corrections]) -> None:
    """Apply ``change`` to the corrections (a button callback)."""
    set_corrections(change(st.session_state.corrections))


def step(direction: str) -> None:
    """Undo or redo one correction step (a button callback)."""
    state = st.session_state
    state.history = state.history.undo() if direction == "undo" else state.history.redo()
    state.corrections = state.history.current
    state.editor_n += 1


def card_actions(journey: Journey, place_id: str) -> None:
    """Correct the selected place beside the map: role, exclude, earlier, later, make a stop."""
    state = st.session_state
    stops = list(journey.route.first_visits)
    role = next((p.role for p in journey.places if p.place.id == place_id), None)
    key = f"card_role_{place_id}_{state.editor_n}"
    if role in ROLES:
        st.selectbox(
            "Role", list(ROLES), index=list(ROLES).index(role), key=key,
            format_func=lambda r: style.ROLE_LABELS.get(r, r),
            on_change=_on_card_role, args=(place_id, key),
        )  # fmt: skip
    exclude, earlier, later = st.columns(3)
    exclude.button(
        "Exclude", key="card_exclude", width="stretch", icon=":material/block:",
        on_click=correct, args=(lambda c: session.remove_stop(c, place_id),),
        help="A wrong place? Drop it from the map; Undo brings it back.",
    )  # fmt: skip
    if place_id in stops:
        at = stops.index(place_id)
        earlier.button(
            "Earlier", key="card_earlier", width="stretch", icon=":material/arrow_upward:",
            disabled=at == 0, on_click=correct,
            args=(lambda c: move_stop(c, stops, place_id, -1),),
        )  # fmt: skip
        later.button(
            "Later", key="card_later", width="stretch", icon=":material/arrow_downward:",
            disabled=at == len(stops) - 1, on_click=correct,
            args=(lambda c: move_stop(c, stops, place_id, 1),),
        )  # fmt: skip
    else:
        present = {p.place.id: p.role for p in journey.places}
        earlier.button(
            "Make it a stop", key="card_promote", width="stretch",
            on_click=correct, args=(lambda c: session.add_stop(c, place_id, present=present),),
        )  # fmt: skip


def _on_card_role(place_id: str, key: str) -> None:
    """The role picked on the card becomes a correction."""
    role = st.session_state.get(key)
    if role:
        correct(lambda c: session.set_role(c, place_id, role))


def undo_redo(journey: Journey) -> None:
    """Undo and redo, one correction at a time, and how many corrections are in play."""
    history = st.session_state.history
    undo, redo, count = st.columns(3, vertical_alignment="center")
    undo.button("Undo", key="undo", icon=":material/undo:", width="stretch",
                on_click=step, args=("undo",), disabled=not history.past)  # fmt: skip
    redo.button("Redo", key="redo", icon=":material/redo:", width="stretch",
                on_click=step, args=("redo",), disabled=not history.future)  # fmt: skip
    steps = len(history.past)
    count.caption(f"{steps} correction{'s' if steps != 1 else ''}" if steps else "No corrections")


def add_stop_search(journey: Journey, gazetteer: Gazetteer) -> None:
    """Add a stop the reports missed: a search that lists stations and towns first."""
    query = st.text_input("Add a stop", key="gazetteer_query", placeholder="type a place name")
    found = gazetteer.search(query, limit=MAX_MATCHES * 2) if query and query.strip() else []
    labels = {p.id: match_label(p) for p in stop_matches(found, query or "", limit=MAX_MATCHES)}
    st.selectbox(
        "Matches", list(labels), format_func=labels.get, key="gazetteer_pick",
        placeholder="type a place name first" if not query else "no match",
        label_visibility="collapsed", disabled=not labels,
    )  # fmt: skip
    present = {p.place.id: p.role for p in journey.places}
    st.button(
        "Add stop", key="add_stop", icon=":material/add_location_alt:", on_click=_on_add_stop,
        args=(present,), disabled=not labels,
    )  # fmt: skip


def _on_add_stop(present: dict[str, str]) -> None:
    """Add the gazetteer place picked in the search as a stop."""
    place_id = st.session_state.get("gazetteer_pick")
    if place_id:
        correct(lambda c: session.add_stop(c, place_id, present=present))


def correct_tab(journey: Journey, gazetteer: Gazetteer) -> None:
    """The table of every place (role, exclude, order), for many corrections at once."""
    state = st.session_state
    lookup = {pid: gazetteer.get(pid) for pid in journey.corrections.excluded}
    rows = session.places_table(journey, lookup={k: v for k, v in lookup.items() if v})
    state.table_rows = rows
    st.caption("Every place the reports name. Change a role, tick **exclude** to drop a wrong "
               "place, or renumber **order** to reorder the stops; the map, summary and "
               "downloads follow.")  # fmt: skip
    st.data_editor(
        pd.DataFrame(rows, columns=list(session.TABLE_COLUMNS)),
        key=f"editor_{state.editor_n}",
        hide_index=True,
        width="stretch",
        num_rows="fixed",
        disabled=[c for c in session.TABLE_COLUMNS if c not in session.EDITABLE_COLUMNS],
        column_config={
            "id": None,
            "name": st.column_config.TextColumn("place", width="medium"),
            "kind": st.column_config.TextColumn("kind", width="small"),
            "role": st.column_config.SelectboxColumn("role", options=list(ROLES), required=True),
            "exclude": st.column_config.CheckboxColumn("exclude"),
            "order": st.column_config.NumberColumn("order", min_value=0, step=1),
            "km": st.column_config.NumberColumn("km", format="%.0f"),
        },
    )
    st.button("Follow the rail order", on_click=correct, args=(session.reset_order,),
              disabled=not journey.corrections.order)  # fmt: skip
