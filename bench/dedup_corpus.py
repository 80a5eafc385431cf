"""A labelled set for near-duplicate detection: stories, copies edited in known ways, same-topic others.

Every story is drawn from the same small news vocabulary (bench.corpus), so unrelated
stories share most of their words: the set tests that copies group and look-alikes do not.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from bench.corpus import FIRST, LAST, ORGS, PLACES, paragraph

# How a copy differs from its original; each is something syndication really does.
EDITS = ("exact", "headline", "added_paragraph", "byline", "trimmed", "reworded", "combined")
SWAPS = {
    "said": "told reporters",
    "would": "will",
    "about": "around",
    "expect": "anticipate",
    "warned": "cautioned",
    "announced": "said",
    "week": "weekend",
    "send": "deliver",
}


@dataclass(frozen=True, slots=True)
class LabelledText:
    key: str  # unique name, e.g. "s012-headline"
    origin: str  # the story it is a copy of; unrelated texts have their own origin
    edit: str  # "original", one of EDITS, "unrelated" or "shares_quote"
    text: str


def _story(rng: random.Random) -> list[str]:
    headline = f"{rng.choice(ORGS).removeprefix('the ').capitalize()} plans aid for {rng.choice(PLACES)}"
    body = [paragraph(rng) for _ in range(rng.randint(5, 9))]
    credit = f"Reporting by {rng.choice(FIRST)} {rng.choice(LAST)}; editing by {rng.choice(FIRST)} {rng.choice(LAST)}."
    return [headline, *body, credit]


def _reword(text: str, rng: random.Random, share: float) -> str:
    words = text.split(" ")
    return " ".join(SWAPS.get(w, w) if rng.random() < share else w for w in words)


def edit_copy(lines: list[str], edit: str, rng: random.Random) -> list[str]:
    if edit == "exact":
        return list(lines)
    if edit == "headline":
        return [f"{rng.choice(PLACES)} to get help from {rng.choice(ORGS)}", *lines[1:]]
    if edit == "added_paragraph":
        at = rng.randint(2, len(lines) - 1)
        return [*lines[:at], paragraph(rng), *lines[at:]]
    if edit == "byline":
        return [*lines[:-1], f"Additional reporting by {rng.choice(FIRST)} {rng.choice(LAST)} in {rng.choice(PLACES)}."]
    if edit == "trimmed":
        # Cut for space: the last third of the body goes, the credit line stays.
        body = lines[1:-1]
        return [lines[0], *body[: len(body) - len(body) // 3], lines[-1]]
    if edit == "reworded":
        return [lines[0], *(_reword(line, rng, 1.0) for line in lines[1:])]
    if edit == "combined":
        edited = edit_copy(lines, "headline", rng)
        edited = edit_copy(edited, "added_paragraph", rng)
        return edit_copy(edited, "byline", rng)
    raise ValueError(f"unknown edit {edit!r}")


def build_dedup_set(stories: int = 60, seed: int = 7, edits: tuple[str, ...] = EDITS) -> list[LabelledText]:
    """Originals with 0-3 edited copies each, plus unrelated same-topic stories and quote sharers."""
    rng = random.Random(seed)
    texts: list[LabelledText] = []
    for index in range(stories):
        origin = f"s{index:03d}"
        lines = _story(rng)
        texts.append(LabelledText(f"{origin}-original", origin, "original", "\n".join(lines)))
        texts.extend(
            LabelledText(f"{origin}-{edit}", origin, edit, "\n".join(edit_copy(lines, edit, rng)))
            for edit in rng.sample(edits, k=rng.choice((0, 1, 2, 3)))
        )
        if index % 5 == 0:
            # Another story that repeats two paragraphs of this one as background: related, not a copy.
            other = _story(rng)
            other[2:2] = lines[1:3]
            texts.append(LabelledText(f"{origin}-quoted", f"{origin}q", "shares_quote", "\n".join(other)))
    return texts


def copy_pairs(labels: dict[str, str]) -> set[frozenset[str]]:
    """All unordered pairs of keys with the same label."""
    groups: dict[str, list[str]] = {}
    for key, label in labels.items():
        groups.setdefault(label, []).append(key)
    return {frozenset((a, b)) for members in groups.values() for i, a in enumerate(members) for b in members[i + 1 :]}


def pair_precision_recall(truth: dict[str, str], found: dict[str, str]) -> tuple[float, float]:
    """Pairwise precision and recall of a clustering (key -> cluster) against the true origins."""
    true_pairs = copy_pairs(truth)
    found_pairs = copy_pairs(found)
    hits = len(true_pairs & found_pairs)
    precision = hits / len(found_pairs) if found_pairs else 1.0
    recall = hits / len(true_pairs) if true_pairs else 1.0
    return precision, recall
