"""The DuckDB database of views analysts open: rebuilt after each commit, swapped in atomically."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from warehouse.query import sql_names, sql_text, views_path
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
from warehouse.store import table_files


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


# Internal views (warehouse/sql/views) that publish_views stores as tables in the views database: the key of the
# article version each article shows, with its resolved cluster; each shown article's story; each story's own
# columns (copies, sites, dates, its representative's keys); each entity once per shown article, with its story.
# Every question joins through them; stored once per publish (a few short columns per article, or per article and
# entity), they are not computed again (a window over every article, the clusters' recursion, a group over every
# copy or every mention) by every query. Derived data like the rest of the file: each publish computes them from
# the tables' snapshot, so they cannot disagree with the tables, whatever a crash interrupted. In dependency order.
# A database built from the SQL alone (history's --as-of) keeps them as views, with the same rows.
STORED_VIEWS = ("_article_versions", "_story_keys", "_story_rows", "_article_entities")


def store_views(con: duckdb.DuckDBPyConnection, names: Sequence[str] = STORED_VIEWS) -> None:
    """Replace each named view by a table of its rows; the views that read it read the table by the same name."""
    for name in names:
        con.execute(f"CREATE TABLE {name}__rows AS SELECT * FROM {name}")
        con.execute(f"DROP VIEW {name}")
        con.execute(f"ALTER TABLE {name}__rows RENAME TO {name}")


class ViewsNotPublished(OSError):
    """The new views database could not be written whole; the previous one is left as it was."""


def expected_views() -> list[str]:
    """Every view a published views database holds: one per table's snapshot, then the public ones."""
    return [f"_{spec.name}" for spec in ALL_TABLES] + [spec.view for spec in VIEW_COLUMNS]


def missing_views(path: Path) -> list[str]:
    """The expected views a views database file lacks, read as readers will read it."""
    with duckdb.connect(str(path), read_only=True) as con:
        present = {row[0] for row in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
    return [name for name in expected_views() if name not in present]


def _first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def _quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def snapshot_view_sql(spec: TableSpec, files: list[str]) -> str:
    """A view over exactly the snapshot's Parquet files, with the table's declared columns in declared order.

    File paths are written into the view because a view cannot take parameters;
    they come from the Delta log, and are quoted. The published views get paths relative to the
    warehouse (see relative_files); lookups give absolute ones to their scratch connection.
    """
    columns = ", ".join(f"CAST(NULL AS {duckdb_type(f.type)}) AS {f.name}" for f in spec.arrow)
    declared = f"SELECT {columns} WHERE false"  # typed and empty: the view of a table with no files yet
    if not files:
        return f"CREATE VIEW _{spec.name} AS {declared}"
    listing = ", ".join(_quote(f) for f in files)
    # A partitioned table keeps its partition column in the folder names, not in the files: DuckDB reads it
    # from there (as text) and opens only the files of the partitions a filter keeps.
    hive = ""
    if spec.partition is not None and all(f"{spec.partition.column}=" in name for name in files):
        hive = f", hive_partitioning = true, hive_types = {{'{spec.partition.column}': VARCHAR}}"
    # By name after the declared columns: files written before a column was added read it as NULL, and the
    # column order (which `SELECT t.*` in the views passes on) is the record's whatever the oldest file holds.
    return (
        f"CREATE VIEW _{spec.name} AS {declared} "
        f"UNION ALL BY NAME SELECT * FROM read_parquet([{listing}], union_by_name = true{hive})"
    )


def relative_files(warehouse: Path, spec: TableSpec) -> list[str]:
    """The snapshot's Parquet files relative to the warehouse folder, so a copied or moved warehouse
    reads its own files (readers set DuckDB's file_search_path to the warehouse: warehouse/query.py)."""
    root = warehouse.resolve()
    return [os.path.relpath(Path(name).resolve(), root) for name in table_files(warehouse, spec)]


def create_views(con: duckdb.DuckDBPyConnection, warehouse: Path, stored: Sequence[str] = STORED_VIEWS) -> None:
    """Create every view over the warehouse's current snapshot on `con`, then store the `stored` ones as tables."""
    for spec in ALL_TABLES:
        con.execute(snapshot_view_sql(spec, relative_files(warehouse, spec)))
    for name in sql_names("views"):
        con.execute(sql_text("views", name))
    store_views(con, stored)


def publish_views(warehouse: Path) -> Path:
    """Write the views to a new file, check it holds every view, and rename it over the old: readers
    never see half of it, and a write that failed (a full disk) leaves the old views and no temporaries."""
    target = views_path(warehouse)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    temporaries = (temporary, temporary.with_name(f"{temporary.name}.wal"))  # DuckDB's log sits beside it
    for path in temporaries:
        path.unlink(missing_ok=True)
    try:
        try:
            # Creating a view reads its files' schemas: relative paths resolve against the warehouse.
            with duckdb.connect(str(temporary), config={"file_search_path": str(warehouse.resolve())}) as con:
                create_views(con, warehouse)
                con.execute("CHECKPOINT")  # into the file now: a write that fails raises here, not unseen at close
            missing = missing_views(temporary)
        except (duckdb.Error, OSError) as error:
            raise ViewsNotPublished(
                f"could not write the views database ({_first_line(error)}); the previous views stand: "
                f"free disk space under {warehouse} and run again"
            ) from None
        if missing:
            raise ViewsNotPublished(
                f"the new views database lacks {', '.join(missing)} (disk full?); the previous views stand: "
                f"free disk space under {warehouse} and run again"
            )
        os.replace(temporary, target)
    finally:
        for path in temporaries:
            path.unlink(missing_ok=True)
    return target
