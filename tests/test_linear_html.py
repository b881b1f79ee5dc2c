"""The HTML reader's linear rewrites read what the quadratic code read.

Each rewritten step is compared with the plain code it replaced, kept here as the reference, on
small random inputs; and the pathological shapes that made it quadratic (one row of thousands of
cells, a cell of thousands of raised markers, thousands of one-cell rows above the numbers) still
give the table that is there. No timing: ``benchmarks/adversarial.py`` measures the growth.
"""

from __future__ import annotations

import random
from decimal import Decimal

import pytest
from lxml import etree

from extractor.html import read_html_tables
from extractor.html.cells import CellText, _set_apart, split_marker_text
from extractor.html.dom import _TABLE_OR_ROW, _table_and_row_tags
from extractor.html.grid import GridRow, Slot, _header_texts
from extractor.model import Document, Table


def read(html: str) -> list[Table]:
    doc = Document(sequence=1, type=None, filename=None, line=1, text=html, text_line=1, is_html=True)
    return read_html_tables(doc)


def _set_apart_reference(pieces: list[tuple[str, bool, bool]]) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """The code before the rewrite: joins the body for every raised piece."""
    body: list[str] = []
    markers: list[str] = []
    lead: list[str] = []
    for text, raised, small in pieces:
        if (raised or small) and not text.isspace():
            found = split_marker_text(" ".join(text.split()))
            has_body = not "".join(body).isspace() and bool(body)
            if found is not None and (has_body or raised):
                (markers if has_body else lead).extend(found)
                body.append(" ")
                continue
        body.append(text)
    return " ".join("".join(body).split()), tuple(markers), tuple(lead)


@pytest.mark.parametrize("seed", range(40))
def test_set_apart_reads_as_before(seed: int) -> None:
    rng = random.Random(seed)
    texts = ["", " ", "  ", "1", "(a)", "0.25", "Fee", "*", "1,2", "x y", "\n"]
    pieces = [(rng.choice(texts), rng.random() < 0.4, rng.random() < 0.3) for _ in range(rng.randint(0, 8))]
    assert _set_apart(pieces) == _set_apart_reference(pieces)


def test_cell_of_thousands_of_raised_markers() -> None:
    cell = "1<sup>(1)</sup> " * 5000
    html = f"<table><tr><th></th><th>Class A</th></tr><tr><td>Other expenses</td><td>{cell}</td></tr></table>"
    tables = read(html)
    assert len(tables) <= 1  # a cell of 5,000 ones is no value; what matters is the answer
    raised = read("<table><tr><th></th><th>Class A</th></tr><tr><td>Fee</td><td>0.67<sup>1</sup></td></tr></table>")
    assert raised[0].rows[0].cells[0].value == Decimal("0.67")
    assert raised[0].rows[0].cells[0].footnotes == ("1",)


def _header_texts_reference(
    header: list[GridRow], label_col: int | None, data_cols: list[int], width: int, label_end: int | None = None
) -> tuple[list[str], str]:
    """The code before the rewrite: every column scanned for every header cell."""
    area = range(0) if label_col is None else range(label_col, (label_col if label_end is None else label_end) + 1)
    parts: dict[int, list[str]] = {c: [] for c in data_cols}
    title = ""
    for row in header:
        for slot in row.slots:
            text = slot.cell.text
            if not text:
                continue
            alone = len(row.slots) == 1 and slot.start == 0
            if alone and (slot.end >= width or (label_col is not None and label_col < slot.end)):
                title = title or text
                continue
            if slot.start in area or (label_col is not None and slot.start <= label_col < slot.end):
                continue
            targets = [c for c in data_cols if slot.start <= c < slot.end]
            if not targets and data_cols:
                near = min(data_cols, key=lambda c: (min(abs(c - slot.start), abs(c - slot.end + 1)), c < slot.start))
                if label_col is None or near > label_col:
                    targets = [near]
            for c in targets:
                parts[c].append(text)
    return [" ".join(parts[c]) for c in data_cols], title


@pytest.mark.parametrize("seed", range(60))
def test_header_texts_read_as_before(seed: int) -> None:
    rng = random.Random(seed)
    width = rng.randint(1, 14)
    element = etree.Element("tr")
    header: list[GridRow] = []
    for _ in range(rng.randint(1, 3)):
        slots: list[Slot] = []
        col = 0
        while col < width:
            span = rng.randint(1, 4)
            if rng.random() < 0.7:
                slots.append(Slot(col, col + span, CellText(rng.choice(["", "A", "B", "Total", "2024"]))))
            col += span
        header.append(GridRow(element, slots))
    data_cols = sorted(rng.sample(range(width), rng.randint(0, width)))
    label_col = rng.choice([None, 0, 1])
    label_end = None if label_col is None else rng.choice([None, label_col, label_col + 1])
    assert _header_texts(header, label_col, data_cols, width, label_end) == _header_texts_reference(
        header, label_col, data_cols, width, label_end
    )


def test_one_row_of_thousands_of_columns() -> None:
    columns = 3000
    head = "<tr><th></th>" + "".join(f"<th>C{i}</th>" for i in range(columns)) + "</tr>"
    row = "<tr><td>Fee</td>" + "".join(f"<td>{i % 100}.00%</td>" for i in range(columns)) + "</tr>"
    tables = read(f"<table>{head}{row}</table>")
    assert len(tables) == 1
    assert tables[0].columns == tuple(f"C{i}" for i in range(columns))
    assert tables[0].rows[0].cells[2999].value == Decimal("99.00")


def test_group_header_over_thousands_of_columns() -> None:
    columns = 2000
    group = f"<tr><td></td><td colspan='{columns}'>Shareholder fees</td></tr>"
    head = "<tr><td></td>" + "".join(f"<td>C{i}</td>" for i in range(columns)) + "</tr>"
    row = "<tr><td>Fee</td>" + "<td>1.00%</td>" * columns + "</tr>"
    table = read(f"<table>{group}{head}{row}</table>")[0]
    assert len(table.columns) == columns
    # colspan is capped at 200 columns (dom.int_attr's limit)
    assert table.columns[0] == "Shareholder fees C0" and table.columns[199] == "Shareholder fees C199"
    assert table.columns[200] == "C200" and table.columns[-1] == f"C{columns - 1}"


def test_thousands_of_one_cell_rows_above_the_numbers() -> None:
    heading = "<tr><td>Total annual fund operating expenses after waiver</td></tr>" * 3000
    numbers = "<tr><td>Class A</td><td>1</td><td>3</td><td>5</td><td>10</td></tr>"
    costs = "<tr><td>Class A</td><td>$100</td><td>$314</td><td>$544</td><td>$1,206</td></tr>"
    tables = read(f"<table>{heading}{numbers}{costs}</table>")
    assert tables and tables[0].rows[-1].cells[-1].value == Decimal("1206")
    small = read(f"<table>{heading[:3 * 64]}{numbers}{costs}</table>")
    assert [t.columns for t in tables] == [t.columns for t in small]


@pytest.mark.parametrize("seed", range(60))
def test_table_and_row_tags_as_one_search(seed: int) -> None:
    rng = random.Random(seed)
    pieces = ["<!--", "-->", "<!-->", "<tr>", "<TR ", "<table>", "<table/", "x", "\n", "-", ">", "<t"]
    text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
    found = [(m.span(), m.group(1)) for m in _table_and_row_tags(text)]
    assert found == [(m.span(), m.group(1)) for m in _TABLE_OR_ROW.finditer(text)]


def test_lines_past_the_cap_with_unclosed_comment_openers() -> None:
    cells = "<td title='<!--'>1.00%</td>" * 2000
    html = "<html><body>" + "<p>x</p>\n" * 70_000 + f"<table>\n<tr><td>Fee</td>{cells}</tr>\n</table></body></html>"
    tables = read(html)
    assert len(tables) == 1
    assert tables[0].line == 70_001 and tables[0].rows[0].line == 70_002
