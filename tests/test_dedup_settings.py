"""Duplicate and chrome thresholds are settings; bad values are one-line errors naming the key."""

from __future__ import annotations

import pytest

from flows.settings import SettingsError, load_settings


@pytest.fixture(autouse=True)
def no_config_file(monkeypatch, tmp_path):
    monkeypatch.delenv("NEWSETL_CONFIG", raising=False)
    monkeypatch.chdir(tmp_path)


def test_thresholds_from_the_environment(monkeypatch):
    assert load_settings().pipeline.dedup.threshold == 0.5
    monkeypatch.setenv("NEWSETL_PIPELINE__DEDUP__THRESHOLD", "0.7")
    monkeypatch.setenv("NEWSETL_PIPELINE__BOILERPLATE__MIN_STORIES", "9")
    options = load_settings().pipeline
    assert options.dedup.threshold == 0.7 and options.boilerplate.min_stories == 9


@pytest.mark.parametrize(
    "key, value",
    [
        ("NEWSETL_PIPELINE__DEDUP__THRESHOLD", "high"),
        ("NEWSETL_PIPELINE__DEDUP__THRESHOLD", "1.5"),
        ("NEWSETL_PIPELINE__BOILERPLATE__MIN_STORIES", "0"),
    ],
)
def test_bad_threshold_names_the_key(monkeypatch, key, value):
    monkeypatch.setenv(key, value)
    with pytest.raises(SettingsError, match=key):
        load_settings()
