"""Turn raw bytes into text, or say precisely why they cannot be read as text."""

from __future__ import annotations

import codecs
import functools
import re

import charset_normalizer

from transforms.reasons import Reason, Stage
from transforms.records import RawDocument, Rejection

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Only the head of a page is searched: a charset declared later is not a declaration.
# The tag's text stops at the next "<" as well as at ">", so an unclosed "<meta" scans only up to the
# next tag and the search stays linear on a head of many of them.
_META_CHARSET = re.compile(rb"""<meta[^<>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_SNIFF_BYTES = 8192


def looks_binary(content: bytes) -> bool:
    """NUL bytes or many control characters in the first block mean not text."""
    head = content[:_SNIFF_BYTES]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > len(head) * 0.05


# Browsers read these labels as windows-1252 (WHATWG Encoding); pages rely on it for quotes and dashes.
_WINDOWS_1252_ALIASES = {"latin-1", "iso8859-1", "ascii"}


def charset_name(label: str | None) -> str | None:
    """The codec for a charset label, or None for a label that names no usable text encoding.

    Python's codec registry also holds codecs that are not character encodings (base64, zlib,
    rot13, hex) and ones that do not read ASCII as ASCII (UTF-16 and UTF-32 without a BOM, UTF-7,
    idna, punycode, unicode_escape): a page that declares one is read as if it declared none.
    Browsers do the same for a UTF-16 meta charset, which cannot be true of bytes it was read from.
    """
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("'\"")).name
    except LookupError:
        return None
    if not reads_ascii_as_ascii(name):
        return None
    return "cp1252" if name in _WINDOWS_1252_ALIASES else name


# Printable ASCII, the white space of text and two backslash escapes (which escape codecs would
# interpret; a lone backslash only makes them warn): any encoding a page may declare reads these as
# themselves.
_ASCII_PROBE = bytes(c for c in range(0x20, 0x7F) if c != 0x5C) + b"\t\n\r\\x41\\u0041"


@functools.cache
def reads_ascii_as_ascii(codec: str) -> bool:
    """True for a text encoding that decodes ASCII bytes to the same characters."""
    if not getattr(codecs.lookup(codec), "_is_text_encoding", True):
        return False
    try:
        # errors="replace" as decode_document uses it: idna, for one, refuses that handler.
        return _ASCII_PROBE.decode(codec, errors="replace") == _ASCII_PROBE.decode("ascii")
    except (UnicodeError, LookupError):  # e.g. "undefined" refuses everything
        return False


def declared_charset(content: bytes) -> str | None:
    match = _META_CHARSET.search(content[:_SNIFF_BYTES])
    if not match:
        return None
    return charset_name(match.group(1).decode("ascii", "ignore"))


def decode_document(raw: RawDocument) -> str | Rejection:
    """Text from a BOM, the transport's charset, the page's meta charset, UTF-8, or detection.

    A declared charset is trusted and its bad bytes become U+FFFD, unless the bytes are strictly
    valid UTF-8 that the declared charset misreads (`utf8_over_declared`); undeclared bytes are
    UTF-8 if they decode strictly, else whatever charset-normalizer finds with confidence.
    """
    content = raw.content
    if not content.strip():
        return _reject(raw, Reason.EMPTY, f"{len(content)} bytes, no text")
    for bom, encoding in _BOMS:
        if content.startswith(bom):
            return content[len(bom) :].decode(encoding, errors="replace")
    if looks_binary(content):
        return _reject(raw, Reason.BINARY, "NUL or control bytes in the first 8 KiB; not a text or HTML file")
    charset = charset_name(raw.charset)
    if charset is None and raw.media_type == "text/html":
        charset = declared_charset(content)
    if charset:
        declared = content.decode(charset, errors="replace")
        return utf8_over_declared(content, charset, declared) or declared
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError as error:
        first_bad = error.start
    match = charset_normalizer.from_bytes(content).best()
    if match is None:
        bad = content[first_bad : first_bad + 1].hex()
        return _reject(
            raw,
            Reason.INVALID_ENCODING,
            f"byte 0x{bad} at offset {first_bad} is not UTF-8, no charset is declared "
            "and detection found no likely encoding",
        )
    return str(match)


# Legacy text that happens to be strictly valid UTF-8 is rare and gets rarer with each non-ASCII
# character (a Latin-1 letter before ASCII is never UTF-8; a GB2312 pair is about once in ten): one or
# two could pass by chance ("Ã©" is two windows-1252 letters and one UTF-8 "é"), four seldom do.
_UTF8_EVIDENCE_CHARS = 4


def utf8_over_declared(content: bytes, charset: str, declared: str) -> str | None:
    """The UTF-8 reading of bytes declared in another charset, when that is what they are.

    Pages are re-saved as UTF-8 with their old meta charset left in place (a gb2312 page, a
    windows-1252 one), and servers label UTF-8 bodies with a default ISO-8859-1. Read as declared,
    the text is mojibake: U+FFFD where the charset has no character for the bytes (GB2312,
    Shift_JIS) or, where every byte means something (GBK, windows-1252), several odd characters for
    each real one. Strictly valid UTF-8 wins when the declared reading has more U+FFFD, or when it
    holds at least `_UTF8_EVIDENCE_CHARS` non-ASCII characters.
    """
    if charset == "utf-8" or content.isascii():
        return None
    try:
        utf8 = content.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if declared.count("\ufffd") > utf8.count("\ufffd"):
        return utf8
    non_ascii = sum(1 for char in utf8 if ord(char) > 0x7F)
    return utf8 if non_ascii >= _UTF8_EVIDENCE_CHARS else None


def _reject(raw: RawDocument, reason: Reason, detail: str) -> Rejection:
    return Rejection(doc_id=raw.doc_id, source=raw.source, stage=Stage.DECODE, reason=reason, detail=detail)
