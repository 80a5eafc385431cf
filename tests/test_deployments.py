"""`newsetl serve` against a real Prefect server on 127.0.0.1: runs through the API and the UI."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import pytest

from tests.conftest import SEEDS_DIR, sql

NEWSETL = str(Path(sys.executable).with_name("newsetl"))
CHROMIUM = shutil.which("chromium")


def api_url() -> str:
    from prefect.settings import PREFECT_API_URL

    return PREFECT_API_URL.value()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def stop_process_group(process: subprocess.Popen) -> None:
    """SIGTERM the process and its children, SIGKILL if they are still there after 30 s."""
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@pytest.fixture(scope="module")
def ui_server(tmp_path_factory):
    """`prefect server start` on 127.0.0.1 with its UI (the test harness's server has none)."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    home = tmp_path_factory.mktemp("prefect-ui-home")
    url = f"http://127.0.0.1:{free_port()}/api"
    env = {
        **os.environ,
        "PREFECT_HOME": str(home),
        "PREFECT_API_URL": url,
        "PREFECT_UI_API_URL": url,
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
    }
    port = url.rsplit(":", 1)[1].split("/")[0]
    process = subprocess.Popen(
        [str(Path(sys.executable).with_name("prefect")), "server", "start", "--host", "127.0.0.1", "--port", port],
        env=env,
        cwd=home,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 180
    while True:
        assert process.poll() is None, process.communicate()[0]
        try:
            urllib.request.urlopen(f"{url}/health", timeout=2)
            break
        except OSError:
            assert time.monotonic() < deadline, "prefect server did not start"
            time.sleep(0.5)
    try:
        with temporary_settings({PREFECT_API_URL: url}):
            yield url
    finally:
        stop_process_group(process)


@pytest.fixture(scope="module")
def served(ui_server, tmp_path_factory):
    """`newsetl serve` in a folder of its own, with a schedule from the environment."""
    folder = tmp_path_factory.mktemp("served")
    warehouse = folder / "wh"
    env = {
        **os.environ,
        "PREFECT_API_URL": ui_server,
        "NEWSETL_SCHEDULE": "30 1 * * *",
        "NEWSETL_TIMEZONE": "Europe/Berlin",
        "NEWSETL_WORKERS": "1",
        "NEWSETL_SOURCES": str(SEEDS_DIR / "cnn_troops.html"),
    }
    process = subprocess.Popen(
        [NEWSETL, "serve", "--warehouse", str(warehouse)],
        cwd=folder,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
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
    stop_process_group(process)


def test_deployments_have_schedule_descriptions_and_defaults(served):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.schedules import CronSchedule

    with get_client(sync_client=True) as client:
        nightly = client.read_deployment_by_name("ingest/nightly")
        manual = client.read_deployment_by_name("ingest/manual")
    [schedule] = nightly.schedules
    assert isinstance(schedule.schedule, CronSchedule)
    assert (schedule.schedule.cron, schedule.schedule.timezone) == ("30 1 * * *", "Europe/Berlin")
    assert nightly.parameters == {}  # the configuration is read when each night's run starts
    assert manual.parameters["warehouse"] == str(served)
    assert manual.parameters["sources"] == [str(SEEDS_DIR / "cnn_troops.html")]
    assert manual.parameter_openapi_schema is not None
    form = manual.parameter_openapi_schema["properties"]
    assert {"sources", "warehouse", "batch_size", "workers", "lock_wait_seconds", "refresh"} <= set(form)
    assert all(len(field.get("description", "")) > 20 for field in form.values())


def test_manual_run_through_the_api_completes_with_artifact(served):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId
    from prefect.client.schemas.objects import FlowRun
    from prefect.deployments import run_deployment

    flow_run = run_deployment("ingest/manual", parameters={"sources": [str(SEEDS_DIR)]}, timeout=300)
    assert isinstance(flow_run, FlowRun)  # called outside an event loop, run_deployment runs to the end
    assert flow_run.state is not None and flow_run.state.is_completed(), flow_run.state
    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run.id]))
        )
    assert {a.key for a in artifacts} == {"ingest-summary", "run-report"}  # the table, and the markdown (report)
    [artifact] = [a for a in artifacts if a.key == "ingest-summary"]
    assert artifact.key == "ingest-summary" and artifact.type == "table"
    rows = {row["what"]: row["count"] for row in _table(artifact.data)}
    run = sql(served, "SELECT status, articles, documents_seen FROM runs WHERE run_id = ?", str(flow_run.id))
    assert run == [("completed", rows["articles"], rows["documents"])]
    assert rows["articles"] >= 5 and rows["entities"] > 0 and rows["figures"] > 0
    assert rows["articles"] <= rows["extracted"] <= rows["documents"] - rows["skipped as known"]
    assert rows["documents per second"] > 0 and rows["batches"] == 1
    assert any(what.endswith("(PERSON)") for what in rows)  # top entities of the run


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
            # Playwright gives the browser a fresh profile folder of its own.
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
            ],
        )
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(f"{base}/deployments/deployment/{deployment.id}")
            page.get_by_role("button", name="Run", exact=True).click()
            before = manual_runs(deployment.id)
            page.get_by_text("Quick run").first.click()
            expect(page.get_by_text("scheduled to start").first).to_be_visible(timeout=30_000)
            [flow_run_id] = manual_runs(deployment.id) - before
            # Open the new run's page, wait for its end, and see the UI show it.
            page.goto(f"{base}/runs/flow-run/{flow_run_id}")
            state = wait_for_final_state(flow_run_id)
            assert state == "COMPLETED", run_logs(flow_run_id)
            page.reload()
            expect(page.get_by_text("Completed").first).to_be_visible(timeout=30_000)
            page.screenshot(path=str(tmp_path / "manual-run-completed.png"), full_page=True)
        finally:
            browser.close()
    assert (tmp_path / "manual-run-completed.png").stat().st_size > 10_000
    assert sql(served, "SELECT status FROM runs WHERE run_id = ?", flow_run_id) == [("completed",)]


def run_logs(flow_run_id: str) -> str:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import LogFilter, LogFilterFlowRunId

    with get_client(sync_client=True) as client:
        logs = client.read_logs(log_filter=LogFilter(flow_run_id=LogFilterFlowRunId(any_=[uuid.UUID(flow_run_id)])))
    return "\n".join(log.message for log in logs)


def manual_runs(deployment_id) -> set[str]:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import DeploymentFilter, DeploymentFilterId

    with get_client(sync_client=True) as client:
        runs = client.read_flow_runs(deployment_filter=DeploymentFilter(id=DeploymentFilterId(any_=[deployment_id])))
    return {str(run.id) for run in runs}


def wait_for_final_state(flow_run_id: str, timeout: float = 300) -> str:
    from prefect.client.orchestration import get_client

    deadline = time.monotonic() + timeout
    with get_client(sync_client=True) as client:
        while time.monotonic() < deadline:
            state = client.read_flow_run(uuid.UUID(flow_run_id)).state
            if state is not None and state.is_final():
                return state.type.value
            time.sleep(0.5)
    raise AssertionError(f"flow run {flow_run_id} did not finish in {timeout}s")
