"""Numbers that name a time, a format or a term, not an amount (issue 12, round 24, figures44).

Each rule reads the tokens around one number (or, for a formula and a display format, the whole text) and says
what the number is instead: a year before 1800 ('In 1781,', 'from around 1490', 'between 1400 and 1700'), a day of
the month split from its month ('Nov, 29, 2016', 'On 7 and 11 April'), a term of a formula ('10^5 * 300 ='), a
display resolution ('native 4K', beside '1080p'), an age ('by 11 months of age', 'Kaiarahi (10 months)', 'dating
more than a century'), a title ('For Keeps: 30 Years at the Movies, the critic'), a factor ('multiplied by 10'), a
text message's short number ('text them to 61124'), a story's age stamp before its date ('Updated 84 minutes ago
4/15/2011'), a gauge ('a 3.5mm headphone jack'), a class of size ('a billion-dollar deal'), 'one day' telling a
story ('And then one day it did'), the idiom 'a one-two punch' and an hour after a part of a day ('Saturday night at
8', round 26)."""

from __future__ import annotations

import re

from transforms.figures.tokens import Token, is_capitalised, is_word, looks_plural, token_at
from transforms.figures.vocabulary import DASHES, DURATION_PREPOSITIONS, MONTHS, OBJECT_STOPS, SMALL_NUMBERS

# Years before 1800 are not read as years by `is_year` (a round '1500 troops' is a count); with a preposition of
# time before them ('in 1533', 'from around 1490') or as one end of a range of years, they are.
EARLIEST_YEAR = 1000
YEAR_PREPOSITIONS = frozenset("in from since until till by before after during circa between".split())
# Words of rough time that may stand between the preposition and the year: 'from around 1490'.
ROUGHLY = frozenset("around about circa c approximately roughly".split())
# Dashes that join a range of years, with the figure dash of '1300 ‒1350'.
YEAR_DASHES = DASHES | frozenset({"‒", "—"})
# A range of years spans at most this: '1300‒1350', 'between 1400 and 1700'.
YEAR_RANGE_SPAN = 300
# Operators of a formula as programmers and scientists write one: '10^5 * 300 = 30,000,000', '2^15 - 1'.
FORMULA_POWERS = frozenset({"^", "*"})
FORMULA_OPERATORS = FORMULA_POWERS | frozenset({"+", "-", "−", "/", "="})
# A digit glued to a capital K, the shape of '4K'.
DIGIT_K = re.compile(r"[0-9]K")
# Resolutions named by their lines ('1080p', '720p'), which say that a text is about display formats.
# A resolution's number before its K: one digit, or one decimal place as cameras give it ('6.2K/30p', round 32,
# figures57; would fire on camera, drone and monitor reviews: '5.3K video', '2.5K monitor').
RESOLUTION_NUMBER = re.compile(r"\d(?:\.\d)?")
LINE_RESOLUTIONS = frozenset({"480", "576", "720", "1080", "1440", "2160", "4320"})
# Things made to a standard size in millimetres: a connector, a socket, film.
GAUGE_NOUNS = frozenset("jack jacks plug plugs socket sockets connector connectors film films".split())
# Scale words that, dashed onto 'dollar' after an article, name a class of size: 'a billion-dollar deal'.
SCALE_WORDS = frozenset({"million", "billion", "trillion"})
# Words that open a shape of this module: 'one day', 'a one-two', 'a billion-dollar', 'by 10', 'around 1490',
# 'between 1400 and 1700', 'Three Years in ...'.
WORD_OPENERS = frozenset(SMALL_NUMBERS) | frozenset({"a", "an", "by", "between"}) | ROUGHLY
# Spans of time that, capitalised after a number inside a sentence, open a title: '30 Years at the Movies'.
TITLE_SPAN_UNITS = frozenset("days weeks months years decades hours minutes nights".split())
# Small words that go on with a title after its span: '365 Days of Astronomy', '30 Years at the Movies'.
TITLE_LINKS = frozenset("of at in on with to from".split())
SENTENCE_ENDS = frozenset({".", "!", "?", "…", '"', "”", "’", ")"})
# Duration units that give an age when 'of age' follows or a bracket closes after them.
AGE_UNITS = frozenset("day days week weeks month months year years".split())
# Units of a story's age stamp: 'Updated 84 minutes ago'.
STAMP_UNITS = frozenset("minute minutes hour hours day days".split())
# Parts of a day and days that 'at N' after them gives the hour of: 'Saturday night at 8', 'tonight at 9'.
DAY_PARTS = frozenset(
    "night tonight morning evening afternoon tomorrow today monday tuesday wednesday thursday friday saturday "
    "sunday".split()
)
# Verbs of multiplying: the number after 'multiplied by' is a factor, no count.
MULTIPLY_VERBS = frozenset("multiplied multiply multiplies multiplying divided divide divides dividing".split())
# Verbs that send a text message to a short number: 'text them to 61124', 'text HELP to 80088'.
TEXT_VERBS = frozenset({"text", "texting", "sms", "txt"})
# Words that open a clause after 'one day' told in a story: 'And then one day it did something'.
CLAUSE_OPENERS = frozenset("i he she we they you it this that there the a an his her their my our".split())
# Story connectors before 'one day': 'and then one day', 'until one day', 'but one day'.
STORY_CONNECTORS = frozenset({"then", "until", "till", "but", "when"})
# Words after 'one-night' that make it a single occasion, no night's span: 'a one-night stand', 'one-night-only'.
ONE_NIGHT_OCCASIONS = frozenset("stand stands only".split())


def not_amount_end(tokens: list[Token], i: int) -> int | None:
    """Index to resume after, if the number at i is a year, a day of a month, an age, a factor, a short
    number, a stamp or an idiom by the rules of this module; else None. Each rule is asked only when the
    token itself or the one after it can start its shape: most openers are turned away at once."""
    token = tokens[i]
    if token.kind == "word":
        return word_not_amount_end(tokens, i) if token.low in WORD_OPENERS else None
    if token.kind != "num":
        return None
    following, previous = token_at(tokens, i + 1), token_at(tokens, i - 1)
    after = following.low if following is not None else ""
    before = previous.low if previous is not None else ""
    if token.text.isdecimal():
        digits = len(token.text)
        if digits == 4 and is_early_year(tokens, i):
            return i + 1
        if digits <= 2 and (is_split_day(tokens, i) or is_first_of_day_pair(tokens, i)):
            return i + 1
        if (before == "by" and is_factor(tokens, i)) or (before == "to" and is_text_short_number(tokens, i)):
            return i + 1
        if before == "at" and is_clock_after_day_part(tokens, i):
            return i + 1
    if after in AGE_UNITS or after in STAMP_UNITS:
        age = age_of_end(tokens, i) or bracketed_age_end(tokens, i) or stamp_before_date_end(tokens, i)
        if age is not None:
            return age
    if after in ("mm", "×", "x"):
        return gauge_end(tokens, i)
    return titled_span_end(tokens, i) if is_capitalised(following) else None


def word_not_amount_end(tokens: list[Token], i: int) -> int | None:
    low = tokens[i].low
    if is_story_one_day(tokens, i):
        return i + 2
    if is_one_two_idiom(tokens, i):
        return i + 3
    some_night = some_night_end(tokens, i)
    if some_night is not None:
        return some_night
    if is_size_class(tokens, i):
        return i + 4
    if low == "by" and is_factor(tokens, i + 1):
        return i + 2  # "have multiplied by 12 since 2020"
    if low in SMALL_NUMBERS and titled_span_end(tokens, i) is not None:
        return i + 2  # "his memoir Three Years in the Wilderness, which"
    if low in ROUGHLY and i + 1 < len(tokens) and is_early_year(tokens, i + 1):
        return i + 2  # "dates from around 1490"
    return years_between_end(tokens, i)


def not_amount_tokens(tokens: list[Token], text: str) -> set[int]:
    """Indexes of number tokens that the whole text shows to be no amount: a formula's terms and display
    resolutions. A figure found over one of them is dropped. The text is searched first, so that most texts
    (no power or product sign, no digit before a capital K) cost no walk over their tokens."""
    found = formula_terms(tokens) if "^" in text or "*" in text else set()
    return found | display_resolutions(tokens) if DIGIT_K.search(text) else found


def four_digits(token: Token | None) -> int | None:
    """The value of four plain digits ('1781'), else None."""
    if token is None or token.kind != "num" or not token.text.isdecimal() or len(token.text) != 4:
        return None
    return int(token.text)


def is_years_span(low: int | None, high: int | None) -> bool:
    """Two years, the later after and not too far: '1300 ‒1350', 'between 1400 and 1700'."""
    if low is None or high is None:
        return False
    return low >= EARLIEST_YEAR and 0 < high - low <= YEAR_RANGE_SPAN and high <= 2100


def after_month(tokens: list[Token], i: int) -> bool:
    """'the date of August 1619': a capitalised month right before the number dates it (round 28)."""
    month = token_at(tokens, i - 1)
    return is_capitalised(month) and month.low in MONTHS


def is_early_year(tokens: list[Token], i: int) -> bool:
    """'In 1781, when', 'Pizarro executed the king in 1533,', 'dates from around 1490', 'Turner in 1775,
    Constable in 1776', 'Painting, 1300 ‒1350 at', 'August 1619': four plain digits from 1000 to 1799 after a
    preposition of time (a word of rough time may stand between) or a month, or at one end of a dashed range of
    such years, are a year, unless a lowercase noun follows that they count ('in 1500 cases', '1200-1400
    soldiers')."""
    year = four_digits(tokens[i])
    if year is None or not EARLIEST_YEAR <= year < 1800:
        return False
    end = i + 1
    if years_range_with(tokens, i, i + 2):
        end = i + 3
    elif not (years_range_with(tokens, i - 2, i) or after_time_preposition(tokens, i) or after_month(tokens, i)):
        return False
    following = token_at(tokens, end)
    return not (
        following is not None
        and following.kind == "word"
        and following.text.islower()
        and following.low not in OBJECT_STOPS
        and following.low not in ("and", "or", "when", "the", "a", "an")
    )


def years_between_end(tokens: list[Token], i: int) -> int | None:
    """'invented in the years between 1400 and 1700,': 'between' two years before 1800, the later after, with
    no noun after them that they count."""
    first, joiner, second = (token_at(tokens, i + d) for d in (1, 2, 3))
    if tokens[i].low != "between" or not is_word(joiner, "and") or not is_early_year(tokens, i + 1):
        return None
    if not is_years_span(four_digits(first), four_digits(second)):
        return None
    following = token_at(tokens, i + 4)
    if following is not None and following.kind == "word" and following.text.islower():
        return None if following.low not in OBJECT_STOPS else i + 4  # "between 1200 and 1400 soldiers"
    return i + 4


def after_time_preposition(tokens: list[Token], i: int) -> bool:
    previous = token_at(tokens, i - 1)
    if is_word(previous, *ROUGHLY):
        previous = token_at(tokens, i - 2)
    return is_word(previous, *YEAR_PREPOSITIONS)


def years_range_with(tokens: list[Token], first: int, second: int) -> bool:
    """Tokens first and second are years joined by a dash, the later after: '1300 ‒1350', '1775-1776'."""
    dash = token_at(tokens, first + 1)
    if first < 0 or second != first + 2 or dash is None or dash.text not in YEAR_DASHES:
        return False
    return is_years_span(four_digits(token_at(tokens, first)), four_digits(token_at(tokens, second)))


def is_day_number(token: Token | None) -> bool:
    return token is not None and token.kind == "num" and token.text.isdecimal() and 1 <= int(token.text) <= 31


def is_split_day(tokens: list[Token], i: int) -> bool:
    """'dated Tuesday, Nov, 29, 2016', 'Oct. 9, 11, 1981': a day of the month between commas after its month (or
    another day of it) and before a year.
    'In November, 29 people died' has no year after it and stays a count."""
    if not is_day_number(tokens[i]):
        return False
    comma, month = token_at(tokens, i - 1), token_at(tokens, i - 2)
    if is_day_number(month) and month is not None and month.kind == "num":
        month = token_at(tokens, i - 3)  # "Oct. 9, 11, 1981": the second of two days of a month
        month = token_at(tokens, i - 4) if month is not None and month.text == "." and month.glued else month
    elif month is not None and month.text == "." and month.glued:
        month = token_at(tokens, i - 3)
    after_comma, year = token_at(tokens, i + 1), four_digits(token_at(tokens, i + 2))
    return (
        comma is not None
        and comma.text == ","
        and is_capitalised(month)
        and month.low in MONTHS
        and after_comma is not None
        and after_comma.text == ","
        and year is not None
        and 1800 <= year <= 2100
    )


def gauge_end(tokens: list[Token], i: int, reach: int = 2) -> int | None:
    """'a 3.5mm headphone jack', 'dreamy 16mm film stock', 'a 5.5×2.1mm DC jack': millimetres before a plug,
    socket or film, a word or two between, name a standard size of connector or film, no measure taken. 'a
    3.5mm rise in sea level' stays a measure."""
    k = i
    times, second = token_at(tokens, i + 1), token_at(tokens, i + 2)
    if times is not None and times.text in ("×", "x") and times.glued and second is not None and second.kind == "num":
        k = i + 2
    if not is_word(token_at(tokens, k + 1), "mm"):
        return None
    for d in range(reach + 1):
        word = token_at(tokens, k + 2 + d)
        if word is None or word.kind != "word":
            return None
        if word.low in GAUGE_NOUNS:
            return k + 2
    return None


def is_first_of_day_pair(tokens: list[Token], i: int) -> bool:
    """'On 7 and 11 April, severe aftershocks struck', '3-5 March': the first day of a pair or range whose
    second day a month follows (`is_day_of_month` reads the second)."""
    joiner, second, month = token_at(tokens, i + 1), token_at(tokens, i + 2), token_at(tokens, i + 3)
    if not is_day_number(tokens[i]) or not is_day_number(second):
        return False
    if not (is_word(joiner, "and", "or", "to") or (joiner is not None and joiner.text in DASHES)):
        return False
    return is_capitalised(month) and month.low in MONTHS and month.low not in ("may", "march")


def formula_terms(tokens: list[Token]) -> set[int]:
    """'a total of 10^5 * 300 = 30,000,000 lists', 'a payload of 2^15 - 1': numbers joined by operators, one
    of them a power or a product ('^', '*'), are the terms of a formula; the result after '=' stays a figure.
    'from 10-20' or '5 + 3' has no power or product and is left alone."""
    found: set[int] = set()
    if not any(token.text in FORMULA_POWERS for token in tokens):
        return found
    n = 0
    while n < len(tokens):
        if tokens[n].kind != "num":
            n += 1
            continue
        terms, operators = [n], []
        k = n
        while True:
            operator, term = token_at(tokens, k + 1), token_at(tokens, k + 2)
            if operator is None or operator.text not in FORMULA_OPERATORS or term is None or term.kind != "num":
                break
            operators.append(operator.text)
            terms.append(k + 2)
            k += 2
        if FORMULA_POWERS & set(operators):
            for term_index, operator_before in zip(terms, ["", *operators], strict=True):
                if operator_before == "=":
                    break
                found.add(term_index)
        n = k + 1
    return found


def display_resolutions(tokens: list[Token]) -> set[int]:
    """'runs natively in 4K at 30 FPS', 'between 1080p and 4K', 'Those 4K textures': a one-digit number with a
    glued capital K is a display resolution when no lowercase plural noun follows it, or anywhere in a text that
    names a resolution by its lines ('1080p'). News writes four thousand things '4,000' or '4k fans'."""
    marked = [
        n - 1
        for n, token in enumerate(tokens)
        if token.text == "K"
        and token.glued
        and n > 0
        and tokens[n - 1].kind == "num"
        and RESOLUTION_NUMBER.fullmatch(tokens[n - 1].text)
        and not is_currency_before(tokens, n - 1)
    ]
    if not marked:
        return set()
    about_formats = any(
        token.text in LINE_RESOLUTIONS and getattr(token_at(tokens, n + 1), "text", "") == "p" and tokens[n + 1].glued
        for n, token in enumerate(tokens)
    )
    return {n for n in marked if about_formats or not counts_noun_after(token_at(tokens, n + 2))}


def is_currency_before(tokens: list[Token], n: int) -> bool:
    """A sign before the number that may price it ('$4K'); not a bracket, quote or the comma or dash of a spec list
    ('45MP full-frame, 8K internal RAW video', round 32, figures57)."""
    previous = token_at(tokens, n - 1)
    return (
        previous is not None
        and previous.kind == "sym"
        and previous.text not in ("\n", "(", '"', "“", "'", ",", ";", ":", "/", "|", *DASHES)
    )


def counts_noun_after(token: Token | None) -> bool:
    return token is not None and token.kind == "word" and token.text.islower() and looks_plural(token.low)


def age_of_end(tokens: list[Token], i: int) -> int | None:
    """'eating peanut snacks by 11 months of age': a span of days to years before 'of age' is an age."""
    unit = token_at(tokens, i + 1)
    if is_word(unit, *AGE_UNITS) and is_word(token_at(tokens, i + 2), "of") and is_word(token_at(tokens, i + 3), "age"):
        return i + 4
    return None


def bracketed_age_end(tokens: list[Token], i: int) -> int | None:
    """'Buck Cullen with his daughter Kaiarahi (10 months) in his backyard': a span alone in brackets right after
    a capitalised name is that person's age."""
    opening, name = token_at(tokens, i - 1), token_at(tokens, i - 2)
    unit, closing = token_at(tokens, i + 1), token_at(tokens, i + 2)
    if opening is None or opening.text != "(" or not tokens[i].glued or not is_capitalised(name):
        return None
    if not is_word(unit, *AGE_UNITS) or closing is None or closing.text != ")":
        return None
    return i + 2


def is_factor(tokens: list[Token], i: int) -> bool:
    """'has multiplied by 10 in 2024': the number after a verb of multiplying and 'by' is a factor."""
    unit = token_at(tokens, i + 1)
    if i >= len(tokens) or tokens[i].kind != "num":
        return False
    if unit is not None and unit.kind == "word" and unit.text.islower() and looks_plural(unit.low):
        return False  # "divided by 10 teams" counts teams
    return is_word(token_at(tokens, i - 1), "by") and is_word(token_at(tokens, i - 2), *MULTIPLY_VERBS)


def is_text_short_number(tokens: list[Token], i: int) -> bool:
    """'text them to 61124 (UK)': five or six plain digits after 'to' that a verb of texting governs, within
    three words, are the number a message is sent to."""
    token = tokens[i]
    if not (token.text.isdecimal() and 4 <= len(token.text) <= 6) or not is_word(token_at(tokens, i - 1), "to"):
        return False
    return any(is_word(token_at(tokens, i - d), *TEXT_VERBS) for d in (2, 3, 4))


def stamp_before_date_end(tokens: list[Token], i: int) -> int | None:
    """'- Updated 84 minutes ago 4/15/2011 10:46:45 AM': a span 'ago' after a capitalised stamp word and
    before the date it stamps says when the story was posted, no span of anything."""
    stamp, unit, ago, date = (token_at(tokens, i + d) for d in (-1, 1, 2, 3))
    if not is_capitalised(stamp) or not is_word(unit, *STAMP_UNITS):
        return None
    if not is_word(ago, "ago") or date is None or date.kind != "num":
        return None
    slash = token_at(tokens, i + 4)
    return i + 3 if slash is not None and slash.text in ("/", "-", ".") and slash.glued else None


def is_story_one_day(tokens: list[Token], i: int) -> bool:
    """'And then one day it did something really strange': 'one day' after a story's connector ('then',
    'until', 'but') and before a clause's subject is some day, no span of a day."""
    if tokens[i].low != "one" or not is_word(token_at(tokens, i + 1), "day"):
        return False
    return is_word(token_at(tokens, i - 1), *STORY_CONNECTORS) and is_word(token_at(tokens, i + 2), *CLAUSE_OPENERS)


def some_night_end(tokens: list[Token], i: int) -> int | None:
    """'hold it one night', 'One night, the police came', 'a one-night stand': 'one night' says when, or
    names one occasion. It measures a night after a preposition of duration ('for one night', 'in one
    night') or dashed before what lasts it ('a one-night stay'); 'two nights' and '1 night' always do."""
    if tokens[i].low != "one":
        return None
    dash = token_at(tokens, i + 1)
    dashed = dash is not None and dash.text in DASHES and dash.glued
    night = i + 2 if dashed else i + 1
    if not is_word(token_at(tokens, night), "night"):
        return None
    if dashed:
        following = token_at(tokens, night + 1)
        if following is not None and following.text in DASHES and following.glued:
            following = token_at(tokens, night + 2)
        return night + 1 if is_word(following, *ONE_NIGHT_OCCASIONS) else None
    return None if is_word(token_at(tokens, i - 1), *DURATION_PREPOSITIONS) else night + 1


def is_one_two_idiom(tokens: list[Token], i: int) -> bool:
    """'a one-two punch': 'one-two' after an article names a blow or a finish in two steps, no count."""
    dash, two = token_at(tokens, i + 1), token_at(tokens, i + 2)
    return (
        tokens[i].low == "one"
        and dash is not None
        and dash.text in DASHES
        and dash.glued
        and is_word(two, "two")
        and two.glued
        and is_word(token_at(tokens, i - 1), "a", "an", "the")
    )


def titled_span_end(tokens: list[Token], i: int) -> int | None:
    """'her anthology For Keeps: 30 Years at the Movies, the legendary critic', 'on the 365 Days of Astronomy
    podcast.': inside a sentence of prose, a span whose unit is capitalised and goes on with a small word and
    a capitalised word is a title, no span of time. A heading in title case ('Man Jailed 10 Years for Fraud')
    is no sentence (it ends without a sentence's mark) and keeps its duration."""
    unit, link = token_at(tokens, i + 1), token_at(tokens, i + 2)
    if not is_capitalised(unit) or unit.low not in TITLE_SPAN_UNITS or unit.text.isupper() or unit.glued:
        return None
    if not is_word(link, *TITLE_LINKS) or not link.text.islower():
        return None
    name = token_at(tokens, i + 3)
    if is_word(name, "the", "a", "an"):
        name = token_at(tokens, i + 4)
    previous = token_at(tokens, i - 1)
    if not is_capitalised(name) or previous is None or previous.text == "\n":
        return None  # a title opening its line may be a heading
    return i + 2 if in_sentence_of_prose(tokens, i) else None


def in_sentence_of_prose(tokens: list[Token], i: int) -> bool:
    """The line holding token i ends with a sentence's mark and has more lowercase words than capitalised ones."""
    start = i
    while start > 0 and tokens[start - 1].text != "\n":
        start -= 1
    end = i
    while end < len(tokens) and tokens[end].text != "\n":
        end += 1
    words = [token for token in tokens[start:end] if token.kind == "word"]
    lower = sum(1 for token in words if token.text.islower())
    return end > start and tokens[end - 1].text in SENTENCE_ENDS and lower > len(words) - lower


def is_size_class(tokens: list[Token], i: int) -> bool:
    """'closing a billion-dollar acquisition deal': an article, a scale word and '-dollar' with no number say
    what class of size a thing is in (as 'a six-figure salary' does), no sum; '$1 billion deal' is one."""
    scale, dash, dollar = token_at(tokens, i + 1), token_at(tokens, i + 2), token_at(tokens, i + 3)
    return (
        tokens[i].low in ("a", "an")
        and is_word(scale, *SCALE_WORDS)
        and dash is not None
        and dash.text in DASHES
        and dash.glued
        and is_word(dollar, "dollar", "pound", "euro")
        and dollar.glued
    )


def is_age_of_thing(tokens: list[Token], start: int) -> bool:
    """'with some portions dating more than a century': a span right after 'dating' (or 'dating back') is how
    old something is, an age ('were dating for a year' is a span: a preposition stands between)."""
    previous = token_at(tokens, start - 1)
    if is_word(previous, "back"):
        previous = token_at(tokens, start - 2)
    return is_word(previous, "dating", "dates", "date")


def is_clock_after_day_part(tokens: list[Token], i: int) -> bool:
    """'watch my documentary Saturday night at 8 on HBO', 'tonight at 9.': a whole hour after a part of a day and
    'at' is a time of day, no count, when nothing counted follows ('Friday night at 8 venues' counts)."""
    hour = tokens[i].text
    if not hour.isdecimal() or not 1 <= int(hour) <= 12 or not is_word(token_at(tokens, i - 2), *DAY_PARTS):
        return False
    following = token_at(tokens, i + 1)
    return following is None or following.kind != "word" or following.low in OBJECT_STOPS
