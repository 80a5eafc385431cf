"""Site chrome learnt from the archive, and texts that are not articles after cleaning."""

from __future__ import annotations

from bench.dedup_corpus import build_dedup_set
from tests.conftest import sql
from transforms.boilerplate import drop_site_chrome, line_hash, site_key, site_lines
from transforms.options import BoilerplateOptions, PipelineOptions
from transforms.pipeline import prose_share, reject_text
from transforms.records import RawDocument

CHROME = "Got a story tip for the Harbor Gazette? Write to the newsroom any time"
RAW = RawDocument(doc_id="d1", source="page.html", url=None, content=b"", media_type="text/html")


def test_site_key_prefers_the_host():
    assert site_key("https://www.gazette.example.com/a/1", None, "The Gazette") == "gazette.example.com"
    assert site_key(None, None, "The  Gazette") == "the gazette"
    assert site_key(None, None, None) is None


def test_site_lines_are_short_and_distinct_and_chrome_is_dropped_per_site():
    long_line = "word " * 40
    text = f"{CHROME}\nThe board met on Tuesday.\n{long_line.strip()}\n{CHROME}"
    lines = site_lines("gazette.example.com", "a1", text, BoilerplateOptions())
    assert sorted(line.line for line in lines) == sorted([CHROME, "The board met on Tuesday."])
    chrome = {line_hash("gazette.example.com", CHROME)}
    assert drop_site_chrome("gazette.example.com", text, chrome) == (
        f"The board met on Tuesday.\n{long_line.strip()}",
        2,
    )
    # The same line on another site is that site's business.
    assert drop_site_chrome("ledger.example.com", text, chrome) == (text, 0)


def test_empty_short_and_listing_pages_are_rejected_with_reasons():
    options = PipelineOptions()
    empty = reject_text(RAW, "", options)
    assert empty is not None and empty.reason == "empty_after_cleaning"
    short = reject_text(RAW, "Council approves harbor plan after a long debate.", options)
    assert short is not None and short.reason == "too_short"
    listing = "\n".join(f"Harbor news item number {i} headline here" for i in range(20))
    assert prose_share(listing) == 0.0
    rejection = reject_text(RAW, listing, options)
    assert rejection is not None
    assert rejection.reason == "not_news" and "0%" in rejection.detail
    story = "\n".join(["The council approved the plan on Wednesday after a long and heated debate."] * 8)
    assert reject_text(RAW, story, options) is None


def page(title: str, paragraphs: list[str], index: int) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<html><head><title>{title}</title><link rel="canonical" '
        f'href="https://www.gazette.example.com/news/{index}/"></head>'
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    )


def test_line_in_many_stories_of_a_site_is_dropped_from_later_articles(prefect_server, tmp_path):
    from flows.ingest import ingest

    stories = [t for t in build_dedup_set(stories=12, seed=3) if t.edit == "original"][:7]
    quote = "“We will not give up on this harbor,” the mayor said at every stop of her campaign."
    folders = [tmp_path / "early", tmp_path / "late"]
    for folder in folders:
        folder.mkdir()
    for index, story in enumerate(stories):
        title, *paragraphs = story.text.splitlines()
        paragraphs.insert(1, CHROME)
        if index < 2:
            paragraphs.insert(2, quote)  # in two stories only: below the threshold, kept
        folder = folders[0] if index < 5 else folders[1]
        (folder / f"story-{index}.html").write_text(page(title, paragraphs, index), encoding="utf-8")
    warehouse = tmp_path / "wh"
    for folder in folders:
        ingest(sources=[str(folder)], warehouse=str(warehouse), workers=1)
    texts = dict(sql(warehouse, "SELECT source, text FROM articles"))
    early = [text for source, text in texts.items() if "/early/" in source]
    late = [text for source, text in texts.items() if "/late/" in source]
    assert len(early) == 5 and len(late) == 2
    assert all(CHROME in text for text in early)
    assert not any(CHROME in text for text in late)
    explained = sql(warehouse, "SELECT site, line, stories FROM site_boilerplate ORDER BY stories DESC")
    assert explained[0] == ("gazette.example.com", CHROME, 7)
    assert ("gazette.example.com", quote, 2) in explained
