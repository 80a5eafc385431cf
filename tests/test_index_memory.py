"""The lookup index's memory (warehouse/index.py): a catch-up holds no more of SQLite's memory than its page
cache bound, however large the band level it merges and drops, and no page of the index file stays mapped into
the process, so the flow process does not grow with the archive (issue 13; docs/benchmarks.md, "Which process
grows, and by what")."""

from __future__ import annotations

import ctypes
import ctypes.util
import random
import sqlite3
from pathlib import Path

from tests.test_lookups import write_batch
from transforms.records import LshBand
from warehouse import index
from warehouse.lookups import committed_band_matches, committed_doc_ids
from warehouse.store import ensure_tables

MiB = 2**20


def sqlite_library() -> ctypes.CDLL:
    """The SQLite library Python's sqlite3 module runs on (its heap counters are the process's)."""
    library = ctypes.CDLL(ctypes.util.find_library("sqlite3") or "libsqlite3.so.0")
    library.sqlite3_libversion.restype = ctypes.c_char_p
    library.sqlite3_memory_used.restype = ctypes.c_int64
    library.sqlite3_memory_highwater.restype = ctypes.c_int64
    library.sqlite3_memory_highwater.argtypes = [ctypes.c_int]
    # The same library, else this measures nothing.
    assert library.sqlite3_libversion().decode() == sqlite3.sqlite_version
    return library


def night_of_band_keys(warehouse, n: int, keys: int) -> None:
    rng = random.Random(n)
    bands = [LshBand(f"{rng.getrandbits(96):024x}", f"a-{n}-{key // 42:06d}") for key in range(keys)]
    write_batch(warehouse, f"b{n}", n, lsh_bands=bands)


def test_merging_a_large_band_level_holds_no_more_than_the_page_cache(tmp_path, monkeypatch):
    # Small runs and a small cache, so that two runs many times the cache are merged into one and dropped in a
    # second; the same holds of the real ones at 10,000 articles (bench/flow_memory.py).
    monkeypatch.setattr(index, "BAND_RUN_ROWS", 4_096)
    monkeypatch.setattr(index, "RUNS_PER_TIER", 2)
    monkeypatch.setattr(index, "CACHE_KIB", 1024)
    sqlite = sqlite_library()
    ensure_tables(tmp_path)
    night_of_band_keys(tmp_path, 1, 80_000)
    committed_doc_ids(tmp_path, ["d"])  # the 80,000 keys sealed as a run
    night_of_band_keys(tmp_path, 2, 70_000)
    used = sqlite.sqlite3_memory_used()
    sqlite.sqlite3_memory_highwater(1)
    committed_doc_ids(tmp_path, ["d"])  # sealed, a run of the same tier: both merged into one of 150,000, dropped
    index.wait_for_merges(tmp_path)  # by the merger thread, whose connection has the same bound
    held = (sqlite.sqlite3_memory_highwater(0) - used) / MiB
    with index.current_index(tmp_path) as con:
        ((run, counted),) = index.band_runs(con)
        rows = sum(1 for _ in index.band_run_pairs(con, run))  # a merged run holds a row per key
        (pages,) = con.execute("SELECT count(*) FROM dbstat WHERE name = ?", (run,)).fetchone()
    assert rows == counted == 150_000
    level = pages * 4096 / MiB
    print(f"merged run: {level:.1f} MiB of pages; SQLite's peak memory above its start in the catch-up: {held:.1f} MiB")
    assert level > 3  # the level is several times the cache
    # The cache (1 MiB), the batch's statements and a few buffers; the level's pages (a cache that keeps them all, or
    # a statement journal in memory) would be more than twice this.
    assert held < 2.5


def test_the_index_file_is_read_into_the_bounded_cache_not_mapped_into_the_process(tmp_path):
    # A memory map keeps every page a lookup or a merge touched in the process's memory, up to the whole file.
    ensure_tables(tmp_path)
    night_of_band_keys(tmp_path, 1, 5_000)
    committed_doc_ids(tmp_path, ["d"])
    committed_band_matches(tmp_path, [f"{n:024x}" for n in range(500)], "s")
    mapped = [line for line in Path("/proc/self/maps").read_text().splitlines() if line.endswith(index.INDEX_FILE)]
    assert index.index_path(tmp_path).stat().st_size > 0
    assert mapped == []


def test_lookups_between_catch_ups_hold_no_more_than_the_lookup_cache(tmp_path, monkeypatch):
    # A merged run several times the lookups' cache, and lookups of keys found all over it: the pages they read are
    # kept up to LOOKUP_CACHE_KIB until the next catch-up, not up to the catch-up's CACHE_KIB (at 101,000 articles a
    # batch's lookups read ~25 MB of pages, each once: docs/benchmarks.md, round 15, lookup10).
    monkeypatch.setattr(index, "BAND_RUN_ROWS", 4_096)
    monkeypatch.setattr(index, "RUNS_PER_TIER", 2)
    monkeypatch.setattr(index, "CACHE_KIB", 16 * 1024)
    monkeypatch.setattr(index, "LOOKUP_CACHE_KIB", 512)
    sqlite = sqlite_library()
    ensure_tables(tmp_path)
    night_of_band_keys(tmp_path, 1, 80_000)
    committed_doc_ids(tmp_path, ["d"])
    night_of_band_keys(tmp_path, 2, 70_000)
    committed_doc_ids(tmp_path, ["d"])  # both sealed and merged into one run of 150,000 keys
    index.wait_for_merges(tmp_path)
    rng = random.Random(1)
    written = [f"{rng.getrandbits(96):024x}" for _ in range(80_000)]
    before = sqlite.sqlite3_memory_used()
    for start in range(0, 8_000, 2_000):  # a key of every tenth article of night 1, in four batches
        found = committed_band_matches(tmp_path, written[start * 10 : (start + 2_000) * 10 : 10], "s")
        assert len(found) == 0  # no signatures written: the band keys are found, their articles have none
    held = (sqlite.sqlite3_memory_used() - before) / MiB
    with index.current_index(tmp_path) as con:
        ((run, _),) = index.band_runs(con)
        assert len(index.band_rows(con, written[:8_000:10])) == 800  # the keys asked are there
        (pages,) = con.execute("SELECT count(*) FROM dbstat WHERE name = ?", (run,)).fetchone()
    level = pages * 4096 / MiB
    print(f"merged run: {level:.1f} MiB of pages; SQLite's heap after the lookups, above before them: {held:.2f} MiB")
    assert level > 3
    # The lookups' cache (0.5 MiB) and a statement or two; a cache kept at CACHE_KIB would hold the run's leaves read.
    assert held < 1.5
