"""Column headers of plain-text tables that used to vanish or split: one synthetic table per rule."""

from __future__ import annotations

from decimal import Decimal

from extractor.model import Document, Table
from extractor.text import read_text_tables


def read(text: str) -> list[Table]:
    return read_text_tables(Document(1, None, None, 1, text=text, text_line=1))


def test_header_line_of_years_starting_left_of_the_tag_stays_header() -> None:
    """Headers wider than their columns start a few characters left of the tags; their last line
    ("DURING 1995   1995   1995") holds years, which head columns, so it is no data row, and
    the header lines above it are not lost."""
    text = """<TABLE>
                                                                BALANCE AT
                                      NEW ORDERS  SHIPPED DURING  JUNE 30,
                                      DURING 1995      1995         1995
                                         -----         -----        -----
<S>                                       <C>           <C>          <C>
Widgets sold to dealers                  4,100         1,700        2,400
Gadgets sold by mail                     1,200           500          700
Parts sold to makers                       300           100          200
</TABLE>"""
    (table,) = read(text)
    assert table.columns == ("NEW ORDERS DURING 1995", "SHIPPED DURING 1995", "BALANCE AT JUNE 30, 1995")
    labels = [row.label for row in table.rows]
    assert labels == ["Widgets sold to dealers", "Gadgets sold by mail", "Parts sold to makers"]
    assert [c.value for c in table.rows[0].cells] == [Decimal("4100"), Decimal("1700"), Decimal("2400")]


def test_spilling_header_lines_stay_in_their_columns_stack() -> None:
    """Header lines wider than their column of left-aligned values ("OUTSTANDING", "DECEMBER
    31,") touch the next column by a character or two, their middles about as far from the one
    column's as from both. The lines right above and below, centred on the same axis over that
    column alone, and the next column's own header beside them, say they are that column's."""
    text = """<TABLE>
                                                    UNITS         AVERAGE        AVERAGE
                                                 OUTSTANDING     REMAINING        PRICE
                                                    AS OF         LIFE IN        PAID IN
                                                 DECEMBER 31,      YEARS         DOLLARS
                                                     1995
$2.10 - $8.40                                   937            8.0            6.32
$8.41 - $12.00                                  7,848          9.8            13.25
$12.01 - $15.50                                 922            9.4            16.78
$2.10 - $15.50                                  18,649         9.3            17.24
</TABLE>"""
    (table,) = read(text)
    assert table.columns == (
        "UNITS OUTSTANDING AS OF DECEMBER 31, 1995",
        "AVERAGE REMAINING LIFE IN YEARS",
        "AVERAGE PRICE PAID IN DOLLARS",
    )
    assert table.caption == ""
    assert [c.value for c in table.rows[3].cells] == [Decimal("18649"), Decimal("9.3"), Decimal("17.24")]


def test_group_header_over_the_columns_own_headers_stays_a_group() -> None:
    """A group header ("YIELD RATES PAID") whose middle is as far from one column's as from both
    its columns', with a line centred under it over the first column alone, is still a group:
    the second column's own header is below it, not beside it."""
    text = """<TABLE>
                                 YIELD RATES PAID
                   PRIOR             PER ANNUM
                 BALANCE          CURRENT          NEXT
<S>              <C>            <C>             <C>
A-1              960.989386     9.5075260%      9.5043720%
A-2              1,000.000000   9.5075260%      9.5043720%
</TABLE>"""
    (table,) = read(text)
    assert table.columns[0] == "PRIOR BALANCE"
    assert table.columns[1].startswith("YIELD RATES PAID")
    assert table.columns[2] == "YIELD RATES PAID NEXT"


def test_header_wider_than_the_first_column_right_of_the_labels_is_its_header() -> None:
    """Headers centred on narrow values stand mostly left of the first column's tag ("BEGINNING"
    over "91"); right of every row label, spanning and centred on that column's values, such a
    header is the column's, not text over the labels."""
    text = """<TABLE>
                                              CHARGED TO
                                 BEGINNING    COSTS AND                   ENDING
                                  BALANCE      EXPENSES    DEDUCTIONS    BALANCE
                                     ---          ---          ---          ---
<S>                                   <C>          <C>          <C>          <C>
Year Ended June 30, 1999              91           35           27           99
Year Ended June 30, 1998              87           28           24           91
</TABLE>"""
    (table,) = read(text)
    assert table.columns == ("BEGINNING BALANCE", "CHARGED TO COSTS AND EXPENSES", "DEDUCTIONS", "ENDING BALANCE")
    assert table.caption == ""
    assert [c.value for c in table.rows[1].cells] == [Decimal("87"), Decimal("28"), Decimal("24"), Decimal("91")]


def test_text_over_the_labels_stays_caption() -> None:
    """Text that starts within the row labels is not taken for the first column's header."""
    text = """<TABLE>
EXHIBIT
NUMBER          DESCRIPTION                                  AMOUNT
<S>                                                           <C>
4.1 Indenture of the Company with the Trustee                  91
4.2 Form of the Convertible Notes due 2001                     87
</TABLE>"""
    (table,) = read(text)
    assert table.columns == ("AMOUNT",)
