"""The `reprocess` flow: extract the stored raw pages again, without the network.

After an extractor or model upgrade the derived rows of every stored page are written again in
new batches; the views show the newest committed version of each article (mentions and figures
follow it) and the newest outcome of each document in `rejections`, so nothing is doubled.
"""

from __future__ import annotations

import time
import uuid
from datetime import datetime, timezone

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from flows.ingest import BatchCounts, RunReport, publish_views_task, record_run, transform_and_commit
from flows.recovery import run_holding_warehouse
from flows.settings import Settings, load_settings
from flows.workers import shutdown_workers
from transforms.records import RunSummary
from warehouse import report
from warehouse.sources import document_from_page
from warehouse.store import ensure_tables, latest_raw_pages, raw_page_urls


@task(name="list-raw-pages", cache_policy=NO_CACHE)
def list_raw_pages(settings: Settings) -> list[str]:
    ensure_tables(settings.warehouse)
    return raw_page_urls(settings.warehouse)


@task(name="reprocess-batch", cache_policy=NO_CACHE)
def reprocess_batch(urls: list[str], run_id: str, batch_id: str, settings: Settings) -> BatchCounts:
    started = time.perf_counter()
    pages = latest_raw_pages(settings.warehouse, urls)
    documents = [document_from_page(pages[url]) for url in urls if url in pages]
    counts = transform_and_commit(documents, [], [], len(documents), 0, run_id, batch_id, settings,
                                  purpose="reprocess")
    get_run_logger().info("%s: %d stored pages, %d articles, %d rejected in %.1fs", batch_id, len(documents),
                          counts.articles, counts.rejections, time.perf_counter() - started)
    return counts


@flow(name="reprocess", description="Re-extract stored raw pages into new article rows, without fetching.")
def reprocess(warehouse: str | None = None, batch_size: int | None = None,
              workers: int | None = None) -> RunReport:
    settings = load_settings(warehouse=warehouse, batch_size=batch_size, workers=workers)
    run_id = flow_run.get_id() or str(uuid.uuid4())
    return run_holding_warehouse(settings, run_id, lambda: reprocess_locked(settings, run_id))


def reprocess_locked(settings: Settings, run_id: str) -> RunReport:
    started_at = datetime.now(timezone.utc)
    started = time.perf_counter()
    urls = list_raw_pages(settings)
    total = BatchCounts()
    batches = [urls[i:i + settings.batch_size] for i in range(0, len(urls), settings.batch_size)]
    try:
        for index, batch in enumerate(batches):
            total = total + reprocess_batch(batch, run_id, f"{run_id}-{index:05d}", settings)
            publish_views_task(settings)
    finally:
        shutdown_workers()
    record_run(RunSummary(run_id=run_id, started_at=started_at, finished_at=datetime.now(timezone.utc),
                          status="completed", sources=0, documents_seen=total.documents, documents_skipped=0,
                          articles=total.articles, entity_mentions=total.entity_mentions, figures=total.figures,
                          rejections=total.rejections, batches=len(batches)), settings)
    publish_views_task(settings)
    return RunReport(run_id=run_id, warehouse=str(settings.warehouse), sources=0, batches=len(batches),
                     counts=total, seconds=time.perf_counter() - started,
                     entities=report.entity_count(settings.warehouse, run_id),
                     rejection_reasons=report.rejection_reasons(settings.warehouse, run_id))
