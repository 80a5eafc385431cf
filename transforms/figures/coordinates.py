"""Positions on a map written as numbers (issue 12, round 32, helper figures56): "Coordinates: -3983, -1084, 0624",
"(location 1775, -1055, 0166)", "the trailhead (51.5072, -0.1276)", "40.7128° N, 74.0060° W". A pair or a triple of
numbers joined by commas that a coordinate label, fixed-width digits or a latitude's shape marks names a place, not
an amount; no member of it is a figure. The shapes recur in game guides, hiking and travel stories (GPS points), search
and rescue reports, geocaching, surveys and GIS pages."""

from __future__ import annotations

from typing import NamedTuple

from transforms.figures.tokens import Token, token_at
from transforms.figures.vocabulary import OBJECT_STOPS, SENTENCE_ENDS

# Words that say the numbers after them are a place on a map: "Coordinates:", "(location 1775, -1055, 0166)",
# "GPS 51.5072, -0.1276", "lat/long" (by "lat": "long" alone is too common a word). "co-ordinates" is read as its
# last part.
COORDINATE_LABELS = frozenset(
    "coordinates coordinate coords ordinates location position gps latitude longitude lat lon lng waypoint "
    "geolocation".split()
)
# How far before a tuple its label may stand, in tokens: "The coordinates for the cave entrance are -3951, 2033".
LABEL_REACH = 8
# Signs a coordinate may carry, glued to its digits: "-3983", "−0.1276", "+51.5".
SIGNS = frozenset({"-", "−", "+"})
# Tokens a sign may be glued to and still be a sign, not a dash: "(-4428, ...", "Coordinates:-3983".
SIGN_OPENERS = frozenset({"(", "[", ":", ","})
# Compass letters after a degree: "40.7128° N", "42°S".
COMPASS_LETTERS = frozenset({"N", "S", "E", "W"})
# Decimal places that mark a latitude or longitude written for a map (4 places: about 10 metres).
MAP_DECIMALS = 4


class Member(NamedTuple):
    start: int  # the sign's index, or the number's
    end: int  # after the number, its degree sign and compass letter
    value: float
    signed: bool
    zero_padded: bool  # "0624": digits of a fixed width
    decimals: int
    compass: bool


def member_at(tokens: list[Token], k: int) -> Member | None:
    """The coordinate written at token k (a sign glued to digits, or digits), with a degree sign and a compass
    letter after it if it has them; else None."""
    token = token_at(tokens, k)
    if token is None:
        return None
    start, signed = k, False
    if token.text in SIGNS:
        before = token_at(tokens, k - 1)
        if token.glued and before is not None and before.text not in SIGN_OPENERS:
            return None  # "Covid-19", "3-1": a dash between, not a sign
        k, signed = k + 1, True
        token = token_at(tokens, k)
        if token is None or not token.glued:
            return None
    if token.kind != "num" or "," in token.text:
        return None
    whole, _, decimals = token.text.partition(".")
    end, compass = k + 1, False
    degree = token_at(tokens, end)
    if degree is not None and degree.text == "°" and degree.glued:
        end += 1
        letter = token_at(tokens, end)
        if letter is not None and letter.text in COMPASS_LETTERS:
            end, compass = end + 1, True
    value = float(token.text) * (-1 if signed and tokens[start].text != "+" else 1)
    padded = len(whole) > 1 and whole.startswith("0")
    return Member(start, end, value, signed, padded, len(decimals), compass)


def tuple_members(tokens: list[Token], k: int) -> list[Member]:
    """The members of the run of at most three coordinates that starts at k, each after a comma (or, when both
    carry a compass letter, after a space: "42°S 174°E")."""
    members: list[Member] = []
    member = member_at(tokens, k)
    while member is not None and len(members) < 4:
        members.append(member)
        comma = token_at(tokens, member.end)
        if comma is not None and comma.text == ",":
            member = member_at(tokens, member.end + 1)
        elif member.compass:
            member = member_at(tokens, member.end)
            member = member if member is not None and member.compass else None
        else:
            member = None
    return members


def has_coordinate_label(tokens: list[Token], first: int) -> bool:
    """A coordinate label within `LABEL_REACH` tokens before the tuple, in its sentence and with no number between."""
    for n in range(first - 1, max(first - 1 - LABEL_REACH, -1), -1):
        token = tokens[n]
        if token.text in SENTENCE_ENDS or token.kind == "num":
            return False
        if token.low in COORDINATE_LABELS:
            return True
    return False


def is_map_position(members: list[Member], labelled: bool, bracketed: bool) -> bool:
    """Whether numbers so written name a place: two or three of them, none grouped by thousands, and a label
    before them, a compass letter, digits of a fixed width ("0624", with a sign or a third member: a game's or a
    survey's grid), or a latitude and a longitude to four places, signed or in brackets (an exchange rate's bid
    and offer, "1.2345, 1.2350", are neither)."""
    if not 2 <= len(members) <= 3:
        return False
    if labelled or all(member.compass for member in members):
        return True
    if any(member.zero_padded and not member.decimals for member in members):
        return len(members) == 3 or any(member.signed for member in members)
    latitude, longitude = members[0], members[1]
    return (
        (bracketed or any(member.signed for member in members))
        and all(member.decimals >= MAP_DECIMALS for member in members)
        and abs(latitude.value) <= 90
        and abs(longitude.value) <= 180
    )


def map_position_end(tokens: list[Token], i: int) -> int | None:
    """Index after the map position whose first number (or its sign) stands at i; else None. A number after a
    comma that follows another number is a later member of a list (a position's first member skips the rest)."""
    token = tokens[i]
    if token.kind != "num" and token.text not in SIGNS:
        return None
    after = token_at(tokens, i + 1 if token.kind == "num" else i + 2)
    if after is None or after.text not in (",", "°"):
        return None  # the cheap test first: every member but the last has a comma or a degree sign after it
    first = token_at(tokens, i - 1)
    if first is not None and first.text == "," and getattr(token_at(tokens, i - 2), "kind", "") == "num":
        return None  # a later member of a list: "(00, 01, 10, 11)" is four binary states, not a position
    members = tuple_members(tokens, i)
    if len(members) < 2:
        return None
    opening = token_at(tokens, i - 1)
    if not is_map_position(members, has_coordinate_label(tokens, i), opening is not None and opening.text == "("):
        return None
    following = token_at(tokens, members[-1].end)
    if following is not None and following.kind == "word" and following.low not in OBJECT_STOPS:
        return None  # "moved to position 2, 3 points behind": the last number counts what follows it
    return members[-1].end
