"""Places that are places, roles that are not names, short English briefs that get NER: the
sentences of tests/eval/entities_places.json through the language check, the model and the rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from transforms.entities import load_ner, read_text, resolve_mentions, spans_of
from transforms.language import detect_language
from transforms.options import EntityOptions, LanguageOptions

EVAL_FILE = Path(__file__).resolve().parent / "eval" / "entities_places.json"
SENTENCES = json.loads(EVAL_FILE.read_text(encoding="utf-8"))["sentences"]
OPTIONS = EntityOptions(syntax=False)


@pytest.fixture(scope="module")
def nlp():
    return load_ner(OPTIONS)


def test_every_error_kind_has_sentences():
    kinds = {s["kind"] for s in SENTENCES}
    assert kinds >= {
        "capital labelled ORG",
        "capital labelled PERSON",
        "surname-like city",
        "invented town labelled PERSON",
        "job title in a name",
        "short English brief",
        "invented town labelled ORG",
        "town labelled PERSON beside a place",
        "format or code labelled ORG or PERSON",
        "team nickname labelled PERSON",
        "product labelled PERSON",
        "technical term labelled ORG",
        "town chosen by the region after it",
        "town labelled PERSON as a side",
        "list items read as one name",
        "town written as a team",
        "team nickname cut from its town",
        "menu words on their own lines",
        "title of a work labelled PERSON or ORG",
        "site labelled PERSON",
        "town in the country of its neighbours",
    }


@pytest.mark.parametrize("sentence", SENTENCES, ids=[s["id"] for s in SENTENCES])
def test_sentence(nlp, sentence):
    text = sentence["text"]
    assert detect_language(text).code == sentence["language"]
    _, entities = resolve_mentions(spans_of(read_text(nlp, text, OPTIONS)), sentence["id"], OPTIONS)
    found = {(e.name, e.label, e.country_code) for e in entities}
    for name, label, code in sentence["entities"]:
        assert (name, label, code) in found, (name, label, code, found)
    for name, label in sentence["not"]:
        assert not any(e.name == name and e.label == label for e in entities), (name, label, found)
    for entity in entities:
        # A point only where the gazetteer knows the place, and then with its country.
        assert (entity.latitude is None) == (entity.longitude is None)
        assert entity.latitude is None or (entity.label == "LOC" and entity.country_code is not None)


def test_short_briefs_were_undetermined_before():
    """Without the English-words rule these briefs had no language, so no entities at all."""
    briefs = [s["text"] for s in SENTENCES if s["kind"] == "short English brief"]
    assert all(detect_language(text, LanguageOptions(english_word_share=0)).code == "und" for text in briefs)


def test_a_name_the_gazetteer_only_lengthens_stays_as_written():
    from transforms.places import canonical_place_name, gazetteer

    place = gazetteer().find("New York")
    assert place is not None and place.name == "New York City"
    assert canonical_place_name("New York", place) == "New York"
    kyiv = gazetteer().find("Kiev")
    assert kyiv is not None and canonical_place_name("Kiev", kyiv) == kyiv.name != "Kiev"
