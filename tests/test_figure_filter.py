"""The learned figure filter's cues and scoring (bench/figure_filter_cues.py): pure functions of a
figure and its text, so the weights bench/figure_filter.py fits can be applied without a model library."""

from __future__ import annotations

from bench.figure_filter_cues import figure_features, keep_true_figures, number_shape, true_figure_score
from transforms.figures import find_figures

TEXT = "The club rose to rung 4 of the ladder on Sunday. Fans bought 3,000 tickets for the final."


def test_number_shape_keeps_punctuation_and_runs():
    assert number_shape("4-40") == "9-9"
    assert number_shape("$64,000") == "$9,9"
    assert number_shape("181-6") == "9-9"
    assert number_shape("two years") == "a a"


def test_features_read_the_figure_and_its_neighbours():
    tickets = next(f for f in find_figures(TEXT, "a") if "3,000" in f.surface)
    features = figure_features(TEXT, tickets)
    assert "before1=bought" in features
    assert "sentence=fans" in features
    assert "sentence=ladder" not in features  # another sentence
    assert f"kind={tickets.kind}" in features
    assert len(features) == len(set(features))
    assert features == figure_features(TEXT, tickets)  # the same cues, in the same order, every time


def test_scores_drop_only_figures_under_the_threshold():
    figures = find_figures(TEXT, "a")
    assert any("3,000" in f.surface for f in figures)
    weights = {"sentence=ladder": -6.0, "sentence=tickets": 2.0}
    assert true_figure_score(["sentence=ladder"], weights, 1.0) < 0.01
    assert true_figure_score(["sentence=tickets"], weights, 1.0) > 0.9
    kept = keep_true_figures(TEXT, figures, weights, bias=1.0, threshold=0.5)
    assert [f.surface for f in kept] == [f.surface for f in figures if "ladder" not in f.sentence]
    assert any("3,000" in f.surface for f in kept)
