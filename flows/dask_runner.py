"""The NLP of batches on a Dask cluster, through Prefect's Dask integration (prefect-dask).

Only the work of `flows/workers.py` moves: reading and fetching stay in the flow, and so does all of
committing (duplicate clustering, site chrome, Delta appends, views), one ordered writer on the machine
that holds the warehouse. A batch goes through the same two phases as with the local pool
(`workers._process_with`): its documents, in chunks, are Prefect tasks on a `DaskTaskRunner`; the
results come back in order; the lookup of committed copies runs here, between the phases, so exact
copies skip the NLP as they do locally. Each Dask worker process loads the model once (in itself, or with
a time limit in its one child process below; kept while the options stay the same) and runs one chunk
at a time.

A Dask worker lost mid-task (killed, out of memory, its machine gone): the scheduler runs its chunk again
on another worker (Dask's own retry, `distributed.scheduler.allowed-failures`, default 3), and the batch
goes on under its batch id; only that chunk is done twice, and its results are used once. Dask's retry
rather than a Prefect retry of the chunk's task: the task engine ran inside the lost process, so
nothing there can see the failure; the scheduler does, and it already knows which chunks were on that
worker. When the scheduler gives up on a chunk (it killed allowed-failures + 1 workers: a document that
crashes whatever runs it), the batch fails with BrokenProcessPool like a dead local worker and the batch
task is retried (flows/failures.py), then its documents are rejected: never lost.

The per-document time limit (`time_limit_seconds`) holds as with the local pool: a running Dask task
cannot be interrupted, so with a limit each Dask worker process runs its chunks through a pool of one
child process of its own (flows/workers._Pool, kept from chunk to chunk), which it kills and replaces
when a document is past its deadline; the document becomes `process/timeout` and the chunk goes on.
The Dask worker process must therefore not be daemonic (a daemonic process may not start children):
a LocalCluster here is started so (the setting holds while the runner lives, then is restored), and
`dask worker` needs DASK_DISTRIBUTED__WORKER__DAEMON=False (docs/operations.md); a run with a limit
refuses daemonic workers with a message saying so.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable, Collection, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from contextlib import AbstractContextManager, nullcontext
from typing import Any

import dask
import distributed
from prefect import task
from prefect.cache_policies import NO_CACHE
from prefect.settings import PREFECT_API_URL, temporary_settings
from prefect_dask import DaskTaskRunner

from flows.workers import Steps, _InProcess, _nothing, _Pool, _Runner
from transforms.options import PipelineOptions

# Seconds to wait for the first worker of a running scheduler before the batch fails with a message.
WORKER_WAIT_SECONDS = 120


def local_cluster_size(address: str, workers: int) -> int | None:
    """Worker processes of a LocalCluster (`local`: `workers`, `local:N`: N); None for a scheduler's address."""
    name, _, size = address.partition(":")
    if name != "local":
        return None
    return int(size) if size else workers


def task_runner_for(address: str, workers: int) -> DaskTaskRunner:
    size = local_cluster_size(address, workers)
    if size is None:
        return DaskTaskRunner(address=address)
    # One thread per worker process: spaCy holds the GIL, so processes are what run in parallel.
    # No dashboard: nobody watches a cluster that lives for one run. The scheduler still serves its HTTP
    # routes (health, metrics), on 8787 unless told otherwise: on a free port, so two clusters at once
    # (tests under xdist, two runs) do not warn that 8787 is in use.
    return DaskTaskRunner(
        cluster_class="distributed.LocalCluster",
        cluster_kwargs={
            "n_workers": size,
            "threads_per_worker": 1,
            "processes": True,
            "dashboard_address": None,
            "scheduler_kwargs": {"dashboard_address": ":0"},
        },
    )


# --- on a Dask worker --------------------------------------------------------------------------------

# A worker started with several threads still runs one chunk at a time: the model and the chunk's site
# chrome are per process (flows/workers.py), and the GIL would serialise them anyway.
_one_chunk_at_a_time = threading.Lock()


@task(name="nlp-chunk", cache_policy=NO_CACHE, persist_result=False)
def run_chunk(
    step: str,
    items: list[tuple[int, Any]],
    options: PipelineOptions,
    steps: Steps,
    chrome: Collection[str],
    time_limit: float = 0.0,
) -> list[tuple[int, Any, float]]:
    """One chunk of a batch's phase (`prepare` or `analyse`): (position, result, seconds) for each item,
    TIMED_OUT in place of the result of a document past `time_limit`."""
    # The task's function travels by value (Prefect wraps it), so it names only what travels by name.
    return run_chunk_here(step, items, options, steps, chrome, time_limit)


def run_chunk_here(
    step: str,
    items: list[tuple[int, Any]],
    options: PipelineOptions,
    steps: Steps,
    chrome: Collection[str],
    time_limit: float = 0.0,
) -> list[tuple[int, Any, float]]:
    with _one_chunk_at_a_time:
        worker = _runner_here(options, steps, time_limit)  # the model loads on this process's first chunk only
        try:
            done = list(worker.run(step, [item for _, item in items], len(items) or 1, chrome))
        except BaseException:  # its child died on its own: the next chunk starts a fresh one
            _close_runner_here()
            raise
        return [(items[index][0], result, seconds) for index, result, seconds in done]


_here: tuple[tuple, _Runner] | None = None  # this Dask worker process's runner, by what it was made for


def _runner_here(options: PipelineOptions, steps: Steps, time_limit: float) -> _Runner:
    """Without a limit, the chunk runs in this process; with one, in a killable child process (a pool of one)."""
    global _here
    if not time_limit:
        return _InProcess(options, steps)
    key = (options, steps, time_limit)
    if _here is None or _here[0] != key:
        _close_runner_here()
        if multiprocessing.current_process().daemon:
            raise RuntimeError(daemonic_workers_message("this Dask worker"))
        _here = key, _Pool(options, 1, steps, time_limit)
    return _here[1]


def _close_runner_here() -> None:
    global _here
    if _here is not None:
        _here[1].close()
        _here = None


def daemonic_workers_message(where: str) -> str:
    return (
        f"{where} is a daemonic process, which cannot start the child process that enforces "
        "time_limit_seconds; start workers with DASK_DISTRIBUTED__WORKER__DAEMON=False (docs/operations.md), "
        "or set time_limit_seconds = 0"
    )


def is_daemonic() -> bool:
    """On each worker (client.run): True when it cannot start the killable child process a limit needs."""
    return bool(multiprocessing.current_process().daemon)


# --- in the flow -------------------------------------------------------------------------------------


class DaskRunner(_Runner):
    """The chunks of a phase as Prefect tasks on a DaskTaskRunner, their results yielded in order."""

    def __init__(
        self, address: str, workers: int, options: PipelineOptions, steps: Steps, time_limit: float = 0.0
    ) -> None:
        self.address, self.options, self.steps, self.time_limit = address, options, steps, time_limit
        # A LocalCluster's nannies read the daemon setting from the global Dask config (distributed has no
        # keyword for it) each time they start a worker, a lost one's replacement too, later in the run: so
        # it holds while this runner lives, and close() gives the process back the value it had.
        self._daemon_setting: AbstractContextManager[Any] = nullcontext()
        if local_cluster_size(address, workers) is not None:
            self._daemon_setting = dask.config.set({"distributed.worker.daemon": False})
        try:
            self.task_runner = task_runner_for(address, workers).__enter__()
        except BaseException:
            self._daemon_setting.__exit__(None, None, None)
            raise
        try:
            client = self.task_runner.client  # starts the LocalCluster or connects to the scheduler
            expected = local_cluster_size(address, workers) or 1
            try:
                client.wait_for_workers(expected, timeout=WORKER_WAIT_SECONDS)
            except TimeoutError:
                raise RuntimeError(
                    f"no Dask worker joined the scheduler at {address} within {WORKER_WAIT_SECONDS} s; "
                    f"start some with `dask worker {address}` (see docs/operations.md)"
                ) from None
            if time_limit and any(client.run(is_daemonic).values()):
                raise RuntimeError(daemonic_workers_message(f"a Dask worker of {address}"))
            # Enough chunks to keep every worker thread busy to the end (workers._chunk).
            self.size = max(1, sum(client.nthreads().values()))
        except BaseException:
            self.close()
            raise

    def run(
        self,
        step: str,
        items: list[Any],
        chunk: int,
        chrome: Collection[str],
        meanwhile: Callable[[], None] = _nothing,
        sizes: Sequence[int] | None = None,  # Dask schedules its futures itself
    ) -> Iterator[tuple[int, Any, float]]:
        numbered = list(enumerate(items))
        with _prefect_api_for_workers():  # the context each task carries names the run's Prefect API
            futures = [
                self.task_runner.submit(
                    run_chunk,
                    parameters={
                        "step": step,
                        "items": numbered[start : start + chunk],
                        "options": self.options,
                        "steps": self.steps,
                        "chrome": chrome,
                        "time_limit": self.time_limit,
                    },
                )
                for start in range(0, len(items), chunk)
            ]
        try:
            meanwhile()  # the chunks are submitted
            for future in futures:
                yield from future.result()
        except (distributed.KilledWorker, distributed.comm.CommClosedError) as error:
            raise BrokenProcessPool(
                f"a Dask worker was lost while working on a batch ({type(error).__name__}: {error}); "
                "the batch is tried again"
            ) from error
        finally:
            for future in futures:  # a failed phase: what is still queued is nobody's work any more
                future.wrapped_future.cancel()

    def close(self) -> None:
        try:
            self.task_runner.__exit__(None, None, None)  # the cluster and its nannies stop here
        finally:
            self._daemon_setting.__exit__(None, None, None)
            self._daemon_setting = nullcontext()  # once only: a second close must not restore it again


def _prefect_api_for_workers() -> AbstractContextManager[Any]:
    """Without PREFECT_API_URL the run talks to Prefect's temporary server, which each task's context would
    not name, and a Dask worker would start a server of its own: name the run's one instead."""
    if PREFECT_API_URL.value():
        return nullcontext()
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()  # the one this process started (one per port; None: the default)
    if server.server_process is None:
        return nullcontext()
    return temporary_settings(updates={PREFECT_API_URL: server.api_url})
