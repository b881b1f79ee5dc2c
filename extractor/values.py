"""Parse one cell's text into the number it states, its unit and its footnote markers.

Shared by the plain-text and the HTML readers so that the same text always gives the same cell.
A cell states a number only when its whole text (markers aside) is one number with optional
sign, parentheses, ``$``, ``%`` or ``x``; anything else (``None``, dashes, CUSIPs, dates, price
ranges, words) states none. Values keep the digits as written: ``1.20`` stays ``Decimal("1.20")``.
Every pattern here is applied to a bounded, whitespace-collapsed string and has no nested
quantifier, so cost stays linear in the cell's length.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Final

import regex

from .model import Cell, Row, Unit

MAX_CELL: Final = 80
"""Longer text is prose, not a number; markers are looked for only in its last ``_TAIL`` chars."""
_TAIL: Final = 24
_MAX_MARKERS: Final = 6

_SYMBOLS: Final = "*#\u2020\u2021+\u00a7\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079"
"""Marker symbols: asterisk, hash, daggers, plus, section sign, superscript digits."""
# Footnote markers glued to the end of a cell: <F1>, /1/, (1), (a), [1], *, #, daggers, superscripts.
_TRAILING_MARKER: Final = regex.compile(
    rf"(?:<F\d{{1,2}}>|/\d{{1,2}}/|\(\s?(?:\d{{1,2}}|[a-z]{{1,2}})\s?\)|\[[^\]\s]{{1,5}}\]|[{_SYMBOLS}]{{1,4}})\s?$",
    regex.I,
)
# A marker before the number ("*0.25%", "<F1> 12"): symbols and <Fn> only, never "(1)" (a number).
_LEADING_MARKER: Final = regex.compile(
    r"(?:<F\d{1,2}>|[*#\u2020\u2021\u00a7]{1,4})\s?(?=[-\u2212\u2013($.\d])", regex.I
)
# A marker-only cell that is not a parenthesised number: "(a)", "*", "<F2>", "[1]", "/3/".
_LONE_MARKER: Final = regex.compile(
    rf"(?:<F\d{{1,2}}>|/\d{{1,2}}/|\(\s?[a-z]{{1,2}}\s?\)|\[[^\]\s]{{1,5}}\]|[{_SYMBOLS}]+)", regex.I
)
_NUMBER_PATTERN: Final = (
    r"""(?P<sign>[-\u2212\u2013+])?(?P<usd>\$)?(?P<open>\()?(?P<sign2>[-\u2212\u2013])?(?P<usd2>\$)?
        (?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)
        (?P<pct>%)?(?P<close>\))?(?P<pct2>%{1,2})?(?P<x>x)?"""
)
_NUMBER: Final = regex.compile(_NUMBER_PATTERN, regex.X | regex.I)
_ASCII_NUMBER: Final = re.compile(_NUMBER_PATTERN, re.X | re.I)
"""The number pattern in the standard ``re``, for ASCII text: there it reads ``\\d`` and the
case of ``x`` as ``regex`` does, at about half the cost per match (every cell is parsed)."""
_PLAIN_NUMBER: Final = re.compile(
    r"(?:(\$) *)?(\(?)((?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]*)?|\.[0-9]+)(\)?)(%?)"
)
"""The usual cell, ``$1,234``, ``$   7,081``, ``1.25%`` or ``(0.10)%``: ASCII digits with no
blank but spaces after the ``$`` (which split no number), no marker, no sign but parentheses,
no ``x``. Each such text matches :data:`_NUMBER` with these same parts, so
:func:`parse_cell` reads it from this match alone (``test_fastpath_text_values`` compares both)."""
# Two numbers side by side ("12 34", "$ 29.75 $ 12.75") are not one number.
_DIGIT_GAP: Final = regex.compile(r"[\d.,]\s+[$(]?[\d.]")


_MARKER_LAST: Final = frozenset(">/)]" + _SYMBOLS)
_MARKER_FIRST: Final = frozenset("<*#\u2020\u2021\u00a7")


def _unmarked(rest: str) -> bool:
    """Whether a whitespace-collapsed text can hold no marker: it neither ends in a character
    that ends one nor starts with one that starts one (most cells and labels)."""
    return not rest or (rest[-1] not in _MARKER_LAST and rest[0] not in _MARKER_FIRST)


@lru_cache(maxsize=8192)
def split_markers(text: str) -> tuple[str, tuple[str, ...]]:
    """Strip footnote markers from ``text``; return the rest and the markers in order.

    Markers are taken from the end (several stacked: ``1.5<F1><F2>``, ``1.50 (5),(6)``) and, for symbols and
    ``<Fn>``, from the start. A cell that is only a marker (``(a)``, ``*``) gives ``("", (marker,))``;
    ``(1)`` alone is the number -1, not a marker.
    """
    rest = " ".join(text.split())
    if _unmarked(rest):
        return rest, ()  # the common case, without a regex
    if _LONE_MARKER.fullmatch(rest):
        return "", (rest,)
    tail = rest[-_TAIL:]
    head = rest[: len(rest) - len(tail)]
    found: list[str] = []
    for _ in range(_MAX_MARKERS):
        probe = tail[:-1].rstrip() if found and tail[-1:] == "," else tail
        m = _TRAILING_MARKER.search(probe)
        if m is None:
            break
        marker = m.group().strip()
        before = (head + probe[: m.start()]).strip()
        if not before or (m.group().startswith("(") and not before.strip("$ ")):
            break  # "(1)" alone or "$(1)" is the number -1, not a marker; "-(1)" is a dash and one
        if _AGE.fullmatch(marker):
            break
        found.append(marker)
        tail = probe[: m.start()].rstrip()
    found.reverse()
    rest = (head + tail).strip()
    lead = _LEADING_MARKER.match(rest)
    if lead is not None:
        found.insert(0, lead.group().strip())
        rest = rest[lead.end() :].strip()
    return rest, tuple(found)


_DIGIT_IN: Final = re.compile(r"[0-9]")
_AGE: Final = re.compile(r"\(\s?[2-9][0-9]\s?\)")
"""A parenthesised number from 20 to 99 after text: a person's age ("John Smith (61)"), a
count, a year ("(97)"), not a footnote marker: a table's notes are numbered from 1 and
seldom reach 20."""
_STACKED_NOTES: Final = re.compile(r"\([0-9]{1,2}\)(?: ?\([0-9]{1,2}\))+")
"""Parenthesised numbers side by side, "(2)(3)": stacked note citations, or a negative number
and its note ("(1)(2)": -1, note 2); the column tells which (:func:`marker_only_cells`)."""


def marker_only_cells(rows: Sequence[Sequence[Cell]]) -> list[tuple[int, int, Cell]]:
    """The cells (row, column, new cell) of stacked parenthesised numbers ("(2)(3)") in columns
    where no other cell states a value: there they cite notes, all of them markers. In a column
    of values, "(1)(2)" is the number -1 and its note, as :func:`parse_cell` reads it."""
    found: list[tuple[int, int, Cell]] = []
    if not rows:
        return found
    for col in range(len(rows[0])):
        stacked = [n for n, cells in enumerate(rows) if _STACKED_NOTES.fullmatch(cells[col].text)]
        if not stacked:
            continue
        if any(cells[col].value is not None for n, cells in enumerate(rows) if n not in stacked):
            continue
        for n in stacked:
            text = rows[n][col].text
            found.append((n, col, Cell(text, None, None, tuple(_NOTE_CITE.findall(text)))))
    return found


_NOTE_CITE: Final = re.compile(r"\([0-9]{1,2}\)")


def code_columns(rows: Sequence[Sequence[Cell]]) -> list[int]:
    """The columns that hold codes, not quantities: every cell with a digit is a run of digits
    of one width, and a column of that width has one padded with a leading zero ("002" beside
    "202", "302"), as fund numbers, branch codes and the digits of an identifier are. The padded
    ones state no value (:func:`parse_number`), so the others, the same kind of code, state
    none either: the table reads alike all the way across."""
    if not rows:
        return []
    widths: dict[int, int] = {}
    padded: set[int] = set()
    for col in range(len(rows[0])):
        width = 0
        zero = False
        for cells in rows:
            text = cells[col].text
            if not text or (cells[col].value is None and not _DIGIT_IN.search(text)):
                continue  # blank, or a word for none ("N/A", "--")
            if not ascii_digits(text) or (width and len(text) != width):
                break
            width = len(text)
            zero = zero or (text[0] == "0" and width > 1)
        else:
            if width:
                widths[col] = width
                if zero:
                    padded.add(width)
    return [col for col, width in widths.items() if width in padded]


def read_codes_and_citations(rows: list[Row]) -> None:
    """``rows`` (of one table, replaced in place) with codes and stacked note citations read as
    both readers read them: a column of codes with one padded by a zero ("002" beside "302",
    fund numbers) states no value (:func:`code_columns`), and "(2)(3)" in a column where no other
    cell states a value cites notes 2 and 3, it is not the number -2 (:func:`marker_only_cells`;
    an inline XBRL fact on the cell stays). Only a table with a cell starting "0", or "(" with a
    ")" inside, is looked at."""
    padded = stacked = False
    for row in rows:
        for cell in row.cells:
            text = cell.text
            if not text:
                continue  # most cells of a table are blank: one test each, no slice
            first = text[0]
            if first == "0":
                padded = True
            elif first == "(" and ")" in text[1:-1]:
                stacked = True
    if padded:
        codes = code_columns([row.cells for row in rows])
        for n, row in enumerate(rows):
            if any(row.cells[col].value is not None for col in codes):
                rows[n] = row.with_cells(tuple([c.without_value() if col in codes else c
                                                for col, c in enumerate(row.cells)]))
    if stacked:
        for n, col, cited in marker_only_cells([row.cells for row in rows]):
            cells = list(rows[n].cells)
            cells[col] = cited.with_xbrl(cells[col].xbrl)
            rows[n] = rows[n].with_cells(tuple(cells))


def ascii_digits(text: str) -> bool:
    """Whether ``text`` is a non-empty run of 0-9: ``str.isdigit`` alone also accepts ``"³"``,
    which ``int`` then refuses (a crash the fuzzer found in several attribute readers)."""
    return text.isascii() and text.isdigit()


def parse_number(text: str) -> tuple[Decimal | None, Unit | None]:
    """The number a cell's text states (markers already removed), and its unit.

    The text must match :data:`_NUMBER` with its spaces taken out (so it holds a digit and no
    other blank); only a text with spaces can hold two numbers side by side (``_DIGIT_GAP``).
    """
    text = text.strip()
    if not text or len(text) > MAX_CELL:
        return None, None
    if text[-1] in "tT" and text[-7:].lower() == "percent":
        return _spelled_percent(text[:-7].rstrip())
    spaced = " " in text
    compact = text.replace(" ", "") if spaced else text
    m = (_ASCII_NUMBER if compact.isascii() else _NUMBER).fullmatch(compact)
    if m is None or (spaced and _DIGIT_GAP.search(text)):
        return None, None
    sign, usd, opening, sign2, usd2, num, pct, closing, pct2, _ = m.groups()
    if bool(opening) != bool(closing) or (sign and sign2):
        return None, None
    digits = num.replace(",", "")
    if len(digits) > 1 and digits[0] == "0" and digits[1].isdigit():
        return None, None  # a CUSIP or an identifier such as 037833100, not a quantity
    try:
        value = Decimal(digits)
    except InvalidOperation:
        return None, None
    negative = bool(opening) or sign not in (None, "+") or bool(sign2)
    if negative and value:
        value = -value
    unit: Unit | None = "percent" if (pct or pct2) else "usd" if (usd or usd2) else None
    return value, unit


def _spelled_percent(number: str) -> tuple[Decimal | None, Unit | None]:
    """A number with the unit spelled out after it ("0.25 percent"): the number, in percent. A
    number that carries a unit of its own, or text that is no number ("Up to 1.00"), states
    none."""
    value, unit = parse_number(number)
    if value is None or unit is not None:
        return None, None
    return value, "percent"


@lru_cache(maxsize=16384)
def parse_cell(text: str) -> Cell:
    """A :class:`Cell` for the text as written: value, unit and footnote markers.

    The text is kept as written, trimmed (``$    7,081`` keeps its inner spaces, as the output
    contract asks); the number is read from it with runs of blanks folded. Cached: tables repeat
    the same few cell texts, and a :class:`Cell` is immutable. Cells are built with positional
    arguments: a keyword call of a frozen dataclass costs a dict built and taken apart again.
    The match's parts are passed one by one, not as ``*groups``: the compiled build calls a
    function through its Python entry point when given ``*args``, directly otherwise.
    """
    written = text.strip()
    plain = _PLAIN_NUMBER.fullmatch(written)
    if plain is not None and len(written) <= MAX_CELL:
        usd, opening, num, closing, pct = plain.groups()
        cell = _plain_cell(written, usd, opening, num, closing, pct)
        if cell is not None:
            return cell
    body, markers = split_markers(written)
    value, unit = parse_number(body)
    return Cell(written, value, unit, markers)


def _plain_cell(written: str, usd: str | None, opening: str, num: str, closing: str, pct: str) -> Cell | None:
    """The cell :func:`parse_number` makes of a :data:`_PLAIN_NUMBER` match, or None for one it
    declines or reads otherwise (unbalanced parentheses, a leading zero), left to it."""
    digits = num.replace(",", "")
    if bool(opening) != bool(closing) or (len(digits) > 1 and digits[0] == "0" and digits[1] != "."):
        return None
    value = -Decimal(digits) if opening and digits.strip("0.") else Decimal(digits)
    unit: Unit | None = "percent" if pct else "usd" if usd else None
    return Cell(written, value, unit, ())
