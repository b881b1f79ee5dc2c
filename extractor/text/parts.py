"""Cut a ``<TABLE>`` block into parts: header lines, the column-tag line, body lines.

A block has one part per ``<S>``/``<C>`` line (a repeated tag line, usually under a new
``<CAPTION>``, starts a part with new columns). Where filers left the tag line out, the block
is cut at each ``<CAPTION>`` and the body starts at the first row that holds a value.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import regex

from ..values import split_markers
from .chunks import chunk_line
from .columns import WIDE
from .tokenizer import (
    BLANK,
    CAPTION,
    CAPTION_END,
    COLUMN_TAGS,
    FOOTNOTE_START,
    RULE,
    TABLE_END,
    TABLE_START,
    TEXT,
    Token,
)

_YEAR = regex.compile(r"(?:19|20)\d\d")

_TABLE_TAGS = (TABLE_START, TABLE_END)
_HEADER_KINDS = (TEXT, RULE, BLANK, CAPTION_END)
"""The kinds of line that may stand in the header above a tag line."""


@dataclass(slots=True)
class Part:
    """One tag-line section of a table block: header tokens, the tag line, body tokens."""

    header: list[Token]
    tags: Token | None
    body: list[Token]


def split_parts(tokens: Sequence[Token]) -> tuple[list[Part], list[Token]]:
    """Cut the block at its tag lines; return the parts and the ``<FN>`` footnote tokens.

    The cuts are at the tag lines with a ``<C>``, or failing those at any tag line, both
    found in the one pass that drops the table tags."""
    footnotes: list[Token] = []
    inner: list[Token] = []
    c_tags: list[int] = []
    any_tags: list[int] = []
    for i, token in enumerate(tokens):
        kind = token.kind
        if kind is FOOTNOTE_START:
            footnotes = [t for t in tokens[i + 1 :] if t.kind is not TABLE_END]
            break
        if kind in _TABLE_TAGS:
            continue
        if kind is COLUMN_TAGS:
            any_tags.append(len(inner))
            if "<C>" in token.text.upper():
                c_tags.append(len(inner))
        inner.append(token)
    tag_at = c_tags or any_tags
    if not tag_at:
        cuts = [i for i, t in enumerate(inner) if t.kind is CAPTION and i > 0]
        untagged = []
        for lo, hi in zip([0, *cuts], [*cuts, len(inner)], strict=True):
            head, body = _split_untagged(inner[lo:hi])
            untagged.append(Part(head, None, body))
        return untagged, footnotes
    parts: list[Part] = []
    start = 0
    for n, at in enumerate(tag_at):
        nxt = tag_at[n + 1] if n + 1 < len(tag_at) else len(inner)
        head_from = _header_start(inner, start, at)
        if parts:
            parts[-1].body.extend(inner[start:head_from])
        end = _header_start(inner, at + 1, nxt) if n + 1 < len(tag_at) else nxt
        body = inner[at + 1 : end]
        lifted = _header_below_tags(inner[head_from:at], body, _first_tag(inner[at].text))
        parts.append(Part(inner[head_from:at] + body[:lifted], inner[at], body[lifted:]))
        start = end
    return parts, footnotes


_MOST_HEADER_LINES = 10
"""Lines of column header a filer sets under the tag line at most: more are rows."""


def _header_below_tags(header: Sequence[Token], body: Sequence[Token], first_column: int) -> int:
    """How many lines at the top of a tagged body are column header: the filer set the tag line
    above the header instead of under it.

    They are the lines before the first row that holds a value other than a year (years head
    columns, as rising counts do: :func:`_periods`), as in a block without tags, when one of
    them has text over the columns; label
    lines right above that row (a heading, the start of a wrapped label) stay in the body.
    Nothing is lifted where the lines above the tag line already head the columns (text under
    them is rows: headings in a column of names), where no row holds a value (text rows), or
    where more than one of the lines pairs a label with text over the columns (rows of text
    cells; a header has one stub title at most, "Share class").
    """
    edge = first_column - 2
    if first_column == 0 or any(t.kind is TEXT and _over_columns(t.text, edge) for t in header):
        return 0
    first_row = next(
        (i for i, t in enumerate(body) if t.kind is TEXT and _is_body(t.text) and not _periods(t.text)), None
    )
    if first_row is None or first_row == 0:
        return 0
    above = body[:first_row]
    if any(t.kind is not TEXT and t.kind is not BLANK and t.kind is not RULE for t in above):
        return 0
    lines = [chunks for t in above if t.kind is TEXT and (chunks := chunk_line(t.text, False))]
    over = [chunks[-1].start >= edge for chunks in lines]
    labelled = sum([o and chunks[0].start < edge for o, chunks in zip(over, lines, strict=True)])
    if len(lines) > _MOST_HEADER_LINES or not any(over) or labelled > 1:
        return 0
    text_starts = {c.start for c in chunk_line(body[first_row].text, False) if not c.data and c.start >= edge}
    end = first_row
    while end > 0 and body[end - 1].kind is TEXT and _row_heading(body[end - 1].text, edge, text_starts):
        end -= 1
    return end


_COUNT = regex.compile(r"\d{1,2}")
_PERIODS = 3
"""Rising bare counts in a row read as periods (1 | 3 | 5 | 10) from this many on."""


def _periods(text: str) -> bool:
    """Whether a line is a label and three or more bare counts that rise left to right ("CLASS B
    SHARES SOLD WITHIN YEAR  1  2  3  4  5  6"): the periods that head the columns, not values."""
    chunks = chunk_line(text)
    counts = [int(c.text) for c in chunks[1:] if _COUNT.fullmatch(c.text)]
    if chunks[0].data or len(counts) < _PERIODS or len(counts) != len(chunks) - 1:
        return False
    return all(a < b for a, b in pairwise(counts))


def _row_heading(text: str, edge: int, text_starts: set[int]) -> bool:
    """Whether a line right above the first row is one piece that starts in the row labels
    (left of ``edge``) or flush with a text cell of that row (``text_starts``): a heading over a
    block of rows ("Class A:", a year, "Common Stocks (74.3%)" over a column of names) or the
    start of a wrapped label, not column header."""
    chunks = chunk_line(text, False)
    return len(chunks) == 1 and (chunks[0].start < edge or chunks[0].start in text_starts)


def _over_columns(text: str, edge: int) -> bool:
    """Whether a line has a piece that starts at ``edge`` or right of it, over the columns."""
    chunks = chunk_line(text, False)
    return bool(chunks) and chunks[-1].start >= edge


def _header_start(tokens: Sequence[Token], lo: int, at: int) -> int:
    """Where the header lines above the tag line at ``at`` begin (not before ``lo``)."""
    for i in range(at - 1, lo - 1, -1):
        if tokens[i].kind is CAPTION:
            return i
    first_column = _first_tag(tokens[at].text)
    i = at
    while i > lo and tokens[i - 1].kind in _HEADER_KINDS:
        token = tokens[i - 1]
        if token.kind is TEXT and _looks_like_data(token.text, first_column):
            break
        i -= 1
    return i if lo == 0 or i > lo else lo


def _first_tag(tag_line: str) -> int:
    """Where the first ``<C>`` of a tag line stands (0 when it has none)."""
    at = tag_line.upper().find("<C>")
    return max(at, 0)


def _looks_like_data(text: str, first_column: int) -> bool:
    """A line with a label and a value: a data row, never a header.

    Header text over the data columns holds years and dates ("DURING 1996"); a row's label
    starts left of the first column, and well left of it unless most chunks after it are
    values other than bare years: a header wider than its column starts a few characters
    left of the tag, and the header line under "NET ADDITIONS" / "SPENDING DURING" reads
    "DURING 1996   1996   1996", years that head their columns, not values of a row.
    """
    chunks = chunk_line(text)
    if not chunks or chunks[0].data or (first_column and chunks[0].start >= first_column - 2):
        return False
    values = [c for c in chunks[1:] if c.data]
    if 2 * chunks[0].start > first_column:
        amounts = sum(1 for c in values if _YEAR.fullmatch(c.text) is None)
        return 2 * amounts > len(chunks) - 1
    return bool(values)


def _split_untagged(tokens: Sequence[Token]) -> tuple[list[Token], list[Token]]:
    """Header and body of a block without a tag line.

    The body starts at the first row with a value that is not a year (years head columns),
    taking with it the wrapped label lines right above that row: lines of one text chunk that
    start in that row's label, not right of it over the values (a column header).
    """
    first = next((i for i, t in enumerate(tokens) if t.kind is TEXT and _is_body(t.text)), len(tokens))
    closed = [i + 1 for i, t in enumerate(tokens[:first]) if t.kind is CAPTION_END]
    start = first
    edge = _label_edge(tokens[first].text) if first < len(tokens) else WIDE
    while start > 0 and tokens[start - 1].kind is TEXT and _label_only(tokens[start - 1].text, edge):
        start -= 1
    start = max([start, *closed])
    return list(tokens[:start]), list(tokens[start:])


def _label_edge(text: str) -> int:
    """Where a body row's first chunk ends: its label, or a year that ends a wrapped label."""
    return chunk_line(text)[0].end


def _label_only(text: str, edge: int = WIDE) -> bool:
    chunks = chunk_line(text, False)
    return len(chunks) == 1 and not chunks[0].data and chunks[0].start < edge


def _is_body(text: str) -> bool:
    values = [c for c in chunk_line(text) if c.data and not _YEAR.fullmatch(split_markers(c.text)[0])]
    values = [c for c in values if not c.text.endswith(",")]
    if not values:
        return False
    chunks = chunk_line(text)
    return not chunks[0].data or any(ch in c.text for c in values for ch in ".,%$")
