"""Checks of the rendered numbers against their inline XBRL facts.

``xbrl_mismatch`` (error): the number a cell shows and the number its fact states disagree. A
percentage may be tagged as a fraction (``0.53%`` as ``0.0053``, the taxonomy's way) or as the
figure itself (``0.53``); both agree. A waiver's sign follows the validator's rule that a waiver
reduces whatever its notation, so ``(0.19)`` tagged ``sign="-"`` or unsigned agrees; a sign that
differs on any other fee-table concept is a warning. Outside fee tables, statements print
outflows in parentheses and tag in thousands or millions, so only the digits must agree.
``xbrl_concept`` (warning): the fact's concept is not the row's (or, in a table of classes by fee
type, the column's) classified concept. ``xbrl_untagged`` (info): a fee-table number without a
fact in a filing that tags its tables.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

import regex

from ..model import Cell, Finding, Row, Severity, Table, XbrlFact


def text(number: Decimal) -> str:
    """A decimal string without exponent or ``-0`` (as the other checks write them)."""
    return format(abs(number) if number == 0 else number, "f")


def finding(
    check: str, level: Severity, table: str, where: tuple[int, str, str], expected: str, found: str, message: str
) -> Finding:
    line, row, column = where
    return Finding(check, level, table, line, row, column, expected, found, message)

FEE_KINDS: Final = ("fees", "expense_example")
SIGN_FREE: Final = ("FeeWaiverOrReimbursementOverAssets",)
"""Concepts whose sign is a matter of notation: the arithmetic reads them by their label."""
_NO_REDEMPTION: Final = regex.compile(
    r"\b(?:not|no|without|don'?t|do not)\b[^.;]{0,40}?\b(?:redeem|redemption|sell|sold|surrender)|\bkeep|\bhold",
    regex.I,
)
_YEAR: Final = regex.compile(r"^ExpenseExample(?:NoRedemption)?(Year\d\d)$")


def local(concept: str) -> str:
    """``ManagementFeesOverAssets`` for ``rr:ManagementFeesOverAssets``."""
    return concept.rsplit(":", 1)[-1]


def _readings(fact: XbrlFact, cell: Cell, fee_table: bool) -> tuple[Decimal, ...]:
    """The figures a fact may be shown as.

    In a fee table: a dollar amount as itself, anything else as itself or as a percentage. In other
    tables (statements in thousands or millions) the ``scale`` may be any of the usual ones.
    """
    if not fee_table:
        return tuple(fact.value.scaleb(-k) for k in (0, -2, 3, 6, 9))
    if cell.unit == "usd":
        return (fact.value,)
    return (fact.value * 100, fact.value)


def _mismatch(cell: Cell, fact: XbrlFact, fee_table: bool) -> tuple[Severity, Decimal] | None:
    """("error" | "warning", the tagged figure closest to the shown one) when they disagree."""
    readings = _readings(fact, cell, fee_table)
    shown = cell.value
    if shown is None:
        return None if fact.value == 0 else ("error", readings[0])
    if shown in readings:
        return None
    if -shown in readings:
        # Statements print outflows in parentheses that the taxonomy counts positive.
        return None if local(fact.concept) in SIGN_FREE or not fee_table else ("warning", -shown)
    closest = min(readings, key=lambda r: abs(r - shown))
    return "error", closest


def _expected_concept(table: Table, row: Row, column: int) -> str | None:
    if table.column_concepts is not None:
        return table.column_concepts[column] if column < len(table.column_concepts) else None
    return row.concept


def _concept_fits(expected: str, tagged: str, header: str, label: str, heading: str = "") -> bool:
    """Whether the tag names the expected concept, or its no-redemption twin under such a header,
    label or heading row ("If you do not sell your shares:" over class rows)."""
    if expected == tagged:
        return True
    want, got = _YEAR.match(expected), _YEAR.match(tagged)
    if want and got and want[1] == got[1] and "NoRedemption" in tagged:
        return any(_NO_REDEMPTION.search(text) for text in (header, label, heading))
    return False


def _headings(table: Table) -> list[str]:
    """Per row, the label of the last row above it without values (a heading such as "If you
    do not sell your shares:"), or ``""``; only examples have such headings to read."""
    if table.kind != "expense_example":
        return [""] * len(table.rows)
    out: list[str] = []
    heading = ""
    for row in table.rows:
        if not row.has_values and row.label:
            heading = row.label
        out.append(heading)
    return out


def check_xbrl(table: Table, tagged_filing: bool = False, has_xbrl: bool | None = None) -> list[Finding]:
    """Findings where a cell's number and its XBRL fact disagree; ``tagged_filing`` enables untagged info.
    ``has_xbrl``: :attr:`~extractor.model.Table.has_xbrl`, where the caller knows it (a look at
    every cell of a plain-text table)."""
    findings: list[Finding] = []
    fee_table = table.kind in FEE_KINDS
    untagged = tagged_filing and fee_table
    if has_xbrl is None:
        has_xbrl = table.has_xbrl
    if not untagged and not has_xbrl:
        return findings  # every plain-text table: no fact to compare, no untagged cell to report
    headings = _headings(table) if has_xbrl else []
    for k, row in enumerate(table.rows):
        for i, cell in enumerate(row.cells):
            fact = cell.xbrl
            if fact is None and not (untagged and cell.value is not None):
                continue  # every cell of a plain-text table: nothing to compare, nothing to say
            header = table.columns[i] if i < len(table.columns) else ""
            where = (row.line, row.label, header)
            if fact is None:
                assert cell.value is not None
                findings.append(finding(
                    "xbrl_untagged", "info", table.id, where, "", text(cell.value),
                    f"{header or 'column ' + str(i + 1)}: {cell.text} carries no inline XBRL fact",
                ))
                continue
            problem = _mismatch(cell, fact, fee_table)
            if problem is not None:
                level, tagged = problem
                shown = text(cell.value) if cell.value is not None else ""
                findings.append(finding(
                    "xbrl_mismatch", level, table.id, where,
                    text(tagged), shown,
                    f"{header or 'column ' + str(i + 1)}: shows {cell.text or 'nothing'}, but {fact.concept} "
                    f"({fact.context or 'no context'}) is tagged {text(fact.value)}",
                ))
            expected = _expected_concept(table, row, i)
            if expected and not _concept_fits(expected, local(fact.concept), header, row.label, headings[k]):
                findings.append(finding(
                    "xbrl_concept", "warning", table.id, where, expected, local(fact.concept),
                    f"{header or 'column ' + str(i + 1)}: the row reads as {expected}, "
                    f"but the cell is tagged {fact.concept}",
                ))
    return findings
