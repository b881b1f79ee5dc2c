"""Render the corpus's truth tables as HTML in many EDGAR styles and score the HTML reader on them.

The corpus holds one HTML filing; real HTML filings come from Workiva, Donnelley, EDGAR Online
and hand-written pages, and each lays a table out its own way. This script renders every truth
table (text and HTML) again as an HTML document whose traits are drawn by a seeded RNG: ``$`` in
its own cell, ``%`` or ``)`` or ``)%`` in their own cells, spacer columns, header rows split over
several ``<tr>`` or under a spanning group header, ``<th>`` or ``<td><b>`` headers, ``<br>`` in
labels and headers, labels wrapped over two rows, footnote markers, ``<font>``/``<span>``/``<p>``
wrappers, indented labels, the upper-case ``<TABLE CELLSPACING=0>`` style of 2001-2010 or lower-case
XHTML, words for nil values, and a heading before the table. It runs the pipeline in-process on
each variant and reports how many come out entirely right, with header, label, cell and kind
accuracy per trait, so a rule that only fits one style shows up.

    python benchmarks/html_relayout.py [--variants 10] [--seed 5] [--show 10] [--trait NAME]
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from decimal import Decimal
from itertools import pairwise
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from relayout_score import CORPUS, Score, compare, group_spans, norm, print_report

from extractor.pipeline import extract_bytes
from extractor.writers import table_dict

_TEXT_MARKER = re.compile(r"\s*(?:(?<![/])/(\d{1,2})/(?![\d/])|<F(\d{1,2})>)")
"""Footnote markers of the plain-text era inside truth labels (``CLASS A/1/``), redrawn in HTML."""
NILS = ("None", "N/A", "\u2014", "-", "&#8212;", "\u2013", "none", "Not applicable")
_PERIOD = re.compile(r"^(one|three|five|ten|1|3|5|10)\s+years?$", re.I)
_PERIOD_NUMBERS = {"one": "1", "three": "3", "five": "5", "ten": "10"}
_LEADERS = re.compile(r"(?:\.\s?){3,}$|_{3,}$")
"""Dot or underscore leaders left at the end of a label (the shared ``norm`` hides them)."""
PART_HEADINGS = ("<b>Shareholder Fees</b> (fees paid directly from your investment)",
                 "<b>Annual Fund Operating Expenses</b> (expenses that you pay each year as a percentage of the "
                 "value of your investment)")
HEADINGS = {
    "fees": ("Annual Fund Operating Expenses",
             "(expenses that you pay each year as a percentage of the value of your investment)"),
    "expense_example": ("Example",
                        "This Example is intended to help you compare the cost of investing in the Fund with "
                        "the cost of investing in other mutual funds. Your costs would be:"),
    "other": ("Selected Financial Data", "The following table sets out the figures for the periods shown."),
}


@dataclass
class Layout:
    """One random HTML layout; every true flag (and each non-default choice) is a reported trait."""

    old_style: bool  # <TABLE CELLSPACING=0> in upper case and <FONT SIZE=2>, else lower-case XHTML
    dollar_cell: bool  # "$" in a cell of its own before the number
    pct_cell: bool  # "%" in a cell of its own after the number
    paren_cell: bool  # the ")" of a negative in a cell of its own (")%" with pct_cell)
    spacers: bool  # an empty spacer column between data columns
    nbsp: bool  # spacer and empty cells hold &nbsp;
    header: str  # "one" row, "split" over two or three rows, "group" under spanning group headers
    th: bool  # header cells are <th>, else <td><b>
    br: bool  # <br> breaks inside long labels and headers
    wrap_rows: bool  # a long label wrapped over two rows, numbers on the second
    marker: str  # "" or footnote markers as "sup", "paren" (a), "star" *
    wrapper: str  # "" or values and labels wrapped in "font", "span", "p"
    indent: bool  # padding-left (or &nbsp;) indents on some labels
    title_row: bool  # a first row spanning the table with its heading
    corner: bool  # text in the header row over the label column
    nil: str  # how a value stated without a number is written
    envelope: str  # "html" document, "submission" (<DOCUMENT><TEXT>), "fragment"
    blank_rows: bool = False  # empty spacer rows between body rows
    label_span: bool = False  # the label cell spans two columns (one on indented rows: ragged)
    nil_span: bool = False  # a nil word spans the $ / number / % cells of its column
    thead: bool = False  # header rows in <thead>, body rows in <tbody>
    note_rows: bool = False  # the footnotes as rows spanning the foot of the table
    ixbrl: bool = False  # numbers tagged ix:nonFraction (parentheses outside the tag, sign="-")
    dollar_nbsp: bool = False  # "$&nbsp;675" in one cell
    row_th: bool = False  # row labels in <th scope="row">
    head_align: str = "parts"  # a column header spans its value's cells, only the "number" cell, or is "wide"
    unit_first: bool = False  # "$" or "%" only on the first row of values and on total rows
    minus: str = "("  # how a negative is written: "(" parentheses, or a leading "-", "\u2212", "\u2013"
    leaders: bool = False  # dot leaders after short labels, as in HTML converted from text
    caption: bool = False  # the heading in a <caption>
    rowspan_head: bool = False  # under group headers, an ungrouped column's header spans both rows
    indent_cells: bool = False  # with label_span, indented labels sit one cell to the right
    periods: bool = False  # an example's "1 Year" ... headers as bare 1 | 3 | 5 | 10 beside "Number of years"
    unclosed: bool = False  # no </TD> or </TR>, as hand-made HTML of the 1990s leaves them
    wrap_first: bool = False  # with wrap_rows, the numbers on the first of the two rows
    group_rows: bool = False  # "Class B - if sold" / "Class B - if held": "Class B" with rowspan, the rest beside
    combined: bool = False  # shareholder fees and annual expenses in one table, each part's header
    # row naming the part in its label cell ("Annual Fund Operating Expenses | Class A | Class C")

    def traits(self) -> list[str]:
        out = [f"header={self.header}", f"envelope={self.envelope}", f"nil={self.nil}"]
        out.append("old-style" if self.old_style else "xhtml")
        if self.marker:
            out.append(f"marker={self.marker}")
        if self.head_align != "parts":
            out.append(f"head={self.head_align}")
        if self.minus != "(":
            out.append(f"minus={self.minus.encode('ascii', 'backslashreplace').decode()}")
        if self.wrapper:
            out.append(f"wrapper={self.wrapper}")
        for f in fields(self):
            if f.type == "bool" and f.name != "old_style" and getattr(self, f.name):
                out.append(f.name)
        return out


def random_layout(rng: random.Random) -> Layout:
    old = rng.random() < 0.4
    return Layout(
        old_style=old, dollar_cell=rng.random() < 0.5, pct_cell=rng.random() < 0.4, paren_cell=rng.random() < 0.4,
        spacers=rng.random() < 0.5, nbsp=rng.random() < 0.6, header=rng.choice(["one", "one", "split", "group"]),
        th=rng.random() < 0.3, br=rng.random() < 0.3, wrap_rows=rng.random() < 0.25,
        marker=rng.choice(["", "", "sup", "paren", "star"]), wrapper=rng.choice(["", "font" if old else "span", "p"]),
        indent=rng.random() < 0.4, title_row=rng.random() < 0.2, corner=rng.random() < 0.25,
        nil=rng.choice(NILS), envelope=rng.choice(["html", "html", "submission", "fragment"]),
    )


def add_later_traits(layout: Layout, rng: random.Random) -> None:
    """Traits added after the first set, drawn from their own generator so that a seed keeps
    giving the first set's traits as before."""
    layout.blank_rows = rng.random() < 0.3
    layout.label_span = rng.random() < 0.25
    layout.nil_span = rng.random() < 0.3
    layout.thead = not layout.old_style and rng.random() < 0.3
    layout.note_rows = rng.random() < 0.3
    layout.ixbrl = not layout.old_style and rng.random() < 0.3
    layout.dollar_nbsp = rng.random() < 0.3
    layout.row_th = not layout.old_style and rng.random() < 0.15
    layout.head_align = rng.choice(["parts", "parts", "number", "wide"])
    layout.unit_first = rng.random() < 0.3
    layout.minus = rng.choice(["(", "(", "(", "-", "\u2212", "\u2013"])
    layout.leaders = rng.random() < 0.15
    if rng.random() < 0.15:
        layout.marker = "raised"
    layout.caption = rng.random() < 0.15
    layout.rowspan_head = layout.header == "group" and rng.random() < 0.5
    layout.indent_cells = layout.label_span and rng.random() < 0.5
    layout.periods = rng.random() < 0.5
    layout.unclosed = layout.old_style and rng.random() < 0.3
    layout.wrap_first = layout.wrap_rows and rng.random() < 0.5
    layout.group_rows = rng.random() < 0.5


def _inside_tag(html_text: str) -> bool:
    """Whether ``html_text`` ends inside a tag (a ``<`` not yet closed by ``>``)."""
    return html_text.rfind("<") > html_text.rfind(">")


class Renderer:
    """Writes one truth table as the lines of an HTML filing in one layout."""

    def __init__(self, table: dict[str, Any], layout: Layout, rng: random.Random) -> None:
        self.table, self.layout, self.rng = table, layout, rng
        self.kind = table["kind"]
        self.notes: list[str] = []
        self.parts = 1 + layout.dollar_cell + (layout.pct_cell or layout.paren_cell)
        self.part_heading = ""
        """Text in the label cell of the last header row, naming the part of a combined table."""

    def tag(self, name: str) -> str:
        return name.upper() if self.layout.old_style else name

    def marker(self, number: str) -> str:
        """A footnote marker in the layout's style; the note itself is printed under the table."""
        style = self.layout.marker or "sup"
        if number not in self.notes:
            self.notes.append(number)
        if style == "sup":
            return f"<{self.tag('sup')}>{number}</{self.tag('sup')}>"
        if style == "raised":
            return f'<span style="font-size:65%;vertical-align:top">({number})</span>'
        if style == "paren":
            return f"({chr(ord('a') + int(number) - 1)})"
        return "*" * int(number)

    def text(self, raw: str, breakable: bool) -> str:
        """Escaped text with its plain-text markers redrawn in place, ``<br>`` in long text when asked."""
        pieces: list[str] = []
        last = 0
        for m in _TEXT_MARKER.finditer(raw):
            pieces += [html.escape(raw[last:m.start()], quote=False), self.marker(m.group(1) or m.group(2))]
            last = m.end()
        words = ("".join(pieces) + html.escape(raw[last:], quote=False)).split()
        if breakable and self.layout.br and len(words) >= 4:
            cut = len(words) // 2
            while cut < len(words) and _inside_tag(" ".join(words[:cut])):
                cut += 1  # a marker's markup holds a space: never break inside its tag
            if cut < len(words):
                words[cut] = f"<{self.tag('br')}>" + words[cut]
        return " ".join(words)

    def wrap(self, inner: str) -> str:
        kind = self.layout.wrapper
        if kind == "font":
            return f"<FONT SIZE=2>{inner}</FONT>"
        if kind == "span":
            return f'<span style="font-family:Times New Roman;font-size:10pt">{inner}</span>'
        if kind == "p":
            return f'<p style="margin:0pt;text-align:right">{inner}</p>'
        return inner

    def td(self, inner: str, attrs: str = "", header: bool = False) -> str:
        name = "th" if header and self.layout.th else "td"
        if header and not self.layout.th and inner:
            inner = f"<{self.tag('b')}>{inner}</{self.tag('b')}>"
        if not inner and self.layout.nbsp:
            inner = "&nbsp;"
        elif inner:
            inner = self.wrap(inner)
        return f"<{self.tag(name)}{attrs}>{inner}</{self.tag(name)}>"

    def span(self, n: int) -> str:
        return "" if n == 1 else (f" COLSPAN={n}" if self.layout.old_style else f' colspan="{n}"')

    def value_cells(self, value: Any, mark: str, unit: bool = True) -> list[str]:
        """The cells of one value: ``$`` | number | ``%`` or ``)`` as the layout splits them;
        without ``unit`` the ``$`` or ``%`` is left out (filers print it on the first row only)."""
        lay = self.layout
        if value is None:
            body, prefix, suffix = self.nil_text(), "", ""
            if lay.nil_span and self.parts > 1:
                return [self.td(body + mark, self.span(self.parts) + (" ALIGN=CENTER" if lay.old_style else
                                                                   ' style="text-align:center"'))]
        else:
            body, prefix, suffix = self.number_parts(Decimal(str(value)), unit)
        cells = []
        if lay.dollar_cell:
            cells.append(self.td(prefix, ' align="right"' if not lay.old_style else " ALIGN=RIGHT"))
        on_suffix = bool(suffix) and self.rng.random() < 0.5
        cells.append(self.td(body + ("" if on_suffix else mark),
                             " ALIGN=RIGHT" if lay.old_style else ' style="text-align:right"'))
        if lay.pct_cell or lay.paren_cell:
            cells.append(self.td(suffix + (mark if on_suffix else "")))
        return cells

    def number_parts(self, number: Decimal, unit: bool) -> tuple[str, str, str]:
        """(number cell, ``$`` cell, closing cell) of one number in this layout."""
        lay = self.layout
        size = abs(number)
        whole = size >= 1000 and number == number.to_integral_value()
        if self.kind == "fees" and not whole and size.as_tuple().exponent > -2:  # type: ignore[operator]
            size = size.quantize(Decimal("0.01"))
        digits = self.tagged(f"{size:,}" if whole else f"{size}", number, self.kind == "fees")
        usd, pct_unit = unit and self.kind == "expense_example", unit and self.kind == "fees"
        parens = number < 0 and lay.minus == "("
        sign = lay.minus if number < 0 and not parens else ""
        prefix = "$" if usd and lay.dollar_cell else ""
        dollar = ("$&nbsp;" if lay.dollar_nbsp else "$") if usd and not lay.dollar_cell else ""
        body = sign + dollar + ("(" if parens else "") + digits
        close = ")" if parens else ""
        percent = "%" if pct_unit else ""
        if lay.paren_cell and close:
            return body, prefix, close + percent
        if lay.pct_cell and percent:
            return body + close, prefix, percent
        return body + close + percent, prefix, ""

    def nil_text(self) -> str:
        word = self.layout.nil
        if not self.layout.ixbrl or word in ("N/A", "Not applicable"):
            return word
        fmt = "ixt-sec:numwordsen" if word.lower() == "none" else "ixt:fixed-zero"
        return f'<ix:nonFraction name="rr:Amount" contextRef="c1" unitRef="pure" format="{fmt}">{word}</ix:nonFraction>'

    def tagged(self, digits: str, number: Decimal, percent: bool) -> str:
        """``digits`` as filed with inline XBRL: the tag holds the digits, ``sign`` the minus."""
        if not self.layout.ixbrl:
            return digits
        sign = ' sign="-"' if number < 0 else ""
        scale = ' scale="-2"' if percent else ""
        unit = "pure" if percent else "USD"
        return (f'<ix:nonFraction name="rr:Amount" contextRef="c1" unitRef="{unit}" decimals="2"{scale}{sign} '
                f'format="ixt:num-dot-decimal">{digits}</ix:nonFraction>')

    def label_cell(self, text: str, indent: bool) -> str:
        lay = self.layout
        span = self.span(2) if lay.label_span and not indent else ""
        extra = self.td("") if lay.label_span and indent else ""
        if extra and lay.indent_cells:
            return extra + self.td(text)
        if indent and lay.indent:
            if lay.old_style:
                return self.td("&nbsp;&nbsp;&nbsp;" + text) + extra
            return self.cell("th" if lay.row_th else "td", text, ' style="padding-left:12pt"') + extra
        if lay.row_th:
            return self.cell("th", text, span + ' scope="row" style="text-align:left"') + extra
        return self.td(text, span) + extra

    def cell(self, name: str, inner: str, attrs: str) -> str:
        if not inner and self.layout.nbsp:
            inner = "&nbsp;"
        return f"<{self.tag(name)}{attrs}>{self.wrap(inner) if inner != '&nbsp;' else inner}</{self.tag(name)}>"

    def corner(self, text: str) -> str:
        if text.startswith("<b>"):
            return self.td(text, self.span(2) if self.layout.label_span else "")
        return self.td(text, self.span(2) if self.layout.label_span else "", header=True)

    def gap(self) -> list[str]:
        return [self.td("")] if self.layout.spacers else []

    def header_rows(self) -> list[list[str]]:
        """Header rows: each a list of cells, label corner first."""
        columns = self.table["columns"]
        groups = group_spans(columns) if self.layout.header == "group" else []
        subheads = list(columns)
        rows: list[list[str]] = []
        spanned: set[int] = set()
        if groups:
            top = [self.corner("")]
            i = 0
            while i < len(columns):
                found = next((g for g in groups if g[0] == i), None)
                first, last, prefix = found if found else (i, i, "")
                width = (last - first + 1) * self.parts + (last - first) * self.layout.spacers
                if not found and self.layout.rowspan_head:
                    spanned.add(i)
                    prefix = columns[i]
                top += [*self.gap(), self.td(self.text(prefix, True), self.span(width) + self.down(i in spanned),
                                             header=True)]
                for k in range(first, last + 1):
                    if found:
                        subheads[k] = columns[k][len(prefix):].strip()
                i = last + 1
            rows.append(top)
        split = self.layout.header == "split"
        pieces = [self.header_pieces(h, split) for h in subheads]
        height = max(len(p) for p in pieces)
        for k in range(height):
            corner = "Class" if self.layout.corner and k == height - 1 else ""
            if self.layout.periods and k == height - 1:
                corner = "Number of years you own your shares"
            if self.part_heading and k == height - 1:
                corner = self.part_heading
            row = [self.corner(corner)]
            for i, words in enumerate(pieces):
                pad = height - len(words)
                piece = words[k - pad] if k >= pad else ""
                row += self.gap() if i in spanned else self.head_cells(piece)
            rows.append(row)
        return rows

    def down(self, spans: bool) -> str:
        """The ``rowspan`` of a header cell that covers the group row and the one below it."""
        return (" ROWSPAN=2" if self.layout.old_style else ' rowspan="2"') if spans else ""

    def head_cells(self, text: str) -> list[str]:
        """One column header with the spacer before it, aligned as the layout says."""
        align, gap = self.layout.head_align, self.gap()
        if align == "wide" and gap:
            return [self.td(text, self.span(self.parts + 1), header=True)]
        if align == "number" and self.parts > 1:
            before = [self.td("")] if self.layout.dollar_cell else []
            after = [self.td("")] * (self.parts - 1 - len(before))
            return [*gap, *before, self.td(text, header=True), *after]
        return [*gap, self.td(text, self.span(self.parts), header=True)]

    def header_pieces(self, head: str, split: bool) -> list[str]:
        words = head.split()
        if not split or len(words) < 2:
            return [self.text(head, True)]
        n = min(len(words), self.rng.choice([2, 3]))
        size = -(-len(words) // n)
        return [self.text(" ".join(words[i:i + size]), False) for i in range(0, len(words), size)]

    def grouped_label(self, k: int) -> list[str] | None:
        """The label cells of row ``k`` under ``group_rows``: the group's name with ``rowspan`` on its
        first row, then the rest of the label; None for a row of no group."""
        found = row_groups(self.table["rows"]).get(k) if self.layout.group_rows else None
        if found is None:
            return None
        prefix, first, size = found
        rest = self.td(self.text(self.table["rows"][k]["label"].split(" - ", 1)[1], False))
        if k > first:
            return [rest]
        down = f" ROWSPAN={size}" if self.layout.old_style else f' rowspan="{size}"'
        return [self.td(self.text(prefix, False), down), rest]

    def body_rows(self) -> list[list[str]]:
        out: list[list[str]] = []
        for k, row in enumerate(self.table["rows"]):
            mark = self.marker("1") if self.layout.marker and k == 0 else ""
            label = self.text(row["label"], True) + (self.marker("2") if self.layout.marker and k == 1 else "")
            if self.layout.leaders and len(row["label"]) < 40:
                label += " " + "." * (48 - len(row["label"]))
            words = row["label"].split()
            values: list[str] = []
            unit = not self.layout.unit_first or k == 0 or "total" in row["label"].lower()
            for i, v in enumerate(row["values"]):
                values += self.gap() + self.value_cells(v, mark if i == 0 else "", unit)
            if self.layout.wrap_rows and len(words) >= 6 and "/" not in row["label"]:
                cut = len(words) // 2
                first = self.text(" ".join(words[:cut]), False)
                rest = self.text(" ".join(words[cut:]), False)
                if self.layout.wrap_first:
                    out.append([self.label_cell(first, False), *values])
                    out.append([self.label_cell(rest, True), *[self.td("")] * len(values)])
                else:
                    out.append([self.label_cell(first, False), *[self.td("")] * len(values)])
                    out.append([self.label_cell(rest, True), *values])
            elif (grouped := self.grouped_label(k)) is not None:
                out.append([*grouped, *values])
            else:
                out.append([self.label_cell(label, k % 3 == 1), *values])
            if self.layout.blank_rows and k % 2 == 0:
                out.append([self.td("")] * (1 + self.layout.label_span + len(values)))
        return out

    def table_lines(self, second: dict[str, Any] | None = None) -> list[str]:
        """The table's lines; with ``second``, that table follows as a second part under its own
        header row, each part named in the label cell of its header."""
        lay = self.layout
        opening = ('<TABLE WIDTH="100%" BORDER=0 CELLSPACING=0 CELLPADDING=0>' if lay.old_style else
                   '<table style="border-collapse:collapse;width:100%" cellpadding="0" cellspacing="0">')
        lines = [opening]
        if lay.caption:
            lines.append(f"<{self.tag('caption')}>{HEADINGS[self.kind][0]}</{self.tag('caption')}>")
        width = 1 + lay.label_span + len(self.table["columns"]) * (self.parts + lay.spacers)
        tr = self.tag("tr") + (" VALIGN=BOTTOM" if lay.old_style else "")
        if lay.title_row:
            heading = HEADINGS[self.kind][0]
            lines.append(f"<{tr}>{self.td(heading, self.span(width), header=True)}</{self.tag('tr')}>")
        self.part_heading = PART_HEADINGS[0] if second else ""
        heads, body = self.header_rows(), self.body_rows()
        if second is not None:
            part = Renderer(second, lay, self.rng)
            part.notes, part.part_heading = self.notes, PART_HEADINGS[1]
            body += part.header_rows() + part.body_rows()
        lines += ["<thead>"] if lay.thead else []
        lines += [f"<{tr}>" + "".join(cells) + f"</{self.tag('tr')}>" for cells in heads]
        lines += ["</thead>", "<tbody>"] if lay.thead else []
        lines += [f"<{tr}>" + "".join(cells) + f"</{self.tag('tr')}>" for cells in body]
        if lay.note_rows:
            lines += [f"<{tr}>{self.td(note, self.span(width))}</{self.tag('tr')}>" for note in self.notes_text()]
        lines += ["</tbody>"] if lay.thead else []
        lines.append(f"</{self.tag('table')}>")
        if lay.unclosed:
            lines = [line.replace("</TD>", "").replace("</TR>", "").replace("</TH>", "") for line in lines]
        return lines

    def note_lines(self) -> list[str]:
        if self.layout.note_rows:
            return []
        return [f"<{self.tag('p')}>{note}</{self.tag('p')}>" for note in self.notes_text()]

    def notes_text(self) -> list[str]:
        out = []
        for number in self.notes:
            if self.layout.marker == "paren":
                lead = f"({chr(ord('a') + int(number) - 1)})"
            elif self.layout.marker == "star":
                lead = "*" * int(number)
            elif self.layout.marker == "raised":
                lead = f"({number})"
            else:
                lead = f"<{self.tag('sup')}>{number}</{self.tag('sup')}>"
            out.append(f"{lead} This note explains the amount it is attached to, as filed.")
        return out


def render(table: dict[str, Any], layout: Layout, rng: random.Random,
           second: dict[str, Any] | None = None) -> tuple[list[str], int]:
    """The lines of an HTML filing holding one table (and ``second`` as its second part), and the
    line of its ``<table`` tag."""
    renderer = Renderer(table, layout, rng)
    body = renderer.table_lines(second)
    notes = renderer.note_lines()
    heading, prose = HEADINGS[table["kind"]]
    p = renderer.tag("p")
    lines: list[str] = []
    if layout.envelope == "submission":
        lines += ["<DOCUMENT>", "<TYPE>485BPOS", "<SEQUENCE>1", "<FILENAME>fund.htm", "<TEXT>"]
    if layout.envelope != "fragment":
        lines += [f"<{renderer.tag('html')}>", f"<{renderer.tag('body')}>"]
    lines += [f"<{p}><{renderer.tag('b')}>{heading}</{renderer.tag('b')}></{p}>", f"<{p}>{html.escape(prose)}</{p}>"]
    table_line = len(lines) + 1
    lines += body + notes + [f"<{p}>Prose after the table.</{p}>"]
    if layout.envelope != "fragment":
        lines += [f"</{renderer.tag('body')}>", f"</{renderer.tag('html')}>"]
    if layout.envelope == "submission":
        lines += ["</TEXT>", "</DOCUMENT>"]
    return lines, table_line


@dataclass
class KindScore(Score):
    """The plain-text benchmark's score with kind and row-concept accuracy added."""

    kinds: list[int] = field(default_factory=lambda: [0, 0])
    concepts: list[int] = field(default_factory=lambda: [0, 0])


def concept_misses(table: dict[str, Any], out: dict[str, Any] | None) -> list[str]:
    """Labels of the truth rows whose concept the output row at the same place does not carry."""
    rows = [r for r in out["rows"] if any(c["text"] for c in r["cells"])] if out else []
    misses = []
    for k, want in enumerate(table["rows"]):
        if want.get("concept") and (k >= len(rows) or rows[k]["concept"] != want["concept"]):
            misses.append(want["label"])
    return misses


def _group_of(label: str) -> str | None:
    """The group a label names before " - " ("Class B" of "Class B - assuming redemption")."""
    head, dash, rest = label.partition(" - ")
    words = head.split()
    return head if dash and rest and len(words) <= 3 and any(w[0].isalpha() for w in words) else None


def row_groups(rows: list[dict[str, Any]]) -> dict[int, tuple[str, int, int]]:
    """Row index -> (group name, first row, rows) for runs of two or more rows of one group."""
    out: dict[int, tuple[str, int, int]] = {}
    k = 0
    while k < len(rows):
        prefix = _group_of(rows[k]["label"])
        end = k + 1
        while prefix and end < len(rows) and _group_of(rows[end]["label"]) == prefix:
            end += 1
        if prefix and end - k >= 2:
            out.update({i: (prefix, k, end - k) for i in range(k, end)})
        k = end
    return out


def with_groups(table: dict[str, Any], layout: Layout) -> dict[str, Any]:
    """``table`` as read under ``group_rows``: the labels of grouped rows without their dash. The
    trait needs two label columns and one row per label, so it sets ``label_span`` and turns off
    what would break the ``rowspan``."""
    groups = row_groups(table["rows"])
    layout.group_rows = layout.group_rows and bool(groups)
    if not layout.group_rows:
        return table
    layout.label_span, layout.indent_cells, layout.wrap_rows, layout.blank_rows = True, False, False, False
    rows = [{**r, "label": r["label"].replace(" - ", " ", 1)} if k in groups else r
            for k, r in enumerate(table["rows"])]
    return {**table, "rows": rows}


def with_periods(table: dict[str, Any]) -> dict[str, Any]:
    """``table`` with its "One year" ... headers written as the bare counts 1, 3, 5, 10."""
    columns = []
    for head in table["columns"]:
        word = head.split()[0].lower()
        columns.append(_PERIOD_NUMBERS.get(word, word))
    return {**table, "columns": columns}


Variant = tuple[str, list[dict[str, Any]], Layout, bytes, int]
"""Name, the truth tables the variant shows (one per section), layout, filing bytes, table line."""


def fee_pairs(tables: list[dict[str, Any]]) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """Consecutive fee tables with the same columns: filers often print them as one table."""
    for first, second in pairwise(tables):
        same = [norm(c) for c in first["columns"]] == [norm(c) for c in second["columns"]]
        if first["kind"] == second["kind"] == "fees" and same:
            yield first, second


def variants(corpus: Path, count: int, seed: int) -> Iterator[Variant]:
    """``count`` layouts of each truth table, then ``count`` combined layouts of each fee pair."""
    rng = random.Random(seed)
    for path in sorted((corpus / "truth").glob("*.json")):
        truth = json.loads(path.read_text())
        tables = [t for t in truth["tables"] if t.get("rows_complete") is not False]
        for table in tables:
            for n in range(count):
                layout = random_layout(rng)
                add_later_traits(layout, random.Random(f"{seed}-{truth['file']}-{table['line']}-{n}"))
                layout.periods = layout.periods and all(_PERIOD.match(c) for c in table["columns"])
                shown = with_periods(table) if layout.periods else table
                expected = with_groups(shown, layout)
                lines, table_line = render(shown, layout, rng)
                name = f"{truth['file']}:{table['line']}.{table['section']}#{n}"
                yield name, [expected], layout, "\n".join(lines).encode(), table_line
        for first, second in fee_pairs(tables):
            for n in range(count):
                own = random.Random(f"{seed}-{truth['file']}-{first['line']}+{second['line']}-{n}")
                layout = random_layout(own)
                add_later_traits(layout, own)
                layout.periods, layout.combined = False, True
                lines, table_line = render(first, layout, own, second)
                name = f"{truth['file']}:{first['line']}+{second['line']}#{n}"
                yield name, [first, second], layout, "\n".join(lines).encode(), table_line


def score_variant(tables: list[dict[str, Any]], data: bytes, table_line: int, name: str,
                  targets: list[KindScore]) -> tuple[bool, str]:
    """Run the pipeline on one variant and add each section's result to every score in ``targets``."""
    filing = extract_bytes(data, name)
    found = {t.section: table_dict(t) for t in filing.tables if t.line == table_line}
    all_ok, first_why = True, ""
    for section, table in enumerate(tables):
        ok, why = score_section(table, found.get(section), targets)
        all_ok, first_why = all_ok and ok, first_why or why
    return all_ok, first_why


def score_section(table: dict[str, Any], out: dict[str, Any] | None, targets: list[KindScore]) -> tuple[bool, str]:
    """Compare one truth table with the section read for it and add the result to ``targets``."""
    ok, why = True, ""
    wanted = sum(1 for r in table["rows"] if r.get("concept"))
    misses = concept_misses(table, out)
    leaders = [r["label"] for r in out["rows"] if _LEADERS.search(r["label"])] if out else []
    for target in targets:
        ok, why = compare(table, out, target)
        right_kind = out is not None and out["kind"] == table["kind"]
        target.kinds[0] += right_kind
        target.kinds[1] += 1
        target.concepts[0] += wanted - len(misses)
        target.concepts[1] += wanted
        if ok and not (right_kind and not misses and not leaders):
            target.perfect -= 1
            ok = False
            why = f"kind {out['kind'] if out else None} want {table['kind']}" if not right_kind else (
                f"concept of {misses[0]!r}" if misses else f"leaders kept in {leaders[0]!r}")
    return ok, why


def run(
    corpus: Path, count: int, seed: int, show: int = 0, trait: str = ""
) -> tuple[KindScore, dict[str, KindScore], list[str]]:
    """The total score, the score per trait and the first ``show`` failures of ``count`` layouts a table."""
    total = KindScore()
    by_trait: dict[str, KindScore] = defaultdict(KindScore)
    failures: list[str] = []
    for name, tables, layout, data, line in variants(corpus, count, seed):
        if trait and trait not in layout.traits():
            continue
        ok, why = score_variant(tables, data, line, name, [total, *(by_trait[t] for t in layout.traits())])
        if not ok and len(failures) < show:
            failures.append(f"{name} {layout.traits()}: {why}")
    return total, by_trait, failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", type=int, default=10, help="layouts per truth table (default 10)")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--show", type=int, default=10, help="failures to print")
    parser.add_argument("--trait", default="", help="only layouts with this trait")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args(argv)
    if not (args.corpus / "truth").is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    total, by_trait, failures = run(args.corpus, args.variants, args.seed, args.show, args.trait)
    print_report(total, by_trait, failures, (("kind", "kinds"), ("concepts", "concepts")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
