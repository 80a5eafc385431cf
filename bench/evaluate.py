"""`make eval`: entity and figure precision/recall on the hand-annotated paragraphs in tests/eval/,
and what each stage on top of the model costs in time and gives in accuracy."""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.language import Language

from transforms.entities import (
    EntityOptions,
    NamedSpan,
    alias_key,
    canonicalise,
    clean_names,
    load_ner,
    read_text,
    resolve_mentions,
    span_names,
    spans_of,
)
from transforms.figures import find_figures
from transforms.figures.parsed_objects import find_objects_of
from transforms.holders import find_holders
from transforms.records import Figure

EVAL_FILE = Path(__file__).resolve().parent.parent / "tests" / "eval" / "paragraphs.json"
FIGURE_FIELDS = ("value", "value_low", "value_high", "approximate", "qualifier", "unit", "object", "kind")
FIGURE_DEFAULTS = {
    "value_low": None,
    "value_high": None,
    "approximate": False,
    "qualifier": None,
    "unit": None,
    "object": None,
}
ENTITY_STAGES: dict[str, Callable[[list[NamedSpan]], list[NamedSpan]]] = {
    "model": lambda named: named,
    "+rules": clean_names,
    "+canonical": lambda named: canonicalise(clean_names(named)),
}


@dataclass(frozen=True)
class Paragraph:
    id: str
    text: str
    entities: list[tuple[str, str, str | None]]
    figures: list[dict]


def nth_find(text: str, surface: str, occurrence: int) -> int:
    start = -1
    for _ in range(occurrence):
        start = text.find(surface, start + 1)
        if start < 0:
            break
    return start


def load_paragraphs(path: Path = EVAL_FILE) -> list[Paragraph]:
    data = json.loads(path.read_text(encoding="utf-8"))
    paragraphs = []
    for item in data["paragraphs"]:
        entities = [(e[0], e[1], e[2] if len(e) > 2 else None) for e in item["entities"]]
        figures = [{**FIGURE_DEFAULTS, **figure} for figure in item["figures"]]
        for figure in figures:
            figure["start"] = nth_find(item["text"], figure["surface"], figure.pop("occurrence", 1))
            if figure["start"] < 0:
                raise ValueError(f"{item['id']}: figure surface {figure['surface']!r} is not in the text")
        paragraphs.append(Paragraph(item["id"], item["text"], entities, figures))
    return paragraphs


@dataclass
class Score:
    """True positives, false positives and false negatives of one class."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    by_class: dict[str, Score] = field(default_factory=dict)

    def add(self, cls: str, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        for key in (cls, "all"):
            score = self.by_class.setdefault(key, Score())
            score.tp, score.fp, score.fn = score.tp + tp, score.fp + fp, score.fn + fn

    def __getitem__(self, cls: str) -> Score:
        return self.by_class.get(cls, Score())


@dataclass
class EvalResult:
    entities: dict[str, Scores]  # by stage
    country_codes: Score
    figures: Scores  # detection, by kind
    figure_fields: Counter  # field -> wrong among matched figures
    figures_matched: int
    figures_exact: int
    objects_right: Scores  # by kind: tp = matched figures whose object is right, fn = wrong
    holders: Scores  # by role
    errors: list[str]
    timings_ms: dict[str, float]  # per paragraph


def score_entities(named: list[NamedSpan], gold: list[tuple[str, str, str | None]], scores: Scores) -> list[str]:
    found = {(alias_key(item.name), item.label) for item in named}
    wanted = {(alias_key(name), label) for name, label, _ in gold}
    for label in {label for _, label in found | wanted}:
        f = {key for key in found if key[1] == label}
        w = {key for key in wanted if key[1] == label}
        scores.add(label, tp=len(f & w), fp=len(f - w), fn=len(w - f))
    return [f"entity missed {key}" for key in sorted(wanted - found)] + [
        f"entity extra {key}" for key in sorted(found - wanted)
    ]


def match_figures(text: str, found: list[Figure], gold: list[dict]) -> list[tuple[dict, Figure | None]]:
    """Each gold figure with the found figure overlapping it (each found figure used once)."""
    used: set[int] = set()
    pairs = []
    for want in gold:
        start = want["start"]
        end = start + len(want["surface"])
        match = next(
            (n for n, f in enumerate(found) if n not in used and f.char_start < end and start < f.char_end), None
        )
        if match is not None:
            used.add(match)
        pairs.append((want, found[match] if match is not None else None))
    return pairs


def holder_of(figure: Figure, name_of: dict[str, str]) -> tuple[str, str] | None:
    """(name, role) of the figure's holder: find_holders sets entity_id and role together, and the
    entity is one of those resolved from the same paragraph's mentions."""
    if figure.entity_id is None or figure.role is None:
        return None
    return name_of[figure.entity_id], figure.role


def evaluate(nlp: Language, options: EntityOptions, paragraphs: list[Paragraph], repeat: int = 3) -> EvalResult:
    entity_scores = {stage: Scores() for stage in ENTITY_STAGES}
    codes, figure_scores, holder_scores, object_scores = Score(), Scores(), Scores(), Scores()
    field_errors: Counter = Counter()
    matched = exact = 0
    errors: list[str] = []
    for paragraph in paragraphs:
        doc = read_text(nlp, paragraph.text, options)
        named = span_names(spans_of(doc))
        for stage, step in ENTITY_STAGES.items():
            stage_errors = score_entities(step(named), paragraph.entities, entity_scores[stage])
            if stage == "+canonical":
                errors += [f"{paragraph.id}: {e}" for e in stage_errors]
        canonical = canonicalise(clean_names(named))
        code_of = {alias_key(item.name): item.country_code for item in canonical if item.label == "LOC"}
        for name, _label, code in paragraph.entities:
            if code is not None and alias_key(name) in code_of:
                ok = code_of[alias_key(name)] == code
                codes.tp, codes.fn = codes.tp + ok, codes.fn + (not ok)

        mentions, entities = resolve_mentions(spans_of(doc), paragraph.id)
        name_of = {e.entity_id: e.name for e in entities}
        figures = find_objects_of(nlp, [(paragraph.text, find_figures(paragraph.text, paragraph.id))])[0]
        figures = find_holders(nlp, paragraph.text, figures, mentions)
        pairs = match_figures(paragraph.text, figures, paragraph.figures)
        paired = {id(f) for _, f in pairs if f is not None}
        for want, got in pairs:
            if got is None:
                figure_scores.add(want["kind"], fn=1)
                errors.append(f"{paragraph.id}: figure missed {want['surface']!r}")
                continue
            figure_scores.add(got.kind, tp=1)
            matched += 1
            wrong = {k: (getattr(got, k), want[k]) for k in FIGURE_FIELDS if getattr(got, k) != want[k]}
            object_right = "object" not in wrong
            object_scores.add(want["kind"], tp=object_right, fn=not object_right)
            field_errors.update(wrong.keys())
            exact += not wrong
            if wrong:
                errors.append(f"{paragraph.id}: {got.surface!r} (found, expected) {wrong}")
            got_holder = holder_of(got, name_of)
            want_holder = (want["holder"], want["role"]) if want.get("holder") else None
            if (
                got_holder
                and want_holder
                and alias_key(got_holder[0]) == alias_key(want_holder[0])
                and got_holder[1] == want_holder[1]
            ):
                holder_scores.add(want_holder[1], tp=1)
                continue
            if got_holder:
                holder_scores.add(got_holder[1], fp=1)
                errors.append(f"{paragraph.id}: {got.surface!r} holder {got_holder}, expected {want_holder}")
            if want_holder:
                holder_scores.add(want_holder[1], fn=1)
                if not got_holder:
                    errors.append(f"{paragraph.id}: {got.surface!r} holder missed {want_holder}")
        for figure in figures:
            if id(figure) not in paired:
                figure_scores.add(figure.kind, fp=1)
                errors.append(f"{paragraph.id}: not a figure {figure.surface!r}")
                if (holder := holder_of(figure, name_of)) is not None:
                    holder_scores.add(holder[1], fp=1)
    return EvalResult(
        entity_scores,
        codes,
        figure_scores,
        field_errors,
        matched,
        exact,
        object_scores,
        holder_scores,
        errors,
        time_stages(nlp, options, paragraphs, repeat),
    )


def time_stages(nlp: Language, options: EntityOptions, paragraphs: list[Paragraph], repeat: int) -> dict[str, float]:
    """Milliseconds per paragraph of each stage, best of `repeat` passes."""
    texts = [p.text for p in paragraphs]
    docs = [read_text(nlp, text, options) for text in texts]
    named = [span_names(spans_of(doc)) for doc in docs]
    resolved = [resolve_mentions(spans_of(doc), "eval")[0] for doc in docs]
    figures = [find_figures(text, "eval") for text in texts]
    stages: dict[str, Callable[[], object]] = {
        "model": lambda: [read_text(nlp, text, options) for text in texts],
        "rules": lambda: [clean_names(n) for n in named],
        "canonical": lambda: [canonicalise(clean_names(n)) for n in named],
        "figures": lambda: [find_figures(text, "eval") for text in texts],
        "holders": lambda: [find_holders(nlp, t, f, m) for t, f, m in zip(texts, figures, resolved, strict=True)],
    }
    timings = {}
    for stage, run in stages.items():
        best = float("inf")
        for _ in range(repeat):
            started = time.perf_counter()
            run()
            best = min(best, time.perf_counter() - started)
        timings[stage] = best * 1000 / len(texts)
    return timings


def format_scores(title: str, scores: Scores) -> list[str]:
    lines = [f"{title:<22} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}"]
    for cls in sorted(scores.by_class, key=lambda c: (c == "all", c)):
        s = scores[cls]
        lines.append(f"  {cls:<20} {s.precision:6.2f} {s.recall:6.2f} {s.f1:6.2f} {s.tp:4d} {s.fp:4d} {s.fn:4d}")
    return lines


def report(model_only: EvalResult, with_syntax: EvalResult, paragraphs: int, show_errors: bool) -> str:
    lines = [f"{paragraphs} paragraphs from {EVAL_FILE.relative_to(EVAL_FILE.parents[2])}", ""]
    lines += format_scores("entities by label", with_syntax.entities["+canonical"])
    codes = with_syntax.country_codes
    lines += [f"  country codes right: {codes.tp}/{codes.tp + codes.fn}", ""]
    lines += format_scores("figures by kind", with_syntax.figures)
    fields = ", ".join(f"{k} {n}" for k, n in with_syntax.figure_fields.most_common()) or "none"
    lines += [
        f"  matched figures with every field right: {with_syntax.figures_exact}/{with_syntax.figures_matched}"
        f" (wrong fields: {fields})",
    ]
    objects = with_syntax.objects_right
    lines.append(
        "  object right among matched figures: "
        + ", ".join(
            f"{kind} {objects[kind].tp}/{objects[kind].tp + objects[kind].fn}" for kind in sorted(objects.by_class)
        )
    )
    lines.append("")
    lines += format_scores("figure holders by role", with_syntax.holders)
    lines += ["", "what each stage costs (ms per paragraph) and gives:"]
    t0, t1 = model_only.timings_ms, with_syntax.timings_ms
    lines.append(f"  model, NER only          {t0['model']:7.2f} ms")
    for stage, name in (("model", "+rules"), ("+rules", "+canonical")):
        before, after = model_only.entities[stage]["all"], model_only.entities[name]["all"]
        key = name.lstrip("+")
        lines.append(
            f"  {name:<24} {t0[key]:7.2f} ms  entity F1 {before.f1:.2f} -> {after.f1:.2f} "
            f"(P {after.precision:.2f}, R {after.recall:.2f})"
        )
    lines.append(f"  figures (rules)          {t0['figures']:7.2f} ms  figure F1 {with_syntax.figures['all'].f1:.2f}")
    before, after = model_only.holders["all"], with_syntax.holders["all"]
    lines.append(
        f"  +syntax (parser)         {t1['holders']:7.2f} ms  parsing only sentences with a figure and "
        f"an actor (x{(t1['model'] + t1['holders']) / t0['model']:.2f} of NER alone); "
        f"holder F1 {before.f1:.2f} -> {after.f1:.2f} (P {after.precision:.2f}, R {after.recall:.2f})"
    )
    syntax_entities = with_syntax.entities["+canonical"]["all"].f1
    lines.append(f"  entity F1 with the parser loaded: {syntax_entities:.2f} (NER does not use it)")
    if show_errors:
        lines += ["", "errors:"] + [f"  {e}" for e in with_syntax.errors]
    return "\n".join(lines)


def run_eval(model: str | None = None, repeat: int = 3) -> tuple[EvalResult, EvalResult]:
    """The evaluation without and with syntax: (NER only, NER + parser)."""
    paragraphs = load_paragraphs()
    options = EntityOptions() if model is None else EntityOptions(model=model)
    results = []
    for syntax in (False, True):
        stage_options = replace(options, syntax=syntax)
        results.append(evaluate(load_ner(stage_options), stage_options, paragraphs, repeat))
    return results[0], results[1]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", help="spaCy pipeline package (default: the configured default)")
    parser.add_argument("--errors", action="store_true", help="list every miss and false positive")
    parser.add_argument("--repeat", type=int, default=5, help="timing passes; the best counts")
    args = parser.parse_args(argv)
    model_only, with_syntax = run_eval(args.model, args.repeat)
    print(report(model_only, with_syntax, len(load_paragraphs()), args.errors))


if __name__ == "__main__":
    main()
