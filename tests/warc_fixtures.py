"""WARC files written by the tests: records built by hand, one gzip member per record as crawlers do."""

from __future__ import annotations

import gzip
import io
import uuid
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class WarcRecordSpec:
    uri: str
    body: bytes
    warc_type: str = "response"
    status: str = "200 OK"
    content_type: str = "text/html; charset=utf-8"
    date: str = "2024-05-01T10:00:00Z"
    # A header that lies: the Content-Length written is the block's length plus this.
    length_lie: int = 0


def page(title: str, sentence: str, words: int = 80) -> bytes:
    body = " ".join([sentence] * max(1, words // max(1, len(sentence.split()))))
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{body}</p></article></body></html>"
    ).encode()


def record_bytes(spec: WarcRecordSpec) -> bytes:
    if spec.warc_type in ("response",):
        block = (
            f"HTTP/1.1 {spec.status}\r\nContent-Type: {spec.content_type}\r\nContent-Length: {len(spec.body)}\r\n\r\n"
        ).encode("ascii") + spec.body
        block_type = "application/http; msgtype=response"
    elif spec.warc_type == "request":
        block = f"GET / HTTP/1.1\r\nHost: {spec.uri.split('/')[2]}\r\n\r\n".encode("ascii")
        block_type = "application/http; msgtype=request"
    else:
        block = spec.body
        block_type = "application/warc-fields"
    record_id = uuid.uuid5(uuid.NAMESPACE_URL, spec.uri + spec.warc_type)
    head = (
        f"WARC/1.0\r\nWARC-Type: {spec.warc_type}\r\nWARC-Target-URI: {spec.uri}\r\n"
        f"WARC-Date: {spec.date}\r\nWARC-Record-ID: <urn:uuid:{record_id}>\r\n"
        f"Content-Type: {block_type}\r\nContent-Length: {len(block) + spec.length_lie}\r\n\r\n"
    ).encode("ascii")
    return head + block + b"\r\n\r\n"


def write_warc(path: Path, records: list[WarcRecordSpec]) -> list[int]:
    """Writes the records (gzip per record when the name ends in .gz); returns each record's offset."""
    offsets, chunks, position = [], [], 0
    for spec in records:
        data = record_bytes(spec)
        if path.name.endswith(".gz"):
            data = gzip.compress(data, mtime=0)
        offsets.append(position)
        chunks.append(data)
        position += len(data)
    path.write_bytes(b"".join(chunks))
    return offsets


# --- WARCs written by another writer (warcio), as real crawls are: HTTP messages stored as the crawler saw them ---


@dataclass(frozen=True)
class CrawledRecord:
    """One record for warcio to write. `http` is the HTTP message as stored (head and body, byte for
    byte: a stale header stays stale); for a revisit, only its head is written, as crawlers do."""

    uri: str
    http: bytes = b""
    warc_type: str = "response"
    date: str = "2024-05-01T10:00:00Z"


def http_response(body: bytes, *headers: str, status: str = "200 OK") -> bytes:
    """An HTTP/1.1 response; `headers` are written as given ("Content-Encoding: gzip")."""
    lines = [f"HTTP/1.1 {status}", "Content-Type: text/html; charset=utf-8", *headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("ascii") + body


def chunked(body: bytes, size: int = 100) -> bytes:
    """The body in chunked transfer coding, as it came over the wire."""
    parts = [
        f"{len(body[i : i + size]):x}\r\n".encode("ascii") + body[i : i + size] + b"\r\n"
        for i in range(0, len(body), size)
    ]
    return b"".join(parts) + b"0\r\n\r\n"


def write_warcio_warc(path: Path, records: list[CrawledRecord]) -> list[int]:
    """Writes the records with warcio (gzip per record when the name ends in .gz); returns each record's offset."""
    from warcio.statusandheaders import StatusAndHeadersParser  # type: ignore[import-untyped]  # no stubs
    from warcio.warcwriter import WARCWriter  # type: ignore[import-untyped]  # warcio ships no type stubs

    offsets = []
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=path.name.endswith(".gz"))
        for spec in records:
            offsets.append(out.tell())
            warc_headers = {"WARC-Date": spec.date}
            if spec.warc_type == "revisit":
                head = StatusAndHeadersParser(["HTTP/1.0", "HTTP/1.1"]).parse(io.BytesIO(spec.http))
                record = writer.create_revisit_record(
                    spec.uri,
                    digest="sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                    refers_to_uri=spec.uri,
                    refers_to_date="2024-04-01T10:00:00Z",
                    http_headers=head,
                    warc_headers_dict=warc_headers,
                )
            else:
                record = writer.create_warc_record(
                    spec.uri,
                    spec.warc_type,
                    payload=io.BytesIO(spec.http),
                    length=len(spec.http),
                    warc_content_type="application/warc-fields" if spec.warc_type == "metadata" else "",
                    warc_headers_dict=warc_headers,
                )
            writer.write_record(record)
    return offsets
