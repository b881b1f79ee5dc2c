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
# Every byte but the C0 controls in _NOT_XML: deleting these from UTF-8 leaves only such controls
# (no byte of a multi-byte sequence is below 0x80), a C loop several times faster than a regex.
_XML_BYTES: Final = bytes(b for b in range(256) if b not in _NOT_XML)


def html_text(text: str) -> str:
    """``text`` with the characters an HTML parser refuses replaced by spaces."""
    refused = (text.encode("utf-8", "surrogatepass").translate(None, _XML_BYTES)
               or "\ufffe" in text or "\uffff" in text)
    return text.translate(_NOT_XML) if refused else text


def _sequence(raw: RawDocument, ordinal: int) -> int:
    """The ``<SEQUENCE>`` number, or the document's position when it is missing or garbled."""
    text = raw.meta.get("SEQUENCE", "")
    return int(text) if ascii_digits(text) and len(text) <= 9 else ordinal


def _document(raw: RawDocument, ordinal: int, text: str, line_count: int) -> Document:
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
        text_line=min(raw.text_start + 1, line_count) if raw.text_start is not None else raw.start + 1,
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
    line_count = text.count("\n") + 1
    return header, tuple(_document(raw, i, text, line_count) for i, raw in enumerate(found.documents, 1))
