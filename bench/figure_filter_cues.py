"""A learned precision filter's cues: after the rules, a linear model could drop a figure it scores as none.

The rules decide from phrases; four rounds of phrase rules written from judged slices did not carry to the
next unread slice (docs/evaluation.md, round 16 acceptance). A model weighs many weak cues at once (words
around the number, its kind and unit, the shape of the number, the words of its sentence). bench/figure_filter.py
fits one on the judged pages and measures it leave-one-slice-out; its weights are plain data (feature -> weight,
a bias and a threshold), so scoring is a sum of weights and a logistic, with no model library at run time.
Not wired into find_figures: measured in round 17 (docs/evaluation.md, figures29), it removed about one true
figure for each false one and none of the unread slice's new kinds of false figure.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

from transforms.records import Figure

# Characters read on each side of a figure for its window words: about eight words.
WINDOW_CHARS = 60
NEAR_WORDS = 3  # words right before and after a figure, kept with their position
_WORD = re.compile(r"[a-z]+|\d+|[$£€%:/\-–—()]")
_SHAPE_RUNS = re.compile(r"(9)9+|(a)a+")


def number_shape(surface: str) -> str:
    """'4-40' -> '9-9', 'rung 2' -> 'a 9', '$64,000' -> '$9,9': digits and letters as runs."""
    mapped = "".join("9" if c.isdigit() else "a" if c.isalpha() else c for c in surface)
    return _SHAPE_RUNS.sub(lambda m: m.group(1) or m.group(2), mapped)


def magnitude(value: float | None) -> str:
    if value is None:
        return "none"
    if value == 0:
        return "zero"
    if value <= 10 and float(value).is_integer():
        return f"small{int(value)}" if value > 0 else "negative"
    return f"e{math.floor(math.log10(abs(value)))}"


def figure_features(text: str, figure: Figure) -> list[str]:
    """The names of the cues a figure shows; each name found in the weights adds its weight."""
    unit = figure.unit or "none"
    features = [
        f"kind={figure.kind}",
        f"unit={unit}",
        f"kind_unit={figure.kind}|{unit}",
        f"shape={number_shape(figure.surface)}",
        f"magnitude={magnitude(figure.value if figure.value is not None else figure.value_low)}",
        f"has_object={figure.object is not None}",
        f"range={figure.value_low is not None}",
        f"qualifier={figure.qualifier or 'none'}",
        f"digits={any(c.isdigit() for c in figure.surface)}",
    ]
    features += [f"surface_word={w}" for w in _WORD.findall(figure.surface.lower()) if not w.isdigit()]
    if figure.object:
        features += [f"object_word={w}" for w in _WORD.findall(figure.object.lower())[:3]]
    before = _WORD.findall(text[max(0, figure.char_start - WINDOW_CHARS) : figure.char_start].lower())
    after = _WORD.findall(text[figure.char_end : figure.char_end + WINDOW_CHARS].lower())
    features += [f"before{n + 1}={w}" for n, w in enumerate(reversed(before[-NEAR_WORDS:]))]
    features += [f"after{n + 1}={w}" for n, w in enumerate(after[:NEAR_WORDS])]
    features += [f"window={w}" for w in sorted(set(before + after)) if not w.isdigit()]
    features += [f"sentence={w}" for w in sorted(set(_WORD.findall(figure.sentence.lower()))) if w.isalpha()]
    return list(dict.fromkeys(features))  # each cue once


def true_figure_score(features: list[str], weights: Mapping[str, float], bias: float) -> float:
    """The model's probability that the features belong to a true figure."""
    z = bias + sum(weights.get(name, 0.0) for name in features)
    return 1.0 / (1.0 + math.exp(-z)) if z > -500 else 0.0


def keep_true_figures(
    text: str, figures: list[Figure], weights: Mapping[str, float], bias: float, threshold: float
) -> list[Figure]:
    """The figures the model scores at or above its threshold."""
    return [f for f in figures if true_figure_score(figure_features(text, f), weights, bias) >= threshold]
