"""Exhibit indexes: a column of short notes set a few places left of its tag is a column, not
part of the exhibit number; a tag set inside the descriptions is no column."""

from __future__ import annotations

from extractor.model import Document, Table
from extractor.text import read_text_tables


def read(text: str) -> list[Table]:
    return read_text_tables(Document(1, None, None, 1, text=text, text_line=1))


def test_notes_set_left_of_their_tag_are_a_column_under_their_header() -> None:
    text = """<TABLE>
<CAPTION>
EXHIBIT
NUMBER                    NOTES*        DESCRIPTION
- ------------------  ------------------  --------------------------------------------------
<S>                 <C>                 <C>
3.1              91-S1            Certificate of Incorporation of the Registrant, as
                                    amended.

4.2              93/3Q            Indenture dated as of March 1, 1993, between the
                                    Registrant and the Trustee.

10.4             95K**            1992 Stock Incentive Plan, as amended.

21                                Subsidiaries of the Registrant.
</TABLE>"""
    (table,) = read(text)
    assert table.columns == ("NOTES*", "DESCRIPTION")
    assert [row.label for row in table.rows] == ["3.1", "4.2", "10.4", "21"]
    assert [row.cells[0].text for row in table.rows] == ["91-S1", "93/3Q", "95K**", ""]
    assert table.rows[1].cells[1].text == "Indenture dated as of March 1, 1993, between the Registrant and the Trustee."


def test_a_tag_inside_the_descriptions_is_no_column() -> None:
    text = """<TABLE>
<CAPTION>
EXHIBIT
NUMBER                    NOTES*        DESCRIPTION
- ------------------  ------------------  ------------------------------------------------------------
<S>              <C>              <C>                                                         <C>
10.7                91K**               Employment Agreement dated June 1, 1995 between the Registrant and
                                          the Chief Executive Officer.

10.8                **                  Retention Agreement dated May 1, 1996 between the Registrant and the
                                          Chief Financial Officer.

23                                      Consent of Independent Auditors.
</TABLE>"""
    (table,) = read(text)
    assert table.columns == ("NOTES*", "DESCRIPTION")
    assert [row.cells[0].text for row in table.rows] == ["91K**", "**", ""]
    assert table.rows[2].cells[1].text == "Consent of Independent Auditors."
