"""The plain-text table reader, rule by rule, on small synthetic fixtures and the seed."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.model import Document, Table
from extractor.text import read_text_tables
from extractor.text.chunks import chunk_line
from extractor.text.columns import infer_spans, place, tag_spans
from extractor.text.tokenizer import TokenKind, tokenize
from extractor.values import parse_cell

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED = FIXTURES / "met-aim-small-cap-growth-497-2006.txt"


def read(text: str, first_line: int = 1) -> list[Table]:
    return read_text_tables(Document(1, None, None, 1, text=text, text_line=first_line))


def read_fixture(name: str) -> list[Table]:
    return read((FIXTURES / name).read_text(encoding="latin-1"))


def values(table: Table) -> list[list[Decimal | None]]:
    return [[c.value for c in row.cells] for row in table.rows]


def D(text: str) -> Decimal:
    return Decimal(text)


# --- the seed, cell by cell -------------------------------------------------------------------


def test_seed_fee_table_exactly() -> None:
    fees, _ = read(SEED.read_text(encoding="latin-1"))
    assert (fees.line, fees.section, fees.end_line, fees.layout) == (23, 0, 57, "text")
    assert fees.columns == ("Class A", "Class B", "Class E")
    assert fees.caption == ""
    assert [(r.line, r.label) for r in fees.rows] == [
        (33, "Management Fee"),
        (36, "12b-1 Fees"),
        (39, "Other Expenses"),
        (42, "Total Annual Portfolio Operating Expense Before Expense Waiver/Repayment to Manager"),
        (48, "Contractual Expense (Waiver)/Repayment to Manager*"),
        (52, "Total Annual Portfolio Operating Expenses After Expense Waiver/Repayment to Manager#"),
    ]
    assert values(fees) == [
        [D("0.88"), D("0.88"), D("0.88")],
        [None, D("0.25"), D("0.15")],
        [D("0.06"), D("0.07"), D("0.07")],
        [D("0.94"), D("1.20"), D("1.10")],
        [D("0.04"), D("0.04"), D("0.04")],
        [D("0.98"), D("1.24"), D("1.14")],
    ]
    assert [c.text for c in fees.rows[1].cells] == ["None", "0.25%", "0.15%"]
    assert fees.rows[4].label_footnotes == ("*",)
    assert [n.marker for n in fees.footnotes] == ["*", "#"]
    assert "will not exceed 1.05%, 1.30% and 1.20%" in fees.footnotes[0].text
    assert "Expense Limitation Agreement" in fees.context


def test_seed_example_table_exactly() -> None:
    _, example = read(SEED.read_text(encoding="latin-1"))
    assert (example.line, example.section, example.end_line) == (75, 0, 99)
    assert example.caption == "Example of Portfolio Expenses"
    assert example.columns == ("Class A", "Class B", "Class E")
    assert [(r.line, r.label) for r in example.rows] == [
        (87, "1 Year"),
        (90, "3 Years"),
        (93, "5 Years"),
        (96, "10 Years"),
    ]
    assert values(example) == [
        [D("100"), D("127"), D("117")],
        [D("314"), D("396"), D("364")],
        [D("544"), D("685"), D("631")],
        [D("1206"), D("1507"), D("1392")],
    ]
    assert all(c.unit == "usd" for r in example.rows for c in r.cells)


def test_line_numbers_follow_text_line() -> None:
    fees, _ = read(SEED.read_text(encoding="latin-1"), first_line=101)
    assert (fees.line, fees.rows[0].line) == (123, 133)


# --- wrapped labels, headings ------------------------------------------------------------------


def test_wrapped_labels_both_ways_and_heading_rows() -> None:
    (table,) = read_fixture("text-wrapped-labels.txt")
    assert table.columns == ("CLASS A", "CLASS B")
    assert [(r.line, r.label) for r in table.rows] == [
        (10, "Maximum sales charge (load) imposed on purchases (as a percentage of offering price)"),
        (11, "Other expenses"),
        (12, "Total annual fund operating expenses after waiver and reimbursement"),
        (14, "Operating:"),
        (15, "Management fees"),
    ]
    heading = table.rows[3]
    assert [(c.text, c.value) for c in heading.cells] == [("", None), ("", None)]
    assert values(table)[0] == [D("5.75"), None]
    assert values(table)[2] == [D("1.10"), D("1.85")]


def test_rule_separated_rows_take_label_lines_on_both_sides() -> None:
    text = """<TABLE>
<S>                     <C>         <C>
-----------------------------------------
 Maximum sales charge
 imposed on               5.75%       none
 purchases (as a
 percentage of price)
-----------------------------------------
 Maximum deferred       none/3/     5.00%
 sales charge
-----------------------------------------
</TABLE>"""
    (table,) = read(text)
    assert [(r.line, r.label) for r in table.rows] == [
        (5, "Maximum sales charge imposed on purchases (as a percentage of price)"),
        (9, "Maximum deferred sales charge"),
    ]
    assert values(table) == [[D("5.75"), None], [None, D("5.00")]]
    assert table.rows[1].cells[0].footnotes == ("/3/",)


def test_wrap_convention_inferred_per_table() -> None:
    """Label lines between two value rows go to the row below in a table whose wraps put the
    values on the last line, to the row above where they sit on the first line."""
    last, first, _ = read_fixture("text-wrap-convention.txt")
    assert [(r.line, r.label) for r in last.rows] == [
        (7, "Management Fees"),
        (9, "Distribution and/or Service (12b-1) Fees/1/"),
        (10, "Other Expenses"),
        (12, "Total Annual Fund Operating Expenses"),
    ]
    assert values(last)[1] == [D("0.25"), D("1.00")]
    assert [(r.line, r.label) for r in first.rows] == [
        (19, "Management Fees"),
        (20, "Total Annual Fund Operating Expenses Before Waiver"),
        (22, "Fee Waiver"),
        (23, "Net Annual Fund Operating Expenses After Waiver"),
    ]
    assert values(first)[2] == [D("-0.10"), D("-0.10")]


def test_blank_separated_rows_and_open_parenthesis() -> None:
    """A blank line ends a row: label lines after one never join the row above it; a label
    line that leaves a parenthesis open runs on to the next one."""
    *_, blanks = read_fixture("text-wrap-convention.txt")
    assert [(r.line, r.label) for r in blanks.rows] == [
        (31, "Management Fees"),
        (34, "Total Annual Fund Operating Expenses Before Waiver"),
        (37, "SUPPLEMENTAL INTEREST AMOUNT (REMAINING UNPAID)"),
    ]
    assert values(blanks) == [[D("0.27"), D("0.27")], [D("0.67"), D("1.45")], [None, D("0.0")]]


def test_side_by_side_group_headers_without_rules() -> None:
    """Two group headers on one line that share out every column are groups, not a title."""
    (table,) = read_fixture("text-group-header-without-rule.txt")
    assert table.columns == (
        "ASSUMING REDEMPTION CLASS A",
        "ASSUMING REDEMPTION CLASS B",
        "ASSUMING REDEMPTION CLASS C",
        "ASSUMING NO REDEMPTION CLASS B",
        "ASSUMING NO REDEMPTION CLASS C",
    )
    assert values(table) == [
        [D("110"), D("120"), D("130"), D("100"), D("105")],
        [D("340"), D("350"), D("360"), D("310"), D("320")],
    ]


def test_header_lines_with_years_over_the_columns_stay_header() -> None:
    """Header text over the data columns that holds years is not a data row, however many
    numbers it has; only a line with a label left of the first column is."""
    text = """<TABLE>
                             NET ADDITIONS    SPENDING DURING
                              DURING 1996          1996
                            --------------   ---------------
<S>                         <C>              <C>
Payments to employees                  81               33
Payments on leases                     19               15
</TABLE>"""
    (table,) = read(text)
    assert table.columns == ("NET ADDITIONS DURING 1996", "SPENDING DURING 1996")
    assert values(table) == [[D("81"), D("33")], [D("19"), D("15")]]


def test_no_tag_line_header_wider_than_its_numbers() -> None:
    """Without a tag line the first column starts where its values do; a header that is wider
    than those right-aligned values reaches into the gutter but still heads that column."""
    text = """<TABLE>
                                         ONE YEAR      THREE YEARS
                                      -------------   -------------
Class A                                        $640            $777
Class B - assuming redemption                  $648            $859
</TABLE>"""
    (table,) = read(text)
    assert table.columns == ("ONE YEAR", "THREE YEARS")
    assert values(table) == [[D("640"), D("777")], [D("648"), D("859")]]


def test_class_letter_is_not_the_article_a() -> None:
    """'Class A' does not end in the connector 'a': the next label line starts a new row."""
    text = """<TABLE>
<S>                           <C>       <C>
Class A/1/                      $640      $777
Class B - assuming
redemption/2/                   $648      $859
</TABLE>"""
    (table,) = read(text)
    assert [(r.line, r.label) for r in table.rows] == [(3, "Class A/1/"), (5, "Class B - assuming redemption/2/")]


def test_top_line_of_one_columns_header_in_the_middle_is_not_a_group() -> None:
    """A column's three-line header whose top line happens to sit in the middle of the table
    is that column's, not a group over every column: the line under it is about as wide."""
    text = """<TABLE>
                                           CHARGED TO
                              BEGINNING     COSTS AND
                               BALANCE       EXPENSES     DEDUCTIONS
                             -----------  -------------  ------------
<S>                          <C>          <C>            <C>
Year Ended Sept. 26, 1997          91            35             27
</TABLE>"""
    (table,) = read(text)
    assert table.columns == ("BEGINNING BALANCE", "CHARGED TO COSTS AND EXPENSES", "DEDUCTIONS")
    assert values(table) == [[D("91"), D("35"), D("27")]]


def test_left_aligned_values_under_tags_shifted_right() -> None:
    """Tags one place right of left-aligned values: a one-digit value left of the last tag is
    still that column's, and does not hold the tag back from moving onto its column."""
    text = """<TABLE>
                                1995      1994      1993
<S>                           <C>       <C>       <C>
Net sales                    11,062    9,189     7,977
Net income                   424       310       87
Total assets                 6,231     5,303     5,171
Long-term debt               303       305       7
Shareholders' equity         2,901     2,383     2,026
Cash                         952       1,258     892
</TABLE>"""
    (table,) = read(text)
    assert table.columns == ("1995", "1994", "1993")
    assert values(table)[3] == [D("303"), D("305"), D("7")]
    assert values(table)[5] == [D("952"), D("1258"), D("892")]


def test_no_tag_line_group_underline_starting_in_the_gutter() -> None:
    """Without a tag line the header text and underlines right of the row labels belong to
    the columns, even where they start left of the first column's right-aligned values."""
    (table,) = read_fixture("text-no-tags-group-underline.txt")
    assert table.columns == ("Class A", "Class B", "Class E")
    assert table.rows[3].label == (
        "Total Annual Portfolio Operating Expense Before Expense Waiver/Repayment to Manager"
    )
    assert values(table)[1] == [None, D("0.25"), D("0.15")]


@pytest.mark.parametrize("tags", [True, False])
def test_label_line_that_is_a_year_is_no_column(tags: bool) -> None:
    """A wrapped label whose last line is a year ("Balance as of September 30, / 1994") starts
    at the labels' margin: it is label, not a value left of the first column."""
    tag_line = "<S>                           <C>          <C>\n" if tags else ""
    text = f"""<TABLE>
                                  SHARES        AMOUNT
{tag_line}Balance as of September 30,
1994                                119,543          298
Net income                              N/A          424
Balance as of September 29,
1995                                122,922          398
</TABLE>"""
    (table,) = read(text)
    assert table.columns == ("SHARES", "AMOUNT")
    assert [r.label for r in table.rows] == [
        "Balance as of September 30, 1994",
        "Net income",
        "Balance as of September 29, 1995",
    ]
    assert values(table)[2] == [D("122922"), D("398")]


def test_one_word_label_other_does_not_run_on() -> None:
    """'Other' ends in a connecting word only when it is not the whole label."""
    text = """<TABLE>
<S>                                 <C>        <C>
Net income                              424        310
Other                                     2         --
Cash used for investing
activities                              (58)       (14)
</TABLE>"""
    (table,) = read(text)
    assert [r.label for r in table.rows] == ["Net income", "Other", "Cash used for investing activities"]


def test_group_underline_over_both_columns_of_a_two_column_table() -> None:
    """A rule under one piece that spans both columns underlines a group; a rule that every
    column's header stands over is a header rule, not a group underline."""
    (table,) = read_fixture("text-two-column-group.txt")
    assert table.columns == ("DECEMBER 31, 1993 ACTUAL", "DECEMBER 31, 1993 AS ADJUSTED")
    assert values(table)[1] == [None, D("300000")]
    ruled = """<TABLE>
                                     1997         1996
                                ------------------------
<S>                             <C>         <C>
Short-term debt                   752,257       454,707
</TABLE>"""
    (table,) = read(ruled)
    assert table.columns == ("1997", "1996")


def test_left_aligned_value_left_of_a_tag_shifted_by_two() -> None:
    """Tags two places right of left-aligned values: a short value that lies wholly left of
    its tag is not part of the label, and the tags move back onto their columns."""
    (table,) = read_fixture("text-tags-shifted-two.txt")
    assert table.columns == ("FIRST QUARTER 1994", "CHANGE", "FIRST QUARTER 1993")
    assert table.rows[5].label == "Net income"
    assert values(table)[5] == [D("40"), D("-75.2"), D("161")]


def test_header_wider_than_its_column_spills_without_becoming_a_group() -> None:
    """A header wider than its column that touches the next column's values by a character
    is still its own column's header: it is centred on that column, not on both."""
    text = """<TABLE>
                      PRIOR PRINCIPAL
                          BALANCE       INTEREST
<S>                     <C>         <C>
A-1F                    960.989386  4.996344
A-2F                    1,000.0     5.030833
</TABLE>"""
    (table,) = read(text)
    assert table.columns == ("PRIOR PRINCIPAL BALANCE", "INTEREST")
    assert values(table)[1] == [D("1000.0"), D("5.030833")]


def test_no_tag_line_group_header_starting_left_of_the_values() -> None:
    """Without a tag line a group header and its underline may start left of the first
    column's right-aligned values; right of the row labels, they are still a group."""
    (table,) = read_fixture("text-no-tags-groups.txt")
    assert table.columns[:3] == (
        "AS OF AND FOR THE QUARTER ENDED DECEMBER 31, 1993",
        "AS OF AND FOR THE QUARTER ENDED SEPTEMBER 24, 1993",
        "AS OF AND FOR THE YEAR ENDED SEPTEMBER 24, 1993",
    )
    assert values(table)[1] == [D("752"), D("823"), D("823"), D("184"), D("149")]


def test_column_underlines_give_the_width_of_left_aligned_columns() -> None:
    """Left-aligned values fill only the left of their column; the underline under each
    column's header shows its full width, so wrapped header lines stay with their column."""
    (table,) = read_fixture("text-no-tags-left-aligned-underlines.txt")
    assert table.columns == (
        "Net asset value, end of period",
        "Total return/3/",
        "Net assets, end of period (in millions)",
        "Ratio of expenses to average net assets",
        "Ratio of net income to average net assets",
    )
    assert values(table)[0] == [D("22.23"), D("-17.34"), D("15201"), D("0.67"), D("1.68")]


def test_label_broken_by_hand_a_little_short_of_the_column() -> None:
    """A filer breaks a long label by hand a little short of the label column; the next word
    fitting with a few characters to spare does not make the first line a heading."""
    text = """<TABLE>
<S>                            <C>        <C>
Management Fee                   0.88%      0.88%
Total Annual
Portfolio Operating
Expenses                         0.98%      1.24%
Other Expenses                   0.06%      0.07%
Total Annual Portfolio
Operating Expenses After
Waiver                           0.94%      1.20%
</TABLE>"""
    (table,) = read(text)
    assert [r.label for r in table.rows] == [
        "Management Fee",
        "Total Annual Portfolio Operating Expenses",
        "Other Expenses",
        "Total Annual Portfolio Operating Expenses After Waiver",
    ]


def test_hanging_indent_continuations_and_colon_headings() -> None:
    """Where continuation lines are indented under their label, a line back at the label's
    own indent starts a new label (here a heading), and an indented line continues it."""
    text = """<TABLE>
<S>                                     <C>        <C>
CLASS 529-C:
Period from 2/15/2002                    26.71        .16
  to 12/31/2002
CLASS 529-E:
Period from 3/7/2002                     28.13        .26
  to 12/31/2002
Net asset value, end of                  22.22      22.21
  period
</TABLE>"""
    (table,) = read(text)
    assert [r.label for r in table.rows] == [
        "CLASS 529-C:",
        "Period from 2/15/2002 to 12/31/2002",
        "CLASS 529-E:",
        "Period from 3/7/2002 to 12/31/2002",
        "Net asset value, end of period",
    ]


def test_hanging_indent_value_line_at_the_labels_indent_starts_its_label() -> None:
    """Values on the last label line, continuations indented: a value line back at the
    labels' own indent is a label's first line, so the heading above stays a heading."""
    text = """<TABLE>
<S>                                                    <C>        <C>
Maximum Sales Charge Imposed on Purchases
  (as a percentage of offering price)...............    4.75%      None

ANNUAL FUND OPERATING EXPENSES
  (as a percentage of average net assets)
Management Fees (after waiver)......................     .50%       .50%
12b-1 Fees..........................................     .25%      1.00%
</TABLE>"""
    (table,) = read(text)
    assert [r.label for r in table.rows] == [
        "Maximum Sales Charge Imposed on Purchases (as a percentage of offering price)",
        "ANNUAL FUND OPERATING EXPENSES (as a percentage of average net assets)",
        "Management Fees (after waiver)",
        "12b-1 Fees",
    ]


def test_value_row_without_label_takes_the_heading_above() -> None:
    text = """<TABLE>
<S>                               <C>            <C>
        PERMITTED WITHDRAWALS
-------------------------------------------------------
                                          0.00           0.00
        TOTAL                           12.50          13.75
</TABLE>"""
    (table,) = read(text)
    assert [(r.line, r.label) for r in table.rows] == [(5, "PERMITTED WITHDRAWALS"), (6, "TOTAL")]


# --- columns -----------------------------------------------------------------------------------


def test_numbers_left_of_their_tag_and_labels_past_the_first_tag() -> None:
    text = """<TABLE>
<S>          <C>            <C>
     I-1F    1,184,000.00   1,156,444.26
     I-MF  386,100,000.00 383,371,981.77
Total of all classes   9.00      10.00
</TABLE>"""
    (table,) = read(text)
    assert [r.label for r in table.rows] == ["I-1F", "I-MF", "Total of all classes"]
    assert values(table) == [
        [D("1184000.00"), D("1156444.26")],
        [D("386100000.00"), D("383371981.77")],
        [D("9.00"), D("10.00")],
    ]


def test_blank_column_is_dropped() -> None:
    text = """<TABLE>
<CAPTION>
                    CLASS A   CLASS B
<S>                 <C>       <C>       <C>
Management Fees      0.27%     0.27%
</TABLE>"""
    (table,) = read(text)
    assert table.columns == ("CLASS A", "CLASS B")
    assert len(table.rows[0].cells) == 2


def test_tabs_page_break_and_repeated_header() -> None:
    (table,) = read_fixture("text-tabs-page.txt")
    assert table.columns == ("", "PRIOR", "CURRENT")
    assert [(r.line, r.label) for r in table.rows] == [(7, "I-1F"), (8, "I-MF"), (12, "I-2A")]
    assert [c.text for c in table.rows[0].cells] == ["NOTE 1", "1,184,000.00", "1,130,704.28"]
    assert values(table)[1] == [None, D("386100000.00"), D("383371981.77")]


def test_missing_tag_line_columns_from_gutters() -> None:
    (table,) = read_fixture("text-untagged.txt")
    assert table.columns == ("1997", "1996", "1995")
    assert [r.label for r in table.rows] == ["Net sales", "Net income (loss)", "Cash dividends declared"]
    assert values(table) == [
        [D("7081"), D("9833"), D("11062")],
        [D("-1045"), D("-816"), D("424")],
        [None, D("0.12"), D("0.48")],
    ]


@pytest.mark.parametrize("shift", [-2, -1, 1, 2, 3])
def test_shifted_tags_still_read(shift: int) -> None:
    lines = SEED.read_text(encoding="latin-1").split("\n")
    assert lines[30].startswith("<S>")
    starts = [i + shift for i in range(len(lines[30])) if lines[30].startswith("<C>", i)]
    tag = list("<S>".ljust(max(starts) + 3))
    for start in starts:
        tag[start : start + 3] = "<C>"
    lines[30] = "".join(tag)
    fees, _ = read("\n".join(lines))
    assert fees.columns == ("Class A", "Class B", "Class E")
    assert values(fees)[3] == [D("0.94"), D("1.20"), D("1.10")]


def test_tag_spans_and_placement() -> None:
    spans = tag_spans("<S>             <C>     <C>")
    assert spans == [(16, 24), (24, 1 << 20)]
    placed = place(chunk_line("label running long  1.5     22.25"), spans)
    assert placed.label_text == "label running long"
    assert placed.cell_text(0) == "1.5" and placed.cell_text(1) == "22.25"
    assert [s for s, _ in infer_spans([chunk_line("a    1.0    2.0"), chunk_line("bb  11.0   12.0")])] == [2, 10]


# --- headers and sections ----------------------------------------------------------------------


def test_group_headers_joined_in_front_and_unit_note_is_caption() -> None:
    (table,) = read_fixture("text-groups.txt")
    assert table.columns == (
        "IF YOU SOLD YOUR SHARES: 1 YEAR",
        "IF YOU SOLD YOUR SHARES: 3 YEARS",
        "IF YOU HELD YOUR SHARES: 1 YEAR",
        "IF YOU HELD YOUR SHARES: 3 YEARS",
    )
    assert table.caption == "(DOLLARS IN THOUSANDS)"
    assert values(table)[1] == [D("705"), D("934"), D("205"), D("634")]


def test_sections_from_in_body_header_and_repeated_caption() -> None:
    tables = read_fixture("text-sections.txt")
    assert [(t.line, t.section) for t in tables] == [(3, 0), (3, 1), (3, 2)]
    assert tables[0].columns == ("CLASS A", "CLASS B", "CLASS C")
    assert tables[1].columns == ("CLASS 529-A", "CLASS 529-B", "CLASS 529-C", "CLASS 529-E")
    assert tables[2].columns == ("NET ASSETS", "RATIO")
    assert values(tables[1])[1] == [D("0.30"), D("0.35"), D("0.33"), D("0.30")]
    assert [r.line for r in tables[2].rows] == [17, 18]
    assert values(tables[2]) == [[D("15201"), D("0.67")], [D("19331"), D("0.65")]]


def test_repeated_identical_header_is_not_a_row_or_section() -> None:
    text = """<TABLE>
<CAPTION>
                     FIXED GROUP    ADJ GROUP
<S>                  <C>            <C>
SERVICING FEES          10.00          20.00
POOL INFORMATION     FIXED GROUP    ADJ GROUP
BALANCE                 30.00          40.00
</TABLE>"""
    (table,) = read(text)
    assert [r.label for r in table.rows] == ["SERVICING FEES", "BALANCE"]


# --- footnotes ---------------------------------------------------------------------------------


def test_footnotes_inside_and_under_the_table() -> None:
    (table,) = read_fixture("text-footnotes.txt")
    first, second = table.rows
    assert first.label_footnotes == ("(1)",)
    assert [c.footnotes for c in first.cells] == [("(2)",), ("<F1>",)]
    assert [c.value for c in first.cells] == [None, D("5.00")]
    assert second.cells[0].footnotes == ("/3/",) and second.cells[0].value == D("2.00")
    assert [n.marker for n in table.footnotes] == ["<F1>", "(1)", "(2)", "*"]
    assert table.footnotes[3].text == "Within 30 days of purchase."
    assert "waive fees through April 30, 2007" in table.context


def test_every_table_tag_yields_a_table_even_empty() -> None:
    tables = read("<TABLE>\n</TABLE>\ntext\n<TABLE>\n<S>    <C>\nx        1\n")
    assert [t.line for t in tables] == [1, 4]
    assert tables[1].rows[0].cells[0].value == D("1")


# --- generated tables read back exactly --------------------------------------------------------

LABEL_WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=8)
LABELS = st.lists(LABEL_WORDS, min_size=1, max_size=4).map(lambda ws: " ".join(ws).capitalize())
NUMBERS = st.decimals(min_value=Decimal("-99999"), max_value=Decimal("99999"), places=2, allow_nan=False)


def _render(value: Decimal) -> str:
    text = f"{abs(value):,.2f}"
    return f"({text})" if value < 0 else text


@settings(max_examples=60, deadline=None)
@given(
    st.integers(min_value=1, max_value=5),
    st.lists(
        st.tuples(LABELS, st.lists(NUMBERS, min_size=5, max_size=5)), min_size=1, max_size=8, unique_by=lambda r: r[0]
    ),
    st.integers(min_value=2, max_value=6),
    st.booleans(),
)
def test_generated_table_reads_back(
    ncols: int, rows: list[tuple[str, list[Decimal]]], gap: int, with_tags: bool
) -> None:
    width = max(len(label) for label, _ in rows) + 3
    cell = 12 + gap
    header = " " * width + "".join(f"COL {i + 1}".rjust(cell) for i in range(ncols))
    tags = "<S>" + " " * (width - 3) + "".join(" " * (cell - 12) + "<C>" + " " * 9 for _ in range(ncols))
    lines = ["<TABLE>", "<CAPTION>", header, "</CAPTION>"] + ([tags.rstrip()] if with_tags else [])
    for label, numbers in rows:
        lines.append(label.ljust(width) + "".join(_render(v).rjust(cell) for v in numbers[:ncols]))
    lines.append("</TABLE>")
    (table,) = read("\n".join(lines))
    assert table.columns == tuple(f"COL {i + 1}" for i in range(ncols))
    assert [r.label for r in table.rows] == [label for label, _ in rows]
    assert values(table) == [[parse_cell(_render(v)).value for v in numbers[:ncols]] for _, numbers in rows]


FRAGMENTS = st.sampled_from(
    [
        "<TABLE>",
        "</TABLE>",
        "<CAPTION>",
        "</CAPTION>",
        "<S>        <C>      <C>",
        "<S>",
        "   <C>",
        "<PAGE>",
        "<FN>",
        "<F1> note",
        "-------------  ------",
        "",
        "Label one          1.25%     none",
        "  continued",
        "Heading:",
        "            CLASS A   CLASS B",
        "\tTabbed\t$ (1,045)\t--",
        "x 386,100,000.00 383,371,981.77",
        "(1) footnote text",
        "                    (IN MILLIONS)",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(FRAGMENTS, max_size=40), st.text(max_size=40))
def test_reader_never_raises_and_keeps_every_table(lines: list[str], noise: str) -> None:
    text = "\n".join([*lines, noise])
    tables = read(text)
    starts = sum(1 for t in tokenize(text) if t.kind is TokenKind.TABLE_START)
    assert len({t.line for t in tables}) == starts
    for table in tables:
        assert all(len(row.cells) == len(table.columns) for row in table.rows)


def test_headers_packed_with_one_space_and_underlines_glued_to_text() -> None:
    text = """<TABLE>
<CAPTION>
                         PREFERRED STOCK
                    ------------------------- RETAINED
                      SHARES       AMOUNT     EARNINGS OTHER
<S>                 <C>          <C>          <C>      <C>
Balance                  150         $150        $ 589  $(37)
</TABLE>"""
    (table,) = read(text)
    assert table.columns == ("PREFERRED STOCK SHARES", "PREFERRED STOCK AMOUNT", "RETAINED EARNINGS", "OTHER")
    assert values(table) == [[D("150"), D("150"), D("589"), D("-37")]]
