"""Counts said by 'a pair of' and numbers with 'plus' dashed on (issue 12, round 26, figures48).

The token rules read neither: 'a pair of cases' counts two cases, as every figure gold set's judges count it, and
'the 700-plus-page tome', 'one of 100-plus black locals', 'its three-plus years on oak' say a count or a span of at
least that number. A pair worn or used as one thing ('a pair of shoes', 'a pair of scissors') is one thing, no
count of two."""

from __future__ import annotations

import re
from collections.abc import Callable

from transforms.figures.said_kinds import new_figure
from transforms.figures.vocabulary import SMALL_NUMBERS, TENS, UNIT_PHRASES_BY_WORDS
from transforms.records import Figure

# Things made or worn as a pair, said with 'a pair of' for one thing: the first word after 'of'.
ONE_THING_PAIRS = frozenset(
    "shoes boots trainers sneakers sandals slippers heels socks tights stockings leggings trousers pants jeans "
    "shorts knickers briefs boxers underpants overalls pyjamas pajamas gloves mittens earrings spectacles "
    "sunglasses goggles binoculars headphones earbuds earphones scissors shears pliers tongs tweezers".split()
)
# People said as a pair are described, not counted, by the judges ("The child of a pair of computer science
# professors", "Spotting a pair of young women"): nouns for people, and agent nouns in -ers, -ors, -ists, -ians.
PAIRED_PEOPLE = frozenset(
    "people men women boys girls kids children brothers sisters twins friends siblings students".split()
)
AGENT_ENDINGS = ("ers", "ors", "ists", "ians")
# Worn as one thing only when nothing describes them: "a pair of glasses", not "a pair of juice glasses".
BARE_ONE_THING_PAIRS = frozenset({"glasses"})
PAIR = re.compile(r"\b[Aa] pair of (?P<phrase>[\w’'-]+(?: [\w’'-]+){0,5})")
# Words that end the noun phrase after 'a pair of': 'a pair of cases involving fraud'.
PHRASE_ENDS = frozenset("of in at to for with and or that who which from on by over involving".split())
# A pronoun after 'of' names things said before: "I've had a pair of these".
PAIR_PRONOUNS = frozenset({"these", "those", "them"})
# Number words a 'plus' may be dashed onto: 'three-plus years', 'twenty-plus'.
PLUS_WORDS = {
    word: float({**SMALL_NUMBERS, **TENS, "hundred": 100}[word])
    for word in "two three four five six seven eight nine ten twelve twenty thirty forty fifty hundred".split()
}
PLUS = re.compile(
    r"(?<![\w.,-])(?P<number>\d{1,3}(?:,\d{3})+|\d+|" + "|".join(PLUS_WORDS) + r")-plus"
    r"(?:-(?P<glued>[a-z]+)\b|\s+(?P<spaced>[a-z]+)\b)",
    re.IGNORECASE,
)


def pair_counts(text: str, article_id: str, sentence_of: Callable[[int], str], figures: list[Figure]) -> list[Figure]:
    """A count of 2 for each 'a pair' of things no figure holds ('a pair of cases', 'into a pair of juice
    glasses'); not a pair worn or used as one thing ('a pair of shoes')."""
    if "pair of" not in text:
        return figures
    added = []
    for match in PAIR.finditer(text):
        if not counts_a_pair(match.group("phrase").split()):
            continue
        start, end = match.start(), match.start() + len("a pair")
        if any(f.char_start < end and start < f.char_end for f in figures):
            continue
        added.append(new_figure(article_id, start, text[start:end], 2.0, "count", None, sentence_of(start)))
    return sorted(figures + added, key=lambda f: f.char_start) if added else figures


def plus_counts(text: str, article_id: str, sentence_of: Callable[[int], str], figures: list[Figure]) -> list[Figure]:
    """A figure for each number with 'plus' dashed on before a word no figure holds: in the word's unit when it
    names one ('three-plus years', 'a 20-plus-year career', '280-plus pounds'), else a count ('the 700-plus-page
    tome', '100-plus black locals')."""
    if "-plus" not in text and "-Plus" not in text:
        return figures
    added = []
    for match in PLUS.finditer(text):
        number, word = match.group("number"), (match.group("glued") or match.group("spaced")).lower()
        value = PLUS_WORDS[number.lower()] if number.isalpha() else float(number.replace(",", ""))
        # a unit after the plus gives the kind: 'three-plus years' a span, '280-plus pounds' a weight
        unit = UNIT_PHRASES_BY_WORDS.get((word,))
        start = match.start()
        end = match.end() if unit is not None or match.group("glued") else match.end("number") + len("-plus")
        if any(f.char_start < end and start < f.char_end for f in figures):
            continue
        kind, name = (unit.kind, unit.name) if unit is not None else ("count", None)
        added.append(new_figure(article_id, start, text[start:end], value, kind, name, sentence_of(start)))
    return sorted(figures + added, key=lambda f: f.char_start) if added else figures


def counts_a_pair(words: list[str]) -> bool:
    """Whether 'a pair of' before these words counts two: not a pair worn or used as one thing ('a pair of
    fleece-lined leggings'), not people ('a pair of young women') and not a pronoun ('a pair of these')."""
    if not words or words[0].lower() in PAIR_PRONOUNS or words[0].lower() in BARE_ONE_THING_PAIRS:
        return False
    for word in words:
        low = word.lower().rstrip("’'")
        if low in PHRASE_ENDS:
            break
        if low in ONE_THING_PAIRS or low in PAIRED_PEOPLE or (word.islower() and low.endswith(AGENT_ENDINGS)):
            return False
    return True
