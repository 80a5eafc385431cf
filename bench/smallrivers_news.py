"""smallrivers' fork of snacktory: the test pages it added, from news publishers, as a fixture folder (round 27).

github.com/smallrivers/snacktory at 6a87f3f (a fork of karussell/snacktory, whose README gives the Apache 2.0 licence;
the fork has no licence file of its own; the pages are their publishers') holds 154 saved pages under
`src/test/resources/de/jetwick/snacktory/` and `test_data/`, copied byte for byte, paths kept, to
`{data}/snacktory-smallrivers/`; karussell's pages at c05c5ec (the commit of the round-20 set, 111 pages, the same
paths) are copied to `{data}/snacktory-smallrivers/upstream/` to be told apart. A page whose bytes or address are one
of karussell's is dropped: 103 of the fork's are karussell's own. A page's address is where its saving browser says it
was saved from (`<!-- saved from url=(N)URL -->`), else its `<link rel=canonical>` or `og:url` (either attribute
order); an address that is not absolute counts as none. A page is kept, by a rule fixed from the addresses alone
before any text was read, when its host is one of NEWS_HOSTS (newspapers, broadcasters, news agencies, news magazines
and news sites in any language; the language test keeps English) and the address is no listing. Left out: pages with
no address (most name a site only in their file name), press-release wires and company pages, trade and marketing
blogs (adweek's PRNewser, PR Daily, Search Engine Journal, Spin Sucks), a market-research firm, a citizen-journalism
site, shops, a lifestyle and a weddings magazine, blog hosts, and two sites that do not say whose they are
(usnewsrank.com, news8plus.com). Then, as bench/metadata_lib_news.py does: a page whose address is another set's
(OTHER_SETS with metadata-lib's) or an earlier kept page's is dropped, and so is one whose text's title or first 200
characters is. It writes each kept page to `{data}/snacktory-smallrivers/figures/html/BASENAME`, what was dropped and
why to `figures/selection.json`, and builds `articles.json` with `bench/fixture_texts.py`: every kept page held out,
numbered in the sha1 order of its file name.

The gold's offsets hold for the texts of one commit (bench/gold/snacktory-smallrivers/NOTES.md: a5237d9): build with
its transforms/, `python -m bench.with_tree TREE bench.smallrivers_news FOLDER`.

Usage: python -m bench.smallrivers_news FOLDER [--data DATA_FOLDER]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from bench.fixture_texts import PageText, pipeline_texts
from bench.htmldate_news import address, host
from bench.metadata_lib_news import OTHER_SETS, is_listing, original, other_pages, repeats, write_selection

UPSTREAM = "upstream"  # karussell's pages, beside the fork's
FIGURES = "figures"
# Fixed from the hosts of the fork's new pages' addresses before any text was read (round 27, helper accept31).
NEWS_HOSTS = frozenset(
    """
247wallst.com bbc.com entrepreneur.com fortune.com huffingtonpost.com huffpost.com khaleejtimes.com newsgram.com
notebookcheck.com people.com sport24.lefigaro.fr taz.de techworld.com themedialine.org theislandnow.com
""".split()
)
SEEN_SETS = (*OTHER_SETS, "mediacloud-metadata")
PAGE_ADDRESS = re.compile(
    r"<!-- saved from url=\(\d+\)(\S+?)\s*-->"
    r"|<link\b[^>]*\brel=[\"']?canonical[^>]*\bhref=[\"']([^\"'>\s]+)"
    r"|<meta\b[^>]*\bproperty=[\"']og:url[\"'][^>]*\bcontent=[\"']([^\"'>\s]+)"
    r"|<meta\b[^>]*\bcontent=[\"']([^\"'>\s]+)[\"'][^>]*\bproperty=[\"']og:url[\"']",
    re.IGNORECASE,
)


def page_address(html: bytes) -> str | None:
    """Where the page says it was saved from, else its canonical or og:url address: the first absolute one."""
    text = html.decode("utf-8", errors="replace")
    for kind in (1, 2):  # the browser's note first, then what the page says of itself
        for match in PAGE_ADDRESS.finditer(text):
            url = match.group(1) if kind == 1 else (match.group(2) or match.group(3) or match.group(4))
            if url and url.lower().startswith(("http://", "https://")):
                return original(url)
    return None


def is_news(url: str) -> bool:
    return host(url) in NEWS_HOSTS and not is_listing(url)


def saved_pages(folder: Path) -> Iterator[Path]:
    """The fork's pages, in path order, karussell's copy beside them and the built folder aside."""
    for path in sorted(folder.rglob("*.htm*")):
        if path.is_file() and path.relative_to(folder).parts[0] not in (UPSTREAM, FIGURES):
            yield path


def upstream_pages(folder: Path) -> tuple[frozenset[str], frozenset[str]]:
    """The sha1 of the bytes and the addresses of karussell's pages."""
    digests, addresses = set(), set()
    for path in (folder / UPSTREAM).rglob("*.htm*"):
        html = path.read_bytes()
        digests.add(hashlib.sha1(html).hexdigest())
        url = page_address(html)
        if url:
            addresses.add(address(url))
    return frozenset(digests), frozenset(addresses)


def news_files(folder: Path, seen: frozenset[str]) -> tuple[list[Path], dict[str, str]]:
    """The fork's news pages new to newsetl, and why each other page was dropped (by base name)."""
    digests, upstream = upstream_pages(folder)
    kept: list[Path] = []
    dropped: dict[str, str] = {}
    earlier: set[str] = set()
    for path in saved_pages(folder):
        html = path.read_bytes()
        url = page_address(html)
        if hashlib.sha1(html).hexdigest() in digests:
            dropped[path.name] = "karussell's page"
        elif url is None:
            dropped[path.name] = "no address"
        elif address(url) in upstream:
            dropped[path.name] = f"karussell's address: {url}"
        elif not is_news(url):
            dropped[path.name] = f"not news: {url}"
        elif address(url) in seen:
            dropped[path.name] = f"in another set: {url}"
        elif address(url) in earlier or path.name in {other.name for other in kept}:
            dropped[path.name] = f"a copy of an earlier page: {url}"
        else:
            kept.append(path)
            earlier.add(address(url))
    return kept, dropped


def write_folder(folder: Path, data: Path, read: Callable[[Path], PageText] | None = None) -> dict:
    """Copies the kept pages to {folder}/figures/html/, writes figures/selection.json and builds articles.json;
    returns fixture_texts' summary with what the selection dropped."""
    read = read or pipeline_texts()
    addresses, titles, openings = other_pages(data, SEEN_SETS)
    paths, dropped = news_files(folder, addresses)
    texts = {path.name: read(path) for path in paths}
    dropped |= repeats(texts.values(), titles, openings)
    return write_selection(folder / FIGURES, {path.name: path for path in paths}, dropped, texts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the fork's copy, with karussell's pages under upstream/")
    parser.add_argument("--data", type=Path, default=None, help="the data folder of the other sets (default: FOLDER's)")
    args = parser.parse_args(argv)
    summary = write_folder(args.folder, args.data or args.folder.parent)
    print(summary["pages"], "news pages;", summary["kept"], "kept; left out:", json.dumps(summary["left_out"]))
    print("dropped:", len(summary["dropped"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
