"""WCXB's English news pages as a fixture folder for bench/fixture_texts.py: the figure set of round 22.

WCXB (github.com/Murrough-Foley/web-content-extraction-benchmark, CC-BY-4.0; copied to `{data}/wcxb/`) types each
page of its development split. This script keeps, by a rule fixed before any text was read, the pages that are
news: page type "article", the address's host one of NEWS_HOSTS (news publishers, chosen from the host name alone),
and the ground-truth text read as English by the project's language detector. It writes them ungzipped to
`{data}/wcxb/figures/html/<id>.html` with `not-news.txt` (SHOPPING: buying guides and deals, set aside by address
and title as fundus's were), so that

    python -m bench.wcxb_news /work/data/wcxb && python -m bench.fixture_texts /work/data/wcxb/figures

builds `figures/articles.json`, every kept page held out in the sha1 order of its file name. The test split
(`{data}/wcxb-test/`) is never read.

`--dev2` writes instead the pages that rule leaves out, for the objects of money, percentages and measures on pages
that are not news (round 32): page type "article" with an address, not a page of NEWS_HOSTS (so none of the 66 above),
the ground truth read as English, in the sha1 order of the file name; each is run through fixture_texts' pipeline and
kept by its rule (stored, English, a digit, 80 words) when the kept text also holds a currency sign or "%", until
DEV2_PAGES are kept. They go to `figures-dev2/` (`html/`, `articles.json` with split "dev2" and `dev2_index`,
`build.json`), the `dev2` set of `bench.eval_figures_real --source wcxb`.

Usage: python -m bench.wcxb_news WCXB_FOLDER [--dev2]
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlparse

from bench import fixture_texts
from bench.fixture_texts import PageText
from transforms.figures.vocabulary import CURRENCY_SYMBOLS
from transforms.language import detect_language

PAGE_TYPE = "article"
# Newspapers, broadcasters, news agencies, general and trade news sites and news magazines among the hosts of the
# split's article pages, by host name alone. Left out: review and shopping sites, company, university and personal
# blogs, newsletters, research and government sites.
NEWS_HOSTS = frozenset(
    """
npr.org nytimes.com abc7ny.com today.com usatoday.com timesofindia.indiatimes.com commercialappeal.com
theatlantic.com newsweek.com theguardian.com nbcnews.com economictimes.indiatimes.com bssnews.net echolive.ie
thecolumbiastar.com sfist.com houstoniamag.com mashable.com bgr.com shssoutherner.org
hechingerreport.org statnews.com edweek.org freightwaves.com securityweek.com helpnetsecurity.com
insurancebusinessmag.com restaurantbusinessonline.com technologymagazine.com businessweekly.co.uk
scottishconstructionnow.com siliconangle.com dynamicbusiness.com nextgov.com bdcnetwork.com itbrief.news
securityinfowatch.com webpronews.com iotinsider.com cnx-software.com talkandroid.com xda-developers.com digit.in
em360tech.com beinsure.com quantamagazine.org scientificamerican.com nationalgeographic.com earth.org
modernfarmer.com artlyst.com filmmakermagazine.com thequietus.com movieweb.com gameinformer.com eurogamer.net
ign.com motorward.com roadandtrack.com topgear.com cio.com travelnoire.com utne.com
""".split()
)
# Pages of those hosts that sell rather than report (product picks with prices, deals, movers' directories), by
# address and title alone, before any text was read: fundus's "buying guide" and "wine picks" call.
SHOPPING = {
    "0500": "buying guide (smart lamps)",
    "2891": "buying guide (Wirecutter earbuds)",
    "4011": "buying guide (Wirecutter laptops)",
    "4472": "buying guide (NBC Select smart home hubs)",
    "4825": "buying guide (IGN gaming mice)",
    "4823": "buying guide (Eurogamer gaming mice)",
    "4500": "buying guide (BGR headphones)",
    "4499": "buying guide (Road & Track electric cars)",
    "4052": "buying guide (Top Gear electric cars on sale)",
    "0080": "deals (Black Friday offers)",
    "0477": "deal (MacBook Pro)",
    "0394": "gift guide",
    "0056": "directory of moving companies",
    "1837": "directory of moving companies",
}


DEV2_FOLDER = "figures-dev2"
DEV2_PAGES = 20
# What a kept text of the dev2 slice must hold: a sign of money or of a percentage, the objects that slice is for.
DEV2_SIGNS = ("%", *CURRENCY_SYMBOLS)


def article_pages(folder: Path, news: bool) -> Iterator[tuple[str, Path]]:
    """(id, gzipped page) of every English article page with an address whose host is (news) or is not a news host."""
    for truth in sorted((folder / "dev" / "ground-truth").glob("*.json")):
        entry = json.loads(truth.read_text(encoding="utf-8"))
        if entry.get("_internal", {}).get("page_type", {}).get("primary") != PAGE_TYPE or not entry.get("url"):
            continue
        if (urlparse(entry["url"]).netloc.lower().removeprefix("www.") in NEWS_HOSTS) != news:
            continue
        body = entry["ground_truth"].get("main_content") or ""
        if detect_language(body).code != "en":
            continue
        yield truth.stem, folder / "dev" / "html" / f"{truth.stem}.html.gz"


def news_pages(folder: Path) -> Iterator[tuple[str, Path]]:
    """(id, gzipped page) of every page the rule keeps, the shopping pages among them."""
    return article_pages(folder, news=True)


def dev2_reason_left_out(page: PageText) -> str | None:
    """fixture_texts' reason, or that the kept text has no money or percentage sign; None to keep the page."""
    reason = fixture_texts.reason_left_out(page, frozenset())
    if reason is None and not any(sign in (page.text or "") for sign in DEV2_SIGNS):
        return "no currency sign or %"
    return reason


def write_dev2(folder: Path, read: Callable[[Path], PageText] | None = None, pages: int = DEV2_PAGES) -> dict:
    """Writes {folder}/figures-dev2/ (html/, articles.json, build.json) from the non-news article pages in the split
    order, stopping once `pages` are kept; returns build.json's content."""
    read = read or fixture_texts.pipeline_texts()
    out = folder / DEV2_FOLDER
    (out / "html").mkdir(parents=True, exist_ok=True)
    commit = fixture_texts.code_commit()
    candidates = sorted(
        article_pages(folder, news=False), key=lambda page: fixture_texts.split_order(f"{page[0]}.html")
    )
    articles: dict[str, dict] = {}
    left_out: dict[str, str] = {}
    for stem, page in candidates:
        if len(articles) == pages:
            break
        path = out / "html" / f"{stem}.html"
        path.write_bytes(gzip.decompress(page.read_bytes()))
        text = read(path)
        reason = dev2_reason_left_out(text)
        if reason is not None:
            left_out[path.name] = reason
            continue
        articles[stem] = {
            "articleBody": text.text,
            "file": text.file,
            "title": text.title,
            "language": text.language,
            "word_count": text.word_count,
            "split": "dev2",
            "dev2_index": len(articles),
            "built_at": commit["commit"],
        }
    (out / "articles.json").write_text(json.dumps(articles, ensure_ascii=False, indent=1), encoding="utf-8")
    pages_read = len(articles) + len(left_out)
    summary = {**commit, "candidates": len(candidates), "read": pages_read, "kept": len(articles), "left_out": left_out}
    (out / "build.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")
    return summary


def write_folder(folder: Path) -> int:
    """Writes {folder}/figures/html/ and not-news.txt; returns the number of pages written."""
    out = folder / "figures"
    (out / "html").mkdir(parents=True, exist_ok=True)
    written = 0
    for stem, page in news_pages(folder):
        (out / "html" / f"{stem}.html").write_bytes(gzip.decompress(page.read_bytes()))
        written += 1
    lines = [f"{stem}.html  # {why}" for stem, why in sorted(SHOPPING.items())]
    (out / "not-news.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the WCXB copy, with dev/html/ and dev/ground-truth/")
    parser.add_argument("--dev2", action="store_true", help=f"write {DEV2_FOLDER}/ (pages not news) instead")
    args = parser.parse_args(argv)
    if args.dev2:
        summary = write_dev2(args.folder)
        print({k: v for k, v in summary.items() if k != "left_out"}, "left out:", len(summary["left_out"]))
        return 0
    print(write_folder(args.folder), "pages written to", args.folder / "figures" / "html")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
