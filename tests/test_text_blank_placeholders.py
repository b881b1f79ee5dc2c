"""Blanks to be filled in ("%", "$" with no number) in a plain-text table stay in their columns.
One synthetic table."""

from __future__ import annotations

from extractor.model import Document, Table
from extractor.text import read_text_tables


def read(text: str) -> list[Table]:
    return read_text_tables(Document(1, None, None, 1, text=text, text_line=1))


def test_signs_of_blanks_stay_in_their_columns() -> None:
    """A preliminary prospectus leaves its prices blank: "Per Note ....   %   %   %". Each sign
    is a cell of its own; they used to be glued to the label or to each other."""
    text = """<TABLE>
                                    PRICE              UNDERWRITING            PROCEEDS TO
                                TO PUBLIC(1)            DISCOUNT(2)           COMPANY(1)(3)
                           ---------------------------------------------------------------------
<S>                        <C>                    <C>                    <C>
Per Note..................            %                      %                      %
Total.....................            $                      $                      $
</TABLE>"""
    (table,) = read(text)
    assert [row.label for row in table.rows] == ["Per Note", "Total"]
    assert [c.text for c in table.rows[0].cells] == ["%", "%", "%"]
    assert [c.text for c in table.rows[1].cells] == ["$", "$", "$"]
    assert all(c.value is None for row in table.rows for c in row.cells)
