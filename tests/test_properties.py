"""Property tests: random bytes and random HTML through decoding, extraction, cleaning, figures and listings.

Whatever the input, each step returns its result or a `Rejection` (listings: `NotAListing`), never
another exception, and within hypothesis's deadline per example: inputs include page-sized ones
built by repeating a random fragment, which is where a pattern that backtracks shows. Examples are
derandomised so CI sees the same ones each time.
"""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transforms.decode import decode_document
from transforms.extract import ExtractedDocument, extract_document
from transforms.figures import find_figures
from transforms.ids import doc_id_for
from transforms.listings import Listing, NotAListing, listing_kind, parse_listing, parse_url_list
from transforms.normalise import RESIDUE_PATTERNS, clean_lines, drop_author_lines, normalise_text, residue_reason
from transforms.options import ExtractOptions
from transforms.records import RawDocument, Rejection

PROPERTIES = settings(
    # A guard against patterns that backtrack (seconds become hours), not a speed test: wide enough
    # that a busy CI machine running two test processes does not trip it (1 s did, at load 45).
    deadline=10_000,
    derandomize=True,
    max_examples=40,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# None of these strategies touches the `random` module; hypothesis compares the global random state
# before and after a draw, so a background thread left by earlier tests in this process (Prefect's
# draw reconnect and retry jitter from it) can make it warn that a strategy used `random`: a warning
# about the other thread, not about these strategies.
pytestmark = pytest.mark.filterwarnings(
    "ignore:Do not use the `random` module inside strategies:hypothesis.errors.HypothesisDeprecationWarning"
)
# A long article. Figures take about 10 µs a character: 20 KB is 0.2 s, far inside the deadline.
PAGE_CHARS = 20_000

CHARSETS = [None, "utf-8", "iso-8859-1", "utf-16", "base64", "rot13", "idna", "x-nonsense", "shift_jis", ""]
TAGS = ["html", "head", "body", "title", "meta", "p", "div", "article", "a", "span", "script", "style", "table"]
TAGS += ["td", "br", "img", "h1", "time", "svg", "x:y", "a:b:c", "1bad", "rss", "item", "link", "urlset", "loc"]
ENTITIES = ["&amp;", "&lt;", "&#99999999;", "&#xD800;", "&#0;", "&nbsp;", "&bogus;", "&#x1F600;", "&#" + "9" * 30 + ";"]
WORDS = ["By", "Henry", "and", "y", "Jane", "Doe", "12:04", "1,000", "$", "%", "forty", "million", "!", ".", "?"]
WORDS += ["http://[::1/x", "https://news.example/a", "Share", "comments", "\u00e9", "\ufffd", "\ud800", "\u200b", "\n"]


def words() -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(WORDS) | st.text(max_size=8), max_size=12).map(" ".join)


def attributes() -> st.SearchStrategy[str]:
    names = st.sampled_from(["class", "id", "href", "charset", "content", "lang", "datetime", "x:y", "on"])
    values = st.sampled_from(["", "utf-16", "base64", "http://[::1/x", 'a"b', "main", "2024-13-45"]) | words()
    return st.lists(st.tuples(names, values), max_size=3).map(
        lambda pairs: "".join(f' {name}="{value}"' for name, value in pairs)
    )


def html_fragment() -> st.SearchStrategy[str]:
    leaves = words() | st.sampled_from(ENTITIES) | st.sampled_from(["<", ">", "<!--", "-->", "<?", "<![CDATA[", "</p>"])
    return st.recursive(
        leaves,
        lambda inner: st.tuples(st.sampled_from(TAGS), attributes(), st.lists(inner, max_size=4)).map(
            lambda parts: f"<{parts[0]}{parts[1]}>{''.join(parts[2])}</{parts[0]}>"
        ),
        max_leaves=30,
    )


def page_sized(fragment: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """A fragment, or a fragment repeated up to a page's size (where backtracking shows)."""
    repeated = st.tuples(fragment, st.integers(1, 3000)).map(lambda pair: (pair[0] * pair[1])[:PAGE_CHARS])
    return fragment | repeated


HTML = page_sized(html_fragment()).map(lambda body: f"<html><head><title>T</title></head><body>{body}</body></html>")
TEXT = page_sized(words())
BYTES = st.binary(max_size=4096) | st.tuples(st.binary(min_size=1, max_size=64), st.integers(1, 1500)).map(
    lambda pair: pair[0] * pair[1]
)


@pytest.fixture(scope="module", autouse=True)
def warmed_up():
    """The first call into trafilatura and friends fills lazy imports and caches: not any input's cost."""
    html = "<html><head><title>T</title></head><body><p>Ten new cranes arrived on Tuesday.</p></body></html>"
    raw = raw_document(html.encode(), "text/html", "utf-8")
    text = decode_document(raw)
    assert isinstance(text, str)
    extract_document(raw, text, ExtractOptions())
    find_figures(normalise_text("Ten new cranes arrived on Tuesday."), "article")
    parse_listing(b"<rss version='2.0'><channel><item><link>https://news.example/1</link></item></channel></rss>")


def raw_document(content: bytes, media_type: str, charset: str | None) -> RawDocument:
    return RawDocument(
        doc_id=doc_id_for(content), source="mem", url=None, content=content, media_type=media_type, charset=charset
    )


@PROPERTIES
@given(
    # surrogatepass: the words include a lone surrogate, which plain UTF-8 refuses to encode.
    content=BYTES | HTML.map(lambda html: html.encode("utf-8", errors="surrogatepass")),
    media_type=st.sampled_from(["text/html", "text/plain"]),
    charset=st.sampled_from(CHARSETS),
)
def test_decoding_returns_text_or_a_rejection(content, media_type, charset):
    decoded = decode_document(raw_document(content, media_type, charset))
    assert isinstance(decoded, str | Rejection)


@PROPERTIES
@given(html=HTML, charset=st.sampled_from(CHARSETS))
def test_extraction_returns_a_document_or_a_rejection(html, charset):
    raw = raw_document(html.encode("utf-8", errors="surrogatepass"), "text/html", charset)
    decoded = decode_document(raw)
    if isinstance(decoded, Rejection):
        return
    extracted = extract_document(raw, decoded, ExtractOptions())
    assert isinstance(extracted, ExtractedDocument | Rejection)


@PROPERTIES
@given(text=TEXT | HTML, author=st.none() | words())
def test_cleaning_returns_text(text, author):
    cleaned = normalise_text(text)
    assert isinstance(drop_author_lines(cleaned, author), str)
    for line in clean_lines(text) + text.splitlines()[:50]:
        assert residue_reason(line) in (None, *RESIDUE_PATTERNS)


@PROPERTIES
@given(text=TEXT)
def test_figures_return_figures(text):
    assert isinstance(find_figures(text, "article"), list)


@PROPERTIES
@given(content=BYTES | HTML.map(lambda html: html.encode("utf-8", errors="surrogatepass")))
def test_listing_parsing_returns_a_listing_or_not_a_listing(content):
    listing_kind(content)
    for document in (content, b"<?xml version='1.0'?><rss version='2.0'><channel>" + content, b"<urlset>" + content):
        with contextlib.suppress(NotAListing):
            assert isinstance(parse_listing(document, base_url="https://news.example/feed"), Listing)
    with contextlib.suppress(NotAListing):
        assert isinstance(parse_url_list(content.decode("utf-8", errors="replace")), Listing)
