"""Cut one line into chunks: runs of text that a reader's eye takes as one item.

Cells of a plain-text table are separated by two or more spaces, except where wide numbers
are packed with a single space (``386,100,000.00 383,371,981.77``) and where a dollar sign or a
percent sign stands apart from its number (``$   7,081``, ``0.88 %``). Working on chunks instead
of characters keeps the hot path in compiled regexes.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Final, NamedTuple

import regex

from ..values import parse_cell, split_markers

_CHUNK: Final = re.compile(r"[\S\x1c-\x1f][\S\x1c-\x1f]*+(?: [\S\x1c-\x1f]++)*+")
r"""Runs of ink joined by single spaces. The standard ``re`` walks a line with less overhead per
match than ``regex``; its ``\S`` leaves out the four separators ``\x1c``-``\x1f``, which
``regex`` counts as ink, so they are added back (``test_fastpath_text_columns`` checks every code point).
The first ink character is a class of its own, not the start of a repeat: ``re`` then skips
the blanks between chunks by a scan for that class instead of trying a match at each of them
(the whole line's blanks are walked: 65M -> 47M instructions over the corpus's table lines)."""
_NUMBER_WORD_PATTERN: Final = (
    r"[-(\u2212]{0,2}+\$?+[-(]{0,2}+(?:\d[\d,]*+(?:\.\d*+)?+|\.\d++)%?+\)?+%?+"
    r"(?:<F\d{1,2}>|/\d{1,2}/|\(\w{1,2}\)|\*++)?+"
)
_NUMBER_WORD: Final = regex.compile(_NUMBER_WORD_PATTERN)
_NUMBER_FIRST: Final = "-(\u2212$."
"""What a number word can open with besides a digit (a sign, a parenthesis, a dollar sign, a decimal
point): a word opening otherwise (a word of a label) is not matched against the pattern."""
_ASCII_NUMBER_WORD: Final = re.compile(_NUMBER_WORD_PATTERN)
_NULL_WORD: Final = regex.compile(
    r"\$?+\s*+(?:[-\u2013\u2014\u2212]++|-0-|none|n/?a|nil|nm|n\.m\.?+)\s*+%?+", regex.I
)
_THOUSANDS_NOTE: Final = re.compile(r"\$?+\(\$?+000(?:,000)*+\)")
"""A unit note over a column of amounts: "(000)", "($000)", "(000,000)" (in thousands, in millions)."""
_DIGIT: Final = regex.compile(r"\d")
_ASCII_DIGIT: Final = re.compile(r"[0-9]")
"""The digit pattern for ASCII text: a range test per character costs less than ``\\d``'s
Unicode category test, and on ASCII text they agree."""
_SIGN_GAP: Final = regex.compile(r"(?<=[$(])\s++|(?<!\s)\s++(?=[%)])")
_WORD: Final = re.compile(r"(?<!\S)[A-Za-z]{3,}+(?!\S)")
"""A word of three or more ASCII letters with blanks (or the line's ends) on both sides."""
_NULL_WORDS: Final = ("none", "nil")
_LEADER_INTO_PATTERN: Final = r"\.(?<!\.\.)\.++(?= ?+[$(\-\d])"
_LEADER_INTO: Final = regex.compile(_LEADER_INTO_PATTERN)
"""A run of dots (tried from its first dot only, so a long run is not rescanned from each
of its dots) that runs straight into a value. The pattern opens with the dot itself, the
look-behind after it, so that ``re`` finds where to try it by a scan for a dot instead of
trying a match at every character of the group."""
_ASCII_LEADER_INTO: Final = re.compile(_LEADER_INTO_PATTERN)
r"""The same in the standard ``re``, for ASCII text, where it reads ``\d`` as ``regex`` does."""
_SPACED_LEADER_INTO: Final = re.compile(r"\.(?<!\. \.)(?: \.){2,}+(?= ?+[$(\-0-9])")
"""A spaced dot leader (". . . .", three dots or more) that runs, one space on at most, into a
value: a table of contents whose page numbers stand right after the leaders (". . . .1",
". . . 10"). Tried from the run's first dot only (the look-behind turns the others away at
once); ASCII classes, so the standard ``re`` reads it as ``regex`` would."""
_LEADER_INTO_PAGE: Final = re.compile(r"\.(?<!\.\.)\.++(?= ?+[A-Z]{1,2}-[0-9])")
"""A run of dots that runs, one space on at most, into a page reference ("S-22", "A-1": a table
of contents whose page numbers stand right after the leaders). ASCII classes only: the standard
``re`` reads it as ``regex`` would on any text."""


class Chunk(NamedTuple):
    """A run of text on one line, from ``start`` up to (not including) ``end``.

    A named tuple rather than a frozen dataclass: every line of every table is cut into
    chunks, and a tuple is several times cheaper to build.
    """

    start: int
    end: int
    text: str
    data: bool
    """True when the text reads as a cell value: a number, or a word that stands for none."""
    anchor: int
    """Where a right-aligned value is aligned: its last digit (a ')' or '%' may hang out)."""


_new_tuple: Final = tuple.__new__


def _has_digit(text: str) -> bool:
    """Whether ``text`` holds a digit (``\\d`` as ``regex`` reads it)."""
    return (_ASCII_DIGIT if text.isascii() else _DIGIT).search(text) is not None


def _number_word(text: str) -> bool:
    """Whether ``text`` is one number, with its signs, hanging marks and footnote marker.

    On ASCII text the standard ``re`` reads the pattern exactly as ``regex`` does (``\\d`` and
    ``\\w`` differ only beyond ASCII) and costs a fraction per call: every cell is tested.
    """
    return (_ASCII_NUMBER_WORD if text.isascii() else _NUMBER_WORD).fullmatch(text) is not None


def is_data(text: str) -> bool:
    """Whether a cell text states a value or an explicit 'no value' (None, N/A, dashes).

    A unit note such as "(000)" reads like a number but states none: it heads a column.

    Not cached itself: :func:`_shape` keeps the answer per piece text.
    """
    if not _has_digit(text):
        return len(text) < 12 and bool(_NULL_WORD.fullmatch(split_markers(text)[0]))
    if unit_note(text):
        return False
    word = _SIGN_GAP.sub("", text) if " " in text and _has_sign(text) else text
    if _number_word(word):
        return True
    if _spelled_out(text):
        return False
    return _reads_as_value(text)


def unit_note(text: str) -> bool:
    """Whether a cell text is a unit note over a column of amounts ("(000)": in thousands)."""
    return "000)" in text and _THOUSANDS_NOTE.fullmatch(text) is not None


def _spelled_out(text: str) -> bool:
    """Whether ``text`` holds a word of three or more letters standing alone, other than "none"
    and "nil": a label such as "Balance at December 31, 1995". No marker can take such a word
    (markers hold two letters at most, or sit in brackets), no number holds a letter but a
    final ``x``, and the only such words that mean "no value" are those two, so the text
    states no value. An exact pre-test for the parse below (``test_fastpath_text_reader`` checks it)."""
    return any(m.group().lower() not in _NULL_WORDS for m in _WORD.finditer(text))


def _reads_as_value(text: str) -> bool:
    """:func:`is_data` for a text with a digit that is not one number word as written."""
    if parse_cell(text).value is not None:
        return True
    body, _ = split_markers(text)
    if _NULL_WORD.fullmatch(body):
        return True
    return _number_word(body) and any(ch.isdigit() for ch in body)


def _leader_into(group: str) -> re.Match[str] | regex.Match[str] | None:
    """The dot leader that runs into a value in a group of words, if any."""
    return (_ASCII_LEADER_INTO if group.isascii() else _LEADER_INTO).search(group)


def _split_numbers(start: int, text: str) -> list[tuple[int, str]]:
    """Split a chunk where two numbers sit side by side with one space between them.

    A word is tested by the number pattern alone: a number word always holds a digit. The
    pattern's engine is chosen once for the whole text (its words are ASCII when it is)."""
    if " " not in text or not _has_digit(text):
        return [(start, text)]
    number_word = (_ASCII_NUMBER_WORD if text.isascii() else _NUMBER_WORD).fullmatch
    pieces: list[tuple[int, str]] = []
    offset = 0
    prev_number = False
    for word in text.split(" "):
        first = word[0]
        number = (first in _NUMBER_FIRST or first.isdigit()) and word[-1] != "," and number_word(word) is not None
        opens = number or not word.strip("$(")
        if pieces and not (opens and prev_number):
            s, t = pieces[-1]
            pieces[-1] = (s, t + " " + word)
        else:
            pieces.append((start + offset, word))
        prev_number = number
        offset += len(word) + 1
    return pieces


@cache
def chunk_line(text: str, split_numbers: bool = True) -> tuple[Chunk, ...]:
    """The chunks of one tab-expanded line, left to right (cached: every stage asks again).

    The cache is kept as that of :func:`~extractor.text.columns.place_line`, which places
    these chunks: unbounded while a table is read, trimmed between tables
    (:func:`~extractor.text.columns.trim_line_caches`).

    Header lines are cut without splitting numbers, so that a date stays one piece. A single
    word without a dot leader (no space, no ``..``) is a piece as it stands, on a line with
    leaders too: most groups are one word; so is a group of words without a digit (a label),
    which no number split can cut. Each chunk is built here as a plain tuple from its piece's
    cached :func:`_shape` (one for every piece of every table line).
    """
    raw: list[tuple[int, str]] = []
    leaders = ".." in text
    spaced = ". . ." in text
    for m in _CHUNK.finditer(text):
        group = m.group()
        if " " not in group and (not leaders or ".." not in group):
            raw.append((m.start(), group))
            continue
        at = m.start()
        lead = _leader_into(group) or _LEADER_INTO_PAGE.search(group) if leaders and ".." in group else None
        if lead is None and spaced and ". . ." in group:
            lead = _SPACED_LEADER_INTO.search(group)
        if lead is not None:
            cut = lead.end()
            rest = group[cut:]
            raw.append((at, group[:cut]))
            skip = len(rest) - len(rest.lstrip(" "))
            raw.extend(_split_numbers(at + cut + skip, rest[skip:]))
        elif split_numbers:
            raw.extend(_split_numbers(at, group))
        else:
            raw.append((at, group))
    if _has_sign(text) and not all(piece.strip("$(%)") for _, piece in raw):
        raw = _glue_signs(text, raw)
    if "  - $" in text:
        raw = _join_ranges(text, raw)
    shape = _shape
    return tuple(
        [
            _new_tuple(Chunk, (start, start + length, piece, data, start + anchor))
            for start, piece in raw
            for length, data, anchor in (shape(piece),)
        ]
    )


def _has_sign(text: str) -> bool:
    """Whether a line holds a ``$``, ``(``, ``%`` or ``)``: without one, no piece is a lone sign."""
    return "$" in text or "(" in text or "%" in text or ")" in text


def _glue_signs(text: str, raw: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Pieces with a lone ``$`` or ``(`` before them or a lone ``%`` or ``)`` after them, glued.

    A sign of a blank to be filled in ("Per Note ....   %     %", "Total ....   $     $") has no
    number to stand by: a ``%`` stays apart from a piece without a digit (a label, another
    sign), and a ``$`` from a piece that is only signs, so that each blank stays in its column."""
    merged: list[tuple[int, str]] = []
    glue_next = False
    for start, piece in raw:
        lone_close = not piece.strip("%)")
        if merged and (
            (glue_next and piece.strip("$%"))
            or (lone_close and (piece.strip("%") or _has_digit(merged[-1][1])))
        ):
            s = merged[-1][0]
            merged[-1] = (s, text[s : start + len(piece)])
        else:
            merged.append((start, piece))
        glue_next = not piece.strip("$(")
    return merged


_RANGE_GAP: Final = 3
"""Spaces at most between the two ends of a range set apart ("$ 10,001  - $50,000")."""


def _join_ranges(text: str, raw: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Pieces with a range's second end ("- $50,000": a dash, a space, a dollar amount) glued to
    the dollar amount right before it: "$ 10,001  - $50,000" is one range of amounts, not an
    amount and a negative one, as "$10,001 - $50,000" is. A minus sign stands against its number,
    inside the dollar sign or after it ("-$5", "$-5"); set apart from the "$" it is a dash."""
    merged: list[tuple[int, str]] = []
    for start, piece in raw:
        if merged and piece.startswith("- $") and _number_word(piece[2:]):
            s, previous = merged[-1]
            gap = start - (s + len(previous))
            if gap <= _RANGE_GAP and previous.startswith("$") and _number_word(previous.replace(" ", "")):
                merged[-1] = (s, text[s : start + len(piece)])
                continue
        merged.append((start, piece))
    return merged


@lru_cache(maxsize=8192)
def _shape(text: str) -> tuple[int, bool, int]:
    """A piece's length, whether it is a value, and its anchor's offset: all that a chunk needs
    besides its position, worked out once per text (the same cells recur down the columns)."""
    kept = len(text.rstrip(")%*# "))
    return len(text), is_data(text), kept - 1 if kept > 1 else 0


@lru_cache(maxsize=8192)
def strip_leaders(label: str) -> str:
    """A label without its dot (or underscore) leaders and surplus spaces.

    A leader is two dots or more, or a lone dot set apart from the label by a space (the rest
    of a spaced leader, "$250,000 but less than $500,000 ."): no word ends in " ."."""
    bare = label.rstrip(" ._")
    tail = label[len(bare) :]
    if tail.count(".") + tail.count("_") < 2 and not tail.startswith(" "):
        bare = label
    return " ".join(bare.split())


def make_chunk(start: int, text: str) -> Chunk:
    """A chunk of ``text`` at ``start``, read as :func:`chunk_line` reads its pieces."""
    length, data, anchor = _shape(text)
    return Chunk(start, start + length, text, data, start + anchor)
