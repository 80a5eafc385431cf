"""Read lists of articles: URL-list text, RSS/Atom feeds, sitemaps and news sitemaps."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urljoin, urlsplit

import feedparser
from lxml import etree

from transforms.normalise import metadata_field


@dataclass(frozen=True, slots=True)
class ListingEntry:
    """One article a listing points to, with what the listing says of it."""

    url: str
    title: str | None = None
    published_date: date | None = None


@dataclass(frozen=True, slots=True)
class Listing:
    kind: str  # "feed", "sitemap", "sitemap_index", "url_list"
    entries: list[ListingEntry]
    children: list[str]  # sitemaps a sitemap index points to


class NotAListing(ValueError):
    """The bytes are not a feed, a sitemap or a URL list."""


_ROOT_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(rss|feed|RDF|urlset|sitemapindex|html)\b", re.I)
_SNIFF_BYTES = 4096


def is_http_url(text: str) -> bool:
    parts = urlsplit(text)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and " " not in text


def listing_kind(content: bytes) -> str | None:
    """'feed', 'sitemap', 'sitemap_index' or 'html' from the first element; None if none of these."""
    head = content[:_SNIFF_BYTES]
    # Skip the XML declaration, comments and doctype: the first real element decides.
    head = re.sub(rb"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", b"", head, flags=re.S | re.I)
    match = _ROOT_TAG.search(head)
    if not match:
        return None
    root = match.group(1).lower()
    return {
        b"rss": "feed",
        b"feed": "feed",
        b"rdf": "feed",
        b"urlset": "sitemap",
        b"sitemapindex": "sitemap_index",
        b"html": "html",
    }[root]


def parse_url_list(text: str) -> list[ListingEntry]:
    """One URL a line; blank lines and lines starting with # are skipped. Other lines are not URLs."""
    entries = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not is_http_url(line):
            raise NotAListing(f"line {number} is not an http(s) URL: {line[:80]!r}")
        entries.append(ListingEntry(url=line))
    return entries


def looks_like_url_list(text: str) -> bool:
    try:
        return bool(parse_url_list(text))
    except NotAListing:
        return False


def parse_listing(content: bytes, base_url: str | None = None) -> Listing:
    kind = listing_kind(content)
    if kind == "feed":
        return Listing("feed", parse_feed(content, base_url), [])
    if kind in ("sitemap", "sitemap_index"):
        return parse_sitemap(content, base_url)
    raise NotAListing(f"not an RSS/Atom feed or a sitemap (first element: {kind or 'none found'})")


def parse_feed(content: bytes, base_url: str | None = None) -> list[ListingEntry]:
    parsed = feedparser.parse(
        content, response_headers={"content-location": base_url or ""}, sanitize_html=False, resolve_relative_uris=False
    )
    if parsed.bozo and not parsed.entries:
        raise NotAListing(f"feed could not be parsed: {parsed.get('bozo_exception')}")
    entries = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        link = urljoin(base_url or "", link)
        if not is_http_url(link):
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None
        entries.append(ListingEntry(url=link, title=metadata_field(entry.get("title")), published_date=published))
    return entries


def parse_sitemap(content: bytes, base_url: str | None = None) -> Listing:
    """A urlset (with news:news titles and dates when present) or a sitemap index."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True)
    try:
        root = etree.fromstring(content, parser)
    except etree.XMLSyntaxError as error:
        raise NotAListing(f"sitemap is not XML: {error}") from None
    if root is None:
        raise NotAListing("sitemap is empty")
    name = etree.QName(root).localname
    if name == "sitemapindex":
        children = [_loc(node, base_url) for node in root if etree.QName(node).localname == "sitemap"]
        return Listing("sitemap_index", [], [c for c in children if c])
    if name != "urlset":
        raise NotAListing(f"sitemap root is <{name}>, not <urlset> or <sitemapindex>")
    entries = []
    for node in root:
        if not isinstance(node.tag, str) or etree.QName(node).localname != "url":
            continue
        url = _loc(node, base_url)
        if not url:
            continue
        title, published = None, None
        for child in node.iter():
            if not isinstance(child.tag, str):
                continue
            local = etree.QName(child).localname
            # Only news sitemap fields count: <lastmod> is when the page changed, not when it was published.
            if local == "title" and "news" in (etree.QName(child).namespace or ""):
                title = metadata_field(child.text)
            elif local == "publication_date":
                published = parse_w3c_date(child.text)
        entries.append(ListingEntry(url=url, title=title, published_date=published))
    return Listing("sitemap", entries, [])


def parse_w3c_date(value: str | None) -> date | None:
    if not value:
        return None
    value = value.strip()
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None


def _loc(node: etree._Element, base_url: str | None) -> str | None:
    for child in node:
        if isinstance(child.tag, str) and etree.QName(child).localname == "loc" and child.text:
            url = urljoin(base_url or "", child.text.strip())
            return url if is_http_url(url) else None
    return None
