"""The rules of a batch and of a run (transforms/batches.py), apart from any I/O."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from typing import Any

from transforms.batches import (
    STAGE_NAMES,
    BatchCounts,
    RunReport,
    chunked,
    extracted,
    groups_of_batches,
    run_counts,
    run_summary,
    split_known,
    split_results,
)
from transforms.pipeline import ProcessedDocument
from transforms.reasons import Reason, Stage
from transforms.records import Article, RawDocument, Rejection, RunSummary


def raw(doc_id: str) -> RawDocument:
    return RawDocument(doc_id=doc_id, source=f"{doc_id}.html", url=None, content=b"x", media_type="text/html")


def processed(article_id: str, doc_id: str) -> ProcessedDocument:
    values: dict[str, Any] = {f.name: None for f in dataclasses.fields(Article)}
    values.update(
        article_id=article_id,
        doc_id=doc_id,
        source=f"{doc_id}.html",
        language="en",
        text="text",
        text_hash="h",
        cluster_id="c",
        word_count=60,
    )
    return ProcessedDocument(article=Article(**values), mentions=[], entities=[], figures=[])


def test_batch_counts_add_up():
    total = BatchCounts(documents=2, articles=1) + BatchCounts(documents=3, rejections=1)
    assert total == BatchCounts(documents=5, articles=1, rejections=1)
    every = BatchCounts(1, 2, 3, 4, 5, 6)
    assert every + every == BatchCounts(2, 4, 6, 8, 10, 12)


def test_chunked_keeps_order_and_the_short_last_chunk():
    assert list(chunked(["a", "b", "c", "d", "e"], 2)) == [["a", "b"], ["c", "d"], ["e"]]
    assert list(chunked([], 3)) == []


def test_split_known_skips_known_documents_and_repeats():
    todo, skipped = split_known([raw("a"), raw("b"), raw("a"), raw("c")], {"c"})
    assert [r.doc_id for r in todo] == ["a", "b"]
    assert skipped == 2  # the second "a" and the known "c"


def test_split_results_keeps_the_first_copy_of_an_article_and_rejects_the_rest():
    rejected = Rejection("d0", "d0.html", Stage.DECODE, Reason.EMPTY, "no bytes")
    first, second, other = processed("a1", "d1"), processed("a1", "d2"), processed("a2", "d3")
    kept, rejections = split_results([rejected, first, second, other])
    assert kept == [first, other]
    assert rejections[0] == rejected
    duplicate = rejections[1]
    assert (duplicate.doc_id, duplicate.stage, duplicate.reason) == ("d2", "dedup", "duplicate_article")
    assert duplicate.stage is Stage.DEDUP and duplicate.reason is Reason.DUPLICATE_ARTICLE
    assert "d1.html" in duplicate.detail and "a1" in duplicate.detail


def test_run_summary_takes_every_count_from_the_batches():
    started = datetime(2026, 1, 1, tzinfo=UTC)
    total = BatchCounts(documents=10, skipped=2, articles=5, entity_mentions=7, figures=3, rejections=3)
    summary = run_summary("run", started, "completed", 4, total, 2, finished_at=started)
    nothing_timed: dict[str, Any] = {f"seconds_{stage}": 0.0 for stage in STAGE_NAMES}
    assert summary == RunSummary(
        run_id="run",
        started_at=started,
        finished_at=started,
        status="completed",
        sources=4,
        documents_seen=10,
        documents_skipped=2,
        articles=5,
        entity_mentions=7,
        figures=3,
        rejections=3,
        batches=2,
        **nothing_timed,
    )
    assert run_counts(total, 2) == {
        "documents_seen": 10,
        "documents_skipped": 2,
        "articles": 5,
        "entity_mentions": 7,
        "figures": 3,
        "rejections": 3,
        "batches": 2,
    }
    running = run_summary("run", started, "running", 4, BatchCounts(documents=10), 0)
    assert running.finished_at is None and running.articles == 0 and running.documents_seen == 10


def test_extracted_leaves_out_rejections_before_text_only():
    report = RunReport(
        run_id="run",
        warehouse="wh",
        sources=1,
        batches=1,
        seconds=1.0,
        counts=BatchCounts(documents=20, skipped=3, articles=6, rejections=11),
        rejection_reasons=[
            ("read", "unsupported_type", 1),
            ("fetch", "http_404", 2),
            ("decode", "empty", 1),
            ("extract", "no_text", 1),
            ("process", "batch_failed", 1),
            ("normalise", "too_short", 4),
            ("dedup", "duplicate_article", 1),
        ],
    )
    # 20 - 3 skipped - 6 lost before text (read, fetch, decode, extract, process); normalise and dedup had text.
    assert extracted(report) == 11


def test_groups_of_batches_keep_the_order_and_hold_at_most_the_documents_asked_but_a_larger_batch_alone():
    sizes = [("b0", 200), ("b1", 200), ("b2", 0), ("b3", 700), ("b4", 1500), ("b5", 0), ("b6", 1)]
    assert groups_of_batches(sizes, 1000) == [["b0", "b1", "b2"], ["b3"], ["b4"], ["b5", "b6"]]
    assert groups_of_batches([("r", 0)] * 3, 1000) == [["r", "r", "r"]]  # a rerun's batches of known documents: one
    assert groups_of_batches([], 1000) == []
