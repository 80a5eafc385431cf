"""Text as tokens (numbers, words, symbols) and the phrase tables matched against them."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Generic, NamedTuple, TypeGuard, TypeVar

from transforms.figures.vocabulary import (
    COMMON_WORDS,
    CURRENCY_ABBREVIATIONS,
    CURRENCY_CODES,
    CURRENCY_SYMBOLS,
    DOLLAR_PREFIXES,
    I_PLURAL_ENDINGS,
    IRREGULAR_PLURALS,
    LETTER_CURRENCIES,
    LETTER_CURRENCY_EVIDENCE,
    NUMBER_OPENERS,
    PESO_EVIDENCE,
    PESO_PREFIXES,
    QUALIFIERS_BY_WORDS,
    ROAD_WORDS,
    SINGULAR_MEN_WORDS,
    SINGULAR_S_WORDS,
    TEMPERATURE_WORDS,
    UNIT_PHRASES_BY_WORDS,
    VAGUE_BASES,
    WON_EVIDENCE,
)

# A comma before one or two digits is a decimal comma where a scale or percent follows ("5,36 million",
# "3,5%", as European sources write); before three digits it groups thousands ("5,360").
_TOKEN = re.compile(
    r"""
    (?P<num>[0-9]+,[0-9]{1,2}(?=[ ]?(?:%|(?:million|billion|trillion|mln|mn|bn|percent)\b))
          |(?:[0-9]{1,3}(?:,[0-9]{3}(?![0-9]))+|[0-9]+)(?:\.[0-9]+)?)
  | (?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)
  | (?P<sym>\n|\S)
""",
    re.VERBOSE,
)


class Token(NamedTuple):
    text: str
    low: str
    kind: str  # "num", "word" or "sym"; a line break is a "sym" so nothing spans it
    start: int
    end: int
    glued: bool  # no whitespace between this token and the one before (a line break counts as whitespace)


# "Â£15 million", "ÃÂ£59.6million": a UTF-8 sign read once or twice as Latin-1 leaves these letters glued
# before it (pages that were re-encoded along the way); they are no word, and the sign after them still
# opens an amount.
_MOJIBAKE_LETTERS = frozenset("ÃÂ" + "".join(chr(c) for c in range(0x80, 0xA0)))  # and C1 controls: "Ã\x82Â£"
_MOJIBAKE_SIGNS = frozenset("£€¥°")


def is_mojibake_before_sign(text: str, start: int, end: int) -> bool:
    if not all(ch in _MOJIBAKE_LETTERS for ch in text[start:end]):
        return False
    while end < len(text) and text[end] in _MOJIBAKE_LETTERS:
        end += 1
    return end < len(text) and text[end] in _MOJIBAKE_SIGNS


_MOJIBAKE_SIGN = re.compile("[ÃÂ\x80-\x9f]+[£€¥°]")


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    previous_end = -1
    mojibake = _MOJIBAKE_SIGN.search(text) is not None  # one pass over the text; the loop below is hot
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        if mojibake and text[start] in _MOJIBAKE_LETTERS and is_mojibake_before_sign(text, start, end):
            # skipped; the sign is glued to what these letters were glued to
            previous_end = end if start == previous_end else -1
            continue
        tokens.append(
            Token(match.group(), match.group().lower(), match.lastgroup or "sym", start, end, start == previous_end)
        )
        # A line break is a token of its own (nothing spans it) but space all the same: the word
        # after it is not glued to it.
        previous_end = -1 if match.group() == "\n" else end
    return tokens


# A peso prefix before an amount somewhere in a text: only such texts need read_peso_signs's pass.
_PESO_AMOUNT = re.compile(r"\b(?:P|PHP|Php) ?[0-9]")


def read_peso_signs(text: str, tokens: list[Token]) -> list[Token]:
    """Tokens with the Philippine peso's letters before an amount read as its sign '₱' (PESO_PREFIXES):
    'Php' always, 'P' (glued: 'P2,500') and 'PHP' only where the text names the peso or the Philippines."""
    if _PESO_AMOUNT.search(text) is None:
        return tokens
    evidence = any(t.low in PESO_EVIDENCE or t.text == "Php" for t in tokens)
    read = list(tokens)
    for n, token in enumerate(tokens[:-1]):
        following = tokens[n + 1]
        if token.text not in PESO_PREFIXES or following.kind != "num":
            continue
        if token.text == "Php" or (evidence and (following.glued or token.text == "PHP")):
            read[n] = token._replace(text="₱", low="₱", kind="sym")
    return read


# A letter prefix glued before an amount, or East Africa's "/-" after one, somewhere in a text.
_LETTER_AMOUNT = re.compile(r"\b(?:RM|R|M)[0-9]|[0-9][a-z]?/-")


def read_letter_currencies(text: str, tokens: list[Token]) -> list[Token]:
    """Tokens with a currency's letters glued before an amount read as its ISO code (LETTER_CURRENCIES:
    'R4bn' ZAR, 'RM6.162 million' MYR, 'M50 000' LSL, each where the text names the currency's country), and
    the '/-' written after a Tanzanian shilling sum ('4m/-', '10,000/-') as the code TZS after the amount."""
    if _LETTER_AMOUNT.search(text) is None:
        return tokens
    read: list[Token | None] = list(tokens)
    words = {t.low for t in tokens}
    for n, token in enumerate(tokens[:-1]):
        following = tokens[n + 1]
        if token.text in LETTER_CURRENCIES and following.kind == "num" and following.glued:
            evidence = LETTER_CURRENCY_EVIDENCE.get(token.text)
            road = n + 2 < len(tokens) and tokens[n + 2].low in ROAD_WORDS  # "the M1 motorway"
            if (evidence is None or words & evidence) and not road:
                code = LETTER_CURRENCIES[token.text]
                read[n] = token._replace(text=code, low=code.lower())
                group = token_at(tokens, n + 2)
                if is_space_group(following, group) and group is not None:  # "M50 000": thousands set off by a space
                    grouped = f"{following.text},{group.text}"
                    read[n + 1], read[n + 2] = following._replace(text=grouped, low=grouped, end=group.end), None
        elif (
            token.text == "/" and following.text == "-" and after_amount(tokens, n) and token.glued and following.glued
        ):
            read[n], read[n + 1] = token._replace(text="TZS", low="tzs", kind="word", end=following.end), None
    return [token for token in read if token is not None]


# Round 28 (objects37): a number whose thousands are set off by a space before a unit ("over 800 000 hectares").
_SPACE_GROUPED = re.compile(r"\b[0-9]{1,3}(?: [0-9]{3})+ [A-Za-z]")


def read_space_groups(text: str, tokens: list[Token]) -> list[Token]:
    """Tokens with a number written in groups of three digits apart ("800 000 hectares", "1 200 000 tonnes") read as
    one number, where a unit follows the last group; other spaced digits ("in 2019 200 people") stay apart."""
    if _SPACE_GROUPED.search(text) is None:
        return tokens
    read: list[Token | None] = list(tokens)
    n = 0
    while n < len(tokens):
        last = n
        while is_space_group(tokens[n], token_at(tokens, last + 1)) and last + 1 - n <= 3:
            last += 1
        if last > n and UNIT_PHRASES.match(tokens, last + 1) is not None and not tokens[n].glued:
            grouped = ",".join(t.text for t in tokens[n : last + 1])
            read[n] = tokens[n]._replace(text=grouped, low=grouped, end=tokens[last].end)
            read[n + 1 : last + 1] = [None] * (last - n)
        n = last + 1
    return [token for token in read if token is not None]


def is_space_group(number: Token, group: Token | None) -> bool:
    """'50 000': a group of three digits after a space, as southern Africa writes thousands."""
    return (
        group is not None
        and group.kind == "num"
        and not group.glued
        and number.text.isdecimal()
        and len(number.text) <= 3
        and group.text.isdecimal()
        and len(group.text) == 3
    )


def after_amount(tokens: list[Token], n: int) -> bool:
    """The token before n is a number, or a scale glued to one ('4m')."""
    before = token_at(tokens, n - 1)
    return before is not None and (
        before.kind == "num" or (before.glued and getattr(token_at(tokens, n - 2), "kind", "") == "num")
    )


_WON_AMOUNT = re.compile(r"[0-9] (?:(?:million|billion|trillion) )?won\b")


def read_won_words(text: str, tokens: list[Token]) -> list[Token]:
    """Tokens with 'won' after a number (or its scale) read as the Korean currency ('krw') where the text
    names Korea: '2.212 trillion won', '532,000 won ($567)'."""
    if _WON_AMOUNT.search(text) is None or not any(t.low in WON_EVIDENCE for t in tokens):
        return tokens
    read = list(tokens)
    for n, token in enumerate(tokens):
        if token.low != "won" or n == 0:
            continue
        before = tokens[n - 1]
        scaled = before.low in ("million", "billion", "trillion") and n > 1 and tokens[n - 2].kind == "num"
        after = tokens[n + 1].low if n + 1 < len(tokens) else ""
        if after in ("by", "the", "a", "an", "his", "her", "their", "its", "it", "them"):
            continue  # "152 won by the ruling party": the verb
        if before.kind == "num" or scaled:
            read[n] = token._replace(low="krw")
    return read


def digits_value(text: str) -> Decimal:
    """Worth of a number token: '1,292' -> 1292, '12.9' -> 12.9, '5,36' (a decimal comma) -> 5.36."""
    whole, comma, decimals = text.rpartition(",")
    if comma and len(decimals) <= 2:
        return Decimal(f"{whole}.{decimals}")
    return Decimal(text.replace(",", ""))


def token_at(tokens: list[Token], k: int) -> Token | None:
    return tokens[k] if 0 <= k < len(tokens) else None


def is_word(token: Token | None, *words: str) -> TypeGuard[Token]:
    return token is not None and token.kind == "word" and token.low in words


def is_capitalised(token: Token | None) -> TypeGuard[Token]:
    return token is not None and token.kind == "word" and token.text[:1].isupper()


def is_initial(tokens: list[Token], k: int) -> bool:
    """A capital letter at k with a dot and a capitalised word after it: a name's initial ('the 2010 M. Night
    Shyamalan film', 'at 30° C. S. Lewis'), not a unit ('5 m.', '20 C. The')."""
    letter, dot, after = token_at(tokens, k), token_at(tokens, k + 1), token_at(tokens, k + 2)
    return (
        letter is not None
        and len(letter.text) == 1
        and letter.text.isupper()
        and not letter.glued
        and dot is not None
        and dot.text == "."
        and dot.glued
        and is_capitalised(after)
        and not after.glued
        and (len(after.text) == 1 or (after.low not in COMMON_WORDS and is_capitalised(token_at(tokens, k + 3))))
    )


def looks_plural(word: str) -> bool:
    if word in SINGULAR_S_WORDS:
        return False  # "a 12-minute news conference": "news" is one thing
    return (
        word in IRREGULAR_PLURALS
        or (len(word) > 2 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s")))
        or (len(word) > 4 and word.endswith(I_PLURAL_ENDINGS))  # "10 martinis", "16 Nazis"
        or (len(word) > 5 and word.endswith("men") and word not in SINGULAR_MEN_WORDS)  # "fishermen"
    )


Value = TypeVar("Value")


def is_glued_to_more(tokens: list[Token], k: int) -> bool:
    """A word or number glued right after the token at k: 'L60' in '4L60'."""
    after = token_at(tokens, k + 1)
    return after is not None and after.glued and after.kind != "sym"


class PhraseTable(Generic[Value]):
    """Phrases of one or more words, each with a value, matched longest first at a token."""

    def __init__(self, entries: dict[tuple[str, ...], Value]) -> None:
        self.entries = entries
        self.first_words = frozenset(words[0] for words in entries)
        self.longest = max(len(words) for words in entries)

    def match(self, tokens: list[Token], k: int) -> tuple[Value, int] | None:
        """(value, index after) of the longest phrase at k; words apart, the first may be glued to a number."""
        first = token_at(tokens, k)
        if first is None or first.low not in self.first_words:
            return None
        for length in range(self.longest, 0, -1):
            words = tokens[k : k + length]
            if len(words) != length or any(t.kind != "word" for t in words) or any(t.glued for t in words[1:]):
                continue
            key = tuple(t.low for t in words)
            if key in self.entries:
                return self.entries[key], k + length
        return self.dashed_match(tokens, k)

    def dashed_match(self, tokens: list[Token], k: int) -> tuple[Value, int] | None:
        """A phrase of several words written with glued dashes between them: "1.2 gigabits-per-second", "parts-per-
        million" (round 32, figures56: spec and science pages dash a unit's words as often as they space them)."""
        dash = token_at(tokens, k + 1)
        if dash is None or dash.text != "-" or not dash.glued:
            return None
        words = tokens[k : k + 2 * self.longest - 1 : 2]
        dashes = tokens[k + 1 : k + 2 * self.longest - 2 : 2]
        for length in range(min(self.longest, len(words)), 1, -1):
            joined = all(t.text == "-" and t.glued for t in dashes[: length - 1])
            if not joined or any(t.kind != "word" or not t.glued for t in words[1:length]):
                continue
            key = tuple(t.low for t in words[:length])
            if key in self.entries:
                return self.entries[key], k + 2 * length - 1
        return None


UNIT_PHRASES = PhraseTable(UNIT_PHRASES_BY_WORDS)
QUALIFIERS = PhraseTable(QUALIFIERS_BY_WORDS)
VAGUE_OPENERS = PhraseTable({("several",): True, ("a", "few"): True})
# A figure can only begin at a number or at one of these words or symbols.
FIGURE_OPENERS = frozenset(
    {
        *QUALIFIERS.first_words,
        *NUMBER_OPENERS,
        *VAGUE_BASES,
        *VAGUE_OPENERS.first_words,
        "between",
        "from",
        "by",
        "another",  # "wait another week": a span of one week
        *CURRENCY_SYMBOLS,
        *(abbreviation.lower() for abbreviation in CURRENCY_ABBREVIATIONS),
        *(p.lower() for p in DOLLAR_PREFIXES),
        *(code.lower() for code in CURRENCY_CODES),
    }
)


def can_open_figure(token: Token) -> bool:
    return token.kind == "num" or token.low in FIGURE_OPENERS


# Denominators of the fractions recipes, measures and spans are written in: "1/2 cup", "2 3/4 inches",
# "3 1/2 months".
FRACTION_DENOMINATORS = frozenset({"2", "3", "4", "8", "16"})


def fraction_end(tokens: list[Token], k: int, counted: bool = False) -> tuple[Decimal, int] | None:
    """(worth, index after) of a fraction before a unit at k ('1/2 teaspoon', '3/4 hour'), or, when
    `counted` (the fraction of a mixed number), before a lowercase plural ('3 1/2 sacks'); elsewhere a
    slash between numbers is a date or a code ('1/25', '24/7')."""
    numerator, slash, denominator = token_at(tokens, k), token_at(tokens, k + 1), token_at(tokens, k + 2)
    if numerator is None or slash is None or denominator is None or slash.text != "/":
        return None
    if not (slash.glued and denominator.glued and numerator.kind == "num" and numerator.text.isdecimal()):
        return None
    if denominator.text not in FRACTION_DENOMINATORS or int(numerator.text) >= int(denominator.text):
        return None
    after = k + 4 if is_word(token_at(tokens, k + 3), "a", "an") else k + 3  # "1/2 a teaspoon"
    dash = token_at(tokens, after)
    if dash is not None and dash.text in ("-", "–") and dash.glued and fraction_end(tokens, after + 1) is not None:
        return Decimal(numerator.text) / Decimal(denominator.text), after  # "1/8-1/4 teaspoon": a range's low end
    unit = UNIT_PHRASES.match(tokens, after)
    if unit is None and counted and after == k + 3:
        following = token_at(tokens, after)
        if following is not None and following.kind == "word" and following.text.islower():
            return (Decimal(numerator.text) / Decimal(denominator.text), after) if looks_plural(following.low) else None
    if unit is None or unit[0].kind not in ("measure", "duration"):
        return None  # "1/2 cup", "3 1/2 months"; a slash before anything else is a date or a code
    return Decimal(numerator.text) / Decimal(denominator.text), after


def speaks_of_temperature(tokens: list[Token], k: int, reach: int = 12, listed: bool = True) -> bool:
    """A word for temperature within `reach` tokens of k, in the same sentence; or, with `listed`, an earlier
    temperature of the sentence ('temperatures remain below 0C and can reach below -30C')."""
    if listed and temperature_said_before(tokens, k):
        return True
    for step in (-1, 1):
        n = k + step
        while 0 <= n < len(tokens) and abs(n - k) <= reach and tokens[n].text not in (".", "!", "?", "\n"):
            if tokens[n].low in TEMPERATURE_WORDS:
                return True
            n += step
    return False


def temperature_said_before(tokens: list[Token], k: int, reach: int = 40) -> bool:
    """A number glued to C or F earlier in k's sentence that is itself a temperature."""
    n = k - 2
    while n > 0 and k - n <= reach and tokens[n].text not in (".", "!", "?", "\n"):
        letter = tokens[n]
        glued_scale = letter.text in ("C", "F") and letter.glued and tokens[n - 1].kind == "num"
        if glued_scale and speaks_of_temperature(tokens, n, listed=False):
            return True
        n -= 1
    return False
