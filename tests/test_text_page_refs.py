"""Page references run into by dot leaders in a plain-text table of contents. Synthetic table."""

from __future__ import annotations

from extractor.model import Document, Table
from extractor.text import read_text_tables


def read(text: str) -> list[Table]:
    return read_text_tables(Document(1, None, None, 1, text=text, text_line=1))


def test_page_reference_one_space_after_leaders_is_the_page_cell() -> None:
    """A page reference ("S-22") one space after the dot leaders is the row's page, as a page
    number is; it used to stay in the label, leaders and all, and the page cell was empty."""
    text = """<TABLE>
<CAPTION>
                                       PAGE
                                       ----
<S>                                    <C>
The Company...........................  S-3
Use of Proceeds.......................  S-8
Description of Notes.................. S-22
Underwriting.......................... S-25
</TABLE>"""
    (table,) = read(text)
    assert [(row.label, row.cells[0].text) for row in table.rows] == [
        ("The Company", "S-3"),
        ("Use of Proceeds", "S-8"),
        ("Description of Notes", "S-22"),
        ("Underwriting", "S-25"),
    ]
