"""Fee-table labels and example periods with a qualifier after them: "(Net)", "(Gross)", "(after
waiver)", "period", and a wire fee, which is a flat charge, not a percentage redeemed."""

from __future__ import annotations

import pytest

from extractor.classify import fee_concept, period_years


@pytest.mark.parametrize(("label", "concept"), [
    ("Annual Fund Operating Expenses (Net)", "NetExpensesOverAssets"),
    ("Annual Fund Operating Expenses (Gross)", "ExpensesOverAssets"),
    ("Annual Fund Operating Expenses (as a percentage of average net assets)", None),  # the heading
    ("Annual Fund Operating Expenses (expenses that you pay each year)", None),
    ("Wire Redemption Fee", "ShareholderFeeOther"),
    ("Fee for redemptions paid by wire", "ShareholderFeeOther"),
    ("Redemption Fee (as a percentage of amount redeemed)", "RedemptionFeeOverRedemption"),
])
def test_total_qualifiers_and_wire_fees(label: str, concept: str | None) -> None:
    assert fee_concept(label) == concept


@pytest.mark.parametrize(("label", "years"), [
    ("1 Year (after waiver)", 1), ("1-year period", 1), ("10 year periods (b)", 10),
    ("Year 1 (estimated)", 1), ("Year ended (1)", None), ("1997 (a)", None), ("2 year period", None),
])
def test_periods_with_a_note_or_period_after_them(label: str, years: int | None) -> None:
    assert period_years(label) == years
