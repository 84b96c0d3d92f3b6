"""Reported Routes dashboard: explore, correct and share a route (``streamlit run app.py``).

A thin Streamlit script: it draws widgets and calls the ``routes`` package.  The
pipeline runs only when the reports, settings or corrections change
(``st.cache_data``); the gazetteer and the rail network load once per server
(``st.cache_resource``); the user's reports and corrections live in
``st.session_state``.
"""

from __future__ import annotations

import itertools
import logging
import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date

import pandas as pd
import streamlit as st
from streamlit_folium import _component_func as _folium_component

from routes import dashboard as session
from routes.dashboard import mapview
from routes.dashboard.charts import sources_chart
from routes.dashboard.corrections import History, match_label, move_stop, stop_matches
from routes.dashboard.exports import DEFAULT_MAP_URL
from routes.dashboard.networks import network_choices
from routes.dashboard.story import story_position, story_step, story_stops
from routes.dashboard.timeline import ADDED_BY_HAND, visit_rows
from routes.model import NO_PLACES_MESSAGE, ROLES, Corrections, Journey, Report, Settings
from routes.publish import style
from routes.publish.outputs import OUTPUTS
from routes.read.reports import MAX_REPORTS  # most reports in play at once, as in one batch

st.set_page_config(page_title="Reported Routes", layout="wide", page_icon="🚆")

#: Where drawing failures go (the server log), besides the message on the page.
LOG = logging.getLogger("reported_routes.app")
#: Report file endings offered in the uploader's hint (others get a clear error).
REPORT_TYPES = ".txt, .md, .json or .jsonl"
#: Height of the map in pixels.
MAP_HEIGHT = 560
#: Height of the scrolling card of the selected place, beside the map.
CARD_HEIGHT = 330
#: Most gazetteer matches listed for "add a stop".
MAX_MATCHES = 25
#: The map events that rerun the page: a click on a marker (its tooltip and position).
MAP_EVENTS = ("last_object_clicked_tooltip", "last_object_clicked")
_CARD_CSS = """<style>
.rr-card .rr-name {margin: 0 0 .2rem 0; font-size: 1.25rem; font-weight: 600;}
.rr-card blockquote {margin: .5rem 0 .1rem 0; padding: .3rem .7rem;
  border-left: 4px solid #882255; background: rgba(136,34,85,.05); line-height: 1.45;}
.rr-card mark {background: #ffe08a; padding: 0 .15em; border-radius: .2em;}
.rr-card .rr-meta {margin: 0 0 .4rem .8rem; color: #666; font-size: .85rem;}
.rr-card .rr-facts {margin: 0; color: #333;}
</style>"""
#: Less empty space above the title, so the map sits in the first screen.
_PAGE_CSS = """<style>
[data-testid="stMainBlockContainer"] {padding-top: 3.2rem; padding-bottom: 2rem;}
[data-testid="stSidebarUserContent"] {padding-top: 1.2rem;}
h1#reported-routes {padding-top: 0;}
</style>"""
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~$])")


# --- heavy objects and results, cached ------------------------------------------------


@st.cache_resource(show_spinner="Loading the gazetteer…")
def _gazetteer():
    """The gazetteer, loaded once per server."""
    from routes.read.gazetteer import load_gazetteer

    return load_gazetteer()


@st.cache_resource(show_spinner="Loading the rail network…")
def _network(path: str = ""):
    """The rail network (the world graph, or the imported file ``path``), loaded once."""
    from routes.rail.network import load_network

    return load_network(path or None)


@st.cache_data(show_spinner=False)
def _bundled() -> tuple[Report, ...]:
    """The bundled sample reports."""
    from routes.read.reports import bundled_report_paths, load_paths

    return load_paths(bundled_report_paths()).reports


@st.cache_data(show_spinner="Mapping the reports…", max_entries=64)
def _journey(
    reports: tuple[Report, ...], settings: Settings, corrections: Corrections, network: str = ""
) -> Journey:
    """The pipeline's result on ``network`` ("" for the world's); rebuilt when inputs change."""
    from routes.pipeline import build

    rail = _network(network)
    return build(reports, settings, corrections, gazetteer=_gazetteer(), network=rail)


@st.cache_resource(max_entries=16, show_spinner=False)
def _map_frame(
    reports: tuple[Report, ...],
    settings: Settings,
    corrections: Corrections,
    network: str,
    show_context: bool,
) -> mapview.MapFrame:
    """The folium map of a journey (the export's map), rendered once for streamlit-folium.

    It is built with one basemap whatever the user picks (the browser switches tiles) and
    keeps its view when rebuilt, so a new setting never resets or blanks the map.  A run
    that changes only the selection sends the same frame, so the map is not redrawn.
    """
    from routes.publish.web.render import build_map

    journey = _journey(reports, settings, corrections, network)
    fmap = build_map(journey, basemap=mapview.BUILT_BASEMAP, show_context=show_context)
    fmap = mapview.keep_view(session.embeddable(fmap))
    return mapview.map_frame(fmap, key="map", returned_objects=MAP_EVENTS)


def _draw_map(frame: mapview.MapFrame, live, pan_to: tuple[float, float] | None) -> None:
    """streamlit-folium's component with the cached ``frame`` and this run's live layer."""

    def on_change() -> None:
        st.session_state["map"] = st.session_state.get(frame.key, {})

    _folium_component(
        **frame.component_args(),
        height=MAP_HEIGHT,
        width=None,
        returned_objects=list(MAP_EVENTS),
        feature_group=mapview.live_script(live),
        on_change=on_change,
        **mapview.view_args(pan_to),
    )


@st.cache_data(max_entries=16, show_spinner=False)
def _map_html(
    reports: tuple[Report, ...],
    settings: Settings,
    corrections: Corrections,
    network: str,
    basemap: str,
    show_context: bool,
) -> str:
    """The standalone map page, as ``python -m routes build`` writes it."""
    from routes.publish.web.render import map_html

    journey = _journey(reports, settings, corrections, network)
    return map_html(journey, basemap=basemap, show_context=show_context)


@st.cache_data(max_entries=16, show_spinner=False)
def _light_exports(
    reports: tuple[Report, ...], settings: Settings, corrections: Corrections, network: str
) -> dict[str, bytes]:
    """The GeoJSON and CSV exports of a journey (quick to make)."""
    return session.light_exports(_journey(reports, settings, corrections, network))


@st.cache_data(max_entries=8, show_spinner=False)
def _all_exports(
    reports: tuple[Report, ...],
    settings: Settings,
    corrections: Corrections,
    network: str,
    basemap: str,
    show_context: bool,
) -> dict[str, bytes]:
    """Every export of a journey (PNG, KML and GPX included), through the CLI's writer."""
    journey = _journey(reports, settings, corrections, network)
    page = _map_html(reports, settings, corrections, network, basemap, show_context)
    return session.all_exports(journey, page)


# --- state ------------------------------------------------------------------------------


def _init_state() -> None:
    """Defaults for a new browser session: the bundled samples and no corrections."""
    state = st.session_state
    if "reports" in state:
        return
    bundled = _bundled()
    state.reports = bundled
    state.bundled_pick = [r.id for r in bundled]
    state.corrections = Corrections()
    state.history = History()
    state.problems = []
    state.notices = []
    state.upload_n = 0
    state.project_n = 0
    state.editor_n = 0
    state.table_rows = []
    state.last_click = None
    state.selected = None
    state.pan_to = None
    state.visits_n = 0
    for key, value in session.widget_values(Settings(), fallback_day=_first_day(bundled)).items():
        state[key] = value
    state.basemap = "osm"
    state.show_context = True
    state.map_title = ""


def _first_day(reports: tuple[Report, ...]) -> date:
    """The earliest published date of ``reports`` (today when none has one)."""
    days = [r.published for r in reports if r.published]
    return min(days) if days else date.today()


def _say(*, problems: list[str] | None = None, notices: list[str] | None = None) -> None:
    """Queue messages for the user, shown at the top of the next run."""
    st.session_state.problems = list(problems or [])
    st.session_state.notices = list(notices or [])


def _on_bundled() -> None:
    """The user picked bundled samples."""
    state = st.session_state
    state.reports = session.with_bundled(state.reports, _bundled(), state.bundled_pick)
    _say()


def _on_upload() -> None:
    """Read every uploaded file; a bad one gets its own message and the rest still load."""
    from routes.read.reports import load_bytes

    state = st.session_state
    files = state.get(f"upload_{state.upload_n}") or []
    problems: list[str] = []
    notices: list[str] = []
    for file in files:
        try:
            loaded = load_bytes(file.name, file.getvalue())
        except Exception as error:  # a reader bug must not take the app down
            problems.append(f"{file.name}: could not be read ({error})")
            continue
        state.reports, added, refused = session.admit_upload(
            state.reports, file.name, loaded, limit=MAX_REPORTS
        )
        problems.extend(refused)
        if added:
            notices.append(f"{file.name}: added {_titles(added)}")
        elif loaded.reports:
            notices.append(f"{file.name}: already loaded")
    state.upload_n += 1  # a fresh, empty uploader
    _say(problems=problems, notices=notices)


def _on_paste() -> None:
    """Add the pasted report, or say why it cannot be added."""
    from routes.read.reports import ReportError, report_from_text

    state = st.session_state
    try:
        report = report_from_text(
            state.paste_text or "",
            title=state.paste_title or "",
            source=state.paste_source or "",
            published=state.paste_published,
            filename="pasted text",
        )
    except ReportError as error:
        _say(problems=[f"Pasted text: {error}"])
        return
    except Exception as error:  # a reader bug must not take the app down
        _say(problems=[f"Pasted text: could not be read ({error})"])
        return
    state.reports, added = session.add_reports(state.reports, [report])
    _say(
        notices=[f"Pasted text: added {_titles(added)}" if added else "Pasted text: already loaded"]
    )
    for key in ("paste_text", "paste_title", "paste_source"):
        state[key] = ""
    state.paste_published = None


def _on_remove(report_id: str) -> None:
    """Take one report out of play."""
    state = st.session_state
    state.reports = session.remove_report(state.reports, report_id)
    state.bundled_pick = session.bundled_in(state.reports, _bundled())
    _say()


def _on_project() -> None:
    """Load a project file: reports, corrections and settings, replacing the current ones."""
    state = st.session_state
    file = state.get(f"project_{state.project_n}")
    state.project_n += 1
    if file is None:
        return
    try:
        project = session.read_project(file.getvalue())
    except ValueError as error:
        _say(problems=[f"{file.name}: {error}"])
        return
    _restore(project)
    _say(notices=[f"{file.name}: project loaded ({len(project.reports)} report(s))"])


def _restore(project: session.Project) -> None:
    """Put a project's reports, corrections and settings into the session."""
    state = st.session_state
    state.reports = project.reports
    state.bundled_pick = session.bundled_in(project.reports, _bundled())
    state.corrections = project.corrections
    state.history = History(current=project.corrections)
    fallback = _first_day(project.reports)
    for key, value in session.widget_values(project.settings, fallback_day=fallback).items():
        state[key] = value
    state.map_title = project.settings.title
    state.editor_n += 1
    state.selected = None


def _apply_table_edits() -> None:
    """Turn edits of the places table (last run) into corrections before this run builds."""
    state = st.session_state
    edits = state.get(f"editor_{state.editor_n}")
    if not edits or not any(edits.get(k) for k in ("edited_rows", "added_rows", "deleted_rows")):
        return
    _set_corrections(session.apply_edits(state.table_rows, edits, state.corrections))


def _set_corrections(new: Corrections) -> None:
    """Make ``new`` the corrections, one undo step; fresh editors show the rebuilt journey."""
    state = st.session_state
    state.history = state.history.apply(new)
    state.corrections = state.history.current
    state.editor_n += 1


def _correct(change: Callable[[Corrections], Corrections]) -> None:
    """Apply ``change`` to the corrections (a button callback)."""
    _set_corrections(change(st.session_state.corrections))


def _step(direction: str) -> None:
    """Undo or redo one correction step (a button callback)."""
    state = st.session_state
    state.history = state.history.undo() if direction == "undo" else state.history.redo()
    state.corrections = state.history.current
    state.editor_n += 1


def _on_card_role(place_id: str, key: str) -> None:
    """The role picked on the card becomes a correction."""
    role = st.session_state.get(key)
    if role:
        _correct(lambda c: session.set_role(c, place_id, role))


def _on_pick_place() -> None:
    """A place picked in the list: pan the map to it."""
    st.session_state.pan_to = st.session_state.get("selected")


def _on_visit_row(key: str, ids: list[str]) -> None:
    """A row picked in the journey timeline selects its place and pans the map to it."""
    state = st.session_state
    rows = state[key].selection.rows
    if rows and 0 <= rows[0] < len(ids):
        state.selected = ids[rows[0]]
        state.pan_to = ids[rows[0]]
    state.visits_n += 1  # a fresh table, so picking the same row again works


def _on_add_stop(present: dict[str, str]) -> None:
    """Add the gazetteer place picked in the search as a stop."""
    place_id = st.session_state.get("gazetteer_pick")
    if place_id:
        _correct(lambda c: session.add_stop(c, place_id, present=present))


def _titles(reports) -> str:
    """Report titles (or ids) for a message; the first few, then a count."""
    shown = ", ".join(f"“{r.title or r.id}”" for r in reports[:3])
    return shown if len(reports) <= 3 else f"{shown} and {len(reports) - 3:,} more"


@contextmanager
def _guard(what: str) -> Iterator[None]:
    """Show an error in place of ``what`` if drawing it fails; the rest of the page stays."""
    try:
        yield
    except Exception as error:  # one broken part must not take the page down
        LOG.exception("could not show %s", what)
        st.error(f"Could not show {what}: {_md(str(error) or type(error).__name__)}")


def _md(text: str) -> str:
    """``text`` with Markdown punctuation escaped, for messages naming untrusted things."""
    return _MD_SPECIAL.sub(r"\\\1", text)


# --- the page ---------------------------------------------------------------------------


def _sidebar() -> tuple[Settings, str, str, bool]:
    """Reports, settings and the project file; returns settings, network, basemap, context."""
    from routes.publish.web.render import BASEMAPS

    state = st.session_state
    bundled = _bundled()
    titles = {r.id: r.title or r.id for r in bundled}
    with st.sidebar:
        st.header("Reports")
        st.multiselect(
            "Bundled samples",
            options=[r.id for r in bundled],
            format_func=lambda rid: titles.get(rid, rid),
            key="bundled_pick",
            on_change=_on_bundled,
        )
        st.file_uploader(
            "Upload reports",
            accept_multiple_files=True,
            key=f"upload_{state.upload_n}",
            on_change=_on_upload,
            help=f"{REPORT_TYPES} files; Markdown front matter gives title, source, published.",
        )
        with st.expander("Paste a report"):
            st.text_area("Report text", key="paste_text", height=140)
            st.text_input("Title", key="paste_title")
            st.text_input("Source", key="paste_source")
            st.date_input("Published", value=None, key="paste_published")
            st.button("Add pasted report", key="paste_add", on_click=_on_paste, width="stretch")
        with st.expander(f"In play: {len(state.reports)} report(s)"):
            for report in state.reports:
                st.text(f"{report.title or report.id}\n{report.source or 'no source given'}")
                st.button(
                    "Remove", key=f"remove_{report.id}", on_click=_on_remove, args=(report.id,),
                    icon=":material/close:", type="tertiary",
                )  # fmt: skip

        st.header("Settings")
        st.slider("Average speed (km/h)", 10.0, 120.0, step=1.0, format="%.0f", key="speed")
        use_reported = st.checkbox("Departure as reported", key="use_reported_depart")
        st.date_input("Departure date", key="depart_date", disabled=use_reported,
                      format="DD/MM/YYYY")  # fmt: skip
        st.time_input("Departure time", key="depart_time", disabled=use_reported, step=900)
        network = _network_choice()
        st.selectbox("Basemap", list(BASEMAPS), format_func=BASEMAPS.get, key="basemap")
        st.checkbox("Show context places and areas", key="show_context")
        st.text_input("Map title", key="map_title", placeholder="the report headline")

        st.header("Project")
        st.file_uploader(
            "Load a project file",
            type=["json"],
            key=f"project_{state.project_n}",
            on_change=_on_project,
        )
    values = {key: state[key] for key in session.SETTING_KEYS}
    settings = session.settings_from_widgets(values, title=state.map_title or "")
    return settings, network, state.basemap, bool(state.show_context)


def _network_choice() -> str:
    """The rail network to route on ("" for the world's); a choice only when there is one."""
    choices = network_choices(sys.argv[1:], os.environ)
    if len(choices) == 1:
        return ""
    hint = "Track imported from an OpenStreetMap extract, or the world's."
    label = st.selectbox("Rail network", list(choices), key="network", help=hint)
    return choices.get(label, "")


def _messages() -> None:
    """Problems from the last action stay until the next one; a notice shows once, as a toast."""
    state = st.session_state
    for problem in state.problems:
        st.error(_md(problem), icon="⚠️")
    for notice in state.notices:
        st.toast(_md(notice), icon="✅")
    state.notices = []


@st.fragment
def _explore_area(journey: Journey, inputs: tuple) -> None:
    """The map and the card, rerun on their own when only the selection changes.

    A marker click, a place picked or a story step reruns this fragment alone (the
    page's other parts stay as drawn); a correction made here reruns the whole page.
    """
    state = st.session_state
    if state.corrections != inputs[2]:
        st.rerun()  # a correction from the card: the summary and the tabs change too
    with _guard("the map"):
        _explore(journey, inputs)
    if not state.get("full_run"):
        _mark_finished()  # only this fragment ran: it says so itself


def _explore(journey: Journey, inputs: tuple) -> None:
    """The map and, beside it, the selected place's card with its corrections."""
    from routes.publish.web.render import BASEMAPS

    state = st.session_state
    _select_clicked(journey, state.get("map") or {})  # the click that started this run
    options = dict(session.place_options(journey))
    if state.selected not in options:
        state.selected = None
    basemap = inputs[4]
    live = mapview.live_layer(
        journey,
        selected=state.selected,
        basemap_label=None if basemap == "offline" else BASEMAPS[basemap],
    )
    mapview.added_stops(live, journey, wording=ADDED_BY_HAND)
    pan_to = mapview.centre_of(journey, state.pan_to)
    state.pan_to = None
    left, right = st.columns([5, 3], gap="medium")
    with right:
        _story(journey)
    with left:
        reports, settings, corrections, network, _basemap, show_context = inputs
        frame = _map_frame(reports, settings, corrections, network, show_context)
        _draw_map(frame, live, pan_to)
    with right:
        st.selectbox(
            "Place",
            list(options),
            format_func=options.get,
            key="selected",
            index=None,
            placeholder="Click a marker, or pick a place",
            on_change=_on_pick_place,
        )
        if state.selected:
            _card_actions(journey, state.selected)
            with st.container(height=CARD_HEIGHT, border=False):
                st.html(_CARD_CSS + session.place_card_html(journey, state.selected))
        else:
            st.caption("Click a marker on the map, pick a place, or pick a row of the "
                       "journey below to read every sentence that mentions it.")  # fmt: skip
            _visits(journey, key="visits_side")
        _undo_redo(journey)
        _add_stop(journey)


def _story(journey: Journey) -> None:
    """Story mode: Previous and Next step through the stops, each selected as if picked."""
    stops = story_stops(journey)
    if not stops:
        return
    selected = st.session_state.selected
    back, where, forward = st.columns([2, 3, 2], vertical_alignment="center")
    back.button(
        "Previous stop", key="story_previous", icon=":material/chevron_left:", width="stretch",
        on_click=_on_story, args=(stops, -1), disabled=selected == stops[0],
    )  # fmt: skip
    where.caption(story_position(stops, selected))
    forward.button(
        "Next stop", key="story_next", icon=":material/chevron_right:", width="stretch",
        on_click=_on_story, args=(stops, 1), disabled=selected == stops[-1],
    )  # fmt: skip


def _on_story(stops: list[str], step: int) -> None:
    """A story step selects the next or previous stop and pans the map to it."""
    state = st.session_state
    state.selected = story_step(stops, state.selected, step)
    state.pan_to = state.selected


def _card_actions(journey: Journey, place_id: str) -> None:
    """Correct the selected place beside the map: role, exclude, earlier, later, make a stop."""
    state = st.session_state
    stops = [stop.place.id for stop in journey.route.stops]
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
        on_click=_correct, args=(lambda c: session.remove_stop(c, place_id),),
        help="A wrong place? Drop it from the map; Undo brings it back.",
    )  # fmt: skip
    if place_id in stops:
        at = stops.index(place_id)
        earlier.button(
            "Earlier", key="card_earlier", width="stretch", icon=":material/arrow_upward:",
            disabled=at == 0, on_click=_correct,
            args=(lambda c: move_stop(c, stops, place_id, -1),),
        )  # fmt: skip
        later.button(
            "Later", key="card_later", width="stretch", icon=":material/arrow_downward:",
            disabled=at == len(stops) - 1, on_click=_correct,
            args=(lambda c: move_stop(c, stops, place_id, 1),),
        )  # fmt: skip
    else:
        present = {p.place.id: p.role for p in journey.places}
        earlier.button(
            "Make it a stop", key="card_promote", width="stretch",
            on_click=_correct, args=(lambda c: session.add_stop(c, place_id, present=present),),
        )  # fmt: skip


def _undo_redo(journey: Journey) -> None:
    """Undo and redo, one correction at a time, and how many corrections are in play."""
    history = st.session_state.history
    undo, redo, count = st.columns(3, vertical_alignment="center")
    undo.button("Undo", key="undo", icon=":material/undo:", width="stretch",
                on_click=_step, args=("undo",), disabled=not history.past)  # fmt: skip
    redo.button("Redo", key="redo", icon=":material/redo:", width="stretch",
                on_click=_step, args=("redo",), disabled=not history.future)  # fmt: skip
    steps = len(history.past)
    count.caption(f"{steps} correction{'s' if steps != 1 else ''}" if steps else "No corrections")


def _add_stop(journey: Journey) -> None:
    """Add a stop the reports missed: a search that lists stations and towns first."""
    gazetteer = _gazetteer()
    query = st.text_input("Add a stop", key="gazetteer_query", placeholder="type a place name")
    found = gazetteer.search(query, limit=MAX_MATCHES * 2) if query and query.strip() else []
    labels = {p.id: match_label(p) for p in stop_matches(found, query or "", limit=MAX_MATCHES)}
    pick, add = st.columns([3, 1], vertical_alignment="bottom")
    pick.selectbox(
        "Matches", list(labels), format_func=labels.get, key="gazetteer_pick",
        placeholder="type a place name first" if not query else "no match",
        label_visibility="collapsed", disabled=not labels,
    )  # fmt: skip
    present = {p.place.id: p.role for p in journey.places}
    add.button(
        "Add stop", key="add_stop", on_click=_on_add_stop, args=(present,), disabled=not labels,
        width="stretch",
    )  # fmt: skip


def _select_clicked(journey: Journey, clicked: dict) -> None:
    """Select the place of a new marker click (an old click stays ignored)."""
    state = st.session_state
    point = clicked.get("last_object_clicked") or {}
    click = (clicked.get("last_object_clicked_tooltip"), point.get("lat"), point.get("lng"))
    if click == (None, None, None) or click == state.last_click:
        return
    state.last_click = click
    place_id = session.place_at(journey, tooltip=click[0], lat=click[1], lon=click[2])
    if place_id:
        state.selected = place_id


def _visits(journey: Journey, *, key: str) -> None:
    """The journey timeline, one row per visit; picking a row selects its place on the map."""
    rows = visit_rows(journey)
    if not rows:
        st.info("No stops yet: add one below, or give a place the role of a stop.")
        return
    frame = pd.DataFrame(rows)
    if not frame["reports"].any():
        frame = frame.drop(columns="reports")
    ids = frame.pop("id").tolist()
    frame["conflict"] = frame["conflict"].map({True: "⚠ reports disagree", False: ""})

    def shade(row: pd.Series) -> list[str]:
        colour = "background-color: #fbe3dc" if row["conflict"] else ""
        return [colour] * len(row)

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


def _timeline(journey: Journey) -> None:
    """The journey visit by visit, then the dated events per source."""
    st.caption("One row per visit: the time a report gives, the estimated arrival at the "
               "set speed, who said it. Pick a row to show the place on the map.")  # fmt: skip
    _visits(journey, key="visits_tab")
    _sources_chart(journey)


def _sources_chart(journey: Journey) -> None:
    """Dated events per source; dates a source changed are ringed in red and listed."""
    chart, changes = sources_chart(journey)
    if chart is None:
        st.info("No dated events in these reports.")
        return
    st.altair_chart(chart, width="stretch")
    for source, change in changes:
        st.caption(f"Ringed in red, {_md(source)} changed its date: {_md(change)}")


def _correct_tab(journey: Journey) -> None:
    """The table of every place (role, exclude, order), for many corrections at once."""
    state = st.session_state
    gazetteer = _gazetteer()
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
    st.button("Follow the rail order", on_click=_correct, args=(session.reset_order,),
              disabled=not journey.corrections.order)  # fmt: skip


def _share_tab(journey: Journey, inputs: tuple) -> None:
    """One download button per output of the registry, the files a build writes."""
    quick = _light_exports(*inputs[:4])

    def made_on_click(name: str) -> Callable[[], bytes]:
        if name == "map.html":
            return lambda: _map_html(*inputs).encode("utf-8")
        return lambda: _all_exports(*inputs)[name]

    st.session_state.project_file = quick["project.json"].decode("utf-8")
    st.caption("The map and its data to download or publish. The maps, KML and GPX files "
               "are made when you click.")  # fmt: skip
    columns = st.columns(len(OUTPUTS))
    for column, output in zip(columns, OUTPUTS, strict=True):
        data = quick[output.file] if output.quick else made_on_click(output.file)
        column.download_button(
            output.label, data, file_name=output.file, mime=output.mime, on_click="ignore",
            key=f"download_{output.file}", help=output.description, width="stretch",
        )  # fmt: skip
    _embed_and_captions(journey)


def _embed_and_captions(journey: Journey) -> None:
    """The iframe code for map.html and the maps' alt texts and caption, each copyable."""
    url = st.text_input("Where map.html will be published", key="embed_url",
                        placeholder=DEFAULT_MAP_URL)  # fmt: skip
    try:
        texts = session.share_texts(journey, url or DEFAULT_MAP_URL)
    except ValueError as error:
        st.error(_md(str(error)))
        return
    st.caption("Embed the map in an article: paste this code into the page.")
    st.code(texts.embed, language="html", wrap_lines=True)
    st.caption("Alt text of map.html (its description for screen readers and link previews)")
    st.code(texts.map_alt, language=None, wrap_lines=True)
    st.caption("Alt text of map.png")
    st.code(texts.png_alt, language=None, wrap_lines=True)
    st.caption("Suggested caption")
    st.code(texts.caption, language=None, wrap_lines=True)


def _batch_archive() -> None:
    """An expander that opens a batch's mentions and reports Parquet files, lists its journeys."""
    with st.expander("Open an archive of many reports (GeoParquet)"):
        files = st.file_uploader(
            "mentions.parquet and reports.parquet", type=["parquet"], accept_multiple_files=True
        )
        named = {f.name: f.getvalue() for f in files or ()}
        if not {"mentions.parquet", "reports.parquet"} <= set(named):
            st.caption("Upload both mentions.parquet and reports.parquet of one batch.")
            return
        with _guard("the batch"):
            mentions, reports = named["mentions.parquet"], named["reports.parquet"]
            journeys = session.batch_journeys(mentions, reports)
            st.dataframe(journeys, hide_index=True)
            if journeys.empty:
                return
            chosen = st.selectbox("Journey", journeys["journey"].tolist())
            places = session.batch_journey_places(mentions, reports, chosen)
            st.map(places, latitude="lat", longitude="lon")
            st.dataframe(places, hide_index=True)


def main() -> None:
    """Draw the dashboard, then mark the run finished, even when drawing failed."""
    st.session_state.full_run = True  # the map's fragment leaves the finish marker to this run
    try:
        try:
            _page()
        except Exception as error:  # never a blank page: say what failed, and still finish
            LOG.exception("the dashboard failed to draw")
            st.error(f"Something went wrong drawing the dashboard: {_md(str(error))}")
        _mark_finished()
    finally:  # also when a new click stops this run: the fragment's own reruns mark themselves
        st.session_state.full_run = False


@st.cache_resource(show_spinner=False)
def _run_counter() -> Iterator[int]:
    """One counter of finished runs for the whole server, so it only ever grows."""
    return itertools.count(1)


def _mark_finished() -> None:
    """A hidden marker numbering finished runs, drawn last.

    It changes only once a run has drawn the whole page, so a test (or any tool driving
    the page) waits for a number above the one it saw before acting, never for a time.
    The number is the server's, not the session's: a browser that reconnects into a new
    session still sees it grow.
    """
    run = next(_run_counter())
    st.html(f'<div class="rr-run-finished" data-run="{run}" hidden></div>')


def _first_start() -> None:
    """On a fresh install, build the place index once with a visible message."""
    from routes.dashboard.first_run import place_index_missing

    if st.session_state.get("index_checked") or not place_index_missing():
        return
    st.session_state.index_checked = True
    with st.status("First start: building the place index (once, about 15 s)…") as status:
        _gazetteer()
        status.update(label="Place index built", state="complete", expanded=False)


def _page() -> None:
    """Draw the dashboard."""
    _first_start()
    _init_state()
    _apply_table_edits()
    state = st.session_state
    settings, network, basemap, show_context = _sidebar()
    st.html(_PAGE_CSS)
    st.title("Reported Routes")
    _messages()
    _batch_archive()
    reports = tuple(state.reports)
    if not reports:
        st.info(f"No report in play: pick a bundled sample or upload {REPORT_TYPES} files.")
        return
    try:
        journey = _journey(reports, settings, state.corrections, network)
    except Exception as error:  # never a traceback: say what failed
        st.error(f"Could not map these reports: {_md(str(error))}")
        return
    st.markdown(f"**{_md(journey.title)}**  \n{session.summary(journey)}")
    if not journey.places and not journey.route.stops:
        st.info(f"{NO_PLACES_MESSAGE}. Every download under Share still works: the files are "
                "valid and empty.")  # fmt: skip
    inputs = (reports, settings, state.corrections, network, basemap, show_context)
    _explore_area(journey, inputs)
    if journey.route.warnings:
        with st.expander(f"{len(journey.route.warnings)} routing warning(s)"):
            for warning in journey.route.warnings:
                st.text(warning)
    timeline, correct, share = st.tabs(["Journey timeline", "All places", "Share"])
    with timeline, _guard("the timeline"):
        _timeline(journey)
    with correct, _guard("the table of places"):
        _correct_tab(journey)
    with share, _guard("the downloads"):
        _share_tab(journey, inputs)


main()
