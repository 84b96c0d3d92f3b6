"""The interactive map: a folium map of a Journey, every point carrying the sentences behind it."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

import folium
import shapely
from branca.element import Element, MacroElement
from folium.map import Layer
from folium.plugins import Fullscreen, MarkerCluster
from folium.template import Template
from shapely.geometry import LineString, shape

from routes.model import HIDDEN_ROLES, Journey, Leg, LocatedPlace, Mention, Stop
from routes.outlines import load_scope, outline_scope
from routes.paths import WEB_ASSETS_DIR
from routes.publish import style
from routes.publish.legs import leg_pieces
from routes.publish.style import ROLE_LABELS, ROLE_LAYERS
from routes.publish.web.inline import ASSET_SCHEME, read_asset, script_text, stylesheet_text
from routes.publish.web.popups import (
    ARROW,
    MAX_REPORT_LAYERS,
    PageIndex,
    credits_html,
    legend_html,
    popup_html,
    title_html,
)
from routes.publish.web.text import (
    clip_text,
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
#: From this many context places on, they are clustered (stops never are).
CLUSTER_MIN = 50
#: From this many located places on, popups are built in the browser when opened, from one
#: data block of plain strings (set as text, never parsed as HTML), instead of one HTML
#: string per marker: the page shrinks several-fold and loads faster.
LAZY_POPUPS_MIN = 200
#: Up to this many stops carry a permanent name label; beyond it, names show on hover.
MAX_PERMANENT_LABELS = 30
ROUTE_LAYER = "Route"
AREAS_LAYER = "Areas"
OUTLINE_LAYER = "Coast &amp; borders (offline)"
#: Ring colours of the per-report layers (Paul Tol's "muted" scheme).
REPORT_COLOURS: tuple[str, ...] = (
    "#332288",
    "#117733",
    "#44AA99",
    "#88CCEE",
    "#DDCC77",
    "#CC6677",
    "#AA4499",
    "#882255",
)
#: The spacing of the arrow glyph repeated along rail legs (spaces around it).
_ARROW_TEXT = f"{' ' * 12}{ARROW}{' ' * 12}"
_ASSETS = WEB_ASSETS_DIR
_ASSET = ASSET_SCHEME
#: Vendored JS/CSS per folium resource name (see assets/README.md).
_LEAFLET_JS = [("leaflet", f"{_ASSET}leaflet/leaflet.js")]
_LEAFLET_CSS = [("leaflet_css", f"{_ASSET}leaflet/leaflet.css")]
_FULLSCREEN_JS = [("Control.Fullscreen.js", f"{_ASSET}fullscreen/Control.FullScreen.js")]
_FULLSCREEN_CSS = [("Control.FullScreen.css", f"{_ASSET}fullscreen/Control.FullScreen.css")]
_MINIMAP_JS = [("Control_MiniMap_js", f"{_ASSET}minimap/Control.MiniMap.min.js")]
_MINIMAP_CSS = [("Control_MiniMap_css", f"{_ASSET}minimap/Control.MiniMap.min.css")]
_CLUSTER_JS = [("markerclusterjs", f"{_ASSET}markercluster/leaflet.markercluster.js")]
_CLUSTER_CSS = [
    ("markerclustercss", f"{_ASSET}markercluster/MarkerCluster.css"),
    ("markerclusterdefaultcss", f"{_ASSET}markercluster/MarkerCluster.Default.css"),
]
_TEXTPATH_JS = [("polylinetextpath", f"{_ASSET}textpath/leaflet.textpath.js")]
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
_CSS = _ASSETS / "map.css"
#: Centres the gap legs' labels without measuring them (see the file's comment).
_TEXTPATH_CENTRE_JS = _ASSETS / "textpath-centre.js"
#: Builds lazy popups from the data block (see LAZY_POPUPS_MIN).
_POPUPS_JS = _ASSETS / "popups.js"


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
    bounds = _bounds(journey)
    fmap = folium.Map(
        location=_centre(bounds),
        zoom_start=5,
        tiles=None,
        control_scale=True,
        min_zoom=2,
        font_size="13px",
    )
    fmap.default_js = list(_LEAFLET_JS)
    fmap.default_css = list(_LEAFLET_CSS)
    header = fmap.get_root().header
    page_title = escape(clip_text(journey.title or "Reported route", 140))
    header.add_child(Element(f"<title>{page_title}</title>"), name="rr_title")
    header.add_child(
        Element(f"<style>{style.css_variables()}{read_asset(_CSS)}</style>"), name="rr_css"
    )
    if any(len(leg.coords) >= 2 for leg in journey.route.legs):
        script = f"<script>{read_asset(_TEXTPATH_CENTRE_JS)}</script>"
        fmap.get_root().html.add_child(Element(script), name="rr_textpath_centre")
    # The final view first, so every layer is drawn once, at it (not again after a refit).
    fit = {"paddingTopLeft": [50, 120], "paddingBottomRight": [50, 50], "animate": False}
    fmap.add_child(_MapScript(f"{{map}}.fitBounds({js_literal(bounds)}, {js_literal(fit)});"))
    _add_basemaps(fmap, basemap)
    _add_outlines(fmap, bounds, basemap)
    index = PageIndex(journey, lazy=len(journey.places) >= LAZY_POPUPS_MIN)
    if index.lazy:
        fmap.add_child(_PopupData(index))
    _add_areas(fmap, journey, index)
    _add_legs(fmap, journey)
    _add_stops(fmap, journey, index)
    _add_other_places(fmap, journey, index, show_context=show_context)
    _add_report_layers(fmap, journey, index, show_context=show_context)
    _add_controls(fmap, journey, basemap, bounds)
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
# custom elements


class _PopupData(MacroElement):
    """The data of every lazy popup, once, and the function that builds one when it opens."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            {{ this.code() }}
        {% endmacro %}
        """
    )

    def __init__(self, index: PageIndex) -> None:
        super().__init__()
        self._name = "PopupData"
        self.index = index

    def code(self) -> str:
        """The builder and ``var rr_popup``, the content function of each popup by number."""
        builder = read_asset(_POPUPS_JS)
        return f"{builder}\nvar rr_popup = rrPopups({js_literal(self.index.data())});"


class _Bind(MacroElement):
    """Bind a popup or tooltip to its parent layer from a JSON string (never a JS template)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            {{ this._parent.get_name() }}.{{ this.method }}({{ this.content }}, {{ this.opts }});
        {% endmacro %}
        """
    )

    def __init__(self, method: str, content: str, options: dict[str, Any]) -> None:
        super().__init__()
        self._name = "Bind"
        self.method = method
        self.content = js_literal(content)
        self.opts = js_literal(options)


class _Layers(MacroElement):
    """Many small layers (markers, lines) written as one JavaScript statement each.

    folium's element per marker, with its own template render and a line per option,
    costs seconds and megabytes on a map of thousands of places; these statements make
    the same Leaflet layers.  Each statement is code ending in ``.addTo(``, completed with
    the parent layer's variable; its text comes only from :func:`js_literal` literals.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            {{ this.code(this._parent.get_name()) }}
        {% endmacro %}
        """
    )

    def __init__(self, statements: list[str], js: Sequence[tuple[str, str]] = ()) -> None:
        super().__init__()
        self._name = "Layers"
        self.statements = statements
        self.default_js = list(js)

    def code(self, parent: str) -> str:
        """The statements, each adding its layer to ``parent``."""
        return "\n".join(f"{statement}{parent});" for statement in self.statements)

    def render(self, **kwargs: Any) -> None:
        """Add the plugins the statements use to the page, then the statements."""
        figure = self.get_root()
        for name, url in self.default_js:
            figure.header.add_child(_JsLink(url), name=name)
        super().render(**kwargs)


class _MapScript(MacroElement):
    """A line of JavaScript run against the map; ``{map}`` stands for the map's variable."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            {{ this.code.replace("{map}", this._parent.get_name()) }}
        {% endmacro %}
        """
    )

    def __init__(self, code: str) -> None:
        super().__init__()
        self._name = "MapScript"
        self.code = code


class _OutlineLayer(Layer):
    """Land, lakes, coast and borders drawn in a pane under the tiles (offline fallback)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var rr_outlines = (function (data, steps) {
                function line(d) {
                    var out = [], x = 0, y = 0;
                    for (var i = 0; i < d.length; i += 2) {
                        x += d[i]; y += d[i + 1]; out.push([x / steps, y / steps]);
                    }
                    return out;
                }
                function layer(features, polygons) {
                    return {type: "FeatureCollection", features: features.map(function (parts) {
                        return {type: "Feature", properties: {}, geometry: polygons
                            ? {type: "MultiPolygon", coordinates: parts.map(function (rings) {
                                return rings.map(line); })}
                            : {type: "MultiLineString", coordinates: parts.map(line)}};
                    })};
                }
                return {land: layer(data.land, true), lakes: layer(data.lakes, true),
                        coast: layer(data.coast, false), borders: layer(data.borders, false)};
            })({{ this.data }}, {{ this.steps }});
            {{ this._parent.get_name() }}.createPane("rr-base").style.zIndex = 150;
            var {{ this.get_name() }} = L.layerGroup([
                L.geoJSON(rr_outlines.land, {pane: "rr-base", interactive: false,
                    style: {stroke: false, fill: true, fillColor: {{ this.land|tojson }},
                            fillOpacity: 1}}),
                L.geoJSON(rr_outlines.lakes, {pane: "rr-base", interactive: false,
                    style: {stroke: false, fill: true, fillColor: {{ this.sea|tojson }},
                            fillOpacity: 1}}),
                L.geoJSON(rr_outlines.coast, {pane: "rr-base", interactive: false,
                    style: {color: {{ this.coast|tojson }}, weight: 1, opacity: 0.9}}),
                L.geoJSON(rr_outlines.borders, {pane: "rr-base", interactive: false,
                    style: {color: {{ this.border|tojson }}, weight: 1.3, opacity: 0.9,
                            dashArray: "5 3"}})
            ]);
        {% endmacro %}
        """
    )

    def __init__(self, data: str, steps: int, name: str) -> None:
        super().__init__(name=name, overlay=True, control=True, show=True)
        self._name = "Outlines"
        self.data = data
        self.steps = steps
        self.land = style.LAND_COLOUR
        self.sea = style.SEA_COLOUR
        self.coast = style.COAST_COLOUR
        self.border = style.BORDER_COLOUR


class _MiniMap(MacroElement):
    """An overview map (Leaflet-MiniMap) of tiles when any, the coast and the route."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }}_layers = [];
            {% if this.tiles %}
            {{ this.get_name() }}_layers.push(L.tileLayer({{ this.tiles|tojson }}, {}));
            {% endif %}
            {{ this.get_name() }}_layers.push(L.geoJSON(rr_outlines.coast, {interactive: false,
                style: {color: {{ this.coast|tojson }}, weight: 1}}));
            {% for line, colour in this.lines %}
            {{ this.get_name() }}_layers.push(L.polyline({{ line|tojson }},
                {color: {{ colour|tojson }}, weight: 3, interactive: false}));
            {% endfor %}
            new L.Control.MiniMap(L.layerGroup({{ this.get_name() }}_layers), {
                position: "bottomright", toggleDisplay: true, zoomLevelOffset: -4,
                width: 150, height: 150, minimized: false
            }).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )
    default_js = _MINIMAP_JS
    default_css = _MINIMAP_CSS

    def __init__(self, tiles: str | None, lines: list[tuple[list, str]]) -> None:
        super().__init__()
        self._name = "MiniMap"
        self.tiles = tiles
        self.lines = lines
        self.coast = style.COAST_COLOUR

    def render(self, **kwargs: Any) -> None:
        """Add the plugin's inlined JS and CSS to the page, then the script."""
        figure = self.get_root()
        for name, url in self.default_js:
            figure.header.add_child(_JsLink(url), name=name)
        for name, url in self.default_css:
            figure.header.add_child(_CssLink(url), name=name)
        super().render(**kwargs)


class _JsLink(Element):
    """A script tag for a vendored asset, inlined by :func:`_inline_assets`."""

    _template = Template('<script src="{{ this.url }}"></script>')

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url


class _CssLink(Element):
    """A stylesheet link for a vendored asset, inlined by :func:`_inline_assets`."""

    _template = Template('<link rel="stylesheet" href="{{ this.url }}"/>')

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url


class _Overlay(MacroElement):
    """A box of trusted HTML put inside the map container (so it stays in fullscreen)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            (function () {
                var box = L.DomUtil.create("div", {{ this.css_class|tojson }},
                    {{ this._parent.get_name() }}.getContainer());
                box.innerHTML = {{ this.content }};
                L.DomEvent.disableClickPropagation(box);
                L.DomEvent.disableScrollPropagation(box);
            })();
        {% endmacro %}
        """
    )

    def __init__(self, content: str, css_class: str) -> None:
        super().__init__()
        self._name = "Overlay"
        self.content = js_literal(content)
        self.css_class = css_class


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
    """The shipped coast, land and borders around the route, clipped to keep the page small."""
    (south, west), (north, east) = bounds
    extent = (
        max(math.floor(west - _OUTLINE_MARGIN_DEG), -180.0),
        max(math.floor(south - _OUTLINE_MARGIN_DEG), -90.0),
        min(math.ceil(east + _OUTLINE_MARGIN_DEG), 180.0),
        min(math.ceil(north + _OUTLINE_MARGIN_DEG), 90.0),
    )
    fine = max(north - south, east - west) < _FINE_SPAN_DEG
    steps = _FINE_OUTLINE_STEPS if fine else _OUTLINE_STEPS
    data = _outline_data(outline_scope((west, south, east, north)), extent, steps)
    name = OUTLINE_LAYER if basemap != "offline" else "Coast &amp; borders"
    _OutlineLayer(data, steps, name).add_to(fmap)


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
            color=style.AREA_FILL,
            weight=1.5,
            dash_array="4 4",
            fill_color=style.AREA_FILL,
            fill_opacity=style.AREA_FILL_OPACITY,
            class_name=f"rr-area rr-place-{slug(located.place.id)}",
        )
        polygon.options["bubblingMouseEvents"] = False
        polygon.add_child(_Bind("bindPopup", popup_html(located, index), _popup_options()))
        polygon.add_child(_Bind("bindTooltip", escape(located.place.name), {"sticky": True}))
        polygon.add_to(group)


def _add_legs(fmap: folium.Map, journey: Journey) -> None:
    """Rail legs coloured by country with direction arrows; no-rail legs dashed and labelled."""
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
        if leg.kind == "rail":
            statements += _rail_leg(leg, countries, ends)
        else:
            statements.append(_gap_leg(leg, ends))
    group.add_child(_Layers(statements, _TEXTPATH_JS))


def _rail_leg(leg: Leg, countries: dict[str, str], ends: str) -> list[str]:
    """One rail leg: a white casing, then a line per country, each with arrows."""
    halo = {"color": "#ffffff", "weight": 9, "opacity": 0.85, "interactive": False}
    statements = [f"L.polyline({js_literal(_route_line(leg.coords))}, {js_literal(halo)}).addTo("]
    tip = f"{ends} by rail, {leg.km:,.0f} km"
    for coords, country in leg_pieces(leg, countries):
        colour = style.country_colour(country) if country else style.DEFAULT_ROUTE_COLOUR
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
    """A stretch with no known track: a dashed grey line labelled as such."""
    label = f"no rail link · {leg.km:,.0f} km"
    options = {
        "className": "rr-no-rail",
        "color": style.NO_RAIL_COLOUR,
        "dashArray": " ".join(str(n) for n in style.NO_RAIL_DASH),
        "opacity": 0.9,
        "weight": 3,
    }
    text = {
        "center": True,
        "offset": -6,
        "attributes": {"fill": style.NO_RAIL_COLOUR, "font-size": "12", "class": "rr-gap-label"},
    }
    return (
        f"L.polyline({js_literal(_route_line(leg.coords, _GAP_TOLERANCE_DEG))}, "
        f"{js_literal(options)})"
        f'.bindTooltip({js_literal(escape(f"{ends}: {label}"))}, {{"sticky":true}})'
        f".setText({js_literal(label)}, {js_literal(text)}).addTo("
    )


def _add_stops(fmap: folium.Map, journey: Journey, index: PageIndex) -> None:
    """A numbered marker per stop, coloured by role, the border crossing as a diamond."""
    located = {p.place.id: p for p in journey.places}
    by_role: dict[str, list[str]] = {}
    permanent = len(journey.route.stops) <= MAX_PERMANENT_LABELS
    popup, label = js_literal(_popup_options()), js_literal(_label_options(permanent))
    for stop in journey.route.stops:
        place = located.get(stop.place.id) or LocatedPlace(stop.place, stop.role, ())
        options = f'{{"icon": {_stop_icon(stop)}, "zIndexOffset": 1000, "riseOnHover": true}}'
        by_role.setdefault(stop.role, []).append(
            f"L.marker({js_literal([stop.place.lat, stop.place.lon])}, {options})"
            f".bindPopup({index.popup(place, stop)}, {popup})"
            f".bindTooltip({js_literal(escape(stop.place.name))}, {label}).addTo("
        )
    order = ["origin", "via", "border", "destination"]
    for role in sorted(by_role, key=lambda r: order.index(r) if r in order else len(order)):
        group = folium.FeatureGroup(name=ROLE_LAYERS.get(role, role), show=True)
        group.add_child(_Layers(by_role[role]))
        group.add_to(fmap)


def _add_other_places(
    fmap: folium.Map, journey: Journey, index: PageIndex, *, show_context: bool
) -> None:
    """Places off the route: context (grey, clustered when many), actors, history, ruled out."""
    stops = {s.place.id for s in journey.route.stops}
    by_role: dict[str, list[LocatedPlace]] = {}
    for located in journey.places:
        if located.place.id in stops or located.place.outline:
            continue
        role = located.role if located.role in ROLE_LAYERS else "context"
        if role in ("origin", "via", "border", "destination"):
            role = "context"  # a stop the route could not use: shown, not as travelled
        by_role.setdefault(role, []).append(located)
    if not show_context:
        by_role.pop("context", None)
    for role in ("context", "actor", "historical", "ruled-out"):
        places = by_role.get(role, [])
        if not places:
            continue
        name = ROLE_LAYERS[role]
        show = role not in HIDDEN_ROLES
        if role == "context" and len(places) >= CLUSTER_MIN:
            group = MarkerCluster(
                name=name,
                show=show,
                showCoverageOnHover=False,
                maxClusterRadius=40,
                disableClusteringAtZoom=9,
            )
            _use_assets([group], _CLUSTER_JS, _CLUSTER_CSS)
        else:
            group = folium.FeatureGroup(name=name, show=show)
        group.add_child(_Layers([_place_marker(p, index, role) for p in places]))
        group.add_to(fmap)


def _place_marker(located: LocatedPlace, index: PageIndex, role: str) -> str:
    """A small muted circle for a place that is not a stop (a statement for :class:`_Layers`)."""
    colour = style.role_colour(role)
    context = role == "context"
    options = {
        "bubblingMouseEvents": False,
        "className": f"rr-place rr-{role} rr-place-{slug(located.place.id)}",
        "color": "#ffffff" if context else colour,
        "dashArray": "3 2" if role == "ruled-out" else None,
        "fillColor": colour,
        "fillOpacity": 0.9 if context else 0.35,
        "radius": 5 if context else 6,
        "weight": 1.5,
    }
    tip = f"{located.place.name} ({ROLE_LABELS.get(role, role).lower()})"
    name, html = index.named_popup(located)
    return (
        f"{name}L.circleMarker({js_literal([located.place.lat, located.place.lon])}, "
        f"{js_literal(options)})"
        f".bindPopup({html}, {js_literal(_popup_options())})"
        f'.bindTooltip({js_literal(escape(tip))}, {{"direction":"top"}}).addTo('
    )


def _add_report_layers(
    fmap: folium.Map, journey: Journey, index: PageIndex, *, show_context: bool
) -> None:
    """A hidden layer per report ringing the places it mentions, its sentences in the popups."""
    stops = {s.place.id for s in journey.route.stops}
    by_report: dict[str, list[tuple[LocatedPlace, list[Mention]]]] = {}
    for located in journey.places:
        if not show_context and located.role == "context" and located.place.id not in stops:
            continue
        own: dict[str, list[Mention]] = {}
        for mention in located.mentions:
            own.setdefault(mention.report_id, []).append(mention)
        for report_id, mentions in own.items():
            by_report.setdefault(report_id, []).append((located, mentions))
    listed = [r for r in journey.reports if r.id in by_report][:MAX_REPORT_LAYERS]
    popup = js_literal(_popup_options())
    for number, report in enumerate(listed):
        colour = REPORT_COLOURS[number % len(REPORT_COLOURS)]
        name = f"Report: {escape(clip_text(report.title or report.id, 60))}"
        group = folium.FeatureGroup(name=name, show=False)
        statements = []
        for located, mentions in by_report[report.id]:
            options = {
                "className": f"rr-report-ring rr-place-{slug(located.place.id)}",
                "color": colour,
                "fill": False,
                "radius": 13,
                "weight": 3,
            }
            only = LocatedPlace(located.place, located.role, tuple(mentions))
            html = index.same_popup(only)
            statements.append(
                f"L.circleMarker({js_literal([located.place.lat, located.place.lon])}, "
                f"{js_literal(options)})"
                f".bindPopup({html}, {popup}).addTo("
            )
        group.add_child(_Layers(statements))
        group.add_to(fmap)


def _add_controls(
    fmap: folium.Map, journey: Journey, basemap: str, bounds: list[list[float]]
) -> None:
    """Title, legend, credits, fullscreen, minimap and the layer control."""
    fullscreen = Fullscreen(
        position="topleft", title="Full screen", title_cancel="Exit full screen"
    )
    _use_assets([fullscreen], _FULLSCREEN_JS, _FULLSCREEN_CSS)
    fullscreen.add_to(fmap)
    tiles = _TILES[basemap][0] if basemap in _TILES else None
    (south, west), (north, east) = bounds
    # a minimap pixel at the first view spans ~1/90 of the route: keep lines to 1/2000 of it
    tolerance = max(_MINIMAP_TOLERANCE_DEG, max(north - south, east - west) / 2000.0)
    lines = [
        (
            _route_line(leg.coords, tolerance, decimals=3),
            style.route_colour(leg.kind, leg.countries),
        )
        for leg in journey.route.legs
        if len(leg.coords) >= 2
    ]
    fmap.add_child(_MiniMap(tiles, lines))
    fmap.add_child(_Overlay(title_html(journey), "rr-title"))
    fmap.add_child(_Overlay(legend_html(journey), "rr-legend"))
    fmap.add_child(
        _MapScript(f"{{map}}.attributionControl.addAttribution({js_literal(credits_html())});")
    )
    folium.LayerControl(position="topright", collapsed=True).add_to(fmap)


# ---------------------------------------------------------------------------------------------
# popups, title, legend and credits


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
def _outline_data(scope: str, extent: tuple[float, float, float, float], steps: int) -> str:
    """The outlines of ``scope`` cut to ``extent``, as compact JSON (computed once per process).

    Each layer is a list of features; a feature is a list of lines (coast, borders) or of
    polygons, each a list of rings; a line or ring is a flat list of integer steps of
    ``1/steps`` degrees, ``[lon, lat]`` first, then the change from the point before.
    """
    data = {}
    for name, collection in load_scope(scope).items():
        features = []
        for feature in collection.get("features", []):
            geometry = feature.get("geometry")
            if not geometry:
                continue
            cut = shapely.clip_by_rect(shape(geometry), *extent)
            if cut.is_empty:
                continue
            cut = shapely.set_precision(cut, 1.0 / steps)
            parts = _encoded_parts(cut, steps)
            if parts:
                features.append(parts)
        data[name] = features
    return js_literal(data)


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


def _stop_icon(stop: Stop) -> str:
    """A numbered disc (a diamond at the border) in the colour of the stop's role, as JS."""
    shape_class = "rr-stop rr-border" if stop.role == "border" else "rr-stop"
    colour = style.role_colour(stop.role)
    number = f"<span>{stop.order}</span>"
    options = {
        "html": f'<div class="{shape_class}" style="background:{colour}">{number}</div>',
        "iconSize": [28, 28],
        "iconAnchor": [14, 14],
        "className": f"rr-stop-icon rr-role-{slug(stop.role)} rr-place-{slug(stop.place.id)}",
    }
    return f"L.divIcon({js_literal(options, separators=(', ', ': '))})"


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
