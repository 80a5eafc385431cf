"""Main text and metadata of a page (trafilatura) or of a plain-text article."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import trafilatura
from trafilatura.settings import Document

from transforms.normalise import metadata_field
from transforms.options import ExtractOptions
from transforms.reasons import Reason, Stage
from transforms.records import RawDocument, Rejection


@dataclass(frozen=True, slots=True)
class ExtractedDocument:
    text: str
    title: str | None
    author: str | None
    sitename: str | None
    url: str | None
    published_date: date | None


def extract_document(raw: RawDocument, decoded: str, options: ExtractOptions) -> ExtractedDocument | Rejection:
    if raw.media_type == "text/html":
        return extract_html(raw, decoded, options)
    return extract_plain_text(decoded, raw.url, options)


def extract_html(raw: RawDocument, html: str, options: ExtractOptions) -> ExtractedDocument | Rejection:
    date_params: dict[str, object] = {
        "original_date": True,
        "extensive_search": options.extensive_date_search,
    }
    if raw.fetched_at is not None:
        # A page cannot be published after it was fetched; this also keeps the clock out.
        date_params["max_date"] = raw.fetched_at.date().isoformat()
    try:
        document = trafilatura.bare_extraction(
            html,
            url=raw.url,
            with_metadata=True,
            deduplicate=False,
            include_comments=False,
            include_tables=options.include_tables,
            favor_precision=options.favor_precision,
            date_extraction_params=date_params,
        )
    except Exception as error:  # noqa: BLE001 - trafilatura raises many kinds on hostile markup
        return Rejection(
            doc_id=raw.doc_id,
            source=raw.source,
            stage=Stage.EXTRACT,
            reason=Reason.EXTRACTOR_ERROR,
            detail=f"{type(error).__name__}: {error}"[:500],
        )
    # bare_extraction gives a dict only when asked to (as_dict), which is not done here.
    if not isinstance(document, Document) or not document.text or not document.text.strip():
        return Rejection(
            doc_id=raw.doc_id,
            source=raw.source,
            stage=Stage.EXTRACT,
            reason=Reason.NO_TEXT,
            detail="no main text found in the page",
        )
    return ExtractedDocument(
        text=document.text,
        title=metadata_field(document.title),
        author=metadata_field(document.author),
        sitename=metadata_field(document.sitename),
        url=document.url or raw.url,
        published_date=parse_iso_date(document.date),
    )


def extract_plain_text(text: str, url: str | None, options: ExtractOptions) -> ExtractedDocument:
    """A short first line without closing punctuation, set off from the body, is the headline."""
    lines = text.strip().splitlines()
    title = None
    if len(lines) > 1:
        first = lines[0].strip()
        if first and len(first) <= options.max_title_chars and first[-1] not in ".!?:;,":
            title = first
            lines = lines[1:]
    return ExtractedDocument(
        text="\n".join(lines), title=title, author=None, sitename=None, url=url, published_date=None
    )


def parse_iso_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value[:10]).date()
    except ValueError:
        return None
