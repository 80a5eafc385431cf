"""Delta tables under the warehouse folder: append a batch's rows, then its marker.

Reading committed rows back is warehouse/lookups.py.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa
from deltalake import DeltaTable, WriterProperties, write_deltalake

from warehouse.schemas import ALL_TABLES, TableSpec, month_of

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

TABLES_DIR = "tables"


def table_path(warehouse: Path, spec: TableSpec) -> Path:
    return warehouse / TABLES_DIR / spec.name


def to_arrow(spec: TableSpec, rows: Sequence[DataclassInstance], lineage: dict[str, str] | None = None) -> pa.Table:
    """Rows as a table of the declared schema; lineage columns are filled in for every row."""
    dicts = [dataclasses.asdict(row) for row in rows]
    if lineage:
        for row in dicts:
            row.update(lineage)
    if spec.partition is not None:
        for row in dicts:
            row[spec.partition.column] = month_of(row[spec.partition.source])
    return pa.Table.from_pylist(dicts, schema=spec.arrow)


def append_rows(
    warehouse: Path, spec: TableSpec, rows: Sequence[DataclassInstance], lineage: dict[str, str] | None = None
) -> int:
    """One Delta commit; creates the table with its declared schema on first use."""
    if not rows:
        return 0
    # "merge" adds the columns a newer schema version declares to an older table.
    path = table_path(warehouse, spec)
    write_deltalake(
        str(path),
        to_arrow(spec, rows, lineage),
        mode="append",
        schema_mode="merge",
        partition_by=partition_columns(path, spec),
        writer_properties=WriterProperties(compression=spec.compression),
    )
    return len(rows)


def partition_columns(path: Path, spec: TableSpec) -> list[str] | None:
    """The table's own partitioning: a table created before schema 7 stays unpartitioned (its rows take
    the partition column as a plain column); a new one is partitioned as its spec says."""
    if not DeltaTable.is_deltatable(str(path)):
        return spec.partition_by
    return list(DeltaTable(str(path)).metadata().partition_columns) or None


def ensure_tables(warehouse: Path) -> None:
    """Create every table empty, so views and queries work before the first article lands."""
    for spec in ALL_TABLES:
        path = table_path(warehouse, spec)
        if not DeltaTable.is_deltatable(str(path)):
            path.parent.mkdir(parents=True, exist_ok=True)
            write_deltalake(
                str(path),
                spec.arrow.empty_table(),
                mode="ignore",
                partition_by=spec.partition_by,
                name=spec.name,
                description=f"newsetl {spec.name}",
            )


def table_files(warehouse: Path, spec: TableSpec) -> list[str]:
    """Parquet files of the table's current snapshot (not whatever files lie in the folder)."""
    path = table_path(warehouse, spec)
    if not DeltaTable.is_deltatable(str(path)):
        return []
    return [uri.removeprefix("file://") for uri in DeltaTable(str(path)).file_uris()]


def compact_tables(warehouse: Path, min_files: int, retention_hours: int) -> dict[str, tuple[int, int]]:
    """Merge the small files of every table that has more than `min_files` (each batch adds a few,
    and every file is a path in the views and an open per query), then delete the replaced files
    once older than `retention_hours`. Rows and their batch ids are unchanged. Returns
    {table: (files before, files after)} for the tables compacted."""
    compacted = {}
    for spec in ALL_TABLES:
        path = str(table_path(warehouse, spec))
        if not DeltaTable.is_deltatable(path):
            continue
        table = DeltaTable(path)
        before = len(table.file_uris())
        if before <= min_files:
            continue
        table.optimize.compact()
        table.vacuum(retention_hours=retention_hours, dry_run=False, enforce_retention_duration=False)
        compacted[spec.name] = (before, len(DeltaTable(path).file_uris()))
    return compacted
