"""The views database is replaced whole: readers of the old file are undisturbed."""

from __future__ import annotations

from datetime import UTC, datetime

from transforms.records import BatchCommit, Rejection
from warehouse.query import connect_views
from warehouse.schemas import BATCHES, REJECTIONS
from warehouse.store import append_rows, ensure_tables
from warehouse.views import _relative, publish_views


def commit_rejection(warehouse, batch_id: str) -> None:
    lineage = {"run_id": "r1", "batch_id": batch_id}
    append_rows(warehouse, REJECTIONS, [Rejection("d-" + batch_id, "s", "read", "empty", "0 bytes")], lineage)
    append_rows(
        warehouse,
        BATCHES,
        [BatchCommit(batch_id, 1, 0, 1, datetime(2026, 1, 1, tzinfo=UTC))],
        {"run_id": "r1"},
    )


def test_empty_warehouse_has_typed_empty_views(tmp_path):
    ensure_tables(tmp_path)
    publish_views(tmp_path)
    with connect_views(tmp_path) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (0,)
        types = dict(
            con.execute(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'figures'"
            ).fetchall()
        )
        assert types["value"] == "DOUBLE" and types["approximate"] == "BOOLEAN"


def test_publish_swaps_the_file_under_an_open_reader(tmp_path):
    ensure_tables(tmp_path)
    commit_rejection(tmp_path, "b1")
    publish_views(tmp_path)
    with connect_views(tmp_path) as reader:
        commit_rejection(tmp_path, "b2")
        publish_views(tmp_path)
        assert reader.execute("SELECT count(*) FROM rejections").fetchone() == (1,)  # its snapshot
    with connect_views(tmp_path) as con:
        assert con.execute("SELECT count(*) FROM rejections").fetchone() == (2,)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_files_are_listed_relative_to_the_warehouse_however_it_is_reached(tmp_path):
    """The views name files relative to the warehouse: through a symlink, a relative path or the real folder."""
    real = tmp_path / "real"
    (real / "tables" / "articles").mkdir(parents=True)
    (tmp_path / "link").symlink_to(real)
    expected = ["tables/articles/part-1.parquet", "tables/articles/part-2.parquet"]
    for warehouse in (real, tmp_path / "link", tmp_path / "link" / ".." / "real"):
        listed = [str(warehouse / name) for name in expected]
        assert _relative(warehouse, listed) == expected
        assert _relative(warehouse, [str(real / name) for name in expected]) == expected
        assert _relative(warehouse, [str(real / "tables" / ".." / name) for name in expected]) == expected
