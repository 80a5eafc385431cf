"""Eighty newspaper4k pages for figure golds (rounds 29-31: accept34, accept35, accept38, accept39): the rule that
chose them, and their texts.

The newspaper4k article-extraction dataset (github.com/AndyTheFactory/article-extraction-dataset at cf3e295,
Apache-2.0; `{data}/newspaper4k-articles/`: `html/{id}.html` and the truth `ground-truth.json`) had a figure gold on
its hand-cleaned bodies before round 19 (`figures-real/`, lost). Round 29 judges figures again, on what the pipeline
keeps of each page (bench/eval_entities_real.py's `kept_text`: extraction and cleaning), as accept33 judged entities.

The pages are fixed by a rule that reads only the dataset's fields (`id`, `url`, the white-space word count of
`articleBody`) and the repository's text at b5247b9 (for keys it names), never the words: accept33's rule
(bench/gold/newspaper4k-articles/NOTES-entities.md) — a page present under html/, a news publisher's host (NOT_NEWS
left out), `id` above ENTITY_GOLD_LAST_ID, a key whose first eight characters the repository's docs, bench and tests
did not name at b5247b9, a body of at most MAX_BODY_WORDS words, ordered by the sha1 of the URL — and then the pages
after accept33's twelve: positions 12-31, the first 8 dev and the next 12 held out (round 29, accept34), then
positions 32-51, a second held-out slice `heldout2` (round 30, accept35; heldout2_index 0-19). Positions 52-79 are
entity pages (not built here); positions 80-95 are a second dev slice `dev2` (round 30, accept38; dev2_index 0-15);
positions 96-119, the last of the 120, a third held-out slice `heldout3` (round 31, accept39; heldout3_index 0-23).

It writes `{out}/articles.json` as bench/fixture_texts.py does ({key: {"articleBody": the kept text, "url", "title",
"split", "dev_index", "heldout_index", "heldout2_index", "dev2_index" or "heldout3_index", "position", "built_at"}})
and `{out}/build.json`, the commit the texts were built at. The committed gold's offsets hold for the texts of main
d371a58 (transforms/ last changed at dc60a69) for positions 12-31 and of main 5dbbc31 for 32-51; 5dbbc31's transforms/
(last changed at 1dc7e94) build 12-31 character for character as d371a58's did, so that tree builds all forty;
positions 80-95 hold for the texts of main 06ecbbb, positions 96-119 for those of main 5402ab5 (NOTES.md beside the
gold): `python -m bench.with_tree TREE bench.newspaper4k_figures DATA`, as bench/with_tree.py says.

Usage: python -m bench.newspaper4k_figures DATA [--out FOLDER]   (FOLDER defaults to DATA/newspaper4k-articles/figures)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
from pathlib import Path
from urllib.parse import urlparse

FOLDER = Path("newspaper4k-articles")
FIGURES = FOLDER / "figures"
# Hosts of the dataset that are not news publishers (accept33's rule 2).
NOT_NEWS = frozenset(
    """
about.fb.com blogs.berkeley.edu ideas.ted.com medium.com www.heritage.org www.whosdatedwho.com www.bodybuilding.com
""".split()
)
ENTITY_GOLD_LAST_ID = 140  # round 11's lost entity gold ended at id 129 at most (accept33's rule 3)
MAX_BODY_WORDS = 600
NAMED_AT = "b5247b9"  # the commit whose docs, bench and tests accept33 read for keys already named
NAMED_IN = ("docs", "bench", "tests")
ENTITY_PAGES = 12  # accept33's positions 0-11
DEV, HELDOUT, HELDOUT2 = 8, 12, 20  # positions 12-19, 20-31 (round 29) and 32-51 (round 30)
# Positions 52-79 are entity pages (round 30, entities35); positions 80-95 a second dev slice (round 30, accept38);
# positions 96-119 a third held-out slice (round 31, accept39).
DEV2_FIRST, DEV2 = 80, 16
HELDOUT3_FIRST, HELDOUT3 = 96, 24


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def named_keys(keys: list[str], repository: Path, commit: str = NAMED_AT) -> frozenset[str]:
    """The keys whose first eight characters the repository's docs, bench or tests name at `commit`."""
    named = set()
    for key in keys:
        found = subprocess.run(
            ["git", "grep", "-q", "-F", key[:8], commit, "--", *NAMED_IN], cwd=repository, capture_output=True
        )
        if found.returncode == 0:
            named.add(key)
    return frozenset(named)


def ordered_pages(truth: dict[str, dict], present: frozenset[str], named: frozenset[str]) -> list[str]:
    """accept33's eligible pages in the sha1 order of their URL."""
    eligible = [
        key
        for key, page in truth.items()
        if key in present
        and urlparse(page["url"]).netloc not in NOT_NEWS
        and int(page["id"]) > ENTITY_GOLD_LAST_ID
        and key not in named
        and len((page.get("articleBody") or "").split()) <= MAX_BODY_WORDS
    ]
    return sorted(eligible, key=lambda key: sha1(truth[key]["url"]))


def figure_pages(order: list[str]) -> list[tuple[str, str, int, int]]:
    """(key, split, index, position) of the figure pages: after accept33's, 8 dev, 12 held out, then 20 held out in
    a second slice (heldout2); after the entity pages 52-79, 16 in a second dev slice (dev2); then the last 24 held
    out in a third slice (heldout3)."""
    slices = (
        ("dev", ENTITY_PAGES, DEV),
        ("heldout", ENTITY_PAGES + DEV, HELDOUT),
        ("heldout2", ENTITY_PAGES + DEV + HELDOUT, HELDOUT2),
        ("dev2", DEV2_FIRST, DEV2),
        ("heldout3", HELDOUT3_FIRST, HELDOUT3),
    )
    return [
        (key, split, n, first + n) for split, first, size in slices for n, key in enumerate(order[first : first + size])
    ]


def build(data: Path, out: Path, repository: Path) -> dict:
    """Writes out/articles.json (the kept texts) and out/build.json; returns build.json's content."""
    from bench.eval_entities_real import kept_text
    from bench.fixture_texts import code_commit
    from transforms.options import EntityOptions, PipelineOptions

    truth = json.loads((data / FOLDER / "ground-truth.json").read_text(encoding="utf-8"))
    present = frozenset(path.stem for path in (data / FOLDER / "html").glob("*.html"))
    order = ordered_pages(truth, present, named_keys(sorted(truth), repository))
    commit = code_commit()
    options = PipelineOptions(entities=EntityOptions(syntax=False))  # as bench.eval_entities_real runs it
    articles, rejected = {}, []
    for key, split, index, position in figure_pages(order):
        url = truth[key]["url"]
        prepared = kept_text(key, (data / FOLDER / "html" / f"{key}.html").read_bytes(), url, options)
        if prepared is None:
            rejected.append(key)
            continue
        articles[key] = {
            "articleBody": prepared.article.text,
            "url": url,
            "title": prepared.article.title,
            "split": split,
            f"{split}_index": index,
            "position": position,
            "built_at": str(commit["commit"]),
        }
    out.mkdir(parents=True, exist_ok=True)
    (out / "articles.json").write_text(json.dumps(articles, ensure_ascii=False, indent=1), encoding="utf-8")
    summary = {**commit, "eligible": len(order), "kept": len(articles), "rejected": rejected}
    (out / "build.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="the data folder, with newspaper4k-articles/")
    parser.add_argument(
        "--out", type=Path, default=None, help="where to write (default DATA/newspaper4k-articles/figures)"
    )
    args = parser.parse_args(argv)
    repository = Path(__file__).resolve().parent.parent
    print(json.dumps(build(args.data, args.out or args.data / FIGURES, repository)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
