"""The Streamlit dashboard, run headless with ``streamlit.testing``: state, fixes, projects."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import routes.pipeline
from routes import dashboard as session
from routes.__main__ import main as cli
from routes.model import Corrections, Role
from routes.pipeline import build
from routes.publish.web.render import map_html
from routes.read.reports import bundled_report_paths, load_paths

pytestmark = pytest.mark.slow

APP = str(Path(__file__).resolve().parent.parent / "app.py")
TIMEOUT_S = 120
#: A second report: the train's reported arrival at Vladivostok via Ussuriysk.
SECOND_REPORT = b"""---
title: Kim's train arrives in Vladivostok
source: test wire
published: 2023-09-16
---
Kim Jong Un's armoured train arrived in Vladivostok on Saturday after a stop in Ussuriysk,
Russian state media reported.
"""


def _start() -> AppTest:
    """The dashboard after its first run, with no arguments."""
    app = AppTest.from_file(APP, default_timeout=TIMEOUT_S)
    return app.run()


def _open(app: AppTest, tab: str) -> AppTest:
    """``app`` rerun with the tab labelled ``tab`` open, as a click on it does."""
    app.session_state["tab"] = tab
    return app.run()


def _summary(app: AppTest) -> str:
    """The one-line summary under the title."""
    return next(m.value for m in app.markdown if "rail km" in m.value)


def _stops(app: AppTest) -> int:
    """The number of stops in the summary."""
    return int(re.search(r"(\d+) stops? · ", _summary(app)).group(1))


def _rail_km(app: AppTest) -> str:
    """The rail km figure of the summary."""
    return next(part for part in _summary(app).split(" · ") if part.endswith("rail km"))


def _edit_table(app: AppTest, place_id: str, change: dict) -> AppTest:
    """Edit one row of the places table the way the browser would, then rerun."""
    rows = app.session_state["table_rows"]
    index = next(i for i, row in enumerate(rows) if row["id"] == place_id)
    key = f"editor_{app.session_state['editor_n']}"
    app.session_state[key] = {
        "edited_rows": {index: change},
        "added_rows": [],
        "deleted_rows": [],
    }
    return app.run()


def test_the_app_starts_with_no_arguments_and_shows_the_title_and_summary() -> None:
    app = _start()
    assert not app.exception
    assert app.title[0].value == "Reported Routes"
    assert " stops · " in _summary(app)
    assert not app.error


def test_excluding_the_last_stop_changes_the_rail_km_in_the_summary() -> None:
    app = _open(_start(), "All places")
    before = _rail_km(app)
    rows = app.session_state["table_rows"]
    last = max((row for row in rows if row["order"] is not None), key=lambda row: row["order"])
    app = _edit_table(app, last["id"], {"exclude": True})
    assert not app.exception
    assert app.session_state["corrections"].excluded == (last["id"],)
    assert _rail_km(app) != before


def test_changing_a_role_in_the_table_is_kept_as_a_correction() -> None:
    app = _open(_start(), "All places")
    rows = app.session_state["table_rows"]
    context = next(row for row in rows if row["role"] == Role.CONTEXT)
    app = _edit_table(app, context["id"], {"role": Role.HISTORICAL})
    assert app.session_state["corrections"].role_of(context["id"]) == Role.HISTORICAL
    rows = app.session_state["table_rows"]
    assert next(r for r in rows if r["id"] == context["id"])["role"] == Role.HISTORICAL


def test_selecting_a_place_shows_its_card_without_rerunning_the_pipeline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = _start()

    def _no_build(*_args, **_kwargs):
        msg = "the pipeline ran again for a selection"
        raise AssertionError(msg)

    monkeypatch.setattr(routes.pipeline, "build", _no_build)
    app.selectbox(key="selected").set_value("khasan").run()
    assert not app.exception
    card = " ".join(h.proto.body for h in app.get("html"))
    assert "Japanese media reported security was being stepped up" in card
    assert "<mark>Khasan</mark>" in card


def _set_speed(app: AppTest, kmh: float) -> None:
    """Untick "Speed as reported" and set the speed slider, as a user would."""
    app.checkbox(key="use_reported_speed").uncheck().run()
    app.slider(key="speed").set_value(kmh).run()


def test_a_project_file_loads_back_to_the_identical_state() -> None:
    app = _open(_start(), "All places")
    _set_speed(app, 40.0)
    rows = app.session_state["table_rows"]
    context = next(row for row in rows if row["order"] is None)
    app = _open(_edit_table(app, context["id"], {"exclude": True}), "Share")
    project = app.session_state["project_file"]
    summary = _summary(app)

    fresh = _open(_start(), "Share")
    assert _summary(fresh) != summary
    fresh.file_uploader(key="project_0").upload("trip.json", project.encode("utf-8")).run()
    assert not fresh.exception
    assert _summary(fresh) == summary
    for key in ("reports", "corrections", "speed", "use_reported_speed"):
        assert fresh.session_state[key] == app.session_state[key]
    assert fresh.session_state["project_file"] == project


def test_a_bad_project_file_is_refused_with_a_message_naming_it() -> None:
    app = _start()
    app.file_uploader(key="project_0").upload("notes.json", b'{"not": "a project"}').run()
    assert not app.exception
    assert any("notes.json" in error.value for error in app.error)
    assert " stops · " in _summary(app)


def test_a_bad_upload_gets_its_own_error_while_the_good_one_loads() -> None:
    app = _start()
    uploader = app.file_uploader(key="upload_0")
    uploader.upload("second.md", SECOND_REPORT)
    uploader.upload("broken.json", b'{"text": ')
    app.run()
    assert not app.exception
    errors = [error.value for error in app.error]
    assert len(errors) == 1
    assert "broken.json" in errors[0]
    reports = app.session_state["reports"]
    assert [r.title for r in reports][-1] == "Kim's train arrives in Vladivostok"
    assert " 2 reports " in f" {_summary(app)} "


def test_a_pasted_report_over_the_size_limit_is_refused() -> None:
    from routes.read.reports import MAX_REPORT_BYTES

    app = _start()
    app.text_area(key="paste_text").set_value("Khasan. " * (MAX_REPORT_BYTES // 8 + 1))
    app.button(key="paste_add").click()
    app.run()
    assert not app.exception
    assert any("over the limit" in error.value for error in app.error)
    assert len(app.session_state["reports"]) == 1


def test_the_downloads_are_the_bytes_the_cli_writes(tmp_path: Path) -> None:
    assert cli(["build", "--out", str(tmp_path)]) == 0
    loaded = load_paths(bundled_report_paths())
    journey = build(loaded.reports)
    files = session.all_exports(journey, map_html(journey, basemap="osm"))
    for name in files:
        assert files[name] == (tmp_path / name).read_bytes(), name
    light = session.light_exports(journey)
    for name, data in light.items():
        assert data == (tmp_path / name).read_bytes(), name
    project = session.project_text(
        session.Project(journey.reports, journey.corrections, journey.settings)
    )
    assert project.encode("utf-8") == (tmp_path / "project.json").read_bytes()


def test_a_stop_added_from_the_gazetteer_joins_the_route() -> None:
    app = _start()
    stops_before = _stops(app)
    app.text_input(key="gazetteer_query").set_value("Ussuri").run()
    pick = app.selectbox(key="gazetteer_pick")
    assert "Ussuriysk — city, Russia" in pick.options
    pick.set_value("ussuriysk").run()
    app.button(key="add_stop").click().run()
    assert not app.exception
    assert "ussuriysk" in app.session_state["corrections"].added
    assert _stops(app) == stops_before + 1
    app.button(key="undo").click().run()
    assert app.session_state["corrections"] == Corrections()
    assert _stops(app) == stops_before
    app.button(key="redo").click().run()
    assert _stops(app) == stops_before + 1


def test_the_stop_search_lists_the_city_before_the_region_and_adds_nothing_on_no_match() -> None:
    app = _start()
    app.text_input(key="gazetteer_query").set_value("Khabarovsk").run()
    options = app.selectbox(key="gazetteer_pick").options
    assert options[0] == "Khabarovsk — city, Russia"
    assert len(options) == len(set(options))
    app.text_input(key="gazetteer_query").set_value("Qzxqzx").run()
    assert app.button(key="add_stop").disabled


def test_card_corrections_change_the_summary_and_undo_restores_each_step() -> None:
    app = _start()
    first = _summary(app)
    app.selectbox(key="selected").set_value("khasan").run()
    app.button(key="card_later").click().run()
    moved = _summary(app)
    assert _rail_km(app) != first.split(" · ")[1]
    app.selectbox(key="selected").set_value("khasan").run()
    app.button(key="card_exclude").click().run()
    assert _stops(app) == 2
    app.button(key="undo").click().run()
    assert _summary(app) == moved
    app.button(key="undo").click().run()
    assert _summary(app) == first
    assert app.button(key="undo").disabled


def test_a_role_changed_on_the_card_is_kept_as_a_correction() -> None:
    app = _start()
    app.selectbox(key="selected").set_value("khasan").run()
    role = next(s for s in app.selectbox if s.label == "Role")
    role.set_value(Role.CONTEXT).run()
    assert app.session_state["corrections"].role_of("khasan") == Role.CONTEXT
    assert _stops(app) == 2


def test_a_notice_shows_once_as_a_toast_and_does_not_pile_up() -> None:
    app = _start()
    app.file_uploader(key="upload_0").upload("second.md", SECOND_REPORT).run()
    assert not app.success
    assert any("second.md" in toast.value for toast in app.toast)
    _set_speed(app, 41.0)
    assert not app.toast


def test_a_failing_part_shows_an_error_while_the_rest_of_the_page_stays(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import routes.publish.web.render

    def _broken(*_args, **_kwargs):
        msg = "the map broke"
        raise RuntimeError(msg)

    app = _open(_start(), "All places")
    app.session_state["table_rows"] = []  # filled again only if the table is drawn
    monkeypatch.setattr(routes.publish.web.render, "build_map", _broken)
    _set_speed(app, 33.0)  # new inputs: no cached map to fall back on
    assert not app.exception
    assert any("Could not show the map: the map broke" in error.value for error in app.error)
    assert " stops · " in _summary(app)
    assert app.session_state["table_rows"]


def test_removing_every_report_asks_for_one_and_a_bundled_sample_brings_it_back() -> None:
    app = _start()
    bundled = app.session_state["reports"][0]
    app.button(key=f"remove_{bundled.id}").click().run()
    assert not app.exception
    assert app.session_state["reports"] == ()
    assert any("No report in play" in info.value for info in app.info)
    app.multiselect(key="bundled_pick").select(bundled.id).run()
    assert app.session_state["reports"] == (bundled,)
    assert " stops · " in _summary(app)


def test_renumbering_the_order_column_reorders_the_route() -> None:
    app = _open(_start(), "All places")
    rows = app.session_state["table_rows"]
    stops = [row for row in rows if row["order"] is not None]
    first, last = stops[0], stops[-1]
    rows_index = {row["id"]: i for i, row in enumerate(rows)}
    key = f"editor_{app.session_state['editor_n']}"
    app.session_state[key] = {
        "edited_rows": {
            rows_index[last["id"]]: {"order": 0},
            rows_index[first["id"]]: {"order": 99},
        },
        "added_rows": [],
        "deleted_rows": [],
    }
    app.run()
    assert not app.exception
    order = app.session_state["corrections"].order
    assert order[0] == last["id"]
    assert order[-1] == first["id"]
    shown = [row["id"] for row in app.session_state["table_rows"] if row["order"] is not None]
    assert shown == list(order)


def test_a_tab_is_made_only_once_it_is_opened() -> None:
    app = _start()
    assert app.dataframe  # the journey timeline, the tab open at first
    assert not app.get("download_button") and not app.code
    assert app.session_state["table_rows"] == []
    app = _open(app, "All places")
    assert app.session_state["table_rows"]
    assert not app.get("download_button")
    app = _open(app, "Share")
    assert app.get("download_button") and app.code


def test_the_share_tab_offers_one_download_per_registered_output() -> None:
    from routes.publish.outputs import OUTPUTS

    app = AppTest.from_file(APP, default_timeout=60)
    app = _open(app.run(), "Share")
    assert not app.exception
    labels = [element.proto.label for element in app.get("download_button")]
    assert labels == [output.label for output in OUTPUTS]


HOSTILE_TITLE = '"><script>alert(1)</script><img src=x onerror=alert(2)>'


def _share_code(app: AppTest) -> list[str]:
    """The copyable texts of the Share tab: embed code, map alt text, PNG alt text, caption."""
    return [block.value for block in app.code]


def test_the_share_tab_offers_the_embed_code_and_the_maps_alt_texts_and_caption() -> None:
    from routes.publish.png.draw import alt_text as png_alt_text
    from routes.publish.png.draw import caption
    from routes.publish.web.share import alt_text

    app = _open(_start(), "Share")
    journey = build(load_paths(bundled_report_paths()).reports)
    embed, map_alt, png_alt, suggested = _share_code(app)
    assert embed.startswith('<iframe src="map.html" ') and embed.endswith("></iframe>")
    assert (map_alt, png_alt, suggested) == (
        alt_text(journey),
        png_alt_text(journey),
        caption(journey),
    )
    app.text_input(key="embed_url").set_value("https://example.org/maps/train.html").run()
    assert _share_code(app)[0].startswith('<iframe src="https://example.org/maps/train.html" ')


def test_the_embed_code_escapes_a_hostile_title_and_refuses_a_script_address() -> None:
    app = _open(_start(), "Share")
    app.text_input(key="map_title").set_value(HOSTILE_TITLE).run()
    embed = _share_code(app)[0]
    assert "<script>" not in embed and "<img" not in embed
    assert 'title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;' in embed
    assert embed.count("<iframe ") == 1 and embed.count('"') % 2 == 0
    app.text_input(key="embed_url").set_value("javascript:alert(3)").run()
    assert not any(code.startswith("<iframe") for code in _share_code(app))
    assert any("javascript" in error.value for error in app.error)


def test_an_imported_network_is_offered_and_routes_the_journey(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from routes.dashboard.networks import NETWORKS_ENV, WORLD_NETWORK
    from routes.rail.world import TrackLine, arrays_from_lines

    app = _start()
    assert not [box for box in app.selectbox if box.key == "network"]  # only the world's
    world_km = _rail_km(app)
    short = [TrackLine(((125.7, 39.0), (126.0, 39.5)), "KP", 1435)]  # 60 km near the origin
    arrays_from_lines(short).save(tmp_path / "short.npz")
    monkeypatch.setenv(NETWORKS_ENV, str(tmp_path))
    app = _start()
    box = app.selectbox(key="network")
    assert box.options == [WORLD_NETWORK, "short.npz (imported)"]
    assert _rail_km(app) == world_km
    box.select("short.npz (imported)").run()
    assert not app.exception
    assert _rail_km(app) != world_km


def test_a_first_start_builds_the_place_index_with_a_message_saying_so(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import shutil

    import streamlit as st

    from routes.rail import world
    from routes.read import gazetteer

    world.load_world()  # the rail network is in the real cache; copied so only the index is new
    shutil.copy(world.cache_path(), tmp_path)
    monkeypatch.setenv(gazetteer.CACHE_ENV, str(tmp_path))
    gazetteer.load_gazetteer.cache_clear()
    st.cache_resource.clear()  # earlier tests' gazetteer, loaded from the real cache
    try:
        app = AppTest.from_file(APP, default_timeout=TIMEOUT_S * 2)
        app.run()
        assert not app.exception
        labels = [status.proto.label for status in app.get("status")]
        assert "Built the place index" in labels
        assert list(tmp_path.glob("geonames-*.sqlite"))
        assert " stops · " in _summary(app)
    finally:
        gazetteer.load_gazetteer.cache_clear()
        st.cache_resource.clear()


def test_the_first_start_knows_when_the_rail_network_is_still_to_build(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import shutil

    from routes.dashboard.first_run import rail_network_missing
    from routes.rail import world
    from routes.read import gazetteer

    world.load_world()
    built = world.cache_path()
    monkeypatch.setenv(gazetteer.CACHE_ENV, str(tmp_path))
    assert rail_network_missing()
    shutil.copy(built, tmp_path)
    assert not rail_network_missing()


def test_a_new_map_sends_nothing_back_until_it_is_clicked() -> None:
    """The map's events are listed in the order the map component builds its value.

    On load streamlit-folium compares the JSON of its value with the default's (the events,
    all null); keys in another order read as a change and every new map reran the page by
    itself, and a button clicked during that rerun was lost. Read from the installed
    component, so an upgrade that changes the order fails here.
    """
    import ast as python_ast

    import streamlit_folium

    bundle = next((Path(streamlit_folium.__file__).parent / "frontend").rglob("main.*.js"))
    value = re.search(r"let c=\{(last_clicked:.*?)\};", bundle.read_text(encoding="utf-8"))
    assert value, "streamlit-folium's value object not found in its bundle"
    order = re.findall(r"(?:^|,)(\w+):", value.group(1))
    events = python_ast.literal_eval(
        re.search(r"^MAP_EVENTS = (\(.*\))$", Path(APP).read_text(encoding="utf-8"), re.M).group(1)
    )
    assert [key for key in order if key in events] == list(events)


def test_the_disabled_departure_fields_show_the_departure_the_route_was_timed_with() -> None:
    app = _start()
    used = build(app.session_state["reports"]).settings.depart
    assert used is not None  # the bundled report says when the train left Pyongyang
    day, clock = app.date_input(key="depart_date"), app.time_input(key="depart_time")
    assert day.disabled and clock.disabled
    assert (day.value, clock.value) == (used.date(), used.time().replace(second=0))
    # Unticked, the fields start from that departure, so the times stay as they were.
    summary = _summary(app)
    app.checkbox(key="use_reported_depart").uncheck().run()
    assert not app.date_input(key="depart_date").disabled
    assert _summary(app) == summary


def test_with_no_reported_departure_the_date_field_shows_the_reports_published_date() -> None:
    app = _start()
    bundled = app.session_state["reports"][0]
    app.file_uploader(key="upload_0").upload("second.md", SECOND_REPORT).run()
    app.button(key=f"remove_{bundled.id}").click().run()
    assert not app.exception
    (report,) = app.session_state["reports"]
    assert app.date_input(key="depart_date").value == report.published


def _charts(app: AppTest) -> int:
    """How many Vega-Lite charts the page draws."""
    count = 0
    stack = [app._tree]
    while stack:
        node = stack.pop()
        count += getattr(node, "type", None) == "vega_lite_chart"
        stack.extend(getattr(node, "children", {}).values())
    return count


def test_the_sources_chart_is_made_only_once_its_section_is_opened() -> None:
    app = _start()
    assert _charts(app) == 0
    app.session_state["sources_open"] = True
    assert _charts(app.run()) == 1


def test_the_side_timeline_shows_one_time_per_stop_and_the_tab_every_column() -> None:
    # the side column is narrow: every column of its table must fit without scrolling
    app = _start()
    side, tab = (frame.value for frame in app.dataframe)
    assert list(side.columns) == ["#", "place", "when"]
    assert {"reported", "estimated", "sources", "status"} <= set(tab.columns)
    for when, reported, estimated in zip(
        side["when"], tab["reported"], tab["estimated"], strict=True
    ):
        assert when.removeprefix("⚠ ") == (reported or estimated)
