"""Rules found with ``benchmarks/validate_synth.py``, and a small run of its consistent documents."""

from __future__ import annotations

import copy
import random
import sys
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from extractor.checks import validate, validate_tables
from extractor.checks.costs import cumulative_costs, dollars
from extractor.classify import classify
from extractor.model import Finding, Row, Table
from extractor.values import parse_cell

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import validate_synth


def grid(columns: Sequence[str], rows: Sequence[tuple[str, Sequence[str]]], *, line: int = 10, table_id: str = "t1",
         context: str = "") -> Table:
    built = tuple(Row(line=line + 2 + i, label=label, cells=tuple(parse_cell(c) for c in cells))
                  for i, (label, cells) in enumerate(rows))
    return classify(Table(id=table_id, line=line, columns=tuple(columns), rows=built, context=context))


def serious(findings: list[Finding]) -> list[tuple[str, str, str]]:
    return [(f.check, f.severity, f.column) for f in findings if f.severity != "info"]


def other_with_parts(remainder: str) -> Table:
    return grid(["Class A"], [
        ("Management Fees", ["0.75%"]),
        ("Distribution and/or Service (12b-1) Fees", ["0.25%"]),
        ("Other Expenses", ["0.28%"]),
        ("Shareholder Servicing Fees", ["0.05%"]),
        ("Other Operating Expenses", [remainder]),
        ("Total Annual Fund Operating Expenses", ["1.28%"]),
    ])


def test_other_expenses_with_its_parts_and_a_remainder_line_is_consistent() -> None:
    assert serious(validate(other_with_parts("0.23%"))) == []


def test_a_remainder_that_breaks_the_breakdown_is_still_an_error() -> None:
    found = serious(validate(other_with_parts("0.33%")))
    assert ("component_sum", "error", "Class A") in found


def parts_above_total(total_other: str, gross: str = "1.42%") -> Table:
    """The rows a text reader gives when the "Other Expenses" heading joins the label above it."""
    return grid(["Class A"], [
        ("Management Fees", ["1.00%"]),
        ("Distribution and/or Service (12b-1) Fees Other Expenses", ["0.25%"]),
        ("Shareholder Servicing Fees", ["0.15%"]),
        ("Other Operating Expenses", ["0.02%"]),
        ("Total Other Expenses", [total_other]),
        ("Total Annual Fund Operating Expenses", [gross]),
    ])


def test_total_other_expenses_stands_for_the_lines_above_it() -> None:
    assert serious(validate(parts_above_total("0.17%"))) == []


def test_a_wrong_gross_total_under_a_breakdown_is_an_error() -> None:
    found = serious(validate(parts_above_total("0.17%", gross="1.52%")))
    assert found == [("component_sum", "error", "Class A")]


def net_without_waiver_row(net: str) -> list[Finding]:
    return validate(grid(["Class A"], [
        ("Management Fees", ["0.75%"]),
        ("Other Expenses", ["0.40%"]),
        ("Total Annual Fund Operating Expenses", ["1.15%"]),
        ("Net Expenses", [net]),
    ]))


def test_a_lower_net_total_without_a_waiver_row_is_a_warning() -> None:
    found = [(f.check, f.severity) for f in net_without_waiver_row("0.95%")]
    assert found == [("net_total", "warning")]  # nothing in the table to check the waiver against


def test_a_higher_net_total_without_a_recoupment_row_stays_a_warning() -> None:
    found = [(f.check, f.severity) for f in net_without_waiver_row("1.25%")]
    assert found == [("net_total", "warning")]


FIRST_YEAR = ("The Example assumes that you invest $10,000 for the time periods indicated. The Example reflects "
              "the fee waiver for the first year only.")


def test_first_year_only_waiver_prose_does_not_doubt_a_class_without_waiver() -> None:
    fees = grid(["Class A", "Class I"], [
        ("Management Fees", ["0.75%", "0.75%"]),
        ("Other Expenses", ["0.30%", "0.30%"]),
        ("Total Annual Fund Operating Expenses", ["1.05%", "1.05%"]),
        ("Fee Waiver and/or Expense Reimbursement", ["(0.10)%", "None"]),
        ("Total Annual Fund Operating Expenses After Fee Waiver", ["0.95%", "1.05%"]),
    ])
    example = grid(["1 Year", "3 Years", "5 Years", "10 Years"], [
        ("Class A", ["$97", "$324", "$570", "$1,275"]),
        ("Class I", ["$107", "$334", "$579", "$1,283"]),
    ], line=40, table_id="t2", context=FIRST_YEAR)
    assert serious(validate_tables([fees, example])) == []


def test_gross_total_missing_is_read_from_the_items_for_the_waiver_term() -> None:
    fees = grid(["Class A"], [
        ("Management Fees", ["0.75%"]),
        ("Other Expenses", ["0.30%"]),
        ("Fee Waiver and/or Expense Reimbursement", ["(0.10)%"]),
        ("Total Annual Fund Operating Expenses After Fee Waiver", ["0.95%"]),
    ])
    example = grid(["1 Year", "3 Years", "5 Years", "10 Years"], [("Class A", ["$97", "$324", "$570", "$1,275"])],
                   line=40, table_id="t2", context=FIRST_YEAR)
    assert serious(validate_tables([fees, example])) == []


def test_second_part_of_an_example_reads_the_prose_above_the_first() -> None:
    fees = grid(["Class A", "Class B"], [
        ("Maximum Sales Charge (Load) Imposed on Purchases", ["5.75%", "None"]),
        ("Maximum Deferred Sales Charge (Load)", ["None", "5.00%"]),
        ("Management Fees", ["0.65%", "0.65%"]),
        ("Distribution and/or Service (12b-1) Fees", ["0.25%", "1.00%"]),
        ("Other Expenses", ["0.28%", "0.24%"]),
        ("Total Annual Fund Operating Expenses", ["1.18%", "1.89%"]),
    ])
    prose = "Class B shares convert to Class A shares after eight years. If you sell your shares:"
    fund = validate_synth.Fund("F", [
        validate_synth.ShareClass("Class A", load=validate_synth.D("5.75"), gross=validate_synth.D("1.18"),
                                  true_gross=validate_synth.D("1.18"), net=validate_synth.D("1.18")),
        validate_synth.ShareClass("Class B", cdsc=validate_synth.D(5), schedule=validate_synth.B_SCHEDULE,
                                  gross=validate_synth.D("1.89"), true_gross=validate_synth.D("1.89"),
                                  net=validate_synth.D("1.89"), converts=True),
    ], validate_synth.D("0.65"), None, 1, "D", False, True)
    validate_synth.compute_example(fund)
    held = fund.example["Class B", False]
    sold_rows = [(f"{y} Years", [f"${fund.example['Class A', True][y]}", f"${fund.example['Class B', True][y]}"])
                 for y in (1, 3, 5, 10)]
    sold = grid(["Class A", "Class B"], sold_rows, line=40, table_id="t2", context=prose)
    kept = grid(["Class B"], [(f"{y} Years", [f"${held[y]}"]) for y in (1, 3, 5, 10)],
                line=60, table_id="t3", context="If you do not sell your shares:")
    assert serious(validate_tables([fees, sold, kept])) == []


def test_seeded_synthetic_documents_give_no_false_errors() -> None:
    """Consistent generated prospectuses: no error where the reader reads the tables right, and
    the planted inconsistencies are flagged."""
    errors, misread, flagged, tried = [], 0, 0, 0
    for index in range(40):
        rng = random.Random(f"3-{index}")
        fund = validate_synth.make_fund(rng, index)
        layout = validate_synth.random_layout(rng)
        filing = validate_synth.run(validate_synth.render(fund, layout))
        if validate_synth.misread(fund, layout, filing):
            misread += 1
            continue
        errors += [f for f in filing.findings if f.severity == "error"]
        base = {validate_synth.key(f) for f in filing.findings}
        for _, mutant in validate_synth.mutations(fund, random.Random(f"3-{index}-m")):
            tried += 1
            found = validate_synth.run(validate_synth.render(mutant, layout)).findings
            flagged += any(f.severity == "error" and validate_synth.key(f) not in base for f in found)
    assert errors == []
    assert misread <= 4
    assert flagged >= 0.93 * tried


def b_converting_to_a_with_a_first_year_waiver() -> list[Table]:
    """Class A waives fees in year 1 only; Class B has no waiver and converts to A after eight years,
    when A's waiver has long run out, so B's tenth year costs A's gross ratio."""
    fund = validate_synth.Fund("F", [
        validate_synth.ShareClass("Class A", load=validate_synth.D("5.75"), gross=validate_synth.D("1.40"),
                                  true_gross=validate_synth.D("1.40"), waiver=validate_synth.D("0.40"),
                                  net=validate_synth.D("1.00")),
        validate_synth.ShareClass("Class B", cdsc=validate_synth.D(5), schedule=validate_synth.B_SCHEDULE,
                                  gross=validate_synth.D("1.90"), true_gross=validate_synth.D("1.90"),
                                  net=validate_synth.D("1.90"), converts=True),
    ], validate_synth.D("0.65"), None, 1, "D", False, True)
    validate_synth.compute_example(fund)
    fees = grid(["Class A", "Class B"], [
        ("Maximum Sales Charge (Load) Imposed on Purchases", ["5.75%", "None"]),
        ("Maximum Deferred Sales Charge (Load)", ["None", "5.00%"]),
        ("Management Fees", ["0.65%", "0.65%"]),
        ("Distribution and/or Service (12b-1) Fees", ["0.25%", "1.00%"]),
        ("Other Expenses", ["0.50%", "0.25%"]),
        ("Total Annual Fund Operating Expenses", ["1.40%", "1.90%"]),
        ("Fee Waiver and/or Expense Reimbursement", ["(0.40)%", "None"]),
        ("Total Annual Fund Operating Expenses After Fee Waiver", ["1.00%", "1.90%"]),
    ])
    prose = FIRST_YEAR + " Class B shares convert to Class A shares after eight years."
    rows = [(f"{y} Years", [f"${fund.example['Class A', True][y]}", f"${fund.example['Class B', False][y]}"])
            for y in (1, 3, 5, 10)]
    return [fees, grid(["Class A", "Class B (if you do not sell)"], rows, line=40, table_id="t2", context=prose)]


def test_a_class_without_waiver_converts_to_the_gross_ratio_of_its_target() -> None:
    assert serious(validate_tables(b_converting_to_a_with_a_first_year_waiver())) == []


def test_second_part_of_an_example_uses_its_own_funds_fee_table() -> None:
    """Two funds in one prospectus; the second fund's example is printed in two parts. The second
    part takes the second fund's fee table only, not the first fund's net ratios."""
    first = grid(["Class C"], [
        ("Maximum Deferred Sales Charge (Load)", ["1.00%"]),
        ("Management Fees", ["0.45%"]), ("Distribution and/or Service (12b-1) Fees", ["1.00%"]),
        ("Other Expenses", ["0.24%"]), ("Total Annual Fund Operating Expenses", ["1.69%"]),
        ("Fee Waiver and/or Expense Reimbursement", ["(0.03)%"]),
        ("Total Annual Fund Operating Expenses After Fee Waiver", ["1.66%"]),
    ], line=10)
    first_example = grid(["Class C"], [(f"{y} Years", [v]) for y, v in zip(
        (1, 3, 5, 10), ("$269", "$530", "$916", "$1,997"), strict=True)], line=30, table_id="t2")
    second = grid(["Class C"], [
        ("Maximum Deferred Sales Charge (Load)", ["1.00%"]),
        ("Management Fees", ["0.55%"]), ("Distribution and/or Service (12b-1) Fees", ["1.00%"]),
        ("Other Expenses", ["0.50%"]), ("Total Annual Fund Operating Expenses", ["2.05%"]),
    ], line=50, table_id="t3")
    sold = grid(["Class C"], [(f"{y} Years", [v]) for y, v in zip(
        (1, 3, 5, 10), ("$308", "$643", "$1,103", "$2,379"), strict=True)], line=70, table_id="t4",
        context="If you sell your shares:")
    kept = grid(["Class C"], [(f"{y} Years", [v]) for y, v in zip(
        (1, 3, 5, 10), ("$208", "$643", "$1,103", "$2,379"), strict=True)], line=90, table_id="t5",
        context="If you do not sell your shares:")
    found = validate_tables([first, first_example, second, sold, kept])
    assert [f for f in found if f.table in ("t4", "t5") and f.severity != "info"] == []


def test_remainder_line_under_a_valued_other_expenses_row_is_its_second_component() -> None:
    table = other_with_parts("0.23%")
    assert [r.concept for r in table.rows][2:5] == [
        "OtherExpensesOverAssets", "Component1OtherExpensesOverAssets", "Component2OtherExpensesOverAssets",
    ]


def test_a_negative_amount_under_a_waiver_or_recoupment_label_is_a_waiver() -> None:
    def table(net: str) -> Table:
        return grid(["Investor Class"], [
            ("Management Fees", ["0.50%"]), ("Other Expenses", ["0.65%"]),
            ("Total Annual Fund Operating Expenses", ["1.15%"]),
            ("Expense (Waiver)/Recoupment", ["(0.01)%"]),
            ("Net Expenses", [net]),
        ])
    assert serious(validate(table("1.14%"))) == []
    assert serious(validate(table("1.16%"))) == [("net_total", "error", "Investor Class")]


def test_class_a_deferred_charge_for_large_purchases_is_not_in_the_example() -> None:
    """Class A prints "1.00%" (a footnote: on $1 million purchases bought without the load); the
    "if you sell" figures of a $10,000 investment pay the load only."""
    fees = grid(["Class A"], [
        ("Maximum Sales Charge (Load) Imposed on Purchases", ["5.75%"]),
        ("Maximum Deferred Sales Charge (Load)", ["1.00%(1)"]),
        ("Management Fees", ["0.75%"]), ("Other Expenses", ["0.30%"]),
        ("Total Annual Fund Operating Expenses", ["1.05%"]),
    ])
    costs = [dollars(c) for c in cumulative_costs([Decimal("1.05")] * 10, "D", Decimal("5.75"))]
    sold = grid(["1 Year", "3 Years", "5 Years", "10 Years"], [
        ("If you sell your shares:", ["", "", "", ""]),
        ("Class A", [f"${costs[y - 1]}" for y in (1, 3, 5, 10)]),
    ], line=40, table_id="t2")
    assert serious(validate_tables([fees, sold])) == []
    wrong = grid(["1 Year", "3 Years", "5 Years", "10 Years"], [
        ("If you sell your shares:", ["", "", "", ""]),
        ("Class A", [f"${costs[0] + 50}"] + [f"${costs[y - 1]}" for y in (3, 5, 10)]),
    ], line=40, table_id="t2")
    assert serious(validate_tables([fees, wrong])) == [("expense_example", "error", "1 Year")]


def test_one_class_fee_table_by_fee_type_takes_its_concepts_from_the_tags() -> None:
    """A single class as the only row of a table of fee types: the tags name the columns."""
    rng = random.Random("ix")
    fund = validate_synth.make_fund(rng, 1)
    fund.classes = fund.classes[:1]
    only = fund.classes[0]
    only.other = Decimal("0.30")
    only.subs = [("Shareholder Servicing Fees", Decimal("0.10")), ("Other Operating Expenses", Decimal("0.20"))]
    only.gross = only.true_gross = only.net = fund.mgmt + (only.dist or 0) + only.other + (fund.afe or 0)
    only.waiver = Decimal(0)
    validate_synth.compute_example(fund)
    layout = validate_synth.random_layout(rng)
    layout.html, layout.transposed_fees, layout.ixbrl = True, True, True
    filing = validate_synth.run(validate_synth.render(fund, layout))
    fees = filing.tables[0]
    assert fees.kind == "fees" and fees.column_concepts is not None
    tagged = [c.xbrl.concept.split(":")[1] for c in fees.rows[0].cells if c.xbrl is not None]
    assert [c for c in fees.column_concepts if c] == tagged
    assert [f for f in filing.findings if f.check == "xbrl_concept"] == []


def test_no_redemption_tags_under_a_do_not_sell_heading_row_fit() -> None:
    """Classes as rows under "If you do not sell your shares:": the period columns read as the
    redeemed concepts, and the rows' NoRedemption tags are what the heading says."""
    for seed in range(40):
        rng = random.Random(f"heading-{seed}")
        fund = validate_synth.make_fund(rng, seed)
        if not any(c.deferred for c in fund.classes):
            continue
        layout = validate_synth.random_layout(rng)
        layout.html, layout.ixbrl, layout.example_layout, layout.mode_headings = True, True, "rows", True
        filing = validate_synth.run(validate_synth.render(fund, layout))
        assert [f.message for f in filing.findings if f.check == "xbrl_concept"] == []
        break
    else:
        raise AssertionError("no fund with a deferred charge drawn")


def test_an_interest_line_after_other_expenses_and_its_items_is_a_line_of_its_own() -> None:
    def table(gross: str) -> Table:
        return grid(["Class A"], [
            ("Management Fees", ["0.55%"]), ("Distribution and/or Service (12b-1) Fees", ["0.25%"]),
            ("Other Expenses", ["0.56%"]), ("Shareholder Servicing Fees", ["0.10%"]),
            ("Other Operating Expenses", ["0.46%"]), ("Interest Expense on Borrowings", ["0.07%"]),
            ("Total Annual Fund Operating Expenses", [gross]),
        ])
    assert serious(validate(table("1.43%"))) == []
    assert serious(validate(table("1.44%"))) == [("component_sum", "warning", "Class A")]
    assert serious(validate(table("1.53%"))) == [("component_sum", "error", "Class A")]


def test_an_interest_line_read_as_an_item_with_a_rounded_total_is_a_rounding_warning() -> None:
    found = serious(validate(grid(["Class I"], [
        ("Management Fees", ["0.70%"]), ("Other Expenses", ["0.08%"]),
        ("Interest Expense on Borrowings", ["0.06%"]), ("Acquired Fund Fees and Expenses", ["0.08%"]),
        ("Total Annual Fund Operating Expenses", ["0.93%"]),
    ])))
    assert found == [("component_sum", "warning", "Class I")]


def test_an_unnamed_column_of_a_table_of_classes_by_fee_type_completes_the_sum() -> None:
    def table(gross: str) -> Table:
        return grid(["Management Fees", "Distribution and/or Service (12b-1) Fees", "Other Expenses",
                     "Interest Expense on Borrowings", "Total Annual Fund Operating Expenses"],
                    [("Class A", ["0.75%", "0.25%", "0.50%", "0.06%", gross])])
    assert table("1.56%").column_concepts is not None
    assert serious(validate(table("1.56%"))) == []
    assert serious(validate(table("1.66%"))) == [("component_sum", "error", "Total Annual Fund Operating Expenses")]


def test_tagged_two_period_example_with_redemption_sections_keeps_its_period_columns() -> None:
    """A new fund's example (1 and 3 years) with classes as rows under "if you sell" and "if you
    do not sell": the tags agree as much by row as by column, and the period headers decide."""
    for seed in range(60):
        rng = random.Random(f"new-{seed}")
        fund = validate_synth.make_fund(rng, seed)
        if not any(c.deferred for c in fund.classes) or len(fund.classes) < 2:
            continue
        fund.years = (1, 3)
        layout = validate_synth.random_layout(rng)
        layout.html, layout.ixbrl, layout.example_layout, layout.mode_headings = True, True, "rows", True
        layout.both_sections = True
        filing = validate_synth.run(validate_synth.render(fund, layout))
        example = next(t for t in filing.tables if t.kind == "expense_example")
        assert example.column_concepts == ("ExpenseExampleYear01", "ExpenseExampleYear03")
        assert [f.message for f in filing.findings if f.check in ("expense_example", "xbrl_concept")
                and f.severity != "info"] == []
        break
    else:
        raise AssertionError("no fund with a deferred charge drawn")


def era_document(index: int) -> tuple[validate_synth.Fund, validate_synth.Layout, bytes]:
    """Document ``index`` of seed 7 with the ``--era-traits`` of older prospectuses."""
    rng = random.Random(f"7-{index}")
    fund = validate_synth.make_fund(rng, index)
    layout = validate_synth.random_layout(rng)
    assert not layout.two_funds
    validate_synth.era_traits(layout, random.Random(f"7-{index}-era"))
    return fund, layout, validate_synth.render(fund, layout)


def test_documents_of_older_layouts_are_read_and_found_consistent() -> None:
    # 12: a cap "excluding interest" beside an interest expense line; 185 (text) and 146 (HTML): the
    # fee table going on into its example, 1990s total labels; 185 also notes marked (i), (ii)
    for index in (12, 146, 185):
        fund, layout, data = era_document(index)
        filing = validate_synth.run(data)
        assert [t.kind for t in filing.tables] == validate_synth.expected_kinds(fund, layout)
        assert not validate_synth.misread(fund, layout, filing)
        assert [f for f in filing.findings if f.severity != "info" and not validate_synth.planted([fund], f)] == []


def test_an_example_figure_changed_inside_a_fee_table_is_an_error() -> None:
    fund, layout, _ = era_document(185)
    assert layout.one_table
    mutant = copy.deepcopy(fund)
    mutant.example["Class C", True][3] += 30
    found = validate_synth.run(validate_synth.render(mutant, layout)).findings
    assert [(f.check, f.severity, f.row) for f in found if f.severity == "error"] == [
        ("expense_example", "error", "3 Years")]
