"""The newsetl command as a person uses it: clear errors, query output formats."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from flows.cli import OutputFormat, render

NEWSETL = str(Path(sys.executable).with_name("newsetl"))


def run_cli(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`env`: variables set for this call, over the test's own environment."""
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", **(env or {})}
    return subprocess.run([NEWSETL, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_missing_source_is_one_line_and_nonzero(tmp_path):
    result = run_cli("run", str(tmp_path / "nope"), "--warehouse", str(tmp_path / "wh"), cwd=tmp_path)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "source not found" in lines[0] and "nope" in lines[0]
    assert not (tmp_path / "wh").exists()


def test_a_glob_matching_nothing_is_a_missing_source_and_reprocess_needs_a_warehouse(tmp_path):
    result = run_cli("run", str(tmp_path / "*.warc.gz"), "--warehouse", str(tmp_path / "wh"), cwd=tmp_path)
    assert result.returncode == 2 and "source not found" in result.stderr and "Traceback" not in result.stderr
    result = run_cli("reprocess", "--warehouse", str(tmp_path / "none"), cwd=tmp_path)
    assert result.returncode == 2 and "newsetl run" in result.stderr and "Traceback" not in result.stderr


def test_sql_without_warehouse_says_what_to_do(tmp_path):
    result = run_cli("sql", "select 1", "--warehouse", str(tmp_path / "none"), cwd=tmp_path)
    assert result.returncode != 0 and "newsetl run" in result.stderr and "Traceback" not in result.stderr


def test_sql_formats(seeded_warehouse, tmp_path):
    warehouse, _ = seeded_warehouse
    query = "select name, label from entities where name in ('Joe Biden', 'NATO') order by 1"
    table = run_cli("sql", query, "--warehouse", str(warehouse), cwd=tmp_path)
    assert table.returncode == 0, table.stderr
    assert "Joe Biden" in table.stdout and "(2 rows)" in table.stdout
    as_json = json.loads(run_cli("sql", query, "-w", str(warehouse), "--format", "json", cwd=tmp_path).stdout)
    assert as_json == [{"name": "Joe Biden", "label": "PERSON"}, {"name": "NATO", "label": "ORG"}]
    as_csv = run_cli("sql", query, "-w", str(warehouse), "--format", "csv", cwd=tmp_path).stdout
    assert as_csv.splitlines() == ["name,label", "Joe Biden,PERSON", "NATO,ORG"]
    bad = run_cli("sql", "select nope from articles", "-w", str(warehouse), cwd=tmp_path)
    assert bad.returncode != 0 and "query failed" in bad.stderr


@pytest.mark.parametrize("output", list(OutputFormat))
def test_render_handles_nulls_and_long_text(output):
    text = render(["a", "b"], [(None, "x" * 500)], output)
    assert text and ("NULL" in text or "null" in text or ",x" in text)


@pytest.mark.parametrize("args", [["sql", "select 1"], ["config"]])
def test_reading_commands_do_not_load_the_nlp_stack(tmp_path, args):
    """`newsetl sql` and `newsetl config` stay quick: no spaCy, trafilatura, fetcher, Prefect, pyarrow or deltalake."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "flows.cli", *args, "-w", str(tmp_path)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
    )
    imported = {
        line.split("|")[-1].strip().split(".")[0]
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert imported and not imported & {"spacy", "trafilatura", "httpx", "prefect", "pyarrow", "deltalake"}


@pytest.mark.parametrize(
    ("command", "flow"), [(["run", "{seeds}"], "flows.ingest.ingest"), (["reprocess"], "flows.reprocess.reprocess")]
)
def test_a_run_on_prefects_temporary_server_sends_no_heartbeats(tmp_path, monkeypatch, command, flow):
    """Prefect's flow run joins its heartbeat thread, which sleeps in steps of a second: 0-1 s at the end of every
    run. On the temporary server of the command's own process nobody could read them; a named server keeps them."""
    from prefect.settings import PREFECT_API_URL, PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings
    from typer.testing import CliRunner

    import flows.cli
    from tests.conftest import SEEDS_DIR
    from warehouse.lock import WarehouseBusy

    heartbeats = []

    def the_flow(**kwargs):
        heartbeats.append(PREFECT_FLOWS_HEARTBEAT_FREQUENCY.value())
        raise WarehouseBusy("busy")  # the command stops here: only the settings the flow ran with matter

    module, name = flow.rsplit(".", 1)
    monkeypatch.setattr(__import__(module, fromlist=[name]), name, the_flow)
    monkeypatch.setattr(flows.cli, "start_prefect", lambda: None)
    (tmp_path / "wh").mkdir()
    args = [word.format(seeds=SEEDS_DIR) for word in command] + ["--warehouse", str(tmp_path / "wh")]
    for url, expected in ((None, None), ("http://127.0.0.1:9/api", 180)):
        with temporary_settings(updates={PREFECT_API_URL: url, PREFECT_FLOWS_HEARTBEAT_FREQUENCY: 180}):
            result = CliRunner().invoke(flows.cli.app, args)
            assert result.exit_code == 3, result.output
            assert heartbeats.pop() == expected
            assert PREFECT_FLOWS_HEARTBEAT_FREQUENCY.value() == 180  # as it was, after the run


def test_check_runs_every_check_over_the_whole_warehouse(seeded_copy, tmp_path):
    from datetime import UTC, datetime

    from transforms.records import BatchCommit
    from warehouse.query import query
    from warehouse.schemas import BATCHES
    from warehouse.store import append_rows
    from warehouse.views import publish_views

    warehouse, _ = seeded_copy
    sound = run_cli("check", "-w", str(warehouse), cwd=tmp_path)
    assert sound.returncode == 0 and "every check passed" in sound.stdout, sound.stderr
    # An old batch committed twice: a run's end would not look at it again; the whole check does.
    _, [(batch_id, run_id), *_] = query(warehouse, "SELECT batch_id, run_id FROM batches")
    append_rows(warehouse, BATCHES, [BatchCommit(batch_id, 1, 1, 0, datetime.now(UTC), "ingest")], {"run_id": run_id})
    publish_views(warehouse)
    broken = run_cli("check", "-w", str(warehouse), cwd=tmp_path)
    assert broken.returncode == 1 and "check batches_unique failed: 1 rows" in broken.stdout
    missing = run_cli("check", "-w", str(tmp_path / "none"), cwd=tmp_path)
    assert missing.returncode == 2 and "newsetl run" in missing.stderr and "Traceback" not in missing.stderr
