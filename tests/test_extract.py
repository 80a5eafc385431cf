"""Extraction: main text and metadata from HTML, headline from plain text, no invented dates."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import trafilatura
from trafilatura.settings import Document

from transforms.decode import decode_document
from transforms.extract import (
    ParsedPage,
    _bare_extraction,
    _first_pass,
    extract_document,
    extract_plain_text,
    kept_share,
    own_extractor_text,
    prune_paths,
    trimmed_to_precision_edges,
)
from transforms.ids import doc_id_for
from transforms.options import ExtractOptions, PipelineOptions
from transforms.pipeline import prose_share, reject_text
from transforms.records import RawDocument, Rejection

BODY = " ".join(
    f"The council met for the {n}th time to debate the harbour budget and its many costs." for n in range(12)
)


def raw(content: bytes, media_type: str = "text/html", fetched: datetime | None = None) -> RawDocument:
    return RawDocument(
        doc_id=doc_id_for(content), source="mem", url=None, content=content, media_type=media_type, fetched_at=fetched
    )


def page(head: str = "", footer: str = "") -> bytes:
    return (
        f"<html><head><title>Harbour budget</title>{head}</head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>Harbour budget</h1><p>{BODY}</p><p>{BODY}</p></article>{footer}</body></html>"
    ).encode()


def extract(content: bytes, fetched: datetime | None = None):
    document = raw(content, fetched=fetched)
    text = decode_document(document)
    assert isinstance(text, str), text  # these pages decode; a Rejection here is the test's mistake
    return extract_document(document, text, ExtractOptions())


def test_html_page_gives_text_and_title():
    result = extract(page())
    assert result.title == "Harbour budget"
    assert "harbour budget" in result.text and "Home" not in result.text


def test_published_date_from_metadata():
    result = extract(page('<meta property="article:published_time" content="2024-03-14T09:30:00Z">'))
    assert result.published_date.isoformat() == "2024-03-14"


def test_no_date_is_null_never_the_run_day_or_copyright_year():
    result = extract(
        page(footer="<footer>© 2021 Example News. Updated daily.</footer>"), fetched=datetime(2026, 11, 25, tzinfo=UTC)
    )
    assert result.published_date is None


def test_page_without_article_text_is_a_rejection():
    result = extract(b"<html><head><title>x</title></head><body><div></div></body></html>")
    assert isinstance(result, Rejection)
    assert (result.stage, result.reason) == ("extract", "no_text")


def test_plain_text_headline():
    result = extract_plain_text(
        "Storm hits coast\nThe storm hit the coast on Monday.\nMore rain is due.", None, ExtractOptions()
    )
    assert result.title == "Storm hits coast"
    assert result.text.startswith("The storm hit")


def test_plain_text_first_sentence_is_not_a_headline():
    result = extract_plain_text("The storm hit the coast.\nMore rain is due.", None, ExtractOptions())
    assert result.title is None


FERRY = [
    "The ferry company said on Monday that it would add two boats to the island route next summer.",
    "Passengers have complained for years about queues at the harbour in July and August.",
    "The new boats will carry 300 people each and will run every hour from six in the morning.",
    "The island council welcomed the plan but asked for cheaper tickets for people who live there.",
]


def test_story_laid_out_in_a_table_is_extracted():
    # Old sites put the whole page in one <table>: navigation in one cell, the story in the next.
    cells = "".join(f"<p>{sentence} {sentence}</p>" for sentence in FERRY)
    result = extract(
        "<html><head><title>Ferries</title></head><body><table width='100%'><tr>"
        "<td class='nav'><a href='/'>Home</a><br><a href='/news'>News</a></td>"
        f"<td><h1>More ferries for the island</h1>{cells}</td></tr></table></body></html>".encode()
    )
    assert not isinstance(result, Rejection), result
    assert all(sentence in result.text for sentence in FERRY)
    # The story's cell is prose; the navigation cell beside it is not.
    assert prose_share(result.text) > 0.9
    assert reject_text(raw(b"x"), result.text, PipelineOptions()) is None


MENU = ["Home", "News", "Sport", "Weather", "Letters", "Archive", "Contact us"]
ROUTES = [
    ("Route", "Boats now", "Boats next summer"),
    ("Harbour to North Isle", "2", "4"),
    ("Harbour to South Isle", "1", "2"),
]


def layout_page(story_cell: str) -> bytes:
    """An old site's page: a menu table in the left cell, the story in the right, a footer row of links."""
    menu = "".join(f"<tr><td><a href='/{item}'>{item}</a></td></tr>" for item in MENU)
    footer = " | ".join(f"<a href='/{item}'>{item}</a>" for item in MENU)
    return (
        "<html><head><title>Ferries</title></head><body><table width='100%'>"
        f"<tr><td valign='top'><table>{menu}</table></td><td>{story_cell}</td></tr>"
        f"<tr><td colspan='2'>{footer}</td></tr></table></body></html>"
    ).encode()


def test_layout_table_gives_the_story_as_paragraphs_without_its_menus():
    story = "".join(f"<p>{sentence}</p>" for sentence in FERRY)
    result = extract(layout_page(f"<h1>More ferries for the island</h1>{story}"))
    assert not isinstance(result, Rejection), result
    # One paragraph per line as on any page, not one `| cell |` row holding headline and story.
    assert result.text.splitlines() == ["More ferries for the island", *FERRY]


def test_data_table_in_a_story_stays_rows_when_the_layout_goes():
    table = "<table>" + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in ROUTES) + "</table>"
    story = "".join(f"<p>{sentence}</p>" for sentence in FERRY)
    result = extract(layout_page(f"{story}<p>The timetable office gave the boats on each route:</p>{table}"))
    assert not isinstance(result, Rejection), result
    lines = [line.strip() for line in result.text.splitlines()]
    assert lines[: len(FERRY) + 1] == [*FERRY, "The timetable office gave the boats on each route:"]
    assert all("| " + " | ".join(row) + " |" in lines for row in ROUTES)
    assert not any(item in lines or f"| {item} |" in lines for item in MENU)


STORY_PARAGRAPHS = "".join(
    f"<p>The harbour board voted on Tuesday to spend {n} million pounds on new cranes for the eastern quay, "
    "ending a long dispute with the dockers' union over the pace of modernisation.</p>"
    for n in range(1, 5)
)
STORY_PAGE = (
    "<html><head><title>Cranes</title></head><body><nav><a href='/'>Home</a></nav>"
    f"<article><h1>Cranes for the quay</h1>{STORY_PARAGRAPHS}</article></body></html>"
)
APPEAL = "\n".join(
    "At Harbour News we believe that everyone deserves good local journalism, and we ask you to support "
    f"our newsroom with a small gift every month so that we can keep reporting (appeal {n})."
    for n in range(1, 12)
)


def test_own_extractor_replaces_another_longer_block_of_the_page():
    """When trafilatura's comparison took a longer block that is not the story (a donation appeal),
    its own extractor's shorter text, which has the story, wins."""
    document = raw(STORY_PAGE.encode())
    text = own_extractor_text(document, STORY_PAGE, ExtractOptions(), APPEAL)
    assert "eastern quay" in text and "appeal" not in text


def test_own_extractor_does_not_cut_a_longer_text_of_the_same_story():
    """A first text that holds the own extractor's story and more of it (a long guide's further
    sections) stays whole."""
    document = raw(STORY_PAGE.encode())
    own = extract(STORY_PAGE.encode()).text
    longer = own + "\nThe cranes will be built in Rotterdam and shipped to the quay in the spring of next year."
    assert own_extractor_text(document, STORY_PAGE, ExtractOptions(), longer) == longer


def test_kept_share_counts_the_first_texts_words_found_in_the_second():
    assert kept_share("harbour cranes vote", "The harbour vote on cranes was close") == 1.0
    assert kept_share("harbour cranes vote", "Support our newsroom") == 0.0
    assert kept_share("", "anything") == 1.0


SIGN_UP_BOX = (
    "<div class='inline-newsletter'><p>Get the Harbour Briefing in your inbox every morning, with the week's "
    "shipping news and what the council decided.</p><form><input type='email'><button>Sign up</button></form></div>"
)
AUTHOR_BIO = (
    "<div class='authorBio'><p>Mary Quay has covered the port and its unions for the paper since 2009, "
    "and before that reported on fisheries for a weekly on the coast.</p></div>"
)


def test_sign_up_box_and_author_biography_are_not_story():
    """trafilatura discards boxes so named, but undoes all its discards when they would take most of
    the text: here the story's own container has a class it discards ("widget"), and without the
    pipeline's own cut the sign-up box and the biography stay in the text."""
    half = len(STORY_PARAGRAPHS) // 2
    html = (
        "<html><head><title>Cranes</title></head><body><article><h1>Cranes for the quay</h1>"
        f"<div class='story-body text-widget'>{STORY_PARAGRAPHS[:half]}{SIGN_UP_BOX}{STORY_PARAGRAPHS[half:]}"
        f"{AUTHOR_BIO}</div></article></body></html>"
    )
    result = extract(html.encode())
    assert not isinstance(result, Rejection), result
    assert "eastern quay" in result.text
    assert "inbox" not in result.text and "covered the port" not in result.text
    uncut = extract_document(raw(html.encode()), html, replace(ExtractOptions(), prune_boxes=False))
    assert not isinstance(uncut, Rejection) and "inbox" in uncut.text and "covered the port" in uncut.text


def test_story_wrapper_named_for_its_newsletter_is_kept():
    """A class that names a newsletter on the story's own wrapper holds the headline: not a box."""
    html = (
        "<html><head><title>Cranes</title></head><body><div class='article has-newsletter-signup'>"
        f"<h1>Cranes for the quay</h1>{STORY_PARAGRAPHS}</div></body></html>"
    )
    result = extract(html.encode())
    assert not isinstance(result, Rejection), result
    assert "eastern quay" in result.text


EMBEDDED_POSTS = (
    "<blockquote class='twitter-tweet'><p lang='en'>Huge news for the docks today, the cranes are finally coming "
    "and we could not be happier about it all <a href='https://t.co/x'>pic.twitter.com/x</a></p>&mdash; Dock Fans "
    "(@dockfans) <a href='https://twitter.com/dockfans/status/1'>March 3, 2024</a></blockquote>"
    "<blockquote class='instagram-media' data-instgrm-permalink='https://www.instagram.com/p/x/'><div><a "
    "href='https://www.instagram.com/p/x/'>View this post on Instagram</a><p><a href='https://www.instagram.com/p/x/'>"
    "A post shared by Quay Crane Spotters (@quaycranes)</a></p></div></blockquote>"
)


def test_embedded_social_posts_are_not_story():
    """A tweet's and an Instagram post's blockquotes are the networks' players' fallback text; trafilatura
    keeps a blockquote as the story's quotation, the pipeline cuts them (and keeps them with the option off)."""
    half = len(STORY_PARAGRAPHS) // 2
    html = (
        "<html><head><title>Cranes</title></head><body><article><h1>Cranes for the quay</h1>"
        f"{STORY_PARAGRAPHS[:half]}{EMBEDDED_POSTS}{STORY_PARAGRAPHS[half:]}"
        "<blockquote><p>We have waited eleven years for these cranes, said the union's branch secretary.</p>"
        "</blockquote></article></body></html>"
    )
    result = extract(html.encode())
    assert not isinstance(result, Rejection), result
    assert "eastern quay" in result.text and "eleven years" in result.text
    assert "dockfans" not in result.text and "could not be happier" not in result.text
    assert "Instagram" not in result.text
    uncut = extract_document(raw(html.encode()), html, replace(ExtractOptions(), prune_embedded_posts=False))
    assert not isinstance(uncut, Rejection) and "could not be happier" in uncut.text


def test_teaser_line_the_precision_preset_drops_at_the_end_is_not_story():
    """A one-link paragraph after the story ("Next: …", a headline without a sentence end) stays in
    trafilatura's balanced text and not in its precision preset's: the pipeline drops it. A closing
    line of the story that the preset also drops (a linked sentence) stays, as the preset cuts story
    lines too."""
    html = (
        "<html><head><title>Cranes</title></head><body><article><h1>Cranes for the quay</h1>"
        f"<div class='body'>{STORY_PARAGRAPHS}"
        "<p><a href='/report'>The council's report on the cranes was published in full on Monday.</a></p>"
        "<p><a href='/ferry'>Next: Ferry Timetable Changes for the Winter Season Leave Islanders Waiting</a></p>"
        "</div></article></body></html>"
    )
    result = extract(html.encode())
    assert not isinstance(result, Rejection), result
    assert "eastern quay" in result.text and "published in full on Monday." in result.text
    assert "Ferry Timetable" not in result.text
    untrimmed = extract_document(raw(html.encode()), html, replace(ExtractOptions(), precision_edge_max_words=0))
    assert not isinstance(untrimmed, Rejection) and "Ferry Timetable" in untrimmed.text


def test_precision_edges_trim_only_chrome_lines_of_the_same_story():
    story = "\n".join(
        f"The harbour board voted on Tuesday to spend {n} million pounds on new cranes for the eastern quay."
        for n in range(1, 9)
    )
    text = f"Subscribe\n{story}\nMost read\n- Ferry timetable changes\n- Lighthouse keeper retires"
    # The precision text: the same story, without the lines at either end.
    assert trimmed_to_precision_edges(text, story, 25) == story
    # A list item the precision text has too stops the trimming there.
    kept_item = trimmed_to_precision_edges(text, f"{story}\n- Lighthouse keeper retires", 25)
    assert kept_item.endswith("- Lighthouse keeper retires") and kept_item.startswith("The harbour")
    # A closing sentence, or a line longer than the limit, is not chrome.
    closing = f"{story}\nThe board meets again in May."
    assert trimmed_to_precision_edges(closing, story, 25) == closing
    assert trimmed_to_precision_edges(text, story, 1).endswith("- Lighthouse keeper retires")
    # A precision text of another block (a cookie notice) trims nothing.
    notice = "We use cookies to improve your experience on our site and to show you relevant advertising."
    assert trimmed_to_precision_edges(text, notice, 25) == text


def test_precision_edges_never_trim_most_of_the_text():
    """A short paragraph and many lines of testimonials ending in „…“ quotes, which do not read as sentence ends:
    trimming them all would leave too few words to keep the page, so nothing is trimmed."""
    opening = "I advise start-ups and small firms on contracts, disputes and the law of the internet. " * 3
    testimonials = "\n".join(
        f"„Thank you very much for your help“\nE-mail from a client, July 201{n}" for n in range(9)
    )
    text = f"{opening.strip()}\n{testimonials}"
    assert trimmed_to_precision_edges(text, opening, 25) == text
    assert trimmed_to_precision_edges(f"{opening.strip()}\nMost read\nShare this", opening, 25) == opening.strip()


# A page where the prune matters: a sign-up box, an author's bio (its name also in the byline) and an
# embedded post, with metadata in the head.
PRUNED_PAGE = (
    "<html><head><title>Harbour budget | Gazette</title><meta name='author' content='Ann Lee'>"
    "<meta property='og:site_name' content='Gazette'><meta property='article:published_time' content='2024-03-05'>"
    "<link rel='canonical' href='https://gazette.example/harbour'></head><body><article><h1>Harbour budget</h1>"
    f"<p class='byline'>By Ann Lee</p><p>{BODY}</p><blockquote class='twitter-tweet'><p>A post on the budget "
    f"by the mayor of the town.</p></blockquote><p>{BODY}</p><div class='newsletterForm'>Sign up for our "
    "newsletter today</div><div class='author-bio'>Ann Lee covers the harbour and the council.</div>"
    "</article><footer>Most read</footer></body></html>"
)


def test_a_page_parsed_once_gives_each_pass_what_its_own_parse_gave():
    # trafilatura reads a parsed tree as it reads the page's text: each pass of the parsed page (the first
    # with its metadata from the unpruned tree) is what trafilatura's own pass on the page's text gives.
    options = ExtractOptions()
    document = raw(PRUNED_PAGE.encode(), fetched=datetime(2024, 3, 6, tzinfo=UTC))
    parsed = ParsedPage(PRUNED_PAGE, options)
    date_params = {"original_date": True, "extensive_search": True, "max_date": "2024-03-06"}
    first = _first_pass(document, parsed, options, date_params)
    own_parse = trafilatura.bare_extraction(
        PRUNED_PAGE,
        with_metadata=True,
        deduplicate=False,
        include_comments=False,
        include_tables=options.include_tables,
        date_extraction_params=date_params,
        prune_xpath=prune_paths(options),
    )
    assert isinstance(first, Document) and isinstance(own_parse, Document)
    fields = ("title", "author", "sitename", "url", "date", "text")
    assert [getattr(first, name) for name in fields] == [getattr(own_parse, name) for name in fields]
    assert first.author == "Ann Lee" and "A post on the budget" not in (first.text or "")  # the embedded post pruned
    for kind in ({"recall": True}, {"recall": False, "fast": True}, {"recall": False, "precision": True}):
        from_tree = _bare_extraction(document, parsed, options, None, **kind)
        from_text = _bare_extraction(document, PRUNED_PAGE, options, None, **kind)
        assert isinstance(from_tree, Document) and isinstance(from_text, Document)
        assert from_tree.text == from_text.text


READER_COMMENTS = (
    "<div class='forum-comment-widget'><div class='forum-header'><span>4 Comments</span></div>"
    "<ul class='forum-comments-list'>"
    + "".join(
        f"<li class='forum-comment' id='forum-comment-{n}'><div class='forum-comment-content'><header>"
        f"<span class='author-name'>quaywatcher{n}</span></header><div class='read-more'> I have walked past "
        f"that quay for {n + 20} years and the old cranes were rusting long before anyone at the board noticed "
        "them, so the vote is welcome but it comes far too late for the men who lost their jobs. </div>"
        "<span class='reply'><a href='/t/1'>Reply</a></span></div></li>"
        for n in range(1, 5)
    )
    + "</ul></div>"
)


def test_readers_comment_list_under_the_story_is_not_story():
    """A forum widget's list of readers' comments in the story's container: trafilatura discards it, but
    undoes its discards when the story's own container has a class it discards ("widget"), and kept the
    comments as the story's closing list ("- quaywatcher1 I have walked past … Reply"; too long a line for
    the precision pass's edge trim)."""
    html = (
        "<html><head><title>Cranes</title></head><body><article><h1>Cranes for the quay</h1>"
        f"<div class='story-body text-widget'>{STORY_PARAGRAPHS}{READER_COMMENTS}</div></article></body></html>"
    )
    result = extract(html.encode())
    assert not isinstance(result, Rejection), result
    assert "eastern quay" in result.text
    assert "rusting" not in result.text and "quaywatcher" not in result.text
    uncut = extract_document(raw(html.encode()), html, replace(ExtractOptions(), prune_comment_lists=False))
    assert not isinstance(uncut, Rejection) and "rusting" in uncut.text


def test_story_list_items_named_for_comments_without_a_comment_are_kept():
    """A share bar whose items are named for comments but hold a count or a link, not a comment, and a
    list of quoted reactions in the story, in the same discarding container: the story's list stays."""
    reactions = "".join(
        f"<li class='quote'>Councillor {n} said the cranes would bring back the night shift at the quay.</li>"
        for n in range(1, 4)
    )
    html = (
        "<html><head><title>Cranes</title></head><body><article><h1>Cranes for the quay</h1>"
        "<div class='story-body text-widget'><ul class='share'><li class='share-comments'><a href='#c'>12 comments"
        "</a></li><li class='comment-count'><a href='#c'>Comment</a></li></ul>"
        f"{STORY_PARAGRAPHS}<ul class='reactions'>{reactions}</ul></div></article></body></html>"
    )
    result = extract(html.encode())
    assert not isinstance(result, Rejection), result
    assert "eastern quay" in result.text and "night shift" in result.text
