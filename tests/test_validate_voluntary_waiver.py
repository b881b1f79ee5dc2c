"""An example that leaves a voluntary waiver out: the gross ratio in every year.

A waiver the adviser may end at any time need not be in the example, and some prospectuses
compute it on the gross ratio throughout. Where the prose calls the waiver voluntary that reading
is accepted; where it is contractual (or the prose says nothing) the figures must reflect it.
"""

from __future__ import annotations

import pytest

from extractor import extract_bytes

DOCUMENT = """SHAREHOLDER FEES AND ANNUAL FUND OPERATING EXPENSES

<TABLE>
<S>                                                  <C>
Maximum Sales Charge (Load) Imposed on Purchases..    None
Management Fees...................................    0.75%
Distribution (12b-1) Fees.........................    0.25%
Other Expenses....................................    0.20%
Total Annual Fund Operating Expenses..............    1.20%
Fee Waiver(1).....................................   (0.25)%
Net Expenses......................................    0.95%
</TABLE>

{note}

EXAMPLE

This Example assumes that you invest $10,000 in the Fund for the time periods
indicated and then redeem all of your shares at the end of those periods. The
Example also assumes that your investment has a 5% return each year and that
the Fund's operating expenses remain the same.

<TABLE>
<S>                     <C>        <C>        <C>        <C>
                        1 Year     3 Years    5 Years    10 Years
{figures}
</TABLE>
"""
GROSS_EVERY_YEAR = ("$122", "$381", "$660", "$1,455")  # 1.20% in all ten years, no load
CONTRACTUAL = "(1) The Adviser has agreed to waive 0.25% of its fee through April 30, 2027."
VOLUNTARY = "(1) The Adviser has voluntarily agreed to waive 0.25% of its fee; it may end this waiver at any time."


def example_findings(note: str, figures: tuple[str, ...] = GROSS_EVERY_YEAR) -> list[tuple[str, str | None]]:
    line = " " * 24 + "".join(f"{figure:<11}" for figure in figures).rstrip()
    text = DOCUMENT.replace("{note}", note).replace("{figures}", line)
    filing = extract_bytes(text.encode(), "waiver.txt")
    return [(f.severity, f.column) for f in filing.findings if f.check == "expense_example"]


def test_a_voluntary_waiver_may_be_left_out_of_the_example() -> None:
    assert example_findings(VOLUNTARY) == []


def test_a_contractual_waiver_must_be_in_the_example() -> None:
    assert example_findings(CONTRACTUAL) == [("error", "1 Year"), ("error", "3 Years"), ("error", "5 Years"),
                                             ("error", "10 Years")]


@pytest.mark.parametrize(("figures", "column"), [
    (("$122", "$391", "$660", "$1,455"), "3 Years"),
    (("$122", "$381", "$660", "$1,555"), "10 Years"),
])
def test_a_wrong_figure_is_still_an_error_under_a_voluntary_waiver(figures: tuple[str, ...], column: str) -> None:
    assert ("error", column) in example_findings(VOLUNTARY, figures)
