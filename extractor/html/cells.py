"""The text of one ``<td>``/``<th>`` as rendered, with raised footnote markers set apart.

A footnote marker in HTML is not written "(1)" but raised: ``<sup>1</sup>``, a span with
``vertical-align: super`` or ``position: relative; top: -3pt``, or a smaller font right after a
number. Read as plain text, ``0.67`` and a raised ``1`` become ``0.671``; so the walk below keeps
every piece of text with a flag saying whether it was raised, and only then decides what is
content and what is a marker.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import itemgetter
from typing import Final

import regex

from .dom import STYLE, TAG_NAMES, Element, local_name, text_of
from .style import DEFAULT_SIZE, PLAIN, font_tag_size, style_of

# Elements whose boundaries are line breaks when rendered: their text never runs into a neighbour's.
BLOCKS = frozenset((
    "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "center", "pre", "hr", "caption", "table",
))
_SKIP = frozenset(("script", "style", "head", "title"))
MAX_DEPTH = 100
"""Deeper markup (unclosed ``<font>`` tags nest without end in recovered HTML) is read as plain text."""
MARKER = regex.compile(
    r"^(?:\(?\s*(?:\d{1,2}|[a-z]|(?P<twice>[a-z])(?P=twice)|[ivx]{1,4})\s*\)?|\[\s*\w{1,3}\s*\]"
    r"|[*\u2020\u2021\u00a7\u00b6#+]{1,4})$",
    regex.I,
)
_STACKED: Final = regex.compile(r"\)\s*\(")
"""Where one marker in parentheses ends and the next begins: "(b)(c)", "(1) (2)"."""
SMALLER = 0.8
"""A piece set in at most this fraction of the surrounding font size counts as raised."""


@dataclass(slots=True)
class CellText:
    """What one table cell renders: its content, its raised markers, and its inline XBRL facts."""

    text: str = ""
    markers: tuple[str, ...] = ()
    """Raised markers after the content (``0.67`` + raised ``1`` -> ``("1",)``)."""
    lead: tuple[str, ...] = ()
    """Raised markers before any content: the marker of a footnote row."""
    facts: tuple[Element, ...] = ()
    header: bool = False
    nested: bool = False
    """The cell holds a nested ``<table>`` (whose text is not part of this cell)."""
    lines: tuple[str, ...] = ()
    """The text's lines where ``<br>`` or blocks set it on two or more (none when it has raised
    markers): values stacked in one cell, one per row of a label stacked beside them."""

    @property
    def empty(self) -> bool:
        return not self.text and not self.markers and not self.lead


_Piece = tuple[str, bool, bool]
"""Text, raised by position (``<sup>``, ``vertical-align``, ``top: -3pt``), set in a smaller font."""
_SPACE: _Piece = (" ", False, False)
_BREAK: _Piece = ("\n", False, False)
"""A block boundary (``<br>``, ``<p>``): blank in the text, the end of a line in :attr:`CellText.lines`."""
_TEXT: Final = itemgetter(0)
"""The text of a piece: the pieces' texts are joined in C, not unpacked one by one in a loop."""


def split_marker_text(text: str) -> tuple[str, ...] | None:
    """The markers in a raised piece such as ``1``, ``(a)``, ``1,2`` or ``*``; None if it is not one.
    A list of markers set in two pieces ("1," then "2") leaves a separator at the end of a piece;
    markers in parentheses may be stacked with no separator at all ("(b)(c)")."""
    if ")" in text:
        text = _STACKED.sub("),(", text)
    parts = [p.strip() for p in text.replace(";", ",").strip(" ,").split(",")]
    if not parts or not all(p and MARKER.match(p) for p in parts):
        return None
    return tuple(parts)


class _Walker:
    """Collects the pieces of one cell in document order (not a recursion over nested tables).

    Every element of every table cell passes through here, so a child's name is read from the tag
    cache without a call, and an element without a ``style`` skips the style look-up.
    """

    __slots__ = ("facts", "flagged", "nested", "pieces")

    def __init__(self) -> None:
        self.pieces: list[_Piece] = []
        self.facts: list[Element] = []
        self.nested = False
        self.flagged = False
        """Some piece is raised or set smaller: only then can it be a marker."""

    def walk(self, el: Element, raised: bool, small: bool, size: float | None, depth: int) -> None:
        """The pieces of the children of ``el``, which is read with the flags and font size given.

        Each child is read here rather than in a method of its own, and the font size is worked
        out inline: this loop runs for every element of every cell, and a call per element was a
        fifth of the cell's time."""
        pieces = self.pieces
        if depth > MAX_DEPTH:
            for child in el:
                pieces.append((text_of(child), raised, small))
                if child.tail:
                    pieces.append((child.tail, raised, small))
            return
        for child in el:
            name = TAG_NAMES.get(child.tag) or local_name(child)
            if name and name not in _SKIP:
                if name == "table":
                    self.nested = True
                    pieces.append(_SPACE)
                else:
                    style = child.get(STYLE)
                    look = style_of(style) if style else PLAIN
                    if not look.hidden:
                        child_raised = raised or look.raised or name == "sup"
                        if name == "font":
                            child_size = font_tag_size(child.get("size"))
                        elif look.size is not None:
                            child_size = look.size
                        elif look.relative is not None:
                            child_size = look.relative * (size or DEFAULT_SIZE)
                        else:
                            child_size = None
                        child_small = small or (child_size is not None and size is not None
                                                and child_size <= size * SMALLER)
                        if child_raised or child_small:
                            self.flagged = True
                        if name == "nonfraction" or look.hidden_fact is not None:
                            # A fact, or an element showing a hidden one (xbrl.FactReader); one nested
                            # in another fact too: a generator tags one shown number with several.
                            self.facts.append(child)
                        block = name in BLOCKS
                        if block:
                            pieces.append(_BREAK)
                        text = child.text
                        if text:
                            pieces.append((text, child_raised, child_small))
                        if len(child):
                            self.walk(child, child_raised, child_small, child_size or size, depth + 1)
                        if block:
                            pieces.append(_BREAK)
            tail = child.tail
            if tail:
                pieces.append((tail, raised, small))


def _clean(text: str) -> str:
    if "\u200b" in text or "\ufeff" in text:
        text = text.replace("\u200b", " ").replace("\ufeff", " ")
    return " ".join(text.split())


def _set_apart(pieces: list[_Piece]) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """The text of ``pieces`` with the raised or smaller markers taken out; the markers after
    content; the markers before any content."""
    body: list[str] = []
    markers: list[str] = []
    lead: list[str] = []
    # Whether a piece of ``body`` has characters, and whether one has a non-blank character,
    # kept as pieces are added: joining ``body`` for each raised piece was quadratic in a cell of
    # thousands of them. ``body`` has content unless it has characters and all are blanks.
    written = inked = False
    for text, raised, small in pieces:
        if (raised or small) and not text.isspace():
            found = split_marker_text(_clean(text))
            has_body = bool(body) and (inked or not written)
            if found is not None and (has_body or raised):
                (markers if has_body else lead).extend(found)
                body.append(" ")
                written = True
                continue
        body.append(text)
        written = written or bool(text)
        inked = inked or not (text.isspace() or not text)
    return _clean("".join(body)), tuple(markers), tuple(lead)


def read_cell(td: Element) -> CellText:
    """The rendered text of ``td`` with raised markers taken out, and the facts it holds.

    Most cells have no raised or smaller piece at all; their text is the pieces joined. A cell
    without elements (a third of them, the spacers among them) is read from its text alone. A
    cell styled ``-sec-ix-hidden`` shows a hidden fact: the cell is one of its facts.
    """
    return read_cell_as(td, td.get(STYLE), (TAG_NAMES.get(td.tag) or local_name(td)) == "th")


def read_cell_as(td: Element, style: str | None, header: bool) -> CellText:
    """:func:`read_cell` of a cell whose ``style`` attribute and kind (``<th>`` or not) the caller
    has read already: the grid reads both for every cell to place it, and each read of an lxml
    attribute or tag builds a new string."""
    own = td.text
    if len(td) == 0:
        if style is None or "ix-hidden" not in style or style_of(style).hidden_fact is None:
            return CellText(text=_clean(own), header=header) if own else CellText(header=header)
        return CellText(text=_clean(own or ""), facts=(td,), header=header)
    walker = _Walker()
    if own:
        walker.pieces.append((own, False, False))
    look = style_of(style)
    if look.hidden_fact is not None:
        walker.facts.append(td)
    walker.walk(td, False, False, look.font_size(None), 0)
    if walker.flagged:
        text, markers, lead = _set_apart(walker.pieces)
        return CellText(text, markers, lead, tuple(walker.facts), header, walker.nested)
    raw = "".join(map(_TEXT, walker.pieces))
    return CellText(_clean(raw), (), (), tuple(walker.facts), header, walker.nested, _lines(raw))


def _lines(raw: str) -> tuple[str, ...]:
    """The lines of a cell's text where it holds two or more (values stacked with ``<br>``)."""
    if "\n" not in raw.strip():
        return ()
    lines = [line for part in raw.split("\n") if (line := _clean(part))]
    return tuple(lines) if len(lines) > 1 else ()
