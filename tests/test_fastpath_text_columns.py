"""The fast paths of the plain-text column finder agree with the straightforward rules they replace.

Each reference below is the plain form of a rule (patterns tried in turn, ``min``/``max``, a scan
of every column); the fast code skips work it can prove unneeded. Both run on every line of the
text fixtures and on lines with the unusual blanks and marks that the shortcuts must not misread.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from itertools import pairwise

import pytest
import regex
from conftest import FIXTURES

from extractor.text.chunks import (
    _CHUNK,
    _NUMBER_WORD,
    _SIGN_GAP,
    Chunk,
    _has_digit,
    _has_sign,
    _number_word,
    chunk_line,
    is_data,
)
from extractor.text.columns import WIDE, Placed, Span, _text_column, best_column, cell_chunks, overlap, place, tag_spans
from extractor.text.layout import _snap
from extractor.text.tabs import realign_tab_fields
from extractor.text.tokenizer import _RULE, TokenKind, classify_line, expand, make_token

ODD = [
    "",
    "   ",
    "\x1c  Total   1,234",
    "\xa0\xa0Net assets   $ 12",
    "  \t<S>\t<C>\t<C>",
    "   <caption>",
    "  </TABLE>",
    "<F1> note",
    "  ----------   --------",
    "  -- ",
    "  =_",
    "  - + -",
    "\u2003 Other....$",
    "Total.....$ 1,234 $ 5,678",
    "  100 $   ( 12 )   7 %",
    "Name  <C>  1996",
    "<TABLE border=1>",
    "  <table>x",
    "<TABLE\t>",
    "</fn>",
    "<FN>",
    "<F12> see",
    "<F1234>",
    "</Page>",
    "<PAGE >",
    "<CAPTION>Fees",
    "</caption>",
    "<S>  <C>",
    "<\u0130>",
]


def _lines() -> Iterator[str]:
    for path in sorted(FIXTURES.glob("*.txt")):
        yield from path.read_text(encoding="latin-1").split("\n")
    yield from ODD


LINES = sorted(set(_lines()))
SPANS: list[list[Span]] = [
    [],
    [(10, 20), (20, 30), (30, WIDE)],
    tag_spans("<S>         <C>      <C>    <C>        <C>"),
    [(40, 55), (55, 70), (70, WIDE)],
]
_FIRST_INK = regex.compile(r"\S")
_TAGGED = [
    (regex.compile(pattern, regex.I), kind)
    for pattern, kind in [
        (r"[ \t]*+</TABLE>", TokenKind.TABLE_END),
        (r"[ \t]*+<TABLE(?:[ \t][^>\n]*+)?>", TokenKind.TABLE_START),
        (r"[ \t]*+</CAPTION>", TokenKind.CAPTION_END),
        (r"[ \t]*+<CAPTION>", TokenKind.CAPTION),
        (r"[ \t]*+</?FN>", TokenKind.FOOTNOTE_START),
        (r"[ \t]*+<F\d{1,3}>", TokenKind.FOOTNOTE),
        (r"[ \t]*+</?PAGE>", TokenKind.PAGE),
    ]
]


def _classify_reference(text: str) -> TokenKind:
    if not text.strip():
        return TokenKind.BLANK
    if "<" in text:
        for pattern, kind in _TAGGED:
            if pattern.match(text):
                return kind
        if regex.search(r"<[SC]>", text, regex.I):
            return TokenKind.COLUMN_TAGS
    if _RULE.match(text) and len(regex.findall(r"[-=_]", text)) >= 3:
        return TokenKind.RULE
    return TokenKind.TEXT


def _place_reference(chunks: Sequence[Chunk], spans: Sequence[Span]) -> Placed:
    """Placement as first written: every column scanned, its cells searched for a value."""
    placed = Placed()
    if not spans:
        placed.label = list(chunks)
        placed.label_text = " ".join(c.text for c in placed.label)
        return placed
    starts = [s for s, _ in spans]
    for chunk in chunks:
        started = bool(placed.cells)
        if chunk.data:
            col = bisect_right(starts, chunk.anchor) - 1
            if col < 0 and not started:
                placed.label.append(chunk)
                continue
            col = max(col, 0)
            if any(c.data for c in placed.cells.get(col, ())):
                alt = max(0, bisect_right(starts, chunk.start) - 1)
                if alt not in placed.cells:
                    col = alt
        elif not started and chunk.start < starts[0] - 2 and (
            not placed.label or chunk.start + chunk.end < 2 * starts[0]
        ):
            placed.label.append(chunk)
            continue
        else:
            widths = [overlap(chunk.start, chunk.end, s, e) for s, e in spans]
            home = max(0, bisect_right(starts, chunk.start) - 1)
            col = max(range(home, len(spans)), key=lambda i: (widths[i], -i))
        placed.cells.setdefault(col, []).append(chunk)
        placed.has_data = placed.has_data or chunk.data
    placed.label_text = " ".join(c.text for c in placed.label)
    return placed


def test_classify_line_tries_patterns_only_where_they_can_match() -> None:
    for line in LINES:
        text = expand(line)
        assert classify_line(text) == _classify_reference(text), repr(line)


def test_make_token_finds_the_first_ink_like_the_pattern() -> None:
    for line in LINES:
        token = make_token(line, 7)
        ink = _FIRST_INK.search(token.text)
        assert (token.line, token.col) == (7, ink.start() if ink else 0), repr(line)
        assert type(token).__name__ == "Token" and token.kind == classify_line(token.text)


def test_chunks_are_named_tuples_that_cover_their_text() -> None:
    for line in LINES:
        for split in (True, False):
            for chunk in chunk_line(expand(line), split):
                assert isinstance(chunk, Chunk)
                assert expand(line)[chunk.start : chunk.end] == chunk.text == chunk[2]
                assert chunk.data == is_data(chunk.text)
                assert chunk.anchor == chunk.start + max(len(chunk.text.rstrip(")%*# ")), 1) - 1


def _words() -> Iterator[str]:
    for line in LINES:
        for word in line.split():
            yield word
            yield from word.split(",")
    rng = random.Random(5)
    marks = "0123456789$()-,.%*<>/F a_\u2212\u0663\uff11\xb2\x1c"
    for _ in range(50_000):
        yield "".join(rng.choice(marks) for _ in range(rng.randint(1, 9)))


def test_number_words_and_digits_read_as_regex_reads_them() -> None:
    for word in _words():
        assert _number_word(word) == bool(_NUMBER_WORD.fullmatch(word)), repr(word)
        assert _has_digit(word) == bool(regex.search(r"\d", word)), repr(word)


def test_sign_gaps_need_a_sign() -> None:
    for text in [*LINES, *(" ".join(pair) for pair in pairwise(LINES))]:
        if not _has_sign(text):
            assert _SIGN_GAP.sub("", text) == text, repr(text)


def test_the_chunk_pattern_counts_as_ink_what_regex_counts() -> None:
    plain = regex.compile(r"\S++(?: \S++)*+")
    every_character = "  ".join(map(chr, range(0x110000)))
    assert _CHUNK.findall(every_character) == plain.findall(every_character)
    for line in [*LINES, "a\x1cb  c\x1d d", "x\xa0y  \u2003z w"]:
        assert [(m.start(), m.group()) for m in _CHUNK.finditer(line)] == [
            (m.start(), m.group()) for m in plain.finditer(line)
        ], repr(line)


@pytest.mark.parametrize(
    "a0,a1,b0,b1", [(0, 5, 3, 9), (3, 9, 0, 5), (0, 5, 5, 9), (0, 9, 2, 4), (4, 4, 0, 9), (6, 2, 0, 9)]
)
def test_overlap_matches_min_max(a0: int, a1: int, b0: int, b1: int) -> None:
    assert overlap(a0, a1, b0, b1) == max(0, min(a1, b1) - max(a0, b0))


def test_best_column_stops_when_a_chunk_sits_in_one_column() -> None:
    spans = [(0, 10), (10, 14), (14, 30), (30, WIDE)]
    for start in range(0, 40):
        for end in range(start + 1, 45):
            widths = [overlap(start, end, s, e) for s, e in spans]
            home = max(0, bisect_right([s for s, _ in spans], start) - 1)
            expected = max(range(home, len(spans)), key=lambda i: (widths[i], -i))
            assert best_column(spans, start, end) == expected, (start, end)


def test_place_agrees_with_the_reference_placement() -> None:
    for line in LINES:
        chunks = chunk_line(expand(line))
        for spans in SPANS:
            fast, slow = place(chunks, spans), _place_reference(chunks, spans)
            assert (fast.label, list(fast.cells.items()), fast.label_text, fast.has_data) == (
                slow.label,
                list(slow.cells.items()),
                slow.label_text,
                slow.has_data,
            ), repr(line)


def test_snap_reach_matches_the_rule() -> None:
    starts = [20, 32, 44]
    key = tuple((s, e) for s, e in zip(starts, [*starts[1:], WIDE], strict=True))
    lines = ["Sales      17,000    1,000", "Cost          900       12   3", "Net  ......  9    2,000  30,000"]
    placed = [place(chunk_line(text), key) for text in lines]
    lows = [min((p.cells[c][0].start for p in placed if p.has_data and c in p.cells), default=WIDE) for c in range(3)]
    highs = [4, 0, 0]
    for p in placed:
        for col, cells in p.cells.items():
            if p.has_data and col + 1 < 3:
                highs[col + 1] = max([highs[col + 1], *(c.end for c in cells if c.start < starts[col + 1] - 4)])
    expected = [low if s - 4 <= low < s and low > high else s for s, low, high in zip(starts, lows, highs, strict=True)]
    assert _snap(placed, starts, 4) == expected


def test_tab_realignment_needs_a_tab_in_the_tag_line() -> None:
    lines = ["<S>\t<C>\t<C>", "\tSales\t1\t2", "\tCost\t3\t4", "\tNet\t5\t6"]
    assert realign_tab_fields(lines) != lines
    spaced = [line.replace("\t", "    ") for line in lines]
    assert realign_tab_fields(spaced) == spaced


def _text_column_reference(lines: Sequence[Sequence[Chunk]], margin: int) -> list[tuple[int, int, int]]:
    found = sorted(
        (c.start, c.end, row)
        for row, chunks in enumerate(lines)
        if (values := cell_chunks(chunks, margin))
        for c in chunks[1 : len(chunks) - len(values)]
    )
    rows = sum(1 for chunks in lines if cell_chunks(chunks, margin))
    keep: list[tuple[int, int, int]] = []
    group: list[tuple[int, int, int]] = []
    for item in [*found, (WIDE, WIDE, -1)] if found else []:
        if group and item[0] >= max(end for _, end, _ in group):
            if 2 * len({row for _, _, row in group}) >= rows >= 2:
                keep.extend(group)
            group = []
        group.append(item)
    return keep


def test_text_column_sweep_matches_the_group_maximum() -> None:
    rng = random.Random(9)
    lines = [chunk_line(expand(line)) for line in LINES]
    for _ in range(300):
        sample = rng.sample(lines, rng.randint(2, 40))
        assert _text_column(sample, -1) == _text_column_reference(sample, -1)
    cusips = [chunk_line(f"Bond {n}   {'QRS'[n % 3]}XY{'Z' * (n % 4)}   {n},000   1{n}.5") for n in range(60)]
    assert _text_column(cusips, -1) == _text_column_reference(cusips, -1) != []

