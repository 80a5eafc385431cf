"""Scoring NER against a gold set as a bag of mentions per document: shared by bench/eval_ner.py (English)
and bench/eval_ner_fr.py (French), which differ only in how they read their sets and run the models.

Each (label, name) pair found as often as the gold document has it counts as right. Labels compared:
PERSON (gold PER), ORG and LOC; MISC and the model's other labels are left out on both sides.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bench.evaluate import Score, Scores

GOLD_LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}
LABELS = frozenset(GOLD_LABELS.values())


@dataclass(frozen=True)
class GoldDocument:
    text: str
    mentions: Counter  # (label, name key) -> how many times


def score_mentions(
    documents: Sequence[GoldDocument], found_by_document: Mapping[int, Counter]
) -> tuple[Scores, list[str]]:
    """Per-label counts over all documents, and each extra or missed mention ("doc<n>: extra/missed ...").

    `found_by_document`: the (label, name key) pairs found in document n; a document not in it found none.
    """
    scores, errors = Scores(), []
    for n, document in enumerate(documents):
        found = found_by_document.get(n, Counter())
        for label in LABELS:
            f = Counter({k: c for k, c in found.items() if k[0] == label})
            w = Counter({k: c for k, c in document.mentions.items() if k[0] == label})
            tp = sum((f & w).values())
            scores.add(label, tp=tp, fp=sum(f.values()) - tp, fn=sum(w.values()) - tp)
        errors += [f"doc{n}: extra {k} x{c}" for k, c in sorted((found - document.mentions).items())]
        errors += [f"doc{n}: missed {k} x{c}" for k, c in sorted((document.mentions - found).items())]
    return scores, errors


def score_report(title: str, scores: Scores, errors: list[str], show_errors: bool = False) -> str:
    """The title line, then precision, recall, F1 and counts per label (`all` last), then the errors if asked."""
    lines = [title, f"{'entities (bag of mentions)':<28} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for cls in sorted(scores.by_class, key=lambda c: (c == "all", c)):
        s: Score = scores[cls]
        lines.append(f"  {cls:<26} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:5d} {s.fp:5d} {s.fn:5d}")
    if show_errors:
        lines += ["", "errors:"] + [f"  {e}" for e in errors]
    return "\n".join(lines)
