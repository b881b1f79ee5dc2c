"""Row labels of plain-text tables end in what is left of a spaced dot leader, a lone dot set
apart by a space: it is no part of the label, and it ends it. One synthetic table."""

from __future__ import annotations

from decimal import Decimal

from extractor.model import Document, Table
from extractor.text import read_text_tables


def read(text: str) -> list[Table]:
    return read_text_tables(Document(1, None, None, 1, text=text, text_line=1))


def test_lone_leader_dot_is_dropped_and_ends_the_label() -> None:
    """"$250,000 but less than $500,000 ." ends in a leader of one dot; the label is the words
    before it, and the line under it starts a new label."""
    text = """<TABLE>
                                           NET AMOUNT  OFFERING
                                            INVESTED    PRICE
<S>                                        <C>         <C>
Less than $25,000 . . . . . . . . .          6.10%      5.75%
$100,000 but less than $250,000 .            3.63       3.50
Capital World Bond Fund  .                   2.56       2.50
Intermediate Bond Fund of
America . . . . . . . . . .                  2.04       2.00
</TABLE>"""
    (table,) = read(text)
    labels = [row.label for row in table.rows]
    assert labels == [
        "Less than $25,000",
        "$100,000 but less than $250,000",
        "Capital World Bond Fund",
        "Intermediate Bond Fund of America",
    ]
    assert [c.value for c in table.rows[2].cells] == [Decimal("2.56"), Decimal("2.50")]
