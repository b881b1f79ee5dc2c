"""``expense_cap``: the costs a cap excludes (short-sale dividends and interest, interest, taxes)
are taken off the net total before it is compared with the cap."""

from __future__ import annotations

from extractor.checks import validate
from extractor.classify import classify
from extractor.model import Footnote, Row, Table
from extractor.values import parse_cell

NOTE = ("The Adviser has contractually agreed to waive its fees and/or reimburse expenses to the extent necessary "
        "to ensure that total annual fund operating expenses (excluding acquired fund fees and expenses, dividend "
        "and interest expense on short sales, taxes, brokerage commissions and extraordinary expenses) do not exceed "
        "1.75% and 1.50% of the average daily net assets of Class A and Class I shares, respectively.")


def table(rows: list[tuple[str, list[str]]], note: str = NOTE) -> Table:
    built = tuple(Row(line=12 + i, label=label, cells=tuple(parse_cell(c) for c in cells))
                  for i, (label, cells) in enumerate(rows))
    return classify(Table(id="t1", line=10, columns=("Class A", "Class I"), rows=built,
                          footnotes=(Footnote("1", note),)))


SHORTS = [
    ("Management Fees", ["1.25%", "1.25%"]),
    ("Distribution and/or Service (12b-1) Fees", ["0.25%", "None"]),
    ("Other Expenses", ["0.95%", "0.95%"]),
    ("Dividend and Interest Expense on Short Sales", ["0.60%", "0.60%"]),
    ("Remainder of Other Expenses", ["0.35%", "0.35%"]),
    ("Acquired Fund Fees and Expenses", ["0.02%", "0.02%"]),
    ("Total Annual Fund Operating Expenses", ["2.47%", "2.22%"]),
    ("Fee Waiver and/or Expense Reimbursement", ["(0.10)%", "(0.10)%"]),
    ("Total Annual Fund Operating Expenses After Fee Waiver and/or Expense Reimbursement", ["2.37%", "2.12%"]),
]


def test_short_sale_expense_the_cap_excludes_is_taken_off() -> None:
    assert validate(table(SHORTS)) == []


def test_net_total_above_the_cap_without_the_excluded_costs_is_still_a_warning() -> None:
    found = validate(table(SHORTS, NOTE.replace("1.75%", "1.65%")))
    assert [(f.check, f.severity, f.column, f.expected, f.found) for f in found] == [
        ("expense_cap", "warning", "Class A", "1.65", "2.37")]
    assert "without the 0.60% of costs the cap excludes" in found[0].message
    # a cap that does not exclude the short-sale expense keeps the line in the total
    note = NOTE.replace("dividend and interest expense on short sales, taxes, ", "")
    found = validate(table(SHORTS, note))
    assert [(f.check, f.column) for f in found] == [("expense_cap", "Class A"), ("expense_cap", "Class I")]
