"""The vocabulary of rejections: every stage and reason code a `Rejection` may carry, with its meaning.

Producers build rejections with these members, the run report groups by them and `make docs`
writes docs/rejections.md from `REASONS`, so the three cannot drift apart. A reason is a `StrEnum`
member: it is stored as its plain string value.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Stage(StrEnum):
    """Where in the pipeline an input stopped, in pipeline order."""

    READ = "read"  # a file or WARC record could not be read
    FETCH = "fetch"  # a URL, feed or sitemap could not be fetched
    DECODE = "decode"  # bytes that are not text
    EXTRACT = "extract"  # no main text in the page
    NORMALISE = "normalise"  # text left after cleaning is not an article
    DEDUP = "dedup"  # the same article twice in one batch
    PROCESS = "process"  # a bug, or a batch that failed as a whole

    @property
    def before_text(self) -> bool:
        """True when an input stopped here never had text extracted from it."""
        return self in _BEFORE_TEXT


_BEFORE_TEXT = frozenset({Stage.READ, Stage.FETCH, Stage.DECODE, Stage.EXTRACT, Stage.PROCESS})


class Reason(StrEnum):
    """Reason codes; `REASONS` says at which stages each occurs and what it means."""

    UNREADABLE = "unreadable"
    TOO_LARGE = "too_large"
    NOT_A_REGULAR_FILE = "not_a_regular_file"
    UNSUPPORTED_TYPE = "unsupported_type"
    BAD_GZIP = "bad_gzip"
    WARC_TRUNCATED = "warc_truncated"
    WARC_CORRUPT = "warc_corrupt"
    WARC_NOT_PER_RECORD_GZIP = "warc_not_per_record_gzip"
    BAD_URL_LIST = "bad_url_list"
    NOT_A_LISTING = "not_a_listing"
    TIMEOUT = "timeout"
    CONNECTION_ERROR = "connection_error"
    DNS_ERROR = "dns_error"
    ROBOTS_DISALLOWED = "robots_disallowed"
    ROBOTS_UNAVAILABLE = "robots_unavailable"
    NOT_HTML = "not_html"
    BLOCKED_ADDRESS = "blocked_address"
    TOO_MANY_REDIRECTS = "too_many_redirects"
    BAD_URL = "bad_url"
    OVER_LIMIT = "over_limit"
    BAD_ENCODING = "bad_encoding"
    EMPTY = "empty"
    BINARY = "binary"
    INVALID_ENCODING = "invalid_encoding"
    NO_TEXT = "no_text"
    EXTRACTOR_ERROR = "extractor_error"
    EMPTY_AFTER_CLEANING = "empty_after_cleaning"
    TOO_SHORT = "too_short"
    NOT_NEWS = "not_news"
    DUPLICATE_ARTICLE = "duplicate_article"
    INTERNAL_ERROR = "internal_error"
    # Not a verdict on the documents: the next run tries them again.
    BATCH_FAILED = "batch_failed"


# An HTTP status that is not a page: `http_404`; 429 and 5xx only after the retries.
HTTP_STATUS_PREFIX = "http_"


def http_status_reason(status: int) -> str:
    return f"{HTTP_STATUS_PREFIX}{status}"


@dataclass(frozen=True, slots=True)
class ReasonCode:
    """One stage/reason pair that can occur, and what it tells the person reading `rejections`."""

    stage: Stage
    reason: str  # a Reason member, or "http_<status>"
    meaning: str


REASONS: tuple[ReasonCode, ...] = (
    ReasonCode(
        Stage.READ,
        Reason.UNSUPPORTED_TYPE,
        "not .html, .htm or .txt (optionally .gz), a WARC, feed, sitemap or URL list",
    ),
    ReasonCode(Stage.READ, Reason.BAD_GZIP, "a .gz file that does not decompress"),
    ReasonCode(
        Stage.READ,
        Reason.UNREADABLE,
        "the file (or a local listing) could not be read; the detail has the operating system's error",
    ),
    ReasonCode(
        Stage.READ,
        Reason.TOO_LARGE,
        "a file, WARC record, local feed, sitemap or URL list over 50 MiB (also once decompressed); never read",
    ),
    ReasonCode(
        Stage.READ,
        Reason.NOT_A_REGULAR_FILE,
        "a named pipe, socket, device or symlink loop, named or found in a folder: only regular files are read",
    ),
    ReasonCode(Stage.READ, Reason.EMPTY, "an archive with no record in it (no bytes, or only white space)"),
    ReasonCode(Stage.READ, Reason.WARC_TRUNCATED, "the archive ends inside a record; the detail names its offset"),
    ReasonCode(
        Stage.READ,
        Reason.WARC_CORRUPT,
        "a damaged record (a wrong header or length, or gzip data that does not decompress); the detail names "
        "its offset; the records after it are read",
    ),
    ReasonCode(
        Stage.READ,
        Reason.BAD_ENCODING,
        "a WARC response whose content coding (gzip, deflate, br) does not decode and whose stored bytes are not "
        "text either; the detail names its offset",
    ),
    ReasonCode(
        Stage.READ,
        Reason.WARC_NOT_PER_RECORD_GZIP,
        "a .warc.gz gzip member or .warc.lz4 frame (often the whole file) holding HTML responses after its first "
        "record: they cannot be read at an offset of their own; the detail names the member's offset and how to "
        "recompress the archive",
    ),
    ReasonCode(Stage.READ, Reason.NOT_A_LISTING, "a local feed or sitemap file that is neither"),
    ReasonCode(Stage.READ, Reason.BAD_URL_LIST, "a URL list with lines that are not URLs"),
    ReasonCode(
        Stage.READ,
        Reason.BAD_URL,
        "an entry of a local feed, sitemap or URL list whose URL is malformed (e.g. an unclosed IPv6 host); "
        "the detail names the entry, the rest of the listing is read",
    ),
    ReasonCode(
        Stage.READ,
        Reason.OVER_LIMIT,
        "a local listing read when the run already held 1,000,000 URLs taken from listings (the limit): the "
        "detail says how many of its entries were not taken",
    ),
    ReasonCode(
        Stage.FETCH,
        f"{HTTP_STATUS_PREFIX}<status>",
        "the server answered with this status (e.g. http_404; http_429 and http_5xx after the retries)",
    ),
    ReasonCode(Stage.FETCH, Reason.TIMEOUT, "no whole answer within the fetch deadline, after the retries"),
    ReasonCode(Stage.FETCH, Reason.CONNECTION_ERROR, "the connection failed or broke, after the retries"),
    ReasonCode(Stage.FETCH, Reason.DNS_ERROR, "the host name does not resolve"),
    ReasonCode(Stage.FETCH, Reason.ROBOTS_DISALLOWED, "the site's robots.txt disallows the URL for our user agent"),
    ReasonCode(
        Stage.FETCH,
        Reason.ROBOTS_UNAVAILABLE,
        "robots.txt answered 5xx or could not be fetched, so nothing of the host is fetched (RFC 9309)",
    ),
    ReasonCode(Stage.FETCH, Reason.TOO_LARGE, "the body is over the size limit (after content decoding)"),
    ReasonCode(Stage.FETCH, Reason.NOT_HTML, "the content type is not HTML"),
    ReasonCode(
        Stage.FETCH, Reason.BLOCKED_ADDRESS, "the host resolves to a private or reserved address that is not allowed"
    ),
    ReasonCode(Stage.FETCH, Reason.TOO_MANY_REDIRECTS, "more redirects than allowed"),
    ReasonCode(
        Stage.FETCH,
        Reason.BAD_URL,
        "not an http(s) URL that can be fetched; for an entry of a fetched feed or sitemap, the detail names the entry",
    ),
    ReasonCode(Stage.FETCH, Reason.BAD_ENCODING, "the body's content coding (gzip, br, ...) does not decode"),
    ReasonCode(Stage.FETCH, Reason.BAD_GZIP, "a fetched feed or sitemap that is gzip but does not decompress"),
    ReasonCode(Stage.FETCH, Reason.NOT_A_LISTING, "a fetched feed or sitemap URL whose body is neither"),
    ReasonCode(
        Stage.FETCH,
        Reason.OVER_LIMIT,
        "a feed or sitemap whose entries went past the run's limit of 1,000,000 URLs taken from listings (the "
        "detail says how many were not taken), or a sitemap an index names that was not fetched since the run "
        "already held that many",
    ),
    ReasonCode(Stage.DECODE, Reason.EMPTY, "no bytes, or only white space"),
    ReasonCode(Stage.DECODE, Reason.BINARY, "NUL or control bytes: not a text or HTML file"),
    ReasonCode(Stage.DECODE, Reason.INVALID_ENCODING, "not UTF-8, no charset declared and none detected"),
    ReasonCode(Stage.EXTRACT, Reason.NO_TEXT, "trafilatura found no main text in the page"),
    ReasonCode(Stage.EXTRACT, Reason.EXTRACTOR_ERROR, "trafilatura raised; the detail has the error"),
    ReasonCode(Stage.NORMALISE, Reason.EMPTY_AFTER_CLEANING, "every line was page chrome"),
    ReasonCode(Stage.NORMALISE, Reason.TOO_SHORT, "fewer words after cleaning than the minimum (50)"),
    ReasonCode(
        Stage.NORMALISE,
        Reason.NOT_NEWS,
        "less than half of the words in sentence-like paragraphs: a listing, index or score page",
    ),
    ReasonCode(Stage.DEDUP, Reason.DUPLICATE_ARTICLE, "a second document of the same article in one batch"),
    ReasonCode(Stage.PROCESS, Reason.INTERNAL_ERROR, "a bug: the detail says where"),
    ReasonCode(
        Stage.PROCESS,
        Reason.TIMEOUT,
        "extraction and NLP of the document took longer than `time_limit_seconds` (60 s); the worker process "
        "that ran it was replaced and the batch went on",
    ),
    ReasonCode(
        Stage.PROCESS,
        Reason.BATCH_FAILED,
        "the whole batch failed with an error that is not transient, "
        "after retries; the next run tries these documents again",
    ),
)


def is_known(stage: str, reason: str) -> bool:
    """True when this stage/reason pair is in the registry (http_<status> for any status)."""
    if stage == Stage.FETCH and reason.startswith(HTTP_STATUS_PREFIX) and reason[len(HTTP_STATUS_PREFIX) :].isdigit():
        return True
    return any(code.stage == stage and code.reason == reason for code in REASONS)
