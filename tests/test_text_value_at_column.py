"""A value glued by one space to the text before it, set where its column starts. Synthetic
tables."""

from __future__ import annotations

from decimal import Decimal

from extractor.model import Document, Table
from extractor.text import read_text_tables


def read(text: str) -> list[Table]:
    return read_text_tables(Document(1, None, None, 1, text=text, text_line=1))


def test_value_at_its_column_start_is_cut_from_the_text_before_it() -> None:
    """A description that runs, one space on, into an amount set at its column's tag ("Bonds 2
    Year, $ (512,000)") gives the amount to its column; it used to stay in the description and
    the amount column was empty."""
    text = """<TABLE>
<CAPTION>
                                  DESCRIPTION/             UNDERLYING
 NUMBER OF                       DELIVERY MONTH           FACE AMOUNT     UNREALIZED
 CONTRACTS   LONG/SHORT             AND YEAR                AT VALUE     DEPRECIATION
----------- ------------ ------------------------------ --------------- -------------
<S>         <C>          <C>                            <C>             <C>
        3       Long           Government Bonds 2 Year, $ (512,000)     $  (4,120)
                                   June 2011
        7       Long       Government Bonds 10 Year,      (640,250)       (12,310)
                                   June 2011
</TABLE>"""
    (table,) = read(text)
    first = table.rows[0]
    assert first.label == "3"
    assert [c.text for c in first.cells[:2]] == ["Long", "Government Bonds 2 Year, June 2011"]
    assert [c.value for c in first.cells[2:]] == [Decimal("-512000"), Decimal("-4120")]


def test_label_amount_not_at_a_column_start_stays_in_the_label() -> None:
    """An amount inside a label ("Less than $25,000") that does not begin where a column starts
    stays in the label."""
    text = """<TABLE>
<S>                                   <C>          <C>
Less than $25,000                       5.75%        6.10%
$25,000 but less than $50,000           5.00%        5.26%
</TABLE>"""
    (table,) = read(text)
    assert [row.label for row in table.rows] == ["Less than $25,000", "$25,000 but less than $50,000"]
    assert [c.value for c in table.rows[0].cells] == [Decimal("5.75"), Decimal("6.10")]
