"""Find input documents (files, WARC records, URLs from lists, feeds and sitemaps) and read them.

Discovery turns the sources a user names into small `DocumentRef`s; reading (and fetching)
happens later, a batch at a time. What discovery cannot list becomes a ref of kind
"rejected", so it lands in `rejections` with the batch it falls into.
"""

from __future__ import annotations

import glob
import gzip
import io
import zlib
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timezone
from pathlib import Path

from fastwarc.warc import ArchiveIterator, HeaderMap, WarcRecord, WarcRecordType

from transforms.ids import doc_id_for, sha256_hex
from transforms.listings import (
    Listing,
    ListingEntry,
    NotAListing,
    is_http_url,
    listing_kind,
    looks_like_url_list,
    parse_listing,
    parse_url_list,
)
from transforms.records import RawDocument, RawPage, Rejection
from warehouse.fetch import FetchFailure, Fetched, FetchOptions, FetchRequest, fetch_all

MEDIA_TYPES = {".html": "text/html", ".htm": "text/html", ".txt": "text/plain"}
WARC_SUFFIXES = (".warc", ".warc.gz")
LISTING_SUFFIXES = (".xml", ".xml.gz", ".rss", ".atom", ".rdf")
URL_LIST_SUFFIXES = (".urls",)
# A remote URL is treated as a feed or sitemap when its path ends so or names one; anything
# else is a page. A guessed listing that turns out to be a page is still ingested as a page.
LISTING_PATH_WORDS = ("sitemap", "feed", "rss", "atom")
HTML_CONTENT_TYPES = ("text/html", "application/xhtml+xml")
# Files that sit beside inputs but are not inputs: seed expectations, hidden files.
NOT_INPUT_SUFFIXES = (".expected.json",)
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_LISTING_BYTES = 50 * 1024 * 1024  # the sitemap protocol's own limit, uncompressed
MAX_SITEMAP_DEPTH = 3
MAX_SITEMAPS = 1000
_URL_LIST_SNIFF_BYTES = 4096


class TooLarge(OSError):
    """Decompressed data over its limit."""


class SourceNotFound(Exception):
    """A source the user named does not exist; the run stops before doing anything."""


@dataclass(frozen=True, slots=True)
class DocumentRef:
    """Where one document is; cheap to pass between tasks."""

    path: str  # file path, WARC file path, or URL
    kind: str = "file"  # "file", "warc" (a record at offset), "url", "rejected"
    offset: int | None = None  # start of the WARC record
    title: str | None = None  # what a feed or news sitemap says of the entry
    published: str | None = None  # ISO date from a feed or news sitemap
    reason: str | None = None  # kind "rejected": the reason code ...
    detail: str | None = None  # ... and what went wrong


@dataclass(slots=True)
class Discovery:
    refs: list[DocumentRef] = field(default_factory=list)
    # Things seen that are not documents and not errors, counted rather than rejected one by one
    # (e.g. WARC request records): "warc/request": 120.
    skipped: Counter[str] = field(default_factory=Counter)
    listings: int = 0  # feeds, sitemaps and URL lists read


def is_url(source: str) -> bool:
    return is_http_url(source)


def has_glob(source: str) -> bool:
    return any(char in source for char in "*?[")


def missing_sources(sources: list[str]) -> list[str]:
    """Sources that are neither URLs, nor existing paths, nor globs that match something."""
    return [s for s in sources if not is_url(s) and not Path(s).exists()
            and not (has_glob(s) and glob.glob(s, recursive=True))]


def media_type_for(path: Path) -> str | None:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return MEDIA_TYPES.get(suffixes[-1]) if suffixes else None


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
            with path.open("rb") as handle:
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


def expand_paths(source: str) -> list[Path]:
    """Files of a source: the file itself, a folder's files (recursively) or a glob's matches."""
    path = Path(source)
    if has_glob(source) and not path.exists():
        matches = sorted(Path(p) for p in glob.glob(source, recursive=True))
        return [f for m in matches for f in expand_paths(str(m))]
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file() and is_input_candidate(p)
                      and not any(part.startswith(".") for part in p.relative_to(path).parts))
    return [path]


def discover_documents(sources: list[str], fetch_options: FetchOptions | None = None) -> Discovery:
    """Every document of the sources, in a stable order; a missing source stops the run."""
    missing = missing_sources(sources)
    if missing:
        raise SourceNotFound(f"source not found: {', '.join(missing)} (give files, folders, globs or "
                             "http(s) URLs)")
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
        for path in expand_paths(source):
            kind = file_kind(path)
            resolved = str(path.resolve())
            if kind == "warc":
                scan_warc(resolved, discovery)
            elif kind == "listing":
                _discover_local_listing(path, options, discovery, urls)
            elif kind == "url_list":
                _discover_url_list(path, discovery, urls)
            else:
                discovery.refs.append(DocumentRef(resolved))
    discovery.refs.extend(urls.values())
    return discovery


def looks_like_listing_url(url: str) -> bool:
    path = url.split("?", 1)[0].rstrip("/").lower()
    last = path.rsplit("/", 1)[-1]
    return path.endswith(LISTING_SUFFIXES) or any(word in last for word in LISTING_PATH_WORDS)


def _add_url(urls: dict[str, DocumentRef], entry: ListingEntry) -> None:
    """Each URL once; an entry that knows title or date replaces one that does not."""
    known = urls.get(entry.url)
    if known is not None and (known.title or known.published or not (entry.title or entry.published_date)):
        return
    urls[entry.url] = DocumentRef(entry.url, kind="url", title=entry.title,
                                  published=entry.published_date.isoformat() if entry.published_date else None)


def _rejected(source: str, reason: str, detail: str) -> DocumentRef:
    return DocumentRef(source, kind="rejected", reason=reason, detail=detail)


def _discover_url_list(path: Path, discovery: Discovery, urls: dict[str, DocumentRef]) -> None:
    try:
        text = path.read_bytes().decode("utf-8", errors="replace")
        entries = parse_url_list(text)
    except OSError as error:
        discovery.refs.append(_rejected(str(path.resolve()), "unreadable", str(error)))
        return
    except NotAListing as error:
        discovery.refs.append(_rejected(str(path.resolve()), "bad_url_list", str(error)))
        return
    discovery.listings += 1
    for entry in entries:
        _add_url(urls, entry)


def _discover_local_listing(path: Path, options: FetchOptions, discovery: Discovery,
                            urls: dict[str, DocumentRef]) -> None:
    source = str(path.resolve())
    try:
        content = _maybe_gunzip(path.read_bytes())
        listing = parse_listing(content)
    except (OSError, EOFError, zlib.error) as error:
        discovery.refs.append(_rejected(source, "unreadable", str(error)))
        return
    except NotAListing as error:
        discovery.refs.append(_rejected(source, "not_a_listing", str(error)))
        return
    _take_listing(listing, options, discovery, urls, depth=1)


def _take_listing(listing: Listing, options: FetchOptions, discovery: Discovery,
                  urls: dict[str, DocumentRef], depth: int) -> None:
    discovery.listings += 1
    for entry in listing.entries:
        _add_url(urls, entry)
    if listing.children:
        if depth >= MAX_SITEMAP_DEPTH:
            discovery.skipped["sitemap/too_deep"] += len(listing.children)
            return
        _discover_remote_listings(listing.children, options, discovery, urls, depth + 1)


def _discover_remote_listings(listing_urls: list[str], options: FetchOptions, discovery: Discovery,
                              urls: dict[str, DocumentRef], depth: int = 1) -> None:
    room = MAX_SITEMAPS - discovery.listings
    if len(listing_urls) > room:
        discovery.skipped["sitemap/over_limit"] += len(listing_urls) - max(room, 0)
        listing_urls = listing_urls[:max(room, 0)]
    listing_options = _listing_fetch_options(options)
    results = fetch_all([FetchRequest(u) for u in listing_urls], listing_options, accept=None)
    for url, result in zip(listing_urls, results, strict=True):
        if isinstance(result, FetchFailure):
            discovery.refs.append(_rejected(url, result.reason, result.detail))
            continue
        try:
            content = _maybe_gunzip(result.content)
        except TooLarge as error:
            discovery.refs.append(_rejected(url, "too_large", str(error)))
            continue
        except (OSError, EOFError, zlib.error) as error:
            discovery.refs.append(_rejected(url, "bad_gzip", str(error)))
            continue
        if listing_kind(content) == "html" or result.content_type in HTML_CONTENT_TYPES:
            _add_url(urls, ListingEntry(url=url))  # a page after all
            continue
        try:
            listing = parse_listing(content, base_url=result.final_url)
        except NotAListing as error:
            discovery.refs.append(_rejected(url, "not_a_listing", str(error)))
            continue
        _take_listing(listing, options, discovery, urls, depth)


def _listing_fetch_options(options: FetchOptions) -> FetchOptions:
    return replace(options, max_body_bytes=max(options.max_body_bytes, MAX_LISTING_BYTES))


def _maybe_gunzip(content: bytes) -> bytes:
    if content[:2] != b"\x1f\x8b":
        return content
    decompressor = zlib.decompressobj(wbits=31)
    out = decompressor.decompress(content, MAX_LISTING_BYTES + 1)
    if len(out) > MAX_LISTING_BYTES:
        raise TooLarge(f"more than {MAX_LISTING_BYTES} bytes once decompressed")
    return out


# --- WARC ---------------------------------------------------------------------------------

def scan_warc(path: str, discovery: Discovery) -> None:
    """A ref for each HTML response with status 200; other records counted; damage rejected once."""
    last_good: int | None = None
    try:
        # A path, not a Python file object: fastwarc then reads with its own buffered I/O.
        records = ArchiveIterator(path, record_types=WarcRecordType.any_type, parse_http=False, fsspec_args=False)
        for record in records:
            offset = record.stream_pos
            if record.record_type != WarcRecordType.response:
                discovery.skipped[f"warc/{record.record_type}"] += 1
                last_good = offset
                continue
            block = record.reader.read()
            if len(block) < record.content_length:
                discovery.refs.append(_rejected(
                    path, "warc_truncated",
                    f"record at offset {offset} has {len(block)} of {record.content_length} bytes; "
                    "the archive ends there"))
                return
            last_good = offset
            http = HeaderMap()
            http.parse(io.BytesIO(block[:65536]))
            content_type = (http.get("Content-Type") or "").split(";")[0].strip().lower()
            if http.status_code != 200:
                discovery.skipped["warc/status_not_200"] += 1
            elif content_type not in HTML_CONTENT_TYPES:
                discovery.skipped["warc/not_html"] += 1
            else:
                discovery.refs.append(DocumentRef(path, kind="warc", offset=offset))
    except OSError as error:
        where = _damage_offset(path, last_good)
        discovery.refs.append(_rejected(path, "warc_corrupt",
                                        f"damaged at offset {where}: {error}; records before it were read"))
    except ValueError as error:
        discovery.refs.append(_rejected(path, "warc_corrupt", f"not readable as WARC: {error}"))


def _damage_offset(path: str, last_good: int | None) -> int:
    """Where the damage starts: the end of the last good record's gzip member (or its start)."""
    if last_good is None:
        return 0
    if not path.lower().endswith(".gz"):
        return last_good
    decompressor = zlib.decompressobj(wbits=31)
    consumed = 0
    try:
        with open(path, "rb") as handle:
            handle.seek(last_good)
            while not decompressor.eof:
                chunk = handle.read(65536)
                if not chunk:
                    return last_good
                decompressor.decompress(chunk)
                consumed += len(chunk)
    except (OSError, zlib.error):
        return last_good
    return last_good + consumed - len(decompressor.unused_data)


def read_warc_records(path: str, offsets: list[int]) -> dict[int, RawDocument | Rejection]:
    """The records at these offsets of one archive, in one pass from the first to the last of them
    (a batch's records are mostly neighbours: one pass is several times faster than a seek each)."""
    wanted, last = set(offsets), max(offsets)
    found: dict[int, RawDocument | Rejection] = {}
    try:
        with open(path, "rb") as handle:
            handle.seek(min(offsets))
            for record in ArchiveIterator(handle, record_types=WarcRecordType.response, parse_http=True,
                                          auto_decode="all"):
                offset = record.stream_pos
                if offset in wanted:
                    found[offset] = _warc_document(path, offset, record)
                if offset >= last:
                    break
    except (OSError, ValueError) as error:
        damage = f"{type(error).__name__}: {error}"
    else:
        damage = "no record there"
    for offset in wanted - found.keys():
        source = f"{path}#{offset}"
        found[offset] = Rejection(doc_id=sha256_hex(f"warc:{source}"), source=source, stage="read",
                                  reason="warc_corrupt", detail=f"record at offset {offset}: {damage}")
    return found


def _warc_document(path: str, offset: int, record: WarcRecord) -> RawDocument | Rejection:
    source = f"{path}#{offset}"
    if record.content_length > MAX_FILE_BYTES:  # checked before reading: read(n) allocates n bytes
        return Rejection(doc_id=sha256_hex(f"oversize:{source}"), source=source, stage="read",
                         reason="too_large", detail=f"record at offset {offset} has {record.content_length} "
                                                    f"bytes; the limit is {MAX_FILE_BYTES}")
    body = record.reader.read()
    doc_id = doc_id_for(body)
    return RawDocument(doc_id=doc_id, source=source, url=record.headers.get("WARC-Target-URI"),
                       content=body, media_type="text/html", fetched_at=record.record_date,
                       charset=record.http_charset)


# --- reading ------------------------------------------------------------------------------

@dataclass(slots=True)
class BatchRead:
    documents: list[RawDocument | Rejection]  # one per ref, in order
    fetched: list[RawPage] = field(default_factory=list)  # new bytes from the network, to keep
    from_store: int = 0  # URLs answered from the raw layer without asking the site (or with a 304)


def read_documents(refs: list[DocumentRef], fetch_options: FetchOptions | None = None,
                   stored: Mapping[str, RawPage] | None = None, refresh: bool = False,
                   on_fetched: Callable[[], None] | None = None) -> BatchRead:
    """Each ref's document or why not, in order. URLs of the batch are fetched together; a URL
    in `stored` is not fetched again unless `refresh`, and then conditionally (ETag, Last-Modified)."""
    stored = stored or {}
    batch = BatchRead(documents=[])
    results: list[RawDocument | Rejection | None] = [None] * len(refs)
    to_fetch: list[int] = []
    warc_offsets: dict[str, list[int]] = {}
    for i, ref in enumerate(refs):
        if ref.kind == "warc" and ref.offset is not None:
            warc_offsets.setdefault(ref.path, []).append(ref.offset)
    warc_documents = {path: read_warc_records(path, offsets) for path, offsets in warc_offsets.items()}
    for i, ref in enumerate(refs):
        if ref.kind == "warc" and ref.offset is not None:
            results[i] = warc_documents[ref.path][ref.offset]
        elif ref.kind != "url":
            results[i] = read_document(ref)
        elif ref.path in stored and not refresh:
            results[i] = document_from_page(stored[ref.path], ref)
            batch.from_store += 1
        else:
            to_fetch.append(i)
    requests = []
    for i in to_fetch:
        known = stored.get(refs[i].path)
        requests.append(FetchRequest(refs[i].path, etag=known.etag if known else None,
                                     last_modified=known.last_modified if known else None))
    fetched = fetch_all(requests, fetch_options or FetchOptions(),
                        on_done=(lambda result: on_fetched() if isinstance(result, Fetched) else None)
                        if on_fetched else None) if requests else []
    for i, result in zip(to_fetch, fetched, strict=True):
        ref = refs[i]
        if isinstance(result, FetchFailure):
            results[i] = Rejection(doc_id=sha256_hex(f"fetch:{result.reason}:{ref.path}"), source=ref.path,
                                   stage="fetch", reason=result.reason, detail=result.detail)
        elif result.not_modified and ref.path in stored:
            results[i] = document_from_page(stored[ref.path], ref)
            batch.from_store += 1
        else:
            page = raw_page_from_fetch(ref, result)
            batch.fetched.append(page)
            results[i] = document_from_page(page, ref)
    batch.documents = [r for r in results if r is not None]
    return batch


def raw_page_from_fetch(ref: DocumentRef, result: Fetched) -> RawPage:
    return RawPage(doc_id=doc_id_for(result.content), url=ref.path, final_url=result.final_url,
                   status=result.status, content_type=result.headers.get("content-type"),
                   content_language=result.headers.get("content-language"), etag=result.headers.get("etag"),
                   last_modified=result.headers.get("last-modified"), fetched_at=result.fetched_at,
                   title=ref.title, published_date=date.fromisoformat(ref.published) if ref.published else None,
                   content=result.content)


def document_from_page(page: RawPage, ref: DocumentRef | None = None) -> RawDocument:
    """A stored fetch as a document; a listing's title and date (now or when fetched) win."""
    title = (ref.title if ref else None) or page.title
    published = date.fromisoformat(ref.published) if ref and ref.published else page.published_date
    content_type = (page.content_type or "").split(";")[0].strip().lower()
    return RawDocument(doc_id=page.doc_id, source=page.url, url=page.final_url, content=page.content,
                       media_type="text/plain" if content_type == "text/plain" else "text/html",
                       fetched_at=page.fetched_at, charset=charset_from_content_type(page.content_type),
                       title=title, published_date=published)


def charset_from_content_type(value: str | None) -> str | None:
    for part in (value or "").split(";")[1:]:
        key, _, charset = part.partition("=")
        if key.strip().lower() == "charset" and charset.strip():
            return charset.strip().strip("'\"")
    return None


def read_document(ref: DocumentRef) -> RawDocument | Rejection:
    """A file's or WARC record's bytes with what we know of them, or why they cannot be read."""
    if ref.kind == "rejected":
        stage = "fetch" if is_url(ref.path) else "read"
        return Rejection(doc_id=sha256_hex(f"{ref.reason}:{ref.path}:{ref.detail}"), source=ref.path,
                         stage=stage, reason=ref.reason or "unreadable", detail=ref.detail or "")
    if ref.kind == "warc" and ref.offset is not None:
        return read_warc_records(ref.path, [ref.offset])[ref.offset]
    path = Path(ref.path)
    media_type = media_type_for(path)
    try:
        stat = path.stat()
        if stat.st_size > MAX_FILE_BYTES:
            return _reject(ref, sha256_hex(f"oversize:{ref.path}:{stat.st_size}"), "too_large",
                           f"{stat.st_size} bytes; the limit is {MAX_FILE_BYTES}")
        content = path.read_bytes()
    except OSError as error:
        return _reject(ref, sha256_hex(f"unreadable:{ref.path}"), "unreadable", str(error))
    doc_id = doc_id_for(content)
    if media_type is None:
        return _reject(ref, doc_id, "unsupported_type",
                       f"'{''.join(path.suffixes) or path.name}' is not .html, .htm or .txt (optionally .gz), "
                       ".warc, .warc.gz, a feed, a sitemap or a URL list")
    if path.suffix.lower() == ".gz":
        try:
            content = _gunzip_limited(content)
        except TooLarge as error:
            return _reject(ref, doc_id, "too_large", str(error))
        except (OSError, EOFError, zlib.error) as error:
            return _reject(ref, doc_id, "bad_gzip", str(error))
    fetched_at = datetime.fromtimestamp(stat.st_mtime, tz=timezone.utc)
    return RawDocument(doc_id=doc_id, source=ref.path, url=None, content=content,
                       media_type=media_type, fetched_at=fetched_at)


def _gunzip_limited(content: bytes) -> bytes:
    """gzip, also of several members; more than MAX_FILE_BYTES once decompressed is refused."""
    with gzip.GzipFile(fileobj=io.BytesIO(content)) as handle:
        out = handle.read(MAX_FILE_BYTES + 1)
    if len(out) > MAX_FILE_BYTES:
        raise TooLarge(f"more than {MAX_FILE_BYTES} bytes once decompressed")
    return out


def _reject(ref: DocumentRef, doc_id: str, reason: str, detail: str) -> Rejection:
    return Rejection(doc_id=doc_id, source=ref.path, stage="read", reason=reason, detail=detail)
