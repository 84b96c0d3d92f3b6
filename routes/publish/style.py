"""Colours and line styles shared by the HTML map and the PNG, so both read the same way."""

from __future__ import annotations

from collections.abc import Sequence

#: Route colour per country (ISO 3166-1 alpha-2) a rail leg runs through. Colour-blind-safe
#: hues from Paul Tol's "bright" and "vibrant" schemes (https://personal.sron.nl/~pault/).
COUNTRY_COLOURS: dict[str, str] = {
    "KP": "#CC3311",  # North Korea: vibrant red
    "RU": "#0077BB",  # Russia: vibrant blue
    "CN": "#EE7733",  # China: vibrant orange
    "KR": "#009988",  # South Korea: vibrant teal
    "MN": "#AA3377",  # Mongolia: bright purple
    "JP": "#33BBEE",  # Japan: vibrant cyan
}
#: Rail in a country without its own colour.
DEFAULT_ROUTE_COLOUR = "#882255"
#: A gap with no known track between two stops (drawn dashed, never as if it were rail).
NO_RAIL_COLOUR = "#555555"
NO_RAIL_DASH = (6, 4)  # matplotlib on/off lengths in points; "6 4" as an SVG dash array

#: Marker fill per journey role (roles from routes.model.ROLES).
ROLE_COLOURS: dict[str, str] = {
    "origin": "#228833",
    "via": "#4477AA",
    "border": "#EE7733",
    "destination": "#AA3377",
    "context": "#9A9A9A",
    "historical": "#BBBBBB",
    "ruled-out": "#BBBBBB",
    "actor": "#9A9A9A",
}
#: Light fill of the areas a report mentions (e.g. the Russian Far East).
AREA_FILL = "#DDAA33"
AREA_FILL_OPACITY = 0.12
#: Offline basemap colours: land, sea, lakes, coast and national borders.
LAND_COLOUR = "#F4F1EA"
SEA_COLOUR = "#DCE9F2"
COAST_COLOUR = "#7F9CB0"
BORDER_COLOUR = "#8C6D8C"
#: Readable names of the countries coloured above, for legends.
COUNTRY_NAMES: dict[str, str] = {
    "KP": "North Korea",
    "RU": "Russia",
    "CN": "China",
    "KR": "South Korea",
    "MN": "Mongolia",
    "JP": "Japan",
}


def country_colour(country: str) -> str:
    """The route colour of rail in ``country`` (ISO alpha-2, any case)."""
    return COUNTRY_COLOURS.get(country.upper(), DEFAULT_ROUTE_COLOUR)


def route_colour(kind: str, countries: Sequence[str] = ()) -> str:
    """The colour of a leg: grey for no-rail, else the colour of its first country.

    Parameters
    ----------
    kind
        The leg kind, "rail" or "no-rail".
    countries
        The countries the leg runs through, in travel order (``Leg.countries``).
    """
    if kind != "rail":
        return NO_RAIL_COLOUR
    return country_colour(countries[0]) if countries else DEFAULT_ROUTE_COLOUR


def role_colour(role: str) -> str:
    """The marker colour of a place with journey ``role``."""
    return ROLE_COLOURS.get(role, ROLE_COLOURS["context"])
