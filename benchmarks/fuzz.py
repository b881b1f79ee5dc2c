#!/usr/bin/env python3
"""Fuzz the whole pipeline with mutated real-format filings; report crashes, hangs and the slowest case.

Usage:  python benchmarks/fuzz.py --cases 5000 --seed 1 [--timeout 20] [--window 65536] [--only N]

Seeds are ``fixtures/*.txt`` and, when present, ``../shared/corpus/filings/*``. Each case takes a
window of one seed (its head, with the SEC header, or a random slice), applies one to four
mutations (byte flips, truncation, tag deletion/duplication, tabs, line ends, huge lines, NULs,
UTF-16, random bytes, splices) and runs ``extract_bytes`` in a worker process. An
``ExtractorError`` is a correct refusal; any other exception is a crash; no answer within the time
limit is a hang (the worker is killed and restarted). Reproducers go to ``benchmarks/out/``
(``crash-N.bin`` with a ``.txt`` traceback, ``hang-N.bin``, ``slowest.bin``; the first three of
each kind, while every crash and hang is listed as it happens). Case N is always the
same bytes for the same seed, so ``--only N`` re-runs one case.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import re
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
SEED_DIRS = (ROOT / "fixtures", ROOT.parent / "shared" / "corpus" / "filings")
TAG = re.compile(rb"</?[A-Za-z][A-Za-z0-9:-]{0,30}[^<>\n]{0,200}>")

Mutation = Callable[[bytes, random.Random], bytes]


def _pos(data: bytes, rng: random.Random) -> int:
    return rng.randrange(len(data) + 1)


def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        if out:
            out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: _pos(data, rng)]


def _tags(data: bytes) -> list[re.Match[bytes]]:
    return list(TAG.finditer(data[:2_000_000]))


def delete_tag(data: bytes, rng: random.Random) -> bytes:
    tags = _tags(data)
    if not tags:
        return data
    for m in rng.sample(tags, min(len(tags), rng.randint(1, 5))):
        data = data[: m.start()] + b" " * (m.end() - m.start()) + data[m.end() :] if rng.random() < 0.3 \
            else data.replace(m.group(), b"", 1)
    return data


def duplicate_tag(data: bytes, rng: random.Random) -> bytes:
    tags = _tags(data)
    if not tags:
        return data
    m = rng.choice(tags)
    where = rng.choice([m.end(), _pos(data, rng)])
    return data[:where] + m.group() * rng.randint(1, 50) + b"\n" * rng.randint(0, 1) + data[where:]


def tabs(data: bytes, rng: random.Random) -> bytes:
    return data.replace(b" " * rng.randint(1, 8), b"\t") if rng.random() < 0.7 else data.replace(b"\t", b" ")


def line_ends(data: bytes, rng: random.Random) -> bytes:
    style = rng.choice([b"\r\n", b"\r", b"\r\r\n", b"mixed"])
    if style != b"mixed":
        return data.replace(b"\n", style)
    parts = data.split(b"\n")
    return b"".join(p + rng.choice([b"\n", b"\r\n", b"\r"]) for p in parts[:-1]) + parts[-1]


def huge_line(data: bytes, rng: random.Random) -> bytes:
    unit = rng.choice([b"x", b" ", b"1.0 ", b"<C>", b"<td>", b"-", b"(", b"$ 1,206 ", b"<", b"&#"])
    where = _pos(data, rng)
    return data[:where] + unit * (rng.randint(200_000, 3_000_000) // len(unit)) + data[where:]


def nuls(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 50)):
        out.insert(rng.randrange(len(out) + 1), 0)
    return bytes(out)


def utf16(data: bytes, rng: random.Random) -> bytes:
    text = data.decode("latin-1")
    return text.encode(rng.choice(["utf-16", "utf-16-le", "utf-16-be"]))


def random_bytes(data: bytes, rng: random.Random) -> bytes:
    where = _pos(data, rng)
    return data[:where] + rng.randbytes(rng.randint(1, 4096)) + data[where:]


def shuffle_lines(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    for _ in range(rng.randint(1, 20)):
        i = rng.randrange(len(lines))
        if rng.random() < 0.5:
            lines.insert(rng.randrange(len(lines) + 1), lines[i])
        elif len(lines) > 1:
            del lines[i]
    return b"\n".join(lines)


def inserts(data: bytes, rng: random.Random) -> bytes:
    piece = rng.choice([
        b"\nbegin 644 x.gif\nM86)C9&5F\n`\nend\n", b"\nbegin 644 trunc.pdf\nM86)C\n",
        b"\n<TABLE>\n", b"\n</TABLE>\n", b"\n<S>\n", b"\n<C>\n", b"<CAPTION>", b"\n<DOCUMENT>\n<TYPE>X\n",
        b"\n</TEXT>\n", b"\n<TEXT>\n", b"<table><tr><td>" * 500, b"</td></tr></table>" * 50,
        b"\n<html><body><table cellspacing=0><tr><td>1.0%</td></tr></table>\n", b"<div>" * 20000,
        b"\n<SEC-HEADER>\nFILER:\n<SERIES>\n<CLASS-CONTRACT>\n", b"\xef\xbb\xbf", b"\xff\xfe",
        b"<ix:nonFraction name='rr:X' scale='-99999' sign='-' format='ixt:num-dot-decimal'>1</ix:nonFraction>",
        b"&#99999999999;&#xD800;&nbsp", b"\x0c\x0b\x1b\x7f", b"<F1>" * 100, b"(" * 5000, b"-" * 100000,
    ])
    where = _pos(data, rng)
    return data[:where] + piece + data[where:]


MUTATIONS: tuple[Mutation, ...] = (
    flip_bytes, truncate, delete_tag, duplicate_tag, tabs, line_ends, huge_line, nuls, utf16,
    random_bytes, shuffle_lines, inserts,
)
# Expensive mutations (huge lines, UTF-16) are drawn less often so that a run stays quick.
WEIGHTS = (10, 6, 10, 8, 4, 4, 1, 4, 1, 3, 8, 10)


def load_seeds() -> list[tuple[str, bytes]]:
    seeds: list[tuple[str, bytes]] = []
    for folder in SEED_DIRS:
        if folder.is_dir():
            seeds.extend((p.name, p.read_bytes()) for p in sorted(folder.iterdir()) if p.is_file())
    return seeds


def make_case(seeds: list[tuple[str, bytes]], seed: int, index: int, window: int) -> tuple[bytes, str]:
    """The bytes of case ``index`` and a description of how they were made."""
    rng = random.Random(f"{seed}-{index}")
    name, data = rng.choice(seeds)
    if len(data) > window:
        start = 0 if rng.random() < 0.5 else rng.randrange(len(data) - window)
        data = data[start : start + window]
        name += f"[{start}:{start + window}]"
    applied = []
    for mutation in rng.choices(MUTATIONS, WEIGHTS, k=rng.randint(1, 4)):
        data = mutation(data, rng)
        applied.append(mutation.__name__)
    if rng.random() < 0.05:
        other = rng.choice(seeds)[1]
        cut = _pos(other, rng)
        data += other[cut : cut + window]
        applied.append("splice")
    return data, f"{name} {'+'.join(applied)}"


def worker(conn: Connection) -> None:
    """Run cases sent over ``conn``; answer (status, seconds, detail) for each."""
    from extractor.errors import ExtractorError
    from extractor.pipeline import extract_bytes

    while True:
        try:
            data = conn.recv_bytes()
        except EOFError:
            return
        start = time.perf_counter()
        try:
            filing = extract_bytes(data, "fuzz-case")
            result = ("ok", f"{len(filing.tables)} tables")
        except ExtractorError as exc:
            result = ("refused", str(exc))
        except BaseException:  # the point of the harness: report whatever escapes
            result = ("crash", traceback.format_exc())
        conn.send((result[0], time.perf_counter() - start, result[1]))


class Runner:
    """One worker process, restarted after a hang."""

    def __init__(self) -> None:
        self.ctx = mp.get_context("spawn")
        self._start()

    def _start(self) -> None:
        self.conn, child = self.ctx.Pipe()
        self.proc = self.ctx.Process(target=worker, args=(child,), daemon=True)
        self.proc.start()

    def run(self, data: bytes, timeout: float) -> tuple[str, float, str]:
        self.conn.send_bytes(data)
        if self.conn.poll(timeout):
            status, seconds, detail = self.conn.recv()
            return str(status), float(seconds), str(detail)
        self.proc.kill()
        self.proc.join()
        self._start()
        return "hang", timeout, f"no answer within {timeout:.0f} s"

    def close(self) -> None:
        self.conn.close()
        self.proc.join(timeout=5)
        if self.proc.is_alive():
            self.proc.kill()


def signature(trace: str) -> str:
    """Exception type and innermost frame, to group crashes."""
    lines = [line.strip() for line in trace.strip().splitlines()]
    frames = [line for line in lines if line.startswith("File ")]
    return f"{lines[-1].split(':')[0]} at {frames[-1] if frames else '?'}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per case before it is a hang")
    parser.add_argument("--window", type=int, default=65536, help="bytes of a seed file per case")
    parser.add_argument("--only", type=int, default=None, help="run only this case number")
    args = parser.parse_args(argv)
    seeds = load_seeds()
    if not seeds:
        print("no seed files found", file=sys.stderr)
        return 2
    OUT.mkdir(parents=True, exist_ok=True)
    runner = Runner()
    counts: Counter[str] = Counter()
    crashes: Counter[str] = Counter()
    refusals: Counter[str] = Counter()
    slowest = (0.0, -1, "")
    started = time.perf_counter()
    indexes = [args.only] if args.only is not None else range(args.cases)
    try:
        for i in indexes:
            data, how = make_case(seeds, args.seed, i, args.window)
            status, seconds, detail = runner.run(data, args.timeout)
            counts[status] += 1
            if status == "refused":
                refusals[re.sub(r"\d+", "N", detail.removeprefix("fuzz-case: "))[:80]] += 1
            if seconds > slowest[0]:
                slowest = (seconds, i, f"{how} ({len(data)} bytes)")
                (OUT / "slowest.bin").write_bytes(data)
            if status in ("crash", "hang"):
                sig = signature(detail) if status == "crash" else "hang"
                crashes[sig] += 1
                if crashes[sig] <= 3:
                    (OUT / f"{status}-{i}.bin").write_bytes(data)
                    (OUT / f"{status}-{i}.txt").write_text(f"case {i} seed {args.seed}: {how}\n\n{detail}\n")
                print(f"case {i}: {status}: {sig}  [{how}, {len(data)} bytes]", flush=True)
    finally:
        runner.close()
    took = time.perf_counter() - started
    run = sum(counts.values())
    print(f"cases run: {run} in {took:.0f} s (seed {args.seed}, window {args.window} bytes)")
    print(f"ok: {counts['ok']}, refused (ExtractorError): {counts['refused']}")
    for reason, n in refusals.most_common(5):
        print(f"  {n:5}  {reason}")
    print(f"crashes: {counts['crash']} ({len([s for s in crashes if s != 'hang'])} distinct)")
    for sig, n in crashes.most_common():
        if sig != "hang":
            print(f"  {n:5}  {sig}")
    print(f"hangs (> {args.timeout:.0f} s): {counts['hang']}")
    print(f"slowest case: #{slowest[1]} {slowest[0]:.2f} s: {slowest[2]}")
    return 1 if counts["crash"] or counts["hang"] else 0


if __name__ == "__main__":
    sys.exit(main())
