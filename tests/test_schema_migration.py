"""A warehouse written before a nullable column was added keeps working: appends and views."""

from __future__ import annotations

from datetime import datetime, timezone

import pyarrow as pa
from deltalake import write_deltalake

from tests.conftest import sql
from transforms.records import Article, BatchCommit
from warehouse.schemas import ARTICLES, BATCHES
from warehouse.store import append_rows, ensure_tables, table_path, to_arrow
from warehouse.views import publish_views


def article(article_id: str, confidence: float | None) -> Article:
    return Article(article_id=article_id, doc_id=f"doc-{article_id}", source=f"{article_id}.txt", url=None,
                   canonical_url=None, title=None, author=None, sitename=None, published_date=None,
                   language="en", text="text", text_hash=f"hash-{article_id}", cluster_id=article_id,
                   word_count=1, language_confidence=confidence)


def test_old_articles_table_takes_the_new_column(tmp_path):
    warehouse = tmp_path / "wh"
    ensure_tables(warehouse)
    old = to_arrow(ARTICLES, [article("a1", None)], {"run_id": "r0", "batch_id": "b0"})
    old = old.drop_columns(["language_confidence"])
    old = pa.Table.from_pylist(old.to_pylist(), schema=old.schema.with_metadata({"newsetl.schema_version": "1"}))
    write_deltalake(str(table_path(warehouse, ARTICLES)), old, mode="overwrite", schema_mode="overwrite")
    append_rows(warehouse, ARTICLES, [article("a2", 0.97)], {"run_id": "r1", "batch_id": "b1"})
    marker_time = datetime(2026, 1, 1, tzinfo=timezone.utc)
    for run_id, batch_id in (("r0", "b0"), ("r1", "b1")):
        append_rows(warehouse, BATCHES, [BatchCommit(batch_id, 1, 1, 0, marker_time)], {"run_id": run_id})
    publish_views(warehouse)
    rows = sql(warehouse, "SELECT article_id, language_confidence FROM articles ORDER BY 1")
    assert rows == [("a1", None), ("a2", 0.97)]
