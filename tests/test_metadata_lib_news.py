"""bench/metadata_lib_news.py: which of metadata-lib's saved test pages the figure set may hold, chosen from their
addresses alone (news hosts, no listings, no copies, nothing read before), and the texts that repeat another set's."""

from __future__ import annotations

import json
from pathlib import Path

from bench.fixture_texts import PageText
from bench.metadata_lib_news import (
    FIXTURES,
    TESTS,
    cache_name,
    is_news,
    news_files,
    original,
    other_pages,
    repeats,
    write_folder,
)

CANONICAL = '<html><head><link rel="canonical" href="{}"></head><body>{}</body></html>'


def copy_of_the_library(folder: Path, fetched: list[str], named: dict[str, str]) -> None:
    """A test file that fetches `fetched` (each cached under the library's name for it) and pages saved by name with
    their own canonical address."""
    (folder / FIXTURES).mkdir(parents=True)
    calls = "\n".join(f'    url = "{url}"' for url in fetched)
    (folder / TESTS / "test_urls.py").write_text(f"def test_fetch():\n{calls}\n")
    for url in fetched:
        (folder / FIXTURES / cache_name(url)).write_text(f"<html><body>{url}</body></html>")
    for file, url in named.items():
        (folder / FIXTURES / file).write_text(CANONICAL.format(url, file))


def test_the_cached_name_and_a_wayback_address_lead_back_to_the_page() -> None:
    assert cache_name("https://www.cnn.com/2023/12/12/x/index.html") == "cached-httpswwwcnncom20231212xindexhtml"
    assert original("https://web.archive.org/web/20220301020549/http://www.graiul.ro/a/") == "http://www.graiul.ro/a/"
    assert original("https://web.archive.org/web/https://www.cbc.ca/news/a-1.5") == "https://www.cbc.ca/news/a-1.5"
    assert original("https://web.archive.org/web/") == "https://web.archive.org/web/"  # saves nothing: its own page


def test_news_is_a_publishers_page_and_not_a_listing_of_pages() -> None:
    assert is_news("https://www.kpbs.org/news/2019/jul/09/migrants/")
    assert is_news("https://cnn.it/3wGkGU1")  # the publisher's own short link
    assert not is_news("http://www.nytimes.com")  # a front page
    assert not is_news("http://www.nytimes.com/global/")  # a section's front
    assert not is_news("https://www.elimpulso.com/tag/tregua/")
    assert not is_news("http://peoplesdailyng.com/feed")
    assert not is_news("https://upstract.com/x/fdf95bf448e1f2a8")  # an aggregator


def test_keeps_news_pages_once_and_never_a_page_of_another_set(tmp_path: Path) -> None:
    folder = tmp_path / "mediacloud-metadata"
    copy_of_the_library(
        folder,
        [
            "https://www.kpbs.org/news/2019/jul/09/migrants/",
            "https://web.archive.org/web/https://www.kpbs.org/news/2019/jul/09/migrants/",  # the same page again
            "https://www.sydney.edu.au",  # not news
            "https://www.cnn.com/2023/12/12/politics/takeaways/index.html",  # read in another set
        ],
        {"bloomberg.html": "https://www.bloomberg.com/opinion/articles/2022-04-26/elon", "nameless.html": ""},
    )
    seen = frozenset({"cnn.com/2023/12/12/politics/takeaways/index.html"})

    kept, dropped = news_files(folder, seen)

    # the first of two copies in file-name order stays: here the Wayback Machine's
    assert kept == ["bloomberg.html", "cached-httpswebarchiveorgwebhttpswwwkpbsorgnews2019jul09migrants"]
    assert dropped["cached-httpswwwkpbsorgnews2019jul09migrants"].startswith("a copy of")
    assert dropped["cached-httpswwwsydneyeduau"].startswith("not news")
    assert dropped["cached-httpswwwcnncom20231212politicstakeawaysindexhtml"].startswith("in another set")
    assert dropped["nameless.html"] == "no address"


def test_another_sets_addresses_titles_and_openings_are_read_from_its_listing_pages_and_texts(tmp_path: Path) -> None:
    (tmp_path / "htmldate-eval" / "tests").mkdir(parents=True)
    (tmp_path / "htmldate-eval" / "tests" / "eval_default.json").write_text(json.dumps({"https://www.a.com/x/": {}}))
    (tmp_path / "postlight-fixtures" / "html").mkdir(parents=True)
    (tmp_path / "postlight-fixtures" / "html" / "p.html").write_text(CANONICAL.format("http://b.com/y", ""))
    article = {"articleBody": "A body. " * 40, "title": "A title"}
    (tmp_path / "postlight-fixtures" / "articles.json").write_text(json.dumps({"p": article}))
    (tmp_path / "wcxb-test" / "html").mkdir(parents=True)  # a test split: never read
    (tmp_path / "wcxb-test" / "html" / "t.html").write_text(CANONICAL.format("http://c.com/z", ""))

    addresses, titles, openings = other_pages(tmp_path)

    assert addresses == {"a.com/x", "b.com/y"}
    assert titles == {"A title"} and openings == {("A body. " * 40)[:200]}


def test_a_text_whose_title_or_opening_was_read_before_is_dropped() -> None:
    body = "Storms are coming. " * 20
    texts = [
        PageText("b.html", body, "Storms", "en", 60),
        PageText("a.html", body, "Storms, short link", "en", 60),  # the same text under another address, first
        PageText("c.html", "Other news. " * 20, "Seen elsewhere", "en", 40),
        PageText("d.html", None),  # nothing stored: fixture_texts says why
    ]
    assert repeats(texts, frozenset({"Seen elsewhere"}), frozenset()) == {
        "b.html": "opening read before",
        "c.html": "title read before: Seen elsewhere",
    }


def test_writes_the_kept_pages_with_their_reasons_and_builds_the_texts(tmp_path: Path) -> None:
    folder = tmp_path / "mediacloud-metadata"
    copy_of_the_library(
        folder, ["https://www.kpbs.org/news/2019/jul/09/migrants/", "https://www.wdsu.com/article/storm/1"], {}
    )
    words = " ".join(["word"] * 90)

    def read(path: Path) -> PageText:
        return PageText(path.name, f"On 2 July {words}", "Same title", "en", 93)

    summary = write_folder(folder, tmp_path, read)

    html = folder / "figures" / "html"
    assert sorted(p.name for p in html.iterdir()) == ["cached-httpswwwkpbsorgnews2019jul09migrants.html"]
    assert summary["kept"] == 1 and summary["dropped"] == {
        "cached-httpswwwwdsucomarticlestorm1.html": "title read before: Same title"
    }
    assert json.loads((folder / "figures" / "selection.json").read_text()) == summary["dropped"]
    copied = (html / "cached-httpswwwkpbsorgnews2019jul09migrants.html").read_bytes()
    assert copied == (folder / FIXTURES / "cached-httpswwwkpbsorgnews2019jul09migrants").read_bytes()
