"""Synthetic cases for every check: waivers, recoupments, sales loads, redemption variants, totals."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.checks import validate, validate_tables
from extractor.checks.caps import stated_caps
from extractor.checks.costs import cumulative_costs, dollars
from extractor.checks.schedules import cdsc_schedules
from extractor.classify import classify
from extractor.model import Finding, Footnote, Row, Table
from extractor.pipeline import extract
from extractor.values import parse_cell


def grid(columns: Sequence[str], rows: Sequence[tuple[str, Sequence[str]]], *, line: int = 10, table_id: str = "t1",
         caption: str = "", context: str = "", footnotes: Sequence[str] = ()) -> Table:
    """A classified table from label/cell texts; each row on its own line."""
    built = tuple(
        Row(line=line + 2 + i, label=label, cells=tuple(parse_cell(c) for c in cells))
        for i, (label, cells) in enumerate(rows)
    )
    notes = tuple(Footnote(str(i + 1), text) for i, text in enumerate(footnotes))
    return classify(Table(id=table_id, line=line, columns=tuple(columns), rows=built, caption=caption,
                          context=context, footnotes=notes))


def only(findings: list[Finding], check: str) -> list[Finding]:
    return [f for f in findings if f.check == check]


FEE_ROWS = [
    ("Management Fee", ["0.88 %", "0.88%", "0.88%"]),
    ("12b-1 Fees", ["None", "0.25%", "0.15%"]),
    ("Other Expenses", ["0.06 %", "0.07%", "0.07%"]),
    ("Total Annual Portfolio Operating Expense Before Expense Waiver/Repayment to Manager",
     ["0.94%", "1.20%", "1.10%"]),
    ("Contractual Expense (Waiver)/Repayment to Manager*", ["0.04%", "0.04%", "0.04%"]),
    ("Total Annual Portfolio Operating Expenses After Expense Waiver/Repayment to Manager#",
     ["0.98%", "1.24%", "1.14%"]),
]
CLASSES = ["Class A", "Class B", "Class E"]


def test_seed_like_fee_table_is_consistent_and_repayment_adds() -> None:
    table = grid(CLASSES, FEE_ROWS)
    assert table.kind == "fees"
    assert validate(table) == []


def test_component_sum_message_names_the_terms() -> None:
    rows = [r if r[0] != FEE_ROWS[3][0] else (r[0], ["0.94%", "1.21%", "1.10%"]) for r in FEE_ROWS]
    found = validate(grid(CLASSES, rows))
    assert len(found) == 1  # the net total still agrees with the components: only the total row is odd
    f = found[0]
    assert f.check == "component_sum"
    assert (f.severity, f.column, f.line, f.expected, f.found) == ("warning", "Class B", 15, "1.20", "1.21")
    assert f.message == "Class B: 0.88 + 0.25 + 0.07 = 1.20, but the total row shows 1.21"


def test_component_sum_error_beyond_rounding() -> None:
    rows = [r if r[0] != "Other Expenses" else (r[0], ["0.16 %", "0.07%", "0.07%"]) for r in FEE_ROWS]
    found = only(validate(grid(CLASSES, rows)), "component_sum")
    assert [(f.severity, f.column, f.expected, f.found) for f in found] == [("error", "Class A", "1.04", "0.94")]


def waiver_table(waiver_label: str, waiver: str, net: str) -> Table:
    return grid(["Class A"], [
        ("Management Fees", ["0.75%"]),
        ("Distribution and/or Service (12b-1) Fees", ["0.25%"]),
        ("Other Expenses", ["0.30%"]),
        ("Total Annual Fund Operating Expenses", ["1.30%"]),
        (waiver_label, [waiver]),
        ("Total Annual Fund Operating Expenses After Fee Waiver and/or Expense Reimbursement", [net]),
    ])


def test_waiver_reduces_whatever_its_notation() -> None:
    for written in ("(0.20)%", "-0.20%", "0.20%"):
        for label in ("Fee Waiver and/or Expense Reimbursement", "Less Fee Waiver", "Expense Reimbursement"):
            table = waiver_table(label, written, "1.10%")
            assert table.rows[4].concept == "FeeWaiverOrReimbursementOverAssets"
            assert validate(table) == [], (label, written)


def test_waiver_read_as_repayment_is_an_error() -> None:
    found = only(validate(waiver_table("Fee Waiver", "(0.20)", "1.50%")), "net_total")
    assert [(f.severity, f.expected, f.found) for f in found] == [("error", "1.10", "1.50")]
    assert "1.30 - 0.20 (reduction) = 1.10" in found[0].message


def test_recoupment_adds() -> None:
    assert validate(waiver_table("Recoupment of Previously Waived Fees", "0.05%", "1.35%")) == []
    found = only(validate(waiver_table("Recoupment", "0.05%", "1.25%")), "net_total")
    assert [(f.severity, f.expected) for f in found] == [("error", "1.35")]


def test_label_allowing_both_lets_the_arithmetic_decide() -> None:
    label = "Fee Waiver/Recoupment"
    assert validate(waiver_table(label, "0.05%", "1.35%")) == []
    assert validate(waiver_table(label, "0.05%", "1.25%")) == []
    found = only(validate(waiver_table(label, "0.05%", "1.31%")), "net_total")
    assert [(f.severity, f.expected, f.found) for f in found] == [("error", "1.35", "1.31")]
    assert "neither reading" in found[0].message


def test_other_expense_items_add_up_to_other_expenses() -> None:
    rows = [
        ("Management Fees", ["0.50%"]),
        ("Other Expenses", ["0.35%"]),
        ("Shareholder Servicing Fees", ["0.25%"]),
        ("Remaining Other Expenses", ["0.10%"]),
        ("Acquired Fund Fees and Expenses", ["0.02%"]),
        ("Total Annual Fund Operating Expenses", ["0.87%"]),
    ]
    table = grid(["Investor Shares"], rows)
    assert [r.concept for r in table.rows] == [
        "ManagementFeesOverAssets", "OtherExpensesOverAssets", "Component1OtherExpensesOverAssets",
        "Component2OtherExpensesOverAssets", "AcquiredFundFeesAndExpensesOverAssets", "ExpensesOverAssets",
    ]
    assert validate(table) == []
    rows[3] = ("Remaining Other Expenses", ["0.15%"])
    found = validate(grid(["Investor Shares"], rows))
    assert [(f.check, f.severity, f.row, f.expected, f.found) for f in found] == [
        ("component_sum", "error", "Other Expenses", "0.40", "0.35")]


def test_dashes_and_none_count_as_zero() -> None:
    table = grid(["Class A", "Class D"], [
        ("Management fee", ["0.75%", "0.75%"]),
        ("Distribution and service (12b-1) fees", ["0.25%", "--"]),
        ("Other expenses", ["0.27%", "None"]),
        ("Total annual Fund operating expenses", ["1.27%", "0.75%"]),
    ])
    assert validate(table) == []


def test_transposed_fee_table_is_checked_per_row() -> None:
    table = grid(["Management Fees", "12b-1 Fees", "Other Expenses", "Total Annual Fund Operating Expenses"], [
        ("Growth Fund", ["0.60%", "0.25%", "0.20%", "1.05%"]),
        ("Income Fund", ["0.50%", "0.25%", "0.20%", "0.90%"]),
    ])
    assert table.kind == "fees" and table.column_concepts is not None
    found = validate(table)
    assert [(f.check, f.severity, f.row, f.column, f.expected) for f in found] == [
        ("component_sum", "error", "Income Fund", "Total Annual Fund Operating Expenses", "0.95")]


SHAREHOLDER = [
    ("Maximum sales charge (load) imposed on purchases (as a percentage of offering price)",
     ["5.75%", "none", "none"]),
    ("Maximum deferred sales charge (load)", ["none", "5.00%", "1.00%"]),
]
OPERATING = [
    ("Management Fees", ["0.27%", "0.27%", "0.27%"]),
    ("Distribution and/or Service (12b-1) Fees", ["0.25%", "1.00%", "1.00%"]),
    ("Other Expenses", ["0.15%", "0.18%", "0.23%"]),
    ("Total Annual Fund Operating Expenses", ["0.67%", "1.45%", "1.50%"]),
]
EXAMPLE = [
    ("Class A", ["$640", "$777", "$927", "$1,362"]),
    ("Class B - assuming redemption", ["$648", "$859", "$992", "$1,523"]),
    ("Class B - assuming no redemption", ["$148", "$459", "$792", "$1,523"]),
    ("Class C - assuming redemption", ["$253", "$474", "$818", "$1,791"]),
    ("Class C - assuming no redemption", ["$153", "$474", "$818", "$1,791"]),
]
YEARS = ["ONE YEAR", "THREE YEARS", "FIVE YEARS", "TEN YEARS"]
CONVERSION = "Class B shares automatically convert to Class A shares after eight years."


def load_document(example_rows: Sequence[tuple[str, Sequence[str]]]) -> list[Table]:
    classes = ["CLASS A", "CLASS B", "CLASS C"]
    return [
        grid(classes, SHAREHOLDER, line=10, table_id="t1"),
        grid(classes, OPERATING, line=30, table_id="t2"),
        grid(YEARS, example_rows, line=50, table_id="t3", footnotes=[CONVERSION]),
    ]


def test_loads_cdsc_conversion_and_redemption_variants_match_method_d() -> None:
    tables = load_document(EXAMPLE)
    assert tables[2].kind == "expense_example"
    assert tables[2].column_concepts == ("ExpenseExampleYear01", "ExpenseExampleYear03", "ExpenseExampleYear05",
                                         "ExpenseExampleYear10")
    assert validate_tables(tables) == []


def test_changed_example_figure_is_an_error_at_that_cell() -> None:
    rows = list(EXAMPLE)
    rows[1] = ("Class B - assuming redemption", ["$648", "$869", "$992", "$1,523"])
    found = validate_tables(load_document(rows))
    assert [(f.check, f.severity, f.table, f.row, f.column, f.expected, f.found) for f in found] == [
        ("expense_example", "error", "t3", "Class B - assuming redemption", "THREE YEARS", "859", "869")]


def test_front_end_load_is_counted_as_a_cost() -> None:
    costs = cumulative_costs([Decimal("0.67")] * 10, "D", Decimal("5.75"))
    assert [dollars(costs[y - 1]) for y in (1, 3, 5, 10)] == [640, 777, 927, 1362]


def test_method_s_reproduces_the_seed_example() -> None:
    costs = cumulative_costs([Decimal("0.98")] * 10, "S")
    assert [dollars(costs[y - 1]) for y in (1, 3, 5, 10)] == [100, 314, 544, 1206]
    assert dollars(cumulative_costs([Decimal("0.98")] * 10, "D")[9]) == 1201


def test_years_as_rows_with_sold_and_held_headings() -> None:
    fees = grid(["CLASS A", "CLASS B", "CLASS C", "CLASS D"], [
        ("Maximum sales charge (load) imposed on purchases", ["5.25%", "None", "None", "None"]),
        ("Maximum deferred sales charge (load)", ["None", "5.00%", "1.00%", "None"]),
        ("Management fee", ["0.75%", "0.75%", "0.75%", "0.75%"]),
        ("Distribution and service (12b-1) fees", ["0.21%", "1.00%", "1.00%", "None"]),
        ("Other expenses", ["0.27%", "0.27%", "0.27%", "0.27%"]),
        ("Total annual Fund operating expenses", ["1.23%", "2.02%", "2.02%", "1.02%"]),
    ], table_id="t1")
    example = grid(["Class A", "Class B", "Class C", "Class D"], [
        ("If you sold your shares:", ["", "", "", ""]),
        ("1 Year", ["$644", "$705", "$305", "$104"]),
        ("3 Years", ["$895", "$934", "$634", "$325"]),
        ("5 Years", ["$1,165", "$1,288", "$1,088", "$563"]),
        ("10 Years", ["$1,935", "$2,348", "$2,348", "$1,248"]),
        ("If you held your shares:", ["", "", "", ""]),
        ("1 Year", ["$644", "$205", "$205", "$104"]),
        ("3 Years", ["$895", "$634", "$634", "$325"]),
        ("5 Years", ["$1,165", "$1,088", "$1,088", "$563"]),
        ("10 Years", ["$1,935", "$2,348", "$2,348", "$1,248"]),
    ], line=40, table_id="t2")
    assert [r.concept for r in example.rows][5:8] == [None, "ExpenseExampleNoRedemptionYear01",
                                                      "ExpenseExampleNoRedemptionYear03"]
    assert validate_tables([fees, example]) == []


def test_unmatched_class_is_info_and_order_is_checked() -> None:
    example = grid(["Class Z"], [("1 Year", ["$100"]), ("3 Years", ["$90"]), ("5 Years", ["$544"]),
                                 ("10 Years", ["$1,206"])])
    found = validate_tables([example])
    assert [(f.check, f.severity) for f in found] == [("expense_example", "info"), ("example_order", "error")]
    assert found[1].row == "3 Years" and found[1].found == "90"


def test_net_total_above_the_stated_cap_is_a_warning() -> None:
    note = ("The adviser has agreed to limit total annual fund operating expenses so that they do not exceed "
            "1.00% and 1.20% for Class A and Class C shares, respectively. Class C 12b-1 fees may not exceed 1.00%.")
    assert stated_caps(note) == {"a": Decimal("1.00"), "c": Decimal("1.20")}
    table = grid(["Class A", "Class C"], [
        ("Management Fees", ["0.80%", "0.80%"]),
        ("Distribution (12b-1) Fees", ["0.25%", "1.00%"]),
        ("Other Expenses", ["0.10%", "0.10%"]),
        ("Total Annual Fund Operating Expenses", ["1.15%", "1.90%"]),
        ("Fee Waiver", ["(0.10)%", "(0.70)%"]),
        ("Net Expenses", ["1.05%", "1.20%"]),
    ], footnotes=[note])
    found = validate(table)
    assert [(f.check, f.severity, f.column, f.expected, f.found) for f in found] == [
        ("expense_cap", "warning", "Class A", "1.00", "1.05")]


STATEMENT = [
    ("SCHEDULED PRINCIPAL RECEIVED", ["425,326.69", "141,631.39", "566,958.08"]),
    ("PREPAYMENTS & CURTAILMENTS", ["2,148,671.03", "2,100,834.01", "4,249,505.04"]),
    ("LESS: REALIZED LOSSES", ["0.00", "0.00", "0.00"]),
    ("TOTAL PRINCIPAL", ["2,573,997.72", "2,242,465.40", "4,816,463.12"]),
    ("SCHEDULED INTEREST", ["3,229,465.60", "2,058,385.87", "5,287,851.47"]),
    ("LESS: DELINQUENT INTEREST", ["(497,568.25)", "(340,438.75)", "(838,007.00)"]),
    ("LESS: SERVICING FEES", ["138,604.96", "90,976.28", "229,581.24"]),
    ("TOTAL INTEREST", ["2,593,292.39", "1,626,970.84", "4,220,263.23"]),
    ("TOTAL SOURCES", ["5,167,290.11", "3,869,436.24", "9,036,726.35"]),
]


def test_column_totals_with_less_rows_and_nested_totals_hold() -> None:
    table = grid(["FIXED GROUP", "ADJ GROUP", "TOTAL"], STATEMENT)
    assert table.kind == "other"
    assert validate(table) == []


def test_column_total_one_cent_off_is_a_warning_and_more_an_error() -> None:
    rows = list(STATEMENT)
    rows[3] = ("TOTAL PRINCIPAL", ["2,573,997.71", "2,242,465.40", "4,816,463.12"])
    rows[8] = ("TOTAL SOURCES", ["5,167,290.10", "3,869,436.24", "9,036,736.35"])
    found = validate(grid(["FIXED GROUP", "ADJ GROUP", "TOTAL"], rows))
    assert [(f.severity, f.row, f.column, f.expected, f.found) for f in found] == [
        ("warning", "TOTAL PRINCIPAL", "FIXED GROUP", "2573997.72", "2573997.71"),
        ("error", "TOTAL SOURCES", "TOTAL", "9036726.35", "9036736.35"),
    ]


def test_unrelated_total_row_of_selected_data_is_not_checked() -> None:
    table = grid(["1997", "1996", "1995"], [
        ("Net sales", ["$7,081", "$9,833", "$11,062"]),
        ("Net income (loss)", ["(1,045)", "(816)", "424"]),
        ("Cash and short-term investments", ["1,459", "1,745", "952"]),
        ("Total assets", ["4,233", "5,364", "6,231"]),
    ])
    assert table.kind == "other"
    assert validate(table) == []


def test_single_class_example_matches_an_unnamed_fee_column() -> None:
    fees = grid([""], [
        ("Management Fees", ["0.27%"]),
        ("Other Expenses", ["0.13%"]),
        ("Total Annual Fund Operating Expenses", ["0.40%"]),
    ], table_id="t1")
    example = grid(["Your costs"], [("1 year", ["$41"]), ("3 years", ["$128"]), ("5 years", ["$224"]),
                                    ("10 years", ["$505"])], line=40, table_id="t2")
    assert validate_tables([fees, example]) == []
    wrong = grid(["Your costs"], [("1 year", ["$41"]), ("3 years", ["$138"]), ("5 years", ["$224"]),
                                  ("10 years", ["$505"])], line=40, table_id="t2")
    found = validate_tables([fees, wrong])
    assert [(f.check, f.severity, f.expected, f.found) for f in found] == [("expense_example", "error", "128", "138")]


def test_funds_as_rows_are_matched_by_whole_name() -> None:
    fees = grid(["Management Fees", "12b-1 Fees", "Other Expenses", "Total Annual Fund Operating Expenses"], [
        ("Growth Fund", ["0.27%", "none", "0.13%", "0.40%"]),
        ("Growth and Income Fund", ["0.50%", "0.25%", "0.25%", "1.00%"]),
    ], table_id="t1")
    example = grid(["1 Year", "3 Years", "5 Years", "10 Years"], [
        ("Growth and Income Fund", ["$102", "$318", "$552", "$1,225"]),
        ("Growth Fund", ["$41", "$128", "$224", "$505"]),
    ], line=40, table_id="t2")
    assert validate_tables([fees, example]) == []


def test_lines_without_a_concept_may_complete_the_sum() -> None:
    table = grid(["Class A"], [
        ("Management Fees", ["0.75%"]),
        ("Dividend Expense on Short Sales", ["0.10%"]),
        ("Other Expenses", ["0.20%"]),
        ("Total Annual Fund Operating Expenses", ["1.05%"]),
    ])
    assert table.rows[1].concept is None
    assert validate(table) == []


def test_net_differing_from_gross_without_a_waiver_row_is_a_warning() -> None:
    table = grid(["Class A"], [
        ("Management Fees", ["0.75%"]),
        ("Other Expenses", ["0.20%"]),
        ("Total Annual Fund Operating Expenses", ["0.95%"]),
        ("Net Expenses", ["0.90%"]),
    ])
    assert [(f.check, f.severity) for f in validate(table)] == [("net_total", "warning")]


def waiver_example(figures: Sequence[str]) -> list[Table]:
    fees = grid(["Class A"], [
        ("Management Fees", ["1.00%"]),
        ("Other Expenses", ["0.30%"]),
        ("Total Annual Fund Operating Expenses", ["1.30%"]),
        ("Fee Waiver", ["(0.20)%"]),
        ("Net Expenses", ["1.10%"]),
    ], table_id="t1")
    example = grid(["Class A"], [(f"{y} Years", [v]) for y, v in zip((1, 3, 5, 10), figures, strict=True)],
                   line=40, table_id="t2")
    return [fees, example]


def test_waiver_in_the_first_year_only_and_in_every_year_are_both_accepted() -> None:
    first = cumulative_costs([Decimal("1.10")] + [Decimal("1.30")] * 9, "D")
    every = cumulative_costs([Decimal("1.10")] * 10, "D")
    first_figures = [f"${dollars(first[y - 1])}" for y in (1, 3, 5, 10)]
    every_figures = [f"${dollars(every[y - 1])}" for y in (1, 3, 5, 10)]
    assert first_figures != every_figures
    assert validate_tables(waiver_example(first_figures)) == []
    assert validate_tables(waiver_example(every_figures)) == []
    mixed = [*every_figures[:2], first_figures[2], f"${dollars(every[9]) + 40}"]
    found = validate_tables(waiver_example(mixed))
    assert [(f.check, f.severity, f.row) for f in found] == [
        ("expense_example", "error", "5 Years"), ("expense_example", "error", "10 Years")]


def test_average_rate_column_of_a_total_row_is_not_added() -> None:
    table = grid(["1997 AMOUNT", "1997 RATE", "1996 AMOUNT", "1996 RATE"], [
        ("Ten-year notes", ["300", "6.50", "300", "6.50"]),
        ("Convertible notes", ["661", "6.00", "661", "6.00"]),
        ("Other", ["3", "8.00", "3", "8.00"]),
        ("Total debt", ["964", "6.16", "964", "6.16"]),
    ])
    assert validate(table) == []
    wrong = grid(["1997 AMOUNT", "1997 RATE", "1996 AMOUNT", "1996 RATE"], [
        ("Ten-year notes", ["300", "6.50", "300", "6.50"]),
        ("Convertible notes", ["661", "6.00", "661", "6.00"]),
        ("Other", ["3", "8.00", "3", "8.00"]),
        ("Total debt", ["964", "6.16", "974", "6.16"]),
    ])
    assert validate(wrong) == []  # one summing column left: not enough to be sure what the total adds


def test_printed_cdsc_schedules_across_and_down() -> None:
    across = grid(["", "", "", "", "", ""], [
        ("CLASS B SHARES SOLD WITHIN YEAR", ["1", "2", "3", "4", "5", "6"]),
        ("CONTINGENT DEFERRED SALES CHARGE", ["5%", "4%", "4%", "3%", "2%", "1%"]),
    ], table_id="t4", line=80)
    down = grid(["CDSC AS A PERCENTAGE OF AMOUNT REDEEMED"], [
        ("First", ["5.0%"]), ("Second", ["4.0%"]), ("Third", ["3.0%"]), ("Fourth", ["2.0%"]),
        ("Fifth", ["2.0%"]), ("Sixth", ["1.0%"]), ("Seventh and thereafter", ["None"]),
    ], table_id="t5", line=90)
    assert cdsc_schedules([across]) == [{1: 5, 2: 4, 3: 4, 4: 3, 5: 2, 6: 1}]
    assert cdsc_schedules([down]) == [{1: 5, 2: 4, 3: 3, 4: 2, 5: 2, 6: 1, 7: 0, 8: 0, 9: 0, 10: 0}]
    rows = list(EXAMPLE)
    rows[1] = ("Class B - assuming redemption", ["$648", "$759", "$992", "$1,523"])  # 3% in year 3
    assert [f.column for f in validate_tables(load_document(rows))] == []
    found = validate_tables([*load_document(rows), across])
    assert [(f.severity, f.column, f.expected) for f in found] == [("error", "THREE YEARS", "859")]


def test_deferred_charge_cannot_rise_with_time() -> None:
    rows = list(EXAMPLE)
    rows[1] = ("Class B - assuming redemption", ["$648", "$459", "$992", "$1,523"])  # 0% in year 3, 2% in year 5
    found = validate_tables(load_document(rows))
    assert [(f.check, f.severity, f.column) for f in found] == [("expense_example", "error", "FIVE YEARS")]
    assert "only decline" in found[0].message


WAIVER_FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "validate-waiver-first-year.txt"


def fixture_findings(tmp_path: Path, *changes: tuple[str, str]) -> list[Finding]:
    text = WAIVER_FIXTURE.read_text()
    for old, new in changes:
        assert old in text
        text = text.replace(old, new)
    copy = tmp_path / WAIVER_FIXTURE.name
    copy.write_text(text)
    return list(extract(copy).findings)


def test_fixture_with_first_year_waiver_loads_and_cdsc_is_consistent(tmp_path: Path) -> None:
    assert fixture_findings(tmp_path) == []
    silent = fixture_findings(tmp_path, ("The Example reflects the fee waiver for the\nfirst year only.", ""))
    assert silent == []


def test_fixture_figure_changed_is_an_error_at_its_cell(tmp_path: Path) -> None:
    found = fixture_findings(tmp_path, ("$983", "$993"))
    assert [(f.check, f.severity, f.line, f.row, f.column, f.expected, f.found) for f in found] == [
        ("expense_example", "error", 49, "Class A", "3 YEARS", "983", "993")]


def test_fixture_waiver_every_year_against_the_text_is_a_warning(tmp_path: Path) -> None:
    all_years = ("$983     $1,291    $2,165", "$949     $1,222    $1,999")
    found = fixture_findings(tmp_path, all_years)
    assert [(f.severity, f.column) for f in found] == [("warning", "3 YEARS"), ("warning", "5 YEARS"),
                                                      ("warning", "10 YEARS")]
    assert fixture_findings(tmp_path, all_years, ("The Example reflects the fee waiver for the\nfirst year only.",
                                                  "")) == []


def with_class(table: Table, class_ids: Sequence[str]) -> Table:
    return dataclasses.replace(table, column_classes=tuple(class_ids))


def test_inline_xbrl_class_ids_match_classes_whatever_their_headers() -> None:
    fees = with_class(grid(["Investor", "Advisor"], [
        ("Management Fees", ["0.27%", "0.50%"]),
        ("Other Expenses", ["0.13%", "0.50%"]),
        ("Total Annual Fund Operating Expenses", ["0.40%", "1.00%"]),
    ], table_id="t1"), ["C000000001", "C000000002"])
    example = with_class(grid(["Shares of the first kind", "Shares of the second kind"], [
        ("1 Year", ["$41", "$102"]), ("3 Years", ["$128", "$318"]), ("5 Years", ["$224", "$552"]),
        ("10 Years", ["$505", "$1,225"]),
    ], line=40, table_id="t2"), ["C000000001", "C000000002"])
    assert validate_tables([fees, example]) == []
    swapped = with_class(example, ["C000000002", "C000000001"])
    assert {f.severity for f in validate_tables([fees, swapped])} == {"error"}


def test_waiver_without_a_net_row_is_info() -> None:
    table = grid(["Class A"], [
        ("Management Fees", ["0.75%"]),
        ("Other Expenses", ["0.20%"]),
        ("Total Annual Fund Operating Expenses", ["0.95%"]),
        ("Fee Waiver", ["(0.10)%"]),
    ])
    found = validate(table)
    assert [(f.check, f.severity, f.row) for f in found] == [("net_total", "info", "Fee Waiver")]


LABELS = [label for label, _ in FEE_ROWS + SHAREHOLDER + OPERATING] + [
    "1 Year", "3 Years", "5 Years", "10 Years", "Total", "TOTALS", "LESS: FEES", "Fee Waiver/Recoupment", "",
    "Class B - assuming redemption", "CONTINGENT DEFERRED SALES CHARGE", "First", "Seventh and thereafter",
]
CELLS = st.one_of(
    st.sampled_from(["", "None", "--", "N/A", "(0.10)%", "-0.20", "0.25%", "$1,206", "1e3", "(12,345.67)"]),
    st.decimals(min_value=-10**40, max_value=10**40, allow_nan=False, allow_infinity=False, places=2).map(str),
)


@given(st.lists(st.tuples(st.integers(1, 4), st.lists(st.tuples(st.sampled_from(LABELS),
                                                                st.lists(CELLS, min_size=3, max_size=3)),
                                                      min_size=1, max_size=8)), min_size=1, max_size=4),
       st.sampled_from([(), ("Class A", "Class B", "Class C"), ("1 Year", "3 Years", "10 Years")]))
@settings(max_examples=150, deadline=None)
def test_any_tables_give_findings_about_their_own_cells(tables: list[tuple[int, list[tuple[str, list[str]]]]],
                                                        columns: tuple[str, ...]) -> None:
    built = [grid(columns or ("", "", ""), rows, line=100 * i + 1, table_id=f"t{i}")
             for i, (_, rows) in enumerate(tables, 1)]
    for found in validate_tables(built):
        table = next(t for t in built if t.id == found.table)
        assert found.severity in ("error", "warning", "info")
        assert any(row.line == found.line for row in table.rows)


def test_class_headings_over_year_rows_start_their_own_series() -> None:
    fees = grid(["Class A", "Class C"], [
        ("Maximum sales charge (load) imposed on purchases", ["5.75%", "none"]),
        ("Management Fees", ["0.27%", "0.27%"]), ("Distribution (12b-1) Fees", ["0.25%", "1.00%"]),
        ("Other Expenses", ["0.15%", "0.23%"]), ("Total Annual Fund Operating Expenses", ["0.67%", "1.50%"]),
    ], table_id="t1")
    example = grid(["Your costs"], [
        ("Class A shares", [""]), ("1 Year", ["$640"]), ("3 Years", ["$777"]), ("5 Years", ["$927"]),
        ("10 Years", ["$1,362"]),
        ("Class C shares", [""]), ("1 Year", ["$153"]), ("3 Years", ["$474"]), ("5 Years", ["$818"]),
        ("10 Years", ["$1,791"]),
    ], line=40, table_id="t2")
    assert validate_tables([fees, example]) == []


def one_class_document(fee_rows: Sequence[tuple[str, Sequence[str]]], figures: Sequence[str], *,
                       context: str = "", example_columns: Sequence[str] = ("1 YEAR", "3 YEARS", "5 YEARS",
                                                                            "10 YEARS")) -> list[Table]:
    fees = grid(["CLASS A"], fee_rows, table_id="t1")
    example = grid(example_columns, [("Class A Shares", figures)], line=40, table_id="t2", context=context)
    return [fees, example]


LOADED_FEES = [
    ("Maximum Sales Charge Imposed on Purchases (as a percentage of offering price)", ["4.75%"]),
    ("Management Fees", [".60%"]),
    ("12b-1 Fees", [".25%"]),
    ("Other Expenses", [".22%"]),
    ("Total Fund Operating Expenses", ["1.07%"]),
]
ON_1000 = ("EXAMPLE: You would pay the following expenses on a $1,000 investment, assuming (1) a 5% annual "
           "return and (2) redemption at the end of each time period:")


def test_pre_1998_example_on_a_1000_investment() -> None:
    costs = cumulative_costs([Decimal("1.07")] * 10, "S", Decimal("4.75"), Decimal(1000))
    assert [dollars(costs[y - 1]) for y in (1, 3, 5, 10)] == [58, 80, 104, 172]
    assert validate_tables(one_class_document(LOADED_FEES, ["$58", "$80", "$104", "$172"], context=ON_1000)) == []
    silent = one_class_document(LOADED_FEES, ["$58", "$80", "$104", "$172"])
    assert validate_tables(silent) == []  # nothing says which amount: both are tried
    found = validate_tables(one_class_document(LOADED_FEES, ["$58", "$90", "$104", "$172"], context=ON_1000))
    assert [(f.severity, f.column, f.expected, f.found) for f in found] == [("error", "3 YEARS", "80", "90")]
    assert "$1,000 at 5%" in found[0].message
    per_1000 = one_class_document(LOADED_FEES, ["$58", "$80", "$104", "$172"],
                                  example_columns=["PER $1,000 1 YEAR", "3 YEARS", "5 YEARS", "10 YEARS"])
    assert validate_tables(per_1000) == []


ETF_FEES = [
    ("Management Fee", ["0.40%"]),
    ("Other Expenses", ["0.08%"]),
    ("Total Annual Fund Operating Expenses", ["0.48%"]),
]


def test_figures_within_the_rounding_of_the_printed_ratio_are_fine() -> None:
    low = cumulative_costs([Decimal("0.475")] * 10, "S")
    high = cumulative_costs([Decimal("0.485")] * 10, "S")
    assert (dollars(low[9]), dollars(high[9])) == (599, 611)
    assert validate_tables(one_class_document(ETF_FEES, ["$49", "$154", "$269", "$611"])) == []
    for changed, column in (("$621", "10 YEARS"), ("$591", "10 YEARS")):
        found = validate_tables(one_class_document(ETF_FEES, ["$49", "$154", "$269", changed]))
        assert [(f.severity, f.column) for f in found] == [("error", column)]
    found = validate_tables(one_class_document(ETF_FEES, ["$49", "$164", "$269", "$605"]))
    assert [(f.severity, f.column, f.expected) for f in found] == [("error", "3 YEARS", "154")]


CONVERTING = [
    ("Management fees", ["0.50%", "0.50%"]),
    ("Distribution and/or service (12b-1) fees", ["0.25%", "1.00%"]),
    ("Other expenses", ["0.30%", "0.30%"]),
    ("Total annual fund operating expenses", ["1.05%", "1.80%"]),
]


def conversion_document(ten_years: str, context: str) -> list[Table]:
    shareholder = grid(["Class A", "Class B"], [
        ("Maximum sales charge (load) imposed on purchases (as a percentage of offering price)", ["5.75%", "None"]),
        ("Maximum deferred sales charge (load) (as a percentage of original purchase price)", ["None", "5.00%"]),
    ], table_id="t1", line=2)
    operating = grid(["Class A", "Class B"], CONVERTING, table_id="t2", line=8)
    example = grid(["1 Year", "3 Years", "5 Years", "10 Years"], [
        ("If you do not sell your shares:", ["", "", "", ""]),
        ("Class B", ["$183", "$566", "$975", ten_years]),
    ], table_id="t3", line=20, context=context)
    return [shareholder, operating, example]


def test_class_b_conversion_stated_in_the_prose_before_the_example() -> None:
    said = "Class B shares convert to Class A shares after eight years. If you do not sell your shares:"
    d_costs = cumulative_costs([Decimal("1.80")] * 8 + [Decimal("1.05")] * 2, "D")
    assert dollars(d_costs[9]) == 1919
    assert validate_tables(conversion_document("$1,919", said)) == []
    found = validate_tables(conversion_document("$1,929", said))  # only method S with conversion gives it
    assert [(f.severity, f.column) for f in found] == [("warning", "10 Years")]
    assert "method S" in found[0].message
    silent = validate_tables(conversion_document("$1,919", ""))  # the usual conversion, not stated
    assert [(f.severity, f.column) for f in silent] == [("warning", "10 Years")]
    assert [f.severity for f in validate_tables(conversion_document("$1,979", said))] == ["error"]


NO_SHAREHOLDER_TABLE = [
    ("Management Fees", ["0.40%"]),
    ("Distribution (Rule 12b-1) Fees", ["0.25"]),
    ("Other Expenses", ["0.54"]),
    ("Total Annual Fund Operating Expenses", ["1.19"]),
]


def test_a_load_no_table_states_makes_the_class_unjudgeable() -> None:
    costs = cumulative_costs([Decimal("1.19")] * 10, "D", Decimal("5.25"))
    figures = [f"{dollars(costs[y - 1])}" for y in (1, 3, 5, 10)]
    found = validate_tables(one_class_document(NO_SHAREHOLDER_TABLE, figures))
    assert [(f.severity, f.column) for f in found] == [("info", "1 YEAR")]
    assert "5.25%" in found[0].message
    plain = cumulative_costs([Decimal("1.19")] * 10, "D")
    no_load = [f"{dollars(plain[y - 1])}" for y in (1, 3, 5, 10)]
    assert validate_tables(one_class_document(NO_SHAREHOLDER_TABLE, no_load)) == []
    no_load[0] = str(int(no_load[0]) + 30)
    found = validate_tables(one_class_document(NO_SHAREHOLDER_TABLE, no_load))
    assert [(f.severity, f.column) for f in found] == [("error", "1 YEAR")]


def test_unstated_deferred_charges_of_a_redeemed_series_are_info() -> None:
    operating = grid(["Class C"], [("Management Fees", ["0.40%"]), ("Distribution (12b-1) Fees", ["1.00%"]),
                                   ("Other Expenses", ["0.29%"]), ("Total Annual Fund Operating Expenses", ["1.69%"])],
                     table_id="t1")
    costs = cumulative_costs([Decimal("1.69")] * 10, "D")
    figures = [dollars(costs[y - 1]) for y in (1, 3, 5, 10)]
    example = grid(["1 Year", "3 Years", "5 Years", "10 Years"],
                   [("Class C", [f"${figures[0] + 100}", *(f"${v}" for v in figures[1:])])],
                   line=40, table_id="t2", caption="If you sell your shares, your cost would be:")
    found = validate_tables([operating, example])
    assert [(f.severity, f.column) for f in found] == [("info", "1 Year")]
    assert "deferred sales charges of 1%" in found[0].message


def test_no_redemption_heading_row_over_years_as_columns() -> None:
    tables = conversion_document("$1,919", "Class B shares convert to Class A shares after eight years.")
    assert tables[2].column_concepts == tuple(f"ExpenseExampleNoRedemptionYear{y:02d}" for y in (1, 3, 5, 10))
    mixed = grid(["1 Year", "3 Years", "5 Years", "10 Years"], [
        ("If you sell your shares:", ["", "", "", ""]),
        ("Class B", ["$683", "$866", "$1,175", "$1,919"]),
        ("If you do not sell your shares:", ["", "", "", ""]),
        ("Class B", ["$183", "$566", "$975", "$1,919"]),
    ], table_id="t3", line=20, context="Class B shares convert to Class A shares after eight years.")
    assert validate_tables([*tables[:2], mixed]) == []


def test_tax_line_after_other_expenses_is_counted_not_a_sub_item() -> None:
    rows = [
        ("Management Fees", ["0.75%"]),
        ("Other Expenses", ["0.27%"]),
        ("Deferred Income Tax Expense", ["2.50%"]),
        ("Total Annual Fund Operating Expenses", ["3.52%"]),
    ]
    table = grid(["Class A"], rows)
    assert [r.concept for r in table.rows] == ["ManagementFeesOverAssets", "OtherExpensesOverAssets", None,
                                               "ExpensesOverAssets"]
    assert validate(table) == []
    rows[3] = ("Total Annual Fund Operating Expenses", ["3.62%"])
    found = validate(grid(["Class A"], rows))
    assert [(f.check, f.severity, f.found) for f in found] == [("component_sum", "error", "3.62")]


def test_items_after_waivers_are_added_up() -> None:
    rows = [("Management Fees (after waiver)", [".20%"]), ("Other Expenses (after reimbursement)", [".15%"]),
            ("Total Fund Operating Expenses", [".35%"])]
    assert validate(grid(["CLASS A"], rows)) == []
    rows[2] = ("Total Fund Operating Expenses", [".45%"])
    found = validate(grid(["CLASS A"], rows))
    assert [(f.check, f.severity, f.expected) for f in found] == [("component_sum", "error", "0.35")]


def test_example_with_bare_year_labels_is_checked() -> None:
    fees = grid(["P", "Q"], [("Management fee", ["0.50", "0.50"]), ("Other expenses", ["0.30", "0.20"]),
                             ("Total annual fund operating expenses", ["0.80", "0.70"])], table_id="t1")
    rows = [("1", ["$82", "$72"]), ("3", ["255", "224"]), ("5", ["444", "390"]), ("10", ["990", "871"])]
    assert validate_tables([fees, grid(["P", "Q"], rows, line=40, table_id="t2")]) == []
    rows[2] = ("5", ["444", "370"])
    found = validate_tables([fees, grid(["P", "Q"], rows, line=40, table_id="t2")])
    assert [(f.check, f.severity, f.row, f.column) for f in found] == [("expense_example", "error", "5", "Q")]


def test_sum_with_a_tax_line_one_cent_off_is_a_warning_naming_the_line() -> None:
    found = validate(grid(["Class A"], [
        ("Management Fees", ["0.75%"]),
        ("Other Expenses", ["0.27%"]),
        ("Deferred Income Tax Expense", ["2.50%"]),
        ("Total Annual Fund Operating Expenses", ["3.53%"]),
    ]))
    assert [(f.check, f.severity, f.expected, f.found) for f in found] == [("component_sum", "warning", "3.52", "3.53")]
    assert "'Deferred Income Tax Expense' 2.50" in found[0].message


FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
FIGURE = re.compile(r"(?<=[\s>$])\d{1,3}(?:,\d{3})*(?=[\s<]|$)")


def example_figures(path: Path) -> list[tuple[str, int, int, str]]:
    """(table id, line, character position of the tens digit, column header) of every example figure."""
    lines = path.read_text().split("\n")
    out = []
    for table in extract(path).tables:
        if table.kind != "expense_example":
            continue
        for row in table.rows:
            text = lines[row.line - 1]
            label_end = text.find(row.label) + len(row.label) if row.label else 0
            tokens = [m for m in FIGURE.finditer(text) if m.start() >= label_end]
            columns = [j for j, c in enumerate(row.cells) if c.value is not None]
            assert len(tokens) == len(columns), (row.line, text)
            for m, j in zip(tokens, columns, strict=True):
                digits = [m.start() + i for i, ch in enumerate(m.group()) if ch.isdigit()]
                out.append((table.id, row.line, digits[-2], table.columns[j]))
    return out


@pytest.mark.parametrize(("name", "kinds"), [
    ("validate-1990s-thousand.txt", ["fees", "other", "expense_example", "expense_example"]),
    ("validate-example-layouts.html", ["fees", "fees", "expense_example", "expense_example"]),
])
def test_fixture_of_older_and_html_layouts_is_consistent(name: str, kinds: list[str]) -> None:
    filing = extract(FIXTURES / name)
    assert [t.kind for t in filing.tables] == kinds
    examples = [t for t in filing.tables if t.kind == "expense_example"]
    concepts = [t.column_concepts or tuple(r.concept for r in t.rows) for t in examples]
    assert concepts == [tuple(f"ExpenseExample{mode}Year{y:02d}" for y in (1, 3, 5, 10))
                        for mode in ("", "NoRedemption")]
    assert filing.findings == ()


@pytest.mark.parametrize("name", ["validate-1990s-thousand.txt", "validate-example-layouts.html"])
def test_every_changed_tens_digit_of_the_fixture_examples_is_an_error(name: str, tmp_path: Path) -> None:
    path = FIXTURES / name
    lines = path.read_text().split("\n")
    cases = example_figures(path)
    assert len(cases) == 16
    for table_id, line, at, column in cases:
        changed = list(lines)
        text = changed[line - 1]
        digit = (int(text[at]) + 3) % 10
        if digit == 0 and not text[at - 1].isdigit():
            digit = 1  # "$07" is no number at all
        changed[line - 1] = text[:at] + str(digit) + text[at + 1:]
        copy = tmp_path / name
        copy.write_text("\n".join(changed))
        mine = [f for f in extract(copy).findings if f.table == table_id and f.check == "expense_example"]
        where = f"line {line} column {column}: {changed[line - 1].strip()}"
        assert [(f.line, f.column, f.severity) for f in mine] == [(line, column, "error")], (where, mine)


@pytest.mark.parametrize("said", [
    "Class B shares automatically convert to Class A shares approximately eight years after purchase.",
    "Class B shares convert to Class A shares in the month of the 8th anniversary of purchase.",
    "Class B shares convert to Class A shares at the end of the eighth year.",
])
def test_conversion_periods_in_other_wordings(said: str) -> None:
    assert validate_tables(conversion_document("$1,919", said)) == []


def test_a_1000_dollar_minimum_nearby_does_not_fix_the_basis() -> None:
    figures = ["$49", "$154", "$269", "$605"]
    minimum = "Your costs would be: The minimum initial investment is $1,000."
    assert validate_tables(one_class_document(ETF_FEES, figures, context=minimum)) == []
    found = validate_tables(one_class_document(ETF_FEES, ["$49", "$184", "$269", "$605"], context=minimum))
    assert [(f.severity, f.column, f.expected) for f in found] == [("error", "3 YEARS", "154")]
