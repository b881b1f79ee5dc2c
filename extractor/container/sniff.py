"""What a document holds: HTML or plain text, or data not to read at all (uuencoded, PDF, images).

A plain-text EDGAR document uses a few upper-case SGML tags of its own (``<TABLE>``, ``<S>``,
``<C>``, ``<CAPTION>``, ``<PAGE>``, ``<FN>``), so one ``<TABLE>`` does not make a document HTML;
HTML is recognised by its root element, a ``<table`` with attributes or in lower case, or
several ordinary HTML tags.
"""

from __future__ import annotations

import re
from typing import Final

SNIFF: Final = 65536
"""Characters of a document looked at to decide whether it is HTML."""

_ROOT: Final = re.compile(r"<(?:!DOCTYPE\s+html|html[\s>]|body[\s>]|xhtml:html|ix:header)", re.I)
_HTML_TABLE: Final = re.compile(r"<table(?:>|\s+[a-z])|<TABLE\s+[A-Za-z]")
_HTML_TAGS: Final = re.compile(r"<(?:tr|td|th|p|div|br|font|span|hr|img|center|a\s)[\s/>]", re.I)
_MIN_TAGS: Final = 5

_HTML_EXTENSIONS: Final = (".htm", ".html", ".xhtml")
_SKIP_TYPES: Final = {"GRAPHIC": "graphic", "ZIP": "zip archive", "EXCEL": "Excel workbook", "PDF": "PDF",
               "XML": "XML data", "JSON": "JSON data"}
_SKIP_EXTENSIONS: Final = {
    ".pdf": "PDF", ".jpg": "graphic", ".jpeg": "graphic", ".gif": "graphic", ".png": "graphic",
    ".bmp": "graphic", ".tif": "graphic", ".tiff": "graphic", ".zip": "zip archive",
    ".xls": "Excel workbook", ".xlsx": "Excel workbook", ".xml": "XML data", ".xsd": "XML schema",
    ".json": "JSON data",
}

_UU_BEGIN: Final = re.compile(r"begin [0-7]{3,4} \S")
# Characters a uuencoded line is made of (space to backtick), for str.translate.
_UU_CHARS: Final = {c: None for c in range(0x20, 0x61)}


def _extension(name: str | None) -> str:
    if not name:
        return ""
    base = name.strip().lower().removesuffix(".gz")
    dot = base.rfind(".")
    return base[dot:] if dot > base.rfind("/") else ""


def is_html(text: str, filename: str | None) -> bool:
    """True for an HTML/XHTML/inline-XBRL document, by file name or by its first characters."""
    if _extension(filename) in _HTML_EXTENSIONS:
        return True
    head = text[:SNIFF]
    if _ROOT.search(head) or _HTML_TABLE.search(head):
        return True
    return any(count >= _MIN_TAGS for count, _ in enumerate(_HTML_TAGS.finditer(head), 1))


def _first_written_line(text: str, within: int = 50) -> str:
    """The first line of ``text`` that is not blank, stripped, if one of the first ``within``
    lines is; else ``""``. Found line by line, as a document may be one long line."""
    pos = 0
    for _ in range(within):
        end = text.find("\n", pos)
        line = (text[pos:] if end < 0 else text[pos:end]).strip()
        if line or end < 0:
            return line
        pos = end + 1
    return ""


def skip_reason(doc_type: str | None, filename: str | None, text: str) -> str | None:
    """Why a document is not read for tables (images, PDF, archives, data files), or ``None``."""
    kind = (doc_type or "").strip().upper()
    if kind in _SKIP_TYPES:
        return _SKIP_TYPES[kind]
    reason = _SKIP_EXTENSIONS.get(_extension(filename))
    if reason is not None:
        return reason
    first = _first_written_line(text)
    if first.upper() == "<PDF>":
        return "PDF"
    if first.upper() == "<XML>":
        return "XML data"
    return None


def _is_uu_line(line: str) -> bool:
    body = line.rstrip()
    return len(body) <= 200 and not body.translate(_UU_CHARS)


def may_hold_uuencoded(text: str) -> bool:
    """False when no line of ``text`` starts with ``begin ``, so :func:`blank_uuencoded` would find nothing.

    Two searches in C instead of a Python test of every line.
    """
    return text.startswith("begin ") or "\nbegin " in text


def blank_uuencoded(lines: list[str]) -> list[str]:
    """Names of the uuencoded blocks (``begin 644 name`` … ``end``), blanked in place.

    Lines are emptied, not removed, so every later line keeps its number. A block ends at its
    ``end`` line or at the first line that cannot be uuencoded data (a truncated block).
    """
    names: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not (line.startswith("begin") and _UU_BEGIN.match(line[:300])):
            i += 1
            continue
        names.append(line.split(None, 2)[2].strip() if len(line.split(None, 2)) > 2 else "")
        lines[i] = ""
        i += 1
        while i < len(lines):
            if lines[i].strip() == "end":
                lines[i] = ""
                i += 1
                break
            if not _is_uu_line(lines[i]):
                break
            lines[i] = ""
            i += 1
    return names
