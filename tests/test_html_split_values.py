"""Values that HTML filers split over cells: the number in one cell, its unit, closing parenthesis
and raised footnote marker in the next (``0.25`` | ``<sup>1</sup>%``, ``(0.10`` |
``<sup>(a)</sup>)%``), as DFIN and in-house generators set a marker where the number ends. One
synthetic case per rule."""

from __future__ import annotations

from decimal import Decimal

from extractor.html.reader import read_html_tables
from extractor.model import Document, Table


def read_html(text: str) -> list[Table]:
    return read_html_tables(Document(sequence=1, type=None, filename=None, line=1, text=text, is_html=True))


_MARKER_BEFORE_UNIT = """<html><body>
<table style="border-collapse:collapse;width:100%">
<tr><td style="width:60%"></td><td></td><td style="text-align:center" colspan="2"><b>Class A</b></td>
<td></td><td style="text-align:center" colspan="2"><b>Class C</b></td></tr>
<tr><td>Management Fees</td><td></td><td style="text-align:right">0.50</td><td>%</td>
<td></td><td style="text-align:right">0.50</td><td>%</td></tr>
<tr><td>Distribution and Service (12b-1) Fees</td><td></td><td style="text-align:right">0.25</td>
<td><sup>1</sup>%</td><td></td><td style="text-align:right">1.00</td><td>%</td></tr>
<tr><td>Fee Waiver</td><td></td><td style="text-align:right">(0.10</td><td><sup>(a)</sup>)%</td>
<td></td><td style="text-align:right">(0.10</td><td>)%</td></tr>
<tr><td>Total Annual Fund Operating Expenses</td><td></td><td style="text-align:right">0.65</td><td>%</td>
<td></td><td style="text-align:right">1.40</td><td>%</td></tr>
</table>
<p><sup>1</sup> The distributor has agreed to waive part of the distribution fee.</p>
<p><sup>(a)</sup> The adviser has contractually agreed to waive fees through April 30, 2025.</p>
</body></html>"""


def test_raised_marker_before_the_unit_cell_is_the_values_note() -> None:
    """The cell after the number holds a raised marker and then the ``%`` or ``)%``: it finishes
    the number, and the marker is the number's note. It was a column of its own ("%", ")%") that
    took the class header, and "(0.10" stated no value."""
    (table,) = read_html(_MARKER_BEFORE_UNIT)
    assert table.columns == ("Class A", "Class C")
    distribution, waiver = table.rows[1], table.rows[2]
    assert [c.value for c in distribution.cells] == [Decimal("0.25"), Decimal("1.00")]
    assert distribution.cells[0].unit == "percent"
    assert distribution.cells[0].footnotes == ("1",)
    assert [c.value for c in waiver.cells] == [Decimal("-0.10"), Decimal("-0.10")]
    assert waiver.cells[0].footnotes == ("(a)",)
    assert waiver.cells[1].footnotes == ()
    assert [f.marker for f in table.footnotes] == ["1", "(a)"]
