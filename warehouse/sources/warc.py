"""WARC archives: scanning one for the records worth reading, and reading records at their offsets.

Scanning keeps only offsets (a batch reads its records later) and says where an archive is
damaged; reading goes through a batch's records in one pass. Nothing here knows about the
other kinds of source.
"""

from __future__ import annotations

import io
import zlib
from collections import Counter
from dataclasses import dataclass, field

from fastwarc.warc import ArchiveIterator, HeaderMap, WarcRecord, WarcRecordType

from transforms.ids import doc_id_for, rejection_id
from transforms.reasons import Reason, Stage
from transforms.records import RawDocument, Rejection
from warehouse.fetch import HTML_TYPES
from warehouse.sources.files import stored_name

WARC_SUFFIXES = (".warc", ".warc.gz")
# A file or a WARC record over this is refused before it is read.
MAX_FILE_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class WarcDamage:
    """Why the rest of an archive cannot be read, and from which offset (None: not a WARC at all)."""

    reason: Reason
    offset: int | None
    detail: str


@dataclass(slots=True)
class WarcScan:
    offsets: list[int] = field(default_factory=list)  # HTML responses with status 200, in order
    # Records that are not documents, counted: "warc/request": 120.
    skipped: Counter[str] = field(default_factory=Counter)
    damage: WarcDamage | None = None  # the records before it were scanned


def scan_warc(path: str) -> WarcScan:
    """The offset of each HTML response with status 200; other records counted; damage said once."""
    scan = WarcScan()
    last_good: int | None = None
    try:
        # A path, not a Python file object: fastwarc then reads with its own buffered I/O.
        records = ArchiveIterator(path, record_types=WarcRecordType.any_type, parse_http=False, fsspec_args=False)
        for record in records:
            offset = record.stream_pos
            if record.record_type != WarcRecordType.response:
                scan.skipped[f"warc/{record.record_type}"] += 1
                last_good = offset
                continue
            block = record.reader.read()
            if len(block) < record.content_length:
                scan.damage = WarcDamage(
                    Reason.WARC_TRUNCATED,
                    offset,
                    f"record at offset {offset} has {len(block)} of {record.content_length} "
                    "bytes; the archive ends there",
                )
                return scan
            last_good = offset
            http = HeaderMap()
            http.parse(io.BytesIO(block[:65536]))
            content_type = (http.get("Content-Type") or "").split(";")[0].strip().lower()
            if http.status_code != 200:
                scan.skipped["warc/status_not_200"] += 1
            elif content_type not in HTML_TYPES:
                scan.skipped["warc/not_html"] += 1
            else:
                scan.offsets.append(offset)
    except OSError as error:
        where = _damage_offset(path, last_good)
        scan.damage = WarcDamage(
            Reason.WARC_CORRUPT, where, f"damaged at offset {where}: {error}; records before it were read"
        )
    except ValueError as error:
        scan.damage = WarcDamage(Reason.WARC_CORRUPT, None, f"not readable as WARC: {error}")
    return scan


def _damage_offset(path: str, last_good: int | None) -> int:
    """Where the damage starts: the end of the last good record's gzip member (or its start)."""
    if last_good is None:
        return 0
    if not path.lower().endswith(".gz"):
        return last_good
    decompressor = zlib.decompressobj(wbits=31)
    consumed = 0
    try:
        with open(path, "rb") as handle:
            handle.seek(last_good)
            while not decompressor.eof:
                chunk = handle.read(65536)
                if not chunk:
                    return last_good
                decompressor.decompress(chunk)
                consumed += len(chunk)
    except (OSError, zlib.error):
        return last_good
    return last_good + consumed - len(decompressor.unused_data)


def read_warc_records(path: str, offsets: list[int]) -> dict[int, RawDocument | Rejection]:
    """The records at these offsets of one archive, in one pass from the first to the last of them
    (a batch's records are mostly neighbours: one pass is several times faster than a seek each)."""
    wanted, last = set(offsets), max(offsets)
    found: dict[int, RawDocument | Rejection] = {}
    try:
        with open(path, "rb") as handle:
            handle.seek(min(offsets))
            for record in ArchiveIterator(
                handle, record_types=WarcRecordType.response, parse_http=True, auto_decode="all"
            ):
                offset = record.stream_pos
                if offset in wanted:
                    found[offset] = _warc_document(path, offset, record)
                if offset >= last:
                    break
    except (OSError, ValueError) as error:
        damage = f"{type(error).__name__}: {error}"
    else:
        damage = "no record there"
    for offset in wanted - found.keys():
        found[offset] = _record_rejection(path, offset, Reason.WARC_CORRUPT, f"record at offset {offset}: {damage}")
    return found


def _warc_document(path: str, offset: int, record: WarcRecord) -> RawDocument | Rejection:
    if record.content_length > MAX_FILE_BYTES:  # checked before reading: read(n) allocates n bytes
        return _record_rejection(
            path,
            offset,
            Reason.TOO_LARGE,
            f"record at offset {offset} has {record.content_length} bytes; the limit is {MAX_FILE_BYTES}",
        )
    body = record.reader.read()
    return RawDocument(
        doc_id=doc_id_for(body),
        source=f"{stored_name(path)}#{offset}",
        url=record.headers.get("WARC-Target-URI"),
        content=body,
        media_type="text/html",
        fetched_at=record.record_date,
        charset=record.http_charset,
    )


def _record_rejection(path: str, offset: int, reason: Reason, detail: str) -> Rejection:
    """A record whose bytes were not read: its id comes from the archive and the offset."""
    return Rejection(
        doc_id=rejection_id(Stage.READ, reason, stored_name(path), offset),
        source=f"{stored_name(path)}#{offset}",
        stage=Stage.READ,
        reason=reason,
        detail=detail,
    )
