"""The column layout of one part: spans from the tags or the data, and where values lie.

The tag line is the filer's statement of the columns; the values are the evidence. Spans
come from the tags unless the values contradict them, are then trimmed of tags that fall
inside the labels and completed with a headed column that the tags left out. The ranges the
values occupy are what header text is matched against.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from .chunks import Chunk, chunk_line
from .columns import (
    WIDE,
    Placed,
    Span,
    blank_tags,
    collisions,
    infer_spans,
    packed_tag_starts,
    place_line,
    spans_from,
    tag_spans,
)
from .parts import Part
from .tokenizer import TEXT, Token

_CLASH = 0.2
_SNAP = 4


def body_texts(tokens: Sequence[Token]) -> list[str]:
    """The text lines of a body with any stray column tags blanked (most lines have none)."""
    return [blank_tags(t.text) if "<" in t.text else t.text for t in tokens if t.kind is TEXT]


def choose_spans(part: Part, texts: Sequence[str]) -> list[Span]:
    """The tag spans, unless the data contradicts them; then spans inferred from the data.

    ``texts`` are the part's :func:`body_texts`, worked out once by the caller for every step.
    A tag line with tags packed with no room between them is read as
    :func:`~extractor.text.columns.packed_tag_starts` reads it, the reading under which fewer
    values clash, where there are rows of values to tell (a header without rows keeps the tags
    as written).
    """
    lines = [chunk_line(text) for text in texts]
    spans = tag_spans(part.tags.text) if part.tags is not None else []
    if not spans:
        return infer_spans(lines)
    rows, clashes = collisions(lines, spans)
    packed = packed_tag_starts(part.tags.text) if part.tags is not None else None
    if packed is not None and rows:
        spans, clashes = _fewest_clashes(lines, [spans_from(starts) for starts in packed])
    if rows and clashes > _CLASH * rows:
        inferred = infer_spans(lines)
        _, clashes_inferred = collisions(lines, inferred)
        if clashes_inferred < clashes:
            return inferred
    return spans


def _fewest_clashes(lines: Sequence[Sequence[Chunk]], candidates: Sequence[list[Span]]) -> tuple[list[Span], int]:
    """The candidate spans under which the fewest values clash (the first on a tie), and that
    number."""
    best: list[Span] = []
    fewest = -1
    for spans in candidates:
        _, clashes = collisions(lines, spans)
        if fewest < 0 or clashes < fewest:
            best, fewest = spans, clashes
    return best, fewest


def refine_spans(part: Part, texts: Sequence[str], spans: list[Span]) -> tuple[list[Span], list[Placed]]:
    """Drop tag columns that only label overhang reaches; add a headed column the tags left out.

    Where the labels end is measured on their words: a value that a tag shifted right left
    in the label must not stop that tag from moving back onto it.

    A ``<C>`` that falls inside the row labels and never holds a value is part of the label
    column. The labels are those of rows with cells, and lines of text that run over several
    column starts (prose set in the table); a heading that overhangs one tag ("NON-INTERESTED"
    DIRECTORS over a column of text cells) says nothing about where the labels end. A header
    word that stands between the labels and the first column, right of the label column's own
    header, is a column of its own (blank in every row).

    Where the labels end (:func:`_label_end`) is measured only when it can matter: when the
    first column's values start a little left of its tag, or a header line has a word between
    the labels and the first column. Most parts have neither.

    Returned with the spans: ``texts`` placed under them, as the reader places them next
    (placed here already, unless a tag moved or a column was added).
    """
    key = tuple(spans)
    placed = [place_line(text, key) for text in texts]
    if not spans:
        return spans, placed
    used = {col for p in placed if p.has_data for col in p.cells}
    if len(used) < len(spans):
        tags = [s for s, _ in spans]
        snapped = _snap_to_text(placed, tags, used)
        if snapped != tags:
            spans = spans_from(snapped)
            key = tuple(spans)
            placed = [place_line(text, key) for text in texts]
            used = {col for p in placed if p.has_data for col in p.cells}
    if len(used) < len(spans):
        starts = _without_run_over(placed, spans, _outside_labels(placed, spans, used))
    else:
        starts = [s for s, _ in spans]
    if not starts:
        return spans, placed
    labelled = placed
    kept = tuple(spans_from(starts))
    if kept != key:
        placed = [place_line(text, kept) for text in texts]
    lows = _value_lows(placed, len(starts))
    label_end = _label_end(labelled) if starts[0] - _SNAP <= lows[0] < starts[0] else None
    starts = _snap_from_lows(placed, starts, lows, 0 if label_end is None else label_end)
    first = starts[0]
    for token in part.header:
        if token.kind is not TEXT:
            continue
        pieces = chunk_line(token.text, False)
        left = [p for p in pieces[1:] if p.end < first - 1]
        if not left:
            continue
        if label_end is None:
            label_end = _label_end(labelled)
        inside = [p for p in left if label_end + 3 < p.start]
        if inside and pieces[0].end <= label_end + 3 and any(p.start >= first for p in pieces):
            starts.insert(0, inside[0].start)
            break
    refined = spans_from(starts)
    final = tuple(refined)
    return refined, placed if final == kept else [place_line(text, final) for text in texts]


def _outside_labels(placed: Sequence[Placed], spans: Sequence[Span], used: set[int]) -> list[int]:
    """The starts of the columns that hold a value (``used``) or that no row label runs over.

    Only asked where a column holds no value: where every one does, every start is kept, and
    the labels are not gathered at all (most tagged parts)."""
    leftmost = spans[0][0]
    labels = [
        (c.start, c.end)
        for p in placed
        for c in p.label
        if c.end > leftmost and (p.cells or _crosses(c, spans) > 1)
    ]
    return [s for i, (s, _) in enumerate(spans) if i in used or not any(a < s < b for a, b in labels)]


def _without_run_over(placed: Sequence[Placed], spans: Sequence[Span], starts: list[int]) -> list[int]:
    """``starts`` less the tags of columns that hold no cell in any line while the text of a
    cell beside them runs over where they start: a ``<C>`` set inside a column of long
    descriptions, not a column of its own (it would take the description's header too)."""
    if len(spans) < 2 or not starts:
        return starts
    unfilled = set(range(1, len(spans)))
    for p in placed:
        if p.cells:
            unfilled.difference_update(p.cells)
            if not unfilled:
                return starts
    empty = {spans[i][0] for i in unfilled}
    crossed = {
        s for s in empty if any(c.start < s < c.end for p in placed for cells in p.cells.values() for c in cells)
    }
    return [s for s in starts if s not in crossed]


def _crosses(chunk: Chunk, spans: Sequence[Span]) -> int:
    """How many column starts a piece of text runs over."""
    return sum([chunk.start < start < chunk.end for start, _ in spans])


def _snap(placed: Sequence[Placed], starts: list[int], label_end: int) -> list[int]:
    """Move each tag left onto the first character of its column where the values start a
    little left of it (a shifted tag line), never into the column or label before it.

    ``placed`` holds the body lines placed under the spans that run from ``starts``. A value
    that starts just left of the next tag was put into this column only because the tag is
    off; it does not count as this column's reach.

    The values' leftmost starts are gathered first: where none lies in the few places left of
    its column's start (most parts, their tags set over the values), no tag moves, and the
    reach of the columns before is not measured; it is measured only left of a tag that may
    move.
    """
    return _snap_from_lows(placed, starts, _value_lows(placed, len(starts)), label_end)


def _label_end(placed: Sequence[Placed]) -> int:
    """Where the row labels end, measured on their words, on the lines with two values or more."""
    return max((c.end for p in placed if p.has_data and _values(p) > 1 for c in p.label if not c.data), default=0)


def _value_lows(placed: Sequence[Placed], columns: int) -> list[int]:
    """Where the leftmost cell of each column starts, over the lines with a value (:data:`WIDE`
    for a column without one)."""
    lows = [WIDE for _ in range(columns)]
    for line in placed:
        if not line.has_data:
            continue
        for col, cells in line.cells.items():
            low = cells[0].start
            if low < lows[col]:
                lows[col] = low
    return lows


def _snap_from_lows(placed: Sequence[Placed], starts: list[int], lows: list[int], label_end: int) -> list[int]:
    """:func:`_snap` once the columns' lows (:func:`_value_lows`) are known."""
    movable = [col for col, (start, low) in enumerate(zip(starts, lows, strict=True)) if start - _SNAP <= low < start]
    if not movable:
        return list(starts)
    highs = [label_end, *[0 for _ in starts[1:]]]
    measured = {col - 1 for col in movable if col > 0}
    for line in placed:
        if not line.has_data:
            continue
        for col, cells in line.cells.items():
            if col in measured:
                reach, high = starts[col + 1] - _SNAP, highs[col + 1]
                for c in cells:
                    if c.start < reach and c.end > high:
                        high = c.end
                highs[col + 1] = high
    return [
        low if start - _SNAP <= low < start and low > high else start
        for start, low, high in zip(starts, lows, highs, strict=True)
    ]


def _snap_to_text(placed: Sequence[Placed], tags: list[int], valued: set[int]) -> list[int]:
    """Move a tag left onto a column of text cells that start at one position a little left of
    it ("89-8A" under a tag set three places right of the notes column of an exhibit index), as
    :func:`_snap` does for values.

    ``placed`` holds the body lines placed under the spans that run from ``tags``; columns
    that hold a value somewhere (``valued``) are moved by their values alone. A column
    counts where, of the lines with a piece of text (not a row label's first) starting up to
    :data:`_SNAP` places either side of its tag, more than half start at that one position,
    two lines at least, and no text of another column runs over it (a longer cell of this
    column may: a description's first line set left of its wrapped lines). Before, such a cell
    lay mostly left of the tag and was read into the column before it, or into the row label.
    Most tables have no text starting near a tag: a look-up of each text chunk's start in the
    set of positions near one finds that out."""
    near = [0 for _ in tags]
    left: dict[tuple[int, int], int] = {}
    last = len(tags) - 1
    window = {tag + step for col, tag in enumerate(tags) if col not in valued for step in range(-_SNAP, _SNAP)}
    for line in placed:
        seen = -1
        for chunks in (line.label[1:], *line.cells.values()) if len(line.label) > 1 else line.cells.values():
            for chunk in chunks:
                if chunk.data or chunk.start not in window:
                    continue
                col = bisect_right(tags, chunk.start)
                if col <= last and tags[col] - chunk.start <= _SNAP and col != seen:
                    near[col] += 1
                    left[col, chunk.start] = left.get((col, chunk.start), 0) + 1
                    seen = col
                elif col > 0 and chunk.start - tags[col - 1] < _SNAP and col - 1 != seen:
                    near[col - 1] += 1
                    seen = col - 1
    if not left:
        return tags
    out = list(tags)
    for (col, at), count in sorted(left.items()):
        if col in valued or count < 2 or 2 * count <= near[col] or at >= out[col]:
            continue
        if col > 0 and at <= out[col - 1] + 1:
            continue
        if not any(_runs_over(p, col, at) for p in placed):
            out[col] = at
    return out


def _runs_over(line: Placed, col: int, at: int) -> bool:
    """Whether a piece of the line that is not in column ``col`` runs over position ``at``."""
    if any(c.start < at < c.end for c in line.label):
        return True
    return any(k != col and c.start < at < c.end for k, cells in line.cells.items() for c in cells)


def _values(placed: Placed) -> int:
    return sum([c.data for cells in placed.cells.values() for c in cells])


class Extents(NamedTuple):
    """Where each column's values lie, and the wider range its header may take."""

    values: list[Span]
    headed: list[Span]


def column_extents(texts: Sequence[str], placed: Sequence[Placed], spans: Sequence[Span]) -> Extents:
    """The character range each column's values occupy in the body, with the column's tag, and
    the range its header is matched against: the values' range widened over the gutter on the
    side they are not flush against (see :func:`_widen_flush`).

    ``placed`` holds the body ``texts`` placed under ``spans``. Only values count: stray prose
    inside a table block would smear the ranges. The tag position joins the range only where
    it sits next to the values (a shifted or inferred column start says nothing about where
    the header text lies), and never joins the header range left of values flush left: their
    first character is the column's edge.
    """
    firsts: list[list[int]] = [[] for _ in spans]
    lasts: list[list[int]] = [[] for _ in spans]
    for text, line in zip(texts, placed, strict=True):
        if not line.has_data:
            continue
        chunks = chunk_line(text)
        if chunks[0].data and sum([c.data for c in chunks]) < 2:
            continue
        for col, cells in line.cells.items():
            for cell in cells:
                if cell.data:
                    firsts[col].append(cell.start)
                    lasts[col].append(cell.end)
    lo = [min(starts, default=WIDE) for starts in firsts]
    hi = [max(ends, default=0) for ends in lasts]
    sides = [_flush_side(starts, ends) for starts, ends in zip(firsts, lasts, strict=True)]
    values: list[Span] = []
    headed: list[Span] = []
    for (start, end), low, high, side in zip(spans, lo, hi, sides, strict=True):
        if high == 0:
            values.append((start, min(end, start + 1)))
        elif low - 4 <= start <= high:
            values.append((min(low, start), high))
        else:
            values.append((low, high))
        headed.append((low, high) if side == "left" else values[-1])
    return Extents(values, _widen_flush(headed, sides, [high > 0 for high in hi]))


_FLUSH = 0.75
"""Share of a column's values that must share an edge for the column to count as flush."""
_FLUSH_VALUES = 3
"""Values a column needs before its alignment is judged: two can share an edge by chance."""


def _flush_side(starts: Sequence[int], ends: Sequence[int]) -> str:
    """"left" when most values start at one position and fewer end at one, "right" the other
    way round, "" when the values are too few, all one width, or neither edge is shared."""
    if len(starts) < _FLUSH_VALUES:
        return ""
    left = _most_shared(starts) / len(starts)
    right = _most_shared(ends) / len(ends)
    if left >= _FLUSH and left > right:
        return "left"
    if right >= _FLUSH and right > left:
        return "right"
    return ""


def _most_shared(positions: Sequence[int]) -> int:
    """How many of ``positions`` share the commonest one (one pass with a dict: a column's
    values can have as many different ends as there are rows)."""
    seen: dict[int, int] = {}
    best = 0
    for at in positions:
        n = seen.get(at, 0) + 1
        seen[at] = n
        if n > best:
            best = n
    return best


def _widen_flush(ranges: list[Span], sides: Sequence[str], filled: Sequence[bool]) -> list[Span]:
    """Column ranges grown over half the gutter on the side their values are not flush against.

    A filer centres a header over the whole width of its column; values flush left fill only
    the left part of it, values flush right only the right part, so the header stands partly
    over the gutter. Only half of it: a header wider than its neighbour's column spills over
    the other half. Only between two columns with values: beside a column of text cells (a
    date, a description) there is no gutter to measure, and its header sits over its tag. The
    first column never grows left into the labels.
    """
    out = list(ranges)
    for i in range(len(ranges) - 1):
        (_, end), (start, _) = ranges[i], ranges[i + 1]
        if start - end < 2 or not (filled[i] and filled[i + 1]):
            continue
        middle = (end + start) // 2
        if sides[i] == "left":
            out[i] = (out[i][0], middle)
        if sides[i + 1] == "right":
            out[i + 1] = (middle + 1, out[i + 1][1])
    return out


def label_extent(placed: Sequence[Placed]) -> int:
    """Where the row labels of the placed body lines with values end (0 when there are none).

    Without a tag line the first column's start is inferred from its values; header text
    between the labels and the values leads to that column, not to the label column.
    """
    return max((p.label[-1].end for p in placed if p.label and p.has_data), default=0)
