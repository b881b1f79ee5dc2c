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
from collections.abc import Collection
from dataclasses import dataclass
from itertools import islice

import regex

from ..model import Document
from .dom import LINE_CAP, Element, line_of, local_name

_PRE_BLOCK = regex.compile(r"<pre(?:\s[^>]*+)?>(.*?)</pre\s*>", regex.I | regex.S)
_HIDDEN_TAG = regex.compile(
    r"<(?!/?(?:table(?:\s[^>]*)?|caption|fn|f\d{1,3}|page)>|[SC]>)/?[a-z!][^>]*+>", regex.I
)
"""A tag the text format does not use (``<b>``, ``<font size=2>``, ``<a name=x>``): not shown.
``<S>`` and ``<C>`` count as column tags only in capitals and bare, as the text format writes
them; ``<s>`` is a strike-through."""
_TEXT_TABLE = regex.compile(r"^[ \t]*+<TABLE(?:[ \t][^>\n]*+)?>", regex.I | regex.M)
_VALUE_LINE = regex.compile(r"^[^\n]*?\S(?:[ \t]{2,}|[ \t]*\.{3,}[ \t]*)[$(]?[ \t]*\d[^\n]*$", regex.M)
"""A line with a number set apart from the text before it by two spaces or dot leaders: a row."""
UNTAGGED_LINES = 120
"""An untagged block longer than this is a page of text with tables in it, not a table: the text
reader reads tables only between ``<TABLE>`` tags, in a text filing as here."""
_VALUE_LINES = 2


@dataclass(frozen=True, slots=True)
class PreBlock:
    """One ``<pre>`` block read as a text document, and the element it came from."""

    element: Element
    document: Document
    tagged: bool
    """The block holds the text format's ``<TABLE>`` tags (else it is read as one table)."""


def _shown(raw: str) -> str:
    """What a browser shows of ``raw``, the text format's tags kept, lines and columns in place."""
    if "<" in raw:
        raw = _HIDDEN_TAG.sub(lambda m: "\n" * m.group().count("\n"), raw)
    if "&" in raw:
        raw = html.unescape(raw)
    return raw.replace("\xa0", " ").replace("\r", "")


def _tabular(text: str) -> bool:
    """A short block with rows of numbers set apart by spaces: a table laid out in text."""
    if text.count("\n") > UNTAGGED_LINES:
        return False
    return sum(1 for _ in islice(_VALUE_LINE.finditer(text), _VALUE_LINES)) >= _VALUE_LINES


def _readable(el: Element, data_tables: Collection[Element]) -> bool:
    """A block the reader should read: not in a cell of a data table (read with its cell); in a
    table that holds no data (a layout table that sets the page's margins) it is the page's text."""
    table = next((a for a in el.iterancestors() if local_name(a) == "table"), None)
    return table is None or table not in data_tables


def pre_blocks(doc: Document, root: Element, offset: int, data_tables: Collection[Element]) -> list[PreBlock]:
    """The ``<pre>`` blocks of ``doc`` that hold text tables, as text documents whose lines are
    those of the input (``offset`` turns element lines into input lines); ``data_tables`` are the
    ``<table>`` elements read as tables."""
    elements = list(root.iter("{*}pre"))  # at once when the parser met no <pre>
    if not elements:
        return []
    blocks = list(_PRE_BLOCK.finditer(doc.text))
    if not blocks:
        return []
    if len(elements) == len(blocks):
        pairs = list(zip(elements, blocks, strict=True))
    else:
        by_line: dict[int, regex.Match[str]] = {}
        for m in blocks:
            by_line.setdefault(doc.text.count("\n", 0, m.start()) + 1, m)
        pairs = [(el, by_line[line_of(el)]) for el in elements
                 if line_of(el) < LINE_CAP and line_of(el) in by_line]
    found: list[PreBlock] = []
    for el, m in pairs:
        if not _readable(el, data_tables):
            continue
        text = _shown(m.group(1))
        first = doc.text.count("\n", 0, m.start(1)) + 1 + offset
        tagged = _TEXT_TABLE.search(text) is not None
        if not tagged:
            if not _tabular(text):
                continue
            if text.startswith("\n"):
                text = f"<TABLE>{text}\n</TABLE>"
            else:
                text, first = f"<TABLE>\n{text}\n</TABLE>", first - 1
        document = Document(sequence=doc.sequence, type=doc.type, filename=doc.filename, line=doc.line,
                            text=text, text_line=first)
        found.append(PreBlock(el, document, tagged))
    return found
