"""Failures you can see: failed, stopped and crashed runs in `runs` with their error, the SQL checks
counted in every run, inputs that fail again counted again, and `reprocess` recording its runs."""

from __future__ import annotations

import logging
import os
import shutil
import signal
import subprocess
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from flows import progress as progress_module
from flows.ingest import ingest
from tests.conftest import sql
from tests.http_fixtures import running_site
from tests.test_crashes import NEWSETL, api_env, failing_on_call
from tests.test_fetch import site_options
from transforms.batches import BatchCounts, run_summary
from transforms.records import BatchCommit
from warehouse.lock import hold_warehouse
from warehouse.query import failed_checks
from warehouse.schemas import BATCHES, RUNS
from warehouse.store import append_rows

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture
def pages(tmp_path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.html"))[:2]:
        shutil.copy(seed, folder / seed.name)
    return folder


def latest_run(warehouse: Path) -> tuple:
    return sql(warehouse, "SELECT status, error, check_violations FROM runs ORDER BY started_at DESC LIMIT 1")[0]


def test_a_failed_run_is_in_runs_at_once_with_its_error(prefect_server, pages, tmp_path, monkeypatch):
    warehouse = tmp_path / "wh"

    def broken(read: int) -> None:
        raise RuntimeError("disk went away\nsecond line of the message")

    monkeypatch.setattr(progress_module, "settle", broken)  # after the first batch committed
    with pytest.raises(RuntimeError):
        ingest(sources=[str(pages)], warehouse=str(warehouse), batch_size=1, workers=1)
    status, error, violations = latest_run(warehouse)
    assert (status, error, violations) == ("failed", "RuntimeError: disk went away", None)
    assert sql(warehouse, "SELECT documents_seen, articles FROM runs") == [(1, 1)]  # what it committed before


def test_ctrl_c_records_the_run_cancelled(prefect_server, pages, tmp_path, monkeypatch):
    warehouse = tmp_path / "wh"

    def interrupted(read: int) -> None:
        raise KeyboardInterrupt  # what SIGINT raises in the main thread

    monkeypatch.setattr(progress_module, "settle", interrupted)
    with pytest.raises(KeyboardInterrupt):
        ingest(sources=[str(pages)], warehouse=str(warehouse), batch_size=1, workers=1)
    assert latest_run(warehouse)[:2] == ("cancelled", "stopped by SIGINT")
    with hold_warehouse(warehouse, "probe") as previous:
        assert previous is None


def test_a_crashed_run_is_marked_with_why(prefect_server, pages, tmp_path):
    warehouse = tmp_path / "wh"
    ingest(sources=[str(pages)], warehouse=str(warehouse), workers=1)
    killed = run_summary("killed-run", datetime(2026, 1, 1, tzinfo=UTC), "running", 1, BatchCounts(), 0)
    append_rows(warehouse, RUNS, [killed])
    ingest(sources=[str(pages)], warehouse=str(warehouse), workers=1)
    [(status, error)] = sql(warehouse, "SELECT status, error FROM runs WHERE run_id = 'killed-run'")
    assert status == "crashed" and error.startswith("process stopped without finishing")


def test_sql_checks_run_at_the_end_of_every_run(prefect_server, pages, tmp_path, caplog):
    warehouse = tmp_path / "wh"
    first = ingest(sources=[str(pages)], warehouse=str(warehouse), workers=1)
    assert first.failed_checks == {} and latest_run(warehouse)[2] == 0
    # A broken invariant: a batch committed twice.
    [(batch_id, run_id)] = sql(warehouse, "SELECT batch_id, run_id FROM batches")
    marker = BatchCommit(batch_id, 2, 2, 0, datetime.now(UTC), "ingest")
    append_rows(warehouse, BATCHES, [marker], {"run_id": run_id})
    with caplog.at_level(logging.ERROR):
        second = ingest(sources=[str(pages)], warehouse=str(warehouse), workers=1)
    assert second.failed_checks["batches_unique"] == 1  # (its documents now show as committed twice, too)
    assert latest_run(warehouse) == ("completed", None, sum(second.failed_checks.values()))
    logged = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    for name, rows in second.failed_checks.items():
        assert sum(f"check {name} failed: {rows} rows" in line for line in logged) == 1
    # A run's end checks what was written since the last checked run ended, so its cost follows the night's
    # rows, not the archive's: the third run wrote nothing new and the marker was reported once; a whole
    # check still finds it.
    third = ingest(sources=[str(pages)], warehouse=str(warehouse), workers=1)
    assert third.failed_checks == {}
    assert failed_checks(warehouse)["batches_unique"] == 1


def test_a_url_that_fails_again_is_counted_again_and_shown_once(prefect_server, tmp_path):
    warehouse = tmp_path / "wh"
    with running_site() as site:
        urls = [f"{site.base}/pages/1.html", f"{site.base}/gone.html"]
        options = site_options(site)
        first = ingest(sources=urls, warehouse=str(warehouse), workers=1, fetch=options)
        second = ingest(sources=urls, warehouse=str(warehouse), workers=1, fetch=options)
    assert (first.counts.rejections, first.counts.skipped) == (1, 0)
    assert (second.counts.rejections, second.counts.skipped) == (1, 1)  # the 404 again; the page is known
    assert second.rejection_reasons == [("fetch", "http_404", 1)]
    rows = sql(warehouse, "SELECT reason, run_id FROM rejections")
    assert rows == [("http_404", second.run_id)]  # one row: the newest
    assert failed_checks(warehouse) == {}


def test_reprocess_records_its_runs_and_goes_on_past_a_failed_batch(prefect_server, tmp_path, monkeypatch):
    import flows.batch as batch_module
    from flows.reprocess import reprocess

    warehouse = tmp_path / "wh"
    with running_site() as site:
        urls = [f"{site.base}/pages/{n}.html" for n in (1, 2)]
        ingest(sources=urls, warehouse=str(warehouse), workers=1, fetch=site_options(site))
    articles = sql(warehouse, "SELECT doc_id FROM articles ORDER BY 1")

    real = batch_module.process_documents
    monkeypatch.setattr(
        batch_module, "process_documents", failing_on_call(1, ValueError("simulated extractor bug"), real)
    )
    report = reprocess(warehouse=str(warehouse), batch_size=1, workers=1)
    assert report.batches == 2 and report.counts.articles == 1 and report.counts.skipped == 1
    assert latest_run(warehouse) == ("completed", None, 0)
    assert sql(warehouse, "SELECT doc_id FROM articles ORDER BY 1") == articles  # the failed page kept its article
    assert failed_checks(warehouse) == {}

    monkeypatch.setattr(batch_module, "process_documents", real)

    def broken(read: int) -> None:
        raise OSError("no space left on device")

    monkeypatch.setattr(progress_module, "settle", broken)
    with pytest.raises(OSError):
        reprocess(warehouse=str(warehouse), batch_size=1, workers=1)
    assert latest_run(warehouse)[:2] == ("failed", "OSError: no space left on device")


@pytest.mark.timeout(600)
def test_sigterm_records_the_run_cancelled_and_frees_the_warehouse(prefect_server, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    seeds = sorted(SEEDS.glob("*.html"))
    for copy in range(6):
        for seed in seeds:
            # Distinct bytes and text: each copy is its own document and article.
            text = seed.read_text(encoding="utf-8").replace("</p>", f" Copy {copy} of it.</p>", 1)
            (corpus / f"{copy}-{seed.name}").write_text(text, encoding="utf-8")
    documents = len(list(corpus.iterdir()))
    warehouse = tmp_path / "wh"
    process = subprocess.Popen(
        [NEWSETL, "run", str(corpus), "--warehouse", str(warehouse), "--batch-size", "1", "--workers", "1"],
        # Views published after every batch (not once a minute): the test watches them to stop the run mid-way.
        env=api_env() | {"NEWSETL_PUBLISH_EVERY_SECONDS": "0"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and process.poll() is None:
        if (warehouse / "newsetl.duckdb").exists() and sql(warehouse, "SELECT count(*) FROM batches")[0][0] >= 1:
            break
        time.sleep(0.2)
    assert process.poll() is None, process.communicate()
    os.killpg(process.pid, signal.SIGTERM)  # as systemctl stop does
    _, stderr = process.communicate(timeout=120)
    assert process.returncode != 0

    [(run_id, status, error)] = sql(warehouse, "SELECT run_id, status, error FROM runs")
    assert (status, error) == ("cancelled", "stopped by SIGTERM"), stderr[-2000:]
    with hold_warehouse(warehouse, "probe") as previous:  # free at once, and the run finished its books
        assert previous is None
    [(committed,)] = sql(warehouse, "SELECT sum(documents) FROM batches WHERE run_id = ?", run_id)
    assert 1 <= committed < documents

    rest = ingest(sources=[str(corpus)], warehouse=str(warehouse), batch_size=10, workers=1)
    assert rest.counts.skipped == committed and rest.counts.documents == documents
    assert failed_checks(warehouse) == {}
    assert sql(warehouse, "SELECT status, count(*) FROM runs GROUP BY 1 ORDER BY 1") == [
        ("cancelled", 1),
        ("completed", 1),
    ]
