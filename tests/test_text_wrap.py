"""Wrapped row labels in plain-text fee tables: where one label ends and the next begins."""

from __future__ import annotations

from decimal import Decimal

from extractor.model import Document, Table
from extractor.text import read_text_tables


def read(text: str) -> list[Table]:
    return read_text_tables(Document(1, None, None, 1, text=text, text_line=1))


def rows(table: Table) -> list[tuple[str, list[Decimal | None]]]:
    return [(row.label, [cell.value for cell in row.cells]) for row in table.rows]


def D(text: str) -> Decimal:
    return Decimal(text)


VALUES_LAST_AFTER_MARKER = """\
<TABLE>
<S>                                        <C>         <C>
Management Fees                                  0.90        0.90
Other Expenses                                   0.95        0.73
Total Annual Fund Operating Expenses(2)          1.85        1.63
Fee waiver/expense reimbursement(3)            (0.38)      (0.25)
Total Annual Fund Operating Expenses
After Fee Waiver and/or Expense
Reimbursement                                    1.47        1.38
</TABLE>
"""


def test_label_ending_in_a_footnote_marker_ends_its_row() -> None:
    """A footnote marker follows the whole label: the label-only lines after the waiver row
    "...reimbursement(3)" are not its tail but the first lines of the net row below."""
    (table,) = read(VALUES_LAST_AFTER_MARKER)
    assert rows(table) == [
        ("Management Fees", [D("0.90"), D("0.90")]),
        ("Other Expenses", [D("0.95"), D("0.73")]),
        ("Total Annual Fund Operating Expenses(2)", [D("1.85"), D("1.63")]),
        ("Fee waiver/expense reimbursement(3)", [D("-0.38"), D("-0.25")]),
        (
            "Total Annual Fund Operating Expenses After Fee Waiver and/or Expense Reimbursement",
            [D("1.47"), D("1.38")],
        ),
    ]


HEADING_OVER_INDENTED_ITEMS = """\
<TABLE>
<S>                                               <C>
Management Fees                                            1.00
Distribution and/or Service (12b-1) Fees                   None
Other Expenses
  Shareholder Servicing Fees                               0.10
  Other Operating Expenses                                 0.14
Total Other Expenses                                       0.24
Total Annual Fund Operating Expenses                       1.24
</TABLE>
"""


def test_label_line_over_indented_items_is_a_heading_not_a_tail() -> None:
    """"Other Expenses" with its items indented under it is a heading row of its own, not
    the rest of the "Distribution ... Fees" row above."""
    (table,) = read(HEADING_OVER_INDENTED_ITEMS)
    assert rows(table) == [
        ("Management Fees", [D("1.00")]),
        ("Distribution and/or Service (12b-1) Fees", [None]),
        ("Other Expenses", [None]),
        ("Shareholder Servicing Fees", [D("0.10")]),
        ("Other Operating Expenses", [D("0.14")]),
        ("Total Other Expenses", [D("0.24")]),
        ("Total Annual Fund Operating Expenses", [D("1.24")]),
    ]


VALUES_FIRST = """\
<TABLE>
<S>                                        <C>         <C>
Maximum Sales Charge (Load) Imposed on          5.75        None
Purchases (as a percentage of offering
price)
Maximum Deferred Sales Charge (Load)(1)         None        1.00
Management Fees(2)                              0.50        0.50
Fee Waiver and/or Expense                      (0.10)      (0.10)
reimbursement(3)
Net Expenses                                    0.40        0.40
</TABLE>
"""


def test_values_on_the_first_line_keep_their_tails() -> None:
    """The other convention: values on a label's first line, the rest below; a marker at
    the end of a tail line ends it, and the next row starts after it."""
    (table,) = read(VALUES_FIRST)
    assert rows(table) == [
        (
            "Maximum Sales Charge (Load) Imposed on Purchases (as a percentage of offering price)",
            [D("5.75"), None],
        ),
        ("Maximum Deferred Sales Charge (Load)(1)", [None, D("1.00")]),
        ("Management Fees(2)", [D("0.50"), D("0.50")]),
        ("Fee Waiver and/or Expense reimbursement(3)", [D("-0.10"), D("-0.10")]),
        ("Net Expenses", [D("0.40"), D("0.40")]),
    ]


LESS_COLON = """\
<TABLE>
<S>                                           <C>           <C>
Management Fees                                      0.85          0.85
Distribution and/or Service (12b-1) Fees             0.25            --
Total Annual Fund Operating Expenses                 1.10          0.85
Less: Fee Waivers and Expense
Reimbursements                                     (0.30)        (0.30)
Net Annual Fund Operating Expenses                   0.80          0.55
</TABLE>
"""

TOTAL_AFTER_WAIVER = """\
<TABLE>
<S>                                                <C>
Management Fees                                             0.45
Distribution and/or Service (12b-1) Fees                    0.25
Total Annual Fund Operating Expenses                        0.70
Less: Fee Waivers and Expense Reimbursements              (0.01)
Total Annual Fund Operating Expenses After Fee
Waiver and/or Expense Reimbursement                         0.69
</TABLE>
"""


def test_less_colon_opens_a_new_label() -> None:
    """Values on the last line: a line opening with a capitalised word, a colon and more text
    ("Less: Fee Waivers") after a row is the first line of the next label."""
    (table,) = read(LESS_COLON)
    assert rows(table) == [
        ("Management Fees", [D("0.85"), D("0.85")]),
        ("Distribution and/or Service (12b-1) Fees", [D("0.25"), None]),
        ("Total Annual Fund Operating Expenses", [D("1.10"), D("0.85")]),
        ("Less: Fee Waivers and Expense Reimbursements", [D("-0.30"), D("-0.30")]),
        ("Net Annual Fund Operating Expenses", [D("0.80"), D("0.55")]),
    ]


def test_total_opens_a_new_label() -> None:
    """A line opening with "Total" after the waiver row starts the net row's label, whose
    values sit on its last line."""
    (table,) = read(TOTAL_AFTER_WAIVER)
    assert rows(table) == [
        ("Management Fees", [D("0.45")]),
        ("Distribution and/or Service (12b-1) Fees", [D("0.25")]),
        ("Total Annual Fund Operating Expenses", [D("0.70")]),
        ("Less: Fee Waivers and Expense Reimbursements", [D("-0.01")]),
        (
            "Total Annual Fund Operating Expenses After Fee Waiver and/or Expense Reimbursement",
            [D("0.69")],
        ),
    ]


FIRST_THEN_TOTAL = """\
<TABLE>
<S>                                           <C>           <C>
Management Fees                                      0.85          0.85
Fee Waiver and Expense Reimbursement               (0.10)        (0.10)
  (contractual, through April 30)
Total Annual Fund Operating Expenses After           0.75          0.75
  Fee Waiver
</TABLE>
"""


def test_total_row_after_a_tail_under_values_first() -> None:
    """Values on the first line, tails indented: the tail stays with its row and the
    "Total" row keeps its own tail."""
    (table,) = read(FIRST_THEN_TOTAL)
    assert rows(table) == [
        ("Management Fees", [D("0.85"), D("0.85")]),
        ("Fee Waiver and Expense Reimbursement (contractual, through April 30)", [D("-0.10"), D("-0.10")]),
        ("Total Annual Fund Operating Expenses After Fee Waiver", [D("0.75"), D("0.75")]),
    ]
