"""Listings in the shapes that were read whole: UTF-16 and UTF-32 feeds and sitemaps (transcoded to UTF-8 a chunk at
a time, then cut into parts or streamed like any other), and gzipped sitemaps and feeds on disk and from a server
(decompressed a chunk at a time into the reader, no further than the size limit)."""

from __future__ import annotations

import re
import tracemalloc
import zlib
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.http_fixtures import Response, Site, serving
from tests.test_listing_memory import SITEMAPS, discovered_with_limit
from transforms import listings
from transforms.listings import ListingEntry, ListingLimits, absolute_http_url, joined_http_url, parse_listing
from warehouse.options import FetchOptions
from warehouse.sources import discover_documents

ITEMS = 400


def wide_feed(encoding: str, declared: str, items: int = ITEMS) -> bytes:
    """An RSS feed of `items` items with accented titles, in a UTF-16 or UTF-32 form, declaring `declared`."""
    entries = "".join(
        f"<item><title>Caf\xe9 {n} \u2014 \u043d\u043e\u0432\u043e\u0441\u0442\u0438 \U0001f4f0</title>"
        f"<link>https://news.example/{n}.html</link></item>"
        for n in range(items)
    )
    feed = f"<?xml version='1.0' encoding='{declared}'?><rss version='2.0'><channel><title>T</title>{entries}"
    return (feed + "</channel></rss>").encode(encoding)


def expected(items: int = ITEMS) -> list[ListingEntry]:
    return [
        ListingEntry(
            f"https://news.example/{n}.html",
            f"Caf\xe9 {n} \u2014 \u043d\u043e\u0432\u043e\u0441\u0442\u0438 \U0001f4f0",
        )
        for n in range(items)
    ]


WIDE_FORMS = [
    ("utf-16", "UTF-16"),  # with a byte order mark (little-endian here)
    ("utf-16-be", "UTF-16"),  # no mark: "<" as two bytes, and the declaration
    ("utf-16-le", "utf-16le"),
    ("utf-32", "UTF-32"),
]


@pytest.fixture
def parts_seen(monkeypatch) -> list[int]:
    """The size of every feed feedparser is given, with parts of about 4 KiB of items."""
    sizes: list[int] = []
    parsed_feed = listings._parsed_feed

    def spy(content: bytes, *args, **kwargs):
        sizes.append(len(content))
        return parsed_feed(content, *args, **kwargs)

    monkeypatch.setattr(listings, "_FEED_PART_BYTES", 4096)
    monkeypatch.setattr(listings, "_parsed_feed", spy)
    return sizes


@pytest.mark.parametrize(("encoding", "declared"), WIDE_FORMS)
def test_a_wide_feed_over_the_parts_threshold_is_read_in_parts_as_utf8(encoding, declared, parts_seen):
    content = wide_feed(encoding, declared)
    listing = parse_listing(content, "https://news.example/feed.xml")
    assert listing.entries == expected()
    # In parts of ~4 KiB of items (the whole was 44-88 KiB, and was parsed whole before).
    assert len(parts_seen) > 5
    assert max(parts_seen) < 10_000
    # At the run's limit, the items past it are counted and never parsed.
    parts_seen.clear()
    listing = parse_listing(content, limits=ListingLimits(entries=10))
    assert (listing.entries, listing.entries_cut) == (expected()[:10], ITEMS - 10)
    assert len(parts_seen) <= 2


def test_a_wide_sitemap_past_the_limit_has_the_rest_counted():
    """lxml read UTF-16 sitemaps, but the entries past the limit were counted in the bytes as ASCII: none were."""
    locs = "".join(f"<url><loc>https://news.example/{n}.html</loc></url>" for n in range(5000))  # 490 KiB
    sitemap = f"<?xml version='1.0' encoding='UTF-16'?><urlset xmlns='{SITEMAPS}'>{locs}</urlset>"
    listing = parse_listing(sitemap.encode("utf-16"), limits=ListingLimits(entries=20))
    assert [entry.url for entry in listing.entries] == [f"https://news.example/{n}.html" for n in range(20)]
    assert listing.entries_cut == 5000 - 20


class _WideSite(Site):
    def routes(self) -> dict[str, Callable[[], Response]]:
        routes = super().routes()
        rss = "application/rss+xml"
        routes["/bom-feed.xml"] = lambda: (200, {"Content-Type": rss}, wide_feed("utf-16", "UTF-16"))
        routes["/declared-feed.xml"] = lambda: (200, {"Content-Type": rss}, wide_feed("utf-16-le", "UTF-16"))
        # The server names the charset (it wins over a declaration, which says nothing of the byte order).
        routes["/labelled-feed.xml"] = lambda: (
            200,
            {"Content-Type": f"{rss}; charset=utf-16"},
            wide_feed("utf-16", "UTF-16"),
        )
        return routes


def test_wide_feeds_from_a_server_and_on_disk_are_read_in_parts(tmp_path, parts_seen):
    options = FetchOptions(
        requests_per_second_per_host=1000.0,
        allowed_networks=("127.0.0.1/32",),  # type: ignore[arg-type]  # the fetcher takes strings too
    )
    (tmp_path / "feed.rss").write_bytes(wide_feed("utf-16-be", "UTF-16"))
    with serving(_WideSite()) as site:
        paths = ["/bom-feed.xml", "/declared-feed.xml", "/labelled-feed.xml"]
        for source in [*(f"{site.base}{path}" for path in paths), str(tmp_path / "feed.rss")]:
            parts_seen.clear()
            discovery = discover_documents([source], options)
            assert sorted(ref.path for ref in discovery.refs) == sorted(entry.url for entry in expected()), source
            assert {ref.title for ref in discovery.refs} == {entry.title for entry in expected()}, source
            assert len(parts_seen) > 5 and max(parts_seen) < 10_000, source


def test_a_big_wide_feed_costs_what_a_utf8_one_does(tmp_path):
    # 150,000 items, 14 MiB as UTF-16: read whole, feedparser's dictionaries of every item took +170 MiB or more
    # for 10 URLs; in parts as the UTF-8 feed of tests/test_listing_memory.py, well under 80.
    items = "".join(f"<item><link>https://news.example/{n}.html</link></item>" for n in range(150_000))
    path = tmp_path / "feed.xml"
    path.write_bytes(f"<?xml version='1.0' encoding='UTF-16'?><rss><channel>{items}</channel></rss>".encode("utf-16"))
    urls, skipped, grown = discovered_with_limit(path, 10)
    assert (urls, skipped) == (10, {"listing/over_limit": 150_000 - 10})
    assert grown < 80


# --- Gzipped listings, on disk and from a server: decompressed a chunk at a time into the reader ---


def gzipped_sitemap(entries: int, padding: int = 0) -> bytes:
    """A sitemap of `entries` URLs under gzip, with `padding` spaces after its entries (a bomb when large)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    out = [compressor.compress(f"<?xml version='1.0'?><urlset xmlns='{SITEMAPS}'>".encode())]
    for start in range(0, entries, 10_000):
        locs = "".join(f"<url><loc>https://news.example/{n}.html</loc></url>" for n in range(start, start + 10_000))
        out.append(compressor.compress(locs.encode()))
    out.extend(compressor.compress(b" " * (1 << 20)) for _ in range(padding >> 20))
    out.append(compressor.compress(b"</urlset>"))
    return b"".join([*out, compressor.flush()])


class _GzipSite(Site):
    def __init__(self, body: bytes) -> None:
        super().__init__()
        self.body = body

    def routes(self) -> dict[str, Callable[[], Response]]:
        routes = super().routes()
        routes["/big-sitemap.xml.gz"] = lambda: (200, {"Content-Type": "application/gzip"}, self.body)
        return routes


def traced_discovery(source: str, options: FetchOptions | None = None) -> tuple[list[tuple[str, str | None]], int]:
    """What discovering the source gives (kind or reason of each ref, counts aside) and the most bytes Python held
    at once meanwhile, in MiB (the decompressed sitemap was one bytes object)."""
    tracemalloc.start()
    try:
        discovery = discover_documents([source], options)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return sorted((ref.kind, ref.reason) for ref in discovery.refs), peak >> 20


def test_a_gzipped_sitemap_reaches_its_parser_a_chunk_at_a_time_on_disk_and_from_a_server(tmp_path, monkeypatch):
    # 300,000 URLs, 14 MiB once decompressed: it was decompressed whole before being parsed (+14 MiB and more).
    monkeypatch.setattr("warehouse.sources.discovery.MAX_LISTED_URLS", 10)
    body = gzipped_sitemap(300_000)
    (tmp_path / "big-sitemap.xml.gz").write_bytes(body)
    options = FetchOptions(
        requests_per_second_per_host=1000.0,
        allowed_networks=("127.0.0.1/32",),  # type: ignore[arg-type]  # the fetcher takes strings too
    )
    taken = [("rejected", "over_limit")] + [("url", None)] * 10
    with serving(_GzipSite(body)) as site:
        for source in (str(tmp_path / "big-sitemap.xml.gz"), f"{site.base}/big-sitemap.xml.gz"):
            refs, peak_mib = traced_discovery(source, options)
            assert refs == taken, source
            assert peak_mib < 6, source


def test_a_gzip_bomb_that_starts_as_a_sitemap_stops_at_the_size_limit(tmp_path):
    # Ten URLs, then 100 MiB of spaces in 100 KiB of gzip: read as it decompresses, refused at 50 MiB out, without
    # ever holding them (the 50 MiB were one bytes object before).
    path = tmp_path / "bomb-sitemap.xml.gz"
    path.write_bytes(gzipped_sitemap(10, padding=100 << 20))
    discovery = discover_documents([str(path)])
    [ref] = discovery.refs
    assert (ref.kind, ref.reason) == ("rejected", "too_large")
    assert "once decompressed" in (ref.detail or "")
    _, peak_mib = traced_discovery(str(path))
    assert peak_mib < 6


def test_gzip_that_is_cut_short_or_broken_is_read_as_far_as_it_goes_or_refused(tmp_path):
    """As when it was decompressed whole: what a cut gzip held is read, a broken one is refused."""
    body = gzipped_sitemap(30_000)  # 1.4 MiB out: many chunks
    (tmp_path / "cut.xml.gz").write_bytes(body[: len(body) // 2])
    (tmp_path / "broken.xml.gz").write_bytes(body[:100] + b"\xff" * 200 + body[300:])
    cut = discover_documents([str(tmp_path / "cut.xml.gz")])
    urls = [ref.path for ref in cut.refs if ref.kind == "url"]
    assert 5_000 < len(urls) < 30_000
    # The last one as far as the gzip went (lxml's recovering parser closes what is open), as before.
    assert urls[:-1] == [f"https://news.example/{n}.html" for n in range(len(urls) - 1)]
    [broken] = discover_documents([str(tmp_path / "broken.xml.gz")]).refs
    assert (broken.kind, broken.reason) == ("rejected", "unreadable")


# --- Plain URLs taken without urllib: the same answer as urllib's ---

_URL_TEXT = st.text(alphabet=st.sampled_from(list("aZ09.-/?#;:@%&=+ ~_!$'()*,[]\\\t\n\x01\xe9\u3000")), max_size=30)


@settings(max_examples=2000, deadline=None)
@given(
    scheme=st.sampled_from(["http://", "https://", "HTTP://", "ftp://", "//", ""]),
    rest=_URL_TEXT,
    base=st.sampled_from(
        [None, "https://news.example/feeds/all.xml", "http://127.0.0.1:8000/a/", "https://x.example", "http://[::1/x"]
    ),
)
def test_a_plain_link_is_resolved_as_urllib_resolves_it(scheme, rest, base):
    # The sitemap's share of URL parsing (a third of its reading) is skipped for plain absolute links: whatever the
    # base, the link, its breaks and spaces, the answer is urllib's.
    link = scheme + rest
    assert absolute_http_url(base, link) == joined_http_url(base, re.sub(r"[\t\r\n]", "", link).strip())


@pytest.mark.parametrize(
    ("base", "link", "expected"),
    [
        (None, "http://a.example/1.html", "http://a.example/1.html"),
        ("http://a.example/s.xml", "http://a.example/x?", "http://a.example/x"),  # urllib drops an empty query
        ("http://a.example/s.xml", "http://a.example/x;", "http://a.example/x"),  # and empty parameters
        ("http://a.example/s.xml", "HTTP://a.example/x", "http://a.example/x"),  # and lowers the scheme
        ("http://[::1/x", "http://a.example/x", None),  # a base urllib refuses refuses every link
        (None, "http://a.example:99999/x", None),
    ],
)
def test_links_urllib_rewrites_are_not_taken_as_plain(base, link, expected):
    assert absolute_http_url(base, link) == expected
