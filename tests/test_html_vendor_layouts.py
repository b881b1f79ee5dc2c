"""HTML fee tables as the filing agents' software lays them out: text tables kept in ``<pre>``
(2001-2008 conversions), class headers with the ticker under the class name (Donnelley, Merrill
Bridge), footnotes of both parts of a fee table printed under it, and tables a page break cuts in
two (every generator). One synthetic case per rule."""

from __future__ import annotations

import html
import re
from decimal import Decimal
from pathlib import Path

from extractor import extract_bytes
from extractor.html.reader import read_html_tables
from extractor.model import Document, Table
from extractor.text.reader import read_text_tables


def read_html(text: str) -> list[Table]:
    return read_html_tables(Document(sequence=1, type=None, filename=None, line=1, text=text, is_html=True))


_PRE_UNTAGGED = """<HTML><BODY>
<P><B>ANNUAL FUND OPERATING EXPENSES</B></P>
<PRE>
                                        CLASS A    CLASS C
Management Fees                          0.75%      0.75%
Distribution (12b-1) Fees                0.25%      1.00%
Total Annual Fund Operating Expenses     1.00%      1.75%
</PRE>
<P>The Example below assumes a 5% return.</P>
</BODY></HTML>"""


def test_untagged_table_in_pre_is_read_as_a_text_table() -> None:
    """A table laid out in spaces inside ``<pre>`` has no ``<td>``: the HTML reader found no table
    at all. It is read by the text reader, on the lines of the input, with the page's prose."""
    (table,) = read_html(_PRE_UNTAGGED)
    assert table.layout == "text"
    assert table.columns == ("CLASS A", "CLASS C")
    assert [r.label for r in table.rows] == [
        "Management Fees", "Distribution (12b-1) Fees", "Total Annual Fund Operating Expenses",
    ]
    assert [c.value for c in table.rows[2].cells] == [Decimal("1.00"), Decimal("1.75")]
    assert table.rows[0].line == 5
    assert "ANNUAL FUND OPERATING EXPENSES" in table.context
    assert "5% return" in table.context


_PRE_TAGGED = """<HTML><BODY>
<P>You would pay the following expenses if you did not redeem your shares:</P>
<PRE>
<TABLE>
<S>                     <C>        <C>         <C>         <C>
                        1 YEAR     3 YEARS     5 YEARS     10 YEARS
                        ------     -------     -------     --------
Class <B>B</B>                 $218       $673        $1,154      $2,294
Class C &amp; D             $218       $673        $1,154      $2,483
</TABLE>
</PRE>
</BODY></HTML>"""


_PRE_PAGE = """<HTML><BODY><PRE>
FEES AND EXPENSES OF THE FUND

This  table  describes  the  fees  and  expenses that you may pay if you buy and
hold  shares of the Fund.  Shareholders pay no fee on 2  exchanges a year.

ANNUAL FUND OPERATING EXPENSES (expenses that are deducted from Fund assets)

----------------------------------------- ----------- -----------
                                          CLASS A     CLASS B
----------------------------------------- ----------- -----------

Management Fees                             0.75%       0.75%
Other Expenses                              0.30%       0.30%
                                            -----       -----
Total Annual Fund Operating Expenses        1.05%       1.80%

EXAMPLE

This Example is intended to help you compare the cost of investing in the Fund
with the cost of investing in other mutual funds.  It assumes that you invest
$10,000 in the Fund for the time periods indicated.

                 1 YEAR     3 YEARS
Class A           $700       $963
Class B           $708       $943
</PRE></BODY></HTML>"""


def test_untagged_page_in_pre_gives_its_tables_without_the_prose() -> None:
    """A page of text in one ``<pre>``, without table tags: each run of paragraphs laid out in
    columns with rows of numbers is a table (column headers between rules included); headings
    and prose around them, justified with double blanks, stay outside. Read as one table, the
    prose was the caption and a row, and the example a section of the fee table."""
    fees, example = read_html(_PRE_PAGE)
    assert (fees.line, fees.end_line) == (9, 16)
    assert fees.caption == ""
    assert [r.label for r in fees.rows] == ["Management Fees", "Other Expenses", "Total Annual Fund Operating Expenses"]
    assert [r.label for r in example.rows] == ["Class A", "Class B"]
    assert example.columns == ("1 YEAR", "3 YEARS")
    assert "This Example is intended" in example.context


def test_text_format_tags_in_pre_give_the_columns() -> None:
    """A text filing's table pasted into ``<pre>`` with its ``<TABLE>``, ``<S>`` and ``<C>`` tags:
    the tags give the columns as in the text filing; other tags are not shown and entities are
    one character each, so the columns stay where the reader sees them."""
    (table,) = read_html(_PRE_TAGGED)
    assert table.columns == ("1 YEAR", "3 YEARS", "5 YEARS", "10 YEARS")
    assert [r.label for r in table.rows] == ["Class B", "Class C & D"]
    assert [c.value for c in table.rows[1].cells] == [Decimal(218), Decimal(673), Decimal(1154), Decimal(2483)]


_TICKER_HEADER = """<html><body><table>
<tr><td><b>SHAREHOLDER FEES</b></td><td>Class A<br>ABCAX</td><td>Class C<br>ABCCX</td></tr>
<tr><td>Maximum Sales Charge (Load)</td><td>5.75%<sup>1</sup></td><td>None</td></tr>
<tr><td><b>ANNUAL FUND OPERATING EXPENSES</b></td><td>Class A</td><td>Class C</td></tr>
<tr><td>Management Fees<sup>(a)</sup></td><td>0.55%</td><td>0.55%</td></tr>
<tr><td>Total Annual Fund Operating Expenses</td><td>0.80%</td><td>1.55%</td></tr>
</table>
<p><sup>1</sup> Lower sales charges are available for larger purchases.</p>
<p><sup>(a)</sup> Restated to reflect current fees.</p>
</body></html>"""


def test_second_part_repeating_class_names_without_tickers_is_a_section() -> None:
    """The operating-expenses part repeats the class names of a header that gave the ticker on a
    second line: it heads a section of its own, not a row of text among the fees."""
    first, second = read_html(_TICKER_HEADER)
    assert first.columns == ("Class A ABCAX", "Class C ABCCX")
    assert [r.label for r in first.rows] == ["Maximum Sales Charge (Load)"]
    assert second.columns == ("Class A", "Class C")
    assert [r.label for r in second.rows] == ["Management Fees", "Total Annual Fund Operating Expenses"]


def test_each_section_takes_its_footnotes_from_under_the_table() -> None:
    """The notes under a table are printed in order, the first part's first: the second part's
    note came after a note it does not use, and used to be lost."""
    first, second = read_html(_TICKER_HEADER)
    assert [n.marker for n in first.footnotes] == ["1"]
    assert [(n.marker, n.text) for n in second.footnotes] == [("(a)", "Restated to reflect current fees.")]


_PAGE_BREAK = """<html><body>
<table>
<tr><td></td><td><b>Class A</b></td><td><b>Class C</b></td></tr>
<tr><td>Management Fees</td><td>0.50%</td><td>0.50%</td></tr>
<tr><td>Distribution and/or Service (12b-1) Fees</td><td>0.25%</td><td>1.00%</td></tr>
</table>
<p style="text-align:center">Prospectus | 12</p>
<hr style="page-break-after:always"/>
<p><a href="#toc">Table of Contents</a></p>
<table>
<tr><td></td><td><b>Class A</b></td><td><b>Class C</b></td></tr>
<tr><td>Other Expenses</td><td>0.30%</td><td>0.30%</td></tr>
<tr><td>Total Annual Fund Operating Expenses</td><td>1.05%</td><td>1.80%</td></tr>
</table>
<p>Example</p>
<table>
<tr><td></td><td><b>Class A</b></td><td><b>Class C</b></td></tr>
<tr><td>1 Year</td><td>$577</td><td>$283</td></tr>
</table>
</body></html>"""


def test_table_continued_over_a_page_break_is_one_table() -> None:
    """A page break between two tables with the same column headers, nothing but a running footer
    with the page number and a "Table of Contents" link around it, continues the table: read apart, the second part
    was a table of its own, a total without the fees it adds up. A table after prose stays apart,
    and so do tables with only a blank between them, and a second table with a title of its own."""
    fees, example = read_html(_PAGE_BREAK)
    assert fees.columns == ("Class A", "Class C")
    assert [r.label for r in fees.rows] == [
        "Management Fees", "Distribution and/or Service (12b-1) Fees", "Other Expenses",
        "Total Annual Fund Operating Expenses",
    ]
    assert fees.end_line == 13
    assert [r.label for r in example.rows] == ["1 Year"]
    unbroken = _PAGE_BREAK.replace('<hr style="page-break-after:always"/>', "")
    assert len(read_html(unbroken)) == 3  # the same headers alone are no evidence of a page break
    titled = _PAGE_BREAK.replace('<tr><td></td><td><b>Class A</b></td><td><b>Class C</b></td></tr>\n<tr><td>Other',
                                 '<tr><td colspan="3">Beta Fund</td></tr>\n'
                                 '<tr><td></td><td><b>Class A</b></td><td><b>Class C</b></td></tr>\n<tr><td>Other')
    assert len(read_html(titled)) == 3  # a title of its own starts a table


def test_continued_fee_table_is_added_up() -> None:
    """Joined, the fee table's total is checked against its parts: 0.50 + 0.25 + 0.30 = 1.05."""
    filing = extract_bytes(_PAGE_BREAK.encode(), "page-break.html")
    fees = filing.tables[0]
    assert fees.kind == "fees"
    assert not [f for f in filing.findings if f.check == "component_sum"]


def test_typed_marker_in_a_cell_of_its_own_annotates_the_value_before_it() -> None:
    """EDGARizer-era tables set a typed "(1)" in the cell after the value it annotates, under the
    value's header. It was read as the number -1 in a column of its own (two columns per class).
    A column that holds other numbers too is a column of numbers."""
    text = """<HTML><BODY><TABLE>
<TR><TD></TD><TD COLSPAN=3>Investor Shares</TD><TD COLSPAN=3>Advisor Shares</TD></TR>
<TR><TD>Maximum Deferred Sales Charge (Load)</TD><TD>None</TD><TD>(1)</TD><TD></TD>
<TD>1.00</TD><TD>%</TD><TD>(2)</TD></TR>
<TR><TD>Management Fees</TD><TD>0.25%</TD><TD></TD><TD></TD><TD>0.25%</TD><TD></TD><TD></TD></TR>
</TABLE></BODY></HTML>"""
    (table,) = read_html(text)
    assert table.columns == ("Investor Shares", "Advisor Shares")
    none, percent = table.rows[0].cells
    assert (none.value, none.footnotes) == (None, ("(1)",))
    assert (percent.value, percent.footnotes) == (Decimal("1.00"), ("(2)",))
    statement = """<table><tr><td></td><td>2023</td><td>2022</td></tr>
<tr><td>Restructuring costs</td><td>N/A</td><td>(23)</td></tr>
<tr><td>Cash dividends</td><td>(14)</td><td>(58)</td></tr></table>"""
    (numbers,) = read_html(statement)  # "(23)" shares its column with other numbers: a number
    assert [c.value for c in numbers.rows[0].cells] == [None, Decimal(-23)]


def test_header_repeated_inside_a_table_after_a_page_break_continues_it() -> None:
    """A typesetter repeats the column headers at the top of each page inside one ``<table>``.
    The repeat after a rule or page-break style, with no label or heading naming a part, used to
    start a second section: the fee table's total was cut from the fees it adds up. A heading
    above the repeat still names a part, and without a marked page break a repeat starts one."""
    text = """<html><body><table>
<tr><td></td><td>Class A</td><td>Class C</td></tr>
<tr><td>Management Fees</td><td>0.50%</td><td>0.50%</td></tr>
<tr><td colspan="3"><hr style="page-break-after:always"></td></tr>
<tr><td></td><td>Class A</td><td>Class C</td></tr>
<tr><td>Total Annual Fund Operating Expenses</td><td>0.50%</td><td>1.25%</td></tr>
</table>
<table>
<tr><td></td><td>1 Year</td><td>3 Years</td></tr>
<tr><td>Class A</td><td>$577</td><td>$793</td></tr>
<tr><td>If you did not sell your shares:</td></tr>
<tr><td></td><td>1 Year</td><td>3 Years</td></tr>
<tr><td>Class A</td><td>$577</td><td>$793</td></tr>
</table></body></html>"""
    fees, sold, kept = read_html(text)
    assert fees.columns == ("Class A", "Class C")
    assert [r.label for r in fees.rows] == ["Management Fees", "Total Annual Fund Operating Expenses"]
    assert [r.label for r in sold.rows] == ["Class A"]
    assert kept.caption == "If you did not sell your shares:"
    unbroken = text.replace('<tr><td colspan="3"><hr style="page-break-after:always"></td></tr>', "")
    assert len(read_html(unbroken)) == 4


_TEXT_TAG = re.compile(r"(</?(?:TABLE|CAPTION|FN|PAGE)(?:\s[^>]*)?>|<[SC]>|<F\d{1,3}>)", re.I)


def _table_key(table: Table) -> tuple[object, ...]:
    rows = tuple((r.label, tuple((c.text, c.value) for c in r.cells)) for r in table.rows)
    return table.line, table.columns, rows, table.footnotes


def test_text_filings_wrapped_in_pre_read_as_the_text_filings(corpus: Path) -> None:
    """Each text filing of the corpus, escaped and wrapped whole in ``<HTML><BODY><PRE>`` as the
    HTML conversions of 2001-2008 did, gives the tables the text reader reads from it, line for
    line and cell for cell."""
    for path in sorted((corpus / "filings").glob("*.txt")):
        text = path.read_text(encoding="latin-1")
        want = read_text_tables(Document(sequence=1, type=None, filename=None, line=1, text=text))
        parts = _TEXT_TAG.split(text)
        escaped = "".join(p if i % 2 else html.escape(p, quote=False) for i, p in enumerate(parts))
        got = read_html(f"<HTML><BODY><PRE>{escaped}</PRE></BODY></HTML>")
        assert [_table_key(t) for t in got] == [_table_key(t) for t in want], path.name


def test_typed_label_markers_are_footnotes_and_find_their_notes() -> None:
    """A marker typed after a label ("Management Fees*", "Fees(1)", "Other Expenses&#134;") is one
    of the row's footnotes, as the text reader reads it; the notes under the table, printed in
    the order of the rows, are found through it. Before, the first note ("*") stopped the search
    and every note was lost. Seven notes are read, not the first six."""
    notes = "".join(f"<p>{m} Note {i} about the fees of the fund.</p>" for i, m in enumerate(
        ["*", "(1)", "&#134;", "(2)", "(3)", "(4)", "(5)"]))
    text = f"""<html><body><table>
<tr><td></td><td>Class A</td><td>Class C</td></tr>
<tr><td>Management Fees*</td><td>0.70%</td><td>0.70%</td></tr>
<tr><td>Distribution and Service (12b-1) Fees(1)</td><td>0.25%</td><td>1.00%</td></tr>
<tr><td>Other Expenses&#134;</td><td>0.20%(2)</td><td>0.20%(3)</td></tr>
<tr><td>Total Annual Fund Operating Expenses(4)(5)</td><td>1.15%</td><td>1.90%</td></tr>
</table>{notes}</body></html>"""
    (table,) = read_html(text)
    assert [r.label_footnotes for r in table.rows] == [("*",), ("(1)",), ("\u2020",), ("(4)", "(5)")]
    assert table.rows[0].label == "Management Fees*"
    assert [n.marker for n in table.footnotes] == ["*", "(1)", "\u2020", "(2)", "(3)", "(4)", "(5)"]


def test_notes_in_one_block_are_one_note_each() -> None:
    """Notes set as paragraphs of one ``<div>`` under the table were read as one note, the
    second note's text run into the first and its marker lost."""
    text = """<html><body><div><table>
<tr><td></td><td>Class A</td><td>Class C</td></tr>
<tr><td>Management Fees<sup>1</sup></td><td>0.70%</td><td>0.70%</td></tr>
<tr><td>Total Annual Fund Operating Expenses<sup>2</sup></td><td>0.70%</td><td>0.70%</td></tr>
</table></div>
<div style="font-size:8pt">
<p><sup>1</sup> Management fees have been restated to reflect current fees.</p>
<p><sup>2</sup> Total expenses do not correlate to the ratios in the financial highlights.</p>
</div>
<p>Example. This Example is intended to help you compare costs.</p>
</body></html>"""
    (table,) = read_html(text)
    assert [(n.marker, n.text) for n in table.footnotes] == [
        ("1", "Management fees have been restated to reflect current fees."),
        ("2", "Total expenses do not correlate to the ratios in the financial highlights."),
    ]


def test_pre_in_a_layout_table_is_read() -> None:
    """Pages of the time set their margins with a one-row layout table around all their text: a
    ``<pre>`` in its cell is the page's text, not the text of a data cell, and is read."""
    text = _PRE_UNTAGGED.replace("<BODY>", '<BODY><TABLE WIDTH="100%"><TR><TD>&nbsp;</TD><TD>').replace(
        "</BODY>", "</TD></TR></TABLE></BODY>")
    (table,) = read_html(text)
    assert table.columns == ("CLASS A", "CLASS C")
    assert [c.value for c in table.rows[2].cells] == [Decimal("1.00"), Decimal("1.75")]


_IX_HIDDEN = """<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"
 xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:xbrldi="http://xbrl.org/2006/xbrldi"
 xmlns:rr="http://xbrl.sec.gov/rr/2023" xmlns:dei="http://xbrl.sec.gov/dei/2023">
<body><div style="display:none"><ix:header><ix:hidden>
<ix:nonFraction id="F_12" name="rr:ManagementFeesOverAssets" contextRef="cI" unitRef="pure" decimals="4"
 scale="-2" format="ixt:num-dot-decimal">SHOWN</ix:nonFraction>
<ix:nonFraction id="F_13" name="rr:DistributionAndService12b1FeesOverAssets" contextRef="cI" unitRef="pure"
 decimals="4" format="ixt:fixed-zero">-</ix:nonFraction>
</ix:hidden><ix:resources>
<xbrli:context id="cI"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">1</xbrli:identifier>
<xbrli:segment><xbrldi:explicitMember dimension="rr:ProspectusShareClassAxis">x:C000000013Member</xbrldi:explicitMember>
</xbrli:segment></xbrli:entity><xbrli:period><xbrli:instant>2024-01-01</xbrli:instant></xbrli:period></xbrli:context>
</ix:resources></ix:header></div>
<table>
<tr><td></td><td>Class I</td></tr>
<tr><td>Management fees</td><td><span style="-sec-ix-hidden:F_12">0.65</span>%</td></tr>
<tr><td>Distribution and service (12b-1) fees</td><td style="text-align:center;-sec-ix-hidden:F_13">None</td></tr>
<tr><td>Total annual fund operating expenses</td><td>0.65%</td></tr>
</table></body></html>"""


def test_cell_showing_a_hidden_fact_carries_it() -> None:
    """EDGAR tags a value whose displayed text no transformation reads with a fact kept in
    ``ix:hidden``, which the displayed element names by ``-sec-ix-hidden``: the cell shows that
    fact. It had none: the class's column lost its class ID and a wrong tag went unnoticed."""
    (table,) = read_html(_IX_HIDDEN.replace("SHOWN", "0.65"))
    fee, distribution, _ = table.rows
    assert fee.cells[0].xbrl is not None
    assert (fee.cells[0].xbrl.concept, fee.cells[0].xbrl.value) == ("rr:ManagementFeesOverAssets", Decimal("0.0065"))
    assert distribution.cells[0].xbrl is not None and distribution.cells[0].xbrl.value == 0
    assert table.column_classes == ("C000000013",)
    wrong = extract_bytes(_IX_HIDDEN.replace("SHOWN", "0.75").encode(), "hidden.htm")
    assert [(f.check, f.row) for f in wrong.findings if f.check == "xbrl_mismatch"] == [
        ("xbrl_mismatch", "Management fees"),
    ]


def test_rows_and_cells_not_shown_are_left_out() -> None:
    """A row or cell styled ``display: none`` is not shown: a hidden row was read as a row, and a
    hidden cell took a column, shifting the shown values of its row right."""
    text = """<html><body><table>
<tr><td></td><td>Class A</td><td>Class C</td></tr>
<tr><td>Management Fees</td><td>0.50%</td><td>0.50%</td></tr>
<tr style="display:none"><td>Acquired fund fees</td><td>0.01%</td><td>0.01%</td></tr>
<tr><td>Other Expenses</td><td>0.20%</td><td style="display: none">9.99%</td><td>0.20%</td></tr>
<tr><td>Total</td><td>0.70%</td><td>0.70%</td></tr>
</table></body></html>"""
    (table,) = read_html(text)
    assert table.columns == ("Class A", "Class C")
    assert [r.label for r in table.rows] == ["Management Fees", "Other Expenses", "Total"]
    assert [c.text for c in table.rows[1].cells] == ["0.20%", "0.20%"]


def test_class_group_headed_under_the_same_corner_label_is_a_section() -> None:
    """One fee table per class group in one ``<table>``: the second group's header repeats the
    label over the row labels with new class names. It was read as a row of text, and the second
    group's values stood under the first group's classes."""
    text = """<html><body><table>
<tr><td>Annual Fund Operating Expenses</td><td>Class A</td><td>Class C</td></tr>
<tr><td>Management Fees</td><td>0.50%</td><td>0.50%</td></tr>
<tr><td>Total</td><td>0.75%</td><td>1.50%</td></tr>
<tr><td>Annual Fund Operating Expenses</td><td>Class I</td><td>Class R6</td></tr>
<tr><td>Management Fees</td><td>0.50%</td><td>0.50%</td></tr>
<tr><td>Total</td><td>0.50%</td><td>0.45%</td></tr>
</table></body></html>"""
    first, second = read_html(text)
    assert first.columns == ("Class A", "Class C")
    assert second.columns == ("Class I", "Class R6")
    assert [r.label for r in second.rows] == ["Management Fees", "Total"]
    assert second.rows[1].cells[1].value == Decimal("0.45")


def test_html_table_inside_pre_is_read_once() -> None:
    """An HTML table set inside ``<pre>`` is read as the HTML table it is, not a second time as
    text from the block (with its tags cut, its cells ran into lines of text)."""
    text = """<html><body><pre>
<table><tr><td></td><td>Class A</td><td>Class C</td></tr>
<tr><td>Management Fees</td><td>0.50%</td><td>0.50%</td></tr>
<tr><td>Other Expenses</td><td>0.25%</td><td>0.25%</td></tr></table>
</pre></body></html>"""
    (table,) = read_html(text)
    assert table.layout == "html"
    assert [r.label for r in table.rows] == ["Management Fees", "Other Expenses"]


def test_rowspan_label_over_an_empty_row_is_one_row() -> None:
    """A class label with ``rowspan`` set beside an empty row and the row of its figures names
    those figures; the empty row where it starts is no row. It was a row of its own, and the class
    read twice ("Advisor Shares" empty, "Advisor Shares" with the figures)."""
    text = """<html><body><table>
<tr><td></td><td>1 Year</td><td>3 Years</td></tr>
<tr><td rowspan="2">Advisor Shares</td><td colspan="2"></td></tr>
<tr><td>$51</td><td>$171</td></tr>
<tr><td>Class C</td><td>$303</td><td>$679</td></tr>
</table></body></html>"""
    (table,) = read_html(text)
    assert [r.label for r in table.rows] == ["Advisor Shares", "Class C"]
    assert [c.value for c in table.rows[0].cells] == [Decimal(51), Decimal(171)]
