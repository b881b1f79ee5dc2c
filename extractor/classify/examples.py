"""Recognise the 1/3/5/10-year expense example and name its concepts.

An example is laid out with years as rows (classes as columns) or years as columns (classes and
redemption variants as rows); a group header or heading row ("If you sold your shares", "if you
did not redeem") says whether the figures assume redemption. Only periods 1, 3, 5 and 10 years
count, so tables of fiscal years ("1997", "Year ended ...") never look like an example.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Final

import regex

from ..model import Row, Table
from .labels import normalize

YEARS: Final = (1, 3, 5, 10)
_WORDS: Final = {
    "one": 1, "three": 3, "five": 5, "ten": 10,
    "first": 1, "third": 3, "fifth": 5, "tenth": 10, "1st": 1, "3rd": 3, "5th": 5, "10th": 10,
}
_PERIOD_END: Final = regex.compile(
    r"(?:^|[\s:(\-])(1|3|5|10|one|three|five|ten)[\s-]*(?:years?|yrs?)\.?\)?$"
    r"|^(?:the |end of (?:the )?)?(first|third|fifth|tenth|1st|3rd|5th|10th)[\s-]*(?:years?|yrs?)\.?$"
)
"""A holding period at the end of a label: "3 Years", "ONE YEAR", "1-yr."; or, the whole label,
an ordinal year ("First Year", "1st Year") that some examples head their first column with."""
_YEAR_N: Final = regex.compile(r"^(?:end of |after )?(?:year|yr)s?[\s#]*(1|3|5|10|one|three|five|ten)$")
_AFTER_PERIOD: Final = regex.compile(r"(?:\s+(?:\([^()]*\)|periods?))+$")
"""What may follow a period without changing it: "1 Year (after waiver)", "1-year period"."""
_NO_REDEMPTION: Final = regex.compile(
    r"no(?:t)? redeem|no redemption|not redeemed|without redemption|did not (?:sell|redeem|surrender)"
    r"|do not (?:sell|redeem|surrender)|don't (?:sell|redeem)|didn't (?:sell|redeem)|not sold|\bheld\b|\bhold\b"
    r"|\bkeep\b|no sale|continue to own|remain invested|not surrender"
)
_REDEMPTION: Final = regex.compile(r"redeem|redemption|\bsold\b|\bsell\b|surrender|cash(?:ed)? in|close your account")


@lru_cache(maxsize=4096)
def period_years(text: str) -> int | None:
    """1, 3, 5 or 10 when ``text`` names that holding period ("3 Years", "ONE YEAR", "Year 10").

    Cached, like :func:`redemption_mode`: every table with dollar figures has its labels and
    headers asked, and the same few labels recur from table to table.
    """
    norm = normalize(text)
    m = _PERIOD_END.search(norm) or _YEAR_N.search(norm)
    if m is None and (bare := _AFTER_PERIOD.sub("", norm)) != norm:
        m = _PERIOD_END.search(bare) or _YEAR_N.search(bare)
    if m is None:
        return None
    word = m.group(1) or m.group(2)
    years = _WORDS.get(word) or int(word)
    return years if years in YEARS else None


_ANY_PERIOD: Final = regex.compile(
    r"^(?:end of |after )?(\d{1,2}|two|four|six|seven|eight|nine)[\s-]*(?:years?|yrs?)\.?$"
    r"|^(?:end of |after )?(?:year|yr)s?[\s#]*(\d{1,2}|two|four|six|seven|eight|nine)$"
    r"|^(?:the |end of (?:the )?)?(second|fourth|sixth|seventh|eighth|ninth|\d{1,2}(?:nd|th))[\s-]*(?:years?|yrs?)\.?$"
)


@lru_cache(maxsize=4096)
def other_period(text: str) -> bool:
    """Whether ``text`` is a holding period other than 1, 3, 5 or 10 years ("Year 2", "7 Years").

    A table that goes year by year (the hypothetical $10,000 investment over ten years that some
    prospectuses add after the example, "Year 1" ... "Year 10") holds the example's periods among
    others; the example itself never does. The whole label must be the period, of 2 to 30 years:
    a garbled "10 Years" ("1 0 Years", "0 Years") says nothing.
    """
    m = _ANY_PERIOD.search(normalize(text))
    if m is None:
        return False
    word = m.group(1) or m.group(2) or m.group(3)
    if word[:1].isdigit() and not word.isdigit():
        word = word[:-2]  # "2nd", "4th", "12th"
    return not word.isdigit() or (2 <= int(word) <= 30 and int(word) not in YEARS)


@lru_cache(maxsize=4096)
def redemption_mode(text: str) -> bool | None:
    """``False`` when ``text`` says the shares are kept, ``True`` when redeemed, else ``None``."""
    norm = normalize(text)
    if _NO_REDEMPTION.search(norm):
        return False
    if _REDEMPTION.search(norm):
        return True
    return None


def status_mode(text: str) -> bool | None:
    """The assumption a status cell of an example row states: ``True`` for "Sold", ``False`` for
    "Held"; ``None`` for "Sold or Held" (the figures are the same either way) or anything else."""
    norm = normalize(text)
    kept = _NO_REDEMPTION.search(norm) is not None
    sold = _REDEMPTION.search(_NO_REDEMPTION.sub(" ", norm)) is not None
    return None if kept == sold else sold


def example_concept(years: int, redeemed: bool | None) -> str:
    """``ExpenseExampleYear03`` or, for figures that assume no redemption, ``...NoRedemptionYear03``."""
    stem = "ExpenseExampleNoRedemptionYear" if redeemed is False else "ExpenseExampleYear"
    return f"{stem}{years:02d}"


def example_period(concept: str | None) -> tuple[int, bool] | None:
    """(years, no-redemption) an example concept names, the inverse of :func:`example_concept`:
    ``ExpenseExampleNoRedemptionYear05`` gives ``(5, True)``; any other concept ``None``."""
    if not concept or not concept.startswith("ExpenseExample"):
        return None
    digits = concept[-2:]
    return (int(digits), "NoRedemption" in concept) if digits.isdigit() else None


def row_status(row: Row, concepts: Sequence[str | None]) -> bool | None:
    """The assumption a status cell of ``row`` states ("Sold", "Held" in a "Share Status" column
    beside the year columns, whose ``concepts`` are ``None``), or ``None``."""
    for concept, cell in zip(concepts, row.cells, strict=False):
        if concept is None and cell.value is None and cell.text:
            mode = status_mode(cell.text)
            if mode is not None:
                return mode
    return None


def row_owners(table: Table) -> list[tuple[str, bool | None]]:
    """Per row of an example whose periods are columns, the class it belongs to and the
    redemption its own cells state ("Sold", "Held" in a "Share Status" column), or ``None``.

    Such examples print "Class C | Sold | $298 ..." and, on the row below, " | Held | $198 ...":
    the class cell printed once. That second row is Class C's, and its figures assume the shares
    are kept, whatever the column concepts (which speak for every row) say. A row without a
    status cell keeps its own label, empty or not.
    """
    concepts = table.column_concepts or ()
    owners: list[tuple[str, bool | None]] = []
    above = ""
    for row in table.rows:
        status = row_status(row, concepts)
        if not row.has_values:
            above = ""
        elif row.label:
            above = row.label if redemption_mode(row.label) is None else ""
        owners.append((row.label or (above if status is not None else ""), status))
    return owners
