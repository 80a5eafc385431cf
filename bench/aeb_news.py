"""The ScrapingHub article-extraction benchmark's pages as a figure test slice (round 32, accept41): acceptance only.

The benchmark (github.com/scrapinghub/article-extraction-benchmark at 4a3bc97, MIT; copied to `{data}/scrapinghub-aeb/`:
181 article pages `html/<sha256>.html.gz` and `ground-truth.json`) is a public **test** split: read for its scores
only, never tuned on. Its pages are fixed by bench/fixture_texts.py's rule, before any text was read: the page's
kept document (the pipeline stored it, its language read as English by the project's detector, a digit and at least
80 words), ordered by the sha1 of the file name (`<sha256>.html`, the ungzipped page), and then the first TEST of
them, positions 0-23, in the split `test` (`test_index` 0-23). Every page of the benchmark is an article, so no page
is set aside as not news.

This writes the pages ungzipped to `{data}/scrapinghub-aeb/figures/html/`, builds their texts with
bench/fixture_texts.py's `build` and keeps the slice's: `figures/articles.json` ({key: {"articleBody", "file", "url",
"title", "language", "word_count", "split": "test", "test_index", "position", "built_at"}}) and `figures/build.json`
(the commit, how many pages were eligible, why each other page was left out). The committed gold's offsets
(bench/gold/scrapinghub-aeb/) hold for the texts of the commit its NOTES.md names: build with that tree's transforms/,
`python -m bench.with_tree TREE bench.aeb_news DATA`, as bench/with_tree.py says.

Usage: python -m bench.aeb_news DATA   (DATA holds scrapinghub-aeb/; writes DATA/scrapinghub-aeb/figures/)
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

from bench.fixture_texts import build as build_texts

FOLDER = Path("scrapinghub-aeb")
FIGURES = FOLDER / "figures"
SPLIT = "test"
TEST_FIRST, TEST = 0, 24  # positions 0-23 (round 32, accept41); the entity slice is positions 0-15 (accept42)


def write_pages(data: Path) -> int:
    """Writes every page of the benchmark ungzipped to {data}/scrapinghub-aeb/figures/html/; returns how many."""
    out = data / FIGURES / "html"
    out.mkdir(parents=True, exist_ok=True)
    pages = sorted((data / FOLDER / "html").glob("*.html.gz"))
    for page in pages:
        (out / page.name.removesuffix(".gz")).write_bytes(gzip.decompress(page.read_bytes()))
    return len(pages)


def the_slice(articles: dict[str, dict], urls: dict[str, str]) -> dict[str, dict]:
    """The slice's pages of fixture_texts' articles (every kept page held out, numbered in the sha1 order of its file
    name): positions TEST_FIRST.. TEST_FIRST+TEST-1, relabelled `test`, with the benchmark's address."""
    chosen = {}
    for key, article in articles.items():
        position = article["heldout_index"]
        if not TEST_FIRST <= position < TEST_FIRST + TEST:
            continue
        fields = {name: value for name, value in article.items() if name not in ("split", "heldout_index")}
        chosen[key] = {
            **fields,
            "url": urls.get(key),
            "split": SPLIT,
            f"{SPLIT}_index": position - TEST_FIRST,
            "position": position,
        }
    return dict(sorted(chosen.items(), key=lambda item: item[1]["position"]))


def build(data: Path) -> dict:
    """Writes {data}/scrapinghub-aeb/figures/ (html/, articles.json, build.json); returns build.json's content."""
    folder = data / FIGURES
    pages = write_pages(data)
    summary = build_texts(folder, 0)  # every kept page held out, in the sha1 order of its file name
    truth = json.loads((data / FOLDER / "ground-truth.json").read_text(encoding="utf-8"))
    articles = json.loads((folder / "articles.json").read_text(encoding="utf-8"))
    chosen = the_slice(articles, {key: entry.get("url") for key, entry in truth.items()})
    (folder / "articles.json").write_text(json.dumps(chosen, ensure_ascii=False, indent=1), encoding="utf-8")
    summary = {
        **{name: value for name, value in summary.items() if name not in ("dev", "heldout", "kept")},
        "pages": pages,
        "eligible": summary["kept"],
        SPLIT: len(chosen),
    }
    (folder / "build.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="the data folder, with scrapinghub-aeb/")
    args = parser.parse_args(argv)
    summary = build(args.data)
    left = {name: value for name, value in summary.items() if name != "left_out"}
    print(json.dumps(left), f"left out: {len(summary['left_out'])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
