"""Turn raw bytes into text, or say precisely why they cannot be read as text."""

from __future__ import annotations

import codecs
import re

from transforms.records import RawDocument, Rejection

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Only the head of a page is searched: a charset declared later is not a declaration.
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_SNIFF_BYTES = 8192


def looks_binary(content: bytes) -> bool:
    """NUL bytes or many control characters in the first block mean not text."""
    head = content[:_SNIFF_BYTES]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > len(head) * 0.05


def declared_charset(content: bytes) -> str | None:
    match = _META_CHARSET.search(content[:_SNIFF_BYTES])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_document(raw: RawDocument) -> str | Rejection:
    """Text from a BOM, a declared charset, or strict UTF-8 — never a silent guess."""
    content = raw.content
    if not content.strip():
        return _reject(raw, "empty", f"{len(content)} bytes, no text")
    for bom, encoding in _BOMS:
        if content.startswith(bom):
            return content[len(bom):].decode(encoding, errors="replace")
    if looks_binary(content):
        return _reject(raw, "binary", "NUL or control bytes in the first 8 KiB; not a text or HTML file")
    charset = declared_charset(content) if raw.media_type == "text/html" else None
    if charset and charset != "utf-8":
        return content.decode(charset, errors="replace")
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError as error:
        bad = content[error.start:error.start + 1].hex()
        return _reject(
            raw, "invalid_encoding",
            f"byte 0x{bad} at offset {error.start} is not UTF-8 and no charset is declared",
        )


def _reject(raw: RawDocument, reason: str, detail: str) -> Rejection:
    return Rejection(doc_id=raw.doc_id, source=raw.source, stage="decode", reason=reason, detail=detail)
