"""Inline XBRL facts: reading, attaching to cells, and the xbrl_* checks."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import FIXTURES

from extractor.checks.xbrl import check_xbrl
from extractor.html import read_html_tables
from extractor.html.dom import parse_document
from extractor.html.xbrl import transform
from extractor.model import Cell, Document, Row, Table, XbrlFact

WAIVER = FIXTURES / "html-ixbrl-waiver.html"
CONCEPTS = [
    "ManagementFeesOverAssets", "DistributionAndService12b1FeesOverAssets", "OtherExpensesOverAssets",
    "ExpensesOverAssets", "FeeWaiverOrReimbursementOverAssets", "NetExpensesOverAssets",
]


def read(text: str) -> list[Table]:
    return read_html_tables(Document(sequence=1, type=None, filename=None, line=1, text=text, is_html=True))


def classified(table: Table, kind: str, concepts: list[str]) -> Table:
    """What the classifier gives these tables, set by hand so that only the checks are tested."""
    rows = tuple(dataclasses.replace(r, concept=c) for r, c in zip(table.rows, concepts, strict=True))
    return dataclasses.replace(table, id="t1", kind=kind, rows=rows)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def waiver_tables() -> list[Table]:
    return read(Path(WAIVER).read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("text", "fmt", "value"),
    [
        ("1,065", "ixt:num-dot-decimal", Decimal("1065")),
        ("0.53", "ixt:numdotdecimal", Decimal("0.53")),
        ("1.234,50", "ixt:num-comma-decimal", Decimal("1234.50")),
        ("none", "ixt-sec:numwordsen", Decimal(0)),
        ("twenty-five", "ixt-sec:numwordsen", Decimal(25)),
        ("None", "ixt:fixed-zero", Decimal(0)),
        ("\u2014", "ixt:fixed-zero", Decimal(0)),
        ("", "ixt:fixed-empty", None),
        ("n/a", "ixt:num-dot-decimal", None),
    ],
)
def test_transforms(text: str, fmt: str, value: Decimal | None) -> None:
    assert transform(text, fmt) == value


def test_facts_attach_with_scale_sign_and_class(waiver_tables: list[Table]) -> None:
    fees, example = waiver_tables
    mgmt = fees.rows[0].cells[0].xbrl
    assert mgmt == XbrlFact("rr:ManagementFeesOverAssets", Decimal("0.0060"), "C000054321", "S000012345", "c-a")
    waiver = fees.rows[4]
    assert [c.value for c in waiver.cells] == [Decimal("-0.19"), Decimal("-0.19")]
    assert [c.xbrl.value for c in waiver.cells if c.xbrl] == [Decimal("-0.0019"), Decimal("-0.0019")]
    # fixed-zero "None": no number shown, zero tagged.
    none_cell = fees.rows[1].cells[1]
    assert none_cell.value is None and none_cell.xbrl is not None and none_cell.xbrl.value == 0
    # A member without an EDGAR class ID is kept by its name.
    assert fees.column_classes == ("C000054321", "syn:InstitutionalClassMember")
    assert fees.columns == ("Class A", "Institutional Class")
    assert [f.marker for f in fees.footnotes] == ["1"]
    assert example.rows[1].cells[1].xbrl == XbrlFact(
        "rr:ExpenseExampleYear03", Decimal("284"), "syn:InstitutionalClassMember", "S000012345", "c-i"
    )
    assert sum(c.xbrl is not None for t in waiver_tables for r in t.rows for c in r.cells) == 16


def test_broken_xhtml_falls_back_to_the_html_parser_and_keeps_the_facts() -> None:
    text = Path(WAIVER).read_text(encoding="utf-8").replace("<p><b>Example</b></p>", "<p><b>Example&nbsp;<p></b>")
    root = parse_document(text)
    assert root is not None and root.tag == "html"  # the recovering HTML parser read it
    fees, example = read(text)
    assert fees.rows[4].cells[0].xbrl is not None
    assert fees.rows[4].cells[0].xbrl.value == Decimal("-0.0019")
    assert fees.column_classes == ("C000054321", "syn:InstitutionalClassMember")
    assert example.rows[0].cells[0].xbrl is not None and example.rows[0].cells[0].xbrl.value == 109


def test_no_findings_when_shown_and_tagged_agree(waiver_tables: list[Table]) -> None:
    fees = classified(waiver_tables[0], "fees", CONCEPTS)
    assert check_xbrl(fees, tagged_filing=True) == []


def _with_cell(table: Table, row: int, col: int, **changes: object) -> Table:
    rows = list(table.rows)
    cells = list(rows[row].cells)
    cells[col] = dataclasses.replace(cells[col], **changes)  # type: ignore[arg-type]
    rows[row] = dataclasses.replace(rows[row], cells=tuple(cells))
    return dataclasses.replace(table, rows=tuple(rows))


def test_a_number_that_disagrees_with_its_tag_is_an_error(waiver_tables: list[Table]) -> None:
    fees = _with_cell(classified(waiver_tables[0], "fees", CONCEPTS), 2, 1, text="0.53%", value=Decimal("0.53"))
    (f,) = check_xbrl(fees, tagged_filing=True)
    assert (f.check, f.severity, f.line, f.row, f.column) == (
        "xbrl_mismatch", "error", fees.rows[2].line, "Other expenses", "Institutional Class"
    )
    assert (f.expected, f.found) == ("0.3500", "0.53")


def test_waiver_sign_is_notation_but_other_signs_are_not(waiver_tables: list[Table]) -> None:
    fees = classified(waiver_tables[0], "fees", CONCEPTS)
    shown_positive = _with_cell(fees, 4, 0, text="0.19%", value=Decimal("0.19"))
    assert check_xbrl(shown_positive) == []
    negative_fee = _with_cell(fees, 0, 0, text="(0.60)%", value=Decimal("-0.60"))
    (f,) = check_xbrl(negative_fee)
    assert (f.check, f.severity) == ("xbrl_mismatch", "warning")


def test_percent_tagged_as_the_figure_itself_agrees() -> None:
    fact = XbrlFact("rr:ManagementFeesOverAssets", Decimal("0.53"), "C000000001")
    row = Row(10, "Management fees", (Cell("0.53%", Decimal("0.53"), "percent", xbrl=fact),),
              concept="ManagementFeesOverAssets")
    table = Table("t1", 5, ("Class A",), (row,), kind="fees", layout="html")
    assert check_xbrl(table) == []
    dollars = XbrlFact("rr:ExpenseExampleYear01", Decimal("66.5"), "C000000001")
    row = Row(11, "1 year", (Cell("$665", Decimal("665"), "usd", xbrl=dollars),), concept="ExpenseExampleYear01")
    (f,) = check_xbrl(dataclasses.replace(table, rows=(row,), kind="expense_example"))
    assert (f.check, f.severity, f.expected, f.found) == ("xbrl_mismatch", "error", "66.5", "665")


def test_concept_differing_from_the_row_is_a_warning(waiver_tables: list[Table]) -> None:
    concepts = list(CONCEPTS)
    concepts[2] = "AcquiredFundFeesAndExpensesOverAssets"
    findings = check_xbrl(classified(waiver_tables[0], "fees", concepts))
    assert [(f.check, f.severity, f.column, f.expected, f.found) for f in findings] == [
        ("xbrl_concept", "warning", col, "AcquiredFundFeesAndExpensesOverAssets", "OtherExpensesOverAssets")
        for col in ("Class A", "Institutional Class")
    ]


def test_no_redemption_tag_fits_a_not_redeemed_column() -> None:
    fact = XbrlFact("rr:ExpenseExampleNoRedemptionYear01", Decimal("172"), "C000000002")
    row = Row(20, "1 year", (Cell("$172", Decimal("172"), "usd", xbrl=fact),), concept="ExpenseExampleYear01")
    table = Table("t2", 18, ("(if not redeemed) C",), (row,), kind="expense_example", layout="html")
    assert check_xbrl(table) == []
    (f,) = check_xbrl(dataclasses.replace(table, columns=("C",)))
    assert f.check == "xbrl_concept"


def test_untagged_fee_numbers_are_info_only_in_a_tagged_filing(waiver_tables: list[Table]) -> None:
    fees = _with_cell(classified(waiver_tables[0], "fees", CONCEPTS), 0, 1, xbrl=None)
    assert check_xbrl(fees, tagged_filing=False) == []
    (f,) = check_xbrl(fees, tagged_filing=True)
    assert (f.check, f.severity, f.row, f.column, f.found) == (
        "xbrl_untagged", "info", "Management fees", "Institutional Class", "0.60"
    )
    other = dataclasses.replace(fees, kind="other")
    assert check_xbrl(other, tagged_filing=True) == []


def test_statements_in_millions_agree_with_their_scaled_tags() -> None:
    fact = XbrlFact("us-gaap:Revenues", Decimal("1206000000"))
    row = Row(30, "Revenue", (Cell("$1,206", Decimal("1206"), "usd", xbrl=fact),))
    table = Table("t3", 28, ("2023",), (row,), kind="other", layout="html")
    assert check_xbrl(table) == []
    # In an expense example a dollar figure is dollars: a scale of thousands is a tagging error.
    example = dataclasses.replace(table, kind="expense_example")
    (f,) = check_xbrl(example)
    assert (f.check, f.severity) == ("xbrl_mismatch", "error")


def test_inline_xbrl_wrapped_in_an_xbrl_tag_is_read_as_xml() -> None:
    text = "<XBRL>\n" + Path(WAIVER).read_text(encoding="utf-8") + "</XBRL>\n"
    root = parse_document(text)
    assert root is not None and root.tag == "{http://www.w3.org/1999/xhtml}html"
    fees, _ = read(text)
    assert fees.line == 18
    assert fees.rows[4].cells[1].xbrl is not None
    assert fees.rows[4].cells[1].xbrl.class_id == "syn:InstitutionalClassMember"
