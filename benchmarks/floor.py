"""How fast the least work per table can go in Python, beside the extractor, on the same bytes.

The batch issue's targets compare the extractor with a bare regex scan that only finds the
``<TABLE>`` blocks. This script times, in one process and in CPU seconds, steps that any reader of
these filings must take at least, from the cheapest up, and the extractor's own worker, so that
the distance between what is done and what cannot be avoided can be read as ratios:

    python benchmarks/floor.py            # the fixtures and ../shared/corpus/filings
    python benchmarks/floor.py --reps 9   # more repetitions (the best is kept)

Every figure is MB/s over all the sources' bytes (the sources of ``batch_bench.py``'s archive, in
the same proportions), the best of ``--reps`` runs; the worker is timed warm (its caches filled
by a first pass), as in a long batch run.
"""

from __future__ import annotations

import argparse
import csv
import functools
import io
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parent))  # batch_bench, also under PYTHONSAFEPATH

from batch_bench import MB, TABLE, filings

from extractor.batch.options import Settings
from extractor.batch.work import WorkItem, process

SOURCES = filings()
TOTAL = sum(len(data) for _, data in SOURCES)
HTML = [data for name, data in SOURCES if name.endswith((".htm", ".html"))]
TEXT = [data for name, data in SOURCES if not name.endswith((".htm", ".html"))]
TEXT_TABLE = re.compile(r"<TABLE\b.*?</TABLE>", re.S | re.I)
CELL = re.compile(r"\S+(?: \S+)*")
"""A run of words with single spaces between them: a text table's cell, at least."""


def bare_scan() -> int:
    return sum(1 for _, data in SOURCES for _ in TABLE.finditer(data))


def html_parse() -> int:
    return sum(len(lxml.html.fromstring(data)) for data in HTML)


def html_cell_text() -> int:
    return sum(len(cell.text_content()) for data in HTML for cell in lxml.html.fromstring(data).iter("td", "th"))


def text_cells() -> int:
    """Each text table's lines cut into cells, each kept with its line and column."""
    count = 0
    for data in TEXT:
        for block in TEXT_TABLE.finditer(data.decode("latin-1")):
            rows = [[(cell.group(), number, cell.start()) for cell in CELL.finditer(line)]
                    for number, line in enumerate(block.group().splitlines())]
            count += sum(map(len, rows))
    return count


def least_reading() -> int:
    """Both of the above: HTML cells' text and text tables' cells."""
    return html_cell_text() + text_cells()


def worker() -> int:
    return sum(process(WorkItem(name, name, data), Settings()).tables for name, data in SOURCES)


@functools.cache
def tidy_rows() -> int:
    """How many tidy rows the worker writes for these sources."""
    return sum(process(WorkItem(name, name, data), Settings()).table_part.count(b"\n") for name, data in SOURCES)


def tidy_csv_floor() -> int:
    """As many 16-field CSV rows as the worker writes, of fixed strings, written by ``csv``."""
    row = ["0000000000-26-000001", "123456", "A Fund Trust", "485BPOS", "2026-12-01", "1", "120", "fees",
           "Management fees", "rr:ManagementFeesOverAssets", "Class A", "S000000001", "C000000001", "0.75",
           "percent", "0.75%"]
    buffer = io.StringIO()
    csv.writer(buffer).writerows([row] * tidy_rows())
    return len(buffer.getvalue())


def best_seconds(step: Callable[[], int], reps: int) -> float:
    best = float("inf")
    for _ in range(reps):
        start = time.process_time()
        step()
        best = min(best, time.process_time() - start)
    return best


STEPS: list[tuple[str, Callable[[], int]]] = [
    ("bare regex scan for <TABLE> blocks (in memory)", bare_scan),
    ("lxml.html parse of the HTML documents", html_parse),
    ("lxml parse and text of every td/th", html_cell_text),
    ("text tables cut into (cell, line, column)", text_cells),
    ("least reading: both of the above", least_reading),
    ("csv.writer: as many tidy rows as the worker writes", tidy_csv_floor),
    ("the extractor's batch worker, warm", worker),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reps", type=int, default=5, help="repetitions of each step; the best is kept (default 5)")
    reps = parser.parse_args().reps
    print(f"{len(SOURCES)} sources, {TOTAL / MB:.2f} MB ({sum(map(len, HTML)) / MB:.2f} MB HTML); "
          "MB/s in CPU time, and as a share of the bare scan")
    tidy_rows()
    base = 0.0
    for name, step in STEPS:
        rate = TOTAL / MB / best_seconds(step, reps)
        base = base or rate
        print(f"  {name:<58} {rate:8.1f} MB/s  {rate / base:6.3f}")


if __name__ == "__main__":
    main()
