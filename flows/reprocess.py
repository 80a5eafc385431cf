"""The `reprocess` flow: extract the stored raw pages again, without the network.

After an extractor or model upgrade the derived rows of every stored page are written again in
new batches; the views show the newest committed version of each article (mentions and figures
follow it) and the newest outcome of each document in `rejections`, so nothing is doubled.
The tasks of a batch are in flows/batch.py, shared with `ingest`.
"""

from __future__ import annotations

import time
import uuid

from prefect import flow
from prefect.runtime import flow_run

from flows.batch import (
    list_raw_pages,
    read_run_report,
    reject_reprocess_batch,
    reprocess_batch,
    run_batches,
)
from flows.recovery import run_holding_warehouse
from flows.settings import Settings, load_settings
from transforms.batches import RunReport


@flow(name="reprocess", description="Re-extract stored raw pages into new article rows, without fetching.")
def reprocess(warehouse: str | None = None, batch_size: int | None = None, workers: int | None = None) -> RunReport:
    settings = load_settings(warehouse=warehouse, batch_size=batch_size, workers=workers)
    run_id = flow_run.get_id() or str(uuid.uuid4())
    return run_holding_warehouse(settings, run_id, lambda: reprocess_locked(settings, run_id))


def reprocess_locked(settings: Settings, run_id: str) -> RunReport:
    """As `ingest_locked`, over the stored pages: no sources, nothing skipped as known."""
    started = time.perf_counter()
    done = run_batches(settings, run_id, 0, lambda: list_raw_pages(settings), reprocess_batch, reject_reprocess_batch)
    seconds = time.perf_counter() - started
    return read_run_report(settings, run_id, 0, done.batches, done.total, seconds, checks=done.checks)
