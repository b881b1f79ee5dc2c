"""An example that leaves a voluntary waiver out: the gross ratio in every year.

A waiver the adviser may end at any time need not be in the example, and some prospectuses
compute it on the gross ratio throughout. Where the prose calls the waiver voluntary that reading
is accepted; where it is contractual (or the prose says nothing) the figures must reflect it.
"""

from __future__ import annotations

import pytest
from waiver_document import GROSS_EVERY_YEAR, waiver_document

from extractor import extract_bytes

CONTRACTUAL = "(1) The Adviser has agreed to waive 0.25% of its fee through April 30, 2027."
VOLUNTARY = "(1) The Adviser has voluntarily agreed to waive 0.25% of its fee; it may end this waiver at any time."


def example_findings(note: str, figures: tuple[str, ...] = GROSS_EVERY_YEAR) -> list[tuple[str, str | None]]:
    filing = extract_bytes(waiver_document(note, figures).encode(), "waiver.txt")
    return [(f.severity, f.column) for f in filing.findings if f.check == "expense_example"]


def test_a_voluntary_waiver_may_be_left_out_of_the_example() -> None:
    assert example_findings(VOLUNTARY) == []


def test_a_contractual_waiver_must_be_in_the_example() -> None:
    assert example_findings(CONTRACTUAL) == [("error", "1 Year"), ("error", "3 Years"), ("error", "5 Years"),
                                             ("error", "10 Years")]


@pytest.mark.parametrize(("figures", "column"), [
    (("$122", "$391", "$660", "$1,455"), "3 Years"),
    (("$122", "$381", "$660", "$1,555"), "10 Years"),
])
def test_a_wrong_figure_is_still_an_error_under_a_voluntary_waiver(figures: tuple[str, ...], column: str) -> None:
    assert ("error", column) in example_findings(VOLUNTARY, figures)
