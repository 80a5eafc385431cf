"""What the sources a user names hold: files, folders, globs, WARC archives, URL lists, feeds and sitemaps.

Discovery turns the sources into small `DocumentRef`s (reading, and fetching, happens later, a
batch at a time; see `reading`). A listing that cannot be read becomes a ref of kind "rejected",
so it lands in `rejections` with the batch it falls into. WARC archives are scanned by `warc`.
"""

from __future__ import annotations

import glob
import io
import os
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from transforms.ids import normalise_percent_escapes
from transforms.listings import (
    Listing,
    ListingEntry,
    ListingLimits,
    NotAListing,
    is_http_url,
    limited,
    listing_kind,
    looks_like_url_list,
    parse_listing,
    parse_url_list,
    peek_head,
)
from transforms.reasons import Reason
from warehouse.fetch import HTML_TYPES, FetchFailure, FetchRequest, fetch_all
from warehouse.lock import LOCK_FILE
from warehouse.options import FetchOptions
from warehouse.sources.files import NotRegularFile, TooLarge, open_regular, regular_file_problem, stored_name
from warehouse.sources.gunzip import CHUNK_BYTES, GZIP_MAGIC, gunzip_chunks
from warehouse.sources.http_payload import charset_from_content_type
from warehouse.sources.warc import WARC_SUFFIXES, scan_warc

LISTING_SUFFIXES = (".xml", ".xml.gz", ".rss", ".atom", ".rdf", ".cdf", ".opml")
URL_LIST_SUFFIXES = (".urls",)
# A remote URL is treated as a feed or sitemap when its path ends so or names one; anything
# else is a page. A guessed listing that turns out to be a page is still ingested as a page.
LISTING_PATH_WORDS = ("sitemap", "feed", "rss", "atom")
# Files that sit beside inputs but are not inputs: seed expectations, hidden files.
NOT_INPUT_SUFFIXES = (".expected.json",)
MAX_LISTING_BYTES = 50 * 1024 * 1024  # the sitemap protocol's own limit, uncompressed
MAX_SITEMAP_DEPTH = 3
MAX_SITEMAPS = 1000  # sitemaps followed from sitemap indexes (and robots.txt) in one run
# URLs taken from listings in one run. Each is held until the run ends (~400 bytes with its title and date), and
# 1,000 sitemaps of the protocol's 50,000 URLs each would be 50 million (20 GB); a million is about 400 MB, and
# more than a run fetches politely in days (one request a second a host).
MAX_LISTED_URLS = 1_000_000
_URL_LIST_SNIFF_BYTES = 4096


class SourceNotFound(Exception):
    """A source the user named does not exist; the run stops before doing anything."""


@dataclass(frozen=True, slots=True)
class DocumentRef:
    """Where one document is; cheap to pass between tasks."""

    path: str  # file path, WARC file path, or URL
    kind: str = "file"  # "file", "warc" (a record at offset), "url", "rejected"
    # Start of the WARC record; kind "rejected": where an archive's damage starts, or the place of a
    # malformed entry in its feed, sitemap or URL list.
    offset: int | None = None
    title: str | None = None  # what a feed or news sitemap says of the entry
    published: str | None = None  # ISO date from a feed or news sitemap
    published_from: str | None = None  # which of the two: "feed" or "sitemap"
    reason: str | None = None  # kind "rejected": the reason code ...
    detail: str | None = None  # ... and what went wrong

    @property
    def source(self) -> str:
        """`path` as stored in `source` columns: always valid UTF-8 (see `stored_name`)."""
        return stored_name(self.path)


@dataclass(slots=True)
class Discovery:
    refs: list[DocumentRef] = field(default_factory=list)
    # Things seen that are not documents and not errors, counted rather than rejected one by one
    # (e.g. WARC request records): "warc/request": 120.
    skipped: Counter[str] = field(default_factory=Counter)
    listings: int = 0  # feeds, sitemaps and URL lists read
    followed: int = 0  # of those, sitemaps fetched because a sitemap index or robots.txt named them
    fetched_listings: set[str] = field(default_factory=set)  # each remote listing is fetched once a run
    # Listings whose fetch failed: their failure is the URL's rejection, so the URL is not fetched again as a page
    # (the second failure, with the same id, was a second row and a rejection counted twice).
    failed_listings: set[str] = field(default_factory=set)


def is_url(source: str) -> bool:
    return is_http_url(source)


def has_glob(source: str) -> bool:
    return any(char in source for char in "*?[")


def missing_sources(sources: list[str]) -> list[str]:
    """Sources that are neither URLs, nor existing paths, nor globs that match something."""
    return [
        s
        for s in sources
        # lexists: a symlink loop or dangling link named directly is there, and becomes a rejection.
        if not is_url(s) and not os.path.lexists(s) and not (has_glob(s) and glob.glob(s, recursive=True))
    ]


def file_kind(path: Path) -> str:
    """'warc', 'listing', 'url_list' or 'file' from the name (and, for .txt, the first lines)."""
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if name.endswith(LISTING_SUFFIXES):
        return "listing"
    if name.endswith(URL_LIST_SUFFIXES):
        return "url_list"
    if name.endswith(".txt"):
        try:
            with open_regular(path) as handle:
                head = handle.read(_URL_LIST_SNIFF_BYTES)
        except OSError:
            return "file"
        text = head.decode("utf-8", errors="replace")
        if len(head) == _URL_LIST_SNIFF_BYTES:
            text = text.rsplit("\n", 1)[0]  # the last line may be cut
        if looks_like_url_list(text):
            return "url_list"
    return "file"


def is_input_candidate(path: Path) -> bool:
    return not path.name.startswith(".") and not path.name.endswith(NOT_INPUT_SUFFIXES)


def expand_paths(source: str, skipped: Counter[str] | None = None) -> list[Path]:
    """Files of a source: the file itself, a folder's files (recursively) or a glob's matches.

    Everything in a folder that is not a folder is listed, pipes, devices and symlink loops too:
    discovery turns those into rejections rather than letting them disappear. Symlinked folders
    are not followed (a link back up would list the tree again and again). A warehouse found in a
    folder (the folder of a run's lock file, often the run's own warehouse under its input) is not
    read: its Parquet, DuckDB and JSON files are this tool's output, never news; each one is counted
    in `skipped` as `folder/warehouse`.
    """
    path = Path(source)
    if has_glob(source) and not os.path.lexists(source):
        matches = sorted(Path(p) for p in glob.glob(source, recursive=True))
        return [f for m in matches for f in expand_paths(str(m), skipped)]
    if path.is_dir():
        return sorted(_folder_files(path, Counter() if skipped is None else skipped))
    return [path]


def _folder_files(folder: Path, skipped: Counter[str]) -> Iterator[Path]:
    for root, directories, names in os.walk(folder):
        if LOCK_FILE in names:
            skipped["folder/warehouse"] += sum(len(files) for _, _, files in os.walk(root))
            directories[:] = []
            continue
        directories[:] = [d for d in directories if not d.startswith(".")]
        for name in names:
            candidate = Path(root, name)
            if is_input_candidate(candidate):
                yield candidate


def discover_documents(sources: list[str], fetch_options: FetchOptions | None = None) -> Discovery:
    """Every document of the sources, in a stable order; a missing source stops the run."""
    missing = missing_sources(sources)
    if missing:
        raise SourceNotFound(f"source not found: {', '.join(missing)} (give files, folders, globs or http(s) URLs)")
    options = fetch_options or FetchOptions()
    discovery = Discovery()
    urls: dict[str, DocumentRef] = {}
    for source in sources:
        if is_url(source):
            if looks_like_listing_url(source):
                _discover_remote_listings([source], options, discovery, urls)
            else:
                _add_url(urls, ListingEntry(url=source))
            continue
        for path in expand_paths(source, discovery.skipped):
            problem = regular_file_problem(path)
            if problem is not None:
                discovery.refs.append(_rejected(str(path.absolute()), problem[0], problem[1]))
                continue
            kind = file_kind(path)
            resolved = str(path.resolve())
            if kind == "warc":
                _discover_warc(resolved, discovery)
            elif kind == "listing":
                _discover_local_listing(path, options, discovery, urls)
            elif kind == "url_list":
                _discover_url_list(path, discovery, urls)
            else:
                discovery.refs.append(DocumentRef(resolved))
    for url in discovery.failed_listings:
        if urls.pop(normalise_percent_escapes(url), None) is not None:
            discovery.skipped["listing/repeated"] += 1
    discovery.refs.extend(urls.values())
    return discovery


def looks_like_listing_url(url: str) -> bool:
    path = url.split("?", 1)[0].rstrip("/").lower()
    last = path.rsplit("/", 1)[-1]
    return path.endswith(LISTING_SUFFIXES) or last == "robots.txt" or any(word in last for word in LISTING_PATH_WORDS)


def _add_url(urls: dict[str, DocumentRef], entry: ListingEntry, listing: str | None = None) -> None:
    """Each URL once (spellings of one URL, "%7E" and "~", are one); an entry that knows title or date replaces
    one that does not."""
    entry = replace(entry, url=normalise_percent_escapes(entry.url))
    known = urls.get(entry.url)
    if known is not None and (known.title or known.published or not (entry.title or entry.published_date)):
        return
    urls[entry.url] = DocumentRef(
        entry.url,
        kind="url",
        title=entry.title,
        published=entry.published_date.isoformat() if entry.published_date else None,
        published_from=date_source_of(listing) if entry.published_date else None,
    )


def _listing_limits(urls: dict[str, DocumentRef], depth: int, discovery: Discovery) -> ListingLimits:
    """What a listing read now may still give: URLs up to MAX_LISTED_URLS in the run, and children up to
    MAX_SITEMAPS followed, none at the last level (an index there has its children counted, never resolved)."""
    return ListingLimits(
        entries=max(MAX_LISTED_URLS - len(urls), 0),
        children=0 if depth >= MAX_SITEMAP_DEPTH else max(MAX_SITEMAPS - discovery.followed, 0),
    )


def _add_listed_urls(source: str, urls: dict[str, DocumentRef], listing: Listing, discovery: Discovery) -> None:
    """The listing's entries, up to MAX_LISTED_URLS URLs in the run; what is past the limit (cut by the reader,
    or here when the listing had been read first) is one over_limit rejection of the listing and a count."""
    over = listing.entries_cut
    for entry in listing.entries:
        if len(urls) >= MAX_LISTED_URLS and normalise_percent_escapes(entry.url) not in urls:
            over += 1
        else:
            _add_url(urls, entry, listing.kind)
    if over:
        discovery.skipped["listing/over_limit"] += over
        detail = (
            f"{over:,} of its entries not taken: the run already held {MAX_LISTED_URLS:,} URLs taken from listings "
            "(the limit); name fewer listings a run (a site's sitemaps a few at a time) to take them"
        )
        discovery.refs.append(_rejected(source, Reason.OVER_LIMIT, detail))


def date_source_of(listing: str | None) -> str | None:
    """articles.date_source for a date a listing of this kind gave ("feed", "sitemap", ...)."""
    if listing is None:
        return None
    return "sitemap" if "sitemap" in listing else "feed"


def _rejected(source: str, reason: str, detail: str, offset: int | None = None) -> DocumentRef:
    """`reason`: a Reason member, or a FetchFailure's reason."""
    return DocumentRef(source, kind="rejected", offset=offset, reason=reason, detail=detail)


def _discover_warc(path: str, discovery: Discovery) -> None:
    scan = scan_warc(path)
    discovery.refs.extend(DocumentRef(path, kind="warc", offset=offset) for offset in scan.offsets)
    discovery.skipped.update(scan.skipped)
    discovery.refs.extend(_rejected(path, refused.reason, refused.detail, refused.offset) for refused in scan.refused)


def _discover_url_list(path: Path, discovery: Discovery, urls: dict[str, DocumentRef]) -> None:
    source = str(path.resolve())
    try:
        with open_regular(path, MAX_LISTING_BYTES) as handle:
            text = handle.read().decode("utf-8", errors="replace")
        listing = limited(parse_url_list(text), _listing_limits(urls, 1, discovery))
    except OSError as error:
        discovery.refs.append(_rejected(str(path.resolve()), _read_reason(error), error.strerror or str(error)))
        return
    except NotAListing as error:
        discovery.refs.append(_rejected(str(path.resolve()), Reason.BAD_URL_LIST, str(error)))
        return
    _take_entries(source, listing, discovery, urls)


def _discover_local_listing(
    path: Path, options: FetchOptions, discovery: Discovery, urls: dict[str, DocumentRef]
) -> None:
    source = str(path.resolve())
    try:
        with open_regular(path, MAX_LISTING_BYTES) as handle:
            listing = parse_listing(listing_chunks(handle.read), limits=_listing_limits(urls, 1, discovery))
    except OSError as error:
        discovery.refs.append(_rejected(source, _read_reason(error), error.strerror or str(error)))
        return
    except (EOFError, zlib.error) as error:
        discovery.refs.append(_rejected(source, Reason.UNREADABLE, str(error)))
        return
    except NotAListing as error:
        discovery.refs.append(_rejected(source, Reason.NOT_A_LISTING, str(error)))
        return
    _take_listing(source, listing, options, discovery, urls, depth=1)


def _read_reason(error: OSError) -> Reason:
    if isinstance(error, TooLarge):
        return Reason.TOO_LARGE
    if isinstance(error, NotRegularFile):
        return Reason.NOT_A_REGULAR_FILE
    return Reason.UNREADABLE


def _take_entries(source: str, listing: Listing, discovery: Discovery, urls: dict[str, DocumentRef]) -> None:
    discovery.listings += 1
    if not (listing.entries or listing.children or listing.bad_entries or listing.entries_cut or listing.children_cut):
        # A feed with no items today, or items with no link, is no error; but a run that found nothing in a source
        # it was given says so in its summary instead of staying silent.
        discovery.skipped["listing/empty"] += 1
    _reject_bad_entries(source, listing, discovery)
    _add_listed_urls(source, urls, listing, discovery)


def _take_listing(
    source: str,
    listing: Listing,
    options: FetchOptions,
    discovery: Discovery,
    urls: dict[str, DocumentRef],
    depth: int,
) -> None:
    _take_entries(source, listing, discovery, urls)
    if listing.children_cut:  # at the last level, or past the sitemaps a run follows
        discovery.skipped["sitemap/too_deep" if depth >= MAX_SITEMAP_DEPTH else "sitemap/over_limit"] += (
            listing.children_cut
        )
    if listing.children:
        if depth >= MAX_SITEMAP_DEPTH:
            discovery.skipped["sitemap/too_deep"] += len(listing.children)
            return
        _discover_remote_listings(listing.children, options, discovery, urls, depth + 1)


def _discover_remote_listings(
    listing_urls: list[str], options: FetchOptions, discovery: Discovery, urls: dict[str, DocumentRef], depth: int = 1
) -> None:
    # A listing named again (an index that lists itself, two indexes that name each other) adds nothing new.
    fresh = [url for url in dict.fromkeys(listing_urls) if url not in discovery.fetched_listings]
    if len(fresh) < len(listing_urls):
        discovery.skipped["listing/repeated"] += len(listing_urls) - len(fresh)
    listing_urls = fresh
    if depth > 1:  # the limit is on sitemaps that listings lead to: every source the user names is read
        room = max(MAX_SITEMAPS - discovery.followed, 0)
        if len(listing_urls) > room:
            discovery.skipped["sitemap/over_limit"] += len(listing_urls) - room
            listing_urls = listing_urls[:room]
        discovery.followed += len(listing_urls)
    discovery.fetched_listings.update(listing_urls)
    listing_options = _listing_fetch_options(options)
    # One at a time: a sitemap index of large children holds one body at once.
    for position, url in enumerate(listing_urls):
        if depth > 1 and len(urls) >= MAX_LISTED_URLS:
            _reject_unfetched(listing_urls[position:], discovery)
            break
        listing = _fetched_listing(url, listing_options, discovery, urls, _listing_limits(urls, depth, discovery))
        if listing is not None:
            _take_listing(url, listing, options, discovery, urls, depth)


def _reject_unfetched(listing_urls: list[str], discovery: Discovery) -> None:
    """Sitemaps an index names after the run's URL limit was reached: each one rejection, never fetched (their
    URLs would only be counted; an index of 1,000 sitemaps of 50,000 URLs is 50 million)."""
    discovery.followed -= len(listing_urls)
    detail = (
        f"not fetched: the run already held {MAX_LISTED_URLS:,} URLs taken from listings (the limit); "
        "name this sitemap in a later run"
    )
    discovery.refs.extend(_rejected(url, Reason.OVER_LIMIT, detail) for url in listing_urls)


def _fetched_listing(
    url: str,
    listing_options: FetchOptions,
    discovery: Discovery,
    urls: dict[str, DocumentRef],
    limits: ListingLimits,
) -> Listing | None:
    """The listing at a URL; None when it is a page after all, or rejected. Its body is dropped on return."""
    [result] = fetch_all([FetchRequest(url)], listing_options, accept=None)
    if isinstance(result, FetchFailure):
        discovery.refs.append(_rejected(url, result.reason, result.detail))
        discovery.failed_listings.add(url)
        return None
    try:
        head, chunks = peek_head(listing_chunks(io.BytesIO(result.content).read))
        if listing_kind(head) == "html" or result.content_type in HTML_TYPES:
            _add_url(urls, ListingEntry(url=url))  # a page after all
            return None
        return parse_listing(
            chunks,
            base_url=result.final_url,
            charset=charset_from_content_type(result.headers.get("content-type")),
            limits=limits,
        )
    except TooLarge as error:
        discovery.refs.append(_rejected(url, Reason.TOO_LARGE, str(error)))
    except (OSError, EOFError, zlib.error) as error:
        discovery.refs.append(_rejected(url, Reason.BAD_GZIP, str(error)))
    except NotAListing as error:
        discovery.refs.append(_rejected(url, Reason.NOT_A_LISTING, str(error)))
    return None


def _reject_bad_entries(source: str, listing: Listing, discovery: Discovery) -> None:
    """One rejection per malformed entry, named by the listing and the entry's place in it (the offset)."""
    for bad in listing.bad_entries:
        detail = f"entry {bad.number} of the {listing.kind.replace('_', ' ')}: {bad.text!r} is not a valid http(s) URL"
        discovery.refs.append(_rejected(source, Reason.BAD_URL, detail, offset=bad.number))


def _listing_fetch_options(options: FetchOptions) -> FetchOptions:
    return replace(options, max_body_bytes=max(options.max_body_bytes, MAX_LISTING_BYTES))


def listing_chunks(read: Callable[[int], bytes]) -> Iterator[bytes]:
    """A listing's bytes a chunk at a time from `read` (a file's, or a fetched body's): gunzipped as they come
    when they are gzip (a .xml.gz on disk or from a server; every member of it), so a listing reaches its reader
    without ever being whole; TooLarge once more than MAX_LISTING_BYTES came out of the gzip (a bomb stops
    there), zlib.error when it does not decompress, EOFError when a member after the first is cut short (see
    `gunzip_chunks`). A gzip stream of one member cut short gives what came."""
    data = read(CHUNK_BYTES)
    if data[:2] != GZIP_MAGIC:
        while data:
            yield data
            data = read(CHUNK_BYTES)
        return
    head = io.BytesIO(data)
    yield from gunzip_chunks(lambda size: head.read(size) or read(size), MAX_LISTING_BYTES)
