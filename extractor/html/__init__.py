"""The HTML reader: ``<table>`` elements and inline XBRL facts into the shared table model."""

from .reader import read_html_tables

__all__ = ["read_html_tables"]
