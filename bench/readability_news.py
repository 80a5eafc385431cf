"""Mozilla Readability's English news-article test pages as a fixture folder: the figure set of round 23.

Readability's test pages (github.com/mozilla/readability, test/test-pages/, Apache-2.0; copied to
`{data}/readability-testpages/pages/NAME/`) were read for extraction and for the junk-entity scorer, never for
figures. This script keeps, by a rule fixed before any text was read, the pages that are one news story:

- the page's name or its expected-metadata.json `siteName` names a news publisher (NEWS_PAGES: newspapers,
  broadcasters, news agencies and portals, general, health, science and trade news sites, news magazines; chosen
  from the name, siteName, title and byline alone). Left out: company, product and personal blogs, how-to and advice
  sites, advocacy groups, encyclopedias, fiction, books, platforms (Medium, Tumblr, Fandom), markup tests, and a
  weekly edition holding many stories (lwn-1);
- expected.html's text read as English by the project's language detector.

It writes each kept page's source.html to `{data}/readability-testpages/figures/html/NAME.html` and builds
`articles.json` with `bench/fixture_texts.py` (every page held out, in the sha1 order of its file name), except that
a page the pipeline rejects gets expected.html's text (Readability's accepted output, one block a line), recorded in
`build.json` under `expected_text`.

Usage: python -m bench.readability_news READABILITY_FOLDER
"""

from __future__ import annotations

import argparse
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import lxml.html

from bench.fixture_texts import PageText, build, pipeline_texts
from transforms.language import detect_language

# Fixed from the page name and expected-metadata.json (siteName, title, byline) before any text was read.
NEWS_PAGES = frozenset(
    """
ars-1 article-author-tag bbc-1 breitbart bug-1255978 buzzfeed-1 citylab-1 cnet cnn engadget guardian-1
herald-sun-1 lazy-image-2 medicalnewstoday msn nytimes-1 nytimes-2 nytimes-3 nytimes-4 nytimes-5 quanta-1 salon-1
schema-org-context-object seattletimes-1 telegraph theverge tmz-1 videos-1 wapo-1 wapo-2 webmd-1 webmd-2 wordpress
yahoo-1 yahoo-2 yahoo-3 aktualne cnet-svg-classes folha heise lemonde-1 liberation-1 videos-2 yahoo-4
""".split()
)
BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figcaption", "td", "th", "dt", "dd")


def expected_text(page: Path) -> str:
    """expected.html's text, one block a line (Readability's accepted output)."""
    tree = lxml.html.fromstring(page.read_text(encoding="utf-8"))
    lines = []
    for element in tree.iter(*BLOCKS):
        if any(ancestor.tag in BLOCKS for ancestor in element.iterancestors()):
            continue  # a block inside a block is read with it
        line = " ".join(element.text_content().split())
        if line:
            lines.append(line)
    return "\n".join(lines)


def is_english(page: Path) -> bool:
    return detect_language(expected_text(page / "expected.html")).code == "en"


def write_folder(folder: Path) -> list[str]:
    """Copies the kept pages to {folder}/figures/html/; returns their names."""
    out = folder / "figures" / "html"
    out.mkdir(parents=True, exist_ok=True)
    pages = folder / "pages"
    # a name the copy lacks is skipped, so that the rule reads a partial or later copy the same way
    kept = [name for name in sorted(NEWS_PAGES) if (pages / name).is_dir() and is_english(pages / name)]
    for name in kept:
        shutil.copyfile(pages / name / "source.html", out / f"{name}.html")
    return kept


def with_expected_fallback(folder: Path, fell_back: list[str]) -> Callable[[Path], PageText]:
    """The pipeline's text of a page, or expected.html's when the pipeline stores nothing."""
    pipeline = pipeline_texts()

    def read(path: Path) -> PageText:
        page = pipeline(path)
        if page.text is not None:
            return page
        text = expected_text(folder / "pages" / path.stem / "expected.html")
        fell_back.append(path.name)
        return PageText(path.name, text, None, detect_language(text).code, len(text.split()))

    return read


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the Readability copy, with pages/NAME/")
    args = parser.parse_args(argv)
    kept = write_folder(args.folder)
    fell_back: list[str] = []
    summary = build(args.folder / "figures", 0, with_expected_fallback(args.folder, fell_back))
    summary["expected_text"] = sorted(fell_back)
    (args.folder / "figures" / "build.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")
    print(len(kept), "English news pages;", summary["kept"], "kept; expected.html's text for", fell_back)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
