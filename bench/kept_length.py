"""Pages whose kept text is far longer than their article: the pipeline's words against the truth's, and where
the extra words sit.

Reads the texts `bench.eval_extraction --texts DIR` writes (DIR/newsetl-pipeline/<page>.txt beside
DIR/truth/<page>.txt) and lists each kept page with more than `--ratio` (1.5) times its truth's words, with
the words before the truth's first line, between its lines and after its last line. A line is the
truth's when it is in the truth's text or 80% of its words are. Extra words after the truth's last line
with a recall near 1 are most often the rest of the story on a truth that stops early (newspaper4k cuts
some bodies after their first paragraphs); extra words inside are captions, teasers or a list the truth
leaves out; read the lines (`--lines N`) to tell them apart. With `--newspaper4k DATA`, the same for the
texts frozen in newspaper4k's figure slices (`{DATA}/newspaper4k-articles/figures/articles.json`) against
the dataset's bodies, slice by slice.

Usage: python -m bench.kept_length DIR [--ratio 1.5] [--lines N]
       python -m bench.kept_length --newspaper4k eval-data [--ratio 1.5]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

_WORD = re.compile(r"\w+")


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


@dataclass(frozen=True, slots=True)
class KeptLength:
    name: str
    kept_words: int
    truth_words: int
    recall: float  # share of the truth's words (bag of words) in the kept text
    before: list[str]  # kept lines before the truth's first line
    inside: list[str]  # kept lines between the truth's first and last lines that are not the truth's
    after: list[str]  # kept lines after the truth's last line

    @property
    def ratio(self) -> float:
        return self.kept_words / max(self.truth_words, 1)


def kept_length(name: str, kept: str, truth: str) -> KeptLength:
    """Where the kept text's words beyond its truth's sit."""
    lines = [line for line in kept.splitlines() if line.strip()]
    truth_bag = Counter(_tokens(truth))
    truth_folded = " ".join(_tokens(truth))

    def in_truth(line: str) -> bool:
        words = _tokens(line)
        return bool(words) and (
            " ".join(words) in truth_folded or sum(1 for word in words if truth_bag[word]) >= 0.8 * len(words)
        )

    marks = [in_truth(line) for line in lines]
    found = [index for index, mark in enumerate(marks) if mark]
    first, last = (found[0], found[-1]) if found else (len(lines), len(lines) - 1)
    recall = sum((Counter(_tokens(kept)) & truth_bag).values()) / max(sum(truth_bag.values()), 1)
    return KeptLength(
        name=name,
        kept_words=len(kept.split()),
        truth_words=len(truth.split()),
        recall=recall,
        before=lines[:first],
        inside=[line for index, line in enumerate(lines[first : last + 1], first) if not marks[index]],
        after=lines[last + 1 :] if found else [],
    )


def _words(lines: list[str]) -> int:
    return sum(len(line.split()) for line in lines)


def long_pages(pairs: list[tuple[str, str, str]], ratio: float) -> list[KeptLength]:
    """The kept pages (name, kept text, truth) whose kept text has more than `ratio` times the truth's words."""
    found = [kept_length(name, kept, truth) for name, kept, truth in pairs if kept.strip() and truth.strip()]
    return sorted((page for page in found if page.ratio > ratio), key=lambda page: -page.ratio)


def texts_dir_pairs(folder: Path) -> list[tuple[str, str, str]]:
    pairs = []
    for path in sorted((folder / "newsetl-pipeline").glob("*.txt")):
        truth = folder / "truth" / path.name
        if truth.exists():
            pairs.append((path.stem, path.read_text(encoding="utf-8"), truth.read_text(encoding="utf-8")))
    return pairs


def newspaper4k_slice_pairs(data: Path) -> dict[str, list[tuple[str, str, str]]]:
    """The frozen texts of newspaper4k's figure slices with the dataset's bodies, by slice."""
    folder = data / "newspaper4k-articles"
    articles = json.loads((folder / "figures" / "articles.json").read_text(encoding="utf-8"))
    bodies = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    slices: dict[str, list[tuple[str, str, str]]] = {}
    for name, article in sorted(articles.items(), key=lambda item: item[1]["position"]):
        slices.setdefault(article["split"], []).append((name, article["articleBody"], bodies[name]["articleBody"]))
    return slices


def print_report(label: str, pairs: list[tuple[str, str, str]], ratio: float, lines: int) -> None:
    pages = long_pages(pairs, ratio)
    kept = sum(1 for _name, text, truth in pairs if text.strip() and truth.strip())
    over_3x = sum(page.ratio > 3 for page in pages)
    print(f"{label}: {kept} kept pages, {len(pages)} over {ratio}x their truth, {over_3x} over 3x")
    for page in pages:
        print(
            f"  {page.ratio:6.2f} {page.name[:40]:40} {page.kept_words:6} / {page.truth_words:5} words, recall "
            f"{page.recall:.2f}; extra before {_words(page.before)}, inside {_words(page.inside)}, "
            f"after {_words(page.after)}"
        )
        for where, extra in (("before", page.before), ("inside", page.inside), ("after", page.after)):
            for line in extra[:lines]:
                print(f"      {where:6} | {line[:140]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("texts", type=Path, nargs="?", help="a folder written by bench.eval_extraction --texts")
    parser.add_argument("--newspaper4k", type=Path, help="the data folder: newspaper4k's figure slices instead")
    parser.add_argument("--ratio", type=float, default=1.5)
    parser.add_argument("--lines", type=int, default=0, help="extra lines shown where each sits")
    args = parser.parse_args(argv)
    if args.newspaper4k:
        for split, pairs in newspaper4k_slice_pairs(args.newspaper4k).items():
            print_report(f"newspaper4k {split}", pairs, args.ratio, args.lines)
        return 0
    if args.texts is None:
        parser.error("give a texts folder or --newspaper4k DATA")
    print_report(str(args.texts), texts_dir_pairs(args.texts), args.ratio, args.lines)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
