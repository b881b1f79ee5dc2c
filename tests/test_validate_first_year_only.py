""""First year only" limits a waiver's term only where it speaks of the waiver.

A summary prospectus may say that its deferred sales charge "is imposed on Class C Shares
redeemed during the first year only" right above the note of a waiver agreed for two years. That
sentence says nothing of how long the example counts the waiver; taken for it, every figure of a
two-year waiver was "a reading the filing does not state".
"""

from __future__ import annotations

from waiver_document import TWO_YEARS, waiver_document

from extractor import extract_bytes

CDSC = "A deferred sales charge is imposed on shares redeemed during the first year only."
WAIVER = "The Adviser has contractually agreed to waive 0.25% of its fee until further notice."
FIRST_YEAR = "The waiver is reflected in the Example for the first year only."


def example_findings(*sentences: str) -> list[str]:
    text = waiver_document("(1) " + " ".join(sentences), TWO_YEARS)
    return [f.severity for f in extract_bytes(text.encode(), "first-year.txt").findings
            if f.check == "expense_example"]


def test_a_deferred_charge_for_the_first_year_only_leaves_the_waiver_term_open() -> None:
    assert example_findings(CDSC, WAIVER) == []


def test_a_waiver_counted_for_the_first_year_only_still_says_so() -> None:
    assert example_findings(WAIVER, FIRST_YEAR) == ["warning", "warning", "warning"]
