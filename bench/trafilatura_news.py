"""trafilatura's evaluation pages from news publishers as a fixture folder: the figure set of round 24.

trafilatura's evaluation pages (github.com/adbar/trafilatura, tests/eval/ and tests/evaldata.json, Apache-2.0; copied
to `{data}/trafilatura-eval/tests/`) were read for extraction (`bench.eval_extraction --set dev`), never for figures.
This script keeps, by a rule fixed before any text was read, the pages of news publishers: the host of the page's
address in evaldata.json is one of NEWS_HOSTS (newspapers, broadcasters, news agencies, news magazines and news sites
that publish in English or have an English service, chosen from the host names alone). Left out: lifestyle, advice
and shopping sites, blogs, job boards, marketing pages. It writes each kept page to
`{data}/trafilatura-eval/figures/html/FILE` and builds `articles.json` with `bench/fixture_texts.py`: the pipeline's
text, kept when stored, English by the project's detector, with a digit and 80 words or more; every kept page held
out, numbered in the sha1 order of its file name. The judged set is the first 40 of that order (held-out 0-39).

Usage: python -m bench.trafilatura_news TRAFILATURA_EVAL_FOLDER
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path
from urllib.parse import urlparse

from bench.fixture_texts import build

# Fixed from evaldata.json's host names before any text was read (round 24, helper accept26).
NEWS_HOSTS = frozenset(
    """
abc13.com abc7news.com axios.com bbc.com bostonherald.com californiaglobe.com caymancompass.com cbsnews.com
citylimits.org corkbeo.ie dailymail.co.uk dw.com economictimes.indiatimes.com economist.com edition.cnn.com
fivethirtyeight.com gothamist.com harpers.org heartlandnewsfeed.com independent.co.uk japantimes.co.jp
kaieteurnewsonline.com kxan.com latimes.com laweekly.com medicalnewstoday.com metrotimes.com miamitodaynews.com
msn.com newrepublic.com nymag.com nytimes.com observer.com pagesix.com pcgamer.com pcmag.com phillyvoice.com
politico.com publishedreporter.com roughdraftatlanta.com standard.co.uk telegraph.co.uk theatlantic.com
theintercept.com thelocal.se timesofisrael.com tomshardware.com tonedeaf.thebrag.com twincities.com ukbdnews.com
villagevoice.com wired.com world.kbs.co.kr wsvn.com www3.nhk.or.jp xinhuanet.com yle.fi
""".split()
)
JUDGED = 40  # the first held-out pages of the sha1 order that are judged


def host(url: str) -> str:
    return urlparse(url).netloc.lower().removeprefix("www.")


def news_files(folder: Path) -> list[str]:
    """The file names of the pages whose address is on a news host (present in the copy)."""
    listing = json.loads((folder / "tests" / "evaldata.json").read_text(encoding="utf-8"))
    files = {entry["file"] for url, entry in listing.items() if host(url) in NEWS_HOSTS}
    # a file the copy lacks is skipped, so that the rule reads a partial or later copy the same way
    return sorted(file for file in files if (folder / "tests" / "eval" / file).is_file())


def copy_pages(folder: Path, files: list[str], pages: str = "eval") -> list[str]:
    """Copies the pages named (from {folder}/tests/{pages}/) to {folder}/figures/html/; returns their file names. The
    layout of trafilatura's and htmldate's evaluation folders alike (htmldate's mediacloud pages are in test_set/)."""
    out = folder / "figures" / "html"
    out.mkdir(parents=True, exist_ok=True)
    for file in files:
        shutil.copyfile(folder / "tests" / pages / file, out / file)
    return files


def write_folder(folder: Path) -> list[str]:
    """Copies the kept pages to {folder}/figures/html/; returns their file names."""
    return copy_pages(folder, news_files(folder))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the trafilatura copy, with tests/eval/ and tests/evaldata.json")
    args = parser.parse_args(argv)
    files = write_folder(args.folder)
    summary = build(args.folder / "figures", 0)
    print(len(files), "news pages;", summary["kept"], "kept; left out:", json.dumps(summary["left_out"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
