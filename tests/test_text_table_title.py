"""The lone heading right above a ``<TABLE>`` ("CLASS B SHARES" over a 1990s per-class fee table
whose header is blank) is the table's title, kept apart from the prose around it; a lead-in
sentence is no title."""

from __future__ import annotations

from extractor.model import Document, Table
from extractor.text import read_text_tables


def read(text: str) -> list[Table]:
    return read_text_tables(Document(1, None, None, 1, text=text, text_line=1))


PER_CLASS = """     The following tables describe the fees and expenses that you may pay if you
buy and hold shares of each class of the Fund.

                                 CLASS A SHARES

<TABLE>
<S>                                                               <C>
Maximum Sales Charge Imposed on Purchases
  (as a percentage of offering price)...........................  4.50%
Management Fees.................................................   .60%
12b-1 Fees......................................................   .25%
Other Expenses..................................................   .20%
Total Fund Operating Expenses...................................  1.05%
</TABLE>

                                 CLASS B SHARES
<TABLE>
<S>                                                               <C>
Maximum Contingent Deferred Sales Charge........................  5.00%
Management Fees.................................................   .60%
12b-1 Fees......................................................  1.00%
Other Expenses..................................................   .20%
Total Fund Operating Expenses...................................  1.80%
</TABLE>

     You would pay the following expenses on a $1,000 investment, assuming
(1) 5% annual return and (2) redemption at the end of each time period:

<TABLE>
<S>                                  <C>        <C>        <C>        <C>
                                     1 YEAR     3 YEARS    5 YEARS    10 YEARS
Class A Shares.....................    $55        $77        $100       $167
</TABLE>
"""


def test_a_lone_heading_above_the_table_is_its_title() -> None:
    class_a, class_b, example = read(PER_CLASS)
    assert class_a.title == "CLASS A SHARES"
    assert class_b.title == "CLASS B SHARES"
    assert example.title == ""
