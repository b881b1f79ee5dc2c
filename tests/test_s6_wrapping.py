"""Wrapped row labels of plain-text tables: one synthetic table per rule."""

from __future__ import annotations

from decimal import Decimal

from extractor.model import Document, Table
from extractor.text import read_text_tables


def read(text: str) -> list[Table]:
    return read_text_tables(Document(1, None, None, 1, text=text, text_line=1))


def labels(table: Table) -> list[str]:
    return [row.label for row in table.rows]


def test_a_page_without_evidence_wraps_as_the_other_pages_show() -> None:
    """A table broken over pages is read as one: the first page leaves open whether "DEFERRED
    ACCOUNT" ends the row above or begins the row below, the second shows that wrapped labels
    carry their values on the last line ("PAYMENTS MADE FOR" runs on into its value line)."""
    text = """<TABLE>
                              2001       2000
<S>                          <C>        <C>
CASH RECEIVED FROM SALES     100        90
OTHER RECEIPTS               10         9
DEFERRED ACCOUNT
TERMINATION                  5          4

                                 7
<PAGE>
                              2001       2000
<S>                          <C>        <C>
PAYMENTS MADE FOR
SUPPLIES AND SERVICES        50         40
TOTAL PAYMENTS               60         50
</TABLE>"""
    (table,) = read(text)
    assert table.columns == ("2001", "2000")
    assert labels(table) == [
        "CASH RECEIVED FROM SALES",
        "OTHER RECEIPTS",
        "DEFERRED ACCOUNT TERMINATION",
        "PAYMENTS MADE FOR SUPPLIES AND SERVICES",
        "TOTAL PAYMENTS",
    ]
    assert [c.value for c in table.rows[2].cells] == [Decimal("5"), Decimal("4")]
