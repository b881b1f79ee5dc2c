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
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from relayout_score import CORPUS, Score, compare, group_spans, pct

from extractor.pipeline import extract_bytes
from extractor.writers import table_dict

_TEXT_MARKER = re.compile(r"\s*(?:(?<![\d/])/(\d{1,2})/(?![\d/])|<F(\d{1,2})>)")
"""Footnote markers of the plain-text era inside truth labels (``CLASS A/1/``), redrawn in HTML."""
NILS = ("None", "N/A", "\u2014", "-", "&#8212;", "\u2013", "none", "Not applicable")
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

    def traits(self) -> list[str]:
        out = [f"header={self.header}", f"envelope={self.envelope}", f"nil={self.nil}"]
        out.append("old-style" if self.old_style else "xhtml")
        if self.marker:
            out.append(f"marker={self.marker}")
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


class Renderer:
    """Writes one truth table as the lines of an HTML filing in one layout."""

    def __init__(self, table: dict[str, Any], layout: Layout, rng: random.Random) -> None:
        self.table, self.layout, self.rng = table, layout, rng
        self.kind = table["kind"]
        self.notes: list[str] = []
        self.parts = 1 + layout.dollar_cell + (layout.pct_cell or layout.paren_cell)

    def tag(self, name: str) -> str:
        return name.upper() if self.layout.old_style else name

    def marker(self, number: str) -> str:
        """A footnote marker in the layout's style; the note itself is printed under the table."""
        style = self.layout.marker or "sup"
        if number not in self.notes:
            self.notes.append(number)
        if style == "sup":
            return f"<{self.tag('sup')}>{number}</{self.tag('sup')}>"
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

    def value_cells(self, value: Any, mark: str) -> list[str]:
        """The cells of one value: ``$`` | number | ``%`` or ``)`` as the layout splits them."""
        lay = self.layout
        if value is None:
            body, prefix, suffix = self.nil_text(), "", ""
        else:
            number = Decimal(str(value))
            whole = abs(number) >= 1000 and number == number.to_integral_value()
            digits = f"{abs(number):,}" if whole else f"{abs(number)}"
            usd, pct_unit = self.kind == "expense_example", self.kind == "fees"
            prefix = "$" if usd and lay.dollar_cell else ""
            body = ("$" if usd and not lay.dollar_cell else "") + ("(" if number < 0 else "") + digits
            close = ")" if number < 0 else ""
            tail = close + ("%" if pct_unit else "")
            if lay.pct_cell or lay.paren_cell:
                split_close = close if lay.paren_cell else ""
                split_pct = "%" if pct_unit and lay.pct_cell else ""
                if split_pct and not split_close:
                    body, suffix = body + close, split_pct
                elif split_close:
                    body, suffix = body, close + ("%" if pct_unit else "")
                else:
                    body, suffix = body + tail, ""
            else:
                body, suffix = body + tail, ""
        cells = []
        if lay.dollar_cell:
            cells.append(self.td(prefix, ' align="right"' if not lay.old_style else " ALIGN=RIGHT"))
        on_suffix = bool(suffix) and self.rng.random() < 0.5
        cells.append(self.td(body + ("" if on_suffix else mark),
                             " ALIGN=RIGHT" if lay.old_style else ' style="text-align:right"'))
        if lay.pct_cell or lay.paren_cell:
            cells.append(self.td(suffix + (mark if on_suffix else "")))
        return cells

    def nil_text(self) -> str:
        return self.layout.nil

    def label_cell(self, text: str, indent: bool) -> str:
        if indent and self.layout.indent:
            if self.layout.old_style:
                return self.td("&nbsp;&nbsp;&nbsp;" + text)
            return self.td(text, ' style="padding-left:12pt"')
        return self.td(text)

    def gap(self) -> list[str]:
        return [self.td("")] if self.layout.spacers else []

    def header_rows(self) -> list[list[str]]:
        """Header rows: each a list of cells, label corner first."""
        columns = self.table["columns"]
        groups = group_spans(columns) if self.layout.header == "group" else []
        subheads = list(columns)
        rows: list[list[str]] = []
        if groups:
            top = [self.td("", header=True)]
            i = 0
            while i < len(columns):
                found = next((g for g in groups if g[0] == i), None)
                first, last, prefix = found if found else (i, i, "")
                width = (last - first + 1) * self.parts + (last - first) * self.layout.spacers
                top += [*self.gap(), self.td(self.text(prefix, True), self.span(width), header=True)]
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
            row = [self.td(corner, header=True)]
            for words in pieces:
                pad = height - len(words)
                piece = words[k - pad] if k >= pad else ""
                row += [*self.gap(), self.td(piece, self.span(self.parts), header=True)]
            rows.append(row)
        return rows

    def header_pieces(self, head: str, split: bool) -> list[str]:
        words = head.split()
        if not split or len(words) < 2:
            return [self.text(head, True)]
        n = min(len(words), self.rng.choice([2, 3]))
        size = -(-len(words) // n)
        return [self.text(" ".join(words[i:i + size]), False) for i in range(0, len(words), size)]

    def body_rows(self) -> list[list[str]]:
        out: list[list[str]] = []
        for k, row in enumerate(self.table["rows"]):
            mark = self.marker("1") if self.layout.marker and k == 0 else ""
            label = self.text(row["label"], True) + (self.marker("2") if self.layout.marker and k == 1 else "")
            words = row["label"].split()
            values: list[str] = []
            for i, v in enumerate(row["values"]):
                values += self.gap() + self.value_cells(v, mark if i == 0 else "")
            if self.layout.wrap_rows and len(words) >= 6 and "/" not in row["label"]:
                cut = len(words) // 2
                first = self.text(" ".join(words[:cut]), False)
                out.append([self.label_cell(first, False)] + [self.td("")] * len(values))
                out.append([self.label_cell(self.text(" ".join(words[cut:]), False), True), *values])
            else:
                out.append([self.label_cell(label, k % 3 == 1), *values])
        return out

    def table_lines(self) -> list[str]:
        lay = self.layout
        opening = ('<TABLE WIDTH="100%" BORDER=0 CELLSPACING=0 CELLPADDING=0>' if lay.old_style else
                   '<table style="border-collapse:collapse;width:100%" cellpadding="0" cellspacing="0">')
        lines = [opening]
        width = 1 + len(self.table["columns"]) * (self.parts + lay.spacers)
        tr = self.tag("tr") + (" VALIGN=BOTTOM" if lay.old_style else "")
        if lay.title_row:
            heading = HEADINGS[self.kind][0]
            lines.append(f"<{tr}>{self.td(heading, self.span(width), header=True)}</{self.tag('tr')}>")
        for cells in self.header_rows() + self.body_rows():
            lines.append(f"<{tr}>" + "".join(cells) + f"</{self.tag('tr')}>")
        lines.append(f"</{self.tag('table')}>")
        return lines

    def note_lines(self) -> list[str]:
        out = []
        for number in self.notes:
            if self.layout.marker == "paren":
                lead = f"({chr(ord('a') + int(number) - 1)})"
            elif self.layout.marker == "star":
                lead = "*" * int(number)
            else:
                lead = f"<{self.tag('sup')}>{number}</{self.tag('sup')}>"
            note = "This note explains the amount it is attached to, as filed."
            out.append(f"<{self.tag('p')}>{lead} {note}</{self.tag('p')}>")
        return out


def render(table: dict[str, Any], layout: Layout, rng: random.Random) -> tuple[list[str], int]:
    """The lines of an HTML filing holding one table, and the line of its ``<table`` tag."""
    renderer = Renderer(table, layout, rng)
    body = renderer.table_lines()
    heading, prose = HEADINGS[table["kind"]]
    p = renderer.tag("p")
    lines: list[str] = []
    if layout.envelope == "submission":
        lines += ["<DOCUMENT>", "<TYPE>485BPOS", "<SEQUENCE>1", "<FILENAME>fund.htm", "<TEXT>"]
    if layout.envelope != "fragment":
        lines += [f"<{renderer.tag('html')}>", f"<{renderer.tag('body')}>"]
    lines += [f"<{p}><{renderer.tag('b')}>{heading}</{renderer.tag('b')}></{p}>", f"<{p}>{html.escape(prose)}</{p}>"]
    table_line = len(lines) + 1
    lines += body + renderer.note_lines() + [f"<{p}>Prose after the table.</{p}>"]
    if layout.envelope != "fragment":
        lines += [f"</{renderer.tag('body')}>", f"</{renderer.tag('html')}>"]
    if layout.envelope == "submission":
        lines += ["</TEXT>", "</DOCUMENT>"]
    return lines, table_line


@dataclass
class KindScore(Score):
    kinds: list[int] = field(default_factory=lambda: [0, 0])


def variants(corpus: Path, count: int, seed: int) -> Iterator[tuple[str, dict[str, Any], Layout, bytes, int]]:
    """(name, truth table, layout, filing bytes, table line) for ``count`` layouts of each table."""
    rng = random.Random(seed)
    for path in sorted((corpus / "truth").glob("*.json")):
        truth = json.loads(path.read_text())
        for table in truth["tables"]:
            if table.get("rows_complete") is False:
                continue
            for n in range(count):
                layout = random_layout(rng)
                lines, table_line = render(table, layout, rng)
                name = f"{truth['file']}:{table['line']}.{table['section']}#{n}"
                yield name, table, layout, "\n".join(lines).encode(), table_line


def score_variant(table: dict[str, Any], data: bytes, table_line: int, name: str,
                  targets: list[KindScore]) -> tuple[bool, str]:
    """Run the pipeline on one variant and add its result to every score in ``targets``."""
    filing = extract_bytes(data, name)
    outs = [table_dict(t) for t in filing.tables if t.line == table_line]
    out = outs[0] if outs else None
    ok, why = True, ""
    for target in targets:
        ok, why = compare(table, out, target)
        right_kind = out is not None and out["kind"] == table["kind"]
        target.kinds[0] += right_kind
        target.kinds[1] += 1
        if ok and not right_kind:
            target.perfect -= 1
            ok, why = False, f"kind {out['kind'] if out else None} want {table['kind']}"
    return ok, why


def run(
    corpus: Path, count: int, seed: int, show: int = 0, trait: str = ""
) -> tuple[KindScore, dict[str, KindScore], list[str]]:
    """The total score, the score per trait and the first ``show`` failures of ``count`` layouts a table."""
    total = KindScore()
    by_trait: dict[str, KindScore] = defaultdict(KindScore)
    failures: list[str] = []
    for name, table, layout, data, line in variants(corpus, count, seed):
        if trait and trait not in layout.traits():
            continue
        ok, why = score_variant(table, data, line, name, [total, *(by_trait[t] for t in layout.traits())])
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
    print(f"{'layout trait':20} {'variants':>8} {'perfect':>8} {'headers':>8} {'labels':>8} {'cells':>8} {'kind':>8}")
    for name, s in [("all", total), *sorted(by_trait.items())]:
        print(f"{name:20} {s.variants:>8} {100.0 * s.perfect / max(s.variants, 1):7.2f}% {pct(s.headers)} "
              f"{pct(s.labels)} {pct(s.cells)} {pct(s.kinds)}")
    print(f"table recall {100.0 * total.found / max(total.variants, 1):.2f}%")
    if failures:
        print("\nfirst failures:")
        for line in failures:
            print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
