"""Figures tied to the entity that holds, gives or receives them, by syntax only (real model and parser)."""

from __future__ import annotations

import pytest

from transforms.entities import load_ner, read_text, resolve_mentions, spans_of
from transforms.figures import find_figures
from transforms.holders import find_holders
from transforms.options import EntityOptions

OPTIONS = EntityOptions(syntax=True)


@pytest.fixture(scope="module")
def nlp():
    return load_ner(OPTIONS)


def holders(nlp, text: str) -> dict[str, tuple[str, str | None] | None]:
    doc = read_text(nlp, text, OPTIONS)
    mentions, entities = resolve_mentions(spans_of(doc), "a1")
    name_of = {e.entity_id: e.name for e in entities}
    figures = find_holders(nlp, text, find_figures(text, "a1"), mentions)
    return {f.surface: (name_of[f.entity_id], f.role) if f.entity_id else None for f in figures}


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("Kirby said the United States has 8,500 troops on high alert.", "8,500 troops", ("United States", "holder")),
        (
            "The 300 Javelin missiles that the United States delivered to Ukraine have been used.",
            "300 Javelin missiles",
            ("United States", "giver"),
        ),
        ("Ukraine will receive 31 battle tanks from Germany.", "31 battle tanks", ("Ukraine", "receiver")),
        ("Russia's 100,000 troops are massed near the border.", "100,000 troops", ("Russia", "holder")),
        ("Boeing will pay $200 million to settle the charges.", "$200 million", ("Boeing", "giver")),
    ],
)
def test_syntax_ties_a_figure_to_an_entity(nlp, text, surface, expected):
    assert holders(nlp, text)[surface] == expected


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # Near an entity, but no verb of having, giving or receiving ties them.
        ("In Ukraine, 8,500 troops are on high alert.", "8,500 troops"),
        ("Russia said 12 drones were shot down.", "12 drones"),
        ("Police arrested 40 activists near Westminster Bridge.", "40 activists"),
    ],
)
def test_no_entity_from_proximity_alone(nlp, text, surface):
    assert holders(nlp, text)[surface] is None


def test_without_the_parser_no_figure_has_an_entity():
    options = EntityOptions(syntax=False)
    nlp = load_ner(options)
    assert "parser" not in nlp.pipe_names
    text = "The United States has 8,500 troops on high alert."
    doc = read_text(nlp, text, options)
    mentions, _ = resolve_mentions(spans_of(doc), "a1")
    assert [f.entity_id for f in find_holders(nlp, text, find_figures(text, "a1"), mentions)] == [None]


def test_only_sentences_with_a_figure_and_an_actor_are_parsed(nlp):
    from transforms.holders import sentences_to_parse

    text = (
        "Markets were calm on Monday. The United States has 8,500 troops on high alert. "
        "About 40 people attended. Officials in Poland met again."
    )
    doc = read_text(nlp, text, OPTIONS)
    mentions, _ = resolve_mentions(spans_of(doc), "a1")
    ranges = sentences_to_parse(text, find_figures(text, "a1"), mentions)
    assert [text[start:end] for start, end in ranges] == ["The United States has 8,500 troops on high alert."]


@pytest.mark.parametrize(
    ("sentence", "could"),
    [
        ("The United States has 8,500 troops on high alert.", True),  # a verb of having
        ("8,500 troops were sent by the US to Poland.", True),  # a verb of giving, passive
        ("Russia's 100,000 troops are massed near the border.", True),  # a possessor
        ("Russia’s 100,000 troops are massed near the border.", True),
        ("Its 300 tanks are in Poland.", True),
        # A figure and an actor, but nothing the holders' rules could tie them by.
        ("In Ukraine, 8,500 troops are on high alert.", False),
        ("Russia said 12 drones were shot down.", False),
        ("Police arrested 40 activists near Westminster Bridge.", False),
    ],
)
def test_sentences_no_rule_could_tie_are_not_parsed(nlp, sentence, could):
    from transforms.holders import could_have_holder

    assert could_have_holder(nlp.make_doc(sentence)) is could


def test_a_sentence_the_objects_parsed_is_not_parsed_again(nlp, monkeypatch):
    """A sentence with a price verb and a holder is read by both parse passes; the holders take the parse
    `find_objects_and_parses` made, and give what their own parse gives."""
    from transforms.figures.parsed_objects import find_objects_and_parses
    from transforms.holders import find_holders_of

    text = "Markets were calm. Boeing will pay $200 million to settle. Russia's 100,000 troops are massed."
    doc = read_text(nlp, text, OPTIONS)
    mentions, _ = resolve_mentions(spans_of(doc), "a1")
    figures, parsed = find_objects_and_parses(nlp, [(text, find_figures(text, "a1"))])
    assert [d.text for d in parsed[0].values()] == ["Boeing will pay $200 million to settle."]
    alone = find_holders_of(nlp, [(text, figures[0], mentions)])
    calls: list[str] = []
    parse = nlp.pipe

    def counting_pipe(docs, **kwargs):
        docs = list(docs)
        calls.extend(d.text for d in docs)
        return parse(docs, **kwargs)

    monkeypatch.setattr(nlp, "pipe", counting_pipe)
    shared = find_holders_of(nlp, [(text, figures[0], mentions)], parsed)
    assert calls == ["Russia's 100,000 troops are massed."]
    assert shared == alone
    assert [f.role for f in shared[0]] == ["giver", "holder"]
