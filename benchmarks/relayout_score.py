"""Re-lay-out the corpus's plain-text truth tables and score the reader on the new layouts.

The corpus is a sample; real filings lay the same tables out in many ways. This script renders
every plain-text truth table again with other label and column widths, number alignments, tag
offsets, a missing ``<S>``/``<C>`` line, wrapped labels (numbers on the first or the last line),
wrapped headers, rule lines, dot leaders and tabs, labels broken by hand short of their column,
runs the pipeline in-process on each variant and reports how many variants come out entirely
right, and header, label and cell accuracy per layout trait, so a rule that only fits the
original layout shows up.

``--extra-traits`` adds traits of real 1990s-2000s filings, each drawn apart from the main
sequence (so a seed's other traits stay as they were): headers centred over, and wider than,
a narrow column of values (``wide_header``); a ``$`` at the left edge of its column on the
first and last rows only (``dollar_column``); some ``<C>`` tags shifted by one or two
(``shift_some``); footnote markers glued to values, ``0.25%(1)`` (``glued_marks``); a page
break inside the table, with a page number, ``<PAGE>`` and the header repeated
(``page_break``).

    python benchmarks/relayout_score.py [--variants 20] [--seed 5] [--show 10] [--hand-share 0.3]
                                        [--extra-traits]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import textwrap
from collections import defaultdict
from dataclasses import dataclass, field, fields
from decimal import Decimal
from pathlib import Path
from typing import Any

from extractor.pipeline import extract_bytes

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
MARKERS = re.compile(r"<F\d+>|/\d{1,2}/|\[[^\]\s]{1,5}\]|\(\s*[0-9a-z]{1,2}\s*\)|[*#\u2020\u2021+]+", re.I)


def norm(text: str | None) -> str:
    text = MARKERS.sub(" ", text or "")
    text = re.sub(r"\.{2,}|_{2,}", " ", text)
    text = re.sub(r"([a-z])-\s+(?=[a-z])", r"\1", text.lower())
    return " ".join(text.split()).strip(" :.-")


@dataclass
class Layout:
    """One random layout: the traits that the report groups results by."""

    label_width: int
    col_width: int
    align: str  # "right" under the tag's column, or "left" at the tag
    tag_shift: int
    tag_line: bool
    wrap_values: str  # "first" or "last" label line holds the values
    rules: bool
    leaders: bool
    tabs: bool
    caption: bool
    blank_rows: bool
    hand_wrap: bool = False
    """Labels broken by hand short of the label column, as filers do, not greedily at its edge."""
    wide_header: bool = False
    dollar_column: bool = False
    shift_some: bool = False
    glued_marks: bool = False
    page_break: bool = False

    def base_repr(self) -> str:
        """The repr the layout had before the extra traits: it seeds the hand wraps, which must
        stay the same for a seed to compare across versions."""
        names = [f.name for f in fields(self) if f.name not in EXTRA_TRAITS]
        return f"Layout({', '.join(f'{name}={getattr(self, name)!r}' for name in names)})"

    def traits(self) -> list[str]:
        out = [f"align={self.align}", f"wrap={self.wrap_values}"]
        out.append("no-tag-line" if not self.tag_line else f"tag-shift={self.tag_shift}")
        for name in ("rules", "leaders", "tabs", "caption", "blank_rows", "hand_wrap", *EXTRA_TRAITS):
            if getattr(self, name):
                out.append(name)
        return out


EXTRA_TRAITS = ("wide_header", "dollar_column", "shift_some", "glued_marks", "page_break")
EXTRA_SHARE = 0.25
"""Share of layouts that get each extra trait, under ``--extra-traits``."""


def add_extra_traits(layout: Layout, key: str) -> None:
    """Give ``layout`` each extra trait with :data:`EXTRA_SHARE` odds, drawn from ``key`` alone."""
    draw = random.Random(f"extra-{key}")
    for name in EXTRA_TRAITS:
        setattr(layout, name, draw.random() < EXTRA_SHARE)
    layout.shift_some = layout.shift_some and layout.tag_line


HAND_SHARE = 0.3
"""Share of layouts whose labels are wrapped by hand (drawn apart from the main sequence, so
the other traits of a seed's layouts stay as they were)."""
HAND_SLACK = (0, 2, 5, 9)
"""How far short of the label column a hand-wrapped label line may break."""


def random_layout(rng: random.Random) -> Layout:
    return Layout(
        label_width=rng.randint(28, 46), col_width=rng.randint(11, 16), align=rng.choice(["right", "left"]),
        tag_shift=rng.choice([0, 0, 0, 1, 2, -1]), tag_line=rng.random() > 0.15,
        wrap_values=rng.choice(["first", "last"]), rules=rng.random() > 0.5, leaders=rng.random() > 0.7,
        tabs=rng.random() > 0.85, caption=rng.random() > 0.6, blank_rows=rng.random() > 0.6,
    )


def fmt(value: Any, kind: str, rng: random.Random, col_has_pct: bool) -> str:
    if value is None:
        return rng.choice(["None", "--", "N/A"])
    number = Decimal(str(value))
    body = f"{abs(number):,}" if abs(number) >= 1000 and number == number.to_integral_value() else f"{abs(number)}"
    if kind == "expense_example":
        body = "$" + body
    elif kind == "fees" or col_has_pct:
        body += "%"
    return f"({body})" if number < 0 else body


def glue_mark(text: str, rng: random.Random) -> str:
    """A value with a footnote marker glued to it now and then, as filers write "0.25%(1)"."""
    if text in ("None", "--", "N/A") or rng.random() > 0.2:
        return text
    return text + rng.choice(["(1)", "(2)", "(a)", "*", "/1/"])


def dollar_edges(cells: list[list[str]], width: int, align: str) -> list[list[str]]:
    """Cells with the ``$`` of the first and last rows at the left edge of the column, apart from
    the number, and no ``$`` on the rows between (the figures of a statement)."""
    out = [[t.replace("$", "", 1) for t in row] for row in cells]
    for k in {0, len(out) - 1}:
        out[k] = [
            "$" + (t.rjust(width - 1) if align == "right" else " " + t) if any(c.isdigit() for c in t) else t
            for t in out[k]
        ]
    return out


def wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_on_hyphens=False, break_long_words=False) or [""]


def common_words(a: list[str], b: list[str]) -> list[str]:
    out = []
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        out.append(x)
    return out


def group_spans(columns: list[str]) -> list[tuple[int, int, str]]:
    """Runs of adjacent columns that share leading words: drawn as a group header over them."""
    spans = []
    i = 0
    while i < len(columns) - 1:
        words = columns[i].split()
        prefix = common_words(words, columns[i + 1].split())
        last = i + 1
        while last + 1 < len(columns) and common_words(words, columns[last + 1].split()) == prefix:
            last += 1
        tails_ok = all(len(columns[k].split()) > len(prefix) for k in range(i, last + 1))
        if prefix and tails_ok:
            spans.append((i, last, " ".join(prefix)))
            i = last + 1
        else:
            i += 1
    return spans


def render(table: dict[str, Any], layout: Layout, rng: random.Random) -> tuple[list[str], int]:
    """The lines of a filing holding one re-laid-out table, and the line of its <TABLE> tag."""
    cells_text = [[fmt(v, table["kind"], rng, False) for v in row["values"]] for row in table["rows"]]
    hand = random.Random(f"{table['line']}-{layout.base_repr()}")
    extra = random.Random(f"extra-{table['line']}-{layout.base_repr()}")
    if layout.glued_marks:
        cells_text = [[glue_mark(t, extra) for t in row] for row in cells_text]
    widest = max(len(t) for row in cells_text for t in row) + (2 if layout.dollar_column else 0)
    longest = max([widest] + [len(w) for h in table["columns"] for w in h.split()])
    lw, cw, ncol = layout.label_width, max(layout.col_width, longest + 1), len(table["columns"])
    pitch = cw + 2
    if layout.wide_header:
        cw, pitch = widest + 1, max(cw, widest + 1) + 2
    starts = [lw + 2 + max(0, (pitch - 2 - cw) // 2) + i * pitch for i in range(ncol)]
    lines = ["Prose before the table, as a filing has it.", ""]
    table_line = len(lines) + 1
    lines.append("<TABLE>")
    if layout.caption:
        lines.append("<CAPTION>")
    header_at = len(lines)
    spans = group_spans(table["columns"])
    group_lines: list[str] = []
    subheads = list(table["columns"])
    for first, last, prefix in spans:
        width = starts[last] + cw - starts[first]
        for k, piece in enumerate(wrap(prefix, width)):
            while len(group_lines) <= k:
                group_lines.append("")
            group_lines[k] = group_lines[k].ljust(starts[first]) + piece.center(width).rstrip()
        for i in range(first, last + 1):
            subheads[i] = subheads[i][len(prefix):].strip()
    if spans:
        under = ""
        for first, last, _ in spans:
            under = under.ljust(starts[first]) + "-" * (starts[last] + cw - starts[first])
        group_lines.append(under)
    lines.extend(line.rstrip() for line in group_lines)
    head_width = pitch - 2 if layout.wide_header else cw
    header_cells = [wrap(h, head_width) for h in subheads]
    height = max(len(h) for h in header_cells)
    for k in range(height):
        text = " " * lw
        for i, words in enumerate(header_cells):
            pad = height - len(words)
            piece = words[k - pad] if k >= pad else ""
            if piece:
                left = starts[i] + cw // 2 - (len(piece) + 1) // 2 if layout.wide_header else starts[i]
                text = text.ljust(left) + (piece if layout.wide_header else piece.center(cw).rstrip())
        lines.append(text.rstrip())
    if layout.rules:
        rule = " " * lw
        for s in starts:
            rule = rule.ljust(s) + "-" * cw
        lines.append(rule)
    if layout.caption:
        lines.append("</CAPTION>")
    if layout.tag_line:
        shifts = [extra.choice([-1, 1, 2]) if layout.shift_some and extra.random() < 0.5 else 0 for _ in starts]
        tag = "<S>"
        for s, more in zip(starts, shifts, strict=True):
            col = s + layout.tag_shift + more
            tag = tag.ljust(col) + "<C>"
        lines.append(tag)
    header_lines = lines[header_at:]
    if layout.dollar_column:
        cells_text = dollar_edges(cells_text, cw, layout.align)
    break_after = len(table["rows"]) // 2 if layout.page_break and len(table["rows"]) >= 4 else -1
    row_lines: list[int] = []
    for n_row, (row, cells) in enumerate(zip(table["rows"], cells_text, strict=True)):
        if n_row == break_after:
            lines += ["", f"{extra.randint(2, 40):>{lw + 10}}", "<PAGE>", ""]
            lines += [line for line in header_lines if line not in ("<CAPTION>", "</CAPTION>")]
        label = row["label"]
        if layout.leaders and len(label) < lw - 6:
            label = label + " " + "." * (lw - 2 - len(label))
        parts = wrap(label, lw - hand.choice(HAND_SLACK)) if layout.hand_wrap else wrap(label, lw)
        data = ""
        for i, text in enumerate(cells):
            if layout.align == "right":
                data = data.ljust(starts[i] - lw) + text.rjust(cw)
            else:
                data = data.ljust(starts[i] - lw) + text
        at = 0 if layout.wrap_values == "first" else len(parts) - 1
        for k, part in enumerate(parts):
            line = part.ljust(lw) + data if k == at else part
            if k == at:
                row_lines.append(len(lines) + 1)
            lines.append(line.rstrip())
        if layout.blank_rows:
            lines.append("")
    lines.append("</TABLE>")
    lines += ["", "Prose after the table."]
    if layout.tabs:
        lines = [line.replace(" " * 8, "\t", 1) if line.startswith(" " * 8) else line for line in lines]
    return lines, table_line


@dataclass
class Score:
    variants: int = 0
    perfect: int = 0
    found: int = 0
    headers: list[int] = field(default_factory=lambda: [0, 0])
    labels: list[int] = field(default_factory=lambda: [0, 0])
    cells: list[int] = field(default_factory=lambda: [0, 0])


def compare(table: dict[str, Any], out: dict[str, Any] | None, score: Score) -> tuple[bool, str]:
    score.variants += 1
    heads = len(table["columns"])
    nrows = len(table["rows"])
    ncells = sum(len(r["values"]) for r in table["rows"])
    score.headers[1] += heads
    score.labels[1] += nrows
    score.cells[1] += ncells
    if out is None:
        return False, "table not found"
    score.found += 1
    why = ""
    cols = out["columns"]
    ok_heads = sum(1 for i, h in enumerate(table["columns"]) if i < len(cols) and norm(cols[i]) == norm(h))
    score.headers[0] += ok_heads
    if ok_heads < heads:
        why = why or f"headers {cols} want {table['columns']}"
    rows = [r for r in out["rows"] if any(c["text"] for c in r["cells"])]
    for k, want in enumerate(table["rows"]):
        got = rows[k] if k < len(rows) else None
        if got is not None and norm(got["label"]) == norm(want["label"]):
            score.labels[0] += 1
        else:
            why = why or f"row {k} label {got['label'] if got else None!r} want {want['label']!r}"
        for i, value in enumerate(want["values"]):
            have = got["cells"][i]["value"] if got and i < len(got["cells"]) else "missing"
            same = (have is None and value is None) or (
                have not in (None, "missing") and value is not None and abs(float(have) - float(value)) < 1e-9)
            score.cells[0] += same
            if not same:
                why = why or f"row {want['label']!r} col {i}: {have!r} want {value!r}"
    if len(rows) != nrows:
        why = why or f"{len(rows)} rows, want {nrows}"
    perfect = not why
    score.perfect += perfect
    return perfect, why


def pct(pair: list[int]) -> str:
    return f"{100.0 * pair[0] / pair[1]:6.2f}%" if pair[1] else "   n/a"


def score_corpus(
    corpus: Path, variants: int, seed: int, hand_share: float = HAND_SHARE, extra: bool = False, show: int = 0
) -> tuple[Score, dict[str, Score], list[str]]:
    """Render ``variants`` layouts of every plain-text truth table and score the pipeline on
    them: the total, the score per layout trait, and the first ``show`` failures."""
    from extractor.writers import table_dict

    rng = random.Random(seed)
    total = Score()
    by_trait: dict[str, Score] = defaultdict(Score)
    failures: list[str] = []
    for path in sorted((corpus / "truth").glob("*.json")):
        truth = json.loads(path.read_text())
        if truth["file"].endswith((".html", ".htm")):
            continue
        for table in truth["tables"]:
            if table.get("rows_complete") is False:
                continue
            for n in range(variants):
                layout = random_layout(rng)
                layout.hand_wrap = random.Random(f"{seed}-{table['line']}-{n}").random() < hand_share
                if extra:
                    add_extra_traits(layout, f"{seed}-{table['line']}-{n}")
                lines, table_line = render(table, layout, rng)
                filing = extract_bytes("\n".join(lines).encode(), f"{truth['file']}@{table['line']}")
                outs = [table_dict(t) for t in filing.tables if t.line == table_line]
                out = outs[0] if outs else None
                for target in [total, *(by_trait[t] for t in layout.traits())]:
                    ok, why = compare(table, out, target)
                if not ok and len(failures) < show:
                    failures.append(f"{truth['file']}:{table['line']} {layout.traits()}: {why}")
    return total, by_trait, failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", type=int, default=20, help="layouts per truth table (default 20)")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--show", type=int, default=10, help="failures to print")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument(
        "--hand-share", type=float, default=HAND_SHARE,
        help=f"share of layouts with labels wrapped by hand (default {HAND_SHARE}; 0 gives the greedy-only layouts)",
    )
    parser.add_argument(
        "--extra-traits", action="store_true",
        help="also render the traits of real filings listed in the docstring (off by default, so seeds compare)",
    )
    args = parser.parse_args(argv)
    if not (args.corpus / "truth").is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    total, by_trait, failures = score_corpus(args.corpus, args.variants, args.seed, args.hand_share,
                                             args.extra_traits, args.show)
    print_report(total, by_trait, failures)
    return 0


def print_report(total: Score, by_trait: dict[str, Score], failures: list[str],
                 columns: tuple[tuple[str, str], ...] = ()) -> None:
    """The table of scores per layout trait, table recall and the first failures; ``columns``
    adds (heading, Score attribute) pairs after the cells (the HTML benchmark's kinds, concepts)."""
    shown = (("headers", "headers"), ("labels", "labels"), ("cells", "cells"), *columns)
    print(f"{'layout trait':20} {'variants':>8} {'perfect':>8} " + " ".join(f"{h:>8}" for h, _ in shown))
    for name, score in [("all", total), *sorted(by_trait.items())]:
        print(f"{name:20} {score.variants:>8} {100.0 * score.perfect / max(score.variants, 1):7.2f}% "
              + " ".join(pct(getattr(score, attr)) for _, attr in shown))
    print(f"table recall {100.0 * total.found / max(total.variants, 1):.2f}%")
    if failures:
        print("\nfirst failures:")
        for line in failures:
            print("  " + line)


if __name__ == "__main__":
    sys.exit(main())
