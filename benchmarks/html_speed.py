"""HTML throughput: MB/s of the HTML reader alone and of the whole pipeline (bytes to JSON).

Usage: python benchmarks/html_speed.py [FILE.html ...]  (default: the corpus inline XBRL filing)
Runs in one process, on one core; prints the best of a few repetitions of the CPU time the process
used (``time.process_time``), so that other work on a shared machine disturbs the figure less.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from extractor.container import decode_bytes
from extractor.html import read_html_tables
from extractor.model import Document
from extractor.pipeline import extract_bytes
from extractor.writers import filing_dict

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpus" / "filings" / "delaware-equity-funds-ii-485bpos-2023.html"
REPEAT = 5


def best(run: Callable[[], object]) -> float:
    times = []
    for _ in range(REPEAT):
        start = time.process_time()
        run()
        times.append(time.process_time() - start)
    return min(times)


def main(paths: list[str]) -> int:
    files = [Path(p) for p in paths] or [DEFAULT]
    for path in files:
        data = path.read_bytes()
        mb = len(data) / 1e6
        doc = Document(sequence=1, type=None, filename=path.name, line=1, text=decode_bytes(data, str(path)),
                       is_html=True)
        reader = best(lambda d=doc: read_html_tables(d))  # type: ignore[misc]
        whole = best(lambda b=data, s=str(path): json.dumps(filing_dict(extract_bytes(b, s))))  # type: ignore[misc]
        print(f"{path.name}: {mb:.2f} MB; reader {reader * 1000:.0f} ms = {mb / reader:.1f} MB/s; "
              f"end to end {whole * 1000:.0f} ms = {mb / whole:.1f} MB/s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
