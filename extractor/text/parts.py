"""Cut a ``<TABLE>`` block into parts: header lines, the column-tag line, body lines.

A block has one part per ``<S>``/``<C>`` line (a repeated tag line, usually under a new
``<CAPTION>``, starts a part with new columns). Where filers left the tag line out, the block
is cut at each ``<CAPTION>`` and the body starts at the first row that holds a value.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

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
        parts.append(Part(inner[head_from:at], inner[at], inner[at + 1 : end]))
        start = end
    return parts, footnotes


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
