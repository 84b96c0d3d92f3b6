"""The shareable exports: the GeoJSON contract, KML, GPX, CSV and the project file."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from xml.etree import ElementTree

import jsonschema
import pyogrio
import pytest

from routes.model import (
    ROLES,
    STATUSES,
    Corrections,
    Journey,
    Leg,
    LocatedPlace,
    Mention,
    Place,
    Report,
    Route,
    Settings,
    Stop,
)
from routes.publish import export, outputs, project, style
from tests.journey_fixture import KHASAN_SENTENCE_START, XSS_IMG, fixture_journey

# --- a small journey built by hand from routes.model ------------------------------------------

_TEXT = (
    "Kim left Pyongyang late on Sunday, a Seoul official said. "
    "Japanese media reported security was stepped up at the station in Khasan, "
    "where Kim is expected to enter Russia. "
    "Putin would be in Vladivostok, the Kremlin said. "
    "Russia's far east is where the summit will be."
)
_REPORT = Report(
    id="r1",
    text=_TEXT,
    title="Kim boards train <b>bound</b> for Russia",
    source='=HYPERLINK("http://x")',
    published=date(2023, 9, 11),
    url="https://example.org/story",
)
_OTHER = Report(id="r2", text="Reports put Kim in Khasan on Tuesday.", source="+wire")

_PLACES = {
    "pyongyang": Place("pyongyang", "Pyongyang", "city", 39.0392, 125.7625, "KP"),
    "khasan": Place("khasan", "Khasan", "town", 42.4308, 130.6453, "RU"),
    "vladivostok": Place("vladivostok", "Vladivostok", "city", 43.1155, 131.8855, "RU"),
    "far-east": Place(
        "far-east",
        "Russian Far East",
        "region",
        48.0,
        135.0,
        "RU",
        outline=(((130.0, 42.3), (140.0, 42.3), (141.0, 50.0), (131.0, 48.5)),),
    ),
    "ukraine": Place("ukraine", "-Ukraine", "country", 49.0, 31.0, "UA"),
}


def _mention(report: Report, place_id: str, wording: str, *, occurrence: int = 0, **kw) -> Mention:
    """A mention of ``wording`` in ``report``, its sentence as the quote."""
    start = -1
    for _ in range(occurrence + 1):
        start = report.text.index(wording, start + 1)
    end = start + len(wording)
    s_start = report.text.rfind(". ", 0, start)
    s_start = 0 if s_start < 0 else s_start + 2
    s_end = report.text.find(". ", end)
    s_end = len(report.text) if s_end < 0 else s_end + 1
    return Mention(
        report_id=report.id,
        place_id=place_id,
        start=start,
        end=end,
        text=wording,
        sentence_start=s_start,
        sentence_end=s_end,
        quote=report.text[s_start:s_end],
        source=kw.pop("source", report.source),
        **kw,
    )


def sample_journey() -> Journey:
    """Pyongyang → Khasan → Vladivostok with an area, a context place and two reports."""
    p = _PLACES
    located = (
        LocatedPlace(
            p["pyongyang"],
            "origin",
            (_mention(_REPORT, "pyongyang", "Pyongyang", date="2023-09-10T21:00"),),
        ),
        LocatedPlace(
            p["khasan"],
            "border",
            (
                _mention(_OTHER, "khasan", "Khasan", date="2023-09-12", status="expected"),
                _mention(_REPORT, "khasan", "Khasan", source="Japanese media", status="expected"),
            ),
        ),
        LocatedPlace(
            p["vladivostok"],
            "destination",
            (_mention(_REPORT, "vladivostok", "Vladivostok", source="the Kremlin"),),
        ),
        LocatedPlace(
            p["far-east"], "context", (_mention(_REPORT, "far-east", "Russia's far east"),)
        ),
        LocatedPlace(p["ukraine"], "context", ()),
    )
    depart = datetime(2023, 9, 10, 21, 0)
    stops = (
        Stop(p["pyongyang"], "origin", 1, 0.0, depart, "n1"),
        Stop(p["khasan"], "border", 2, 812.4, datetime(2023, 9, 11, 13, 15), "n2"),
        Stop(p["vladivostok"], "destination", 3, 1078.9, datetime(2023, 9, 11, 22, 30), "n3"),
    )
    legs = (
        Leg(
            "pyongyang",
            "khasan",
            "rail",
            (
                (125.7625, 39.0392),
                (127.5364, 39.9183),
                (129.7758, 41.7956),
                (130.3000, 42.2500),
                (130.6322, 42.4197),
                (130.6453, 42.4308),
            ),
            812.4,
            ("KP", "RU"),
            (130.6400, 42.4250),
        ),
        Leg(
            "khasan",
            "vladivostok",
            "rail",
            (
                (130.6453, 42.4308),
                (131.0500, 42.7300),
                (131.3800, 42.8600),
                (131.9000, 43.3600),
                (131.8855, 43.1155),
            ),
            266.5,
            ("RU",),
        ),
    )
    return Journey(
        title="Kim's train to Russia",
        reports=(_REPORT, _OTHER),
        places=located,
        route=Route(stops=stops, legs=legs),
        settings=Settings(depart=depart, title="Kim's train"),
        corrections=Corrections(roles=(("khasan", "border"),), excluded=("seoul",)),
    )


# --- the GeoJSON contract ---------------------------------------------------------------------

_POSITION = {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2}
_NULLABLE_STR = {"type": ["string", "null"]}
#: ISO 8601 date or date-time (minutes at least, seconds and offset optional), as eta uses.
_ISO_8601 = r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$"
CONTRACT_SCHEMA = {
    "type": "object",
    "required": ["type", "features"],
    "properties": {
        "type": {"const": "FeatureCollection"},
        "features": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["type", "geometry", "properties"],
                "properties": {"type": {"const": "Feature"}},
                "oneOf": [
                    {"$ref": "#/$defs/place"},
                    {"$ref": "#/$defs/leg"},
                    {"$ref": "#/$defs/area"},
                ],
            },
        },
    },
    "$defs": {
        "place": {
            "properties": {
                "geometry": {
                    "required": ["type", "coordinates"],
                    "properties": {"type": {"const": "Point"}, "coordinates": _POSITION},
                },
                "properties": {
                    "type": "object",
                    "required": ["name", "id", "kind", "role", "order", "km", "eta", "mentions"],
                    "properties": {
                        "name": {"type": "string", "minLength": 1},
                        "id": {"type": "string", "minLength": 1},
                        "kind": {"type": "string", "minLength": 1},
                        "role": {"enum": list(ROLES)},
                        "order": {"type": ["integer", "null"]},
                        "km": {"type": ["number", "null"], "minimum": 0},
                        "eta": {
                            "oneOf": [{"type": "null"}, {"type": "string", "pattern": _ISO_8601}]
                        },
                        "country": _NULLABLE_STR,
                        "mentions": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": [
                                    "report",
                                    "source",
                                    "quote",
                                    "start",
                                    "end",
                                    "date",
                                    "status",
                                ],
                                "properties": {
                                    "report": {"type": "string"},
                                    "source": {"type": "string"},
                                    "quote": {"type": "string", "minLength": 1},
                                    "start": {"type": "integer", "minimum": 0},
                                    "end": {"type": "integer", "minimum": 1},
                                    "date": {
                                        "oneOf": [
                                            {"type": "null"},
                                            {"type": "string", "pattern": r"^\d{4}(-\d{2}){0,2}"},
                                        ]
                                    },
                                    "status": {"enum": list(STATUSES)},
                                },
                            },
                        },
                    },
                },
            }
        },
        "leg": {
            "properties": {
                "geometry": {
                    "required": ["type", "coordinates"],
                    "properties": {
                        "type": {"const": "LineString"},
                        "coordinates": {"type": "array", "items": _POSITION, "minItems": 2},
                    },
                },
                "properties": {
                    "type": "object",
                    "required": ["kind", "from", "to", "km"],
                    "properties": {
                        "kind": {"enum": ["rail", "no-rail"]},
                        "from": {"type": "string"},
                        "to": {"type": "string"},
                        "km": {"type": "number", "minimum": 0},
                    },
                },
            }
        },
        "area": {
            "properties": {
                "geometry": {
                    "required": ["type", "coordinates"],
                    "properties": {"type": {"enum": ["Polygon", "MultiPolygon"]}},
                },
                "properties": {
                    "type": "object",
                    "required": ["name", "id", "kind", "role"],
                    "properties": {"kind": {"enum": ["region", "area", "country"]}},
                },
            }
        },
    },
}


def _by_geometry(collection: dict, kind: str) -> list[dict]:
    """The features of ``collection`` with geometry type ``kind``."""
    return [f for f in collection["features"] if (f["geometry"] or {}).get("type") == kind]


def test_route_geojson_matches_the_contract_schema():
    collection = export.to_geojson(sample_journey())
    jsonschema.validate(collection, CONTRACT_SCHEMA)
    assert len(_by_geometry(collection, "Point")) == len(sample_journey().places)
    assert len(_by_geometry(collection, "LineString")) == 2
    assert len(_by_geometry(collection, "Polygon")) == 1


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("properties", "role"), "boss"),
        (("properties", "eta"), "tomorrow"),
        (("properties", "order"), "first"),
        (("geometry", "coordinates"), [130.6]),
    ],
)
def test_contract_schema_catches_a_broken_place(path, value):
    collection = export.to_geojson(sample_journey())
    target = collection["features"][0]
    target[path[0]][path[1]] = value
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(collection, CONTRACT_SCHEMA)


def test_every_mention_offset_points_at_the_place_wording_in_its_report():
    journey = sample_journey()
    names = {lp.place.id: {m.text for m in lp.mentions} for lp in journey.places}
    checked = 0
    for feature in _by_geometry(export.to_geojson(journey), "Point"):
        for mention in feature["properties"]["mentions"]:
            text = journey.report(mention["report"]).text
            wording = text[mention["start"] : mention["end"]]
            assert wording in names[feature["properties"]["id"]]
            assert wording in mention["quote"]
            checked += 1
    assert checked == sum(len(lp.mentions) for lp in journey.places)


def test_stops_carry_order_km_and_eta_and_context_places_do_not():
    props = {
        f["properties"]["id"]: f["properties"]
        for f in _by_geometry(export.to_geojson(sample_journey()), "Point")
    }
    assert [props[p]["order"] for p in ("pyongyang", "khasan", "vladivostok")] == [1, 2, 3]
    assert props["khasan"]["km"] == 812.4
    assert props["khasan"]["eta"] == "2023-09-11T13:15"
    assert (props["ukraine"]["order"], props["ukraine"]["km"], props["ukraine"]["eta"]) == (
        None,
        None,
        None,
    )


def test_coordinates_are_lon_lat_and_legs_name_their_ends():
    collection = export.to_geojson(sample_journey())
    khasan = next(f for f in collection["features"] if f["properties"].get("id") == "khasan")
    assert khasan["geometry"]["coordinates"] == [130.6453, 42.4308]
    legs = _by_geometry(collection, "LineString")
    assert [(f["properties"]["from"], f["properties"]["to"]) for f in legs] == [
        ("pyongyang", "khasan"),
        ("khasan", "vladivostok"),
    ]
    assert legs[0]["geometry"]["coordinates"][0] == [125.7625, 39.0392]


def test_geojson_is_deterministic_and_insensitive_to_mention_order():
    journey = sample_journey()
    shuffled = replace(
        journey,
        places=tuple(
            replace(lp, mentions=tuple(reversed(lp.mentions))) for lp in reversed(journey.places)
        ),
    )
    first = export.geojson_bytes(journey)
    assert first == export.geojson_bytes(sample_journey())
    assert first == export.geojson_bytes(shuffled)
    assert first.endswith(b"\n")
    assert "Kim's train to Russia" in first.decode("utf-8")


def test_geojson_rounds_coordinates_and_km():
    journey = sample_journey()
    noisy_leg = replace(
        journey.route.legs[0], km=812.40000001, coords=((125.76250000004, 39.0392), (126, 40))
    )
    noisy = replace(journey, route=replace(journey.route, legs=(noisy_leg,)))
    leg = _by_geometry(export.to_geojson(noisy), "LineString")[0]
    assert leg["properties"]["km"] == 812.4
    assert leg["geometry"]["coordinates"][0] == [125.7625, 39.0392]


def test_route_geojson_has_stops_and_legs_only():
    collection = export.route_geojson(sample_journey().route)
    jsonschema.validate(collection, CONTRACT_SCHEMA)
    assert [f["properties"]["name"] for f in _by_geometry(collection, "Point")] == [
        "Pyongyang",
        "Khasan",
        "Vladivostok",
    ]
    assert len(_by_geometry(collection, "LineString")) == 2


def test_places_geojson_lists_parsed_places_without_route_fields():
    journey = sample_journey()
    collection = export.places_geojson(journey.places)
    jsonschema.validate(collection, CONTRACT_SCHEMA)
    points = _by_geometry(collection, "Point")
    assert len(points) == len(journey.places)
    assert all(f["properties"]["order"] is None for f in points)
    khasan = next(f for f in points if f["properties"]["id"] == "khasan")
    assert {m["source"] for m in khasan["properties"]["mentions"]} == {"Japanese media", "+wire"}


# --- KML and GPX ------------------------------------------------------------------------------


def test_kml_reads_back_with_names_and_quotes(tmp_path: Path):
    path = export.write_kml(sample_journey(), tmp_path / "route.kml")
    frame = pyogrio.read_dataframe(path)
    names = list(frame["Name"])
    assert {"Pyongyang", "Khasan", "Vladivostok", "Russian Far East"} <= set(names)
    khasan = frame[frame["Name"] == "Khasan"].iloc[0]
    assert "Japanese media reported security was stepped up" in khasan["description"]
    assert set(frame.geometry.geom_type) >= {"Point", "LineString", "Polygon"}


def test_kml_legs_are_drawn_in_their_country_colour(tmp_path: Path):
    path = export.write_kml(fixture_journey(), tmp_path / "route.kml")
    ns = {"k": "http://www.opengis.net/kml/2.2"}
    colours = {
        mark.findtext("k:name", namespaces=ns): mark.findtext(
            ".//k:LineStyle/k:color", namespaces=ns
        )
        for mark in ElementTree.parse(path).getroot().iterfind(".//k:Placemark", ns)
    }

    def kml_colour(hex_rgb: str) -> str:
        red, green, blue = hex_rgb[1:3], hex_rgb[3:5], hex_rgb[5:7]
        return f"FF{blue}{green}{red}".upper()

    assert colours["Pyongyang → Khasan"].upper() == kml_colour(style.COUNTRY_COLOURS["KP"])
    assert colours["Khasan → Vladivostok"].upper() == kml_colour(style.COUNTRY_COLOURS["RU"])


def test_kml_descriptions_show_report_markup_as_text(tmp_path: Path):
    journey = sample_journey()
    evil = replace(_REPORT, text=_TEXT.replace("Pyongyang late", "Pyongyang <script>x</script>"))
    located = list(journey.places)
    located[0] = replace(located[0], mentions=(_mention(evil, "pyongyang", "Pyongyang"),))
    path = export.write_kml(
        replace(journey, reports=(evil, _OTHER), places=tuple(located)), tmp_path / "r.kml"
    )
    frame = pyogrio.read_dataframe(path)
    description = frame[frame["Name"] == "Pyongyang"].iloc[0]["description"]
    # Google Earth renders descriptions as HTML: the report's tags must arrive escaped.
    assert "<script>" not in description
    assert "&lt;script&gt;x&lt;/script&gt;" in description


def test_gpx_has_stops_as_waypoints_and_the_route_as_one_track(tmp_path: Path):
    journey = sample_journey()
    path = export.write_gpx(journey, tmp_path / "route.gpx")
    layers = dict(pyogrio.list_layers(path))
    assert layers["waypoints"] == "Point"
    waypoints = pyogrio.read_dataframe(path, layer="waypoints")
    assert list(waypoints["name"]) == ["1. Pyongyang", "2. Khasan", "3. Vladivostok"]
    assert waypoints["time"].iloc[1].isoformat().startswith("2023-09-11T13:15")
    tracks = pyogrio.read_dataframe(path, layer="tracks")
    assert len(tracks) == 1
    track = tracks.geometry.iloc[0]
    assert track.geom_type == "MultiLineString"
    assert len(track.geoms) == len(journey.route.legs)
    assert track.geoms[0].coords[0] == pytest.approx((125.7625, 39.0392))


def test_gpx_of_a_journey_without_a_route_still_opens(tmp_path: Path):
    journey = replace(sample_journey(), route=Route())
    path = export.write_gpx(journey, tmp_path / "empty.gpx")
    assert path.read_text(encoding="utf-8").rstrip().endswith("</gpx>")


# --- CSV --------------------------------------------------------------------------------------


def test_places_csv_lists_every_place_with_route_fields():
    journey = sample_journey()
    rows = list(csv.DictReader(io.StringIO(export.places_csv(journey))))
    assert tuple(rows[0].keys()) == export.CSV_COLUMNS
    assert [r["name"] for r in rows[:3]] == ["Pyongyang", "Khasan", "Vladivostok"]
    assert len(rows) == len(journey.places)
    khasan = rows[1]
    assert (khasan["role"], khasan["order"], khasan["km"]) == ("border", "2", "812.400")
    assert khasan["mention_count"] == "2"
    # the estimate (13:15 in route.geojson) at its precision: the hour
    assert khasan["est_arrival"] == "2023-09-11T13:00"


def test_places_csv_first_source_follows_report_order():
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(export.places_csv(sample_journey())))}
    # r1 is the first report: its Khasan sentence is attributed to Japanese media.
    assert rows["khasan"]["first_source"] == "Japanese media"
    assert rows["khasan"]["first_report"] == "r1"


def test_places_csv_defuses_spreadsheet_formulas():
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(export.places_csv(sample_journey())))}
    assert rows["pyongyang"]["first_source"] == '\'=HYPERLINK("http://x")'
    assert rows["ukraine"]["name"] == "'-Ukraine"
    assert float(rows["pyongyang"]["lon"]) == pytest.approx(125.7625)


# --- project file -----------------------------------------------------------------------------


def test_project_round_trip_is_identical():
    journey = sample_journey()
    text = export.project_json(journey.reports, journey.corrections, journey.settings)
    reports, corrections, settings = export.load_project(text)
    assert reports == journey.reports
    assert corrections == journey.corrections
    assert settings == journey.settings
    assert export.project_json(reports, corrections, settings) == text
    assert json.loads(text)["format"] == "reported-routes-project"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(format="something-else"), "not a Reported Routes project"),
        (lambda d: d.update(version=99), "unsupported project version 99"),
        (lambda d: d.pop("reports"), "missing field 'reports'"),
        (lambda d: d["reports"][0].update(text=5), "field 'text' must be str"),
        (lambda d: d["settings"].update(speed_kmh=-3), "'speed_kmh'"),
        (lambda d: d["settings"].update(depart="next week"), "'depart' is not an ISO"),
        (lambda d: d["corrections"]["roles"].append(["x", "boss"]), "unknown role 'boss'"),
        (lambda d: d["reports"].append(dict(d["reports"][0])), "unique"),
    ],
)
def test_load_project_rejects_bad_files_with_a_clear_message(change, message):
    journey = sample_journey()
    document = json.loads(
        export.project_json(journey.reports, journey.corrections, journey.settings)
    )
    change(document)
    with pytest.raises(ValueError, match=message):
        export.load_project(json.dumps(document))


def test_load_project_rejects_non_json_and_oversized_text(monkeypatch):
    with pytest.raises(ValueError, match="not valid JSON"):
        export.load_project("{nope")
    monkeypatch.setattr(project, "MAX_PROJECT_CHARS", 10)  # where load_project reads it
    with pytest.raises(ValueError, match="too large"):
        export.load_project(" " * 11)


# --- the bundled report's journey and write_all -----------------------------------------------


def test_bundled_journey_geojson_matches_the_contract_with_exact_quotes():
    journey = fixture_journey()
    collection = json.loads(export.geojson_bytes(journey))
    jsonschema.validate(collection, CONTRACT_SCHEMA)
    khasan = next(f for f in collection["features"] if f["properties"].get("id") == "khasan")
    mention = khasan["properties"]["mentions"][0]
    assert mention["quote"].startswith(KHASAN_SENTENCE_START)
    assert journey.report(mention["report"]).text[mention["start"] : mention["end"]] == "Khasan"
    # The hostile report's markup travels as plain JSON text, untouched and unexecuted.
    vladivostok = next(
        f for f in collection["features"] if f["properties"].get("id") == "vladivostok"
    )
    assert XSS_IMG in {m["source"] for m in vladivostok["properties"]["mentions"]}


@pytest.mark.slow  # draws the PNG, SVG and PDF
def test_write_all_writes_every_file_for_the_bundled_report(tmp_path: Path):
    journey = fixture_journey()
    messages: list[str] = []
    written = outputs.write_all(journey, tmp_path / "out", progress=messages.append)
    assert tuple(written) == outputs.OUTPUT_FILES
    assert all(path.is_file() and path.stat().st_size > 0 for path in written.values())
    assert len(messages) >= len(outputs.OUTPUT_FILES)
    assert written["map.html"].read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype")
    assert written["map.png"].read_bytes()[:4] == b"\x89PNG"
    assert written["route.geojson"].read_bytes() == export.geojson_bytes(journey)
    assert len(pyogrio.read_dataframe(written["route.gpx"], layer="waypoints")) == 3
    reports, _corrections, settings = export.load_project(
        written["project.json"].read_text(encoding="utf-8")
    )
    assert reports == journey.reports
    assert settings == journey.settings


@pytest.mark.slow  # draws the PNG, SVG and PDF
def test_write_all_uses_the_given_html(tmp_path: Path):
    written = outputs.write_all(sample_journey(), tmp_path, html="<!doctype html><p>given</p>")
    assert written["map.html"].read_text(encoding="utf-8") == "<!doctype html><p>given</p>"


def test_actors_and_datelines_are_features_without_geometry_that_keep_their_mentions(
    tmp_path: Path,
):
    journey = sample_journey()
    seoul = Place("seoul", "Seoul", "city", 37.566, 126.978, "KR")
    moscow = Place("moscow", "Moscow", "city", 55.756, 37.617, "RU")
    extra = (
        LocatedPlace(seoul, "dateline", (_mention(_REPORT, "seoul", "Pyongyang"),)),
        LocatedPlace(moscow, "actor", (_mention(_REPORT, "moscow", "Pyongyang"),)),
    )
    journey = replace(journey, places=journey.places + extra)
    collection = export.to_geojson(journey)
    jsonschema.validate(collection, CONTRACT_SCHEMA)
    undrawn = {f["properties"]["id"]: f for f in collection["features"] if f["geometry"] is None}
    assert set(undrawn) == {"seoul", "moscow"}
    assert undrawn["moscow"]["properties"]["role"] == "actor"
    assert undrawn["seoul"]["properties"]["mentions"]  # who said it, where, still there
    rows = list(csv.DictReader(io.StringIO(export.places_csv(journey))))
    assert {row["id"] for row in rows} >= {"seoul", "moscow"}
    kml = tmp_path / "route.kml"
    export.write_kml(journey, kml)
    assert "Moscow" not in kml.read_text(encoding="utf-8")  # nothing drawn for an actor
