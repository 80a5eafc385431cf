"""Assembly: whole figures (qualifier, quantity, object) found left to right in a text, each with its
kind, unit and sentence, as `Figure` records; `find_figures` is the entry point."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from transforms.figures.non_figures import non_figure_end
from transforms.figures.objects import match_object
from transforms.figures.quantities import Quantity, match_quantity
from transforms.figures.tokens import QUALIFIERS, Token, can_open_figure, token_at, tokenize
from transforms.figures.vocabulary import COMMON_WORDS
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
    return (
        not quantity.in_words
        and not quantity.is_range
        and not quantity.vague
        and following is not None
        and following.kind == "word"
        and len(following.text) >= 2
        and following.text.isupper()
        and following.low not in COMMON_WORDS
    )


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


def build_figure(text: str, article_id: str, tokens: list[Token], match: FigureMatch, sentences: Sentences) -> Figure:
    char_start, char_end = tokens[match.start].start, tokens[match.end - 1].end
    quantity = match.quantity
    object_text = None
    if match.object_span is not None:
        object_text = text[tokens[match.object_span[0]].start : tokens[match.object_span[1]].end]
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
        return self.text[self.starts[index] : self.ends[index]].strip()
