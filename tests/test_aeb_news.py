"""bench/aeb_news.py: the ScrapingHub benchmark's figure test slice (round 32), fixed by fixture_texts' rule."""

from __future__ import annotations

import gzip

from bench.aeb_news import FIGURES, FOLDER, TEST, the_slice, write_pages


def kept(position: int) -> dict:
    """An article as bench/fixture_texts.py writes it with no dev pages: held out, numbered in sha1 order."""
    return {
        "articleBody": f"text {position}",
        "file": f"p{position}.html",
        "split": "heldout",
        "heldout_index": position,
    }


def test_the_slice_is_the_first_24_kept_pages_relabelled_test_with_their_address():
    articles = {f"p{n}": kept(n) for n in range(30)}
    chosen = the_slice(articles, {"p0": "https://example.org/a", "p29": "https://example.org/z"})
    assert list(chosen) == [f"p{n}" for n in range(TEST)]  # positions 0-23, in order; 24 on left out
    assert chosen["p0"] == {
        "articleBody": "text 0",
        "file": "p0.html",
        "url": "https://example.org/a",
        "split": "test",
        "test_index": 0,
        "position": 0,
    }
    assert chosen["p23"]["test_index"] == 23 and chosen["p23"]["url"] is None


def test_every_page_is_written_ungzipped_under_figures_html(tmp_path):
    pages = tmp_path / FOLDER / "html"
    pages.mkdir(parents=True)
    (pages / "abc.html.gz").write_bytes(gzip.compress(b"<html><p>1</p></html>"))
    assert write_pages(tmp_path) == 1
    assert (tmp_path / FIGURES / "html" / "abc.html").read_bytes() == b"<html><p>1</p></html>"
