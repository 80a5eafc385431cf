"""Delta tables under the warehouse folder: append a batch's rows, then its marker."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from pathlib import Path

import duckdb
import pyarrow as pa
from deltalake import DeltaTable, WriterProperties, write_deltalake

from transforms.records import RawPage
from warehouse.schemas import ALL_TABLES, ARTICLES, BATCHES, RAW_PAGES, REJECTIONS, TableSpec

TABLES_DIR = "tables"


def table_path(warehouse: Path, spec: TableSpec) -> Path:
    return warehouse / TABLES_DIR / spec.name


def to_arrow(spec: TableSpec, rows: Sequence[object], lineage: dict[str, str] | None = None) -> pa.Table:
    """Rows as a table of the declared schema; lineage columns are filled in for every row."""
    dicts = [dataclasses.asdict(row) for row in rows]  # type: ignore[call-overload]
    if lineage:
        for row in dicts:
            row.update(lineage)
    return pa.Table.from_pylist(dicts, schema=spec.arrow)


def append_rows(warehouse: Path, spec: TableSpec, rows: Sequence[object],
                lineage: dict[str, str] | None = None) -> int:
    """One Delta commit; creates the table with its declared schema on first use."""
    if not rows:
        return 0
    # "merge" adds the columns a newer schema version declares to an older table.
    write_deltalake(str(table_path(warehouse, spec)), to_arrow(spec, rows, lineage), mode="append",
                    schema_mode="merge",
                    writer_properties=WriterProperties(compression=spec.compression))  # type: ignore[arg-type]
    return len(rows)


def ensure_tables(warehouse: Path) -> None:
    """Create every table empty, so views and queries work before the first article lands."""
    for spec in ALL_TABLES:
        path = table_path(warehouse, spec)
        if not DeltaTable.is_deltatable(str(path)):
            path.parent.mkdir(parents=True, exist_ok=True)
            write_deltalake(str(path), spec.arrow.empty_table(), mode="ignore",
                            name=spec.name, description=f"newsetl {spec.name}")


def table_files(warehouse: Path, spec: TableSpec) -> list[str]:
    """Parquet files of the table's current snapshot (not whatever files lie in the folder)."""
    path = table_path(warehouse, spec)
    if not DeltaTable.is_deltatable(str(path)):
        return []
    return [uri.removeprefix("file://") for uri in DeltaTable(str(path)).file_uris()]


def committed_doc_ids(warehouse: Path, doc_ids: Iterable[str]) -> set[str]:
    """Which of these documents already became an article or a rejection in a committed batch."""
    wanted = sorted(set(doc_ids))
    batch_files = table_files(warehouse, BATCHES)
    if not wanted or not batch_files:
        return set()
    found: set[str] = set()
    with duckdb.connect() as con:
        con.execute("CREATE TEMP TABLE wanted AS SELECT unnest(?::VARCHAR[]) AS doc_id", [wanted])
        for spec in (ARTICLES, REJECTIONS):
            files = table_files(warehouse, spec)
            if not files:
                continue
            rows = con.execute(
                "SELECT DISTINCT t.doc_id FROM read_parquet(?) t "
                "JOIN wanted w USING (doc_id) "
                "WHERE t.batch_id IN (SELECT batch_id FROM read_parquet(?))",
                [files, batch_files],
            ).fetchall()
            found.update(row[0] for row in rows)
    return found


def raw_page_urls(warehouse: Path) -> list[str]:
    """Every URL with fetched bytes in a committed batch, in a stable order."""
    files, batch_files = table_files(warehouse, RAW_PAGES), table_files(warehouse, BATCHES)
    if not files or not batch_files:
        return []
    with duckdb.connect() as con:
        rows = con.execute("SELECT DISTINCT url FROM read_parquet(?) "
                           "WHERE batch_id IN (SELECT batch_id FROM read_parquet(?)) ORDER BY url",
                           [files, batch_files]).fetchall()
    return [row[0] for row in rows]


def latest_raw_pages(warehouse: Path, urls: Iterable[str]) -> dict[str, RawPage]:
    """The newest committed fetch of each of these URLs that has one."""
    wanted = sorted(set(urls))
    files, batch_files = table_files(warehouse, RAW_PAGES), table_files(warehouse, BATCHES)
    if not wanted or not files or not batch_files:
        return {}
    names = [f.name for f in dataclasses.fields(RawPage)]
    with duckdb.connect() as con:
        con.execute("CREATE TEMP TABLE wanted AS SELECT unnest(?::VARCHAR[]) AS url", [wanted])
        rows = con.execute(
            f"SELECT {', '.join('r.' + n for n in names)} FROM read_parquet(?) r "
            "JOIN wanted w USING (url) JOIN read_parquet(?) b USING (batch_id) "
            "QUALIFY row_number() OVER (PARTITION BY r.url ORDER BY b.committed_at DESC, r.fetched_at DESC) = 1",
            [files, batch_files],
        ).fetchall()
    return {row[1]: RawPage(*row) for row in rows}
