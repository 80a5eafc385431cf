"""Objects said away from the figure (round 31, objects47): the figure-level rules of
transforms/figures/away_objects.py and their guards, on sentences written for this project. The
sentences the pipeline reads whole are in tests/eval/figures_kinds.json ("round 31; objects47")."""

from __future__ import annotations

import pytest

from transforms.figures.away_objects import (
    aside_count_inherited,
    counted_through_size,
    in_running_prose,
    is_unit_word,
    name_run_through,
    plus_count_noun,
    without_unit_object,
)
from transforms.figures.parsed_objects import trims_after_noun
from transforms.records import Figure


def figure_in(sentence: str, surface: str, kind: str, said: str | None, unit: str | None = None) -> Figure:
    start = sentence.index(surface)
    return Figure(
        article_id="a1",
        figure_id=f"a1-{start}",
        surface=surface,
        value=None,
        value_low=None,
        value_high=None,
        approximate=False,
        qualifier=None,
        unit=unit,
        object=said,
        kind=kind,
        char_start=start,
        char_end=start + len(surface),
        sentence=sentence,
    )


@pytest.mark.parametrize("word", ["feet", "mph", "pounder", "pounders", "footer", "Metres"])
def test_unit_words_and_nouns_made_of_them_are_units(word):
    assert is_unit_word(word)


@pytest.mark.parametrize("word", ["square", "light", "sacks", "speed", "order", "meter-reader"])
def test_nouns_that_open_a_unit_or_merely_end_in_er_are_not_units(word):
    assert not is_unit_word(word)


def test_a_measure_keeps_an_object_that_is_no_unit():
    sentence = "The barrier stands 4 meters high along the river."
    kept = figure_in(sentence, "4 meters", "measure", "barrier", "m")
    assert without_unit_object(kept) == kept
    unit = figure_in(sentence, "4 meters", "measure", "meters", "m")
    assert without_unit_object(unit).object is None


def test_an_aside_count_takes_the_object_only_from_a_bracket_opened_right_after_it():
    sentence = "The striker has scored 21 goals this season (only Kane has more with 24)."
    earlier = figure_in(sentence, "21 goals", "count", "goals")
    bare = figure_in(sentence, "24", "count", None)
    assert aside_count_inherited(bare, [earlier], sentence).object is None
    sentence = "The striker has scored 21 goals (only Kane has more with 24) this season."
    earlier = figure_in(sentence, "21 goals", "count", "goals")
    bare = figure_in(sentence, "24", "count", None)
    assert aside_count_inherited(bare, [earlier], sentence).object == "goals"


def test_headlines_are_not_running_prose():
    assert not in_running_prose("Here Are 3 Cheap Laptops Students Can Buy Before Class")
    assert in_running_prose("Get the Northway Trail Runner Cover Up Storm Jacket for just $45 at Amazon!")


def test_a_name_does_not_run_through_a_headline_a_pronoun_or_a_weekday():
    headline = "Here Are 3 Cheap Laptops Students Can Buy Before Class"
    count = figure_in(headline, "3 Cheap Laptops Students", "count", "Cheap Laptops Students")
    assert name_run_through(count) == count
    sentence = "She paid $40 for the Acme Trail Shoe Monday and wore them at the race."
    price = figure_in(sentence, "$40", "money", "Acme Trail Shoe", "USD")
    assert name_run_through(price) == price
    sentence = "Get the Acme Trail Shoe Pro Edition for $40 at the outlet."
    price = figure_in(sentence, "$40", "money", "Acme Trail Shoe", "USD")
    assert name_run_through(price).object == "Acme Trail Shoe Pro Edition"


def test_a_parse_that_ends_on_a_hyphened_word_does_not_trim_the_noun_after_it():
    assert trims_after_noun("term began", "term")
    assert not trims_after_noun("prove-it deal", "prove-it")
    assert not trims_after_noun("stay-at-home order", "stay-at-home")


def test_a_count_of_sized_things_takes_the_size_object_whole():
    sentence = "The crew carried a pair of 155mm howitzer shells to the gun."
    count = figure_in(sentence, "a pair", "count", "howitzer")
    size = figure_in(sentence, "155mm", "measure", "howitzer shells", "mm")
    assert [f.object for f in counted_through_size([count, size], sentence)] == ["howitzer shells"] * 2
    own = figure_in(sentence, "a pair", "count", "crates")
    assert counted_through_size([own, size], sentence)[0].object == "crates"
    sentence = "The crew carried a pair, then 155mm howitzer shells."
    count = figure_in(sentence, "a pair", "count", None)
    size = figure_in(sentence, "155mm", "measure", "howitzer shells", "mm")
    assert counted_through_size([count, size], sentence)[0].object is None


def test_a_plus_count_takes_no_preposition_or_of_phrase():
    sentence = "The league has 20-plus teams of players."
    assert plus_count_noun(figure_in(sentence, "20-plus", "count", None)).object is None
    sentence = "She has won 10-plus titles."
    assert plus_count_noun(figure_in(sentence, "10-plus", "count", None)).object == "titles"
