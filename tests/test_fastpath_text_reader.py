"""The plain-text reader's chunk and header fast paths agree with the rules they replace.

The references are the plain forms: a chunk built from its text's length, value flag and
anchor, and every text with a digit parsed as a cell. They run on every line of the text
fixtures and corpus, and on odd and random texts that the shortcuts must not misread.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

import regex
from conftest import ROOT

from extractor.text.chunks import (
    _has_digit,
    _number_word,
    _reads_as_value,
    _shape,
    _spelled_out,
    chunk_line,
    is_data,
)
from extractor.text.lines import _NORM
from extractor.text.tokenizer import expand
from extractor.values import _ASCII_NUMBER, _NUMBER

ODD = [
    "Balance at December 31, 1995 ....  $ 1,234",
    "None (1)   nil 2   NONE [1]   Nil*3",
    "abc[1]  (abc) 2   [abc] 3   x 12x   12 xxx",
    "n/a 3   n.m. 4   nm 5   -0- abc",
    "Total\x1c12   Total\xa012   T\u00f6tal 12",
    "  1996   1995.....$ 12 $ 13   (12) %   $ ( 4 )",
    "Fund. . . . .  12.5%  ..1  ...  .. 3",
]


def _lines() -> Iterator[str]:
    for folder in (ROOT / "fixtures", ROOT.parent / "shared" / "corpus"):
        for path in sorted(folder.glob("**/*.txt"))[:40]:
            yield from path.read_text(encoding="latin-1").split("\n")
    yield from ODD


LINES = sorted({expand(line)[:300] for line in _lines()})


def test_chunks_are_built_from_the_shape_of_their_text() -> None:
    for line in LINES:
        for split in (True, False):
            for c in chunk_line(line, split):
                assert line[c.start : c.end] == c.text
                length, data, anchor = _shape(c.text)
                assert (c.end, c.data, c.anchor) == (c.start + length, data, c.start + anchor)


def _texts() -> Iterator[str]:
    for line in LINES:
        for split in (True, False):
            for c in chunk_line(line, split):
                yield c.text
        yield line.strip()
    rng = random.Random(7)
    marks = ["0", "1", "9", "$", "(", ")", "-", ",", ".", "%", "*", "[", "]", "<F1>", "/", " ", "  ", "x", "a"]
    words = ["none", "Nil", "NONE", "abc", "Total", "nm", "na", "n/a", "ab", "\x1c", "\xa0", "\u00f6", "Fund"]
    for _ in range(40_000):
        yield "".join(rng.choice(marks if rng.random() < 0.7 else words) for _ in range(rng.randint(1, 8)))


def test_a_spelled_out_word_never_reads_as_a_value() -> None:
    seen = 0
    for text in _texts():
        if _has_digit(text) and _spelled_out(text):
            seen += 1
            assert not _reads_as_value(text), repr(text)
            assert not is_data(text), repr(text)
    assert seen > 300  # the random texts alone give about 480; the corpus, when present, thousands more


def test_a_number_word_holds_a_digit() -> None:
    for text in _texts():
        for word in text.split(" "):
            if _number_word(word):
                assert _has_digit(word), repr(word)


def test_the_ascii_number_pattern_reads_as_regex_reads_it() -> None:
    for text in _texts():
        compact = text.strip().replace(" ", "")
        if compact.isascii():
            fast, slow = _ASCII_NUMBER.fullmatch(compact), _NUMBER.fullmatch(compact)
            assert (fast and fast.groups()) == (slow and slow.groups()), repr(compact)


def test_header_norm_pattern_reads_as_regex_reads_it() -> None:
    plain = regex.compile(r"[^a-z0-9]++")
    for text in [*_texts(), "\u00e9t\u00e9 1996", "\u0130stanbul \u212a", "a\x1cb\u2003c"]:
        lowered = text.lower()
        assert _NORM.sub(" ", lowered) == plain.sub(" ", lowered), repr(text)
