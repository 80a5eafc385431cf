"""Delta tables under the warehouse folder: append a batch's rows, then its marker."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from pathlib import Path

import duckdb
import pyarrow as pa
from deltalake import DeltaTable, WriterProperties, write_deltalake

from transforms.records import BATCH_FAILED, RawPage, RunSummary
from warehouse.schemas import (ALL_TABLES, ARTICLES, BATCHES, LSH_BANDS, MINHASH_SIGNATURES, RAW_PAGES, REJECTIONS,
                               RUNS, SITE_LINES, TableSpec)

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
            # A document of a failed batch is not done: the next run tries it again.
            retry = " AND t.reason <> ?" if spec is REJECTIONS else ""
            rows = con.execute(
                "SELECT DISTINCT t.doc_id FROM read_parquet(?) t "
                "JOIN wanted w USING (doc_id) "
                "WHERE t.batch_id IN (SELECT batch_id FROM read_parquet(?))" + retry,
                [files, batch_files] + ([BATCH_FAILED] if retry else []),
            ).fetchall()
            found.update(row[0] for row in rows)
    return found


def unfinished_runs(warehouse: Path, also: Iterable[str] = ()) -> list[RunSummary]:
    """Runs whose last row says running, and the run ids in `also` that have no row at all.

    Only meaningful while holding the warehouse lock: then none of them is still alive.
    Counts are what they committed (their batches) before they stopped; a run with no
    row has no start time (started_at None) for the caller to fill in.
    """
    runs_files, batch_files = table_files(warehouse, RUNS), table_files(warehouse, BATCHES)
    latest: dict[str, tuple] = {}
    committed: dict[str, tuple] = {}
    with duckdb.connect() as con:
        if runs_files:
            for run_id, started_at, sources, seen, status in con.execute(
                    "SELECT run_id, started_at, sources, documents_seen, status FROM read_parquet(?) "
                    "QUALIFY row_number() OVER (PARTITION BY run_id ORDER BY finished_at DESC NULLS LAST) = 1",
                    [runs_files]).fetchall():
                latest[run_id] = (started_at, sources, seen, status)
        if batch_files:
            for run_id, *sums in con.execute(
                    "SELECT run_id, sum(articles), sum(rejections), count(*) FROM read_parquet(?) "
                    "GROUP BY run_id", [batch_files]).fetchall():
                committed[run_id] = tuple(int(n) for n in sums)
    cut_short = {run_id for run_id, (*_, status) in latest.items() if status == "running"}
    cut_short |= {run_id for run_id in also if run_id not in latest}
    summaries = []
    for run_id in sorted(cut_short):
        started_at, sources, seen, _ = latest.get(run_id, (None, 0, 0, None))
        articles, rejections, batches = committed.get(run_id, (0, 0, 0))
        summaries.append(RunSummary(run_id=run_id, started_at=started_at, finished_at=None, status="running",
                                    sources=sources, documents_seen=seen, documents_skipped=0,
                                    articles=articles, entity_mentions=0, figures=0, rejections=rejections,
                                    batches=batches))
    return summaries


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


def committed_band_matches(warehouse: Path, band_keys: Iterable[str],
                           scheme: str) -> list[tuple[str, str, bytes, list[str]]]:
    """Committed articles sharing any of these LSH band keys: (article_id, cluster_id, signature, keys).

    Only signatures of the same scheme compare; only committed batches count, so the
    rows of a crashed batch are never anyone's earlier copy.
    """
    wanted = sorted(set(band_keys))
    batch_files = table_files(warehouse, BATCHES)
    band_files = table_files(warehouse, LSH_BANDS)
    signature_files = table_files(warehouse, MINHASH_SIGNATURES)
    if not wanted or not batch_files or not band_files or not signature_files:
        return []
    with duckdb.connect() as con:
        con.execute("CREATE TEMP TABLE wanted AS SELECT unnest(?::VARCHAR[]) AS band_key", [wanted])
        con.execute("CREATE TEMP TABLE committed AS SELECT DISTINCT batch_id FROM read_parquet(?)", [batch_files])
        rows = con.execute(
            "WITH hits AS ("
            "  SELECT b.article_id, list(DISTINCT b.band_key ORDER BY b.band_key) AS keys "
            "  FROM read_parquet(?) b JOIN wanted w USING (band_key) JOIN committed c USING (batch_id) "
            "  GROUP BY b.article_id) "
            "SELECT s.article_id, min(s.cluster_id), any_value(s.signature), any_value(h.keys) "
            "FROM read_parquet(?) s JOIN hits h USING (article_id) JOIN committed c USING (batch_id) "
            "WHERE s.scheme = ? GROUP BY s.article_id ORDER BY s.article_id",
            [band_files, signature_files, scheme],
        ).fetchall()
    return [(article_id, cluster_id, bytes(signature), list(keys)) for article_id, cluster_id, signature, keys in rows]


def committed_site_chrome(warehouse: Path, min_stories: int) -> frozenset[str]:
    """Line hashes (transforms.boilerplate.line_hash) found in at least `min_stories` stories of their site.

    A story is a near-duplicate cluster as assigned at ingest, so copies count once.
    The `site_boilerplate` view shows the same counts with the lines.
    """
    batch_files = table_files(warehouse, BATCHES)
    line_files = table_files(warehouse, SITE_LINES)
    article_files = table_files(warehouse, ARTICLES)
    if not batch_files or not line_files or not article_files:
        return frozenset()
    with duckdb.connect() as con:
        con.execute("CREATE TEMP TABLE committed AS SELECT DISTINCT batch_id FROM read_parquet(?)", [batch_files])
        rows = con.execute(
            "WITH stories AS ("
            "  SELECT a.article_id, min(a.cluster_id) AS cluster_id FROM read_parquet(?) a "
            "  JOIN committed USING (batch_id) GROUP BY a.article_id) "
            "SELECT l.line_hash FROM read_parquet(?) l JOIN committed USING (batch_id) "
            "JOIN stories s USING (article_id) "
            "GROUP BY l.line_hash HAVING count(DISTINCT s.cluster_id) >= ?",
            [article_files, line_files, min_stories],
        ).fetchall()
    return frozenset(row[0] for row in rows)


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
