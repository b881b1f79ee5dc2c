"""Arithmetic of the annual-operating-expense table: components, totals, waivers.

``component_sum``: management + 12b-1 + non-12b-1 distribution + other expenses + acquired fund
fees and expenses = the gross total, per class; sub-items listed under "Other expenses" add up to
it. ``net_total``: gross total combined with the waiver / reimbursement / recoupment rows = net.
A waiver or reimbursement reduces whatever its notation (``0.10``, ``(0.10)``, ``-0.10``); a
repayment or recoupment to the adviser adds; a label that allows both is read both ways and the
arithmetic decides.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from decimal import Decimal
from typing import Final

import regex

from ..classify.labels import normalize
from ..model import Finding, Table
from .grid import ClassFees, Item, fee_classes
from .policy import ROUNDING, finding, rounding_tolerance, severity, text

COMPONENTS: Final = (
    "ManagementFeesOverAssets",
    "DistributionAndService12b1FeesOverAssets",
    "DistributionOrSimilarNon12b1FeesOverAssets",
    "OtherExpensesOverAssets",
    "AcquiredFundFeesAndExpensesOverAssets",
)
SUB_ITEMS: Final = tuple(f"Component{i}OtherExpensesOverAssets" for i in (1, 2, 3))
GROSS: Final = "ExpensesOverAssets"
NET: Final = "NetExpensesOverAssets"
WAIVER: Final = "FeeWaiverOrReimbursementOverAssets"
OTHER: Final = "OtherExpensesOverAssets"

_REDUCES: Final = regex.compile(r"waive|waiver|reimburs|reduction|less\b|limitation|forgone|absorb|credit")
_ADDS: Final = regex.compile(r"recoup|repay|recaptur|recover")


def _value(item: Item) -> Decimal:
    return item.value if item.value is not None else Decimal(0)


def _terms(items: list[Item]) -> str:
    shown = [text(i.value) for i in items if i.value]
    return " + ".join(shown) if shown else "0"


_TOP_ORDER: Final = {concept: k for k, concept in enumerate(COMPONENTS)}
_SUB_ORDER: Final = {concept: k for k, concept in enumerate(SUB_ITEMS)}


def _components(fees: ClassFees) -> tuple[list[Item], list[Item]]:
    """(top-level components, sub-items of other expenses) of one class, concept by concept in
    the order of ``COMPONENTS`` and ``SUB_ITEMS``: one pass over the items and a stable sort
    (which keeps a concept's items in table order) instead of one pass per concept."""
    top = sorted((i for i in fees.items if i.concept in _TOP_ORDER), key=lambda i: _TOP_ORDER[i.concept])
    subs = sorted((i for i in fees.items if i.concept in _SUB_ORDER), key=lambda i: _SUB_ORDER[i.concept])
    return top, subs


def component_total(fees: ClassFees) -> Decimal | None:
    """The plain sum of one class's top-level components, or ``None`` without any."""
    top, _ = _components(fees)
    values = [i.value for i in top if i.value is not None]
    return sum(values, Decimal(0)) if values else None


def component_sum(table: Table, classes: Sequence[ClassFees] | None = None) -> list[Finding]:
    """Components add up to the gross total (or to the only total when there is no waiver).

    ``classes``: the table's :func:`fee_classes`, when the caller has them already.
    """
    findings: list[Finding] = []
    for fees in fee_classes(table) if classes is None else classes:
        top, subs = _components(fees)
        total = fees.first(GROSS)
        if total is None and not fees.has(WAIVER):
            total = fees.first(NET)
        if total is None or total.value is None:
            if len({i.concept for i in top if i.value}) >= 2 and not fees.has(GROSS) and not fees.has(NET):
                row = next(i for i in top if i.value)
                findings.append(finding(
                    "component_sum", "info", table.id, row.where, "", "",
                    f"{fees.name}: no total row found, so the components could not be added up",
                ))
            continue
        other_items = [i for i in top if i.concept == OTHER]
        other_given = any(i.value is not None for i in other_items)
        findings.extend(_sub_items(table, fees, other_items, subs))
        addends = top if other_given or not subs else [i for i in top if i.concept != OTHER] + subs
        if other_given:
            addends = addends + _beyond_breakdown(fees, subs)
        if not any(i.value is not None for i in addends):
            continue
        shown = total.value
        readings = _readings(fees, addends, subs if other_given else [])
        expected, terms, unnamed = min(readings, key=lambda r: abs(shown - r[0]))
        if expected == shown:
            continue
        message = f"{fees.name}: {_terms(terms)} = {text(expected)}, but the total row shows {text(total.value)}"
        if unnamed:
            named = ", ".join(f"'{i.label}' {text(_value(i))}" for i in unnamed)
            message = (f"{fees.name}: {_terms(terms)} plus the lines without a fee concept ({named}) = "
                       f"{text(expected)}, but the total row shows {text(total.value)}")
        tolerance = rounding_tolerance([total.value, *(i.value for i in terms), *(i.value for i in unnamed)])
        findings.append(finding(
            "component_sum", severity(total.value - expected, tolerance), table.id, total.where, text(expected),
            text(total.value), message,
        ))
    return findings


Reading = tuple[Decimal, list[Item], list[Item]]
"""A sum the gross total may be: its value, the items it adds, and the lines without a concept among them."""


def _readings(fees: ClassFees, addends: list[Item], subs: list[Item]) -> list[Reading]:
    """The ways of adding up one class, the plain one first (the nearest to the total wins; of
    equals, the first): with the items under "Other expenses" as lines of their own, with a
    broken-down figure counted once, and each with the lines no concept names (interest, taxes,
    short-sale dividends), which the gross total includes."""
    def total(items: list[Item]) -> Decimal:
        return sum((_value(i) for i in items), Decimal(0))

    ways = [addends]
    if subs:
        ways.append(addends + [i for i in subs if i not in addends])  # the "items" are separate lines
    collapsed = _without_breakdowns(addends, fees)
    if collapsed is not None:
        ways.append(collapsed)
    unnamed = [i for i in fees.unnamed if i.value is not None]
    out: list[Reading] = [(total(way), way, []) for way in ways]
    if unnamed:
        out += [(total(way) + total(unnamed), way, unnamed) for way in ways]
    return out


_PARTS: Final = frozenset({OTHER, "DistributionOrSimilarNon12b1FeesOverAssets", *SUB_ITEMS})
"""Concepts of the lines an "Other expenses" figure may be broken down into (a servicing fee
on its own line is read as a non-12b-1 fee, a remainder line as other expenses)."""


_MOST_PARTS: Final = 50
"""Most lines looked at for the parts of one other-expenses figure. Filers break it down into a
handful (servicing fee, interest, the remainder); over the 2,499 inputs of ``benchmarks/golden.py``
no run of candidate parts is longer than one line. A run of thousands of lines that might be
parts (a misread table) made the search quadratic."""


def _breakdowns(fees: ClassFees) -> set[int]:
    """Identities of the items that are the breakdown of an other-expenses figure of the class.

    Filers print "Other expenses" with its parts just below it, or the parts with a "Total other
    expenses" row below them; when a reader or a label leaves the parts looking like lines of
    their own, the arithmetic still shows it: the lines right below the figure (or right above a
    total row) add up to it exactly. Such parts are counted once, in the figure. Below a figure
    it takes two lines with amounts: one line equal to it is as likely a line of its own.
    """
    items = fees.items
    covered: set[int] = set()
    for k, item in enumerate(items):
        if item.concept != OTHER or item.value is None:
            continue
        total_row = "total" in normalize(item.label)
        # by index, and the valued parts counted as they come: slicing the items and counting
        # the parts again at each step were quadratic in a table of thousands of rows
        if total_row:
            run = range(k - 1, max(-1, k - 1 - _MOST_PARTS), -1)
        else:
            run = range(k + 1, min(len(items), k + 1 + _MOST_PARTS))
        parts: list[Item] = []
        running = Decimal(0)
        valued = 0
        for at in run:
            part = items[at]
            if part.concept not in _PARTS:
                break
            parts.append(part)
            running += _value(part)
            valued += 1 if part.value else 0
            if running == item.value and valued >= (1 if total_row else 2):
                covered.update(id(p) for p in parts)
                break
    return covered


def _without_breakdowns(addends: list[Item], fees: ClassFees) -> list[Item] | None:
    """``addends`` without the parts of a broken-down other-expenses figure, or ``None`` when
    none of them is such a part."""
    covered = _breakdowns(fees)
    kept = [i for i in addends if id(i) not in covered]
    return kept if len(kept) < len(addends) else None


def _beyond_breakdown(fees: ClassFees, subs: list[Item]) -> list[Item]:
    """Sub-items after those that add up to the other-expenses figure: lines of their own that
    the classifier took for more items (an interest expense line below "Other expenses", its
    servicing fee and its remainder), which the gross total includes."""
    covered = _breakdowns(fees)
    if not any(id(i) in covered for i in subs):
        return []
    return [i for i in subs if id(i) not in covered and i.value is not None]


def _sub_items(table: Table, fees: ClassFees, other: list[Item], subs: list[Item]) -> list[Finding]:
    """Sub-items listed under "Other expenses" add up to it (when both are given)."""
    given = next((i for i in other if i.value is not None), None)
    if given is None or given.value is None or not any(i.value is not None for i in subs):
        return []
    covered = _breakdowns(fees)
    if any(id(i) in covered for i in subs if i.value is not None):
        return []  # some items (and a remainder line) add up to the figure; the rest are lines of their own
    expected = sum((_value(i) for i in subs), Decimal(0))
    if expected == given.value:
        return []
    top_level = sum((_value(i) for c in COMPONENTS for i in fees.of(c)), Decimal(0)) + expected
    gross = fees.first(GROSS)
    if gross is not None and gross.value is not None and abs(gross.value - top_level) <= min(
            ROUNDING, abs(given.value - expected) - ROUNDING):
        return []  # the "sub-items" are separate lines of the table, and the total says so (give or take rounding)
    return [finding(
        "component_sum", severity(given.value - expected, rounding_tolerance([given.value, *(i.value for i in subs)])),
        table.id, given.where, text(expected),
        text(given.value),
        f"{fees.name}: other expenses items {_terms(subs)} = {text(expected)}, "
        f"but the other expenses row shows {text(given.value)}",
    )]


def waiver_signs(item: Item) -> tuple[int, ...]:
    """Possible signs of a waiver-row amount: (-1,) reduces, (1,) adds, (-1, 1) either.

    A label that allows both ("Expense (Waiver)/Recoupment") prints the waiver in parentheses
    or with a minus, as its own wording does: a negative amount there is a waiver. A positive
    one may still be a waiver printed without a sign, so it is read both ways.
    """
    label = normalize(item.label)
    reduces = bool(_REDUCES.search(label))
    adds = bool(_ADDS.search(label))
    if reduces and not adds:
        return (-1,)
    if adds and not reduces:
        return (1,)
    if item.value is not None and item.value < 0:
        return (-1,)
    return (-1, 1)


def _reading(signed: list[tuple[Item, int]]) -> str:
    parts = []
    for item, sign in signed:
        amount = abs(item.value or Decimal(0))
        word = "reduction" if sign < 0 else "repayment"
        parts.append(f"{'-' if sign < 0 else '+'} {text(amount)} ({word})")
    return " ".join(parts)


def net_total(table: Table, classes: Sequence[ClassFees] | None = None) -> list[Finding]:
    """Gross total combined with the waiver rows = the net total, per class (``classes`` as in
    :func:`component_sum`)."""
    findings: list[Finding] = []
    for fees in fee_classes(table) if classes is None else classes:
        net = fees.first(NET)
        gross = fees.first(GROSS)
        waivers = [i for i in fees.of(WAIVER) if i.value]
        if net is None or net.value is None:
            if waivers and not fees.has(NET):
                findings.append(finding(
                    "net_total", "info", table.id, waivers[0].where, "", text(waivers[0].value or Decimal(0)),
                    f"{fees.name}: a waiver row but no net total row, so the net expenses could not be checked",
                ))
            continue
        if gross is None or gross.value is None:
            if waivers:
                findings.append(finding(
                    "net_total", "info", table.id, net.where, "", text(net.value),
                    f"{fees.name}: no gross total, so the waiver arithmetic could not be checked",
                ))
            continue
        readings = []
        for signs in itertools.product(*(waiver_signs(w) for w in waivers)):
            signed = list(zip(waivers, signs, strict=True))
            amount = sum((abs(w.value or Decimal(0)) * s for w, s in signed), Decimal(0))
            readings.append((gross.value + amount, signed))
        if any(value == net.value for value, _ in readings):
            continue
        added = component_total(fees)
        if added is not None and added != gross.value and any(
            value - gross.value + added == net.value for value, _ in readings
        ):
            continue  # the gross total row is the odd one out, and component_sum reports it
        if not waivers:
            findings.append(finding(
                "net_total", "warning", table.id, net.where, text(gross.value), text(net.value),
                f"{fees.name}: the net total {text(net.value)} differs from the gross total {text(gross.value)}, "
                "and no waiver or reimbursement row explains it",
            ))
            continue
        found = net.value
        expected = min((value for value, _ in readings), key=lambda v: abs(v - found))
        shown = [f"{text(gross.value)} {_reading(s)} = {text(v)}" for v, s in readings]
        either = " or ".join(shown)
        lead = "neither reading explains it: " if len(readings) > 1 else ""
        tolerance = rounding_tolerance([gross.value, net.value, *(w.value for w in waivers)])
        findings.append(finding(
            "net_total", severity(net.value - expected, tolerance), table.id, net.where, text(expected),
            text(net.value),
            f"{fees.name}: {lead}{either}, but the net total row shows {text(net.value)}",
        ))
    return findings
