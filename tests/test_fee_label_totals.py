"""Labels of the total line that name only "Total" and the waiver it is after."""

from __future__ import annotations

import pytest

from extractor.classify import fee_concept


@pytest.mark.parametrize("label", ["Total (after fee waivers)(ii)", "Total After Waivers"])
def test_total_after_waivers_is_the_net_total_and_waiver_lines_stay_waivers(label: str) -> None:
    assert fee_concept(label) == "NetExpensesOverAssets"
    assert fee_concept("Total Waivers and Reimbursements") == "FeeWaiverOrReimbursementOverAssets"
    assert fee_concept("Total net realized and unrealized gain") is None  # a statement's line


@pytest.mark.parametrize(("label", "concept"), [
    ("Annual Fund Operating Expenses Before Waivers", "ExpensesOverAssets"),
    ("Expenses (excluding waivers)", "ExpensesOverAssets"),
    ("Annual Operating Expenses Absent Waivers", "ExpensesOverAssets"),
    ("Expenses, net of waivers", "NetExpensesOverAssets"),
])
def test_expenses_before_or_net_of_waivers_name_a_total(label: str, concept: str) -> None:
    assert fee_concept(label) == concept
    # a waiver word right after the head names the waiver line itself
    assert fee_concept("Expense waiver (before recoupment)") == "FeeWaiverOrReimbursementOverAssets"
    assert fee_concept("Expenses waived or reimbursed prior to recoupment") == "FeeWaiverOrReimbursementOverAssets"


def test_expense_reduction_is_a_waiver_and_a_short_term_trading_fee_a_redemption_fee() -> None:
    assert fee_concept("Expense Reduction(2)") == "FeeWaiverOrReimbursementOverAssets"
    assert fee_concept("Short-Term Trading Fee (on shares held 30 days or less)") == "RedemptionFeeOverRedemption"
