"""Figures: numbers in English news text with their qualifier, unit and what they count.

The package reads in layers, each module owning one concern: `vocabulary` (the word tables, as data),
`tokens` (splitting text and matching phrases), `numbers` (one number as written: digits, number words,
vague multiples), `non_figures` (dates, years, times, scores, labels, codes), `quantities` (ranges and
units), `objects` (what a count counts) and `assemble` (whole figures, in text order).
"""

from transforms.figures.assemble import find_figures
from transforms.figures.numbers import parse_number_words

__all__ = ["find_figures", "parse_number_words"]
