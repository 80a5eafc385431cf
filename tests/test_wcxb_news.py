"""bench/wcxb_news.py: WCXB's development split becomes a fixture folder of its English news pages, chosen by the
page type, the address's host and the language of the ground-truth text, never by the text itself."""

from __future__ import annotations

import gzip
import json

from bench.wcxb_news import write_folder

ENGLISH = (
    "The city council voted on Tuesday to spend $4.5 million on a new bridge over the river, ending a debate that "
    "had lasted three years. Work is to start in the spring and take 18 months, and the state will pay for it."
)
GERMAN = (
    "Der Stadtrat hat am Dienstag beschlossen, eine neue Brücke über den Fluss zu bauen. Die Arbeiten sollen im "
    "Frühjahr beginnen und achtzehn Monate dauern, und das Land wird die Kosten für den Bau übernehmen."
)


def add_page(folder, stem: str, url: str | None, page_type: str, body: str) -> None:
    truth = {
        "url": url,
        "file_id": stem,
        "ground_truth": {"title": stem, "main_content": body},
        "_internal": {"page_type": {"primary": page_type}},
    }
    (folder / "dev" / "ground-truth" / f"{stem}.json").write_text(json.dumps(truth), encoding="utf-8")
    html = f"<html><body><article><p>{body}</p></article></body></html>".encode()
    (folder / "dev" / "html" / f"{stem}.html.gz").write_bytes(gzip.compress(html))


def test_only_english_article_pages_of_news_hosts_are_written_and_shopping_pages_are_marked_not_news(tmp_path):
    wcxb = tmp_path / "wcxb"
    (wcxb / "dev" / "ground-truth").mkdir(parents=True)
    (wcxb / "dev" / "html").mkdir(parents=True)
    add_page(wcxb, "0001", "https://www.npr.org/2023/10/17/story", "article", ENGLISH)
    add_page(wcxb, "0002", "https://example-blog.com/post", "article", ENGLISH)  # not a news host
    add_page(wcxb, "0003", "https://www.npr.org/sections/news/", "listing", ENGLISH)  # not an article
    add_page(wcxb, "0004", "https://www.theguardian.com/world/2025/story", "article", GERMAN)  # not English
    add_page(wcxb, "0005", None, "article", ENGLISH)  # no address: no host to judge
    add_page(wcxb, "0500", "https://www.talkandroid.com/519086-best-smart-home-lamps", "article", ENGLISH)

    assert write_folder(wcxb) == 2

    pages = wcxb / "figures" / "html"
    assert sorted(path.name for path in pages.iterdir()) == ["0001.html", "0500.html"]
    assert ENGLISH.encode() in (pages / "0001.html").read_bytes()  # ungzipped, byte for byte
    not_news = (wcxb / "figures" / "not-news.txt").read_text(encoding="utf-8").splitlines()
    assert "0500.html  # buying guide (smart lamps)" in not_news
