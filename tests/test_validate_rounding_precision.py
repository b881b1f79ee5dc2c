"""The rounding allowance of fee-table sums follows the places the figures are printed to.

A table printed to two decimals may be a cent (0.01) off from rounding; one printed to three
(0.123%) only half a unit of its last place per rounded figure, so a 0.010 slip there is an error.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from extractor import extract_bytes
from extractor.checks.policy import ROUNDING, rounding_tolerance

DOCUMENT = """ANNUAL FUND OPERATING EXPENSES

<TABLE>
<S>                                                  <C>
Management Fees...................................    {management}%
Distribution (12b-1) Fees.........................    {distribution}%
Other Expenses....................................    {other}%
Total Annual Fund Operating Expenses..............    {gross}%
Fee Waiver........................................   ({waiver})%
Net Expenses......................................    {net}%
</TABLE>
"""


def fee_findings(management: str, distribution: str, other: str, gross: str, waiver: str,
                 net: str) -> list[tuple[str, str, str]]:
    text = DOCUMENT.format(management=management, distribution=distribution, other=other, gross=gross,
                           waiver=waiver, net=net)
    filing = extract_bytes(text.encode(), "fees.txt")
    return [(f.check, f.severity, f.found) for f in filing.findings if f.check in ("component_sum", "net_total")]


def test_consistent_three_decimal_table() -> None:
    assert fee_findings("0.750", "0.250", "0.123", "1.123", "0.200", "0.923") == []


@pytest.mark.parametrize(("gross", "net", "found"), [
    ("1.133", "0.933", [("component_sum", "error", "1.133")]),  # the total a cent off: no rounding does that
    ("1.124", "0.924", [("component_sum", "warning", "1.124")]),  # a tenth of a cent: rounding may
])
def test_three_decimal_component_sum(gross: str, net: str, found: list[tuple[str, str, str]]) -> None:
    assert fee_findings("0.750", "0.250", "0.123", gross, "0.200", net) == found


@pytest.mark.parametrize(("net", "severity"), [("0.933", "error"), ("0.924", "warning")])
def test_three_decimal_net_total(net: str, severity: str) -> None:
    assert fee_findings("0.750", "0.250", "0.123", "1.123", "0.200", net) == [("net_total", severity, net)]


@pytest.mark.parametrize(("gross", "net", "found"), [
    ("1.13", "0.93", [("component_sum", "warning", "1.13")]),
    ("1.14", "0.94", [("component_sum", "error", "1.14")]),
])
def test_two_decimal_component_sum_as_before(gross: str, net: str, found: list[tuple[str, str, str]]) -> None:
    assert fee_findings("0.75", "0.25", "0.12", gross, "0.20", net) == found


@pytest.mark.parametrize(("net", "severity"), [("0.93", "warning"), ("0.94", "error")])
def test_two_decimal_net_total_as_before(net: str, severity: str) -> None:
    assert fee_findings("0.75", "0.25", "0.12", "1.12", "0.20", net) == [("net_total", severity, net)]


@pytest.mark.parametrize(("figures", "tolerance"), [
    (["1.123", "0.200", "0.923"], "0.0015"),
    (["1.123", "0.750", "0.250", "0.123", "0"], "0.002"),  # a zero ("None") rounds nothing
    (["1.12", "0.20", "0.92"], "0.01"),
    (["1.123", "0.20", "0.923"], "0.01"),  # one figure to two decimals: the usual cent
    (["0.1234", "0.1000", "0.0234"], "0.00015"),
    ([None, "0.5"], "0.01"),
])
def test_rounding_tolerance(figures: list[str | None], tolerance: str) -> None:
    values = [Decimal(f) if f is not None else None for f in figures]
    assert rounding_tolerance(values) == Decimal(tolerance)
    assert rounding_tolerance(values) <= ROUNDING
