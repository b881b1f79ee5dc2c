"""1990s fee tables mark their notes with Roman numerals as well as letters: a marker "(ii)" on a
label is dropped like "(a)" before the label is read."""

from __future__ import annotations

from extractor.classify import fee_concept, period_years


def test_roman_numeral_markers_are_dropped_from_labels() -> None:
    assert fee_concept("Total(ii)") == "ExpensesOverAssets"
    assert fee_concept("Other (iv)") == "OtherExpensesOverAssets"
    assert period_years("10 Years(iii)") == 10
