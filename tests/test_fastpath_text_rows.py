"""The fast paths of the plain-text row and header builder agree with the general code, on the
header lines and table bodies of the fixtures and the corpus filings."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from decimal import Decimal

import pytest
import regex
from conftest import ROOT, skip_if_compiled

from extractor import values
from extractor.container import decode_bytes, parse_container
from extractor.errors import ExtractorError
from extractor.model import Cell, Document
from extractor.pipeline import gunzip
from extractor.text import reader, rows
from extractor.text.chunks import chunk_line, strip_leaders
from extractor.text.columns import overlap
from extractor.text.headers import Piece, _covered, _cut_words, _is_rule, _words
from extractor.text.lines import Line
from extractor.values import parse_cell

SOURCES = (ROOT / "fixtures", ROOT.parent / "shared" / "corpus" / "filings")

Captured = tuple[list[str], list[list[Line]]]


def _documents() -> Iterator[Document]:
    for folder in SOURCES:
        for path in sorted(folder.iterdir()) if folder.is_dir() else []:
            try:
                _, documents = parse_container(decode_bytes(gunzip(path.read_bytes(), path.name), path.name), path.name)
            except ExtractorError:
                continue
            yield from (doc for doc in documents if not doc.is_html)


@pytest.fixture(scope="module")
def captured() -> Captured:
    """Every header line and every section body the reader handles on the real filings."""
    skip_if_compiled()
    header_lines: list[str] = []
    bodies: list[list[Line]] = []
    read_headers, build_drafts = reader.read_headers, reader.build_drafts

    def keep_headers(lines: list[str], *args: object) -> tuple[list[str], str]:
        header_lines.extend(lines)
        return read_headers(lines, *args)  # type: ignore[arg-type]

    def keep_body(lines: list[Line]) -> list[rows.Draft]:
        bodies.append(list(lines))
        return build_drafts(lines)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(reader, "read_headers", keep_headers)
        patch.setattr(reader, "build_drafts", keep_body)
        for doc in _documents():
            reader.read_text_tables(doc)
    assert header_lines and bodies
    return header_lines, bodies


def test_header_chunks_cut_as_word_by_word(captured: Captured) -> None:
    header_lines, _ = captured
    for line in header_lines:
        for chunk in chunk_line(line, split_numbers=False):
            assert _words(0, chunk.start, chunk.text) == _cut_words(0, chunk.start, chunk.text)
            if not any(ch in chunk.text for ch in "-=_"):
                whole = Piece(0, chunk.start, chunk.start + len(chunk.text), chunk.text)
                assert _cut_words(0, chunk.start, chunk.text) == [whole]
                assert not _is_rule(chunk.text.replace(" ", ""))


def test_covered_columns_are_those_that_overlap() -> None:
    spans = [(s, e) for s, e in itertools.product(range(-1, 7), repeat=2)]
    for a0, a1 in spans:
        assert _covered(spans, a0, a1) == [i for i, (s, e) in enumerate(spans) if overlap(a0, a1, s, e) > 0]


def test_value_only_blocks_are_one_row_per_line(captured: Captured) -> None:
    _, bodies = captured
    seen = 0
    for body in bodies:
        rows.build_drafts(body)
        for block in rows._blocks(body):
            if not all(line.kind == "data" for line in block):
                continue
            seen += 1
            rows._mark_layout(block)
            for convention, hanging in itertools.product((None, "first", "last"), (False, True)):
                assert rows._merge_free(block, convention, hanging) == [rows.Draft([line], line) for line in block]
    assert seen


def test_sparse_rows_match_every_column_parsed(captured: Captured) -> None:
    _, bodies = captured
    for body in bodies:
        width = 1 + max((col for line in body for col in line.placed.cells), default=0)
        for draft in rows.build_drafts(body):
            labels = " ".join(filter(None, (strip_leaders(line.label) for line in draft.labels)))
            assert draft.text() == labels
            for narrow in (width, width - 1):
                row = rows.to_row(draft, narrow)
                if draft.data is None:
                    assert row.cells == tuple(Cell("") for _ in range(narrow))
                else:
                    placed = draft.data.placed
                    assert row.cells == tuple(parse_cell(placed.cell_text(i)) for i in range(narrow))


def _layout_by_walk(block: list[Line]) -> list[tuple[int, ...]]:
    """The indents after each line, up to a blank, gathered walking up from the last line."""
    out: list[tuple[int, ...]] = []
    indents: list[int] = []
    for line in reversed(block):
        if line.kind == "gap":
            indents = []
            out.append(())
            continue
        out.append(tuple(reversed(indents[-rows._LOOKAHEAD :])))
        indents.append(line.indent)
    return out[::-1]


def test_layout_slices_match_the_walk(captured: Captured) -> None:
    _, bodies = captured
    for body in bodies:
        for block in [*rows._blocks(body), body]:
            rows._mark_layout(block)
            assert [line.after for line in block] == _layout_by_walk(block)


_ANY_DIGIT = regex.compile(r"[\p{Numeric_Type=Decimal}\p{Numeric_Type=Digit}]")
ODD_NUMBERS = (
    "12 34", "$ 29.75 $ 12.75", "1 000", "1,000 .5", "\u00b3", "\u0661\u0662\u0663", "1\u00a0000", "(1)", "- 5",
    "$ (1,234)", "0.88 %", "12.5x", "1.2.3", "037833100", "", " ", "--", "1\t2", "\u2212 3", "5 %%", "(5", "5)",
)


def _number_checked_first(text: str) -> tuple[Decimal | None, str | None]:
    """``parse_number`` as first written: digit and gap tests before the number pattern."""
    text = text.strip()
    if not text or len(text) > values.MAX_CELL or _ANY_DIGIT.search(text) is None or values._DIGIT_GAP.search(text):
        return None, None
    return values.parse_number(text)


def test_number_pattern_first_agrees(captured: Captured) -> None:
    _, bodies = captured
    texts = {chunk.text for body in bodies for line in body for cell in line.placed.cells.values() for chunk in cell}
    for text in sorted(texts) + list(ODD_NUMBERS):
        assert values.parse_number(text) == _number_checked_first(text), text
        collapsed = " ".join(text.split())
        assert values.parse_cell(text).footnotes == values.split_markers(collapsed)[1]
