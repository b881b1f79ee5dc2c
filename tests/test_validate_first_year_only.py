""""First year only" limits a waiver's term only where it speaks of the waiver.

A summary prospectus may say that its deferred sales charge "is imposed on Class C Shares
redeemed during the first year only" right above the note of a waiver agreed for two years. That
sentence says nothing of how long the example counts the waiver; taken for it, every figure of a
two-year waiver was "a reading the filing does not state".
"""

from __future__ import annotations

from extractor import extract_bytes

DOCUMENT = """
SHAREHOLDER FEES AND ANNUAL FUND OPERATING EXPENSES

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

(1) {note}

EXAMPLE

This Example assumes that you invest $10,000 in the Fund for the time periods
indicated and then redeem all of your shares at the end of those periods. The
Example also assumes that your investment has a 5% return each year and that
the Fund's operating expenses remain the same.

<TABLE>
<S>                     <C>        <C>        <C>        <C>
                        1 Year     3 Years    5 Years    10 Years
                        $97        $332       $613       $1,415
</TABLE>
"""
CDSC = "A deferred sales charge is imposed on shares redeemed during the first year only."
WAIVER = "The Adviser has contractually agreed to waive 0.25% of its fee until further notice."
FIRST_YEAR = "The waiver is reflected in the Example for the first year only."


def example_findings(*sentences: str) -> list[str]:
    text = DOCUMENT.replace("{note}", " ".join(sentences))
    return [f.severity for f in extract_bytes(text.encode(), "first-year.txt").findings
            if f.check == "expense_example"]


def test_a_deferred_charge_for_the_first_year_only_leaves_the_waiver_term_open() -> None:
    assert example_findings(CDSC, WAIVER) == []


def test_a_waiver_counted_for_the_first_year_only_still_says_so() -> None:
    assert example_findings(WAIVER, FIRST_YEAR) == ["warning", "warning", "warning"]
