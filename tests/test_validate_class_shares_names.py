"""Class names written with "Class Shares": "Institutional Class Shares", "Investor Class shares".

A summary prospectus heads its fee columns "Institutional" and "Investor" and names the example
rows "Institutional Class Shares" and "Investor Class shares" (or the other way round). The word
after "Class" is the class only when it is not "Shares": both name the same class, and the
example figures are recomputed from that column.
"""

from __future__ import annotations

import pytest

from extractor import extract_bytes
from extractor.share_classes import class_key

DOCUMENT = """<html><body>
<p>Annual Fund Operating Expenses (expenses that you pay each year as a percentage of the value of your investment)</p>
<table>
<tr><td></td><td>Investor</td><td>Institutional</td></tr>
<tr><td>Management Fees</td><td>0.60%</td><td>0.60%</td></tr>
<tr><td>Distribution and Service (12b-1) Fees</td><td>0.25%</td><td>None</td></tr>
<tr><td>Other Expenses</td><td>0.15%</td><td>0.15%</td></tr>
<tr><td>Total Annual Fund Operating Expenses</td><td>1.00%</td><td>0.75%</td></tr>
</table>
<p>Example. The example assumes that you invest $10,000 in the fund for the time periods indicated
and then redeem all of your shares at the end of those periods, that your investment has a 5%
return each year and that the fund's operating expenses remain the same.</p>
<table>
<tr><td></td><td>1 Year</td><td>3 Years</td><td>5 Years</td><td>10 Years</td></tr>
<tr><td>Investor Class shares</td><td>$102</td><td>$318</td><td>$552</td><td>$1,225</td></tr>
<tr><td>Institutional Class Shares</td><td>{first}</td><td>$240</td><td>$417</td><td>$930</td></tr>
</table>
</body></html>
"""


@pytest.mark.parametrize(("name", "key"), [("Institutional Class Shares", "institutional"),
                                           ("Investor Class shares", "investor")])
def test_the_class_is_the_word_before_class_shares(name: str, key: str) -> None:
    assert class_key(name) == key


def example_findings(first: str) -> list[tuple[str, str]]:
    filing = extract_bytes(DOCUMENT.replace("{first}", first).encode(), "class-shares.html")
    return [(f.severity, f.row) for f in filing.findings if f.check == "expense_example"]


def test_the_example_rows_are_checked_against_their_columns() -> None:
    assert example_findings("$77") == []
    assert example_findings("$87") == [("error", "Institutional Class Shares")]
