"""An expense example whose "no redemption" figures are a second table without the year header.

Older prospectuses print them under a lead-in ("...assuming no redemption:") in a table of their
own; that table goes on with the example before it and is checked with its periods.
"""

from __future__ import annotations

from extractor import extract_bytes
from extractor.model import Table

FEES = """<TABLE>
<CAPTION>
                                                     CLASS A      CLASS B
<S>                                                  <C>          <C>
SHAREHOLDER TRANSACTION EXPENSES
  Maximum Sales Charge Imposed on Purchases
    (as a percentage of offering price)...........    4.75%        None
  Maximum Contingent Deferred Sales Charge........    None         5.00%
ANNUAL FUND OPERATING EXPENSES
  Management Fees.................................     .45%         .45%
  12b-1 Fees......................................     .25%        1.00%
  Other Expenses..................................     .30%         .30%
  Total Fund Operating Expenses...................    1.00%        1.75%
</TABLE>

EXAMPLE

     You would pay the following expenses on a $1,000 investment, assuming
(1) 5% annual return and (2) redemption at the end of each time period:

<TABLE>
<CAPTION>
                                      1 YEAR    3 YEARS    5 YEARS    10 YEARS
<S>                                   <C>       <C>        <C>        <C>
Class A Shares.....................    $57        $78        $100       $164
Class B Shares.....................    $68        $85        $115       $178
</TABLE>

{lead_in}

<TABLE>
<S>                                   <C>       <C>        <C>        <C>
Class B Shares.....................    $18        ${three}        $ 95       $178
</TABLE>
"""
NO_REDEMPTION = "You would pay the following expenses on the same investment, assuming no\nredemption:"


def read(lead_in: str = NO_REDEMPTION, three: str = "55") -> tuple[Table, list[tuple[str, str, str | None]]]:
    filing = extract_bytes(FEES.format(lead_in=lead_in, three=three).encode(), "f.txt")
    third = filing.tables[2]
    findings = [(f.table, f.severity, f.column) for f in filing.findings if f.check == "expense_example"]
    return third, findings


def test_the_headerless_table_goes_on_with_the_example_before_it() -> None:
    third, findings = read()
    assert third.kind == "expense_example"
    assert third.columns == ("", "", "", "")
    assert third.column_concepts == (
        "ExpenseExampleNoRedemptionYear01", "ExpenseExampleNoRedemptionYear03",
        "ExpenseExampleNoRedemptionYear05", "ExpenseExampleNoRedemptionYear10")
    assert [f for f in findings if f[1] == "error"] == []


def test_a_wrong_figure_in_the_second_table_is_flagged() -> None:
    _, findings = read(three="65")
    assert ("t3", "error", "column 2") in findings


def test_without_a_lead_in_about_redemption_it_stays_unread() -> None:
    third, _ = read(lead_in="The figures below are shown for illustration only.")
    assert third.kind == "other"
    assert third.column_concepts is None
