"""Pages nested deeper than lxml parses: their markup past a depth is flattened so their words are still read.

libxml2 (lxml's parser, and so trafilatura's) stops building the tree at 256 levels ("Excessive depth in
document"; 2,048 with its huge-tree option, which trafilatura does not set): everything inside is dropped, and a
page whose story sits in 300 nested <div>s, or after 100,000 unclosed <b><i>, had no text at all, though
browsers (which have no such limit) show every word of it. Past MAX_KEPT_DEPTH levels the tags that only wrap
(div, span, b, table, ...) are dropped and their text kept, so the parser sees the words at the depth limit
rather than nothing. Paragraph and heading tags are kept there, since the extractor reads a story by its
paragraphs, as are the tags whose content is not text (script, style): dropping those would turn code into words.

Tags are found with a regular expression, as a tokenizer would find them; a page that does not go that deep by
that count, or that lxml reads whole, is returned as it is (so a page is parsed once more only when it is deep).
"""

from __future__ import annotations

import re

from lxml import etree

# Well under libxml2's 256, which counts <html> and <body> and the levels the parser adds for unclosed tags.
MAX_KEPT_DEPTH = 160
# A start tag, an end tag or a self-closing tag; comments, doctypes and processing instructions do not match.
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)(?:[\s/][^>]*)?>")
# Elements that never hold others (HTML's void elements): no level.
_VOID = frozenset("area base br col embed hr img input keygen link meta param source track wbr".split())
# Kept past the depth: paragraphs and headings (a parser closes an open one at the next), and elements whose
# content is raw text rather than markup.
_KEPT_DEEP = frozenset("p h1 h2 h3 h4 h5 h6 br script style noscript template textarea title".split())


# Elements a parser closes when another of the same kind opens (their end tags are optional): not a level more.
_SELF_ENDING = frozenset("p li dt dd tr td th option".split())
# How far back an end tag looks for its element: further is a stray end tag, passed over (as parsers do).
_END_TAG_REACH = 8


def flattened_past_depth(html: str, max_depth: int = MAX_KEPT_DEPTH) -> str:
    """The page with the wrapping tags nested past `max_depth` dropped (their text kept); the page itself unless
    it nests that deep and lxml stops inside it (the tag count here only guesses the parser's levels)."""
    if html.count("<") <= max_depth:  # fewer tags than levels: cannot be that deep
        return html
    flattened = _flattened(html, max_depth)
    if flattened is None or not too_deep_for_lxml(html):
        return html
    return flattened


def too_deep_for_lxml(html: str) -> bool:
    """True when lxml's HTML parser stops building the tree at its depth limit somewhere in the page."""
    parser = etree.HTMLParser()
    try:
        etree.fromstring(html, parser)
    except (etree.LxmlError, ValueError):  # no tree at all is another matter: the extractor says so
        return False
    return any("Excessive depth" in error.message for error in parser.error_log)


def _flattened(html: str, max_depth: int) -> str | None:
    """The page with the tags opened past `max_depth` (and their end tags) replaced by a space; None if none was."""
    pieces: list[str] = []
    start = 0
    open_elements: list[tuple[str, bool]] = []  # (name, whether its start tag was kept), outermost first
    for match in _TAG.finditer(html):
        closing, name = match.group(1), match.group(2).lower()
        if closing:
            keep = _close(open_elements, name)
        elif name in _VOID or match.group(0).endswith("/>"):
            keep = len(open_elements) < max_depth or name in _KEPT_DEEP
        else:
            if name in _SELF_ENDING and open_elements and open_elements[-1][0] == name:
                open_elements.pop()
            keep = len(open_elements) < max_depth or name in _KEPT_DEEP
            open_elements.append((name, keep))
        if not keep:
            pieces.append(html[start : match.start()])
            pieces.append(" ")  # the tag stood between two words
            start = match.end()
    if not pieces:
        return None
    pieces.append(html[start:])
    return "".join(pieces)


def _close(open_elements: list[tuple[str, bool]], name: str) -> bool:
    """Close the element an end tag names (and those left open inside it); whether its start tag was kept."""
    for back in range(1, min(_END_TAG_REACH, len(open_elements)) + 1):
        if open_elements[-back][0] == name:
            kept = open_elements[-back][1]
            del open_elements[-back:]
            return kept
    return True  # a stray end tag: left for the parser to pass over
