"""One document through every stage: bytes in, an article with its entities and figures out."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.language import Language

from transforms.decode import decode_document
from transforms.entities import EntityOptions, read_text, resolve_mentions, spans_of
from transforms.extract import ExtractedDocument, ExtractOptions, extract_document
from transforms.figures import FigureOptions, find_figures
from transforms.holders import find_holders
from transforms.ids import article_id_for, canonical_url, sha256_hex
from transforms.language import LanguageOptions, detect_language
from transforms.normalise import NormaliseOptions, normalise_text, word_count
from transforms.records import Article, Entity, EntityMention, Figure, RawDocument, Rejection


@dataclass(frozen=True, slots=True)
class PipelineOptions:
    extract: ExtractOptions = field(default_factory=ExtractOptions)
    normalise: NormaliseOptions = field(default_factory=NormaliseOptions)
    language: LanguageOptions = field(default_factory=LanguageOptions)
    entities: EntityOptions = field(default_factory=EntityOptions)
    figures: FigureOptions = field(default_factory=FigureOptions)
    min_words: int = 50


@dataclass(frozen=True, slots=True)
class ProcessedDocument:
    article: Article
    mentions: list[EntityMention]
    entities: list[Entity]
    figures: list[Figure]


def process_document(raw: RawDocument, nlp: Language, options: PipelineOptions) -> ProcessedDocument | Rejection:
    decoded = decode_document(raw)
    if isinstance(decoded, Rejection):
        return decoded
    extracted = extract_document(raw, decoded, options.extract)
    if isinstance(extracted, Rejection):
        return extracted
    text = normalise_text(extracted.text, options.normalise)
    words = word_count(text)
    if words < options.min_words:
        return Rejection(doc_id=raw.doc_id, source=raw.source, stage="normalise", reason="too_short",
                         detail=f"{words} words after cleaning; at least {options.min_words} needed")
    article = build_article(raw, extracted, text, words, options.language)
    if article.language not in options.entities.languages:
        return ProcessedDocument(article=article, mentions=[], entities=[], figures=[])
    doc = read_text(nlp, text, options.entities)
    mentions, entities = resolve_mentions(spans_of(doc), article.article_id)
    figures = find_holders(nlp, text, find_figures(text, article.article_id, options.figures), mentions)
    article = replace(article, ner_model=options.entities.model)
    return ProcessedDocument(article=article, mentions=mentions, entities=entities, figures=figures)


def build_article(raw: RawDocument, extracted: ExtractedDocument, text: str, words: int,
                  language_options: LanguageOptions) -> Article:
    text_hash = sha256_hex(text)
    canonical = canonical_url(extracted.url)
    language, _confidence = detect_language(text, language_options)
    return Article(
        article_id=article_id_for(canonical, text_hash),
        doc_id=raw.doc_id,
        source=raw.source,
        url=raw.url or extracted.url,
        canonical_url=canonical,
        # A feed's or news sitemap's word on title and date beats a guess from the page.
        title=raw.title or extracted.title,
        author=extracted.author,
        sitename=extracted.sitename,
        published_date=raw.published_date or extracted.published_date,
        language=language,
        text=text,
        text_hash=text_hash,
        # Exact copies group by text until near-duplicate clustering (MinHash) lands.
        cluster_id=text_hash[:32],
        word_count=words,
    )
