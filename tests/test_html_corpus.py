"""The inline XBRL 485BPOS of the shared corpus, through the reader and the whole pipeline."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from extractor.html import read_html_tables
from extractor.model import Document, Table
from extractor.pipeline import extract

NAME = "delaware-equity-funds-ii-485bpos-2023"
CLASSES = ("C000006333", "C000006335", "C000031061", "C000006336", "C000171459")


@pytest.fixture(scope="module")
def filing_path() -> Path:
    path = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "filings" / f"{NAME}.html"
    if not path.is_file():
        pytest.skip("../shared/corpus is not present")
    return path


@pytest.fixture(scope="module")
def truth(filing_path: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads((filing_path.parent.parent / "truth" / f"{NAME}.json").read_text())
    return data


@pytest.fixture(scope="module")
def tables(filing_path: Path) -> dict[int, Table]:
    text = filing_path.read_text(encoding="utf-8")
    doc = Document(sequence=1, type=None, filename=None, line=1, text=text, is_html=True)
    return {t.line: t for t in read_html_tables(doc)}


def test_truth_tables_are_rebuilt_exactly(tables: dict[int, Table], truth: dict[str, object]) -> None:
    wanted = truth["tables"]
    assert isinstance(wanted, list)
    for want in wanted:
        got = tables[want["line"]]
        assert list(got.columns) == want["columns"]
        numbered = [r for r in got.rows if r.has_values]
        assert [r.line for r in numbered] == [r["line"] for r in want["rows"]]
        assert [r.label for r in numbered] == [r["label"] for r in want["rows"]]
        for row, want_row in zip(numbered, want["rows"], strict=True):
            expect = [None if v is None else Decimal(str(v)) for v in want_row["values"]]
            assert [c.value for c in row.cells] == expect


def test_every_fee_and_example_fact_is_attached_to_its_class(tables: dict[int, Table]) -> None:
    facts = [c.xbrl for line in (525, 550, 594) for r in tables[line].rows for c in r.cells]
    assert len(facts) == 54 and all(f is not None for f in facts)
    assert tables[550].column_classes == CLASSES
    assert tables[594].column_classes == (CLASSES[0], CLASSES[1], *CLASSES[1:])
    waiver_free = tables[550].rows[0].cells[0].xbrl
    assert waiver_free is not None and waiver_free.value == Decimal("0.0053")
    assert waiver_free.series_id == "S000002391"
    no_redemption = tables[594].rows[0].cells[1].xbrl
    assert no_redemption is not None and no_redemption.concept == "rr:ExpenseExampleNoRedemptionYear01"


def test_markers_and_footnote_rows(tables: dict[int, Table]) -> None:
    deferred = tables[525].rows[1]
    assert [c.footnotes for c in deferred.cells[:2]] == [("(1)",), ("(1)",)]
    assert deferred.cells[1].value == Decimal("1.00")
    fees = tables[550]
    assert [f.marker for f in fees.footnotes] == ["1", "2"]
    assert fees.footnotes[1].text.startswith("\u201cOther expenses\u201d account for Class R6")
    assert fees.rows[2].cells[4].value == Decimal("0.08") and fees.rows[2].cells[4].footnotes == ("(2)",)


def test_pipeline_finds_no_xbrl_mismatch(filing_path: Path) -> None:
    filing = extract(filing_path)
    lines = {t.line for t in filing.tables}
    assert {525, 550, 594} <= lines
    assert [f for f in filing.findings if f.check == "xbrl_mismatch"] == []
