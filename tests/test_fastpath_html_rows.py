"""One reading of a table's rows serves both the footnote reader and the grid builder."""

from __future__ import annotations

from conftest import CORPUS, FIXTURES

from extractor.container import decode_bytes, parse_container
from extractor.html.dom import Element, parse_document
from extractor.html.grid import build_grid, footnote_table, parsed_rows

_CORPUS_FILINGS = CORPUS / "filings"


def _tables() -> list[Element]:
    """Every HTML table of the fixtures, and of the corpus's HTML filings when it is present."""
    paths = sorted(FIXTURES.iterdir())
    if _CORPUS_FILINGS.is_dir():
        paths += sorted(p for p in _CORPUS_FILINGS.iterdir() if p.suffix in (".htm", ".html"))
    tables: list[Element] = []
    for path in paths:
        text = decode_bytes(path.read_bytes(), str(path))
        for doc in parse_container(text, str(path))[1]:
            root = parse_document(doc.text) if doc.is_html else None
            if root is not None:
                tables.extend(root.iter("{*}table"))
    return tables


def test_rows_read_for_footnotes_build_the_grid_a_fresh_reading_builds() -> None:
    tables = _tables()
    assert len(tables) > 15  # the fixtures alone hold 18
    for table in tables:
        shared = parsed_rows(table)
        assert footnote_table(table, shared) == footnote_table(table)
        assert build_grid(table, shared) == build_grid(table)
