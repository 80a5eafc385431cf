"""The lookup index: a SQLite file beside the Delta tables that answers a batch's lookups by its own keys.

Why: the Delta tables are append-only Parquet files with no index; a lookup over them (doc ids, band
keys, URLs are hashes, so no file's min/max statistics exclude them) reads every file, and a batch's
cost grows with the archive. Here each lookup is a B-tree probe per key.
The band keys, most of a batch's rows, are kept in runs merged in key order (NEWEST_BANDS below), so a batch's
inserts land in a small B-tree whatever the size of the archive, and a key is rewritten once per tier of runs, by a
merger thread between batches (merge_step), not by the batch's catch-up. The
other tables found by a random hash (doc ids, text hashes, article, story and line ids) or a URL (`pages`) are kept in
generations the same way, within one table each (warehouse/generations.py).
What is found by a batch id, not a random key (where rows are: page_files, batch_files; signatures, asked by the
versions the band keys found) is keyed batch first, so a batch's rows, and those a compaction moves, are written one
after the other instead of a page each at a random place.

It is a cache, never a source of truth:
- it holds, per Delta table, the version it has read and which Parquet files. Before a lookup it
  checks that nothing was committed since: each thread keeps its connection, and a few file stats (the next
  commit file is not there, the index file is as it left it) show that nothing moved; then there is
  nothing to do. Otherwise it compares each table's version (the table object is kept open and reads only
  new commits); otherwise it reads the new commits' log entries
  and the files they added (one batch's worth), in one SQLite transaction, so a crash leaves it as it
  was before;
- a file a compaction removed is forgotten; the rows it held are already in the index (only tables
  whose index rows name their file read the compacted file again: mentions and figures at once, raw pages when a
  lookup first asks where a fetch is, place_moved_pages). With no log entries to read (a new
  index, a log cleaned up past the indexed version) it compares the snapshot's files with its own;
- a table created anew (another Delta table id), a version older than the one read, a commit file of
  the version read that is not the one read (the commit was lost and another took its number), an operation
  other than an append, a compaction or a property change in the Delta log (a delete, a restore), a damaged or missing
  file, or an index of another format: the index is deleted and rebuilt from the tables;
- "only committed batches count" is applied when reading (the `batches` marker), as everywhere.
  The chrome counts (stories per line) are kept as rows arrive, so they take only rows whose batch
  was committed then: lookups never run while a batch is being written (the run's one writer holds
  its lock for a whole batch, flows/committer.py), so a row without its marker at that point belongs to
  an attempt that failed and never gets one.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import sqlite3
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from warehouse import band_filters, generations
from warehouse.generations import ARTICLE_CLUSTERS, COPIES, LINE_STORIES, ONE_STORY_LINES, OUTCOMES, PAGES
from warehouse.generations import meta_value as _meta
from warehouse.generations import set_meta_value as _set_meta
from warehouse.heap import give_back_free_memory
from warehouse.query import sql_text
from warehouse.schemas import (
    ARTICLES,
    BATCHES,
    ENTITY_MENTIONS,
    FIGURES,
    LSH_BANDS,
    MINHASH_SIGNATURES,
    RAW_PAGES,
    REJECTIONS,
    SITE_LINES,
    TableSpec,
)
from warehouse.store import open_table, table_path

INDEX_FILE = ".newsetl-index.sqlite"
# Bump when the index's tables change (8: band_filters; 9: signatures in arrival order, line_stories keyed story first,
# chrome_by_stories only lines of two stories or more, band filters sized for their level's capacity; 10: band keys
# in tiered runs; 11: signatures' index keyed batch first, batch_files for version_files, page_files; 12: outcomes,
# copies, article_clusters and line_stories in generations, warehouse/generations.py; lines of one story in
# one_story_lines, chrome only those of two or more; 13: merged band runs a row per key, band_run.sql; 14: pages in
# generations): an index of another format is rebuilt.
FORMAT = "14"
# Delta operations that only add rows (an append) or move them (a compaction, a vacuum), or touch no file (the table
# properties a writer sets on an older table once, store.settle_table_properties): the one list of them, which the
# views' publish (warehouse/views.py) checks against too.
ROW_KEEPING = frozenset({"WRITE", "CREATE TABLE", "OPTIMIZE", "VACUUM START", "VACUUM END", "SET TBLPROPERTIES"})
# In this order: markers first (what counts), articles before site lines (their cluster).
INDEXED = (
    BATCHES,
    ARTICLES,
    REJECTIONS,
    MINHASH_SIGNATURES,
    LSH_BANDS,
    SITE_LINES,
    RAW_PAGES,
    ENTITY_MENTIONS,
    FIGURES,
)
# The LSH band keys (42 an article, random) are kept as a log-structured merge of sorted runs, tiered: a batch's keys go
# into NEWEST_BANDS, small enough that inserting at random places rewrites few pages. Past BAND_RUN_ROWS rows it is
# sealed as it is (renamed into a run, `bands_r<n>`, not rewritten) and a new empty one takes the next batches. A run's
# tier is its size (band_tier): tier 1 holds runs of BAND_RUN_ROWS up to RUNS_PER_TIER times that, each tier after it
# runs RUNS_PER_TIER times larger. When a tier holds RUNS_PER_TIER runs, they are merged into one run of the next tier,
# written once, page after page, in key order. So a key is written once per tier it passes; the leveled layout before
# (index format 9) rewrote the whole next level at each merge (at 100,000 articles a level of 4 million rows every 62
# batches). A merged run holds a row per key (band_run.sql: its article and batch pairs in one text), so a key found
# costs one seek and one row; a sealed run keeps bands_0's layout (a row per pair), renamed, not rewritten. Each run has
# a Bloom filter (warehouse/band_filters.py, in `band_filters`, written with its run): a lookup
# probes a run only for the keys it may hold, so more runs cost a filter test each, not a probe.
NEWEST_BANDS = "bands_0"
MERGED_RUN = "bands_k"  # the name of a merged run (band_run.sql), then its number; a sealed one is bands_r<n>
PAIR, PAIRS = "\x1f", "\x1e"  # what separates a pair's article id and batch, and the pairs, in a merged run's rows
BAND_RUN_ROWS = 65_536
RUNS_PER_TIER = 8
# A tier's merge is not done by the batch that fills the tier: the catch-up writes down the job (meta BAND_MERGE: the
# runs, the new run's name, the bounds of its ranges, how many are written) and a thread of the process that holds the
# index does it between catch-ups, while the batch's documents are parsed and analysed in the workers (_Merger). It
# writes the new run a range at a time (at most MERGE_CHUNK_ROWS rows read, _band_bounds), each range and its count
# in one transaction:
# a catch-up waits at most one range for the write lock, and a merge killed mid-way leaves the runs it reads as they
# were (lookups read only the runs meta `band_runs` lists) and the ranges written so far, which the next merger goes
# on from. The run is listed in place of the ones it merges only once it is whole, with its filter, in one
# transaction; the runs it replaced are dropped after (BAND_DROPPING), one a transaction. With MERGE_IN_BACKGROUND
# off, and for an index built from nothing (its first catch-up reads every file), the catch-up merges a full tier
# itself, in the same ranges, inside its own transaction.
MERGE_IN_BACKGROUND = True
MERGE_CHUNK_ROWS = 32_768
BAND_MERGE = "band_merge"
BAND_DROPPING = "band_runs.dropping"
log = logging.getLogger(__name__)
# Tables whose index rows name the Parquet file and row group they are in: a compaction's new files are
# read again (their key columns only).
NAMES_FILES = frozenset({RAW_PAGES.name, ENTITY_MENTIONS.name, FIGURES.name})
# SQLite's page cache of each index connection (KiB): the pages lookups read, and those a catch-up changes until it
# commits. A batch's inserts dirty ~12 MB of pages at 10,000 articles, ~20 MB at 100,000 (the pages its rows land
# in: bounded by the batch; bench/flow_memory.py), but a band level merged into the next rewrites the whole next
# level, which grows with the archive (~40 MB at 10,000 articles). With a cache that held it all (128 MiB), that
# merge's pages stayed resident in the flow process after the commit (freed to the C allocator, not to the system),
# so a run's memory grew with the archive; past this bound SQLite writes the merge's pages to the write-ahead log as
# it goes, which it writes at the commit anyway.
CACHE_KIB = 32 * 1024
# The page cache the lookups read with, between catch-ups (a catch-up raises it to CACHE_KIB for its writes, then
# empties it). A batch's lookups read ~6,000 pages at 101,000 articles (a leaf of a merged band run per key found, at
# random, not read again by the next batch), ~1,800 at 1,000: with CACHE_KIB they stayed in the flow process's SQLite
# heap until the next catch-up (~25 MB a batch at 101,000), with this bound they do not. 8 MiB holds what the lookups
# read again within a batch at 1,000 articles (the same misses as with 32 MiB; at 4 MiB stored pages read twice as many
# pages from the file). Once full, a smaller cache also recycles buffers still in the CPU's caches: the copy lookup
# timed side by side (the cache full) cost 5-9% less CPU at 101,000 articles and the same at 1,000
# (docs/benchmarks.md, round 15, lookup10).
LOOKUP_CACHE_KIB = 8 * 1024
# Pages of the write-ahead log past which a commit copies them into the index file (SQLite's default is 1,000, about
# one catch-up's worth at 100,000 articles). A page changed by several catch-ups between two checkpoints is copied
# once: bands_0's pages, the B-trees' upper pages, a small table's leaves. ~8% less CPU a catch-up at 1,000 and at
# 101,000 articles (docs/benchmarks.md, round 12). The log file is cut back to WAL_LIMIT_BYTES after a checkpoint.
WAL_CHECKPOINT_PAGES = 8_000
WAL_LIMIT_BYTES = 64 * 1024 * 1024


class IndexStale(Exception):
    """The tables changed in a way appends cannot explain: the index is rebuilt."""


def index_path(warehouse: Path) -> Path:
    return warehouse / INDEX_FILE


def micros(value: object) -> int:
    return int(value.timestamp() * 1_000_000) if value is not None else 0  # type: ignore[attr-defined]  # datetime


def _read(warehouse: Path, file: str, columns: list[str]) -> list[dict]:
    """These columns of one file's rows, each with its `row_group` (the number of the Parquet row group it is in);
    a column the file predates reads as None (schema evolution), a timestamp as its `micros`. The file is read in one
    call and each row's group told from the groups' row counts: a compacted raw_pages file holds thousands of groups
    of 32 rows, and a read per group cost 0.7 ms each (2.4 s for 100,000 pages)."""
    parquet = pq.ParquetFile(warehouse / file)
    present = set(parquet.schema_arrow.names)
    table = parquet.read(columns=[column for column in columns if column in present])
    sizes = [parquet.metadata.row_group(group).num_rows for group in range(parquet.num_row_groups)]
    values = [_values(table.column(column)) if column in present else [None] * table.num_rows for column in columns]
    groups = np.repeat(np.arange(len(sizes)), sizes).tolist()
    names = [*columns, "row_group"]
    return [dict(zip(names, row, strict=True)) for row in zip(*values, groups, strict=True)]


def _values(column: pa.ChunkedArray) -> list:
    """A column's values as Python objects; a timestamp with a time zone as `micros` of it, worked out in NumPy with
    the same float steps as datetime.timestamp() (whole microseconds over 10**6, correctly rounded, times 10**6,
    truncated), so the same integer: a datetime object a row cost most of reading a compacted raw_pages file."""
    if pa.types.is_timestamp(column.type) and column.type.tz is not None:
        exact = pc.cast(column, pa.timestamp("us", tz=column.type.tz)).cast(pa.int64()).fill_null(0)
        return ((exact.to_numpy().astype(np.float64) / 1e6) * 1e6).astype(np.int64).tolist()
    return [micros(value) if isinstance(value, datetime) else value for value in column.to_pylist()]


def _add_rows(
    con: sqlite3.Connection, warehouse: Path, table: str, file: str, moved: bool = False, background: bool = False
) -> None:
    """The rows of one Parquet file of `table` into the index's keyed tables; `moved`: a compaction's file, whose rows
    are indexed already (only the tables naming their file, NAMES_FILES, read it, for where the rows now are);
    `background`: a full tier of band runs or of a table's generations is left to the merger thread."""
    if table == BATCHES.name:
        rows = _read(warehouse, file, ["batch_id", "committed_at"])
        con.executemany(
            "INSERT OR IGNORE INTO batches VALUES (?, ?)", [(r["batch_id"], r["committed_at"]) for r in rows]
        )
    elif table == ARTICLES.name:
        rows = _read(warehouse, file, ["doc_id", "article_id", "cluster_id", "batch_id", "text_hash", "ner_model"])
        generations.append(
            con, OUTCOMES, sorted((r["doc_id"], r["batch_id"], "article", "", "") for r in rows), background
        )
        generations.append(
            con,
            COPIES,
            sorted((r["text_hash"], r["ner_model"], r["article_id"], r["batch_id"]) for r in rows if r["ner_model"]),
            background,
        )
        con.execute("CREATE TEMP TABLE new_articles (article_id TEXT, cluster_id TEXT, batch_id TEXT)")
        con.executemany(
            "INSERT INTO new_articles VALUES (?, ?, ?)",
            [(r["article_id"], r["cluster_id"], r["batch_id"]) for r in rows],
        )
        # Appended: an article committed again with a smaller cluster adds a row, and the smallest is taken when read.
        generations.append(
            con, ARTICLE_CLUSTERS, sorted(con.execute(sql_text("index", "committed_articles.sql"))), background
        )
        con.execute("DROP TABLE new_articles")
    elif table == REJECTIONS.name:
        rows = _read(warehouse, file, ["doc_id", "batch_id", "stage", "reason"])
        generations.append(
            con,
            OUTCOMES,
            sorted((r["doc_id"], r["batch_id"], "rejection", r["stage"], r["reason"]) for r in rows),
            background,
        )
    elif table == MINHASH_SIGNATURES.name:
        rows = _read(warehouse, file, ["article_id", "batch_id", "scheme", "cluster_id", "signature"])
        # In key order (batch first): the index entries a batch adds are written as one run of pages.
        con.executemany(
            "INSERT OR IGNORE INTO signatures VALUES (?, ?, ?, ?, ?)",
            [
                (r["article_id"], r["batch_id"], r["scheme"], r["cluster_id"], r["signature"])
                for r in sorted(rows, key=lambda r: (r["batch_id"], r["article_id"], r["scheme"]))
            ],
        )
    elif table == LSH_BANDS.name:
        rows = _read(warehouse, file, ["band_key", "article_id", "batch_id"])
        numbers = _band_batches(con, {r["batch_id"] for r in rows})
        values = [band_value(r["band_key"]) for r in rows]
        added = con.executemany(
            f"INSERT OR IGNORE INTO {NEWEST_BANDS} VALUES (?, ?, ?)",
            [(value, r["article_id"], numbers[r["batch_id"]]) for value, r in zip(values, rows, strict=True)],
        ).rowcount
        _set_meta(con, f"{NEWEST_BANDS}.rows", str(_newest_rows(con) + added))
        _extend_newest_filter(con, values)
        _settle_band_runs(con, background)
    elif table == SITE_LINES.name:
        rows = _read(warehouse, file, ["line_hash", "article_id", "batch_id"])
        con.execute("CREATE TEMP TABLE new_lines (line_hash TEXT, article_id TEXT, batch_id TEXT)")
        con.executemany(
            "INSERT INTO new_lines VALUES (?, ?, ?)", [(r["line_hash"], r["article_id"], r["batch_id"]) for r in rows]
        )
        generations.fill_probes(con, ARTICLE_CLUSTERS, sorted({r["article_id"] for r in rows}))
        found = {
            (cluster_id, line_hash)
            for line_hash, cluster_id in con.execute(sql_text("index", "committed_site_lines.sql"))
        }
        con.execute("DROP TABLE new_lines")
        # A (story, line) pair counts once: those of these stories counted before are looked up, not inserted again.
        counted = generations.probed_query(
            con, LINE_STORIES, sql_text("index", "line_stories.sql"), sorted({cluster for cluster, _ in found})
        )
        new = sorted(found - set(counted))
        generations.append(con, LINE_STORIES, new, background)
        _count_stories(con, Counter(line_hash for _, line_hash in new), background)
    elif table == RAW_PAGES.name and moved:
        # A compaction's rows are indexed already: only where they are is new, which only a lookup that asks where a
        # fetch is stored needs (place_moved_pages), and the file may be compacted again before one does.
        con.execute("INSERT OR IGNORE INTO moved_page_files VALUES (?)", (file,))
    elif table == RAW_PAGES.name:
        rows = _read(warehouse, file, ["url", "batch_id", "fetched_at", "doc_id"])
        fetches = sorted((r["url"], r["batch_id"], r["fetched_at"], r["doc_id"]) for r in rows)
        generations.append(con, PAGES, fetches, background)
        _write_page_places(con, file, rows)
    elif table in (ENTITY_MENTIONS.name, FIGURES.name):
        con.executemany(
            "INSERT OR IGNORE INTO batch_files VALUES (?, ?, ?, ?)",
            sorted((batch_id, table, file, group) for group, batch_id in _batches_by_row_group(warehouse, file)),
        )


def _write_page_places(con: sqlite3.Connection, file: str, rows: list[dict]) -> None:
    """Where each of these stored fetches is: this raw_pages file and its row group (keyed batch first)."""
    con.executemany(
        "INSERT OR REPLACE INTO page_files VALUES (?, ?, ?, ?, ?)",
        sorted((r["batch_id"], r["url"], r["fetched_at"], file, r["row_group"]) for r in rows),
    )


def place_moved_pages(con: sqlite3.Connection, warehouse: Path) -> None:
    """Where the fetches of the raw_pages files compactions wrote are (page_files), written now if a catch-up left
    them (moved_page_files): before a lookup asks where a fetch is stored (current_index's `place_pages`).

    A compaction moves every stored fetch of the files it packs and changes none: the index knows them already, only
    their file and row group changed. Reading the compacted file's keys again in the catch-up grew with the
    compaction's tier (0.6 s at 101,000 articles, docs/benchmarks.md round 22), for places that most runs never ask
    for (a rerun's pages are committed documents, known from `pages` alone, lookups.stored_pages), and a file
    compacted again before anyone asked is never read. The files left are rows of the index, written in the
    catch-up's transaction and here in one with the places: a crash leaves them to place, a deleted index or a file
    that cannot be read is rebuilt from every file; while one is left, the places of its fetches name the files it
    replaced, which no lookup reads since each asks with `place_pages`."""
    if con.execute("SELECT 1 FROM moved_page_files LIMIT 1").fetchone() is None:
        return
    con.execute(f"PRAGMA cache_size = -{CACHE_KIB}")  # its writes, as a catch-up's
    con.execute("BEGIN IMMEDIATE")
    try:
        for (file,) in con.execute("SELECT file FROM moved_page_files ORDER BY file").fetchall():
            _write_page_places(con, file, _read(warehouse, file, ["url", "batch_id", "fetched_at"]))
        con.execute("DELETE FROM moved_page_files")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
    con.execute("PRAGMA shrink_memory")
    con.execute(f"PRAGMA cache_size = -{LOOKUP_CACHE_KIB}")
    kept = _kept_connections().get(index_path(warehouse))
    if kept is not None and kept.con is con:  # this connection's own commit: it goes on as it is
        kept.index = _index_state(warehouse)


def _count_stories(con: sqlite3.Connection, more: Counter[str], background: bool = False) -> None:
    """Count these new (story, line) pairs, `more` stories a line: a line of one story so far is a row of
    `one_story_lines` (in generations: most lines, a headline or a byline, stay there, and a batch's land in its
    newest generation's pages), and `chrome` holds the count of each line of two stories or more (a line moves there
    with its second story, and stays in one_story_lines, which chrome_any.sql reads with it). Keyed by line, chrome
    took a page a line at 100,000 articles for the lines most batches add, lines of one story."""
    lines = sorted(more)
    counts = dict(keyed_query(con, "chrome_counts", lines))
    once = {
        line
        for (line,) in generations.probed_query(
            con,
            ONE_STORY_LINES,
            sql_text("index", "one_story_lines.sql"),
            [line for line in lines if line not in counts],
        )
    }
    firsts = []
    for line in lines:
        stories = counts.get(line, 1 if line in once else 0) + more[line]
        if stories == 1:
            firsts.append((line,))
        else:
            con.execute("INSERT OR REPLACE INTO chrome VALUES (?, ?)", (line, stories))
    generations.append(con, ONE_STORY_LINES, firsts, background)


def _batches_by_row_group(warehouse: Path, file: str) -> list[tuple[int, str]]:
    """Each (row group, batch id) of a Parquet file: its batch_id column only, made unique per group in Arrow (a
    compacted file of hundreds of thousands of mentions holds a few hundred pairs)."""
    parquet = pq.ParquetFile(warehouse / file)
    return [
        (group, batch_id)
        for group in range(parquet.num_row_groups)
        for batch_id in pc.unique(parquet.read_row_group(group, columns=["batch_id"]).column(0)).to_pylist()
    ]


def band_value(key: str) -> str | bytes:
    """A band key as the index stores it: a hex key (what transforms.dedup.band_keys makes) as its bytes, half
    the size, any other key as it is. SQLite never takes a text for a blob, so two keys never share a value."""
    try:
        data = bytes.fromhex(key)
    except ValueError:
        return key
    return data if data.hex() == key else key


def _band_batches(con: sqlite3.Connection, batch_ids: set[str]) -> dict[str, int]:
    """The number that stands for each batch in the band levels (a few bytes a row instead of its id)."""
    ordered = sorted(batch_ids)
    con.executemany("INSERT OR IGNORE INTO band_batches (batch_id) VALUES (?)", [(batch_id,) for batch_id in ordered])
    find = sql_text("index", "band_batch.sql")
    return {batch_id: con.execute(find, (batch_id,)).fetchone()[0] for batch_id in ordered}


def band_hits_sql(levels: Iterable[str]) -> str:
    """band_hits.sql over these band levels."""
    # Its comment lines dropped: the parts are joined into one query.
    lines = sql_text("index", "band_hits.sql").splitlines()
    part = "\n".join(line for line in lines if not line.startswith("--"))
    return "\nUNION ALL\n".join(part.format(level=level) for level in levels)


@dataclass(frozen=True, slots=True)
class BandHits:
    """What band_hits found: each article with the asked keys it shares, and the article versions (batch id,
    article id) whose band rows matched, which the signatures are looked up by."""

    keys: dict[str, set[str]]
    versions: set[tuple[str, str]]


def band_hits(con: sqlite3.Connection, keys: Sequence[str], per_key: int | None = None) -> BandHits:
    """Committed articles sharing these band keys, each with its keys: per key the `per_key`
    smallest article ids over every run (none: all of them), whatever run each article is in. A run is
    probed only for the keys its filter may hold (at 1,000 articles every key is in bands_0; at 100,000 a key is
    in one of a dozen runs, and half of a batch's keys are in none)."""
    hits = BandHits({}, set())
    for key, rows in band_rows(con, keys, per_key).items():
        # Each level gave its own smallest; a key found in several levels (or an article in two batches) keeps
        # the smallest over all. Ranked here: a window over the levels' rows in SQLite cost more than the walks.
        if per_key is not None and len(rows) > per_key:
            kept = set(sorted({article_id for article_id, _ in rows})[:per_key])
            rows = [row for row in rows if row[0] in kept]
        for article_id, batch_id in rows:
            hits.keys.setdefault(article_id, set()).add(key)
            hits.versions.add((batch_id, article_id))
    return hits


def band_rows(
    con: sqlite3.Connection, keys: Sequence[str], per_key: int | None = None
) -> dict[str, list[tuple[str, str]]]:
    """Per key found, the committed (article id, batch id) pairs each band table gives it: per table the `per_key`
    smallest article ids (none: all), which band_hits ranks over all the tables."""
    with _snapshot(con):
        probe = probe_band_levels(con, keys)
        found: dict[str, list[tuple[str, str]]] = {}
        if probe.walked:
            for key, article_id, batch_id in con.execute(band_hits_sql(probe.walked), (per_key or 2**62,)):
                found.setdefault(key, []).append((article_id, batch_id))
        if probe.merged:
            _merged_run_hits(con, probe, per_key, found)
    return found


# Reads in one transaction, so they see one state of the index: the list of band runs read first names the tables the
# queries then read, which the merger thread may replace and drop in between (merge_step).
_snapshot = generations.snapshot


@dataclass(frozen=True, slots=True)
class BandProbe:
    """Where a batch's band keys are looked for: the tables band_hits.sql walks (bands_0 and the sealed runs, their
    keys in `probes`), and per merged run the keys its filter may hold."""

    walked: list[str]
    merged: dict[str, list[str]]


def probe_band_levels(con: sqlite3.Connection, keys: Sequence[str]) -> BandProbe:
    """The band tables that hold rows and the keys each one's filter may hold, with `probes` filled for the walked
    ones (a merged run is asked its keys as they are, band_run_hits.sql)."""
    levels = band_tables(con)
    if not levels:
        return BandProbe([], {})
    filters = _band_filters(con)
    probe = band_filters.Probe(_band_digests(keys))
    held = {table: _maybe_held(keys, filters.get(table), probe) for table in levels}
    walked = [table for table in levels if not table.startswith(MERGED_RUN)]
    _fill_probes(con, {table: held[table] for table in walked})
    return BandProbe(walked, {table: wanted for table, wanted in held.items() if table not in walked and wanted})


def _merged_run_hits(
    con: sqlite3.Connection, probe: BandProbe, per_key: int | None, found: dict[str, list[tuple[str, str]]]
) -> None:
    """Add to `found` each probed key's committed (article id, batch id) pairs in the merged runs (band_run.sql): per
    key and run the `per_key` smallest article ids (none: all), as band_hits.sql gives a walked table's."""
    lines = sql_text("index", "band_run_hits.sql").splitlines()
    part = "\n".join(line for line in lines if not line.startswith("--"))
    query = "\nUNION ALL\n".join(part.format(level=run) for run in probe.merged)
    ones: list[tuple[str, str, str]] = []  # (key, article id, batch number) of the keys of one pair, most of them
    many: list[tuple[str, str]] = []
    numbers: set[str] = set()
    for key, rows in con.execute(query, [as_json(wanted) for wanted in probe.merged.values()]):
        if PAIRS in rows:
            many.append((key, rows))
            numbers.update(pair.rpartition(PAIR)[2] for pair in rows.split(PAIRS))
        else:
            article_id, _, number = rows.partition(PAIR)
            ones.append((key, article_id, number))
            numbers.add(number)
    committed = dict(
        con.execute(sql_text("index", "committed_band_batches.sql"), (json.dumps(sorted(map(int, numbers))),))
    )
    for key, article_id, number in ones:
        if number in committed:
            found.setdefault(key, []).append((article_id, committed[number]))
    for key, rows in many:
        # A key's pairs in the order the merges met them (a run's in key order, runs one after the other): sorted
        # here as text, which is (article id, batch) order (PAIR sorts below any character of an id), and split one
        # by one only up to the bound: a key of a story copied a thousand times costs a sort of strings in C.
        kept = found.setdefault(key, [])
        articles, last = 0, None
        for pair in sorted(rows.split(PAIRS)):
            article_id, _, number = pair.partition(PAIR)
            if number not in committed:
                continue
            if article_id != last:
                articles, last = articles + 1, article_id
                if per_key is not None and articles > per_key:
                    break
            kept.append((article_id, committed[number]))


def band_run_pairs(con: sqlite3.Connection, table: str) -> Iterator[tuple[str | bytes, str, int]]:
    """Every (band key, article id, batch number) of a band table, of either layout."""
    if not table.startswith(MERGED_RUN):
        yield from con.execute(f"SELECT band_key, article_id, batch FROM {table}")
        return
    for key, rows in con.execute(f"SELECT band_key, rows FROM {table}"):
        for pair in rows.split(PAIRS):
            article_id, number = pair.split(PAIR)
            yield key, article_id, int(number)


def _band_digests(keys: Sequence[str]) -> np.ndarray:
    """band_filters.digests of these keys as band_value stores them; dedup's keys (24 hex digits each) in one
    conversion, not one call a key."""
    if keys and set(map(len, keys)) == {2 * band_filters.DIGEST}:
        joined = "".join(keys)
        try:
            raw = bytes.fromhex(joined)
        except ValueError:
            raw = b""
        if raw.hex() == joined:  # each key is lowercase hex: band_value stores its bytes
            return band_filters.digests_of_joined(raw)
    return band_filters.digests([band_value(key) for key in keys])


def _maybe_held(keys: Sequence[str], bits: np.ndarray | None, probe: band_filters.Probe) -> list[str]:
    """The keys a run's filter may hold (no filter: all of them)."""
    if bits is None:
        return list(keys)
    # By index: a run's filter says yes to a few hundred of a batch's thousands of keys at 100,000 articles.
    return [keys[position] for position in np.flatnonzero(probe.may_hold(bits)).tolist()]


def _fill_probes(con: sqlite3.Connection, keys: dict[str, list[str]]) -> None:
    """The temporary table `probes` holding, per band level, the keys to look for in it: each as band_value
    stores it and as asked. One statement a level from a JSON list (a row-by-row insert of thousands of keys
    cost more than the lookup)."""
    con.execute(
        "CREATE TEMP TABLE IF NOT EXISTS probes (level TEXT, key, asked TEXT, PRIMARY KEY (level, key)) WITHOUT ROWID"
    )
    con.execute("DELETE FROM probes")
    for table, wanted in keys.items():
        con.execute(
            "INSERT OR IGNORE INTO probes SELECT ?, band_value(value), value FROM json_each(?)",
            (table, as_json(wanted)),
        )


# Band filters by the token each write gives: a run's is read again only after it changed (bands_0's after each
# batch, a few hundred KB; a sealed or merged run's never). A dozen runs at 100,000 articles, and the tokens they
# replaced.
_FILTER_CACHE = band_filters.FilterCache(64)


def _band_filters(con: sqlite3.Connection) -> dict[str, np.ndarray]:
    """The filter of each band table that has one, read from the index only when it changed."""
    found = {}
    for level, token in con.execute("SELECT level, token FROM band_filters").fetchall():

        def load(level: str = level) -> bytes:
            return bytes(con.execute("SELECT bits FROM band_filters WHERE level = ?", (level,)).fetchone()[0])

        found[level] = _FILTER_CACHE.get(token, load)
    return found


def _extend_newest_filter(con: sqlite3.Connection, values: Sequence[str | bytes]) -> None:
    """Add these keys, just written to NEWEST_BANDS, to its filter. Its filter is made at the size for BAND_RUN_ROWS
    when it gets its first rows, so it is not built again as it fills (it is sealed once past them); only more rows at
    once than the filter has room for (a compacted file read whole) make it built anew from all its rows."""
    rows = _newest_rows(con)
    found = con.execute("SELECT bits FROM band_filters WHERE level = ?", (NEWEST_BANDS,)).fetchone()
    if found is not None and band_filters.fits(len(found[0]), rows):
        bits = np.frombuffer(found[0], dtype=np.uint8).copy()
        band_filters.add(bits, band_filters.digests(values))
        _store_band_filter(con, NEWEST_BANDS, bits)
    else:
        _build_band_filter(con, NEWEST_BANDS, max(rows, BAND_RUN_ROWS))


def _build_band_filter(con: sqlite3.Connection, table: str, rows: int) -> None:
    """A band table's filter, built from its rows (sized for `rows`) and stored."""
    _store_band_filter(con, table, _band_filter_bits(con, table, rows))


def _band_filter_bits(con: sqlite3.Connection, table: str, rows: int) -> np.ndarray:
    """A band table's filter bits, from its rows (sized for `rows`), a chunk of keys at a time: a merged run of
    millions of keys is never a list of Python objects at once."""
    bits = np.zeros(band_filters.size_for(rows), dtype=np.uint8)
    cursor = con.execute(f"SELECT band_key FROM {table}")
    # A merged run's keys are as asked (merge_bands.sql): hashed as the keys of a lookup are.
    digests = _band_digests if table.startswith(MERGED_RUN) else band_filters.digests
    while chunk := cursor.fetchmany(65_536):
        band_filters.add(bits, digests([value for (value,) in chunk]))
    return bits


def _store_band_filter(con: sqlite3.Connection, table: str, bits: np.ndarray) -> None:
    con.execute("INSERT OR REPLACE INTO band_filters VALUES (?, ?, ?)", (table, uuid.uuid4().hex, bits.tobytes()))


def _newest_rows(con: sqlite3.Connection) -> int:
    """Rows in NEWEST_BANDS, as counted when they were written (a count(*) would read the whole table)."""
    return int(_meta(con, f"{NEWEST_BANDS}.rows") or 0)


def band_runs(con: sqlite3.Connection) -> list[tuple[str, int]]:
    """The sealed and merged runs of band keys, oldest first: (table, rows)."""
    value = _meta(con, "band_runs")
    return [(table, int(rows)) for table, rows in json.loads(value)] if value else []


def band_tables(con: sqlite3.Connection) -> list[str]:
    """Every band table that holds rows: NEWEST_BANDS (when it does), then the runs."""
    newest = [NEWEST_BANDS] if _newest_rows(con) else []
    return newest + [table for table, _ in band_runs(con)]


def band_tier(rows: int) -> int:
    """A run's tier by its rows: 1 below RUNS_PER_TIER x BAND_RUN_ROWS, one more each RUNS_PER_TIER times more."""
    tier, bound = 1, BAND_RUN_ROWS * RUNS_PER_TIER
    while rows >= bound:
        tier, bound = tier + 1, bound * RUNS_PER_TIER
    return tier


def _new_run_name(con: sqlite3.Connection, prefix: str = "bands_r") -> str:
    number = int(_meta(con, "band_runs.next") or 1)
    _set_meta(con, "band_runs.next", str(number + 1))
    return f"{prefix}{number}"


def _create_band_level(con: sqlite3.Connection, table: str) -> None:
    con.execute(sql_text("index", "band_level.sql").format(table=table))


def _seal_newest(con: sqlite3.Connection, runs: list[tuple[str, int]]) -> None:
    """NEWEST_BANDS becomes a run as it is (renamed, its filter with it), and a new empty one takes its place."""
    run = _new_run_name(con)
    con.execute(f"ALTER TABLE {NEWEST_BANDS} RENAME TO {run}")
    con.execute("UPDATE band_filters SET level = ? WHERE level = ?", (run, NEWEST_BANDS))
    runs.append((run, _newest_rows(con)))
    _set_meta(con, f"{NEWEST_BANDS}.rows", "0")
    _create_band_level(con, NEWEST_BANDS)


HEX_DIGITS = "0123456789abcdef"
# A run's rows as a range's SELECT reads them (_merge_sources): a merged run whole; a sealed run's text keys and blob
# keys apart, each by a range of its primary key (SQLite sorts every text before every blob): the text keys below the
# least blob, the blob keys from it. Each is that side's condition only where no bound of the range is on that side:
# SQLite seeks a range by one condition a side, and took `band_key >= x''` over a bound after it, so each range of a
# merge read the run from its first blob (a merge of 2.6 million pairs cost 160 CPU s where it cost 33).
RUN_PARTS = {"merged": ("", False), "text": ("band_key < x''", True), "blob": ("band_key >= x''", False)}


def _blob_at_least(key: str) -> bytes | None:
    """The smallest blob whose lowercase hex digits (a merged run's spelling of it) sort at or after `key`; None
    when none does. A sealed run keeps a hex key as its bytes (band_value), in the same order as its digits."""
    digits = ""
    for char in key:
        if char in HEX_DIGITS:
            digits += char
            continue
        if char < "0":
            digits += "0"
        elif char < "a":  # past "9", before "a"
            digits += "a"
        else:  # past "f": every blob whose digits start so sorts before `key`, the next one after it
            digits = digits.rstrip("f")
            if not digits:
                return None
            digits = digits[:-1] + HEX_DIGITS[HEX_DIGITS.index(digits[-1]) + 1]
        break
    return bytes.fromhex(digits + "0" * (len(digits) % 2))


def _band_sources(merging: Sequence[tuple[str, int]]) -> list[generations.Sampled]:
    """The merge's runs as sampled_bounds samples them, each in its key order, a sample spelt as a merged run
    spells keys (a hex key's digits): a merged run by its keys (a row each); a sealed run by its rows (band key,
    article id, batch), its text keys and its blob keys apart (SQLite sorts every text before every blob, and a
    blob's digits sort as its bytes)."""
    sources = []
    row = "band_key, article_id, batch"
    for table, _ in merging:
        if table.startswith(MERGED_RUN):
            first = f"SELECT band_key FROM {table} ORDER BY band_key LIMIT 1 OFFSET ?"
            after = f"SELECT band_key FROM {table} WHERE band_key > ? ORDER BY band_key LIMIT 1 OFFSET ?"
            sources.append(generations.Sampled(first, after))
            continue
        for kind in ("text", "blob"):
            only, upper = RUN_PARTS[kind]
            first = f"SELECT {row} FROM {table} WHERE {only} ORDER BY {row} LIMIT 1 OFFSET ?"
            # Past a sample, from it: the blob part's own condition (a lower one) would be the seek's start instead.
            past = f"{only} AND ({row}) > (?, ?, ?)" if upper else f"({row}) > (?, ?, ?)"
            after = f"SELECT {row} FROM {table} WHERE {past} ORDER BY {row} LIMIT 1 OFFSET ?"
            spelt = (lambda sample: (sample[0].hex(), *sample[1:])) if kind == "blob" else tuple
            sources.append(generations.Sampled(first, after, as_bound=spelt))
    return sources


def _band_bounds(con: sqlite3.Connection, merging: Sequence[tuple[str, int]]) -> list[list]:
    """Bounds that cut the merge of these runs into ranges of at most MERGE_CHUNK_ROWS rows read (sampled_bounds,
    as for the generations' merges): a band key, or a sealed run's whole row key (a key many articles share is cut
    between ranges, its pairs joined in its one row by the upsert). Cut by the keys' first two bytes (round 28 and
    before), a range was bounded in practice by random keys, not by rows."""
    return [list(bound) for bound in generations.sampled_bounds(con, _band_sources(merging), MERGE_CHUNK_ROWS)]


def _legacy_bounds(chunks: int) -> list[list]:
    """A merge written down before round 29 (`chunks`, no `bounds`): its ranges of the keys' first two bytes, as
    bounds, so it is finished as it was begun."""
    return [[f"{(part * 0x10000) // chunks:04x}"] for part in range(1, chunks)]


def _side(kind: str, bound: list | None, upper: bool) -> tuple[list[str], list[object]] | None:
    """The condition (and its parameters) that keeps a run part's rows (RUN_PARTS) at or after `bound` (`upper`:
    before it), a bound spelt as a merged run's key (the band key, then a sealed run's article id and batch); None
    when none of the part's rows can be (no blob's digits sort after a key past "f..."). A range of the part's
    primary key, so SQLite seeks it."""
    if bound is None:
        return [], []
    sign = "<" if upper else ">="
    if kind == "merged":
        return [f"band_key {sign} ?"], [bound[0]]
    row = ", ".join(["band_key", "article_id", "batch"][: len(bound)])
    places = ", ".join("?" for _ in bound)
    if kind == "text":
        return [f"({row}) {sign} ({places})"], list(bound)
    key = band_value(bound[0])
    if isinstance(key, bytes):
        return [f"({row}) {sign} ({places})"], [key, *bound[1:]]
    blob = _blob_at_least(bound[0])  # not a hex key: no blob is spelt as it, so the rest of the bound does not count
    if blob is None:
        return ([], []) if upper else None
    return [f"band_key {sign} ?"], [blob]


def _merge_sources(
    merging: Sequence[tuple[str, int]], bounds: Sequence[list], part: int, legacy: bool = False
) -> tuple[str, list[object]]:
    """merge_bands.sql's runs for the `part`-th range of a merge cut at `bounds` (_band_bounds): each run's rows
    from the bound before to the one after, compared by its own columns (RUN_PARTS), so each of a run's rows is in
    exactly one range. A key whose rows fall in two ranges (a key many articles share, cut inside its rows) is joined
    by the upsert, as keys of two runs are. `legacy` (_legacy_bounds): a sealed run's text keys all in the first."""
    low = bounds[part - 1] if part > 0 else None
    high = bounds[part] if part < len(bounds) else None
    parts, parameters = [], []
    for table, _ in merging:
        merged = table.startswith(MERGED_RUN)
        for kind in ["merged"] if merged else ["text", "blob"]:
            sides: list[tuple[list[str], list[object]] | None]
            if legacy and kind == "text":
                sides = [([], []), ([], [])] if part == 0 else [None]
            else:
                sides = [_side(kind, low, upper=False), _side(kind, high, upper=True)]
            if any(side is None for side in sides):
                continue
            only, upper = RUN_PARTS[kind]
            bounded = [side is not None and bool(side[0]) for side in sides]  # a bound below, a bound above
            where = [only] if only and not bounded[upper] else []
            where += [clause for side in sides if side is not None for clause in side[0]]
            rows = "rows" if merged else "article_id || char(31) || batch AS rows"
            parts.append(f"SELECT band_key, {rows} FROM {table}" + (f" WHERE {' AND '.join(where)}" if where else ""))
            parameters += [value for side in sides if side is not None for value in side[1]]
    return "\nUNION ALL\n".join(parts), parameters


def _merge_chunk(
    con: sqlite3.Connection,
    merged: str,
    merging: Sequence[tuple[str, int]],
    part: int,
    bounds: Sequence[list],
    legacy: bool = False,
) -> None:
    """The `part`-th range of these runs (cut at `bounds`) merged into the run `merged` (band_run.sql), created by
    the first."""
    if part == 0:
        con.execute(sql_text("index", "band_run.sql").format(table=merged))
    sources, parameters = _merge_sources(merging, bounds, part, legacy)
    if sources:
        con.execute(sql_text("index", "merge_bands.sql").format(merged=merged, runs=sources), parameters)


def _drop_band_table(con: sqlite3.Connection, table: str) -> None:
    con.execute(f"DROP TABLE IF EXISTS {table}")
    con.execute("DELETE FROM band_filters WHERE level = ?", (table,))


def _merge_band_runs(con: sqlite3.Connection, merging: list[tuple[str, int]]) -> tuple[str, int]:
    """These runs merged into a new one, written in key order from all of them (each read in key order, so SQLite
    merges them without a sort), and dropped with their filters. Inside the caller's transaction, so a crash
    mid-merge leaves every run as it was. The catch-up's own merge (an index built from nothing, a sealed run past
    tier 1, MERGE_IN_BACKGROUND off); the merger thread's is merge_step."""
    merged = _new_run_name(con, MERGED_RUN)
    bounds = _band_bounds(con, merging)
    for part in range(len(bounds) + 1):  # each statement reads at most MERGE_CHUNK_ROWS rows, as the merger's
        _merge_chunk(con, merged, merging, part, bounds)
    # A run's size in pairs, as the tiers count (a merged run's rows are its keys).
    rows = sum(size for _, size in merging)
    for table, _ in merging:
        _drop_band_table(con, table)
    _build_band_filter(con, merged, rows)
    return merged, rows


def _full_tier(runs: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The runs of the smallest tier that holds RUNS_PER_TIER runs or more (none: [])."""
    tiers: dict[int, list[tuple[str, int]]] = {}
    for run in runs:
        tiers.setdefault(band_tier(run[1]), []).append(run)
    full = [tier for tier, members in tiers.items() if len(members) >= RUNS_PER_TIER]
    return tiers[min(full)] if full else []


def _plan_merge(con: sqlite3.Connection, runs: list[tuple[str, int]]) -> None:
    """When no merge is under way and a tier is full, write down the merge of its runs for the merger (BAND_MERGE):
    the runs, the new run's name (taken now, so no other run gets it) and its ranges of keys, none written yet."""
    if _meta(con, BAND_MERGE) is not None or not (merging := _full_tier(runs)):
        return
    rows = sum(size for _, size in merging)
    job = {"merged": _new_run_name(con, MERGED_RUN), "runs": merging, "rows": rows, "done": 0, "bounds": None}
    _set_meta(con, BAND_MERGE, json.dumps(job))


def _settle_band_runs(con: sqlite3.Connection, background: bool = False) -> None:
    """Seal NEWEST_BANDS once past BAND_RUN_ROWS; then merge each tier that holds RUNS_PER_TIER runs into one run
    (of the next tier, which may fill it in turn), smallest tier first, or (`background`) write down the merge for
    the merger thread (_plan_merge). A sealed run past tier 1 (a file read whole: a rebuild, or a compacted table
    read by a new index) is written again as a merged run, a row per key, at once: sealed as it is, a rebuild at
    101,000 articles left seven runs of ~590,000 pairs that no merge reached, and the copy lookup walked them, 45,800
    pages a batch against 18,100 in merged runs (docs/benchmarks.md, round 15, lookup10)."""
    runs = band_runs(con)
    before = list(runs)
    if _newest_rows(con) > BAND_RUN_ROWS:
        _seal_newest(con, runs)
        if band_tier(runs[-1][1]) > 1:
            runs[-1:] = [_merge_band_runs(con, runs[-1:])]
    if background:
        _plan_merge(con, runs)
    else:
        while merging := _full_tier(runs):
            runs = [run for run in runs if run not in merging] + [_merge_band_runs(con, merging)]
    if runs != before:
        _set_meta(con, "band_runs", json.dumps(runs))


def _job(con: sqlite3.Connection) -> dict | None:
    value = _meta(con, BAND_MERGE)
    if value is None:
        return None
    job = json.loads(value)
    job["runs"] = [tuple(run) for run in job["runs"]]
    return dict(job)


def merge_step(con: sqlite3.Connection) -> bool:
    """One step of the band runs' merge under way (BAND_MERGE), or else of a generation merge (generations.merge_step),
    each in its own short transaction: drop a run a finished merge
    replaced; or write the next range of keys of the new run and count it; or, once every range is written, build
    its filter (reading the new run, which no lookup reads yet, outside any write lock) and list it in place of the
    runs it merged (in one transaction: a lookup sees the runs before or the run after, never both or neither), then
    write down the next merge if that filled a tier. False when there is nothing to do. Whatever kills it between
    two steps or inside one leaves the index as the last committed step left it, which the next step goes on from."""
    if dropping := json.loads(_meta(con, BAND_DROPPING) or "[]"):
        con.execute("BEGIN IMMEDIATE")
        dropping = json.loads(_meta(con, BAND_DROPPING) or "[]")
        if dropping:
            _drop_band_table(con, dropping[0])
            _set_meta(con, BAND_DROPPING, json.dumps(dropping[1:]))
        con.execute("COMMIT")
        return True
    job = _job(con)
    if job is None:
        return generations.merge_step(con)
    legacy = "chunks" in job
    if not legacy and job["bounds"] is None:  # its ranges chosen, outside the write lock (the runs it reads stay)
        bounds = _band_bounds(con, job["runs"])
        con.execute("BEGIN IMMEDIATE")
        if _job(con) == job and _still_listed(con, job):
            _set_meta(con, BAND_MERGE, json.dumps({**job, "bounds": bounds}))
        con.execute("COMMIT")
        return True
    bounds = _legacy_bounds(job["chunks"]) if legacy else job["bounds"]
    if job["done"] <= len(bounds):
        con.execute("BEGIN IMMEDIATE")
        if _job(con) == job and _still_listed(con, job):  # no one else wrote this range meanwhile (a second merger)
            _merge_chunk(con, job["merged"], job["runs"], job["done"], bounds, legacy)
            _set_meta(con, BAND_MERGE, json.dumps({**job, "done": job["done"] + 1}))
        con.execute("COMMIT")
        return True
    bits = _band_filter_bits(con, job["merged"], job["rows"])
    con.execute("BEGIN IMMEDIATE")
    if _job(con) == job and _still_listed(con, job):
        runs = band_runs(con)
        merging = job["runs"]
        runs = [run for run in runs if run not in merging] + [(job["merged"], job["rows"])]
        _store_band_filter(con, job["merged"], bits)
        _set_meta(con, "band_runs", json.dumps(runs))
        _set_meta(con, BAND_DROPPING, json.dumps([table for table, _ in merging]))
        con.execute("DELETE FROM meta WHERE key = ?", (BAND_MERGE,))
        _plan_merge(con, runs)
    con.execute("COMMIT")
    return True


def _still_listed(con: sqlite3.Connection, job: dict) -> bool:
    """Whether every run the merge reads is still listed; if not (merged by a catch-up of an earlier version of this
    code, which knew no merger), the merge is given up, its part-written run dropped, and the next one planned."""
    runs = band_runs(con)
    if all(run in runs for run in job["runs"]):
        return True
    con.execute("DELETE FROM meta WHERE key = ?", (BAND_MERGE,))
    _set_meta(con, BAND_DROPPING, json.dumps([*json.loads(_meta(con, BAND_DROPPING) or "[]"), job["merged"]]))
    _plan_merge(con, runs)
    return False


def merges_pending(con: sqlite3.Connection) -> bool:
    """A merge under way, or runs or generations it replaced still to drop."""
    if _meta(con, BAND_MERGE) is not None or json.loads(_meta(con, BAND_DROPPING) or "[]"):
        return True
    return generations.merges_pending(con)


def _merger_connection(warehouse: Path) -> sqlite3.Connection:
    con = _connect(warehouse)
    con.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    return con


def run_merges(warehouse: Path) -> int:
    """Every step of the merges under way, in this thread; the number of steps taken."""
    steps = 0
    with closing(_merger_connection(warehouse)) as con:
        while merge_step(con):
            steps += 1
    return steps


class _Merger(threading.Thread):
    """The thread that does an index's merges (merge_step) until none is left, started after a catch-up that left one
    (_caught_up). A daemon: a process that ends stops it between or inside two steps, which the next one goes on
    from. `cpu_seconds`: the CPU time its steps took, which no batch's catch-up counts (bench/scale.py reports it)."""

    cpu_seconds = 0.0  # over every merger of the process

    def __init__(self, warehouse: Path) -> None:
        super().__init__(name=f"index-merges {warehouse}", daemon=True)
        self.warehouse = warehouse
        self.stopping = threading.Event()

    def run(self) -> None:
        path = index_path(self.warehouse)
        try:
            start = _file_identity(path)
            if start is None:
                return
            with closing(_merger_connection(self.warehouse)) as con:
                # Stops once the index file is another (deleted and rebuilt): what it merged belonged to the old one.
                while not self.stopping.is_set() and _file_identity(path) == start:
                    began = time.thread_time()
                    try:
                        more = merge_step(con)
                    finally:
                        _Merger.cpu_seconds += time.thread_time() - began
                        if con.in_transaction:
                            con.rollback()
                    if not more:
                        break
                    state = _index_state(self.warehouse)
                    if state[0] is not None and state[0][:2] == start:
                        _merger_states[path] = state
        except (sqlite3.Error, OSError) as error:
            # A rebuild or a long catch-up held the lock past the busy timeout, or the index was deleted: what was
            # committed stays, and the next catch-up that finds the merge unfinished starts a merger again.
            log.info("index merges stopped: %s", error)
        finally:
            give_back_free_memory()


_mergers: dict[Path, _Merger] = {}
# The index's state (_index_state) as this process's merger left it after its last step, by index path. A kept
# connection that finds the index changed since its last catch-up, and changed to exactly this state of the same file,
# saw only the merger's commits, which move rows between band runs or generations but change no table's version: it
# goes on as it is (a fresh connection and its cold cache cost a catch-up ~0.04 CPU s at 101,000 articles;
# docs/benchmarks.md, round 21). Any other change, or a step not recorded yet, still takes a fresh connection.
_merger_states: dict[Path, tuple] = {}
_mergers_lock = threading.Lock()


def _start_merger(warehouse: Path) -> None:
    """The merger thread of this index, started unless it is running."""
    path = index_path(warehouse)
    with _mergers_lock:
        running = _mergers.get(path)
        if running is not None and running.is_alive():
            return
        _mergers[path] = merger = _Merger(warehouse)
        merger.start()


def merger_cpu_seconds() -> float:
    """The CPU seconds this process's merger threads have spent so far (benchmarks)."""
    return _Merger.cpu_seconds


def wait_for_merges(warehouse: Path) -> None:
    """Until this process's merger of the index has done every merge under way (benchmarks and tests)."""
    with _mergers_lock:
        merger = _mergers.get(index_path(warehouse))
    if merger is not None:
        merger.join()


def _stop_merger(path: Path) -> None:
    """Stop this process's merger of the index at `path` (after its current step) and wait for it: the index is
    about to be deleted, and a connection left on a deleted file must not write a file of the same name."""
    with _mergers_lock:
        merger = _mergers.pop(path, None)
    if merger is not None:
        merger.stopping.set()
        if merger is not threading.current_thread():
            merger.join()


@dataclass(frozen=True, slots=True)
class Change:
    """One Delta commit as the index needs it: its operation and the data files it added and removed."""

    operation: str
    added: list[str]  # paths relative to the table folder, as the log writes them (percent-encoded)
    removed: list[str]


def log_changes(path: Path, first: int, last: int) -> list[Change] | None:
    """The commits `first`..`last` read from the table's log, or None when one is not there as a JSON
    commit file (cleaned up after a checkpoint) or names a file outside the table folder."""
    changes = []
    for version in range(first, last + 1):
        try:
            lines = (path / "_delta_log" / f"{version:020d}.json").read_text().splitlines()
        except FileNotFoundError:
            return None
        actions = [json.loads(line) for line in lines if line.strip()]
        operation = next((a["commitInfo"].get("operation", "") for a in actions if "commitInfo" in a), "")
        added = [a["add"]["path"] for a in actions if "add" in a]
        removed = [a["remove"]["path"] for a in actions if "remove" in a]
        if any("://" in file for file in added + removed):
            return None
        changes.append(Change(operation, added, removed))
    return changes


def commit_fingerprint(path: Path, version: int) -> str:
    """A hash of the table's commit file of this version; "" when it is not there (cleaned up after a
    checkpoint), which the check then cannot use. A commit lost and another written under its number differ
    in it; the index and the views' publish (warehouse/views.py) both check the commit they read last."""
    try:
        return hashlib.sha256((path / "_delta_log" / f"{version:020d}.json").read_bytes()).hexdigest()
    except FileNotFoundError:
        return ""


def _forget(con: sqlite3.Connection, table: str, files: Iterable[str]) -> None:
    gone = [(table, file) for file in files]
    con.executemany("DELETE FROM indexed_files WHERE tbl = ? AND file = ?", gone)
    con.executemany("DELETE FROM batch_files WHERE tbl = ? AND file = ?", gone)
    con.executemany("DELETE FROM moved_page_files WHERE file = ?", [(file,) for _, file in gone])


def _index_file(
    con: sqlite3.Connection,
    warehouse: Path,
    table: str,
    file: str,
    read: bool = True,
    moved: bool = False,
    background: bool = False,
) -> None:
    if con.execute("SELECT 1 FROM indexed_files WHERE tbl = ? AND file = ?", (table, file)).fetchone():
        return
    if read:
        _add_rows(con, warehouse, table, file, moved, background)
    con.execute("INSERT INTO indexed_files VALUES (?, ?)", (table, file))


def _catch_up_table(con: sqlite3.Connection, warehouse: Path, spec: TableSpec, background: bool = False) -> None:
    """Bring the index level with one table: nothing to do when its Delta version is the one indexed;
    otherwise only the commits since are read (their log entries and the files they added)."""
    table, path = spec.name, table_path(warehouse, spec)
    delta = open_table(path)
    if delta is None:
        return
    table_id, version = str(delta.metadata().id), delta.version()
    known_id, known = _meta(con, f"{table}.id"), _meta(con, f"{table}.version")
    if known_id is not None and known_id != table_id:
        raise IndexStale(f"{table} was created anew")
    if known is not None and version < int(known):
        raise IndexStale(f"{table} went back to version {version}")
    if known is not None:
        # The commit read last must still be the table's: a commit lost (a restored copy, a file system
        # that dropped it) and another written under its number would otherwise leave the index ahead,
        # answering with rows the table no longer has.
        then, now = _meta(con, f"{table}.commit"), commit_fingerprint(path, int(known))
        if then and now and then != now:
            raise IndexStale(f"{table} commit {known} is not the one indexed")
    if known is not None and version == int(known):
        return
    root = warehouse.resolve()
    folder = path.resolve()

    def relative(file: str) -> str:
        return os.path.relpath(os.path.join(folder, unquote(file)), root)

    changes = log_changes(path, int(known) + 1, version) if known is not None else None
    if changes is not None:
        for change in changes:
            if change.operation not in ROW_KEEPING:
                raise IndexStale(f"{table} had rows changed or removed ({change.operation})")
            _forget(con, table, (relative(file) for file in change.removed))
            # A compaction moves rows already indexed: only tables whose index rows name their file read it.
            moved = change.operation == "OPTIMIZE"
            for file in change.added:
                _index_file(con, warehouse, table, relative(file), not moved or table in NAMES_FILES, moved, background)
    else:  # a new index, or a log cleaned up past the indexed version: compare the file lists
        if known is not None:
            history = delta.history(limit=version - int(known))
            if any(change.get("operation") not in ROW_KEEPING for change in history):
                raise IndexStale(f"{table} had rows changed or removed")
        files = {os.path.relpath(uri.removeprefix("file://"), root) for uri in delta.file_uris()}
        indexed = {row[0] for row in con.execute("SELECT file FROM indexed_files WHERE tbl = ?", (table,))}
        _forget(con, table, indexed - files)
        for file in sorted(files - indexed):
            _index_file(con, warehouse, table, file, background=background)
    _set_meta(con, f"{table}.id", table_id)
    _set_meta(con, f"{table}.version", str(version))
    _set_meta(con, f"{table}.commit", commit_fingerprint(path, version))


def _connect(warehouse: Path) -> sqlite3.Connection:
    """A connection to the index file with the settings every one of them uses (the merger's too)."""
    con = sqlite3.connect(index_path(warehouse), isolation_level=None)
    con.execute("PRAGMA journal_mode = WAL")  # a crash mid-update rolls back to the last catch-up
    con.execute("PRAGMA synchronous = NORMAL")  # losing the last catch-up to a power cut only redoes it
    con.execute(f"PRAGMA wal_autocheckpoint = {WAL_CHECKPOINT_PAGES}")
    con.execute(f"PRAGMA journal_size_limit = {WAL_LIMIT_BYTES}")
    # Lookups read with LOOKUP_CACHE_KIB; a catch-up, whose inserts land at random keys (with SQLite's 2 MB default
    # cache each one reads pages again), with CACHE_KIB (_catch_up).
    con.execute(f"PRAGMA cache_size = -{LOOKUP_CACHE_KIB}")
    # No memory map: every page of the index file a lookup or a merge touched through it stayed mapped, and counted
    # in the process's memory, up to the whole file (~40 MB at 10,000 articles, 430-620 MB at 100,000); read into
    # the bounded cache instead: the lookups cost the same CPU, a catch-up ~20 ms more at 10,000 articles and no
    # more at 100,000 (docs/benchmarks.md, "the lookup index's merges").
    con.execute("PRAGMA mmap_size = 0")
    return con


def _open(warehouse: Path) -> sqlite3.Connection:
    con = _connect(warehouse)
    # A batch's keys (`wanted`, `probes`: thousands of band keys) go in temporary tables of this kept connection, which
    # stay in the temporary database's own page cache (its file is written only when they outgrow it). Not
    # temp_store = MEMORY: that also keeps every statement journal in memory whatever its size, and dropping the band
    # level a merge replaced journals the level (~25 MB at 10,000 articles, a level of millions of rows later);
    # in a file past 64 KiB, it costs the same CPU (bench/flow_memory.py, docs/benchmarks.md).
    con.execute("PRAGMA temp_store = FILE")
    # The stored form of a band key, for keys a lookup passes as JSON (band_hits).
    con.create_function("band_value", 1, band_value, deterministic=True)
    con.executescript(sql_text("index", "schema.sql"))
    _create_band_level(con, NEWEST_BANDS)  # the runs are made as it is sealed
    return con


def _catch_up(con: sqlite3.Connection, warehouse: Path) -> bool:
    """Read what was committed since the last catch-up; True when band runs were sealed or merged."""
    known_format = _meta(con, "format")
    if known_format not in (None, FORMAT):
        raise IndexStale("another index format")
    con.execute(f"PRAGMA cache_size = -{CACHE_KIB}")  # its writes; _caught_up sets the lookups' back after it
    con.execute("BEGIN IMMEDIATE")
    _set_meta(con, "format", FORMAT)
    runs_before = _meta(con, "band_runs.next")
    # An index built from nothing (every file read in this one catch-up) merges its tiers as it goes: it is left
    # with the runs a merged index has, and no lookup waits on it anyway.
    background = MERGE_IN_BACKGROUND and known_format is not None
    for spec in INDEXED:
        _catch_up_table(con, warehouse, spec, background)
    runs_changed = _meta(con, "band_runs.next") != runs_before
    con.execute("COMMIT")
    return runs_changed


def delete_index(warehouse: Path) -> None:
    _stop_merger(index_path(warehouse))
    _merger_states.pop(index_path(warehouse), None)
    _drop_kept(index_path(warehouse))
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{index_path(warehouse)}{suffix}").unlink(missing_ok=True)


# Each thread's index connection (a sqlite3 connection stays in its thread) by index path, kept across lookups:
# a lookup then neither opens the file nor asks each Delta table for its version. What was kept is used only
# while it shows that nothing moved since the last catch-up (`_Kept.unchanged`: a few file stats); otherwise
# the full catch-up decides, as on a fresh connection, so a crash, a deletion or another process's commit
# cannot make a kept answer wrong.
_threads = threading.local()


def _file_identity(path: Path) -> tuple[int, int] | None:
    """The file's device and inode: another file once it was deleted and made again."""
    found = _file_state(path)
    return found[:2] if found is not None else None


def _file_state(path: Path) -> tuple[int, int, int, int] | None:
    try:
        found = os.stat(path)
    except FileNotFoundError:
        return None
    return (found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns)


def _table_state(warehouse: Path, spec: TableSpec, version: int | None) -> tuple:
    """What shows a Delta table is still at the version the index read: its first commit file and that
    version's commit file are the same files (a table created anew, a commit lost and rewritten change them),
    and the next version's commit file is not there (every commit, a delete or a restore too, adds one)."""
    log = table_path(warehouse, spec) / "_delta_log"
    if version is None:  # no table yet: its first commit would make one
        return (_file_state(log / f"{0:020d}.json"),)
    return (
        _file_state(log / f"{0:020d}.json"),
        _file_state(log / f"{version:020d}.json"),
        (log / f"{version + 1:020d}.json").exists(),
    )


def _index_state(warehouse: Path) -> tuple:
    """The index file and its write-ahead log: another connection's commit or a deletion changes them."""
    path = index_path(warehouse)
    return (_file_state(path), _file_state(Path(f"{path}-wal")))


@dataclass(slots=True)
class _Kept:
    """An open index connection and what it saw when it last caught up."""

    con: sqlite3.Connection
    pid: int
    index: tuple = ()  # _index_state after the last catch-up
    data_version: int = -1  # SQLite's count of other connections' commits, then
    tables: dict[str, tuple] = dataclasses.field(default_factory=dict)  # per table: (version, _table_state)

    def index_unchanged(self, warehouse: Path) -> bool:
        """No one else wrote, replaced or deleted the index since `remember` (a fresh connection decides
        otherwise: this one's cached pages may be of a file that is no longer there)."""
        if self.pid != os.getpid():
            return False
        now = _index_state(warehouse)
        if now != self.index:
            same_file = now[0] is not None and self.index[0] is not None and now[0][:2] == self.index[0][:2]
            if not same_file or _merger_states.get(index_path(warehouse)) != now:
                return False
            self.index = now  # only the merger wrote (_merger_states)
            self.data_version = self.con.execute("PRAGMA data_version").fetchone()[0]
            return True
        return bool(self.con.execute("PRAGMA data_version").fetchone()[0] == self.data_version)

    def tables_unchanged(self, warehouse: Path) -> bool:
        """Nothing was committed to the Delta tables since `remember`."""
        for spec in INDEXED:
            version, state = self.tables.get(spec.name, (None, None))
            if _table_state(warehouse, spec, version) != state:
                return False
        return True

    def remember(self, warehouse: Path) -> None:
        self.tables = {}
        for spec in INDEXED:
            known = _meta(self.con, f"{spec.name}.version")
            version = int(known) if known is not None else None
            self.tables[spec.name] = (version, _table_state(warehouse, spec, version))
        self.data_version = self.con.execute("PRAGMA data_version").fetchone()[0]
        self.index = _index_state(warehouse)


def _kept_connections() -> dict[Path, _Kept]:
    if not hasattr(_threads, "kept"):
        _threads.kept = {}
    return _threads.kept


def _drop_kept(path: Path) -> None:
    kept = _kept_connections().pop(path, None)
    if kept is not None and kept.pid == os.getpid():  # a connection inherited through fork is left alone
        kept.con.close()  # rolls back a catch-up cut short


def _caught_up(warehouse: Path) -> sqlite3.Connection:
    """This thread's index connection, level with the tables' current snapshots."""
    path = index_path(warehouse)
    kept = _kept_connections().get(path)
    if kept is None or not kept.index_unchanged(warehouse):
        _drop_kept(path)
        kept = _kept_connections()[path] = _Kept(_open(warehouse), os.getpid())
    elif kept.tables_unchanged(warehouse):
        return kept.con
    try:
        runs_changed = _catch_up(kept.con, warehouse)
        kept.remember(warehouse)
        # The pages a catch-up wrote need not stay in this connection's cache (up to CACHE_KIB) while it is kept.
        kept.con.execute("PRAGMA shrink_memory")
        kept.con.execute(f"PRAGMA cache_size = -{LOOKUP_CACHE_KIB}")
        if runs_changed:  # a merge's pages and filters (or a seal's, every few batches): freed, and given back
            give_back_free_memory()
        if merges_pending(kept.con):
            _start_merger(warehouse)
    except BaseException:
        _drop_kept(path)
        raise
    return kept.con


@contextmanager
def current_index(warehouse: Path, place_pages: bool = False) -> Iterator[sqlite3.Connection]:
    """The index, caught up with the tables' current snapshots (rebuilt when it cannot be); `place_pages`: with the
    places of every stored fetch in page_files (place_moved_pages), for a lookup that asks where fetches are. The
    connection stays open for the thread's next lookup: callers do not close it."""
    try:
        con = _caught_up(warehouse)
        if place_pages:
            place_moved_pages(con, warehouse)
    except (IndexStale, sqlite3.DatabaseError, OSError, KeyError):
        # KeyError/OSError: a Parquet file or column the index expected is not there; rebuild from scratch.
        delete_index(warehouse)
        con = _caught_up(warehouse)  # a rebuild reads every file as it is: no fetch is left to place
    try:
        yield con
    except BaseException:
        _drop_kept(index_path(warehouse))  # whatever went wrong, the next lookup starts on a fresh connection
        raise


def _fill_wanted(con: sqlite3.Connection, keys: Iterable[str]) -> None:
    """The temporary table `wanted` holding these keys, which the keyed queries (sql/index/) start from. One
    statement from a JSON list: a row-by-row insert costs more than the lookup of a few hundred keys."""
    con.execute("CREATE TEMP TABLE IF NOT EXISTS wanted (key TEXT PRIMARY KEY) WITHOUT ROWID")
    con.execute("DELETE FROM wanted")
    con.execute("INSERT OR IGNORE INTO wanted SELECT value FROM json_each(?)", (as_json(keys),))


def keyed_query(con: sqlite3.Connection, name: str, keys: Iterable[str], parameters: tuple = ()) -> list[tuple]:
    """Run sql/index/<name>.sql with the temporary table `wanted` holding these keys."""
    _fill_wanted(con, keys)
    return con.execute(sql_text("index", f"{name}.sql"), parameters).fetchall()


def fill_wanted_versions(con: sqlite3.Connection, versions: Iterable[tuple[str, str]]) -> None:
    """The temporary table `wanted_versions` holding these article versions (batch id, article id), which the
    queries of tables keyed batch first (signatures) start from; one statement, as _fill_wanted."""
    con.execute(
        "CREATE TEMP TABLE IF NOT EXISTS wanted_versions "
        "(batch_id TEXT, article_id TEXT, PRIMARY KEY (batch_id, article_id)) WITHOUT ROWID"
    )
    con.execute("DELETE FROM wanted_versions")
    con.execute(
        "INSERT OR IGNORE INTO wanted_versions "
        "SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?)",
        (json.dumps(sorted(versions)),),
    )


def versions_query(
    con: sqlite3.Connection, name: str, versions: Iterable[tuple[str, str]], parameters: tuple = ()
) -> list[tuple]:
    """Run sql/index/<name>.sql with the temporary table `wanted_versions` holding these (batch id, article id)."""
    fill_wanted_versions(con, versions)
    return con.execute(sql_text("index", f"{name}.sql"), parameters).fetchall()


def as_json(values: Iterable[str]) -> str:
    return json.dumps(list(values))
