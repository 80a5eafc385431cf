"""Large feeds and sitemaps cost memory in proportion to what the run takes of them, not to their size: a sitemap
is read as a stream and no further than the run's limit on listed URLs, and a feed reaches feedparser a part of its
items at a time. Memory is measured in a process of its own (its peak RSS grown while discovering one file
written here), as the cost lies in lxml's and feedparser's own structures, which tracemalloc does not see."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from transforms import listings
from transforms.feed_parts import item_spans
from transforms.listings import ListingLimits, parse_listing

SITEMAPS = "http://www.sitemaps.org/schemas/sitemap/0.9"

# The peak is VmHWM, the process's own high-water mark: getrusage's ru_maxrss survives exec on Linux, so a child
# started by a large test process would report that process's peak.
_GROWTH = """
import json, sys
from pathlib import Path
import warehouse.sources.discovery as discovery
def peak_kib():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
path, limit = sys.argv[1], int(sys.argv[2])
discovery.MAX_LISTED_URLS = limit
Path(path).read_bytes()  # the file read once, as discovery reads it: part of the baseline
before = peak_kib()
found = discovery.discover_documents([path])
grown = peak_kib() - before
print(json.dumps({"urls": sum(r.kind == "url" for r in found.refs), "skipped": found.skipped, "grown_kib": grown}))
"""


def discovered_with_limit(path: Path, limit: int) -> tuple[int, dict[str, int], float]:
    """URLs taken, counts, and the MiB the process's peak RSS grew by while discovering the file."""
    done = subprocess.run(
        [sys.executable, "-c", _GROWTH, str(path), str(limit)], capture_output=True, text=True, check=True
    )
    result = json.loads(done.stdout.splitlines()[-1])
    return result["urls"], result["skipped"], result["grown_kib"] / 1024


def big_sitemap(entries: int) -> str:
    locs = "".join(f"<url><loc>https://news.example/{n}.html</loc></url>" for n in range(entries))
    return f"<?xml version='1.0'?><urlset xmlns='{SITEMAPS}'>{locs}</urlset>"


def big_feed(entries: int) -> str:
    items = "".join(f"<item><link>https://news.example/{n}.html</link></item>" for n in range(entries))
    return f"<?xml version='1.0'?><rss version='2.0'><channel><title>Big</title>{items}</channel></rss>"


@pytest.mark.parametrize(
    ("name", "write", "entries", "most_mib"),
    [
        # 26 MiB: as a whole lxml tree +242 MiB, for all but 10 URLs to be counted (+26 now).
        ("sitemap.xml", big_sitemap, 600_000, 80),
        # 7 MiB: feedparser made a dictionary of every item, +111 MiB, for all but 10 to be counted.
        ("feed.xml", big_feed, 150_000, 50),
    ],
)
def test_a_listing_past_the_run_limit_is_read_only_as_far_as_the_limit(tmp_path, name, write, entries, most_mib):
    path = tmp_path / name
    path.write_text(write(entries))
    urls, skipped, grown = discovered_with_limit(path, 10)
    assert (urls, skipped) == (10, {"listing/over_limit": entries - 10})
    assert grown < most_mib


STRAY_SITEMAP = f"<urlset xmlns='{SITEMAPS}'>{{}}<url><loc>https://news.example/1.html</loc></url></urlset>"
# An OPML's feed is fetched, not listed: no URL, and no network (a reserved address, refused).
STRAY_OPML = "<opml version='2.0'><body>{}<outline xmlUrl='http://192.0.2.1/feed.xml'/></body></opml>"
# Inside an element of their own, after an entry.
STRAY_WRAPPED = STRAY_SITEMAP.replace("{}", "<url><loc>https://news.example/0.html</loc></url><w>{}</w>")


@pytest.mark.parametrize(
    ("name", "document", "urls"),
    [("sitemap.xml", STRAY_SITEMAP, 1), ("wrapped.xml", STRAY_WRAPPED, 2), ("feeds.opml", STRAY_OPML, 0)],
)
def test_stray_elements_before_a_listings_entries_are_dropped_as_they_are_read(tmp_path, name, document, urls):
    # 10 MiB of <a/> beside the entries: lxml kept them all, a tree of +320-350 MiB (1.7 GB at the 50 MiB limit).
    path = tmp_path / name
    path.write_text("<?xml version='1.0'?>" + document.format("<a/>" * (10 << 18)))
    taken, skipped, grown = discovered_with_limit(path, 1_000_000)
    assert (taken, skipped) == (urls, {})
    assert grown < 80


def feed_entries(content: bytes, part_bytes: int, monkeypatch, limit: int | None = None) -> tuple[list, int, list]:
    monkeypatch.setattr(listings, "_FEED_PART_BYTES", part_bytes)
    listing = parse_listing(content, "https://news.example/feeds/all.xml", limits=ListingLimits(entries=limit))
    return listing.entries, listing.entries_cut, list(listing.bad_entries)


ATOM = (
    "<?xml version='1.0' encoding='windows-1252'?>"
    "<!DOCTYPE feed [<!ENTITY site 'https://news.example'>]>"
    "<feed xmlns='http://www.w3.org/2005/Atom' xml:base='https://news.example/world/'><title>World</title>"
    "<!-- <entry><link href='/commented-out.html'/></entry> -->"
    "{entries}</feed>"
)
ATOM_ENTRY = (
    "<entry><title>Caf\xe9 {n} <![CDATA[</entry> is text here]]></title><link href='story-{n}.html'/>"
    "<updated>2024-03-0{day}T23:30:00-05:00</updated></entry>"
)


@pytest.mark.parametrize(
    "shape",
    [
        # Atom with a base, an entity, a windows-1252 declaration, a comment and CDATA that hold entry tags.
        lambda n: ATOM.format(entries="".join(ATOM_ENTRY.format(n=i, day=i % 9 + 1) for i in range(n))).encode(
            "windows-1252"
        ),
        # RDF (RSS 1.0): items beside the channel, with a prefix; one link is no URL, one item has none.
        lambda n: (
            "<?xml version='1.0'?><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#' "
            "xmlns:r='http://purl.org/rss/1.0/'><r:channel><r:title>R</r:title></r:channel>"
            + "".join(
                f"<r:item><r:title>T{i}</r:title><r:link>{'mailto:x@y' if i == 5 else f'https://r.example/{i}'}"
                f"</r:link></r:item>"
                for i in range(n)
            )
            + "<r:item><r:title>no link</r:title></r:item></rdf:RDF>"
        ).encode(),
        # CDF: self-closing items that give their link as an attribute.
        lambda n: (
            "<?xml version='1.0'?><CHANNEL HREF='https://cdf.example/'><TITLE>C</TITLE>"
            + "".join(f"<ITEM HREF='https://cdf.example/{i}.html'/>" for i in range(n))
            + "</CHANNEL>"
        ).encode(),
    ],
    ids=["atom", "rdf", "cdf"],
)
def test_a_feed_read_in_parts_gives_what_it_gives_read_whole(shape, monkeypatch):
    content = shape(40)
    whole = feed_entries(content, 1 << 30, monkeypatch)
    assert len(whole[0]) >= 39
    parts = feed_entries(content, 150, monkeypatch)  # a few items a part
    assert parts == whole
    # Cut at the run's limit: the first 7 entries, and the 33 items after them counted, parsed or not (in RDF the
    # 7th entry is the 8th item, the 6th having no URL, and the 41st item has no link).
    entries, cut, _ = feed_entries(content, 150, monkeypatch, limit=7)
    assert (entries, cut) == (whole[0][:7], 33)


def test_item_spans_are_found_past_what_hides_tags_and_stop_where_the_feed_breaks():
    feed = (
        b"<rss><channel><items><rdf:Seq/></items>"  # <items> is no item
        b"<item><description><![CDATA[<item>not one</item>]]></description></item>"
        b"<!-- <item>commented</item> -->"
        b"<ITEM><item>nested</item></ITEM>"
        b"<item/>"
    )
    spans = item_spans(feed + b"<item><title><![CDATA[never closed</title></item></channel></rss>")
    assert [feed[start:end][:12] for start, end in spans] == [b"<item><descr", b"<ITEM><item>", b"<item/>"]
    assert item_spans(feed + b"<item><title>cut") == spans  # an item the feed's end cuts is left out
    assert item_spans(feed.decode().encode("utf-16")) == []  # not cut: read whole


def test_sitemap_entries_past_the_limit_are_counted_with_any_prefix_across_chunks(monkeypatch):
    monkeypatch.setattr(listings, "_SITEMAP_CHUNK_BYTES", 7)  # tags split between the parser's chunks
    locs = "".join(
        f"<{prefix}url><{prefix}loc>https://news.example/{n}.html</{prefix}loc></{prefix}url  >"
        for n, prefix in zip(range(30), ["", "s:"] * 15, strict=True)
    )
    content = f"<?xml version='1.0'?><s:urlset xmlns='{SITEMAPS}' xmlns:s='{SITEMAPS}'>{locs}</s:urlset>".encode()
    for limit, taken in ((0, 0), (4, 4), (29, 29), (30, 30), (None, 30)):
        listing = parse_listing(content, limits=ListingLimits(entries=limit))
        assert [entry.url for entry in listing.entries] == [f"https://news.example/{n}.html" for n in range(taken)]
        assert listing.entries_cut == 30 - taken
    index = f"<sitemapindex xmlns='{SITEMAPS}'>" + "<sitemap><loc>https://news.example/s.xml</loc></sitemap>" * 9
    listing = parse_listing((index + "</sitemapindex>").encode(), limits=ListingLimits(children=2))
    assert (len(listing.children), listing.children_cut) == (2, 7)
