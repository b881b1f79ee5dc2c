"""Tables of whole dollars over the example's periods that are no expense example: a table that goes
year by year ("Year 1" ... "Year 10": the hypothetical $10,000 investment over ten years that some
prospectuses print after the example), and what a $10,000 investment is worth after 1, 3, 5 and
10 years (a performance table)."""

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
    example = table(("Class A",), [(label, cells[1:2]) for label, cells in ROWS
                                   if label in ("Year 1", "Year 3", "Year 5", "Year 10")])
    assert example.kind == "expense_example"


def test_year_by_year_columns_are_no_example() -> None:
    years = tuple(label for label, _ in ROWS[:5])
    assert table(years, [("Hypothetical Expenses", ["$115", "$119", "$124", "$129", "$134"])]).kind == "other"


def test_value_of_an_investment_after_each_period_is_no_example() -> None:
    periods = ("1 Year", "3 Years", "5 Years", "10 Years")
    worth = table(periods, [("Class A", ["$10,520", "$12,310", "$14,870", "$21,050"]),
                            ("Class C", ["$11,050", "$12,900", "$15,410", "$21,800"])])
    assert worth.kind == "other"
    costs = table(periods, [("Class A", ["$683", "$912", "$1,159", "$1,865"]),
                            ("Class C", ["$292", "$593", "$1,019", "$2,206"])])
    assert costs.kind == "expense_example"
