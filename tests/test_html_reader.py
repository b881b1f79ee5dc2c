"""The HTML reader, one rule at a time, on small synthetic fixtures and snippets."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import FIXTURES

from extractor.html import read_html_tables
from extractor.model import Document, Table


def read(text: str, text_line: int = 1) -> list[Table]:
    doc = Document(sequence=1, type=None, filename=None, line=1, text=text, text_line=text_line, is_html=True)
    return read_html_tables(doc)


def read_file(name: str) -> list[Table]:
    return read(Path(FIXTURES / name).read_text(encoding="utf-8"))


def values(table: Table) -> list[list[Decimal | None]]:
    return [[c.value for c in row.cells] for row in table.rows]


@pytest.fixture(scope="module")
def old_html() -> list[Table]:
    return read_file("html-fee-table-2001.html")


def test_upper_case_html_yields_the_data_tables_only(old_html: list[Table]) -> None:
    # The page-wide layout table and the one-cell page-number table are not data.
    assert [t.line for t in old_html] == [9, 63]
    assert all(t.layout == "html" for t in old_html)


def test_spacer_columns_dropped_and_split_percentages_joined(old_html: list[Table]) -> None:
    fees = old_html[0]
    assert fees.columns == ("Class A", "Class B")
    assert [r.label for r in fees.rows] == [
        "Management Fees", "Distribution and Service (12b-1) Fees", "Other Expenses",
        "Total Annual Fund Operating Expenses", "Fee Waiver and/or Expense Reimbursement", "Net Expenses",
    ]
    assert values(fees)[0] == [Decimal("0.65"), Decimal("0.65")]
    assert fees.rows[0].cells[0].text == "0.65%"
    assert fees.rows[0].cells[0].unit == "percent"


def test_parenthesis_split_over_two_cells_is_one_negative_value(old_html: list[Table]) -> None:
    waiver = old_html[0].rows[4]
    assert [c.text for c in waiver.cells] == ["(0.19)%", "(0.19)%"]
    assert [c.value for c in waiver.cells] == [Decimal("-0.19"), Decimal("-0.19")]


def test_raised_markers_are_footnotes_not_digits(old_html: list[Table]) -> None:
    other, waiver = old_html[0].rows[2], old_html[0].rows[4]
    assert other.label == "Other Expenses" and other.label_footnotes == ("1",)
    # 0.32 followed by a one-size-smaller "1" is 0.32 with footnote 1, never 0.321.
    assert other.cells[1].value == Decimal("0.32")
    assert other.cells[1].footnotes == ("1",)
    # position: relative; top: -3pt
    assert waiver.label == "Fee Waiver and/or Expense Reimbursement" and waiver.label_footnotes == ("2",)


def test_footnotes_printed_under_the_table_are_tied_to_it(old_html: list[Table]) -> None:
    notes = {f.marker: f.text for f in old_html[0].footnotes}
    assert notes == {
        "1": "Other expenses are based on estimated amounts for the current fiscal year.",
        "2": "The adviser has contractually agreed to waive fees through April 30, 2002.",
    }
    assert "waive fees through April 30, 2002" in old_html[0].context


def test_dollar_sign_cells_and_colspan_group_headers(old_html: list[Table]) -> None:
    example = old_html[1]
    assert example.columns == tuple(
        f"If you sold your shares at the end of the period: {y}" for y in ("1 Year", "3 Years", "5 Years", "10 Years")
    )
    assert [r.label for r in example.rows] == ["Class A", "Class B"]
    assert values(example) == [[573, 843, 1132, 1206], [681, 900, 1244, 2088]]
    assert example.rows[0].cells[3].text == "$1,206" and example.rows[0].cells[3].unit == "usd"


def test_lines_are_those_of_the_table_and_tr_start_tags(old_html: list[Table]) -> None:
    fees = old_html[0]
    assert [r.line for r in fees.rows] == [17, 24, 31, 38, 45, 52]
    # A heading above the table is prose around it (as in plain text), not its caption.
    assert fees.caption == ""
    assert "ANNUAL FUND OPERATING EXPENSES" in fees.context


def test_caption_element_and_title_row_are_the_caption() -> None:
    html = """<table><caption>Shareholder Fees</caption>
<tr><td></td><td>Class A</td></tr><tr><td>Maximum sales charge</td><td>5.75%</td></tr></table>
<table><tr><td colspan="2">Annual Fund Operating Expenses</td></tr>
<tr><td></td><td>Class A</td></tr><tr><td>Management fees</td><td>0.75%</td></tr></table>"""
    first, second = read(html)
    assert (first.caption, first.columns) == ("Shareholder Fees", ("Class A",))
    assert (second.caption, second.columns) == ("Annual Fund Operating Expenses", ("Class A",))


def test_lines_are_offset_to_the_input_file() -> None:
    html = "<table>\n<tr><td>Fee</td><td>A</td></tr>\n<tr><td>Management</td><td>0.50%</td></tr>\n</table>"
    (table,) = read(html, text_line=101)
    assert table.line == 101
    assert [r.line for r in table.rows] == [103]
    assert table.end_line == 103


SUP_AND_SPANS = """<table>
<tr><th></th><th>Class&nbsp;I</th><th>Class<br>R</th></tr>
<tr><td>Other expenses</td><td>0.67<sup>1</sup></td>
    <td>0.70<span style="vertical-align: super; font-size: 6pt">(a)</span></td></tr>
<tr><td>Acquired fund fees<span style="position:relative;top:-4pt">*</span></td><td>0.01</td><td>0.01</td></tr>
</table>"""


def test_sup_and_raised_spans_after_numbers() -> None:
    (table,) = read(SUP_AND_SPANS)
    assert table.columns == ("Class I", "Class R")
    other, acquired = table.rows
    assert [c.value for c in other.cells] == [Decimal("0.67"), Decimal("0.70")]
    assert [c.footnotes for c in other.cells] == [("1",), ("(a)",)]
    assert acquired.label == "Acquired fund fees" and acquired.label_footnotes == ("*",)


def test_a_superscript_that_is_not_a_marker_stays_text() -> None:
    html = "<table><tr><td>Paid on the 15<sup>th</sup></td><td>1.5%</td></tr><tr><td>b</td><td>2%</td></tr></table>"
    (table,) = read(html)
    assert table.rows[0].label == "Paid on the 15th"


def test_footnote_rows_inside_the_table_are_not_rows() -> None:
    html = """<table>
<tr><td>Class</td><td>A</td><td>C</td></tr>
<tr><td>Management fees</td><td>0.53%</td><td>0.53%<sup>2</sup></td></tr>
<tr><td><sup>2</sup></td><td colspan="2">Restated to reflect the current management fee schedule.</td></tr>
<tr><td colspan="3">(3) Class C shares convert to Class A shares after eight years of ownership.</td></tr>
</table>"""
    (table,) = read(html)
    assert [r.label for r in table.rows] == ["Management fees"]
    assert [(f.marker, f.text[:12]) for f in table.footnotes] == [("2", "Restated to "), ("(3)", "Class C shar")]
    # The label column header ('Class') is not a data column.
    assert table.columns == ("A", "C")


def test_nested_layout_table_is_not_reported_but_its_data_table_is() -> None:
    html = """<table><tr><td><p>Fees and expenses of the fund</p>
<table><tr><td></td><td>Class A</td></tr><tr><td>Management fees</td><td>0.40%</td></tr>
<tr><td>Other expenses</td><td>0.10%</td></tr></table>
</td><td>&nbsp;</td></tr></table>"""
    (table,) = read(html)
    assert table.line == 2
    assert table.columns == ("Class A",)
    assert values(table) == [[Decimal("0.40")], [Decimal("0.10")]]


def test_one_cell_and_bullet_layout_tables_are_not_data() -> None:
    html = """<table><tr><td>Prospectus dated May 1, 2024</td></tr></table>
<table><tr><td>&#8226;</td><td>Market risk: the value of your shares may fall.</td></tr>
<tr><td>&#8226;</td><td>Interest rate risk: bond prices fall when rates rise.</td></tr></table>"""
    assert read(html) == []


def test_rowspan_header_and_year_header_row() -> None:
    html = """<table>
<tr><td rowspan="2">Per share data</td><td colspan="2" align="center">Year ended December 31,</td></tr>
<tr><td>2023</td><td>2022</td></tr>
<tr><td>Net asset value, beginning of year</td><td>$10.00</td><td>$9.50</td></tr>
<tr><td>Net investment income</td><td>0.25</td><td>0.22</td></tr>
</table>"""
    (table,) = read(html)
    assert table.columns == ("Year ended December 31, 2023", "Year ended December 31, 2022")
    assert values(table) == [[Decimal("10.00"), Decimal("9.50")], [Decimal("0.25"), Decimal("0.22")]]


def test_value_under_a_spanning_cell_keeps_its_column() -> None:
    html = """<table>
<tr><td></td><td colspan="2" align="center">Class A</td><td colspan="2" align="center">Class C</td></tr>
<tr><td>Redemption fee</td><td colspan="2" align="right">None</td><td colspan="2" align="right">2.00%</td></tr>
<tr><td>Exchange fee</td><td>$</td><td>5</td><td>$</td><td>5</td></tr>
</table>"""
    (table,) = read(html)
    assert table.columns == ("Class A", "Class C")
    assert [[c.text for c in r.cells] for r in table.rows] == [["None", "2.00%"], ["$5", "$5"]]


def test_a_repeated_header_row_starts_a_new_section() -> None:
    html = """<table>
<tr><td></td><td>Class A</td><td>Class B</td></tr>
<tr><td>Management fees</td><td>0.50%</td><td>0.50%</td></tr>
<tr><td>Total</td><td>0.75%</td><td>1.50%</td></tr>
<tr><td></td><td>Class R</td><td></td></tr>
<tr><td>Management fees</td><td>0.50%</td><td></td></tr>
<tr><td>Total</td><td>1.00%</td><td></td></tr>
</table>"""
    first, second = read(html)
    assert (first.line, first.section, first.columns) == (1, 0, ("Class A", "Class B"))
    assert (second.line, second.section, second.columns) == (1, 1, ("Class R",))
    assert values(second) == [[Decimal("0.50")], [Decimal("1.00")]]


def test_value_words_in_a_row_do_not_start_a_section() -> None:
    html = """<table>
<tr><td></td><td>Class A</td><td>Class B</td></tr>
<tr><td>Management fees</td><td>0.50%</td><td>0.50%</td></tr>
<tr><td></td><td>None</td><td>N/A</td></tr>
<tr><td>Total</td><td>0.75%</td><td>1.50%</td></tr>
</table>"""
    (table,) = read(html)
    assert len(table.rows) == 3


def test_lines_past_libxml2_65535_line_cap() -> None:
    table = "<table>\n<tr><td>Fee</td><td>A</td></tr>\n<tr><td>Management</td><td>0.50%</td></tr>\n</table>"
    html = "<html><body>\n" + "<p>x</p>\n" * 70_000 + "<!-- <table> -->\n" + table + "</body></html>"
    (found,) = read(html)
    assert found.line == 70_003
    assert [r.line for r in found.rows] == [70_005]


def test_years_as_bare_numbers_name_the_rows() -> None:
    html = """<table>
<tr><th>Year</th><th>Class A</th><th>Class C</th></tr>
<tr><td>1</td><td>$573</td><td>$272</td></tr>
<tr><td>3</td><td>$843</td><td>$533</td></tr>
</table>"""
    (table,) = read(html)
    assert table.columns == ("Class A", "Class C")
    assert [r.label for r in table.rows] == ["1", "3"]
    assert values(table) == [[573, 272], [843, 533]]


def test_workiva_statement_with_width_row_and_split_cells() -> None:
    (table,) = read_file("html-statement-workiva.html")
    assert table.columns == ("Three Months Ended June 29, 2024", "Three Months Ended July 1, 2023")
    assert [r.label for r in table.rows] == [
        "Provision for income taxes", "Effective tax rate", "Change in unrecognized tax benefits",
    ]
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["$4,046", "$2,852"], ["15.9%", "12.5%"], ["$(212)", "$\u2014"],
    ]
    assert values(table) == [[4046, 2852], [Decimal("15.9"), Decimal("12.5")], [-212, None]]
    assert table.rows[1].label_footnotes == ("(1)",)
    assert [(f.marker, f.text) for f in table.footnotes] == [
        ("(1)", "Includes the impact of a one-time state tax settlement.")
    ]


def test_footnotes_set_as_a_table_under_the_fee_table() -> None:
    html = """<table>
<tr><td></td><td>Class A</td></tr>
<tr><td>Other expenses<sup>(1)</sup></td><td>0.31%</td></tr>
<tr><td>Total annual fund operating expenses</td><td>0.81%<sup>(2)</sup></td></tr>
</table>
<table>
<tr><td valign="top">(1)</td><td>Other expenses are estimated for the current fiscal year.</td></tr>
<tr><td valign="top">(2)</td><td>The total does not match the financial highlights ratio.</td></tr>
</table>"""
    (table,) = read(html)
    assert [(f.marker, f.text[:22]) for f in table.footnotes] == [
        ("(1)", "Other expenses are est"), ("(2)", "The total does not mat"),
    ]


def test_bare_year_counts_over_the_columns_are_headings() -> None:
    html = """<table>
<tr><td></td><td>1</td><td>3</td><td>5</td><td>10</td></tr>
<tr><td>Class A</td><td>$573</td><td>$843</td><td>$1,132</td><td>$1,206</td></tr>
<tr><td>Number of funds</td><td>1</td><td>2</td><td>3</td><td>4</td></tr>
</table>"""
    (table,) = read(html)
    assert table.columns == ("1", "3", "5", "10")
    assert [r.label for r in table.rows] == ["Class A", "Number of funds"]


def test_marker_in_a_cell_of_its_own_joins_the_cell_before() -> None:
    html = """<table>
<tr><td></td><td></td><td>Class A</td><td>Class C</td></tr>
<tr><td>Other expenses</td><td><sup>1</sup></td><td>0.25%</td><td>0.30%</td></tr>
<tr><td>Total</td><td></td><td>0.90%</td><td>1.70%*</td></tr>
<tr><td>Net</td><td></td><td>0.80%</td><td>1.60%</td><td>*</td></tr>
</table>"""
    (table,) = read(html)
    assert table.columns == ("Class A", "Class C")
    assert table.rows[0].label_footnotes == ("1",)
    assert [c.footnotes for c in table.rows[1].cells] == [(), ("*",)]
    assert [c.footnotes for c in table.rows[2].cells] == [(), ("*",)]


def test_closing_parenthesis_after_an_open_percent_joins_it() -> None:
    # Workiva sets "(6.00%" in one cell and its ")" in the next; the ")" is no column of its own.
    html = """<table>
<tr><td></td><td>2023</td><td></td><td>2022</td><td></td><td>2021</td><td></td></tr>
<tr><td>Net asset value, end of period</td><td>$17.71</td><td></td><td>$20.86</td><td></td><td>$24.41</td><td></td></tr>
<tr><td>Total return</td><td>(6.00%</td><td>)</td><td>7.40%</td><td></td><td>(0.90%</td><td>)</td></tr>
</table>"""
    (table,) = read(html)
    assert table.columns == ("2023", "2022", "2021")
    assert [c.text for c in table.rows[1].cells] == ["(6.00%)", "7.40%", "(0.90%)"]
    assert values(table)[1] == [Decimal("-6.00"), Decimal("7.40"), Decimal("-0.90")]
    assert [c.unit for c in table.rows[1].cells] == ["percent"] * 3


def test_layout_table_of_prose_around_a_nested_table_is_not_data() -> None:
    html = """<table>
<tr><td>Fees and Expenses</td><td>This table describes the fees you may pay.</td></tr>
<tr><td>Annual expenses</td><td><table><tr><td></td><td>Class A</td></tr>
<tr><td>Management fees</td><td>0.40%</td></tr></table></td></tr>
<tr><td>Example</td><td>The example assumes a 5% return each year.</td></tr>
</table>"""
    (table,) = read(html)
    assert table.line == 3 and table.columns == ("Class A",)


@pytest.fixture(scope="module")
def none_rows() -> list[Table]:
    return read_file("html-none-rows.html")


def test_a_first_row_of_none_under_the_class_headers_is_data(none_rows: list[Table]) -> None:
    # "None" has no digit, but a labelled row of "None" / "N/A" / dashes is a row, not more header.
    sales = none_rows[1]
    assert sales.columns == ("Class A", "Class I")
    assert [r.label for r in sales.rows] == [
        "Maximum sales charge (load) imposed on purchases", "Maximum deferred sales charge (load)",
        "Redemption fee (as a percentage of amount redeemed)",
    ]
    assert [[c.text for c in r.cells] for r in sales.rows[:2]] == [["None", "N/A"], ["\u2014", "None 1"]]
    assert sales.rows[1].cells[1].footnotes == ("1",)
    assert values(sales) == [[None, None], [None, None], [Decimal("1.00"), Decimal("1.00")]]
    assert [r.line for r in sales.rows] == [8, 9, 10]


def test_none_rows_at_the_top_of_a_table_without_header_are_data(none_rows: list[Table]) -> None:
    expenses = none_rows[2]
    assert expenses.columns == ("",)
    assert [r.label for r in expenses.rows][:3] == [
        "Management fee", "Distribution and/or Service (12b-1) fees", "Other expenses",
    ]
    assert values(expenses) == [[None], [None], [Decimal("0.07")], [Decimal("0.48")], [Decimal("0.55")]]
    assert [r.cells[0].text for r in expenses.rows[:2]] == ["None", "None"]


def test_a_one_row_table_of_a_label_and_none_is_data(none_rows: list[Table]) -> None:
    first = none_rows[0]
    assert (first.line, first.columns) == (3, ("",))
    (row,) = first.rows
    assert (row.line, row.label) == (4, "Shareholder fees (fees paid directly from your investment)")
    assert (row.cells[0].text, row.cells[0].value) == ("None", None)
    assert "Fee Table" in first.context


def test_a_header_row_naming_the_label_column_stays_a_header_above_none() -> None:
    html = """<table>
<tr><td>Fee</td><td>Class A</td><td>Class B</td></tr>
<tr><td>Exchange fee</td><td>None</td><td>None</td></tr>
<tr><td>Redemption fee</td><td>2.00%</td><td>2.00%</td></tr>
</table>"""
    (table,) = read(html)
    assert table.columns == ("Class A", "Class B")
    assert [r.label for r in table.rows] == ["Exchange fee", "Redemption fee"]


def test_a_label_beside_prose_alone_is_still_layout() -> None:
    html = "<table><tr><td>Investment adviser</td><td>Example Advisers LLC</td></tr></table>"
    assert read(html) == []


@pytest.fixture(scope="module")
def headings() -> list[Table]:
    return read_file("html-example-headings.html")


def test_a_heading_row_above_a_repeated_header_titles_the_next_section(headings: list[Table]) -> None:
    sold, kept = headings[0], headings[1]
    assert [(t.line, t.section) for t in (sold, kept)] == [(3, 0), (3, 1)]
    # The heading in the label column only (no colspan) titles the first section too.
    assert sold.caption == "If you sell your shares at the end of the period:"
    assert kept.caption == "If you do not sell your shares:"
    assert [r.label for r in sold.rows] == ["Class A", "Class C"]
    assert [r.label for r in kept.rows] == ["Class A", "Class C"]
    assert kept.columns == ("1 Year", "3 Years", "5 Years", "10 Years")
    assert values(kept) == [[617, 860, 1123, 1872], [148, 509, 895, 1978]]


def test_a_heading_row_without_a_new_header_stays_above_its_rows(headings: list[Table]) -> None:
    table = headings[2]
    assert table.section == 0 and table.caption == ""
    assert [r.label for r in table.rows] == ["Class C", "If you do not sell your shares:", "Class C"]
    assert [(c.text, c.value) for c in table.rows[1].cells] == [("", None)] * 4
    assert values(table)[2] == [148, 509, 895, 1978]


def test_a_one_row_table_with_a_raised_marker_after_none_is_data() -> None:
    (table,) = read("<table><tr><td>Exchange fee</td><td>None<sup>(2)</sup></td></tr></table>")
    (row,) = table.rows
    assert row.label == "Exchange fee"
    assert (row.cells[0].value, row.cells[0].footnotes) == (None, ("(2)",))


def test_a_two_row_header_above_rows_that_are_all_none() -> None:
    html = """<table>
<tr><td></td><td>Class A</td><td>Class I</td></tr>
<tr><td></td><td>Shares</td><td>Shares</td></tr>
<tr><td>Maximum sales charge (load)</td><td>None</td><td>None</td></tr>
<tr><td>Redemption fee</td><td>None</td><td>&#8211;</td></tr>
</table>"""
    (table,) = read(html)
    assert table.columns == ("Class A Shares", "Class I Shares")
    assert [r.label for r in table.rows] == ["Maximum sales charge (load)", "Redemption fee"]
    assert [[c.text for c in r.cells] for r in table.rows] == [["None", "None"], ["None", "\u2013"]]
    assert values(table) == [[None, None], [None, None]]
