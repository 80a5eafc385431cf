"""bench/mediacloud_news.py: the pages of htmldate's Media Cloud set that the figure set may hold, chosen from the
listing alone: news hosts only, and never a page of a set read before."""

from __future__ import annotations

import json
from pathlib import Path

from bench.mediacloud_news import news_files, write_folder


def listing(folder: Path, name: str, entries: dict[str, str], pages: str | None) -> None:
    (folder / "tests").mkdir(parents=True, exist_ok=True)
    (folder / "tests" / name).write_text(json.dumps({url: {"file": file} for url, file in entries.items()}))
    for file in entries.values() if pages else ():
        (folder / "tests" / str(pages)).mkdir(exist_ok=True)
        (folder / "tests" / str(pages) / file).write_bytes(b"<html>" + file.encode() + b"</html>")


def test_keeps_news_hosts_not_read_before_and_copies_them_byte_for_byte(tmp_path: Path) -> None:
    mediacloud, htmldate = tmp_path / "htmldate-mediacloud", tmp_path / "htmldate-eval"
    listing(
        mediacloud,
        "eval_mediacloud_2020.json",
        {
            "https://www.seattletimes.com/nation-world/story/": "1.html",  # a newspaper
            "https://news.google.com/articles/abc": "2.html",  # an aggregator: whose page is not said
            "http://feeds.reuters.com/~r/reuters/topNews/~3/xyz/": "3.html",  # a publisher's own feed redirector
            "https://www.sfgate.com/news/article/Poems-1.php": "4.html",  # news, but read in htmldate's other set
        },
        "test_set",
    )
    listing(htmldate, "eval_default.json", {"http://sfgate.com/news/article/Poems-1.php/": "9.html"}, None)
    assert news_files(mediacloud, htmldate, None) == ["1.html", "3.html"]
    assert write_folder(mediacloud, htmldate, None) == ["1.html", "3.html"]
    copied = mediacloud / "figures" / "html" / "3.html"
    assert copied.read_bytes() == (mediacloud / "tests" / "test_set" / "3.html").read_bytes()


def test_a_page_the_copy_lacks_is_skipped(tmp_path: Path) -> None:
    listing(tmp_path, "eval_mediacloud_2020.json", {"https://www.nzz.ch/wirtschaft/x": "5.html"}, "test_set")
    (tmp_path / "tests" / "test_set" / "5.html").unlink()
    assert news_files(tmp_path, None, None) == []
