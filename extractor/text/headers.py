"""Column headers: the text lines above the data, joined per column, group headers in front.

A header line holds pieces of several column labels; each piece belongs to the column it sits
over, by character position. A piece that spans several columns is a group header ("IF YOU
SOLD YOUR SHARES:", "PREFERRED STOCK" over a dashed underline) and goes in front of each column
it covers. Text over the label column, a lone title that covers only some columns without an
underline, and a lone unit note under the header rule ("(IN MILLIONS)") are caption, not header.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from .chunks import chunk_line
from .columns import Span, overlap

_DASHES = regex.compile(r"[-=_]++")
_SINGLE = 0.75
_CENTRE_SLACK = 3


@dataclass(frozen=True, slots=True)
class Piece:
    line: int
    start: int
    end: int
    text: str


def _is_rule(text: str) -> bool:
    return len(text) >= 2 and not text.strip("-=_")


def _split(lines: Sequence[str]) -> tuple[list[Piece], list[Piece], int]:
    """Text pieces, underline segments, and the index of the last line holding a rule."""
    texts: list[Piece] = []
    rules: list[Piece] = []
    last_rule = -1
    for k, line in enumerate(lines):
        for chunk in chunk_line(line):
            if _is_rule(chunk.text.replace(" ", "")):
                for m in _DASHES.finditer(chunk.text):
                    if m.end() - m.start() > 1:
                        rules.append(Piece(k, chunk.start + m.start(), chunk.start + m.end(), m.group()))
                last_rule = k
            else:
                texts.append(Piece(k, chunk.start, chunk.end, chunk.text))
    return texts, rules, last_rule


def _covered(spans: Sequence[Span], start: int, end: int) -> list[int]:
    return [i for i, (s, e) in enumerate(spans) if overlap(start, end, s, e) > 0]


def _underline(piece: Piece, rules: Sequence[Piece], spans: Sequence[Span]) -> Piece | None:
    """The rule segment right under a piece that underlines a group of columns, if any.

    A rule that reaches into the label column or runs over every column is a table rule.
    """
    first = spans[0][0]
    for rule in rules:
        if not (piece.line < rule.line <= piece.line + 2 and overlap(piece.start, piece.end, rule.start, rule.end)):
            continue
        covered = [i for i, (s, e) in enumerate(spans) if overlap(rule.start, rule.end, s, e) >= min(3, e - s)]
        if rule.start >= first - 2 and 1 < len(covered) < len(spans) + (len(spans) > 2):
            return rule
    return None


def read_headers(lines: Sequence[str], spans: Sequence[Span], data_end: int) -> tuple[list[str], str]:
    """(one header per column, caption text) from the header lines of a section."""
    texts, rules, last_rule = _split(lines)
    parts: list[list[Piece]] = [[] for _ in spans]
    caption: list[Piece] = []
    if not spans:
        return [], " ".join(p.text for p in texts)
    first = spans[0][0]
    centre = (first + max(data_end, first + 1)) / 2
    per_line: dict[int, int] = {}
    for piece in texts:
        per_line[piece.line] = per_line.get(piece.line, 0) + 1
    for piece in texts:
        lone = per_line[piece.line] == 1
        in_data = sum(overlap(piece.start, piece.end, s, e) for s, e in spans)
        in_label = overlap(piece.start, piece.end, 0, first)
        if in_label >= in_data or (piece.start < first - 2 and len(_covered(spans, piece.start, piece.end)) > 1):
            caption.append(piece)
            continue
        line_under = _underline(piece, rules, spans)
        reach = (line_under.start, line_under.end) if line_under else (piece.start, piece.end)
        covered = _covered(spans, *reach)
        if not covered:
            caption.append(piece)
            continue
        widest = max(overlap(piece.start, piece.end, *spans[i]) for i in covered)
        single = len(covered) == 1 or (widest >= _SINGLE * (piece.end - piece.start) and line_under is None)
        below_rule = piece.line > last_rule >= 0
        if lone and len(spans) > 1 and below_rule:
            middle = (piece.start + piece.end) / 2
            if not single or abs(middle - centre) <= _CENTRE_SLACK:
                caption.append(piece)
                continue
        if not single and lone and line_under is None and len(covered) < len(spans):
            caption.append(piece)
            continue
        if single:
            best = max(covered, key=lambda i: overlap(piece.start, piece.end, *spans[i]))
            parts[best].append(piece)
        else:
            for i in covered:
                parts[i].append(piece)
    headers = [" ".join(p.text for p in sorted(col, key=lambda p: (p.line, p.start))) for col in parts]
    return headers, " ".join(p.text for p in sorted(caption, key=lambda p: (p.line, p.start)))
