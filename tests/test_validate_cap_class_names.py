"""``expense_cap``: caps that name each class beside its own percentage.

Cap footnotes of real summary prospectuses pair each percentage with its class in the sentence
("do not exceed 0.52% for Class A Shares, 1.27% for Class C Shares, 0.29% for Institutional Class
Shares"), name classes by a word ("Investor Class and Financial Advantage Class ... exceed 0.10%
and 0.05%", "to the extent that" the expenses exceed them) or list them after a colon and
semicolons ("Investor Class shares: 1.10%; Institutional Class shares: 0.85%"), "cap" the
expenses "at" each percentage or "limit expenses to" them.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from extractor.checks import validate
from extractor.checks.caps import stated_caps
from extractor.classify import classify
from extractor.model import Footnote, Row, Table
from extractor.values import parse_cell

PAIRED = ("The adviser has contractually agreed to limit the fund's total operating expenses (excluding acquired fund "
          "fees and expenses) so that such expenses do not exceed 0.52% for Class A Shares, 1.27% for Class C Shares, "
          "0.29% for Institutional Class Shares and 0.22% for Class R6 Shares through February 1, 2027.")
RESPECTIVE = ("The adviser has contractually agreed to reimburse Investor Class and Financial Advantage Class of the "
              "fund to the extent that total operating expenses, as a percentage of their respective average net "
              "assets, exceed 0.10% and 0.05%. These arrangements will remain in effect through April 30, 2027.")
CAPPED_AT = ("The manager has contractually committed through August 31, 2026, to waive fees and/or reimburse "
             "expenses to the extent necessary to cap Total Annual Fund Operating Expenses After Fee Waiver at 0.77% "
             "for Class A, 1.52% for Class C, 0.40% for Class R6 and 0.45% for Institutional Class.")
LIMITED = ("The adviser is contractually obligated to limit expenses to 1.29%, 0.69%, 0.94%, and 1.09% for Class ADV, "
           "Class I, Class S, and Class S2 shares, respectively, through May 1, 2026.")
LISTED = ("The adviser has agreed to limit total annual fund operating expenses to the following levels: "
          "Investor Class shares: 1.10%; Institutional Class shares: 0.85%.")


@pytest.mark.parametrize(("note", "caps"), [
    (PAIRED, {"a": "0.52", "c": "1.27", "institutional": "0.29", "r6": "0.22"}),
    (RESPECTIVE, {"investor": "0.10", "financial advantage": "0.05"}),
    (LISTED, {"investor": "1.10", "institutional": "0.85"}),
    (CAPPED_AT, {"a": "0.77", "c": "1.52", "r6": "0.40", "institutional": "0.45"}),
    (LIMITED, {"adv": "1.29", "i": "0.69", "s": "0.94", "s2": "1.09"}),
])
def test_each_class_gets_its_own_cap(note: str, caps: dict[str, str]) -> None:
    assert stated_caps(note) == {name: Decimal(cap) for name, cap in caps.items()}


def fee_table(waiver: list[str], net: list[str], note: str) -> Table:
    rows = [("Management Fees", ["0.70%", "0.70%"]), ("Other Expenses", ["0.60%", "0.40%"]),
            ("Total Annual Fund Operating Expenses", ["1.30%", "1.10%"]),
            ("Fee Waiver and/or Expense Reimbursement", waiver), ("Net Expenses", net)]
    built = tuple(Row(line=12 + i, label=label, cells=tuple(parse_cell(c) for c in cells))
                  for i, (label, cells) in enumerate(rows))
    return classify(Table(id="t1", line=10, columns=("Investor Class", "Institutional Class"), rows=built,
                          footnotes=(Footnote("1", note),)))


def test_a_net_total_above_its_class_cap_is_a_warning() -> None:
    assert validate(fee_table(["(0.20)%", "(0.25)%"], ["1.10%", "0.85%"], LISTED)) == []
    found = validate(fee_table(["(0.20)%", "(0.15)%"], ["1.10%", "0.95%"], LISTED))
    assert [(f.check, f.severity, f.column, f.expected, f.found) for f in found] == [
        ("expense_cap", "warning", "Institutional Class", "0.85", "0.95")]
