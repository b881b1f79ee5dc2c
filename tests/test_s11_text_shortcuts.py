"""Session 11's shortcuts in the plain-text reader give what the plain rules give.

``_split_numbers`` tries the number pattern only on a word that opens as a number can (a digit,
a sign, a parenthesis, a dollar sign or a point); the reference below tries every word.
``collisions`` skips a line of fewer than two chunks before asking :func:`cell_chunks`; the
reference asks it of every line.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Sequence

from extractor.text.chunks import _ASCII_NUMBER_WORD, _NUMBER_WORD, Chunk, _has_digit, _split_numbers, chunk_line
from extractor.text.columns import Span, cell_chunks, collisions, label_margin, spans_from

WORDS = [
    "12", "1,234", "(5)", "$5", "$(5)", "-3", "\u22123", ".5", "5%", "(1.2)%", "12*", "3(a)", "4<F1>", "7/2/",
    "Total", "net", "31,", "1995", "\u0661\u0662", "\u00b2", "\u0663", "x1", "a", "$", "(", "%", ")", "-", ".",
    "--", "\u2014", "N/A", "12x", "1996.", "No.", "\u00e91",
]


def _reference(start: int, text: str) -> list[tuple[int, str]]:
    """The split before the shortcut: every word is matched against the number pattern."""
    if " " not in text or not _has_digit(text):
        return [(start, text)]
    number_word = (_ASCII_NUMBER_WORD if text.isascii() else _NUMBER_WORD).fullmatch
    pieces: list[tuple[int, str]] = []
    offset = 0
    prev_number = False
    for word in text.split(" "):
        number = word[-1] != "," and number_word(word) is not None
        opens = number or not word.strip("$(")
        if pieces and not (opens and prev_number):
            s, t = pieces[-1]
            pieces[-1] = (s, t + " " + word)
        else:
            pieces.append((start + offset, word))
        prev_number = number
        offset += len(word) + 1
    return pieces


def test_numbers_split_as_when_every_word_was_matched() -> None:
    rng = random.Random(11)
    split = 0
    for _ in range(20_000):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 7)))
        got = _split_numbers(3, text)
        assert got == _reference(3, text), repr(text)
        split += len(got) > 1
    assert split > 5_000


def test_a_label_word_beside_numbers_stays_with_its_label() -> None:
    assert _split_numbers(0, "Balance at December 31, 1995 1,234 5,678") == [
        (0, "Balance at December 31, 1995"),
        (29, "1,234"),
        (35, "5,678"),
    ]
    assert _split_numbers(10, "\u0661\u0662 \u0663\u0664") == [(10, "\u0661\u0662"), (13, "\u0663\u0664")]


def _reference_collisions(lines: Sequence[Sequence[Chunk]], spans: Sequence[Span]) -> tuple[int, int]:
    """:func:`collisions` as written before, for lines whose values never fall left of the first
    column (the labels case is not in these lines): every line is asked for its cell chunks."""
    starts = [s for s, _ in spans]
    margin = label_margin(lines)
    rows = clashes = 0
    for chunks in lines:
        cols = [bisect_right(starts, c.anchor) - 1 for c in cell_chunks(chunks, margin) if c.data]
        if not cols:
            continue
        rows += 1
        if len(set(cols)) < len(cols) or min(cols) < 0:
            clashes += 1
    return rows, clashes


def test_collisions_count_the_same_rows_and_clashes() -> None:
    texts = [
        "Management fees                          0.50%        0.50%",
        "Other expenses",
        "                                         0.25%  0.10%        ",
        "Total                                    1.00%        1.10%",
        "12",
        "",
        "Distribution fees   0.25%                0.25%        0.25%",
    ]
    lines = [chunk_line(text) for text in texts]
    spans = spans_from([35, 50])
    assert collisions(lines, spans) == _reference_collisions(lines, spans) == (4, 1)
