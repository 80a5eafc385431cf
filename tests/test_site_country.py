"""The site's country from its address places a town the story leaves open (issue 12, round 17)."""

from __future__ import annotations

import pytest
import spacy

from transforms import pipeline
from transforms.entities import Span, placed_for_a_copy, resolve_mentions, site_country_of
from transforms.ids import doc_id_for
from transforms.options import PipelineOptions
from transforms.records import RawDocument

STORY = "Flooding closed two roads in Hamilton on Sunday, and the council opened a shelter for families."


@pytest.mark.parametrize(
    ("url", "country"),
    [
        ("https://www.stuff.example.co.nz/news/1", "NZ"),
        ("https://news.example.com.au/a", "AU"),
        ("https://www.example.co.uk/x", "GB"),
        ("https://paper.example.ie:8443/y", "IE"),
        ("https://paper.example.com/z", None),  # a generic domain says nothing
        ("https://startup.example.io/z", None),  # nor a country's domain bought for its letters
        ("https://agency.example.eu/z", None),  # nor a domain of no country
        (None, None),
    ],
)
def test_a_site_s_country_is_its_country_code_domain(url: str | None, country: str | None) -> None:
    assert site_country_of(url) == country


def hamilton(site_country: str | None, text: str = STORY) -> str | None:
    start = text.index("Hamilton")
    _, entities = resolve_mentions([Span("Hamilton", "GPE", start, start + 8, text)], "a1", site_country=site_country)
    return next(entity.country_code for entity in entities if entity.name == "Hamilton")


def test_a_town_the_story_leaves_open_is_in_the_site_s_country() -> None:
    assert hamilton(None) == "CA"  # the gazetteer's largest Hamilton
    assert hamilton("NZ") == "NZ"
    assert hamilton("GB") == "CA"  # Scotland's Hamilton is under a tenth of Ontario's


def test_the_story_s_own_places_beat_the_site_s_country() -> None:
    text = "Roads in Toronto, Ottawa and Hamilton closed."
    spans = [Span(n, "GPE", text.index(n), text.index(n) + len(n), text) for n in ("Toronto", "Ottawa", "Hamilton")]
    _, entities = resolve_mentions(spans, "a1", site_country="NZ")
    assert {entity.name: entity.country_code for entity in entities}["Hamilton"] == "CA"


def hamilton_model() -> spacy.language.Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "GPE", "pattern": "Hamilton"}])  # type: ignore[attr-defined]
    return nlp


def story_page(url: str) -> RawDocument:
    """The story on a page at this address, long enough to be kept."""
    more = "".join(
        f"<p>Volunteers from the church filled {n} sandbags before the second wave of rain arrived.</p>"
        for n in range(6)
    )
    content = f"<html><body><article><h1>Roads closed</h1><p>{STORY}</p>{more}</article></body></html>".encode()
    return RawDocument(
        doc_id=doc_id_for(content + url.encode()), source=url, url=url, content=content, media_type="text/html"
    )


def test_the_pipeline_reads_the_site_s_country_from_the_page_s_address() -> None:
    nlp = hamilton_model()
    found = {}
    for url in ("https://www.herald.example.co.nz/roads", "https://www.herald.example.com/roads"):
        result = pipeline.process_document(story_page(url), nlp, PipelineOptions())
        assert isinstance(result, pipeline.ProcessedDocument), result
        found[url] = {entity.name: entity.country_code for entity in result.entities}.get("Hamilton")
    assert found == {"https://www.herald.example.co.nz/roads": "NZ", "https://www.herald.example.com/roads": "CA"}


def test_an_exact_copy_on_a_site_of_another_country_places_its_towns_there() -> None:
    start = STORY.index("Hamilton")
    spans = [Span("Hamilton", "GPE", start, start + 8, STORY), Span("Sunday", "DATE", start + 12, start + 18, STORY)]
    first_mentions, first_entities = resolve_mentions(spans, "a1")  # a generic site: Ontario's Hamilton
    assert {e.name: e.country_code for e in first_entities} == {"Hamilton": "CA"}
    mentions, moved = placed_for_a_copy(first_mentions, STORY, "NZ")
    assert [(e.name, e.country_code) for e in moved] == [("Hamilton", "NZ")]
    assert [m.entity_id for m in mentions] == [moved[0].entity_id]
    for mention in mentions:  # each mention still reads its own words
        assert STORY[mention.char_start : mention.char_end] == mention.surface
    assert placed_for_a_copy(first_mentions, STORY, None) == (first_mentions, [])
    assert placed_for_a_copy(first_mentions, STORY, "GB") == (first_mentions, [])  # Scotland's is too small


def test_a_copy_keeps_the_places_its_text_chose_whatever_its_site() -> None:
    text = "Roads in Toronto, Ottawa and Hamilton closed."
    spans = [Span(n, "GPE", text.index(n), text.index(n) + len(n), text) for n in ("Toronto", "Ottawa", "Hamilton")]
    mentions, _ = resolve_mentions(spans, "a1")
    assert placed_for_a_copy(mentions, text, "NZ") == (mentions, [])


def test_the_pipeline_s_copy_on_a_second_site_reads_that_site_s_country() -> None:
    documents = []
    for url in ("https://www.herald.example.com/roads", "https://www.herald.example.co.nz/roads"):
        prepared = pipeline.prepare_document(story_page(url), PipelineOptions())
        assert isinstance(prepared, pipeline.PreparedDocument), prepared
        documents.append(prepared)
    assert documents[0].article.text_hash == documents[1].article.text_hash  # an exact copy
    first = next(pipeline.analyse_documents(documents[:1], hamilton_model(), PipelineOptions()))
    copy = pipeline.copied_document(documents[1], pipeline.analysis_of(first), PipelineOptions().entities)
    places = {e.entity_id: e.country_code for e in first.entities + copy.entities}
    assert {places[m.entity_id] for m in first.mentions} == {"CA"}
    assert {places[m.entity_id] for m in copy.mentions} == {"NZ"}
    text = copy.article.text
    assert all(text[m.char_start : m.char_end] == m.surface for m in copy.mentions)
