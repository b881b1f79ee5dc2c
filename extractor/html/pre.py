"""Plain-text tables that an HTML document keeps in ``<pre>`` blocks.

Filers of 2001 to 2008 often turned a text filing into HTML by wrapping it, or each of its tables,
in ``<pre>``: the table is laid out in spaces, sometimes with the text format's ``<TABLE>``,
``<S>`` and ``<C>`` tags still in it. No ``<td>`` holds its numbers, so the HTML reader finds
nothing there; the text reader reads such a block as it reads the same table in a text filing.

The block is taken from the source, not from the parsed tree: the HTML parser turns ``<TABLE>``
into an element and ``<S>``/``<C>`` into nested ones, and the column positions of the tags would
be lost. What a browser would not show (other tags) is cut and entities are decoded, so the
columns stand where the reader sees them; line breaks inside a cut tag are kept, so every line
keeps its number.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Collection
from dataclasses import dataclass

import regex

from ..model import Document
from .dom import LINE_CAP, Element, line_of, local_name

_PRE_OPEN = regex.compile(r"<pre(?:\s[^>]*+)?>", regex.I)
_PRE_CLOSE = regex.compile(r"</pre\s*>", regex.I)
_HIDDEN_TAG = regex.compile(
    r"<(?!/?(?:table(?:\s[^>]*)?|caption|fn|f\d{1,3}|page)>|[SC]>)/?[a-z!][^>]*+>", regex.I
)
"""A tag the text format does not use (``<b>``, ``<font size=2>``, ``<a name=x>``): not shown.
``<S>`` and ``<C>`` count as column tags only in capitals and bare, as the text format writes
them; ``<s>`` is a strike-through."""
_HTML_CELL = regex.compile(r"<t[dhr][\s>]", regex.I)
"""An HTML table cell or row inside a block: its table is read as HTML, not as text."""
_TEXT_TABLE = regex.compile(r"^[ \t]*+<TABLE(?:[ \t][^>\n]*+)?>", regex.I | regex.M)
_RUN = re.compile(r"(?:  |\t|\.\.\.)[ \t.]*")
"""A run of blanks or dots that may set columns apart; what stands around it decides (:class:`_Lines`).
A literal two blanks is found many times faster than a pattern that starts at every character."""
_NUMBER_AT = re.compile(r"[$(]?[ \t]*\d")
_SENTENCE_END = frozenset(".?!:;")
_VALUE_LINES = 2
"""Rows of numbers a run of paragraphs needs to be read as a table."""
_RULE = re.compile(r"^[ \t]*[-=_][-=_ \t]*$", re.M)
_BLANK = re.compile(r"^[ \t]*$", re.M)


class _Lines:
    """Which lines of a block are blank, rules, rows of numbers, or set in columns.

    Each pattern runs once over the whole block in C, and each hit is given its line by
    bisection: a block may be a whole filing, and a test of every line in Python cost as much as
    reading all its tables."""

    def __init__(self, text: str) -> None:
        self.starts = [0, *(m.end() for m in re.finditer("\n", text))]
        self.count = len(self.starts)
        self.blank = self._hits(_BLANK, text)
        self.rules = self._hits(_RULE, text)
        self.values: set[int] = set()
        """Lines with a number set apart from text before it by two blanks or dot leaders."""
        self.gaps: set[int] = set()
        """Lines with columns set apart: a gap of three blanks (four after a sentence's end), two
        before a number, or dot leaders. Typewritten prose is justified with runs of two blanks
        between words and follows a sentence with two or three."""
        self._read_runs(text)

    def _hits(self, pattern: re.Pattern[str], text: str) -> set[int]:
        starts = self.starts
        return {bisect_right(starts, m.start()) - 1 for m in pattern.finditer(text)}

    def _read_runs(self, text: str) -> None:
        starts = self.starts
        for m in _RUN.finditer(text):
            start, end = m.start(), m.end()
            run = m.group()
            at = start - 1
            if run[0] == ".":  # dot leaders may stand one blank off the label
                while at >= 0 and text[at] in " \t":
                    at -= 1
            before = text[at] if at >= 0 else "\n"
            if before.isspace() or end >= len(text) or text[end] == "\n":
                continue  # an indent, or blanks at a line's end
            number = _NUMBER_AT.match(text, end) is not None
            line = bisect_right(starts, start) - 1
            if number:
                self.values.add(line)
            blanks = len(run) - run.count(".")
            if number or "..." in run or blanks >= 4 or (blanks >= 3 and before not in _SENTENCE_END):
                self.gaps.add(line)

    def tabular(self, start: int, stop: int) -> bool:
        """Whether lines ``start`` to ``stop`` (a paragraph) are laid out in columns: half their
        lines or more set columns apart, rules aside (column headers between rules of dashes), or
        two of them are rows of numbers (under a title and a heading of several lines)."""
        if sum(1 for i in range(start, stop) if i in self.values) >= _VALUE_LINES:
            return True
        texts = [i for i in range(start, stop) if i not in self.rules]
        return 2 * sum(1 for i in texts if i in self.gaps) >= len(texts)


def _table_runs(text: str) -> list[tuple[int, int]]:
    """The line ranges ``[start, end)`` of the tables of an untagged block: runs of paragraphs
    (lines between blank lines) laid out in columns, with two rows of numbers or more. Prose
    paragraphs (the heading and the text around a table) end a run and stay outside it."""
    lines = _Lines(text)
    runs: list[tuple[int, int]] = []
    start = end = values = 0
    open_run = False
    i, count = 0, lines.count
    while i < count:
        if i in lines.blank:
            i += 1
            continue
        stop = i
        while stop < count and stop not in lines.blank:
            stop += 1
        if lines.tabular(i, stop):
            if not open_run:
                start, values, open_run = i, 0, True
            end = stop
            values += sum(1 for k in range(i, stop) if k in lines.values)
        elif open_run:
            if values >= _VALUE_LINES:
                runs.append((start, end))
            open_run = False
        i = stop
    if open_run and values >= _VALUE_LINES:
        runs.append((start, end))
    return runs


def _tag_tables(text: str) -> tuple[str, int] | None:
    """``text`` with ``<TABLE>`` and ``</TABLE>`` written on the blank lines around each table
    run, so that every line keeps its number; and how many lines were added before the first
    (one when a table starts on the block's first line, which has no blank line above it).
    None when the block holds no table."""
    runs = _table_runs(text)
    if not runs:
        return None
    lines = text.split("\n")
    added = 0
    for start, end in reversed(runs):
        if end < len(lines):
            lines[end] = "</TABLE>"
        else:
            lines.append("</TABLE>")
        if start > 0:
            lines[start - 1] = "<TABLE>"
        else:
            lines.insert(0, "<TABLE>")
            added = 1
    return "\n".join(lines), added


@dataclass(frozen=True, slots=True)
class PreBlock:
    """One ``<pre>`` block read as a text document, and the element it came from."""

    element: Element
    document: Document
    tags_written: bool
    """The ``<TABLE>`` tags were written on the blank lines around each table (an untagged block):
    a table starts on the line after its tag and ends on the line before its end tag."""


def _shown(raw: str) -> str:
    """What a browser shows of ``raw``, the text format's tags kept, lines and columns in place."""
    if "<" in raw:
        raw = _HIDDEN_TAG.sub(lambda m: "\n" * m.group().count("\n"), raw)
    if "&" in raw:
        raw = html.unescape(raw)
    return raw.replace("\xa0", " ").replace("\r", "")


def _readable(el: Element, data_tables: Collection[Element]) -> bool:
    """A block the reader should read: not in a cell of a data table (read with its cell); in a
    table that holds no data (a layout table that sets the page's margins) it is the page's text."""
    table = next((a for a in el.iterancestors() if local_name(a) == "table"), None)
    return table is None or table not in data_tables


def _lines_of(text: str, positions: list[int]) -> dict[int, int]:
    """The 1-based line of each of ``positions`` (ascending) in ``text``, counted in one pass."""
    lines: dict[int, int] = {}
    line, counted = 1, 0
    for pos in positions:
        line += text.count("\n", counted, pos)
        counted = pos
        lines[pos] = line
    return lines


@dataclass(frozen=True, slots=True)
class _Source:
    """Where one ``<pre>`` block stands in the source: its start tag, its content's start and end."""

    start: int
    begin: int
    end: int


def _sources(text: str) -> list[_Source]:
    """The ``<pre>`` blocks of ``text``, each to the first ``</pre>`` after it; one left open (no
    end before the next block starts) is passed over. Start and end tags are found in one pass
    each: a lazy pattern from each start tag read to the end of the text for every open one."""
    closes = [m.start() for m in _PRE_CLOSE.finditer(text)]
    opens = list(_PRE_OPEN.finditer(text))
    found: list[_Source] = []
    for k, m in enumerate(opens):
        at = bisect_right(closes, m.end() - 1)
        if at == len(closes):
            break
        if k + 1 < len(opens) and opens[k + 1].start() < closes[at]:
            continue
        found.append(_Source(m.start(), m.end(), closes[at]))
    return found


def pre_blocks(doc: Document, root: Element, offset: int, data_tables: Collection[Element]) -> list[PreBlock]:
    """The ``<pre>`` blocks of ``doc`` that hold text tables, as text documents whose lines are
    those of the input (``offset`` turns element lines into input lines); ``data_tables`` are the
    ``<table>`` elements read as tables."""
    elements = list(root.iter("{*}pre"))  # at once when the parser met no <pre>
    if not elements:
        return []
    blocks = _sources(doc.text)
    if not blocks:
        return []
    lines = _lines_of(doc.text, [b.start for b in blocks])
    if len(elements) == len(blocks):
        pairs = list(zip(elements, blocks, strict=True))
    else:
        by_line: dict[int, _Source] = {}
        for b in blocks:
            by_line.setdefault(lines[b.start], b)
        pairs = [(el, by_line[line_of(el)]) for el in elements
                 if line_of(el) < LINE_CAP and line_of(el) in by_line]
    found: list[PreBlock] = []
    for el, b in pairs:
        if not _readable(el, data_tables):
            continue
        raw = doc.text[b.begin : b.end]
        if _HTML_CELL.search(raw) is not None:
            continue
        text = _shown(raw)
        first = lines[b.start] + doc.text.count("\n", b.start, b.begin) + offset
        written = _TEXT_TABLE.search(text) is None
        if written:
            tagged = _tag_tables(text)
            if tagged is None:
                continue
            text, added = tagged
            first -= added
        document = Document(sequence=doc.sequence, type=doc.type, filename=doc.filename, line=doc.line,
                            text=text, text_line=first)
        found.append(PreBlock(el, document, written))
    return found
