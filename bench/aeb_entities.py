"""The ScrapingHub benchmark's pages eligible for an entity (or figure) slice, in a fixed order.

The ScrapingHub article-extraction benchmark (`{data}/scrapinghub-aeb/`: `html/{key}.html.gz` and
`ground-truth.json`, each key's url and hand-cleaned body) is a public **test** split: acceptance only, never tuned
on. A page is eligible when its kept document (`kept_text` of bench/eval_entities_real.py, the page's HTML and url
through extraction and cleaning, as a run keeps it) is stored, read as English, has a digit and at least 80 words:
bench/fixture_texts.py's rule (`reason_left_out`). The eligible pages are ordered by the sha1 of their file name
(`{key}.html.gz`, `split_order`), so the order is fixed before any text is read and no page moves another.

The entity slice of round 32 (positions 0-15, `bench/gold/scrapinghub-aeb/`) is scored by `python -m
bench.eval_entities_real --source aeb --set test` (`make accept`).

Usage: python -m bench.aeb_entities [--data eval-data] [--first N]   (prints position, key, url; never the text)
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bench.eval_extraction import gzipped_html
from bench.fixture_texts import PageText, reason_left_out, split_order

FOLDER = Path("scrapinghub-aeb")
PAGE_SUFFIX = ".html.gz"


def page_text(key: str, html: bytes, url: str | None) -> PageText:
    """What a run keeps of one page, in the form bench/fixture_texts.py's rule reads."""
    from bench.eval_entities_real import kept_text
    from transforms.options import EntityOptions, PipelineOptions

    options = PipelineOptions(entities=EntityOptions(syntax=False))
    prepared = kept_text(key, html, url, options)
    file = key + PAGE_SUFFIX
    if prepared is None:
        return PageText(file, None)
    article = prepared.article
    return PageText(file, article.text, article.title, article.language, article.word_count)


def ordered_pages(folder: Path) -> tuple[list[str], dict[str, str]]:
    """The eligible keys in the sha1 order of their file name, and why each other page was left out."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    eligible, left_out = [], {}
    for key, entry in sorted(truth.items()):
        path = folder / "html" / (key + PAGE_SUFFIX)
        if not path.exists():
            left_out[key] = "page missing"
            continue
        reason = reason_left_out(page_text(key, gzipped_html(path), entry.get("url")), frozenset())
        if reason is None:
            eligible.append(key)
        else:
            left_out[key] = reason
    return sorted(eligible, key=lambda key: split_order(key + PAGE_SUFFIX)), left_out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("eval-data"), help="the public sets' folder")
    parser.add_argument("--first", type=int, default=16, help="how many positions to print")
    args = parser.parse_args(argv)
    folder = args.data / FOLDER
    if not (folder / "ground-truth.json").exists():
        print(f"aeb pages: {folder}/ground-truth.json missing (a public set: see docs/evaluation.md)")
        return 0
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    order, left_out = ordered_pages(folder)
    print(f"{len(truth)} pages, {len(order)} eligible, {len(left_out)} left out: {sorted(left_out.values())}")
    for position, key in enumerate(order[: args.first]):
        print(position, key, truth[key].get("url"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
