"""The `ingest` flow: discover documents, process them in batches, commit, publish views.

The tasks of a batch are in flows/batch.py, shared with `reprocess`.
"""

from __future__ import annotations

import time
import uuid

from prefect import flow
from prefect.artifacts import create_table_artifact
from prefect.runtime import flow_run

from flows import timeline
from flows.batch import (
    discover_task,
    process_batch,
    read_run_report,
    reject_batch,
    run_batches,
)
from flows.recovery import run_holding_warehouse
from flows.settings import Settings, load_settings
from transforms.batches import WORKER_STAGES, RunReport, extracted
from warehouse import report
from warehouse.options import FetchOptions
from warehouse.sources import DocumentRef


def publish_artifact(run_report: RunReport, readback: report.RunReadback) -> None:
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
    rows += [
        {"stage": stage, "what": f"rejected: {reason}", "count": n} for stage, reason, n in run_report.rejection_reasons
    ]
    rows += [
        {"stage": "discover", "what": f"not a document: {what}", "count": n}
        for what, n in run_report.skipped_in_sources.items()
    ]
    rate = counts.documents / run_report.seconds if run_report.seconds else 0.0
    rows.append({"stage": "run", "what": "batches", "count": run_report.batches})
    rows.append({"stage": "run", "what": "seconds", "count": round(run_report.seconds, 1)})
    rows.append({"stage": "run", "what": "documents per second", "count": round(rate, 2)})
    # Where the time went; extract_clean and nlp are the workers' time summed over workers, not wall time.
    rows += [
        {
            "stage": stage,
            "what": "seconds, summed over workers" if stage in WORKER_STAGES else "seconds",
            "count": round(n, 4),
        }
        for stage, n in counts.seconds.by_stage().items()
    ]
    rows += [{"stage": "check", "what": f"failed: {name}", "count": n} for name, n in run_report.failed_checks.items()]
    rows += [
        {"stage": "top entity", "what": f"{name} ({label})", "count": n} for name, label, n in readback.top_entities
    ]
    rows += [
        {"stage": "top figure", "what": f"{surface} [{kind}] {obj or ''}".strip(), "count": 1}
        for surface, obj, kind in readback.top_figures
    ]
    create_table_artifact(key="ingest-summary", table=rows, description=f"newsetl run {run_report.run_id}")


@flow(name="ingest", description="Ingest news documents into the newsetl warehouse.")
def ingest(
    sources: list[str] | None = None,
    warehouse: str | None = None,
    batch_size: int | None = None,
    workers: int | None = None,
    fetch: FetchOptions | None = None,
    refresh: bool = False,
    lock_wait_seconds: float | None = None,
) -> RunReport:
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
    settings = load_settings(
        sources=sources,
        warehouse=warehouse,
        batch_size=batch_size,
        workers=workers,
        fetch=fetch,
        refresh=refresh or None,
        lock_wait_seconds=lock_wait_seconds,
    )
    timeline.mark("flow start")
    run_id = flow_run.get_id() or str(uuid.uuid4())
    # One writer per warehouse; a second run waits (lock_wait_seconds) or stops with who holds it.
    return run_holding_warehouse(settings, run_id, lambda: ingest_locked(settings, run_id))


def ingest_locked(settings: Settings, run_id: str) -> RunReport:
    """The run itself, while holding the warehouse; a failure is recorded in `runs` before it propagates."""
    started = time.perf_counter()
    skipped_in_sources: dict[str, int] = {}

    def discover() -> list[DocumentRef]:
        discovery = discover_task(settings)
        skipped_in_sources.update(sorted(discovery.skipped.items()))
        return discovery.refs

    # The views are published, with the run's `runs` row, compacted tables and search index (run_batches).
    done = run_batches(settings, run_id, len(settings.sources), discover, process_batch, reject_batch)
    # The run's numbers were read with the SQL checks, on one connection to the views (each connection
    # allows every file the views read); read here only when the checks could not run.
    readback = done.readback or report.read_run(settings.warehouse, run_id)
    run_report = read_run_report(
        settings,
        run_id,
        len(settings.sources),
        done.batches,
        done.total,
        time.perf_counter() - started,
        skipped_in_sources=skipped_in_sources,
        checks=done.checks,
        readback=readback,
    )
    publish_artifact(run_report, readback)
    timeline.mark("flow done")
    return run_report
