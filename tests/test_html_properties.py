"""Properties of the HTML reader on generated markup: it never fails and its tables are whole."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.html import read_html_tables
from extractor.model import Document

CELL_TEXT = st.sampled_from([
    "", "&nbsp;", "$", "%", ")%", "(0.19", "0.65", "1,206", "None", "Class A", "<sup>1</sup>", "<br>",
    "Management fees", "<b>Total</b>", "<span style='vertical-align:super'>(a)</span>", "<FONT SIZE=1>2</FONT>",
    "<ix:nonFraction name='rr:X' contextRef='c' scale='-2'>0.5</ix:nonFraction>", "<table><tr><td>7</td></tr></table>",
    "<p>", "</td>", "<tr>",
])
ATTRS = st.sampled_from(["", " colspan=2", " COLSPAN=3", " rowspan=2", " colspan=0", " colspan='x'", " rowspan=999"])
CELL = st.builds(lambda tag, attrs, text: f"<{tag}{attrs}>{text}</{tag}>", st.sampled_from(["td", "th", "TD"]),
                 ATTRS, CELL_TEXT)
ROW = st.lists(CELL, max_size=6).map(lambda cells: "<tr>" + "".join(cells) + "</tr>")
TABLE = st.lists(ROW, max_size=7).map(lambda rows: "<TABLE CELLSPACING=0>" + "\n".join(rows) + "</TABLE>")
DOC = st.lists(st.one_of(TABLE, st.just("<p>Prose about fees (1) waived.</p>")), max_size=4).map("\n".join)


@settings(max_examples=150, deadline=None)
@given(DOC, st.integers(min_value=1, max_value=500))
def test_reader_never_fails_and_rows_fit_their_columns(html: str, first_line: int) -> None:
    doc = Document(sequence=2, type=None, filename=None, line=1, text=html, text_line=first_line, is_html=True)
    for table in read_html_tables(doc):
        assert table.layout == "html" and table.document == 2
        assert first_line <= table.line <= first_line + html.count("\n")
        assert table.rows and table.columns
        for row in table.rows:
            assert len(row.cells) == len(table.columns)
            assert row.line >= table.line
        if table.column_classes is not None:
            assert len(table.column_classes) == len(table.columns)
