"""The DuckDB database of views analysts open: rebuilt after each commit, swapped in atomically."""

from __future__ import annotations

import atexit
import functools
import hashlib
import logging
import os
import shutil
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import unquote

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
from deltalake import DeltaTable

from transforms.records import SCHEMA_VERSION
from warehouse.index import ROW_KEEPING, commit_fingerprint, log_changes
from warehouse.query import CHECKED_TABLES, VIEW_FILES, sql_names, sql_text, views_path
from warehouse.schemas import (
    ALL_TABLES,
    ARTICLES,
    BATCHES,
    DUPLICATE_LINKS,
    ENTITIES,
    ENTITY_MENTIONS,
    FIGURES,
    RAW_PAGES,
    REJECTIONS,
    RUNS,
    SITE_LINES,
    TableSpec,
    duckdb_type,
)
from warehouse.store import open_table, table_path

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ViewColumns:
    """What a public view shows of the table it reads: every column of the table (its record's fields, then
    lineage) except those omitted, plus those added. tests/test_view_columns.py holds each view to this, so a
    new record field reaches its views (they select `t.*`) or is left out here, with a reason, on purpose."""

    view: str
    table: TableSpec
    added: Mapping[str, str] = field(default_factory=dict)  # column the view computes or joins in -> what it is
    omitted: Mapping[str, str] = field(default_factory=dict)  # column of the table left out -> why


_LINEAGE_OF_ARTICLE = "the article's run_id and batch_id say which version these rows belong to"
_ACROSS_BATCHES = "counted over every committed batch"
_STORY_ID = "the story: the cluster_id of its copies (exact and near)"

# Every public view (warehouse/sql/views), in the order the files create them.
VIEW_COLUMNS = (
    ViewColumns("batches", BATCHES),
    ViewColumns(
        "article_clusters",
        DUPLICATE_LINKS,
        added={
            "cluster_id": "the smallest cluster_id any linked article took at ingest",
            "cluster_size": "articles linked into the cluster",
        },
        omitted={
            "duplicate_of": "links are resolved into clusters",
            "similarity": "a fact of one link",
            "run_id": _ACROSS_BATCHES,
            "batch_id": _ACROSS_BATCHES,
        },
    ),
    ViewColumns("articles", ARTICLES),
    ViewColumns("articles_unique", ARTICLES, added={"exact_copies": "articles with exactly this text_hash"}),
    ViewColumns(
        "entity_mentions", ENTITY_MENTIONS, omitted={"run_id": _LINEAGE_OF_ARTICLE, "batch_id": _LINEAGE_OF_ARTICLE}
    ),
    ViewColumns(
        "site_boilerplate",
        SITE_LINES,
        added={
            "articles": "articles of the site the line appeared in",
            "stories": "near-duplicate clusters (as assigned at ingest) the line appeared in",
        },
        omitted={"article_id": "counted in articles", "run_id": _ACROSS_BATCHES, "batch_id": _ACROSS_BATCHES},
    ),
    ViewColumns(
        "entities",
        ENTITIES,
        added={"mention_count": "mentions in the articles view's articles"},
        omitted={"run_id": _ACROSS_BATCHES, "batch_id": _ACROSS_BATCHES},
    ),
    ViewColumns(
        "entity_aliases",
        ENTITY_MENTIONS,
        added={
            "name": "the entity's canonical name (entities)",
            "mentions": "mentions with this surface",
            "articles": "articles with such a mention",
        },
        omitted={
            "article_id": "counted in articles",
            "char_start": "a fact of one mention",
            "char_end": "a fact of one mention",
            "run_id": _ACROSS_BATCHES,
            "batch_id": _ACROSS_BATCHES,
        },
    ),
    ViewColumns("figures", FIGURES, omitted={"run_id": _LINEAGE_OF_ARTICLE, "batch_id": _LINEAGE_OF_ARTICLE}),
    ViewColumns(
        "story_copies",
        ARTICLES,
        added={
            "story_id": _STORY_ID,
            "representative": "whether this copy is the one the story's mentions and figures are counted from",
            "site": "host of the canonical URL (else of the URL) without 'www.', else the site name",
            "article_date": "published_date, else the UTC day the copy was committed",
            "seen_at": "when the copy's batch was committed",
        },
        omitted={"cluster_id": _STORY_ID},
    ),
    ViewColumns(
        "stories",
        ARTICLES,
        added={
            "story_id": _STORY_ID,
            "copies": "articles of the story",
            "texts": "distinct texts among the copies (exact copies share one)",
            "sites": "the sites that carried the story (story_copies.site), sorted",
            "story_date": "the earliest article_date of its copies: the day timelines put the story on",
            "first_seen": "when the archive first committed a copy",
            "last_seen": "when the archive last committed a copy",
            "first_published": "the earliest published_date of its copies",
            "last_published": "the latest published_date of its copies",
        },
        omitted={"cluster_id": _STORY_ID},
    ),
    ViewColumns(
        "story_mentions",
        ENTITY_MENTIONS,
        added={"story_id": _STORY_ID},
        omitted={"run_id": _LINEAGE_OF_ARTICLE, "batch_id": _LINEAGE_OF_ARTICLE},
    ),
    ViewColumns(
        "story_entities",
        ENTITY_MENTIONS,
        added={"story_id": _STORY_ID, "mentions": "mentions of the entity in the story's representative"},
        omitted={
            "surface": "counted in mentions; entity_aliases shows surfaces",
            "label": "the entity's (entities)",
            "char_start": "a fact of one mention",
            "char_end": "a fact of one mention",
            "run_id": _LINEAGE_OF_ARTICLE,
            "batch_id": _LINEAGE_OF_ARTICLE,
        },
    ),
    ViewColumns(
        "story_figures",
        FIGURES,
        added={"story_id": _STORY_ID},
        omitted={"run_id": _LINEAGE_OF_ARTICLE, "batch_id": _LINEAGE_OF_ARTICLE},
    ),
    ViewColumns(
        "rejections",
        REJECTIONS,
        omitted={"batch_id": "one row per document's newest outcome; run_id says which run decided it"},
    ),
    ViewColumns(
        "runs", RUNS, added={"articles_without_ner": "articles of the run stored without entities (ner_model IS NULL)"}
    ),
    ViewColumns(
        "raw_pages",
        RAW_PAGES,
        added={"bytes": "size of the stored content"},
        omitted={
            "content": "the bytes stay in the table (zstd); the view gives their size",
            "content_language": "read again by reprocess; not shown by the view so far",
            "title": "the feed's title, read again by reprocess; not shown by the view so far",
            "published_date": "the feed's date, read again by reprocess; not shown by the view so far",
        },
    ),
)


def view_column_problems(spec: ViewColumns, columns: Sequence[str]) -> list[str]:
    """How a view's columns (as DESCRIBE lists them) differ from its table and its ViewColumns; empty if none."""
    table = spec.table.arrow.names
    where = "warehouse/views.py VIEW_COLUMNS"
    of_table = f"table {spec.table.name} ({spec.table.record.__name__} fields and lineage)"
    problems = [
        f"{spec.view}: column {name} of {of_table} is not in the view: select it in warehouse/sql/views, "
        f"or declare it omitted with a reason in {where}"
        for name in table
        if name not in columns and name not in spec.omitted
    ]
    problems += [
        f"{spec.view}: column {name} is not a column of {of_table}: declare it added in {where}"
        for name in columns
        if name not in table and name not in spec.added
    ]
    problems += [
        f"{spec.view}: {name} is declared omitted in {where} but the view shows it"
        for name in spec.omitted
        if name in columns
    ]
    problems += [
        f"{spec.view}: {name} is declared omitted in {where} but is not a column of {of_table}"
        for name in spec.omitted
        if name not in table
    ]
    problems += [
        f"{spec.view}: {name} is declared added in {where} but the view does not show it"
        for name in spec.added
        if name not in columns
    ]
    problems += [
        f"{spec.view}: {name} is declared added in {where} but is a column of {of_table}"
        for name in spec.added
        if name in table
    ]
    return problems


# Internal views (warehouse/sql/views) that publish_views stores as tables in the views database: each linked
# article's component of duplicate links; the key of the article version each article shows, with its resolved
# cluster; each shown article's story; each story's own columns (copies, sites, dates, its representative's keys);
# each entity once per shown article, with its story. Every question joins through them; stored once per publish
# (a few short columns per article, or per article and entity), they are not computed again (the clusters'
# recursion, a window over every article, a group over every copy or every mention) by every query. In dependency
# order. A database built from the SQL alone (history's --as-of) keeps them as views, with the same rows.
STORED_VIEWS = (
    "_link_components",
    "_article_versions",
    "_hidden_articles",
    "_story_keys",
    "_story_rows",
    "_article_entities",
)
# Each stored table's SQL stays in the views database as a view of this name: a publish that recomputes the
# rows of some stories selects them from it, over inputs restricted to those stories (warehouse/sql/publish).
DEFINITION = "{}__sql"
# The integer keys the stored tables carry beside their SQL's columns: each is the number a text key (an article or
# story id, the column named) has in the views database's `newsetl_publish.key_numbers`, one number per text, never
# reused, so a row found by its number is a row of that text (exact; a hash would not be). A publish finds the
# stored rows of the dirty articles and stories by these integers (a scan of a compressed integer column, and none
# of the row groups written before the first number of this publish when every dirty key is new), not by the text
# keys (a scan of every stored id). No view shows them: the views name the stored tables' columns they read.
KEY_NUMBERS = {
    "_article_versions": {"article_no": "article_id", "story_no": "cluster_id", "doc_no": "doc_id"},
    **{name: {"story_no": "story_id"} for name in ("_story_keys", "_story_rows", "_article_entities")},
}
# The column a stored table's rows are replaced by: the rows of the dirty articles, or of the dirty stories (the
# temporary table of their text keys); by its number where the table carries one (KEY_NUMBERS).
REPLACED_BY = {
    "_article_versions": ("article_id", "dirty_articles"),
    "_hidden_articles": ("article_id", "dirty_articles"),  # the few articles none of whose versions shows
    **dict.fromkeys(("_story_keys", "_story_rows", "_article_entities"), ("story_id", "dirty_stories")),
}
# The temporary table of a stored table's rows just recomputed, which the later SQL of the publish reads.
FRESH = "{}__fresh"
# The names a restriction (warehouse/sql/publish/restrict_*.sql) gives temporary views or tables, hiding the
# inputs of the stored tables' SQL for the connection while their rows are recomputed.
RESTRICTED = frozenset({"_articles", "_rejections", "_entity_mentions", "_mention_counts", *STORED_VIEWS})
# Bump when what the publish state means changes: a views database of another format is rebuilt.
# 5: the stored tables in row groups of VIEWS_ROW_GROUP_ROWS (a database written before keeps groups of 122,880).
PUBLISH_FORMAT = "5"
# Rows per row group of the views database's tables, where DuckDB's default is 122,880. A publish inserts the
# rows of the articles and stories it recomputes at the end of each stored table, into its last row group, and
# DuckDB's checkpoint (the publish's last step) writes every column of a row group it appended to again, all its
# rows: at the default, every row of a table until the archive filled a group, so the checkpoint cost 12 ms of CPU
# at 1,000 articles and 24 ms at 101,000 (docs/benchmarks.md, round 16). Groups of this size bound it whatever the
# archive holds. DuckDB does not keep the size in the file: it is given at each attach for writing (an attach
# without it would merge the groups back into groups of the default at its checkpoint).
VIEWS_ROW_GROUP_ROWS = 16_384
# The tables the stored tables are computed from; a publish checks that each only gained rows since the last.
STORY_INPUTS = (BATCHES, ARTICLES, REJECTIONS, DUPLICATE_LINKS, ENTITY_MENTIONS)
# The tables whose new batches' rows a publish reads (from the files added since the last publish).
READ_NEW = (ARTICLES, REJECTIONS, DUPLICATE_LINKS, ENTITY_MENTIONS)
# delta-rs keeps the first 64 characters of a text column's minimum and maximum: a longer batch_id is not
# told apart by the statistics (new_batch_files).
STATS_PREFIX = 64


def store_views(
    con: duckdb.DuckDBPyConnection,
    names: Sequence[str] = STORED_VIEWS,
    rows: Callable[[str], str] = "SELECT * FROM {}".format,
) -> None:
    """Replace each named view by a table of its rows (`rows`: the query of them); the views that read it read the
    table by the same name. The view itself stays, renamed (DEFINITION), for the publishes that recompute some of
    its rows."""
    for name in names:
        con.execute(f"CREATE TABLE {name}__rows AS {rows(name)}")
        con.execute(f"ALTER VIEW {name} RENAME TO {DEFINITION.format(name)}")
        con.execute(f"ALTER TABLE {name}__rows RENAME TO {name}")


class ViewsNotPublished(OSError):
    """The new views database could not be written whole; the previous one is left as it was."""


def expected_views() -> list[str]:
    """Every view a published views database holds: one per table's snapshot, then the public ones."""
    return [f"_{spec.name}" for spec in ALL_TABLES] + [spec.view for spec in VIEW_COLUMNS]


def missing_views(path: Path, warehouse: Path) -> list[str]:
    """The expected views a views database file lacks, read as readers will read it (read-only)."""
    with _instance_lock, _attached(path, warehouse, read_only=True) as con:
        listed = f"SELECT view_name FROM duckdb_views() WHERE NOT internal AND database_name = '{ATTACHED}'"
        present = {row[0] for row in con.execute(listed).fetchall()}
    return [name for name in expected_views() if name not in present]


def _first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def _quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def snapshot_view_sql(spec: TableSpec, files: list[str], same_columns: bool = False) -> str:
    """A view over exactly the snapshot's Parquet files, with the table's declared columns in declared order.

    File paths are written into the view because a view cannot take parameters;
    they come from the Delta log, and are quoted. The published views get paths relative to the
    warehouse (see take_snapshot); lookups give absolute ones to their scratch connection.
    """
    return f"CREATE VIEW _{spec.name} AS {snapshot_select(spec, files, same_columns)}"


def snapshot_select(spec: TableSpec, files: list[str], same_columns: bool = False) -> str:
    """The query of snapshot_view_sql: the rows of exactly these Parquet files, as the table declares them.
    `same_columns`: every file has the same columns (files_of_one_schema), so they need not be matched by name."""
    columns = ", ".join(f"CAST(NULL AS {duckdb_type(f.type)}) AS {f.name}" for f in spec.arrow)
    declared = f"SELECT {columns} WHERE false"  # typed and empty: the view of a table with no files yet
    if not files:
        return declared
    listing = ", ".join(_quote(f) for f in files)
    # A partitioned table keeps its partition column in the folder names, not in the files: DuckDB reads it
    # from there (as text) and opens only the files of the partitions a filter keeps.
    hive = ""
    if spec.partition is not None and all(f"{spec.partition.column}=" in name for name in files):
        hive = f", hive_partitioning = true, hive_types = {{'{spec.partition.column}': VARCHAR}}"
    # By name after the declared columns: the column order (which `SELECT t.*` in the views passes on) is the
    # record's whatever the files hold. Files written before a column was added read it as NULL when they are
    # matched by name (union_by_name), which reads every file's footer at each binding of the view: at 101,000
    # articles 82 ms of CPU to bind every table's view in a new connection against 9 without (raw_pages' compacted
    # files, of thousands of row groups, 61 against 1; docs/benchmarks.md, round 18). Without it DuckDB takes the
    # first file's columns for every file, which is right only when they are the same.
    by_name = "" if same_columns else ", union_by_name = true"
    return f"{declared} UNION ALL BY NAME SELECT * FROM read_parquet([{listing}]{by_name}{hive})"


@functools.lru_cache(maxsize=65_536)
def _file_schema(path: str) -> tuple[tuple[str, str], ...]:
    """A Parquet file's columns and their types. Delta never changes a data file in place (a new version writes
    new files under new names), so what is read once stays right for the process."""
    return tuple((column.name, str(column.type)) for column in pq.read_schema(path))


def files_of_one_schema(files: Sequence[str]) -> bool:
    """Whether these Parquet files all have the same columns, as their footers say. The Delta log cannot say: its
    statistics name some columns only, and its checkpoints keep the table's latest schema alone (not which files
    were written before a column was added), and delta-rs takes no table property of newsetl's own to record it.
    Each file's footer is read once a process; a publish reads those of the files added since the last."""
    try:
        return len({_file_schema(name) for name in files}) <= 1
    except (OSError, pa.ArrowInvalid):  # a file gone or unreadable: matched by name, DuckDB says what is wrong
        return False


def _relative(warehouse: Path, names: Sequence[str]) -> list[str]:
    """Parquet files relative to the warehouse folder, so a copied or moved warehouse reads its own files
    (readers set DuckDB's file_search_path to the warehouse: warehouse/query.py)."""
    root = warehouse.resolve()
    # Delta lists a table's files under the folder it was opened with: cut that prefix off as text. Resolving
    # each file instead (a stat per path component) cost more than the rest of a publish's listing at ~700 files.
    prefixes = tuple(f"{folder}{os.sep}" for folder in {str(warehouse.absolute()), str(root)})
    return [
        os.path.normpath(name[len(prefix) :])
        if (prefix := next((p for p in prefixes if name.startswith(p)), None))
        else os.path.relpath(Path(name).resolve(), root)
        for name in names
    ]


@dataclass(frozen=True, slots=True)
class TableSnapshot:
    """One table as a publish reads it: its Parquet files and the Delta version they are (None: no table yet)."""

    spec: TableSpec
    files: list[str]  # relative to the warehouse
    table_id: str | None = None
    version: int | None = None
    commit: str = ""  # a hash of the commit file of that version ("" when it is not there)
    # The table's version before the markers were listed: the rows of every batch not among the markers seen
    # then are in files added after it, or appended before it and only in files of that one batch (READ_NEW).
    before: int | None = None
    one_batch: Mapping[str, str] = field(default_factory=dict)  # file -> its only batch_id, by its Delta stats
    same_columns: bool = False  # every file has the same columns (files_of_one_schema)


@dataclass(frozen=True, slots=True)
class AddedFile:
    """A file of a table's current snapshot as its Delta add action says: relative to the warehouse, the least and
    greatest batch_id of its rows (None: no statistics) and when it was written (ms since the epoch, None: not said)."""

    name: str
    low: str | None
    high: str | None
    written: int | None


def _added_files_of(warehouse: Path, path: Path, table: DeltaTable) -> list[AddedFile]:
    """Every file of the table's current snapshot, with its add action's batch_id statistics and time."""
    actions = pa.table(table.get_add_actions(flatten=True))
    columns = actions.column_names
    table_folder = os.path.relpath(path.resolve(), warehouse.resolve())

    def column(name: str) -> list:
        return actions.column(name).to_pylist() if name in columns else [None] * actions.num_rows

    rows = zip(column("path"), column("min.batch_id"), column("max.batch_id"), column("modification_time"), strict=True)
    return [
        AddedFile(os.path.normpath(os.path.join(table_folder, unquote(name))), low, high, written)
        for name, low, high, written in rows
    ]


def _one_batch_files(warehouse: Path, path: Path, table: DeltaTable) -> dict[str, str]:
    """Each file of the table's current snapshot that holds rows of one batch only, with that batch_id, as its
    Delta statistics say (an append writes one batch's rows; a compaction merges several)."""
    return {
        added.name: added.low
        for added in _added_files_of(warehouse, path, table)
        if added.low is not None and added.low == added.high
    }


def _may_hold(added: AddedFile, written_since: int | None, batch_ids: Sequence[str]) -> bool:
    """Whether the file can hold rows of these batches, written no earlier than `written_since` (ms since the
    epoch; None: any time): written since then (or not saying when), and a batch among them within its batch_id
    statistics (or none to go by: a batch_id past STATS_PREFIX characters is not told apart by them)."""
    if written_since is not None and added.written is not None and added.written < written_since:
        return False
    if added.low is None or added.high is None or any(len(batch) >= STATS_PREFIX for batch in batch_ids):
        return True
    return any(added.low <= batch <= added.high for batch in batch_ids)


# How much earlier than its run's start a file the run wrote may say it was written: the Delta log's modification
# times and the run's started_at come from the same clock; this covers a clock stepped back a little meanwhile.
WRITTEN_MARGIN = timedelta(minutes=1)


def checked_rows(warehouse: Path, since: datetime | None, batch_ids: Sequence[str]) -> dict[str, str]:
    """For each table a run's-end check reads the checked batches of (CHECKED_TABLES), a query over its files that
    can hold their rows (_may_hold): those written since `since` (the start of the earliest run they belong to, less
    WRITTEN_MARGIN; None: every file), whose batch statistics admit one of them. A run's own rows are in the files
    it appended and in those its compactions wrote, so a check opens those, not every file of the table (59 files of
    `articles` at 100,600 articles, one per month it holds; docs/benchmarks.md, round 29). From the tables' current
    snapshots: at a run's end, the one the views database being checked was written from."""
    written_since = None if since is None else int((since - WRITTEN_MARGIN).timestamp() * 1000)
    selects = {}
    for spec in ALL_TABLES:
        if spec.name not in CHECKED_TABLES:
            continue
        path = table_path(warehouse, spec)
        table = open_table(path)
        held = [] if table is None else _added_files_of(warehouse, path, table)
        files = [added.name for added in held if _may_hold(added, written_since, batch_ids)]
        selects[spec.name] = snapshot_select(spec, files)
    return selects


def take_snapshot(warehouse: Path) -> list[TableSnapshot]:
    """Every table's files and version, the markers first: a batch's rows are appended before its marker,
    so every marker seen has its rows in the files listed after it, while another thread appends."""
    before = {}
    for spec in READ_NEW:  # before the markers: see TableSnapshot.before
        table = open_table(table_path(warehouse, spec))
        before[spec.name] = table.version() if table is not None else None
    snapshots = []
    for spec in (BATCHES, *(spec for spec in ALL_TABLES if spec is not BATCHES)):
        path = table_path(warehouse, spec)
        table = open_table(path)
        if table is None:
            snapshots.append(TableSnapshot(spec, []))
            continue
        version = table.version()  # the files below are of this version: one object, not updated in between
        files = [uri.removeprefix("file://") for uri in table.file_uris()]
        table_id = str(table.metadata().id)
        one_batch = _one_batch_files(warehouse, path, table) if spec in READ_NEW else {}
        commit = commit_fingerprint(path, version)
        snapshots.append(
            TableSnapshot(
                spec,
                _relative(warehouse, files),
                table_id,
                version,
                commit,
                before.get(spec.name),
                one_batch,
                files_of_one_schema(files),
            )
        )
    return snapshots


def _added_files(warehouse: Path, spec: TableSpec, after: int, until: int) -> set[str] | None:
    """The files (relative to the warehouse) the table's commits after version `after` up to `until` added;
    None when a commit file is gone (cleaned up after a checkpoint): then no file can be left out."""
    path = table_path(warehouse, spec)
    changes = log_changes(path, after + 1, until)
    if changes is None:
        return None
    table_folder = os.path.relpath(path.resolve(), warehouse.resolve())
    return {os.path.normpath(os.path.join(table_folder, unquote(name))) for change in changes for name in change.added}


def new_batch_files(
    warehouse: Path, snapshot: TableSnapshot, before_published: int | None, new_batches: set[str]
) -> list[str]:
    """The files of the snapshot that can hold rows of the new batches: those added since the last publish
    listed the markers (`before_published`, its TableSnapshot.before) and those that hold one new batch only.
    A batch not among the markers then had its rows appended after that version, or was being appended (its own
    files); a compaction merges them only after its marker, so after the version too. Every file when the
    commits since cannot be read."""
    if before_published is None or snapshot.version is None:
        return snapshot.files
    added = _added_files(warehouse, snapshot.spec, before_published, snapshot.version)
    if added is None or any(len(batch) >= STATS_PREFIX for batch in new_batches):
        return snapshot.files
    return [name for name in snapshot.files if name in added or snapshot.one_batch.get(name) in new_batches]


@functools.cache  # the package's SQL files and versions are fixed for a process; a publish asks 3-4 times
def _definition_fingerprint() -> str:
    """What a stored table's rows depend on besides the tables: the views' SQL, the schema and the format."""
    digest = hashlib.sha256(f"{PUBLISH_FORMAT}\x1f{SCHEMA_VERSION}".encode())
    for folder in ("views", "publish"):
        for name in sql_names(folder):
            digest.update(f"\x1f{folder}/{name}\x1f{sql_text(folder, name)}".encode())
    return digest.hexdigest()


def _state_rows(snapshots: Sequence[TableSnapshot]) -> list[tuple[str, str]]:
    rows = [("definition", _definition_fingerprint()), ("snapshot", _snapshot_key(snapshots))]
    for snapshot in snapshots:
        if snapshot.spec in STORY_INPUTS and snapshot.version is not None:
            name = snapshot.spec.name
            rows += [(f"{name}.id", str(snapshot.table_id)), (f"{name}.version", str(snapshot.version))]
            rows += [(f"{name}.commit", snapshot.commit)]
            if snapshot.before is not None:
                rows += [(f"{name}.before", str(snapshot.before))]
    return rows


def _insert_pairs(con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[tuple[str, str]]) -> None:
    """Insert rows of two text columns in one statement."""
    if rows:
        values = ", ".join("(?, ?)" for _ in rows)
        con.execute(f"INSERT INTO {table} VALUES {values}", [value for row in rows for value in row])


def _write_state(con: duckdb.DuckDBPyConnection, snapshots: Sequence[TableSnapshot]) -> None:
    """Record what the stored tables now reflect: the definitions, the input tables' versions, the batches; and
    the files the table views read (VIEW_FILES), which a reader's connection may open."""
    con.execute("DELETE FROM newsetl_publish.state")
    _insert_pairs(con, "newsetl_publish.state", _state_rows(snapshots))
    con.execute(sql_text("publish", "record_batches.sql"))
    con.execute(f"CREATE TABLE IF NOT EXISTS {VIEW_FILES} (file VARCHAR)")  # a database of an earlier publish too
    con.execute(f"DELETE FROM {VIEW_FILES}")
    files = [name for snapshot in snapshots for name in snapshot.files]
    con.execute(f"INSERT INTO {VIEW_FILES} SELECT unnest(?::VARCHAR[])", [files])


def _published_state(con: duckdb.DuckDBPyConnection) -> dict[str, str] | None:
    """What the views database records its stored tables reflect (None: it records nothing)."""
    try:
        return dict(con.execute("SELECT name, value FROM newsetl_publish.state").fetchall())
    except duckdb.Error:
        return None


def _why_rebuild(
    con: duckdb.DuckDBPyConnection, warehouse: Path, snapshots: Sequence[TableSnapshot], state: Mapping[str, str] | None
) -> str | None:
    """Why the stored tables of an earlier views database cannot be brought up to date by the new batches
    alone (None: they can). Run on the new snapshot's views, before any stored row changes."""
    if state is None:
        return "the views database has no publish state"
    if state.get("definition") != _definition_fingerprint():
        return "the views' SQL or the schema changed"
    (earlier,) = con.execute(sql_text("publish", "earlier_batches.sql")).fetchone() or (0,)
    if earlier:
        return f"{earlier} new batches were committed before a published one"
    for snapshot in snapshots:
        if snapshot.spec not in STORY_INPUTS:
            continue
        name, known = snapshot.spec.name, state.get(f"{snapshot.spec.name}.version")
        if known is None:
            if snapshot.version is not None:
                return f"{name} is new since the last publish"
            continue
        if snapshot.version is None or state.get(f"{name}.id") != snapshot.table_id:
            return f"{name} was created anew"
        if snapshot.version < int(known):
            return f"{name} went back to version {snapshot.version}"
        path = table_path(warehouse, snapshot.spec)
        then, now = state.get(f"{name}.commit"), commit_fingerprint(path, int(known))
        if then and now and then != now:
            return f"{name} commit {known} is not the one published"
        if snapshot.version > int(known):
            # The commits since the one recorded, to the table's newest (another thread may have appended since
            # the snapshot: history counts back from the newest).
            table = open_table(path)
            history = table.history(limit=table.version() - int(known)) if table is not None else []
            changed = [entry.get("operation") for entry in history if entry.get("operation") not in ROW_KEEPING]
            if changed:
                return f"{name} had rows changed or removed ({changed[0]})"
    (gone,) = con.execute(sql_text("publish", "gone_batches.sql")).fetchone() or (0,)
    if gone:
        return f"{gone} published batches are no longer committed"
    return None


def _root_moves(links: Sequence[tuple[str, str | None, str, str | None]]) -> list[tuple[str, str]]:
    """(old root, new root) for every component a new link joins: each end stands for its component (its root,
    or itself when no earlier link named it), and joined components take the smallest of their roots."""
    parent: dict[str, str] = {}

    def find(node: str) -> str:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for article, article_root, duplicate_of, duplicate_root in links:
        a, b = find(article_root or article), find(duplicate_root or duplicate_of)
        if a != b:
            parent[max(a, b)] = min(a, b)
    return [(node, find(node)) for node in sorted(parent)]


def _number_keys(con: duckdb.DuckDBPyConnection, keys: str) -> None:
    """Give every text key the query `keys` lists its number in the temporary `numbers` (the keys this publish
    has numbered): the number `newsetl_publish.key_numbers` holds for it, or a new one. Keys numbered already
    are not looked up again, so a call whose keys are all known reads nothing of the views database."""
    unnumbered = f"SELECT DISTINCT key FROM ({keys}) AS listed(key) ANTI JOIN numbers USING (key) WHERE key IS NOT NULL"
    if con.execute(f"SELECT EXISTS ({unnumbered})").fetchone() == (True,):
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE wanted AS SELECT key, md5_number_lower(key) AS key_hash FROM ({unnumbered})"
        )
        con.execute(sql_text("publish", "number_keys.sql"))


def _replace_stored_rows(con: duckdb.DuckDBPyConnection, restriction: str, names: Sequence[str]) -> None:
    """Replace the stored rows of the dirty articles or stories by their SQL's, computed over the rows the
    restriction file leaves its inputs (temporary views or tables named as the inputs hide them for this
    connection; a stored input is copied, as DuckDB takes a temporary view `x` reading `main.x` for a view
    reading itself). The restriction's tables are materialised first: they may read the rows replaced.
    The rows of a table that carries key numbers (KEY_NUMBERS) are found by the dirty keys' numbers, and the rows
    inserted take their keys' numbers."""
    con.execute(sql_text("publish", f"restrict_{restriction}.sql"))
    for number, name in enumerate(names, start=1):
        column, dirty = REPLACED_BY[name]
        numbered = KEY_NUMBERS.get(name, {})
        fresh = FRESH.format(name)
        # The rows recomputed, kept for the restrictions that follow (the later SQL of this publish reads them as
        # `<name>__fresh`): each read of a stored table scans every stored row, so the dirty keys' rows are not
        # selected from it again.
        con.execute(f"CREATE TEMP TABLE {fresh} AS SELECT * FROM {DEFINITION.format(name)}")
        key_number = next((no for no, text in numbered.items() if text == column), None)
        if key_number is None:
            con.execute(f"DELETE FROM main.{name} WHERE {column} IN (SELECT {column} FROM {dirty})")
        else:  # every dirty key is numbered by now (_update_stored)
            dirty_numbers = f"SELECT n.no FROM numbers AS n SEMI JOIN {dirty} AS d ON d.{column} = n.key"
            con.execute(f"DELETE FROM main.{name} WHERE {key_number} IN ({dirty_numbers})")
        if set(numbered.values()) - {column}:
            # Keys of other columns than the dirty ones (the story an article is in now) may be new here.
            _number_keys(con, " UNION ALL ".join(f"SELECT {text} FROM {fresh}" for text in numbered.values()))
        con.execute(f"INSERT INTO main.{name} BY NAME {with_numbers(name, fresh, 'numbers')}")
        if number < len(names):
            # The names after it read its rows of the dirty keys alone (their restricted inputs hold no others):
            # those just computed, not the whole stored table again.
            con.execute(f"CREATE TEMP VIEW {name} AS SELECT * FROM {fresh}")
    temporary = "SELECT {0}_name FROM duckdb_{0}s() WHERE temporary AND NOT internal"
    for kind in ("view", "table"):
        for (restricted,) in con.execute(temporary.format(kind)).fetchall():
            if restricted in RESTRICTED:
                con.execute(f"DROP {kind.upper()} temp.{restricted}")


def with_numbers(name: str, rows: str, numbers: str) -> str:
    """The query of the rows `rows` (a table) of the stored table `name` with their keys' numbers (KEY_NUMBERS)
    from `numbers` (a table of key and no)."""
    numbered = KEY_NUMBERS.get(name, {})
    columns = "".join(f", n{i}.no AS {no}" for i, no in enumerate(numbered))
    joins = "".join(f" LEFT JOIN {numbers} AS n{i} ON n{i}.key = t.{key}" for i, key in enumerate(numbered.values()))
    return f"SELECT t.*{columns} FROM {rows} AS t{joins}"


# The rows of _article_versions as a rebuild computes them, once: the keys are numbered from them (key_numbers.sql).
COMPUTED_VERSIONS = "_article_versions__computed"


def _store_numbered(con: duckdb.DuckDBPyConnection) -> None:
    """Store the stored views (store_views) for a publish: every key numbered (newsetl_publish.key_numbers, from the
    rows of _article_versions, whose ids every stored table's keys are), and each table with its keys' numbers."""
    first = STORED_VIEWS.index("_article_versions")
    store_views(con, STORED_VIEWS[:first])
    con.execute(f"CREATE TEMP TABLE {COMPUTED_VERSIONS} AS SELECT * FROM _article_versions")
    con.execute(sql_text("publish", "key_numbers.sql"))

    def numbered_rows(name: str) -> str:
        rows = COMPUTED_VERSIONS if name == "_article_versions" else name
        return with_numbers(name, rows, "newsetl_publish.key_numbers")

    store_views(con, STORED_VIEWS[first:], numbered_rows)
    con.execute(f"DROP TABLE temp.{COMPUTED_VERSIONS}")


def _read_from(
    con: duckdb.DuckDBPyConnection, snapshot: TableSnapshot, suffix: str, files: Sequence[str], purpose: str
) -> None:
    """A temporary view `_<table>__<suffix>` over these files of the table's snapshot."""
    log.debug("views: %s reads %d of %d files of %s", purpose, len(files), len(snapshot.files), snapshot.spec.name)
    query = snapshot_select(snapshot.spec, list(files), snapshot.same_columns)  # some of the snapshot's files
    con.execute(f"CREATE TEMP VIEW _{snapshot.spec.name}__{suffix} AS {query}")


def _read_again(con: duckdb.DuckDBPyConnection, snapshot: TableSnapshot, needed_by: str) -> None:
    """`_<table>__reread`: every file of the table when `needed_by` (a query) counts rows, else none."""
    (needed,) = con.execute(needed_by).fetchone() or (0,)
    _read_from(con, snapshot, "reread", snapshot.files if needed else [], "reading again")


@dataclass(frozen=True, slots=True)
class Published:
    """What a publish did: the views database, whether it rebuilt the stored tables (and why), and how many
    new batches, articles and stories it brought them up to date with."""

    path: Path
    rebuilt: str | None  # why the stored tables were computed from every row; None when brought up to date
    batches: int = 0
    articles: int = 0
    stories: int = 0


def _update_stored(
    con: duckdb.DuckDBPyConnection, warehouse: Path, snapshots: Sequence[TableSnapshot], state: Mapping[str, str]
) -> tuple[int, int, int]:
    """Bring the stored tables up to date with the new batches: the components their links join, then the rows
    of the articles and stories they touch. Of the tables only the files that can hold the new batches' rows are
    read, and every file only for the few articles the stored rows cannot stand for (dirty.sql).
    Returns (new batches, dirty articles, dirty stories)."""
    con.execute(sql_text("publish", "new_batches.sql"))
    new_batches = {batch for (batch,) in con.execute(sql_text("publish", "new_batch_ids.sql")).fetchall()}
    if not new_batches:
        return 0, 0, 0
    inputs = {snapshot.spec.name: snapshot for snapshot in snapshots if snapshot.spec in READ_NEW}
    for name, snapshot in inputs.items():
        before = state.get(f"{name}.before")
        files = new_batch_files(warehouse, snapshot, int(before) if before else None, new_batches)
        _read_from(con, snapshot, "new", files, "the new batches")
    moves = _root_moves(con.execute(sql_text("publish", "new_links.sql")).fetchall())
    con.execute("CREATE TEMP TABLE root_moves (old_root VARCHAR, new_root VARCHAR)")
    if moves:
        _insert_pairs(con, "root_moves", moves)
        con.execute(sql_text("publish", "merge_components.sql"))
    con.execute(sql_text("publish", "new_rows.sql"))
    # The numbers of the new articles, of the stories they took at ingest, of their documents and of the documents
    # newly rejected, in one look-up: the stored rows are found by them (dirty.sql, dirty_versions.sql), and the
    # rows recomputed take them. Then those of the articles of the components the new links touch (no look-up
    # when there are none).
    con.execute("CREATE TEMP TABLE numbers (key VARCHAR, no INTEGER)")
    _number_keys(
        con,
        "SELECT article_id FROM new_articles UNION ALL SELECT cluster_id FROM new_articles "
        "UNION ALL SELECT doc_id FROM new_articles UNION ALL SELECT doc_id FROM new_rejections",
    )
    con.execute(sql_text("publish", "dirty.sql"))
    _number_keys(con, "SELECT article_id FROM dirty_articles")
    con.execute(sql_text("publish", "dirty_versions.sql"))
    for name in (ARTICLES.name, REJECTIONS.name):
        _read_again(con, inputs[name], "SELECT count(*) FROM reread_articles")
    _replace_stored_rows(con, "_article_versions", ("_article_versions", "_hidden_articles"))
    # Every dirty story is numbered: those the dirty articles were in by their stored versions (dirty_versions.sql),
    # those they are in now as their rows were inserted (_replace_stored_rows).
    con.execute(sql_text("publish", "dirty_stories.sql"))
    con.execute(sql_text("publish", "story_versions.sql"))
    for name in ("_story_keys", "_story_rows"):
        _replace_stored_rows(con, name, (name,))
    con.execute(sql_text("publish", "mention_sources.sql"))
    mentions = "SELECT count(*) FROM mention_sources WHERE counted_from = 'reread'"
    _read_again(con, inputs[ENTITY_MENTIONS.name], mentions)
    _replace_stored_rows(con, "_article_entities", ("_article_entities",))
    (articles,) = con.execute("SELECT count(*) FROM dirty_articles").fetchone() or (0,)
    (stories,) = con.execute("SELECT count(*) FROM dirty_stories").fetchone() or (0,)
    return len(new_batches), articles, stories


def create_views(con: duckdb.DuckDBPyConnection, warehouse: Path, stored: Sequence[str] = STORED_VIEWS) -> None:
    """Create every view over the warehouse's current snapshot on `con`, then store the `stored` ones as tables."""
    _create_views(con, take_snapshot(warehouse), stored)


def _create_views(
    con: duckdb.DuckDBPyConnection, snapshots: Sequence[TableSnapshot], stored: Sequence[str] = STORED_VIEWS
) -> None:
    for snapshot in snapshots:
        con.execute(snapshot_view_sql(snapshot.spec, snapshot.files, snapshot.same_columns))
    for name in sql_names("views"):
        con.execute(sql_text("views", name))
    store_views(con, stored)


def _rebuild(con: duckdb.DuckDBPyConnection, snapshots: Sequence[TableSnapshot]) -> None:
    """Every view and stored table from every row, and the publish state saying what they reflect."""
    _create_views(con, snapshots, stored=())
    con.execute(sql_text("publish", "state.sql"))
    _store_numbered(con)
    con.execute("CREATE TEMP TABLE new_batches (batch_id VARCHAR)")  # every batch is in the state already
    _write_state(con, snapshots)


def _marker_files_since(warehouse: Path, batches: TableSnapshot, state: Mapping[str, str]) -> list[str] | None:
    """The files of the batches table that can hold markers the published stored tables do not: those its commits
    since the published version added. None when the state cannot vouch for the markers it holds (other
    definitions, another table or an older version, a commit file gone): then every file is read."""
    if state.get("definition") != _definition_fingerprint() or batches.version is None:
        return None
    known = state.get(f"{BATCHES.name}.version")
    if known is None or state.get(f"{BATCHES.name}.id") != batches.table_id or batches.version < int(known):
        return None
    added = _added_files(warehouse, BATCHES, int(known), batches.version)
    return None if added is None else [name for name in batches.files if name in added]


def _committed_batches(
    con: duckdb.DuckDBPyConnection, warehouse: Path, snapshots: Sequence[TableSnapshot], state: Mapping[str, str]
) -> None:
    """`batches`, a temporary table of the committed markers (it hides the view of that name for this connection)
    for the many queries of this update that join them: the published markers, kept whole in the views database,
    and the markers of the files added since, not every marker file again. The batches table only gained rows
    since (_why_rebuild checks its history), so every published marker is still committed; when the files added
    cannot be told, every marker is read and gone_batches.sql compares them."""
    batches = next(snapshot for snapshot in snapshots if snapshot.spec is BATCHES)
    files = _marker_files_since(warehouse, batches, state)
    if files is None:
        con.execute("CREATE TEMP TABLE batches AS SELECT * FROM main.batches")
        return
    log.debug("views: reading %d of %d marker files", len(files), len(batches.files))
    # main.batches reads these
    con.execute(f"CREATE TEMP VIEW _batches AS {snapshot_select(BATCHES, files, batches.same_columns)}")
    con.execute(sql_text("publish", "committed_batches.sql"))
    con.execute("DROP VIEW temp._batches")


def _bring_up_to_date(
    con: duckdb.DuckDBPyConnection,
    warehouse: Path,
    snapshots: Sequence[TableSnapshot],
    published: Mapping[str, str] | None = None,
) -> tuple[str | None, tuple[int, int, int]]:
    """In one transaction: point the table views at the new snapshot, then rebuild (saying why) or bring the
    stored tables up to date with the new batches. `published`: the state of the views published, when this
    database is another one (then it is not brought up to date when it is far behind them: _far_behind)."""
    state = _published_state(con)
    if state is not None and published is not None and (behind := _far_behind(state, published, snapshots)):
        return behind, (0, 0, 0)
    con.execute("BEGIN")
    for snapshot in snapshots:  # the file lists: O(files), which compaction as runs go keeps bounded
        con.execute(
            snapshot_view_sql(snapshot.spec, snapshot.files, snapshot.same_columns).replace(
                "CREATE VIEW", "CREATE OR REPLACE VIEW", 1
            )
        )
    if state is not None:  # else a rebuild, which reads the view
        _committed_batches(con, warehouse, snapshots, state)
    reason = _why_rebuild(con, warehouse, snapshots, state)
    if reason is not None or state is None:
        con.execute("ROLLBACK")
        return reason, (0, 0, 0)
    counts = _update_stored(con, warehouse, snapshots, state)
    _write_state(con, snapshots)
    con.execute("COMMIT")
    return None, counts


def _snapshot_key(snapshots: Sequence[TableSnapshot]) -> str:
    """Every table's Delta id, version and commit hash: two publishes of one key write the same views database."""
    ordered = sorted(snapshots, key=lambda s: s.spec.name)
    return ";".join(f"{s.spec.name}={s.table_id}@{s.version}:{s.commit}" for s in ordered)


# A views database that missed more than this many times the batches table's commits that a publish brings the
# published one (a run's first publish after a long gap, as after bench.scale's synthetic archive) is not brought
# up to date in place: a copy of the published one costs less than computing those batches' rows a second time.
# In a run's steady state it missed one publish's commits, about as many as the publish brings.
CATCH_UP_FACTOR = 4


def _far_behind(
    state: Mapping[str, str], published: Mapping[str, str], snapshots: Sequence[TableSnapshot]
) -> str | None:
    """Why a views database with this state is far behind the published one (None: it is not, or cannot tell)."""
    batches = next(snapshot for snapshot in snapshots if snapshot.spec is BATCHES)
    version, table_id = f"{BATCHES.name}.version", f"{BATCHES.name}.id"
    if batches.version is None or version not in state or version not in published:
        return None
    if state.get(table_id) != published.get(table_id):
        return None  # another table: _why_rebuild says so
    missed, new = int(published[version]) - int(state[version]), batches.version - int(published[version])
    if missed > CATCH_UP_FACTOR * max(new, 1):
        return f"it is {missed} batches table commits behind the published views ({new} new): a copy costs less"
    return None


def _state_of(target: Path, warehouse: Path) -> dict[str, str] | None:
    """The publish state of the views database at `target` (None: none, or it cannot be read)."""
    if not target.exists():
        return None
    try:
        with _instance_lock, _attached(target, warehouse, read_only=True) as con:
            return dict(con.execute("SELECT name, value FROM newsetl_publish.state").fetchall())
    except duckdb.Error:
        return None


def _unchanged(state: Mapping[str, str] | None, snapshots: Sequence[TableSnapshot]) -> bool:
    """Whether a views database of this state already shows exactly this snapshot, with today's definitions."""
    if state is None:
        return False
    return state.get("snapshot") == _snapshot_key(snapshots) and state.get("definition") == _definition_fingerprint()


# One DuckDB instance per process writes every publish, the views file of each attached under this name while
# it is written (then detached): the Parquet footers it reads stay in the instance's metadata cache, so a run's
# publishes read the footer of an unchanged file once, not once per batch (`raw_pages`' one compacted file has a
# footer of thousands of row groups). The cache is of files only, and cannot go wrong: Delta never rewrites a
# file in place (a new file has a new name), and DuckDB checks each file's modification time before using it.
# Nothing else outlives a publish: the views file is detached and every temporary object dropped.
# The cache keeps the footer of every file it read, also of files since replaced (a compaction merges a table's
# small files into new ones), so a run of many batches would hold the footers of every file it ever wrote: once
# the files it read that are gone outnumber those in the tables, the next publish starts another instance
# (`_forget_gone_files`), so it holds at most about twice the footers of the files in use. Not at every
# compaction: one merges only the small files of the batches since, and the large files beside them (`raw_pages`'
# footer of thousands of row groups) stay, their footers cached.
ATTACHED = "newsetl_views"
_instance: duckdb.DuckDBPyConnection | None = None
_instance_files: frozenset[str] = frozenset()  # the files of every snapshot the instance published
_instance_lock = threading.RLock()  # one publish at a time uses the instance (the writer thread, the flow's end)


def _publishing_instance() -> duckdb.DuckDBPyConnection:
    global _instance
    if _instance is None:
        _instance = duckdb.connect(":memory:")
        _instance.execute("SET parquet_metadata_cache = true")
    return _instance


def _drop_instance() -> None:
    """Forget the instance (after an error its state cannot be vouched for): the next publish starts another."""
    global _instance, _instance_files
    if _instance is not None:
        with suppress(duckdb.Error):
            _instance.close()
    _instance, _instance_files = None, frozenset()


def _forget_gone_files(warehouse: Path, snapshots: Sequence[TableSnapshot]) -> None:
    """Drop the instance when the files it read that are no longer in the tables (compacted away, or another
    warehouse's) outnumber those that are, so its metadata cache holds mostly footers of files in use."""
    global _instance_files
    root = warehouse.resolve()
    files = frozenset(f"{root}{os.sep}{name}" for snapshot in snapshots for name in snapshot.files)
    if len(_instance_files - files) > len(files):
        _drop_instance()
    _instance_files = _instance_files | files


atexit.register(_drop_instance)  # closed before the interpreter's end, which would report it leaked


@contextmanager
def _attached(path: Path, warehouse: Path, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """The publishing instance with the views file at `path` attached and in use, relative Parquet paths
    resolving against the warehouse; afterwards detached, with no temporary object left. Attaching a file
    costs a tenth of opening a DuckDB instance on it (a publish opens the views file three times)."""
    con = _publishing_instance()
    try:
        con.execute(f"SET file_search_path = {_quote(str(warehouse.resolve()))}")
        options = "READ_ONLY" if read_only else f"ROW_GROUP_SIZE {VIEWS_ROW_GROUP_ROWS}"
        con.execute(f"ATTACH {_quote(str(path))} AS {ATTACHED} ({options})")
        con.execute(f"USE {ATTACHED}")
        yield con
    finally:
        try:
            with suppress(duckdb.Error):
                con.execute("ROLLBACK")  # a transaction an error left open
            temporary = "SELECT {0}_name FROM duckdb_{0}s() WHERE temporary AND NOT internal"
            for kind in ("view", "table"):
                for (name,) in con.execute(temporary.format(kind)).fetchall():
                    con.execute(f'DROP {kind.upper()} temp."{name}"')
            con.execute("USE memory")
            con.execute(f"DETACH DATABASE IF EXISTS {ATTACHED}")
        except duckdb.Error:
            _drop_instance()  # whatever is left attached or open goes with the instance


def _publish_into(path: Path, source: Path | None, warehouse: Path, snapshots: Sequence[TableSnapshot]) -> Published:
    """Write a new views database at `path`: a copy of the published one (`source`) brought up to date when it
    can be, else every view and stored table from every row."""
    rebuilt: str | None = "there is no views database yet"
    counts = (0, 0, 0)
    _delete_database(path)
    if source is not None:
        shutil.copyfile(source, path)  # readers keep the published file; the copy is changed, then pointed at
        rebuilt, counts = _bring_file_up_to_date(path, warehouse, snapshots)
    if rebuilt is not None:
        log.info("views: rebuilding the stored story tables: %s", rebuilt)
        _delete_database(path)
        with _attached(path, warehouse) as con:
            _rebuild(con, snapshots)
            con.execute(f"CHECKPOINT {ATTACHED}")
    return Published(path, rebuilt, *counts)


def _bring_file_up_to_date(
    path: Path, warehouse: Path, snapshots: Sequence[TableSnapshot], published: Mapping[str, str] | None = None
) -> tuple[str | None, tuple[int, int, int]]:
    """Bring the views database at `path` up to date in place; why it could not be (None: it is)."""
    try:
        with _attached(path, warehouse) as con:
            rebuilt, counts = _bring_up_to_date(con, warehouse, snapshots, published)
            if rebuilt is None:
                con.execute(f"CHECKPOINT {ATTACHED}")  # into the file now: a write that fails raises here
    except Exception as error:  # noqa: BLE001 - whatever stopped it (a damaged file, a full disk, a reader's lock)
        return f"the views database could not be brought up to date ({_first_line(error)})", (0, 0, 0)
    return rebuilt, counts


# The views file users open (`newsetl.duckdb`) is a symbolic link to one of the views databases beside it,
# `.newsetl.duckdb.<n>`; a publish writes another and then renames a new link over it, so a reader opens either
# the views before or after, whole. A publish writes the newest one the link does not name (the spare: usually
# the one published before the current) in place, bringing it up to date with the batches of every publish it
# missed (usually two), so a publish writes the pages of what changed, not a copy of the file (50 MB at 100,000
# articles). DuckDB will not attach for writing a database file a reader has open (another process's reader holds
# a read lock on it, read-only or not; in this process DuckDB keeps a registry of the files open, links resolved),
# so a reader still holding the spare, opened before the link moved on, makes the attach fail: then, as
# when the spare is damaged (a publish killed while writing it) or too old to bring up to date, the current one
# is copied to a new `.newsetl.duckdb.<n>` and that is written. After the link moves, every other views database
# but the one it named goes (a reader holding one keeps reading it: the file goes when the reader closes it).
def _delete_database(path: Path) -> None:
    """A views database file and DuckDB's write-ahead log beside it, gone (either may be missing)."""
    path.unlink(missing_ok=True)
    path.with_name(f"{path.name}.wal").unlink(missing_ok=True)


def views_databases(target: Path) -> dict[int, Path]:
    """The views databases beside the views file `target`, by number, the link's among them."""
    prefix = f".{target.name}."
    found = {}
    for path in target.parent.glob(f"{prefix}*"):
        number = path.name.removeprefix(prefix)
        if number.isdigit():
            found[int(number)] = path
    return found


def published_database(target: Path) -> Path | None:
    """The views database readers open through `target`: the one its link names, or `target` itself when it is
    a file (the views of a warehouse published before links, or copied without them); None when there is none."""
    if target.is_symlink():
        named = target.with_name(os.readlink(target))
        return named if named.is_file() and named.parent == target.parent else None
    return target if target.is_file() else None


def _spare(target: Path, current: Path | None) -> Path | None:
    """The newest views database beside `target` that readers are not sent to."""
    others = {n: path for n, path in views_databases(target).items() if current is None or path.name != current.name}
    return others[max(others)] if others else None


def _write_views_database(
    target: Path,
    current: Path | None,
    published: Mapping[str, str] | None,
    warehouse: Path,
    snapshots: Sequence[TableSnapshot],
) -> Published:
    """Bring the spare up to date in place, or else write a new views database; the one written is the
    Published's path. `published`: the current one's state."""
    spare = _spare(target, current)
    if spare is not None:
        rebuilt, counts = _bring_file_up_to_date(spare, warehouse, snapshots, published)
        if rebuilt is None:
            return Published(spare, None, *counts)
        log.debug("views: not writing %s in place: %s", spare.name, rebuilt)
    number = max(views_databases(target), default=0) + 1
    path = target.with_name(f".{target.name}.{number}")
    try:
        return _publish_into(path, current, warehouse, snapshots)
    except BaseException:
        _delete_database(path)  # a new database that could not be written whole is not kept
        raise


def _point_at(target: Path, database: Path) -> None:
    """Send readers of `target` to `database`: a new link renamed over it (a rename is atomic)."""
    # Unique per thread too: a publish may run beside another thread's work in the same process.
    link = target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    link.unlink(missing_ok=True)
    try:
        os.symlink(database.name, link)  # relative: a copied or moved warehouse keeps its views
        os.replace(link, target)
    finally:
        link.unlink(missing_ok=True)


def _remove_others(target: Path, keep: Sequence[Path]) -> None:
    """Every views database beside `target` but those kept, with their logs."""
    kept = {path.name for path in keep}
    for path in views_databases(target).values():
        if path.name not in kept:
            _delete_database(path)


def publish(warehouse: Path, before_readers: Callable[[Path], bool] | None = None) -> Published:
    """Publish the views of the tables' current snapshot, doing the work of what changed since the last publish.

    The stored story tables of a views database are brought up to date with the batches committed since it was
    written (the components their links join, then the rows of the articles and stories they touch), in a
    database readers are not sent to, and then the views file's link is renamed to it: readers never see half of
    it, and a write that failed (a full disk) leaves the old views and no new database. Nothing is written when no
    table moved. Whatever the state recorded beside the stored tables cannot vouch for (a missing or unreadable
    file, other SQL or schema, a table created anew, gone back, with a lost commit or rows removed, a published
    batch no longer committed) rebuilds them from every row.

    `before_readers`: called with the views database written, before readers are sent to it (the end of a run
    reads its SQL checks there, then records itself in `runs`). True: it committed to the tables, and what it
    committed (a `runs` row) joins that database before readers see it, so a run's end is one publish, not a
    publish for the checks and another for the row (docs/benchmarks.md, round 21)."""
    target = views_path(warehouse)
    snapshots = take_snapshot(warehouse)
    published_state = _state_of(target, warehouse)
    if _unchanged(published_state, snapshots):
        if before_readers is not None and before_readers(published_database(target) or target):
            return publish(warehouse)
        return Published(target, None)
    with _instance_lock:
        published, current = _write_checked(target, warehouse, published_state, snapshots)
        if before_readers is not None and before_readers(published.path):
            rebuilt = _take_in_commits(published.path, warehouse)
            if rebuilt is not None:  # the written database stays unseen; a publish of its own does the work
                log.info("views: publishing again: %s", rebuilt)
                _delete_database(published.path)
                return publish(warehouse)
        _point_at(target, published.path)
        _remove_others(target, [published.path, *([current] if current is not None else [])])
    return Published(target, published.rebuilt, published.batches, published.articles, published.stories)


def _write_checked(
    target: Path, warehouse: Path, published_state: Mapping[str, str] | None, snapshots: Sequence[TableSnapshot]
) -> tuple[Published, Path | None]:
    """Write a views database of `snapshots` that readers are not sent to yet, whole (every view in it), and
    the one they are sent to now."""
    try:
        _forget_gone_files(warehouse, snapshots)
        current = published_database(target)
        published = _write_views_database(target, current, published_state, warehouse, snapshots)
        missing = missing_views(published.path, warehouse)
    except (duckdb.Error, OSError) as error:
        raise ViewsNotPublished(
            f"could not write the views database ({_first_line(error)}); the previous views stand: "
            f"free disk space under {warehouse} and run again"
        ) from None
    if missing:
        _delete_database(published.path)
        raise ViewsNotPublished(
            f"the new views database lacks {', '.join(missing)} (disk full?); the previous views stand: "
            f"free disk space under {warehouse} and run again"
        )
    return published, current


def _take_in_commits(path: Path, warehouse: Path) -> str | None:
    """Bring the views database at `path`, written moments ago and unseen, up to date with what was committed
    since (a run's `runs` row); why it could not be, whole (None: it is)."""
    rebuilt, _ = _bring_file_up_to_date(path, warehouse, take_snapshot(warehouse))
    if rebuilt is None and (missing := missing_views(path, warehouse)):
        return f"it lacks {', '.join(missing)}"
    return rebuilt


def publish_views(warehouse: Path) -> Path:
    """Publish the views (see publish) and return the views database's path."""
    return publish(warehouse).path
