"""The band runs' merges done by the merger thread, not by the catch-up that filled a tier (warehouse/index.py,
merge_step): the lookups see the runs before a merge or the run after it, never a half-written one, and a merge
killed at any point leaves the index answering as a scan of the committed rows would, and is finished by the next
merger from where it stopped."""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from tests.test_index_generations import Expected, assert_answers, grow
from tests.test_lookup_index import article, dedup_key, files_the_index_reads
from tests.test_lookups import write_batch
from transforms.records import LshBand, MinhashSignature, SiteLine
from warehouse import generations, index
from warehouse.generations import LINE_STORIES, OUTCOMES
from warehouse.lookups import committed_band_matches, committed_doc_ids, committed_site_chrome
from warehouse.store import ensure_tables

ROOT = Path(__file__).resolve().parent.parent
# Small runs: bands_0 sealed past 8 rows (every 3 nights of 4 keys), four runs to a tier, a merged run written 5 pairs
# at a time (a tier-1 merge of 48 pairs in 10 ranges of keys).
SIZES = {"BAND_RUN_ROWS": 8, "RUNS_PER_TIER": 4, "MERGE_CHUNK_ROWS": 5}
REAL_START_MERGER = index._start_merger


def small_runs(monkeypatch) -> None:
    for name, value in SIZES.items():
        monkeypatch.setattr(index, name, value)
    # No merger thread: the test does the merges (index.run_merges), at the points it chooses.
    monkeypatch.setattr(index, "_start_merger", lambda warehouse: None)


def nights(warehouse: Path, first: int, last: int, holders: dict[str, set[str]], everyone: str | None = None) -> None:
    """Nights first..last, each an article with three keys of its own (dedup's hex keys) and a key every article
    shares (a text key: the index keeps it as text, a hex key as its bytes), and `everyone` too when given, then a
    lookup (the index catches up)."""
    rng = random.Random(first)
    for n in range(first, last + 1):
        keys = (
            [dedup_key(f"own-{n}-{k}-{rng.random()}") for k in range(3)] + ["shared"] + ([everyone] if everyone else [])
        )
        write_batch(
            warehouse,
            f"b{n}",
            n % 28 + 1,
            articles=[article(f"d{n:03d}")],
            lsh_bands=[LshBand(key, f"a-d{n:03d}") for key in keys],
            minhash_signatures=[MinhashSignature(f"a-d{n:03d}", "c", "s", bytes([n]))],
        )
        for key in keys:
            holders.setdefault(key, set()).add(f"a-d{n:03d}")
        committed_doc_ids(warehouse, [f"d{n:03d}"])


def answers(warehouse: Path, holders: dict[str, set[str]]) -> dict[str, list[str]]:
    found = committed_band_matches(warehouse, [*holders, dedup_key("nope")], "s", per_key=None)
    return {article_id: sorted(keys) for article_id, _, _, keys in found}


def scanned(holders: dict[str, set[str]]) -> dict[str, list[str]]:
    """What a scan of the committed rows gives (every article of each key)."""
    articles: dict[str, set[str]] = {}
    for key, article_ids in holders.items():
        for article_id in article_ids:
            articles.setdefault(article_id, set()).add(key)
    return {article_id: sorted(keys) for article_id, keys in articles.items()}


def state(warehouse: Path) -> tuple[list, dict | None, list, set[str]]:
    """The runs listed, the merge under way, the runs to drop, and every band table in the file."""
    with closing(sqlite3.connect(index.index_path(warehouse))) as con:
        job = index._meta(con, index.BAND_MERGE)
        dropping = json.loads(index._meta(con, index.BAND_DROPPING) or "[]")
        tables = {name for (name,) in con.execute("SELECT name FROM sqlite_schema WHERE name LIKE 'bands_%'")}
        return index.band_runs(con), json.loads(job) if job else None, dropping, tables


def pairs(warehouse: Path, table: str) -> list:
    """A band table's (key as asked, article id, batch number): a sealed run keeps a hex key as its bytes."""
    with closing(sqlite3.connect(index.index_path(warehouse))) as con:
        return sorted(
            (key.hex() if isinstance(key, bytes) else key, article_id, batch)
            for key, article_id, batch in index.band_run_pairs(con, table)
        )


def full_tier(warehouse: Path, monkeypatch) -> dict[str, set[str]]:
    """Twelve nights: four sealed runs, a full tier, whose merge the catch-up wrote down for the merger."""
    small_runs(monkeypatch)
    ensure_tables(warehouse)
    holders: dict[str, set[str]] = {}
    nights(warehouse, 1, 12, holders)
    return holders


def test_the_catch_up_that_fills_a_tier_leaves_its_merge_to_the_merger(tmp_path, monkeypatch):
    holders = full_tier(tmp_path, monkeypatch)
    runs, job, dropping, tables = state(tmp_path)
    assert len(runs) == 4 and all(run.startswith("bands_r") for run, _ in runs)  # not merged by the catch-up
    assert job is not None and [tuple(run) for run in job["runs"]] == runs and job["done"] == 0
    assert job["bounds"] is None and not dropping  # its ranges are chosen by the merger
    assert answers(tmp_path, holders) == scanned(holders)
    sources = sorted(pair for run, _ in runs for pair in pairs(tmp_path, run))
    ranges = 48 // 5 + 1  # bounds among the 48 pairs, every 5
    assert index.run_merges(tmp_path) == 1 + ranges + 1 + 4  # its bounds, the ranges, the listing, four runs dropped
    merged_runs, job_after, dropping, tables = state(tmp_path)
    assert merged_runs == [(job["merged"], 48)] and job_after is None and not dropping
    assert tables == {index.NEWEST_BANDS, job["merged"]}  # the runs it replaced are gone
    assert pairs(tmp_path, job["merged"]) == sources  # every pair once, a key in one row
    assert answers(tmp_path, holders) == scanned(holders)
    nights(tmp_path, 13, 24, holders)  # a second tier-1 merge, then the lookups read both merged runs
    index.run_merges(tmp_path)
    assert [run for run, _ in state(tmp_path)[0]][:1] == [job["merged"]]
    assert answers(tmp_path, holders) == scanned(holders)


# Killed: inside the transaction of the third range of keys (its rows inserted, not committed); inside the one that
# lists the merged run (its filter stored, not committed); inside the first drop of a run it replaced.
KILL_POINTS = {"a range of keys": ("_merge_chunk", 3), "the listing": ("_store_band_filter", 1)}
KILL_POINTS["the drops"] = ("_drop_band_table", 1)
KILLER = """
import os, signal, sys
from pathlib import Path
from warehouse import generations, index
from warehouse.generations import LINE_STORIES, OUTCOMES
for name, value in {sizes}.items():
    setattr(index, name, value)
real, calls = getattr(index, {target!r}), []
def killed(*args):
    real(*args)
    calls.append(1)
    if len(calls) == {after}:
        os.kill(os.getpid(), signal.SIGKILL)  # mid-transaction: nothing of this step committed
setattr(index, {target!r}, killed)
index.run_merges(Path({warehouse!r}))
"""


@pytest.mark.parametrize("point", KILL_POINTS)
def test_a_merge_killed_mid_way_leaves_the_index_right_and_the_next_merger_finishes_it(tmp_path, monkeypatch, point):
    holders = full_tier(tmp_path, monkeypatch)
    runs, job, _, _ = state(tmp_path)
    assert job is not None
    target, after = KILL_POINTS[point]
    script = KILLER.format(sizes=SIZES, target=target, after=after, warehouse=str(tmp_path))
    killed = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env={"PYTHONPATH": str(ROOT)}, check=False)
    assert killed.returncode == -signal.SIGKILL
    runs_then, job_then, dropping, tables = state(tmp_path)
    if point == "a range of keys":  # two ranges written and counted, the third rolled back; the old runs listed
        assert job_then is not None and job_then["bounds"]  # chosen by the first step
        assert runs_then == runs and job_then == {**job, "done": 2, "bounds": job_then["bounds"]}
        assert job["merged"] in tables
    elif point == "the listing":  # every range written, the merged run not listed
        assert job_then is not None and runs_then == runs and job_then["done"] == len(job_then["bounds"]) + 1
    else:  # listed in place of the old runs, which are still to drop
        assert runs_then == [(job["merged"], 48)] and job_then is None
        assert dropping == [run for run, _ in runs] and {run for run, _ in runs} <= tables
    read = files_the_index_reads(monkeypatch)
    assert answers(tmp_path, holders) == scanned(holders)
    assert read == []  # not rebuilt: nothing was committed since, and what the merge left is a valid index
    index.run_merges(tmp_path)  # the next merger goes on from where it was killed
    merged_runs, job_after, dropping, tables = state(tmp_path)
    assert merged_runs == [(job["merged"], 48)] and job_after is None and not dropping
    assert tables == {index.NEWEST_BANDS, job["merged"]}
    assert answers(tmp_path, holders) == scanned(holders)
    index.delete_index(tmp_path)  # a rebuild from the tables answers the same
    assert answers(tmp_path, holders) == scanned(holders)


def test_a_lookup_reads_the_runs_it_listed_while_the_merger_replaces_and_drops_them(tmp_path, monkeypatch):
    # The merger lists the merged run and drops the old ones between the lookup's reading of the list and its
    # queries: read in one transaction, the lookup still reads the runs it listed (a query per statement would
    # find them gone).
    holders = full_tier(tmp_path, monkeypatch)
    committed_doc_ids(tmp_path, ["d001"])  # caught up: the lookup below only reads
    real_probe = index.probe_band_levels
    merged: list[int] = []

    def probe_then_merge(con, keys):
        probe = real_probe(con, keys)
        if not merged:
            merged.append(index.run_merges(tmp_path))  # another connection, as the merger thread's
        return probe

    monkeypatch.setattr(index, "probe_band_levels", probe_then_merge)
    assert answers(tmp_path, holders) == scanned(holders)
    assert merged == [1 + 10 + 1 + 4] and state(tmp_path)[3] == {index.NEWEST_BANDS, state(tmp_path)[0][0][0]}


# The generations' merges (warehouse/generations.py, merge_step), done by the same merger: nights of the generational
# tables with generations sealed past 3 rows, three to a tier, and merged generations written 2 rows at a time.
GEN_SIZES = {"GENERATIONS_PER_TIER": 3, "MERGE_CHUNK_ROWS": 2}


def small_generations(monkeypatch) -> None:
    for spec in generations.GENERATIONAL:
        monkeypatch.setitem(generations.SEAL_ROWS, spec.table, 3)
    for name, value in GEN_SIZES.items():
        monkeypatch.setattr(generations, name, value)


def gen_state(warehouse: Path, spec: generations.Generational) -> tuple[list, dict | None, list, dict[int, int]]:
    """A table's generations listed, its merge under way, the generations to delete, and the rows of each generation
    in the file."""
    with closing(sqlite3.connect(index.index_path(warehouse))) as con:
        there = dict(con.execute(f"SELECT gen, count(*) FROM {spec.table} GROUP BY gen").fetchall())
        return generations.sealed(con, spec), generations._job(con, spec), generations._dropping(con, spec), there


def gen_filters(warehouse: Path, spec: generations.Generational) -> set[int]:
    with closing(sqlite3.connect(index.index_path(warehouse))) as con:
        return {gen for (gen,) in con.execute("SELECT gen FROM gen_filters WHERE tbl = ?", (spec.table,))}


def full_generations(warehouse: Path, monkeypatch) -> Expected:
    """Nights until `outcomes` has a full tier, whose merge the catch-up wrote down for the merger (no merger thread:
    the test runs the merges)."""
    small_runs(monkeypatch)
    small_generations(monkeypatch)
    ensure_tables(warehouse)
    expected, rng = Expected(), random.Random(4)
    for night in range(1, 100):
        grow(warehouse, 1, expected, rng, first=night)
        if gen_state(warehouse, OUTCOMES)[1] is not None:
            return expected
    raise AssertionError("no merge written down")


def assert_merged(warehouse: Path, spec: generations.Generational) -> None:
    """No merge under way or left to delete, and the rows in the file are those of the generations listed."""
    listed, job, dropping, there = gen_state(warehouse, spec)
    with closing(sqlite3.connect(index.index_path(warehouse))) as con:
        newest = generations.newest(con, spec)
    counted = dict(listed) | ({newest[0]: newest[1]} if newest[1] else {})
    assert job is None and not dropping and there == counted, (spec.table, there, counted)
    assert gen_filters(warehouse, spec) == set(counted)


def test_the_catch_up_that_fills_a_tier_of_generations_leaves_its_merge_to_the_merger(tmp_path, monkeypatch):
    expected = full_generations(tmp_path, monkeypatch)
    listed, job, dropping, there = gen_state(tmp_path, OUTCOMES)
    assert job is not None and [tuple(member) for member in job["gens"]] == listed and len(listed) == 3
    assert job["bounds"] is None and job["done"] == 0 and not dropping and job["into"] not in there
    assert_answers(tmp_path, expected)
    rows = sum(rows for _, rows in listed)
    assert index.run_merges(tmp_path) >= 1 + -(-rows // 2) + 1 + 3  # ranges chosen, written, listed, 3 deleted
    listed_after, _, _, there = gen_state(tmp_path, OUTCOMES)
    assert listed_after == [(job["into"], there[job["into"]])]  # one generation of every row, each once
    for spec in generations.GENERATIONAL:
        assert_merged(tmp_path, spec)
    assert_answers(tmp_path, expected)
    grow(tmp_path, 12, expected, random.Random(9), first=100)
    index.run_merges(tmp_path)
    assert_answers(tmp_path, expected)


# Killed: inside the transaction of the second range of keys (its rows inserted, not committed); inside the one that
# lists the merged generation (its filter stored, not committed); inside the first deletion of one it replaced.
GEN_KILL_POINTS = {"a range of keys": ("_merge_range", 2), "the listing": ("_store_filter", 1)}
GEN_KILL_POINTS["the deletions"] = ("_drop_generation", 1)
GEN_KILLER = """
import os, signal
from pathlib import Path
from warehouse import generations, index
for spec in generations.GENERATIONAL:
    generations.SEAL_ROWS[spec.table] = 3
for name, value in {sizes}.items():
    setattr(generations, name, value)
real, calls = getattr(generations, {target!r}), []
def killed(*args):
    result = real(*args)
    calls.append(1)
    if len(calls) == {after}:
        os.kill(os.getpid(), signal.SIGKILL)  # mid-transaction: nothing of this step committed
    return result
setattr(generations, {target!r}, killed)
index.run_merges(Path({warehouse!r}))
"""


@pytest.mark.parametrize("point", GEN_KILL_POINTS)
def test_a_generation_merge_killed_mid_way_leaves_the_index_right_and_the_next_merger_finishes_it(
    tmp_path, monkeypatch, point
):
    expected = full_generations(tmp_path, monkeypatch)
    listed, job, _, _ = gen_state(tmp_path, OUTCOMES)
    assert job is not None
    target, after = GEN_KILL_POINTS[point]
    script = GEN_KILLER.format(sizes=GEN_SIZES, target=target, after=after, warehouse=str(tmp_path))
    killed = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env={"PYTHONPATH": str(ROOT)}, check=False)
    assert killed.returncode == -signal.SIGKILL
    listed_then, job_then, dropping, there = gen_state(tmp_path, OUTCOMES)
    if point == "a range of keys":  # ranges chosen, the first written and counted, the second rolled back
        assert listed_then == listed and job_then is not None and job_then["done"] == 1
        assert 0 < there[job["into"]] == job_then["rows"]
    elif point == "the listing":  # every range written, the merged generation not listed, not filtered
        assert listed_then == listed and job_then is not None and job_then["done"] == len(job_then["bounds"]) + 1
        assert job["into"] not in gen_filters(tmp_path, OUTCOMES)
    else:  # listed in place of the old generations, whose rows are still to delete
        assert [gen for gen, _ in listed_then] == [job["into"]] and job_then is None
        assert dropping == [gen for gen, _ in listed] and all(gen in there for gen, _ in listed)
    read = files_the_index_reads(monkeypatch)
    assert_answers(tmp_path, expected)
    assert read == []  # not rebuilt: nothing was committed since, and what the merge left is a valid index
    index.run_merges(tmp_path)  # the next merger goes on from where it was killed
    for spec in generations.GENERATIONAL:
        assert_merged(tmp_path, spec)
    assert [gen for gen, _ in gen_state(tmp_path, OUTCOMES)[0]] == [job["into"]]
    assert_answers(tmp_path, expected)
    index.delete_index(tmp_path)  # a rebuild from the tables answers the same
    assert_answers(tmp_path, expected)


def test_a_lookup_probes_the_generations_it_read_while_the_merger_replaces_and_deletes_them(tmp_path, monkeypatch):
    # The merger lists the merged generation and deletes the old ones between the lookup's reading of the filters and
    # its query: read in one transaction, the lookup still finds the rows (a query per statement would not).
    expected = full_generations(tmp_path, monkeypatch)
    committed_doc_ids(tmp_path, ["nope"])  # caught up: the lookups below only read
    real_fill = generations.fill_probes
    merged: list[int] = []

    def fill_then_merge(con, spec, keys):
        real_fill(con, spec, keys)
        if spec == OUTCOMES and not merged:
            merged.append(index.run_merges(tmp_path))  # another connection, as the merger thread's
        return None

    monkeypatch.setattr(generations, "fill_probes", fill_then_merge)
    assert committed_doc_ids(tmp_path, [*expected.asked, "nope"]) == expected.done
    assert merged and merged[0] > 3
    assert_merged(tmp_path, OUTCOMES)


def test_a_kept_connection_goes_on_after_the_merger_s_commits_and_not_after_another_write(tmp_path, monkeypatch):
    expected = full_generations(tmp_path, monkeypatch)
    path = index.index_path(tmp_path)
    kept = index._kept_connections()[path].con
    REAL_START_MERGER(tmp_path)  # the merger thread, as a catch-up starts it
    index.wait_for_merges(tmp_path)
    assert_merged(tmp_path, OUTCOMES)
    read = files_the_index_reads(monkeypatch)
    assert_answers(tmp_path, expected)
    assert index._kept_connections()[path].con is kept and read == []  # no fresh connection, no catch-up
    with closing(sqlite3.connect(path)) as con:  # another connection's commit: a fresh connection
        con.execute("INSERT OR REPLACE INTO meta VALUES ('another', 'writer')")
        con.commit()
    assert_answers(tmp_path, expected)
    assert index._kept_connections()[path].con is not kept


def test_a_story_with_more_lines_than_a_range_is_merged_in_ranges_of_bounded_rows_each_line_once(tmp_path, monkeypatch):
    # `line_stories` is keyed by story, and a story's lines are many rows of one key: a merge cut by keys alone wrote
    # a story's rows in one range, however many (at 100,000 articles a range past MERGE_CHUNK_ROWS, in memory and in
    # the write lock's time). Cut by rows, every range writes at most MERGE_CHUNK_ROWS rows, and the merged
    # generation holds each (story, line) pair once.
    small_runs(monkeypatch)
    small_generations(monkeypatch)  # sealed past 3 rows, three to a tier, ranges of 2 rows
    monkeypatch.setitem(generations.SEAL_ROWS, LINE_STORIES.table, 6)
    monkeypatch.setattr(generations, "MERGE_CHUNK_ROWS", 4)
    ensure_tables(tmp_path)
    pairs: set[tuple[str, str]] = set()
    for n in range(1, 4):  # three nights, each a generation of 7 rows: 6 of the big story, 1 of a small one
        docs = {f"d{n}": "big", f"e{n}": f"small{n % 2}"}
        lines = {
            doc: [f"big-{n}-{k}" for k in range(6)] if story == "big" else [f"nav{n}"] for doc, story in docs.items()
        }
        write_batch(
            tmp_path,
            f"b{n}",
            n,
            articles=[article(doc, story) for doc, story in docs.items()],
            site_lines=[SiteLine("site", line, f"a-{doc}", line) for doc in docs for line in lines[doc]],
        )
        pairs |= {(story, line) for doc, story in docs.items() for line in lines[doc]}
        committed_doc_ids(tmp_path, list(docs))
    listed, job, _, _ = gen_state(tmp_path, LINE_STORIES)
    assert job is not None and len(listed) == 3 and max(rows for _, rows in listed) == 7
    written: list[int] = []
    real = generations._merge_range

    def counted(con, spec, job, part):
        rows = real(con, spec, job, part)
        if spec == LINE_STORIES:
            written.append(rows)
        return rows

    monkeypatch.setattr(generations, "_merge_range", counted)
    index.run_merges(tmp_path)
    assert_merged(tmp_path, LINE_STORIES)
    assert 0 < max(written) <= 4 and sum(written) == len(pairs) == 3 * 6 + 3
    with closing(sqlite3.connect(index.index_path(tmp_path))) as con:
        merged = con.execute("SELECT cluster_id, line_hash FROM line_stories WHERE gen = ?", (job["into"],)).fetchall()
    assert sorted(merged) == sorted(pairs)  # every pair, each once
    assert committed_site_chrome(tmp_path, 1) == {line for _, line in pairs}


def test_a_generation_merge_written_down_with_keys_alone_as_its_bounds_is_finished_as_it_is(tmp_path, monkeypatch):
    # A merge whose ranges an earlier merger chose (round 27 and before: keys of the first column alone, in `meta`)
    # is finished by these ranges: an index is read as it is, under way or not.
    expected = full_generations(tmp_path, monkeypatch)
    with closing(sqlite3.connect(index.index_path(tmp_path))) as con:
        job = generations._job(con, OUTCOMES)
        assert job is not None
        keys = sorted(key for (key,) in con.execute("SELECT doc_id FROM outcomes WHERE gen = ?", (job["gens"][0][0],)))
        generations.set_meta_value(con, generations._merge_key(OUTCOMES), json.dumps({**job, "bounds": keys[1::2]}))
        con.commit()
    index.run_merges(tmp_path)
    listed, _, _, there = gen_state(tmp_path, OUTCOMES)
    assert listed == [(job["into"], there[job["into"]])] and there[job["into"]] == sum(rows for _, rows in job["gens"])
    for spec in generations.GENERATIONAL:
        assert_merged(tmp_path, spec)
    assert_answers(tmp_path, expected)


def test_an_index_built_from_nothing_merges_its_tiers_in_ranges_of_bounded_rows(tmp_path, monkeypatch):
    # An index built from nothing (every file read in one catch-up) merges each full tier itself, in the catch-up's
    # transaction: one statement a tier read and sorted every row of it (a band key every article holds, a story's
    # lines), where the merger's ranges read at most MERGE_CHUNK_ROWS rows each. Now it writes the merger's ranges,
    # bounded by rows (a key many articles hold cut between ranges), and answers as a scan of the committed rows.
    small_runs(monkeypatch)
    small_generations(monkeypatch)  # sealed past 3 rows, three to a tier, ranges of 2 rows
    ensure_tables(tmp_path)
    holders: dict[str, set[str]] = {}
    nights(tmp_path, 1, 12, holders, everyone=dedup_key("everyone"))  # two keys every article holds, one hex
    expected = {**scanned(holders)}
    band_ranges: list[int] = []
    gen_ranges: list[int] = []
    real_chunk, real_range = index._merge_chunk, generations._merge_range

    def band_range(con, *args):  # the rows a range of a band merge writes (an insert or an upsert each)
        before = con.total_changes
        real_chunk(con, *args)
        band_ranges.append(con.total_changes - before)

    def gen_range(con, spec, job, part):
        rows = real_range(con, spec, job, part)
        gen_ranges.append(rows)
        return rows

    monkeypatch.setattr(index, "_merge_chunk", band_range)
    monkeypatch.setattr(generations, "_merge_range", gen_range)
    index.delete_index(tmp_path)
    assert answers(tmp_path, holders) == expected  # the rebuild: its catch-up merges its tiers itself
    assert sum(band_ranges) >= 4 * 10 and 0 < max(band_ranges) <= index.MERGE_CHUNK_ROWS, band_ranges
    assert sum(gen_ranges) > 0 and max(gen_ranges) <= generations.MERGE_CHUNK_ROWS, gen_ranges
    with closing(sqlite3.connect(index.index_path(tmp_path))) as con:
        assert not index.merges_pending(con)
        merged = [run for run, _ in index.band_runs(con) if run.startswith(index.MERGED_RUN)]
        assert merged
        found = [
            (key, pair)
            for run in merged
            for key, rows in con.execute(f"SELECT band_key, rows FROM {run}")
            for pair in rows.split(index.PAIRS)
        ]
    for key in ("shared", dedup_key("everyone")):  # cut between ranges, joined in one row: each pair once
        pairs = [pair for held, pair in found if held == key]
        assert len(pairs) == len(set(pairs)) == 8  # the four runs of two nights merged
    for spec in generations.GENERATIONAL:
        assert_merged(tmp_path, spec)
    assert committed_doc_ids(tmp_path, [f"d{n:03d}" for n in range(1, 14)]) == {f"d{n:03d}" for n in range(1, 13)}


def test_a_band_merge_written_down_with_ranges_of_two_bytes_is_finished_as_it_is(tmp_path, monkeypatch):
    # A merge an earlier merger began (round 28 and before: `chunks`, ranges of the keys' first two bytes, a sealed
    # run's text keys all in the first) is finished by those ranges: every pair once, the answers a scan's.
    holders = full_tier(tmp_path, monkeypatch)
    with closing(sqlite3.connect(index.index_path(tmp_path))) as con:
        job = index._job(con)
        assert job is not None
        legacy = {key: value for key, value in job.items() if key != "bounds"} | {"chunks": 10}
        index._set_meta(con, index.BAND_MERGE, json.dumps(legacy))
        con.commit()
    runs = state(tmp_path)[0]
    sources = sorted(pair for run, _ in runs for pair in pairs(tmp_path, run))
    assert index.run_merges(tmp_path) == 10 + 1 + 4  # the ten ranges, the listing, four runs dropped
    merged_runs, job_after, _, _ = state(tmp_path)
    assert merged_runs == [(job["merged"], 48)] and job_after is None
    assert pairs(tmp_path, job["merged"]) == sources
    assert answers(tmp_path, holders) == scanned(holders)


def test_each_range_of_a_band_merge_seeks_its_own_rows(tmp_path, monkeypatch):
    # A range of a sealed run's blob keys was bounded by `band_key >= x''` (its part of the run) beside its own lower
    # bound, and SQLite seeked by the first: each range stepped over the run from its first blob key, and a merge
    # cost the square of its ranges (an index built from nothing at 100,600 articles: 160 CPU s where one statement a
    # merge cost 33). Each range's reading of the runs (SQLite's instructions) is now about the same, first or last.
    monkeypatch.setattr(index, "MERGE_CHUNK_ROWS", 500)
    rng = random.Random(5)
    with closing(index._open(tmp_path)) as con:
        runs = []
        for run in ("bands_r1", "bands_r2"):
            index._create_band_level(con, run)
            rows = [(rng.randbytes(12), f"a-{rng.random()}", n % 7) for n in range(5_000)]
            con.executemany(f"INSERT INTO {run} VALUES (?, ?, ?)", rows)
            runs.append((run, len(rows)))
        steps: list[int] = []
        real_chunk = index._merge_chunk

        def counted(con, *args):
            count = [0]

            def step() -> int:
                count[0] += 1
                return 0

            con.set_progress_handler(step, 1)
            real_chunk(con, *args)
            con.set_progress_handler(None, 1)
            steps.append(count[0])

        monkeypatch.setattr(index, "_merge_chunk", counted)
        con.execute("BEGIN")
        merged, pairs = index._merge_band_runs(con, runs)
        con.execute("COMMIT")
        written = con.execute(f"SELECT sum(length(rows) - length(replace(rows, char(30), '')) + 1) FROM {merged}")
        assert pairs == written.fetchone()[0] == 10_000
    assert len(steps) >= 20 and max(steps) < 2 * min(steps[:-1]), steps
