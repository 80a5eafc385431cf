"""The lookup index (warehouse/index.py): a cache of the Delta tables that reads only new files and that a
crash, a deletion or a compaction cannot make wrong."""

from __future__ import annotations

import dataclasses
import hashlib
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.test_lookups import article, page, write_batch
from transforms.records import EntityMention, LshBand, MinhashSignature, SiteLine
from warehouse import generations, index, lookups, store
from warehouse.lookups import committed_band_matches, committed_doc_ids, committed_site_chrome
from warehouse.query import sql_text
from warehouse.schemas import ENTITY_MENTIONS, RAW_PAGES
from warehouse.store import compact_tables, ensure_tables


def lines(article_id: str) -> list[SiteLine]:
    return [SiteLine("site", "home", article_id, "Home")]


def night(warehouse, n: int, bands_only: bool = False) -> None:
    """Night n: article a-dn with its own band key kn; its site lines, or (bands_only) a key every article shares."""
    doc = f"d{n}"
    keys = [f"k{n}", "shared"] if bands_only else [f"k{n}"]
    write_batch(
        warehouse,
        f"b{n}",
        n,
        articles=[article(doc, f"c{n}")],
        lsh_bands=[LshBand(key, f"a-{doc}") for key in keys],
        minhash_signatures=[MinhashSignature(f"a-{doc}", f"c{n}", "s", bytes([n]))],
        site_lines=[] if bands_only else lines(f"a-{doc}"),
    )


def answers(warehouse) -> tuple:
    return (
        committed_doc_ids(warehouse, ["d1", "d2", "d3", "d4", "nope"]),
        committed_band_matches(warehouse, ["k1", "k3"], "s"),
        committed_site_chrome(warehouse, 3),
        committed_site_chrome(warehouse, 5),
    )


def files_the_index_reads(monkeypatch) -> list[str]:
    """The files the lookup index reads from now on, one entry a read."""
    read: list[str] = []
    real_read = index._read

    def counted(warehouse, file, columns):
        read.append(file)
        return real_read(warehouse, file, columns)

    monkeypatch.setattr(index, "_read", counted)
    real_batches = index._batches_by_row_group

    def batches_counted(warehouse, file):
        read.append(file)
        return real_batches(warehouse, file)

    monkeypatch.setattr(index, "_batches_by_row_group", batches_counted)
    return read


def rows_read_per_row_group_call(monkeypatch) -> list[int]:
    """How many rows the row groups of each read of a file hold from now on, one entry a read."""
    read: list[int] = []
    real_read = lookups.read_row_groups

    def counted(path, groups, column, keys):
        metadata = pq.read_metadata(path)
        read.append(sum(metadata.row_group(group).num_rows for group in set(groups)))
        return real_read(path, groups, column, keys)

    monkeypatch.setattr(lookups, "read_row_groups", counted)
    return read


def test_a_lookup_reads_only_the_files_committed_since_the_last(tmp_path, monkeypatch):
    ensure_tables(tmp_path)
    for n in range(1, 4):
        night(tmp_path, n)
    committed_doc_ids(tmp_path, ["d1"])
    read = files_the_index_reads(monkeypatch)
    night(tmp_path, 4)
    assert committed_doc_ids(tmp_path, ["d1", "d4", "d9"]) == {"d1", "d4"}
    # One new file per table the batch wrote (batches, articles, signatures, bands, site lines), none older.
    assert len(read) == 5 and all("/" in file for file in read)
    read.clear()
    assert committed_doc_ids(tmp_path, ["d2"]) == {"d2"} and read == []


def test_deleted_compacted_or_recreated_tables_never_leave_wrong_answers(tmp_path):
    ensure_tables(tmp_path)
    for n in range(1, 5):
        night(tmp_path, n)
    expected = answers(tmp_path)
    assert expected[0] == {"d1", "d2", "d3", "d4"} and expected[2] == frozenset({"home"})
    assert expected[3] == frozenset()  # four stories, not five
    # Compaction rewrites every row into new files: read again, nothing counted twice.
    compact_tables(tmp_path, 1, 0)
    assert answers(tmp_path) == expected
    # The index deleted, or damaged: rebuilt from the tables.
    index.delete_index(tmp_path)
    assert answers(tmp_path) == expected
    index.index_path(tmp_path).write_bytes(b"not a database")
    assert answers(tmp_path) == expected
    # The tables deleted and written anew: nothing of the old ones is still known.
    shutil.rmtree(tmp_path / "tables")
    ensure_tables(tmp_path)
    night(tmp_path, 4)
    assert committed_doc_ids(tmp_path, ["d1", "d4"]) == {"d4"}
    assert committed_band_matches(tmp_path, ["k1"], "s") == []
    assert committed_site_chrome(tmp_path, 1) == frozenset({"home"})
    assert committed_site_chrome(tmp_path, 2) == frozenset()


def test_keyed_queries_probe_by_their_keys_and_never_scan_a_table(tmp_path):
    # SQLite would otherwise pick the big table as the outer loop and read all of it for each batch.
    ensure_tables(tmp_path)
    night(tmp_path, 1)
    committed_doc_ids(tmp_path, ["d1"])
    parameters = {"known_doc_ids": ("r", "[]", "p-", "p-", "p-"), "signatures": ("s",), "copy_sources": ("m",)}
    with index.current_index(tmp_path) as con:
        con.execute("CREATE TEMP TABLE IF NOT EXISTS wanted (key TEXT PRIMARY KEY) WITHOUT ROWID")
        index.fill_wanted_versions(con, [])  # the tables keyed batch first are asked by (batch, article)
        generations.fill_probes(con, generations.OUTCOMES, [])  # the generational tables, by (generation, key)
        probed = {"known_doc_ids", "copy_sources", "line_stories", "one_story_lines"}
        keyed = ("signatures", "latest_pages", "batch_files", "chrome_counts")
        for name in (*sorted(probed), *keyed):
            plan = con.execute(f"EXPLAIN QUERY PLAN {sql_text('index', f'{name}.sql')}", parameters.get(name, ()))
            scans = [row[3] for row in plan if row[3].startswith("SCAN ") and "subquery" not in row[3]]
            scans = [scan for scan in scans if "json_each" not in scan]  # the parameter list, not a table
            # Only the batch's keys are scanned, once.
            assert scans == ["SCAN p" if name in probed else "SCAN w"], (name, scans)
        # A batch's site lines find their articles' clusters through the probes: article_clusters is never scanned.
        con.execute("CREATE TEMP TABLE new_lines (line_hash TEXT, article_id TEXT, batch_id TEXT)")
        steps = [row[3] for row in con.execute(f"EXPLAIN QUERY PLAN {sql_text('index', 'committed_site_lines.sql')}")]
        assert not [step for step in steps if step.startswith(("SCAN a", "SCAN article_clusters"))]
        con.execute("DROP TABLE new_lines")
        # The band levels: no table scanned; each level that holds rows walks its own probes (band_hits).
        index._fill_probes(con, {})
        for run in ("bands_r1", "bands_r2", "bands_r3"):
            index._create_band_level(con, run)
        runs = [index.NEWEST_BANDS, "bands_r1", "bands_r2", "bands_r3"]
        for levels in (runs, runs[:2]):
            steps = [row[3] for row in con.execute(f"EXPLAIN QUERY PLAN {index.band_hits_sql(levels)}", (9,))]
            assert [step for step in steps if step.startswith("SCAN ") and "subquery" not in step] == []
            assert steps.count("SEARCH w USING PRIMARY KEY (level=?)") == len(levels)


def test_after_a_compaction_only_tables_whose_rows_name_their_file_are_read_again(tmp_path, monkeypatch):
    ensure_tables(tmp_path)
    for n in range(1, 5):
        night(tmp_path, n)
    expected = answers(tmp_path)
    read = files_the_index_reads(monkeypatch)
    compact_tables(tmp_path, 1, 0)
    assert answers(tmp_path) == expected
    assert read == []  # the compacted rows are the indexed ones: their log entries say so
    night(tmp_path, 5)
    assert committed_doc_ids(tmp_path, ["d1", "d5"]) == {"d1", "d5"}
    assert len(read) == 5


def test_a_stored_page_is_read_from_its_row_group_of_a_compacted_file(tmp_path, monkeypatch):
    # A compacted raw_pages file holds the whole archive's pages: a lookup must read one bounded row group.
    monkeypatch.setitem(store.ROW_GROUP_ROWS, "raw_pages", 2)
    ensure_tables(tmp_path)
    for n in range(4):
        pages = [page(f"https://x.example/{n}-{k}", f"{n}-{k}".encode(), n + 1) for k in range(3)]
        write_batch(tmp_path, f"b{n}", n + 1, raw_pages=pages)
    compact_tables(tmp_path, 1, 0)
    [file] = store.table_files(tmp_path, RAW_PAGES)
    assert pq.ParquetFile(file).metadata.num_row_groups == 6  # 12 pages in groups of 2
    read = rows_read_per_row_group_call(monkeypatch)
    found = lookups.latest_raw_pages(tmp_path, ["https://x.example/2-1", "https://x.example/none"])
    assert {url: p.content for url, p in found.items()} == {"https://x.example/2-1": b"2-1"}
    assert read == [2]  # one row group of one file, not the file's 12 rows


def test_a_raw_pages_compaction_is_not_read_by_the_catch_up_but_by_the_first_lookup_asking_where_pages_are(
    tmp_path, monkeypatch
):
    # A compaction moves stored fetches the index knows: the catch-up after it read the compacted file's keys again
    # for their places (0.6 s at 101,000 articles, more the larger the compaction's tier). Now it reads nothing, a
    # file compacted again before anyone asked is never read, and the first lookup asking where pages are reads the
    # files compactions left, once.
    monkeypatch.setitem(store.ROW_GROUP_ROWS, "raw_pages", 2)
    ensure_tables(tmp_path)
    urls: list[str] = []

    def nights(first: int, last: int) -> None:
        for n in range(first, last):
            pages = [page(f"https://x.example/{n}-{k}", f"{n}-{k}".encode(), n + 1) for k in range(3)]
            write_batch(tmp_path, f"b{n}", n + 1, raw_pages=pages)
            urls.extend(p.url for p in pages)
            assert committed_doc_ids(tmp_path, ["nope"]) == set()  # each night's catch-up

    nights(0, 4)
    read = files_the_index_reads(monkeypatch)
    compact_tables(tmp_path, 1, 0)
    [first] = store.table_files(tmp_path, RAW_PAGES)
    assert committed_doc_ids(tmp_path, ["nope"]) == set() and read == []  # the catch-up after the compaction
    nights(4, 8)
    compact_tables(tmp_path, 1, 0)  # the four nights' files into more
    assert committed_doc_ids(tmp_path, ["nope"]) == set()
    compacted = set(store.table_files(tmp_path, RAW_PAGES))
    compact_tables(tmp_path, 1, 0)  # those into one
    assert committed_doc_ids(tmp_path, ["nope"]) == set()
    [last] = store.table_files(tmp_path, RAW_PAGES)
    assert first in compacted and len(compacted) >= 2 and last not in compacted
    compacted = {str(Path(file).relative_to(tmp_path)) for file in {*compacted, last}}
    assert len(read) == 8 and not compacted & set(read)  # the nights' own files only (their pages and markers)
    live = [str(Path(last).relative_to(tmp_path))]
    read.clear()
    found = lookups.latest_raw_pages(tmp_path, [*urls, "https://x.example/none"])
    assert sorted(found) == sorted(urls) and all(p.content == p.url.rsplit("/", 1)[1].encode() for p in found.values())
    assert sorted(read) == live  # the compacted files, once
    read.clear()
    assert lookups.stored_pages(tmp_path, urls).pages == found and read == []
    with closing(sqlite3.connect(index.index_path(tmp_path))) as con:
        places = {file for (file,) in con.execute("SELECT DISTINCT file FROM page_files")}
        assert sorted(places) == live and con.execute("SELECT count(*) FROM moved_page_files").fetchone() == (0,)
    index.delete_index(tmp_path)  # a rebuild from the tables answers the same
    assert lookups.latest_raw_pages(tmp_path, urls) == found


PLACING_KILLED = """
import os, signal
from pathlib import Path
from warehouse import index, lookups
real = index._write_page_places
def killed(*args):
    real(*args)
    os.kill(os.getpid(), signal.SIGKILL)  # the places written, not committed
index._write_page_places = killed
lookups.latest_raw_pages(Path({warehouse!r}), [{url!r}])
"""


def test_a_lookup_killed_while_it_writes_the_places_a_compaction_moved_leaves_them_to_the_next(tmp_path):
    ensure_tables(tmp_path)
    pages = [page(f"https://x.example/{n}", str(n).encode(), n + 1) for n in range(4)]
    for n, fetch in enumerate(pages):
        write_batch(tmp_path, f"b{n}", n + 1, raw_pages=[fetch])
    assert lookups.latest_raw_pages(tmp_path, [pages[0].url])[pages[0].url].content == b"0"
    compact_tables(tmp_path, 1, 0)  # the four files replaced (and deleted: no retention)
    assert committed_doc_ids(tmp_path, ["nope"]) == set()  # caught up: the compacted file left to place
    script = PLACING_KILLED.format(warehouse=str(tmp_path), url=pages[1].url)
    root = Path(__file__).resolve().parent.parent
    killed = subprocess.run([sys.executable, "-c", script], cwd=root, env={"PYTHONPATH": str(root)}, check=False)
    assert killed.returncode == -signal.SIGKILL
    with closing(sqlite3.connect(index.index_path(tmp_path))) as con:
        assert con.execute("SELECT count(*) FROM moved_page_files").fetchone() == (1,)  # still to place
    found = lookups.latest_raw_pages(tmp_path, [fetch.url for fetch in pages])
    assert {url: fetch.content for url, fetch in found.items()} == {fetch.url: fetch.content for fetch in pages}
    with closing(sqlite3.connect(index.index_path(tmp_path))) as con:
        assert con.execute("SELECT count(*) FROM moved_page_files").fetchone() == (0,)
        assert [Path(tmp_path / file) for (file,) in con.execute("SELECT DISTINCT file FROM page_files")] == [
            Path(file) for file in store.table_files(tmp_path, RAW_PAGES)
        ]


def test_a_compaction_rewrites_where_rows_are_a_batch_at_a_time_and_nothing_else(tmp_path, monkeypatch):
    # A compaction moves every row of the files it packs: the index rewrites only where they are (page_files, a row
    # per fetch; batch_files, a row per batch and row group), keyed batch first, never the rows keyed by URL.
    monkeypatch.setitem(store.ROW_GROUP_ROWS, "raw_pages", 2)
    monkeypatch.setitem(store.ROW_GROUP_ROWS, "entity_mentions", 4)
    ensure_tables(tmp_path)
    for n in range(4):
        docs = [f"d{n}-{k}" for k in range(3)]
        arts = [dataclasses.replace(article(d), text_hash=f"h-{d}", ner_model="m") for d in docs]
        pages = [page(f"https://x.example/{d}", d.encode(), n + 1) for d in docs]
        write_batch(tmp_path, f"b{n}", n + 1, articles=arts, raw_pages=pages)
        mentions = [EntityMention(f"a-{d}", f"e{i}", "Name", "PERSON", i, i + 4) for d in docs for i in range(2)]
        store.append_rows(tmp_path, ENTITY_MENTIONS, mentions, {"run_id": "run", "batch_id": f"b{n}"})
    assert lookups.latest_raw_pages(tmp_path, ["https://x.example/d1-1"])["https://x.example/d1-1"].content == b"d1-1"
    with closing(sqlite3.connect(index.index_path(tmp_path))) as con:
        pages_before = con.execute("SELECT * FROM pages ORDER BY 1, 2, 3").fetchall()
        # One row per batch and row group, not one per article (six mentions a batch: two groups of four at most).
        assert con.execute("SELECT count(*) FROM batch_files").fetchone()[0] <= 8
    compact_tables(tmp_path, 1, 0)
    [mentions_file] = store.table_files(tmp_path, ENTITY_MENTIONS)
    [pages_file] = store.table_files(tmp_path, RAW_PAGES)
    copies = lookups.committed_copies(tmp_path, ["h-d2-1"], "m")
    assert [(m.entity_id, m.char_start) for m in copies["h-d2-1"][0]] == [("e0", 0), ("e1", 1)]
    assert lookups.latest_raw_pages(tmp_path, ["https://x.example/d1-1"])["https://x.example/d1-1"].content == b"d1-1"
    with closing(sqlite3.connect(index.index_path(tmp_path))) as con:
        assert con.execute("SELECT * FROM pages ORDER BY 1, 2, 3").fetchall() == pages_before
        files = {file for (file,) in con.execute("SELECT file FROM page_files UNION SELECT file FROM batch_files")}
        assert {tmp_path / file for file in files} == {Path(pages_file), Path(mentions_file)}
        groups = con.execute("SELECT batch_id, row_group FROM batch_files ORDER BY 1, 2").fetchall()
    # 24 mentions in groups of 4, a batch's six one after the other: each batch in the two groups that hold them.
    parquet = pq.ParquetFile(mentions_file)
    held = sorted(
        {(batch_id, group) for group in range(6) for batch_id in parquet.read_row_group(group)["batch_id"].to_pylist()}
    )
    assert groups == held and all(sum(b == f"b{n}" for b, _ in held) == 2 for n in range(4))
    live = (lookups.committed_copies(tmp_path, ["h-d2-1", "h-d0-0"], "m"), lookups.stored_pages(tmp_path, ["u"]))
    index.delete_index(tmp_path)
    assert (
        lookups.committed_copies(tmp_path, ["h-d2-1", "h-d0-0"], "m"),
        lookups.stored_pages(tmp_path, ["u"]),
    ) == live


def test_an_articles_signature_is_that_of_the_version_its_band_keys_found(tmp_path):
    # Signatures are keyed batch first and asked by the versions (batch, article) whose band rows matched.
    ensure_tables(tmp_path)
    for n, key in ((1, "old"), (2, "new")):
        write_batch(
            tmp_path,
            f"b{n}",
            n,
            articles=[article("d")],
            lsh_bands=[LshBand(key, "a-d")],
            minhash_signatures=[MinhashSignature("a-d", f"c{n}", "s", bytes([n]))],
        )
    assert committed_band_matches(tmp_path, ["new"], "s") == [("a-d", "c2", bytes([2]), ["new"])]
    assert committed_band_matches(tmp_path, ["old"], "s") == [("a-d", "c1", bytes([1]), ["old"])]
    assert committed_band_matches(tmp_path, ["old", "new"], "s") == [("a-d", "c1", bytes([1]), ["new", "old"])]


def test_timestamps_are_read_as_the_micros_of_their_datetimes():
    # The index reads a timestamp column as integers in NumPy: the same integers micros() makes of each datetime
    # (float steps included), or a fetch read from a compacted file would not be the one read before.
    rng = random.Random(7)
    values = [rng.randrange(0, 4 * 10**15) for _ in range(20_000)] + [1_764_000_000_123_457, None]
    column = pa.chunked_array([pa.array(values, pa.timestamp("us", tz="UTC"))])
    assert index._values(column) == [index.micros(value) for value in column.to_pylist()]


def test_an_index_ahead_of_its_tables_is_rebuilt_not_believed(tmp_path):
    # The index read batch 2, then batch 2's commits were lost (the tables restored from a copy) and batch
    # 3 took the same Delta version numbers: d2 must be unknown again (a rerun ingests it, once), d3 known.
    ensure_tables(tmp_path)
    night(tmp_path, 1)
    saved = tmp_path / "saved"
    shutil.copytree(tmp_path / "tables", saved)
    night(tmp_path, 2)
    assert committed_doc_ids(tmp_path, ["d1", "d2"]) == {"d1", "d2"}
    shutil.rmtree(tmp_path / "tables")
    shutil.copytree(saved, tmp_path / "tables")
    night(tmp_path, 3)
    live = answers(tmp_path)
    assert live[0] == {"d1", "d3"}
    assert [match[0] for match in committed_band_matches(tmp_path, ["k2", "k3"], "s")] == ["a-d3"]
    index.delete_index(tmp_path)
    assert answers(tmp_path) == live  # the same answers as an index built from the tables alone


def test_an_index_behind_its_tables_catches_up_and_counts_a_retried_batch_once(tmp_path):
    # Killed between the Delta commit and any lookup: the index is behind. Killed mid-commit (rows, no
    # marker) and retried under a new batch id: the rows of the attempt without a marker never count.
    ensure_tables(tmp_path)
    night(tmp_path, 1)
    assert committed_doc_ids(tmp_path, ["d1"]) == {"d1"}
    write_batch(tmp_path, "b2-killed", None, articles=[article("d2", "c2")], site_lines=lines("a-d2"))
    assert committed_doc_ids(tmp_path, ["d2"]) == set()  # read while behind the marker that never came
    write_batch(tmp_path, "b2", 2, articles=[article("d2", "c2")], site_lines=lines("a-d2"))
    night(tmp_path, 3)
    live = answers(tmp_path)
    assert live[0] == {"d1", "d2", "d3"}
    assert committed_site_chrome(tmp_path, 3) == frozenset({"home"})
    assert committed_site_chrome(tmp_path, 4) == frozenset()  # three stories: the killed attempt not counted
    index.delete_index(tmp_path)
    assert answers(tmp_path) == live


def test_an_exact_copy_reads_its_mentions_from_their_row_group_only(tmp_path, monkeypatch):
    monkeypatch.setitem(store.ROW_GROUP_ROWS, "entity_mentions", 4)
    ensure_tables(tmp_path)
    for n in range(4):
        docs = [f"d{n}-{k}" for k in range(3)]
        arts = [dataclasses.replace(article(d), text_hash=f"h-{d}", ner_model="m") for d in docs]
        write_batch(tmp_path, f"b{n}", n + 1, articles=arts)
        mentions = [EntityMention(f"a-{d}", f"e{i}", "Name", "PERSON", i, i + 4) for d in docs for i in range(2)]
        store.append_rows(tmp_path, ENTITY_MENTIONS, mentions, {"run_id": "run", "batch_id": f"b{n}"})
    compact_tables(tmp_path, 1, 0)
    [file] = store.table_files(tmp_path, ENTITY_MENTIONS)
    assert pq.ParquetFile(file).metadata.num_row_groups == 6  # 24 mentions in groups of 4
    read = rows_read_per_row_group_call(monkeypatch)
    copies = lookups.committed_copies(tmp_path, ["h-d2-1"], "m")
    assert [(m.entity_id, m.char_start) for m in copies["h-d2-1"][0]] == [("e0", 0), ("e1", 1)]
    assert sum(read) <= 8  # its batch's six mentions' row groups (two), not the file's 24 rows


def small_band_levels(monkeypatch) -> None:
    """bands_0 sealed past 2 rows, two runs to a tier: a few nights seal and merge runs through several tiers; the
    merger writes a merged run 2 pairs at a time (several ranges of keys each)."""
    monkeypatch.setattr(index, "BAND_RUN_ROWS", 2)
    monkeypatch.setattr(index, "RUNS_PER_TIER", 2)
    monkeypatch.setattr(index, "MERGE_CHUNK_ROWS", 2)


def grow_band_levels(warehouse, monkeypatch, nights: int = 14) -> Iterator[int]:
    """Small band levels filled night by night (2 keys a night), each night's number given once its
    lookup has made the index catch up and merge its levels."""
    small_band_levels(monkeypatch)
    ensure_tables(warehouse)
    for n in range(1, nights + 1):
        night(warehouse, n, bands_only=True)
        committed_doc_ids(warehouse, [f"d{n}"])  # a lookup per night: the index catches up, levels merge
        yield n


def level_rows(warehouse) -> list[tuple[int, int]]:
    """Per band table (bands_0, then the runs): (rows counted by the index, rows in it), once the merges under way
    are done."""
    index.wait_for_merges(warehouse)
    with closing(sqlite3.connect(index.index_path(warehouse))) as con:
        counted = [(index.NEWEST_BANDS, index._newest_rows(con)), *index.band_runs(con)]
        # A merged run holds a row per key: its (key, article, batch) pairs are what the tiers count.
        return [(rows, sum(1 for _ in index.band_run_pairs(con, table))) for table, rows in counted]


def band_tables(warehouse) -> list[str]:
    index.wait_for_merges(warehouse)
    with closing(sqlite3.connect(index.index_path(warehouse))) as con:
        return [index.NEWEST_BANDS, *(table for table, _ in index.band_runs(con))]


def band_answers(warehouse, nights: int) -> list:
    return committed_band_matches(warehouse, ["k1", f"k{nights}", "shared", "nope"], "s")


def test_band_keys_are_found_in_every_level_after_merges(tmp_path, monkeypatch):
    for _ in grow_band_levels(tmp_path, monkeypatch):
        pass
    write_batch(tmp_path, "ghost", None, articles=[article("d99")], lsh_bands=[LshBand("shared", "a-d99")])
    counted = level_rows(tmp_path)
    assert all(mine == real for mine, real in counted)
    # 2 keys a night, bands_0 sealed at 4 rows, two runs of a tier merged: 7 seals make runs of 16, 8 and 4 rows.
    assert sorted(real for _, real in counted) == [0, 4, 8, 16]
    expected = sorted(
        (f"a-d{n}", f"c{n}", bytes([n]), sorted({"shared", f"k{n}"} if n in (1, 14) else {"shared"}))
        for n in range(1, 15)
    )
    assert band_answers(tmp_path, 14) == expected  # the uncommitted a-d99 in none of them
    index.delete_index(tmp_path)
    assert band_answers(tmp_path, 14) == expected  # rebuilt from the tables in one catch-up


class Killed(Exception):
    """The process stopped mid-merge (an exception the index does not take for a damaged file)."""


def test_a_merge_cut_short_leaves_the_index_as_it_was(tmp_path, monkeypatch):
    small_band_levels(monkeypatch)
    ensure_tables(tmp_path)
    for n in range(1, 4):
        night(tmp_path, n, bands_only=True)
        committed_doc_ids(tmp_path, [f"d{n}"])
    before = level_rows(tmp_path)
    night(tmp_path, 4, bands_only=True)
    real_merge = index._merge_band_runs

    def killed(con, merging):
        real_merge(con, merging)  # the runs merged into a new one and dropped, then the process dies before the commit
        raise Killed

    monkeypatch.setattr(index, "_merge_band_runs", killed)
    with pytest.raises(Killed):
        committed_doc_ids(tmp_path, ["d4"])
    assert level_rows(tmp_path) == before
    monkeypatch.setattr(index, "_merge_band_runs", real_merge)
    read = files_the_index_reads(monkeypatch)
    answers_after = band_answers(tmp_path, 4)
    assert len(read) == 4  # caught up from where it was (batches, articles, signatures, bands), not rebuilt
    assert [match[0] for match in answers_after] == ["a-d1", "a-d2", "a-d3", "a-d4"]
    index.delete_index(tmp_path)
    assert band_answers(tmp_path, 4) == answers_after


def test_an_index_of_the_earlier_format_is_rebuilt_into_levels(tmp_path):
    ensure_tables(tmp_path)
    for n in range(1, 4):
        night(tmp_path, n, bands_only=True)
    expected = band_answers(tmp_path, 3)
    # The format before the levels: one `bands` table (here holding a row the tables do not have).
    with closing(sqlite3.connect(index.index_path(tmp_path))) as con, con:
        con.execute("UPDATE meta SET value = '5' WHERE key = 'format'")
        con.execute(f"DROP TABLE {index.NEWEST_BANDS}")
        con.execute("CREATE TABLE bands (band_key TEXT, article_id TEXT, batch_id TEXT)")
        con.execute("INSERT INTO bands VALUES ('k1', 'a-d9', 'b1')")
    assert band_answers(tmp_path, 3) == expected
    with closing(sqlite3.connect(index.index_path(tmp_path))) as con:
        tables = {name for (name,) in con.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")}
        assert con.execute("SELECT value FROM meta WHERE key = 'format'").fetchone() == (index.FORMAT,)
    assert "bands" not in tables and index.NEWEST_BANDS in tables
    assert sum(real for _, real in level_rows(tmp_path)) == 6


def levels_holding(warehouse, article_ids: list[str]) -> set[str]:
    index.wait_for_merges(warehouse)
    with closing(sqlite3.connect(index.index_path(warehouse))) as con:
        return {
            table
            for table in [index.NEWEST_BANDS, *(run for run, _ in index.band_runs(con))]
            for _, article_id, _ in index.band_run_pairs(con, table)
            if article_id in article_ids
        }


def test_a_key_gives_its_smallest_article_ids_over_all_levels(tmp_path, monkeypatch):
    """The per-key bound of the copy lookup (dedup's candidates_per_band) holds across the levels: the
    `per_key` smallest committed ids of the key, wherever each is, as one table would give them."""
    small_band_levels(monkeypatch)
    ensure_tables(tmp_path)
    docs = [f"d{(n * 5) % 17:02d}" for n in range(1, 15)]  # ids out of night order: d05, d10, d15, d03, ...
    for n, doc in enumerate(docs, start=1):
        write_batch(
            tmp_path,
            f"b{n}",
            n,
            articles=[article(doc, f"c{n}")],
            lsh_bands=[LshBand(f"k{n}", f"a-{doc}"), LshBand("shared", f"a-{doc}")],
            minhash_signatures=[MinhashSignature(f"a-{doc}", f"c{n}", "s", bytes([n]))],
        )
        committed_doc_ids(tmp_path, [doc])  # a lookup per night: the index catches up, levels merge
    # An uncommitted article with the smallest id counts for nothing; a second version of one (another batch,
    # written last, so in the newest level) is still one article.
    write_batch(tmp_path, "ghost", None, articles=[article("d00")], lsh_bands=[LshBand("shared", "a-d00")])
    write_batch(tmp_path, "again", 15, articles=[article("d03")], lsh_bands=[LshBand("shared", "a-d03")])
    committed = sorted(f"a-{doc}" for doc in docs)
    assert len(levels_holding(tmp_path, committed[:3])) >= 2  # the three smallest are in different levels
    for per_key in (1, 3, 5, 14, None):
        found = committed_band_matches(tmp_path, ["shared"], "s", per_key=per_key)
        assert [match[0] for match in found] == committed[:per_key], per_key
    index.delete_index(tmp_path)  # rebuilt in one catch-up: the levels fill in another order, the same answer
    assert [match[0] for match in committed_band_matches(tmp_path, ["shared"], "s", per_key=3)] == committed[:3]


def test_an_article_committed_twice_in_one_level_counts_once_toward_the_bound_with_both_versions(tmp_path):
    """The per-key bound counts articles, not band rows: an article whose two versions (two batches) are in the same
    level is one of the `per_key`, both its versions are returned (their signatures are looked up by version), and
    an uncommitted article with a smaller id takes no place. A bound taken as the key's first rows would give
    a-1 alone for per_key 2, or the ghost."""
    ensure_tables(tmp_path)
    for n, doc in enumerate(["d1", "d2", "d1", "d3"], start=1):  # d1 committed twice, all in the newest level
        band = LshBand("shared", f"a-{doc}")
        signature = MinhashSignature(f"a-{doc}", f"c-{doc}", "s", bytes([n]))
        write_batch(tmp_path, f"b{n}", n, articles=[article(doc)], lsh_bands=[band], minhash_signatures=[signature])
    write_batch(tmp_path, "ghost", None, articles=[article("d0")], lsh_bands=[LshBand("shared", "a-d0")])
    with index.current_index(tmp_path) as con:
        assert index.band_tables(con) == [index.NEWEST_BANDS]
        for per_key, articles in ((1, ["a-d1"]), (2, ["a-d1", "a-d2"]), (None, ["a-d1", "a-d2", "a-d3"])):
            hits = index.band_hits(con, ["shared", "nope"], per_key)
            assert sorted(hits.keys) == articles, per_key
            assert all(keys == {"shared"} for keys in hits.keys.values())
            versions = {("b1", "a-d1"), ("b2", "a-d2"), ("b3", "a-d1"), ("b4", "a-d3")}
            assert hits.versions == {version for version in versions if version[1] in articles}, per_key


def dedup_key(name: str) -> str:
    """A band key as dedup makes them (24 hex digits: the index stores its bytes and asks a merged run for a batch's
    keys in one blob), standing for `name`."""
    return hashlib.blake2b(name.encode(), digest_size=12).hexdigest()


def test_an_article_committed_twice_in_a_merged_run_counts_once_toward_the_bound_with_both_versions(
    tmp_path, monkeypatch
):
    """As in bands_0, in a merged run (one row per key, its pairs read and bounded in Python): the ghost's smaller
    id takes no place, a-d1's two versions count once and both come back."""
    monkeypatch.setattr(index, "BAND_RUN_ROWS", 1)
    monkeypatch.setattr(index, "RUNS_PER_TIER", 2)
    ensure_tables(tmp_path)
    nights = [("b1", 1, "d1"), ("ghost", None, "d0"), ("b2", 2, "d2"), ("b3", 3, "d1"), ("b4", 4, "d3")]
    for batch, marker, doc in nights:
        signature = MinhashSignature(f"a-{doc}", f"c-{doc}", "s", doc.encode())
        band = LshBand("shared", f"a-{doc}")
        write_batch(tmp_path, batch, marker, articles=[article(doc)], lsh_bands=[band], minhash_signatures=[signature])
        committed_doc_ids(tmp_path, [doc])  # caught up: bands_0 sealed past one row, two runs of a tier merged
    with index.current_index(tmp_path) as con:
        merged = [table for table in index.band_tables(con) if table.startswith(index.MERGED_RUN)]
        pairs = [pair for table in merged for pair in index.band_run_pairs(con, table)]
        assert len(pairs) >= 4  # most of the pairs in merged runs, several in one row
        for per_key, articles in ((1, ["a-d1"]), (2, ["a-d1", "a-d2"]), (None, ["a-d1", "a-d2", "a-d3"])):
            hits = index.band_hits(con, ["shared", "nope"], per_key)
            assert sorted(hits.keys) == articles, per_key
            versions = {("b1", "a-d1"), ("b2", "a-d2"), ("b3", "a-d1"), ("b4", "a-d3")}
            assert hits.versions == {version for version in versions if version[1] in articles}, per_key


@pytest.mark.parametrize("spell", [str, dedup_key], ids=["any keys", "dedup's keys"])
def test_band_lookups_answer_as_a_scan_of_the_committed_rows_would_through_every_merge(tmp_path, monkeypatch, spell):
    """Many nights of shared and new keys, some batches never committed: after each night's catch-up (and the
    merges it makes), every key gives the per-key smallest committed articles a scan of all rows would give."""
    small_band_levels(monkeypatch)
    ensure_tables(tmp_path)
    rng = random.Random(11)
    pool = [spell(f"p{n}") for n in range(6)]  # keys many articles share
    committed: dict[str, set[str]] = {}  # key -> committed article ids
    asked = [*pool, spell("nope")]
    for n in range(1, 31):
        docs = [f"d{n:02d}-{k}" for k in range(rng.randint(1, 3))]
        bands = [LshBand(key, f"a-{doc}") for doc in docs for key in {rng.choice(pool), spell(f"own-{doc}")}]
        marker = None if n % 7 == 0 else n  # every seventh batch crashed before its marker
        write_batch(
            tmp_path,
            f"b{n}",
            marker,
            articles=[article(doc, f"c-{doc}") for doc in docs],
            lsh_bands=bands,
            minhash_signatures=[MinhashSignature(f"a-{doc}", f"c-{doc}", "s", doc.encode()) for doc in docs],
        )
        if marker is not None:
            for band in bands:
                committed.setdefault(band.band_key, set()).add(band.article_id)
        asked.append(spell(f"own-{docs[0]}"))
        for per_key in (1, 3, None):
            expected: dict[str, list[str]] = {}
            for key in asked:
                for article_id in sorted(committed.get(key, set()))[:per_key]:
                    expected.setdefault(article_id, []).append(key)
            found = committed_band_matches(tmp_path, asked, "s", per_key=per_key)
            assert [(a, sorted(keys)) for a, _, _, keys in found] == sorted(
                (a, sorted(keys)) for a, keys in expected.items()
            ), (n, per_key)
    assert sum(real for _, real in level_rows(tmp_path)[1:]) > 0  # merged into the deeper levels


def test_chrome_answers_as_a_count_of_stories_and_keeps_only_lines_of_two_stories_or_more(tmp_path):
    """Every min_stories, 1 included, gives the lines a count of their distinct committed stories would give; the
    index the lookup reads holds only lines of two stories or more (most lines are in one), and the (line, story)
    pairs are kept story first (a batch's lines of one story on one page)."""
    ensure_tables(tmp_path)
    rng = random.Random(4)
    stories: dict[str, set[str]] = {}  # line -> committed clusters
    for n in range(1, 25):
        docs = [f"d{n:02d}-{k}" for k in range(rng.randint(1, 3))]
        clusters = {doc: f"c{rng.randint(1, 12)}" for doc in docs}  # copies of a story share its cluster
        site_lines = [
            SiteLine("site", line, f"a-{doc}", line)
            for doc in docs
            for line in {f"own-{doc}", f"nav{rng.randint(1, 4)}", f"foot{rng.randint(1, 8)}"}
        ]
        marker = None if n % 5 == 0 else n  # every fifth batch crashed before its marker
        write_batch(
            tmp_path,
            f"b{n}",
            marker,
            articles=[article(doc, clusters[doc]) for doc in docs],
            site_lines=site_lines,
        )
        if marker is not None:
            for line in site_lines:
                stories.setdefault(line.line_hash, set()).add(clusters[line.article_id.removeprefix("a-")])
        for min_stories in (1, 2, 3, 5):
            expected = {line for line, clusters_of in stories.items() if len(clusters_of) >= min_stories}
            assert committed_site_chrome(tmp_path, min_stories) == expected, (n, min_stories)
    with closing(sqlite3.connect(index.index_path(tmp_path))) as con:
        chrome = {line for (line,) in con.execute("SELECT line_hash FROM chrome")}
        once = {line for (line,) in con.execute("SELECT line_hash FROM one_story_lines")}
        pairs = [cluster for (cluster,) in con.execute("SELECT cluster_id FROM line_stories")]
    # The table the lookup reads holds only lines of two stories or more; the others are in one_story_lines.
    assert chrome == {line for line, c in stories.items() if len(c) >= 2} != set()
    assert once - chrome == {line for line, c in stories.items() if len(c) == 1} != set()
    assert pairs == sorted(pairs)  # in story order (one generation here)


def test_signatures_are_kept_in_the_order_they_arrive(tmp_path):
    # A batch's signatures (~600 bytes each) fill new pages at the end of the table; only their index entries land
    # at random places (in article id order, a page was split every few rows).
    ensure_tables(tmp_path)
    for n in (3, 1, 2):
        night(tmp_path, n, bands_only=True)
        committed_doc_ids(tmp_path, [f"d{n}"])  # each night's catch-up
    with closing(sqlite3.connect(index.index_path(tmp_path))) as con:
        arrived = [article_id for (article_id,) in con.execute("SELECT article_id FROM signatures ORDER BY rowid")]
    assert arrived == ["a-d3", "a-d1", "a-d2"]
    assert [match[0] for match in committed_band_matches(tmp_path, ["shared"], "s")] == ["a-d1", "a-d2", "a-d3"]


def test_a_merge_takes_runs_of_one_tier_and_writes_each_key_once_per_tier(tmp_path, monkeypatch):
    # The leveled layout before (index format 9) rewrote the whole next level each time the one above it filled: the
    # oldest keys were written again at every such merge, a few CPU seconds every 62 batches at 100,000 articles.
    # Tiered, bands_0 is sealed as it is and a tier's runs are merged once into one run of the next tier.
    monkeypatch.setattr(index, "BAND_RUN_ROWS", 8)
    monkeypatch.setattr(index, "RUNS_PER_TIER", 4)
    merges: list[list[int]] = []
    real_chunk = index._merge_chunk

    def counted(con, merged, merging, part, *bounds):  # a merge's first range, by the catch-up or the merger
        if part == 0:
            merges.append([rows for _, rows in merging])
        return real_chunk(con, merged, merging, part, *bounds)

    monkeypatch.setattr(index, "_merge_chunk", counted)
    ensure_tables(tmp_path)
    rng = random.Random(11)
    nights, per_night = 64, 3
    for n in range(1, nights + 1):
        bands = [LshBand(f"{rng.getrandbits(96):024x}", f"a-d{n}") for _ in range(per_night)]
        write_batch(tmp_path, f"b{n}", n % 28 + 1, articles=[article(f"d{n}")], lsh_bands=bands)
        committed_doc_ids(tmp_path, [f"d{n}"])
        index.wait_for_merges(tmp_path)  # its merge done before the next night's catch-up, as a batch's NLP leaves time
    keys = nights * per_night
    assert len(merges) >= 5
    for merging in merges:
        assert len(merging) == index.RUNS_PER_TIER and len({index.band_tier(rows) for rows in merging}) == 1, merging
    # Sealing writes nothing again; each key is rewritten at most once for each tier above the first it passes.
    assert sum(map(sum, merges)) <= keys * (index.band_tier(keys) - 1)
    assert all(counted == real for counted, real in level_rows(tmp_path))


@pytest.mark.parametrize("spell", [str, dedup_key], ids=["any keys", "dedup's keys"])
def test_band_matches_equal_a_scan_of_the_committed_rows_after_many_nights_and_merges(tmp_path, monkeypatch, spell):
    monkeypatch.setattr(index, "BAND_RUN_ROWS", 8)
    monkeypatch.setattr(index, "RUNS_PER_TIER", 3)
    monkeypatch.setattr(index, "MERGE_CHUNK_ROWS", 5)
    ensure_tables(tmp_path)
    rng = random.Random(7)
    pool = [spell(f"k{number}") for number in range(12)]
    holders: dict[str, set[str]] = {key: set() for key in pool}

    def expected(per_key: int | None) -> dict[str, list[str]]:
        articles: dict[str, set[str]] = {}
        for key, article_ids in holders.items():
            for article_id in sorted(article_ids)[:per_key]:
                articles.setdefault(article_id, set()).add(key)
        return {article_id: sorted(keys) for article_id, keys in articles.items()}

    for n in range(1, 61):
        doc = f"d{(n * 37) % 101:03d}"  # article ids out of night order
        keys = rng.sample(pool, 3)
        committed = n % 9 != 0  # every ninth batch fails before its marker: its keys count for nothing
        write_batch(
            tmp_path,
            f"b{n}",
            n % 28 + 1 if committed else None,
            articles=[article(doc)],
            lsh_bands=[LshBand(key, f"a-{doc}") for key in keys],
            minhash_signatures=[MinhashSignature(f"a-{doc}", "c", "s", bytes([n]))],
        )
        if committed:
            for key in keys:
                holders[key].add(f"a-{doc}")
        if n % 6 == 0:
            for per_key in (1, 3, None):
                found = committed_band_matches(tmp_path, [*pool, spell("nope")], "s", per_key=per_key)
                assert {match[0]: match[3] for match in found} == expected(per_key), (n, per_key)
    index.wait_for_merges(tmp_path)
    with closing(sqlite3.connect(index.index_path(tmp_path))) as con:
        assert len(index.band_runs(con)) >= 3  # the keys are spread over several runs of more than one tier
    index.delete_index(tmp_path)  # rebuilt in one catch-up: other runs, the same answer
    found = committed_band_matches(tmp_path, [*pool, spell("nope")], "s", per_key=3)
    assert {match[0]: match[3] for match in found} == expected(3)


def test_a_rebuild_from_a_compacted_table_writes_its_band_runs_a_row_per_key(tmp_path, monkeypatch):
    # The compacted file's band rows are read whole into bands_0 (28 rows, past a tier-1 run): sealed as it is, the
    # run would keep a row per pair, walked by every lookup, until enough runs came to merge it (at 101,000 articles:
    # never).
    for _ in grow_band_levels(tmp_path, monkeypatch):
        pass
    expected = band_answers(tmp_path, 14)
    compact_tables(tmp_path, 1, 0)
    index.delete_index(tmp_path)
    assert band_answers(tmp_path, 14) == expected
    runs = band_tables(tmp_path)[1:]
    assert runs and all(run.startswith(index.MERGED_RUN) for run in runs), runs
    counted = level_rows(tmp_path)
    assert all(mine == real for mine, real in counted) and sum(real for _, real in counted) == 28
