"""gzip decompressed a chunk at a time, every member of it, never past a limit.

A gzip file may hold several members one after another (RFC 1952, 2.2): `cat a.gz b.gz` writes one, and so do
crawlers and log rotators that append. zlib stops at the end of the first member, so a reader that does not go on
takes the first member for the whole file, silently. Python's `gzip` module reads them all; this does the same a
chunk at a time, for readers that must not hold the whole decompressed data (a listing of 50 MiB).
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator

from warehouse.sources.files import TooLarge

GZIP_MAGIC = b"\x1f\x8b"
CHUNK_BYTES = 1 << 16


class MemberCutShort(EOFError):
    """A member after the first ends before its end: part of the data is missing."""


def gunzip_chunks(
    read: Callable[[int], bytes],
    limit: int,
    wbits: int = 31,
    chunk_bytes: int = CHUNK_BYTES,
    junk_after: bool = False,
) -> Iterator[bytes]:
    """The decompressed bytes of every member, at most `chunk_bytes` at a time; TooLarge once more than `limit`
    came out (a bomb stops there).

    `wbits`: zlib's, for the first member (47 takes zlib data under a gzip label too); the next must be gzip.
    A first member cut short gives what came (an interrupted download, as browsers show it). After a member:
    nothing, NUL bytes (padding, which gzip(1) and Python's gzip skip too), or another member; anything else is
    zlib.error (unless `junk_after`: browsers skip bytes a server sends after the gzip data), and a later member
    cut short is MemberCutShort: the file is damaged, and taking what came would keep a part of it as though it
    were the whole, with nothing to say so.
    """
    data = read(chunk_bytes)
    taken = len(data)  # compressed bytes read so far, to name where a member starts
    total = 0
    member = 0
    start = 0
    while True:
        decompressor = zlib.decompressobj(wbits if member == 0 else 31)
        while True:
            # At most a chunk out of each call: what is left of the input waits in unconsumed_tail.
            out = decompressor.decompress(data, chunk_bytes)
            total += len(out)
            if total > limit:
                raise TooLarge(f"more than {limit} bytes once decompressed")
            if out:
                yield out
            if decompressor.eof:
                break
            if decompressor.unconsumed_tail:
                data = decompressor.unconsumed_tail
            elif len(out) == chunk_bytes:
                data = b""  # a full chunk out may leave more inside zlib for the input it had: asked again
            else:
                data = read(chunk_bytes)
                taken += len(data)
                if not data:
                    if member == 0:
                        return
                    raise MemberCutShort(f"gzip member {member + 1} (from byte {start}) is cut short")
        data = decompressor.unused_data
        start = taken - len(data)
        while len(data) < len(GZIP_MAGIC) and (more := read(chunk_bytes)):
            data += more
            taken += len(more)
        if not data:
            return
        if not data.startswith(GZIP_MAGIC):
            if not junk_after:
                _only_padding(data, read, chunk_bytes, start)
            return
        member += 1


def _only_padding(data: bytes, read: Callable[[int], bytes], chunk_bytes: int, start: int) -> None:
    while data:
        if data.strip(b"\0"):
            raise zlib.error(f"bytes from byte {start} on, after the last complete gzip member, are not gzip")
        data = read(chunk_bytes)
