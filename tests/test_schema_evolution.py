"""A warehouse written before a column was added takes the new rows; old rows read the column as NULL."""

from __future__ import annotations

from dataclasses import asdict

import duckdb
import pyarrow as pa
from deltalake import write_deltalake

from transforms.records import Figure
from warehouse.schemas import FIGURES
from warehouse.store import append_rows, ensure_tables, table_path
from warehouse.views import publish_views, views_path

ADDED = ("entity_id", "role")  # columns of Figure added in schema version 2


def figure(figure_id: str, entity_id: str | None) -> Figure:
    return Figure(article_id="a1", figure_id=figure_id, surface="8,500 troops", value=8500.0, value_low=None,
                  value_high=None, approximate=False, qualifier=None, unit=None, object="troops", kind="count",
                  char_start=0, char_end=12, sentence="8,500 troops.", entity_id=entity_id, role="holder")


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
    append_rows(tmp_path, FIGURES, [figure("f-new", "e1")], {"run_id": "r2", "batch_id": "b2"})
    publish_views(tmp_path)
    with duckdb.connect(str(views_path(tmp_path)), read_only=True) as con:
        rows = con.execute("SELECT figure_id, entity_id, role FROM _figures ORDER BY 1").fetchall()
    assert rows == [("f-new", "e1", "holder"), ("f-old", None, None)]
