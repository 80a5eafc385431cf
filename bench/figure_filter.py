"""Train and measure the learned figure filter (bench/figure_filter_cues.py) on the judged pages.

Each judged slice (L3S dev, dev4, held-out 1-11; the newspaper set's dev and held-out) gives a table: every
figure the current rules propose, labelled as the scorer (bench.eval_figures_real) would count it: true when
it is matched to a true figure, false when it overlaps a judged non-figure or stands alone in a
recall-checked article; the rest (unjudged, second pieces of a true figure) are left out.

Leave-one-slice-out: for each slice, a logistic regression is fitted on the other slices, its threshold chosen
from those slices alone (an inner leave-one-slice-out gives each training figure a score from a model that did
not see its slice; the threshold is the highest that drops at most RECALL_BUDGET of their true figures), and
the held-out slice is scored by the scorer itself with and without the filter. With --write FILE, a model
fitted on every slice, its threshold chosen the same way, is written to FILE (none is shipped: the filter did
not carry to unread text, docs/evaluation.md round 17).

Needs scikit-learn (training only; the run-time filter is a sum of weights):
  /work/main/.venv/bin/pip install --target /tmp/figures29-deps scikit-learn==1.5.2
  PYTHONPATH=$PWD:/tmp/figures29-deps python -m bench.figure_filter --data /work/data [--write FILE]
Deterministic: the solver is liblinear with a fixed random_state; slices and rows in a fixed order.
Never reads L3S held-out past index 351 (held-out 352-389 is kept for the lead's acceptance check).
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.eval_figures_real import (
    ARTICLE_FILES,
    GOLD_FOLDER,
    L3S_FOLDER,
    RealResult,
    context,
    load_texts,
    overlaps,
    score_article,
)
from bench.figure_filter_cues import figure_features
from transforms.figures import find_figures
from transforms.figures.assemble import Sentences
from transforms.records import Figure

RECALL_BUDGET = 0.004  # share of true figures (of the training slices' scores) the threshold may drop
C = 0.5  # inverse L2 strength, fixed before any run
MIN_COUNT = 3  # a feature seen in fewer training rows gets no weight
LAST_READABLE_HELDOUT = 351
REAL_HELDOUT = (
    "gold-heldout-fixed15.json",
    "gold-heldout13-fixed20.json",
    "gold-heldout14.json",
    "gold-heldout15.json",
    "gold-heldout16.json",
    "gold-heldout17.json",
    "gold-heldout-fixed18.json",
    "gold-heldout19-fixed20.json",
    "gold-heldout20.json",
    "gold-heldout21.json",
)
L3S_NAMES = (
    "dev",
    "dev2",
    "dev3",
    "dev4",
    *(f"heldout{n}" if n > 1 else "heldout" for n in range(1, 12)),
)  # never 12 on
L3S_SLICES = {
    "l3s-dev": ("gold-dev.json",),
    "l3s-dev4": ("gold-dev4-fixed26.json",),
    "l3s-h1": ("gold-heldout.json",),
    **{f"l3s-h{n}": (f"gold-heldout{n}.json",) for n in range(2, 12)},
}


@dataclass
class Article:
    text: str
    gold: dict
    found: list[Figure]
    rows: list[int]  # per found figure, its row in the table


@dataclass
class Table:
    """Every row's features and label (None: not counted by the scorer), its slice, and whether it is a
    figure the current rules propose (False: a judged non-figure only an earlier parser proposed)."""

    features: list[list[str]] = field(default_factory=list)
    labels: list[int | None] = field(default_factory=list)
    slices: list[str] = field(default_factory=list)
    current: list[bool] = field(default_factory=list)

    def add(self, features: list[str], label: int | None, slice_name: str, current: bool) -> int:
        self.features.append(features)
        self.labels.append(label)
        self.slices.append(slice_name)
        self.current.append(current)
        return len(self.labels) - 1


def label_found(article: dict, found: list[Figure]) -> list[int | None]:
    """The scorer's reading of each found figure (score_article's matching, in the same order)."""
    labels: list[int | None] = [None] * len(found)
    used: set[int] = set()
    for wanted in article["figures"]:
        for n, f in enumerate(found):
            if n not in used and overlaps(f.char_start, f.char_end, wanted["char_start"], wanted["char_end"]):
                used.add(n)
                labels[n] = 1
                break
    for n, f in enumerate(found):
        if n in used or any(
            overlaps(f.char_start, f.char_end, g["char_start"], g["char_end"]) for g in article["figures"]
        ):
            continue
        judged_not = any(
            overlaps(f.char_start, f.char_end, s["char_start"], s["char_end"]) for s in article["not_figures"]
        )
        if judged_not or article["recall_checked"]:
            labels[n] = 0
    return labels


def history(data: Path) -> dict[str, dict[tuple[int, int], dict]]:
    """Figures earlier parsers proposed (the dumps the judges read), by article key and span."""
    files = [data / L3S_FOLDER / f"{prefix}-{name}.json" for prefix in ("judged", "base") for name in L3S_NAMES]
    files += sorted((data / GOLD_FOLDER).glob("base1*.json")) + sorted((data / GOLD_FOLDER).glob("base2*.json"))
    files += [data / GOLD_FOLDER / "heldout-base.json", data / GOLD_FOLDER / "heldout-new.json"]
    spans: dict[str, dict[tuple[int, int], dict]] = {}
    for path in files:
        if not path.exists():
            continue
        for key, item in json.loads(path.read_text(encoding="utf-8")).items():
            article_key, figures = (item["key"], item["figures"]) if isinstance(item, dict) else (key, item)
            for f in figures:
                spans.setdefault(article_key, {}).setdefault((f["char_start"], f["char_end"]), f)
    return spans


def old_figure(text: str, key: str, found: dict) -> Figure:
    return Figure(
        article_id=key,
        figure_id="",
        surface=found["surface"],
        value=found.get("value"),
        value_low=found.get("value_low"),
        value_high=found.get("value_high"),
        approximate=bool(found.get("approximate")),
        qualifier=found.get("qualifier"),
        unit=found.get("unit"),
        object=found.get("object"),
        kind=found.get("kind", "count"),
        char_start=found["char_start"],
        char_end=found["char_end"],
        sentence=found.get("sentence") or Sentences(text).containing(found["char_start"]),
    )


def load_slices(data: Path) -> tuple[Table, dict[str, list[Article]]]:
    real_texts = load_texts(data, ARTICLE_FILES) or {}
    l3s_texts = load_texts(data, (L3S_FOLDER / "articles.json",)) or {}
    plan: dict[str, tuple[Path, tuple[str, ...], dict[str, str]]] = {
        "real-dev": (GOLD_FOLDER, ("gold-dev20.json",), real_texts)
    }
    plan["real-heldout"] = (GOLD_FOLDER, REAL_HELDOUT, real_texts)
    plan |= {name: (L3S_FOLDER, files, l3s_texts) for name, files in L3S_SLICES.items()}
    earlier = history(data)
    table, slices = Table(), {}
    for name, (folder, files, texts) in plan.items():
        articles = []
        for file in files:
            for gold in json.loads((data / folder / file).read_text(encoding="utf-8"))["articles"]:
                if folder == L3S_FOLDER and gold.get("heldout_index", 0) > LAST_READABLE_HELDOUT:
                    raise SystemExit(f"{file} holds held-out {gold['heldout_index']}: reserved, not read")
                key = gold["key"]
                text = texts[key]
                found = find_figures(text, key)  # the rules alone: the filter is not wired in
                labels = label_found(gold, found)
                rows = [table.add(figure_features(text, f), y, name, True) for f, y in zip(found, labels, strict=True)]
                articles.append(Article(text, gold, found, rows))
                for span in gold["not_figures"]:
                    if any(overlaps(f.char_start, f.char_end, span["char_start"], span["char_end"]) for f in found):
                        continue
                    old = earlier.get(key, {}).get((span["char_start"], span["char_end"]))
                    if old is not None:
                        table.add(figure_features(text, old_figure(text, key, old)), 0, name, False)
        slices[name] = articles
    return table, slices


class Model:
    """The table as one sparse matrix; fits on any set of its rows."""

    def __init__(self, table: Table) -> None:
        from sklearn.feature_extraction import DictVectorizer  # training only

        self.table = table
        self.vectorizer = DictVectorizer(dtype=float)
        self.matrix = self.vectorizer.fit_transform([dict.fromkeys(f, 1) for f in table.features]).tocsr()

    def fit(self, rows: list[int]) -> tuple[Any, float]:
        import numpy as np
        from sklearn.linear_model import LogisticRegression

        part = self.matrix[rows]
        seen = np.asarray((part > 0).sum(axis=0)).ravel() >= MIN_COUNT  # features of the training rows only
        part = part[:, np.flatnonzero(seen)]
        model = LogisticRegression(C=C, solver="liblinear", random_state=0, max_iter=1000)
        model.fit(part, [self.table.labels[r] for r in rows])
        weights = np.zeros(self.matrix.shape[1])
        weights[np.flatnonzero(seen)] = model.coef_[0]
        return weights, float(model.intercept_[0])

    def scores(self, rows: list[int], weights: Any, bias: float) -> list[float]:
        import numpy as np

        z = self.matrix[rows] @ weights + bias
        return list(1.0 / (1.0 + np.exp(-z)))

    def named(self, weights: Any) -> dict[str, float]:
        return {n: float(w) for n, w in zip(self.vectorizer.get_feature_names_out(), weights, strict=True) if w}


def trainable(table: Table, names: set[str]) -> list[int]:
    return [r for r, (y, s) in enumerate(zip(table.labels, table.slices, strict=True)) if y is not None and s in names]


def choose_threshold(probabilities: list[float], ys: list[int], budget: float = RECALL_BUDGET) -> float:
    """The highest threshold that drops at most `budget` of the true figures."""
    positives = sorted(p for p, y in zip(probabilities, ys, strict=True) if y == 1)
    allowed = int(budget * len(positives))
    return float(positives[allowed]) if positives else 0.0  # keeps scores >= it: drops `allowed` at most


def out_of_fold_thresholds(model: Model, names: list[str], budgets: list[float]) -> list[float]:
    """Thresholds from the named slices alone: each current row scored by a fit on the other slices."""
    probabilities: list[float] = []
    labels: list[int] = []
    table = model.table
    for held in names:
        weights, bias = model.fit(trainable(table, set(names) - {held}))
        rows = [r for r in trainable(table, {held}) if table.current[r]]
        probabilities += model.scores(rows, weights, bias)
        labels += [table.labels[r] or 0 for r in rows]
    return [choose_threshold(probabilities, labels, budget) for budget in budgets]


def scored(articles: list[Article], keep: dict[int, bool]) -> RealResult:
    result = RealResult()
    for a in articles:
        score_article(a.text, a.gold, [f for f, r in zip(a.found, a.rows, strict=True) if keep[r]], result)
    return result


def counts_of(result: RealResult) -> tuple[int, int, int, int]:
    d, r = result.detection["all"], result.recall["all"]
    return d.tp, d.fp, r.tp, r.fn


def line(name: str, base: tuple[int, ...], after: tuple[int, ...], threshold: float) -> str:
    def pr(c: tuple[int, ...]) -> str:
        tp, fp, rtp, rfn = c
        return f"{tp / max(1, tp + fp):.3f} {rtp / max(1, rtp + rfn):.3f}"

    return (
        f"{name:<13} {base[0] + base[1]:5d} {base[1]:4d}  {pr(base)}  {pr(after)}  "
        f"{base[1] - after[1]:4d} {base[0] - after[0]:4d}  {threshold:.3f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("/work/data"))
    parser.add_argument("--write", type=Path, help="fit on every slice and write the weights to this JSON file")
    parser.add_argument("--budget", type=float, default=RECALL_BUDGET, help="recall budget of the shipped threshold")
    parser.add_argument("--also-budget", type=float, action="append", default=[], help="other budgets to report")
    parser.add_argument("--show", action="store_true", help="list the figures the filter drops")
    args = parser.parse_args(argv)
    table, slices = load_slices(args.data)
    names = list(slices)
    for name in names:
        rows = trainable(table, {name})
        now = [table.labels[r] or 0 for r in rows if table.current[r]]
        print(
            f"{name}: {len(slices[name])} articles; current rules: {sum(now)} true, {len(now) - sum(now)} false; "
            f"judged non-figures of earlier parsers: {len(rows) - len(now)}",
            flush=True,
        )
    model = Model(table)
    budgets = [args.budget, *args.also_budget]
    print(f"\nleave-one-slice-out, C {C}, min count {MIN_COUNT}, {len(table.labels)} rows")
    lines: dict[float, list[str]] = {b: [] for b in budgets}
    pooled_base: tuple[int, ...] = (0, 0, 0, 0)
    pooled_after: dict[float, tuple[int, ...]] = dict.fromkeys(budgets, (0, 0, 0, 0))
    dropped: list[str] = []
    for held in names:
        training = [n for n in names if n != held]
        thresholds = out_of_fold_thresholds(model, training, budgets)
        weights, bias = model.fit(trainable(table, set(training)))
        rows = [r for a in slices[held] for r in a.rows]
        probabilities = dict(zip(rows, model.scores(rows, weights, bias), strict=True))
        base = counts_of(scored(slices[held], dict.fromkeys(rows, True)))
        pooled_base = tuple(p + c for p, c in zip(pooled_base, base, strict=True))
        for budget, threshold in zip(budgets, thresholds, strict=True):
            keep = {r: p >= threshold for r, p in probabilities.items()}
            after = counts_of(scored(slices[held], keep))
            lines[budget].append(line(held, base, after, threshold))
            pooled_after[budget] = tuple(p + c for p, c in zip(pooled_after[budget], after, strict=True))
            if budget == args.budget:
                for a in slices[held]:
                    for f, r in zip(a.found, a.rows, strict=True):
                        if not keep[r]:
                            label = {1: "TRUE", 0: "false", None: "unjudged"}[table.labels[r]]
                            dropped.append(f"{held} {label} {probabilities[r]:.3f} {context(a.text, f, 40)!r}")
        labelled = [r for r in rows if table.labels[r] is not None]
        ys = [table.labels[r] or 0 for r in labelled]
        if 0 < sum(ys) < len(ys):
            from sklearn.metrics import roc_auc_score

            auc = roc_auc_score(ys, [probabilities[r] for r in labelled])
            falses = sorted(round(float(probabilities[r]), 2) for r in labelled if table.labels[r] == 0)
            print(f"  {held}: AUC {auc:.3f}; scores of its false figures {falses}")
        print(lines[args.budget][-1], flush=True)
    for budget in budgets:
        print(f"\nrecall budget {budget}")
        print(f"{'slice':<13} {'found':>5} {'fp':>4}  rules P R    +filter P R  fp- tp-  threshold")
        print("\n".join(lines[budget]))
        print(line("pooled", pooled_base, pooled_after[budget], 0.0))
    if args.show:
        print("\ndropped at budget", args.budget)
        print("\n".join(dropped))
    if args.write:
        threshold = out_of_fold_thresholds(model, names, [args.budget])[0]
        weights, bias = model.fit(trainable(table, set(names)))
        weights_named = {k: round(v, 4) for k, v in sorted(model.named(weights).items()) if abs(v) >= 1e-4}
        shipped = {
            "about": "bench/figure_filter.py --write: logistic regression on every judged slice; threshold from "
            f"leave-one-slice-out scores, dropping at most {args.budget} of true figures",
            "bias": round(bias, 4),
            "threshold": round(threshold, 4),
            "weights": weights_named,
        }
        out = args.write
        out.write_text(json.dumps(shipped, indent=0) + "\n", encoding="utf-8")
        print(f"wrote {out}: {len(weights_named)} weights, threshold {shipped['threshold']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
