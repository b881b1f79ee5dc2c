"""Pipeline throughput per stage: MB/s of the container, the readers, the classifier, the
validator, and end to end (``extract_bytes``), on the corpus filings and the fixtures.

    python benchmarks/pipeline_speed.py            # corpus (when present) and fixtures
    python benchmarks/pipeline_speed.py --rounds 9 # more warm rounds on a noisy machine

Every figure is input megabytes over CPU seconds (``time.process_time``) in one process, so other
work on a shared machine disturbs it less; each stage is timed over the whole group of files with
the previous stage's output as its input, so that stages add up to the end-to-end time. Two
figures are printed: "first", one pass with the extractor's caches of lines, labels and cells
emptied first (what a filing never seen before costs), and "warm", the best of the later rounds
with the caches full (what a profile of repeated runs shows; the same filing run twice). The
corpus is skipped when ``../shared/corpus/filings`` is absent.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from extractor.checks import validate_tables
from extractor.classify import classify
from extractor.container import decode_bytes, parse_container
from extractor.pipeline import extract_bytes, gunzip, read_tables

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "filings"
FIXTURES = ROOT / "fixtures"
STAGES = ("container", "readers", "classify", "validate", "end to end")

def _clear_caches() -> None:
    """Empty every ``functools`` cache of the extractor (lines, labels, cells), so that a pass
    costs what a filing never seen before costs."""
    for name, module in list(sys.modules.items()):
        if name == "extractor" or name.startswith("extractor."):
            for value in vars(module).values():
                clear = getattr(value, "cache_clear", None)
                if callable(clear):
                    clear()


def _one_pass(files: Sequence[tuple[str, bytes]], cold: bool) -> dict[str, float]:
    """CPU seconds of each stage over all ``files``, each stage fed the output of the one before;
    with ``cold``, the caches are emptied before the stages and again before the end-to-end run."""
    seconds = dict.fromkeys(STAGES, 0.0)
    clock = time.process_time
    if cold:
        _clear_caches()
    for source, data in files:
        start = clock()
        _, documents = parse_container(decode_bytes(gunzip(data, source), source), source)
        read = clock()
        tables = read_tables(documents)
        classifying = clock()
        classified = [classify(t) for t in tables]
        validating = clock()
        validate_tables(classified)
        end = clock()
        seconds["container"] += read - start
        seconds["readers"] += classifying - read
        seconds["classify"] += validating - classifying
        seconds["validate"] += end - validating
    if cold:
        _clear_caches()
    for source, data in files:
        start = clock()
        extract_bytes(data, source)
        seconds["end to end"] += clock() - start
    return seconds


def _report(name: str, files: Sequence[tuple[str, bytes]], rounds: int) -> None:
    megabytes = sum(len(data) for _, data in files) / 1e6
    first = _one_pass(files, cold=True)
    warm = dict.fromkeys(STAGES, float("inf"))
    for _ in range(rounds):
        for stage, spent in _one_pass(files, cold=False).items():
            warm[stage] = min(warm[stage], spent)
    print(f"{name}: {len(files)} files, {megabytes:.2f} MB")
    for stage in STAGES:
        print(f"  {stage:<11} first {megabytes / max(first[stage], 1e-9):8.1f} MB/s   "
              f"warm {megabytes / max(warm[stage], 1e-9):8.1f} MB/s  ({warm[stage] * 1000:.0f} ms)")


def _load(paths: Sequence[Path]) -> list[tuple[str, bytes]]:
    return [(str(p), p.read_bytes()) for p in paths]


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=5, help="warm rounds after the first pass (default 5)")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder of corpus filings")
    parser.add_argument("--fixtures", type=Path, default=FIXTURES, help="folder of fixtures")
    args = parser.parse_args(argv)
    groups: list[tuple[str, list[Path]]] = []
    if args.corpus.is_dir():
        groups.append(("corpus text", sorted(args.corpus.glob("*.txt"))))
        groups.append(("corpus html", sorted(args.corpus.glob("*.htm*"))))
    else:
        print(f"corpus skipped: {args.corpus} not found")
    groups.append(("fixtures", sorted(p for p in args.fixtures.iterdir() if p.is_file())))
    for name, paths in groups:
        if paths:
            _report(name, _load(paths), args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
