#!/usr/bin/env python3
"""Time every compiled regular expression of the package on adversarial long lines.

Usage:  python benchmarks/regex_linear.py [--big 1000000] [--budget 5] [--flag 20] [--only NAME]

Walks every module of ``extractor`` for ``re``/``regex`` Pattern objects (module attributes,
class attributes, and patterns inside tuples, lists and dicts). For each pattern it picks the
worst of a few hundred adversarial lines (runs of the pattern's own characters, digits, spaces,
tags and pairs of them, alone or with a near-miss last character) at 2 KB, then times it at
1 KB, 10 KB, 100 KB and 1 MB, two ways: ``match`` (match/fullmatch at the start: catastrophic
backtracking at one position, a hazard however the pattern is used) and ``search`` (every start
position: quadratic only for code that searches a long line with it). A linear pattern shows a
ratio near 10 from 100 KB to 1 MB; a ratio above ``--flag`` is flagged super-linear. A size whose
predicted time exceeds ``--budget`` seconds is skipped and the pattern flagged, with the ratio of
the last two sizes that ran.
Exits 1 when a pattern is super-linear in ``match`` use.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PATTERN_TYPES = (type(re.compile("")), type(regex.compile("")))
GENERIC = ["a", " ", "1", "1.0 ", "1,", "<", "<a", "-", "(", "$ ", "\t", ".", "x1", "a ", "<TABLE", "<td>",
           "&#", "/1", "%", "*", "0", "A-", "Aa", "a\n", " \n"]


@dataclass
class Found:
    name: str
    pattern: Any


def modules(package: str) -> Iterator[ModuleType]:
    root = importlib.import_module(package)
    yield root
    for info in pkgutil.walk_packages(root.__path__, prefix=f"{package}."):
        if info.name.endswith(".__main__"):
            continue  # importing it would run the command line
        try:
            yield importlib.import_module(info.name)
        except Exception as exc:  # a module that fails to import is reported, not fatal
            print(f"# could not import {info.name}: {exc}", file=sys.stderr)


def _patterns_in(value: Any, name: str, depth: int = 0) -> Iterator[Found]:
    if isinstance(value, PATTERN_TYPES):
        yield Found(name, value)
    elif depth < 2 and isinstance(value, (tuple, list)):
        for i, item in enumerate(value):
            yield from _patterns_in(item, f"{name}[{i}]", depth + 1)
    elif depth < 2 and isinstance(value, dict):
        for key, item in value.items():
            yield from _patterns_in(item, f"{name}[{key!r}]", depth + 1)


def find_patterns(package: str) -> list[Found]:
    seen: dict[tuple[type, str, int], Found] = {}
    for module in modules(package):
        for attr, value in vars(module).items():
            owner = getattr(value, "__module__", module.__name__)
            if isinstance(value, type) and owner == module.__name__:
                for cattr, cvalue in vars(value).items():
                    for f in _patterns_in(cvalue, f"{module.__name__}.{attr}.{cattr}"):
                        seen.setdefault((type(f.pattern), f.pattern.pattern, f.pattern.flags), f)
            for f in _patterns_in(value, f"{module.__name__}.{attr}"):
                seen.setdefault((type(f.pattern), f.pattern.pattern, f.pattern.flags), f)
    return sorted(seen.values(), key=lambda f: f.name)


def _own_chars(source: str) -> list[str]:
    """Literal characters of a pattern's source, the likeliest to make it backtrack."""
    plain = re.sub(r"\\[pPN]\{[^}]*\}|\\[a-zA-Z]|\(\?[^)]*\)", "", source)
    chars = [ch for ch in dict.fromkeys(plain) if ch.isprintable() and ch not in "()[]{}|?*+^$\\"]
    return chars[:24]


def candidates(found: Found) -> list[str]:
    """Repeating units for adversarial lines: generic ones, the pattern's characters, a near-miss."""
    raw = found.pattern.pattern
    source = raw if isinstance(raw, str) else raw.decode("latin-1")
    own = _own_chars(source)
    units = GENERIC + own + [a + b for a in own[:8] for b in own[:8] if a != b][:40]
    return list(dict.fromkeys(units))


SUFFIXES = ("", "x", "\x01", "1", " ", ">")
"""A near-miss ending: a run that matches up to its last character is where backtracking explodes."""


def _subject(unit: str, size: int, suffix: str = "", binary: bool = False) -> str | bytes:
    """``unit`` repeated to ``size`` characters, ending in ``suffix``; bytes for a bytes pattern."""
    text = (unit * (size // len(unit) + 1))[: size - len(suffix)] + suffix
    return text.encode("utf-8", errors="replace")[:size] if binary else text


def _once(pattern: Any, text: str | bytes, mode: str) -> float:
    start = time.perf_counter()
    if mode == "search":
        for _ in pattern.finditer(text):
            pass
    else:
        pattern.match(text)
        pattern.fullmatch(text)
    return time.perf_counter() - start


def time_op(pattern: Any, text: str | bytes, mode: str) -> float:
    """Seconds for one use of ``pattern`` on ``text``, averaged over enough runs to measure.

    ``search`` walks every match (what ``finditer``/``findall``/``sub``/``search`` do on a line
    with no match); ``match`` tries ``match`` and ``fullmatch`` at the start only, which is all a
    pattern used that way ever costs.
    """
    runs, start = 0, time.perf_counter()
    while True:
        _once(pattern, text, mode)
        runs += 1
        took = time.perf_counter() - start
        if took > 0.02 or runs >= 50:
            return took / runs


@dataclass
class Result:
    found: Found
    mode: str
    unit: str
    times: dict[int, float]

    @property
    def ratio(self) -> float:
        sizes = sorted(self.times)
        return self.times[sizes[-1]] / max(self.times[sizes[-2]], 1e-7)

    def flagged(self, big: int, flag: float) -> bool:
        """Skipped as too slow, or growing faster than ``flag`` over the last tenfold step."""
        return big not in self.times or (self.ratio > flag and self.times[big] > 0.05)


def measure(found: Found, mode: str, big: int, budget: float) -> Result:
    """Time the worst adversarial unit at big/1000 ... big, stopping before a size over budget.

    Sizes grow by ten while the time the next size would take (at the growth seen so far, at
    least linear) stays within ``budget``, so a quadratic pattern is caught without running for
    minutes.
    """
    pairs = [(u, x) for u in candidates(found) for x in SUFFIXES]
    binary = isinstance(found.pattern.pattern, bytes)
    unit, suffix = max(pairs, key=lambda p: _once(found.pattern, _subject(p[0], 2_000, p[1], binary), mode))
    times: dict[int, float] = {}
    for size in (big // 1000, big // 100, big // 10, big):
        done = sorted(times)
        if len(done) >= 2:
            growth = max(times[done[-1]] / max(times[done[-2]], 1e-7), 10.0)
            if times[done[-1]] * growth > budget:
                break
        times[size] = time_op(found.pattern, _subject(unit, size, suffix, binary), mode)
    return Result(found, mode, unit + (f" +{suffix!r}" if suffix else ""), times)


def report(results: list[Result], big: int, flag: float) -> int:
    """Print one line per pattern and use, flagged first; return how many are flagged."""
    print(f"{'verdict':12} {'use':6} {'ratio':>7} {'100KB s':>8} {'1MB s':>8}  pattern")
    order = sorted(results, key=lambda r: (not r.flagged(big, flag), r.found.name, r.mode))
    for r in order:
        small = r.times.get(big // 10)
        large = r.times.get(big)
        cells = [f"{t:8.4f}" if t is not None else "    skip" for t in (small, large)]
        verdict = "SUPER-LINEAR" if r.flagged(big, flag) else "ok"
        print(f"{verdict:12} {r.mode:6} {r.ratio:7.1f} {cells[0]} {cells[1]}  {r.found.name}  "
              f"unit={r.unit!r}  /{str(r.found.pattern.pattern)[:60]}/")
    return sum(r.flagged(big, flag) for r in results)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--big", type=int, default=1_000_000, help="size of the large line (the small is 1/10)")
    parser.add_argument("--budget", type=float, default=5.0, help="skip a 1 MB run predicted to take longer")
    parser.add_argument("--flag", type=float, default=20.0, help="ratio above which a pattern is flagged")
    parser.add_argument("--only", default=None, help="only patterns whose name contains this")
    args = parser.parse_args(argv)
    found = [f for f in find_patterns("extractor") if args.only is None or args.only in f.name]
    results: list[Result] = []
    for i, f in enumerate(found, 1):
        print(f"# {i}/{len(found)} {f.name}", file=sys.stderr, flush=True)
        for mode in ("match", "search"):
            try:
                results.append(measure(f, mode, args.big, args.budget))
            except Exception as exc:  # one odd pattern must not end the survey
                print(f"# {f.name} ({mode}) could not be timed: {exc}", file=sys.stderr)
    report(results, args.big, args.flag)
    at_start = sum(r.flagged(args.big, args.flag) for r in results if r.mode == "match")
    searching = sum(r.flagged(args.big, args.flag) for r in results if r.mode == "search")
    print(f"{len(found)} patterns: {at_start} super-linear at a single position (match/fullmatch), "
          f"{searching} super-linear when searched along a line (finditer/search/sub)")
    return 1 if at_start else 0


if __name__ == "__main__":
    sys.exit(main())
