"""Cells that look like numbers and are not, in HTML tables, read by the rules the text reader
reads them by: fund numbers padded with a zero ("002" beside "302") are codes, and stacked note
citations ("(1)(2)") are markers, in a column of their own after the values (EDGARizer-era
tables) or in a column where nothing else states a value. One synthetic case per rule."""

from __future__ import annotations

from decimal import Decimal

from extractor.html.reader import read_html_tables
from extractor.model import Document, Table


def read_html(text: str) -> list[Table]:
    return read_html_tables(Document(sequence=1, type=None, filename=None, line=1, text=text, is_html=True))


_FUND_NUMBERS = """<html><body>
<p><b>Fund numbers</b></p>
<table>
<tr><td><b>Fund</b></td><td><b>Class A</b></td><td><b>Class C</b></td><td><b>Class F-1</b></td></tr>
<tr><td>Growth Fund</td><td>005</td><td>305</td><td>405</td></tr>
<tr><td>Income Fund</td><td>006</td><td>306</td><td>406</td></tr>
</table>
</body></html>"""


def test_fund_numbers_padded_with_a_zero_state_no_values() -> None:
    """"005" stated no value but "305" beside it was the number 305, so a table of fund numbers
    read as half codes, half quantities. Every code of a column with a padded one is a code."""
    (table,) = read_html(_FUND_NUMBERS)
    assert [[c.text for c in r.cells] for r in table.rows] == [["005", "305", "405"], ["006", "306", "406"]]
    assert all(c.value is None for r in table.rows for c in r.cells)


_STACKED_MARKER_COLUMN = """<HTML><BODY>
<TABLE>
<TR><TD></TD><TD COLSPAN=2 ALIGN=CENTER>CLASS A</TD><TD COLSPAN=2 ALIGN=CENTER>CLASS B</TD></TR>
<TR><TD>Maximum Sales Charge (Load) Imposed on Purchases</TD><TD ALIGN=RIGHT>5.75%</TD><TD></TD>
<TD ALIGN=RIGHT>None</TD><TD></TD></TR>
<TR><TD>Maximum Deferred Sales Charge (Load)</TD><TD ALIGN=RIGHT>None</TD><TD>(1)(2)</TD>
<TD ALIGN=RIGHT>5.00%</TD><TD>(3)</TD></TR>
<TR><TD>Redemption Fee</TD><TD ALIGN=RIGHT>2.00%</TD><TD>(4)</TD><TD ALIGN=RIGHT>2.00%</TD><TD>(4)</TD></TR>
</TABLE>
</BODY></HTML>"""


def test_stacked_markers_in_a_marker_column_annotate_the_value_before_them() -> None:
    """"(1)(2)" in the column of markers after Class A's values read as -1 with note 2: the column
    was not a marker column, so it took Class A's header and every marker in it was a number."""
    (table,) = read_html(_STACKED_MARKER_COLUMN)
    assert table.columns == ("CLASS A", "CLASS B")
    deferred, redemption = table.rows[1], table.rows[2]
    assert deferred.cells[0].value is None and deferred.cells[0].footnotes == ("(1)", "(2)")
    assert deferred.cells[1].value == Decimal("5.00") and deferred.cells[1].footnotes == ("(3)",)
    assert [c.footnotes for c in redemption.cells] == [("(4)",), ("(4)",)]


_CITATIONS_AFTER_LABEL = """<HTML><BODY>
<TABLE>
<TR><TD></TD><TD></TD><TD>CLASS A</TD><TD>CLASS B</TD></TR>
<TR><TD>Management Fees</TD><TD></TD><TD>0.75%</TD><TD>0.75%</TD></TR>
<TR><TD>Other Expenses</TD><TD>(2)(3)</TD><TD>0.25%</TD><TD>0.25%</TD></TR>
<TR><TD>Total Annual Fund Operating Expenses</TD><TD></TD><TD>1.00%</TD><TD>1.00%</TD></TR>
</TABLE>
</BODY></HTML>"""


def test_stacked_citations_in_a_column_without_values_are_markers() -> None:
    """"(2)(3)" alone in a column where no other cell states a value cites notes 2 and 3; it was
    the number -2 with note 3."""
    (table,) = read_html(_CITATIONS_AFTER_LABEL)
    other = table.rows[1]
    assert other.label == "Other Expenses"
    assert other.cells[0].value is None
    assert other.cells[0].footnotes == ("(2)", "(3)")
    assert [c.value for c in other.cells[1:]] == [Decimal("0.25"), Decimal("0.25")]
