"""Plain-text tables whose filer set the tag line above the column header: the lines under it
head the columns, headings over the rows stay rows. One synthetic table per rule."""

from __future__ import annotations

from decimal import Decimal

from extractor.model import Document, Table
from extractor.text import read_text_tables


def read(text: str) -> list[Table]:
    return read_text_tables(Document(1, None, None, 1, text=text, text_line=1))


def test_header_set_under_the_tag_line_heads_the_columns() -> None:
    """A filer may set the tag line right under ``<TABLE>`` and the column header below it. The
    lines before the first row with a value (years aside) are then the header, as in a block
    without tags; they used to be read as rows of text cells, and the columns had no headers."""
    text = """<TABLE>
<S>                                    <C>       <C>       <C>
                                         SALES CHARGE AS A
                                         PERCENTAGE OF
                                                                DEALER
                                                   NET        COMMISSION
                                       OFFERING   AMOUNT       AS % OF
 INVESTMENT                             PRICE    INVESTED   OFFERING PRICE
---------------------------------------------------------------------------
 Less than $25,000                      5.75%     6.10%            5.00%
 $25,000 but less than $50,000          5.00%     5.26%            4.25%
</TABLE>"""
    (table,) = read(text)
    assert table.columns == (
        "SALES CHARGE AS A PERCENTAGE OF OFFERING PRICE",
        "SALES CHARGE AS A PERCENTAGE OF NET AMOUNT INVESTED",
        "DEALER COMMISSION AS % OF OFFERING PRICE",
    )
    assert [row.label for row in table.rows] == ["Less than $25,000", "$25,000 but less than $50,000"]
    assert [c.value for c in table.rows[1].cells] == [Decimal("5.00"), Decimal("5.26"), Decimal("4.25")]


def test_year_header_under_the_tag_line_heads_the_columns() -> None:
    """A header of years under the tag line ("Year ended December 31" over "2002  2001") heads
    the columns; it is no row of values."""
    text = """<TABLE>
<S>                                 <C>        <C>      <C>       <C>
                                          Year ended December 31
                                    2002       2001     2000     1999

Portfolio turnover rate              38%        29%      43%      46%
</TABLE>"""
    (table,) = read(text)
    assert table.columns == tuple(f"Year ended December 31 {year}" for year in (2002, 2001, 2000, 1999))
    assert [row.label for row in table.rows] == ["Portfolio turnover rate"]
    assert [c.value for c in table.rows[0].cells] == [Decimal("38"), Decimal("29"), Decimal("43"), Decimal("46")]


def test_headings_under_the_tag_line_stay_rows() -> None:
    """Lines under the tag line that start flush with the first row's text cell are headings over
    a column of names, and lines that start in the labels are headings over the rows: neither is
    lifted into the header."""
    text = """<TABLE>
<S>          <C>                                       <C>
             Common Stocks (74.3%)
             Advertising (0.5%)
  12,500     Omnicom Group, Inc. ...................    $  1,030,000
  20,400     Archer-Daniels-Midland Co. ............         319,464
</TABLE>"""
    (table,) = read(text)
    assert table.rows[0].cells[0].text == "Common Stocks (74.3%)"
    assert table.rows[1].cells[0].text == "Advertising (0.5%)"
    assert table.rows[2].label == "12,500"


def test_rising_counts_under_the_tag_line_head_the_columns() -> None:
    """A label and rising bare counts right under the tag line ("SOLD WITHIN YEAR  1  2  3") are
    the periods that head the columns, as in an HTML table; they used to be a row of values under
    blank headers."""
    text = """<TABLE>
<S>                               <C>  <C>  <C>  <C>
CLASS B SHARES SOLD WITHIN YEAR   1    2    3    4
----------------------------------------------------
CONTINGENT DEFERRED SALES CHARGE  5%   4%   4%   3%
</TABLE>"""
    (table,) = read(text)
    assert table.columns == ("1", "2", "3", "4")
    assert table.caption == "CLASS B SHARES SOLD WITHIN YEAR"
    assert [row.label for row in table.rows] == ["CONTINGENT DEFERRED SALES CHARGE"]
    assert [c.value for c in table.rows[0].cells] == [Decimal("5"), Decimal("4"), Decimal("4"), Decimal("3")]
