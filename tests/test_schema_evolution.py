"""A warehouse written before a column was added takes the new rows; old rows read the column as NULL.
A warehouse records the schema version it was written with; a newer one is not written to."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

import pyarrow as pa
import pytest
from deltalake import write_deltalake

from tests.conftest import PROJECT_ROOT
from transforms.records import SCHEMA_VERSION, EntityMention, Figure
from warehouse import index, store
from warehouse.query import connect_views
from warehouse.schemas import ALL_TABLES, ENTITY_MENTIONS, FIGURES
from warehouse.store import append_rows, ensure_tables, table_path
from warehouse.version import (
    VERSION_FILE,
    WarehouseTooNew,
    claim_for_writing,
    stamp_schema_version,
    version_path,
    written_schema_version,
)
from warehouse.views import publish_views

ADDED = ("entity_id", "role")  # columns of Figure added in schema version 2


def figure(figure_id: str, entity_id: str | None) -> Figure:
    return Figure(
        article_id="a1",
        figure_id=figure_id,
        surface="8,500 troops",
        value=8500.0,
        value_low=None,
        value_high=None,
        approximate=False,
        qualifier=None,
        unit=None,
        object="troops",
        kind="count",
        char_start=0,
        char_end=12,
        sentence="8,500 troops.",
        entity_id=entity_id,
        role="holder",
    )


def mention(n: int) -> EntityMention:
    return EntityMention(f"a{n}", "e1", "Acme", "ORG", 0, 4)


def test_rows_with_added_columns_append_to_an_older_table(tmp_path):
    old_schema = FIGURES.arrow
    for name in ADDED:
        old_schema = old_schema.remove(old_schema.get_field_index(name))
    lineage = {"run_id": "r1", "batch_id": "b1"}
    old_row = {**asdict(figure("f-old", None)), **lineage}
    for name in ADDED:
        del old_row[name]

    write_deltalake(str(table_path(tmp_path, FIGURES)), pa.Table.from_pylist([old_row], schema=old_schema))
    ensure_tables(tmp_path)
    publish_views(tmp_path)  # before any new row: the added columns read as NULL all the same
    with connect_views(tmp_path) as con:
        assert con.execute("SELECT figure_id, entity_id, role FROM figures").fetchall() == []  # no batch committed
        assert con.execute("SELECT figure_id, entity_id, role FROM _figures").fetchall() == [("f-old", None, None)]
    append_rows(tmp_path, FIGURES, [figure("f-new", "e1")], {"run_id": "r2", "batch_id": "b2"})
    publish_views(tmp_path)
    with connect_views(tmp_path) as con:
        rows = con.execute("SELECT figure_id, entity_id, role FROM _figures ORDER BY 1").fetchall()
        # The declared order, not the oldest file's (which has the added columns last): views select f.*.
        columns = [d[0] for d in con.execute("SELECT * FROM _figures").description]
    assert rows == [("f-new", "e1", "holder"), ("f-old", None, None)]
    assert columns == FIGURES.arrow.names


def test_an_unstamped_or_older_warehouse_is_stamped_and_a_newer_one_refused(tmp_path):
    ensure_tables(tmp_path)  # as schema 5 and before left it: no version file
    assert written_schema_version(tmp_path) is None
    claim_for_writing(tmp_path)
    assert written_schema_version(tmp_path) == SCHEMA_VERSION
    stamp_schema_version(tmp_path, SCHEMA_VERSION - 1)
    claim_for_writing(tmp_path)
    assert written_schema_version(tmp_path) == SCHEMA_VERSION

    stamp_schema_version(tmp_path, SCHEMA_VERSION + 2)
    with pytest.raises(WarehouseTooNew) as refused:
        claim_for_writing(tmp_path)
    assert str(refused.value) == (
        f"warehouse {tmp_path} was written by schema version {SCHEMA_VERSION + 2}; "
        f"this newsetl knows up to {SCHEMA_VERSION}: upgrade newsetl "
        "(pip install -r requirements.lock) or use another --warehouse"
    )
    assert written_schema_version(tmp_path) == SCHEMA_VERSION + 2
    version_path(tmp_path).write_text("{}", encoding="utf-8")
    with pytest.raises(WarehouseTooNew, match="no schema_version"):
        claim_for_writing(tmp_path)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def newsetl(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """This checkout's newsetl command, in a fresh process."""
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    return subprocess.run(
        [sys.executable, "-m", "flows.cli", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_newsetl_run_and_reprocess_refuse_a_newer_warehouse_in_one_line(tmp_path):
    warehouse = tmp_path / "wh"
    warehouse.mkdir()
    stamp_schema_version(warehouse, SCHEMA_VERSION + 2)
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>Hello.</p></body></html>", encoding="utf-8")
    for args in (["run", str(page)], ["reprocess"]):
        result = newsetl(*args, "--warehouse", str(warehouse), cwd=tmp_path)
        assert result.returncode == 2, result.stderr
        assert result.stdout == "" and "Traceback" not in result.stderr
        assert result.stderr.splitlines() == [
            (
                f"newsetl: error: warehouse {warehouse} was written by schema version {SCHEMA_VERSION + 2}; this "
                f"newsetl knows up to {SCHEMA_VERSION}: upgrade newsetl (pip install -r requirements.lock) "
                "or use another --warehouse"
            )
        ]
    assert sorted(p.name for p in warehouse.iterdir()) == [VERSION_FILE]


def test_the_flow_refuses_a_newer_warehouse_and_stamps_an_older_one(prefect_server, tmp_path):
    from flows.reprocess import reprocess

    newer, older = tmp_path / "newer", tmp_path / "older"
    newer.mkdir()
    stamp_schema_version(newer, SCHEMA_VERSION + 1)
    with pytest.raises(WarehouseTooNew, match=f"schema version {SCHEMA_VERSION + 1}"):
        reprocess(warehouse=str(newer))
    assert not (newer / "tables").exists()
    assert written_schema_version(newer) == SCHEMA_VERSION + 1

    ensure_tables(older)
    reprocess(warehouse=str(older))
    assert written_schema_version(older) == SCHEMA_VERSION


def reads_by_name(con, view: str) -> bool:
    """Whether the view matches its files' columns by name (union_by_name), as its stored SQL says."""
    [(sql,)] = con.execute("SELECT sql FROM duckdb_views() WHERE view_name = ?", [view]).fetchall()
    return "union_by_name" in sql


def test_only_a_table_whose_files_differ_in_columns_has_them_matched_by_name(tmp_path):
    """Matching by name reads every file's footer each time a view is bound; files of one schema need not be."""
    old_schema = FIGURES.arrow
    for name in ADDED:
        old_schema = old_schema.remove(old_schema.get_field_index(name))
    old_row = {**asdict(figure("f-old", None)), "run_id": "r1", "batch_id": "b1"}
    for name in ADDED:
        del old_row[name]
    write_deltalake(str(table_path(tmp_path, FIGURES)), pa.Table.from_pylist([old_row], schema=old_schema))
    ensure_tables(tmp_path)
    for n in range(2):
        append_rows(tmp_path, ENTITY_MENTIONS, [mention(n)], {"run_id": "r2", "batch_id": f"b{n}"})
    publish_views(tmp_path)
    with connect_views(tmp_path) as con:
        assert not reads_by_name(con, "_figures")  # one file
        assert not reads_by_name(con, "_entity_mentions")  # two files of today's schema
    append_rows(tmp_path, FIGURES, [figure("f-new", "e1")], {"run_id": "r2", "batch_id": "b2"})
    publish_views(tmp_path)
    with connect_views(tmp_path) as con:
        assert reads_by_name(con, "_figures")  # a file without the added columns beside one with them
        assert not reads_by_name(con, "_entity_mentions")
        rows = con.execute("SELECT figure_id, entity_id, role FROM _figures ORDER BY 1").fetchall()
        assert rows == [("f-new", "e1", "holder"), ("f-old", None, None)]
        assert con.execute("SELECT count(*) FROM _entity_mentions").fetchall() == [(2,)]


def test_a_run_gives_an_older_warehouses_tables_statistics_of_batch_id_once(prefect_server, tmp_path, monkeypatch):
    """Tables created before round 18 keep every column's Delta statistics: the first run that holds the warehouse
    sets the property new tables are created with on each table that has batch_id (one commit each), the rows read
    the same, and the next run commits no property again."""
    from flows.reprocess import reprocess

    monkeypatch.setattr(store, "table_configuration", lambda spec: None)  # as tables were created before
    ensure_tables(tmp_path)
    for n in range(2):
        append_rows(tmp_path, ENTITY_MENTIONS, [mention(n)], {"run_id": "r1", "batch_id": f"b{n}"})
    monkeypatch.undo()
    mentions = store.open_table(table_path(tmp_path, ENTITY_MENTIONS))
    assert mentions is not None and mentions.metadata().configuration == {}
    before = sorted(mentions.to_pyarrow_table().to_pylist(), key=repr)
    with index.current_index(tmp_path):
        pass
    rebuilt = []  # a property commit is no reason to rebuild the lookup index
    monkeypatch.setattr(index, "delete_index", lambda warehouse: rebuilt.append(warehouse))

    for _ in range(2):
        reprocess(warehouse=str(tmp_path))
    with index.current_index(tmp_path):
        pass
    assert rebuilt == []
    for spec in ALL_TABLES:
        table = store.open_table(table_path(tmp_path, spec))
        assert table is not None
        expected = {"delta.dataSkippingStatsColumns": "batch_id"} if "batch_id" in spec.arrow.names else {}
        assert table.metadata().configuration == expected, spec.name
        settings = [entry for entry in table.history() if entry["operation"] == "SET TBLPROPERTIES"]
        assert len(settings) == (1 if expected else 0), spec.name
    mentions = store.open_table(table_path(tmp_path, ENTITY_MENTIONS))
    assert mentions is not None and sorted(mentions.to_pyarrow_table().to_pylist(), key=repr) == before
