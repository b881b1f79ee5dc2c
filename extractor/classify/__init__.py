"""Name each table's kind and each row's (or column's) rr taxonomy concept.

The kind is decided from the table as a whole: an expense example needs at least two of the
1/3/5/10-year periods among its row labels or column headers and dollar figures; a fee table needs
at least two distinct fee concepts, one of them specific to funds (a management or 12b-1 fee, a
sales charge, a redemption fee, acquired fund fees) and small numbers (percentages, a few dollars
of account fee). A financial statement may say "expenses" or "total" but never passes both tests.
Two narrow cases complete these rules: row labels that are only the numbers 1, 3, 5 and 10 over
dollar figures (the "Years" header of the label column has no place in the model), and a fee
table that states only that there are no fees ("Shareholder fees (...) | None").
"""

from __future__ import annotations

import dataclasses
import operator
from collections import Counter
from collections.abc import Sequence
from decimal import Decimal
from typing import Final

import regex

from ..model import Cell, Kind, Row, Table
from .examples import example_concept, example_period, other_period, period_years, redemption_mode
from .labels import FEE_CONCEPTS, fee_concept, normalize

__all__ = ["classify", "classify_tables", "fee_concept", "period_years", "redemption_mode"]

_ANCHORS: Final = FEE_CONCEPTS - {
    "OtherExpensesOverAssets", "ShareholderFeeOther", "ExpensesOverAssets", "NetExpensesOverAssets",
    "FeeWaiverOrReimbursementOverAssets", "MaximumAccountFee", "ExchangeFee",
    *(f"Component{i}OtherExpensesOverAssets" for i in (1, 2, 3)),
}
_OTHER: Final = "OtherExpensesOverAssets"
_MAIN_OTHER_LABEL: Final = ("other expenses", "other expense", "other operating expenses")


def classify(table: Table) -> Table:
    """``table`` with ``kind``, row ``concept``s and ``column_concepts`` filled in."""
    return _with_tags(_as_example(table) or _with_example(table) or _as_fees(table) or _as_other(table))


def classify_tables(tables: Sequence[Table]) -> list[Table]:
    """Every table of a filing classified (:func:`classify`); then a table that goes on with the
    expense example just before it takes that example's holding periods (:func:`_continued_example`),
    and a fee table without headers those of the fee table just before it (:func:`_continued_fees`)."""
    out = [classify(table) for table in tables]
    for i in range(1, len(out)):
        continued = _continued_example(out[i - 1], out[i]) or _continued_fees(out[i - 1], out[i])
        if continued is not None:
            out[i] = continued
    return out


_MOST_LINES_BETWEEN: Final = 40
"""Lines from an example's end to a table that goes on with it: room for a lead-in sentence."""


def _continued_example(before: Table, table: Table) -> Table | None:
    """``table`` as the second part of the example ``before`` it, or ``None``.

    Older prospectuses print the figures "if you did not redeem your shares" as a table of their
    own under that lead-in, without repeating the "1 Year" ... "10 Years" header: alone, it is a
    table of dollar figures with no periods, and went unchecked. It goes on with the example when
    it has no header, as many columns as the example (years as columns) just before it in the same
    document, labelled rows of whole-dollar costs, and a lead-in that says whether shares are
    redeemed; its columns then stand for the example's periods.
    """
    if (table.kind != "other" or before.kind != "expense_example" or before.column_concepts is None
            or len(table.columns) != len(before.column_concepts) or not _headerless_after(before, table)):
        return None
    if not _dollar_figures(table) or not _costs(table) or not all(r.label for r in table.rows if r.has_values):
        return None
    mode = _lead_mode(table)
    if mode is None:
        return None
    periods = [example_period(concept) for concept in before.column_concepts]
    concepts = tuple(example_concept(period[0], mode) if period else None for period in periods)
    return _as_kind(table, "expense_example", tuple(_with_concept(r, None) for r in table.rows), concepts)


def _headerless_after(before: Table, table: Table) -> bool:
    """Whether ``table``, without a header of its own, follows ``before`` in the same document
    within :data:`_MOST_LINES_BETWEEN` lines: where it may go on with it."""
    return (table.document == before.document and not any(column.strip() for column in table.columns)
            and table.line - max(before.end_line, before.line) <= _MOST_LINES_BETWEEN)


def _continued_fees(before: Table, table: Table) -> Table | None:
    """``table`` with the column headers of the fee table ``before`` it, or ``None``.

    Many prospectuses print the shareholder fees and the annual operating expenses as two tables
    on one column grid, and name the classes only over the first: the second's header row holds
    just its heading ("Annual Fund Operating Expenses ..."). Alone its columns have no names, so
    no example row could be matched with its ratios. It takes the headers of the fee table just
    before it in the same document when it has none of its own and as many columns.
    """
    if (table.kind != "fees" or before.kind != "fees" or table.column_concepts is not None
            or before.column_concepts is not None or len(table.columns) != len(before.columns)
            or not any(c.strip() for c in before.columns) or not _headerless_after(before, table)):
        return None
    classes = table.column_classes if table.column_classes is not None else before.column_classes
    return dataclasses.replace(table, columns=before.columns, column_classes=classes)


def _example_start(rows: Sequence[Row]) -> int | None:
    """Where the expense example begins in a fee table that goes on into it, or ``None``.

    Small funds printed the whole fee table in one table: shareholder fees, operating expenses,
    then an "EXAMPLE" heading, its lead-in and the "1 Year" ... "10 Years" rows. The example is
    the run of rows whose labels are holding periods at the end of the table, with the rows
    without any cell text just above it (the heading and the lead-in, which say whether shares
    are redeemed); some other row with cell text ("None" too) must come before it. The last row
    is looked at first: nearly every table ends in something else.
    """
    last = len(rows) - 1
    while last >= 0 and not rows[last].has_values:
        last -= 1
    if last < 0 or period_years(rows[last].label) is None:
        return None
    start = last
    while start > 0 and (not rows[start - 1].has_text or (
            rows[start - 1].has_values and period_years(rows[start - 1].label) is not None)):
        start -= 1
    return start if start > 0 else None  # a table of nothing but the example is an example


def _with_example(table: Table) -> Table | None:
    """A fee table with its expense example in its last rows (:func:`_example_start`): a fee
    table, whose example rows carry their example concepts. Each part must pass its own test."""
    start = _example_start(table.rows)
    if start is None:
        return None
    fees = _as_fees(dataclasses.replace(table, rows=table.rows[:start]))
    if fees is None or fees.column_concepts is not None:
        return None
    example = _as_example(dataclasses.replace(table, rows=table.rows[start:]))
    if example is None or example.column_concepts is not None:
        return None
    return _as_kind(table, "fees", fees.rows + example.rows, None)


_EXAMPLE_CONCEPTS: Final = frozenset(
    f"ExpenseExample{kind}Year{y:02d}" for kind in ("", "NoRedemption") for y in range(1, 11)
)


def _tag(cells: Sequence[Cell]) -> str | None:
    """The rr concept most cells of a row (or column) are tagged with in inline XBRL, if any."""
    if all(c.xbrl is None for c in cells):
        return None  # every row of a plain-text table: no Counter to build
    names = Counter(c.xbrl.concept.rsplit(":", 1)[-1] for c in cells if c.xbrl is not None)
    known = [(n, k) for k, n in names.most_common() if k in FEE_CONCEPTS or k in _EXAMPLE_CONCEPTS]
    return known[0][1] if known else None


def _agreement(groups: Sequence[Sequence[Cell]], majorities: Sequence[str | None]) -> int:
    """Tagged cells whose concept is the majority concept of their group (row or column), the
    groups' majorities (:func:`_tag`) given: a cell agrees when its own tag names that concept."""
    total = 0
    for cells, majority in zip(groups, majorities, strict=True):
        if majority:
            total += sum(1 for c in cells if c.xbrl is not None and c.xbrl.concept.rsplit(":", 1)[-1] == majority)
    return total


def _with_tags(table: Table) -> Table:
    """Inline XBRL tags, where a filer put them, name the concepts: they are what the filer meant.

    Each row's and each column's majority tag is counted once, for the orientation test and the
    concepts alike."""
    if not table.has_xbrl:
        return table  # every plain-text table: no row to count tags of
    rows_tags = [_tag(r.cells) for r in table.rows]
    width = max((len(r.cells) for r in table.rows), default=0)
    columns_ = [[r.cells[j] for r in table.rows if j < len(r.cells)] for j in range(width)]
    columns_tags = [_tag(c) for c in columns_] if table.column_concepts is not None else None
    one_class = columns_tags is not None and sum(1 for t in columns_tags if t) >= 2
    if sum(1 for t in rows_tags if t) < 2 and not one_class:
        return table  # one tagged row is enough in a table read as classes by fee type: a single class
    if columns_tags is None:
        columns_tags = [_tag(c) for c in columns_]
    examples = sum(1 for t in rows_tags if t in _EXAMPLE_CONCEPTS)
    kind: Kind = "expense_example" if examples * 2 > sum(1 for t in rows_tags if t) else "fees"
    by_columns = _agreement(columns_, columns_tags)
    by_rows = _agreement([r.cells for r in table.rows], rows_tags)
    # a tie (two periods, classes under "if you sell" and "if you do not sell") keeps the labels' orientation
    if by_columns > by_rows or (by_columns == by_rows and table.column_concepts is not None):
        known = table.column_concepts if table.column_concepts is not None and table.kind == kind else None
        columns = tuple((columns_tags[j] if j < width else None)
                        or (known[j] if known is not None and j < len(known) else None)
                        for j in range(len(table.columns)))
        rows = tuple(_with_concept(r, None) for r in table.rows)
        return _as_kind(table, kind, rows, columns)
    rows = tuple(_with_concept(r, t or (r.concept if table.kind == kind else None))
                 for r, t in zip(table.rows, rows_tags, strict=True))
    return _as_kind(table, kind, rows, None)


def _with_concept(row: Row, concept: str | None) -> Row:
    """``row`` with ``concept``: the row itself when it has it already (most rows of most tables;
    a replace per row was a good part of classifying a statement)."""
    return row if row.concept == concept else row.with_concept(concept)


def _as_kind(table: Table, kind: Kind, rows: tuple[Row, ...], column_concepts: tuple[str | None, ...] | None,
             ) -> Table:
    """``table`` as ``kind`` with these rows and column concepts: the table itself when they are
    what it has (an "other" table as read), as replacing a table's fields is slow."""
    unchanged = (table.kind == kind and table.column_concepts == column_concepts
                 and len(rows) == len(table.rows) and all(map(operator.is_, rows, table.rows)))
    if unchanged:
        return table
    return dataclasses.replace(table, kind=kind, rows=rows, column_concepts=column_concepts)


def _as_other(table: Table) -> Table:
    """``table`` as an "other" table: no concepts. Most tables are "other" as read, without a
    concept anywhere: they are returned as they are, with no tuple of their rows built."""
    if table.kind == "other" and table.column_concepts is None and _without_concepts(table.rows):
        return table
    return _as_kind(table, "other", tuple(_with_concept(r, None) for r in table.rows), None)


def _without_concepts(rows: Sequence[Row]) -> bool:
    for row in rows:  # noqa: SIM110 - a loop, not all(): asked of nearly every table (see Row.has_values)
        if row.concept is not None:
            return False
    return True


_HALF_INVESTMENT: Final = Decimal(5000)
"""Half the $10,000 an example invests: no example's cost comes near it (ten years at 3% with an
8.5% load cost about $4,000), while what an investment is worth after 1, 3, 5 and 10 years (a
performance table's "value of a $10,000 investment") mostly lies above it."""


_ZERO: Final = Decimal(0)
_ONE: Final = Decimal(1)
"""Compared with Decimals as Decimals: an int is made a Decimal at every comparison."""


def _dollar_figures(table: Table) -> bool:
    """Example figures are whole dollars; performance tables (1/5/10 years too) hold percentages.

    At least 80 % of the figures must be whole dollars; the count stops once too few can be. A
    zero counts only when it is written as dollars ("$0": a fund whose fees are all waived).
    """
    values = [c for r in table.rows for c in r.cells if c.value is not None]
    limit = 0.8 * len(values)
    whole = len(values)
    for cell in values:
        value = cell.value
        assert value is not None
        # below one: a negative, or a zero or fraction not written as dollars (one comparison for most figures)
        if cell.unit == "percent" or (value < _ONE and (value < _ZERO or cell.unit != "usd")) \
                or value != value.to_integral_value():
            whole -= 1
            if whole < limit:
                return False  # too few whole dollars left: a fee or performance table stops here
    return bool(values)


_FIFTH_INVESTMENT: Final = Decimal(2000)
"""A fifth of the $10,000: no example's first-year cost reaches it (the highest load, 8.5%, and a
few percent of expenses), while the value of $10,000 after one year would have to fall by 80%."""


def _costs(table: Table, first_year: Sequence[Decimal] = ()) -> bool:
    """Example figures are costs: fewer than half of them reach :data:`_HALF_INVESTMENT`, or the
    ``first_year`` figures (those of the 1-year period, where known) all stay under
    :data:`_FIFTH_INVESTMENT`. A fund whose expenses are many times its small assets (other
    expenses of 40% waived for a year) has later figures of several thousand dollars; a table of
    what $10,000 grows to starts near $10,000. Asked only of tables of whole dollars over the
    example's periods."""
    if first_year and all(value < _FIFTH_INVESTMENT for value in first_year):
        return True
    values = [c.value for r in table.rows for c in r.cells if c.value is not None]
    return 2 * sum(1 for value in values if value >= _HALF_INVESTMENT) < len(values)


def _first_year_by_rows(table: Table, row_years: Sequence[int | None]) -> list[Decimal]:
    return [c.value for r, y in zip(table.rows, row_years, strict=False) if y == 1 for c in r.cells
            if c.value is not None]


def _first_year_by_columns(table: Table, col_years: Sequence[int | None]) -> list[Decimal]:
    columns = [j for j, y in enumerate(col_years) if y == 1]
    cells = [r.cells[j] for r in table.rows for j in columns if j < len(r.cells)]
    return [c.value for c in cells if c.value is not None]


def _as_example(table: Table) -> Table | None:
    """The table as an expense example when its rows or its columns are holding periods."""
    if not _dollar_figures(table):
        return None
    valued = [r.has_values for r in table.rows]
    row_years = [period_years(r.label) if v else None for r, v in zip(table.rows, valued, strict=True)]
    col_years = [period_years(c) for c in table.columns]
    if not {1, 3} <= set(row_years) and not {1, 3} <= set(col_years):
        labels = [r.label for r, v in zip(table.rows, valued, strict=True) if v]
        row_years = _bare_years(labels, row_years, valued)
        col_years = _bare_years(list(table.columns), col_years)
    if {1, 3} <= set(row_years) and _costs(table, _first_year_by_rows(table, row_years)) and not any(
            other_period(r.label) for r, v in zip(table.rows, valued, strict=True) if v):
        table_mode = _table_mode(table)
        rows: list[Row] = []
        heading_mode: bool | None = None
        for row, years, has_values in zip(table.rows, row_years, valued, strict=False):
            if not has_values:
                heading_mode = redemption_mode(row.label) if row.label else heading_mode
                rows.append(_with_concept(row, None))
                continue
            mode = redemption_mode(row.label)
            if mode is None:
                mode = heading_mode if heading_mode is not None else table_mode
            concept = example_concept(years, mode) if years else None
            rows.append(_with_concept(row, concept))
        return _as_kind(table, "expense_example", tuple(rows), None)
    if {1, 3} <= set(col_years) and _costs(table, _first_year_by_columns(table, col_years)) and not any(
            map(other_period, table.columns)):
        caption_mode = _lead_mode(table)
        rows_mode = _rows_mode(table.rows)
        if rows_mode is not None:
            caption_mode = rows_mode
        concepts: list[str | None] = []
        for header, years in zip(table.columns, col_years, strict=False):
            mode = redemption_mode(header)
            concepts.append(example_concept(years, mode if mode is not None else caption_mode) if years else None)
        rows_ = tuple(_with_concept(r, None) for r in table.rows)
        return _as_kind(table, "expense_example", rows_, tuple(concepts))
    return None


_BARE_YEAR: Final = regex.compile(r"^\s*(1|3|5|10)\s*$")


def _bare_years(labels: Sequence[str], found: list[int | None],
                valued: Sequence[bool] | None = None) -> list[int | None]:
    """Years from labels that are bare numbers, when all of them are 1, 3, 5 or 10.

    Some examples put "Years" over the label column (a header the model has no place for) and
    label the rows just "1", "3", "5", "10"; that column of exactly those numbers over dollar
    figures is an example. Any other number (a fiscal year, "2", "4") rules it out. ``valued``
    tells which rows hold values (worked out once by the caller); the years go to those rows.
    """
    if len(labels) < 3 or not all(_BARE_YEAR.match(label) for label in labels):
        return found  # a statement's first label ends the search
    years = [int(m.group(1)) for m in map(_BARE_YEAR.match, labels) if m]
    if not {1, 3} <= set(years) or len(set(years)) != len(years):
        return found
    if valued is None:
        return list(years)
    given = iter(years)
    return [next(given) if v else None for v in valued]


def _rows_mode(rows: Sequence[Row]) -> bool | None:
    """``False`` when every figure row is under a "did not redeem" heading row or says so itself."""
    heading: bool | None = None
    modes: list[bool | None] = []
    for row in rows:
        mode = redemption_mode(row.label) if row.label else None
        if not row.has_values:
            heading = mode if mode is not None else heading
            continue
        modes.append(mode if mode is not None else heading)
    return False if modes and all(m is False for m in modes) else None


_YEARS_HEADER: Final = regex.compile(r"\s*(?:(?:1|3|5|10|one|three|five|ten)\s+years?\b|years?\b)", regex.I)
_NUMBER: Final = regex.compile(r"(?<![\w.,])\$?\d[\d,.]*%?")


def _table_text_at(text: str, start: int) -> bool:
    """Whether the text from ``start`` is the start of a table: year headers, or three numbers in a row's space.

    Prose after a table ("Class B shares convert to Class A shares after eight years.") seldom
    holds three numbers within 80 characters; the header and first row of an example always do.
    """
    window = text[start:start + 80]
    return bool(_YEARS_HEADER.match(window)) or len(_NUMBER.findall(window)) >= 3


def _lead_mode(table: Table) -> bool | None:
    """Redemption as the caption says, else as the lead-in sentence ending in a colon says.

    Older prospectuses print "You would pay the following expenses if you did not redeem your
    shares:" just above a second example table; the reader keeps that prose in the context, which
    runs on past the table and (in HTML) may hold the text of neighbouring tables. A sentence
    followed by figures or year headers introduces one of those other tables (this table's own
    text is never in its context), so the lead-in is the first sentence about redemption that
    ends in a colon and is not followed by table text.
    """
    if table.caption and redemption_mode(table.caption) is not None:
        return redemption_mode(table.caption)
    window = table.context[: 420 if table.layout == "html" else 320]
    for m in _LEAD_IN.finditer(window):
        mode = redemption_mode(m.group(1))
        if mode is None or _table_text_at(table.context, m.end()):
            continue
        return mode
    return None


def _table_mode(table: Table) -> bool | None:
    """Redemption for the whole table: caption or lead-in, or every column header saying no."""
    lead = _lead_mode(table)
    if lead is not None:
        return lead
    modes = [redemption_mode(c) for c in table.columns]
    if modes and all(m is False for m in modes):
        return False
    return None


_SMALL: Final = Decimal(25)
"""The largest amount a fee table's figures usually reach (dollar fees aside from percentages)."""
_LEAST_SMALL: Final = -_SMALL


def _small_numbers(table: Table) -> bool:
    """Fee tables hold percentages and small dollar fees, not the amounts of financial statements.

    Most are written with decimals or a percent sign, which also tells them from page numbers; and
    few of their cells are prose. The numbers are judged first: they rule out a statement without
    reading its text, and once too few of them are left to be small (or rates) the rest are not
    looked at.
    """
    values = [c for r in table.rows for c in r.cells if c.value is not None]
    numbers = len(values)
    least_small, least_rates = 0.7 * numbers, (0.5 * numbers if numbers > 2 else 0)
    small = rates = numbers  # the most there can still be: a statement stops a third of the way in
    for cell in values:
        value = cell.value
        assert value is not None
        percent = cell.unit == "percent"
        if not (percent or _LEAST_SMALL <= value <= _SMALL):  # abs() would make a Decimal per cell
            small -= 1
            if small < least_small:
                return False
        if not (percent or "." in cell.text):
            rates -= 1
            if rates < least_rates:
                return False
    written = [c for r in table.rows for c in r.cells if c.text]
    prose = [c for c in written if c.value is None and len(c.text.split()) > 3 and not _is_nil(c.text)]
    return len(prose) <= 0.2 * len(written)


_NIL: Final = regex.compile(r"(?i)^\W*(?:none|n/?a|nil|not applicable|-+|\p{Pd}+|0)\W*(?:\(?\w\)|/\d+/|<F\d+>)?\W*$")
_NIL_LONGEST: Final = 40
"""A nil cell is short; longer text is never matched, which also bounds the pattern's backtracking."""


def _is_nil(text: str) -> bool:
    return len(text) <= _NIL_LONGEST and _NIL.match(text) is not None
_LEAD_IN: Final = regex.compile(r"([^.:;!?]{10,200}):(?:\s|$)")
_FEE_HEADING: Final = regex.compile(
    r"shareholder fees|fees paid directly|annual (?:fund |portfolio )?operating expenses", regex.I
)


def _looks_like_fees(concepts: Sequence[str | None], heading: str) -> bool:
    """Two fee concepts, one specific to funds; one suffices under a fee-table heading (looked
    for only when it decides: most tables asked have no fund-specific concept at all)."""
    found = {c for c in concepts if c and not c.startswith("Component")}
    if not found & _ANCHORS:
        return False
    return len(found) >= 2 or _FEE_HEADING.search(heading) is not None


def _as_fees(table: Table) -> Table | None:
    """The table as a fee table, by rows (fee items as rows) or transposed (fee items as columns)."""
    if not _small_numbers(table):
        return None
    row_concepts = _net_after_waiver(_subtotal_parts(table.rows, _row_concepts(table.rows)))
    heading = f"{table.caption} {table.context[:300]}"
    by_rows = [c for c, r in zip(row_concepts, table.rows, strict=False) if r.has_text]
    if _looks_like_fees(by_rows, heading) and not _schedule_steps(table.columns):
        rows = tuple(_with_concept(r, c) for r, c in zip(table.rows, row_concepts, strict=False))
        staggered = _staggered(table, rows) if len(table.columns) == 2 else None
        if staggered is not None:
            return _as_kind(staggered, "fees", staggered.rows, None)
        return _as_kind(table, "fees", rows, None)
    col_concepts = [fee_concept(c) for c in table.columns]
    if _looks_like_fees(col_concepts, heading) and not _schedule_steps([r.label for r in table.rows if r.has_text]):
        rows = tuple(_with_concept(r, None) for r in table.rows)
        return _as_kind(table, "fees", rows, tuple(col_concepts))
    if _nil_fee_heading(table):
        rows = tuple(_with_concept(r, c) for r, c in zip(table.rows, row_concepts, strict=False))
        return _as_kind(table, "fees", rows, None)
    return None


_PART_CONCEPTS: Final = frozenset({
    None, _OTHER, "DistributionOrSimilarNon12b1FeesOverAssets", "FeeWaiverOrReimbursementOverAssets",
    *(f"Component{i}OtherExpensesOverAssets" for i in (1, 2, 3)),
})
"""What a line that is really an item of "Total other expenses" may have been read as by its label."""
_PART_TOLERANCE: Final = Decimal("0.01")


def _subtotal_parts(rows: Sequence[Row], concepts: list[str | None]) -> list[str | None]:
    """The items of a "Total other expenses" row, just above or just below it, are its components.

    Filers print the items of other expenses under their total ("Total Other Expenses 0.38%",
    then "Shareholder Services Fees 0.15%", "Other Expenses 0.23%") or above it ("Other Expenses
    0.10%", "Interest Expense 0.16%", "Total Other Expenses 0.26%"). By their labels those lines
    are fee items of their own, and their amounts were added to the total a second time. The
    nearest run of two or more lines beside the total whose amounts add up to it, in every class
    (within a hundredth for rounding), is its parts: Component1..3, further ones without a concept.
    """
    for i, row in enumerate(rows):
        if concepts[i] != _OTHER or "total" not in normalize(row.label) or not row.has_values:
            continue
        for run in (_run(rows, concepts, i, 1), _run(rows, concepts, i, -1)):
            parts = _adding_up(rows, run, row)
            if parts:
                for n, j in enumerate(sorted(parts), 1):
                    concepts[j] = f"Component{n}OtherExpensesOverAssets" if n <= 3 else None
                break
    return concepts


def _run(rows: Sequence[Row], concepts: list[str | None], at: int, step: int) -> list[int]:
    """Rows with amounts next to row ``at`` going ``step``, while they may be items (nearest first)."""
    out = []
    j = at + step
    while 0 <= j < len(rows) and concepts[j] in _PART_CONCEPTS and not (
            concepts[j] == _OTHER and "total" in normalize(rows[j].label)):
        if rows[j].has_values:
            out.append(j)
        j += step
    return out


def _adding_up(rows: Sequence[Row], run: list[int], total: Row) -> list[int]:
    """The shortest start of ``run`` (two rows or more) whose amounts add up to ``total``'s in
    every class: exactly if any start does, else within :data:`_PART_TOLERANCE` (rounding)."""
    columns = [k for k, cell in enumerate(total.cells) if cell.value is not None]
    if not columns or not any(total.cells[k].value for k in columns):
        return []
    wanted = [total.cells[k].value or Decimal(0) for k in columns]
    sums = [Decimal(0)] * len(columns)
    close: list[int] = []
    for n, j in enumerate(run, 1):
        cells = rows[j].cells
        for m, k in enumerate(columns):
            value = cells[k].value if k < len(cells) else None
            sums[m] += value if value is not None else Decimal(0)
        if n < 2:
            continue
        if sums == wanted:
            return run[:n]
        if not close and all(abs(a - b) <= _PART_TOLERANCE for a, b in zip(sums, wanted, strict=True)):
            close = run[:n]
    return close


def _staggered(table: Table, rows: tuple[Row, ...]) -> Table | None:
    """A one-class fee table that sets its other-expense items in a column of their own, left of
    the column of every other figure, as one column; else ``None``.

    ("Dividend Expenses on Securities Sold Short | 1.20% |", then "Total of Other Expenses | |
    1.22%"). Read as two columns, the items were never added up against their total.
    """
    if any(column.strip() for column in table.columns[:1]):
        return None
    items = main = False
    for row in rows:
        left, right = (bool(row.cells[j].text) if j < len(row.cells) else False for j in (0, 1))
        if left and right:
            return None
        if left:
            if not (row.concept or "").startswith("Component"):
                return None
            items = True
        main = main or right
    if not (items and main):
        return None
    merged = tuple(r.with_cells((r.cells[0] if r.cells and r.cells[0].text else
                                 r.cells[1] if len(r.cells) > 1 else r.cells[0],))
                   for r in rows)
    return dataclasses.replace(table, columns=table.columns[1:], rows=merged,
                               column_classes=table.column_classes[1:] if table.column_classes else None)


def _net_after_waiver(concepts: list[str | None]) -> list[str | None]:
    """A second total right after the waiver row that follows the first is the net total.

    Some filers word the total after waivers exactly as the total before them ("Total Annual Fund
    Operating Expenses" twice); its place, below "Fee Waiver ..." and the gross total, says which
    it is, and read as a second gross total it left the net expenses unchecked.
    """
    seen_gross = after_waiver = False
    for i, concept in enumerate(concepts):
        if concept is None:
            continue
        if concept == "ExpensesOverAssets" and after_waiver:
            concepts[i] = "NetExpensesOverAssets"
        after_waiver = seen_gross and concept == "FeeWaiverOrReimbursementOverAssets"
        seen_gross = seen_gross or concept == "ExpensesOverAssets"
    return concepts


_AMOUNT: Final = regex.compile(
    r"^\W*(?:(?:less than|under|up to|below|at least|over|more than|from|amount of)\s+)?"
    r"(?:\$\s?\d|\d{1,3}(?:,\d{3})+\b)",
    regex.I,
)
"""A label that starts with an amount of money, as the steps of a sales charge schedule do ("Less
than $50,000", "$50,000 but less than $100,000"); a class name that mentions a minimum
("Class I (minimum $1,000,000)") starts with its name."""
_YEAR_SINCE_PURCHASE: Final = regex.compile(
    r"^\s*(?:(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b"
    r"|(?:year\s+)?\d{1,2}(?:st|nd|rd|th)?\s+years?\b|year\s+\d{1,2}\b|\d{1,2}(?:st|nd|rd|th)\b)",
    regex.I,
)


def _schedule_steps(names: Sequence[str]) -> bool:
    """Whether most of the row labels (or column headers) are amounts of money or years since
    purchase: the steps of a sales charge schedule, by amount invested ("Less than $50,000",
    "$50,000 but less than $100,000") beside headers that name a sales charge "as a percentage of
    offering price", or by the year of redemption ("First year", "Second year") under a
    "Contingent Deferred Sales Charge" header. A fee table has share classes (or funds) across
    from its fee items, never amounts or years."""
    named = [name for name in names if name]
    steps = sum(1 for name in named if _AMOUNT.match(name) or _YEAR_SINCE_PURCHASE.match(name))
    return bool(named) and 2 * steps > len(named)


_SHAREHOLDER_HEADING: Final = regex.compile(r"shareholder (?:fees|transaction expenses)|fees paid directly", regex.I)


def _nil_fee_heading(table: Table) -> bool:
    """A fee table stating only that there are no such fees: "Shareholder fees (...) | None".

    No-load funds print the shareholder-fee part as one row whose label is the heading itself;
    every written cell says none (or N/A, a dash) and the label names the fee heading.
    """
    written = [c for r in table.rows for c in r.cells if c.text]
    if not written or not all(c.value is None and _is_nil(c.text) for c in written):
        return False
    labels = " ".join([table.caption, *(r.label for r in table.rows if r.has_text)])
    return bool(_SHAREHOLDER_HEADING.search(labels) or _FEE_HEADING.search(table.caption))


_SERVICING: Final = regex.compile(r"shareholder servic|servicing fee|\bservicing\b")
_NON_12B1: Final = "DistributionOrSimilarNon12b1FeesOverAssets"
_SEPARATE_LINE: Final = regex.compile(r"\bincome tax|\bdeferred tax|\btax(?:es)? expense|\btaxes\b")
"""Every match of this and of :data:`_SERVICING` holds "tax" (or "servic"), looked for first: a
plain search is far cheaper than a pattern's, and nearly every label of a fee table has neither."""


def _row_concepts(rows: Sequence[Row]) -> list[str | None]:
    """Concepts top to bottom; items listed under "Other expenses" become Component1..3.

    A sub-item block starts at an "Other expenses" row and runs while the following rows name no
    concept of their own (or only another kind of other expense); a row with a main concept or a
    "Total other expenses" row ends it. When "Other expenses" is a heading without values, even a
    second "Other expenses" row inside the block is a sub-item (the remainder).

    A shareholder servicing fee on a line of its own (not under "Other expenses") is a service
    fee outside a 12b-1 plan, which filers tag as the non-12b-1 distribution element. Tax expense
    of the fund (the deferred income tax of MLP funds) is printed as a separate line that adds to
    the gross total; it is never an item of other expenses and no rr element names it, so it
    ends a block and stays without a concept (``component_sum`` counts such lines).
    """
    out: list[str | None] = []
    block: Row | None = None
    count = 0
    for row in rows:
        concept = fee_concept(row.label)
        text = normalize(row.label)
        if "tax" in text and _SEPARATE_LINE.search(text):
            block = None
            out.append(None)
            continue
        is_total_other = concept == _OTHER and "total" in text
        in_block = block is not None and not is_total_other and row.has_values
        if not in_block and concept == _OTHER and "servic" in text and _SERVICING.search(text) \
                and not text.startswith("other"):
            out.append(_NON_12B1)
            continue
        if in_block and block is not None and concept in (None, _OTHER):
            repeated_main = text in _MAIN_OTHER_LABEL and block.has_values and not count
            if not repeated_main:
                count += 1
                out.append(f"Component{count}OtherExpensesOverAssets" if count <= 3 else None)
                continue
        if concept == _OTHER and not is_total_other and text.startswith("other"):
            block, count = row, 0
        elif concept is not None or is_total_other:
            block = None
        out.append(concept)
    return out
