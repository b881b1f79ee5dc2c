"""Body lines of a table section: placed into columns and told apart by kind.

A body line is a data row, a label-only line (part of a wrapped label or a heading), a rule,
a gap, or a header row inside the body: one that repeats the known column labels (skipped)
or brings new ones (a new section).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Row
from ..values import split_markers
from .chunks import unit_note
from .columns import Placed, Span, blank_tags, place_line
from .tokenizer import COLUMN_TAGS, RULE, TEXT, Token

_NORM = re.compile(r"[^a-z0-9]++")
"""Runs of anything but ASCII lower-case letters and digits: the standard ``re`` reads this
class as ``regex`` does on any text, at less cost per call."""


@dataclass(slots=True)
class Line:
    """One body line with its chunks placed into columns."""

    token: Token
    placed: Placed
    kind: str
    """``data``, ``label``, ``header`` (new column labels), ``repeat`` (known labels), ``gap``, or
    ``part`` (where the body of a table continues from an earlier tag-line part)."""
    width: int = 0
    """The room a label has before it wraps: where the first data column starts, then (once the
    section is known) where its widest label line ends."""
    base: int = 0
    """Where the section's least indented label starts."""
    after: tuple[int, ...] = ()
    """Indents of the lines that follow in the block, up to the next blank."""

    def sibling(self, indent: int) -> bool:
        """Whether the next line at ``indent`` or less (deeper ones skipped) is at ``indent``."""
        back = next((x for x in self.after if x <= indent), None)
        return back == indent

    @property
    def label(self) -> str:
        return self.placed.label_text

    @property
    def indent(self) -> int:
        return self.placed.label[0].start if self.placed.label else self.token.col


@dataclass(slots=True)
class Section:
    """Columns and rows of one section (a new one starts at an in-body header with new labels)."""

    headers: list[str]
    rows: list[Row]
    caption: str = ""
    body: list[Line] = field(default_factory=list)
    """The body lines read so far; the rows are built from them once the whole table is read,
    so that a table broken over pages is read as one (one label column, one wrap convention)."""


@lru_cache(maxsize=4096)
def norm(text: str) -> str:
    """Header text as compared: lower case, markers and punctuation dropped (cached: each
    section's headers are compared with every repeated header line and the next section's)."""
    bare: str = _NORM.sub(" ", split_markers(text.lower())[0])
    return bare.strip()


def _matches(placed: Placed, headers: Sequence[str]) -> bool:
    """Whether every text over a data column repeats that column's known header."""
    for col, chunks in placed.cells.items():
        have = norm(" ".join(c.text for c in chunks))
        if col >= len(headers) or not have or have not in norm(headers[col]):
            return False
    return True


def _repeats_words(placed: Placed, headers: Sequence[str]) -> bool:
    """Whether a line of numbers without a label repeats, cell by cell, whole words of the known
    headers: the year line of a header repeated after a page break ("1993   24, 1993"), which
    reads as values."""
    if not headers:
        return False
    for col, chunks in placed.cells.items():
        have = norm(" ".join(c.text for c in chunks))
        if col >= len(headers) or not have or f" {have} " not in f" {norm(headers[col])} ":
            return False
    return True


def _header_overhang(placed: Placed, first: int, headers: Sequence[str]) -> bool:
    """Whether a line without cells repeats a known column header that reaches over the first
    column from the left: a header wider than its values, centred over them, starts left of the
    column, so it is placed as label text (the header repeated after a ``<PAGE>``). The line's
    words must be whole words of the header and most of its ink: a rule with a stray letter in
    it repeats nothing."""
    if not headers or placed.label[-1].end <= first:
        return False
    text = placed.label_text
    have = norm(text)
    if not have or 2 * len(have) < len(text) - text.count(" "):
        return False
    return any(f" {have} " in f" {norm(header)} " for header in headers)


_UNPLACED = Placed()
"""What a rule or a gap holds: rows are cut at them, and their chunks are never read."""


def classify(
    token: Token, spans: tuple[Span, ...], headers: Sequence[str], known: Mapping[str, Placed] | None = None
) -> Line:
    """Place a body line's chunks and say what kind of line it is (a labelled line of text cells
    may still be a header: :func:`may_repeat_stub`).

    ``known`` holds lines of text already placed under ``spans`` (by their text): the reader
    placed the body's text lines to lay out its columns, and a look-up there costs less than
    one in :func:`place_line`'s cache, keyed by the text and every span."""
    width = spans[0][0] if spans else 0
    token_kind = token.kind
    if token_kind is RULE:
        return Line(token, _UNPLACED, "rule", width)
    if token_kind is TEXT:
        text = token.text
        placed = known.get(text) if known is not None else None
        if placed is None:
            placed = place_line(text, spans)
    elif token_kind is COLUMN_TAGS:
        placed = place_line(blank_tags(token.text), spans)
    else:
        return Line(token, _UNPLACED, "gap", width)
    if not placed.cells:
        kind = "gap" if not placed.label else "repeat" if _header_overhang(placed, width, headers) else "label"
    elif placed.has_data:
        kind = "repeat" if not placed.label and _repeats_words(placed, headers) else "data"
    elif _matches(placed, headers):
        kind = "repeat"
    elif not placed.label and len(placed.cells) >= min(2, len(spans)):
        kind = "header"
    elif placed.label and _unit_notes(placed):
        placed = Placed(placed.label, {}, placed.label_text)
        kind = "label"
    else:
        kind = "data"
    return Line(token, placed, kind, width)


def may_repeat_stub(line: Line) -> bool:
    """Whether a line :func:`classify` calls data is a labelled line of two or more text cells and
    no value: a header that brings new column labels when its label repeats the stub head of the
    header above ("Share class   Repurchases(1)   Net (decrease) increase" under "Share class
    Sales(1) ..."). Only such lines need the stub heads, which cost a placement of every header
    line: they are worked out when one comes up."""
    placed = line.placed
    return line.kind == "data" and not placed.has_data and bool(placed.label) and len(placed.cells) >= 2


def _unit_notes(placed: Placed) -> bool:
    """Whether every cell of a labelled line is a unit note ("Bonds & notes   (000)   (000)"): the
    title of a block of rows on the line of its columns' units, a heading rather than a row of
    values. Its notes repeat the header's units and are left out."""
    return all(len(chunks) == 1 and unit_note(chunks[0].text) for chunks in placed.cells.values())


_ALIGN = 2
"""How far the continued line of a text cell may start off the cell's first line."""


def continues_text(above: Line, line: Line) -> bool:
    """Whether an unlabelled line of text, right under a data line, continues that line's text
    cells: each of its pieces starts where a text piece of ``above`` in its column starts (a
    description wrapped in its column is set flush left; a header is centred over its values).
    Such a line is part of the rows, not an in-body header that starts a new section."""
    if above.kind != "data" or not line.placed.cells:
        return False
    for col, chunks in line.placed.cells.items():
        mine = above.placed.cells.get(col)
        if not mine or any(c.data for c in chunks):
            return False
        start = chunks[0].start
        if not any(not c.data and abs(c.start - start) <= _ALIGN for c in mine):
            return False
    return True

