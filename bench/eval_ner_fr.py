"""French entity F1 on a public French NER development set, through newsetl's own entity pipeline.

The set is the validation split of WikiNEuRal French (Wikipedia sentences with PER, ORG, LOC and
MISC, CoNLL-style: index, token, tag), read from eval-data/wikineural-fr/val.conllu (see the README
there for its origin); its test split is never read here, it stays reserved for acceptance checks.
The sentences come in the order of their Wikipedia articles, so runs of `--sentences` consecutive
sentences stand for an article. Each goes through what an article goes through: language
identification (only text identified as French gets the French model, as in transforms/pipeline.py),
the configured model of that language, then the rules of transforms/entities.py that apply to it.
Scoring is a bag of mentions per text, as bench/eval_ner.py does for English: each (label, name)
pair found as often as the gold set has it counts as right. Labels compared: PERSON (PER), ORG and
LOC; MISC is left out on both sides, as the pipeline drops it.
"""

from __future__ import annotations

import argparse
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bench.evaluate import Scores
from bench.ner_scoring import GOLD_LABELS, LABELS, GoldDocument, score_mentions, score_report
from transforms.entities import NerModels, alias_key, clean_name, read_texts, resolve_mentions, spans_of
from transforms.language import detect_language
from transforms.options import EntityOptions

NAME = "wikineural-fr"
DATA_DIR = Path("eval-data") / NAME  # `make eval EVAL_DATA=DIR` points elsewhere
DEV_FILE = "val.conllu"
# The test split: an acceptance reading only, `--test` (`make accept`); never tuned on.
TEST_DATA_DIR = Path("eval-data") / "wikineural-fr-test"
TEST_FILE = "test.conllu"
LANGUAGE = "fr"
# Tokens written without a space before (or after) them when a sentence is put back together.
_NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "?", "!", "%", ")", "]", "…"})
_NO_SPACE_AFTER = frozenset({"(", "["})

Sentence = list[tuple[str, str]]


def read_sentences(path: Path) -> list[Sentence]:
    """Sentences of (token, tag) from lines of index, token and tag separated by tabs."""
    sentences: list[Sentence] = []
    current: Sentence = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 3:
            if current:
                sentences.append(current)
            current = []
        else:
            current.append((parts[1], parts[2].strip()))
    if current:
        sentences.append(current)
    return sentences


def gold_key(label: str, surface: str) -> tuple[str, str]:
    """The name as both sides are compared: the pipeline's own cleaning for French, case and dots folded."""
    return label, alias_key(clean_name(surface, label, LANGUAGE))


def _glued(previous: str, token: str) -> bool:
    """No space between: before punctuation, after an elided word ("l'", "d'") or an opening bracket."""
    return token in _NO_SPACE_BEFORE or previous in _NO_SPACE_AFTER or previous.endswith(("'", "’"))


def build_document(sentences: list[Sentence]) -> GoldDocument:
    """The text (one line per sentence) and its gold mentions."""
    lines: list[str] = []
    mentions: Counter = Counter()
    for sentence in sentences:
        line = ""
        spans: list[tuple[str, int, int]] = []
        for n, (token, tag) in enumerate(sentence):
            line += "" if n == 0 or _glued(sentence[n - 1][0], token) else " "
            start = len(line)
            line += token
            kind = tag[2:]
            continues = tag.startswith("I-") and n > 0 and sentence[n - 1][1][2:] == kind and spans
            if continues and spans[-1][0] == kind:
                spans[-1] = (kind, spans[-1][1], len(line))
            elif tag.startswith(("B-", "I-")):
                spans.append((kind, start, len(line)))
        for kind, start, end in spans:
            if kind in GOLD_LABELS:
                mentions[gold_key(GOLD_LABELS[kind], line[start:end])] += 1
        lines.append(line)
    return GoldDocument("\n".join(lines), mentions)


def load_documents(path: Path, sentences_per_document: int = 10, every: int = 1) -> list[GoldDocument]:
    sentences = read_sentences(path)
    groups = [sentences[n : n + sentences_per_document] for n in range(0, len(sentences), sentences_per_document)]
    return [build_document(group) for group in groups[::every]]


@dataclass
class NerResult:
    scores: Scores
    documents: int
    documents_read: int  # documents identified as French, so read by the French model
    model: str
    errors: list[str]


def evaluate(options: EntityOptions, documents: list[GoldDocument]) -> NerResult:
    model = options.model_for(LANGUAGE)
    if model is None:
        raise SystemExit(f"no model reads {LANGUAGE!r}: add it to pipeline.entities.languages")
    nlp = NerModels(options).model(model)
    read = [n for n, document in enumerate(documents) if detect_language(document.text).code == LANGUAGE]
    found_by_document: dict[int, Counter] = {}
    for n, doc in zip(read, read_texts(nlp, (documents[n].text for n in read), options), strict=True):
        mentions, _ = resolve_mentions(spans_of(doc), f"doc{n}", options, LANGUAGE)
        found_by_document[n] = Counter(gold_key(m.label, m.surface) for m in mentions if m.label in LABELS)
    scores, errors = score_mentions(documents, found_by_document)
    return NerResult(scores, len(documents), len(read), model, errors)


def report(result: NerResult, show_errors: bool = False, split: str = "validation") -> str:
    title = (
        f"WikiNEuRal French {split}: {result.documents} texts, {result.documents_read} read as French ({result.model})"
    )
    return score_report(title, result.scores, result.errors, show_errors)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--data",
        type=Path,
        help=f"folder holding WikiNEuRal French {DEV_FILE} (default {DATA_DIR}; with --test, "
        f"{TEST_FILE} in {TEST_DATA_DIR})",
    )
    parser.add_argument("--test", action="store_true", help="read the test split: acceptance only, scores only")
    parser.add_argument("--model", help="spaCy pipeline package for French (default: the configured one)")
    parser.add_argument("--sentences", type=int, default=10, help="consecutive sentences per text (default 10)")
    parser.add_argument("--every", type=int, default=1, help="read every Nth text only (default: all)")
    parser.add_argument("--errors", action="store_true", help="list every miss and false positive")
    args = parser.parse_args(argv)
    if args.test and args.errors:
        parser.error("--errors is not given on the test split: it is read for its score only, never tuned on")
    file = TEST_FILE if args.test else DEV_FILE
    path = (args.data or (TEST_DATA_DIR if args.test else DATA_DIR)) / file
    if not path.is_file():
        print(
            f"skipped: {path} not found (not a failure): copy data/wikineural/fr/{file} of"
            " github.com/Babelscape/wikineural there, a public set (docs/evaluation.md,"
            " 'Evaluation data on a new machine')"
        )
        return
    options = EntityOptions(syntax=False)
    if args.model:
        options = EntityOptions(syntax=False, models={**options.models, LANGUAGE: args.model})
    documents = load_documents(path, args.sentences, args.every)
    print(report(evaluate(options, documents), args.errors, "test" if args.test else "validation"))


if __name__ == "__main__":
    main()
