"""The figures of an expense example and the fee-table inputs of each of its classes.

An example is a set of series, one per class and redemption assumption, whatever its layout
(years as rows or as columns, redemption variants as rows, columns or heading rows). Each series
is matched to the fee tables of the same document by class name; the inputs are the expense
ratios, the front-end load and the maximum deferred sales charge of that class.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Final

import regex

from ..classify import redemption_mode
from ..classify.examples import example_period, row_status
from ..model import Table
from ..share_classes import class_key
from .fees import COMPONENTS, GROSS, NET
from .grid import ClassFees, base_keys, column_class, column_name, fee_classes, tagged_class
from .schedules import Schedule, table_schedules

PURCHASE: Final = "MaximumSalesChargeImposedOnPurchasesOverOfferingPrice"
DEFERRED: Final = ("MaximumDeferredSalesChargeOverOfferingPrice", "MaximumDeferredSalesChargeOverOther")
OTHER_FEE: Final = "ShareholderFeeOther"
_PURCHASE_FEE: Final = regex.compile(r"\bpurchase\s+fee", regex.I)
"""A fee the fund keeps from every purchase ("Purchase Fee"): it comes off the $10,000 like a
front-end load. A "Transaction Fee on Purchases and Sales" (an ETF's, paid through a broker) is not one."""


@dataclass(frozen=True)
class Figure:
    years: int
    value: Decimal
    where: tuple[int, str, str]


@dataclass
class Series:
    """The figures of one class under one redemption assumption (``None``: not stated)."""

    name: str
    key: str
    redeemed: bool | None
    class_id: str | None = None
    figures: dict[int, Figure] = field(default_factory=dict)

    @property
    def keys(self) -> list[str]:
        """Keys to look the class up by: its XBRL class ID first, then its name."""
        return [f"id:{self.class_id}", self.key] if self.class_id else [self.key]


@dataclass
class Inputs:
    """What the fee tables say about one class; ``None`` where they say nothing."""

    gross: Decimal | None = None
    net: Decimal | None = None
    load: Decimal | None = None
    cdsc: Decimal | None = None


_CLASS_HEADING: Final = regex.compile(r"\bclass\b|\bshares\b", regex.I)


def example_series(table: Table) -> list[Series]:
    """Series of an example table, years as rows or as columns."""
    out: dict[tuple[int, str, bool | None], Series] = {}

    def add(index: int, name: str, mode: bool | None, figure: Figure, group: str = "") -> None:
        """File ``figure`` under its series, made (with its class key and tag) at its first figure."""
        series = out.get((index, group, mode))
        if series is None:
            tag = column_class(table, index) if table.column_concepts is None else tagged_class(table.rows[index].cells)
            series = out[index, group, mode] = Series(group or name, class_key(group or name), mode, tag)
        series.figures.setdefault(figure.years, figure)

    caption_mode = redemption_mode(table.caption) if table.caption else None
    if table.column_concepts is None:
        heading: bool | None = caption_mode
        group = ""
        for row in table.rows:
            if not row.has_values:
                mode = redemption_mode(row.label) if row.label else None
                heading = mode if mode is not None else heading
                if mode is None and _CLASS_HEADING.search(row.label):
                    group = row.label  # "Class B" over its own 1/3/5/10-year rows
                continue
            period = example_period(row.concept)
            if period is None:
                continue
            label_mode = redemption_mode(row.label)
            for j, cell in enumerate(row.cells):
                if cell.value is None:
                    continue
                header = column_name(table, j)
                mode = False if period[1] else redemption_mode(header)
                if mode is None:
                    mode = label_mode if label_mode is not None else heading
                add(j, header, mode, Figure(period[0], cell.value, (row.line, row.label, header)), group)
        return list(out.values())
    heading_ = caption_mode
    owner = ""
    above = ""
    for i, row in enumerate(table.rows):
        label_mode = redemption_mode(row.label)
        if not row.has_values:
            above = ""
            heading_ = label_mode if label_mode is not None else heading_  # "If you do not sell:" above rows
            if label_mode is None and _CLASS_HEADING.search(row.label):
                owner = row.label  # "Class B Shares" over "Assuming redemption" / "... no redemption"
            continue
        if label_mode is None or _CLASS_HEADING.search(row.label):
            owner = ""  # a row naming its own class ends the heading's rows
        group = owner if label_mode is not None else ""
        if not row.label and above and not group:
            group = above  # "Class C | Sold | $255 ..." then " | Held | $155 ...": the class cell printed once
        elif row.label:
            above = row.label if label_mode is None else ""  # a class, not "If you sell" over unnamed rows
        stated = label_mode if label_mode is not None else row_status(row, table.column_concepts)
        for j, (concept, cell) in enumerate(zip(table.column_concepts, row.cells, strict=False)):
            period = example_period(concept)
            if period is None or cell.value is None:
                continue
            header = column_name(table, j)
            mode = False if period[1] else stated if stated is not None else redemption_mode(header)
            if mode is None:
                mode = heading_
            add(i, row.label, mode, Figure(period[0], cell.value, (row.line, row.label, header)), group)
    return list(out.values())


@dataclass(frozen=True)
class DocumentIndex:
    """The tables of one document, sorted once for what each of its expense examples looks up.

    An example takes the fee tables before it (back to the earlier example before the nearest
    of them), the earlier parts of itself and the CDSC schedules the document prints. Scanning
    the whole document for each example was quadratic in a document of thousands of examples
    and fee tables; here fee tables and examples are sorted by (line, section), their places in
    the document beside them, so that each look-up is a bisection plus the tables it returns,
    put back in document order (which decides the order of ties and of the prose read).
    Built by :func:`document_index` from every table of the document, the example included.
    """

    fees: tuple[Table, ...]
    """The fee tables by (line, section), then in document order."""
    fee_keys: tuple[tuple[int, int], ...]
    fee_places: tuple[int, ...]
    examples: tuple[Table, ...]
    """The expense examples by (line, section), then in document order."""
    example_keys: tuple[tuple[int, int], ...]
    example_places: tuple[int, ...]
    scheduled: tuple[tuple[Table, tuple[Schedule, ...]], ...]
    """The tables that print a declining CDSC schedule, in document order, with their schedules."""
    schedules_by_table: dict[int, tuple[Schedule, ...]]
    """The schedules of each of ``scheduled`` by its ``id`` (the index keeps the tables alive)."""
    all_schedules: tuple[Schedule, ...]
    prose: dict[int, str]
    """The prose of each fee table and example (its context and footnotes, whitespace made single
    spaces) by ``id``: an example reads that of the tables before it, and a document of hundreds of
    examples after one fee table had every example split and join the prose of all before it."""
    classes: dict[int, tuple[Table, list[ClassFees]]]
    """The :func:`fee_classes` of each fee table read so far, by ``id`` (with the table, so that
    an ``id`` reused by a later object is never taken for it): the fee checks and every example
    after a fee table read its classes, and a document may have hundreds of examples."""

    def fee_classes(self, table: Table) -> list[ClassFees]:
        """:func:`fee_classes` of ``table``, read once per document. The checks only read them."""
        entry = self.classes.get(id(table))
        if entry is None or entry[0] is not table:
            entry = self.classes[id(table)] = (table, fee_classes(table))
        return entry[1]

    def fee_tables(self, example: Table) -> list[Table]:
        """Fee tables that belong to ``example``: nearest first, after the example before them (an
        example printed in parts, "if you sell" and "if you do not sell", keeps its fee tables);
        every other fee table of the document when none is before it."""
        end = bisect_left(self.fee_keys, (example.line, example.section))
        if not end:
            every = _in_document_order(self.fees, self.fee_places, 0, len(self.fees))
            return sorted((t for t in every if t is not example), key=lambda t: (t.line, t.section), reverse=True)
        nearest = self.fee_keys[end - 1][0]
        # examples between the nearest fee table and this one are earlier parts of the same example
        earlier = bisect_left(self.example_keys, nearest, key=_line)
        start = 0
        if earlier:
            previous = self.example_keys[earlier - 1][0]
            start = bisect_right(self.fee_keys, previous, 0, end, key=_line)
        chosen = _in_document_order(self.fees, self.fee_places, start, end)
        return sorted(chosen, key=lambda t: (t.line, t.section), reverse=True)

    def sibling_examples(self, example: Table, fees: Sequence[Table]) -> list[Table]:
        """Example tables between ``example``'s nearest fee table and itself: the parts of one
        example printed as several tables ("If you sell your shares:" and "If you do not sell:"),
        which share the prose above the first part (waiver term, conversion period)."""
        after = max(((t.line, t.section) for t in fees), default=(0, 0))
        start = bisect_right(self.example_keys, after)
        end = bisect_left(self.example_keys, (example.line, example.section))
        return _in_document_order(self.examples, self.example_places, start, end)

    def schedules(self, example: Table) -> tuple[Schedule, ...]:
        """The CDSC schedules an example reads: its own, then those of the other tables in
        document order."""
        own = self.schedules_by_table.get(id(example), ())
        if not own:
            return self.all_schedules
        others = (s for table, found in self.scheduled if table is not example for s in found)
        return (*own, *others)


def _line(key: tuple[int, int]) -> int:
    """The line of a (line, section) key, to bisect the keys by line alone."""
    return key[0]


def _in_document_order(tables: Sequence[Table], places: Sequence[int], start: int, end: int) -> list[Table]:
    """``tables[start:end]`` in the order of their ``places`` in the document."""
    return [tables[k] for k in sorted(range(start, end), key=places.__getitem__)]


def document_index(tables: Sequence[Table]) -> DocumentIndex:
    """The :class:`DocumentIndex` of ``tables``, every table of one document."""
    fees, examples = _places(tables, "fees"), _places(tables, "expense_example")
    scheduled = [(t, found) for t in tables if (found := tuple(table_schedules(t)))]
    return DocumentIndex(
        tuple(tables[k] for k in fees), tuple((tables[k].line, tables[k].section) for k in fees), tuple(fees),
        tuple(tables[k] for k in examples), tuple((tables[k].line, tables[k].section) for k in examples),
        tuple(examples),
        tuple(scheduled), {id(t): found for t, found in scheduled}, tuple(s for _, found in scheduled for s in found),
        {id(tables[k]): _prose(tables[k]) for k in (*fees, *examples)}, {},
    )


def _prose(table: Table) -> str:
    """The context and footnotes of ``table``, whitespace made single spaces."""
    return " ".join(" ".join([table.context, *(f.text for f in table.footnotes)]).split())


def _places(tables: Sequence[Table], kind: str) -> list[int]:
    """The places of the tables of ``kind`` in ``tables``, by (line, section), then place."""
    places = [k for k, table in enumerate(tables) if table.kind == kind]
    return sorted(places, key=lambda k: (tables[k].line, tables[k].section))


def fee_tables(example: Table, related: Sequence[Table]) -> list[Table]:
    """:meth:`DocumentIndex.fee_tables` of ``example`` among ``related``, the other tables of its document."""
    return document_index([example, *related]).fee_tables(example)


def _ratio(fees: ClassFees, concept: str) -> Decimal | None:
    item = fees.first(concept)
    return item.value if item is not None else None


def class_inputs(example: Table, related: Sequence[Table]) -> tuple[dict[str, Inputs], bool]:
    """:func:`indexed_class_inputs` of ``example`` among ``related``, the other tables of its document."""
    return indexed_class_inputs(example, document_index([example, *related]))


def indexed_class_inputs(example: Table, index: DocumentIndex) -> tuple[dict[str, Inputs], bool]:
    """Per class key, the inputs of the example; and whether any sales charge row exists."""
    inputs: dict[str, Inputs] = {}
    loads_stated = False
    for table in index.fee_tables(example):
        for fees in index.fee_classes(table):
            purchase_fee = _purchase_fee(fees)
            loads_stated = loads_stated or fees.has(PURCHASE) or purchase_fee is not None
            keys = [class_key(fees.name), f"id:{fees.class_id}" if fees.class_id else ""]
            for key in filter(None, keys):
                _absorb(inputs.setdefault(key, Inputs()), fees, purchase_fee)
    return inputs, loads_stated


def _absorb(got: Inputs, fees: ClassFees, purchase_fee: Decimal | None) -> None:
    """Fill what ``got`` does not know yet from one class of one fee table (nearest tables first);
    ``purchase_fee`` is the class's :func:`_purchase_fee`, taken like a front-end load."""
    gross, net = _ratio(fees, GROSS), _ratio(fees, NET)
    if gross is None:
        # no (readable) gross total row: the items state it, and a waiver's term needs it
        parts = [i.value for c in COMPONENTS for i in fees.of(c) if i.value is not None]
        gross = sum(parts, Decimal(0)) if parts else None
    got.gross = got.gross if got.gross is not None else gross
    got.net = got.net if got.net is not None else net
    if (fees.has(PURCHASE) or purchase_fee is not None) and got.load is None:
        got.load = (_ratio(fees, PURCHASE) or Decimal(0)) + (purchase_fee or Decimal(0))
    if any(fees.has(c) for c in DEFERRED) and got.cdsc is None:
        got.cdsc = next((v for c in DEFERRED if (v := _ratio(fees, c)) is not None), Decimal(0))


def _purchase_fee(fees: ClassFees) -> Decimal | None:
    """The purchase fee of one class, a percentage of the amount invested, if a row states one."""
    return next((i.value for i in fees.of(OTHER_FEE) if i.value is not None and _PURCHASE_FEE.search(i.label)), None)


def lookup(inputs: dict[str, Inputs], key: str) -> Inputs | None:
    """Ratios of exactly this class; loads and CDSC may come from the base class of a 529 plan."""
    own = inputs.get(key)
    if own is None or (own.gross is None and own.net is None) or not _plausible(own):
        return None
    merged = Inputs(own.gross, own.net, own.load, own.cdsc)
    for base in base_keys(key):
        other = inputs.get(base)
        if other is None:
            continue
        merged.load = merged.load if merged.load is not None else other.load
        merged.cdsc = merged.cdsc if merged.cdsc is not None else other.cdsc
    return merged


def _plausible(inputs: Inputs) -> bool:
    """Percentages a fee table can state; anything else is a misread cell, not an input."""
    ratios = [inputs.gross, inputs.net]
    charges = [inputs.load, inputs.cdsc]
    return all(v is None or 0 <= v <= 50 for v in ratios) and all(v is None or 0 <= v < 100 for v in charges)


def lookup_series(inputs: dict[str, Inputs], series: Series) -> Inputs | None:
    """Inputs of a series by class ID, completed by name (a shareholder-fee table may be untagged)."""
    found = [got for key in series.keys if (got := lookup(inputs, key)) is not None]
    if not found:
        return None
    merged = found[0]
    for other in found[1:]:
        merged.load = merged.load if merged.load is not None else other.load
        merged.cdsc = merged.cdsc if merged.cdsc is not None else other.cdsc
    return merged


def document_context(example: Table, related: Sequence[Table]) -> str:
    """:func:`indexed_document_context` of ``example`` among ``related``, the other tables of its document."""
    return indexed_document_context(example, document_index([example, *related]))


def indexed_document_context(example: Table, index: DocumentIndex) -> str:
    """The prose an example's checks read: its own (its whole lead-in too), its fee tables' and
    that of the earlier parts of the same example."""
    fees = index.fee_tables(example)
    prose = index.prose
    own = prose.get(id(example))
    parts = [example.lead, _prose(example) if own is None else own]  # a lead's blanks are single already
    parts.extend(prose[id(table)] for table in [*index.sibling_examples(example, fees), *fees])
    return " ".join(part for part in parts if part)  # as the joined texts split into words and joined again
