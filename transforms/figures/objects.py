"""Objects: the noun phrase a count counts ('tens of thousands of other troops' counts 'troops')."""

from __future__ import annotations

from transforms.figures.quantities import Quantity
from transforms.figures.tokens import Token, is_word, token_at
from transforms.figures.vocabulary import (
    DASHES,
    IRREGULAR_PLURALS,
    LEADING_MODIFIERS,
    NUMBER_WORDS,
    OBJECT_STOPS,
    PARTITIVE_DETERMINERS,
    VAGUE_BASES,
)


def match_object(tokens: list[Token], k: int, quantity: Quantity, max_words: int) -> tuple[int, int] | None:
    """Token span (first, last) of the noun phrase a count counts, starting at k."""
    if max_words <= 0:
        return None
    if quantity.vague and is_word(token_at(tokens, k), "of"):
        k += 1
    elif is_partitive(tokens, k, quantity):
        k += 2  # "32 of the aircraft" counts aircraft
    while is_word(token_at(tokens, k), *LEADING_MODIFIERS):
        k += 1
    words: list[tuple[int, int]] = []
    while len(words) < max_words and is_object_word(token_at(tokens, k)):
        last = compound_end(tokens, k)
        words.append((k, last))
        k = last + 1
    words = trim_to_head(tokens, words, singular=quantity.value == 1)
    return (words[0][0], words[-1][1]) if words else None


def is_partitive(tokens: list[Token], k: int, quantity: Quantity) -> bool:
    """'32 of the aircraft', 'two of its ships': a part of a group; not 'one of the ...' (a pronoun)."""
    return (
        quantity.value is not None
        and quantity.value > 1
        and quantity.unit is None
        and is_word(token_at(tokens, k), "of")
        and is_word(token_at(tokens, k + 1), *PARTITIVE_DETERMINERS)
    )


def is_object_word(token: Token | None) -> bool:
    if token is None or token.kind != "word" or token.glued:
        return False
    if len(token.text) > 1 and token.text.isupper():
        return True  # an acronym, not the pronoun: "three US officials"
    return token.low not in OBJECT_STOPS and token.low not in NUMBER_WORDS and token.low not in VAGUE_BASES


def compound_end(tokens: list[Token], k: int) -> int:
    """Last token of a hyphenated word or a model name starting at k: 'anti-tank', 'F-35', 'H100'."""
    while True:
        glued = token_at(tokens, k + 1)
        if glued is not None and glued.glued and glued.kind == "num" and tokens[k].kind == "word":
            k += 1  # "H100"
            continue
        dash, following = glued, token_at(tokens, k + 2)
        if (
            dash is None
            or following is None
            or dash.text not in DASHES
            or not dash.glued
            or following.kind not in ("word", "num")
            or not following.glued
        ):
            return k
        k += 2


def trim_to_head(tokens: list[Token], words: list[tuple[int, int]], singular: bool) -> list[tuple[int, int]]:
    """End the phrase at its head noun. Counts other than one end at their last plural ('US officials
    familiar' -> 'US officials'); with no plural the words are a verb, not a head ('the two met').
    A count of one ends before a participle or adverb ('soldier killed' -> 'soldier')."""
    lasts = [tokens[last].low for _, last in words]
    if not singular:
        plurals = [n for n, word in enumerate(lasts) if looks_plural(word)]
        return words[: plurals[-1] + 1] if plurals else []
    for n in range(1, len(words)):
        if len(lasts[n]) > 4 and lasts[n].endswith(("ed", "ing", "ly")):
            return words[:n]
    return words


def looks_plural(word: str) -> bool:
    return word in IRREGULAR_PLURALS or (
        len(word) > 2 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s"))
    )
