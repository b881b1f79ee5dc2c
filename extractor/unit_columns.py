"""Columns that hold only a unit sign, folded into the figures beside them.

Some filing agents set the "%" (or "$") of a row in a narrow column of its own, left of the
figures of every class ("Management Fees | % | 0.74 | 0.74 | ..."), under an empty header. Read
as it stands, the table gained a column of "%" cells with no value and the figures no unit. The
column goes, and its sign becomes the unit of the figures in its row that have none.
"""

from __future__ import annotations

import dataclasses
from typing import Final

from .model import Cell, Row, Table, Unit

_SIGNS: Final[dict[str, Unit]] = {"%": "percent", "$": "usd"}


def fold_unit_columns(table: Table) -> Table:
    """``table`` without its unit-sign columns (see the module), or ``table`` itself."""
    signs = [j for j in range(len(table.columns)) if _is_sign_column(table, j)]
    if not signs or len(signs) == len(table.columns):
        return table
    keep = [j for j in range(len(table.columns)) if j not in signs]
    rows = tuple(_folded(row, signs, keep) for row in table.rows)
    return dataclasses.replace(
        table,
        columns=tuple(table.columns[j] for j in keep),
        rows=rows,
        column_concepts=_kept(table.column_concepts, keep),
        column_classes=_kept(table.column_classes, keep),
    )


def _is_sign_column(table: Table, j: int) -> bool:
    """An unnamed column of signs alone, in at least two rows that state figures elsewhere (a
    table of blanks to be filled in, "Per Note ... % ... %", has no figures to give them to)."""
    if table.columns[j].strip():
        return False
    signed = 0
    for row in table.rows:
        if j >= len(row.cells):
            continue
        cell = row.cells[j]
        if cell.value is not None or (cell.text and cell.text.strip() not in _SIGNS):
            return False
        signed += bool(cell.text.strip()) and any(c.value is not None for c in row.cells)
    return signed >= 2


def _folded(row: Row, signs: list[int], keep: list[int]) -> Row:
    unit = next((_SIGNS[row.cells[j].text.strip()] for j in signs
                 if j < len(row.cells) and row.cells[j].text.strip()), None)
    cells = tuple(_with_unit(row.cells[j], unit) for j in keep if j < len(row.cells))
    return dataclasses.replace(row, cells=cells)


def _with_unit(cell: Cell, unit: Unit | None) -> Cell:
    if unit is None or cell.value is None or cell.unit is not None:
        return cell
    return dataclasses.replace(cell, unit=unit)


def _kept(values: tuple[str | None, ...] | None, keep: list[int]) -> tuple[str | None, ...] | None:
    if values is None:
        return None
    return tuple(values[j] for j in keep if j < len(values))
