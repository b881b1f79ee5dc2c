"""Rows of plain-text tables whose label and text cell wrap together. Synthetic tables."""

from __future__ import annotations

from extractor.model import Document, Table
from extractor.text import read_text_tables


def read(text: str) -> list[Table]:
    return read_text_tables(Document(1, None, None, 1, text=text, text_line=1))


def test_label_and_text_cell_wrapped_together_are_one_row() -> None:
    """A line whose label reads as the rest of the label above ("sales charge" under
    "Contingent deferred") and whose text sits flush under that row's text cell continues the
    row: label and description run on. It used to be a row of its own, both halves cut."""
    text = """<TABLE>
<CAPTION>
 CLASS A SHARES
<S>                     <C>
 Initial sales charge    up to 5.75%
 Contingent deferred     none (except on certain redemptions on purchases of $1
 sales charge            million or more made without an initial sales charge)
 12b-1 fees              up to 0.25% annually
 Conversion              none
</TABLE>"""
    (table,) = read(text)
    assert [row.label for row in table.rows] == [
        "Initial sales charge",
        "Contingent deferred sales charge",
        "12b-1 fees",
        "Conversion",
    ]
    assert table.rows[1].cells[0].text == (
        "none (except on certain redemptions on purchases of $1 million or more made without an initial sales charge)"
    )


def test_prose_line_under_a_row_is_not_joined() -> None:
    """A lower-case line whose text does not line up under the row's text cells (prose run
    across the columns) is not that row's continuation."""
    text = """<TABLE>
<S>                 <C>          <C>
Class A             1,000.00     2,000.00
Class B             3,000.00     4,000.00
This    statement   is also      available
http://x.com.  We begin posting statements
</TABLE>"""
    (table,) = read(text)
    labels = [row.label for row in table.rows]
    assert labels[:2] == ["Class A", "Class B"]
    assert "This statement http://x.com." not in labels


def test_year_closing_a_wrapped_description_is_text_not_a_row() -> None:
    """A year and a full stop alone on a line ("1996.") under a description left open ("as
    amended through December 4,") ends that description; it used to be a row of its own with
    the value 1996."""
    text = """<TABLE>
<CAPTION>
NUMBER            NOTES*            DESCRIPTION
<S>               <C>               <C>
10.A.3-2          97/2Q**           Amendment No. 2 to the Savings and
                                    Investment Plan.

10.A.5            97/2Q**           1990 Stock Option Plan, as amended through December 4,
                                    1996.

10.A.7            96/1Q**           1996 Senior / Executive Incentive Bonus Plan.
</TABLE>"""
    (table,) = read(text)
    assert [row.label for row in table.rows] == ["10.A.3-2", "10.A.5", "10.A.7"]
    assert table.rows[1].cells[-1].text == "1990 Stock Option Plan, as amended through December 4, 1996."
    assert table.rows[1].cells[-1].value is None
