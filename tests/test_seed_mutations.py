"""The seed end to end: no finding as printed; one changed number gives a finding at its column.

Every number of the fee table and of the example is changed in a copy of the seed, once by one
unit of its last digit (a fee-table difference of 0.01: a ``warning``) and once by more (an
``error``); the findings about that table must all sit in the changed column.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from extractor.model import Table
from extractor.pipeline import extract

PERCENT = re.compile(r"(?<![\w.])\d*\.\d+")
AMOUNT = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\d,])|(?<![\w.,])\d+(?![\w.,])")
RANK = {"info": 0, "warning": 1, "error": 2}


def test_seed_gives_no_finding(seed_path: Path) -> None:
    filing = extract(seed_path)
    assert [t.kind for t in filing.tables] == ["fees", "expense_example"]
    assert filing.findings == ()


def cases(seed_path: Path) -> list[tuple[int, int, int, int, str, str]]:
    """(table index, row line, token start, digit position, new digit, expected severity)."""
    lines = seed_path.read_text().split("\n")
    out = []
    for index, table in enumerate(extract(seed_path).tables):
        fees = table.kind == "fees"
        for row in table.rows:
            text = lines[row.line - 1]
            start = len(row.label.split()[0]) if row.label else 0
            tokens = [m for m in (PERCENT if fees else AMOUNT).finditer(text) if m.start() > start]
            columns = [j for j, c in enumerate(row.cells) if c.value is not None]
            assert len(tokens) == len(columns), (row.line, text)
            for m, column in zip(tokens, columns, strict=True):
                digits = [m.start() + i for i, ch in enumerate(m.group()) if ch.isdigit()]
                at = digits[-1] if fees else digits[-2]
                old = int(text[at])
                if fees:
                    out.append((index, row.line, column, at, str((old + 1) % 10), "warning" if old < 9 else "error"))
                    out.append((index, row.line, column, at, str((old + 5) % 10), "error"))
                else:
                    out.append((index, row.line, column, at, str((old + 3) % 10), "error"))
    return out


def test_every_changed_number_is_flagged_at_its_column(seed_path: Path, tmp_path: Path) -> None:
    lines = seed_path.read_text().split("\n")
    tables = extract(seed_path).tables
    checked = 0
    for index, line, column, at, digit, expected in cases(seed_path):
        changed = list(lines)
        changed[line - 1] = changed[line - 1][:at] + digit + changed[line - 1][at + 1:]
        copy = tmp_path / seed_path.name
        copy.write_text("\n".join(changed))
        filing = extract(copy)
        table: Table = filing.tables[index]
        mine = [f for f in filing.findings if f.table == table.id]
        where = f"line {line} column {column} -> {digit}"
        assert mine, where
        assert {f.column for f in mine} == {tables[index].columns[column]}, (where, mine)
        assert max(RANK[f.severity] for f in mine) == RANK[expected], (where, mine)
        checked += 1
    assert checked == 2 * 17 + 12


@pytest.mark.parametrize("digit", ["5", "9"])
def test_changed_repayment_is_flagged_by_net_total(seed_path: Path, tmp_path: Path, digit: str) -> None:
    lines = seed_path.read_text().split("\n")
    row = next(i for i, text in enumerate(lines) if text.startswith("Contractual Expense"))
    lines[row] = lines[row].replace("0.04%", f"0.0{digit}%", 1)
    copy = tmp_path / seed_path.name
    copy.write_text("\n".join(lines))
    found = [f for f in extract(copy).findings if f.check == "net_total"]
    assert [(f.column, f.found) for f in found] == [("Class A", "0.98")]
    assert found[0].severity == ("warning" if digit == "5" else "error")
