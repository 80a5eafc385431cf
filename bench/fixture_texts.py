"""The texts of a folder of saved news pages, as the pipeline keeps them, for bench/eval_figures_real.py.

A fixture folder (`{data}/postlight-fixtures/`, `goose3-fixtures/`, `newspaper3k-fixtures/`) holds the pages
copied byte for byte under `html/`, a README.md saying where they come from, and `not-news.txt`: the file names
judged not news (one a line, a reason after `#`). This script runs every page through `process_document` with
the default extraction options and no NER (as bench/eval_extraction.py's pipeline runner does: NER does not
change the text) and writes `articles.json`, the file the figure scorer reads:

    {key: {"articleBody": text, "file", "title", "language", "word_count", "split", "dev_index" or
           "heldout_index", "built_at"}}

`key` is the file name without `.html`. Kept: the pipeline stored the page, its language is English, the text
has a digit and at least 80 words, and the file is not in not-news.txt. The split is fixed by the file name
alone: kept pages in the order of the sha1 of their file name, the first `--dev` of them dev, the rest held out,
each numbered from 0 in that order. `build.json` beside it records the commit the texts were built at (and the
last commit that changed transforms/, the code that made them) and why each page left out was left out.

Usage: python -m bench.fixture_texts FOLDER [--dev N]
To rebuild the texts of an earlier commit (the gold files' offsets hold for the texts they were judged on), put a
work tree of that commit and run this builder with its transforms/ (bench/with_tree.py says why this way):
`python -m bench.with_tree /tmp/at074b648 bench.fixture_texts FOLDER` (the same for bench/*_news.py).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

MIN_WORDS = 80
LANGUAGE = "en"
NOT_NEWS = "not-news.txt"


@dataclass(frozen=True, slots=True)
class PageText:
    """What the pipeline kept of one page: None for text when it stored nothing."""

    file: str
    text: str | None
    title: str | None = None
    language: str | None = None
    word_count: int = 0


@dataclass(frozen=True, slots=True)
class FixtureOrigin:
    """Where a fixture folder's pages come from, and how its judged texts were built."""

    repository: str  # on GitHub
    commit: str  # the pages' commit there
    pages: str  # the pages' path in that repository
    texts_commit: str  # newsetl's commit whose pipeline made the texts the committed gold's offsets point into
    dev: int = 0  # --dev


# Where the fixture folders of rounds 18-19 come from and which commit's texts their committed gold points into
# (docs/evaluation.md, "Evaluation data on a new machine"; rebuilt so in round 27). how_to_rebuild words it for a
# scorer that finds the texts missing. The pages judged not news are committed beside the gold
# (bench/gold/<folder>/not-news.txt): the split, and so the gold's indices, depend on them.
FIXTURE_ORIGINS = {
    "postlight-fixtures": FixtureOrigin("postlight/parser", "e8ba7ece", "fixtures/*.html", "074b648", dev=30),
    "goose3-fixtures": FixtureOrigin("goose3/goose3", "c5a8902e", "tests/data/content/*.html", "074b648"),
    "newspaper3k-fixtures": FixtureOrigin("codelucas/newspaper", "1618b547", "tests/data/html/*.html", "074b648"),
}


def how_to_rebuild(data: Path, folder: str) -> str:
    """How to copy a fixture folder's pages again and build the texts its committed gold was judged on."""
    origin = FIXTURE_ORIGINS[folder]
    tree = f"/tmp/at{origin.texts_commit}"
    dev = f" --dev {origin.dev}" if origin.dev else ""
    return (
        f"copy {origin.repository}'s {origin.pages} at {origin.commit} byte for byte to {data}/{folder}/html/ and "
        f"bench/gold/{folder}/not-news.txt beside it, then build the texts at {origin.texts_commit} (the gold's "
        f"offsets point into those): git worktree add --detach {tree} {origin.texts_commit}; "
        f"python -m bench.with_tree {tree} bench.fixture_texts {data}/{folder}{dev}"
    )


def split_order(file: str) -> str:
    """The key that orders pages for the split: the sha1 of the file name, so adding a page moves no other."""
    return hashlib.sha1(file.encode("utf-8")).hexdigest()


def reason_left_out(page: PageText, not_news: frozenset[str]) -> str | None:
    """Why a page is not kept, or None to keep it."""
    if page.file in not_news:
        return "not news"
    if page.text is None:
        return "rejected by the pipeline"
    if page.language != LANGUAGE:
        return f"language {page.language}"
    if not re.search(r"\d", page.text):
        return "no digit"
    if page.word_count < MIN_WORDS:
        return f"{page.word_count} words"
    return None


def articles_of(pages: Iterable[PageText], not_news: frozenset[str], dev: int, built_at: str) -> tuple[dict, dict]:
    """articles.json's content and the pages left out (file -> reason)."""
    kept, left_out = [], {}
    for page in pages:
        reason = reason_left_out(page, not_news)
        if reason is None:
            kept.append(page)
        else:
            left_out[page.file] = reason
    articles = {}
    for position, page in enumerate(sorted(kept, key=lambda p: split_order(p.file))):
        split, index = ("dev", position) if position < dev else ("heldout", position - dev)
        articles[page.file.removesuffix(".html")] = {
            "articleBody": page.text,
            "file": page.file,
            "title": page.title,
            "language": page.language,
            "word_count": page.word_count,
            "split": split,
            f"{split}_index": index,
            "built_at": built_at,
        }
    return articles, left_out


def read_not_news(path: Path) -> frozenset[str]:
    if not path.exists():
        return frozenset()
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(line for line in lines if line)


def pipeline_texts() -> Callable[[Path], PageText]:
    """The pipeline's text of a saved page: bench/eval_extraction.py's runner, keeping the article's fields."""
    import spacy

    from transforms.ids import doc_id_for
    from transforms.options import EntityOptions, ExtractOptions, PipelineOptions
    from transforms.pipeline import ProcessedDocument, process_document
    from transforms.records import RawDocument

    options = PipelineOptions(extract=ExtractOptions(), entities=EntityOptions(languages=()))
    nlp = spacy.blank("en")

    def run(path: Path) -> PageText:
        html = path.read_bytes()
        raw = RawDocument(doc_id=doc_id_for(html), source=path.name, url=None, content=html, media_type="text/html")
        result = process_document(raw, nlp, options)
        if not isinstance(result, ProcessedDocument):
            return PageText(path.name, None)
        article = result.article
        return PageText(path.name, article.text, article.title, article.language, article.word_count)

    return run


def git(*args: str) -> str:
    import transforms

    # the checkout whose transforms/ makes the texts (PYTHONPATH may point at an older work tree than this file's)
    here = Path(transforms.__file__).resolve().parent.parent
    return subprocess.run(["git", *args], cwd=here, capture_output=True, text=True, check=True).stdout.strip()


def code_commit() -> dict[str, str | bool]:
    """The commit of the code that makes the texts, and whether its transforms/ differs from it in the work tree."""
    return {
        "commit": git("rev-parse", "--short", "HEAD"),
        "transforms_last_changed_at": git("log", "-1", "--format=%h", "--", "transforms"),
        "transforms_modified": bool(git("status", "--porcelain", "--", "transforms")),
    }


def build(folder: Path, dev: int, read: Callable[[Path], PageText] | None = None) -> dict:
    """Writes folder/articles.json and folder/build.json; returns build.json's content."""
    read = read or pipeline_texts()
    commit = code_commit()
    pages = [read(path) for path in sorted((folder / "html").glob("*.html"))]
    articles, left_out = articles_of(pages, read_not_news(folder / NOT_NEWS), dev, str(commit["commit"]))
    (folder / "articles.json").write_text(json.dumps(articles, ensure_ascii=False, indent=1), encoding="utf-8")
    splits = [a["split"] for a in articles.values()]
    summary = {
        **commit,
        "pages": len(pages),
        "kept": len(articles),
        "dev": splits.count("dev"),
        "heldout": splits.count("heldout"),
        "left_out": left_out,
    }
    (folder / "build.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="a fixture folder with its pages under html/")
    parser.add_argument("--dev", type=int, default=0, help="how many kept pages go to dev (default 0)")
    args = parser.parse_args(argv)
    summary = build(args.folder, args.dev)
    left = {k: v for k, v in summary.items() if k != "left_out"}
    print(json.dumps(left), f"left out: {len(summary['left_out'])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
