"""A table of contents: a centred part heading under a row whose dot leaders ended its label is
a heading row of its own, not the end of that label."""

from __future__ import annotations

from extractor.model import Document, Table
from extractor.text import read_text_tables


def read(text: str) -> list[Table]:
    return read_text_tables(Document(1, None, None, 1, text=text, text_line=1))


def test_indented_heading_after_a_leader_ended_label_stands_alone() -> None:
    text = """<TABLE>
<CAPTION>
                                       PAGE
<S>                                    <C>
           PROSPECTUS SUPPLEMENT
Selected Consolidated Financial
  Information.........................  S-9
Legal Matters......................... S-25
                PROSPECTUS
Available Information.................    2
Incorporation of Certain Documents by
  Reference...........................    2
</TABLE>"""
    (table,) = read(text)
    assert [row.label for row in table.rows] == [
        "PROSPECTUS SUPPLEMENT",
        "Selected Consolidated Financial Information",
        "Legal Matters",
        "PROSPECTUS",
        "Available Information",
        "Incorporation of Certain Documents by Reference",
    ]
