"""The rendered text just before and just after each data table, for the checks.

The checks want a few hundred characters of prose around a table (waiver terms, conversion
periods). Walking outward from each table in Python costs a little per text node, which adds up
in documents with hundreds of tables; instead the document is serialised once by libxml2
(``method="text"``) with a private-use character written before and after each table, and the
windows are cut from that one string. This mutates the tree, so it runs after everything else
has read it.
"""

from __future__ import annotations

import regex
from lxml import etree

from .cells import BLOCKS
from .dom import STYLE, Element, local_name
from .style import style_of

_SKIP = frozenset(("script", "style", "head", "title"))
_SPACED = BLOCKS | {"td", "th", "sup"}
_SPACED_TAGS = tuple(f"{{*}}{name}" for name in sorted(_SPACED))
_STARTS, _ENDS, _LIMIT = 0xF0000, 0x100000, 0xFFFE
"""Private-use code points that mark where table ``i`` starts and ends in the serialised text."""
_MARK = regex.compile("[\U000F0000-\U0010FFFF]")
_RAW_WINDOW = 6
"""Raw characters read per character kept: source whitespace is collapsed after cutting."""


_NOT_XML = regex.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
"""Characters lxml keeps from a recovering parse but refuses in an assignment."""


def _set(el: Element, attribute: str, value: str) -> None:
    """``el.text`` or ``el.tail`` = ``value``, dropping characters XML cannot hold (the parse kept them)."""
    try:
        setattr(el, attribute, value)
    except ValueError:
        setattr(el, attribute, _NOT_XML.sub("", value))


def hidden(el: Element) -> bool:
    """Whether ``el`` sits inside an element that is not rendered (``display: none``, ``<head>``)."""
    return any(local_name(a) in _SKIP or style_of(a.get("style")).hidden for a in el.iterancestors())


def _prepare(root: Element) -> None:
    """Blank what is not rendered and put a space where rendering breaks between elements.

    The tag filters run inside libxml2. The style test walks the elements in one loop (the XPath
    ``//*[@style]`` cost five times as much to build the same list), and asks :func:`style_of`
    once per distinct string, not per element: a filing repeats a few hundred styles on its
    thousands of elements (a sixth of the loop's instructions). Each tail is set inline, without a
    helper call per element; a walk that also set the tails cost more than libxml2's tag filter.
    """
    blank = list(root.iter(*(f"{{*}}{name}" for name in _SKIP)))
    hides: dict[str, bool] = {}
    for el in root.iter(etree.Element):
        style = el.get(STYLE)
        if style:
            hide = hides.get(style)
            if hide is None:
                hide = hides[style] = style_of(style).hidden
            if hide:
                blank.append(el)
    for el in root.iter(*_SPACED_TAGS):
        tail = el.tail
        try:
            el.tail = " " + tail if tail else " "
        except ValueError:
            _set(el, "tail", " " + tail if tail else " ")
    for el in blank:
        tail = el.tail
        el.clear()
        if tail:
            _set(el, "tail", tail)


_PROBE = 3
"""Raw characters first read per character kept, nearest the table; the whole window only when
they do not hold enough words."""


def _cut_words(words: list[str], limit: int, before: bool) -> str:
    kept = " ".join(words[-limit:] if before else words[:limit])
    if len(kept) <= limit:
        return kept
    return kept[-limit:].split(" ", 1)[-1] if before else kept[:limit].rsplit(" ", 1)[0]


def _cut(text: str, limit: int, before: bool) -> str:
    """The last (``before``) or first ``limit`` characters of the words of ``text``, cut at words.

    Only those characters count, so the words of the part nearest the table decide when they are
    longer than ``limit`` once the word the part's far edge may have split is dropped.
    """
    probe = _PROBE * limit
    if len(text) > probe:
        near = text[-probe:].split()[1:] if before else text[:probe].split()[:-1]
        if len(" ".join(near)) > limit:
            return _cut_words(near, limit, before)
    return _cut_words(text.split(), limit, before)


def texts_around(root: Element, tables: list[Element], limit: int) -> list[str]:
    """About ``limit`` characters of rendered text on each side of each of ``tables``, cut at words.

    Destroys what is not rendered in ``root`` and marks up the text of the tables: call it last.
    """
    return [f"{before} {after}".strip() for before, after in sides_around(root, tables, limit)]


def sides_around(root: Element, tables: list[Element], limit: int) -> list[tuple[str, str]]:
    """The text before and the text after each of ``tables``, as :func:`texts_around` joins them;
    apart, for a table continued in another element (over a page break) whose prose runs from
    before its first part to after its last. Destroys what :func:`texts_around` destroys."""
    return sides_and_leads(root, tables, limit, 0)[0]


def sides_and_leads(root: Element, tables: list[Element], limit: int, lead: int
                    ) -> tuple[list[tuple[str, str]], list[str]]:
    """:func:`sides_around`, and about ``lead`` characters of the text before each table (its
    lead-in, for the checks; none for ``lead`` 0), from the one rendering. Destroys what
    :func:`texts_around` destroys."""
    if not tables:
        return [], []
    flat, starts, ends = unmark_utf8(marked_utf8(root, tables))
    befores = [_cut(flat[max(0, starts[i] - 2 * lead) : starts[i]], lead, before=True) if lead and i in starts
               else "" for i in range(len(tables))]
    return sides(flat, starts, ends, len(tables), limit), befores


def _mark_tables(root: Element, tables: list[Element]) -> None:
    _prepare(root)
    for i, table in enumerate(tables[:_LIMIT]):
        _set(table, "text", chr(_STARTS + i) + (table.text or ""))
        _set(table, "tail", chr(_ENDS + i) + (table.tail or ""))


def marked_text(root: Element, tables: list[Element]) -> str:
    """The rendered text of ``root`` with a private-use mark before and after each table."""
    _mark_tables(root, tables)
    return etree.tostring(root, method="text", encoding="unicode")


def marked_utf8(root: Element, tables: list[Element]) -> bytes:
    """:func:`marked_text` as libxml2 writes it, in UTF-8: decoded whole, the marks (outside the
    Basic Multilingual Plane) made it a string of four bytes a character, which the search for
    them then read character by character."""
    _mark_tables(root, tables)
    return etree.tostring(root, method="text", encoding="utf-8")


def unmark(marked: str) -> tuple[str, dict[int, int], dict[int, int]]:
    """The text without its marks, and where each table starts and ends in it; the marks are cut
    out while they are found, not by a second search."""
    starts: dict[int, int] = {}
    ends: dict[int, int] = {}
    parts: list[str] = []
    done = 0
    for k, m in enumerate(_MARK.finditer(marked)):
        code = ord(m.group())
        if code >= _ENDS:
            ends[code - _ENDS] = m.start() - k
        else:
            starts[code - _STARTS] = m.start() - k
        parts.append(marked[done : m.start()])
        done = m.end()
    parts.append(marked[done:])
    return "".join(parts), starts, ends


_MARK_LEADS = (b"\xf3", b"\xf4")
"""The first byte of every mark in UTF-8: U+F0000 to U+FFFFF start with F3 B0 to F3 BF (F3 80 to
F3 AF are planes 12 to 14, no mark), U+100000 to U+10FFFF with F4."""
_MARK_WIDTH = 4


def _mark_offsets(marked: bytes) -> list[int]:
    """Where the marks of :data:`_MARK` start in ``marked`` (UTF-8), in order; ``bytes.find`` skips
    to each lead byte at memory speed, where a pattern tests every byte."""
    found: list[int] = []
    for lead in _MARK_LEADS:
        at = marked.find(lead)
        while at >= 0:
            if lead == b"\xf4" or (at + 1 < len(marked) and 0xB0 <= marked[at + 1] <= 0xBF):
                found.append(at)
            at = marked.find(lead, at + _MARK_WIDTH)
    return sorted(found)


def unmark_utf8(marked: bytes) -> tuple[str, dict[int, int], dict[int, int]]:
    """:func:`unmark` of the UTF-8 of the marked text: the same text and places, the text decoded
    part by part between the marks."""
    starts: dict[int, int] = {}
    ends: dict[int, int] = {}
    parts: list[str] = []
    done = length = 0
    for at in _mark_offsets(marked):
        part = marked[done:at].decode("utf-8")
        parts.append(part)
        length += len(part)
        code = ord(marked[at : at + _MARK_WIDTH].decode("utf-8"))
        if code >= _ENDS:
            ends[code - _ENDS] = length
        else:
            starts[code - _STARTS] = length
        done = at + _MARK_WIDTH
    parts.append(marked[done:].decode("utf-8"))
    return "".join(parts), starts, ends


def windows(flat: str, starts: dict[int, int], ends: dict[int, int], count: int, limit: int) -> list[str]:
    """The words before and after each of ``count`` tables (empty for a table with no mark)."""
    return [f"{before} {after}".strip() for before, after in sides(flat, starts, ends, count, limit)]


def sides(flat: str, starts: dict[int, int], ends: dict[int, int], count: int, limit: int) -> list[tuple[str, str]]:
    """The words before and the words after each of ``count`` tables (empty for one with no mark)."""
    raw = _RAW_WINDOW * limit
    out: list[tuple[str, str]] = []
    for i in range(count):
        if i not in starts:
            out.append(("", ""))
            continue
        start, end = starts[i], ends.get(i, starts[i])
        before = _cut(flat[max(0, start - raw) : start], limit, before=True)
        after = _cut(flat[end : end + raw], limit, before=False)
        out.append((before, after))
    return out
