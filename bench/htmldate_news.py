"""htmldate's evaluation pages from news publishers as a fixture folder: the figure set of round 25.

htmldate's evaluation pages (github.com/adbar/htmldate, tests/eval/ and tests/eval_default.json, Apache-2.0; copied
to `{data}/htmldate-eval/tests/`) were never read by newsetl. The same author's trafilatura set
(`{data}/trafilatura-eval/`, judged in round 24) shares most of them: a page whose address (scheme, `www.` and a
trailing slash aside) or file name is in trafilatura's evaldata.json is dropped. Of the rest this script keeps, by a
rule fixed from the host names alone before any text was read, the pages of news publishers: the host of the page's
address is one of NEWS_HOSTS (newspapers, broadcasters, news agencies, news magazines and news sites in any
language; the language test below keeps English). Left out: blogs, shops, recipe and lifestyle sites, trade and
crypto sites, parties, churches, ministries and clubs, humour sites. It writes each kept page to
`{data}/htmldate-eval/figures/html/FILE` and builds `articles.json` with `bench/fixture_texts.py`: the pipeline's text,
kept when stored, English by the project's detector, with a digit and 80 words or more; every kept page held out,
numbered in the sha1 order of its file name. The set is the first 50 of that order (held-out 0-49; 0-39 judged first).

Usage: python -m bench.htmldate_news HTMLDATE_EVAL_FOLDER [--trafilatura TRAFILATURA_EVAL_FOLDER]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from urllib.parse import urlparse

from bench.fixture_texts import build
from bench.trafilatura_news import copy_pages

# Fixed from eval_default.json's host names (after the trafilatura duplicates were dropped) before any text was read
# (round 25, helper accept28).
NEWS_HOSTS = frozenset(
    """
20minutes.fr aargauerzeitung.ch abcnews.go.com abendzeitung-muenchen.de aero.de aerotelegraph.com aerztezeitung.de
ak-kurier.de akweb.de belfastlive.co.uk bernau-live.de birminghammail.co.uk bnn.de boston.com breakingnews.ie
breakingnewstoday.co.uk channel4.com chicagoreader.com chicagotribune.com consettmagazine.com correctiv.org
courrierinternational.com dailyherald.com dailyrecord.co.uk deadlinenews.co.uk denverpost.com elmundo.es
express.co.uk faz.net focus.de fox2now.com foxnews.com ga.de handball-world.news handelsblatt.com huffingtonpost.co.uk
huffpost.com infobae.com irishtimes.com kentnews.online kron4.com ktla.com lemonde.fr leparisien.fr lepoint.fr
lesechos.fr liberation.fr manchestereveningnews.co.uk mercurynews.com metro.co.uk n.news.naver.com nbcnews.com ndr.de
necn.com news10.com news4max.com newsnet.scot newsweek.com northernirelandworld.com npr.org nypost.com
ouest-france.fr paz.de people.com politicalite.com politics.co.uk portsmouth.co.uk positive.news repubblica.it
riverfronttimes.com salon.com scotsman.com sports.ndtv.com standard.co.uk telegraph.co.uk theconversation.com
thescarboroughnews.co.uk thescottishsun.co.uk thesun.co.uk theweek.com vaticannews.va vnexpress.net
voice-online.co.uk walesonline.co.uk washingtontimes.com whdh.com wiadomosci.wp.pl wired.co.uk wivb.com yomiuri.co.jp
""".split()
)
SET_SIZE = 50  # the first held-out pages of the sha1 order that make the set
JUDGED = 40  # of which the first are judged (0-39); 40-49 are scored once by the lead


def host(url: str) -> str:
    return urlparse(url).netloc.lower().removeprefix("www.")


def address(url: str) -> str:
    """An address without scheme, `www.` or trailing slash, to find the same page listed twice."""
    return url.lower().split("://", 1)[-1].removeprefix("www.").rstrip("/")


def trafilatura_pages(folder: Path | None) -> tuple[frozenset[str], frozenset[str]]:
    """The addresses and file names of trafilatura's evaluation pages (empty when its copy is absent)."""
    listing_path = None if folder is None else folder / "tests" / "evaldata.json"
    if listing_path is None or not listing_path.is_file():
        return frozenset(), frozenset()
    listing = json.loads(listing_path.read_text(encoding="utf-8"))
    return frozenset(address(url) for url in listing), frozenset(entry["file"] for entry in listing.values())


def news_files(folder: Path, trafilatura: Path | None) -> list[str]:
    """The file names of the pages on a news host, not in trafilatura's set, present in the copy."""
    listing = json.loads((folder / "tests" / "eval_default.json").read_text(encoding="utf-8"))
    seen_addresses, seen_files = trafilatura_pages(trafilatura)
    files = {
        entry["file"]
        for url, entry in listing.items()
        if host(url) in NEWS_HOSTS and address(url) not in seen_addresses and entry["file"] not in seen_files
    }
    # a file the copy lacks is skipped, so that the rule reads a partial or later copy the same way
    return sorted(file for file in files if (folder / "tests" / "eval" / file).is_file())


def write_folder(folder: Path, trafilatura: Path | None) -> list[str]:
    """Copies the kept pages to {folder}/figures/html/; returns their file names."""
    return copy_pages(folder, news_files(folder, trafilatura))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the htmldate copy, with tests/eval/ and tests/eval_default.json")
    parser.add_argument(
        "--trafilatura", type=Path, default=None, help="trafilatura's copy (default: beside FOLDER, trafilatura-eval)"
    )
    args = parser.parse_args(argv)
    trafilatura = args.trafilatura or args.folder.parent / "trafilatura-eval"
    files = write_folder(args.folder, trafilatura)
    summary = build(args.folder / "figures", 0)
    print(len(files), "news pages;", summary["kept"], "kept; left out:", json.dumps(summary["left_out"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
