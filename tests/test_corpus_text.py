"""The text reader on the shared corpus (real filings, hand-checked truth), as laid out and re-laid out.

Reads ``../shared/corpus`` next to the repository and scores with the shared scorer's own
comparison (``../shared/tools/score.py``); skipped where either is absent. The re-laid-out runs
drop or shift the ``<S>``/``<C>`` line, drop the rules, or indent with tabs, keeping line numbers,
so that the rules are shown to hold beyond the exact bytes of the corpus.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from extractor.container import decode_bytes, parse_container
from extractor.model import Table
from extractor.text import read_text_tables

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
CORPUS = SHARED / "corpus"
SCORER = SHARED / "tools" / "score.py"
TAG_LINE = re.compile(r"^\s*<S>.*<C>", re.I)
RULE_LINE = re.compile(r"^[\s\-=_]*[-=_]{3,}[\s\-=_]*$")

Relayout = Callable[[list[str]], list[str]]


def _scorer() -> ModuleType:
    if not CORPUS.is_dir() or not SCORER.is_file():
        pytest.skip("shared corpus or scorer not available")
    spec = importlib.util.spec_from_file_location("corpus_score", SCORER)
    assert spec is not None and spec.loader is not None
    module = sys.modules.get(spec.name)
    if module is None:
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
    return module


def _inside_tables(lines: list[str]) -> list[bool]:
    inside, flags = False, []
    for line in lines:
        tag = line.strip().upper()
        if tag.startswith("<TABLE>"):
            inside = True
        elif tag.startswith("</TABLE>"):
            inside = False
        flags.append(inside)
    return flags


def _no_tags(lines: list[str]) -> list[str]:
    flags = _inside_tables(lines)
    return ["" if inside and TAG_LINE.match(line) else line for line, inside in zip(lines, flags, strict=True)]


def _shift_tags(by: int) -> Relayout:
    def shift(lines: list[str]) -> list[str]:
        out = []
        for line, inside in zip(lines, _inside_tables(lines), strict=True):
            if inside and TAG_LINE.match(line):
                starts = [m.start() + by for m in re.finditer("<C>", line)]
                chars = list(line[: line.index("<S>") + 3].ljust(max(starts) + 3))
                for start in starts:
                    chars[start : start + 3] = "<C>"
                line = "".join(chars)
            out.append(line)
        return out

    return shift


def _no_rules(lines: list[str]) -> list[str]:
    flags = _inside_tables(lines)
    return ["" if inside and RULE_LINE.match(line) else line for line, inside in zip(lines, flags, strict=True)]


def _tabs(lines: list[str]) -> list[str]:
    flags = _inside_tables(lines)
    pad = " " * 8
    pairs = zip(lines, flags, strict=True)
    return ["\t" + line[8:] if inside and line.startswith(pad) else line for line, inside in pairs]


def _as_is(lines: list[str]) -> list[str]:
    return lines


def _narrow(keep: int) -> Relayout:
    """Every table block narrowed: each vertical strip of spaces (blank in all its lines, tags
    included) cut down to ``keep`` columns, so gutters shrink and alignment is kept."""

    def narrow(lines: list[str]) -> list[str]:
        lines = [line.expandtabs(8) for line in lines]
        flags = _inside_tables(lines)
        i = 0
        while i < len(lines):
            if not flags[i]:
                i += 1
                continue
            j = i
            while j < len(lines) and flags[j]:
                j += 1
            block = lines[i + 1 : j]
            width = max((len(line) for line in block), default=0)
            blank = [all(len(line) <= c or line[c] == " " for line in block) for c in range(width)]
            drop = {c for c in range(1, width) if blank[c] and all(blank[c - k] for k in range(1, keep + 1) if c >= k)}
            lines[i + 1 : j] = ["".join(ch for c, ch in enumerate(line) if c not in drop) for line in block]
            i = j
        return lines

    return narrow


LABEL = re.compile(r"^( *)(\S(?:\S| (?! ))*)(?: {2,}|\.{2,})")


def _wrap(lines: list[str], truth: dict[str, Any], last: bool, norm: Callable[[str], str]) -> list[str]:
    """Wrap every long one-line row label at 60% of its table's longest label, values on the
    last line (``last``) or on the first, continuation lines indented two; the truth's line
    numbers are moved to match."""
    edits: dict[int, list[str]] = {}
    for table in truth["tables"]:
        found = []
        for row in table["rows"]:
            m = LABEL.match(lines[row["line"] - 1])
            if m and norm(m.group(2)) == norm(row["label"]):
                found.append((row["line"] - 1, m))
        width = max([16] + [int(0.6 * len(m.group(2))) for _, m in found])
        for i, m in found:
            parts = textwrap.wrap(m.group(2), width, break_long_words=False, break_on_hyphens=False)
            if len(parts) < 2:
                continue
            indent, rest = m.group(1), lines[i][m.end(2) :]
            pad = len(indent) + len(m.group(2))
            wrapped = [indent + ("  " if k else "") + part for k, part in enumerate(parts)]
            at = len(wrapped) - 1 if last else 0
            wrapped[at] = wrapped[at].ljust(pad) + rest
            edits[i] = wrapped
    out: list[str] = []
    moved: dict[int, int] = {}
    for i, line in enumerate(lines):
        new = edits.get(i, [line])
        moved[i + 1] = len(out) + (len(new) if last else 1)
        out.extend(new)
    for table in truth["tables"]:
        table["line"] = moved[table["line"]]
        for row in table["rows"]:
            row["line"] = moved[row["line"]]
    return out


def _read(data: bytes, source: str) -> list[dict[str, Any]]:
    """The text reader's tables in the output contract's shape (this stage only, no classifier)."""
    _, documents = parse_container(decode_bytes(data, source), source)
    tables: list[Table] = []
    for doc in documents:
        if not doc.skipped and not doc.is_html:
            tables.extend(read_text_tables(doc))
    return [
        {
            "line": t.line,
            "section": t.section,
            "columns": list(t.columns),
            "rows": [
                {
                    "line": r.line,
                    "label": r.label,
                    "cells": [{"value": None if c.value is None else float(c.value)} for c in r.cells],
                }
                for r in t.rows
            ],
        }
        for t in tables
    ]


def _score(relayout: Relayout | None, wrap_last: bool | None = None) -> dict[str, float]:
    score = _scorer()
    total = score.Tally()
    for truth_path in sorted((CORPUS / "truth").glob("*.json")):
        truth: dict[str, Any] = json.loads(truth_path.read_text())
        filing = CORPUS / "filings" / truth["file"]
        lines = filing.read_bytes().decode("latin-1").split("\n")
        truth["tables"] = [t for t in truth["tables"] if score.table_layout(lines, t["line"]) == "text"]
        if not truth["tables"]:
            continue
        truth.pop("filing", None)
        truth.pop("documents", None)
        if wrap_last is not None:
            lines = _wrap(lines, truth, wrap_last, score.norm)
        if relayout is not None:
            lines = relayout(lines)
        data = "\n".join(lines).encode("latin-1")
        total.add(score.score_file(truth, {"tables": _read(data, truth["file"])}))
    assert total.tables, "no plain-text tables in the corpus truth"
    return {
        "tables": total.tables_found / total.tables,
        "headers": total.headers_ok / total.headers,
        "rows": total.rows_found / total.rows,
        "labels": total.labels_ok / total.rows,
        "cells": total.cells_ok / total.cells,
        "extra": total.rows_extra / max(1, total.rows_out),
    }


def test_corpus_as_filed() -> None:
    got = _score(_as_is)
    assert got["tables"] == 1.0
    assert got["cells"] >= 0.999
    assert got["labels"] >= 0.995
    assert got["headers"] >= 0.99
    assert got["rows"] == 1.0
    assert got["extra"] <= 0.01


@pytest.mark.parametrize(
    ("name", "relayout", "floor"),
    [
        ("tabs", _tabs, {"tables": 1.0, "cells": 0.999, "labels": 0.995, "headers": 0.99}),
        ("shift-1", _shift_tags(-1), {"tables": 1.0, "cells": 0.999, "labels": 0.995, "headers": 0.98}),
        ("shift+2", _shift_tags(2), {"tables": 1.0, "cells": 0.999, "labels": 0.995, "headers": 0.98}),
        ("shift-3", _shift_tags(-3), {"tables": 1.0, "cells": 0.995, "labels": 0.99, "headers": 0.96}),
        ("shift+4", _shift_tags(4), {"tables": 1.0, "cells": 0.999, "labels": 0.995, "headers": 0.95}),
        ("narrow gutters", _narrow(1), {"tables": 1.0, "cells": 0.999, "labels": 0.995, "headers": 0.98}),
        ("no rules", _no_rules, {"tables": 1.0, "cells": 0.999, "labels": 0.995, "headers": 0.91}),
        ("no tag line", _no_tags, {"tables": 1.0, "cells": 0.999, "labels": 0.995, "headers": 0.98}),
    ],
)
def test_corpus_relaid_out(name: str, relayout: Relayout, floor: dict[str, float]) -> None:
    got = _score(relayout)
    short = {k: round(v, 4) for k, v in got.items()}
    for key, least in floor.items():
        assert got[key] >= least, f"{name}: {key} {short}"


@pytest.mark.parametrize("last", [True, False])
def test_corpus_labels_rewrapped(last: bool) -> None:
    got = _score(None, wrap_last=last)
    short = {k: round(v, 4) for k, v in got.items()}
    assert got["tables"] == 1.0 and got["rows"] == 1.0, short
    assert got["cells"] >= 0.999, short
    assert got["labels"] >= 0.995, short


def test_corpus_rewrapped_without_tag_line() -> None:
    got = _score(_no_tags, wrap_last=True)
    short = {k: round(v, 4) for k, v in got.items()}
    assert got["tables"] == 1.0 and got["cells"] >= 0.995 and got["labels"] >= 0.99, short
