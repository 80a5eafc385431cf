"""Appends checkpoint their table every few commits; a table kept open by this process stays the same object
through its own appends, checkpoints and compactions, is loaded afresh from another writer's newer checkpoint,
and still sees every commit another process made."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from datetime import UTC, datetime

import deltalake.table
import pyarrow.compute as pc
import pytest
from deltalake import DeltaTable, write_deltalake

from tests.test_lookups import article
from transforms.records import BatchCommit, EntityMention
from warehouse import store
from warehouse.schemas import ARTICLES, BATCHES, ENTITY_MENTIONS
from warehouse.store import (
    CHECKPOINT_EVERY,
    append_rows,
    compact_tables,
    ensure_tables,
    open_table,
    settle_table_properties,
    small_files,
    table_path,
    to_arrow,
)


def marker(batch_id: str) -> BatchCommit:
    return BatchCommit(batch_id, 1, 1, 0, datetime(2024, 1, 1, tzinfo=UTC), "ingest")


def committed_batches(warehouse) -> set[str]:
    table = open_table(table_path(warehouse, BATCHES))
    assert table is not None
    return set(pc.unique(table.to_pyarrow_table(columns=["batch_id"])["batch_id"]).to_pylist())


def test_appends_write_a_checkpoint_every_few_commits(tmp_path):
    ensure_tables(tmp_path)  # version 0
    log = table_path(tmp_path, BATCHES) / "_delta_log"
    for n in range(2 * CHECKPOINT_EVERY):  # versions 1 .. 2 * CHECKPOINT_EVERY
        append_rows(tmp_path, BATCHES, [marker(f"b{n}")], {"run_id": "r1"})
    # Each checkpoint once CHECKPOINT_EVERY commits are past the last one (none: every commit from 0).
    checkpoints = sorted(path.name for path in log.glob("*.checkpoint.parquet"))
    assert checkpoints == [f"{v:020d}.checkpoint.parquet" for v in (CHECKPOINT_EVERY - 1, 2 * CHECKPOINT_EVERY - 1)]
    assert len(committed_batches(tmp_path)) == 2 * CHECKPOINT_EVERY


def test_a_kept_table_takes_up_another_processes_commits_and_checkpoint(tmp_path):
    ensure_tables(tmp_path)
    append_rows(tmp_path, BATCHES, [marker("ours-1")], {"run_id": "r1"})
    kept = open_table(table_path(tmp_path, BATCHES))
    assert kept is not None and kept.version() == 1
    # Another run (after this one released the warehouse) commits batches, its appends writing a checkpoint.
    other = textwrap.dedent(f"""
        from pathlib import Path
        from tests.test_store import marker
        from warehouse.schemas import BATCHES
        from warehouse.store import CHECKPOINT_EVERY, append_rows
        for n in range(CHECKPOINT_EVERY + 2):
            append_rows(Path({str(tmp_path)!r}), BATCHES, [marker(f"theirs-{{n}}")], {{"run_id": "r2"}})
    """)
    subprocess.run([sys.executable, "-c", other], check=True)
    reopened = open_table(table_path(tmp_path, BATCHES))
    assert reopened is not None and reopened is not kept  # loaded from the other run's checkpoint
    assert reopened.version() == CHECKPOINT_EVERY + 3
    append_rows(tmp_path, BATCHES, [marker("ours-2")], {"run_id": "r1"})
    theirs = {f"theirs-{n}" for n in range(CHECKPOINT_EVERY + 2)}
    assert committed_batches(tmp_path) == {"ours-1", "ours-2"} | theirs
    assert open_table(table_path(tmp_path, BATCHES)).version() == CHECKPOINT_EVERY + 4  # type: ignore[union-attr]  # opened above


def test_a_kept_table_whose_newest_commits_were_taken_back_is_opened_afresh(tmp_path):
    # A table restored from an older copy: the first commit file is the one the kept object saw (here it is
    # the very same file; a copy made with its times can even get the same inode number back), but the
    # versions the object holds are gone. Kept, it would append as a version that is not the next one.
    ensure_tables(tmp_path)  # version 0
    append_rows(tmp_path, BATCHES, [marker("b1")], {"run_id": "r1"})
    append_rows(tmp_path, BATCHES, [marker("b2")], {"run_id": "r1"})
    path = table_path(tmp_path, BATCHES)
    assert open_table(path).version() == 2  # type: ignore[union-attr]  # created above
    (path / "_delta_log" / f"{2:020d}.json").unlink()
    assert open_table(path).version() == 1  # type: ignore[union-attr]
    append_rows(tmp_path, BATCHES, [marker("b3")], {"run_id": "r1"})
    assert committed_batches(tmp_path) == {"b1", "b3"}


def test_an_append_keeps_the_table_object_it_wrote_through(tmp_path):
    """After an append (and the checkpoint it may write) the object it wrote through is the table's latest state:
    the next use takes it as it is, not a table loaded afresh from the checkpoint and the commits since."""
    ensure_tables(tmp_path)
    path = table_path(tmp_path, BATCHES)
    append_rows(tmp_path, BATCHES, [marker("b0")], {"run_id": "r1"})
    kept = open_table(path)
    assert kept is not None
    for n in range(1, CHECKPOINT_EVERY + 2):  # past a checkpoint the appends wrote themselves
        append_rows(tmp_path, BATCHES, [marker(f"b{n}")], {"run_id": "r1"})
        assert open_table(path) is kept and kept.version() == n + 1
    assert (path / "_delta_log" / f"{CHECKPOINT_EVERY - 1:020d}.checkpoint.parquet").is_file()
    assert committed_batches(tmp_path) == {f"b{n}" for n in range(CHECKPOINT_EVERY + 2)}


def test_an_append_that_lands_after_another_writers_commit_is_not_kept(tmp_path, monkeypatch):
    """Another writer commits between the version an append read and its own commit: delta-rs puts the append at the
    version after that one, and the object it wrote through is not taken for the table (the next use loads it)."""
    ensure_tables(tmp_path)
    path = table_path(tmp_path, BATCHES)
    append_rows(tmp_path, BATCHES, [marker("ours-1")], {"run_id": "r1"})
    kept = open_table(path)
    assert kept is not None and kept.version() == 1
    real_write = store.write_deltalake

    def write_after_another_writer(table, data, **options):
        real_write(DeltaTable(str(path)), to_arrow(BATCHES, [marker("theirs")], {"run_id": "r2"}), mode="append")
        real_write(table, data, **options)

    monkeypatch.setattr(store, "write_deltalake", write_after_another_writer)
    append_rows(tmp_path, BATCHES, [marker("ours-2")], {"run_id": "r1"})
    monkeypatch.setattr(store, "write_deltalake", real_write)
    table = open_table(path)
    assert table is not None and table is not kept and table.version() == 3
    assert committed_batches(tmp_path) == {"ours-1", "theirs", "ours-2"}


def test_a_compaction_keeps_the_table_object_it_compacted(tmp_path):
    ensure_tables(tmp_path)
    path = table_path(tmp_path, BATCHES)
    for n in range(4):
        append_rows(tmp_path, BATCHES, [marker(f"b{n}")], {"run_id": "r1"})
    kept = open_table(path)
    assert kept is not None and len(kept.file_uris()) == 4
    assert BATCHES.name in compact_tables(tmp_path, min_files=2, retention_hours=0)
    assert open_table(path) is kept and len(kept.file_uris()) == 1
    assert committed_batches(tmp_path) == {f"b{n}" for n in range(4)}


def test_appends_leave_the_logs_clean_up_to_the_append_that_writes_a_checkpoint(tmp_path):
    """delta-rs's own clean-up after each commit stats every log file; appends skip it, and the one that writes a
    checkpoint deletes the log files past the retention instead, so expired files still go and the rows stay."""
    ensure_tables(tmp_path)
    path = table_path(tmp_path, BATCHES)
    log = path / "_delta_log"
    append_rows(tmp_path, BATCHES, [marker("b0")], {"run_id": "r1"})
    # A retention of nothing: every log file before a checkpoint has expired. The checkpoint is another writer's.
    other = DeltaTable(str(path))
    other.alter.set_table_properties({"delta.logRetentionDuration": "interval 0 seconds"})
    other.create_checkpoint()
    checkpoint = other.version()
    append_rows(tmp_path, BATCHES, [marker("b1")], {"run_id": "r1"})
    assert (log / f"{0:020d}.json").is_file()  # delta-rs's clean-up after this commit would have deleted it
    n = 2
    while not (log / f"{checkpoint + CHECKPOINT_EVERY:020d}.checkpoint.parquet").is_file():
        append_rows(tmp_path, BATCHES, [marker(f"b{n}")], {"run_id": "r1"})
        n += 1
    assert sorted(file.name for file in log.glob("*.json"))[0] == f"{checkpoint + CHECKPOINT_EVERY:020d}.json"
    assert committed_batches(tmp_path) == {f"b{i}" for i in range(n)}


def test_a_table_whose_first_commit_file_log_clean_up_deleted_stays_kept(tmp_path):
    """Past the log's retention the first commit file is gone; the table is still the same object from use to use
    and through appends (it was loaded afresh at every use), and a table created anew at the path is not taken for
    it."""
    ensure_tables(tmp_path)
    path = table_path(tmp_path, BATCHES)
    DeltaTable(str(path)).alter.set_table_properties({"delta.logRetentionDuration": "interval 0 seconds"})
    for n in range(CHECKPOINT_EVERY + 1):  # the append that writes the checkpoint cleans the log before it
        append_rows(tmp_path, BATCHES, [marker(f"b{n}")], {"run_id": "r1"})
    assert not (path / "_delta_log" / f"{0:020d}.json").exists()
    kept = open_table(path)
    assert kept is not None and open_table(path) is kept
    append_rows(tmp_path, BATCHES, [marker("last")], {"run_id": "r1"})
    assert open_table(path) is kept and kept.version() == CHECKPOINT_EVERY + 3  # creation, property, appends
    assert committed_batches(tmp_path) == {f"b{n}" for n in range(CHECKPOINT_EVERY + 1)} | {"last"}
    shutil.rmtree(path)
    ensure_tables(tmp_path)
    fresh = open_table(path)
    assert fresh is not None and fresh is not kept and fresh.version() == 0


def stats_columns(table: DeltaTable) -> set[str]:
    """The columns the Delta log keeps statistics of, over every file of the table's snapshot."""
    names = table.get_add_actions(flatten=True).schema.names
    return {name.split(".", 1)[1] for name in names if name.startswith(("min.", "max.", "null_count."))}


def test_tables_keep_delta_statistics_of_batch_id_alone_and_compaction_still_tells_files_of_one_batch(tmp_path):
    """delta-rs parses every file's statistics whenever it brings a table up to date (after each append); newsetl
    reads only batch_id's. Tables made by ensure_tables and by a first append keep those alone; a file of one batch
    and a compaction's merge of several are still told apart."""
    ensure_tables(tmp_path)
    for n in range(3):
        append_rows(tmp_path, ARTICLES, [article(f"d{n}-{i}") for i in range(5)], {"run_id": "r", "batch_id": f"b{n}"})
    fresh = tmp_path / "fresh"  # no ensure_tables: the first append creates the table
    append_rows(fresh, ENTITY_MENTIONS, [EntityMention("a", "e", "E", "ORG", 0, 1)], {"run_id": "r", "batch_id": "b"})
    mentions = open_table(table_path(fresh, ENTITY_MENTIONS))
    assert mentions is not None and stats_columns(mentions) == {"batch_id"}

    table = open_table(table_path(tmp_path, ARTICLES))
    assert table is not None and stats_columns(table) == {"batch_id"}
    assert small_files(table).batch_files == 3  # three files of one batch each
    assert ARTICLES.name in compact_tables(tmp_path, min_files=2, retention_hours=0)
    assert small_files(table).batch_files == 0  # one merged file, of several batches
    actions = table.get_add_actions(flatten=True)
    assert actions.column("min.batch_id").to_pylist() == ["b0"] and actions.column("max.batch_id").to_pylist() == ["b2"]
    assert table.to_pyarrow_table(columns=["doc_id"]).num_rows == 15


def test_a_table_created_with_full_statistics_keeps_working(tmp_path):
    """A warehouse made before the statistics were cut to batch_id: its tables keep every column's, and compaction
    reads batch_id's among them."""
    path = table_path(tmp_path, BATCHES)
    path.parent.mkdir(parents=True)
    write_deltalake(str(path), BATCHES.arrow.empty_table(), mode="ignore")
    for n in range(3):
        append_rows(tmp_path, BATCHES, [marker(f"b{n}")], {"run_id": "r1"})
    table = open_table(path)
    assert table is not None and stats_columns(table) > {"batch_id"}
    assert small_files(table).batch_files == 3
    assert BATCHES.name in compact_tables(tmp_path, min_files=2, retention_hours=0)
    assert committed_batches(tmp_path) == {"b0", "b1", "b2"}


def opened(warehouse, spec) -> DeltaTable:
    table = open_table(table_path(warehouse, spec))
    assert table is not None
    return table


def rows_of(warehouse, spec) -> list[dict]:
    """Every row of a table, in one order."""
    return sorted(opened(warehouse, spec).to_pyarrow_table().to_pylist(), key=repr)


def stats_in_log(warehouse, spec, version: int) -> list[set[str]]:
    """The columns each file added by one commit keeps statistics of, as its commit file says."""
    log = table_path(warehouse, spec) / "_delta_log" / f"{version:020d}.json"
    actions = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    return [set(json.loads(action["add"]["stats"])["minValues"]) for action in actions if "add" in action]


def test_a_warehouse_made_with_full_statistics_gets_the_property_once_and_reads_the_same(tmp_path, monkeypatch):
    """A warehouse from before round 18 (every column's statistics): settle_table_properties gives each table that
    has batch_id the property in one commit, the rows stay, the next appends keep batch_id's statistics alone, and a
    second call changes nothing. A call stopped after its first table leaves a readable warehouse whose other
    tables the next call settles."""
    specs = (ARTICLES, ENTITY_MENTIONS, BATCHES)
    monkeypatch.setattr(store, "table_configuration", lambda spec: None)  # as tables were created before
    for n in range(2):
        append_rows(tmp_path, ARTICLES, [article(f"d{n}-{i}") for i in range(3)], {"run_id": "r", "batch_id": f"b{n}"})
        mention = EntityMention("a", f"e{n}", "E", "ORG", 0, 1)
        append_rows(tmp_path, ENTITY_MENTIONS, [mention], {"run_id": "r", "batch_id": f"b{n}"})
        append_rows(tmp_path, BATCHES, [marker(f"b{n}")], {"run_id": "r"})
    monkeypatch.undo()
    before = {spec.name: rows_of(tmp_path, spec) for spec in specs}
    assert all(stats_in_log(tmp_path, spec, 1)[0] > {"batch_id"} for spec in specs)
    wanted = {"delta.dataSkippingStatsColumns": "batch_id"}

    real_set = deltalake.table.TableAlterer.set_table_properties
    calls: list[int] = []

    def stopped_after_one(self, *args, **kwargs):
        if calls:
            raise KeyboardInterrupt  # as a writer killed between two tables' commits
        calls.append(1)
        return real_set(self, *args, **kwargs)

    monkeypatch.setattr(deltalake.table.TableAlterer, "set_table_properties", stopped_after_one)
    with pytest.raises(KeyboardInterrupt):
        settle_table_properties(tmp_path)
    monkeypatch.undo()
    configured = [spec.name for spec in specs if opened(tmp_path, spec).metadata().configuration]
    assert configured == [ARTICLES.name]
    assert {spec.name: rows_of(tmp_path, spec) for spec in specs} == before

    assert settle_table_properties(tmp_path) == [ENTITY_MENTIONS.name, BATCHES.name]
    for spec in specs:
        table = open_table(table_path(tmp_path, spec))
        assert table is not None and table.metadata().configuration == wanted
    assert {spec.name: rows_of(tmp_path, spec) for spec in specs} == before
    versions = {spec.name: opened(tmp_path, spec).version() for spec in specs}
    assert settle_table_properties(tmp_path) == []
    assert {spec.name: opened(tmp_path, spec).version() for spec in specs} == versions

    append_rows(tmp_path, ARTICLES, [article("d9-0")], {"run_id": "r", "batch_id": "b9"})
    assert stats_in_log(tmp_path, ARTICLES, versions[ARTICLES.name] + 1) == [{"batch_id"}]
    table = open_table(table_path(tmp_path, ARTICLES))
    assert table is not None and small_files(table).batch_files == 3
    assert ARTICLES.name in compact_tables(tmp_path, min_files=2, retention_hours=0)
    assert len(rows_of(tmp_path, ARTICLES)) == 7
