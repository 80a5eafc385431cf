"""Hostile text costs only itself: lines that made patterns backtrack, malformed listing entries, odd charsets.

The pattern cases run in a fresh interpreter with a generous time limit: a hang guard (before the
fixes they never finished), not a speed assertion.
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from ipaddress import IPv4Network
from pathlib import Path

import pytest

from tests.conftest import all_instances
from tests.http_fixtures import Site, serving
from transforms.decode import charset_name, decode_document
from transforms.deep_markup import flattened_past_depth
from transforms.extract import ExtractedDocument, extract_html
from transforms.listings import parse_listing, parse_url_list
from transforms.normalise import residue_reason
from transforms.options import ExtractOptions
from transforms.reasons import is_known
from transforms.records import RawDocument, Rejection
from warehouse.options import FetchOptions
from warehouse.sources import discover_documents
from warehouse.sources.reading import read_document

ROOT = Path(__file__).resolve().parents[1]
HANG_GUARD_SECONDS = 30


def finishes(code: str) -> str:
    """What `code` prints, run in a fresh interpreter; fails if it does not finish in the guard time."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    try:
        done = subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=HANG_GUARD_SECONDS,
            check=True,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"did not finish within {HANG_GUARD_SECONDS} s: the pattern backtracks on this input")
    return done.stdout.strip()


@pytest.mark.parametrize("names", [40, 2000])
@pytest.mark.parametrize("ending, reason", [(".", "None"), ("", "byline")])
def test_a_byline_of_many_names_finishes(names, ending, reason):
    # "Henry" is also "Henr" + the Spanish "y": the old pattern tried both at every name, doubling per name.
    line = "By " + " ".join(["Henry"] * names) + ending
    assert finishes(f"from transforms.normalise import residue_reason; print(residue_reason({line!r}))") == reason


def test_bylines_still_read_as_before():
    assert residue_reason("By Hannah Cole, Staff Writer") == "byline"
    assert residue_reason("By Ana Ruiz y Pablo Gil | EFE") == "byline"
    assert residue_reason("By Jean de la Fontaine and Henry Ford") == "byline"
    assert residue_reason("By Tuesday, the council had approved the plan.") is None


@pytest.mark.parametrize(
    "call",
    [
        # Figures split text into sentences: a long run of end marks or of spaces was rescanned per character.
        "from transforms.figures import find_figures; find_figures('Ten cranes' + '!' * 200_000 + '.', 'a')",
        "from transforms.figures import find_figures; find_figures('Ten cranes.' + ' ' * 200_000 + 'x', 'a')",
        # A meta charset is searched in the head only; the pattern itself must stay linear.
        "from transforms.decode import _META_CHARSET; _META_CHARSET.search(b'<meta ' * 100_000)",
        # The prolog before a listing's first element: thousands of unclosed '<?' or '<!--'.
        "from transforms.listings import _without_declarations as w; w(b'<?' * 100_000); w(b'<!--' * 50_000)",
    ],
    ids=["end-marks", "spaces", "meta-charset", "listing-prolog"],
)
def test_patterns_stay_linear_on_long_runs(call):
    finishes(call)


BAD_URLS = ["http://[::1/x", "http://news.example/a&#99999999;b", "http://news.example:99999/x"]
GOOD = ["https://news.example/1", "https://news.example/2"]


def feed(urls: list[str], odd_tag: bool = True) -> bytes:
    items = "".join(f"<item><title>T</title><link>{url}</link></item>" for url in urls)
    odd = "<a:b:c>odd</a:b:c><1bad>x</1bad>" if odd_tag else ""
    return f"<?xml version='1.0'?><rss version='2.0'><channel>{odd}{items}</channel></rss>".encode()


def sitemap(urls: list[str], odd_tag: bool = True) -> bytes:
    odd = "<a:b:c>odd</a:b:c>" if odd_tag else ""
    entries = "".join(f"<url><loc>{url}</loc>{odd}</url>" for url in urls)
    return (
        f"<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{entries}</urlset>"
    ).encode()


@pytest.mark.parametrize("make", [feed, sitemap])
@pytest.mark.parametrize("bad", BAD_URLS)
def test_a_malformed_entry_is_skipped_and_named_and_the_rest_of_the_listing_read(make, bad):
    listing = parse_listing(make([GOOD[0], bad, GOOD[1]]))
    urls = [entry.url for entry in listing.entries]
    assert GOOD[0] in urls and GOOD[1] in urls
    # An out-of-range character reference is replaced (U+FFFD), so that URL survives as a URL; the
    # malformed host and port do not.
    if "&#" not in bad:
        assert [(e.number, e.text) for e in listing.bad_entries] == [(2, bad)]


def test_a_malformed_child_of_a_sitemap_index_is_skipped():
    index = (
        b"<?xml version='1.0'?><sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
        b"<sitemap><loc>http://[::1/x</loc></sitemap><sitemap><loc>https://news.example/s.xml</loc></sitemap>"
        b"</sitemapindex>"
    )
    listing = parse_listing(index)
    assert listing.children == ["https://news.example/s.xml"]
    assert [(e.number, e.text) for e in listing.bad_entries] == [(1, "http://[::1/x")]


def test_a_url_list_keeps_its_good_lines_and_names_the_malformed_ones():
    listing = parse_url_list("\n".join([GOOD[0], "http://[::1/x", GOOD[1], "https://news.example:99999/"]))
    assert [e.url for e in listing.entries] == GOOD
    assert [e.number for e in listing.bad_entries] == [2, 4]


def bad_url_rejections(refs) -> list[Rejection]:
    rejected = [read_document(ref) for ref in refs if ref.kind == "rejected"]
    assert all_instances(rejected, Rejection)
    assert all(is_known(r.stage, r.reason) for r in rejected)
    return [r for r in rejected if r.reason == "bad_url"]


def test_local_listings_with_malformed_entries_land_the_rest_and_a_rejection_each(tmp_path):
    bad = "http://[::1/x"
    (tmp_path / "feed.rss").write_bytes(feed([GOOD[0], bad, "http://news.example/&#99999999;"]))
    (tmp_path / "news.xml.gz").write_bytes(gzip.compress(sitemap([bad, GOOD[1]])))
    (tmp_path / "list.urls").write_text(f"{bad}\nhttps://news.example/3\n", encoding="utf-8")
    (tmp_path / "story.txt").write_text("A story on its own.\n", encoding="utf-8")
    discovery = discover_documents([str(tmp_path)])
    urls = {ref.path for ref in discovery.refs if ref.kind == "url"}
    assert {GOOD[0], GOOD[1], "https://news.example/3"} <= urls
    assert any(ref.path.endswith("story.txt") for ref in discovery.refs if ref.kind == "file")
    rejections = bad_url_rejections(discovery.refs)
    assert sorted((Path(r.source).name, r.stage) for r in rejections) == [
        ("feed.rss", "read"),
        ("list.urls", "read"),
        ("news.xml.gz", "read"),
    ]
    assert all(bad in r.detail for r in rejections)


class HostileSite(Site):
    """The test site, plus a sitemap with malformed entries between good ones."""

    def routes(self):
        routes = super().routes()
        body = sitemap([f"{self.base}/pages/1.html", "http://[::1/x", f"{self.base}/pages/2.html"])
        routes["/hostile-sitemap.xml"] = lambda: (200, {"Content-Type": "application/xml"}, body)
        return routes


def test_a_fetched_sitemap_with_a_malformed_entry_lands_the_rest():
    with serving(HostileSite()) as site:
        options = FetchOptions(
            user_agent="newsetl-test",
            deadline_seconds=5,
            retries=0,
            allowed_networks=(IPv4Network("127.0.0.1/32"),),
        )
        discovery = discover_documents([f"{site.base}/hostile-sitemap.xml"], options)
    urls = {ref.path for ref in discovery.refs if ref.kind == "url"}
    assert urls == {f"{site.base}/pages/1.html", f"{site.base}/pages/2.html"}
    [rejection] = bad_url_rejections(discovery.refs)
    assert (rejection.stage, rejection.source) == ("fetch", f"{site.base}/hostile-sitemap.xml")
    assert "entry 2" in rejection.detail


@pytest.mark.parametrize("label", ["utf-16", "base64", "zlib_codec", "rot13", "idna", "hex", "undefined", "utf-7"])
def test_a_charset_that_is_not_a_text_encoding_is_ignored(label):
    html = f'<html><head><meta charset="{label}"></head><body><p>Caf\u00e9 opens.</p></body></html>'.encode()
    for raw in (
        RawDocument(doc_id="d", source="mem", url=None, content=html, media_type="text/html"),
        RawDocument(doc_id="d", source="mem", url=None, content=html, media_type="text/html", charset=label),
    ):
        text = decode_document(raw)
        assert isinstance(text, str) and "Café opens." in text
    assert charset_name(label) is None


def test_real_charsets_are_still_honoured():
    assert [charset_name(label) for label in ("utf-8", "Shift_JIS", "iso-8859-1", "koi8-r")] == [
        "utf-8",
        "shift_jis",
        "cp1252",
        "koi8-r",
    ]


def test_a_fetched_text_listing_of_blank_lines_finishes():
    # Looking for robots.txt lines with "^\s*" ran over every blank line after each line start: 40,000
    # blank lines took 27 s, and a body may hold millions.
    code = (
        "from transforms.listings import NotAListing, parse_listing\n"
        "body = b'Sitemap: https://news.example/s.xml\\n' + b'\\n' * 3_000_000 + b'x'\n"
        "print(parse_listing(body, 'https://news.example/robots.txt').children)\n"
        "try:\n"
        "    parse_listing(b'x' + b'\\n' * 3_000_000 + b'y', 'https://news.example/sitemap.txt')\n"
        "except NotAListing:\n"
        "    print('not a listing')\n"
    )
    assert finishes(code) == "['https://news.example/s.xml']\nnot a listing"


STORY_PARAGRAPHS = [
    " ".join([f"Harbour cranes {word} arrived on Tuesday and the port authority said work would start soon."] * 8)
    for word in ("three", "four", "five")
]


@pytest.mark.parametrize(
    ("opening", "closing"),
    [
        ("<div>" * 300, "</div>" * 300),  # past libxml2's 256 levels
        ("<div>" * 30_000, "</div>" * 30_000),
        ("<b><i>" * 100_000, ""),  # never closed
        ("<table><tr><td>" * 20_000, ""),
    ],
    ids=["300-divs", "30000-divs", "unclosed-b-i", "nested-tables"],
)
def test_a_story_nested_past_the_parsers_depth_limit_is_still_read(opening, closing):
    # lxml stops building the tree at 256 levels ("Excessive depth"): the story inside was no_text, a silent nothing.
    story = "".join(f"<p>{paragraph}</p>" for paragraph in STORY_PARAGRAPHS)
    page = f"<html><head><title>Cranes</title></head><body>{opening}{story}{closing}</body></html>"
    url = "https://news.example/deep.html"
    raw = RawDocument(doc_id="d", source="deep.html", url=url, content=page.encode(), media_type="text/html")
    extracted = extract_html(raw, page, ExtractOptions())
    assert isinstance(extracted, ExtractedDocument), extracted
    assert [line.strip() for line in extracted.text.splitlines() if line.strip()] == STORY_PARAGRAPHS


def test_markup_that_is_not_that_deep_is_left_as_it_is():
    script = "<script>if (a<b) x()</script>"
    page = "<html><body>" + "<div>" * 150 + "<p>words</p>" + "</div>" * 150 + script + "</body></html>"
    assert flattened_past_depth(page) is page
    # Deep by a naive count of start tags, but a parser closes each <li> and <p> at the next.
    items = "<html><body><ul>" + "<li>item" * 3000 + "</ul>" + "<p>paragraph" * 3000 + "</body></html>"
    assert flattened_past_depth(items) is items


def test_past_the_depth_only_wrapping_tags_go_and_their_words_stay():
    deep = "<div>" * 300 + "<span>a</span><p>b</p><script>c</script><br/>d" + "</div>" * 300
    flat = flattened_past_depth(deep)
    assert flat == "<div>" * 160 + " " * 140 + " a <p>b</p><script>c</script><br/>d" + " " * 140 + "</div>" * 160
