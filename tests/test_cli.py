"""The command line end to end: formats, exit codes, one-line errors, stdin, ``python -m``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from conftest import SEED

from extractor.cli import main


def run(*argv: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "extractor", *argv], input=stdin, capture_output=True,
                          timeout=300)


def seed_json(capsys: pytest.CaptureFixture[str], *extra: str) -> dict[str, Any]:
    assert main(["tables", str(SEED), "--format", "json", *extra]) == 0
    out: dict[str, Any] = json.loads(capsys.readouterr().out)
    return out


def test_help_lists_the_commands() -> None:
    proc = run("--help")
    assert proc.returncode == 0
    for word in (b"tables", b"check", b"batch"):
        assert word in proc.stdout


def test_bad_flag_is_a_usage_error() -> None:
    proc = run("tables", str(SEED), "--format", "xml")
    assert proc.returncode == 2
    assert b"invalid choice" in proc.stderr


def test_missing_file_exits_3_with_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    proc = run("tables", str(missing))
    assert proc.returncode == 3
    lines = proc.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and str(missing) in lines[0]
    assert b"Traceback" not in proc.stderr


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["tables", str(tmp_path / "nope.txt"), str(SEED), "--format", "json"])
    captured = capsys.readouterr()
    assert status == 3
    outputs = [json.loads(line) for line in captured.out.splitlines() if line.strip()]
    assert [o["source"] for o in outputs] == [str(SEED)]
    assert "nope.txt" in captured.err


def test_seed_json_follows_the_contract(capsys: pytest.CaptureFixture[str]) -> None:
    out = seed_json(capsys)
    assert out["source"] == str(SEED)
    assert out["filing"] == {"accession_number": None, "form_type": None, "company": None, "cik": None,
                             "filed": None, "series": []}
    assert [(t["id"], t["line"], t["kind"]) for t in out["tables"]] == [
        ("t1", 23, "fees"), ("t2", 75, "expense_example")]
    fees = out["tables"][0]
    assert fees["columns"] == ["Class A", "Class B", "Class E"]
    first = fees["rows"][0]
    assert first["label"] == "Management Fee" and first["line"] == 33
    assert first["concept"] == "ManagementFeesOverAssets"
    assert first["cells"][0] == {"text": "0.88 %", "value": 0.88, "unit": "percent", "footnotes": []}
    assert out["findings"] == []


def test_kind_filter(capsys: pytest.CaptureFixture[str]) -> None:
    out = seed_json(capsys, "--kind", "expense_example")
    assert [t["line"] for t in out["tables"]] == [75]


def test_stdin_and_python_m() -> None:
    proc = run("tables", "-", "--format", "json", stdin=SEED.read_bytes())
    assert proc.returncode == 0
    out = json.loads(proc.stdout)
    assert out["source"] == "-" and len(out["tables"]) == 2


def test_csv_tidy_and_parquet_outputs(tmp_path: Path) -> None:
    wide = tmp_path / "wide.csv"
    assert main(["tables", str(SEED), "--format", "csv", "-o", str(wide)]) == 0
    assert "label,Class A,Class B,Class E" in wide.read_text()
    tidy = tmp_path / "tidy.csv"
    assert main(["tables", str(SEED), "--format", "tidy-csv", "--kind", "fees", "-o", str(tidy)]) == 0
    frame = pd.read_csv(tidy)
    assert set(frame["kind"]) == {"fees"}
    row = frame[(frame["label"] == "Other Expenses") & (frame["column"] == "Class B")].iloc[0]
    assert row["value"] == 0.07 and row["concept"] == "OtherExpensesOverAssets"
    parquet = tmp_path / "t.parquet"
    assert main(["tables", str(SEED), "--format", "parquet", "-o", str(parquet)]) == 0
    assert len(pd.read_parquet(parquet)) == len(pd.read_csv(tmp_path / "tidy.csv")) + 12


def test_parquet_needs_an_output_path() -> None:
    assert main(["tables", str(SEED), "--format", "parquet"]) == 2


def mutated_seed(tmp_path: Path, old: str, new: str) -> Path:
    lines = SEED.read_text().split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith("Total Annual Portfolio") and old in line)
    lines[index] = lines[index].replace(old, new, 1)
    target = tmp_path / "mutated.txt"
    target.write_text("\n".join(lines))
    return target


def test_check_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(SEED)]) == 0
    assert "0 error(s)" in capsys.readouterr().out
    bad = mutated_seed(tmp_path, "1.20%", "1.25%")
    assert main(["check", str(bad)]) == 1
    out = capsys.readouterr().out
    assert f"{bad}:42: error component_sum:" in out
    assert main(["check", str(bad), "--fail-on", "never"]) == 0
    capsys.readouterr()
    assert main(["check", str(bad), "--format", "json"]) == 1
    found = json.loads(capsys.readouterr().out)
    assert any(f["check"] == "component_sum" and f["column"] == "Class B" and f["found"] == "1.25" for f in found)


def test_debug_stage_tokens(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tables", str(SEED), "--debug-stage", "tokens"]) == 0
    out = capsys.readouterr().out
    assert any(line.split()[:2] == ["23", "TABLE_START"] for line in out.splitlines() if line.strip())


def test_an_internal_failure_is_one_line_and_spares_the_other_files(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import extractor.cli as cli

    real = cli.run_stages
    poisoned = tmp_path / "poisoned.txt"
    poisoned.write_text("anything")

    def run_stages(data: bytes, source: str) -> cli.Stages:
        if source == str(poisoned):
            raise IndexError("list index out of range")
        return real(data, source)

    monkeypatch.setattr(cli, "run_stages", run_stages)
    assert main(["tables", str(poisoned), str(SEED), "--format", "json"]) == 3
    captured = capsys.readouterr()
    assert captured.err.strip() == (f"{poisoned}: internal error IndexError: list index out of range "
                                    "(run with --debug for details)")
    assert json.loads(captured.out)["source"] == str(SEED)


def test_a_reader_bug_becomes_a_one_line_internal_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import extractor.pipeline as pipeline
    from extractor.errors import InternalError

    def broken(doc: object) -> list[object]:
        raise KeyError("column")

    monkeypatch.setattr(pipeline, "read_text_tables", broken)
    with pytest.raises(InternalError) as caught:
        pipeline.extract_bytes(SEED.read_bytes(), "seed.txt")
    assert str(caught.value) == "seed.txt:1: internal error in text reader: KeyError: 'column'"
