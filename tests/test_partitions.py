"""Articles partitioned by publication month (schema 7): a month's query reads that month's files only, and a
warehouse whose articles table was created unpartitioned (schema 6 and before) keeps working as it is."""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import pyarrow as pa
from deltalake import DeltaTable, write_deltalake

from tests.test_lookups import article, write_batch
from warehouse.query import query
from warehouse.schemas import ARTICLES
from warehouse.store import ensure_tables, table_path
from warehouse.views import publish_views


def articles_of(months: list[date | None], first: int = 0) -> list:
    return [
        dataclasses.replace(article(f"d{i}"), article_id=f"a{i}", published_date=day)
        for i, day in enumerate(months, start=first)
    ]


def files_read(plan: str) -> list[str]:
    return re.findall(r"Total Files Read: (\d+)", plan)


def test_a_query_on_one_month_reads_only_that_months_files(tmp_path):
    ensure_tables(tmp_path)
    write_batch(tmp_path, "b1", 1, articles=articles_of([date(2024, 1, 5), date(2024, 2, 5), None, date(2024, 2, 9)]))
    write_batch(tmp_path, "b2", 2, articles=articles_of([date(2024, 3, 1)], first=10))
    assert DeltaTable(str(table_path(tmp_path, ARTICLES))).metadata().partition_columns == ["published_month"]
    publish_views(tmp_path)
    _, counts = query(tmp_path, "SELECT published_month, count(*) FROM articles GROUP BY 1 ORDER BY 1")
    assert counts == [("2024-01", 1), ("2024-02", 2), ("2024-03", 1), ("undated", 1)]
    _, plan = query(tmp_path, "EXPLAIN ANALYZE SELECT count(*) FROM _articles WHERE published_month = '2024-02'")
    assert files_read(plan[0][1]) == ["1"]  # of the table's 4 files (one per month and batch)
    _, plan = query(tmp_path, "EXPLAIN ANALYZE SELECT count(*) FROM _articles")
    assert files_read(plan[0][1]) == ["4"]


def test_an_unpartitioned_articles_table_of_an_older_warehouse_still_takes_appends(tmp_path):
    older = pa.schema([field for field in ARTICLES.arrow if field.name != "published_month"])
    path = table_path(tmp_path, ARTICLES)
    path.parent.mkdir(parents=True)
    write_deltalake(str(path), older.empty_table(), name="articles")
    ensure_tables(tmp_path)
    write_batch(tmp_path, "b1", 1, articles=articles_of([date(2024, 1, 5), None]))
    assert DeltaTable(str(path)).metadata().partition_columns == []
    publish_views(tmp_path)
    _, months = query(tmp_path, "SELECT article_id, published_month FROM articles ORDER BY 1")
    assert months == [("a0", "2024-01"), ("a1", "undated")]
