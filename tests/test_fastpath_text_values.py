"""The value, rule and leader fast paths agree with the rules they replace.

:func:`parse_cell` reads a plain number (``$1,234``, ``1.25%``, ``(0.10)%``) from one small
pattern; the reference is the general reading, markers split off and the number parsed. The
rule and dot-leader patterns in the standard ``re`` are compared with ``regex``. All run on the
text fixtures and corpus, and on odd and random texts.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

import regex
from conftest import ROOT

from extractor.model import Cell
from extractor.text.chunks import _leader_into, chunk_line
from extractor.text.tokenizer import _RULE, expand
from extractor.values import _PLAIN_NUMBER, parse_cell, parse_number, split_markers

ODD = [
    "0", "00", "0.0", "(0)", "(0.00)%", "$0", "01", "0.5", "01.5", "(01)", "$(12)", "($12)",
    "(12", "12)", "12%", "(12)%", "(12%)", "$12%", "1,234", "1,2345", "12,34", ",123", "1.",
    ".5", ".", "(.5)", "(10)", "(1)", "$(1)", "1" * 81, "1" * 80, "12x", "-12", "\u0661\u0662",
    " 12 ", "12\t", "\xa012", "$ 12", "$   7,081", "$ (12)", "$  .5%", "$\t12", "( 12)", "$ 1 2",
    "$" + " " * 90 + "5", "$ " + "1" * 79, "$ 12 (1)", "$ 12%",
]


def _written(cell: Cell) -> tuple[str, str, str | None, tuple[str, ...]]:
    """A cell as output writes it: ``Decimal("1.20")`` equals ``Decimal("1.2")``, so the value
    is compared by its text."""
    return cell.text, str(cell.value), cell.unit, cell.footnotes


def _reference(text: str) -> Cell:
    written = text.strip()
    body, markers = split_markers(" ".join(written.split()))
    value, unit = parse_number(body)
    return Cell(text=written, value=value, unit=unit, footnotes=markers)


def _texts() -> Iterator[str]:
    for folder in (ROOT / "fixtures", ROOT.parent / "shared" / "corpus"):
        for path in sorted(folder.glob("**/*.txt"))[:40]:
            for line in path.read_text(encoding="latin-1").split("\n"):
                yield from (c.text for c in chunk_line(expand(line)[:300]))
    yield from ODD
    rng = random.Random(3)
    for _ in range(50_000):
        yield "".join(rng.choice("0123456789$(),.%- x") for _ in range(rng.randint(1, 9)))


def test_plain_numbers_parse_as_the_general_reading() -> None:
    plain = 0
    for text in sorted(set(_texts())):
        plain += _PLAIN_NUMBER.fullmatch(text.strip()) is not None
        assert _written(parse_cell.__wrapped__(text)) == _written(_reference(text)), repr(text)
    assert plain > 1000


_REGEX_RULE = regex.compile(r"[ \t]*+[-=_][-=_ \t+]*+$")
_REGEX_LEADER_INTO = regex.compile(r"(?<!\.)\.{2,}+(?= ?+[$(\-\d])")


def _lines() -> Iterator[str]:
    for folder in (ROOT / "fixtures", ROOT.parent / "shared" / "corpus"):
        for path in sorted(folder.glob("**/*.txt"))[:40]:
            yield from (expand(line)[:300] for line in path.read_text(encoding="latin-1").split("\n"))
    rng = random.Random(5)
    for _ in range(50_000):
        yield "".join(rng.choice(" \t-=_+.$(x1\n\x1c") for _ in range(rng.randint(1, 12)))


def _span(found: re.Match[str] | regex.Match[str] | None) -> tuple[int, int] | None:
    return found.span() if found else None


def test_rule_and_leader_patterns_read_as_regex_reads_them() -> None:
    for line in sorted(set(_lines())):
        rule = _RULE.match(line)
        assert _span(rule) == _span(_REGEX_RULE.match(line)), repr(line)
        if line.isascii():
            lead = _leader_into(line)
            want = _REGEX_LEADER_INTO.search(line)
            assert _span(lead) == _span(want), repr(line)
