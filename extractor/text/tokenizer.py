"""Classify the lines of a plain-text document, one token per line.

EDGAR's plain-text tables are marked up with a handful of line-level tags (``<TABLE>``,
``<CAPTION>``, the ``<S>``/``<C>`` column-tag line, ``<FN>``/``<F1>`` footnotes, ``<PAGE>``).
Everything later in the reader works on these tokens, so the classification is done once, with
anchored, linear-time patterns, and never raises: a garbled line simply becomes ``TEXT``.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Final, NamedTuple

import regex

TAB_SIZE: Final = 8
_new_tuple: Final = tuple.__new__


class TokenKind(enum.Enum):
    """What a line of a plain-text document is, as far as table reading cares."""

    TABLE_START = enum.auto()
    TABLE_END = enum.auto()
    CAPTION = enum.auto()
    CAPTION_END = enum.auto()
    COLUMN_TAGS = enum.auto()
    RULE = enum.auto()
    FOOTNOTE_START = enum.auto()
    FOOTNOTE = enum.auto()
    PAGE = enum.auto()
    BLANK = enum.auto()
    TEXT = enum.auto()


# The kinds as module constants, for the loops over every line here and in the reader's other
# modules (imported from here): on Python 3.11 an attribute of the enum class (``TokenKind.TEXT``)
# goes through ``EnumType.__getattr__`` and costs several times a global's lookup.
BLANK: Final = TokenKind.BLANK
TEXT: Final = TokenKind.TEXT
RULE: Final = TokenKind.RULE
COLUMN_TAGS: Final = TokenKind.COLUMN_TAGS
CAPTION: Final = TokenKind.CAPTION
CAPTION_END: Final = TokenKind.CAPTION_END
FOOTNOTE_START: Final = TokenKind.FOOTNOTE_START
TABLE_START: Final = TokenKind.TABLE_START
TABLE_END: Final = TokenKind.TABLE_END
PAGE: Final = TokenKind.PAGE
_KIND_OF_TAG: Final[dict[str, TokenKind]] = dict(TokenKind.__members__)
"""The kind named by a group of :data:`_LINE_TAG` (a dict lookup; ``TokenKind[name]`` calls the
enum's own Python method)."""


class Token(NamedTuple):
    """One line: its kind, its text with tabs expanded, its input line and first non-blank column.

    A named tuple: one is built for every table line, and a tuple is cheap to build.
    """

    kind: TokenKind
    text: str
    line: int
    col: int


_LINE_TAG: Final = regex.compile(
    r"[ \t]*+<(?:(?P<TABLE_END>/TABLE>)|(?P<TABLE_START>TABLE(?:[ \t][^>\n]*+)?>)"
    r"|(?P<CAPTION_END>/CAPTION>)|(?P<CAPTION>CAPTION>)|(?P<FOOTNOTE_START>/?FN>)"
    r"|(?P<FOOTNOTE>F\d{1,3}>)|(?P<PAGE>/?PAGE>))",
    regex.I,
)
"""A line tag at the start of a line, named by its kind; the alternatives are tried in this
order, as one pattern, so that a tagged line costs one match and not one per tag."""
_COLUMN_TAG: Final = regex.compile(r"<[SC]>", regex.I)
_RULE: Final = re.compile(r"[ \t]*+[-=_][-=_ \t+]*+$")
"""A line of rule marks. It names its characters one by one, so the standard ``re``, cheaper per
match, reads it exactly as ``regex`` does (``test_fastpath_text_values`` compares them)."""
_RULE_MARKS: Final = ("-", "=", "_")
_FIRST_INK: Final = regex.compile(r"\S")


def expand(line: str) -> str:
    """The line with tabs expanded, so that character positions match what the filer saw."""
    return line.expandtabs(TAB_SIZE) if "\t" in line else line


def classify_line(text: str) -> TokenKind:
    """The kind of one (tab-expanded) line."""
    if not text.strip():
        return BLANK
    return _classify_inked(text, text.lstrip(" \t"))


def _classify_inked(text: str, lead: str) -> TokenKind:
    """The kind of a line with ink on it, ``lead`` being the line from its first ink on.

    Every line tag stands first on its line, so the tag patterns are tried only on a line
    whose first ink is ``<``, and the rule pattern only on one that starts with a rule mark.
    """
    if "<" in text:
        tag = _LINE_TAG.match(text) if lead.startswith("<") else None
        if tag is not None and tag.lastgroup is not None:
            return _KIND_OF_TAG[tag.lastgroup]
        if _COLUMN_TAG.search(text):
            return COLUMN_TAGS
    if lead.startswith(_RULE_MARKS) and _RULE.match(text) and sum(map(text.count, _RULE_MARKS)) >= 3:
        return RULE
    return TEXT


def make_token(raw: str, line: int) -> Token:
    """The token for one raw input line (built as a plain tuple: one for every table line)."""
    kind, text, ink = _read_line(raw)
    return _new_tuple(Token, (kind, text, line, ink))


def make_tokens(lines: Sequence[str], first_line: int) -> list[Token]:
    """:func:`make_token` for consecutive lines numbered from ``first_line``, in one loop
    without a call per line (every line of every table block is made a token)."""
    return [
        _new_tuple(Token, (kind, text, first_line + i, ink))
        for i, raw in enumerate(lines)
        for kind, text, ink in (_read_line(raw),)
    ]


@lru_cache(maxsize=8192)
def _read_line(raw: str) -> tuple[TokenKind, str, int]:
    """A raw line's kind, its text with tabs expanded and its first non-blank column.

    Cached: tables repeat their blank lines, tags, rules and boilerplate rows, within a filing
    and across filings. Tabs are expanded first, so a line indented with spaces alone has its
    first ink right after them and is classified from there; a blank line is told by its
    empty remainder.
    """
    text = raw.rstrip("\r\n")
    if "\t" in text:
        text = text.expandtabs(TAB_SIZE)
    body = text.lstrip(" ")
    if body and not body[0].isspace():
        return _classify_inked(text, body), text, len(text) - len(body)
    if not body:
        return BLANK, text, 0
    return classify_line(text), text, _first_ink(text)


def _first_ink(text: str) -> int:
    """Where the first non-blank character stands (0 on a blank line), by the pattern.

    A line is indented with spaces, which :func:`_read_line` skips itself; this is for the
    rare line with other blanks before its ink, and for the blank line.
    """
    ink = _FIRST_INK.search(text)
    return ink.start() if ink else 0


def tokenize(text: str, first_line: int = 1) -> list[Token]:
    """One token per line of ``text`` (split on ``\\n``), numbered from ``first_line``."""
    return make_tokens(text.split("\n"), first_line)
