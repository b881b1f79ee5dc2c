"""Column headers: the text lines above the data, joined per column, group headers in front.

A header line holds pieces of several column labels; each piece belongs to the column it sits
over, by character position. A piece that spans several columns is a group header ("IF YOU
SOLD YOUR SHARES:", "PREFERRED STOCK" over a dashed underline) and goes in front of each column
it covers. Text over the label column, a lone title that covers only some columns without an
underline, and a lone unit note under the header rule ("(IN MILLIONS)") are caption, not header.
"""

from __future__ import annotations

import operator
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import regex

from .chunks import chunk_line
from .columns import WIDE, Span, overlap

_DASHES = regex.compile(r"[-=_]{2,}+")
"""A run of two rule characters or more (one alone is a hyphen)."""
_RULES_ONLY = regex.compile(r"[-=_]{2,}+(?: [-=_]{2,}+)*+")
_SINGLE = 0.75
_SLACK = 4
"""How far a tag may sit off the first character of its column."""
_UNIT = regex.compile(r"\([^()]*+\)?+|[^()]*+\)")
_CENTRE_SLACK = 3
_REACH = 3
_AXIS_SLACK = 1
"""How far apart the middles of two stacked lines of one column's header may lie: each line is
centred on the column, off by at most a character where the widths' parities differ."""


class Piece(NamedTuple):
    """A run of header text (or a rule segment) on header line ``line``; a named tuple, since
    every header chunk makes one."""

    line: int
    start: int
    end: int
    text: str


def _is_rule(text: str) -> bool:
    return len(text) >= 2 and not text.strip("-=_")


def _split(lines: Sequence[str]) -> tuple[list[Piece], list[Piece], int]:
    """Text pieces, underline segments, and the index of the last line holding a rule.

    A chunk without a dash, ``=`` or ``_`` (most header text, told by three ``in`` tests rather
    than a pattern) is one text piece as it stands. A rule escaped as EDGAR escapes a line that
    opens with a dash, "- " put in front of it ("- -------"), is the rule: its lone dash is no
    caption or header text."""
    texts: list[Piece] = []
    rules: list[Piece] = []
    last_rule = -1
    for k, line in enumerate(lines):
        for chunk in chunk_line(line, split_numbers=False):
            text = chunk.text
            if "-" not in text and "=" not in text and "_" not in text:
                texts.append(Piece(k, chunk.start, chunk.end, text))
                continue
            start = chunk.start
            if text.startswith("- ") and _RULES_ONLY.fullmatch(text, 2):
                text = text[2:]  # a rule escaped as EDGAR escapes a line opening with a dash
                start += 2
            for piece in _words(k, start, text):
                if _is_rule(piece.text.replace(" ", "")):
                    rules.extend(
                        Piece(k, piece.start + m.start(), piece.start + m.end(), m.group())
                        for m in _DASHES.finditer(piece.text)
                    )
                    last_rule = k
                else:
                    texts.append(piece)
    return texts, rules, last_rule


def _words(line: int, start: int, text: str) -> list[Piece]:
    """A chunk cut where it turns from dashes to words or back (an underline packed against
    the next column's header by a single space).

    A chunk of rules only is one piece, as :func:`_cut_words` would leave it: one regex
    says so without the walk over its words.
    """
    if _RULES_ONLY.fullmatch(text):
        return [Piece(line, start, start + len(text), text)]
    return _cut_words(line, start, text)


def _cut_words(line: int, start: int, text: str) -> list[Piece]:
    """:func:`_words` word by word. The open piece's words, length and dash state are kept as
    it grows, so a long line costs one pass rather than a string rebuilt per word."""
    pieces: list[Piece] = []
    words: list[str] = []
    begin = end = offset = length = 0
    all_dashes = True
    for word in text.split(" "):
        dashes = _is_rule(word)
        if words and (length >= 2 and all_dashes) == dashes:
            words.append(word)
        else:
            if words:
                pieces.append(Piece(line, start + begin, start + end, " ".join(words)))
            words, begin, length, all_dashes = [word], offset, 0, True
        length += len(word)
        all_dashes = all_dashes and not word.strip("-=_")
        end = offset + len(word)
        offset += len(word) + 1
    if words:
        pieces.append(Piece(line, start + begin, start + end, " ".join(words)))
    return pieces


def _covered(spans: Sequence[Span], start: int, end: int) -> list[int]:
    """The columns that ``start``-``end`` overlaps (``overlap > 0``, compared without the call)."""
    return [i for i, (s, e) in enumerate(spans) if start < end and s < e and start < e and s < end]


def _group_rules(rules: Sequence[Piece], ranges: Sequence[Span], first: int) -> list[Piece]:
    """The rule segments that can underline a group of columns, in order.

    A column counts as underlined when most of its values lie under the segment; a segment
    must underline two columns or more. A rule that reaches into the label column is a table
    rule. Neither test depends on the header piece, so it is made once per table.
    """
    return [
        rule
        for rule in rules
        if rule.start >= first - _SLACK
        and sum(1 for s, e in ranges if 2 * overlap(rule.start, rule.end, s, e) >= e - s) >= 2
    ]


def _underline(piece: Piece, rules: Sequence[Piece], texts: Sequence[Piece] = ()) -> Piece | None:
    """The group rule segment (see :func:`_group_rules`) right under a piece, if any.

    A segment that other text on the piece's line also stands over is a rule under every
    column's header, not one group's.
    """
    for rule in rules:
        if not (piece.line < rule.line <= piece.line + 2 and overlap(piece.start, piece.end, rule.start, rule.end)):
            continue
        shared = any(
            t.line == piece.line and t is not piece and overlap(t.start, t.end, rule.start, rule.end) for t in texts
        )
        if not shared:
            return rule
    return None


@dataclass(slots=True)
class _Frame:
    """What every header piece is judged against (built once per header, read only; not frozen,
    as a frozen dataclass sets each of its ten fields through ``object.__setattr__``)."""

    ranges: list[Span]
    values: list[Span]
    """The data's own ranges, which a group underline is measured against."""
    first: int
    centre: float
    last_rule: int
    texts: list[Piece]
    group_rules: list[Piece]
    per_line: dict[int, int]
    label_end: int
    deepest: int
    """The last line holding text over the data columns (-1 when none)."""
    labels_end: int
    """Where the longest row label of the body ends (the first column's start when unknown)."""


def read_headers(
    lines: Sequence[str],
    spans: Sequence[Span],
    extents: Sequence[Span] | None = None,
    label_end: int | None = None,
    packed: Sequence[Span] | None = None,
    labels_end: int | None = None,
) -> tuple[list[str], str]:
    """(one header per column, caption text) from the header lines of a section.

    ``extents`` are the character ranges that each column's header may take (its data's range,
    with its tag, widened over the gutter where the data is flush); header text is matched
    against them, since it is centred over the data, not the tag. ``packed`` are the data's
    own ranges (default ``extents``): a piece is taken apart into packed headers only at
    spaces in the gutters between them, which widened ranges would all but close, and a
    group underline stands over the columns whose values lie mostly under it.
    ``label_end`` (where the row labels end) is given where the first column's start was
    inferred rather than tagged; ``labels_end`` is where they end in any case, which tells a
    header wider than the first column, centred on its values, from text over the labels.

    The reading is cached (:func:`_read_headers`): a filer repeats a table's header lines over
    the same columns from filing to filing, and the reading depends on nothing else. Each call
    gets a list of its own.
    """
    headers, caption = _read_headers(
        tuple(lines),
        tuple(spans),
        None if extents is None else tuple(extents),
        label_end,
        None if packed is None else tuple(packed),
        labels_end,
    )
    return list(headers), caption


@lru_cache(maxsize=2048)
def _read_headers(
    lines: tuple[str, ...],
    spans: tuple[Span, ...],
    extents: tuple[Span, ...] | None,
    label_end: int | None,
    packed: tuple[Span, ...] | None,
    labels_end: int | None = None,
) -> tuple[tuple[str, ...], str]:
    """:func:`read_headers` for hashable arguments, cached."""
    texts, rules, last_rule = _split(lines)
    if not spans:
        return (), " ".join(p.text for p in texts)
    ranges = list(extents) if extents is not None else [(s, min(e, s + 12)) for s, e in spans]
    ranges = _underlined(ranges, rules, last_rule, spans)
    gutters = ranges if packed is None else _underlined(list(packed), rules, last_rule, spans)
    texts = [q for n, p in enumerate(texts) for q in (_unpack(p, gutters) if _unpackable(p, texts, n) else [p])]
    first = spans[0][0]
    per_line: dict[int, int] = {}
    for piece in texts:
        if piece.end > first:
            per_line[piece.line] = per_line.get(piece.line, 0) + 1
    edge = first if label_end is None else label_end + 1
    deepest = max((piece.line for piece in texts if piece.end > first), default=-1)
    centre = (ranges[0][0] + ranges[-1][1]) / 2
    group_rules = _group_rules(rules, gutters, min(first, edge))
    frame = _Frame(
        ranges, gutters, first, centre, last_rule, texts, group_rules, per_line, edge, deepest,
        first if labels_end is None else labels_end,
    )
    parts: list[list[Piece]] = [[] for _ in spans]
    caption: list[Piece] = []
    groups: list[tuple[Piece, list[int]]] = []
    for piece in texts:
        stacked = _stacked(piece, groups, texts)
        kind, covered = ("group", stacked) if stacked is not None else _judge(piece, frame)
        if kind == "caption":
            caption.append(piece)
        elif kind == "group":
            groups.append((piece, covered))
        else:
            parts[covered[0]].append(piece)
    for piece, covered in groups:
        for i in covered:
            parts[i].append(piece)
    return tuple([_in_reading_order(col) for col in parts]), _in_reading_order(caption)


_READING_ORDER = operator.attrgetter("line", "start")


def _in_reading_order(pieces: list[Piece]) -> str:
    """The pieces' text joined line by line, left to right (most columns have one piece)."""
    if len(pieces) < 2:
        return pieces[0].text if pieces else ""
    return " ".join([p.text for p in sorted(pieces, key=_READING_ORDER)])


def _underlined(ranges: list[Span], rules: Sequence[Piece], last_rule: int, spans: Sequence[Span]) -> list[Span]:
    """Column ranges widened to the header underline right above the data, where each of its
    segments stands over one column: the filer drew it as wide as the column, while
    left-aligned or right-aligned values fill only part of it."""
    out = list(ranges)
    segments = [rule for rule in rules if rule.line == last_rule]
    paired = _one_per_column(segments, spans)
    for n, rule in enumerate(segments):
        if paired:
            over = [n - len(segments) + len(ranges)]
        else:
            widths = _widths(rule, ranges)
            over = [i for i, (s, e) in enumerate(ranges) if widths[i] >= _REACH or widths[i] >= e - s]
        if len(over) == 1 and over[0] >= 0:
            s, e = out[over[0]]
            out[over[0]] = (min(s, rule.start), max(e, rule.end))
    return out


def _one_per_column(segments: Sequence[Piece], spans: Sequence[Span]) -> bool:
    """Whether the underline right above the data has one segment per column (beside one over
    the labels), each centred within its column's span: the filer drew each column's width.
    Where the body is set a few places off the header's grid ("89-8A" three places left of the
    "NOTES*" column's rule), or a column holds text and no values to measure, the segment is
    the column's width all the same."""
    count = len(spans)
    if segments and segments[0].start < spans[0][0] - _SLACK:
        segments = segments[1:]
    if len(segments) != count or count < 2:
        return False
    return all(start <= (rule.start + rule.end) // 2 < end for rule, (start, end) in zip(segments, spans, strict=True))


def _judge(piece: Piece, frame: _Frame) -> tuple[str, list[int]]:
    """Whether a piece is caption, one column's header (which), or a group header (over which).

    Text mostly over the label column is caption. A piece goes over the columns it overlaps,
    or those of the group underline right under it. Lone on its line, centred and with header
    lines below, it is a group over every column; lone under the header rule with no header
    text right under it (or a parenthesised note over several columns) it is a unit note,
    and a piece over several columns that starts at the first one but stops short of the last,
    with no underline, is a table title: both caption. Such a piece set over its columns' own
    headers and centred on them is a group header all the same (:func:`_grouped_below`).
    """
    ranges = frame.ranges
    edge = min(frame.first, frame.label_end)
    in_label = overlap(piece.start, piece.end, 0, edge)
    if in_label >= (piece.end - piece.start) - in_label and not _centred_on_first(piece, frame):
        return "caption", []
    widths = _widths(piece, ranges)
    covered = [i for i, width in enumerate(widths) if width > 0]
    if piece.start < edge - _SLACK and len(covered) > 1:
        return "caption", []
    under = _underline(piece, frame.group_rules, frame.texts) if frame.group_rules else None
    note = _UNIT.fullmatch(piece.text) is not None
    if under is not None:
        covered = _underlined_columns(frame.values, under) or covered
    elif not note:
        covered = _spill(piece, ranges, widths, _touching(piece, ranges, covered, frame.texts), frame.texts)
    if not covered:
        covered = [_nearest(ranges, piece)]
    widest = max(widths[i] for i in covered)
    single = len(covered) == 1 or (under is None and widest >= _SINGLE * (piece.end - piece.start))
    lone = frame.per_line.get(piece.line, 0) == 1 and len(ranges) > 1
    centred = abs((piece.start + piece.end) / 2 - frame.centre) <= _CENTRE_SLACK
    under_rule = lone and piece.line > frame.last_rule >= 0 and not _stacked_over(piece, frame)
    unit_note = under_rule and (not single or centred)
    if unit_note or (lone and not single and note):
        return "caption", []
    below = piece.line < frame.deepest
    if lone and centred and under is None and below and not note and not (single and _stacked_over(piece, frame)):
        return "group", list(range(len(ranges)))
    if single:
        return "column", [max(covered, key=widths.__getitem__)]
    if under is None and _title(piece, ranges) and not _beside_group(piece, frame):
        grouped = _grouped_below(piece, frame)
        return ("group", grouped) if grouped else ("caption", [])
    return "group", covered


def _grouped_below(piece: Piece, frame: _Frame) -> list[int]:
    """The columns a piece that reads as a title (over some columns, from the first one) heads
    as a group header, [] when it is a title: the columns whose own headers, below it, it
    stands over, two or more, when it is centred on those headers together ("SALES CHARGE AS A
    / PERCENTAGE OF" over "OFFERING PRICE" and "NET AMOUNT INVESTED", beside a third column;
    "DIVIDENDS AND DISTRIBUTIONS" over three of six). A title stands off the middle of the
    headers it happens to cross ("DISTRIBUTIONS IN DOLLARS" over the end of "FACE VALUE" and
    over "PRIOR PRINCIPAL BALANCE")."""
    columns: list[int] = []
    low, high = WIDE, 0
    for i, (start, end) in enumerate(frame.ranges):
        own = [
            t
            for t in frame.texts
            if t.line > piece.line
            and overlap(t.start, t.end, start, end)
            and len(_covered(frame.ranges, t.start, t.end)) == 1
        ]
        if not any(overlap(t.start, t.end, piece.start, piece.end) for t in own):
            continue
        columns.append(i)
        low, high = min(low, *(t.start for t in own)), max(high, *(t.end for t in own))
    if len(columns) < 2 or abs(piece.start + piece.end - low - high) > 2 * _CENTRE_SLACK:
        return []
    return columns


def _centred_on_first(piece: Piece, frame: _Frame) -> bool:
    """Whether a piece right of every row label spans the first column's values and is centred
    on them: a header wider than that column ("BEGINNING" over "91"), which stands as far left
    of the values as right of them, over the gutter between labels and values. A first column
    without values (text, or none: a range of one character) has no middle to go by."""
    start, end = frame.values[0]
    if end - start < 2 or piece.start <= frame.labels_end or not piece.start <= start < end <= piece.end:
        return False
    return abs(piece.start + piece.end - start - end) <= 2 * _CENTRE_SLACK


def _touching(piece: Piece, ranges: Sequence[Span], covered: list[int], texts: Sequence[Piece]) -> list[int]:
    """The columns a piece stands over, with the one whose range starts right where the piece
    ends (or ends right where it starts) when both have header text of their own below the
    piece: a group header run over the gutter up to the next column's values ("PASS-THROUGH"
    over "CURRENT" and "ESTIMATED NEXT") may be set over both, which :func:`_spill` tells by
    where it is centred. A piece with nothing below it is a column's own header, wide as it is."""
    if not covered:
        return covered
    low, high = covered[0], covered[-1]
    before = low > 0 and ranges[low - 1][1] == piece.start
    after = high + 1 < len(ranges) and ranges[high + 1][0] == piece.end
    if not (before or after):
        return covered
    out = [low - 1, *covered] if before else list(covered)
    if after:
        out.append(high + 1)
    return out if all(_headed_below(piece, ranges[i], texts) for i in out) else covered


def _headed_below(piece: Piece, column: Span, texts: Sequence[Piece]) -> bool:
    """Whether the column's header text all lies below the piece's line (and there is some):
    the piece tops the column's header stack, as a group header does."""
    start, end = column
    over = [t.line for t in texts if t is not piece and overlap(t.start, t.end, start, end)]
    return bool(over) and min(over) > piece.line


def _underlined_columns(ranges: Sequence[Span], rule: Piece) -> list[int]:
    """The columns a group underline stands over: most of each one's range lies under it. A
    rule drawn as wide as its columns touches the next column's range where that column's
    tag or values sit a character or two left of the filer's grid; that column is not in it."""
    return [i for i, (s, e) in enumerate(ranges) if 2 * overlap(rule.start, rule.end, s, e) >= e - s]


def _widths(piece: Piece, ranges: Sequence[Span]) -> list[int]:
    """How many characters of the piece stand over each column, worked out once: every test
    of :func:`_judge` reads these. The :func:`overlap` of each column is worked out in line,
    as it is for every piece and every column."""
    start, end = piece.start, piece.end
    widths: list[int] = []
    for s, e in ranges:
        low = s if s > start else start
        high = e if e < end else end
        widths.append(high - low if high > low else 0)
    return widths


def _spill(
    piece: Piece, ranges: Sequence[Span], widths: Sequence[int], covered: list[int], texts: Sequence[Piece]
) -> list[int]:
    """The columns a piece without an underline heads: those it stands over, less the ones it
    merely touches when it is centred on the rest (a header wider than its own column spills
    over the gutter; a group header is centred on all of its columns). Where its middle is
    about as far (within :data:`_AXIS_SLACK`) from the one as from the other, the stack it
    stands in settles it: a line right above or below it centred on the same axis over those
    columns alone (:func:`_on_axis`), while the columns it touches have header text of their
    own beside it (:func:`_headed_beside`), makes it a line of one column's header,
    centred on one middle with the others (for values flush left, right of the values' own
    middle). A group header stands above its columns' own headers, not beside them."""
    inner = [i for i in covered if widths[i] >= _REACH or widths[i] >= ranges[i][1] - ranges[i][0]]
    if not inner or len(inner) == len(covered):
        return covered
    middle = (piece.start + piece.end) / 2

    def off(cols: list[int]) -> float:
        return abs(middle - (ranges[cols[0]][0] + ranges[cols[-1]][1]) / 2)

    near, far = off(inner), off(covered)
    if near < far:
        return inner
    if near <= far + _AXIS_SLACK and _on_axis(piece, ranges, inner, texts):
        touched = [i for i in covered if i not in inner]
        if all(_headed_beside(piece, ranges, i, texts) for i in touched):
            return inner
    return covered


def _on_axis(piece: Piece, ranges: Sequence[Span], columns: list[int], texts: Sequence[Piece]) -> bool:
    """Whether a header line right above or below ``piece`` is centred where it is (within
    :data:`_AXIS_SLACK`) and stands over ``columns`` and no others: both are lines of one
    header stack ("OPTIONS" / "OUTSTANDING" / "AS OF" / "SEPTEMBER 26," / "1997")."""
    middle = piece.start + piece.end
    return any(
        abs(t.line - piece.line) == 1
        and abs(t.start + t.end - middle) <= 2 * _AXIS_SLACK
        and _covered(ranges, t.start, t.end) == columns
        for t in texts
    )


def _headed_beside(piece: Piece, ranges: Sequence[Span], column: int, texts: Sequence[Piece]) -> bool:
    """Whether another piece on the piece's line, over one column at most, is nearer the middle
    of ``column`` than the piece: that column's own header text stands beside the piece."""
    start, end = ranges[column]
    middle = start + end
    mine = abs(piece.start + piece.end - middle)
    return any(
        t.line == piece.line
        and t is not piece
        and abs(t.start + t.end - middle) < mine
        and len(_covered(ranges, t.start, t.end)) <= 1
        for t in texts
    )


def _title(piece: Piece, ranges: Sequence[Span]) -> bool:
    """A piece over several columns, starting at the first one, not over all: a table title."""
    filled = [r for r in ranges if r[1] - r[0] > 1]
    if len(ranges) < 3 or not filled:
        return False
    return piece.start <= filled[0][1] and piece.end < ranges[-1][0]


def _stacked_over(piece: Piece, frame: _Frame) -> bool:
    """Whether the next line holds text right under most of this piece: the lines of one
    column's header are about as wide as each other, a group header is wider than what it
    stands over."""
    return any(
        t.line == piece.line + 1 and 2 * overlap(t.start, t.end, piece.start, piece.end) >= piece.end - piece.start
        for t in frame.texts
    )


def _beside_group(piece: Piece, frame: _Frame) -> bool:
    """Whether pieces side by side on this line, each over several columns, share out every
    column between them: group headers of a fully grouped table, not a title and a group."""
    spread = [
        covered
        for t in frame.texts
        if t.line == piece.line and t is not piece
        for covered in [_covered(frame.ranges, t.start, t.end)]
        if len(covered) > 1
    ]
    if not spread:
        return False
    shared = set(_covered(frame.ranges, piece.start, piece.end)).union(*spread)
    return len(shared) == len(frame.ranges)


def _unpackable(piece: Piece, texts: Sequence[Piece], at: int) -> bool:
    """Whether this piece (``texts[at]``) may be headers of neighbouring columns packed
    together: words (see :func:`_packed`) with no header text below them, at the foot of
    their columns' header stacks. The pieces are in line order, so only those after it can
    lie below it. They are reached by index: ``islice`` would step through the ``at`` pieces
    before them too, for every piece, quadratic in a header block of thousands of lines."""
    if not _packed(piece):
        return False
    below = (texts[i] for i in range(at + 1, len(texts)))
    return not any(t.line > piece.line and overlap(t.start, t.end, piece.start, piece.end) for t in below)


def _packed(piece: Piece) -> bool:
    """Whether a piece may hold several columns' headers: words, not a parenthesised note."""
    return " " in piece.text and not piece.text.startswith("(")


def _unpack(piece: Piece, ranges: Sequence[Span]) -> list[Piece]:
    """Headers of neighbouring columns packed with one space ("EARNINGS OTHER"), taken apart.

    Only at the foot of the header stacks (a group header has its columns' headers below it),
    and only where every word falls into one column and each change of column happens at a
    space between two columns' values.
    """
    if not _packed(piece):
        return [piece]
    parts: list[tuple[int, Piece]] = []
    offset = 0
    for word in piece.text.split(" "):
        start = piece.start + offset
        inside = _covered(ranges, start, start + len(word))
        if len(inside) > 1:
            return [piece]
        col = inside[0] if inside else -1
        if parts and (col in (-1, parts[-1][0])):
            last = parts[-1][1]
            parts[-1] = (parts[-1][0], Piece(piece.line, last.start, start + len(word), f"{last.text} {word}"))
        elif parts and not ranges[parts[-1][0]][1] <= start - 1 < ranges[col][0] + 1:
            return [piece]
        else:
            parts.append((col, Piece(piece.line, start, start + len(word), word)))
        offset += len(word) + 1
    if len(parts) < 2 or any(col < 0 for col, _ in parts):
        return [piece]
    return [p for _, p in parts]


def _stacked(
    piece: Piece, groups: Sequence[tuple[Piece, list[int]]], texts: Sequence[Piece]
) -> list[int] | None:
    """The columns of a group header that this piece continues on the next line, if any.

    A second line of a group header sits under the first and has nothing right below it;
    the top line of a column's own header, under the group, starts a stack of its own.
    """
    for group, covered in groups:
        if group.line + 1 == piece.line and group.start - 1 <= piece.start and piece.end <= group.end + 1:
            if any(t.line == piece.line + 1 and overlap(t.start, t.end, piece.start, piece.end) for t in texts):
                return None
            beside = [t for t in texts if t.line == piece.line and overlap(t.start, t.end, group.start, group.end)]
            return covered if len(beside) == 1 else None
    return None


def _nearest(ranges: Sequence[Span], piece: Piece) -> int:
    middle = (piece.start + piece.end) / 2
    return min(range(len(ranges)), key=lambda i: abs((ranges[i][0] + ranges[i][1]) / 2 - middle))
