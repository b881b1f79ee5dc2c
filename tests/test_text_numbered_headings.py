"""A numbered heading below a table ("6. Restricted securities") is the start of the text that
follows, not one of the table's footnotes."""

from __future__ import annotations

from extractor.model import Document, Table
from extractor.text import read_text_tables
from extractor.text.footnotes import parse_footnotes


def read(text: str) -> list[Table]:
    return read_text_tables(Document(1, None, None, 1, text=text, text_line=1))


def test_numbered_heading_after_a_table_is_no_footnote() -> None:
    """Set between blank lines, with no full stop at its end, "6. Restricted securities" heads
    the paragraph below; it used to be the table's footnote "6."."""
    text = """<TABLE>
<S>                        <C>          <C>
Class A                    1,234        5,678
Class B                      123          456
</TABLE>


6. Restricted securities

The fund has invested in certain securities for which resale may be limited.
"""
    (table,) = read(text)
    assert table.footnotes == ()


def test_numbered_heading_after_notes_of_another_style_ends_them() -> None:
    """After notes marked "(1)", "(2)", a line set off by a blank and opening "4." is no third
    note; numbered notes that follow each other ("1.", "2.") stay notes."""
    lines = ["(1) Includes exchanges.", "(2) Offered from May 15.", "", "4. Fees. The adviser is paid monthly."]
    notes, used = parse_footnotes(lines)
    assert [n.marker for n in notes] == ["(1)", "(2)"]
    assert used == 2
    numbered = ["1. Annualized.", "2. Based on estimated amounts.", "", "3. Not annualized."]
    assert [n.marker for n in parse_footnotes(numbered)[0]] == ["1.", "2.", "3."]
