"""After reprocessing, each document shows only its newest outcome: article or rejection, never both."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from typing import Any

from tests.conftest import sql
from transforms.records import Article, BatchCommit, Rejection
from warehouse.schemas import ARTICLES, BATCHES, REJECTIONS
from warehouse.store import append_rows, ensure_tables
from warehouse.views import publish_views


def article(doc_id: str) -> Article:
    values: dict[str, Any] = {f.name: None for f in dataclasses.fields(Article)}
    values.update(
        article_id="a-" + doc_id,
        doc_id=doc_id,
        source="https://news.example/" + doc_id,
        language="en",
        text="text",
        text_hash="h",
        cluster_id="c",
        word_count=60,
    )
    return Article(**values)


def commit(warehouse, batch_id: str, day: int, articles=(), rejections=()) -> None:
    lineage = {"run_id": "r-" + batch_id, "batch_id": batch_id}
    append_rows(warehouse, ARTICLES, list(articles), lineage)
    append_rows(warehouse, REJECTIONS, list(rejections), lineage)
    append_rows(
        warehouse,
        BATCHES,
        [BatchCommit(batch_id, 1, len(articles), len(rejections), datetime(2026, 1, day, tzinfo=UTC))],
        {"run_id": "r-" + batch_id},
    )


def test_the_newest_outcome_of_a_document_wins(tmp_path):
    ensure_tables(tmp_path)
    commit(
        tmp_path,
        "b1",
        1,
        articles=[article("d1")],
        rejections=[Rejection("d2", "s2", "normalise", "too_short", "10 words")],
    )
    # Reprocessed with a stricter extractor: d1 is now too short, d2 is now an article.
    commit(
        tmp_path,
        "b2",
        2,
        articles=[article("d2")],
        rejections=[Rejection("d1", "s1", "normalise", "too_short", "12 words")],
    )
    publish_views(tmp_path)
    assert sql(tmp_path, "SELECT doc_id FROM articles") == [("d2",)]
    assert sql(tmp_path, "SELECT doc_id, reason FROM rejections") == [("d1", "too_short")]
