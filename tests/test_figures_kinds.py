"""Figure error kinds found on real news (issue 12): the own-written sentences of
tests/eval/figures_kinds.json, each with all of its figures and every field. A sentence marked
"parse" is checked as the pipeline gives it: objects the token rules leave empty filled from the
dependency parse (`find_objects_of`, with the real model)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from transforms.entities import load_ner
from transforms.figures import find_figures
from transforms.figures.parsed_objects import find_objects_of
from transforms.options import EntityOptions

EVAL_FILE = Path(__file__).resolve().parent / "eval" / "figures_kinds.json"
FIELDS = ("value", "value_low", "value_high", "approximate", "qualifier", "unit", "object", "kind")
DEFAULTS = {"value": None, "value_low": None, "value_high": None, "approximate": False, "qualifier": None}
SENTENCES = json.loads(EVAL_FILE.read_text(encoding="utf-8"))["sentences"]


def test_every_sentence_names_its_error_kind():
    assert len(SENTENCES) >= 20
    assert len({s["id"] for s in SENTENCES}) == len(SENTENCES)
    assert all(s["kind"] and s["text"] for s in SENTENCES)


@pytest.fixture(scope="module")
def nlp():
    return load_ner(EntityOptions(syntax=True))


@pytest.mark.parametrize("sentence", SENTENCES, ids=[s["id"] for s in SENTENCES])
def test_sentence_has_exactly_its_figures(sentence, request):
    figures = find_figures(sentence["text"], sentence["id"])
    if sentence.get("parse"):
        figures = find_objects_of(request.getfixturevalue("nlp"), [(sentence["text"], figures)])[0]
    found = [{"surface": f.surface, **{name: getattr(f, name) for name in FIELDS}} for f in figures]
    wanted = [{"unit": None, "object": None, **DEFAULTS, **figure} for figure in sentence["figures"]]
    assert found == wanted, sentence["kind"]
