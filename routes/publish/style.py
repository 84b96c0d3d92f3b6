"""Colours and line styles shared by the HTML map and the PNG, so both read the same way."""

from __future__ import annotations

from collections.abc import Sequence

from routes.model import Journey, LegKind, Role, Status

#: Route colour per country (ISO 3166-1 alpha-2) a rail leg runs through. Colour-blind-safe
#: hues from Paul Tol's "bright", "vibrant" and "muted" schemes (https://personal.sron.nl/~pault/),
#: darkened where needed so that every route and marker colour of this module reaches WCAG's
#: 3:1 for graphics on the land, the sea and the white casing (tests/test_png_contrast.py).
COUNTRY_COLOURS: dict[str, str] = {
    "KP": "#CC3311",  # North Korea: vibrant red
    "RU": "#0077BB",  # Russia: vibrant blue
    "CN": "#C45A00",  # China: vibrant orange, darkened
    "KR": "#007A6E",  # South Korea: vibrant teal, darkened
    "MN": "#AA3377",  # Mongolia: bright purple
    "JP": "#332288",  # Japan: muted indigo
}
#: Rail colours, in the order they are given out, for the countries of a journey that have no
#: colour above: Tol's "muted" green, a violet from ColorBrewer's Spectral and a brown from its
#: BrBG, all clear of the colours above and of the role markers (same contrast test).
SPARE_COUNTRY_COLOURS: tuple[str, ...] = ("#117733", "#5E4FA2", "#8C510A")
#: Rail whose country is not known.
DEFAULT_ROUTE_COLOUR = "#882255"
#: A gap with no known track between two stops (drawn dashed, never as if it were rail).
NO_RAIL_COLOUR = "#555555"
NO_RAIL_DASH = (6, 4)  # matplotlib on/off lengths in points; "6 4" as an SVG dash array
#: A leg the reports say was flown, drawn as a geodesic arc: a dark cyan, dotted. The labels
#: of these legs are written in their colour, so each reaches 4.5:1 on white.
AIR_COLOUR, AIR_DASH = "#117A8B", (1, 3)
#: A leg the reports say was driven: Tol "bright" yellow-brown darkened, long dashes.
ROAD_COLOUR, ROAD_DASH = "#8A6A00", (10, 3)
#: Colour and dash of each leg kind that is not rail.
LEG_STYLES: dict[str, tuple[str, tuple[int, int]]] = {
    LegKind.NO_RAIL: (NO_RAIL_COLOUR, NO_RAIL_DASH),
    LegKind.AIR: (AIR_COLOUR, AIR_DASH),
    LegKind.ROAD: (ROAD_COLOUR, ROAD_DASH),
}
#: How the maps label a leg that is not rail.
LEG_LABELS: dict[str, str] = {
    LegKind.NO_RAIL: "No known rail (gap)",
    LegKind.AIR: "Flown (as reported)",
    LegKind.ROAD: "By road (as reported)",
}

#: Marker fill per journey role. Stop markers carry their number in white, so each stop role
#: reaches WCAG's 4.5:1 for text against white (the border orange is darkened for that); the
#: grey of other places reaches 3:1 for graphics on the land and the sea.
ROLE_COLOURS: dict[Role, str] = {
    Role.ORIGIN: "#228833",
    Role.VIA: "#4477AA",
    Role.BORDER: "#B85A1E",
    Role.DESTINATION: "#AA3377",
    Role.CONTEXT: "#767676",
    Role.HISTORICAL: "#808080",
    Role.RULED_OUT: "#808080",
    Role.ACTOR: "#767676",
    Role.DATELINE: "#767676",
}
#: Display names of roles in popups, cards and legends.
ROLE_LABELS: dict[Role, str] = {
    Role.ORIGIN: "Origin",
    Role.VIA: "Stop on the way",
    Role.BORDER: "Border crossing",
    Role.DESTINATION: "Destination",
    Role.CONTEXT: "Context",
    Role.HISTORICAL: "Historical",
    Role.RULED_OUT: "Ruled out",
    Role.ACTOR: "Actor",
    Role.DATELINE: "Dateline",
}
#: Layer-control names of the role layers of the HTML map.
ROLE_LAYERS: dict[Role, str] = {
    Role.ORIGIN: "Origin",
    Role.VIA: "Stops on the way",
    Role.BORDER: "Border crossing",
    Role.DESTINATION: "Destination",
    Role.CONTEXT: "Context places",
    Role.HISTORICAL: "Historical mentions",
    Role.RULED_OUT: "Ruled-out places",
    Role.ACTOR: "Actors (governments, agencies)",
    Role.DATELINE: "Datelines",
}
#: Which stop's name label stays when two overlap on the web map: the ends of the journey
#: first, then its border crossings, then the stops on the way (then the earlier stop).
LABEL_ORDER: tuple[Role, ...] = (Role.ORIGIN, Role.DESTINATION, Role.BORDER, Role.VIA)
#: What every view (map popup, dashboard card, legends of map.html and the PNG) calls a stop the
#: user added by hand, and the note its card carries (no sentence places it there).
ADDED_BY_HAND = "Added by hand"
ADDED_BY_HAND_NOTE = f"{ADDED_BY_HAND}; no report mentions it."
#: The dashed ring drawn around such a stop's marker (≥ 3:1 on land, sea and white), and its
#: dash (matplotlib on/off points; "3 2" in CSS and SVG).
ADDED_RING_COLOUR = "#222222"
ADDED_RING_DASH = (3, 2)
#: Colours of statuses in charts (the dashboard's timeline, on white); Paul Tol's "bright"
#: scheme, yellow and grey darkened to 3:1 on white.
STATUS_COLOURS: dict[Status, str] = {
    Status.REPORTED: "#4477AA",
    Status.EXPECTED: "#228833",
    Status.SPECULATIVE: "#857500",
    Status.SUPERSEDED: "#EE6677",
    Status.DENIED: "#AA3377",
    Status.RULED_OUT: "#808080",
}
#: Ring colours of the HTML map's per-report layers, in turn (Paul Tol's "muted" scheme, its
#: light hues darkened to 3:1 on the land and the sea).
REPORT_RING_COLOURS: tuple[str, ...] = (
    "#332288",
    "#117733",
    "#2B7A6E",
    "#1F6F99",
    "#8A6A00",
    "#B04A5A",
    "#AA4499",
    "#882255",
)
#: Status chips in popups and cards: (background, text colour), ≥ 4.5:1 contrast.
STATUS_CHIPS: dict[Status, tuple[str, str]] = {
    Status.REPORTED: ("#e3e8ef", "#345"),
    Status.EXPECTED: ("#fff0d6", "#8a5a00"),
    Status.SPECULATIVE: ("#fff0d6", "#8a5a00"),
    Status.DENIED: ("#fde2e2", "#8a1f1f"),
    Status.RULED_OUT: ("#fde2e2", "#8a1f1f"),
    Status.SUPERSEDED: ("#eee", "#666"),
}
#: Light fill of the areas a report mentions (e.g. the Russian Far East).
AREA_FILL = "#DDAA33"
AREA_FILL_OPACITY = 0.12
#: The dashed outline of those areas (≥ 3:1 on the land) and their names (≥ 4.5:1).
AREA_EDGE = "#8A6410"
AREA_TEXT = "#7A5A00"
#: Offline basemap colours: land, sea, lakes, coast and national borders. Land and sea are
#: too close to tell apart (1.1:1), so the coastline carries the shape: it reaches WCAG's 3:1
#: for graphics on both, as the borders do.
LAND_COLOUR = "#F4F1EA"
SEA_COLOUR = "#DCE9F2"
COAST_COLOUR = "#668399"
BORDER_COLOUR = "#8C6D8C"
#: The faint meridians and parallels and their opacity: decoration under the map (nothing is
#: read from them), so deliberately below the 3:1 of the graphics that carry meaning.
GRATICULE_COLOUR, GRATICULE_ALPHA = "#9BB0BF", 0.6
#: Static map text and lines: numbers on stop markers, grey names of other places, names of
#: countries and regions, callout text, frame and leader lines.
MARKER_TEXT_COLOUR = "#FFFFFF"
CONTEXT_TEXT = "#6E6E6E"
AREA_NAME_COLOUR = "#6E6E6E"
CALLOUT_TEXT = "#333333"
CREDIT_TEXT = "#555555"
SEA_TEXT = "#3D6889"  # sea names, 4.8:1 on SEA_COLOUR
INSET_FRAME_COLOUR = "#CC3311"  # the main map's outline on the locator inset
#: Edges of the white boxes over the map (callouts, the legend): 3:1 on white, land and sea.
CALLOUT_EDGE = "#7A7A7A"
LEADER_COLOUR = "#555555"
#: The outline of the map panel and of the locator inset.
FRAME_COLOUR = "#555555"
#: Near-black ink of the scale bar, the north arrow and the border-crossing mark.
INK_COLOUR = "#222222"
#: Title, subtitle and stop names of the static map (on white, or a white halo).
TITLE_TEXT = "#111111"
SUBTITLE_TEXT = "#444444"
STOP_NAME_TEXT = "#1A1A1A"


def country_colours(countries: Sequence[str]) -> dict[str, str]:
    """The rail colour of each country of one journey, given in travel order.

    A country in :data:`COUNTRY_COLOURS` keeps its own colour; any other takes the first
    :data:`SPARE_COUNTRY_COLOURS` colour that no country of the journey has yet, so two
    countries of one map never share a colour while spares last (after that, the spare
    colours repeat, skipping the colour of the country just before). Empty codes are left out.
    """
    colours: dict[str, str] = {}
    codes = list(dict.fromkeys(c.upper() for c in countries if c))
    for code in codes:
        if code in COUNTRY_COLOURS:
            colours[code] = COUNTRY_COLOURS[code]
    for at, code in enumerate(codes):
        if code not in colours:
            previous = colours.get(codes[at - 1]) if at else None
            colours[code] = _spare_colour(set(colours.values()), previous)
    return {code: colours[code] for code in codes}


def _spare_colour(taken: set[str], previous: str | None) -> str:
    """The first spare colour not ``taken``, else the first that is not ``previous``."""
    for colour in SPARE_COUNTRY_COLOURS:
        if colour not in taken:
            return colour
    return next(c for c in SPARE_COUNTRY_COLOURS if c != previous)


def route_colour(kind: str, countries: Sequence[str], colours: dict[str, str]) -> str:
    """The colour of a leg: its kind's for a leg that is not rail, else its first country's.

    Parameters
    ----------
    kind
        The leg kind (``LegKind``): rail, air, road or no-rail.
    countries
        The countries the leg runs through, in travel order (``Leg.countries``).
    colours
        The journey's country colours (:func:`country_colours`); a country missing from it
        (or a leg with no country) is drawn in :data:`DEFAULT_ROUTE_COLOUR`.
    """
    if kind != LegKind.RAIL:
        return leg_dash_style(kind)[0]
    if not countries:
        return DEFAULT_ROUTE_COLOUR
    return colours.get(countries[0].upper(), DEFAULT_ROUTE_COLOUR)


def leg_dash_style(kind: str) -> tuple[str, tuple[int, int]]:
    """Colour and dash pattern of a leg that is not rail (no-rail for unknown kinds)."""
    return LEG_STYLES.get(kind, LEG_STYLES[LegKind.NO_RAIL])


def role_colour(role: str) -> str:
    """The marker colour of a place with journey ``role``."""
    return ROLE_COLOURS.get(role, ROLE_COLOURS[Role.CONTEXT])


def added_by_hand(journey: Journey) -> frozenset[str]:
    """Ids of the stops drawn as added by hand: the user added them and no report names them."""
    mentioned = {p.place.id for p in journey.places if p.mentions}
    added = set(journey.corrections.added)
    stops = (s.place.id for s in journey.route.stops)
    return frozenset(pid for pid in stops if pid in added or pid not in mentioned)


def css_variables() -> str:
    """A ``:root`` rule declaring this module's colours as CSS custom properties.

    The HTML map's stylesheet (``web/assets/map.css``) reads these variables, so a
    colour changed here changes the PNG, the HTML map and the dashboard alike.
    """
    pairs = [
        ("sea", SEA_COLOUR),
        ("land", LAND_COLOUR),
        ("area-fill", AREA_FILL),
        ("area-edge", AREA_EDGE),
        ("added", ADDED_RING_COLOUR),
    ]
    pairs += [(f"leg-{kind}", colour) for kind, (colour, _dash) in LEG_STYLES.items()]
    pairs += [(f"role-{role}", colour) for role, colour in ROLE_COLOURS.items()]
    for status, (background, text) in STATUS_CHIPS.items():
        pairs += [(f"status-{status}-bg", background), (f"status-{status}-fg", text)]
    return ":root{" + "".join(f"--rr-{name}:{value};" for name, value in pairs) + "}"
