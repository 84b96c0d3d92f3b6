"""GeoParquet tables of a batch: their Arrow schemas and a streaming writer.

The batch's own home (not ``routes/publish/``): these tables are written chunk by chunk
while workers still parse, which the one-journey exports of ``publish`` never need.
Geometry is WKB points in WGS84 with the GeoParquet 1.1 ``geo`` metadata, so GeoPandas,
QGIS, DuckDB and kepler.gl read the files as they are.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from pyproj import CRS

#: One row per place mention, in report order then text order.
MENTIONS = pa.schema(
    [
        ("report_id", pa.string()),
        ("title", pa.string()),
        ("outlet", pa.string()),
        ("published", pa.date32()),
        ("place_id", pa.string()),
        ("name", pa.string()),
        ("kind", pa.string()),
        ("geometry", pa.binary()),
        ("role", pa.string()),
        ("status", pa.string()),
        ("said_by", pa.string()),
        ("event_time", pa.string()),
        ("event_precision", pa.string()),
        ("text", pa.string()),
        ("quote", pa.string()),
        ("start", pa.int32()),
        ("end", pa.int32()),
    ]
)
#: One row per place mentioned anywhere in the batch.
PLACES = pa.schema(
    [
        ("place_id", pa.string()),
        ("name", pa.string()),
        ("kind", pa.string()),
        ("geometry", pa.binary()),
        ("n_mentions", pa.int64()),
        ("n_reports", pa.int64()),
        ("first_mention", pa.date32()),
        ("last_mention", pa.date32()),
    ]
)
#: One row per record read: the reports, and the records that could not be read.
REPORTS = pa.schema(
    [
        ("report_id", pa.string()),
        ("title", pa.string()),
        ("outlet", pa.string()),
        ("published", pa.date32()),
        ("language", pa.string()),
        ("traveller", pa.string()),
        ("n_mentions", pa.int64()),
        ("error", pa.string()),
    ]
)


def geo_schema(schema: pa.Schema) -> pa.Schema:
    """``schema`` with GeoParquet metadata declaring ``geometry`` as WGS84 points."""
    meta = {
        "version": "1.1.0",
        "primary_column": "geometry",
        "columns": {
            "geometry": {
                "encoding": "WKB",
                "geometry_types": ["Point"],
                "crs": _WGS84,
            }
        },
    }
    return schema.with_metadata({b"geo": json.dumps(meta).encode("utf-8")})


#: OGC:CRS84 (WGS84 as lon, lat) in PROJJSON, the GeoParquet default spelled out.
_WGS84 = CRS.from_user_input("OGC:CRS84").to_json_dict()


class TableWriter:
    """Append record batches to one Parquet file; close to finish it."""

    def __init__(self, path: Path, schema: pa.Schema) -> None:
        spatial = "geometry" in schema.names
        self.schema = geo_schema(schema) if spatial else schema
        self.path = path
        self._writer = pq.ParquetWriter(path, self.schema, compression="zstd")
        self.rows = 0

    def write(self, batch: pa.RecordBatch) -> None:
        """Append ``batch`` (of this writer's columns)."""
        if batch.num_rows:
            self._writer.write_batch(batch.cast(self.schema))
            self.rows += batch.num_rows

    def close(self) -> None:
        """Write the footer."""
        self._writer.close()
