"""Fee-table layouts found in a QA round on unseen-style prospectuses, one fixture each."""

from __future__ import annotations

from pathlib import Path

from extractor.pipeline import extract
from extractor.text.tabs import realign_tab_fields

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def test_label_wrapped_by_hand_at_a_participle_is_one_row() -> None:
    """"Maximum Sales Charge (Load) / Imposed on Purchases / (as a percentage ...)" with no
    indent and short lines is one row: the load then reaches the example check."""
    filing = extract(FIXTURES / "qa-participle-wrap.txt")
    fees = filing.tables[0]
    first = fees.rows[0]
    assert first.label.startswith("Maximum Sales Charge (Load) Imposed on Purchases (as a")
    assert first.concept == "MaximumSalesChargeImposedOnPurchasesOverOfferingPrice"
    assert [c.text for c in first.cells] == ["5.75%", "None"]
    assert len(fees.rows) == 6
    assert not [f for f in filing.findings if f.severity in ("error", "warning")]


def test_tab_separated_cells_line_up_with_tab_separated_tags() -> None:
    """``<S><tab><C>`` and ``<tab>Label<tab>0.30%``: each tab ends a cell, whatever eight-column
    stops make of it, so short and long labels keep their values in one column."""
    fees, example = extract(FIXTURES / "qa-tab-fields.txt").tables
    assert fees.kind == "fees"
    assert [(r.label, [c.text for c in r.cells]) for r in fees.rows] == [
        ("Management Fees", ["0.30%"]),
        ("Other Expenses", ["0.10%"]),
        ("Total Annual Fund Operating Expenses", ["0.40%"]),
    ]
    assert [r.line for r in fees.rows] == [7, 8, 9]
    assert list(example.columns) == ["1 Year", "3 Years", "5 Years", "10 Years"]
    assert [c.value for c in example.rows[0].cells] == [4, 13, 22, 51]


def test_tabs_under_space_separated_tags_keep_their_expansion() -> None:
    """Tabs that only indent, under a tag line set with blanks, are expanded as before."""
    lines = ["<S>        <C>", "\tManagement Fees   0.30%", "\tOther Expenses    0.10%"]
    assert realign_tab_fields(lines) == lines


def test_line_run_on_above_a_page_break_is_kept_a_page_number_is_not() -> None:
    """The second line of a heading just above ``<PAGE>`` is part of the heading, while the
    lone "7" above the last ``<PAGE>`` is a page number."""
    (fees,) = extract(FIXTURES / "qa-page-after-heading.txt").tables
    labels = [r.label for r in fees.rows]
    assert "ANNUAL FUND OPERATING EXPENSES (as a percentage of average net assets)" in labels
    assert labels[-1] == "Total Fund Operating Expenses"
    assert [c.text for c in fees.rows[-1].cells] == ["1.10%", "1.85%"]


def test_parenthetical_line_ends_its_heading_under_values_on_last_line() -> None:
    """"ANNUAL FUND OPERATING EXPENSES / (as a percentage of average net assets)" above
    "Management Fees .60%": the closing qualifier ends the heading, so the management fee
    keeps its own row and the total adds up."""
    filing = extract(FIXTURES / "qa-aside-ends-label.txt")
    (fees,) = filing.tables
    assert [r.label for r in fees.rows][2:4] == [
        "ANNUAL FUND OPERATING EXPENSES (as a percentage of average net assets)",
        "Management Fees",
    ]
    assert [c.text for c in fees.rows[3].cells] == [".60%", ".60%"]
    assert not [f for f in filing.findings if f.severity in ("error", "warning")]


def test_class_heading_row_owns_its_redemption_rows(tmp_path: Path) -> None:
    """"Class B Shares" (no figures) over "Assuming redemption" and "Assuming no redemption":
    both rows are Class B's series, checked against its fee column, not left unmatched."""
    source = FIXTURES / "qa-class-heading-redemption-rows.txt"
    assert not extract(source).findings
    wrong = tmp_path / source.name
    wrong.write_text(source.read_text(encoding="latin-1").replace("$101 ", "$110 "), encoding="latin-1")
    errors = [f for f in extract(wrong).findings if f.severity == "error"]
    assert [(f.line, f.column, f.found) for f in errors] == [(26, "5 YEARS", "110")]


def test_upper_case_heading_does_not_wrap_into_the_first_row() -> None:
    """"ANNUAL FUND OPERATING EXPENSES" right above "Management Expenses 0.16%" is a heading:
    the case changes, so the management fee keeps its own label, concept and sum."""
    filing = extract(FIXTURES / "qa-caps-heading-first-row.txt")
    fees = filing.tables[0]
    assert [r.label for r in fees.rows][:2] == ["ANNUAL FUND OPERATING EXPENSES", "Management Expenses"]
    assert fees.rows[1].concept == "ManagementFeesOverAssets"
    assert not [f for f in filing.findings if f.severity in ("error", "warning")]
