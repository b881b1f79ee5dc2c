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

from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from typing import Final

import regex

from ..classify.labels import normalize
from ..model import Finding, Row, Table
from .grid import column_name
from .policy import ROUNDING, finding, severity, text

_TOTAL: Final = regex.compile(r"^(?:grand |sub)?totals?\b(?! return)")
_LESS: Final = regex.compile(r"^less\b|\bdeduct")
_TOTAL_STARTS: Final = ("total", "grand total", "subtotal")
"""How every label :data:`_TOTAL` matches starts: a test of the start is far cheaper than the
pattern, and most rows of a statement are no total (likewise ``less``/``deduct`` before
:data:`_LESS`)."""
_ZERO: Final = Decimal(0)


def _amounts(row: Row, label: str, width: int) -> tuple[Decimal | None, ...]:
    """The row's value in each of ``width`` columns, negative on a "Less ..." row (``label`` is
    the normalised label); ``None`` where blank or beyond the row's cells.

    Computed once per row of a table: every "Total" row below re-reads the rows above it, a
    column at a time, and rows of one width are read without a bounds test.
    """
    less = (label.startswith("less") or "deduct" in label) and _LESS.search(label) is not None
    values = [c.value for c in row.cells]
    if less:
        values = [None if v is None else -abs(v) for v in values]
    return (*values, *(None,) * (width - len(values)))


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


def _hits(upwards: Iterator[tuple[Decimal | None, ...]], j: int, target: Decimal, rising: bool) -> list[int]:
    """Positions of the rows, counted upwards from the one just above the total (0), from which
    column ``j`` of the rows down to the total adds up to ``target``.

    ``rising``: the column holds no negative amount and the target is positive, so the running
    sum never falls and the search stops once it passes the target; in a long statement whose
    every row may be a subtotal this keeps each search to the few rows just above.
    """
    found: list[int] = []
    total = _ZERO
    hit = False
    for position, values in enumerate(upwards):
        value = values[j]
        if value is not None:
            total += value
            hit = total == target
            if rising and total > target:
                break
        if hit:
            found.append(position)
    return found


_LONGEST_BLOCK: Final = 1000
"""Most rows (or earlier subtotals standing for theirs) a total may add. Statements subtotal
their sections, and over the 2,499 inputs of ``benchmarks/golden.py`` the longest block that adds
up to a total is 14 rows (199 rows the farthest any total had to look). Every row without a label
is looked at as a possible subtotal, so unbounded, a table of thousands of such rows with amounts
of both signs was searched upwards in full from each of them: quadratic."""


def _best_block(amounts: dict[int, tuple[Decimal | None, ...]], items: list[int], total: Row,
                negative: set[int]) -> tuple[int, list[int], list[int]] | None:
    """(start in ``items``, agreeing columns, missing columns) of the block that best adds up.

    The best block agrees, exactly, in the most columns where the total is not zero; of equally
    good blocks the one reaching furthest up wins. ``None`` when no block agrees in two such
    columns, as the total is then never checked. This runs for every "Total" row over the rows
    above it, so each of those columns is summed upwards from the total in one running pass
    (none when fewer than two such columns exist; see :func:`_hits` for columns without
    ``negative`` amounts) and the agreeing ones are counted per start; the columns' shape (to
    tell a sum from an average) is worked out once, for the winning block.
    """
    columns = [j for j, c in enumerate(total.cells) if c.value is not None]
    targets = [c.value for c in total.cells if c.value is not None]
    strong = [(j, target) for j, target in zip(columns, targets, strict=True) if target]
    if len(strong) < 2:
        return None  # no block can agree in two columns where the total is not zero
    above = items[-_LONGEST_BLOCK:]
    agreeing = Counter([position for j, target in strong
                        for position in _hits(map(amounts.__getitem__, reversed(above)), j, target,
                                              target > 0 and j not in negative)])
    del agreeing[0]  # the row just above the total alone is no block
    best_strong = max(agreeing.values(), default=0)
    if best_strong < 2:
        return None
    best_start = len(items) - 1 - max(p for p, count in agreeing.items() if count == best_strong)
    running = {j: _Running() for j in columns}
    for index in items[best_start:]:
        values = amounts[index]
        for j in columns:
            running[j].add(values[j])
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
    valued = [(index, row, label,
               not label or (label.startswith(_TOTAL_STARTS) and _TOTAL.search(label) is not None))
              for index, row in enumerate(table.rows) if row.has_values for label in (normalize(row.label),)]
    if not any(is_total for *_, is_total in valued[2:]):
        return []  # a total is checked only with two rows with numbers above it (most tables have none)
    findings: list[Finding] = []
    items: list[int] = []
    amounts: dict[int, tuple[Decimal | None, ...]] = {}
    width = max((len(row.cells) for row in table.rows), default=0)
    for index, row, label, _ in valued:
        amounts[index] = _amounts(row, label, width)
    negative = {j for values in amounts.values() for j, v in enumerate(values) if v is not None and v < 0}
    for index, row, label, is_total in valued:
        if not is_total or len(items) < 2:
            items.append(index)
            continue
        found = _best_block(amounts, items, row, negative)
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
            expected = sum((a[j] or Decimal(0) for a in block_amounts), Decimal(0))
            header = column_name(table, j)
            findings.append(finding(
                "column_total", severity(value - expected, _tolerance(value, len(block))), table.id,
                (row.line, row.label, header), text(expected), text(value),
                f"{header}: the {len(block)} rows from '{block[0].label}' to '{block[-1].label}' add up to "
                f"{text(expected)}, but the '{row.label}' row shows {text(value)}",
            ))
        items[start:] = [index]
    return findings
