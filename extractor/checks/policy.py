"""Severity policy and the one way findings are built, so every check reports alike.

Fee-table components and totals are printed to two decimals, so a difference of at most one cent
of a percent (0.01) may come from rounding: a ``warning``. A larger one is an ``error``. A check
that cannot run says so as ``info`` rather than staying silent.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from ..model import Finding, Severity

ROUNDING: Final = Decimal("0.01")
"""Largest difference in a fee table that rounding of two-decimal figures may explain."""
DOLLAR: Final = Decimal("1")
"""Largest difference between an example figure and a standard method's (rounded) result."""


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
