"""Broken, odd and hostile inputs: every one gives a Filing or a one-line ExtractorError, never a crash.

Each case goes through ``extract_bytes`` (the library) and through ``edgar-extract tables F --format
json`` (exit 0, or 1 for an error finding, with valid JSON; or exit 3 with one line on standard error naming the file).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import FIXTURES, SEED

from extractor.cli import main
from extractor.container import decode_bytes
from extractor.errors import ExtractorError, InternalError, UnreadableInputError
from extractor.html import read_html_tables
from extractor.model import Document, Filing
from extractor.pipeline import extract_bytes

SEED_BYTES = SEED.read_bytes()
SUBMISSION = (FIXTURES / "container-sec-document.txt").read_bytes()


def _first(data: bytes, marker: bytes, extra: int = 0) -> bytes:
    return data[: data.index(marker) + extra]


def _mixed_line_ends(data: bytes) -> bytes:
    """CRLF, LF and CR in turn; a CR only before a non-empty line (CR + empty CRLF line reads as one)."""
    lines = data.split(b"\n")
    out = []
    for i, line in enumerate(lines[:-1]):
        out.append(line + (b"\r\n" if i % 3 == 0 else b"\r" if i % 3 == 1 and lines[i + 1] else b"\n"))
    return b"".join(out) + lines[-1]


CASES: dict[str, Callable[[], bytes]] = {
    "empty": lambda: b"",
    "only-newlines": lambda: b"\n\n\n",
    "truncated-mid-table": lambda: _first(SEED_BYTES, b"Other Expenses", 20),
    "truncated-mid-tag": lambda: _first(SEED_BYTES, b"<TABLE>", 4),
    "truncated-mid-header": lambda: _first(SUBMISSION, b"<CLASS-CONTRACT-NAME>", 8),
    "unclosed-table": lambda: SEED_BYTES.replace(b"</TABLE>", b""),
    "close-without-open": lambda: SEED_BYTES.replace(b"<TABLE>", b""),
    "nested-tables": lambda: SEED_BYTES.replace(b"<TABLE>", b"<TABLE>\n<TABLE>\n<CAPTION>"),
    "repeated-s-c": lambda: SEED_BYTES.replace(b"<S>", b"<S> <S>").replace(b"<C>", b"<C><C>"),
    "s-without-c": lambda: SEED_BYTES.replace(b"<C>", b"   "),
    "c-without-s": lambda: SEED_BYTES.replace(b"<S>", b"   "),
    "bare-tags": lambda: b"<TABLE>\n<S>\n<C>\n</TABLE>\n</TABLE>\n<TABLE>",
    "tabs": lambda: SEED_BYTES.replace(b"    ", b"\t"),
    "nuls": lambda: SEED_BYTES.replace(b"0.", b"0\x00.").replace(b"<S>", b"<S>\x00"),
    "control-chars": lambda: SEED_BYTES.replace(b"0.88", b"0\x0b88\x0c\x1b\x7f"),
    "multi-megabyte-line": lambda: SEED_BYTES.replace(b"Management Fee", b"Management Fee" + b"x" * 3_000_000),
    "long-line-of-numbers": lambda: SEED_BYTES.replace(b"Management Fee", b"Management Fee" + b" 1.0" * 50_000),
    "many-c-tags": lambda: b"<TABLE>\n<S>" + b" <C>" * 20_000 + b"\nx" + b" 1" * 20_000 + b"\n</TABLE>\n",
    "cr-only": lambda: SEED_BYTES.replace(b"\n", b"\r"),
    "crlf": lambda: SEED_BYTES.replace(b"\n", b"\r\n"),
    "mixed-line-ends": lambda: _mixed_line_ends(SEED_BYTES),
    "utf16-bom": lambda: SEED_BYTES.decode("ascii").encode("utf-16"),
    "cp1252": lambda: SEED_BYTES.replace(b"Class A", b"Cl\xe4ss \x93A\x94"),
    "uuencoded": lambda: SEED_BYTES.replace(b"<TABLE>", b"begin 644 a.gif\nM86)C9&5F\n`\nend\n<TABLE>", 1),
    "html-in-text-submission": lambda: SUBMISSION,
    "html-unclosed": lambda: b"<html><body><table><tr><td>Fee<td>1.0%<tr><td>",
    "html-close-only": lambda: b"<html></td></tr></table></table>",
    "html-deep-nesting": lambda: b"<html><body>" + b"<table><tr><td>" * 3000 + b"1.0%",
    "html-deep-divs": lambda: b"<html>" + b"<div>" * 100_000 + b"<table><tr><td>1</td></tr></table>",
    "html-control-chars": lambda: b"<html><body>\x1b<table><tr><td>Fee\x07</td><td>1.0%\x0e\x18</td></tr></table>",
    "html-nul": lambda: b"<html><body><table><tr><td>Fee</td><td>1\x00.0%</td></tr></table>",
    "html-broken-entities": lambda: b"<html><table><tr><td>&#99999999;&#xD800;&bogus</td><td>1</td></tr></table>",
    "xhtml-bad-xml": lambda: b"<?xml version='1.0'?>\n<html xmlns='http://www.w3.org/1999/xhtml'><table><tr><td>1",
    "ixbrl-garbage": lambda: (b"<html><body><table><tr><td>Fee</td><td><ix:nonFraction name='rr:X' scale='x'"
                              b" contextRef='c' unitRef='u' decimals='2' sign='-'>abc</ix:nonFraction>"
                              b"</td></tr></table></body></html>"),
    "document-without-text": lambda: b"<DOCUMENT>\n<TYPE>10-K\n<SEQUENCE>1\n</DOCUMENT>\n",
    "sec-header-only": lambda: _first(SUBMISSION, b"<DOCUMENT>"),
}
BINARY: dict[str, bytes] = {
    "png": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
    "random": bytes((i * 7919 + 13) % 251 for i in range(20_000)),
    "gif": b"GIF89a" + bytes(100),
}


def _check(filing: Filing, data: bytes) -> None:
    """Every reported line lies in the input; every row has one cell per column; ids are unique."""
    total = len(decode_bytes(data, "x").split("\n"))
    assert filing.documents
    assert len({t.id for t in filing.tables}) == len(filing.tables)
    for table in filing.tables:
        assert 1 <= table.line <= total
        for row in table.rows:
            assert 1 <= row.line <= total
            assert len(row.cells) == len(table.columns)


@pytest.mark.parametrize("name", sorted(CASES))
def test_library_survives(name: str) -> None:
    data = CASES[name]()
    _check(extract_bytes(data, name), data)


@pytest.mark.parametrize("name", sorted(CASES))
def test_cli_survives(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / f"{name}.txt"
    path.write_bytes(CASES[name]())
    assert main(["tables", str(path), "--format", "json"]) in (0, 1)  # 1: an error finding
    out = json.loads(capsys.readouterr().out)
    assert out["documents"]


@pytest.mark.parametrize("name", sorted(BINARY))
def test_binary_is_refused_in_one_line(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(UnreadableInputError):
        extract_bytes(BINARY[name], name)
    path = tmp_path / f"{name}.bin"
    path.write_bytes(BINARY[name])
    assert main(["tables", str(path), "--format", "json"]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"{path}: ")


def test_binary_through_the_real_command(tmp_path: Path) -> None:
    path = tmp_path / "image.png"
    path.write_bytes(BINARY["png"])
    proc = subprocess.run([sys.executable, "-m", "extractor", "tables", str(path), "--format", "json"],
                          capture_output=True, timeout=300)
    assert proc.returncode == 3
    assert proc.stderr.decode().strip() == f"{path}: binary input (a PNG image), not a filing"
    assert proc.stdout == b""


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.bin"
    bad.write_bytes(BINARY["random"])
    assert main(["tables", str(bad), str(SEED), "--format", "json"]) == 3
    lines = capsys.readouterr().out.strip().split("\n")
    assert len(lines) == 1 and json.loads(lines[0])["source"] == str(SEED)


def _table_lines(data: bytes) -> list[tuple[int, int, tuple[int, ...]]]:
    filing = extract_bytes(data, "x")
    return [(t.line, t.section, tuple(r.line for r in t.rows)) for t in filing.tables]


@pytest.mark.parametrize("name", ["cr-only", "crlf", "mixed-line-ends", "utf16-bom", "nuls", "cp1252"])
def test_encodings_and_line_ends_keep_every_line_number(name: str) -> None:
    assert _table_lines(CASES[name]()) == _table_lines(SEED_BYTES)


def test_uuencoded_block_shifts_nothing_but_its_own_lines() -> None:
    base = _table_lines(SEED_BYTES)
    shifted = _table_lines(CASES["uuencoded"]())
    assert base and [t[0] + 4 for t in base[:1]] == [t[0] for t in shifted[:1]]


def test_errors_are_extractor_errors_with_one_line() -> None:
    err = ExtractorError("dir/f.txt", "broken\n  thing", line=12)
    assert str(err) == "dir/f.txt:12: broken thing"
    assert (err.source, err.line, err.reason) == ("dir/f.txt", 12, "broken thing")


def test_internal_error_names_the_stage_and_the_cause() -> None:
    err = InternalError("f.txt", "html reader", ValueError("no NULL\nbytes"))
    assert isinstance(err, ExtractorError)
    assert str(err) == "f.txt: internal error in html reader: ValueError: no NULL bytes"


def test_html_reader_accepts_control_characters_from_direct_callers() -> None:
    text = "<html><body><table><tr><td>Fee</td><td>1.0%</td></tr></table>\nThe adviser agree\x1b to waive.\n"
    doc = Document(sequence=1, type=None, filename=None, line=1, text=text, text_line=1, is_html=True)
    tables = read_html_tables(doc)
    assert [t.rows[0].cells[0].value for t in tables] == [Decimal("1.0")]


@pytest.mark.parametrize("size", [b"\xb3", b"+\xb2"])
def test_font_size_with_a_superscript_digit(size: bytes) -> None:
    data = b'<html><body><table><tr><td><font size="' + size + b'">Fee</font></td><td>1.0%</td></tr></table>'
    filing = extract_bytes(data, "x.htm")
    assert [t.rows[0].cells[0].value for t in filing.tables] == [Decimal("1.0")]


def test_html_cell_of_many_dashes_is_read_promptly() -> None:
    """Found by fuzzing: a long run of dashes in a cell backtracked for minutes in the nil-word test."""
    from extractor.html.grid import nil_word

    assert nil_word("-- (1)") and nil_word("None*") and nil_word("N/A")
    assert not nil_word("-" * 20000 + "x")
    cell = "-" * 20000 + "x"
    data = (f"<html><body><table><tr><td>Fee</td><td>{cell}</td></tr>"
            "<tr><td>Other</td><td>0.25%</td></tr></table></body></html>").encode()
    values = [c.value for t in extract_bytes(data, "dashes.htm").tables for r in t.rows for c in r.cells]
    assert Decimal("0.25") in values


def test_sequence_with_a_superscript_digit_falls_back_to_the_position() -> None:
    """Found by fuzzing: ``"²".isdigit()`` is true but ``int("²")`` fails."""
    data = ("<SEC-DOCUMENT>\n<DOCUMENT>\n<TYPE>497\n<SEQUENCE>\u00b2\n<TEXT>\nPlain text.\n</TEXT>\n"
            "</DOCUMENT>\n</SEC-DOCUMENT>\n").encode()
    filing = extract_bytes(data, "sequence.txt")
    assert [(d.sequence, d.type) for d in filing.documents] == [(1, "497")]


def test_colspan_with_a_superscript_digit_is_ignored() -> None:
    """Found by fuzzing: ``"³".isdigit()`` is true but ``int("³")`` fails."""
    data = ('<html><body><table><tr><td colspan="\u00b3">Fee</td><td>1.0%</td></tr>'
            '<tr><td>Other</td><td>0.25%</td></tr></table></body></html>').encode()
    values = [c.value for t in extract_bytes(data, "colspan.htm").tables for r in t.rows for c in r.cells]
    assert Decimal("0.25") in values
