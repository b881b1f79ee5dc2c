"""The plain-text reader: tokens, column spans, rows and headers of ``<TABLE>`` blocks."""

from .reader import read_text_tables

__all__ = ["read_text_tables"]
