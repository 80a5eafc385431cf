"""Which sentences the object step sends to the parser (round 29, perf26): a sentence whose figures' objects the token
rules already settle is not parsed, and the objects are the same as if it had been (real model and parser)."""

from __future__ import annotations

import pytest

from transforms.entities import load_ner
from transforms.figures import find_figures
from transforms.figures.parsed_objects import (
    could_be_verbal,
    could_size_change,
    find_objects_and_parses,
    object_from_parse,
)
from transforms.options import EntityOptions


@pytest.fixture(scope="module")
def nlp():
    return load_ner(EntityOptions(syntax=True))


def parsed_sentences(nlp, text: str) -> list[str]:
    """The sentences the object step had the parser read, as it hands them to the holders."""
    _, parsed = find_objects_and_parses(nlp, [(text, find_figures(text, "a1"))])
    return [doc.text for doc in parsed[0].values()]


def objects_from_a_parse(nlp, text: str) -> list[str | None]:
    """Each figure's object were its (one) sentence parsed anyway: what the parse would have given."""
    figures = find_figures(text, "a1")
    doc = next(nlp.pipe([text], disable=["ner"]))
    objects = []
    for figure in figures:
        named = object_from_parse(doc, figure, 0)
        objects.append(figure.object if named is None else named or None)
    return objects


@pytest.mark.parametrize(
    "text",
    [
        # a change noun in another clause, an object after "the": neither a change's thing nor a verb
        "The budget rose 12% to $8.5 million, the trustees said, the biggest increase since 2009.",
        "The fare rose 5% this spring, the council said, its first increase in a decade.",
    ],
)
def test_a_sentence_the_token_rules_settle_is_not_parsed(nlp, text):
    assert parsed_sentences(nlp, text) == []
    figures = find_figures(text, "a1")
    assert [f.object for f in figures] == objects_from_a_parse(nlp, text)


@pytest.mark.parametrize(
    ("text", "objects"),
    [
        # a change noun the figure sizes, right after it or with "of" before the figure
        ("Enrolment rose after a 19 percent increase in the student population.", ["student population"]),
        ("The school reported an increase of 36 percent in its student population.", ["increase"]),
        # an object that may be a verb ("depending"): only the parse tells
        ("Prices range from $499 to $569 depending on the model.", [None]),
    ],
)
def test_a_sentence_a_rule_may_change_is_still_parsed(nlp, text, objects):
    _, parsed = find_objects_and_parses(nlp, [(text, find_figures(text, "a1"))])
    assert [doc.text for doc in parsed[0].values()] == [text]
    assert objects_from_a_parse(nlp, text) == objects


def test_could_be_verbal_reads_tokens_only(nlp):
    sentence = nlp.make_doc("The budget rose 12%, depending on how you count.")
    assert not could_be_verbal(sentence, "budget")  # after "The": always a noun to `verbal_object`
    assert could_be_verbal(sentence, "depending")
    assert not could_be_verbal(sentence, "udge")  # not whole tokens: `verbal_object` finds nothing


def test_could_size_change_reads_tokens_only(nlp):
    near = nlp.make_doc("It was a 5% year-over-year increase.")
    assert could_size_change(near, 9, 11)  # "5%", the hyphens no break
    far = nlp.make_doc("It rose 5%, the largest increase in years.")
    assert not could_size_change(far, 8, 10)
    of = nlp.make_doc("An increase of more than 5% is expected.")
    assert could_size_change(of, 25, 27)
