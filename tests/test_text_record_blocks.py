"""Tables of people set as records: each block between rules (or blank lines) is one person,
whose name and description wrap side by side. The block is one row."""

from __future__ import annotations

from decimal import Decimal

from extractor.model import Document, Table
from extractor.text import read_text_tables


def read(text: str) -> list[Table]:
    return read_text_tables(Document(1, None, None, 1, text=text, text_line=1))


def test_record_block_is_one_row() -> None:
    """"Guilford C." / "Babcock" / "Age: 71" beside three lines of one occupation were three
    rows; each block is one row, its label and its text cells joined."""
    text = """<TABLE>
<CAPTION>
                      POSITION      YEAR
    NAME AND AGE      WITH FUND     ELECTED    PRINCIPAL OCCUPATION(S)            BOARDS
<S>                   <C>           <C>        <C>                                <C>
----------------------------------------------------------------------------------------
 Guilford C.          Director       1991      Emeritus Professor of Finance,        2
 Babcock                                       Marshall School of Business,
 Age: 71                                       University of Southern California
----------------------------------------------------------------------------------------
 Robert A. Fox        Director       1998      Managing General Partner, Fox         7
 Age: 65                                       Investments LP
----------------------------------------------------------------------------------------
</TABLE>"""
    (table,) = read(text)
    assert [row.label for row in table.rows] == ["Guilford C. Babcock Age: 71", "Robert A. Fox Age: 65"]
    first = table.rows[0].cells
    occupation = "Emeritus Professor of Finance, Marshall School of Business, University of Southern California"
    assert first[2].text == occupation
    assert [first[1].value, first[3].value] == [Decimal("1991"), Decimal("2")]
