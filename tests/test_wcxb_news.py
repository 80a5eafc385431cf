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


def test_dev2_keeps_non_news_pages_whose_kept_text_holds_money_or_a_percentage_in_sha1_order(tmp_path):
    from bench.fixture_texts import PageText, split_order
    from bench.wcxb_news import write_dev2

    wcxb = tmp_path / "wcxb"
    (wcxb / "dev" / "ground-truth").mkdir(parents=True)
    (wcxb / "dev" / "html").mkdir(parents=True)
    words = " ".join(["word"] * 80)
    bodies = {
        "0011": f"The kettle costs $40 and boils in 3 minutes. {words}",
        "0012": f"Mix 2 cups of flour with 30% less sugar. {words}",
        "0013": f"Bake for 20 minutes at 350 degrees. {words}",  # a digit but no money or percentage
        "0014": f"Prices start at £9 a month. {words}",
        "0015": f"Over $5 in fees. {' '.join(['word'] * 10)}",  # too short
    }
    for stem in bodies:
        add_page(wcxb, stem, f"https://shop-blog.example/{stem}", "article", ENGLISH)
    add_page(wcxb, "0016", "https://www.npr.org/2023/story", "article", ENGLISH)  # news: figures/, not dev2
    add_page(wcxb, "0017", "https://shop-blog.example/de", "article", GERMAN)

    def read(path):
        text = bodies[path.stem]
        return PageText(path.name, text, path.stem, "en", len(text.split()))

    summary = write_dev2(wcxb, read, pages=2)

    order = sorted(bodies, key=lambda stem: split_order(f"{stem}.html"))
    kept = [stem for stem in order if stem in {"0011", "0012", "0014"}][:2]
    articles = json.loads((wcxb / "figures-dev2" / "articles.json").read_text(encoding="utf-8"))
    assert list(articles) == kept
    assert [articles[stem]["dev2_index"] for stem in kept] == [0, 1]
    assert {articles[stem]["split"] for stem in kept} == {"dev2"}
    assert summary["candidates"] == 5  # neither the news page nor the German one
    assert summary["kept"] == 2
    assert set(summary["left_out"].values()) <= {"no currency sign or %", "14 words"}
