"""Severity policy and the one way findings are built, so every check reports alike.

Fee-table components and totals are mostly printed to two decimals, so a difference of at most one
cent of a percent (0.01) may come from rounding: a ``warning``. A larger one is an ``error``. A
table printed to more decimals (0.123%) rounds less, and its allowance shrinks with its last
printed place (:func:`rounding_tolerance`). A check that cannot run says so as ``info`` rather
than staying silent.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Final

from ..model import Finding, Severity

ROUNDING: Final = Decimal("0.01")
"""Largest difference in a fee table that rounding of two-decimal figures may explain."""
DOLLAR: Final = Decimal("1")
"""Largest difference between an example figure and a standard method's (rounded) result."""


def rounding_tolerance(figures: Iterable[Decimal | None]) -> Decimal:
    """Largest difference that rounding the printed ``figures`` (the terms of a sum and its
    total) may explain: half a unit of the last printed place of each, and never more than
    :data:`ROUNDING`, the allowance of two-decimal tables (where two terms already reach it).

    A zero or a blank counts nothing: "None" and "0.00" state no rounded remainder. So a table
    printed to three decimals allows 0.0015 across a gross total, a waiver and a net total, and
    a 0.01 slip there is an error, not a rounding warning.
    """
    allowance = Decimal(0)
    for figure in figures:
        if not figure:
            continue
        exponent = figure.as_tuple().exponent
        if not isinstance(exponent, int) or exponent >= -2:
            return ROUNDING  # two decimals or fewer: the allowance is the usual cent, whatever else is there
        allowance += Decimal(1).scaleb(exponent) / 2
    return min(ROUNDING, allowance) if allowance else ROUNDING


def severity(difference: Decimal, tolerance: Decimal = ROUNDING) -> Severity:
    """``warning`` when rounding may explain ``difference``, else ``error``."""
    return "warning" if abs(difference) <= tolerance else "error"


def text(number: Decimal) -> str:
    """A decimal string as a person writes it: no exponent, no ``-0``."""
    if number == 0:
        number = abs(number)
    return format(number, "f")


def finding(
    check: str, level: Severity, table: str, where: tuple[int, str, str], expected: str, found: str, message: str
) -> Finding:
    """A :class:`Finding`; ``where`` is (line, row label, column header) of the cell concerned."""
    line, row, column = where
    return Finding(check, level, table, line, row, column, expected, found, message)
