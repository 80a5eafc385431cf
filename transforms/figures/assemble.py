"""Assembly: whole figures (qualifier, quantity, object) found left to right in a text, each with its
kind, unit and sentence, as `Figure` records; `find_figures` is the entry point."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from transforms.figures.body_measures import height_in_feet, height_pair_end, weight_noun_end
from transforms.figures.naming_numbers import naming_number_end, ordering_numbers
from transforms.figures.non_figures import (
    age_end,
    at_line_or_sentence_start,
    ends_bare_score,
    has_leading_zero,
    is_bare_pair,
    is_bowling_figures,
    is_glued_dash,
    is_one_day_format,
    is_parent_dashed_of,
    kind_named_with_of,
    leading_sign,
    non_figure_end,
    number_of,
    proportion_end,
    ratio_to_one_end,
    says_zero_alone,
)
from transforms.figures.not_amounts import is_age_of_thing, not_amount_end, not_amount_tokens
from transforms.figures.objects import (
    compound_end,
    count_level_subject,
    index_move_subject,
    is_change_verb,
    is_comparative,
    is_object_word,
    match_measured,
    match_object,
    noun_phrase_before,
    owner_named_before,
)
from transforms.figures.plus_and_pairs import pair_counts, plus_counts
from transforms.figures.quantities import Quantity, count_modifier_end, match_quantity
from transforms.figures.said_kinds import restated
from transforms.figures.tokens import (
    QUALIFIERS,
    UNIT_PHRASES,
    Token,
    can_open_figure,
    is_capitalised,
    is_word,
    looks_plural,
    read_letter_currencies,
    read_peso_signs,
    read_space_groups,
    read_won_words,
    speaks_of_temperature,
    token_at,
    tokenize,
)
from transforms.figures.vocabulary import (
    ADDING_WORDS,
    CERTAINTY_WORDS,
    COMMON_WORDS,
    COMPARISON_WORDS,
    COPULAS,
    COUNT_LEVEL_NOUNS,
    CRICKET_WORDS,
    DASHES,
    DIMENSION_WORDS,
    DOWN_ORDINALS,
    HOW_OFTEN_NOUNS,
    KIN_WORDS,
    MODAL_VERBS,
    OBJECT_STOPS,
    OWNER_DETERMINERS,
    PARENT_WORDS,
    PARTICLE_VERBS,
    PARTITIVE_DETERMINERS,
    PEOPLE_WORDS,
    PERCENT_CHANGE_NOUNS,
    RANK_LIST_NOUNS,
    RUPEE_COUNTRIES,
    SIZE_NOUNS,
    SMALL_NUMBERS,
    STATE_WORDS,
    TENS,
    TITLE_ENDINGS,
    TOLL_WORDS,
    VAGUE_BASES,
    Unit,
)
from transforms.ids import figure_id_for
from transforms.options import FigureOptions
from transforms.records import Figure

# A sentence ends at . ! ? (with closing quotes) before a space and a non-lowercase
# character, or at a line break.
# A break starts only where its run of end marks or of spaces starts (the lookbehinds): tried from
# inside a run, it would rescan the rest of the run at every character, quadratic on "!!!!…".
_SENTENCE_BREAK = re.compile(r"(?<![.!?])(?P<end>[.!?]+[\"'”’)\]]*)[ \t]+(?=[^a-z\s])|(?<![ \t])[ \t]*\n\s*")


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


def match_figure(
    tokens: list[Token],
    i: int,
    options: FigureOptions,
    previous: FigureMatch | None = None,
    amount_before: FigureMatch | None = None,
) -> FigureMatch | None:
    qualifier, hedged, k = None, False, i
    counted_end = 0
    shared_noun = False  # the object ends a list after the count: the surface stays the count's own words
    found = QUALIFIERS.match(tokens, i)
    if found is not None:
        (qualifier, hedged), k = found
    elif is_change_by(tokens, i):
        qualifier, k = "by", i + 1  # "fell by 12 to 340": 12 is the change
        while is_word(token_at(tokens, k), "a", "further", "another"):
            k += 1  # "by a further 1.16 million barrels"
    if k > i and ratio_to_one_end(tokens, k) is not None:
        return None  # "to over 25 to 1": a bound on a ratio
    quantity = match_quantity(tokens, k)
    if quantity is None or (k > i and (proportion_end(tokens, k) is not None or age_end(tokens, k) is not None)):
        return None  # "about 7 in 10 voters": a share said in words; "a lad, about 25,": an age
    kind, unit = kind_and_unit(quantity)
    if kind == "count" and is_zero_rate(tokens, k, quantity.end):
        kind, unit = "percent", "%"  # round 32 (figures56): "zero growth", "zero inflation": a rate of none
    if kind in ("count", "duration") and says_zero_alone(tokens, k, quantity.end):
        return None  # round 29 (lead): "near zero", "zero tolerance", "zero-hours contracts": no count of none
    if kind == "count" and not quantity.in_words:
        boxed = spec_box_unit(tokens, k)
        if boxed is not None:
            kind, unit = boxed.kind, boxed.name  # "Valve lift (in): 0.549 intake"
    if kind == "count" and quantity.currency is None and not quantity.in_words:
        listed = unit_listed_after(tokens, quantity.end)
        if listed is not None:
            kind, unit = listed.kind, listed.name  # "in the next 15, 20, 25 years": each a span of years
    if kind == "percent" and is_intensifier(tokens, k, quantity):
        return None  # "I'm 100% sure": completely, not a share
    if kind == "money" and is_word(token_at(tokens, quantity.end), "question", "questions"):
        return None  # "the $64,000 question": an idiom for the question that matters, no sum
    if kind == "money" and is_two_cents(tokens, k, quantity):
        return None  # "Page would offer his two cents": an opinion, no sum
    if is_digit_one_of(tokens, k, quantity):
        return None  # "1 of the highlights will include": "one of" them, a pick, not a count
    if qualifier == "over" and kind == "duration":
        return None  # "cut 11,000 jobs over three years": a span of time, not a bound; the number follows
    modifier_end = count_modifier_end(tokens, quantity.end) if kind == "count" and not quantity.is_range else None
    if modifier_end is not None:
        quantity = replace(quantity, end=modifier_end)  # "a 91-page dissent": the dissent, of 91 pages
        object_span = (
            counted_title(tokens, modifier_end, options.max_object_words)
            if is_word(tokens[modifier_end - 1], *HOW_OFTEN_NOUNS)
            else modified_noun(tokens, modifier_end, options.max_object_words)
        )
    elif kind == "count":
        object_span = (
            match_object(tokens, quantity.end, quantity, options.max_object_words)
            or named_in_brackets(tokens, i, quantity, options.max_object_words)
            or bounded_before(tokens, i, options.max_object_words)
            or counted_group_before(tokens, i, quantity, options.max_object_words)
            or kind_named_with_of(tokens, quantity.end)  # round 30: "47 Society of Champions trading cards"
            or placings_counted(tokens, quantity.end)  # round 31: "10 top 10s"
        )
        if object_span is None and not quantity.bare_one:
            object_span = after_superlative(tokens, quantity, options.max_object_words)  # "the two most important"
        if object_span is not None and is_parent_dashed_of(tokens, k):
            object_span = None  # round 28: "father-of-three Chris": his children, unsaid, not the name after
        if object_span is None and quantity.in_words and not quantity.bare_one:
            object_span = count_listed_after(tokens, i, quantity.end, previous)  # "Four women ..., two in red"
        if object_span is None and not quantity.bare_one and not quantity.is_range:
            object_span = noun_shared_by_list(tokens, quantity.end, options.max_object_words)  # "seven home, five away"
            shared_noun = object_span is not None
        if object_span is not None and object_span[0] == quantity.end:
            index = index_move_subject(tokens, i, quantity.end, options.max_object_words)
            if index is not None:
                object_span, counted_end = index, quantity.end + 1  # the surface keeps "points"
        if object_span is None and quantity.in_words and not quantity.bare_one and not quantity.is_range:
            object_span = count_level_subject(tokens, i, options.max_object_words)  # "the death toll stood at six"
        if object_span is None and not quantity.in_words:
            object_span = (
                level_after_change(tokens, i, previous)
                or count_level_subject(tokens, i, options.max_object_words)
                or elided_object(tokens, i, quantity.end, kind, unit, previous)
            )
        period = period_counted(tokens, quantity, object_span)
        if period is not None:
            kind, unit, object_span = "duration", period, None  # "in 15 of the last 16 years": 15 years
    elif kind == "money" and is_bracketed_conversion(tokens, i, quantity, previous):
        object_span = None  # "€1.5million ($2.5million) in emergency aid": the judges give a conversion none
    else:
        start = i - 1 if k == i and leading_sign(tokens, i) == "minus" else i  # "growth of -0.3%"
        hyphenated = is_hyphenated(tokens, quantity)
        object_span = (
            level_of(tokens, i, kind, previous)
            or suspended_object(tokens, quantity.end, kind, options.max_object_words)
            or change_of_amount(tokens, i, quantity.end, kind, amount_before)
            or match_measured(tokens, start, quantity, kind, hyphenated, options.max_object_words)
            or share_listed_after(tokens, i, quantity.end, kind, previous)
            or elided_object(tokens, i, quantity.end, kind, unit, previous)
            or listed_extent(tokens, i, quantity.end, kind, previous)
        )
        if object_span is None and kind == "percent" and quantity.value is not None:
            object_span = statistic_in_brackets(tokens, i, quantity, options.max_object_words)
        converted_end = conversion_end(tokens, quantity) if kind == "money" and object_span is None else None
        if converted_end is not None:
            past = replace(quantity, end=converted_end)  # what the sentence says after the converted amount
            object_span = match_measured(tokens, start, past, kind, hyphenated, options.max_object_words)
    if (
        kind == "count"
        and object_span is None
        and quantity.in_words
        and not quantity.bare_one
        and not quantity.is_range
    ):
        object_span = described_noun(tokens, i, quantity.end)  # round 29: "two very different ways"
        shared_noun = shared_noun or object_span is not None  # the surface keeps its own words: "two sub-$1000 laptops"
    said_before = kind == "count" and object_span is None and counts_a_group_said_before(tokens, i, k, quantity)
    if (
        kind == "count"
        and object_span is None
        and not said_before
        and match_object(tokens, quantity.end, quantity, FULL_PHRASE_WORDS) is None
        and (names_a_thing(tokens, i, quantity, qualifier) or is_rank(tokens, i, quantity))
    ):
        return None
    if kind == "count" and (
        is_multiplier(tokens, object_span, qualifier == "by" or is_word(token_at(tokens, i - 1), "by"), quantity)
        or is_reciprocal(tokens, quantity)
        or is_rank_list(tokens, i, quantity, object_span)
        or is_hyperbole_times_over(tokens, object_span, quantity)
    ):
        return None
    listed_one = quantity.bare_one and (
        (object_span is not None and closes_count_list(tokens, i, previous))
        or (object_span is None and closes_list_without_noun(tokens, i, quantity, previous))
        or (object_span is not None and counts_one_by_its_noun(tokens, object_span))
    )
    toll = kind == "count" and quantity.in_words and states_a_toll(tokens, i, quantity, object_span)
    if toll and object_span is None and quantity.bare_one:
        group_end = past_group_named(tokens, quantity.end + 1)
        if group_end is not None:
            object_span = (quantity.end + 2, group_end - 1)  # round 27: "one of its soldiers was killed" -> soldiers
    gapped = kind == "count" and object_span is None and counts_the_noun_before(tokens, i, quantity, previous)
    gapped = gapped or (kind == "count" and object_span is None and is_elided_count(tokens, i, quantity, previous))
    gapped = gapped or (
        kind == "count" and object_span is None and repeats_the_count_before(tokens, i, quantity, previous)
    )
    singled_out = kind == "count" and quantity.bare_one and is_one_singled_out(tokens, i, quantity, object_span)
    if not (said_before or listed_one or toll or gapped or singled_out) and not is_worth_a_row(
        quantity, kind, object_span, qualifier
    ):
        return None
    # "about one area", "about one of our team": the noun right after, not "about one in five voters"
    noun_after = object_span is not None and object_span[0] == quantity.end
    topic = noun_after or is_word(token_at(tokens, quantity.end), "of")
    if kind == "count" and quantity.bare_one and qualifier == "about" and topic:
        return None  # "talking about one area", "a story about one of our team": what is spoken of, no amount
    if kind == "count" and quantity.bare_one and qualifier in ("over", "under") and noun_after:
        # round 26: "all under one roof", "rainfall over one region": a preposition and the determiner 'one' (a
        # count above one is said "more than one"); "over one million" is no bare 'one'
        return None
    end = quantity.end if shared_noun else max(figure_end(tokens, quantity, kind, object_span), counted_end)
    if k == i and leading_sign(tokens, i) == "minus":
        return FigureMatch(i - 1, end, negated(quantity), qualifier, hedged, kind, unit, object_span)
    signed = kind == "measure" and unit in TEMPERATURE_UNITS and is_word(token_at(tokens, i - 1), *SIGN_WORDS)
    if k == i and signed and (previous is None or previous.end < i - 1):
        # round 26: "at negative six-point-six degrees Celsius", "minus 5C": a temperature below zero ("5 degrees
        # minus 3 degrees" takes one from another)
        return FigureMatch(i, end, negated(quantity), qualifier, hedged, kind, unit, object_span)
    return FigureMatch(i, end, quantity, qualifier, hedged, kind, unit, object_span)


def modified_noun(tokens: list[Token], k: int, max_words: int) -> tuple[int, int] | None:
    """The noun a dashed count modifies, from k: 'apartment block' of 'the 14-story apartment block in',
    'TNO report' of 'the 70-page TNO report'."""
    n = k
    while n - k < min(max_words, 3) and (is_object_word(token_at(tokens, n)) or is_head_noun(tokens, n)):
        if n > k and is_capitalised(tokens[n - 1]) and tokens[n].text.islower() and not tokens[n - 1].text.isupper():
            break  # "the nine-county Bay Area saw": a name ends the phrase
        if n > k and is_word(token_at(tokens, n + 1), "a", "an", "the", "his", "her", "its", "their"):
            break  # "an 8,000-strong crowd saw a": a verb and its object follow the noun
        n += 1
    return (k, n - 1) if n > k else None


def after_superlative(tokens: list[Token], quantity: Quantity, max_words: int) -> tuple[int, int] | None:
    """'the two most important biochemical functions' -> biochemical functions, 'its 21 most popular sites' ->
    sites: a count before 'most'/'least' and an adjective counts the noun after them; the superlative is a
    describing word the standard leaves out (docs/evaluation.md, "Added in round 28 (lead)")."""
    most, adjective = token_at(tokens, quantity.end), token_at(tokens, quantity.end + 1)
    if not is_word(most, "most", "least") or adjective is None or not adjective.text.islower():
        return None
    if not is_object_word(adjective):
        return None
    return match_object(tokens, quantity.end + 2, quantity, max_words)


def counted_title(tokens: list[Token], k: int, max_words: int) -> tuple[int, int] | None:
    """The title an 'N-time'/'N-term' count sizes, from k: 'Super Bowl winner' of 'the two-time Super Bowl winner
    Jim Plunkett', 'NFL MVP' of 'the three-time NFL MVP said', 'champion' of 'the two-time champion lost'. Unlike
    other modified nouns a title often ends lowercase after a name ('Wimbledon champion'); it ends at a noun for a
    person (`TITLE_ENDINGS`), and a name after a lowercase word is the holder, not the title."""
    n, words = k, 0
    while words < min(max_words, 4) and token_at(tokens, n) is not None:
        last = compound_end(tokens, n) if tokens[n].kind == "word" else n  # "a five-time All-Star"
        if last == n and not is_object_word(tokens[n]):
            break
        if n > k and tokens[n - 1].text.islower() and is_capitalised(tokens[n]):
            break  # "two-time champion Serena Williams": the holder's name
        token, n, words = tokens[last], last + 1, words + 1
        names_on = is_capitalised(token_at(tokens, n))  # "a two-time Indian Premier League winner"
        if token.low.endswith(TITLE_ENDINGS) and not token.text.isupper() and not names_on:
            break  # "the three-time champion lost", "a three-time Olympian won": the title's head
    return (k, n - 1) if n > k else None


def is_head_noun(tokens: list[Token], n: int) -> bool:
    """'report', 'note' after a modifier of a dashed count and before a mark or preposition: the head, though
    the word may be a verb elsewhere ('the 70-page TNO report, which')."""
    token, following = token_at(tokens, n), token_at(tokens, n + 1)
    return (
        token is not None
        and token.kind == "word"
        and token.text.islower()
        and n > 0
        and tokens[n - 1].kind == "word"
        and (following is None or following.kind == "sym" or is_word(following, "which", "that", "with", "on", "of"))
    )


def negated(quantity: Quantity) -> Quantity:
    """'-5 degrees', '-0.3%', '-5 to 10 degrees': the amount (or the low end of a range) below zero."""
    if quantity.is_range:
        low = -quantity.low if quantity.low is not None else None
        return replace(quantity, low=low)
    value = -quantity.value if quantity.value is not None else None
    low = -quantity.low if quantity.low is not None and quantity.high is None else quantity.low
    return replace(quantity, value=value, low=low)


# Units a spec box writes in brackets after a label, where the table's word is no unit on its own.
SPEC_BOX_UNITS = {"in": Unit("inch", "measure"), "in.": Unit("inch", "measure")}


def spec_box_unit(tokens: list[Token], k: int) -> Unit | None:
    """The unit a spec box line gives in brackets before its values: 'Valve lift (in): 0.549', 'Weight
    (kg): 1,450', 'Bore x Stroke (in / mm): 4.065 x 3.860'; only for a number opening the value of a
    line whose label is words, and for the values listed after it on the line ('/ 0.549 exhaust')."""
    start = k
    while k > start - 8 and getattr(token_at(tokens, k - 1), "text", ":") != ":":
        previous = tokens[k - 1]
        if previous.text == "\n" or (previous.kind == "sym" and previous.text not in ("/", ",", "×")):
            return None
        k -= 1
    colon, closing = token_at(tokens, k - 1), token_at(tokens, k - 2)
    if colon is None or closing is None or colon.text != ":" or closing.text != ")":
        return None
    n = k - 3
    while n >= 0 and tokens[n].text != "(":
        if tokens[n].kind == "num" or tokens[n].text == "\n" or k - 3 - n > 4:
            return None
        n -= 1
    unit_word = token_at(tokens, n + 1)
    if n < 1 or unit_word is None or tokens[n - 1].kind != "word":
        return None
    found = UNIT_PHRASES.match(tokens, n + 1)
    unit = found[0] if found is not None else SPEC_BOX_UNITS.get(unit_word.low)
    if unit is None or unit.kind != "measure":
        return None
    label = n - 1
    while label >= 0 and tokens[label].text != "\n":
        if tokens[label].kind not in ("word",) and tokens[label].text not in DASHES:
            return None
        label -= 1
    return unit


def period_counted(tokens: list[Token], quantity: Quantity, object_span: tuple[int, int] | None) -> str | None:
    """The unit of time a part of a span counts ('15 of the last 16 years', '28 of the past 32 months'),
    so the part is a duration like the whole; None for other counts."""
    if object_span is None or object_span[0] != object_span[1] or not is_word(token_at(tokens, quantity.end), "of"):
        return None
    unit = UNIT_PHRASES.match(tokens, object_span[0])
    return unit[0].name if unit is not None and unit[0].kind == "duration" else None


# Verbs of how one feels, after which "100%" is full health or form, not a share: "I'm not feeling 100%".
FEELING_VERBS = frozenset("feel feels felt feeling".split())


# Verbs of a speaker's stance that "100%" right before makes "wholly" ("100% recommend these boots", "I 100% agree
# with the coach"): reviews and quoted speech in news say it so, at the start of a sentence or after its speaker;
# "Almost 100% agree" and "100% of voters agree" are shares of people.
STANCE_VERBS = frozenset("recommend recommended agree agreed believe believed endorse endorsed trust".split())
SPEAKER_PRONOUNS = frozenset("i we you they he she".split())


def is_intensifier(tokens: list[Token], k: int, quantity: Quantity) -> bool:
    """'100% sure', '100 percent true', 'Yeah, a hundred percent.': a hundred percent meaning 'completely'
    before a word of certainty, or said alone as an answer; not '100% of the shares', 'rose 100%'."""
    following, previous = token_at(tokens, quantity.end), token_at(tokens, k - 1)
    if quantity.value == 99 and not quantity.is_range and is_word(following, *CERTAINTY_WORDS):
        return True  # "99% certain to clinch": all but sure, a degree of belief
    if quantity.value != 100 or quantity.is_range:
        return False
    if is_word(following, *CERTAINTY_WORDS) or is_word(previous, *MODAL_VERBS):
        return True  # "100% sure", "100 percent certainty", "I would 100% make sure"
    speaker = at_line_or_sentence_start(tokens, k - 1) or is_word(previous, *SPEAKER_PRONOUNS)
    if speaker and is_word(following, *STANCE_VERBS):
        return True  # round 32 (figures57): "100% recommend these boots", "I 100% agree": wholly, no share
    if is_word(following, "control") and is_word(token_at(tokens, quantity.end + 1), "over"):
        return True  # "100 percent control over your passwords": complete control ("100% control of" a firm is a stake)
    copula = token_at(tokens, k - 2) if is_word(previous, "a") and tokens[k].low == "hundred" else previous
    if is_word(following, "about") and is_word(copula, *COPULAS):
        return True  # "Search is a hundred percent about intent": wholly, not a share
    if is_word(copula, *COPULAS, "almost", "nearly") and ends_with_state(tokens, quantity.end):
        return True  # "my fingers were almost 100% healed.": wholly, a state, not a share of a thing
    if is_word(previous, "a") and tokens[k].low == "hundred":
        previous = token_at(tokens, k - 2)
    if is_word(previous, *FEELING_VERBS) and not is_word(following, "of"):
        return True  # round 31 (figures55): "wasn't feeling one hundred percent", "felt 100% again": wholly well
    said_alone = previous is None or previous.text in (",", ".", "!", "?", "\n", "“", '"')
    return said_alone and (following is None or following.text in (".", "!", "\n", "”", '"'))


def ends_with_state(tokens: list[Token], k: int) -> bool:
    """A lowercase participle in -ed at k that ends its clause ('healed.', 'recovered,')."""
    word, after = token_at(tokens, k), token_at(tokens, k + 1)
    if word is None or word.kind != "word" or not word.text.islower() or not word.low.endswith("ed"):
        return False
    return after is None or after.text in (".", ",", ";", "!", "?", "\n")


def figure_end(tokens: list[Token], quantity: Quantity, kind: str, object_span: tuple[int, int] | None) -> int:
    """A count's surface runs to the end of what it counts when that follows it ('300 Javelin missiles'),
    but not over the size of a whole it is part of ('15 of the 23 dancers': 23 is a figure of its own)."""
    if object_span is None or kind != "count" or object_span[0] < quantity.end:
        return quantity.end
    if is_word(token_at(tokens, quantity.end), "of", "out") and any(
        t.kind == "num" for t in tokens[quantity.end : object_span[0]]
    ):
        return quantity.end
    return object_span[1] + 1


def is_change_by(tokens: list[Token], i: int, reach: int = 4) -> bool:
    """'by' after a change verb of the same clause ('fell by 12', 'cut output by 5%') gives the change."""
    if not is_word(token_at(tokens, i), "by"):
        return False
    for n in range(i - 1, max(i - 1 - reach, -1), -1):
        if tokens[n].kind != "word":
            return False
        if is_change_verb(tokens[n]):
            return True
    return False


def conversion_end(tokens: list[Token], quantity: Quantity) -> int | None:
    """Index after the bracket closing a money conversion right after an amount ('€1.5million ($2.5million)'),
    or None: the words after it say what the amount is of."""
    if getattr(token_at(tokens, quantity.end), "text", "") != "(":
        return None
    inner = match_quantity(tokens, quantity.end + 1)
    if inner is None or kind_and_unit(inner)[0] != "money":
        return None
    return inner.end + 1 if getattr(token_at(tokens, inner.end), "text", "") == ")" else None


def is_bracketed_conversion(tokens: list[Token], i: int, quantity: Quantity, previous: FigureMatch | None) -> bool:
    """'€1.5million ($2.5million)', '£175 million (NZ$437 million)': an amount alone in brackets right after
    a money figure is that sum converted."""
    return (
        previous is not None
        and previous.kind == "money"
        and previous.end == i - 1
        and tokens[i - 1].text == "("
        and getattr(token_at(tokens, quantity.end), "text", "") == ")"
    )


def level_after_change(tokens: list[Token], i: int, previous: FigureMatch | None) -> tuple[int, int] | None:
    """'the index plunged 694.92 points, or 4.7%, to 14,077.16', 'the Nikkei gained 2.1 percent to close at
    14,500', 'rose to 207 ... from 193': a bare level after a change said of a subject before it is that
    subject's level."""
    if previous is None or previous.object_span is None or previous.object_span[1] >= previous.start:
        return None
    between = [t.low for t in tokens[previous.end : i]]
    if between in LEVEL_JOINTS:
        return previous.object_span
    # "rose to 207 between November and August from 193": where it stood before, in the same clause
    earlier = between[-1:] == ["from"] and len(between) <= 16
    return previous.object_span if earlier and not any(t in (".", "!", "?", "\n", ";") for t in between) else None


LEVEL_JOINTS = (["to"], [",", "to"], ["at"], [",", "at"], ["to", "close", "at"], ["to", "end", "at"])


def level_of(tokens: list[Token], i: int, kind: str, previous: FigureMatch | None) -> tuple[int, int] | None:
    """'prices rose 3% to $6.12': the level after a change measures what the change measured; 'prizes of
    $10,000, $5,000 and $2,500': a figure listed after one of its kind measures what that one measured."""
    if previous is not None and previous.kind == "count" and kind == "percent":
        said_of_subject = previous.object_span is not None and previous.object_span[1] < previous.start
        joint = [t.text for t in tokens[previous.end : i]] == [",", "or"]
        return previous.object_span if said_of_subject and joint else None  # "fell 120 points, or 1.1 percent"
    if previous is None or previous.kind == "count":
        return None
    if previous.end == i - 1 and is_word(tokens[i - 1], "to"):
        return previous.object_span
    if previous.end == i - 1 and is_word(tokens[i - 1], "at") and previous.kind == kind and previous.qualifier is None:
        return previous.object_span  # "receipts were down 8 cents at $2.84": the level after a change
    if previous.end == i - 1 and tokens[i - 1].text == "(" and previous.kind == kind == "measure":
        return previous.object_span  # "a snow depth of 30 inches (76 centimeters)": the same depth converted
    if previous.end == i - 1 and tokens[i - 1].text == "/" and previous.kind == kind == "money":
        return previous.object_span  # "works out at $2.91/£2.37 per month": one price in two currencies
    if previous.object_span is not None and carries_the_change(tokens, i, previous):
        return previous.object_span
    if previous.object_span is not None and previous.kind == kind and is_earlier_level(tokens, i, previous):
        return previous.object_span
    between = [t.text for t in tokens[previous.end : i]]
    listed = between in ([","], ["and"], ["or"], [",", "and"], [",", "or"])
    return previous.object_span if listed and previous.kind == kind else None


def carries_the_change(tokens: list[Token], i: int, previous: FigureMatch) -> bool:
    """'cut its tuition by 62% in August, from $40,300 to $15,000': the levels after a change by a
    figure are of what changed; 'charged $41,540 in tuition, up 4% from the year before': a change
    said after a comma is of the figure before it, in the same sentence."""
    between = tokens[previous.end : i - 1]
    if previous.qualifier == "by" and is_word(tokens[i - 1], "from"):
        return len(between) <= 4 and all(t.kind == "word" or t.text == "," for t in between)
    if is_word(tokens[i - 1], "up", "down") and getattr(token_at(tokens, i - 2), "text", "") == ",":
        return not any(t.text in (".", "!", "?", "\n", ";") for t in between)
    return False


def is_earlier_level(tokens: list[Token], i: int, previous: FigureMatch) -> bool:
    """'Rent growth fell to about 2.8% as of October, from about 15.0% in April': a level after ', from'
    in the sentence of a figure of its kind is where that same thing stood before; so is one right after a
    level reached ('market share dropped to 25 percent from 27 percent')."""
    n = past_earlier_estimate(tokens, i - 1)
    if not is_word(token_at(tokens, n), "from"):
        return False
    if previous.end == n:
        return is_word(token_at(tokens, previous.start - 1), "to")
    before = n - 1
    if has_ly_ending(token_at(tokens, before)):
        before -= 1  # "down drastically from 8.1%"
    if is_word(token_at(tokens, before), "down", "up"):
        before -= 1  # "growth of just 2.7% next year, down from the 2.9% it had estimated"
    if getattr(token_at(tokens, before), "text", "") != ",":
        return False
    return not any(t.text in (".", "!", "?", "\n", ";") for t in tokens[previous.end : i])


def has_ly_ending(token: Token | None) -> bool:
    return token is not None and token.kind == "word" and token.text.islower() and token.low.endswith("ly")


# Nouns for an earlier figure of the same thing: "down from a July forecast of 2.3%".
ESTIMATE_NOUNS = frozenset("forecast forecasts estimate estimates projection projections outlook".split())


def past_earlier_estimate(tokens: list[Token], n: int, reach: int = 4) -> int:
    """Index of the 'from' before 'the' or '(a|its) July forecast of' ending at n; n itself otherwise."""
    if is_word(token_at(tokens, n), "the"):
        return n - 1  # "down from the 2.9%"
    if not (is_word(token_at(tokens, n), "of") and is_word(token_at(tokens, n - 1), *ESTIMATE_NOUNS)):
        return n
    m = n - 2
    while m > n - 2 - reach and not is_word(token_at(tokens, m), "from"):
        token = token_at(tokens, m)
        plain = is_word(token, "a", "an", "the", "its", "their", "earlier", "previous", "prior", "latest")
        if not plain and not (token is not None and token.kind == "word" and token.text[:1].isupper()):
            return n  # only a determiner, "earlier" or a month between "from" and the estimate
        m -= 1
    return m


def noun_shared_by_list(
    tokens: list[Token], k: int, max_words: int, items: int = 4, reach: int = 6
) -> tuple[int, int] | None:
    """'in seven Busch, five Truck and three ARCA events', 'seven home, five away and three neutral games': a count
    whose modifiers are followed by a comma or 'and' and another count counts the plural noun that ends the list
    ('two Republicans, three Democrats' each name their own)."""
    if max_words < 1:
        return None
    n = k
    for _ in range(items):
        start = n
        while n - start < reach and n < len(tokens) and is_list_modifier(tokens, n):
            n += 1
        if n == start:
            return None
        noun = tokens[n - 1]
        if noun.text.isupper() and len(noun.text) > 1 and start == k:
            return None  # "8 TD, 30 receptions": an abbreviation ending the item is what it counts
        if start > k and noun.text.islower() and looks_plural(noun.low) and noun.low not in OBJECT_STOPS:
            return n - 1, n - 1  # the last item's noun
        if looks_plural(noun.low) and start == k:
            # the first item names its own things; where its name is capitalised ("three ARCA RE/MAX Series
            # events") the noun at its end is what it counts
            named = any(is_capitalised(t) for t in tokens[start : n - 1])
            words = sum(t.kind == "word" for t in tokens[start:n])
            if words > max_words:
                return None  # a phrase longer than the configured object: no object rather than half of one
            return (n - 1, n - 1) if named and noun.text.islower() and noun.low not in OBJECT_STOPS else None
        joint = token_at(tokens, n)
        if joint is not None and joint.text == "," and is_word(token_at(tokens, n + 1), "and", "or"):
            n += 1
        if joint is None or not (joint.text == "," or is_word(joint, "and", "or")):
            return None
        number = token_at(tokens, n + 1)
        if number is None or not (number.kind == "num" or number.low in SMALL_NUMBERS or number.low in TENS):
            return None
        n += 2
    return None


def is_list_modifier(tokens: list[Token], n: int) -> bool:
    """A word of a list item's name or modifiers ('NASCAR', 'Craftsman', 'home', 'RE/MAX'), not a stop word or a
    number."""
    token = tokens[n]
    if token.kind == "word":
        return token.low not in OBJECT_STOPS and token.low not in SMALL_NUMBERS and token.low not in TENS
    return token.text in ("/", "-") and token.glued and getattr(token_at(tokens, n + 1), "glued", False)


def count_listed_after(tokens: list[Token], i: int, end: int, previous: FigureMatch | None) -> tuple[int, int] | None:
    """'Four women set up a tripod, two in red dresses, two in qifu': a number word after a comma (or the
    semicolon of a parallel clause) with nothing of its own to count, before a preposition, counts what the count
    before it in the sentence counted."""
    if previous is None or previous.kind != "count" or previous.object_span is None:
        return None
    joint = token_at(tokens, i - 1)
    if joint is None or not (joint.text in (",", ";") or is_word(joint, "and")):
        return None  # "eight polling places in Richland County; two in Lexington County"
    if any(t.text in (".", "!", "?", "\n", ";") for t in tokens[previous.end : i - 1]):
        return None
    return previous.object_span if is_word(token_at(tokens, end), "in", "with", "at", "on", "wearing") else None


# Words joining a second figure to a first whose noun it leaves out: "353mm of rain fell at the airport and
# 289mm fell at Giru", "70,000 new jobs were added in December compared to 94,000 in November". A bare count
# or share after "and" is left alone: the figures-real judges give "64 people were murdered and 19 were
# kidnapped" no object for the 19.
ELLIPSIS_JOINTS = (("compared", "to"), ("compared", "with"), ("than",), ("versus",), ("vs",))
MEASURE_ELLIPSIS_JOINTS = (*ELLIPSIS_JOINTS, ("and",))
# Prepositions that, put before both figures, make the second a parallel of the first: "instead of looking at
# 10 galaxies, we can look at 900".
PARALLEL_PREPOSITIONS = frozenset("at to on in for with from by over under".split())
ELLIPSIS_REACH = 10  # tokens between the two figures


def elided_object(
    tokens: list[Token], i: int, end: int, kind: str, unit: str | None, previous: FigureMatch | None
) -> tuple[int, int] | None:
    """A figure with no noun of its own, in the sentence of a figure of its kind and unit whose noun follows
    it, joined to it by a comparison (or "and", for measures), or put after the same preposition, leaves
    that noun out: it is of the same thing."""
    if previous is None or previous.object_span is None or previous.kind != kind or previous.unit != unit:
        return None
    if previous.quantity.currency is not None or i - previous.end > ELLIPSIS_REACH:
        return None  # amounts of money name what they buy apart
    opener = token_at(tokens, previous.object_span[0] - 1)
    after_a_figure = opener is not None and (is_word(opener, "of") or opener.kind == "num")
    if previous.object_span[0] < previous.quantity.end and not after_a_figure:
        return None  # the noun follows a figure ("353mm of rain", "10 galaxies"), not a subject before it
    if any(t.text in (".", "!", "?", "\n", ";", ":") for t in tokens[previous.end : i]):
        return None
    following = token_at(tokens, end)
    if getattr(following, "text", "") in ("-", "–", "/") or is_word(following, "of", *STATE_WORDS):
        # "won 3-1", "9/11": no figure standing alone; "about 4% of the West Bank's population"; "214 martyrs
        # and 300 injured": a group of its own
        return None
    if tokens[i - 2].kind == "num" or getattr(token_at(tokens, previous.quantity.end), "text", "") in ("-", "–"):
        return None  # "the Abell 901 and 902 supercluster": names; "the 31-mile-long canal": a modifier's noun
    before = tuple(t.low for t in tokens[max(i - 2, 0) : i])
    joints = MEASURE_ELLIPSIS_JOINTS if kind == "measure" else ELLIPSIS_JOINTS
    joined = before[-1:] in joints or before in joints
    same_preposition = (
        previous.start > 0
        and tokens[i - 1].low in PARALLEL_PREPOSITIONS
        and tokens[previous.start - 1].low == tokens[i - 1].low
    )
    # "Keys's album sold 2.54 million copies and Daughtry's release sold 2.5 million": the same verb again
    same_verb = (
        previous.start > 0
        and previous.object_span[0] >= previous.quantity.end
        and tokens[i - 1].kind == "word"
        and tokens[i - 1].text.islower()
        and tokens[i - 1].low not in OBJECT_STOPS
        and tokens[previous.start - 1].text == tokens[i - 1].text
        and any(is_word(t, "and", "but", "while", "whereas") for t in tokens[previous.end : i])
    )
    return previous.object_span if joined or same_preposition or same_verb else None


def listed_extent(
    tokens: list[Token], i: int, end: int, kind: str, previous: FigureMatch | None
) -> tuple[int, int] | None:
    """'The Nano is 10 feet long, 5 feet wide, a little more than 5 feet tall': extents listed after an extent
    said of a subject are of that subject."""
    if kind != "measure" or previous is None or previous.kind != "measure" or previous.object_span is None:
        return None
    if previous.object_span[1] >= previous.start or not is_word(token_at(tokens, end), *LISTED_EXTENTS, "from"):
        return None
    between = tokens[previous.end : i]
    if len(between) < 2 or not is_word(between[0], *LISTED_EXTENTS) or between[1].text not in (",", "and"):
        return None
    rest = between[2:]
    return previous.object_span if all(t.kind == "word" and t.low in LISTED_EXTENT_WORDS for t in rest) else None


# Words between listed extents: "10 feet long, 5 feet wide, and a little more than 5 feet tall".
LISTED_EXTENT_WORDS = frozenset("and a little bit just only slightly nearly almost about".split())
# Extents that list: "10 feet long, 5 feet wide", "just 600ft up and only two miles from touch down".
LISTED_EXTENTS = DIMENSION_WORDS | {"up", "away", "across"}
CHANGE_APPOSITION_MARKS = frozenset({",", "-", "–", "—"})
CHANGE_REACH = 30  # tokens from the amount to its change


def change_of_amount(
    tokens: list[Token], i: int, end: int, kind: str, amount_before: FigureMatch | None
) -> tuple[int, int] | None:
    """'965 people died in 2007 -- a drop of 25 percent from the year before', 'profits of £59.6million ... - a
    massive 93% rise on the previous year': a change in percent set off after an amount of its sentence,
    with nothing of its own, is a change of what that amount measured."""
    if (
        kind != "percent"
        or amount_before is None
        or amount_before.object_span is None
        or i - amount_before.end > CHANGE_REACH
    ):
        return None
    if is_word(token_at(tokens, i - 1), "of") and is_word(token_at(tokens, i - 2), *PERCENT_CHANGE_NOUNS):
        opener = i - 3  # "a drop of 25%"
    elif is_word(token_at(tokens, end), *PERCENT_CHANGE_NOUNS) and not is_word(token_at(tokens, end + 1), "in", "of"):
        opener = i - 1  # "a massive 93% rise on"
    else:
        return None
    while opener > amount_before.end and tokens[opener].kind == "word":
        if tokens[opener].low in OBJECT_STOPS and tokens[opener].low not in ("a", "an"):
            return None  # "$1,708, which shows a 7.70 percent increase": a clause of its own
        opener -= 1  # "a massive", "an annual"
    between = tokens[amount_before.end : opener + 1]
    if any(t.text in (".", "!", "?", "\n", ";") for t in between) or tokens[opener].text not in CHANGE_APPOSITION_MARKS:
        return None
    return amount_before.object_span


def share_listed_after(
    tokens: list[Token], i: int, end: int, kind: str, previous: FigureMatch | None
) -> tuple[int, int] | None:
    """'60% of our people are in Boston and 40% are remote': a share with no group of its own, joined to
    a share of a group in the same sentence and followed by its verb, is of that group."""
    if kind != "percent" or previous is None or previous.kind != "percent" or previous.object_span is None:
        return None
    if not is_word(token_at(tokens, i - 1), "and", "while", "whereas", "but"):
        return None
    if any(t.text in (".", "!", "?", "\n", ";") for t in tokens[previous.end : i]):
        return None
    verb = token_at(tokens, end)
    return previous.object_span if is_word(verb, "are", "were", "is", "was", "said", "say", "have", "had") else None


def is_hyphenated(tokens: list[Token], quantity: Quantity) -> bool:
    """'a 900-mile border', 'a five-year plan': the unit is joined to the number by a dash; or, undashed, a
    unit word left singular after a number above one before a noun ('a two hour meeting', 'a five minute
    spell'), which is the same modifier written without its dash."""
    if any(t.text in DASHES and t.glued for t in tokens[quantity.end - 2 : quantity.end]):
        return True
    unit, following = token_at(tokens, quantity.end - 1), token_at(tokens, quantity.end)
    return (
        quantity.unit is not None
        and quantity.value is not None
        and quantity.value > 1
        and unit is not None
        and unit.kind == "word"
        and len(unit.text) > 3
        and unit.text.islower()
        and not looks_plural(unit.low)
        and following is not None
        and following.kind == "word"
        and following.text.islower()
        and following.low not in OBJECT_STOPS
    )


def names_a_thing(tokens: list[Token], i: int, quantity: Quantity, qualifier: str | None) -> bool:
    """Digits that count nothing before a noun that is not plural name it: 'the 737 MAX', 'the 747 fleet',
    'a 787 Dreamliner'. A participle or state after the number keeps it: '12 killed', '5 dead', and so
    does a word that adds to an earlier count: 'Another 23 allow it'."""
    following = token_at(tokens, quantity.end)
    if (
        quantity.in_words
        or is_word(token_at(tokens, i - 1), *ADDING_WORDS)
        or quantity.is_range
        or quantity.vague
        or qualifier is not None
        or following is None
        or following.kind != "word"
        or following.glued
    ):
        return False
    number = tokens[quantity.end - 1]
    if following.text.isupper() and len(following.text) >= 2:
        return following.low not in COMMON_WORDS
    return (
        number.kind == "num"
        and number.text.isdecimal()
        and following.low not in OBJECT_STOPS
        and following.low not in COMMON_WORDS
        and following.low not in STATE_WORDS
        and not following.low.endswith(("ed", "ing", "ly"))
        and not looks_plural(following.low)
        and kind_named_with_of(tokens, quantity.end) is None
    )


def is_digit_one_of(tokens: list[Token], k: int, quantity: Quantity) -> bool:
    """'1 of the highlights', '1 of its safest': the digit written for the pronoun 'one of', which names one
    member of a group as the word does ('one of the players' is no figure either)."""
    return (
        quantity.end == k + 1
        and tokens[k].text == "1"
        and is_word(token_at(tokens, k + 1), "of")
        and is_word(token_at(tokens, k + 2), "the", "its", "their", "his", "her", "our", "my", "these", "those")
        and getattr(token_at(tokens, k + 3), "kind", "") == "word"  # "1 of the 12 patients" counts
    )


def is_rank(tokens: list[Token], i: int, quantity: Quantity) -> bool:
    """'finish in the top 3', 'ranks top 15': a place in a ranking, not a count."""
    return not quantity.is_range and is_word(token_at(tokens, i - 1), "top", "bottom")


def is_rank_list(tokens: list[Token], i: int, quantity: Quantity, object_span: tuple[int, int] | None) -> bool:
    """'its weekly top 10 lists', 'the top 10 rankings': the length of a ranking names a kind of list; 'the top
    10 players' still counts players."""
    return object_span is not None and is_rank(tokens, i, quantity) and tokens[object_span[1]].low in RANK_LIST_NOUNS


def is_multiplier(
    tokens: list[Token], object_span: tuple[int, int] | None, after_change_by: bool, quantity: Quantity
) -> bool:
    """'ten times better', '82 million times as wealthy', '100 times more carbon', 'cut prices by four
    times', 'raised the speed of the chips by four times', 'demand rose 4.5 times': a ratio, not a count of
    occasions ('visited the podium six times')."""
    if object_span is None or not is_word(tokens[object_span[1]], "times"):
        return False
    if quantity.value is not None and not float(quantity.value).is_integer():
        return True  # round 28: "rose 4.5 times between 2009 and 2013": occasions are whole
    following = token_at(tokens, object_span[1] + 1)
    if is_word(following, "its", "their", "his", "her", "our", "my", "your") and is_word(
        token_at(tokens, object_span[1] + 2), *SIZE_NOUNS, "original", "previous", "initial", "usual", "normal"
    ):
        return True  # "nearly four times its original estimate": a ratio to the thing's own size
    if (
        following is not None
        and following.text.islower()
        and (following.low.endswith("ification") or following.low in ("zoom", "optical"))
    ):
        return True  # "25 times magnification", "10 times optical zoom": a lens's power, not occasions
    return after_change_by or is_word(following, *COMPARISON_WORDS) or is_comparative(following)


# The least round number that, said in words before 'times over', overstates rather than counts.
HYPERBOLE_FLOOR = 100


def is_hyperbole_times_over(tokens: list[Token], object_span: tuple[int, int] | None, quantity: Quantity) -> bool:
    """'Not if I searched a million times over', 'it would have been repeated a million times over': a round
    hundred, thousand or million said in words before 'times over' overstates; it counts no occasions (round 29,
    figures54). 'repaid three times over' is left to the multiplier's reading."""
    if object_span is None or not is_word(tokens[object_span[1]], "times"):
        return False
    if not is_word(token_at(tokens, object_span[1] + 1), "over") or not quantity.in_words:
        return False
    return quantity.value is not None and quantity.value >= HYPERBOLE_FLOOR


def is_reciprocal(tokens: list[Token], quantity: Quantity) -> bool:
    """'over one another': a pronoun, not one of something."""
    return quantity.bare_one and is_word(token_at(tokens, quantity.end), "another")


def unit_listed_after(tokens: list[Token], k: int, reach: int = 4) -> Unit | None:
    """The unit of time or measure of the last number in a comma list that a bare number at k opens ('15,
    20, 25 years', '30, 20, or 10 minutes', '13 and 10 years'); None where the list ends without one or has
    a sum in it. Only for digits: a number word alone ('for one, two, or four hours') is not judged."""
    last = last_listed(tokens, k, reach)
    if last is None or last[0].unit is None:
        return None
    return last[0].unit if last[0].unit.kind in ("duration", "measure") else None


def last_listed(tokens: list[Token], k: int, reach: int = 4) -> tuple[Quantity, int] | None:
    """The first quantity with a unit in the list a bare number ending at k opens, and where it starts."""
    n = past_suspended_dash(tokens, k)  # "19-, 20-, 22- and 24-inch monitors"
    for _ in range(reach):
        if is_word(token_at(tokens, n), "and", "or"):
            n += 1  # "aged 13 and 10 years", "covered 96, 90 and 62 yards"
        elif getattr(token_at(tokens, n), "text", "") != ",":
            return None
        else:
            n += 1
            if is_word(token_at(tokens, n), "or", "and"):
                n += 1
        following = match_quantity(tokens, n)
        if following is None or following.currency is not None:
            return None
        if following.unit is not None:
            return following, n
        n = past_suspended_dash(tokens, following.end)
    return None


def suspended_object(tokens: list[Token], k: int, kind: str, max_words: int) -> tuple[int, int] | None:
    """'the 19-, 20- and 24-inch monitors': a number left hanging before a dash measures what the dashed
    unit at the end of its list measures."""
    if past_suspended_dash(tokens, k) == k:
        return None
    last = last_listed(tokens, k)
    if last is None:
        return None
    return match_measured(tokens, last[1], last[0], kind, True, max_words)


def past_suspended_dash(tokens: list[Token], n: int) -> int:
    """Index after a dash left hanging after a number before a comma or 'and' ('19-, 20- and 24-inch')."""
    dash, following = token_at(tokens, n), token_at(tokens, n + 1)
    hanging = dash is not None and dash.text in DASHES and dash.glued
    return n + 1 if hanging and (following is None or following.text == "," or is_word(following, "and", "or")) else n


def named_in_brackets(tokens: list[Token], i: int, quantity: Quantity, max_words: int) -> tuple[int, int] | None:
    """'rush yards (1,292)', 'receiving touchdowns (7)': a bare number in brackets counts the noun
    before the brackets."""
    opening, closing = token_at(tokens, i - 1), token_at(tokens, quantity.end)
    if opening is None or closing is None or opening.text != "(" or closing.text != ")" or i < 2:
        return None
    return noun_phrase_before(tokens, i - 2, min(max_words, 3))


def at_sentence_start(tokens: list[Token], n: int) -> bool:
    return n < 0 or tokens[n].text in (".", "!", "?", "\n", ":", "“", '"')


def statistic_in_brackets(tokens: list[Token], i: int, quantity: Quantity, max_words: int) -> tuple[int, int] | None:
    """'third-down conversions (31.4 percent)': a percentage alone in brackets right after a lowercase plural
    is that statistic's rate, also with the time it was made in between ('11 of 29 free throws this season
    (37.9 percent)')."""
    named_at = i - 2
    if is_word(token_at(tokens, named_at), *SEASON_WORDS) and is_word(token_at(tokens, named_at - 1), "this", "last"):
        named_at -= 2
    previous = token_at(tokens, named_at)
    if previous is None or previous.kind != "word" or not previous.text.islower() or not looks_plural(previous.low):
        return None
    if not previous.low.endswith("s"):
        return None  # "insurance (91%), media (92%)": shares of a list of sectors, which the judges give none
    opening, closing = token_at(tokens, i - 1), token_at(tokens, quantity.end)
    if opening is None or closing is None or opening.text != "(" or closing.text != ")":
        return None
    span = noun_phrase_before(tokens, named_at, min(max_words, 3))
    if span is None:
        return None
    second, dash, first = (token_at(tokens, span[0] - n) for n in (1, 2, 3))
    if (
        second is not None
        and second.kind == "word"
        and second.glued
        and dash is not None
        and dash.text in DASHES
        and dash.glued
        and first is not None
        and first.kind == "word"
        and first.text.islower()
    ):
        return span[0] - 3, span[1]  # "third-down conversions": the dashed modifier stays with its noun
    return span


# Periods a statistic is counted over, said between the statistic and its rate: "this season (37.9 percent)".
SEASON_WORDS = frozenset({"season", "year", "month", "week", "campaign", "term"})


def bounded_before(tokens: list[Token], i: int, max_words: int) -> tuple[int, int] | None:
    """'firms with head counts between 500 and 5,000': a range with nothing counted after it, right
    after a plural noun, bounds that noun ('between 500 and 5,000 employees' counts employees)."""
    previous = token_at(tokens, i - 1)
    if not is_word(tokens[i], "between") or previous is None or not previous.text.islower():
        return None
    if not looks_plural(previous.low):
        return None
    return noun_phrase_before(tokens, i - 1, min(max_words, 2))


# Nouns before "of" whose number is a sum, a bound or a score, not a size of what they name.
SUM_NOUNS = frozenset("total number sum amount maximum minimum average age ages score scores record margin".split())


def counted_group_before(tokens: list[Token], i: int, quantity: Quantity, max_words: int) -> tuple[int, int] | None:
    """'a subscriber base of 53.8 million', 'its population of about 50,000': a bare count after '<noun> of'
    is the size of that noun; not 'a total of 34' nor 'the age of 7'."""
    if quantity.in_words or quantity.vague or not is_word(token_at(tokens, i - 1), "of"):
        return None  # "a room of hundreds": who, not how big the room is
    noun = token_at(tokens, i - 2)
    if noun is None or not noun.text.islower() or noun.low in SUM_NOUNS or looks_plural(noun.low):
        return None
    if noun.low in KIN_WORDS or noun.low in PEOPLE_WORDS or noun.low in PARENT_WORDS:
        return None  # "a mother of 14": of her children, which the sentence leaves unsaid
    if noun.low.endswith(("ed", "ly", "ing")) or noun.low in OBJECT_STOPS:
        return None
    return noun_phrase_before(tokens, i - 2, min(max_words, 2))


# How far names_a_thing looks for a plural head before calling the number a name, whatever the
# configured object length: a short max_object_words must not turn counts into names.
FULL_PHRASE_WORDS = 8
# Words after a bare number that say what state the counted are in: "12 dead, 30 injured".


# Words after "of" that make a number a part of a group said before: "9 of them", "Two of the three".
GROUP_PRONOUNS = frozenset({"them", "us", "those", "these"})
# Plural verbs a number word may be the subject of when its noun was said before: "two have been flown to
# land", "three were found still holding hands".
ELIDED_SUBJECT_VERBS = frozenset({"were", "are", "have", "had", "remain", "remained", "survived", "died"})


def is_total_moved_to(tokens: list[Token], i: int) -> bool:
    """'bringing the total to six', 'driving the tally to seven': a running count a verb moves to the number at i
    (the count of a thing the text said before, whose noun 'total' does not name)."""
    return (
        is_word(token_at(tokens, i - 1), "to")
        and is_word(token_at(tokens, i - 2), *COUNT_LEVEL_NOUNS)
        and is_word(token_at(tokens, i - 3), "the")
        and is_word(token_at(tokens, i - 4), *PARTICLE_VERBS)
    )


def counts_a_group_said_before(tokens: list[Token], i: int, k: int, quantity: Quantity) -> bool:
    """'9 of them', 'Two of the three giant tunnels', 'four of their 15 overs'; 'two have been flown to land',
    'and three were found': a number (not the word 'one') whose noun the sentence said before still counts
    it, as the judges of every fixture set count it (bench/gold/*/NOTES.md)."""
    if k == i and not quantity.vague and not quantity.is_range and is_parent_dashed_of(tokens, i):
        return True  # round 28: "father-of-three Chris", "the mum-of-one": her children, unsaid
    if k == i and not quantity.vague and not quantity.is_range and is_total_moved_to(tokens, i):
        return True  # round 28: "bringing the total to six": the total of a thing said before
    if quantity.bare_one or quantity.vague or quantity.is_range or quantity.value is None or quantity.value < 2:
        return False
    following, after = token_at(tokens, quantity.end), token_at(tokens, quantity.end + 1)
    if is_word(following, "of"):
        if is_word(token_at(tokens, i - 1), "the"):
            return False  # round 26: "the four of them smiling", "the two of us": the whole group, a pronoun
        # "two of his most experienced workers", "two of Medrano’s staffers"
        return is_word(after, *GROUP_PRONOUNS, *PARTITIVE_DETERMINERS) or is_owner_name(after)
    if is_word(following, "out") and is_word(after, "of"):
        return True  # "seven out of every 100 children"
    if is_word(following, "in") and is_word(after, "a") and is_word(token_at(tokens, quantity.end + 2), "row"):
        # round 26: "Windsor has won six in a row": games won or lost, the noun unsaid ("making that four in a row")
        return is_word(token_at(tokens, i - 1), *STREAK_VERBS)
    if is_word(following, "more") and (after is None or after.kind != "word" or after.low in OBJECT_STOPS):
        return True  # "in at least four states, with a dozen more to follow": more of the states
    before = token_at(tokens, i - 1)
    if k == i and is_word(before, "of") and is_word(token_at(tokens, i - 2), *PARENT_WORDS, *MEMBERED_GROUPS):
        return True  # "a stay-at-home mother of four": her children, unsaid; "a family of four": its members
    if quantity.in_words and is_bare_dozen(tokens, quantity.end):
        return True  # round 28: "just a dozen to date", "scoring a dozen in the period": twelve of a thing said before
    if quantity.in_words and k == i and is_rest_of_group(tokens, i, quantity.end):
        return True  # round 28: "any of the previous five,", "the other six,": the rest of those said before
    if quantity.in_words and k == i and is_end_of_change(tokens, i, quantity.end):
        return True  # round 29: "increased from nine to 13", "rose from two to five": what the other end counts
    if quantity.in_words and k == i and is_placed_group(tokens, i, quantity.end):
        return True  # round 28: "There are seven in Paris and another five in London", "had two at Apple"
    if not quantity.in_words or k != i or not is_word(following, *ELIDED_SUBJECT_VERBS, *MODAL_VERBS):
        return False
    if is_word(before, "further", "another"):
        return True  # "A further four would follow": more of those said before
    if not is_word(following, *ELIDED_SUBJECT_VERBS):
        return False
    if before is None or before.text in (".", ";", "\n", ",", "(") or is_word(before, "and", "but", "while"):
        return True  # round 28: "(Six are with Biden, ...)"
    return before.kind == "word" and before.low.endswith("ly") and before.low not in ("only", "early")


def is_end_of_change(tokens: list[Token], i: int, end: int) -> bool:
    """'increased from nine to 13', 'rose from two to five': a number word at i that is one end of a change 'from N
    to M' (the other end a number) counts what the other end counts, said before or after."""

    def is_number(token: Token | None) -> bool:
        return token is not None and (token.kind == "num" or token.low in SMALL_NUMBERS or token.low in TENS)

    before, following = token_at(tokens, i - 1), token_at(tokens, end)
    if is_word(before, "from") and is_word(following, "to"):
        return is_number(token_at(tokens, end + 1))
    return is_word(before, "to") and is_number(token_at(tokens, i - 2)) and is_word(token_at(tokens, i - 3), "from")


# How far past describing words, quoted words and model names a number word may count a plural noun.
DESCRIBED_NOUN_REACH = 8


def described_noun(tokens: list[Token], i: int, end: int) -> tuple[int, int] | None:
    """'in two very different ways', 'has two RTX 3070 models listed', 'two extra USB 2.0 ports', 'three imposing
    20-foot statues', 'seven brilliant, wonderful, largely hidden essential wonders': a number word before describing
    words, quoted words, model names or sizes, and then a plural noun, counts that noun, which `match_object` does not
    reach. The object is the noun with the model name right before it ('RTX 3070 models', 'USB 2.0 ports'), its
    describing words left out as the round-22 standard leaves them. A preposition, a word the object rules stop at
    ('the two met at'; not 'very' or an adverb in -ly), another number word or a sentence's end stops the reading.
    After 'the' ('the two pour millions') the number is a pronoun and the next word may be its verb."""
    first = token_at(tokens, end)
    if is_word(token_at(tokens, i - 1), "the", "these", "those", "both", "other"):
        return None
    if first is None or first.kind not in ("word", "num") or first.glued:
        return None  # "often two, thanks to": no describing word follows
    n = end
    while n - end < DESCRIBED_NOUN_REACH:
        token = token_at(tokens, n)
        if token is None or token.text in (".", "!", "?", ";", ":", "\n", "(", ")"):
            return None
        degree = token.low == "very" or (token.low.endswith("ly") and token.low not in ("only", "early"))
        stop = token.low in OBJECT_STOPS and not degree
        number_word = token.low in SMALL_NUMBERS or token.low in TENS or token.low in VAGUE_BASES
        if token.kind == "word" and (stop or number_word):
            return None
        if token.kind == "word" and not token.glued and n > end and looks_plural(token.low) and token.text.islower():
            start = n
            while start - 1 >= end and is_model_name_part(tokens[start - 1]):
                start -= 1
            return start, n
        n += 1
    return None


def is_model_name_part(token: Token) -> bool:
    """'RTX', '3070', 'USB', '2.0': a capitalised word, an acronym or a number in a model's name."""
    return not token.glued and (token.kind == "num" or (token.kind == "word" and token.text[:1].isupper()))


# Verbs of having, getting and doing after which a number word may end its clause with its noun left out, the noun of
# a count said shortly before: "Trump lost two.", "she had taken eight,", "Dakota Ridge played six,".
ELIDED_OBJECT_VERBS = frozenset("had has have taken took lost won played scored got sold bought made".split())
# How many tokens back that count may stand.
ELIDED_COUNT_REACH = 60


def is_elided_count(tokens: list[Token], i: int, quantity: Quantity, previous: FigureMatch | None) -> bool:
    """'two tablets was a lethal dose – and she had taken eight,', 'Texas gave Trump 36 electoral votes ... Trump lost
    two.': a number word (two or more) right after a verb of having or doing that ends its clause counts the noun of
    a count said shortly before, left out; with no count before ('He had two.') it stays out as a pronoun."""
    if not quantity.in_words or quantity.bare_one or quantity.vague or quantity.is_range:
        return False
    following = token_at(tokens, quantity.end)
    ends = following is None or following.text in (",", ".", ";", "!", "?", "”", '"')
    if not ends or not is_word(token_at(tokens, i - 1), *ELIDED_OBJECT_VERBS):
        return False
    return previous is not None and previous.kind == "count" and 0 < i - previous.end <= ELIDED_COUNT_REACH


# Words that end the clause of a count whose noun is left out: "was nominated for two and ended up winning".
ELIDED_CLAUSE_JOINERS = frozenset({"and", "but", "or"})


def repeats_the_count_before(tokens: list[Token], i: int, quantity: Quantity, previous: FigureMatch | None) -> bool:
    """'Zentreya was nominated for three separate awards. Projekt Melody was nominated for two and ended up winning',
    'Ruiz was charged with four counts, and Diaz was charged with two.': a number word (two or more) ending its
    clause after the same two words that opened a count shortly before counts that count's noun, left out (round
    30, accept38), as `is_elided_count` reads it after a verb of having."""
    if not quantity.in_words or quantity.bare_one or quantity.vague or quantity.is_range:
        return False
    if previous is None or previous.kind != "count" or previous.object_span is None or previous.start < 2:
        return False
    if not 0 < i - previous.end <= ELIDED_COUNT_REACH or i < 2:
        return False
    following = token_at(tokens, quantity.end)
    if following is not None and following.kind == "word" and following.low not in ELIDED_CLAUSE_JOINERS:
        return False
    if is_word(tokens[i - 1], *PARTITIVE_DETERMINERS):
        return False  # "the most freedom of the five": a group said before, as a pronoun, not a count of its own
    said, again = tokens[previous.start - 2 : previous.start], tokens[i - 2 : i]
    return all(a.kind == "word" and a.low == b.low for a, b in zip(said, again, strict=True))


def is_bare_dozen(tokens: list[Token], end: int) -> bool:
    """'a dozen' ending at `end` with a mark or a preposition after it, no noun of its own."""
    following = token_at(tokens, end)
    if not is_word(token_at(tokens, end - 1), "dozen"):
        return False
    return following is None or following.kind == "sym" or is_word(following, *PLACING_PREPOSITIONS, "to", "on")


# Words between "the" and a number word with no noun after it that make it the rest of a group said before.
REST_WORDS = frozenset({"other", "previous", "remaining"})


def is_rest_of_group(tokens: list[Token], i: int, end: int) -> bool:
    """'any of the previous five, with', 'tear down the other six,': 'the other'/'the previous' and a number word
    that a mark ends count the rest of a group said before; not 'the first two' (a place in a list)."""
    following = token_at(tokens, end)
    return (
        is_word(token_at(tokens, i - 1), *REST_WORDS)
        and is_word(token_at(tokens, i - 2), "the")
        and (following is None or following.kind == "sym")
    )


# Prepositions that place a part of a group said before: "seven in Paris", "two at Apple", "four among the New
# Democrats".
PLACING_PREPOSITIONS = frozenset({"in", "at", "among", "within"})


def is_placed_group(tokens: list[Token], i: int, end: int) -> bool:
    """'There are seven in Paris and another five in London', 'including four in California', 'compared to four
    in August': a lowercase number word (not 'one', mostly a pronoun) before a preposition of place and a name
    counts things said before, there; not 'the two at Epstein's home' (the pair, a pronoun) nor 'the top three in
    Iowa' (a rank)."""
    preposition, name = token_at(tokens, end), token_at(tokens, end + 1)
    if not tokens[i].text.islower() or not is_word(preposition, *PLACING_PREPOSITIONS):
        return False
    if is_word(name, "the"):
        name = token_at(tokens, end + 2)
    if is_word(token_at(tokens, i - 1), "and") and is_word(token_at(tokens, i - 2), *DOWN_ORDINALS):
        return False  # "third and three at the UCF35": a down and the yards to go
    return is_capitalised(name) and not is_word(token_at(tokens, i - 1), "the", "top", "bottom")


# Words that sign a temperature below zero, and the units they may sign.
SIGN_WORDS = frozenset({"minus", "negative"})
TEMPERATURE_UNITS = frozenset({"°C", "°F", "degree"})
# Verbs of a side's results whose unsaid noun is games: "has won six in a row" (vocabulary.RESULT_VERBS, the
# verbs before a score, is another list).
STREAK_VERBS = frozenset({"won", "lost", "win", "lose", "wins", "loses", "winning", "losing", "drew", "draw"})


# Words between a count and a number word coordinated with it: "two terms, or even three", "26 people died in
# the strikes and five from artillery".
GAP_COORDINATORS = frozenset({"and", "or", "even", "but"})


def counts_the_noun_before(tokens: list[Token], i: int, quantity: Quantity, previous: FigureMatch | None) -> bool:
    """'two terms, or even three?', '26 people died in the strikes and five from artillery', 'six counts of
    kidnapping and five of rape': a number word (not 'one') coordinated after a count of its sentence, with no
    noun of its own, counts the same noun (the noun is gapped); within a short reach and no sentence between."""
    if not quantity.in_words or quantity.bare_one or quantity.vague or quantity.is_range or k_is_glued(tokens, i):
        return False
    if previous is None or previous.kind != "count" or previous.object_span is None or previous.end >= i:
        return False
    if i - previous.end > GAP_REACH or not is_word(token_at(tokens, i - 1), *GAP_COORDINATORS):
        return False
    if any(t.text in (".", "!", "?", ";", "\n", ":") for t in tokens[previous.end : i]):
        return False
    following = token_at(tokens, quantity.end)
    if following is None or following.kind != "word":
        return following is None or following.text in (",", ".", "?", "!", ";", ")")
    if is_word(following, "of"):  # "five of rape" after "six counts of kidnapping"; not "two of them"
        return is_word(token_at(tokens, previous.object_span[1] + 1), "of") and not is_word(
            token_at(tokens, quantity.end + 1), *GROUP_PRONOUNS, *PARTITIVE_DETERMINERS
        )
    return following.low in OBJECT_STOPS


# Words before "one" that say the number matters: "only one bidder", "just one juror" (round 27, the lead's ruling).
SINGLING_WORDS = frozenset({"only", "just"})


def is_one_singled_out(tokens: list[Token], i: int, quantity: Quantity, object_span: tuple[int, int] | None) -> bool:
    """'only one bidder', 'just one more breakthrough': 'only' or 'just' before the word 'one' and its noun right
    after (or after 'more') make 'one' a count of 1 (docs/evaluation.md, "Added in round 27 (lead)"); not a bare
    'one' ('One reader suggested'), 'just one of the', 'the only one who' or 'the only one airing' (a pronoun) nor
    'not just one thing' (more than one)."""
    if object_span is None or not is_word(token_at(tokens, i - 1), *SINGLING_WORDS):
        return False
    if is_word(token_at(tokens, i - 2), "not", "the"):
        return False  # "not just one player": more than one; "the only one airing such ideas": a pronoun
    start = quantity.end + 1 if is_word(token_at(tokens, quantity.end), "more") else quantity.end
    return object_span[0] == start and not is_word(token_at(tokens, start), "many", "few")  # "just one [of] many"


def k_is_glued(tokens: list[Token], i: int) -> bool:
    following = token_at(tokens, i + 1)
    return following is not None and following.glued and following.kind != "sym"


# How far back a gapped number word looks for the count whose noun it shares.
GAP_REACH = 10
# Groups whose size "of N" gives with the members unsaid: "a family of four", "a crew of seven".
MEMBERED_GROUPS = frozenset({"family", "household", "crew"})
# Auxiliaries between a casualty count and its participle: "one person was killed", "one body had been recovered".
TOLL_AUXILIARIES = frozenset("was were is are has have had been being".split())


def states_a_toll(tokens: list[Token], i: int, quantity: Quantity, object_span: tuple[int, int] | None) -> bool:
    """'one person was killed', 'one more body was found', 'one child remained in hospital', 'eight killed and
    dozens injured': a number word (the word 'one' too, which is otherwise a determiner) whose clause reports
    people or bodies killed, hurt, found or held is a casualty count, with its noun or without; not 'one
    person remained in the dark' or 'as one official said'."""
    n = quantity.end
    if object_span is not None:
        n = object_span[1] + 1
    elif is_word(token_at(tokens, n), "more") and quantity.bare_one:
        n += 2  # "one more body was found"
        if not is_object_word(token_at(tokens, n - 1)):
            return False
    elif quantity.bare_one and is_word(token_at(tokens, n), "of"):
        group_end = past_group_named(tokens, n + 1)  # round 27: "one of its soldiers was killed"
        if group_end is None:
            return False
        n = group_end
        if not is_word(token_at(tokens, n), *TOLL_AUXILIARIES, "died"):
            return False  # "one of the bodies recovered from the jet had been": a participle naming the group
    elif quantity.bare_one:
        return False  # "one killed" is too short to tell from a name or a title
    elif is_word(token_at(tokens, i - 1), "the"):
        return False  # round 26: "messages between the two were found": the whole group said before, a pronoun
    while is_word(token_at(tokens, n), *TOLL_AUXILIARIES):
        n += 1
    word = token_at(tokens, n)
    if is_word(word, "found") and is_word(token_at(tokens, n + 1), "to", "guilty", "that", "not", "liable"):
        return False  # round 27: "one of its officers was found to have lied": a finding, no body found
    if is_word(word, "remain", "remains", "remained"):
        return is_word(token_at(tokens, n + 1), "in") and is_word(token_at(tokens, n + 2), "hospital", "hospitals")
    return is_word(word, *TOLL_WORDS)


# How many words may name the group a casualty is one of: "one of its soldiers", "one of the Turkish soldiers".
GROUP_NAME_REACH = 3


def past_group_named(tokens: list[Token], n: int) -> int | None:
    """Index after 'its soldiers' of 'one of its soldiers was killed': a determiner or a possessive and up to
    three words of the group; None when no determiner opens it ('one of us')."""
    if not is_word(token_at(tokens, n), "the", "its", "their", "his", "her", "our", "those", "these"):
        return None
    k = n + 1
    while k < n + 1 + GROUP_NAME_REACH and is_object_word(token_at(tokens, k)) and tokens[k].low not in TOLL_WORDS:
        k += 1
    return k if k > n + 1 else None


def is_owner_name(token: Token | None) -> bool:
    """A capitalised name with a possessive ending: 'Medrano’s', 'Apple's'."""
    return is_capitalised(token) and token is not None and token.text.endswith(("'s", "’s")) and len(token.text) > 3


def is_two_cents(tokens: list[Token], k: int, quantity: Quantity) -> bool:
    """'offer his two cents', 'my 2 cents': the idiom for an opinion, after a possessive."""
    said = [t.low for t in tokens[k : quantity.end]]
    return said in (["two", "cents"], ["2", "cents"]) and is_word(token_at(tokens, k - 1), *OWNER_DETERMINERS)


def closes_count_list(tokens: list[Token], i: int, previous: FigureMatch | None) -> bool:
    """'155 Indonesians, three South Koreans, and one person each from Singapore': 'one' and its noun listed
    right after another count is the last count of the list, not the pronoun or determiner 'one'."""
    if previous is None or previous.kind != "count" or previous.object_span is None or not previous.end < i:
        return False
    return all(t.text == "," or is_word(t, "and", "or") for t in tokens[previous.end : i])


# Nouns that make the 'one' before them a count of 1 (round 27): "One death and 432 new cases", "reported one
# additional death"; no reader takes "one death" for the determiner of "one day".
ONE_COUNTED_NOUNS = frozenset({"death", "fatality", "casualty"})
# Prepositions after a bare 'one' whose noun a list left unsaid: "two in Bolivia and one in Puerto Rico".
ELIDED_NOUN_PREPOSITIONS = frozenset({"in", "with", "from", "at", "on", "for"})


def counts_one_by_its_noun(tokens: list[Token], object_span: tuple[int, int]) -> bool:
    """'One death and 432 new cases', 'charged with one count of murder': 'one' is a count, not a determiner, before
    a death or a charge ('count of'). ('one bird species and one fish species' was tried: 'counting on one company
    and one team' and 'one electrocuted and one starved' are judged no figures.) Round 27."""
    head, after = tokens[object_span[1]], object_span[1] + 1
    if head.low in ONE_COUNTED_NOUNS:
        return True
    return head.low == "count" and is_word(token_at(tokens, after), "of")


def closes_list_without_noun(tokens: list[Token], i: int, quantity: Quantity, previous: FigureMatch | None) -> bool:
    """'two NASA astronauts and one from the European Union', 'two in Bolivia and one, unannounced, in Puerto Rico':
    a bare 'one' joined by 'and' right after a count, before a preposition or a comma, counts what that count counts
    (round 27)."""
    if previous is None or previous.kind != "count" or not previous.end < i:
        return False
    between = tokens[previous.end : i]
    if not all(t.text == "," or is_word(t, "and") for t in between) or not any(is_word(t, "and") for t in between):
        return False  # "two motorcycles, one for himself and one for his assistant": a part of the two, no new count
    following = token_at(tokens, quantity.end)
    return following is not None and (following.text == "," or is_word(following, *ELIDED_NOUN_PREPOSITIONS))


def kind_and_unit(quantity: Quantity) -> tuple[str, str | None]:
    if quantity.unit is not None and quantity.unit.kind in ("percent", "money"):
        return quantity.unit.kind, quantity.unit.name
    if quantity.currency is not None:
        return "money", quantity.currency
    if quantity.unit is not None:
        return quantity.unit.kind, quantity.unit.name
    return "count", None


def is_worth_a_row(quantity: Quantity, kind: str, object_span: tuple[int, int] | None, qualifier: str | None) -> bool:
    """Drop the pronoun 'one' ('as one official said') and number words counting nothing ('the two met')
    unless a qualifier or range makes them a figure. Digits and vague multiples with no object stay
    ('30 in all', 'thousands fled'): a writer chose to print them."""
    if kind != "count" or qualifier is not None or quantity.is_range:
        return True
    return not quantity.bare_one and (object_span is not None or not quantity.in_words)


# Rates a statistic gives in percent, so that "zero" before one is 0% of it: "zero growth", "zero inflation".
PERCENT_RATES = frozenset({"growth", "inflation"})


def is_zero_rate(tokens: list[Token], k: int, end: int) -> bool:
    """'There was also zero growth in the prior three months', 'zero inflation': "zero" right before a rate that
    economic statistics give in percent is a percent of 0, that rate its object (round 29's ruling: "zero" with what
    it measures is a figure); economy, budget and central-bank stories say it so."""
    return end == k + 1 and is_word(tokens[k], "zero") and is_word(token_at(tokens, end), *PERCENT_RATES)


def find_figures(text: str, article_id: str, options: FigureOptions = FigureOptions()) -> list[Figure]:
    """Every figure in text, in text order and not overlapping."""
    tokens = read_won_words(text, read_letter_currencies(text, read_peso_signs(text, tokenize(text))))
    tokens = read_space_groups(text, tokens)  # round 28 (objects37): "over 800 000 hectares"
    sentences = Sentences(text)
    not_amounts = not_amount_tokens(tokens, text)  # a formula's terms, display resolutions: no figure may hold one
    markers = numbered_markers(tokens) | ordering_numbers(tokens) | not_amounts
    figures: list[Figure] = []
    previous: FigureMatch | None = None
    amount_before: FigureMatch | None = None  # the last count, sum or measure
    i = 0
    while i < len(tokens):
        if i in markers:
            i += 1
            continue
        total = cricket_total(tokens, i)
        if total is not None:
            figures.append(build_figure(text, article_id, tokens, total, sentences))
            i, previous = total.end, total
            continue
        decade = decade_temperature(tokens, i)
        if decade is not None:
            figures.append(build_figure(text, article_id, tokens, decade, sentences))
            i, previous = decade.end, decade
            continue
        token = tokens[i]
        body = shorthand_figure(tokens, i) if token.kind == "num" or token.low in SHORTHAND_WORDS else None
        if body is not None:
            figures.append(build_figure(text, article_id, tokens, body, sentences))
            i, previous = body.end, body
            continue
        quote = quote_pair(tokens, i) if can_open_figure(tokens[i]) else None
        if quote is not None:
            figures.append(build_figure(text, article_id, tokens, quote, sentences))
            i, previous = denomination_end(tokens, quote.end), quote
            continue
        skip_to = non_figure_end(tokens, i)
        opens = can_open_figure(tokens[i])
        if skip_to is None and opens:
            skip_to = naming_number_end(tokens, i)
        if skip_to is None and opens:
            skip_to = not_amount_end(tokens, i)
        if skip_to is not None:
            i = skip_to
            continue
        match = match_figure(tokens, i, options, previous, amount_before) if opens else None
        if match is None:
            i += 1
            continue
        if not_amounts and not_amounts.intersection(range(match.start, match.end)):
            i = match.end  # "up to 2^28": the bound is a formula's term
            continue
        if match.kind == "duration" and is_age_of_thing(tokens, match.start):
            i = match.end  # "portions dating more than a century": an age
            continue
        figures.append(build_figure(text, article_id, tokens, match, sentences))
        i, previous = match.end, match
        if match.kind in ("count", "money", "measure"):
            amount_before = match
    if any(figure.unit == "INR" for figure in figures):
        rupee = rupee_of_text(tokens)
        if rupee != "INR":
            figures = [replace(f, unit=rupee) if f.unit == "INR" else f for f in figures]
    figures = restated(text, article_id, figures, sentences.containing)
    figures = pair_counts(text, article_id, sentences.containing, figures)
    return plus_counts(text, article_id, sentences.containing, figures)


# The most an offer may stand above its bid, as a share of the bid: a dealer's spread is a few hundredths of a
# percent; "8.25/10" (a mark) reads as an offer below the bid and is no quote.
QUOTE_SPREAD = 0.01


def quote_pair(tokens: list[Token], i: int) -> FigureMatch | None:
    """'The rupee ended at 39.28/29', 'to end at Rs 77.12/14 per pound', 'close of 39.2950/3050 a dollar': a
    dealer's bid and offer, the offer written as the bid's last digits, is one price read as its bid (the judges
    read a quote so). A bare quote is money whose currency the sentence gives, not the figure."""
    at = next((n for n in (i, i + 1) if getattr(token_at(tokens, n), "kind", "") == "num"), None)
    if at is None or "." not in tokens[at].text:
        return None
    slash, offer = token_at(tokens, at + 1), token_at(tokens, at + 2)
    if slash is None or offer is None or slash.text != "/" or not slash.glued or not offer.glued:
        return None
    bid = tokens[at].text.replace(",", "")
    if not offer.text.isdecimal() or not 1 <= len(offer.text) <= len(bid.split(".")[1]):
        return None
    offered = float(bid[: len(bid) - len(offer.text)] + offer.text)
    if not float(bid) <= offered <= float(bid) * (1 + QUOTE_SPREAD):
        return None
    quantity = match_quantity(tokens[: at + 1], i)  # the bid alone, with its currency if one opens it
    if quantity is None or quantity.end != at + 1 or quantity.is_range or quantity.unit is not None:
        return None
    kind, unit = kind_and_unit(quantity)
    end = at + 3
    named = UNIT_PHRASES.match(tokens, end) if kind != "money" else None
    if named is not None and named[0].kind == "money":  # "quoted at 1.4870/75 dollars"
        unit, end = named[0].name, named[1]
    quantity = replace(quantity, end=end)
    return FigureMatch(i, end, quantity, None, False, "money", unit if kind == "money" or named else None, None)


def denomination_end(tokens: list[Token], end: int) -> int:
    """Index after 'per 100 yen' right after a quote ('Rs 36.51/53 per 100 yen'): the amount of the currency
    quoted, not a figure of its own; else `end`."""
    if not is_word(token_at(tokens, end), "per"):
        return end
    amount = match_quantity(tokens, end + 1)
    if amount is None or kind_and_unit(amount)[0] != "money":
        return end
    return amount.end


# Words that make a report one of cricket, where "181-6" is a team's runs for wickets lost.
CRICKET_REACH = 150  # tokens either side of the pair: a report names its game now and then


def cricket_total(tokens: list[Token], i: int) -> FigureMatch | None:
    """'The visitors had reached 181-6 when', 'leave them 68-3 in the 15th over': in a cricket report, a
    total written runs-dash-wickets (runs first and more than ten, wickets up to ten, no unit or noun after)
    is the team's runs, a count as the judges read '146 for eight'."""
    if not is_bare_pair(tokens, i) or getattr(token_at(tokens, i - 1), "text", "") in ("-", "–", "(", ","):
        return None
    runs, wickets = int(tokens[i].text), int(tokens[i + 2].text)
    if has_leading_zero(tokens[i + 2]) or not (wickets <= 10 < runs < 1000):
        return None
    if not ends_bare_score(tokens, i + 3) or is_bare_pair(tokens, i + 4):
        return None
    if getattr(token_at(tokens, i + 3), "text", "") == "-" or is_bowling_figures(tokens, i, i + 3):
        return None
    start = max(0, i - CRICKET_REACH)
    near = tokens[start : i + CRICKET_REACH]
    if not any(
        t.low in CRICKET_WORDS or (t.low == "one" and is_one_day_format(tokens, start + n))
        for n, t in enumerate(near)
        if t.kind == "word"
    ):
        return None
    quantity = Quantity(float(runs), None, None, None, None, i + 3, False, False, False, False)
    return FigureMatch(i, i + 3, quantity, None, False, "count", None, None)


# Where in a decade a temperature said by its decade lies (round 27; Media Cloud metadata-lib's NOTES.md): "in the
# upper 30s" is 37-39 degrees, "mid 60s" 64-66, "the low 80s" 80-83.
DECADE_PLACES = {"upper": (7, 9), "high": (7, 9), "mid": (4, 6), "middle": (4, 6), "lower": (0, 3), "low": (0, 3)}
# Words of a forecast that make "the upper 30s" a temperature when said within FORECAST_REACH tokens before it, in
# any sentence (a spoken forecast names the temperature once, then its places): "highs in the low 80s", "Temps. Upper
# 30s". "the mid-90s" with none of them is a time.
FORECAST_WORDS = frozenset(
    "temperature temperatures temp temps degrees highs lows forecast fahrenheit celsius freezing freeze".split()
)
FORECAST_REACH = 40


def decade_temperature(tokens: list[Token], i: int) -> FigureMatch | None:
    """'in the upper 30s', 'highs in the mid-60s': a temperature said by where in a decade it lies, after a word of
    the forecast or in a sentence about temperature, is a measure over that part of the decade (°F unless the text
    speaks of Celsius). A decade alone ('into the 50s': the golds disagree) and an age ('in his mid-60s') are not."""
    place = DECADE_PLACES.get(tokens[i].low) if tokens[i].kind == "word" else None
    n = i + 2 if place is not None and is_glued_dash(token_at(tokens, i + 1)) else i + 1
    number, plural = token_at(tokens, n), token_at(tokens, n + 1)
    if place is None or number is None or number.kind != "num" or not is_word(plural, "s") or not plural.glued:
        return None
    if number.text not in ("10", "20", "30", "40", "50", "60", "70", "80", "90", "100"):
        return None
    if is_word(token_at(tokens, i - 1), *OWNER_DETERMINERS):
        return None  # "in her mid-60s": an age
    forecast = any(is_word(t, *FORECAST_WORDS) for t in tokens[max(0, i - FORECAST_REACH) : i])
    if not (forecast or speaks_of_temperature(tokens, n)):
        return None
    base = int(number.text)
    low, high = float(base + place[0]), float(base + place[1])
    celsius = any(t.low == "celsius" or (t.text == "C" and t.glued and t.kind == "word") for t in tokens)
    quantity = Quantity(low, low, high, None, None, n + 2, vague=True, is_range=False, in_words=False, bare_one=False)
    return FigureMatch(i, n + 2, quantity, None, False, "measure", "°C" if celsius else "°F", None)


# Words that may open a figure said in shorthand (`shorthand_figure`), besides digits: "half", number words.
SHORTHAND_WORDS = frozenset({"half", *SMALL_NUMBERS, *TENS})


def shorthand_figure(tokens: list[Token], i: int) -> FigureMatch | None:
    """A figure said in shorthand at i: a player's weight or height, a span of quarters or half of a thing counted in
    halves (`body_measure`, `quarters_span`, `half_counted`); each asked only where its first word can open it, since
    the loop asks at every token."""
    token = tokens[i]
    if token.kind == "num":
        return body_measure(tokens, i) or quarters_span(tokens, i)
    if token.low == "half":
        return half_counted(tokens, i)
    if token.low in SMALL_NUMBERS or token.low in TENS:
        return quarters_span(tokens, i)
    return None


def placings_counted(tokens: list[Token], n: int) -> tuple[int, int] | None:
    """The span of 'top 10s' after a count at n ('10 top 10s', 'three top-5s'): finishes in a ranking's top places,
    named by the number of places with a plural 's' glued to it, are what the count counts (a placing's name is no
    figure; the count of them is). Round 31 (figures55); it fires on racing, golf and tennis season reviews."""
    if not is_word(token_at(tokens, n), "top"):
        return None
    k = n + 2 if is_glued_dash(token_at(tokens, n + 1)) else n + 1
    number, plural = token_at(tokens, k), token_at(tokens, k + 1)
    if number is None or number.kind != "num" or not number.text.isdecimal() or (k > n + 1 and not number.glued):
        return None
    return (n, k + 1) if is_word(plural, "s") and plural is not None and plural.glued else None


def body_measure(tokens: list[Token], i: int) -> FigureMatch | None:
    """A player's weight said as a noun ('the 330-pounder': 330 lb) or height as a bare feet-dash-inches pair before
    it or a position ('The 6-4, 223-pounder', 'the 7-1 center': 6.333 ft, 7.083 ft), measures with no object (the
    nominal names no one); `transforms.figures.body_measures`, round 31 (figures55)."""
    weight_end = weight_noun_end(tokens, i)
    if weight_end is not None:
        value, unit, end = float(tokens[i].text), "lb", weight_end
    else:
        height_end = height_pair_end(tokens, i)
        if height_end is None:
            return None
        value, unit, end = height_in_feet(tokens, i), "ft", height_end
    quantity = Quantity(value, None, None, None, None, end, False, False, False, False)
    return FigureMatch(i, end, quantity, None, False, "measure", unit, None)


# Words that may stand between a span's preposition and its number of quarters: "in just one quarter".
SPAN_ADVERBS = frozenset({"just", "only", "nearly", "almost", "about", "roughly", "around"})
# Words before a number of quarters that make it a span: "in one quarter", "for two quarters", "the last three". Not
# "after": snacktory's judge counts "benched after just six quarters" (a game's quarters, a count).
QUARTER_SPAN_OPENERS = frozenset({"in", "for", "within", "over", "during", "last", "past", "next", "first"})


def quarters_span(tokens: list[Token], i: int) -> FigureMatch | None:
    """'not realistic to scale in just one quarter', 'shrank for two quarters in a row', 'within three quarters': a
    number of quarters after a preposition of time (or 'the last/next'), with no 'of' after, is a span of quarters
    (of a year, or of a game), a duration; 'one quarter of the budget' and 'three quarters of voters' are
    fractions and 'the fourth quarter' a place. Round 31 (figures55); it would fire on earnings and economy stories
    and on game reports."""
    token, unit_word, following = tokens[i], token_at(tokens, i + 1), token_at(tokens, i + 2)
    if unit_word is None or unit_word.low not in ("quarter", "quarters") or unit_word.glued:
        return None
    value = number_of(token)
    if value is None or not 0 < value < 100:
        return None
    if following is not None and not (
        (following.kind == "sym" and following.text not in DASHES)
        or (following.kind == "word" and following.low in OBJECT_STOPS and following.low != "of")
    ):
        return None  # "one quarter of the budget", "three quarter-length sleeves"
    n = i - 1
    while is_word(token_at(tokens, n), *SPAN_ADVERBS):
        n -= 1
    if not is_word(token_at(tokens, n), *QUARTER_SPAN_OPENERS):
        return None
    quantity = Quantity(float(value), None, None, None, None, i + 2, False, False, token.kind == "word", False)
    return FigureMatch(i, i + 2, quantity, None, False, "duration", "quarter", None)


# Words that bound "a half" before a counted noun: "at least a half sack", "another half point", "only a half game".
HALF_BOUNDS = frozenset({"least", "only", "just", "another", "nearly", "almost", "than", "extra"})
# Things sport and standings count in halves ("a half sack", "a half game back", "a half stroke"); other nouns after
# "half" make a name ("a half marathon", "a half brother", "half time").
HALVED_NOUNS = frozenset({"sack", "game", "point", "stroke", "length", "step", "share", "star", "serving"})


def half_counted(tokens: list[Token], i: int) -> FigureMatch | None:
    """'at least a half sack', 'added another half sack', 'only a half game back': 'half' before a singular noun,
    after 'a' and a bound (or 'another'), counts half of one of that noun (0.5, the noun its object; round 30's
    second blind newspaper4k judge), for nouns counted in halves (`HALVED_NOUNS`); units ('a half hour') are read as
    spans and measures elsewhere, and 'a half marathon' and 'a half brother' are names. Round 31 (figures55); it
    would fire on sack, game and point counts of sport reports and standings."""
    if not is_word(tokens[i], "half"):
        return None
    article = i - 1 if is_word(token_at(tokens, i - 1), "a") else i
    if not is_word(token_at(tokens, article - 1), *HALF_BOUNDS) and not is_word(token_at(tokens, i - 1), "another"):
        return None
    noun, following = token_at(tokens, i + 1), token_at(tokens, i + 2)
    if noun is None or noun.low not in HALVED_NOUNS or not noun.text.islower() or noun.glued:
        return None
    if following is not None and following.kind == "word" and following.low not in OBJECT_STOPS:
        return None  # "a half marathon runner": the noun runs on
    quantity = Quantity(0.5, None, None, None, None, i + 2, False, False, True, False)
    return FigureMatch(i, i + 2, quantity, None, False, "count", None, (i + 1, i + 1))


def rupee_of_text(tokens: list[Token]) -> str:
    """'Rs' and 'rupees' are India's unless the text names another rupee's country more often than India
    ('the Pakistani rupee fell to 61.95 rupees', 'fined Rs 5,000 in Colombo, Sri Lanka')."""
    named: dict[str, int] = {}
    for n, token in enumerate(tokens):
        currency = RUPEE_COUNTRIES.get(token.low)
        if token.low in ("lanka", "lankan", "lankans") and not is_word(token_at(tokens, n - 1), "sri"):
            currency = None
        if currency is not None:
            named[currency] = named.get(currency, 0) + 1
    best = max(named, key=lambda currency: named[currency], default="INR")
    return best if named.get(best, 0) > named.get("INR", 0) else "INR"


# Brackets that hold a reference or item number alone: "(3)", "[12]".
_MARKER_BRACKETS = {"(": ")", "[": "]"}


def numbered_markers(tokens: list[Token]) -> set[int]:
    """Token indexes of numbers that mark references or items, not amounts: a plain whole number alone in
    brackets ('heart attacks (1)(2).', 'stamina [3].', 'and (2) we're three days from') where the text
    numbers such brackets 1, 2, ... in turn. A text that prints a bracketed count ('rush yards (1,292)',
    'touchdowns (7)') does not number its brackets from one, nor does one that brackets as many other numbers as
    the run from one holds ('Adams (14) and Brooks (9) lead, ahead of Chen (2) and Diaz (1)').
    A square-bracketed number glued to the word before it ('as reported[4]') is a reference wherever it stands."""
    bracketed: dict[int, list[int]] = {}
    glued_references: set[int] = set()
    for n in range(1, len(tokens) - 1):
        opening, number, closing = tokens[n - 1], tokens[n], tokens[n + 1]
        if _MARKER_BRACKETS.get(opening.text) != closing.text or number.kind != "num" or not number.text.isdecimal():
            continue
        if not (number.glued and closing.glued) or len(number.text) > 3:
            continue
        bracketed.setdefault(int(number.text), []).append(n)
        if opening.text == "[" and opening.glued:
            glued_references.add(n)
    for n, values in cited_ranges(tokens) if bracketed else []:  # "[1-3]" with "[4]" after: one text's numbering
        for value in values:
            bracketed.setdefault(value, []).extend((n, n + 2))
    run = 0
    while run + 1 in bracketed:
        run += 1
    others = sum(len(places) for value, places in bracketed.items() if not 1 <= value <= run)
    if run < 2 or others >= run:
        return glued_references  # round 29: "Adams (14) and Brooks (9) lead, ahead of Chen (2) and Diaz (1)": counts
    return glued_references | {n for value in range(1, run + 1) for n in bracketed[value]}


def cited_ranges(tokens: list[Token]) -> list[tuple[int, range]]:
    """(index of the first number, the numbers cited) of each run of references in square brackets, '[1-3]',
    '[4–6]' (round 32, figures57): health, science and encyclopedia-style pages cite several sources at once so,
    and the run counts towards the text's numbering of its brackets in `numbered_markers`."""
    found = []
    for n in range(1, len(tokens) - 3):
        opening, low, dash, high, closing = tokens[n - 1 : n + 4]
        if opening.text != "[" or closing.text != "]" or dash.text not in DASHES:
            continue
        if not all(t.glued for t in (low, dash, high, closing)) or not (low.text.isdecimal() and high.text.isdecimal()):
            continue
        if len(high.text) <= 3 and int(low.text) < int(high.text):
            found.append((n, range(int(low.text), int(high.text) + 1)))
    return found


def build_figure(text: str, article_id: str, tokens: list[Token], match: FigureMatch, sentences: Sentences) -> Figure:
    char_start, char_end = tokens[match.start].start, tokens[match.end - 1].end
    quantity = match.quantity
    object_text = None
    if match.object_span is not None:
        object_text = text[tokens[match.object_span[0]].start : tokens[match.object_span[1]].end]
        if object_text[-2:] in ("'s", "’s"):
            object_text = object_text[:-2]  # an owner named as the object: "Africa's growth rate" is Africa's
        owner = owner_named_before(tokens, match.object_span, (match.start, match.end))
        if owner is not None:
            object_text = f"{text[tokens[owner[0]].start : tokens[owner[1]].end]} {object_text}"
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
            if match.group("end") == "." and is_abbreviation_before(text, match.start(), match.end()):
                continue
            self.ends.append(match.end("end") if match.group("end") is not None else match.start())
            self.starts.append(match.end())
        self.ends.append(len(text))

    def containing(self, char: int) -> str:
        index = max(bisect_right(self.starts, char) - 1, 0)
        return self.text[self.starts[index] : self.ends[index]].strip()


# "U.S.", "U.K.", "Mr.", "Jan." before a capital or a digit seldom end a sentence in news copy ("The 10-year U.S.
# Treasury note", "The U.K. FTSE 100 index", "meets Jan. 29-30"); a sentence that does end in an initialism is
# mostly followed by one of these openers ("... in the U.S. The ...").
_INITIALISM = re.compile(r"(?:\b[A-Z]\.){2,}$")
_TITLE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec)\.$"
)
SENTENCE_OPENERS = frozenset(
    """the a an he she it they we i you his her its their our my this that these those there here but and
    or so yet if when while after before as in on at for with by from of to some many most all no not one
    what who how why where""".split()
)


# "No. 11" (a rank, a tunnel's number) is inside its sentence: cut there, a figure's sentence lost the thing it is of
# ("... with Nationwide P&C Group falling out of the top 10, moving from No. 9 to No. 11, and losing 9.9%").
_NUMBER_SIGN = re.compile(r"\bNo\.$")


def is_abbreviation_before(text: str, dot: int, next_start: int) -> bool:
    """Whether the full stop at `dot` closes an abbreviation inside a sentence: a title or a month before
    anything, "No." before a digit, an initialism before a word that does not open sentences."""
    before = text[max(0, dot - 12) : dot + 1]
    if _TITLE.search(before):
        return True
    following = text[next_start : next_start + 1]
    if _NUMBER_SIGN.search(before) and following.isdigit():
        return True
    if not _INITIALISM.search(before):
        return False
    word = re.match(r"[A-Za-z]+", text[next_start : next_start + 20])
    return word is not None and word.group().lower() not in SENTENCE_OPENERS
