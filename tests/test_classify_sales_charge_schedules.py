"""A sales charge schedule names a sales charge in its headers ("as a percentage of offering
price", "Contingent Deferred Sales Charge"), but its other side is amounts of money or years since
purchase, not share classes: it is no fee table, even under prose that speaks of shareholder fees."""

from __future__ import annotations

from extractor.classify import classify
from extractor.model import Row, Table
from extractor.values import parse_cell

CONTEXT = "Class A shares are sold with a front-end sales charge. Shareholder fees are shown in the fee table."
BREAKPOINTS = ["Less than $50,000", "$50,000 but less than $100,000", "$100,000 but less than $250,000",
               "$250,000 or more"]


def table(columns: list[str], rows: list[tuple[str, list[str]]]) -> Table:
    built = tuple(Row(line=12 + i, label=label, cells=tuple(parse_cell(c) for c in cells))
                  for i, (label, cells) in enumerate(rows))
    return classify(Table(id="t1", line=10, columns=tuple(columns), rows=built, context=CONTEXT))


def test_breakpoints_as_rows_are_no_fee_table() -> None:
    schedule = table(
        ["Sales Charge as a Percentage of Offering Price", "Sales Charge as a Percentage of Net Amount Invested"],
        [(amount, [a, b]) for amount, a, b in zip(BREAKPOINTS, ["5.75%", "4.50%", "3.50%", "2.50%"],
                                                   ["6.10%", "4.71%", "3.63%", "2.56%"], strict=True)])
    assert (schedule.kind, schedule.column_concepts) == ("other", None)
    classes = table(["Maximum Sales Charge (Load) Imposed on Purchases", "Maximum Deferred Sales Charge (Load)"],
                    [("Class A", ["5.75%", "None"]), ("Class I (minimum $1,000,000)", ["None", "None"])])
    assert classes.kind == "fees"


def test_breakpoints_as_columns_are_no_fee_table() -> None:
    schedule = table(BREAKPOINTS, [
        ("Sales charge as a percentage of offering price", ["5.75%", "4.50%", "3.50%", "2.50%"]),
        ("Sales charge as a percentage of net amount invested", ["6.10%", "4.71%", "3.63%", "2.56%"]),
    ])
    assert schedule.kind == "other"


def test_deferred_sales_charge_by_year_since_purchase_is_no_fee_table() -> None:
    schedule = table(["Contingent Deferred Sales Charge"], [
        ("First year", ["5.00%"]), ("Second year", ["4.00%"]), ("Third year", ["3.00%"]), ("Fourth year", ["3.00%"]),
        ("Fifth year", ["2.00%"]), ("Sixth year", ["1.00%"]), ("Seventh year and thereafter", ["None"]),
    ])
    assert (schedule.kind, schedule.column_concepts) == ("other", None)
