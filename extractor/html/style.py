"""What an inline ``style`` says about rendering: hidden, raised, font size. Parsed once per string.

Filings repeat a handful of style strings on thousands of elements, so each distinct string is
read once and remembered; the regexes stay off the per-element path.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..values import ascii_digits

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
_SEC_HIDDEN = regex.compile(r"-sec-ix-hidden\s*:\s*([\w.-]{1,200})", regex.I)
"""The EDGAR property that names the ``ix:hidden`` fact a displayed element shows."""
_SMALL_WORDS = {"smaller": 0.8, "x-small": 0.6, "xx-small": 0.5}
FONT_TAG_SIZES = {1: 7.5, 2: 10.0, 3: 12.0, 4: 13.5, 5: 18.0, 6: 24.0, 7: 36.0}
"""Points of ``<font size=1..7>``."""
DEFAULT_SIZE = 10.0
_CACHE_LIMIT = 20_000


@dataclass(frozen=True, slots=True)
class Style:
    hidden: bool = False
    raised: bool = False
    """``vertical-align: super`` (or top), or ``position: relative`` moved up."""
    size: float | None = None
    """An absolute font size in points."""
    relative: float | None = None
    """A font size as a factor of the surrounding one (``em``, ``%``, ``smaller``)."""
    hidden_fact: str | None = None
    """The id of the ``ix:hidden`` fact the element shows (``-sec-ix-hidden: F_12``): EDGAR's way
    to tag a value whose displayed text no transformation reads."""

    def font_size(self, inherited: float | None) -> float | None:
        if self.size is not None:
            return self.size
        if self.relative is not None:
            return self.relative * (inherited or DEFAULT_SIZE)
        return None


PLAIN = Style()
_CACHE: dict[str, Style] = {}


def _parse(style: str) -> Style:
    raised = bool(_VALIGN_UP.search(style) or (_RELATIVE.search(style) and _TOP_UP.search(style)))
    size: float | None = None
    relative: float | None = None
    m = _FONT_SIZE.search(style) or _FONT_SHORTHAND.search(style)
    if m is not None:
        if m.groupdict().get("word"):
            relative = _SMALL_WORDS.get(m["word"].lower())
        else:
            num = float(m["num"])
            unit = (m["unit"] or "pt").lower()
            if unit == "px":
                size = num * 0.75
            elif unit in ("em", "rem"):
                relative = num
            elif unit == "%":
                relative = num / 100
            else:
                size = num
    shows = _SEC_HIDDEN.search(style) if "ix-hidden" in style else None
    return Style(bool(_HIDDEN.search(style)), raised, size, relative, shows.group(1) if shows else None)


def style_of(style: str | None) -> Style:
    """The rendering facts of one ``style`` attribute value."""
    if not style:
        return PLAIN
    found = _CACHE.get(style)
    if found is None:
        found = _parse(style)
        if len(_CACHE) < _CACHE_LIMIT:
            _CACHE[style] = found
    return found


_FONT_TAGS: dict[str | None, float | None] = {}


def font_tag_size(size: str | None) -> float | None:
    """Points of a ``<font size=...>`` attribute (``2``, ``-1``, ``+1``)."""
    if size in _FONT_TAGS:
        return _FONT_TAGS[size]
    raw = (size or "").strip()
    points: float | None = None
    if raw[:1] in "+-" and ascii_digits(raw[1:]):
        points = FONT_TAG_SIZES.get(min(max(3 + int(raw), 1), 7))
    elif ascii_digits(raw):
        points = FONT_TAG_SIZES.get(min(max(int(raw), 1), 7))
    if len(_FONT_TAGS) < _CACHE_LIMIT:
        _FONT_TAGS[size] = points
    return points
