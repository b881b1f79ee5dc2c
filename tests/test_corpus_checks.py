"""The classifier and the validator on the corpus truth, built into tables without the reader.

Each truth table becomes a :class:`Table` (labels, lines, values as Decimal) with its kind and
concepts stripped, so these tests measure the classifier and the checks alone and keep working
while the readers change. They skip when ``../shared/corpus`` is absent.
"""

from __future__ import annotations

import dataclasses
import json
import random
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from extractor.checks import validate_tables
from extractor.classify import classify
from extractor.model import Cell, Finding, Row, Table

FUND_CONCEPTS = ("ExpenseExample",)


def truth_files(corpus: Path) -> list[Path]:
    return sorted((corpus / "truth").glob("*.json"))


def decimal_text(value: float | None) -> Decimal | None:
    """The value as a Decimal with the two decimals fee tables print (``0.9`` -> ``0.90``)."""
    if value is None:
        return None
    number = Decimal(repr(value))
    if number != number.to_integral_value() and number.as_tuple().exponent == -1:  # type: ignore[operator]
        number = number.quantize(Decimal("0.01"))
    return number


def truth_table(entry: dict[str, Any], index: int, kind_unit: str | None = None) -> Table:
    """A Table for one truth entry, kind and concepts left blank.

    An example's context is the truth's notes, which restate what the filing's footnotes say
    (conversion after eight years, CDSC in the first year), as the reader's context would.
    """
    units = {"expense_example": "usd", "fees": "percent"}
    unit = kind_unit or units.get(entry["kind"])
    rows = []
    for r in entry["rows"]:
        cells = tuple(
            Cell(text="none" if v is None else str(decimal_text(v)), value=decimal_text(v),
                 unit=unit if v is not None else None)
            for v in r["values"]
        )
        rows.append(Row(line=r["line"], label=r["label"], cells=cells))
    return Table(
        id=f"t{index}", line=entry["line"], section=entry.get("section", 0), columns=tuple(entry["columns"]),
        rows=tuple(rows), caption=entry.get("caption", ""),
        context=entry.get("notes", "") if entry["kind"] == "expense_example" else "",
    )


def corpus_tables(path: Path) -> tuple[dict[str, Any], list[Table]]:
    truth = json.loads(path.read_text())
    return truth, [truth_table(t, i) for i, t in enumerate(truth["tables"], 1)]


def errors(findings: list[Finding], table: Table) -> list[Finding]:
    return [f for f in findings if f.table == table.id and f.severity == "error"]


def test_kinds_and_concepts_from_labels(corpus: Path) -> None:
    kinds_ok = kinds = concepts_ok = concepts = 0
    misses: list[str] = []
    for path in truth_files(corpus):
        truth, tables = corpus_tables(path)
        for want, table in zip(truth["tables"], tables, strict=False):
            got = classify(table)
            kinds += 1
            kinds_ok += got.kind == want["kind"]
            if got.kind != want["kind"]:
                misses.append(f"{path.stem}:{want['line']} kind {got.kind} want {want['kind']}")
            for i, concept in enumerate(want.get("column_concepts") or []):
                if concept:
                    concepts += 1
                    have = (got.column_concepts or [None] * len(want["columns"]))[i]
                    concepts_ok += have == concept
                    if have != concept:
                        misses.append(f"{path.stem}:{want['line']} column {i} {have} want {concept}")
            for row_want, row in zip(want["rows"], got.rows, strict=False):
                if row_want.get("concept"):
                    concepts += 1
                    concepts_ok += row.concept == row_want["concept"]
                    if row.concept != row_want["concept"]:
                        misses.append(f"{path.stem}:{row_want['line']} {row.concept} want {row_want['concept']}")
    assert kinds_ok == kinds, misses
    assert concepts_ok == concepts, misses


def classified_corpus(corpus: Path) -> list[tuple[str, dict[str, Any], list[Table]]]:
    out = []
    for path in truth_files(corpus):
        truth, tables = corpus_tables(path)
        out.append((path.stem, truth, [classify(t) for t in tables]))
    return out


def test_no_error_on_consistent_tables_and_problems_flagged(corpus: Path) -> None:
    for name, truth, tables in classified_corpus(corpus):
        findings = validate_tables(tables)
        for want, table in zip(truth["tables"], tables, strict=False):
            mine = [f for f in findings if f.table == table.id]
            if want.get("consistent", True):
                assert not errors(findings, table), (name, want["line"], errors(findings, table))
            else:
                flagged = [f for f in mine if f.severity in ("error", "warning")]
                assert flagged, (name, want["line"])
                for problem in want["problems"]:
                    column = want["columns"][problem["column"]]
                    assert any(f.line == problem["line"] and f.column == column for f in flagged), (
                        name, problem, flagged)


def test_recorded_aames_problem_is_a_one_cent_warning(corpus: Path) -> None:
    runs = {name: (truth, tables) for name, truth, tables in classified_corpus(corpus)}
    if "aames-capital-8k-1998" not in runs:
        pytest.skip("aames truth not present")
    _truth, tables = runs["aames-capital-8k-1998"]
    table = next(t for t in tables if t.line == 259)
    found = [f for f in validate_tables(tables) if f.table == table.id]
    by_column = {f.column: f for f in found}
    assert set(by_column) == {"PRINCIPAL", "TOTAL"}
    assert by_column["PRINCIPAL"].severity == "warning"
    assert (by_column["PRINCIPAL"].expected, by_column["PRINCIPAL"].found) == ("6590606.97", "6590606.96")
    assert (by_column["TOTAL"].expected, by_column["TOTAL"].found) == ("9760705.57", "9760705.56")


def mutated(table: Table, row: int, col: int, rng: random.Random, digit_from_end: int) -> Table | None:
    """``table`` with one digit of one cell changed, as the scorer's --mutate does."""
    cell = table.rows[row].cells[col]
    if cell.value is None:
        return None
    text = format(abs(cell.value), "f")
    digits = [i for i, ch in enumerate(text) if ch.isdigit()]
    if len(digits) < digit_from_end:
        return None
    at = digits[-digit_from_end]
    new = text[:at] + str((int(text[at]) + rng.randint(1, 8)) % 10) + text[at + 1:]
    value = Decimal(new).copy_sign(cell.value) if cell.value else Decimal(new)
    cells = list(table.rows[row].cells)
    cells[col] = dataclasses.replace(cell, value=value, text=str(value))
    rows = list(table.rows)
    rows[row] = dataclasses.replace(rows[row], cells=tuple(cells))
    return dataclasses.replace(table, rows=tuple(rows))


MUTATED_CONCEPTS = {
    "ManagementFeesOverAssets", "DistributionAndService12b1FeesOverAssets",
    "DistributionOrSimilarNon12b1FeesOverAssets", "OtherExpensesOverAssets",
    "AcquiredFundFeesAndExpensesOverAssets", "ExpensesOverAssets", "NetExpensesOverAssets",
}


@pytest.mark.parametrize("flip", [False, True], ids=["as-filed", "transposed"])
def test_single_digit_mutations_are_flagged(corpus: Path, flip: bool) -> None:
    """Every changed number in a consistent fee table with totals or in an example is flagged,
    in the table as filed and with its rows and columns swapped."""
    rng = random.Random(7)
    planted = caught = 0
    misses: list[str] = []
    for name, truth, tables in classified_corpus(corpus):
        if flip:
            tables = [classify(transposed(t)) if t.kind != "other" else t for t in tables]
        for i, (want, table) in enumerate(zip(truth["tables"], tables, strict=False)):
            if not want.get("consistent", True) or table.kind == "other":
                continue
            concepts = {r.get("concept") for r in want["rows"]}
            if want["kind"] == "fees" and not concepts & {"ExpensesOverAssets", "NetExpensesOverAssets"}:
                continue
            for r, row_want in enumerate(want["rows"]):
                if want["kind"] == "fees" and row_want.get("concept") not in MUTATED_CONCEPTS:
                    continue
                for c in range(len(want["columns"])):
                    changed = _mutate_cell(table, r, c, rng, 1 if want["kind"] == "fees" else 2, flip)
                    if changed is None:
                        continue
                    others = [*tables[:i], changed, *tables[i + 1:]]
                    planted += 1
                    found = [f for f in validate_tables(others)
                             if f.table == table.id and f.severity in ("error", "warning")]
                    if found:
                        caught += 1
                    else:
                        misses.append(f"{name}:{row_want['line']} column {c}")
    assert planted >= 200
    assert caught >= 0.99 * planted, misses[:20]


def _mutate_cell(table: Table, row: int, column: int, rng: random.Random, digit: int, flip: bool) -> Table | None:
    """Change the truth's (row, column) cell, wherever the layout put it."""
    changed = mutated(table, column if flip else row, row if flip else column, rng, digit)
    return classify(changed) if changed is not None else None


def transposed(table: Table) -> Table:
    """The same numbers with rows and columns swapped (classes as rows, items or years as columns)."""
    rows = tuple(
        Row(line=table.rows[0].line + j, label=header, cells=tuple(r.cells[j] for r in table.rows))
        for j, header in enumerate(table.columns)
    )
    return dataclasses.replace(table, columns=tuple(r.label for r in table.rows), rows=rows,
                               kind="other", column_concepts=None)


def test_transposed_corpus_tables_keep_kinds_concepts_and_consistency(corpus: Path) -> None:
    """Fee tables and examples laid out the other way round classify and check the same."""
    for path in truth_files(corpus):
        truth, tables = corpus_tables(path)
        flipped = [transposed(t) if want["kind"] != "other" else t for want, t in zip(truth["tables"], tables,
                                                                                      strict=True)]
        classified = [classify(t) for t in flipped]
        for want, got in zip(truth["tables"], classified, strict=True):
            assert got.kind == want["kind"], (path.stem, want["line"])
            if want["kind"] == "other":
                continue
            wanted = want.get("column_concepts") or [r.get("concept") for r in want["rows"]]
            have = got.column_concepts or [r.concept for r in got.rows]
            assert list(have) == list(wanted), (path.stem, want["line"], have)
        findings = validate_tables(classified)
        for want, table in zip(truth["tables"], classified, strict=True):
            if want.get("consistent", True):
                assert not errors(findings, table), (path.stem, want["line"], errors(findings, table))
