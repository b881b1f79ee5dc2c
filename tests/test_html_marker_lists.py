"""A list of raised footnote markers set in two pieces ("1," and "2") is two markers.

Some filing agents raise each marker of a list in its own ``<font>``, the separator left at the
end of the first piece. Read as text, "1," was no marker and stayed in the label ("Total Annual
Fund Operating Expenses1,"), which then no longer named the total.
"""

from __future__ import annotations

from extractor import extract_bytes
from extractor.html.cells import split_marker_text

RAISED = 'style="font-size:5pt;position:relative;top:-3.25pt"'

DOCUMENT = f"""<html><body>
<p>Annual Fund Operating Expenses (Expenses that you pay each year as a percentage of the value of your investment)</p>
<table>
<tr><td><font>Management Fees</font></td><td>0.02%</td></tr>
<tr><td><font>12b-1 Distribution Fee</font></td><td>None</td></tr>
<tr><td><font>Other Expenses</font></td><td>0.01%</td></tr>
<tr><td><font>Total Annual Fund Operating Expenses</font><font {RAISED}>1,</font><font {RAISED}>2</font></td>
<td>0.03%</td></tr>
</table>
</body></html>
"""


def test_a_marker_piece_may_end_with_its_separator() -> None:
    assert split_marker_text("1,") == ("1",)
    assert split_marker_text("1, 2") == ("1", "2")
    assert split_marker_text(",") is None


def test_the_total_keeps_its_label_and_both_markers() -> None:
    table = extract_bytes(DOCUMENT.encode(), "marker-list.html").tables[0]
    total = table.rows[-1]
    assert (total.label, total.concept, total.label_footnotes) == (
        "Total Annual Fund Operating Expenses", "ExpensesOverAssets", ("1", "2"))


def test_markers_in_parentheses_may_be_stacked() -> None:
    assert split_marker_text("(b)(c)") == ("(b)", "(c)")
    assert split_marker_text("(1) (2)") == ("(1)", "(2)")
    assert split_marker_text("(b)c") is None
