"""Decoding: bytes become text, or a rejection that says why."""

from __future__ import annotations

import pytest

from transforms.decode import decode_document
from transforms.ids import doc_id_for
from transforms.records import RawDocument, Rejection


def decode(content: bytes, media_type: str = "text/plain"):
    return decode_document(RawDocument(doc_id=doc_id_for(content), source="mem", url=None,
                                       content=content, media_type=media_type))


@pytest.mark.parametrize("content, reason", [
    (b"", "empty"),
    (b"  \n\t ", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
    (b"The caf\xe9 closed on Monday after ten years.", "invalid_encoding"),
])
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
