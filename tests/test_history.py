"""The warehouse as it was (`newsetl history`, `newsetl sql --as-of`) and `newsetl export`."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from tests.conftest import SEEDS_DIR, sql
from tests.test_cli import run_cli
from warehouse.export import ExportFormat, export_views
from warehouse.history import HistoryUnavailable, commits, find_commit, parse_as_of, query_as_of
from warehouse.query import QueryRefused

FIRST_SEED = "000_5a32eef5980db437.txt"


@pytest.fixture(scope="module")
def two_runs(prefect_server, tmp_path_factory):
    """One seed in a first run, then the whole seeds folder (the others) in a second."""
    from flows.ingest import ingest

    root = tmp_path_factory.mktemp("history")
    warehouse = root / "warehouse"
    first = root / "first"
    first.mkdir()
    shutil.copy(SEEDS_DIR / FIRST_SEED, first / FIRST_SEED)
    ingest(sources=[str(first)], warehouse=str(warehouse), workers=1)
    ingest(sources=[str(SEEDS_DIR)], warehouse=str(warehouse), workers=1, batch_size=2)
    return warehouse


def test_history_lists_each_committed_batch_in_order(two_runs):
    history = commits(two_runs)
    assert [c.number for c in history] == list(range(len(history)))
    assert len(history) >= 3  # one batch in the first run, several of two documents in the second
    assert len({c.run_id for c in history}) == 2
    assert [c.committed_at for c in history] == sorted(c.committed_at for c in history)
    assert history[0].articles == 1 and history[0].purpose == "ingest"
    assert sum(c.articles or 0 for c in history) == sql(two_runs, "select count(*) from articles")[0][0]


def test_history_reads_the_tables_without_python_file_objects(two_runs, monkeypatch):
    """The cause of `newsetl history` / `sql --as-of` aborting at exit (code 134, "terminate called without an
    active exception", about 1 run in 100 under load): files read through deltalake's Python filesystem
    leave Python buffers that Arrow's worker threads release after the read returned, possibly while the
    interpreter shuts down. bench/exit_soak.py repeats the commands under load to show the abort itself."""
    from deltalake.fs import DeltaStorageHandler

    opened: list[str] = []

    def record(self, path):
        opened.append(path)
        raise AssertionError(f"{path} was read through a Python file object")

    monkeypatch.setattr(DeltaStorageHandler, "open_input_file", record)
    monkeypatch.setattr(DeltaStorageHandler, "open_input_stream", record)
    assert commits(two_runs)
    assert opened == []


def test_as_of_a_commit_shows_the_warehouse_then(two_runs):
    history = commits(two_runs)
    _, rows = query_as_of(two_runs, "select count(*) from articles", "0")
    assert rows == [(1,)]
    _, rows = query_as_of(two_runs, "select count(*), count(distinct run_id) from batches", "1")
    assert rows == [(2, 2)]
    latest = query_as_of(two_runs, "select article_id from articles order by 1", str(len(history) - 1))[1]
    assert latest == sql(two_runs, "select article_id from articles order by 1")
    # A time between two commits is the earlier one.
    between = history[0].committed_at + (history[1].committed_at - history[0].committed_at) / 2
    assert find_commit(history, between).number == 0
    assert query_as_of(two_runs, "select count(*) from articles", between.isoformat())[1] == [(1,)]


def test_as_of_errors_say_what_exists(two_runs):
    history = commits(two_runs)
    with pytest.raises(HistoryUnavailable, match=f"commits 0 to {len(history) - 1}"):
        query_as_of(two_runs, "select 1", str(len(history)))
    with pytest.raises(HistoryUnavailable, match="first commit is at"):
        find_commit(history, history[0].committed_at - timedelta(days=1))
    with pytest.raises(HistoryUnavailable, match="neither a commit number nor a date"):
        parse_as_of("last tuesday")
    assert parse_as_of("2026-11-20") == datetime(2026, 11, 20, tzinfo=UTC)


def test_as_of_is_read_only_too(two_runs, tmp_path):
    with pytest.raises(QueryRefused):
        query_as_of(two_runs, f"copy (select 1) to '{tmp_path / 'x.csv'}'", "0")
    with pytest.raises(duckdb.Error):
        query_as_of(two_runs, "select * from read_text('/etc/hostname')", "0")
    assert not (tmp_path / "x.csv").exists()


def test_cli_history_and_as_of(two_runs, tmp_path):
    listed = run_cli("history", "-w", str(two_runs), "--format", "json", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert rows[0]["commit"] == 0 and rows[0]["articles"] == 1
    first = run_cli(
        "sql", "select count(*) as n from articles", "-w", str(two_runs), "--as-of", "0", "-f", "csv", cwd=tmp_path
    )
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines() == ["n", "1"]
    missing = run_cli("sql", "select 1", "-w", str(two_runs), "--as-of", "999", cwd=tmp_path)
    assert missing.returncode == 2 and "newsetl history" in missing.stderr and "Traceback" not in missing.stderr


@pytest.mark.parametrize("export_format", list(ExportFormat))
def test_export_reads_back_with_the_same_counts(two_runs, tmp_path, export_format):
    exported = export_views(two_runs, tmp_path / "out", export_format)
    names = {item.view for item in exported}
    assert {"articles", "entities", "entity_mentions", "figures", "rejections", "runs"} <= names
    reader = {"parquet": "read_parquet", "csv": "read_csv", "jsonl": "read_json"}[export_format.value]
    for item in exported:
        expected = sql(two_runs, f'select count(*) from "{item.view}"')[0][0]
        assert item.rows == expected, item.view
        if expected:
            assert duckdb.execute(f"select count(*) from {reader}('{item.path}')").fetchall() == [(expected,)], (
                item.view
            )
    assert not list((tmp_path / "out").glob(".*tmp"))


def test_export_one_view_with_a_filter_and_as_of(two_runs, tmp_path):
    out = tmp_path / "out"
    result = run_cli(
        "export", str(out), "-w", str(two_runs), "--view", "articles", "--where", "word_count > 0", "-f", "jsonl",
        "--as-of", "0", cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert [p.name for p in out.iterdir()] == ["articles.jsonl"]
    assert len((out / "articles.jsonl").read_text(encoding="utf-8").splitlines()) == 1


def test_export_refuses_what_it_cannot_do(two_runs, tmp_path):
    with pytest.raises(QueryRefused, match="exactly one --view"):
        export_views(two_runs, tmp_path, ExportFormat.csv, where="true")
    with pytest.raises(QueryRefused, match="no view named nope"):
        export_views(two_runs, tmp_path, ExportFormat.csv, views=["nope"])
    with pytest.raises(QueryRefused):
        export_views(two_runs, tmp_path, ExportFormat.csv, views=["articles"], where="true; select 1")
    with pytest.raises(QueryRefused):
        export_views(two_runs, tmp_path, ExportFormat.csv, views=["articles"], where="true; drop view articles")
    bad = run_cli("export", str(tmp_path / "o"), "-w", str(two_runs), "-f", "xlsx", cwd=tmp_path)
    assert bad.returncode == 2 and "parquet, csv or jsonl" in bad.stderr


def test_a_vacuumed_commit_says_so(two_runs, tmp_path):
    from warehouse.store import compact_tables

    warehouse = Path(shutil.copytree(two_runs, tmp_path / "warehouse"))  # compacted here, not the shared one
    compact_tables(warehouse, min_files=1, retention_hours=0)
    with pytest.raises(HistoryUnavailable, match="compaction removed"):
        query_as_of(warehouse, "select count(*) from articles", "0")
    # What compaction rewrote without changing (the articles of the last commit) is read from the new files.
    last = commits(warehouse)[-1]
    from warehouse.history import _files_as_of
    from warehouse.schemas import ARTICLES

    assert all(Path(name).is_file() for name in _files_as_of(warehouse.resolve(), ARTICLES, last))
