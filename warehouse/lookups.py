"""What the committed batches hold, read back while a run writes.

The lookups every batch makes (known documents, earlier copies, site chrome, stored pages) go
through the lookup index (warehouse/index.py, queries in sql/index/): keyed by the batch's own doc
ids, band keys and URLs, they cost the same in an archive of a thousand articles or a million.
Whole-warehouse questions (unfinished runs, every stored URL for reprocess) are files in
sql/queries/, run on a scratch DuckDB connection where `_<table>` is the current snapshot of each
table and `batches` is the committed-batches view of sql/views/10_batches.sql.
"""

from __future__ import annotations

import dataclasses
import functools
import sqlite3
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from transforms.batches import RETRIED_STAGES, STAGE_NAMES, BatchCounts, run_summary
from transforms.ids import run_batch_prefix
from transforms.reasons import Reason
from transforms.records import EntityMention, Figure, RawPage, RunSummary
from warehouse.generations import COPIES, OUTCOMES, PAGES, probed_query
from warehouse.index import as_json, band_hits, current_index, index_path, keyed_query, micros, versions_query
from warehouse.query import sql_text
from warehouse.schemas import BATCHES, ENTITY_MENTIONS, FIGURES, RAW_PAGES, RUNS, TableSpec
from warehouse.store import table_files
from warehouse.views import snapshot_view_sql

R = TypeVar("R")

COMMITTED_BATCHES = "10_batches.sql"  # in sql/views/: defines `batches`


@dataclasses.dataclass(frozen=True, slots=True)
class StoredPages:
    """A batch's URLs with a committed fetch: those already known, and the bytes of the others."""

    known_urls: frozenset[str]  # the newest stored fetch is a committed document: nothing to read
    pages: dict[str, RawPage]  # the newest stored fetch, read, of every other URL that has one


def committed_query(
    warehouse: Path, name: str, tables: Sequence[TableSpec], parameters: Sequence[Any] = ()
) -> tuple[list[str], list[tuple]]:
    """Run sql/queries/<name>.sql over the snapshots of `tables` and the committed `batches`."""
    with duckdb.connect() as con:
        for spec in (BATCHES, *(spec for spec in tables if spec is not BATCHES)):
            con.execute(snapshot_view_sql(spec, table_files(warehouse, spec)))
        con.execute(sql_text("views", COMMITTED_BATCHES))
        cursor = con.execute(sql_text("queries", f"{name}.sql"), list(parameters))
        columns = [d[0] for d in cursor.description] if cursor.description else []
        return columns, cursor.fetchall()


def committed_doc_ids(warehouse: Path, doc_ids: Iterable[str], this_run: str | None = None) -> set[str]:
    """Which of these documents already became an article or a rejection in a committed batch.

    Rejections of a failed batch, and of inputs that could not be read or fetched, do not count:
    those are tried again, by a later run. Within the run `this_run` they count: an input that failed to
    be read or fetched in one of its batches (named twice, or two inputs with one id) is not a second row.
    """
    wanted = sorted(set(doc_ids))
    if not wanted:
        return set()
    with current_index(warehouse) as index:
        return _known_doc_ids(index, wanted, this_run)


def _known_doc_ids(index: sqlite3.Connection, doc_ids: Iterable[str], this_run: str | None = None) -> set[str]:
    retried = as_json(str(stage) for stage in RETRIED_STAGES)
    query = sql_text("index", "known_doc_ids.sql")
    run_prefix = run_batch_prefix(this_run) if this_run else ""
    parameters = (str(Reason.BATCH_FAILED), retried, run_prefix, run_prefix, run_prefix)
    rows = probed_query(index, OUTCOMES, query, list(doc_ids), parameters)
    return {row[0] for row in rows}


def counted_outcomes(warehouse: Path, doc_ids: Iterable[str]) -> list[tuple[str, str]] | None:
    """Each committed batch in which one of these documents became an article or a rejection that counts (not a failed
    batch's, nor of the retried stages), as (doc_id, batch_id): the archive's side of the SQL check that no document
    was committed twice (warehouse/query.py ArchiveOutcomes), a probe a document where the check read a doc id column
    of every file. The index is caught up first, as for every lookup; None when there is none to catch up (deleted,
    never built): building it from every file would cost far more than the check reads, so the check reads the tables.
    """
    wanted = sorted(set(doc_ids))
    if not index_path(warehouse).is_file():
        return None
    if not wanted:
        return []
    retried = as_json(str(stage) for stage in RETRIED_STAGES)
    with current_index(warehouse) as index:
        rows = probed_query(
            index, OUTCOMES, sql_text("index", "counted_outcomes.sql"), wanted, (str(Reason.BATCH_FAILED), retried)
        )
    return [(doc_id, batch_id) for doc_id, batch_id in rows]


def unfinished_runs(warehouse: Path, also: Iterable[str] = ()) -> list[RunSummary]:
    """Runs whose last row says running, and the run ids in `also` that have no row at all.

    Only meaningful while holding the warehouse lock: then none of them is still alive.
    Counts are what they committed (their batches) before they stopped; a run with no
    row has no start time (started_at None) for the caller to fill in.
    """
    _, rows = committed_query(warehouse, "unfinished_runs", (RUNS,), [sorted(set(also))])
    # A run cut short recorded no seconds per stage: unknown (NULL), not zero.
    untimed: dict[str, Any] = {f"seconds_{stage}": None for stage in STAGE_NAMES}
    return [
        dataclasses.replace(
            run_summary(
                run_id,
                started_at,
                "running",
                sources,
                BatchCounts(documents=seen, articles=int(articles), rejections=int(rejections)),
                int(batches),
            ),
            **untimed,
        )
        for run_id, started_at, sources, seen, articles, rejections, batches in rows
    ]


def raw_page_urls(warehouse: Path) -> list[str]:
    """Every URL with fetched bytes in a committed batch, in a stable order."""
    _, rows = committed_query(warehouse, "raw_page_urls", (RAW_PAGES,))
    return [row[0] for row in rows]


def latest_raw_pages(warehouse: Path, urls: Iterable[str]) -> dict[str, RawPage]:
    """The newest committed fetch of each of these URLs that has one."""
    wanted = sorted(set(urls))
    if not wanted:
        return {}
    with current_index(warehouse, place_pages=True) as index:
        newest = probed_query(index, PAGES, sql_text("index", "latest_pages.sql"), wanted)
    return _read_pages(warehouse, newest, wanted)


def stored_pages(warehouse: Path, urls: Iterable[str]) -> StoredPages:
    """What a batch needs of these URLs' stored fetches: the bytes of those not committed yet.

    A URL whose newest stored fetch is a committed document is known from the index alone, so a rerun
    over a feed or URL list reads no stored page: that read is what grew with the archive (one row
    group per URL, spread over more files as the archive grows).
    """
    wanted = sorted(set(urls))
    if not wanted:
        return StoredPages(frozenset(), {})
    with current_index(warehouse) as index:
        newest = probed_query(index, PAGES, sql_text("index", "newest_pages.sql"), wanted)
        committed = _known_doc_ids(index, {doc_id for _, doc_id in newest})
    known = frozenset(url for url, doc_id in newest if doc_id in committed)
    # Where a fetch is stored only for those to read: a known URL's place was a seek in page_files for nothing, and
    # the places a compaction moved are written only when asked (the flow asks under its writer's lock: no commit
    # falls between the two).
    unread = [url for url, _ in newest if url not in known]
    located = []
    if unread:
        with current_index(warehouse, place_pages=True) as index:
            located = probed_query(index, PAGES, sql_text("index", "latest_pages.sql"), unread)
    return StoredPages(known, _read_pages(warehouse, located, wanted))


def _read_pages(warehouse: Path, newest: list[tuple], wanted: list[str]) -> dict[str, RawPage]:
    """The stored fetches the index located, read from their row groups."""
    by_file: dict[str, set[int]] = {}
    chosen: dict[tuple[str, str], int] = {}
    for url, batch_id, fetched_at, file, row_group, _ in newest:
        by_file.setdefault(file, set()).add(row_group)
        chosen[(url, batch_id)] = fetched_at
    names = [f.name for f in dataclasses.fields(RawPage)]
    pages: dict[str, RawPage] = {}
    for file, groups in sorted(by_file.items()):
        # Only the row groups that hold a wanted fetch are read, whatever the size of their file.
        for row in read_row_groups(warehouse / file, groups, "url", wanted):
            if chosen.get((row["url"], row["batch_id"])) == micros(row["fetched_at"]):
                pages[row["url"]] = RawPage(**{name: row.get(name) for name in names})
    return pages


@functools.lru_cache(maxsize=512)
def _footer(path: Path) -> pq.FileMetaData:
    """A Parquet file's footer. Delta data files are never changed in place (a new version writes new
    files), so a footer read once stays right; compacted files' footers are not parsed again per batch."""
    return pq.read_metadata(path)


def read_row_groups(path: Path, groups: Iterable[int], column: str, keys: Collection[str]) -> list[Any]:
    """The rows of these row groups of one Parquet file (the index names the row group of each key) whose
    `column` is one of `keys`. The row groups' other rows are dropped in Arrow, never made Python objects:
    a batch's keys are spread over more row groups in a larger archive, one wanted row in each."""
    table = pq.ParquetFile(path, metadata=_footer(path)).read_row_groups(sorted(set(groups)))
    wanted = pa.array(sorted(keys), type=table.schema.field(column).type)
    return table.filter(pc.is_in(table[column], value_set=wanted)).to_pylist()


def committed_band_matches(
    warehouse: Path, band_keys: Iterable[str], scheme: str, per_key: int | None = None
) -> list[tuple[str, str, bytes, list[str]]]:
    """Committed articles sharing any of these LSH band keys: (article_id, cluster_id, signature, keys).

    With `per_key`, only the `per_key` smallest article ids of each key (and only those keys of each
    article): what a batch compares with (transforms.dedup.DuplicateIndex), however many copies of a
    story the archive holds. Only signatures of the same scheme compare; only committed batches count,
    so the rows of a crashed batch are never anyone's earlier copy. An article's signature is that of the
    versions (batches) whose band rows share the keys.
    """
    wanted = sorted(set(band_keys))
    if not wanted:
        return []
    with current_index(warehouse) as index:
        hits = band_hits(index, wanted, per_key)
        found = versions_query(index, "signatures", hits.versions, (scheme,))
    return sorted(
        (article_id, cluster_id, bytes(signature), sorted(hits.keys[article_id]))
        for article_id, cluster_id, signature in found
    )


def committed_site_chrome(warehouse: Path, min_stories: int) -> frozenset[str]:
    """Line hashes (transforms.boilerplate.line_hash) found in at least `min_stories` stories of their site.

    A story is a near-duplicate cluster as assigned at ingest, so copies count once.
    The `site_boilerplate` view shows the same counts with the lines.
    """
    with current_index(warehouse) as index:
        if min_stories > 1:
            rows = index.execute(sql_text("index", "chrome.sql"), (min_stories,)).fetchall()
        else:  # every line of every story
            rows = index.execute(sql_text("index", "chrome_any.sql")).fetchall()
    return frozenset(row[0] for row in rows)


def committed_copies(
    warehouse: Path, text_hashes: Iterable[str], model: str
) -> dict[str, tuple[list[EntityMention], list[Figure]]]:
    """The mentions and figures of a committed article with each of these normalised texts, found by
    the same NER model: an exact copy takes them over instead of paying for NER again.

    The entities those mentions name are in `entities` already (committed with the earlier article).
    Two keyed lookups in the index: the article version (article_id and the batch that wrote it) by text
    hash, then the Parquet files and row groups holding that batch's mentions and figures; only those row
    groups are read, and of them only those articles' rows kept.
    """
    wanted = sorted(set(text_hashes))
    if not wanted:
        return {}
    with current_index(warehouse) as index:
        sources = probed_query(index, COPIES, sql_text("index", "copy_sources.sql"), wanted, (model,))
        if not sources:
            return {}
        files = keyed_query(index, "batch_files", sorted({batch_id for _, _, batch_id in sources}))
    versions = {(article_id, batch_id) for _, article_id, batch_id in sources}
    mentions = _records_by_version(warehouse, ENTITY_MENTIONS, EntityMention, files, versions)
    figures = _records_by_version(warehouse, FIGURES, Figure, files, versions)
    return {
        text_hash: (mentions.get((article_id, batch_id), []), figures.get((article_id, batch_id), []))
        for text_hash, article_id, batch_id in sources
    }


def _records_by_version(
    warehouse: Path,
    spec: TableSpec,
    record: type[R],
    files: list[tuple[str, str, str, int]],
    versions: set[tuple[str, str]],
) -> dict[tuple[str, str], list[R]]:
    """The rows of these article versions in `spec`'s files as records, grouped by (article_id, batch_id),
    each group in text order. `files`: the row groups holding their batches' rows (batch_files.sql)."""
    names = [f.name for f in dataclasses.fields(record)]  # type: ignore[arg-type]  # R is a dataclass record
    by_file: dict[str, set[int]] = {}
    for _, table, file, row_group in files:
        if table == spec.name:
            by_file.setdefault(file, set()).add(row_group)
    grouped: dict[tuple[str, str], list[dict]] = {}
    article_ids = {article_id for article_id, _ in versions}
    for file, groups in sorted(by_file.items()):
        for row in read_row_groups(warehouse / file, groups, "article_id", article_ids):
            key = (row["article_id"], row["batch_id"])
            if key in versions:
                grouped.setdefault(key, []).append(row)
    order = ("char_start", "char_end", "entity_id" if spec is ENTITY_MENTIONS else "figure_id")

    def in_text_order(row: dict) -> tuple:
        return tuple(row[column] for column in order)

    return {
        key: [record(**{name: row.get(name) for name in names}) for row in sorted(rows, key=in_text_order)]
        for key, rows in grouped.items()
    }
