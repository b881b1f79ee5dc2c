"""A table that goes year by year ("Year 1" ... "Year 10": the hypothetical $10,000 investment over
ten years that some prospectuses print after the example) holds the example's periods among
others, in whole dollars; it is no expense example."""

from __future__ import annotations

from extractor.classify import classify
from extractor.model import Row, Table
from extractor.values import parse_cell

COLUMNS = ("Hypothetical Investment", "Hypothetical Expenses", "Hypothetical Ending Investment")
ROWS = [
    ("Year 1", ["$10,000", "$115", "$10,385"]), ("Year 2", ["$10,385", "$119", "$10,785"]),
    ("Year 3", ["$10,785", "$124", "$11,201"]), ("Year 4", ["$11,201", "$129", "$11,632"]),
    ("Year 5", ["$11,632", "$134", "$12,080"]), ("Year 6", ["$12,080", "$139", "$12,546"]),
    ("Year 7", ["$12,546", "$144", "$13,029"]), ("Year 8", ["$13,029", "$150", "$13,531"]),
    ("Year 9", ["$13,531", "$155", "$14,052"]), ("Year 10", ["$14,052", "$161", "$14,593"]),
]


def table(columns: tuple[str, ...], rows: list[tuple[str, list[str]]]) -> Table:
    built = tuple(Row(line=12 + i, label=label, cells=tuple(parse_cell(c) for c in cells))
                  for i, (label, cells) in enumerate(rows))
    return classify(Table(id="t1", line=10, columns=columns, rows=built))


def test_year_by_year_rows_are_no_example_but_the_example_periods_are() -> None:
    assert table(COLUMNS, ROWS).kind == "other"
    example = table(COLUMNS, [row for row in ROWS if row[0] in ("Year 1", "Year 3", "Year 5", "Year 10")])
    assert example.kind == "expense_example"


def test_year_by_year_columns_are_no_example() -> None:
    years = tuple(label for label, _ in ROWS[:5])
    assert table(years, [("Hypothetical Expenses", ["$115", "$119", "$124", "$129", "$134"])]).kind == "other"
