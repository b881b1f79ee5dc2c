"""The document index of the expense-example checks gives what the scans of ``related`` gave.

An example reads its document through three look-ups: its fee tables, the earlier parts of itself
(whose prose joins its context) and the CDSC schedules the document prints. Each is compared here
with the code it replaced, on random documents (tables out of line order, equal lines and
sections, examples with schedules of their own) and on real filings put together in varied
orders. No timing: ``benchmarks/adversarial.py`` measures the growth.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path

import pytest

from extractor.checks import validate, validate_tables
from extractor.checks.example import example_checks, indexed_example_checks
from extractor.checks.schedules import Schedule, cdsc_schedules
from extractor.checks.series import (
    class_inputs,
    document_context,
    document_index,
    fee_tables,
    indexed_class_inputs,
    indexed_document_context,
)
from extractor.model import Row, Table
from extractor.pipeline import extract_bytes
from extractor.values import parse_cell

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
KINDS = ("fees", "expense_example", "other")
ACROSS = [("CLASS B SHARES SOLD WITHIN YEAR", ["1", "2", "3", "4", "5", "6"]),
          ("CONTINGENT DEFERRED SALES CHARGE", ["5%", "4%", "4%", "3%", "2%", "1%"])]
DOWN = [("First", ["5.0%"]), ("Second", ["4.0%"]), ("Third", ["3.0%"]), ("Seventh and thereafter", ["None"])]


def _fee_tables_before(example: Table, related: Sequence[Table]) -> list[Table]:
    """``series.fee_tables`` before the index: a scan of ``related`` per example."""
    line, section = example.line, example.section
    before = [t for t in related if t.kind == "fees" and (t.line < line or (t.line == line and t.section < section))]
    nearest = max((t.line for t in before), default=example.line)
    previous = max((t.line for t in related if t.kind == "expense_example" and t.line < nearest), default=None)
    own = [t for t in before if previous is None or t.line > previous]
    chosen = own or before or [t for t in related if t.kind == "fees"]
    return sorted(chosen, key=lambda t: (t.line, t.section), reverse=True)


def _context_before(example: Table, related: Sequence[Table]) -> str:
    """``series.document_context`` before the index, with its scan for the earlier parts."""
    texts = [example.context, *(f.text for f in example.footnotes)]
    fees = _fee_tables_before(example, related)
    start = max(((t.line, t.section) for t in fees), default=(0, 0))
    here = (example.line, example.section)
    siblings = [t for t in related if t.kind == "expense_example" and start < (t.line, t.section) < here]
    for table in [*siblings, *fees]:
        texts.append(table.context)
        texts.extend(f.text for f in table.footnotes)
    return " ".join(" ".join(texts).split())


def _schedules_before(example: Table, related: Sequence[Table]) -> list[Schedule]:
    """The schedules ``_recomputed`` read before the index."""
    return cdsc_schedules([example, *related])


def _random_document(rng: random.Random) -> list[Table]:
    """Tables of random kinds at random (often equal) lines and sections, in no particular order;
    each with its own context, some printing a CDSC schedule."""
    tables = []
    for n in range(rng.randint(1, 14)):
        kind = rng.choice(KINDS)
        line = rng.randint(1, 25)
        rows: list[tuple[str, list[str]]] = []
        columns = ["A"]
        shape = rng.random()
        if shape < 0.15:
            rows, columns = ACROSS, [""] * 6
        elif shape < 0.25:
            rows, columns = DOWN, ["CDSC AS A PERCENTAGE OF AMOUNT REDEEMED"]
        built = tuple(Row(line=line + 2 + i, label=label, cells=tuple(parse_cell(c) for c in cells))
                      for i, (label, cells) in enumerate(rows))
        tables.append(Table(id=f"t{n}", line=line, columns=tuple(columns), rows=built, section=rng.randint(0, 2),
                            kind=kind, context=f"prose of t{n} ({kind})"))
    return tables


@pytest.mark.parametrize("seed", range(300))
def test_index_look_ups_equal_the_scans(seed: int) -> None:
    rng = random.Random(seed)
    tables = _random_document(rng)
    index = document_index(tables)
    for example in tables:
        related = [t for t in tables if t is not example]
        assert index.fee_tables(example) == _fee_tables_before(example, related)
        assert [t.id for t in index.fee_tables(example)] == [t.id for t in _fee_tables_before(example, related)]
        assert indexed_document_context(example, index) == _context_before(example, related)
        assert list(index.schedules(example)) == _schedules_before(example, related)
        # the functions of ``related`` build their own index and agree
        assert fee_tables(example, related) == _fee_tables_before(example, related)
        assert document_context(example, related) == _context_before(example, related)


def _fixture_tables(names: Sequence[str]) -> list[Table]:
    """The tables of several filings as one document, their lines shifted so that they follow
    each other."""
    tables: list[Table] = []
    offset = 0
    for name in names:
        found = extract_bytes((FIXTURES / name).read_bytes(), name).tables
        for t in found:
            tables.append(Table(t.id, t.line + offset, t.columns, t.rows, t.section, t.end_line + offset, 1,
                                t.caption, t.kind, t.column_concepts, t.footnotes, t.context, t.layout,
                                t.column_classes))
        offset = max((t.end_line for t in tables), default=offset) + 10
    return tables


def _funds() -> list[str]:
    """Fixture filings with an expense example and a fee table."""
    names = []
    for path in sorted(FIXTURES.iterdir()):
        if path.suffix not in (".txt", ".htm", ".html"):
            continue
        kinds = {t.kind for t in extract_bytes(path.read_bytes(), path.name).tables}
        if {"fees", "expense_example"} <= kinds:
            names.append(path.name)
    return names


def test_funds_together_in_varied_orders_give_the_findings_of_the_scans() -> None:
    funds = _funds()
    assert len(funds) >= 4
    rng = random.Random(7)
    for _ in range(6):
        names = rng.sample(funds, k=min(len(funds), rng.randint(2, 5)))
        tables = _fixture_tables(names)
        rng.shuffle(tables)  # the order of ties and of prose is the document's, not the lines'
        index = document_index(tables)
        for example in (t for t in tables if t.kind == "expense_example"):
            related = [t for t in tables if t is not example]
            assert index.fee_tables(example) == _fee_tables_before(example, related)
            assert indexed_document_context(example, index) == _context_before(example, related)
            assert list(index.schedules(example)) == _schedules_before(example, related)
            assert indexed_class_inputs(example, index) == class_inputs(example, related)
            assert indexed_example_checks(example, index) == example_checks(example, related)
        one_by_one = [f for t in tables for f in validate(t, [r for r in tables if r is not t])]
        assert validate_tables(tables) == one_by_one
