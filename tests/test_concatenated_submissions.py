"""Concatenated submissions outside the batch runner: ``extract_all``, ``extract`` and the CLI.

A day's submissions concatenated into one file (or a ``.gz`` of them) are several filings. Read as
one, every table after the first submission carried the first one's accession number and company.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES

from extractor import extract, extract_all
from extractor.cli import main
from extractor.errors import SeveralSubmissionsError

PARTS = ("container-sec-document.txt", "container-feed.txt", "container-ims.txt")


@pytest.fixture
def concatenated(tmp_path: Path) -> Path:
    path = tmp_path / "day.txt"
    path.write_bytes(b"\n".join((FIXTURES / name).read_bytes() for name in PARTS))
    return path


def test_extract_all_gives_each_submission_its_own_header_and_tables(concatenated: Path) -> None:
    filings = extract_all(concatenated)
    assert [f.source for f in filings] == [f"{concatenated}!{n}" for n in (1, 2, 3)]
    for filing, name in zip(filings, PARTS, strict=True):
        alone = extract(FIXTURES / name)
        assert filing.header.accession_number == alone.header.accession_number
        assert filing.header.company == alone.header.company
        assert [t.rows for t in filing.tables] == [t.rows for t in alone.tables]
    assert [f.header.accession_number for f in filings] == [
        "0000908737-06-000800", "0000950123-09-000001", "0000891618-94-000021"]


def test_extract_all_of_one_submission_keeps_its_name() -> None:
    path = FIXTURES / PARTS[0]
    (filing,) = extract_all(path)
    assert filing.source == str(path)
    assert len(filing.tables) == 2


def test_extract_refuses_several_submissions_in_one_line(concatenated: Path) -> None:
    with pytest.raises(SeveralSubmissionsError) as caught:
        extract(concatenated)
    assert str(caught.value) == (f"{concatenated}: holds 3 concatenated submissions; read them with "
                                 "extract_all() or `edgar-extract batch`")


def test_gzip_of_a_concatenation_is_split_too(concatenated: Path, tmp_path: Path) -> None:
    packed = tmp_path / "day.txt.gz"
    packed.write_bytes(gzip.compress(concatenated.read_bytes()))
    assert [f.header.company for f in extract_all(packed)] == [
        "EXAMPLE SERIES TRUST", "EXAMPLE FUNDS TRUST", "EXAMPLE COMPUTER INC"]


def test_cli_tables_prints_one_json_line_per_submission(concatenated: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tables", str(concatenated), "--format", "json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    docs = [json.loads(line) for line in lines if line]
    assert [d["source"] for d in docs] == [f"{concatenated}!{n}" for n in (1, 2, 3)]
    assert [len(d["tables"]) for d in docs] == [2, 1, 1]


def test_cli_check_counts_every_submission(concatenated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(concatenated)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "3 file(s), 4 table(s): 0 error(s), 0 warning(s), 0 info"


def test_cli_reports_a_broken_submission_and_keeps_the_others(concatenated: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.txt"
    good = concatenated.read_bytes()
    broken.write_bytes(good + b"\n<SEC-DOCUMENT>\n" + bytes(range(256)) * 64)
    proc = subprocess.run([sys.executable, "-m", "extractor", "tables", str(broken), "--format", "json"],
                          capture_output=True, timeout=300)
    assert proc.returncode == 3
    assert proc.stderr.decode().startswith(f"{broken}!4: ")
    assert len(proc.stderr.decode().splitlines()) == 1
    assert [json.loads(line)["source"] for line in proc.stdout.decode().splitlines() if line] == [
        f"{broken}!{n}" for n in (1, 2, 3)]
