"""A large feed cut into smaller feeds of its items, so feedparser never holds all of them at once.

feedparser builds a dictionary (and more) for every item of a feed it is given: a feed of a million items at the
50 MiB listing limit took 829 MiB. Here the items are found in the bytes by a scan that knows only what can hide
an item's tags (CDATA sections and comments), and each part is the feed's own head (declaration, doctype, root,
channel), a run of its items and its own tail: a feed feedparser reads as it reads the whole one, with every
namespace, base and entity the items need.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# The next markup that matters: a CDATA section or comment (what they hold is no tag), or an item's (RSS, RDF,
# CDF) or entry's (Atom) tag, with any prefix.
_MARKUP = re.compile(rb"<(?:(!\[CDATA\[)|(!--)|(/?)(?:[A-Za-z_][\w.-]{0,40}:)?(item|entry)\b)", re.I)
_CLOSERS = {1: b"]]>", 2: b"-->"}


@dataclass(frozen=True, slots=True)
class FeedPart:
    """A feed of some of the items: `first` is the place of its first item among all the feed's, from 0."""

    first: int
    items: int
    content: bytes


def item_spans(content: bytes) -> list[tuple[int, int]]:
    """Where each top-level item (or entry) starts and ends in the bytes, in order; an item cut by the end of the
    feed is left out. The scan is linear: a CDATA section or comment that is never closed ends it (what follows
    holds no tag), as does an unclosed tag. Bytes that do not read as ASCII-compatible text hold no spans found
    here (UTF-16 feeds are not cut)."""
    spans: list[tuple[int, int]] = []
    name: bytes | None = None  # b"item" or b"entry", from the first found: the other is content, not an item
    depth = 0
    start = 0
    position = 0
    while (match := _MARKUP.search(content, position)) is not None:
        if match.lastindex in _CLOSERS:
            close = content.find(_CLOSERS[match.lastindex], match.end())
            if close < 0:
                break
            position = close + len(_CLOSERS[match.lastindex])
            continue
        tag_end = content.find(b">", match.end())
        if tag_end < 0:
            break
        position = tag_end + 1
        found = match.group(4).lower()
        if name is None:
            name = found
        if found != name:
            continue
        closing, empty = match.group(3) == b"/", content[tag_end - 1 : tag_end] == b"/"
        if closing:
            depth -= 1
            if depth == 0:
                spans.append((start, position))
            depth = max(depth, 0)
        elif depth == 0:
            start = match.start()
            if empty:
                spans.append((start, position))
            else:
                depth = 1
        elif not empty:
            depth += 1  # an item inside an item: part of the outer one
    return spans


def feed_parts(content: bytes, spans: list[tuple[int, int]], part_bytes: int) -> Iterator[FeedPart]:
    """The feed as feeds of consecutive items, each holding at least `part_bytes` of items and as many bytes of
    items as the head and tail it repeats (so that the parts together are at most about twice the feed)."""
    head, tail = content[: spans[0][0]], content[spans[-1][1] :]
    budget = max(part_bytes, len(head) + len(tail))
    first = 0
    while first < len(spans):
        last = first
        while last + 1 < len(spans) and spans[last + 1][1] - spans[first][0] <= budget:
            last += 1
        items = content[spans[first][0] : spans[last][1]]
        yield FeedPart(first, last - first + 1, head + items + tail)
        first = last + 1
