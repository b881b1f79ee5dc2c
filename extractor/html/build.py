"""Turn a :class:`~extractor.html.grid.Grid` into the shared :class:`~extractor.model.Table` rows.

This is where the HTML reader meets the shared model: each cell goes through the same
``parse_cell`` as the plain-text reader, raised markers become footnotes, and the inline XBRL fact
a cell renders is attached to it.
"""

from __future__ import annotations

import dataclasses

from ..model import EMPTY_CELL, Cell, Row
from ..values import parse_cell
from .dom import Lines
from .grid import Grid, Slot
from .xbrl import FactReader


def _merge(left: Slot, right: Slot) -> Slot:
    """Two cells that land in one column (ragged rows): one cell with both texts."""
    cell = dataclasses.replace(
        left.cell, text=f"{left.cell.text} {right.cell.text}".strip(),
        markers=left.cell.markers + right.cell.markers, facts=left.cell.facts + right.cell.facts,
    )
    return Slot(left.start, right.end, cell, parse_cell(cell.text), left.col)


def to_cell(slot: Slot | None, facts: FactReader) -> Cell:
    """The model cell for a slot: parsed text, raised markers as footnotes, the fact it renders."""
    if slot is None:
        return EMPTY_CELL
    cell = slot.parsed
    if slot.cell.markers:
        cell = dataclasses.replace(
            cell, text=" ".join((cell.text, *slot.cell.markers)).strip(),
            footnotes=cell.footnotes + slot.cell.markers,
        )
    fact = facts.pick(slot.cell.facts, cell.value) if slot.cell.facts else None
    return dataclasses.replace(cell, xbrl=fact) if fact is not None else cell


def to_rows(grid: Grid, offset: int, facts: FactReader, lines: Lines) -> list[Row]:
    """One :class:`Row` per grid row with text; ``offset`` turns element lines into input lines."""
    rows: list[Row] = []
    for grow in grid.rows:
        label_parts: list[str] = []
        label_marks: list[str] = []
        by_col: dict[int, Slot] = {}
        for slot in grow.slots:
            if grid.label_col is not None and slot.col <= grid.label_col:
                label_parts.append(slot.cell.text)
                label_marks.extend(slot.cell.markers)
            elif slot.col in by_col:
                by_col[slot.col] = _merge(by_col[slot.col], slot)
            else:
                by_col[slot.col] = slot
        cells = tuple(to_cell(by_col.get(c), facts) for c in grid.data_cols)
        label = " ".join(p for p in label_parts if p)
        if not label and not any(c.text for c in cells):
            continue
        line = lines(grow.element) + offset
        rows.append(Row(line=line, label=label, cells=cells, label_footnotes=tuple(label_marks)))
    return rows


def column_classes(rows: list[Row], width: int) -> tuple[str | None, ...] | None:
    """The class ID of each column where all its tagged cells agree on one; None without tags."""
    found: list[set[str | None]] = [set() for _ in range(width)]
    for row in rows:
        for i, cell in enumerate(row.cells):
            if cell.xbrl is not None:
                found[i].add(cell.xbrl.class_id)
    if not any(found):
        return None
    return tuple(next(iter(ids)) if len(ids) == 1 else None for ids in found)
