"""The NLP on a running Dask cluster (flows/dask_runner.py): a Dask worker lost mid-run costs a retry of
its chunk, never a document, and a document past the time limit on a Dask worker becomes one
`process/timeout` while the batch lands. (tests/test_dask.py: the LocalCluster against the process pool.)"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Iterator, Sequence
from functools import partial
from pathlib import Path

import dask
import distributed
import pytest

import flows.batch as batch_module
from flows import workers
from flows.dask_runner import run_chunk_here
from flows.ingest import ingest
from tests.conftest import sql
from tests.test_workers import NEVER_FINISHES, distinct_raws, stuck_prepare, with_steps
from tests.worker_threads import threads_reporting_prepare
from transforms.entities import NerModels
from transforms.options import PipelineOptions
from transforms.pipeline import PreparedDocument, ProcessedDocument, analyse_documents
from transforms.records import Rejection
from warehouse.query import failed_checks

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
# No dashboard, and the scheduler's HTTP routes on a free port rather than 8787 (as flows/dask_runner.py).
NO_DASHBOARD: dict = {"dashboard_address": None, "scheduler_kwargs": {"dashboard_address": ":0"}}


@pytest.fixture(scope="module")
def cluster() -> Iterator[distributed.Client]:
    """A scheduler and two worker processes (with nannies, as `dask worker` starts them), shared by the
    tests that pass its address as a remote cluster's. Not daemonic, as docs/operations.md asks for a
    time limit; set for the module's life, since a nanny reads it again when it restarts a killed worker."""
    with (
        dask.config.set({"distributed.worker.daemon": False}),
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, **NO_DASHBOARD) as local,
        distributed.Client(local) as client,
    ):
        yield client


def blocking_analyse(
    marks: Path, prepared: Sequence[PreparedDocument], nlp: NerModels, options: PipelineOptions
) -> Iterator[ProcessedDocument]:
    """The real NLP, except that the first chunk to get here tells the test which Dask worker process
    runs it (through a FIFO the test reads) and then waits for that process to die. Module level, so a
    Dask worker imports it by name."""
    try:
        os.close(os.open(marks / "claimed", os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:  # not the first: the retry of the killed chunk, or another chunk
        return analyse_documents(prepared, nlp, options)
    # With a time limit, the NLP runs in a child process of the Dask worker (flows/dask_runner.py).
    in_child = multiprocessing.current_process().name == "newsetl-worker"
    dask_worker = os.getppid() if in_child else os.getpid()
    (marks / "chunk").write_text("\n".join(p.article.doc_id for p in prepared))
    with open(marks / "running", "w") as fifo:  # blocks until the test opens it to read
        fifo.write(str(dask_worker))
    while os.getppid() == dask_worker or not in_child:  # this process's end, not the test's signal
        time.sleep(0.2)
    raise SystemExit("the Dask worker above is gone")


def kill_when_running(marks: Path, client: distributed.Client, killed: list[int]) -> None:
    with open(marks / "running") as fifo:  # blocks until the chunk is running on a worker
        pid = int(fifo.read())
    assert pid in client.run(os.getpid).values(), "not a worker of the cluster"
    os.kill(pid, signal.SIGKILL)  # no clean-up, as when the kernel or an operator ends one
    killed.append(pid)


@pytest.mark.timeout(600)
def test_a_lost_dask_worker_costs_a_retry_of_its_chunk_never_a_document(prefect_server, cluster, tmp_path, monkeypatch):
    # Two pages, one chunk of NLP for each Dask worker: every chunk is a Prefect task run, slow on a
    # loaded machine, and one chunk to kill and one that goes on beside it are what the test needs.
    pages = tmp_path / "pages"
    pages.mkdir()
    for name in ("cnn_troops.html", "harbor_budget.html"):
        (pages / name).write_bytes((SEEDS / name).read_bytes())
    documents = len(list(pages.glob("*.html")))
    marks = tmp_path / "marks"
    marks.mkdir()
    os.mkfifo(marks / "running")
    killed: list[int] = []
    killer = threading.Thread(target=kill_when_running, args=(marks, cluster, killed), daemon=True)
    killer.start()
    steps = workers.Steps(analyse=partial(blocking_analyse, marks))
    monkeypatch.setattr(batch_module, "process_documents", with_steps(steps))
    monkeypatch.setenv("NEWSETL_DASK_ADDRESS", cluster.scheduler.address)
    # A limit, so the chunks run in each Dask worker's child process as by default, but one no page
    # reaches however loaded the machine: this test is about the lost worker, not about timeouts.
    monkeypatch.setenv("NEWSETL_TIME_LIMIT_SECONDS", "3600")
    warehouse = tmp_path / "wh"

    report = ingest(sources=[str(pages)], warehouse=str(warehouse), workers=2, batch_size=documents)

    killer.join(timeout=60)
    assert len(killed) == 1 and killed[0] not in cluster.run(os.getpid).values()  # it died mid-chunk
    # Dask ran the chunk again on another worker: one batch, its first try, every document once.
    assert sql(warehouse, "SELECT batch_id NOT LIKE '%-a_' FROM batches") == [(True,)]
    assert report.counts.articles + report.counts.rejections == documents
    assert sql(warehouse, "SELECT count(*) FROM rejections WHERE reason IN ('batch_failed', 'timeout')") == [(0,)]
    assert sql(warehouse, "SELECT count(*), count(DISTINCT doc_id) FROM articles") == [(report.counts.articles,) * 2]
    in_chunk = (marks / "chunk").read_text().split()
    assert sql(warehouse, "SELECT count(*) FROM articles WHERE list_contains(?, doc_id)", in_chunk) == [
        (len(in_chunk),)
    ]
    assert sql(warehouse, "SELECT status FROM runs") == [("completed",)]
    assert failed_checks(warehouse) == {}


@pytest.mark.timeout(300)
def test_the_child_of_a_dask_worker_runs_on_one_thread_as_a_local_worker_does(cluster):
    # With a time limit a Dask worker runs its chunks in a child process of its own (flows/dask_runner.py):
    # the same single-threaded worker as the local pool's (tests/test_workers.py), the same CPU per document.
    # Dask's nanny limits OpenBLAS in its workers too (distributed.nanny.pre-spawn-environ).
    steps = workers.Steps(prepare=threads_reporting_prepare)
    items = list(enumerate(distinct_raws(1)))
    future = cluster.submit(run_chunk_here, "prepare", items, PipelineOptions(), steps, frozenset(), 600.0, pure=False)
    results = [result for _, result, _ in future.result(timeout=240)]
    assert [result.detail for result in results if isinstance(result, Rejection)] == ["threads=1"]


# Soak (`make soak`): the time limit's mechanism is the local pool's, which `make test` covers
# (tests/test_workers.py); this one adds a minute of Dask to it.
@pytest.mark.soak
@pytest.mark.timeout(600)
def test_a_stuck_document_on_dask_becomes_one_timeout_and_the_batch_goes_on(
    prefect_server, cluster, tmp_path, monkeypatch
):
    folder = tmp_path / "pages"
    folder.mkdir()
    seeds = sorted(SEEDS.glob("*.html"))
    for seed in seeds:
        (folder / seed.name).write_bytes(seed.read_bytes())
    stuck = folder / "stuck.html"
    stuck.write_text(seeds[0].read_text(encoding="utf-8") + NEVER_FINISHES, encoding="utf-8")
    monkeypatch.setattr(batch_module, "process_documents", with_steps(workers.Steps(prepare=stuck_prepare)))
    monkeypatch.setenv("NEWSETL_TIME_LIMIT_SECONDS", "20")
    monkeypatch.setenv("NEWSETL_DASK_ADDRESS", cluster.scheduler.address)
    warehouse = tmp_path / "wh"

    report = ingest(sources=[str(folder)], warehouse=str(warehouse), workers=2, batch_size=len(seeds) + 1)

    assert sql(warehouse, "SELECT source, stage, reason FROM rejections") == [(str(stuck), "process", "timeout")]
    assert report.counts.articles == len(seeds) and report.batches == 1
    assert sql(warehouse, "SELECT count(*) FROM articles") == [(len(seeds),)]
    assert sql(warehouse, "SELECT status FROM runs") == [("completed",)]
    assert failed_checks(warehouse) == {}
