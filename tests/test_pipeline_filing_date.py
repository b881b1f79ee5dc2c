"""The date in the SEC header reaches the checks: a waiver agreed "through April 30, 2027" in a
filing made on April 28, 2025 runs two years of the example.

The prose of a summary prospectus rarely dates itself near its fee table, so the filing date is
what the example check counts a dated waiver's term from (``validate_tables(filed=...)``).
"""

from __future__ import annotations

from waiver_document import ONE_YEAR, TWO_YEARS, waiver_document

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
{body}</TEXT>
</DOCUMENT>
</SEC-DOCUMENT>
"""
NOTE = "(1) The Adviser has contractually agreed to waive 0.25% of its fee through April 30, 2027."


def example_findings(figures: tuple[str, ...]) -> list[tuple[str, str]]:
    text = SUBMISSION.replace("{body}", waiver_document(NOTE, figures))
    filing = extract_bytes(text.encode(), "dated.txt")
    assert filing.header.filed == "2025-04-28"
    return [(f.severity, f.column) for f in filing.findings if f.check == "expense_example"]


def test_two_years_of_waiver_by_the_filing_date_are_fine() -> None:
    assert example_findings(TWO_YEARS) == []


def test_one_year_of_a_two_year_waiver_is_a_finding() -> None:
    assert example_findings(ONE_YEAR) == [("warning", "3 Years"), ("warning", "5 Years"), ("warning", "10 Years")]
