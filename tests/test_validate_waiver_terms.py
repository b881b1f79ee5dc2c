"""The example reflects a contractual waiver for its term, which for a new fund's expense
limitation agreement may run up to five years: the net ratio for those years, the gross after."""

from __future__ import annotations

from decimal import Decimal

from extractor.checks import validate_tables
from extractor.checks.costs import cumulative_costs, dollars
from extractor.classify import classify
from extractor.model import Row, Table
from extractor.values import parse_cell


def table(columns: tuple[str, ...], rows: list[tuple[str, list[str]]], line: int, table_id: str) -> Table:
    built = tuple(Row(line=line + 2 + i, label=label, cells=tuple(parse_cell(c) for c in cells))
                  for i, (label, cells) in enumerate(rows))
    return classify(Table(id=table_id, line=line, columns=columns, rows=built))


FEES = table(("Class I",), [
    ("Management Fees", ["0.80%"]), ("Other Expenses", ["0.90%"]),
    ("Total Annual Fund Operating Expenses", ["1.70%"]),
    ("Fee Waiver and/or Expense Reimbursement", ["(0.70)%"]), ("Net Expenses", ["1.00%"]),
], 10, "t1")


def example(years_of_waiver: int, change: int = 0) -> Table:
    ratios = [Decimal("1.00")] * years_of_waiver + [Decimal("1.70")] * (10 - years_of_waiver)
    costs = cumulative_costs(ratios, "D")
    figures = [dollars(costs[y - 1]) for y in (1, 3, 5, 10)]
    figures[-1] += change
    return table(("1 Year", "3 Years", "5 Years", "10 Years"), [("Class I", [f"${v:,}" for v in figures])], 40, "t2")


def test_a_five_year_waiver_in_the_example_is_consistent_and_a_changed_figure_is_not() -> None:
    assert validate_tables([FEES, example(5)]) == []
    found = validate_tables([FEES, example(5, 30)])
    assert [(f.check, f.severity, f.column) for f in found] == [("expense_example", "error", "10 Years")]
