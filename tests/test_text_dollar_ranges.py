"""A column of dollar ranges in a plain-text table: a range set apart around its dash is one
text cell, and a heading line that runs over the column's tag does not make the column part of
the labels. One synthetic table per rule."""

from __future__ import annotations

from extractor.model import Document, Table
from extractor.text import read_text_tables


def read(text: str) -> list[Table]:
    return read_text_tables(Document(1, None, None, 1, text=text, text_line=1))


def test_dollar_range_set_apart_is_one_cell() -> None:
    """"$ 10,001  - $50,000" is a range, as "$10,001 - $50,000" is: one text cell. Its second
    end used to be read as the number -50000 in a column of its own."""
    text = """<TABLE>
                            DOLLAR RANGE OF         AGGREGATE
          NAME               SHARES OWNED          DOLLAR RANGE
<S>                       <C>                     <C>
 Guilford C. Babcock      $50,001 - $100,000       Over $100,000
 Leonade D. Jones         $ 10,001  - $50,000      Over $100,000
 Robert A. Fox            None                     Over $100,000
</TABLE>"""
    (table,) = read(text)
    assert table.columns == ("DOLLAR RANGE OF SHARES OWNED", "AGGREGATE DOLLAR RANGE")
    row = table.rows[1]
    assert row.label == "Leonade D. Jones"
    assert [c.text for c in row.cells] == ["$ 10,001  - $50,000", "Over $100,000"]
    assert [c.value for c in row.cells] == [None, None]


def test_heading_over_a_tag_keeps_the_column() -> None:
    """A heading line ("NON-INTERESTED" DIRECTORS) that runs past the first tag says nothing about
    where the row labels end: the column of text cells under that tag stays a column; it used to
    be taken into the labels."""
    text = """<TABLE>
                            DOLLAR RANGE OF         AGGREGATE
          NAME               SHARES OWNED          DOLLAR RANGE
<S>                       <C>                     <C>
 "NON-INTERESTED" DIRECTORS
 Guilford C. Babcock      Over $100,000            Over $100,000
 Robert A. Fox            $1 - $10,000             Over $100,000
</TABLE>"""
    (table,) = read(text)
    assert table.columns == ("DOLLAR RANGE OF SHARES OWNED", "AGGREGATE DOLLAR RANGE")
    assert [row.label for row in table.rows] == ['"NON-INTERESTED" DIRECTORS', "Guilford C. Babcock", "Robert A. Fox"]
    assert [c.text for c in table.rows[2].cells] == ["$1 - $10,000", "Over $100,000"]
