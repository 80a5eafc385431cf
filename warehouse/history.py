"""The warehouse as it was: its commits, and the views over any earlier one (Delta time travel).

A batch's rows become visible when its marker row lands in `batches` (one Delta commit of that
table per batch), so the warehouse's history is the list of those commits. Commit k is the k-th of
them, counted from 0 in the order they were made; the warehouse "as of commit k" is every table at
the newest Delta version no later than that commit's timestamp. The views still show only batches
with a marker, so the rows of a later batch written within the same millisecond stay hidden.

Old versions stay readable until compaction's vacuum deletes the files they name
(`vacuum_retention_hours`); asking for one older than that is an error that says so.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
from deltalake import DeltaTable
from pyarrow import fs

from warehouse.query import check_readable, query, sql_names, sql_text
from warehouse.schemas import ALL_TABLES, BATCHES, TableSpec
from warehouse.store import table_path
from warehouse.views import snapshot_view_sql


class HistoryUnavailable(LookupError):
    """The commit or time asked for is not in the warehouse's history; the message says what is."""


@dataclass(frozen=True, slots=True)
class Commit:
    """One committed batch: when its marker landed and what it brought."""

    number: int  # 0 for the warehouse's first commit
    version: int  # of the batches table
    committed_at: datetime  # Delta's commit timestamp, UTC
    run_id: str | None
    batch_id: str | None
    purpose: str | None
    documents: int | None
    articles: int | None
    rejections: int | None


def _marker_versions(batches: DeltaTable) -> list[tuple[int, datetime]]:
    """Versions of the batches table that appended marker rows (not its creation, not compaction)."""
    found = []
    for entry in batches.history():
        metrics = entry.get("operationMetrics") or {}
        if entry.get("operation") == "WRITE" and int(metrics.get("num_added_rows", 0) or 0) > 0:
            found.append((int(entry["version"]), datetime.fromtimestamp(entry["timestamp"] / 1000, tz=UTC)))
    return sorted(found)


def commits(warehouse: Path) -> list[Commit]:
    """Every commit still in the Delta log, oldest first, with the marker row each one added.

    Markers are appended one per commit in the order their batches finished, so the k-th marker by
    `committed_at` belongs to the k-th marker commit.
    """
    check_readable(warehouse)
    path = str(table_path(warehouse, BATCHES))
    if not DeltaTable.is_deltatable(path):
        return []
    table = DeltaTable(path)
    versions = _marker_versions(table)
    rows = read_local_table(table, path)
    rows = rows.take(pc.sort_indices(rows, sort_keys=[("committed_at", "ascending")])).to_pylist()
    if len(rows) != len(versions):  # the log was cleaned of its oldest entries: match from the newest
        rows = rows[-len(versions) :] if len(rows) > len(versions) else [{}] * (len(versions) - len(rows)) + rows
    return [
        Commit(
            number=number,
            version=version,
            committed_at=timestamp,
            run_id=row.get("run_id"),
            batch_id=row.get("batch_id"),
            purpose=row.get("purpose") or ("ingest" if row else None),
            documents=row.get("documents"),
            articles=row.get("articles"),
            rejections=row.get("rejections"),
        )
        for number, ((version, timestamp), row) in enumerate(zip(versions, rows, strict=True))
    ]


def read_local_table(table: DeltaTable, path: str) -> pa.Table:
    """The table's rows, read through Arrow's own local filesystem rather than deltalake's default.

    The default filesystem is written in Python: Arrow's worker threads then hold Python buffers, and
    the scan releases the last of them on a worker after `to_table` has returned. When that happens while
    the interpreter is shutting down, the worker cannot take the GIL, Python ends the thread, and the C++
    runtime aborts the process ("terminate called without an active exception", exit code 134, after
    the command's output). Native reads hold no Python objects, so nothing is left to release.
    """
    return table.to_pyarrow_table(filesystem=fs.SubTreeFileSystem(path, fs.LocalFileSystem()))


def parse_as_of(value: str) -> int | datetime:
    """A commit number (`0`, `12`) or an ISO date/time (`2026-11-20`, `2026-11-20T06:00+01:00`; UTC if no zone)."""
    text = value.strip()
    if text.isdigit():
        return int(text)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise HistoryUnavailable(
            f"--as-of {value!r} is neither a commit number nor a date/time: give a number from "
            "'newsetl history' or an ISO time such as 2026-11-20T06:00"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def find_commit(history: list[Commit], as_of: int | datetime) -> Commit:
    """The commit a number names, or the newest commit made at or before a time."""
    if not history:
        raise HistoryUnavailable("the warehouse has no commits yet: run 'newsetl run' first")
    if isinstance(as_of, int):
        if as_of >= len(history):
            raise HistoryUnavailable(
                f"no commit {as_of}: the warehouse has commits 0 to {len(history) - 1} (see 'newsetl history')"
            )
        return history[as_of]
    earlier = [commit for commit in history if commit.committed_at <= as_of]
    if not earlier:
        raise HistoryUnavailable(
            f"nothing was committed by {as_of.isoformat()}: the first commit is at "
            f"{history[0].committed_at.isoformat()}"
        )
    return earlier[-1]


def _files_as_of(warehouse: Path, spec: TableSpec, commit: Commit) -> list[str]:
    path = str(table_path(warehouse, spec))
    if not DeltaTable.is_deltatable(path):
        return []
    table = DeltaTable(path)
    operations = {int(entry["version"]): entry.get("operation") for entry in table.history()}  # the newest log's
    try:
        table.load_as_version(commit.version if spec is BATCHES else commit.committed_at)
    except Exception:  # noqa: BLE001 - delta-rs raises plain exceptions: the table was created after the commit
        return []
    # The same rows in newer files: compaction after the commit rewrote them, and vacuum may since have
    # deleted the files the commit itself named.
    later = _same_data_version(operations, table.version())
    if later != table.version():
        table.load_as_version(later)
    files = [uri.removeprefix("file://") for uri in table.file_uris()]
    missing = [name for name in files if not Path(name).is_file()]
    if missing:
        raise HistoryUnavailable(
            f"commit {commit.number} ({commit.committed_at.isoformat()}) can no longer be read: compaction "
            f"removed {len(missing)} of its {spec.name} files (vacuum_retention_hours); pick a later commit"
        )
    return files


# Operations that leave the rows a snapshot holds as they were: they rewrite or delete files (a compaction, a
# vacuum) or touch none (the table properties store.settle_table_properties sets).
_SAME_DATA = frozenset({"OPTIMIZE", "VACUUM START", "VACUUM END", "SET TBLPROPERTIES"})


def _same_data_version(operations: dict[int, str | None], version: int) -> int:
    """The newest version reached from `version` through operations that leave the rows as they were."""
    while operations.get(version + 1) in _SAME_DATA:
        version += 1
    return version


@contextmanager
def views_as_of(warehouse: Path, commit: Commit) -> Iterator[Path]:
    """A views database, in a temporary folder, over the tables as they were at `commit`."""
    with tempfile.TemporaryDirectory(prefix="newsetl-as-of-") as folder:
        path = Path(folder) / f"as-of-{commit.number}.duckdb"
        with duckdb.connect(str(path)) as con:
            for spec in ALL_TABLES:
                con.execute(snapshot_view_sql(spec, _files_as_of(warehouse.resolve(), spec, commit)))
            for name in sql_names("views"):
                con.execute(sql_text("views", name))
            con.execute("CHECKPOINT")
        yield path


def query_as_of(warehouse: Path, sql: str, as_of: str) -> tuple[list[str], list[tuple]]:
    """`newsetl sql --as-of`: the query over the warehouse as it was at a commit number or a time."""
    commit = find_commit(commits(warehouse), parse_as_of(as_of))
    with views_as_of(warehouse, commit) as views:
        return query(warehouse, sql, views=views)


HISTORY_COLUMNS = ["commit", "committed_at", "run_id", "batch_id", "purpose", "documents", "articles", "rejections"]


def history_rows(warehouse: Path) -> tuple[list[str], list[tuple]]:
    """`newsetl history`: one row per commit, oldest first, ready for the same output formats as `sql`."""
    rows = [
        (
            commit.number,
            commit.committed_at,
            commit.run_id,
            commit.batch_id,
            commit.purpose,
            commit.documents,
            commit.articles,
            commit.rejections,
        )
        for commit in commits(warehouse)
    ]
    return HISTORY_COLUMNS, rows
