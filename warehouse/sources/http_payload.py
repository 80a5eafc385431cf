"""HTTP responses as crawlers store them in WARC records: the head, and the body as the server meant
it, with its transfer and content codings removed.

Real crawls do not always match their headers: many store a body the crawler already de-chunked (or
decompressed) under the `Transfer-Encoding: chunked` (or `Content-Encoding`) header it came with.
Like warcio and browsers, a coding is removed when the stored bytes are in it and the stored bytes
are used as they are when they are not; only a body that is neither (damaged compressed data) is
refused. Decoded bodies are capped, so a compression bomb costs only its record.
"""

from __future__ import annotations

import io
import re
import zlib
from dataclasses import dataclass

import brotli  # type: ignore[import-untyped]  # brotli ships no type stubs

from warehouse.sources.files import TooLarge
from warehouse.sources.gunzip import gunzip_chunks

_CHUNK_SIZE = re.compile(rb"[0-9A-Fa-f]{1,16}")
# Bytes that never occur in a stored text page (ESC does: ISO-2022-JP); compressed data has them at once.
_NOT_TEXT = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_TEXT_SAMPLE_BYTES = 1024
_CODING_FIELDS = frozenset({"transfer-encoding", "content-encoding"})


class BadEncoding(ValueError):
    """A body whose declared content coding does not decode, and whose stored bytes are not text either."""


class TooLargeDecoded(ValueError):
    """A body over the size limit once decoded."""


@dataclass(frozen=True, slots=True)
class HttpHead:
    status: int | None  # None when the block does not start with an HTTP status line
    fields: tuple[tuple[str, str], ...]  # (lower-cased name, value), in order
    length: int | None  # bytes up to and with the blank line; None when the head does not end in what was read

    def first(self, name: str) -> str | None:
        return next((value for key, value in self.fields if key == name), None)

    def codings(self, name: str) -> list[str]:
        """The codings a header lists, over all its lines, in the order they were applied."""
        return [c.strip().lower() for key, value in self.fields if key == name for c in value.split(",") if c.strip()]

    @property
    def media_type(self) -> str:
        return (self.first("content-type") or "").split(";")[0].strip().lower()


def parse_http_head(block: bytes) -> HttpHead:
    """The status and header fields at the start of a response record's block (or of its first bytes)."""
    length = None
    crlf = block.find(b"\r\n\r\n")
    lf = block.find(b"\n\n", 0, crlf if crlf >= 0 else len(block))  # a head of bare line feeds ends first
    if lf >= 0:
        length = lf + 2
    elif crlf >= 0:
        length = crlf + 4
    lines = block[: length if length is not None else len(block)].split(b"\n")
    status_line = lines[0].split(None, 2)
    status = None
    if len(status_line) >= 2 and status_line[0].startswith(b"HTTP/") and status_line[1].isdigit():
        status = int(status_line[1])
    fields: list[tuple[str, str]] = []
    for line in lines[1:]:
        text = line.rstrip(b"\r").decode("latin-1")
        if text[:1] in (" ", "\t") and fields:  # an obsolete folded line continues the field before it
            fields[-1] = (fields[-1][0], f"{fields[-1][1]} {text.strip()}")
            continue
        name, colon, value = text.partition(":")
        if colon and name.strip():
            fields.append((name.strip().lower(), value.strip()))
    return HttpHead(status, tuple(fields), length)


def http_body(head: HttpHead, stored: bytes, limit: int) -> bytes:
    """The body as the server meant it: de-chunked if its chunk framing holds, then decoded from its
    content codings; raises BadEncoding or TooLargeDecoded (over `limit` bytes once decoded)."""
    body = stored
    if not any(key in _CODING_FIELDS for key, _ in head.fields):
        return body
    if "chunked" in head.codings("transfer-encoding"):
        dechunked = dechunk(stored)
        if dechunked is not None:  # else the crawler stored the body de-chunked and kept the header
            body = dechunked
    codings = [c for c in head.codings("content-encoding") if c != "identity"]
    if not codings:
        return body
    try:
        decoded = body
        for coding in reversed(codings):
            decoded = _decode(coding, decoded, limit)
        return decoded
    except BadEncoding:
        if looks_like_text(body):  # stored decompressed under the header it came with
            return body
        raise


def dechunk(data: bytes) -> bytes | None:
    """The body inside chunked transfer coding; None when the framing does not hold (not chunked).

    A body cut short (inside a chunk, or without the last chunk) gives what came, as browsers show it.
    """
    parts: list[bytes] = []
    position = 0
    while position < len(data):
        line_end = data.find(b"\n", position)
        if line_end < 0:
            return b"".join(parts) if parts else None
        size_text = data[position:line_end].rstrip(b"\r").split(b";", 1)[0].strip()
        if not _CHUNK_SIZE.fullmatch(size_text):
            return None
        size = int(size_text, 16)
        position = line_end + 1
        if size == 0:  # the last chunk; trailer fields after it carry nothing we keep
            return b"".join(parts)
        parts.append(data[position : position + size])
        position += size
        if data.startswith(b"\r\n", position):
            position += 2
        elif data.startswith(b"\n", position):
            position += 1
        elif position < len(data):
            return None
    return b"".join(parts) if parts else None


def looks_like_text(data: bytes) -> bool:
    """True when the first bytes hold no control bytes: a page, not compressed data."""
    return bool(data) and _NOT_TEXT.search(data, 0, _TEXT_SAMPLE_BYTES) is None


def _decode(coding: str, data: bytes, limit: int) -> bytes:
    if coding in ("gzip", "x-gzip"):
        return _gunzip(data, limit, coding)
    if coding == "deflate":  # zlib-wrapped as the RFC says, or raw deflate as some servers send
        try:
            return _inflate(data, zlib.MAX_WBITS, limit, coding)
        except BadEncoding:
            return _inflate(data, -zlib.MAX_WBITS, limit, coding)
    if coding == "br":
        try:
            out = brotli.Decompressor().process(data, output_buffer_limit=limit + 1)
        except brotli.error as error:
            raise BadEncoding(f"its br content coding does not decode ({error})") from None
        return _within(out, limit, coding)
    raise BadEncoding(f"its content coding '{coding}' is not one newsetl decodes (gzip, deflate, br)")


def _gunzip(data: bytes, limit: int, coding: str) -> bytes:
    """gzip (every member of it: a body of several is read whole, not cut at the first), or zlib under a gzip
    label; bytes after the gzip data are skipped, as browsers do."""
    try:
        out = b"".join(gunzip_chunks(io.BytesIO(data).read, limit, wbits=32 + zlib.MAX_WBITS, junk_after=True))
    except (zlib.error, EOFError) as error:
        raise BadEncoding(f"its {coding} content coding does not decode ({error})") from None
    except TooLarge:
        raise TooLargeDecoded(f"its body is over {limit} bytes once its {coding} content coding is decoded") from None
    if not out and data:
        raise BadEncoding(f"its {coding} content coding gives no bytes")
    return out  # a stream cut short in its first member gives what came, as browsers show it


def _inflate(data: bytes, wbits: int, limit: int, coding: str) -> bytes:
    inflate = zlib.decompressobj(wbits=wbits)
    try:
        out = inflate.decompress(data, limit + 1)
    except zlib.error as error:
        raise BadEncoding(f"its {coding} content coding does not decode ({error})") from None
    if not out and data:
        raise BadEncoding(f"its {coding} content coding gives no bytes")
    return _within(out, limit, coding)  # a stream cut short gives what came, as browsers show it


def _within(out: bytes, limit: int, coding: str) -> bytes:
    if len(out) > limit:
        raise TooLargeDecoded(f"its body is over {limit} bytes once its {coding} content coding is decoded")
    return out


def charset_from_content_type(value: str | None) -> str | None:
    for part in (value or "").split(";")[1:]:
        key, _, charset = part.partition("=")
        if key.strip().lower() == "charset" and charset.strip():
            return charset.strip().strip("'\"")
    return None
