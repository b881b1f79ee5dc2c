"""``costs.path_costs`` works out a ratio's share once for each run of equal ratios: its costs are
those of the year-by-year formulas, number and written form alike, on paths of runs, of ratios
that change every year, of equal ratios written with other trailing zeros, with and without a
load and on both investments."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest

from extractor.checks.costs import GROWTH, HUNDRED, INVESTMENT, TWO, dollars, path_costs


def year_by_year(ratios: tuple[Decimal, ...], method: str, load: Decimal, investment: Decimal) -> list[Decimal]:
    """The SEC example's costs, every operation done every year (see :mod:`extractor.checks.costs`)."""
    balance = investment * (HUNDRED - load) / HUNDRED
    total = investment - balance
    out = []
    for percent in ratios:
        e = percent / HUNDRED
        if method == "S":
            grown = balance * GROWTH
            cost = e * (balance + grown) / TWO
            balance = grown - cost
        else:
            closing = balance * (GROWTH - e)
            cost = e * (balance + closing) / TWO
            balance = closing
        total += cost
        out.append(total)
    return out


def paths() -> list[tuple[Decimal, ...]]:
    rng = random.Random(11)
    net, gross = Decimal("0.85"), Decimal("1.10")
    found: list[tuple[Decimal, ...]] = [
        (net,) * 10, (net,) * 3 + (gross,) * 7, (Decimal("0.5"), Decimal("0.50"), Decimal("0.500")) * 3 + (net,),
    ]
    for _ in range(40):
        found.append(tuple(Decimal(rng.randrange(0, 400)).scaleb(-rng.choice((2, 3))) for _ in range(10)))
        k = rng.randrange(0, 11)
        first, then = (Decimal(rng.randrange(0, 300)) / 100 for _ in range(2))
        found.append((first,) * k + (then,) * (10 - k))
    return found


@pytest.mark.parametrize("method", ["S", "D"])
@pytest.mark.parametrize("load", [Decimal(0), Decimal("5.75")])
@pytest.mark.parametrize("investment", [INVESTMENT, INVESTMENT / 10])
def test_costs_are_the_year_by_year_costs(method: str, load: Decimal, investment: Decimal) -> None:
    for ratios in paths():
        path_costs.cache_clear()
        costs = path_costs(ratios, method, load, investment)
        expected = year_by_year(ratios, method, load, investment)
        assert [str(c) for c in costs] == [str(c) for c in expected]


def test_a_known_path() -> None:
    """0.98% a year by method D (the 10-year figure as ``tests/test_validate.py`` has it)."""
    costs = path_costs((Decimal("0.98"),) * 10, "D", Decimal(0), INVESTMENT)
    assert [int(dollars(c)) for c in costs] == [100, 204, 312, 425, 542, 663, 790, 922, 1059, 1201]
