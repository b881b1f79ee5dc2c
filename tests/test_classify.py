"""The classifier on label wordings real fee tables use, and on tables that must stay "other"."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import pytest

from extractor.classify import classify, fee_concept, period_years, redemption_mode
from extractor.model import Cell, Row, Table, XbrlFact
from extractor.values import parse_cell


def table(columns: Sequence[str], rows: Sequence[tuple[str, Sequence[str]]], caption: str = "") -> Table:
    built = tuple(Row(line=i + 1, label=label, cells=tuple(parse_cell(c) for c in cells))
                  for i, (label, cells) in enumerate(rows))
    return classify(Table(id="t1", line=1, columns=tuple(columns), rows=built, caption=caption))


@pytest.mark.parametrize(("label", "concept"), [
    ("Maximum Sales Charge (Load) Imposed on Purchases (as a percentage of offering price)",
     "MaximumSalesChargeImposedOnPurchasesOverOfferingPrice"),
    ("Sales Charge (Load) Imposed on Purchases", "MaximumSalesChargeImposedOnPurchasesOverOfferingPrice"),
    ("Maximum sales charge imposed on reinvested dividends",
     "MaximumSalesChargeOnReinvestedDividendsAndDistributionsOverOther"),
    ("Maximum deferred sales charge", "MaximumDeferredSalesChargeOverOfferingPrice"),
    ("Maximum Deferred Sales Charge (Load) (as a percentage of original purchase price or redemption proceeds, "
     "whichever is lower)", "MaximumDeferredSalesChargeOverOfferingPrice"),
    ("Maximum contingent deferred sales charge (as a percentage of redemption proceeds)",
     "MaximumDeferredSalesChargeOverOther"),
    ("Redemption or exchange fees", "RedemptionFeeOverRedemption"),
    ("Redemption Fee (as a percentage of amount redeemed)/1/", "RedemptionFeeOverRedemption"),
    ("Exchange Fee", "ExchangeFee"),
    ("Account Service Fee (for fund account balances below $10,000)", "MaximumAccountFee"),
    ("Maximum Account Fee", "MaximumAccountFee"),
    ("Purchase Fee", "ShareholderFeeOther"),
    ("Management Fee", "ManagementFeesOverAssets"),
    ("Investment Advisory Fees", "ManagementFeesOverAssets"),
    ("12b-1 Fees", "DistributionAndService12b1FeesOverAssets"),
    ("Distribution and/or Service (12b-1) Fees/1/", "DistributionAndService12b1FeesOverAssets"),
    ("Distribution (non-12b-1) fees", "DistributionOrSimilarNon12b1FeesOverAssets"),
    ("Other Expenses*", "OtherExpensesOverAssets"),
    ("Shareholder Servicing Fees", "OtherExpensesOverAssets"),
    ("Acquired Fund Fees and Expenses", "AcquiredFundFeesAndExpensesOverAssets"),
    ("Total Annual Fund Operating Expenses", "ExpensesOverAssets"),
    ("Total Annual Portfolio Operating Expense Before Expense Waiver/Repayment to Manager", "ExpensesOverAssets"),
    ("Total Annual Fund Operating Expenses After Fee Waiver and/or Expense Reimbursement", "NetExpensesOverAssets"),
    ("Net Annual Fund Operating Expenses", "NetExpensesOverAssets"),
    ("Total Annual Fund Operating Expenses Less Fee Waivers and/or Expense Reimbursements", "NetExpensesOverAssets"),
    ("Total annual operating expenses net of expense limitation", "NetExpensesOverAssets"),
    ("Less Fee Waiver", "FeeWaiverOrReimbursementOverAssets"),
    ("Expense Reimbursement", "FeeWaiverOrReimbursementOverAssets"),
    ("Recoupment", "FeeWaiverOrReimbursementOverAssets"),
    ("Contractual Expense (Waiver)/Repayment to Manager*", "FeeWaiverOrReimbursementOverAssets"),
    ("Fee Waiver and/or Expense Reimbursement . . . . . . .", "FeeWaiverOrReimbursementOverAssets"),
    ("Total costs and expenses", None),
    ("Interest and other income (expense), net", None),
    ("Ratio of expenses to average net assets", None),
])
def test_fee_concepts_from_labels(label: str, concept: str | None) -> None:
    assert fee_concept(label) == concept


@pytest.mark.parametrize(("text", "years"), [
    ("1 Year", 1), ("3 Years", 3), ("ONE YEAR", 1), ("TEN YEARS", 10), ("IF YOU SOLD YOUR SHARES: 5 YEARS", 5),
    ("Year 10", 10), ("1997", None), ("YEAR ENDED SEPTEMBER 29, 1989", None), ("2 Payments", None), ("4 Years", None),
])
def test_period_years(text: str, years: int | None) -> None:
    assert period_years(text) == years


@pytest.mark.parametrize(("text", "mode"), [
    ("IF YOU HELD YOUR SHARES: 1 YEAR", False), ("IF YOU SOLD YOUR SHARES: 1 YEAR", True),
    ("Class B - assuming no redemption", False), ("Class B - assuming redemption/2/", True),
    ("(if not redeemed) C", False), ("if you did not redeem your shares", False), ("Class A", None),
])
def test_redemption_mode(text: str, mode: bool | None) -> None:
    assert redemption_mode(text) is mode


def test_vanguard_style_table_with_waiver_and_account_fee() -> None:
    got = table(["Investor Shares", "Admiral Shares"], [
        ("Sales Charge (Load) Imposed on Purchases", ["None", "None"]),
        ("Purchase Fee", ["0.25%", "0.25%"]),
        ("Redemption Fee", ["None", "None"]),
        ("Account Service Fee (for fund account balances below $10,000)", ["$20/year", "$20/year"]),
        ("Management Fees", ["0.30%", "0.20%"]),
        ("12b-1 Distribution Fee", ["None", "None"]),
        ("Other Expenses", ["0.05%", "0.03%"]),
        ("Total Annual Fund Operating Expenses", ["0.35%", "0.23%"]),
    ])
    assert got.kind == "fees"
    assert [r.concept for r in got.rows] == [
        "MaximumSalesChargeImposedOnPurchasesOverOfferingPrice", "ShareholderFeeOther", "RedemptionFeeOverRedemption",
        "MaximumAccountFee", "ManagementFeesOverAssets", "DistributionAndService12b1FeesOverAssets",
        "OtherExpensesOverAssets", "ExpensesOverAssets",
    ]


def test_other_expenses_heading_gives_components() -> None:
    got = table(["Class A"], [
        ("Management Fees", ["0.50%"]),
        ("Other Expenses:", [""]),
        ("Shareholder Servicing Fees", ["0.25%"]),
        ("Other Expenses", ["0.10%"]),
        ("Total Other Expenses", ["0.35%"]),
        ("Total Annual Fund Operating Expenses", ["0.85%"]),
    ])
    assert [r.concept for r in got.rows] == [
        "ManagementFeesOverAssets", "OtherExpensesOverAssets", "Component1OtherExpensesOverAssets",
        "Component2OtherExpensesOverAssets", "OtherExpensesOverAssets", "ExpensesOverAssets",
    ]


def test_transposed_fee_table_gets_column_concepts() -> None:
    got = table(["Management Fees", "Distribution and Service (12b-1) Fees", "Other Expenses",
                 "Total Annual Fund Operating Expenses"], [
        ("Class A", ["0.50%", "0.25%", "0.20%", "0.95%"]),
        ("Class C", ["0.50%", "1.00%", "0.20%", "1.70%"]),
    ])
    assert got.kind == "fees"
    assert got.column_concepts == ("ManagementFeesOverAssets", "DistributionAndService12b1FeesOverAssets",
                                   "OtherExpensesOverAssets", "ExpensesOverAssets")
    assert all(r.concept is None for r in got.rows)


def test_example_with_redemption_groups_as_columns() -> None:
    columns = [f"IF YOU {g} YOUR SHARES: {y}" for g in ("SOLD", "HELD") for y in ("1 YEAR", "3 YEARS")]
    got = table(columns, [("Class B", ["$705", "$934", "$205", "$634"])])
    assert got.kind == "expense_example"
    assert got.column_concepts == ("ExpenseExampleYear01", "ExpenseExampleYear03",
                                   "ExpenseExampleNoRedemptionYear01", "ExpenseExampleNoRedemptionYear03")


def test_example_for_did_not_redeem_caption() -> None:
    got = table(["Class B", "Class C"], [("1 Year", ["$148", "$153"]), ("3 Years", ["$459", "$474"])],
                caption="You would pay the following expenses if you did not redeem your shares:")
    assert got.kind == "expense_example"
    assert [r.concept for r in got.rows] == ["ExpenseExampleNoRedemptionYear01", "ExpenseExampleNoRedemptionYear03"]


def test_financial_statements_stay_other() -> None:
    income = table(["1993", "1992"], [
        ("Net sales", ["$7,977", "$7,087"]),
        ("Research and development", ["665", "602"]),
        ("Selling, general and administrative", ["1,632", "1,687"]),
        ("Total costs and expenses", ["7,867", "6,281"]),
        ("Interest and other income (expense), net", ["29", "50"]),
    ])
    percent = table(["Q1", "Q2"], [
        ("Total net sales", ["100.0%", "100.0%"]),
        ("Other expenses", ["20.5", "21.6"]),
        ("Accrued marketing and distribution", ["8.0", "8.4"]),
        ("Total costs and expenses", ["88.0", "91.5"]),
    ])
    highlights = table(["Class A", "Class B"], [
        ("Net asset value, beginning of period", ["$10.00", "$10.00"]),
        ("Expenses", ["1.23%", "2.02%"]),
        ("Net investment income (loss)", ["0.47%", "(0.32)%"]),
        ("TOTAL RETURN", ["17.16%", "16.36%"]),
    ])
    for got in (income, percent, highlights):
        assert got.kind == "other"
        assert all(r.concept is None for r in got.rows)


def test_performance_table_and_contents_stay_other() -> None:
    performance = table(["1 year", "5 years", "10 years"], [
        ("Class A return before taxes", ["-4.05%", "6.20%", "6.72%"]),
        ("Class C return before taxes", ["0.15%", "6.65%", "6.54%"]),
    ])
    contents = table([""], [
        ("Fund summary", ["1"]), ("How we manage the Fund", ["5"]), ("Investment manager", ["10"]),
        ("Sub-advisor", ["10"]), ("Distribution and service", ["12"]), ("Other expenses", ["14"]),
    ])
    prose = table(["CLASS A SHARES"], [
        ("Initial sales charge", ["up to 5.75% (reduced or eliminated for purchases of $25,000 or more)"]),
        ("Contingent deferred sales charge", ["none (except on certain redemptions)"]),
        ("12b-1 fees", ["up to 0.25% annually"]),
    ])
    for got in (performance, contents, prose):
        assert got.kind == "other"


def test_shareholder_fee_table_of_nones_is_fees() -> None:
    got = table(["CLASS R-5"], [
        ("Maximum sales charge imposed on purchases (as a percentage of offering price)", ["none"]),
        ("Maximum deferred sales charge", ["none"]),
        ("Redemption or exchange fees", ["none"]),
    ])
    assert got.kind == "fees"


def tagged(text: str, concept: str | None) -> Cell:
    cell = parse_cell(text)
    if concept is None or cell.value is None:
        return cell
    return dataclasses.replace(cell, xbrl=XbrlFact(f"rr:{concept}", cell.value))


def test_inline_xbrl_tags_name_the_concepts() -> None:
    rows = (
        Row(1, "Fees paid to the adviser", (tagged("0.53%", "ManagementFeesOverAssets"),)),
        Row(2, "Operating costs", (tagged("0.16%", "OtherExpensesOverAssets"),)),
        Row(3, "All in", (tagged("0.69%", "ExpensesOverAssets"),)),
    )
    got = classify(Table("t1", 1, ("Inst.",), rows, layout="html"))
    assert got.kind == "fees"
    assert [r.concept for r in got.rows] == ["ManagementFeesOverAssets", "OtherExpensesOverAssets",
                                             "ExpensesOverAssets"]


def test_one_no_redemption_column_keeps_years_as_rows() -> None:
    def row(line: int, label: str, years: int, figures: Sequence[str]) -> Row:
        concepts = [f"ExpenseExampleYear{years:02d}", f"ExpenseExampleNoRedemptionYear{years:02d}",
                    f"ExpenseExampleYear{years:02d}"]
        return Row(line, label, tuple(tagged(t, c) for t, c in zip(figures, concepts, strict=True)))

    rows = (row(1, "1 year", 1, ["$665", "$172", "$272"]), row(2, "3 years", 3, ["$857", "$533", "$533"]))
    got = classify(Table("t1", 1, ("A", "(if not redeemed) C", "C"), rows, layout="html"))
    assert got.kind == "expense_example" and got.column_concepts is None
    assert [r.concept for r in got.rows] == ["ExpenseExampleYear01", "ExpenseExampleYear03"]


def test_tags_of_a_transposed_table_name_its_columns() -> None:
    names = ("ManagementFeesOverAssets", "OtherExpensesOverAssets", "ExpensesOverAssets")
    rows = tuple(Row(i, fund, tuple(tagged(t, c) for t, c in zip(values, names, strict=True)))
                 for i, (fund, values) in enumerate([("Fund One", ["0.50%", "0.20%", "0.70%"]),
                                                     ("Fund Two", ["0.40%", "0.10%", "0.50%"])], 1))
    got = classify(Table("t1", 1, ("Adviser", "Running costs", "All in"), rows, layout="html"))
    assert got.kind == "fees"
    assert got.column_concepts == names


def test_lead_in_sentence_says_the_example_assumes_no_redemption() -> None:
    rows = tuple(Row(i, label, tuple(parse_cell(c) for c in cells)) for i, (label, cells) in enumerate([
        ("Class B", ["$148", "$459", "$792", "$1,523"]), ("Class C", ["$153", "$474", "$818", "$1,791"])], 1))
    held = Table("t1", 1, ("1 Year", "3 Years", "5 Years", "10 Years"), rows,
                 context="You would pay the following expenses if you did not redeem your shares:")
    sold = dataclasses.replace(held, context="If you redeem your shares at the end of each period:")
    silent = dataclasses.replace(held, context="Your costs would be: Class B shares convert after eight years.")
    assert classify(held).column_concepts == tuple(f"ExpenseExampleNoRedemptionYear{y:02d}" for y in (1, 3, 5, 10))
    assert classify(sold).column_concepts == tuple(f"ExpenseExampleYear{y:02d}" for y in (1, 3, 5, 10))
    assert classify(silent).column_concepts == tuple(f"ExpenseExampleYear{y:02d}" for y in (1, 3, 5, 10))


def test_shareholder_fees_with_only_an_account_fee_number_are_fees() -> None:
    got = table(["Investor Shares"], [
        ("Sales Charge (Load) Imposed on Purchases", ["None"]),
        ("Purchase Fee", ["None"]),
        ("Redemption Fee", ["None"]),
        ("Account Service Fee (for fund account balances below $10,000)", ["$20/year"]),
    ])
    assert got.kind == "fees"
    assert got.rows[3].concept == "MaximumAccountFee"


@pytest.mark.parametrize(("label", "concept"), [
    ("Management Fees (after waiver)", "ManagementFeesOverAssets"),
    ("Management Fee (net of waiver)", "ManagementFeesOverAssets"),
    ("Advisory Fees (after waivers)", "ManagementFeesOverAssets"),
    ("Management Fees After Waiver", "ManagementFeesOverAssets"),
    ("Other Expenses (after reimbursement)", "OtherExpensesOverAssets"),
    ("12b-1 Fees (after waiver)", "DistributionAndService12b1FeesOverAssets"),
    ("Total Fund Operating Expenses (after waivers)", "NetExpensesOverAssets"),
    ("Less Fee Waiver", "FeeWaiverOrReimbursementOverAssets"),
    ("Retirement account fees (annual maintenance and redemption requests)", "MaximumAccountFee"),
    ("Shareholder Transaction Fees (fees paid directly from your investment)", None),
    ("Annual Fund Operating Expenses (expenses that you pay each year)", None),
    ("Transaction fee", "ShareholderFeeOther"),
    ("Redemption fee (for shares held less than 30 days)", "RedemptionFeeOverRedemption"),
])
def test_qualified_labels_keep_the_item_they_name(label: str, concept: str | None) -> None:
    assert fee_concept(label) == concept


def test_items_stated_after_waivers_make_a_fee_table() -> None:
    got = table(["CLASS A"], [
        ("Management Fees (after waiver)", [".20%"]),
        ("Other Expenses", [".15%"]),
        ("Total Fund Operating Expenses", [".35%"]),
    ])
    assert got.kind == "fees"
    assert [r.concept for r in got.rows] == ["ManagementFeesOverAssets", "OtherExpensesOverAssets",
                                             "ExpensesOverAssets"]


def test_standalone_servicing_fee_is_non_12b1_and_tax_line_is_no_sub_item() -> None:
    got = table(["Class X"], [
        ("Management fees", ["0.10%"]),
        ("Distribution (12b-1) fees", ["0.40%"]),
        ("Shareholder servicing fees", ["0.25%"]),
        ("Other expenses", ["0.17%"]),
        ("Deferred Income Tax Expense", ["1.50%"]),
        ("Total annual operating expenses", ["2.42%"]),
    ])
    assert [r.concept for r in got.rows] == [
        "ManagementFeesOverAssets", "DistributionAndService12b1FeesOverAssets",
        "DistributionOrSimilarNon12b1FeesOverAssets", "OtherExpensesOverAssets", None, "ExpensesOverAssets",
    ]


def test_one_row_shareholder_fees_of_none_is_a_fee_table() -> None:
    got = table([""], [("Shareholder fees (fees paid directly from your investment)", ["None"])])
    assert got.kind == "fees"
    assert table([""], [("Net asset value", ["None"])]).kind == "other"


def test_bare_year_numbers_as_row_labels_make_an_example() -> None:
    got = table(["P", "Q"], [("1", ["$82", "$72"]), ("3", ["255", "224"]), ("5", ["444", "390"]),
                             ("10", ["990", "871"])])
    assert got.kind == "expense_example"
    assert [r.concept for r in got.rows] == [f"ExpenseExampleYear{y:02d}" for y in (1, 3, 5, 10)]
    fiscal = table(["P"], [("1", ["$82"]), ("2", ["$90"]), ("3", ["$95"]), ("4", ["$99"])])
    assert fiscal.kind == "other"


def example_row(label: str, figures: Sequence[str], line: int = 1) -> Row:
    return Row(line, label, tuple(parse_cell(c) for c in figures))


YEARS = ("1 Year", "3 Years", "5 Years", "10 Years")


def test_lead_in_before_the_table_wins_over_the_next_tables_lead_in() -> None:
    figures = ["$283", "$566", "$975", "$2,116"]
    first = Table("t1", 3, YEARS, (example_row("Class C", figures),), layout="html",
                  context="If you sell your shares at the end of the period: If you do not sell your shares: "
                          "1 Year 3 Years 5 Years 10 Years Class C $183 $566 $975 $2,116")
    second = Table("t2", 8, YEARS, (example_row("Class C", figures),), layout="html",
                   context="If you sell your shares at the end of the period: 1 Year 3 Years 5 Years 10 Years "
                           "Class C $283 $566 $975 $2,116 If you do not sell your shares:")
    assert classify(first).column_concepts == tuple(f"ExpenseExampleYear{y:02d}" for y in (1, 3, 5, 10))
    assert classify(second).column_concepts == tuple(
        f"ExpenseExampleNoRedemptionYear{y:02d}" for y in (1, 3, 5, 10))


def test_heading_row_inside_a_years_as_columns_example_sets_no_redemption() -> None:
    rows = (Row(1, "If you do not sell your shares:", tuple(parse_cell("") for _ in YEARS)),
            example_row("Class B", ["$183", "$566", "$975", "$1,929"], 2))
    got = classify(Table("t1", 1, YEARS, rows, layout="html"))
    assert got.column_concepts == tuple(f"ExpenseExampleNoRedemptionYear{y:02d}" for y in (1, 3, 5, 10))


def test_lead_in_followed_by_prose_after_the_table_still_counts() -> None:
    rows = (example_row("Class B", ["$183", "$566", "$975", "$1,919"]),)
    held = Table("t1", 1, YEARS, rows, layout="html",
                 context="If you do not sell your shares: Class B shares convert to Class A shares after eight years.")
    assert classify(held).column_concepts == tuple(f"ExpenseExampleNoRedemptionYear{y:02d}" for y in (1, 3, 5, 10))
