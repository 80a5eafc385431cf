"""Duplicate and chrome thresholds are settings; bad values are one-line errors naming the key."""

from __future__ import annotations

import pytest

from flows.settings import SettingsError, pipeline_options


def test_thresholds_from_the_environment():
    options = pipeline_options({"NEWSETL_DEDUP_THRESHOLD": "0.7", "NEWSETL_BOILERPLATE_MIN_STORIES": "9"})
    assert options.dedup.threshold == 0.7 and options.boilerplate.min_stories == 9
    assert pipeline_options({}).dedup.threshold == 0.5


@pytest.mark.parametrize("key, value", [("NEWSETL_DEDUP_THRESHOLD", "high"), ("NEWSETL_DEDUP_THRESHOLD", "1.5"),
                                        ("NEWSETL_BOILERPLATE_MIN_STORIES", "0")])
def test_bad_threshold_names_the_key(key, value):
    with pytest.raises(SettingsError, match=key):
        pipeline_options({key: value})
