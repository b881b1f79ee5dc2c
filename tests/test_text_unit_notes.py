"""A unit note in a plain-text table's header ("(000)") states no value. One synthetic table."""

from __future__ import annotations

from decimal import Decimal

from extractor.model import Document, Table
from extractor.text import read_text_tables


def read(text: str) -> list[Table]:
    return read_text_tables(Document(1, None, None, 1, text=text, text_line=1))


def test_thousands_note_in_the_header_is_no_value() -> None:
    """"(000)" under a column header says the amounts are in thousands; it states no value. Read
    as one, it made the header line that holds it (with the label column's own title on the
    left) a data row, and the table lost all its column headers."""
    text = """<TABLE>
                                                       Shares or      Market
                                                       principal      value
Equity securities (common and preferred stocks)          amount       (000)
<S>                                                   <C>            <C>
Norsk Hydro AS                                         2,934,600     131,571
Exxon Corp.                                            3,500,000     122,290
</TABLE>"""
    (table,) = read(text)
    assert table.columns == ("Shares or principal amount", "Market value (000)")
    assert table.caption == "Equity securities (common and preferred stocks)"
    assert [row.label for row in table.rows] == ["Norsk Hydro AS", "Exxon Corp."]
    assert [c.value for c in table.rows[1].cells] == [Decimal("3500000"), Decimal("122290")]


def test_block_title_on_the_units_line_is_a_heading() -> None:
    """"Bonds & notes   (000)   (000)": the title of a block of rows set on the line of its
    columns' units is a heading row; the notes repeat the header's units and state no values.
    It used to be a row of two text cells "(000)"."""
    text = """<TABLE>
                                                       Shares or      Market
                                                       principal      value
                                                        amount        (000)
<S>                                                   <C>            <C>
Northwest Airlines, Inc.                               $ 45,570     $ 29,848

Bonds & notes                                            (000)        (000)

Continental Airlines, Inc.                               28,600       14,157
</TABLE>"""
    (table,) = read(text)
    assert table.columns == ("Shares or principal amount", "Market value (000)")
    heading = table.rows[1]
    assert heading.label == "Bonds & notes"
    assert [c.text for c in heading.cells] == ["", ""]
    assert [c.value for c in table.rows[2].cells] == [Decimal("28600"), Decimal("14157")]
