"""Entity canonicalisation within an article (rules over model spans, no model needed)."""

from __future__ import annotations

from transforms.entities import Span, clean_name, resolve_mentions


def spans(*items: tuple[str, str]) -> list[Span]:
    out, offset = [], 0
    for surface, label in items:
        out.append(Span(surface, label, offset, offset + len(surface)))
        offset += len(surface) + 1
    return out


def names(found) -> set[tuple[str, str]]:
    return {(e.name, e.label) for e in found[1]}


def test_short_names_resolve_to_the_full_name():
    found = resolve_mentions(spans(("President Joe Biden", "PERSON"), ("Biden", "PERSON"),
                                   ("John Kirby", "PERSON"), ("Kirby's", "PERSON")), "a1")
    assert names(found) == {("Joe Biden", "PERSON"), ("John Kirby", "PERSON")}
    assert [m.surface for m in found[0]] == ["President Joe Biden", "Biden", "John Kirby", "Kirby's"]


def test_surname_mislabelled_as_org_resolves_to_person():
    found = resolve_mentions(spans(("Jen Psaki", "PERSON"), ("Psaki", "ORG")), "a1")
    assert names(found) == {("Jen Psaki", "PERSON")}


def test_ambiguous_surname_stays_as_written():
    found = resolve_mentions(spans(("Joe Biden", "PERSON"), ("Jill Biden", "PERSON"), ("Biden", "PERSON")), "a1")
    assert ("Biden", "PERSON") in names(found)


def test_places_and_labels():
    found = resolve_mentions(spans(("the United States", "GPE"), ("US", "GPE"), ("America", "GPE"),
                                   ("Europe", "LOC"), ("three", "CARDINAL"), ("n’t", "GPE")), "a1")
    assert names(found) == {("United States", "LOC"), ("Europe", "LOC")}


def test_clean_name_strips_article_and_possessive():
    assert clean_name("the White House", "ORG") == "White House"
    assert clean_name("Russia’s", "LOC") == "Russia"
