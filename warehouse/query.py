"""Reading the published views: SQL that can only read the warehouse's own tables.

Light on purpose: `newsetl sql` imports this, so nothing here may import pyarrow or deltalake
(warehouse/views.py writes the views, with the table schemas).

The views read the tables' Parquet files by paths relative to the warehouse folder, so a copied
or moved warehouse works as it is; a reader resolves them with DuckDB's `file_search_path`
set to the warehouse. A query here runs on a connection that is read-only and locked down by
DuckDB's own settings: external access off, the only files it may open are the tables' Parquet
files its views read, no extension installed or loaded, and the configuration locked so the query cannot undo
any of it. Those settings let an allowed file be written as well as read (DuckDB 2.0 checks the
path, not the mode: `COPY ... TO` one of the Parquet files overwrote it), so a query must also be
statements that DuckDB's parser classifies as reads (READ_STATEMENTS).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from transforms.batches import groups_of_batches

VIEWS_FILE = "newsetl.duckdb"
TABLES_DIR = "tables"  # as warehouse/store.py lays the tables out
# The Parquet files the views database's table views read (relative to the warehouse), written by each publish with
# the views (warehouse/views.py, _write_state): what a reader's connection may open (connect_views).
VIEW_FILES = "newsetl_publish.files"

# The tables whose checked batches' rows the SQL checks read (warehouse/sql/checks), as `checked_<table>`: at a run's
# end only the files that can hold them (warehouse/views.py, checked_rows), for a whole check the table's view.
CHECKED_TABLES = ("articles", "entity_mentions", "figures", "rejections")
# The checks whose every violation lies within one batch's rows (each groups or joins them by batch_id) and which hold
# rows to do so (a hash table of keys, the articles' texts). At a run's end, where the rows are read from the files
# chosen for them (CheckedRows), they read the checked batches a group of about CHECK_GROUP_DOCUMENTS documents at a
# time, each group's from its own files: a statement over all of them held a key of each of the run's rows
# (figures_unique +22 MB at the end of a 3,000-page run, where the flow process's peak is its run's end;
# docs/benchmarks.md, round 30). The others compare across batches, or read each row alone (figures_bounds).
GROUPED_CHECKS = frozenset(
    {"articles_unique.sql", "figures_unique.sql", "mentions_have_articles.sql", "mentions_unique.sql"}
)
# Documents (articles and rejections, as the batches' markers count them) of the batches a grouped check reads at once:
# five batches of the default size, so a night of up to 1,000 pages is one group as before, and a longer run's end
# holds no more of its rows than that. A batch of more documents is a group of its own.
CHECK_GROUP_DOCUMENTS = 1_000
# What a run's end gives the checks to read the checked batches' rows from: for each of CHECKED_TABLES a SELECT, given
# the earliest time those rows can have been written (None: any) and the batches.
CheckedRows = Callable[[datetime | None, Sequence[str]], Mapping[str, str]]
# What a run's end gives documents_committed_once.sql for the archive's side: given the checked batches' documents,
# each committed batch in which one of them has an outcome that counts, as (doc_id, batch_id) pairs (the lookup
# index's, warehouse/lookups.py counted_outcomes); None when it cannot say (no index): the tables are read.
ArchiveOutcomes = Callable[[Sequence[str]], Sequence[tuple[str, str]] | None]

# What DuckDB's parser calls these statements; DESCRIBE, SHOW, SUMMARIZE, VALUES and FROM-first are SELECT.
READ_STATEMENTS = frozenset({duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN})


class QueryRefused(ValueError):
    """A query that is empty or is not a read; the message says what to give instead."""


def views_path(warehouse: Path) -> Path:
    return warehouse / VIEWS_FILE


def sql_text(folder: str, name: str) -> str:
    return resources.files("warehouse").joinpath("sql", folder, name).read_text(encoding="utf-8")


def sql_names(folder: str) -> list[str]:
    return sorted(
        p.name for p in resources.files("warehouse").joinpath("sql", folder).iterdir() if p.name.endswith(".sql")
    )


def table_parquet_files(warehouse: Path) -> list[str]:
    """Every Parquet file under the tables folder, relative to the warehouse (as the views name them).

    A superset of the snapshots the views read (older files stay until compaction removes them):
    all of it is the warehouse's data, and listing it needs no Delta log reader.
    """
    files = (warehouse / TABLES_DIR).glob("*/**/*.parquet")
    return sorted(str(f.relative_to(warehouse)) for f in files if "_delta_log" not in f.parts and f.is_file())


def check_readable(warehouse: Path) -> Path:
    """The views database of the warehouse, or an error that says what to do."""
    if warehouse.exists() and not warehouse.is_dir():
        raise NotADirectoryError(
            f"warehouse {warehouse} is a file, not a folder: "
            "point --warehouse / NEWSETL_WAREHOUSE at the warehouse folder"
        )
    path = views_path(warehouse)
    if not path.is_file():
        raise FileNotFoundError(
            f"no views database at {path}: run 'newsetl run' first "
            "(or point --warehouse / NEWSETL_WAREHOUSE at an existing warehouse)"
        )
    return path


def parse_statements(sql: str) -> list[duckdb.Statement]:
    """The statements of `sql`, parsed on a connection closed at once.

    Why not `duckdb.extract_statements`: it opens DuckDB's default connection, whose worker threads
    live until the interpreter exits, and a native thread still alive at exit can abort the process.
    """
    with duckdb.connect(":memory:", config={"threads": 1}) as con:
        return con.extract_statements(sql)


def read_statements(sql: str) -> int:
    """How many statements `sql` holds; QueryRefused unless each only reads."""
    statements = parse_statements(sql)
    if not statements:
        raise QueryRefused("empty query: give a SELECT over the views, e.g. 'select count(*) from articles'")
    for statement in statements:
        if statement.type not in READ_STATEMENTS:
            kind = statement.type.name
            raise QueryRefused(
                f"{kind} statements are refused: newsetl sql only reads (SELECT, DESCRIBE, SHOW, EXPLAIN)"
            )
    return len(statements)


@contextmanager
def connect_views(warehouse: Path, views: Path | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to the views that can open nothing but the warehouse's tables.

    `views`: another views database over the same tables (the warehouse as of an earlier commit).
    """
    path = check_readable(warehouse) if views is None else views
    warehouse = warehouse.resolve()
    config: dict[str, str | bool | int | float | list[str]] = {
        "file_search_path": str(warehouse),
        "autoinstall_known_extensions": False,
        "autoload_known_extensions": False,
    }
    with duckdb.connect(str(path), read_only=True, config=config) as con:
        relative = _view_files(con) or table_parquet_files(warehouse)
        # DuckDB checks a relative path both as written and as resolved against file_search_path.
        allowed = relative + [str(warehouse / name) for name in relative]
        # In this order: allowed_paths can be set only while external access is on, and nothing after the lock.
        con.execute("SET allowed_paths = ?", [allowed])
        con.execute("SET enable_external_access = false")
        con.execute("SET lock_configuration = true")
        yield con


def _view_files(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The files the views database's views read, as its publish recorded them (VIEW_FILES): the current snapshot's,
    not every file in the tables' folders, which listing them found (with the Delta logs' folders walked as well,
    and the files compactions replaced until vacuum deletes them: 815 files after a night at 100,600 articles, where
    the views read 217; docs/benchmarks.md, round 29). Empty when the database records none (an older publish, an
    as-of view)."""
    try:
        return [name for (name,) in con.execute(f"SELECT file FROM {VIEW_FILES}").fetchall()]
    except duckdb.CatalogException:
        return []


def query(
    warehouse: Path, sql: str, parameters: list[Any] | None = None, views: Path | None = None
) -> tuple[list[str], list[tuple]]:
    """Run SQL that only reads over the published views: the pipeline is never blocked by a reader."""
    read_statements(sql)
    with connect_views(warehouse, views) as con:
        cursor = con.execute(sql, parameters or [])
        columns = [d[0] for d in cursor.description] if cursor.description else []
        return columns, cursor.fetchall()


def failed_checks(warehouse: Path) -> dict[str, int]:
    """Each SQL check that returns rows, with how many, over every committed batch: empty means the
    warehouse is sound."""
    # One connection for them all: each opens the views database and allows every file its views read.
    with connect_views(warehouse) as con:
        return failed_checks_on(con)


def failed_checks_on(
    con: duckdb.DuckDBPyConnection,
    run_id: str | None = None,
    checked_rows: CheckedRows | None = None,
    archive_outcomes: ArchiveOutcomes | None = None,
) -> dict[str, int]:
    """`failed_checks` on a connection already open to the views (`connect_views`). The checks are the
    project's own SELECTs, so they are not checked as a user's query is.

    `run_id`: check what that run's batches wrote, and any batch committed since the last run whose checks
    ran finished (a crashed run's, rows written by hand), each against the whole archive where a check
    compares; so a run's end costs what was written since the last check, not what the archive holds.
    None checks every batch. `checked_rows`, `archive_outcomes`: where the checked batches' rows, and the other
    batches' outcomes of their documents, are read from (checked_scope)."""
    check_scope(con, run_id, checked_rows, archive_outcomes)
    names = sql_names("checks")
    grouped = GROUPED_CHECKS if checked_rows is not None else frozenset()  # each group's own files: see GROUPED_CHECKS
    violations = dict.fromkeys(names, 0)
    for name in names:
        if name not in grouped:
            violations[name] = len(con.execute(sql_text("checks", name)).fetchall())
    if grouped:
        sizes = con.execute(sql_text("checks_scope", "checked_batch_sizes.sql")).fetchall()
        for group in groups_of_batches(sizes, CHECK_GROUP_DOCUMENTS):
            _check_batches(con, group, checked_rows)
            for name in sorted(grouped):
                violations[name] += len(con.execute(sql_text("checks", name)).fetchall())
        # The scope as check_scope left it, for what the caller reads next on the connection.
        _check_batches(con, [batch_id for batch_id, _ in sizes], checked_rows)
    return {name.removesuffix(".sql"): rows for name, rows in violations.items() if rows}


def _check_batches(con: duckdb.DuckDBPyConnection, batch_ids: Sequence[str], checked_rows: CheckedRows | None) -> None:
    """`check_batches` these batches, and the `checked_<table>` views over their rows (checked_views)."""
    con.execute(sql_text("checks_scope", "these_batches.sql"), [batch_ids])
    checked_views(con, checked_rows)


def run_scope(con: duckdb.DuckDBPyConnection, run_id: str, checked_rows: CheckedRows | None = None) -> None:
    """`check_batches` the run's own committed batches, and `checked_<table>` over their rows (checked_views): what the
    run's numbers read (warehouse/report.py). With `checked_rows`, the files its batches can lie in; else each whole
    table. At a run's end the checks' batches may be more (a crashed run's before it), and their files with them."""
    batches = con.execute(sql_text("checks_scope", "run_batches.sql"), [run_id]).fetchall()
    _check_batches(con, [batch_id for (batch_id,) in batches], checked_rows)


def check_scope(
    con: duckdb.DuckDBPyConnection,
    run_id: str | None = None,
    checked_rows: CheckedRows | None = None,
    archive_outcomes: ArchiveOutcomes | None = None,
) -> None:
    """The checks' scope, in the connection's own memory (the views database stays read-only): `check_batches`
    (warehouse/sql/checks_scope: every batch, or with `run_id` those a run's end checks), then checked_scope."""
    if run_id is None:
        con.execute(sql_text("checks_scope", "every_batch.sql"))
    else:
        con.execute(sql_text("checks_scope", "since_last_check.sql"), [run_id])
    checked_scope(con, checked_rows, archive_outcomes)


def checked_scope(
    con: duckdb.DuckDBPyConnection,
    checked_rows: CheckedRows | None = None,
    archive_outcomes: ArchiveOutcomes | None = None,
) -> None:
    """checked_views, then `archive_outcomes`, the outcomes documents_committed_once.sql compares the checked
    documents with: those `archive_outcomes` gives for them, or every file's (checks_scope/archive_outcomes.sql)."""
    checked_views(con, checked_rows)
    outcomes = None
    if archive_outcomes is not None:
        documents = con.execute(sql_text("checks_scope", "checked_doc_ids.sql")).fetchall()
        outcomes = archive_outcomes([doc_id for (doc_id,) in documents])
    if outcomes is None:
        # A doc id column of every file of `articles` and `rejections` (111 files at 100,600 articles;
        # docs/benchmarks.md, round 30): doc ids are hashes, so no file's statistics exclude it.
        con.execute(sql_text("checks_scope", "archive_outcomes.sql"))
        return
    con.execute(
        sql_text("checks_scope", "indexed_outcomes.sql"),
        [[doc_id for doc_id, _ in outcomes], [batch_id for _, batch_id in outcomes]],
    )
    con.execute(sql_text("checks_scope", "indexed_archive_outcomes.sql"))


def checked_views(con: duckdb.DuckDBPyConnection, checked_rows: CheckedRows | None = None) -> None:
    """A view `checked_<table>` of each of CHECKED_TABLES over `check_batches`: the rows `checked_rows` gives for
    them (the files that can hold their rows; warehouse/views.py), or the table's whole view."""
    selects: Mapping[str, str] = {}
    if checked_rows is not None:
        checked = con.execute(sql_text("checks_scope", "checked_batch_ids.sql")).fetchall()
        batch_ids = [batch_id for (batch_id,) in checked]
        [(since,)] = con.execute(sql_text("checks_scope", "written_since.sql")).fetchall()
        selects = checked_rows(since, batch_ids)
    for name in CHECKED_TABLES:
        con.execute(f"CREATE OR REPLACE TEMP VIEW checked_{name} AS {selects.get(name, f'SELECT * FROM _{name}')}")
