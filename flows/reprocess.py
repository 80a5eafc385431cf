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

from prefect import flow, get_run_logger
from prefect.runtime import flow_run

from flows import progress
from flows.batch import (
    how_it_stopped,
    list_raw_pages,
    publish_views_task,
    read_run_report,
    record_run,
    record_run_end,
    reject_reprocess_batch,
    reprocess_batch,
    run_checks_task,
)
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
    """As `ingest_locked`: a running row first, each failed batch rejected and the run going on, and
    a failed or stopped run recorded (with its error) before it propagates."""
    started_at = datetime.now(UTC)
    started = time.perf_counter()
    total = BatchCounts()
    batches: list[list[str]] = []
    # No sources and nothing skipped: every stored page is extracted again.
    try:
        urls = list_raw_pages(settings)
        record_run(run_summary(run_id, started_at, "running", 0, BatchCounts(documents=len(urls)), 0), settings)
        batches = list(chunked(urls, settings.batch_size))
        logger = get_run_logger()
        progress.start(progress.Progress(total=len(urls), log=lambda line: logger.info("progress: %s", line)))
        try:
            for index, batch in enumerate(batches):
                batch_id = f"{run_id}-{index:05d}"
                try:
                    counts = reprocess_batch(batch, run_id, batch_id, settings)
                except Exception as error:  # noqa: BLE001 - the batch fails, not the run
                    counts = reject_reprocess_batch(batch, run_id, f"{batch_id}-failed", error, settings)
                total = total + counts
                progress.settle(read=total.documents)
                publish_views_task(settings)
        finally:
            progress.current_finish()
            shutdown_workers()
    except BaseException as error:
        status, reason = how_it_stopped(error)
        record_run_end(
            run_summary(
                run_id, started_at, status, 0, total, len(batches), finished_at=datetime.now(UTC), error=reason
            ),
            settings,
        )
        raise
    checks = run_checks_task(settings)
    record_run(
        run_summary(
            run_id,
            started_at,
            "completed",
            0,
            total,
            len(batches),
            finished_at=datetime.now(UTC),
            check_violations=None if checks is None else sum(checks.values()),
        ),
        settings,
    )
    publish_views_task(settings)
    return read_run_report(settings, run_id, 0, len(batches), total, time.perf_counter() - started, checks=checks)
