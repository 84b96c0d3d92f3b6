"""The interactive map: a folium map of a Journey, every point carrying the sentences behind it."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cache
from typing import Any

import folium
import numpy as np
import shapely
from branca.element import Element
from folium.plugins import Fullscreen
from folium.utilities import JsCode
from shapely.geometry import LineString

from routes.model import STOP_ROLES, Journey, Leg, LegKind, LocatedPlace, Role, Stop
from routes.outlines import LAYERS, clipped_layer, outline_scope
from routes.publish import style
from routes.publish.geojson import route_geojson
from routes.publish.legs import leg_pieces, route_colours
from routes.publish.lonlat import display_journey, lonlat_pieces
from routes.publish.style import ROLE_LAYERS
from routes.publish.web.card import card_css
from routes.publish.web.elements import (
    Bind,
    Layers,
    MapScript,
    MiniMap,
    OutlineLayer,
    Overlay,
    PopupData,
)
from routes.publish.web.inline import (
    FULLSCREEN_CSS,
    FULLSCREEN_JS,
    LEAFLET_CSS,
    LEAFLET_JS,
    MAP_CSS,
    TEXTPATH_CENTRE_JS,
    TEXTPATH_JS,
    read_asset,
    script_text,
    stylesheet_text,
)
from routes.publish.web.page import NARROW_QUERY, Page, PageScript, Verbatim, add_page_parts
from routes.publish.web.places import add_other_places, add_report_layers
from routes.publish.web.popups import (
    ARROW,
    POPUP_TABLE,
    PageIndex,
    credits_html,
    legend_html,
)
from routes.publish.web.text import (
    country_name,
    escape,
    js_literal,
    slug,
)

#: Basemaps a map can be drawn on, name -> label.
BASEMAPS: dict[str, str] = {
    "osm": "OpenStreetMap",
    "light": "CartoDB Positron (light)",
    "offline": "Offline outlines (no tiles)",
}
#: Tile URL, attribution and max zoom per tiled basemap (tile.openstreetmap.org usage policy
#: and CARTO's basemap terms ask for exactly these credits).
_TILES: dict[str, tuple[str, str, int]] = {
    "osm": (
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
        19,
    ),
    "light": (
        "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png",
        '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
        ' &copy; <a href="https://carto.com/attributions">CARTO</a>',
        20,
    ),
}
#: Up to this many stops carry a permanent name label; beyond it, names show on hover.
MAX_PERMANENT_LABELS = 30
ROUTE_LAYER = "Route"
AREAS_LAYER = "Areas"
OUTLINE_LAYER = "Coast &amp; borders (offline)"
#: The spacing of the arrow glyph repeated along rail legs (spaces around it).
_ARROW_TEXT = f"{' ' * 12}{ARROW}{' ' * 12}"
_SCRIPT_TAG = re.compile(r'<script src="([^"]*)"></script>')
_CSS_TAG = re.compile(r'<link rel="stylesheet" href="([^"]*)"/>')
_OUTLINE_MARGIN_DEG = 12.0
#: Outline coordinates go to the page as integer steps of 1/100° (~1 km, the detail the shipped
#: regional outlines keep after their 0.01° simplification), each point as the step from the
#: last; a route smaller than _FINE_SPAN_DEG gets 1/1000° steps (the files' own precision).
_OUTLINE_STEPS = 100
_FINE_OUTLINE_STEPS = 1000
_FINE_SPAN_DEG = 2.0
#: Route lines are simplified to within ~3 m (0.00003°, under a pixel up to zoom 15);
#: the minimap (4 zoom levels out) gets ~1 km (0.01°), more on routes spanning continents.
_ROUTE_TOLERANCE_DEG = 0.00003
_MINIMAP_TOLERANCE_DEG = 0.01
#: A no-rail leg is a dashed geodesic drawn every few km; ~100 m (0.001°) keeps its curve to
#: under a pixel up to zoom 10.
_GAP_TOLERANCE_DEG = 0.001


# ---------------------------------------------------------------------------------------------
# public API


def build_map(journey: Journey, *, basemap: str = "osm", show_context: bool = True) -> folium.Map:
    """The interactive map of ``journey``.

    Parameters
    ----------
    journey
        The pipeline's result: reports, located places and the routed stops and legs.
    basemap
        One of :data:`BASEMAPS`: "osm", "light" (tiles, with the offline outlines beneath
        them) or "offline" (no tiles at all, only the shipped outlines).
    show_context
        Draw context places (mentioned, not travelled) as small grey points.

    Returns
    -------
    folium.Map
        A map whose element ids are stable, so the same journey renders to the same HTML.

    Notes
    -----
    Leaflet and its plugins are referenced as ``asset:`` links to ``routes/publish/web/assets/``
    (see its README for versions and licences); :func:`map_html` inlines them so the page
    opens from disk with no network.  The coast, land and national borders of
    ``geodata/outlines/`` are drawn in a pane under the tiles, so they show wherever tiles
    cannot load.  All report text is untrusted and reaches the page only html-escaped.
    """
    if basemap not in BASEMAPS:
        msg = f"unknown basemap {basemap!r}; choose one of {', '.join(BASEMAPS)}"
        raise ValueError(msg)
    journey = display_journey(journey)  # one piece across the antimeridian
    bounds = _bounds(journey)
    fmap = folium.Map(
        location=_centre(bounds),
        zoom_start=5,
        tiles=None,
        control_scale=False,
        min_zoom=2,
        font_size="13px",
    )
    fmap.default_js = list(LEAFLET_JS)
    fmap.default_css = list(LEAFLET_CSS)
    Page().add_child(fmap)
    add_page_parts(fmap.get_root(), journey)
    header = fmap.get_root().header
    header.add_child(Verbatim(f"<style>{card_css()}{read_asset(MAP_CSS)}</style>"), name="rr_css")
    if any(len(leg.coords) >= 2 for leg in journey.route.legs):
        script = f"<script>{read_asset(TEXTPATH_CENTRE_JS)}</script>"
        fmap.get_root().html.add_child(Verbatim(script), name="rr_textpath_centre")
    # The final view first (every layer drawn once, at it), with room for the title over the
    # map (wide screens) and for the stops' name labels.
    wide = {"paddingTopLeft": [50, 120], "paddingBottomRight": [100, 50], "animate": False}
    narrow = {"paddingTopLeft": [40, 40], "paddingBottomRight": [90, 40], "animate": False}
    fit = (
        f"{{map}}.fitBounds({js_literal(bounds)}, window.matchMedia({js_literal(NARROW_QUERY)})"
        f".matches ? {js_literal(narrow)} : {js_literal(wide)});"
    )
    fmap.add_child(MapScript(fit))
    _add_basemaps(fmap, basemap)
    _add_outlines(fmap, bounds, basemap)
    index = PageIndex(journey)
    fmap.add_child(PopupData(index))
    _add_areas(fmap, journey, index)
    colours = route_colours(journey)  # one country → colour table for legs, minimap, legend
    _add_legs(fmap, journey, colours)
    _add_stops(fmap, journey, index)
    add_other_places(fmap, journey, index, _popup_options(), show_context=show_context)
    add_report_layers(fmap, journey, index, _popup_options(), show_context=show_context)
    _add_controls(fmap, journey, basemap, bounds, colours)
    fmap.add_child(PageScript())
    _stable_ids(fmap.get_root())
    return fmap


def map_html(journey: Journey, *, basemap: str = "osm", show_context: bool = True) -> str:
    """The map of ``journey`` as one standalone HTML document that opens from disk offline.

    Parameters
    ----------
    journey, basemap, show_context
        As for :func:`build_map`.

    Returns
    -------
    str
        A complete HTML page with Leaflet, its plugins and their CSS inlined; the same
        journey gives the same text.
    """
    fmap = build_map(journey, basemap=basemap, show_context=show_context)
    return _inline_assets(fmap.get_root().render())


# ---------------------------------------------------------------------------------------------
# layers


def _add_basemaps(fmap: folium.Map, basemap: str) -> None:
    """The chosen tile layer first (shown), the other tiled basemap as an alternative."""
    if basemap == "offline":
        return
    for name in sorted(_TILES, key=lambda n: n != basemap):
        url, attribution, max_zoom = _TILES[name]
        folium.TileLayer(
            tiles=url,
            attr=attribution,
            name=BASEMAPS[name],
            max_zoom=max_zoom,
            show=name == basemap,
            overlay=False,
            control=True,
        ).add_to(fmap)


def _add_outlines(fmap: folium.Map, bounds: list[list[float]], basemap: str) -> None:
    """The shipped coast, land and borders around the route, clipped to keep the page small
    (across the antimeridian: in pieces, each moved next to the route)."""
    (south, west), (north, east) = bounds
    centre = (west + east) / 2.0
    extent = (
        max(math.floor(west - _OUTLINE_MARGIN_DEG), centre - 180.0),
        max(math.floor(south - _OUTLINE_MARGIN_DEG), -90.0),
        min(math.ceil(east + _OUTLINE_MARGIN_DEG), centre + 180.0),
        min(math.ceil(north + _OUTLINE_MARGIN_DEG), 90.0),
    )
    fine = max(north - south, east - west) < _FINE_SPAN_DEG
    steps = _FINE_OUTLINE_STEPS if fine else _OUTLINE_STEPS
    pieces = tuple(lonlat_pieces(extent, centre + 180.0))
    data = _outline_data(outline_scope((west, south, east, north)), pieces, steps)
    name = OUTLINE_LAYER if basemap != "offline" else "Coast &amp; borders"
    OutlineLayer(data, steps, name).add_to(fmap)


def _add_areas(fmap: folium.Map, journey: Journey, index: PageIndex) -> None:
    """Areas with a known outline (e.g. the Russian Far East), lightly shaded."""
    areas = [p for p in journey.places if p.place.outline]
    if not areas:
        return
    group = folium.FeatureGroup(name=AREAS_LAYER, overlay=True, show=True).add_to(fmap)
    for located in areas:
        rings = [_latlon(ring) for ring in located.place.outline]
        polygon = folium.Polygon(
            rings,
            color=style.AREA_EDGE,
            weight=1.5,
            dash_array="4 4",
            fill_color=style.AREA_FILL,
            fill_opacity=style.AREA_FILL_OPACITY,
            class_name=f"rr-area rr-place-{slug(located.place.id)}",
        )
        polygon.options["bubblingMouseEvents"] = False
        polygon.add_child(Bind("bindPopup", index.popup(located), _popup_options()))
        tip = js_literal(escape(located.place.name))
        polygon.add_child(Bind("bindTooltip", tip, {"sticky": True}))
        polygon.add_to(group)


def _add_legs(fmap: folium.Map, journey: Journey, colours: dict[str, str]) -> None:
    """Rail legs coloured by country (``colours``: ``legs.route_colours``) with direction
    arrows; no-rail legs dashed and labelled."""
    if not journey.route.legs:
        return
    group = folium.FeatureGroup(name=ROUTE_LAYER, overlay=True, show=True).add_to(fmap)
    countries = {s.place.id: s.place.country for s in journey.route.stops}
    names = {s.place.id: s.place.name for s in journey.route.stops}
    statements: list[str] = []
    for leg in journey.route.legs:
        if len(leg.coords) < 2:
            continue
        ends = f"{names.get(leg.from_id, leg.from_id)} to {names.get(leg.to_id, leg.to_id)}"
        if leg.kind == LegKind.RAIL:
            statements += _rail_leg(leg, countries, colours, ends)
        else:
            statements.append(_gap_leg(leg, ends))
    group.add_child(Layers(statements, TEXTPATH_JS))


def _rail_leg(leg: Leg, countries: dict[str, str], colours: dict[str, str], ends: str) -> list[str]:
    """One rail leg: a white casing, then a line per country (in the journey's ``colours``),
    each with arrows; ``countries`` is the stops' countries (``legs.leg_pieces``)."""
    halo = {"color": "#ffffff", "weight": 9, "opacity": 0.85, "interactive": False}
    statements = [f"L.polyline({js_literal(_route_line(leg.coords))}, {js_literal(halo)}).addTo("]
    tip = f"{ends} by rail, {leg.km:,.0f} km"
    for coords, country in leg_pieces(leg, countries):
        colour = style.route_colour(LegKind.RAIL, (country,) if country else (), colours)
        options = {
            "className": "rr-rail",
            "color": colour,
            "dashArray": None,
            "opacity": 0.95,
            "weight": 5,
        }
        arrows = {
            "repeat": True,
            "offset": 8,
            "attributes": {
                "fill": colour,
                "font-size": "24",
                "stroke": "#ffffff",
                "stroke-width": "1",
                "class": "rr-arrow",
            },
        }
        tip_here = f"{tip} (this part in {country_name(country)})"
        statements.append(
            f"L.polyline({js_literal(_route_line(coords))}, {js_literal(options)})"
            f'.bindTooltip({js_literal(escape(tip_here))}, {{"sticky":true}})'
            f".setText({js_literal(_ARROW_TEXT)}, {js_literal(arrows)}).addTo("
        )
    return statements


def _gap_leg(leg: Leg, ends: str) -> str:
    """A leg off the track: flown, driven or a gap with no known rail, dashed and labelled."""
    colour, dash = style.leg_dash_style(leg.kind)
    words = {LegKind.AIR: "flown", LegKind.ROAD: "by road"}.get(leg.kind, "no rail link")
    label = f"{words} · {leg.km:,.0f} km"
    options = {
        "className": f"rr-{leg.kind if leg.kind in style.LEG_STYLES else LegKind.NO_RAIL}",
        "color": colour,
        "dashArray": " ".join(str(n) for n in dash),
        "opacity": 0.9,
        "weight": 3,
    }
    text = {
        "center": True,
        "offset": -6,
        "attributes": {"fill": colour, "font-size": "12", "class": "rr-gap-label"},
    }
    return (
        f"L.polyline({js_literal(_route_line(leg.coords, _GAP_TOLERANCE_DEG))}, "
        f"{js_literal(options)})"
        f'.bindTooltip({js_literal(escape(f"{ends}: {label}"))}, {{"sticky":true}})'
        f".setText({js_literal(label)}, {js_literal(text)}).addTo("
    )


def _add_stops(fmap: folium.Map, journey: Journey, index: PageIndex) -> None:
    """A numbered marker per stop, coloured by role, the border crossing as a diamond.

    One ``folium.GeoJson`` layer per stop role, fed with the project's stop Points
    (:func:`routes.publish.geojson.route_geojson`), each drawn as a ``folium.Marker`` with a
    ``folium.DivIcon`` that its feature numbers and colours.
    """
    located = {p.place.id: p for p in journey.places}
    points = {
        f["properties"]["id"]: f for f in route_geojson(replace(journey.route, legs=()))["features"]
    }
    by_hand = style.added_by_hand(journey)
    by_role: dict[str, list[dict]] = {}
    for stop in journey.route.stops:  # a marker per visit, each with the place's one card
        place = located.get(stop.place.id) or LocatedPlace(stop.place, stop.role, ())
        first, *later = journey.route.visits_of(stop.place.id)
        popup = index.number(place, first, later)
        feature = _stop_feature(stop, points[stop.place.id]["geometry"], popup, by_hand)
        feature["properties"]["label"] = _visit_label(stop, first, later)
        feature["properties"]["rank"] = _label_rank(stop)
        by_role.setdefault(stop.role, []).append(feature)
    permanent = len(journey.route.stops) <= MAX_PERMANENT_LABELS
    bind = JsCode(
        _STOP_FEATURE_JS
        % {
            "popups": POPUP_TABLE,
            "popup": js_literal(_popup_options()),
            "label": js_literal(_label_options(permanent)),
            "hover": js_literal(_label_options(False)),
            "above": FIRST_VISIT_Z,
        }
    )
    rank = {role: n for n, role in enumerate(STOP_ROLES)}
    for role in sorted(by_role, key=lambda r: rank.get(r, len(rank))):
        icon = folium.DivIcon(icon_size=(28, 28), icon_anchor=(14, 14), class_name="rr-stop-icon")
        marker = folium.Marker(icon=icon, z_index_offset=1000, rise_on_hover=True)
        folium.GeoJson(
            {"type": "FeatureCollection", "features": by_role[role]},
            name=ROLE_LAYERS.get(role, role),
            marker=marker,
            on_each_feature=bind,
        ).add_to(fmap)


def _stop_feature(stop: Stop, point: dict, popup: int, by_hand: frozenset[str]) -> dict:
    """A stop's Point with what its marker reads: id, role, number, name, icon and popup.

    ``popup`` indexes the page's popup table; the name is html-escaped text (its tooltip),
    braces included, so no text can open a template tag.
    """
    properties = {
        "id": slug(stop.place.id),
        "role": slug(stop.role),
        "order": stop.order,
        "tip": escape(stop.place.name),
        "html": _stop_html(stop, stop.place.id in by_hand),
        "popup": popup,
    }
    return {"type": "Feature", "geometry": point, "properties": properties}


#: Numbers and colours each stop's icon, names it for the story mode (``rrStop``/``rrName``,
#: the name read back from its escaped tooltip text) and binds its popup and name label.
_STOP_FEATURE_JS = """function (feature, layer) {
    var p = feature.properties;
    var icon = layer.options.icon.options;
    icon.html = p.html;
    icon.className += " rr-role-" + p.role + " rr-place-" + p.id;
    var name = document.createElement("textarea");
    name.innerHTML = p.tip;
    layer.options.rrStop = p.order;
    layer.options.rrName = name.value;
    layer.options.rrRank = p.rank;
    layer.bindPopup(%(popups)s[p.popup], %(popup)s);
    if (p.label) {
        layer.bindTooltip(p.label, %(label)s);
        layer.setZIndexOffset(%(above)s);
    } else {
        layer.bindTooltip(p.tip, %(hover)s);
    }
}"""


#: How far above the markers of its later visits a place's first visit is drawn (Leaflet's
#: ``zIndexOffset``), so its number shows where the journey came by first.
FIRST_VISIT_Z = 2000


def _label_rank(stop: Stop) -> int:
    """Which of two overlapping name labels the page keeps (lower first): by
    :data:`style.LABEL_ORDER` of the stop's role, then by stop number."""
    order = style.LABEL_ORDER
    role = order.index(stop.role) if stop.role in order else len(order)
    return role * 10_000 + stop.order


def _visit_label(stop: Stop, first: Stop, later: Sequence[Stop]) -> str:
    """The name label of a visit's marker, html-escaped: on a place's first visit its name,
    then every stop number when it has more than one ("X (1, 17)"); "" on a later
    visit, whose marker names the place on hover only (one label per place on the map)."""
    if stop.order != first.order:
        return ""
    if not later:
        return escape(stop.place.name)
    numbers = ", ".join(str(s.order) for s in (first, *later))
    return escape(f"{stop.place.name} ({numbers})")


def _add_controls(
    fmap: folium.Map,
    journey: Journey,
    basemap: str,
    bounds: list[list[float]],
    colours: dict[str, str],
) -> None:
    """Title, legend, credits, fullscreen, minimap and the layer control (rail in the
    journey's country ``colours``)."""
    fullscreen = Fullscreen(  # the whole page, so the title above the map stays
        position="topleft",
        title="Full screen",
        title_cancel="Exit full screen",
        fullscreenElement=JsCode("document.body"),
    )
    _use_assets([fullscreen], FULLSCREEN_JS, FULLSCREEN_CSS)
    fullscreen.add_to(fmap)
    tiles = _TILES[basemap][0] if basemap in _TILES else None
    (south, west), (north, east) = bounds
    # a minimap pixel at the first view spans ~1/90 of the route: keep lines to 1/2000 of it
    tolerance = max(_MINIMAP_TOLERANCE_DEG, max(north - south, east - west) / 2000.0)
    lines = [
        (
            _route_line(leg.coords, tolerance, decimals=3),
            style.route_colour(leg.kind, leg.countries, colours),
        )
        for leg in journey.route.legs
        if len(leg.coords) >= 2
    ]
    # the scale above the attribution, which it can never slide under however that wraps
    fmap.add_child(MapScript('L.control.scale({"position": "bottomright"}).addTo({map});'))
    fmap.add_child(MiniMap(tiles, lines))
    fmap.add_child(Overlay(legend_html(journey, colours), "rr-legend"))
    fmap.add_child(
        MapScript(f"{{map}}.attributionControl.addAttribution({js_literal(credits_html())});")
    )
    folium.LayerControl(position="topright", collapsed=True).add_to(fmap)


# ---------------------------------------------------------------------------------------------
# geometry


def _bounds(journey: Journey) -> list[list[float]]:
    """``[[south, west], [north, east]]`` of the route, else of the places, else the world."""
    boxes = [
        shapely.bounds(shapely.multipoints(leg.coords)) for leg in journey.route.legs if leg.coords
    ]
    boxes += [(s.place.lon, s.place.lat, s.place.lon, s.place.lat) for s in journey.route.stops]
    if not boxes:
        boxes = [
            (p.place.lon, p.place.lat, p.place.lon, p.place.lat)
            for p in journey.places
            if not p.place.outline
        ]
    if not boxes:
        return [[-50.0, -160.0], [70.0, 160.0]]
    west = float(min(b[0] for b in boxes))
    south = float(min(b[1] for b in boxes))
    east = float(max(b[2] for b in boxes))
    north = float(max(b[3] for b in boxes))
    if north - south < 0.05 and east - west < 0.05:
        south, north, west, east = south - 0.5, north + 0.5, west - 0.5, east + 0.5
    return [[south, west], [north, east]]


def _centre(bounds: list[list[float]]) -> tuple[float, float]:
    """Middle of ``[[south, west], [north, east]]`` as (lat, lon)."""
    (south, west), (north, east) = bounds
    return ((south + north) / 2.0, (west + east) / 2.0)


@cache
def _outline_data(
    scope: str, pieces: tuple[tuple[tuple[float, float, float, float], float], ...], steps: int
) -> str:
    """The outlines of ``scope`` cut to the boxes of ``pieces`` (as
    :func:`~routes.publish.lonlat.lonlat_pieces` gives them), each moved by its shift, as
    compact JSON (computed once per process).

    Each layer is a list of features; a feature is a list of lines (coast, borders) or of
    polygons, each a list of rings; a line or ring is a flat list of integer steps of
    ``1/steps`` degrees, ``[lon, lat]`` first, then the change from the point before.
    """
    data = {}
    for name in LAYERS:
        features = []
        for box, shift in pieces:
            cuts = clipped_layer(scope, name, box)
            if shift:
                cuts = shapely.transform(cuts, lambda xy, shift=shift: xy + np.array([shift, 0.0]))
            for cut in cuts:
                parts = _encoded_parts(_on_grid(cut, 1.0 / steps), steps)
                if parts:
                    features.append(parts)
        data[name] = features
    return js_literal(data)


def _on_grid(geometry: Any, grid: float) -> Any:
    """``geometry`` snapped to a ``grid`` of degrees, its polygons kept valid; where GEOS
    cannot rebuild a polygon on the grid (a hole left without its shell, as some clipped
    crude outlines give), each point is snapped on its own instead."""
    try:
        return shapely.set_precision(geometry, grid)
    except shapely.errors.GEOSException:
        return shapely.set_precision(geometry, grid, mode="pointwise")


def _encoded_parts(geometry: Any, steps: int) -> list:
    """Lines or polygons (lists of rings) of ``geometry`` as delta-encoded integer steps."""
    parts: list = []
    for part in getattr(geometry, "geoms", [geometry]):
        if part.is_empty:
            continue
        if part.geom_type == "Polygon":
            rings = [part.exterior, *part.interiors]
            encoded = [_delta(ring.coords, steps) for ring in rings]
            if len(encoded[0]) >= 8:
                parts.append([r for r in encoded if len(r) >= 8])
        elif part.geom_type in ("LineString", "LinearRing"):
            line = _delta(part.coords, steps)
            if len(line) >= 4:
                parts.append(line)
        elif hasattr(part, "geoms"):
            parts.extend(_encoded_parts(part, steps))
    return parts


def _delta(coords: Iterable[tuple[float, ...]], steps: int) -> list[int]:
    """Coordinates as integer steps, the first absolute and each next as the change."""
    flat: list[int] = []
    last_x = last_y = 0
    for x, y, *_ in coords:
        ix, iy = round(x * steps), round(y * steps)
        if flat and ix == last_x and iy == last_y:
            continue
        flat += (ix - last_x, iy - last_y)
        last_x, last_y = ix, iy
    return flat


def _route_line(
    coords: Sequence[tuple[float, float]],
    tolerance: float = _ROUTE_TOLERANCE_DEG,
    *,
    decimals: int = 5,
) -> list[tuple[float, float]]:
    """A route line as Leaflet [lat, lon] pairs, simplified to within ``tolerance`` degrees."""
    if len(coords) > 2:
        coords = LineString(coords).simplify(tolerance, preserve_topology=False).coords
    return _latlon(coords, decimals)


def _latlon(coords: Iterable[tuple[float, float]], decimals: int = 5) -> list[tuple[float, float]]:
    """(lon, lat) pairs as Leaflet's [lat, lon], rounded (5 decimals: ~1 m; 3: ~100 m)."""
    return [(round(lat, decimals), round(lon, decimals)) for lon, lat in coords]


# ---------------------------------------------------------------------------------------------
# small helpers


def _stop_html(stop: Stop, by_hand: bool) -> str:
    """A stop's icon: a numbered disc (a diamond at the border) in its role's colour.

    A stop added by hand (``by_hand``) carries the ``rr-added`` class: a dashed ring
    (map.css), as in the legend and the PNG.
    """
    shape_class = "rr-stop rr-border" if stop.role == Role.BORDER else "rr-stop"
    if by_hand:
        shape_class += " rr-added"
    colour = style.role_colour(stop.role)
    return f'<div class="{shape_class}" style="background:{colour}"><span>{stop.order}</span></div>'


def _popup_options() -> dict[str, Any]:
    """Leaflet popup options: bounded size, scrolling past it."""
    return {
        "maxWidth": 380,
        "minWidth": 260,
        "maxHeight": 360,
        "autoPanPaddingTopLeft": [60, 150],
        "autoPanPaddingBottomRight": [60, 40],
        "className": "rr-popup-wrap",
    }


def _label_options(permanent: bool) -> dict[str, Any]:
    """Tooltip options of a stop's name label."""
    return {
        "permanent": permanent,
        "direction": "right",
        "offset": [15, 0],
        "className": "rr-label",
        "opacity": 1,
    }


def _use_assets(
    elements: Iterable[Any], js: list[tuple[str, str]], css: list[tuple[str, str]]
) -> None:
    """Point plugin elements at the vendored JS/CSS instead of their CDN defaults."""
    for element in elements:
        if hasattr(element, "default_js"):
            element.default_js = list(js)
            element.default_css = list(css)


def _inline_assets(page: str) -> str:
    """The page with every vendored script and stylesheet link replaced by its content."""
    page = _SCRIPT_TAG.sub(lambda m: f"<script>{script_text(m.group(1))}</script>", page)
    return _CSS_TAG.sub(lambda m: f"<style>{stylesheet_text(m.group(1))}</style>", page)


def _stable_ids(root: Element) -> None:
    """Give every element a sequential id so the same journey renders to the same bytes."""
    stack = [root]
    count = 0
    while stack:
        element = stack.pop()
        count += 1
        element._id = f"{count:05d}"
        children = list(getattr(element, "_children", {}).values())
        stack.extend(reversed(children))
        for extra in ("header", "html", "script"):
            child = getattr(element, extra, None)
            if isinstance(child, Element):
                stack.append(child)
