"""Rows of a table section: data lines, wrapped labels merged, in-body header rows found.

A row label that does not fit its column wraps over several lines; filers put the values on
the first label line (the seed) or on the last (most financial statements), and separate rows
either with dashed rules or not at all. Where rules cut the body into blocks of one data line
each, a block is a row. Elsewhere the wrap is read from the text: a line that starts in lower
case, follows a label ending in a connecting word, or is indented under its first line belongs
to that label; a short line ending in a colon is a heading row of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ..model import Cell, Row
from ..values import parse_cell, split_markers
from .chunks import strip_leaders
from .lines import Line

_CONNECTOR = regex.compile(
    r"(?:[,&/(-]|\b(?:and|or|of|the|to|for|in|on|with|by|from|at|as|a|an|under|per|before|after|"
    r"including|less|plus|into|than|its|their|other|which|that|is|are|net)\b)$",
    regex.I,
)
_LEADER_END = regex.compile(r"(?:\.[ .]*+|_{2,}+)$")
_FULL = 0.6
_LOOKAHEAD = 40
_MARGIN_TEXT = 8


@dataclass(slots=True)
class Draft:
    """A row being assembled: its label lines and the data line that carries its cells."""

    labels: list[Line] = field(default_factory=list)
    data: Line | None = None

    def text(self) -> str:
        return " ".join(filter(None, (strip_leaders(line.label) for line in self.labels)))


def _starts_low(text: str) -> bool:
    first = text.lstrip()[:1]
    return bool(first) and (first.islower() or first in "(&")


def _complete(line: Line) -> bool:
    """A label ended by dot leaders or a colon does not run on to the next line."""
    raw = line.label.rstrip()
    return raw.endswith(":") or (bool(_LEADER_END.search(raw)) and raw.count(".") >= 2)


def _joins(first: Line, second: Line, row: Line | None = None) -> bool:
    """Whether ``second`` continues the label begun on ``first``.

    An indented ``second`` is the rest of a wrapped label unless the row it leads to
    (``row``, default ``second``) is one of a list at its indent: then it is a heading's
    child. A first line that fills the label column, or a row right after which the outer
    list resumes, says wrap.
    """
    if _complete(first):
        return False
    if not second.label:
        return True
    if _starts_low(second.label):
        return True
    if _CONNECTOR.search(first.label.rstrip()):
        return True
    end = second if row is None else row
    if second.indent <= first.indent or end.sibling(second.indent):
        return False
    return _full(first)


def _full(line: Line) -> bool:
    """A label line that nearly fills its column: it wrapped, it is not a short heading."""
    end = line.placed.label[-1].end if line.placed.label else 0
    return end - line.base >= _FULL * (line.width - line.base)


def _heading(line: Line) -> Draft:
    return Draft([line])


def _flush(pending: list[Line], drafts: list[Draft]) -> None:
    """Pending label lines that joined nothing become heading rows (wrapped ones merged)."""
    for line in pending:
        if drafts and drafts[-1].data is None and drafts[-1].labels and _joins(drafts[-1].labels[-1], line):
            drafts[-1].labels.append(line)
        else:
            drafts.append(_heading(line))
    pending.clear()


def _merge_block(block: Sequence[Line]) -> list[Draft] | None:
    """A rule-bounded block with one data line is one row, label lines around it included."""
    data = [i for i, line in enumerate(block) if line.kind == "data"]
    if len(data) != 1:
        return None
    at = data[0]
    drafts: list[Draft] = []
    row = Draft(data=block[at])
    start = at
    while start > 0 and block[start - 1].kind == "label" and not _complete(block[start - 1]):
        start -= 1
    for line in block[:start]:
        if line.kind == "label":
            drafts.append(_heading(line))
    row.labels = [line for line in block[start:at] if line.kind == "label"] + [block[at]]
    stop = at + 1
    while stop < len(block) and block[stop].kind == "label" and not _complete(row.labels[-1]):
        row.labels.append(block[stop])
        stop += 1
    drafts.append(row)
    drafts.extend(_heading(line) for line in block[stop:] if line.kind == "label")
    return drafts


def _merge_free(block: Sequence[Line]) -> list[Draft]:
    """Rows of a block without rules between its rows: the wrap is read from the text."""
    drafts: list[Draft] = []
    pending: list[Line] = []
    last: Line | None = None
    tail = False
    for line in block:
        if line.kind == "gap":
            _close(pending, drafts, tail)
            last = None
            continue
        if line.kind == "label":
            current = drafts[-1] if drafts and drafts[-1].data is not None and last is not None else None
            if current is not None and not pending and _suffix(current.labels[-1], line, current.labels[0]):
                current.labels.append(line)
            else:
                tail = tail if pending else current is not None
                pending.append(line)
            last = line
            continue
        row = Draft(data=line)
        take = len(pending)
        while take > 0 and _joins(pending[take - 1], line if take == len(pending) else pending[take], line):
            take -= 1
        after_data = drafts and drafts[-1].data is not None and last is not None
        if take and after_data and _hangs(drafts[-1].labels[-1], pending[:take], line):
            drafts[-1].labels.extend(pending[:take])
            pending = pending[take:]
            take = 0
        _flush(pending[:take], drafts)
        row.labels = [*pending[take:], line]
        pending = []
        drafts.append(row)
        last = line
    _close(pending, drafts, tail)
    return drafts


def _close(pending: list[Line], drafts: list[Draft], tail: bool) -> None:
    """Label lines that end a run right under a row finish that row's label, unless headings.

    A heading is followed by its rows; a line followed by a blank or a rule is the tail of a
    label whose values sit on its first line.
    """
    row = drafts[-1] if tail and pending and drafts and drafts[-1].data is not None else None
    if row is not None and not _complete(row.labels[-1]) and not any(_complete(line) for line in pending):
        row.labels.extend(pending)
        pending.clear()
    _flush(pending, drafts)


def _hangs(previous: Line, lines: Sequence[Line], following: Line) -> bool:
    """Whether label lines that join neither neighbour are the tail of the row above.

    Values sit on the first label line (as in the seed) when the lines are not headings and
    the next row is not indented under them as a child.
    """
    if _complete(previous) or any(_complete(line) for line in lines):
        return False
    return following.indent <= lines[0].indent


def _suffix(previous: Line, line: Line, first: Line) -> bool:
    """Whether a label-only line right after a row continues that row's label.

    A line indented under the row's first label line, with nothing indented under it in
    turn and no sibling at its indent, is a hanging continuation.
    """
    if _complete(previous):
        return False
    if line.indent > first.indent and not line.children and not line.sibling(line.indent):
        return True
    heading = line.label.rstrip().endswith(":")
    return not heading and (_starts_low(line.label) or bool(_CONNECTOR.search(previous.label.rstrip())))


def _mark_layout(block: Sequence[Line]) -> None:
    """Record for each line the indents of the lines after it, up to a blank."""
    indents: list[int] = []
    for line in reversed(block):
        if line.kind == "gap":
            indents = []
            line.after = ()
            continue
        line.after = tuple(reversed(indents[-_LOOKAHEAD:]))
        indents.append(line.indent)


def _blocks(lines: Sequence[Line]) -> list[list[Line]]:
    blocks: list[list[Line]] = [[]]
    for line in lines:
        if line.kind == "rule":
            blocks.append([])
        else:
            blocks[-1].append(line)
    return [b for b in blocks if b]


def build_drafts(lines: Sequence[Line]) -> list[Draft]:
    """Rows of a section body (rules, blanks and label lines included) as drafts in order."""
    labelled = [
        line
        for line in lines
        if line.placed.label and line.kind in ("label", "data") and line.placed.label[-1].end <= line.width
    ]
    base = min((line.placed.label[0].start for line in labelled), default=0)
    width = max((x.placed.label[-1].end for x in labelled if x.indent <= base + _MARGIN_TEXT), default=0)
    for line in lines:
        line.width, line.base = width, base
    blocks = _blocks(lines)
    ruled = sum(1 for b in blocks if sum(1 for x in b if x.kind == "data") == 1) >= 2
    drafts: list[Draft] = []
    for block in blocks:
        _mark_layout(block)
        merged = _merge_block(block) if ruled else None
        drafts.extend(merged if merged is not None else _merge_free(block))
    return _adopt_headings(drafts)


def _adopt_headings(drafts: list[Draft]) -> list[Draft]:
    """A value row without a label takes the heading right above it as its label."""
    out: list[Draft] = []
    for draft in drafts:
        if draft.data is not None and not draft.text() and out and out[-1].data is None:
            draft.labels = out.pop().labels + draft.labels
        out.append(draft)
    return out


@lru_cache(maxsize=16384)
def _cell(text: str) -> Cell:
    """:func:`parse_cell`, cached: the same few texts (none, 0.00, --) fill most tables."""
    return parse_cell(text)


def to_row(draft: Draft, width: int) -> Row:
    """The model row for a draft: label joined, one parsed cell per column."""
    label = draft.text()
    _, markers = split_markers(label)
    if draft.data is None:
        line = draft.labels[0].token.line
        return Row(line, label, tuple(Cell("") for _ in range(width)), label_footnotes=markers)
    cells = tuple(_cell(draft.data.placed.cell_text(i)) for i in range(width))
    return Row(draft.data.token.line, label, cells, label_footnotes=markers)
