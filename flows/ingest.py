"""The `ingest` flow: discover documents, process them in batches, commit, publish views."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run, task_run

from flows import progress
from flows.clusters import cluster_batch
from flows.failures import retry_if_transient
from flows.recovery import run_holding_warehouse
from flows.settings import Settings, load_settings
from flows.workers import process_documents, shutdown_workers
from transforms.ids import sha256_hex
from transforms.pipeline import ProcessedDocument
from transforms.records import BATCH_FAILED, BatchCommit, RawDocument, RawPage, Rejection, RunSummary
from warehouse import report
from warehouse.options import FetchOptions
from warehouse.schemas import (ARTICLES, BATCHES, DUPLICATE_LINKS, ENTITIES, ENTITY_MENTIONS, FIGURES, LSH_BANDS,
                               MINHASH_SIGNATURES, RAW_PAGES, REJECTIONS, RUNS, SITE_LINES)
from warehouse.sources import DocumentRef, Discovery, discover_documents, read_document, read_documents
from warehouse.store import append_rows, compact_tables, committed_doc_ids, committed_site_chrome, ensure_tables, latest_raw_pages
from warehouse.views import publish_views


@dataclass(frozen=True, slots=True)
class BatchCounts:
    """What one batch did; small enough to pass between tasks and add up."""

    documents: int = 0
    skipped: int = 0
    articles: int = 0
    entity_mentions: int = 0
    figures: int = 0
    rejections: int = 0

    def __add__(self, other: BatchCounts) -> BatchCounts:
        return BatchCounts(*(a + b for a, b in zip(self.astuple(), other.astuple(), strict=True)))

    def astuple(self) -> tuple[int, ...]:
        return (self.documents, self.skipped, self.articles, self.entity_mentions, self.figures,
                self.rejections)


@dataclass(frozen=True, slots=True)
class RunReport:
    run_id: str
    warehouse: str
    sources: int
    batches: int
    counts: BatchCounts
    seconds: float
    entities: int = 0
    rejection_reasons: list[tuple[str, str, int]] = field(default_factory=list)
    # Seen in sources but not documents, counted not rejected (e.g. "warc/request": 120).
    skipped_in_sources: dict[str, int] = field(default_factory=dict)


def chunked(items: Sequence[DocumentRef], size: int) -> Iterator[list[DocumentRef]]:
    for start in range(0, len(items), size):
        yield list(items[start:start + size])


def split_known(raws: list[RawDocument], known: set[str]) -> tuple[list[RawDocument], int]:
    """Documents still to do, once each; and how many were already known or repeated."""
    todo: list[RawDocument] = []
    seen = set(known)
    for raw in raws:
        if raw.doc_id not in seen:
            seen.add(raw.doc_id)
            todo.append(raw)
    return todo, len(raws) - len(todo)


def split_results(results: list[ProcessedDocument | Rejection]) -> tuple[list[ProcessedDocument], list[Rejection]]:
    """Articles once each: a second document of the same article in a batch is a rejection."""
    processed: dict[str, ProcessedDocument] = {}
    rejections: list[Rejection] = []
    for result in results:
        if isinstance(result, Rejection):
            rejections.append(result)
        elif result.article.article_id in processed:
            first = processed[result.article.article_id].article
            rejections.append(Rejection(doc_id=result.article.doc_id, source=result.article.source,
                                        stage="dedup", reason="duplicate_article",
                                        detail=f"same article as {first.source} ({first.article_id})"))
        else:
            processed[result.article.article_id] = result
    return list(processed.values()), rejections


@task(name="discover", cache_policy=NO_CACHE)
def discover_task(settings: Settings) -> Discovery:
    ensure_tables(settings.warehouse)
    discovery = discover_documents(list(settings.sources), settings.fetch)
    get_run_logger().info("found %d documents in %d sources (%d feeds, sitemaps or URL lists)%s",
                          len(discovery.refs), len(settings.sources), discovery.listings,
                          "".join(f"; {what}: {n}" for what, n in sorted(discovery.skipped.items())))
    return discovery


def attempt_batch_id(batch_id: str) -> str:
    """Each retry writes under its own batch id: rows of a failed attempt never get a marker."""
    attempt = task_run.get_run_count()
    return batch_id if attempt <= 1 else f"{batch_id}-a{attempt}"


@task(name="process-batch", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[1, 5],
      retry_jitter_factor=0.5, retry_condition_fn=retry_if_transient)
def process_batch(refs: list[DocumentRef], run_id: str, batch_id: str, settings: Settings) -> BatchCounts:
    """Read, skip what is known, transform, append every row, then commit the batch marker."""
    started = time.perf_counter()
    batch_id = attempt_batch_id(batch_id)
    urls = [ref.path for ref in refs if ref.kind == "url"]
    batch_read = read_documents(refs, settings.fetch, latest_raw_pages(settings.warehouse, urls), settings.refresh,
                                on_fetched=lambda: progress.report(fetched=1))
    read = batch_read.documents
    read_rejections = [r for r in read if isinstance(r, Rejection)]
    raws = [r for r in read if isinstance(r, RawDocument)]
    known = committed_doc_ids(settings.warehouse, [r.doc_id for r in read])
    todo, skipped = split_known(raws, known)
    fresh_read_rejections = [r for r in read_rejections if r.doc_id not in known]
    skipped += len(read_rejections) - len(fresh_read_rejections)

    counts = transform_and_commit(todo, fresh_read_rejections, batch_read.fetched, len(refs), skipped,
                                  run_id, batch_id, settings)
    progress.report(read=len(refs), articles=counts.articles, rejected=counts.rejections)
    seconds = time.perf_counter() - started
    get_run_logger().info("%s: %d documents (%d fetched, %d from stored pages), %d skipped as known, "
                          "%d articles, %d rejected in %.1fs", batch_id, len(refs), len(batch_read.fetched),
                          batch_read.from_store, skipped, counts.articles, counts.rejections, seconds)
    return counts


def transform_and_commit(todo: list[RawDocument], rejections: list[Rejection], fetched: list[RawPage],
                         documents: int, skipped: int, run_id: str, batch_id: str,
                         settings: Settings, purpose: str = "ingest") -> BatchCounts:
    """Transform the documents, append every row of the batch, then commit its marker."""
    boilerplate = settings.pipeline.boilerplate
    chrome = committed_site_chrome(settings.warehouse, boilerplate.min_stories) if boilerplate.enabled else frozenset()
    processed, more_rejections = split_results(process_documents(todo, settings.pipeline, settings.workers, chrome))
    rejections = rejections + more_rejections
    # Batches run one at a time, so each sees the copies every earlier batch committed.
    clustered = cluster_batch(settings.warehouse, processed, settings.pipeline.dedup)
    processed = clustered.processed
    lineage = {"run_id": run_id, "batch_id": batch_id}
    articles = append_rows(settings.warehouse, ARTICLES, [p.article for p in processed], lineage)
    mentions = append_rows(settings.warehouse, ENTITY_MENTIONS, [m for p in processed for m in p.mentions], lineage)
    append_rows(settings.warehouse, ENTITIES, [e for p in processed for e in p.entities], lineage)
    figures = append_rows(settings.warehouse, FIGURES, [f for p in processed for f in p.figures], lineage)
    rejected = append_rows(settings.warehouse, REJECTIONS, rejections, lineage)
    append_rows(settings.warehouse, MINHASH_SIGNATURES, clustered.signatures, lineage)
    append_rows(settings.warehouse, LSH_BANDS, clustered.bands, lineage)
    append_rows(settings.warehouse, DUPLICATE_LINKS, clustered.links, lineage)
    append_rows(settings.warehouse, SITE_LINES, [line for p in processed for line in p.site_lines], lineage)
    # Fetched bytes are kept even when they did not make an article: a better extractor may.
    kept = append_rows(settings.warehouse, RAW_PAGES, fetched, lineage)
    if articles or rejected or kept:
        # The marker is the commit: until it lands, none of the rows above is visible.
        marker = BatchCommit(batch_id=batch_id, documents=documents, articles=articles,
                             rejections=rejected, committed_at=datetime.now(timezone.utc), purpose=purpose)
        append_rows(settings.warehouse, BATCHES, [marker], {"run_id": run_id})
    return BatchCounts(documents=documents, skipped=skipped, articles=articles,
                       entity_mentions=mentions, figures=figures, rejections=rejected)


def failed_document(ref: DocumentRef, detail: str) -> Rejection:
    """The rejection of one document of a failed batch; local bytes are read again for its doc_id,
    a URL is not fetched again (its id then comes from the URL)."""
    if ref.kind != "url":
        try:
            read = read_document(ref)
        except Exception:  # noqa: BLE001 - reading may be what failed; the URL-style id will do
            read = None
        if isinstance(read, Rejection):
            return read
        if read is not None:
            return Rejection(doc_id=read.doc_id, source=read.source, stage="process", reason=BATCH_FAILED,
                             detail=detail)
    return Rejection(doc_id=sha256_hex(f"{BATCH_FAILED}:{ref.path}:{ref.offset}"), source=ref.path,
                     stage="process", reason=BATCH_FAILED, detail=detail)


@task(name="reject-batch", cache_policy=NO_CACHE)
def reject_batch(refs: list[DocumentRef], run_id: str, batch_id: str, error: BaseException,
                 settings: Settings) -> BatchCounts:
    """A batch that failed for good: each of its new documents becomes a rejection, committed."""
    detail = f"{type(error).__name__}: {error}"[:1000]
    rejections = [failed_document(ref, detail) for ref in refs]
    known = committed_doc_ids(settings.warehouse, [r.doc_id for r in rejections])
    fresh = list({r.doc_id: r for r in rejections if r.doc_id not in known}.values())
    rejected = append_rows(settings.warehouse, REJECTIONS, fresh, {"run_id": run_id, "batch_id": batch_id})
    if rejected:
        append_rows(settings.warehouse, BATCHES, [BatchCommit(
            batch_id=batch_id, documents=len(refs), articles=0, rejections=rejected,
            committed_at=datetime.now(timezone.utc), purpose="ingest")], {"run_id": run_id})
    get_run_logger().error("%s failed (%s): its %d new documents are rejections process/batch_failed "
                           "(the next run tries them again); the run goes on", batch_id, detail, rejected)
    return BatchCounts(documents=len(refs), skipped=len(refs) - rejected, rejections=rejected)


@task(name="compact-tables", cache_policy=NO_CACHE)
def compact_tables_task(settings: Settings) -> dict[str, tuple[int, int]]:
    """Keep the file count of each table small; a failure here loses nothing, so it only warns."""
    logger = get_run_logger()
    try:
        compacted = compact_tables(settings.warehouse, settings.compact_min_files, settings.vacuum_retention_hours)
    except Exception as error:  # noqa: BLE001 - the run's data is committed already
        logger.warning("compacting the tables failed (%s); the data is safe and the next run tries again", error)
        return {}
    for name, (before, after) in compacted.items():
        logger.info("compacted %s: %d files -> %d", name, before, after)
    return compacted


@task(name="publish-views", cache_policy=NO_CACHE)
def publish_views_task(settings: Settings) -> str:
    return str(publish_views(settings.warehouse))


@task(name="record-run", cache_policy=NO_CACHE)
def record_run(summary: RunSummary, settings: Settings) -> None:
    append_rows(settings.warehouse, RUNS, [summary])


# Rejections before text came out of a document: it was never extracted.
BEFORE_EXTRACTION = frozenset({"read", "decode", "extract", "process"})


def extracted(run_report: RunReport) -> int:
    """Documents this run got text out of: the new ones, less those rejected before or at extraction."""
    lost = sum(n for stage, _, n in run_report.rejection_reasons if stage in BEFORE_EXTRACTION)
    return run_report.counts.documents - run_report.counts.skipped - lost


def publish_artifact(run_report: RunReport, warehouse: Path) -> None:
    counts = run_report.counts
    rows = [
        {"stage": "read", "what": "documents", "count": counts.documents},
        {"stage": "read", "what": "skipped as known", "count": counts.skipped},
        {"stage": "extract", "what": "extracted", "count": extracted(run_report)},
        {"stage": "commit", "what": "articles", "count": counts.articles},
        {"stage": "commit", "what": "entities", "count": run_report.entities},
        {"stage": "commit", "what": "entity mentions", "count": counts.entity_mentions},
        {"stage": "commit", "what": "figures", "count": counts.figures},
        {"stage": "commit", "what": "rejections", "count": counts.rejections},
    ]
    rows += [{"stage": stage, "what": f"rejected: {reason}", "count": n}
             for stage, reason, n in run_report.rejection_reasons]
    rows += [{"stage": "discover", "what": f"not a document: {what}", "count": n}
             for what, n in run_report.skipped_in_sources.items()]
    rate = counts.documents / run_report.seconds if run_report.seconds else 0.0
    rows.append({"stage": "run", "what": "batches", "count": run_report.batches})
    rows.append({"stage": "run", "what": "seconds", "count": round(run_report.seconds, 1)})
    rows.append({"stage": "run", "what": "documents per second", "count": round(rate, 2)})
    rows += [{"stage": "top entity", "what": f"{name} ({label})", "count": n}
             for name, label, n in report.top_entities(warehouse, run_report.run_id)]
    rows += [{"stage": "top figure", "what": f"{surface} [{kind}] {obj or ''}".strip(), "count": 1}
             for surface, obj, kind in report.top_figures(warehouse, run_report.run_id)]
    create_table_artifact(key="ingest-summary", table=rows,
                          description=f"newsetl run {run_report.run_id}")


@flow(name="ingest", description="Ingest news documents into the newsetl warehouse.")
def ingest(sources: list[str] | None = None, warehouse: str | None = None,
           batch_size: int | None = None, workers: int | None = None,
           fetch: FetchOptions | None = None, refresh: bool = False,
           lock_wait_seconds: float | None = None) -> RunReport:
    """Ingest news documents into the newsetl warehouse.

    Args:
        sources: Files, folders, globs or URLs to ingest, one per line. Empty: the configured sources
            (NEWSETL_SOURCES or newsetl.toml; the project's seeds/ when none is set).
        warehouse: Warehouse folder on the machine that runs the flow. Empty: the configured one
            (NEWSETL_WAREHOUSE or newsetl.toml; ./data when none is set).
        batch_size: Documents per batch; each batch is one commit. Empty: configured (200).
        workers: Worker processes for extraction and NER. Empty: configured (2, or 1 on one core).
        fetch: How URLs are fetched (timeouts, politeness, sizes). Empty: the configured options.
        refresh: Fetch URLs again although their bytes are stored (conditional requests).
        lock_wait_seconds: Seconds to wait when another run holds the warehouse. Empty or 0: stop at
            once with a message saying which run holds it.
    """
    settings = load_settings(sources=sources, warehouse=warehouse, batch_size=batch_size, workers=workers,
                             fetch=fetch, refresh=refresh or None, lock_wait_seconds=lock_wait_seconds)
    run_id = flow_run.get_id() or str(uuid.uuid4())
    # One writer per warehouse; a second run waits (lock_wait_seconds) or stops with who holds it.
    return run_holding_warehouse(settings, run_id, lambda: ingest_locked(settings, run_id))


def ingest_locked(settings: Settings, run_id: str) -> RunReport:
    """The run itself, while holding the warehouse; a failure is recorded in `runs` before it propagates."""
    started_at = datetime.now(timezone.utc)
    started = time.perf_counter()
    summary = RunSummary(run_id=run_id, started_at=started_at, finished_at=None, status="running",
                         sources=len(settings.sources), documents_seen=0, documents_skipped=0,
                         articles=0, entity_mentions=0, figures=0, rejections=0, batches=0)
    total = BatchCounts()
    batches: list[list[DocumentRef]] = []
    try:
        discovery = discover_task(settings)
        refs = discovery.refs
        summary = replace(summary, documents_seen=len(refs))
        record_run(summary, settings)
        batches = list(chunked(refs, settings.batch_size))
        logger = get_run_logger()
        progress.start(progress.Progress(total=len(refs), log=lambda line: logger.info("progress: %s", line)))
        try:
            for index, batch in enumerate(batches):
                batch_id = f"{run_id}-{index:05d}"
                try:
                    counts = process_batch(batch, run_id, batch_id, settings)
                except Exception as error:  # noqa: BLE001 - the batch fails, not the run
                    counts = reject_batch(batch, run_id, f"{batch_id}-failed", error, settings)
                total = total + counts
                publish_views_task(settings)
        finally:
            progress.current_finish()
            shutdown_workers()
    except BaseException:
        record_run(replace(summary, finished_at=datetime.now(timezone.utc), status="failed",
                           **run_counts(total, len(batches))), settings)
        raise
    record_run(replace(summary, finished_at=datetime.now(timezone.utc), status="completed",
                       **run_counts(total, len(batches))), settings)
    compact_tables_task(settings)
    publish_views_task(settings)
    run_report = RunReport(run_id=run_id, warehouse=str(settings.warehouse), sources=len(settings.sources),
                           batches=len(batches), counts=total, seconds=time.perf_counter() - started,
                           entities=report.entity_count(settings.warehouse, run_id),
                           rejection_reasons=report.rejection_reasons(settings.warehouse, run_id),
                           skipped_in_sources=dict(sorted(discovery.skipped.items())))
    publish_artifact(run_report, settings.warehouse)
    return run_report


def run_counts(total: BatchCounts, batches: int) -> dict[str, int]:
    return {"documents_seen": total.documents, "documents_skipped": total.skipped, "articles": total.articles,
            "entity_mentions": total.entity_mentions, "figures": total.figures,
            "rejections": total.rejections, "batches": batches}
