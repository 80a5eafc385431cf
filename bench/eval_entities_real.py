"""Entities on real news: PERSON/ORG/LOC mentions of public news pages, judged by hand, against what newsetl finds.

Two sources (`--source`):

- `postlight` (default): Postlight Parser's test pages (`{data}/postlight-fixtures/`: html/ and articles.json,
  the texts bench/fixture_texts.py built from them at 074b648). Our gold is committed in the repository,
  `bench/gold/postlight-fixtures/entities-dev.json` and `entities-heldout.json` (`--set`; NOTES-entities.md
  beside them says how they were judged), read before a copy under the data folder.
- `newspaper3k`: newspaper3k's test pages (`{data}/newspaper3k-fixtures/`, built the same way), gold
  `bench/gold/newspaper3k-fixtures/entities-dev.json` and `entities-heldout.json` (14 pages judged in round 21,
  NOTES-entities.md beside them).
- `fundus`: the English news pages of fundus's parser test data (`{data}/fundus-testdata/`, built the same way), gold
  `bench/gold/fundus-testdata/entities-dev.json` and `entities-heldout.json` (14 pages judged blind in round 22,
  NOTES-entities.md beside them); no --gate floor: an acceptance set, scored and not gated.
- `trafilatura`: the news pages among trafilatura's evaluation pages (`{data}/trafilatura-eval/figures/`, built by
  bench/trafilatura_news.py), gold `bench/gold/trafilatura-eval/entities-dev.json` and `entities-heldout.json` (10
  pages judged blind in round 25, NOTES-entities.md beside them); no floor: a blind acceptance figure, reported.
- `metadata`: the English news pages among Media Cloud metadata-lib's saved test pages
  (`{data}/mediacloud-metadata/figures/`, built by bench/metadata_lib_news.py), gold
  `bench/gold/mediacloud-metadata/entities-dev.json` and `entities-heldout.json` (9 pages judged blind in round 28,
  NOTES-entities.md beside them); no floor: a blind acceptance figure, reported.
- `smallrivers`: the English news pages that smallrivers' fork of snacktory added to karussell's test pages
  (`{data}/snacktory-smallrivers/figures/`, built by bench/smallrivers_news.py), gold
  `bench/gold/snacktory-smallrivers/entities-dev.json` and `entities-heldout.json` (10 pages judged blind in round 28,
  NOTES-entities.md beside them); no floor, as `metadata`.
- `l3s`: L3S-GN1's Google News pages of 2008 (`{data}/l3s-gn1/`: each page in original/, its labelled full text in
  annotated/, its address in url-mapping.txt), gold `bench/gold/l3s-gn1/entities-dev.json` and `entities-heldout.json`
  (10 pages judged blind in round 29 on their kept documents, NOTES-entities.md beside them); no floor on held-out.
- `newspaper`: the newspaper4k article-extraction dataset (`{data}/newspaper4k-articles/`, each page's HTML and
  its body cleaned by hand), gold `bench/gold/newspaper4k-articles/entities-dev.json` and `entities-heldout.json` (12
  pages judged blind in round 29 on their kept documents, NOTES-entities.md beside them; round 11's gold, kept
  outside git, was lost in round 19); no floor on held-out. A second held-out slice, `--set heldout2`
  (`entities-heldout2.json`, 12 more pages judged blind in round 30, read at its end and tuned on in round 31), is
  read the same way, and so is a third, `--set heldout3` (`entities-heldout3.json`, 16 more pages judged blind in
  round 31, tuned on by nobody), and a second dev slice to tune on, `--set dev2` (`entities-dev2.json`, 16 more pages
  judged blind in round 30), gated with `--gate` as dev is.
- `aeb`: the ScrapingHub article-extraction benchmark (`{data}/scrapinghub-aeb/`: `html/{key}.html.gz` and
  `ground-truth.json`, each page's url and hand-cleaned body), a public **test** split: `--set test` only, gold
  `bench/gold/scrapinghub-aeb/entities-test.json` (16 pages judged blind on their kept documents in round 32,
  NOTES-entities.md beside them; the pages chosen by bench/aeb_entities.py). Acceptance only (`make accept`): never
  tuned on, no floor, and `--errors` is refused, so no miss or extra of it is ever printed.

Each gold file lists, for each judged article, every PERSON, ORG and LOC mention of the judged text with how
often it occurs. Two texts are scored against it:

- the kept document: the page's HTML through extraction and cleaning (`transforms.pipeline.prepare_document`),
  then NER and the rules, as a run stores it; a page the pipeline rejects, or whose language gets no NER,
  finds nothing, so its mentions are all missed;
- the judged text: the text the gold was judged on (postlight and the others: the kept text frozen in
  articles.json) through language identification, NER and the rules (extraction left out); for newspaper and l3s,
  whose gold was judged on the kept documents, this line reads the dataset's own body instead (the hand-cleaned
  articleBody, the text labelled full text), so where extraction keeps more or less than the body (a live blog kept
  whole, a navigation bar) it scores the body against the kept text's names.

Scoring is CoNLL-2003's bag of mentions per document (bench/ner_scoring.py, as bench/eval_ner.py): each
(label, name) found as often as the gold article has it is right; names are compared after the pipeline's
own cleaning (titles, a leading "the", possessives, case and dots). Each text is scored after the model alone
(its spans as written), after the span rules and after canonicalisation (what is stored). The entity rules'
CPU time per article (`time.process_time`, rules and canonicalisation, the model left out) is printed.

Usage: python -m bench.eval_entities_real [--data eval-data]
       [--source postlight|newspaper3k|fundus|trafilatura|metadata|smallrivers|l3s|newspaper|aeb]
       [--set dev|heldout|heldout2|heldout3|dev2|test]   (heldout2, heldout3, dev2: newspaper only; test: aeb only)
       [--gold FILE] [--errors] [--gate]
Exits 0 with a note naming the missing file when the pages or the gold file are missing. With --gate, on the
default dev gold (or newspaper's dev2), a stored F1 under the source's floor fails the run.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bench.aeb_entities import FOLDER as AEB_FOLDER
from bench.aeb_entities import PAGE_SUFFIX as AEB_PAGE_SUFFIX
from bench.eval_extraction import gzipped_html, l3s_body, l3s_urls
from bench.eval_ner import gold_key
from bench.evaluate import Scores
from bench.fixture_texts import FIXTURE_ORIGINS, how_to_rebuild
from bench.missing_data import own_gold_missing, public_set_missing
from bench.ner_scoring import LABELS, GoldDocument, score_mentions, score_report
from transforms.entities import (
    NamedSpan,
    Span,
    canonicalise,
    clean_names,
    load_ner,
    read_text,
    site_names_of,
    span_names,
    spans_of,
)
from transforms.ids import doc_id_for
from transforms.language import detect_language
from transforms.options import EntityOptions, PipelineOptions
from transforms.pipeline import PreparedDocument, prepare_document
from transforms.records import RawDocument

DEFAULT_DATA = Path("eval-data")  # `make eval EVAL_DATA=DIR` points elsewhere
# Judgements we write are committed here, one folder per set (bench/gold/postlight-fixtures/...).
GOLD_ROOT = Path(__file__).resolve().parent / "gold"
SOURCES = ("kept document", "judged text")
# Gold splits: dev is tuned on, held-out read once a round; heldout3 (newspaper only) is a slice nobody tunes on,
# heldout2 (newspaper only) one that was until round 31, dev2 (newspaper only) a second slice to tune on; test (aeb
# only) a public test split, acceptance only.
SPLITS = ("dev", "heldout", "heldout2", "heldout3", "dev2", "test")


def json_bodies(location: Path, keys: Collection[str]) -> dict[str, dict]:
    """The texts of a JSON file, {key: {"articleBody": ..., "url"?: ...}} (articles.json, newspaper4k's truth)."""
    return json.loads(location.read_text(encoding="utf-8"))


def l3s_bodies(location: Path, keys: Collection[str]) -> dict[str, dict]:
    """L3S-GN1's labelled full text (annotated/, the location) and address of each judged page, in the same form."""
    urls = l3s_urls(location.parent)
    bodies = {key: l3s_body((location / f"{key}.html").read_bytes()) for key in keys}
    return {key: {"articleBody": body, "url": urls.get(key)} for key, body in bodies.items()}


@dataclass(frozen=True)
class PageSet:
    """Where one source's pages, judged texts and gold live."""

    folder: Path  # under the data folder
    bodies: str  # the judged texts in the folder (a file or a folder), read by read_bodies
    gold: dict[str, Path]  # set -> gold file, under GOLD_ROOT first, then the data folder
    how_to_get: str  # with {data}; empty for a folder of FIXTURE_ORIGINS, whose how_to_rebuild says it
    # Floors for --gate on the dev gold, F1 of what a run stores: the measured figure less about one
    # mention in a hundred, the noise of a single judgement or extraction change.
    gate_f1: dict[str, float]
    pages: str = "html"  # the folder of the pages, {key}{page_suffix}
    read_bodies: Callable[[Path, Collection[str]], dict[str, dict]] = json_bodies
    # Floors for --gate on a second dev slice (split -> floors as gate_f1), set the same way.
    more_dev_gates: dict[str, dict[str, float]] = field(default_factory=dict)
    page_suffix: str = ".html"
    read_page: Callable[[Path], bytes] = Path.read_bytes  # a page's bytes as a crawl stores them
    # A public test split: read for its scores only, so --errors (the misses and extras, what one tunes on) is refused.
    acceptance_only: bool = False


PAGE_SETS = {
    "postlight": PageSet(
        Path("postlight-fixtures"),
        "articles.json",
        {
            "dev": Path("postlight-fixtures/entities-dev.json"),
            "heldout": Path("postlight-fixtures/entities-heldout.json"),
        },
        "",
        # round 22's dev figures after entities23's rules, 0.891 both (docs/evaluation.md; 0.876 before them);
        # raised in round 26 after entities28's rules (0.900), in round 27 after entities29's (0.940) and in round 28
        # after entities30's and entities31's (0.949), in round 29 after entities32's (0.955)
        # Round 30 after entities35, 0.961.
        {"kept document": 0.95, "judged text": 0.95},
    ),
    "newspaper3k": PageSet(
        Path("newspaper3k-fixtures"),
        "articles.json",
        {
            "dev": Path("newspaper3k-fixtures/entities-dev.json"),
            "heldout": Path("newspaper3k-fixtures/entities-heldout.json"),
        },
        "",
        # round 23's dev figures after entities24's rules, 0.893 both (docs/evaluation.md; 0.890 in round 22);
        # raised in round 26 after entities28's rules (0.903), in round 27 after entities29's (0.918) and in round 28
        # after entities30's and entities31's (0.925), in round 29 after entities32's and entities33's (0.932)
        # Round 30 after entities35, 0.936.
        {"kept document": 0.925, "judged text": 0.925},
    ),
    "fundus": PageSet(
        Path("fundus-testdata"),
        "articles.json",
        {
            "dev": Path("fundus-testdata/entities-dev.json"),
            "heldout": Path("fundus-testdata/entities-heldout.json"),
        },
        "copy flairNLP/fundus's tests/resources/parser/test_data/ to {data}/fundus-testdata/test_data/ and build "
        "the texts with transforms/ as at the commit bench/gold/fundus-testdata/NOTES.md names: "
        "python -m bench.with_tree TREE bench.fundus_news {data}/fundus-testdata",
        # Round 22 judged these pages blind; round 23 tuned on dev (entities24): dev 0.924 both on 164 mentions,
        # less about one mention in a hundred; round 27 after entities29's rules, 0.933; round 28, 0.937. The
        # held-out half stays ungated (read as a guard only). Round 29 after entities32's and entities33's, 0.942.
        # Round 30 after entities36, 0.945.
        {"kept document": 0.935, "judged text": 0.935},
    ),
    "trafilatura": PageSet(
        Path("trafilatura-eval/figures"),
        "articles.json",
        {
            "dev": Path("trafilatura-eval/entities-dev.json"),
            "heldout": Path("trafilatura-eval/entities-heldout.json"),
        },
        "copy adbar/trafilatura's tests/eval/ and tests/evaldata.json to {data}/trafilatura-eval/tests/ and build "
        "the news pages' texts with transforms/ as at the commit bench/gold/trafilatura-eval/NOTES.md names: "
        "python -m bench.with_tree TREE bench.trafilatura_news {data}/trafilatura-eval",
        # Round 25 judged these pages blind and scored them once (objects31); round 26 tuned on dev (entities28):
        # 0.858 on 118 mentions, less about one mention in a hundred; round 27 after entities29's rules, 0.935;
        # round 28, 0.940.
        {"kept document": 0.93, "judged text": 0.93},
    ),
    "metadata": PageSet(
        Path("mediacloud-metadata/figures"),
        "articles.json",
        {
            "dev": Path("mediacloud-metadata/entities-dev.json"),
            "heldout": Path("mediacloud-metadata/entities-heldout.json"),
        },
        "copy mediacloud/metadata-lib's mcmetadata/test/ to {data}/mediacloud-metadata/mcmetadata/test/ and build "
        "the news pages' texts with transforms/ as at the commit bench/gold/mediacloud-metadata/NOTES.md names: "
        "python -m bench.with_tree TREE bench.metadata_lib_news {data}/mediacloud-metadata",
        # Round 28 judged these pages blind and scored them once (accept32); dev tuned on the same round (entities31):
        # 0.879 on 105 mentions, less about one mention in a hundred; raised in round 29 after entities32's (0.889).
        # The held-out half stays ungated. After entities34 (round 29), 0.908.
        {"kept document": 0.895, "judged text": 0.895},
    ),
    "smallrivers": PageSet(
        Path("snacktory-smallrivers/figures"),
        "articles.json",
        {
            "dev": Path("snacktory-smallrivers/entities-dev.json"),
            "heldout": Path("snacktory-smallrivers/entities-heldout.json"),
        },
        "copy smallrivers/snacktory's src/test/resources/ and test_data/ pages to {data}/snacktory-smallrivers/ (paths "
        "kept) and karussell/snacktory's to its upstream/, and build the news pages' texts with transforms/ as at the "
        "commit bench/gold/snacktory-smallrivers/NOTES.md names: "
        "python -m bench.with_tree TREE bench.smallrivers_news {data}/snacktory-smallrivers",
        # Round 28 judged these pages blind and scored them once (accept32), after metadata; dev tuned on the same
        # round (entities31): 0.888 on 83 mentions, less about one mention in a hundred; raised in round 29 after
        # entities32's (0.923). The held-out half ungated.
        # Round 30 after entities36, 0.929.
        {"kept document": 0.92, "judged text": 0.92},
    ),
    "l3s": PageSet(
        Path("l3s-gn1"),
        "annotated",
        {"dev": Path("l3s-gn1/entities-dev.json"), "heldout": Path("l3s-gn1/entities-heldout.json")},
        "git clone https://github.com/geodrome/page-signal and copy the annotated/ and original/ folders and "
        "url-mapping.txt of its L3S-GN1-20100130203947-00001/ to {data}/l3s-gn1/ (research use only)",
        # Round 29 judged 10 pages blind on their kept documents and scored them once (accept33): dev 0.843 on 107
        # mentions, less about one mention in a hundred; the labelled full text read, not gated; held-out not gated.
        # Raised after entities33 (tuned on this dev half: teams by town, menu bars): 0.899.
        # Round 30 after entities35, 0.963.
        {"kept document": 0.95},
        pages="original",
        read_bodies=l3s_bodies,
    ),
    "newspaper": PageSet(
        Path("newspaper4k-articles"),
        "ground-truth.json",
        {
            "dev": Path("newspaper4k-articles/entities-dev.json"),
            "heldout": Path("newspaper4k-articles/entities-heldout.json"),
            # Round 30's blind slice for acceptance (positions 52-63 of the same order): scored, never tuned on.
            "heldout2": Path("newspaper4k-articles/entities-heldout2.json"),
            # Round 31's blind slice for acceptance (positions 96-111, judged by accept40): scored, never tuned on.
            "heldout3": Path("newspaper4k-articles/entities-heldout3.json"),
            # Round 30's second dev slice to tune on (positions 64-79 of the same order), judged blind (accept37).
            "dev2": Path("newspaper4k-articles/entities-dev2.json"),
        },
        "git clone https://github.com/AndyTheFactory/article-extraction-dataset and copy its html/ and articles.json "
        "(as ground-truth.json) to {data}/newspaper4k-articles/",
        # Round 29 judged 12 pages blind on their kept documents and scored them once (accept33): dev 0.688 on 62
        # mentions, less about one mention in a hundred. The hand-cleaned body (the second text) is not what the gold
        # was judged on, so it is read and not gated; the held-out half is not gated either. Raised after entities33
        # (tuned on this dev half): 0.699; after entities34, 0.715.
        # Round 30 after entities35 (5 pages, 62 mentions: one mention is 0.016), 0.937.
        {"kept document": 0.91},
        # dev2 (16 pages, 336 mentions, judged blind by accept37) scored once before any tuning on it: 0.726.
        # Raised after entities36's rules (round 30, tuned on it): 0.839.
        more_dev_gates={"dev2": {"kept document": 0.829}},
    ),
    "aeb": PageSet(
        AEB_FOLDER,
        "ground-truth.json",
        # Round 32's blind slice (positions 0-15 of bench/aeb_entities.py's order, judged by accept42): scored only.
        {"test": Path("scrapinghub-aeb/entities-test.json")},
        "git clone https://github.com/scrapinghub/article-extraction-benchmark and copy its html/ and "
        "ground-truth.json to {data}/scrapinghub-aeb/ (a public test split: acceptance only, never tuned on)",
        {},
        page_suffix=AEB_PAGE_SUFFIX,
        read_page=gzipped_html,
        acceptance_only=True,
    ),
}


def gold_path_for(page_set: PageSet, split: str, data: Path) -> Path:
    """The committed gold file when there is one, else the data folder's copy."""
    relative = page_set.gold[split]
    committed = GOLD_ROOT / relative
    return committed if committed.exists() else data / relative


def _model(named: list[NamedSpan], options: EntityOptions, language: str, site: str | None) -> list[NamedSpan]:
    return named


def _rules(named: list[NamedSpan], options: EntityOptions, language: str, site: str | None) -> list[NamedSpan]:
    return clean_names(named, language)


def _canonical(named: list[NamedSpan], options: EntityOptions, language: str, site: str | None) -> list[NamedSpan]:
    # As a run: the page's address names its site (`site_names_of`); its country is left out, as before.
    return canonicalise(clean_names(named, language), options, language, site_names=site_names_of(site))


# What each row scores: the model's spans as written, then the span rules, then what a run stores.
STAGES: dict[str, Callable[[list[NamedSpan], EntityOptions, str, str | None], list[NamedSpan]]] = {
    "model": _model,
    "+rules": _rules,
    "+canonical": _canonical,
}


@dataclass
class RealEntities:
    scores: dict[tuple[str, str], Scores]  # (source, stage) -> scores
    errors: dict[str, list[str]]  # source -> errors of the stored stage
    articles: int = 0
    pages_kept: int = 0
    read: dict[str, int] = field(default_factory=dict)  # source -> articles that reached NER
    rules_seconds: float = 0.0  # CPU, both sources
    rules_runs: int = 0


def load_gold(path: Path) -> tuple[list[str], list[GoldDocument]]:
    """The judged articles' keys, and each one's mentions as (label, name key) counts (texts left empty:
    the scorer reads them from the dataset)."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    keys, documents = [], []
    for article in gold["articles"]:
        mentions: Counter = Counter()
        for mention in article["mentions"]:
            mentions[gold_key(mention["label"], mention["surface"])] += mention["count"]
        keys.append(article["key"])
        documents.append(GoldDocument("", mentions))
    return keys, documents


def found_keys(named: list[NamedSpan]) -> Counter:
    return Counter(gold_key(item.label, item.span.surface) for item in named if item.label in LABELS)


def kept_text(key: str, html: bytes, url: str | None, options: PipelineOptions) -> PreparedDocument | None:
    """The article a run keeps from the page, or None when the pipeline rejects it."""
    raw = RawDocument(doc_id=doc_id_for(html), source=key, url=url, content=html, media_type="text/html")
    prepared = prepare_document(raw, options)
    return prepared if isinstance(prepared, PreparedDocument) else None


@dataclass(frozen=True)
class Text:
    source: str  # one of SOURCES
    text: str | None  # None: nothing of the article reaches NER
    language: str
    kept: bool = True  # the pipeline kept the page (kept documents only)
    site: str | None = None  # the page's address (the kept article's, which both texts are of)


def texts_of(key: str, html: bytes | None, truth: dict, options: PipelineOptions) -> Iterator[Text]:
    """The article's texts, kept document first (html: its page, None when the page is missing)."""
    entry = truth[key]
    prepared = kept_text(key, html, entry.get("url"), options) if html is not None else None
    site = entry.get("url")
    if prepared is None:
        yield Text(SOURCES[0], None, "", kept=False)
    else:
        article = prepared.article
        site = article.canonical_url or article.url
        yield Text(SOURCES[0], article.text if prepared.needs_nlp else None, article.language, site=site)
    body = entry.get("articleBody") or ""
    language = detect_language(body, options.language).code
    yield Text(SOURCES[1], body if options.entities.model_for(language) is not None else None, language, site=site)


def evaluate_real(keys: list[str], gold: list[GoldDocument], data: Path, page_set: PageSet) -> RealEntities:
    """Each article's two texts through the model once (one spaCy Doc alive at a time), each stage scored."""
    options = PipelineOptions(entities=EntityOptions(syntax=False))
    nlp = load_ner(options.entities)
    folder = data / page_set.folder
    truth = page_set.read_bodies(folder / page_set.bodies, keys)
    # The gazetteer and the lexicons load on first use: once here, so the rules' time is the rules'.
    canonicalise(clean_names(span_names(spans_of(read_text(nlp, "Ann Lee flew to Paris.", options.entities)))))
    found: dict[tuple[str, str], dict[int, Counter]] = {(s, stage): {} for s in SOURCES for stage in STAGES}
    result = RealEntities(scores={}, errors={}, articles=len(keys), read=dict.fromkeys(SOURCES, 0))
    for n, key in enumerate(keys):
        html_path = folder / page_set.pages / f"{key}{page_set.page_suffix}"
        html = page_set.read_page(html_path) if html_path.exists() else None
        for text in texts_of(key, html, truth, options):
            result.pages_kept += text.source == SOURCES[0] and text.kept
            if text.text is None:
                continue
            result.read[text.source] += 1
            spans: list[Span] = spans_of(read_text(nlp, text.text, options.entities))
            named = span_names(spans)
            for stage, run in STAGES.items():
                started = time.process_time()
                staged = run(named, options.entities, text.language, text.site)
                if stage == "+canonical":
                    result.rules_seconds += time.process_time() - started
                    result.rules_runs += 1
                found[text.source, stage][n] = found_keys(staged)
    for (source, stage), by_document in found.items():
        scores, errors = score_mentions(gold, by_document)
        result.scores[source, stage] = scores
        if stage == "+canonical":
            result.errors[source] = [_named_error(error, keys) for error in errors]
    return result


def _named_error(error: str, keys: list[str]) -> str:
    # "doc3: extra ..." -> "3 6a32c048: extra ...", so an error can be looked up in the gold file.
    head, _, rest = error.partition(":")
    n = int(head.removeprefix("doc"))
    return f"{n} {keys[n][:8]}:{rest}"


def report(result: RealEntities, gold_path: Path, show_errors: bool) -> str:
    lines = [
        f"entities on real news: {result.articles} judged articles ({gold_path}); pages kept {result.pages_kept}, "
        + ", ".join(f"{source} read by NER {result.read[source]}" for source in SOURCES)
    ]
    for source in SOURCES:
        for stage in STAGES:
            lines += ["", score_report(f"{source}, {stage}", result.scores[source, stage], [])]
    if result.rules_runs:
        per_article = 1000 * result.rules_seconds / result.rules_runs
        lines += ["", f"entity rules and canonicalisation: {per_article:.2f} ms CPU a text ({result.rules_runs} texts)"]
    if show_errors:
        for source in SOURCES:
            lines += ["", f"errors ({source}, +canonical):"] + [f"  {e}" for e in result.errors[source]]
    return "\n".join(lines)


def gate_failures(result: RealEntities, floors: dict[str, float]) -> list[str]:
    """The stored stage's F1 under the floors, as lines to print."""
    return [
        f"{source} F1 {result.scores[source, '+canonical']['all'].f1:.3f} < {floor}"
        for source, floor in floors.items()
        if result.scores[source, "+canonical"]["all"].f1 < floor
    ]


def gate_floors(page_set: PageSet, split: str) -> dict[str, float]:
    """The --gate floors of a split: the source's dev floors, a second dev slice's own, none on held-out."""
    return page_set.gate_f1 if split == "dev" else page_set.more_dev_gates.get(split, {})


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    """--data DIR, --source postlight|newspaper3k|fundus|trafilatura|metadata|smallrivers|l3s|newspaper|aeb,
    --set dev|heldout|heldout2|heldout3|dev2|test, --gold FILE, --errors (refused for an acceptance-only source),
    --gate."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the public sets' folder")
    parser.add_argument("--source", choices=sorted(PAGE_SETS), default="postlight", help="which judged pages")
    parser.add_argument("--set", dest="split", choices=SPLITS, default="dev", help="which gold")
    parser.add_argument("--gold", type=Path, help="judgements (default: the source's gold for --set)")
    parser.add_argument("--errors", action="store_true", help="list every miss and extra mention")
    parser.add_argument("--gate", action="store_true", help="exit 1 when a dev (or dev2) F1 is under the floor")
    args = parser.parse_args(argv)
    if args.errors and PAGE_SETS[args.source].acceptance_only:
        parser.error(
            f"--errors is refused for --source {args.source}: a public test split, read for its scores only and "
            "never tuned on, so its misses and extras are never printed"
        )
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_arguments(argv)
    page_set = PAGE_SETS[args.source]
    if args.gold is None and args.split not in page_set.gold:
        print(f"real-news entity eval: no {args.split} gold for --source {args.source}")
        return 0
    gold_path = args.gold or gold_path_for(page_set, args.split, args.data)
    bodies = args.data / page_set.folder / page_set.bodies
    if not bodies.exists():
        folder = page_set.folder.as_posix()
        how = (
            how_to_rebuild(args.data, folder)
            if folder in FIXTURE_ORIGINS
            else page_set.how_to_get.format(data=args.data)
        )
        print(public_set_missing("real-news entity eval", bodies, how))
        return 0
    if not gold_path.exists():
        print(own_gold_missing("real-news entity eval", [gold_path]))
        return 0
    keys, gold = load_gold(gold_path)
    result = evaluate_real(keys, gold, args.data, page_set)
    print(report(result, gold_path, args.errors))
    floors = gate_floors(page_set, args.split)
    if args.gate and args.gold is None and floors:
        failures = gate_failures(result, floors)
        for failure in failures:
            print(f"gate: {failure}")
        return 1 if failures else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
