"""The map's places off the route and its per-report rings, as folium GeoJson layers.

Each layer is a ``folium.GeoJson`` fed with the project's own GeoJSON points
(:func:`routes.publish.geojson.places_geojson`), drawn by a ``folium.CircleMarker`` style per
layer.  A feature keeps its ``id`` and ``role`` and carries what the map adds: its popup's
number in the page's popup table and its tooltip; the contract's ``mentions`` are left out,
since the popup table already holds every sentence once.
"""

from __future__ import annotations

from typing import Any

import folium
from folium.plugins import MarkerCluster
from folium.utilities import JsCode

from routes.model import (
    HIDDEN_ROLES,
    STOP_ROLES,
    UNDRAWN_ROLES,
    Journey,
    LocatedPlace,
    Mention,
    Role,
)
from routes.publish import style
from routes.publish.geojson import places_geojson
from routes.publish.style import ROLE_LABELS, ROLE_LAYERS
from routes.publish.web.inline import CLUSTER_CSS, CLUSTER_JS
from routes.publish.web.popups import MAX_REPORT_LAYERS, POPUP_TABLE, PageIndex
from routes.publish.web.text import clip_text, escape, js_literal, slug

#: From this many context places on, they are clustered (stops never are).
CLUSTER_MIN = 50
#: Off-route layers in the order the layer control lists them.
_OFF_ROUTE: tuple[Role, ...] = (Role.CONTEXT, Role.ACTOR, Role.HISTORICAL, Role.RULED_OUT)


def add_other_places(
    fmap: folium.Map,
    journey: Journey,
    index: PageIndex,
    popup_options: dict[str, Any],
    *,
    show_context: bool,
) -> None:
    """Places off the route: context (grey, clustered when many), history, ruled out.

    Actors and datelines (:data:`UNDRAWN_ROLES`) are no places on the map and get no dot.
    """
    stops = {s.place.id for s in journey.route.stops}
    by_role: dict[Role, list[LocatedPlace]] = {}
    for located in journey.places:
        if located.place.id in stops or located.place.outline:
            continue
        if located.role in UNDRAWN_ROLES:
            continue
        role = Role(located.role) if located.role in ROLE_LAYERS else Role.CONTEXT
        if role in STOP_ROLES:
            role = Role.CONTEXT  # a stop the route could not use: shown, not as travelled
        by_role.setdefault(role, []).append(located)
    if not show_context:
        by_role.pop(Role.CONTEXT, None)
    points = _points(journey)
    for role in _OFF_ROUTE:
        places = by_role.get(role, [])
        if not places:
            continue
        features = [_feature(points[p.place.id], index.number(p), _tip(p, role)) for p in places]
        name, show = ROLE_LAYERS[role], role not in HIDDEN_ROLES
        clustered = role == Role.CONTEXT and len(places) >= CLUSTER_MIN
        layer = _layer(features, _place_style(role), popup_options, name, show, not clustered)
        if clustered:
            cluster = MarkerCluster(
                name=name,
                show=show,
                showCoverageOnHover=False,
                maxClusterRadius=40,
                disableClusteringAtZoom=9,
            )
            cluster.default_js, cluster.default_css = list(CLUSTER_JS), list(CLUSTER_CSS)
            layer.add_to(cluster)
            cluster.add_to(fmap)
        else:
            layer.add_to(fmap)


def add_report_layers(
    fmap: folium.Map,
    journey: Journey,
    index: PageIndex,
    popup_options: dict[str, Any],
    *,
    show_context: bool,
) -> None:
    """A hidden layer per report ringing the places it mentions, its sentences in the popups."""
    stops = {s.place.id for s in journey.route.stops}
    by_report: dict[str, list[tuple[LocatedPlace, list[Mention]]]] = {}
    for located in journey.places:
        if not show_context and located.role == Role.CONTEXT and located.place.id not in stops:
            continue
        if located.role in UNDRAWN_ROLES and located.place.id not in stops:
            continue
        own: dict[str, list[Mention]] = {}
        for mention in located.mentions:
            own.setdefault(mention.report_id, []).append(mention)
        for report_id, mentions in own.items():
            by_report.setdefault(report_id, []).append((located, mentions))
    listed = [r for r in journey.reports if r.id in by_report][:MAX_REPORT_LAYERS]
    points = _points(journey)
    for number, report in enumerate(listed):
        features = []
        for located, mentions in by_report[report.id]:
            only = LocatedPlace(located.place, located.role, tuple(mentions))
            features.append(_feature(points[located.place.id], index.number(only), None))
        ring = {
            "class_name": "rr-report-ring",
            "color": style.REPORT_RING_COLOURS[number % len(style.REPORT_RING_COLOURS)],
            "fill": False,
            "radius": 13,
            "weight": 3,
        }
        name = f"Report: {escape(clip_text(report.title or report.id, 60))}"
        _layer(features, ring, popup_options, name, False, True).add_to(fmap)


def _points(journey: Journey) -> dict[str, dict]:
    """The project's GeoJSON Point feature of every place, by id (route fields left null)."""
    return {f["properties"]["id"]: f for f in places_geojson(journey.places)["features"]}


def _feature(point: dict, popup: int, tip: str | None) -> dict:
    """The contract's Point with only what the map reads: id, role, popup number and tooltip.

    ``popup`` indexes the page's popup table; the tooltip is html-escaped text (Leaflet shows
    it as HTML), braces included, so no report text can open a template tag.
    """
    properties = point["properties"]
    kept = {"id": slug(properties["id"]), "role": properties["role"], "popup": popup}
    if tip is not None:
        kept["tip"] = escape(tip)
    return {"type": "Feature", "geometry": point["geometry"], "properties": kept}


def _tip(located: LocatedPlace, role: Role) -> str:
    """A place's tooltip: its name and what it is on this map."""
    return f"{located.place.name} ({ROLE_LABELS.get(role, str(role)).lower()})"


def _place_style(role: Role) -> dict[str, Any]:
    """The circle of an off-route place: small, muted, dashed when ruled out."""
    colour = style.role_colour(role)
    context = role == Role.CONTEXT
    return {
        "bubbling_mouse_events": False,
        "class_name": f"rr-place rr-{slug(role)}",
        "color": "#ffffff" if context else colour,
        "dash_array": "3 2" if role == Role.RULED_OUT else None,
        "fill_color": colour,
        "fill_opacity": 0.9 if context else 0.35,
        "radius": 5 if context else 6,
        "weight": 1.5,
    }


def _layer(
    features: list[dict],
    circle: dict[str, Any],
    popup_options: dict[str, Any],
    name: str,
    show: bool,
    control: bool,
) -> folium.GeoJson:
    """A GeoJson layer of ``features`` drawn as ``circle``, each with its popup and tooltip."""
    bind = JsCode(
        "function (feature, layer) {\n"
        "    var p = feature.properties;\n"
        '    layer.options.className += " rr-place-" + p.id;\n'
        f"    layer.bindPopup({POPUP_TABLE}[p.popup], {js_literal(popup_options)});\n"
        '    if (p.tip) layer.bindTooltip(p.tip, {"direction": "top"});\n'
        "}"
    )
    return folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        name=name,
        show=show,
        control=control,
        marker=folium.CircleMarker(**circle),
        on_each_feature=bind,
    )
