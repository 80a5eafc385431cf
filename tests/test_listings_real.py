"""Feeds and sitemaps in the shapes real sites serve them (as found in feedparser's, trafilatura's and
other projects' samples), fetched from a real server on 127.0.0.1: the server's charset, UTF-16 feeds,
feeds with no items, JSON Feed, text sitemaps and robots.txt `Sitemap:` lines. The documents are
written here in the same shape; no other project's file is copied."""

from __future__ import annotations

import functools
import gzip
import json
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path

import pytest

from tests.http_fixtures import Response, Site, serving
from transforms.listings import NotAListing, parse_listing
from warehouse.options import FetchOptions
from warehouse.sources import discover_documents
from warehouse.sources.discovery import DocumentRef


def rss(*items: str, declaration: str = "<?xml version='1.0'?>") -> str:
    return f"{declaration}<rss version='2.0'><channel><title>Harbour news</title>{''.join(items)}</channel></rss>"


def item(title: str, link: str, date: str = "Tue, 05 Mar 2024 10:00:00 GMT") -> str:
    return f"<item><title>{title}</title><link>{link}</link><pubDate>{date}</pubDate></item>"


class ListingSite(Site):
    """The test site with listings served as sites serve them."""

    def routes(self) -> dict[str, Callable[[], Response]]:
        base = self.base
        cyrillic = rss(item("Москва порт", f"{base}/pages/1.html"))
        json_feed = {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "Harbour news",
            "items": [
                {
                    "id": "1",
                    "url": f"{base}/pages/2.html",
                    "title": "Cranes  arrive",
                    "date_published": "2024-03-04T08:00:00+01:00",
                },
                {"id": "2", "url": "/pages/3.html"},
                {"id": "3", "content_text": "no url: not an article of its own"},
                {"id": "4", "url": "mailto:desk@news.example"},
            ],
        }
        # One line is not a URL (as in usp's samples): it costs only itself.
        text_sitemap = f"{base}/pages/4.html\n\n{base}/pages/5.html\r\nNot a URL at all\n{base}/pages/7.html\n"
        # "Site-map", as Google's parser takes it, and a relative sitemap URL.
        robots = (
            f"User-agent: *\nDisallow: /private/\n\nSite-map: {base}/sitemap-news.xml.gz\nsitemap:   /sitemap.txt\n"
        )
        news = (
            "<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9' "
            "xmlns:news='http://www.google.com/schemas/sitemap-news/0.9'>"
            f"<url><loc>{base}/pages/6.html</loc><news:news><news:title>News sitemap title six</news:title>"
            "<news:publication_date>2024-03-04</news:publication_date></news:news></url></urlset>"
        )
        xml = {"Content-Type": "application/rss+xml"}
        return {
            **super().routes(),
            "/robots.txt": lambda: (200, {"Content-Type": "text/plain"}, robots.encode()),
            # A windows-1251 feed that declares nothing: only the server's charset says what it is.
            "/cyrillic/feed.xml": lambda: (
                200,
                {"Content-Type": "application/rss+xml; charset=windows-1251"},
                cyrillic.encode("windows-1251"),
            ),
            "/utf16/feed.xml": lambda: (
                200,
                xml,
                rss(
                    item("Grúa nueva", f"{base}/pages/1.html"), declaration="<?xml version='1.0' encoding='utf-16'?>"
                ).encode("utf-16"),
            ),
            "/utf16be/feed.xml": lambda: (200, xml, rss(item("Grúa", f"{base}/pages/1.html")).encode("utf-16-be")),
            "/empty/feed.xml": lambda: (200, xml, rss().encode()),
            # Declares an encoding Python does not know: feedparser reads it as another and says so.
            "/unknown-encoding/feed.xml": lambda: (
                200,
                {"Content-Type": "text/xml"},
                rss(declaration="<?xml version='1.0' encoding='x-mac-unknown'?>").encode(),
            ),
            "/feed.json": lambda: (200, {"Content-Type": "application/feed+json"}, json.dumps(json_feed).encode()),
            "/sitemap.txt": lambda: (200, {"Content-Type": "text/plain; charset=utf-8"}, text_sitemap.encode()),
            "/sitemap-news.xml.gz": lambda: (200, {"Content-Type": "application/gzip"}, gzip.compress(news.encode())),
            # Relative links, and a Content-Location naming another place for the same feed (feedparser's samples).
            "/moved/feed.xml": lambda: (
                200,
                {"Content-Type": "application/rss+xml", "Content-Location": "/elsewhere/feed.xml"},
                rss(item("Relative", "story.html")).encode(),
            ),
            "/moved/sitemap.xml": lambda: (
                200,
                {"Content-Type": "application/xml", "Content-Location": "https://mirror.example/sitemap.xml"},
                b"<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><url><loc>story.html</loc></url></urlset>",
            ),
        }


@pytest.fixture(scope="module")
def site() -> Iterator[ListingSite]:
    with serving(ListingSite()) as served:
        yield served


def discover(site: Site, path: str) -> tuple[dict[str, DocumentRef], list[DocumentRef], int]:
    options = FetchOptions(
        allowed_networks=("127.0.0.1/32",),  # type: ignore[arg-type]  # the fetcher takes strings too
        requests_per_second_per_host=1000,
        retries=1,
    )
    discovery = discover_documents([site.base + path], options)
    urls = {ref.path.removeprefix(site.base): ref for ref in discovery.refs if ref.kind == "url"}
    rejected = [ref for ref in discovery.refs if ref.kind == "rejected"]
    return urls, rejected, discovery.listings


def test_the_charset_the_server_names_decodes_a_feed_that_declares_none(site):
    urls, rejected, _ = discover(site, "/cyrillic/feed.xml")
    assert not rejected
    assert urls["/pages/1.html"].title == "Москва порт"


@pytest.mark.parametrize("path", ["/utf16/feed.xml", "/utf16be/feed.xml"])
def test_utf16_feeds_with_or_without_a_byte_order_mark_are_feeds(site, path):
    urls, rejected, listings = discover(site, path)
    assert (rejected, listings) == ([], 1)
    assert urls["/pages/1.html"].title in ("Grúa nueva", "Grúa")
    assert urls["/pages/1.html"].published == "2024-03-05"


@pytest.mark.parametrize("path", ["/empty/feed.xml", "/unknown-encoding/feed.xml"])
def test_a_feed_with_no_items_is_an_empty_listing_not_a_rejection(site, path):
    urls, rejected, listings = discover(site, path)
    assert (urls, rejected, listings) == ({}, [], 1)


def test_a_listing_that_names_nothing_is_counted_in_the_run_summary(site):
    options = FetchOptions(allowed_networks=("127.0.0.1/32",), requests_per_second_per_host=1000, retries=1)  # type: ignore[arg-type]
    empty = discover_documents([site.base + "/empty/feed.xml"], options)
    assert empty.skipped == {"listing/empty": 1}
    with_items = discover_documents([site.base + "/feed.json"], options)
    assert "listing/empty" not in with_items.skipped


def test_a_json_feed_gives_its_items_urls_titles_and_dates(site):
    urls, rejected, listings = discover(site, "/feed.json")
    assert listings == 1
    assert sorted(urls) == ["/pages/2.html", "/pages/3.html"]
    two = urls["/pages/2.html"]
    assert (two.title, two.published, two.published_from) == ("Cranes arrive", "2024-03-04", "feed")
    [bad] = rejected
    assert (bad.reason, bad.offset) == ("bad_url", 4)


def test_a_text_sitemap_lists_its_urls_and_a_line_that_is_none_costs_only_itself(site):
    urls, rejected, listings = discover(site, "/sitemap.txt")
    assert (sorted(urls), listings) == (["/pages/4.html", "/pages/5.html", "/pages/7.html"], 1)
    [bad] = rejected
    assert (bad.reason, bad.offset) == ("bad_url", 4)


def test_a_robots_txt_leads_to_the_sitemaps_it_names(site):
    urls, rejected, listings = discover(site, "/robots.txt")
    assert [ref.reason for ref in rejected] == ["bad_url"]  # the text sitemap's line that is not a URL
    assert listings == 3  # robots.txt, the gzipped news sitemap and the text sitemap
    assert sorted(urls) == ["/pages/4.html", "/pages/5.html", "/pages/6.html", "/pages/7.html"]
    assert (urls["/pages/6.html"].title, urls["/pages/6.html"].published_from) == ("News sitemap title six", "sitemap")


@pytest.mark.parametrize(
    "stamp, day",
    [
        ("<pubDate>Tue, 05 Mar 2024 23:30:00 -0500</pubDate>", "2024-03-05"),  # 04:30 on the 6th in UTC
        ("<pubDate>Wed, 06 Mar 2024 00:30:00 +0100</pubDate>", "2024-03-06"),  # the 5th in UTC
        ("<dc:date>2009-12-08T16:59:02.544-08:00</dc:date>", "2009-12-08"),  # as in feedparser's threading sample
        ("<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>", "2024-03-05"),
    ],
)
def test_a_feed_date_is_the_day_the_feed_writes_in_its_own_time_zone(stamp, day):
    feed = (
        "<rss version='2.0' xmlns:dc='http://purl.org/dc/elements/1.1/'><channel><title>N</title>"
        f"<item><title>T</title><link>https://news.example/1</link>{stamp}</item></channel></rss>"
    )
    [entry] = parse_listing(feed.encode()).entries
    assert entry.published_date is not None and entry.published_date.isoformat() == day


class ManyListingsSite(Site):
    """Three feeds, and a sitemap index of three children."""

    def routes(self) -> dict[str, Callable[[], Response]]:
        ns = "http://www.sitemaps.org/schemas/sitemap/0.9"
        feeds = {f"/feed-{n}.xml": rss(item(f"Story {n}", f"{self.base}/pages/{n}.html")).encode() for n in (1, 2, 3)}
        urlset = "<urlset xmlns='{ns}'><url><loc>{base}/pages/{n}.html</loc></url></urlset>"
        children = {f"/sitemap-{n}.xml": urlset.format(ns=ns, base=self.base, n=n).encode() for n in (4, 5, 6)}
        index = f"<sitemapindex xmlns='{ns}'>" + "".join(
            f"<sitemap><loc>{self.base}{path}</loc></sitemap>" for path in children
        )
        bodies = {**feeds, **children, "/sitemap-index.xml": (index + "</sitemapindex>").encode()}
        return {**super().routes(), **{path: functools.partial(xml_response, body) for path, body in bodies.items()}}


def local_options() -> FetchOptions:
    """Fetching from the test's server on 127.0.0.1, without the politeness delay."""
    return FetchOptions(
        allowed_networks=("127.0.0.1/32",),  # type: ignore[arg-type]  # the fetcher takes strings too
        requests_per_second_per_host=1000,
    )


def xml_response(body: bytes) -> Response:
    return 200, {"Content-Type": "application/xml"}, body


def test_the_sitemap_limit_counts_sitemaps_followed_never_the_listings_the_user_names(monkeypatch):
    # 2,333 feeds named on one command line were cut to 1,000: the limit is for what indexes lead to.
    monkeypatch.setattr("warehouse.sources.discovery.MAX_SITEMAPS", 2)
    with serving(ManyListingsSite()) as site:
        options = local_options()
        named = [f"{site.base}/feed-{n}.xml" for n in (1, 2, 3)] + [f"{site.base}/sitemap-index.xml"]
        discovery = discover_documents(named, options)
    urls = sorted(ref.path.removeprefix(site.base) for ref in discovery.refs if ref.kind == "url")
    assert urls == [f"/pages/{n}.html" for n in (1, 2, 3, 4, 5)]
    assert discovery.skipped == {"sitemap/over_limit": 1}
    assert discovery.listings == 6


def test_links_are_mended_as_browsers_mend_them():
    # Real feeds and sitemaps leave spaces and line breaks in links (feedparser's and usp's samples).
    feed = rss(
        item("Spaced", "https://news.example/a story.html?q=two words"),
        item("Relative, spaced", "stories/b story.html"),
        item("Bad host", "https://news example/c.html"),
    )
    listing = parse_listing(feed.encode(), base_url="https://news.example/feeds/rss.xml")
    assert [entry.url for entry in listing.entries] == [
        "https://news.example/a%20story.html?q=two%20words",
        "https://news.example/feeds/stories/b%20story.html",
    ]
    assert [(bad.number, bad.text) for bad in listing.bad_entries] == [(3, "https://news example/c.html")]
    sitemap = (
        "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
        "<url><loc>https://news.example/2024/03/harbour-\ncranes.html</loc></url></urlset>"
    )
    [entry] = parse_listing(sitemap.encode()).entries
    assert entry.url == "https://news.example/2024/03/harbour-cranes.html"  # a line break inside is dropped


def test_one_url_spelt_with_and_without_percent_escapes_is_fetched_once(tmp_path):
    # "%7E", "%7e" and "~" in one path were three URLs, so three fetches (and rows) of one page.
    listing = tmp_path / "home-pages.urls"
    listing.write_text(
        "https://news.example/%7Eed/story.html\nhttps://news.example/%7eed/story.html\nhttps://news.example/~ed/story.html\n"
        "https://news.example/~ed/other%2fstory.html\n"
    )
    discovery = discover_documents([str(listing)])
    assert sorted(ref.path for ref in discovery.refs if ref.kind == "url") == [
        "https://news.example/~ed/other%2Fstory.html",
        "https://news.example/~ed/story.html",
    ]


CDF_CHANNEL = """<?xml version="1.0"?>
<CHANNEL HREF="https://news.example/" BASE="https://news.example/harbour/" LASTMOD="2024-03-05T23:05:43-05:00">
  <TITLE>Harbour channel</TITLE>
  <ITEM HREF="cranes.html" LASTMOD="2024-03-05T23:05:43-05:00"><TITLE>Cranes arrive</TITLE></ITEM>
  <ITEM HREF="https://news.example/ferry.html"><TITLE>Ferry plan</TITLE><ABSTRACT>A new ferry</ABSTRACT></ITEM>
  <ITEM><TITLE>No link: nothing to fetch</TITLE></ITEM>
</CHANNEL>"""


def test_a_microsoft_cdf_channel_is_a_feed_of_its_items(tmp_path):
    # 15 of feedparser's samples were `not_a_listing`; feedparser reads them as it reads RSS.
    listing = parse_listing(CDF_CHANNEL.encode(), base_url="https://news.example/channel.cdf")
    assert listing.kind == "feed"
    assert [(e.url, e.title, e.published_date) for e in listing.entries] == [
        ("https://news.example/harbour/cranes.html", "Cranes arrive", date(2024, 3, 5)),  # its day, in its own zone
        ("https://news.example/ferry.html", "Ferry plan", None),
    ]
    local = tmp_path / "harbour.cdf"
    local.write_text(CDF_CHANNEL)
    discovery = discover_documents([str(local)])
    assert sorted(ref.path for ref in discovery.refs) == [
        "https://news.example/ferry.html",
        "https://news.example/harbour/cranes.html",
    ]
    # An RSS <channel> inside another element is not a channel of its own.
    with pytest.raises(NotAListing):
        parse_listing(b"<products><channel><item href='https://news.example/x'/></channel></products>")


@pytest.mark.parametrize("path", ["/moved/feed.xml", "/moved/sitemap.xml"])
def test_relative_links_resolve_against_the_url_fetched_never_its_content_location(site, path):
    # RFC 7231 (appendix B) took Content-Location's part in the base URI away, as browsers never gave it one;
    # RFC 9110 keeps it so. feedparser still follows RFC 2616 and would resolve against /elsewhere/.
    urls, rejected, listings = discover(site, path)
    assert (sorted(urls), rejected, listings) == (["/moved/story.html"], [], 1)


def test_urls_taken_from_listings_stop_at_the_run_limit_and_the_rest_are_counted(tmp_path, monkeypatch):
    # 1,000 sitemaps of 50,000 URLs each would hold 50 million references (~20 GB) until the run ended.
    monkeypatch.setattr("warehouse.sources.discovery.MAX_LISTED_URLS", 3)
    sitemap = tmp_path / "sitemap.xml"
    sitemap.write_text(
        "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
        + "".join(f"<url><loc>https://news.example/{n}.html</loc></url>" for n in range(1, 5))
        + "</urlset>"
    )
    listed = tmp_path / "more.urls"
    listed.write_text("https://news.example/%7E1.html\nhttps://news.example/~1.html\nhttps://news.example/1.html\n")
    named = "https://news.example/named.html"
    discovery = discover_documents([named, str(sitemap), str(listed)])
    assert sorted(ref.path for ref in discovery.refs if ref.kind == "url") == [
        "https://news.example/1.html",
        "https://news.example/2.html",
        "https://news.example/named.html",  # named by the user: always taken, and counted
    ]
    # Past the limit entries are counted, never resolved: the URL list's three lines, though one is known.
    assert discovery.skipped == {"listing/over_limit": 5}
    cut = {Path(ref.path).name: (ref.reason, ref.detail) for ref in discovery.refs if ref.kind == "rejected"}
    assert cut == {
        "sitemap.xml": ("over_limit", f"2 of its entries not taken: {LIMIT_REACHED % 3}"),
        "more.urls": ("over_limit", f"3 of its entries not taken: {LIMIT_REACHED % 3}"),
    }


LIMIT_REACHED = (
    "the run already held %d URLs taken from listings (the limit); name fewer listings a run (a site's sitemaps "
    "a few at a time) to take them"
)


class SitemapBombSite(Site):
    """An index of 40 sitemaps of 50 URLs; an index of 3 indexes of 10 indexes of 1,000 sitemaps; a feed gone."""

    def routes(self) -> dict[str, Callable[[], Response]]:
        def index(paths: Iterable[str]) -> Response:
            locs = "".join(f"<sitemap><loc>{self.base}{path}</loc></sitemap>" for path in paths)
            return xml_response(f"<sitemapindex xmlns='{SITEMAP_NS}'>{locs}</sitemapindex>".encode())

        def urlset(n: int) -> Response:
            locs = "".join(f"<url><loc>{self.base}/{n}/{m}.html</loc></url>" for m in range(50))
            return xml_response(f"<urlset xmlns='{SITEMAP_NS}'>{locs}</urlset>".encode())

        deeper = [f"/deeper-{n}-{m}.xml" for n in range(3) for m in range(10)]

        return {
            **super().routes(),
            "/index.xml": lambda: index(f"/urls-{n}.xml" for n in range(40)),
            **{f"/urls-{n}.xml": functools.partial(urlset, n) for n in range(40)},
            "/wide-index.xml": lambda: index(f"/deep-{n}.xml" for n in range(3)),
            **{f"/deep-{n}.xml": functools.partial(index, deeper[n * 10 : n * 10 + 10]) for n in range(3)},
            **{path: functools.partial(index, (f"/deepest-{m}.xml" for m in range(1000))) for path in deeper},
            "/gone-feed.xml": lambda: (404, {"Content-Type": "text/plain"}, b"gone"),
        }


SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def test_a_sitemap_bomb_stops_at_the_run_limit_and_says_what_was_cut(monkeypatch):
    # An index of sitemaps each listing many URLs resolved every URL of every sitemap only to count it against
    # the limit: the sitemaps after the limit are now never fetched, and what was cut is a rejection each.
    monkeypatch.setattr("warehouse.sources.discovery.MAX_LISTED_URLS", 120)
    with serving(SitemapBombSite()) as site:
        options = local_options()
        discovery = discover_documents([f"{site.base}/wide-index.xml", f"{site.base}/index.xml"], options)
    assert sum(ref.kind == "url" for ref in discovery.refs) == 120
    urlsets = sorted(path for path in site.hits if path.startswith("/urls-"))
    assert urlsets == ["/urls-0.xml", "/urls-1.xml", "/urls-2.xml"]  # 50 + 50 + 20 of 50
    cut = {ref.path.removeprefix(site.base): ref.detail for ref in discovery.refs if ref.reason == "over_limit"}
    assert cut.pop("/urls-2.xml") == f"30 of its entries not taken: {LIMIT_REACHED % 120}"
    not_fetched = (
        "not fetched: the run already held 120 URLs taken from listings (the limit); name this sitemap in a later run"
    )
    assert cut == {f"/urls-{n}.xml": not_fetched for n in range(3, 40)}
    # The 30 indexes of the last level are read, their 30,000 children counted and never resolved.
    assert sum(n for path, n in site.hits.items() if path.startswith("/deeper-")) == 30
    assert not any(path.startswith("/deepest-") for path in site.hits)
    assert discovery.skipped == {"listing/over_limit": 30, "sitemap/too_deep": 30_000}


def test_a_listing_that_failed_is_not_fetched_again_as_a_page(tmp_path):
    # The hostile run's summary counted one rejection more than its table held: a feed named on the command line
    # and again in a URL list failed twice with one id, in two batches, as two rows of one rejection.
    with serving(SitemapBombSite()) as site:
        options = local_options()
        listed = tmp_path / "also.urls"
        listed.write_text(f"{site.base}/gone-feed.xml\n{site.base}/page.html\n")
        discovery = discover_documents([str(listed), f"{site.base}/gone-feed.xml"], options)
    refs = sorted((ref.path.removeprefix(site.base), ref.kind, ref.reason) for ref in discovery.refs)
    assert refs == [("/gone-feed.xml", "rejected", "http_404"), ("/page.html", "url", None)]
    assert discovery.skipped == {"listing/repeated": 1}


def test_an_opml_subscription_list_leads_to_the_feeds_it_names(site, tmp_path):
    # What feed readers export (OPML 2.0, as in atoma's and Dave Winer's samples): feeds by xmlUrl, in folders.
    opml = tmp_path / "subscriptions.opml"
    opml.write_text(
        "<?xml version='1.0' encoding='ISO-8859-1'?><opml version='2.0'><head><title>mySubscriptions</title></head>"
        "<body><outline text='News'>"
        f"<outline text='Cyrillic' type='rss' xmlUrl='{site.base}/cyrillic/feed.xml' htmlUrl='{site.base}/'/>"
        f"<outline text='JSON' type='rss' xmlURL='{site.base}/feed.json'/>"
        "</outline><outline text='A page, no feed' type='link' url='https://news.example/about.html'/>"
        "<outline text='Broken' type='rss' xmlUrl='http://[::1/feed.xml'/></body></opml>",
        encoding="iso-8859-1",
    )
    options = local_options()
    discovery = discover_documents([str(opml)], options)
    urls = sorted(ref.path.removeprefix(site.base) for ref in discovery.refs if ref.kind == "url")
    assert urls == ["/pages/1.html", "/pages/2.html", "/pages/3.html"]
    [broken] = [ref for ref in discovery.refs if ref.kind == "rejected" and ref.path == str(opml.resolve())]
    assert (broken.reason, broken.offset) == ("bad_url", 5)  # the fifth outline; the others are read
    assert (discovery.listings, discovery.followed) == (3, 2)


@pytest.mark.parametrize("declaration", ["<?xml version='1.0' encoding='UTF-8'?>", "<?xml version='1.0'?>", ""])
def test_a_sitemap_in_windows_1252_that_says_utf8_keeps_its_accented_urls(declaration):
    # lxml read each accented byte as U+FFFD: "caf\ufffd.html", a URL no server has.
    sitemap = (
        f"{declaration}<urlset xmlns='{SITEMAP_NS}'><url><loc>https://news.example/café-crème.html</loc></url></urlset>"
    )
    [entry] = parse_listing(sitemap.encode("windows-1252")).entries
    assert entry.url == "https://news.example/café-crème.html"
    # Declared, another encoding is lxml's to read; UTF-8 as it is.
    latin = sitemap.replace("UTF-8", "ISO-8859-1") if declaration.endswith("'UTF-8'?>") else sitemap
    assert parse_listing(latin.encode("latin-1" if latin != sitemap else "utf-8")).entries == [entry]
