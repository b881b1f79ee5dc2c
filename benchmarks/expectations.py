"""Score the extractor against hand-checked expectations: a folder of filings, each with a
``NAME.expect.json`` beside it, written by someone who read the filing (never from our output).

    python benchmarks/expectations.py FOLDER [FOLDER ...] [--show 20] [--probe]

The format (one file per filing)::

    {"file": "fund-497k-2025.html", "consistent": true, "notes": "...",
     "tables": [{"kind": "fees", "columns": ["Class A", "Class C"],
                 "rows": [{"label": "Management Fees", "concept": "ManagementFeesOverAssets",
                           "values": ["0.70", "0.70"]}]},
                {"kind": "expense_example", "columns": ["1 Year", "3 Years"],
                 "rows": [{"label": "Class A", "values": ["680", "922"]}]}]}

Only rows that carry a number are listed; ``values`` are plain decimals in column order (percent
without "%", dollars without "$" and commas, negative for a parenthesised figure, null for
"None" or a blank). Matching is by row, not by table, so a table the extractor splits or joins
(a page break, a repeated header) is not penalised: each expected row is matched with the
extracted row, in a table of the same kind, whose label is most alike (the figures break ties
and stand in for a label the extractor lost). Columns are compared on value-bearing columns. A fee
table printed sideways (classes as rows, fee types as columns: ``column_concepts``, as the output
contract has it) is scored turned back, one row per fee type.

It prints tables found (a table of that kind exists), kinds, column headers, rows, cells,
concepts, filings with a false error or warning (of those marked consistent) and inconsistent
filings flagged. ``--probe`` changes one example figure per filing by $40 and counts how often
an error or warning names it.
"""

from __future__ import annotations

import argparse
import dataclasses
import difflib
import json
import re
import sys
from collections import Counter
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from extractor import Filing, Table, extract_bytes
from extractor.model import Row


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


def _decimal(value: Any) -> Decimal | None:
    if value is None:
        return None
    try:
        return Decimal(str(value)).normalize()
    except InvalidOperation:
        return None


def _alike(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, _norm(a), _norm(b)).ratio()


def _value_columns(table: Table, wanted: set[str]) -> list[int]:
    """Columns holding a value somewhere, or named like an expected column."""
    return [j for j, name in enumerate(table.columns)
            if (_norm(name) and _norm(name) in wanted)
            or any(j < len(r.cells) and r.cells[j].value is not None for r in table.rows)]


def _values(row: Row, columns: list[int]) -> list[Decimal | None]:
    return [row.cells[j].value.normalize() if j < len(row.cells) and row.cells[j].value is not None else None
            for j in columns]


def _upright(table: Table) -> Table:
    """A sideways fee table (a row per class, a concept per column) as rows of fee types."""
    if table.kind != "fees" or table.column_concepts is None:
        return table
    rows = tuple(Row(table.rows[0].line if table.rows else table.line, header,
                     tuple(r.cells[j] for r in table.rows if j < len(r.cells)), concept)
                 for j, (header, concept) in enumerate(zip(table.columns, table.column_concepts, strict=False)))
    return dataclasses.replace(table, columns=tuple(r.label for r in table.rows), rows=rows, column_concepts=None)


class Score:
    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.misses: list[str] = []

    def add(self, expected: dict[str, Any], filing: Filing, name: str) -> None:
        c = self.counts
        c["filings"] += 1
        turned = dataclasses.replace(filing, tables=tuple(_upright(t) for t in filing.tables))
        for spec in expected["tables"]:
            self._table(spec, turned, name)
        loud = [f for f in filing.findings if f.severity in ("error", "warning")]
        if expected.get("consistent", True):
            c["consistent"] += 1
            c["false findings"] += len(loud)
            c["filings with false findings"] += bool(loud)
            self.misses += [f"{name}: false {f.severity} {f.check} {f.row} | {f.column}: {f.message[:100]}"
                            for f in loud[:3]]
        else:
            c["inconsistent"] += 1
            c["inconsistent flagged"] += bool(loud)

    def _table(self, spec: dict[str, Any], filing: Filing, name: str) -> None:
        c = self.counts
        c["tables"] += 1
        kind = spec["kind"]
        wanted = {_norm(col) for col in spec.get("columns", [])}
        same_kind = [t for t in filing.tables if t.kind == kind]
        labels = [row["label"] for row in spec["rows"]]

        def held(t: Table) -> float:
            return sum(max((_alike(label, r.label) for r in t.rows), default=0.0) for label in labels)

        nearest = max(filing.tables, key=held, default=None)
        c["kinds right"] += nearest is not None and nearest.kind == kind
        if not same_kind:
            self.misses.append(f"{name}: no {kind} table (kinds {[t.kind for t in filing.tables]})")
        else:
            c["tables found"] += 1
            best = max(same_kind, key=held)
            if spec.get("columns") and any(wanted):
                c["column sets"] += 1
                got = [_norm(best.columns[j]) for j in _value_columns(best, wanted)]
                if got == [_norm(col) for col in spec["columns"]]:
                    c["column sets right"] += 1
                else:
                    self.misses.append(f"{name} {kind} {best.id}: columns {list(best.columns)} != {spec['columns']}")
        columns = {t.id: _value_columns(t, wanted) for t in same_kind}
        candidates = [(t, r) for t in same_kind for r in t.rows]
        for row in spec["rows"]:
            self._row(row, candidates, columns, name, kind)

    def _row(self, spec: dict[str, Any], candidates: list[tuple[Table, Row]], columns: dict[str, list[int]],
             name: str, kind: str) -> None:
        c = self.counts
        want = [_decimal(v) for v in spec["values"]]
        c["rows"] += 1
        c["cells"] += len(want)
        c["concepts"] += "concept" in spec
        if not candidates:
            return

        def fit(candidate: tuple[Table, Row]) -> float:
            table, row = candidate
            got = _values(row, columns[table.id])
            same = sum(a == b for a, b in zip(want, got, strict=False))
            return _alike(spec["label"], row.label) + same / max(1, len(want))

        table, row = max(candidates, key=fit)
        got = _values(row, columns[table.id])
        figures = sum(a == b and a is not None for a, b in zip(want, got, strict=False))
        if _alike(spec["label"], row.label) < 0.5 and figures < max(1, sum(a is not None for a in want)):
            self.misses.append(f"{name} {kind}: row {spec['label'][:50]!r} not found")
            return
        c["rows found"] += 1
        right = sum(a == b for a, b in zip(want, got, strict=False))
        c["cells right"] += right
        if right < len(want):
            self.misses.append(f"{name} {kind} {table.id} {row.label[:40]!r}: got "
                               f"{[None if v is None else str(v) for v in got]}, want {spec['values']}")
        if "concept" in spec:
            if row.concept == spec["concept"]:
                c["concepts right"] += 1
            else:
                self.misses.append(f"{name} {kind} {row.label[:40]!r}: concept {row.concept}, want {spec['concept']}")

    def report(self) -> str:
        c = self.counts

        def part(label: str, right: str, total: str) -> str:
            share = f" ({100 * c[right] / c[total]:.1f}%)" if c[total] else ""
            return f"{label} {c[right]}/{c[total]}{share}"

        return "; ".join([
            f"filings {c['filings']}", part("tables found", "tables found", "tables"),
            part("kinds", "kinds right", "tables"), part("columns", "column sets right", "column sets"),
            part("rows", "rows found", "rows"), part("cells", "cells right", "cells"),
            part("concepts", "concepts right", "concepts"),
            f"filings with a false error or warning {c['filings with false findings']}/{c['consistent']} "
            f"({c['false findings']} findings)",
            part("inconsistent filings flagged", "inconsistent flagged", "inconsistent"),
        ])


def probe(path: Path, expected: dict[str, Any]) -> bool | None:
    """Whether a changed example figure is named by an error or warning; None when no figure of
    the first example row can be changed unambiguously (it must occur once in the document)."""
    examples = [t for t in expected["tables"] if t["kind"] == "expense_example"]
    if not examples:
        return None
    figures = [v for v in examples[0]["rows"][0]["values"] if v is not None]
    if len(figures) < 2:
        return None
    old = Decimal(str(figures[1]))
    before, after = f"{old:,.0f}", f"{old + 40:,.0f}"
    text = path.read_text(errors="replace")
    hits = [m.start() for m in re.finditer(r"(?<![\d,.])" + re.escape(before) + r"(?![\d,]|\.\d)", text)]
    if len(hits) != 1:
        return None
    changed = text[:hits[0]] + after + text[hits[0] + len(before):]
    filing = extract_bytes(changed.encode(), path.name)
    return any(f.severity in ("error", "warning") and f.found.replace(",", "") == str(old + 40)
               for f in filing.findings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--show", type=int, default=20, help="mismatches to print")
    parser.add_argument("--probe", action="store_true", help="change one example figure per filing")
    args = parser.parse_args(argv)
    score = Score()
    probed: list[bool] = []
    for folder in args.folders:
        for spec_path in sorted(folder.glob("*.expect.json")):
            expected = json.loads(spec_path.read_text())
            path = folder / expected["file"]
            score.add(expected, extract_bytes(path.read_bytes(), path.name), path.name)
            if args.probe:
                hit = probe(path, expected)
                if hit is not None:
                    probed.append(hit)
                    if not hit:
                        score.misses.append(f"{path.name}: a changed example figure was not flagged")
    if not score.counts["filings"]:
        sys.exit("no NAME.expect.json files found")
    print(score.report())
    if args.probe:
        print(f"probe: an example figure changed in {len(probed)} filings, flagged in {sum(probed)}")
    for miss in score.misses[: args.show]:
        print("  ", miss)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
