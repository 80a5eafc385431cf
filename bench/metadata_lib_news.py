"""Media Cloud metadata-lib's saved test pages from news publishers as a fixture folder: the figure set of round 27.

Media Cloud's metadata library (github.com/mediacloud/metadata-lib at 23948e2, Apache-2.0; `mcmetadata/test/` copied
to `{data}/mediacloud-metadata/mcmetadata/test/`) caches the pages its tests fetch in `fixtures/`, each named by its
address with every non-word character removed (`cached-httpswwwcnncom2023...`), plus three pages saved by name. A
page's address is taken from the test files, which name the address each cached page was fetched from (only the
addresses are read there, never what a test expects), else from the page's own `<link rel=canonical>` or `og:url`; an
address saved by the Wayback Machine (`web.archive.org/web/TIME/URL`) is read as the page it saved. A page is kept, by
a rule fixed from the addresses alone before any text was read, when its host is one of NEWS_HOSTS (newspapers,
broadcasters, news agencies and news sites in any language, and a publisher's own short links such as cnn.it; the
language test below keeps English) and the address is not a listing (a front page, a section's front such as
`/global/`, a tag page or a feed). Left out: a page with no address, aggregators and trackers (upstract.com,
api.follow.it), blogs and blog hosts, government, university, law-firm, charity, market-research, scripture and lyrics
sites, video platforms, a press-release portal (finanznachrichten.de) and a fashion magazine. A page whose address
(scheme, `www.` and a trailing slash aside) is one kept earlier in file name order, or one of a set read before
(OTHER_SETS under the data folder: their listings and their pages' own addresses), is dropped; so is one whose text's
title or first 200 characters is another set's or an earlier kept page's. It writes each kept page to
`{data}/mediacloud-metadata/figures/html/FILE.html`, what was dropped and why to `figures/selection.json`, and builds
`articles.json` with `bench/fixture_texts.py`: the pipeline's text, kept when stored, English by the project's
detector, with a digit and 80 words or more; every kept page held out, numbered in the sha1 order of its file name.

The gold's offsets hold for the texts of one commit (bench/gold/mediacloud-metadata/NOTES.md): build with its
transforms/, `python -m bench.with_tree TREE bench.metadata_lib_news FOLDER`.

Usage: python -m bench.metadata_lib_news FOLDER [--data DATA_FOLDER]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from urllib.parse import urlparse

from bench.fixture_texts import PageText, build, pipeline_texts
from bench.htmldate_news import address, host

FIXTURES = Path("mcmetadata") / "test" / "fixtures"
TESTS = Path("mcmetadata") / "test"
# Fixed from the hosts of the fixtures' addresses before any text was read (round 27, helper accept30).
NEWS_HOSTS = frozenset(
    """
atv.hu band.uol.com.br bizjournals.com bloomberg.com bostonglobe.com canarias7.es cbc.ca cnn.com cnn.it corriere.it
diariobahiadecadiz.com elimpulso.com entretenimento.uol.com.br foxnews.com g1.globo.com graiul.ro hindi.oneindia.com
indiatimes.com informecorrientes.com jpnn.com kenya-today.com kpbs.org lanacion.com.ar mk.co.kr naibaat.pk
nbcmontana.com nyti.ms nytimes.com observers.france24.com ozap.com pagina12.com.ar peoplesdailyng.com
radioalianca.com.br sdpnoticias.com sun-sentinel.com telegraf.al thekenyatimes.com thestar.com
timesofindia.indiatimes.com trussvilletribune.com uniradioinforma.com ura.news wapo.st wdsu.com wired.com
world.huanqiu.com
""".split()
)
# The sets newsetl has read, under the data folder: their pages' addresses, titles and openings are not read again.
OTHER_SETS = (
    "htmldate-mediacloud",
    "htmldate-eval",
    "trafilatura-eval",
    "wcxb",
    "readability-testpages",
    "snacktory-fixtures",
    "fundus-testdata",
    "postlight-fixtures",
    "goose3-fixtures",
    "newspaper3k-fixtures",
)
LISTINGS = ("eval_mediacloud_2020.json", "eval_default.json", "evaldata.json")  # htmldate's and trafilatura's
LISTING = frozenset({"tag", "tags", "feed", "rss"})  # path segments of pages that list other pages
OPENING = 200  # characters of a text that make it the same page as another
ADDRESS_IN_TEST = re.compile(r"https?://[^\s\"'<>,)]+")
OWN_ADDRESS = re.compile(
    r"<link\b[^>]*\brel=[\"']?canonical[^>]*\bhref=[\"']([^\"'>\s]+)"
    r"|<meta\b[^>]*\bproperty=[\"']og:url[\"'][^>]*\bcontent=[\"']([^\"'>\s]+)",
    re.IGNORECASE,
)
WAYBACK = re.compile(r"^https?://web\.archive\.org/web/(?:\d+(?:id_)?/)?(?=https?://)", re.IGNORECASE)


def cache_name(url: str) -> str:
    """The file name metadata-lib's tests cache a fetched address under (its `filesafe_url`)."""
    return "cached-" + re.sub(r"\W+", "", url.replace('"', ""))


def test_addresses(folder: Path) -> dict[str, str]:
    """file name -> the address the test files fetched it from (the first found, in file and text order)."""
    found: dict[str, str] = {}
    for test_file in sorted((folder / TESTS).glob("*.py")):
        for url in ADDRESS_IN_TEST.findall(test_file.read_text(encoding="utf-8", errors="replace")):
            found.setdefault(cache_name(url), url)
    return found


def own_address(html: bytes) -> str | None:
    """The page's `<link rel=canonical>` or `og:url`, whichever comes first with an address."""
    match = OWN_ADDRESS.search(html.decode("utf-8", errors="replace"))
    return (match.group(1) or match.group(2)) if match else None


def original(url: str) -> str:
    """The address a Wayback Machine address saved, or the address itself."""
    return WAYBACK.sub("", url.strip())


def is_listing(url: str) -> bool:
    """A front page, a section's front (one word: `/global/`), a tag page or a feed: from the address alone."""
    segments = [segment for segment in urlparse(url).path.lower().split("/") if segment]
    return len(segments) == 0 or (len(segments) == 1 and segments[0].isalpha()) or bool(LISTING & set(segments))


def is_news(url: str) -> bool:
    """A news publisher's page, not a listing of pages: from the address alone."""
    return host(url) in NEWS_HOSTS and not is_listing(url)


def pages_of(folder: Path) -> Iterator[tuple[str, str | None]]:
    """(file name, address or None) of every saved page, in file name order."""
    from_tests = test_addresses(folder)
    for path in sorted((folder / FIXTURES).iterdir()):
        url = from_tests.get(path.name) or own_address(path.read_bytes())
        yield path.name, None if url is None else original(url)


def other_pages(data: Path, sets: Iterable[str] = OTHER_SETS) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The addresses, titles and openings of the pages of `sets` under `data` (what of them is present)."""
    addresses: set[str] = set()
    titles: set[str] = set()
    openings: set[str] = set()
    for name in sets:
        folder = data / name
        for listing in LISTINGS:
            for path in folder.glob(f"tests/{listing}"):
                addresses.update(address(url) for url in json.loads(path.read_text(encoding="utf-8")))
        for pattern in ("html/*.html", "figures/html/*.html", "pages/*/source.html"):
            for path in folder.glob(pattern):
                url = own_address(path.read_bytes())
                if url:
                    addresses.add(address(original(url)))
        for path in (folder / "articles.json", folder / "figures" / "articles.json"):
            for article in json.loads(path.read_text(encoding="utf-8")).values() if path.is_file() else ():
                titles.add(article.get("title") or "")
                openings.add(article["articleBody"][:OPENING])
    return frozenset(addresses), frozenset(titles - {""}), frozenset(openings)


def news_files(folder: Path, seen: frozenset[str]) -> tuple[list[str], dict[str, str]]:
    """The news pages whose address is new (not in `seen`, not kept before), and why each other page was dropped."""
    kept, dropped, earlier = [], {}, set()
    for file, url in pages_of(folder):
        if url is None:
            dropped[file] = "no address"
        elif not is_news(url):
            dropped[file] = f"not news: {url}"
        elif address(url) in seen:
            dropped[file] = f"in another set: {url}"
        elif address(url) in earlier:
            dropped[file] = f"a copy of an earlier page: {url}"
        else:
            kept.append(file)
            earlier.add(address(url))
    return kept, dropped


def repeats(texts: Iterable[PageText], titles: frozenset[str], openings: frozenset[str]) -> dict[str, str]:
    """file -> why, for the texts whose title or opening is another set's or an earlier text's (file name order)."""
    seen_titles, seen_openings, dropped = set(titles), set(openings), {}
    for page in sorted(texts, key=lambda page: page.file):
        if page.text is None:
            continue  # the pipeline stored nothing: fixture_texts says so
        opening = page.text[:OPENING]
        if page.title and page.title in seen_titles:
            dropped[page.file] = f"title read before: {page.title}"
        elif opening in seen_openings:
            dropped[page.file] = "opening read before"
        else:
            seen_titles.add(page.title or "")
            seen_openings.add(opening)
    return dropped


def html_name(file: str) -> str:
    return file if file.endswith(".html") else f"{file}.html"


def write_folder(folder: Path, data: Path, read: Callable[[Path], PageText] | None = None) -> dict:
    """Copies the kept pages to {folder}/figures/html/, writes figures/selection.json and builds articles.json;
    returns fixture_texts' summary with what the selection dropped."""
    read = read or pipeline_texts()
    addresses, titles, openings = other_pages(data)
    files, dropped = news_files(folder, addresses)
    texts = {html_name(file): read(folder / FIXTURES / file) for file in files}
    texts = {name: PageText(name, t.text, t.title, t.language, t.word_count) for name, t in texts.items()}
    dropped |= repeats(texts.values(), titles, openings)
    pages = {html_name(file): folder / FIXTURES / file for file in files}
    return write_selection(folder / "figures", pages, dropped, texts)


def write_selection(figures: Path, pages: dict[str, Path], dropped: dict, texts: dict[str, PageText]) -> dict:
    """Copies the pages not dropped to {figures}/html/ under their names, writes selection.json (what was dropped and
    why) and builds articles.json from the texts already read; fixture_texts' summary with `dropped`."""
    out = figures / "html"
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for name, page in pages.items():
        if name not in dropped:
            shutil.copyfile(page, out / name)
    (figures / "selection.json").write_text(json.dumps(dropped, indent=1), encoding="utf-8")
    summary = build(figures, 0, lambda path: texts[path.name])
    return {**summary, "dropped": dropped}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the copy, with mcmetadata/test/ and its fixtures/")
    parser.add_argument("--data", type=Path, default=None, help="the data folder of the other sets (default: FOLDER's)")
    args = parser.parse_args(argv)
    summary = write_folder(args.folder, args.data or args.folder.parent)
    print(
        summary["pages"],
        "news pages;",
        summary["kept"],
        "kept; left out:",
        json.dumps(summary["left_out"]),
        "; dropped:",
        len(summary["dropped"]),
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
