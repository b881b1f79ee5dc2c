"""The SEC expense example: cumulative costs of $10,000 (before 1998: $1,000) at a 5 % annual return.

Filings compute a year's expenses in one of two standard ways, and both are accepted:

* method S: the ratio times the average of the opening balance and the gross closing balance
  (before expenses), the closing balance then reduced by that cost (the seed filing);
* method D: the ratio times the average of the opening balance ``v`` and the net closing balance
  ``v (1.05 - e)``, which is the next opening balance (the other corpus filings).

A front-end sales load is taken from the $10,000 before investing and counted as a cost.
Everything is Decimal; the result is rounded only when it is compared with a printed figure.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Final

INVESTMENT: Final = Decimal(10000)
GROWTH: Final = Decimal("1.05")
HUNDRED: Final = Decimal(100)
TWO: Final = Decimal(2)
METHODS: Final = ("S", "D")


def cumulative_costs(ratios: Sequence[Decimal], method: str, load: Decimal = Decimal(0),
                     investment: Decimal = INVESTMENT) -> list[Decimal]:
    """Cumulative cost at the end of each year; ``ratios`` and ``load`` in percent, one per year.

    ``investment`` is $10,000 since 1998; older examples assumed $1,000.
    """
    return list(path_costs(tuple(ratios), method, load, investment))


@lru_cache(maxsize=8192)
def path_costs(ratios: tuple[Decimal, ...], method: str, load: Decimal,
               investment: Decimal) -> tuple[Decimal, ...]:
    """:func:`cumulative_costs` of a tuple of ratios, remembered: the example check asks for the same paths of ratios
    again and again (each method, waiver, conversion and rounding bound of every class, and
    classes of a prospectus share their ratios). Equal Decimals written with other trailing
    zeros share an entry; the costs they give are equal numbers, and only numbers are used.

    The method is chosen once for the path rather than every year, and method S grows the
    balance once a year: the same operations on the same numbers, so the same costs. A path
    repeats one ratio for years on end (the same object: a waiver's net ratio, then the gross),
    so a ratio's share of the balance (and method D's growth net of it) is worked out once for
    each run of it, not every year: a division is the dearest Decimal operation."""
    balance = investment * (HUNDRED - load) / HUNDRED
    total = investment - balance
    out: list[Decimal] = []
    last: Decimal | None = None
    e = net_growth = HUNDRED
    if method == "S":
        for percent in ratios:
            if percent is not last:
                e, last = percent / HUNDRED, percent
            grown = balance * GROWTH
            cost = e * (balance + grown) / TWO
            balance = grown - cost
            total += cost
            out.append(total)
    else:
        for percent in ratios:
            if percent is not last:
                e, last = percent / HUNDRED, percent
                net_growth = GROWTH - e
            closing = balance * net_growth
            cost = e * (balance + closing) / TWO
            balance = closing
            total += cost
            out.append(total)
    return tuple(out)


def dollars(amount: Decimal) -> Decimal:
    """Whole dollars, as examples print them."""
    return amount.quantize(Decimal(1), rounding=ROUND_HALF_UP)
