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


def _amounts(row: Row, columns: list[int]) -> dict[int, Decimal | None]:
    """The row's value in each column, negative on a "Less ..." row; ``None`` where blank."""
    less = bool(_LESS.search(normalize(row.label)))
    out: dict[int, Decimal | None] = {}
    for j in columns:
        value = row.cells[j].value if j < len(row.cells) else None
        out[j] = None if value is None else -abs(value) if less else value
    return out


def _tolerance(value: Decimal, addends: int) -> Decimal:
    """Rounding allowance: half a unit of the last digit written for each rounded figure, at least a cent."""
    exponent = value.as_tuple().exponent
    unit = Decimal(1).scaleb(exponent) if isinstance(exponent, int) else ROUNDING
    return max(ROUNDING, unit * (addends + 1) / 2)


class _Running:
    """Sum and shape of one column over a block that grows upwards one row at a time."""

    __slots__ = ("count", "max_abs", "negative", "nonzero", "positive", "total")

    def __init__(self) -> None:
        self.total = Decimal(0)
        self.count = self.nonzero = self.positive = self.negative = 0
        self.max_abs = Decimal(0)

    def add(self, value: Decimal | None) -> None:
        if value is None:
            return
        self.count += 1
        self.total += value
        if value:
            self.nonzero += 1
            self.positive += value > 0
            self.negative += value < 0
            self.max_abs = max(self.max_abs, abs(value))

    def additive(self, total: Decimal) -> bool:
        """False for a column whose "total" is an average or a rate: within the range of its items."""
        same_sign = self.positive == self.nonzero or self.negative == self.nonzero
        if self.nonzero < 2 or not same_sign:
            return True
        return abs(total) > self.max_abs


def _best_block(rows: tuple[Row, ...], items: list[int], total: Row) -> tuple[int, list[int], list[int]] | None:
    """(start in ``items``, agreeing columns, missing columns) of the block that best adds up.

    Blocks are grown upwards from the total with running sums, so each row is read once.
    """
    columns = [j for j, c in enumerate(total.cells) if c.value is not None]
    running = {j: _Running() for j in columns}
    results: list[tuple[int, list[int], list[int]]] = []
    for start in range(len(items) - 1, -1, -1):
        for j, value in _amounts(rows[items[start]], columns).items():
            running[j].add(value)
        if start == len(items) - 1:
            continue
        agree: list[int] = []
        miss: list[int] = []
        for j in columns:
            column = running[j]
            total_value = total.cells[j].value
            if column.count == 0 or total_value is None:
                continue
            if column.total == total_value:
                agree.append(j)
            elif column.additive(total_value):
                miss.append(j)
        results.append((start, agree, miss))
    best: tuple[int, list[int], list[int]] | None = None
    for start, agree, miss in reversed(results):
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
            expected = sum((_amounts(r, [j])[j] or Decimal(0) for r in block), Decimal(0))
            header = column_name(table, j)
            findings.append(finding(
                "column_total", severity(value - expected, _tolerance(value, len(block))), table.id,
                (row.line, row.label, header), text(expected), text(value),
                f"{header}: the {len(block)} rows from '{block[0].label}' to '{block[-1].label}' add up to "
                f"{text(expected)}, but the '{row.label}' row shows {text(value)}",
            ))
        items[start:] = [index]
    return findings
