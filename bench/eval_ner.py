"""Entity F1 on a public NER development set, through newsetl's own entity pipeline.

The set is the CoNLL-2003 English development split (eng.testa, also called "valid"), read
from eval-data/conll2003/valid.txt (see the README there for its origin); its test split is
never read here, it stays reserved for acceptance checks. Each document goes through what
an article goes through: language identification (only documents in a configured language
get NER, as in transforms/pipeline.py), the model, then the rules and canonicalisation of
transforms/entities.py. Scoring is a bag of mentions per document: each (label, name)
pair found as often as the gold set has it counts as right. Labels compared: PERSON (CoNLL
PER), ORG and LOC; CoNLL's MISC and the model's other labels are left out on both sides.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bench.evaluate import Scores
from bench.ner_scoring import GOLD_LABELS, LABELS, GoldDocument, score_mentions, score_report
from transforms.entities import STYLED_TITLES, alias_key, clean_name, load_ner, read_text, resolve_mentions, spans_of
from transforms.language import detect_language
from transforms.options import EntityOptions

DEV_FILE = Path("eval-data/conll2003/valid.txt")  # `make eval EVAL_DATA=DIR` points elsewhere
# The test split (eng.testb): an acceptance reading only, `--test` (`make accept`); never tuned on.
TEST_FILE = Path("eval-data/conll2003-test/test.txt")
# A CoNLL story opens with a headline line and then a dateline ("LONDON 1996-08-30").
_DATELINE_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Tokens written without a space before them when the text is put back together.
_NO_SPACE_BEFORE = frozenset(
    {",", ".", ";", ":", "?", "!", "%", ")", "'s", "'S", "n't", "'", "'re", "'ve", "'ll", "'m"}
)
_NO_SPACE_AFTER = frozenset({"(", "$"})


def read_sentences(path: Path) -> list[list[tuple[str, str]]]:
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if current:
                sentences.append(current)
            current = []
        elif parts[0] != "-DOCSTART-":
            current.append((parts[0], parts[1]))
    if current:
        sentences.append(current)
    return sentences


def is_dateline(sentence: list[tuple[str, str]]) -> bool:
    return len(sentence) <= 6 and bool(_DATELINE_DATE.match(sentence[-1][0]))


def split_documents(sentences: list[list[tuple[str, str]]]) -> list[list[list[tuple[str, str]]]]:
    """Stories, each starting at the headline before a dateline (this copy has no -DOCSTART- lines)."""
    documents: list[list[list[tuple[str, str]]]] = []
    for n, sentence in enumerate(sentences):
        starts = n + 1 < len(sentences) and is_dateline(sentences[n + 1])
        if starts or not documents:
            documents.append([])
        documents[-1].append(sentence)
    return documents


def gold_key(label: str, surface: str) -> tuple[str, str]:
    """The name as both sides are compared: the pipeline's own cleaning, a royal or religious title left out (the
    stored name keeps it, a judge does not), then case and dots folded."""
    name = clean_name(surface, label)
    if label == "PERSON":
        words = name.split()
        while len(words) > 1 and words[0].casefold() in STYLED_TITLES:
            words = words[1:]
        name = " ".join(words)
    return label, alias_key(name)


def build_document(sentences: list[list[tuple[str, str]]]) -> GoldDocument:
    """The story's text (one line per sentence) and its gold mentions."""
    lines: list[str] = []
    mentions: Counter = Counter()
    for sentence in sentences:
        line = ""
        spans: list[tuple[str, int, int]] = []
        for n, (token, tag) in enumerate(sentence):
            glue = n > 0 and token not in _NO_SPACE_BEFORE and sentence[n - 1][0] not in _NO_SPACE_AFTER
            line += " " if glue else ""
            start = len(line)
            line += token
            kind = tag[2:]
            if tag.startswith("B-") or (tag.startswith("I-") and (not spans or spans[-1][0] != kind or n == 0)):
                spans.append((kind, start, len(line)))
            elif tag.startswith("I-") and sentence[n - 1][1][2:] == kind:
                spans[-1] = (kind, spans[-1][1], len(line))
        for kind, start, end in spans:
            if kind in GOLD_LABELS:
                mentions[gold_key(GOLD_LABELS[kind], line[start:end])] += 1
        lines.append(line)
    return GoldDocument("\n".join(lines), mentions)


def load_documents(path: Path = DEV_FILE) -> list[GoldDocument]:
    return [build_document(doc) for doc in split_documents(read_sentences(path))]


@dataclass
class NerResult:
    scores: Scores
    documents: int
    documents_read: int  # documents whose language let them reach NER
    errors: list[str]


def evaluate(options: EntityOptions, documents: list[GoldDocument]) -> NerResult:
    nlp = load_ner(options)
    found_by_document: dict[int, Counter] = {}
    for n, document in enumerate(documents):
        if detect_language(document.text).code in options.languages:
            mentions, _ = resolve_mentions(spans_of(read_text(nlp, document.text, options)), f"doc{n}")
            found_by_document[n] = Counter(gold_key(m.label, m.surface) for m in mentions if m.label in LABELS)
    scores, errors = score_mentions(documents, found_by_document)
    return NerResult(scores, len(documents), len(found_by_document), errors)


def report(result: NerResult, show_errors: bool = False, split: str = "dev") -> str:
    title = f"CoNLL-2003 English {split}: {result.documents} documents, {result.documents_read} read as English"
    return score_report(title, result.scores, result.errors, show_errors)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", help="spaCy pipeline package (default: the configured default)")
    parser.add_argument("--data", type=Path, help=f"the split's file, token and tag a line (default {DEV_FILE})")
    parser.add_argument(
        "--test", action="store_true", help=f"read the test split (default {TEST_FILE}): acceptance only, scores only"
    )
    parser.add_argument("--errors", action="store_true", help="list every miss and false positive")
    args = parser.parse_args(argv)
    if args.test and args.errors:
        parser.error("--errors is not given on the test split: it is read for its score only, never tuned on")
    split, copied_from = ("test", "test.txt") if args.test else ("dev", "valid.txt")
    path = args.data or (TEST_FILE if args.test else DEV_FILE)
    if not path.is_file():
        print(
            f"skipped: {path} not found (not a failure): copy the CoNLL-2003 English {split} split there, a public"
            f" set (data/conll2003/en/ner/{copied_from} of github.com/Hironsan/anago; docs/evaluation.md,"
            " 'Evaluation data on a new machine')"
        )
        return
    options = EntityOptions(syntax=False) if args.model is None else EntityOptions(model=args.model, syntax=False)
    print(report(evaluate(options, load_documents(path)), args.errors, split))


if __name__ == "__main__":
    main()
