"""A page the first extraction reads as a listing is tried once more with trafilatura's baseline
(JSON-LD articleBody, <article> paragraphs): a story whose extractor took the teaser cards is kept,
a real listing stays rejected (docs/evaluation.md, "Round 18, extract17")."""

from __future__ import annotations

import json

from transforms.ids import doc_id_for
from transforms.options import PipelineOptions
from transforms.pipeline import PreparedDocument, prepare_document
from transforms.reasons import Reason
from transforms.records import RawDocument, Rejection

STORY = (
    "The tour's first trip to the coast ended in stormy weather that dampened the final's good mood. "
    "Organisers chose the venue less than two months before the tournament began, and it showed. "
    "Players complained about the courts, the wind and the lights, and several matches ran past midnight. "
    "Officials said on Sunday that next year's event would be held somewhere with a roof over the main court."
)
# Teaser cards written as text (no links for trafilatura's link density to drop), as tennis.com's are.
CARDS = "".join(
    f"<div class='card'><p>Year in Review</p><h3>The Awards: the wildest moment number {n} of the whole "
    f"season</h3><p>By Dec {n}, 2023</p></div>"
    for n in range(10, 30)
)


def _page(json_ld: str) -> bytes:
    return (f"<html><head><title>Awards</title>{json_ld}</head><body><main>{CARDS}</main></body></html>").encode()


def _prepared(html: bytes) -> PreparedDocument | Rejection:
    raw = RawDocument(
        doc_id=doc_id_for(html),
        source="test",
        url="https://example.com/news/awards",
        content=html,
        media_type="text/html",
    )
    return prepare_document(raw, PipelineOptions())


def test_a_story_in_json_ld_under_teaser_cards_is_kept() -> None:
    body = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "articleBody": STORY})
    result = _prepared(_page(f'<script type="application/ld+json">{body}</script>'))
    assert isinstance(result, PreparedDocument), result
    assert "stormy weather" in result.article.text
    assert "moment 12" not in result.article.text


def test_teaser_cards_alone_stay_a_listing() -> None:
    result = _prepared(_page(""))
    assert isinstance(result, Rejection)
    assert result.reason == Reason.NOT_NEWS
