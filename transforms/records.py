"""The record types every layer agrees on; table schemas are derived from these."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

# Stored in every table's metadata. Bump when a column is added; a type never
# changes in place (add a new column instead).
SCHEMA_VERSION = 7  # 4: the raw_pages table; 5: batches.purpose; 6: runs.error, runs.check_violations;
# 7: articles.date_source, raw_pages.date_source, entities.latitude, entities.longitude
# (and country_code for every place, not only countries), runs.seconds_* (seconds per stage),
# articles.published_month (the articles table partitioned by it)


@dataclass(frozen=True, slots=True)
class RawDocument:
    """Bytes as read from a source, before any interpretation."""

    doc_id: str  # sha256 of raw bytes
    source: str  # path or URL the bytes came from
    url: str | None  # the page's own URL when known (WARC target, fetched URL)
    content: bytes
    media_type: str  # "text/html" or "text/plain"
    fetched_at: datetime | None = None  # when the bytes were fetched (WARC-Date, HTTP fetch), never a publication date
    charset: str | None = None  # declared by the transport (HTTP Content-Type), wins over the page's own
    # What a feed or news sitemap said of the entry; wins over what extraction guesses from the page.
    title: str | None = None
    published_date: date | None = None
    # Which listing gave published_date: "feed" or "sitemap" (a news sitemap).
    date_source: str | None = None


@dataclass(frozen=True, slots=True)
class RawPage:
    """Bytes fetched from a URL with the HTTP facts needed to re-extract or revalidate them."""

    doc_id: str  # sha256 of content
    url: str  # as listed
    final_url: str  # after redirects
    status: int
    content_type: str | None  # the whole header, charset included
    content_language: str | None
    etag: str | None
    last_modified: str | None
    fetched_at: datetime
    # What the feed or news sitemap said, so reprocessing gives the same title and date.
    title: str | None
    published_date: date | None
    content: bytes  # stored zstd-compressed by the table
    # Which listing gave published_date: "feed" or "sitemap"; None without a date.
    date_source: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    article_id: str
    doc_id: str
    source: str
    url: str | None
    canonical_url: str | None
    title: str | None
    author: str | None
    sitename: str | None
    published_date: date | None
    language: str
    text: str
    text_hash: str
    cluster_id: str
    word_count: int
    # The spaCy pipeline that read the text for entities; None when the article's
    # language has no configured model (its entities were skipped, not missed).
    ner_model: str | None = None
    # Normalised probability of `language` (py3langid); None when the text was too short to try.
    language_confidence: float | None = None
    # Where published_date came from: "feed", "sitemap" (news sitemap), "page" (the page's meta
    # tags or JSON-LD), "url" (a date in the URL), "text" (the page's body); None without a date.
    date_source: str | None = None


@dataclass(frozen=True, slots=True)
class MinhashSignature:
    """An article's MinHash signature, kept so later articles can find it as an earlier copy."""

    article_id: str
    cluster_id: str  # the cluster the article joined when it was committed
    scheme: str  # library, shingle size, permutations, bands, seed: only equal schemes compare
    signature: bytes  # num_perm unsigned 32-bit values, little-endian


@dataclass(frozen=True, slots=True)
class LshBand:
    """One LSH band key of an article: articles sharing a key are candidate copies."""

    band_key: str
    article_id: str


@dataclass(frozen=True, slots=True)
class DuplicateLink:
    """An article is a near copy of an earlier one; the views group linked articles."""

    article_id: str
    duplicate_of: str
    similarity: float  # estimated Jaccard similarity of their word shingles


@dataclass(frozen=True, slots=True)
class SiteLine:
    """A short line of an article, counted per site to find lines that are site chrome."""

    site: str
    line_hash: str  # of site and line: the key the chrome rule looks up
    article_id: str
    line: str


@dataclass(frozen=True, slots=True)
class EntityMention:
    article_id: str
    entity_id: str
    surface: str
    label: str
    char_start: int
    char_end: int


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical entity; mention_count is counted by the view, not stored."""

    entity_id: str
    name: str
    label: str
    # Places (label LOC) the gazetteer knows: the country's ISO 3166-1 alpha-2 code (a city's or a
    # region's country too) and a point in degrees (WGS84); NULL for every other entity.
    country_code: str | None = None
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True, slots=True)
class Figure:
    """A number with what it counts, tied to its place in the article text."""

    article_id: str
    figure_id: str
    surface: str
    value: float | None
    value_low: float | None
    value_high: float | None
    approximate: bool
    qualifier: str | None
    unit: str | None
    object: str | None
    kind: str
    char_start: int
    char_end: int
    sentence: str
    # The entity the sentence's syntax ties this figure to, and how: "holder" (has it),
    # "giver" (sends, pays, sells it) or "receiver" (gets it). None when syntax does not say.
    entity_id: str | None = None
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that did not become an article, and why."""

    doc_id: str
    source: str
    stage: str
    reason: str
    detail: str


@dataclass(frozen=True, slots=True)
class BatchCommit:
    """Marker row written after all rows of a batch: views show only these batches."""

    batch_id: str
    documents: int
    articles: int
    rejections: int
    committed_at: datetime
    # "ingest" or "reprocess": a reprocess batch commits known documents again on purpose.
    purpose: str | None = None


@dataclass(frozen=True, slots=True)
class RunSummary:
    run_id: str
    started_at: datetime
    finished_at: datetime | None
    status: str
    sources: int
    documents_seen: int
    documents_skipped: int
    articles: int
    entity_mentions: int
    figures: int
    rejections: int
    batches: int
    # Why a run that did not complete stopped: "ExceptionType: message" (first line), "stopped by SIGTERM".
    error: str | None = None
    # Rows the SQL checks (warehouse/sql/checks) returned at the end of the run; None: not checked.
    check_violations: int | None = None
    # Seconds per stage over the run's batches (transforms.batches.StageSeconds); None: rows of runs
    # recorded before schema 7. extract_clean and nlp are worker time summed over workers, not wall time.
    seconds_read: float | None = None
    seconds_lookups: float | None = None
    seconds_extract_clean: float | None = None
    seconds_nlp: float | None = None
    seconds_dedup: float | None = None
    seconds_commit: float | None = None
    seconds_publish: float | None = None
