"""One number as written, and what it is worth: digits with their scale ('12.9bn'), number words
('two and a half'), vague multiples ('tens of thousands'), with a currency in front ('$5')."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from decimal import Decimal

from transforms.figures.non_figures import counts_what_follows, non_figure_end
from transforms.figures.tokens import UNIT_PHRASES, VAGUE_OPENERS, Token, digits_value, fraction_end, is_word, token_at
from transforms.figures.vocabulary import (
    COMPASS_WORDS,
    COMPOUND_SCALES,
    CURRENCY_ABBREVIATIONS,
    CURRENCY_CODES,
    CURRENCY_SYMBOLS,
    DASHES,
    DOLLAR_PREFIXES,
    FRACTION_GLYPHS,
    FRACTIONS,
    MULTIPLIER_WORDS,
    NUMBER_OPENERS,
    NUMBER_WORDS,
    OBJECT_STOPS,
    OWNER_DETERMINERS,
    SCALE_SUFFIXES,
    SCALE_WORDS,
    SMALL_NUMBERS,
    SPACED_SCALE_WORDS,
    TENS,
    VAGUE_BASES,
    VAGUE_HIGH,
    VAGUE_LOW,
    VAGUE_NEEDS_OF,
    VAGUE_NOUN_BASES,
    VAGUE_SINGULAR_BASES,
)

# --- Number words ------------------------------------------------------------------------


def parse_number_words(words: str) -> float | None:
    """'two and a half' -> 2.5, 'thirty' -> 30, 'a dozen' -> 12, 'half a million' -> 500000; else None."""
    parts = [part for part in re.split(r"[\s\-–]+", words.strip().lower()) if part]
    factor = 1.0
    if parts[:1] == ["half"] or parts[:2] == ["quarter", *MULTIPLIER_WORDS & set(parts[1:2])]:
        factor, parts = FRACTIONS[parts[0]], parts[1:]  # "a quarter million" (round 25)
        if parts[:1] in (["a"], ["an"]):
            parts = parts[1:]
        if not parts or parts[0] not in MULTIPLIER_WORDS:
            return None
        parts = ["one", *parts]
    elif parts[:1] in (["a"], ["an"]):
        # "a" is one only in front of a multiplier: "a dozen", "a hundred", "a million".
        if len(parts) < 2 or parts[1] not in MULTIPLIER_WORDS:
            return None
        parts = ["one", *parts[1:]]
    total = sum_number_words(parts)
    return None if total is None else total * factor


def sum_number_words(parts: list[str]) -> float | None:
    """Value of number words in order ('one', 'hundred', 'and', 'five'); None if they do not form a number."""
    total, group, last, largest = 0.0, 0.0, "start", float("inf")
    n = 0
    while n < len(parts):
        part = parts[n]
        if part in SMALL_NUMBERS and (
            last in ("start", "hundred", "scale", "and") or (last == "tens" and 0 < SMALL_NUMBERS[part] < 10)
        ):
            group, last = group + SMALL_NUMBERS[part], "small"
        elif part in TENS and last in ("start", "hundred", "scale", "and"):
            group, last = group + TENS[part], "tens"
        elif part == "hundred" and last in ("small", "tens") and group < 100:
            group, last = group * 100, "hundred"
        elif part == "dozen" and last in ("small", "tens", "hundred"):
            group, last = group * 12, "dozen"  # "two dozen"; "a hundred dozen" cookies (round 27)
        elif (
            part in SCALE_WORDS
            and last in ("small", "tens", "hundred", "dozen", "fraction")
            and SCALE_WORDS[part] < largest
        ):
            largest = SCALE_WORDS[part]
            total, group, last = total + group * largest, 0.0, "scale"
        elif (
            part == "and"
            and parts[n + 1 : n + 2] in (["a"], ["an"])
            and parts[n + 2 : n + 3]
            and parts[n + 2] in FRACTIONS
            and last in ("small", "tens", "hundred", "scale")
        ):
            # "two and a half" adds to the group; "a million and a half" adds half a million.
            fraction = FRACTIONS[parts[n + 2]]
            if last == "scale":
                total += fraction * largest
            else:
                group += fraction
            n, last = n + 3, "fraction"
            continue
        elif (
            part == "and"
            and last in ("hundred", "scale")
            and parts[n + 1 : n + 2]
            and (parts[n + 1] in SMALL_NUMBERS or parts[n + 1] in TENS)
        ):
            last = "and"  # "one hundred and five"
        else:
            return None
        n += 1
    if last in ("start", "and"):
        return None
    return total + group


# --- Amounts -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Amount:
    """One number as written: where it is (token indices) and what it is worth."""

    value: float
    end: int  # token index after the amount
    scale: int = 1  # the multiplier written with it ("million" -> 10**6)
    high: float | None = None  # set for vague multiples, whose value is the low reading
    currency: str | None = None
    in_words: bool = False
    bare_one: bool = False  # the word "one" alone: a pronoun or determiner more often than a figure


def match_priced_amount(tokens: list[Token], k: int) -> Amount | None:
    currency = None
    token = token_at(tokens, k)
    following = token_at(tokens, k + 1)
    if token is not None and token.text in CURRENCY_SYMBOLS:
        currency, k = CURRENCY_SYMBOLS[token.text], k + 1
    elif (
        token is not None
        and token.text in DOLLAR_PREFIXES
        and following is not None
        and following.text == "$"
        and following.glued
    ):
        currency, k = DOLLAR_PREFIXES[token.text], k + 2
    elif token is not None and token.text in CURRENCY_CODES and following is not None and following.kind == "num":
        currency, k = token.text, k + 1
    elif token is not None and token.text in CURRENCY_ABBREVIATIONS and following is not None:
        dotted = following.text == "." and following.glued
        number = token_at(tokens, k + 2) if dotted else following
        if number is not None and number.kind == "num":
            currency, k = CURRENCY_ABBREVIATIONS[token.text], k + (2 if dotted else 1)
    amount = match_amount(tokens, k)
    if amount is None or currency is None:
        return amount
    return replace(amount, currency=currency)


def match_amount(tokens: list[Token], k: int) -> Amount | None:
    if non_figure_end(tokens, k) is not None:
        return None
    return match_vague(tokens, k) or match_digits(tokens, k) or match_number_words(tokens, k)


# What a fraction glyph glued to a whole number adds to it (round 25, figures47: "the 18½-minute gap").
GLYPH_WORTH = {glyph: unicodedata.numeric(glyph) for glyph in FRACTION_GLYPHS}


def match_digits(tokens: list[Token], k: int) -> Amount | None:
    token = token_at(tokens, k)
    if token is None or token.kind != "num":
        return None
    fraction = fraction_end(tokens, k)
    if fraction is not None:
        return Amount(float(fraction[0]), fraction[1])  # "1/2 teaspoon"
    mixed = fraction_end(tokens, k + 1, counted=True) if token.text.isdecimal() else None
    if mixed is not None and not tokens[k + 1].glued:
        return Amount(float(digits_value(token.text) + mixed[0]), mixed[1])  # "2 1/2 cups"
    dash = token_at(tokens, k + 1)
    if token.text.isdecimal() and dash is not None and dash.text == "-" and dash.glued and tokens[k + 2 :][:1]:
        dashed = fraction_end(tokens, k + 2) if tokens[k + 2].glued else None
        if dashed is not None:
            return Amount(float(digits_value(token.text) + dashed[0]), dashed[1])  # "4-1/2 hours"
    if token.text.isdecimal() and dash is not None and dash.glued and dash.text in GLYPH_WORTH:
        return Amount(float(digits_value(token.text)) + GLYPH_WORTH[dash.text], k + 2)  # "18½-minute gap"
    scale, end = (1, k + 1) if is_kelvin_suffix(tokens, k) or is_metre_suffix(tokens, k) else match_scale(tokens, k + 1)
    worth = Decimal("0." + token.text) if after_leading_point(tokens, k) else digits_value(token.text)
    return Amount(float(worth * scale), end, scale)


def after_leading_point(tokens: list[Token], k: int) -> bool:
    """'trimming .3 seconds', 'a .901 save percentage': a point glued to the digits and set apart from what
    precedes it opens a decimal below one ('No.2', 'v.2' are glued on both sides)."""
    point, before = token_at(tokens, k - 1), token_at(tokens, k - 2)
    return (
        point is not None
        and point.text == "."
        and tokens[k].glued
        and not point.glued
        and tokens[k].text.isdecimal()
        and (before is None or before.text != ".")
    )


# Words of place or extent after a distance: "every 120m up the beach", "a 30m tall tower".
METRE_CONTEXT_AFTER = frozenset(
    "up down along tall high long deep wide away apart above below offshore off beneath underground underwater "
    "inland ahead behind short beyond".split()
)
# Nouns a length in metres names before them: "its slow 500m journey", "a 200m walk", "the 400m final"; no one
# writes millions of walks or journeys with a bare glued m.
METRE_NOUNS = frozenset(
    """
journey journeys walk walks trip trips swim swims sprint sprints dash race races run final finals heat heats
hurdles relay relays freestyle backstroke breaststroke butterfly medley stretch stretches climb climbs drop
descent ascent radius section sections span spans length depth height stroll trek hike crawl tunnel runway
""".split()
)
METRE_FOLLOWERS = METRE_CONTEXT_AFTER | METRE_NOUNS
# Words before a length covered: "walked the last 800m", "swam 200m", "the final 100m" (not "fell", "lost": a sum).
METRE_LEADERS = frozenset(
    """
walked walk walks ran run runs swam swim swims climbed climb climbs crawled sprinted travelled traveled drove
flew sailed dived hiked rowed paddled last final first
""".split()
)


# Words of placing before a distance from somewhere: "located 400m from", "lies 200m from".
PLACING_WORDS = frozenset("located situated lies lie lying sits sit sitting stands stand standing based".split())


def is_metre_suffix(tokens: list[Token], k: int) -> bool:
    """'stand every 120m up the beach', 'a 30m tall tower', 'its slow 500m journey': a glued m is metres, not
    millions, after 'every' or before a word of extent or place or a noun of going a length, where no
    currency is written ('a 500m deal', '20m users' stay millions), or after a verb of going or 'the last'
    ('walked the last 800m')."""
    suffix, following = token_at(tokens, k + 1), token_at(tokens, k + 2)
    if suffix is None or suffix.text != "m" or not suffix.glued:
        return False
    if k > 0 and (tokens[k - 1].text in CURRENCY_SYMBOLS or tokens[k - 1].text in CURRENCY_CODES):
        return False
    before = token_at(tokens, k - 1)
    if is_word(before, "every") or (following is not None and following.low in METRE_FOLLOWERS):
        return True
    # round 30 (objects44): "a prospect ... 200m south", "a guest house located 400m from the bus stand": a side of the
    # compass, or "from" after a word of placing, says how far
    placed_from = following is not None and following.low == "from" and is_word(before, *PLACING_WORDS)
    if placed_from or (following is not None and following.low in COMPASS_WORDS):
        return True
    if before is not None and before.low in METRE_LEADERS and not counts_what_follows(following):
        return True
    if converted_to_length(tokens, k + 2):
        return True  # round 31 (figures55): "fly at 3000m [10,000 feet]": a height, converted to feet
    dash, word = following, token_at(tokens, k + 3)  # "a 400m-long tunnel"
    return dash is not None and dash.text == "-" and dash.glued and is_word(word, *METRE_CONTEXT_AFTER)


# Units of length a bracketed conversion of metres gives: "3000m [10,000 feet]", "800m (half a mile)".
LENGTH_UNITS = frozenset({"ft", "foot", "feet", "mile", "yard", "inch", "km"})


def converted_to_length(tokens: list[Token], n: int) -> bool:
    """A bracket opening at n holding a number and a unit of length: what a glued m before it is in other units
    ('at 3000m [10,000 feet]', '400m (1,300ft)'); a sum converts to a currency ('£400m ($500m)')."""
    bracket = token_at(tokens, n)
    if bracket is None or bracket.text not in ("(", "["):
        return False
    k = n + 1
    while is_word(token_at(tokens, k), "about", "around", "some", "nearly", "almost", "over", "roughly"):
        k += 1
    if getattr(token_at(tokens, k), "kind", "") != "num":
        return False
    unit = UNIT_PHRASES.match(tokens, k + 1)
    return unit is not None and unit[0].name in LENGTH_UNITS


def is_kelvin_suffix(tokens: list[Token], k: int) -> bool:
    """'6700K': a glued K is a thousand ('50K fans'), but nobody writes thousands of thousands that way,
    so after four or five plain digits it is kelvin, a colour temperature."""
    number, suffix = tokens[k], token_at(tokens, k + 1)
    return (
        suffix is not None
        and suffix.text == "K"
        and suffix.glued
        and number.text.isdecimal()
        and 1000 <= int(number.text) <= 20000
        and not (k > 0 and tokens[k - 1].text in CURRENCY_SYMBOLS)
    )


def match_scale(tokens: list[Token], k: int) -> tuple[int, int]:
    """The multiplier written after digits: '12.9bn', '2.5 million', '$5-million'; (1, k) if none."""
    token, following = token_at(tokens, k), token_at(tokens, k + 1)
    if token is None or token.kind == "num":
        return 1, k
    if token.kind == "word" and token.glued and token.low in SCALE_SUFFIXES:
        return SCALE_SUFFIXES[token.low], k + 1
    if token.kind == "word" and not token.glued and token.low in SPACED_SCALE_WORDS:
        larger = following.low if following is not None and following.kind == "word" else ""
        if (token.low.rstrip("s"), larger.rstrip("s")) in COMPOUND_SCALES:
            return COMPOUND_SCALES[(token.low.rstrip("s"), larger.rstrip("s"))], k + 2  # "1.5 lakh crore"
        return SPACED_SCALE_WORDS[token.low], k + 1
    if (
        token.text in DASHES
        and token.glued
        and following is not None
        and following.glued
        and following.low in SCALE_WORDS
    ):
        return SCALE_WORDS[following.low], k + 2
    return 1, k


def match_number_words(tokens: list[Token], k: int) -> Amount | None:
    """The longest run of number words at k that reads as one number ('two and a half')."""
    end = number_word_run_end(tokens, k)
    for stop in range(end, k, -1):
        last = tokens[stop - 1]
        if last.kind != "word" or last.low in ("and", "a", "an"):
            continue
        value = parse_number_words(" ".join(t.text for t in tokens[k:stop]))
        spoken = spoken_decimal(tokens, stop, value) if value is not None and value.is_integer() else None
        if spoken is not None:
            return spoken  # "six-point-six degrees", "one point five million"
        if value is not None:
            return Amount(
                value, stop, SCALE_WORDS.get(last.low, 1), in_words=True, bare_one=stop - k == 1 and last.low == "one"
            )
    return None


# Digits said as words after "point": "six-point-six", "two point five".
DIGIT_WORDS = {word: n for word, n in SMALL_NUMBERS.items() if 0 <= n <= 9}


def spoken_decimal(tokens: list[Token], k: int, whole: float) -> Amount | None:
    """'negative six-point-six degrees Celsius' -> 6.6, 'one point five million' -> 1,500,000 (round 26): a whole
    number in words, 'point' and digit words. Spaced, only before a scale word or a unit ('at one point two men' is
    no 1.2); dashed ('six-point-six'), always."""
    n, dashed = k, False
    if getattr(token_at(tokens, n), "text", "") in DASHES and tokens[n].glued:
        n, dashed = n + 1, True
    if not is_word(token_at(tokens, n), "point") or (dashed and not tokens[n].glued):
        return None
    n += 1
    digits = ""
    while True:
        dash = token_at(tokens, n)
        if dash is not None and dash.text in DASHES and dash.glued and dashed:
            n += 1
        digit = token_at(tokens, n)
        if digit is None or digit.kind != "word" or digit.low not in DIGIT_WORDS or (dashed and not digit.glued):
            break
        digits, n = digits + str(DIGIT_WORDS[digit.low]), n + 1
    if not digits:
        return None
    if dashed and getattr(token_at(tokens, n - 1), "text", "") in DASHES:
        return None
    value = float(Decimal(int(whole)) + Decimal("0." + digits))
    scale_word = token_at(tokens, n)
    if scale_word is not None and scale_word.kind == "word" and scale_word.low in SCALE_WORDS:
        scale = SCALE_WORDS[scale_word.low]
        return Amount(float(Decimal(repr(value)) * scale), n + 1, scale, in_words=True)
    if not dashed and UNIT_PHRASES.match(tokens, n) is None:
        return None
    return Amount(value, n, in_words=True)


def number_word_run_end(tokens: list[Token], k: int, limit: int = 12) -> int:
    """Index after the run of number words (and hyphens joining them) starting at k."""
    token = token_at(tokens, k)
    if token is None or token.kind != "word" or token.low not in NUMBER_OPENERS:
        return k
    end = k + 1
    while end - k < limit:
        token, following = token_at(tokens, end), token_at(tokens, end + 1)
        if token is not None and token.kind == "word" and not token.glued and token.low in NUMBER_WORDS:
            end += 1
        elif (
            token is not None
            and token.text in DASHES
            and token.glued
            and following is not None
            and following.glued
            and following.low in NUMBER_WORDS
        ):
            end += 2  # "twenty-five"
        else:
            break
    return end


def match_vague(tokens: list[Token], k: int) -> Amount | None:
    """'hundreds', 'tens of thousands', 'dozens', 'several hundred', 'a few thousand'."""
    token = token_at(tokens, k)
    if token is None or token.kind != "word":
        return None
    if token.low in VAGUE_BASES:
        if token.low in VAGUE_NOUN_BASES and not is_vague_noun_an_amount(tokens, k):
            return None  # "the scores of students", "test scores of", "scores of 70 and 72": marks
        product, end = vague_chain(tokens, k, VAGUE_BASES, joined_by_of=True)
        if token.low in VAGUE_NEEDS_OF and not is_word(token_at(tokens, end), "of"):
            return None
        return vague_amount(product, end)
    opener = VAGUE_OPENERS.match(tokens, k)
    if opener is None:
        return None
    base = token_at(tokens, opener[1])
    if is_word(base, *VAGUE_BASES) and base is not None and base.low not in VAGUE_NEEDS_OF:
        product, end = vague_chain(tokens, opener[1], VAGUE_BASES, joined_by_of=True)
        return vague_amount(product, end)  # round 27: "several hundreds of them", as "several hundred"
    if not is_word(base, *VAGUE_SINGULAR_BASES):
        return None
    product, end = vague_chain(tokens, opener[1], VAGUE_SINGULAR_BASES, joined_by_of=False)
    return vague_amount(product, end)


# Determiners that make a vague base a noun: "the scores of", "their scores of".
VAGUE_NOUN_DETERMINERS = frozenset({"the", "a", "an", "this", "these", "those", *OWNER_DETERMINERS})


def is_vague_noun_an_amount(tokens: list[Token], k: int) -> bool:
    """'scores' at k is an amount ('scores of campuses') after no word, after a small word that is no determiner
    ('found that scores of', 'with scores of') or a verb in '-ed' ('thwarted scores of attacks'), and before no
    number ('posted scores of 70 and 72' are marks); not after 'the', 'their' or a noun ('test scores of')."""
    after_of = token_at(tokens, k + 2)
    if after_of is not None and after_of.kind == "num":
        return False
    previous = token_at(tokens, k - 1)
    if previous is None or previous.kind != "word":
        return True
    if previous.low in VAGUE_NOUN_DETERMINERS:
        return False
    return previous.low in OBJECT_STOPS or previous.low.endswith("ed")


def vague_chain(tokens: list[Token], k: int, bases: dict[str, int], joined_by_of: bool) -> tuple[int, int]:
    """Product of growing bases from k ('tens of thousands' -> 10,000) and the index after them."""
    product = largest = bases[tokens[k].low]
    end = k + 1
    step = 2 if joined_by_of else 1
    while True:
        if joined_by_of and not is_word(token_at(tokens, end), "of"):
            break
        following = token_at(tokens, end + step - 1)
        if not is_word(following, *bases) or bases[following.low] <= largest:
            break
        largest = bases[following.low]
        product, end = product * largest, end + step
    return product, end


def vague_amount(product: int, end: int) -> Amount:
    return Amount(float(VAGUE_LOW * product), end, product, high=float(VAGUE_HIGH * product))
