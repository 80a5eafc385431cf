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


def _page(charset: str, body: bytes) -> bytes:
    return (
        b'<html><head><meta http-equiv="Content-Type" content="text/html; charset='
        + charset.encode()
        + b'">'
        + (b"</head><body><p>" + body + b"</p></body></html>")
    )


CHINESE = "市政府周二宣布，新的公交线路将于下月开通，连接火车站和港口。"
JAPANESE = "市議会は火曜日、港と駅を結ぶ新しいバス路線を来月開設すると発表した。"


@pytest.mark.parametrize("declared", ["gb2312", "GBK", "gb18030"])
def test_utf8_page_with_a_stale_chinese_charset_is_read_as_utf8(declared):
    # A page re-saved as UTF-8 that kept its old meta tag: GB2312 gives U+FFFD, GBK and GB18030 mojibake.
    text = decode(_page(declared, CHINESE.encode("utf-8")), "text/html")
    assert CHINESE in text


def test_real_gb2312_and_shift_jis_bytes_keep_their_charset():
    assert CHINESE in decode(_page("gb2312", CHINESE.encode("gb2312")), "text/html")
    assert CHINESE in decode(_page("gbk", CHINESE.encode("gbk")), "text/html")
    assert JAPANESE in decode(_page("shift_jis", JAPANESE.encode("shift_jis")), "text/html")


def test_utf8_page_with_a_stale_shift_jis_charset_is_read_as_utf8():
    assert JAPANESE in decode(_page("shift_jis", JAPANESE.encode("utf-8")), "text/html")


def test_latin1_and_cp1252_pages_are_unaffected():
    french = "Le café de la gare a rouvert ses portes à l’été, après des travaux coûteux."
    assert french in decode(_page("windows-1252", french.encode("cp1252")), "text/html")
    german = "Die Brücke über die Förde bleibt wegen Bauarbeiten bis März gesperrt."
    assert german in decode(_page("iso-8859-1", german.encode("latin-1")), "text/html")
    # A Latin-1 label on a UTF-8 body (a server default) with a handful of accents: read as UTF-8.
    assert french in decode(_page("iso-8859-1", french.encode("utf-8")), "text/html")


def test_a_single_latin_character_that_is_also_utf8_keeps_the_declared_charset():
    # "Ã©" is two windows-1252 letters and one UTF-8 "é": one character is no evidence either way.
    assert "Ã©" in decode(_page("windows-1252", "Ã©tude".encode("cp1252")), "text/html")


def test_transport_charset_on_a_utf8_body_is_overruled_by_the_bytes():
    raw = RawDocument(
        doc_id="d", source="mem", url=None, content=CHINESE.encode("utf-8"), media_type="text/plain", charset="gb2312"
    )
    assert decode_document(raw) == CHINESE
