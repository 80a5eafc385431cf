"""Main text and metadata of a page (trafilatura) or of a plain-text article."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from copy import copy
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from html import escape

import trafilatura
from htmldate import find_date
from lxml.etree import XPath
from lxml.html import HtmlElement
from trafilatura.htmlprocessing import prune_unwanted_nodes
from trafilatura.settings import Document

from transforms.damaged_markup import mended_markup
from transforms.deep_markup import flattened_past_depth
from transforms.extract_tables import text_with_tables_tidied
from transforms.normalise import metadata_field
from transforms.options import ExtractOptions
from transforms.reasons import Reason, Stage
from transforms.records import RawDocument, Rejection
from transforms.words import ends_like_sentence, sentence_share, word_count, words


@dataclass(frozen=True, slots=True)
class ExtractedDocument:
    text: str
    title: str | None
    author: str | None
    sitename: str | None
    url: str | None
    published_date: date | None
    # Where published_date was found on the page: "url", "page" (meta tags, JSON-LD) or "text"
    # (the body or other markup); None without a date.
    date_source: str | None = None


def extract_document(raw: RawDocument, decoded: str, options: ExtractOptions) -> ExtractedDocument | Rejection:
    if raw.media_type == "text/html":
        return extract_html(raw, decoded, options)
    return extract_plain_text(decoded, raw.url, options)


def extract_html(raw: RawDocument, html: str, options: ExtractOptions) -> ExtractedDocument | Rejection:
    html = flattened_past_depth(html)  # lxml builds no tree past 256 levels: a deep story was no text at all
    if options.mend_markup:
        html = mended_markup(html)  # a crawl's seam in the page's first tags left the parser no body
    date_params: dict[str, object] = {
        "original_date": True,
        "extensive_search": options.extensive_date_search,
    }
    if raw.fetched_at is not None:
        date_params["max_date"] = raw_max_date(raw)
    try:
        page = ParsedPage(html, options)
        document = _first_pass(raw, page, options, date_params)
        text = _text_of(document)
        if options.own_pass_max_kept and text and not options.favor_recall:
            text = own_extractor_text(raw, page, options, text)
        if (
            options.fallback_below_words
            and not options.favor_recall
            and word_count(text) < options.fallback_below_words
        ):
            # A short text from a page may be all of a short story or a sliver of a long one that
            # the first pass judged unsure (a paywall notice kept, the body dropped): a pass that
            # favours recall decides, and wins only when it finds much more of the same story.
            second = _bare_extraction(raw, page, options, None, recall=True)
            second_text = _text_of(second)
            if isinstance(second, Document) and recall_text_wins(text, second_text, options):
                text = second_text
                document = document if isinstance(document, Document) else second
        text = precision_trimmed(raw, page, options, text)
    except Exception as error:  # noqa: BLE001 - trafilatura raises many kinds on hostile markup
        return Rejection(
            doc_id=raw.doc_id,
            source=raw.source,
            stage=Stage.EXTRACT,
            reason=Reason.EXTRACTOR_ERROR,
            detail=f"{type(error).__name__}: {error}"[:500],
        )
    # bare_extraction gives a dict only when asked to (as_dict), which is not done here.
    if not isinstance(document, Document) or not text.strip():
        return Rejection(
            doc_id=raw.doc_id,
            source=raw.source,
            stage=Stage.EXTRACT,
            reason=Reason.NO_TEXT,
            detail="no main text found in the page",
        )
    return ExtractedDocument(
        text=text,
        title=metadata_field(document.title),
        author=metadata_field(document.author),
        sitename=metadata_field(document.sitename),
        url=document.url or raw.url,
        published_date=parse_iso_date(document.date),
        date_source=page_date_source(html, document.url or raw.url, document.date, raw_max_date(raw)),
    )


def baseline_text(decoded: str) -> str:
    """The story as trafilatura's baseline reads it from the page's JSON-LD `articleBody`.

    Tried when the first pass's text reads as a listing: on some story pages
    (tennis.com's, newspaper dev pages 4170eb0a and f37c24cc) the extractor picks a block of teaser cards
    while the story sits in the page's JSON-LD.

    Only a page that declares an `articleBody` is tried: the baseline's other sources (a page's paragraphs)
    turned 16 of 704 WCXB pages that are not news (shop, forum and documentation pages) into articles."""
    if '"articleBody"' not in decoded:
        return ""
    try:
        _tree, text, _length = trafilatura.baseline(decoded)
    except Exception:  # noqa: BLE001  # a second try must not turn a rejection into a crash
        return ""
    return text or ""


def recall_text_wins(first: str, second: str, options: ExtractOptions) -> bool:
    """The recall pass's text replaces a short first text when it has at least `fallback_min_gain`
    times its words and keeps `fallback_min_kept` of them: a recall text without the first text's
    words is another block of the page (a cookie policy, a donation appeal), not more of the story.
    A first text under `fallback_story_min_words` (a slogan, a headline) has no story to keep."""
    first_words = word_count(first)
    return word_count(second) >= options.fallback_min_gain * max(first_words, 1) and (
        first_words < options.fallback_story_min_words or kept_share(first, second) >= options.fallback_min_kept
    )


def own_extractor_text(raw: RawDocument, html: str | ParsedPage, options: ExtractOptions, text: str) -> str:
    """The first pass's text, or that of trafilatura's own extractor alone when the first pass took
    another, longer block of the page instead.

    trafilatura compares its own extraction with readability's and jusText's and takes theirs when
    it is much longer. On news pages that longer text is often not the story: a donation appeal, a
    cookie policy, teasers or a second story run together (newspaper4k dev pages), while its own
    extraction had the story. Its own text wins only when it is shorter (but a story's length), reads
    as prose and shares few of its words with the first text (a different block, not the same story
    cut shorter, which is what it is on long guides and on old table layouts, where the comparison is
    right). A first text too short for a shorter story's length is not checked: no second pass."""
    if word_count(text) <= options.own_pass_min_words:
        return text
    own = _text_of(_bare_extraction(raw, html, options, None, recall=False, fast=True))
    if (
        options.own_pass_min_words <= word_count(own) < word_count(text)
        and sentence_share(own) >= OWN_TEXT_MIN_SENTENCE_SHARE
        and kept_share(own, text) < options.own_pass_max_kept
    ):
        return own
    return text


# The own extractor's text must read as a story: at least half of its words in sentences.
OWN_TEXT_MIN_SENTENCE_SHARE = 0.5


def precision_trimmed(raw: RawDocument, html: str | ParsedPage, options: ExtractOptions, text: str) -> str:
    """The text trimmed by a pass with trafilatura's precision preset (`trimmed_to_precision_edges`).
    Only a text with a chrome-like line at an end can be trimmed: no such pass otherwise. The trim
    is a refinement: a pass that fails on markup the first pass read keeps the text as it is."""
    if (
        not options.precision_edge_max_words
        or options.favor_precision
        or options.favor_recall
        or not has_chrome_edge(text, options.precision_edge_max_words)
    ):
        return text
    try:
        precise = _text_of(_bare_extraction(raw, html, options, None, recall=False, precision=True))
    except Exception:  # noqa: BLE001 - trafilatura raises many kinds on hostile markup
        return text
    return trimmed_to_precision_edges(text, precise, options.precision_edge_max_words)


def trimmed_to_precision_edges(text: str, precise: str, max_words: int) -> str:
    """The text without the chrome lines at its start and end that trafilatura's precision preset
    leaves out of the same story.

    The preset drops link-heavy lists and headings and trailing titles more strictly than the
    balanced pass, and with them the "Most read" lists, "Next: …" teasers, deal links, login
    prompts and journal or edition lines around a story; but it also cuts long guides short and
    drops story paragraphs, so its text is not taken whole (docs/evaluation.md, round 18). Only
    lines at either end are dropped, each short (at most `max_words` words) and not ending like a
    sentence (or a list item), and only while the precision text is the same story: most of its
    words are in the text. A line the precision text has too stops the trimming at that end; a
    trim that would take more than `PRECISION_EDGES_MAX_SHARE` of the words is not made."""
    if not precise or kept_share(precise, text) < PRECISION_TEXT_MIN_KEPT:
        return text
    precise_lines = " ".join(_folded_line(line) for line in precise.splitlines())
    lines = text.splitlines()

    def dropped(line: str) -> bool:
        folded = _folded_line(line)
        return not folded or (folded not in precise_lines and _is_chrome_line(line, max_words))

    end = len(lines)
    while end > 0 and dropped(lines[end - 1]):
        end -= 1
    start = 0
    while start < end and dropped(lines[start]):
        start += 1
    kept = "\n".join(lines[start:end])
    if word_count(kept) < (1 - PRECISION_EDGES_MAX_SHARE) * word_count(text):
        return text
    return kept


def has_chrome_edge(text: str, max_words: int) -> bool:
    """The text's first or last line is short and does not end like a sentence: a line that
    `trimmed_to_precision_edges` may drop."""
    lines = [line for line in text.splitlines() if line.strip()]
    return bool(lines) and (_is_chrome_line(lines[0], max_words) or _is_chrome_line(lines[-1], max_words))


# The precision text must be the same story as the text it trims: this share of its words in it.
PRECISION_TEXT_MIN_KEPT = 0.8
# The lines trimmed are at most this share of the text's words: edges, not the page. A lawyer's
# home page (trafilatura's dev page anwaltniemeyer.de) is one paragraph and 330 words of testimonials
# that end in „…“ quotes and dates, and trimming them all left too few words to keep the page.
PRECISION_EDGES_MAX_SHARE = 0.5


def _is_chrome_line(line: str, max_words: int) -> bool:
    stripped = line.strip()
    return word_count(stripped) <= max_words and (stripped.startswith(_LIST_MARKS) or not ends_like_sentence(stripped))


# trafilatura writes a list item as "- item".
_LIST_MARKS = ("- ", "* ", "• ")


def _folded_line(line: str) -> str:
    """A line as the two passes may both write it: case, spacing and list marks aside."""
    return " ".join(_LEADING_MARKS.sub("", unicodedata.normalize("NFKC", line).casefold()).split())


_LEADING_MARKS = re.compile(r"^[-*•|\s]+")


def kept_share(first: str, second: str) -> float:
    """Share of the first text's words that the second text has too (as a bag of words).

    A recall pass that finds more words around the same story keeps nearly all of the first pass's;
    one that found another block of the page instead (a cookie policy, a donation appeal, the
    comments) keeps few of them, and its text is not the story's longer version. Words are those
    that `word_count` counts, so a Japanese or Chinese sentence weighs as many words as it is
    long and not as one, beside the Latin names, numbers and credits on the same page."""
    first_words = _bag_of_words(first)
    if not first_words:
        return 1.0
    common = first_words & _bag_of_words(second)
    return sum(common.values()) / sum(first_words.values())


def _bag_of_words(text: str) -> Counter[str]:
    # "Harbour," and "harbour" are one word; so are "U.S." and "US".
    return Counter(_NOT_WORD_CHARS.sub("", word) for word in words(text.casefold()))


_NOT_WORD_CHARS = re.compile(r"\W+")


def _text_of(document: object) -> str:
    """A pass's text, its layout and navigation tables tidied (transforms/extract_tables.py)."""
    if not isinstance(document, Document) or not document.text:
        return ""
    return text_with_tables_tidied(document.body, document.text)


class ParsedPage:
    """A page parsed once for all of its trafilatura passes (up to four: first, own extractor, recall,
    precision), and pruned (`prune_paths`) once for those after the first.

    trafilatura reads a parsed tree as it reads the page's text: it copies the tree and goes on as after its
    own parse (`trafilatura.load_html`, the same function), so each pass's text and metadata are the same,
    for a copy of the tree instead of a new parse, the repair of the markup's text and the prune each time
    (bench/extraction_identity.py; docs/benchmarks.md, round 22). The first pass still prunes its own copy:
    it reads the metadata (an author's name, say) before the prune."""

    __slots__ = ("_pruned", "html", "prune", "tree")

    def __init__(self, html: str, options: ExtractOptions) -> None:
        self.html = html
        self.prune = prune_paths(options)
        self.tree = _parsed(html)
        self._pruned: HtmlElement | None = None

    def pass_input(self, *, with_metadata: bool) -> tuple[str | HtmlElement, list[str] | None]:
        """What a pass reads, and the XPaths it still prunes from its copy."""
        if self.tree is None:  # trafilatura finds no tree either: as it was, it says so
            return self.html, self.prune or None
        if with_metadata or not self.prune:
            return self.tree, self.prune or None
        return self.pruned(self.tree), None

    def pruned(self, tree: HtmlElement) -> HtmlElement:
        """The page's tree pruned, made once: each pass reads its own copy of it."""
        if self._pruned is None:
            self._pruned = prune_unwanted_nodes(copy(tree), _compiled(tuple(self.prune)))
        return self._pruned


def _first_pass(raw: RawDocument, page: ParsedPage, options: ExtractOptions, date_params: dict[str, object]) -> object:
    """The first pass: the page's metadata read from its whole tree, its text from the pruned tree.

    As trafilatura's pass with metadata does it (`bare_extraction`: `extract_metadata`, then the prune, then
    the text), but the pruned tree the next passes read serves this one too: a copy and a prune less a page."""
    if page.tree is None or not page.prune:
        return _bare_extraction(raw, page, options, date_params, recall=options.favor_recall)
    page.pruned(page.tree)  # made before the metadata is read from the tree, which no later pass reads
    try:
        # bare_extraction's own call: its `fast` (False in this pass) is the `extensive` argument.
        document = trafilatura.extract_metadata(page.tree, raw.url, date_params, False, set())
    except (TypeError, ValueError):  # no document, as bare_extraction says it
        return None
    text = _bare_extraction(raw, page, options, None, recall=options.favor_recall)
    if not isinstance(text, Document):
        return None
    document.text, document.raw_text, document.body = text.text, text.raw_text, text.body
    return document


def _parsed(html: str) -> HtmlElement | None:
    try:
        return trafilatura.load_html(html)
    except (TypeError, ValueError):  # what bare_extraction turns into no document: each pass then says so
        return None


@lru_cache(maxsize=8)
def _compiled(paths: tuple[str, ...]) -> list[XPath]:
    return [XPath(path) for path in paths]


def _bare_extraction(
    raw: RawDocument,
    html: str | ParsedPage,
    options: ExtractOptions,
    date_params: dict[str, object] | None,
    *,
    recall: bool,
    fast: bool = False,
    precision: bool = False,
) -> object:
    """One trafilatura pass; metadata (and its date search) only when date_params are given; `fast`:
    its own extractor alone, without the comparison with readability and jusText."""
    page = html if isinstance(html, ParsedPage) else ParsedPage(html, options)
    content, prune_xpath = page.pass_input(with_metadata=date_params is not None)
    return trafilatura.bare_extraction(
        content,
        url=raw.url,
        with_metadata=date_params is not None,
        deduplicate=False,
        include_comments=False,
        include_tables=options.include_tables,
        favor_precision=(options.favor_precision or precision) and not recall,
        favor_recall=recall,
        fast=fast,
        date_extraction_params=date_params,
        prune_xpath=prune_xpath,
    )


def prune_paths(options: ExtractOptions) -> list[str]:
    """The XPaths of the elements cut from the page before a trafilatura pass."""
    paths = []
    if options.prune_boxes:
        paths.append(SIGN_UP_AND_BIO_BOXES)
    if options.prune_embedded_posts:
        paths.append(EMBEDDED_POSTS)
    if options.prune_comment_lists:
        paths.append(COMMENT_LISTS)
    return paths


# Boxes beside a story that trafilatura's own discard list names but leaves in when its guard undoes
# every discard because they would take most of the text (the story's own container has a class it
# discards, "widget" or "meta"): newsletter sign-up forms and the author's biography. A box is short
# and holds no headline; a story wrapper whose class names a newsletter ("has-newsletter-signup") is
# neither. Measured on the development sets (docs/evaluation.md, round 12).
# Class or id pieces naming such a box, in the spellings met ("newsletterForm", "Newsletter_Form",
# "signUp", "author_bio"): plain substring tests, as lower-casing every element's class in the
# XPath (translate) made the prune cost 3 times as much.
_BOX_NAME_PIECES = (
    "ewsletter",
    "ignup",
    "ignUp",
    "ign-up",
    "ign_up",
    "uthorbio",
    "uthorBio",
    "uthor-bio",
    "uthor_bio",
    "bout-author",
)
SIGN_UP_AND_BIO_BOXES = (
    ".//*[self::div or self::section or self::aside]["
    + " or ".join(f"contains(@{attribute}, '{piece}')" for attribute in ("class", "id") for piece in _BOX_NAME_PIECES)
    + "][not(.//h1)][string-length(normalize-space(.)) < 1000]"
)


# Posts of social networks embedded in a story: the network's script turns a blockquote of a known
# class into its player, and the blockquote's own text is the post's words, its author's handle and
# date ("View this post on Instagram", "pic.twitter.com/… — Name (@handle) December 7, 2023").
# trafilatura keeps a blockquote as a quotation of the story. The story reports what a post says in
# its own sentences; the post itself is not its text (newspaper dev pages: the hand-cleaned bodies
# leave embedded posts out; docs/evaluation.md, round 13).
_EMBEDDED_POST_CLASSES = (
    "twitter-tweet",
    "twitter-video",
    "instagram-media",
    "tiktok-embed",
    "text-post-media",  # Threads
    "bluesky-embed",
    "reddit-embed",
    "fb-xfbml-parse-ignore",  # a Facebook post's fallback text
)
EMBEDDED_POSTS = (
    ".//blockquote["
    + " or ".join(f"contains(@class, '{name}')" for name in _EMBEDDED_POST_CLASSES)
    + "] | .//div[contains(@class, 'fb-post')]"
)


# Readers' comments written into the page as a list of comment items. trafilatura discards comment
# containers, but undoes every discard when they would take most of the text, as on pages whose story
# container has a class it discards ("widget"; the boxes above): a forum's widget under a story
# ("xenforo-comments-list" of "xenforo-comment" items, Tom's Hardware on the newspaper set) was then kept
# as the story's closing list, each comment a "- name text Reply" line. The mark is a list of two or more
# items named for comments, each with more than a line's worth of text (a comment's body, not a share
# bar's "12 comments" button), and no headline (docs/evaluation.md, round 32, extract49).
_COMMENT_ITEM = "li[contains(@class, 'comment')][string-length(normalize-space()) > 50]"
COMMENT_LISTS = f".//*[self::ul or self::ol][count({_COMMENT_ITEM}) >= 2][not(.//h1)]"


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


def raw_max_date(raw: RawDocument) -> str | None:
    """A page cannot be published after it was fetched; this also keeps the clock out."""
    return raw.fetched_at.date().isoformat() if raw.fetched_at is not None else None


def page_date_source(html: str, url: str | None, found: str | None, max_date: str | None) -> str | None:
    """Where htmldate found the page's date, told by asking it again with less of the page.

    htmldate takes a date in the URL before anything else; then meta tags and JSON-LD; then dates
    in the markup and text. So: the date the URL alone gives is "url"; else the date the page's
    head and JSON-LD alone give is "page"; else the date came from the body: "text".
    """
    day = parse_iso_date(found)
    if day is None:
        return None

    def date_of(page: str, page_url: str | None = None) -> date | None:
        # As extract_html asks, minus the free-text search: only what is given here is read.
        return parse_iso_date(
            find_date(page, url=page_url, extensive_search=False, original_date=True, max_date=max_date)
        )

    if url and date_of(f'<html><head><link rel="canonical" href="{escape(url)}"></head></html>', url) == day:
        return "url"
    head = _HEAD.search(html)
    metadata = (head.group(1) if head else "") + "".join(_JSON_LD.findall(html))
    if metadata and date_of(f"<html><head>{metadata}</head><body></body></html>") == day:
        return "page"
    return "text"


_HEAD = re.compile(r"<head\b[^>]*>(.*?)</head\s*>", re.I | re.S)
_JSON_LD = re.compile(r"<script\b[^>]*application/ld\+json[^>]*>.*?</script\s*>", re.I | re.S)


def parse_iso_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value[:10]).date()
    except ValueError:
        return None
