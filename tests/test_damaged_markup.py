"""Pages a crawl damaged in their first tags (the seams of L3S-GN1's broken 2008 records, docs/evaluation.md,
round 19): the story is read, not "no text"; a page without such a seam is not touched."""

from __future__ import annotations

from dataclasses import replace

import pytest

from transforms.damaged_markup import mended_markup
from transforms.extract import ExtractedDocument, extract_document
from transforms.ids import doc_id_for
from transforms.options import ExtractOptions
from transforms.reasons import Reason
from transforms.records import RawDocument, Rejection

BODY = "".join(
    f"<p>The council met for the {n}th time to debate the harbour budget, and the mayor said the cost of the "
    f"new sea wall would fall on the port's users rather than on the town's households.</p>"
    for n in range(8)
)
STORY = f"<div id='story'><h1>Harbour budget</h1>{BODY}</div></body></html>"
SCRIPTS = "<script src='/js/ads.js'></script>\n<script>var slot = 'top';</script>\n"

# Each page as a crawl that lost a chunk left it: the seam falls inside the title, the <html> tag or the doctype.
DAMAGED = {
    "title runs into the head": f"<html><head><title>Harbour budget - The Gazettei library-->\n{SCRIPTS}"
    f"</head><body>{STORY}",
    "title end tag cut": f"<html><head><title>Harbour budget</titavaScript' src='/js/x.js'></script>\n{SCRIPTS}"
    f"</head><body>{STORY}",
    "html tag spliced onto an image": '<!DOCTYPE html>\n<html xmogo.jpg" alt="Gazette" width="145" />'
    f"</a></td></tr></table>{STORY}",
    "doctype cut": f"<!DOCTYPE htm\n  <div id='header'><a href='/'>Home</a></div>{STORY}",
    # The address's quote ends at the next quote mark in the code, and the scripts' ends are inside it.
    "a script's address cut": "<html><head><title>Budget</title>\n<script src=\"/te.backgroundColor='yellow';\n"
    "  o2.style.color='black';\n}\n</script>\n<script>\nfunction roll(a) {\n  a.title = '\"' + a.name;\n}\n</script>\n"
    f"</head><body>{STORY}",
    # A weather box, then the story page, each a whole document, served as one (L3S dev page 954487ce).
    "a second page pasted in": "<html><head><title>Budget</title></head><body><div id='weather'>Bluefield, WV: "
    "Clear</div></body></html>\n<script>var slot = 'top';</script>\n<!DOCTYPE html>\n<html>\n<head>\n"
    f"<style>p {{color: red}}</style>\n</head>\n<body>{STORY}",
}


def _extracted(html: str, options: ExtractOptions) -> ExtractedDocument | Rejection:
    content = html.encode()
    raw = RawDocument(doc_id=doc_id_for(content), source="mem", url=None, content=content, media_type="text/html")
    return extract_document(raw, html, options)


@pytest.mark.parametrize("seam", sorted(DAMAGED))
def test_a_damaged_page_gives_its_story(seam: str) -> None:
    result = _extracted(DAMAGED[seam], ExtractOptions())
    assert isinstance(result, ExtractedDocument), result
    assert "the new sea wall would fall on the port's users" in result.text
    assert "var slot" not in result.text


@pytest.mark.parametrize("seam", sorted(DAMAGED))
def test_without_the_mend_the_story_is_not_read(seam: str) -> None:
    # What the rule is for: the parser reads no body from these pages, or only the first page's.
    result = _extracted(DAMAGED[seam], replace(ExtractOptions(), mend_markup=False))
    if seam == "a second page pasted in":  # the first page's words only
        assert isinstance(result, ExtractedDocument) and "sea wall" not in result.text, result
        return
    assert isinstance(result, Rejection)
    assert result.reason == Reason.NO_TEXT


def test_a_runaway_title_ends_at_its_first_line_or_its_first_tag() -> None:
    mended = mended_markup(DAMAGED["title runs into the head"])
    assert "<title>Harbour budget - The Gazettei library--></title>\n<script src=" in mended
    mended = mended_markup(DAMAGED["title end tag cut"])
    assert "<title>Harbour budget</title></titavaScript" in mended


@pytest.mark.parametrize(
    "html",
    [
        f"<!DOCTYPE html>\n<html lang='en'><head><title>\n  Harbour budget\n</title></head><body>{STORY}",
        f"<html><head><title>Tom <3 Jerry: a 1 < 2 story</title></head><body>{STORY}",
        f"<html><head><title>Budget</title></head><body><svg><title>A chart</title></svg>{STORY}",
        f"<html><body>{STORY}",  # no title at all
        f"<html><body>{STORY}\n<!-- served in 0.2 s -->",  # a comment after the page's end
        f"<html><body>{STORY}\n</body></html>",  # ended twice, one body
        f"<html><head><script src='/a.js'></script><script>var a = 'x\\\n y';</script></head><body>{STORY}",
        f"<html><head><title>Budget</title></head><body><p>Write <code>&lt;html/&gt;</code>.</p>{STORY}",
    ],
)
def test_a_page_without_a_seam_is_returned_as_it_is(html: str) -> None:
    assert mended_markup(html) == html
