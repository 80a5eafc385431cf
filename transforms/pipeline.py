"""One document through every stage: bytes in, an article with its entities and figures out."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import groupby, islice

from spacy.language import Language
from spacy.tokens import Doc

from transforms.boilerplate import drop_site_chrome, site_key, site_lines
from transforms.decode import decode_document
from transforms.dedup import minhash_signature
from transforms.entities import (
    ENGLISH,
    NerModels,
    placed_for_a_copy,
    read_texts,
    resolve_mentions,
    site_country_of,
    site_names_of,
    spans_of,
)
from transforms.extract import ExtractedDocument, baseline_text, extract_document
from transforms.figures import find_figures
from transforms.figures.parsed_objects import find_objects_and_parses
from transforms.holders import find_holders_of
from transforms.ids import article_id_for, canonical_url, figure_id_for, sha256_hex
from transforms.language import detect_language
from transforms.normalise import drop_author_lines, drop_title_line, normalise_text
from transforms.notes import drop_notes
from transforms.options import EntityOptions, LanguageOptions, PipelineOptions
from transforms.reasons import Reason, Stage
from transforms.records import Article, Entity, EntityMention, Figure, RawDocument, Rejection, SiteLine
from transforms.words import ends_like_sentence, letter_share, through_last_sentence_end, word_count


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
    # In a language a configured model reads: NER (and, in English, figures and syntax) still to do.
    needs_nlp: bool


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the NLP found in one text; an exact copy of the text takes it over (`copied_document`)."""

    mentions: list[EntityMention]
    entities: list[Entity]
    figures: list[Figure]
    ner_model: str | None


def process_document(
    raw: RawDocument, nlp: NerModels | Language, options: PipelineOptions, chrome: Collection[str] = frozenset()
) -> ProcessedDocument | Rejection:
    """Both phases for one document. `nlp`: the models (or the loaded `pipeline.entities.model`, other
    languages' models then loaded when needed). `chrome`: line hashes the warehouse knows as site chrome
    (transforms.boilerplate)."""
    prepared = prepare_document(raw, options, chrome)
    if isinstance(prepared, Rejection):
        return prepared
    if not prepared.needs_nlp:
        return without_nlp(prepared)
    return next(analyse_documents([prepared], nlp, options))


def cleaned_text(
    raw: RawDocument,
    extracted: ExtractedDocument,
    extracted_text: str,
    site: str | None,
    options: PipelineOptions,
    chrome: Collection[str],
) -> tuple[str, str]:
    """An extracted text cleaned (residue, title and author lines, notes), then without the site's chrome."""
    cleaned = normalise_text(extracted_text, options.normalise)
    if options.normalise.drop_residue:
        cleaned = drop_title_line(drop_author_lines(cleaned, extracted.author), extracted.title, raw.title)
    if options.normalise.drop_notes:
        cleaned = drop_notes(cleaned)
    text, _dropped = drop_site_chrome(site, cleaned, chrome)
    return cleaned, text


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
    site = site_key(canonical_url(extracted.url), raw.url or extracted.url, extracted.sitename)
    cleaned, text = cleaned_text(raw, extracted, extracted.text, site, options, chrome)
    rejection = reject_text(raw, text, options)
    if rejection is not None and rejection.reason == Reason.NOT_NEWS:
        # A listing by its prose share may be a story page whose extractor took the teaser cards: the
        # baseline's text (JSON-LD articleBody, <article> paragraphs) is kept when it reads as an article.
        baseline = baseline_text(decoded)
        if baseline:
            second_cleaned, second = cleaned_text(raw, extracted, baseline, site, options, chrome)
            if reject_text(raw, second, options) is None:
                cleaned, text, rejection = second_cleaned, second, None
                extracted = replace(extracted, text=baseline)
    if rejection is not None:
        return rejection
    text = drop_trailing_headlines(text)
    words = word_count(text)
    article = build_article(raw, extracted, text, words, options.language)
    return PreparedDocument(
        article=article,
        signature=minhash_signature(text, options.dedup),
        site_lines=site_lines(site, article.article_id, cleaned, options.boilerplate),
        needs_nlp=options.entities.model_for(article.language) is not None,
    )


def without_nlp(prepared: PreparedDocument) -> ProcessedDocument:
    """An article in a language no configured model reads: stored without entities."""
    return ProcessedDocument(
        article=prepared.article,
        mentions=[],
        entities=[],
        figures=[],
        signature=prepared.signature,
        site_lines=prepared.site_lines,
    )


def analyse_documents(
    prepared: Sequence[PreparedDocument], nlp: NerModels | Language, options: PipelineOptions
) -> Iterator[ProcessedDocument]:
    """NER (by the model of each article's language), and for English figures and syntax, of each
    document, in order, yielded a batch (`READ_BATCH` documents) at a time. Each run of documents for one
    model is read in batches (`read_texts`, spaCy's `nlp.pipe`), which finds the same entities as one
    call each; the holders' sentences of a batch are parsed together (`find_holders_of`).

    Figures and holders are English only: the figure parser reads English number words, units and
    count nouns, the holders English verbs (docs/evaluation.md, "French")."""
    models = nlp if isinstance(nlp, NerModels) else NerModels(options.entities, {options.entities.model: nlp})
    runs = groupby(prepared, key=lambda document: models.name_for(document.article.language))
    for name, run in runs:
        if name is None:
            raise ValueError("analyse_documents was given an article in a language no model reads")
        yield from _analyse_run(list(run), name, models.model(name), options)


def _analyse_run(
    prepared: list[PreparedDocument], model_name: str, nlp: Language, options: PipelineOptions
) -> Iterator[ProcessedDocument]:
    docs = read_texts(nlp, (p.article.text for p in prepared), options.entities, batch_size=READ_BATCH)
    pairs = zip(prepared, docs, strict=True)
    # The holders' sentences of a batch of documents are parsed together (`find_holders_of`), and so
    # are the sentences that may name a figure's object (`find_objects_of`); a batch's documents come
    # out of the NER together anyway. A sentence both read is parsed once.
    while batch := list(islice(pairs, READ_BATCH)):
        found = [_entities_and_figures(document, doc, options) for document, doc in batch]
        with_figures = [
            (document.article.text, figures, mentions) for document, mentions, _, figures in found if figures
        ]
        with_objects, parsed = find_objects_and_parses(nlp, [(text, figures) for text, figures, _ in with_figures])
        with_figures = [
            (text, figures, mentions) for (text, _, mentions), figures in zip(with_figures, with_objects, strict=True)
        ]
        with_holders = iter(find_holders_of(nlp, with_figures, parsed))
        for document, mentions, entities, figures in found:
            yield ProcessedDocument(
                article=replace(document.article, ner_model=model_name),
                mentions=mentions,
                entities=entities,
                figures=next(with_holders) if figures else figures,
                signature=document.signature,
                site_lines=document.site_lines,
            )


# Texts the model reads in one batch (`read_texts`); the holders' parser then reads their sentences.
READ_BATCH = 16


def _entities_and_figures(
    document: PreparedDocument, doc: Doc, options: PipelineOptions
) -> tuple[PreparedDocument, list[EntityMention], list[Entity], list[Figure]]:
    """Mentions and entities of the document from its NER doc, and (English only) its figures."""
    article = document.article
    text, article_id, language = article.text, article.article_id, article.language
    site_country, site_names = _site_country(article), site_names_of(_site_address(article))
    mentions, entities = resolve_mentions(
        spans_of(doc), article_id, options.entities, language, site_country, site_names
    )
    figures = find_figures(text, article_id, options.figures) if language == ENGLISH else []
    return document, mentions, entities, figures


def _site_address(article: Article) -> str | None:
    return article.canonical_url or article.url


def _site_country(article: Article) -> str | None:
    """The country the article's site names by its domain, which places towns the text leaves open."""
    return site_country_of(_site_address(article))


def analysis_of(processed: ProcessedDocument) -> Analysis:
    return Analysis(processed.mentions, processed.entities, processed.figures, processed.article.ner_model)


def copied_document(prepared: PreparedDocument, earlier: Analysis, options: EntityOptions) -> ProcessedDocument:
    """An exact copy (same normalised text) takes the earlier text's analysis under its own article id,
    with the towns its own site's country places moved there (`placed_for_a_copy`: resolution only, no NER).

    Offsets stay valid because the text is the same; figure ids hash article and offsets, so they are
    made again for this article.
    """
    article = prepared.article
    article_id = article.article_id
    site_country = _site_country(article)
    mentions, moved = placed_for_a_copy(earlier.mentions, article.text, site_country, options, article.language)
    known = {entity.entity_id for entity in earlier.entities}
    return ProcessedDocument(
        article=replace(article, ner_model=earlier.ner_model),
        mentions=[replace(m, article_id=article_id) for m in mentions],
        entities=list(earlier.entities) + [entity for entity in moved if entity.entity_id not in known],
        figures=[
            replace(f, article_id=article_id, figure_id=figure_id_for(article_id, f.char_start, f.char_end))
            for f in earlier.figures
        ],
        signature=prepared.signature,
        site_lines=prepared.site_lines,
    )


def paragraphs(text: str) -> list[str]:
    """The text's lines joined back into paragraphs where a hard wrap split a sentence.

    A line that does not end like a sentence runs on into the next when the next starts in
    lower case, or when the text is hard-wrapped and the line was filled to the wrap width.
    Headline lists and table rows rarely run on: they stay one paragraph per line.
    """
    lines = [cell for line in text.splitlines() for cell in _cells(line) if cell.strip()]
    width = _wrap_width(lines)
    joined: list[str] = []
    previous = ""
    for line in lines:
        if joined and _runs_on(previous, line, width):
            joined[-1] = f"{joined[-1]} {line.strip()}"
        else:
            joined.append(line.strip())
        previous = line
    return joined


def _cells(line: str) -> list[str]:
    """A table row as trafilatura writes it ("| cell | cell |") is one paragraph per cell: a story
    laid out in a table cell is prose, a score table's cells are not."""
    if _is_table_row(line):
        return [cell.strip() for cell in line.strip()[1:-1].split(" | ")]
    return [line]


def _wrap_width(lines: list[str]) -> int | None:
    """The width a hard-wrapped text was filled to, or None when its lines do not look wrapped.

    Wrapped text has most of its lines within a few characters of one width (that of a
    terminal or e-mail, 40 to 100 characters); a paragraph's last line is the short exception.
    """
    if len(lines) < 4:
        return None
    width = max(len(line) for line in lines)
    if not _MIN_WRAP_WIDTH <= width <= _MAX_WRAP_WIDTH:
        return None
    full = sum(1 for line in lines if len(line) >= width - _WRAP_SLACK)
    return width if full * 2 >= len(lines) else None


# Text is wrapped at 60 to 80 columns; rows of a score table or a list of short items are not wrapped text.
_MIN_WRAP_WIDTH = 40
_MAX_WRAP_WIDTH = 100
_WRAP_SLACK = 20


def _runs_on(previous: str, line: str, width: int | None) -> bool:
    # A marked list item starts a paragraph of its own, however full the line before it.
    if ends_like_sentence(previous) or _LIST_MARKER.match(line.lstrip()):
        return False
    first = line.lstrip()[:1]
    if first.islower():
        return True
    return width is not None and len(previous) >= width - _WRAP_SLACK


def prose_words(text: str) -> tuple[int, int]:
    """Words in sentences of paragraphs with at least 8 such words, and all words but a headline's.

    A short first line that is not prose is the page's headline (when the extractor kept it under
    another wording than the title): every article has one, so it is neither prose nor list. On a
    short note (an event's 60 words) it alone decided "listing" (newspaper dev page d5a96ceb).
    """
    total = prose = 0
    for index, paragraph in enumerate(paragraphs(text)):
        words = word_count(paragraph)
        in_sentences = _sentence_words(paragraph, words)
        if index == 0 and not in_sentences and words <= _MAX_HEADLINE_WORDS:
            continue
        total += words
        prose += in_sentences
    return prose, total


def _sentence_words(paragraph: str, words: int) -> int:
    if ends_like_sentence(paragraph):
        return words if words >= _MIN_PROSE_WORDS else 0
    # Sentences followed by a few words that are not one (a credit, a flattened link): the sentences count.
    sentences = word_count(through_last_sentence_end(paragraph))
    return sentences if sentences >= _MIN_PROSE_WORDS else 0


_MIN_PROSE_WORDS = 8
# Headlines run to about 15 words; a longer first line is text.
_MAX_HEADLINE_WORDS = 15


def prose_share(text: str) -> float:
    """Share of words in paragraphs of at least 8 words that end like a sentence."""
    prose, total = prose_words(text)
    return prose / total if total else 0.0


def is_list_article(text: str, options: PipelineOptions) -> bool:
    """A list-heavy article (deals, meal plans, release notes): prose enough to be a story, and
    list lines made of words. Score tables and calendars are numbers; link indexes have no prose.

    Items the text itself marks as a list ("+ Added …", "- …", "1. …") and that are made of words
    count as its prose: release notes and change lists are all items, with a headline and no
    paragraph. An index of headlines is not written with markers (trafilatura drops link lists or
    writes them unmarked), and a marked list of scores or dates is numbers, not words.
    """
    prose, total = prose_words(text)
    if not total:
        return False
    listed = "\n".join(
        _without_marker(p)
        for p in paragraphs(text)
        if not (word_count(p) >= _MIN_PROSE_WORDS and ends_like_sentence(p))
    )
    if letter_share(listed) < options.min_list_letter_share:
        return False
    if prose >= options.min_words and prose / total >= options.min_list_prose_share:
        return True
    # Priced lines count only beside a story's worth of prose: a deal post has its intro, a shop's
    # price list or a menu has none.
    written = prose + marked_item_words(text, options, priced=prose >= options.min_words)
    return written >= options.min_words and written / total >= options.min_prose_share


def is_story_with_tables(text: str, options: PipelineOptions) -> bool:
    """A story with data tables (a study's figures, a results table under a report): its text without
    the table rows is an article on its own, and at least `min_table_prose_share` of all its words are
    prose. The rows' numbers do not count against it, as a list's would: a table is set apart from the
    story by its markup, a list of scores is not. A rankings table, a calendar or a catalogue under a
    short introduction has far less prose than that (WCXB dev pages: 10-14% against 45% for a study)."""
    lines = text.splitlines()
    rest = "\n".join(line for line in lines if not _is_table_row(line))
    if len(rest) == len(text):
        return False
    prose, total = prose_words(text)
    if not total or prose / total < options.min_table_prose_share:
        return False
    rest_prose, rest_total = prose_words(rest)
    if not rest_total or rest_prose < options.min_words:
        return False
    return rest_prose / rest_total >= options.min_prose_share or is_list_article(rest, options)


def _is_table_row(line: str) -> bool:
    """A row of a data table as trafilatura writes it: "| cell | cell |" (and its "|---|" rule)."""
    stripped = line.strip()
    return len(stripped) > 1 and stripped.startswith("|") and stripped.endswith("|")


def marked_item_words(text: str, options: PipelineOptions, *, priced: bool = False) -> int:
    """Words in the text's list items of at least `_MIN_ITEM_WORDS` words that are mostly letters,
    those not already counted as prose (items of 8 words or more ending like a sentence).

    An item is marked ("- …", "1. …") or, with `priced`, priced: a deal list writes its items
    unmarked, one product and its price a line ("Trail Runner 2 Sale Price $89 Regular Price $120";
    newspaper dev page 2dcde9d0). An index of headlines has neither markers nor prices; a score table
    or calendar is numbers, not words.
    """
    words = 0
    for paragraph in paragraphs(text):
        item = _without_marker(paragraph)
        if item == paragraph and not (priced and _PRICE.search(paragraph)):
            continue
        if word_count(paragraph) >= _MIN_PROSE_WORDS and ends_like_sentence(paragraph):
            continue
        if _WEB_ADDRESS.search(item):
            # A link roundup's item ("Headline via site https://…") is an index entry, not a change.
            continue
        count = word_count(item)
        if count >= _MIN_ITEM_WORDS and letter_share(item) >= options.min_list_letter_share:
            words += count
    return words


def _without_marker(paragraph: str) -> str:
    """A list item without its bullet or number: "01." in a ranking is not a number of the list's data."""
    match = _LIST_MARKER.match(paragraph)
    return paragraph[match.end() - 1 :] if match else paragraph


# A list item as written in text: a bullet or dash, or a number with a dot or bracket, then a space.
_LIST_MARKER = re.compile(r"(?:[-+*•·‣▪►–—]|\d{1,3}[.)])\s+\S")
# "+ Added banners": a change or a deal is a few words; a lone "- Home" is a link.
_MIN_ITEM_WORDS = 3
_WEB_ADDRESS = re.compile(r"https?://|\bwww\.", re.IGNORECASE)
# A price as a deal writes it: a currency sign or code beside an amount ("$89", "£4.99", "120 €", "EUR 35").
_PRICE = re.compile(
    r"[$£€¥]\s?\d|\d(?:[.,]\d{1,2})?\s?[€£]|\b(?:USD|EUR|GBP|CHF|CAD|AUD)\s?\d|\d\s?(?:USD|EUR|GBP|CHF)\b"
)


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
    if (
        share < options.min_prose_share
        and not is_list_article(text, options)
        and not is_story_with_tables(text, options)
    ):
        return Rejection(
            doc_id=raw.doc_id,
            source=raw.source,
            stage=Stage.NORMALISE,
            reason=Reason.NOT_NEWS,
            detail=f"only {share:.0%} of the words are in sentence paragraphs "
            f"(at least {options.min_prose_share:.0%} needed, {options.min_list_prose_share:.0%} beside list "
            f"lines of words, or {options.min_table_prose_share:.0%} beside data tables): a listing, index or "
            "score page",
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
        # A page stored before date_source existed has its listing's date but not the listing's kind: NULL.
        date_source=raw.date_source if raw.published_date else extracted.date_source,
        language=language.code,
        text=text,
        text_hash=text_hash,
        # Until the batch task compares it with earlier copies, an article is its own cluster.
        cluster_id=article_id,
        word_count=words,
        language_confidence=language.confidence,
    )


def drop_trailing_headlines(text: str) -> str:
    """The text without short headline-like lines after its last sentence paragraph: teasers of other
    stories and "most read" lists that the extractor ran on into (newspaper dev pages: bodies cleaned
    by hand end at the story). Kept: one such line (a credit, a sign-off), lines longer than a headline
    or ending like a sentence, marked list items, and lines after a sentence that announces them
    ("The six matches:"). The limits (2 or more lines, 15 words a line, 100 words in all) were
    chosen on the development sets' pages, not on test pages."""
    lines = text.splitlines()
    last = None
    for index, line in enumerate(lines):
        if word_count(line) >= _MIN_PROSE_WORDS and ends_like_sentence(line):
            last = index
    if last is None or lines[last].rstrip().endswith(":"):
        return text
    tail = [line for line in lines[last + 1 :] if line.strip()]
    if len(tail) < _MIN_TAIL_LINES or sum(word_count(line) for line in tail) > _MAX_TAIL_WORDS:
        return text
    if any(
        word_count(line) > _MAX_HEADLINE_WORDS or _LIST_MARKER.match(line.lstrip()) or ends_like_sentence(line)
        for line in tail
    ):
        return text
    return "\n".join(lines[: last + 1])


_MIN_TAIL_LINES = 2
_MAX_TAIL_WORDS = 100
