"""Find the ``<TABLE>`` regions of a document without looking at the text in between.

Most of a filing is prose; one compiled search for the table tag skips it, so that only table
lines are tokenized. Line numbers are counted with ``str.count`` between hits.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

_START = regex.compile(r"^[ \t]*+<TABLE(?:[ \t][^>\n]*+)?>", regex.M | regex.I)
_END = regex.compile(r"^[ \t]*+</TABLE>", regex.M | regex.I)
CONTEXT = 400
AFTER_LINES = 40


@dataclass(frozen=True, slots=True)
class Region:
    """The lines of one ``<TABLE>`` … ``</TABLE>`` block and the text around it."""

    first_line: int
    lines: list[str]
    before: str
    after: list[str]


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def find_regions(text: str, first_line: int = 1) -> Iterator[Region]:
    """Every table block in ``text`` in order; an unclosed one runs to the next table or the end."""
    line = first_line
    counted = 0
    pos = 0
    while True:
        m = _START.search(text, pos)
        if m is None:
            return
        start = m.start()
        line += text.count("\n", counted, start)
        counted = start
        nxt = _START.search(text, m.end())
        end_m = _END.search(text, m.end(), nxt.start() if nxt else len(text))
        stop = _line_end(text, end_m.start()) if end_m else (nxt.start() - 1 if nxt else len(text))
        stop = max(stop, _line_end(text, start))
        lines = text[start:stop].split("\n")
        after_end = stop + 1
        after: list[str] = []
        while len(after) < AFTER_LINES and after_end < len(text):
            if nxt is not None and after_end >= nxt.start():
                break
            e = _line_end(text, after_end)
            after.append(text[after_end:e])
            after_end = e + 1
        yield Region(line, lines, text[max(0, start - CONTEXT) : start], after)
        pos = max(stop, m.end())
