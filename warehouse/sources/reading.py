"""Reading what discovery found: files (also gzip), WARC records, and pages fetched or kept from
earlier fetches, each into a `RawDocument`, or a `Rejection` that says why not.

A batch's URLs are fetched together and its WARC records read in one pass per archive.
Rejections of inputs whose bytes were never read get `rejection_id`; all others are known by
the hash of their bytes.
"""

from __future__ import annotations

import gzip
import io
import os
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from transforms.ids import doc_id_for, rejection_id
from transforms.reasons import Reason, Stage
from transforms.records import RawDocument, RawPage, Rejection
from warehouse.fetch import Fetched, FetchFailure, FetchRequest, fetch_all
from warehouse.options import FetchOptions
from warehouse.sources.discovery import DocumentRef, NotRegularFile, TooLarge, is_url, open_regular
from warehouse.sources.http_payload import charset_from_content_type
from warehouse.sources.warc import MAX_FILE_BYTES, read_warc_records

MEDIA_TYPES = {".html": "text/html", ".htm": "text/html", ".txt": "text/plain"}


def media_type_for(path: Path) -> str | None:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return MEDIA_TYPES.get(suffixes[-1]) if suffixes else None


@dataclass(slots=True)
class BatchRead:
    documents: list[RawDocument | Rejection]  # one per ref, in order
    fetched: list[RawPage] = field(default_factory=list)  # new bytes from the network, to keep
    from_store: int = 0  # URLs answered from the raw layer without asking the site (or with a 304)


def read_documents(
    refs: list[DocumentRef],
    fetch_options: FetchOptions | None = None,
    stored: Mapping[str, RawPage] | None = None,
    refresh: bool = False,
    on_fetched: Callable[[], None] | None = None,
) -> BatchRead:
    """Each ref's document or why not, in order. URLs of the batch are fetched together; a URL
    in `stored` is not fetched again unless `refresh`, and then conditionally (ETag, Last-Modified)."""
    stored = stored or {}
    batch = BatchRead(documents=[])
    results: list[RawDocument | Rejection | None] = [None] * len(refs)
    to_fetch: list[int] = []
    warc_offsets: dict[str, list[int]] = {}
    for ref in refs:
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
        requests.append(
            FetchRequest(
                refs[i].path, etag=known.etag if known else None, last_modified=known.last_modified if known else None
            )
        )
    fetched = (
        fetch_all(
            requests,
            fetch_options or FetchOptions(),
            on_done=(lambda result: on_fetched() if isinstance(result, Fetched) else None) if on_fetched else None,
        )
        if requests
        else []
    )
    for i, result in zip(to_fetch, fetched, strict=True):
        ref = refs[i]
        if isinstance(result, FetchFailure):
            results[i] = Rejection(
                doc_id=rejection_id(Stage.FETCH, result.reason, ref.path),
                source=ref.path,
                stage=Stage.FETCH,
                reason=result.reason,
                detail=result.detail,
            )
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
    return RawPage(
        doc_id=doc_id_for(result.content),
        url=ref.path,
        final_url=result.final_url,
        status=result.status,
        content_type=result.headers.get("content-type"),
        content_language=result.headers.get("content-language"),
        etag=result.headers.get("etag"),
        last_modified=result.headers.get("last-modified"),
        fetched_at=result.fetched_at,
        title=ref.title,
        published_date=date.fromisoformat(ref.published) if ref.published else None,
        content=result.content,
        date_source=ref.published_from if ref.published else None,
    )


def document_from_page(page: RawPage, ref: DocumentRef | None = None) -> RawDocument:
    """A stored fetch as a document; a listing's title and date (now or when fetched) win."""
    title = (ref.title if ref else None) or page.title
    published: date | None = page.published_date
    date_source = page.date_source
    if ref and ref.published:
        published, date_source = date.fromisoformat(ref.published), ref.published_from
    content_type = (page.content_type or "").split(";")[0].strip().lower()
    return RawDocument(
        doc_id=page.doc_id,
        source=page.url,
        url=page.final_url,
        content=page.content,
        media_type="text/plain" if content_type == "text/plain" else "text/html",
        fetched_at=page.fetched_at,
        charset=charset_from_content_type(page.content_type),
        title=title,
        published_date=published,
        date_source=date_source,
    )


def read_document(ref: DocumentRef) -> RawDocument | Rejection:
    """A file's or WARC record's bytes with what we know of them, or why they cannot be read."""
    if ref.kind == "rejected":
        stage = Stage.FETCH if is_url(ref.path) else Stage.READ
        reason = ref.reason or Reason.UNREADABLE
        return Rejection(
            doc_id=rejection_id(stage, reason, ref.source, ref.offset),
            source=ref.source,
            stage=stage,
            reason=reason,
            detail=ref.detail or "",
        )
    if ref.kind == "warc" and ref.offset is not None:
        return read_warc_records(ref.path, [ref.offset])[ref.offset]
    path = Path(ref.path)
    media_type = media_type_for(path)
    try:
        with open_regular(path, MAX_FILE_BYTES) as handle:
            modified = os.fstat(handle.fileno()).st_mtime
            content = handle.read(MAX_FILE_BYTES + 1)  # bounded even if the file grew since it was checked
    except OSError as error:
        reason = (
            Reason.TOO_LARGE
            if isinstance(error, TooLarge)
            else Reason.NOT_A_REGULAR_FILE
            if isinstance(error, NotRegularFile)
            else Reason.UNREADABLE
        )
        return _reject(ref, rejection_id(Stage.READ, reason, ref.source), reason, error.strerror or str(error))
    if len(content) > MAX_FILE_BYTES:
        return _reject(
            ref,
            rejection_id(Stage.READ, Reason.TOO_LARGE, ref.source),
            Reason.TOO_LARGE,
            f"over {MAX_FILE_BYTES} bytes",
        )
    doc_id = doc_id_for(content)
    if media_type is None:
        return _reject(
            ref,
            doc_id,
            Reason.UNSUPPORTED_TYPE,
            f"'{''.join(path.suffixes) or path.name}' is not .html, .htm or .txt (optionally .gz), "
            ".warc (optionally .gz or .lz4), .arc (optionally .gz), a feed, a sitemap or a URL list",
        )
    if path.suffix.lower() == ".gz":
        try:
            content = _gunzip_limited(content)
        except TooLarge as error:
            return _reject(ref, doc_id, Reason.TOO_LARGE, str(error))
        except (OSError, EOFError, zlib.error) as error:
            return _reject(ref, doc_id, Reason.BAD_GZIP, str(error))
    fetched_at = datetime.fromtimestamp(modified, tz=UTC)
    return RawDocument(
        doc_id=doc_id, source=ref.source, url=None, content=content, media_type=media_type, fetched_at=fetched_at
    )


def _gunzip_limited(content: bytes) -> bytes:
    """gzip, also of several members; more than MAX_FILE_BYTES once decompressed is refused."""
    with gzip.GzipFile(fileobj=io.BytesIO(content)) as handle:
        out = handle.read(MAX_FILE_BYTES + 1)
    if len(out) > MAX_FILE_BYTES:
        raise TooLarge(f"more than {MAX_FILE_BYTES} bytes once decompressed")
    return out


def _reject(ref: DocumentRef, doc_id: str, reason: Reason, detail: str) -> Rejection:
    return Rejection(doc_id=doc_id, source=ref.source, stage=Stage.READ, reason=reason, detail=detail)
