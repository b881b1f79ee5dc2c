"""Several submissions concatenated in one file or member: one input each, with its own header."""

from __future__ import annotations

import csv
import gzip
import io
from pathlib import Path

from conftest import FIXTURES
from hypothesis import given, settings
from hypothesis import strategies as st
from test_batch import batch, manifest, tar_bytes

from extractor.batch import Limits
from extractor.batch.submissions import split_submissions

FEED = (FIXTURES / "container-feed.txt").read_bytes()
PEM_HEAD = (b"-----BEGIN PRIVACY-ENHANCED MESSAGE-----\nProc-Type: 2001,MIC-CLEAR\n"
            b"Originator-Name: webmaster@www.sec.gov\n\n")
PEM_TAIL = b"-----END PRIVACY-ENHANCED MESSAGE-----\n"


def feed(n: int) -> bytes:
    """The feed fixture as submission ``n``: its own accession number, company and CIK."""
    return (FEED.replace(b"0000950123-09-000001", f"0000950123-09-00000{n}".encode())
            .replace(b"EXAMPLE FUNDS TRUST", f"TRUST NUMBER {n}".encode())
            .replace(b"<CIK>0000012345", f"<CIK>000001234{n}".encode()))


def sec_document(n: int) -> bytes:
    """A PEM-wrapped full-text submission (``<SEC-DOCUMENT>``) with one table."""
    return PEM_HEAD + (
        f"<SEC-DOCUMENT>0000950109-96-00031{n}.txt : 19960125\n"
        f"<SEC-HEADER>0000950109-96-00031{n}.hdr.sgml : 19960125\n"
        f"ACCESSION NUMBER:\t\t0000950109-96-00031{n}\nCONFORMED SUBMISSION TYPE:\t485BPOS\n"
        f"FILED AS OF DATE:\t\t19960124\n\nFILER:\n\n\tCOMPANY DATA:\t\n"
        f"\t\tCOMPANY CONFORMED NAME:\t\t\tFUND {n} INC\n\t\tCENTRAL INDEX KEY:\t\t\t000005284{n}\n"
        "</SEC-HEADER>\n<DOCUMENT>\n<TYPE>485BPOS\n<SEQUENCE>1\n<TEXT>\n<TABLE>\n<S>           <C>\n"
        f"Management fee   0.{n}0%\n</TABLE>\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n").encode() + PEM_TAIL


def tidy(outdir: Path) -> list[dict[str, str]]:
    with open(outdir / "tables.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_a_gzipped_day_of_feed_submissions_is_one_input_each(tmp_path: Path) -> None:
    day = tmp_path / "19960125.gz"
    day.write_bytes(gzip.compress(feed(1) + feed(2) + b"\n" + feed(3)))
    summary = batch(tmp_path / "out", day)
    assert summary.inputs == 3
    rows = manifest(tmp_path / "out")
    assert [(r["input"], r["status"]) for r in rows] == [(f"{day}!{n}", "ok") for n in (1, 2, 3)]
    assert [int(r["bytes"]) for r in rows] == [len(feed(1)), len(feed(2)) + 1, len(feed(3))]
    by_input = {(r["file"], r["accession_number"], r["company"], r["cik"]) for r in tidy(tmp_path / "out")}
    assert by_input == {(f"{day}!{n}", f"0000950123-09-00000{n}", f"TRUST NUMBER {n}", f"000001234{n}")
                        for n in (1, 2, 3)}


def test_pem_wrapped_submissions_in_a_tar_member(tmp_path: Path) -> None:
    archive = tmp_path / "a.tar"
    archive.write_bytes(tar_bytes({"two.txt": sec_document(1) + sec_document(2), "one.txt": sec_document(3)}))
    batch(tmp_path / "out", archive)
    assert [r["input"] for r in manifest(tmp_path / "out")] == [
        f"{archive}!two.txt!1", f"{archive}!two.txt!2", f"{archive}!one.txt"]
    values = [(r["file"].rsplit("!", 1)[-1], r["accession_number"], r["value"]) for r in tidy(tmp_path / "out")]
    assert values == [("1", "0000950109-96-000311", "0.1"), ("2", "0000950109-96-000312", "0.2"),
                      ("one.txt", "0000950109-96-000313", "0.3")]


def test_a_part_over_the_size_limit_is_refused_alone(tmp_path: Path) -> None:
    big = feed(2).replace(b"Consent of counsel.", b"Consent of counsel. " * 400)
    day = tmp_path / "day.txt"
    day.write_bytes(feed(1) + big + feed(3))
    batch(tmp_path / "out", day, limits=Limits(max_member_bytes=len(feed(1)) + 100))
    assert [(r["input"], r["status"], r["bytes"]) for r in manifest(tmp_path / "out")] == [
        (f"{day}!1", "ok", str(len(feed(1)))), (f"{day}!2", "refused", str(len(big))),
        (f"{day}!3", "ok", str(len(feed(3))))]


class Trickle:
    """A stream that hands out at most ``step`` bytes a read, so boundaries fall across blocks."""

    def __init__(self, data: bytes, step: int) -> None:
        self.data = io.BytesIO(data)
        self.step = step

    def read(self, size: int = -1, /) -> bytes:
        return self.data.read(self.step if size < 0 else min(size, self.step))


def parts(data: bytes, step: int = 1 << 20) -> list[tuple[str, bytes | None, int]]:
    return list(split_submissions(Trickle(data, step), "x", Limits()))


def test_one_submission_keeps_its_name_and_bytes() -> None:
    assert parts(feed(1)) == [("x", feed(1), len(feed(1)))]
    assert parts(sec_document(1)) == [("x", sec_document(1), len(sec_document(1)))]


def test_tags_quoted_inside_a_document_do_not_split_it() -> None:
    quoted = feed(1).replace(b"Consent of counsel.\n", b"Consent of counsel.\n</SUBMISSION> and then\n"
                                                       b"<SUBMISSION>\n  </SEC-DOCUMENT>\n<SEC-DOCUMENT>\n")
    assert parts(quoted) == [("x", quoted, len(quoted))]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([1, 2, 3, 4]), min_size=1, max_size=5),
       st.lists(st.sampled_from([b"", b"\n", b"\r\n\r\n", b"  \n"]), min_size=5, max_size=5),
       st.integers(min_value=1, max_value=4096))
def test_any_concatenation_splits_into_its_submissions(kinds: list[int], gaps: list[bytes], step: int) -> None:
    """Submissions of either kind, blank lines between them, read in blocks of any size: one part
    per submission, in order, and the parts put back together are the input."""
    pieces = [(feed(n) if n % 2 else sec_document(n)) + gap for n, gap in zip(kinds, gaps[:len(kinds)], strict=True)]
    got = parts(b"".join(pieces), step)
    assert b"".join(data or b"" for _, data, _ in got) == b"".join(pieces)
    assert [data for _, data, _ in got] == pieces
    names = [f"x!{i}" for i in range(1, len(pieces) + 1)] if len(pieces) > 1 else ["x"]
    assert [name for name, _, _ in got] == names
