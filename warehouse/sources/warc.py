"""WARC archives: scanning one for the records worth reading, and reading records at their offsets.

Scanning keeps only offsets (a batch reads its records later) and says where an archive is
damaged; reading reads each wanted record on its own from its offset, so a damaged record, wanted
or not, costs only itself. Both are plain Python over bounded reads, one record (one gzip member)
at a time; the HTTP response inside a record is decoded by `http_payload`. Nothing here knows
about the other kinds of source.
"""

from __future__ import annotations

import io
import re
import struct
import zlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from fastwarc.stream_io import Lz4Reader

from transforms.ids import doc_id_for, rejection_id
from transforms.reasons import Reason, Stage
from transforms.records import RawDocument, Rejection
from warehouse.fetch import HTML_TYPES
from warehouse.sources.files import stored_name
from warehouse.sources.http_payload import (
    BadEncoding,
    TooLargeDecoded,
    charset_from_content_type,
    http_body,
    parse_http_head,
)

# ARC, the Internet Archive's format before WARC (1996-2009 crawls), is read by the same code: each
# record's one-line header is turned into the WARC fields it stands for.
# FastWARC writes .warc.lz4 archives, one LZ4 frame a record as crawlers write one gzip member a record;
# FastWARC (a dependency) decompresses the frames, this module finds them.
# Common Crawl's WET files (the text of each page, as `conversion` records) are WARCs named .warc.wet.gz.
WARC_SUFFIXES = (".warc", ".warc.gz", ".warc.lz4", ".warc.wet", ".warc.wet.gz", ".arc", ".arc.gz")
# A file or a WARC record over this is refused before it is read.
MAX_FILE_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class WarcDamage:
    """A record that is not read, why, and at which offset: damaged, cut short, or over the size limit."""

    reason: Reason
    offset: int
    detail: str


@dataclass(slots=True)
class WarcScan:
    offsets: list[int] = field(default_factory=list)  # HTML responses with status 200, in order
    # Records that are not documents, counted: "warc/request": 120.
    skipped: Counter[str] = field(default_factory=Counter)
    refused: list[WarcDamage] = field(default_factory=list)  # one per record that cannot be read, in order


# Scanning reads a record's WARC header and, of a response, the HTTP head; the rest of every block is
# skipped in chunks of this size, so one huge record costs time, never memory. Small: a crawl's gzip
# members are a few KiB each, and each member is read from the file on its own (1 MiB was ~5x slower).
_CHUNK_BYTES = 64 * 1024
# Compressed bytes are taken a quarter of that at a time, out of a file buffer of _CHUNK_BYTES: a member
# of a few KiB then costs no system call of its own (a 64 KiB read per member was ~1.5x slower to read).
_MEMBER_READ_BYTES = 16 * 1024
_MAX_WARC_HEADER_BYTES = 64 * 1024
_HTTP_HEAD_BYTES = 64 * 1024
_GZIP_MAGIC = b"\x1f\x8b\x08"
# Not only at a line start: a record cut short mid-line (a crawler that died mid-write) runs straight into the next.
# WARC/0.17 and 0.18 are the drafts that Heritrix 1.x wrote before the standard; their records read as 1.0's do.
_RECORD_START = re.compile(rb"WARC/[01]\.")
# An ARC record starts with a line "URL IP-address YYYYMMDDhhmmss content-type length" (version 1;
# version 2 has five more fields before the length, which is always last); the first record's URL is
# filedesc://. Some writers left spaces in the URL: the fields are counted from the end.
_ARC_DATE = re.compile(rb"\d{14,}")
_ARC_DATE_FROM_END = (3, 8)  # where the date is, counted from the end, in versions 1 and 2
_ARC_RECORD_START = re.compile(rb"WARC/[01]\.|(?<=\n)(?:https?|ftp|dns|filedesc)://\S+ \S+ \d{14}")
_ARC_FOLLOWING = re.compile(rb"[A-Za-z][A-Za-z0-9+.-]*:")  # how the line after an ARC record starts: its URL
_GZIP_START = re.compile(re.escape(_GZIP_MAGIC))
# The LZ4 frame format (lz4_Frame_format.md): a magic number, a descriptor, then blocks, each after its size in
# 4 little-endian bytes (the top bit set when stored uncompressed), up to a size of 0.
_LZ4_MAGIC = b"\x04\x22\x4d\x18"
_LZ4_START = re.compile(re.escape(_LZ4_MAGIC))
_LZ4_VERSION_MASK, _LZ4_VERSION = 0xC0, 0x40
_LZ4_BLOCK_CHECKSUM, _LZ4_CONTENT_SIZE, _LZ4_CONTENT_CHECKSUM, _LZ4_DICTIONARY = 0x10, 0x08, 0x04, 0x01
_LZ4_UNCOMPRESSED_BLOCK = 0x80000000
_LZ4_MAX_BLOCK_BYTES = 4 * 1024 * 1024  # the format's largest block
_VERSIONS = (b"WARC/1.", b"WARC/0.")
# Line ends taken between records beyond the standard's two: real crawls have one, none, or several
# (warcio reads them all, with a warning); a record is still whole when the next one starts right after.
_MAX_BLANK_BYTES = 64
# "\r\r\n" too: a WARC once written through a text-mode line-end conversion.
_BLANK_LINES = (b"\r\n", b"\n", b"\r\r\n")
# Longer than a marker searched for (an ARC header line's start holds a URL), so one split across two reads is found.
_MARKER_CARRY_BYTES = 4096
_SWALLOWED = b"\r\n\r\nWARC/1."
_SWALLOWED_DETAIL = "its Content-Length takes in the next record"


class _Damaged(Exception):
    """The record's header or length is wrong: the next record is looked for after it."""


class _Ended(Exception):
    """The input (the file, or the record's gzip member) ends inside the record."""


class _FrameDamaged(Exception):
    """An LZ4 frame whose descriptor or data is wrong (zlib.error stands for the same in a gzip member)."""


# Compressed data that does not decompress: it costs its record (member, frame), and scanning goes on after it.
_COMPRESSION_ERRORS = (zlib.error, _FrameDamaged)


@dataclass(frozen=True, slots=True)
class _Scanned:
    warc_type: str
    headers: dict[bytes, bytes]  # the WARC header's fields, names lower-cased
    length: int  # the block's, as its Content-Length says (and as was found)
    block: bytes  # of a response: the start of its block (its HTTP head), or all of it; empty for other records


def scan_warc(path: str) -> WarcScan:
    """The offset of each HTML response with status 200 (and HTML resource, text conversion); other records
    counted; each record that cannot be read refused with its own offset. Damage costs only the damaged record: scanning
    goes on at the next gzip member (.warc.gz, .arc.gz), the next `WARC/1.` line (.warc) or the next ARC
    record's header line (.arc)."""
    scan = WarcScan()
    record_start = _ARC_RECORD_START if path.lower().endswith((".arc", ".arc.gz")) else _RECORD_START
    try:
        with io.BufferedReader(io.FileIO(path, "rb"), _CHUNK_BYTES) as handle:
            magic = handle.read(len(_LZ4_MAGIC))
            if magic.startswith(_GZIP_MAGIC):
                _scan_members(handle, scan, _GzipMember, _GZIP_START)
            elif magic == _LZ4_MAGIC:
                _scan_members(handle, scan, _Lz4Frame, _LZ4_START)
            else:
                handle.seek(0)
                _scan_plain(handle, scan, record_start)
    except OSError as error:  # the file itself could not be read: the records so far stand
        scan.refused.append(WarcDamage(Reason.UNREADABLE, 0, f"{path}: {error}"))
    if not (scan.offsets or scan.skipped or scan.refused):
        # An archive with no record at all (a crawler that died before its first write, a file emptied by a
        # failed copy) would otherwise leave no trace of having been named: it is one rejection.
        scan.refused.append(WarcDamage(Reason.EMPTY, 0, f"{path}: no WARC or ARC record in it; check the copy"))
    return scan


def _scan_plain(handle: io.BufferedReader[io.FileIO], scan: WarcScan, record_start: re.Pattern[bytes]) -> None:
    while True:
        offset = handle.tell()
        try:
            record = _read_record(handle, watch_for_records=True)
        except (_Damaged, _Ended) as problem:
            following = _find(handle, record_start, offset + 1)
            _refuse(scan, offset, problem, ended_for_good=isinstance(problem, _Ended) and following is None)
            if following is None:
                return
            handle.seek(following)
            continue
        if record is None:
            return
        _classify(scan, offset, record)


def _scan_members(
    handle: io.BufferedReader[io.FileIO],
    scan: WarcScan,
    member_type: type[_GzipMember] | type[_Lz4Frame],
    member_start: re.Pattern[bytes],
) -> None:
    """One record per gzip member (or LZ4 frame), as crawlers write them: a member's offset is its record's."""
    offset: int | None = 0
    while offset is not None:
        member = member_type(handle, offset)
        stream = io.BufferedReader(member, _CHUNK_BYTES)
        ended: _Ended | None = None
        try:
            record = _read_record(stream)
            if record is None and member.cut_short:  # too little of the member to give even a line
                raise _Ended("the archive ends inside its gzip member")
            if record is not None:
                _classify(scan, offset, record)
            pages = 0  # HTML responses after the first record of the member: no offset of their own to read them at
            while (inner := _read_record(stream)) is not None:
                if _not_a_document(inner) is None:
                    pages += 1
                else:
                    scan.skipped["warc/not_first_in_gzip_member"] += 1
            if pages:
                scan.refused.append(
                    WarcDamage(
                        Reason.WARC_NOT_PER_RECORD_GZIP,
                        offset,
                        f"the {member.coding} {member.unit} at offset {offset} holds {pages} more HTML response(s) "
                        "after its first record, which cannot be read on their own; recompress the archive, one "
                        f"{member.coding} {member.unit} a record ({member.recompress})",
                    )
                )
        except _Ended as problem:
            ended = problem
        except _Damaged as problem:
            _refuse(scan, offset, problem, ended_for_good=False)
            try:
                while stream.read(_CHUNK_BYTES):  # to the member's end, where the next record starts
                    pass
            except _COMPRESSION_ERRORS:
                member.end = None
        except _COMPRESSION_ERRORS as error:
            _refuse(scan, offset, _Damaged(f"{member.coding} data is damaged ({error})"), ended_for_good=False)
        if member.cut_short:
            # The member seems to run to the file's end, but deflate data cut mid-write can go on decoding
            # through the members after it: those are looked for, and read on their own.
            next_offset = _find(handle, member_start, offset + 1)
        else:
            next_offset = member.end if member.end is not None else _find(handle, member_start, offset + 1)
        if ended is not None:
            if not member.cut_short:  # the member itself is whole: the record goes on in the next one(s)
                ended = _Ended(f"{ended}, where its {member.coding} member ends (one record split over several)")
            _refuse(scan, offset, ended, ended_for_good=member.cut_short and next_offset is None)
        offset = next_offset


class _GzipMember(io.RawIOBase):
    """The decompressed bytes of the one gzip member at an offset, decompressed a buffer at a time."""

    coding = "gzip"
    unit = "member"
    recompress = "e.g. `warcio recompress`"

    def __init__(self, handle: io.BufferedReader[io.FileIO], offset: int) -> None:
        self._handle = handle
        self._offset = offset
        self._read = 0  # compressed bytes taken from the file
        self._inflate = zlib.decompressobj(wbits=31)
        self.end: int | None = None  # where the next member starts, once this one has ended
        self.cut_short = False  # the file ended inside this member

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:  # Any: io's writable-buffer type is not spelled in 3.11
        while True:
            if self._inflate.eof:
                return 0
            data = self._inflate.unconsumed_tail
            if not data:
                self._handle.seek(self._offset + self._read)
                data = self._handle.read(_MEMBER_READ_BYTES)
                if not data:
                    self.cut_short = self._read > 0  # at the very end of the file no member starts
                    return 0
                self._read += len(data)
            out = self._inflate.decompress(data, len(buffer))
            if self._inflate.eof:
                self.end = self._offset + self._read - len(self._inflate.unused_data)
            if out:
                buffer[: len(out)] = out
                return len(out)


class _Lz4Frame(io.RawIOBase):
    """The decompressed bytes of the one LZ4 frame at an offset, decompressed by FastWARC a buffer at a time.

    The frame's end is found first by walking its block sizes (no decompression), so FastWARC, which would
    read on through the frames after it, is given this frame's bytes only."""

    coding = "LZ4"
    unit = "frame"
    recompress = "e.g. FastWARC's `fastwarc recompress --compress-alg lz4`"

    def __init__(self, handle: io.BufferedReader[io.FileIO], offset: int) -> None:
        self.cut_short = False
        self.end: int | None = None
        self._damage: str | None = None
        file_end = handle.seek(0, io.SEEK_END)
        try:
            if offset < file_end:  # at the very end of the file no frame starts
                self.end = _lz4_frame_end(handle, offset)
        except _FrameDamaged as damage:
            self._damage = str(damage)
        except _Ended:
            self.cut_short = True
        self._reader = Lz4Reader(_FileSlice(handle, offset, self.end if self.end is not None else file_end))

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:  # Any: io's writable-buffer type is not spelled in 3.11
        if self._damage is not None:
            raise _FrameDamaged(self._damage)
        try:
            out = self._reader.read(len(buffer))
        except OSError as error:  # FastWARC's decompression errors are OSErrors
            if self.cut_short:  # what the file holds of the frame has been given
                return 0
            raise _FrameDamaged(str(error)) from None
        buffer[: len(out)] = out
        return len(out)


def _lz4_frame_end(handle: io.BufferedReader[io.FileIO], offset: int) -> int:
    """Where the LZ4 frame at `offset` ends, from its descriptor and block sizes; _Ended when the file ends
    first, _FrameDamaged when it is no frame."""
    handle.seek(offset)
    head = handle.read(7)
    if len(head) < 7:
        raise _Ended("the archive ends inside the frame's descriptor")
    flags = head[4]
    if head[:4] != _LZ4_MAGIC or flags & _LZ4_VERSION_MASK != _LZ4_VERSION:
        raise _FrameDamaged("not an LZ4 frame descriptor")
    position = offset + 7 + (8 if flags & _LZ4_CONTENT_SIZE else 0) + (4 if flags & _LZ4_DICTIONARY else 0)
    checksum = 4 if flags & _LZ4_BLOCK_CHECKSUM else 0
    while True:
        handle.seek(position)
        size_field = handle.read(4)
        if len(size_field) < 4:
            raise _Ended("the archive ends inside the frame")
        (size,) = struct.unpack("<I", size_field)
        position += 4
        if size == 0:  # the end mark
            return position + (4 if flags & _LZ4_CONTENT_CHECKSUM else 0)
        size &= ~_LZ4_UNCOMPRESSED_BLOCK
        if size > _LZ4_MAX_BLOCK_BYTES:
            raise _FrameDamaged(f"a block of {size} bytes, more than LZ4 allows")
        position += size + checksum


class _FileSlice:
    """Bytes `start` to `end` of a file, as a reader of its own (what FastWARC's readers take)."""

    def __init__(self, handle: io.BufferedReader[io.FileIO], start: int, end: int) -> None:
        self._handle = handle
        self._start = start
        self._end = end
        self._position = start

    def read(self, size: int = -1) -> bytes:
        size = self._end - self._position if size < 0 else min(size, self._end - self._position)
        self._handle.seek(self._position)
        data = self._handle.read(size)
        self._position += len(data)
        return data

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: self._start, io.SEEK_CUR: self._position, io.SEEK_END: self._end}[whence]
        self._position = min(max(base + offset, self._start), self._end)
        return self._position - self._start

    def tell(self) -> int:
        return self._position - self._start

    def close(self) -> None:
        """The file is its owner's to close."""


def _read_record(
    stream: io.BufferedIOBase, watch_for_records: bool = False, keep: int = _HTTP_HEAD_BYTES
) -> _Scanned | None:
    """The record at the stream's position, the first `keep` bytes of a response's block kept and
    the rest skipped in bounded chunks; None at the end.

    `watch_for_records`: a block holding a record's end and the next one's start is damage (a plain
    WARC has no other boundary to tell a length that swallows exactly one record); a response the file
    ends inside is read when its HTTP message is whole. In a gzip member, a length past the member's end
    is damage, as a lie about the record.
    """
    first = stream.readline(_MAX_WARC_HEADER_BYTES)
    while first in _BLANK_LINES:  # line ends left by the record before
        first = stream.readline(_MAX_WARC_HEADER_BYTES)
    if not first:
        return None
    if not first.startswith(_VERSIONS):
        arc = _arc_fields(first)
        if arc is None:
            raise _Damaged("no WARC/1.x line (nor an ARC record's header line) where a record should start")
        return _read_block(stream, arc, watch_for_records, keep, arc=True)
    headers: dict[bytes, bytes] = {}
    size = len(first)
    while True:
        line = stream.readline(_MAX_WARC_HEADER_BYTES)
        size += len(line)
        if not line:
            raise _Ended("the input ends inside the record's header")
        if size > _MAX_WARC_HEADER_BYTES:
            raise _Damaged(f"a WARC header over {_MAX_WARC_HEADER_BYTES} bytes")
        if line in _BLANK_LINES:
            break
        name, colon, value = line.partition(b":")
        if colon:
            headers[name.strip().lower()] = value.strip()
    return _read_block(stream, headers, watch_for_records, keep)


def _arc_fields(line: bytes) -> dict[bytes, bytes] | None:
    """The WARC fields an ARC record's header line stands for; None when the line is not one."""
    fields = line.split()
    for from_end in _ARC_DATE_FROM_END:
        if len(fields) < from_end + 2 or not (_ARC_DATE.fullmatch(fields[-from_end]) and fields[-1].isdigit()):
            continue
        url = b"%20".join(fields[: -from_end - 1])  # as warcio mends a URL with spaces
        if not _ARC_FOLLOWING.match(url):
            return None
        if url.startswith(b"filedesc:"):
            kind = b"warcinfo"
        elif url.startswith((b"http:", b"https:")):
            kind = b"response"
        else:
            kind = b"resource"  # dns:, ftp:...
        stamp = fields[-from_end]
        date = b"%s-%s-%sT%s:%s:%sZ" % (stamp[:4], stamp[4:6], stamp[6:8], stamp[8:10], stamp[10:12], stamp[12:14])
        return {b"warc-type": kind, b"warc-target-uri": url, b"warc-date": date, b"content-length": fields[-1]}
    return None


def _read_block(
    stream: io.BufferedIOBase, headers: dict[bytes, bytes], watch_for_records: bool, keep: int, arc: bool = False
) -> _Scanned:
    """The block after a record's header (see `_read_record`)."""
    try:
        length = int(headers[b"content-length"])
    except (KeyError, ValueError):
        raise _Damaged("no valid Content-Length") from None
    if length < 0:
        raise _Damaged(f"Content-Length {length}")
    warc_type = headers.get(b"warc-type", b"unknown").decode("ascii", "replace").lower()
    # A response's HTTP head tells whether it is a page; a resource's (or conversion's) block is the page itself.
    wanted = warc_type == "response" or _stored_page_type(warc_type, headers) is not None
    head = stream.read(min(length, keep)) if wanted else b""
    remaining = length - len(head)
    tail = head[-len(_SWALLOWED) :]
    if watch_for_records and _SWALLOWED in head:
        raise _Damaged(_SWALLOWED_DETAIL)
    while remaining > 0:
        chunk = stream.read(min(remaining, _CHUNK_BYTES))
        if not chunk:
            # In a plain archive (the only kind watched for records) the input's end is the file's.
            whole = _whole_http_message(head, length - remaining) if watch_for_records else None
            if warc_type == "response" and whole is not None:  # the archive's length is wrong, not the message
                return _Scanned(warc_type, headers, whole, head[:whole])
            raise _Ended(f"its Content-Length is {length} but only {length - remaining} bytes follow")
        remaining -= len(chunk)
        if watch_for_records and _SWALLOWED in tail + chunk:
            raise _Damaged(_SWALLOWED_DETAIL)
        tail = (tail + chunk)[-len(_SWALLOWED) :]
    if not _record_ends_here(stream, arc):
        length_name = "archive length" if arc else "Content-Length"
        raise _Damaged(f"its {length} bytes (its {length_name}) are not followed by the end of a record")
    return _Scanned(warc_type, headers, length, head)


def _whole_http_message(head: bytes, read: int) -> int | None:
    """The length of the HTTP message a record's block starts with, when the `read` bytes of the block hold all
    of it by its own Content-Length; else None. A record the input ends inside (its WARC or ARC length runs past
    the archive's end, as in hand-edited samples) is still a whole page then; one whose body is cut is not."""
    http = parse_http_head(head)
    declared = http.first("content-length")
    if http.length is None or http.status is None or declared is None or not declared.strip().isdigit():
        return None
    if http.codings("transfer-encoding"):  # a chunked body's length is not its Content-Length
        return None
    end = http.length + int(declared)
    return end if end <= read else None


def _record_ends_here(stream: io.BufferedIOBase, arc: bool = False) -> bool:
    """Whether the block just read ends its record: the line ends after it are taken, and then the
    input ends or the next record starts. The standard's two line ends are always an end; one, none
    or more, as real crawls have them, are one when the next record starts right after them. An ARC
    record ends with one line feed, and the next starts with its URL."""
    ahead = _lookahead(stream, _MAX_BLANK_BYTES + len(_VERSIONS[0]))
    trailer = len(ahead) - len(ahead.lstrip(b"\r\n"))
    stream.read(min(trailer, _MAX_BLANK_BYTES))
    if ahead[:trailer] in (b"\r\n\r\n", b"\n\n"):
        return True
    following = ahead[trailer : trailer + len(_VERSIONS[0])]
    if arc and trailer and _ARC_FOLLOWING.match(following):
        return True
    # A lookahead cut by its buffer may hold only the start of the next record's version line.
    return not following or any(version.startswith(following) for version in _VERSIONS)


def _lookahead(stream: io.BufferedIOBase, size: int) -> bytes:
    """Up to `size` bytes ahead, not taken from the stream (a gzip member's stream cannot seek: it peeks,
    and may see fewer bytes than asked)."""
    if stream.seekable():
        position = stream.tell()
        ahead = stream.read(size)
        stream.seek(position)
        return ahead
    if isinstance(stream, io.BufferedReader):
        return stream.peek(size)[:size]
    return b""


def _refuse(scan: WarcScan, offset: int, problem: Exception, ended_for_good: bool) -> None:
    if ended_for_good:
        scan.refused.append(
            WarcDamage(Reason.WARC_TRUNCATED, offset, f"record at offset {offset}: {problem}; the archive ends there")
        )
    else:
        scan.refused.append(
            WarcDamage(
                Reason.WARC_CORRUPT,
                offset,
                f"record at offset {offset} is damaged: {problem}; scanning went on after it",
            )
        )


def _classify(scan: WarcScan, offset: int, record: _Scanned) -> None:
    skipped = _not_a_document(record)
    if skipped is not None:
        scan.skipped[skipped] += 1
    elif record.length > MAX_FILE_BYTES:
        scan.refused.append(
            WarcDamage(
                Reason.TOO_LARGE,
                offset,
                f"record at offset {offset} has {record.length} bytes; the limit is {MAX_FILE_BYTES}",
            )
        )
    else:
        scan.offsets.append(offset)


def _not_a_document(record: _Scanned) -> str | None:
    """Why a record is no document, as counted in `WarcScan.skipped`; None for an HTML response with status
    200, an HTML page stored as a resource, or a page's text stored as a conversion."""
    if _stored_page_type(record.warc_type, record.headers) is not None:
        return None
    if record.warc_type != "response":  # request, revisit (no body of its own), metadata, warcinfo, resource...
        return f"warc/{record.warc_type}"
    http = parse_http_head(record.block)
    if http.status != 200:
        return "warc/status_not_200"
    if http.media_type not in HTML_TYPES:
        return "warc/not_html"
    return None


def _find(handle: io.BufferedReader[io.FileIO], marker: re.Pattern[bytes], start: int) -> int | None:
    """The file position of the next match of `marker` (a few bytes) at or after `start`, read in bounded chunks."""
    position = start
    handle.seek(position)
    carry = b""
    while True:
        chunk = handle.read(_CHUNK_BYTES)
        if not chunk:
            return None
        data = carry + chunk
        found = marker.search(data)
        if found is not None:
            return position - len(carry) + found.start()
        carry = data[-_MARKER_CARRY_BYTES:]
        position += len(chunk)


def read_warc_records(path: str, offsets: list[int]) -> dict[int, RawDocument | Rejection]:
    """The records at these offsets of one archive, each read on its own from its offset (a gzip
    member, or a plain record), so damage anywhere else in the archive never reaches them."""
    found: dict[int, RawDocument | Rejection] = {}
    name = stored_name(path)
    try:
        with io.BufferedReader(io.FileIO(path, "rb"), _CHUNK_BYTES) as handle:
            for offset in sorted(set(offsets)):
                try:
                    found[offset] = _read_document(handle, path, name, offset)
                except OSError as error:  # this record's bytes could not be read; the next may be
                    found[offset] = _record_rejection(
                        path, offset, Reason.UNREADABLE, f"record at offset {offset}: {error}"
                    )
    except OSError as error:  # the archive cannot be opened any more
        for offset in offsets:
            found.setdefault(offset, _record_rejection(path, offset, Reason.UNREADABLE, f"{path}: {error}"))
    return found


def _read_document(handle: io.BufferedReader[io.FileIO], path: str, name: str, offset: int) -> RawDocument | Rejection:
    """The record at `offset` as a document (`name`: the archive's stored name), or why not."""
    handle.seek(offset)
    magic = handle.read(len(_LZ4_MAGIC))
    compressed = magic.startswith(_GZIP_MAGIC) or magic == _LZ4_MAGIC
    handle.seek(offset)
    stream: io.BufferedIOBase = handle
    try:
        if compressed:  # the whole member at once (a crawl's are a few KiB): far cheaper than a stream over it
            limit = MAX_FILE_BYTES + _MAX_WARC_HEADER_BYTES
            member = (
                _inflate_member(handle, offset, limit)
                if magic.startswith(_GZIP_MAGIC)
                else _lz4_frame(handle, offset, limit)
            )
            if member is None:
                return _record_rejection(
                    path, offset, Reason.TOO_LARGE, f"record at offset {offset} is over {MAX_FILE_BYTES} bytes"
                )
            stream = io.BytesIO(member)
        record = _read_record(stream, watch_for_records=not compressed, keep=MAX_FILE_BYTES)
    except (_Damaged, _Ended) as problem:
        return _record_rejection(path, offset, Reason.WARC_CORRUPT, f"record at offset {offset} is damaged: {problem}")
    except _COMPRESSION_ERRORS as error:
        return _record_rejection(
            path, offset, Reason.WARC_CORRUPT, f"record at offset {offset} is damaged: compressed data ({error})"
        )
    if record is None:
        return _record_rejection(path, offset, Reason.WARC_CORRUPT, f"no record at offset {offset}")
    if record.warc_type != "response" and _not_a_document(record) is not None:  # the archive changed since its scan
        return _record_rejection(
            path, offset, Reason.WARC_CORRUPT, f"record at offset {offset} is a {record.warc_type}, not a response"
        )
    if record.length > MAX_FILE_BYTES:
        return _record_rejection(
            path,
            offset,
            Reason.TOO_LARGE,
            f"record at offset {offset} has {record.length} bytes; the limit is {MAX_FILE_BYTES}",
        )
    stored_type = _stored_page_type(record.warc_type, record.headers)
    if stored_type is not None:
        return RawDocument(
            doc_id=doc_id_for(record.block),
            source=f"{name}#{offset}",
            url=_target_uri(record.headers),
            content=record.block,
            media_type=stored_type,
            fetched_at=_warc_date(record.headers),
            charset=charset_from_content_type(record.headers.get(b"content-type", b"").decode("ascii", "replace")),
        )
    http = parse_http_head(record.block)
    if http.length is None:
        return _record_rejection(
            path, offset, Reason.WARC_CORRUPT, f"record at offset {offset} is damaged: its HTTP head does not end"
        )
    try:
        body = http_body(http, record.block[http.length :], MAX_FILE_BYTES)
    except BadEncoding as error:
        return _record_rejection(path, offset, Reason.BAD_ENCODING, f"record at offset {offset}: {error}")
    except TooLargeDecoded as error:
        return _record_rejection(path, offset, Reason.TOO_LARGE, f"record at offset {offset}: {error}")
    return RawDocument(
        doc_id=doc_id_for(body),
        source=f"{name}#{offset}",
        url=_target_uri(record.headers),
        content=body,
        media_type="text/html",
        fetched_at=_warc_date(record.headers),
        charset=charset_from_content_type(http.first("content-type")),
    )


def _stored_page_type(warc_type: str, headers: dict[bytes, bytes]) -> str | None:
    """The media type of a page stored in a record's block as it is, without an HTTP head, under an http(s)
    target URI; None for any other record. Two kinds: a `resource` with an HTML content type (as warcit and
    some capture tools store pages), and a `conversion` in text/plain (Common Crawl's WET files: the text
    taken out of each page, read as a .txt document is; or with no content type, as some WET writers leave it)."""
    if warc_type not in ("resource", "conversion"):
        return None
    media_type = headers.get(b"content-type", b"").split(b";")[0].strip().lower().decode("ascii", "replace")
    if not (_target_uri(headers) or "").lower().startswith(("http://", "https://")):
        return None
    if warc_type == "resource" and media_type in HTML_TYPES:
        return "text/html"
    if warc_type == "conversion" and media_type in ("text/plain", ""):  # some WET writers name no type
        return "text/plain"
    return None


def _inflate_member(handle: io.BufferedReader[io.FileIO], offset: int, limit: int) -> bytes | None:
    """The decompressed bytes of the gzip member at `offset` (as far as they go if it is cut short);
    None when they are more than `limit`. Damaged gzip data raises zlib.error."""
    inflate = zlib.decompressobj(wbits=31)
    handle.seek(offset)
    parts: list[bytes] = []
    size = 0
    while not inflate.eof:
        data = inflate.unconsumed_tail or handle.read(_MEMBER_READ_BYTES)
        if not data:
            break
        out = inflate.decompress(data, limit + 1 - size)
        parts.append(out)
        size += len(out)
        if size > limit:
            return None
    return b"".join(parts)


def _lz4_frame(handle: io.BufferedReader[io.FileIO], offset: int, limit: int) -> bytes | None:
    """The decompressed bytes of the LZ4 frame at `offset` (as far as they go if it is cut short); None when
    they are more than `limit`. Damaged data raises _FrameDamaged."""
    frame = _Lz4Frame(handle, offset)
    parts: list[bytes] = []
    size = 0
    while chunk := frame.read(_CHUNK_BYTES):
        parts.append(chunk)
        size += len(chunk)
        if size > limit:
            return None
    return b"".join(parts)


def _target_uri(headers: dict[bytes, bytes]) -> str | None:
    uri = headers.get(b"warc-target-uri")
    if uri is None:
        return None
    # Early WARC writers put the URI in angle brackets, as a draft of the standard showed it.
    return uri.decode("utf-8", "replace").strip().removeprefix("<").removesuffix(">") or None


def _warc_date(headers: dict[bytes, bytes]) -> datetime | None:
    """WARC-Date (ISO 8601 in UTC, to the second or finer); None when it is missing or unreadable."""
    try:
        date = datetime.fromisoformat(headers.get(b"warc-date", b"").decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        return None
    return date if date.tzinfo is not None else date.replace(tzinfo=UTC)


def _record_rejection(path: str, offset: int, reason: Reason, detail: str) -> Rejection:
    """A record whose bytes were not read: its id comes from the archive and the offset."""
    return Rejection(
        doc_id=rejection_id(Stage.READ, reason, stored_name(path), offset),
        source=f"{stored_name(path)}#{offset}",
        stage=Stage.READ,
        reason=reason,
        detail=detail,
    )
