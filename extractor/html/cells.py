"""The text of one ``<td>``/``<th>`` as rendered, with raised footnote markers set apart.

A footnote marker in HTML is not written "(1)" but raised: ``<sup>1</sup>``, a span with
``vertical-align: super`` or ``position: relative; top: -3pt``, or a smaller font right after a
number. Read as plain text, ``0.67`` and a raised ``1`` become ``0.671``; so the walk below keeps
every piece of text with a flag saying whether it was raised, and only then decides what is
content and what is a marker.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from .dom import Element, attr, local_name, text_of

# Elements whose boundaries are line breaks when rendered: their text never runs into a neighbour's.
BLOCKS = frozenset((
    "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "center", "pre", "hr", "caption", "table",
))
_SKIP = frozenset(("script", "style", "head", "title"))
MAX_DEPTH = 100
"""Deeper markup (unclosed ``<font>`` tags nest without end in recovered HTML) is read as plain text."""
_HIDDEN = regex.compile(r"display\s*:\s*none", regex.I)
_VALIGN_UP = regex.compile(r"vertical-align\s*:\s*(?:super|top|text-top|[1-9]\d*(?:\.\d+)?(?:%|pt|px|em))", regex.I)
_RELATIVE = regex.compile(r"position\s*:\s*relative", regex.I)
_TOP_UP = regex.compile(r"(?:^|[;\s])(?:top\s*:\s*-\s*[.\d]|bottom\s*:\s*\+?[.\d]*[1-9])", regex.I)
_FONT_SIZE = regex.compile(
    r"font-size\s*:\s*(?:(?P<num>\d{1,3}(?:\.\d{1,3})?|\.\d{1,3})\s*(?P<unit>pt|px|em|rem|%)?|(?P<word>[a-z-]{4,9}))",
    regex.I,
)
_FONT_SHORTHAND = regex.compile(
    r"(?:^|[;\s])font\s*:[^;]{0,40}?(?P<num>\d{1,3}(?:\.\d{1,3})?)\s*(?P<unit>pt|px)", regex.I
)
_SMALL_WORDS = {"smaller": 0.8, "x-small": 0.6, "xx-small": 0.5}
_FONT_TAG_SIZES = {1: 7.5, 2: 10.0, 3: 12.0, 4: 13.5, 5: 18.0, 6: 24.0, 7: 36.0}
MARKER = regex.compile(
    r"^(?:\(?\s*(?:\d{1,2}|[a-z]|(?P<twice>[a-z])(?P=twice)|[ivx]{1,4})\s*\)?|\[\s*\w{1,3}\s*\]"
    r"|[*\u2020\u2021\u00a7\u00b6#+]{1,4})$",
    regex.I,
)
_SPACES = regex.compile(r"[\s\u200b\ufeff]+")
SMALLER = 0.8
"""A piece set in at most this fraction of the surrounding font size counts as raised."""


@dataclass
class CellText:
    """What one table cell renders: its content, its raised markers, and its inline XBRL facts."""

    text: str = ""
    markers: tuple[str, ...] = ()
    """Raised markers after the content (``0.67`` + raised ``1`` -> ``("1",)``)."""
    lead: tuple[str, ...] = ()
    """Raised markers before any content: the marker of a footnote row."""
    facts: list[Element] = field(default_factory=list)
    header: bool = False
    nested: bool = False
    """The cell holds a nested ``<table>`` (whose text is not part of this cell)."""

    @property
    def empty(self) -> bool:
        return not self.text and not self.markers and not self.lead


@dataclass
class _Piece:
    text: str
    raised: bool
    """Raised by position (``<sup>``, ``vertical-align``, ``top: -3pt``)."""
    small: bool
    """Set in a smaller font than its surroundings."""


def split_marker_text(text: str) -> tuple[str, ...] | None:
    """The markers in a raised piece such as ``1``, ``(a)``, ``1,2`` or ``*``; None if it is not one."""
    parts = [p.strip() for p in text.replace(";", ",").split(",")]
    if not parts or not all(p and MARKER.match(p) for p in parts):
        return None
    return tuple(parts)


def _font_size(el: Element, name: str, style: str, inherited: float | None) -> float | None:
    if name == "font":
        raw = (attr(el, "size") or "").strip()
        if raw[:1] in "+-" and raw[1:].isdigit():
            return _FONT_TAG_SIZES.get(min(max(3 + int(raw), 1), 7))
        if raw.isdigit():
            return _FONT_TAG_SIZES.get(min(max(int(raw), 1), 7))
    if not style:
        return None
    m = _FONT_SIZE.search(style)
    if m is None:
        m = _FONT_SHORTHAND.search(style)
        if m is None:
            return None
    if m.groupdict().get("word"):
        ratio = _SMALL_WORDS.get(m["word"].lower())
        return inherited * ratio if ratio and inherited else None
    size = float(m["num"])
    unit = (m["unit"] or "pt").lower()
    if unit == "px":
        return size * 0.75
    if unit in ("em", "rem"):
        return size * (inherited or 10.0)
    if unit == "%":
        return size / 100 * (inherited or 10.0)
    return size


class _Walker:
    """Collects the pieces of one cell in document order (not a recursion over nested tables)."""

    def __init__(self) -> None:
        self.pieces: list[_Piece] = []
        self.facts: list[Element] = []
        self.nested = False

    def space(self) -> None:
        self.pieces.append(_Piece(" ", False, False))

    def add(self, text: str | None, raised: bool, small: bool) -> None:
        if text:
            self.pieces.append(_Piece(text, raised, small))

    def walk(self, el: Element, raised: bool, small: bool, size: float | None, in_fact: bool, depth: int) -> None:
        if depth > MAX_DEPTH:
            for child in el:
                self.add(text_of(child), raised, small)
                self.add(child.tail, raised, small)
            return
        for child in el:
            name = local_name(child)
            if not name or name in _SKIP:
                self.add(child.tail, raised, small)
                continue
            if name == "table":
                self.nested = True
                self.space()
                self.add(child.tail, raised, small)
                continue
            style = attr(child, "style") or ""
            if style and _HIDDEN.search(style):
                self.add(child.tail, raised, small)
                continue
            child_raised = raised or name == "sup" or bool(
                style and (_VALIGN_UP.search(style) or (_RELATIVE.search(style) and _TOP_UP.search(style)))
            )
            child_size = _font_size(child, name, style, size) if (style or name == "font") else None
            child_small = small or (child_size is not None and size is not None and child_size <= size * SMALLER)
            fact = name == "nonfraction"
            if fact and not in_fact:
                self.facts.append(child)
            block = name in BLOCKS
            if block:
                self.space()
            self.add(child.text, child_raised, child_small)
            self.walk(child, child_raised, child_small, child_size or size, in_fact or fact, depth + 1)
            if block:
                self.space()
            self.add(child.tail, raised, small)


def _clean(text: str) -> str:
    return str(_SPACES.sub(" ", text)).strip()


def read_cell(td: Element) -> CellText:
    """The rendered text of ``td`` with raised markers taken out, and the facts it holds."""
    walker = _Walker()
    style = attr(td, "style") or ""
    size = _font_size(td, local_name(td), style, None)
    walker.add(td.text, False, False)
    walker.walk(td, False, False, size, False, 0)
    out = CellText(header=local_name(td) == "th", facts=walker.facts, nested=walker.nested)
    body: list[str] = []
    markers: list[str] = []
    lead: list[str] = []
    for piece in walker.pieces:
        if (piece.raised or piece.small) and piece.text.strip():
            found = split_marker_text(_clean(piece.text))
            has_body = bool(_clean("".join(body)))
            if found is not None and (has_body or piece.raised):
                (markers if has_body else lead).extend(found)
                body.append(" ")
                continue
        body.append(piece.text)
    out.text = _clean("".join(body))
    out.markers = tuple(markers)
    out.lead = tuple(lead)
    return out
