"""Text set inside a table block that is no part of the table: a paragraph of prose, and a
page footer ("Page 4 of 6"). Neither makes rows; footnotes set the same way stay notes."""

from __future__ import annotations

from decimal import Decimal

from extractor.model import Document, Table
from extractor.text import read_text_tables


def read(text: str) -> list[Table]:
    return read_text_tables(Document(1, None, None, 1, text=text, text_line=1))


def test_paragraph_of_prose_in_a_table_block_is_no_row() -> None:
    """A paragraph whose sentence runs from the labels over the columns, ending in a full stop,
    is read as blank; a paragraph that opens with a footnote marker stays the table's note."""
    text = """<TABLE>
<S>                 <C>            <C>           <C>
      A-1F          960.989386     4.996344      30.408771
      A-2F        1,000.000000     5.030833       0.000000


This    statement   is   also    available   on   our    website,
at 7:00 p.m. EST on the business day before each distribution date.

SELLER:                         Aames Capital Corporation

(1) Class A-1F certificates were issued on the closing date, as the prospectus
supplement describes for all of the classes above.
</TABLE>"""
    (table,) = read(text)
    assert [row.label for row in table.rows] == ["A-1F", "A-2F", "SELLER:"]
    assert table.rows[0].cells[0].value == Decimal("960.989386")
    assert [note.marker for note in table.footnotes] == ["(1)"]


def test_page_footer_in_a_table_block_is_no_row() -> None:
    text = """<TABLE>
<S>                                                   <C>            <C>
TOTAL REMITTANCE DUE                                  9,835,561.08   1,000.00
- --------------------------------------------------------------------------
                             Page 4 of 6      (C) COPYRIGHT 1998 Bankers Trust Company
</TABLE>"""
    (table,) = read(text)
    assert [row.label for row in table.rows] == ["TOTAL REMITTANCE DUE"]

