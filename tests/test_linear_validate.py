"""The validator's per-document searches on documents of thousands of tables.

Each expense example reads the schedules and fee tables of its whole document; the rewritten
steps give what the plain code gave. No timing: ``benchmarks/adversarial.py`` measures the growth.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

import pytest

from extractor.checks.fees import _PARTS, OTHER, SUB_ITEMS, _breakdowns, _value
from extractor.checks.grid import ClassFees, Item
from extractor.checks.schedules import _across, _down, cdsc_schedules
from extractor.checks.series import fee_tables
from extractor.checks.totals import column_total
from extractor.classify.labels import normalize
from extractor.model import Row, Table
from extractor.pipeline import extract_bytes
from extractor.values import parse_cell

WAIVER = (Path(__file__).resolve().parent.parent / "fixtures" / "validate-waiver-first-year.txt").read_bytes()
WRONG = WAIVER.replace(b"$983", b"$999")
"""The waiver prospectus with one example figure wrong: one finding per copy."""


def table(columns: Sequence[str], rows: Sequence[tuple[str, Sequence[str]]], line: int = 10, section: int = 0,
          kind: str = "other") -> Table:
    built = tuple(Row(line=line + 2 + i, label=label, cells=tuple(parse_cell(c) for c in cells))
                  for i, (label, cells) in enumerate(rows))
    return Table(id="t", line=line, columns=tuple(columns), rows=built, section=section, kind=kind)


ACROSS = [("CLASS B SHARES SOLD WITHIN YEAR", ["1", "2", "3", "4", "5", "6"]),
          ("CONTINGENT DEFERRED SALES CHARGE", ["5%", "4%", "4%", "3%", "2%", "1%"])]
DOWN = [("First", ["5.0%"]), ("Second", ["4.0%"]), ("Third", ["3.0%"]), ("Seventh and thereafter", ["None"])]


def _reference(tables: Sequence[Table]) -> list[dict[int, object]]:
    found: list[dict[int, object]] = []
    for t in tables:
        found.extend(_across(t))
        found.extend(_down(t))
    return found


def test_cdsc_schedules_read_again_give_the_same_new_dicts() -> None:
    across = table([""] * 6, ACROSS)
    down = table(["CDSC AS A PERCENTAGE OF AMOUNT REDEEMED"], DOWN)
    plain = table(["Class A"], [("Management fee", ["0.50%"])])
    for order in ([across, plain, down], [down, across], [plain], [across, down, plain, across]):
        first = cdsc_schedules(order)
        assert first == _reference(order)
        first[0:0] = [{}]  # the caller's list and dicts are its own
        for schedule in first:
            schedule[99] = parse_cell("9%").value
        assert cdsc_schedules(order) == _reference(order)
    twin = table([""] * 6, ACROSS)  # an equal table, another object: read as itself
    assert cdsc_schedules([twin]) == _reference([across])


def _fee_tables_reference(example: Table, related: Sequence[Table]) -> list[Table]:
    before = [t for t in related if t.kind == "fees" and (t.line, t.section) < (example.line, example.section)]
    nearest = max((t.line for t in before), default=example.line)
    previous = [t.line for t in related if t.kind == "expense_example" and t.line < nearest]
    own = [t for t in before if not previous or t.line > max(previous)]
    chosen = own or before or [t for t in related if t.kind == "fees"]
    return sorted(chosen, key=lambda t: (t.line, t.section), reverse=True)


@pytest.mark.parametrize("seed", range(40))
def test_fee_tables_as_before(seed: int) -> None:
    rng = random.Random(seed)
    tables = [table(["A"], [], line=rng.randint(1, 30), section=rng.randint(0, 2),
                    kind=rng.choice(["fees", "expense_example", "other"])) for _ in range(rng.randint(1, 10))]
    for example in tables:
        related = [t for t in tables if t is not example]
        assert fee_tables(example, related) == _fee_tables_reference(example, related)


def test_many_examples_in_one_document_each_checked_against_its_fee_table() -> None:
    one = extract_bytes(WRONG, "w.txt")
    many = extract_bytes(WRONG * 30, "w.txt")
    per_copy = len(one.findings)
    assert per_copy >= 1
    assert len(many.findings) == 30 * per_copy
    first = [(f.check, f.severity, f.column, f.expected) for f in one.findings]
    assert [(f.check, f.severity, f.column, f.expected) for f in many.findings[-per_copy:]] == first


def _breakdowns_reference(fees: ClassFees) -> set[int]:
    """The code before the rewrite: the items sliced, the valued parts counted again at each step."""
    items = fees.items
    covered: set[int] = set()
    for k, item in enumerate(items):
        if item.concept != OTHER or item.value is None:
            continue
        total_row = "total" in normalize(item.label)
        run = reversed(items[:k]) if total_row else iter(items[k + 1:])
        parts: list[Item] = []
        running = Decimal(0)
        for part in run:
            if part.concept not in _PARTS:
                break
            parts.append(part)
            running += _value(part)
            valued = sum(1 for p in parts if p.value)
            if running == item.value and valued >= (1 if total_row else 2):
                covered.update(id(p) for p in parts)
                break
    return covered


def _item(concept: str, value: str | None, label: str = "Other expenses") -> Item:
    return Item(concept, None if value is None else Decimal(value), label, (1, label, "A"))


@pytest.mark.parametrize("seed", range(60))
def test_breakdowns_as_before_on_tables_of_real_length(seed: int) -> None:
    rng = random.Random(seed)
    concepts = [OTHER, OTHER, *SUB_ITEMS, "DistributionOrSimilarNon12b1FeesOverAssets", "ManagementFeesOverAssets"]
    items = [_item(rng.choice(concepts), rng.choice([None, "0", "0.05", "0.10", "0.15", "0.25"]),
                   rng.choice(["Other expenses", "Total other expenses", "Servicing fee"]))
             for _ in range(rng.randint(0, 40))]
    fees = ClassFees("Class A", items=items)
    assert _breakdowns(fees) == _breakdowns_reference(fees)


def test_breakdown_found_below_thousands_of_lines_that_may_be_parts() -> None:
    filler = [_item(OTHER, "0.41") for _ in range(3000)]
    figure, servicing, rest = _item(OTHER, "0.30"), _item(SUB_ITEMS[0], "0.10"), _item(SUB_ITEMS[1], "0.20")
    fees = ClassFees("Class A", items=[*filler, _item("ManagementFeesOverAssets", "0.75"), figure, servicing, rest])
    assert _breakdowns(fees) == {id(servicing), id(rest)}


def _statement(count: int, unlabelled: int = 0) -> Table:
    """``unlabelled`` signed rows without labels, then ``count`` items of 1 | 2 | 3 and a total
    row whose third column is 3 too high."""
    rows = [("", [str((i % 7) - 3), str(2 - (i % 5)), "0"]) for i in range(unlabelled)]
    rows += [(f"Item {i}", ["1", "2", "3"]) for i in range(count)]
    rows.append(("Total", [str(count), str(2 * count), str(3 * count + 3)]))
    return table(["A", "B", "C"], rows)


@pytest.mark.parametrize("count", [5, 999])
def test_total_of_a_long_block_is_checked(count: int) -> None:
    found = column_total(_statement(count))
    assert [(f.column, f.expected, f.found) for f in found] == [("C", str(3 * count), str(3 * count + 3))]


def test_total_under_thousands_of_unlabelled_rows_is_checked() -> None:
    found = column_total(_statement(20, unlabelled=5000))
    assert [(f.column, f.expected, f.found) for f in found] == [("C", "60", "63")]
