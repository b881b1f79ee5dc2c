"""Rebuild the HTML ``<table>`` elements of a document into :class:`~extractor.model.Table`s.

The reader knows layout only: it finds each data table, rebuilds its grid (``grid.py``), attaches
the inline XBRL fact that each cell renders (``xbrl.py``) and keeps the prose around the table for
the checks. Kinds and concepts are the classifier's business.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, islice

import regex

from ..model import LEAD_CHARS, Document, Footnote, Row, Table
from ..text.reader import read_text_tables
from ..values import read_codes_and_citations, split_markers
from .around import hidden, sides_and_leads
from .build import column_classes, to_rows
from .cells import read_cell
from .dom import Element, Lines, local_name, parse_document
from .grid import TEXT_FOOTNOTE, Grid, ParsedTable, build_grid, footnote_table, nil_word, parsed_rows
from .pages import WALK_LIMIT, page_break_between
from .pre import PreBlock, pre_blocks
from .xbrl import FactReader

CONTEXT_CHARS = 400
"""Characters of prose kept before and after a table for the checks (waiver terms, periods)."""
_NEAR_ELEMENTS = 12
"""Elements looked at after a table for its footnotes (the walk stops at the first that is not
one): a fee table of many classes prints seven notes and more under it."""
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
_PRE_TAG = re.compile(r"<pre", re.I)
"""A ``<pre`` block, which may hold a table laid out in text (:mod:`.pre`). Looked for only in a
document without a ``<table`` tag; ``re`` finds this literal three times as fast as ``regex``."""


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


_NOTE_BLOCKS = frozenset(("p", "div"))
_NOTES_IN_BLOCK = 24
"""Paragraphs a block of notes holds at most; a longer block is a page of text, read as one."""


def _paragraphs(el: Element) -> list[Element] | None:
    """The paragraphs of a ``<div>`` that holds two or more and nothing else, or None."""
    if local_name(el) != "div" or (el.text and not el.text.isspace()):
        return None
    children = list(islice(el, _NOTES_IN_BLOCK + 1))
    if not 1 < len(children) <= _NOTES_IN_BLOCK:
        return None
    for child in children:
        if not isinstance(child.tag, str) or local_name(child) not in _NOTE_BLOCKS or (
            child.tail and not child.tail.isspace()
        ):
            return None
    return children


def _note_candidates(elements: Iterator[Element]) -> Iterator[Element]:
    """``elements``, each block that only holds two or more paragraphs (``<div>`` around the
    notes, one ``<p>`` each) given as those paragraphs: one note each, not one note of all."""
    for el in elements:
        paragraphs = _paragraphs(el)
        if paragraphs is None:
            yield el
        else:
            yield from paragraphs


def _caption(table: Element) -> str:
    """The table's own ``<caption>``; a heading printed above it stays in the context, as in text."""
    for child in table:
        if local_name(child) == "caption":
            return read_cell(child).text
    return ""


def _key(marker: str) -> str:
    return str(_MARKER_KEY.sub("", marker)).lower()


def _footnotes_below(table: Element, wanted: set[str], read: dict[Element, ParsedTable]) -> list[Footnote]:
    """Footnotes printed under the table whose markers its cells use (a ``<div>`` of note
    paragraphs read as its paragraphs; a table of notes, one table per note as some generators
    set them, passed over when its notes are not the cells' and read on after). Tables of notes
    that run to the end of a page go on after the page break, past its furniture (:mod:`.pages`).

    A table below is read here, and again as a table in its turn: its rows are kept in ``read``
    for that turn.
    """
    notes: list[Footnote] = []
    last = _read_notes(_note_candidates(_following(table)), wanted, read, notes)
    if last is not None and wanted - {_key(n.marker) for n in notes}:
        beyond = _next_table(last)
        if beyond is not None and page_break_between(last, beyond):
            _read_notes(chain((beyond,), _note_candidates(_following(beyond))), wanted, read, notes)
    return notes


def _read_notes(
    candidates: Iterable[Element], wanted: set[str], read: dict[Element, ParsedTable], notes: list[Footnote]
) -> Element | None:
    """The notes among ``candidates`` added to ``notes`` until one is no note; the last candidate
    when they ran out with a table of notes (the notes may go on over a page break), else None."""
    last: Element | None = None
    for sib in candidates:
        last = None
        if local_name(sib) == "table":
            if sib not in read:
                read[sib] = parsed_rows(sib)
            here = footnote_table(sib, read[sib])
            notes.extend(n for n in here if _key(n.marker) in wanted)
            if not here:
                return None
            last = sib
            continue  # a table of notes, wanted or not (a note on the title): the notes go on
        if not _small(sib):
            return None
        cell = read_cell(sib)
        if not cell.text and not cell.lead:
            continue
        if cell.lead:
            marker, text = " ".join(cell.lead), cell.text
        else:
            m = TEXT_FOOTNOTE.match(cell.text)
            if m is None:
                return None
            marker, text = m["marker"], m["text"].strip()
        if _key(marker) not in wanted:
            return None
        notes.append(Footnote(marker, text))
    return last


def _next_table(el: Element) -> Element | None:
    """The first ``<table>`` after ``el`` in the document, among the next few elements."""
    seen = 0
    for here in chain((el,), el.iterancestors()):
        for sib in here.itersiblings():
            for sub in sib.iter():
                if local_name(sub) == "table":
                    return sub
                seen += 1
                if seen > WALK_LIMIT:
                    return None
    return None


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
    end_row: Element
    """The ``<tr>`` of the last row: of the last part of a table continued over page breaks."""
    last: Element
    """The element of the table's last part (``element`` itself unless it continues)."""


def _sections_of(
    element: Element, offset: int, facts: FactReader, lines: Lines, read: dict[Element, ParsedTable]
) -> list[_Found]:
    """The sections of one ``<table>`` that hold data (its rows taken from ``read`` when a table
    above has read them for its footnotes).

    The footnotes under the table are read once for all its sections, in the order printed
    ("1", "(a)", "*"), and each section takes those its own markers point to: the notes of the
    second part of a fee table (its operating expenses) often follow those of the first."""
    grids = build_grid(element, read.pop(element, None))
    built = [(grid, to_rows(grid, offset, facts, lines)) for grid in grids]
    built = [(grid, rows) for grid, rows in built if _holds_data(grid, rows)]
    caption = _caption(element) if built else ""
    wanted = [_referenced(rows) - {_key(f.marker) for f in grid.footnotes} for grid, rows in built]
    everything: set[str] = set().union(*wanted)
    below = _footnotes_below(element, everything, read) if everything else []
    found: list[_Found] = []
    for section, ((grid, rows), keys) in enumerate(zip(built, wanted, strict=True)):
        notes = (*grid.footnotes, *(n for n in below if _key(n.marker) in keys))
        found.append(_Found(element, section, grid, rows, caption or grid.title, notes, grid.rows[-1].element,
                            element))
    return found


def read_html_tables(doc: Document) -> list[Table]:
    """Every data ``<table>`` of ``doc`` as a Table (ids are assigned by the caller).

    A document without a ``<table`` tag (an exhibit, a cover letter) is not parsed, unless a
    ``<pre>`` block may hold a table laid out in text: its inline XBRL facts are only ever read
    for the cells that render them, so it has nothing else to give. Tables of ``<pre>`` blocks
    (:mod:`.pre`) are read by the text reader and set among the others in line order.
    """
    if _TABLE_TAG.search(doc.text) is None and _PRE_TAG.search(doc.text) is None:
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
    found = _join_pages(found)
    for f in found:
        read_codes_and_citations(f.rows)
    in_text = _pre_tables(doc, root, offset, read, {f.element for f in found})
    elements = list(dict.fromkeys([
        *(el for f in found for el in (f.element, f.last)), *(block.element for block, _, _ in in_text)
    ]))
    around, befores = sides_and_leads(root, elements, CONTEXT_CHARS, LEAD_CHARS)
    sides = dict(zip(elements, around, strict=True))
    leads = dict(zip(elements, befores, strict=True))
    prose = {el: f"{before} {after}".strip() for el, (before, after) in sides.items()}
    tables = [
        Table(
            id="",
            line=lines(f.element) + offset,
            columns=tuple(f.grid.columns),
            rows=tuple(f.rows),
            section=f.section,
            end_line=lines.end(f.end_row) + offset,
            document=doc.sequence or 1,
            caption=f.caption,
            footnotes=f.footnotes,
            context=prose[f.element] if f.last is f.element else f"{sides[f.element][0]} {sides[f.last][1]}".strip(),
            layout="html",
            column_classes=column_classes(f.rows, len(f.grid.columns)),
            lead=leads[f.element],
        )
        for f in found
    ]
    if not in_text:
        return tables
    for block, read_tables, notes in in_text:
        tables.extend(_with_page_prose(read_tables, notes, prose[block.element], leads[block.element])
                      if _one_table(read_tables) else read_tables)
    return sorted(tables, key=lambda t: t.line)


def _heads(columns: list[str]) -> list[str]:
    return [" ".join(split_markers(c)[0].casefold().split()) for c in columns]


def _continues(above: _Found, part: _Found) -> bool:
    """Whether ``part``, the first section of a table, is the rest of the table ``above`` (the last
    section of the table before it) carried over a page break: the same column headers repeated,
    or none, over as many columns, no title of its own (its own caption, or one saying
    "continued"), and only page furniture between (:mod:`.pages`)."""
    if part.section != 0 or part.element is above.last:
        return False
    if (above.grid.label_col is None) != (part.grid.label_col is None):
        return False
    if part.caption and part.caption != above.caption and "continued" not in part.caption.lower():
        return False  # a title of its own ("Fund B"): a new table, not the rest of this one
    heads, more = _heads(above.grid.columns), _heads(part.grid.columns)
    if len(heads) != len(more) or not any(heads) or (any(more) and more != heads):
        return False
    return page_break_between(above.last, part.element)


def _join_pages(found: list[_Found]) -> list[_Found]:
    """The sections with each table that a page break split joined into one: its rows, notes and
    end are those of all its parts."""
    out: list[_Found] = []
    for f in found:
        above = out[-1] if out else None
        if above is not None and _continues(above, f):
            above.rows.extend(f.rows)
            above.footnotes = (*above.footnotes, *(n for n in f.footnotes if n not in above.footnotes))
            above.end_row, above.last = f.end_row, f.element
            continue
        out.append(f)
    return out


def _pre_tables(
    doc: Document, root: Element, offset: int, read: dict[Element, ParsedTable], data_tables: set[Element]
) -> list[tuple[PreBlock, list[Table], list[Footnote]]]:
    """The text tables of the document's ``<pre>`` blocks (not those in cells of the data tables
    ``data_tables``), with the footnotes printed under each block that its tables' markers point
    to (read now, while the tree is intact)."""
    out: list[tuple[PreBlock, list[Table], list[Footnote]]] = []
    for block in pre_blocks(doc, root, offset, data_tables):
        if hidden(block.element):
            continue
        tables = read_text_tables(block.document)
        if not tables:
            continue
        if block.tags_written:
            tables = [dataclasses.replace(t, line=t.line + 1, end_line=max(t.line + 1, t.end_line - 1))
                      for t in tables]
        have = {_key(n.marker) for t in tables for n in t.footnotes}
        wanted = {k for t in tables for k in _referenced(list(t.rows))} - have
        out.append((block, tables, _footnotes_below(block.element, wanted, read) if wanted else []))
    return out


def _one_table(tables: list[Table]) -> bool:
    """Whether a block's tables are one table (its sections), so that the prose around the block
    is the prose around the table; a block that wraps a whole text filing holds many."""
    return len({t.line for t in tables}) == 1


def _with_page_prose(tables: list[Table], notes: list[Footnote], prose: str, lead: str) -> list[Table]:
    """``tables`` with the page's prose around their block added to their context (and its lead
    before the block to their lead), and the footnotes printed under the block to theirs."""
    return [
        dataclasses.replace(t, context=" ".join(filter(None, (t.context, prose))), footnotes=(*t.footnotes, *notes),
                            lead=" ".join(filter(None, (lead, t.lead))))
        for t in tables
    ]
