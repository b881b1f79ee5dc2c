"""Parse one cell's text into the number it states, its unit and its footnote markers.

Shared by the plain-text and the HTML readers so that the same text always gives the same cell.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import regex

from .model import Cell, Unit

# Footnote markers glued to the end of a cell: <F1>, /1/, (1), (a), [1], *, #, daggers.
_TRAILING_MARKER = regex.compile(
    r"(?:<F\d{1,2}>|/\d{1,2}/|\(\s*(?:\d{1,2}|[a-z]{1,2})\s*\)|\[[^\]\s]{1,5}\]|[*#\u2020\u2021+]+)\s*$",
    regex.I,
)
_NUMBER = regex.compile(
    r"""^(?P<neg1>[-\u2212])?\s*(?P<open>\()?\s*(?P<neg2>[-\u2212])?\s*(?P<usd>\$)?\s*(?P<neg3>[-\u2212])?\s*
        (?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)\s*
        (?P<pct>%)?\s*(?P<close>\))?\s*(?P<pct2>%)?\s*(?P<x>x)?$""",
    regex.X | regex.I,
)
MAX_CELL = 80


def split_markers(text: str) -> tuple[str, tuple[str, ...]]:
    """Strip footnote markers from the end of ``text``; return the rest and the markers in order."""
    markers: list[str] = []
    rest = text.strip()
    tail = rest[-24:]
    head = rest[: len(rest) - len(tail)]
    for _ in range(6):
        m = _TRAILING_MARKER.search(tail)
        if m is None or m.start() == 0 and not _has_digit(head):
            break
        candidate = tail[: m.start()].rstrip()
        if not candidate and not head:
            break
        markers.append(m.group().strip())
        tail = candidate
    markers.reverse()
    return (head + tail).strip(), tuple(markers)


def _has_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


def parse_number(text: str) -> tuple[Decimal | None, Unit | None]:
    """The number a cell's text states (markers already removed), and its unit."""
    if not text or len(text) > MAX_CELL:
        return None, None
    m = _NUMBER.match(text.strip())
    if m is None:
        return None, None
    try:
        value = Decimal(m["num"].replace(",", ""))
    except InvalidOperation:
        return None, None
    if bool(m["open"]) != bool(m["close"]):
        return None, None
    negative = bool(m["open"] or m["neg1"] or m["neg2"] or m["neg3"])
    if negative:
        value = -value
    unit: Unit | None = "percent" if (m["pct"] or m["pct2"]) else "usd" if m["usd"] else None
    return value, unit


def parse_cell(text: str) -> Cell:
    """A :class:`Cell` for the text as written: value, unit and footnote markers."""
    written = " ".join(text.split())
    body, markers = split_markers(written)
    value, unit = parse_number(body)
    return Cell(text=written, value=value, unit=unit, footnotes=markers)
