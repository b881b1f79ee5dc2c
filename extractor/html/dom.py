"""Parse an HTML or XHTML document with lxml and read its elements whatever parser produced them.

Inline XBRL documents are XHTML with namespaces, so they are parsed as XML first (which keeps
``ix:nonFraction`` and its attributes exact); anything that is not well-formed XML, such as the
upper-case HTML of 2001, goes through libxml2's recovering HTML parser, which lower-cases tag and
attribute names and keeps prefixes in the tag (``ix:nonfraction``). The helpers here hide that
difference: callers compare local, lower-case names only.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex
from lxml import etree

from ..values import ascii_digits

_WRAPPER = regex.compile(r"^\s*<XBRL>", regex.I)
_XML_DECLARATION = regex.compile(r"^\s*<\?xml[^>]{0,200}\?>")
_DECLARATION_LONGEST = len("<?xml") + 200 + len("?>")
_LEADING_SPACE = regex.compile(r"\s*")
_LOOKS_XML = regex.compile(
    r"^\s*(?:<\?xml[^>]{0,200}\?>\s*|<!--[^>]{0,500}-->\s*|<!DOCTYPE[^>]{0,500}>\s*)*"
    r"<(?:[\w.-]+:)?html\b[^>]{0,4000}\bxmlns\b",
    regex.I,
)

Element = etree._Element

STYLE, COLSPAN, ROWSPAN = b"style", b"colspan", b"rowspan"
"""Attribute names for the look-ups made on every element or cell: lxml encodes a ``str`` name
to bytes on each call, a ``bytes`` name it takes as it is (same value, a third less time)."""


def _html_parser() -> etree.HTMLParser:
    return etree.HTMLParser(
        recover=True, no_network=True, remove_comments=True, remove_pis=True, huge_tree=True,
        encoding="utf-8", collect_ids=False,
    )


def _xml_parser() -> etree.XMLParser:
    """Nothing looks an element up by its XML ID (``getelementbyid``, XPath ``id()``), so the
    parser keeps no table of IDs (``collect_ids``)."""
    return etree.XMLParser(
        resolve_entities=False, no_network=True, remove_comments=True, remove_pis=True, huge_tree=True,
        load_dtd=False, collect_ids=False,
    )


def _blank_end(text: str) -> int:
    """Where the blanks at the start of ``text`` end.

    A pattern anchored at the start that begins with blanks can only match up to a few characters
    past here, and is given that end: with the whole text, regex searched all of it for the tag the
    pattern names (about 3 ms on a 2 MB filing for ``<XBRL>``).
    """
    m = _LEADING_SPACE.match(text)
    return m.end() if m is not None else 0


def _unwrap(text: str) -> str:
    """``text`` without the ``<XBRL>`` wrapper that submissions put around an inline XBRL document
    (blanked, not removed, so that columns and lines stay where they were)."""
    m = _WRAPPER.match(text, 0, _blank_end(text) + len("<XBRL>"))
    if m is None:
        return text
    start: int = m.end()
    end = text.rfind("</")
    closing = text[end:].rstrip()
    tail = text[end:] if closing.upper() == "</XBRL>" else ""
    body = text[: len(text) - len(tail)] if tail else text
    return " " * start + body[start:] + tail.replace(closing, " " * len(closing))


def _without_declaration(text: str) -> str:
    """``text`` with its XML declaration replaced by the line breaks it spans."""
    m = _XML_DECLARATION.match(text, 0, _blank_end(text) + _DECLARATION_LONGEST)
    return text if m is None else "\n" * m.group().count("\n") + text[m.end() :]


def parse_document(text: str) -> Element | None:
    """The root element of ``text``: XML when it is well-formed XHTML, else recovered HTML.

    The XML declaration is cut (it may name an encoding that no longer applies to the decoded
    text) without removing a line break, so ``sourceline`` still counts lines of ``text``.
    """
    text = _unwrap(text)
    if _LOOKS_XML.match(text[:5000]):
        body = _without_declaration(text)
        try:
            return etree.fromstring(body.encode("utf-8"), _xml_parser())
        except etree.XMLSyntaxError:
            pass
    if not text or text.isspace():
        return None
    root = etree.fromstring(text.encode("utf-8", "surrogatepass"), _html_parser())
    return root


TAG_NAMES: dict[str, str] = {}
"""Tag -> local name, as :func:`local_name` found it: ``TAG_NAMES.get(el.tag) or local_name(el)``
skips a call in the loops that read every element of a cell."""


def local_name(el: Element) -> str:
    """``td`` for ``{http://www.w3.org/1999/xhtml}td``, ``TD`` or ``td``; ``nonfraction`` for
    ``ix:nonFraction`` in either parser; ``""`` for comments and processing instructions."""
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    name = TAG_NAMES.get(tag)
    if name is None:
        name = tag[tag.rfind("}") + 1 :]
        name = name[name.find(":") + 1 :].lower()
        if len(TAG_NAMES) < 10_000:
            TAG_NAMES[tag] = name
    return name


def attr(el: Element, name: str) -> str | None:
    """Attribute ``name`` (as spelled in XML, e.g. ``contextRef``) in either parser's spelling."""
    value = el.get(name)
    if value is None and not name.islower():
        value = el.get(name.lower())
    return value


def int_attr(el: Element, name: str, default: int = 1, limit: int = 1000) -> int:
    """A positive integer attribute such as ``colspan``; garbage and zero give ``default``."""
    raw = attr(el, name)
    if not raw:
        return default
    digits = raw.strip().strip("\"'")
    if not ascii_digits(digits):
        return default
    return min(max(int(digits), 1), limit)


def text_of(el: Element) -> str:
    """All text inside ``el`` (not its tail), as one string."""
    return "".join(str(t) for t in el.itertext())


def line_of(el: Element) -> int:
    """The 1-based line of ``el``'s start tag in the parsed text."""
    line = el.sourceline
    return line if isinstance(line, int) else 1


LINE_CAP = 65535
"""libxml2 stores element lines in 16 bits: every element from this line on reports it."""
_TABLE_OR_ROW = regex.compile(r"<!--.*?-->|<(table|tr)(?=[\s>/])", regex.I | regex.S)
_TABLE_OR_ROW_TAG = regex.compile(r"<(table|tr)(?=[\s>/])", regex.I)


def _table_and_row_tags(text: str) -> Iterator[regex.Match[str]]:
    """The matches of :data:`_TABLE_OR_ROW` in ``text``, comments passed over.

    After the last ``-->`` no comment can close, so the tags there are found without the comment
    alternative: tried at every ``<!--`` with none after it, it read on to the end of the text each
    time (quadratic in a text of thousands of ``<!--`` in attribute values)."""
    end = text.rfind("-->")
    closed = end + 3 if end >= 0 else 0
    yield from _TABLE_OR_ROW.finditer(text, 0, closed)
    yield from _TABLE_OR_ROW_TAG.finditer(text, closed)


class Lines:
    """Input lines of ``<table>`` and ``<tr>`` elements, past libxml2's 65535-line cap too.

    Where a document is longer than the cap, the start tags are found in the text in order and
    paired with the elements in document order (a tag that produced no element is passed over).
    """

    def __init__(self, text: str, root: Element) -> None:
        self.fixed: dict[Element, int] = {}
        capped = [el for el in root.iter("{*}table", "{*}tr") if line_of(el) >= LINE_CAP]
        if capped:  # only a text of LINE_CAP - 1 line ends or more has them: no need to count them
            self._realign(text, capped)

    def _realign(self, text: str, capped: list[Element]) -> None:
        line, pos, i = 1, 0, 0
        for m in _table_and_row_tags(text):
            if i >= len(capped):
                break
            line += text.count("\n", pos, m.start())
            pos = m.start()
            if m.group(1) is None or line < LINE_CAP:
                continue
            if m.group(1).lower() == local_name(capped[i]):
                self.fixed[capped[i]] = line
                i += 1

    def __call__(self, el: Element) -> int:
        return self.fixed.get(el) or line_of(el)

    def end(self, row: Element) -> int:
        """The last line of ``row``: that of its last element, or its own past the cap."""
        if row in self.fixed:
            return self.fixed[row]
        return max(line_of(el) for el in row.iter())
