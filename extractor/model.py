"""The one data model every stage shares.

Readers (plain text, HTML) produce these objects; the classifier, validator, writers and batch
runner consume only them. A plain-text fee table and the same table in HTML give equal objects.
The module imports nothing else of the package so that any stage may depend on it.

The classes built for every cell, row, table and finding (``XbrlFact``, ``Cell``, ``Row``,
``Footnote``, ``Table``, ``Finding``) write out their ``__init__`` (``init=False``): mypyc compiles
the methods written in a class but runs those that ``dataclass`` generates as interpreted Python,
so in the compiled build each of these objects cost a trip through the interpreter. Written out,
the constructor is compiled and its ``object.__setattr__`` calls become direct slot stores; in the
pure build it does what the generated one does (a frozen dataclass's ``__init__`` sets its fields
with ``object.__setattr__`` too). Fields, defaults and argument order are those of the fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Final, Literal

if TYPE_CHECKING:
    import pandas as pd

Kind = Literal["fees", "expense_example", "other"]
Unit = Literal["percent", "usd"]
Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True, slots=True, init=False)
class XbrlFact:
    """An inline XBRL fact attached to the cell that renders it."""

    concept: str
    """Prefixed name as tagged, e.g. ``rr:ManagementFeesOverAssets``."""
    value: Decimal
    """The value as tagged, after ``scale`` and ``sign``."""
    class_id: str | None = None
    series_id: str | None = None
    context: str = ""

    def __init__(self, concept: str, value: Decimal, class_id: str | None = None, series_id: str | None = None,
                 context: str = "") -> None:
        object.__setattr__(self, "concept", concept)
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "class_id", class_id)
        object.__setattr__(self, "series_id", series_id)
        object.__setattr__(self, "context", context)


@dataclass(frozen=True, slots=True, init=False)
class Cell:
    """One data cell: the text as written and the number it states."""

    text: str
    value: Decimal | None = None
    unit: Unit | None = None
    footnotes: tuple[str, ...] = ()
    xbrl: XbrlFact | None = None

    def __init__(self, text: str, value: Decimal | None = None, unit: Unit | None = None,
                 footnotes: tuple[str, ...] = (), xbrl: XbrlFact | None = None) -> None:
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "unit", unit)
        object.__setattr__(self, "footnotes", footnotes)
        object.__setattr__(self, "xbrl", xbrl)

    def with_xbrl(self, xbrl: XbrlFact | None) -> Cell:
        """This cell with another inline XBRL fact. This and the other ``with_``/``without_``
        copies below do what ``dataclasses.replace`` does, compiled: in the compiled build a
        ``replace`` is an interpreted pass over the fields (14,000 instructions for a cell,
        39,000 for a table). Every other field is kept (``test_s11_build_model``)."""
        return Cell(self.text, self.value, self.unit, self.footnotes, xbrl)

    def without_value(self) -> Cell:
        """This cell stating no number (a code, not a quantity), text and markers kept."""
        return Cell(self.text, None, self.unit, self.footnotes, self.xbrl)


EMPTY_CELL: Final = Cell("")


@dataclass(frozen=True, slots=True, init=False)
class Row:
    """One table row; ``line`` is the line that holds its first data cell."""

    line: int
    label: str
    cells: tuple[Cell, ...]
    concept: str | None = None
    label_footnotes: tuple[str, ...] = ()

    def __init__(self, line: int, label: str, cells: tuple[Cell, ...], concept: str | None = None,
                 label_footnotes: tuple[str, ...] = ()) -> None:
        object.__setattr__(self, "line", line)
        object.__setattr__(self, "label", label)
        object.__setattr__(self, "cells", cells)
        object.__setattr__(self, "concept", concept)
        object.__setattr__(self, "label_footnotes", label_footnotes)

    def with_cells(self, cells: tuple[Cell, ...]) -> Row:
        """This row with other cells (see :meth:`Cell.with_xbrl`)."""
        return Row(self.line, self.label, cells, self.concept, self.label_footnotes)

    def with_concept(self, concept: str | None) -> Row:
        """This row with another concept (see :meth:`Cell.with_xbrl`)."""
        return Row(self.line, self.label, self.cells, concept, self.label_footnotes)

    @property
    def has_values(self) -> bool:
        """Plain loops here and in ``has_text``: the classifier, the validator and the readers ask
        this of every row, and a generator paid a resumption per cell (as in ``Table.has_xbrl``)."""
        for cell in self.cells:  # noqa: SIM110 - a loop, not any(), as said above
            if cell.value is not None:
                return True
        return False

    @property
    def has_text(self) -> bool:
        for cell in self.cells:  # noqa: SIM110 - a loop, not any(), as in has_values
            if cell.text:
                return True
        return False


@dataclass(frozen=True, slots=True, init=False)
class Footnote:
    marker: str
    text: str

    def __init__(self, marker: str, text: str) -> None:
        object.__setattr__(self, "marker", marker)
        object.__setattr__(self, "text", text)


LEAD_CHARS = 1000
"""How much prose before a table :attr:`Table.lead` keeps: an example's lead-in paragraph."""


@dataclass(frozen=True, slots=True, init=False)
class Table:
    """One section of one table of a filing."""

    id: str
    line: int
    """1-based line of the ``<TABLE>`` tag (or ``<table`` start tag) in the input file."""
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    section: int = 0
    end_line: int = 0
    document: int = 1
    caption: str = ""
    kind: Kind = "other"
    column_concepts: tuple[str | None, ...] | None = None
    footnotes: tuple[Footnote, ...] = ()
    context: str = ""
    """Prose just before and after the table (waiver terms, conversion periods), for checks."""
    layout: Literal["text", "html"] = "text"
    column_classes: tuple[str | None, ...] | None = None
    """Share-class IDs of the columns where they could be matched (from XBRL or the header)."""
    lead: str = ""
    """Up to about :data:`LEAD_CHARS` characters of the prose before the table: the whole lead-in
    of an example, whose cues (a conversion, a waiver that never ends) often lie further from the
    table than ``context`` reaches. Only the checks read it; ``context`` keeps the narrow window
    that decides kinds and redemption readings."""
    title: str = ""
    """The lone heading set right above the table, outside it ("CLASS B SHARES" over a 1990s
    per-class fee table whose header is blank), "" when prose or nothing stands there. Not
    part of the JSON output; the same words also open ``context``."""

    def __init__(self, id: str, line: int, columns: tuple[str, ...], rows: tuple[Row, ...], section: int = 0,
                 end_line: int = 0, document: int = 1, caption: str = "", kind: Kind = "other",
                 column_concepts: tuple[str | None, ...] | None = None, footnotes: tuple[Footnote, ...] = (),
                 context: str = "", layout: Literal["text", "html"] = "text",
                 column_classes: tuple[str | None, ...] | None = None, lead: str = "",
                 title: str = "") -> None:
        object.__setattr__(self, "id", id)
        object.__setattr__(self, "line", line)
        object.__setattr__(self, "columns", columns)
        object.__setattr__(self, "rows", rows)
        object.__setattr__(self, "section", section)
        object.__setattr__(self, "end_line", end_line)
        object.__setattr__(self, "document", document)
        object.__setattr__(self, "caption", caption)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "column_concepts", column_concepts)
        object.__setattr__(self, "footnotes", footnotes)
        object.__setattr__(self, "context", context)
        object.__setattr__(self, "layout", layout)
        object.__setattr__(self, "column_classes", column_classes)
        object.__setattr__(self, "lead", lead)
        object.__setattr__(self, "title", title)

    def renumbered(self, id: str) -> Table:
        """This table under another id: the pipeline numbers every input's tables in file order
        (see :meth:`Cell.with_xbrl`)."""
        return Table(id, self.line, self.columns, self.rows, self.section, self.end_line, self.document,
                     self.caption, self.kind, self.column_concepts, self.footnotes, self.context, self.layout,
                     self.column_classes, self.lead, self.title)

    @property
    def has_xbrl(self) -> bool:
        """Whether any cell carries an inline XBRL fact; plain loops, as the classifier and the
        validator look at every cell of tables that mostly have none (a generator paid a
        resumption per cell)."""
        for row in self.rows:
            for cell in row.cells:
                if cell.xbrl is not None:
                    return True
        return False

    def to_frame(self) -> pd.DataFrame:
        """Wide DataFrame: labels as index, headers as columns, numbers as floats, facts in attrs."""
        from .writers import table_frame  # the model stays import-free at load time

        return table_frame(self)


@dataclass(frozen=True, slots=True, init=False)
class Finding:
    """One problem found by a check, located at the cell it concerns."""

    check: str
    severity: Severity
    table: str
    line: int
    row: str
    column: str
    expected: str
    found: str
    message: str

    def __init__(self, check: str, severity: Severity, table: str, line: int, row: str, column: str, expected: str,
                 found: str, message: str) -> None:
        object.__setattr__(self, "check", check)
        object.__setattr__(self, "severity", severity)
        object.__setattr__(self, "table", table)
        object.__setattr__(self, "line", line)
        object.__setattr__(self, "row", row)
        object.__setattr__(self, "column", column)
        object.__setattr__(self, "expected", expected)
        object.__setattr__(self, "found", found)
        object.__setattr__(self, "message", message)


@dataclass(frozen=True, slots=True)
class ShareClass:
    series_id: str | None
    series_name: str | None
    class_id: str | None
    class_name: str | None
    ticker: str | None = None


@dataclass(frozen=True, slots=True)
class Header:
    """Fields of the SEC header; all ``None`` for a bare document."""

    accession_number: str | None = None
    form_type: str | None = None
    company: str | None = None
    cik: str | None = None
    filed: str | None = None
    series: tuple[ShareClass, ...] = ()


@dataclass(frozen=True, slots=True)
class Document:
    """One ``<DOCUMENT>`` of a submission (or the whole input, for a bare document)."""

    sequence: int | None
    type: str | None
    filename: str | None
    line: int
    """1-based line where the document starts in the input."""
    text: str = field(repr=False, default="")
    """The document's text (the body of ``<TEXT>``), lines joined by ``\\n``."""
    text_line: int = 1
    """Input line number of the first line of ``text``."""
    description: str | None = None
    is_html: bool = False
    skipped: str | None = None
    """Why the document's text is not read for tables (uuencoded, PDF, graphic), or ``None``."""


@dataclass(frozen=True, slots=True)
class Filing:
    source: str
    header: Header
    documents: tuple[Document, ...]
    tables: tuple[Table, ...] = ()
    findings: tuple[Finding, ...] = ()
