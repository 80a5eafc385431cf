"""Settings: parameters over environment over newsetl.toml over defaults; errors name key and value."""

from __future__ import annotations

import re

import pytest

from flows.settings import DEFAULT_SEEDS, Settings, SettingsError, load_settings
from tests.test_cli import run_cli


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch, tmp_path):
    for key in ("NEWSETL_WAREHOUSE", "NEWSETL_BATCH_SIZE", "NEWSETL_WORKERS", "NEWSETL_SOURCES",
                "NEWSETL_CONFIG", "NEWSETL_SCHEDULE", "NEWSETL_PIPELINE__MIN_WORDS"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.chdir(tmp_path)


def test_precedence_parameter_environment_file_default(monkeypatch, tmp_path):
    (tmp_path / "newsetl.toml").write_text(
        'batch_size = 50\nworkers = 1\nschedule = "0 3 * * *"\nsources = ["in"]\n[pipeline]\nmin_words = 40\n',
        encoding="utf-8")
    monkeypatch.setenv("NEWSETL_BATCH_SIZE", "70")
    monkeypatch.setenv("NEWSETL_PIPELINE__MIN_WORDS", "30")
    settings = load_settings(workers=2)
    assert settings.batch_size == 70                    # environment over file
    assert settings.workers == 2                        # parameter over file
    assert settings.schedule == "0 3 * * *"             # file over default
    assert settings.sources == ("in",)
    assert settings.pipeline.min_words == 30            # nested key from the environment
    assert settings.warehouse == (tmp_path / "data").resolve()
    assert load_settings(batch_size=5).batch_size == 5


def test_defaults_and_comma_separated_sources(monkeypatch):
    settings = load_settings()
    assert settings.sources == (str(DEFAULT_SEEDS),) and settings.batch_size == 200
    monkeypatch.setenv("NEWSETL_SOURCES", "a, b")
    assert load_settings().sources == ("a", "b")
    assert load_settings(sources=["c"]).sources == ("c",)
    with pytest.raises(Exception):
        settings.batch_size = 3  # frozen: tasks share one object


@pytest.mark.parametrize(("where", "key", "value", "expected"), [
    ("env", "NEWSETL_BATCH_SIZE", "abc", "batch_size='abc'"),
    ("env", "NEWSETL_WORKERS", "0", "workers='0'"),
    ("file", "schedule", '"61 * * * *"', "schedule='61 * * * *' (NEWSETL_SCHEDULE): not a cron schedule"),
    ("file", "timezone", '"Mars/Base"', "timezone='Mars/Base' (NEWSETL_TIMEZONE): not a known time zone"),
    ("file", "batchsize", "5", "batchsize: unknown setting"),
    ("env", "NEWSETL_PIPELINE__MIN_WORDS", "many", "pipeline.min_words='many'"),
])
def test_bad_values_name_key_and_value(monkeypatch, tmp_path, where, key, value, expected):
    if where == "env":
        monkeypatch.setenv(key, value)
    else:
        (tmp_path / "newsetl.toml").write_text(f"{key} = {value}\n", encoding="utf-8")
    with pytest.raises(SettingsError, match=re.escape(expected)):
        load_settings()


def test_config_file_named_by_environment_must_exist(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSETL_CONFIG", str(tmp_path / "missing.toml"))
    with pytest.raises(SettingsError, match="NEWSETL_CONFIG"):
        load_settings()
    (tmp_path / "other.toml").write_text("batch_size = 9\n", encoding="utf-8")
    monkeypatch.setenv("NEWSETL_CONFIG", str(tmp_path / "other.toml"))
    assert load_settings().batch_size == 9


def test_every_setting_is_described():
    assert all(field.description for field in Settings.model_fields.values())


def test_config_command_prints_effective_settings(tmp_path):
    (tmp_path / "newsetl.toml").write_text("batch_size = 50\n[pipeline]\nmin_words = 40\n", encoding="utf-8")
    result = run_cli("config", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "batch_size = 50" in result.stdout and "pipeline.min_words = 40" in result.stdout
    assert f"# config file: {tmp_path / 'newsetl.toml'} (read)" in result.stdout
    (tmp_path / "newsetl.toml").write_text("batch_size = -1\n", encoding="utf-8")
    bad = run_cli("config", cwd=tmp_path)
    assert bad.returncode == 2 and "batch_size=-1" in bad.stderr and "Traceback" not in bad.stderr
