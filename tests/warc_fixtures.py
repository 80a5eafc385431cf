"""WARC files written by the tests: records built by hand, one gzip member per record as crawlers do."""

from __future__ import annotations

import gzip
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
