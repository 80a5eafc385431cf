"""Before a run does any work: close the books of runs that were killed, and sweep what they left."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import replace
from datetime import UTC, datetime
from typing import TypeVar, cast

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.states import Failed

from flows.settings import Settings
from warehouse.lock import LockHolder, WarehouseBusy, hold_warehouse, remove_stale_temporaries
from warehouse.lookups import unfinished_runs
from warehouse.schemas import RUNS
from warehouse.store import append_rows, settle_table_properties
from warehouse.version import WarehouseTooNew, claim_for_writing
from warehouse.views import publish_views

T = TypeVar("T")


def mark_crashed_in_prefect(run_ids: list[str], message: str) -> list[str]:
    """Flow runs Prefect still thinks are running become Crashed; returns those changed.

    Best effort: without a reachable API (or for run ids that are not flow runs) nothing changes.
    """
    from prefect.client.orchestration import get_client
    from prefect.exceptions import ObjectNotFound
    from prefect.states import Crashed

    changed: list[str] = []
    if not run_ids:
        return changed
    with get_client(sync_client=True) as client:
        for run_id in run_ids:
            try:
                flow_run_id = uuid.UUID(run_id)
            except ValueError:
                continue
            try:
                flow_run = client.read_flow_run(flow_run_id)
            except ObjectNotFound:
                continue
            if flow_run.state is not None and not flow_run.state.is_final():
                client.set_flow_run_state(flow_run_id, Crashed(message=message), force=True)
                changed.append(run_id)
    return changed


@task(name="recover-crashed-runs", cache_policy=NO_CACHE)
def recover_crashed_runs(settings: Settings, run_id: str, previous: LockHolder | None) -> list[str]:
    """Mark runs that were cut short as crashed (runs row and Prefect); remove their temporary files.

    Called while holding the warehouse lock, so none of those runs can still be alive.
    """
    logger = get_run_logger()
    for path in remove_stale_temporaries(settings.warehouse):
        logger.info("removed %s, left by a run that was killed while publishing views", path.name)
    also = [previous.run_id] if previous is not None else []
    cut_short = [r for r in unfinished_runs(settings.warehouse, also) if r.run_id != run_id]
    crashed = [r.run_id for r in cut_short]
    if cut_short:
        now = datetime.now(UTC)
        since = datetime.fromisoformat(previous.since) if previous is not None else now
        error = f"process stopped without finishing (killed, or the machine went down); found by run {run_id}"
        append_rows(
            settings.warehouse,
            RUNS,
            [
                replace(r, status="crashed", finished_at=now, started_at=r.started_at or since, error=error)
                for r in cut_short
            ],
        )
        try:
            # `runs` shows them crashed now, not only once this run's first batch publishes.
            publish_views(settings.warehouse)
        except Exception as error:  # noqa: BLE001 - the rows are written; this run publishes after its batches
            logger.warning("could not republish the views after marking runs crashed: %s", error)
        logger.warning(
            "runs %s stopped without finishing (killed or crashed); marked crashed. Their committed "
            "batches are kept and this run does the rest",
            ", ".join(crashed),
        )
    # The previous holder died, yet its row is final: it was killed after recording its end (completed or
    # failed) and before Prefect heard of it. Its row stands; Prefect, which still shows it running, is told.
    ended = [previous.run_id] if previous is not None and previous.run_id not in (*crashed, run_id) else []
    try:
        mark_crashed_in_prefect(crashed, f"process stopped without finishing; found by run {run_id}")
        for changed in mark_crashed_in_prefect(
            ended, f"process stopped after recording its end in the warehouse; found by run {run_id}"
        ):
            logger.warning("run %s was killed after recording its end; marked crashed in Prefect", changed)
    except Exception as error:  # noqa: BLE001 - the warehouse is already right; Prefect is a courtesy
        logger.warning("could not mark runs crashed in Prefect: %s", error)
    return crashed


def run_holding_warehouse(settings: Settings, run_id: str, body: Callable[[], T]) -> T:
    """Run `body` as the warehouse's one writer, after closing the books of runs that were killed.

    Another live run holding it: wait `lock_wait_seconds`, then end this flow run Failed with one
    clear line (a state, not a raise: no traceback); a direct caller gets WarehouseBusy raised.
    A warehouse written by a newer schema version ends it the same way, before anything is written
    (WarehouseTooNew); an older one is stamped with this newsetl's version, and its tables are given the
    properties new tables are created with (store.settle_table_properties).
    """
    with ExitStack() as stack:
        try:
            previous = stack.enter_context(hold_warehouse(settings.warehouse, run_id, settings.lock_wait_seconds))
            claim_for_writing(settings.warehouse)
        except (WarehouseBusy, WarehouseTooNew) as refusal:
            get_run_logger().error("%s", refusal)
            # The flow returns this state and ends in it; whoever called the flow gets the refusal
            # raised, never the state, so to every caller the flow gives a T or raises.
            return cast(T, Failed(message=str(refusal), data=refusal))
        recover_crashed_runs(settings, run_id, previous)
        settled = settle_table_properties(settings.warehouse)
        if settled:
            get_run_logger().info("tables given statistics of batch_id alone: %s", ", ".join(settled))
        return body()
