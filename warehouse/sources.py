"""Find input documents in files and folders and read their bytes."""

from __future__ import annotations

import gzip
import zlib
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from transforms.ids import doc_id_for, sha256_hex
from transforms.records import RawDocument, Rejection

MEDIA_TYPES = {".html": "text/html", ".htm": "text/html", ".txt": "text/plain"}
# Files that sit beside inputs but are not inputs: seed expectations, hidden files.
NOT_INPUT_SUFFIXES = (".expected.json",)
MAX_FILE_BYTES = 50 * 1024 * 1024


class SourceNotFound(Exception):
    """A source the user named does not exist; the run stops before doing anything."""


@dataclass(frozen=True, slots=True)
class DocumentRef:
    """Where one document's bytes are; cheap to pass between tasks."""

    path: str


def media_type_for(path: Path) -> str | None:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return MEDIA_TYPES.get(suffixes[-1]) if suffixes else None


def is_input_candidate(path: Path) -> bool:
    return not path.name.startswith(".") and not path.name.endswith(NOT_INPUT_SUFFIXES)


def discover_documents(sources: list[str]) -> list[DocumentRef]:
    """Every file under the sources, in a stable order; a missing source stops the run."""
    missing = [source for source in sources if not Path(source).exists()]
    if missing:
        raise SourceNotFound(f"source not found: {', '.join(missing)} (check the path; "
                             "give files or folders of .html, .htm or .txt, optionally .gz)")
    refs: list[DocumentRef] = []
    for source in sources:
        path = Path(source)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and is_input_candidate(p)
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
        else:
            files = [path]
        refs.extend(DocumentRef(str(f.resolve())) for f in files)
    return refs


def read_document(ref: DocumentRef) -> RawDocument | Rejection:
    """The file's bytes (decompressed if gzip) with what we know of it, or why it cannot be read."""
    path = Path(ref.path)
    media_type = media_type_for(path)
    try:
        stat = path.stat()
        if stat.st_size > MAX_FILE_BYTES:
            return _reject(ref, sha256_hex(f"oversize:{ref.path}:{stat.st_size}"), "too_large",
                           f"{stat.st_size} bytes; the limit is {MAX_FILE_BYTES}")
        content = path.read_bytes()
    except OSError as error:
        return _reject(ref, sha256_hex(f"unreadable:{ref.path}"), "unreadable", str(error))
    doc_id = doc_id_for(content)
    if media_type is None:
        return _reject(ref, doc_id, "unsupported_type",
                       f"'{''.join(path.suffixes) or path.name}' is not .html, .htm or .txt (optionally .gz)")
    if path.suffix.lower() == ".gz":
        try:
            content = gzip.decompress(content)
        except (OSError, EOFError, zlib.error) as error:
            return _reject(ref, doc_id, "bad_gzip", str(error))
    fetched_at = datetime.fromtimestamp(stat.st_mtime, tz=timezone.utc)
    return RawDocument(doc_id=doc_id, source=ref.path, url=None, content=content,
                       media_type=media_type, fetched_at=fetched_at)


def _reject(ref: DocumentRef, doc_id: str, reason: str, detail: str) -> Rejection:
    return Rejection(doc_id=doc_id, source=ref.path, stage="read", reason=reason, detail=detail)
