"""Read lists of articles: URL-list text, RSS/Atom feeds, sitemaps and news sitemaps."""

from __future__ import annotations

import codecs
import email.utils
import functools
import itertools
import json
import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from urllib.parse import urljoin, urlsplit

import feedparser
from lxml import etree

from transforms.feed_parts import FeedStream, feed_parts, item_spans
from transforms.normalise import metadata_field


@dataclass(frozen=True, slots=True)
class ListingEntry:
    """One article a listing points to, with what the listing says of it."""

    url: str
    title: str | None = None
    published_date: date | None = None


@dataclass(frozen=True, slots=True)
class BadEntry:
    """An entry whose URL is malformed or not http(s): it costs only itself (a rejection), not the listing."""

    number: int  # the entry's place in the listing, from 1 (for a URL list, its line)
    text: str  # what the listing gives as its URL, cut short


@dataclass(frozen=True, slots=True)
class Listing:
    kind: str  # "feed", "sitemap", "sitemap_index", "url_list", "robots_txt", "opml"
    entries: list[ListingEntry]
    children: list[str]  # sitemaps a sitemap index (or a robots.txt) points to
    bad_entries: tuple[BadEntry, ...] = ()
    # Entries and children past the limits the reader was given: counted, never resolved into URLs.
    entries_cut: int = 0
    children_cut: int = 0


@dataclass(frozen=True, slots=True)
class ListingLimits:
    """How many entries (article URLs) and children (sitemaps) a reader still takes; None: all.

    A sitemap index of 50,000 children each listing 50,000 URLs holds far more than a run keeps, so what is
    past the limits is counted (cheaply, in lxml) rather than turned into URLs only to be thrown away."""

    entries: int | None = None
    children: int | None = None


NO_LIMITS = ListingLimits()


class NotAListing(ValueError):
    """The bytes are not a feed, a sitemap or a URL list."""


# <CHANNEL> is a Microsoft CDF channel (1997, Internet Explorer 4's "active channels"): a listing of <ITEM HREF>s
# with titles and LASTMOD dates that feedparser reads as it reads RSS, so it is one more kind of feed.
_ROOT_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(rss|feed|RDF|channel|urlset|sitemapindex|opml|html)\b", re.I)
_SNIFF_BYTES = 4096


def is_http_url(text: str) -> bool:
    """An http(s) URL with a host that parses: an unclosed IPv6 host or a bad port is not one."""
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 -- reading it validates the port (ValueError when out of range)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname) and " " not in text


def bad_entry(number: int, text: str) -> BadEntry:
    return BadEntry(number, text.strip()[:200])


def absolute_http_url(base_url: str | None, link: str) -> str | None:
    """The link resolved against the listing's own URL if that gives an http(s) URL, else None.

    Mended as browsers mend a link (the WHATWG URL standard): tabs and line breaks inside it are dropped
    (feeds wrap long links), and a space in its path, query or fragment is percent-encoded; a space in
    the host is still no URL."""
    link = _URL_BREAKS.sub("", link).strip()
    if _PLAIN_HTTP_URL.fullmatch(link) and _base_parses(base_url):
        return link
    return joined_http_url(base_url, link)


def joined_http_url(base_url: str | None, link: str) -> str | None:
    """`absolute_http_url` the long way, for any link: resolved by urllib, then checked."""
    try:
        url = urljoin(base_url or "", link)
        parts = urlsplit(url)
    except ValueError:  # a malformed base or link (e.g. "http://[::1/x")
        return None
    if " " not in parts.netloc:  # a space can then be only in the path, query or fragment
        url = url.replace(" ", "%20")
    return url if is_http_url(url) else None


_URL_BREAKS = re.compile(r"[\t\r\n]")
# An absolute http(s) URL in the plain form nearly every sitemap and feed writes: a lowercase scheme, a host of
# ASCII letters, digits, dots and hyphens (no user, no port), a path without ";" (urllib would split parameters
# off it), a query that is not empty, no fragment, no white space. Resolved against any base that parses, such a
# link is itself and is an http(s) URL (`joined_http_url` gives it back unchanged: tests/test_listing_streams.py),
# so urllib's parsing, a third of the time a large sitemap took, is skipped for it.
_PLAIN_HTTP_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?:/[^\s?#;]*)?(?:\?[^\s#]+)?")


@functools.lru_cache(maxsize=64)
def _base_parses(base_url: str | None) -> bool:
    """Whether urllib can resolve links against the base (a listing's own URL, the same for all its entries)."""
    try:
        urlsplit(base_url or "")
    except ValueError:
        return False
    return True


def listing_kind(content: bytes) -> str | None:
    """'feed' (RSS, Atom, RDF, CDF), 'sitemap', 'sitemap_index' or 'html' from the first element; None if none of
    these."""
    head = _as_utf8(content[:_SNIFF_BYTES])
    # Skip the XML declaration, comments and doctype: the first real element decides.
    body = _without_declarations(head)
    match = _ROOT_TAG.search(body)
    if not match:
        return None
    root = match.group(1).lower()
    if root == b"channel" and match.start() != body.find(b"<"):  # RSS's <channel> inside another element
        return None
    return {
        b"rss": "feed",
        b"feed": "feed",
        b"rdf": "feed",
        b"channel": "feed",
        b"urlset": "sitemap",
        b"sitemapindex": "sitemap_index",
        b"opml": "opml",
        b"html": "html",
    }[root]


# How an XML document in another encoding family starts (XML 1.0, appendix F), and the codec that reads
# it: with a byte order mark, or with "<" in UTF-16/32 or EBCDIC. UTF-32's marks go before UTF-16's,
# whose little-endian BOM they begin with.
_XML_STARTS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
    (b"\x00<", "utf-16-be"),
    (b"<\x00", "utf-16-le"),
    (b"\x4c\x6f\xa7\x94", "cp037"),  # "<?xm" in EBCDIC
)


def wide_codec(head: bytes) -> str | None:
    """The codec of a document that starts as UTF-16 or UTF-32 XML does (a byte order mark, or "<" as two or
    four bytes), else None."""
    for start, codec in _XML_STARTS:
        if head.startswith(start) and codec.startswith("utf"):
            return codec
    return None


_EBCDIC_START = b"\x4c\x6f\xa7\x94"  # "<?xm": the same bytes in every EBCDIC code page
_DECLARED_TEXT_ENCODING = re.compile(r"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]{1,40})["']""")


def ebcdic_codec(head: bytes, charset: str | None) -> str | None:
    """The code page of a document that starts as EBCDIC XML does, else None: the server's charset or the XML
    declaration's (read in cp037: its letters are the same in every EBCDIC page), the first that Python knows as
    an EBCDIC page, as feedparser chooses (the server's first); cp037 when neither is one."""
    if not head.startswith(_EBCDIC_START):
        return None
    declared = _DECLARED_TEXT_ENCODING.match(head[:1024].decode("cp037"))
    for name in (charset, declared.group(1) if declared else None):
        if name and _is_ebcdic(name):
            return name
    return "cp037"


def _is_ebcdic(name: str) -> bool:
    try:
        return _EBCDIC_START.decode(name) == "<?xm"
    except (LookupError, UnicodeDecodeError):
        return False


_DECLARATION_ENCODING = re.compile(r"""^(\s*<\?xml[^>]*?encoding\s*=\s*["'])[^"'<>]*""")


def utf8_chunks(chunks: Iterable[bytes], codec: str) -> Iterator[bytes]:
    """A UTF-16, UTF-32 or EBCDIC document's chunks as UTF-8, transcoded a chunk at a time, its XML declaration saying
    utf-8. What the ASCII-compatible readers then do (a feed cut into parts, a sitemap's entries past the limit
    counted in bytes) holds for it too: fed whole to feedparser, a 50 MiB UTF-16 feed cost what a UTF-8 one did
    before parts (hundreds of MiB). Bytes that do not decode become U+FFFD; the UTF-8 is at most 1.5 times the
    UTF-16 (a character of two bytes is at most three) and three times EBCDIC, and is read in parts or as a stream,
    never whole."""
    decoder = codecs.getincrementaldecoder(codec)(errors="replace")
    start: str | None = ""  # the text until its declaration is whole (or surely absent)
    for chunk in chunks:
        text = decoder.decode(chunk)
        if start is not None:
            start += text
            if len(start) < 1024 and "?>" not in start:
                continue
            text, start = _DECLARATION_ENCODING.sub(r"\1utf-8", start, count=1), None
        if text:
            yield text.encode("utf-8")
    text = decoder.decode(b"", final=True)
    if start is not None:
        text = _DECLARATION_ENCODING.sub(r"\1utf-8", start + text, count=1)
    if text:
        yield text.encode("utf-8")


def in_chunks(content: bytes | Iterable[bytes]) -> Iterator[bytes]:
    """The content a chunk at a time: bytes (each one given) cut into chunks of 64 KiB."""
    for piece in [content] if isinstance(content, bytes) else content:
        if len(piece) <= _SITEMAP_CHUNK_BYTES:
            yield piece
            continue
        for start in range(0, len(piece), _SITEMAP_CHUNK_BYTES):
            yield piece[start : start + _SITEMAP_CHUNK_BYTES]


def peek_head(chunks: Iterator[bytes]) -> tuple[bytes, Iterator[bytes]]:
    """The first bytes of the chunks (at least as many as kinds are sniffed from, unless there are fewer), and
    the chunks again from the start."""
    taken: list[bytes] = []
    size = 0
    for chunk in chunks:
        taken.append(chunk)
        size += len(chunk)
        if size >= _SNIFF_BYTES:
            break
    head = b"".join(taken)
    return head, itertools.chain([head] if head else [], chunks)


def _as_utf8(head: bytes) -> bytes:
    """The head re-encoded as UTF-8 when it starts as UTF-16, UTF-32 or EBCDIC XML does, so its first
    element can be found; otherwise as it is (feedparser and lxml decode the whole document themselves)."""
    for start, codec in _XML_STARTS:
        if head.startswith(start):
            return head.decode(codec, errors="ignore").encode("utf-8")
    return head


# Markup before the first element, as (opener, closer); the opener is matched ignoring case.
_DECLARATIONS = ((b"<?", b"?>"), (b"<!--", b"-->"), (b"<!doctype", b">"))


def _without_declarations(head: bytes) -> bytes:
    """The head without processing instructions, comments and doctypes.

    A scan in code rather than a regex: a lazy regex retried at each of thousands of unclosed "<?"
    rescans the rest of the head every time. Here a closer that is missing once is missing for every
    later opener too, so the whole scan is linear.
    """
    kept = []
    position = 0
    missing: set[bytes] = set()
    while (start := head.find(b"<", position)) >= 0:
        end = _declaration_end(head, start, missing)
        if end is None:
            kept.append(head[position : start + 1])
            position = start + 1
        else:
            kept.append(head[position:start])
            position = end
    kept.append(head[position:])
    return b"".join(kept)


def _declaration_end(head: bytes, start: int, missing: set[bytes]) -> int | None:
    for opener, closer in _DECLARATIONS:
        if head[start : start + len(opener)].lower() == opener:
            close = -1 if closer in missing else head.find(closer, start + len(opener))
            if close < 0:
                missing.add(closer)
                return None
            return close + len(closer)
    return None


_URL_START = re.compile(r"https?://", re.I)


def _listed_lines(text: str) -> Iterator[tuple[int, str]]:
    """Each line that lists something, stripped, with its number from 1: blank lines and # comments are not."""
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if line and not line.startswith("#"):
            yield number, line


def parse_url_list(text: str) -> Listing:
    """One URL a line; blank lines and lines starting with # are skipped.

    A line that starts like a URL but is malformed ("http://[::1/x") is a bad entry, skipped and
    counted; any other line means the text is not a URL list at all (prose that names a URL).
    """
    entries = []
    bad: list[BadEntry] = []
    for number, line in _listed_lines(text):
        if is_http_url(line):
            entries.append(ListingEntry(url=line))
        elif _URL_START.match(line):
            bad.append(bad_entry(number, line))
        else:
            raise NotAListing(f"line {number} is not an http(s) URL: {line[:80]!r}")
    return Listing("url_list", entries, [], tuple(bad))


def looks_like_url_list(text: str) -> bool:
    try:
        return bool(parse_url_list(text).entries)
    except NotAListing:
        return False


def parse_listing(
    content: bytes | Iterable[bytes],
    base_url: str | None = None,
    charset: str | None = None,
    limits: ListingLimits = NO_LIMITS,
) -> Listing:
    """`content`: the bytes, or the bytes a chunk at a time (a gzipped file decompressed as it is read): a sitemap
    or an OPML is parsed as its chunks come, a feed cut into parts as they come (`FeedStream`), anything else (JSON,
    text: small) joined first. `charset`: the one the server named in
    Content-Type, if any (it wins over the XML declaration, as in browsers and feedparser). A UTF-16, UTF-32 or
    EBCDIC listing is read as UTF-8 (`utf8_chunks`)."""
    head, chunks = peek_head(in_chunks(content))
    codec = wide_codec(head) or ebcdic_codec(head, charset)
    if codec is not None:
        head, chunks = peek_head(utf8_chunks(chunks, codec))
        charset = "utf-8"
    elif isinstance(content, bytes):
        chunks = iter([content])  # the bytes as they are: no copy, and the sitemap reader's own chunks
    kind = listing_kind(head)
    if kind in ("sitemap", "sitemap_index"):
        return parse_sitemap(chunks, base_url, limits)
    if kind == "opml":
        return limited(parse_opml(chunks, base_url), limits)
    if kind == "feed":
        # Bytes as they came are cut into parts with no copy; chunks (decompressed, transcoded) as they come.
        return parse_feed(
            content if isinstance(content, bytes) and codec is None else chunks, base_url, charset, limits
        )
    content = b"".join(chunks)  # JSON and text listings are small, or read whole
    if kind is None:
        text = _leading_text(content)
        if text.startswith("{"):
            return limited(parse_json_feed(content, base_url), limits)
        if text:
            return limited(parse_text_listing(content.decode("utf-8-sig", errors="replace"), base_url), limits)
    raise NotAListing(f"not an RSS/Atom feed or a sitemap (first element: {kind or 'none found'})")


def limited(listing: Listing, limits: ListingLimits) -> Listing:
    """The listing with its entries and children cut to the limits, the rest counted (for readers that hold
    every entry anyway: feedparser, JSON, text; a sitemap is cut while it is read)."""
    entries, children = listing.entries, listing.children
    if limits.entries is not None and len(entries) > limits.entries:
        entries = entries[: limits.entries]
    if limits.children is not None and len(children) > limits.children:
        children = children[: limits.children]
    if entries is listing.entries and children is listing.children:
        return listing
    return replace(
        listing,
        entries=entries,
        children=children,
        entries_cut=listing.entries_cut + len(listing.entries) - len(entries),
        children_cut=listing.children_cut + len(listing.children) - len(children),
    )


def _leading_text(content: bytes) -> str:
    """The start of the content as UTF-8 text without a BOM or leading white space; empty when it holds markup."""
    head = content[:_SNIFF_BYTES].decode("utf-8-sig", errors="replace").lstrip()
    return "" if head.startswith("<") else head


# Spaces and tabs only, not \s: \s* at each line start would run over every blank line after it (quadratic).
_ROBOTS_LINE = re.compile(r"^[ \t]*(user-agent|disallow|allow|crawl-delay|site-?map|host)[ \t]*:", re.I | re.M)
# "Site-map" too: Google's robots.txt parser takes that spelling, and sites use it.
_SITEMAP_LINE = re.compile(r"^[ \t]*site-?map[ \t]*:[ \t]*(\S+)", re.I | re.M)


def parse_text_listing(text: str, base_url: str | None = None) -> Listing:
    """A robots.txt (its `Sitemap:` lines name sitemaps, fetched as a sitemap index's children are), else
    a text sitemap (one URL a line, as the sitemap protocol allows)."""
    if _ROBOTS_LINE.search(text):
        return _parse_robots_txt(text, base_url)
    return _parse_text_sitemap(text, base_url)


def _parse_robots_txt(text: str, base_url: str | None) -> Listing:
    children: list[str] = []
    bad: list[BadEntry] = []
    for number, match in enumerate(_SITEMAP_LINE.finditer(text), start=1):
        url = absolute_http_url(base_url, match.group(1))
        if url is None:
            bad.append(bad_entry(number, match.group(1)))
        else:
            children.append(url)
    return Listing("robots_txt", [], children, tuple(bad))


def _parse_text_sitemap(text: str, base_url: str | None) -> Listing:
    """Read leniently, being fetched as a listing: a line that is not a URL costs only itself (a URL list
    on disk is read strictly, since a .txt of prose that names a URL is no list)."""
    entries = []
    bad: list[BadEntry] = []
    for number, line in _listed_lines(text):
        url = absolute_http_url(base_url, line) if _URL_START.match(line) else None
        if url is None:
            bad.append(bad_entry(number, line))
        else:
            entries.append(ListingEntry(url=url))
    if len(bad) >= len(entries):  # text that names URLs, not a list of them
        raise NotAListing(
            f"neither a sitemap, a feed, a text sitemap nor a robots.txt: {len(bad)} of "
            f"{len(bad) + len(entries)} lines are not http(s) URLs"
        )
    return Listing("sitemap", entries, [], tuple(bad))


_JSON_FEED_VERSION = "https://jsonfeed.org/version/"


def parse_json_feed(content: bytes, base_url: str | None = None) -> Listing:
    """A JSON Feed (jsonfeed.org, versions 1 and 1.1): each item's `url`, `title` and `date_published`."""
    try:
        feed = json.loads(content.decode("utf-8-sig", errors="replace"))
    except (ValueError, RecursionError) as error:
        raise NotAListing(f"JSON that does not parse: {str(error)[:200]}") from None
    if not isinstance(feed, dict) or not str(feed.get("version", "")).startswith(_JSON_FEED_VERSION):
        raise NotAListing("JSON, but not a JSON Feed (no jsonfeed.org version)")
    items = feed.get("items")
    entries = []
    bad: list[BadEntry] = []
    for number, item in enumerate(items if isinstance(items, list) else [], start=1):
        link = item.get("url") if isinstance(item, dict) else None
        if not isinstance(link, str) or not link:
            continue
        url = absolute_http_url(base_url, link)
        if url is None:
            bad.append(bad_entry(number, link))
            continue
        title = item.get("title")
        published = item.get("date_published")
        entries.append(
            ListingEntry(
                url=url,
                title=metadata_field(title) if isinstance(title, str) else None,
                published_date=parse_w3c_date(published) if isinstance(published, str) else None,
            )
        )
    return Listing("feed", entries, [], tuple(bad))


# A numeric character reference: feedparser turns one with no character behind it
# (&#99999999;, a surrogate, thousands of digits) into an exception for the whole feed.
_CHAR_REF = re.compile(rb"&#(?:[xX]([0-9A-Fa-f]+)|([0-9]+));")
_REPLACEMENT_REF = b"&#xFFFD;"


def parse_feed(
    content: bytes | Iterator[bytes],
    base_url: str | None = None,
    charset: str | None = None,
    limits: ListingLimits = NO_LIMITS,
) -> Listing:
    """A feed read by feedparser; a large one a part at a time (`feed_parts`), and no further than the limit on
    entries: the items of the parts never read are counted, never parsed. `content`: the bytes, or the bytes a
    chunk at a time (a gzipped feed decompressed as it is read), cut into parts as they come (`FeedStream`)."""
    if not isinstance(content, bytes):
        return _parse_feed_stream(content, base_url, charset, limits)
    content = _CHAR_REF.sub(_valid_char_ref, content)
    spans = item_spans(content) if len(content) > 2 * _FEED_PART_BYTES else []
    if len(spans) < 2:
        return limited(_parsed_feed(content, base_url, charset), limits)
    entries: list[ListingEntry] = []
    bad: list[BadEntry] = []
    for part in feed_parts(content, spans, _FEED_PART_BYTES):
        if limits.entries is not None and len(entries) >= limits.entries:
            cut = len(spans) - part.first
            return limited(Listing("feed", entries, [], tuple(bad), entries_cut=cut), limits)
        listing = _parsed_feed(part.content, base_url, charset, first=part.first, refuse=part.first == 0)
        entries.extend(listing.entries)
        bad.extend(listing.bad_entries)
    return limited(Listing("feed", entries, [], tuple(bad)), limits)


def _parse_feed_stream(
    chunks: Iterator[bytes], base_url: str | None, charset: str | None, limits: ListingLimits
) -> Listing:
    stream = FeedStream(chunks, _FEED_PART_BYTES, whole_bytes=2 * _FEED_PART_BYTES)
    entries: list[ListingEntry] = []
    bad: list[BadEntry] = []
    for part in stream.parts():
        if limits.entries is not None and len(entries) >= limits.entries:
            cut = part.items + stream.counted_rest()
            return limited(Listing("feed", entries, [], tuple(bad), entries_cut=cut), limits)
        content = _CHAR_REF.sub(_valid_char_ref, part.content)
        listing = _parsed_feed(content, base_url, charset, first=part.first, refuse=part.first == 0)
        entries.extend(listing.entries)
        bad.extend(listing.bad_entries)
    if stream.whole is not None:
        return parse_feed(stream.whole, base_url, charset, limits)
    return limited(Listing("feed", entries, [], tuple(bad)), limits)


# Items a feedparser call holds at once, by their bytes: about 20,000 short items, ~20 MiB of its dictionaries.
_FEED_PART_BYTES = 1 << 20


def _parsed_feed(
    content: bytes, base_url: str | None, charset: str | None, first: int = 0, refuse: bool = True
) -> Listing:
    """The entries feedparser reads in `content`, numbered from `first` + 1."""
    parsed = feedparser.parse(
        content,
        response_headers=_feed_headers(base_url, charset),
        sanitize_html=False,
        resolve_relative_uris=False,
    )
    # Broken and without entries is no feed unless feedparser still knew it for one (its version): real feeds
    # with no items now, or an encoding it had to guess, are read as empty, not refused.
    if refuse and parsed.bozo and not parsed.entries and not parsed.get("version"):
        raise NotAListing(f"feed could not be parsed: {parsed.get('bozo_exception')}")
    entries = []
    bad: list[BadEntry] = []
    for number, entry in enumerate(parsed.entries, start=first + 1):
        link = entry.get("link")
        if not link:
            continue
        url = absolute_http_url(base_url, link)
        if url is None:
            bad.append(bad_entry(number, link))
            continue
        entries.append(
            ListingEntry(url=url, title=metadata_field(entry.get("title")), published_date=_entry_day(entry))
        )
    return Listing("feed", entries, [], tuple(bad))


def _feed_headers(base_url: str | None, charset: str | None) -> dict[str, str]:
    """The HTTP headers feedparser is told of. The server's charset wins over the XML declaration, as in
    browsers (a windows-1251 feed that declares nothing was read as ISO-8859-1 without it). The media type
    is always XML: given headers without one, feedparser flags every feed as broken (so a feed with no
    entries was refused), and given text/xml without a charset it tries US-ASCII first (RFC 3023's rule,
    which RFC 7303 and browsers dropped)."""
    content_type = f"application/xml; charset={charset}" if charset else "application/xml"
    return {"content-type": content_type, "content-location": base_url or ""}


def _valid_char_ref(match: re.Match[bytes]) -> bytes:
    """The reference itself if it names a character XML allows, else a reference to U+FFFD."""
    hex_digits, digits = match.group(1), match.group(2)
    text = hex_digits or digits
    if len(text) > 8:  # past U+10FFFF whatever the digits (and int() refuses thousands of them)
        return _REPLACEMENT_REF
    code = int(text, 16 if hex_digits else 10)
    if code == 0 or 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
        return _REPLACEMENT_REF
    return match.group(0)


def _entry_day(entry: feedparser.FeedParserDict) -> date | None:
    """The day the entry was published (else updated) as the feed writes it, in the feed's own time zone,
    as news sitemaps and pages give it: feedparser turns every date into UTC, which moves a story
    published in New York at 23:30 to the next day. feedparser's UTC day stands where the text is in a form
    only feedparser reads, or where the two disagree by more than a time zone can."""
    for key in ("published", "updated"):
        utc_day = _day(entry.get(f"{key}_parsed"))
        if utc_day is None:
            continue
        written = _written_day(entry.get(key))
        if written is not None and abs((written - utc_day).days) <= 1:
            return written
        return utc_day
    return None


def _written_day(text: str | None) -> date | None:
    """The calendar day an RFC 822 (RSS) or W3C/ISO 8601 (Atom) date names, in its own time zone."""
    if not text:
        return None
    fields = email.utils.parsedate_tz(text)
    if fields is not None:
        try:
            return date(fields[0], fields[1], fields[2])
        except ValueError:
            return None
    return parse_w3c_date(text)


def _day(stamp: time.struct_time | None) -> date | None:
    if not stamp:
        return None
    try:
        return date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday)
    except ValueError:  # a year feedparser accepts but a date cannot hold (year 0)
        return None


def parse_sitemap(
    content: bytes | Iterable[bytes], base_url: str | None = None, limits: ListingLimits = NO_LIMITS
) -> Listing:
    """A urlset (with news:news titles and dates when present) or a sitemap index, from its bytes or its chunks.

    Read as a stream (lxml's pull parser, a chunk at a time), each entry dropped from the tree once read, and
    no further than the limits: a 50 MiB sitemap of a million URLs held as a tree took hundreds of MiB, and past
    the run's limit it was parsed whole only to be counted. What is past the limit is counted by its closing tags
    in the bytes, never parsed."""
    chunks = _as_declared_utf8(in_chunks(content))
    parser = etree.XMLPullParser(
        # The root's start, so that what is read can be dropped from the first chunk on (50 MiB of stray elements
        # before the first entry were a tree of 1.7 GB); the entries' ends, when they are whole.
        events=("start", "end"),
        tag=("{*}urlset", "{*}sitemapindex", "{*}url", "{*}sitemap"),
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        recover=True,
    )
    reading = _SitemapReading(base_url, limits)
    closing = _ClosingTags()
    for chunk in chunks:
        parser.feed(chunk)
        closing.count(chunk, reading.counted)
        for event, node in parser.read_events():
            if event == "end":
                reading.take(node)
            elif reading.root_node is None and node.getparent() is None:
                reading.know_root(node)
        reading.drop_read()
        if reading.full:
            for rest in chunks:  # read on only to be counted
                closing.count(rest, reading.counted)
            return reading.listing(cut=reading.uncounted(closing.total(reading.entry_name)))
    try:
        root = parser.close()
    except etree.XMLSyntaxError as error:
        raise NotAListing(f"sitemap is not XML: {error}") from None
    for event, node in parser.read_events():
        if event == "end":
            reading.take(node)
    # libxml2 gives up on a document past its limits (entities that expand a billion times, nesting past 256
    # levels), and what follows is never reported: the sitemap is refused rather than silently read in part.
    for logged in parser.feed_error_log:
        if logged.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT:
            raise NotAListing(f"sitemap parsing stopped at line {logged.line}: {logged.message}")
    if reading.root is None:  # no entries: the root alone says what the document is
        if root is None:
            raise NotAListing("sitemap is empty")
        reading.know_root(root)
    return reading.listing(cut=reading.cut)


_SITEMAP_CHUNK_BYTES = 1 << 16
# An entry's closing tag, with any prefix: how entries past a reader's limit are counted in bytes never parsed.
_CLOSING_TAGS = {
    "url": re.compile(rb"</(?:[\w.-]+:)?url\s*>"),
    "sitemap": re.compile(rb"</(?:[\w.-]+:)?sitemap\s*>"),
}
# A tag held back from one chunk for the next, where it may end; a longer one (a prefix of hundreds of letters,
# or spaces before its ">") is counted where it is, and a closing tag split there is missed.
_LONGEST_HELD_TAG = 256


class _ClosingTags:
    """Entries' closing tags in a document's chunks, counted as they are read (the parser may hold back a tag it
    has been fed, so what it reported is no count of what was fed): a tag split between two chunks is counted
    once, whole, with the later one."""

    def __init__(self) -> None:
        self.counts = dict.fromkeys(_CLOSING_TAGS, 0)
        self.held = b""

    def count(self, chunk: bytes, names: tuple[str, ...]) -> None:
        data = self.held + chunk if self.held else chunk
        cut = data.rfind(b"<")
        if cut < 0 or len(data) - cut > _LONGEST_HELD_TAG:
            cut = len(data)
        for name in names:
            self.counts[name] += sum(1 for _ in _CLOSING_TAGS[name].finditer(data, 0, cut))
        self.held = data[cut:]

    def total(self, name: str) -> int:
        return self.counts[name] + sum(1 for _ in _CLOSING_TAGS[name].finditer(self.held))


class _SitemapReading:
    """The entries of one sitemap as its parser reports them (the root's <url> or <sitemap> children, at their
    end tags), dropped from the tree once read, up to the limit the reader was given."""

    def __init__(self, base_url: str | None, limits: ListingLimits) -> None:
        self.base_url = base_url
        self.limits = limits
        self.root: str | None = None  # "urlset" or "sitemapindex", known from its start tag (or an entry's parent)
        self.root_node: etree._Element | None = None  # held, so lxml gives this very object as each entry's parent
        self.entry_name = "url"
        self.limit: int | None = None
        self.entries: list[ListingEntry] = []
        self.children: list[str] = []
        self.bad: list[BadEntry] = []
        self.seen = 0  # the root's entries reported so far, taken or not
        self.cut = 0

    def know_root(self, root: etree._Element) -> None:
        name = _local_name(root)
        if name not in ("urlset", "sitemapindex"):
            raise NotAListing(f"sitemap root is <{name}>, not <urlset> or <sitemapindex>")
        self.root, self.root_node = name, root
        self.entry_name = "sitemap" if name == "sitemapindex" else "url"
        self.limit = self.limits.children if name == "sitemapindex" else self.limits.entries

    @property
    def counted(self) -> tuple[str, ...]:
        """The closing tags worth counting: the entries', once the root has said which they are."""
        return (self.entry_name,) if self.root is not None else tuple(_CLOSING_TAGS)

    @property
    def full(self) -> bool:
        return self.root is not None and self.limit is not None and self.seen >= self.limit

    def take(self, node: etree._Element) -> None:
        parent = node.getparent()
        if parent is not self.root_node:
            if self.root_node is not None or parent is None or parent.getparent() is not None:
                return  # the root itself, or nested in an entry
            self.know_root(parent)
        if _local_name(node) == self.entry_name:
            self.seen += 1
            if self.limit is not None and self.seen > self.limit:
                self.cut += 1
            elif self.root == "sitemapindex":
                _take_loc(node, self.base_url, self.seen, self.children, self.bad)
            else:
                self._take_url(node)

    def drop_read(self) -> None:
        """What the parser has finished, dropped (entries read, comments and stray elements) so the tree stays
        small; an entry it is still building is kept whole. Once a chunk, as one deletion an entry cost a tenth
        of the reading."""
        if self.root_node is not None:
            _drop_finished(self.root_node, keep_whole=self.entry_name)

    def _take_url(self, node: etree._Element) -> None:
        urls: list[str] = []
        _take_loc(node, self.base_url, self.seen, urls, self.bad)
        if not urls:
            return
        title, published = None, None
        for child in node.iter():
            local = _local_name(child)
            # Only news sitemap fields count: <lastmod> is when the page changed, not when it was published.
            if local == "title" and "news" in _namespace(child):
                title = metadata_field(child.text)
            elif local == "publication_date":
                published = parse_w3c_date(child.text)
        self.entries.append(ListingEntry(url=urls[0], title=title, published_date=published))

    def uncounted(self, total: int) -> int:
        """The entries past the limit: every closing tag of an entry in the whole document (`total`) but those the
        parser reported. Entries nested or commented out count too: a count, never a URL."""
        return max(total - self.seen, 0) + self.cut

    def listing(self, cut: int) -> Listing:
        if self.root == "sitemapindex":
            return Listing("sitemap_index", [], self.children, tuple(self.bad), children_cut=cut)
        return Listing("sitemap", self.entries, [], tuple(self.bad), entries_cut=cut)


_DECLARED_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)""")


def _as_declared_utf8(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """The sitemap's chunks, re-encoded from windows-1252 from where they say (or, declaring nothing, XML takes
    them for) UTF-8 but are not: sites write a sitemap in their pages' legacy encoding, and lxml turned each
    accented letter of a URL into U+FFFD, a URL no server has ("caf\ufffd.html" for "café.html"). windows-1252 is
    what browsers take for such bytes in the West (WHATWG's fallback); other encodings are declared, and lxml reads
    those. Checked as the chunks come: what was valid UTF-8 before the first byte that is not stays UTF-8 (legacy
    text seldom is; the whole document was re-encoded when it was read whole)."""
    head, chunks = peek_head(chunks)
    declared = _DECLARED_ENCODING.match(head[:_SNIFF_BYTES])
    if declared is not None and declared.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
        yield from chunks
        return
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in head[:_SNIFF_BYTES]:  # UTF-16/32, found by lxml
        yield from chunks
        return
    check = codecs.getincrementaldecoder("utf-8")()
    held = b""  # the start of a character cut by the chunk's end, given with the next chunk
    for chunk in chunks:
        data = held + chunk if held else chunk
        try:
            check.decode(chunk)
        except UnicodeDecodeError:
            yield data.decode("windows-1252", errors="replace").encode("utf-8")
            break
        held = check.getstate()[0]
        yield data[: len(data) - len(held)]
    else:
        if held:
            yield held  # a character cut by the document's end: lxml's to judge
        return
    for chunk in chunks:
        yield chunk.decode("windows-1252", errors="replace").encode("utf-8")


def parse_opml(content: bytes | Iterable[bytes], base_url: str | None = None) -> Listing:
    """An OPML subscription list (what feed readers export): the feeds its outlines name by `xmlUrl`, at any
    depth of its folders, as children to read as a sitemap index's are. Outlines without one (folders, links
    to pages) are not entries.

    Read as a stream, each outline at its start (its attributes are all there is of it), and what is read
    dropped from the tree after each chunk: 50 MiB of stray elements were a tree of 1.7 GB."""
    parser = etree.XMLPullParser(
        events=("start",),
        tag=("{*}opml", "{*}outline"),
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        recover=True,
    )
    root: etree._Element | None = None
    children: list[str] = []
    bad: list[BadEntry] = []
    number = 0
    for chunk in in_chunks(content):
        parser.feed(chunk)
        for _, node in parser.read_events():
            if root is None and node.getparent() is None:
                root = node
            if _local_name(node) != "outline":
                continue
            number += 1
            _take_xml_url(node, base_url, number, children, bad)
        if root is not None:
            _drop_finished(root)
    try:
        closed = parser.close()
    except etree.XMLSyntaxError as error:
        raise NotAListing(f"OPML that is not XML: {error}") from None
    if closed is None or _local_name(closed) != "opml":
        raise NotAListing("OPML without its <opml> root")
    return Listing("opml", [], children, tuple(bad))


def _take_xml_url(
    node: etree._Element, base_url: str | None, number: int, urls: list[str], bad: list[BadEntry]
) -> None:
    """The outline's feed onto `urls`, or onto `bad` when it is not an http(s) URL; nothing if it names none."""
    # xmlUrl as OPML 2.0 spells it; readers also write xmlURL and xmlurl.
    link = next((value for key, value in node.attrib.items() if str(key).lower() == "xmlurl"), None)
    if not link or not link.strip():
        return
    url = absolute_http_url(base_url, link)
    if url is None:
        bad.append(bad_entry(number, link))
    else:
        urls.append(url)


def _drop_finished(root: etree._Element, keep_whole: str | None = None) -> None:
    """Every element the parser has finished, dropped: at each level of the path it may still be building (the
    last child, down from the root), all children but the last; not inside an element named `keep_whole`, which
    is read when it ends."""
    node: etree._Element | None = root
    while node is not None and len(node):
        if len(node) > 1:
            del node[:-1]
        node = node[-1]
        if keep_whole is not None and _local_name(node) == keep_whole:
            return


# lxml's recovering parser keeps tag names that etree.QName refuses ("a:b:c" with an unbound
# prefix); these read the "{namespace}local" form directly and never raise.
def _local_name(node: etree._Element) -> str | None:
    """The element's name without its namespace; None for comments and processing instructions."""
    if not isinstance(node.tag, str):
        return None
    return node.tag.rpartition("}")[2]


def _namespace(node: etree._Element) -> str:
    tag = node.tag if isinstance(node.tag, str) else ""
    return tag[1:].partition("}")[0] if tag.startswith("{") else ""


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


def _take_loc(node: etree._Element, base_url: str | None, number: int, urls: list[str], bad: list[BadEntry]) -> None:
    """The node's <loc> onto `urls`, or onto `bad` when it is not an http(s) URL; nothing if it has none."""
    for child in node:
        if _local_name(child) == "loc" and len(child):  # an entity reference (never resolved) or markup in it
            bad.append(bad_entry(number, _written_text(child)))
            return
        if _local_name(child) == "loc" and child.text:
            url = absolute_http_url(base_url, child.text.strip())
            if url is None:
                bad.append(bad_entry(number, child.text))
            else:
                urls.append(url)
            return


def _written_text(node: etree._Element) -> str:
    """The node's text with the entity references in it as written ("https://a.example/&x;1.html")."""
    return "".join([node.text or "", *(f"{sub.text or ''}{sub.tail or ''}" for sub in node)])
