"""One document through every stage: bytes in, an article with its entities and figures out."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field, replace

from spacy.language import Language

from transforms.boilerplate import drop_site_chrome, site_key, site_lines
from transforms.decode import decode_document
from transforms.dedup import minhash_signature
from transforms.entities import read_texts, resolve_mentions, spans_of
from transforms.extract import ExtractedDocument, extract_document
from transforms.figures import find_figures
from transforms.holders import find_holders
from transforms.ids import article_id_for, canonical_url, figure_id_for, sha256_hex
from transforms.language import detect_language
from transforms.normalise import drop_author_lines, normalise_text, word_count
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


@dataclass(frozen=True, slots=True)
class PreparedDocument:
    """A document after extraction and cleaning: its article, before any NLP."""

    article: Article
    signature: tuple[int, ...]
    site_lines: list[SiteLine]
    # In a language the model reads: NER, figures and syntax are still to do.
    needs_nlp: bool


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the NLP found in one text; an exact copy of the text takes it over (`copied_document`)."""

    mentions: list[EntityMention]
    entities: list[Entity]
    figures: list[Figure]
    ner_model: str | None


def process_document(
    raw: RawDocument, nlp: Language, options: PipelineOptions, chrome: Collection[str] = frozenset()
) -> ProcessedDocument | Rejection:
    """Both phases for one document. `chrome`: line hashes the warehouse knows as site chrome
    (transforms.boilerplate)."""
    prepared = prepare_document(raw, options, chrome)
    if isinstance(prepared, Rejection):
        return prepared
    if not prepared.needs_nlp:
        return without_nlp(prepared)
    return next(analyse_documents([prepared], nlp, options))


def prepare_document(
    raw: RawDocument, options: PipelineOptions, chrome: Collection[str] = frozenset()
) -> PreparedDocument | Rejection:
    """Decoding, extraction and cleaning: everything before the model, so an exact copy of a known text
    can be found (by `text_hash`) before its NLP is paid for."""
    decoded = decode_document(raw)
    if isinstance(decoded, Rejection):
        return decoded
    extracted = extract_document(raw, decoded, options.extract)
    if isinstance(extracted, Rejection):
        return extracted
    cleaned = normalise_text(extracted.text, options.normalise)
    if options.normalise.drop_residue:
        cleaned = drop_author_lines(cleaned, extracted.author)
    site = site_key(canonical_url(extracted.url), raw.url or extracted.url, extracted.sitename)
    text, _dropped = drop_site_chrome(site, cleaned, chrome)
    rejection = reject_text(raw, text, options)
    if rejection is not None:
        return rejection
    words = word_count(text)
    article = build_article(raw, extracted, text, words, options.language)
    return PreparedDocument(
        article=article,
        signature=minhash_signature(text, options.dedup),
        site_lines=site_lines(site, article.article_id, cleaned, options.boilerplate),
        needs_nlp=article.language in options.entities.languages,
    )


def without_nlp(prepared: PreparedDocument) -> ProcessedDocument:
    """An article in a language the model does not read: stored without entities."""
    return ProcessedDocument(
        article=prepared.article,
        mentions=[],
        entities=[],
        figures=[],
        signature=prepared.signature,
        site_lines=prepared.site_lines,
    )


def analyse_documents(
    prepared: Sequence[PreparedDocument], nlp: Language, options: PipelineOptions
) -> Iterator[ProcessedDocument]:
    """NER, figures and syntax of each document, in order, yielded as each is done. The model reads the
    texts in batches (`read_texts`, spaCy's `nlp.pipe`), which finds the same entities as one call each."""
    docs = read_texts(nlp, (p.article.text for p in prepared), options.entities)
    for document, doc in zip(prepared, docs, strict=True):
        text, article_id = document.article.text, document.article.article_id
        mentions, entities = resolve_mentions(spans_of(doc), article_id)
        figures = find_holders(nlp, text, find_figures(text, article_id, options.figures), mentions)
        yield ProcessedDocument(
            article=replace(document.article, ner_model=options.entities.model),
            mentions=mentions,
            entities=entities,
            figures=figures,
            signature=document.signature,
            site_lines=document.site_lines,
        )


def analysis_of(processed: ProcessedDocument) -> Analysis:
    return Analysis(processed.mentions, processed.entities, processed.figures, processed.article.ner_model)


def copied_document(prepared: PreparedDocument, earlier: Analysis) -> ProcessedDocument:
    """An exact copy (same normalised text) takes the earlier text's analysis under its own article id.

    Offsets stay valid because the text is the same; figure ids hash article and offsets, so they are
    made again for this article.
    """
    article_id = prepared.article.article_id
    return ProcessedDocument(
        article=replace(prepared.article, ner_model=earlier.ner_model),
        mentions=[replace(m, article_id=article_id) for m in earlier.mentions],
        entities=list(earlier.entities),
        figures=[
            replace(f, article_id=article_id, figure_id=figure_id_for(article_id, f.char_start, f.char_end))
            for f in earlier.figures
        ],
        signature=prepared.signature,
        site_lines=prepared.site_lines,
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
