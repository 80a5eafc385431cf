"""Players' heights and weights said in sport's shorthand (issue 12, round 31, helper figures55): "the 6-foot-6,
330-pounder", "The 6-4, 223-pounder", "the 7-1 center", "the 147-pounder from Texas". A noun made of a weight
("a 330-pounder": one who weighs 330 pounds) and a bare feet-dash-inches pair ("6-4": 6 feet 4 inches) are measures,
though no unit word stands after the number; everywhere else "6-4" is a score or a record (`non_figures`). These
shapes recur in every sport bio, scouting report, draft and signing story and boxing weigh-in."""

from __future__ import annotations

from transforms.figures.tokens import Token, is_word, token_at
from transforms.figures.vocabulary import POSITION_WORDS

# The noun a weight makes of the one who weighs it: "a 330-pounder", "two 250-pounders".
WEIGHT_NOUNS = frozenset({"pounder", "pounders"})
# Feet and inches a person's height is said in: 4-0 to 7-11.
HEIGHT_FEET = range(4, 8)
HEIGHT_INCHES = range(12)


def is_plain_number(token: Token | None, digits: int) -> bool:
    return token is not None and token.kind == "num" and token.text.isdecimal() and len(token.text) <= digits


def weight_noun_end(tokens: list[Token], i: int) -> int | None:
    """Index after '330-pounder' at i: a whole number dashed onto 'pounder' names one who weighs that many pounds
    (a measure in lb, the nominal naming no one else); else None."""
    dash, noun = token_at(tokens, i + 1), token_at(tokens, i + 2)
    if not is_plain_number(tokens[i], 3) or dash is None or dash.text != "-" or not dash.glued:
        return None
    return i + 3 if is_word(noun, *WEIGHT_NOUNS) and noun is not None and noun.glued else None


def height_pair_end(tokens: list[Token], i: int) -> int | None:
    """Index after '6-4' at i when it is a height in feet and inches: a bare pair of 4-7 and 0-11 set off by a comma
    before a weight noun ('The 6-4, 223-pounder') or before a player's position ('the 7-1 center'); else None. A
    record ('a 6-4 record', 'won 6-4') has neither after it."""
    dash, inches = token_at(tokens, i + 1), token_at(tokens, i + 2)
    if not is_plain_number(tokens[i], 1) or dash is None or dash.text != "-" or not dash.glued:
        return None
    if inches is None or not is_plain_number(inches, 2) or not inches.glued or inches.text[:1] == "0" != inches.text:
        return None  # "6-04" is no height
    if int(tokens[i].text) not in HEIGHT_FEET or int(inches.text) not in HEIGHT_INCHES:
        return None
    following = token_at(tokens, i + 3)
    if following is not None and following.text == "," and weight_noun_end(tokens, i + 4) is not None:
        return i + 3
    if is_word(following, *POSITION_WORDS) and following is not None and not following.glued:
        return i + 3
    return None


def height_in_feet(tokens: list[Token], i: int) -> float:
    """The height of the pair at i in feet: '6-4' is 6 feet 4 inches, 6.333 ft."""
    return int(tokens[i].text) + int(tokens[i + 2].text) / 12
