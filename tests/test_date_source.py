"""articles.date_source: where published_date came from (feed, sitemap, page, url, text, none)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import spacy

from transforms.decode import decode_document
from transforms.extract import extract_document
from transforms.ids import doc_id_for
from transforms.options import EntityOptions, ExtractOptions, PipelineOptions
from transforms.pipeline import ProcessedDocument, process_document
from transforms.records import RawDocument, RawPage
from warehouse.sources.discovery import discover_documents
from warehouse.sources.reading import document_from_page

BODY = "".join(
    f"<p>The council met for the {n}th time to debate the harbour budget and its many costs.</p>" for n in range(8)
)
FETCHED = datetime(2026, 11, 25, tzinfo=UTC)


def html(head: str = "", body_top: str = "") -> bytes:
    return (
        f"<html><head><title>Harbour budget</title>{head}</head><body>"
        f"<article><h1>Harbour budget</h1>{body_top}{BODY}</article></body></html>"
    ).encode()


def raw(content: bytes, url: str | None = None, **listing: object) -> RawDocument:
    return RawDocument(
        doc_id=doc_id_for(content),
        source=url or "mem",
        url=url,
        content=content,
        media_type="text/html",
        fetched_at=FETCHED,
        **listing,  # type: ignore[arg-type]  # published_date and date_source, as a listing gives them
    )


def extracted(document: RawDocument):
    text = decode_document(document)
    assert isinstance(text, str)
    return extract_document(document, text, ExtractOptions())


def test_page_date_from_meta_tags_url_or_text():
    meta = extracted(raw(html('<meta property="article:published_time" content="2024-03-14T09:30:00Z">')))
    assert (meta.published_date, meta.date_source) == (date(2024, 3, 14), "page")
    in_url = extracted(raw(html(), url="https://news.example/2024/03/15/harbour-budget.html"))
    assert (in_url.published_date, in_url.date_source) == (date(2024, 3, 15), "url")
    in_text = extracted(raw(html(body_top='<p class="date">Published March 16, 2024</p>')))
    assert (in_text.published_date, in_text.date_source) == (date(2024, 3, 16), "text")
    undated = extracted(raw(html()))
    assert (undated.published_date, undated.date_source) == (None, None)


def article(document: RawDocument):
    options = PipelineOptions(entities=EntityOptions(languages=()))
    result = process_document(document, spacy.blank("en"), options)
    assert isinstance(result, ProcessedDocument), result
    return result.article


def test_a_listing_date_wins_and_says_which_listing():
    page = html('<meta property="article:published_time" content="2024-03-14T09:30:00Z">')
    from_sitemap = article(raw(page, published_date=date(2024, 3, 13), date_source="sitemap"))
    assert (from_sitemap.published_date, from_sitemap.date_source) == (date(2024, 3, 13), "sitemap")
    from_feed = article(raw(page, published_date=date(2024, 3, 12), date_source="feed"))
    assert (from_feed.published_date, from_feed.date_source) == (date(2024, 3, 12), "feed")
    from_page = article(raw(page))
    assert (from_page.published_date, from_page.date_source) == (date(2024, 3, 14), "page")
    assert article(raw(html())).date_source is None


def test_discovery_and_stored_pages_carry_the_listing_kind(tmp_path):
    (tmp_path / "feed.rss").write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>N</title>"
        "<item><title>Cranes</title><link>https://news.example/2</link>"
        "<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item></channel></rss>",
        encoding="utf-8",
    )
    (tmp_path / "news.xml").write_text(
        "<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9' "
        "xmlns:news='http://www.google.com/schemas/sitemap-news/0.9'>"
        "<url><loc>https://news.example/3</loc><news:news>"
        "<news:publication_date>2024-03-04</news:publication_date>"
        "<news:title>Port budget</news:title></news:news></url></urlset>",
        encoding="utf-8",
    )
    refs = {ref.path: ref for ref in discover_documents([str(tmp_path)]).refs}
    assert refs["https://news.example/2"].published_from == "feed"
    assert refs["https://news.example/3"].published_from == "sitemap"
    stored = RawPage(
        doc_id="d",
        url="https://news.example/3",
        final_url="https://news.example/3",
        status=200,
        content_type="text/html",
        content_language=None,
        etag=None,
        last_modified=None,
        fetched_at=FETCHED,
        title="Port budget",
        published_date=date(2024, 3, 4),
        content=b"<html></html>",
        date_source="sitemap",
    )
    # Reprocessing a stored page without its listing keeps what the listing said.
    assert document_from_page(stored).date_source == "sitemap"
    assert document_from_page(stored, refs["https://news.example/2"]).date_source == "feed"
