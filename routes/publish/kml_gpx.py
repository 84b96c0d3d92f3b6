"""KML and GPX of a journey, written by GDAL (through pyogrio) from the GeoJSON contract."""

from __future__ import annotations

import html
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from routes.model import Journey
from routes.publish.geojson import COORD_DECIMALS, reading_order, rounded, to_geojson
from routes.publish.legs import route_colours
from routes.publish.style import AREA_EDGE, route_colour


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
    colours = route_colours(journey)
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
            colour = route_colour(props["kind"], props["countries"], colours)
            style = f"PEN(c:{colour},w:4px)"
            rows.append(
                _kml_row(
                    " → ".join(ends), desc, "leg", props["kind"], None, props["km"], style, geom
                )
            )
            continue
        # GDAL's KML driver turns only PEN into a KML style (a SYMBOL can crash GDAL 3.12's
        # KML/LIBKML writers), so points keep Google Earth's default pin.
        style = None if kind == "Point" else f"PEN(c:{AREA_EDGE},w:2px)"
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
    for visit in props.get("visits", [])[1:]:  # passed again on the way back
        when = f", estimated arrival {visit['eta']}" if visit["eta"] else ""
        lines.append(f"again stop {visit['order']}, {visit['km']:,.1f} km{when}")
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
        quotes = " | ".join(f"{m.quote} ({m.source})" for m in reading_order(mentions))
        rows.append(
            {
                "name": f"{number}. {stop.place.name}",
                "desc": f"{stop.role}, {stop.km:,.1f} km" + (f". {quotes}" if quotes else ""),
                "type": stop.role,
                "time": pd.Timestamp(stop.eta) if stop.eta is not None else pd.NaT,
                "geometry": shapely.Point(
                    rounded(stop.place.lon, COORD_DECIMALS), rounded(stop.place.lat, COORD_DECIMALS)
                ),
            }
        )
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326") if rows else None


def _track_frame(journey: Journey):
    """The route as one MultiLineString track (one segment per leg, no-rail included)."""
    import geopandas as gpd
    import shapely

    parts = [
        [(rounded(lon, COORD_DECIMALS), rounded(lat, COORD_DECIMALS)) for lon, lat in leg.coords]
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
