"""htmldate's Media Cloud pages from news publishers as a fixture folder: the figure set of round 26.

htmldate's second evaluation set (github.com/adbar/htmldate, tests/test_set/ and tests/eval_mediacloud_2020.json,
Apache-2.0: 200 news pages of 2020 sampled by Media Cloud, in many languages; copied to
`{data}/htmldate-mediacloud/tests/`) was never read by newsetl (round 25 read htmldate's other set, tests/eval/). A
page whose address (scheme, `www.` and a trailing slash aside) is in htmldate's eval_default.json or trafilatura's
evaldata.json is dropped. Of the rest this script keeps, by a rule fixed from the host names alone before any text was
read, the pages of news publishers: the host of the page's address is one of NEWS_HOSTS (newspapers, broadcasters,
news agencies, news magazines and news sites in any language, and a publisher's own feed redirector such as
feeds.reuters.com; the language test below keeps English). Left out: search engines and aggregators
(news.google.com, feedproxy.google.com), social and video sites, blogs, wikis, forums and Q&A sites, press-release
wires, a think tank, a journal archive, trade and property sites, and hosts that do not say whose they are. It writes
each kept page to `{data}/htmldate-mediacloud/figures/html/FILE` and builds `articles.json` with
`bench/fixture_texts.py`: the pipeline's text, kept when stored, English by the project's detector, with a digit and 80
words or more; every kept page held out, numbered in the sha1 order of its file name. The set is the first 50 of that
order (held-out 0-49; 0-39 judged first).

Usage: python -m bench.mediacloud_news MEDIACLOUD_FOLDER [--htmldate HTMLDATE_EVAL_FOLDER]
    [--trafilatura TRAFILATURA_EVAL_FOLDER]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bench.fixture_texts import build
from bench.htmldate_news import address, host, trafilatura_pages
from bench.trafilatura_news import copy_pages

# Fixed from eval_mediacloud_2020.json's host names before any text was read (round 26, helper accept29).
NEWS_HOSTS = frozenset(
    """
24tv.ua 96fm.ie a1plus.am abc7ny.com actu.fr actualno.com aif.ru akhbarelyom.com alarmeringen.nl albayan.ae
almadenahnews.com alyaum.com amarujala.com andaluciainformacion.es ansa.it arabic.sputniknews.com aryanews.com
asiapacificstar.com au.news.yahoo.com avaz.ba baltimoresun.com baon.hu beirutobserver.com bizwest.com bohemia.cu
businesstimes.com.sg businesstoday.in chicago.suntimes.com couriermail.com.au dailymail.co.uk detaykibris.com
diariodelsur.com.co diariolibre.com divyabhaskar.co.in dln.com eastbaytimes.com economia.ig.com.br
economictimes.indiatimes.com elbaladtv.net eldia.com elsoldemazatlan.com.mx elsoldesanjuandelrio.com.mx elvallenc.cat
engadget.com farodevigo.es feeds.bizjournals.com feeds.mashable.com feeds.reuters.com forbes.com g1.globo.com
globalnews.ca guineenews.org haniotika-nea.gr hatawtabloid.com hbl.fi hindi.business-standard.com hindustantimes.com
hutchnews.com ici.radio-canada.ca ilmattino.it inform.kz infranken.de inquirer.com israelhayom.co.il jagran.com
junin24.com kdvr.com kesq.com khabaronline.ir kiow.com koha.net kut.org la-prensa.com.mx lagazzettadelmezzogiorno.it
lainformacion.com laprensafl.com laprensalatina.com larazon.pe lavozdelafrontera.com.mx lexpress.fr listindiario.com
lrt.lt m.daejonilbo.com malaymail.com marketwatch.com mirror.co.uk mk.ru money.udn.com moneycontrol.com monroenews.com
mynet.com nationalpost.com nckansasnews.com news.am news.az news.biglobe.ne.jp news.chosun.com news.ltn.com.tw
news.sina.com.tw news.yam.md news18.com noticiaexata.com.br noticias.uol.com.br noticierodigital.com novinky.cz noz.de
nzz.ch oann.com opapel.com oren.mk.ru otempo.com.br philstar.com radionacional.com.ar recordonline.com
registerguard.com republicoftogo.com revistaforum.com.br rnanews.com rssfeeds.detroitnews.com rssfeeds.usatoday.com
rzn.mk.ru sanfrancisco.cbslocal.com seattlepi.com seattletimes.com semissourinews.com sfgate.com slobodnaevropa.org
sn.dk sonline.hu soychile.cl sputniknews.com standard.al stuff.co.nz sudinfo.be tass.ru telepinar.cu theargus.co.uk
thefrontierpost.com thestar.com theweek.com thewest.com.au timesofindia.indiatimes.com tribunnews.com
trojmiasto.wyborcza.pl tucson.com tvn24.pl ukrinform.ru unn.com.ua uol.com.br upmedia.mg upton.wickedlocal.com
urdupoint.com vosgesmatin.fr vratza.com washingtonpost.com whnt.com yjc.ir yle.fi youm7.com zaxid.net zimeye.net
""".split()
)
SET_SIZE = 50  # the first held-out pages of the sha1 order that make the set
JUDGED = 40  # of which the first are judged (0-39); 40-49 are scored once by the lead


def htmldate_addresses(folder: Path | None) -> frozenset[str]:
    """The addresses of htmldate's other evaluation pages, read in round 25 (empty when its copy is absent)."""
    listing_path = None if folder is None else folder / "tests" / "eval_default.json"
    if listing_path is None or not listing_path.is_file():
        return frozenset()
    return frozenset(address(url) for url in json.loads(listing_path.read_text(encoding="utf-8")))


def news_files(folder: Path, htmldate: Path | None, trafilatura: Path | None) -> list[str]:
    """The file names of the pages on a news host, not in htmldate's or trafilatura's other sets, present in the
    copy."""
    listing = json.loads((folder / "tests" / "eval_mediacloud_2020.json").read_text(encoding="utf-8"))
    seen = htmldate_addresses(htmldate) | trafilatura_pages(trafilatura)[0]
    files = {entry["file"] for url, entry in listing.items() if host(url) in NEWS_HOSTS and address(url) not in seen}
    # a file the copy lacks is skipped, so that the rule reads a partial or later copy the same way
    return sorted(file for file in files if (folder / "tests" / "test_set" / file).is_file())


def write_folder(folder: Path, htmldate: Path | None, trafilatura: Path | None) -> list[str]:
    """Copies the kept pages to {folder}/figures/html/; returns their file names."""
    return copy_pages(folder, news_files(folder, htmldate, trafilatura), pages="test_set")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the copy, with tests/test_set/ and tests/eval_mediacloud_2020.json")
    parser.add_argument("--htmldate", type=Path, default=None, help="htmldate's copy (default: beside FOLDER)")
    parser.add_argument("--trafilatura", type=Path, default=None, help="trafilatura's copy (default: beside FOLDER)")
    args = parser.parse_args(argv)
    htmldate = args.htmldate or args.folder.parent / "htmldate-eval"
    trafilatura = args.trafilatura or args.folder.parent / "trafilatura-eval"
    files = write_folder(args.folder, htmldate, trafilatura)
    summary = build(args.folder / "figures", 0)
    print(len(files), "news pages;", summary["kept"], "kept; left out:", json.dumps(summary["left_out"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
