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


def test_line_continuing_a_text_cell_is_part_of_its_row() -> None:
    """Where rules set the rows apart, an unlabelled line that continues a row's text cell is part
    of that row, and so is the value set on it in a column the row left empty (the fee set on
    the last line of a wrapped description). It used to be a row of its own with no label."""
    text = """<TABLE>
--------------------------------------------------------------------------------
                                                                        ANNUAL
  CLASS       SALES CHARGE                                              FEE
--------------------------------------------------------------------------------
<S>         <C>                                                         <C>
    A         Maximum 5.25% initial sales charge reduced for purchase
              of $25,000 or more; 1.0% CDSC during first year             0.25%
--------------------------------------------------------------------------------
    B         Maximum 5.0% CDSC during the first year                     1.00%
--------------------------------------------------------------------------------
    C         1.0% CDSC during first year                                 1.00%
--------------------------------------------------------------------------------
</TABLE>"""
    (table,) = read(text)
    assert table.columns == ("SALES CHARGE", "ANNUAL FEE")
    assert [row.label for row in table.rows] == ["A", "B", "C"]
    first = table.rows[0]
    assert first.cells[0].text == (
        "Maximum 5.25% initial sales charge reduced for purchase of $25,000 or more; 1.0% CDSC during first year"
    )
    assert first.cells[1].value == Decimal("0.25")


def test_wrapped_text_cell_is_neither_a_header_nor_a_row() -> None:
    """In a column of text, an unlabelled line set flush with the text cell above it continues
    that cell. It used to be read as an in-body header that started a new table section (one
    column headed "$25,000 or more)") or as a row without a label."""
    text = """<TABLE>
<CAPTION>
 CLASS A SHARES
<S>                     <C>
 Initial sales charge    up to 5.75% (reduced or eliminated for purchases of
                         $25,000 or more)
 12b-1 fees              up to 0.25% annually
 Dividends               generally higher than other classes due to lower
                         annual expenses
 Purchase maximum        none
</TABLE>"""
    (table,) = read(text)
    assert [row.label for row in table.rows] == ["Initial sales charge", "12b-1 fees", "Dividends", "Purchase maximum"]
    assert table.rows[0].cells[0].text == "up to 5.75% (reduced or eliminated for purchases of $25,000 or more)"
    assert table.rows[2].cells[0].text == "generally higher than other classes due to lower annual expenses"


def test_headings_in_a_text_column_stay_rows_of_their_own() -> None:
    """Two unlabelled lines in a text column, one under the other, are headings over the rows
    ("Common Stocks (74.3%)" over "Advertising (0.5%)"): only a labelled row's text cell is
    continued by the line under it."""
    text = """<TABLE>
<CAPTION>
 NUMBER OF
  SHARES                                                     VALUE
<S>          <C>                                           <C>
             Common Stocks (74.3%)
             Advertising (0.5%)
  12,500     Omnicom Group, Inc. .....................    $  1,030,000
             Biotechnology (2.1%)
  19,948     Amgen Inc. ..............................       1,286,447
  15,452     Joint repurchase agreement account
             (dated 01/30/04; proceeds $15,453,313)          15,452,000
</TABLE>"""
    (table,) = read(text)
    texts = [row.cells[0].text for row in table.rows]
    assert texts[:2] == ["Common Stocks (74.3%)", "Advertising (0.5%)"]
    assert texts[-1] == "Joint repurchase agreement account (dated 01/30/04; proceeds $15,453,313)"
    assert table.rows[-1].cells[1].value == Decimal("15452000")


def test_continuation_stops_at_a_line_left_out() -> None:
    """A line that repeats the column header is left out of the rows; the lines under it do not
    continue the row above it, which ended where the left-out line began."""
    text = """<TABLE>
<CAPTION>
NOTES              Incorporated by reference
- ---------------
<S>                <C>
4.8                Statement on Form S-3/A filed
                   October 30, 1996.
96K                Incorporated by reference
                   to the Annual Report on Form 10-K.
</TABLE>"""
    (table,) = read(text)
    assert table.rows[0].label == "4.8"
    assert table.rows[0].cells[0].text == "Statement on Form S-3/A filed October 30, 1996."


def test_text_cell_ended_by_leaders_is_not_continued() -> None:
    """A text cell whose dot leaders run into the row's value is complete: an unlabelled line
    right under it (a heading over the next rows) is not its rest."""
    text = """<TABLE>
<CAPTION>
 PRINCIPAL                                                      COUPON
-----------                                                     ------
<S>         <C>                                                 <C>            <C>
 $    190   Bunge Ltd. Finance Corp. ..........................    3.75%        229,662
            Apparel/Footwear Retail (0.2%)
      390   Men's Wearhouse, Inc. - 144A+  ....................   3.125         381,225
</TABLE>"""
    (table,) = read(text)
    texts = [row.cells[0].text for row in table.rows]
    assert texts[1] == "Apparel/Footwear Retail (0.2%)"
    assert table.rows[0].cells[1].value == Decimal("3.75")
