"""Views written out as files for people who take the data elsewhere: Parquet, CSV or JSON lines.

The rows come through the same locked-down, read-only connection as `newsetl sql` (the filter is
SQL a person typed), and are streamed to a temporary file in record batches, so a view larger than
memory exports in bounded memory; each file is renamed into place only when it is whole.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from warehouse.query import QueryRefused, connect_views, read_statements

ROWS_PER_BATCH = 50_000


class ExportFormat(StrEnum):
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"


@dataclass(frozen=True, slots=True)
class ExportedView:
    view: str
    path: Path
    rows: int


def public_views(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The views an analyst queries (the private per-table ones start with an underscore)."""
    rows = con.execute(
        "SELECT view_name FROM duckdb_views() WHERE NOT internal AND view_name NOT LIKE '\\_%' ESCAPE '\\' "
        "ORDER BY view_name"
    ).fetchall()
    return [row[0] for row in rows]


def nested_columns(con: duckdb.DuckDBPyConnection, view: str) -> list[str]:
    """Columns holding lists, structs or maps, which a CSV cell cannot hold as they are."""
    rows = con.execute(f'DESCRIBE SELECT * FROM "{view}"').fetchall()
    return [name for name, kind, *_ in rows if kind.endswith("]") or kind.startswith(("STRUCT", "MAP"))]


def export_query(view: str, where: str | None, as_json: Sequence[str] = ()) -> str:
    """The one SELECT an export runs; a filter that smuggles in a second statement is refused.

    `as_json`: nested columns written as JSON text (for CSV).
    """
    replaced = ", ".join(f'CAST(to_json("{name}") AS VARCHAR) AS "{name}"' for name in as_json)
    star = f"* REPLACE ({replaced})" if replaced else "*"
    sql = f'SELECT {star} FROM "{view}"' + (f" WHERE {where}" if where and where.strip() else "")
    read_statements(sql)
    if len(duckdb.extract_statements(sql)) != 1:
        raise QueryRefused("--where must be one condition, e.g. \"published_date >= '2026-01-01'\"")
    return sql


def _write_parquet(reader: pa.RecordBatchReader, path: Path) -> int:
    rows = 0
    with pq.ParquetWriter(path, reader.schema, compression="zstd") as writer:
        for batch in reader:
            writer.write_batch(batch)
            rows += batch.num_rows
    return rows


def _write_csv(reader: pa.RecordBatchReader, path: Path) -> int:
    rows = 0
    with pa_csv.CSVWriter(path, reader.schema) as writer:
        for batch in reader:
            writer.write_batch(batch)
            rows += batch.num_rows
    return rows


def _write_jsonl(reader: pa.RecordBatchReader, path: Path) -> int:
    rows = 0
    with path.open("w", encoding="utf-8") as out:
        for batch in reader:
            for row in batch.to_pylist():
                # Dates and times as ISO text, which every JSON reader (DuckDB's included) takes back.
                out.write(json.dumps(row, ensure_ascii=False, default=_iso) + "\n")
            rows += batch.num_rows
    return rows


def _iso(value: object) -> str:
    isoformat = getattr(value, "isoformat", None)
    return isoformat() if callable(isoformat) else str(value)


WRITERS = {ExportFormat.parquet: _write_parquet, ExportFormat.csv: _write_csv, ExportFormat.jsonl: _write_jsonl}


def export_views(
    warehouse: Path,
    directory: Path,
    export_format: ExportFormat,
    views: Sequence[str] = (),
    where: str | None = None,
    views_file: Path | None = None,
) -> list[ExportedView]:
    """Write each view (every public view when none is named) to `directory/<view>.<format>`.

    `where` filters rows and needs exactly one view (columns differ between views).
    `views_file`: a views database over an earlier commit (warehouse/history.py).
    """
    if where and len(views) != 1:
        raise QueryRefused("--where needs exactly one --view: the views have different columns")
    directory.mkdir(parents=True, exist_ok=True)
    exported = []
    with connect_views(warehouse, views_file) as con:
        known = public_views(con)
        unknown = [name for name in views if name not in known]
        if unknown:
            raise QueryRefused(f"no view named {', '.join(unknown)}: the views are {', '.join(known)}")
        for view in views or known:
            as_json = nested_columns(con, view) if export_format is ExportFormat.csv else []
            sql = export_query(view, where, as_json)
            target = directory / f"{view}.{export_format.value}"
            temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
            try:
                reader = con.sql(sql).to_arrow_reader(ROWS_PER_BATCH)
                rows = WRITERS[export_format](reader, temporary)
                os.replace(temporary, target)
            finally:
                temporary.unlink(missing_ok=True)
            exported.append(ExportedView(view, target, rows))
    return exported
