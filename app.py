"""Reported Routes dashboard: explore, correct and share a route (``streamlit run app.py``).

A thin Streamlit script: it draws widgets and calls the ``routes`` package (the
view-model in ``routes.dashboard``, the page's Streamlit parts in
``routes.dashboard.page``).  The pipeline runs only when the reports, settings or
corrections change (``st.cache_data``); the gazetteer and the rail network load once per
server (``st.cache_resource``); the user's reports and corrections live in
``st.session_state``.  The map and the card beside it are one fragment: a marker click,
a place picked or a story step reruns only them, and the map is rendered once per journey,
not on every run.  ``streamlit run app.py -- --network FILE`` offers an imported rail
network in the settings (see ``routes.dashboard.networks``).
"""

from __future__ import annotations

import os
import sys
from datetime import date

import streamlit as st
from streamlit.delta_generator import DeltaGenerator
from streamlit_folium import _component_func as _folium_component

from routes import dashboard as session
from routes.dashboard import mapview
from routes.dashboard.corrections import History
from routes.dashboard.messages import md_escaped, report_titles
from routes.dashboard.networks import network_choices
from routes.dashboard.page.batch import batch_archive
from routes.dashboard.page.corrections import (
    add_stop_search,
    apply_table_edits,
    card_actions,
    correct_tab,
    undo_redo,
)
from routes.dashboard.page.css import CARD_CSS, PAGE_CSS
from routes.dashboard.page.share_tab import share_tab
from routes.dashboard.page.status import LOG, guard, mark_finished, show_messages
from routes.dashboard.page.timeline_tab import timeline_tab, visits
from routes.dashboard.story import story_position, story_step, story_stops
from routes.model import NO_PLACES_MESSAGE, Corrections, Journey, Report, Settings
from routes.read.reports import MAX_REPORTS  # most reports in play at once, as in one batch

st.set_page_config(page_title="Reported Routes", layout="wide", page_icon="🚆")

#: Report file endings offered in the uploader's hint (others get a clear error).
REPORT_TYPES = ".txt, .md, .json or .jsonl"
#: Height of the map in pixels.
MAP_HEIGHT = 560
#: Height of the scrolling card of the selected place, beside the map.
CARD_HEIGHT = 330
#: The map events that rerun the page: a click on a marker (its tooltip and position).
#: The map events sent back, in the order streamlit-folium's frontend builds its value: it
#: compares that value's JSON with the default's (these keys, all null) when a map loads,
#: and any other order reads as a change, so every new map would rerun the page once by
#: itself, and a click landing during that rerun was lost.
MAP_EVENTS = ("last_object_clicked", "last_object_clicked_tooltip")
#: The tabs under the map, and the session key of the open one.
TIMELINE_TAB, PLACES_TAB, SHARE_TAB = "Journey timeline", "All places", "Share"
TAB_KEY = "tab"


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
    fmap = mapview.send_clicks_at_once(mapview.keep_view(session.embeddable(fmap)), MAP_EVENTS)
    fmap = mapview.ring_in_browser(mapview.export_look(fmap))
    return mapview.map_frame(fmap, key="map", returned_objects=MAP_EVENTS)


def _draw_map(frame: mapview.MapFrame, live, pan_to: tuple[float, float] | None) -> None:
    """streamlit-folium's component with the cached ``frame`` and this run's live layer.

    On a run a marker click started, the browser has ringed the place already: the
    component's arguments are then those of the last run, which Streamlit does not send
    again (``mapview.live_to_send``).
    """
    state = st.session_state

    def on_change() -> None:
        state["map"] = state.get(frame.key, {})
        state.map_reported = True

    sent = mapview.live_to_send(
        state.get("live_sent"),
        frame_key=frame.key,
        script=mapview.live_script(live),
        selected=state.selected,
        ringed=state.get("ringed"),
    )
    _folium_component(
        **frame.component_args(),
        height=MAP_HEIGHT,
        width=None,
        returned_objects=list(MAP_EVENTS),
        feature_group=sent.script,
        on_change=on_change,
        **mapview.view_args(pan_to),
    )
    state.live_sent = sent


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
            notices.append(f"{file.name}: added {report_titles(added)}")
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
        notices=[
            f"Pasted text: added {report_titles(added)}" if added else "Pasted text: already loaded"
        ]
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


def _on_pick_place() -> None:
    """A place picked in the list: pan the map to it."""
    st.session_state.pan_to = st.session_state.get("selected")


# --- the page ---------------------------------------------------------------------------


def _sidebar() -> tuple[Settings, str, str, bool, tuple[DeltaGenerator, DeltaGenerator]]:
    """Reports, settings and the project file.

    Returns the settings, network, basemap, whether context shows, and the places of the
    speed and departure fields (drawn by :func:`_speed_field` and :func:`_departure_fields`).
    """
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
        st.checkbox("Speed as reported", key="use_reported_speed")
        speed = st.container()  # drawn by _speed_field once the speed used is known
        st.checkbox("Departure as reported", key="use_reported_depart")
        departure = st.container()  # drawn by _departure_fields once the departure is known
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
    return settings, network, state.basemap, bool(state.show_context), (speed, departure)


def _speed_field(place: DeltaGenerator, journey: Journey | None) -> None:
    """The average speed; disabled, while "as reported", showing the one used and what it
    rests on (a speed the reports state, the kind of train they describe, or the default)."""
    state = st.session_state
    use_reported = bool(state.use_reported_speed)
    basis = ""
    if use_reported and journey is not None:
        state.speed = min(max(float(journey.settings.running_speed_kmh), 10.0), 120.0)
        basis = journey.settings.speed_basis
    with place:
        st.slider("Average speed (km/h)", 10.0, 120.0, step=1.0, format="%.0f", key="speed",
                  disabled=use_reported)  # fmt: skip
        if basis:
            st.caption(f"Speed used: {basis}")


def _departure_fields(place: DeltaGenerator, journey: Journey | None) -> None:
    """The departure date and time; disabled, while "as reported", showing the one used.

    That is the origin's reported time the pipeline took (``journey.settings.depart``),
    else the reports' first published date.  The settings do not read these fields then,
    and unticking "as reported" starts from the departure the map was timed with.
    """
    state = st.session_state
    use_reported = bool(state.use_reported_depart)
    if use_reported:
        used = journey.settings.depart if journey is not None else None
        if used is not None:
            state.depart_date = used.date()
            state.depart_time = used.time().replace(second=0, microsecond=0)
        else:
            state.depart_date = _first_day(tuple(state.reports))
    with place:
        st.date_input("Departure date", key="depart_date", disabled=use_reported,
                      format="DD/MM/YYYY")  # fmt: skip
        st.time_input("Departure time", key="depart_time", disabled=use_reported, step=900)


def _network_choice() -> str:
    """The rail network to route on ("" for the world's); a choice only when there is one."""
    choices = network_choices(sys.argv[1:], os.environ)
    if len(choices) == 1:
        return ""
    hint = "Track imported from an OpenStreetMap extract, or the world's."
    label = st.selectbox("Rail network", list(choices), key="network", help=hint)
    return choices.get(label, "")


@st.fragment
def _explore_area(journey: Journey, inputs: tuple) -> None:
    """The map and the card, rerun on their own when only the selection changes.

    A marker click, a place picked or a story step reruns this fragment alone (the
    page's other parts stay as drawn); a correction made here reruns the whole page.
    """
    state = st.session_state
    if state.corrections != inputs[2]:
        st.rerun()  # a correction from the card: the summary and the tabs change too
    # A new map (after a correction) reports itself once it has loaded: nothing changed.
    own_report = state.pop("map_reported", False) and _new_click(state.get("map")) is None
    with guard("the map"):
        _explore(journey, inputs)
    if not state.get("full_run") and not own_report:
        mark_finished()  # only this fragment ran for the user: it says so itself


def _explore(journey: Journey, inputs: tuple) -> None:
    """The map and, beside it, the selected place's card with its corrections."""
    from routes.publish.web.render import BASEMAPS

    state = st.session_state
    _select_clicked(journey, state.get("map") or {})  # the click that started this run
    options = dict(session.place_options(journey))
    _known_selection(options)
    basemap = inputs[4]
    live = mapview.live_layer(
        journey,
        selected=state.selected,
        basemap_label=None if basemap == "offline" else BASEMAPS[basemap],
    )
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
            card_actions(journey, state.selected)
            with st.container(height=CARD_HEIGHT, border=False):
                st.html(CARD_CSS + session.place_card_html(journey, state.selected))
        else:
            st.caption("Click a marker on the map, pick a place, or pick a row of the "
                       "journey below to read every sentence that mentions it.")  # fmt: skip
            visits(journey, key="visits_side", compact=True)
        undo_redo(journey)
        add_stop_search(journey, _gazetteer())


def _known_selection(options: dict[str, str]) -> None:
    """Keep ``state.selected`` a place id of ``options``, or None.

    When a correction renumbers the stops, the browser may send the place list's old
    label back ("3. Vladivostok" once it is stop 2): the labels seen before map it back.
    """
    state = st.session_state
    seen = state.setdefault("place_labels", {})
    seen.update({label: place_id for place_id, label in options.items()})
    state.selected = seen.get(state.selected, state.selected)
    if state.selected not in options:
        state.selected = None


def _story(journey: Journey) -> None:
    """Story mode: Previous and Next step through the stops, each selected as if picked."""
    stops = story_stops(journey)
    if not stops:
        return
    selected = st.session_state.selected
    back, forward = st.columns(2)  # two full labels side by side, the position under them
    back.button(
        "Previous stop", key="story_previous", icon=":material/chevron_left:", width="stretch",
        on_click=_on_story, args=(stops, -1), disabled=selected == stops[0],
    )  # fmt: skip
    forward.button(
        "Next stop", key="story_next", icon=":material/chevron_right:", width="stretch",
        on_click=_on_story, args=(stops, 1), disabled=selected == stops[-1],
    )  # fmt: skip
    st.caption(story_position(stops, selected))


def _on_story(stops: list[str], step: int) -> None:
    """A story step selects the next or previous stop and pans the map to it."""
    state = st.session_state
    state.selected = story_step(stops, state.selected, step)
    state.pan_to = state.selected


def _new_click(clicked: dict | None) -> tuple | None:
    """The map's last marker click (tooltip, lat, lon) if it is new, else None."""
    point = (clicked or {}).get("last_object_clicked") or {}
    click = ((clicked or {}).get("last_object_clicked_tooltip"), point.get("lat"), point.get("lng"))
    if click == (None, None, None) or click == st.session_state.last_click:
        return None
    return click


def _select_clicked(journey: Journey, clicked: dict) -> None:
    """Select the place of a new marker click (an old click stays ignored)."""
    state = st.session_state
    state.ringed = None
    click = _new_click(clicked)
    if click is None:
        return
    state.last_click = click
    place_id = session.place_at(journey, tooltip=click[0], lat=click[1], lon=click[2])
    if place_id:
        state.selected = place_id
        if mapview.centre_of(journey, place_id) == (click[1], click[2]):
            state.ringed = place_id  # the click was on its point: the browser ringed it


def _share_tab(journey: Journey, inputs: tuple) -> None:
    """The Share tab; the slow outputs are made when their button is clicked."""

    def make(name: str) -> bytes:
        if name == "map.html":
            return _map_html(*inputs).encode("utf-8")
        return _all_exports(*inputs)[name]

    share_tab(journey, _light_exports(*inputs[:4]), make)


def main() -> None:
    """Draw the dashboard, then mark the run finished, even when drawing failed."""
    st.session_state.full_run = True  # the map's fragment leaves the finish marker to this run
    try:
        try:
            _page()
        except Exception as error:  # never a blank page: say what failed, and still finish
            LOG.exception("the dashboard failed to draw")
            st.error(f"Something went wrong drawing the dashboard: {md_escaped(str(error))}")
        mark_finished()
    finally:  # also when a new click stops this run: the fragment's own reruns mark themselves
        st.session_state.full_run = False


def _first_start() -> None:
    """On a fresh install, build the place index and the rail network once, saying so."""
    from routes.dashboard.first_run import place_index_missing, rail_network_missing
    from routes.rail.world import load_world

    if st.session_state.get("index_checked"):
        return
    st.session_state.index_checked = True
    builds = [
        (label, build)
        for label, missing, build in (
            ("the place index", place_index_missing, _gazetteer),
            ("the rail network", rail_network_missing, load_world),
        )
        if missing()
    ]
    if not builds:
        return
    names = " and ".join(label for label, _ in builds)
    with st.status(f"First start: building {names} (once, about a minute)…") as status:
        for _, build in builds:
            build()
        status.update(label=f"Built {names}", state="complete", expanded=False)


def _mapped(reports: tuple[Report, ...], settings: Settings, network: str) -> Journey | None:
    """The journey of ``reports``, or None with a message saying why there is none."""
    if not reports:
        st.info(f"No report in play: pick a bundled sample or upload {REPORT_TYPES} files.")
        return None
    try:
        return _journey(reports, settings, st.session_state.corrections, network)
    except Exception as error:  # never a traceback: say what failed
        st.error(f"Could not map these reports: {md_escaped(str(error))}")
        return None


def _page() -> None:
    """Draw the dashboard."""
    _first_start()
    _init_state()
    apply_table_edits()
    state = st.session_state
    settings, network, basemap, show_context, (speed, departure) = _sidebar()
    st.html(PAGE_CSS)
    st.title("Reported Routes")
    show_messages()
    batch_archive()
    reports = tuple(state.reports)
    journey = _mapped(reports, settings, network)
    _speed_field(speed, journey)
    _departure_fields(departure, journey)
    if journey is None:
        return
    st.markdown(f"**{md_escaped(journey.title)}**  \n{session.summary(journey)}")
    if not journey.places and not journey.route.stops:
        st.info(f"{NO_PLACES_MESSAGE}. Every download under Share still works: the files are "
                "valid and empty.")  # fmt: skip
    inputs = (reports, settings, state.corrections, network, basemap, show_context)
    _explore_area(journey, inputs)
    if journey.route.warnings:
        with st.expander(f"{len(journey.route.warnings)} routing warning(s)"):
            for warning in journey.route.warnings:
                st.text(warning)
    _tabs(journey, inputs)


def _tabs(journey: Journey, inputs: tuple) -> None:
    """The timeline, the table of places and the downloads, each made only while open.

    A tab that is not open sends nothing to the browser (neither its table nor its code
    blocks, whose scripts would load before the map shows); opening one reruns the page.
    """
    parts = {
        TIMELINE_TAB: ("the timeline", lambda: timeline_tab(journey)),
        PLACES_TAB: ("the table of places", lambda: correct_tab(journey, _gazetteer())),
        SHARE_TAB: ("the downloads", lambda: _share_tab(journey, inputs)),
    }
    tabs = st.tabs(list(parts), key=TAB_KEY, on_change="rerun")
    for tab, (what, draw) in zip(tabs, parts.values(), strict=True):
        if tab.open:
            with tab, guard(what):
                draw()


main()
