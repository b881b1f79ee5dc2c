"""Instructions the batch worker spends per input, counted by ``valgrind --tool=callgrind``: a
figure the shared machine's noise does not move, so that two versions of the code can be compared
from runs made hours apart, or while other work runs.

    python benchmarks/instructions.py              # fixtures and ../shared/corpus/filings
    python benchmarks/instructions.py --passes 3   # more warm passes

Three processes run under callgrind: one that only loads the filings, one that also runs the
worker's per-input function (``batch.work.process``) over every filing once, and one that does so
once more. The differences are the instructions of a first pass (the extractor's caches empty: a
filing never seen before) and of a warm pass (the caches full, as in a long batch run over
filings that share boilerplate). Counts are per MB of input. Needs valgrind.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from batch_bench import MB, filings


def inner(passes: int) -> None:
    """The measured process: load, then run the worker ``passes`` times over every filing."""
    from extractor.batch.options import Settings
    from extractor.batch.work import WorkItem, process

    items = [WorkItem(name, name, data) for name, data in filings()]
    settings = Settings()
    for _ in range(passes):
        for item in items:
            process(item, settings)


def count(passes: int, python: str) -> int:
    """Instructions of one process that runs ``passes`` passes."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
                        python, __file__, "--inner", str(passes)],
                       check=True, capture_output=True, env={**os.environ, "PYTHONHASHSEED": "0"})
        summary = re.search(r"^summary: (\d+)", out.read_text(), re.M)
        if summary is None:
            sys.exit(f"no summary line in {out}")
        return int(summary.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--passes", type=int, default=2, help="warm passes to count (default 2)")
    parser.add_argument("--python", default=sys.executable, help="interpreter (e.g. a compiled build's)")
    parser.add_argument("--inner", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inner is not None:
        inner(args.inner)
        return
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed")
    megabytes = sum(len(data) for _, data in filings()) / MB
    base, first, warm = (count(n, args.python) for n in (0, 1, 1 + args.passes))
    print(f"{megabytes:.2f} MB of filings; instructions per MB (G = 1e9):")
    print(f"  first pass  {(first - base) / megabytes / 1e9:7.3f} G/MB")
    print(f"  warm pass   {(warm - first) / args.passes / megabytes / 1e9:7.3f} G/MB")


if __name__ == "__main__":
    main()
