"""bench/smallrivers_news.py: which of the test pages smallrivers' snacktory fork added the figure set may hold, chosen
from their bytes and addresses alone (not karussell's, news hosts, no copies, nothing read before)."""

from __future__ import annotations

import json
from pathlib import Path

from bench.fixture_texts import PageText
from bench.smallrivers_news import UPSTREAM, is_news, news_files, page_address, write_folder

RESOURCES = Path("src") / "test" / "resources" / "de" / "jetwick" / "snacktory"
SAVED = '<!-- saved from url=({}){} -->\n<html><head><link rel="canonical" href="./x_files/x.html"></head>{}</html>'
OG_CONTENT_FIRST = '<html><head><meta content="{}" property="og:url"></head><body>{}</body></html>'


def page(folder: Path, name: str, html: str, upstream: bool = False) -> None:
    path = folder / (UPSTREAM if upstream else "") / RESOURCES / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html)


def test_the_address_is_where_the_page_was_saved_from_else_its_own_and_never_a_relative_one() -> None:
    url = "http://www.entrepreneur.com/article/237402"
    assert page_address(SAVED.format(len(url), url, "").encode()) == url
    assert page_address(OG_CONTENT_FIRST.format("https://www.huffpost.com/entry/a_n_5e9", "").encode()) == (
        "https://www.huffpost.com/entry/a_n_5e9"
    )
    assert page_address(b'<link rel="canonical" href="./entrepreneur_files/entrepreneur.html">') is None


def test_news_is_a_publishers_page_and_not_a_listing() -> None:
    assert is_news("https://www.khaleejtimes.com/business/local/ai-investments-in-uae")
    assert not is_news("http://www.prnewswire.com/news-releases/tableau-300039248.html")  # a press-release wire
    assert not is_news("https://www.bbc.com/")  # a front page


def test_drops_karussells_pages_by_bytes_and_by_address_and_keeps_new_news_once(tmp_path: Path) -> None:
    old = OG_CONTENT_FIRST.format("http://www.bbc.com/news/old-1", "old")
    page(tmp_path, "bbc.html", old, upstream=True)
    page(tmp_path, "bbc.html", old)  # karussell's bytes
    page(tmp_path, "bbc_again.html", OG_CONTENT_FIRST.format("https://bbc.com/news/old-1/", "saved again"))
    page(tmp_path, "bbc_nocss.html", OG_CONTENT_FIRST.format("http://www.bbc.com/news/new-2", "new"))
    page(tmp_path, "bbc_second.html", OG_CONTENT_FIRST.format("https://www.bbc.com/news/new-2", "copy"))
    page(tmp_path, "people.html", OG_CONTENT_FIRST.format("http://www.people.com/article/read-before", ""))
    page(tmp_path, "qualcomm.html", OG_CONTENT_FIRST.format("https://www.qualcomm.com/news/releases/x", ""))
    page(tmp_path, "nameless.html", "<html><body>no address</body></html>")

    kept, dropped = news_files(tmp_path, frozenset({"people.com/article/read-before"}))

    assert [path.name for path in kept] == ["bbc_nocss.html"]
    assert dropped == {
        "bbc.html": "karussell's page",
        "bbc_again.html": "karussell's address: https://bbc.com/news/old-1/",
        "bbc_second.html": "a copy of an earlier page: https://www.bbc.com/news/new-2",
        "people.html": "in another set: http://www.people.com/article/read-before",
        "qualcomm.html": "not news: https://www.qualcomm.com/news/releases/x",
        "nameless.html": "no address",
    }


def test_writes_the_kept_pages_with_their_reasons_and_builds_the_texts(tmp_path: Path) -> None:
    folder = tmp_path / "snacktory-smallrivers"
    page(folder, "a.html", OG_CONTENT_FIRST.format("https://www.khaleejtimes.com/business/a", "a"))
    page(folder, "b.html", OG_CONTENT_FIRST.format("https://www.khaleejtimes.com/business/b", "b"))
    (folder / UPSTREAM).mkdir(exist_ok=True)
    words = " ".join(["word"] * 90)

    def read(path: Path) -> PageText:
        return PageText(path.name, f"On 2 July {words}", "Same title", "en", 93)

    summary = write_folder(folder, tmp_path, read)

    html = folder / "figures" / "html"
    assert sorted(p.name for p in html.iterdir()) == ["a.html"]
    assert summary["kept"] == 1 and summary["dropped"] == {"b.html": "title read before: Same title"}
    assert json.loads((folder / "figures" / "selection.json").read_text()) == summary["dropped"]
    assert (html / "a.html").read_bytes() == (folder / RESOURCES / "a.html").read_bytes()
