"""Example periods written as ordinals: "First Year", "1st Year", "Third Year".

Some prospectuses head the example's first column "First Year" (the rest "3 Years", "5 Years",
"10 Years"). That column is the 1-year period and is checked like any other; a year-by-year table
of dollar figures ("First Year", "Second Year", ... "Tenth Year") is still no example.
"""

from __future__ import annotations

import pytest

from extractor import extract_bytes
from extractor.classify import period_years

DOCUMENT = """ANNUAL FUND OPERATING EXPENSES

<TABLE>
<S>                                                  <C>
Management Fees...................................    0.75%
Distribution (12b-1) Fees.........................    0.25%
Other Expenses....................................    0.20%
Total Annual Fund Operating Expenses..............    1.20%
</TABLE>

EXAMPLE

This Example assumes that you invest $10,000 in the Fund for the time periods
indicated and then redeem all of your shares at the end of those periods. The
Example also assumes that your investment has a 5% return each year and that
the Fund's operating expenses remain the same.

<TABLE>
<S>                     <C>          <C>        <C>        <C>
                        {first}   3 Years    5 Years    10 Years
                        {figure}         $381       $660       $1,455
</TABLE>
"""


@pytest.mark.parametrize(("label", "years"), [("First Year", 1), ("1st Year", 1), ("Third Year", 3),
                                              ("the tenth year", 10)])
def test_an_ordinal_year_is_a_period(label: str, years: int) -> None:
    assert period_years(label) == years


def example(first: str, figure: str) -> tuple[tuple[str | None, ...] | None, list[tuple[str, str]]]:
    text = DOCUMENT.replace("{first}", first).replace("{figure}", figure)
    filing = extract_bytes(text.encode(), "ordinal.txt")
    table = filing.tables[-1]
    return table.column_concepts, [(f.severity, f.column) for f in filing.findings if f.check == "expense_example"]


def test_a_first_year_column_is_the_one_year_period() -> None:
    concepts, findings = example("First Year", "$122")
    assert concepts == ("ExpenseExampleYear01", "ExpenseExampleYear03", "ExpenseExampleYear05", "ExpenseExampleYear10")
    assert findings == []


def test_a_wrong_first_year_figure_is_an_error() -> None:
    assert example("First Year", "$132")[1] == [("error", "First Year")]
