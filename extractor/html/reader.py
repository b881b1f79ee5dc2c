"""Rebuild the HTML ``<table>`` elements of a document into :class:`~extractor.model.Table`s.

The reader knows layout only: it finds each data table, rebuilds its grid (``grid.py``), attaches
the inline XBRL fact that each cell renders (``xbrl.py``) and keeps the prose around the table for
the checks. Kinds and concepts are the classifier's business.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

import regex

from ..model import Document, Footnote, Row, Table
from .around import hidden, texts_around
from .build import column_classes, to_rows
from .cells import read_cell
from .dom import Element, Lines, local_name, parse_document
from .grid import TEXT_FOOTNOTE, Grid, ParsedTable, build_grid, footnote_table, nil_word, parsed_rows
from .xbrl import FactReader

CONTEXT_CHARS = 400
"""Characters of prose kept before and after a table for the checks (waiver terms, periods)."""
_NEAR_ELEMENTS = 6
_SMALL_ELEMENT = 120
_LIST_MARK = regex.compile(
    r"^(?:[\u2022\u25cf\u25aa\u25a0\u2013\u2014\u00b7\u2023\u25e6\u27a2\u2713\u2714o\-]|\(?\d{1,2}[.)]|\(?[a-z][.)]|\([ivx]{1,4}\))$",
    regex.I,
)
_MARKER_KEY = regex.compile(r"[()\[\]\s]")
_TABLE_TAG = regex.compile(r"(?<=[<:])table", regex.I)
"""Where a ``<table`` or ``<prefix:table`` start tag may begin (``</table`` aside). Both parsers make
a ``table`` element only from such a tag, so a document without one holds no table to read. The
pattern looks behind from each ``table``, which regex finds fast, rather than trying at every ``<``."""


def _small(el: Element) -> bool:
    return sum(1 for _ in islice(el.iter(), _SMALL_ELEMENT + 1)) <= _SMALL_ELEMENT


def _following(table: Element) -> Iterator[Element]:
    """Elements after ``table`` (or after its wrapper when it has none), nearest first."""
    here: Element | None = table
    for _ in range(2):
        if here is None:
            return
        found = False
        for sib in islice(here.itersiblings(), _NEAR_ELEMENTS):
            if isinstance(sib.tag, str):
                found = True
                yield sib
        if found:
            return
        here = here.getparent()
        if here is None or local_name(here) in ("body", "html"):
            return


def _caption(table: Element) -> str:
    """The table's own ``<caption>``; a heading printed above it stays in the context, as in text."""
    for child in table:
        if local_name(child) == "caption":
            return read_cell(child).text
    return ""


def _key(marker: str) -> str:
    return str(_MARKER_KEY.sub("", marker)).lower()


def _footnotes_below(table: Element, wanted: set[str], read: dict[Element, ParsedTable]) -> list[Footnote]:
    """Footnotes printed under the table whose markers its cells use.

    A table below is read here, and again as a table in its turn: its rows are kept in ``read``
    for that turn.
    """
    notes: list[Footnote] = []
    for sib in _following(table):
        if local_name(sib) == "table":
            if sib not in read:
                read[sib] = parsed_rows(sib)
            found = [n for n in footnote_table(sib, read[sib]) if _key(n.marker) in wanted]
            notes.extend(found)
            if not found:
                break
            continue
        if not _small(sib):
            break
        cell = read_cell(sib)
        if not cell.text and not cell.lead:
            continue
        if cell.lead:
            marker, text = " ".join(cell.lead), cell.text
        else:
            m = TEXT_FOOTNOTE.match(cell.text)
            if m is None:
                break
            marker, text = m["marker"], m["text"].strip()
        if _key(marker) not in wanted:
            break
        notes.append(Footnote(marker, text))
    return notes


def _referenced(rows: list[Row]) -> set[str]:
    keys = {_key(m) for row in rows for m in row.label_footnotes}
    keys.update(_key(m) for row in rows for cell in row.cells for m in cell.footnotes)
    return keys


def _holds_data(grid: Grid, rows: list[Row]) -> bool:
    """A table of numbers, or a grid of text; not a bulleted or numbered list laid out as a table."""
    if not rows:
        return False
    labels = [r.label for r in rows if r.label]
    if labels and all(_LIST_MARK.match(label) for label in labels):
        return False
    if any(c.value is not None for r in rows for c in r.cells):
        return True
    if grid.nested:
        return False  # text laid out around nested tables: a page layout, the tables inside are read
    if any(r.label and any(nil_word(c.text) for c in r.cells) for r in rows):
        return True  # "Shareholder fees | None": a value stated in words, even in a one-row table
    filled = [r for r in rows if any(c.text for c in r.cells)]
    return len(filled) >= 2 and (grid.label_col is not None or len(grid.data_cols) >= 2)


@dataclass
class _Found:
    """A section of a data table, read while the tree is intact; its prose is added last."""

    element: Element
    section: int
    grid: Grid
    rows: list[Row]
    caption: str
    footnotes: tuple[Footnote, ...]


def _sections_of(
    element: Element, offset: int, facts: FactReader, lines: Lines, read: dict[Element, ParsedTable]
) -> list[_Found]:
    """The sections of one ``<table>`` that hold data (its rows taken from ``read`` when a table
    above has read them for its footnotes)."""
    grids = build_grid(element, read.pop(element, None))
    built = [(grid, to_rows(grid, offset, facts, lines)) for grid in grids]
    built = [(grid, rows) for grid, rows in built if _holds_data(grid, rows)]
    caption = _caption(element) if built else ""
    found: list[_Found] = []
    for section, (grid, rows) in enumerate(built):
        wanted = _referenced(rows) - {_key(f.marker) for f in grid.footnotes}
        below = _footnotes_below(element, wanted, read) if wanted else []
        notes = (*grid.footnotes, *below)
        found.append(_Found(element, section, grid, rows, caption or grid.title, notes))
    return found


def read_html_tables(doc: Document) -> list[Table]:
    """Every data ``<table>`` of ``doc`` as a Table (ids are assigned by the caller).

    A document without a ``<table`` tag (an exhibit, a cover letter) is not parsed: its inline
    XBRL facts are only ever read for the cells that render them, so it has nothing to give.
    """
    if _TABLE_TAG.search(doc.text) is None:
        return []
    root = parse_document(doc.text)
    if root is None:
        return []
    facts = FactReader(root)
    offset = doc.text_line - 1
    lines = Lines(doc.text, root)
    found: list[_Found] = []
    read: dict[Element, ParsedTable] = {}
    for element in root.iter("{*}table"):
        if not hidden(element):
            found.extend(_sections_of(element, offset, facts, lines, read))
    elements = list(dict.fromkeys(f.element for f in found))
    prose = dict(zip(elements, texts_around(root, elements, CONTEXT_CHARS), strict=True))
    return [
        Table(
            id="",
            line=lines(f.element) + offset,
            columns=tuple(f.grid.columns),
            rows=tuple(f.rows),
            section=f.section,
            end_line=lines.end(f.grid.rows[-1].element) + offset,
            document=doc.sequence or 1,
            caption=f.caption,
            footnotes=f.footnotes,
            context=prose[f.element],
            layout="html",
            column_classes=column_classes(f.rows, len(f.grid.columns)),
        )
        for f in found
    ]
