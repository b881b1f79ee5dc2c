"""The date in the SEC header reaches the checks: a waiver agreed "through April 30, 2027" in a
filing made on April 28, 2025 runs two years of the example.

The prose of a summary prospectus rarely dates itself near its fee table, so the filing date is
what the example check counts a dated waiver's term from (``validate_tables(filed=...)``).
"""

from __future__ import annotations

from extractor import extract_bytes

SUBMISSION = """<SEC-DOCUMENT>0000000000-25-000001.txt : 20250428
<SEC-HEADER>0000000000-25-000001.hdr.sgml : 20250428
ACCESSION NUMBER:		0000000000-25-000001
CONFORMED SUBMISSION TYPE:	497K
PUBLIC DOCUMENT COUNT:		1
FILED AS OF DATE:		20250428
</SEC-HEADER>
<DOCUMENT>
<TYPE>497K
<SEQUENCE>1
<TEXT>
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

(1) The Adviser has contractually agreed to waive 0.25% of its fee through April 30, 2027.

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
</TEXT>
</DOCUMENT>
</SEC-DOCUMENT>
"""
TWO_YEARS = "$97        $332       $613       $1,415"  # 0.95% in years 1-2, 1.20% after
ONE_YEAR = "$97        $358       $639       $1,439"  # 0.95% in year 1 only


def example_findings(figures: str) -> list[tuple[str, str]]:
    filing = extract_bytes(SUBMISSION.replace("{figures}", figures).encode(), "dated.txt")
    assert filing.header.filed == "2025-04-28"
    return [(f.severity, f.column) for f in filing.findings if f.check == "expense_example"]


def test_two_years_of_waiver_by_the_filing_date_are_fine() -> None:
    assert example_findings(TWO_YEARS) == []


def test_one_year_of_a_two_year_waiver_is_a_finding() -> None:
    assert example_findings(ONE_YEAR) == [("warning", "3 Years"), ("warning", "5 Years"), ("warning", "10 Years")]
