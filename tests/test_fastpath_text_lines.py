"""The line-level fast paths of the plain-text reader agree with the plain rules they replace.

Each reference below is the straightforward form of a rule (a find and a slice per line, a test
of every line's kind by the tag patterns); the fast code does the same work with fewer calls.
"""

from __future__ import annotations

import random

from extractor.text.regions import AFTER_LINES, _line_end, _lines_after
from extractor.text.tokenizer import TokenKind, classify_line, make_token


def _lines_after_reference(text: str, pos: int, limit: int) -> list[str]:
    after: list[str] = []
    while len(after) < AFTER_LINES and pos < limit:
        end = _line_end(text, pos)
        after.append(text[pos:end])
        pos = end + 1
    return after


def _texts(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return "".join(rng.choice("ab\n\n") for _ in range(rng.randint(0, 60)))
    width = rng.choice((3, 3, 800))
    return "\n".join("x" * rng.randint(0, width) for _ in range(rng.randint(0, 90)))


def test_lines_after_a_table_are_read_as_line_by_line() -> None:
    rng = random.Random(11)
    for _ in range(20_000):
        text = _texts(rng)
        pos = rng.randint(0, len(text) + 2)
        limit = rng.randint(0, len(text))
        assert _lines_after(text, pos, limit) == _lines_after_reference(text, pos, limit), (text, pos, limit)


def test_make_token_classifies_as_classify_line() -> None:
    lines = ["", "  ", "\t", " \x0c ", "\xa0x", "  <TABLE>", "<S>  <C>", " ---- ", "  Total  1", "\t<PAGE>"]
    for line in lines:
        token = make_token(line, 3)
        assert token.kind is classify_line(token.text), repr(line)
        assert (token.kind is TokenKind.BLANK) == (not token.text.strip()), repr(line)
