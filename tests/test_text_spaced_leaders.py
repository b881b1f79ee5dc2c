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


def test_spaced_leader_run_into_a_page_number_ends_before_it() -> None:
    """A contents table whose spaced leaders run straight into the page number (". . .1",
    ". . . 10"): the number is the page cell. It used to stay glued to the leader, and the
    page column was empty."""
    text = """<TABLE>
<CAPTION>
                                                    PAGE
<S>                                                 <C>
Demand Registration. . . . . . . . . . . . . . . . .1
Obligations of the Company . . . . . . . . . . . . .2
Governing Law. . . . . . . . . . . . . . . . . . . 10
</TABLE>"""
    (table,) = read(text)
    assert [row.label for row in table.rows] == ["Demand Registration", "Obligations of the Company", "Governing Law"]
    assert [row.cells[-1].value for row in table.rows] == [Decimal("1"), Decimal("2"), Decimal("10")]
