"""Column spans of a table section, and the one function that slices a line into cells.

The EDGAR Filer Manual puts a ``<C>`` tag's ``<`` over the leftmost character of its column, so
the tag line gives the spans directly. Filers break that rule (tags missing, shifted, too few),
so the spans can also be inferred from the data itself: gutters that are blank in every row,
as ``pandas.read_fwf(colspecs="infer")`` does. Cells are then placed by chunk, not by slicing
characters, so that right-aligned numbers that stick out left of their tag and labels that run
past the first tag still land in the right cell.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Final

import regex

from .chunks import Chunk, _has_digit, chunk_line, make_chunk

WIDE: Final = 1 << 20
_MARGIN: Final = 2
_NEAR: Final = 3
_C_TAG: Final = regex.compile(r"<C>", regex.I)
_YEAR: Final = regex.compile(r"(?:19|20)\d\d")
_S_TAG: Final = regex.compile(r"<S>", regex.I)

Span = tuple[int, int]


def tag_spans(tag_line: str) -> list[Span]:
    """(start, end) of every ``<C>`` column; each runs up to the next tag."""
    return spans_from([m.start() for m in _C_TAG.finditer(tag_line)])


def packed_tag_starts(tag_line: str) -> tuple[list[int], list[int]] | None:
    """Two readings of a tag line with tags packed with no room between them (``<C><C><C>``),
    None when it has none.

    A column three characters wide holds neither a value nor its header: a run of packed tags
    starts one column, at its first tag. The tags after a run stand where the filer set them
    (first reading), or were pushed right by the run, as a converter writing one tag per cell,
    empty spacer cells too, pushes them (second reading: moved back left by the width of the
    run's extra tags)."""
    if "<C><C>" not in tag_line.upper():
        return None
    written: list[int] = []
    pushed_back: list[int] = []
    previous_end = -1
    extra = 0
    for m in _C_TAG.finditer(tag_line):
        if m.start() == previous_end:
            extra += m.end() - m.start()
        else:
            written.append(m.start())
            pushed_back.append(m.start() - extra)
        previous_end = m.end()
    return written, pushed_back


def spans_from(starts: Sequence[int]) -> list[Span]:
    """Spans that run from each start up to the next one (the last one open to the right)."""
    return list(zip(starts, [*starts[1:], WIDE], strict=True)) if starts else []


def label_start(tag_line: str) -> int:
    """Where the ``<S>`` (label) column starts, 0 when the tag is missing."""
    m = _S_TAG.search(tag_line)
    return m.start() if m else 0


def blank_tags(text: str) -> str:
    """The line with its ``<S>``/``<C>`` tags blanked out (positions kept)."""
    if "<" not in text:
        return text
    blanked: str = _S_TAG.sub("   ", _C_TAG.sub("   ", text))
    return blanked


@dataclass(slots=True)
class Placed:
    """A line's chunks placed into the label and the data columns.

    ``label_text`` and ``has_data`` are filled in once by :func:`place`: every stage of the
    reader asks for them, and the same placed line is shared through a cache.
    """

    label: list[Chunk] = field(default_factory=list)
    cells: dict[int, list[Chunk]] = field(default_factory=dict)
    label_text: str = ""
    has_data: bool = False

    def cell_text(self, index: int) -> str:
        chunks = self.cells.get(index)
        if not chunks:
            return ""
        return chunks[0].text if len(chunks) == 1 else " ".join(c.text for c in chunks)


def column_at(starts: Sequence[int], pos: int) -> int:
    """Index of the column whose span holds ``pos``; -1 left of the first column."""
    return bisect_right(starts, pos) - 1


def overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    """How many characters ``[a0, a1)`` and ``[b0, b1)`` share (comparisons instead of
    ``min``/``max``: the header matcher calls this hundreds of thousands of times)."""
    low = a0 if a0 > b0 else b0
    high = a1 if a1 < b1 else b1
    return high - low if high > low else 0


def best_column(spans: Sequence[Span], start: int, end: int, starts: Sequence[int] | None = None) -> int:
    """The column that a text chunk overlaps most (the one holding its start on a tie).

    Spans are contiguous, so only the columns from the one holding its start to the one
    holding its last character can overlap it. A span is unpacked before the call to
    :func:`overlap` rather than passed as ``*span``, which the compiled build would call
    through the function's Python entry point.
    """
    if starts is None:
        starts = [s for s, _ in spans]
    home = max(0, column_at(starts, start))
    last = column_at(starts, end - 1)
    if last <= home:
        return home
    span_start, span_end = spans[home]
    best, most = home, overlap(start, end, span_start, span_end)
    for i in range(home + 1, last + 1):
        span_start, span_end = spans[i]
        width = overlap(start, end, span_start, span_end)
        if width > most:
            best, most = i, width
    return best


@cache
def place_line(text: str, spans: tuple[Span, ...]) -> Placed:
    """:func:`place` for a line's text, cached: each stage of the reader asks for the same lines.

    The cache is unbounded while a table is read and trimmed between tables
    (:func:`trim_line_caches`): a bounded LRU cache smaller than a table misses on every line of
    every stage after the first, as each stage walks the lines in order."""
    return place(chunk_line(text), spans)


LINE_CACHE_KEEP: Final = 16384
"""Lines :func:`chunk_line` and :func:`place_line` keep from table to table (the boilerplate that
tables and filings share); a table longer than that is cached whole while it is read."""


def trim_line_caches() -> None:
    """Empty the line caches when they hold more than :data:`LINE_CACHE_KEEP` lines (called
    before each table: memory stays bounded by the longer of that and the largest table)."""
    if chunk_line.cache_info().currsize > LINE_CACHE_KEEP:
        chunk_line.cache_clear()
    if place_line.cache_info().currsize > LINE_CACHE_KEEP:
        place_line.cache_clear()


@lru_cache(maxsize=1024)
def _starts(spans: tuple[Span, ...]) -> tuple[int, ...]:
    """Where each column starts (cached: every line of a part is placed under the same spans)."""
    return tuple([s for s, _ in spans])


def place(chunks: Iterable[Chunk], spans: Sequence[Span]) -> Placed:
    """Put each chunk of a line into the label or a data column.

    Numbers are right-aligned under their tag, so a data chunk goes by its last character;
    text goes by where it lies. Leading text that starts left of the first column (by more
    than a tag's usual misalignment) is label, however far it runs; further text joins the
    label only while it lies mostly left of it. A value that lands in a column already holding
    one (``valued``) moves to the column its start lies in, if that one is still empty.
    """
    if not spans:
        everything = list(chunks)
        return Placed(everything, {}, " ".join([c.text for c in everything]))
    starts = _starts(tuple(spans))
    first = starts[0]
    chunks = _split_at_columns(chunks, starts)
    label: list[Chunk] = []
    cells: dict[int, list[Chunk]] = {}
    valued: set[int] = set()
    for chunk in chunks:
        if chunk.data:
            col = bisect_right(starts, chunk.anchor) - 1
            if col < 0 and not cells:
                label.append(chunk)
                continue
            if col < 0:
                col = 0
            if col in valued:
                alt = max(0, bisect_right(starts, chunk.start) - 1)
                if alt not in cells:
                    col = alt
            valued.add(col)
        elif not cells and chunk.start < first - _MARGIN and (not label or chunk.start + chunk.end < 2 * first):
            label.append(chunk)
            continue
        else:
            col = best_column(spans, chunk.start, chunk.end, starts)
        if col in cells:
            cells[col].append(chunk)
        else:
            cells[col] = [chunk]
    return Placed(label, cells, " ".join([c.text for c in label]), bool(valued))


def _split_at_columns(chunks: Iterable[Chunk], starts: tuple[int, ...]) -> Iterable[Chunk]:
    """The chunks with each text chunk that runs, one space on, into a value set where a column
    starts ("U.S. Treasury Notes 2 Year, $ (429,000)", the amount at its column's tag) cut
    there: text and value each go to their own column. Only where the value begins at a column
    start and runs to the chunk's end, right of the row labels: a label such as "Less than
    $25,000" keeps its amount. Most lines have no such chunk: they are returned as they are."""
    chunks = chunks if isinstance(chunks, (list, tuple)) else list(chunks)
    first = starts[0]
    out: list[Chunk] | None = None
    for i, chunk in enumerate(chunks):
        piece = None
        if not chunk.data and chunk.start > first and " " in chunk.text:
            piece = _value_at_column(chunk, starts)
        if piece is not None and out is None:
            out = list(chunks[:i])
        if out is not None:
            out.extend(piece or (chunk,))
    return chunks if out is None else out


def _value_at_column(chunk: Chunk, starts: tuple[int, ...]) -> tuple[Chunk, Chunk] | None:
    """``chunk`` cut where a column starts inside it, if an amount marked as one (by ``$`` or
    ``(``) begins there after a space: a bare number there may be the end of the text (a zip
    code, "Page 3 of 6") or a number broken by a stray space."""
    col = bisect_right(starts, chunk.start)
    if col >= len(starts) or starts[col] >= chunk.end:
        return None
    at = starts[col] - chunk.start
    if chunk.text[at - 1] != " " or chunk.text[at] not in "$(":
        return None
    value = make_chunk(starts[col], chunk.text[at:])
    if not value.data or not _has_digit(value.text):
        return None
    return make_chunk(chunk.start, chunk.text[: at - 1].rstrip()), value


def cell_chunks(chunks: Sequence[Chunk], margin: int = -1) -> list[Chunk]:
    """Chunks of a line from its first value on: what is left once the leading label is cut.

    A word such as "None" first on a line with values after it is a label, not a value; so is
    a number that starts at the row labels' left ``margin`` (the year that ends a wrapped
    label, "Balance as of September 30, / 1994"); a lone chunk (a year over a block of rows,
    a page number) is not a row of values.
    """
    if len(chunks) < 2:
        return []
    for i, chunk in enumerate(chunks):
        if not chunk.data:
            continue
        if i == 0 and (chunk.start <= margin or not _has_digit(chunk.text)):
            continue
        return list(chunks[i:])
    return []


def label_margin(lines: Iterable[Sequence[Chunk]]) -> int:
    """Where the least indented row label starts (-1 when no line starts with text)."""
    return min((chunks[0].start for chunks in lines if chunks and not chunks[0].data), default=-1)


def infer_spans(lines: Iterable[Sequence[Chunk]]) -> list[Span]:
    """Column spans from the data alone: runs of characters separated by a gutter in every row.

    A value's hanging ``)`` or ``%`` does not count, nor does a value that merely touches the
    next one (wide numbers packed with one space). Two neighbouring runs that never share a
    row are one column whose values sit unevenly (a centred dash under right-aligned numbers).
    """
    lines = _without_header_lines(list(lines))
    margin = label_margin(lines)
    intervals = sorted(
        [(c.start, c.anchor + 1, row) for row, chunks in enumerate(lines) for c in cell_chunks(chunks, margin)]
        + _text_column(lines, margin)
    )
    clusters: list[tuple[int, int, set[int]]] = []
    for start, end, row in intervals:
        if clusters and start < clusters[-1][1]:
            low, high, rows = clusters[-1]
            rows.add(row)
            clusters[-1] = (low, max(high, end), rows)
        else:
            clusters.append((start, end, {row}))
    merged: list[tuple[int, int, set[int]]] = []
    for cluster in clusters:
        if merged and cluster[0] - merged[-1][1] <= _NEAR and not cluster[2] & merged[-1][2]:
            low, high, rows = merged[-1]
            merged[-1] = (low, max(high, cluster[1]), rows | cluster[2])
        else:
            merged.append(cluster)
    merged = _drop_stray_lead(merged)
    starts: list[int] = []
    previous_end = 0
    for start, end, _ in merged:
        starts.append(start - (start - previous_end) // 2 if starts else start)
        previous_end = end
    if starts:
        starts[0] = max(0, starts[0] - 2)
    return spans_from(starts)


def _without_header_lines(lines: list[Sequence[Chunk]]) -> list[Sequence[Chunk]]:
    """The lines less those whose first chunk is text (or a year) that starts over the values
    and that are mostly words and years: a header repeated in the body (after a ``<PAGE>``),
    whose years ("1997      1996" over two groups of columns) would read as a column of values.
    A row's label starts left of where the rows' first values typically start (the median: one
    misplaced value must not move the edge)."""
    firsts = sorted(
        [values[0].start for chunks in lines if (values := cell_chunks(chunks)) and not chunks[0].data]
    )
    if not firsts:
        return lines
    edge = firsts[len(firsts) // 2] - _MARGIN
    return [
        chunks
        for chunks in lines
        if not chunks or (chunks[0].data and not _YEAR.fullmatch(chunks[0].text)) or not _header_like(chunks, edge)
    ]


def _header_like(chunks: Sequence[Chunk], edge: int) -> bool:
    """A line that starts at ``edge`` or right of it and holds more words and years than other
    values (a header's years are words here: "DURING 1996   1996")."""
    if chunks[0].start < edge:
        return False
    values = sum([c.data and _YEAR.fullmatch(c.text) is None for c in chunks])
    return 2 * values < len(chunks)


def _drop_stray_lead(clusters: list[tuple[int, int, set[int]]]) -> list[tuple[int, int, set[int]]]:
    """The clusters without a first one that a single row makes, alone on its row, left of
    columns that other rows fill: a number in a wrapped label ("outstanding in 1997
    (124,496,972"), not a column of its own."""
    if len(clusters) < 2 or len(clusters[0][2]) != 1:
        return clusters
    rest = [rows for _, _, rows in clusters[1:]]
    if any(len(rows) < 2 or rows & clusters[0][2] for rows in rest):
        return clusters
    return clusters[1:]


def _text_column(lines: Sequence[Sequence[Chunk]], margin: int) -> list[tuple[int, int, int]]:
    """Text cells between the label and the first value that line up in most rows (a CUSIP).

    Overlapping cells are grouped in one sweep from the left, keeping the group's right edge.
    """
    found: list[tuple[int, int, int]] = []
    rows = 0
    for row, chunks in enumerate(lines):
        values = cell_chunks(chunks, margin)
        if not values:
            continue
        rows += 1
        lead = chunks[1 : len(chunks) - len(values)]
        found.extend((c.start, c.end, row) for c in lead)
    if not found:
        return []
    found.sort()
    keep: list[tuple[int, int, int]] = []
    group: list[tuple[int, int, int]] = []
    reach = 0
    for item in [*found, (WIDE, WIDE, -1)]:
        if group and item[0] >= reach:
            if 2 * len({row for _, _, row in group}) >= rows >= 2:
                keep.extend(group)
            group = []
        reach = max(reach, item[1]) if group else item[1]
        group.append(item)
    return keep


def collisions(lines: Iterable[Sequence[Chunk]], spans: Sequence[Span]) -> tuple[int, int]:
    """(rows with data, rows where two values fall into one column) under ``spans``.

    A value's column is found as :func:`column_at` finds it, by a bisection made here: this
    runs for every value of every part, and a call per value costs more than the search.

    A value left of the first column is a clash (the tags sit right of the values they head),
    except on lines whose later values fill every column once, where such values do not line
    up from row to row: a footnote marker or a year that ends the row's label ("Forest
    Laboratories, Inc.  (1)", "Continental Airlines, Inc. 8.00% 2005"), which :func:`place`
    puts into the label. Values that do line up, on their right or their left edge, are a column
    the tags left out.
    """
    rows = clashes = 0
    starts = [s for s, _ in spans]
    lines = list(lines)
    margin = label_margin(lines)
    in_labels: list[Chunk] = []
    for chunks in lines:
        if len(chunks) < 2:
            continue  # no values (:func:`cell_chunks`): most label and heading lines, without a call
        values = [c for c in cell_chunks(chunks, margin) if c.data]
        cols = [bisect_right(starts, c.anchor) - 1 for c in values]
        if not cols:
            continue
        rows += 1
        if cols[0] < 0:
            inside = [col for col in cols if col >= 0]
            if len(inside) == len(starts) and len(set(inside)) == len(inside):
                in_labels.append(values[len(cols) - len(inside) - 1])
                continue
        if len(set(cols)) < len(cols) or min(cols) < 0:
            clashes += 1
    if in_labels and _line_up(in_labels):
        clashes += len(in_labels)
    return rows, clashes


def _line_up(values: Sequence[Chunk]) -> bool:
    """Whether half of ``values`` or more share their right edge (the digit they are aligned on)
    or their left edge (values set flush left): a column, not label text."""
    right, left = Counter(v.anchor for v in values), Counter(v.start for v in values)
    shared = max(*right.values(), *left.values())
    return 2 * shared >= len(values)

