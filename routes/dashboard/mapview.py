"""The dashboard's map in the browser: it keeps its view, switches basemap and marks a place.

streamlit-folium rebuilds the whole Leaflet map whenever the map's script changes (new
settings, a correction), which resets the view and blanks the map for a moment.  The
dashboard's map therefore

- keeps its centre and zoom in the tab's ``sessionStorage`` and restores them when it is
  rebuilt (:func:`keep_view`: a constant script, so it never causes a rebuild itself);
- is always built with the same tile layers, and the basemap the user picks is switched
  in the browser (:func:`live_layer`), with no rebuild and no blank;
- rings the selected place in the browser (:func:`ring_in_browser`): the live layer,
  which streamlit-folium replaces without rebuilding the map, says which place, and a
  click on a marker rings it at once;
- sends nothing new for the map on a run a marker click started, when the browser has
  already ringed the place the server selected (:func:`live_to_send`): the element is then
  byte-identical to the last one and Streamlit sends a reference to it, not the map's
  half megabyte of script again;
- tells the server about a marker click at once (:func:`send_clicks_at_once`), where
  streamlit-folium waits 250 ms after every map event before it does;
- wears the export's map class (:func:`export_look`), so map.html's styles (the sea
  behind the offline outlines, the key) apply to it too.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import folium

from routes.model import Journey
from routes.publish.lonlat import display_journey
from routes.publish.web.elements import MapScript
from routes.publish.web.text import js_literal

#: The basemap the dashboard's map is built with (the others are switched in the browser).
BUILT_BASEMAP = "osm"
#: Where the map keeps its view in the tab's sessionStorage.
VIEW_KEY = "rr-dashboard-map-view"
#: The highlight ring around the selected place.
HIGHLIGHT = {"radius": 17, "color": "#FFB000", "weight": 5, "fill": False, "opacity": 0.95}
#: The CSS class of the highlight ring (tests and tools find the selection by it).
HIGHLIGHT_CLASS = "rr-selected"

_KEEP_VIEW_JS = """
(function (map) {
  var key = %(key)s;
  try {
    var saved = JSON.parse(window.sessionStorage.getItem(key) || "null");
    if (saved && isFinite(saved.lat) && isFinite(saved.lng) && isFinite(saved.zoom)) {
      map.setView([saved.lat, saved.lng], saved.zoom, {animate: false});
    }
  } catch (error) { /* no storage (private mode): the map opens at its first view */ }
  map.on("moveend", function () {
    var centre = map.getCenter();
    try {
      window.sessionStorage.setItem(
        key, JSON.stringify({lat: centre.lat, lng: centre.lng, zoom: map.getZoom()}));
    } catch (error) { /* the view is then only kept until the map is rebuilt */ }
  });
})({map});
"""

#: Once a click has been handled (Leaflet handles every map event in a listener on the map's
#: container registered when the map was made, so this later one runs after it), send
#: streamlit-folium's value at once if the click changed it.  The value is built as the
#: frontend builds it (the same keys in the same order, copied from its ``__GLOBAL_DATA__``)
#: and stored as its ``previous_data``, so its own debounced send, 250 ms later, finds
#: nothing new and sends nothing: the server sees each click once, only sooner.
_SEND_CLICKS_JS = """
(function (map, names) {
  function send() {
    var data = window.__GLOBAL_DATA__, lib = window.Streamlit;
    if (!data || !lib) { return; }
    var value = {};
    names.forEach(function (name) {
      value[name] = data[name] === undefined ? null : data[name];
    });
    if (JSON.stringify(value) !== JSON.stringify(data.previous_data)) {
      data.previous_data = value;
      lib.setComponentValue(value);
    }
  }
  ["click", "keypress"].forEach(function (type) {
    map.getContainer().addEventListener(type, send);
  });
})({map}, %(names)s);
"""

#: One ring around the selected place: ``window.rrRing(latlng | null)`` moves it (the live
#: layer calls it), and a click on a marker or a point moves it there at once.
_RING_JS = """
(function (map, options) {
  var ring = null;
  window.rrRing = function (latlng) {
    if (ring) { map.removeLayer(ring); ring = null; }
    if (latlng) { ring = L.circleMarker(latlng, options).addTo(map); }
  };
  map.getContainer().addEventListener("click", function (event) {
    for (var node = event.target; node && node !== map.getContainer(); node = node.parentNode) {
      var layer = node._leaflet_id && map._targets[node._leaflet_id];
      if (layer) {
        if (layer instanceof L.Marker || layer instanceof L.CircleMarker) {
          window.rrRing(layer.getLatLng());
        }
        return;
      }
    }
  });
})({map}, %(options)s);
"""
#: The live layer's part: ring the selected place (null: none).
_RING_PLACE_JS = "window.rrRing && window.rrRing(%(latlng)s);"

#: The class map.html's stylesheet gives its map (the sea colour, fonts, cluster colours).
_EXPORT_CLASS_JS = '{map}.getContainer().classList.add("folium-map");'

#: Show the base layer labelled ``label`` (null: none, the offline outlines only).
_BASEMAP_JS = """
(function (label) {
  var map = window.map;
  if (!map) { return; }
  var radios = document.querySelectorAll(".leaflet-control-layers-base label");
  if (label === null) {
    map.eachLayer(function (layer) {
      if (layer instanceof L.TileLayer) { map.removeLayer(layer); }
    });
    return;
  }
  radios.forEach(function (row) {
    var input = row.querySelector("input");
    if (input && row.textContent.trim() === label && !input.checked) { input.click(); }
  });
})(%(label)s);
"""


def keep_view(fmap: folium.Map) -> folium.Map:
    """``fmap`` restoring the tab's last view when (re)built, and saving every new view.

    Parameters
    ----------
    fmap
        The dashboard's copy of the journey's map; changed in place.

    Returns
    -------
    folium.Map
        The same map.  The script added is the same for every map, so it changes
        nothing streamlit-folium compares between runs.
    """
    fmap.add_child(MapScript(_KEEP_VIEW_JS % {"key": js_literal(VIEW_KEY)}), name="rr_keep_view")
    return fmap


def send_clicks_at_once(fmap: folium.Map, events: Sequence[str]) -> folium.Map:
    """``fmap`` sending a marker click to the server as soon as it is made.

    Parameters
    ----------
    fmap
        The dashboard's copy of the journey's map; changed in place.
    events
        The map events sent back (``st_folium(returned_objects=…)``), in the order
        streamlit-folium's frontend builds its value.

    Returns
    -------
    folium.Map
        The same map.  The server's state is what streamlit-folium alone would give it
        (the same value, sent once), only 250 ms sooner.
    """
    code = _SEND_CLICKS_JS % {"names": js_literal(list(events))}
    fmap.add_child(MapScript(code), name="rr_send_clicks")
    return fmap


def export_look(fmap: folium.Map) -> folium.Map:
    """``fmap`` styled as map.html draws it: the sea behind the offline outlines, not grey.

    streamlit-folium draws the map in its own ``div`` (not folium's ``.folium-map``),
    which map.html's stylesheet does not reach; the class is added in the browser.
    """
    fmap.add_child(MapScript(_EXPORT_CLASS_JS), name="rr_export_look")
    return fmap


def ring_in_browser(fmap: folium.Map) -> folium.Map:
    """``fmap`` with the selection ring drawn in the browser (see :data:`_RING_JS`)."""
    options = {**HIGHLIGHT, "className": HIGHLIGHT_CLASS, "interactive": False}
    fmap.add_child(MapScript(_RING_JS % {"options": js_literal(options)}), name="rr_ring")
    return fmap


def live_layer(
    journey: Journey, *, selected: str | None, basemap_label: str | None
) -> folium.FeatureGroup:
    """The layer streamlit-folium swaps without a rebuild: the selection and the basemap.

    Parameters
    ----------
    journey
        The journey on the map.
    selected
        The selected place's id (a ring is drawn around it), or None.
    basemap_label
        The label of the base layer to show (``render.BASEMAPS``), None for no tiles.

    Returns
    -------
    folium.FeatureGroup
        For ``st_folium(feature_group_to_add=…)``.
    """
    group = folium.FeatureGroup(name="Selected place", control=False)
    ring = centre_of(journey, selected)
    group.add_child(MapScript(_RING_PLACE_JS % {"latlng": js_literal(ring and list(ring))}))
    group.add_child(MapScript(_BASEMAP_JS % {"label": js_literal(basemap_label)}))
    return group


@dataclass(frozen=True)
class LiveSent:
    """What the browser's map was last sent: its frame, the live layer's script, the ring.

    ``ring`` is the place the browser rings, which a marker click may have moved since
    ``script`` (the layer that rings the place selected when it was sent) was sent.
    """

    frame_key: str
    script: str
    ring: str | None


def live_to_send(
    last: LiveSent | None, *, frame_key: str, script: str, selected: str | None,
    ringed: str | None,
) -> LiveSent:  # fmt: skip
    """The live layer to send this run, and what the browser will show with it.

    Parameters
    ----------
    last
        What was sent on the last run (None: nothing yet in this session).
    frame_key
        The key of this run's map frame (a new one is a new map in the browser).
    script
        The live layer for this run's selection and basemap (:func:`live_script`).
    selected
        The selected place's id, or None.
    ringed
        The place a marker click of this run selected, when the browser has ringed it
        itself (the click landed on the place's own point), else None.

    Returns
    -------
    LiveSent
        ``last`` unchanged but for its ring when the browser already shows this run's
        selection (streamlit-folium then evaluates nothing and Streamlit resends nothing);
        else ``script``, marked to be evaluated again when the ring it draws is the one
        the last layer drew but the browser's ring has moved since.
    """
    if last is not None and last.frame_key == frame_key:
        if ringed is not None and ringed == selected:
            return LiveSent(frame_key, last.script, selected)
        if script == last.script and last.ring != selected:
            script += "\n/* ring again */"  # any change makes streamlit-folium evaluate it
    return LiveSent(frame_key, script, selected)


def centre_of(journey: Journey, place_id: str | None) -> tuple[float, float] | None:
    """``(lat, lon)`` of a place of ``journey``, for panning the map to it (its longitude
    as the map draws it: see :func:`~routes.publish.lonlat.display_journey`)."""
    places = display_journey(journey).places
    place = next((p.place for p in places if p.place.id == place_id), None)
    return (place.lat, place.lon) if place is not None else None


def view_args(pan_to: tuple[float, float] | None) -> dict[str, Any]:
    """``st_folium`` keyword arguments that pan to ``pan_to`` once (the zoom is kept)."""
    return {"center": list(pan_to)} if pan_to is not None else {}


# --- the map's frame: rendered once, then only the live layer per run ----------------------


@dataclass(frozen=True)
class MapFrame:
    """What streamlit-folium's component needs to draw a map, rendered once per map.

    ``st_folium`` renders the whole map (about 0.1–0.2 s and 400 kB of script) on every
    run to find out that it has not changed; the dashboard renders it once, caches this,
    and each run renders only the small live layer (:func:`live_script`).
    """

    script: str
    header: str
    html: str
    map_id: str
    css_links: tuple[str, ...]
    js_links: tuple[str, ...]
    defaults: dict[str, Any]
    key: str

    def component_args(self) -> dict[str, Any]:
        """The component's arguments that never change for this map."""
        return {
            "script": self.script,
            "header": self.header,
            "html": self.html,
            "id": self.map_id,
            "key": self.key,
            "default": self.defaults,
            "css_links": list(self.css_links),
            "js_links": list(self.js_links),
        }


def map_frame(fmap: folium.Map, *, key: str, returned_objects: Sequence[str]) -> MapFrame:
    """Render ``fmap`` once as streamlit-folium does (``st_folium``); ``fmap`` is used up.

    Parameters
    ----------
    fmap
        The map (streamlit-folium renames its elements while rendering: pass a copy).
    key
        The widget key the dashboard reads the map's clicks from.
    returned_objects
        The map events sent back (as ``st_folium(returned_objects=…)``).
    """
    import streamlit_folium as sf

    fmap.get_root().render()
    fmap.render()
    html_text, header = sf._get_html(fmap), sf._get_header(fmap)
    script = sf._get_map_string(fmap)
    linked = list(_linked(fmap))
    css = dict.fromkeys(href for e in linked for _, href in getattr(e, "default_css", None) or ())
    js = dict.fromkeys(src for e in linked for _, src in getattr(e, "default_js", None) or ())
    defaults = {name: None for name in returned_objects}
    return MapFrame(
        script=script,
        header=header,
        html=html_text,
        map_id=sf.get_full_id(fmap),
        css_links=tuple(css),
        js_links=one_script(tuple(js)),
        defaults=defaults,
        key=sf.generate_js_hash(script, key, False),
    )


def one_script(links: Sequence[str]) -> tuple[str, ...]:
    """``links`` with each run of inline ``data:`` scripts joined into one, in the same order.

    streamlit-folium loads a map's scripts one after another, each waiting for the last
    to load, in a frame that shares the page's busy main thread: Leaflet and its plugins
    as one script load in one step instead of one per file.

    Parameters
    ----------
    links
        Script URLs in loading order (``data:`` URLs from ``embeddable``, or others).

    Returns
    -------
    tuple[str, ...]
        The same scripts: every run of base64 ``data:`` URLs as one such URL whose code
        is theirs, one after another; any other link as it was, in its place.
    """
    joined: list[str] = []
    run: list[str] = []
    for link in [*links, None]:
        code = _inline_script(link) if link is not None else None
        if code is not None:
            run.append(code)
            continue
        if run:
            text = "\n;\n".join(run).encode("utf-8")
            joined.append(_SCRIPT_URL + base64.b64encode(text).decode("ascii"))
            run = []
        if link is not None:
            joined.append(link)
    return tuple(joined)


#: The prefix of a base64 ``data:`` URL holding a script.
_SCRIPT_URL = "data:text/javascript;base64,"


def _inline_script(link: str) -> str | None:
    """The code of a base64 ``data:`` script URL, or None for any other link."""
    if not link.startswith(_SCRIPT_URL):
        return None
    return base64.b64decode(link.removeprefix(_SCRIPT_URL)).decode("utf-8")


def _linked(element: Any) -> Iterator[Any]:
    """``element`` and its descendants that carry script or style links, in drawing order."""
    if getattr(element, "default_js", None) or getattr(element, "default_css", None):
        yield element
    for child in getattr(element, "_children", {}).values():
        yield from _linked(child)


def live_script(group: folium.FeatureGroup) -> str:
    """The JavaScript that adds the live layer ``group`` to the map in the frame."""
    import streamlit_folium as sf

    host = folium.Map(tiles=None)  # a stand-in parent; its name becomes the frame's map
    return sf._get_feature_group_string(group, map=host, idx=0)
