"""Runs compact as they go (warehouse/store.py `compact_tables`): only small files are merged, files past the
target size stay as they are, so a long run keeps each table's file count bounded without rewriting the table."""

from __future__ import annotations

import dataclasses
import random
from datetime import UTC, date, datetime

from deltalake import DeltaTable, write_deltalake

from tests.test_lookups import article
from transforms.records import BatchCommit
from warehouse.schemas import ARTICLES, BATCHES
from warehouse.store import (
    COMPACT_TARGET_BYTES,
    append_rows,
    compact_tables,
    ensure_tables,
    mergeable_files,
    open_table,
    table_path,
    to_arrow,
)


def markers(batch: int, count: int) -> list[BatchCommit]:
    """Markers whose ids do not compress (random hex), so a file's size is its rows', not its footer's."""
    at = datetime(2024, 1, 1, tzinfo=UTC)
    rng = random.Random(batch)
    return [BatchCommit(f"b{batch:03d}-{rng.getrandbits(256):064x}", n, n, 0, at, "ingest") for n in range(count)]


def file_sizes(table: DeltaTable) -> dict[str, int]:
    actions = table.get_add_actions(flatten=True)
    return dict(zip(actions.column("path").to_pylist(), actions.column("size_bytes").to_pylist(), strict=True))


def test_a_long_run_keeps_few_small_files_and_rewrites_each_row_a_few_times(tmp_path):
    """After every batch of a long run a table holds at most `min_files` (+1) files under half the target (the
    rest are done), and compactions write each row a few times over the run, not the whole table each time."""
    ensure_tables(tmp_path)
    path = table_path(tmp_path, BATCHES)
    append_rows(tmp_path, BATCHES, markers(0, 2_000), {"run_id": "r"})
    table = open_table(path)
    assert table is not None
    sizes = file_sizes(table)
    appended = sum(sizes.values())
    target = appended * 5 // 2  # two batches' files make a done file; five never fit in one
    written_by_compactions = 0
    for batch in range(1, 41):
        before = set(sizes)
        append_rows(tmp_path, BATCHES, markers(batch, 2_000), {"run_id": "r"})
        table = open_table(path)
        assert table is not None
        appended += sum(size for name, size in file_sizes(table).items() if name not in before)
        before = set(file_sizes(table))
        compacted = compact_tables(tmp_path, min_files=4, retention_hours=0, target_bytes=target)
        table = open_table(path)
        assert table is not None
        sizes = file_sizes(table)
        if compacted:
            written_by_compactions += sum(size for name, size in sizes.items() if name not in before)
        assert len([size for size in sizes.values() if size < target // 2]) <= 4 + 1
    assert written_by_compactions <= 2 * appended  # each row written by a compaction twice at most
    assert len(sizes) <= 5 + 2 * appended // target  # the small ones and the done ones, over half the target
    assert table.to_pyarrow_table(columns=["batch_id"]).num_rows == 41 * 2_000


def test_only_small_files_a_compaction_can_merge_count(tmp_path):
    """A partitioned table's one small file per month is left alone (delta-rs merges within a partition), so it
    does not call for a compaction: only months with two small files or more do."""
    ensure_tables(tmp_path)
    months = [date(2020 + n // 12, n % 12 + 1, 3) for n in range(24)]
    first = [dataclasses.replace(article(f"d{n}"), published_date=day) for n, day in enumerate(months)]
    append_rows(tmp_path, ARTICLES, first, {"run_id": "r", "batch_id": "b1"})
    table = open_table(table_path(tmp_path, ARTICLES))
    assert table is not None
    assert (len(table.file_uris()), mergeable_files(table)) == (24, 0)
    assert compact_tables(tmp_path, min_files=4, retention_hours=0) == {}

    again = [dataclasses.replace(article(f"e{n}"), published_date=day) for n, day in enumerate(months[:3])]
    append_rows(tmp_path, ARTICLES, again, {"run_id": "r", "batch_id": "b2"})
    table = open_table(table_path(tmp_path, ARTICLES))
    assert table is not None
    assert mergeable_files(table) == 6
    assert compact_tables(tmp_path, min_files=4, retention_hours=0) == {ARTICLES.name: (27, 24)}


def test_a_table_under_half_the_target_is_not_rewritten_whole_at_each_compaction(tmp_path):
    """Compactions merge in tiers: the files of the batches since into one file, and only once enough of those are
    small, every small file into bins of the target. A table smaller than half the target (most tables of a
    100,000-article archive under 16 MB bins) was rewritten whole at every compaction, its cost growing with it."""
    ensure_tables(tmp_path)
    path = table_path(tmp_path, ARTICLES)
    appended = written_by_compactions = 0
    for batch in range(60):
        sizes = file_sizes(open_table(path))  # type: ignore[arg-type]
        rng = random.Random(batch)  # texts that do not compress: a file's size is its rows', not its footer's
        day = date(2024, 1, 3)
        rows = [
            dataclasses.replace(article(f"d{batch}-{n}"), published_date=day, text=f"{rng.getrandbits(2048):0512x}")
            for n in range(50)
        ]
        append_rows(tmp_path, ARTICLES, rows, {"run_id": "r", "batch_id": f"b{batch:03d}"})
        table = open_table(path)
        assert table is not None
        appended += sum(size for name, size in file_sizes(table).items() if name not in sizes)
        before = set(file_sizes(table))
        if compact_tables(tmp_path, min_files=4, retention_hours=0):
            table = open_table(path)
            assert table is not None
            written_by_compactions += sum(size for name, size in file_sizes(table).items() if name not in before)
        assert mergeable_files(table) <= 2 * (4 + 1)  # the batches' files and those merged from them
    assert appended < COMPACT_TARGET_BYTES // 2
    # Each batch's rows are merged once with the batches beside them, and the merged files again every 25 batches:
    # about 2.3 times what the batches wrote (a single tier: 6.5 times, the whole table every 5 batches).
    assert written_by_compactions <= 3 * appended, (written_by_compactions, appended)
    assert open_table(path).to_pyarrow_table(columns=["doc_id"]).num_rows == 60 * 50  # type: ignore[union-attr]


def test_a_kept_table_takes_up_each_commit_another_writer_makes(tmp_path):
    """open_table brings a kept table object up to date only when the log holds a file for its next version (a stat,
    not a listing of the log): every commit another writer makes, an append or a compaction, is still taken up."""
    ensure_tables(tmp_path)
    path = table_path(tmp_path, BATCHES)
    append_rows(tmp_path, BATCHES, markers(0, 3), {"run_id": "r"})
    kept = open_table(path)
    assert kept is not None and open_table(path) is kept and kept.version() == 1  # nothing new: the same version
    other = DeltaTable(str(path))  # another writer's object, not the one this process keeps
    write_deltalake(other, to_arrow(BATCHES, markers(1, 2), {"run_id": "r"}), mode="append")
    assert open_table(path) is kept and kept.version() == 2 and kept.to_pyarrow_table().num_rows == 5
    write_deltalake(other, to_arrow(BATCHES, markers(2, 2), {"run_id": "r"}), mode="append")
    other.optimize.compact()
    table = open_table(path)
    assert table is kept and kept.version() == 4 and len(kept.file_uris()) == 1
    assert kept.to_pyarrow_table().num_rows == 7


def test_what_a_compaction_rewrites_does_not_grow_with_its_month(tmp_path):
    """A month partition that already holds a large file (an earlier run's batch of 5,000 articles, compactions
    since) takes batches of 50 articles: their compactions rewrite those batches' rows, a bounded number of bytes,
    and never the month's large file. A batch tier whose bin was the bytes of every file of one batch merged that
    file with the batches since at each compaction, whatever its size: a month's 2,000-article file in
    bench.scale's 101,000-article archive."""
    ensure_tables(tmp_path)
    path = table_path(tmp_path, ARTICLES)

    def rows(batch: int, count: int, day: date) -> list:
        rng = random.Random(batch)  # texts that do not compress: a file's size is its rows', not its footer's
        return [
            dataclasses.replace(article(f"d{batch}-{n}"), published_date=day, text=f"{rng.getrandbits(1024):0256x}")
            for n in range(count)
        ]

    append_rows(tmp_path, ARTICLES, rows(0, 5_000, date(2024, 1, 3)), {"run_id": "r", "batch_id": "b000"})
    ((large_file, large_size),) = file_sizes(open_table(path)).items()  # type: ignore[arg-type]
    assert large_size < COMPACT_TARGET_BYTES // 2  # small: a compaction could merge it
    for batch in (1, 2):  # another month's compaction, after the large file
        append_rows(tmp_path, ARTICLES, rows(batch, 50, date(2024, 2, 3)), {"run_id": "r", "batch_id": f"b{batch}"})
    assert compact_tables(tmp_path, min_files=1, retention_hours=0) == {ARTICLES.name: (3, 2)}
    appended = removed = 0
    for batch in range(3, 63):
        sizes = file_sizes(open_table(path))  # type: ignore[arg-type]
        append_rows(tmp_path, ARTICLES, rows(batch, 50, date(2024, 1, 3)), {"run_id": "r", "batch_id": f"b{batch:03d}"})
        after_append = file_sizes(open_table(path))  # type: ignore[arg-type]
        appended += sum(size for name, size in after_append.items() if name not in sizes)
        compact_tables(tmp_path, min_files=16, retention_hours=0)
        table = open_table(path)
        assert table is not None
        removed += sum(size for name, size in after_append.items() if name not in file_sizes(table))
        assert mergeable_files(table) <= 2 * (16 + 1)
    table = open_table(path)
    assert table is not None
    assert large_file in file_sizes(table)  # never rewritten
    assert 0 < removed <= 1.5 * appended, (removed, appended, large_size)
    assert table.to_pyarrow_table(columns=["doc_id"]).num_rows == 5_000 + 62 * 50
