"""Batch runner benchmark: end-to-end MB/s and filings/s for 1 and 2 workers, peak RSS, and the
ratio to a bare regex scan that only finds the ``<TABLE>`` blocks of the same bytes.

    python benchmarks/batch_bench.py                 # 1 GB archive (the issue's figure)
    python benchmarks/batch_bench.py --size-mb 200   # a quick run
    python benchmarks/batch_bench.py --size-mb 50 --profile   # where the time goes, one process

The archive is built in ``benchmarks/out/`` (git-ignored) in the EDGAR daily-feed layout, a tar of
``ACCESSION.nc`` members, from the fixtures and ``../shared/corpus/filings`` copied under varied
names; it is reused while its size and sources match. ``--gzip`` builds a ``.nc.tar.gz`` instead.

The copies repeat about 40 filings, so the extractor's caches of lines, cells and headers see the
same tables again and again, which flatters it: a real archive repeats boilerplate, but not
whole tables with their numbers. ``--vary`` builds the archive with the digits of every table
shifted by the copy's round (outside tags, so the layout and the markup stay as they are), so
that nearly every table line is new to the caches, as most of a real year's lines are.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import json
import os
import pstats
import re
import shutil
import subprocess
import sys
import tarfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
SOURCES = [ROOT / "fixtures", ROOT.parent / "shared" / "corpus" / "filings"]
TABLE = re.compile(rb"<TABLE\b.*?</TABLE>", re.S | re.I)
MB = 1e6


def filings() -> list[tuple[str, bytes]]:
    found = []
    for folder in SOURCES:
        if folder.is_dir():
            found += [(p.name, p.read_bytes()) for p in sorted(folder.iterdir())
                      if p.suffix in (".txt", ".htm", ".html", ".nc")]
    if not found:
        sys.exit("no filings found in fixtures/ or ../shared/corpus/filings")
    return found


TABLE_TEXT = re.compile(rb"(<[^<>]*>)|[0-9]+")
"""A tag, kept as it is, or a run of digits, shifted by ``--vary``."""


def shift_digits(data: bytes, by: int) -> bytes:
    """``data`` with every digit of its tables, outside tags, shifted by ``by`` (mod 10)."""
    table = bytes.maketrans(b"0123456789", bytes(b"0123456789"[(i + by) % 10] for i in range(10)))

    def shift(match: re.Match[bytes]) -> bytes:
        return match.group() if match.group(1) else match.group().translate(table)

    return TABLE.sub(lambda block: TABLE_TEXT.sub(shift, block.group()), data)


def build(size_mb: float, gzip: bool, vary: bool = False) -> tuple[Path, int, int]:
    """A feed-layout archive of at least ``size_mb`` MB of filings: (path, filings, bytes)."""
    sources = filings()
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"20261201{'-varied' if vary else ''}.nc.tar{'.gz' if gzip else ''}"
    meta = path.with_suffix(".json")
    wanted = {"size_mb": size_mb, "sources": [(n, len(d)) for n, d in sources], "vary": vary}
    if path.exists() and meta.exists():
        known = json.loads(meta.read_text())
        if known["wanted"] == wanted:
            return path, known["count"], known["bytes"]
    count = total = 0
    with tarfile.open(path, "w:gz", compresslevel=6) if gzip else tarfile.open(path, "w") as tar:
        while total < size_mb * MB:
            _, data = sources[count % len(sources)]
            if vary:
                data = shift_digits(data, count // len(sources))
            info = tarfile.TarInfo(f"{9000000000 + count:010d}-26-{count:06d}.nc")
            info.size = len(data)
            info.mtime = 1764547200
            tar.addfile(info, io.BytesIO(data))
            count += 1
            total += len(data)
    meta.write_text(json.dumps({"wanted": wanted, "count": count, "bytes": total}))
    return path, count, total


def bare_scan(path: Path) -> tuple[float, int]:
    """Seconds to read every member and find its ``<TABLE>`` blocks, and how many it found."""
    start = time.perf_counter()
    found = 0
    with tarfile.open(path, "r|*") as tar:
        for info in tar:
            member = tar.extractfile(info)
            if member is not None:
                found += sum(1 for _ in TABLE.finditer(member.read()))
    return time.perf_counter() - start, found


class RssSampler(threading.Thread):
    """Peak RSS of a process tree (the whole tree's sum and the largest single process) and its
    CPU seconds: on a shared machine CPU time, not wall time, shows the speed per core."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        import psutil

        self.root = psutil.Process(pid)
        self.peak_total = self.peak_single = self.peak_pss = 0
        self.cpu: dict[int, float] = {}
        self.stopped = threading.Event()

    def run(self) -> None:
        import psutil

        tick = 0
        while not self.stopped.is_set():
            full = tick % 10 == 0  # PSS reads smaps: costly, so every second only, RSS ten times as often
            tick += 1
            with contextlib.suppress(psutil.Error):
                sizes, shares = [], []
                for proc in [self.root, *self.root.children(recursive=True)]:
                    with contextlib.suppress(psutil.Error):
                        if full:
                            info = proc.memory_full_info()  # pss: shared pages counted once
                            shares.append(info.pss)
                        sizes.append(proc.memory_info().rss)
                        times = proc.cpu_times()
                        self.cpu[proc.pid] = times.user + times.system
                self.peak_total = max(self.peak_total, sum(sizes))
                self.peak_single = max(self.peak_single, max(sizes, default=0))
                if full:
                    self.peak_pss = max(self.peak_pss, sum(shares))
            self.stopped.wait(0.1)


# The package the interpreter has installed, never a source tree in the working directory (``-m``
# would put the working directory first on sys.path, ahead of a compiled install).
SAFE_ENV = {**os.environ, "PYTHONSAFEPATH": "1"}


def build_of(python: str) -> str:
    """What ``edgar-extract --version`` says under this interpreter: version and build."""
    return subprocess.run([python, "-m", "extractor", "--version"], capture_output=True, text=True, check=True,
                          env=SAFE_ENV).stdout.strip()


def run_batch(path: Path, jobs: int, extra: list[str], python: str = sys.executable) -> dict[str, float]:
    outdir = OUT / f"run-j{jobs}"
    shutil.rmtree(outdir, ignore_errors=True)
    cmd = [python, "-m", "extractor", "batch", str(path), "-o", str(outdir), "--jobs", str(jobs),
           "--no-progress", *extra]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, env=SAFE_ENV)
    sampler = RssSampler(proc.pid)
    sampler.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - start
    sampler.stopped.set()
    sampler.join()
    if proc.returncode not in (0, 1):
        sys.exit(f"batch failed ({proc.returncode}): {err[-2000:]}")
    shutil.rmtree(outdir, ignore_errors=True)  # the outputs run to hundreds of MB; the archive is kept
    summary = err.strip().splitlines()[-1] if err.strip() else ""
    return {"seconds": seconds, "cpu": sum(sampler.cpu.values()), "main_cpu": sampler.cpu.get(proc.pid, 0.0),
            "peak_total": sampler.peak_total,
            "peak_pss": sampler.peak_pss,
            "peak_single": sampler.peak_single, "summary": summary}  # type: ignore[dict-item]


def profile(path: Path, limit_mb: float) -> None:
    """cProfile of the per-input function over the first ``limit_mb`` MB, in this process."""
    sys.path.insert(0, str(ROOT))
    from extractor.batch.options import Settings
    from extractor.batch.work import WorkItem, process

    items = []
    total = 0
    with tarfile.open(path, "r|*") as tar:
        for info in tar:
            member = tar.extractfile(info)
            if member is None:
                continue
            data = member.read()
            items.append(WorkItem(info.name, info.name, data))
            total += len(data)
            if total >= limit_mb * MB:
                break
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    for item in items:
        process(item, Settings())
    profiler.disable()
    seconds = time.perf_counter() - start
    print(f"profile: {len(items)} filings, {total / MB:.1f} MB in {seconds:.2f} s = {total / MB / seconds:.1f} MB/s "
          f"in one process (cProfile adds overhead)")
    stats = pstats.Stats(profiler, stream=sys.stdout)
    print_stages(stats)
    stats.sort_stats("tottime").print_stats(25)
    stats.sort_stats("cumulative").print_stats(40)


STAGES = [("container (decode, header, documents)", "extractor/container/"), ("text reader", "extractor/text/"),
          ("HTML reader", "extractor/html/"), ("classifier", "extractor/classify"),
          ("validator", "extractor/checks/"), ("values", "extractor/values"), ("writers", "extractor/writers"),
          ("batch (encode rows)", "extractor/batch/"), ("pipeline", "extractor/pipeline")]


def stage_of(path: str) -> str | None:
    return next((name for name, part in STAGES if part in path), None)


def print_stages(stats: pstats.Stats) -> None:
    """Own time by package; a library function's time (regex, lxml, str methods) is charged to the
    package functions that called it, through other library functions, in proportion to calls."""
    entries = stats.stats  # type: ignore[attr-defined]
    totals: dict[str, float] = {}

    def charge(func: tuple[str, int, str], seconds: float, depth: int) -> None:
        stage = stage_of(func[0])
        callers = entries.get(func, (0, 0, 0, 0, {}))[4]
        if stage is None and callers and depth < 12:
            whole = sum(v[1] for v in callers.values()) or 1
            for caller, v in callers.items():
                charge(caller, seconds * v[1] / whole, depth + 1)
            return
        owner = stage or "other"
        totals[owner] = totals.get(owner, 0.0) + seconds

    for func, (_, _, own, _, _) in entries.items():
        charge(func, own, 0)
    everything = sum(totals.values()) or 1
    print("time by stage (library calls charged to the package code that made them):")
    for stage, seconds in sorted(totals.items(), key=lambda kv: -kv[1]):
        print(f"  {stage:<40} {seconds:7.2f} s  {100 * seconds / everything:5.1f} %")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size-mb", type=float, default=1024, help="archive size in MB of filings (default 1024)")
    parser.add_argument("--jobs", default="1,2", help="worker counts to time (default 1,2)")
    parser.add_argument("--gzip", action="store_true", help="build a .nc.tar.gz instead of a plain .nc.tar")
    parser.add_argument("--vary", action="store_true",
                        help="shift the digits of every copy's tables, so that the caches see new lines")
    parser.add_argument("--format", choices=("csv", "parquet"), default="csv")
    parser.add_argument("--engine", choices=("local", "dask"), default="local")
    parser.add_argument("--profile", action="store_true", help="profile the per-input function instead")
    parser.add_argument("--profile-mb", type=float, default=30)
    parser.add_argument("--json", action="store_true", help="also print the figures as one JSON line")
    parser.add_argument("--python", action="append", metavar="PATH",
                        help="interpreter to time (repeat to compare builds, e.g. a pure and a compiled install, "
                             "in one run; default: this one)")
    args = parser.parse_args()

    start = time.perf_counter()
    path, count, total = build(args.size_mb, args.gzip, args.vary)
    print(f"archive: {path.relative_to(ROOT)}: {count} filings, {total / MB:.0f} MB of filings, "
          f"{path.stat().st_size / MB:.0f} MB on disk (ready in {time.perf_counter() - start:.1f} s)")
    if args.profile:
        profile(path, args.profile_mb)
        return
    cpu_start = time.process_time()
    scan_seconds, blocks = bare_scan(path)
    scan_cpu = time.process_time() - cpu_start
    scan_rate = total / MB / scan_seconds
    print(f"bare <TABLE> scan: {blocks} blocks in {scan_seconds:.1f} s = {scan_rate:.1f} MB/s "
          f"({total / MB / scan_cpu:.1f} MB per CPU second); load average {os.getloadavg()[0]:.1f}")
    figures: dict[str, object] = {"filings": count, "mb": total / MB, "scan_mb_s": scan_rate}
    pythons = args.python or [sys.executable]
    builds = [build_of(python) for python in pythons]
    for number, (python, described) in enumerate(zip(pythons, builds, strict=True), 1):
        print(f"python {number}: {described} ({python})")
    job_counts = [int(j) for j in args.jobs.split(",")]
    rates: dict[tuple[int, int], float] = {}
    for jobs in job_counts:
        for number, python in enumerate(pythons, 1):
            rates[jobs, number] = time_one(path, jobs, python, number, args, count, total, scan_rate, figures)
    for number in range(2, len(pythons) + 1):
        for jobs in job_counts:
            ratio = rates[jobs, number] / rates[jobs, 1]
            print(f"jobs {jobs}: {builds[number - 1]} / {builds[0]}: {ratio:.2f}x")
            figures[f"j{jobs}-python{number}-over-python1"] = ratio
    for number in range(1, len(pythons) + 1):
        if (1, number) in rates and (2, number) in rates:
            scaling = rates[2, number] / rates[1, number]
            print(f"2 workers / 1 worker ({builds[number - 1]}): {scaling:.2f}x")
            figures[f"scaling_2_over_1{_suffix(number)}"] = scaling
    if args.json:
        print(json.dumps(figures))


def _suffix(number: int) -> str:
    """The figures' key suffix of the ``number``-th interpreter: none for the first, as before
    ``--python`` existed."""
    return "" if number == 1 else f"-python{number}"


def time_one(path: Path, jobs: int, python: str, number: int, args: argparse.Namespace, count: int, total: int,
             scan_rate: float, figures: dict[str, object]) -> float:
    """One timed batch run of the ``number``-th interpreter; prints its line and files its
    figures. Returns MB/s."""
    result = run_batch(path, jobs, ["--format", args.format, "--engine", args.engine], python)
    rate = total / MB / result["seconds"]
    key = f"j{jobs}{_suffix(number)}"
    label = f"jobs {jobs}" + ("" if number == 1 else f" python {number}")
    print(f"{label}: {result['seconds']:.1f} s, {rate:.1f} MB/s ({rate / jobs:.1f} per worker), "
          f"{count / result['seconds']:.1f} filings/s, {rate / scan_rate:.2f} of the bare scan, "
          f"{total / MB / result['cpu']:.1f} MB per CPU second; peak RSS {result['peak_single'] / MB:.0f} MB "
          f"(largest process), {result['peak_total'] / MB:.0f} MB summed over the process tree, "
          f"{result['peak_pss'] / MB:.0f} MB PSS (shared pages once); "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"        main process (reads the archive, writes the parts, merges): {result['main_cpu']:.1f} CPU s "
          f"of {result['cpu']:.1f}")
    print(f"        {result['summary']}")
    figures[key] = {"seconds": result["seconds"], "cpu_seconds": result["cpu"],
                    "main_cpu_seconds": result["main_cpu"], "mb_s": rate,
                    "filings_s": count / result["seconds"],
                    "vs_scan": rate / scan_rate, "peak_rss_mb": result["peak_total"] / MB,
                    "peak_pss_mb": result["peak_pss"] / MB,
                    "peak_single_mb": result["peak_single"] / MB}
    return rate


if __name__ == "__main__":
    main()
