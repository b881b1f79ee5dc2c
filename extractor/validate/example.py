"""``expense_example`` and ``example_order``: the 1/3/5/10-year figures against the fee table.

Each series of figures (one class, redeemed or not) is recomputed from the fee table of the same
document: the net ratio for the years a waiver runs and the gross ratio after, the front-end load
taken from the $10,000, the deferred sales charge of the redemption year added to "if you sold"
figures, Class B (or C) converting to Class A after the years the text states, and both standard
methods of a year's cost (see :mod:`.costs`). A figure within $1 of some reading is fine; one that
only a reading the text contradicts explains is a warning; one that no reading explains is an
error; a class whose inputs cannot be known gets ``info``, never a guess.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

import regex

from ..model import Finding, Severity, Table
from .costs import METHODS, cumulative_costs, dollars
from .policy import DOLLAR, finding, text
from .schedules import Schedule, cdsc_schedules, rate_in_year
from .series import (
    Figure,
    Inputs,
    Series,
    class_inputs,
    document_context,
    example_series,
    lookup,
    lookup_series,
)

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12,
}
_CONVERSION = regex.compile(
    r"conver(?:t|sion)\w*\b[^.]{0,160}?\bafter\s+(?:about\s+|approximately\s+|the\s+end\s+of\s+(?:the\s+)?)?"
    r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:th)?\s+years?",
    regex.I,
)
_FIRST_YEAR_ONLY = regex.compile(
    r"(?:first|one|1)[- ]year (?:period )?(?:only|of the example)|only (?:for|in) the first year"
    r"|(?:waiver|reimbursement|limitation|cap)s? (?:is |are )?(?:reflected|included) only in the first",
    regex.I,
)


@dataclass(frozen=True)
class Reading:
    """One way of computing a series: method, waiver years, conversion; and its costs per year."""

    method: str
    waiver: int
    """Years the net ratio applies before the gross one; 0 for every year."""
    conversion: int | None
    costs: tuple[Decimal, ...]
    stated: bool

    def describe(self, inputs: Inputs) -> str:
        net = inputs.net if inputs.net is not None else inputs.gross
        parts = [f"{text(net or Decimal(0))}% a year"]
        if self.waiver:
            years = "year 1" if self.waiver == 1 else f"years 1-{self.waiver}"
            parts[0] = f"{text(net or Decimal(0))}% in {years} and {text(inputs.gross or Decimal(0))}% after"
        if inputs.load:
            parts.append(f"a {text(inputs.load)}% sales charge")
        if self.conversion:
            parts.append(f"conversion after {self.conversion} years")
        return ", ".join(parts) + f" (method {self.method})"


def _conversions(key: str, inputs: dict[str, Inputs], context: str) -> tuple[list[int], Inputs | None]:
    """Years after which the class may convert, as the text states, and the class it converts to."""
    if not key or key[-1] not in "bc":
        return [], None
    target = lookup(inputs, key[:-1] + "a")
    if target is None:
        return [], None
    stated = sorted({
        _NUMBER_WORDS.get(m.group(1).lower()) or int(m.group(1)) for m in _CONVERSION.finditer(context)
        if m.group(1).isdigit() or m.group(1).lower() in _NUMBER_WORDS
    })
    return [n for n in stated if n < 10], target


def readings(inputs: Inputs, key: str, all_inputs: dict[str, Inputs], context: str) -> list[Reading]:
    """Every accepted way of computing the series of one class."""
    gross = inputs.gross if inputs.gross is not None else inputs.net
    net = inputs.net if inputs.net is not None else inputs.gross
    assert gross is not None and net is not None
    first_only = bool(_FIRST_YEAR_ONLY.search(context))
    waivers = [(0, [net] * 10, not first_only)]
    if net != gross:
        waivers.extend((k, [net] * k + [gross] * (10 - k), k == 1 or not first_only) for k in (1, 2, 3))
    years, target = _conversions(key, all_inputs, context)
    out: list[Reading] = []
    for (waiver, ratios, stated), method in itertools.product(waivers, METHODS):
        variants: list[tuple[int | None, list[Decimal]]] = [(None, ratios)]
        if target is not None:
            other = target.net if target.net is not None else target.gross
            assert other is not None
            variants.extend((n, ratios[:n] + [other] * (10 - n)) for n in years)
        for conversion, path in variants:
            costs = tuple(cumulative_costs(path, method, inputs.load or Decimal(0)))
            out.append(Reading(method, waiver, conversion, costs, stated))
    return out


def _charges(series: Series, inputs: Inputs, years: int, schedules: Sequence[Schedule]) -> list[tuple[Decimal, bool]]:
    """Possible deferred sales charges (dollars) of the redemption year; flag: a certain reading.

    A printed schedule whose first year is the class's maximum gives the charge exactly; without
    one, any whole percent up to the maximum is accepted in years 3 and 5 (a half percent only
    doubtfully), none in year 10 and none after the first year for a 1% charge.
    """
    cdsc = inputs.cdsc or Decimal(0)
    if series.redeemed is False or cdsc == 0:
        return [(Decimal(0), True)]
    printed = {rate_in_year(s, years) * 100 for s in schedules if s.get(1) == cdsc}
    if printed:
        charges = [(c, True) for c in sorted(printed)]
        return charges if series.redeemed else [(Decimal(0), True), *charges]
    top = cdsc * 100
    if years == 1:
        return [(top, True)] if series.redeemed else [(Decimal(0), True), (top, True)]
    if cdsc <= 1 or years >= 10:
        return [(Decimal(0), True)]  # a level-load 1% charge lasts about a year; none runs ten
    whole = [(Decimal(k * 100), True) for k in range(int(cdsc) + 1)]
    halves = [(Decimal(k * 100 + 50), False) for k in range(int(cdsc))]
    return [*whole, (top, True), *halves]


def _explain(series: Series, inputs: Inputs, reading: Reading, figure: Figure,
             schedules: Sequence[Schedule]) -> tuple[int, Decimal, Decimal]:
    """(2 fine, 1 only a doubtful reading explains it, 0 unexplained), the nearest expected figure
    and the deferred charge (dollars) that reading adds."""
    base = reading.costs[figure.years - 1]
    best: tuple[int, Decimal, Decimal] = (0, dollars(base), Decimal(0))
    nearest: tuple[int, Decimal, Decimal] | None = None
    for charge, certain in _charges(series, inputs, figure.years, schedules):
        expected = dollars(base + charge)
        if abs(base + charge - figure.value) <= DOLLAR:
            level = 2 if certain and reading.stated else 1
            if level > best[0]:
                best = (level, expected, charge)
        elif nearest is None or abs(expected - figure.value) < abs(nearest[1] - figure.value):
            nearest = (0, expected, charge)
    if best[0] == 0 and nearest is not None:
        return nearest
    return best


@dataclass(frozen=True)
class Facts:
    """What the document says beyond the fee tables: the text around them and printed schedules."""

    context: str
    schedules: tuple[Schedule, ...]
    load_known: bool


def check_series(table: Table, series: Series, inputs: Inputs, all_inputs: dict[str, Inputs],
                 facts: Facts) -> list[Finding]:
    """Findings for one series against every reading; the reading that explains most wins."""
    options = readings(inputs, series.key, all_inputs, facts.context)
    figures = [series.figures[y] for y in sorted(series.figures)]

    def score(reading: Reading) -> tuple[int, int, Decimal]:
        """Figures explained, those explained for sure, and (to break ties) the dollars left over."""
        results = [(_explain(series, inputs, reading, f, facts.schedules), f.value) for f in figures]
        fine = sum(1 for (level, _, _), _ in results if level == 2)
        doubtful = sum(1 for (level, _, _), _ in results if level == 1)
        off = sum((abs(expected - value) for (level, expected, _), value in results if level), Decimal(0))
        return fine + doubtful, fine, -off

    best = max(options, key=score)
    findings: list[Finding] = []
    charged: Decimal | None = None
    for figure in figures:
        level, expected, charge = _explain(series, inputs, best, figure, facts.schedules)
        rising = level > 0 and charged is not None and charge > charged
        if level > 0:
            charged = charge
        if rising:
            findings.append(finding(
                "expense_example", "error", table.id, figure.where, text(expected - charge), text(figure.value),
                f"{series.name}, {figure.years} years: ${text(figure.value)} needs a deferred sales charge of "
                f"${text(charge)}, more than in an earlier year; deferred charges only decline",
            ))
            continue
        if level == 2 or (level == 1 and any(
            _explain(series, inputs, other, figure, facts.schedules)[0] == 2 for other in options
        )):
            continue
        period = f"{figure.years} year" + ("s" if figure.years > 1 else "")
        basis = best.describe(inputs)
        severity: Severity
        if level == 1:
            message = (f"{series.name}, {period}: ${text(figure.value)} is explained only by a reading the "
                       f"filing does not state ({basis}; a half-percent deferred charge or the other waiver period)")
            severity = "warning"
        elif not facts.load_known:
            message = (f"{series.name}, {period}: ${text(figure.value)} could not be checked: the sales charges "
                       f"of this class are not in the fee table (without them {basis} gives ${text(expected)})")
            severity = "info"
        else:
            message = (f"{series.name}, {period}: $10,000 at 5% with {basis} costs ${text(expected)}, "
                       f"but the example shows ${text(figure.value)}")
            severity = "error"
        findings.append(finding("expense_example", severity, table.id, figure.where, text(expected),
                                text(figure.value), message))
    return findings


def expense_example(table: Table, related: Sequence[Table]) -> list[Finding]:
    """Recompute every figure of an example table from the fee table of the same document."""
    all_series = example_series(table)
    if not all_series:
        return []
    inputs, loads_stated = class_inputs(table, related)
    context = document_context(table, related)
    schedules = tuple(cdsc_schedules([table, *related]))
    findings: list[Finding] = []
    keys = {s.key for s in all_series}
    priced = [k for k, v in inputs.items() if (v.gross is not None or v.net is not None) and not k.startswith("id:")]
    for series in all_series:
        first = series.figures[min(series.figures)]
        known = lookup_series(inputs, series)
        if known is None and len(keys) == 1 and len(priced) == 1:
            known = lookup(inputs, priced[0])  # one class on each side: the names need not agree
        if known is None:
            why = "no fee table in the same document" if not inputs else "no matching class in the fee table"
            findings.append(finding(
                "expense_example", "info", table.id, first.where, "", text(first.value),
                f"{series.name}: {why}, so the example figures could not be recomputed",
            ))
            continue
        facts = Facts(context, schedules, known.load is not None or not loads_stated)
        findings.extend(check_series(table, series, known, inputs, facts))
    return findings


def example_order(table: Table, related: Sequence[Table] = ()) -> list[Finding]:
    """The 1, 3, 5 and 10-year figures increase, in series where no deferred charge falls away."""
    inputs, _ = class_inputs(table, related)
    findings: list[Finding] = []
    for series in example_series(table):
        known = lookup_series(inputs, series)
        cdsc = known.cdsc if known is not None else None
        if series.redeemed is not False and ((cdsc is None and series.redeemed) or cdsc):
            continue
        ordered = [series.figures[y] for y in sorted(series.figures)]
        for before, after in itertools.pairwise(ordered):
            if after.value > before.value:
                continue
            findings.append(finding(
                "example_order", "error" if after.value < before.value else "warning", table.id, after.where,
                f"more than {text(before.value)}", text(after.value),
                f"{series.name}: the {after.years}-year figure ${text(after.value)} is not above the "
                f"{before.years}-year figure ${text(before.value)}",
            ))
    return findings
