"""Input documents: what the sources a user names hold, and reading them a batch at a time.

`discovery` turns files, folders, globs, URL lists, feeds and sitemaps into `DocumentRef`s;
`warc` scans archives and reads their records at offsets; `reading` turns refs into
`RawDocument`s or `Rejection`s. The names other code uses are imported from here.
"""

from warehouse.sources.discovery import (
    Discovery,
    DocumentRef,
    SourceNotFound,
    discover_documents,
    expand_paths,
    file_kind,
    has_glob,
    is_url,
    looks_like_listing_url,
    missing_sources,
)
from warehouse.sources.files import NotRegularFile, TooLarge, open_regular, stored_name
from warehouse.sources.reading import (
    BatchRead,
    charset_from_content_type,
    document_from_page,
    media_type_for,
    raw_page_from_fetch,
    read_document,
    read_documents,
)
from warehouse.sources.warc import MAX_FILE_BYTES, WarcDamage, WarcScan, read_warc_records, scan_warc

__all__ = [
    "MAX_FILE_BYTES",
    "BatchRead",
    "Discovery",
    "DocumentRef",
    "NotRegularFile",
    "SourceNotFound",
    "TooLarge",
    "WarcDamage",
    "WarcScan",
    "charset_from_content_type",
    "discover_documents",
    "document_from_page",
    "expand_paths",
    "file_kind",
    "has_glob",
    "is_url",
    "looks_like_listing_url",
    "media_type_for",
    "missing_sources",
    "open_regular",
    "raw_page_from_fetch",
    "read_document",
    "read_documents",
    "read_warc_records",
    "scan_warc",
    "stored_name",
]
