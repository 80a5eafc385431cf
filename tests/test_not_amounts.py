"""Numbers that name a time, a format or a term (transforms/figures/not_amounts.py, round 24): each rule on
the tokens of a sentence of our own, with a like sentence it must leave alone."""

from __future__ import annotations

from transforms.figures import find_figures
from transforms.figures.not_amounts import (
    display_resolutions,
    formula_terms,
    is_early_year,
    is_first_of_day_pair,
    is_split_day,
    not_amount_end,
    titled_span_end,
)
from transforms.figures.tokens import tokenize


def index_of(tokens, text, nth=0):
    return [n for n, token in enumerate(tokens) if token.text == text][nth]


def surfaces(text):
    return [figure.surface for figure in find_figures(text, "t")]


def test_early_year_after_a_preposition_of_time_or_in_a_range():
    tokens = tokenize("Turner in 1775, Constable in 1776, and a show of 1300‒1350 at the gallery.")
    assert all(is_early_year(tokens, index_of(tokens, year)) for year in ("1775", "1776", "1300", "1350"))
    counted = tokenize("In 1500 cases the court ruled for the state; 1200 soldiers marched.")
    assert not is_early_year(counted, index_of(counted, "1500"))  # a lowercase noun it counts follows
    assert not is_early_year(counted, index_of(counted, "1200"))  # no preposition of time before it


def test_day_of_month_split_by_commas_or_paired():
    tokens = tokenize("In this photo dated Tuesday, Nov, 29, 2016 the rocket. On 7 and 11 April, aftershocks.")
    assert is_split_day(tokens, index_of(tokens, "29"))
    assert is_first_of_day_pair(tokens, index_of(tokens, "7"))
    people = tokenize("In November, 29 people died, and 7 and 11 May voters agreed.")
    assert not is_split_day(people, index_of(people, "29"))  # no year after it
    assert not is_first_of_day_pair(people, index_of(people, "7"))  # "May" may be a verb


def test_formula_terms_but_not_its_result_nor_a_range():
    tokens = tokenize("That's 10^5 * 300 = 30,000,000 lists, and 10-20 more.")
    terms = formula_terms(tokens)
    assert {tokens[n].text for n in terms} == {"10", "5", "300"}
    assert surfaces("That's 10^5 * 300 = 30,000,000 lists.") == ["30,000,000 lists"]
    assert surfaces("a maximum payload of 2^15 - 1, or up to 2^28 later") == []


def test_display_resolution_by_its_shape_and_by_the_text():
    plain = tokenize("It runs in 4K at 30 FPS. The channel has 4K followers.")
    assert [plain[n + 1].text for n in sorted(display_resolutions(plain))] == ["K"]  # only the first
    about_formats = tokenize("Those 4K textures look better than 1080p ones.")
    assert len(display_resolutions(about_formats)) == 1
    assert display_resolutions(tokenize("It cost $4K in fees.")) == set()


def test_titled_span_only_inside_a_sentence_of_prose():
    prose = tokenize("Her anthology For Keeps: 30 Years at the Movies, the critic wrote, is long.")
    assert titled_span_end(prose, index_of(prose, "30")) is not None
    heading = tokenize("Grandfather Jailed 10 Years for Fraud")
    assert titled_span_end(heading, index_of(heading, "10")) is None


def test_ages_factors_short_numbers_and_stamps():
    assert surfaces("eating peanut snacks by 11 months of age, she said") == []
    assert surfaces("Buck with his daughter Kaiarahi (10 months) in the yard.") == []
    assert surfaces("Demand has multiplied by 10 in 2024.") == []
    assert surfaces("Text them to 61124 (UK) today.") == []
    assert surfaces("- Updated 84 minutes ago 4/15/2011 10:46:45 AM") == []
    assert surfaces("The survey (10 months) ended; 12 teams were divided by 3 groups.") == [
        "10 months",
        "12 teams",
        "3 groups",
    ]


def test_idioms_and_size_classes_are_no_figures():
    tokens = tokenize("And then one day it did something strange.")
    assert not_amount_end(tokens, index_of(tokens, "one")) == index_of(tokens, "day") + 1
    assert surfaces("The run-up is a one-two punch.") == []
    assert surfaces("closing a billion-dollar acquisition deal") == []
    assert surfaces("closing a $1 billion acquisition deal") == ["$1 billion"]
    assert surfaces("some portions dating more than a century, and they dated for two years") == ["two years"]


def test_gauges_name_a_standard_size():
    assert surfaces("added a 3.5mm headphone jack and 16mm film stock") == []
    assert surfaces("sea level rose 3.5mm in a year") == ["3.5mm"]
