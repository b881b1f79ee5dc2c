"""Bytes in, SEC header and documents out: files, standard input, bare documents, submissions.

Submissions come as ``<SEC-DOCUMENT>``/``<IMS-DOCUMENT>`` files (often inside a PEM envelope) or
as daily-feed ``<SUBMISSION>`` files; anything else is one bare document. Every document keeps
the input line numbers of its text, which every later stage reports.
"""

from __future__ import annotations

from typing import Final

from ..model import Document, Header
from ..values import ascii_digits
from .decode import decode_bytes, read_source
from .documents import RawDocument, scan
from .header import parse_header
from .sniff import blank_uuencoded, is_html, may_hold_uuencoded, skip_reason

__all__ = ["decode_bytes", "parse_container", "read_source"]

# Characters no HTML/XML parser accepts (C0 controls but tab and LF, U+FFFE/U+FFFF): a space each,
# so an HTML document parses and keeps every line and column.
_NOT_XML: Final = {c: " " for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF)}
_REFUSED: Final = tuple(chr(c) for c in _NOT_XML)


def html_text(text: str) -> str:
    """``text`` with the characters an HTML parser refuses replaced by spaces.

    Each is looked for on its own: ``in`` runs ``memchr`` through the text, and U+FFFE/U+FFFF
    cannot be in a text of narrower characters at all. The 29 searches cost a third of the one
    C pass that encoded the text to UTF-8 and deleted every byte but the controls (2% of the
    compiled worker)."""
    for char in _REFUSED:
        if char in text:
            return text.translate(_NOT_XML)
    return text


def _sequence(raw: RawDocument, ordinal: int) -> int:
    """The ``<SEQUENCE>`` number, or the document's position when it is missing or garbled."""
    text = raw.meta.get("SEQUENCE", "")
    return int(text) if ascii_digits(text) and len(text) <= 9 else ordinal


def _text_line(raw: RawDocument, text: str) -> int:
    """The input line of a document's first text line. A ``<TEXT>`` tag alone on the input's last
    line starts the text past the end, which is numbered the last line; any other text line
    starts at ``text_at`` inside the input, so the input is counted only in that one case (a
    count of every line end was 0.7% of the compiled worker)."""
    if raw.text_start is None:
        return raw.start + 1
    if raw.text_at <= len(text):
        return raw.text_start + 1
    return min(raw.text_start + 1, text.count("\n") + 1)


def _document(raw: RawDocument, ordinal: int, text: str) -> Document:
    doc_type = raw.meta.get("TYPE")
    filename = raw.meta.get("FILENAME")
    body = raw.body(text)
    skipped = skip_reason(doc_type, filename, body)
    if skipped:
        body = ""
    if skipped is None and may_hold_uuencoded(body):
        lines = body.split("\n")
        names = blank_uuencoded(lines)
        if names and not any(line.strip() for line in lines):
            skipped = f"uuencoded {names[0]}".strip()
        body = "" if skipped else "\n".join(lines)
    html = skipped is None and is_html(body, filename)
    return Document(
        sequence=_sequence(raw, ordinal),
        type=doc_type,
        filename=filename,
        line=raw.start + 1,
        text=html_text(body) if html else body,
        text_line=_text_line(raw, text),
        description=raw.meta.get("DESCRIPTION"),
        is_html=html,
        skipped=skipped,
    )


def _bare(text: str, source: str) -> Document:
    """The whole input as one document, uuencoded blocks blanked."""
    if may_hold_uuencoded(text):
        lines = text.split("\n")
        if blank_uuencoded(lines):
            text = "\n".join(lines)
    html = is_html(text, source)
    return Document(sequence=1, type=None, filename=None, line=1, text=html_text(text) if html else text,
                    text_line=1, is_html=html)


def parse_container(text: str, source: str) -> tuple[Header, tuple[Document, ...]]:
    """The SEC header of a submission and its documents (one bare document otherwise). A
    document's text is a slice of ``text``: the input is never split into lines."""
    found = scan(text)
    header = parse_header(found.header) if found.header else Header()
    if not found.documents:
        return header, (_bare(text, source),)
    return header, tuple(_document(raw, i, text) for i, raw in enumerate(found.documents, 1))
