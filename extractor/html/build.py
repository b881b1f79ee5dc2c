"""Turn a :class:`~extractor.html.grid.Grid` into the shared :class:`~extractor.model.Table` rows.

This is where the HTML reader meets the shared model: each cell goes through the same
``parse_cell`` as the plain-text reader, raised markers become footnotes, and the inline XBRL fact
a cell renders is attached to it.
"""

from __future__ import annotations

import dataclasses

from ..model import EMPTY_CELL, Cell, Row
from ..text.chunks import strip_leaders
from ..values import parse_cell, split_markers
from .dom import Lines
from .grid import Grid, Slot
from .labels import continues
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
    return cell.with_xbrl(fact) if fact is not None else cell


def _read_row(grid: Grid, slots: list[Slot], facts: FactReader, line: int) -> Row:
    """The row of ``slots``: label parts joined, one cell per data column.

    Dot leaders after a label (HTML converted from a text filing keeps them) are dropped, as the
    plain-text reader drops them, so that the same table gives the same label in either format.
    For the same reason a marker typed after the label ("Other Expenses*", "Fees(1)") is one of
    its footnotes and stays in its text; a raised marker is set apart from the text.
    """
    last = _label_area(grid)
    label_parts: list[str] = []
    label_marks: list[str] = []
    by_col: dict[int, Slot] = {}
    for slot in slots:
        if slot.col <= last:
            label_parts.append(slot.cell.text)
            label_marks.extend(slot.cell.markers)
        elif slot.col in by_col:
            by_col[slot.col] = _merge(by_col[slot.col], slot)
        else:
            by_col[slot.col] = slot
    cells = tuple(to_cell(by_col.get(c), facts) for c in grid.data_cols)
    label = strip_leaders(" ".join(p for p in label_parts if p))
    typed = split_markers(label)[1] if label else ()
    return Row(line=line, label=label, cells=cells, label_footnotes=(*label_marks, *typed))


def _join_wrapped(rows: list[Row]) -> list[Row]:
    """Rows with the label-only rows that a wrapped label left above its values merged into them.

    Converted filings often break a long label over two ``<tr>``, the values on the last; the
    label-only rows just above a row of values that each continue the next are its label's start.
    """
    out: list[Row] = []
    for i, row in enumerate(rows):
        if row.has_text and row.label:
            after = rows[i + 1].label if i + 1 < len(rows) else ""
            start = len(out)
            while start > 0 and not out[start - 1].has_text and continues(
                out[start - 1].label, out[start].label if start < len(out) else row.label,
                after if start == len(out) else "",
            ):
                start -= 1
            if start < len(out):
                lead = out[start:]
                row = dataclasses.replace(
                    row, label=" ".join([*(r.label for r in lead), row.label]),
                    label_footnotes=tuple(m for r in [*lead, row] for m in r.label_footnotes),
                )
                del out[start:]
        out.append(row)
    return out


def _join_trailing(rows: list[Row]) -> list[Row]:
    """Rows with a label-only row that finishes the label of the row of values above it merged
    into that row: filers who print the values on a wrapped label's first line do so in HTML too.
    What :func:`_join_wrapped` left is judged here, so a label that leads into the row below it
    stays with that row."""
    out: list[Row] = []
    for i, row in enumerate(rows):
        above = out[-1] if out else None
        after = rows[i + 1].label if i + 1 < len(rows) else ""
        if (above is not None and above.has_text and not row.has_text and row.label
                and continues(above.label, row.label, after)):
            out[-1] = dataclasses.replace(above, label=f"{above.label} {row.label}",
                                          label_footnotes=above.label_footnotes + row.label_footnotes)
            continue
        out.append(row)
    return out


def _label_area(grid: Grid) -> int:
    """The last column of the row labels (-1 when the table has none)."""
    if grid.label_col is None:
        return -1
    return grid.label_col if grid.label_end is None else grid.label_end


def _with_carried_labels(grid: Grid) -> list[list[Slot]]:
    """The slots of each row, with the row label a ``rowspan`` cell above carries into it: the
    group label ("Class C") of the rows beside it ("if you sell", "if you hold") names each."""
    last = _label_area(grid)
    carry: dict[int, tuple[Slot, int]] = {}
    out: list[list[Slot]] = []
    for grow in grid.rows:
        have = {s.col for s in grow.slots}
        extra = [slot for col, (slot, until) in carry.items() if grow.at < until and col not in have]
        out.append(sorted([*grow.slots, *extra], key=lambda s: s.col) if extra else grow.slots)
        for slot in grow.slots:
            if slot.down > 1 and slot.col <= last:
                carry[slot.col] = (slot, grow.at + slot.down)
    return out


def _only_carried(own: list[Slot], below: list[Slot]) -> bool:
    """Whether a row holds nothing but ``rowspan`` labels that the row ``below`` carries: the
    label names the rows it spans, and the row where it starts, empty otherwise, is no row."""
    return bool(own) and all(slot.down > 1 and any(slot is s for s in below) for slot in own)


def to_rows(grid: Grid, offset: int, facts: FactReader, lines: Lines) -> list[Row]:
    """One :class:`Row` per grid row with text; ``offset`` turns element lines into input lines."""
    rows: list[Row] = []
    carried = _with_carried_labels(grid)
    for k, (grow, slots) in enumerate(zip(grid.rows, carried, strict=True)):
        if k + 1 < len(carried) and _only_carried(grow.slots, carried[k + 1]):
            continue
        row = _read_row(grid, slots, facts, lines(grow.element) + offset)
        if row.label or row.has_text:
            rows.append(row)
    return _join_trailing(_join_wrapped(rows))


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
