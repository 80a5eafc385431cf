"""Stable identifiers: every id is a hash of content, never of time or order."""

from __future__ import annotations

import hashlib
import re
import string
from urllib.parse import urlsplit, urlunsplit

import courlan


def sha256_hex(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def doc_id_for(content: bytes) -> str:
    return sha256_hex(content)


def rejection_id(stage: str, reason: str, source: str, offset: int | None = None) -> str:
    """The doc_id of an input that has no bytes to hash (a URL that failed, an unreadable file, a
    damaged WARC record): the same failure of the same input is the same id on every run. Built
    from stable facts only, never from an error message (those carry addresses and timings)."""
    return sha256_hex("\x1f".join(("rejection", stage, reason, source, "" if offset is None else str(offset))))


def batch_id_of(run_id: str, number: int) -> str:
    """Batch `number` of run `run_id`. A retry adds its own suffix ("-a2", flows.batch.attempt_batch_id), so
    every batch id of a run starts with `run_batch_prefix(run_id)`: the lookups tell this run's rows by it."""
    return f"{run_batch_prefix(run_id)}{number:05d}"


def run_batch_prefix(run_id: str) -> str:
    return f"{run_id}-"


def short_id(*parts: str) -> str:
    """128 bits are plenty for ids inside one archive and keep rows small."""
    return sha256_hex("\x1f".join(parts))[:32]


# RFC 3986's unreserved characters: "%7E" and "~" (or "%41" and "A") are the same URL (section 6.2.2.2).
_UNRESERVED = frozenset(string.ascii_letters + string.digits + "-._~")
_PERCENT_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")


def _normal_escape(match: re.Match[str]) -> str:
    character = chr(int(match.group(1), 16))
    return character if character in _UNRESERVED else "%" + match.group(1).upper()


def normalise_percent_escapes(url: str) -> str:
    """The URL with its percent-escapes in RFC 3986's normal form (sections 6.2.2.1-2): an escaped unreserved
    character is written as itself, every other escape in upper case. Servers must treat both spellings alike,
    so they name one page; any other escape ("%2F", a space) is left, since decoding it can change the URL.
    courlan's normalize_url leaves escapes as written, and w3lib (which does this) is no dependency."""
    if "%" not in url:
        return url
    return _PERCENT_ESCAPE.sub(_normal_escape, url)


def canonical_url(url: str | None) -> str | None:
    """Normalised URL (tracking parameters and fragments dropped, percent-escapes in normal form), or None
    if unusable."""
    if not url:
        return None
    try:
        normalised = courlan.normalize_url(normalise_percent_escapes(url.strip()), strict=True)
    except (ValueError, AttributeError):
        return None
    parts = urlsplit(normalised)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))


def article_id_for(canonical: str | None, text_hash: str) -> str:
    """The same page fetched twice is one article; a page with no URL is known by its text."""
    if canonical:
        return short_id("url", canonical)
    return short_id("text", text_hash)


def entity_id_for(label: str, name: str) -> str:
    return short_id("entity", label, name.casefold())


def figure_id_for(article_id: str, char_start: int, char_end: int) -> str:
    return short_id("figure", article_id, str(char_start), str(char_end))
