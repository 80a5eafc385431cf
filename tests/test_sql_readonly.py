"""`newsetl sql` only reads the warehouse: whatever would write, or reach outside the warehouse's tables,
ends in one line and a non-zero exit, and nothing is written. A copied or moved warehouse reads as it was."""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from flows.cli import app
from tests.test_cli import run_cli
from transforms.records import BatchCommit, Rejection
from warehouse import query
from warehouse.query import connect_views, table_parquet_files, views_path
from warehouse.schemas import BATCHES, REJECTIONS
from warehouse.store import append_rows, compact_tables, ensure_tables
from warehouse.views import publish_views

# {target}: a path outside the warehouse that must not come to exist; {outside}: an existing file outside it;
# {warehouse}: the warehouse folder; {parquet}: a data file of the rejections table; {log}: its Delta log folder.
REFUSED = [
    "copy (select 1 as a) to '{target}'",
    "copy rejections to '{target}' (format parquet)",
    "copy (select 1 as a) to '{warehouse}/newsetl.duckdb' (format csv, use_tmp_file false)",
    "copy (select 1 as a) to '{log}/00000000000000000099.json' (format json)",
    "copy (select 1 as a) to '{parquet}' (format parquet, use_tmp_file false)",
    "export database '{target}'",
    "attach '{target}' as other",
    "attach '{warehouse}/newsetl.duckdb' as again",
    "install httpfs",
    "install httpfs from 'http://127.0.0.1:9'",
    "load httpfs",
    "load '{outside}'",
    "set enable_external_access = true",
    "set file_search_path = '/'",
    "reset lock_configuration",
    "pragma enable_profiling",
    "create table t as select 1 as a",
    "create temp table t as select 1 as a",
    "insert into rejections select * from rejections",
    "update rejections set reason = 'x'",
    "delete from rejections",
    "select 1; copy (select 1 as a) to '{target}'",
    "select * from read_text('/etc/passwd')",
    "select * from read_csv('{outside}')",
    "select * from read_text('{warehouse}/newsetl.duckdb')",
    "select * from read_text('{log}/00000000000000000000.json')",
    "select * from read_text('tables/../newsetl.duckdb')",
    "select * from glob('/etc/*')",
    "select * from glob('{warehouse}/tables/*')",
    "select * from read_csv('http://127.0.0.1:9/x.csv')",
    "select * from read_parquet('https://example.com/x.parquet')",
    "",
    "   ",
    " -- only a comment\n",  # (a first character '-' would make it an option: `newsetl sql -- '--...'`)
    "/* only a comment */",
]


def small_warehouse(warehouse: Path) -> Path:
    """A warehouse with one committed rejection: a Parquet file, a Delta log and the views."""
    ensure_tables(warehouse)
    append_rows(
        warehouse, REJECTIONS, [Rejection("d1", "s", "read", "empty", "0 bytes")], {"run_id": "r1", "batch_id": "b1"}
    )
    append_rows(warehouse, BATCHES, [BatchCommit("b1", 1, 0, 1, datetime(2026, 1, 1, tzinfo=UTC))], {"run_id": "r1"})
    publish_views(warehouse)
    return warehouse


def newsetl_in_process(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """`newsetl ARGS` run in this process by click's runner: the same command code, exit code, stdout and
    stderr without a Python start per statement (the many statements below). A warehouse that is a file,
    below, and tests/test_cli.py run the real `newsetl` process."""
    with contextlib.chdir(cwd):
        result = CliRunner().invoke(app, list(args))
    return subprocess.CompletedProcess(["newsetl", *args], result.exit_code, result.stdout, result.stderr)


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file under the folder with a hash of its bytes."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Path:
    return small_warehouse(tmp_path_factory.mktemp("readonly") / "warehouse")


@pytest.mark.parametrize("template", REFUSED)
def test_sql_refuses_what_writes_or_reaches_outside(warehouse, tmp_path, template):
    outside = tmp_path / "outside.csv"
    outside.write_text("a\n1\n")
    target = tmp_path / "target"
    parquet = next(name for name in table_parquet_files(warehouse) if name.startswith("tables/rejections/"))
    statement = template.format(
        target=target,
        outside=outside,
        warehouse=warehouse,
        parquet=warehouse / parquet,
        log=warehouse / "tables" / "rejections" / "_delta_log",
    )
    before = fingerprint(warehouse)
    result = newsetl_in_process("sql", statement, "-w", str(warehouse), cwd=warehouse)
    assert result.returncode != 0
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsetl: error:"), result.stderr
    assert not target.exists()
    assert fingerprint(warehouse) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["outside.csv"]


@pytest.mark.parametrize(
    "statement",
    [
        "copy (select 1 as a) to '{target}'",
        "attach '{target}' as other",
        "install httpfs",
        "set enable_external_access = true",
        "select * from read_text('/etc/passwd')",
    ],
)
def test_the_connection_itself_refuses_without_the_statement_check(warehouse, tmp_path, statement):
    """DuckDB's settings hold even for a statement that skipped the check of statement types."""
    target = tmp_path / "target"
    with connect_views(warehouse) as con, pytest.raises(duckdb.Error):
        con.execute(statement.format(target=target))
    assert not target.exists()


@pytest.mark.parametrize(
    "statement", ["select count(*) from rejections", "describe articles", "show tables", "explain select 1"]
)
def test_sql_still_reads(warehouse, statement):
    result = newsetl_in_process("sql", statement, "-w", str(warehouse), cwd=warehouse.parent)
    assert result.returncode == 0 and result.stderr == "", result.stderr


def test_a_warehouse_that_is_a_file_is_one_line(tmp_path):
    path = tmp_path / "file"
    path.write_text("")
    result = run_cli("sql", "select 1", "-w", str(path), cwd=tmp_path)
    lines = result.stderr.splitlines()
    assert result.returncode != 0 and len(lines) == 1 and "is a file, not a folder" in lines[0]


def counts(warehouse: Path, cwd: Path) -> dict[str, str]:
    views = ("articles", "entities", "entity_mentions", "figures", "rejections", "runs", "batches")
    found = {}
    for view in views:
        result = newsetl_in_process("sql", f"select count(*) from {view}", "-w", str(warehouse), "-f", "csv", cwd=cwd)
        assert result.returncode == 0, result.stderr
        found[view] = result.stdout
    return found


def test_a_moved_warehouse_reads_at_once(seeded_warehouse, tmp_path):
    seeded, _ = seeded_warehouse
    first = shutil.copytree(seeded, tmp_path / "first")
    expected = counts(first, cwd=tmp_path)
    assert expected["articles"] != "count_star()\n0\n"
    (tmp_path / "elsewhere").mkdir()
    moved = Path(shutil.move(first, tmp_path / "elsewhere" / "moved"))
    assert not first.exists()
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    assert counts(moved, cwd=elsewhere) == expected
    # From Python, as docs/views.md says: relative paths resolve against the warehouse.
    with duckdb.connect(str(views_path(moved)), read_only=True, config={"file_search_path": str(moved)}) as con:
        row = con.execute("select count(*) from articles").fetchone()
    assert row is not None and row[0] > 0


def test_a_reader_may_open_the_files_its_views_read_as_its_publish_listed_them(tmp_path, monkeypatch):
    # A reader's connection listed every Parquet file in the tables' folders to allow them (walking the Delta logs'
    # folders too, and allowing the files compactions replaced, still there until vacuum deletes them): at 100,600
    # articles 773 files, where the views read ~175. Now the publish records the files its views read, and a reader
    # allows those, listing no folder; a views database that records none (an older publish) is listed as before.
    small_warehouse(tmp_path)
    for n in range(2, 5):  # three more batches, then their files compacted: the old ones stay until vacuumed
        rejection = Rejection(f"d{n}", "s", "read", "empty", "0 bytes")
        append_rows(tmp_path, REJECTIONS, [rejection], {"run_id": "r1", "batch_id": f"b{n}"})
        marker = BatchCommit(f"b{n}", 1, 0, 1, datetime(2026, 1, n, tzinfo=UTC))
        append_rows(tmp_path, BATCHES, [marker], {"run_id": "r1"})
    compact_tables(tmp_path, 1, 24)
    publish_views(tmp_path)
    on_disk = table_parquet_files(tmp_path)
    listed: list[Path] = []

    def listing(warehouse: Path) -> list[str]:
        listed.append(warehouse)
        return on_disk

    monkeypatch.setattr(query, "table_parquet_files", listing)
    with connect_views(tmp_path) as con:
        assert con.execute("SELECT count(*) FROM rejections").fetchall() == [(4,)]
        views_read = {name for (name,) in con.execute(f"SELECT file FROM {query.VIEW_FILES}").fetchall()}
        allowed = con.execute("SELECT current_setting('allowed_paths')").fetchall()[0][0]
        replaced = next(name for name in on_disk if name not in views_read)
        with pytest.raises(duckdb.PermissionException):  # a file the views no longer read
            con.execute(f"SELECT count(*) FROM read_parquet('{replaced}')").fetchall()
    assert listed == [] and len(views_read) < len(on_disk)
    # DuckDB keeps each path made absolute (a relative one against the current folder) and adds the database's own.
    tables = [name for name in allowed if "/tables/" in name]
    assert {name.split("/tables/")[1] for name in tables} == {name.removeprefix("tables/") for name in views_read}
    assert len(tables) == 2 * len(views_read)
    older = tmp_path / "older.duckdb"  # a views database whose publish recorded no files
    shutil.copyfile(views_path(tmp_path), older)
    with duckdb.connect(str(older)) as con:
        con.execute(f"DROP TABLE {query.VIEW_FILES}")
    with connect_views(tmp_path, older) as con:
        assert con.execute("SELECT count(*) FROM rejections").fetchall() == [(4,)]
    assert listed == [tmp_path.resolve()]
