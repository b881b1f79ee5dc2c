"""``benchmarks/expectations.py`` scores the extractor against hand-made expectations."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FEES = ("<html><body><table><tr><td></td><td>Class A</td><td>Class C</td></tr>"
        "<tr><td>Management Fees</td><td>0.70%</td><td>0.70%</td></tr>"
        "<tr><td>Distribution and/or Service (12b-1) Fees</td><td>0.25%</td><td>1.00%</td></tr>"
        "<tr><td>Other Expenses</td><td>0.22%</td><td>0.22%</td></tr>"
        "<tr><td>Total Annual Fund Operating Expenses</td><td>1.17%</td><td>1.92%</td></tr></table></body></html>")


def _run(folder: Path) -> str:
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "expectations.py"), str(folder), "--show", "5"],
                          capture_output=True, text=True, timeout=300, check=True)
    return proc.stdout


def _expect(folder: Path, values: list[str], consistent: bool = True) -> None:
    (folder / "fund.html").write_text(FEES)
    (folder / "fund.expect.json").write_text(json.dumps({
        "file": "fund.html", "consistent": consistent,
        "tables": [{"kind": "fees", "columns": ["Class A", "Class C"], "rows": [
            {"label": "Management Fees", "concept": "ManagementFeesOverAssets", "values": ["0.70", "0.70"]},
            {"label": "Total Annual Fund Operating Expenses", "concept": "ExpensesOverAssets", "values": values}]}]}))


def test_a_filing_read_right_scores_full_marks(tmp_path: Path) -> None:
    _expect(tmp_path, ["1.17", "1.92"])
    first = _run(tmp_path).splitlines()[0]
    assert "rows 2/2 (100.0%)" in first and "cells 4/4 (100.0%)" in first and "concepts 2/2 (100.0%)" in first
    assert "filings with a false error or warning 0/1" in first


def test_a_wrong_expectation_shows_as_a_miss(tmp_path: Path) -> None:
    _expect(tmp_path, ["1.17", "1.93"])
    out = _run(tmp_path)
    assert "cells 3/4 (75.0%)" in out.splitlines()[0]
    assert "got ['1.17', '1.92'], want ['1.17', '1.93']" in out
