"""One ``<table>`` element as a grid: spans expanded, split values joined, columns found.

HTML tables are laid out for the eye, not for reading: a dollar sign, the amount and a closing
parenthesis often sit in three cells, spacer columns separate the groups, a group header spans its
columns with ``colspan``, and a label may span two columns in one row and one in the next. The
grid keeps each cell with the columns it spans; the columns that matter are the ones that hold a
single-column body cell, and everything else (spanning cells, headers, split parts) is placed
onto those.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from itertools import pairwise

import regex

from ..model import EMPTY_CELL, Cell, Footnote
from ..values import parse_cell, split_markers
from .cells import MARKER, CellText, read_cell_as
from .dom import COLSPAN, ROWSPAN, STYLE, TAG_NAMES, Element, int_attr, local_name
from .labels import continues
from .pages import rows_break_page
from .style import style_of

# A cell that only opens a value ("$", "(", "$(") or only closes one (")", "%", ")%").
_PREFIX = regex.compile(r"^(?:(?:US|C|A)?\s?[$\u20ac\u00a3\u00a5]\s*\(?|\()$")
_CURRENCY = regex.compile(r"[$\u20ac\u00a3\u00a5]")
_SUFFIX = regex.compile(r"^\)?\s*%?\s*\)?$")
_ENDS_NUMERIC = regex.compile(r"\d\s*\)?\s*$")
_ENDS_VALUE = regex.compile(r"\d\s*\)?\s*%?\s*\)?$")
_OPEN_PERCENT = regex.compile(r"\(\s*+\$?+\s*+[\d.,]++\s*+%$")
"""A negative percent still open, "(6.00%", whose ")" the filer set in the next cell."""
_DECIMAL = regex.compile(r"^\(?\d*\.\d+\)?$")
"""A number with decimals and nothing else ("0.74", "(0.10)"): a value in the unit of its row."""
_WORD_END_LONGEST = 3
_STARTS_NUMERIC = regex.compile(r"^\s*[(\-\u2212]?\s*\$?\s*[\d.]")
_NUMBERED_MARKER = regex.compile(r"^(\d{1,2})\.$")
_SYMBOL_MARKER = regex.compile(r"^[*\u2020\u2021\u00a7\u00b6]{1,4}$")
_TYPED_MARKER = regex.compile(r"^\(\s?(?:\d{1,2}|[a-z])\s?\)(?:\s?\(\s?(?:\d{1,2}|[a-z])\s?\)){0,3}$", regex.I)
"""Footnote markers typed in brackets, "(1)" or "(a)", or stacked, "(1)(2)", which some filers set
in a cell of their own after the value they annotate."""
_ONE_TYPED_MARKER = regex.compile(r"\(\s?(?:\d{1,2}|[a-z])\s?\)", regex.I)
_TYPED_MARKER_LONGEST = 4 * len("( 12 ) ")
_ENDS_PERCENT = regex.compile(r"%\s*\)?$")
_YEAR = regex.compile(r"^(?:19|20)\d\d$")
_COUNT = regex.compile(r"^\d{1,2}\+?(?:\s*(?:years?|yrs?\.?))?$", regex.I)
_PERIODS = 3
"""Rising bare counts in a labelled row read as periods (1 | 3 | 5 | 10) from this many on."""
_VALUE_WORD = regex.compile(r"^(?:none|nil|n/?a|not applicable|yes|no|[-\u2013\u2014]+)\W*$", regex.I)
NIL_WORD = regex.compile(
    r"^(?:none|nil|n/?a|not applicable|\$?\s*[-\u2013\u2014\u2212]+)"
    r"(?:\W*(?:\(\w{1,2}\)|\d{1,2}|[a-z]|[*\u2020\u2021]{1,3}))?\W*$",
    regex.I,
)
"""A value stated without a number ("None", "N/A", a dash, "$-" in a column of amounts), a footnote
marker after it allowed ("None (1)", or "None 1" once a raised marker has been set apart). Use
:func:`nil_word`."""
_NIL_LONGEST = 40


def nil_word(text: str) -> bool:
    """Whether ``text`` is a value stated without a number. Such a cell is short; longer text is
    never matched, which also bounds the pattern's backtracking on a cell of many dashes."""
    return len(text) <= _NIL_LONGEST and NIL_WORD.match(text) is not None
TEXT_FOOTNOTE = regex.compile(
    r"^(?P<marker>\(\s*(?:\d{1,2}|[a-z])\s*\)|\d{1,2}(?=\s)|[*\u2020\u2021\u00a7]{1,4}|\[\d{1,2}\])\s*(?P<text>\S.{8,})$",
    regex.I | regex.S,
)
FOOTNOTE_TEXT = 12
"""A footnote's text is at least this long; shorter text beside a marker is a label or a value."""
NOTE_TEXT = 60
"""An unmarked row of prose this long under the last number is a note, not a row."""


@dataclass(slots=True)
class Slot:
    """One non-empty cell of a row and the grid columns it spans."""

    start: int
    end: int
    cell: CellText
    parsed: Cell = EMPTY_CELL
    col: int = -1
    down: int = 1
    """Rows the cell spans (``rowspan``)."""


@dataclass(slots=True)
class GridRow:
    element: Element
    slots: list[Slot]
    at: int = 0
    """Position of the ``<tr>`` among the table's rows, empty ones included (rowspans count them)."""

    @property
    def header_cells(self) -> bool:
        return bool(self.slots) and all(s.cell.header for s in self.slots)


@dataclass(slots=True)
class Grid:
    """The rebuilt table before it becomes a :class:`~extractor.model.Table`."""

    columns: list[str]
    label_col: int | None
    data_cols: list[int]
    rows: list[GridRow]
    footnotes: list[Footnote]
    title: str = ""
    nested: bool = False
    label_end: int | None = None
    """The last column of the row labels: ``label_col``, or the column of sub-labels beside it."""


def _not_shown(el: Element) -> bool:
    """Whether ``el`` is styled ``display: none``: a browser leaves it out, taking no place."""
    return _hides(el.get(STYLE))


def _hides(style: str | None) -> bool:
    """Whether an element of ``style`` is not shown (:func:`_not_shown`)."""
    return style is not None and ("one" in style or "ONE" in style) and style_of(style).hidden


def own_rows(table: Element) -> list[Element]:
    """The shown ``<tr>`` elements of ``table`` itself (not of tables nested in its cells)."""
    rows: list[Element] = []
    for child in table:
        name = local_name(child)
        if name == "tr":
            rows.append(child)
        elif name in ("thead", "tbody", "tfoot") and not _not_shown(child):
            rows.extend(tr for tr in child if local_name(tr) == "tr")
    return [tr for tr in rows if not _not_shown(tr)]


def expand(trs: list[Element]) -> tuple[list[GridRow], bool]:
    """Rows of non-empty slots with ``colspan``/``rowspan`` expanded; and whether a cell nests a table.
    A cell styled ``display: none`` takes no place: the cells after it move left, as shown."""
    taken: dict[int, int] = {}
    rows: list[GridRow] = []
    nested = False
    for at, tr in enumerate(trs):
        slots: list[Slot] = []
        col = 0
        for td in tr:
            name = TAG_NAMES.get(td.tag) or local_name(td)
            if name != "td" and name != "th":
                continue
            style = td.get(STYLE)
            if _hides(style):
                continue
            while taken and taken.get(col, 0) > 0:
                col += 1
            span = 1 if td.get(COLSPAN) is None else int_attr(td, "colspan", limit=200)
            down = 1 if td.get(ROWSPAN) is None else int_attr(td, "rowspan", limit=500)
            cell = read_cell_as(td, style, name == "th")
            nested = nested or cell.nested
            if not cell.empty or cell.facts:
                slots.append(Slot(col, col + span, cell, down=down))
            if down > 1:
                for c in range(col, col + span):
                    taken[c] = down
            col += span
        if taken:
            taken = {c: left - 1 for c, left in taken.items() if left > 1}
        rows.append(GridRow(tr, slots, at))
    return rows, nested


def _absorb(into: CellText, other: CellText, before: bool) -> None:
    if before:
        into.text = f"{other.text}{into.text}"
    else:
        into.text = _close_value(into.text, other.text)
    into.markers = into.markers + other.lead + other.markers if not before else into.markers + other.markers
    into.facts = into.facts + other.facts if not before else other.facts + into.facts


def _close_value(value: str, closing: str) -> str:
    """``value`` finished by the ``)`` or ``%`` of the next cell: ``0.25(a)`` | ``%`` reads
    ``0.25%(a)``, since a marker typed after a number ends the value it annotates, whichever
    cell the unit was set in."""
    body, marks = split_markers(value)
    if not marks:
        return f"{value}{closing}"
    end, more = split_markers(closing)
    return f"{body}{end}{''.join(marks + more)}"


def _joins_previous(prev: Slot, cell: CellText) -> bool:
    """Whether ``cell`` only finishes the cell before it: a raised marker alone, a closing ``)%``
    (a typed marker such as ``(a)`` or ``*`` may follow it, or end the number before it; a raised
    one may precede it, ``0.25`` | ``<sup>1</sup>%``, set where the number ends), the ``)`` of an
    open "(6.00%", or a ``*`` after a number."""
    text = cell.text
    if not text:
        return bool(cell.lead or cell.markers)
    before = split_markers(prev.cell.text)[0]
    closing = split_markers(text)[0]
    if closing and _SUFFIX.match(closing) and (
        _ENDS_NUMERIC.search(before) or (closing == ")" and _OPEN_PERCENT.search(before))
    ):
        return True
    if _SYMBOL_MARKER.match(text) and _ENDS_VALUE.search(before):
        return True
    return _finishes_word(before, text)


def _finishes_word(before: str, text: str) -> bool:
    """Whether ``text`` is the last letters of a value stated in words, which a layout tool set in
    the narrow suffix cell where it sets the ``%`` of a number ("Non" | "e", "N/" | "A"): the two
    read as such a value, neither part alone does."""
    return (len(text) <= _WORD_END_LONGEST and text.isalpha() and (before[-1:].isalpha() or before[-1:] == "/")
            and nil_word(before + text) and not nil_word(before) and not nil_word(text))


def _percent_column(slots: list[Slot], i: int) -> bool:
    """Whether slot ``i`` is a lone ``%`` set in a column of its own between the row's label and
    its first value ("Management Fees | % | 0.74 | 0.74"): the unit of the row's decimal values.
    A ``%`` cell after the first value belongs to it; so does one when that value has a ``%``
    cell of its own after it."""
    cell = slots[i].cell
    if i != 1 or cell.text != "%" or cell.facts or cell.markers or cell.lead or i + 1 >= len(slots):
        return False
    label, value = slots[0].cell.text, split_markers(slots[i + 1].cell.text)[0]
    after = slots[i + 2].cell.text if i + 2 < len(slots) else ""
    return (_DECIMAL.match(value) is not None and sum(ch.isalpha() for ch in label) >= 2
            and not (after and "%" in after and _SUFFIX.match(after)))


def join_split_values(slots: list[Slot]) -> list[Slot]:
    """``$`` | ``1,206`` -> ``$1,206``, ``0.65`` | ``%`` -> ``0.65%``, a marker cell onto its number,
    the split end of a word onto its start ("Non" | "e"); a ``%`` column before a row's values
    (:func:`_percent_column`) is the unit of each of its decimal values."""
    out: list[Slot] = []
    pending: Slot | None = None
    percent = False
    for i, slot in enumerate(slots):
        cell = slot.cell
        text = cell.text
        if percent and _DECIMAL.match(split_markers(text)[0]):
            cell.text = text = _close_value(text, "%")
        if pending is not None:
            _absorb(cell, pending.cell, before=True)
            pending = None
        elif out and _joins_previous(out[-1], cell):
            prev = out[-1].cell
            if text and not _SYMBOL_MARKER.match(text):
                _absorb(prev, cell, before=False)
            else:
                prev.markers = (*prev.markers, *cell.lead, *((text,) if text else ()), *cell.markers)
                prev.facts = prev.facts + cell.facts
            continue
        nxt = slots[i + 1] if i + 1 < len(slots) else None
        if not percent and _percent_column(slots, i):
            percent = True
            continue
        if text and _PREFIX.match(text) and nxt is not None and not cell.facts and (
            _STARTS_NUMERIC.match(nxt.cell.text) or _CURRENCY.search(text)
        ):
            pending = slot
            continue
        out.append(slot)
    if pending is not None:
        out.append(pending)
    return out


def _annotates(prev: Slot, slot: Slot) -> bool:
    """Whether ``slot`` may be a typed marker for the value ``prev`` before it: "(1)" alone in one
    column, after a percentage or a value stated in words."""
    text = slot.cell.text
    return (slot.end - slot.start == 1 and not slot.cell.header and _TYPED_MARKER.match(text) is not None
            and (_ENDS_PERCENT.search(prev.cell.text) is not None or nil_word(prev.cell.text)))


def join_marker_columns(rows: list[GridRow]) -> None:
    """Typed markers that a column of their own sets after the values they annotate ("None" |
    "(1)", "1.00%" | "(2)", "None" | "(1)(2)", EDGARizer-era tables) joined to those values as
    their footnotes.

    Alone, "(1)" reads as the number -1; it is a marker only when every cell of its column is one,
    each after a percentage or a value stated in words: a column holding any other value ("N/A" |
    "(23)" in a statement of income) is a column of numbers."""
    found: dict[int, list[tuple[GridRow, int]]] = {}
    for row in rows:
        for i, slot in enumerate(row.slots):
            text = slot.cell.text
            if i and text[:1] == "(" and len(text) <= _TYPED_MARKER_LONGEST and _annotates(row.slots[i - 1], slot):
                found.setdefault(slot.start, []).append((row, i))
    if not found:
        return
    others = {slot.start for row in rows for i, slot in enumerate(row.slots)
              if slot.start in found and not (i and _annotates(row.slots[i - 1], slot))}
    joined = [place for column, places in found.items() if column not in others for place in places]
    for row, i in sorted(joined, key=lambda place: -place[1]):  # right to left: ``i`` stays valid
        marker, prev = row.slots[i].cell, row.slots[i - 1].cell
        prev.markers = (*prev.markers, *_ONE_TYPED_MARKER.findall(marker.text), *marker.markers)
        prev.facts = prev.facts + marker.facts
        del row.slots[i]


def _is_number(slot: Slot, first: bool) -> bool:
    return slot.parsed.value is not None and not (first and slot.start == 0)


def number_row(row: GridRow, allow_years: bool, periods: bool = False) -> bool:
    """Whether ``row`` states numbers outside its first cell.

    Unless ``allow_years``, a row of years (2023 | 2022) or, without a row label, of bare counts
    (1 | 3 | 5 | 10) reads as column headings, not numbers; with ``periods`` (no header above it)
    so does a labelled row of three or more rising counts ("Number of years | 1 | 3 | 5 | 10"),
    the periods of an expense example.
    """
    if row.header_cells:
        return False
    numbers = [s for i, s in enumerate(row.slots) if _is_number(s, i == 0)]
    if not numbers or allow_years:
        return bool(numbers)
    counts = (row.slots[0] is numbers[0]) or (periods and _rising_periods(numbers))
    return not all(
        not s.parsed.unit and (_YEAR.match(s.cell.text) or (counts and _COUNT.match(s.cell.text)))
        for s in numbers
    )


def _first_multi_cell(rows: list[GridRow]) -> int:
    """Where the first row of several cells (column headers) stands (``len(rows)`` if none): the rows
    above a row are headed when it is above it. Found once, not over ``rows[:i]`` for each row,
    which was quadratic in a table of thousands of one-cell rows."""
    return next((i for i, r in enumerate(rows) if len(r.slots) > 1), len(rows))


def _rising_periods(numbers: list[Slot]) -> bool:
    """Three or more bare counts that rise left to right (1 | 3 | 5 | 10): periods, not data."""
    if len(numbers) < _PERIODS or not all(_COUNT.match(s.cell.text) for s in numbers):
        return False
    values = [s.parsed.value for s in numbers]
    return all(a is not None and b is not None and a < b for a, b in pairwise(values))


def nil_row(row: GridRow, label_col: int) -> bool:
    """Whether ``row`` is a labelled row of values stated without numbers ("Sales charge | None").

    Such a row has no digit, so it can look like a header row of class names; but a header row does
    not name a row in its first cell, and no header says "None" or "N/A". It is data, and so is
    every row below it. The label may sit right of ``label_col``: filers indent a label (or the
    rest of a wrapped one) by a cell as often as by a margin.
    """
    slots = row.slots
    if len(slots) < 2 or slots[1].start <= label_col:
        return False
    label = slots[0].cell.text
    return (bool(label) and slots[0].parsed.value is None and not nil_word(label)
            and all(nil_word(s.cell.text) for s in slots[1:]))


def _numbered(cell: CellText, text: str) -> str:
    """The marker of a note numbered "4." in a cell of its own beside the note's ``text``, as
    filers who set each note under a fee table as a table of its own number them: "4". The text
    must read as a note, a sentence ended by a full stop: a numbered list of headings ("2." |
    "Contents Page") is not one."""
    m = _NUMBERED_MARKER.match(cell.text)
    if m is None or cell.markers or len(text) < 2 * FOOTNOTE_TEXT or not text.endswith("."):
        return ""
    return str(m.group(1))


def footnote_of(row: GridRow) -> Footnote | None:
    """The footnote that ``row`` holds (marker cell + prose, or one cell starting with a marker)."""
    slots = row.slots
    if len(slots) == 2:
        first, second = slots[0].cell, slots[1].cell
        marker = " ".join(first.lead) if first.lead and not first.text else (
            first.text if MARKER.match(first.text) and not first.markers else _numbered(first, second.text)
        )
        if marker and second.text and slots[1].parsed.value is None and len(second.text) >= FOOTNOTE_TEXT:
            return Footnote(marker, second.text)
    if len(slots) == 1:
        cell = slots[0].cell
        if cell.lead and len(cell.text) >= FOOTNOTE_TEXT:
            return Footnote(" ".join(cell.lead), cell.text)
        m = TEXT_FOOTNOTE.match(cell.text)
        if m and len(cell.text) >= 2 * FOOTNOTE_TEXT and slots[0].parsed.value is None:
            return Footnote(m["marker"], m["text"].strip())
    return None


def _note_of(row: GridRow) -> Footnote | None:
    if len(row.slots) == 1 and len(row.slots[0].cell.text) >= NOTE_TEXT and row.slots[0].end - row.slots[0].start > 1:
        return Footnote("", row.slots[0].cell.text)
    return None


def place_columns(rows: list[GridRow]) -> set[int]:
    """Give every slot of ``rows`` its column; return the columns used.

    Single-column cells fix the columns; a spanning cell goes to the first used column it covers
    (a label spanning two columns, a value centred over its group), else to its first column.
    """
    used = {s.start for r in rows for s in r.slots if s.end - s.start == 1}
    spanning = sorted((s for r in rows for s in r.slots if s.end - s.start > 1), key=lambda s: s.end - s.start)
    for row in rows:
        for slot in row.slots:
            if slot.end - slot.start == 1:
                slot.col = slot.start
    for slot in spanning:
        inside = [c for c in range(slot.start, slot.end) if c in used]
        slot.col = inside[0] if inside else slot.start
        used.add(slot.col)
    return used


def _label_column(rows: list[GridRow], used: set[int]) -> int | None:
    """The leftmost column when it names the rows: text, or bare counts (years 1, 3, 5, 10) beside
    columns of amounts or percentages."""
    first = min(used)
    filled = texts = 0
    counts: list[Slot] = []
    measured = False
    for row in rows:
        for slot in row.slots:
            if slot.col != first:
                measured = measured or bool(slot.parsed.unit) or "." in slot.cell.text
                continue
            filled += 1
            if slot.parsed.value is not None:
                counts.append(slot)
            elif slot.cell.text:
                texts += 1
    if texts and len(counts) * 2 < filled:
        return first
    bare = all(s.parsed.unit is None and _COUNT.match(s.parsed.text) for s in counts)
    return first if counts and bare and measured else None


def _header_texts(
    header: list[GridRow], label_col: int | None, data_cols: list[int], width: int, label_end: int | None = None
) -> tuple[list[str], str]:
    """Column headers (rows joined top first, group headers in front) and a title spanning all;
    text over the labels (``label_col`` to ``label_end``) heads no column.

    ``data_cols`` is in ascending order: a cell's columns are found by bisection, since a scan of
    every column for every header cell was quadratic in a table of thousands of columns."""
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
                title = title or text  # a heading over the table, whether it spans it or not
                continue
            if slot.start in area or (label_col is not None and slot.start <= label_col < slot.end):
                continue
            below = bisect_left(data_cols, slot.start)
            past = bisect_left(data_cols, slot.end, below)
            targets = data_cols[below:past]
            if not targets and data_cols:
                # The nearest column is the last one left of the cell or the first one right of it.
                sides = data_cols[max(0, below - 1) : below + 1]
                near = min(sides, key=lambda c: (min(abs(c - slot.start), abs(c - slot.end + 1)), c < slot.start))
                if label_col is None or near > label_col:
                    targets = [near]
            for c in targets:
                parts[c].append(text)
    return [" ".join(parts[c]) for c in data_cols], title


ParsedTable = tuple[list[GridRow], bool, int]
"""A table's non-empty rows with split values joined and cells parsed; whether a cell nests a
table; the grid width."""


def parsed_rows(table: Element) -> ParsedTable:
    """The rows of ``table`` as :func:`build_grid` and :func:`footnote_table` start from; neither
    changes what the other reads, so one reading serves both."""
    rows, nested = expand(own_rows(table))
    width = max((s.end for r in rows for s in r.slots), default=0)
    for row in rows:
        row.slots = join_split_values(row.slots)
    join_marker_columns(rows)
    for row in rows:
        for slot in row.slots:
            slot.parsed = parse_cell(slot.cell.text)
    if any(slot.cell.lines for row in rows for slot in row.slots):
        rows = [part for row in rows for part in _unstack(row)]
    return [r for r in rows if r.slots], nested, width


def _unstack(row: GridRow) -> list[GridRow]:
    """A row whose cells stack one value per line (``5<br>4<br>23``) beside a label stacked the
    same way ("Registered investment companies<br>Other accounts"), as one row per line; a label
    with one line more opens with a heading ("Nikhil G. Lalvani"). Any other row as it is.

    Every cell right of the label must hold the same number of lines, two or more, each one
    starting with a number ("$7.6 billion") or a value stated without one: text cells that wrap
    onto two lines stay one cell."""
    if len(row.slots) < 2:
        return [row]
    label, *values = row.slots
    count = len(values[0].cell.lines)
    if count < 2 or len(label.cell.lines) not in (count, count + 1):
        return [row]
    for slot in values:
        lines = slot.cell.lines
        if len(lines) != count or not all(nil_word(line) or _STARTS_NUMERIC.match(line) for line in lines):
            return [row]
    labels = label.cell.lines
    out: list[GridRow] = []
    if len(labels) > count:
        out.append(GridRow(row.element, [_line_slot(label, labels[0])], row.at))
        labels = labels[1:]
    for k in range(count):
        slots = [_line_slot(label, labels[k]), *[_line_slot(slot, slot.cell.lines[k]) for slot in values]]
        out.append(GridRow(row.element, slots, row.at))
    return out


def _line_slot(slot: Slot, line: str) -> Slot:
    """One line of a stacked cell, in the cell's columns."""
    cell = CellText(text=line, header=slot.cell.header)
    return Slot(slot.start, slot.end, cell, parse_cell(line), slot.col, slot.down)


def footnote_table(table: Element, parsed: ParsedTable | None = None) -> list[Footnote]:
    """The footnotes of a table that holds nothing else (marker | text rows set under a fee table);
    ``parsed`` is its :func:`parsed_rows` when they have been read already."""
    rows = (parsed_rows(table) if parsed is None else parsed)[0]
    notes = [footnote_of(r) for r in rows]
    return [n for n in notes if n is not None] if rows and all(notes) else []


def build_grid(table: Element, parsed: ParsedTable | None = None) -> list[Grid]:
    """The grids of ``table``, one per section; none when it holds no data (layout, one cell, empty).
    ``parsed`` is its :func:`parsed_rows` when they have been read already."""
    rows, nested, width = parsed_rows(table) if parsed is None else parsed
    if not rows:
        return []
    headed_from = _first_multi_cell(rows) + 1
    first = next((i for i, r in enumerate(rows) if number_row(r, False, periods=i < headed_from)), None)
    if first is None:
        first = next((i for i, r in enumerate(rows) if number_row(r, allow_years=True)), None)
    if first is None:  # no number at all ("None" throughout): the header ends at the first such row
        left = min(s.start for r in rows for s in r.slots)
        first = next((i for i, r in enumerate(rows) if nil_row(r, left)), None)
    candidates = rows[:first] if first is not None else rows[: 1 if len(rows) > 1 else 0]
    label_guess = min((s.start for r in rows[first or 0 :] for s in r.slots), default=0)
    candidates = candidates[: next((i for i, r in enumerate(candidates) if nil_row(r, label_guess)), None)]
    last_header = max((i for i, r in enumerate(candidates) if any(s.start > label_guess for s in r.slots)), default=-1)
    header, body = rows[: last_header + 1], rows[last_header + 1 :]
    last_number = max((i for i, r in enumerate(body) if number_row(r, allow_years=True)), default=-1)
    footnotes: list[Footnote] = []
    data: list[GridRow] = []
    for i, row in enumerate(body):
        note = footnote_of(row) or (_note_of(row) if i > last_number >= 0 else None)
        if note is not None:
            footnotes.append(note)
        else:
            data.append(row)
    if not data:
        return []
    used = place_columns(data)
    label_col = _label_column(data, used)
    label_end = _label_end(data, header, label_col, used)
    labels = range(0) if label_col is None or label_end is None else range(label_col, label_end + 1)
    data_cols = sorted(c for c in used if c not in labels)
    if not data_cols:
        return []
    grids: list[Grid] = []
    for heads, part in _sections(data, header, label_col, data_cols, width):
        columns, title = _header_texts(heads, label_col, data_cols, width, label_end)
        filled = {s.col for r in part for s in r.slots}
        keep = [i for i, c in enumerate(data_cols) if columns[i] or c in filled]
        grids.append(Grid([columns[i] for i in keep], label_col, [data_cols[i] for i in keep], part, footnotes,
                          title, nested, label_end))
    return grids


def _sub_label(slot: Slot) -> bool:
    """A cell that can finish a row label: words, not a number, a nil word or a lone marker."""
    text = slot.cell.text
    return (slot.end - slot.start == 1 and slot.parsed.value is None and not nil_word(text)
            and sum(ch.isalpha() for ch in text) >= 2)


def _label_end(rows: list[GridRow], header: list[GridRow], label_col: int | None, used: set[int]) -> int | None:
    """The last column of the row labels.

    Filers who group rows under one label give the group its own column (``Class C`` with
    ``rowspan``, ``if you sell`` / ``if you hold`` beside it): the column right of the labels is
    part of them when it has no header and holds only words, in at least two rows of numbers.
    """
    if label_col is None:
        return None
    nxt = min((c for c in used if c > label_col), default=None)
    if nxt is None or any(label_col < s.start <= nxt < s.end and s.cell.text for r in header for s in r.slots):
        return label_col
    cells = [(r, s) for r in rows for s in r.slots if s.col == nxt]
    numbered = sum(1 for r, _ in cells if number_row(r, allow_years=True))
    if numbered < 2 or not all(_sub_label(s) for _, s in cells):
        return label_col
    return nxt


def _header_like(row: GridRow, label_col: int | None, corner: str = "") -> bool:
    """A body row that reads as column headings: only short texts that are not values, and no
    label, or the label the header row has over the row labels (``corner``): "Annual Fund
    Operating Expenses | Class I | Class R6" under a header "Annual Fund Operating Expenses |
    Class A | Class C" heads the next class group."""
    cells = [s for s in row.slots if s.col != label_col]
    if not cells or number_row(row, allow_years=False):
        return False
    if len(cells) < len(row.slots):
        label = " ".join(s.cell.text for s in row.slots if s.col == label_col)
        if not corner or " ".join(label.casefold().split()) != corner:
            return False
    return all(
        s.cell.text and len(s.cell.text) <= 60 and not _VALUE_WORD.match(s.cell.text)
        and (s.parsed.value is None or _YEAR.match(s.cell.text))
        for s in cells
    )


def _corner(header: list[GridRow], label_col: int | None) -> str:
    """The text the header rows set over the row labels, folded ("" when none)."""
    if label_col is None:
        return ""
    text = " ".join(s.cell.text for r in header for s in r.slots if s.start <= label_col < s.end and s.cell.text)
    return " ".join(text.casefold().split())


def _heading(row: GridRow, label_col: int | None) -> bool:
    """A row of one text in the label column ("If you do not sell your shares:").

    Just above a repeated header it names the section that header starts, so it goes with it
    rather than trailing the section before.
    """
    return (label_col is not None and len(row.slots) == 1 and row.slots[0].col == label_col
            and bool(row.slots[0].cell.text) and row.slots[0].parsed.value is None)


def _repeats_header(row: GridRow, label_col: int | None, data_cols: list[int], columns: list[str]) -> bool:
    """A labelled row whose other cells repeat the column headers above it: the header of a second
    part of the table that names the part in its label cell ("Annual Fund Operating Expenses |
    Class A | Class C" under "Shareholder Fees | Class A | Class C"), footnote markers aside. A
    header read from several rows, or from lines of one cell, may be repeated by its last row only
    ("A" under "Class" / "A") or by its first line only ("Class A" under "Class A<br>ABCAX", the
    ticker given once)."""
    labels = [s for s in row.slots if s.col == label_col]
    if label_col is None or len(labels) != 1 or labels[0].parsed.value is not None or not any(columns):
        return False
    texts = {s.col: s.cell.text for s in row.slots if s.col != label_col}
    if len(texts) != len(row.slots) - 1:
        return False
    return all(
        (text := _folded(texts[c]) if c in texts else "") == head
        or (bool(text) and (head.endswith(" " + text) or head.startswith(text + " ")))
        for c, head in zip(data_cols, (_folded(h) for h in columns), strict=True)
    )


def _folded(text: str) -> str:
    """``text`` without its markers, case folded: a cell compared with a column header. Folded
    when compared, column by column until one differs, not every cell of the row first: a row of
    prose cells (a table of paragraphs) is mostly long text that the first column already rules out."""
    return split_markers(text)[0].casefold()


def _label_text(row: GridRow, label_col: int | None) -> str:
    return " ".join(s.cell.text for s in row.slots if s.col == label_col)


def _finishes_label(above: GridRow, row: GridRow, label_col: int | None) -> bool:
    """Whether ``row``, a lone label, is the rest of the label of the row of values ``above`` it
    (values on a wrapped label's first row), not a heading over what follows."""
    return number_row(above, allow_years=True) and continues(_label_text(above, label_col),
                                                             _label_text(row, label_col))


def _sections(
    rows: list[GridRow], header: list[GridRow], label_col: int | None, data_cols: list[int], width: int
) -> list[tuple[list[GridRow], list[GridRow]]]:
    """Split where the body repeats a header row (with new column labels, or with the same ones
    and a label naming the part, or new ones under the label the header has over the row labels)
    above more numbers.

    The same column labels repeated alone, with no label or heading naming a part, after a page
    break marked in the rows (a rule, a page-break style), are the header a typesetter repeats at
    the top of each page of a long table: they are dropped and the section goes on, as the text
    reader joins sections of the same headers."""
    columns = _header_texts(header, label_col, data_cols, width)[0]
    corner = _corner(header, label_col)
    cuts: list[tuple[int, int]] = []
    for i in range(1, len(rows) - 1):
        repeated = _header_like(rows[i], label_col, corner) or _repeats_header(rows[i], label_col, data_cols, columns)
        if repeated and number_row(rows[i + 1], allow_years=True):
            start = i
            floor = cuts[-1][1] if cuts else 0
            while start - 1 > floor and _header_like(rows[start - 1], label_col):
                start -= 1
            if start - 1 > floor and _heading(rows[start - 1], label_col) and not _finishes_label(
                rows[start - 2], rows[start - 1], label_col
            ):
                start -= 1
            cuts.append((start, i + 1))
    sections: list[tuple[list[GridRow], list[GridRow]]] = []
    heads, begin = header, 0
    kept: list[GridRow] = []
    for start, end in cuts:
        repeat = rows[start:end]
        labels = _header_texts(repeat, label_col, data_cols, width)[0]
        if (labels == columns and all(_header_like(r, label_col, corner) for r in repeat)
                and rows_break_page(rows[start - 1].element, rows[end - 1].element)):
            kept.extend(rows[begin:start])
            begin = end
            continue
        sections.append((heads, [*kept, *rows[begin:start]]))
        heads, begin, kept, columns = repeat, end, [], labels
    sections.append((heads, [*kept, *rows[begin:]]))
    return [(h, part) for h, part in sections if part]
