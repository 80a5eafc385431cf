"""Delta tables under the warehouse folder: append a batch's rows, then its marker.

Reading committed rows back is warehouse/lookups.py.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import operator
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa
from deltalake import DeltaTable, PostCommitHookProperties, WriterProperties, write_deltalake

from warehouse.schemas import ALL_TABLES, ENTITY_MENTIONS, FIGURES, RAW_PAGES, TableSpec, month_of

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

TABLES_DIR = "tables"
# Rows per Parquet row group. The lookup index names the row group holding a stored page or an article's
# mentions and figures, and a lookup reads only that group: small groups keep that read the same size in
# a compacted file of a million rows (a batch reads at most one group per key it finds). Pages are whole
# HTML documents (tens of KB each); 2,048 mentions or figures are those of about 60 articles. Tables read
# only by scans keep large groups.
ROW_GROUP_ROWS = {RAW_PAGES.name: 32, ENTITY_MENTIONS.name: 2_048, FIGURES.name: 2_048}
DEFAULT_ROW_GROUP_ROWS = 131_072


def writer_properties(spec: TableSpec) -> WriterProperties:
    """How every file of the table is written, by an append or a compaction (which would otherwise use
    delta-rs's defaults: snappy and row groups of a million rows)."""
    rows = ROW_GROUP_ROWS.get(spec.name, DEFAULT_ROW_GROUP_ROWS)
    return WriterProperties(compression=spec.compression, max_row_group_size=rows)


def table_path(warehouse: Path, spec: TableSpec) -> Path:
    return warehouse / TABLES_DIR / spec.name


# The one column whose Delta statistics newsetl reads: a file's min and max batch_id tell a file of one batch (the
# compaction's tiers, store.small_files; the publish's new rows, views._one_batch_files). delta-rs otherwise keeps
# the min, max and null count of the first 32 columns of every file in each add action, and parses and carries
# them whenever it brings a table object up to date: after every append (its post-commit snapshot update replays
# every active file), and in each checkpoint and `get_add_actions`. That work grew with the files of a table
# (docs/benchmarks.md, round 18): `articles` keeps a file a month partition or more. Set when a table is created;
# a table created before keeps full statistics, which every reader also finds batch_id in.
STATS_COLUMN = "batch_id"


def table_configuration(spec: TableSpec) -> dict[str, str | None] | None:
    """The Delta table properties a table is created with: statistics of batch_id alone where it has one."""
    if STATS_COLUMN not in spec.arrow.names:
        return None
    return {"delta.dataSkippingStatsColumns": STATS_COLUMN}


def settle_table_properties(warehouse: Path) -> list[str]:
    """Give each existing table the properties a new one is created with (table_configuration) where it lacks
    them; returns the names of the tables changed (none on every later call). For a writer holding the lock,
    before it writes.

    A table created before round 18 keeps the statistics of every column of each file, which delta-rs parses
    again after every append. With the property set, its later files carry statistics of batch_id alone and the
    older files' are parsed for batch_id only (docs/benchmarks.md, round 19). Each table's change is one Delta
    commit of its metadata, whole or absent: a writer killed between two tables leaves the rest for the next."""
    changed = []
    for spec in ALL_TABLES:
        wanted = table_configuration(spec)
        path = table_path(warehouse, spec)
        table = open_table(path) if wanted else None
        if table is None or wanted is None:
            continue
        present = table.metadata().configuration
        if all(present.get(key) == value for key, value in wanted.items()):
            continue
        read = table.version()
        table.alter.set_table_properties({key: value for key, value in wanted.items() if value is not None})
        _took_own_commit(path, table, read)
        changed.append(spec.name)
    return changed


# Commits after which an append writes a checkpoint of its table, so that a table loaded afresh (another
# process, or this one after another writer's checkpoint) replays at most 10 commits after reading it. delta-rs
# writes one itself only every `delta.checkpointInterval` (100) commits. (An older delta-rs replayed, in a kept
# object, every commit since the checkpoint it was loaded from at each update and write; deltalake 1.6 does
# not: a kept object's appends cost the same over 850 commits, docs/benchmarks.md round 15.)
CHECKPOINT_EVERY = 10

# After each commit delta-rs looks for log files past the log's retention (`delta.logRetentionDuration`, 30 days) to
# delete, by listing the whole `_delta_log` folder and reading each file's metadata: ~3 stats a log file, at every
# append (a month of commits is kept, so a table's append cost grew with the commits of its last 30 days: 6 log files
# a table at 1,000 articles, ~80 at 101,000 in bench.scale, ~1,000 in a test where an append took 35 ms of CPU with it
# and 13 without). Appends skip it, and the append that writes a checkpoint deletes the expired log files instead
# (`cleanup_metadata`, the same rule): once every CHECKPOINT_EVERY commits.
APPEND_HOOKS = PostCommitHookProperties(cleanup_expired_logs=False)

# Open tables of this process by path, with what identifies the table's first commit file (None once log clean-up
# deleted it), the checkpoint each was last known with and the commit file of the version it holds. Opening a Delta
# table replays its log from the last checkpoint; an open one only reads the commits since (update_incremental).
_Stamp = tuple[int, int, int]
_open_tables: dict[str, tuple[_Stamp | None, int, _Stamp, DeltaTable]] = {}


def _commit_stamp(path: Path, version: int) -> tuple[int, int, int] | None:
    """What tells one commit file from another written at the same path; None when there is no such file."""
    try:
        found = os.stat(path / "_delta_log" / f"{version:020d}.json")
    except FileNotFoundError:
        return None
    return (found.st_ino, found.st_size, found.st_mtime_ns)


def last_checkpoint(path: Path) -> int:
    """The version of the table's last checkpoint as its log's `_last_checkpoint` names it; -1 for none."""
    try:
        return int(json.loads((path / "_delta_log" / "_last_checkpoint").read_bytes())["version"])
    except (FileNotFoundError, ValueError, KeyError):  # no checkpoint, or a hint delta-rs would not use
        return -1


def open_table(path: Path) -> DeltaTable | None:
    """The Delta table at `path` at its latest version, or None when there is none.

    The object is kept and brought up to date, so each use reads only the new commits (none, and lists
    nothing, when there is no file for the next version); an append or a compaction through it keeps it as
    the latest (_took_own_commit, _keep). A table deleted
    and created anew at the same path (another first commit file) is opened afresh; so is one with a checkpoint
    newer than the one its object was last known with (another writer's). A table whose first commit file log
    clean-up deleted (past the log's 30 days) stays kept too: it was loaded afresh at every use, ~2.3 ms of CPU a
    table at 101,000 articles, 4-5 uses per table and batch.
    """
    key = str(path)
    first, checkpoint = _commit_stamp(path, 0), last_checkpoint(path)
    kept = _open_tables.get(key)
    # The commit file of the version the object holds is checked too: a table restored from an older copy
    # (files copied with their times, and inode numbers reused) has the same first commit file, and no file,
    # or another one, for that version. A kept object there would write a version that exists.
    if kept is not None and kept[:2] == (first, checkpoint):
        table = kept[3]
        try:
            if _commit_stamp(path, table.version()) == kept[2]:
                # Versions are numbered without gaps and each commit is one file written whole: with no file for
                # the next version the object is the latest. One stat, where update_incremental lists the whole
                # log folder (every commit file kept, so its cost grew with the commits: ~6 us a file, 4-5 times
                # per table and batch in the writer's process: the append, the compaction's check, the catch-up,
                # the publish).
                if (path / "_delta_log" / f"{table.version() + 1:020d}.json").exists():
                    table.update_incremental()
                    _remember(key, path, first, checkpoint, table)
                return table
        except Exception:  # noqa: BLE001 - whatever went wrong with the kept object, a fresh open decides
            pass
    _open_tables.pop(key, None)
    if not DeltaTable.is_deltatable(key):
        return None
    table = DeltaTable(key)
    _remember(key, path, first, checkpoint, table)
    return table


def _remember(key: str, path: Path, first: _Stamp | None, checkpoint: int, table: DeltaTable) -> None:
    head = _commit_stamp(path, table.version())
    if head is None:  # its commit file already gone (log clean-up): opened afresh each time, as before
        _open_tables.pop(key, None)
    else:
        _open_tables[key] = (first, checkpoint, head, table)


@functools.cache
def _field_names(record: type) -> tuple[str, ...]:
    return tuple(field.name for field in dataclasses.fields(record))


def to_arrow(spec: TableSpec, rows: Sequence[DataclassInstance], lineage: dict[str, str] | None = None) -> pa.Table:
    """Rows (of one record type) as a table of the declared schema; lineage columns are filled in for every row.

    Built a column at a time: each field of the records read into one list, which Arrow converts with its
    column's type. Records are flat (transforms/records.py), so their values as they are
    (dataclasses.asdict would deep-copy each one). A dict per row (`Table.from_pylist`) cost about twice as
    much CPU in the flow's writer thread for a batch's mentions and figures (docs/benchmarks.md, round 12).
    As from_pylist did: a schema column no field fills is null; a field the schema lacks is left out."""
    schema = spec.arrow
    count = len(rows)
    columns: dict[str, Sequence[Any]] = {}
    if rows:
        # One pass over the rows per field, in C (map, attrgetter): no container is made per row, which
        # would also call the garbage collector over the flow's objects more often.
        columns = {name: list(map(operator.attrgetter(name), rows)) for name in _field_names(type(rows[0]))}
    for name, value in (lineage or {}).items():
        columns[name] = [value] * count
    if spec.partition is not None:
        columns[spec.partition.column] = [month_of(day) for day in columns.get(spec.partition.source, ())]
    return pa.Table.from_arrays([columns.get(name, [None] * count) for name in schema.names], schema=schema)


def append_rows(
    warehouse: Path, spec: TableSpec, rows: Sequence[DataclassInstance], lineage: dict[str, str] | None = None
) -> int:
    """One Delta commit; creates the table with its declared schema on first use."""
    if not rows:
        return 0
    # "merge" adds the columns a newer schema version declares to an older table.
    path = table_path(warehouse, spec)
    table = open_table(path)
    read = table.version() if table is not None else -1
    write_deltalake(
        table if table is not None else str(path),
        to_arrow(spec, rows, lineage),
        mode="append",
        schema_mode="merge",
        partition_by=partition_columns(table, spec),
        writer_properties=writer_properties(spec),
        post_commithook_properties=APPEND_HOOKS,
        configuration=table_configuration(spec) if table is None else None,
    )
    if table is not None:
        if table.version() - last_checkpoint(path) >= CHECKPOINT_EVERY:
            # No new version, only the table's state written down: the commit above is whole without it.
            table.create_checkpoint()
            table.cleanup_metadata()  # log files past the retention, before that checkpoint (APPEND_HOOKS)
        _took_own_commit(path, table, read)
    return len(rows)


def _took_own_commit(path: Path, table: DeltaTable, read: int) -> None:
    """Keep `table` as the table's latest state after a commit made through it, when that commit is the version
    right after the one it had read (`read`): delta-rs has then applied it to the object. Without this the next
    open_table finds a commit file newer than the one it remembered and loads the table afresh, from its
    checkpoint and the commits since: 11 times per batch (the compaction's check just after each append), ~1 ms
    a table at 1,000 articles and ~2.3 ms at 101,000, whose checkpoints hold more files and their statistics
    (docs/benchmarks.md, round 15). A commit that landed further on (another writer's commits in between, which
    the object may not hold) forgets the object: the next use opens the table afresh."""
    if table.version() == read + 1:
        _keep(path, table)
    else:
        _open_tables.pop(str(path), None)


def _keep(path: Path, table: DeltaTable) -> None:
    """Remember `table`, at the table's latest version, as open_table's object for `path`."""
    _remember(str(path), path, _commit_stamp(path, 0), last_checkpoint(path), table)


def partition_columns(table: DeltaTable | None, spec: TableSpec) -> list[str] | None:
    """The table's own partitioning: a table created before schema 7 stays unpartitioned (its rows take
    the partition column as a plain column); a new one is partitioned as its spec says."""
    if table is None:
        return spec.partition_by
    return list(table.metadata().partition_columns) or None


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
                configuration=table_configuration(spec),
            )


def table_files(warehouse: Path, spec: TableSpec) -> list[str]:
    """Parquet files of the table's current snapshot (not whatever files lie in the folder)."""
    table = open_table(table_path(warehouse, spec))
    if table is None:
        return []
    return [uri.removeprefix("file://") for uri in table.file_uris()]


# Compaction merges small files into files of at most this size, and leaves larger files alone. A table past it
# is a few such files that no later compaction rewrites, plus the small files of the batches since
# (docs/benchmarks.md).
COMPACT_TARGET_BYTES = 16 * 1024 * 1024


@dataclasses.dataclass(frozen=True, slots=True)
class SmallFiles:
    """A table's files under half the compaction target that a compaction of their tier would merge (delta-rs merges
    within a partition, so only partitions holding two or more of a tier's files count): the batches' files since
    the table's last compaction (an append's, each one batch's rows as its `batch_id` statistics say, written after
    every file of several batches; a table without that column counts every small file here), and the files earlier
    compactions wrote; with the bytes of the largest partition's batch files, the partitions holding them, and the
    least of the earlier files there that a compaction of them leaves as they are (None: none)."""

    batch_files: int
    merged_files: int
    batch_bytes: int
    batch_partitions: frozenset[tuple[object, ...]] = frozenset()
    partition_columns: tuple[str, ...] = ()
    spared_under: int | None = None


def small_files(table: DeltaTable, target_bytes: int = COMPACT_TARGET_BYTES) -> SmallFiles:
    """What a compaction of `table` could merge (SmallFiles). A file of over half the target is done: delta-rs packs
    files into bins of at most the target, so two such files never share one."""
    actions = pa.table(table.get_add_actions(flatten=True))
    partitions = [name for name in actions.column_names if name.startswith("partition.")]
    sizes, written = actions.column("size_bytes").to_pylist(), actions.column("modification_time").to_pylist()
    keys = list(zip(*(actions.column(name).to_pylist() for name in partitions), strict=True)) or [()] * len(sizes)
    if {"min.batch_id", "max.batch_id"} <= set(actions.column_names):
        lows, highs = actions.column("min.batch_id").to_pylist(), actions.column("max.batch_id").to_pylist()
        one_batch = [low is not None and low == high for low, high in zip(lows, highs, strict=True)]
    else:
        one_batch = [True] * actions.num_rows
    # The batches since the last compaction: files of one batch written after every file of several.
    last_merge = max((when for when, batch in zip(written, one_batch, strict=True) if not batch), default=None)
    since = [
        batch and (last_merge is None or when > last_merge) for when, batch in zip(written, one_batch, strict=True)
    ]
    small: dict[tuple[object, ...], list[int]] = {}  # partition -> [batch files since, their bytes, merged files]
    for size, key, batch, recent in zip(sizes, keys, one_batch, since, strict=True):
        if size < target_bytes // 2:
            counts = small.setdefault(key, [0, 0, 0])
            if recent:
                counts[0] += 1
                counts[1] += size
            elif not batch:
                counts[2] += 1
    # Each tier counts in the partitions that hold two or more of its files: a month's one merged file beside the
    # batch files since is no reason to merge every month's small files.
    chosen = frozenset(key for key, counts in small.items() if counts[0] > 1)
    batch_bytes = max((counts[1] for counts in small.values() if counts[0] > 1), default=0)
    # delta-rs merges every file no larger than the bin: the batch tier's bin stays under the earlier files of the
    # partitions it merges that are over half of it (a month's file of thousands of articles), so it rewrites at
    # most about the batches' bytes again. The smaller ones, and those of up to two of the batches' files, are
    # merged with them: a bin under those would leave merged files too small to merge again.
    largest = max(
        (size for size, key, recent in zip(sizes, keys, since, strict=True) if recent and key in chosen), default=0
    )
    least = max(2 * largest, min(batch_bytes, target_bytes) // 2)
    spared = [
        size
        for size, key, recent in zip(sizes, keys, since, strict=True)
        if key in chosen and not recent and size > least
    ]
    return SmallFiles(
        batch_files=sum(counts[0] for counts in small.values() if counts[0] > 1),
        merged_files=sum(counts[2] for counts in small.values() if counts[2] > 1),
        batch_bytes=batch_bytes,
        batch_partitions=chosen,
        partition_columns=tuple(name.removeprefix("partition.") for name in partitions),
        spared_under=min(spared, default=None),
    )


def mergeable_files(table: DeltaTable, target_bytes: int = COMPACT_TARGET_BYTES) -> int:
    """The small files of `table` a compaction could merge (SmallFiles), whoever wrote them."""
    files = small_files(table, target_bytes)
    return files.batch_files + files.merged_files


@dataclasses.dataclass(frozen=True, slots=True)
class Compaction:
    """One delta-rs compaction: its bin size and the partitions it may touch (None: every one)."""

    bin_bytes: int
    partition_filters: list[tuple[str, str, Any]] | None = None


def compaction_target(table: DeltaTable, min_files: int, target_bytes: int = COMPACT_TARGET_BYTES) -> Compaction | None:
    """The compaction `table` needs now, or None. Compactions merge in tiers, so that each row is rewritten a
    bounded number of times, and what one rewrites does not grow with the table or its month partitions:

    - once more than `min_files` files of one batch each, appended since the last compaction, can be merged, they
      are merged into one file of about their own size, in the partitions holding them (delta-rs merges every
      file up to the bin size and packs them into bins of that size: the bin stays under the earlier files there
      over half of it, SmallFiles.spared_under, so a month's large earlier files stay as they are);
    - once more than `min_files` files earlier compactions wrote are small, every small file is merged into
      bins of `target_bytes`.

    A single tier (every small file into bins of `target_bytes`) rewrote a table's last partial bin, up to half
    the target, at every compaction: a table under 8 MB (`entity_mentions` at 100,000 articles) whole each time.
    A batch tier over every partition, its bin the batches' bytes, merged a month's earlier file of one batch under
    that size with them at every compaction: 297 KB a batch in bench.scale's 101,000-article archive against 77 KB
    at 1,000 (docs/benchmarks.md, round 17)."""
    files = small_files(table, target_bytes)
    if files.merged_files > min_files:
        return Compaction(target_bytes)
    if files.batch_files > min_files:
        bin_bytes = max(1, min(files.batch_bytes, target_bytes))
        if files.spared_under is not None:
            bin_bytes = min(bin_bytes, files.spared_under - 1)
        if len(files.partition_columns) != 1:  # every partitioned table has one column: its month
            return Compaction(bin_bytes)
        months = sorted(str(key[0]) for key in files.batch_partitions)
        return Compaction(bin_bytes, [(files.partition_columns[0], "in", months)])
    return None


def compact_tables(
    warehouse: Path, min_files: int, retention_hours: int, target_bytes: int = COMPACT_TARGET_BYTES
) -> dict[str, tuple[int, int]]:
    """Merge the small files of every table that needs it (compaction_target: each batch adds a few, and every
    file is a path in the views and an open per query) into files of at most `target_bytes`, then delete the
    replaced files once older than `retention_hours`. Rows and their batch ids are unchanged.
    Returns {table: (files before, files after)} for the tables compacted."""
    compacted = {}
    for spec in ALL_TABLES:
        table = open_table(table_path(warehouse, spec))
        if table is None:
            continue
        compaction = compaction_target(table, min_files, target_bytes)
        if compaction is None:
            continue
        before = len(table.file_uris())
        table.optimize.compact(
            partition_filters=compaction.partition_filters,
            target_size=compaction.bin_bytes,
            writer_properties=writer_properties(spec),
        )
        table.vacuum(retention_hours=retention_hours, dry_run=False, enforce_retention_duration=False)
        table.update_incremental()
        _keep(table_path(warehouse, spec), table)  # at the latest version: the next use need not load it afresh
        compacted[spec.name] = (before, len(table.file_uris()))
    return compacted
