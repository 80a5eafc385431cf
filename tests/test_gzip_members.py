"""gzip of several members (`cat a.gz b.gz`) read to its last member wherever newsetl gunzips: listings on disk and
from a server, fetched bodies under Content-Encoding; a later member cut short or damaged is a rejection. Gzipped
and EBCDIC feeds are cut into parts as they are decompressed (transcoded), never whole. br and deflate (zlib and
raw) feeds from a real server on 127.0.0.1."""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Callable

import brotli  # type: ignore[import-untyped]  # brotli ships no type stubs
import pytest

from tests.http_fixtures import Response, Site, serving
from tests.test_listing_streams import parts_seen  # noqa: F401 - a fixture, used by name
from transforms.feed_parts import closing_tags
from transforms.listings import ListingEntry, ListingLimits, parse_listing
from warehouse.options import FetchOptions
from warehouse.sources import discover_documents
from warehouse.sources.discovery import listing_chunks
from warehouse.sources.http_payload import BadEncoding, HttpHead, http_body
from warehouse.sources.reading import read_document

ITEMS = 300
OPTIONS = FetchOptions(
    requests_per_second_per_host=1000.0,
    allowed_networks=("127.0.0.1/32",),  # type: ignore[arg-type]  # the fetcher takes strings too
)


def feed(items: int = ITEMS, encoding: str = "utf-8") -> bytes:
    entries = "".join(
        f"<item><title>Caf\xe9 {n} [x]</title><link>https://news.example/{n}.html</link></item>" for n in range(items)
    )
    text = f"<?xml version='1.0' encoding='{encoding}'?><rss version='2.0'><channel><title>T</title>{entries}"
    return (text + "</channel></rss>").encode(encoding)


def expected(items: int = ITEMS) -> list[ListingEntry]:
    return [ListingEntry(f"https://news.example/{n}.html", f"Caf\xe9 {n} [x]") for n in range(items)]


def members(data: bytes, cuts: int = 2) -> bytes:
    """The data gzipped as `cuts` members, cut anywhere (in the middle of a tag too)."""
    step = len(data) // cuts + 1
    return b"".join(gzip.compress(data[start : start + step]) for start in range(0, len(data), step))


def urls_of(source: str) -> list[str]:
    return sorted(ref.path for ref in discover_documents([source], OPTIONS).refs)


def rejection_of(source: str) -> tuple[str | None, str]:
    [ref] = discover_documents([source], OPTIONS).refs
    assert ref.kind == "rejected"
    return ref.reason, ref.detail or ""


class _CodingSite(Site):
    """The feed under every coding: gzip bodies of one and of three members, Content-Encoding gzip of three, br,
    deflate as RFC 9110 says (zlib) and as some servers send it (raw); and damaged ones."""

    def routes(self) -> dict[str, Callable[[], Response]]:
        routes = super().routes()
        rss, gz = {"Content-Type": "application/rss+xml"}, {"Content-Type": "application/gzip"}
        body = feed()
        good, cut = members(body, 3), members(body, 3)[:-20]
        damaged = bytearray(good)
        damaged[len(gzip.compress(body[: len(body) // 3 + 1])) + 30] ^= 0xFF  # in the second member's data
        routes["/feed1.xml.gz"] = lambda: (200, gz, gzip.compress(body))
        routes["/feed3.xml.gz"] = lambda: (200, gz, good)
        routes["/cut.xml.gz"] = lambda: (200, gz, cut)
        routes["/damaged.xml.gz"] = lambda: (200, gz, bytes(damaged))
        routes["/ce-gzip3.xml"] = lambda: (200, {**rss, "Content-Encoding": "gzip"}, good)
        routes["/ce-gzip-cut.xml"] = lambda: (200, {**rss, "Content-Encoding": "gzip"}, cut)
        routes["/ce-gzip-junk.xml"] = lambda: (200, {**rss, "Content-Encoding": "gzip"}, good + b"\r\n")
        routes["/ce-br.xml"] = lambda: (200, {**rss, "Content-Encoding": "br"}, brotli.compress(body))
        routes["/ce-deflate.xml"] = lambda: (200, {**rss, "Content-Encoding": "deflate"}, zlib.compress(body))
        routes["/ce-deflate-raw.xml"] = lambda: (
            200,
            {**rss, "Content-Encoding": "deflate"},
            zlib.compress(body, wbits=-zlib.MAX_WBITS),
        )
        return routes


def test_every_member_of_a_gzip_listing_is_read_on_disk_and_from_a_server(tmp_path):
    want = sorted(entry.url for entry in expected())
    (tmp_path / "feed.xml.gz").write_bytes(members(feed(), 3))
    (tmp_path / "padded.xml.gz").write_bytes(members(feed(), 3) + b"\0" * 100)  # padding, as gzip(1) skips
    assert urls_of(str(tmp_path / "feed.xml.gz")) == want  # the first member's 100 items alone before
    assert urls_of(str(tmp_path / "padded.xml.gz")) == want
    with serving(_CodingSite()) as site:
        for path in ("/feed1.xml.gz", "/feed3.xml.gz", "/ce-gzip3.xml", "/ce-gzip-junk.xml"):
            assert urls_of(f"{site.base}{path}") == want, path
        for path in ("/ce-br.xml", "/ce-deflate.xml", "/ce-deflate-raw.xml"):
            assert urls_of(f"{site.base}{path}") == want, path


def test_a_later_member_cut_short_or_damaged_is_a_rejection_not_a_shorter_listing(tmp_path):
    good = members(feed(), 3)
    (tmp_path / "cut.xml.gz").write_bytes(good[:-20])
    (tmp_path / "junk.xml.gz").write_bytes(good + b"not gzip")
    reason, detail = rejection_of(str(tmp_path / "cut.xml.gz"))
    assert (reason, "gzip member 3") == ("unreadable", detail[: len("gzip member 3")])
    assert "cut short" in detail
    reason, detail = rejection_of(str(tmp_path / "junk.xml.gz"))
    assert reason == "unreadable" and "not gzip" in detail
    with serving(_CodingSite()) as site:
        assert rejection_of(f"{site.base}/cut.xml.gz")[0] == "bad_gzip"
        assert rejection_of(f"{site.base}/damaged.xml.gz")[0] == "bad_gzip"
        reason, detail = rejection_of(f"{site.base}/ce-gzip-cut.xml")
        assert reason == "bad_encoding" and "cut short" in detail


def test_a_first_member_cut_short_still_gives_what_came():
    # One member cut short is an interrupted download, read as far as it goes (as before, and as browsers show it).
    body = gzip.compress(feed())
    out = b"".join(listing_chunks(io.BytesIO(body[: len(body) // 2]).read))
    assert 0 < len(out) < len(feed()) and feed().startswith(out)


def test_http_bodies_of_several_members_decode_whole_and_a_damaged_one_is_refused():
    head = HttpHead(200, (("content-encoding", "gzip"),), 0)
    page = b"<html><body>" + b"word " * 20_000 + b"</body></html>"
    assert http_body(head, members(page, 4), 1 << 20) == page  # a WARC record's stored body, or a fetched one
    with pytest.raises(BadEncoding, match="cut short"):
        http_body(head, members(page, 4)[:-10], 1 << 20)


def test_a_local_gzipped_page_of_several_members_is_read_whole(tmp_path):
    from warehouse.sources.discovery import DocumentRef

    page = b"<html><body><p>" + b"The harbour board met. " * 200 + b"</p></body></html>"
    path = tmp_path / "page.html.gz"
    path.write_bytes(members(page, 3))
    assert read_document(DocumentRef(str(path))).content == page  # type: ignore[union-attr]
    path.write_bytes(members(page, 3)[:-10])
    assert read_document(DocumentRef(str(path))).reason == "bad_gzip"  # type: ignore[union-attr]


def test_a_gzipped_feed_is_cut_into_parts_as_it_is_decompressed(tmp_path, parts_seen):  # noqa: F811
    path = tmp_path / "feed.xml.gz"
    path.write_bytes(members(feed(), 2))
    discovery = discover_documents([str(path)])
    assert sorted((ref.path, ref.title) for ref in discovery.refs) == sorted((e.url, e.title) for e in expected())
    assert len(parts_seen) > 5 and max(parts_seen) < 10_000  # parts of ~4 KiB of items, never the whole 27 KiB
    parts_seen.clear()
    listing = parse_listing(listing_chunks(io.BytesIO(members(feed(), 2)).read), limits=ListingLimits(entries=10))
    assert (listing.entries, listing.entries_cut) == (expected()[:10], ITEMS - 10)
    assert len(parts_seen) <= 2  # the rest counted, never parsed


@pytest.mark.parametrize("encoding", ["cp037", "cp500", "cp1140"])
def test_an_ebcdic_feed_is_read_in_parts_in_its_declared_code_page(encoding, parts_seen):  # noqa: F811
    # "[" is a different byte in cp037 and cp500: read in the wrong page, the titles would differ.
    listing = parse_listing(feed(encoding=encoding))
    assert listing.entries == expected()
    assert len(parts_seen) > 5 and max(parts_seen) < 10_000


def test_the_server_charset_wins_for_an_ebcdic_feed():
    # Declared cp037, labelled cp500 by the server: the server's, as feedparser (and browsers) choose.
    content = feed(encoding="cp500").replace("cp500".encode("cp500"), "cp037".encode("cp500"))
    assert parse_listing(content, charset="cp500").entries == expected()


@pytest.mark.parametrize(
    ("head", "tail"),
    [
        (b"<?xml version='1.0'?><rss version='2.0'><channel><title>T</title>", b"</channel></rss>"),
        (b"<!DOCTYPE rss [<!ENTITY a '<b>'>]><rss a=\"x>y\"><!-- <c> --><channel><x/>", b"</channel></rss>"),
        (b"<rdf:RDF xmlns:rdf='r'><channel><title>T</title></channel>", b"</rdf:RDF>"),
        (b"<feed xmlns='http://www.w3.org/2005/Atom'><title type='html'><![CDATA[<i>]]></title>", b"</feed>"),
        (b"<rss><channel></rss>", None),  # an end tag that closes nothing open: no tail made up
        (b"<rss><channel><title", None),
        (b"<a>" * 65, None),  # deeper than any feed: read whole
    ],
)
def test_closing_tags_close_what_the_head_left_open(head, tail):
    assert closing_tags(head) == tail


def test_a_feed_whose_head_does_not_close_is_joined_and_cut_as_bytes_are(parts_seen):  # noqa: F811
    # No end tags can be made up for this head: the feed is joined (as before) and cut with its own tail.
    broken = feed().replace(b"<title>T</title>", b"<title>T</titel></title>", 1)
    streamed = parse_listing(listing_chunks(io.BytesIO(gzip.compress(broken)).read))
    half = len(parts_seen)
    assert streamed == parse_listing(broken)
    assert parts_seen[:half] == parts_seen[half:]
