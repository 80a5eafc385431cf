"""Settings: parameters over environment over newsetl.toml over defaults; errors name key and value."""

from __future__ import annotations

import re
from ipaddress import IPv4Network
from zoneinfo import ZoneInfo

import pytest
from pydantic import ValidationError

from flows.settings import DEFAULT_SEEDS, Settings, SettingsError, load_settings, settings_toml
from tests.test_cli import run_cli
from warehouse.options import FetchOptions


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch, tmp_path):
    for key in (
        "NEWSETL_WAREHOUSE",
        "NEWSETL_BATCH_SIZE",
        "NEWSETL_WORKERS",
        "NEWSETL_SOURCES",
        "NEWSETL_CONFIG",
        "NEWSETL_SCHEDULE",
        "NEWSETL_PIPELINE__MIN_WORDS",
    ):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.chdir(tmp_path)


def test_precedence_parameter_environment_file_default(monkeypatch, tmp_path):
    (tmp_path / "newsetl.toml").write_text(
        'batch_size = 50\nworkers = 1\nschedule = "0 3 * * *"\nsources = ["in"]\n[pipeline]\nmin_words = 40\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("NEWSETL_BATCH_SIZE", "70")
    monkeypatch.setenv("NEWSETL_PIPELINE__MIN_WORDS", "30")
    settings = load_settings(workers=2)
    assert settings.batch_size == 70  # environment over file
    assert settings.workers == 2  # parameter over file
    assert settings.schedule == "0 3 * * *"  # file over default
    assert settings.sources == ("in",)
    assert settings.pipeline.min_words == 30  # nested key from the environment
    assert settings.warehouse == (tmp_path / "data").resolve()
    assert load_settings(batch_size=5).batch_size == 5


def test_defaults_and_comma_separated_sources(monkeypatch):
    settings = load_settings()
    assert settings.sources == (str(DEFAULT_SEEDS),) and settings.batch_size == 200
    monkeypatch.setenv("NEWSETL_SOURCES", "a, b")
    assert load_settings().sources == ("a", "b")
    assert load_settings(sources=["c"]).sources == ("c",)
    with pytest.raises(ValidationError, match="frozen"):
        settings.batch_size = 3  # frozen: tasks share one object


@pytest.mark.parametrize(
    ("where", "key", "value", "expected"),
    [
        ("env", "NEWSETL_BATCH_SIZE", "abc", "batch_size='abc'"),
        ("env", "NEWSETL_WORKERS", "0", "workers='0'"),
        ("file", "schedule", '"61 * * * *"', "schedule='61 * * * *' (NEWSETL_SCHEDULE): not a cron schedule"),
        ("file", "timezone", '"Mars/Base"', "timezone='Mars/Base' (NEWSETL_TIMEZONE): not a known time zone"),
        ("file", "batchsize", "5", "batchsize: unknown setting"),
        ("env", "NEWSETL_PIPELINE__MIN_WORDS", "many", "pipeline.min_words='many'"),
        (
            "env",
            "NEWSETL_PIPELINE__DEDUP__THRESHOLD",
            "2",
            "pipeline.dedup.threshold='2' (NEWSETL_PIPELINE__DEDUP__THRESHOLD): "
            "Input should be less than or equal to 1",
        ),
        (
            "file",
            "pipeline.dedup.threshold",
            "2",
            "pipeline.dedup.threshold=2 (NEWSETL_PIPELINE__DEDUP__THRESHOLD): Input should be less than or equal to 1",
        ),
        ("file", "pipeline.language.min_confidence", "1.5", "pipeline.language.min_confidence=1.5"),
        (
            "env",
            "NEWSETL_FETCH__RETRIES",
            "0",
            "fetch.retries='0' (NEWSETL_FETCH__RETRIES): Input should be greater than 0",
        ),
        (
            "env",
            "NEWSETL_FETCH__ALLOWED_NETWORKS",
            "10.0.0.0/8,nowhere",
            "fetch.allowed_networks.1='nowhere' (NEWSETL_FETCH__ALLOWED_NETWORKS): value is not a valid IPv4 or IPv6",
        ),
        ("env", "NEWSETL_PIPELINE__ENTITIES__SYNTAX", "maybe", "pipeline.entities.syntax='maybe'"),
    ],
)
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


def test_pydantic_reads_booleans_networks_and_time_zones(monkeypatch):
    monkeypatch.setenv("NEWSETL_PIPELINE__ENTITIES__SYNTAX", "off")
    monkeypatch.setenv("NEWSETL_FETCH__ALLOWED_NETWORKS", "127.0.0.1, 10.0.0.0/8")
    monkeypatch.setenv("NEWSETL_TIMEZONE", "Europe/Berlin")
    settings = load_settings()
    assert settings.pipeline.entities.syntax is False
    assert settings.fetch.allowed_networks == (IPv4Network("127.0.0.1/32"), IPv4Network("10.0.0.0/8"))
    assert settings.timezone == ZoneInfo("Europe/Berlin")


def test_options_given_as_a_parameter_are_checked_too():
    with pytest.raises(SettingsError, match=r"fetch\.retries=0"):
        load_settings(fetch=FetchOptions(retries=0))


def test_config_command_prints_effective_settings(tmp_path):
    (tmp_path / "newsetl.toml").write_text("batch_size = 50\n[pipeline]\nmin_words = 40\n", encoding="utf-8")
    result = run_cli("config", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "batch_size = 50" in result.stdout and "[pipeline]\nmin_words = 40" in result.stdout
    assert f"# config file: {tmp_path / 'newsetl.toml'} (read)" in result.stdout
    (tmp_path / "newsetl.toml").write_text("batch_size = -1\n", encoding="utf-8")
    bad = run_cli("config", cwd=tmp_path)
    assert bad.returncode == 2 and "batch_size=-1" in bad.stderr and "Traceback" not in bad.stderr


def test_config_output_is_a_config_file_that_reads_back(monkeypatch, tmp_path):
    """`newsetl config > newsetl.toml && newsetl config` works, and changes nothing."""
    monkeypatch.setenv("NEWSETL_PIPELINE__DEDUP__THRESHOLD", "0.8")
    monkeypatch.setenv("NEWSETL_FETCH__ALLOWED_NETWORKS", "127.0.0.1,::1")
    monkeypatch.setenv("NEWSETL_TIMEZONE", "Europe/Berlin")
    settings = load_settings(workers=1)
    written = tmp_path / "written.toml"
    written.write_text(settings_toml(settings), encoding="utf-8")
    for key in ("NEWSETL_PIPELINE__DEDUP__THRESHOLD", "NEWSETL_FETCH__ALLOWED_NETWORKS", "NEWSETL_TIMEZONE"):
        monkeypatch.delenv(key)
    monkeypatch.setenv("NEWSETL_CONFIG", str(written))
    again = load_settings()
    assert again == settings and again.pipeline.dedup.threshold == 0.8 and again.workers == 1
    assert "= null" not in written.read_text(encoding="utf-8")
    assert run_cli("config", cwd=tmp_path, env={"NEWSETL_CONFIG": str(written)}).stdout.endswith(
        settings_toml(settings) + "\n"
    )


def test_a_bad_nested_value_stops_a_run_with_one_line(tmp_path):
    result = run_cli(
        "run", "--warehouse", str(tmp_path / "wh"), cwd=tmp_path, env={"NEWSETL_PIPELINE__DEDUP__THRESHOLD": "2"}
    )
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2 and len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert "pipeline.dedup.threshold='2' (NEWSETL_PIPELINE__DEDUP__THRESHOLD)" in lines[0]
    assert not (tmp_path / "wh").exists()
