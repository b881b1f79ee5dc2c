"""Serialise the table model: contract JSON, pandas DataFrames (wide and tidy), CSV, Parquet, text.

Writers only format what the earlier stages decided; they never re-read the filing.
"""

from __future__ import annotations

import csv
import io
import textwrap
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    import pandas as pd

from .classify.examples import example_concept, example_period, row_owners
from .model import Cell, Document, Filing, Finding, Header, Table, XbrlFact
from .share_classes import NO_MATCH, ClassIndex, Match, cell_class, table_classes

TIDY_COLUMNS: Final = [
    "file", "accession_number", "cik", "company", "form_type", "filed", "document", "table", "table_line",
    "section", "kind", "row", "row_line", "label", "concept", "column", "column_index", "series_id",
    "class_id", "value", "unit", "text", "footnotes", "xbrl_concept", "xbrl_class_id", "xbrl_value",
]


def number(value: Decimal | None) -> int | float | None:
    """A JSON number for a Decimal: an int where the text had no fraction."""
    if value is None:
        return None
    if value == value.to_integral_value() and value.as_tuple().exponent == 0:
        return int(value)
    return float(value)


def cell_dict(cell: Cell) -> dict[str, Any]:
    out: dict[str, Any] = {
        "text": cell.text, "value": number(cell.value), "unit": cell.unit, "footnotes": list(cell.footnotes),
    }
    if cell.xbrl is not None:
        out["xbrl"] = {"concept": cell.xbrl.concept, "class_id": cell.xbrl.class_id,
                       "value": number(cell.xbrl.value)}
    return out


def table_dict(table: Table) -> dict[str, Any]:
    return {
        "id": table.id,
        "line": table.line,
        "section": table.section,
        "end_line": table.end_line,
        "document": table.document,
        "kind": table.kind,
        "caption": table.caption,
        "columns": list(table.columns),
        "column_concepts": list(table.column_concepts) if table.column_concepts is not None else None,
        "column_classes": list(table.column_classes) if table.column_classes is not None else None,
        "layout": table.layout,
        "rows": [
            {"line": row.line, "label": row.label, "concept": row.concept,
             "cells": [cell_dict(c) for c in row.cells]}
            for row in table.rows
        ],
        "footnotes": [{"marker": f.marker, "text": f.text} for f in table.footnotes],
    }


def finding_dict(finding: Finding) -> dict[str, Any]:
    return {
        "check": finding.check, "severity": finding.severity, "table": finding.table, "line": finding.line,
        "row": finding.row, "column": finding.column, "expected": finding.expected, "found": finding.found,
        "message": finding.message,
    }


def header_dict(header: Header) -> dict[str, Any]:
    return {
        "accession_number": header.accession_number,
        "form_type": header.form_type,
        "company": header.company,
        "cik": header.cik,
        "filed": header.filed,
        "series": [
            {"series_id": s.series_id, "series_name": s.series_name, "class_id": s.class_id,
             "class_name": s.class_name, "ticker": s.ticker}
            for s in header.series
        ],
    }


def document_dict(doc: Document) -> dict[str, Any]:
    out: dict[str, Any] = {"sequence": doc.sequence, "type": doc.type, "filename": doc.filename, "line": doc.line}
    if doc.description:
        out["description"] = doc.description
    if doc.is_html:
        out["html"] = True
    if doc.skipped:
        out["skipped"] = doc.skipped
    return out


def filing_dict(filing: Filing) -> dict[str, Any]:
    """The output contract's JSON object for one input file."""
    return {
        "source": filing.source,
        "filing": header_dict(filing.header),
        "documents": [document_dict(d) for d in filing.documents],
        "tables": [table_dict(t) for t in filing.tables],
        "findings": [finding_dict(f) for f in filing.findings],
    }


def unique_columns(columns: Iterable[str]) -> list[str]:
    """Column names made unique (``Class A``, ``Class A (2)``) so a DataFrame can hold them."""
    seen: dict[str, int] = {}
    out = []
    for i, name in enumerate(columns):
        name = name or f"column {i + 1}"
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return out


def table_frame(table: Table, source: str = "") -> pd.DataFrame:
    """Wide DataFrame: row labels as index, column headers as columns, numbers as floats."""
    import pandas as pd  # lazily: the JSON and text paths do not need it

    data = [[float(c.value) if c.value is not None else None for c in row.cells] for row in table.rows]
    frame = pd.DataFrame(data, columns=unique_columns(table.columns), dtype="float64")
    frame.index = pd.Index([row.label for row in table.rows], name="label")
    frame.attrs.update(
        source=source, line=table.line, section=table.section, kind=table.kind, caption=table.caption,
        table=table.id, document=table.document,
        concepts=[row.concept for row in table.rows],
        column_concepts=list(table.column_concepts) if table.column_concepts else None,
    )
    return frame


def tidy_rows(filing: Filing, kinds: Iterable[str] | None = None) -> list[tuple[Any, ...]]:
    """One tuple per data cell with text or a value, in ``TIDY_COLUMNS`` order: the tidy form for
    Parquet and DataFrames (the batch's CSV is :func:`tidy_csv`). Tuples rather than records
    because the batch workers encode millions of them."""
    wanted = set(kinds) if kinds is not None else None
    h = filing.header
    out: list[tuple[Any, ...]] = []
    head = (filing.source, h.accession_number, h.cik, h.company, h.form_type, h.filed)
    index = ClassIndex(h)
    for table in filing.tables:
        if wanted is not None and table.kind not in wanted:
            continue
        shared = (*head, table.document, table.id, table.line, table.section, table.kind)
        columns = table.columns
        by_column, by_row = table_classes(index, table)
        views = _row_views(table)
        for r, row in enumerate(table.rows):
            row_match = by_row[r]
            label, column_concepts = views[r]
            for c, cell in enumerate(row.cells):
                if not cell.text and cell.value is None:
                    continue
                concept = row.concept or (column_concepts[c] if column_concepts else None)
                xbrl = cell.xbrl
                series_id, class_id = cell_class(index, xbrl, by_column[c], row_match)
                out.append((
                    *shared, r, row.line, label, concept, columns[c], c, series_id, class_id,
                    float(cell.value) if cell.value is not None else None,
                    cell.unit, cell.text, " ".join(cell.footnotes),
                    xbrl.concept if xbrl else None, xbrl.class_id if xbrl else None,
                    float(xbrl.value) if xbrl else None,
                ))
    return out


def _row_views(table: Table) -> list[tuple[str, tuple[str | None, ...] | None]]:
    """Per row, the label and the column concepts the tidy form gives its cells: the row's own
    and the table's, but for an example whose periods are columns and whose status cells say a
    row is another row's class or that its shares are kept
    (:func:`~.classify.examples.row_owners`). The tidy form is read one row at a time, so such a
    row carries its class's label and the no-redemption concepts there (the JSON keeps the row as
    printed and the table's column concepts)."""
    column_concepts = table.column_concepts
    if table.kind == "expense_example" and column_concepts is not None:
        owners = row_owners(table)
        if any(kept is not None for _, kept in owners):
            held = tuple(_not_redeemed(concept) for concept in column_concepts)
            return [(label, held if kept is False else column_concepts) for label, kept in owners]
    return [(row.label, column_concepts) for row in table.rows]


def _not_redeemed(concept: str | None) -> str | None:
    """The no-redemption form of an example concept (``ExpenseExampleYear01`` gives
    ``ExpenseExampleNoRedemptionYear01``); any other concept as it is."""
    period = example_period(concept)
    return example_concept(period[0], False) if period is not None else concept


def csv_field(text: str) -> str:
    """``text`` as a field of a row that ``csv.writer(out, lineterminator="\\n")`` writes: quoted,
    its quotes doubled, when it holds a comma, a quote or a line feed; as it is otherwise. A
    carriage return alone is quoted by some versions of the module and not by others, so a text
    with one is left to the module itself."""
    if "," in text or '"' in text or "\n" in text:
        return '"' + text.replace('"', '""') + '"'
    if "\r" in text:
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerow((text, None))
        return out.getvalue()[:-2]  # the row is the field, a comma, the empty field and "\n"
    return text


def optional_field(text: str | None) -> str:
    """:func:`csv_field` of ``text``, or the empty field the csv module writes for ``None``."""
    return "" if text is None else csv_field(text)


def _xbrl_fields(fact: XbrlFact) -> str:
    """The ``xbrl_concept``, ``xbrl_class_id`` and ``xbrl_value`` fields of a tidy CSV row."""
    return f"{csv_field(fact.concept)},{optional_field(fact.class_id)},{float(fact.value)!r}"


def tidy_csv(filing: Filing, kinds: Iterable[str] | None = None) -> str:
    """The tidy rows (:func:`tidy_rows`) as the CSV text ``csv.writer(out, lineterminator="\\n")``
    writes for them: what the batch writes, its biggest output.

    The csv module looks at every character of every field, twice, to decide on quoting; most of
    a tidy row's text is repeated, as every row of a table carries the same ``file`` to ``kind``
    columns, every cell of a row the same label and every row the same column headers. Here each
    of these is made a field once (once per table, per row, per column) and only a cell's own
    text per cell, and a row is put together from the pieces; no tuple of the row is built."""
    wanted = set(kinds) if kinds is not None else None
    h = filing.header
    head = ",".join(optional_field(x) for x in (filing.source, h.accession_number, h.cik, h.company, h.form_type,
                                                 h.filed))
    index = ClassIndex(h)
    lines: list[str] = []
    for table in filing.tables:
        if wanted is None or table.kind in wanted:
            _table_csv(lines, head, index, table)
    return "".join(lines)


def _table_csv(lines: list[str], head: str, index: ClassIndex, table: Table) -> None:
    """The tidy CSV lines of one table, appended to ``lines`` (see :func:`tidy_csv`).

    A cell's ``concept`` to ``class_id`` fields depend on its column and on its row's concept,
    column concepts and class only (but for a cell with an inline XBRL fact that names a class),
    so they are made once per column for each such combination (:func:`_middles`), and a cell
    adds only its value, unit, text, footnotes and fact."""
    by_column, by_row = table_classes(index, table)
    shared = (f"{head},{table.document},{csv_field(table.id)},{table.line},{table.section},"
              f"{csv_field(table.kind)},")
    names = [f"{csv_field(name)},{c}," for c, name in enumerate(table.columns)]
    known: dict[tuple[object, Match], list[str]] = {}
    views = _row_views(table)
    for r, row in enumerate(table.rows):
        label, column_concepts = views[r]
        own = row.concept
        row_part = f"{shared}{r},{row.line},{csv_field(label)},"
        if own:
            row_part += f"{csv_field(own)},"
        row_match = by_row[r]
        key = (True if own else column_concepts, row_match)
        middles = known.get(key)
        if middles is None:
            middles = known[key] = _middles(index, names, by_column, row_match, column_concepts, not own)
        for c, cell in enumerate(row.cells):
            text, value, xbrl = cell.text, cell.value, cell.xbrl
            if not text and value is None:
                continue
            unit, footnotes = cell.unit, cell.footnotes
            middle = middles[c] if xbrl is None or not xbrl.class_id else _fact_middle(
                index, own, column_concepts, names, c, xbrl)
            lines.append(
                f"{row_part}{middle}"
                f"{'' if value is None else repr(float(value))},"
                f"{'' if unit is None else unit if unit in _PLAIN_UNITS else csv_field(unit)},"
                f"{csv_field(text)},{csv_field(' '.join(footnotes)) if footnotes else ''},"
                f"{',,' if xbrl is None else _xbrl_fields(xbrl)}\n")


_PLAIN_UNITS: Final = frozenset({"percent", "usd"})
"""The units a cell has (:data:`~.model.Unit`): words a CSV field holds as they are."""


def _class_fields(match: Match) -> str:
    """The ``series_id`` and ``class_id`` fields of a tidy CSV row, each with its comma."""
    series_id, class_id = match
    return f"{optional_field(series_id)},{optional_field(class_id)},"


def _middles(index: ClassIndex, names: Sequence[str], by_column: Sequence[Match], row_match: Match,
             column_concepts: tuple[str | None, ...] | None, with_concept: bool) -> list[str]:
    """Per column, the fields from ``concept`` (``with_concept``: the row has no concept of its
    own, so the column's, or none) to ``class_id`` of a row whose cells have no class of their
    own: its column's class, else the row's (:func:`~.share_classes.cell_class`)."""
    out = []
    for c, name in enumerate(names):
        classes = _class_fields(cell_class(index, None, by_column[c], row_match))
        if with_concept:
            concept = column_concepts[c] if column_concepts else None
            out.append(f"{optional_field(concept)},{name}{classes}")
        else:
            out.append(f"{name}{classes}")
    return out


def _fact_middle(index: ClassIndex, own: str | None, column_concepts: tuple[str | None, ...] | None,
                 names: Sequence[str], c: int, fact: XbrlFact) -> str:
    """:func:`_middles`'s fields for a cell whose inline XBRL fact names its class."""
    classes = _class_fields(cell_class(index, fact, NO_MATCH, NO_MATCH))
    if own:
        return f"{names[c]}{classes}"
    concept = column_concepts[c] if column_concepts else None
    return f"{optional_field(concept)},{names[c]}{classes}"


def tidy_records(filing: Filing, kinds: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """The tidy rows as records keyed by column name."""
    return [dict(zip(TIDY_COLUMNS, row, strict=True)) for row in tidy_rows(filing, kinds)]


def tidy_frame(filing: Filing, kinds: Iterable[str] | None = None) -> pd.DataFrame:
    import pandas as pd  # lazily: the JSON and text paths do not need it

    frame = pd.DataFrame(tidy_records(filing, kinds), columns=TIDY_COLUMNS)
    return frame.astype({"value": "float64", "xbrl_value": "float64"})


def findings_frame(filings: Iterable[Filing]) -> pd.DataFrame:
    import pandas as pd  # lazily: the JSON and text paths do not need it

    rows = [{"file": f.source, **finding_dict(x)} for f in filings for x in f.findings]
    cols = ["file", "check", "severity", "table", "line", "row", "column", "expected", "found", "message"]
    return pd.DataFrame(rows, columns=cols)


def wide_csv(filing: Filing, kinds: Iterable[str] | None = None) -> str:
    """Every table as printed, one CSV block per table, a comment line naming it."""
    import pandas as pd  # lazily: the JSON and text paths do not need it

    wanted = set(kinds) if kinds is not None else None
    out = io.StringIO()
    for table in filing.tables:
        if wanted is not None and table.kind not in wanted:
            continue
        out.write(f"# {filing.source} table {table.id} line {table.line} section {table.section} "
                  f"kind {table.kind}\n")
        frame = pd.DataFrame([[c.text for c in row.cells] for row in table.rows],
                             columns=unique_columns(table.columns))
        frame.insert(0, "label", [row.label for row in table.rows])
        frame.to_csv(out, index=False, lineterminator="\n")
        out.write("\n")
    return out.getvalue()


def _wrapped(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False) or [""]


def render_text(filing: Filing, kinds: Iterable[str] | None = None) -> str:
    """A terminal view: each table as an aligned grid under a one-line title.

    Long labels and headers wrap inside their column rather than being cut, so nothing written
    in the filing is hidden; the numbers of a row stay on its first line.
    """
    wanted = set(kinds) if kinds is not None else None
    lines: list[str] = []
    for table in filing.tables:
        if wanted is not None and table.kind not in wanted:
            continue
        title = f"{table.id}  line {table.line}" + (f" section {table.section}" if table.section else "")
        title += f"  {table.kind}" + (f"  {table.caption}" if table.caption else "")
        grid = [["", *table.columns]] + [[row.label, *(c.text for c in row.cells)] for row in table.rows]
        widths = [max(1, min(48, max(len(r[0]) for r in grid)))]
        for i in range(1, len(grid[0])):
            data = max((len(r[i]) for r in grid[1:]), default=0)
            longest_word = max((len(w) for w in grid[0][i].split()), default=0)
            widths.append(max(1, data, min(len(grid[0][i]), max(12, longest_word))))
        lines.append(title)
        for n, row_text in enumerate(grid):
            pieces = [_wrapped(t, w) for t, w in zip(row_text, widths, strict=False)]
            height = max(len(p) for p in pieces)
            for k in range(height):
                first = pieces[0][k] if k < len(pieces[0]) else ""
                cells = [first.ljust(widths[0])]
                for piece, w in zip(pieces[1:], widths[1:], strict=False):
                    at = k - (height - len(piece)) if n == 0 else k
                    cells.append((piece[at] if 0 <= at < len(piece) else "").rjust(w))
                lines.append("  ".join(cells).rstrip())
            if n == 0:
                lines.append("  ".join("-" * w for w in widths))
        lines.append("")
    for f in filing.findings:
        lines.append(f"{filing.source}:{f.line}: {f.severity} {f.check}: {f.message}")
    return "\n".join(lines)
