"""Tables in an extracted page: layout tables give their story as paragraphs, not `| cell |` rows.

Extraction keeps tables (a story laid out in <table> cells is text too), and trafilatura writes
every table as rows of cells. Old sites lay out whole pages in tables: a navigation cell beside
the story's cell, a footer row of links. Written as rows, the story's paragraphs run into one line
after its headline, and each link becomes a row of its own. So, on trafilatura's tree of the text:

- a layout table (one or two cells hold paragraphs, or sentences of `LAYOUT_CELL_WORDS` words, or
  every row is one such cell) is replaced by its cells' content as paragraphs, without its menu cells;
- a navigation table (one column or one row of link-like cells, no number among them) goes;
- any other table is data (figures, a timetable) and stays rows.
"""

from __future__ import annotations

import re
from copy import deepcopy

from lxml.etree import Element, _Element
from trafilatura.xml import xmltotxt

from transforms.words import ends_like_sentence, through_last_sentence_end, word_count

# A cell with this many words of sentences is a story's part, not a value (data cells are short).
LAYOUT_CELL_WORDS = 30
# A page's layout grid holds its story in one or two cells (text and sidebar).
LAYOUT_STORY_CELLS = 2
# A link in a menu is a few words without a sentence mark ("Home", "Contact us", "Our history").
LINK_WORDS = 5
# Block elements trafilatura keeps inside a cell when the page put paragraphs in it.
_BLOCKS = frozenset({"p", "head", "list", "quote"})
# A menu written in one cell: "Home | News | Sport", "Home · News · Sport".
_MENU_SEPARATOR = re.compile(r"\s[|·•»/]\s")
_MENU_MIN_SEPARATORS = 2
_DIGIT = re.compile(r"\d")


def text_with_tables_tidied(body: _Element | None, text: str) -> str:
    """The extracted text, re-written from `body` when one of its tables is layout or navigation."""
    if body is None or body.find(".//table") is None:
        return text
    tidied = deepcopy(body)
    # Innermost first: a layout table's cells may hold a menu table.
    changed = [tidy_table(table) for table in reversed(list(tidied.iter("table")))]
    return xmltotxt(tidied, include_formatting=False) if any(changed) else text


def tidy_table(table: _Element) -> bool:
    """Replace a layout table by paragraphs or drop a navigation table, in place; False for data."""
    cells = [cell for row in table.iterfind("row") for cell in row.iterfind("cell")]
    if is_layout(table, cells):
        _replace(table, [block for cell in cells if not is_menu_cell(cell) for block in _cell_blocks(cell)])
        return True
    if is_navigation(table, cells):
        _replace(table, [])
        return True
    return False


def is_layout(table: _Element, cells: list[_Element]) -> bool:
    """A story's cells among others: one column of them, or at most `LAYOUT_STORY_CELLS` in a grid.
    A grid with a long text in each of many rows (a schedule, a glossary) is data."""
    story = sum(1 for cell in cells if is_story_cell(cell))
    widest = max((len(row.findall("cell")) for row in table.iterfind("row")), default=0)
    return story > 0 and (widest <= 1 or story <= LAYOUT_STORY_CELLS)


def cell_text(cell: _Element) -> str:
    return " ".join("".join(cell.itertext()).split())


def is_story_cell(cell: _Element) -> bool:
    """Paragraphs of the page's own, or one long run of sentences: no data table holds those."""
    if any(child.tag in _BLOCKS for child in cell):
        return True
    return word_count(through_last_sentence_end(cell_text(cell))) >= LAYOUT_CELL_WORDS


def is_link_cell(cell: _Element) -> bool:
    """Empty, a link's few words, or a menu of such links in one cell; never a sentence or a figure."""
    text = cell_text(cell)
    if not text:
        return True
    if ends_like_sentence(text) or _DIGIT.search(text):
        return False
    items = [item for item in _MENU_SEPARATOR.split(text) if item.strip()]
    return all(word_count(item) <= LINK_WORDS for item in items)


def is_menu_cell(cell: _Element) -> bool:
    """Empty, or several links in one cell ("Home | News | Sport"). One short cell may be a value of the
    table (a product's "Aroma", an ingredient): in a layout table it stays, as a paragraph."""
    text = cell_text(cell)
    return not text or (len(_MENU_SEPARATOR.findall(text)) >= _MENU_MIN_SEPARATORS and is_link_cell(cell))


def is_navigation(table: _Element, cells: list[_Element]) -> bool:
    """One column or one row of link cells (a menu); a table of two dimensions is data."""
    rows = table.findall("row")
    widest = max((len(row.findall("cell")) for row in rows), default=0)
    filled = [cell for cell in cells if cell_text(cell)]
    return bool(filled) and (widest <= 1 or len(rows) <= 1) and all(is_link_cell(cell) for cell in filled)


def _cell_blocks(cell: _Element) -> list[_Element]:
    """The cell's content as block elements: its paragraphs as they are, loose text as paragraphs."""
    blocks: list[_Element] = []
    loose: list[str] = [cell.text or ""]

    def flush() -> None:
        text = " ".join("".join(loose).split())
        loose.clear()
        if text:
            blocks.append(_paragraph(text))

    for child in cell:
        if child.tag in _BLOCKS:
            flush()
            tail, child.tail = child.tail, None
            blocks.append(child)
            loose.append(tail or "")
        elif child.tag == "lb":
            flush()
            loose.append(child.tail or "")
        else:
            loose.append("".join(child.itertext()) + (child.tail or ""))
    flush()
    return blocks


def _replace(table: _Element, blocks: list[_Element]) -> None:
    parent = table.getparent()
    if parent is None:
        return
    index = parent.index(table)
    tail = (table.tail or "").strip()
    parent.remove(table)
    for offset, block in enumerate(blocks):
        parent.insert(index + offset, block)
    if tail:
        # Text after the table stays, as a paragraph of its own.
        parent.insert(index + len(blocks), _paragraph(tail))


def _paragraph(text: str) -> _Element:
    paragraph = Element("p")
    paragraph.text = text
    return paragraph
