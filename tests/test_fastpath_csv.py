"""The batch's CSV of the tidy rows, put together from fields made once per table, row and column
(``writers.tidy_csv``), is the text the csv module writes for the whole rows: on awkward text
(quotes, commas, line feeds and carriage returns inside fields, empty and missing values) and on
the fixtures and the corpus filings."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from conftest import CORPUS, FIXTURES

from extractor.batch.formats import csv_body, csv_text, encode_tidy
from extractor.errors import ExtractorError
from extractor.model import Cell, Document, Filing, Header, Row, ShareClass, Table, XbrlFact
from extractor.pipeline import extract
from extractor.writers import csv_field, tidy_csv, tidy_rows

AWKWARD = ["", "plain", "a, comma", 'a "quote"', "line\nbreak", "carriage\rreturn", "both\r\n", " padded ",
           "ünïcødé — dash", ",", '"', "\n"]


def awkward_filing(shared_text: str, label: str, text: str) -> Filing:
    cells = (Cell(text, Decimal("0.25"), "percent", ("*", "(a)")), Cell(""), Cell(text, None, None, (text, "2")),
             Cell("", Decimal("1206"), "usd", (), XbrlFact("rr:X", Decimal("0.0025"), "C1")),
             Cell("-0", Decimal("-0"), None, (), XbrlFact(text, Decimal("-12.50"), text or None)))
    table = Table("t1", 3, ("Class A", text, "", "Class B", label), (Row(4, label, cells), Row(5, "", cells, text)),
                  kind="fees", caption=shared_text, column_concepts=(None, text, "C", None, label))
    other = Table("t2", 9, ("x",), (Row(10, label, (Cell(""),)),))
    header = Header(shared_text, "497", shared_text, None, "2020-01-01",
                    (ShareClass("S1", shared_text, "C1", "Class A"), ShareClass("S1", None, "C2", text)))
    return Filing(shared_text or "f.txt", header, (Document(1, "497", "f.txt", 1),), (table, other, table))


def real_filings() -> Iterator[Filing]:
    for folder in (FIXTURES, CORPUS / "filings"):
        for path in sorted(folder.iterdir()) if folder.is_dir() else []:
            try:
                yield extract(path)
            except ExtractorError:
                continue


@pytest.mark.parametrize("shared_text", AWKWARD)
def test_awkward_text_encodes_as_whole_rows(shared_text: str) -> None:
    for label in AWKWARD:
        for text in AWKWARD:
            filing = awkward_filing(shared_text, label, text)
            assert tidy_csv(filing).encode() == csv_body(tidy_rows(filing))


def test_fields_are_quoted_as_the_csv_module_quotes_them() -> None:
    assert csv_field("1,206") == '"1,206"'
    assert csv_field('a "quote"') == '"a ""quote"""'
    assert csv_field("line\nbreak") == '"line\nbreak"'
    assert csv_field(" padded ") == " padded "
    for text in AWKWARD:
        assert csv_field(text) + ",x\n" == csv_text([(text, "x")])


def test_real_filings_encode_as_whole_rows() -> None:
    for filing in real_filings():
        for kinds in (None, ("fees",)):
            assert tidy_csv(filing, kinds).encode() == csv_body(tidy_rows(filing, kinds))


def test_no_rows_encode_as_nothing() -> None:
    empty = Filing("f.txt", Header(), ())
    assert encode_tidy(empty, None, "csv") == b"" == encode_tidy(empty, None, "parquet")
