"""Decoding: bytes become text, or a rejection that says why."""

from __future__ import annotations

import pytest

from transforms.decode import decode_document
from transforms.ids import doc_id_for
from transforms.records import RawDocument, Rejection


def decode(content: bytes, media_type: str = "text/plain"):
    return decode_document(
        RawDocument(doc_id=doc_id_for(content), source="mem", url=None, content=content, media_type=media_type)
    )


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"", "empty"),
        (b"  \n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (bytes(range(128, 256)) * 8 + b"\x7f" * 64, "invalid_encoding"),
    ],
)
def test_unreadable_bytes_are_rejections(content, reason):
    result = decode(content)
    assert isinstance(result, Rejection)
    assert (result.stage, result.reason) == ("decode", reason)
    assert result.detail


def test_declared_charset_is_honoured():
    html = '<html><head><meta charset="iso-8859-1"></head><body>caf\xe9</body></html>'.encode("latin-1")
    assert "café" in decode(html, "text/html")


def test_bom_wins():
    assert decode("\ufeffHello".encode("utf-8")) == "Hello"
    assert decode("\ufeffHello".encode("utf-16-le")) == "Hello"


def test_undeclared_legacy_encoding_is_detected():
    assert decode(b"The caf\xe9 closed on Monday after ten years.") == "The café closed on Monday after ten years."
    russian = "Городской совет утвердил бюджет гавани на следующий год после долгих споров."
    assert decode(russian.encode("cp1251")) == russian


def test_transport_charset_wins_over_meta_and_bad_bytes_do_not_crash():
    html = '<html><head><meta charset="utf-8"></head><body>Gr\xfc\xdfe</body></html>'.encode("latin-1")
    raw = RawDocument(doc_id="d", source="mem", url=None, content=html, media_type="text/html", charset="ISO-8859-1")
    decoded = decode_document(raw)
    assert isinstance(decoded, str) and "Grüße" in decoded
    # Declared UTF-8 with a stray byte: the byte becomes U+FFFD, the rest is kept.
    text = decode(b'<meta charset="utf-8"><p>ok \xff ok</p>', "text/html")
    assert "ok \ufffd ok" in text


def test_unknown_charset_labels_are_ignored():
    raw = RawDocument(
        doc_id="d",
        source="mem",
        url=None,
        content="naïve".encode(),
        media_type="text/plain",
        charset="x-no-such-charset",
    )
    assert decode_document(raw) == "naïve"
