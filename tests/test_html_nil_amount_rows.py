"""HTML tables: rows of amounts stated without a number ("$-") are rows. One synthetic table."""

from __future__ import annotations

from decimal import Decimal

from extractor.html.reader import read_html_tables
from extractor.model import Document, Table


def read_html(text: str) -> list[Table]:
    return read_html_tables(Document(sequence=1, type=None, filename=None, line=1, text=text, is_html=True))


def test_rows_of_dollar_dashes_are_rows_not_header() -> None:
    """"$-" is an amount stated without a number, as "-" is. Rows of them above the first row
    with a number used to be read as header rows: their labels were lost and "$- $-" joined the
    column headers."""
    text = """<html><body><table>
<tr><td><b>Fund</b></td><td>Class A shares</td><td>Class C shares</td></tr>
<tr><td><b>Advertising</b></td><td>$-</td><td>$-</td></tr>
<tr><td><b>Annual Reports</b></td><td>$ -</td><td>$-</td></tr>
<tr><td><b>Broker Trails</b></td><td>$1,829,483</td><td>$1,073,628</td></tr>
</table></body></html>"""
    (table,) = read_html(text)
    assert table.columns == ("Class A shares", "Class C shares")
    assert [row.label for row in table.rows] == ["Advertising", "Annual Reports", "Broker Trails"]
    assert [c.value for c in table.rows[0].cells] == [None, None]
    assert [c.value for c in table.rows[2].cells] == [Decimal("1829483"), Decimal("1073628")]


def test_values_stacked_in_one_cell_are_one_row_each() -> None:
    """A row whose cells stack one value per line (``5<br>4``) beside a label stacked the same
    way is one row per line, the label's extra first line a heading over them. The values used
    to be one text cell "5 4" without a value."""
    text = """<html><body><table>
<tr><td>Portfolio manager</td><td>No. of Accounts</td><td>Total Assets</td></tr>
<tr><td><p><b>Nikhil G. Lalvani<br/></b><span>Registered investment companies<br/></span>
<span>Other accounts</span></p></td><td><p>5<br/>23</p></td><td><p>$7.6 billion<br/>$3.4 billion</p></td></tr>
<tr><td><p><b>Erin Ksenak<br/></b>Registered investment companies<br/>Other accounts</p></td>
<td><p>6<br/>-</p></td><td><p>$7.1 billion<br/>-</p></td></tr>
</table></body></html>"""
    (table,) = read_html(text)
    assert table.columns == ("No. of Accounts", "Total Assets")
    labels = [row.label for row in table.rows]
    assert labels == [
        "Nikhil G. Lalvani",
        "Registered investment companies",
        "Other accounts",
        "Erin Ksenak",
        "Registered investment companies",
        "Other accounts",
    ]
    assert [c.text for c in table.rows[2].cells] == ["23", "$3.4 billion"]
    assert table.rows[2].cells[0].value == Decimal("23")
    assert table.rows[4].cells[0].value == Decimal("6")


def test_text_wrapped_in_a_cell_stays_one_cell() -> None:
    """Text set on two lines of a cell (a wrapped description) is no stack of values: the row
    stays one row."""
    text = """<html><body><table>
<tr><td>Name</td><td>Title</td><td>Accounts</td></tr>
<tr><td>Erin Ksenak<br/>Portfolio Manager</td><td>Managing Director,<br/>Senior Manager</td><td>5</td></tr>
<tr><td>Kristen Bartholdson<br/>Portfolio Manager</td><td>Director</td><td>4</td></tr>
</table></body></html>"""
    (table,) = read_html(text)
    labels = [row.label for row in table.rows]
    assert labels == ["Erin Ksenak Portfolio Manager", "Kristen Bartholdson Portfolio Manager"]
    assert table.rows[0].cells[0].text == "Managing Director, Senior Manager"
