"""fundus's English parser test pages as a fixture folder: the figure and entity sets of rounds 21 and 22.

fundus's parser test data (github.com/flairNLP/fundus, tests/resources/parser/test_data/<country>/, MIT; copied to
`{data}/fundus-testdata/test_data/`) holds one saved page per parser version and the body each parser must extract.
The English pages are those whose expected body the project's language detector reads as English
(bench/eval_extraction.py's `fundus_english_pages`, the pages `eval_extraction --set fundus` scores). This writes each
ungzipped to `{data}/fundus-testdata/html/<country>_<Publisher>_<date>.html`, lists the four set aside as not news in
round 21 (`FUNDUS_NOT_NEWS`: buying guides, a gallery, product picks) in `not-news.txt`, and builds `articles.json`
with bench/fixture_texts.py (every kept page held out, in the sha1 order of its file name).

The gold's offsets hold for the texts of one commit (bench/gold/fundus-testdata/NOTES.md): build with its transforms/,
`python -m bench.with_tree TREE bench.fundus_news FOLDER`.

Usage: python -m bench.fundus_news FUNDUS_FOLDER
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

from bench.eval_extraction import FUNDUS_NOT_NEWS, fundus_english_pages
from bench.fixture_texts import NOT_NEWS, build


def write_folder(folder: Path) -> list[str]:
    """Writes {folder}/html/ and {folder}/not-news.txt; returns the names of the pages written."""
    out = folder / "html"
    out.mkdir(parents=True, exist_ok=True)
    names = []
    for name, path, _url, _body in fundus_english_pages(folder):
        (out / f"{name}.html").write_bytes(gzip.decompress(path.read_bytes()))
        names.append(name)
    set_aside = [f"{name}.html  # set aside by name in round 21 (FUNDUS_NOT_NEWS)" for name in sorted(FUNDUS_NOT_NEWS)]
    (folder / NOT_NEWS).write_text("\n".join(set_aside) + "\n", encoding="utf-8")
    return names


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the fundus copy, with test_data/<country>/")
    args = parser.parse_args(argv)
    names = write_folder(args.folder)
    summary = build(args.folder, 0)
    print(len(names), "English pages;", summary["kept"], "kept; left out:", json.dumps(summary["left_out"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
