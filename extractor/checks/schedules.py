"""Deferred sales charge schedules printed in the document, by year since purchase.

A redeemed example figure adds the CDSC of the redemption year; the fee table gives only the
maximum (the first year's). Filings print the declining schedule elsewhere, across a row
("CONTINGENT DEFERRED SALES CHARGE 5% 4% 4% 3% 2% 1%" under "SOLD WITHIN YEAR 1 2 3 ...") or down
a column ("First 5.0%", "Second 4.0%", ..., "Seventh and thereafter None"). Once found, the
schedule is used exactly; without one the example check falls back to whole-percent charges.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from decimal import Decimal
from typing import Final

import regex

from ..classify.labels import normalize
from ..model import Cell, Row, Table

Schedule = dict[int, Decimal]
_ABOUT: Final = ("deferred", "cdsc", "contingent")
"""Words one of which a schedule's label or heading (normalised) holds."""
_NIL: Final = regex.compile(r"^\W*(?:none|nil|n/?a|-+|\p{Pd}+|0)\W*$", regex.I)
_NIL_LONGEST: Final = 32
"""A nil cell is short; longer text is never matched, which also bounds the pattern's backtracking."""
_ORDINALS: Final = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10,
}
_YEAR: Final = regex.compile(r"^(?:year\s+)?(\d{1,2})(?:st|nd|rd|th)?\b|^(" + "|".join(_ORDINALS) + r")\b")
_THEREAFTER: Final = regex.compile(r"thereafter|after|and (?:over|more|later)|or more|\+")


def _rate(cell: Cell) -> Decimal | None:
    if cell.value is not None and 0 <= cell.value <= 10:
        return cell.value
    text = cell.text or ""
    return Decimal(0) if len(text) <= _NIL_LONGEST and _NIL.match(text) else None


def _year(text: str) -> int | None:
    m = _YEAR.match(normalize(text))
    if m is None:
        return None
    return int(m.group(1)) if m.group(1) else _ORDINALS[m.group(2)]


def _declining(schedule: Schedule) -> bool:
    rates = [schedule[y] for y in sorted(schedule)]
    return len(rates) >= 3 and rates[0] > 0 and all(a >= b for a, b in itertools.pairwise(rates))


def _about(text: str) -> bool:
    """Whether ``text`` holds a word of :data:`_ABOUT`: plain searches, each cheaper than a pattern's."""
    return _ABOUT[0] in text or _ABOUT[1] in text or _ABOUT[2] in text


def _across(table: Table) -> list[Schedule]:
    """Schedules printed along a row, years from a row of year numbers or from the headers."""
    found: list[Schedule] = []
    labels = [normalize(row.label) for row in table.rows]
    if not _about(" ".join(labels)):
        return found  # most tables: no label to look at, and no row to look for years for
    about = [row for row, label in zip(table.rows, labels, strict=True) if _about(label)]
    years_row = next((r for r in table.rows if _count_up(r)), None)
    for row in about:
        if row is years_row:
            continue
        rates = [_rate(c) for c in row.cells]
        if years_row is not None:
            keys = [int(c.value) if c.value is not None else None for c in years_row.cells]
        else:
            keys = [_year(h) for h in table.columns]
        schedule = {k: r for k, r in zip(keys, rates, strict=False) if k is not None and r is not None}
        if _declining(schedule):
            found.append(schedule)
    return found


def _count_up(row: Row) -> bool:
    values = [c.value for c in row.cells if c.value is not None]
    return len(values) >= 3 and values == [Decimal(i) for i in range(1, len(values) + 1)]


def _down(table: Table) -> list[Schedule]:
    """A schedule printed down a column: years in the labels (or the first cell), rates in the last."""
    heading = normalize(" ".join([table.caption, *table.columns]))
    if not _about(heading):
        return []
    schedule: Schedule = {}
    last: tuple[int, Decimal] | None = None
    for row in table.rows:
        cells = list(row.cells)
        year = _year(row.label) if row.label else None
        if year is None and cells and cells[0].value is not None and len(cells) > 1:
            year, cells = int(cells[0].value), cells[1:]
        rate = _rate(cells[-1]) if cells else None
        if year is None or rate is None:
            continue
        schedule[year] = rate
        if _THEREAFTER.search(normalize(row.label)):
            last = (year, rate)
    if last is not None:
        for later in range(last[0] + 1, 11):
            schedule.setdefault(later, last[1])
    return [schedule] if _declining(schedule) else []


def table_schedules(table: Table) -> list[Schedule]:
    """The declining CDSC schedules ``table`` prints, across a row or down a column."""
    return [*_across(table), *_down(table)]


def cdsc_schedules(tables: Sequence[Table]) -> list[Schedule]:
    """Every declining CDSC schedule the tables print, first year first."""
    return [schedule for table in tables for schedule in table_schedules(table)]


def rate_in_year(schedule: Schedule, year: int) -> Decimal:
    """The schedule's charge for a redemption at the end of ``year``; none after its last year."""
    return schedule.get(year, Decimal(0))
