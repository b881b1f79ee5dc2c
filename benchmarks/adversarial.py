#!/usr/bin/env python3
"""Time the whole per-input function on pathological inputs of growing size: is it linear?

Usage:  python benchmarks/adversarial.py [--only SUBSTRING] [--scale 1.0] [--budget 20] [--flag 6]

Each shape builds one input (a plain-text filing or an HTML document) of 64 KB, 256 KB and 1 MB
(times ``--scale``) and runs the batch worker's own per-input function on it,
``extractor.batch.work.process`` with ``Settings(timeout=None)`` (the pipeline, the classifier,
the validator and the CSV encoding of the rows), in this process: the pool's ``--timeout`` is per
input, so only a direct call shows how long an input really takes. Seconds are
``time.process_time`` (CPU time, so another job on the machine disturbs them less).

Reading the table: one line per shape, the seconds at each size, then the growth of the time
over each fourfold step of the size. Linear work shows about 4 (less while fixed costs still
weigh; more when a large size spills caches or triggers the garbage collector); quadratic work
shows about 16. A ratio above ``--flag`` (6) is marked ``SUPER``. A size predicted (from the
growth so far, at least fourfold) to take more than ``--budget`` seconds is skipped and the shape
marked ``SUPER`` too, with the ratio of the last step that ran. ``status`` is the outcome's
status and number of tables, as the manifest would show it, at the largest size that ran.
Exits 1 when a shape is flagged.

Before calling a flag quadratic, run the shape alone at four times the size
(``--only NAME --scale 4 --budget 60``) and profile its largest size: times of a few
milliseconds move by more than 6x with the load on a shared machine, and the plain-text reader's
line caches (8,192 lines: ``chunk_line``, ``place_line``) stop helping once one table has more
lines than that, a step of about 3x in the time per line between 256 KB and 1 MB of table rows
that does not grow further (the next fourfold step is about 4 again).
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.batch.options import Settings  # noqa: E402
from extractor.batch.work import Outcome, WorkItem, process  # noqa: E402

SIZES = (64 * 1024, 256 * 1024, 1024 * 1024)
"""Target input sizes in bytes; each shape fills one as closely as its repeating unit allows."""

Builder = Callable[[int], bytes]


def repeat(unit: str, size: int) -> str:
    """``unit`` repeated to about ``size`` characters (at least once)."""
    return unit * max(1, size // len(unit))


# --- plain-text documents -----------------------------------------------------------------

FEE_TABLE = """<TABLE>
<CAPTION>
Annual Fund Operating Expenses
</CAPTION>
<S>                               <C>           <C>
                                  Class A       Class B
Management Fee                    0.88%         0.88%
12b-1 Fees                        None          0.25%
Other Expenses                    0.06%         0.07%
Total Annual Operating Expenses   0.94%         1.20%
</TABLE>
"""
"""A small real-format fee table, put beside each freak so that the reader has work to find."""


def text_document(middle: str) -> bytes:
    """A bare plain-text document: prose, the fee table, ``middle``, more prose."""
    return f"Prospectus\n\nThe fund's fees:\n\n{FEE_TABLE}\n{middle}\nEnd of prospectus.\n".encode()


def table_with_line(unit: str) -> Builder:
    """A ``<TABLE>`` whose one data line is ``unit`` repeated to the whole size."""
    def build(size: int) -> bytes:
        return text_document(f"<TABLE>\n<S>              <C>        <C>\nFee {repeat(unit, size)}\n</TABLE>\n")
    return build


def many_rows(size: int) -> bytes:
    row = "Expense item number {:<8}        {:>5.2f}%        {:>5.2f}%\n"
    rows = "".join(row.format(i, (i % 300) / 100, (i % 170) / 100) for i in range(size // len(row.format(0, 0, 0))))
    return text_document(f"<TABLE>\n<S>                                <C>            <C>\n{rows}</TABLE>\n")


def many_rows_untagged(size: int) -> bytes:
    """Rows and no column-tag line: the spans are inferred from the data."""
    row = "Expense item number {:<8}        {:>5.2f}%        {:>5.2f}%\n"
    rows = "".join(row.format(i, (i % 300) / 100, (i % 170) / 100) for i in range(size // len(row.format(0, 0, 0))))
    return text_document(f"<TABLE>\n                                   Class A        Class B\n{rows}</TABLE>\n")


def unlabelled_rows(size: int) -> bytes:
    """Rows of numbers without labels, signed: each may be a subtotal of the rows above it."""
    row = "                        {:>6.2f}        {:>6.2f}\n"
    rows = "".join(row.format((i % 7) - 3, 2 - (i % 5)) for i in range(size // len(row.format(0, 0))))
    return text_document(f"<TABLE>\n<S>                     <C>           <C>\nItems   1.00   2.00\n{rows}</TABLE>\n")


def total_rows(size: int) -> bytes:
    """Rows and "Total" rows in turn, amounts of both signs and zeros: every total looks upwards."""
    block = "Item {n:<19} {a:>6.2f}        {b:>6.2f}\nTotal                    {c:>6.2f}        {d:>6.2f}\n"
    blocks = "".join(block.format(n=i, a=(i % 3) - 1, b=0, c=(i % 5) - 2, d=0) for i in range(size // 110))
    return text_document(f"<TABLE>\n<S>                      <C>           <C>\n{blocks}</TABLE>\n")


def tab_fields_widened(size: int) -> bytes:
    """A tab-separated table (its column tags separated by tabs) whose every row has one wide
    field, each in another column: re-set in fixed width, every line is as wide as all of them."""
    columns = 200
    tags = "<S>" + "\t<C>" * columns
    rows = []
    for k in range(max(1, size // 1000)):
        fields = ["1"] * (columns + 1)
        fields[k % columns + 1] = "x" * 500
        rows.append("\t".join(fields))
    return text_document("<TABLE>\n" + tags + "\n" + "\n".join(rows) + "\n</TABLE>\n")


def many_columns(size: int) -> bytes:
    """As many columns as a line holds, on as many lines as the size holds."""
    width = 1000
    tags = "<S>   " + "<C>  " * ((width - 6) // 5)
    header = "      " + "".join(f"C{i:<3}" + " " for i in range((width - 6) // 5))
    data = "Fee   " + "1.0  " * ((width - 6) // 5)
    lines = [data] * max(1, size // (width + 1))
    return text_document("<TABLE>\n" + tags + "\n" + header + "\n" + "\n".join(lines) + "\n</TABLE>\n")


def many_columns_untagged(size: int) -> bytes:
    width = 1000
    data = "Fee   " + "1.0  " * ((width - 6) // 5)
    lines = [data] * max(1, size // (width + 1))
    return text_document("<TABLE>\n" + "\n".join(lines) + "\n</TABLE>\n")


def huge_caption(size: int) -> bytes:
    caption = repeat("Annual fund operating expenses of the fund, as a percentage of net assets\n", size)
    return text_document(f"<TABLE>\n<CAPTION>\n{caption}</CAPTION>\n<S>          <C>\nFee          1.00%\n</TABLE>\n")


def huge_header(size: int) -> bytes:
    """Header lines (text between the caption and the column tags) by the thousand."""
    header = repeat("                         Class A      Class B      Class C\n", size)
    tags = "<S>                      <C>          <C>\n"
    return text_document(f"<TABLE>\n{header}{tags}Fee     1.00%    2.00%\n</TABLE>\n")


def huge_fn_block(size: int) -> bytes:
    notes = "".join(f"<F{i % 999 + 1}> The adviser has agreed to waive fees through 2025 (note {i}).\n"
                    for i in range(size // 70))
    return text_document(f"<TABLE>\n<S>          <C>\nFee<F1>      1.00%\n<FN>\n{notes}</FN>\n</TABLE>\n")


def huge_notes_after(size: int) -> bytes:
    """Marked notes under a table, one long paragraph each."""
    notes = repeat("(1) The adviser has agreed to waive fees through 2025 and to reimburse expenses. ", size // 4)
    return text_document("<TABLE>\n<S>          <C>\nFee(1)      1.00%\n</TABLE>\n" + (notes + "\n") * 4)


def no_tables(size: int) -> bytes:
    return repeat("The fund invests in small companies; see the fee table on page 7 below.\n", size).encode()


def unclosed_table(size: int) -> bytes:
    prose = repeat("The fund invests in small companies; its fees are 1.00% of assets.\n", size)
    return text_document(f"<TABLE>\n<S>          <C>\nFee          1.00%\n{prose}")


def unclosed_table_one_line(size: int) -> bytes:
    return text_document(f"<TABLE>\n<S>          <C>\n{repeat('Fee 1.00% ', size)}")


def many_pages_in_table(size: int) -> bytes:
    page = "Fee item            1.00%       2.00%\n7\n<PAGE>\n"
    return text_document(f"<TABLE>\n<S>                 <C>         <C>\n{repeat(page, size)}</TABLE>\n")


def many_pages(size: int) -> bytes:
    return text_document(repeat("Some prose of the prospectus.\n\n- 7 -\n<PAGE>\n", size))


def many_tables(size: int) -> bytes:
    return text_document(repeat(FEE_TABLE + "\n", size))


def huge_tags_line(size: int) -> bytes:
    """A column-tag line of ``<C>`` tags, a megabyte long."""
    return text_document(f"<TABLE>\n<S>{repeat(' <C>', size)}\nFee 1.00%\n</TABLE>\n")


WAIVER_DOCUMENT = (Path(__file__).resolve().parent.parent / "fixtures" / "validate-waiver-first-year.txt").read_text()
"""A real-format prospectus excerpt: shareholder fees, operating expenses with a waiver, notes,
an expense example; every check of the validator runs on it."""


def many_fee_and_example_tables(size: int) -> bytes:
    """The fee tables and example of a prospectus, over and over in one document: the validator
    matches each example with the fee tables of its document."""
    return repeat(WAIVER_DOCUMENT + "\n", size).encode()


def fee_table_many_rows(size: int) -> bytes:
    """One operating-expenses table whose items repeat for thousands of rows, then its totals."""
    items = ("Management Fees                                            0.75%     0.75%     0.75%\n"
             "Other Expenses                                             0.41%     0.41%     0.41%\n")
    table = WAIVER_DOCUMENT.split("<TABLE>")[2]
    head, rest = table.split("Management Fees", 1)
    return text_document("<TABLE>" + head + repeat(items, size) + "Management Fees" + rest)


def fee_table_other_run(size: int) -> bytes:
    """A fee table whose other-expenses line is followed by thousands of lines that may be its
    parts: the validator looks for the run of parts that adds up to it."""
    items = "Other Expenses                                             0.41%     0.41%     0.41%\n"
    table = WAIVER_DOCUMENT.split("<TABLE>")[2]
    head, rest = table.split("Other Expenses", 1)
    return text_document("<TABLE>" + head + repeat(items, size) + "Other Expenses" + rest)


def fee_table_many_notes(size: int) -> bytes:
    """The waiver prospectus with thousands of ``<FN>`` notes in its operating-expenses table:
    the cap check reads percentages, classes and dates out of every note."""
    note = "<F{n}> Class A expenses will not exceed 1.05% and Class C 2.00% through April 30, 2027.\n"
    notes = "".join(note.format(n=i % 99 + 1) for i in range(size // 90))
    last_row = "Reimbursement                      1.25%     2.00%     1.00%"
    return WAIVER_DOCUMENT.replace(last_row, f"{last_row}\n<FN>\n{notes}</FN>", 1).encode()


def fee_table_huge_note(size: int) -> bytes:
    """The waiver prospectus whose waiver note under the table is one line of the whole size."""
    words = repeat("Class A expenses will not exceed 1.05% of net assets through April 30, 2027; ", size)
    return WAIVER_DOCUMENT.replace("(2) The Adviser", f"(2) {words} The Adviser", 1).encode()


def fee_table_many_classes(size: int) -> bytes:
    """An HTML fee table and expense example for as many share classes as the size holds."""
    classes = size // 2 // 130
    head = "<tr><th></th>" + "".join(f"<th>Class {i}</th>" for i in range(classes)) + "</tr>"
    def row(label: str, value: str) -> str:
        return f"<tr><td>{label}</td>" + f"<td>{value}</td>" * classes + "</tr>"
    fees = ("<table>" + head + row("Management fees", "0.60%") + row("Other expenses", "0.40%")
            + row("Total annual fund operating expenses", "1.00%") + row("Fee waiver", "(0.10)%")
            + row("Net expenses", "0.90%") + "</table>")
    example = ("<p>Example</p><table><tr><th></th><th>1 Year</th><th>3 Years</th><th>5 Years</th><th>10 Years</th></tr>"
               + "".join(f"<tr><td>Class {i}</td><td>$92</td><td>$309</td><td>$544</td><td>$1,218</td></tr>"
                         for i in range(classes)) + "</table>")
    return html_document(fees + example)


def many_parts(size: int) -> bytes:
    """One ``<TABLE>`` of thousands of parts, each with its caption and column-tag line."""
    part = ("<CAPTION>\nFund {n}\n</CAPTION>\n<S>                 <C>         <C>\n"
            "                    Class A     Class B\nFee                 1.00%       2.00%\n")
    parts = "".join(part.format(n=i) for i in range(size // len(part.format(n=0))))
    return text_document(f"<TABLE>\n{parts}</TABLE>\n")


def in_body_headers(size: int) -> bytes:
    """Rows and in-body header rows in turn, each header naming new columns: thousands of sections."""
    block = "                    Class {n:<8}  Class {m:<8}\nFee                 1.00%           2.00%\n"
    blocks = "".join(block.format(n=i, m=i + 1) for i in range(size // len(block.format(n=0, m=1))))
    return text_document(f"<TABLE>\n<S>                 <C>             <C>\n{blocks}</TABLE>\n")


def one_long_label(size: int) -> bytes:
    """A row label wrapped over thousands of lines, its values on the last."""
    label = repeat("Total annual fund operating expenses after waiver and\n", size)
    values = "reimbursement       1.00%       2.00%\n"
    return text_document(f"<TABLE>\n<S>                 <C>         <C>\n{label}{values}</TABLE>\n")


SEC_HEADER = """<SEC-DOCUMENT>0000908737-06-000800.txt : 20061113
<SEC-HEADER>0000908737-06-000800.hdr.sgml : 20061113
ACCESSION NUMBER:		0000908737-06-000800
CONFORMED SUBMISSION TYPE:	497
FILER:
	COMPANY DATA:
		COMPANY CONFORMED NAME:			{name}
<SERIES-AND-CLASSES-CONTRACTS-DATA>
<EXISTING-SERIES-AND-CLASSES-CONTRACTS>
{series}</EXISTING-SERIES-AND-CLASSES-CONTRACTS>
</SERIES-AND-CLASSES-CONTRACTS-DATA>
</SEC-HEADER>
"""
SERIES = """<SERIES>
<OWNER-CIK>0001126087
<SERIES-ID>S{n:09d}
<SERIES-NAME>{name}
<CLASS-CONTRACT>
<CLASS-CONTRACT-ID>C{n:09d}
<CLASS-CONTRACT-NAME>Class A
</CLASS-CONTRACT>
</SERIES>
"""


def submission(header: str, documents: str) -> bytes:
    return (header + documents + "</SEC-DOCUMENT>\n").encode()


def one_document(n: int, text: str) -> str:
    return f"<DOCUMENT>\n<TYPE>497\n<SEQUENCE>{n}\n<FILENAME>d{n}.txt\n<TEXT>\n{text}</TEXT>\n</DOCUMENT>\n"


def huge_header_field(size: int) -> bytes:
    header = SEC_HEADER.format(name=repeat("EXAMPLE TRUST ", size), series=SERIES.format(n=1, name="Fund"))
    return submission(header, one_document(1, FEE_TABLE))


def huge_series_name(size: int) -> bytes:
    header = SEC_HEADER.format(name="EXAMPLE TRUST", series=SERIES.format(n=1, name=repeat("Growth Fund ", size)))
    return submission(header, one_document(1, FEE_TABLE))


def many_series(size: int) -> bytes:
    series = "".join(SERIES.format(n=i, name=f"Example Fund {i}") for i in range(size // 160))
    return submission(SEC_HEADER.format(name="EXAMPLE TRUST", series=series), one_document(1, FEE_TABLE))


def many_series_and_tables(size: int) -> bytes:
    """Thousands of series and classes in the header and thousands of fee tables naming them."""
    series = "".join(SERIES.format(n=i, name=f"Example Fund {i}") for i in range(size // 2 // 160))
    header = SEC_HEADER.format(name="EXAMPLE TRUST", series=series)
    return submission(header, one_document(1, repeat(WAIVER_DOCUMENT, size // 2)))


def many_documents(size: int) -> bytes:
    count = size // (len(one_document(1, FEE_TABLE)) + 4)
    docs = "".join(one_document(i, FEE_TABLE) for i in range(1, count + 1))
    return submission(SEC_HEADER.format(name="EXAMPLE TRUST", series=SERIES.format(n=1, name="Fund")), docs)


# --- HTML documents -----------------------------------------------------------------------

HTML_FEES = (
    "<p><b>Annual Fund Operating Expenses</b></p>\n<table>\n"
    "<tr><th>Share class</th><th>Class&#160;A</th><th>Class&#160;B</th></tr>\n"
    "<tr><td>Management fees</td><td>0.60%</td><td>0.60%</td></tr>\n"
    "<tr><td>Distribution (12b-1) fees</td><td>0.25%</td><td>1.00%</td></tr>\n"
    "<tr><td>Other expenses</td><td>0.40%</td><td>0.40%</td></tr>\n"
    "<tr><td>Total annual fund operating expenses</td><td>1.25%</td><td>2.00%</td></tr>\n"
    "</table>\n"
)


def html_document(body: str) -> bytes:
    return f"<html><head><title>Fund</title></head><body>\n{HTML_FEES}{body}\n</body></html>\n".encode()


def html_cell(unit: str) -> Builder:
    """A table whose one cell holds ``unit`` repeated to the whole size."""
    def build(size: int) -> bytes:
        return html_document(f"<table><tr><td>Fee</td><td>{repeat(unit, size)}</td></tr></table>")
    return build


def html_one_line(size: int) -> bytes:
    return html_document(repeat(HTML_FEES.replace("\n", ""), size)).replace(b"\n", b"")


def html_many_rows(size: int) -> bytes:
    row = "<tr><td>Expense item {}</td><td>{:.2f}%</td><td>{:.2f}%</td></tr>\n"
    rows = "".join(row.format(i, (i % 300) / 100, (i % 170) / 100) for i in range(size // 60))
    return html_document(f"<table><tr><th></th><th>Class A</th><th>Class B</th></tr>\n{rows}</table>")


def html_many_columns(size: int) -> bytes:
    """Ten rows of as many cells as the size holds."""
    cells = size // 10 // 16
    header = "<tr><th></th>" + "".join(f"<th>C{i}</th>" for i in range(cells)) + "</tr>\n"
    row = "<tr><td>Fee</td>" + "<td>1.00%</td>" * cells + "</tr>\n"
    return html_document(f"<table>{header}{row * 9}</table>")


def html_one_row(size: int) -> bytes:
    """One row of as many cells as the size holds."""
    return html_document("<table><tr><td>Fee</td>" + repeat("<td>1.00%</td>", size) + "</tr></table>")


def html_spans(size: int) -> bytes:
    """Rows whose cells span many columns, in a table of very many columns."""
    cells = size // 4 // 16
    wide = f"<tr><td colspan='{cells}'>Group</td></tr>\n"
    row = "<tr><td>Fee</td>" + "<td>1.00%</td>" * cells + "</tr>\n"
    return html_document(f"<table>{wide}{row}{wide}{row}</table>")


def html_rowspans(size: int) -> bytes:
    row = "<tr><td rowspan='1000'>A</td><td>Fee</td><td>1.00%</td></tr>\n"
    return html_document(f"<table>{repeat(row, size)}</table>")


def html_deep_nesting(size: int) -> bytes:
    return html_document(repeat("<div>", size // 2) + HTML_FEES + "</div>" * (size // 10))


def html_nested_tables(size: int) -> bytes:
    unit = "<table><tr><td>Fee</td><td>1.00%</td><td>"
    return html_document(repeat(unit, size) + "x")


def html_many_tables(size: int) -> bytes:
    return html_document(repeat("<table><tr><td>Fee</td><td>1.00%</td></tr></table>\n", size))


def html_many_fee_tables(size: int) -> bytes:
    return html_document(repeat(HTML_FEES, size))


def html_huge_style(size: int) -> bytes:
    style = repeat("vertical-align: super; font-size: 6pt; text-align: right; ", size // 3)
    return html_document("<table><tr>" + f"<td style='{style}'>Fee</td><td style='{style}'>1.00%</td>" * 1
                         + f"<td style='{style}'>2.00%</td></tr></table>")


def html_many_styles(size: int) -> bytes:
    cell = "<td style='vertical-align:baseline;font-size:10pt;text-align:right;padding:0 2pt'>1.00%</td>"
    rows = repeat("<tr><td>Fee</td>" + cell * 4 + "</tr>\n", size)
    return html_document(f"<table>{rows}</table>")


def html_ixbrl(size: int) -> bytes:
    fact = ("<td><ix:nonFraction name='rr:ManagementFeesOverAssets' contextRef='c{n}' unitRef='pure'"
            " decimals='4' scale='-2'>0.60</ix:nonFraction>%</td>")
    rows = "".join(f"<tr><td>Management fees {n}</td>{fact.format(n=n)}{fact.format(n=n + 1)}</tr>\n"
                   for n in range(size // 300))
    return html_document(f"<table><tr><th></th><th>Class A</th><th>Class B</th></tr>\n{rows}</table>")


def html_ixbrl_contexts(size: int) -> bytes:
    """Thousands of contexts in the hidden header and facts that use them."""
    context = ("<xbrli:context id='c{n}'><xbrli:entity><xbrli:identifier scheme='http://www.sec.gov/CIK'>1"
               "</xbrli:identifier><xbrli:segment><xbrldi:explicitMember dimension='rr:ProspectusShareClassAxis'>"
               "syn:C{n:09d}Member</xbrldi:explicitMember></xbrli:segment></xbrli:entity></xbrli:context>\n")
    contexts = "".join(context.format(n=n) for n in range(size // 2 // 330))
    fact = ("<td><ix:nonFraction name='rr:ManagementFeesOverAssets' contextRef='c{n}' unitRef='pure'"
            " decimals='4' scale='-2'>0.60</ix:nonFraction>%</td>")
    rows = "".join(f"<tr><td>Management fees</td>{fact.format(n=n)}</tr>\n" for n in range(size // 2 // 200))
    return html_document(f"<div style='display:none'><ix:header><ix:resources>{contexts}</ix:resources>"
                         f"</ix:header></div><table>{rows}</table>")


def html_unclosed_tags(size: int) -> bytes:
    return html_document("<table><tr><td>Fee</td><td>" + repeat("<td ", size) + "</table>")


def html_lt_run(size: int) -> bytes:
    return html_document("<table><tr><td>Fee</td><td>" + repeat("<", size) + "</td></tr></table>")


def html_huge_prose(size: int) -> bytes:
    """A huge paragraph right before and after a table (the context around it)."""
    prose = repeat("The fund's fees are shown below as a percentage of assets. ", size // 2)
    return html_document(f"<p>{prose}</p>" + HTML_FEES + f"<p>{prose}</p>")


def html_many_sup(size: int) -> bytes:
    return html_document("<table><tr><td>Fee</td><td>" + repeat("1<sup>(1)</sup> ", size) + "</td></tr></table>")


def html_many_br(size: int) -> bytes:
    return html_document("<table><tr><td>Fee" + repeat("<br>x", size) + "</td><td>1.00%</td></tr></table>")


def html_label_column(size: int) -> bytes:
    """One column of long label cells, each a wrapped heading candidate."""
    row = "<tr><td>Total annual fund operating expenses after waiver and reimbursement</td><td></td></tr>\n"
    return html_document(f"<table>{repeat(row, size)}<tr><td>Fee</td><td>1.00%</td></tr></table>")


def html_wrapped_label(size: int) -> bytes:
    """A label continued over thousands of one-cell rows, then its values."""
    rows = repeat("<tr><td>and other expenses of the fund after waiver</td></tr>\n", size)
    return html_document(f"<table><tr><th></th><th>Class A</th></tr><tr><td>Fee</td><td>1.00%</td></tr>{rows}"
                         "<tr><td>Total</td><td>1.00%</td></tr></table>")


def html_footnote_rows(size: int) -> bytes:
    """Thousands of marker | note rows under a fee table."""
    note = "<tr><td>({n})</td><td>The adviser has agreed to waive fees through April 30, 2027.</td></tr>\n"
    notes = "".join(note.format(n=i % 99 + 1) for i in range(size // len(note.format(n=10))))
    return html_document(HTML_FEES.replace("</table>", notes + "</table>"))


def html_comment_openers_late(size: int) -> bytes:
    """More than 65,535 lines (past libxml2's line cap the table lines are found in the text), then
    thousands of ``<!--`` inside attribute values that no ``-->`` closes."""
    cells = repeat("<td title='<!--'>1.00%</td>", size // 2)
    return html_document("<p>x</p>\n" * 70_000 + f"<table><tr><td>Fee</td>{cells}</tr></table>")


def text_in_html_pre(size: int) -> bytes:
    """A plain-text table inside ``<pre>`` of an HTML document, of very many rows."""
    row = "Expense item number             1.00%        2.00%\n"
    return html_document("<pre>" + repeat(row, size) + "</pre>")


def html_many_pre_blocks(size: int) -> bytes:
    """Very many small ``<pre>`` tables, each read by the text reader on its own lines."""
    block = "<pre>\nManagement fees          0.75%     0.75%\nOther expenses           0.25%     0.25%\n</pre>\n"
    return html_document(repeat(block, size))


def html_pre_page(size: int) -> bytes:
    """One untagged ``<pre>`` page of prose paragraphs and tables, cut into its tables. (Tables of
    items, not expense examples: the checks of hundreds of examples in one document grow faster
    than linearly, in HTML tables as here, which is not what this shape measures.)"""
    unit = ("\nThis  table  describes  the  items  that  you may hold in the Fund.\n\n"
            "                 2023       2022\nItem one          $700       $963\nItem two          $708       $943\n")
    return html_document("<pre>" + repeat(unit, size) + "</pre>")


def html_unclosed_pre(size: int) -> bytes:
    """Very many ``<pre>`` tags never closed: each block would run to the end of the text."""
    return html_document(repeat("<pre>\nManagement fees          0.75%     0.75%\n", size))


def html_page_breaks(size: int) -> bytes:
    """One table set over very many pages: a table per page, a page break and a number between."""
    part = ("<table><tr><td></td><td>Class A</td></tr><tr><td>Fee</td><td>0.50%</td></tr></table>"
            "<p>3</p><hr style='page-break-after:always'>\n")
    return html_document(repeat(part, size))


@dataclass(frozen=True)
class Shape:
    name: str
    build: Builder
    filename: str


TEXT_LINE_ALPHABETS = {
    "spaces-digits": " 1 22  333",
    "dots": ".",
    "dashes": "-",
    "lt": "<",
    "fn-markers": "<F1>",
    "paren-marker": "(1)",
    "dollar-percent": "$ 1% ",
    "tabs": "\t1",
    "words": "expense ",
    "nil-words": "None N/A - ",
    "units": "(in thousands) ",
}

SHAPES: list[Shape] = [
    *(Shape(f"text line: {name}", table_with_line(unit), "d.txt") for name, unit in TEXT_LINE_ALPHABETS.items()),
    Shape("text: many rows", many_rows, "d.txt"),
    Shape("text: many rows, no tags", many_rows_untagged, "d.txt"),
    Shape("text: unlabelled rows", unlabelled_rows, "d.txt"),
    Shape("text: total rows", total_rows, "d.txt"),
    Shape("text: tab fields widened", tab_fields_widened, "d.txt"),
    Shape("text: many columns", many_columns, "d.txt"),
    Shape("text: many columns, no tags", many_columns_untagged, "d.txt"),
    Shape("text: huge <CAPTION>", huge_caption, "d.txt"),
    Shape("text: huge header block", huge_header, "d.txt"),
    Shape("text: huge <FN> block", huge_fn_block, "d.txt"),
    Shape("text: huge notes after", huge_notes_after, "d.txt"),
    Shape("text: no tables", no_tables, "d.txt"),
    Shape("text: <TABLE> never closed", unclosed_table, "d.txt"),
    Shape("text: unclosed, one line", unclosed_table_one_line, "d.txt"),
    Shape("text: <PAGE>s in a table", many_pages_in_table, "d.txt"),
    Shape("text: many <PAGE>s", many_pages, "d.txt"),
    Shape("text: many tables", many_tables, "d.txt"),
    Shape("text: huge <C> tag line", huge_tags_line, "d.txt"),
    Shape("text: many parts in a table", many_parts, "d.txt"),
    Shape("text: in-body headers", in_body_headers, "d.txt"),
    Shape("text: one long label", one_long_label, "d.txt"),
    Shape("text: fee+example tables", many_fee_and_example_tables, "d.txt"),
    Shape("text: fee table, many rows", fee_table_many_rows, "d.txt"),
    Shape("text: fee table, other run", fee_table_other_run, "d.txt"),
    Shape("text: fee table, many notes", fee_table_many_notes, "d.txt"),
    Shape("text: fee table, huge note", fee_table_huge_note, "d.txt"),
    Shape("sub: huge header field", huge_header_field, "s.txt"),
    Shape("sub: huge series name", huge_series_name, "s.txt"),
    Shape("sub: many series", many_series, "s.txt"),
    Shape("sub: many <DOCUMENT>s", many_documents, "s.txt"),
    Shape("html: one line", html_one_line, "d.htm"),
    Shape("html cell: words", html_cell("Management fee "), "d.htm"),
    Shape("html cell: digits", html_cell("1234567890"), "d.htm"),
    Shape("html cell: spaced digits", html_cell("1 22 333 "), "d.htm"),
    Shape("html cell: &nbsp;", html_cell("&nbsp;"), "d.htm"),
    Shape("html cell: entities", html_cell("&#160;&amp;&#x2014;"), "d.htm"),
    Shape("html cell: dots", html_cell("."), "d.htm"),
    Shape("html cell: dashes", html_cell("-"), "d.htm"),
    Shape("html cell: (1)", html_cell("(1)"), "d.htm"),
    Shape("html cell: $ %", html_cell("$ 1% "), "d.htm"),
    Shape("html cell: nil words", html_cell("None N/A - "), "d.htm"),
    Shape("html cell: units", html_cell("(in thousands) "), "d.htm"),
    Shape("html: many rows", html_many_rows, "d.htm"),
    Shape("html: many columns", html_many_columns, "d.htm"),
    Shape("html: one row of cells", html_one_row, "d.htm"),
    Shape("html: wide colspans", html_spans, "d.htm"),
    Shape("html: rowspans", html_rowspans, "d.htm"),
    Shape("html: deep <div>s", html_deep_nesting, "d.htm"),
    Shape("html: nested tables", html_nested_tables, "d.htm"),
    Shape("html: many tiny tables", html_many_tables, "d.htm"),
    Shape("html: many fee tables", html_many_fee_tables, "d.htm"),
    Shape("html: huge style", html_huge_style, "d.htm"),
    Shape("html: many styles", html_many_styles, "d.htm"),
    Shape("html: ixbrl facts", html_ixbrl, "d.htm"),
    Shape("html: ixbrl contexts", html_ixbrl_contexts, "d.htm"),
    Shape("html: unclosed <td", html_unclosed_tags, "d.htm"),
    Shape("html: run of <", html_lt_run, "d.htm"),
    Shape("html: huge prose", html_huge_prose, "d.htm"),
    Shape("html: many <sup>", html_many_sup, "d.htm"),
    Shape("html: many <br>", html_many_br, "d.htm"),
    Shape("html: label column", html_label_column, "d.htm"),
    Shape("html: <pre> rows", text_in_html_pre, "d.htm"),
    Shape("html: many <pre> blocks", html_many_pre_blocks, "d.htm"),
    Shape("html: untagged <pre> page", html_pre_page, "d.htm"),
    Shape("html: unclosed <pre>s", html_unclosed_pre, "d.htm"),
    Shape("html: one table over many pages", html_page_breaks, "d.htm"),
    Shape("html: fee table, many classes", fee_table_many_classes, "d.htm"),
    Shape("html: wrapped label rows", html_wrapped_label, "d.htm"),
    Shape("html: footnote rows", html_footnote_rows, "d.htm"),
    Shape("html: late unclosed <!--", html_comment_openers_late, "d.htm"),
    Shape("sub: many series and tables", many_series_and_tables, "s.txt"),
]


@dataclass
class Timing:
    shape: Shape
    seconds: dict[int, float]
    outcome: Outcome | None

    def ratios(self) -> list[float]:
        sizes = sorted(self.seconds)
        return [self.seconds[b] / max(self.seconds[a], 1e-4) for a, b in pairwise(sizes)]

    def flagged(self, sizes: tuple[int, ...], flag: float) -> bool:
        return len(self.seconds) < len(sizes) or any(r > flag for r in self.ratios())


def run_once(shape: Shape, size: int) -> tuple[float, Outcome]:
    data = shape.build(size)
    item = WorkItem(shape.name, shape.filename, data)
    gc.collect()
    start = time.process_time()
    outcome = process(item, Settings(timeout=None))
    return time.process_time() - start, outcome


def measure(shape: Shape, sizes: tuple[int, ...], budget: float) -> Timing:
    """Seconds at each size, stopping before a size predicted to run past ``budget``."""
    timing = Timing(shape, {}, None)
    for size in sizes:
        done = sorted(timing.seconds)
        if done:
            growth = max(timing.ratios()[-1], 4.0) if len(done) >= 2 else 4.0
            if timing.seconds[done[-1]] * growth > budget:
                break
        timing.seconds[size], timing.outcome = run_once(shape, size)
    return timing


def kb(size: int) -> str:
    return f"{size // 1024} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:g} MB"


def header(sizes: tuple[int, ...]) -> str:
    heads = "".join(f"{kb(s):>9}" for s in sizes)
    steps = "".join(f"{'x' + str(i + 1):>7}" for i in range(len(sizes) - 1))
    return f"{'shape':34}{heads}{steps}  verdict  status"


def row(t: Timing, sizes: tuple[int, ...], flag: float) -> str:
    """One shape's line: seconds per size, growth per step, verdict, outcome at the largest size."""
    cells = "".join(f"{t.seconds[s]:9.3f}" if s in t.seconds else f"{'skip':>9}" for s in sizes)
    ratios = t.ratios()
    rcells = "".join(f"{ratios[i]:7.1f}" if i < len(ratios) else f"{'-':>7}" for i in range(len(sizes) - 1))
    verdict = "SUPER" if t.flagged(sizes, flag) else "ok"
    status = f"{t.outcome.status} {t.outcome.tables}t" if t.outcome else ""
    if t.outcome and t.outcome.reason:
        status += f" ({t.outcome.reason[:40]})"
    return f"{t.shape.name:34}{cells}{rcells}  {verdict:7}  {status}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", default=None, help="only shapes whose name contains this")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size by this")
    parser.add_argument("--budget", type=float, default=20.0, help="skip a size predicted to take longer (s)")
    parser.add_argument("--flag", type=float, default=6.0, help="growth per fourfold size flagged super-linear")
    args = parser.parse_args(argv)
    sizes = tuple(int(s * args.scale) for s in SIZES)
    shapes = [s for s in SHAPES if args.only is None or args.only in s.name]
    print(header(sizes), flush=True)
    flagged = 0
    for shape in shapes:
        timing = measure(shape, sizes, args.budget)
        flagged += timing.flagged(sizes, args.flag)
        print(row(timing, sizes, args.flag), flush=True)
    print(f"{len(shapes)} shapes, {flagged} super-linear (a fourfold step above {args.flag:g}x, or skipped)")
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
