"""Plain-text group headers: a stacked header set over two columns heads both of them."""

from __future__ import annotations

from decimal import Decimal

from extractor.model import Document, Table
from extractor.text import read_text_tables


def read(text: str) -> list[Table]:
    return read_text_tables(Document(1, None, None, 1, text=text, text_line=1))


def test_group_header_run_up_to_the_next_column_heads_both() -> None:
    """A stacked group header ("PASS-THROUGH" / "RATES") whose first line reaches the gutter
    before the next column's values, over the columns' own headers, heads both columns."""
    text = """<TABLE>
<CAPTION>
------------------------------------------------------------
                                     PASS-THROUGH
                     CURRENT             RATES
                   PRINCIPAL                     ESTIMATED
 CLASS               BALANCE        CURRENT           NEXT
------------------------------------------------------------
<S>               <C>             <C>            <C>
 A-1              930.580615      6.239000%      6.239000%
 A-2            1,000.000000      6.037000%      6.037000%
</TABLE>"""
    (table,) = read(text)
    assert table.columns == (
        "CURRENT PRINCIPAL BALANCE",
        "PASS-THROUGH RATES CURRENT",
        "PASS-THROUGH RATES ESTIMATED NEXT",
    )
    assert [c.value for c in table.rows[0].cells] == [Decimal("930.580615"), Decimal("6.239000"), Decimal("6.239000")]
