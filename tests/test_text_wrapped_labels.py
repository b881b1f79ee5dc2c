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


def test_lone_line_above_a_value_line_heads_its_label_though_a_word_would_have_fitted() -> None:
    """Values on the last line of a wrapped label (the table shows it: "TRANSFERRED FROM" runs
    on). "HAS A MINIMUM BALANCE" would have had room for "TRIGGER", but nothing marks it as a
    heading (no colon, no change of case, no row indented under it), and as one it would head a
    single row: it is the first line of the label below, broken by hand short of the column."""
    text = """<TABLE>
                                            2001        2000
<S>                                        <C>         <C>
NUMBER OF ACCOUNTS TRANSFERRED FROM
OTHER SERVICERS                             5           4
ACCOUNTS CLOSED DURING THE PERIOD           3           2
HAS A MINIMUM BALANCE
TRIGGER OCCURRED?                           1           0
HAS THE RESERVE BEEN FULLY FUNDED?          1           1
</TABLE>"""
    (table,) = read(text)
    assert labels(table) == [
        "NUMBER OF ACCOUNTS TRANSFERRED FROM OTHER SERVICERS",
        "ACCOUNTS CLOSED DURING THE PERIOD",
        "HAS A MINIMUM BALANCE TRIGGER OCCURRED?",
        "HAS THE RESERVE BEEN FULLY FUNDED?",
    ]
    assert [c.value for c in table.rows[2].cells] == [Decimal("1"), Decimal("0")]


def test_lone_line_below_a_value_line_ends_its_label_though_a_word_would_have_fitted() -> None:
    """Values on the first line of a wrapped label (the table shows it: "WITHDRAWN FOR" runs on
    to the next line): "PROCEEDS" under "LIQUIDATION" ends that label, broken by hand."""
    text = """<TABLE>
                                 2001        2000
<S>                             <C>         <C>
SCHEDULED INTEREST RECEIVED      100         90
AMOUNTS WITHDRAWN FOR            10          9
TAXES AND FEES
LIQUIDATION                      5           4
PROCEEDS
INSURANCE PROCEEDS               1           1
</TABLE>"""
    (table,) = read(text)
    assert labels(table) == [
        "SCHEDULED INTEREST RECEIVED",
        "AMOUNTS WITHDRAWN FOR TAXES AND FEES",
        "LIQUIDATION PROCEEDS",
        "INSURANCE PROCEEDS",
    ]


def test_lone_line_with_room_for_words_to_spare_stays_a_heading() -> None:
    """A lone line that stops far short of the column ("Class B", with room for two words and
    more) was not broken by hand: it is a row of its own."""
    text = """<TABLE>
                                            2001        2000
<S>                                        <C>         <C>
Number of accounts transferred from
other servicers                             5           4
Class A                                     3           2
Class B
Accounts closed during the period           1           0
</TABLE>"""
    (table,) = read(text)
    assert labels(table) == [
        "Number of accounts transferred from other servicers",
        "Class A",
        "Class B",
        "Accounts closed during the period",
    ]


def test_upper_case_line_opening_with_a_participle_and_preposition_runs_on() -> None:
    """In capitals a line opening with a participle and its preposition ("PURCHASED FROM")
    continues the label above, as "Imposed on" does in mixed case."""
    text = """<TABLE>
                                     2001        2000
<S>                                 <C>         <C>
CURRENT NUMBER OF LOANS              5,796       2,549
NUMBER OF LOANS
PURCHASED FROM OTHER LENDERS         12          7
NUMBER OF LOANS PAID IN FULL         35          21
</TABLE>"""
    (table,) = read(text)
    assert labels(table) == [
        "CURRENT NUMBER OF LOANS",
        "NUMBER OF LOANS PURCHASED FROM OTHER LENDERS",
        "NUMBER OF LOANS PAID IN FULL",
    ]


def test_label_broken_short_twice_above_its_value_line_is_one_label() -> None:
    """A label broken by hand over three lines, short of the column each time, with nothing to
    mark either upper line as a heading, is one label on its value line."""
    text = """<TABLE>
                                 2001        2000
<S>                             <C>         <C>
CURRENT WEIGHTED AVERAGE
MORTGAGE RATE:                   10.00753    9.58265
NEXT WEIGHTED
AVERAGE MORTGAGE
RATE:                            10.00437    9.58135
WEIGHTED AVERAGE TERM TO DATE    306.0       354.0
</TABLE>"""
    (table,) = read(text)
    assert labels(table) == [
        "CURRENT WEIGHTED AVERAGE MORTGAGE RATE:",
        "NEXT WEIGHTED AVERAGE MORTGAGE RATE:",
        "WEIGHTED AVERAGE TERM TO DATE",
    ]


def test_a_label_the_table_shows_whole_takes_no_tail() -> None:
    """The table repeats its group of rows: "LOANS IN POOL" stands whole on a value line of its
    own in the first group, and "SECOND GROUP BALANCE" whole too, so in the second group the
    line after "LOANS IN POOL" begins the next row, whose values are on its last line."""
    text = """<TABLE>
                                 2001        2000
<S>                             <C>         <C>
FIRST GROUP BALANCE              100         90
LOANS IN POOL                    12          11
SECOND GROUP BALANCE             200         190
LOANS IN POOL                    22          21
FIRST GROUP
BALANCE                          300         290
LOANS IN POOL                    32          31
SECOND GROUP
BALANCE                          400         390
LOANS IN POOL                    42          41
</TABLE>"""
    (table,) = read(text)
    assert labels(table) == [
        "FIRST GROUP BALANCE",
        "LOANS IN POOL",
        "SECOND GROUP BALANCE",
        "LOANS IN POOL",
        "FIRST GROUP BALANCE",
        "LOANS IN POOL",
        "SECOND GROUP BALANCE",
        "LOANS IN POOL",
    ]
    assert [c.value for c in table.rows[6].cells] == [Decimal("400"), Decimal("390")]


def test_lone_line_opening_a_block_heads_the_label_of_its_value_line() -> None:
    """Above the first value line of a block too, an unmarked line broken by hand short of the
    column ("Year ended") is the first line of that row's label, under the 'last' convention
    that the table shows ("Period from March 1, 2001 to" runs on)."""
    text = """<TABLE>
                                    2002        2001
<S>                                <C>         <C>
Year ended
December 31, 2002                   27.39       0.21
Period from March 1, 2001 to
December 31, 2001                   28.52       0.11
Year ended December 31, 2000        31.16       0.40
</TABLE>"""
    (table,) = read(text)
    assert labels(table) == [
        "Year ended December 31, 2002",
        "Period from March 1, 2001 to December 31, 2001",
        "Year ended December 31, 2000",
    ]


def test_label_lines_that_make_a_label_shown_whole_elsewhere_are_that_label() -> None:
    """Values on the first line of wrapped labels ("AMOUNTS WITHDRAWN FOR" / "taxes and fees"),
    but "NET LIQUIDATION" / "PROCEEDS" make the label the table shows whole on one line above:
    they are that label, its values on the last line."""
    text = """<TABLE>
                                 2001        2000
<S>                             <C>         <C>
AMOUNTS WITHDRAWN FOR            10          9
taxes and fees
OTHER AMOUNTS WITHDRAWN FOR      4           3
the trustee
INSURANCE PROCEEDS               1           1
NET LIQUIDATION PROCEEDS         5           4
CASH RECEIVED                    2           2
NET LIQUIDATION
PROCEEDS                         7           6
</TABLE>"""
    (table,) = read(text)
    assert labels(table) == [
        "AMOUNTS WITHDRAWN FOR taxes and fees",
        "OTHER AMOUNTS WITHDRAWN FOR the trustee",
        "INSURANCE PROCEEDS",
        "NET LIQUIDATION PROCEEDS",
        "CASH RECEIVED",
        "NET LIQUIDATION PROCEEDS",
    ]


def test_and_other_over_a_total_ends_its_label() -> None:
    """A label ending in "and other" is whole when the next line opens a label ("Total ...");
    over any other line it runs on, as "Interest and other" / "income, net" does."""
    text = """<TABLE>
                                   1993        1992
<S>                               <C>         <C>
Research and development           160,282     166,007
Restructuring costs and other      320,856     None
Total costs and expenses
.......                            1,759,507   1,804,828
Interest and other
income (expense), net              19,442      9,803
</TABLE>"""
    (table,) = read(text)
    assert labels(table) == [
        "Research and development",
        "Restructuring costs and other",
        "Total costs and expenses",
        "Interest and other income (expense), net",
    ]
