"""Find the ``<TABLE>`` regions of a document without looking at the text in between.

Most of a filing is prose; a search for the bare tag letters skips it (a literal search is many
times faster than one anchored at every line start), and only a hit is checked to stand first on
its line. Only table lines are tokenized. Line numbers are counted with ``str.count`` between hits.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from ..model import LEAD_CHARS

_START = regex.compile(r"[ \t]*+<TABLE(?:[ \t][^>\n]*+)?>", regex.I)
_END = regex.compile(r"[ \t]*+</TABLE>", regex.I)
_START_HINT = regex.compile(r"<[Tt][Aa][Bb][Ll][Ee]")
_END_HINT = regex.compile(r"</[Tt][Aa][Bb][Ll][Ee]>")
CONTEXT = 400
"""Characters before a table that its context and title are read from (the end of ``before``)."""
LEAD = 2 * LEAD_CHARS
"""Characters before a table kept in ``before``, for its lead (blanks are collapsed after, so
twice the lead)."""
AFTER_LINES = 40
_AFTER_WINDOW = 8192
"""Characters first taken to find the lines after a table: 40 lines of a typical width."""


@dataclass(frozen=True, slots=True)
class Region:
    """The lines of one ``<TABLE>`` … ``</TABLE>`` block and the text around it."""

    first_line: int
    lines: list[str]
    before: str
    """Up to :data:`LEAD` characters before the table; its last :data:`CONTEXT` are the near text."""
    after: list[str]

    @property
    def near(self) -> str:
        """The last :data:`CONTEXT` characters before the table."""
        return self.before[-CONTEXT:]


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _tag(text: str, hint: regex.Pattern[str], tag: regex.Pattern[str], pos: int, stop: int) -> regex.Match[str] | None:
    """The first ``tag`` at or after ``pos`` (before ``stop``) that only blanks precede on its line."""
    while True:
        m = hint.search(text, pos, stop)
        if m is None:
            return None
        line_start = text.rfind("\n", 0, m.start()) + 1
        if not text[line_start : m.start()].strip(" \t"):
            full = tag.match(text, line_start)
            if full is not None:
                return full
        pos = m.end()


def find_regions(text: str, first_line: int = 1) -> Iterator[Region]:
    """Every table block in ``text`` in order; an unclosed one runs to the next table or the end."""
    line = first_line
    counted = 0
    pos = 0
    nxt = _tag(text, _START_HINT, _START, 0, len(text))
    while True:
        m = nxt if nxt is None or nxt.start() >= pos else _tag(text, _START_HINT, _START, pos, len(text))
        if m is None:
            return
        start = m.start()
        line += text.count("\n", counted, start)
        counted = start
        nxt = _tag(text, _START_HINT, _START, m.end(), len(text))
        end_m = _tag(text, _END_HINT, _END, m.end(), nxt.start() if nxt else len(text))
        stop = _line_end(text, end_m.start()) if end_m else (nxt.start() - 1 if nxt else len(text))
        stop = max(stop, _line_end(text, start))
        lines = text[start:stop].split("\n")
        after = _lines_after(text, stop + 1, nxt.start() if nxt is not None else len(text))
        yield Region(line, lines, text[max(0, start - LEAD) : start], after)
        pos = max(stop, m.end())


def _lines_after(text: str, pos: int, limit: int) -> list[str]:
    """Up to ``AFTER_LINES`` lines from ``pos`` on, each starting before ``limit`` (the next table).

    One split of a window of the text, stopped after ``AFTER_LINES`` lines; the window is
    widened only while it holds fewer lines and ends before ``limit``, so that a long stretch
    of prose before the next table is not copied whole. At ``limit``, the last line the split
    leaves may run on past it and is then read to its end, and an empty remainder right after
    a final line end starts at ``limit`` and is no line.
    """
    if pos >= limit:
        return []
    size = _AFTER_WINDOW
    while True:
        end = min(limit, pos + size)
        window = text[pos:end]
        after = window.split("\n", AFTER_LINES)
        if len(after) > AFTER_LINES:
            del after[AFTER_LINES:]
            return after
        if end == limit:
            break
        size *= 4
    if window.endswith("\n"):
        after.pop()
    else:
        last = limit - len(after[-1])
        after[-1] = text[last : _line_end(text, last)]
    return after
