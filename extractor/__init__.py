"""edgar-extract: SEC EDGAR filings to tables, fee-table DataFrames and cross-checked findings.

>>> filing = extract("fixtures/met-aim-small-cap-growth-497-2006.txt")
>>> filing.tables[0].to_frame()  # doctest: +SKIP
"""

from .checks import validate
from .errors import ExtractorError
from .model import Cell, Document, Filing, Finding, Header, Row, Table
from .pipeline import extract, extract_all, extract_bytes

__all__ = [
    "Cell", "Document", "ExtractorError", "Filing", "Finding", "Header", "Row", "Table",
    "extract", "extract_all", "extract_bytes", "validate",
]
