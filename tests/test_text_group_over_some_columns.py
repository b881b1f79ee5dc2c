"""A group header over some of the columns, from the first one on, centred on their own headers
and standing over them, heads those columns: it is no table title (caption)."""

from __future__ import annotations

from extractor.model import Document, Table
from extractor.text import read_text_tables


def read(text: str) -> list[Table]:
    return read_text_tables(Document(1, None, None, 1, text=text, text_line=1))


def test_group_header_over_the_first_two_of_three_columns() -> None:
    text = """<TABLE>
<CAPTION>
<S>                                    <C>       <C>       <C>
                                         SALES CHARGE AS A
                                         PERCENTAGE OF
                                                                DEALER
                                                   NET        CONCESSION
                                       OFFERING   AMOUNT       AS % OF
 AMOUNT OF PURCHASE                     PRICE    INVESTED   OFFERING PRICE
---------------------------------------------------------------------------
 Less than $50,000                      4.50%     4.71%            4.00%
 $50,000 but less than $100,000         4.00%     4.17%            3.50%
 $100,000 but less than $250,000        3.00%     3.09%            2.50%
</TABLE>"""
    (table,) = read(text)
    assert table.columns == (
        "SALES CHARGE AS A PERCENTAGE OF OFFERING PRICE",
        "SALES CHARGE AS A PERCENTAGE OF NET AMOUNT INVESTED",
        "DEALER CONCESSION AS % OF OFFERING PRICE",
    )
    assert table.caption == "AMOUNT OF PURCHASE"


def test_group_header_narrower_than_its_columns_headers() -> None:
    text = """<TABLE>
                                             DIVIDENDS AND DISTRIBUTIONS


                                      Dividends                                                            Net assets,
                                      (from net   Distributions                    Net asset                 end of
                                      investment      (from           Total      value, end of   Total       period
                                       income)    capital gains)  distributions     period       return   (in millions)
-------------------------------------------------------------------------------------------------------------------------
<S>                                   <C>         <C>             <C>            <C>            <C>       <C>
CLASS R-6:
 Period from 6/1/2003 to 12/31/2003     $(.21)          $-           $(.21)         $24.87       11.06%        $17
</TABLE>"""
    (table,) = read(text)
    assert table.columns[:4] == (
        "DIVIDENDS AND DISTRIBUTIONS Dividends (from net investment income)",
        "DIVIDENDS AND DISTRIBUTIONS Distributions (from capital gains)",
        "DIVIDENDS AND DISTRIBUTIONS Total distributions",
        "Net asset value, end of period",
    )
    assert table.caption == ""
