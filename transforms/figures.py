"""Figures: numbers in English news text with their qualifier, unit and what they count."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import NamedTuple

from transforms.ids import figure_id_for
from transforms.options import FigureOptions
from transforms.records import Figure

__all__ = ["FigureOptions", "find_figures", "parse_number_words"]


# --- Vocabulary --------------------------------------------------------------------------

SMALL_NUMBERS = {word: n for n, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
TENS = {word: 10 * n for n, word in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)}
SCALE_WORDS = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
MULTIPLIER_WORDS = frozenset({"hundred", "dozen", *SCALE_WORDS})
FRACTIONS = {"half": 0.5, "quarter": 0.25}
NUMBER_WORDS = frozenset({*SMALL_NUMBERS, *TENS, *MULTIPLIER_WORDS, *FRACTIONS, "and", "a", "an"})
# Words a written-out number can begin with ("a dozen", "half a million").
NUMBER_OPENERS = frozenset({*SMALL_NUMBERS, *TENS, "a", "an", "half"})

# Glued to digits ("$12.9bn", "€300m", "50k"). A glued "m" is million, as in news
# money and head counts; metres must be spelt out or spaced ("30 m").
SCALE_SUFFIXES = {"k": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6, "b": 10**9, "bn": 10**9,
                  "tn": 10**12, "trn": 10**12}
# Only the unambiguous suffixes may also stand apart from the digits ("5 bn").
SPACED_SCALE_WORDS = {**SCALE_WORDS, "mn": 10**6, "mln": 10**6, "bn": 10**9, "tn": 10**12, "trn": 10**12}

# Vague multiples read as 2..9 times their base: "hundreds" 200..900, "tens of thousands"
# 20,000..90,000, "dozens" 24..108 (two to nine dozen).
VAGUE_BASES = {"tens": 10, "dozens": 12, "hundreds": 100, "thousands": 10**3, "millions": 10**6,
               "billions": 10**9, "trillions": 10**12}
VAGUE_LOW, VAGUE_HIGH = 2, 9
# "tens" alone is not a figure ("the tens digit"); "tens of ..." is.
VAGUE_NEEDS_OF = frozenset({"tens"})
# "several hundred", "a few thousand" read like "hundreds", "thousands".
VAGUE_SINGULAR_BASES = {"dozen": 12, "hundred": 100, **SCALE_WORDS}

DASHES = frozenset({"-", "–"})
CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB", "₴": "UAH"}
# Letters glued before "$": "US$5", "A$20m".
DOLLAR_PREFIXES = {"US": "USD", "A": "AUD", "AU": "AUD", "C": "CAD", "CA": "CAD", "HK": "HKD",
                   "NZ": "NZD", "S": "SGD"}
CURRENCY_CODES = frozenset({"USD", "EUR", "GBP", "JPY", "CNY", "INR", "RUB", "UAH", "CHF", "AUD", "CAD"})


class Unit(NamedTuple):
    name: str
    kind: str


def unit_table(kind: str, spellings: dict[str, str]) -> dict[tuple[str, ...], Unit]:
    """{"km": "km,kilometre,kilometres"} -> {("km",): Unit("km", kind), ...}; spellings may be several words."""
    return {tuple(spelling.split()): Unit(name, kind)
            for name, spelling_list in spellings.items() for spelling in spelling_list.split(",")}


UNIT_PHRASES_BY_WORDS = {
    **unit_table("percent", {"%": "percent,per cent,pct", "percentage point": "percentage point,percentage points"}),
    **unit_table("money", {
        "USD": "dollar,dollars,us dollars,usd", "EUR": "euro,euros,eur", "GBP": "sterling,pounds sterling,gbp",
        "JPY": "yen,jpy", "CNY": "yuan,renminbi,cny", "INR": "rupee,rupees,inr",
        "RUB": "rouble,roubles,ruble,rubles", "UAH": "hryvnia,hryvnias,uah", "CHF": "swiss francs,chf"}),
    **unit_table("duration", {
        "second": "second,seconds,sec,secs", "minute": "minute,minutes,min,mins",
        "hour": "hour,hours,hr,hrs", "day": "day,days", "week": "week,weeks", "month": "month,months",
        "year": "year,years,yr,yrs", "decade": "decade,decades", "century": "century,centuries"}),
    **unit_table("measure", {
        "km": "km,kms,kilometre,kilometres,kilometer,kilometers", "mile": "mile,miles",
        "nmi": "nautical mile,nautical miles",
        "m": "m,metre,metres,meter,meters", "cm": "cm,centimetre,centimetres,centimeter,centimeters",
        "mm": "mm,millimetre,millimetres,millimeter,millimeters", "ft": "ft,foot,feet", "inch": "inch,inches",
        "yard": "yard,yards", "km2": "square kilometres,square kilometers,sq km",
        "mile2": "square miles,sq miles", "m2": "square metres,square meters,sq m",
        "kg": "kg,kgs,kilo,kilos,kilogram,kilograms,kilogramme,kilogrammes", "g": "gram,grams,gramme,grammes",
        "tonne": "tonne,tonnes,metric tons,metric tonnes", "ton": "ton,tons", "lb": "lb,lbs,pound,pounds",
        "l": "litre,litres,liter,liters", "gallon": "gallon,gallons", "barrel": "barrel,barrels",
        "acre": "acre,acres", "ha": "ha,hectare,hectares", "mph": "mph", "km/h": "kph",
        "knot": "knot,knots", "degree": "degree,degrees", "MW": "mw,megawatt,megawatts",
        "GW": "gw,gigawatt,gigawatts", "kWh": "kwh"}),
}
# Words that may be glued to digits ("5km", "12.9bn"); any other glued word ("21st",
# "1990s", "3pm", "5G") makes the number an ordinal, decade, time or name.
GLUED_SUFFIXES = frozenset({*SCALE_SUFFIXES, *(words[0] for words in UNIT_PHRASES_BY_WORDS if len(words) == 1)})
PERCENT = Unit("%", "percent")


def qualifier_table(approximate: bool, phrases: str) -> dict[tuple[str, ...], tuple[str, bool]]:
    return {tuple(phrase.split()): (phrase, approximate) for phrase in phrases.split(",")}


QUALIFIERS_BY_WORDS = {
    # Bounds say on which side the truth lies; the number itself is exact.
    **qualifier_table(False, "more than,over,at least,up to,fewer than,less than,at most,under,below,above,"
                             "no more than,no fewer than,no less than,not more than,as many as,as much as,"
                             "as few as,upwards of,in excess of"),
    # Hedges say the number itself is rounded or estimated.
    **qualifier_table(True, "about,around,nearly,roughly,approximately,some,almost,an estimated,estimated,"
                            "close to,approx,circa"),
}

# "rose from 5% to 7%" is two figures, a before and an after, not a range.
CHANGE_VERB_STEMS = ("ris", "rose", "fell", "fall", "increas", "decreas", "grew", "grow", "drop", "climb",
                     "jump", "surg", "declin", "slip", "slid", "cut", "rais", "reduc", "lift", "boost", "soar",
                     "plung", "tumbl", "lower", "up", "down", "chang", "shr", "expand", "widen", "narrow")

# Sports scores and votes: "won 3-1", "a 2-0 lead", "a 5-4 ruling".
SCORE_WORDS_BEFORE = frozenset("won win wins beat beats beating lost lose loses drew defeated defeating trailed "
                               "trailing led leading leads edged thrashed routed".split())
SCORE_WORDS_AFTER = frozenset("win victory defeat loss lead draw scoreline score vote votes decision ruling "
                              "majority split aggregate margin tie triumph thrashing record".split())

MONTHS = frozenset("january february march april may june july august september october november december "
                   "jan feb mar apr jun jul aug sep sept oct nov dec".split())
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
TIME_ZONES = frozenset("GMT UTC BST EST EDT CST CDT PST PDT CET CEST ET PT".split())
# A digit after one of these is a name or a number in a list, not a quantity.
LABEL_WORDS = frozenset("""
article articles section sections chapter chapters clause clauses paragraph paragraphs amendment title
rule rules resolution page pages room flight route highway interstate no number version level phase
category grade class platform gate terminal district precinct ward zone sector episode season game
round stage lap hole exit channel line track model type figure table item verse volume vol issue row
seat floor suite apartment unit building block lot pier tier covid step part junction jct pillar
stand bay berth booth court lane
""".split())
# Symbols glued before a number that make it an id, a signed value or an abbreviated year.
IDENTIFIER_PREFIXES = frozenset({"#", "+", "'", "’", "‘", "/", ".", ":", "№", "@", "−", "_", "*", "^"})

# Determiners and adjectives dropped from the front of an object: "tens of thousands of
# other troops" counts troops.
LEADING_MODIFIERS = frozenset({"other", "additional", "more", "new", "extra", "further", "fresh", "another"})
# An object stops at any of these: prepositions, conjunctions, relative pronouns,
# determiners and pronouns, auxiliary and common reporting verbs, adverbs, time words.
OBJECT_STOPS = frozenset("""
about above across after against along amid among around as at before behind below beneath beside besides
between beyond by despite during except for from in inside into like near of off on onto out outside over
past per since than through throughout to toward towards under underneath until unlike up upon via with
within without and but or nor so yet because although though while whereas whether if unless once when
where whenever that which who whom whose what why how the a an this these those its their his her our your
my it they them we he she i you us all both each every either neither any some such no not is are was
were be been being am has have had do does did will would shall should can could may might must said say
says saying told tell tells added according reported report reports went go goes came come comes got get
gets made make makes took take takes gave give gives remain remained remains need needed seem seemed
become became already also still now then just only even ever never currently reportedly recently soon
later ago again too very here there today yesterday tomorrow tonight last next more less fewer most
""".split()) | WEEKDAYS | MONTHS
IRREGULAR_PLURALS = frozenset("people children men women police personnel staff crew cattle sheep fish deer "
                              "aircraft livestock infantry data media feet teeth mice geese offspring".split())
# Capitalised words that are not names, so a number after them is not a label ("The 300").
COMMON_WORDS = (OBJECT_STOPS | LEADING_MODIFIERS | NUMBER_WORDS
                | {word for words in QUALIFIERS_BY_WORDS for word in words}
                | {code.lower() for code in CURRENCY_CODES})

_TOKEN = re.compile(r"""
    (?P<num>(?:[0-9]{1,3}(?:,[0-9]{3}(?![0-9]))+|[0-9]+)(?:\.[0-9]+)?)
  | (?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)
  | (?P<sym>\n|\S)
""", re.VERBOSE)
# A sentence ends at . ! ? (with closing quotes) before a space and a non-lowercase
# character, or at a line break.
_SENTENCE_BREAK = re.compile(r"(?P<end>[.!?]+[\"'”’)\]]*)[ \t]+(?=[^a-z\s])|[ \t]*\n\s*")


# --- Tokens ------------------------------------------------------------------------------

class Token(NamedTuple):
    text: str
    low: str
    kind: str  # "num", "word" or "sym"; a line break is a "sym" so nothing spans it
    start: int
    end: int
    glued: bool  # no whitespace between this token and the one before


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    previous_end = -1
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        tokens.append(Token(match.group(), match.group().lower(), match.lastgroup or "sym", start, end,
                            start == previous_end))
        previous_end = end
    return tokens


def token_at(tokens: list[Token], k: int) -> Token | None:
    return tokens[k] if 0 <= k < len(tokens) else None


def is_word(token: Token | None, *words: str) -> bool:
    return token is not None and token.kind == "word" and token.low in words


def is_capitalised(token: Token | None) -> bool:
    return token is not None and token.kind == "word" and token.text[:1].isupper()


class PhraseTable:
    """Phrases of one or more words, each with a value, matched longest first at a token."""

    def __init__(self, entries: dict[tuple[str, ...], object]) -> None:
        self.entries = entries
        self.first_words = frozenset(words[0] for words in entries)
        self.longest = max(len(words) for words in entries)

    def match(self, tokens: list[Token], k: int) -> tuple[object, int] | None:
        """(value, index after) of the longest phrase at k; words apart, the first may be glued to a number."""
        first = token_at(tokens, k)
        if first is None or first.low not in self.first_words:
            return None
        for length in range(self.longest, 0, -1):
            words = tokens[k:k + length]
            if len(words) != length or any(t.kind != "word" for t in words) or any(t.glued for t in words[1:]):
                continue
            key = tuple(t.low for t in words)
            if key in self.entries:
                return self.entries[key], k + length
        return None


UNIT_PHRASES = PhraseTable(UNIT_PHRASES_BY_WORDS)
QUALIFIERS = PhraseTable(QUALIFIERS_BY_WORDS)
VAGUE_OPENERS = PhraseTable({("several",): True, ("a", "few"): True})
# A figure can only begin at a number or at one of these words or symbols.
FIGURE_OPENERS = frozenset({*QUALIFIERS.first_words, *NUMBER_OPENERS, *VAGUE_BASES, *VAGUE_OPENERS.first_words,
                            "between", "from", *CURRENCY_SYMBOLS, *(p.lower() for p in DOLLAR_PREFIXES),
                            *(code.lower() for code in CURRENCY_CODES)})


def can_open_figure(token: Token) -> bool:
    return token.kind == "num" or token.low in FIGURE_OPENERS


# --- Number words ------------------------------------------------------------------------

def parse_number_words(words: str) -> float | None:
    """'two and a half' -> 2.5, 'thirty' -> 30, 'a dozen' -> 12, 'half a million' -> 500000; else None."""
    parts = [part for part in re.split(r"[\s\-–]+", words.strip().lower()) if part]
    factor = 1.0
    if parts[:1] == ["half"]:
        factor, parts = 0.5, parts[1:]
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
        if part in SMALL_NUMBERS and (last in ("start", "hundred", "scale", "and")
                                      or (last == "tens" and 0 < SMALL_NUMBERS[part] < 10)):
            group, last = group + SMALL_NUMBERS[part], "small"
        elif part in TENS and last in ("start", "hundred", "scale", "and"):
            group, last = group + TENS[part], "tens"
        elif part == "hundred" and last in ("small", "tens") and group < 100:
            group, last = group * 100, "hundred"
        elif part == "dozen" and last in ("small", "tens"):
            group, last = group * 12, "dozen"
        elif part in SCALE_WORDS and last in ("small", "tens", "hundred", "dozen", "fraction") \
                and SCALE_WORDS[part] < largest:
            largest = SCALE_WORDS[part]
            total, group, last = total + group * largest, 0.0, "scale"
        elif part == "and" and parts[n + 1:n + 2] in (["a"], ["an"]) and parts[n + 2:n + 3] \
                and parts[n + 2] in FRACTIONS and last in ("small", "tens", "hundred", "scale"):
            # "two and a half" adds to the group; "a million and a half" adds half a million.
            fraction = FRACTIONS[parts[n + 2]]
            if last == "scale":
                total += fraction * largest
            else:
                group += fraction
            n, last = n + 3, "fraction"
            continue
        elif part == "and" and last in ("hundred", "scale") and parts[n + 1:n + 2] \
                and (parts[n + 1] in SMALL_NUMBERS or parts[n + 1] in TENS):
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
    elif token is not None and token.text in DOLLAR_PREFIXES and following is not None \
            and following.text == "$" and following.glued:
        currency, k = DOLLAR_PREFIXES[token.text], k + 2
    elif token is not None and token.text in CURRENCY_CODES and following is not None and following.kind == "num":
        currency, k = token.text, k + 1
    amount = match_amount(tokens, k)
    if amount is None or currency is None:
        return amount
    return replace(amount, currency=currency)


def match_amount(tokens: list[Token], k: int) -> Amount | None:
    if non_figure_end(tokens, k) is not None:
        return None
    return match_vague(tokens, k) or match_digits(tokens, k) or match_number_words(tokens, k)


def match_digits(tokens: list[Token], k: int) -> Amount | None:
    token = token_at(tokens, k)
    if token is None or token.kind != "num":
        return None
    scale, end = match_scale(tokens, k + 1)
    return Amount(float(Decimal(token.text.replace(",", "")) * scale), end, scale)


def match_scale(tokens: list[Token], k: int) -> tuple[int, int]:
    """The multiplier written after digits: '12.9bn', '2.5 million', '$5-million'; (1, k) if none."""
    token, following = token_at(tokens, k), token_at(tokens, k + 1)
    if token is None or token.kind == "num":
        return 1, k
    if token.kind == "word" and token.glued and token.low in SCALE_SUFFIXES:
        return SCALE_SUFFIXES[token.low], k + 1
    if token.kind == "word" and not token.glued and token.low in SPACED_SCALE_WORDS:
        return SPACED_SCALE_WORDS[token.low], k + 1
    if token.text in DASHES and token.glued and following is not None and following.glued \
            and following.low in SCALE_WORDS:
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
        if value is not None:
            return Amount(value, stop, SCALE_WORDS.get(last.low, 1), in_words=True,
                          bare_one=stop - k == 1 and last.low == "one")
    return None


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
        elif token is not None and token.text in DASHES and token.glued and following is not None \
                and following.glued and following.low in NUMBER_WORDS:
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
        product, end = vague_chain(tokens, k, VAGUE_BASES, joined_by_of=True)
        if token.low in VAGUE_NEEDS_OF and not is_word(token_at(tokens, end), "of"):
            return None
        return vague_amount(product, end)
    opener = VAGUE_OPENERS.match(tokens, k)
    if opener is None or not is_word(token_at(tokens, opener[1]), *VAGUE_SINGULAR_BASES):
        return None
    product, end = vague_chain(tokens, opener[1], VAGUE_SINGULAR_BASES, joined_by_of=False)
    return vague_amount(product, end)


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


# --- Numbers that are not figures ----------------------------------------------------------

def non_figure_end(tokens: list[Token], i: int) -> int | None:
    """Index to resume after, if the number at i is a date, time, score, code or name; else None."""
    token = token_at(tokens, i)
    if token is None:
        return None
    if token.kind == "word":
        return i + 1 if is_name_number_word(tokens, i) else None
    if token.kind != "num":
        return None
    phone_end = phone_number_end(tokens, i)
    if phone_end is not None:
        return max(phone_end, i + 1)
    end = numeric_chain_end(tokens, i)
    checks = (has_identifier_prefix, is_code_chain, has_non_figure_suffix, is_day_of_month, is_year,
              is_label_number, is_implausible_digits)
    return end if any(check(tokens, i, end) for check in checks) else None


def is_name_number_word(tokens: list[Token], i: int) -> bool:
    """A capitalised number word after another word is part of a name: 'the Big Three', 'Formula One'."""
    token = tokens[i]
    if not (token.text[:1].isupper() and (token.low in SMALL_NUMBERS or token.low in TENS
                                          or token.low in VAGUE_BASES)):
        return False
    previous = token_at(tokens, i - 1)
    return previous is not None and previous.kind == "word"


def numeric_chain_end(tokens: list[Token], i: int) -> int:
    """Index after digits joined by glued ':', '/', '.', or dashes: '10:30', '1/25/2022', '5-10'."""
    end = i + 1
    while True:
        separator, following = token_at(tokens, end), token_at(tokens, end + 1)
        if separator is None or following is None or separator.text not in {":", "/", ".", *DASHES} \
                or not separator.glued or following.kind != "num" or not following.glued:
            return end
        end += 2


def phone_number_end(tokens: list[Token], i: int) -> int | None:
    """Index after a phone number starting at i ('+44 20 7946 0958', '(555) 123-4567', '555 123 4567')."""
    token, previous = tokens[i], token_at(tokens, i - 1)
    closing, after = token_at(tokens, i + 1), token_at(tokens, i + 2)
    if previous is not None and previous.text == "+" and token.glued:
        return digit_groups_end(tokens, i)
    if previous is not None and previous.text == "(" and token.glued and closing is not None \
            and closing.text == ")" and closing.glued and after is not None and after.kind == "num":
        return numeric_chain_end(tokens, i + 2)
    end = digit_groups_end(tokens, i)
    return end if end - i >= 3 else None


def digit_groups_end(tokens: list[Token], i: int) -> int:
    """Index after the run of plain digit groups separated by spaces, starting at i."""
    end = i
    while True:
        token = token_at(tokens, end)
        if token is None or not token.text.isdigit() or (end > i and token.glued):
            return end
        end += 1


def has_identifier_prefix(tokens: list[Token], i: int, end: int) -> bool:
    """'MH17', 'F-16', 'COVID-19', '#1', '+44', "'90s", '-5': an id or a signed number."""
    previous = token_at(tokens, i - 1)
    if previous is None or not tokens[i].glued:
        return False
    if previous.kind == "word":
        return True
    if previous.text in DASHES:
        return not is_range_dash(tokens, i - 1)
    return previous.text in IDENTIFIER_PREFIXES


def is_range_dash(tokens: list[Token], d: int) -> bool:
    """A dash glued after a number ('5-', '5m-', '5%-') joins a range; one after a word makes a name."""
    before = token_at(tokens, d - 1)
    if before is None or not tokens[d].glued:
        return False
    if before.kind == "num" or before.text == "%":
        return True
    ahead_of_before = token_at(tokens, d - 2)
    return before.kind == "word" and before.glued and ahead_of_before is not None and ahead_of_before.kind == "num"


def is_code_chain(tokens: list[Token], i: int, end: int) -> bool:
    """Times, dates, versions and phone numbers, or a dash between numbers that is not a range."""
    groups, separators = tokens[i:end:2], tokens[i + 1:end:2]
    if len(groups) == 1:
        return False
    if len(groups) > 2 or separators[0].text not in DASHES:
        return True
    return not is_plausible_dash_range(tokens, i, end)


def is_plausible_dash_range(tokens: list[Token], i: int, end: int) -> bool:
    low, high = tokens[i], tokens[end - 1]
    if any(is_bare_long_digits(t) or has_leading_zero(t) for t in (low, high)):
        return False  # "2020-2022", "555-1234", "07-12"
    if number_value(low) >= number_value(high):
        return False  # scores are written winner first: "won 3-1"
    return not (is_word(token_at(tokens, i - 1), *SCORE_WORDS_BEFORE)
                or is_word(token_at(tokens, end), *SCORE_WORDS_AFTER))


def number_value(token: Token) -> Decimal:
    return Decimal(token.text.replace(",", ""))


def is_bare_long_digits(token: Token) -> bool:
    return token.text.isdigit() and len(token.text) >= 4


def has_leading_zero(token: Token) -> bool:
    return len(token.text) > 1 and token.text[0] == "0" and token.text[1] != "."


def has_non_figure_suffix(tokens: list[Token], i: int, end: int) -> bool:
    """'21st', '1990s', '3pm', '5G', '3 p.m.', "10 o'clock", '1500 GMT'."""
    following = token_at(tokens, end)
    if following is None or following.kind != "word":
        return False
    if following.glued and following.low not in GLUED_SUFFIXES:
        return True
    return is_time_suffix(tokens, end)


def is_time_suffix(tokens: list[Token], k: int) -> bool:
    token = tokens[k]
    if token.low in ("am", "pm", "o'clock", "o’clock") or token.text in TIME_ZONES:
        return True
    dot, m = token_at(tokens, k + 1), token_at(tokens, k + 2)
    return token.low in ("a", "p") and dot is not None and dot.text == "." and dot.glued \
        and is_word(m, "m") and m.glued


def is_day_of_month(tokens: list[Token], i: int, end: int) -> bool:
    """'January 25', 'Jan. 25', '25 January'."""
    token = tokens[i]
    if not token.text.isdigit() or not 1 <= int(token.text) <= 31:
        return False
    previous = token_at(tokens, i - 1)
    if previous is not None and previous.text == "." and previous.glued:
        previous = token_at(tokens, i - 2)  # "Jan. 25"
    return is_month(previous) or is_month(token_at(tokens, end))


def is_month(token: Token | None) -> bool:
    # Capitalised only: "may" and "march" are also verbs.
    return is_capitalised(token) and token.low in MONTHS


def is_year(tokens: list[Token], i: int, end: int) -> bool:
    """Four plain digits from 1800 to 2100, unless money, a percentage or a measure says otherwise."""
    token = tokens[i]
    if not (is_bare_long_digits(token) and len(token.text) == 4 and 1800 <= int(token.text) <= 2100):
        return False
    previous, following = token_at(tokens, i - 1), token_at(tokens, end)
    if previous is not None and previous.text in CURRENCY_SYMBOLS:
        return False
    return following is None or not (following.text == "%" or following.low in SPACED_SCALE_WORDS
                                     or following.low in UNIT_PHRASES.first_words)


def is_label_number(tokens: list[Token], i: int, end: int) -> bool:
    """'Article 5', 'Section 230', 'Boeing 737', 'No. 10': a plain number naming something."""
    if not tokens[i].text.isdigit():
        return False
    previous = token_at(tokens, i - 1)
    if previous is not None and previous.text == "." and previous.glued:
        return is_word(token_at(tokens, i - 2), "no", "nos", "nr")
    if previous is None or previous.kind != "word":
        return False
    if previous.low in LABEL_WORDS:
        return True
    # A name before a plain number labels it, but a possessive owns it ("Russia's 100 tanks").
    return is_capitalised(previous) and previous.low not in COMMON_WORDS and "'" not in previous.text \
        and "’" not in previous.text


def is_implausible_digits(tokens: list[Token], i: int, end: int) -> bool:
    """Account numbers and codes: more than 15 digits, or a leading zero."""
    token = tokens[i]
    return sum(ch.isdigit() for ch in token.text) > 15 or has_leading_zero(token)


# --- Quantities: amounts with their range and unit ----------------------------------------

@dataclass(frozen=True, slots=True)
class Quantity:
    """An amount or a range, with its unit; end is the token index after it."""

    value: float | None
    low: float | None
    high: float | None
    unit: Unit | None
    currency: str | None
    end: int
    vague: bool
    is_range: bool
    in_words: bool
    bare_one: bool


def match_quantity(tokens: list[Token], k: int) -> Quantity | None:
    """An amount or a range of two, with its unit, starting at k (after any qualifier)."""
    intro = range_intro(tokens, k)
    first = match_priced_amount(tokens, k + 1 if intro else k)
    if first is None:
        return None
    first_unit, end = match_unit(tokens, first.end, first)
    second = None if follows_change_from(tokens, k) else match_range_end(tokens, end, first, intro)
    low = inherit_scale(first, second) if second is not None else None
    second_unit, second_end = match_unit(tokens, second.end, second) if second is not None else (None, end)
    if second is not None and not same_kind(first_unit, first.currency, second_unit, second.currency):
        second = None  # "rose 3% to $6.12" is two figures, not a range
    if second is not None and low < second.value:
        unit, end = second_unit, second_end
        quantity = Quantity(None, low, second.value, unit or first_unit, first.currency or second.currency, end,
                            vague=False, is_range=True, in_words=first.in_words and second.in_words,
                            bare_one=False)
    elif intro is None:
        low = first.value if first.high is not None else None
        quantity = Quantity(first.value, low, first.high, first_unit, first.currency, end,
                            vague=first.high is not None, is_range=False, in_words=first.in_words,
                            bare_one=first.bare_one)
    else:
        return None  # "between" or "from" promised a range that is not there
    return None if is_age_or_compound(tokens, quantity.end, quantity.unit) else quantity


def same_kind(first_unit: Unit | None, first_currency: str | None, second_unit: Unit | None,
              second_currency: str | None) -> bool:
    """The two ends of a range measure the same thing: a unit or currency written on one end only
    is shared ('5 to 10 days', '$1 and $2 billion'); written on both, the kinds must agree."""
    first_kind = "money" if first_currency else first_unit.kind if first_unit else None
    second_kind = "money" if second_currency else second_unit.kind if second_unit else None
    return first_kind is None or second_kind is None or first_kind == second_kind


def range_intro(tokens: list[Token], k: int) -> str | None:
    """'between' or 'from' opening a range."""
    token = token_at(tokens, k)
    if is_word(token, "between"):
        return "between"
    if is_word(token, "from") and not follows_change_from(tokens, k + 1):
        return "from"
    return None


def follows_change_from(tokens: list[Token], k: int) -> bool:
    """Amount at k comes after 'rose from', 'cut from': '5% to 7%' is then a before and after, not a range."""
    before, verb = token_at(tokens, k - 1), token_at(tokens, k - 2)
    return is_word(before, "from") and verb is not None and verb.low.startswith(CHANGE_VERB_STEMS)


def match_range_end(tokens: list[Token], k: int, first: Amount, intro: str | None) -> Amount | None:
    """The second amount of 'one to two', '5-10', 'two or three', 'between 5 and 10'."""
    connector, following = token_at(tokens, k), token_at(tokens, k + 1)
    if connector is None or following is None or first.high is not None:
        return None
    if intro == "between":
        joins = is_word(connector, "and")
    elif intro == "from":
        joins = is_word(connector, "to")
    elif connector.text in DASHES:
        joins = connector.glued and following.glued
    else:
        joins = is_word(connector, "to", "or") and not connector.glued
    if not joins:
        return None
    second = match_priced_amount(tokens, k + 1)
    return second if second is not None and second.high is None else None


def inherit_scale(first: Amount, second: Amount) -> float:
    """'between 1 and 2 million' means 1 million: the low end takes the high end's scale."""
    if first.scale == 1 and second.scale > 1:
        scaled = float(Decimal(repr(first.value)) * second.scale)
        if scaled < second.value:
            return scaled
    return first.value


def match_unit(tokens: list[Token], k: int, amount: Amount) -> tuple[Unit | None, int]:
    """Percent sign, currency word or unit after an amount ('%', 'dollars', 'years', '-year', 'of miles')."""
    token, following = token_at(tokens, k), token_at(tokens, k + 1)
    if token is None:
        return None, k
    if token.text == "%":
        return PERCENT, k + 1
    if token.text == "°" and token.glued:
        scale_letter = following is not None and following.glued and following.text in ("C", "F")
        return (Unit(f"°{following.text}", "measure"), k + 2) if scale_letter else (Unit("degree", "measure"), k + 1)
    if token.text in DASHES and token.glued and following is not None and following.glued:
        found = UNIT_PHRASES.match(tokens, k + 1)  # "a five-year plan"
    elif amount.high is not None and is_word(token, "of"):
        found = UNIT_PHRASES.match(tokens, k + 1)  # "hundreds of miles"
        found = None if found is not None and found[0] == PERCENT else found
    else:
        found = UNIT_PHRASES.match(tokens, k)
    if found is None:
        return None, k
    unit, end = found
    if unit.name == "lb" and tokens[end - 1].low.startswith("pound") and amount.scale > 1:
        unit = Unit("GBP", "money")  # "5 million pounds" is money; "5 pounds" of flour is weight
    return unit, end


def is_age_or_compound(tokens: list[Token], k: int, unit: Unit | None) -> bool:
    """'a 20-year-old', '20 years old' (ages), 'three-time', 'two-thirds', 'one-off' (not quantities)."""
    token, following = token_at(tokens, k), token_at(tokens, k + 1)
    if unit is not None and unit.name == "year":
        if is_word(token, "old") or (token is not None and token.text in DASHES and is_word(following, "old")):
            return True
    return unit is None and token is not None and token.text in DASHES and token.glued \
        and following is not None and following.kind == "word" and following.glued


# --- Objects: what a count counts ----------------------------------------------------------

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


PARTITIVE_DETERMINERS = frozenset("the these those its their his her our".split())


def is_partitive(tokens: list[Token], k: int, quantity: Quantity) -> bool:
    """'32 of the aircraft', 'two of its ships': a part of a group; not 'one of the ...' (a pronoun)."""
    return quantity.value is not None and quantity.value > 1 and quantity.unit is None \
        and is_word(token_at(tokens, k), "of") and is_word(token_at(tokens, k + 1), *PARTITIVE_DETERMINERS)


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
        if dash is None or following is None or dash.text not in DASHES or not dash.glued \
                or following.kind not in ("word", "num") or not following.glued:
            return k
        k += 2


def trim_to_head(tokens: list[Token], words: list[tuple[int, int]], singular: bool) -> list[tuple[int, int]]:
    """End the phrase at its head noun. Counts other than one end at their last plural ('US officials
    familiar' -> 'US officials'); with no plural the words are a verb, not a head ('the two met').
    A count of one ends before a participle or adverb ('soldier killed' -> 'soldier')."""
    lasts = [tokens[last].low for _, last in words]
    if not singular:
        plurals = [n for n, word in enumerate(lasts) if looks_plural(word)]
        return words[:plurals[-1] + 1] if plurals else []
    for n in range(1, len(words)):
        if len(lasts[n]) > 4 and lasts[n].endswith(("ed", "ing", "ly")):
            return words[:n]
    return words


def looks_plural(word: str) -> bool:
    return word in IRREGULAR_PLURALS or (len(word) > 2 and word.endswith("s")
                                         and not word.endswith(("ss", "us", "is", "'s", "’s")))


# --- Figures -------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class FigureMatch:
    start: int  # first token
    end: int  # index after the last token
    quantity: Quantity
    qualifier: str | None
    hedged: bool
    kind: str
    unit: str | None
    object_span: tuple[int, int] | None


def match_figure(tokens: list[Token], i: int, options: FigureOptions) -> FigureMatch | None:
    qualifier, hedged, k = None, False, i
    found = QUALIFIERS.match(tokens, i)
    if found is not None:
        (qualifier, hedged), k = found
    quantity = match_quantity(tokens, k)
    if quantity is None:
        return None
    kind, unit = kind_and_unit(quantity)
    if qualifier == "over" and kind == "duration":
        return None  # "cut 11,000 jobs over three years": a span of time, not a bound; the number follows
    object_span = match_object(tokens, quantity.end, quantity, options.max_object_words) if kind == "count" else None
    if kind == "count" and object_span is None and names_a_model(tokens, quantity):
        return None
    if not is_worth_a_row(quantity, kind, object_span, qualifier):
        return None
    end = object_span[1] + 1 if object_span else quantity.end
    return FigureMatch(i, end, quantity, qualifier, hedged, kind, unit, object_span)


def names_a_model(tokens: list[Token], quantity: Quantity) -> bool:
    """'the 737 MAX', '500 SL': digits before a capitalised code that counts nothing are a name."""
    following = token_at(tokens, quantity.end)
    return not quantity.in_words and not quantity.is_range and not quantity.vague and following is not None \
        and following.kind == "word" and len(following.text) >= 2 and following.text.isupper() \
        and following.low not in COMMON_WORDS


def kind_and_unit(quantity: Quantity) -> tuple[str, str | None]:
    if quantity.unit is not None and quantity.unit.kind in ("percent", "money"):
        return quantity.unit.kind, quantity.unit.name
    if quantity.currency is not None:
        return "money", quantity.currency
    if quantity.unit is not None:
        return quantity.unit.kind, quantity.unit.name
    return "count", None


def is_worth_a_row(quantity: Quantity, kind: str, object_span: tuple[int, int] | None,
                   qualifier: str | None) -> bool:
    """Drop the pronoun 'one' ('as one official said') and number words counting nothing ('the two met')
    unless a qualifier or range makes them a figure. Digits and vague multiples with no object stay
    ('30 in all', 'thousands fled'): a writer chose to print them."""
    if kind != "count" or qualifier is not None or quantity.is_range:
        return True
    return not quantity.bare_one and (object_span is not None or not quantity.in_words)


def find_figures(text: str, article_id: str, options: FigureOptions = FigureOptions()) -> list[Figure]:
    """Every figure in text, in text order and not overlapping."""
    tokens = tokenize(text)
    sentences = Sentences(text)
    figures: list[Figure] = []
    i = 0
    while i < len(tokens):
        skip_to = non_figure_end(tokens, i)
        if skip_to is not None:
            i = skip_to
            continue
        match = match_figure(tokens, i, options) if can_open_figure(tokens[i]) else None
        if match is None:
            i += 1
            continue
        figures.append(build_figure(text, article_id, tokens, match, sentences))
        i = match.end
    return figures


def build_figure(text: str, article_id: str, tokens: list[Token], match: FigureMatch,
                 sentences: Sentences) -> Figure:
    char_start, char_end = tokens[match.start].start, tokens[match.end - 1].end
    quantity = match.quantity
    object_text = None
    if match.object_span is not None:
        object_text = text[tokens[match.object_span[0]].start:tokens[match.object_span[1]].end]
    return Figure(
        article_id=article_id,
        figure_id=figure_id_for(article_id, char_start, char_end),
        surface=text[char_start:char_end],
        value=quantity.value,
        value_low=quantity.low,
        value_high=quantity.high,
        approximate=match.hedged or quantity.vague,
        qualifier=match.qualifier,
        unit=match.unit,
        object=object_text,
        kind=match.kind,
        char_start=char_start,
        char_end=char_end,
        sentence=sentences.containing(char_start),
    )


class Sentences:
    """The text split once into sentences, so each figure looks its sentence up by offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts, self.ends = [0], []
        for match in _SENTENCE_BREAK.finditer(text):
            self.ends.append(match.end("end") if match.group("end") is not None else match.start())
            self.starts.append(match.end())
        self.ends.append(len(text))

    def containing(self, char: int) -> str:
        index = max(bisect_right(self.starts, char) - 1, 0)
        return self.text[self.starts[index]:self.ends[index]].strip()
