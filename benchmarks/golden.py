"""Snapshot the pipeline's full output on many inputs, and check later that it has not changed.

Speed work must not change a single cell. This script runs the pipeline in-process on every
fixture, every corpus filing, re-laid-out corpus tables (``relayout_score``'s renderer) and
fuzz cases (``fuzz``'s mutator), and keeps each input's output-contract JSON, so a rewrite of a
hot path can be checked byte for byte against the code it replaces.

    python benchmarks/golden.py write benchmarks/out/golden     # before the change
    python benchmarks/golden.py check benchmarks/out/golden     # after: lists every input that differs
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import fuzz
import relayout_score

from extractor.errors import ExtractorError
from extractor.pipeline import extract_bytes
from extractor.writers import filing_dict

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def inputs(variants: int, fuzz_cases: int) -> Iterator[tuple[str, bytes]]:
    for folder in (ROOT / "fixtures", CORPUS / "filings"):
        if folder.is_dir():
            for path in sorted(folder.iterdir()):
                if path.is_file():
                    yield f"file:{path.name}", path.read_bytes()
    truth_dir = CORPUS / "truth"
    for seed in (5, 11):
        rng = random.Random(seed)
        for path in sorted(truth_dir.glob("*.json")) if truth_dir.is_dir() else []:
            truth = json.loads(path.read_text())
            if truth["file"].endswith((".html", ".htm")):
                continue
            for k, table in enumerate(truth["tables"]):
                for n in range(variants):
                    layout = relayout_score.random_layout(rng)
                    layout.hand_wrap = random.Random(f"{seed}-{table['line']}-{n}").random() < 0.3
                    lines, _ = relayout_score.render(table, layout, rng)
                    yield f"relayout:{seed}:{truth['file']}:{k}:{n}", "\n".join(lines).encode()
    seeds = fuzz.load_seeds()
    for index in range(fuzz_cases if seeds else 0):
        data, _ = fuzz.make_case(seeds, 1, index, 16384)
        yield f"fuzz:{index}", data


def output(name: str, data: bytes) -> str:
    try:
        return json.dumps(filing_dict(extract_bytes(data, "input")), sort_keys=True)
    except ExtractorError as exc:
        return f"error: {type(exc).__name__}: {exc}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("write", "check"))
    parser.add_argument("folder", type=Path)
    parser.add_argument("--variants", type=int, default=10, help="layouts per truth table and seed (default 10)")
    parser.add_argument("--fuzz", type=int, default=1500, help="fuzz cases (default 1500)")
    parser.add_argument("--show", type=int, default=5, help="print the JSON of the first N that differ (default 5)")
    args = parser.parse_args(argv)
    store = args.folder / "outputs.jsonl"
    known: dict[str, str] = {}
    if args.action == "check":
        known = {r["name"]: r["out"] for r in map(json.loads, store.read_text().splitlines())}
    else:
        args.folder.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    records, differ = [], []
    for name, data in inputs(args.variants, args.fuzz):
        out = output(name, data)
        records.append({"name": name, "out": out})
        if args.action == "check" and known.get(name) != out:
            differ.append((name, known.get(name), out))
    seconds = time.perf_counter() - start
    if args.action == "write":
        store.write_text("".join(json.dumps(r) + "\n" for r in records))
        digest = hashlib.sha256(store.read_bytes()).hexdigest()[:12]
        print(f"wrote {len(records)} outputs to {store} ({digest}) in {seconds:.1f} s")
        return 0
    print(f"checked {len(records)} inputs in {seconds:.1f} s: {len(differ)} differ")
    by_source = Counter(name.split(":", 1)[0] for name, _, _ in differ)
    changed_findings = sum(1 for _, old, new in differ if _findings(old) != _findings(new))
    if differ:
        print(f"  by source: {dict(sorted(by_source.items()))}; findings changed in {changed_findings}")
    for name, old, new in differ:  # every one, a line each: a count alone hides what changed
        print(f"  {name}: {what_differs(old, new)}")
    for name, old, new in differ[: args.show]:
        print(f"--- {name}")
        print(f"    was: {(old or 'missing')[:600]}")
        print(f"    now: {new[:600]}")
    return 1 if differ else 0


def _parsed(out: str | None) -> dict[str, Any] | None:
    if out is None or out.startswith("error:"):
        return None
    parsed: dict[str, Any] = json.loads(out)
    return parsed


def _findings(out: str | None) -> object:
    parsed = _parsed(out)
    return parsed["findings"] if parsed is not None else out


def what_differs(old: str | None, new: str) -> str:
    """Which tables (by line) and which of their fields changed, and whether the findings did."""
    was, now = _parsed(old), _parsed(new)
    if was is None or now is None:
        return f"{(old or 'missing')[:80]!r} -> {new[:80]!r}"
    parts = []
    old_tables = {(t["line"], t["section"]): t for t in was["tables"]}
    new_tables = {(t["line"], t["section"]): t for t in now["tables"]}
    for key in sorted(old_tables.keys() | new_tables.keys()):
        before, after = old_tables.get(key), new_tables.get(key)
        if before == after:
            continue
        if before is None or after is None:
            parts.append(f"table {key[0]}.{key[1]} {'added' if before is None else 'gone'}")
            continue
        fields = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
        parts.append(f"table {key[0]}.{key[1]} {','.join(fields)}")
    if was["findings"] != now["findings"]:
        parts.append(f"findings {len(was['findings'])}->{len(now['findings'])}")
    rest = sorted(k for k in was.keys() | now.keys() if k not in ("tables", "findings") and was.get(k) != now.get(k))
    return "; ".join(parts + rest) or "order only"


if __name__ == "__main__":
    raise SystemExit(main())
