"""Cross-check the arithmetic of classified tables; findings are data, never prints.

Fee tables get ``component_sum``, ``net_total`` and ``expense_cap``; expense examples get
``expense_example`` (recomputed from the fee table of the same document) and ``example_order``;
other tables get ``column_total``. Every table also goes through the XBRL checks.
"""

from __future__ import annotations

from collections.abc import Sequence

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


def validate(table: Table, related: Sequence[Table] = ()) -> list[Finding]:
    """Findings about one table; ``related`` are the other tables of the same document."""
    index = document_index([table, *related]) if table.kind == "expense_example" else None
    return _validate(table, index, _tagged([table, *related]))


def _validate(table: Table, index: DocumentIndex | None, tagged: bool) -> list[Finding]:
    """Findings about one table; ``index`` holds its document's tables, given for an expense example
    (the only table that looks at the others)."""
    findings: list[Finding] = []
    if table.kind == "fees":
        classes = fee_classes(table)  # read once for the three checks
        findings += component_sum(table, classes) + net_total(table, classes) + expense_cap(table, classes)
    elif table.kind == "expense_example":
        assert index is not None, "an expense example is checked against the tables of its document"
        findings += indexed_example_checks(table, index)
    else:
        findings += column_total(table)
    findings += check_xbrl(table, tagged)
    return findings


def validate_tables(tables: Sequence[Table]) -> list[Finding]:
    """Findings about every table of a filing, in table order."""
    by_document: dict[int, list[Table]] = {}
    for table in tables:
        by_document.setdefault(table.document, []).append(table)
    tagged = {document: _tagged(group) for document, group in by_document.items()}
    indexes: dict[int, DocumentIndex] = {}
    findings: list[Finding] = []
    for table in tables:
        index: DocumentIndex | None = None
        if table.kind == "expense_example":  # only an example looks at the other tables of its document
            index = indexes.get(table.document)
            if index is None:
                index = indexes[table.document] = document_index(by_document[table.document])
        findings.extend(_validate(table, index, tagged[table.document]))
    return findings
