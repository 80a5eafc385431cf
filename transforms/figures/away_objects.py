"""Objects said away from the figure, read from the figures around it (issue 12, round 31, objects47).

Round 30's second blind newspaper4k slice (docs/evaluation.md, "Round 30 acceptance: a second blind newspaper4k figure
slice") found the object rules weakest where a sentence names the thing once and then gives a second number of it
without a noun ("15.5 sacks (behind only T.J. Watt with 16)"), and where the parse hands a measure the unit of the
figure beside it for its object ("around 30 meters/100 feet", "The 6-foot-6, 330-pounder"). Each rule here reads the
figures of one sentence and the characters between them; those that need the parse are in `parsed_objects`
("Round 31 (objects47)")."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from transforms.figures.objects import PERSONAL_PRONOUNS
from transforms.figures.vocabulary import MONTHS, OBJECT_STOPS, UNIT_PHRASES_BY_WORDS, WEEKDAYS
from transforms.records import Figure

# A bracket opened after the earlier figure and not closed before the bare number: the number is said in an aside on
# the earlier one ("15.5 sacks (behind only T.J. Watt with 16)", "won 52 games (the record is 73)").
OPEN_ASIDE = re.compile(r"^\s*\([^()]{0,80}$")
# A bare number: digits with their separators, or number words, and nothing after them.
BARE_NUMBER = re.compile(r"^(?:about |around |nearly |almost |only |just )?[\d.,]+$")


def aside_count_inherited(figure: Figure, earlier: list[Figure], text: str) -> Figure:
    """The figure, a bare count with no object closing an aside opened after an earlier count of its sentence that
    has one, with that count's object: the aside gives another number of the same thing. Other figures as they are.

    Fires wherever a sports, polling or business page sets a rival's number in brackets ("45 points (Smith had
    51)", "1.2 million subscribers (up from 900,000 a year ago)"); not where the aside names its own noun, as
    the count then has an object of its own."""
    if figure.kind != "count" or figure.object is not None or BARE_NUMBER.match(figure.surface) is None:
        return figure
    if not text.startswith(")", figure.char_end):
        return figure
    before = next((f for f in reversed(earlier) if f.sentence == figure.sentence), None)
    if before is None or before.kind != "count" or before.object is None or before.char_end > figure.char_start:
        return figure
    if OPEN_ASIDE.match(text[before.char_end : figure.char_start]) is None:
        return figure
    return replace(figure, object=before.object)


# The measure units by their spellings ("feet", "mph", "pound"): a measure's object that is one of them, or a noun
# made of one ("330-pounder", "a seven-footer"), names the size again, not the thing sized.
MEASURE_UNIT_WORDS = frozenset(
    words[0] for words, unit in UNIT_PHRASES_BY_WORDS.items() if unit.kind == "measure" and len(words) == 1
)  # one-word spellings only: "square" and "light" open "square feet" and "light years", and are nouns alone
UNIT_NOUN_ENDINGS = ("ers", "er")


def is_unit_word(word: str) -> bool:
    """A measure unit's spelling, or a noun made of one with "-er" ("pounder", "footers")."""
    low = word.lower().lstrip("-")
    if low in MEASURE_UNIT_WORDS:
        return True
    stem = next((low[: -len(end)] for end in UNIT_NOUN_ENDINGS if low.endswith(end)), None)
    return stem is not None and len(stem) > 2 and stem in MEASURE_UNIT_WORDS


def without_unit_object(figure: Figure) -> Figure:
    """The measure without an object that is only a unit word (`is_unit_word`) said with a number of its own: the
    parse took the unit of the conversion after it ("around 30 meters/100 feet") or of the weight beside a height
    ("The 6-foot-6, 330-pounder") for the thing measured. Other figures as they are.

    Fires on every page that gives a size in two units or a player's height and weight ("the 7-foot-1,
    290-pounder"); not on a unit word that names a container ("12 ounce cups")."""
    said = figure.object
    if figure.kind != "measure" or not said or " " in said or not is_unit_word(said):
        return figure
    # only a unit said with a number of its own ("100 feet", "330-pounder"): "12 ounce cups" holds cups
    if re.search(rf"\d[\d.,]*\s?[-‐‑]?{re.escape(said)}\b", figure.sentence) is None:
        return figure
    return replace(figure, object=None)


# Capitalised words run on after a name: the rest of a product's or a title's name that the token rules cut where a
# word inside it ("Up") read as the end of a phrase.
CAPITALISED_RUN = re.compile(r"^((?: [A-Z][\w’'&-]*)+)(?=$|[\s.,;:!?)])")
NAMED_KINDS = frozenset({"money", "count", "measure"})


def name_run_through(figure: Figure) -> Figure:
    """The figure whose object is a name of two words or more, with the capitalised words that follow it in a sentence
    of running prose (`in_running_prose`) added ("Get the L’Oreal Paris Magic Root Cover Up Gray Concealer Spray for
    just $9" -> the whole product name, not "... Root Cover"); a month, a weekday or a pronoun ends the run. Other
    figures as they are.

    Fires on shopping and review pages, where a price follows a product's full name ("the Apple Watch Series 9 GPS
    Sport Band for $399")."""
    said = figure.object or ""
    words = said.split()
    if figure.kind not in NAMED_KINDS or len(words) < 2 or not all(w[:1].isupper() for w in words):
        return figure
    sentence = figure.sentence
    if sentence.count(said) != 1:
        return figure
    run = CAPITALISED_RUN.match(sentence[sentence.index(said) + len(said) :])
    if run is None:
        return figure
    added = run.group(1).split()
    if any(w.lower().rstrip(".") in MONTHS | WEEKDAYS | PERSONAL_PRONOUNS for w in added):
        return figure
    if not in_running_prose(sentence):
        return figure  # "There Are 4 Things Advisors Need To Know": a headline capitalises every word
    return replace(figure, object=f"{said} {' '.join(added)}")


def in_running_prose(sentence: str) -> bool:
    """Whether a quarter or more of the sentence's words, and three at least, open in lower case: not a headline or a
    line in capitals, where a capital does not mark a name."""
    words = [w for w in sentence.split() if w[:1].isalpha()]
    lower = sum(1 for w in words if w[:1].islower())
    return lower >= 3 and 4 * lower >= len(words)


# A count said "N-plus" ("three-plus seasons", "20-plus employees"): the plural right after it is what it counts, as
# after a bare number; the token rules stop at the "-plus".
PLUS_COUNT = re.compile(r"(?:[-‐‑]plus|\+)$")
PLURAL_AFTER = re.compile(r"^ ([a-z][a-z-]*[a-z]s)\b(?! of\b)")


def plus_count_noun(figure: Figure) -> Figure:
    """The count said "N-plus" with no object, with the lower-case plural right after it as its object ("54 starts
    over three-plus seasons" -> seasons); other figures as they are.

    Fires on sports and business pages ("a 10-plus win season" aside, "20-plus employees", "100-plus stores")."""
    if figure.kind != "count" or figure.object is not None or PLUS_COUNT.search(figure.surface) is None:
        return figure
    at = figure.sentence.find(figure.surface)
    noun = PLURAL_AFTER.match(figure.sentence[at + len(figure.surface) :]) if at >= 0 else None
    if noun is None or noun.group(1) in OBJECT_STOPS:
        return figure
    return replace(figure, object=noun.group(1))


# "a pair of 122mm artillery rounds", "three of the 40-foot containers": a count whose "of" opens on a size counts the
# thing sized, which the size's object names whole; the parse of such a phrase often cuts it ("artillery").
COUNT_OF_SIZE = re.compile(r"^\s+of\s+(?:the\s+|its\s+|their\s+)?$")


def counted_through_size(figures: list[Figure], text: str) -> list[Figure]:
    """The figures, each count right before "of" and a measure with an object taking that object where its own is
    none or one of its words ("a pair" -> artillery rounds, not "artillery"); others as they are.

    Fires wherever a number of sized things is said ("two of the 30-foot boats", "a dozen 5-litre jugs" aside)."""
    out = list(figures)
    for n, (count, size) in enumerate(pairwise(figures)):
        if count.kind != "count" or size.kind != "measure" or not size.object or count.sentence != size.sentence:
            continue
        if COUNT_OF_SIZE.match(text[count.char_end : size.char_start]) is None:
            continue
        if count.object is None or (count.object != size.object and count.object in size.object.split()):
            out[n] = replace(count, object=size.object)
    return out
