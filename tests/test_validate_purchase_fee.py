"""A purchase fee comes off the $10,000 of the expense example like a front-end load.

Some index funds keep a fee from every purchase ("Purchase Fee 0.75%") that stays in the fund; it
is no sales charge, but the example's investor pays it all the same, so $10,000 buys $9,925 of
shares. A fee "on purchases and sales" (an ETF's transaction fee, paid through a broker) is not
taken from the example.
"""

from __future__ import annotations

import pytest

from extractor import extract_bytes

DOCUMENT = """<html><body>
<p>Shareholder Fees (Fees paid directly from your investment)</p>
<table>
<tr><td>Sales Charge (Load) Imposed on Purchases</td><td>None</td></tr>
<tr><td>{fee_label}</td><td>0.75%</td></tr>
<tr><td>Sales Charge (Load) Imposed on Reinvested Dividends</td><td>None</td></tr>
<tr><td>Redemption Fee</td><td>None</td></tr>
<tr><td>Account Service Fee Per Year (for certain fund account balances below $5,000)</td><td>$25</td></tr>
</table>
<p>Annual Fund Operating Expenses (Expenses that you pay each year as a percentage of the value of your investment)</p>
<table>
<tr><td>Management Fees</td><td>0.15%</td></tr>
<tr><td>12b-1 Distribution Fee</td><td>None</td></tr>
<tr><td>Other Expenses</td><td>0.05%</td></tr>
<tr><td>Total Annual Fund Operating Expenses</td><td>0.20%</td></tr>
</table>
<p>Example. This Example is intended to help you compare the cost of investing in the Fund with the cost
of investing in other mutual funds. It illustrates the hypothetical expenses that you would incur over
various periods if you were to invest $10,000 in the Fund's shares. This example assumes that the
shares provide a return of 5% each year and that total annual fund operating expenses remain as stated
in the preceding table. You would incur these hypothetical expenses whether or not you redeem your
investment at the end of the given period.</p>
<table>
<tr><td>1 Year</td><td>3 Years</td><td>5 Years</td><td>10 Years</td></tr>
<tr><td>{first}</td><td>$139</td><td>$187</td><td>$328</td></tr>
</table>
</body></html>
"""


def example_findings(fee_label: str, first: str = "$95") -> list[tuple[str, str]]:
    text = DOCUMENT.replace("{fee_label}", fee_label).replace("{first}", first)
    filing = extract_bytes(text.encode(), "purchase-fee.html")
    return [(f.severity, f.column) for f in filing.findings if f.check == "expense_example"]


@pytest.mark.parametrize("label", ["Purchase Fee", "Purchase fee (as a percentage of amount invested)"])
def test_the_purchase_fee_is_taken_from_the_investment(label: str) -> None:
    assert example_findings(label) == []


def test_a_wrong_figure_beside_a_purchase_fee_is_an_error() -> None:
    assert example_findings("Purchase Fee", first="$135") == [("error", "1 Year")]


def test_a_fee_on_purchases_and_sales_is_not_a_purchase_fee() -> None:
    assert example_findings("Transaction Fee on Purchases and Sales") == [
        ("error", "1 Year"), ("error", "3 Years"), ("error", "5 Years"), ("error", "10 Years")]
