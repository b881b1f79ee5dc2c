"""HTML documents through the whole pipeline: a submission mixing a plain-text and an HTML table."""

from __future__ import annotations

import pytest
from conftest import FIXTURES

from extractor.model import Filing, Table
from extractor.pipeline import extract

MIXED = FIXTURES / "html-mixed-submission.txt"


@pytest.fixture(scope="module")
def filing() -> Filing:
    return extract(MIXED)


def _content(table: Table) -> tuple[object, ...]:
    rows = tuple(
        (r.label, r.concept, tuple((c.text, c.value, c.unit, c.footnotes) for c in r.cells)) for r in table.rows
    )
    return table.kind, table.columns, table.column_concepts, rows, table.footnotes, table.caption


def test_plain_text_table_and_html_table_in_one_submission(filing: Filing) -> None:
    text, html = filing.tables
    assert (text.layout, text.document, text.line) == ("text", 1, 21)
    assert (html.layout, html.document, html.line) == ("html", 2, 40)
    assert [r.line for r in html.rows] == [42, 43, 44, 45]


def test_the_same_fee_table_gives_the_same_output_in_text_and_html(filing: Filing) -> None:
    text, html = filing.tables
    assert len(text.rows) == 4
    assert _content(html) == _content(text)
    assert html.kind == "fees"
    assert not [f for f in filing.findings if f.severity == "error"]


def test_inline_xbrl_waiver_filing_is_consistent_end_to_end() -> None:
    tagged = extract(FIXTURES / "html-ixbrl-waiver.html")
    fees, example = tagged.tables
    assert (fees.kind, example.kind) == ("fees", "expense_example")
    facts = [c.xbrl for t in tagged.tables for r in t.rows for c in r.cells if c.value is not None or c.xbrl]
    assert len(facts) == 16 and all(facts)
    # The waiver shown (0.19) and tagged sign="-" agrees; the classifier's concepts match the tags.
    assert tagged.findings == ()


def test_none_rows_keep_their_concepts_and_the_table_its_kind() -> None:
    tables = extract(FIXTURES / "html-none-rows.html").tables
    sales, expenses = tables[1], tables[2]
    assert sales.kind == "fees" and expenses.kind == "fees"
    assert sales.rows[0].concept == "MaximumSalesChargeImposedOnPurchasesOverOfferingPrice"
    assert [r.concept for r in expenses.rows[:2]] == [
        "ManagementFeesOverAssets", "DistributionAndService12b1FeesOverAssets",
    ]


def test_the_section_after_a_no_redemption_heading_gets_no_redemption_concepts() -> None:
    sold, kept = extract(FIXTURES / "html-example-headings.html").tables[:2]
    assert sold.column_concepts == ("ExpenseExampleYear01", "ExpenseExampleYear03", "ExpenseExampleYear05",
                                    "ExpenseExampleYear10")
    assert kept.column_concepts == ("ExpenseExampleNoRedemptionYear01", "ExpenseExampleNoRedemptionYear03",
                                    "ExpenseExampleNoRedemptionYear05", "ExpenseExampleNoRedemptionYear10")
