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


_NUMBER = '<td style="min-width:18pt;text-align:right;white-space:nowrap">'
_SUFFIX = '<td style="width:0.01pt;text-align:left">'
_WORD_SPLIT_INTO_SUFFIX_CELL = """<html><body><table>
<tr><td></td><td colspan="2">Class A</td><td colspan="2">Class I</td></tr>
<tr><td>Maximum Sales Charge (Load) Imposed on Purchases</td>
NUMBER5.75</td>SUFFIX%</td>
NUMBERNon</td>SUFFIXe</td></tr>
<tr><td>Redemption Fee</td>
NUMBERN/</td>SUFFIXA</td>
NUMBER2.00</td>SUFFIX%</td></tr>
</table></body></html>""".replace("NUMBER", _NUMBER).replace("SUFFIX", _SUFFIX)


def test_word_split_into_the_suffix_cell_is_one_value() -> None:
    """A layout tool that sets the last character of each figure in a narrow suffix cell ("5.75" |
    "%") splits words the same way ("Non" | "e"): the two parts made two columns under each class."""
    (table,) = read_html(_WORD_SPLIT_INTO_SUFFIX_CELL)
    assert table.columns == ("Class A", "Class I")
    assert [[c.text for c in r.cells] for r in table.rows] == [["5.75%", "None"], ["N/A", "2.00%"]]


_PERCENT_COLUMN = """<html><body><table>
<tr><td>Class</td><td>&#160;</td><td>ADV</td><td>I</td><td>R6</td></tr>
<tr><td>Management Fees</td><td style="text-align:right">%</td><td>0.74</td><td>0.74</td><td>0.74</td></tr>
<tr><td>Distribution (12b-1) Fees</td><td style="text-align:right">%</td><td>0.60</td><td>None</td><td>None</td></tr>
<tr><td>Waivers and Reimbursements</td><td style="text-align:right">%</td>
<td>(0.18)</td><td>(0.18)</td><td>(0.07)</td></tr>
</table></body></html>"""


def test_percent_column_before_the_values_is_their_unit() -> None:
    """A "%" in a column of its own between the labels and the first class states the unit of the
    row: it was a column of its own, under a blank header, and the values had no unit."""
    (table,) = read_html(_PERCENT_COLUMN)
    assert table.columns == ("ADV", "I", "R6")
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["0.74%", "0.74%", "0.74%"], ["0.60%", "None", "None"], ["(0.18)%", "(0.18)%", "(0.07)%"],
    ]
    assert [c.unit for c in table.rows[0].cells] == ["percent"] * 3
    assert table.rows[2].cells[2].value == Decimal("-0.07")
