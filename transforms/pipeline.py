"""One document through every stage: bytes in, an article with its entities and figures out."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field, replace

from spacy.language import Language

from transforms.boilerplate import drop_site_chrome, site_key, site_lines
from transforms.decode import decode_document
from transforms.dedup import minhash_signature
from transforms.entities import read_text, resolve_mentions, spans_of
from transforms.extract import ExtractedDocument, extract_document
from transforms.figures import find_figures
from transforms.holders import find_holders
from transforms.ids import article_id_for, canonical_url, sha256_hex
from transforms.language import detect_language
from transforms.normalise import drop_author_lines, drop_title_line, normalise_text, word_count
from transforms.options import LanguageOptions, PipelineOptions
from transforms.reasons import Reason, Stage
from transforms.records import Article, Entity, EntityMention, Figure, RawDocument, Rejection, SiteLine


@dataclass(frozen=True, slots=True)
class ProcessedDocument:
    article: Article
    mentions: list[EntityMention]
    entities: list[Entity]
    figures: list[Figure]
    # MinHash of the text; the batch task compares it with earlier articles to set cluster_id.
    signature: tuple[int, ...] = ()
    # Short lines of the text before site chrome was dropped, counted for its site.
    site_lines: list[SiteLine] = field(default_factory=list)


def process_document(
    raw: RawDocument, nlp: Language, options: PipelineOptions, chrome: Collection[str] = frozenset()
) -> ProcessedDocument | Rejection:
    """`chrome`: line hashes the warehouse knows as site chrome (transforms.boilerplate)."""
    decoded = decode_document(raw)
    if isinstance(decoded, Rejection):
        return decoded
    extracted = extract_document(raw, decoded, options.extract)
    if isinstance(extracted, Rejection):
        return extracted
    cleaned = normalise_text(extracted.text, options.normalise)
    if options.normalise.drop_residue:
        cleaned = drop_title_line(drop_author_lines(cleaned, extracted.author), extracted.title, raw.title)
    site = site_key(canonical_url(extracted.url), raw.url or extracted.url, extracted.sitename)
    text, _dropped = drop_site_chrome(site, cleaned, chrome)
    rejection = reject_text(raw, text, options)
    if rejection is not None:
        return rejection
    words = word_count(text)
    article = build_article(raw, extracted, text, words, options.language)
    signature = minhash_signature(text, options.dedup)
    lines = site_lines(site, article.article_id, cleaned, options.boilerplate)
    if article.language not in options.entities.languages:
        return ProcessedDocument(
            article=article, mentions=[], entities=[], figures=[], signature=signature, site_lines=lines
        )
    doc = read_text(nlp, text, options.entities)
    mentions, entities = resolve_mentions(spans_of(doc), article.article_id)
    figures = find_holders(nlp, text, find_figures(text, article.article_id, options.figures), mentions)
    article = replace(article, ner_model=options.entities.model)
    return ProcessedDocument(
        article=article, mentions=mentions, entities=entities, figures=figures, signature=signature, site_lines=lines
    )


def prose_share(text: str) -> float:
    """Share of words in paragraphs of at least 8 words that end like a sentence."""
    total = prose = 0
    for line in text.splitlines():
        words = len(line.split())
        total += words
        if words >= 8 and line.rstrip()[-1:] in _SENTENCE_ENDS:
            prose += words
    return prose / total if total else 0.0


_SENTENCE_ENDS = set('.!?:;"”’»)…')


def reject_text(raw: RawDocument, text: str, options: PipelineOptions) -> Rejection | None:
    """Why a cleaned text is not an article: nothing left, too short, or not prose."""
    words = word_count(text)
    if words == 0:
        return Rejection(
            doc_id=raw.doc_id,
            source=raw.source,
            stage=Stage.NORMALISE,
            reason=Reason.EMPTY_AFTER_CLEANING,
            detail="every line was page chrome (residue patterns or site boilerplate)",
        )
    if words < options.min_words:
        return Rejection(
            doc_id=raw.doc_id,
            source=raw.source,
            stage=Stage.NORMALISE,
            reason=Reason.TOO_SHORT,
            detail=f"{words} words after cleaning; at least {options.min_words} needed",
        )
    share = prose_share(text)
    if share < options.min_prose_share:
        return Rejection(
            doc_id=raw.doc_id,
            source=raw.source,
            stage=Stage.NORMALISE,
            reason=Reason.NOT_NEWS,
            detail=f"only {share:.0%} of the words are in sentence paragraphs "
            f"(at least {options.min_prose_share:.0%} needed): a listing or index page",
        )
    return None


def build_article(
    raw: RawDocument, extracted: ExtractedDocument, text: str, words: int, language_options: LanguageOptions
) -> Article:
    text_hash = sha256_hex(text)
    canonical = canonical_url(extracted.url)
    language = detect_language(text, language_options)
    article_id = article_id_for(canonical, text_hash)
    return Article(
        article_id=article_id,
        doc_id=raw.doc_id,
        source=raw.source,
        url=raw.url or extracted.url,
        canonical_url=canonical,
        # A feed's or news sitemap's word on title and date beats a guess from the page.
        title=raw.title or extracted.title,
        author=extracted.author,
        sitename=extracted.sitename,
        published_date=raw.published_date or extracted.published_date,
        language=language.code,
        text=text,
        text_hash=text_hash,
        # Until the batch task compares it with earlier copies, an article is its own cluster.
        cluster_id=article_id,
        word_count=words,
        language_confidence=language.confidence,
    )
