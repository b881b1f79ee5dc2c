"""The model's hand-written copies (``Table.renumbered``, ``Row.with_cells``, ``Cell.with_xbrl`` ...)
keep every other field: they list the fields one by one, so that the compiled build makes no
interpreted ``dataclasses.replace``, and a field added to a class but not to them would silently
fall back to its default. Each is compared with ``dataclasses.replace`` on an object whose every
field differs from its default."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from extractor.model import Cell, Document, Footnote, Row, Table, XbrlFact
from extractor.pipeline import read_tables


def _full_table() -> Table:
    """A table whose every field differs from its default."""
    fact = XbrlFact("rr:ManagementFeesOverAssets", Decimal("0.0050"), "C000001", "S000001", "ctx")
    row = Row(12, "Management fees", (Cell("0.50%", Decimal("0.50"), "percent", ("1",), fact),), "ManagementFees",
              ("a",))
    return Table("t9", 10, ("Class A",), (row,), section=2, end_line=20, document=3, caption="Fees",
                 kind="fees", column_concepts=("x",), footnotes=(Footnote("1", "Note one."),), context="ctx text",
                 layout="html", column_classes=("C000001",), lead="lead text", title="CLASS A SHARES")


def _assert_full(obj: object) -> None:
    for f in dataclasses.fields(obj):  # type: ignore[arg-type]
        assert getattr(obj, f.name) != f.default, f"{type(obj).__name__}.{f.name} is left at its default"


def test_copies_keep_every_other_field() -> None:
    table = _full_table()
    row = table.rows[0]
    cell = row.cells[0]
    for obj in (table, row, cell):
        _assert_full(obj)
    other_fact = XbrlFact("rr:OtherExpensesOverAssets", Decimal("0.0025"))
    other_cells = (Cell("1"), Cell("2"))
    assert table.renumbered("t1") == dataclasses.replace(table, id="t1")
    assert row.with_cells(other_cells) == dataclasses.replace(row, cells=other_cells)
    assert row.with_concept("OtherExpenses") == dataclasses.replace(row, concept="OtherExpenses")
    assert row.with_concept(None) == dataclasses.replace(row, concept=None)
    assert cell.with_xbrl(other_fact) == dataclasses.replace(cell, xbrl=other_fact)
    assert cell.with_xbrl(None) == dataclasses.replace(cell, xbrl=None)
    assert cell.without_value() == dataclasses.replace(cell, value=None)
    assert table.renumbered("t1").id == "t1" and table.renumbered("t1").title == "CLASS A SHARES"


def test_read_tables_numbers_in_file_order() -> None:
    text = "\n".join([
        "<TABLE>", "<CAPTION>", "Fees", "</CAPTION>", "<S>                     <C>", "Management fees         0.50%",
        "Other expenses          0.25%", "</TABLE>", "", "<TABLE>", "<S>                     <C>",
        "Distribution fees       0.25%", "Total                   1.00%", "</TABLE>",
    ])
    tables = read_tables((Document(1, "485BPOS", None, 1, text),))
    assert [t.id for t in tables] == ["t1", "t2"]
    assert [t.line for t in tables] == [1, 10]
