"""An example whose class cell is printed once over two rows: "Class C | Sold" then " | Held".

Summary prospectuses that show the redemption assumption in a "Share Status" column print the
class name only on the first of its rows; the row below, with an empty class cell, holds the
same class's figures if the shares are kept. Those figures are recomputed from that class's fee
column (without its deferred sales charge), not reported as a class missing from the fee table.
"""

from __future__ import annotations

import pytest

from extractor import extract_bytes

DOCUMENT = """<html><body>
<p>Annual Fund Operating Expenses (expenses that you pay each year as a percentage of the value of your investment)</p>
<table>
<tr><td></td><td>Class A</td><td>Class C</td></tr>
<tr><td>Maximum Sales Charge (Load) Imposed on Purchases</td><td>None</td><td>None</td></tr>
<tr><td>Maximum Deferred Sales Charge (Load)</td><td>None</td><td>1.00%</td></tr>
<tr><td>Management Fees</td><td>0.50%</td><td>0.50%</td></tr>
<tr><td>Distribution and Service (12b-1) Fees</td><td>0.25%</td><td>1.00%</td></tr>
<tr><td>Other Expenses</td><td>0.25%</td><td>0.25%</td></tr>
<tr><td>Total Annual Fund Operating Expenses</td><td>1.00%</td><td>1.75%</td></tr>
</table>
<p>Example. The example assumes that you invest $10,000 in the fund for the time periods indicated
and then redeem all of your shares at the end of those periods or continue to hold them, that your
investment has a 5% return each year and that the fund's operating expenses remain the same.</p>
<table>
<tr><td>Class</td><td>Share Status</td><td>1 Year</td><td>3 Years</td><td>5 Years</td><td>10 Years</td></tr>
<tr><td>Class A</td><td>Sold or Held</td><td>$102</td><td>$318</td><td>$552</td><td>$1,225</td></tr>
<tr><td>Class C</td><td>Sold</td><td>$278</td><td>$551</td><td>$949</td><td>$2,062</td></tr>
<tr><td></td><td>Held</td><td>{held}</td><td>$551</td><td>$949</td><td>$2,062</td></tr>
</table>
</body></html>
"""


def example_findings(held: str) -> list[tuple[str, str, str]]:
    filing = extract_bytes(DOCUMENT.replace("{held}", held).encode(), "class-once.html")
    return [(f.severity, f.row, f.column) for f in filing.findings if f.check == "expense_example"]


def test_the_row_under_a_class_is_checked_as_that_class_held() -> None:
    assert example_findings("$178") == []


@pytest.mark.parametrize("held", ["$188", "$278"])
def test_a_wrong_held_figure_is_an_error(held: str) -> None:
    assert example_findings(held) == [("error", "", "1 Year")]
