"""`newsetl serve` against a real Prefect server on 127.0.0.1: runs through the API and the UI."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import SEEDS_DIR, sql

NEWSETL = str(Path(sys.executable).with_name("newsetl"))
CHROMIUM = shutil.which("chromium")


def api_url() -> str:
    from prefect.settings import PREFECT_API_URL

    return PREFECT_API_URL.value()


@pytest.fixture(scope="module")
def served(prefect_server, tmp_path_factory):
    """`newsetl serve` in a folder of its own, with a schedule from the environment."""
    folder = tmp_path_factory.mktemp("served")
    warehouse = folder / "wh"
    env = {**os.environ, "PREFECT_API_URL": api_url(), "NEWSETL_SCHEDULE": "30 1 * * *",
           "NEWSETL_TIMEZONE": "Europe/Berlin", "NEWSETL_WORKERS": "1",
           "NEWSETL_SOURCES": str(SEEDS_DIR / "cnn_troops.txt")}
    process = subprocess.Popen([NEWSETL, "serve", "--warehouse", str(warehouse)], cwd=folder, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               start_new_session=True)
    from prefect.client.orchestration import get_client
    from prefect.exceptions import ObjectNotFound

    deadline = time.monotonic() + 120
    with get_client(sync_client=True) as client:
        while True:
            assert process.poll() is None, process.communicate()[0]
            try:
                client.read_deployment_by_name("ingest/manual")
                client.read_deployment_by_name("ingest/nightly")
                break
            except ObjectNotFound:
                assert time.monotonic() < deadline, "deployments never appeared"
                time.sleep(0.5)
    yield warehouse
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def test_deployments_have_schedule_descriptions_and_defaults(served):
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        nightly = client.read_deployment_by_name("ingest/nightly")
        manual = client.read_deployment_by_name("ingest/manual")
    [schedule] = nightly.schedules
    assert (schedule.schedule.cron, schedule.schedule.timezone) == ("30 1 * * *", "Europe/Berlin")
    assert nightly.parameters == {}  # the configuration is read when each night's run starts
    assert manual.parameters["warehouse"] == str(served)
    assert manual.parameters["sources"] == [str(SEEDS_DIR / "cnn_troops.txt")]
    form = manual.parameter_openapi_schema["properties"]
    assert set(form) == {"sources", "warehouse", "batch_size", "workers", "lock_wait_seconds"}
    assert all(len(field.get("description", "")) > 20 for field in form.values())


def test_manual_run_through_the_api_completes_with_artifact(served):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId
    from prefect.deployments import run_deployment

    flow_run = run_deployment("ingest/manual", parameters={"sources": [str(SEEDS_DIR)]}, timeout=300)
    assert flow_run.state.is_completed(), flow_run.state
    with get_client(sync_client=True) as client:
        [artifact] = client.read_artifacts(
            artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run.id])))
    assert artifact.key == "ingest-summary" and artifact.type == "table"
    rows = {row["what"]: row["count"] for row in _table(artifact.data)}
    run = sql(served, "SELECT status, articles, documents_seen FROM runs WHERE run_id = ?", str(flow_run.id))
    assert run == [("completed", rows["articles"], rows["documents"])]
    assert rows["articles"] >= 5


def _table(data) -> list[dict]:
    import json

    return json.loads(data) if isinstance(data, str) else data


@pytest.mark.skipif(CHROMIUM is None, reason="issue 6: Debian's chromium is not installed (make browser)")
def test_start_manual_run_from_the_ui(served, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    from prefect.client.orchestration import get_client

    base = api_url().removesuffix("/api")
    with get_client(sync_client=True) as client:
        deployment = client.read_deployment_by_name("ingest/manual")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-sync",
                  f"--user-data-dir={tmp_path / 'profile'}"])
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(f"{base}/deployments/deployment/{deployment.id}")
            page.get_by_role("button", name="Run").first.click()
            page.get_by_text("Quick run").first.click()
            # The UI shows a link to the new flow run; follow it and wait for the run to finish.
            page.get_by_role("link", name="View run").first.click()
            expect(page.get_by_text("Completed").first).to_be_visible(timeout=240_000)
            page.screenshot(path=str(tmp_path / "manual-run-completed.png"), full_page=True)
        finally:
            browser.close()
    assert (tmp_path / "manual-run-completed.png").stat().st_size > 10_000
    runs = sql(served, "SELECT status FROM runs")
    assert ("completed",) in runs
