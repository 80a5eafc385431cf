"""Entities on real news: PERSON/ORG/LOC mentions of public articles, judged by hand, against what newsetl finds.

The articles are pages of the newspaper4k article-extraction dataset
(github.com/AndyTheFactory/article-extraction-dataset: each page's HTML and its body cleaned by hand). The
gold file (`{data}/entities-real/gold-dev.json` by default, outside the repository; its README says how it
was made) lists, for each judged article, every PERSON, ORG and LOC mention of the clean body with how often
it occurs. Two texts are scored against it:

- the kept document: the page's HTML through extraction and cleaning (`transforms.pipeline.prepare_document`),
  then NER and the rules, as a run stores it; a page the pipeline rejects, or whose language gets no NER,
  finds nothing, so its mentions are all missed;
- the clean body: the hand-cleaned text through language identification, NER and the rules (the entity
  rules alone, extraction left out).

Scoring is CoNLL-2003's bag of mentions per document (bench/ner_scoring.py, as bench/eval_ner.py): each
(label, name) found as often as the gold article has it is right; names are compared after the pipeline's
own cleaning (titles, a leading "the", possessives, case and dots). Each text is scored after the model alone
(its spans as written), after the span rules and after canonicalisation (what is stored). The entity rules'
CPU time per article (`time.process_time`, rules and canonicalisation, the model left out) is printed.

Usage: python -m bench.eval_entities_real [--data eval-data] [--gold FILE] [--errors] [--gate]
Exits 0 with a note naming the missing file when the pages or the gold file are missing (the gold is ours, not
public; the one made before round 19 was lost with the old machine: bench/missing_data.py). With --gate, on
the dev gold, a stored F1 under GATE_F1 fails the run.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bench.eval_ner import gold_key
from bench.evaluate import Scores
from bench.missing_data import own_gold_missing, public_set_missing
from bench.ner_scoring import LABELS, GoldDocument, score_mentions, score_report
from transforms.entities import (
    NamedSpan,
    Span,
    canonicalise,
    clean_names,
    load_ner,
    read_text,
    span_names,
    spans_of,
)
from transforms.ids import doc_id_for
from transforms.language import detect_language
from transforms.options import EntityOptions, PipelineOptions
from transforms.pipeline import PreparedDocument, prepare_document
from transforms.records import RawDocument

DEFAULT_DATA = Path("eval-data")  # `make eval EVAL_DATA=DIR` points elsewhere
GOLD = Path("entities-real") / "gold-dev.json"
PAGES = Path("newspaper4k-articles")  # html/<key>.html and ground-truth.json (the articles' clean bodies)
HOW_TO_GET = (
    "git clone https://github.com/AndyTheFactory/article-extraction-dataset and copy its html/ and articles.json "
    "(as ground-truth.json) to {data}/newspaper4k-articles/"
)
SOURCES = ("kept document", "clean body")
# Floors for --gate on the dev gold, F1 of what a run stores: round 17's measured figures (docs/evaluation.md:
# 0.781 and 0.803) less one mention in a hundred, the noise of a single judgement or extraction change.
GATE_F1 = {"kept document": 0.771, "clean body": 0.793}


def _model(named: list[NamedSpan], options: EntityOptions, language: str) -> list[NamedSpan]:
    return named


def _rules(named: list[NamedSpan], options: EntityOptions, language: str) -> list[NamedSpan]:
    return clean_names(named, language)


def _canonical(named: list[NamedSpan], options: EntityOptions, language: str) -> list[NamedSpan]:
    return canonicalise(clean_names(named, language), options, language)


# What each row scores: the model's spans as written, then the span rules, then what a run stores.
STAGES: dict[str, Callable[[list[NamedSpan], EntityOptions, str], list[NamedSpan]]] = {
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


def texts_of(key: str, data: Path, truth: dict, options: PipelineOptions) -> Iterator[Text]:
    """The article's texts, kept document first."""
    entry = truth[key]
    html_path = data / PAGES / "html" / f"{key}.html"
    prepared = kept_text(key, html_path.read_bytes(), entry.get("url"), options) if html_path.exists() else None
    if prepared is None:
        yield Text(SOURCES[0], None, "", kept=False)
    else:
        article = prepared.article
        yield Text(SOURCES[0], article.text if prepared.needs_nlp else None, article.language)
    body = entry.get("articleBody") or ""
    language = detect_language(body, options.language).code
    yield Text(SOURCES[1], body if options.entities.model_for(language) is not None else None, language)


def evaluate_real(keys: list[str], gold: list[GoldDocument], data: Path) -> RealEntities:
    """Each article's two texts through the model once (one spaCy Doc alive at a time), each stage scored."""
    options = PipelineOptions(entities=EntityOptions(syntax=False))
    nlp = load_ner(options.entities)
    truth = json.loads((data / PAGES / "ground-truth.json").read_text(encoding="utf-8"))
    # The gazetteer and the lexicons load on first use: once here, so the rules' time is the rules'.
    canonicalise(clean_names(span_names(spans_of(read_text(nlp, "Ann Lee flew to Paris.", options.entities)))))
    found: dict[tuple[str, str], dict[int, Counter]] = {(s, stage): {} for s in SOURCES for stage in STAGES}
    result = RealEntities(scores={}, errors={}, articles=len(keys), read=dict.fromkeys(SOURCES, 0))
    for n, key in enumerate(keys):
        for text in texts_of(key, data, truth, options):
            result.pages_kept += text.source == SOURCES[0] and text.kept
            if text.text is None:
                continue
            result.read[text.source] += 1
            spans: list[Span] = spans_of(read_text(nlp, text.text, options.entities))
            named = span_names(spans)
            for stage, run in STAGES.items():
                started = time.process_time()
                staged = run(named, options.entities, text.language)
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


def gate_failures(result: RealEntities) -> list[str]:
    """The stored stage's F1 under GATE_F1, as lines to print."""
    return [
        f"{source} F1 {result.scores[source, '+canonical']['all'].f1:.3f} < {floor}"
        for source, floor in GATE_F1.items()
        if result.scores[source, "+canonical"]["all"].f1 < floor
    ]


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    """--gold FILE (default DATA/entities-real/gold-dev.json), --data DIR, --errors, --gate."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, help=f"judgements (default: DATA/{GOLD})")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the public sets' folder")
    parser.add_argument("--errors", action="store_true", help="list every miss and extra mention")
    parser.add_argument("--gate", action="store_true", help=f"exit 1 when a dev F1 is under {GATE_F1}")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_arguments(argv)
    gold_path = args.gold or args.data / GOLD
    pages = args.data / PAGES / "ground-truth.json"
    if not pages.exists():
        print(public_set_missing("real-news entity eval", pages, HOW_TO_GET.format(data=args.data)))
        return 0
    if not gold_path.exists():
        print(own_gold_missing("real-news entity eval", [gold_path]))
        return 0
    keys, gold = load_gold(gold_path)
    result = evaluate_real(keys, gold, args.data)
    print(report(result, gold_path, args.errors))
    if args.gate and args.gold is None:
        failures = gate_failures(result)
        for failure in failures:
            print(f"gate: {failure}")
        return 1 if failures else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
