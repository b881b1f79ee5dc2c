"""A table without a tag line broken over a page sets its header again under the break: its
lines are neither a column of values nor rows, nor where the row labels end."""

from __future__ import annotations

from decimal import Decimal

from extractor.model import Document, Table
from extractor.text import read_text_tables


def read(text: str) -> list[Table]:
    return read_text_tables(Document(1, None, None, 1, text=text, text_line=1))


def test_repeated_year_line_makes_no_column() -> None:
    """The group years ("1997      1996") of a header repeated after <PAGE> stand between two
    columns of values; read as values, they made a sixth, empty column."""
    header = [
        " " * 57 + "1997" + " " * 41 + "1996",
        " " * 38 + "------------------------------------------" + " " * 12 + "------------------------",
        " " * 37 + "NOTIONAL" + " " * 26 + "CREDIT RISK" + " " * 9 + "NOTIONAL",
        " " * 36 + "PRINCIPAL" + " " * 9 + "FAIR VALUE" + " " * 10 + "AMOUNT" + " " * 10 + "PRINCIPAL"
        + " " * 9 + "FAIR VALUE",
    ]
    rows = [
        "Swaps" + " " * 36 + "340" + " " * 15 + "(4)" + " " * 14 + "None" + " " * 15 + "315" + " " * 14 + "(13)",
        "Purchased floors" + " " * 25 + "455" + " " * 15 + "(1)" + " " * 16 + "--" + " " * 15 + "475" + " " * 17 + "1",
        "Sold options" + " " * 29 + "840" + " " * 14 + "(11)" + " " * 15 + "N/A" + " " * 15 + "506" + " " * 15 + "(6)",
    ]
    text = "\n".join(["<TABLE>", *header, rows[0], rows[1], "", "<PAGE>", "", *header, rows[2], "</TABLE>"])
    (table,) = read(text)
    assert len(table.columns) == 5
    assert [row.label for row in table.rows] == ["Swaps", "Purchased floors", "Sold options"]
    values = [Decimal("840"), Decimal("-11"), None, Decimal("506"), Decimal("-6")]
    assert [c.value for c in table.rows[2].cells] == values


def test_repeated_header_line_is_no_row_and_no_label() -> None:
    """The last header line ("DURING 1996   1996") repeated after <PAGE> starts left of the first
    column's values; it was a row, and its words moved the end of the row labels right, so the
    first column's header ("NET ADDITIONS DURING 1996") went to the caption."""
    header = """                                                             BALANCE AS OF
                           NET ADDITIONS   SPENDING DURING   SEPTEMBER 27,
                            DURING 1996          1996             1996
"""
    text = f"""<TABLE>
<CAPTION>
{header}</CAPTION>
Payments to employees                  81               48               33
Payments on leases                     19                4               15

<PAGE>

{header}Write-down of assets                   54                7               47
</TABLE>"""
    (table,) = read(text)
    assert table.columns == ("NET ADDITIONS DURING 1996", "SPENDING DURING 1996", "BALANCE AS OF SEPTEMBER 27, 1996")
    assert [row.label for row in table.rows] == ["Payments to employees", "Payments on leases", "Write-down of assets"]
