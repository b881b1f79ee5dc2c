"""The batch runner end to end: every input kind, every member in the manifest, failures recorded.

Archives are built here from the fixtures; the helpers at the top are shared with the other
``test_batch_*`` modules.
"""

from __future__ import annotations

import csv
import gzip
import io
import subprocess
import sys
import tarfile
import threading
import time
import zipfile
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from conftest import FIXTURES, SEED

from extractor import pipeline
from extractor.batch import BatchOptions, Limits, Settings, Summary, run_batch
from extractor.batch.parts import decode_part, finished_parts
from extractor.batch.work import InputTimeout, time_limit
from extractor.cli import main
from extractor.writers import TIDY_COLUMNS, tidy_records

SEED_BYTES = SEED.read_bytes()
FEED = (FIXTURES / "container-feed.txt").read_bytes()


def seed_counts() -> tuple[int, int]:
    """(tables, tidy rows) the pipeline itself gives for the seed: what the batch must match."""
    filing = pipeline.extract_bytes(SEED_BYTES, "seed")
    return len(filing.tables), len(tidy_records(filing))


def variant(n: int) -> bytes:
    """The seed with its date line changed: same tables, different bytes."""
    return SEED_BYTES.replace(b"November 10, 2006", f"November {n}, 2006".encode(), 1)


def broken_total() -> bytes:
    """The seed with Class B's total at 1.90 instead of 1.20: an error finding."""
    lines = SEED_BYTES.split(b"\n")
    lines[41] = lines[41].replace(b"1.20%", b"1.90%")
    return b"\n".join(lines)


def tar_bytes(members: dict[str, bytes], mode: str = "w") -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode=mode) as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return out.getvalue()


def zip_bytes(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def options(outdir: Path, *inputs: Path | str, **extra: Any) -> BatchOptions:
    settings = extra.pop("settings", Settings())
    return BatchOptions(inputs=tuple(str(i) for i in inputs), outdir=outdir, settings=settings, **extra)


def batch(outdir: Path, *inputs: Path | str, **extra: Any) -> Summary:
    client = extra.pop("_client", None)
    return run_batch(options(outdir, *inputs, **extra), client)


def manifest(outdir: Path) -> list[dict[str, str]]:
    with open(outdir / "manifest.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def outputs(outdir: Path, fmt: str = "csv") -> dict[str, bytes]:
    """The output files' bytes, the manifest without its timing column."""
    out = {name: (outdir / f"{name}.{fmt}").read_bytes() for name in ("tables", "findings")}
    frame = pd.read_csv(outdir / "manifest.csv") if fmt == "csv" else pd.read_parquet(outdir / "manifest.parquet")
    out["manifest"] = frame.drop(columns="seconds").to_csv(index=False).encode()
    return out


@pytest.fixture
def every_kind(tmp_path: Path) -> tuple[Path, list[str]]:
    """A folder with one input of each kind, and the input names the manifest must list."""
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a-plain.txt").write_bytes(variant(1))
    (src / "b-single.txt.gz").write_bytes(gzip.compress(variant(2)))
    (src / "c.zip").write_bytes(zip_bytes({"z1.txt": variant(3), "dir/z2.txt": variant(4)}))
    (src / "d.tar").write_bytes(tar_bytes({"t1.txt": variant(5)}))
    (src / "e.tar.gz").write_bytes(tar_bytes({"t2.txt": variant(6), "t3.txt.gz": gzip.compress(variant(7))},
                                             "w:gz"))
    (src / "f.tgz").write_bytes(tar_bytes({"nested.zip": zip_bytes({"n1.txt": variant(8)})}, "w:gz"))
    (src / "sub" / "20090102.nc.tar.gz").write_bytes(
        tar_bytes({"0000950123-09-000001.nc": FEED, "0000950123-09-000002.nc": variant(9)}, "w:gz"))
    names = [f"{src}/a-plain.txt", f"{src}/b-single.txt.gz", f"{src}/c.zip!z1.txt", f"{src}/c.zip!dir/z2.txt",
             f"{src}/d.tar!t1.txt", f"{src}/e.tar.gz!t2.txt", f"{src}/e.tar.gz!t3.txt.gz",
             f"{src}/f.tgz!nested.zip!n1.txt", f"{src}/sub/20090102.nc.tar.gz!0000950123-09-000001.nc",
             f"{src}/sub/20090102.nc.tar.gz!0000950123-09-000002.nc"]
    return src, names


def test_every_input_kind_is_read_and_listed_in_order(tmp_path: Path, every_kind: tuple[Path, list[str]]) -> None:
    src, names = every_kind
    summary = batch(tmp_path / "out", src)
    rows = manifest(tmp_path / "out")
    assert [r["input"] for r in rows] == names
    assert summary.inputs == 10 and summary.statuses == {"ok": 10}
    seed_tables, seed_rows = seed_counts()
    assert seed_tables == 2
    seeds = [r for r in rows if not r["input"].endswith("000001.nc")]
    assert all(r["tables"] == str(seed_tables) and r["bytes"] == str(len(variant(1))) for r in seeds)
    tables = pd.read_csv(tmp_path / "out" / "tables.csv")
    assert list(tables.columns) == TIDY_COLUMNS
    assert len(tables) == 9 * seed_rows + len(tidy_records(pipeline.extract_bytes(FEED, "feed")))
    fee = tables[(tables.file == names[3]) & (tables.label == "Management Fee") & (tables.column == "Class B")]
    assert fee.value.tolist() == [0.88] and fee.kind.tolist() == ["fees"]
    feed = tables[tables.file == names[8]]
    assert set(feed.accession_number) == {"0000950123-09-000001"} and set(feed.form_type) == {"485BPOS"}


def test_bzip2_and_xz_are_read_too(tmp_path: Path) -> None:
    import bz2
    import lzma

    (tmp_path / "a.tar.bz2").write_bytes(tar_bytes({"one.txt": variant(1)}, "w:bz2"))
    (tmp_path / "b.txt.xz").write_bytes(lzma.compress(variant(2)))
    (tmp_path / "c-cut.txt.xz").write_bytes(lzma.compress(variant(3))[:300])
    (tmp_path / "d.txt.bz2").write_bytes(bz2.compress(variant(4)))
    batch(tmp_path / "out", tmp_path)
    rows = [(Path(r["input"]).name, r["status"]) for r in manifest(tmp_path / "out")]
    assert rows == [("a.tar.bz2!one.txt", "ok"), ("b.txt.xz", "ok"), ("c-cut.txt.xz", "failed"), ("d.txt.bz2", "ok")]


def test_csv_and_parquet_hold_the_same_rows(tmp_path: Path, every_kind: tuple[Path, list[str]]) -> None:
    src, _ = every_kind
    batch(tmp_path / "csv", src)
    batch(tmp_path / "pq", src, settings=Settings(fmt="parquet"))
    for name in ("tables", "findings", "manifest"):
        from_csv = pd.read_csv(tmp_path / "csv" / f"{name}.csv", keep_default_na=False, na_values=[""])
        from_pq = pd.read_parquet(tmp_path / "pq" / f"{name}.parquet")
        assert list(from_pq.columns) == list(from_csv.columns)
        assert len(from_pq) == len(from_csv)
        if name == "tables":
            assert from_pq.value.tolist() == pytest.approx(from_csv.value.tolist(), nan_ok=True)
            assert from_pq.label.tolist() == from_csv.label.tolist()
            assert str(from_pq.table_line.dtype) == "int64"
    assert not (tmp_path / "pq" / ".parts").exists()


def test_parquet_row_groups_do_not_depend_on_input_boundaries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             every_kind: tuple[Path, list[str]]) -> None:
    import pyarrow.parquet as pq

    from extractor.batch import sinks

    src, _ = every_kind
    monkeypatch.setattr(sinks, "ROW_GROUP", 7)
    batch(tmp_path / "pq", src, settings=Settings(fmt="parquet"))
    batch(tmp_path / "csv", src)
    meta = pq.ParquetFile(tmp_path / "pq" / "tables.parquet").metadata
    sizes = [meta.row_group(i).num_rows for i in range(meta.num_row_groups)]
    assert sizes[:-1] == [7] * (len(sizes) - 1) and 1 <= sizes[-1] <= 7
    frame = pd.read_parquet(tmp_path / "pq" / "tables.parquet")
    from_csv = pd.read_csv(tmp_path / "csv" / "tables.csv", keep_default_na=False)
    assert frame.text.tolist() == from_csv.text.tolist()


def test_failing_members_are_recorded_and_the_run_goes_on(tmp_path: Path) -> None:
    archive = tmp_path / "mixed.zip"
    archive.write_bytes(zip_bytes({"good1.txt": variant(1), "garbage.bin": bytes(range(256)) * 40,
                                   "empty.txt": b"", "good2.txt": variant(2)}))
    summary = batch(tmp_path / "out", archive)
    rows = {r["input"].split("!")[1]: r for r in manifest(tmp_path / "out")}
    assert list(rows) == ["good1.txt", "garbage.bin", "empty.txt", "good2.txt"]
    assert rows["garbage.bin"]["status"] == "failed" and "binary" in rows["garbage.bin"]["reason"]
    assert rows["good1.txt"]["status"] == rows["good2.txt"]["status"] == "ok"
    assert rows["empty.txt"]["status"] in ("no-tables", "failed")
    assert summary.inputs == 4


def test_an_unexpected_exception_fails_only_its_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = pipeline.extract_bytes

    def flaky(data: bytes, source: str) -> Any:
        if source.endswith("bad.txt"):
            raise KeyError("boom\nsecond line")
        if source.endswith("deep.txt"):
            raise RecursionError("maximum recursion depth exceeded")
        return real(data, source)

    monkeypatch.setattr(pipeline, "extract_bytes", flaky)
    archive = tmp_path / "a.tar"
    archive.write_bytes(tar_bytes({"ok.txt": variant(1), "bad.txt": variant(2), "deep.txt": variant(3)}))
    batch(tmp_path / "out", archive)
    rows = manifest(tmp_path / "out")
    assert [(r["status"], r["reason"]) for r in rows] == [
        ("ok", ""), ("failed", "KeyError: 'boom\\nsecond line'"),
        ("failed", "RecursionError: maximum recursion depth exceeded")]


def test_kind_and_form_filters(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "feed.nc").write_bytes(FEED)
    (src / "seed.txt").write_bytes(SEED_BYTES)
    (src / "ims.txt").write_bytes((FIXTURES / "container-ims.txt").read_bytes())
    batch(tmp_path / "forms", src, settings=Settings(forms=frozenset({"485BPOS", "424B5"})))
    rows = manifest(tmp_path / "forms")
    assert [(r["status"], r["reason"]) for r in rows] == [
        ("ok", ""), ("ok", ""), ("skipped-form", "form unknown")]
    batch(tmp_path / "fees", src, settings=Settings(kinds=("fees",)))
    rows = manifest(tmp_path / "fees")
    assert [(r["status"], r["tables"]) for r in rows] == [("no-tables", "0"), ("no-tables", "0"), ("ok", "1")]
    assert rows[0]["reason"] == "no fees table among 1"
    assert set(pd.read_csv(tmp_path / "fees" / "tables.csv").kind) == {"fees"}


def test_findings_are_written_and_counted(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(broken_total())
    summary = batch(tmp_path / "out", tmp_path / "bad.txt")
    findings = pd.read_csv(tmp_path / "out" / "findings.csv")
    assert summary.errors >= 1
    first = findings[findings.check == "component_sum"].iloc[0]
    assert (first.file, first.severity, first.line, first.column, str(first.found)) == (
        str(tmp_path / "bad.txt"), "error", 42, "Class B", "1.9")
    row = manifest(tmp_path / "out")[0]
    assert int(row["findings"]) == len(findings) and int(row["errors"]) == summary.errors


def test_pool_gives_the_same_bytes_as_one_job(tmp_path: Path, every_kind: tuple[Path, list[str]]) -> None:
    src, _ = every_kind
    batch(tmp_path / "one", src, jobs=1)
    batch(tmp_path / "two", src, jobs=2)
    assert outputs(tmp_path / "one") == outputs(tmp_path / "two")


def test_the_output_folder_inside_an_input_folder_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "seed.txt").write_bytes(SEED_BYTES)
    batch(tmp_path / "out", tmp_path)
    batch(tmp_path / "out", tmp_path)
    assert [r["input"] for r in manifest(tmp_path / "out")] == [str(tmp_path / "seed.txt")]


def test_two_runs_cannot_write_one_folder(tmp_path: Path) -> None:
    from extractor.batch.parts import lock

    (tmp_path / "seed.txt").write_bytes(SEED_BYTES)
    (tmp_path / "out").mkdir()
    held = lock(tmp_path / "out")
    try:
        assert main(["batch", str(tmp_path / "seed.txt"), "-o", str(tmp_path / "out"), "--jobs", "1"]) == 2
    finally:
        held.close()
    assert main(["batch", str(tmp_path / "seed.txt"), "-o", str(tmp_path / "out"), "--jobs", "1"]) == 0


def test_a_folder_that_cannot_be_listed_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    for sub in ("a", "b", "c"):
        (tmp_path / "in" / sub).mkdir(parents=True)
        (tmp_path / "in" / sub / "f.txt").write_bytes(variant(1))
    real = os.scandir

    def scandir(path: Any) -> Any:
        if str(path).endswith("/b"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    batch(tmp_path / "out", tmp_path / "in")
    rows = [(r["input"].removeprefix(f"{tmp_path}/in/"), r["status"], r["reason"]) for r in manifest(tmp_path / "out")]
    assert rows == [("a/f.txt", "ok", ""), ("b", "failed", "cannot list folder: Permission denied"),
                    ("c/f.txt", "ok", "")]


def test_globs_expand_in_sorted_order(tmp_path: Path) -> None:
    for n in (3, 1, 2):
        (tmp_path / f"f{n}.txt").write_bytes(variant(n))
    batch(tmp_path / "out", tmp_path / "f*.txt")
    assert [Path(r["input"]).name for r in manifest(tmp_path / "out")] == ["f1.txt", "f2.txt", "f3.txt"]


def cli(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "extractor", "batch", *argv], capture_output=True, text=True,
                          timeout=300)


def test_exit_codes_and_one_line_reports(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_bytes(SEED_BYTES)
    (tmp_path / "junk.bin").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "bad.txt").write_bytes(broken_total())
    out = str(tmp_path / "out")
    assert main(["batch", str(tmp_path / "good.txt"), "-o", out, "--jobs", "1"]) == 0
    assert main(["batch", str(tmp_path / "good.txt"), str(tmp_path / "bad.txt"), "-o", out, "--jobs", "1"]) == 1
    assert main(["batch", str(tmp_path / "missing.txt"), "-o", out]) == 2
    assert main(["batch", str(tmp_path / "nothing-*.txt"), "-o", out]) == 2
    proc = cli(str(tmp_path / "junk.bin"), str(tmp_path / "good.txt"), "-o", out, "--jobs", "2")
    assert proc.returncode == 0
    lines = proc.stderr.splitlines()
    assert lines[0].startswith(f"{tmp_path / 'junk.bin'}: failed: binary input")
    assert lines[1] == f"2 input(s): 1 failed, 1 ok; {seed_counts()[0]} table(s), 0 finding(s), 0 error(s) -> {out}"
    assert len(lines) == 2  # no progress bar when standard error is not a terminal
    proc = cli(str(tmp_path / "junk.bin"), "-o", out, "--no-progress")
    assert proc.returncode == 3


def test_the_progress_bar_counts_files_bytes_and_failures(capsys: pytest.CaptureFixture[str]) -> None:
    from extractor.batch.progress import Progress

    progress = Progress(enabled=True)
    progress.advance("ok", 3_000_000)
    progress.advance("failed", 1_000_000)
    progress.report("x.txt: failed: broken")
    progress.bar.refresh()
    progress.close()
    err = capsys.readouterr().err
    assert "2 files" in err and "MB/s" in err and "1 failed" in err and "x.txt: failed: broken\n" in err
    Progress(enabled=False).close()
    assert capsys.readouterr().err == ""


def test_debug_shows_the_traceback_of_an_unexpected_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    def broken(data: bytes, source: str) -> Any:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(pipeline, "extract_bytes", broken)
    (tmp_path / "seed.txt").write_bytes(SEED_BYTES)
    out = str(tmp_path / "out")
    assert main(["batch", str(tmp_path / "seed.txt"), "-o", out, "--jobs", "1"]) == 3
    err = capsys.readouterr().err
    assert "seed.txt: failed: ZeroDivisionError: division by zero" in err and "Traceback" not in err
    assert main(["batch", str(tmp_path / "seed.txt"), "-o", out, "--jobs", "1", "--debug"]) == 3
    assert "Traceback (most recent call last)" in capsys.readouterr().err


def test_an_input_that_takes_too_long_fails_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = pipeline.extract_bytes
    calls: list[str] = []

    def stuck(data: bytes, source: str) -> Any:
        calls.append(source)
        if source.endswith("stuck.txt"):
            while True:  # a reader caught in a loop
                pass
        if source.endswith("three.txt"):
            raise KeyboardInterrupt
        return real(data, source)

    monkeypatch.setattr(pipeline, "extract_bytes", stuck)
    (tmp_path / "a.tar").write_bytes(tar_bytes({"one.txt": variant(1), "stuck.txt": variant(2),
                                                "two.txt": variant(3), "three.txt": variant(4)}))
    with pytest.raises(KeyboardInterrupt):
        batch(tmp_path / "out", tmp_path / "a.tar", settings=Settings(timeout=0.3))
    parts = sorted(finished_parts(tmp_path / "out"))
    assert [decode_part(part)[0][1:3] for _, part in parts] == [
        ["ok", ""], ["failed", "took longer than 0.3 s (--timeout)"], ["ok", ""]]
    monkeypatch.setattr(pipeline, "extract_bytes", lambda data, source: calls.append(source) or real(data, source))
    calls.clear()
    summary = batch(tmp_path / "out", tmp_path / "a.tar", settings=Settings(timeout=0.3), resume=True)
    assert summary.statuses == {"ok": 4}  # the timed-out input is tried again on resume; done ones are not
    assert [Path(c).name for c in calls] == ["a.tar!stuck.txt", "a.tar!three.txt"]


def test_bad_flags_are_usage_errors(tmp_path: Path) -> None:
    (tmp_path / "seed.txt").write_bytes(SEED_BYTES)
    for extra in (["--jobs", "0"], ["--max-ratio", "0"], ["--max-member-bytes", "-1"], ["--form", ","],
                  ["--scheduler", "tcp://127.0.0.1:1"], ["--timeout", "-1"]):
        assert main(["batch", str(tmp_path / "seed.txt"), "-o", str(tmp_path / "out"), *extra]) == 2
    assert main(["batch", str(tmp_path / "seed.txt"), "-o", str(tmp_path / "seed.txt" / "out")]) == 2


def test_limits_come_from_the_flags() -> None:
    from extractor.batch.options import options_from_args
    from extractor.cli import build_parser

    args = build_parser().parse_args(["batch", "x", "-o", "y", "--max-member-bytes", "1000", "--max-ratio", "7",
                                      "--kind", "fees", "--form", "485bpos, 497", "--format", "parquet",
                                      "--timeout", "0"])
    opts = options_from_args(args, progress=True)
    assert opts.limits == Limits(max_member_bytes=1000, max_ratio=7.0)
    assert opts.settings == Settings(kinds=("fees",), forms=frozenset({"485BPOS", "497"}), fmt="parquet",
                                     timeout=None)
    assert opts.progress is True and opts.jobs >= 1


def _in_a_thread(body: Any) -> list[str]:
    """Run ``body`` in a thread other than the main one (as Dask does) and say how it ended."""
    ended: list[str] = []

    def run() -> None:
        try:
            body()
            ended.append("returned")
        except InputTimeout:
            ended.append("timed out")

    thread = threading.Thread(target=run, daemon=True)  # a regression must not keep pytest from exiting
    thread.start()
    thread.join(30)
    assert not thread.is_alive()
    return ended


def test_time_limit_interrupts_a_loop_in_a_worker_thread() -> None:
    def spin() -> None:
        with time_limit(0.2):
            while True:
                pass

    assert _in_a_thread(spin) == ["timed out"]


def test_a_time_limit_that_was_not_reached_never_strikes_later() -> None:
    def quick_then_busy() -> None:
        with time_limit(0.05):
            pass
        deadline = time.monotonic() + 0.3  # well past the limit: a late exception would land here
        while time.monotonic() < deadline:
            pass

    assert _in_a_thread(quick_then_busy) == ["returned"]
