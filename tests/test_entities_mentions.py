"""How often each name is found, not only which: the sentences of tests/eval/entities_mentions.json through the
model and the rules, scored as bench/eval_entities_real.py scores a page (a bag of mentions)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from transforms.entities import (
    NamedSpan,
    Span,
    clean_name,
    load_ner,
    one_label_per_name,
    people_named_again,
    read_text,
    resolve_mentions,
    spans_of,
)
from transforms.options import EntityOptions

EVAL_FILE = Path(__file__).resolve().parent / "eval" / "entities_mentions.json"
SENTENCES = json.loads(EVAL_FILE.read_text(encoding="utf-8"))["sentences"]
OPTIONS = EntityOptions(syntax=False)


@pytest.fixture(scope="module")
def nlp():
    return load_ner(OPTIONS)


@pytest.mark.parametrize("sentence", SENTENCES, ids=[s["id"] for s in SENTENCES])
def test_sentence(nlp, sentence):
    mentions, _ = resolve_mentions(spans_of(read_text(nlp, sentence["text"], OPTIONS)), sentence["id"], OPTIONS)
    found = Counter((m.label, clean_name(m.surface, m.label)) for m in mentions)
    for label, name, count in sentence["mentions"]:
        assert found[label, name] == count, (label, name, found)
    for label, name in sentence["not"]:
        assert (label, name) not in found, (label, name, found)


def _named(text: str, word: str, label: str, nth: int = 0) -> NamedSpan:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return NamedSpan(Span(word, label, start, start + len(word), text), label, word)


def test_a_surname_the_model_calls_a_people_stays_a_person():
    # "Applewhite" PERSON once, then twice NORP: the people's label counts only for a name that reads as one.
    text = "Coach Nia Applewhite won. Applewhite said so, and Applewhite left. Applewhite smiled."
    named = [_named(text, "Applewhite", "PERSON", 1), _named(text, "Applewhite", "NORP", 2)]
    named.append(_named(text, "Applewhite", "NORP", 3))
    assert [item.label for item in one_label_per_name(named)] == ["PERSON"] * 3
    text = "Kenyan runners won. The Kenyan team and Kenyan fans, Kenyan said."
    named = [_named(text, "Kenyan", "NORP", 0), _named(text, "Kenyan", "NORP", 1), _named(text, "Kenyan", "ORG", 2)]
    assert [item.label for item in one_label_per_name(named)] == ["NORP"] * 3


def test_a_name_again_is_not_taken_inside_a_longer_name_or_after_another_capital():
    text = "Ann Brannigan quit. Brannigan Center keeps her name; pro-Brannigan fans, Dean Brannigan and Brannigan wept."
    people = people_named_again([_named(text, "Ann Brannigan", "PERSON")])
    assert [(item.span.surface, item.span.char_start) for item in people[1:]] == [
        ("Brannigan", text.rindex("Brannigan"))
    ]


def test_a_full_name_found_again_is_one_mention_not_also_its_surname():
    text = "Dylann Roof was charged on Monday. Later that week the court heard more. Dylann Roof did not speak."
    people = people_named_again([_named(text, "Dylann Roof", "PERSON")])
    assert [(item.span.surface, item.span.char_start) for item in people] == [
        ("Dylann Roof", 0),
        ("Dylann Roof", text.rindex("Dylann Roof")),
    ]
