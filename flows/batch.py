"""The batch path both flows take: the Prefect tasks that read, transform and commit one batch at a time.

`ingest` discovers documents and runs `process_batch` (or `reject_batch` when a batch fails for good);
`reprocess` runs `reprocess_batch` over stored pages. Both transform through `transform_batch` and hand the
result to the run's one writer (flows/committer.py), which commits batches in order through
`commit_transformed` while the next batch is transformed; `run_batches` records the run with `record_run`.
The rules they apply are pure, in transforms/batches.py.
"""

from __future__ import annotations

import gc
import signal
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from types import FrameType
from typing import Any, TypeVar, cast

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.exceptions import TerminationSignal
from prefect.runtime import task_run
from prefect.utilities.annotations import quote

from flows import progress, timeline
from flows.clusters import ClusteredBatch, cluster_batch
from flows.committer import OrderedWriter
from flows.failures import retry_if_transient
from flows.run_report import publish_run_report
from flows.settings import Settings
from flows.workers import PhaseSeconds, process_documents, shutdown_workers, start_workers
from transforms.batches import (
    RETRIED_STAGES,
    BatchCounts,
    RunReport,
    StageSeconds,
    chunked,
    error_line,
    run_summary,
    split_known,
    split_results,
)
from transforms.ids import batch_id_of
from transforms.pipeline import Analysis, ProcessedDocument, analysis_of
from transforms.reasons import Reason, Stage
from transforms.records import BatchCommit, Entity, RawDocument, RawPage, Rejection, RunSummary
from warehouse import report
from warehouse.batch_failures import failed_document
from warehouse.lookups import (
    StoredPages,
    committed_copies,
    committed_doc_ids,
    committed_site_chrome,
    counted_outcomes,
    latest_raw_pages,
    raw_page_urls,
    stored_pages,
)
from warehouse.schemas import (
    ARTICLES,
    BATCHES,
    DUPLICATE_LINKS,
    ENTITIES,
    ENTITY_MENTIONS,
    FIGURES,
    LSH_BANDS,
    MINHASH_SIGNATURES,
    RAW_PAGES,
    REJECTIONS,
    RUNS,
    SITE_LINES,
)
from warehouse.sources import Discovery, DocumentRef, discover_documents, document_from_page, read_documents
from warehouse.store import append_rows, compact_tables, ensure_tables
from warehouse.views import checked_rows, publish, publish_views

T = TypeVar("T")
R = TypeVar("R")


class Stopwatch:
    """Wall seconds per stage of one batch (transforms.batches.StageSeconds), summed over the steps timed."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    @contextmanager
    def timed(self, step: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[step] += time.perf_counter() - started

    def timing(self, step: str, work: Callable[..., R]) -> Callable[..., R]:
        """`work`, timed under `step` each time it is called (by code that does not know the stopwatch)."""

        def timed_work(*args: Any) -> R:
            with self.timed(step):
                return work(*args)

        return timed_work

    def total(self, workers: PhaseSeconds | None = None) -> StageSeconds:
        """What was timed, with the workers' summed seconds as extract_clean and nlp."""
        spent = workers or PhaseSeconds()
        return StageSeconds(**self.seconds, extract_clean=spent.prepare, nlp=spent.analyse)


@task(name="discover", cache_policy=NO_CACHE)
def discover_task(settings: Settings) -> Discovery:
    ensure_tables(settings.warehouse)
    discovery = discover_documents(list(settings.sources), settings.fetch)
    get_run_logger().info(
        "found %d documents in %d sources (%d feeds, sitemaps or URL lists)%s",
        len(discovery.refs),
        len(settings.sources),
        discovery.listings,
        "".join(f"; {what}: {n}" for what, n in sorted(discovery.skipped.items())),
    )
    return discovery


@task(name="list-raw-pages", cache_policy=NO_CACHE)
def list_raw_pages(settings: Settings) -> list[str]:
    ensure_tables(settings.warehouse)
    return raw_page_urls(settings.warehouse)


def unwalked(value: T) -> T:
    """`value` as a task argument that Prefect hands on without walking it (`quote`). Prefect looks for
    futures in every object of a task's arguments, twice per task run: for a transformed batch (hundreds
    of thousands of records, mentions and figures) that was seconds of the flow's CPU per batch, taken
    from the workers' cores."""
    return cast(T, quote(value))


def attempt_batch_id(batch_id: str, mark: str = "a") -> str:
    """Each retry writes under its own batch id: rows of a failed attempt never get a marker."""
    attempt = task_run.get_run_count()
    return batch_id if attempt <= 1 else f"{batch_id}-{mark}{attempt}"


@dataclass(frozen=True, slots=True)
class TransformedBatch:
    """A batch the workers are done with, handed to the run's one writer (flows/committer.py) to cluster
    and commit in order, while the next batch is read and transformed."""

    run_id: str
    batch_id: str
    documents: int
    skipped: int
    results: list[ProcessedDocument | Rejection]
    rejections: list[Rejection]  # of reading and fetching
    fetched: list[RawPage]
    purpose: str
    seconds: StageSeconds  # reading, lookups and the workers' phases
    # Exact copies here that took the analysis of an article of a batch not committed yet, by (text hash,
    # model): that batch's id and the article's entities, which the copy commits only if that batch fails
    # (otherwise they are committed with it, as for a copy of any committed article).
    borrowed: dict[tuple[str, str], tuple[str, list[Entity]]] = field(default_factory=dict)

    def known_doc_ids(self) -> set[str]:
        """The documents that are known once this batch commits (transforms.batches.split_known)."""
        return {
            result.article.doc_id if isinstance(result, ProcessedDocument) else result.doc_id
            for result in self.results
            if isinstance(result, ProcessedDocument) or result.stage not in RETRIED_STAGES
        }


# What the flow hands the writer for a batch: its id, its items, and its work or why it failed.
Handover = tuple[str, list[Any], "TransformedBatch | BaseException"]


@dataclass(slots=True)
class _Overlap:
    """The run's writer, and the index and site chrome of the batch being transformed (set by `run_batches`)."""

    writer: OrderedWriter[Handover]
    index: int = 0
    chrome: frozenset[str] = frozenset()


_overlap: _Overlap | None = None


def _looked_up() -> None:
    """The batch being transformed made its first lookups: the writer may now commit the batch before it
    (flows/committer.py), which until then would hold the lock those lookups wait for."""
    if _overlap is not None:
        _overlap.writer.looked_up(_overlap.index)


def _warehouse_io() -> AbstractContextManager[Any]:
    """Held around every lookup of a batch: the writer commits a batch whole while holding it."""
    return _overlap.writer.lock if _overlap is not None else nullcontext()


# A batch's transform and its commit are retried alike: twice, after a short jittered wait, and only
# for failures that another attempt can fix (flows/failures.py).
TRANSIENT_RETRIES: dict[str, Any] = {
    "retries": 2,
    "retry_delay_seconds": [1, 5],
    "retry_jitter_factor": 0.5,
    "retry_condition_fn": retry_if_transient,
}


def _in_flight() -> list[TransformedBatch]:
    """Batches handed to the writer and not committed yet (call it holding `_warehouse_io`)."""
    if _overlap is None:
        return []
    return [work for _, _, work in _overlap.writer.in_flight.values() if isinstance(work, TransformedBatch)]


def _failed_in_flight_doc_ids() -> set[str]:
    """The documents a batch that failed before its commit, handed to the writer and not written yet,
    will commit as `batch_failed` rejections (`reject_batch`): known, as the documents of a transformed
    batch in flight are, so the same bytes in a later batch are skipped instead of landing twice (a
    rejection and an article). Its files are read again for their ids; batches rarely fail. Call it
    holding `_warehouse_io`."""
    if _overlap is None:
        return set()
    failed = [
        document
        for _, batch, work in _overlap.writer.in_flight.values()
        if isinstance(work, BaseException)
        for document in batch
        if isinstance(document, DocumentRef)
    ]
    rejections = (failed_document(ref, "") for ref in failed)
    return {rejection.doc_id for rejection in rejections if rejection.stage not in RETRIED_STAGES}


@task(name="process-batch", cache_policy=NO_CACHE, **TRANSIENT_RETRIES)
def process_batch(refs: list[DocumentRef], run_id: str, batch_id: str, settings: Settings) -> TransformedBatch:
    """Read, skip what is known (committed or in flight), transform; the run's writer commits the result."""
    started = time.perf_counter()
    batch_id = attempt_batch_id(batch_id)
    timeline.mark("batch start", batch_id)
    clock = Stopwatch()
    urls = [ref.path for ref in refs if ref.kind == "url"]
    with _warehouse_io(), clock.timed("lookups"):
        if settings.refresh:  # every stored URL is asked again (conditionally): each needs its stored fetch
            found = StoredPages(frozenset(), latest_raw_pages(settings.warehouse, urls))
        else:
            found = stored_pages(settings.warehouse, urls)
        stored = found.pages
        # A page fetched by a batch not committed yet is stored as far as this batch is concerned.
        wanted = set(urls) - found.known_urls
        stored |= {page.url: page for work in _in_flight() for page in work.fetched if page.url in wanted}
    # A URL whose stored fetch is already a committed document is skipped without reading its bytes.
    to_read = [ref for ref in refs if not (ref.kind == "url" and ref.path in found.known_urls)]
    with clock.timed("read"):
        batch_read = read_documents(
            to_read, settings.fetch, stored, settings.refresh, on_fetched=lambda: progress.report(fetched=1)
        )
    read = batch_read.documents
    timeline.mark("batch read", batch_id)
    # Known: the document's bytes became an article or a rejection. An input that could not be read
    # or fetched is known only within the run that rejected it (transforms.batches.RETRIED_STAGES): a later
    # run rejects, and counts, it again; this run does not write it twice (one input named twice).
    # A batch not committed yet counts: its documents will be known when this batch commits after it.
    with _warehouse_io(), clock.timed("lookups"):
        known = committed_doc_ids(settings.warehouse, [r.doc_id for r in read], this_run=run_id)
        known |= {doc_id for work in _in_flight() for doc_id in work.known_doc_ids()}
        known |= {rejection.doc_id for work in _in_flight() for rejection in work.rejections}
        known |= _failed_in_flight_doc_ids()
    _looked_up()
    todo, skipped = split_known([r for r in read if isinstance(r, RawDocument)], known)
    read_rejections, repeated = split_known([r for r in read if isinstance(r, Rejection)], known)
    skipped += repeated + len(refs) - len(to_read)

    work = transform_batch(
        todo, read_rejections, batch_read.fetched, len(refs), skipped, run_id, batch_id, settings, clock.total()
    )
    get_run_logger().info(
        "%s: %d documents read (%d fetched, %d from stored pages), %d skipped as known, transformed in %.1fs",
        batch_id,
        len(refs),
        len(batch_read.fetched),
        batch_read.from_store + len(refs) - len(to_read),
        skipped,
        time.perf_counter() - started,
    )
    return work


@task(name="reprocess-batch", cache_policy=NO_CACHE)
def reprocess_batch(urls: list[str], run_id: str, batch_id: str, settings: Settings) -> TransformedBatch:
    clock = Stopwatch()
    with _warehouse_io(), clock.timed("read"):  # the stored pages are what a reprocess reads
        pages = latest_raw_pages(settings.warehouse, urls)
    _looked_up()
    documents = [document_from_page(pages[url]) for url in urls if url in pages]
    return transform_batch(
        documents, [], [], len(documents), 0, run_id, batch_id, settings, clock.total(), purpose="reprocess"
    )


def transform_batch(
    todo: list[RawDocument],
    rejections: list[Rejection],
    fetched: list[RawPage],
    documents: int,
    skipped: int,
    run_id: str,
    batch_id: str,
    settings: Settings,
    seconds: StageSeconds,
    purpose: str = "ingest",
) -> TransformedBatch:
    """Run the documents through the workers: what the writer then clusters and commits."""
    work = TransformedBatch(run_id, batch_id, documents, skipped, [], rejections, fetched, purpose, seconds)
    if not (todo or rejections or fetched):  # every document known (a rerun): nothing to look up or write
        return work
    clock, workers = Stopwatch(), PhaseSeconds()
    boilerplate = settings.pipeline.boilerplate
    if not boilerplate.enabled:
        chrome: frozenset[str] = frozenset()
    elif _overlap is not None:  # read by the writer after the commit of the batch two before this one
        chrome = _overlap.chrome
    else:
        with clock.timed("lookups"):
            chrome = committed_site_chrome(settings.warehouse, boilerplate.min_stories)
    # A reprocess runs on purpose again what the warehouse has: committed analyses are what it replaces.
    earlier = None
    if purpose == "ingest":
        earlier = clock.timing("lookups", partial(earlier_or_in_flight, settings, work.borrowed))
    results = process_documents(
        todo,
        settings.pipeline,
        settings.workers,
        chrome,
        earlier,
        settings.time_limit_seconds,
        workers,
        settings.dask_address,
        settings.worker_documents,
    )
    return replace(work, results=results, seconds=seconds + clock.total(workers))


def earlier_or_in_flight(
    settings: Settings, borrowed: dict[tuple[str, str], tuple[str, list[Entity]]], text_hashes: Sequence[str]
) -> dict[tuple[str, str], Analysis]:
    """`earlier_analyses`, and those of the articles of batches not committed yet: an exact copy of a story
    in the batch just before takes its analysis as it would once that batch is committed (no entities:
    the original commits them), and `borrowed` notes where it came from."""
    wanted = set(text_hashes)
    with _warehouse_io():
        found = earlier_analyses(settings, text_hashes)
        in_flight = _in_flight()
    for work in in_flight:
        articles, _ = split_results(work.results)  # what that batch's commit writes as articles
        for document in articles:
            key = (document.article.text_hash, document.article.ner_model or "")
            if key[0] in wanted and document.article.ner_model and key not in found:
                found[key] = replace(analysis_of(document), entities=[])
                borrowed[key] = (work.batch_id, list(document.entities))
    return found


@task(name="commit-batch", cache_policy=NO_CACHE, **TRANSIENT_RETRIES)
def commit_transformed(work: TransformedBatch, settings: Settings, failed: frozenset[str]) -> BatchCounts:
    """Cluster and commit a transformed batch (the run's writer calls this, in batch order). `failed`: ids of
    earlier batches of the run whose commit failed for good: a copy that took an article of one takes its
    entities too."""
    if not (work.results or work.rejections or work.fetched):
        return BatchCounts(documents=work.documents, skipped=work.skipped, seconds=work.seconds)
    started = time.perf_counter()
    batch_id = attempt_batch_id(work.batch_id, "c")
    clock = Stopwatch()
    with clock.timed("dedup"):
        processed, more_rejections = split_results([_with_entities(r, work.borrowed, failed) for r in work.results])
        # The writer commits batches one at a time, in order, so each sees the copies every earlier batch committed.
        clustered = cluster_batch(settings.warehouse, processed, settings.pipeline.dedup)
    with clock.timed("commit"):
        counts = commit_batch(
            clustered,
            work.rejections + more_rejections,
            work.fetched,
            work.documents,
            work.run_id,
            batch_id,
            settings,
            work.purpose,
        )
    # Documents are counted one by one as they finish (flows/workers.py), and settled by the writer per batch.
    progress.report(articles=counts.articles, rejected=counts.rejections)
    get_run_logger().info(
        "%s: %d articles, %d rejected, committed in %.1fs",
        batch_id,
        counts.articles,
        counts.rejections,
        time.perf_counter() - started,
    )
    return replace(counts, skipped=work.skipped, seconds=work.seconds + clock.total())


def _with_entities(
    result: ProcessedDocument | Rejection,
    borrowed: dict[tuple[str, str], tuple[str, list[Entity]]],
    failed: frozenset[str],
) -> ProcessedDocument | Rejection:
    if not isinstance(result, ProcessedDocument):
        return result
    source = borrowed.get((result.article.text_hash, result.article.ner_model or ""))
    if source is None or source[0] not in failed:
        return result
    # The copy's own entities are only the towns its site's country moved (transforms.pipeline.copied_document).
    own = {entity.entity_id for entity in result.entities}
    return replace(result, entities=result.entities + [entity for entity in source[1] if entity.entity_id not in own])


def commit_batch(
    clustered: ClusteredBatch,
    rejections: list[Rejection],
    fetched: list[RawPage],
    documents: int,
    run_id: str,
    batch_id: str,
    settings: Settings,
    purpose: str,
) -> BatchCounts:
    """Append every row of the batch, then its marker."""
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
        marker = BatchCommit(
            batch_id=batch_id,
            documents=documents,
            articles=articles,
            rejections=rejected,
            committed_at=datetime.now(UTC),
            purpose=purpose,
        )
        append_rows(settings.warehouse, BATCHES, [marker], {"run_id": run_id})
    return BatchCounts(
        documents=documents,
        articles=articles,
        entity_mentions=mentions,
        figures=figures,
        rejections=rejected,
        committed=int(bool(articles or rejected or kept)),
    )


def earlier_analyses(settings: Settings, text_hashes: Sequence[str]) -> dict[tuple[str, str], Analysis]:
    """Committed analyses of these normalised texts by each configured model, by (text hash, model): an
    exact copy takes the one by the model that reads its language now."""
    return {
        (text_hash, model): Analysis(mentions=mentions, entities=[], figures=figures, ner_model=model)
        for model in settings.pipeline.entities.model_names()
        for text_hash, (mentions, figures) in committed_copies(settings.warehouse, text_hashes, model).items()
    }


@task(name="reject-batch", cache_policy=NO_CACHE)
def reject_batch(
    refs: list[DocumentRef], run_id: str, batch_id: str, error: BaseException, settings: Settings
) -> BatchCounts:
    """An ingest batch that failed for good: each of its new documents becomes a rejection, committed."""
    detail = f"{type(error).__name__}: {error}"[:1000]
    return commit_failed_batch([failed_document(ref, detail) for ref in refs], run_id, batch_id, detail, settings)


@task(name="reject-reprocess-batch", cache_policy=NO_CACHE)
def reject_reprocess_batch(
    urls: list[str], run_id: str, batch_id: str, error: BaseException, settings: Settings
) -> BatchCounts:
    """A reprocess batch that failed for good: its pages keep their earlier outcome, and the log says so.

    Its documents are all known, so, as in `reject_batch`, none becomes a rejection: a batch_failed row
    would hide the article the page made before (the newest outcome wins in the views).
    """
    detail = f"{type(error).__name__}: {error}"[:1000]
    pages = latest_raw_pages(settings.warehouse, urls)
    rejections = [
        Rejection(doc_id=page.doc_id, source=url, stage=Stage.PROCESS, reason=Reason.BATCH_FAILED, detail=detail)
        for url, page in pages.items()
    ]
    return commit_failed_batch(rejections, run_id, batch_id, detail, settings, purpose="reprocess")


def commit_failed_batch(
    rejections: list[Rejection], run_id: str, batch_id: str, detail: str, settings: Settings, purpose: str = "ingest"
) -> BatchCounts:
    """Commit the rejections of a failed batch's documents that are not known yet; log one error line."""
    known = committed_doc_ids(settings.warehouse, [r.doc_id for r in rejections])
    fresh = list({r.doc_id: r for r in rejections if r.doc_id not in known}.values())
    rejected = append_rows(settings.warehouse, REJECTIONS, fresh, {"run_id": run_id, "batch_id": batch_id})
    if rejected:
        marker = BatchCommit(
            batch_id=batch_id,
            documents=len(rejections),
            articles=0,
            rejections=rejected,
            committed_at=datetime.now(UTC),
            purpose=purpose,
        )
        append_rows(settings.warehouse, BATCHES, [marker], {"run_id": run_id})
    kept = len(rejections) - rejected
    get_run_logger().error(
        "%s failed (%s): its %d new documents are rejections %s/%s (the next run tries them again), "
        "%d known ones keep their earlier outcome; the run goes on",
        batch_id,
        detail,
        rejected,
        Stage.PROCESS,
        Reason.BATCH_FAILED,
        kept,
    )
    progress.report(rejected=rejected)
    return BatchCounts(documents=len(rejections), skipped=kept, rejections=rejected, committed=int(bool(rejected)))


def compact_tables_logged(settings: Settings) -> dict[str, tuple[int, int]]:
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


@task(name="publish-views", cache_policy=NO_CACHE)
def publish_run_end(settings: Settings, before_readers: Callable[[Path], bool]) -> str:
    """The run's one publish at its end: `before_readers` checks and records the run in the views written,
    which readers then see with the run's `runs` row (warehouse.views.publish)."""
    return str(publish(settings.warehouse, before_readers).path)


def update_search_index(settings: Settings) -> None:
    """Index the batches the views just published; a failure only warns (the next run or search catches up)."""
    from warehouse.search import update_index  # here: tantivy loads only for runs that index

    logger = get_run_logger()
    try:
        update = update_index(settings.warehouse, wait=False)
    except Exception as error:  # noqa: BLE001 - the batch is committed; the index is derived from it
        logger.warning("could not update the search index (%s); the next run or search catches up", error)
        return
    if update.busy:
        logger.info("search index busy (a search is catching it up); the next batch catches up")


@task(name="record-run", cache_policy=NO_CACHE)
def record_run(summary: RunSummary, settings: Settings) -> None:
    append_rows(settings.warehouse, RUNS, [summary])


def how_it_stopped(error: BaseException) -> tuple[str, str]:
    """The status and error of the `runs` row of a run that `error` ended.

    SIGTERM (systemctl stop, a Prefect cancellation) reaches the flow as Prefect's TerminationSignal,
    Ctrl-C (SIGINT) as KeyboardInterrupt: the run was stopped, not broken.
    """
    if isinstance(error, TerminationSignal):
        return "cancelled", f"stopped by {signal.Signals(error.signal).name}"
    if isinstance(error, KeyboardInterrupt):
        return "cancelled", "stopped by SIGINT"
    return "failed", error_line(error)


def record_run_end(summary: RunSummary, settings: Settings) -> None:
    """Record how a run ended and republish the views, so `runs` shows it at once.

    For a run that failed or was stopped: a failure to publish (perhaps what broke the run) only warns,
    so the original error is what propagates; the row is in the table either way.
    """
    record_run(summary, settings)
    try:
        publish_views_task(settings)
    except Exception as error:  # noqa: BLE001 - the runs row is written; the next run publishes
        get_run_logger().warning("could not republish the views after run %s ended: %s", summary.run_id, error)


@dataclass(frozen=True, slots=True)
class RunChecks:
    """The end of a run, read on one connection to the views: the failing SQL checks with their rows
    (None: they could not run), and the run's numbers (None then too: `read_run_report` reads them)."""

    failures: dict[str, int] | None
    readback: report.RunReadback | None = None


@task(name="run-checks", cache_policy=NO_CACHE)
def run_checks_task(settings: Settings, run_id: str, views: Path) -> RunChecks:
    """The SQL checks (warehouse/sql/checks) over the views database `views` (the run's end: written, not yet
    published): each failing one with its rows, and the run's numbers read back on the same connection (each
    connection allows every file the views read).

    Each failing check is logged as an error; `failures` is None when the checks could not run (a warning
    says why).
    """
    logger = get_run_logger()
    try:
        failures, readback = report.check_and_read_run(
            settings.warehouse,
            run_id,
            views=views,
            checked_rows=partial(checked_rows, settings.warehouse),
            archive_outcomes=partial(counted_outcomes, settings.warehouse),
        )
    except Exception as error:  # noqa: BLE001 - the run's data is committed; the check is what failed
        logger.warning("the SQL checks could not run (%s); the next run tries again", error)
        return RunChecks(None)
    for name, rows in failures.items():
        logger.error(
            "check %s failed: %d rows violate it (the query that finds them: warehouse/sql/checks/%s.sql)",
            name,
            rows,
            name,
        )
    return RunChecks(failures, readback)


def read_run_report(
    settings: Settings,
    run_id: str,
    sources: int,
    batches: int,
    total: BatchCounts,
    seconds: float,
    skipped_in_sources: dict[str, int] | None = None,
    checks: dict[str, int] | None = None,
    readback: report.RunReadback | None = None,
) -> RunReport:
    """What the run did, with its rejections and entities read back from the published views.

    `readback`: the run's numbers already read (`report.read_run`); otherwise they are read here.
    """
    numbers = readback or report.read_run(settings.warehouse, run_id)
    return RunReport(
        run_id=run_id,
        warehouse=str(settings.warehouse),
        sources=sources,
        batches=batches,
        counts=total,
        seconds=seconds,
        entities=numbers.entity_count,
        rejection_reasons=numbers.rejection_reasons,
        skipped_in_sources=skipped_in_sources or {},
        failed_checks=checks or {},
    )


_previous_sigterm: list[Any] = []


def _remember_sigterm() -> list[int]:
    """Note a SIGTERM, then let Prefect's handler (which raises TerminationSignal) do its part.

    The exception that handler raises can be swallowed when the signal lands inside a library's
    callback or finaliser; the note lets the run loop stop at the next batch boundary anyway. Only the
    main thread may set handlers; elsewhere the note stays empty and Prefect's handling is all there is.
    """
    seen: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        return seen
    previous = signal.getsignal(signal.SIGTERM)

    def note_then_pass_on(signum: int, frame: FrameType | None) -> None:
        seen.append(signum)
        if callable(previous):
            previous(signum, frame)

    _previous_sigterm[:] = [previous]
    signal.signal(signal.SIGTERM, note_then_pass_on)
    return seen


def _forget_sigterm() -> None:
    if _previous_sigterm and threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _previous_sigterm.pop())


@dataclass(frozen=True, slots=True)
class BatchesRun:
    """What `run_batches` did: the counts, how many batches, the SQL checks' failures (None: not run), and
    the run's numbers read back with them (None: not read)."""

    total: BatchCounts
    batches: int
    checks: dict[str, int] | None
    readback: report.RunReadback | None = None


@dataclass(slots=True)
class _Books:
    """What the writer has committed so far in a run, and when it last published the views."""

    published: float
    total: BatchCounts = field(default_factory=BatchCounts)
    unpublished: bool = False  # committed or compacted since the last publish
    failed: set[str] = field(default_factory=set)  # batches whose commit failed for good


def _chrome_now(settings: Settings) -> frozenset[str]:
    boilerplate = settings.pipeline.boilerplate
    return committed_site_chrome(settings.warehouse, boilerplate.min_stories) if boilerplate.enabled else frozenset()


def _write_batch(
    settings: Settings,
    run_id: str,
    reject: Callable[[list[Any], str, str, BaseException, Settings], BatchCounts],
    books: _Books,
    batches: int,
    index: int,
    handover: Handover,
) -> bool:
    """The writer's part of batch `index`: commit it (or reject it whole), count it, compact, publish.
    True when it committed something."""
    batch_id, batch, work = handover
    timeline.mark("commit start", batch_id)
    if isinstance(work, TransformedBatch):
        try:
            counts = commit_transformed(unwalked(work), settings, frozenset(books.failed))
        except Exception as error:  # noqa: BLE001 - the batch fails, not the run
            books.failed.add(work.batch_id)
            counts = reject(batch, run_id, f"{batch_id}-failed", error, settings)
    else:
        counts = reject(batch, run_id, f"{batch_id}-failed", work, settings)
    books.total = books.total + counts
    timeline.mark("committed", batch_id)
    progress.settle(read=books.total.documents)
    # Compact as the run goes (only tables past compact_min_files), and republish at a bounded
    # cadence: a publish lists every file, so one per batch would grow with the archive. The
    # search index reads the published views, so it catches up after each publish. A batch
    # of known documents changed nothing readers see, so it alone does not call for one.
    # Called here, not as Prefect tasks: a task run per batch for each (compaction, publish, search index)
    # cost the flow's event and log traffic and Prefect's server its recording, most of them for a
    # compaction that found nothing to merge; their seconds are the batch's `commit` and `publish` stages,
    # and what they do is logged (docs/benchmarks.md, round 12). The publish at the end of a run stays a task.
    # The run's end publishes after the last batch (run_batches, with its `runs` row), so the writer does not.
    clock, compacted = Stopwatch(), {}
    if counts.committed:  # only a commit adds files
        with clock.timed("commit"):
            compacted = compact_tables_logged(settings)
    books.unpublished = books.unpublished or bool(counts.committed)
    due = bool(compacted) or time.monotonic() - books.published >= settings.publish_every_seconds
    if books.unpublished and due and index < batches - 1:
        with clock.timed("publish"):
            publish_views(settings.warehouse)
            timeline.mark("published", batch_id)
            update_search_index(settings)
        timeline.mark("search index updated", batch_id)
        books.published, books.unpublished = time.monotonic(), False
    books.total = books.total + BatchCounts(seconds=clock.total())
    return bool(counts.committed)


def run_batches(
    settings: Settings,
    run_id: str,
    sources: int,
    list_items: Callable[[], Sequence[T]],
    process: Callable[[list[T], str, str, Settings], TransformedBatch],
    reject: Callable[[list[T], str, str, BaseException, Settings], BatchCounts],
) -> BatchesRun:
    """The run both flows make, while holding the warehouse: a `running` row, the batches in order (a
    batch that fails for good is handed to `reject` and the run goes on), progress, the SQL checks, and
    the `completed` row with their count. A run that fails or is stopped (SIGTERM, Ctrl-C) is recorded
    with its error, and the views republished, before the error propagates.

    Batches overlap: while the workers transform one batch, the run's one writer (flows/committer.py)
    clusters and commits the one before, compacts and publishes, strictly in batch order."""
    global _overlap
    started_at = datetime.now(UTC)
    batches: list[list[T]] = []
    books = _Books(published=time.monotonic())
    stop = _remember_sigterm()
    writer: OrderedWriter[Handover] | None = None
    timeline.mark("run start")
    try:
        # The workers load their model while the flow discovers and reads the first batch (`start_workers`).
        start_workers(
            settings.pipeline,
            settings.workers,
            settings.time_limit_seconds,
            settings.dask_address,
            settings.worker_documents,
        )
        items = list_items()
        timeline.mark("discovered", len(items))
        record_run(run_summary(run_id, started_at, "running", sources, BatchCounts(documents=len(items)), 0), settings)
        batches = list(chunked(items, settings.batch_size))
        logger = get_run_logger()
        progress.start(progress.Progress(total=len(items), log=lambda line: logger.info("progress: %s", line)))
        # The objects already here (modules, Prefect's and the libraries' state) leave the garbage collector's
        # walks for the run: a full collection walked them all, ~0.25 s of the flow's thread once a copies
        # run, while the workers waited for the batch's copy lookup (docs/benchmarks.md, round 25). Unfrozen
        # once the batches are done, so a process that runs flow after flow collects what each left behind.
        gc.freeze()
        try:
            write = partial(_write_batch, settings, run_id, reject, books, len(batches))
            writer = OrderedWriter(write, partial(_chrome_now, settings), len(batches))
            _overlap = _Overlap(writer)
            for index, batch in enumerate(batches):
                batch_id = batch_id_of(run_id, index)
                _overlap.index, _overlap.chrome = index, writer.chrome_for(index)  # waits for batch index - 2
                work: TransformedBatch | BaseException
                try:
                    work = process(batch, run_id, batch_id, settings)
                except Exception as error:  # noqa: BLE001 - the batch fails, not the run
                    work = error
                writer.submit(index, (batch_id, batch, work))
                if stop:  # Prefect's TerminationSignal was lost inside a library: stop here all the same
                    raise TerminationSignal(stop[0])
            # No batch comes after the last: the writer may commit it while the workers are ended.
            writer.looked_up(len(batches))
            shutdown_workers()
            timeline.mark("workers shut down")
            writer.finish(len(batches) - 1)
            timeline.mark("last batch committed")
        finally:
            if writer is not None:
                writer.stop()  # what it is writing is finished; what is queued is dropped
            _overlap = None
            progress.current_finish()
            shutdown_workers()
            _forget_sigterm()
            gc.unfreeze()
    except BaseException as error:
        # Also SIGTERM (Prefect's TerminationSignal) and Ctrl-C: the row is written and the views show it
        # before the lock is released (run_holding_warehouse) and Prefect ends the process. The workers started
        # before discovery are ended here when discovery failed (the batches' own `finally` had not begun): a
        # caller of the flow that goes on, or exits, must not wait on a live pool.
        shutdown_workers()
        status, reason = how_it_stopped(error)
        ended = run_summary(
            run_id, started_at, status, sources, books.total, len(batches), finished_at=datetime.now(UTC), error=reason
        )
        # A signal may have cut the wait for the writer short: its lock waits for the batch it is writing.
        with writer.lock if writer is not None else nullcontext():
            record_run_end(ended, settings)
        raise
    total = books.total
    recorded: list[tuple[RunChecks, RunSummary]] = []

    def check_then_record(views: Path) -> bool:
        """The SQL checks over the views of every batch the run committed, the `completed` row with their count,
        and the final compaction (the `runs` table's files too): before readers see the views, which then show
        the row. A kill before the row leaves the `running` row, which the next run marks crashed; after it, the
        views of the run before, which the next run's publish brings up to date."""
        timeline.mark("views written")
        checked = run_checks_task(settings, run_id, views)
        timeline.mark("checked")
        violations = None if checked.failures is None else sum(checked.failures.values())
        completed = run_summary(
            run_id,
            started_at,
            "completed",
            sources,
            total,
            len(batches),
            finished_at=datetime.now(UTC),
            check_violations=violations,
        )
        record_run(completed, settings)
        recorded.append((checked, completed))
        timeline.mark("run recorded")
        compact_tables_logged(settings)
        timeline.mark("compacted")
        return True

    try:
        publish_run_end(settings, check_then_record)
    except BaseException as error:
        if recorded:  # the run is recorded completed; what failed is showing it (the next publish does)
            raise
        status, reason = how_it_stopped(error)
        failed = run_summary(
            run_id, started_at, status, sources, total, len(batches), finished_at=datetime.now(UTC), error=reason
        )
        record_run_end(failed, settings)
        raise
    timeline.mark("views published")
    update_search_index(settings)
    timeline.mark("search index updated")
    [(checked, completed)] = recorded
    checks, readback = checked.failures, checked.readback
    # The night's numbers as an artifact, and the HTML report if asked.
    publish_run_report(completed, settings, None if readback is None else readback.rejection_reasons)
    timeline.mark("batches run")
    return BatchesRun(total=total, batches=len(batches), checks=checks, readback=readback)
