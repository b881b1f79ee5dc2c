"""``column_total``: "Total" rows of other tables (statements, remittance reports) add up.

A total adds the rows just above it, back to some start; earlier subtotals stand for the rows
they add, so nested totals ("Total sources" = total principal + total interest + ...) work, and
a row without a label whose numbers add up is taken as a subtotal too. A total is checked only
when the same block of rows reproduces it exactly in at least two columns with numbers and in at
least as many columns as it misses: then the block is surely the one the total adds, and a
column that misses is a finding. Anything less certain (selected data, "Total assets" under
unrelated rows, a single column) is skipped rather than guessed at.
"""

from __future__ import annotations

from decimal import Decimal

import regex

from ..classify.labels import normalize
from ..model import Finding, Row, Table
from .grid import column_name
from .policy import ROUNDING, finding, severity, text

_TOTAL = regex.compile(r"^(?:grand |sub)?totals?\b(?! return)")
_LESS = regex.compile(r"^less\b|\bdeduct")


def _amount(row: Row, column: int) -> Decimal:
    value = row.cells[column].value if column < len(row.cells) else None
    if value is None:
        return Decimal(0)
    return -abs(value) if _LESS.search(normalize(row.label)) else value


def _tolerance(value: Decimal, addends: int) -> Decimal:
    """Rounding allowance: half a unit of the last digit written for each rounded figure, at least a cent."""
    exponent = value.as_tuple().exponent
    unit = Decimal(1).scaleb(exponent) if isinstance(exponent, int) else ROUNDING
    return max(ROUNDING, unit * (addends + 1) / 2)


def _additive(block: list[Row], column: int, total: Decimal) -> bool:
    """False for a column whose "total" is an average or a rate: within the range of its items."""
    values = [_amount(r, column) for r in block if column < len(r.cells) and r.cells[column].value]
    if len(values) < 2 or not (all(v > 0 for v in values) or all(v < 0 for v in values)):
        return True
    return abs(total) > max(abs(v) for v in values)


def _best_block(rows: tuple[Row, ...], items: list[int], total: Row) -> tuple[int, list[int], list[int]] | None:
    """(start in ``items``, agreeing columns, missing columns) of the block that best adds up."""
    columns = [j for j, c in enumerate(total.cells) if c.value is not None]
    best: tuple[int, list[int], list[int]] | None = None
    for start in range(len(items) - 1):
        block = [rows[i] for i in items[start:]]
        agree: list[int] = []
        miss: list[int] = []
        for j in columns:
            if not any(j < len(r.cells) and r.cells[j].value is not None for r in block):
                continue
            total_value = total.cells[j].value
            assert total_value is not None
            if sum((_amount(r, j) for r in block), Decimal(0)) == total_value:
                agree.append(j)
            elif _additive(block, j, total_value):
                miss.append(j)
        strong = [j for j in agree if total.cells[j].value]
        if best is None or len(strong) > len([j for j in best[1] if total.cells[j].value]):
            best = (start, agree, miss)
    return best


def column_total(table: Table) -> list[Finding]:
    """Findings where a total row misses the sum of the block of rows it evidently adds."""
    findings: list[Finding] = []
    items: list[int] = []
    for index, row in enumerate(table.rows):
        if not row.has_values:
            continue
        label = normalize(row.label)
        if not (_TOTAL.search(label) or not label) or len(items) < 2:
            items.append(index)
            continue
        found = _best_block(table.rows, items, row)
        if found is None:
            items.append(index)
            continue
        start, agree, miss = found
        strong = [j for j in agree if row.cells[j].value]
        if len(strong) < 2 or len(miss) > len(agree):
            items.append(index)
            continue
        block = [table.rows[i] for i in items[start:]]
        for j in miss if label else []:
            value = row.cells[j].value
            assert value is not None
            expected = sum((_amount(r, j) for r in block), Decimal(0))
            header = column_name(table, j)
            findings.append(finding(
                "column_total", severity(value - expected, _tolerance(value, len(block))), table.id,
                (row.line, row.label, header), text(expected), text(value),
                f"{header}: the {len(block)} rows from '{block[0].label}' to '{block[-1].label}' add up to "
                f"{text(expected)}, but the '{row.label}' row shows {text(value)}",
            ))
        items[start:] = [index]
    return findings
