"""Pages whose markup a crawl damaged: a start of the page cut or spliced so that the parser reads no body.

A crawl record can lose a chunk of its page (a lost packet, a spliced capture), and the seam can fall inside a
tag. Three seams seen in L3S-GN1's 2008 news pages (docs/evaluation.md, round 19) leave libxml2 (lxml's parser,
so trafilatura's) with a tree that has no body at all, and the story is "no text" though its words are all there:

- the `<title>` element runs on into the head's scripts and the whole page ("<title>BBC SPORTi library-->",
  "…cases</titavaScript" src=…"): a title is raw text up to its end tag, so everything after it is title;
- the `<html>` start tag is spliced onto a later tag's end ("<html xmogo.jpg" alt="…" />"), and a self-closing
  `<html/>` ends the document before its first element;
- the doctype declaration is cut before its `>` ("<!DOCTYPE htm" then "<div id=…>"), so the page no longer
  starts like HTML and trafilatura takes it for another kind of file;
- a script's address cut and spliced onto the middle of its code ("<script src="/te.backgroundColor='yellow';"
  then more lines of code): the quoted address runs on to the next quote mark somewhere in the code, and the
  parser loses its place for the rest of the page;
- a second page pasted into the first (a server include gone wrong: "</body>" then a doctype, "<html><head>"
  and more of the story): libxml2 ends the body at the first `</body>` and puts what follows beside it, where the
  extractor does not look, while a browser shows it all.

Each is mended as a reader of the damaged page would: the title ends where its first line or first tag
starts, the `<html>` tag is not self-closing, the cut declaration goes, a script's address ends at its line's
end, and a page with a second body is not ended before it. A title never holds tags, an `<html>` tag never
closes itself, a declaration never holds a `<`, an address holds no line break and a page has one body, so a page
without such a seam is returned as it is (the tests are regular expressions on the page's tags; nothing is
parsed).
"""

from __future__ import annotations

import re

# The first title start tag, and a tag (start, end or comment) inside the title before its end tag.
_TITLE_START = re.compile(r"<title\b[^>]*>", re.IGNORECASE)
_TITLE_END = re.compile(r"</title\s*>", re.IGNORECASE)
_TAG_START = re.compile(r"<[/!]?[A-Za-z-]")
# The page's <html> start tag written as self-closing, in the first lines where it stands.
_SELF_CLOSED_HTML = re.compile(r"(<html\b[^<>]*?)\s*/>", re.IGNORECASE)
_HTML_TAG_REACH = 4096
# A doctype declaration cut before its ">": the next tag starts inside it.
_CUT_DOCTYPE = re.compile(r"^(\s*)<!DOCTYPE[^<>]*(?=<)", re.IGNORECASE)


def mended_markup(html: str) -> str:
    """The page with a runaway title closed, a self-closing <html> tag opened, a cut doctype dropped, a script's
    address that runs over a line ended there, and the ends of body and page before a second body taken out."""
    return _ended_once(_script_addresses_ended(_without_cut_doctype(_html_tag_opened(_title_closed(html)))))


def _title_closed(html: str) -> str:
    start = _TITLE_START.search(html)
    if start is None:
        return html
    end = _TITLE_END.search(html, start.end())
    title = html[start.end() : end.start() if end else len(html)]
    tag = _TAG_START.search(title)
    if tag is None:
        return html
    line_end = title.find("\n")
    cut = start.end() + (tag.start() if line_end < 0 else min(tag.start(), line_end))
    return html[:cut] + "</title>" + html[cut:]


def _html_tag_opened(html: str) -> str:
    head = html[:_HTML_TAG_REACH]
    mended = _SELF_CLOSED_HTML.sub(r"\1>", head, count=1)
    return html if mended == head else mended + html[_HTML_TAG_REACH:]


def _without_cut_doctype(html: str) -> str:
    return _CUT_DOCTYPE.sub(r"\1", html, count=1)


# A script tag's quoted address that runs on past the end of its line.
_SCRIPT_ADDRESS_CUT = re.compile(r"""(<script\b[^<>]*?\bsrc\s*=\s*"[^"<>\n]*)\n""", re.IGNORECASE)


def _script_addresses_ended(html: str) -> str:
    return _SCRIPT_ADDRESS_CUT.sub(r'\1">\n', html)


_PAGE_END = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)
_BODY_START = re.compile(r"<body\b", re.IGNORECASE)


def _ended_once(html: str) -> str:
    """The page without the ends of body and page that come before its last `<body>` start tag (only a page
    with two or more bodies has such ends: a stray second `</html>` after the last body stays)."""
    bodies = list(_BODY_START.finditer(html))
    if len(bodies) < 2:
        return html
    last_body = bodies[-1].start()
    pieces, start = [], 0
    for end in _PAGE_END.finditer(html, 0, last_body):
        pieces.append(html[start : end.start()])
        start = end.end()
    return "".join(pieces) + html[start:]
