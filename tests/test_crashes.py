"""Kills, overlaps and failures cost nothing but time: exact counts after a rerun, no duplicate keys.

The kill test SIGKILLs a real `newsetl run` process (and its workers) at random moments
of its work, a rerun each time; it is a `soak` test: `make soak` runs it with 40 trials
(NEWSETL_KILL_TRIALS), `make test` leaves it out.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bench.corpus import build_corpus
from flows.ingest import ingest
from tests.conftest import sql
from warehouse.lock import LOCK_FILE, WarehouseBusy, hold_warehouse
from warehouse.query import failed_checks

NEWSETL = str(Path(sys.executable).with_name("newsetl"))
TABLES = ("articles", "entity_mentions", "entities", "figures", "rejections")
KILL_TRIALS = int(os.environ.get("NEWSETL_KILL_TRIALS", "5"))
KILL_SEED = int(os.environ.get("NEWSETL_KILL_SEED", "6"))
BATCH_SIZE = "2"
PAGES = 6


def counts(warehouse: Path) -> dict[str, int]:
    return {t: sql(warehouse, f"SELECT count(*) FROM {t}")[0][0] for t in TABLES}


def api_env() -> dict[str, str]:
    """The test's Prefect server for child processes, so they need not start their own."""
    from prefect.settings import PREFECT_API_URL

    return {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value(), "PREFECT_LOGGING_LEVEL": "WARNING"}


def start_run(corpus: Path, warehouse: Path, *extra: str) -> subprocess.Popen:
    # A session of its own, so a kill takes the worker processes down with the run, as a crash would.
    return subprocess.Popen(
        [
            NEWSETL,
            "run",
            str(corpus),
            "--warehouse",
            str(warehouse),
            "--batch-size",
            BATCH_SIZE,
            "--workers",
            "1",
            *extra,
        ],
        env=api_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def wait_for_holder(warehouse: Path, process: subprocess.Popen, timeout: float = 120) -> dict | None:
    """The run id the process wrote into the lock file once it holds the warehouse."""
    deadline = time.monotonic() + timeout
    lock = warehouse / LOCK_FILE
    while time.monotonic() < deadline and process.poll() is None:
        try:
            holder = json.loads(lock.read_text(encoding="utf-8") or "null")
            if holder and not holder["finished"]:
                return holder
        except (OSError, ValueError):
            pass
        time.sleep(0.02)
    return None


def prefect_state(run_id: str) -> str | None:
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        state = client.read_flow_run(uuid.UUID(run_id)).state
    return state.type.value if state is not None else None


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Six news pages and two bad inputs: four batches of two, articles and rejections."""
    folder = tmp_path_factory.mktemp("kill-corpus")
    build_corpus(folder, PAGES)
    for marker in folder.glob(".complete-*"):
        marker.unlink()
    (folder / "empty.html").write_bytes(b"")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4 not a page")
    return folder


@pytest.fixture(scope="module")
def reference(prefect_server, corpus, tmp_path_factory) -> tuple[dict[str, int], float]:
    """What an uninterrupted run gives, and how long its work takes (the kill window)."""
    warehouse = tmp_path_factory.mktemp("reference") / "wh"
    started = time.monotonic()
    ingest(sources=[str(corpus)], warehouse=str(warehouse), batch_size=2, workers=1)
    seconds = time.monotonic() - started
    expected = counts(warehouse)
    assert expected["articles"] == PAGES and expected["rejections"] == 2
    assert failed_checks(warehouse) == {}
    return expected, seconds


@pytest.mark.soak
@pytest.mark.timeout(300 + 60 * KILL_TRIALS)  # a minute a trial; `make soak` runs many
def test_sigkill_at_random_moments_then_rerun_gives_exact_counts(prefect_server, corpus, reference, tmp_path):
    expected, work_seconds = reference
    rng = random.Random(KILL_SEED)
    crashed_seen = 0
    for trial in range(KILL_TRIALS):
        warehouse = tmp_path / f"trial-{trial}"
        process = start_run(corpus, warehouse)
        holder = wait_for_holder(warehouse, process)
        assert holder is not None, process.communicate()
        time.sleep(rng.uniform(0, 0.8 * work_seconds))
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()

        report = ingest(sources=[str(corpus)], warehouse=str(warehouse), batch_size=2, workers=1)
        assert counts(warehouse) == expected, f"trial {trial}: killed run {holder['run_id']}"
        assert failed_checks(warehouse) == {}, f"trial {trial}"
        assert not list(warehouse.glob(".newsetl.duckdb.*.tmp"))
        statuses = dict(sql(warehouse, "SELECT run_id, status FROM runs"))
        assert statuses[report.run_id] == "completed"
        killed = statuses.get(holder["run_id"])
        if killed is not None and killed != "completed":  # it may have finished before the kill
            assert killed == "crashed"
            assert prefect_state(holder["run_id"]) == "CRASHED"
            crashed_seen += 1
        assert "running" not in statuses.values()
    if KILL_TRIALS >= 3:
        assert crashed_seen >= 1, "no trial killed a run mid-way: the kill window is wrong"


def test_two_runs_at_once_one_stops_with_a_clear_message(prefect_server, corpus, reference, tmp_path):
    expected, _ = reference
    warehouse = tmp_path / "wh"
    first, second = start_run(corpus, warehouse), start_run(corpus, warehouse)
    results = [p.communicate(timeout=300) for p in (first, second)]
    codes = sorted([first.returncode, second.returncode])
    assert codes in ([0, 0], [0, 3]), results  # both succeed only if one finished before the other began
    if codes == [0, 3]:
        err = next(err for (out, err), p in zip(results, (first, second), strict=True) if p.returncode == 3)
        assert "is in use by run" in err and "Traceback" not in err
    assert counts(warehouse) == expected
    assert failed_checks(warehouse) == {}


def test_second_holder_waits_for_the_first(tmp_path):
    """With a wait, the second run starts as soon as the first lets go (flock is per open file)."""
    order: list[str] = []
    first = hold_warehouse(tmp_path, "first")
    first.__enter__()
    waiter = threading.Thread(target=lambda: _hold_and_note(tmp_path, order))
    waiter.start()
    time.sleep(0.5)
    order.append("first done")
    first.__exit__(None, None, None)
    waiter.join(timeout=30)
    assert order == ["first done", "second held"]
    with (
        pytest.raises(WarehouseBusy),
        hold_warehouse(tmp_path, "third"),
        hold_warehouse(tmp_path, "fourth", wait_seconds=0.2, poll_seconds=0.05),
    ):
        pass


def _hold_and_note(warehouse: Path, order: list[str]) -> None:
    with hold_warehouse(warehouse, "second", wait_seconds=20, poll_seconds=0.05):
        order.append("second held")


def test_lock_is_released_when_its_holder_dies(tmp_path):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            (
                "import sys, time; from pathlib import Path; from warehouse.lock import hold_warehouse\n"
                "with hold_warehouse(Path(sys.argv[1]), 'dead-run'):\n"
                "    print('held', flush=True); time.sleep(60)"
            ),
            str(tmp_path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    with pytest.raises(WarehouseBusy, match="dead-run"), hold_warehouse(tmp_path, "second"):
        pass
    holder.kill()
    holder.wait()
    with hold_warehouse(tmp_path, "third") as previous:
        assert previous is not None and previous.run_id == "dead-run"
    with hold_warehouse(tmp_path, "fourth") as previous:
        assert previous is None  # "third" finished properly


def failing_on_call(number: int, error: Exception, real: Callable[..., Any]) -> Callable[..., Any]:
    """`real` (flows.batch's process_documents) that raises `error` on its `number`th call, counted from 1."""
    calls = 0

    def process_documents(raws, *more):
        nonlocal calls
        calls += 1
        if calls == number:
            raise error
        return real(raws, *more)

    return process_documents


def test_failing_batch_becomes_rejections_and_the_run_goes_on(prefect_server, corpus, monkeypatch, tmp_path):
    """A non-transient error in one batch: its documents are rejections, the other batches land."""
    import flows.batch as batch_module

    real = batch_module.process_documents
    monkeypatch.setattr(
        batch_module, "process_documents", failing_on_call(2, ValueError("simulated bug in batch two"), real)
    )
    warehouse = tmp_path / "wh"
    report = ingest(sources=[str(corpus)], warehouse=str(warehouse), batch_size=2, workers=1)
    failed = sql(warehouse, "SELECT count(*), min(detail) FROM rejections WHERE reason = 'batch_failed'")
    assert failed == [(2, "ValueError: simulated bug in batch two")]
    assert report.counts.articles == PAGES - 2 and report.counts.rejections == 4
    assert sql(warehouse, "SELECT status FROM runs") == [("completed",)]
    assert failed_checks(warehouse) == {}

    # The failure was not the documents' fault: once the bug is gone, the next run does them.
    monkeypatch.setattr(batch_module, "process_documents", real)
    again = ingest(sources=[str(corpus)], warehouse=str(warehouse), batch_size=2, workers=1)
    # The .pdf is read again and rejected (and counted) again on every run: a read rejection is not "known".
    assert again.counts.articles == 2 and again.counts.skipped == again.counts.documents - 3
    assert again.rejection_reasons == [("read", "unsupported_type", 1)]
    assert sql(warehouse, "SELECT count(*) FROM rejections WHERE reason = 'batch_failed'") == [(0,)]
    assert sql(warehouse, "SELECT count(*) FROM articles") == [(PAGES,)]
    assert failed_checks(warehouse) == {}


def test_transient_error_retries_under_a_new_batch_id(prefect_server, corpus, monkeypatch, tmp_path):
    import flows.batch as batch_module

    monkeypatch.setattr(
        batch_module,
        "process_documents",
        failing_on_call(1, TimeoutError("disk did not answer"), batch_module.process_documents),
    )
    monkeypatch.setattr(batch_module.process_batch, "retry_delay_seconds", [0, 0])
    warehouse = tmp_path / "wh"
    warehouse.mkdir()
    stale = warehouse / ".newsetl.duckdb.4242.tmp"  # as a publish killed half-way leaves it
    stale.write_bytes(b"half a database")
    report = ingest(sources=[str(corpus)], warehouse=str(warehouse), batch_size=2, workers=1)
    assert report.counts.articles == PAGES and report.counts.rejections == 2
    batch_ids = [row[0] for row in sql(warehouse, "SELECT batch_id FROM batches ORDER BY 1")]
    assert batch_ids[0].endswith("-00000-a2") and len(batch_ids) == 4
    assert not stale.exists()
    assert failed_checks(warehouse) == {}


def test_a_run_whose_discovery_fails_ends_the_workers_it_started(prefect_server, tmp_path):
    """The workers start before discovery (they load their model meanwhile): a source that is not there stops the
    run, and the pool goes with it, or a caller of the flow that goes on (a bench, a deployment) waits on it at exit
    (round 31, perf30's finding)."""
    from flows import workers
    from warehouse.sources import SourceNotFound

    (tmp_path / "pages").mkdir()
    with pytest.raises(SourceNotFound):  # a pattern that matches nothing is found missing at discovery
        ingest(sources=[str(tmp_path / "pages" / "*.html")], warehouse=str(tmp_path / "wh"), workers=2)
    assert workers._runner is None
