"""The batch's CSV encoding of tidy rows by table gives the bytes the csv module gives for the
whole rows: on awkward text (quotes, commas, newlines inside fields, empty and missing values)
and on the fixtures and the corpus filings."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from conftest import CORPUS, FIXTURES

from extractor.batch.formats import csv_body, encode_tidy, tidy_csv_body
from extractor.errors import ExtractorError
from extractor.model import Cell, Document, Filing, Header, Row, ShareClass, Table, XbrlFact
from extractor.pipeline import extract
from extractor.writers import tidy_rows, tidy_tables

AWKWARD = ["", "plain", "a, comma", 'a "quote"', "line\nbreak", "carriage\rreturn", "both\r\n", " padded ",
           "ünïcødé — dash", ",", '"', "\n"]


def awkward_filing(shared_text: str, label: str, text: str) -> Filing:
    cells = (Cell(text, Decimal("0.25"), "percent", ("*", "(a)")), Cell(""), Cell(text),
             Cell("", Decimal("1206"), "usd", (), XbrlFact("rr:X", Decimal("0.0025"), "C1")))
    table = Table("t1", 3, ("Class A", text, "", "Class B"), (Row(4, label, cells), Row(5, "", cells, "Concept")),
                  kind="fees", caption=shared_text)
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
            assert tidy_csv_body(tidy_tables(filing)) == csv_body(tidy_rows(filing))


def test_real_filings_encode_as_whole_rows() -> None:
    for filing in real_filings():
        for kinds in (None, ("fees",)):
            assert tidy_csv_body(tidy_tables(filing, kinds)) == csv_body(tidy_rows(filing, kinds))


def test_no_rows_encode_as_nothing() -> None:
    empty = Filing("f.txt", Header(), ())
    assert encode_tidy(tidy_tables(empty), "csv") == b"" == encode_tidy(tidy_tables(empty), "parquet")
