"""Checks of the rendered numbers against their inline XBRL facts (xbrl_mismatch, xbrl_concept, ...)."""

from __future__ import annotations

from ..model import Finding, Table


def check_xbrl(table: Table, tagged_filing: bool = False) -> list[Finding]:
    """Findings where a cell's number and its XBRL fact disagree; ``tagged_filing`` enables untagged info."""
    return []
