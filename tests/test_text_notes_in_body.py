"""Footnotes set inside a plain-text table block, under its last row. Synthetic tables."""

from __future__ import annotations

from decimal import Decimal

from extractor.model import Document, Table
from extractor.text import read_text_tables


def read(text: str) -> list[Table]:
    return read_text_tables(Document(1, None, None, 1, text=text, text_line=1))


def test_marked_notes_under_the_last_row_are_footnotes_not_a_row() -> None:
    """Lines opening with a footnote marker ("*", "(1)") under the table's last row, in the label
    column alone, are the table's footnotes; a line after them stays a row. They used to be one
    row whose label ran all the notes together."""
    text = """<TABLE>
<S>                                    <C>             <C>
Share class                                Amount         Shares
Class A                                $ 2,510,082        99,589
Class B(1)                                 196,132             -*

* Amount less than one thousand.
(1) Class B shares were offered beginning
    March 15, 2001.

See Notes to Financial Statements
</TABLE>"""
    (table,) = read(text)
    assert [row.label for row in table.rows] == ["Class A", "Class B(1)", "See Notes to Financial Statements"]
    assert [(note.marker, note.text) for note in table.footnotes] == [
        ("*", "Amount less than one thousand."),
        ("(1)", "Class B shares were offered beginning March 15, 2001."),
    ]
    assert table.rows[1].cells[0].value == Decimal("196132")


def test_marked_line_with_text_in_the_columns_stays_a_row() -> None:
    """A marked line with text in the columns ("(1) Principal Executive Officer   Executive Vice
    President") is a row of the table, not a note."""
    text = """<TABLE>
<S>                                         <C>                               <C>
(1) Principal Executive Officer             Executive Vice President          04/30/04

(2) Principal Financial Officer             Chief Financial Officer           04/30/04
</TABLE>"""
    (table,) = read(text)
    assert [row.label for row in table.rows] == ["(1) Principal Executive Officer", "(2) Principal Financial Officer"]
    assert table.footnotes == ()
