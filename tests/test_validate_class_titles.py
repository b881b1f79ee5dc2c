"""A 1990s fee table of one class names its class only in the heading set right above it."""

from __future__ import annotations

from extractor import extract_bytes

DOCUMENT = """
                                 CLASS A SHARES

<TABLE>
<S>                                                               <C>
Maximum Sales Charge Imposed on Purchases.......................  4.75%
Maximum Contingent Deferred Sales Charge........................   None
Management Fees.................................................   .60%
12b-1 Fees......................................................   .25%
Other Expenses..................................................   .20%
Total Fund Operating Expenses...................................  1.05%
</TABLE>

                                 CLASS B SHARES

<TABLE>
<S>                                                               <C>
Maximum Sales Charge Imposed on Purchases.......................   None
Maximum Contingent Deferred Sales Charge........................  5.00%
Management Fees.................................................   .60%
12b-1 Fees......................................................  1.00%
Other Expenses..................................................   .20%
Total Fund Operating Expenses...................................  1.80%
</TABLE>

     You would pay the following expenses on a $1,000 investment, assuming
(1) 5% annual return and (2) no redemption:

<TABLE>
<S>                          <C>        <C>        <C>        <C>
                             1 YEAR     3 YEARS    5 YEARS    10 YEARS
Class A Shares..............   $58        $79       $103        $170
Class B Shares..............   $18        $57        $97        $212
</TABLE>
"""


def test_each_class_table_is_named_by_its_title_and_the_example_is_recomputed() -> None:
    filing = extract_bytes(DOCUMENT.encode(), "doc.txt")
    assert [(t.kind, t.title) for t in filing.tables] == [
        ("fees", "CLASS A SHARES"), ("fees", "CLASS B SHARES"), ("expense_example", "")]
    assert filing.findings == ()


def test_a_wrong_figure_of_a_class_named_by_a_title_is_found() -> None:
    filing = extract_bytes(DOCUMENT.replace("$97", "$110").encode(), "doc.txt")
    assert [(f.severity, f.row, f.column) for f in filing.findings] == [("error", "Class B Shares", "5 YEARS")]
