"""Cross-check the arithmetic of classified tables; findings are data, never prints.

Fee tables get ``component_sum``, ``net_total`` and ``expense_cap``; expense examples get
``expense_example`` (recomputed from the fee table of the same document) and ``example_order``;
other tables get ``column_total``. Every table also goes through the XBRL checks. A fee table
that goes on into its expense example (the classifier gives its last rows example concepts) is
checked as the two tables it holds.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date

from ..model import Finding, Table
from .caps import expense_cap
from .example import indexed_example_checks
from .fees import component_sum, net_total
from .grid import fee_classes
from .series import DocumentIndex, document_index
from .totals import column_total
from .xbrl import check_xbrl

__all__ = ["validate", "validate_tables"]


def _tagged(tables: Sequence[Table]) -> bool:
    return any(table.has_xbrl for table in tables)


def filing_date(filed: str | None) -> date | None:
    """The date of an ISO ``FILED AS OF DATE`` (as :class:`~extractor.model.Header` keeps it), ``None``
    when there is none or it does not read."""
    if not filed:
        return None
    try:
        return date.fromisoformat(filed)
    except ValueError:
        return None


def validate(table: Table, related: Sequence[Table] = (), filed: str | None = None) -> list[Finding]:
    """Findings about one table; ``related`` are the other tables of the same document, ``filed``
    the date the filing was made (ISO, the SEC header's), where known."""
    parts = _parts(table)
    index = None
    if any(part.kind == "expense_example" for part in parts):
        index = document_index([*parts, *(p for other in related for p in _parts(other))])
    return _validate(table, parts, index, _tagged([table, *related]), filing_date(filed))


def _parts(table: Table) -> tuple[Table, ...]:
    """The tables ``table`` holds for the checks: itself, or a fee table's fee rows and the
    expense example in its last rows, the example placed at the line of its first row (after
    the fee rows it is recomputed from)."""
    if table.kind != "fees" or table.column_concepts is not None:
        return (table,)
    rows = table.rows
    start = next((k for k, row in enumerate(rows) if row.concept and row.concept.startswith("ExpenseExample")), None)
    if start is None:
        return (table,)
    while start > 0 and not rows[start - 1].has_text:
        start -= 1  # the heading and the lead-in of the example
    fees = dataclasses.replace(table, rows=rows[:start])
    example = dataclasses.replace(table, kind="expense_example", rows=rows[start:], line=rows[start].line)
    return (fees, example)


def _validate(table: Table, parts: Sequence[Table], index: DocumentIndex | None, tagged: bool,
              filed: date | None = None, has_xbrl: bool | None = None) -> list[Finding]:
    """Findings about one table, checked as ``parts`` (:func:`_parts`); ``index`` holds its
    document's tables, given for an expense example (the only table that looks at the others,
    and the only one that reads ``filed``, the date a waiver's term is counted from), and for
    every table of a document that has one (its fee tables' classes are read once for both);
    ``has_xbrl`` is the table's :attr:`~extractor.model.Table.has_xbrl`, where known."""
    findings: list[Finding] = []
    for part in parts:
        if part.kind == "fees":
            classes = fee_classes(part) if index is None else index.fee_classes(part)  # once for the checks
            findings += component_sum(part, classes) + net_total(part, classes) + expense_cap(part, classes)
        elif part.kind == "expense_example":
            assert index is not None, "an expense example is checked against the tables of its document"
            findings += indexed_example_checks(part, index, filed)
        else:
            findings += column_total(part)
    findings += check_xbrl(table, tagged, has_xbrl)
    return findings


def validate_tables(tables: Sequence[Table], filed: str | None = None) -> list[Finding]:
    """Findings about every table of a filing, in table order; ``filed`` is the date the filing
    was made (ISO, the SEC header's ``filed``), where known: an example counts a dated waiver's
    term from it when the prose dates the document nowhere."""
    filing_day = filing_date(filed)
    by_document: dict[int, list[Table]] = {}
    parts = [_parts(table) for table in tables]
    for table, held in zip(tables, parts, strict=True):
        by_document.setdefault(table.document, []).extend(held)
    # whether each table has a fact, looked for once: a document is tagged when any of its tables is
    has_xbrl = [table.has_xbrl for table in tables]
    tagged: dict[int, bool] = dict.fromkeys(by_document, False)
    for table, has in zip(tables, has_xbrl, strict=True):
        tagged[table.document] = tagged[table.document] or has
    # only an example looks at the other tables of its document, so only its document is indexed
    indexes = {document: document_index(group) for document, group in by_document.items()
               if any(part.kind == "expense_example" for part in group)}
    findings: list[Finding] = []
    for table, held, has in zip(tables, parts, has_xbrl, strict=True):
        index = indexes.get(table.document)
        findings.extend(_validate(table, held, index, tagged[table.document], filing_day, has))
    return findings
