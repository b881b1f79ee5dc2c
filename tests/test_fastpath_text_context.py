"""The second-round fast paths of the text reader agree with the plain forms they replace.

:func:`_leading_words` splits only as many of the lines below a table as the context's 300
characters need; the reference splits all of them. :func:`collapsed_end` collapses only as much
of the end of the text before a table as the lead's characters need. :func:`_widths` works out
each column's overlap in line; the reference calls :func:`overlap`. All run on odd and random
inputs.
"""

from __future__ import annotations

import random

from extractor.text.columns import overlap
from extractor.text.headers import Piece, _widths
from extractor.text.reader import _leading_words, collapsed_end

PIECES = ["a", "bb", "word", "x" * 60, " ", "  ", "\t", "\xa0", "\u2028", "\x1c", ""]


def _reference_start(lines: list[str], chars: int) -> str:
    return " ".join(" ".join(lines).split())[:chars]


def test_leading_words_give_the_start_of_the_text() -> None:
    rng = random.Random(5)
    for _ in range(20000):
        lines = ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 10))) for _ in range(rng.randint(0, 8))]
        chars = rng.randint(0, 320)
        assert " ".join(_leading_words(lines, chars))[:chars] == _reference_start(lines, chars)


def test_leading_words_stop_early() -> None:
    lines = ["word " * 20] * 40
    assert len(_leading_words(lines, 300)) < 100


def test_collapsed_end_is_the_end_of_the_whole_text_collapsed() -> None:
    rng = random.Random(11)
    for _ in range(20000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 120)))
        chars = rng.choice([0, 1, 5, 40, 200, 1000, rng.randint(0, 400)])
        assert collapsed_end(text, chars) == " ".join(text.split())[-chars:], (text, chars)


def test_collapsed_end_reads_a_long_text_from_its_end() -> None:
    text = "word  " * 2000
    assert collapsed_end(text, 1000) == ("word " * 250)[-1001:-1]
    assert collapsed_end(" " * 5000 + "last words", 1000) == "last words"


def test_widths_are_overlaps() -> None:
    rng = random.Random(7)
    for _ in range(20000):
        start = rng.randint(0, 40)
        piece = Piece(0, start, start + rng.randint(0, 20), "x")
        ranges = [(s, s + rng.randint(-3, 15)) for s in (rng.randint(0, 60) for _ in range(rng.randint(0, 6)))]
        assert _widths(piece, ranges) == [overlap(piece.start, piece.end, s, e) for s, e in ranges]
