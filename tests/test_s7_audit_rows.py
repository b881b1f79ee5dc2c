"""Row labels of plain-text tables set apart by rules: a heading over a one-row block. One
synthetic table."""

from __future__ import annotations

from decimal import Decimal

from extractor.model import Document, Table
from extractor.text import read_text_tables


def read(text: str) -> list[Table]:
    return read_text_tables(Document(1, None, None, 1, text=text, text_line=1))


def test_upper_case_heading_over_a_single_row_block_stays_a_row() -> None:
    """Where rules set most rows apart, an upper-case heading over one mixed-case row ("CLASS B
    - BEGAN 3/15/00" over "Before Taxes") is a heading row, as it is over a block of several
    rows; it used to be joined into that row's label."""
    text = """<TABLE>
                                    ONE YEAR  FIVE YEARS
-------------------------------------------------------
<S>                                 <C>       <C>
 CLASS A - BEGAN 8/1/78
 Before Taxes                       -22.08%      1.33%
 After Taxes on Distributions       -22.69%     -0.26%
-------------------------------------------------------
 CLASS B - BEGAN 3/15/00
 Before Taxes                       -22.02%       N/A
-------------------------------------------------------
 CLASS C - BEGAN 3/15/01
 Before Taxes                       -18.86%       N/A
-------------------------------------------------------
</TABLE>"""
    (table,) = read(text)
    labels = [row.label for row in table.rows]
    assert labels == [
        "CLASS A - BEGAN 8/1/78",
        "Before Taxes",
        "After Taxes on Distributions",
        "CLASS B - BEGAN 3/15/00",
        "Before Taxes",
        "CLASS C - BEGAN 3/15/01",
        "Before Taxes",
    ]
    assert [c.value for c in table.rows[4].cells] == [Decimal("-22.02"), None]
