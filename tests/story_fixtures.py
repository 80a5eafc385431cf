"""Rows of a small synthetic warehouse, committed a batch at a time as the pipeline commits them, for the tests
of the story views (tests/test_stories.py) and of the stored story tables' publish
(tests/test_publish_incremental.py)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from transforms.records import Article, BatchCommit, DuplicateLink, Entity, EntityMention, Rejection, RunSummary
from warehouse.schemas import ARTICLES, BATCHES, DUPLICATE_LINKS, ENTITIES, ENTITY_MENTIONS, REJECTIONS, TableSpec
from warehouse.store import append_rows

ACME, BOB = Entity("e-acme", "Acme", "ORG"), Entity("e-bob", "Bob Ray", "PERSON")


def at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


def article(article_id: str, cluster_id: str, published: date) -> Article:
    return Article(
        article_id=article_id,
        doc_id=f"doc-{article_id}",
        source=f"/archive/{article_id}.html",
        url=f"https://www.example.org/{article_id}",
        canonical_url=f"https://www.example.org/{article_id}",
        title=f"Story {cluster_id}",
        author=None,
        sitename="Example",
        published_date=published,
        language="en",
        text="Acme said so.",
        text_hash=f"hash-{article_id}",
        cluster_id=cluster_id,
        word_count=3,
        ner_model="en_core_web_sm",
    )


def mentions(article_id: str, entity_id: str, n: int) -> list[EntityMention]:
    return [EntityMention(article_id, entity_id, "Acme", "ORG", 10 * i, 10 * i + 4) for i in range(n)]


def append_batch_rows(warehouse: Path, run_id: str, batch_id: str, rows: dict[TableSpec, list[Any]]) -> None:
    """A batch's rows without its marker: not shown until the batch is marked committed."""
    for spec, records in rows.items():
        append_rows(warehouse, spec, records, {"run_id": run_id, "batch_id": batch_id})


def mark_committed(warehouse: Path, run_id: str, batch_id: str, day: date) -> None:
    append_rows(warehouse, BATCHES, [BatchCommit(batch_id, 1, 1, 0, at(day))], {"run_id": run_id})


def commit(warehouse: Path, run_id: str, batch_id: str, day: date, rows: dict[TableSpec, list[Any]]) -> None:
    """The batch's rows, then its marker: what a batch commit writes."""
    append_batch_rows(warehouse, run_id, batch_id, rows)
    mark_committed(warehouse, run_id, batch_id, day)


def run(run_id: str, day: date) -> RunSummary:
    return RunSummary(run_id, at(day), at(day), "completed", 1, 1, 0, 0, 0, 0, 0, 1)


# --- two batches: separate stories, then a copy that merges two of them ---------------------------


def commit_separate_stories(warehouse: Path, article_ids: Sequence[str] = ("a1", "b1", "d1")) -> None:
    """Batch b1 of run r1 (2024-01-01): one story per article, published on the 1st, 2nd, ... of January in the
    order given; Acme mentioned twice in a1 and once in d1, Bob Ray once in b1."""
    commit(
        warehouse,
        "r1",
        "b1",
        date(2024, 1, 1),
        {
            ARTICLES: [article(a, a, date(2024, 1, n)) for n, a in enumerate(article_ids, start=1)],
            ENTITIES: [ACME, BOB],
            ENTITY_MENTIONS: mentions("a1", "e-acme", 2) + mentions("b1", "e-bob", 1) + mentions("d1", "e-acme", 1),
        },
    )


def commit_copy_merging_a1_and_b1(warehouse: Path, newer_b1: Article, rejections: Sequence[Rejection] = ()) -> None:
    """Batch b2 of run r2 (2024-02-01): c1, a copy of a1 published that day and linked to both a1 and b1, so that
    their two stories become one; `newer_b1`, a later version of b1 that mentions Acme three times; c1 mentions
    Acme and Bob Ray once each. `rejections`, when given, are committed in the same batch."""
    rows: dict[TableSpec, list[Any]] = {
        ARTICLES: [article("c1", "a1", date(2024, 2, 1)), newer_b1],
        ENTITIES: [ACME, BOB],
        ENTITY_MENTIONS: mentions("c1", "e-acme", 1) + mentions("c1", "e-bob", 1) + mentions("b1", "e-acme", 3),
        DUPLICATE_LINKS: [DuplicateLink("c1", "a1", 0.9), DuplicateLink("c1", "b1", 0.8)],
    }
    if rejections:
        rows[REJECTIONS] = list(rejections)
    commit(warehouse, "r2", "b2", date(2024, 2, 1), rows)
