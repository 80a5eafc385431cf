"""The band levels' Bloom filters (warehouse/band_filters.py): a level is probed only for the keys it may hold,
and its filter never rules out a key it holds, through merges and rebuilds."""

from __future__ import annotations

import random
import sqlite3
from contextlib import closing

import numpy as np

from tests.test_lookup_index import grow_band_levels
from tests.test_lookups import article, write_batch
from transforms.records import LshBand
from warehouse import band_filters, index
from warehouse.lookups import committed_band_matches, committed_doc_ids
from warehouse.store import ensure_tables


def test_a_filter_holds_every_key_added_and_rules_out_most_others():
    rng = random.Random(7)
    keys: list[str | bytes] = [*(rng.randbytes(12) for _ in range(2_000)), "k1", "shared", b"\x00", "é"]
    bits = np.zeros(band_filters.size_for(1_000), dtype=np.uint8)  # MIN_BITS a key for 2,000: the fullest kept
    assert band_filters.fits(bits.size, len(keys) - 4)
    band_filters.add(bits, band_filters.digests(keys))
    assert band_filters.may_hold(bits, band_filters.digests(keys)).all()
    others = [rng.randbytes(12) for _ in range(20_000)]
    assert band_filters.may_hold(bits, band_filters.digests(others)).mean() < 0.05


def test_a_batch_of_hex_keys_hashes_as_one_key_at_a_time_does():
    rng = random.Random(3)
    hex_keys = sorted(f"{rng.getrandbits(96):024x}" for _ in range(50))
    for keys in (hex_keys, ["k1", *hex_keys], [*hex_keys, "ABCDEF0123456789abcdef01"]):
        one_at_a_time = band_filters.digests([index.band_value(key) for key in keys])
        assert (index._band_digests(keys) == one_at_a_time).all()


def levels_and_filters(warehouse) -> dict[str, tuple[list, np.ndarray | None]]:
    index.wait_for_merges(warehouse)  # the runs as the merges left them
    with closing(sqlite3.connect(index.index_path(warehouse))) as con:
        filters = {
            level: np.frombuffer(bits, dtype=np.uint8)
            for level, bits in con.execute("SELECT level, bits FROM band_filters")
        }
        # Each level's keys as band_value stores them (a merged run keys its rows by the key as asked).
        return {
            table: (
                [
                    index.band_value(key) if table.startswith(index.MERGED_RUN) else key
                    for (key,) in con.execute(f"SELECT band_key FROM {table}")
                ],
                filters.get(table),
            )
            for table in [index.NEWEST_BANDS, *(run for run, _ in index.band_runs(con))]
        }


def test_each_level_s_filter_holds_its_keys_through_merges_and_a_rebuild(tmp_path, monkeypatch):
    for n in grow_band_levels(tmp_path, monkeypatch):
        for table, (keys, bits) in levels_and_filters(tmp_path).items():
            assert (bits is None) == (not keys), (n, table)  # a filter for each level that holds rows, only
            assert bits is None or band_filters.may_hold(bits, band_filters.digests(keys)).all(), (n, table)
    index.delete_index(tmp_path)
    committed_doc_ids(tmp_path, ["d1"])
    for table, (keys, bits) in levels_and_filters(tmp_path).items():
        assert bits is None or band_filters.may_hold(bits, band_filters.digests(keys)).all(), table


def test_a_level_is_probed_only_for_keys_its_filter_may_hold(tmp_path, monkeypatch):
    for _ in grow_band_levels(tmp_path, monkeypatch):
        pass
    absent = [f"{random.Random(n).getrandbits(96):024x}" for n in range(500)]
    found = committed_band_matches(tmp_path, ["k1", "k14", *absent], "s")
    assert [(article_id, keys) for article_id, _, _, keys in found] == [("a-d1", ["k1"]), ("a-d14", ["k14"])]
    with index.current_index(tmp_path) as con:
        # What each level is asked: the walked ones' keys in `probes`, the merged runs' in the probe itself.
        probe = index.probe_band_levels(con, ["k1", "k14", *absent])
        probes = con.execute("SELECT level, asked FROM probes").fetchall()
        probes += [(run, key) for run, keys in probe.merged.items() for key in keys]
        tables = index.band_tables(con)
    assert probe.merged  # merged runs among them
    levels_probed = [table for table, key in probes if key in ("k1", "k14")]
    assert len(levels_probed) <= 2 + 2  # each found key in its own run, and a false positive at most
    assert len(tables) == 3  # runs of 16, 8 and 4 keys
    # Not every key in every run: a false positive now and then.
    assert len([key for _, key in probes if key in absent]) < 0.05 * len(tables) * len(absent)


def test_bands_0_gets_its_filter_once_at_its_capacity_and_a_sealed_run_keeps_it(tmp_path, monkeypatch):
    # bands_0's filter is never rebuilt from its rows as it fills; sealed, it goes with its rows unchanged; a merged
    # run's is built once, at the size for its rows.
    monkeypatch.setattr(index, "BAND_RUN_ROWS", 64)
    monkeypatch.setattr(index, "RUNS_PER_TIER", 3)
    ensure_tables(tmp_path)
    rng = random.Random(5)
    newest_sizes, runs_seen = set(), set()
    for n in range(1, 41):
        bands = [LshBand(f"{rng.getrandbits(96):024x}", f"a-d{n}") for _ in range(20)]
        write_batch(tmp_path, f"b{n}", n % 28 + 1, articles=[article(f"d{n}")], lsh_bands=bands)
        committed_doc_ids(tmp_path, [f"d{n}"])  # the index catches up, runs are sealed and merged
        index.wait_for_merges(tmp_path)
        with closing(sqlite3.connect(index.index_path(tmp_path))) as con:
            runs = dict(index.band_runs(con))
        for table, (keys, bits) in levels_and_filters(tmp_path).items():
            assert bits is None or band_filters.may_hold(bits, band_filters.digests(keys)).all(), (n, table)
            if table == index.NEWEST_BANDS and bits is not None:
                newest_sizes.add(bits.size)
            elif table in runs:
                assert bits is not None and bits.size >= band_filters.size_for(min(runs[table], 64)), (n, table)
                assert band_filters.fits(bits.size, runs[table])
                runs_seen.add(table)
    assert newest_sizes == {band_filters.size_for(64)}
    assert len(runs_seen) >= 4  # 800 keys: sealed runs, and merged ones
