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
