"""Shareable exports of a Journey: GeoJSON, KML, GPX, CSV, the project file, and all at once."""

from __future__ import annotations

import csv
import html
import io
import json
import math
import re
import tempfile
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from pathlib import Path

from routes.model import (
    AREA_KINDS,
    PROJECT_FORMAT,
    ROLES,
    UNDRAWN_ROLES,
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
from routes.publish.style import AREA_FILL, route_colour

Progress = Callable[[str], None]

#: Decimal places of coordinates (~0.1 m) and of kilometres (1 m) in every export.
COORD_DECIMALS = 6
KM_DECIMALS = 3
#: The project file's version (its format tag is routes.model.PROJECT_FORMAT).
PROJECT_VERSION = 1
#: Largest project file accepted, in characters, and most reports in one (the README's
#: batch limit: 5,000 reports of at most 1 MB each; a project is meant to be shared).
MAX_PROJECT_CHARS = 64 * 1024 * 1024
MAX_PROJECT_REPORTS = 5000
MAX_REPORT_CHARS = 1024 * 1024
#: Characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: Columns of places.csv, in order.
CSV_COLUMNS: tuple[str, ...] = (
    "name",
    "id",
    "kind",
    "role",
    "order",
    "km",
    "eta",
    "lat",
    "lon",
    "country",
    "first_source",
    "first_report",
    "mention_count",
)
# --- GeoJSON ----------------------------------------------------------------------------------


def to_geojson(journey: Journey) -> dict:
    """The journey as the GeoJSON contract of ``route.geojson`` (WGS84 lon/lat).

    Parameters
    ----------
    journey
        The pipeline's result.

    Returns
    -------
    dict
        A FeatureCollection: a Point per located place (stops first, in travel order), a
        LineString per leg, then a Polygon or MultiPolygon per area with a known outline.
    """
    stops = {stop.place.id: stop for stop in journey.route.stops}
    located = {lp.place.id: lp for lp in journey.places}
    points = [_located_feature(lp, stops.get(pid)) for pid, lp in located.items()]
    points += [
        _place_feature(stop.place, stop.role, (), stop)
        for pid, stop in stops.items()
        if pid not in located
    ]
    points.sort(key=_feature_rank)
    legs = [_leg_feature(leg) for leg in journey.route.legs if leg.coords]
    areas = [_area_feature(lp) for lp in journey.places if _has_outline(lp.place)]
    areas.sort(key=lambda f: (f["properties"]["name"], f["properties"]["id"]))
    return _collection(points + legs + areas, title=journey.title)


def geojson_bytes(journey: Journey) -> bytes:
    """:func:`to_geojson` serialised deterministically: same journey, same bytes."""
    return dumps_geojson(to_geojson(journey))


def dumps_geojson(collection: dict) -> bytes:
    """A GeoJSON dict as UTF-8 bytes: sorted keys, compact, with a trailing newline."""
    text = json.dumps(collection, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (text + "\n").encode("utf-8")


def route_geojson(route: Route) -> dict:
    """The stops (Points, no mentions) and legs (LineStrings) of ``route`` as GeoJSON."""
    points = [_place_feature(s.place, s.role, (), s) for s in route.stops]
    points.sort(key=_feature_rank)
    legs = [_leg_feature(leg) for leg in route.legs if leg.coords]
    return _collection(points + legs)


def places_geojson(parsed_places: Sequence[LocatedPlace]) -> dict:
    """Geoparsed places as Points with their mentions (no route: order, km and eta null)."""
    points = [_located_feature(lp, None) for lp in parsed_places]
    points.sort(key=_feature_rank)
    return _collection(points)


def _collection(features: list[dict], *, title: str | None = None) -> dict:
    """A FeatureCollection of ``features``, with a title member when one is given."""
    collection: dict = {"type": "FeatureCollection", "features": features}
    if title:
        collection["title"] = title
    return collection


def _located_feature(located: LocatedPlace, stop: Stop | None) -> dict:
    """The Point of a geoparsed place; ``mentions_omitted`` counts mentions not kept."""
    feature = _place_feature(located.place, located.role, located.mentions, stop)
    if located.omitted_mentions:
        feature["properties"]["mentions_omitted"] = located.omitted_mentions
    return feature


def _place_feature(place: Place, role: str, mentions: Sequence[Mention], stop: Stop | None) -> dict:
    """The Point feature of one place; route fields come from its ``stop``, if it is one."""
    properties = {
        "id": place.id,
        "name": place.name,
        "kind": place.kind,
        "role": role,
        "country": place.country or None,
        "order": stop.order if stop is not None else None,
        "km": _km(stop.km) if stop is not None else None,
        "eta": _iso(stop.eta) if stop is not None else None,
        "mentions": [_mention(m) for m in _reading_order(mentions)],
    }
    if stop is not None and stop.off_network:
        properties["off_network"] = True
    drawn = stop is not None or role not in UNDRAWN_ROLES
    point = {"type": "Point", "coordinates": _lonlat(place.lon, place.lat)}
    return {"type": "Feature", "geometry": point if drawn else None, "properties": properties}


def _mention(mention: Mention) -> dict:
    """One mention as the contract's ``{report, source, quote, start, end, date, status}``."""
    return {
        "report": mention.report_id,
        "source": mention.source,
        "quote": mention.quote,
        "text": mention.text,
        "start": mention.start,
        "end": mention.end,
        "date": mention.date,
        "status": mention.status,
    }


def _reading_order(mentions: Iterable[Mention]) -> list[Mention]:
    """Mentions by report, then position in the text: the order a reader meets them."""
    return sorted(mentions, key=lambda m: (m.report_id, m.start, m.end))


def _leg_feature(leg: Leg) -> dict:
    """The LineString feature of one leg (a single coordinate is repeated to stay valid)."""
    coords = [_lonlat(lon, lat) for lon, lat in leg.coords]
    if len(coords) == 1:
        coords.append(coords[0])
    return {
        "type": "Feature",
        "geometry": {"type": "LineString", "coordinates": coords},
        "properties": {
            "kind": leg.kind,
            "from": leg.from_id,
            "to": leg.to_id,
            "km": _km(leg.km),
            "countries": list(leg.countries),
            "border": _lonlat(*leg.border_point) if leg.border_point else None,
            "gauges": list(leg.gauges),
        },
    }


def _has_outline(place: Place) -> bool:
    """Whether ``place`` is an area whose outline we can draw."""
    return place.kind in AREA_KINDS and any(len(ring) >= 3 for ring in place.outline)


def _area_feature(located: LocatedPlace) -> dict:
    """The Polygon (one ring) or MultiPolygon (several rings) of an area."""
    place = located.place
    rings = [_closed([_lonlat(lon, lat) for lon, lat in ring]) for ring in place.outline]
    rings = [ring for ring in rings if len(ring) >= 4]
    if len(rings) == 1:
        geometry = {"type": "Polygon", "coordinates": rings}
    else:
        geometry = {"type": "MultiPolygon", "coordinates": [[ring] for ring in rings]}
    return {
        "type": "Feature",
        "geometry": geometry,
        "properties": {
            "id": place.id,
            "name": place.name,
            "kind": place.kind,
            "role": located.role,
            "country": place.country or None,
        },
    }


def _closed(ring: list[list[float]]) -> list[list[float]]:
    """``ring`` with its first position repeated at the end, as GeoJSON requires."""
    return [*ring, ring[0]] if ring and ring[0] != ring[-1] else ring


def _feature_rank(feature: dict) -> tuple:
    """Sort key of place points: stops in travel order, then the rest by name and id."""
    props = feature["properties"]
    order = props["order"]
    return (order is None, order if order is not None else 0, props["name"], props["id"])


def _lonlat(lon: float, lat: float) -> list[float]:
    """A GeoJSON position rounded to :data:`COORD_DECIMALS`."""
    return [_round(lon, COORD_DECIMALS), _round(lat, COORD_DECIMALS)]


def _km(value: float) -> float:
    """Kilometres rounded to :data:`KM_DECIMALS`."""
    return _round(value, KM_DECIMALS)


def _round(value: float, decimals: int) -> float:
    """``value`` rounded, with -0.0 written as 0.0 so equal inputs give equal text."""
    rounded = round(float(value), decimals)
    return rounded + 0.0 if rounded == 0 else rounded


def _iso(value: datetime | date | None) -> str | None:
    """ISO 8601 text of a date or datetime (minutes precision for datetimes)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    return value.isoformat()


# --- KML and GPX (GDAL writers through pyogrio) ------------------------------------------------


def write_kml(journey: Journey, path: Path) -> Path:
    """Write the places and legs as KML (GDAL "KML" driver) for Google Earth and QGIS.

    Each place is a placemark named after it whose description lists every quote with its
    source, date and status; each leg is a line named "from → to" in its country colour
    (routes.publish.style, through GDAL's ``OGR_STYLE`` field); areas are outlined.
    """
    import geopandas as gpd
    import pyogrio
    import shapely

    names = _place_names(journey)
    rows = []
    for feature in to_geojson(journey)["features"]:
        if feature["geometry"] is None:
            continue  # an actor or a dateline: not a place on the map
        props = feature["properties"]
        geom = shapely.geometry.shape(feature["geometry"])
        kind = feature["geometry"]["type"]
        if kind == "LineString":
            ends = [names.get(props[end], props[end]) for end in ("from", "to")]
            desc = html.escape(f"{props['kind']} leg, {props['km']:,.1f} km")
            colour = route_colour(props["kind"], props["countries"])
            style = f"PEN(c:{colour},w:4px)"
            rows.append(
                _kml_row(
                    " → ".join(ends), desc, "leg", props["kind"], None, props["km"], style, geom
                )
            )
            continue
        # GDAL's KML driver turns only PEN into a KML style (a SYMBOL can crash GDAL 3.12's
        # KML/LIBKML writers), so points keep Google Earth's default pin.
        style = None if kind == "Point" else f"PEN(c:{AREA_FILL},w:2px)"
        desc = (
            _kml_description(props, journey)
            if kind == "Point"
            else html.escape(f"{props['kind']}, {props['role']}")
        )
        rows.append(
            _kml_row(
                props["name"],
                desc,
                props["kind"],
                props["role"],
                props.get("order"),
                props.get("km"),
                style,
                geom,
            )
        )
    if rows:
        frame = gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")
    else:  # no place: a valid KML document with an empty folder
        columns = {key: [] for key in _kml_row("", "", "", "", None, None, None, None)}
        columns.pop("geometry")
        frame = gpd.GeoDataFrame(columns, geometry=gpd.GeoSeries([]), crs="EPSG:4326")
    path = Path(path)
    path.unlink(missing_ok=True)
    pyogrio.write_dataframe(
        frame, path, layer="Reported_route", driver="KML", geometry_type="Unknown"
    )
    return path


def _kml_row(
    name: str,
    desc: str,
    kind: str,
    role: str,
    order: int | None,
    km: float | None,
    style: str | None,
    geom: object,
) -> dict:
    """One KML placemark's fields: Name, Description and OGR_STYLE are read by GDAL's driver."""
    return {
        "Name": name,
        "Description": desc,
        "kind": kind,
        "role": role,
        "order": "" if order is None else str(order),
        "km": "" if km is None else f"{km:.3f}",
        "OGR_STYLE": style,
        "geometry": geom,
    }


def _kml_description(props: dict, journey: Journey) -> str:
    """HTML description of a place (KML balloons are HTML): role, position, every quote.

    Report text is untrusted, so each line is HTML-escaped before the ``<br>`` joins.
    """
    lines = [f"{props['kind']}, {props['role']}"]
    if props.get("order") is not None:
        lines.append(f"stop {props['order']}, {props['km']:,.1f} km")
    if props.get("eta"):
        lines.append(f"estimated arrival {props['eta']}")
    for mention in props.get("mentions", []):
        report = journey.report(mention["report"])
        title = report.title if report is not None and report.title else mention["report"]
        when = f", {mention['date']}" if mention["date"] else ""
        lines.append(
            f"“{mention['quote']}” — {mention['source'] or 'unattributed'}{when} "
            f"({mention['status']}; {title})"
        )
    return "<br>".join(html.escape(line) for line in lines)


def write_gpx(journey: Journey, path: Path) -> Path:
    """Write the stops as GPX waypoints and the route as one track (GDAL "GPX" driver).

    GDAL's GPX driver writes one layer per file and cannot reopen one for appending, so the
    ``waypoints`` and ``tracks`` layers are each written by GDAL to a scratch file and their
    elements joined into one GPX 1.1 document.
    """
    path = Path(path)
    with tempfile.TemporaryDirectory(prefix="routes-gpx-") as scratch:
        waypoints = _gpx_layer(_waypoint_frame(journey), Path(scratch) / "w.gpx", "waypoints")
        tracks = _gpx_layer(_track_frame(journey), Path(scratch) / "t.gpx", "tracks")
    path.write_text(_join_gpx(waypoints, tracks), encoding="utf-8")
    return path


def _waypoint_frame(journey: Journey):
    """The stops as a GeoDataFrame with GPX fields name, desc and time (the ETA)."""
    import geopandas as gpd
    import pandas as pd
    import shapely

    located = {lp.place.id: lp for lp in journey.places}
    rows = []
    for number, stop in enumerate(journey.route.stops, start=1):
        mentions = located[stop.place.id].mentions if stop.place.id in located else ()
        quotes = " | ".join(f"{m.quote} ({m.source})" for m in _reading_order(mentions))
        rows.append(
            {
                "name": f"{number}. {stop.place.name}",
                "desc": f"{stop.role}, {stop.km:,.1f} km" + (f". {quotes}" if quotes else ""),
                "type": stop.role,
                "time": pd.Timestamp(stop.eta) if stop.eta is not None else pd.NaT,
                "geometry": shapely.Point(
                    _round(stop.place.lon, COORD_DECIMALS), _round(stop.place.lat, COORD_DECIMALS)
                ),
            }
        )
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326") if rows else None


def _track_frame(journey: Journey):
    """The route as one MultiLineString track (one segment per leg, no-rail included)."""
    import geopandas as gpd
    import shapely

    parts = [
        [(_round(lon, COORD_DECIMALS), _round(lat, COORD_DECIMALS)) for lon, lat in leg.coords]
        for leg in journey.route.legs
        if len(leg.coords) >= 2
    ]
    if not parts:
        return None
    desc = f"{journey.route.total_km:,.1f} km ({journey.route.rail_km:,.1f} km by rail)"
    return gpd.GeoDataFrame(
        {"name": [journey.title or "Reported route"], "desc": [desc]},
        geometry=[shapely.MultiLineString(parts)],
        crs="EPSG:4326",
    )


def _gpx_layer(frame, scratch: Path, layer: str) -> str:
    """GDAL's GPX text for one layer of ``frame`` (empty string for an empty frame)."""
    import pyogrio

    if frame is None:
        return ""
    geometry_type = "Point" if layer == "waypoints" else "MultiLineString"
    pyogrio.write_dataframe(frame, scratch, layer=layer, driver="GPX", geometry_type=geometry_type)
    return scratch.read_text(encoding="utf-8")


_GPX_BODY = re.compile(r"</metadata>\s*(.*?)\s*</gpx>", re.S)
_GPX_BOUNDS = re.compile(r"<bounds [^>]*/>\s*")
_EMPTY_GPX = (
    '<?xml version="1.0"?>\n<gpx version="1.1" creator="reported-routes" '
    'xmlns="http://www.topografix.com/GPX/1/1">\n<metadata>\n</metadata>\n</gpx>\n'
)


def _join_gpx(waypoints: str, tracks: str) -> str:
    """One GPX document: the header of the first file, then its waypoints, then the track."""
    head_source = waypoints or tracks or _EMPTY_GPX
    head = head_source[: head_source.index("<metadata>")]
    bodies = [m.group(1) for text in (waypoints, tracks) if (m := _GPX_BODY.search(text))]
    body = "\n".join(b for b in bodies if b)
    return f"{head}<metadata>\n</metadata>\n{body}\n</gpx>\n" if body else head_source


# --- CSV --------------------------------------------------------------------------------------


def places_csv(journey: Journey) -> str:
    """One row per place (:data:`CSV_COLUMNS`), stops first in travel order.

    Text that comes from reports or the gazetteer is defused against spreadsheet formula
    injection: a cell starting with ``= + - @`` (or a tab or carriage return) gets a leading
    ``'``.
    """
    features = [
        f
        for f in to_geojson(journey)["features"]
        if f["geometry"] is None or f["geometry"]["type"] == "Point"
    ]
    order = {report.id: i for i, report in enumerate(journey.reports)}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for feature in features:
        props = feature["properties"]
        lonlat = feature["geometry"]["coordinates"] if feature["geometry"] else None
        first = min(
            props["mentions"],
            key=lambda m: (order.get(m["report"], len(order)), m["start"]),
            default=None,
        )
        writer.writerow(
            [
                _defuse(props["name"]),
                _defuse(props["id"]),
                _defuse(props["kind"]),
                _defuse(props["role"]),
                "" if props["order"] is None else props["order"],
                "" if props["km"] is None else f"{props['km']:.3f}",
                props["eta"] or "",
                f"{lonlat[1]:.6f}" if lonlat else "",
                f"{lonlat[0]:.6f}" if lonlat else "",
                _defuse(props["country"] or ""),
                _defuse(first["source"]) if first else "",
                _defuse(first["report"]) if first else "",
                len(props["mentions"]) + props.get("mentions_omitted", 0),
            ]
        )
    return out.getvalue()


def _defuse(text: str) -> str:
    """``text`` with a leading ``'`` when a spreadsheet would read it as a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


# --- the project file -------------------------------------------------------------------------


def project_json(reports: Sequence[Report], corrections: Corrections, settings: Settings) -> str:
    """A versioned, self-contained project: the reports, the user's corrections and settings.

    :func:`load_project` reads it back; ``project_json(*load_project(text)) == text``.
    """
    document = {
        "format": PROJECT_FORMAT,
        "version": PROJECT_VERSION,
        "reports": [_report_dict(r) for r in reports],
        "corrections": {
            "roles": [list(pair) for pair in corrections.roles],
            "excluded": list(corrections.excluded),
            "added": list(corrections.added),
            "order": list(corrections.order),
        },
        "settings": {
            "speed_kmh": settings.speed_kmh,
            "depart": settings.depart.isoformat() if settings.depart else None,
            "dwell_min": settings.dwell_min,
            "border_dwell_min": settings.border_dwell_min,
            "max_snap_km": settings.max_snap_km,
            "title": settings.title,
        },
    }
    return json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def _report_dict(report: Report) -> dict:
    """A report's fields as JSON values."""
    return {
        "id": report.id,
        "text": report.text,
        "title": report.title,
        "source": report.source,
        "published": report.published.isoformat() if report.published else None,
        "url": report.url,
        "language": report.language,
        "filename": report.filename,
    }


def project_text_of(data: bytes) -> str:
    """The text of a project file's bytes: UTF-8 (a BOM allowed), else a clear ValueError."""
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        msg = (
            f"not UTF-8 text (byte 0x{data[err.start]:02x} on line {line}); a project file is "
            "UTF-8 JSON as the dashboard and build save it"
        )
        raise ValueError(msg) from None


def read_project_file(path: Path) -> tuple[tuple[Report, ...], Corrections, Settings]:
    """:func:`load_project` of the file at ``path``; every problem a ValueError for the user."""
    try:
        size = Path(path).stat().st_size
        if size > 4 * MAX_PROJECT_CHARS:
            msg = f"project file too large: {size:,} bytes"
            raise ValueError(msg)
        data = Path(path).read_bytes()
    except OSError as err:
        msg = f"cannot be read ({err.strerror or err})"
        raise ValueError(msg) from None
    return load_project(project_text_of(data))


def is_project_file(path: Path) -> bool:
    """Whether ``path`` is a .json file that says it is a Reported Routes project."""
    if Path(path).suffix.lower() != ".json":
        return False
    try:
        with Path(path).open("rb") as handle:
            head = handle.read(1 << 20)
    except OSError:
        return False
    return f'"format": "{PROJECT_FORMAT}"'.encode() in head or (
        f'"format":"{PROJECT_FORMAT}"'.encode() in head
    )


def load_project(text: str) -> tuple[tuple[Report, ...], Corrections, Settings]:
    """Read a project written by :func:`project_json`.

    Raises
    ------
    ValueError
        With a message naming the problem, for text that is too large, not JSON, of another
        format or version, or with a missing or mistyped field.
    """
    if len(text) > MAX_PROJECT_CHARS:
        msg = f"project file too large: {len(text):,} characters (limit {MAX_PROJECT_CHARS:,})"
        raise ValueError(msg)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        msg = f"project file is not valid JSON: {error}"
        raise ValueError(msg) from None
    if not isinstance(document, dict) or document.get("format") != PROJECT_FORMAT:
        msg = f'not a Reported Routes project (expected "format": "{PROJECT_FORMAT}")'
        raise ValueError(msg)
    if document.get("version") != PROJECT_VERSION:
        msg = (
            f"unsupported project version {document.get('version')!r}; "
            f"this version reads version {PROJECT_VERSION}"
        )
        raise ValueError(msg)
    reports = _load_reports(_field(document, "reports", list))
    corrections = _load_corrections(_field(document, "corrections", dict))
    settings = _load_settings(_field(document, "settings", dict))
    return reports, corrections, settings


def _field(mapping: dict, key: str, kind: type | tuple[type, ...], where: str = "project"):
    """``mapping[key]`` checked to be of ``kind``; a clear ValueError otherwise."""
    if key not in mapping:
        msg = f"{where}: missing field {key!r}"
        raise ValueError(msg)
    value = mapping[key]
    if not isinstance(value, kind) or (isinstance(value, bool) and kind in (int, float)):
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        msg = f"{where}: field {key!r} must be {names}, got {type(value).__name__}"
        raise ValueError(msg)
    return value


def _load_reports(items: list) -> tuple[Report, ...]:
    """Reports from their JSON dicts, bounded in count and size, ids unique."""
    if len(items) > MAX_PROJECT_REPORTS:
        msg = f"project has {len(items):,} reports (limit {MAX_PROJECT_REPORTS:,})"
        raise ValueError(msg)
    reports = []
    for index, item in enumerate(items):
        where = f"report {index + 1}"
        if not isinstance(item, dict):
            msg = f"{where}: expected an object, got {type(item).__name__}"
            raise ValueError(msg)
        text = _field(item, "text", str, where)
        if len(text) > MAX_REPORT_CHARS:
            msg = f"{where}: text of {len(text):,} characters (limit {MAX_REPORT_CHARS:,})"
            raise ValueError(msg)
        published = _field(item, "published", (str, type(None)), where)
        try:
            published_date = date.fromisoformat(published) if published else None
        except ValueError:
            msg = f"{where}: 'published' is not an ISO date: {published!r}"
            raise ValueError(msg) from None
        reports.append(
            Report(
                id=_field(item, "id", str, where),
                text=text,
                title=_field(item, "title", str, where),
                source=_field(item, "source", str, where),
                published=published_date,
                url=_field(item, "url", (str, type(None)), where),
                language=_field(item, "language", str, where),
                filename=_field(item, "filename", str, where),
            )
        )
    ids = [r.id for r in reports]
    if len(set(ids)) != len(ids):
        msg = "project: report ids must be unique"
        raise ValueError(msg)
    return tuple(reports)


def _load_corrections(item: dict) -> Corrections:
    """Corrections from JSON, each role one of routes.model.ROLES."""
    where = "corrections"
    roles = []
    for pair in _field(item, "roles", list, where):
        if not (
            isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str) for p in pair)
        ):
            msg = f"{where}: each role must be [place_id, role], got {pair!r}"
            raise ValueError(msg)
        if pair[1] not in ROLES:
            msg = f"{where}: unknown role {pair[1]!r}; roles are {', '.join(ROLES)}"
            raise ValueError(msg)
        roles.append((pair[0], pair[1]))
    lists = {}
    for key in ("excluded", "added", "order"):
        values = _field(item, key, list, where)
        if not all(isinstance(v, str) for v in values):
            msg = f"{where}: {key!r} must be a list of place ids"
            raise ValueError(msg)
        lists[key] = tuple(values)
    return Corrections(roles=tuple(roles), **lists)


def _load_settings(item: dict) -> Settings:
    """Settings from JSON: positive finite numbers and an optional ISO departure."""
    where = "settings"
    numbers = {}
    for key in ("speed_kmh", "dwell_min", "border_dwell_min", "max_snap_km"):
        value = _field(item, key, (int, float), where)
        if isinstance(value, bool) or not math.isfinite(value) or value < 0:
            msg = f"{where}: {key!r} must be a finite number >= 0, got {value!r}"
            raise ValueError(msg)
        numbers[key] = value
    if numbers["speed_kmh"] <= 0:
        msg = f"{where}: 'speed_kmh' must be above 0"
        raise ValueError(msg)
    depart = _field(item, "depart", (str, type(None)), where)
    try:
        depart_at = datetime.fromisoformat(depart) if depart else None
    except ValueError:
        msg = f"{where}: 'depart' is not an ISO date-time: {depart!r}"
        raise ValueError(msg) from None
    return Settings(depart=depart_at, title=_field(item, "title", str, where), **numbers)


# --- bytes for the output registry ---------------------------------------------------------


def kml_bytes(journey: Journey) -> bytes:
    """The KML file :func:`write_kml` writes, as bytes (written in a scratch folder)."""
    return _gdal_bytes(write_kml, journey, "route.kml")


def gpx_bytes(journey: Journey) -> bytes:
    """The GPX file :func:`write_gpx` writes, as bytes (written in a scratch folder)."""
    return _gdal_bytes(write_gpx, journey, "route.gpx")


def _gdal_bytes(writer: Callable[[Journey, Path], Path], journey: Journey, name: str) -> bytes:
    """What ``writer`` (a GDAL-backed file writer) writes for ``journey``, as bytes."""
    with tempfile.TemporaryDirectory(prefix="routes-gdal-") as scratch:
        return writer(journey, Path(scratch) / name).read_bytes()


def _place_names(journey: Journey) -> dict[str, str]:
    """Place id → name for every place and stop of the journey."""
    names = {lp.place.id: lp.place.name for lp in journey.places}
    names.update({s.place.id: s.place.name for s in journey.route.stops})
    return names


__all__ = [
    "CSV_COLUMNS",
    "PROJECT_FORMAT",
    "PROJECT_VERSION",
    "dumps_geojson",
    "geojson_bytes",
    "gpx_bytes",
    "is_project_file",
    "kml_bytes",
    "load_project",
    "places_csv",
    "places_geojson",
    "project_json",
    "project_text_of",
    "read_project_file",
    "route_geojson",
    "to_geojson",
    "write_gpx",
    "write_kml",
]
