"""A large feed cut into smaller feeds of its items, so feedparser never holds all of them at once.

feedparser builds a dictionary (and more) for every item of a feed it is given: a feed of a million items at the
50 MiB listing limit took 829 MiB. Here the items are found in the bytes by a scan that knows only what can hide
an item's tags (CDATA sections and comments), and each part is the feed's own head (declaration, doctype, root,
channel), a run of its items and its own tail: a feed feedparser reads as it reads the whole one, with every
namespace, base and entity the items need. A feed that comes a chunk at a time (gunzipped, transcoded) is cut as
it comes (`FeedStream`): its tail is known only at its end, so the parts before the last close what the head opened.
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
    here (UTF-16 feeds are transcoded to UTF-8 before)."""
    scan = _ItemScan()
    scan.run(content, final=True)
    return scan.spans


# The longest markup _MARKUP matches before the ">" of a tag: "<" and a prefix of 41 and "entry", or "<![CDATA[".
_LONGEST_OPENER = 64


class _ItemScan:
    """`item_spans` over a buffer that grows (a feed decompressed a chunk at a time) and loses its front (the items
    already given on): `run` goes as far as the buffer lets it know, `drop` forgets bytes before an offset."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []
        self.name: bytes | None = None  # b"item" or b"entry", from the first found: the other is content
        self.depth = 0
        self.start = 0
        self.position = 0
        self.searched = 0  # how far a closer being waited for was looked for: never looked for twice
        self.ended = False  # unclosed markup at the end: nothing after it is an item

    def run(self, content: bytes | bytearray, final: bool) -> None:
        while not self.ended and (match := _MARKUP.search(content, self.position)) is not None:
            closer = _CLOSERS.get(match.lastindex or 0, b">")
            close = content.find(closer, max(match.end(), self.searched - len(closer)))
            if close < 0:
                self.ended = final
                self.searched = len(content)
                return
            self.searched = 0
            if match.lastindex in _CLOSERS:
                self.position = close + len(closer)
                continue
            self.position = close + 1
            self._tag(match, content[close - 1 : close] == b"/")
        if not final:  # an opener may be cut by the buffer's end: looked at again with more bytes
            self.position = max(self.position, len(content) - _LONGEST_OPENER)

    def _tag(self, match: re.Match[bytes], empty: bool) -> None:
        found = match.group(4).lower()
        if self.name is None:
            self.name = found
        if found != self.name:
            return
        if match.group(3) == b"/":
            self.depth -= 1
            if self.depth == 0:
                self.spans.append((self.start, self.position))
            self.depth = max(self.depth, 0)
        elif self.depth == 0:
            self.start = match.start()
            if empty:
                self.spans.append((self.start, self.position))
            else:
                self.depth = 1
        elif not empty:
            self.depth += 1  # an item inside an item: part of the outer one

    def drop(self, offset: int) -> None:
        """Offsets from now on count from `offset` of the buffer, whose bytes before it are gone."""
        self.spans = [(start - offset, end - offset) for start, end in self.spans]
        self.start -= offset
        self.position -= offset
        self.searched = max(self.searched - offset, 0)


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


class FeedStream:
    """`feed_parts` of a feed that comes a chunk at a time (decompressed as it is read), never held whole.

    A part is given as soon as its items are in and the next item is seen: the feed's head, its items, and a tail
    that closes what the head left open (`closing_tags`), as the feed's own tail is known only at its end (it is
    the last part's). When the feed is no more than `whole_bytes`, or fits in one part, or its head does not close
    (`closing_tags` is None), no part is given and `whole` holds every byte of it, for a reader of the whole feed.
    Once the caller stops taking parts, `counted_rest` counts the items it was not given.
    """

    def __init__(self, chunks: Iterator[bytes], part_bytes: int, whole_bytes: int) -> None:
        self.chunks = chunks
        self.part_bytes = part_bytes
        self.whole_bytes = whole_bytes
        self.buffer = bytearray()
        self.scan = _ItemScan()
        self.given = 0  # items given in parts so far
        self.whole: bytes | None = None
        self.ended = False  # every chunk read

    def parts(self) -> Iterator[FeedPart]:
        while len(self.buffer) <= self.whole_bytes and self._read():
            pass
        if self.ended:
            self.whole = bytes(self.buffer)
            return
        head: bytes | None = None
        tail = b""
        budget = self.part_bytes
        while True:
            self.scan.run(self.buffer, final=self.ended)
            if head is None and self.scan.spans:
                head = bytes(self.buffer[: self.scan.spans[0][0]])
                closing = closing_tags(head)
                if closing is None:
                    head = None  # still in the buffer: read whole
                    break
                tail, budget = closing, max(self.part_bytes, len(head) + len(closing))
                self._drop(self.scan.spans[0][0])
            while head is not None and (part := self._part(head, tail, budget, last=False)) is not None:
                yield part
            if self.ended or not self._read():
                break
        if head is None or self.given == 0:  # one part, or none: read whole, as a feed that is small
            while self._read():
                pass
            self.whole = (head or b"") + bytes(self.buffer)
            return
        tail = bytes(self.buffer[self.scan.spans[-1][1] :])  # the feed's own, now that it is known
        while (part := self._part(head, tail, budget, last=True)) is not None:
            yield part

    def counted_rest(self) -> int:
        """The items after those given in parts: the rest of the feed is scanned (not kept) to count them."""
        count = 0
        while True:
            self.scan.run(self.buffer, final=self.ended)
            count += len(self.scan.spans)
            self.scan.spans.clear()
            if self.ended:
                return count
            self._drop(self.scan.position)  # only counted: the bytes of an item being scanned are not needed
            self._read()

    def _part(self, head: bytes, tail: bytes, budget: int, last: bool) -> FeedPart | None:
        """The next part when its items are all in (and, before the end, the item after them), else None."""
        spans = self.scan.spans
        if not spans or (not last and (len(spans) < 2 or spans[-1][1] - spans[0][0] <= budget)):
            return None  # before the end, a part waits until its items are more than the budget
        end = 0
        while end + 1 < len(spans) and spans[end + 1][1] - spans[0][0] <= budget:
            end += 1
        if end + 1 == len(spans) and not last:
            return None  # the next item may still fit
        part = FeedPart(self.given, end + 1, head + bytes(self.buffer[spans[0][0] : spans[end][1]]) + tail)
        self.given += end + 1
        del spans[: end + 1]
        if spans:  # the bytes between this part's last item and the next one's first are in neither, as in `feed_parts`
            self._drop(spans[0][0])
        return part

    def _read(self) -> bool:
        chunk = next(self.chunks, None)
        if chunk is None:
            self.ended = True
            return False
        self.buffer += chunk
        return True

    def _drop(self, offset: int) -> None:
        del self.buffer[:offset]
        self.scan.drop(offset)


# Markup in a feed's head: what hides tags, declarations, and tags (a name, attributes whose quoted values may
# hold ">", and "/" before ">" when empty).
_HEAD_OPENERS = ((b"<![CDATA[", b"]]>"), (b"<!--", b"-->"), (b"<?", b"?>"))
_TAG = re.compile(rb"""<(/?)([A-Za-z_][\w.:-]*)(?:[^'">]|"[^"]*"|'[^']*')*>""")


# Elements a head may leave open: a feed's items sit two or three deep; a head of millions of open tags (hostile)
# would make a list of millions of names, so it is read whole instead, as any feed was before.
_MOST_OPEN = 64


def closing_tags(head: bytes) -> bytes | None:
    """The end tags of the elements the head leaves open, innermost first: what a feed's own tail holds once what
    is not markup is taken away; None when the head is not plain markup that can be closed (an end tag that
    closes nothing open, a tag or declaration left open, more than _MOST_OPEN elements open). Linear: each piece
    of markup is passed once."""
    open_names: list[bytes] = []
    position = 0
    while (start := head.find(b"<", position)) >= 0:
        closer = next((end for opener, end in _HEAD_OPENERS if head.startswith(opener, start)), None)
        if closer is not None:
            close = head.find(closer, start)
            if close < 0:
                return None
            position = close + len(closer)
            continue
        if head.startswith(b"<!", start):  # a doctype: its internal subset, if any, ends in "]" before ">"
            bracket, close = head.find(b"[", start), head.find(b">", start)
            if 0 <= bracket < close:
                close = head.find(b">", head.find(b"]", bracket))
            if close < 0:
                return None
            position = close + 1
            continue
        tag = _TAG.match(head, start)
        if tag is None:
            return None
        position = tag.end()
        if tag.group(1):
            if not open_names or open_names.pop() != tag.group(2):
                return None
        elif head[position - 2 : position - 1] != b"/":
            open_names.append(tag.group(2))
            if len(open_names) > _MOST_OPEN:
                return None
    return b"".join(b"</" + name + b">" for name in reversed(open_names))
