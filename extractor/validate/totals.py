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


def _amounts(row: Row) -> tuple[Decimal | None, ...]:
    """The row's value in each of its cells, negative on a "Less ..." row; ``None`` where blank.

    Computed once per row of a table: every "Total" row below re-reads the rows above it.
    """
    less = bool(_LESS.search(normalize(row.label)))
    values = [c.value for c in row.cells]
    if less:
        return tuple(None if v is None else -abs(v) for v in values)
    return tuple(values)


def _tolerance(value: Decimal, addends: int) -> Decimal:
    """Rounding allowance: half a unit of the last digit written for each rounded figure, at least a cent."""
    exponent = value.as_tuple().exponent
    unit = Decimal(1).scaleb(exponent) if isinstance(exponent, int) else ROUNDING
    return max(ROUNDING, unit * (addends + 1) / 2)


class _Running:
    """Sum and shape of one column over a block of rows."""

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


def _best_block(amounts: dict[int, tuple[Decimal | None, ...]], items: list[int],
                total: Row) -> tuple[int, list[int], list[int]] | None:
    """(start in ``items``, agreeing columns, missing columns) of the block that best adds up.

    The best block agrees, exactly, in the most columns where the total is not zero; of equally
    good blocks the one reaching furthest up wins. ``None`` when no block agrees in two such
    columns, as the total is then never checked. This runs for every "Total" row over all the
    rows above it, so the search keeps only the running sums of those columns and a running
    count of the ones that agree, grown upwards from the total one row at a time; the columns'
    shape (to tell a sum from an average) is worked out once, for the winning block.
    """
    columns = [j for j, c in enumerate(total.cells) if c.value is not None]
    targets = [c.value for c in total.cells if c.value is not None]
    strong_at = [k for k, target in enumerate(targets) if target]
    sums = [Decimal(0)] * len(columns)
    hit = [False] * len(columns)
    last = len(items) - 1
    best_start, best_strong, strong = -1, -1, 0
    for start in range(last, -1, -1):
        values = amounts[items[start]]
        size = len(values)
        for k in strong_at:
            j = columns[k]
            if j < size:
                value = values[j]
                if value is not None:
                    sums[k] += value
                    if (sums[k] == targets[k]) is not hit[k]:
                        hit[k] = not hit[k]
                        strong += 1 if hit[k] else -1
        if start != last and strong >= best_strong:
            best_start, best_strong = start, strong
    if best_strong < 2:
        return None
    running = {j: _Running() for j in columns}
    for index in items[best_start:]:
        values = amounts[index]
        for j in columns:
            running[j].add(values[j] if j < len(values) else None)
    agree: list[int] = []
    miss: list[int] = []
    for j, target in zip(columns, targets, strict=True):
        column = running[j]
        if column.count == 0 or target is None:
            continue
        if column.total == target:
            agree.append(j)
        elif column.additive(target):
            miss.append(j)
    return best_start, agree, miss


def column_total(table: Table) -> list[Finding]:
    """Findings where a total row misses the sum of the block of rows it evidently adds."""
    findings: list[Finding] = []
    items: list[int] = []
    amounts: dict[int, tuple[Decimal | None, ...]] = {}
    for index, row in enumerate(table.rows):
        if not row.has_values:
            continue
        amounts[index] = _amounts(row)
        label = normalize(row.label)
        if not (_TOTAL.search(label) or not label) or len(items) < 2:
            items.append(index)
            continue
        found = _best_block(amounts, items, row)
        if found is None:
            items.append(index)
            continue
        start, agree, miss = found
        strong = [j for j in agree if row.cells[j].value]
        if len(strong) < 2 or len(miss) > len(agree):
            items.append(index)
            continue
        block = [table.rows[i] for i in items[start:]]
        block_amounts = [amounts[i] for i in items[start:]]
        for j in miss if label else []:
            value = row.cells[j].value
            assert value is not None
            expected = sum(((a[j] if j < len(a) else None) or Decimal(0) for a in block_amounts), Decimal(0))
            header = column_name(table, j)
            findings.append(finding(
                "column_total", severity(value - expected, _tolerance(value, len(block))), table.id,
                (row.line, row.label, header), text(expected), text(value),
                f"{header}: the {len(block)} rows from '{block[0].label}' to '{block[-1].label}' add up to "
                f"{text(expected)}, but the '{row.label}' row shows {text(value)}",
            ))
        items[start:] = [index]
    return findings
