"""Cross-check the arithmetic of classified tables; findings are data, never prints."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Finding, Table


def validate(table: Table, related: Sequence[Table] = ()) -> list[Finding]:
    """Findings about one table; ``related`` are the other tables of the same document."""
    return []


def validate_tables(tables: Sequence[Table]) -> list[Finding]:
    """Findings about every table of a filing, in table order."""
    findings: list[Finding] = []
    for table in tables:
        findings.extend(validate(table, [t for t in tables if t.document == table.document]))
    return findings
