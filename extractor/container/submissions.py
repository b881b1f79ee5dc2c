"""Where one submission ends and the next begins, in bytes that may hold several.

EDGAR's bulk files concatenate a day's submissions, and people concatenate filings themselves.
Each submission is a filing of its own, with its own header: read as one input, every table after
the first would carry the first one's accession number, company and CIK. A stream is split where
one submission closes (``</SEC-DOCUMENT>``, ``</SUBMISSION>``, ``</IMS-DOCUMENT>``, or the PEM
wrapper's END line) and the next non-blank line opens another. A tag quoted inside a document's
text does not split it: both the close and the open must stand alone at line starts, one right
after the other.
"""

from __future__ import annotations

import re
from typing import Final

BOUNDARY: Final = re.compile(
    rb"^(?:</SEC-DOCUMENT>|</SUBMISSION>|</IMS-DOCUMENT>|-----END PRIVACY-ENHANCED MESSAGE-----)[ \t]*"
    rb"(?:\r\n?|\n)(?:[ \t]*(?:\r\n?|\n))*"
    rb"(?=[ \t]*(?:<SEC-DOCUMENT>|<SUBMISSION>|<IMS-DOCUMENT>|-----BEGIN PRIVACY-ENHANCED))",
    re.MULTILINE)
"""A submission's closing line and the blank lines after it, where an opening line follows."""

CLOSERS: Final = (b"</SEC-DOCUMENT>", b"</SUBMISSION>", b"</IMS-DOCUMENT>", b"-----END PRIVACY-ENHANCED")


def may_hold_several(data: bytes | bytearray) -> bool:
    """Cheap pre-test: a closing tag anywhere before the last few bytes (one ``find`` per closer)."""
    cut = len(data) - 16
    return any(0 <= data.find(closer) < cut for closer in CLOSERS)


def next_boundary(buffer: bytes | bytearray, start: int) -> int | None:
    """The end of the first boundary at or after ``start``. The closing tags are found by
    ``find`` (many times faster than a regular-expression scan of the whole text); the pattern is
    only tried where one stands."""
    found = {closer: buffer.find(closer, start) for closer in CLOSERS}
    while True:
        closer, at = min(((c, i) for c, i in found.items() if i >= 0), key=lambda hit: hit[1], default=(b"", -1))
        if at < 0:
            return None
        match = BOUNDARY.match(buffer, at)
        if match is not None:
            return match.end()
        found[closer] = buffer.find(closer, at + 1)


def split_concatenated(data: bytes) -> list[bytes]:
    """The submissions of ``data`` in order: ``[data]`` itself when it holds one (nearly always)."""
    if not may_hold_several(data):
        return [data]
    parts: list[bytes] = []
    start = 0
    while (end := next_boundary(data, start)) is not None:
        parts.append(data[start:end])
        start = end
    if not parts:
        return [data]
    parts.append(data[start:])
    return parts
