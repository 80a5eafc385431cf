"""Numbers that name or order things, not amounts (issue 12, round 23): a table's rank column, the numbers of a
ranked list's headings, an enumeration of whole numbers ('0, 1, 2, 3…'), a number inside a title-case name
('7 On Your Side'), a volume number ('Vol. 18') and the strengths in a product's name ('Niacinamide 10% + Zinc
1%'). The first three are read from the shape of the whole text (a column, a run of lines, a run of numbers:
`ordering_numbers`); the others from the tokens around one number (`naming_number_end`), with a day or stage
of a series ("week five") and the top of a scale ("out of a possible 1,000")."""

from __future__ import annotations

from transforms.figures.non_figures import numeric_chain_end
from transforms.figures.tokens import Token, is_capitalised, is_word, token_at
from transforms.figures.vocabulary import MONTHS, SMALL_NUMBERS, TITLE_SMALL_WORDS

# A run of consecutive whole numbers this long orders rows, headings or a shown sequence; two could be chance.
MIN_RUN = 3
# A rank column that neither starts nor ends at 1 (a table's second page: 51, 52, ...) must be longer.
MIN_RUN_AWAY_FROM_ONE = 5
# A ranked list's heading is a title, not a paragraph: this many words at most.
HEADING_WORDS = 16
# Marks that end a sentence: a line ending in one is prose, not a heading.
SENTENCE_MARKS = frozenset({".", "!", "?", "…"})
# Quotation marks that may open a listed title: "11 'My Dress-Up Darling' Season 2".
OPENING_QUOTES = frozenset({"'", "‘", '"', "“"})
# Marks that open a list item's line: "- 1", "• 2.".
LINE_BULLETS = frozenset({"-", "–", "•", "*"})
# Words that may open a gallery counter's line: "Photo 1 of 12".
SLIDE_WORDS = frozenset({"photo", "photos", "image", "images", "slide", "picture", "pictures", "gallery"})
# Marks glued after an item's number: "- 1. To license", "- 2) Call".
ITEM_NUMBER_CLOSERS = frozenset({".", ")"})
# What may stand before a dotted item's number inside a line: a table cell's bar, a colon that opens the list, or
# the mark that ends the item before ("Answers: 1. Eddie Albert. 2. The Green Monster ...", "| 1. Pat Noonan |").
ITEM_OPENERS = frozenset({"|", ":", ".", "?", "!"})
# Words whose abbreviating dot is no item's end: "Dec. 1. But", "No. 8. In May".
DOTTED_ABBREVIATIONS = frozenset({*MONTHS, "no", "nos", "st", "mr", "mrs", "ms", "dr", "vs", "v"})
# Marks that close a shown sequence: "the whole numbers (0, 1, 2, 3…)".
ELLIPSES = frozenset({"…", "..."})
# Abbreviated label words before their number's dot: "Vol. 18", "Ch. 7", "Ep. 4".
LABEL_ABBREVIATIONS = frozenset({"vol", "vols", "ch", "ep", "pt", "fig", "figs"})
# Nouns for one of a series of days or stages: "week five", "day one of the trial", "Phase six".
POSITION_NOUNS = frozenset("day week month night season episode chapter round stage phase leg step act".split())
# What may follow such a number when it names one of the series: punctuation, a line's end or a preposition.
POSITION_CLOSERS = frozenset({"\n", ".", ",", ";", ":", ")", "!", "?", "—", "–"})
# Words before the noun that leave it naming one of a series ("by week three", "during day one"); a determiner or
# an adjective makes it a time instead ("Last week 3 of the firms closed", "That night two of the guards slept").
POSITION_OWNERS = frozenset(
    "by around in on during until till from through after before since of at to into for within about near".split()
)
POSITION_PREPOSITIONS = frozenset({"of", "in", "at", "on", "for", "when", "before", "after"})
# Adjectives that make the number after 'out of a' a scale's top: "out of a possible 1,000 points".
SCALE_TOP_ADJECTIVES = frozenset({"possible", "maximum", "perfect"})
# Possessive words that, capitalised after a number, carry a name on: "7 On Your Side", "4 Your Health".
TITLE_POSSESSIVES = frozenset({"your", "my", "our", "their", "his", "her", "its"})


def ordering_numbers(tokens: list[Token]) -> set[int]:
    """Token indexes of the numbers that order rows or items of the text: a table's rank column, the numbers
    of a ranked list's headings and enumerations of whole numbers."""
    lines = lines_of(tokens)
    ordered = rank_column(tokens, lines) | ranked_headings(tokens, lines) | enumerated_numbers(tokens)
    return ordered | bulleted_item_numbers(tokens, lines) | dotted_item_numbers(tokens) | slide_counters(tokens, lines)


def is_whole(token: Token | None, digits: int = 3) -> bool:
    """A plain whole number without a leading zero, of at most `digits` digits."""
    return (
        token is not None
        and token.kind == "num"
        and token.text.isdecimal()
        and len(token.text) <= digits
        and (token.text == "0" or not token.text.startswith("0"))
    )


def lines_of(tokens: list[Token]) -> list[tuple[int, int]]:
    """(start, end) token indexes of each line, line breaks left out."""
    breaks = [n for n, token in enumerate(tokens) if token.text == "\n"]
    return list(zip([0, *(n + 1 for n in breaks)], [*breaks, len(tokens)], strict=True))


def ordered_runs(numbered: list[tuple[int, int]]) -> list[list[int]]:
    """The runs, in the given order, of (token index, value) pairs whose values go up or down by one each
    step; each run as its token indexes."""
    runs: list[list[int]] = []
    run: list[tuple[int, int]] = []
    for index, value in numbered:
        step = value - run[-1][1] if run else 0
        if run and step in (1, -1) and (len(run) == 1 or step == run[-1][1] - run[-2][1]):
            run.append((index, value))
            continue
        if run:
            runs.append([n for n, _ in run])
        run = [(index, value)]
    if run:
        runs.append([n for n, _ in run])
    return runs


def is_ordering_run(values: list[int]) -> bool:
    """A run long enough to order things: three from 1 (up or down to it), else five."""
    if len(values) < MIN_RUN:
        return False
    return 1 in (values[0], values[-1]) or len(values) >= MIN_RUN_AWAY_FROM_ONE


def rank_column(tokens: list[Token], lines: list[tuple[int, int]]) -> set[int]:
    """'| Rank | Company | NPW |' over '| 1 | State Farm Group | 107,764,591 |', '| 2 | ...': a table whose
    first cells, row after row, are the whole numbers 1, 2, 3, ... ranks or numbers its rows. A count column
    seldom steps by exactly one down three rows from 1."""
    found: set[int] = set()
    firsts: list[tuple[int, int]] = []  # (index, value) of the first cells of the current table's rows
    for start, end in lines:
        opener, cell, closing = (getattr(token_at(tokens, start + d), "text", "") for d in (0, 1, 2))
        if start + 2 < end and opener == "|" and closing == "|" and is_whole(tokens[start + 1]):
            firsts.append((start + 1, int(cell)))
            continue
        found |= runs_that_order(firsts)  # a row without a number, or the table's end, ends a run
        firsts = []
    return found | runs_that_order(firsts)


def runs_that_order(numbered: list[tuple[int, int]]) -> set[int]:
    values = dict(numbered)
    return {n for run in ordered_runs(numbered) if is_ordering_run([values[k] for k in run]) for n in run}


def ranked_headings(tokens: list[Token], lines: list[tuple[int, int]]) -> set[int]:
    """'11 'My Dress-Up Darling' Season 2', then a paragraph, then '10 'Kowloon Generic Romance'', ...: lines
    that open with a whole number before a title (a capitalised word or a quotation) and end without a
    sentence's mark are a ranked list's headings when their numbers count up or down by one from heading to
    heading. One such line alone may be a count ('3 Killed in Crash')."""
    numbered = [(start, int(tokens[start].text)) for start, end in lines if is_heading_number(tokens, start, end)]
    return runs_that_order(numbered)


def is_heading_number(tokens: list[Token], start: int, end: int) -> bool:
    number, title = token_at(tokens, start), token_at(tokens, start + 1)
    if start + 1 >= end or not is_whole(number) or title is None or title.glued:
        return False
    if not (is_capitalised(title) or title.text in OPENING_QUOTES):
        return False
    words = sum(1 for token in tokens[start:end] if token.kind == "word")
    return words <= HEADING_WORDS and tokens[end - 1].text not in SENTENCE_MARKS


def bulleted_item_numbers(tokens: list[Token], lines: list[tuple[int, int]]) -> set[int]:
    """'- 1', '- 2', '- 3' (a slideshow's pager) or '- 1. To license ...', '- 2. To order ...': a bullet, a whole
    number alone or closed by a dot or bracket, line after line, counting up or down by one, numbers the items
    (round 28, figures52). '- 3 dead in a crash' has a word, not a mark, after its number."""
    numbered: list[tuple[int, int]] = []
    for start, end in lines:
        bullet, number, closer = (token_at(tokens, start + d) for d in (0, 1, 2))
        if bullet is None or bullet.text not in LINE_BULLETS or not is_whole(number) or start + 1 >= end:
            continue
        if start + 2 == end or (closer is not None and closer.text in ITEM_NUMBER_CLOSERS and closer.glued):
            numbered.append((start + 1, int(tokens[start + 1].text)))
    return runs_that_order(numbered)


def slide_counters(tokens: list[Token], lines: list[tuple[int, int]]) -> set[int]:
    """'1 of 57', '2 of 57', '3 of 57' (or 'Photo 1 of 12', ...): lines holding only which of how many pictures a
    gallery shows, counting up or down by one to the same total, are its counter, not counts (round 30,
    accept38); both numbers of each line. One such line alone may be a count ('3 of 5' answering a question)."""
    by_total: dict[str, list[tuple[int, int]]] = {}
    for start, end in lines:
        first = start + 1 if end - start == 4 and is_word(tokens[start], *SLIDE_WORDS) else start
        number, total = token_at(tokens, first), token_at(tokens, first + 2)
        if end - first != 3 or not is_whole(number) or not is_word(tokens[first + 1], "of") or not is_whole(total):
            continue
        by_total.setdefault(tokens[first + 2].text, []).append((first, int(tokens[first].text)))
    counters = {n for numbered in by_total.values() for n in runs_that_order(numbered)}
    return counters | {n + 2 for n in counters}


def dotted_item_numbers(tokens: list[Token]) -> set[int]:
    """'Trivia answers: 1. Eddie Albert and Eva Gabor. 2. The Green Monster is ... 3. The Green Parrot.', a vote
    table's '| 1. Pat Noonan (CIN) | 41.32% |', '| 2. ...': whole numbers closed by a glued dot before a capitalised
    word, each opening a line, a cell, a list after a colon or the next item after a sentence's end, counting 1, 2,
    3 in turn, number the items (round 29, figures54). A line's own '1. Restore' is `is_list_marker`'s; this reads
    the run, so one '3. The' after a sentence stays a count's to judge."""
    numbered: list[tuple[int, int]] = []
    for n, token in enumerate(tokens):
        if not is_whole(token, 2) or token.glued:
            continue
        dot, title = token_at(tokens, n + 1), token_at(tokens, n + 2)
        if dot is None or dot.text != "." or not dot.glued or title is None or title.glued:
            continue
        if not (is_capitalised(title) or title.text in OPENING_QUOTES):
            continue
        if opens_an_item(tokens, n):
            numbered.append((n, int(token.text)))
    return runs_that_order(numbered)


def opens_an_item(tokens: list[Token], n: int) -> bool:
    """The number at n stands where an item starts: a line's or the text's start, a cell, after a colon, or after
    the mark ending a sentence (not an abbreviation's dot: 'Dec. 1.', 'No. 8.')."""
    before = token_at(tokens, n - 1)
    if before is None or before.text == "\n":
        return True
    if before.text not in ITEM_OPENERS:
        return False
    if before.text == ".":
        word = token_at(tokens, n - 2)
        return word is not None and not (word.kind == "word" and word.low in DOTTED_ABBREVIATIONS)
    return True


def enumerated_numbers(tokens: list[Token]) -> set[int]:
    """'The set of whole numbers (0, 1, 2, 3…)': whole numbers from 0 or 1 listed one up from the other,
    between commas, and closed by an ellipsis show a sequence; they count nothing."""
    found: set[int] = set()
    for first in [n for n, token in enumerate(tokens) if token.text in ("0", "1")]:
        run = [first]
        while True:
            comma, following = token_at(tokens, run[-1] + 1), token_at(tokens, run[-1] + 2)
            if comma is None or comma.text != "," or not is_whole(following):
                break
            if following is None or int(following.text) != int(tokens[run[-1]].text) + 1:
                break
            run.append(run[-1] + 2)
        if len(run) >= MIN_RUN and is_whole(tokens[first]) and closes_sequence(tokens, run[-1] + 1):
            found.update(run)
    return found


def closes_sequence(tokens: list[Token], k: int) -> bool:
    """An ellipsis at k, alone or after a comma ('0, 1, 2, 3…', '1, 2, 3, ...')."""
    if getattr(token_at(tokens, k), "text", "") == ",":
        k += 1
    if getattr(token_at(tokens, k), "text", "") in ELLIPSES:
        return True
    return all(getattr(token_at(tokens, k + d), "text", "") == "." for d in range(3))


def naming_number_end(tokens: list[Token], i: int) -> int | None:
    """Index to resume after, if the number at i names a thing or a place in a sequence rather than an amount:
    a volume ('Vol. 18'), a title-case name ('7 On Your Side'), a strength in a product's name ('Niacinamide
    10% + Zinc 1%'), a day or stage of a series ('around week five or six') or the top of a scale ('out of a
    possible 1,000 points'); else None."""
    token = tokens[i]
    if token.kind != "num" and (token.kind != "word" or token.low not in SMALL_NUMBERS):
        return None
    position = sequence_position_end(tokens, i)
    if position is not None:
        return position
    if token.kind != "num":
        return None
    end = numeric_chain_end(tokens, i)
    if is_abbreviated_label(tokens, i) or is_title_case_name(tokens, i, end) or is_product_strength(tokens, i):
        return end
    if is_scale_top(tokens, i):
        return end
    return None


def sequence_position_end(tokens: list[Token], i: int) -> int | None:
    """'a retreat around week five or six.', 'by week 5 of the trial', 'during day one of the trial': a number
    right after a day, week or stage noun that opens its clause or follows a preposition, with no noun of its own
    after it, names which one of a series. 'After a week two healthy worms swim away' counts worms (an article
    owns the week, a noun follows), as 'Last week 3 of the firms closed' counts firms."""
    noun, owner = token_at(tokens, i - 1), token_at(tokens, i - 2)
    if not is_word(noun, *POSITION_NOUNS) or noun.text.isupper():
        return None
    if owner is not None and owner.kind != "sym" and owner.low not in POSITION_OWNERS:
        return None  # "Last week 3 of the firms closed", "a week two nurses": a time, then a count
    if not is_position_number(tokens[i]):
        return None
    end = i + 1
    if is_word(token_at(tokens, end), "or", "to") and is_position_number(token_at(tokens, end + 1)):
        end += 2  # "week five or six"
    following = token_at(tokens, end)
    if following is None or following.text in POSITION_CLOSERS or is_word(following, *POSITION_PREPOSITIONS):
        return end
    return None


def is_position_number(token: Token | None) -> bool:
    return token is not None and (is_whole(token, 2) or (token.kind == "word" and token.low in SMALL_NUMBERS))


def is_scale_top(tokens: list[Token], i: int) -> bool:
    """'a score of 734 out of a possible 1,000 points': the number after 'out of a possible' (or 'maximum',
    'perfect') is the top of the scale the score is given on, not an amount."""
    words = [token_at(tokens, i - d) for d in (4, 3, 2, 1)]
    return (
        is_word(words[0], "out")
        and is_word(words[1], "of")
        and is_word(words[2], "a")
        and is_word(words[3], *SCALE_TOP_ADJECTIVES)
    )


def is_abbreviated_label(tokens: list[Token], i: int) -> bool:
    """'FRKWYS Vol. 18', 'Ch. 7': a number after an abbreviated label word and its dot."""
    dot = token_at(tokens, i - 1)
    return dot is not None and dot.text == "." and is_word(token_at(tokens, i - 2), *LABEL_ABBREVIATIONS)


def is_title_case_name(tokens: list[Token], i: int, end: int) -> bool:
    """'Since 7 On Your Side's initial report': a whole number followed by a capitalised small word (a
    preposition, article or possessive) and another capitalised word is part of a name in title case. A
    number after the small word makes a share ('3 In 4 Adults'), which this leaves alone."""
    small, after = token_at(tokens, end), token_at(tokens, end + 1)
    if end != i + 1 or not is_whole(tokens[i], 4) or not is_capitalised(small) or small.glued:
        return False
    if small.low not in TITLE_SMALL_WORDS and small.low not in TITLE_POSSESSIVES:
        return False
    return is_capitalised(after) and not after.glued


def is_product_strength(tokens: list[Token], i: int) -> bool:
    """'Niacinamide 10% + Zinc 1%', 'the Anua 10% Niacinamide + 4% TXA Serum': a percentage joined by a
    plus to another ingredient, with a capitalised name beside it, is a strength in a product's name. A
    signed change ('+4%', 'rose 10% + fees') has no capitalised name beside it."""
    sign = token_at(tokens, i + 1)
    if sign is None or sign.text != "%" or not sign.glued:
        return False
    before, after = token_at(tokens, i - 1), token_at(tokens, i + 2)
    named = is_capitalised(before) or is_capitalised(after)
    if not named:
        return False
    joined_after = after is not None and after.text == "+" and not after.glued
    if not joined_after and is_capitalised(after):
        following = token_at(tokens, i + 3)
        joined_after = following is not None and following.text == "+" and not following.glued
    joined_before = before is not None and before.text == "+" and not before.glued
    if not joined_before and is_capitalised(before):
        plus = token_at(tokens, i - 2)
        joined_before = plus is not None and plus.text == "+" and not plus.glued
    return joined_after or joined_before
