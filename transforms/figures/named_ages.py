"""Ages said right after the person they describe, not counts (issue 12, round 26, figures48).

The standard ("one standard for ages", round 13, figures20) makes how old a person is no figure. The set-off ages
of `non_figures.age_end` ('Hill, 29, said') miss the shapes news of 2023 writes around a name: a bare age in
brackets ('Molly Martens (40) and her father'), a name with an aside before the age ('Adam Eisenberg (pictured),
58, was'), a role named with its modifiers ('The Nolans singer, 64, gave', 'A male juvenile, 16,') and 'at N'
after a person ('the country's oldest ever president at 81,'). Each rule reads only the tokens around one
number."""

from __future__ import annotations

from transforms.figures.tokens import Token, is_capitalised, is_word, token_at
from transforms.figures.vocabulary import COMMON_WORDS, KIN_WORDS, PERSON_DETERMINERS, PERSON_NOUNS, ROLE_NOUNS

# Marks that close the clause of an age said after a person: 'Sarah (17) said', 'president at 81, is'.
AGE_CLOSERS = frozenset({",", ".", ";", ")"})
# Describing words that may stand between a determiner and the person: 'A male juvenile, 16,'.
PERSON_MODIFIERS = frozenset("male female young old elderly local former retired".split())
# How many words may describe the person between the determiner and the noun: 'The Nolans singer'.
MODIFIER_REACH = 3
# How many capitalised words a name before a bracketed age may have: 'Mr Tom Martens (73)'.
NAME_REACH = 3
# Words for an older relative that name the person they stand for: 'Granny (78) suffers in silence'.
ELDER_KIN = frozenset("granny grandma grandpa gran grandmother grandfather mum mom dad".split())


def is_plausible_age(token: Token) -> bool:
    return token.text.isdecimal() and 0 < int(token.text) <= 120


def names_a_person_before(tokens: list[Token], comma: int) -> bool:
    """A name ends before the comma: a capitalised word that is not a common word ('Hill', 'Amendolia
    Jr.')."""
    k = comma - 1
    if token_at(tokens, k) is not None and tokens[k].text == "." and tokens[k].glued:
        k -= 1  # "Jr.", "Sr."
    name = token_at(tokens, k)
    return is_capitalised(name) and name.low not in COMMON_WORDS


def names_a_person_noun_before(tokens: list[Token], comma: int) -> bool:
    """'A man, 45, was arrested', 'her son, 5,', 'The Nolans singer, 64,', 'A male juvenile, 16,': one person
    named by a noun with its determiner before the comma of a set-off age, with at most three describing words
    (capitalised, or of sex and age) between them."""
    noun = token_at(tokens, comma - 1)
    if not is_word(noun, *PERSON_NOUNS, *KIN_WORDS, *ROLE_NOUNS):
        return False
    for k in range(comma - 2, max(comma - 3 - MODIFIER_REACH, -1), -1):
        word = tokens[k]
        if is_word(word, *PERSON_DETERMINERS):
            return True
        if word.kind != "word" or not (is_capitalised(word) or word.low in PERSON_MODIFIERS):
            return False
    return False


def aside_before(tokens: list[Token], comma: int) -> int:
    """The place of the comma a set-off age follows, seen past a one-word aside in brackets: in 'Adam Eisenberg
    (pictured), 58,' the name ends before the bracket, so its index stands for the comma."""
    closing, word, opening = token_at(tokens, comma - 1), token_at(tokens, comma - 2), token_at(tokens, comma - 3)
    if closing is None or closing.text != ")" or opening is None or opening.text != "(":
        return comma
    return comma - 3 if word is not None and word.kind == "word" and word.text.islower() else comma


def is_bracketed_age(tokens: list[Token], i: int) -> bool:
    """'her father, Tom Martens (73), have', 'daughter Sarah (17) said', 'Granny (78) suffers', 'Molly Martens (40)
    and her father': a bare age alone in brackets after a name is that person's age when the text says a person
    there: a word for one person (a kin word, a role) before the name or as the name, or 'and' and one after the
    bracket. Without it a bracket after a name holds a score or a tally ('Virat Kohli (88)', 'Amy Klobuchar (17)
    and Elizabeth Warren (12) lead')."""
    opening, closing = token_at(tokens, i - 1), token_at(tokens, i + 1)
    if opening is None or opening.text != "(" or closing is None or closing.text != ")":
        return False
    if not is_plausible_age(tokens[i]) or not is_capitalised(token_at(tokens, i - 2)):
        return False
    if is_person_word(tokens[i - 2]):
        return True  # "Granny (78)"
    k = i - 2
    while k >= 0 and is_capitalised(tokens[k]) and k > i - 2 - NAME_REACH:
        k -= 1  # over the name: "Tom Martens"
    if k >= 0 and tokens[k].text == ",":
        k -= 1  # "her father, Tom Martens (73)"
    if k >= 0 and is_person_word(tokens[k]):
        return True
    after, determiner, noun = token_at(tokens, i + 2), token_at(tokens, i + 3), token_at(tokens, i + 4)
    if getattr(after, "text", "") == "," and is_word(determiner, "who", "whose"):
        return True  # round 27: "the family of Sharma (26), who was found dead": "who" says a person
    return is_word(after, "and") and is_word(determiner, *PERSON_DETERMINERS) and is_person_word(noun)


def is_person_word(token: Token | None) -> bool:
    return is_word(token, *PERSON_NOUNS, *KIN_WORDS, *ROLE_NOUNS, *ELDER_KIN)


def is_age_at_after_person(tokens: list[Token], i: int) -> bool:
    """'Biden, the country's oldest ever president at 81, is doing': 'at N' right after a noun for one person,
    closing its clause, is that person's age ('the shares at 81,' names no person)."""
    if not is_word(token_at(tokens, i - 1), "at") or not is_plausible_age(tokens[i]):
        return False
    following = token_at(tokens, i + 1)
    return (
        following is not None
        and following.text in AGE_CLOSERS
        and is_word(token_at(tokens, i - 2), *PERSON_NOUNS, *KIN_WORDS, *ROLE_NOUNS)
    )


# Words after "N years" that make it a difference of ages: "Soon-Yi Previn, more than 30 years younger than him".
AGE_GAP_WORDS = frozenset({"younger", "older", "junior", "senior"})
# Words between a verb and such a gap: "looks at least 10 years younger", "more than 30 years younger".
AGE_GAP_HEDGES = frozenset({"than", "more", "less", "at", "least", "about", "nearly", "almost", "some", "over"})
# Verbs of seeming before a gap of years, which then says how one looks: "looking 10 years younger".
SEEMING_VERBS = frozenset("look looks looking looked feel feels feeling felt seem seems seemed appear appears".split())


def age_gap_end(tokens: list[Token], i: int) -> int | None:
    """Index after 'N years younger', '30 years older': how much older one is than another is an age said as a
    difference, no span of time (round 27; the standard rules ages out). After a verb of seeming ('looking 10
    years younger') it says how one looks, which postlight's judge counts as a span: kept."""
    if not is_word(token_at(tokens, i + 1), "years", "year", "yrs") or not is_word(
        token_at(tokens, i + 2), *AGE_GAP_WORDS
    ):
        return None
    before = i - 1
    while is_word(token_at(tokens, before), *AGE_GAP_HEDGES):
        before -= 1
    if is_word(token_at(tokens, before), *SEEMING_VERBS):
        return None  # "looking 10 years younger": how much younger one looks, which the judges count as a span
    return i + 3
