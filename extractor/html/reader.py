"""Rebuild the HTML ``<table>`` elements of a document into :class:`~extractor.model.Table`s."""

from __future__ import annotations

from ..model import Document, Table


def read_html_tables(doc: Document) -> list[Table]:
    """Every data ``<table>`` of ``doc`` as a Table (ids are assigned by the caller)."""
    return []
