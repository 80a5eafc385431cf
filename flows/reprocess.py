"""The `reprocess` flow: extract the stored raw pages again, without the network.

After an extractor or model upgrade the derived rows of every stored page are written again in
new batches; the views show the newest committed version of each article (mentions and figures
follow it) and the newest outcome of each document in `rejections`, so nothing is doubled.
The tasks of a batch are in flows/batch.py, shared with `ingest`.
"""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime

from prefect import flow
from prefect.runtime import flow_run

from flows.batch import list_raw_pages, publish_views_task, read_run_report, record_run, reprocess_batch
from flows.recovery import run_holding_warehouse
from flows.settings import Settings, load_settings
from flows.workers import shutdown_workers
from transforms.batches import BatchCounts, RunReport, chunked, run_summary


@flow(name="reprocess", description="Re-extract stored raw pages into new article rows, without fetching.")
def reprocess(warehouse: str | None = None, batch_size: int | None = None, workers: int | None = None) -> RunReport:
    settings = load_settings(warehouse=warehouse, batch_size=batch_size, workers=workers)
    run_id = flow_run.get_id() or str(uuid.uuid4())
    return run_holding_warehouse(settings, run_id, lambda: reprocess_locked(settings, run_id))


def reprocess_locked(settings: Settings, run_id: str) -> RunReport:
    started_at = datetime.now(UTC)
    started = time.perf_counter()
    urls = list_raw_pages(settings)
    total = BatchCounts()
    batches = list(chunked(urls, settings.batch_size))
    try:
        for index, batch in enumerate(batches):
            total = total + reprocess_batch(batch, run_id, f"{run_id}-{index:05d}", settings)
            publish_views_task(settings)
    finally:
        shutdown_workers()
    # No sources and nothing skipped: every stored page is extracted again.
    record_run(
        run_summary(run_id, started_at, "completed", 0, total, len(batches), finished_at=datetime.now(UTC)),
        settings,
    )
    publish_views_task(settings)
    return read_run_report(settings, run_id, 0, len(batches), total, time.perf_counter() - started)
