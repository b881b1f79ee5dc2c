"""Interrupted runs: no half files, and ``--resume`` ends with exactly the uninterrupted output.

Tables and findings must be byte-identical; the manifest too, except its ``seconds`` column,
which measures the run and is left out of the comparison.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from test_batch import batch, broken_total, manifest, outputs, tar_bytes, variant, zip_bytes

from extractor import pipeline
from extractor.batch import Settings
from extractor.batch.parts import MAGIC, finished_parts, frame, key_position
from extractor.cli import main


def make_inputs(folder: Path, count: int = 24) -> Path:
    folder.mkdir()
    members = {f"{n:03d}.txt": variant(n) for n in range(count)}
    members["005.txt"] = broken_total()
    members["007.bin"] = bytes(range(256)) * 4
    (folder / "a.tar.gz").write_bytes(tar_bytes(members, "w:gz"))
    (folder / "b.zip").write_bytes(zip_bytes({"../evil.txt": variant(1), "z.txt": variant(99)}))
    return folder


def finished(outdir: Path) -> list[str]:
    return sorted(p.name for p in outdir.iterdir() if not p.name.startswith("."))


REAL_EXTRACT = pipeline.extract_bytes


def watch_pipeline(monkeypatch: pytest.MonkeyPatch, interrupt_at: int = 0) -> list[str]:
    """Record the inputs the pipeline is run on (the list returned), and raise KeyboardInterrupt
    on the ``interrupt_at``-th of them (never when 0)."""
    calls: list[str] = []

    def watched(data: bytes, source: str) -> Any:
        calls.append(source)
        if len(calls) == interrupt_at:
            raise KeyboardInterrupt
        return REAL_EXTRACT(data, source)

    monkeypatch.setattr(pipeline, "extract_bytes", watched)
    return calls


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_resume_after_an_interrupt_gives_the_same_bytes(tmp_path: Path, fmt: str,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    src = make_inputs(tmp_path / "in")
    settings = Settings(fmt=fmt)
    batch(tmp_path / "whole", src, settings=settings)
    watch_pipeline(monkeypatch, interrupt_at=10)
    with pytest.raises(KeyboardInterrupt):
        batch(tmp_path / "out", src, settings=settings)
    assert finished(tmp_path / "out") == []  # no output file, whole or half
    assert len(finished_parts(tmp_path / "out")) == 9
    calls = watch_pipeline(monkeypatch)
    batch(tmp_path / "out", src, settings=settings, resume=True)
    assert len(calls) == 25 + 1 - 9  # the tar's and the zip's readable members not done yet
    assert outputs(tmp_path / "out", fmt) == outputs(tmp_path / "whole", fmt)
    assert finished(tmp_path / "out") == [f"{n}.{fmt}" for n in ("findings", "manifest", "tables")]
    assert not (tmp_path / "out" / ".parts").exists()


def test_resume_drops_a_cut_off_last_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run killed while appending leaves part of a record at the journal's end: resume drops it,
    recomputes that input and appends after the last whole record."""
    src = make_inputs(tmp_path / "in")
    batch(tmp_path / "whole", src)
    watch_pipeline(monkeypatch, interrupt_at=10)
    with pytest.raises(KeyboardInterrupt):
        batch(tmp_path / "out", src)
    journal = tmp_path / "out" / ".parts" / "journal"
    done = finished_parts(tmp_path / "out")
    key, part = done[-1]
    later = f"{key_position(key) + 1:09d}-0123456789abcdef"
    with open(journal, "ab") as handle:
        handle.write(frame(later, part)[:-7])
    assert len(finished_parts(tmp_path / "out")) == 9
    calls = watch_pipeline(monkeypatch)
    batch(tmp_path / "out", src, resume=True)
    assert len(calls) == 25 + 1 - 9
    assert outputs(tmp_path / "out") == outputs(tmp_path / "whole")


def test_resume_trusts_only_a_record_of_the_same_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An index entry whose record names another input (or is cut off) counts as not done."""
    src = make_inputs(tmp_path / "in")
    watch_pipeline(monkeypatch, interrupt_at=10)
    with pytest.raises(KeyboardInterrupt):
        batch(tmp_path / "out", src)
    index = tmp_path / "out" / ".parts" / "index"
    entries = index.read_bytes()
    assert len(entries) == 16 * 9  # zeros where no part was written, none past the last
    first, second = entries[:16], entries[16:32]
    index.write_bytes(second + first + entries[32:])  # the first two inputs' entries swapped
    calls = watch_pipeline(monkeypatch)
    batch(tmp_path / "out", src, resume=True)
    assert len(calls) == 25 + 1 - 9 + 2
    assert [c.rsplit("!", 1)[-1] for c in calls[:2]] == ["000.txt", "001.txt"]


def test_resume_recomputes_an_input_whose_part_does_not_decode(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A whole record (right key and length) whose part is damaged counts as not done."""
    src = make_inputs(tmp_path / "in")
    batch(tmp_path / "whole", src)
    watch_pipeline(monkeypatch, interrupt_at=10)
    with pytest.raises(KeyboardInterrupt):
        batch(tmp_path / "out", src)
    journal = tmp_path / "out" / ".parts" / "journal"
    data = journal.read_bytes()
    assert data.count(MAGIC) == 9
    journal.write_bytes(data.replace(MAGIC, MAGIC.upper(), 1))  # the first part's header, same length
    calls = watch_pipeline(monkeypatch)
    batch(tmp_path / "out", src, resume=True)
    assert len(calls) == 25 + 1 - 9 + 1
    assert outputs(tmp_path / "out") == outputs(tmp_path / "whole")


def test_the_parts_folder_holds_four_files_however_many_inputs(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    src = make_inputs(tmp_path / "in")
    watch_pipeline(monkeypatch, interrupt_at=20)
    with pytest.raises(KeyboardInterrupt):
        batch(tmp_path / "out", src)
    assert sorted(p.name for p in (tmp_path / "out" / ".parts").iterdir()) == ["index", "journal", "order", "run.json"]
    assert len(finished_parts(tmp_path / "out")) == 19


def test_resume_recomputes_an_input_that_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for n in range(3):
        (src / f"{n}.txt").write_bytes(variant(n))
    real = pipeline.extract_bytes
    monkeypatch.setattr(pipeline, "extract_bytes", lambda data, source: (_ for _ in ()).throw(KeyboardInterrupt)
                        if source.endswith("2.txt") else real(data, source))
    with pytest.raises(KeyboardInterrupt):
        batch(tmp_path / "out", src)
    monkeypatch.undo()
    (src / "1.txt").write_bytes(broken_total())  # changed after it was done
    summary = batch(tmp_path / "out", src, resume=True)
    assert summary.errors >= 1
    batch(tmp_path / "whole", src)
    assert outputs(tmp_path / "out") == outputs(tmp_path / "whole")


def test_resume_refuses_other_options(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = make_inputs(tmp_path / "in", count=3)
    monkeypatch.setattr(pipeline, "extract_bytes", lambda data, source: (_ for _ in ()).throw(KeyboardInterrupt))
    with pytest.raises(KeyboardInterrupt):
        batch(tmp_path / "out", src, settings=Settings(kinds=("fees",)))
    monkeypatch.undo()
    out = str(tmp_path / "out")
    assert main(["batch", str(src), "-o", out, "--resume", "--jobs", "1"]) == 2
    assert main(["batch", str(src), "-o", out, "--resume", "--jobs", "1", "--kind", "fees"]) == 1


def test_an_interrupted_command_says_how_to_go_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    src = make_inputs(tmp_path / "in", count=3)
    out = tmp_path / "out"
    assert main(["batch", str(src), "-o", str(out), "--jobs", "1"]) == 1
    monkeypatch.setattr(pipeline, "extract_bytes", lambda data, source: (_ for _ in ()).throw(KeyboardInterrupt))
    assert main(["batch", str(src), "-o", str(out), "--jobs", "1"]) == 130
    assert "run again with --resume" in capsys.readouterr().err
    assert finished(out) == []  # the earlier run's outputs are gone, not left to pass for this run's


SLOW = """
import time
import extractor.pipeline as pipeline

_real = pipeline.extract_bytes


def _slow(data, source):
    time.sleep(0.05)
    return _real(data, source)


pipeline.extract_bytes = _slow
"""


def descendants(pid: int) -> list[int]:
    """Child processes, recursively, from /proc (Linux)."""
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        for child in (task / "children").read_text().split():
            found += [int(child), *descendants(int(child))]
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads /proc")
def test_a_sigkilled_run_resumes_to_identical_outputs(tmp_path: Path) -> None:
    src = make_inputs(tmp_path / "in", count=60)
    whole, out = tmp_path / "whole", tmp_path / "out"
    args = [sys.executable, "-m", "extractor", "batch", str(src), "--jobs", "2", "--no-progress"]
    assert subprocess.run([*args, "-o", str(whole)], capture_output=True, timeout=300).returncode == 1
    (tmp_path / "slow").mkdir()
    (tmp_path / "slow" / "sitecustomize.py").write_text(SLOW)  # every process of the run is slowed
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "slow")}
    proc = subprocess.Popen([*args, "-o", str(out)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while len(finished_parts(out)) < 10 and proc.poll() is None:
            assert time.monotonic() < deadline
            time.sleep(0.01)
        workers = descendants(proc.pid)
        proc.kill()  # SIGKILL to the run alone, mid-way: its workers must notice and go
    finally:
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    try:
        assert workers
        while any(alive(pid) for pid in workers):
            assert time.monotonic() < deadline, f"workers outlived the run: {workers}"
            time.sleep(0.05)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # only if the test failed: leave no process behind
    parts = len(finished_parts(out))
    assert 10 <= parts < 63
    assert finished(out) == []
    resumed = subprocess.run([*args, "-o", str(out), "--resume"], capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 1, resumed.stderr
    assert outputs(out) == outputs(whole)


CRASH = """
import os
import extractor.pipeline as pipeline

_real = pipeline.extract_bytes


def _crash(data, source):
    if "crash" in source:
        os._exit(9)  # as a segfault or the OOM killer would end a worker
    return _real(data, source)


pipeline.extract_bytes = _crash
"""


def batch_with_workers_patched(tmp_path: Path, members: dict[str, bytes], patch: str,
                               *flags: str) -> subprocess.CompletedProcess[str]:
    """``edgar-extract batch --jobs 2`` on a tar of ``members``, with ``patch`` run as
    ``sitecustomize`` in every process of the run, the workers included."""
    (tmp_path / "a.tar").write_bytes(tar_bytes(members))
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "sitecustomize.py").write_text(patch)
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "site")}
    return subprocess.run([sys.executable, "-m", "extractor", "batch", str(tmp_path / "a.tar"), "-o",
                           str(tmp_path / "out"), "--jobs", "2", *flags], env=env, capture_output=True,
                          text=True, timeout=300)


def test_an_input_that_kills_its_worker_fails_alone(tmp_path: Path) -> None:
    members = {f"{n:02d}.txt": variant(n) for n in range(12)}
    members["06-crash.txt"] = variant(99)
    proc = batch_with_workers_patched(tmp_path, members, CRASH)
    assert proc.returncode == 0, proc.stderr
    rows = manifest(tmp_path / "out")
    assert [r["input"].split("!")[1] for r in rows] == list(members)
    assert [(r["status"], r["reason"]) for r in rows if r["status"] != "ok"] == [
        ("failed", "the worker process died on this input")]
    assert proc.stderr.splitlines()[0].endswith("06-crash.txt: failed: the worker process died on this input")


HANG = """
import signal
import extractor.pipeline as pipeline

_real = pipeline.extract_bytes


def _hang(data, source):
    if "hang" in source:
        signal.signal(signal.SIGALRM, signal.SIG_IGN)  # the alarm never lands, as in a long call into C
        while True:
            pass
    return _real(data, source)


pipeline.extract_bytes = _hang
"""


def test_an_input_that_its_worker_cannot_interrupt_fails_alone(tmp_path: Path) -> None:
    """The worker's own --timeout alarm never lands (as in a long call into C or the compiled
    build); the pool kills the worker at the hard limit and finds the input alone."""
    members = {f"{n:02d}.txt": variant(n) for n in range(10)}
    members["04-hang.txt"] = variant(98)
    proc = batch_with_workers_patched(tmp_path, members, HANG, "--timeout", "0.5")
    assert proc.returncode == 0, proc.stderr
    rows = manifest(tmp_path / "out")
    assert [r["input"].split("!")[1] for r in rows] == list(members)
    assert [(r["input"].split("!")[1], r["status"], r["reason"]) for r in rows if r["status"] != "ok"] == [
        ("04-hang.txt", "failed", "took longer than 0.5 s (--timeout)")]
