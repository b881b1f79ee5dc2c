"""Tables whose columns are separated by tab characters rather than placed by blanks.

A filer typing in a word processor with its own tab stops ends each cell with one tab, so
the line ``<S><tab><C>`` and ``<tab>Total Annual Fund Operating Expenses<tab>0.40%`` line up on
their screen but nowhere after the tabs are expanded to EDGAR's fixed stops of eight: short
labels put their value a column to the left of long ones. When the column-tag line itself
separates its tags with tabs, each tab is a cell boundary, and the table is re-set in fixed
width from the fields so the rest of the reader sees aligned columns.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import regex

_TAB_TAGS: Final = regex.compile(r"[ ]*+<S>(?:[ ]*+\t[ \t]*+<C>)++[ \t]*+$", regex.I)
_STRUCTURE: Final = regex.compile(r"[ \t]*+</?(?:TABLE|CAPTION|PAGE|FN|F\d{1,3})\b", regex.I)
_GAP: Final = 3


def _fields(raw: str) -> list[str]:
    """The non-empty tab-separated fields of a line: leading tabs indent, doubled tabs pad."""
    return [f.strip() for f in raw.split("\t") if f.strip()]


def realign_tab_fields(lines: Sequence[str], widest: int | None = None) -> list[str]:
    """The block's lines, re-set in fixed width when its column tags are tab-separated.

    A line with fewer fields than columns fills the right-hand ones (a header or a row of
    figures without a label), except a single field, which is a label or heading. Lines with
    no tab, and blocks where any line has more fields than there are tags, are left as written.
    Only a line with a tab can be such a tag line, so the pattern is tried on no other.

    A re-set line is cut at ``widest`` characters: each column is as wide as its widest field,
    so a block of short lines, each with one long field in another of hundreds of columns, made
    every line as wide as all those fields together (100 MB of lines from a 1 MB table). Over
    the 2,499 inputs of ``benchmarks/golden.py`` no re-set line is wider than 938 characters.
    """
    tags = next((i for i, raw in enumerate(lines) if "\t" in raw and _TAB_TAGS.match(raw)), None)
    if tags is None:
        return list(lines)
    n = len(_fields(lines[tags]))
    placed: dict[int, list[str]] = {}
    for i, raw in enumerate(lines):
        if "\t" not in raw or _STRUCTURE.match(raw):
            continue
        fields = _fields(raw)
        if not fields:
            continue
        if len(fields) > n:
            return list(lines)
        cells = [""] * n
        if len(fields) == 1:
            cells[0] = fields[0]
        else:
            cells[n - len(fields) :] = fields
        placed[i] = cells
    if len(placed) < 3:
        return list(lines)
    widths = [max(len(cells[j]) for cells in placed.values()) for j in range(n)]
    starts = [0]
    for width in widths[:-1]:
        starts.append(starts[-1] + width + _GAP)
    out = list(lines)
    for i, cells in placed.items():
        text = ""
        for start, cell in zip(starts, cells, strict=True):
            if cell:
                text = text.ljust(start) + cell if text else " " * start + cell
        out[i] = text if widest is None else text[:widest]
    return out
