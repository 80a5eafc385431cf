"""Train and measure the learned figure filter (transforms/figures/figure_filter.py) on the judged pages.

Each judged slice (L3S dev, dev4, held-out 1-11; the newspaper set's dev and held-out) gives a table: every
figure the current rules propose, labelled as the scorer (bench.eval_figures_real) would count it: true when
it is matched to a true figure, false when it overlaps a judged non-figure or stands alone in a
recall-checked article; the rest (unjudged, second pieces of a true figure) are left out.

Leave-one-slice-out: for each slice, a logistic regression is fitted on the other slices, its threshold chosen
from those slices alone (an inner leave-one-slice-out gives each training figure a score from a model that did
not see its slice; the threshold is the highest that drops at most RECALL_BUDGET of their true figures), and
the held-out slice is scored by the scorer itself with and without the filter. Then the shipped model: fitted
on every slice, its threshold chosen the same way, written to transforms/lexicons/figure_filter_weights.json.

Needs scikit-learn (training only; the run-time filter is a sum of weights):
  /work/main/.venv/bin/pip install --target /tmp/figures29-deps scikit-learn==1.5.2
  PYTHONPATH=$PWD:/tmp/figures29-deps python -m bench.figure_filter --data /work/data [--write]
Deterministic: the solver is liblinear with a fixed random_state; slices and rows in a fixed order.
Never reads L3S held-out past index 351 (held-out 352-389 is kept for the lead's acceptance check).
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

from bench.eval_figures_real import (
    ARTICLE_FILES,
    GOLD_FOLDER,
    L3S_FOLDER,
    RealResult,
    load_texts,
    overlaps,
    score_article,
)
from transforms.figures.assemble import propose_figures
from transforms.figures.figure_filter import WEIGHTS_FILE, figure_features
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
    labels: list[int | None]  # per found figure: 1 true, 0 false, None not counted
    features: list[list[str]]


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
        if n in used or any(overlaps(f.char_start, f.char_end, g["char_start"], g["char_end"]) for g in article["figures"]):
            continue
        judged_not = any(overlaps(f.char_start, f.char_end, s["char_start"], s["char_end"]) for s in article["not_figures"])
        if judged_not or article["recall_checked"]:
            labels[n] = 0
    return labels


def load_slices(data: Path) -> dict[str, list[Article]]:
    real_texts = load_texts(data, ARTICLE_FILES) or {}
    l3s_texts = load_texts(data, (L3S_FOLDER / "articles.json",)) or {}
    plan = {"real-dev": (GOLD_FOLDER, ("gold-dev20.json",), real_texts)}
    plan["real-heldout"] = (GOLD_FOLDER, REAL_HELDOUT, real_texts)
    plan |= {name: (L3S_FOLDER, files, l3s_texts) for name, files in L3S_SLICES.items()}
    slices: dict[str, list[Article]] = {}
    for name, (folder, files, texts) in plan.items():
        articles = []
        for file in files:
            for gold in json.loads((data / folder / file).read_text(encoding="utf-8"))["articles"]:
                if folder == L3S_FOLDER and gold.get("heldout_index", 0) > LAST_READABLE_HELDOUT:
                    raise SystemExit(f"{file} holds held-out {gold['heldout_index']}: reserved, not read")
                text = texts[gold["key"]]
                found = propose_figures(text, gold["key"])
                articles.append(
                    Article(text, gold, found, label_found(gold, found), [figure_features(text, f) for f in found])
                )
        slices[name] = articles
    return slices


def rows(articles: list[Article]) -> tuple[list[list[str]], list[int]]:
    xs, ys = [], []
    for a in articles:
        for feats, label in zip(a.features, a.labels, strict=True):
            if label is not None:
                xs.append(feats)
                ys.append(label)
    return xs, ys


def fit(xs: list[list[str]], ys: list[int]) -> tuple[dict[str, float], float]:
    from sklearn.linear_model import LogisticRegression  # training only
    from sklearn.feature_extraction import DictVectorizer

    counts: dict[str, int] = {}
    for feats in xs:
        for f in set(feats):
            counts[f] = counts.get(f, 0) + 1
    kept = [{f: 1 for f in feats if counts[f] >= MIN_COUNT} for feats in xs]
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(kept)
    model = LogisticRegression(C=C, solver="liblinear", random_state=0, max_iter=1000)
    model.fit(matrix, ys)
    weights = {name: float(w) for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True)}
    return weights, float(model.intercept_[0])


def score(feats: list[str], weights: dict[str, float], bias: float) -> float:
    from transforms.figures.figure_filter import true_figure_score

    # duplicate names count once, as in training
    return true_figure_score(list(dict.fromkeys(feats)), weights, bias)


def choose_threshold(probabilities: list[float], ys: list[int], budget: float = RECALL_BUDGET) -> float:
    """The highest threshold that drops at most `budget` of the true figures."""
    positives = sorted(p for p, y in zip(probabilities, ys, strict=True) if y == 1)
    allowed = int(budget * len(positives))
    return positives[allowed] if positives else 0.0  # keeps scores >= it: drops `allowed` at most


def out_of_fold(slices: dict[str, list[Article]], names: list[str]) -> tuple[list[float], list[int]]:
    """Each row of the named slices scored by a model fitted on the other named slices."""
    probabilities, labels = [], []
    for held in names:
        xs, ys = rows([a for n in names if n != held for a in slices[n]])
        weights, bias = fit(xs, ys)
        hx, hy = rows(slices[held])
        probabilities += [score(x, weights, bias) for x in hx]
        labels += hy
    return probabilities, labels


def scored(articles: list[Article], keep) -> RealResult:
    result = RealResult()
    for a in articles:
        found = [f for f, feats in zip(a.found, a.features, strict=True) if keep(feats)]
        score_article(a.text, a.gold, found, result)
    return result


def counts_of(result: RealResult) -> tuple[int, int, int, int]:
    d, r = result.detection["all"], result.recall["all"]
    return d.tp, d.fp, r.tp, r.fn


def line(name: str, base: tuple[int, int, int, int], after: tuple[int, int, int, int], threshold: float) -> str:
    def pr(c: tuple[int, int, int, int]) -> str:
        tp, fp, rtp, rfn = c
        return f"{tp / max(1, tp + fp):.3f} {rtp / max(1, rtp + rfn):.3f}"

    dropped = (base[0] - after[0], base[1] - after[1])
    return f"{name:<14} {base[0] + base[1]:5d} {pr(base)}  {pr(after)}  {dropped[1]:4d} {dropped[0]:4d}  {threshold:.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("/work/data"))
    parser.add_argument("--write", action="store_true", help="fit on every slice and write the weights file")
    parser.add_argument("--budget", type=float, default=RECALL_BUDGET)
    args = parser.parse_args(argv)
    slices = load_slices(args.data)
    names = list(slices)
    for name in names:
        ys = rows(slices[name])[1]
        print(f"{name}: {len(slices[name])} articles, {sum(ys)} true, {len(ys) - sum(ys)} false figures")
    print(f"\nleave-one-slice-out, recall budget {args.budget}, C {C}, min count {MIN_COUNT}")
    print(f"{'slice':<14} {'found':>5} rules P R    +filter P R  fp- tp-  threshold")
    pooled_base, pooled_after = [0, 0, 0, 0], [0, 0, 0, 0]
    for held in names:
        training = [n for n in names if n != held]
        probabilities, labels = out_of_fold(slices, training)
        threshold = choose_threshold(probabilities, labels, args.budget)
        weights, bias = fit(*rows([a for n in training for a in slices[n]]))
        base = counts_of(scored(slices[held], lambda _f: True))
        after = counts_of(scored(slices[held], lambda f, w=weights, b=bias, t=threshold: score(f, w, b) >= t))
        print(line(held, base, after, threshold), flush=True)
        pooled_base = [p + c for p, c in zip(pooled_base, base, strict=True)]
        pooled_after = [p + c for p, c in zip(pooled_after, after, strict=True)]
    print(line("pooled", tuple(pooled_base), tuple(pooled_after), 0.0))  # type: ignore[arg-type]
    if args.write:
        probabilities, labels = out_of_fold(slices, names)
        threshold = choose_threshold(probabilities, labels, args.budget)
        weights, bias = fit(*rows([a for n in names for a in slices[n]]))
        model = {
            "about": "bench/figure_filter.py --write: logistic regression on every judged slice; threshold from "
            f"leave-one-slice-out scores, dropping at most {args.budget} of true figures",
            "bias": round(bias, 4),
            "threshold": round(threshold, 4),
            "weights": {k: round(v, 4) for k, v in sorted(weights.items()) if abs(v) >= 1e-4},
        }
        out = Path("transforms/lexicons") / WEIGHTS_FILE
        out.write_text(json.dumps(model, indent=0, sort_keys=False) + "\n", encoding="utf-8")
        print(f"wrote {out}: {len(model['weights'])} weights, threshold {model['threshold']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

