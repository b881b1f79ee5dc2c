"""Split a submission into its header lines and ``<DOCUMENT>``s in one pass over the lines.

The scan is a small state machine that never looks back, so broken input only shortens or
merges documents: a missing ``</TEXT>`` ends at the next ``</DOCUMENT>``, ``<DOCUMENT>`` (when a
``<TYPE>`` follows) or end of submission; a missing ``<TEXT>`` starts the text at the first line
that is not a metadata tag. Line indexes are kept, never re-counted, so every document knows the
input line of its first text line. Within a document's text (and between documents) only lines
holding a container marker are looked at: the scan jumps from one to the next with a search of the
text and counts the line ends it passed over. The text is never split into lines: a line is cut
out where it is read, and a document's text is one slice of the input (splitting a filing into
its lines and joining each document's lines again cost about as much as the scan).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Final

_META_TAG: Final = re.compile(r"<([A-Z][A-Z0-9-]{0,40})>(.*)")
_META_KEYS: Final = ("TYPE", "SEQUENCE", "FILENAME", "DESCRIPTION")
_HEADER_OPEN: Final = ("<SEC-HEADER>", "<IMS-HEADER>", "<SUBMISSION>")
_HEADER_CLOSE: Final = ("</SEC-HEADER>", "</IMS-HEADER>")
_SUBMISSION_OPEN: Final = ("<SEC-DOCUMENT>", "<IMS-DOCUMENT>")
_SUBMISSION_END: Final = ("</SEC-DOCUMENT>", "</IMS-DOCUMENT>", "</SUBMISSION>",
                          "-----END PRIVACY-ENHANCED MESSAGE-----")
_TAG_LINE: Final = 1000
"""Container tags sit on short lines; longer lines are only searched for ``</TEXT>``."""
_PEM_END: Final = _SUBMISSION_END[-1]
_MARKERS: Final = ("</TEXT>", "DOCUMENT>", "SUBMISSION>", "-HEADER>", _PEM_END)
"""What a line must hold to end a document's text or to start or end anything outside one: every
``</TEXT>``, ``<DOCUMENT>``, ``<SEC-DOCUMENT>``, ``</SUBMISSION>``, ``<SEC-HEADER>`` ... tag and
the end of a PEM envelope holds one of these strings.

Found anywhere in a line, so a superset of the tag lines; each line found is then read by the
same line rules as the lines of a header or a document's metadata. Each string is looked for
with ``str.find``, which skips through text many times faster than a pattern that stops at
every ``<`` of an HTML document, and each one's next place is kept until the scan passes it.
"""


class _State(Enum):
    OUTSIDE = 0
    HEADER = 1
    META = 2
    TEXT = 3
    AFTER_TEXT = 4


_PER_LINE: Final = frozenset((_State.HEADER, _State.META))
"""States in which every line counts; in the others only a line with a marker can change anything."""


@dataclass
class RawDocument:
    """Where one ``<DOCUMENT>`` lies: 0-based line indexes into the input's lines, and the offsets
    in the input's text where its text lines start and end."""

    start: int
    meta: dict[str, str] = field(default_factory=dict)
    text_start: int | None = None
    text_end: int | None = None
    first: str | None = None
    """The first text line when ``<TEXT>`` shares its line with text."""
    last: str | None = None
    """The last text line when ``</TEXT>`` shares its line with text."""
    text_at: int = 0
    """Offset in the input of the line ``text_start``."""
    end_at: int | None = None
    """Offset in the input of the line ``text_end`` (``None`` while that is)."""

    def body(self, text: str) -> str:
        """The lines of ``<TEXT>`` joined by ``\\n``, with the parts of shared tag lines cut off:
        one slice of the input ``text``, not a join of its lines."""
        if self.text_start is None:
            return ""
        end = len(text) + 1 if self.end_at is None else self.end_at
        if self.text_at >= end:
            return ""
        body = text[self.text_at : end - 1]
        if self.first is not None:
            cut = body.find("\n")
            body = self.first if cut < 0 else self.first + body[cut:]
        if self.last is not None:
            body = body[: body.rfind("\n") + 1] + self.last
        return body


@dataclass
class Scan:
    header: list[str] = field(default_factory=list)
    documents: list[RawDocument] = field(default_factory=list)


def _short(line: str) -> str:
    return line.strip() if len(line) <= _TAG_LINE else ""


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.out = Scan()
        self.state = _State.OUTSIDE
        self.doc: RawDocument | None = None
        self.line_at = 0
        """Offset of the line being read."""
        self.next_at = 0
        """Offset of the line after it (one past the end of the text for the last line)."""

    def _read(self, i: int, start: int, end: int) -> None:
        """Apply the line rules to line ``i``, ``text[start:end]``."""
        self.line_at, self.next_at = start, end + 1
        line = self.text[start:end]
        if self.state is _State.TEXT:
            self._text(i, line)
        else:
            self._tags(i, line)

    def run(self) -> Scan:
        text = self.text
        size = len(text)
        i, pos = 0, 0  # the next line and the offset in ``text`` where it starts
        # where each marker string next occurs at or after ``pos`` (searched again when passed)
        ahead = [-1] * len(_MARKERS)
        while pos <= size:
            if self.state in _PER_LINE:
                end = text.find("\n", pos)
                end = size if end < 0 else end
                self._read(i, pos, end)
                pos = end + 1
                i += 1
                continue
            # Only a line holding a marker can change this state: jump to the next one.
            for k, marker in enumerate(_MARKERS):
                if ahead[k] < pos:
                    found = text.find(marker, pos)
                    ahead[k] = size + 1 if found < 0 else found
            at = min(ahead)
            if at >= size:
                break
            start = max(pos, text.rfind("\n", pos, at) + 1)
            i += text.count("\n", pos, start)
            end = text.find("\n", at)  # no marker holds a line end
            end = size if end < 0 else end
            self._read(i, start, end)
            pos = end + 1
            i += 1
        return self.out

    def _next_line(self) -> str | None:
        """The line after the one being read, or ``None`` after the last."""
        if self.next_at > len(self.text):
            return None
        end = self.text.find("\n", self.next_at)
        return self.text[self.next_at :] if end < 0 else self.text[self.next_at : end]

    def _open(self, i: int) -> None:
        self.doc = RawDocument(start=i)
        self.out.documents.append(self.doc)
        self.state = _State.META

    def _end_text(self, i: int) -> None:
        if self.doc is not None and self.doc.text_start is not None and self.doc.text_end is None:
            self.doc.text_end, self.doc.end_at = i, self.line_at

    def _tags(self, i: int, line: str) -> None:
        tag = _short(line)
        if tag == "<DOCUMENT>":
            self._open(i)
        elif self.state is _State.OUTSIDE:
            if tag.startswith(_HEADER_OPEN) or tag.startswith(_SUBMISSION_OPEN):
                self.out.header.append(line)
                if tag.startswith(_HEADER_OPEN):
                    self.state = _State.HEADER
        elif self.state is _State.HEADER:
            if tag.startswith(_HEADER_CLOSE):
                self.state = _State.OUTSIDE
            else:
                self.out.header.append(line)
        elif tag.startswith("</DOCUMENT>") or tag.startswith(_SUBMISSION_END):
            self.state = _State.OUTSIDE
        elif self.state is _State.META:
            self._meta(i, line, tag)

    def _meta(self, i: int, line: str, tag: str) -> None:
        assert self.doc is not None
        m = _META_TAG.match(tag)
        if m is not None and m[1] == "TEXT":
            self.state = _State.TEXT
            rest = tag[m.start(2) :]
            if rest.strip():
                self.doc.text_start, self.doc.text_at, self.doc.first = i, self.line_at, rest
                self._text(i, rest)
            else:
                self.doc.text_start, self.doc.text_at = i + 1, self.next_at
        elif m is not None and m[1] in _META_KEYS:
            if m[2].strip():
                self.doc.meta.setdefault(m[1], m[2].strip())
        elif line.strip():
            self.doc.text_start, self.doc.text_at = i, self.line_at
            self.state = _State.TEXT
            self._text(i, line)

    def _text(self, i: int, line: str) -> None:
        assert self.doc is not None
        pos = line.find("</TEXT>")
        if pos >= 0:
            before = line[:pos]
            if before.strip():
                self.doc.text_end, self.doc.end_at, self.doc.last = i + 1, self.next_at, before
                if i == self.doc.text_start:
                    self.doc.first = before
            else:
                self.doc.text_end, self.doc.end_at = i, self.line_at
            self.state = _State.AFTER_TEXT
            return
        tag = _short(line)
        if tag.startswith("</DOCUMENT>") or tag.startswith(_SUBMISSION_END):
            self._end_text(i)
            self.state = _State.OUTSIDE
        elif tag == "<DOCUMENT>" and _short(self._next_line() or "").startswith("<TYPE>"):
            self._end_text(i)
            self._open(i)


def scan(text: str) -> Scan:
    """The header lines and the documents of a submission (none for a bare document)."""
    return _Scanner(text).run()
