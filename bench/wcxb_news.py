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

Usage: python -m bench.wcxb_news WCXB_FOLDER
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

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


def news_pages(folder: Path) -> Iterator[tuple[str, Path]]:
    """(id, gzipped page) of every page the rule keeps, the shopping pages among them."""
    for truth in sorted((folder / "dev" / "ground-truth").glob("*.json")):
        entry = json.loads(truth.read_text(encoding="utf-8"))
        if entry.get("_internal", {}).get("page_type", {}).get("primary") != PAGE_TYPE or not entry.get("url"):
            continue
        if urlparse(entry["url"]).netloc.lower().removeprefix("www.") not in NEWS_HOSTS:
            continue
        body = entry["ground_truth"].get("main_content") or ""
        if detect_language(body).code != "en":
            continue
        yield truth.stem, folder / "dev" / "html" / f"{truth.stem}.html.gz"


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
    args = parser.parse_args(argv)
    print(write_folder(args.folder), "pages written to", args.folder / "figures" / "html")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
