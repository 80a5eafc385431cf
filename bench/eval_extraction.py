"""Text extraction measured on public pages: newsetl's whole pipeline against bare trafilatura.

Seven public sets, read from eval-data/ (never from the repository):

- development: trafilatura's own evaluation pages (github.com/adbar/trafilatura, tests/eval/*.html
  and tests/evaldata.json: for each page, snippets that must be in the text and snippets that must
  not). Scored like trafilatura scores itself: a "with" snippet found is a true positive, a
  "without" snippet found a false positive. Settings were chosen on this set.
- readability (development): Mozilla Readability's test pages (github.com/mozilla/readability,
  test/test-pages/*/source.html and expected.html, the article Readability.js must extract).
  Whole-text ground truth, scored by bag of words per page like the test set, so precision can be
  measured per page on development data. The expected text is Readability's accepted output.
- newspaper (development): the newspaper4k project's article-extraction dataset
  (github.com/AndyTheFactory/article-extraction-dataset, 424 news articles of 2023 from 212 sites, each
  page's HTML and its body cleaned by hand; html/*.html and articles.json, the ScrapingHub layout).
  Scored by bag of words per page. No page, address or body in common with the test set.
- l3s (development): L3S-GN1 (Kohlschütter et al. 2010; 621 English news articles of 2008 from
  408 sites found through Google News, each block of text labelled by people as headline, full text,
  supplemental, related content, comments or not content). The copy used is the one-HTML-file-a-page
  conversion in github.com/geodrome/page-signal (original/ and annotated/). The body is the text
  labelled full text; scored by bag of words per page. Research use only.
- wcxb (development): the development split of WCXB (github.com/Murrough-Foley/web-content-extraction-benchmark,
  2025 pages of 7 types; ground truth drafted by an LLM and reviewed by people), its "article" pages
  only (blog posts, news, guides, reviews), scored by bag of words per page.
- wcxb-test (acceptance): WCXB's test split, its article pages, scored the same way. Copied apart in round 27 and
  never opened until the lead's first reading in round 31: run it once a round at most, never tune on it.
- test: the ScrapingHub article-extraction benchmark (github.com/scrapinghub/article-extraction-benchmark,
  181 news and blog articles, html/*.html.gz and ground-truth.json with each article's body).
  Scored by bag-of-words precision and recall per page, averaged. An acceptance check only:
  run it once, never tune on it.
- fundus (acceptance): the English pages of fundus's parser test data (github.com/flairNLP/fundus,
  tests/resources/parser/test_data/<country>/: one or more saved pages a publisher, 2023-2026, and beside them
  <Publisher>.json with what fundus's hand-written parser for that publisher must extract). The body is that
  JSON's: its summary, then each section's headline and paragraphs, one a line. Run once, never tuned on.

For each set: F1 of the text that newsetl stores (`process_document`; a rejected page stores no
text) against trafilatura's `extract` with its default settings and with each of its two
presets, and the share of pages newsetl keeps as articles (every page of these sets is an article
or a blog post). Usage:
python -m bench.eval_extraction [--set dev|readability|newspaper|l3s|wcxb|wcxb-test|test|fundus] [--data eval-data]
    [--every N] [--lost] [--pages] [--texts DIR]

Each runner's CPU seconds a page (`time.process_time`, this process only) are printed beside its
scores: the pipeline's figure is decode, extraction and the text rules without NER.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

DEFAULT_DATA = Path("eval-data")  # `make eval EVAL_DATA=DIR` points elsewhere
SETS = {
    "dev": (
        "trafilatura-eval",
        "git clone https://github.com/adbar/trafilatura and copy its tests/eval/ "
        "and tests/evaldata.json to {dir}/tests/",
    ),
    "readability": (
        "readability-testpages",
        "git clone https://github.com/mozilla/readability and copy each test/test-pages/NAME/ "
        "(source.html, expected.html) to {dir}/pages/NAME/",
    ),
    "newspaper": (
        "newspaper4k-articles",
        "git clone https://github.com/AndyTheFactory/article-extraction-dataset and copy its html/ "
        "and articles.json (as ground-truth.json) to {dir}/",
    ),
    "l3s": (
        "l3s-gn1",
        "git clone https://github.com/geodrome/page-signal and copy the annotated/ and original/ folders "
        "and url-mapping.txt of its L3S-GN1-20100130203947-00001/ to {dir}/ (research use only)",
    ),
    "wcxb": (
        "wcxb",
        "git clone https://github.com/Murrough-Foley/web-content-extraction-benchmark and copy its dev/ "
        "(never test/) to {dir}/",
    ),
    "wcxb-test": (
        "wcxb-test",
        "git clone https://github.com/Murrough-Foley/web-content-extraction-benchmark and copy its test/ "
        "to {dir}/ (an acceptance set: never tune on it)",
    ),
    "test": (
        "scrapinghub-aeb",
        "git clone https://github.com/scrapinghub/article-extraction-benchmark and copy "
        "its html/ and ground-truth.json to {dir}/",
    ),
    "fundus": (
        "fundus-testdata",
        "git clone https://github.com/flairNLP/fundus and copy its tests/resources/parser/test_data/ "
        "to {dir}/test_data/",
    ),
}
# Floors for --gate, the pipeline's F1 per development set: the measured score minus its noise. The
# pipeline is deterministic on one machine, so the noise is what a trafilatura, lxml or ftfy release
# moves (docs/evaluation.md, round 13: 0.002 F1, about one page's text in 400; floors raised in round
# 18, L3S's in round 19 once its damaged pages were read). With --gate a run also fails when the pipeline
# keeps under MIN_KEPT of the pages (issue 12: every page of these sets is an article or a blog post).
GATE_F1 = {"dev": 0.929, "readability": 0.951, "newspaper": 0.940, "l3s": 0.888, "wcxb": 0.946}
MIN_KEPT = 0.97
# trafilatura.extract settings compared with the pipeline; the best of them is "bare, best".
BARE_SETTINGS: dict[str, dict[str, bool]] = {
    "default": {},
    "favor_precision": {"favor_precision": True},
    "favor_recall": {"favor_recall": True},
}


@dataclass(frozen=True, slots=True)
class Page:
    name: str
    url: str | None
    html: bytes
    # Development set: snippets in and out; test set: the article body.
    with_snippets: tuple[str, ...] = ()
    without_snippets: tuple[str, ...] = ()
    body: str | None = None


@dataclass(slots=True)
class Score:
    """Snippet counts (development) or per-page bag-of-words precision and recall (test)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    page_p: list[float] = field(default_factory=list)
    page_r: list[float] = field(default_factory=list)
    kept: int = 0
    pages: int = 0

    def add(self, page: Page, text: str) -> None:
        self.pages += 1
        self.kept += bool(text.strip())
        if page.body is not None:
            precision, recall = bag_of_words(text, page.body)
            self.page_p.append(precision)
            self.page_r.append(recall)
            return
        folded = fold(text)
        for snippet in page.with_snippets:
            if fold(snippet) in folded:
                self.tp += 1
            else:
                self.fn += 1
        self.fp += sum(1 for snippet in page.without_snippets if fold(snippet) in folded)

    @property
    def precision(self) -> float:
        if self.page_p:
            return sum(self.page_p) / len(self.page_p)
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        if self.page_r:
            return sum(self.page_r) / len(self.page_r)
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


# Chinese and Japanese are written without spaces between words: each ideograph or kana is a token
# of its own (scoring by characters, as CJK extraction benchmarks do), so a page of them is not one
# "word" per sentence. Every other run of word characters is a token as before, so the scores of
# pages in other scripts do not change. Hangul is written with spaces and stays in words.
_CJK = "\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
_TOKEN = re.compile(rf"[^\W{_CJK}]+|[{_CJK}]")


def tokens(text: str) -> list[str]:
    """Words of text for bag-of-words scoring: runs of word characters, each CJK character alone."""
    return [token.casefold() for token in _TOKEN.findall(text)]


def bag_of_words(text: str, body: str) -> tuple[float, float]:
    got = Counter(tokens(text))
    want = Counter(tokens(body))
    common = sum((got & want).values())
    precision = common / sum(got.values()) if got else (1.0 if not want else 0.0)
    recall = common / sum(want.values()) if want else 1.0
    return precision, recall


def dev_pages(folder: Path) -> Iterator[Page]:
    data = json.loads((folder / "tests" / "evaldata.json").read_text(encoding="utf-8"))
    for url, entry in sorted(data.items()):
        path = folder / "tests" / "eval" / entry["file"]
        if path.exists():
            yield Page(
                name=entry["file"],
                url=url,
                html=path.read_bytes(),
                with_snippets=tuple(entry.get("with") or ()),
                without_snippets=tuple(entry.get("without") or ()),
            )


def readability_pages(folder: Path) -> Iterator[Page]:
    """Its real pages: a third of the folder are unit cases of markup handling (placeholder Latin,
    or a handful of words), not articles, and a pipeline rightly rejects them."""
    for page in sorted((folder / "pages").iterdir()):
        source, expected = page / "source.html", page / "expected.html"
        if not (source.exists() and expected.exists()):
            continue
        body = html_text(expected.read_bytes())
        if len(tokens(body)) >= READABILITY_MIN_WORDS and "lorem ipsum" not in body.casefold():
            yield Page(name=page.name, url=None, html=source.read_bytes(), body=body)


READABILITY_MIN_WORDS = 50


def html_text(html: bytes) -> str:
    """The text of an HTML fragment, each element's pieces apart (bag-of-words scoring needs only words)."""
    from lxml import html as lxml_html

    # The fragments declare no charset, and lxml reads undeclared bytes as Latin-1: every accent,
    # curly quote and CJK character of the truth became mojibake. Readability stores them as UTF-8.
    tree = lxml_html.fromstring(html.decode("utf-8", errors="replace"))
    for element in list(tree.iter("script", "style")):
        element.drop_tree()
    return " ".join(" ".join(tree.itertext()).split())


def newspaper_pages(folder: Path) -> Iterator[Page]:
    """The newspaper4k dataset: the ScrapingHub layout with plain (not gzipped) html files."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    for key, entry in sorted(truth.items()):
        path = folder / "html" / f"{key}.html"
        if path.exists():
            yield Page(name=key, url=entry.get("url"), html=path.read_bytes(), body=entry["articleBody"])


# L3S-GN1's labels: each block of text sits in a <span> of one of these classes.
L3S_FULL_TEXT = "x-nc-sel2"


def l3s_body(annotated: bytes) -> str:
    """The text people labelled full text (not the headline, captions, related links or comments)."""
    from lxml import html as lxml_html

    tree = lxml_html.fromstring(annotated)
    blocks = tree.xpath(f'//span[contains(concat(" ", normalize-space(@class), " "), " {L3S_FULL_TEXT} ")]')
    return " ".join(" ".join(block.text_content().split()) for block in blocks)


def l3s_urls(folder: Path) -> dict[str, str]:
    """L3S-GN1's address of each page, by the page's file name (url-mapping.txt; empty without it)."""
    urls: dict[str, str] = {}
    mapping = folder / "url-mapping.txt"
    if mapping.exists():
        for line in mapping.read_text(encoding="utf-8", errors="replace").splitlines():
            key, _, url = line.partition("\t")
            urls[key.removeprefix("<urn:uuid:").removesuffix(">")] = url.strip()
    return urls


def l3s_pages(folder: Path) -> Iterator[Page]:
    """L3S-GN1: the crawled page from original/, its body from the labels in annotated/."""
    urls = l3s_urls(folder)
    for path in sorted((folder / "original").glob("*.html")):
        annotated = folder / "annotated" / path.name
        if annotated.exists():
            body = l3s_body(annotated.read_bytes())
            yield Page(name=path.stem, url=urls.get(path.stem), html=path.read_bytes(), body=body)


def gzipped_html(path: Path) -> bytes:
    """A page saved gzipped (the ScrapingHub benchmark's, WCXB's, fundus's), as the bytes a crawl stores."""
    return gzip.decompress(path.read_bytes())


WCXB_PAGE_TYPE = "article"


def wcxb_split_pages(folder: Path, split: str) -> Iterator[Page]:
    """One WCXB split's article pages (the other types are not what newsetl stores)."""
    # The type is read from each page's own file: metadata.json keys pages by id, and ids of the two
    # splits collide there.
    for path in sorted((folder / split / "ground-truth").glob("*.json")):
        entry = json.loads(path.read_text(encoding="utf-8"))
        if entry.get("_internal", {}).get("page_type", {}).get("primary") != WCXB_PAGE_TYPE:
            continue
        html = folder / split / "html" / f"{path.stem}.html.gz"
        if html.exists():
            body = entry["ground_truth"].get("main_content")  # two dev pages have none: no truth to score
            if body:
                yield Page(name=path.stem, url=entry.get("url"), html=gzipped_html(html), body=body)


def wcxb_pages(folder: Path) -> Iterator[Page]:
    """WCXB's development split, its article pages."""
    return wcxb_split_pages(folder, "dev")


def wcxb_test_pages(folder: Path) -> Iterator[Page]:
    """WCXB's test split, its article pages: acceptance only."""
    return wcxb_split_pages(folder, "test")


def test_pages(folder: Path) -> Iterator[Page]:
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    for key, entry in sorted(truth.items()):
        path = folder / "html" / f"{key}.html.gz"
        if path.exists():
            yield Page(name=key, url=entry.get("url"), html=gzipped_html(path), body=entry["articleBody"])


# fundus's English pages that are not news articles, set aside by file name, title and address alone before
# anything ran on the set (docs/evaluation.md, round 21 acceptance): shopping guides, a gallery, product picks.
FUNDUS_NOT_NEWS = frozenset(
    {
        "uk_TheTelegraph_2023_08_30",  # "The best heated clothes airers": a shopping guide
        "us_Wired_2024_04_28",  # "11 Best Sleeping Bags (2024)": a buying guide
        "us_BusinessInsider_2024_02_14",  # "Every outfit Zendaya has worn ... ranked": a gallery of outfits
        "ca_TheProvince_2026_06_06",  # "Wine Guy: 3 rosé bottles to sip": product picks
    }
)


def fundus_body(entry: dict) -> str:
    """The body fundus's parser must extract: the summary (standfirst), then each section's headline and paragraphs."""
    body = entry.get("body") or {}
    lines = list(body.get("summary") or [])
    for section in body.get("sections") or []:
        lines += section.get("headline") or []
        lines += section.get("paragraphs") or []
    return "\n".join(lines)


def _parser_version_order(name: str) -> tuple[int, ...]:
    """ "V1" < "V1_1" < "V2" < "V10": fundus names its parser versions so, oldest first."""
    return tuple(int(part) for part in name.removeprefix("V").split("_") if part.isdigit())


def fundus_page_bodies(country: Path) -> Iterator[tuple[str, Path, str | None, str]]:
    """(name, html path, url, body) of each saved page of one country folder.

    A publisher's JSON holds one entry per parser version, not per file; fundus's tests pick the version by the
    page's crawl date, and each version has exactly one page, so the pages in crawl-date order (meta.info) are
    the versions in order. A publisher whose counts differ is skipped rather than paired by guess.
    """
    meta_path = country / "meta.info"
    if not meta_path.exists():
        return
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    for truth in sorted(country.glob("*.json")):
        entries = json.loads(truth.read_text(encoding="utf-8"))
        files = sorted(
            (name for name in meta if name.split("_", 1)[0] == truth.stem and (country / name).exists()),
            key=lambda name: str(meta[name]["crawl_date"]),
        )
        versions = sorted(entries, key=_parser_version_order)
        if len(files) != len(versions):
            continue
        for file, version in zip(files, versions, strict=True):
            name = f"{country.name}_{file.removesuffix('.html.gz')}"
            yield name, country / file, meta[file].get("url"), fundus_body(entries[version])


def fundus_english_pages(folder: Path) -> Iterator[tuple[str, Path, str | None, str]]:
    """(name, html path, url, body) of fundus's English test pages, by the language of the expected body; those set
    aside as not news included (bench/fundus_news.py lists them in the fixture folder's not-news.txt)."""
    from transforms.language import detect_language

    for country in sorted(path for path in (folder / "test_data").iterdir() if path.is_dir()):
        for name, path, url, body in fundus_page_bodies(country):
            if detect_language(body).code == "en":
                yield name, path, url, body


def fundus_pages(folder: Path) -> Iterator[Page]:
    """fundus's English test pages, less those set aside as not news."""
    for name, path, url, body in fundus_english_pages(folder):
        if name not in FUNDUS_NOT_NEWS:
            yield Page(name=name, url=url, html=gzipped_html(path), body=body)


PAGE_READERS: dict[str, Callable[[Path], Iterator[Page]]] = {
    "dev": dev_pages,
    "readability": readability_pages,
    "newspaper": newspaper_pages,
    "l3s": l3s_pages,
    "wcxb": wcxb_pages,
    "wcxb-test": wcxb_test_pages,
    "test": test_pages,
    "fundus": fundus_pages,
}


def pipeline_runner(extract_overrides: dict[str, object]) -> Callable[[Page], str]:
    """The text newsetl stores for a page, NER skipped (it does not change the text)."""
    import spacy

    from transforms.ids import doc_id_for
    from transforms.options import EntityOptions, ExtractOptions, PipelineOptions
    from transforms.pipeline import ProcessedDocument, process_document
    from transforms.records import RawDocument

    options = PipelineOptions(
        extract=replace(ExtractOptions(), **extract_overrides),  # type: ignore[arg-type]  # checked by the dataclass
        entities=EntityOptions(languages=()),
    )
    nlp = spacy.blank("en")

    def run(page: Page) -> str:
        raw = RawDocument(
            doc_id=doc_id_for(page.html), source=page.name, url=page.url, content=page.html, media_type="text/html"
        )
        result = process_document(raw, nlp, options)
        return result.article.text if isinstance(result, ProcessedDocument) else ""

    return run


def bare_runner(settings: dict[str, bool]) -> Callable[[Page], str]:
    import trafilatura

    def run(page: Page) -> str:
        try:
            return trafilatura.extract(page.html, url=page.url, deduplicate=False, **settings) or ""  # type: ignore[arg-type]  # settings are bool flags
        except Exception:  # noqa: BLE001 - a crash of the bare extractor is an empty text, as in the pipeline
            return ""

    return run


def parse_overrides(values: list[str]) -> dict[str, object]:
    overrides: dict[str, object] = {}
    for item in values:
        key, _, value = item.partition("=")
        overrides[key] = {"true": True, "false": False}.get(value.lower(), value)
        if isinstance(overrides[key], str) and value.replace(".", "", 1).isdigit():
            overrides[key] = float(value) if "." in value else int(value)
    return overrides


def print_page_differences(pages: list[Page], pipeline: list[Score], bare: list[Score]) -> None:
    """Each page where the two texts score differently: snippets found, wrongly found, missed (or P/R)."""

    def counts(score: Score) -> str:
        if score.page_p:
            return f"P {score.page_p[0]:.2f} R {score.page_r[0]:.2f}"
        return f"{score.tp}/{score.fp}/{score.fn}"

    print("pages that differ (dev: with found / without found / with missed; test: P and R):")
    for page, ours, theirs in zip(pages, pipeline, bare, strict=True):
        if counts(ours) != counts(theirs):
            print(f"  {page.name[:60]:60} pipeline {counts(ours):>16}  bare {counts(theirs):>16}")


def save_text(folder: Path, page: Page, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{page.name}.txt").write_text(text, encoding="utf-8")


def save_truth(folder: Path, pages: list[Page]) -> None:
    """The body (or the snippets, one a line: "+" wanted, "-" unwanted) that each page is scored against."""
    for page in pages:
        if page.body is not None:
            truth = page.body
        else:
            truth = "\n".join([*(f"+ {s}" for s in page.with_snippets), *(f"- {s}" for s in page.without_snippets)])
        save_text(folder / "truth", page, truth)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=sorted(SETS), default="dev")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--every", type=int, default=1, help="only every N-th page (quicker tuning runs)")
    parser.add_argument("--pipeline-only", action="store_true", help="skip the bare trafilatura runs")
    parser.add_argument("--extract", action="append", default=[], help="ExtractOptions override, key=value")
    parser.add_argument("--lost", action="store_true", help="list the pages the pipeline does not keep")
    parser.add_argument(
        "--pages", action="store_true", help="list the pages where the pipeline and the best bare setting differ"
    )
    parser.add_argument(
        "--gate", action="store_true", help="exit 1 when the pipeline's F1 or share of pages kept is under its floor"
    )
    parser.add_argument(
        "--texts", type=Path, help="write each runner's text of each page (and the truth) to DIR/<runner>/<page>.txt"
    )
    args = parser.parse_args(argv)
    name, how = SETS[args.set]
    folder = args.data / name
    if not folder.exists():
        print(f"extraction eval skipped: {folder} is missing; to get it, {how.format(dir=folder)}")
        return 0
    pages = list(PAGE_READERS[args.set](folder))
    pages = pages[:: args.every]
    runners = {"newsetl pipeline": pipeline_runner(parse_overrides(args.extract))}
    if not args.pipeline_only:
        runners.update({f"trafilatura {label}": bare_runner(s) for label, s in BARE_SETTINGS.items()})
    scores: dict[str, Score] = {}
    per_page: dict[str, list[Score]] = {}
    cpu_per_page: dict[str, float] = {}
    lost: list[str] = []
    if args.texts:
        save_truth(args.texts, pages)
    for label, run in runners.items():
        score = Score()
        started = time.perf_counter()
        cpu_started = time.process_time()
        for page in pages:
            text = run(page)
            if args.texts:
                save_text(args.texts / label.replace(" ", "-"), page, text)
            score.add(page, text)
            one = Score()
            one.add(page, text)
            per_page.setdefault(label, []).append(one)
            if label == "newsetl pipeline" and not text:
                lost.append(page.name)
        scores[label] = score
        cpu_per_page[label] = (time.process_time() - cpu_started) / max(len(pages), 1)
        print(f"  {label}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    metric = "snippets" if args.set == "dev" else "bag of words, mean per page"
    print(f"extraction, {args.set} set ({name}, {len(pages)} pages; {metric})")
    print(f"{'':28} {'P':>6} {'R':>6} {'F1':>6} {'kept':>7} {'CPU ms/page':>12}")
    for label, score in scores.items():
        print(
            f"{label:28} {score.precision:6.4f} {score.recall:6.4f} {score.f1:6.4f} {score.kept / score.pages:7.1%}"
            f" {cpu_per_page[label] * 1000:12.1f}"
        )
    pipeline = scores["newsetl pipeline"]
    bare = [score for label, score in scores.items() if label != "newsetl pipeline"]
    if bare:
        best = max(bare, key=lambda score: score.f1)
        print(f"pipeline F1 - best bare F1: {pipeline.f1 - best.f1:+.4f}")
        if args.pages:
            best_label = next(label for label, score in scores.items() if score is best)
            print_page_differences(pages, per_page["newsetl pipeline"], per_page[best_label])
    print(f"pages kept by the pipeline: {pipeline.kept}/{pipeline.pages}")
    if args.lost:
        print("not kept:", *lost, sep="\n  ")
    if args.gate:
        failures = gate_failures(args.set, pipeline, every=args.every)
        for failure in failures:
            print(f"GATE FAILED: {failure}")
        return 1 if failures else 0
    return 0


def gate_failures(set_name: str, pipeline: Score, every: int = 1) -> list[str]:
    """The floors the pipeline's scores fall under (GATE_F1 holds for whole sets only, not for --every)."""
    failures = []
    floor = GATE_F1.get(set_name)
    if floor is not None and every == 1 and pipeline.f1 < floor:
        failures.append(f"{set_name} F1 {pipeline.f1:.4f} < {floor}")
    if pipeline.pages and pipeline.kept / pipeline.pages < MIN_KEPT:
        failures.append(f"{set_name} pages kept {pipeline.kept / pipeline.pages:.1%} < {MIN_KEPT:.0%}")
    return failures


if __name__ == "__main__":
    sys.exit(main())
