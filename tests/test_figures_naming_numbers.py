"""Numbers that name or order things (transforms/figures/naming_numbers.py): which numbers each rule takes out,
and like numbers it must leave as figures."""

from __future__ import annotations

import pytest

from transforms.figures import find_figures
from transforms.figures.naming_numbers import naming_number_end, ordering_numbers
from transforms.figures.tokens import tokenize


def ordered(text: str) -> list[str]:
    """The numbers `ordering_numbers` takes out of text, in text order."""
    tokens = tokenize(text)
    return [tokens[n].text for n in sorted(ordering_numbers(tokens))]


def surfaces(text: str) -> list[str]:
    return [f.surface for f in find_figures(text, "a1")]


def table(*rows: str) -> str:
    return "\n".join(f"| {row} |" for row in rows)


def test_a_rank_column_counting_from_one_is_taken_out_but_not_the_cells_beside_it():
    text = "Top shops\n" + table("Rank | Shop | Sales ($m)", "1 | Alder | 410", "2 | Birch | 388", "3 | Cedar | 120")
    assert ordered(text) == ["1", "2", "3"]
    assert surfaces(text) == ["410", "388", "120"]


def test_a_countdown_column_ending_at_one_is_a_rank_column():
    assert ordered(table("3 | Alder", "2 | Birch", "1 | Cedar")) == ["3", "2", "1"]


def test_a_column_of_counts_that_does_not_step_by_one_is_left():
    text = table("Stores | Region", "12 | North", "7 | South", "30 | West")
    assert ordered(text) == []
    assert surfaces(text) == ["12", "7", "30"]


@pytest.mark.parametrize(
    ("rows", "taken"),
    [
        (("1 | Alder", "2 | Birch"), []),  # two rows could be chance
        (("4 | Alder", "5 | Birch", "6 | Cedar"), []),  # three away from 1: a table's page or counts
        (("51 | A", "52 | B", "53 | C", "54 | D", "55 | E"), ["51", "52", "53", "54", "55"]),  # five: a second page
        (("1 | A", "2 | B", "| TOTAL |", "3 | C"), []),  # a row without a number ends the run
    ],
)
def test_a_rank_column_needs_a_run_from_one_or_a_long_one(rows, taken):
    assert ordered(table(*rows)) == taken


def test_numbers_of_a_ranked_lists_headings_are_taken_out():
    text = (
        "The year's best shows.\n3 'Moon Harbour' Season 2\nA slow start.\n2 'Glass Garden'\nIt grows on you."
        "\n1 Iron Valley\nWe loved it."
    )
    assert ordered(text) == ["3", "2", "1"]
    assert surfaces(text) == []


def test_headings_that_do_not_step_by_one_or_end_a_sentence_stay_counts():
    assert ordered("3 Killed in Crash\nIt happened at noon.\n7 Hurt in Fire\nNo one died.") == []
    assert ordered("12 New Homes\nBuilt.\n11 New Shops\nOpened.\n10 New Parks\nPlanted.") == []  # not to 1, short
    assert ordered("3 Guests Arrived.\n2 Guests Left.\n1 Guest Stayed.") == []  # sentences, not headings


def test_an_enumeration_closed_by_an_ellipsis_is_taken_out():
    assert ordered("The whole numbers (0, 1, 2, 3…) go on.") == ["0", "1", "2", "3"]
    assert ordered("Count 1, 2, 3, ... and stop.") == ["1", "2", "3"]


def test_a_list_of_counts_without_an_ellipsis_stays():
    assert ordered("The shop sold 1, 2, 3 or more bikes a day.") == []
    assert ordered("Scores went 2, 3, 4… all season.") == []  # not from 0 or 1


def naming(text: str, number: str) -> int | None:
    tokens = tokenize(text)
    i = next(n for n, token in enumerate(tokens) if token.text == number)
    return naming_number_end(tokens, i)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Since 7 On Your Side's report, calls rose.", "7"),
        ("The album Field Notes Vol. 18 is out.", "18"),
        ("The Niacinamide 10% + Zinc 1% serum sold out.", "10"),
        ("The Niacinamide 10% + Zinc 1% serum sold out.", "1"),
        ("Try the Anua 10% Niacinamide + 4% TXA Serum.", "4"),
        ("Pain eased around week five or six.", "five"),
        ("It began on day 3 of the trial.", "3"),
        ("It scored 734 out of a possible 1,000 points.", "1,000"),
    ],
)
def test_a_number_inside_a_name_or_naming_a_position_is_not_a_figure(text, number):
    assert naming(text, number) is not None
    assert all(number not in surface.split() for surface in surfaces(text))


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Researchers found 3 In 4 Adults slept badly.", "3"),  # a share, left to the share rules
        ("The club signed 4 Dutch players.", "4"),
        ("Prices rose 10% + VAT.", "10"),
        ("After a week two nurses quit.", "two"),
        ("In the first week five people died.", "five"),
        ("Last week 3 of the firms closed.", "3"),
        ("That night two of the guards slept.", "two"),
        ("It scored 734 out of 1,000 points.", "1,000"),
        ("Sales rose 12% in week 3 and 5% later.", "12"),
    ],
)
def test_like_numbers_that_count_are_left(text, number):
    assert naming(text, number) is None
