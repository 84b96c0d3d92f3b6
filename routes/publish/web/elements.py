"""The HTML map's own folium elements: data blocks, bindings, layers, overlays, links.

Each renders one Leaflet statement or block through folium's templates, so the page is
written in one pass with stable ids (the same journey gives the same bytes).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from branca.element import Element, MacroElement
from folium.map import Layer
from folium.template import Template

from routes.publish import style
from routes.publish.web.inline import MINIMAP_CSS, MINIMAP_JS
from routes.publish.web.popups import POPUP_TABLE, PageIndex
from routes.publish.web.text import js_literal, script_json


class PopupData(MacroElement):
    """Every distinct popup of the page, once, as an array of HTML strings the markers share."""

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
        """``var rr_popups = [...]``, filled in by the time the page renders."""
        return f"var {POPUP_TABLE} = {script_json(self.index.table())};"


class Bind(MacroElement):
    """Bind a popup or tooltip to its parent layer: content is a JavaScript expression."""

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
        self.content = content
        self.opts = js_literal(options)


class Layers(MacroElement):
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
            figure.header.add_child(JsLink(url), name=name)
        super().render(**kwargs)


class MapScript(MacroElement):
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


class OutlineLayer(Layer):
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


class MiniMap(MacroElement):
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
    default_js = MINIMAP_JS
    default_css = MINIMAP_CSS

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
            figure.header.add_child(JsLink(url), name=name)
        for name, url in self.default_css:
            figure.header.add_child(CssLink(url), name=name)
        super().render(**kwargs)


class JsLink(Element):
    """A script tag for a vendored asset, inlined by :func:`_inline_assets`."""

    _template = Template('<script src="{{ this.url }}"></script>')

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url


class CssLink(Element):
    """A stylesheet link for a vendored asset, inlined by :func:`_inline_assets`."""

    _template = Template('<link rel="stylesheet" href="{{ this.url }}"/>')

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url


class Overlay(MacroElement):
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
