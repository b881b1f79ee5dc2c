"""A fee table seen per share class, whatever its layout.

In the usual layout classes are columns and fee items rows; in a transposed table classes (or
funds) are rows and fee items columns. The checks work on :class:`ClassFees` so that both layouts
get the same arithmetic and the same findings, each located at the cell it concerns.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Final

import regex

from ..classify.labels import normalize
from ..model import Cell, Table
from ..share_classes import CLASS_WORD


@dataclass(frozen=True)
class Item:
    """One fee cell: its concept, value as written and location (line, row label, column)."""

    concept: str
    value: Decimal | None
    label: str
    where: tuple[int, str, str]


@dataclass
class ClassFees:
    """The fee items of one class (one column, or one row of a transposed table)."""

    name: str
    class_id: str | None = None
    """The share-class ID that inline XBRL (or the reader) ties to the class, if any."""
    items: list[Item] = field(default_factory=list)
    unnamed: list[Item] = field(default_factory=list)
    """Cells of rows without a concept between the first operating expense and the gross total."""

    def of(self, concept: str) -> list[Item]:
        return [i for i in self.items if i.concept == concept]

    def first(self, concept: str) -> Item | None:
        """The first cell of ``concept`` that holds a number."""
        return next((i for i in self.items if i.concept == concept and i.value is not None), None)

    def has(self, concept: str) -> bool:
        return any(i.concept == concept for i in self.items)


def column_name(table: Table, index: int) -> str:
    """A column's header; for the one column of a table without a header, the class its title
    names ("CLASS B SHARES" set right above a 1990s fee table of one class); else "column N"."""
    header = table.columns[index] if index < len(table.columns) else ""
    if not header.strip() and len(table.columns) == 1 and table.title and CLASS_WORD.search(normalize(table.title)):
        return table.title
    return header or f"column {index + 1}"


def tagged_class(cells: Sequence[Cell]) -> str | None:
    """The share-class ID most of ``cells`` carry in their XBRL facts."""
    ids = Counter(c.xbrl.class_id for c in cells if c.xbrl is not None and c.xbrl.class_id)
    return ids.most_common(1)[0][0] if ids else None


def column_class(table: Table, index: int) -> str | None:
    """Share-class ID of a column: from the reader's ``column_classes`` or the column's facts."""
    if table.column_classes is not None and index < len(table.column_classes) and table.column_classes[index]:
        return table.column_classes[index]
    return tagged_class([r.cells[index] for r in table.rows if index < len(r.cells)])


def fee_classes(table: Table) -> list[ClassFees]:
    """One :class:`ClassFees` per class of a classified fee table."""
    if table.column_concepts is not None:
        return _transposed_classes(table, table.column_concepts)
    classes = [ClassFees(column_name(table, j), column_class(table, j)) for j in range(len(table.columns))]
    operating = False
    for row in table.rows:
        if row.concept == "ExpensesOverAssets":
            operating = False
        elif row.concept in OPERATING_ITEMS:
            operating = True
        if row.concept is None:
            for j, cell in enumerate(row.cells[: len(classes)] if operating else ()):
                classes[j].unnamed.append(Item("", cell.value, row.label, (row.line, row.label, classes[j].name)))
            continue
        for j, cell in enumerate(row.cells[: len(classes)]):
            classes[j].items.append(Item(row.concept, cell.value, row.label, (row.line, row.label, classes[j].name)))
    return classes


def _transposed_classes(table: Table, concepts: Sequence[str | None]) -> list[ClassFees]:
    """:func:`fee_classes` of a table of classes by fee type; as in the usual layout, columns
    without a concept between the first operating expense and the gross total are ``unnamed``
    (an interest expense line that the total includes)."""
    operating = [False] * len(concepts)
    inside = False
    for j, concept in enumerate(concepts):
        inside = concept in OPERATING_ITEMS or (inside and concept != "ExpensesOverAssets")
        operating[j] = inside and concept is None
    out = []
    for row in table.rows:
        if not row.has_text:
            continue  # a class whose cells all read "none" still states its (absent) charges
        fees = ClassFees(row.label or f"line {row.line}", tagged_class(row.cells))
        for j, (concept, cell) in enumerate(zip(concepts, row.cells, strict=False)):
            where = (row.line, row.label, column_name(table, j))
            if concept:
                fees.items.append(Item(concept, cell.value, table.columns[j], where))
            elif operating[j]:
                fees.unnamed.append(Item("", cell.value, table.columns[j], where))
        out.append(fees)
    return out


OPERATING_ITEMS: Final = frozenset({
    "ManagementFeesOverAssets", "DistributionAndService12b1FeesOverAssets",
    "DistributionOrSimilarNon12b1FeesOverAssets", "OtherExpensesOverAssets",
})
_PLAN_CLASS: Final = regex.compile(r"^529[\- ]?([a-z])$")
def base_keys(key: str) -> Iterator[str]:
    """``key`` then its plan-less form: a 529 or retirement version shares the base class's loads."""
    yield key
    m = _PLAN_CLASS.match(key)
    if m:
        yield m.group(1)
