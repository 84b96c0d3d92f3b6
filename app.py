"""Reported Routes dashboard: explore, correct and share a route (``streamlit run app.py``).

A thin Streamlit script: it draws widgets and calls the ``routes`` package.  The
pipeline runs only when the reports, settings or corrections change
(``st.cache_data``); the gazetteer and the rail network load once per server
(``st.cache_resource``); the user's reports and corrections live in
``st.session_state``.
"""

from __future__ import annotations

import copy
import itertools
import logging
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date

import altair as alt
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from routes import dashboard as session
from routes.model import NO_PLACES_MESSAGE, ROLES, Corrections, Journey, Report, Settings
from routes.publish import style
from routes.publish.outputs import OUTPUTS
from routes.read.reports import MAX_REPORTS  # most reports in play at once, as in one batch

st.set_page_config(page_title="Reported Routes", layout="wide", page_icon="🚆")
st.set_option("client.toolbarMode", "viewer")  # no "Deploy" button in a local tool

#: Where drawing failures go (the server log), besides the message on the page.
LOG = logging.getLogger("reported_routes.app")
#: Report file endings offered in the uploader's hint (others get a clear error).
REPORT_TYPES = ".txt, .md, .json or .jsonl"
#: Height of the map in pixels.
MAP_HEIGHT = 560
#: Most gazetteer matches listed for "add a stop".
MAX_MATCHES = 25
_CARD_CSS = """<style>
.rr-card h3 {margin: 0 0 .2rem 0;}
.rr-card h4 {margin: .6rem 0 .2rem 0; font-size: 1rem;}
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
def _network():
    """The rail network, loaded once per server."""
    from routes.rail.network import load_network

    return load_network()


@st.cache_data(show_spinner=False)
def _bundled() -> tuple[Report, ...]:
    """The bundled sample reports."""
    from routes.read.reports import bundled_report_paths, load_paths

    return load_paths(bundled_report_paths()).reports


@st.cache_data(show_spinner="Mapping the reports…", max_entries=64)
def _journey(reports: tuple[Report, ...], settings: Settings, corrections: Corrections) -> Journey:
    """The pipeline's result; rebuilt only when its inputs change."""
    from routes.pipeline import build

    return build(reports, settings, corrections, gazetteer=_gazetteer(), network=_network())


@st.cache_resource(max_entries=16, show_spinner=False)
def _pristine_map(
    reports: tuple[Report, ...],
    settings: Settings,
    corrections: Corrections,
    basemap: str,
    show_context: bool,
):
    """The folium map of a journey (the export's map), built once, ready for streamlit-folium."""
    from routes.publish.web.render import build_map

    journey = _journey(reports, settings, corrections)
    return session.embeddable(build_map(journey, basemap=basemap, show_context=show_context))


def _folium_map(inputs: tuple):
    """A private copy of the cached map for this run.

    streamlit-folium renames the elements of the map it draws, so every run draws
    a fresh copy (a deep copy costs milliseconds; building the map costs far more).
    """
    return copy.deepcopy(_pristine_map(*inputs))


@st.cache_data(max_entries=16, show_spinner=False)
def _map_html(
    reports: tuple[Report, ...],
    settings: Settings,
    corrections: Corrections,
    basemap: str,
    show_context: bool,
) -> str:
    """The standalone map page, as ``python -m routes build`` writes it."""
    from routes.publish.web.render import map_html

    journey = _journey(reports, settings, corrections)
    return map_html(journey, basemap=basemap, show_context=show_context)


@st.cache_data(max_entries=16, show_spinner=False)
def _light_exports(
    reports: tuple[Report, ...], settings: Settings, corrections: Corrections
) -> dict[str, bytes]:
    """The GeoJSON and CSV exports of a journey (quick to make)."""
    return session.light_exports(_journey(reports, settings, corrections))


@st.cache_data(max_entries=8, show_spinner=False)
def _all_exports(
    reports: tuple[Report, ...],
    settings: Settings,
    corrections: Corrections,
    basemap: str,
    show_context: bool,
) -> dict[str, bytes]:
    """Every export of a journey (PNG, KML and GPX included), through the CLI's writer."""
    journey = _journey(reports, settings, corrections)
    page = _map_html(reports, settings, corrections, basemap, show_context)
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
    state.problems = []
    state.notices = []
    state.upload_n = 0
    state.project_n = 0
    state.editor_n = 0
    state.table_rows = []
    state.last_click = None
    state.selected = None
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
    state.corrections = session.apply_edits(state.table_rows, edits, state.corrections)
    state.editor_n += 1  # a fresh editor over the rebuilt table


def _correct(change: Callable[[Corrections], Corrections]) -> None:
    """Apply ``change`` to the corrections (a button callback)."""
    state = st.session_state
    state.corrections = change(state.corrections)
    state.editor_n += 1


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


def _sidebar() -> tuple[Settings, str, bool]:
    """Reports, settings and the project file; returns settings, basemap and context flag."""
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
        day, clock = st.columns(2)
        day.date_input("Departure date", key="depart_date", disabled=use_reported)
        clock.time_input("Time", key="depart_time", disabled=use_reported, step=900)
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
    return settings, state.basemap, bool(state.show_context)


def _messages() -> None:
    """Problems and notices from the last action; each bad file gets its own error."""
    for problem in st.session_state.problems:
        st.error(_md(problem), icon="⚠️")
    for notice in st.session_state.notices:
        st.success(_md(notice))


def _explore(journey: Journey, inputs: tuple) -> None:
    """The map and, beside it, the card of the selected place."""
    state = st.session_state
    left, right = st.columns([5, 3], gap="medium")
    with left:
        clicked = st_folium(
            _folium_map(inputs),
            key="map",
            height=MAP_HEIGHT,
            use_container_width=True,
            returned_objects=["last_object_clicked_tooltip", "last_object_clicked"],
        )
    _select_clicked(journey, clicked or {})
    options = dict(session.place_options(journey))
    if state.selected not in options:
        state.selected = None
    with right:
        st.selectbox(
            "Place",
            list(options),
            format_func=options.get,
            key="selected",
            index=None,
            placeholder="Click a marker, or pick a place",
        )
        if state.selected:
            st.html(_CARD_CSS + session.place_card_html(journey, state.selected))
            _card_actions(journey, state.selected)
        else:
            st.caption("Click a marker on the map, or pick a place, to read every sentence "
                       "that mentions it.")  # fmt: skip
            _stops_table(journey)


def _card_actions(journey: Journey, place_id: str) -> None:
    """Fix the selected place in place: exclude it, or make a mentioned place a stop."""
    on_route = any(stop.place.id == place_id for stop in journey.route.stops)
    present = {p.place.id: p.role for p in journey.places}
    exclude, promote = st.columns(2)
    exclude.button(
        "Exclude from the map", key="card_exclude", width="stretch",
        on_click=_correct, args=(lambda c: session.remove_stop(c, place_id),),
        help="A wrong place? Drop it; bring it back in the Correct tab.",
    )  # fmt: skip
    if not on_route:
        promote.button(
            "Make it a stop", key="card_promote", width="stretch",
            on_click=_correct, args=(lambda c: session.add_stop(c, place_id, present=present),),
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


def _stops_table(journey: Journey) -> None:
    """The stops in order with km and ETA (shown while no place is selected)."""
    rows = [
        {
            "#": stop.order,
            "stop": stop.place.name,
            "km": round(stop.km),
            "ETA": stop.eta.strftime("%a %d, %H:%M") if stop.eta else "",
        }
        for stop in journey.route.stops
    ]
    if rows:
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


def _timeline(journey: Journey) -> None:
    """Dated events per source (Altair); dates a source changed are ringed in red."""
    points = session.timeline_points(session.timeline_rows(journey))
    if not points:
        st.info("No dated events in these reports.")
        return
    frame = pd.DataFrame(points)
    frame["day"] = pd.to_datetime(frame["day"], format="ISO8601")
    frame["label"] = frame["what"].where(
        frame["what"].str.len() <= 36, frame["what"].str.slice(0, 35) + "…"
    )
    statuses = [s for s in style.STATUS_COLOURS if s in set(frame["status"])]
    days = frame["day"].dt.normalize()
    pad = pd.Timedelta(hours=18)
    domain = [(days.min() - pad).isoformat(), (days.max() + pad).isoformat()]
    base = alt.Chart(frame).encode(
        x=alt.X(
            "day:T", title=None,
            scale=alt.Scale(domain=domain),
            axis=alt.Axis(format="%a %d %b", tickCount="day", grid=True),
        ),
        y=alt.Y("source:N", title=None, sort=list(dict.fromkeys(frame["source"])),
                axis=alt.Axis(labelLimit=240, grid=True)),
        yOffset=alt.YOffset("status:N", sort=statuses, scale=alt.Scale(paddingOuter=0.6)),
        tooltip=[alt.Tooltip("source:N"), alt.Tooltip("day:T", format="%A %d %B %Y"),
                 alt.Tooltip("status:N"), alt.Tooltip("what:N", title="about"),
                 alt.Tooltip("quote:N", title="first sentence")],
    )  # fmt: skip
    points_layer = base.mark_circle(size=170, opacity=0.95).encode(
        color=alt.Color(
            "status:N",
            scale=alt.Scale(domain=statuses, range=[style.STATUS_COLOURS[s] for s in statuses]),
            legend=alt.Legend(title="status", orient="bottom"),
        )
    )
    labels = base.mark_text(align="left", dx=11, fontSize=12, color="#333").encode(text="label:N")
    layers = [points_layer, labels]
    conflicts = frame[frame["conflict"]]
    if not conflicts.empty:
        rings = (
            alt.Chart(conflicts)
            .mark_point(size=520, strokeWidth=2.5, color="#CC3311", filled=False)
            .encode(
                x="day:T",
                y=alt.Y("source:N", sort=list(dict.fromkeys(frame["source"]))),
                yOffset=alt.YOffset("status:N", sort=statuses, scale=alt.Scale(paddingOuter=0.6)),
            )
        )
        layers.insert(0, rings)
    height = max(160, 30 * len(frame[["source", "status"]].drop_duplicates()) + 30)
    st.altair_chart(alt.layer(*layers).properties(height=height), width="stretch")
    for source, group in conflicts.groupby("source", sort=False):
        changes = "; ".join(
            f"{row.day:%a %d %b} ({row.status}: {row.what})" for row in group.itertuples()
        )
        st.caption(f"Ringed in red, {_md(source)} changed its date: {_md(changes)}")


def _correct_tab(journey: Journey) -> None:
    """The places table (role, exclude, order) and adding a stop from the gazetteer."""
    state = st.session_state
    gazetteer = _gazetteer()
    lookup = {pid: gazetteer.get(pid) for pid in journey.corrections.excluded}
    rows = session.places_table(journey, lookup={k: v for k, v in lookup.items() if v})
    state.table_rows = rows
    st.caption("Change a role, tick **exclude** to drop a wrong place, or renumber **order** "
               "to reorder the stops. The map, summary and downloads follow.")  # fmt: skip
    st.data_editor(
        pd.DataFrame(rows, columns=list(session.TABLE_COLUMNS)),
        key=f"editor_{state.editor_n}",
        hide_index=True,
        width="stretch",
        num_rows="fixed",
        disabled=[c for c in session.TABLE_COLUMNS if c not in session.EDITABLE_COLUMNS],
        column_config={
            "id": None,
            "name": st.column_config.TextColumn("place"),
            "role": st.column_config.SelectboxColumn("role", options=list(ROLES), required=True),
            "exclude": st.column_config.CheckboxColumn("exclude"),
            "order": st.column_config.NumberColumn("order", min_value=0, step=1),
            "km": st.column_config.NumberColumn("km", format="%.0f"),
        },
    )
    search, pick, add = st.columns([2, 3, 1], vertical_alignment="bottom")
    query = search.text_input("Add a stop: search the gazetteer", key="gazetteer_query")
    matches = gazetteer.search(query, limit=MAX_MATCHES) if query and query.strip() else []
    labels = {p.id: f"{p.name} ({p.kind}, {p.country or '—'})" for p in matches}
    pick.selectbox(
        "Matches", list(labels), format_func=labels.get, key="gazetteer_pick",
        placeholder="type a place name first" if not query else "no match",
    )  # fmt: skip
    present = {p.place.id: p.role for p in journey.places}
    add.button(
        "Add stop", key="add_stop", on_click=_on_add_stop, args=(present,), disabled=not labels
    )
    reset, undo, _ = st.columns([1, 1, 3])
    reset.button("Follow the rail order", on_click=_correct, args=(session.reset_order,),
                 disabled=not journey.corrections.order)  # fmt: skip
    undo.button("Undo all corrections", key="undo_all", on_click=_correct,
                args=(lambda _c: Corrections(),),
                disabled=journey.corrections == Corrections())  # fmt: skip


def _share_tab(journey: Journey, inputs: tuple) -> None:
    """One download button per output of the registry, the files a build writes."""
    quick = _light_exports(*inputs[:3])

    def made_on_click(name: str) -> Callable[[], bytes]:
        if name == "map.html":
            return lambda: _map_html(*inputs).encode("utf-8")
        return lambda: _all_exports(*inputs)[name]

    st.session_state.project_file = quick["project.json"].decode("utf-8")
    st.caption("Every file a build writes. The maps, KML and GPX are made when you click.")
    columns = st.columns(len(OUTPUTS))
    for column, output in zip(columns, OUTPUTS, strict=True):
        data = quick[output.file] if output.quick else made_on_click(output.file)
        column.download_button(
            output.label, data, file_name=output.file, mime=output.mime, on_click="ignore",
            key=f"download_{output.file}", help=output.description, width="stretch",
        )  # fmt: skip


def _batch_archive() -> None:
    """An expander that opens a batch's mentions and reports Parquet files, lists its journeys."""
    with st.expander("Open a batch archive (GeoParquet from `python -m routes batch`)"):
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
    try:
        _page()
    except Exception as error:  # never a blank page: say what failed, and still finish
        LOG.exception("the dashboard failed to draw")
        st.error(f"Something went wrong drawing the dashboard: {_md(str(error))}")
    _mark_finished()


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


def _page() -> None:
    """Draw the dashboard."""
    _init_state()
    _apply_table_edits()
    state = st.session_state
    settings, basemap, show_context = _sidebar()
    st.html(_PAGE_CSS)
    st.title("Reported Routes")
    _messages()
    _batch_archive()
    reports = tuple(state.reports)
    if not reports:
        st.info(f"No report in play: pick a bundled sample or upload {REPORT_TYPES} files.")
        return
    try:
        journey = _journey(reports, settings, state.corrections)
    except Exception as error:  # never a traceback: say what failed
        st.error(f"Could not map these reports: {_md(str(error))}")
        return
    st.markdown(f"**{_md(journey.title)}**  \n{session.summary(journey)}")
    if not journey.places and not journey.route.stops:
        st.info(f"{NO_PLACES_MESSAGE}. Every download under Share still works: the files are "
                "valid and empty.")  # fmt: skip
    inputs = (reports, settings, state.corrections, basemap, show_context)
    with _guard("the map"):
        _explore(journey, inputs)
    if journey.route.warnings:
        with st.expander(f"{len(journey.route.warnings)} routing warning(s)"):
            for warning in journey.route.warnings:
                st.text(warning)
    timeline, correct, share = st.tabs(["Timeline", "Correct", "Share"])
    with timeline, _guard("the timeline"):
        _timeline(journey)
    with correct, _guard("the places table"):
        _correct_tab(journey)
    with share, _guard("the downloads"):
        _share_tab(journey, inputs)


main()
