"""The DuckDB database of views analysts open: rebuilt after each commit, swapped in atomically."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from warehouse.schemas import ALL_TABLES, TableSpec
from warehouse.store import table_files

VIEWS_FILE = "newsetl.duckdb"

_DUCKDB_TYPES = {
    pa.string(): "VARCHAR",
    pa.int64(): "BIGINT",
    pa.float64(): "DOUBLE",
    pa.bool_(): "BOOLEAN",
    pa.date32(): "DATE",
    pa.timestamp("us", tz="UTC"): "TIMESTAMPTZ",
    pa.binary(): "BLOB",
}


def views_path(warehouse: Path) -> Path:
    return warehouse / VIEWS_FILE


def sql_text(folder: str, name: str) -> str:
    return resources.files("warehouse").joinpath("sql", folder, name).read_text(encoding="utf-8")


def sql_names(folder: str) -> list[str]:
    return sorted(p.name for p in resources.files("warehouse").joinpath("sql", folder).iterdir()
                  if p.name.endswith(".sql"))


def _quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def snapshot_view_sql(spec: TableSpec, files: list[str]) -> str:
    """A view over exactly the snapshot's Parquet files; typed and empty when there are none.

    File paths are written into the view because a view cannot take parameters;
    they come from the Delta log, and are quoted.
    """
    if files:
        listing = ", ".join(_quote(f) for f in files)
        # union_by_name: files written before a column was added read it as NULL.
        return f"CREATE VIEW _{spec.name} AS SELECT * FROM read_parquet([{listing}], union_by_name = true)"
    columns = ", ".join(f"CAST(NULL AS {_DUCKDB_TYPES[field.type]}) AS {field.name}" for field in spec.arrow)
    return f"CREATE VIEW _{spec.name} AS SELECT {columns} WHERE false"


def publish_views(warehouse: Path) -> Path:
    """Write the views to a new file and rename it over the old: readers never see half of it."""
    target = views_path(warehouse)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    temporary.unlink(missing_ok=True)
    try:
        with duckdb.connect(str(temporary)) as con:
            for spec in ALL_TABLES:
                con.execute(snapshot_view_sql(spec, table_files(warehouse, spec)))
            for name in sql_names("views"):
                con.execute(sql_text("views", name))
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    return target


def query(warehouse: Path, sql: str, parameters: list[Any] | None = None) -> tuple[list[str], list[tuple]]:
    """Run SQL over the published views, read-only: the pipeline is never blocked by a reader."""
    path = views_path(warehouse)
    if not path.exists():
        raise FileNotFoundError(f"no views database at {path}: run 'newsetl run' first "
                                "(or point --warehouse / NEWSETL_WAREHOUSE at an existing warehouse)")
    with duckdb.connect(str(path), read_only=True) as con:
        cursor = con.execute(sql, parameters or [])
        columns = [d[0] for d in cursor.description] if cursor.description else []
        return columns, cursor.fetchall()


def failed_checks(warehouse: Path) -> dict[str, int]:
    """Each SQL check that returns rows, with how many: empty means the warehouse is sound."""
    failures = {}
    for name in sql_names("checks"):
        _, rows = query(warehouse, sql_text("checks", name))
        if rows:
            failures[name.removesuffix(".sql")] = len(rows)
    return failures
